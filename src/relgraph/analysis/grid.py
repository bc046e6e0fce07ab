"""The stakeholder grid: Mendelow's power–interest quadrants and the Mitchell–Agle–Wood salience classes.

For every external person and every organisation other than our own:

* **power** (0–1): stated influence ``(influence − 1) / 4``; where none is stated, derived: for a person the larger
  of formal power (decision role and seniority) and network position (PageRank relative to the highest); for an
  organisation the largest power among its people, or its share of the largest yearly value.
* **interest** (0–1): stated interest ``(interest − 1) / 4``; where none is stated, derived from contact: interactions
  in the last 180 days relative to the busiest stakeholder.
* **quadrant**: power ≥ 0.5 and interest ≥ 0.5 → manage closely; power ≥ 0.5 → keep satisfied; interest ≥ 0.5 →
  keep informed; else monitor.
* **salience** from three attributes: *power* (power ≥ 0.6), *legitimacy* (a formal stake: a decision role, or
  belonging to a client, prospect, partner, supplier, regulator, municipality or public authority — or being one),
  *urgency* (stance ≤ −1, a negative tie with us, or interest ≥ 0.75 with contact in the last 30 days). All three:
  definitive; power + legitimacy: dominant; power + urgency: dangerous; legitimacy + urgency: dependent; power
  alone: dormant; legitimacy alone: discretionary; urgency alone: demanding; none: non-stakeholder.

Each row says which of power and interest were ``stated`` and which ``derived``.

References
----------
.. [1] Mendelow, A. (1991). Stakeholder mapping. Proceedings of the 2nd International Conference on Information
   Systems, Cambridge, MA.
.. [2] Mitchell, R. K., Agle, B. R. & Wood, D. J. (1997). Toward a theory of stakeholder identification and salience.
   Academy of Management Review 22(4), 853–886.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from relgraph.analysis.centrality import formal_power, pagerank
from relgraph.model import OrgKind, OrgRole
from relgraph.projection import Projection

__all__ = ["GridRow", "quadrant", "salience", "stakeholder_grid"]

_LEGITIMATE_ROLES = {
    OrgRole.CLIENT,
    OrgRole.PROSPECT,
    OrgRole.PARTNER,
    OrgRole.SUPPLIER,
    OrgRole.REGULATOR,
}
_LEGITIMATE_KINDS = {OrgKind.MUNICIPALITY, OrgKind.PUBLIC_AUTHORITY}
_CLASSES = {
    (True, True, True): "definitive",
    (True, True, False): "dominant",
    (True, False, True): "dangerous",
    (False, True, True): "dependent",
    (True, False, False): "dormant",
    (False, True, False): "discretionary",
    (False, False, True): "demanding",
    (False, False, False): "non-stakeholder",
}


@dataclass(frozen=True, slots=True)
class GridRow:
    id: str
    name: str
    node_type: str
    power: float
    power_source: str
    interest: float
    interest_source: str
    quadrant: str
    salience: str
    attributes: list[str]
    stance: int | None


def quadrant(power: float, interest: float) -> str:
    """Mendelow's quadrant.

    Examples
    --------
    >>> quadrant(0.9, 0.9), quadrant(0.9, 0.1), quadrant(0.1, 0.9), quadrant(0.1, 0.1)
    ('manage closely', 'keep satisfied', 'keep informed', 'monitor')
    """
    if power >= 0.5:
        return "manage closely" if interest >= 0.5 else "keep satisfied"
    return "keep informed" if interest >= 0.5 else "monitor"


def salience(power: bool, legitimacy: bool, urgency: bool) -> str:
    """The Mitchell–Agle–Wood class of a stakeholder with these attributes.

    Examples
    --------
    >>> salience(True, True, True), salience(False, True, True), salience(False, False, False)
    ('definitive', 'dependent', 'non-stakeholder')
    """
    return _CLASSES[(power, legitimacy, urgency)]


@dataclass(frozen=True, slots=True)
class _Signals:
    """Contact counts (last 180 and 30 days), the busiest stakeholder's, and who has a negative tie with us."""

    recent: Counter[str]
    month: Counter[str]
    busiest: int
    hostile: frozenset[str]


def _contacts(projection: Projection) -> tuple[Counter[str], Counter[str]]:
    """Interactions per node in the last 180 and the last 30 days (one pass over the interactions)."""
    since, month_since = (
        projection.as_of - timedelta(days=180),
        projection.as_of - timedelta(days=30),
    )
    recent: Counter[str] = Counter()
    month: Counter[str] = Counter()
    for interaction in projection.network.interactions:
        if since <= interaction.date <= projection.as_of:
            counts = (recent, month) if interaction.date >= month_since else (recent,)
            for c in counts:
                c.update(interaction.participants)
                if interaction.organization:
                    c[interaction.organization] += 1
    return recent, month


def _legitimate_org(projection: Projection, oid: str) -> bool:
    org = projection.organizations[oid]
    return bool(set(org.roles) & _LEGITIMATE_ROLES) or org.kind in _LEGITIMATE_KINDS


def _negative_with_us(projection: Projection) -> frozenset[str]:
    """Everyone with a negative tie to one of our people (from our people's ties: far fewer than everyone's)."""
    graph = projection.graph
    return frozenset(
        other
        for ours in projection.internal
        for other, tie in graph[ours].items()
        if tie["status"] == "negative"
    )


def stakeholder_grid(projection: Projection) -> list[GridRow]:
    """One row per external person and per organisation other than ours, most powerful first."""
    ranks = pagerank(projection)
    top_pr = max(ranks.values(), default=0.0) or 1.0
    recent, month = _contacts(projection)
    stakeholders = {pid for pid, p in projection.people.items() if not p.internal} | {
        oid for oid, o in projection.organizations.items() if OrgRole.OWN not in o.roles
    }
    busiest = max((n for node, n in recent.items() if node in stakeholders), default=0) or 1
    signals = _Signals(recent, month, busiest, _negative_with_us(projection))
    power_of: dict[str, float] = {}
    rows = []
    for pid, person in projection.people.items():
        if person.internal:
            continue
        formal, place = formal_power(projection.memberships.get(pid, []))
        derived = max(formal, ranks.get(pid, 0.0) / top_pr)
        power_of[pid] = (person.influence - 1) / 4 if person.influence is not None else derived
        legit = bool(place and place.decision_role) or any(
            _legitimate_org(projection, m.organization) for m in projection.memberships.get(pid, [])
        )
        rows.append(_row(projection, pid, person.influence, person.interest, power_of[pid], signals, legit,
                         person.stance))  # fmt: skip
    # Once, not per organisation: that is quadratic in organisations (8 s at 4,000).
    top_value = max((o.value or 0.0 for o in projection.organizations.values()), default=0.0) or 1.0
    for oid, org in projection.organizations.items():
        if OrgRole.OWN in org.roles:
            continue
        members = [power_of.get(m, 0.0) for m in projection.members_of(oid)]
        derived = max([*members, (org.value or 0.0) / top_value])
        power = (org.influence - 1) / 4 if org.influence is not None else derived
        rows.append(_row(projection, oid, org.influence, org.interest, power, signals,
                         _legitimate_org(projection, oid), org.stance))  # fmt: skip
    rows.sort(key=lambda r: (-r.power, -r.interest, r.id))
    return rows


def _row(
    projection: Projection, node: str, stated_power: int | None, stated_interest: int | None, power: float,
    signals: _Signals, legitimate: bool, stance: int | None,
) -> GridRow:  # fmt: skip
    interest = (
        (stated_interest - 1) / 4
        if stated_interest is not None
        else signals.recent[node] / signals.busiest
    )
    urgent = (
        (stance is not None and stance <= -1)
        or node in signals.hostile
        or (interest >= 0.75 and signals.month[node] > 0)
    )
    powerful = power >= 0.6
    attributes = [
        name
        for name, has in (("power", powerful), ("legitimacy", legitimate), ("urgency", urgent))
        if has
    ]
    data = projection.graph.nodes[node]
    return GridRow(
        id=node, name=data["name"], node_type=data["node_type"], power=round(power, 4),
        power_source="stated" if stated_power is not None else "derived", interest=round(interest, 4),
        interest_source="stated" if stated_interest is not None else "derived",
        quadrant=quadrant(power, interest), salience=salience(powerful, legitimate, urgent),
        attributes=attributes, stance=stance,
    )  # fmt: skip
