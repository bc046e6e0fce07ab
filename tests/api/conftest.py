"""API fixtures: the app (``create_app``) on each store backend, under TestClient, with a key per scope."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api import ApiSettings, create_app
from relgraph.keys import KeyRegistry, Scope
from tests.conftest import BACKENDS


@dataclass
class Api:
    """A running app: ``client`` sends the write key by default; ``keys`` holds one secret per scope."""

    client: TestClient
    keys: dict[Scope, str]
    settings: ApiSettings

    def as_key(self, scope: Scope | None) -> dict[str, str]:
        """Headers that send the key of ``scope`` (None: no key at all)."""
        return {"X-API-Key": self.keys[scope]} if scope else {"X-API-Key": ""}


def store_settings(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path
) -> dict[str, object]:
    """Settings for an empty store of ``backend`` (Neo4j: the test server, emptied)."""
    if backend == "sqlite":
        return {"store": f"sqlite:///{tmp_path / 'api.db'}"}
    request.getfixturevalue("neo4j_store")  # empties the test database
    n4 = request.getfixturevalue("neo4j_settings")
    return {"store": n4["url"], "neo4j_user": n4["user"], "neo4j_password": n4["password"],
            "neo4j_database": n4["database"]}  # fmt: skip


def make_keys(keys_file: Path) -> dict[Scope, str]:
    registry = KeyRegistry(keys_file)
    try:
        return {scope: registry.create(f"test {scope.value}", scope).secret for scope in Scope}
    finally:
        registry.close()


@pytest.fixture
def make_api(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """Build an :class:`Api` for a backend, with optional extra settings; closed after the test."""
    opened: list[TestClient] = []

    def build(backend: str = "sqlite", **overrides: object) -> Api:
        keys_file = tmp_path / f"keys-{len(opened)}.db"
        keys = make_keys(keys_file)
        settings = ApiSettings(
            **store_settings(request, backend, tmp_path), keys_file=keys_file, **overrides
        )
        client = TestClient(create_app(settings), raise_server_exceptions=False).__enter__()
        opened.append(client)
        client.headers["X-API-Key"] = keys[Scope.WRITE]
        return Api(client, keys, settings)

    yield build
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture(params=BACKENDS)
def api(request: pytest.FixtureRequest, make_api: object) -> Api:
    """The app on an empty store of each backend."""
    return make_api(request.param)  # type: ignore[operator, no-any-return]


@pytest.fixture
def sqlite_api(make_api: object) -> Api:
    return make_api("sqlite")  # type: ignore[operator, no-any-return]
