"""`relgraph analyze`: JSON output, caching by store version, and the same answers on every store."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from relgraph.analysis.brokerage import brokers
from relgraph.analysis.centrality import key_contacts
from relgraph.analysis.communities import communities
from relgraph.analysis.grid import stakeholder_grid
from relgraph.analysis.paths import warm_paths
from relgraph.analysis.weak_links import weak_links
from relgraph.analysis.whatif import what_if
from relgraph.cli import app
from relgraph.demo import CLIENT_CEO, MUNICIPALITY, SINGLE_THREAD_COLLEAGUE, build_demo_network
from relgraph.model import Network, Person
from relgraph.projection import ProjectionCache
from relgraph.store.base import GraphStore
from relgraph.store.sqlite import SQLiteStore

runner = CliRunner()
AS_OF = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with SQLiteStore(path) as store:
        store.upsert(build_demo_network(AS_OF))
    return f"sqlite:///{path}"


@pytest.mark.parametrize(
    "args",
    [
        ["key-contacts"],
        ["key-contacts", "--organization", MUNICIPALITY],
        ["brokers"],
        ["weak-links"],
        ["paths", CLIENT_CEO],
        ["communities"],
        ["grid"],
        ["what-if", "--remove-person", SINGLE_THREAD_COLLEAGUE],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_every_analysis_prints_clean_json(demo_url: str, args: list[str]) -> None:
    result = runner.invoke(
        app, ["--store", demo_url, "analyze", *args, "--as-of", AS_OF.isoformat(), "--json"]
    )
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["analysis"] == args[0] and document["as_of"] == AS_OF.isoformat()
    assert document["results"]
    table = runner.invoke(
        app, ["--store", demo_url, "analyze", *args, "--as-of", AS_OF.isoformat()]
    )
    assert table.exit_code == 0 and table.stdout.strip()


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["paths", "nobody"], "no person or organisation with id 'nobody'", 1),
        (["what-if", "--remove-person", "nobody"], "no person with id 'nobody'", 1),
        (["what-if"], "give --remove-person", 2),
        (["grid", "--as-of", "31/12/2025"], "--as-of must be a date", 2),
    ],
)
def test_analysis_errors_are_clear(demo_url: str, args: list[str], message: str, code: int) -> None:
    result = runner.invoke(app, ["--store", demo_url, "analyze", *args])
    assert result.exit_code == code
    assert message in result.stderr


class CountingStore(SQLiteStore):
    """A real SQLite store that counts full snapshot reads."""

    snapshots = 0

    def snapshot(self) -> Network:
        self.snapshots += 1
        return super().snapshot()


def test_projection_is_reused_until_the_store_changes(tmp_path: Path) -> None:
    cache = ProjectionCache()
    with CountingStore(tmp_path / "c.db") as store:
        store.upsert(build_demo_network(AS_OF))
        first = cache.projection(store, as_of=AS_OF)
        assert cache.projection(store, as_of=AS_OF) is first
        assert store.snapshots == 1
        store.upsert(build_demo_network(AS_OF))  # identical data: no change, no reload
        assert cache.projection(store, as_of=AS_OF) is first
        store.upsert(Network(people=[Person(id="p-new", name="New Person")]))
        second = cache.projection(store, as_of=AS_OF)
        assert second is not first and "p-new" in second.people
        assert store.snapshots == 2
        other_day = cache.projection(store, as_of=date(2026, 1, 1))
        assert other_day is not second and store.snapshots == 2  # same snapshot, another date


def _all_results(store: GraphStore) -> dict[str, Any]:
    p = ProjectionCache().projection(store, as_of=AS_OF)
    results: dict[str, Any] = {
        "key_contacts": key_contacts(p, limit=None),
        "brokers": brokers(p, limit=None),
        "weak_links": weak_links(p),
        "paths": warm_paths(p, CLIENT_CEO),
        "communities": communities(p),
        "grid": stakeholder_grid(p),
        "what_if": what_if(p, remove_person=SINGLE_THREAD_COLLEAGUE),
    }
    return json.loads(json.dumps({k: _plain(v) for k, v in results.items()}, default=str))


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value  # type: ignore[arg-type]


@pytest.mark.neo4j
def test_both_stores_give_the_same_answers(neo4j_store: GraphStore, tmp_path: Path) -> None:
    network = build_demo_network(AS_OF)
    neo4j_store.upsert(network)
    with SQLiteStore(tmp_path / "same.db") as sqlite_store:
        sqlite_store.upsert(network)
        assert _all_results(neo4j_store) == _all_results(sqlite_store)
