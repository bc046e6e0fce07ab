"""The projection's graph in igraph, built once per projection and shared by the analyses that run compiled code.

Several analyses need whole-graph traversals (PageRank, dominators, bridges, shortest-path lengths, Leiden) that
take seconds to minutes in pure Python on 100,000 people and well under a second in igraph's C. Converting the
graph costs one pass over its edges, so it is done once per projection (``Projection.memo``) and the result is
read-only: callers that need a changed graph take ``graph.copy()`` (a C copy, milliseconds).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

import igraph
import networkx as nx

from relgraph.projection import Projection

__all__ = ["Indexed", "indexed", "seeded_igraph", "to_igraph"]

T = TypeVar("T")

#: igraph draws its random numbers from one process-wide generator; seeded calls take turns with it.
_RNG_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Indexed:
    """A graph in igraph: vertex ``i`` is ``nodes[i]``; edge attributes ``strength`` and ``distance``."""

    graph: igraph.Graph
    nodes: list[str]
    index: dict[str, int]


def to_igraph(graph: nx.Graph) -> Indexed:
    """An undirected NetworkX graph in igraph, vertices in node order, edges in ``graph.edges()`` order.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", strength=0.5, distance=0.69)
    >>> g.add_node("c")
    >>> ig = to_igraph(g)
    >>> ig.nodes, ig.graph.get_edgelist(), ig.graph.es["strength"]
    (['a', 'b', 'c'], [(0, 1)], [0.5])
    """
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    pairs, strength, distance = [], [], []
    # Each edge from its earlier end, as graph.edges() gives them, without the edge view's bookkeeping (3x faster).
    for u, neighbours in graph.adjacency():
        i = index[u]
        for v, data in neighbours.items():
            j = index[v]
            if j >= i:
                pairs.append((i, j))
                strength.append(float(data.get("strength", 1.0)))
                distance.append(float(data.get("distance", 1.0)))
    result = igraph.Graph(n=len(nodes), edges=pairs)
    result.es["strength"] = strength
    result.es["distance"] = distance
    return Indexed(result, nodes, index)


def indexed(projection: Projection) -> Indexed:
    """The projection's whole graph (people and organisations) in igraph, computed once per projection."""
    return projection.memo("igraph", lambda: to_igraph(projection.graph))


@contextmanager
def _seeded(seed: int) -> Iterator[None]:
    with _RNG_LOCK:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            igraph.set_random_number_generator(random)


def seeded_igraph(seed: int, call: Callable[[], T]) -> T:
    """``call()`` with igraph drawing its random numbers from ``random.Random(seed)``; the default after.

    igraph holds the interpreter lock while it computes, so no other thread's igraph call can draw from the
    seeded generator mid-call; the lock keeps two seeded calls from replacing each other's generator.

    Examples
    --------
    >>> g = igraph.Graph.Famous("Zachary")
    >>> a = seeded_igraph(3, lambda: g.community_multilevel().membership)
    >>> a == seeded_igraph(3, lambda: g.community_multilevel().membership)
    True
    """
    with _seeded(seed):
        return call()
