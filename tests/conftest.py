"""Shared fixtures. ``store`` is parametrised over every backend so one contract suite runs on each."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from relgraph.store.base import GraphStore
from relgraph.store.sqlite import SQLiteStore

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j),
]


def neo4j_required() -> bool:
    """In CI (or when asked) a missing Neo4j server fails the Neo4j tests instead of skipping them."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"} or os.environ.get(
        "RELGRAPH_REQUIRE_NEO4J", ""
    ) in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def neo4j_settings() -> dict[str, str | None]:
    """Where the test Neo4j server is: RELGRAPH_TEST_NEO4J_URI (set by tools/neo4j/run-with-neo4j.sh)."""
    uri = os.environ.get("RELGRAPH_TEST_NEO4J_URI")
    if not uri:
        message = (
            "no Neo4j server for the tests: run them through `make test` (which starts one) "
            "or set RELGRAPH_TEST_NEO4J_URI"
        )
        if neo4j_required():
            pytest.fail(message)
        pytest.skip(message)
    return {
        "url": uri,
        "user": os.environ.get("RELGRAPH_TEST_NEO4J_USER") or None,
        "password": os.environ.get("RELGRAPH_TEST_NEO4J_PASSWORD") or None,
        "database": os.environ.get("RELGRAPH_TEST_NEO4J_DATABASE") or None,
    }


@pytest.fixture(scope="session")
def neo4j_session_store(neo4j_settings: dict[str, str | None]) -> Iterator[GraphStore]:
    """One Neo4j store (one driver) for the whole session; tests get it emptied."""
    from relgraph.store.neo4j import Neo4jStore

    url = neo4j_settings["url"]
    assert url is not None
    with Neo4jStore(
        url,
        user=neo4j_settings["user"],
        password=neo4j_settings["password"],
        database=neo4j_settings["database"],
    ) as opened:
        yield opened


@pytest.fixture
def neo4j_store(neo4j_session_store: GraphStore) -> GraphStore:
    """The Neo4j test database, emptied: tests are isolated from each other."""
    neo4j_session_store.clear()
    return neo4j_session_store


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store of each backend."""
    if request.param == "neo4j":
        yield request.getfixturevalue("neo4j_store")
        return
    with SQLiteStore(tmp_path / "store.db") as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "store.db") as opened:
        yield opened
