"""The findings a negotiation brief is made of: stakeholders, structure, coverage, risks, related organisations.

The rules are in :mod:`relgraph.analysis.briefs.negotiation`.
"""

from __future__ import annotations

from dataclasses import dataclass

from relgraph.analysis.briefs.common import (
    Citation,
    OurTie,
    PersonRef,
    Route,
    cite_organization,
    cite_relationship,
    cite_tie,
    home_organization,
    name,
    valid_relationships,
)
from relgraph.model import DecisionRole, OrgRole, RelType
from relgraph.projection import Projection

__all__ = [
    "IMPORTANT_ROLES",
    "MAX_RECOMMENDATIONS",
    "ORG_LINKS",
    "Coverage",
    "CoverageEntry",
    "PathsTo",
    "RelatedOrganization",
    "Risk",
    "Stakeholder",
    "StructureLink",
    "competitor_risks",
    "listeners",
    "related_organizations",
    "structure",
]

#: The most recommendations a brief or plan gives.
MAX_RECOMMENDATIONS = 10
#: Decision roles that make someone matter in a negotiation (all but user).
IMPORTANT_ROLES = {r.value for r in DecisionRole} - {DecisionRole.USER.value}
#: Typed relationships between organisations that relate them in a brief.
ORG_LINKS = (RelType.OWNS, RelType.SUPPLIES, RelType.PARTNERS_WITH, RelType.COMPETES_WITH,
              RelType.REGULATES, RelType.REFERRED)  # fmt: skip
#: How a related organisation stands to the organisation, when it is the source / the target.
_VERBS = {
    RelType.OWNS: ("owns", "owned by"),
    RelType.SUPPLIES: ("supplies", "supplied by"),
    RelType.PARTNERS_WITH: ("partner of", "partner of"),
    RelType.COMPETES_WITH: ("competes with", "competes with"),
    RelType.REGULATES: ("regulates", "regulated by"),
    RelType.REFERRED: ("referred", "referred by"),
}


@dataclass(frozen=True, slots=True)
class Stakeholder:
    rank: int
    id: str
    name: str
    title: str | None
    decision_role: str | None
    seniority: str | None
    stance: int | None
    influence: int | None
    score: float
    reason: str
    our_ties: list[OurTie]
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class StructureLink:
    type: str
    source: str
    source_name: str
    target: str
    target_name: str
    strength: float | None
    external: bool
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class CoverageEntry:
    id: str
    person: str
    name: str
    covered: bool
    through: list[OurTie]
    other_ties: list[OurTie]
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class Coverage:
    decision_makers: int
    covered: int
    entries: list[CoverageEntry]
    our_people: list[str]
    our_people_names: list[str]


@dataclass(frozen=True, slots=True)
class PathsTo:
    person: str
    name: str
    routes: list[Route]


@dataclass(frozen=True, slots=True)
class Risk:
    id: str
    kind: str
    summary: str
    people: list[str]
    listens_to: list[PersonRef]
    sways: list[PersonRef]
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class RelatedOrganization:
    id: str
    name: str
    kind: str
    roles: list[str]
    relations: list[str]
    evidence: list[Citation]


def structure(projection: Projection, members: list[str]) -> list[StructureLink]:
    """REPORTS_TO and INFLUENCES with at least one end among ``members``."""
    inside = set(members)
    links = []
    for rel in valid_relationships(projection, (RelType.REPORTS_TO, RelType.INFLUENCES)):
        if rel.source not in inside and rel.target not in inside:
            continue
        links.append(
            StructureLink(
                rel.type.value, rel.source, name(projection, rel.source), rel.target,
                name(projection, rel.target), rel.strength, not {rel.source, rel.target} <= inside,
                [cite_relationship(projection, rel)],
            )
        )  # fmt: skip
    links.sort(
        key=lambda link: (link.type != "REPORTS_TO", link.external, link.target, link.source)
    )
    return links


def listeners(projection: Projection, pid: str) -> tuple[list[PersonRef], list[PersonRef]]:
    """Whom ``pid`` listens to (INFLUENCES into them; their strong ties to people they do not sway) and whom
    they sway (INFLUENCES out of them)."""
    listens: dict[str, PersonRef] = {}
    sways = []
    for rel in valid_relationships(projection, (RelType.INFLUENCES,)):
        if rel.target == pid and rel.source in projection.people:
            strength = f" {rel.strength:.2f}" if rel.strength is not None else ""
            listens[rel.source] = _ref(projection, rel.source, f"INFLUENCES{strength}")
        elif rel.source == pid and rel.target in projection.people:
            sways.append(_ref(projection, rel.target, "INFLUENCES"))
    graph = projection.graph
    for other in sorted(graph[pid]) if pid in graph else []:
        edge = graph.edges[pid, other]
        swayed = any(r.id == other for r in sways)
        if (
            other in projection.people
            and other not in listens
            and not swayed
            and edge["status"] == "strong"
        ):
            listens[other] = _ref(projection, other, f"strong tie, strength {edge['strength']:.2f}")
    return list(listens.values()), sways


def _ref(projection: Projection, pid: str, how: str) -> PersonRef:
    org = home_organization(projection, pid)
    if pid in projection.internal:
        how += "; one of ours"
    return PersonRef(pid, projection.people[pid].name, org, how)


def competitor_risks(projection: Projection, pid: str, oid: str) -> list[Risk]:
    risks = []
    for other in sorted(projection.graph[pid]):
        places = [m.organization for m in projection.memberships.get(other, [])]
        rivals = [
            o
            for o in places
            if o != oid and OrgRole.COMPETITOR in projection.organizations[o].roles
        ]
        if other not in projection.people or not rivals or oid in places:
            continue
        rival = projection.organizations[rivals[0]].name
        risks.append(Risk(
            f"risk:competitor_tie:{pid}:{other}", "competitor_tie",
            f"{name(projection, pid)} has a tie to {name(projection, other)} of {rival} (competitor)",
            [pid, other], [], [], [cite_tie(projection, pid, other), cite_organization(projection, rivals[0])],
        ))  # fmt: skip
    return risks


def related_organizations(projection: Projection, oid: str) -> list[RelatedOrganization]:
    """Organisations linked to ``oid`` by a typed relationship, and competitors with ties to its people."""
    found: dict[str, tuple[list[str], list[Citation]]] = {}
    for rel in valid_relationships(projection, ORG_LINKS):
        if oid not in (rel.source, rel.target):
            continue
        other = rel.target if rel.source == oid else rel.source
        if other not in projection.organizations:
            continue
        verb = _VERBS[rel.type][0 if rel.source == other else 1]
        relations, evidence = found.setdefault(other, ([], []))
        relations.append(f"{verb} {name(projection, oid)}")
        evidence.append(cite_relationship(projection, rel))
    members = projection.members_of(oid)
    for risk in (r for m in members for r in competitor_risks(projection, m, oid)):
        rival = next(c.ids[0] for c in risk.evidence if c.kind == "organization")
        relations, evidence = found.setdefault(rival, ([], []))
        ours, theirs = risk.people
        relations.append(
            f"competitor; {name(projection, theirs)} has a tie to {name(projection, ours)}"
        )
        evidence.extend(risk.evidence)
    return [
        RelatedOrganization(o, name(projection, o), projection.organizations[o].kind.value,
                            [r.value for r in projection.organizations[o].roles], rel, ev)
        for o, (rel, ev) in sorted(found.items())
    ]  # fmt: skip
