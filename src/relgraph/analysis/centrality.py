"""Key contacts: who matters, from network position, formal power and stated influence.

``score = 0.40 × network + 0.35 × formal + 0.25 × influence`` where

* ``network`` averages PageRank (weight: tie strength) and betweenness (weight: tie distance), each divided by its
  largest value among the people ranked, so the best-placed person scores 1;
* ``formal`` is ``0.6 × decision role + 0.4 × seniority`` of the person's strongest membership (decision maker 1,
  blocker 0.8, influencer 0.7, gatekeeper and champion 0.6, user 0.2; executive 1, senior 0.7, manager 0.5, staff 0.2);
* ``influence`` is the stated influence mapped to [0, 1] (``(influence − 1) / 4``); where none is stated, the network
  score stands in for it and the result says so.

The raw centralities are reported normalised as NetworkX normalises them (PageRank sums to 1 over the graph;
betweenness divided by the number of pairs), so they compare across graphs.

References
----------
.. [1] Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual web search engine.
.. [2] Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociology 25(2), 163–177.
"""

from __future__ import annotations

import os
import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import igraph
import networkx as nx
import numpy as np

from relgraph.analysis._brandes import bucket_graph, dependencies
from relgraph.analysis._graphs import indexed
from relgraph.errors import NotFoundError
from relgraph.model import DecisionRole, Seniority
from relgraph.projection import Membership, Projection

__all__ = [
    "ROLE_WEIGHTS",
    "SENIORITY_WEIGHTS",
    "KeyContact",
    "betweenness",
    "betweenness_sample_size",
    "formal_power",
    "key_contacts",
    "pagerank",
    "projection_betweenness",
]

ROLE_WEIGHTS: dict[DecisionRole, float] = {
    DecisionRole.DECISION_MAKER: 1.0,
    DecisionRole.BLOCKER: 0.8,
    DecisionRole.INFLUENCER: 0.7,
    DecisionRole.GATEKEEPER: 0.6,
    DecisionRole.CHAMPION: 0.6,
    DecisionRole.USER: 0.2,
}
SENIORITY_WEIGHTS: dict[Seniority, float] = {
    Seniority.EXECUTIVE: 1.0,
    Seniority.SENIOR: 0.7,
    Seniority.MANAGER: 0.5,
    Seniority.STAFF: 0.2,
}
#: Work budget for betweenness, in (source × edge) steps of the compiled Brandes kernel (:mod:`._brandes`, about
#: 10 ns each here, on one core). Graphs within it get exact betweenness (10,000 people and 120,000 ties: ~1.3·10⁹,
#: about 6 s on 2 cores); larger ones an estimate from a seeded sample of ``SAMPLE_BUDGET / edges`` sources (at least
#: MIN_SAMPLE): ~800 sources at 100,000 people, about 20 s on 2 cores (memory-bound there: ~45 ms of CPU per source).
BETWEENNESS_BUDGET = 2_000_000_000
SAMPLE_BUDGET = 1_000_000_000
MIN_SAMPLE = 200
#: Above this much work (sources × edges, ~0.05 s) betweenness is split across up to MAX_WORKERS threads.
PARALLEL_WORK = 5_000_000
MAX_WORKERS = 8


@dataclass(frozen=True, slots=True)
class KeyContact:
    """One ranked person with the parts of their score and a one-line reason."""

    rank: int
    id: str
    name: str
    organization: str | None
    score: float
    network: float
    formal: float
    influence: float
    influence_stated: bool
    pagerank: float
    betweenness: float
    decision_role: str | None
    seniority: str | None
    stance: int | None
    reason: str


def formal_power(
    memberships: list[Membership], organization: str | None = None
) -> tuple[float, Membership | None]:
    """The strongest formal position among memberships (optionally within one organisation).

    Examples
    --------
    >>> from relgraph.model import RelType
    >>> m = Membership("acme", RelType.WORKS_AT, "CFO", DecisionRole.DECISION_MAKER, Seniority.EXECUTIVE)
    >>> formal_power([m])[0]
    1.0
    """
    best, best_m = 0.0, None
    for m in memberships:
        if organization is not None and m.organization != organization:
            continue
        role = ROLE_WEIGHTS.get(m.decision_role, 0.0) if m.decision_role else 0.0
        rank = SENIORITY_WEIGHTS.get(m.seniority, 0.0) if m.seniority else 0.0
        value = 0.6 * role + 0.4 * rank
        if best_m is None or value > best:
            best, best_m = value, m
    return best, best_m


def pagerank(projection: Projection) -> dict[str, float]:
    """PageRank of every node (weight: tie strength, damping 0.85), computed once per projection.

    igraph's PRPACK solves the PageRank equations directly: it agrees with NetworkX's
    ``pagerank(graph, weight="strength")`` run to convergence (``tol=1e-13``) within 1e-10, and as there the values
    sum to 1 and a node whose ties all have strength 0 spreads its rank evenly. (NetworkX's default stops once
    the summed change is below 1e-6 × the number of nodes, which on 10,000 people leaves single values up to 7 %
    off; PRPACK is exact, and faster.)

    Examples
    --------
    >>> from datetime import date
    >>> from relgraph.model import Network, Person, Relationship
    >>> from relgraph.projection import project
    >>> net = Network(people=[Person(id=i, name=i) for i in "abc"],
    ...               relationships=[Relationship(source="a", target=t, type="KNOWS") for t in "bc"])
    >>> ranks = pagerank(project(net, as_of=date(2026, 1, 1)))
    >>> round(ranks["a"], 4), round(sum(ranks.values()), 9)
    (0.4865, 1.0)
    """

    def compute() -> dict[str, float]:
        if not projection.graph.number_of_edges():
            return {}
        ig = indexed(projection)
        values = ig.graph.pagerank(
            directed=False, weights="strength", damping=0.85, implementation="prpack"
        )
        return dict(zip(ig.nodes, values, strict=True))

    return projection.memo("pagerank", compute)


def projection_betweenness(projection: Projection, *, seed: int = 0) -> dict[str, float]:
    """:func:`betweenness` of the projection's graph, computed once per projection and seed."""

    def compute() -> dict[str, float]:
        # The shared igraph copy already holds the nodes, ties and distances in graph order: no second pass.
        shared = indexed(projection)
        edges, distances = shared.graph.get_edgelist(), shared.graph.es["distance"]
        sample = betweenness_sample_size(projection.graph)
        return _betweenness(shared.nodes, edges, distances, False, seed=seed, sample=sample)

    return projection.memo(f"betweenness:{seed}", compute)


def betweenness_sample_size(
    graph: nx.Graph, budget: int = BETWEENNESS_BUDGET, sample_budget: int = SAMPLE_BUDGET
) -> int | None:
    """How many sources betweenness samples on this graph (None: all of them, i.e. exact).

    Examples
    --------
    >>> betweenness_sample_size(nx.path_graph(10)) is None
    True
    >>> betweenness_sample_size(nx.path_graph(10), budget=50, sample_budget=40)
    10
    """
    nodes: int = graph.number_of_nodes()
    edges: int = max(graph.number_of_edges(), 1)
    if nodes * edges <= budget:
        return None
    return min(nodes, max(MIN_SAMPLE, sample_budget // edges))


def betweenness(
    graph: nx.Graph, *, seed: int = 0, sample: int | str | None = "auto"
) -> dict[str, float]:
    """Weighted (``distance``) betweenness, normalised as NetworkX normalises it; estimated from a seeded sample
    of sources on large graphs (``sample="auto"``: :func:`betweenness_sample_size`; an int: that many; None: exact).

    On undirected graphs with positive distances (every projection) Brandes' algorithm runs compiled, with a bucket
    queue (:mod:`relgraph.analysis._brandes`), on every core; other graphs go to igraph. Both give NetworkX's
    ``betweenness_centrality(graph, weight="distance")`` values, hundreds of times faster. (They treat route lengths
    equal within a relative 1e-10 where NetworkX needs exact float equality, so on routes whose rounded lengths tie
    the two can differ in the last digits.) From a sample the scaling is NetworkX 3.6's.

    Raises
    ------
    ValueError
        If a tie's distance is not a positive number.

    Examples
    --------
    >>> g = nx.path_graph(3)
    >>> nx.set_edge_attributes(g, 1.0, "distance")
    >>> betweenness(g)[1]
    1.0
    """
    k = betweenness_sample_size(graph) if sample == "auto" else sample
    assert k is None or isinstance(k, int)
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in graph.edges()]
    weights = [float(d) for _, _, d in graph.edges(data="distance", default=1.0)]
    return _betweenness(nodes, edges, weights, graph.is_directed(), seed=seed, sample=k)


def _betweenness(nodes: list[str], edges: list[tuple[int, int]], weights: list[float], directed: bool, *,
                 seed: int, sample: int | None) -> dict[str, float]:  # fmt: skip
    """:func:`betweenness` of a graph given as node ids and index pairs (``sample``: sources, None for all)."""
    n = len(nodes)
    if n <= 2:
        return dict.fromkeys(nodes, 0.0)
    k = sample
    sources = None if k is None or k >= n else sorted(random.Random(seed).sample(range(n), k))
    raw = _raw_betweenness(n, edges, weights, directed, sources)
    # Undirected, the raw values count each pair once where NetworkX counts both orders.
    orders = 1 if directed else 2
    if sources is None:
        scale = orders / ((n - 1) * (n - 2))
        return {node: value * scale for node, value in zip(nodes, raw, strict=True)}
    # From a sample: the paths that start at the k sampled sources, scaled as NetworkX 3.6 scales them (a
    # sampled node cannot lie on paths from itself, so it has k - 1 sources).
    sampled, k = set(sources), len(sources)
    return {
        node: orders * value / ((k - 1 if i in sampled else k) * (n - 2))
        for i, (node, value) in enumerate(zip(nodes, raw, strict=True))
    }


def _raw_betweenness(n: int, edges: list[tuple[int, int]], weights: list[float], directed: bool,
                     sources: list[int] | None) -> list[float]:  # fmt: skip
    """Betweenness over paths from ``sources`` (None: all), counted as igraph counts it (undirected: each pair once).

    Undirected graphs (every projection) go to the compiled kernel, on threads when the work is big; directed graphs
    and lengths too spread out for its bucket queue to igraph.
    """
    lengths = np.asarray(weights, dtype=np.float64)
    if not (np.isfinite(lengths).all() and (lengths > 0).all()):
        raise ValueError("betweenness needs every tie's distance to be a positive number")
    everyone = list(range(n)) if sources is None else sources
    compiled = None if directed else bucket_graph(n, np.array(edges, dtype=np.int64), lengths)
    if compiled is None:
        graph = igraph.Graph(n=n, edges=edges, directed=directed)
        result: list[float] = graph.betweenness(
            directed=directed, weights=weights, sources=everyone
        )
        return result
    workers = min(_cpu_count(), MAX_WORKERS)
    if workers < 2 or len(everyone) * max(len(edges), 1) < PARALLEL_WORK:
        total = dependencies(compiled, np.array(everyone, dtype=np.int64))
    else:
        # Interleaved, so the hubs spread over the threads.
        shares = [np.array(everyone[i::workers], dtype=np.int64) for i in range(workers)]
        with ThreadPoolExecutor(workers) as threads:
            parts = list(threads.map(lambda share: dependencies(compiled, share), shares))
        total = np.sum(parts, axis=0)  # in a fixed order: the same sum on every run
    halved: list[float] = (total / 2).tolist()  # each unordered pair was counted from both ends
    return halved


def _cpu_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _scaled(values: dict[str, float], ids: list[str]) -> dict[str, float]:
    top = max((values.get(i, 0.0) for i in ids), default=0.0)
    return {i: (values.get(i, 0.0) / top if top > 0 else 0.0) for i in ids}


def key_contacts(
    projection: Projection,
    *,
    organization: str | None = None,
    include_internal: bool = False,
    limit: int | None = 20,
    seed: int = 0,
) -> list[KeyContact]:
    """People ranked by combined score; all external people, or those of one organisation."""
    if organization is not None:
        if organization not in projection.organizations:
            raise NotFoundError(f"no organisation with id {organization!r}")
        candidates = projection.members_of(organization)
    else:
        candidates = [
            pid for pid, p in projection.people.items() if include_internal or not p.internal
        ]
    if not candidates:
        return []
    ranks = pagerank(projection)
    between = projection_betweenness(projection, seed=seed)
    pr_scaled, bc_scaled = _scaled(ranks, candidates), _scaled(between, candidates)
    rows = []
    for pid in candidates:
        person = projection.people[pid]
        network = 0.5 * pr_scaled[pid] + 0.5 * bc_scaled[pid]
        formal, where = formal_power(projection.memberships.get(pid, []), organization)
        stated = person.influence is not None
        influence = (person.influence - 1) / 4 if person.influence is not None else network
        score = 0.40 * network + 0.35 * formal + 0.25 * influence
        rows.append((score, pid, network, formal, influence, stated, where))
    rows.sort(key=lambda r: (-r[0], r[1]))
    results = []
    for rank, (score, pid, network, formal, influence, stated, where) in enumerate(rows[:limit], 1):
        person = projection.people[pid]
        results.append(
            KeyContact(
                rank=rank, id=pid, name=person.name, organization=where.organization if where else _org_of(projection, pid),
                score=round(score, 4), network=round(network, 4), formal=round(formal, 4),
                influence=round(influence, 4), influence_stated=stated, pagerank=round(ranks.get(pid, 0.0), 6),
                betweenness=round(between.get(pid, 0.0), 6),
                decision_role=where.decision_role.value if where and where.decision_role else None,
                seniority=where.seniority.value if where and where.seniority else None, stance=person.stance,
                reason=_reason(projection, pid, where, network, stated),
            )
        )  # fmt: skip
    return results


def _org_of(projection: Projection, pid: str) -> str | None:
    places = projection.memberships.get(pid, [])
    return places[0].organization if places else None


def _reason(
    projection: Projection, pid: str, where: Membership | None, network: float, stated: bool
) -> str:
    parts = []
    if where is not None and (where.decision_role or where.seniority):
        role = where.decision_role.value.replace("_", " ") if where.decision_role else "member"
        level = f" ({where.seniority.value})" if where.seniority else ""
        org = projection.organizations.get(where.organization)
        parts.append(f"{role}{level} at {org.name if org else where.organization}")
    person = projection.people[pid]
    if stated:
        parts.append(f"stated influence {person.influence}/5")
    if network >= 0.5:
        parts.append("central in the network")
    elif network >= 0.2:
        parts.append("well connected")
    return "; ".join(parts) or "few ties and no formal role recorded"
