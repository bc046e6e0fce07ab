"""Import stage: the whole import path (read CSV, validate, check references, write) into each store.

SQLite: rows/s into a fresh file per repeat (the last one stays behind for the later stages). Neo4j: the product's
bulk import (UNWIND batches in one transaction) and, in the same run, the naive reference it is judged against:
one parameterised MERGE per row, each row its own transaction, over a sample of people and KNOWS ties. The two
alternate run by run, after an untimed warm-up of both on a small network (the JVM compiles as it goes).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from bench_common import (
    NOT_MEASURED_NO_SERVER,
    SEED,
    TODAY,
    log,
    neo4j_configured,
    neo4j_store,
    result,
    sqlite_path,
    timed,
)

from relgraph.generate import generate_network, write_import_files
from relgraph.io.importer import import_files
from relgraph.model import Network, RelType
from relgraph.store.sqlite import SQLiteStore

#: Rows written one transaction each by the naive Neo4j reference (half people, half KNOWS ties).
NAIVE_ROWS = 2000
#: People in the small network that warms Neo4j up before the timed runs.
WARM_UP_PEOPLE = 1000
MERGE_PERSON = "MERGE (p:Person {id: $id}) SET p += $props"
MERGE_KNOWS = (
    "MERGE (a:Person {id: $source}) MERGE (b:Person {id: $target}) "
    "MERGE (a)-[r:KNOWS]->(b) SET r += $props"
)


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _import_into_new_file(db: Path, csv_dir: Path) -> float:
    _remove_sqlite(db)
    with SQLiteStore(db) as store:
        return timed(lambda: import_files(store, [csv_dir]))[0]


def sqlite_import(csv_dir: Path, rows: int, size: int, repeats: int, db: Path) -> dict[str, Any]:
    rates = [rows / _import_into_new_file(db, csv_dir) for _ in range(repeats)]
    log(f"  sqlite import: {min(rates):,.0f}-{max(rates):,.0f} rows/s")
    return result("import sqlite", size, rates, "rows/s", target=(">=", 100_000), rows=rows)


def _props(model: Any, drop: set[str]) -> dict[str, Any]:
    return {
        k: v for k, v in model.model_dump(mode="json", exclude_none=True).items() if k not in drop
    }


def naive_rows(network: Network) -> list[tuple[str, dict[str, Any]]]:
    """The reference's sample: (statement, parameters) for people then KNOWS ties, one row each."""
    people = network.people[: NAIVE_ROWS // 2]
    knows = [r for r in network.relationships if r.type is RelType.KNOWS]
    ties = knows[: NAIVE_ROWS - len(people)]
    return [
        *((MERGE_PERSON, {"id": p.id, "props": _props(p, {"id"})}) for p in people),
        *((MERGE_KNOWS, {"source": r.source, "target": r.target,
                         "props": _props(r, {"source", "target", "type"})}) for r in ties),
    ]  # fmt: skip


def naive_merge_seconds(rows: list[tuple[str, dict[str, Any]]]) -> float:
    """Seconds to write ``rows`` one ``session.execute_write`` each, through the official driver."""
    import neo4j

    password = os.environ.get("RELGRAPH_TEST_NEO4J_PASSWORD")
    auth = (os.environ.get("RELGRAPH_TEST_NEO4J_USER") or "neo4j", password) if password else None
    uri = os.environ["RELGRAPH_TEST_NEO4J_URI"]
    with neo4j.GraphDatabase.driver(uri, auth=auth) as driver, driver.session() as session:

        def write_all() -> None:
            for query, params in rows:
                session.execute_write(lambda tx, q=query, p=params: tx.run(q, **p).consume())

        return timed(write_all)[0]


def warm_up(store: Any, sample: list[tuple[str, dict[str, Any]]], folder: Path) -> None:
    """Untimed: both write paths once on a small network, so that no timed run pays for the JVM warming up."""
    write_import_files(generate_network(WARM_UP_PEOPLE, seed=SEED + 1, today=TODAY), folder)
    store.clear()
    import_files(store, [folder])
    store.clear()
    naive_merge_seconds(sample[:100] + sample[-100:])


def neo4j_import(network: Network, csv_dir: Path, size: int, repeats: int) -> list[dict[str, Any]]:
    rows = sum(network.counts().values())
    if not neo4j_configured():
        return [result(name, size, None, unit, note=NOT_MEASURED_NO_SERVER)
                for name, unit in (("import neo4j bulk", "rows/s"), ("import neo4j naive MERGE", "rows/s"),
                                   ("import neo4j bulk / naive", "×"))]  # fmt: skip
    sample = naive_rows(network)
    naive, bulk = [], []
    with neo4j_store() as store:
        warm_up(store, sample, csv_dir.parent / "warm-up")
        for _ in range(repeats):  # interleaved, so that both see the server equally warm
            store.clear()
            naive.append(len(sample) / naive_merge_seconds(sample))
            store.clear()
            bulk.append(rows / timed(lambda: import_files(store, [csv_dir]))[0])
            log(f"  neo4j: naive MERGE {naive[-1]:,.0f} rows/s, bulk import {bulk[-1]:,.0f} rows/s")
    ratios = [b / n for b, n in zip(bulk, naive, strict=True)]
    return [
        result("import neo4j bulk", size, bulk, "rows/s", rows=rows),
        result(
            "import neo4j naive MERGE",
            size,
            naive,
            "rows/s",
            rows=len(sample),
            note="one MERGE per row, one transaction per row (people, then KNOWS ties)",
        ),
        result(
            "import neo4j bulk / naive",
            size,
            ratios,
            "×",
            target=(">=", 20),
            note="bulk rows/s ÷ naive rows/s, per run (the two alternate)",
        ),
    ]


def run(size: int, workdir: Path, repeats: int) -> list[dict[str, Any]]:
    network = generate_network(size, seed=SEED, today=TODAY)
    csv_dir = workdir / "csv"
    write_import_files(network, csv_dir)
    rows = sum(network.counts().values())
    log(f"  network: {network.counts()} ({rows} rows)")
    out = [sqlite_import(csv_dir, rows, size, repeats, sqlite_path(workdir))]
    out += neo4j_import(network, csv_dir, size, repeats)
    return out


def prepare(size: int, workdir: Path, repeats: int) -> list[dict[str, Any]]:
    """Without the import stage: just load the network into the SQLite file the other stages read."""
    network = generate_network(size, seed=SEED, today=TODAY)
    write_import_files(network, workdir / "csv")
    _import_into_new_file(sqlite_path(workdir), workdir / "csv")
    return []
