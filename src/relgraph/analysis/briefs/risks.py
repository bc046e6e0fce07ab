"""The risks of a negotiation brief (rules in :mod:`relgraph.analysis.briefs.negotiation`)."""

from __future__ import annotations

from relgraph.analysis.briefs.common import (
    COVERING,
    OurTie,
    PersonRef,
    cite_interaction,
    cite_organization,
    cite_person,
    cite_relationship,
    cite_tie,
    name,
    pair_interactions,
    valid_relationships,
)
from relgraph.analysis.briefs.findings import (
    IMPORTANT_ROLES,
    Coverage,
    Risk,
    Stakeholder,
    competitor_risks,
    listeners,
)
from relgraph.model import DecisionRole, Relationship, RelType, Seniority
from relgraph.projection import Projection

__all__ = ["risks"]


def risks(
    projection: Projection, oid: str, stakeholders: list[Stakeholder], coverage: Coverage
) -> list[Risk]:
    risks = _thread_risks(projection, oid, stakeholders, coverage)
    for s in stakeholders:
        important = s.decision_role in IMPORTANT_ROLES or s.seniority == Seniority.EXECUTIVE.value
        risks.extend(_stance_risks(projection, s))
        for tie in s.our_ties:
            if tie.status == "negative":
                risks.append(_negative_risk(projection, tie))
            elif tie.status in {"cooling", "dormant"} and important:
                risks.append(_cold_risk(projection, tie, s))
        risks.extend(competitor_risks(projection, s.id, oid))
    return risks


def _thread_risks(
    projection: Projection, oid: str, stakeholders: list[Stakeholder], coverage: Coverage
) -> list[Risk]:
    org_name, risks = projection.organizations[oid].name, []
    if stakeholders and projection.internal and not coverage.our_people:
        risks.append(Risk(
            f"risk:uncovered:{oid}", "uncovered",
            f"none of us has a strong, active or cooling tie to anyone at {org_name}", [], [], [],
            [cite_organization(projection, oid, f"{len(stakeholders)} people recorded there")],
        ))  # fmt: skip
    if len(coverage.our_people) == 1:
        only = coverage.our_people[0]
        evidence = [
            cite_tie(projection, t.person, s.id)
            for s in stakeholders
            for t in s.our_ties
            if t.person == only
        ]
        risks.append(Risk(
            f"risk:single_threaded:{oid}", "single_threaded",
            f"{org_name} is reached only through {projection.people[only].name}", [only], [], [],
            [cite_organization(projection, oid), *evidence],
        ))  # fmt: skip
    for entry in coverage.entries:
        if len(entry.through) == 1:
            (tie,) = entry.through
            risks.append(Risk(
                f"risk:single_thread_decision_maker:{entry.person}", "single_thread_decision_maker",
                f"decision maker {entry.name} is covered only by {tie.name}", [entry.person, tie.person],
                [], [], [cite_tie(projection, tie.person, entry.person)],
            ))  # fmt: skip
    return risks


def _stance_risks(projection: Projection, s: Stakeholder) -> list[Risk]:
    blocker = s.decision_role == DecisionRole.BLOCKER.value
    if not blocker and not (s.stance is not None and s.stance < 0):
        return []
    listens, sways = listeners(projection, s.id)
    kind = "blocker" if blocker else "opponent"
    stance = f", stance {s.stance:+d}" if s.stance is not None else ", stance unknown"
    parts = [f"{s.name} ({kind}{stance})"]
    if listens:
        parts.append("listens to " + ", ".join(_described(r) for r in listens))
    if sways:
        parts.append("sways " + ", ".join(_described(r) for r in sways))
    evidence = [cite_person(projection, s.id, f"{kind}{stance}")]
    evidence += [cite_relationship(projection, r) for r in _influences(projection, s.id)]
    evidence += [cite_tie(projection, s.id, r.id) for r in listens if "strong tie" in r.how]
    return [Risk(f"risk:{kind}:{s.id}", kind, "; ".join(parts), [s.id], listens, sways, evidence)]


def _described(ref: PersonRef) -> str:
    return (
        f"{ref.name} ({ref.organization}; {ref.how})"
        if ref.organization
        else f"{ref.name} ({ref.how})"
    )


def _influences(projection: Projection, pid: str) -> list[Relationship]:
    return [
        r
        for r in valid_relationships(projection, (RelType.INFLUENCES,))
        if pid in (r.source, r.target)
    ]


def _negative_risk(projection: Projection, tie: OurTie) -> Risk:
    edge = projection.graph.edges[tie.person, tie.other]
    bad = [
        i for i in pair_interactions(projection, tie.person, tie.other) if (i.sentiment or 0) < 0
    ][:3]
    return Risk(
        f"risk:negative_tie:{tie.person}:{tie.other}", "negative_tie",
        f"{tie.name} and {name(projection, tie.other)} are on bad terms (sentiment {edge['sentiment']:+.2f})",
        [tie.person, tie.other], [], [],
        [cite_tie(projection, tie.person, tie.other), *(cite_interaction(projection, i) for i in bad)],
    )  # fmt: skip


def _cold_risk(projection: Projection, tie: OurTie, s: Stakeholder) -> Risk:
    since = (
        f"no contact for {tie.days_since_contact} days"
        if tie.days_since_contact is not None
        else "never met on record"
    )
    warm = [t.name for t in s.our_ties if t.status in COVERING]
    also = (
        f"; {', '.join(warm)} keeps a strong or active tie"
        if warm
        else "; no one else of ours holds a strong or active tie"
    )
    last = pair_interactions(projection, tie.person, tie.other)[:1]
    return Risk(
        f"risk:{tie.status}_tie:{tie.person}:{s.id}", f"{tie.status}_tie",
        f"{tie.name}'s tie to {s.name} ({(s.decision_role or s.seniority or '').replace('_', ' ')}) is {tie.status} ({since}){also}",
        [tie.person, s.id], [], [],
        [cite_tie(projection, tie.person, s.id), *(cite_interaction(projection, i) for i in last)],
    )  # fmt: skip
