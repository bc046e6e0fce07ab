"""Brokers: people who connect groups that are otherwise apart.

A person's *groups* are the organisations of the people they are tied to (our own organisation counts as one group;
people with no organisation form none). For each person the result gives

* ``betweenness`` — weighted (tie distance) and normalised as in NetworkX, over people and organisations;
* ``constraint`` — Burt's constraint on the person graph (weight: tie strength): low means the person's contacts are
  not tied to each other, i.e. the person spans structural holes;
* ``effective_size`` — Burt's effective size: the number of contacts, less their redundancy;
* ``groups_bridged`` — the groups among the person's contacts, and ``bridging`` — how many pairs of those groups
  have no tie between them except through this person.

Ranked by betweenness, then by bridging.

References
----------
.. [1] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press.
.. [2] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures. Connections 20(1), 35–38.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import networkx as nx

from relgraph.analysis.centrality import projection_betweenness
from relgraph.projection import Projection

__all__ = ["Broker", "brokers", "person_groups"]


@dataclass(frozen=True, slots=True)
class Broker:
    rank: int
    id: str
    name: str
    internal: bool
    betweenness: float
    constraint: float | None
    effective_size: float | None
    groups_bridged: list[str]
    bridging: int
    reason: str


def person_groups(projection: Projection) -> dict[str, str]:
    """Each person's group: the first organisation they belong to (our own organisation for our people)."""
    own = sorted(projection.own_organizations)
    groups = {}
    for pid, person in projection.people.items():
        if person.internal and own:
            groups[pid] = own[0]
            continue
        places = projection.memberships.get(pid, [])
        if places:
            groups[pid] = places[0].organization
    return groups


def _bridging(
    people: nx.Graph, pid: str, groups: dict[str, str], members: dict[str, set[str]]
) -> tuple[list[str], int]:
    """Groups among pid's contacts (other than pid's own), and how many pairs of them touch only through pid."""
    contact_groups = sorted(
        {groups[c] for c in people[pid] if c in groups and groups[c] != groups.get(pid)}
    )
    bridged = sum(
        1
        for g1, g2 in itertools.combinations(contact_groups, 2)
        if not _groups_linked(people, pid, groups, members[g1], g2)
    )
    return contact_groups, bridged


def _groups_linked(
    people: nx.Graph, broker: str, groups: dict[str, str], g1_members: set[str], g2: str
) -> bool:
    """Is any member of one group tied to any member of group g2 without going through the broker?"""
    for member in g1_members:
        if member == broker or member not in people:
            continue
        for other in people[member]:
            if other != broker and groups.get(other) == g2:
                return True
    return False


def brokers(projection: Projection, *, limit: int | None = 20, seed: int = 0) -> list[Broker]:
    """People ranked as brokers (see the module docstring)."""
    if not projection.people:
        return []
    between = projection_betweenness(projection, seed=seed)
    people = projection.person_graph()
    groups = person_groups(projection)
    members: dict[str, set[str]] = {}
    for person_id, group in groups.items():
        members.setdefault(group, set()).add(person_id)
    rows = []
    for pid in projection.people:
        bridged_groups, bridging = _bridging(people, pid, groups, members)
        rows.append((between.get(pid, 0.0), bridging, pid, bridged_groups))
    rows.sort(key=lambda r: (-r[0], -r[1], r[2]))
    # Burt's measures cost O(degree²) each: compute them only for the people reported.
    shown = [pid for _, _, pid, _ in rows[:limit] if people.degree(pid) > 0]
    constraint = nx.constraint(people, shown, weight="strength") if shown else {}
    effective = nx.effective_size(people, shown, weight="strength") if shown else {}
    result = []
    for rank, (bc, bridging, pid, bridged_groups) in enumerate(rows[:limit], 1):
        names = [
            projection.organizations[g].name
            for g in bridged_groups
            if g in projection.organizations
        ]
        raw_constraint, raw_effective = constraint.get(pid), effective.get(pid)
        result.append(
            Broker(
                rank=rank, id=pid, name=projection.people[pid].name, internal=projection.people[pid].internal,
                betweenness=round(bc, 6),
                constraint=None if raw_constraint is None or raw_constraint != raw_constraint else round(raw_constraint, 4),
                effective_size=None if raw_effective is None or raw_effective != raw_effective else round(raw_effective, 4),
                groups_bridged=names, bridging=bridging,
                reason=_reason(names, bridging, bc),
            )
        )  # fmt: skip
    return result


def _reason(groups: list[str], bridging: int, bc: float) -> str:
    if bridging:
        pairs = "pair" if bridging == 1 else "pairs"
        return f"the only link between {bridging} {pairs} of groups among {', '.join(groups)}"
    if len(groups) >= 2:
        return f"connects {', '.join(groups)}"
    return "on many shortest routes" if bc > 0 else "no brokerage position"
