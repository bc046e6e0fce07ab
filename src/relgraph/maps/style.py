"""How a map looks: shapes, colours, sizes, widths and the legend that explains them.

* Shape by node type: a person is a dot; an organisation a square (company), diamond (municipality or public
  authority), triangle (community group or NGO) or hexagon (other).
* Colour by kind (``color_by="kind"``): an organisation's role relative to us (ours, client, prospect, partner,
  supplier, competitor; the first that applies), else public sector (municipality, public authority or
  regulator), community (community group or NGO) or other; a person takes the colour of the organisation they
  work at (ours for our own people). Decision makers get a
  dark ring. Colour by stance (``color_by="stance"``): opponent (−2) red to champion (+2) blue, unknown pale,
  ours dark grey.
* Size by influence score (importance in [0, 1]): ``size = 10 + 30 × score``; label size grows with it too.
* Tie width by tie strength: ``width = 1 + 7 × strength`` (``1 + 3 × strength`` above 400 nodes); colour and dashes by status (cooling ties dashed orange,
  dormant dotted grey, negative red); memberships thin and pale.
* The map's focus (its person, or its organisation) has a yellow label and is drawn at least at size 30.
* Weak links (findings of :func:`relgraph.analysis.weak_links.weak_links`: bridges, single points of failure,
  single-threaded or uncovered accounts, cold and negative ties of ours) glow magenta.
"""

from __future__ import annotations

from typing import Any

from relgraph.maps.options import ColorBy
from relgraph.model import Organization, OrgKind, OrgRole, RelType
from relgraph.projection import MEMBER, Projection

__all__ = [
    "EDGE_STYLES",
    "FOCUS_LABEL",
    "FONT_FACE",
    "KIND_COLORS",
    "STANCE_COLORS",
    "WEAK_LINK_GLOW",
    "edge_style",
    "legend",
    "node_category",
    "node_shape",
    "node_style",
]

#: Colour category → (legend label, colour) when colouring by kind.
KIND_COLORS: dict[str, tuple[str, str]] = {
    "ours": ("Ours", "#1c7ed6"),
    "client": ("Client", "#2b8a3e"),
    "prospect": ("Prospect", "#94d82d"),
    "partner": ("Partner", "#15aabf"),
    "supplier": ("Supplier", "#a0522d"),
    "competitor": ("Competitor", "#e03131"),
    "public": ("Municipality, authority or regulator", "#9c36b5"),
    "community": ("Community group or NGO", "#f59f00"),
    "other": ("Other", "#adb5bd"),
}
#: Colour category → (legend label, colour) when colouring by stance.
STANCE_COLORS: dict[str, tuple[str, str]] = {
    "ours": ("Ours", "#495057"),
    "2": ("Champion (+2)", "#1864ab"),
    "1": ("Supporter (+1)", "#74c0fc"),
    "0": ("Neutral (0)", "#ced4da"),
    "-1": ("Critic (−1)", "#ff8787"),
    "-2": ("Opponent (−2)", "#c92a2a"),
    "unknown": ("Stance unknown", "#f8f9fa"),
}
#: Tie status → (legend label, colour, dashes).
EDGE_STYLES: dict[str, tuple[str, str, bool | list[int]]] = {
    "strong": ("Strong tie", "#343a40", False),
    "active": ("Active tie", "#868e96", False),
    "cooling": ("Cooling tie (no contact for months)", "#f76707", [8, 6]),
    "dormant": ("Dormant tie (no contact for a year)", "#adb5bd", [2, 6]),
    "negative": ("Negative tie", "#e03131", False),
    MEMBER: ("Works at / member of", "#dee2e6", False),
}
#: The label background of the map's focus (its person or organisation).
FOCUS_LABEL = "#ffd43b"
#: The glow of a weak link (vis-network shadow options).
WEAK_LINK_GLOW: dict[str, Any] = {
    "enabled": True,
    "color": "rgba(214, 51, 108, 0.8)",
    "size": 16,
    "x": 0,
    "y": 0,
}
_ROLE_ORDER = (
    OrgRole.OWN, OrgRole.CLIENT, OrgRole.PROSPECT, OrgRole.PARTNER, OrgRole.SUPPLIER,
    OrgRole.COMPETITOR,
)  # fmt: skip
_KIND_CATEGORY = {
    OrgKind.MUNICIPALITY: "public",
    OrgKind.PUBLIC_AUTHORITY: "public",
    OrgKind.COMMUNITY_GROUP: "community",
    OrgKind.NGO: "community",
}
_ORG_SHAPES = {
    OrgKind.COMPANY: ("square", "Company"),
    OrgKind.MUNICIPALITY: ("diamond", "Municipality or public authority"),
    OrgKind.PUBLIC_AUTHORITY: ("diamond", "Municipality or public authority"),
    OrgKind.COMMUNITY_GROUP: ("triangle", "Community group or NGO"),
    OrgKind.NGO: ("triangle", "Community group or NGO"),
    OrgKind.OTHER: ("hexagon", "Other organisation"),
}
_PERSON_SHAPE = ("dot", "Person")
_RING = "#212529"
#: The label font: the page's system font stack (nothing is downloaded).
FONT_FACE = '-apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif'
_LABEL_LENGTH = 32


def _org_category(org: Organization) -> str:
    for role in _ROLE_ORDER:
        if role in org.roles:
            return "ours" if role is OrgRole.OWN else role.value
    if OrgRole.REGULATOR in org.roles:
        return "public"
    return _KIND_CATEGORY.get(org.kind, "other")


def _home(projection: Projection, person_id: str) -> Organization | None:
    places = projection.memberships.get(person_id, [])
    ordered = sorted(places, key=lambda m: m.type is not RelType.WORKS_AT)
    return projection.organizations.get(ordered[0].organization) if ordered else None


def node_category(projection: Projection, node_id: str, color_by: ColorBy) -> str:
    """The colour category of a node: a key of :data:`KIND_COLORS` or :data:`STANCE_COLORS`.

    Examples
    --------
    >>> from datetime import date
    >>> from relgraph.model import Network, Person
    >>> from relgraph.projection import project
    >>> p = project(Network(people=[Person(id="a", name="A", stance=-2)]), as_of=date(2026, 1, 1))
    >>> node_category(p, "a", "kind"), node_category(p, "a", "stance")
    ('other', '-2')
    """
    person = projection.people.get(node_id)
    org = projection.organizations.get(node_id)
    ours = bool(person.internal) if person else bool(org and OrgRole.OWN in org.roles)
    if ours:
        return "ours"
    if color_by == "stance":
        stance = person.stance if person else org.stance if org else None
        return "unknown" if stance is None else str(stance)
    home = org if org is not None else _home(projection, node_id)
    return _org_category(home) if home is not None else "other"


def node_shape(projection: Projection, node_id: str) -> tuple[str, str]:
    """The vis-network shape of a node and its legend label."""
    org = projection.organizations.get(node_id)
    return _ORG_SHAPES[org.kind] if org is not None else _PERSON_SHAPE


def _is_decision_maker(projection: Projection, node_id: str) -> bool:
    places = projection.memberships.get(node_id, [])
    return any(
        m.decision_role is not None and m.decision_role.value == "decision_maker" for m in places
    )


def _label(name: str) -> str:
    return name if len(name) <= _LABEL_LENGTH else name[: _LABEL_LENGTH - 1].rstrip() + "…"


def node_style(
    projection: Projection,
    node_id: str,
    score: float,
    color_by: ColorBy,
    *,
    weak: bool = False,
    focus: bool = False,
) -> dict[str, Any]:
    """vis-network options of one node: label, shape, colour, size, ring, glow and focus highlight."""
    palette = STANCE_COLORS if color_by == "stance" else KIND_COLORS
    category = node_category(projection, node_id, color_by)
    fill = palette[category][1]
    ring = _is_decision_maker(projection, node_id)
    border = _RING if ring else "#495057" if category in {"unknown", "0", "other"} else fill
    colors = {"background": fill, "border": border}
    style: dict[str, Any] = {
        "label": _label(projection.graph.nodes[node_id]["name"]),
        "shape": node_shape(projection, node_id)[0],
        "color": {**colors, "highlight": {"background": fill, "border": "#000000"},
                  "hover": {"background": fill, "border": "#000000"}},
        "size": round(10 + 30 * score, 1),
        "borderWidth": 3.5 if ring else 1.5,
        "font": {"size": 12 + round(14 * score)},
        "category": category,
    }  # fmt: skip
    if weak:
        style["shadow"] = WEAK_LINK_GLOW
    if focus:
        style["size"] = max(style["size"], 30.0)
        style["font"].update(size=max(style["font"]["size"], 22), background=FOCUS_LABEL)
    return style


def edge_style(status: str, strength: float, weak: bool, *, thin: bool = False) -> dict[str, Any]:
    """vis-network options of one tie: width by strength, colour and dashes by status, glow if weak.

    ``thin`` (maps of hundreds of nodes): ``width = 1 + 3 × strength``, so that thousands of ties stay legible.
    """
    _, color, dashes = EDGE_STYLES.get(status, EDGE_STYLES["active"])
    style: dict[str, Any] = {
        "width": 1.0 if status == MEMBER else round(1 + (3 if thin else 7) * strength, 2),
        "color": {"color": color},
        "status": status,
    }
    if dashes:
        style["dashes"] = dashes
    if weak:
        style["shadow"] = WEAK_LINK_GLOW
    return style


def legend(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    color_by: ColorBy,
    *,
    focus: bool = False,
) -> dict[str, Any]:
    """What the page's legend lists: the colours, shapes and tie styles present on the map, and the rules."""
    palette = STANCE_COLORS if color_by == "stance" else KIND_COLORS
    present = {n["category"] for n in nodes}
    shapes = {n["shape"] for n in nodes}
    statuses = {e["status"] for e in edges}
    all_shapes = dict([_PERSON_SHAPE, *_ORG_SHAPES.values()])
    return {
        "colors_title": "Colour: stance" if color_by == "stance" else "Colour: role or kind",
        "colors": [{"label": label, "color": color} for key, (label, color) in palette.items()
                   if key in present],
        "shapes": [{"label": label, "shape": shape} for shape, label in all_shapes.items()
                   if shape in shapes],
        "edges": [{"label": label, "color": color, "dashes": dashes} for key, (label, color, dashes)
                  in EDGE_STYLES.items() if key in statuses],
        "notes": [
            "Size: influence score",
            "Line width: tie strength",
            "Dark ring: decision maker",
            "Magenta glow: weak link (only route, single thread, going cold or negative)",
            *(["Yellow label: what the map is centred on"] if focus else []),
        ],
    }  # fmt: skip
