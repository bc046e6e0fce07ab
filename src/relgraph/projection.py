"""The one bridge from a store's network to NetworkX graphs.

:func:`typed_multigraph` keeps everything: one node per person and organisation (attribute ``node_type``
plus every field of the record), one edge per relationship keyed by its type (attribute ``type`` plus every
field). Symmetric relationships are stored once, as in the store, from ``source`` to ``target``.
Interactions are not nodes here; analyses read them from the network directly.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from relgraph.model import SYMMETRIC_TYPES, Network, NodeType

__all__ = ["typed_multigraph"]


def typed_multigraph(network: Network) -> nx.MultiDiGraph:
    """A directed multigraph of every person, organisation and relationship in ``network``.

    Examples
    --------
    >>> from relgraph.model import Network, Person, Relationship
    >>> net = Network(
    ...     people=[Person(id="a", name="A"), Person(id="b", name="B")],
    ...     relationships=[Relationship(source="b", target="a", type="KNOWS")],
    ... )
    >>> g = typed_multigraph(net)
    >>> list(g.edges(keys=True))
    [('a', 'b', 'KNOWS')]
    >>> g.nodes["a"]["node_type"]
    'Person'
    """
    graph = nx.MultiDiGraph()
    for person in network.people:
        graph.add_node(person.id, node_type=NodeType.PERSON.value, **_fields(person.model_dump()))
    for org in network.organizations:
        graph.add_node(org.id, node_type=NodeType.ORGANIZATION.value, **_fields(org.model_dump()))
    for rel in network.relationships:
        attrs = _fields(rel.model_dump(exclude={"source", "target", "type"}))
        graph.add_edge(
            rel.source,
            rel.target,
            key=rel.type.value,
            type=rel.type.value,
            symmetric=rel.type in SYMMETRIC_TYPES,
            **attrs,
        )
    return graph


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and k != "id"}
