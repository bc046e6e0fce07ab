"""``/api/people``: list (paged, filtered), get, create, upsert, patch, delete."""

from __future__ import annotations

from typing import Annotated, Any

from api.deps import ReadAccess, Store
from api.routers._items import ItemResource, add_item_routes
from api.routers._paging import Limit, Offset, Search, page_body
from api.schemas import PageOut, PersonCreate, PersonOut, PersonPatch
from fastapi import APIRouter, Query

from relgraph.model import Person
from relgraph.store import PeopleFilter

router = APIRouter(prefix="/api/people", tags=["people"])


@router.get("", response_model=PageOut[PersonOut], dependencies=[ReadAccess], summary="List people")  # type: ignore[valid-type]
def list_people(
    store: Store,
    q: Search = None,
    organization: Annotated[str | None, Query(max_length=200, description="Works at or is a member of this organisation (id).")] = None,
    tag: Annotated[str | None, Query(max_length=100, description="Carries this tag.")] = None,
    internal: Annotated[bool | None, Query(description="true: our own staff only; false: stakeholders only.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    flt = PeopleFilter(
        q=q, organization=organization, tag=tag, internal=internal, limit=limit, offset=offset
    )
    return page_body(store.list_people(flt))


add_item_routes(router, ItemResource(
    noun="person", section="people", model=Person, create=PersonCreate, patch=PersonPatch, out=PersonOut,
    get=lambda s, i: s.get_person(i), delete=lambda s, i: s.delete_person(i),
))  # fmt: skip
