"""The exception tree of relgraph.

Every error the library raises on purpose derives from :class:`RelgraphError`, so callers (the CLI, the
API's error mapping) can catch one root and map each branch to an exit code or an HTTP status::

    RelgraphError
    ├── InvalidInputError          bad data from a user; nothing was changed
    │   ├── ImportValidationError  one or more bad rows in an import (carries every problem)
    │   └── ReferenceError_        an id that names no node of the right type
    ├── NotFoundError              the asked-for node, relationship or interaction does not exist
    ├── ConflictError              an id already used by a node of another type
    ├── ConfigurationError         an unusable setting, e.g. an unknown store URL
    └── StoreError                 the store failed
        ├── StoreUnavailableError  the store cannot be reached
        └── CommitUnknownError     the connection broke during commit; the write may or may not have happened
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CommitUnknownError",
    "ConfigurationError",
    "ConflictError",
    "ImportProblem",
    "ImportValidationError",
    "InvalidInputError",
    "NotFoundError",
    "ReferenceError_",
    "RelgraphError",
    "StoreError",
    "StoreUnavailableError",
]


class RelgraphError(Exception):
    """Root of every error relgraph raises on purpose."""


class InvalidInputError(RelgraphError):
    """Input that breaks a rule of the vocabulary. Nothing was changed."""


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One problem found in an import: where it is and what is wrong."""

    file: str
    row: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.field}: {self.reason}"


class ImportValidationError(InvalidInputError):
    """An import with bad rows. ``problems`` lists every one; nothing was written."""

    def __init__(self, problems: list[ImportProblem], *, shown: int = 50) -> None:
        self.problems = problems
        lines = [str(p) for p in problems[:shown]]
        if len(problems) > shown:
            lines.append(f"... and {len(problems) - shown} more problems")
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{len(problems)} {noun}; nothing was imported\n" + "\n".join(lines))


class ReferenceError_(InvalidInputError):
    """A relationship or interaction names an id that is not a node of the right type."""


class NotFoundError(RelgraphError):
    """The node, relationship or interaction does not exist."""


class ConflictError(RelgraphError):
    """The id is already used by a node of another type."""


class ConfigurationError(RelgraphError):
    """A setting that relgraph cannot use (unknown store URL, missing credentials, ...)."""


class StoreError(RelgraphError):
    """The store failed to do what was asked."""


class StoreUnavailableError(StoreError):
    """The store cannot be reached. The message names the store without credentials."""


class CommitUnknownError(StoreError):
    """The connection was lost while committing: the write may or may not have been applied."""
