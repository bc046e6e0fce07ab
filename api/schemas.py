"""Request and response bodies, kept apart from the storage models in :mod:`relgraph.model`.

Each resource has a *Create* body (every field; unknown fields are rejected, so nothing can be
mass-assigned), a *Patch* body (every field optional; only the fields sent are changed) and an *Out* body.
They are derived from the vocabulary's models field by field, so constraints and descriptions stay in one
place; the merged record is validated again by the storage model before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model

from relgraph.model import Interaction, Organization, Person, Relationship

__all__ = [
    "EXAMPLES",
    "ImportDocument",
    "InteractionCreate",
    "InteractionOut",
    "InteractionPatch",
    "OrganizationCreate",
    "OrganizationOut",
    "OrganizationPatch",
    "PageOut",
    "PersonCreate",
    "PersonOut",
    "PersonPatch",
    "RelationshipCreate",
    "RelationshipOut",
    "RelationshipPatch",
]

T = TypeVar("T")

EXAMPLES: dict[str, dict[str, Any]] = {
    "Person": {
        "id": "p-anna-berg", "name": "Anna Berg", "title": "CFO", "email": "anna.berg@client.example",
        "internal": False, "influence": 5, "interest": 3, "stance": 1, "tags": ["finance"],
    },
    "Organization": {
        "id": "o-harbour", "name": "Harbour Logistics", "kind": "company", "roles": ["client"],
        "sector": "logistics", "region": "North", "country": "NO", "value": 250000, "influence": 4,
    },
    "Relationship": {
        "source": "p-anna-berg", "type": "WORKS_AT", "target": "o-harbour", "title": "CFO",
        "decision_role": "decision_maker", "seniority": "executive", "strength": 0.7,
    },
    "Interaction": {
        "id": "i-2026-11-02-kickoff", "date": "2026-11-02", "channel": "meeting",
        "participants": ["p-anna-berg", "p-our-kam"], "organization": "o-harbour", "sentiment": 0.5,
        "summary": "Kick-off for the 2027 framework agreement",
    },
}  # fmt: skip


def _derive(model: type[BaseModel], suffix: str, *, partial: bool = False,
            exclude: Iterable[str] = (), forbid_extra: bool = True) -> type[BaseModel]:  # fmt: skip
    name = model.__name__
    fields: dict[str, Any] = {}
    for field_name, info in model.model_fields.items():
        if field_name in exclude:
            continue
        if partial:
            fields[field_name] = (
                Optional[info.annotation],  # noqa: UP045 - built at run time from a type object
                Field(default=None, description=info.description),
            )
        else:
            fields[field_name] = (info.annotation, info)
    example = {k: v for k, v in EXAMPLES[name].items() if k not in exclude}
    if partial:
        example = {k: example[k] for k in list(example)[2:4]}
    config = ConfigDict(extra="forbid" if forbid_extra else "ignore",
                        json_schema_extra={"examples": [example]})  # fmt: skip
    derived: type[BaseModel] = create_model(f"{name}{suffix}", __config__=config, **fields)
    derived.__doc__ = f"{model.__doc__ or name} ({suffix.lower()} body)"
    return derived


PersonCreate = _derive(Person, "Create")
PersonPatch = _derive(Person, "Patch", partial=True, exclude={"id"})
PersonOut = _derive(Person, "Out", forbid_extra=False)
OrganizationCreate = _derive(Organization, "Create")
OrganizationPatch = _derive(Organization, "Patch", partial=True, exclude={"id"})
OrganizationOut = _derive(Organization, "Out", forbid_extra=False)
RelationshipCreate = _derive(Relationship, "Create")
RelationshipPatch = _derive(
    Relationship, "Patch", partial=True, exclude={"source", "type", "target"}
)
RelationshipOut = _derive(Relationship, "Out", forbid_extra=False)
InteractionCreate = _derive(Interaction, "Create")
InteractionPatch = _derive(Interaction, "Patch", partial=True, exclude={"id"})
InteractionOut = _derive(Interaction, "Out", forbid_extra=False)


class PageOut(BaseModel, Generic[T]):
    """One page of a list: ``items``, the ``total`` number of matches, and the paging used."""

    items: list[T]
    total: int
    limit: int
    offset: int


class ImportDocument(BaseModel):
    """The import document: the same four lists as an import JSON file (field names as in the CSV headers).

    Rows are checked one by one; every problem is reported (``details``: section, row, field, reason) and
    nothing is written unless every row is valid.
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{
            "people": [{"id": "p-anna-berg", "name": "Anna Berg", "organization": "o-harbour",
                        "decision_role": "decision_maker"}],
            "organizations": [{"id": "o-harbour", "name": "Harbour Logistics", "kind": "company",
                               "roles": ["client"]}],
            "relationships": [], "interactions": [],
        }]},
    )  # fmt: skip

    people: list[dict[str, Any]] = []
    organizations: list[dict[str, Any]] = []
    relationships: list[dict[str, Any]] = []
    interactions: list[dict[str, Any]] = []
