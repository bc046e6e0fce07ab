"""Raw records read from import files, each with its origin (file and row), turned into validated models.

Readers (CSV, JSON) yield :class:`RawRecord` dicts of strings or JSON values; :func:`build_network` validates
them with pydantic and collects every problem as an :class:`~relgraph.errors.ImportProblem` that names the file,
row, field and reason. A person's ``organization`` column becomes a ``WORKS_AT`` relationship.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, TypeAdapter, ValidationError

from relgraph.errors import ImportProblem
from relgraph.model import Interaction, Network, Organization, Person, Relationship

__all__ = [
    "COLUMNS",
    "LIST_FIELDS",
    "REQUIRED_COLUMNS",
    "ParsedImport",
    "RawRecord",
    "Section",
    "build_network",
]

Section = Literal["people", "organizations", "relationships", "interactions"]
SECTIONS: tuple[Section, ...] = ("people", "organizations", "relationships", "interactions")

#: The columns of each import file, in the order exports write them (DESIGN §4).
COLUMNS: dict[Section, tuple[str, ...]] = {
    "people": (
        "id", "name", "title", "organization", "decision_role", "seniority", "email", "phone",
        "internal", "influence", "interest", "stance", "tags", "notes",
    ),
    "organizations": (
        "id", "name", "kind", "roles", "sector", "region", "country", "value", "influence",
        "interest", "stance", "tags", "notes",
    ),
    "relationships": (
        "source", "target", "type", "strength", "sentiment", "since", "until", "title",
        "department", "decision_role", "seniority", "source_note", "notes",
    ),
    "interactions": (
        "id", "date", "channel", "participants", "organization", "sentiment", "summary",
    ),
}  # fmt: skip
REQUIRED_COLUMNS: dict[Section, tuple[str, ...]] = {
    "people": ("id", "name"),
    "organizations": ("id", "name"),
    "relationships": ("source", "target", "type"),
    "interactions": ("id", "date", "participants"),
}
#: Cells holding lists, separated by ';' in CSV.
LIST_FIELDS = frozenset({"tags", "roles", "participants"})
#: The person columns that are shorthand for a WORKS_AT relationship.
_WORKS_AT_SHORTHAND = ("organization", "decision_role", "seniority")
_WORKS_AT_SHORTHAND_SET = frozenset(_WORKS_AT_SHORTHAND)
_MODELS: dict[Section, type[BaseModel]] = {
    "people": Person,
    "organizations": Organization,
    "relationships": Relationship,
    "interactions": Interaction,
}
#: Validate a whole section in one call: the same models, without a Python round trip per record.
_LIST_ADAPTERS: dict[Section, TypeAdapter[list[Any]]] = {
    section: TypeAdapter(list[model])  # type: ignore[valid-type]
    for section, model in _MODELS.items()
}


class RawRecord(NamedTuple):
    """One record as read, before validation. ``row`` is a CSV line number or a JSON index.

    A named tuple rather than a dataclass: imports make one per row, and a tuple is the cheapest to build.
    """

    section: Section
    file: str
    row: str
    values: dict[str, Any]


@dataclass(slots=True)
class ParsedImport:
    """The validated network, the origin of each of its records, and the problems found."""

    network: Network
    #: For each record of the network: the file, the row and the raw values it came from.
    origins: dict[Section, list[tuple[str, str, dict[str, Any]]]]
    problems: list[ImportProblem] = field(default_factory=list)


def _problems_from(error: ValidationError, record: RawRecord) -> list[ImportProblem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = ".".join(str(part) for part in detail["loc"]) or "(record)"
        problems.append(ImportProblem(record.file, record.row, loc, detail["msg"]))
    return problems


def _works_at(record: RawRecord) -> tuple[dict[str, Any] | None, list[ImportProblem]]:
    """The WORKS_AT relationship a person record's shorthand columns describe, if any."""
    values = record.values
    org = values.get("organization")
    if org in (None, ""):
        stray = [
            name for name in ("decision_role", "seniority") if values.get(name) not in (None, "")
        ]
        problems = [
            ImportProblem(record.file, record.row, name, "needs an organization in the same row")
            for name in stray
        ]
        return None, problems
    rel: dict[str, Any] = {"source": values.get("id"), "target": org, "type": "WORKS_AT"}
    for name in ("decision_role", "seniority", "title"):
        if values.get(name) not in (None, ""):
            rel[name] = values[name]
    return rel, []


def build_network(records: Iterable[RawRecord]) -> ParsedImport:
    """Validate raw records into one Network, keeping each record's origin for later messages.

    Every section is first validated as one list (one call into pydantic for thousands of records). If any
    record of any section is invalid, the records are validated again one by one, exactly as before, so
    that the problems come out per record and in reading order.
    """
    records = list(records)
    values: dict[Section, list[dict[str, Any]]] = {s: [] for s in SECTIONS}
    origins: dict[Section, list[tuple[str, str, dict[str, Any]]]] = {s: [] for s in SECTIONS}
    for record in records:
        section, file, row, raw = record
        if section == "people" and not _WORKS_AT_SHORTHAND_SET.isdisjoint(raw):
            rel, shorthand_problems = _works_at(record)
            if shorthand_problems:
                return _build_one_by_one(records)
            raw = {k: v for k, v in raw.items() if k not in _WORKS_AT_SHORTHAND}
            if rel is not None:
                values["relationships"].append(rel)
                origins["relationships"].append((file, row, rel))
        values[section].append(raw)
        origins[section].append((file, row, raw))
    try:
        valid = {
            section: _LIST_ADAPTERS[section].validate_python(values[section])
            for section in SECTIONS
        }
    except ValidationError:
        return _build_one_by_one(records)
    return ParsedImport(network=_network(valid), origins=origins)


def _network(valid: dict[Section, list[Any]]) -> Network:
    return Network.model_construct(
        people=valid["people"],
        organizations=valid["organizations"],
        relationships=valid["relationships"],
        interactions=valid["interactions"],
    )


def _build_one_by_one(records: list[RawRecord]) -> ParsedImport:
    """Validate record by record, collecting every problem with its file and row."""
    valid: dict[Section, list[Any]] = {s: [] for s in SECTIONS}
    origins: dict[Section, list[tuple[str, str, dict[str, Any]]]] = {s: [] for s in SECTIONS}
    problems: list[ImportProblem] = []

    def add(section: Section, values: dict[str, Any], record: RawRecord) -> None:
        try:
            valid[section].append(_MODELS[section].model_validate(values))
            origins[section].append((record.file, record.row, values))
        except ValidationError as exc:
            problems.extend(_problems_from(exc, record))

    for record in records:
        values = record.values
        if record.section == "people":
            rel, shorthand_problems = _works_at(record)
            problems.extend(shorthand_problems)
            values = {k: v for k, v in values.items() if k not in _WORKS_AT_SHORTHAND}
            if rel is not None:
                add("relationships", rel, record)
        add(record.section, values, record)
    return ParsedImport(network=_network(valid), origins=origins, problems=problems)
