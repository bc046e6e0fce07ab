"""What a map's tooltips say: plain-text facts about each node and tie, never HTML.

A node's tooltip is ``{"heading": str, "subheading": str | None, "rows": [[label, value], ...], "flags": [str]}``;
a tie's is ``{"rows": ..., "flags": ...}`` (the page heads it with its two ends' names, which keeps big maps
small). The page builds them with ``textContent``. ``flags`` are the weak-link findings about the node or tie.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from relgraph.analysis.weak_links import weak_links
from relgraph.projection import MEMBER, Membership, Projection

__all__ = ["STANCE_NAMES", "WeakLinkIndex", "edge_info", "node_info", "weak_link_index"]

STANCE_NAMES = {-2: "opponent", -1: "critic", 0: "neutral", 1: "supporter", 2: "champion"}
_EDGE_FINDINGS = frozenset({"bridge", "cooling_tie", "dormant_tie", "negative_tie"})
_NODE_FINDINGS = frozenset({"single_point_of_failure", "single_threaded", "uncovered"})
_REACHING = ("strong", "active", "cooling", "dormant", "negative")


@dataclass(frozen=True)
class WeakLinkIndex:
    """Weak-link finding summaries by node and by tie (pair of ids, smaller first)."""

    nodes: dict[str, list[str]] = field(default_factory=dict)
    edges: dict[tuple[str, str], list[str]] = field(default_factory=dict)


def weak_link_index(projection: Projection) -> WeakLinkIndex:
    """The findings of :func:`relgraph.analysis.weak_links.weak_links`, by node and tie (once per projection)."""

    def compute() -> WeakLinkIndex:
        nodes: dict[str, list[str]] = defaultdict(list)
        edges: dict[tuple[str, str], list[str]] = defaultdict(list)
        for finding in weak_links(projection):
            if finding.kind in _EDGE_FINDINGS and len(finding.subjects) >= 2:
                a, b = finding.subjects[:2]
                edges[(a, b) if a < b else (b, a)].append(finding.summary)
            elif finding.kind in _NODE_FINDINGS:
                nodes[finding.subjects[0]].append(finding.summary)
        return WeakLinkIndex(dict(nodes), dict(edges))

    return projection.memo("map:weak-links", compute)


def _stance(stance: int | None) -> str:
    return (
        "unknown" if stance is None else f"{stance:+d} ({STANCE_NAMES[stance]})".replace("+0", "0")
    )


def _words(value: str) -> str:
    return value.replace("_", " ")


def _membership(projection: Projection, place: Membership) -> list[str]:
    org = projection.organizations.get(place.organization)
    name = org.name if org else place.organization
    parts = [p for p in (place.title, place.decision_role, place.seniority) if p]
    detail = ", ".join(_words(str(p)) for p in parts)
    label = "Works at" if place.type.value == "WORKS_AT" else "Member of"
    return [label, f"{name} — {detail}" if detail else name]


def _closest_tie(projection: Projection, person_id: str) -> str:
    graph = projection.graph
    ties = [
        (graph.edges[person_id, other]["strength"], other)
        for other in graph[person_id]
        if other in projection.internal and graph.edges[person_id, other]["status"] in _REACHING
    ]
    if not ties:
        return "none"
    strength, other = max(ties, key=lambda t: (t[0], t[1]))
    status = graph.edges[person_id, other]["status"]
    return f"{status} ({strength:.2f}) with {projection.people[other].name}"


def _person(projection: Projection, node_id: str, score: float) -> dict[str, Any]:
    person = projection.people[node_id]
    rows = [_membership(projection, m) for m in projection.memberships.get(node_id, [])]
    rows.append(["Influence score", f"{score:.2f}"])
    if person.influence is not None or person.interest is not None:
        stated = [str(v) if v is not None else "?" for v in (person.influence, person.interest)]
        rows.append(["Stated influence / interest", " / ".join(stated) + " (of 5)"])
    rows.append(["Stance", _stance(person.stance)])
    if person.internal:
        rows.append(["Status", "one of our people"])
    else:
        rows.append(["Our closest tie", _closest_tie(projection, node_id)])
    return {"heading": person.name, "subheading": person.title, "rows": rows}


def _organization(projection: Projection, node_id: str, score: float) -> dict[str, Any]:
    org = projection.organizations[node_id]
    roles = ", ".join(r.value for r in org.roles)
    rows = [["Kind", _words(org.kind.value)]]
    if roles:
        rows.append(["Roles", roles])
    rows.append(["Influence score", f"{score:.2f}"])
    if org.value is not None:
        rows.append(["Yearly value", f"{org.value:,.0f}"])
    rows.append(["Stance", _stance(org.stance)])
    rows.append(["People known", str(len(projection.members_of(node_id)))])
    place = ", ".join(p for p in (org.sector, org.region, org.country) if p)
    if place:
        rows.append(["Sector and place", place])
    return {"heading": org.name, "subheading": _words(org.kind.value), "rows": rows}


def node_info(
    projection: Projection, node_id: str, score: float, flags: list[str]
) -> dict[str, Any]:
    """The tooltip of a person or organisation: name, title, organisation, scores, stance, status, flags."""
    if node_id in projection.people:
        info = _person(projection, node_id, score)
    else:
        info = _organization(projection, node_id, score)
    return {**info, "flags": list(flags)}


def _member_rows(projection: Projection, person: str, org: str) -> list[list[str]]:
    places = [m for m in projection.memberships.get(person, []) if m.organization == org]
    if not places:
        return [["Relationship", "referral"]]
    place = places[0]
    rows = [["Relationship", "works at" if place.type.value == "WORKS_AT" else "member of"]]
    for label, value in (
        ("Title", place.title),
        ("Decision role", place.decision_role),
        ("Seniority", place.seniority),
    ):
        if value:
            rows.append([label, _words(str(value))])
    return rows


def edge_info(projection: Projection, a: str, b: str, flags: list[str]) -> dict[str, Any]:
    """The tooltip of a tie: status, strength, sentiment, last contact, what it rests on, flags."""
    edge = projection.graph.edges[a, b]
    if edge["status"] == MEMBER:
        person, org = (a, b) if a in projection.people else (b, a)
        return {"rows": _member_rows(projection, person, org), "flags": list(flags)}
    rows = [["Status", edge["status"]], ["Tie strength", f"{edge['strength']:.2f}"]]
    if edge.get("sentiment") is not None:
        rows.append(["Sentiment", f"{edge['sentiment']:+.2f}"])
    last = edge.get("last_contact")
    if last is not None:
        days = (projection.as_of - last).days
        rows.append(["Last contact", f"{last.isoformat()} ({days} days ago)"])
    rows.append(["Interactions", str(edge.get("interactions", 0))])
    kinds = ", ".join(_words(k.lower()) for k in edge.get("kinds", []))
    if kinds:
        rows.append(["Based on", kinds])
    return {"rows": rows, "flags": list(flags)}
