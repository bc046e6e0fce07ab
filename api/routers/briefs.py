"""``/api/briefs/*``: the negotiation brief, the community-relations plan and the change report, as JSON
(default), Markdown or an HTML page with an embedded map (``?format=``)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from api.answers import AnswersDep
from api.deps import ReadAccess, State, Store
from api.errors import ErrorResponse
from fastapi import APIRouter, Path, Query, Response

from relgraph.analysis.briefs import month_before
from relgraph.documents import (
    BriefFormat,
    Document,
    change_document,
    community_document,
    negotiation_document,
)

router = APIRouter(prefix="/api/briefs", tags=["briefs"], dependencies=[ReadAccess])

ASSET_BASE = "/static/maps"
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The brief: JSON {brief, as_of, result}, Markdown, or an HTML page",
          "content": {"application/json": {}, "text/markdown": {}, "text/html": {}}},
    404: {"model": ErrorResponse, "description": "No such organisation"},
}  # fmt: skip

Format = Annotated[BriefFormat, Query(description="json, markdown, or html (a page with a map).")]
RecentDays = Annotated[
    int, Query(ge=1, le=3650, description="Interactions of the last N days count as recent.")
]
OrganizationPath = Annotated[
    str, Path(min_length=1, max_length=200, description="The organisation (id).")
]


def _response(document: Document) -> Response:
    headers = {}
    if document.content_security_policy:
        headers["Content-Security-Policy"] = document.content_security_policy
    return Response(document.text, media_type=document.format.media_type, headers=headers)


@router.get("/negotiation/{organization_id}", response_class=Response, responses=_RESPONSES)
async def negotiation(
    answers: AnswersDep, organization_id: OrganizationPath,
    format: Format = BriefFormat.JSON, recent_days: RecentDays = 90,
) -> Response:  # fmt: skip
    """Who decides and influences at an organisation, our coverage, warm routes, risks and next actions."""
    return await answers.respond(lambda: _response(negotiation_document(
        answers.projection, organization_id, format, recent_days=recent_days, asset_base=ASSET_BASE)))  # fmt: skip


@router.get("/community/{organization_id}", response_class=Response, responses=_RESPONSES)
async def community(
    answers: AnswersDep, organization_id: OrganizationPath,
    format: Format = BriefFormat.JSON, recent_days: RecentDays = 90,
) -> Response:  # fmt: skip
    """Officials, groups, coalitions, coverage and gaps, bridges, engagement order and repairs."""
    return await answers.respond(lambda: _response(community_document(
        answers.projection, organization_id, format, recent_days=recent_days, asset_base=ASSET_BASE)))  # fmt: skip


@router.get("/changes", response_class=Response,
            responses={200: _RESPONSES[200], 422: {"model": ErrorResponse, "description": "Dates out of order"}})  # fmt: skip
def changes(
    state: State, store: Store,
    since: Annotated[date | None, Query(description="The earlier date (default: a month before until).")] = None,
    until: Annotated[date | None, Query(description="The later date (default: today).")] = None,
    format: Format = BriefFormat.JSON,
) -> Response:  # fmt: skip
    """New and lost ties, status changes, key-contact rank moves and new single threads between two dates."""
    end = until or date.today()
    start = since or month_before(end)
    before, after = (
        state.projections.projection(store, as_of=d, params=state.tie_parameters)
        for d in (start, end)
    )
    return _response(change_document(before, after, format))
