"""A readable overview of a network: what is in it and where the activity is (the demo's main job)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from relgraph.analysis.centrality import key_contacts
from relgraph.analysis.weak_links import weak_links
from relgraph.model import Network, OrgRole, RelType
from relgraph.projection import project

__all__ = ["network_summary"]


def network_summary(network: Network, *, today: date | None = None) -> dict[str, Any]:
    """Counts, organisations by kind and role, our team, and the busiest contacts of the last 90 days.

    Examples
    --------
    >>> from relgraph.model import Network, Person
    >>> network_summary(Network(people=[Person(id="a", name="A", internal=True)]))["counts"]["people"]
    1
    """
    today = today or date.today()
    people = {p.id: p for p in network.people}
    since = today - timedelta(days=90)
    recent = [i for i in network.interactions if since <= i.date <= today]
    contact_counts = Counter(
        pid for i in recent for pid in i.participants if pid in people and not people[pid].internal
    )
    own = [o for o in network.organizations if OrgRole.OWN in o.roles]
    return {
        "counts": network.counts(),
        "organizations_by_kind": dict(Counter(o.kind.value for o in network.organizations)),
        "organizations_by_role": dict(
            Counter(role.value for o in network.organizations for role in o.roles)
        ),
        "relationships_by_type": dict(Counter(r.type.value for r in network.relationships)),
        "own_organization": [o.name for o in own],
        "internal_people": sum(1 for p in network.people if p.internal),
        "interactions_last_90_days": len(recent),
        "last_interaction": max((i.date for i in network.interactions), default=None),
        "most_contacted_last_90_days": [
            {"id": pid, "name": people[pid].name, "interactions": n}
            for pid, n in contact_counts.most_common(10)
        ],
        "works_at": sum(1 for r in network.relationships if r.type is RelType.WORKS_AT),
        **_highlights(network, today),
    }


def _highlights(network: Network, today: date) -> dict[str, Any]:
    """The five key contacts and the five most severe weak links: what to look at first."""
    projection = project(network, as_of=today)
    return {
        "top_key_contacts": [
            {"id": c.id, "name": c.name, "score": c.score, "reason": c.reason}
            for c in key_contacts(projection, limit=5)
        ],
        "top_weak_links": [
            {"kind": f.kind, "severity": f.severity, "summary": f.summary}
            for f in weak_links(projection, limit=5)
        ],
    }
