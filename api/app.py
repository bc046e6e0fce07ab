"""``create_app(settings)``: the FastAPI application. The store and key file are opened in the lifespan."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from api.errors import error_response, install_error_handlers
from api.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from api.routers import (
    analysis,
    briefs,
    health,
    interactions,
    keys,
    maps,
    organizations,
    pages,
    people,
    relationships,
    transfer,
)
from api.settings import ApiSettings
from api.state import AppState, StoreHolder
from relgraph import __version__
from relgraph.keys import KeyRegistry
from relgraph.maps import STATIC_DIR as MAP_STATIC_DIR

__all__ = ["create_app"]

log = logging.getLogger("relgraph.api")
DOCS_STATIC_DIR = Path(__file__).parent / "static" / "swagger-ui"

DESCRIPTION = """Read and write the stakeholder network and run its analyses over HTTP/JSON.

**Access.** Send an API key in the `X-API-Key` header (`relgraph keys create --scope read|write|admin`).
`read` lists, gets, analyses and maps; `write` also creates, changes, deletes and imports; `admin` also
manages keys. Missing or unknown key: 401; too small a scope: 403.

**Errors** all have one shape: `{"error": {"code", "message", "details": [{"location", "reason"}]}}`.
"""


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """The relgraph API for ``settings`` (default: read from ``RELGRAPH_*`` environment variables)."""
    settings = settings or ApiSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = AppState(
            settings=settings, stores=StoreHolder(settings), keys=KeyRegistry(settings.keys_file)
        )
        app.state.relgraph = state
        if settings.auth_disabled:
            log.warning(
                "API keys are switched off: anyone who can reach this server can read and change the network"
            )
        try:
            state.stores.get()
        except (
            Exception
        ) as exc:  # the service starts anyway; /api/ready says 503 until the store answers
            log.warning("starting without the store: %s", exc)
        if settings.warm_cache:
            threading.Thread(target=state.warm, name="relgraph-warm-cache", daemon=True).start()
        try:
            yield
        finally:
            state.close()

    app = FastAPI(title="relgraph", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)  # fmt: skip
    install_error_handlers(app)
    app.add_exception_handler(Exception, _unexpected_error)
    for module in (
        health,
        people,
        organizations,
        relationships,
        interactions,
        transfer,
        analysis,
        briefs,
        keys,
        maps,
        pages,
    ):
        app.include_router(module.router)
    app.mount("/static/maps", StaticFiles(directory=MAP_STATIC_DIR), name="map-static")
    app.mount("/static/docs", StaticFiles(directory=DOCS_STATIC_DIR), name="docs-static")
    _add_docs(app)
    app.add_middleware(
        GZipMiddleware, minimum_size=2048
    )  # map pages of big networks are megabytes of JSON
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    return app


def _add_docs(app: FastAPI) -> None:
    """Swagger UI served from this server's own copy (no CDN)."""

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="relgraph API",
            swagger_js_url="/static/docs/swagger-ui-bundle.js", swagger_css_url="/static/docs/swagger-ui.css",
            swagger_favicon_url="/static/docs/favicon-32x32.png",
        )  # fmt: skip


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(
        500, "an unexpected error occurred; it has been logged", code="internal_error"
    )
