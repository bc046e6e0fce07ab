"""The HTML briefs in headless chromium, served by the real app: the document, the power–interest chart and
the embedded map draw with nothing loaded from outside and no errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from relgraph.demo import KEY_CLIENT, MUNICIPALITY, build_demo_network
from relgraph.model import Network
from tests.browser.support import AS_OF, MapSite, Visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(map_server: Callable[[Network], MapSite]) -> MapSite:
    return map_server(build_demo_network(AS_OF))


def test_negotiation_brief_page(visit: Visit, site: MapSite, screenshot_dir: Path | None) -> None:
    visit.open(site.url(f"/api/briefs/negotiation/{KEY_CLIENT}?format=html"))
    page = visit.page
    assert page.locator("h1").first.text_content() == "Negotiation brief: Northwind Logistics"
    assert page.locator("article table").count() >= 2
    assert visit.drawn()["nodes"] > 10 and visit.drawn()["physics"] is False
    if screenshot_dir is not None:
        page.screenshot(path=str(screenshot_dir / "brief-negotiation.png"))
        page.locator("section.rg-figure").last.screenshot(
            path=str(screenshot_dir / "brief-negotiation-map.png")
        )
    visit.assert_clean()


def test_community_plan_page_with_chart(
    visit: Visit, site: MapSite, screenshot_dir: Path | None
) -> None:
    visit.open(site.url(f"/api/briefs/community/{MUNICIPALITY}?format=html"))
    chart = visit.page.locator("svg.rg-chart")
    assert chart.is_visible()
    dots = chart.locator("circle").count()
    assert dots == visit.page.locator(".rg-chart-key li").count() >= 5
    if screenshot_dir is not None:
        visit.page.locator("section.rg-chart-figure").screenshot(
            path=str(screenshot_dir / "brief-community-chart.png")
        )
    visit.assert_clean()
