"""Access: keys in the X-API-Key header with scopes; 401 without a good key, 403 with too small a scope."""

from __future__ import annotations

import pytest

from relgraph.keys import KeyRegistry, Scope
from tests.api.conftest import Api

READS = [
    ("get", "/api/people"),
    ("get", "/api/analysis/grid"),
    ("get", "/api/export"),
    ("get", "/maps/network"),
]
WRITES = [("post", "/api/people"), ("patch", "/api/people/x"), ("delete", "/api/organizations/x"),
          ("put", "/api/interactions/x"), ("post", "/api/import")]  # fmt: skip
ADMIN = [("get", "/api/keys"), ("post", "/api/keys"), ("delete", "/api/keys/x")]


def _call(api: Api, method: str, path: str, headers: dict[str, str]) -> int:
    body = {} if method in {"post", "put", "patch"} else None
    return int(api.client.request(method.upper(), path, json=body, headers=headers).status_code)


@pytest.mark.parametrize(("method", "path"), READS + WRITES + ADMIN)
def test_missing_or_unknown_key_is_401(sqlite_api: Api, method: str, path: str) -> None:
    assert _call(sqlite_api, method, path, {"X-API-Key": ""}) == 401
    assert _call(sqlite_api, method, path, {"X-API-Key": "rgk_00000000_" + "a" * 43}) == 401
    response = sqlite_api.client.request(method.upper(), path, headers={"X-API-Key": "wrong"})
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"] == "X-API-Key"


@pytest.mark.parametrize(
    ("scope", "allowed"),
    [(Scope.READ, READS), (Scope.WRITE, READS + WRITES), (Scope.ADMIN, READS + WRITES + ADMIN)],
)
def test_scopes(sqlite_api: Api, scope: Scope, allowed: list[tuple[str, str]]) -> None:
    for method, path in READS + WRITES + ADMIN:
        status = _call(sqlite_api, method, path, sqlite_api.as_key(scope))
        if (method, path) in allowed:
            assert status not in {401, 403}, (method, path)
        else:
            assert status == 403, (method, path, status)


def test_a_read_key_changes_nothing(sqlite_api: Api) -> None:
    response = sqlite_api.client.post(
        "/api/people", json={"id": "x", "name": "X"}, headers=sqlite_api.as_key(Scope.READ)
    )
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    assert sqlite_api.client.get("/api/people/x").status_code == 404


def test_admin_manages_keys_over_http(sqlite_api: Api) -> None:
    admin = sqlite_api.as_key(Scope.ADMIN)
    created = sqlite_api.client.post(
        "/api/keys", json={"name": "bi", "scope": "read"}, headers=admin
    )
    assert created.status_code == 201
    secret = created.json()["secret"]
    assert sqlite_api.client.get("/api/people", headers={"X-API-Key": secret}).status_code == 200
    listed = sqlite_api.client.get("/api/keys", headers=admin)
    assert "secret" not in listed.text.lower().replace('"secret"', "") and secret not in listed.text
    assert (
        sqlite_api.client.delete(f"/api/keys/{created.json()['id']}", headers=admin).status_code
        == 204
    )
    assert sqlite_api.client.get("/api/people", headers={"X-API-Key": secret}).status_code == 401
    assert (
        sqlite_api.client.post(
            "/api/keys", json={"name": "x", "scope": "root"}, headers=admin
        ).status_code
        == 422
    )


def test_a_key_revoked_from_the_cli_stops_working_at_once(sqlite_api: Api) -> None:
    registry = KeyRegistry(sqlite_api.settings.keys_file)
    key_id = registry.verify(sqlite_api.keys[Scope.WRITE]).id  # type: ignore[union-attr]
    registry.revoke(key_id)
    registry.close()
    assert sqlite_api.client.get("/api/people").status_code == 401


def test_keys_switched_off_explicitly(make_api: object) -> None:
    api: Api = make_api("sqlite", auth_disabled=True)  # type: ignore[operator]
    assert (
        api.client.post(
            "/api/people", json={"id": "x", "name": "X"}, headers={"X-API-Key": ""}
        ).status_code
        == 201
    )
    assert "API keys are switched off" in api.client.get("/").text


def test_health_ready_landing_and_docs_need_no_key(sqlite_api: Api) -> None:
    no_key = {"X-API-Key": ""}
    for path in (
        "/api/health",
        "/api/ready",
        "/",
        "/docs",
        "/openapi.json",
        "/static/maps/vis-network.min.js",
    ):
        assert sqlite_api.client.get(path, headers=no_key).status_code == 200, path
