"""What-if: someone leaves, or a tie breaks — what reach do we lose?

Reach is measured from all our people (less the one who leaves) over the analysis graph: who and what lies within
``max_hops`` ties, and the strength of our best route (product of tie strengths) to each key contact. The result lists
the key contacts and organisations we can no longer reach, and the key contacts whose best route weakens by at least
half.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import igraph

from relgraph.analysis._graphs import Indexed, indexed
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


def _reach(
    graph: igraph.Graph, nodes: list[str], sources: list[int], max_hops: int
) -> tuple[set[str], dict[str, float]]:
    """Nodes within ``max_hops`` of any source, and the best-route strength to every reachable node.

    ``graph`` (vertex ``i`` is ``nodes[i]``; changed: pass a copy) gets a virtual root tied to the sources at
    length 0, so one breadth-first search and one Dijkstra from it (igraph, in C) give the multi-source hop counts
    and lengths.

    Examples
    --------
    >>> g = igraph.Graph(n=3, edges=[(0, 1), (1, 2)])
    >>> g.es["distance"] = [0.5, 0.5]
    >>> within, strength = _reach(g, ["a", "b", "c"], [0], max_hops=1)
    >>> sorted(within), round(strength["c"], 4)
    (['a', 'b'], 0.3679)
    """
    if not sources:
        return set(), {}
    root = graph.vcount()
    graph.add_vertices(1)
    graph.add_edges([(root, s) for s in sources], attributes={"distance": [0.0] * len(sources)})
    hops = graph.distances(source=[root])[0][:root]
    lengths = graph.distances(source=[root], weights="distance")[0][:root]
    # max_hops + 1: the hop from the root counts too.
    within = {nodes[i] for i, h in enumerate(hops) if h <= max_hops + 1}
    return within, {nodes[i]: math.exp(-d) for i, d in enumerate(lengths) if d != math.inf}


def _without(ig: Indexed, person: str | None, tie: tuple[str, str] | None) -> igraph.Graph:
    """A copy of the graph without the person's ties and without the tie (vertex numbers kept)."""
    graph = ig.graph.copy()
    gone = set(graph.incident(ig.index[person])) if person is not None else set()
    if tie is not None:
        gone.add(graph.get_eid(ig.index[tie[0]], ig.index[tie[1]]))
    graph.delete_edges(sorted(gone))
    return graph


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
    ig = indexed(projection)
    sources = sorted(ig.index[s] for s in projection.internal)
    before, strength_before = _reach(ig.graph.copy(), ig.nodes, sources, max_hops)
    # The person stays a vertex, without ties: igraph's vertex numbers stay as they are.
    changed = _without(ig, remove_person, remove_tie)
    kept = [s for s in sources if ig.nodes[s] != remove_person]
    after, strength_after = _reach(changed, ig.nodes, kept, max_hops)
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
