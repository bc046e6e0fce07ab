"""Analyses stage: every analysis cold on a fresh projection, and igraph's centralities as the reference.

Each run projects the network afresh, then times PageRank and betweenness (memoised on the projection: in a session
the first analysis that needs them pays for them, so they are timed on their own first), then each analysis.
``analyses all (cold)`` is the sum: what a fresh projection costs to analyse completely.

Reference: the same graph in igraph (built from the projection's edges), its PageRank (weights: strength) and
weighted betweenness (weights: distance); exact where relgraph's betweenness is exact, else from a seeded sample of
as many sources as relgraph samples. Top-20 agreement = |relgraph's top 20 people ∩ igraph's exact top 20| / 20;
below 100,000 people it is also given for the estimate relgraph makes at 100,000 people (the same number of sampled
sources, taken on this graph), the figure the 100,000-people target relies on.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from bench_common import TODAY, load_network, log, result, timed

import relgraph.analysis.centrality as centrality
from relgraph.analysis.brokerage import brokers
from relgraph.analysis.communities import communities
from relgraph.analysis.grid import stakeholder_grid
from relgraph.analysis.paths import warm_paths
from relgraph.analysis.weak_links import weak_links
from relgraph.analysis.whatif import what_if
from relgraph.model import Network, OrgRole
from relgraph.projection import Projection, project

#: Where the cold-analysis targets are set (seconds).
ALL_TARGETS = {10_000: 15.0, 100_000: 120.0}
LARGE = 100_000
AGREEMENT_TARGET = 0.8


def _target_org(p: Projection) -> str:
    """The largest organisation that is not ours: where warm paths lead."""
    theirs = [o for o, org in p.organizations.items() if OrgRole.OWN not in org.roles]
    return min(theirs, key=lambda o: (-len(p.members_of(o)), o))


ANALYSES: list[tuple[str, Callable[[Projection], Any]]] = [
    ("key_contacts", centrality.key_contacts),
    ("brokers", brokers),
    ("weak_links", weak_links),
    ("warm_paths", lambda p: warm_paths(p, _target_org(p))),
    ("communities", communities),
    ("stakeholder_grid", stakeholder_grid),
    ("what_if", lambda p: what_if(p, remove_person=sorted(p.internal)[0])),
]


def cold_run(network: Network) -> tuple[dict[str, float], Projection]:
    """Seconds per step on a fresh projection (centralities first, then each analysis)."""
    p = project(network, as_of=TODAY)
    times = {"pagerank": timed(lambda: centrality.pagerank(p))[0],
             "betweenness": timed(lambda: centrality.projection_betweenness(p))[0]}  # fmt: skip
    for name, call in ANALYSES:
        times[name] = timed(lambda c=call: c(p))[0]  # type: ignore[misc]
    times["all"] = sum(times.values())
    log("  " + ", ".join(f"{k} {v:.2f}" for k, v in times.items()) + " s")
    return times, p


def analysis_results(
    size: int, runs: list[dict[str, float]], p: Projection
) -> list[dict[str, Any]]:
    sample = centrality.betweenness_sample_size(p.graph)
    out = []
    for name in ("pagerank", "betweenness"):
        extra = {"sampled_sources": sample or "exact"} if name == "betweenness" else {}
        out.append(result(f"relgraph {name}", size, [r[name] for r in runs], "s", **extra))
    for name, _ in ANALYSES:
        note = "PageRank and betweenness already computed" if name == "key_contacts" else None
        out.append(result(f"analysis {name}", size, [r[name] for r in runs], "s", note=note))
    target = ALL_TARGETS.get(size)
    out.append(result("analyses all (cold)", size, [r["all"] for r in runs], "s",
                      target=("<=", target) if target else None,
                      note="fresh projection: PageRank + betweenness + the seven analyses",
                      nodes=p.graph.number_of_nodes(), edges=p.graph.number_of_edges(),
                      betweenness=f"sampled, {sample} sources" if sample else "exact"))  # fmt: skip
    return out


def top20(values: dict[str, float], people: set[str]) -> set[str]:
    return set(sorted((n for n in values if n in people), key=lambda n: (-values[n], n))[:20])


def igraph_reference(p: Projection) -> tuple[dict[str, float], dict[str, Any]]:
    """igraph's betweenness of the projection (exact, or sampled as relgraph samples) and the timings."""
    import igraph

    nodes = list(p.graph)
    build_s, g = timed(lambda: _igraph_graph(p, nodes))
    pr_s, _ = timed(lambda: g.pagerank(directed=False, weights="strength"))
    k = centrality.betweenness_sample_size(p.graph)
    sources = None if k is None else sorted(random.Random(0).sample(range(len(nodes)), k))
    bc_s, raw = timed(lambda: g.betweenness(directed=False, weights="distance", sources=sources))
    log(
        f"  igraph {igraph.__version__}: build {build_s:.2f} s, pagerank {pr_s:.2f} s, betweenness {bc_s:.2f} s"
    )
    times = {"build": build_s, "pagerank": pr_s, "betweenness": bc_s, "sources": k or "exact"}
    return dict(zip(nodes, raw, strict=True)), times


def _igraph_graph(p: Projection, nodes: list[str]) -> Any:
    import igraph

    index = {n: i for i, n in enumerate(nodes)}
    edges = list(p.graph.edges(data=True))
    g = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b, _ in edges])
    g.es["strength"] = [d["strength"] for _, _, d in edges]
    g.es["distance"] = [d["distance"] for _, _, d in edges]
    return g


class _Shape:
    """A graph's size and nothing else: enough for ``betweenness_sample_size``."""

    def __init__(self, nodes: int, edges: int) -> None:
        self.nodes, self.edges = nodes, edges

    def number_of_nodes(self) -> int:
        return self.nodes

    def number_of_edges(self) -> int:
        return self.edges


def large_estimate_agreement(size: int, p: Projection, exact_top: set[str]) -> dict[str, Any]:
    """Top-20 agreement with exact of the estimate relgraph makes at 100,000 people, made on this graph."""
    scale = LARGE / size
    shape = _Shape(
        round(p.graph.number_of_nodes() * scale), round(p.graph.number_of_edges() * scale)
    )
    k = centrality.betweenness_sample_size(shape) or p.graph.number_of_nodes()  # type: ignore[arg-type]
    seconds, approx = timed(lambda: centrality.betweenness(p.graph, sample=k))
    share = len(top20(approx, set(p.people)) & exact_top) / 20
    log(f"  betweenness from {k} sampled sources: {seconds:.2f} s, top-20 agreement {share:.2f}")
    return result("betweenness top-20 agreement of the 100k estimate", size, [share], "fraction",
                  target=(">=", AGREEMENT_TARGET), target_size=10_000, sampled_sources=k,
                  seconds=round(seconds, 3),
                  note=f"relgraph's betweenness from {k} seeded sources (its sample at 100k people) "
                       "vs igraph exact, on this graph")  # fmt: skip


def reference_results(
    size: int, p: Projection, runs: list[dict[str, float]]
) -> list[dict[str, Any]]:
    reference, ref = igraph_reference(p)
    ours = {
        name: round(statistics.median(r[name] for r in runs), 4)
        for name in ("pagerank", "betweenness")
    }
    out = [
        result("igraph build (from projection edges)", size, [ref["build"]], "s"),
        result("igraph pagerank", size, [ref["pagerank"]], "s", relgraph_s=ours["pagerank"]),
        result("igraph betweenness", size, [ref["betweenness"]], "s", relgraph_s=ours["betweenness"],
               sources=ref["sources"], note="igraph, one thread"),
    ]  # fmt: skip
    if ref["sources"] != "exact":
        return out
    people = set(p.people)
    exact_top = top20(reference, people)
    mine = top20(centrality.projection_betweenness(p), people)
    out.append(result("betweenness top-20 agreement (relgraph vs igraph exact)", size,
                      [len(mine & exact_top) / 20], "fraction"))  # fmt: skip
    if size < LARGE:
        out.append(large_estimate_agreement(size, p, exact_top))
    return out


def kernel_ready(size: int) -> dict[str, Any]:
    """Load the compiled betweenness kernel before the cold runs, timed apart: machine code that numba compiles
    once per install (and after every change of its source) and loads from its cache afterwards, as a
    program's binary would be loaded; the cold runs then time the analyses, not the compiler."""
    tiny = nx.path_graph(3)
    nx.set_edge_attributes(tiny, 1.0, "distance")
    seconds, _ = timed(lambda: centrality.betweenness(tiny))
    log(f"  betweenness kernel loaded (or compiled) in {seconds:.2f} s")
    return result("betweenness kernel: load, or compile once per install", size, [seconds], "s")


def run(size: int, workdir: Path, repeats: int) -> list[dict[str, Any]]:
    network = load_network(workdir)
    ready = kernel_ready(size)
    runs, p = [], None
    for _ in range(repeats):
        times, p = cold_run(network)
        runs.append(times)
    assert p is not None
    return [ready, *analysis_results(size, runs, p), *reference_results(size, p, runs)]
