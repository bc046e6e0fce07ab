"""The vocabulary of relgraph as pydantic v2 models (DESIGN §2). Validation only, no I/O.

Nodes are :class:`Person`, :class:`Organization` and :class:`Interaction`; :class:`Relationship` links two
nodes with one of the closed :class:`RelType` types. :class:`Network` bundles the four lists; it is the shape
of a JSON import document, of a store snapshot and of a batch write.

Person and organisation ids share one namespace (a relationship names its endpoints by id alone);
interaction ids have their own.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

__all__ = [
    "ENDPOINTS",
    "ORG_ONLY_ATTRIBUTES",
    "SYMMETRIC_TYPES",
    "Channel",
    "DecisionRole",
    "Interaction",
    "Network",
    "NodeType",
    "OrgKind",
    "OrgRole",
    "Organization",
    "Person",
    "RelType",
    "Relationship",
    "RelationshipKey",
    "Seniority",
    "endpoint_problem",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{3,40}$")


def _no_control_chars(value: str) -> str:
    # Newlines and tabs are legitimate in notes and names; other control characters are not.
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


_ID_TROUBLE = re.compile(r"[\x00-\x1f\x7f;]|^\s|\s$")


def _clean_id(value: str) -> str:
    # One regular expression for the common, clean case (imports check hundreds of thousands of ids).
    if not _ID_TROUBLE.search(value):
        return value
    _no_control_chars(value.replace("\n", "").replace("\r", "").replace("\t", ""))
    if value != value.strip():
        raise ValueError("must not start or end with white space")
    raise ValueError("must not contain line breaks, tabs or ';'")


Id = Annotated[
    str,
    StringConstraints(min_length=1, max_length=128),
    AfterValidator(_clean_id),  # also refuses control characters
]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(_no_control_chars),
]
ShortText = Annotated[str, StringConstraints(max_length=300), AfterValidator(_no_control_chars)]
LongText = Annotated[str, StringConstraints(max_length=20_000), AfterValidator(_no_control_chars)]
Tag = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=r"^[^;\n\r\t]+$"),
]
Level = Annotated[int, Field(ge=1, le=5)]
Stance = Annotated[int, Field(ge=-2, le=2)]
Strength = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Sentiment = Annotated[float, Field(ge=-1.0, le=1.0, allow_inf_nan=False)]


class NodeType(StrEnum):
    """The node labels; also the Neo4j type labels."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    INTERACTION = "Interaction"


class OrgKind(StrEnum):
    COMPANY = "company"
    MUNICIPALITY = "municipality"
    PUBLIC_AUTHORITY = "public_authority"
    COMMUNITY_GROUP = "community_group"
    NGO = "ngo"
    OTHER = "other"


class OrgRole(StrEnum):
    """An organisation's roles relative to us; ``own`` marks our own organisation."""

    OWN = "own"
    CLIENT = "client"
    PROSPECT = "prospect"
    SUPPLIER = "supplier"
    PARTNER = "partner"
    COMPETITOR = "competitor"
    REGULATOR = "regulator"


class DecisionRole(StrEnum):
    DECISION_MAKER = "decision_maker"
    INFLUENCER = "influencer"
    GATEKEEPER = "gatekeeper"
    CHAMPION = "champion"
    USER = "user"
    BLOCKER = "blocker"


class Seniority(StrEnum):
    EXECUTIVE = "executive"
    SENIOR = "senior"
    MANAGER = "manager"
    STAFF = "staff"


class Channel(StrEnum):
    MEETING = "meeting"
    CALL = "call"
    EMAIL = "email"
    MESSAGE = "message"
    EVENT = "event"
    SITE_VISIT = "site_visit"
    OTHER = "other"


class RelType(StrEnum):
    """The closed set of relationship types; also the Neo4j relationship types."""

    WORKS_AT = "WORKS_AT"
    MEMBER_OF = "MEMBER_OF"
    KNOWS = "KNOWS"
    REPORTS_TO = "REPORTS_TO"
    INFLUENCES = "INFLUENCES"
    SUPPLIES = "SUPPLIES"
    PARTNERS_WITH = "PARTNERS_WITH"
    OWNS = "OWNS"
    REGULATES = "REGULATES"
    COMPETES_WITH = "COMPETES_WITH"
    REFERRED = "REFERRED"


_P, _O = NodeType.PERSON, NodeType.ORGANIZATION
_ANY = frozenset({_P, _O})

#: Allowed (source types, target types) for every relationship type.
ENDPOINTS: dict[RelType, tuple[frozenset[NodeType], frozenset[NodeType]]] = {
    RelType.WORKS_AT: (frozenset({_P}), frozenset({_O})),
    RelType.MEMBER_OF: (frozenset({_P}), frozenset({_O})),
    RelType.KNOWS: (frozenset({_P}), frozenset({_P})),
    RelType.REPORTS_TO: (frozenset({_P}), frozenset({_P})),
    RelType.INFLUENCES: (frozenset({_P}), frozenset({_P})),
    RelType.SUPPLIES: (frozenset({_O}), frozenset({_O})),
    RelType.PARTNERS_WITH: (frozenset({_O}), frozenset({_O})),
    RelType.OWNS: (frozenset({_O}), frozenset({_O})),
    RelType.REGULATES: (frozenset({_O}), frozenset({_O})),
    RelType.COMPETES_WITH: (frozenset({_O}), frozenset({_O})),
    RelType.REFERRED: (_ANY, _ANY),
}

#: Types whose direction carries no meaning; stored once with source < target.
SYMMETRIC_TYPES = frozenset({RelType.KNOWS, RelType.PARTNERS_WITH, RelType.COMPETES_WITH})

#: Attributes that only make sense on a membership (WORKS_AT / MEMBER_OF).
ORG_ONLY_ATTRIBUTES = ("title", "department", "decision_role", "seniority")
_MEMBERSHIP_TYPES = frozenset({RelType.WORKS_AT, RelType.MEMBER_OF})


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        use_enum_values=False,
        validate_default=True,
    )


def _sorted_unique(values: list[Any]) -> list[Any]:
    return sorted(set(values))


class Person(_Model):
    """An individual stakeholder; ``internal`` marks one of our own staff."""

    id: Id
    name: Name
    title: ShortText | None = None
    email: Annotated[str, StringConstraints(max_length=254, pattern=_EMAIL.pattern)] | None = None
    phone: Annotated[str, StringConstraints(max_length=40, pattern=_PHONE.pattern)] | None = None
    internal: bool = False
    influence: Level | None = None
    interest: Level | None = None
    stance: Stance | None = Field(
        default=None, description="-2 opponent ... 0 neutral ... +2 champion; None = unknown"
    )
    tags: list[Tag] = Field(default_factory=list, max_length=50)
    notes: LongText | None = None

    _normalise_tags = field_validator("tags")(_sorted_unique)


class Organization(_Model):
    """An organisation: a company, municipality, authority, community group, NGO or other."""

    id: Id
    name: Name
    kind: OrgKind = OrgKind.OTHER
    roles: list[OrgRole] = Field(default_factory=list)
    sector: ShortText | None = None
    region: ShortText | None = None
    country: ShortText | None = None
    value: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = Field(
        default=None, description="Yearly value of the organisation to us"
    )
    influence: Level | None = None
    interest: Level | None = None
    stance: Stance | None = None
    tags: list[Tag] = Field(default_factory=list, max_length=50)
    notes: LongText | None = None

    _normalise_roles = field_validator("roles")(_sorted_unique)
    _normalise_tags = field_validator("tags")(_sorted_unique)


class RelationshipKey(_Model):
    """The identity of a relationship: (source, type, target), canonical for symmetric types."""

    source: Id
    type: RelType
    target: Id

    @field_validator("target")
    @classmethod
    def _not_a_loop(cls, value: str, info: ValidationInfo) -> str:
        if value == info.data.get("source"):
            raise ValueError("a relationship cannot link a node to itself")
        return value

    @model_validator(mode="after")
    def _canonical(self) -> Self:
        if self.type in SYMMETRIC_TYPES and self.source > self.target:
            # Frozen model: rebuild through object.__setattr__ to store symmetric types once.
            source, target = self.target, self.source
            object.__setattr__(self, "source", source)
            object.__setattr__(self, "target", target)
        return self


class Relationship(RelationshipKey):
    """A typed link between two nodes. ``source_note`` says how we know of it."""

    strength: Strength | None = Field(default=None, description="Stated strength 0-1")
    sentiment: Sentiment | None = None
    since: date | None = None
    # The fields below have validators that pass None through; not validating their default (None)
    # spares imports several Python calls per relationship and changes no outcome.
    until: date | None = Field(default=None, validate_default=False)
    title: ShortText | None = Field(default=None, validate_default=False)
    department: ShortText | None = Field(default=None, validate_default=False)
    decision_role: DecisionRole | None = Field(default=None, validate_default=False)
    seniority: Seniority | None = Field(default=None, validate_default=False)
    source_note: ShortText | None = None
    notes: LongText | None = None

    @field_validator("until")
    @classmethod
    def _until_after_since(cls, value: date | None, info: ValidationInfo) -> date | None:
        since = info.data.get("since")
        if value is not None and since is not None and value < since:
            raise ValueError("must not be before since")
        return value

    @field_validator(*ORG_ONLY_ATTRIBUTES)
    @classmethod
    def _membership_only(cls, value: object, info: ValidationInfo) -> object:
        if value is not None and info.data.get("type") not in _MEMBERSHIP_TYPES:
            raise ValueError("only allowed on WORKS_AT and MEMBER_OF relationships")
        return value

    @property
    def key(self) -> RelationshipKey:
        return RelationshipKey.model_construct(
            source=self.source, type=self.type, target=self.target
        )


class Interaction(_Model):
    """A dated contact between people, optionally about one organisation."""

    id: Id
    date: date
    channel: Channel = Channel.OTHER
    participants: list[Id] = Field(min_length=1, max_length=500)
    organization: Id | None = None
    sentiment: Sentiment | None = None
    summary: LongText | None = None

    @field_validator("participants")
    @classmethod
    def _unique_participants(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("participants must not repeat")
        return value


class Network(_Model):
    """People, organisations, relationships and interactions: an import document, a snapshot, a batch."""

    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)
    interactions: list[Interaction] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "people": len(self.people),
            "organizations": len(self.organizations),
            "relationships": len(self.relationships),
            "interactions": len(self.interactions),
        }

    def is_empty(self) -> bool:
        return not any(self.counts().values())


def endpoint_problem(
    rel: RelationshipKey, source: NodeType | None, target: NodeType | None
) -> tuple[str, str] | None:
    """Say which endpoint of a relationship does not fit its type, as ``(field, reason)``; None if both fit.

    ``source`` and ``target`` are the node types found for the two ids (None: no such node).
    """
    allowed_src, allowed_dst = ENDPOINTS[rel.type]
    for side, node_id, found, allowed in (
        ("source", rel.source, source, allowed_src),
        ("target", rel.target, target, allowed_dst),
    ):
        if found is None:
            return side, f"{node_id!r} is not a known person or organisation"
        if found not in allowed:
            wanted = " or ".join(sorted(t.value for t in allowed))
            return (
                side,
                f"{rel.type.value} needs a {wanted} as {side}; {node_id!r} is a {found.value}",
            )
    return None
