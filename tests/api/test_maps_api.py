"""The map pages over HTTP: filters, errors, the Content-Security-Policy, and data shown only as data."""

from __future__ import annotations

import re

import pytest

from relgraph.demo import KEY_CLIENT, MUNICIPALITY, OUR_CEO, build_demo_network
from relgraph.keys import Scope
from relgraph.model import Network, Person, Relationship
from tests.api.conftest import Api

HOSTILE = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>"]


@pytest.fixture
def demo_api(sqlite_api: Api) -> Api:
    network = build_demo_network()
    hostile = [Person(id=f"p-hostile-{i}", name=name, title=name) for i, name in enumerate(HOSTILE)]
    ties = [Relationship(source=p.id, target=MUNICIPALITY, type="MEMBER_OF") for p in hostile]
    extra = Network(people=[*network.people, *hostile], organizations=network.organizations,
                    relationships=[*network.relationships, *ties], interactions=network.interactions)  # fmt: skip
    assert (
        sqlite_api.client.post("/api/import", json=extra.model_dump(mode="json")).status_code == 200
    )
    return sqlite_api


@pytest.mark.parametrize(
    "path", ["/maps/network", f"/maps/organization/{KEY_CLIENT}", f"/maps/person/{OUR_CEO}"]
)
def test_map_pages(demo_api: Api, path: str) -> None:
    response = demo_api.client.get(path, headers=demo_api.as_key(Scope.READ))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert (
        "default-src 'none'" in csp
        and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    )
    assert not re.search(r"""(src|href)=["']?https?://""", response.text), (
        "nothing is loaded from outside"
    )
    assert "/static/maps/vis-network.min.js" in response.text


def test_hostile_names_never_appear_as_markup(demo_api: Api) -> None:
    html = demo_api.client.get(f"/maps/organization/{MUNICIPALITY}").text
    for name in HOSTILE:
        assert name not in html
    assert "<img" not in html and html.count("<script") == html.count("</script>")


def test_node_cap_and_filters_shrink_the_map(demo_api: Api) -> None:
    whole = demo_api.client.get("/maps/network", params={"max_nodes": 5000}).text
    capped = demo_api.client.get("/maps/network", params={"max_nodes": 20}).text
    focus = demo_api.client.get("/maps/network", params={"focus": OUR_CEO, "depth": 1}).text
    assert len(capped) < len(whole) and len(focus) < len(whole)
    assert re.search(r"left out|not shown|omitted", capped, re.I)


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/maps/organization/org-nowhere", {}, 404),
        ("/maps/person/p-nobody", {}, 404),
        ("/maps/network", {"focus": "p-nobody"}, 404),
        ("/maps/network", {"organization": "org-nowhere"}, 404),
        ("/maps/network", {"max_nodes": 0}, 422),
        ("/maps/network", {"min_strength": 2}, 422),
        ("/maps/network", {"color_by": "shoe size"}, 422),
        ("/maps/network", {"depth": 99}, 422),
    ],
)
def test_bad_map_requests_are_json_errors(
    demo_api: Api, path: str, params: dict[str, object], status: int
) -> None:
    response = demo_api.client.get(path, params=params)
    assert response.status_code == status
    assert response.json()["error"]["message"]


def test_a_repeated_map_request_is_answered_from_the_cache(
    demo_api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    import api.answers
    import api.routers.maps as router

    built: list[str] = []
    real = router.organization_map
    monkeypatch.setattr(
        router, "organization_map", lambda p, o, opts: built.append(o) or real(p, o, opts)
    )
    first = demo_api.client.get(f"/maps/organization/{KEY_CLIENT}")
    again = demo_api.client.get(f"/maps/organization/{KEY_CLIENT}")
    assert again.text == first.text and len(built) == 1
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert again.headers["content-type"] == first.headers["content-type"]
    monkeypatch.setattr(api.answers, "MAX_ANSWERS", 1)
    demo_api.client.get(f"/maps/organization/{MUNICIPALITY}")  # evicts the first answer
    demo_api.client.get(f"/maps/organization/{KEY_CLIENT}")
    assert built == [KEY_CLIENT, MUNICIPALITY, KEY_CLIENT]
