"""Warm paths: the best introduction routes from our people to a person or an organisation.

A route's strength is the product of its ties' strengths; with tie distance ``−ln(strength)`` the strongest route is
the shortest, and Yen's algorithm (``networkx.shortest_simple_paths``) lists routes from the strongest down. Routes
longer than ``max_hops`` ties are skipped (for an organisation, the closing membership hop is not counted). With ``avoid_negative`` a route may not pass through a person with a
negative stance or along a tie whose status is negative (the target itself is always allowed). A route to an
organisation ends at one of its people (the last hop names the membership); routes may pass through our own or other
organisations' nodes, which stands for an introduction by a colleague.

References
----------
.. [1] Yen, J. Y. (1971). Finding the k shortest loopless paths in a network. Management Science 17(11), 712–716.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx

from relgraph.errors import NotFoundError
from relgraph.projection import Projection

__all__ = ["Hop", "WarmPath", "warm_paths"]

_SOURCE, _TARGET = "\x00source", "\x00target"
#: How many candidate routes Yen's algorithm may produce before giving up on finding k within max_hops.
_CANDIDATE_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Hop:
    source: str
    target: str
    target_name: str
    strength: float
    status: str
    kinds: list[str]


@dataclass(frozen=True, slots=True)
class WarmPath:
    rank: int
    start: str
    end: str
    strength: float
    hops: list[Hop]


def _work_graph(
    projection: Projection, target: str, sources: list[str], avoid_negative: bool
) -> nx.Graph:
    """The graph to route on (tie lengths only): without blocked people and negative ties when ``avoid_negative``.

    Built edge by edge in the graph's own edge order, which gives the same adjacency order (and so the same
    tie-breaks in Yen's algorithm) as copying a filtered view, without the view's per-access filtering (that was
    most of the time on 100,000 people).
    """
    graph = projection.graph
    allowed = {target, *sources}  # a set: sources can be thousands of people
    blocked: set[str] = set()
    if avoid_negative:
        blocked = {
            pid
            for pid, p in projection.people.items()
            if p.stance is not None and p.stance < 0 and pid not in allowed
        }
    work = nx.Graph()
    work.add_nodes_from(n for n in graph if n not in blocked)
    work.add_edges_from(_edges(graph, blocked, avoid_negative))
    return work


def _edges(
    graph: nx.Graph, blocked: set[str], avoid_negative: bool
) -> Iterator[tuple[str, str, dict[str, float]]]:
    """The graph's edges in ``graph.edges()`` order (each from its earlier end) with their lengths, less those
    that touch a blocked node or, with ``avoid_negative``, are negative. Read from the adjacency directly: the edge
    view's bookkeeping would double the time."""
    position = {node: i for i, node in enumerate(graph)}
    for a, neighbours in graph.adjacency():
        if a in blocked:
            continue
        i = position[a]
        for b, data in neighbours.items():
            negative = avoid_negative and data["status"] == "negative"
            if position[b] >= i and b not in blocked and not negative:
                yield a, b, {"distance": data["distance"]}


def warm_paths(
    projection: Projection,
    target: str,
    *,
    sources: list[str] | None = None,
    k: int = 3,
    max_hops: int = 4,
    avoid_negative: bool = True,
) -> list[WarmPath]:
    """Up to ``k`` strongest routes from ``sources`` (default: all our people) to ``target``.

    Examples
    --------
    >>> from datetime import date
    >>> from relgraph.model import Network, Person, Relationship
    >>> from relgraph.projection import project
    >>> net = Network(
    ...     people=[Person(id="us", name="Us", internal=True), Person(id="x", name="X"), Person(id="t", name="T")],
    ...     relationships=[Relationship(source="us", target="x", type="KNOWS", strength=1.0),
    ...                    Relationship(source="x", target="t", type="KNOWS", strength=1.0)],
    ... )
    >>> [p.end for p in warm_paths(project(net, as_of=date(2026, 1, 1)), "t")]
    ['t']
    """
    if target not in projection.graph:
        raise NotFoundError(f"no person or organisation with id {target!r}")
    starts = sorted(projection.internal) if sources is None else sources
    for source in starts:
        if source not in projection.people:
            raise NotFoundError(f"no person with id {source!r}")
    starts = [s for s in starts if s != target]
    if not starts or k < 1:
        return []
    work = _work_graph(projection, target, starts, avoid_negative)
    is_org = projection.graph.nodes[target]["node_type"] == "Organization"
    ends = [m for m in projection.members_of(target) if m in work] if is_org else [target]
    for source in starts:
        if source in work:
            work.add_edge(_SOURCE, source, distance=0.0)
    for end in ends:
        work.add_edge(end, _TARGET, distance=0.0)
    if _SOURCE not in work or _TARGET not in work or not nx.has_path(work, _SOURCE, _TARGET):
        return []
    found: list[WarmPath] = []
    candidates = nx.shortest_simple_paths(work, _SOURCE, _TARGET, weight="distance")
    for path in itertools.islice(candidates, _CANDIDATE_LIMIT):
        nodes = path[1:-1]
        if len(nodes) - 1 > max_hops or (is_org and target in nodes):
            continue
        found.append(_route(projection, nodes, target if is_org else None, len(found) + 1))
        if len(found) == k:
            break
    return found


def _route(
    projection: Projection, nodes: list[str], organization: str | None, rank: int
) -> WarmPath:
    graph = projection.graph
    hops = []
    for a, b in itertools.pairwise(nodes):
        edge = graph.edges[a, b]
        hops.append(
            Hop(
                a,
                b,
                graph.nodes[b]["name"],
                round(edge["strength"], 4),
                edge["status"],
                edge["kinds"],
            )
        )
    if organization is not None and nodes[-1] != organization:
        edge = (
            graph.edges[nodes[-1], organization]
            if graph.has_edge(nodes[-1], organization)
            else None
        )
        hops.append(
            Hop(nodes[-1], organization, graph.nodes[organization]["name"], 1.0, "member",
                edge["kinds"] if edge else ["WORKS_AT"])
        )  # fmt: skip
    strength = math.prod(h.strength for h in hops)
    return WarmPath(rank, nodes[0], hops[-1].target if hops else nodes[0], round(strength, 6), hops)
