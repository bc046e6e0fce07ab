"""Coalitions, engagement order and repairs of a community-relations plan (rules in
:mod:`relgraph.analysis.briefs.community`)."""

from __future__ import annotations

from dataclasses import dataclass

from relgraph.analysis.briefs.common import (
    Citation,
    PersonRef,
    cite_interaction,
    cite_organization,
    cite_person,
    cite_tie,
    home_organization,
    name,
    pair_interactions,
    reaching_us,
)
from relgraph.analysis.communities import communities
from relgraph.analysis.grid import GridRow
from relgraph.projection import Projection

__all__ = ["Coalition", "EngagementEntry", "Repair", "coalitions", "engagement", "repairs"]

_QUADRANTS = ("manage closely", "keep satisfied", "keep informed", "monitor")
_SALIENCE = ("definitive", "dominant", "dangerous", "dependent", "dormant", "discretionary", "demanding",
             "non-stakeholder")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Coalition:
    id: int
    label: str | None
    size: int
    internal: int
    supporters: list[PersonRef]
    opponents: list[PersonRef]
    neutral: int
    unknown: int
    organizations: list[str]
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class EngagementEntry:
    order: int
    id: str
    name: str
    node_type: str
    organization: str | None
    power: float
    interest: float
    power_source: str
    interest_source: str
    quadrant: str
    salience: str
    attributes: list[str]
    stance: int | None
    reached: bool
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class Repair:
    id: str
    a: str
    a_name: str
    b: str
    b_name: str
    ours: bool
    sentiment: float | None
    last_contact: str | None
    evidence: list[Citation]


def coalitions(projection: Projection, scope: list[str], seed: int) -> list[Coalition]:
    inside, result = set(scope), []
    for community in communities(projection, seed=seed):
        if not inside & set(community.members):
            continue
        outside = [m for m in community.members if m not in projection.internal]
        stances = {m: projection.people[m].stance for m in outside}
        pro = [_stance_ref(projection, m) for m in outside if (stances[m] or 0) > 0]
        con = [_stance_ref(projection, m) for m in outside if (stances[m] or 0) < 0]
        label = None
        if len(con) >= 2 and len(con) > len(pro):
            label = "opponents"
        elif len(pro) >= 2 and len(pro) > len(con):
            label = "supporters"
        result.append(Coalition(
            community.id, label, community.size, community.internal, pro, con,
            sum(1 for m in outside if stances[m] == 0), sum(1 for m in outside if stances[m] is None),
            community.organizations, [cite_person(projection, r.id, r.how) for r in (*con, *pro)],
        ))  # fmt: skip
    return result


def _stance_ref(projection: Projection, pid: str) -> PersonRef:
    org = home_organization(projection, pid)
    return PersonRef(
        pid, projection.people[pid].name, org, f"stance {projection.people[pid].stance:+d}"
    )


def engagement(
    projection: Projection, ids: list[str], grid: dict[str, GridRow]
) -> list[EngagementEntry]:
    rows = [grid[i] for i in dict.fromkeys(ids) if i in grid]
    rows.sort(
        key=lambda r: (
            _QUADRANTS.index(r.quadrant),
            _SALIENCE.index(r.salience),
            -r.power,
            -r.interest,
            r.id,
        )
    )
    result = []
    for order, row in enumerate(rows, 1):
        is_person = row.id in projection.people
        members = [row.id] if is_person else projection.members_of(row.id)
        detail = f"power {row.power:.2f} ({row.power_source}), interest {row.interest:.2f} ({row.interest_source})"
        cite = (
            cite_person(projection, row.id, detail)
            if is_person
            else cite_organization(projection, row.id, detail)
        )
        result.append(EngagementEntry(
            order, row.id, row.name, row.node_type,
            home_organization(projection, row.id) if is_person else None, row.power, row.interest,
            row.power_source, row.interest_source, row.quadrant, row.salience, row.attributes, row.stance,
            bool(reaching_us(projection, members)), [cite],
        ))  # fmt: skip
    return result


def repairs(projection: Projection, scope: list[str]) -> list[Repair]:
    graph, internal, seen, result = projection.graph, projection.internal, set(), []
    for pid in scope:
        for other in sorted(graph[pid]):
            edge = graph.edges[pid, other]
            pair = tuple(sorted((pid, other)))
            if edge["status"] != "negative" or pair in seen or other not in projection.people:
                continue
            seen.add(pair)
            a, b = (other, pid) if other in internal else pair
            bad = [i for i in pair_interactions(projection, a, b) if (i.sentiment or 0) < 0][:3]
            last = edge["last_contact"]
            result.append(Repair(
                f"repair:{a}:{b}", a, name(projection, a), b, name(projection, b), a in internal,
                None if edge["sentiment"] is None else round(edge["sentiment"], 3),
                last.isoformat() if last else None,
                [cite_tie(projection, a, b), *(cite_interaction(projection, i) for i in bad)],
            ))  # fmt: skip
    result.sort(key=lambda r: (not r.ours, r.id))
    return result
