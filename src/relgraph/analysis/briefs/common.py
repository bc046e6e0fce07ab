"""Pieces the briefs share: citations, our ties to a person, introduction routes and recommendations.

Everything here reads a :class:`~relgraph.projection.Projection`; nothing is invented. A citation names the
records a finding rests on: a person, an organisation, a relationship (a typed relationship, or a derived tie
between two people, ``type="tie"``) or an interaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from relgraph.analysis.paths import WarmPath, warm_paths
from relgraph.errors import NotFoundError
from relgraph.model import Interaction, Organization, Relationship, RelType
from relgraph.projection import MEMBER, Projection

__all__ = [
    "COVERING",
    "REACHING",
    "Citation",
    "OurTie",
    "PersonRef",
    "RecentInteraction",
    "Recommendation",
    "Route",
    "RouteHop",
    "best_route",
    "cite_interaction",
    "cite_organization",
    "cite_person",
    "cite_relationship",
    "cite_tie",
    "home_organization",
    "merge_recommendations",
    "name",
    "names",
    "organization_of",
    "our_ties",
    "pair_interactions",
    "reaching_us",
    "recent_interactions",
    "repair_recommendation",
    "route_recommendation",
    "second_thread",
    "unique",
    "valid_relationships",
]

#: Tie statuses that count as covering a person ("we reach them with a strong or active tie").
COVERING = frozenset({"strong", "active"})
#: Tie statuses that count as reaching an organisation at all (as in the weak-links analysis).
REACHING = frozenset({"strong", "active", "cooling"})


@dataclass(frozen=True, slots=True)
class Citation:
    """One record a finding rests on.

    ``kind`` is ``person``, ``organization``, ``relationship`` or ``interaction``; ``ids`` the record's ids
    (a relationship: ``[source, target]``); ``type`` the relationship type, or ``tie`` for the derived tie
    between two people; ``text`` a short human description.
    """

    kind: str
    ids: list[str]
    text: str
    type: str | None = None


@dataclass(frozen=True, slots=True)
class OurTie:
    """A tie between one of our people (``person``) and someone else (``other``)."""

    person: str
    name: str
    other: str
    status: str
    strength: float
    last_contact: str | None
    days_since_contact: int | None


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person named in a finding, with how they come into it."""

    id: str
    name: str
    organization: str | None
    how: str


@dataclass(frozen=True, slots=True)
class RouteHop:
    source: str
    target: str
    target_name: str
    strength: float
    status: str


@dataclass(frozen=True, slots=True)
class Route:
    """An introduction route from ``start`` (one of ours) to ``target``. ``contact`` is the last of our people on
    it (the one who should act), ``through`` the people between them and ``target`` (who would introduce)."""

    start: str
    start_name: str
    target: str
    target_name: str
    contact: str
    contact_name: str
    through: list[str]
    through_names: list[str]
    strength: float
    hops: list[RouteHop]
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class Recommendation:
    """A next action derived from one finding (``finding`` is that finding's id)."""

    action: str
    why: str
    also: list[str]
    who: str | None
    whom: str
    through: list[str]
    finding: str
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class RecentInteraction:
    id: str
    date: str
    channel: str
    sentiment: float | None
    summary: str | None
    participants: list[str]
    participant_names: list[str]
    evidence: list[Citation] = field(default_factory=list)


def organization_of(projection: Projection, organization_id: str) -> Organization:
    """The organisation with this id, or :class:`~relgraph.errors.NotFoundError`."""
    org = projection.organizations.get(organization_id)
    if org is None:
        raise NotFoundError(f"no organisation with id {organization_id!r}")
    return org


def home_organization(projection: Projection, pid: str) -> str | None:
    """The name of a person's employer (first WORKS_AT by id), else of the first organisation they belong to."""
    places = projection.memberships.get(pid, [])
    if not places:
        return None
    home = min(places, key=lambda m: (m.type is not RelType.WORKS_AT, m.organization))
    return projection.organizations[home.organization].name


def name(projection: Projection, node: str) -> str:
    return str(projection.graph.nodes[node]["name"]) if node in projection.graph else node


def names(projection: Projection, ids: Iterable[str]) -> list[str]:
    return [name(projection, i) for i in ids]


def cite_person(projection: Projection, pid: str, detail: str = "") -> Citation:
    person = projection.people[pid]
    text = person.name + (f", {person.title}" if person.title else "")
    return Citation("person", [pid], f"{text}{'; ' + detail if detail else ''}")


def cite_organization(projection: Projection, oid: str, detail: str = "") -> Citation:
    org = projection.organizations[oid]
    roles = ", ".join(r.value for r in org.roles)
    text = f"{org.name} ({org.kind.value}{'; ' + roles if roles else ''})"
    return Citation("organization", [oid], f"{text}{'; ' + detail if detail else ''}")


def cite_relationship(projection: Projection, rel: Relationship) -> Citation:
    extra = [f"strength {rel.strength:.2f}" if rel.strength is not None else ""]
    extra += [f"sentiment {rel.sentiment:+.2f}" if rel.sentiment is not None else ""]
    extra += [rel.notes or rel.source_note or ""]
    detail = "; ".join(e for e in extra if e)
    text = f"{name(projection, rel.source)} {rel.type.value} {name(projection, rel.target)}"
    return Citation(
        "relationship",
        [rel.source, rel.target],
        text + (f" ({detail})" if detail else ""),
        rel.type.value,
    )


def cite_tie(projection: Projection, a: str, b: str) -> Citation:
    """The derived tie between two nodes of the analysis graph (or a membership)."""
    edge = projection.graph.edges[a, b]
    if edge["status"] == MEMBER:
        return Citation(
            "relationship",
            [a, b],
            f"{name(projection, a)} – {name(projection, b)}: member",
            edge["kinds"][0],
        )
    last = edge["last_contact"]
    contact = f", last contact {last.isoformat()}" if last else ", never met on record"
    text = (
        f"{name(projection, a)} – {name(projection, b)}: {edge['status']}, strength {edge['strength']:.2f}"
        f"{contact} ({', '.join(edge['kinds'])})"
    )
    return Citation("relationship", [a, b], text, "tie")


def cite_interaction(projection: Projection, interaction: Interaction) -> Citation:
    mood = f", sentiment {interaction.sentiment:+.1f}" if interaction.sentiment is not None else ""
    about = f": {interaction.summary}" if interaction.summary else ""
    who = ", ".join(
        names(projection, [p for p in interaction.participants if p in projection.people])
    )
    text = f"{interaction.date.isoformat()} {interaction.channel.value}{about} ({who}{mood})"
    return Citation("interaction", [interaction.id], text)


def valid_relationships(projection: Projection, types: Iterable[RelType]) -> list[Relationship]:
    """Relationships of these types valid on the projection's date."""
    wanted, day = set(types), projection.as_of
    return [
        r
        for r in projection.network.relationships
        if r.type in wanted and not ((r.since and r.since > day) or (r.until and r.until < day))
    ]


def pair_interactions(projection: Projection, a: str, b: str) -> list[Interaction]:
    """Interactions on or before the projection's date that both took part in, newest first."""
    index = projection.memo("briefs:pairs", lambda: _pair_index(projection))
    return index.get((a, b) if a < b else (b, a), [])


def _pair_index(projection: Projection) -> dict[tuple[str, str], list[Interaction]]:
    index: dict[tuple[str, str], list[Interaction]] = {}
    for interaction in projection.network.interactions:
        present = sorted(p for p in interaction.participants if p in projection.people)
        if interaction.date > projection.as_of or len(present) > projection.params.max_meeting_size:
            continue
        for i, a in enumerate(present):
            for b in present[i + 1 :]:
                index.setdefault((a, b), []).append(interaction)
    for found in index.values():
        found.sort(key=lambda x: (x.date, x.id), reverse=True)
    return index


def our_ties(projection: Projection, pid: str) -> list[OurTie]:
    """Ties between our people and ``pid``, strongest first (empty for one of our own)."""
    graph, internal = projection.graph, projection.internal
    if pid in internal or pid not in graph:
        return []
    ties = []
    for ours in graph[pid]:
        if ours not in internal:
            continue
        edge = graph.edges[ours, pid]
        last: date | None = edge["last_contact"]
        ties.append(
            OurTie(
                ours, projection.people[ours].name, pid, edge["status"], round(edge["strength"], 4),
                last.isoformat() if last else None, (projection.as_of - last).days if last else None,
            )
        )  # fmt: skip
    ties.sort(key=lambda t: (-t.strength, t.person))
    return ties


def reaching_us(projection: Projection, members: Iterable[str]) -> dict[str, list[str]]:
    """Our people who reach any of ``members`` (strong, active or cooling tie, or being one of them),
    each with the members they reach."""
    found: dict[str, list[str]] = {}
    for member in members:
        if member in projection.internal:
            found.setdefault(member, []).append(member)
        for tie in our_ties(projection, member):
            if tie.status in REACHING:
                found.setdefault(tie.person, []).append(member)
    return dict(sorted(found.items()))


def best_route(
    projection: Projection, target: str, *, avoid: Iterable[str] = (), k: int = 1
) -> list[Route]:
    """Up to ``k`` strongest routes from our people to the person ``target`` that do not pass through anyone in
    ``avoid``; of routes with the same last colleague and the same introducers only the strongest is kept."""
    avoided = set(avoid)
    sources = sorted(projection.internal - avoided)
    if not sources or target in projection.internal:
        return []
    routes: list[Route] = []
    for path in warm_paths(projection, target, sources=sources, k=3 * k + 3 * len(avoided)):
        route = _route(projection, path)
        if avoided & {h.target for h in route.hops}:
            continue
        if all((r.contact, r.through) != (route.contact, route.through) for r in routes):
            routes.append(route)
    return routes[:k]


def _route(projection: Projection, path: WarmPath) -> Route:
    nodes = [path.start, *(h.target for h in path.hops)]
    last_ours = max(i for i, n in enumerate(nodes) if n in projection.internal)
    between = [n for n in nodes[last_ours + 1 : -1] if n in projection.people]
    evidence = [cite_tie(projection, h.source, h.target) for h in path.hops]
    hops = [RouteHop(h.source, h.target, h.target_name, h.strength, h.status) for h in path.hops]
    return Route(
        path.start, name(projection, path.start), path.end, name(projection, path.end), nodes[last_ours], name(projection, nodes[last_ours]),
        between, names(projection, between), path.strength, hops, evidence,
    )  # fmt: skip


def route_recommendation(route: Route, why: str, finding: str) -> Recommendation:
    """Who should contact whom, through whom, along ``route``."""
    if route.through:
        chain = " and then ".join(route.through_names)
        action = f"{route.contact_name} should ask {chain} to introduce them to {route.target_name}"
    else:
        last = route.hops[-1].status if route.hops else "direct"
        action = f"{route.contact_name} should contact {route.target_name} directly (tie {last})"
    if len(route.hops) == 1:
        why = f"{why}; tie strength {route.strength:.2f}"
    else:
        why = f"{why}; best route strength {route.strength:.2f} over {len(route.hops)} ties"
    return Recommendation(
        action, why, [], route.contact, route.target, route.through, finding, route.evidence
    )


_COLD = re.compile(r"^(risk:)?(cooling|dormant)_tie:")


def merge_recommendations(
    recommendations: list[Recommendation], limit: int
) -> list[Recommendation]:
    """One recommendation per (who, whom): later ones with the same pair add their reason and evidence; a
    cooling or dormant tie joins any earlier recommendation to contact the same person."""
    merged: dict[tuple[str | None, str], Recommendation] = {}
    for rec in recommendations:
        key = (rec.who, rec.whom)
        if _COLD.match(
            rec.finding
        ):  # another action already reaching the same person covers a cold tie
            key = next((k for k in merged if k[1] == rec.whom), key)
        if key not in merged:
            merged[key] = rec
            continue
        first = merged[key]
        extra = [c for c in rec.evidence if c not in first.evidence]
        merged[key] = Recommendation(
            first.action, first.why, [*first.also, rec.why, *rec.also], first.who, first.whom,
            first.through, first.finding, [*first.evidence, *extra],
        )  # fmt: skip
    return list(merged.values())[:limit]


def recent_interactions(
    projection: Projection, organization_id: str, members: Iterable[str], days: int
) -> list[RecentInteraction]:
    """Interactions in the ``days`` before the projection's date about the organisation or with its people,
    newest first."""
    people = set(members)
    since = projection.as_of.toordinal() - days
    found = []
    for i in projection.network.interactions:
        if not (since <= i.date.toordinal() <= projection.as_of.toordinal()):
            continue
        if i.organization == organization_id or people & set(i.participants):
            who = [p for p in i.participants if p in projection.people]
            found.append(
                RecentInteraction(
                    i.id, i.date.isoformat(), i.channel.value, i.sentiment, i.summary, who,
                    names(projection, who), [cite_interaction(projection, i)],
                )
            )  # fmt: skip
    found.sort(key=lambda r: (r.date, r.id), reverse=True)
    return found


def repair_recommendation(
    projection: Projection,
    ours: str,
    other: str,
    summary: str,
    finding: str,
    evidence: list[Citation],
) -> Recommendation:
    """A negative tie: a colleague on working terms with ``other`` leads contact while ``ours`` repairs it;
    with no such colleague, ``ours`` holds a repair conversation."""
    better = [t for t in our_ties(projection, other) if t.person != ours and t.status in REACHING]
    if better:
        alt = better[0]
        return Recommendation(
            f"{alt.name} should lead contact with {name(projection, other)} while "
            f"{name(projection, ours)} repairs the relationship",
            f"{summary}; {alt.name}'s tie to {name(projection, other)} is {alt.status}", [],
            alt.person, other, [], finding, [*evidence, cite_tie(projection, alt.person, other)],
        )  # fmt: skip
    return Recommendation(
        f"{name(projection, ours)} should hold a repair conversation with {name(projection, other)}",
        f"{summary}; none of our other people has a working tie to {name(projection, other)}", [],
        ours, other, [], finding, evidence,
    )  # fmt: skip


def second_thread(
    projection: Projection, only: str | None, ranked: list[str], summary: str, finding: str,
    evidence: list[Citation],
) -> list[Recommendation]:  # fmt: skip
    """An organisation reached by one of us (``only``) or none (``None``): the strongest route that avoids
    ``only`` to the best-ranked of its people (``ranked``); failing that, ``only`` brings their closest
    colleague to their next contact with the best-ranked person they reach."""
    for pid in ranked:
        routes = best_route(projection, pid, avoid=[only] if only else [])
        if routes:
            why = (
                summary
                if only is None
                else f"{summary}: add a second thread to {name(projection, pid)}"
            )
            return [route_recommendation(routes[0], why, finding)]
    if only is None:
        return []
    graph = projection.graph
    colleagues = sorted(
        (o for o in graph[only] if o in projection.internal and graph.edges[only, o]["status"] != "negative"),
        key=lambda o: (-graph.edges[only, o]["strength"], o),
    )  # fmt: skip
    reached = [
        p
        for p in ranked
        if any(t.person == only and t.status in REACHING for t in our_ties(projection, p))
    ]
    if not colleagues or not reached:
        return []
    mate, top = colleagues[0], reached[0]
    return [Recommendation(
        f"{name(projection, only)} should bring {name(projection, mate)} to their next contact with "
        f"{name(projection, top)}",
        f"{summary}, and every route from us passes through {name(projection, only)}; {name(projection, mate)} "
        f"is their closest colleague (tie strength {graph.edges[only, mate]['strength']:.2f})",
        [], only, top, [mate], finding, [*evidence, cite_tie(projection, only, mate)],
    )]  # fmt: skip


def unique(citations: Iterable[Citation]) -> list[Citation]:
    """The citations in order, each once."""
    result: list[Citation] = []
    for citation in citations:
        if citation not in result:
            result.append(citation)
    return result
