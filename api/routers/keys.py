"""``/api/keys``: list, create and revoke API keys (admin scope). A new key's secret is shown once."""

from __future__ import annotations

from typing import Annotated

from api.deps import AdminAccess, State
from api.errors import ErrorResponse
from fastapi import APIRouter, Path, Response, status
from pydantic import BaseModel, ConfigDict, Field

from relgraph.keys import ApiKey, Scope

router = APIRouter(prefix="/api/keys", tags=["keys"], dependencies=[AdminAccess])


class KeyOut(BaseModel):
    id: str
    name: str
    scope: Scope
    created_at: str
    revoked_at: str | None


class KeyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"name": "crm sync", "scope": "read"}]}
    )

    name: str = Field(min_length=1, max_length=200)
    scope: Scope = Scope.READ


class KeyCreated(KeyOut):
    secret: str = Field(description="The key itself: send it as X-API-Key. Shown only this once.")


def _out(key: ApiKey) -> KeyOut:
    return KeyOut(
        id=key.id,
        name=key.name,
        scope=key.scope,
        created_at=key.created_at,
        revoked_at=key.revoked_at,
    )


@router.get("", response_model=list[KeyOut])
def list_keys(state: State) -> list[KeyOut]:
    """Every key (never its secret), revoked ones included."""
    return [_out(k) for k in state.keys.list()]


@router.post("", response_model=KeyCreated, status_code=status.HTTP_201_CREATED)
def create_key(state: State, body: KeyCreate) -> KeyCreated:
    """Create a key; the response holds its secret, which is not stored and cannot be shown again."""
    created = state.keys.create(body.name, body.scope)
    return KeyCreated(**_out(created.key).model_dump(), secret=created.secret)


@router.delete("/{key_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses={404: {"model": ErrorResponse, "description": "No such key"}})  # fmt: skip
def revoke_key(state: State, key_id: Annotated[str, Path(max_length=20)]) -> Response:
    """Revoke a key: it stops working at once."""
    state.keys.revoke(key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
