"""The projection's graph is built without NetworkX's per-edge copies, and is the graph ``add_edges_from`` builds.

``projection._add_edges`` puts each edge's attribute dict straight into the adjacency; this holds it to NetworkX's own
``add_edges_from`` on generated networks (edges in the same order, a person–organisation pair named twice updated in
place), and checks that the generated network's projection has every edge attribute once per edge.
"""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

import relgraph.projection as projection
from relgraph.generate import generate_network
from relgraph.model import Network, Organization, Person, Relationship
from relgraph.projection import project

AS_OF = date(2026, 1, 15)


def _adjacency(graph: nx.Graph) -> list[tuple[str, list[tuple[str, dict[str, object]]]]]:
    return [(node, list(neighbours.items())) for node, neighbours in graph.adjacency()]


def _with_networkx_add_edges(monkeypatch: pytest.MonkeyPatch, network: Network) -> nx.Graph:
    with monkeypatch.context() as patch:
        patch.setattr(projection, "_add_edges", lambda graph, edges: graph.add_edges_from(edges))
        return project(network, as_of=AS_OF).graph


@pytest.mark.parametrize("seed", [3, 4])
def test_the_graph_is_the_one_add_edges_from_builds(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    network = generate_network(300, seed=seed, today=AS_OF)
    ours = project(network, as_of=AS_OF).graph
    reference = _with_networkx_add_edges(monkeypatch, network)
    assert nx.utils.graphs_equal(ours, reference)
    assert list(ours.nodes(data=True)) == list(reference.nodes(data=True))
    assert _adjacency(ours) == _adjacency(reference)  # the same order: tie-breaks rest on it
    # Each edge is one dict shared by both directions, as NetworkX keeps it.
    assert all(ours.adj[u][v] is ours.adj[v][u] for u, v in ours.edges())


def test_a_pair_named_twice_is_updated_in_place_as_networkx_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Ann works at and is a member of the same club: one edge, its attributes from the relationship that comes later
    # in the projection's order (source, type, target): WORKS_AT after MEMBER_OF.
    network = Network(
        people=[Person(id="ann", name="Ann"), Person(id="bob", name="Bob")],
        organizations=[Organization(id="club", name="Club", kind="community_group")],
        relationships=[
            Relationship(source="ann", target="club", type="WORKS_AT", strength=0.4),
            Relationship(source="ann", target="club", type="MEMBER_OF", strength=0.9),
            Relationship(source="bob", target="ann", type="KNOWS"),
        ],
    )
    ours = project(network, as_of=AS_OF).graph
    reference = _with_networkx_add_edges(monkeypatch, network)
    assert _adjacency(ours) == _adjacency(reference)
    assert ours.edges["ann", "club"]["strength"] == 0.4
    assert ours.edges["ann", "club"]["kinds"] == ["WORKS_AT"]
