"""Weak links: where our access to the network is thin, cold, single-threaded or hostile.

Findings, each with the ids it concerns, why it matters, and a severity in [0, 1] — the importance of what is at
risk (a person's key-contact score; an organisation's share of the largest yearly value, raised for clients,
prospects, partners, regulators, municipalities and public authorities). Ranked by severity.

* ``single_point_of_failure`` — a person through whom *every* route from our people to someone passes. Found with the
  dominator tree of the analysis graph rooted at a virtual node tied to all our people: ``v`` dominates ``x`` when
  every route from us to ``x`` passes through ``v`` ("if v leaves, we lose our only route to x").
* ``bridge`` — a tie whose loss cuts people or organisations off from all of us (a bridge of the graph whose far side
  holds none of our people).
* ``cooling_tie`` / ``dormant_tie`` — one of our ties to an important person has gone cold (no contact for over
  ``active_days`` / ``dormant_days``); half as severe when another of our people holds an active tie to them.
* ``single_threaded`` / ``uncovered`` — a client, prospect, partner, municipality, authority or regulator reached by
  exactly one / none of our people (through a strong, active or cooling tie to one of its people, or membership).
* ``negative_tie`` — a tie with negative sentiment between one of us and someone else.

References
----------
.. [1] Lengauer, T. & Tarjan, R. E. (1979). A fast algorithm for finding dominators in a flowgraph. ACM TOPLAS
   1(1), 121–141.
.. [2] Granovetter, M. (1973). The strength of weak ties. American Journal of Sociology 78(6), 1360–1380.
"""

from __future__ import annotations

from dataclasses import dataclass

from relgraph.analysis._graphs import indexed
from relgraph.analysis.centrality import key_contacts
from relgraph.model import OrgKind, OrgRole
from relgraph.projection import MEMBER, Projection

__all__ = ["Finding", "dominated_sets", "importance", "weak_links"]

_ACCOUNT_ROLES = {OrgRole.CLIENT, OrgRole.PROSPECT, OrgRole.PARTNER, OrgRole.REGULATOR}
_ACCOUNT_KINDS = {OrgKind.MUNICIPALITY, OrgKind.PUBLIC_AUTHORITY}
_REACHING = {"strong", "active", "cooling"}


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    severity: float
    subjects: list[str]
    at_risk: list[str]
    summary: str
    why: str


def importance(projection: Projection) -> dict[str, float]:
    """Importance in [0, 1] of every person (key-contact score) and organisation (value and role)."""
    scores = {c.id: c.score for c in key_contacts(projection, include_internal=True, limit=None)}
    top_value = max((o.value or 0.0 for o in projection.organizations.values()), default=0.0) or 1.0
    for oid, org in projection.organizations.items():
        base = 0.5 if (set(org.roles) & _ACCOUNT_ROLES or org.kind in _ACCOUNT_KINDS) else 0.2
        scores[oid] = round(min(1.0, base + 0.5 * (org.value or 0.0) / top_value), 4)
    return scores


def dominated_sets(projection: Projection) -> dict[str, set[str]]:
    """For each node v, the nodes every route from our people to which passes through v.

    Examples
    --------
    >>> from datetime import date
    >>> from relgraph.model import Network, Person, Relationship
    >>> from relgraph.projection import project
    >>> people = [Person(id="us", name="Us", internal=True), Person(id="a", name="A"), Person(id="b", name="B")]
    >>> rels = [Relationship(source="us", target="a", type="KNOWS"), Relationship(source="a", target="b", type="KNOWS")]
    >>> sets = dominated_sets(project(Network(people=people, relationships=rels), as_of=date(2026, 1, 1)))
    >>> sorted((node, sorted(ids)) for node, ids in sets.items())
    [('a', ['b']), ('us', ['a', 'b'])]
    """
    return projection.memo("dominated", lambda: _dominated_sets(projection))


def _dominator_children(projection: Projection) -> dict[str, list[str]]:
    """The dominator tree below the virtual root: each node's immediately dominated nodes.

    igraph's Lengauer–Tarjan dominators (in C) on the graph with each tie both ways and a root tied to our
    people; the immediate dominator of a node is unique, so this is the tree ``nx.immediate_dominators`` gives.
    """
    ig = indexed(projection)
    directed = ig.graph.as_directed(mode="mutual")
    root = directed.vcount()
    directed.add_vertices(1)
    directed.add_edges([(root, ig.index[pid]) for pid in sorted(projection.internal)])
    children: dict[str, list[str]] = {}
    # Unreachable nodes have NaN and the root -1: neither is >= 0.
    for node, parent in enumerate(directed.dominator(root, mode="out")[:root]):
        if parent >= 0 and parent != root:
            children.setdefault(ig.nodes[int(parent)], []).append(ig.nodes[node])
    return children


def _dominated_sets(projection: Projection) -> dict[str, set[str]]:
    if not projection.internal:
        return {}
    children = _dominator_children(projection)
    result: dict[str, set[str]] = {}
    for node in sorted(children):
        subtree, stack = set(), list(children[node])
        while stack:
            child = stack.pop()
            subtree.add(child)
            stack.extend(children.get(child, []))
        result[node] = subtree
    return result


def _names(projection: Projection, ids: list[str], limit: int = 4) -> str:
    names = [projection.graph.nodes[i]["name"] for i in ids[:limit]]
    more = f" and {len(ids) - limit} more" if len(ids) > limit else ""
    return ", ".join(names) + more


def _ranked(ids: set[str], weight: dict[str, float]) -> list[str]:
    return sorted(ids, key=lambda i: (-weight.get(i, 0.0), i))


def _failure_points(projection: Projection, weight: dict[str, float]) -> list[Finding]:
    findings = []
    for node, lost in dominated_sets(projection).items():
        if node not in projection.people:
            continue
        at_risk = _ranked(lost, weight)
        name = projection.people[node].name
        orgs = [i for i in at_risk if i in projection.organizations]
        lead = f"if {name} leaves" if projection.people[node].internal else f"without {name}"
        findings.append(Finding(
            "single_point_of_failure", max(weight.get(i, 0.0) for i in lost), [node], at_risk,
            f"{lead}, we lose our only route to {_names(projection, orgs or at_risk)}",
            f"every route from our people to {len(lost)} people and organisations passes through {name}",
        ))  # fmt: skip
    return findings


def _bridges(projection: Projection, weight: dict[str, float]) -> list[Finding]:
    dominated = dominated_sets(projection)
    ig = indexed(projection)
    findings = []
    # igraph's bridges (in C) are nx.bridges' edges; the findings are sorted later, so their order does not matter.
    for edge in ig.graph.bridges():
        u, v = (ig.nodes[i] for i in ig.graph.es[edge].tuple)
        for near, far in ((u, v), (v, u)):
            if far in dominated.get(near, set()):
                side = {far} | dominated.get(far, set())
                if projection.graph.edges[u, v]["status"] == MEMBER and len(side) == 1:
                    continue  # a person's only tie being their employer says little
                at_risk = _ranked(side, weight)
                findings.append(Finding(
                    "bridge", max(weight.get(i, 0.0) for i in side), [near, far], at_risk,
                    f"the tie {projection.graph.nodes[near]['name']} – {projection.graph.nodes[far]['name']} "
                    f"is our only link to {_names(projection, at_risk)}",
                    f"losing this one tie cuts {len(side)} people and organisations off from all of us",
                ))  # fmt: skip
                break
    return findings


def _cold_ties(projection: Projection, weight: dict[str, float]) -> list[Finding]:
    graph, internal = projection.graph, projection.internal
    findings = []
    for ours in sorted(internal):
        for other, edge in graph[ours].items():
            if (
                other in internal
                or other not in projection.people
                or edge["status"] not in {"cooling", "dormant"}
            ):
                continue
            if weight.get(other, 0.0) < 0.3:
                continue
            covered = any(
                tie["status"] in {"strong", "active"}
                for o, tie in graph[other].items()
                if o in internal
            )
            severity = weight[other] * (0.5 if covered else 1.0)
            days = (projection.as_of - edge["last_contact"]).days if edge["last_contact"] else None
            since = f"no contact for {days} days" if days is not None else "no recorded contact"
            findings.append(Finding(
                f"{edge['status']}_tie", round(severity, 4), [ours, other], [other],
                f"{projection.people[ours].name}'s tie to {projection.people[other].name} is {edge['status']} ({since})",
                "an important contact is going cold" + ("; another of us is in touch" if covered else ""),
            ))  # fmt: skip
    return findings


def _threads(projection: Projection, weight: dict[str, float]) -> list[Finding]:
    graph, internal = projection.graph, projection.internal
    findings = []
    for oid, org in projection.organizations.items():
        if OrgRole.OWN in org.roles or not (
            set(org.roles) & _ACCOUNT_ROLES or org.kind in _ACCOUNT_KINDS
        ):
            continue
        members = projection.members_of(oid)
        reaching = {p for p in members if p in internal} | {
            ours for m in members for ours in graph[m]
            if ours in internal and graph.edges[ours, m]["status"] in _REACHING
        }  # fmt: skip
        if len(reaching) > 1:
            continue
        if reaching:
            (only,) = reaching
            findings.append(Finding(
                "single_threaded", weight[oid], [oid, only], [oid],
                f"{org.name} is reached only through {projection.people[only].name}",
                "a key account or authority hangs on one of our people",
            ))  # fmt: skip
        else:
            findings.append(Finding(
                "uncovered", weight[oid], [oid], [oid], f"none of us is in touch with anyone at {org.name}",
                f"{len(members)} people known there, but no strong, active or cooling tie from our side",
            ))  # fmt: skip
    return findings


def _negative(projection: Projection, weight: dict[str, float]) -> list[Finding]:
    graph, internal, position = projection.graph, projection.internal, indexed(projection).index
    findings = []
    # Our people's ties only, not every edge; a tie between two of us is reported once, from the end that comes
    # first in the graph (the end graph.edges() gives first).
    for ours in internal:
        for other, edge in graph[ours].items():
            if edge["status"] != "negative" or (
                other in internal and position[other] < position[ours]
            ):
                continue
            findings.append(Finding(
                "negative_tie", weight.get(other, 0.0), [ours, other], [other],
                f"{graph.nodes[ours]['name']} and {graph.nodes[other]['name']} are on bad terms",
                f"sentiment {edge['sentiment']:+.2f} over {edge['interactions']} interactions",
            ))  # fmt: skip
    return findings


def weak_links(projection: Projection, *, limit: int | None = None) -> list[Finding]:
    """Every weak-link finding, most severe first."""
    if not projection.people:
        return []
    weight = importance(projection)
    findings = [
        *_failure_points(projection, weight),
        *_bridges(projection, weight),
        *_cold_ties(projection, weight),
        *_threads(projection, weight),
        *_negative(projection, weight),
    ]
    findings.sort(key=lambda f: (-f.severity, f.kind, f.subjects))
    return findings[:limit]
