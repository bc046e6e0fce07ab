"""The change report: what changed in our relationships between two dates (by default the last month).

It compares two projections, ``before`` and ``after`` (of the same snapshot as of two dates, or of two snapshots):

* **new_relationships** / **lost_relationships** — ties of the analysis graph (between people, and memberships of
  people in organisations) present on one date and not the other, and typed relationships between organisations
  valid on one date and not the other. A tie appears with its first interaction or when a relationship's ``since``
  is reached; it is lost when a relationship's ``until`` passes or a record is deleted.
* **status_changes** — ties present on both dates whose status changed (for example ``active`` → ``cooling``);
  ties of our own people first.
* **rank_moves** — people in the top ``top`` key contacts on either date whose rank changed (``None``: not ranked).
* **threads** — accounts (clients, prospects, partners, regulators, municipalities, public authorities) that became
  ``single_threaded`` (reached by exactly one of our people, which was not so before), ``uncovered`` (reached by
  none, after at least one), or ``no_longer_single_threaded``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from relgraph.analysis.briefs.common import (
    Citation,
    cite_interaction,
    cite_organization,
    cite_person,
    cite_relationship,
    cite_tie,
    name,
    names,
    pair_interactions,
    reaching_us,
    valid_relationships,
)
from relgraph.analysis.briefs.findings import ORG_LINKS
from relgraph.analysis.centrality import key_contacts
from relgraph.analysis.strength import TieParameters
from relgraph.errors import InvalidInputError
from relgraph.model import Network, OrgKind, OrgRole
from relgraph.projection import MEMBER, Projection, project

__all__ = [
    "ChangeReport",
    "RankMove",
    "StatusChange",
    "ThreadChange",
    "TieChange",
    "change_report",
    "change_report_between",
    "month_before",
]

_ACCOUNT_ROLES = {OrgRole.CLIENT, OrgRole.PROSPECT, OrgRole.PARTNER, OrgRole.REGULATOR}
_ACCOUNT_KINDS = {OrgKind.MUNICIPALITY, OrgKind.PUBLIC_AUTHORITY}


@dataclass(frozen=True, slots=True)
class TieChange:
    a: str
    a_name: str
    b: str
    b_name: str
    ours: bool
    kinds: list[str]
    status: str | None
    strength: float | None
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class StatusChange:
    a: str
    a_name: str
    b: str
    b_name: str
    ours: bool
    before: str
    after: str
    strength_before: float
    strength_after: float
    last_contact: str | None
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class RankMove:
    id: str
    name: str
    organization: str | None
    rank_before: int | None
    rank_after: int | None
    score_before: float | None
    score_after: float | None
    evidence: list[Citation]


@dataclass(frozen=True, slots=True)
class ThreadChange:
    organization: str
    name: str
    kind: str
    before: list[str]
    before_names: list[str]
    after: list[str]
    after_names: list[str]
    evidence: list[Citation]


@dataclass(frozen=True)
class ChangeReport:
    before: str
    after: str
    interactions: int
    new_relationships: list[TieChange]
    lost_relationships: list[TieChange]
    status_changes: list[StatusChange]
    rank_moves: list[RankMove]
    threads: list[ThreadChange]
    missing: list[str]


def month_before(day: date) -> date:
    """The same day one calendar month earlier (the last day of that month when it is shorter).

    Examples
    --------
    >>> month_before(date(2026, 6, 30)), month_before(date(2026, 3, 31)), month_before(date(2026, 1, 15))
    (datetime.date(2026, 5, 30), datetime.date(2026, 2, 28), datetime.date(2025, 12, 15))
    """
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def change_report_between(
    network: Network, *, start: date | None = None, end: date | None = None,
    params: TieParameters | None = None, top: int = 20, seed: int = 0,
) -> ChangeReport:  # fmt: skip
    """:func:`change_report` of one network as of ``start`` (default: a month before ``end``) and ``end``
    (default: today)."""
    end = end or date.today()
    start = start or month_before(end)
    before = project(network, as_of=start, params=params)
    return change_report(before, project(network, as_of=end, params=params), top=top, seed=seed)


def change_report(
    before: Projection, after: Projection, *, top: int = 20, seed: int = 0
) -> ChangeReport:
    """What changed between two projections (rules in the module docstring).

    Raises :class:`~relgraph.errors.InvalidInputError` when ``before`` is dated after ``after``.

    Examples
    --------
    >>> from relgraph.model import Interaction, Network, Person
    >>> net = Network(
    ...     people=[Person(id="us", name="Una", internal=True), Person(id="x", name="Xan")],
    ...     interactions=[Interaction(id="m", date="2026-06-10", channel="meeting", participants=["us", "x"])])
    >>> report = change_report_between(net, end=date(2026, 6, 30))
    >>> report.before, [(t.a_name, t.b_name, t.status) for t in report.new_relationships]
    ('2026-05-30', [('Una', 'Xan', 'active')])
    """
    if before.as_of > after.as_of:
        raise InvalidInputError(
            f"the earlier date {before.as_of} lies after the later one {after.as_of}"
        )
    new, lost, changed = _tie_changes(before, after)
    window = [i for i in after.network.interactions if before.as_of < i.date <= after.as_of]
    missing = (
        [] if window else [f"no interactions recorded between {before.as_of} and {after.as_of}"]
    )
    if not after.internal:
        missing.append("nobody in the network is marked as one of our people (internal)")
    return ChangeReport(
        before.as_of.isoformat(), after.as_of.isoformat(), len(window),
        [*new, *_org_links(after, before, "new")], [*lost, *_org_links(before, after, "lost")], changed,
        _rank_moves(before, after, top, seed), _threads(before, after), missing,
    )  # fmt: skip


def _tie_changes(
    before: Projection, after: Projection
) -> tuple[list[TieChange], list[TieChange], list[StatusChange]]:
    old = {_key(a, b): d for a, b, d in before.graph.edges(data=True)}
    now = {_key(a, b): d for a, b, d in after.graph.edges(data=True)}
    new = [_tie(after, before, pair, "new") for pair in sorted(now.keys() - old.keys())]
    lost = [_tie(before, after, pair, "lost") for pair in sorted(old.keys() - now.keys())]
    changed = []
    for pair in sorted(now.keys() & old.keys()):
        if old[pair]["status"] != now[pair]["status"]:
            changed.append(_status(before, after, pair))
    key = lambda c: (not c.ours, c.a, c.b)  # noqa: E731
    return sorted(new, key=key), sorted(lost, key=key), sorted(changed, key=key)


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _tie(where: Projection, other: Projection, pair: tuple[str, str], what: str) -> TieChange:
    """A tie present in ``where`` and absent from ``other``, with the records that explain it."""
    a, b = pair
    edge = where.graph.edges[a, b]
    lo, hi = sorted((where.as_of, other.as_of))
    evidence = [cite_tie(where, a, b)]
    evidence += [
        cite_interaction(where, i) for i in pair_interactions(where, a, b) if lo < i.date <= hi
    ][:5]
    for rel in where.network.relationships:
        if {rel.source, rel.target} == {a, b} and _explains(
            rel.since if what == "new" else rel.until, what, lo, hi
        ):
            evidence.append(cite_relationship(where, rel))
    status = None if edge["status"] == MEMBER else edge["status"]
    return TieChange(
        a, name(where, a), b, name(where, b), bool({a, b} & where.internal), list(edge["kinds"]), status,
        round(edge["strength"], 4), evidence,
    )  # fmt: skip


def _explains(day: date | None, what: str, lo: date, hi: date) -> bool:
    """A ``since`` in (lo, hi] makes a relationship new; an ``until`` in [lo, hi) makes it lost."""
    if day is None:
        return False
    return lo < day <= hi if what == "new" else lo <= day < hi


def _status(before: Projection, after: Projection, pair: tuple[str, str]) -> StatusChange:
    a, b = pair
    old, now = before.graph.edges[a, b], after.graph.edges[a, b]
    last = now["last_contact"]
    recent = [cite_interaction(after, i) for i in pair_interactions(after, a, b)[:1]]
    return StatusChange(
        a, name(after, a), b, name(after, b), bool({a, b} & after.internal), old["status"], now["status"],
        round(old["strength"], 4), round(now["strength"], 4), last.isoformat() if last else None,
        [cite_tie(before, a, b), cite_tie(after, a, b), *recent],
    )  # fmt: skip


def _org_links(where: Projection, other: Projection, what: str) -> list[TieChange]:
    """Typed relationships between organisations valid in ``where`` and not in ``other``."""
    theirs = {r.key for r in valid_relationships(other, ORG_LINKS)}
    found = []
    for rel in valid_relationships(where, ORG_LINKS):
        ends = {rel.source, rel.target}
        if rel.key in theirs or not ends <= where.organizations.keys():
            continue
        found.append(TieChange(
            rel.source, name(where, rel.source), rel.target, name(where, rel.target),
            bool(ends & where.own_organizations), [rel.type.value], None, rel.strength,
            [cite_relationship(where, rel)],
        ))  # fmt: skip
    return found


def _rank_moves(before: Projection, after: Projection, top: int, seed: int) -> list[RankMove]:
    old = {c.id: c for c in key_contacts(before, limit=None, seed=seed)}
    now = {c.id: c for c in key_contacts(after, limit=None, seed=seed)}
    shown = {i for i, c in old.items() if c.rank <= top} | {
        i for i, c in now.items() if c.rank <= top
    }
    moves = []
    for pid in shown:
        was, iss = old.get(pid), now.get(pid)
        if was is not None and iss is not None and was.rank == iss.rank:
            continue
        where = after if pid in after.people else before
        latest = iss or was
        assert latest is not None
        org = where.organizations[latest.organization].name if latest.organization else None
        detail = f"rank {was.rank if was else '–'} → {iss.rank if iss else '–'}; {latest.reason}"
        moves.append(RankMove(
            pid, latest.name, org, was.rank if was else None, iss.rank if iss else None,
            was.score if was else None, iss.score if iss else None, [cite_person(where, pid, detail)],
        ))  # fmt: skip
    moves.sort(key=lambda m: (m.rank_after is None, m.rank_after or 0, m.id))
    return moves


def _threads(before: Projection, after: Projection) -> list[ThreadChange]:
    changes = []
    for oid, org in after.organizations.items():
        if OrgRole.OWN in org.roles or not (
            set(org.roles) & _ACCOUNT_ROLES or org.kind in _ACCOUNT_KINDS
        ):
            continue
        was = (
            list(reaching_us(before, before.members_of(oid))) if oid in before.organizations else []
        )
        now = list(reaching_us(after, after.members_of(oid)))
        kind = None
        if len(now) == 1 and len(was) != 1:
            kind = "single_threaded"
        elif not now and was:
            kind = "uncovered"
        elif len(was) == 1 and len(now) > 1:
            kind = "no_longer_single_threaded"
        if kind is None:
            continue
        gone = [p for p in was if p not in now]
        evidence = [cite_organization(after, oid)]
        evidence += [
            cite_tie(before, p, m)
            for p in gone
            for m in before.members_of(oid)
            if before.graph.has_edge(p, m)
        ]
        changes.append(ThreadChange(
            oid, org.name, kind, was, names(before, was), now, names(after, now), evidence,
        ))  # fmt: skip
    return changes
