"""The briefs as documents in one of three formats, for the CLI and the API alike.

``markdown`` (to print or paste), ``json`` (``{"brief", "as_of", "result"}``; the fields of the result are the
dataclasses of :mod:`relgraph.analysis.briefs`) or ``html`` (a standalone page with its Content-Security-Policy).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from relgraph.analysis.briefs import change_report, community_plan, negotiation_brief
from relgraph.briefs_html import change_html, community_html, negotiation_html
from relgraph.briefs_markdown import change_markdown, community_markdown, negotiation_markdown
from relgraph.maps import RenderedMap
from relgraph.projection import Projection

__all__ = [
    "BriefFormat",
    "Document",
    "change_document",
    "community_document",
    "negotiation_document",
]


class BriefFormat(StrEnum):
    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"

    @property
    def media_type(self) -> str:
        return {"markdown": "text/markdown; charset=utf-8", "json": "application/json",
                "html": "text/html; charset=utf-8"}[self.value]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Document:
    """A rendered brief: its text, media type and (HTML) the policy to send with it."""

    text: str
    format: BriefFormat
    content_security_policy: str | None = None


def _json(name: str, as_of: str, result: Any) -> Document:
    body = {"brief": name, "as_of": as_of, "result": dataclasses.asdict(result)}
    return Document(json.dumps(body, ensure_ascii=False, indent=2), BriefFormat.JSON)


_ORGANIZATION_BRIEFS: dict[
    str, tuple[Callable[..., Any], Callable[[Any], str], Callable[..., RenderedMap]]
] = {
    "negotiation": (negotiation_brief, negotiation_markdown, negotiation_html),
    "community": (community_plan, community_markdown, community_html),
}


def _organization_document(name: str, projection: Projection, organization_id: str, fmt: BriefFormat,
                           recent_days: int, asset_base: str | None) -> Document:  # fmt: skip
    build, markdown, html = _ORGANIZATION_BRIEFS[name]
    result = build(projection, organization_id, recent_days=recent_days)
    if fmt is BriefFormat.JSON:
        return _json(name, result.as_of, result)
    if fmt is BriefFormat.MARKDOWN:
        return Document(markdown(result), fmt)
    page = html(result, projection, asset_base=asset_base)
    return Document(page.html, fmt, page.content_security_policy)


def negotiation_document(projection: Projection, organization_id: str, fmt: BriefFormat, *,
                         recent_days: int = 90, asset_base: str | None = None) -> Document:  # fmt: skip
    """The negotiation brief for an organisation (``NotFoundError`` if there is none)."""
    return _organization_document(
        "negotiation", projection, organization_id, fmt, recent_days, asset_base
    )


def community_document(projection: Projection, organization_id: str, fmt: BriefFormat, *,
                       recent_days: int = 90, asset_base: str | None = None) -> Document:  # fmt: skip
    """The community-relations plan around a municipality or authority."""
    return _organization_document(
        "community", projection, organization_id, fmt, recent_days, asset_base
    )


def change_document(before: Projection, after: Projection, fmt: BriefFormat) -> Document:
    """What changed between two projections of the network (``InvalidInputError`` if out of order)."""
    report = change_report(before, after)
    if fmt is BriefFormat.JSON:
        return _json("changes", report.after, report)
    if fmt is BriefFormat.MARKDOWN:
        return Document(change_markdown(report), fmt)
    page = change_html(report)
    return Document(page.html, fmt, page.content_security_policy)
