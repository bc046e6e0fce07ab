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
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from relgraph.analysis._graphs import indexed
from relgraph.analysis.centrality import projection_betweenness
from relgraph.model import RelType
from relgraph.projection import Projection

__all__ = ["Broker", "brokers", "burt_measures", "person_groups"]


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


def burt_measures(
    graph: Mapping[str, Mapping[str, Mapping[str, Any]]],
    nodes: list[str],
    *,
    weight: str = "strength",
) -> tuple[dict[str, float], dict[str, float]]:
    """Burt's constraint and effective size of ``nodes`` in an undirected weighted graph (an ``nx.Graph``, or any
    mapping from a node to its neighbours' edge attributes).

    The same values as :func:`networkx.constraint` and :func:`networkx.effective_size`, computed with each node's
    normalised tie weights worked out once, so a hub with d contacts costs O(d · shared contacts) rather than
    NetworkX's O(d³) (minutes for a hub of 500 contacts). Nodes without ties get NaN.

    Examples
    --------
    >>> g = nx.star_graph(3)  # a centre with three unconnected contacts
    >>> c, e = burt_measures(g, [0], weight="w")
    >>> round(c[0], 4), e[0]
    (0.3333, 3.0)
    """
    proportion: dict[str, dict[str, float]] = {}
    marginal: dict[str, dict[str, float]] = {}

    def p(node: str) -> dict[str, float]:  # p_ij: share of i's tie weight that goes to j
        if node not in proportion:
            w = {n: float(d.get(weight, 1.0)) for n, d in graph[node].items() if n != node}
            total = sum(w.values())
            proportion[node] = {n: x / total for n, x in w.items()} if total else {}
        return proportion[node]

    def m(node: str) -> dict[str, float]:  # m_jq: j's tie to q relative to j's strongest tie
        if node not in marginal:
            w = {n: float(d.get(weight, 1.0)) for n, d in graph[node].items() if n != node}
            top = max(w.values(), default=0.0)
            marginal[node] = {n: x / top for n, x in w.items()} if top else {}
        return marginal[node]

    constraint, effective = {}, {}
    for i in nodes:
        pi = p(i)
        if not pi:
            constraint[i] = effective[i] = float("nan")
            continue
        c = e = 0.0
        for j, pij in pi.items():
            shared = (pi.keys() & graph[j].keys()) - {i, j}
            indirect = sum(pi[q] * p(q).get(j, 0.0) for q in shared)
            c += (pij + indirect) ** 2
            e += 1.0 - sum(pi[q] * m(j).get(q, 0.0) for q in shared)
        constraint[i], effective[i] = c, e
    return constraint, effective


def person_groups(projection: Projection) -> dict[str, str]:
    """Each person's group: their employer (the first ``WORKS_AT`` by organisation id), else the first
    organisation they are a member of; our own organisation for our people."""
    own = sorted(projection.own_organizations)
    groups = {}
    for pid, person in projection.people.items():
        if person.internal and own:
            groups[pid] = own[0]
            continue
        places = projection.memberships.get(pid, [])
        if places:
            employer = min(places, key=lambda m: (m.type is not RelType.WORKS_AT, m.organization))
            groups[pid] = employer.organization
    return groups


class _PersonTies(dict[str, dict[str, dict[str, Any]]]):
    """Each person's ties to other people (organisations left out), taken from the graph when first asked for:
    Burt's measures look at a few people's neighbourhoods, and copying the whole person graph for them costs
    seconds (tens of seconds at 100,000 people)."""

    def __init__(self, graph: nx.Graph, people: Mapping[str, Any]) -> None:
        super().__init__()
        self.graph, self.people = graph, people

    def __missing__(self, node: str) -> dict[str, dict[str, Any]]:
        ties = {other: data for other, data in self.graph[node].items() if other in self.people}
        self[node] = ties
        return ties


@dataclass(frozen=True, slots=True)
class _GroupTies:
    """Groups numbered in name order; each person's contact groups (numbers, ascending, less the person's own);
    and the pairs of groups joined by a tie between their members (``x * len(names) + y``, ``x < y``)."""

    names: list[str]
    contacts: dict[str, list[int]]
    linked: set[int]

    def bridging(self, pid: str) -> int:
        """How many pairs of pid's contact groups touch only through pid.

        A tie of pid's own always involves pid's group, which is not among the pairs counted, so a pair of contact
        groups is linked without pid exactly when some tie joins the two groups.
        """
        n = len(self.names)
        pairs = itertools.combinations(self.contacts.get(pid, []), 2)
        return sum(1 for x, y in pairs if x * n + y not in self.linked)


def _group_ties(projection: Projection, groups: dict[str, str]) -> _GroupTies:
    """:class:`_GroupTies` from every tie at once (numpy over igraph's edge list: a loop over each person's
    neighbours in Python took seconds at 100,000 people). Only people have groups, so ties to organisations
    give nothing."""
    names = sorted(set(groups.values()))
    n, ig = len(names), indexed(projection)
    if not n or not ig.graph.ecount():
        return _GroupTies(names, {}, set())
    number = {g: i for i, g in enumerate(names)}
    group = np.full(len(ig.nodes), -1, dtype=np.int64)
    group[[ig.index[p] for p in groups]] = [number[g] for g in groups.values()]
    is_person = np.zeros(len(ig.nodes), dtype=bool)
    is_person[[ig.index[p] for p in projection.people]] = True
    a, b = np.array(ig.graph.get_edgelist(), dtype=np.int64).T
    ga, gb = group[a], group[b]
    both = (ga >= 0) & (gb >= 0) & (ga != gb)
    linked = np.unique(np.minimum(ga, gb)[both] * n + np.maximum(ga, gb)[both])
    # Each tie shows each end the other end's group (none for organisations), unless it is the end's own.
    end, theirs, own = np.r_[a, b], np.r_[gb, ga], np.r_[ga, gb]
    keep = is_person[end] & (theirs >= 0) & (theirs != own)
    # np.unique sorts: by person, then by group, so each person's groups come out ascending, i.e. in name order.
    person, contact = np.divmod(np.unique(end[keep] * n + theirs[keep]), n)
    starts = np.flatnonzero(np.r_[True, person[1:] != person[:-1]])
    contacts = {
        ig.nodes[p]: part.tolist()
        for p, part in zip(person[starts].tolist(), np.split(contact, starts[1:]), strict=True)
    }
    return _GroupTies(names, contacts, set(linked.tolist()))


def brokers(projection: Projection, *, limit: int | None = 20, seed: int = 0) -> list[Broker]:
    """People ranked as brokers (see the module docstring)."""
    if not projection.people:
        return []
    between = projection_betweenness(projection, seed=seed)
    ties = _group_ties(projection, person_groups(projection))
    rows = sorted(
        ((between.get(pid, 0.0), ties.bridging(pid), pid) for pid in projection.people),
        key=lambda r: (-r[0], -r[1], r[2]),
    )
    # Burt's measures are computed only for the people reported, on their ties to other people.
    people = _PersonTies(projection.graph, projection.people)
    shown = [pid for _, _, pid in rows[:limit] if people[pid]]
    constraint, effective = burt_measures(people, shown, weight="strength")
    result = []
    for rank, (bc, bridging, pid) in enumerate(rows[:limit], 1):
        bridged_groups = [ties.names[g] for g in ties.contacts.get(pid, [])]
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
