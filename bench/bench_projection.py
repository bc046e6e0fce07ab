"""Projection stage: store snapshot → NetworkX analysis graph, per store, next to its floor.

The floor is the same ``nx.Graph`` (same nodes, edges and attributes as the projection produced) built straight
from in-memory Python lists: what building the graph costs at the least, with no reading, parsing or tie
arithmetic, and with the garbage collector paused as ``project`` pauses it. Ratio = (snapshot + project) / floor,
medians of the same number of runs.
"""

from __future__ import annotations

import gc
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from bench_common import (
    NOT_MEASURED_NO_SERVER,
    TODAY,
    log,
    neo4j_configured,
    neo4j_store,
    result,
    samples,
    sqlite_path,
    timed,
)

from relgraph.projection import Projection, project
from relgraph.store.sqlite import SQLiteStore

#: Ratio targets, set at 100,000 people.
TARGETS = {"sqlite": 1.5, "neo4j": 3.0}
TARGET_SIZE = 100_000


def store_runs(
    snapshot: Callable[[], Any], repeats: int
) -> tuple[list[float], list[float], Projection]:
    """Seconds of ``snapshot()`` and of ``project()`` per run; the last projection."""
    snap, proj, p = [], [], None
    for _ in range(repeats):
        s, network = timed(snapshot)
        t, p = timed(lambda n=network: project(n, as_of=TODAY))  # type: ignore[misc]
        snap.append(s)
        proj.append(t)
    assert p is not None
    return snap, proj, p


def floor_runs(p: Projection, repeats: int) -> list[float]:
    """Seconds to build the projection's graph from plain lists of its nodes and edges."""
    nodes, edges = list(p.graph.nodes(data=True)), list(p.graph.edges(data=True))
    attrs = dict(p.graph.graph)

    def build() -> nx.Graph:
        # The garbage collector is paused here as project() pauses it, so the floor stays the least it can be.
        gc.disable()
        try:
            graph = nx.Graph(**attrs)
            graph.add_nodes_from(nodes)
            graph.add_edges_from(edges)
            return graph
        finally:
            gc.enable()

    assert nx.utils.graphs_equal(build(), p.graph)
    return samples(repeats, build)


def store_results(
    store: str, size: int, runs: tuple[list[float], list[float], Projection], floor: list[float]
) -> list[dict[str, Any]]:
    snap, proj, p = runs
    totals = [s + t for s, t in zip(snap, proj, strict=True)]
    ratio = statistics.median(totals) / statistics.median(floor)
    log(f"  {store}: snapshot {statistics.median(snap):.2f} s + project {statistics.median(proj):.2f} s"
        f" = {ratio:.1f}× floor")  # fmt: skip
    return [
        result(f"projection {store} (snapshot + project)", size, totals, "s",
               snapshot_s=round(statistics.median(snap), 4), project_s=round(statistics.median(proj), 4),
               nodes=p.graph.number_of_nodes(), edges=p.graph.number_of_edges()),
        result(f"projection {store} / floor", size, [ratio], "×", target=("<=", TARGETS[store]),
               target_size=TARGET_SIZE, note="median (snapshot + project) over median floor"),
    ]  # fmt: skip


def run(size: int, workdir: Path, repeats: int) -> list[dict[str, Any]]:
    with SQLiteStore(sqlite_path(workdir)) as store:
        sqlite = store_runs(store.snapshot, repeats)
    floor = floor_runs(sqlite[2], repeats)
    log(f"  floor (nx.Graph from lists): {statistics.median(floor):.3f} s")
    out = [result("projection floor (nx.Graph from lists)", size, floor, "s")]
    out += store_results("sqlite", size, sqlite, floor)
    if not neo4j_configured():
        return [
            *out,
            result("projection neo4j / floor", size, None, "×", note=NOT_MEASURED_NO_SERVER),
        ]
    with neo4j_store() as store:
        neo = store_runs(store.snapshot, repeats)
        store.clear()
    if neo[2].graph.number_of_nodes() != sqlite[2].graph.number_of_nodes():
        # The Neo4j import of this size failed (e.g. too little transaction memory): nothing to compare.
        note = "not measured: the Neo4j store does not hold this network (its import failed; see the log)"
        log(f"  neo4j: {note}")
        return [*out, result("projection neo4j / floor", size, None, "×", note=note)]
    return out + store_results("neo4j", size, neo, floor)
