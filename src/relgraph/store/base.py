"""The one narrow interface every store implements, and the value types it speaks in.

A store keeps people, organisations, relationships and interactions (DESIGN §2). Every write is one atomic
transaction; re-writing identical data changes nothing (and leaves :meth:`GraphStore.version` alone). Reads
return validated models from :mod:`relgraph.model`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Protocol, Self, TypeVar, runtime_checkable

from relgraph.model import (
    Interaction,
    Network,
    NodeType,
    Organization,
    OrgKind,
    OrgRole,
    Person,
    Relationship,
    RelationshipKey,
    RelType,
)

__all__ = [
    "MAX_PAGE_SIZE",
    "GraphStore",
    "InteractionFilter",
    "OrganizationFilter",
    "Page",
    "PeopleFilter",
    "ProgressCallback",
    "RelationshipFilter",
    "WriteSummary",
]

T = TypeVar("T")

#: The largest page a list call returns.
MAX_PAGE_SIZE = 1000

#: Called with the number of records written so far during a long write.
ProgressCallback = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a filtered list, with the total number of hits."""

    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class _Paging:
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_PAGE_SIZE:
            raise ValueError(f"limit must be between 1 and {MAX_PAGE_SIZE}")
        if self.offset < 0:
            raise ValueError("offset must not be negative")


@dataclass(frozen=True, slots=True)
class PeopleFilter(_Paging):
    """``q`` matches name, title or e-mail (case-insensitive substring)."""

    q: str | None = None
    organization: str | None = None
    tag: str | None = None
    internal: bool | None = None


@dataclass(frozen=True, slots=True)
class OrganizationFilter(_Paging):
    """``q`` matches name, sector or region (case-insensitive substring)."""

    q: str | None = None
    kind: OrgKind | None = None
    role: OrgRole | None = None
    tag: str | None = None

    def __post_init__(self) -> None:
        super(OrganizationFilter, self).__post_init__()
        # Accept plain strings from callers; an unknown value raises ValueError.
        if self.kind is not None:
            object.__setattr__(self, "kind", OrgKind(self.kind))
        if self.role is not None:
            object.__setattr__(self, "role", OrgRole(self.role))


@dataclass(frozen=True, slots=True)
class RelationshipFilter(_Paging):
    """``node`` matches either end."""

    node: str | None = None
    type: RelType | None = None
    source: str | None = None
    target: str | None = None

    def __post_init__(self) -> None:
        super(RelationshipFilter, self).__post_init__()
        if self.type is not None:
            object.__setattr__(self, "type", RelType(self.type))


@dataclass(frozen=True, slots=True)
class InteractionFilter(_Paging):
    participant: str | None = None
    organization: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass(slots=True)
class WriteSummary:
    """What a write did: records created, updated and left unchanged, per section of a Network."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(self.created.values()) or any(self.updated.values())

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


@runtime_checkable
class GraphStore(Protocol):
    """The store interface. Backends: :mod:`relgraph.store.sqlite`, :mod:`relgraph.store.neo4j`."""

    #: The store's URL with any password removed; safe to show.
    url: str

    def init(self) -> None:
        """Create or migrate the schema; safe to repeat."""

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc_info: object) -> None: ...

    def version(self) -> int:
        """A number that changes on every write that changed something."""

    def ping(self) -> None:
        """Check, quickly and without retrying, that the store answers; raise ``StoreUnavailableError`` if not."""

    def counts(self) -> dict[str, int]:
        """Numbers of people, organizations, relationships and interactions."""

    def upsert(self, batch: Network, *, progress: ProgressCallback | None = None) -> WriteSummary:
        """Write a batch in one transaction: create new records, replace changed ones.

        Raises ``ConflictError`` if an id is already a node of another type and ``ReferenceError_`` if a
        relationship or interaction names an id that is not a node of the right type (in the store or in
        the batch). On any error nothing is written.
        """

    def node_types(self, ids: Iterable[str]) -> dict[str, NodeType]:
        """The type of each id that is a person or organisation in the store; unknown ids are left out."""

    def get_person(self, person_id: str) -> Person: ...

    def get_organization(self, organization_id: str) -> Organization: ...

    def get_relationship(self, key: RelationshipKey) -> Relationship: ...

    def get_interaction(self, interaction_id: str) -> Interaction: ...

    def list_people(self, flt: PeopleFilter) -> Page[Person]: ...

    def list_organizations(self, flt: OrganizationFilter) -> Page[Organization]: ...

    def list_relationships(self, flt: RelationshipFilter) -> Page[Relationship]: ...

    def list_interactions(self, flt: InteractionFilter) -> Page[Interaction]: ...

    def delete_person(self, person_id: str) -> None:
        """Delete a person, their relationships and their place in interactions.

        An interaction left with no participant is deleted too.
        """

    def delete_organization(self, organization_id: str) -> None:
        """Delete an organisation and its relationships; interactions about it keep no organisation."""

    def delete_relationship(self, key: RelationshipKey) -> None: ...

    def delete_interaction(self, interaction_id: str) -> None: ...

    def neighbourhood(self, node_id: str, depth: int) -> Network:
        """The nodes within ``depth`` hops of a node (either direction), the relationships among them and
        the interactions whose every participant is among them."""

    def snapshot(self) -> Network:
        """Everything in the store, for the analyses and exports."""

    def clear(self) -> None:
        """Delete everything (one transaction)."""
