"""Time the projection and every analysis on the demo network and on generated networks.

    python bench/analysis_timing.py --people 10000 100000 [--exact-check 10000] [--sample 500] -o FILE

For each size: the projection (network → analysis graph), then each analysis, cold (PageRank and betweenness are
computed by the first analysis that needs them and reused by the rest, as in a real session). Betweenness is exact
within relgraph's work budget and estimated from a seeded sample of sources beyond it. With --exact-check N
the network of N people also gets exact betweenness, and the report gives how many of the exact top 20 brokers the
sampled ranking finds (top-20 agreement). Progress to stderr; JSON to stdout and -o.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import networkx as nx

import relgraph.analysis.centrality as centrality
from relgraph.analysis.brokerage import brokers
from relgraph.analysis.centrality import key_contacts
from relgraph.analysis.communities import communities
from relgraph.analysis.grid import stakeholder_grid
from relgraph.analysis.paths import warm_paths
from relgraph.analysis.weak_links import weak_links
from relgraph.analysis.whatif import what_if
from relgraph.demo import build_demo_network
from relgraph.generate import generate_network
from relgraph.model import Network
from relgraph.projection import Projection, project

TODAY = date(2026, 11, 23)


def timed(label: str, call: Callable[[], Any], times: dict[str, float]) -> Any:
    start = time.perf_counter()
    result = call()
    times[label] = round(time.perf_counter() - start, 3)
    print(f"    {label}: {times[label]:.2f} s", file=sys.stderr)
    return result


def run_all(network: Network) -> tuple[dict[str, float], Projection]:
    times: dict[str, float] = {}
    p: Projection = timed("projection", lambda: project(network, as_of=TODAY), times)
    timed("key_contacts", lambda: key_contacts(p), times)
    timed("brokers", lambda: brokers(p), times)
    timed("weak_links", lambda: weak_links(p), times)
    outsider = next((pid for pid, person in p.people.items() if not person.internal), None)
    if outsider:
        timed("paths", lambda: warm_paths(p, outsider), times)
    timed("communities", lambda: communities(p), times)
    timed("grid", lambda: stakeholder_grid(p), times)
    insider = sorted(p.internal)[0] if p.internal else None
    if insider:
        timed("what_if", lambda: what_if(p, remove_person=insider), times)
    times["total"] = round(sum(times.values()), 3)
    return times, p


def top_agreement(p: Projection, sample: int, seed: int = 0) -> dict[str, Any]:
    people = set(p.people)
    start = time.perf_counter()
    exact = nx.betweenness_centrality(p.graph, weight="distance")
    exact_s = time.perf_counter() - start
    start = time.perf_counter()
    approx = nx.betweenness_centrality(p.graph, k=sample, weight="distance", seed=seed)
    approx_s = time.perf_counter() - start

    def top(values: dict[str, float]) -> list[str]:
        return sorted((n for n in values if n in people), key=lambda n: -values[n])[:20]

    overlap = len(set(top(exact)) & set(top(approx)))
    return {"sample": sample, "exact_seconds": round(exact_s, 1), "sampled_seconds": round(approx_s, 1),
            "top20_agreement": overlap / 20}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, nargs="*", default=[10_000])
    parser.add_argument(
        "--exact-check",
        type=int,
        default=None,
        help="size at which to compare with exact betweenness",
    )
    parser.add_argument("--budget", type=int, default=centrality.BETWEENNESS_BUDGET)
    parser.add_argument("-o", "--output")
    args = parser.parse_args()
    centrality.BETWEENNESS_BUDGET = args.budget
    results = []
    print("demo network", file=sys.stderr)
    times, _ = run_all(build_demo_network(TODAY))
    results.append({"network": "demo", "people": 85, **times})
    for n in args.people:
        print(f"generated, {n} people", file=sys.stderr)
        network = generate_network(n, seed=1, today=TODAY)
        times, p = run_all(network)
        row: dict[str, Any] = {"network": "generated", "people": n, "nodes": p.graph.number_of_nodes(),
                               "edges": p.graph.number_of_edges(),
                               "betweenness_sample": centrality.betweenness_sample_size(p.graph) or "exact", **times}  # fmt: skip
        if args.exact_check == n:
            print("    exact betweenness for comparison (slow)", file=sys.stderr)
            row["approximation"] = top_agreement(
                p, centrality.betweenness_sample_size(p.graph) or 0
            )
        results.append(row)
    report = {"benchmark": "analysis_timing", "machine": {"python": platform.python_version(),
              "cpu_count": os.cpu_count(), "platform": platform.platform()}, "results": results}  # fmt: skip
    text = json.dumps(report, indent=2)
    print(text)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")


if __name__ == "__main__":
    main()
