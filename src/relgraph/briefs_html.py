"""Briefs as standalone HTML pages: the Markdown document, a power–interest chart (community plans) and an
embedded interactive map, with the same offline assets and Content-Security-Policy as the map pages.

The document is the Markdown of :mod:`relgraph.briefs_markdown` rendered by markdown-it-py with raw HTML
switched off, so nothing from the data can become markup (the Markdown escapes it too). The chart is SVG drawn
here; every label goes through the template's autoescaping.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.footnote import footnote_plugin

from relgraph.analysis.briefs import ChangeReport, CommunityPlan, EngagementEntry, NegotiationBrief
from relgraph.briefs_markdown import change_markdown, community_markdown, negotiation_markdown
from relgraph.maps import MapOptions, RenderedMap, organization_map
from relgraph.maps.render import content_security_policy, render_template, render_with_map
from relgraph.projection import Projection

__all__ = [
    "ChartPoint",
    "change_html",
    "community_html",
    "negotiation_html",
    "power_interest_points",
]

_STANCE_COLOURS = {-2: "#c92a2a", -1: "#f08c00", 0: "#868e96", 1: "#74b816", 2: "#2b8a3e"}
_UNKNOWN_COLOUR = "#adb5bd"


@cache
def _markdown() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": False, "linkify": False})
        .enable("table")
        .use(footnote_plugin)
    )


def markdown_to_html(text: str) -> Markup:
    """Markdown to HTML with raw HTML off: ``<`` in the text always comes out as ``&lt;``.

    Examples
    --------
    >>> str(markdown_to_html("**A** <img src=x>"))
    '<p><strong>A</strong> &lt;img src=x&gt;</p>\\n'
    """
    # Safe to mark: markdown-it escapes all text and raw HTML is disabled.
    return Markup(_markdown().render(text))


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """Stakeholders at one spot of the power–interest chart (0–1 each), drawn as one numbered dot."""

    number: int
    power: float
    interest: float
    names: list[str]
    colour: str
    reached: bool


def power_interest_points(entries: list[EngagementEntry]) -> list[ChartPoint]:
    """One point per distinct (power, interest), numbered in engagement order, naming everyone there.

    Stakeholders often share a spot (the scores are coarse), so they are grouped rather than drawn on top of
    each other, and the names go in a numbered list under the chart instead of overlapping labels. The colour
    is the stance of the first (most urgent) stakeholder at the spot.

    Examples
    --------
    >>> from relgraph.analysis.briefs import EngagementEntry
    >>> def entry(order, name, power, interest, stance):
    ...     return EngagementEntry(order, name, name, "Person", None, power, interest, "stated", "stated",
    ...                            "", "", [], stance, False, [])
    >>> points = power_interest_points([entry(1, "A", 1.0, 1.0, 2), entry(2, "B", 0.5, 0.5, None),
    ...                                 entry(3, "C", 1.0, 1.0, -2)])
    >>> [(p.number, p.names, p.colour) for p in points]
    [(1, ['A', 'C'], '#2b8a3e'), (2, ['B'], '#adb5bd')]
    """
    spots: dict[tuple[float, float], list[EngagementEntry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.order):
        spots[(round(entry.power, 2), round(entry.interest, 2))].append(entry)
    return [
        ChartPoint(number=n, power=p, interest=i, names=[e.name for e in group],
                   colour=_STANCE_COLOURS.get(group[0].stance, _UNKNOWN_COLOUR)
                   if group[0].stance is not None else _UNKNOWN_COLOUR,
                   reached=any(e.reached for e in group))
        for n, ((p, i), group) in enumerate(spots.items(), 1)
    ]  # fmt: skip


def negotiation_html(
    brief: NegotiationBrief, projection: Projection, *, asset_base: str | None = None
) -> RenderedMap:
    """The negotiation brief as a page with a map of the organisation and its people."""
    network_map = organization_map(projection, brief.organization, MapOptions())
    return render_with_map(
        "brief.html.j2", network_map, asset_base=asset_base, page_title=f"Negotiation brief: {brief.name}",
        document=markdown_to_html(negotiation_markdown(brief)), chart=None,
    )  # fmt: skip


def community_html(
    plan: CommunityPlan, projection: Projection, *, asset_base: str | None = None
) -> RenderedMap:
    """The community-relations plan as a page with a power–interest chart and a map."""
    network_map = organization_map(projection, plan.organization, MapOptions(color_by="stance"))
    return render_with_map(
        "brief.html.j2", network_map, asset_base=asset_base,
        page_title=f"Community-relations plan: {plan.name}",
        document=markdown_to_html(community_markdown(plan)), chart=power_interest_points(plan.engagement),
        stance_colours=_STANCE_COLOURS, unknown_colour=_UNKNOWN_COLOUR,
    )  # fmt: skip


def change_html(report: ChangeReport) -> RenderedMap:
    """The change report as a page (no map, so no scripts at all)."""
    html = render_template(
        "report.html.j2", page_title=f"Changes from {report.before} to {report.after}",
        document=markdown_to_html(change_markdown(report)),
        csp_meta=content_security_policy([], meta=True),
    )  # fmt: skip
    return RenderedMap(html=html, content_security_policy=content_security_policy([]))
