"""Which nodes and ties a map shows: the filters of :class:`~relgraph.maps.options.MapOptions` and the node cap.

Every filter gives a set of nodes and the map shows the nodes in all of them, with the ties among them:

* ``focus`` + ``depth``: the nodes at most ``depth`` steps from the focus (steps along the ties that pass
  ``min_strength``);
* ``organization``: the organisation, its people (``WORKS_AT``/``MEMBER_OF``) and every node tied to one of them;
* ``community``: the community's members and the organisations they belong to;
* ``min_strength``: drops person–person ties weaker than it (memberships, strength aside, always stay).

Above ``max_nodes`` the map keeps the most important nodes (:func:`relgraph.analysis.weak_links.importance`:
a person's key-contact score, an organisation's value and role), always keeping the focus and the organisation,
and counts what it left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from relgraph.analysis.communities import communities
from relgraph.analysis.weak_links import importance
from relgraph.errors import NotFoundError
from relgraph.maps.options import MapOptions
from relgraph.projection import MEMBER, Projection

__all__ = ["Selection", "map_importance", "select"]


@dataclass(frozen=True)
class Selection:
    """The nodes and ties a map shows, and how many matched the filters before the node cap."""

    nodes: list[str]
    edges: list[tuple[str, str]]
    matched_nodes: int
    matched_edges: int
    omitted_people: int
    omitted_organizations: int

    @property
    def omitted_nodes(self) -> int:
        """People and organisations that passed the filters but fell to the node cap."""
        return self.omitted_people + self.omitted_organizations

    @property
    def omitted_edges(self) -> int:
        """Ties among the matched nodes that are not drawn (an end fell to the node cap)."""
        return self.matched_edges - len(self.edges)


def map_importance(projection: Projection) -> dict[str, float]:
    """Importance in [0, 1] of every node (computed once per projection)."""
    return projection.memo("map:importance", lambda: importance(projection))


def _filtered_graph(projection: Projection, min_strength: float) -> nx.Graph:
    graph = projection.graph
    if min_strength <= 0:
        return graph

    def keep(u: str, v: str) -> bool:
        edge = graph.edges[u, v]
        return bool(edge["status"] == MEMBER or edge["strength"] >= min_strength)

    return nx.subgraph_view(graph, filter_edge=keep)


def _around(graph: nx.Graph, focus: str, depth: int) -> set[str]:
    if focus not in graph:
        raise NotFoundError(f"no person or organisation with id {focus!r}")
    return set(nx.single_source_shortest_path_length(graph, focus, cutoff=depth))


def _organization(projection: Projection, graph: nx.Graph, organization: str) -> set[str]:
    if organization not in projection.organizations:
        raise NotFoundError(f"no organisation with id {organization!r}")
    members = projection.members_of(organization)
    chosen = {organization, *members}
    for member in members:
        chosen.update(graph[member])
    return chosen


def _community(projection: Projection, community: int, seed: int) -> set[str]:
    found = projection.memo(f"map:communities:{seed}", lambda: communities(projection, seed=seed))
    for item in found:
        if item.id == community:
            places = (
                m.organization for p in item.members for m in projection.memberships.get(p, [])
            )
            return {*item.members, *places}
    known = f"ids 0 to {len(found) - 1}" if found else "none"
    raise NotFoundError(f"no community with id {community} (communities: {known})")


def _matching(projection: Projection, graph: nx.Graph, options: MapOptions) -> set[str]:
    chosen: set[str] = set(graph)
    if options.focus is not None:
        chosen &= _around(graph, options.focus, options.depth)
    if options.organization is not None:
        chosen &= _organization(projection, graph, options.organization)
    if options.community is not None:
        chosen &= _community(projection, options.community, options.seed)
    return chosen


def select(projection: Projection, options: MapOptions) -> Selection:
    """The nodes (most important first) and ties the map shows. Unknown ids raise :class:`NotFoundError`."""
    graph = _filtered_graph(projection, options.min_strength)
    chosen = _matching(projection, graph, options)
    weight = map_importance(projection)
    ranked = sorted(chosen, key=lambda n: (-weight.get(n, 0.0), n))
    pinned = [n for n in (options.focus, options.organization) if n is not None and n in chosen]
    kept = list(dict.fromkeys([*pinned, *ranked]))[: options.max_nodes]
    kept.sort(key=lambda n: (-weight.get(n, 0.0), n))
    kept_set = set(kept)
    matched_edges = graph.subgraph(chosen).number_of_edges()
    edges = sorted((u, v) if u < v else (v, u) for u, v in graph.subgraph(kept_set).edges())
    dropped = chosen - kept_set
    people = sum(1 for n in dropped if n in projection.people)
    return Selection(
        nodes=kept,
        edges=edges,
        matched_nodes=len(chosen),
        matched_edges=matched_edges,
        omitted_people=people,
        omitted_organizations=len(dropped) - people,
    )
