"""Map pages in a real headless chromium with every request outside 127.0.0.1 blocked.

The demo network's maps draw exactly the nodes and ties :func:`relgraph.maps.build_map` produced, with no console
error and no request leaving the machine, and their layout settles (physics then stops). Stakeholders named
``<img src=x onerror=alert(1)>`` and ``</script><script>alert(2)</script>`` show as text and run nothing, on the
page, in search results, in the details panel and in tooltips. The inlined file works opened from disk offline.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from relgraph.demo import KEY_CLIENT, OUR_CEO, build_demo_network
from relgraph.maps import (
    MapOptions,
    NetworkMap,
    build_map,
    organization_map,
    person_map,
    render_html,
)
from relgraph.model import Network, Person, Relationship
from tests.browser.support import AS_OF, MapSite, Visit

pytestmark = pytest.mark.browser

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"
#: The demo person whose network the person map shows (the client's CFO).
PERSON = "p-marcus-bell"


@pytest.fixture(scope="module")
def demo_site(map_server: Callable[[Network], MapSite]) -> MapSite:
    return map_server(build_demo_network(AS_OF))


@pytest.fixture(scope="module")
def hostile_site(map_server: Callable[[Network], MapSite]) -> MapSite:
    demo = build_demo_network(AS_OF)
    people = [
        Person(id="x-img", name=IMG, title=SCRIPT, stance=-2, influence=5),
        Person(id="x-script", name=SCRIPT, title=IMG),
    ]
    ties = [
        Relationship(source="x-img", target=OUR_CEO, type="KNOWS", strength=0.9),
        Relationship(source="x-script", target=OUR_CEO, type="KNOWS", strength=0.9),
        Relationship(source="x-img", target="x-script", type="KNOWS", strength=0.9),
    ]
    return map_server(demo.model_copy(update={
        "people": [*demo.people, *people], "relationships": [*demo.relationships, *ties],
    }))  # fmt: skip


def expect_drawn(visit: Visit, network_map: NetworkMap) -> None:
    drawn = visit.drawn()
    assert drawn == {
        "nodes": len(network_map.nodes), "edges": len(network_map.edges),
        "drawnNodes": len(network_map.nodes), "drawnEdges": len(network_map.edges), "physics": False,
        "tiesNumbered": True,
    }  # fmt: skip


def shoot(visit: Visit, where: Path | None, name: str) -> None:
    if where is not None:
        visit.page.wait_for_timeout(300)
        visit.page.screenshot(path=str(where / name))


@pytest.mark.parametrize(
    ("path", "make", "shot"),
    [
        ("/maps/network", lambda p: build_map(p, MapOptions()), "demo-network.png"),
        (
            f"/maps/organization/{KEY_CLIENT}",
            lambda p: organization_map(p, KEY_CLIENT),
            "demo-organization.png",
        ),
        (f"/maps/person/{PERSON}", lambda p: person_map(p, PERSON), "demo-person.png"),
        ("/maps/network?color_by=stance&organization=org-harbourview", None, "demo-stance.png"),
    ],
    ids=["network", "organization", "person", "stance"],
)
def test_demo_maps_draw_everything_offline(
    visit: Visit, demo_site: MapSite, screenshot_dir: Path | None, path: str,
    make: Callable[[Any], NetworkMap] | None, shot: str,
) -> None:  # fmt: skip
    settled_ms = visit.open(demo_site.url(path))
    expected = (
        make(demo_site.projection)
        if make
        else build_map(
            demo_site.projection, MapOptions(color_by="stance", organization="org-harbourview")
        )
    )
    expect_drawn(visit, expected)
    assert len(expected.nodes) > 10 and len(expected.edges) > 10
    assert visit.page.locator("#rg-title").text_content() == expected.title
    assert visit.page.locator("#rg-legend li").count() >= 8
    assert 0 < settled_ms < 30_000
    shoot(visit, screenshot_dir, shot)
    visit.assert_clean()


def test_node_cap_is_reported_on_the_page(visit: Visit, demo_site: MapSite) -> None:
    visit.open(demo_site.url("/maps/network?max_nodes=40"))
    expected = build_map(demo_site.projection, MapOptions(max_nodes=40))
    expect_drawn(visit, expected)
    assert expected.note and visit.page.locator("#rg-note").text_content() == expected.note
    visit.assert_clean()


def tooltip_of(visit: Visit, node_id: str) -> Any:
    """Hover a node and return the tooltip vis-network shows for it."""
    page = visit.page
    page.evaluate(
        "id => window.relgraphMap.network.focus(id, {scale: 1.5, animation: false})", node_id
    )
    where = page.evaluate(
        """id => {
            const net = window.relgraphMap.network;
            const p = net.canvasToDOM(net.getPosition(id));
            const box = document.querySelector('#rg-map canvas').getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y};
        }""",
        node_id,
    )
    page.mouse.move(where["x"] - 30, where["y"] - 30)
    page.mouse.move(where["x"], where["y"], steps=5)
    tip = page.locator("div.rg-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    return tip


def test_tooltip_details_and_search_on_the_demo(
    visit: Visit, demo_site: MapSite, screenshot_dir: Path | None
) -> None:
    page = visit.page
    visit.open(demo_site.url(f"/maps/organization/{KEY_CLIENT}"))
    tip = tooltip_of(visit, PERSON)
    rows = tip.locator("dt").all_text_contents()
    assert tip.locator(".rg-info-heading").text_content() == "Marcus Bell"
    assert tip.locator(".rg-info-sub").text_content() == "Chief Financial Officer"
    assert rows[0] == "Works at"
    assert {"Influence score", "Stance", "Our closest tie"} <= set(rows)
    assert "Northwind Logistics — " in (tip.text_content() or "")
    shoot(visit, screenshot_dir, "demo-tooltip.png")
    page.mouse.move(5, 5)
    tip.wait_for(state="hidden")
    page.fill("#rg-search-input", "halvor")
    assert page.locator("#rg-search-status").text_content() == "3 matches"  # Ingrid, Erik, Holdings
    page.fill("#rg-search-input", "INGRID")
    assert page.locator("#rg-search-status").text_content() == "1 match"
    page.keyboard.press("Enter")
    assert page.locator("#rg-details .rg-info-heading").text_content() == "Ingrid Halvorsen"
    selected = page.evaluate("() => window.relgraphMap.network.getSelectedNodes()")
    assert selected == ["p-ingrid-halvorsen"]
    visit.assert_clean()


@pytest.mark.parametrize("name", [IMG, SCRIPT], ids=["img", "script"])
def test_hostile_names_show_as_text_and_run_nothing(
    visit: Visit, hostile_site: MapSite, name: str, screenshot_dir: Path | None
) -> None:
    page = visit.page
    node_id = "x-img" if name == IMG else "x-script"
    other = SCRIPT if name == IMG else IMG
    visit.open(hostile_site.url("/maps/network"))
    expected = build_map(hostile_site.projection, MapOptions())
    expect_drawn(visit, expected)
    label = page.evaluate("id => window.relgraphMap.network.body.data.nodes.get(id).label", node_id)
    assert label == next(n["label"] for n in expected.nodes if n["id"] == node_id)
    assert name.startswith(
        label.removesuffix("…")
    )  # long labels are shortened; the tooltip has it all
    # search box: the literal name is listed as text
    page.fill("#rg-search-input", name[:8])
    result = page.locator("#rg-search-results button", has_text=name)
    assert result.count() == 1
    assert result.text_content() == f"{name} · {other}"
    # details panel
    result.click()
    assert page.locator("#rg-details .rg-info-heading").text_content() == name
    # tooltip
    tip = tooltip_of(visit, node_id)
    assert tip.locator(".rg-info-heading").text_content() == name
    assert tip.locator(".rg-info-sub").text_content() == other
    assert name in (tip.text_content() or "")
    assert page.locator("img").count() == 0
    assert page.locator("div.vis-tooltip").count() == 0  # vis-network's own popup is never used
    if name == IMG:
        shoot(visit, screenshot_dir, "hostile-names.png")
    assert (
        page.locator("script").count() == 3
    )  # the data block and the two assets, nothing injected
    page.wait_for_timeout(200)
    visit.assert_clean()


def test_hostile_person_map_title_is_text(visit: Visit, hostile_site: MapSite) -> None:
    visit.open(hostile_site.url("/maps/person/" + quote("x-img")))
    assert visit.page.locator("#rg-title").text_content() == f"{IMG}'s network (2 steps)"
    assert visit.page.title() == f"{IMG}'s network (2 steps) · relgraph"
    visit.assert_clean()


def test_inlined_file_works_offline_from_disk(
    chromium: Any, visit: Visit, tmp_path: Path, demo_site: MapSite
) -> None:
    network_map = organization_map(demo_site.projection, KEY_CLIENT)
    target = tmp_path / "northwind.html"
    target.write_text(render_html(network_map, asset_base=None).html, encoding="utf-8")
    visit.page.context.set_offline(True)
    visit.open(target.as_uri())
    expect_drawn(visit, network_map)
    data = visit.page.evaluate("() => document.getElementById('relgraph-map-data').textContent")
    assert json.loads(data)["title"] == network_map.title
    visit.assert_clean()
