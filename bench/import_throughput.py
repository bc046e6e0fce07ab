"""Import throughput: the demo network and a 10x copy, from files on disk into a fresh store.

Run with ``python bench/import_throughput.py [--store-url URL] [--copies 1 10] [--repeats 3]``. Prints progress to
stderr and one JSON document to stdout; ``-o FILE`` also writes it to a file. The whole path is timed: reading the
CSV files, validating every row, checking references and the one write transaction.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from relgraph.demo import build_demo_network
from relgraph.io.csvio import network_to_csv
from relgraph.io.importer import import_files
from relgraph.model import Interaction, Network, Person, Relationship
from relgraph.store import open_store


def copies(network: Network, n: int) -> Network:
    """n disjoint copies of a network (every id suffixed with the copy number)."""
    if n == 1:
        return network

    def tag(node_id: str, k: int) -> str:
        return f"{node_id}~{k}"

    people: list[Person] = []
    orgs = []
    rels: list[Relationship] = []
    interactions: list[Interaction] = []
    for k in range(n):
        people += [p.model_copy(update={"id": tag(p.id, k)}) for p in network.people]
        orgs += [o.model_copy(update={"id": tag(o.id, k)}) for o in network.organizations]
        rels += [
            Relationship.model_validate(
                {**r.model_dump(), "source": tag(r.source, k), "target": tag(r.target, k)}
            )
            for r in network.relationships
        ]
        interactions += [
            i.model_copy(
                update={
                    "id": tag(i.id, k),
                    "participants": [tag(p, k) for p in i.participants],
                    "organization": tag(i.organization, k) if i.organization else None,
                }
            )
            for i in network.interactions
        ]
    return Network(people=people, organizations=orgs, relationships=rels, interactions=interactions)


def measure(store_url: str, network: Network, repeats: int, workdir: Path) -> dict[str, Any]:
    for name, text in network_to_csv(network).items():
        (workdir / name).write_text(text, encoding="utf-8", newline="")
    rows = sum(network.counts().values())
    seconds = []
    for repeat in range(repeats):
        url = store_url.replace("{n}", f"{rows}-{repeat}")
        with open_store(url) as store:
            store.clear()
            start = time.perf_counter()
            import_files(store, [workdir])
            seconds.append(time.perf_counter() - start)
        print(f"  {rows} rows: {seconds[-1]:.2f} s", file=sys.stderr)
    median = statistics.median(seconds)
    return {"records": network.counts(), "rows": rows, "seconds_median": round(median, 4),
            "rows_per_second": round(rows / median), "repeats": repeats}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--store-url",
        default=None,
        help="store URL; {n} is replaced per run (default: temp SQLite)",
    )
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    demo = build_demo_network()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        url = args.store_url or f"sqlite:///{tmp}/bench-{{n}}.db"
        for n in args.copies:
            print(f"demo x{n}", file=sys.stderr)
            workdir = Path(tmp) / f"x{n}"
            workdir.mkdir()
            results.append({"copies": n, **measure(url, copies(demo, n), args.repeats, workdir)})
    report = {"benchmark": "import_throughput", "store": (args.store_url or "sqlite").split(":")[0],
              "machine": {"python": platform.python_version(), "cpu_count": __import__("os").cpu_count(),
                          "platform": platform.platform()}, "results": results}  # fmt: skip
    text = json.dumps(report, indent=2)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
