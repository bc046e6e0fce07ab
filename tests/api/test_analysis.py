"""Every analysis over HTTP on the demo network: the same answers as the library, planted findings found."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from relgraph.analysis.centrality import key_contacts
from relgraph.analysis.communities import communities
from relgraph.analysis.weak_links import weak_links
from relgraph.demo import (
    CLIENT_CEO,
    COOLING_TIE,
    DECISION_MAKERS,
    KEY_CLIENT,
    MUNICIPALITY,
    OUR_CEO,
    build_demo_network,
)
from relgraph.projection import project
from relgraph.settings import TieSettings
from tests.api.conftest import Api


@pytest.fixture
def demo_api(api: Api) -> Api:
    response = api.client.post("/api/import", json=build_demo_network().model_dump(mode="json"))
    assert response.status_code == 200, response.text[:500]
    return api


def _results(api: Api, path: str, **params: Any) -> list[dict[str, Any]] | dict[str, Any]:
    response = api.client.get(f"/api/analysis/{path}", params=params)
    assert response.status_code == 200, response.text[:500]
    body = response.json()
    assert body["analysis"] == path and body["as_of"]
    return body["results"]  # type: ignore[no-any-return]


def _plain(rows: Any) -> Any:
    return json.loads(json.dumps([dataclasses.asdict(r) for r in rows], default=str))


def test_every_analysis_matches_the_library(demo_api: Api) -> None:
    projection = project(build_demo_network(), params=TieSettings().parameters())
    assert _results(demo_api, "key-contacts", organization=KEY_CLIENT) == _plain(
        key_contacts(projection, organization=KEY_CLIENT)
    )
    assert _results(demo_api, "weak-links", limit=1000) == _plain(
        weak_links(projection, limit=1000)
    )
    assert _results(demo_api, "communities", seed=3) == _plain(communities(projection, seed=3))


def test_planted_findings(demo_api: Api) -> None:
    top = _results(demo_api, "key-contacts", organization=KEY_CLIENT, limit=5)
    assert {r["id"] for r in top} >= DECISION_MAKERS
    cooling = [
        f for f in _results(demo_api, "weak-links", limit=1000) if f["kind"] == "cooling_tie"
    ]
    assert any(set(COOLING_TIE) <= set(f["subjects"]) for f in cooling)
    paths = _results(demo_api, "paths", target=CLIENT_CEO, k=2)
    assert 1 <= len(paths) <= 2 and paths[0]["hops"][-1]["target"] == CLIENT_CEO
    assert (
        _results(demo_api, "paths", target=CLIENT_CEO, **{"from": OUR_CEO})[0]["start"] == OUR_CEO
    )
    grid = _results(demo_api, "grid")
    assert MUNICIPALITY in {r["id"] for r in grid}
    assert (
        _results(demo_api, "brokers", limit=5) and len(_results(demo_api, "brokers", limit=5)) == 5
    )
    lost = _results(demo_api, "what-if", remove_person=OUR_CEO)
    assert isinstance(lost, dict) and "summary" in lost


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("key-contacts", {"organization": "org-nowhere"}, 404),
        ("paths", {"target": "p-nobody"}, 404),
        ("paths", {}, 422),
        ("what-if", {}, 422),
        ("what-if", {"remove_tie": ["a", "b", "c"]}, 422),
        ("what-if", {"remove_person": "p-nobody"}, 404),
        ("grid", {"as_of": "yesterday"}, 422),
        ("brokers", {"limit": 0}, 422),
    ],
)
def test_bad_analysis_requests(
    demo_api: Api, path: str, params: dict[str, Any], status: int
) -> None:
    response = demo_api.client.get(f"/api/analysis/{path}", params=params)
    assert response.status_code == status, response.text
    assert response.json()["error"]["message"]


def test_results_are_cached_until_a_write(demo_api: Api) -> None:
    cache = demo_api.client.app.state.relgraph.projections  # type: ignore[attr-defined]
    _results(demo_api, "grid")
    _results(demo_api, "brokers")
    loads = cache.snapshot_loads
    _results(demo_api, "grid")
    assert cache.snapshot_loads == loads
    demo_api.client.patch(f"/api/people/{CLIENT_CEO}", json={"stance": -2})
    _results(demo_api, "grid")
    assert cache.snapshot_loads == loads + 1


def test_as_of_goes_back_in_time(demo_api: Api) -> None:
    now = _results(demo_api, "weak-links", limit=1000)
    then = _results(demo_api, "weak-links", limit=1000, as_of="2020-01-01")
    assert now != then


def test_a_repeated_query_is_answered_from_the_cache(
    demo_api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    import api.routers.analysis as router

    calls: list[int] = []
    real = router.stakeholder_grid
    monkeypatch.setattr(router, "stakeholder_grid", lambda p: calls.append(1) or real(p))
    first = demo_api.client.get("/api/analysis/grid").json()
    assert demo_api.client.get("/api/analysis/grid").json() == first and len(calls) == 1
    demo_api.client.patch(f"/api/people/{CLIENT_CEO}", json={"stance": -2})
    demo_api.client.get("/api/analysis/grid")
    assert len(calls) == 2, "a write makes a new projection, so the answer is computed again"


def test_first_answers_are_computed_off_the_event_loop_and_repeats_are_not(
    demo_api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import api.answers as answers
    import api.routers.analysis as router

    hops: list[str] = []  # the event loop's thread, once per hop to the thread pool
    computed_on: list[str] = []
    real_hop, real_grid = answers.run_in_threadpool, router.stakeholder_grid

    async def hop(func: Any, *args: Any) -> Any:
        hops.append(threading.current_thread().name)
        return await real_hop(func, *args)

    def grid(p: Any) -> Any:
        computed_on.append(threading.current_thread().name)
        return real_grid(p)

    monkeypatch.setattr(answers, "run_in_threadpool", hop)
    monkeypatch.setattr(router, "stakeholder_grid", grid)
    first = demo_api.client.get("/api/analysis/grid")
    assert first.status_code == 200
    assert len(hops) == 1 and computed_on and computed_on[0] != hops[0], "computed off the loop"
    for _ in range(3):
        assert demo_api.client.get("/api/analysis/grid").content == first.content
    assert len(hops) == 1 and len(computed_on) == 1, "a stored answer is sent from the loop"
    assert (
        demo_api.client.get("/api/analysis/grid", params={"as_of": "2020-01-01"}).status_code == 200
    )
    assert len(hops) == 2 and len(computed_on) == 2
