"""Request dependencies: the store, a projection, and API-key access checks (``Annotated`` aliases)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyHeader

from api.state import AppState
from relgraph.keys import ApiKey, Scope
from relgraph.projection import Projection
from relgraph.store import GraphStore

__all__ = [
    "API_KEY_HEADER",
    "AdminAccess",
    "AsOf",
    "ProjectionDep",
    "ReadAccess",
    "State",
    "Store",
    "WriteAccess",
]

API_KEY_HEADER = "X-API-Key"
_api_key = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="An API key from `relgraph keys create`; its scope (read, write, admin) decides what it may do.",
)


# Cheap dependencies are ``async``: a plain ``def`` dependency costs a hop to the thread pool on every request.
async def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.relgraph
    return state


State = Annotated[AppState, Depends(get_state)]


def _access(needed: Scope) -> Any:
    async def check(
        state: State, secret: Annotated[str | None, Security(_api_key)]
    ) -> ApiKey | None:
        if state.settings.auth_disabled:  # switched off explicitly, for local single-user use
            return None
        unauthorized = {"WWW-Authenticate": API_KEY_HEADER}
        if not secret:
            raise HTTPException(401, f"missing API key: send it in the {API_KEY_HEADER} header",
                                headers=unauthorized)  # fmt: skip
        key = state.keys.verify(secret)  # one indexed lookup in a local SQLite file
        if key is None:
            raise HTTPException(401, "unknown or revoked API key", headers=unauthorized)
        if not key.allows(needed):
            raise HTTPException(
                403, f"this key has the {key.scope.value} scope; {needed.value} is needed"
            )
        return key

    return Depends(check)


ReadAccess = _access(Scope.READ)
WriteAccess = _access(Scope.WRITE)
AdminAccess = _access(Scope.ADMIN)


async def get_store(state: State) -> GraphStore:
    opened = state.stores.opened
    # Opening (or re-trying) the store can wait on the network: that happens off the event loop.
    return opened if opened is not None else await run_in_threadpool(state.stores.get)


Store = Annotated[GraphStore, Depends(get_store)]

AsOf = Annotated[
    date | None,
    Query(
        description="Analyse the network as it stood on this date (default today).",
        examples=["2026-06-30"],
    ),
]


def get_projection(state: State, store: Store, as_of: AsOf = None) -> Projection:
    return state.projections.projection(store, as_of=as_of, params=state.tie_parameters)


ProjectionDep = Annotated[Projection, Depends(get_projection)]
