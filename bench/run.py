"""relgraph's benchmarks, each next to its reference and its target: ``make bench`` (1,000 and 10,000 people),
``make bench-large`` (also 100,000).

    python bench/run.py [--people 1000 10000] [--repeats 3] [--slow-repeats 1] [--stages ...]
                        [-o bench/results.json] [--markdown bench/results.md]

For each network size (``generate_network(people, seed=1)``), each stage runs in a fresh process, so its peak
memory (``ru_maxrss``) is its own:

* import — SQLite and Neo4j import throughput; Neo4j's bulk import against one-row-per-transaction MERGE;
* projection — snapshot → NetworkX graph per store, against the floor (the same graph from in-memory lists);
* analyses — each analysis cold, the full set, igraph's PageRank and betweenness as the reference, top-20 agreement;
* maps — 1,000- and 5,000-node maps: generation, page size, first draw and settle in headless chromium;
* api — p50/p99 latency of a cached analysis endpoint under 20 concurrent clients, from a separate process.

Every result has the median of its repeats (``--slow-repeats`` for the analyses from 10,000 people up, and for
import and projection from 100,000) and, where
the issue sets one, its target and whether it is met. Neo4j comes from RELGRAPH_TEST_NEO4J_URI/_USER/_PASSWORD
(``tools/neo4j/run-with-neo4j.sh``); without them its results say "not measured (no server)". Progress goes to
stderr; the Markdown table to stdout and --markdown, the JSON report to -o.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import bench_report
from bench_common import log, machine, neo4j_configured, peak_rss_mb, result

STAGES = ("import", "projection", "analyses", "maps", "api")
#: Stages that take --slow-repeats rather than --repeats, from this many people up.
SLOW = {"analyses": 10_000, "import": 100_000, "projection": 100_000}
HERE = Path(__file__).resolve().parent


def run_stage(stage: str, size: int, workdir: Path, repeats: int) -> dict[str, Any]:
    """Run one stage in this process (``--stage``): its results and this process's peak memory."""
    import bench_analyses
    import bench_api
    import bench_import
    import bench_maps
    import bench_projection

    modules = {"import": bench_import, "projection": bench_projection, "analyses": bench_analyses,
               "maps": bench_maps, "api": bench_api, "setup": bench_import}  # fmt: skip
    runner = bench_import.prepare if stage == "setup" else modules[stage].run
    return {"results": runner(size, workdir, repeats), "peak_rss_mb": peak_rss_mb()}


def spawn_stage(stage: str, size: int, workdir: Path, repeats: int) -> list[dict[str, Any]]:
    """Run one stage in a child process; its results plus its peak memory (or a failure record)."""
    out = workdir / f"{stage}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--stage", stage, "--size", str(size),
               "--workdir", str(workdir), "--repeats", str(repeats), "--stage-output", str(out)]  # fmt: skip
    code = subprocess.call(command)
    if code != 0:
        log(f"  stage {stage} failed (exit status {code})")
        failed = result(f"stage {stage}", size, None, "", note=f"failed: exit status {code}")
        return [{**failed, "stage": stage}]
    report = json.loads(out.read_text())
    if stage == "setup":
        return []
    memory = result(f"peak memory: {stage} stage", size, [report["peak_rss_mb"]], "MB",
                    note="ru_maxrss of the stage's process (network read back from SQLite, or generated)")  # fmt: skip
    return [{**row, "stage": stage} for row in [*report["results"], memory]]


def run_size(
    size: int, stages: list[str], args: argparse.Namespace, tmp: Path
) -> list[dict[str, Any]]:
    workdir = tmp / str(size)
    workdir.mkdir()
    rows: list[dict[str, Any]] = []
    plan = stages if "import" in stages else ["setup", *stages]
    for stage in plan:
        slow = size >= SLOW.get(stage, sys.maxsize)
        log(f"{size:,} people: {stage}")
        rows += spawn_stage(stage, size, workdir, args.slow_repeats if slow else args.repeats)
    return rows


def report(
    args: argparse.Namespace, host: dict[str, Any], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "benchmark": "relgraph bench/run.py",
        "machine": host,
        "sizes": args.people,
        "stages": ["setup", *args.stages],
        "repeats": {
            "default": args.repeats,
            "slow": args.slow_repeats,
            "slow_from_people": SLOW,
        },
        "neo4j": "measured" if neo4j_configured() else "not measured (no server)",
        "results": rows,
    }


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--people", type=int, nargs="+", default=[1000, 10_000], help="network sizes"
    )
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs per measurement (median reported)"
    )
    parser.add_argument(
        "--slow-repeats", type=int, default=1, help="runs of the slow stages (SLOW)"
    )
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    parser.add_argument("-o", "--output", type=Path, help="JSON report")
    parser.add_argument("--markdown", type=Path, help="Markdown table")
    internal = parser.add_argument_group("internal (one stage in this process)")
    internal.add_argument("--stage", choices=[*STAGES, "setup"])
    internal.add_argument("--size", type=int)
    internal.add_argument("--workdir", type=Path)
    internal.add_argument("--stage-output", type=Path)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    if args.stage:
        data = run_stage(args.stage, args.size, args.workdir, args.repeats)
        args.stage_output.write_text(json.dumps(data, indent=1))
        return
    rows: list[dict[str, Any]] = []
    host = machine()
    with tempfile.TemporaryDirectory(prefix="relgraph-bench-") as tmp:
        for size in args.people:
            rows += run_size(size, args.stages, args, Path(tmp))
            doc = report(args, host, rows)
            if args.output:
                args.output.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    table = bench_report.markdown(doc)
    if args.markdown:
        args.markdown.write_text(table)
    print(table)
    failed = [r["name"] for r in rows if r.get("note", "").startswith("failed")]
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
