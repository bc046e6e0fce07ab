"""The community-relations plan for a municipality or authority: its people, the groups around it, coalitions,
our coverage and gaps, who bridges us to the groups we lack, whom to engage first, what to repair.

* **officials** — everyone who works at (officials) or is a member of (elected members, board members) the
  organisation, ranked by key-contact score, with role, stance, power, interest, quadrant and salience from the
  stakeholder grid (:mod:`relgraph.analysis.grid`) and our ties to them; *covered* means a strong or active tie
  from one of our people.
* **groups** — other organisations (not ours) linked to it: by a typed relationship (``REGULATES``, ``SUPPLIES``,
  …), by a person who belongs to both, or by a tie between one of its people and one of theirs. Each says how it is
  linked and which of our people reach it (strong, active or cooling tie to one of its people).
* **coalitions** — Leiden communities (:func:`relgraph.analysis.communities.communities`) holding any of those
  people, with their supporters (stance > 0) and opponents (stance < 0) among people outside our organisation;
  labelled ``opponents`` when at least two oppose and more oppose than support, ``supporters`` the other way.
* **coverage** — officials covered and not; groups reached and not; our people who reach the organisation.
* **bridges** — for every group none of us reaches, the strongest warm route to one of its people; the first
  person on it outside our organisation is the bridge.
* **engagement** — every stakeholder in scope (the organisation, its people, the groups and their people) in
  engagement order: Mendelow quadrant (manage closely, keep satisfied, keep informed, monitor), then salience
  (definitive first), then power and interest, with the numbers for a power–interest chart.
* **repairs** — negative ties (status ``negative``) touching anyone in scope: ``ours`` when one end is one of our
  people, else a tension between two stakeholders.
* **recommendations** — at most ten, each from one finding: a second thread when one of us carries the
  organisation alone, an introduction to each uncovered decision maker or blocker, a route to each group we lack through its
  bridge, a repair for each negative tie of ours, a call for each cooling or dormant tie to an official with a
  decision role.

Any organisation is accepted; for one that is not a municipality or public authority ``notes`` says so and the plan
treats its people as the officials.
"""

from __future__ import annotations

from dataclasses import dataclass

from relgraph.analysis.briefs.common import (
    COVERING,
    Citation,
    OurTie,
    RecentInteraction,
    Recommendation,
    Route,
    best_route,
    cite_organization,
    cite_person,
    cite_tie,
    home_organization,
    merge_recommendations,
    name,
    names,
    organization_of,
    our_ties,
    reaching_us,
    recent_interactions,
    repair_recommendation,
    route_recommendation,
    second_thread,
    unique,
)
from relgraph.analysis.briefs.community_sections import (
    Coalition,
    EngagementEntry,
    Repair,
    coalitions,
    engagement,
    repairs,
)
from relgraph.analysis.briefs.findings import (
    MAX_RECOMMENDATIONS,
    CoverageEntry,
    related_organizations,
)
from relgraph.analysis.brokerage import brokers
from relgraph.analysis.centrality import key_contacts
from relgraph.analysis.grid import GridRow, stakeholder_grid
from relgraph.model import DecisionRole, OrgKind
from relgraph.projection import Projection

__all__ = [
    "Bridge",
    "Coalition",
    "CommunityCoverage",
    "CommunityPlan",
    "EngagementEntry",
    "Group",
    "Official",
    "Repair",
    "community_plan",
]

_DECIDING = {DecisionRole.DECISION_MAKER.value, DecisionRole.BLOCKER.value}
_ROLES = {r.value for r in DecisionRole} - {DecisionRole.USER.value}


@dataclass(frozen=True, slots=True)
class Official:
    rank: int
    id: str
    name: str
    title: str | None
    membership: str
    decision_role: str | None
    seniority: str | None
    stance: int | None
    power: float
    interest: float
    quadrant: str
    salience: str
    covered: bool
    our_ties: list[OurTie]
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    kind: str
    roles: list[str]
    stance: int | None
    members: list[str]
    member_names: list[str]
    links: list[str]
    reached_by: list[str]
    reached_by_names: list[str]
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class CommunityCoverage:
    officials: int
    covered: int
    entries: list[CoverageEntry]
    groups: int
    groups_reached: int
    our_people: list[str]
    our_people_names: list[str]


@dataclass(frozen=True, slots=True)
class Bridge:
    id: str
    name: str
    organization: str | None
    groups: list[str]
    group_names: list[str]
    our_tie: OurTie | None
    bridging: int | None
    routes: list[Route]
    evidence: list[Citation]


@dataclass(frozen=True)
class CommunityPlan:
    organization: str
    name: str
    kind: str
    roles: list[str]
    as_of: str
    notes: list[str]
    officials: list[Official]
    groups: list[Group]
    coalitions: list[Coalition]
    coverage: CommunityCoverage
    bridges: list[Bridge]
    engagement: list[EngagementEntry]
    repairs: list[Repair]
    recent_interactions: list[RecentInteraction]
    recommendations: list[Recommendation]
    missing: list[str]
    evidence: list[Citation]


def community_plan(
    projection: Projection, organization_id: str, *, seed: int = 0, recent_days: int = 90
) -> CommunityPlan:
    """The community-relations plan around one organisation (rules in the module docstring).

    Raises :class:`~relgraph.errors.NotFoundError` for an unknown organisation.

    Examples
    --------
    >>> from datetime import date
    >>> from relgraph.model import Network, Organization, Person, Relationship
    >>> from relgraph.projection import project
    >>> net = Network(
    ...     people=[Person(id="us", name="Una", internal=True), Person(id="mayor", name="May"),
    ...             Person(id="chair", name="Chaz", stance=-2)],
    ...     organizations=[Organization(id="town", name="Town", kind="municipality"),
    ...                    Organization(id="club", name="Club", kind="community_group")],
    ...     relationships=[
    ...         Relationship(source="mayor", target="town", type="WORKS_AT", decision_role="decision_maker"),
    ...         Relationship(source="chair", target="club", type="MEMBER_OF"),
    ...         Relationship(source="us", target="mayor", type="KNOWS", strength=0.8),
    ...         Relationship(source="mayor", target="chair", type="KNOWS", strength=0.7)])
    >>> plan = community_plan(project(net, as_of=date(2026, 1, 1)), "town")
    >>> [g.name for g in plan.groups], [b.name for b in plan.bridges]
    (['Club'], ['May'])
    >>> plan.recommendations[-1].action
    'Una should ask May to introduce them to Chaz'
    """
    org = organization_of(projection, organization_id)
    members = projection.members_of(organization_id)
    grid = {row.id: row for row in stakeholder_grid(projection)}
    officials = _officials(projection, organization_id, grid, seed)
    groups = _groups(projection, organization_id, members)
    scope = _scope(projection, members, groups)
    bridges = _bridges(projection, groups, seed)
    found_repairs = repairs(projection, scope)
    recent = recent_interactions(projection, organization_id, members, recent_days)
    return CommunityPlan(
        organization_id, org.name, org.kind.value, [r.value for r in org.roles], projection.as_of.isoformat(),
        _notes(org.name, org.kind), officials, groups, coalitions(projection, scope, seed),
        _coverage(projection, members, officials, groups), bridges,
        engagement(projection, [organization_id, *members, *(g.id for g in groups), *scope], grid), found_repairs,
        recent,
        _recommendations(projection, org.name, officials, groups, bridges, found_repairs, members),
        _missing(projection, org.name, officials, groups, recent, recent_days),
        [cite_organization(projection, organization_id)],
    )  # fmt: skip


def _notes(org_name: str, kind: OrgKind) -> list[str]:
    if kind in {OrgKind.MUNICIPALITY, OrgKind.PUBLIC_AUTHORITY}:
        return []
    return [f"{org_name} is a {kind.value.replace('_', ' ')}, not a municipality or public authority; "
            "its people are treated as the officials"]  # fmt: skip


def _officials(
    projection: Projection, oid: str, grid: dict[str, GridRow], seed: int
) -> list[Official]:
    result = []
    for c in key_contacts(projection, organization=oid, limit=None, seed=seed):
        place = next(m for m in projection.memberships[c.id] if m.organization == oid)
        row, ties = grid.get(c.id), our_ties(projection, c.id)
        if row is None:  # one of our own people sits on it
            continue
        detail = (
            f"{row.quadrant}, {row.salience}; power {row.power:.2f}, interest {row.interest:.2f}"
        )
        result.append(Official(
            c.rank, c.id, c.name, place.title or projection.people[c.id].title, place.type.value,
            c.decision_role, c.seniority, c.stance, row.power, row.interest, row.quadrant, row.salience,
            any(t.status in COVERING for t in ties), ties, [cite_person(projection, c.id, detail)],
        ))  # fmt: skip
    return result


def _groups(projection: Projection, oid: str, members: list[str]) -> list[Group]:
    links: dict[str, list[str]] = {}
    evidence: dict[str, list[Citation]] = {}
    for related in related_organizations(projection, oid):
        if related.id not in projection.own_organizations:
            links.setdefault(related.id, []).extend(related.relations)
            evidence.setdefault(related.id, []).extend(related.evidence)
    graph = projection.graph
    for m in members:
        for place in projection.memberships.get(m, []):
            if place.organization not in (oid, *projection.own_organizations):
                links.setdefault(place.organization, []).append(
                    f"{name(projection, m)} belongs to both"
                )
                evidence.setdefault(place.organization, []).append(
                    cite_tie(projection, m, place.organization)
                )
        for other in sorted(
            n for n in graph[m] if n in projection.people and n not in projection.internal
        ):
            for place in projection.memberships.get(other, []):
                if (
                    place.organization not in (oid, *projection.own_organizations)
                    and other not in members
                ):
                    links.setdefault(place.organization, []).append(
                        f"{name(projection, m)} – {name(projection, other)}"
                    )
                    evidence.setdefault(place.organization, []).append(
                        cite_tie(projection, m, other)
                    )
    return [_group(projection, g, links[g], evidence[g]) for g in sorted(links)]


def _group(projection: Projection, gid: str, links: list[str], evidence: list[Citation]) -> Group:
    org = projection.organizations[gid]
    members = [m for m in projection.members_of(gid) if m not in projection.internal]
    reach = reaching_us(projection, members)
    return Group(
        gid, org.name, org.kind.value, [r.value for r in org.roles], org.stance, members,
        names(projection, members), list(dict.fromkeys(links)), list(reach), names(projection, reach),
        unique([cite_organization(projection, gid), *evidence]),
    )  # fmt: skip


def _scope(projection: Projection, members: list[str], groups: list[Group]) -> list[str]:
    """The people in scope: the organisation's and the groups' people, not ours, in order and once each."""
    people = [*members, *(m for g in groups for m in g.members)]
    return [p for p in dict.fromkeys(people) if p not in projection.internal]


def _coverage(
    projection: Projection, members: list[str], officials: list[Official], groups: list[Group]
) -> CommunityCoverage:
    entries = [
        CoverageEntry(
            f"coverage:{o.id}", o.id, o.name, o.covered, [t for t in o.our_ties if t.status in COVERING],
            [t for t in o.our_ties if t.status not in COVERING],
            [*o.evidence, *(cite_tie(projection, t.person, o.id) for t in o.our_ties)],
        )
        for o in officials
    ]  # fmt: skip
    reach = reaching_us(projection, members)
    return CommunityCoverage(
        len(officials), sum(o.covered for o in officials), entries, len(groups),
        sum(1 for g in groups if g.reached_by), list(reach), names(projection, reach),
    )  # fmt: skip


def _bridges(projection: Projection, groups: list[Group], seed: int) -> list[Bridge]:
    found: dict[str, tuple[list[Group], list[Route]]] = {}
    for group in groups:
        if group.reached_by:
            continue
        routes = [r for m in group.members for r in best_route(projection, m)]
        if not routes:
            continue
        route = max(routes, key=lambda r: (r.strength, r.target))
        key = route.through[0] if route.through else route.contact
        found.setdefault(key, ([], []))[0].append(group)
        found[key][1].append(route)
    bridging = {b.id: b.bridging for b in brokers(projection, limit=50, seed=seed)}
    result = []
    for pid, (bridged, routes) in found.items():
        ties = our_ties(projection, pid)
        result.append(Bridge(
            pid, name(projection, pid), home_organization(projection, pid),
            [g.id for g in bridged], [g.name for g in bridged], ties[0] if ties else None, bridging.get(pid),
            routes, [cite_person(projection, pid), *(c for r in routes for c in r.evidence)],
        ))  # fmt: skip
    result.sort(key=lambda b: (-len(b.groups), b.id))
    return result


def _recommendations(
    projection: Projection, org_name: str, officials: list[Official], groups: list[Group], bridges: list[Bridge],
    found: list[Repair], members: list[str],
) -> list[Recommendation]:  # fmt: skip
    recs, reach = [], reaching_us(projection, members)
    if len(reach) == 1 and officials:
        (only,) = reach
        summary = (
            f"{name(projection, only)} is the only one of us in touch with anyone at {org_name}"
        )
        evidence = [
            cite_tie(projection, t.person, o.id)
            for o in officials
            for t in o.our_ties
            if t.person == only
        ]
        recs += second_thread(
            projection,
            only,
            [o.id for o in officials],
            summary,
            f"single_threaded:{only}",
            evidence,
        )
    for o in officials:
        if o.decision_role in _DECIDING and not o.covered:
            routes = best_route(projection, o.id)
            role = (
                "decides" if o.decision_role == DecisionRole.DECISION_MAKER.value else "can block"
            )
            why = f"{o.name} ({o.title or o.decision_role}) {role} and none of us has a strong or active tie"
            recs += [route_recommendation(routes[0], why, f"coverage:{o.id}")] if routes else []
    by_group = {g.id: g for g in groups}
    for bridge in bridges:
        for gid, route in zip(bridge.groups, bridge.routes, strict=True):
            g = by_group[gid]
            stance = f", stance {g.stance:+d}" if g.stance is not None else ""
            why = f"none of us reaches {g.name} ({g.kind.replace('_', ' ')}{stance}); {bridge.name} links us to {route.target_name}"
            recs.append(route_recommendation(route, why, f"group:{gid}"))
    for r in (r for r in found if r.ours):
        summary = (
            f"{r.a_name} and {r.b_name} are on bad terms (sentiment {r.sentiment:+.2f})"
            if r.sentiment is not None
            else f"{r.a_name} and {r.b_name} are on bad terms"
        )
        recs.append(repair_recommendation(projection, r.a, r.b, summary, r.id, r.evidence))
    recs += _reconnect(projection, officials)
    return merge_recommendations(recs, MAX_RECOMMENDATIONS)


def _reconnect(projection: Projection, officials: list[Official]) -> list[Recommendation]:
    recs = []
    for o in officials:
        if o.decision_role not in _ROLES or o.covered:
            continue
        for t in (t for t in o.our_ties if t.status in {"cooling", "dormant"}):
            since = (
                f"no contact for {t.days_since_contact} days"
                if t.days_since_contact is not None
                else "never met on record"
            )
            recs.append(Recommendation(
                f"{t.name} should get back in touch with {o.name}",
                f"{t.name}'s tie to {o.name} ({o.decision_role.replace('_', ' ')}) is {t.status} ({since})", [],
                t.person, o.id, [], f"{t.status}_tie:{t.person}:{o.id}", [cite_tie(projection, t.person, o.id)],
            ))  # fmt: skip
    return recs


def _missing(
    projection: Projection, org_name: str, officials: list[Official], groups: list[Group],
    recent: list[RecentInteraction], recent_days: int,
) -> list[str]:  # fmt: skip
    missing = (
        []
        if projection.internal
        else ["nobody in the network is marked as one of our people (internal)"]
    )
    if not officials:
        return [*missing, f"no officials or members recorded at {org_name} (WORKS_AT or MEMBER_OF)"]
    if not any(o.decision_role for o in officials):
        missing.append(f"no decision roles recorded for anyone at {org_name}")
    unknown = [o.name for o in officials if o.stance is None]
    if unknown:
        missing.append(f"stance unknown for {', '.join(unknown)}")
    unstated = [o.name for o in officials if projection.people[o.id].influence is None]
    if unstated:
        missing.append(
            f"influence not stated for {', '.join(unstated)} (power derived from role and network)"
        )
    if not groups:
        missing.append(
            f"no community groups or other organisations linked to {org_name} or its people"
        )
    if not recent:
        missing.append(
            f"no interactions with {org_name} or its people in the last {recent_days} days"
        )
    if projection.internal and not any(o.our_ties for o in officials):
        missing.append(f"none of our people has any tie to anyone at {org_name}")
    return missing
