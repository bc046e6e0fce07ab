"""One share of a betweenness computation, run in a worker process.

igraph holds the GIL while it computes, so threads do not help; processes do. Workers are plain subprocesses
(``python -m relgraph.analysis._betweenness_worker``, input and output pickled over stdin and stdout) rather
than a multiprocessing pool: they never re-import the caller's main module and never fork a threaded server.
Summing the shares of a partition of the sources gives exactly the result of all of them.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import igraph

__all__ = ["betweenness_share", "betweenness_shares"]

_SOURCE_ROOT = str(
    Path(__file__).resolve().parents[2]
)  # the directory that holds the relgraph package


def betweenness_share(
    n: int, edges: list[tuple[int, int]], weights: list[float], directed: bool, sources: list[int]
) -> list[float]:
    """igraph's betweenness counted over the paths that start at ``sources``.

    Examples
    --------
    >>> betweenness_share(3, [(0, 1), (1, 2)], [1.0, 1.0], False, [0])
    [0.0, 0.5, 0.0]
    """
    graph = igraph.Graph(n=n, edges=edges, directed=directed)
    result: list[float] = graph.betweenness(directed=directed, weights=weights, sources=sources)
    return result


def _run_worker(payload: bytes) -> list[float]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [_SOURCE_ROOT, os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [sys.executable, "-m", __name__], input=payload, capture_output=True, env=env, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"betweenness worker failed: {done.stderr.decode(errors='replace')[-2000:]}"
        )
    result: list[float] = pickle.loads(done.stdout)
    return result


def betweenness_shares(n: int, edges: list[tuple[int, int]], weights: list[float], directed: bool,
                       shares: list[list[int]]) -> list[float]:  # fmt: skip
    """Betweenness over the union of ``shares`` (disjoint source lists), one worker process per share."""
    payloads = [pickle.dumps((n, edges, weights, directed, share), protocol=5) for share in shares]
    with ThreadPoolExecutor(len(shares)) as threads:  # each thread only waits on its process
        parts = list(threads.map(_run_worker, payloads))
    return [sum(values) for values in zip(*parts, strict=True)]


if __name__ == "__main__":
    arguments = pickle.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(pickle.dumps(betweenness_share(*arguments), protocol=5))
