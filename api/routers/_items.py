"""Get, create, upsert, patch and delete for the resources identified by one ``id`` (people, organisations,
interactions). Each resource's router adds its own list endpoint with its filters."""

# No ``from __future__ import annotations``: FastAPI reads the body types below at definition time.

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from api.deps import ReadAccess, Store, WriteAccess
from api.errors import ErrorResponse
from fastapi import APIRouter, Body, Path, Response, status
from pydantic import BaseModel

from relgraph.errors import ConflictError, InvalidInputError, NotFoundError
from relgraph.model import Network
from relgraph.store import GraphStore

__all__ = ["ItemResource", "add_item_routes", "apply_patch", "write_one"]

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "No such record"}
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    409: {
        "model": ErrorResponse,
        "description": "The id is taken (by this or another type of node)",
    },
    422: {"model": ErrorResponse, "description": "Invalid body, or a reference to an unknown id"},
}

IdPath = Annotated[str, Path(min_length=1, max_length=200, description="The record's id.")]


@dataclass(frozen=True)
class ItemResource:
    """How one resource maps onto the store."""

    noun: str  # "person"
    section: str  # the Network field: "people"
    model: type[BaseModel]
    create: type[BaseModel]
    patch: type[BaseModel]
    out: type[BaseModel]
    get: Callable[[GraphStore, str], Any]
    delete: Callable[[GraphStore, str], None]


def write_one(store: GraphStore, section: str, record: BaseModel) -> None:
    """Upsert one record in its own transaction."""
    store.upsert(Network.model_validate({section: [record]}))


def apply_patch(current: BaseModel, patch: BaseModel, model: type[BaseModel]) -> BaseModel:
    """The current record with the fields sent in ``patch`` replaced, validated by the storage model."""
    merged = current.model_dump() | patch.model_dump(exclude_unset=True)
    return model.model_validate(merged)


def _exists(resource: ItemResource, store: GraphStore, item_id: str) -> bool:
    try:
        resource.get(store, item_id)
    except NotFoundError:
        return False
    return True


def add_item_routes(router: APIRouter, resource: ItemResource) -> None:
    """Add ``GET/PUT/PATCH/DELETE /{id}`` and ``POST /`` for ``resource`` to ``router``."""
    noun, out = resource.noun, resource.out

    @router.get("/{item_id}", response_model=out, responses=NOT_FOUND, dependencies=[ReadAccess],
                summary=f"Get one {noun}")  # fmt: skip
    def get_item(store: Store, item_id: IdPath) -> Any:
        return resource.get(store, item_id)

    @router.post("", response_model=out, status_code=status.HTTP_201_CREATED, dependencies=[WriteAccess],
                 responses=WRITE_ERRORS, summary=f"Create a {noun} (409 if the id exists)")  # fmt: skip
    def create_item(store: Store, body: Annotated[resource.create, Body()]) -> Any:  # type: ignore[name-defined]
        record = resource.model.model_validate(body.model_dump(exclude_unset=True))
        if _exists(resource, store, record.id):  # type: ignore[attr-defined]
            raise ConflictError(f"a {noun} with id {record.id!r} already exists; use PUT or PATCH")  # type: ignore[attr-defined]
        write_one(store, resource.section, record)
        return record

    @router.put("/{item_id}", response_model=out, dependencies=[WriteAccess],
                responses=WRITE_ERRORS, summary=f"Create or replace a {noun}")  # fmt: skip
    def put_item(store: Store, item_id: IdPath, body: Annotated[resource.create, Body()]) -> Any:  # type: ignore[name-defined]
        if body.id != item_id:
            raise InvalidInputError(
                f"the body's id {body.id!r} differs from the id in the path {item_id!r}"
            )
        record = resource.model.model_validate(body.model_dump(exclude_unset=True))
        write_one(store, resource.section, record)
        return record

    @router.patch("/{item_id}", response_model=out, dependencies=[WriteAccess],
                  responses=NOT_FOUND | WRITE_ERRORS, summary=f"Change some fields of a {noun}")  # fmt: skip
    def patch_item(store: Store, item_id: IdPath, body: Annotated[resource.patch, Body()]) -> Any:  # type: ignore[name-defined]
        record = apply_patch(resource.get(store, item_id), body, resource.model)
        write_one(store, resource.section, record)
        return record

    @router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[WriteAccess],
                   responses=NOT_FOUND, summary=f"Delete a {noun}")  # fmt: skip
    def delete_item(store: Store, item_id: IdPath) -> Response:
        resource.delete(store, item_id)
        return Response(status_code=status.HTTP_204_NO_CONTENT)
