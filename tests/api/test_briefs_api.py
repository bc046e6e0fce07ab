"""The briefs over HTTP: JSON (the library's result), Markdown and HTML, on every backend."""

from __future__ import annotations

import dataclasses
import json

import pytest

from relgraph.analysis.briefs import community_plan, negotiation_brief
from relgraph.demo import KEY_CLIENT, MUNICIPALITY, build_demo_network
from relgraph.projection import project
from relgraph.settings import TieSettings
from tests.api.conftest import Api


@pytest.fixture
def demo_api(api: Api) -> Api:
    response = api.client.post("/api/import", json=build_demo_network().model_dump(mode="json"))
    assert response.status_code == 200
    return api


def _plain(value: object) -> object:
    return json.loads(json.dumps(dataclasses.asdict(value)))  # type: ignore[call-overload]


def test_json_briefs_are_the_library_results(demo_api: Api) -> None:
    projection = project(build_demo_network(), params=TieSettings().parameters())
    brief = demo_api.client.get(f"/api/briefs/negotiation/{KEY_CLIENT}").json()
    assert brief["brief"] == "negotiation" and brief["result"] == _plain(
        negotiation_brief(projection, KEY_CLIENT)
    )
    plan = demo_api.client.get(f"/api/briefs/community/{MUNICIPALITY}").json()
    assert plan["result"] == _plain(community_plan(projection, MUNICIPALITY))


def test_markdown_and_html(demo_api: Api) -> None:
    markdown = demo_api.client.get(
        f"/api/briefs/negotiation/{KEY_CLIENT}", params={"format": "markdown"}
    )
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("# Negotiation brief: Northwind Logistics")
    page = demo_api.client.get(f"/api/briefs/community/{MUNICIPALITY}", params={"format": "html"})
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "/static/maps/vis-network.min.js" in page.text and "Power–interest chart" in page.text


def test_change_report_dates(demo_api: Api) -> None:
    body = demo_api.client.get(
        "/api/briefs/changes", params={"since": "2026-01-01", "until": "2026-02-01"}
    ).json()
    assert (body["result"]["before"], body["result"]["after"]) == ("2026-01-01", "2026-02-01")
    default = demo_api.client.get("/api/briefs/changes").json()["result"]
    assert default["after"] > default["before"]
    backwards = demo_api.client.get(
        "/api/briefs/changes", params={"since": "2026-02-01", "until": "2026-01-01"}
    )
    assert backwards.status_code == 422 and "lies after" in backwards.json()["error"]["message"]


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/briefs/negotiation/org-nowhere", {}, 404),
        ("/api/briefs/community/org-nowhere", {"format": "html"}, 404),
        (f"/api/briefs/negotiation/{KEY_CLIENT}", {"format": "pdf"}, 422),
        ("/api/briefs/changes", {"since": "last week"}, 422),
    ],
)
def test_bad_brief_requests(demo_api: Api, path: str, params: dict[str, str], status: int) -> None:
    response = demo_api.client.get(path, params=params)
    assert response.status_code == status and response.json()["error"]["message"]
