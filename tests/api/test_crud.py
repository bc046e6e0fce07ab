"""CRUD, paging and filters over HTTP, on every store backend."""

from __future__ import annotations

import pytest

from relgraph.model import Network
from tests.api.conftest import Api
from tests.helpers import small_network


def load(api: Api, network: Network | None = None) -> None:
    response = api.client.post(
        "/api/import", json=(network or small_network()).model_dump(mode="json")
    )
    assert response.status_code == 200, response.text


def error_code(response: object) -> str:
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    return str(body["error"]["code"])


def test_person_lifecycle(api: Api) -> None:
    c = api.client
    created = c.post(
        "/api/people", json={"id": "eve", "name": "Eve Ek", "title": "CTO", "influence": 4}
    )
    assert created.status_code == 201
    assert created.json()["name"] == "Eve Ek" and created.json()["tags"] == []
    assert c.get("/api/people/eve").json() == created.json()

    again = c.post("/api/people", json={"id": "eve", "name": "Someone else"})
    assert again.status_code == 409 and error_code(again) == "conflict"
    assert c.get("/api/people/eve").json()["name"] == "Eve Ek"

    patched = c.patch("/api/people/eve", json={"stance": -1, "tags": ["it", "board"]})
    assert patched.status_code == 200
    assert patched.json() | {} == created.json() | {"stance": -1, "tags": ["board", "it"]}

    replaced = c.put("/api/people/eve", json={"id": "eve", "name": "Eve Ek"})
    assert replaced.status_code == 200
    assert replaced.json()["title"] is None and replaced.json()["stance"] is None

    assert c.delete("/api/people/eve").status_code == 204
    gone = c.get("/api/people/eve")
    assert gone.status_code == 404 and error_code(gone) == "not_found"
    assert c.delete("/api/people/eve").status_code == 404


def test_put_creates_and_rejects_an_id_that_differs_from_the_path(api: Api) -> None:
    c = api.client
    assert c.put("/api/organizations/acme", json={"id": "acme", "name": "Acme"}).status_code == 200
    assert c.get("/api/organizations/acme").json()["kind"] == "other"
    mismatch = c.put("/api/organizations/acme", json={"id": "other", "name": "Acme"})
    assert mismatch.status_code == 422
    assert c.get("/api/organizations/other").status_code == 404


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/people", {"id": "x", "name": "X", "is_admin": True}),
        ("patch", "/api/people/ann", {"internal": False, "owner": "me"}),
        ("post", "/api/organizations", {"id": "o", "name": "O", "kind": "bank"}),
        ("post", "/api/people", {"id": "x", "name": "X", "influence": 9}),
        ("patch", "/api/people/ann", {"name": None}),
        ("patch", "/api/people/ann", {"email": "not an address"}),
        ("post", "/api/interactions", {"id": "i9", "date": "2026-13-01", "participants": ["ann"]}),
        ("post", "/api/relationships", {"source": "ann", "target": "ann", "type": "KNOWS"}),
    ],
)
def test_bad_bodies_get_422_and_change_nothing(
    api: Api, method: str, path: str, body: dict[str, object]
) -> None:
    load(api)
    before = api.client.get("/api/export").content
    response = getattr(api.client, method)(path, json=body)
    assert response.status_code == 422, response.text
    assert error_code(response) == "invalid_input"
    assert response.json()["error"]["details"], "each problem is listed"
    assert api.client.get("/api/export").content == before


def test_an_id_taken_by_another_node_type_is_a_conflict(api: Api) -> None:
    load(api)
    response = api.client.put("/api/people/client", json={"id": "client", "name": "Not an org"})
    assert response.status_code == 409 and error_code(response) == "conflict"


def test_relationships_by_key_symmetric_either_way(api: Api) -> None:
    load(api)
    c = api.client
    assert c.get("/api/relationships/ann/KNOWS/bob").json()["strength"] == 0.8
    assert c.get("/api/relationships/bob/KNOWS/ann").json()["source"] == "ann"
    assert (
        c.get("/api/relationships/bob/INFLUENCES/cat").status_code == 404
    )  # directed: cat → bob only

    created = c.post(
        "/api/relationships",
        json={"source": "dan", "target": "cat", "type": "KNOWS", "strength": 0.3},
    )
    assert created.status_code == 201 and created.json()["source"] == "cat"
    assert (
        c.post(
            "/api/relationships", json={"source": "cat", "target": "dan", "type": "KNOWS"}
        ).status_code
        == 409
    )
    patched = c.patch("/api/relationships/dan/KNOWS/cat", json={"sentiment": -0.5})
    assert patched.json()["strength"] == 0.3 and patched.json()["sentiment"] == -0.5
    put = c.put("/api/relationships/dan/WORKS_AT/client", json={"decision_role": "influencer"})
    assert put.status_code == 200 and put.json()["decision_role"] == "influencer"
    assert c.delete("/api/relationships/dan/KNOWS/cat").status_code == 204
    assert c.get("/api/relationships/cat/KNOWS/dan").status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"source": "ann", "target": "nobody", "type": "KNOWS"}, "nobody"),
        ({"source": "client", "target": "ann", "type": "WORKS_AT"}, "WORKS_AT needs a Person"),
        ({"source": "ann", "target": "bob", "type": "WORKS_AT"}, "WORKS_AT needs"),
    ],
)
def test_relationships_to_unknown_or_wrong_nodes_are_rejected(
    api: Api, body: dict[str, str], field: str
) -> None:
    load(api)
    response = api.client.post("/api/relationships", json=body)
    assert response.status_code == 422 and field in response.json()["error"]["message"]
    assert api.client.get("/api/relationships", params={"node": "ann"}).json()["total"] == 2


def test_interactions_crud_and_filters(api: Api) -> None:
    load(api)
    c = api.client
    body = {
        "id": "i3",
        "date": "2026-03-05",
        "channel": "email",
        "participants": ["ann", "dan"],
        "organization": "town",
    }
    assert c.post("/api/interactions", json=body).status_code == 201
    unknown = c.post("/api/interactions", json=body | {"id": "i4", "participants": ["ann", "zed"]})
    assert unknown.status_code == 422

    newest_first = c.get("/api/interactions").json()
    assert [i["id"] for i in newest_first["items"]] == ["i3", "i2", "i1"]
    assert [
        i["id"] for i in c.get("/api/interactions", params={"participant": "dan"}).json()["items"]
    ] == ["i3"]
    window = c.get(
        "/api/interactions", params={"since": "2026-01-11", "until": "2026-02-28"}
    ).json()
    assert [i["id"] for i in window["items"]] == ["i2"]
    assert c.patch("/api/interactions/i3", json={"sentiment": 0.5}).json()["channel"] == "email"
    assert c.delete("/api/interactions/i3").status_code == 204


def test_paging_walks_every_record_once_in_a_stable_order(api: Api) -> None:
    people = [{"id": f"p{i:02d}", "name": f"Person {i:02d}"} for i in range(23)]
    load(api, Network.model_validate({"people": people}))
    seen: list[str] = []
    for offset in range(0, 30, 10):
        page = api.client.get("/api/people", params={"limit": 10, "offset": offset}).json()
        assert page["total"] == 23 and page["limit"] == 10 and page["offset"] == offset
        seen += [p["id"] for p in page["items"]]
    assert seen == [p["id"] for p in people]


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/api/people", {"q": "chen"}, ["cat"]),
        ("/api/people", {"q": "CFO"}, ["bob"]),
        ("/api/people", {"organization": "client"}, ["bob", "cat"]),
        ("/api/people", {"internal": "true"}, ["ann"]),
        ("/api/people", {"tag": "sales"}, ["ann"]),
        ("/api/organizations", {"kind": "municipality"}, ["town"]),
        ("/api/organizations", {"role": "client"}, ["client"]),
        ("/api/organizations", {"q": "harbour"}, ["town"]),
    ],
)
def test_filters(api: Api, path: str, params: dict[str, str], expected: list[str]) -> None:
    load(api)
    body = api.client.get(path, params=params).json()
    assert sorted(item["id"] for item in body["items"]) == expected and body["total"] == len(
        expected
    )


def test_relationship_filters(api: Api) -> None:
    load(api)
    c = api.client
    works = c.get("/api/relationships", params={"type": "WORKS_AT"}).json()
    assert works["total"] == 4
    to_client = c.get("/api/relationships", params={"target": "client"}).json()["items"]
    assert sorted((r["source"], r["type"]) for r in to_client) == [
        ("bob", "WORKS_AT"),
        ("cat", "WORKS_AT"),
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 1001},
        {"offset": -1},
        {"limit": "many"},
        {"kind": "bank"},
        {"internal": "perhaps"},
    ],
)
def test_bad_paging_and_filter_values_are_422(api: Api, params: dict[str, object]) -> None:
    path = "/api/organizations" if "kind" in params else "/api/people"
    response = api.client.get(path, params=params)
    assert response.status_code == 422 and error_code(response) == "invalid_input"
    assert response.json()["error"]["details"][0]["location"][0] == "query"
