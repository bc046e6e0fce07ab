"""``POST /api/import`` (atomic; every bad row reported) and ``GET /api/export?format=...``."""

from __future__ import annotations

from typing import Annotated, Any

from api.deps import ReadAccess, Store, WriteAccess
from api.errors import ErrorResponse
from api.schemas import ImportDocument
from fastapi import APIRouter, Query, Response

from relgraph.io.export import ExportFormat, export_bytes
from relgraph.io.importer import import_document

router = APIRouter(prefix="/api", tags=["import and export"])


@router.post(
    "/import",
    dependencies=[WriteAccess],
    responses={
        422: {
            "model": ErrorResponse,
            "description": "Bad rows: every problem in details; nothing written",
        },
        413: {"model": ErrorResponse, "description": "The body is larger than the limit"},
    },
)
def import_network(
    store: Store,
    document: ImportDocument,
    dry_run: Annotated[bool, Query(description="Check everything, write nothing.")] = False,
) -> dict[str, Any]:
    """Import people, organisations, relationships and interactions in one transaction.

    Rows use the import-file field names (a person's ``organization`` is shorthand for ``WORKS_AT``; list
    cells may be JSON lists). Every problem is listed (``details``: section, row, field, reason) and nothing
    is written unless every row is valid.
    """
    report = import_document(store, document.model_dump(), name="request", dry_run=dry_run)
    return report.as_dict()


@router.get(
    "/export",
    dependencies=[ReadAccess],
    response_class=Response,
    responses={200: {"content": {f.media_type: {} for f in ExportFormat},
                     "description": "The whole network in the format asked for"}},
)  # fmt: skip
def export_network(
    store: Store,
    format: Annotated[ExportFormat, Query(description="json, csv (a zip of four files), graphml or gexf.")] = ExportFormat.JSON,
) -> Response:  # fmt: skip
    """The whole network, as a download."""
    body = export_bytes(store.snapshot(), format)
    filename = f"relgraph-export.{format.extension}"
    return Response(body, media_type=format.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})  # fmt: skip
