"""``/api/organizations``: list (paged, filtered), get, create, upsert, patch, delete."""

from __future__ import annotations

from typing import Annotated, Any

from api.deps import ReadAccess, Store
from api.routers._items import ItemResource, add_item_routes
from api.routers._paging import Limit, Offset, Search, page_body
from api.schemas import OrganizationCreate, OrganizationOut, OrganizationPatch, PageOut
from fastapi import APIRouter, Query

from relgraph.model import Organization, OrgKind, OrgRole
from relgraph.store import OrganizationFilter

router = APIRouter(prefix="/api/organizations", tags=["organizations"])


@router.get("", response_model=PageOut[OrganizationOut], dependencies=[ReadAccess],  # type: ignore[valid-type]
            summary="List organisations")  # fmt: skip
def list_organizations(
    store: Store,
    q: Search = None,
    kind: Annotated[OrgKind | None, Query(description="Only this kind.")] = None,
    role: Annotated[OrgRole | None, Query(description="Only organisations with this role.")] = None,
    tag: Annotated[str | None, Query(max_length=100, description="Carries this tag.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    flt = OrganizationFilter(q=q, kind=kind, role=role, tag=tag, limit=limit, offset=offset)
    return page_body(store.list_organizations(flt))


add_item_routes(router, ItemResource(
    noun="organization", section="organizations", model=Organization, create=OrganizationCreate,
    patch=OrganizationPatch, out=OrganizationOut,
    get=lambda s, i: s.get_organization(i), delete=lambda s, i: s.delete_organization(i),
))  # fmt: skip
