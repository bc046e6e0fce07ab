"""Request limits: body size (413), page size (422), and the security headers every response carries."""

from __future__ import annotations

from collections.abc import Iterator

from tests.api.conftest import Api


def test_a_body_over_the_limit_is_413_before_it_is_read(make_api: object) -> None:
    api: Api = make_api("sqlite", max_body_bytes=4096)  # type: ignore[operator]
    people = [{"id": f"p{i}", "name": "x" * 100} for i in range(100)]
    response = api.client.post("/api/import", json={"people": people})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert api.client.get("/api/people").json()["total"] == 0


def test_a_streamed_body_over_the_limit_is_413(make_api: object) -> None:
    api: Api = make_api("sqlite", max_body_bytes=4096)  # type: ignore[operator]

    def chunks() -> Iterator[bytes]:
        yield b'{"people": ['
        for i in range(200):
            yield b'{"id": "p%d", "name": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},' % i
        yield b'{"id": "last", "name": "x"}]}'

    response = api.client.post(
        "/api/import", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert api.client.get("/api/people").json()["total"] == 0


def test_a_small_streamed_body_still_arrives(make_api: object) -> None:
    api: Api = make_api("sqlite", max_body_bytes=4096)  # type: ignore[operator]
    response = api.client.post("/api/import", content=iter([b'{"people": [{"id": "a",', b' "name": "A"}]}']),
                               headers={"Content-Type": "application/json"})  # fmt: skip
    assert response.status_code == 200, response.text
    assert api.client.get("/api/people/a").json()["name"] == "A"


def test_security_headers(sqlite_api: Api) -> None:
    response = sqlite_api.client.get("/api/people")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_unknown_routes_and_methods_use_the_error_shape(sqlite_api: Api) -> None:
    missing = sqlite_api.client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    wrong = sqlite_api.client.put("/api/people")
    assert wrong.status_code == 405 and wrong.json()["error"]["code"] == "method_not_allowed"


def test_malformed_json_is_422(sqlite_api: Api) -> None:
    response = sqlite_api.client.post(
        "/api/people", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_input"
