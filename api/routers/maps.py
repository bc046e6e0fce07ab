"""``/maps/*``: interactive network maps (HTML built by :mod:`relgraph.maps`), sent with a
Content-Security-Policy. vis-network and the page's script come from ``/static`` on this server."""

from __future__ import annotations

from typing import Annotated, Literal

from api.answers import AnswersDep
from api.deps import ReadAccess
from api.errors import ErrorResponse
from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import HTMLResponse

from relgraph.maps import (
    MapOptions,
    NetworkMap,
    build_map,
    organization_map,
    person_map,
    render_html,
)

router = APIRouter(prefix="/maps", tags=["maps"], dependencies=[ReadAccess], default_response_class=HTMLResponse,
                   responses={200: {"content": {"text/html": {}}, "description": "An interactive map page"},
                              404: {"model": ErrorResponse, "description": "An id names nothing"}})  # fmt: skip

ASSET_BASE = "/static/maps"

Depth = Annotated[int, Query(ge=1, le=6, description="Hops around the focus node.")]
MinStrength = Annotated[
    float, Query(ge=0, le=1, description="Hide person–person ties weaker than this.")
]
MaxNodes = Annotated[
    int, Query(ge=1, le=5000, description="Most nodes drawn; the most important are kept.")
]
ColorBy = Annotated[
    Literal["kind", "stance"], Query(description="Colour nodes by kind/role or by stance.")
]
IdPath = Annotated[str, Path(min_length=1, max_length=200)]


def _page(network_map: NetworkMap) -> Response:
    rendered = render_html(network_map, asset_base=ASSET_BASE)
    return HTMLResponse(
        rendered.html, headers={"Content-Security-Policy": rendered.content_security_policy}
    )


@router.get("/network")
async def network_page(
    answers: AnswersDep,
    focus: Annotated[str | None, Query(max_length=200, description="Centre on this node (id).")] = None,
    depth: Depth = 2,
    organization: Annotated[str | None, Query(max_length=200, description="Only this organisation and its people's ties.")] = None,
    community: Annotated[int | None, Query(ge=0, description="Only this community (id from /api/analysis/communities).")] = None,
    min_strength: MinStrength = 0.0,
    max_nodes: MaxNodes = 300,
    color_by: ColorBy = "kind",
    seed: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
) -> Response:  # fmt: skip
    """The whole network, or the part a focus node, organisation, community or tie strength selects."""
    options = MapOptions(focus=focus, depth=depth, organization=organization, community=community,
                         min_strength=min_strength, max_nodes=max_nodes, color_by=color_by, seed=seed)  # fmt: skip
    return await answers.respond(lambda: _page(build_map(answers.projection, options)))


@router.get("/organization/{organization_id}")
async def organization_page(
    answers: AnswersDep, organization_id: IdPath, min_strength: MinStrength = 0.0,
    max_nodes: MaxNodes = 300, color_by: ColorBy = "kind",
) -> Response:  # fmt: skip
    """An organisation, its people, and their ties."""
    options = MapOptions(min_strength=min_strength, max_nodes=max_nodes, color_by=color_by)
    return await answers.respond(
        lambda: _page(organization_map(answers.projection, organization_id, options))
    )


@router.get("/person/{person_id}")
async def person_page(
    answers: AnswersDep, person_id: IdPath, depth: Depth = 2, min_strength: MinStrength = 0.0,
    max_nodes: MaxNodes = 300, color_by: ColorBy = "kind",
) -> Response:  # fmt: skip
    """A person and the network around them."""
    options = MapOptions(
        depth=depth, min_strength=min_strength, max_nodes=max_nodes, color_by=color_by
    )
    return await answers.respond(lambda: _page(person_map(answers.projection, person_id, options)))
