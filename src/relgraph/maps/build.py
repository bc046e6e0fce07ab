"""Build a map: select nodes and ties, style them, and lay them out with pyvis's network model.

pyvis (:class:`pyvis.network.Network`) holds the nodes, ties and vis-network options; relgraph never renders
with pyvis's own templates (they fetch vis-network and Bootstrap from CDNs and set tooltips through ``innerHTML``)
but with its own offline template (:func:`relgraph.maps.render.render_html`).

Layout: vis-network's forceAtlas2Based physics, seeded (``options.seed``), stabilised before the first paint in at
most ``clamp(200000 / nodes, 100, 500)`` steps; then the page turns physics off, so the map stays still and cheap.
Above 400 nodes ties are straight, hidden while dragging, and drawn thinner. Above 1,500 nodes the layout is
computed here instead (igraph's Fruchterman–Reingold on a grid, seeded) and the page draws it at once with
physics off: the browser's physics would take many seconds to settle thousands of nodes. Such overview maps
leave out the ties' own tooltip facts (the tooltip still names both ends), a quarter of the page's size.
"""

from __future__ import annotations

import json
import math
import random
import threading
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import igraph
from pyvis.edge import Edge  # type: ignore[import-untyped]
from pyvis.network import Network  # type: ignore[import-untyped]
from pyvis.node import Node  # type: ignore[import-untyped]

from relgraph.errors import NotFoundError
from relgraph.maps.info import edge_info, node_info, weak_link_index
from relgraph.maps.options import MapOptions
from relgraph.maps.select import Selection, map_importance, select
from relgraph.maps.style import FONT_FACE, edge_style, legend, node_style
from relgraph.projection import Projection

__all__ = ["NetworkMap", "build_map", "organization_map", "person_map"]

#: Above this many nodes the layout trades looks for speed (straight ties, fewer iterations).
_LARGE = 400
#: Above this many nodes the positions are computed on the server and the page's physics stays off.
SERVER_LAYOUT_NODES = 1500
_IGRAPH_RNG = threading.Lock()
#: vis-network's default tie label font, in its shorthand form (see ``_vis_options``); ties never show labels.
EDGE_FONT = "14px arial #343434"


@dataclass(frozen=True)
class NetworkMap:
    """A map ready to render: vis-network nodes, ties and options, its legend, and what was left out.

    ``nodes`` and ``edges`` are vis-network objects (``id``/``from``/``to``, ``label``, ``shape``, ``color``,
    ``size``, ``width``, ``dashes``, ...) with relgraph's ``category`` or ``status`` and ``info`` (the
    tooltip's facts, plain text). ``matched_*`` count what passed the filters before the node cap;
    ``note`` says in one sentence what the cap left out (None when nothing was).
    """

    title: str
    as_of: date
    options: MapOptions
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    vis_options: dict[str, Any]
    legend: dict[str, Any]
    matched_nodes: int
    matched_edges: int
    omitted_people: int
    omitted_organizations: int
    omitted_edges: int
    note: str | None

    @property
    def omitted_nodes(self) -> int:
        """People and organisations that passed the filters but fell to the node cap."""
        return self.omitted_people + self.omitted_organizations

    @property
    def summary(self) -> str:
        """One line: what the map shows, as of when."""
        people = sum(1 for n in self.nodes if n["kind"] == "person")
        orgs = len(self.nodes) - people
        return (
            f"{_count(people, 'person', 'people')}, {_count(orgs, 'organisation')} and "
            f"{_count(len(self.edges), 'tie')}, as of {self.as_of.isoformat()}"
        )

    def payload(self) -> dict[str, Any]:
        """Everything the page script needs, as JSON-ready data."""
        return {
            "title": self.title,
            "summary": self.summary,
            "note": self.note,
            "nodes": self.nodes,
            "edges": [_page_edge(edge) for edge in self.edges],
            "options": self.vis_options,
            "legend": self.legend,
            "omitted": {
                "people": self.omitted_people,
                "organizations": self.omitted_organizations,
                "edges": self.omitted_edges,
            },
        }


def _page_edge(edge: dict[str, Any]) -> dict[str, Any]:
    """A tie as the page needs it: without relgraph's ``status`` (the legend and tooltips come with the payload)
    and without vis-network's default width of 1: an eighth of a 43,000-tie map's page (7.5 MB -> 6.6 MB)."""
    return {k: v for k, v in edge.items() if k != "status" and not (k == "width" and v == 1.0)}


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


def _note(selection: Selection, cap: int) -> str | None:
    if not selection.omitted_nodes:
        return None
    return (
        f"Showing the {len(selection.nodes):,} most important of {selection.matched_nodes:,} people and "
        f"organisations (node cap {cap:,}, ranked by influence score); left out "
        f"{_count(selection.omitted_people, 'person', 'people')}, "
        f"{_count(selection.omitted_organizations, 'organisation')} and "
        f"{_count(selection.omitted_edges, 'tie')}. Narrow the map (focus, organisation, community, "
        "minimum tie strength) or raise the node cap to see more."
    )


def _vis_options(net: Network, nodes: int, edges: int, seed: int) -> dict[str, Any]:
    large = nodes > _LARGE
    net.force_atlas_2based(
        gravity=-110, central_gravity=0.01, spring_length=120, spring_strength=0.05,
        damping=0.5, overlap=0.6 if not large else 0.2,
    )  # fmt: skip
    net.options.physics.stabilization.iterations = max(100, min(500, 200_000 // max(nodes, 1)))
    net.options.physics.stabilization.updateInterval = 10
    net.options.edges.inherit_colors(False)
    net.set_edge_smooth("continuous")
    net.toggle_hide_edges_on_drag(large or edges > 2 * _LARGE)
    options: dict[str, Any] = json.loads(net.options.to_json())
    options["physics"]["minVelocity"] = 0.75
    if large:  # a coarser Barnes–Hut approximation: about a third faster per step
        options["physics"]["forceAtlas2Based"]["theta"] = 0.9
    options["edges"]["smooth"] = False if large else {"enabled": True, "type": "continuous"}
    options["edges"]["arrows"] = {"to": {"enabled": False}}
    options["edges"]["color"] = {"highlight": "#000000", "hover": "#495057", "inherit": False}
    options["edges"]["selectionWidth"] = 1.5
    # Ties carry no labels, but vis-network sets up a label font for every tie all the same. Its shorthand
    # string (its own default) spares it merging the nested font objects: a tenth of a 43,000-tie map's set-up.
    options["edges"]["font"] = EDGE_FONT
    options["layout"] = {"randomSeed": seed, "improvedLayout": nodes <= 100}
    # hover events drive relgraph's own tooltips (items carry no vis-network "title")
    options["interaction"].update(hover=True, navigationButtons=False, keyboard=False)
    options["nodes"] = {
        "font": {"color": "#212529", "strokeWidth": 4, "strokeColor": "#ffffff", "face": FONT_FACE},
        "scaling": {"label": {"drawThreshold": 6}},
    }
    return options


def _server_layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], seed: int) -> None:
    """Give every node fixed ``x``/``y`` from a seeded Fruchterman–Reingold layout (igraph, grid variant)."""
    index = {node["id"]: i for i, node in enumerate(nodes)}
    graph = igraph.Graph(n=len(nodes), edges=[(index[e["from"]], index[e["to"]]) for e in edges])
    start = random.Random(seed)
    # Start spread over a square of side sqrt(n), as igraph itself would: the grid variant is only fast
    # when the nodes start spread out over its cells.
    side = math.sqrt(len(nodes))
    initial = [[start.uniform(0, side), start.uniform(0, side)] for _ in nodes]
    with _IGRAPH_RNG:  # igraph draws from one process-wide generator: seed it for this layout only
        igraph.set_random_number_generator(random.Random(seed))
        try:
            layout = graph.layout_fruchterman_reingold(seed=initial, niter=150, grid=True)
        finally:
            igraph.set_random_number_generator(random)
    spread = 40.0 * math.sqrt(len(nodes))  # about the area vis-network's physics would give them
    xs, ys = zip(*layout.coords, strict=True)
    left, top = min(xs), min(ys)
    width, height = (max(xs) - left) or 1.0, (max(ys) - top) or 1.0
    for node, (x, y) in zip(nodes, layout.coords, strict=True):
        node["x"] = round((x - left) / width * spread * 2 - spread, 1)
        node["y"] = round((y - top) / height * spread * 2 - spread, 1)


def _pyvis_network(projection: Projection, selection: Selection, options: MapOptions) -> Network:
    weight = map_importance(projection)
    weak = weak_link_index(projection)
    pinned = {options.focus, options.organization}
    large = len(selection.nodes) > _LARGE
    # Above the server-layout size the map is an overview: ties carry no facts of their own (their tooltip
    # names the two ends), which keeps a 5,000-node page a quarter of the size.
    overview = len(selection.nodes) > SERVER_LAYOUT_NODES
    # directed=True only skips pyvis's quadratic duplicate-edge check (the selection has no duplicates);
    # the map draws no arrows.
    net = Network(directed=True)
    for node_id in selection.nodes:
        score = weight.get(node_id, 0.0)
        flags = weak.nodes.get(node_id, [])
        style = node_style(
            projection, node_id, score, options.color_by, weak=bool(flags), focus=node_id in pinned
        )
        kind = "person" if node_id in projection.people else "organization"
        label = style.pop("label")
        shape = style.pop("shape")
        info = node_info(projection, node_id, score, flags)
        # pyvis's Node, added directly: Network.add_node looks the id up in a list (quadratic in nodes).
        node = Node(
            node_id, shape, label=label, font_color=net.font_color, kind=kind, info=info, **style
        )
        net.nodes.append(node.options)
        net.node_ids.append(node_id)
        net.node_map[node_id] = node.options
    for a, b in selection.edges:
        edge = projection.graph.edges[a, b]
        flags = weak.edges.get((a, b), [])
        style = edge_style(edge["status"], edge["strength"], bool(flags), thin=large)
        # pyvis's Edge, added directly: Network.add_edge checks both ends against a list of every node id
        # (quadratic; 35 s for 4,000 nodes). The selection only holds ties between selected nodes.
        details = {} if overview else {"info": edge_info(projection, a, b, flags)}
        net.edges.append(Edge(a, b, True, **details, **style).options)
    return net


def build_map(
    projection: Projection, options: MapOptions, *, title: str | None = None
) -> NetworkMap:
    """The map of a projection under ``options`` (see :mod:`relgraph.maps.select` for the filters).

    Raises :class:`~relgraph.errors.NotFoundError` for an unknown focus, organisation or community.
    """
    selection = select(projection, options)
    net = _pyvis_network(projection, selection, options)
    nodes: list[dict[str, Any]] = list(net.nodes)
    edges: list[dict[str, Any]] = [{k: v for k, v in e.items() if k != "arrows"} for e in net.edges]
    vis_options = _vis_options(net, len(nodes), len(edges), options.seed)
    if len(nodes) > SERVER_LAYOUT_NODES:
        _server_layout(nodes, edges, options.seed)
        vis_options["physics"] = {"enabled": False}
    return NetworkMap(
        title=title or _default_title(projection, options),
        as_of=projection.as_of,
        options=options,
        nodes=nodes,
        edges=edges,
        vis_options=vis_options,
        legend=legend(
            nodes,
            edges,
            options.color_by,
            focus=bool({options.focus, options.organization} & set(selection.nodes)),
        ),
        matched_nodes=selection.matched_nodes,
        matched_edges=selection.matched_edges,
        omitted_people=selection.omitted_people,
        omitted_organizations=selection.omitted_organizations,
        omitted_edges=selection.omitted_edges,
        note=_note(selection, options.max_nodes),
    )


def _name(projection: Projection, node_id: str) -> str:
    node = projection.graph.nodes.get(node_id)
    return str(node["name"]) if node else node_id


def _default_title(projection: Projection, options: MapOptions) -> str:
    parts = []
    if options.focus is not None:
        steps = "step" if options.depth == 1 else "steps"
        parts.append(f"within {options.depth} {steps} of {_name(projection, options.focus)}")
    if options.organization is not None:
        parts.append(f"around {_name(projection, options.organization)}")
    if options.community is not None:
        parts.append(f"community {options.community}")
    if options.min_strength > 0:
        parts.append(f"ties of strength {options.min_strength:g} or more")
    return "Stakeholder network" + (": " + "; ".join(parts) if parts else "")


def organization_map(
    projection: Projection, organization_id: str, options: MapOptions | None = None
) -> NetworkMap:
    """An organisation, its people and everyone they are tied to (other filters in ``options`` still apply)."""
    org = projection.organizations.get(organization_id)
    if org is None:
        raise NotFoundError(f"no organisation with id {organization_id!r}")
    chosen = replace(options or MapOptions(), organization=organization_id)
    return build_map(projection, chosen, title=f"{org.name} and its people")


def person_map(
    projection: Projection, person_id: str, options: MapOptions | None = None
) -> NetworkMap:
    """A person's network: everyone within ``options.depth`` steps (default 2)."""
    person = projection.people.get(person_id)
    if person is None:
        raise NotFoundError(f"no person with id {person_id!r}")
    chosen = replace(options or MapOptions(), focus=person_id)
    steps = "step" if chosen.depth == 1 else "steps"
    return build_map(projection, chosen, title=f"{person.name}'s network ({chosen.depth} {steps})")
