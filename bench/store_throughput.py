"""Import throughput and snapshot read time per store, side by side.

    python bench/store_throughput.py --copies 1 10 340 [--neo4j] [--batch-sizes 500 2000 5000] -o FILE

Networks are n disjoint copies of the demo network (340 copies hold about 100k relationships). For each store and
size: the whole import path (read CSV, validate, check references, one transaction) and a full snapshot read, the
median of --repeats runs. Neo4j comes from RELGRAPH_TEST_NEO4J_URI/_USER/_PASSWORD (tools/neo4j/run-with-neo4j.sh).
Progress goes to stderr; the JSON report to stdout and -o FILE.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from import_throughput import copies

import relgraph.store.neo4j as neo4j_backend
from relgraph.demo import build_demo_network
from relgraph.io.csvio import network_to_csv
from relgraph.io.importer import import_files
from relgraph.store.base import GraphStore
from relgraph.store.sqlite import SQLiteStore


def _median_seconds(runs: int, setup: Callable[[], None], action: Callable[[], Any]) -> float:
    seconds = []
    for _ in range(runs):
        setup()
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def measure(store: GraphStore, csv_dir: Path, rows: int, repeats: int) -> dict[str, Any]:
    imported = _median_seconds(repeats, store.clear, lambda: import_files(store, [csv_dir]))
    snapshot = _median_seconds(repeats, lambda: None, store.snapshot)
    return {
        "import_seconds": round(imported, 3),
        "import_rows_per_second": round(rows / imported),
        "snapshot_seconds": round(snapshot, 3),
    }


def neo4j_store() -> GraphStore:
    url = os.environ["RELGRAPH_TEST_NEO4J_URI"]
    return neo4j_backend.Neo4jStore(
        url,
        user=os.environ.get("RELGRAPH_TEST_NEO4J_USER") or None,
        password=os.environ.get("RELGRAPH_TEST_NEO4J_PASSWORD") or None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10, 340])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--neo4j", action="store_true", help="also measure Neo4j")
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[neo4j_backend.BATCH_SIZE])
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    demo = build_demo_network()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.copies:
            network = copies(demo, n)
            rows = sum(network.counts().values())
            csv_dir = Path(tmp) / f"x{n}"
            csv_dir.mkdir()
            for name, text in network_to_csv(network).items():
                (csv_dir / name).write_text(text, encoding="utf-8", newline="")
            repeats = args.repeats if n < 100 else 1
            print(f"demo x{n}: {rows} records", file=sys.stderr)
            with SQLiteStore(Path(tmp) / f"x{n}.db") as store:
                result = measure(store, csv_dir, rows, repeats)
            print(f"  sqlite {result}", file=sys.stderr)
            results.append({"store": "sqlite", "copies": n, "records": network.counts(), **result})
            if not args.neo4j:
                continue
            with neo4j_store() as store:
                for batch in args.batch_sizes:
                    neo4j_backend.BATCH_SIZE = batch
                    result = measure(store, csv_dir, rows, repeats)
                    print(f"  neo4j batch {batch} {result}", file=sys.stderr)
                    results.append({"store": "neo4j", "batch_size": batch, "copies": n,
                                    "records": network.counts(), **result})  # fmt: skip
                store.clear()
    report = {
        "benchmark": "store_throughput",
        "machine": {
            "python": platform.python_version(),
            "cpu_count": os.cpu_count(),
            "platform": platform.platform(),
        },
        "repeats": args.repeats,
        "results": results,
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
