"""Readiness: 503 while the store cannot be reached (from start-up, or when it goes away), 200 once it is
back, without restarting the service. Neo4j is reached through a proxy that the test cuts and restores."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from api import ApiSettings, create_app
from tests.api.tcp_proxy import TcpProxy

pytestmark = pytest.mark.neo4j


def _wait_for(client: TestClient, path: str, status: int, timeout: float = 30.0) -> float:
    start = time.monotonic()
    while True:
        response = client.get(path)
        if response.status_code == status:
            return time.monotonic() - start
        assert time.monotonic() - start < timeout, (
            f"{path} still {response.status_code}: {response.text}"
        )
        time.sleep(0.2)


def test_ready_follows_the_store_down_and_up(
    neo4j_settings: dict[str, str | None], tmp_path: object
) -> None:
    real = urlsplit(neo4j_settings["url"] or "")
    proxy = TcpProxy((real.hostname or "127.0.0.1", real.port or 7687))
    settings = ApiSettings(
        store=f"bolt://127.0.0.1:{proxy.port}", neo4j_user=neo4j_settings["user"],
        neo4j_password=neo4j_settings["password"], neo4j_database=neo4j_settings["database"],
        keys_file=f"{tmp_path}/keys.db", auth_disabled=True, store_retry_seconds=0,
    )  # fmt: skip
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        # Started while the store was unreachable: the service runs and says so.
        down = client.get("/api/ready")
        assert down.status_code == 503 and down.json()["error"]["code"] == "store_unavailable"
        assert down.headers["Retry-After"]
        assert client.get("/api/health").status_code == 200
        assert client.get("/api/people").status_code == 503
        assert neo4j_settings["password"] not in down.text  # type: ignore[operator]

        proxy.restore()
        _wait_for(client, "/api/ready", 200)
        assert client.post("/api/people", json={"id": "r1", "name": "Back"}).status_code == 201

        proxy.cut()
        _wait_for(client, "/api/ready", 503)

        proxy.restore()
        _wait_for(client, "/api/ready", 200)
        assert client.get("/api/people/r1").json()["name"] == "Back"
    proxy.cut()
