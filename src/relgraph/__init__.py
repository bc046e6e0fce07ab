"""relgraph: a graph-based stakeholder network mapper.

The public API is small: the vocabulary (:mod:`relgraph.model`), :func:`open_store` and the exception tree
(:mod:`relgraph.errors`). Everything else is reached through those or through the CLI and HTTP API.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from relgraph.errors import (
    CommitUnknownError,
    ConfigurationError,
    ConflictError,
    ImportProblem,
    ImportValidationError,
    InvalidInputError,
    NotFoundError,
    RelgraphError,
    StoreError,
    StoreUnavailableError,
)
from relgraph.model import (
    Interaction,
    Network,
    Organization,
    Person,
    Relationship,
    RelationshipKey,
    RelType,
)
from relgraph.store import GraphStore, open_store

try:
    __version__ = version("relgraph")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = [
    "CommitUnknownError",
    "ConfigurationError",
    "ConflictError",
    "GraphStore",
    "ImportProblem",
    "ImportValidationError",
    "Interaction",
    "InvalidInputError",
    "Network",
    "NotFoundError",
    "Organization",
    "Person",
    "RelType",
    "Relationship",
    "RelationshipKey",
    "RelgraphError",
    "StoreError",
    "StoreUnavailableError",
    "__version__",
    "open_store",
]
