"""Every validation rule of the vocabulary has a case that fails and a case that passes."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from relgraph.model import (
    Interaction,
    NodeType,
    Organization,
    Person,
    Relationship,
    RelationshipKey,
    RelType,
    endpoint_problem,
)


def _error_fields(exc: ValidationError) -> set[str]:
    return {".".join(str(p) for p in e["loc"]) for e in exc.errors()}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"id": "", "name": "A"}, "id"),
        ({"id": "x" * 129, "name": "A"}, "id"),
        ({"id": " p1", "name": "A"}, "id"),
        ({"id": "a;b", "name": "A"}, "id"),
        ({"id": "p1", "name": "   "}, "name"),
        ({"id": "p1", "name": "A\x00B"}, "name"),
        ({"id": "p1", "name": "A", "influence": 0}, "influence"),
        ({"id": "p1", "name": "A", "influence": 6}, "influence"),
        ({"id": "p1", "name": "A", "interest": 6}, "interest"),
        ({"id": "p1", "name": "A", "stance": 3}, "stance"),
        ({"id": "p1", "name": "A", "stance": -3}, "stance"),
        ({"id": "p1", "name": "A", "email": "not an email"}, "email"),
        ({"id": "p1", "name": "A", "phone": "call me"}, "phone"),
        ({"id": "p1", "name": "A", "internal": "maybe"}, "internal"),
        ({"id": "p1", "name": "A", "tags": ["ok", "bad;tag"]}, "tags.1"),
        ({"id": "p1", "name": "A", "salary": 10}, "salary"),
    ],
)
def test_person_rejects(values: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        Person.model_validate(values)
    assert field in _error_fields(info.value)


def test_person_accepts_full_record_and_normalises_tags() -> None:
    person = Person(
        id="p-1", name="  Zoë Ångström ", email="zoe@example.org", phone="+44 20 7946 0000",
        internal=True, influence=5, interest=1, stance=-2, tags=["b", "a", "b"], notes="line 1\nline 2",
    )  # fmt: skip
    assert person.name == "Zoë Ångström"
    assert person.tags == ["a", "b"]
    assert person.stance == -2


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"id": "o", "name": "O", "kind": "church"}, "kind"),
        ({"id": "o", "name": "O", "roles": ["client", "friend"]}, "roles.1"),
        ({"id": "o", "name": "O", "value": -1}, "value"),
        ({"id": "o", "name": "O", "value": float("inf")}, "value"),
        ({"id": "o", "name": "O", "stance": 5}, "stance"),
    ],
)
def test_organization_rejects(values: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        Organization.model_validate(values)
    assert field in _error_fields(info.value)


def test_organization_roles_are_a_sorted_set() -> None:
    org = Organization(
        id="o", name="O", kind="municipality", roles=["regulator", "client", "client"]
    )
    assert [r.value for r in org.roles] == ["client", "regulator"]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"source": "a", "target": "b", "type": "LIKES"}, "type"),
        ({"source": "a", "target": "a", "type": "KNOWS"}, "target"),
        ({"source": "a", "target": "b", "type": "KNOWS", "strength": 1.5}, "strength"),
        ({"source": "a", "target": "b", "type": "KNOWS", "strength": -0.1}, "strength"),
        ({"source": "a", "target": "b", "type": "KNOWS", "sentiment": -1.01}, "sentiment"),
        ({"source": "a", "target": "b", "type": "KNOWS", "since": "2024-13-01"}, "since"),
        (
            {
                "source": "a",
                "target": "b",
                "type": "KNOWS",
                "since": "2024-05-01",
                "until": "2024-04-30",
            },
            "until",
        ),
        (
            {"source": "a", "target": "b", "type": "KNOWS", "decision_role": "blocker"},
            "decision_role",
        ),
        ({"source": "a", "target": "b", "type": "SUPPLIES", "title": "CEO"}, "title"),
        ({"source": "a", "target": "b", "type": "WORKS_AT", "seniority": "intern"}, "seniority"),
        ({"source": "", "target": "b", "type": "KNOWS"}, "source"),
    ],
)
def test_relationship_rejects(values: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        Relationship.model_validate(values)
    assert field in _error_fields(info.value)


@pytest.mark.parametrize("rel_type", ["KNOWS", "PARTNERS_WITH", "COMPETES_WITH"])
def test_symmetric_types_are_stored_once(rel_type: str) -> None:
    forward = Relationship(source="a", target="b", type=rel_type)
    backward = Relationship(source="b", target="a", type=rel_type)
    assert forward.key == backward.key
    assert (backward.source, backward.target) == ("a", "b")


def test_directed_types_keep_their_direction() -> None:
    rel = Relationship(source="b", target="a", type="REPORTS_TO")
    assert (rel.source, rel.target) == ("b", "a")
    assert RelationshipKey(source="b", type="INFLUENCES", target="a").source == "b"


PER, ORG = NodeType.PERSON, NodeType.ORGANIZATION


@pytest.mark.parametrize(
    ("rel_type", "source", "target", "bad_side"),
    [
        ("WORKS_AT", PER, ORG, None),
        ("WORKS_AT", ORG, ORG, "source"),
        ("WORKS_AT", PER, PER, "target"),
        ("MEMBER_OF", PER, ORG, None),
        ("KNOWS", PER, ORG, "target"),
        ("REPORTS_TO", ORG, PER, "source"),
        ("INFLUENCES", PER, PER, None),
        ("SUPPLIES", ORG, ORG, None),
        ("SUPPLIES", PER, ORG, "source"),
        ("OWNS", ORG, PER, "target"),
        ("REGULATES", ORG, ORG, None),
        ("COMPETES_WITH", ORG, PER, "target"),
        ("REFERRED", PER, ORG, None),
        ("REFERRED", ORG, PER, None),
        ("KNOWS", PER, None, "target"),
    ],
)
def test_endpoint_types(
    rel_type: str, source: NodeType, target: NodeType | None, bad_side: str | None
) -> None:
    key = RelationshipKey(source="s", target="t", type=RelType(rel_type))
    problem = endpoint_problem(key, source, target)
    assert (problem[0] if problem else None) == bad_side


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"id": "i", "date": "2025-02-30", "participants": ["a"]}, "date"),
        ({"id": "i", "date": "yesterday", "participants": ["a"]}, "date"),
        ({"id": "i", "date": "2025-02-01", "participants": []}, "participants"),
        ({"id": "i", "date": "2025-02-01", "participants": ["a", "a"]}, "participants"),
        ({"id": "i", "date": "2025-02-01", "participants": ["a"], "channel": "pigeon"}, "channel"),
        ({"id": "i", "date": "2025-02-01", "participants": ["a"], "sentiment": 2}, "sentiment"),
    ],
)
def test_interaction_rejects(values: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        Interaction.model_validate(values)
    assert field in _error_fields(info.value)


def test_models_are_immutable() -> None:
    person = Person(id="p", name="P")
    with pytest.raises(ValidationError):
        person.name = "Q"  # type: ignore[misc]
