"""What-if: someone leaves, or a tie breaks — what reach do we lose?

Reach is measured from all our people (less the one who leaves) over the analysis graph: who and what lies within
``max_hops`` ties, and the strength of our best route (product of tie strengths) to each key contact. The result lists
the key contacts and organisations we can no longer reach, and the key contacts whose best route weakens by at least
half.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from relgraph.analysis.centrality import key_contacts
from relgraph.errors import NotFoundError
from relgraph.model import OrgRole
from relgraph.projection import Projection

__all__ = ["Weakened", "WhatIf", "what_if"]

_ROOT = "\x00us"


@dataclass(frozen=True, slots=True)
class Weakened:
    id: str
    name: str
    before: float
    after: float


@dataclass(frozen=True, slots=True)
class WhatIf:
    removed: list[str]
    lost_key_contacts: list[str]
    lost_organizations: list[str]
    weakened: list[Weakened]
    reach_before: int
    reach_after: int
    summary: str


def _reach(graph: nx.Graph, sources: set[str], max_hops: int) -> tuple[set[str], dict[str, float]]:
    work = nx.Graph(graph)
    work.add_edges_from(((_ROOT, s) for s in sources if s in work), distance=0.0)
    if _ROOT not in work:
        return set(), {}
    hops = nx.single_source_shortest_path_length(work, _ROOT, cutoff=max_hops + 1)
    lengths = nx.single_source_dijkstra_path_length(work, _ROOT, weight="distance")
    strength = {n: math.exp(-d) for n, d in lengths.items() if n != _ROOT}
    return set(hops) - {_ROOT}, strength


def what_if(
    projection: Projection,
    *,
    remove_person: str | None = None,
    remove_tie: tuple[str, str] | None = None,
    max_hops: int = 4,
    key_contact_count: int = 20,
) -> WhatIf:
    """Reach lost if ``remove_person`` leaves or the tie ``remove_tie`` breaks."""
    graph = projection.graph
    if remove_person is not None and remove_person not in projection.people:
        raise NotFoundError(f"no person with id {remove_person!r}")
    if remove_tie is not None and not graph.has_edge(*remove_tie):
        raise NotFoundError(f"no tie between {remove_tie[0]!r} and {remove_tie[1]!r}")
    keys = [c.id for c in key_contacts(projection, limit=key_contact_count)]
    targets = [o for o, org in projection.organizations.items() if OrgRole.OWN not in org.roles]
    sources = set(projection.internal)
    before, strength_before = _reach(graph, sources, max_hops)
    changed = nx.Graph(graph)
    removed = []
    if remove_person is not None:
        changed.remove_node(remove_person)
        sources.discard(remove_person)
        removed.append(remove_person)
    if remove_tie is not None:
        changed.remove_edge(*remove_tie)
        removed.extend(remove_tie)
    after, strength_after = _reach(changed, sources, max_hops)
    lost_keys = [k for k in keys if k in before and k not in after and k != remove_person]
    lost_orgs = [o for o in targets if o in before and o not in after]
    weakened = [
        Weakened(k, projection.people[k].name, round(strength_before[k], 4), round(strength_after.get(k, 0.0), 4))
        for k in keys
        if k in strength_before and k not in lost_keys and k != remove_person
        and strength_after.get(k, 0.0) <= 0.5 * strength_before[k]
    ]  # fmt: skip
    names = [graph.nodes[i]["name"] for i in lost_orgs + lost_keys][:5]
    summary = (
        f"we lose reach to {', '.join(names)}"
        if names
        else "no key contact or organisation is lost"
    )
    return WhatIf(removed, lost_keys, lost_orgs, weakened, len(before), len(after), summary)
