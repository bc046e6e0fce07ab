"""Import (atomic, every bad row reported) and export over HTTP, on every backend."""

from __future__ import annotations

import io
import json
import zipfile

import networkx as nx

from relgraph.model import Network
from tests.api.conftest import Api
from tests.helpers import small_network


def test_import_reports_what_it_wrote_and_is_idempotent(api: Api) -> None:
    document = small_network().model_dump(mode="json")
    first = api.client.post("/api/import", json=document).json()
    assert first["records"] == {
        "people": 4,
        "organizations": 3,
        "relationships": 7,
        "interactions": 2,
    }
    assert first["written"]["created"]["people"] == 4
    second = api.client.post("/api/import", json=document).json()
    assert second["written"]["unchanged"]["people"] == 4 and not any(
        second["written"]["created"].values()
    )


def test_import_rows_use_the_file_vocabulary(api: Api) -> None:
    document = {
        "organizations": [
            {"id": "acme", "name": "Acme", "kind": "company", "roles": ["partner", "client"]}
        ],
        "people": [
            {"id": "zoe", "name": "Zoe", "organization": "acme", "decision_role": "decision_maker"}
        ],
    }
    assert api.client.post("/api/import", json=document).status_code == 200
    works = api.client.get("/api/relationships/zoe/WORKS_AT/acme").json()
    assert works["decision_role"] == "decision_maker"
    assert api.client.get("/api/organizations/acme").json()["roles"] == ["client", "partner"]


def test_bad_rows_are_all_reported_and_nothing_is_written(api: Api) -> None:
    document = {
        "people": [
            {"id": "ok", "name": "Fine"},
            {"id": "bad", "name": "B", "influence": 7},
            {"name": "no id"},
        ],
        "relationships": [{"source": "ok", "target": "ghost", "type": "KNOWS"}],
    }
    response = api.client.post("/api/import", json=document)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_import"
    places = {(d["location"][1], d["location"][2]) for d in error["details"]}
    assert ("people[1]", "influence") in places and ("people[2]", "id") in places
    assert any("ghost" in d["reason"] for d in error["details"])
    assert api.client.get("/api/people").json()["total"] == 0


def test_dry_run_writes_nothing(api: Api) -> None:
    response = api.client.post(
        "/api/import", params={"dry_run": "true"}, json=small_network().model_dump(mode="json")
    )
    assert response.status_code == 200 and response.json()["dry_run"] is True
    assert api.client.get("/api/people").json()["total"] == 0


def test_import_body_has_only_the_four_lists(api: Api) -> None:
    assert api.client.post("/api/import", json={"people": [], "users": []}).status_code == 422
    assert api.client.post("/api/import", json={"people": "ann"}).status_code == 422


def test_export_formats(api: Api) -> None:
    network = small_network()
    api.client.post("/api/import", json=network.model_dump(mode="json"))
    as_json = api.client.get("/api/export")
    assert as_json.headers["content-type"].startswith("application/json")
    assert 'filename="relgraph-export.json"' in as_json.headers["content-disposition"]
    exported = json.loads(as_json.content)
    assert exported["format"] == "relgraph-network"
    sections = {
        k: exported[k] for k in ("people", "organizations", "relationships", "interactions")
    }
    back = Network.model_validate(sections)
    assert back.counts() == network.counts()
    assert sorted(back.relationships, key=str) == sorted(network.relationships, key=str)

    archive = zipfile.ZipFile(
        io.BytesIO(api.client.get("/api/export", params={"format": "csv"}).content)
    )
    assert sorted(archive.namelist()) == [
        "interactions.csv",
        "organizations.csv",
        "people.csv",
        "relationships.csv",
    ]

    graphml = api.client.get("/api/export", params={"format": "graphml"})
    graph = nx.read_graphml(io.BytesIO(graphml.content))
    assert graph.number_of_nodes() == 7 and graph.number_of_edges() == 7
    assert api.client.get("/api/export", params={"format": "xlsx"}).status_code == 422
