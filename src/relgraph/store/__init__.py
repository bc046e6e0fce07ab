"""Stores: the :class:`GraphStore` interface and its backends, chosen by URL.

``sqlite:///path/file.db`` (the embedded default) or ``neo4j://host:7687`` / ``bolt://...`` / ``neo4j+s://...``.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from relgraph.errors import ConfigurationError
from relgraph.store.base import (
    MAX_PAGE_SIZE,
    GraphStore,
    InteractionFilter,
    OrganizationFilter,
    Page,
    PeopleFilter,
    RelationshipFilter,
    WriteSummary,
)

__all__ = [
    "DEFAULT_STORE_URL",
    "MAX_PAGE_SIZE",
    "GraphStore",
    "InteractionFilter",
    "OrganizationFilter",
    "Page",
    "PeopleFilter",
    "RelationshipFilter",
    "WriteSummary",
    "open_store",
    "redact_url",
]

DEFAULT_STORE_URL = "sqlite:///relgraph.db"
_NEO4J_SCHEMES = {"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}


def redact_url(url: str) -> str:
    """The URL without any password, safe for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return parts._replace(netloc=user + host).geturl()


def sqlite_path(url: str) -> Path | str:
    """The file path in a ``sqlite:///relative`` or ``sqlite:////absolute`` URL."""
    if not url.startswith("sqlite:///"):
        raise ConfigurationError(f"not a SQLite URL: {url!r} (expected sqlite:///path/to/file.db)")
    path = url[len("sqlite:///") :]
    if not path:
        raise ConfigurationError(f"the SQLite URL {url!r} names no file")
    return path if path == ":memory:" else Path(path)


def open_store(
    url: str = DEFAULT_STORE_URL,
    *,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> GraphStore:
    """Open the store a URL names; the schema is created or migrated as needed.

    ``user``, ``password`` and ``database`` are used by the Neo4j backend only.
    """
    scheme = urlsplit(url).scheme.lower()
    if scheme == "sqlite":
        from relgraph.store.sqlite import SQLiteStore

        return SQLiteStore(sqlite_path(url))
    if scheme in _NEO4J_SCHEMES:
        try:
            from relgraph.store.neo4j import Neo4jStore  # type: ignore[import-not-found,unused-ignore]
        except ImportError as exc:  # pragma: no cover - arrives with the Neo4j backend
            raise ConfigurationError("the Neo4j store is not available in this build") from exc
        return Neo4jStore(url, user=user, password=password, database=database)  # type: ignore[no-any-return,unused-ignore]
    raise ConfigurationError(
        f"unknown store URL {redact_url(url)!r}: use sqlite:///path.db or neo4j://host:7687"
    )
