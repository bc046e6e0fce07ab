"""Paging parameters shared by every list endpoint (page size limited to :data:`MAX_PAGE_SIZE`; 422 above)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from relgraph.store import MAX_PAGE_SIZE, Page

__all__ = ["Limit", "Offset", "Search", "page_body"]

Limit = Annotated[
    int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Page size, 1 to {MAX_PAGE_SIZE}.")
]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Records to skip.")]
Search = Annotated[str | None, Query(max_length=200, description="Case-insensitive text search.")]


def page_body(page: Page[Any]) -> dict[str, Any]:
    return {"items": page.items, "total": page.total, "limit": page.limit, "offset": page.offset}
