"""The negotiation brief for one organisation: who decides, where they stand, how we reach them, what to do.

Sections, each built only from what the network records:

* **stakeholders** — everyone who works at or is a member of the organisation, ranked by key-contact score
  (:func:`relgraph.analysis.centrality.key_contacts`), with decision role, seniority, stance, stated influence
  and our ties to them;
* **structure** — ``REPORTS_TO`` and ``INFLUENCES`` relationships with at least one end in the organisation
  (``external`` when the other end is outside it);
* **coverage** — its decision makers (``decision_role = decision_maker``), each *covered* when one of our people
  holds a strong or active tie to them, and through whom; and our people who reach it at all (strong, active or
  cooling tie, as in the weak-links analysis);
* **paths** — the two strongest warm routes to every decision maker we do not cover
  (:func:`relgraph.analysis.paths.warm_paths`);
* **risks** — ``uncovered`` (none of us reaches anyone there), ``single_threaded`` (exactly one of us does),
  ``single_thread_decision_maker`` (a decision maker covered by exactly one of us), ``cooling_tie`` /
  ``dormant_tie`` (our tie to someone with a decision role other than user, or an executive), ``negative_tie``,
  ``blocker`` (decision role blocker) and ``opponent`` (stance below 0), each with the people they listen to
  (``INFLUENCES`` into them and their strong ties) and those they sway (``INFLUENCES`` out of them), and
  ``competitor_tie`` (a tie to someone at a competitor);
* **related** — organisations linked to it by a typed relationship, and competitors whose people have ties to its
  people;
* **recent_interactions** — in the last ``recent_days`` days, about the organisation or with its people;
* **recommendations** — at most ten, each derived from one finding above (``finding`` names it), one per pair of
  who acts and whom they contact;
* **missing** — what the network does not say (no people, no decision makers, unknown stances, no recent contact,
  no ties from us). Sections without evidence stay empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from relgraph.analysis.briefs.common import (
    COVERING,
    REACHING,
    Citation,
    RecentInteraction,
    Recommendation,
    best_route,
    cite_organization,
    cite_person,
    cite_tie,
    merge_recommendations,
    name,
    organization_of,
    our_ties,
    reaching_us,
    recent_interactions,
    repair_recommendation,
    route_recommendation,
    second_thread,
)
from relgraph.analysis.briefs.findings import (
    IMPORTANT_ROLES,
    MAX_RECOMMENDATIONS,
    Coverage,
    CoverageEntry,
    PathsTo,
    RelatedOrganization,
    Risk,
    Stakeholder,
    StructureLink,
    listeners,
    related_organizations,
    structure,
)
from relgraph.analysis.briefs.risks import risks as find_risks
from relgraph.analysis.centrality import KeyContact, key_contacts
from relgraph.model import DecisionRole
from relgraph.projection import Projection

__all__ = [
    "Coverage",
    "CoverageEntry",
    "NegotiationBrief",
    "PathsTo",
    "RelatedOrganization",
    "Risk",
    "Stakeholder",
    "StructureLink",
    "listeners",
    "negotiation_brief",
    "related_organizations",
]


@dataclass(frozen=True)
class NegotiationBrief:
    organization: str
    name: str
    kind: str
    roles: list[str]
    value: float | None
    as_of: str
    recent_days: int
    stakeholders: list[Stakeholder]
    structure: list[StructureLink]
    coverage: Coverage
    paths: list[PathsTo]
    risks: list[Risk]
    related: list[RelatedOrganization]
    recent_interactions: list[RecentInteraction]
    recommendations: list[Recommendation]
    missing: list[str]
    evidence: list[Citation]


def negotiation_brief(
    projection: Projection, organization_id: str, *, recent_days: int = 90, seed: int = 0
) -> NegotiationBrief:
    """The negotiation brief for one organisation (rules in the module docstring).

    Raises :class:`~relgraph.errors.NotFoundError` for an unknown organisation.

    Examples
    --------
    >>> from datetime import date
    >>> from relgraph.model import Network, Organization, Person, Relationship
    >>> from relgraph.projection import project
    >>> net = Network(
    ...     people=[Person(id="us", name="Una", internal=True), Person(id="cfo", name="Carl"),
    ...             Person(id="coo", name="Cora")],
    ...     organizations=[Organization(id="acme", name="Acme", kind="company", roles=["client"])],
    ...     relationships=[
    ...         Relationship(source="cfo", target="acme", type="WORKS_AT", decision_role="decision_maker"),
    ...         Relationship(source="coo", target="acme", type="WORKS_AT"),
    ...         Relationship(source="us", target="coo", type="KNOWS", strength=0.8),
    ...         Relationship(source="coo", target="cfo", type="KNOWS", strength=0.8)])
    >>> brief = negotiation_brief(project(net, as_of=date(2026, 1, 1)), "acme")
    >>> brief.coverage.decision_makers, brief.coverage.covered
    (1, 0)
    >>> brief.recommendations[0].action
    'Una should ask Cora to introduce them to Carl'
    """
    org = organization_of(projection, organization_id)
    members = projection.members_of(organization_id)
    contacts = key_contacts(projection, organization=organization_id, limit=None, seed=seed)
    stakeholders = [_stakeholder(projection, c) for c in contacts]
    coverage = _coverage(projection, members, stakeholders)
    paths = [
        PathsTo(e.person, e.name, best_route(projection, e.person, k=2))
        for e in coverage.entries
        if not e.covered
    ]
    risks = find_risks(projection, organization_id, stakeholders, coverage)
    recent = recent_interactions(projection, organization_id, members, recent_days)
    return NegotiationBrief(
        organization_id, org.name, org.kind.value, [r.value for r in org.roles], org.value,
        projection.as_of.isoformat(), recent_days, stakeholders, structure(projection, members),
        coverage, paths, risks, related_organizations(projection, organization_id), recent,
        _recommendations(projection, stakeholders, paths, risks),
        _missing(projection, org.name, stakeholders, recent, recent_days),
        [cite_organization(projection, organization_id)],
    )  # fmt: skip


def _stakeholder(projection: Projection, contact: KeyContact) -> Stakeholder:
    person = projection.people[contact.id]
    title = next(
        (m.title for m in projection.memberships.get(contact.id, []) if m.organization == contact.organization and m.title),
        person.title,
    )  # fmt: skip
    ties = our_ties(projection, contact.id)
    return Stakeholder(
        contact.rank, contact.id, contact.name, title, contact.decision_role, contact.seniority,
        person.stance, person.influence, contact.score, contact.reason, ties,
        [cite_person(projection, contact.id, contact.reason)],
    )  # fmt: skip


def _coverage(
    projection: Projection, members: list[str], stakeholders: list[Stakeholder]
) -> Coverage:
    entries = []
    for s in stakeholders:
        if s.decision_role != DecisionRole.DECISION_MAKER.value:
            continue
        through = [t for t in s.our_ties if t.status in COVERING]
        others = [t for t in s.our_ties if t.status not in COVERING]
        evidence = [cite_person(projection, s.id, "decision maker")]
        evidence += [cite_tie(projection, t.person, s.id) for t in s.our_ties]
        entries.append(
            CoverageEntry(
                f"coverage:{s.id}", s.id, s.name, bool(through), through, others, evidence
            )
        )
    reach = reaching_us(projection, members)
    return Coverage(
        len(entries), sum(e.covered for e in entries), entries, list(reach),
        [projection.people[p].name for p in reach],
    )  # fmt: skip


def _recommendations(
    projection: Projection, stakeholders: list[Stakeholder], paths: list[PathsTo], risks: list[Risk]
) -> list[Recommendation]:
    by_id = {s.id: s for s in stakeholders}
    recs = []
    for target in paths:
        who = by_id[target.person]
        why = f"{who.name} is a decision maker ({who.title or 'no title recorded'}) and none of us has a strong or active tie"
        swayers = [
            r
            for r in risks
            if r.kind in {"blocker", "opponent"} and any(x.id == who.id for x in r.sways)
        ]
        why += "".join(
            f"; {name(projection, r.people[0])} ({r.kind}) influences them" for r in swayers
        )
        if target.routes:
            recs.append(route_recommendation(target.routes[0], why, f"coverage:{target.person}"))
        else:
            recs.append(Recommendation(
                f"Find a first contact with {who.name}", f"{why}; no route from our people within 4 ties",
                [], None, who.id, [], f"coverage:{target.person}", [cite_person(projection, who.id)],
            ))  # fmt: skip
    order = ("blocker", "opponent", "single_thread_decision_maker", "single_threaded", "uncovered",
             "negative_tie", "cooling_tie", "dormant_tie")  # fmt: skip
    for kind in order:
        for risk in (r for r in risks if r.kind == kind):
            recs.extend(_risk_recommendations(projection, risk, stakeholders))
    return merge_recommendations(recs, MAX_RECOMMENDATIONS)


def _risk_recommendations(
    projection: Projection, risk: Risk, stakeholders: list[Stakeholder]
) -> list[Recommendation]:
    if risk.kind in {"blocker", "opponent"}:
        return _listener_recommendations(projection, risk)
    if risk.kind == "single_thread_decision_maker":
        dm, only = risk.people
        routes = best_route(projection, dm, avoid=[only])
        why = f"{name(projection, dm)} is covered only by {name(projection, only)}: add a second thread"
        return [route_recommendation(routes[0], why, risk.id)] if routes else []
    if risk.kind in {"single_threaded", "uncovered"}:
        thread = risk.people[0] if risk.people else None
        ranked = [s.id for s in stakeholders]
        return second_thread(projection, thread, ranked, risk.summary, risk.id, risk.evidence)
    ours, other = risk.people
    if risk.kind == "negative_tie":
        return [
            repair_recommendation(projection, ours, other, risk.summary, risk.id, risk.evidence)
        ]
    return [Recommendation(
        f"{name(projection, ours)} should get back in touch with {name(projection, other)}",
        risk.summary, [], ours, other, [], risk.id, risk.evidence,
    )]  # fmt: skip


def _listener_recommendations(projection: Projection, risk: Risk) -> list[Recommendation]:
    (target,) = risk.people
    recs = []
    for ref in risk.listens_to:
        if ref.id in projection.internal:
            recs.append(Recommendation(
                f"{ref.name} should talk to {name(projection, target)} directly",
                f"{name(projection, target)} ({risk.kind}) listens to {ref.name} ({ref.how})", [],
                ref.id, target, [], risk.id, risk.evidence,
            ))  # fmt: skip
            continue
        usable = [t for t in our_ties(projection, ref.id) if t.status in REACHING]
        if not usable:
            continue
        tie = usable[0]
        recs.append(Recommendation(
            f"{tie.name} should talk to {ref.name}, whom {name(projection, target)} listens to",
            f"{name(projection, target)} is a {risk.kind} and listens to {ref.name} ({ref.how}); "
            f"{tie.name}'s tie to {ref.name} is {tie.status}", [],
            tie.person, ref.id, [], risk.id, [*risk.evidence, cite_tie(projection, tie.person, ref.id)],
        ))  # fmt: skip
    return recs


def _missing(
    projection: Projection, org_name: str, stakeholders: list[Stakeholder],
    recent: list[RecentInteraction], recent_days: int,
) -> list[str]:  # fmt: skip
    if not projection.internal:
        missing = ["nobody in the network is marked as one of our people (internal)"]
    else:
        missing = []
    if not stakeholders:
        return [*missing, f"no people recorded at {org_name} (WORKS_AT or MEMBER_OF)"]
    if not any(s.decision_role for s in stakeholders):
        missing.append(
            f"no decision roles recorded for anyone at {org_name} (decision_role on WORKS_AT)"
        )
    elif not any(s.decision_role == DecisionRole.DECISION_MAKER.value for s in stakeholders):
        missing.append(f"no decision makers recorded at {org_name} (decision_role on WORKS_AT)")
    unknown = [
        s.name for s in stakeholders if s.decision_role in IMPORTANT_ROLES and s.stance is None
    ]
    if unknown:
        missing.append(f"stance unknown for {', '.join(unknown)}")
    if not recent:
        missing.append(
            f"no interactions with {org_name} or its people in the last {recent_days} days"
        )
    if projection.internal and not any(s.our_ties for s in stakeholders):
        missing.append(f"none of our people has any tie to anyone at {org_name}")
    return missing
