"""The compiled weighted-betweenness kernel (relgraph.analysis._brandes) against igraph and NetworkX.

Half the kernel's summed dependencies is igraph's undirected betweenness over the same sources; its answers are
checked on graphs where equal-length routes abound (lengths exact in binary), on disconnected graphs, on lengths
so spread out that the bucket ring is skipped a block at a time, and on routes whose lengths differ by a rounding
error only (which igraph counts as equal, within a relative 1e-10).
"""

from __future__ import annotations

import random

import igraph
import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import relgraph.analysis.centrality as centrality
from relgraph.analysis._brandes import MAX_BUCKETS, bucket_graph, dependencies


def _igraph_betweenness(n: int, edges: list[tuple[int, int]], lengths: list[float],
                        sources: list[int] | None = None) -> list[float]:  # fmt: skip
    graph = igraph.Graph(n=n, edges=edges)
    values: list[float] = graph.betweenness(directed=False, weights=lengths, sources=sources)
    return values


def _kernel(n: int, edges: list[tuple[int, int]], lengths: list[float],
            sources: list[int] | None = None) -> list[float]:  # fmt: skip
    graph = bucket_graph(n, np.array(edges, dtype=np.int64), np.array(lengths))
    assert graph is not None
    chosen = np.arange(n) if sources is None else np.array(sources)
    values: list[float] = (dependencies(graph, chosen) / 2).tolist()
    return values


def _random_graph(
    seed: int, n: int, p: float, lengths: list[float]
) -> tuple[list[tuple[int, int]], list[float]]:
    rng = random.Random(seed)
    graph = nx.gnp_random_graph(n, p, seed=seed)
    edges = list(graph.edges())
    return edges, [rng.choice(lengths) for _ in edges]


@pytest.mark.parametrize("seed", range(5))
def test_kernel_equals_igraph_where_equal_routes_abound(seed: int) -> None:
    edges, lengths = _random_graph(seed, 80, 0.08, [0.25, 0.5, 0.75, 1.0, 1.5])
    assert _kernel(80, edges, lengths) == pytest.approx(
        _igraph_betweenness(80, edges, lengths), abs=1e-9
    )


@pytest.mark.parametrize("seed", range(3))
def test_kernel_over_a_subset_of_sources_equals_igraph(seed: int) -> None:
    edges, lengths = _random_graph(seed, 60, 0.1, [0.5, 1.0, 2.0])
    sources = sorted(random.Random(seed).sample(range(60), 12))
    expected = _igraph_betweenness(60, edges, lengths, sources)
    assert _kernel(60, edges, lengths, sources) == pytest.approx(expected, abs=1e-9)


def test_kernel_on_a_disconnected_graph_with_isolated_nodes() -> None:
    # Two paths of three (their middles broker one pair each) and two nodes with no tie.
    edges, lengths = [(0, 1), (1, 2), (3, 4), (4, 5)], [1.0, 2.0, 0.5, 0.5]
    assert _kernel(8, edges, lengths) == pytest.approx([0, 1, 0, 0, 1, 0, 0, 0])


def test_two_routes_of_equal_length_share_the_pair() -> None:
    # A square a–b–d–c–a of unit ties, and a–d direct 3 long: a–b–d and a–c–d (both 2) carry the pair (a, d), so b
    # and c get half of it each; likewise b–a–c and b–d–c carry (b, c), so a and d get half of that.
    edges, lengths = [(0, 1), (1, 3), (0, 2), (2, 3), (0, 3)], [1.0, 1.0, 1.0, 1.0, 3.0]
    assert _kernel(4, edges, lengths) == pytest.approx([0.5, 0.5, 0.5, 0.5])
    assert _igraph_betweenness(4, edges, lengths) == pytest.approx([0.5, 0.5, 0.5, 0.5])


def test_routes_that_differ_by_a_rounding_error_count_as_equal_as_in_igraph() -> None:
    # 0.1 + 0.2 is 0.30000000000000004 in binary, against a direct tie of 0.3: one length, two routes.
    edges, lengths = [(0, 1), (1, 2), (0, 2)], [0.1, 0.2, 0.3]
    assert 0.1 + 0.2 != 0.3
    assert _kernel(3, edges, lengths) == pytest.approx([0, 0.5, 0])
    assert _igraph_betweenness(3, edges, lengths) == pytest.approx([0, 0.5, 0])


def test_widely_spread_lengths_skip_empty_buckets_and_stay_exact() -> None:
    # Lengths from 0.01 to 60 make a ring of 6,000 buckets, mostly empty: a block at a time is skipped.
    n = 120
    graph = nx.connected_watts_strogatz_graph(n, 4, 0.1, seed=4)
    rng = random.Random(4)
    edges = list(graph.edges())
    lengths = [rng.choice([0.01, 0.02, 7.5, 30.0, 60.0]) for _ in edges]
    compiled = bucket_graph(n, np.array(edges), np.array(lengths))
    assert compiled is not None and compiled.buckets > 5000
    assert _kernel(n, edges, lengths) == pytest.approx(
        _igraph_betweenness(n, edges, lengths), abs=1e-9
    )


@pytest.mark.parametrize(
    ("lengths", "why"),
    [([1.0, 0.0], "a zero length"), ([1.0, -1.0], "a negative length"), ([1.0, float("nan")], "not a number"),
     ([1e-6, 1.0], f"more than {MAX_BUCKETS} buckets")],
)  # fmt: skip
def test_lengths_a_bucket_queue_cannot_take_are_refused(lengths: list[float], why: str) -> None:
    assert bucket_graph(3, np.array([(0, 1), (1, 2)]), np.array(lengths)) is None, why


def test_betweenness_of_lengths_too_spread_for_buckets_comes_from_igraph() -> None:
    graph = nx.path_graph(["a", "b", "c", "d"])
    nx.set_edge_attributes(graph, {("a", "b"): 1e-6, ("b", "c"): 1.0, ("c", "d"): 2.0}, "distance")
    assert bucket_graph(4, np.array([(0, 1), (1, 2), (2, 3)]), np.array([1e-6, 1.0, 2.0])) is None
    # A path of four: b and c each lie on two of the six pairs; normalised by (n − 1)(n − 2) / 2 = 3.
    assert centrality.betweenness(graph) == pytest.approx({"a": 0, "b": 2 / 3, "c": 2 / 3, "d": 0})


@pytest.mark.parametrize("length", [0.0, -1.0, float("nan"), float("inf")])
def test_betweenness_refuses_lengths_that_are_not_positive(length: float) -> None:
    graph = nx.path_graph(3)
    nx.set_edge_attributes(graph, {(0, 1): 1.0, (1, 2): length}, "distance")
    with pytest.raises(ValueError, match="positive"):
        centrality.betweenness(graph)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(3, 14),
    data=st.data(),
)
def test_kernel_equals_networkx_on_small_graphs(n: int, data: st.DataObject) -> None:
    pairs = [(a, b) for a in range(n) for b in range(a + 1, n)]
    chosen = data.draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3 * n))
    # Lengths exact in binary, so NetworkX's exact comparisons see the same equal routes.
    lengths = data.draw(st.lists(st.sampled_from([0.25, 0.5, 1.0, 2.0]), min_size=len(chosen),
                                 max_size=len(chosen)))  # fmt: skip
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_weighted_edges_from([(a, b, w) for (a, b), w in zip(chosen, lengths, strict=True)])
    expected = nx.betweenness_centrality(graph, weight="weight", normalized=False)
    assert _kernel(n, chosen, lengths) == pytest.approx([expected[v] for v in range(n)], abs=1e-9)


def test_threads_and_one_call_give_the_same_sums() -> None:
    edges, lengths = _random_graph(11, 150, 0.05, [0.3, 0.6, 0.9, 1.7])
    compiled = bucket_graph(150, np.array(edges), np.array(lengths))
    assert compiled is not None
    whole = dependencies(compiled, np.arange(150))
    halves = dependencies(compiled, np.arange(0, 150, 2)) + dependencies(
        compiled, np.arange(1, 150, 2)
    )
    assert halves == pytest.approx(whole, abs=1e-9)


def test_the_kernel_works_where_numba_has_nowhere_to_keep_machine_code() -> None:
    # A locked-down install: no cache locator at all. The kernel is then compiled in the process instead.
    import subprocess
    import sys

    script = (
        "import numba.core.caching as caching\n"
        "caching.CacheImpl._locator_classes = []\n"
        "import numpy as np\n"
        "from relgraph.analysis._brandes import bucket_graph, dependencies\n"
        "g = bucket_graph(3, np.array([[0, 1], [1, 2]]), np.array([1.0, 1.0]))\n"
        "print(dependencies(g, np.arange(3)).tolist())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[0.0, 2.0, 0.0]"
