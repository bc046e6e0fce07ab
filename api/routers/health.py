"""``/api/health`` (the process answers) and ``/api/ready`` (the store answers too; 503 while it does not)."""

from __future__ import annotations

from typing import Any

from api.deps import State
from api.errors import ErrorResponse, error_response
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from relgraph import __version__
from relgraph.errors import RelgraphError

router = APIRouter(prefix="/api", tags=["health"])


@router.get("/health")
def health() -> dict[str, Any]:
    """Liveness: the service is running. Needs no key."""
    return {"status": "ok", "version": __version__}


@router.get(
    "/ready",
    responses={503: {"model": ErrorResponse, "description": "The store cannot be reached"}},
)
def ready(state: State) -> Any:
    """Readiness: the store answers a query. 503 while it cannot be reached; recovers by itself. Needs no key."""
    try:
        store = state.stores.get()
        store.ping()
        version = store.version()
    except RelgraphError as exc:
        return error_response(503, str(exc), code="store_unavailable", headers={"Retry-After": "5"})
    return JSONResponse({"status": "ready", "store": store.url, "version": version})
