"""Tiny networks for the analysis tests, all seen on one fixed date so that every answer is deterministic."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from relgraph.analysis.strength import TieParameters
from relgraph.model import (
    Channel,
    Interaction,
    Network,
    Organization,
    Person,
    Relationship,
    RelType,
)
from relgraph.projection import Projection, project

#: The date every test looks at its network on.
AS_OF = date(2026, 6, 30)


def days_ago(n: int) -> date:
    return AS_OF - timedelta(days=n)


def person(pid: str, **fields: Any) -> Person:
    return Person(id=pid, name=fields.pop("name", pid.upper()), **fields)


def ours(pid: str, **fields: Any) -> Person:
    """One of our own people."""
    return person(pid, internal=True, **fields)


def org(oid: str, *roles: str, kind: str = "company", **fields: Any) -> Organization:
    return Organization(
        id=oid, name=fields.pop("name", oid.upper()), kind=kind, roles=list(roles), **fields
    )


def tie(
    a: str,
    b: str,
    strength: float | None = None,
    type: RelType | str = RelType.KNOWS,
    **fields: Any,
) -> Relationship:
    return Relationship(source=a, target=b, type=type, strength=strength, **fields)


def works_at(
    pid: str,
    oid: str,
    decision_role: str | None = None,
    seniority: str | None = None,
    type: RelType | str = RelType.WORKS_AT,
    **fields: Any,
) -> Relationship:
    return Relationship(
        source=pid,
        target=oid,
        type=type,
        decision_role=decision_role,
        seniority=seniority,
        **fields,
    )


_counter = iter(range(1_000_000))


def meet(
    ago: int,
    *participants: str,
    channel: Channel | str = Channel.MEETING,
    sentiment: float | None = None,
    organization: str | None = None,
) -> Interaction:
    return Interaction(
        id=f"i{next(_counter)}",
        date=days_ago(ago),
        channel=channel,
        participants=list(participants),
        sentiment=sentiment,
        organization=organization,
    )


def network(
    people: list[Person] | None = None,
    organizations: list[Organization] | None = None,
    relationships: list[Relationship] | None = None,
    interactions: list[Interaction] | None = None,
) -> Network:
    return Network(
        people=people or [],
        organizations=organizations or [],
        relationships=relationships or [],
        interactions=interactions or [],
    )


def projected(net: Network, **params: Any) -> Projection:
    """The analysis graph of ``net`` on :data:`AS_OF` (``params`` override :class:`TieParameters`)."""
    return project(net, as_of=AS_OF, params=TieParameters(**params) if params else None)


def chain(*ids: str, strength: float | None = None) -> list[Relationship]:
    """KNOWS ties along a path a–b–c–…, all with the same stated strength."""
    return [tie(a, b, strength) for a, b in itertools.pairwise(ids)]
