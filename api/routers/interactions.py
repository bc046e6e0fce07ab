"""``/api/interactions``: list (paged, filtered), get, create, upsert, patch, delete."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from api.deps import ReadAccess, Store
from api.routers._items import ItemResource, add_item_routes
from api.routers._paging import Limit, Offset, page_body
from api.schemas import InteractionCreate, InteractionOut, InteractionPatch, PageOut
from fastapi import APIRouter, Query

from relgraph.model import Interaction
from relgraph.store import InteractionFilter

router = APIRouter(prefix="/api/interactions", tags=["interactions"])


@router.get("", response_model=PageOut[InteractionOut], dependencies=[ReadAccess],  # type: ignore[valid-type]
            summary="List interactions, newest first")  # fmt: skip
def list_interactions(
    store: Store,
    participant: Annotated[str | None, Query(max_length=200, description="This person took part (id).")] = None,
    organization: Annotated[str | None, Query(max_length=200, description="About this organisation (id).")] = None,
    since: Annotated[date | None, Query(description="On or after this date.")] = None,
    until: Annotated[date | None, Query(description="On or before this date.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    flt = InteractionFilter(participant=participant, organization=organization, since=since, until=until,
                            limit=limit, offset=offset)  # fmt: skip
    return page_body(store.list_interactions(flt))


add_item_routes(router, ItemResource(
    noun="interaction", section="interactions", model=Interaction, create=InteractionCreate,
    patch=InteractionPatch, out=InteractionOut,
    get=lambda s, i: s.get_interaction(i), delete=lambda s, i: s.delete_interaction(i),
))  # fmt: skip
