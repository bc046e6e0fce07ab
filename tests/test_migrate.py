"""`relgraph migrate` copies a whole network between stores without losing anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relgraph.cli import app
from relgraph.demo import build_demo_network
from relgraph.model import Network
from relgraph.store.base import GraphStore
from relgraph.store.sqlite import SQLiteStore
from tests.helpers import small_network

runner = CliRunner()


def _sorted(network: Network) -> Network:
    """Snapshots list records in each backend's own order; compare them as sets."""
    return Network.model_construct(
        people=sorted(network.people, key=lambda p: p.id),
        organizations=sorted(network.organizations, key=lambda o: o.id),
        relationships=sorted(network.relationships, key=lambda r: (r.source, r.type, r.target)),
        interactions=sorted(network.interactions, key=lambda i: i.id),
    )


def _neo4j_url(settings: dict[str, str | None]) -> tuple[str, dict[str, str]]:
    env = {}
    if settings["password"]:
        env = {
            "RELGRAPH_NEO4J_USER": settings["user"] or "neo4j",
            "RELGRAPH_NEO4J_PASSWORD": settings["password"],
        }
    assert settings["url"] is not None
    return settings["url"], env


@pytest.mark.neo4j
def test_sqlite_to_neo4j_and_back_is_lossless(
    tmp_path: Path, neo4j_store: GraphStore, neo4j_settings: dict[str, str | None]
) -> None:
    demo = build_demo_network()
    first = f"sqlite:///{tmp_path / 'first.db'}"
    with SQLiteStore(tmp_path / "first.db") as store:
        store.upsert(demo)
        original = _sorted(store.snapshot())
    neo4j_url, env = _neo4j_url(neo4j_settings)
    there = runner.invoke(app, ["migrate", "--from", first, "--to", neo4j_url, "--json"], env=env)
    assert there.exit_code == 0, there.stderr
    assert json.loads(there.stdout)["records"] == demo.counts()
    assert _sorted(neo4j_store.snapshot()) == original
    second = f"sqlite:///{tmp_path / 'second.db'}"
    back = runner.invoke(app, ["migrate", "--from", neo4j_url, "--to", second], env=env)
    assert back.exit_code == 0, back.stderr
    with SQLiteStore(tmp_path / "second.db") as store:
        assert _sorted(store.snapshot()) == original


def test_migrate_refuses_a_non_empty_target_unless_told(tmp_path: Path) -> None:
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    with SQLiteStore(source) as store:
        store.upsert(small_network())
    with SQLiteStore(target) as store:
        store.upsert(build_demo_network())
    args = ["migrate", "--from", f"sqlite:///{source}", "--to", f"sqlite:///{target}"]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 1 and "is not empty" in refused.stderr
    with SQLiteStore(target) as store:
        assert store.counts() == build_demo_network().counts()
    replaced = runner.invoke(app, [*args, "--mode", "replace"])
    assert replaced.exit_code == 0, replaced.stderr
    with SQLiteStore(target) as store:
        assert _sorted(store.snapshot()) == _sorted(small_network())
    assert runner.invoke(app, [*args, "--mode", "bogus"]).exit_code == 2
