"""``/api/relationships``: identified by ``/{source}/{type}/{target}`` (symmetric types in either order)."""

from __future__ import annotations

from typing import Annotated, Any

from api.deps import ReadAccess, Store, WriteAccess
from api.routers._items import NOT_FOUND, WRITE_ERRORS, IdPath, apply_patch, write_one
from api.routers._paging import Limit, Offset, page_body
from api.schemas import PageOut, RelationshipCreate, RelationshipOut, RelationshipPatch
from fastapi import APIRouter, Path, Query, Response, status

from relgraph.errors import ConflictError, NotFoundError
from relgraph.model import Relationship, RelationshipKey, RelType
from relgraph.store import RelationshipFilter

router = APIRouter(prefix="/api/relationships", tags=["relationships"])

TypePath = Annotated[RelType, Path(description="The relationship type.")]
_ITEM = "/{source}/{type}/{target}"


@router.get("", response_model=PageOut[RelationshipOut], dependencies=[ReadAccess],  # type: ignore[valid-type]
            summary="List relationships")  # fmt: skip
def list_relationships(
    store: Store,
    node: Annotated[str | None, Query(max_length=200, description="Either end is this node (id).")] = None,
    type: Annotated[RelType | None, Query(description="Only this type.")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Starts at this node (id).")] = None,
    target: Annotated[str | None, Query(max_length=200, description="Ends at this node (id).")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    flt = RelationshipFilter(
        node=node, type=type, source=source, target=target, limit=limit, offset=offset
    )
    return page_body(store.list_relationships(flt))


def _key(source: str, type: RelType, target: str) -> RelationshipKey:
    return RelationshipKey(source=source, type=type, target=target)


@router.get(_ITEM, response_model=RelationshipOut, responses=NOT_FOUND, dependencies=[ReadAccess],
            summary="Get one relationship")  # fmt: skip
def get_relationship(store: Store, source: IdPath, type: TypePath, target: IdPath) -> Relationship:
    return store.get_relationship(_key(source, type, target))


@router.post("", response_model=RelationshipOut, status_code=status.HTTP_201_CREATED,
             dependencies=[WriteAccess], responses=WRITE_ERRORS,
             summary="Create a relationship (409 if it exists)")  # fmt: skip
def create_relationship(store: Store, body: RelationshipCreate) -> Relationship:  # type: ignore[valid-type]
    record = Relationship.model_validate(body.model_dump(exclude_unset=True))  # type: ignore[attr-defined]
    try:
        store.get_relationship(record.key)
    except NotFoundError:
        write_one(store, "relationships", record)
        return record
    raise ConflictError(f"the relationship {record.source} -{record.type.value}-> {record.target} exists; "
                        "use PUT or PATCH")  # fmt: skip


@router.put(_ITEM, response_model=RelationshipOut, dependencies=[WriteAccess], responses=WRITE_ERRORS,
            summary="Create or replace a relationship")  # fmt: skip
def put_relationship(store: Store, source: IdPath, type: TypePath, target: IdPath,
                     body: RelationshipPatch) -> Relationship:  # type: ignore[valid-type]  # fmt: skip
    fields = body.model_dump(exclude_unset=True)  # type: ignore[attr-defined]
    record = Relationship.model_validate(
        {"source": source, "type": type, "target": target} | fields
    )
    write_one(store, "relationships", record)
    return record


@router.patch(_ITEM, response_model=RelationshipOut, dependencies=[WriteAccess],
              responses=NOT_FOUND | WRITE_ERRORS, summary="Change some fields of a relationship")  # fmt: skip
def patch_relationship(store: Store, source: IdPath, type: TypePath, target: IdPath,
                       body: RelationshipPatch) -> Any:  # type: ignore[valid-type]  # fmt: skip
    record = apply_patch(store.get_relationship(_key(source, type, target)), body, Relationship)
    write_one(store, "relationships", record)
    return record


@router.delete(_ITEM, status_code=status.HTTP_204_NO_CONTENT, dependencies=[WriteAccess],
               responses=NOT_FOUND, summary="Delete a relationship")  # fmt: skip
def delete_relationship(store: Store, source: IdPath, type: TypePath, target: IdPath) -> Response:
    store.delete_relationship(_key(source, type, target))
    return Response(status_code=status.HTTP_204_NO_CONTENT)
