"""Named queries kept in files (the aiosql style), for both the SQL and the Cypher backends.

A query file holds blocks that start with ``-- name: NAME`` (SQL) or ``// name: NAME`` (Cypher). Comment
lines right after the name line document the block (parameters, returned columns). Files are read once per
process and cached.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["CypherFiles", "NamedQueries", "load", "load_cypher", "parse_named_queries"]

_NAME_LINE = re.compile(r"^\s*(?:--|//)\s*name:\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")
_COMMENT = re.compile(r"^\s*(--|//)")


def parse_named_queries(text: str) -> dict[str, str]:
    """Split a query file into ``{name: statement text}``; comments are dropped.

    Examples
    --------
    >>> parse_named_queries("-- name: one\\n-- a comment\\nSELECT 1;\\n")
    {'one': 'SELECT 1;'}
    """
    queries: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        match = _NAME_LINE.match(line)
        if match:
            name = match.group(1)
            if name in queries:
                raise ValueError(f"query {name!r} is defined twice")
            current = queries[name] = []
        elif current is not None and line.strip() and not _COMMENT.match(line):
            current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in queries.items()}


class _QuerySet:
    """Queries looked up by name: ``queries["get_node"]``."""

    _queries: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self._queries[name]

    def statements(self, name: str) -> list[str]:
        """The statements of a multi-statement block (e.g. a schema), in order."""
        return [s.strip() for s in self._queries[name].split(";") if s.strip()]

    def names(self) -> frozenset[str]:
        return frozenset(self._queries)


class NamedQueries(_QuerySet):
    """The named blocks of one SQL file."""

    def __init__(self, package: str, filename: str) -> None:
        self.source = f"{package}/{filename}"
        text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
        self._queries = parse_named_queries(text)


@cache
def load(package: str, filename: str) -> NamedQueries:
    """Load a query file once per process."""
    return NamedQueries(package, filename)


class CypherFiles(_QuerySet):
    """The ``.cypher`` files of relgraph, one statement per file, looked up by file name without extension.

    Installed, they live in the package as ``relgraph/cypher/``; in a source checkout, in ``cypher/`` at the
    repository root. Comment lines (``//``) are documentation and are stripped.
    """

    def __init__(self, directory: Traversable | None = None) -> None:
        self.directory = directory or cypher_directory()
        self._queries: dict[str, str] = {}
        for entry in self.directory.iterdir():
            if entry.name.endswith(".cypher"):
                lines = entry.read_text(encoding="utf-8").splitlines()
                body = [ln for ln in lines if ln.strip() and not _COMMENT.match(ln)]
                self._queries[entry.name.removesuffix(".cypher")] = "\n".join(body).strip()


def cypher_directory() -> Traversable:
    """Where the Cypher files are: inside the installed package, else at the source checkout's root."""
    packaged = resources.files("relgraph").joinpath("cypher")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "cypher"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("relgraph's cypher/ directory is missing from this installation")


@cache
def load_cypher() -> CypherFiles:
    """The Cypher files, read once per process."""
    return CypherFiles()
