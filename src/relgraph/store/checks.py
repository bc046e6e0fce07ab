"""Integrity checks of a batch against what a store already holds; shared by every backend and the importer.

Pydantic checks one record at a time; these checks need the whole batch and the store: duplicate ids,
an id used for two node types, relationship endpoints of the wrong type, interactions naming unknown people.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import Literal

from relgraph.errors import ConflictError, InvalidInputError, ReferenceError_
from relgraph.model import ENDPOINTS, Network, NodeType, endpoint_problem

__all__ = [
    "BatchProblem",
    "batch_node_types",
    "batch_problems",
    "raise_for_problems",
    "referenced_ids",
]

Section = Literal["people", "organizations", "relationships", "interactions"]


@dataclass(frozen=True, slots=True)
class BatchProblem:
    """A problem with record ``index`` (0-based) of ``section`` of a batch."""

    kind: Literal["duplicate", "conflict", "reference"]
    section: Section
    index: int
    field: str
    reason: str
    #: For duplicates: the index of the earlier record with the same identity.
    other: int | None = None
    #: For references: the id that could not be resolved.
    ref: str | None = None


#: Every (type, source type, target type) that ENDPOINTS allows: one set lookup checks a relationship.
_FITS = frozenset(
    (rel_type, source, target)
    for rel_type, (sources, targets) in ENDPOINTS.items()
    for source in sources
    for target in targets
)


def batch_node_types(batch: Network) -> dict[str, NodeType]:
    """The node type of every person and organisation id in the batch (organisations win a clash)."""
    types = dict.fromkeys([p.id for p in batch.people], NodeType.PERSON)
    types.update(dict.fromkeys([o.id for o in batch.organizations], NodeType.ORGANIZATION))
    return types


def referenced_ids(batch: Network) -> set[str]:
    """Every person or organisation id the batch names, as a node or as a reference."""
    ids = set(batch_node_types(batch))
    ids.update([rel.source for rel in batch.relationships])
    ids.update([rel.target for rel in batch.relationships])
    ids.update(chain.from_iterable([i.participants for i in batch.interactions]))
    ids.update([i.organization for i in batch.interactions if i.organization])
    return ids


def batch_problems(batch: Network, stored: Mapping[str, NodeType]) -> list[BatchProblem]:
    """Check a batch against the node types already ``stored`` (id → type, for the ids it references)."""
    problems = list(_duplicates_and_conflicts(batch, stored))
    known = {**stored, **batch_node_types(batch)}
    get = known.get
    for i, rel in enumerate(batch.relationships):
        if (rel.type, get(rel.source), get(rel.target)) in _FITS:
            continue  # the common case, without building a message
        problem = endpoint_problem(rel, get(rel.source), get(rel.target))
        if problem:
            field, reason = problem
            ref = rel.source if field == "source" else rel.target
            problems.append(BatchProblem("reference", "relationships", i, field, reason, ref=ref))
    people = {node_id for node_id, node_type in known.items() if node_type is NodeType.PERSON}
    for i, interaction in enumerate(batch.interactions):
        if not people.issuperset(interaction.participants):
            problems.extend(_participant_problems(i, interaction.participants, known))
        org = interaction.organization
        if org is not None and get(org) is not NodeType.ORGANIZATION:
            reason = f"{org!r} is not a known organisation"
            problems.append(
                BatchProblem("reference", "interactions", i, "organization", reason, ref=org)
            )
    return problems


def _participant_problems(
    index: int, participants: list[str], known: Mapping[str, NodeType]
) -> Iterator[BatchProblem]:
    for person_id in participants:
        if known.get(person_id) is not NodeType.PERSON:
            reason = f"{person_id!r} is not a known person"
            yield BatchProblem(
                "reference", "interactions", index, "participants", reason, ref=person_id
            )


def _duplicates_and_conflicts(
    batch: Network, stored: Mapping[str, NodeType]
) -> Iterator[BatchProblem]:
    seen: dict[str, tuple[Section, int]] = {}
    sections: tuple[tuple[Section, NodeType, list[str]], ...] = (
        ("people", NodeType.PERSON, [p.id for p in batch.people]),
        ("organizations", NodeType.ORGANIZATION, [o.id for o in batch.organizations]),
    )
    for section, node_type, ids in sections:
        for i, node_id in enumerate(ids):
            if node_id in seen:
                other_section, other = seen[node_id]
                if other_section == section:
                    yield BatchProblem("duplicate", section, i, "id", "duplicate id", other)
                else:
                    other_type = "person" if other_section == "people" else "organisation"
                    reason = f"{node_id!r} is also the id of a {other_type} in this batch"
                    yield BatchProblem("conflict", section, i, "id", reason)
                continue
            seen[node_id] = (section, i)
            stored_type = stored.get(node_id)
            if stored_type is not None and stored_type is not node_type:
                reason = f"{node_id!r} is already a {stored_type.value}"
                yield BatchProblem("conflict", section, i, "id", reason)
    rel_keys = [(rel.source, rel.type, rel.target) for rel in batch.relationships]
    if len(set(rel_keys)) < len(rel_keys):  # only then find which ones, with their messages
        yield from _duplicate_relationships(batch)
    interaction_ids = [interaction.id for interaction in batch.interactions]
    if len(set(interaction_ids)) < len(interaction_ids):
        yield from _duplicate_interactions(batch)


def _duplicate_relationships(batch: Network) -> Iterator[BatchProblem]:
    rel_seen: dict[tuple[str, str, str], int] = {}
    for i, rel in enumerate(batch.relationships):
        key = (rel.source, rel.type.value, rel.target)
        if key in rel_seen:
            reason = f"duplicate relationship {rel.source} -{rel.type.value}-> {rel.target}"
            yield BatchProblem("duplicate", "relationships", i, "source", reason, rel_seen[key])
        rel_seen.setdefault(key, i)


def _duplicate_interactions(batch: Network) -> Iterator[BatchProblem]:
    ix_seen: dict[str, int] = {}
    for i, interaction in enumerate(batch.interactions):
        if interaction.id in ix_seen:
            other = ix_seen[interaction.id]
            yield BatchProblem("duplicate", "interactions", i, "id", "duplicate id", other)
        ix_seen.setdefault(interaction.id, i)


def raise_for_problems(problems: list[BatchProblem]) -> None:
    """Raise the library error that fits the first problem of each kind; do nothing if there are none."""
    if not problems:
        return
    text = "; ".join(_describe(p) for p in problems[:20])
    if len(problems) > 20:
        text += f"; and {len(problems) - 20} more"
    kinds = {p.kind for p in problems}
    if "conflict" in kinds:
        raise ConflictError(text)
    if "reference" in kinds:
        raise ReferenceError_(text)
    raise InvalidInputError(text)


def _describe(problem: BatchProblem) -> str:
    where = f"{problem.section}[{problem.index}].{problem.field}"
    also = "" if problem.other is None else f" (also {problem.section}[{problem.other}])"
    return f"{where}: {problem.reason}{also}"
