"""Interactive network maps: pyvis builds them, relgraph's own template renders them offline and escaped.

>>> from datetime import date
>>> from relgraph.model import Network, Person, Relationship
>>> from relgraph.projection import project
>>> net = Network(
...     people=[Person(id="a", name="<b>A</b>"), Person(id="b", name="B")],
...     relationships=[Relationship(source="a", target="b", type="KNOWS", strength=0.9)],
... )
>>> m = build_map(project(net, as_of=date(2026, 1, 1)), MapOptions())
>>> len(m.nodes), len(m.edges), m.note
(2, 1, None)
>>> page = render_html(m, asset_base="/static")
>>> "<b>A</b>" in page.html
False
>>> page.content_security_policy.startswith("default-src 'none'")
True

Public surface: :class:`MapOptions`, :func:`build_map`, :func:`organization_map`, :func:`person_map`,
:class:`NetworkMap`, :func:`render_html`, :class:`RenderedMap` and :data:`STATIC_DIR` (the assets the API
mounts at ``/static``).
"""

from __future__ import annotations

from relgraph.maps.build import NetworkMap, build_map, organization_map, person_map
from relgraph.maps.options import MAX_DEPTH, MAX_NODES_LIMIT, ColorBy, MapOptions
from relgraph.maps.render import (
    STATIC_DIR,
    TEMPLATE_DIR,
    RenderedMap,
    content_security_policy,
    json_for_html,
    render_html,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_NODES_LIMIT",
    "STATIC_DIR",
    "TEMPLATE_DIR",
    "ColorBy",
    "MapOptions",
    "NetworkMap",
    "RenderedMap",
    "build_map",
    "content_security_policy",
    "json_for_html",
    "organization_map",
    "person_map",
    "render_html",
]
