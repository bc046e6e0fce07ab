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


def _hop(u: str, v: str, data: dict[str, float]) -> float:
    return 1.0


def _reach(graph: nx.Graph, sources: set[str], max_hops: int) -> tuple[set[str], dict[str, float]]:
    """Nodes within ``max_hops`` of any source, and the best-route strength to every reachable node."""
    starts = {s for s in sources if s in graph}
    if not starts:
        return set(), {}
    hops = nx.multi_source_dijkstra_path_length(graph, starts, cutoff=max_hops, weight=_hop)
    lengths = nx.multi_source_dijkstra_path_length(graph, starts, weight="distance")
    return set(hops), {n: math.exp(-d) for n, d in lengths.items()}


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
    # Views, not copies: the graph is left as it is and nothing is duplicated.
    gone_tie = {remove_tie, remove_tie[::-1]} if remove_tie is not None else set()
    changed = nx.subgraph_view(
        graph,
        filter_node=lambda n: n != remove_person,
        filter_edge=lambda a, b: (a, b) not in gone_tie,
    )
    after, strength_after = _reach(changed, sources - {remove_person}, max_hops)
    removed = [remove_person] if remove_person is not None else []
    removed.extend(remove_tie or ())
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
