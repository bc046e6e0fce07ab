"""Shared pieces of ``bench/run.py``: result records, timing, the store handles and the machine description."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from relgraph.model import Network
from relgraph.store.sqlite import SQLiteStore

#: Generated networks end on this day and are projected as of it, so every run sees the same graph.
TODAY = date(2026, 1, 15)
SEED = 1
NOT_MEASURED_NO_SERVER = "not measured (no server)"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds taken by ``call()`` and what it returned."""
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def samples(
    repeats: int, action: Callable[[], Any], setup: Callable[[], Any] | None = None
) -> list[float]:
    """Seconds of ``action()`` over ``repeats`` runs, ``setup()`` (untimed) before each."""
    seconds = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        seconds.append(timed(action)[0])
    return seconds


def result(
    name: str,
    size: int,
    values: list[float] | None,
    unit: str,
    *,
    target: tuple[str, float] | None = None,
    target_size: int | None = None,
    note: str | None = None,
    **detail: Any,
) -> dict[str, Any]:
    """One measurement: the median of ``values`` and, with a target ``(op, bound)``, whether it is met.

    ``target_size``: the network size the target is set at; at other sizes ``met`` is only indicative.
    ``values=None`` records a measurement that could not be taken (say why in ``note``).
    """
    median = round(statistics.median(values), 6) if values else None
    row: dict[str, Any] = {"name": name, "size": size, "value": median, "unit": unit,
                           "repeats": len(values or []), "median": median,
                           "samples": [round(v, 6) for v in values or []]}  # fmt: skip
    if target is not None:
        op, bound = target
        row["target"] = {"op": op, "value": bound, "size": target_size}
        row["met"] = (
            None if median is None else (median <= bound if op == "<=" else median >= bound)
        )
        row["binding"] = target_size is None or target_size == size
    if note:
        row["note"] = note
    if detail:
        row["detail"] = detail
    return row


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB (Linux reports ``ru_maxrss`` in KiB)."""
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def sqlite_path(workdir: Path) -> Path:
    """The SQLite file the import stage leaves behind: the network, for the later stages."""
    return workdir / "network.db"


def load_network(workdir: Path) -> Network:
    """The benchmark network, read back from the SQLite store (as a server would)."""
    with SQLiteStore(sqlite_path(workdir)) as store:
        return store.snapshot()


def neo4j_configured() -> bool:
    return bool(os.environ.get("RELGRAPH_TEST_NEO4J_URI"))


def neo4j_store() -> Any:
    """The Neo4j store named by RELGRAPH_TEST_NEO4J_URI/_USER/_PASSWORD (tools/neo4j/run-with-neo4j.sh)."""
    from relgraph.store.neo4j import Neo4jStore

    return Neo4jStore(
        os.environ["RELGRAPH_TEST_NEO4J_URI"],
        user=os.environ.get("RELGRAPH_TEST_NEO4J_USER") or None,
        password=os.environ.get("RELGRAPH_TEST_NEO4J_PASSWORD") or None,
    )


def _cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def _memory_gb() -> float | None:
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError):
        return None
    return round(pages * size / 2**30, 1)


def machine() -> dict[str, Any]:
    import networkx

    try:
        import igraph

        igraph_version: str | None = igraph.__version__
    except ImportError:
        igraph_version = None
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory_gb": _memory_gb(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "networkx": networkx.__version__,
        "igraph": igraph_version,
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
