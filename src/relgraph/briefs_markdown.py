"""Briefs as Markdown a relationship manager can print: sections in the brief's order, evidence as footnotes.

Every value that comes from the data is escaped: Markdown's inline specials (``\\ ` * _ [ ] | ~ #``) get a
backslash, ``&``, ``<`` and ``>`` become HTML entities, and line breaks become spaces, so a name can neither
format the page, break a table row nor inject HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from relgraph.analysis.briefs import (
    ChangeReport,
    Citation,
    CommunityPlan,
    NegotiationBrief,
    OurTie,
    RecentInteraction,
    Recommendation,
    Route,
    TieChange,
)

__all__ = ["change_markdown", "community_markdown", "escape", "negotiation_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")
_STANCES = {-2: "opponent", -1: "leans against", 0: "neutral", 1: "leans for", 2: "champion"}
_RECENT_SHOWN = 15
_RISKS = {
    "uncovered": "Uncovered account",
    "single_threaded": "Single-threaded account",
    "single_thread_decision_maker": "Single thread to a decision maker",
    "blocker": "Blocker",
    "opponent": "Opponent",
    "negative_tie": "Negative tie",
    "competitor_tie": "Competitor's reach",
    "cooling_tie": "Cooling tie",
    "dormant_tie": "Dormant tie",
}


def escape(value: object) -> str:
    """Data made safe for Markdown text and table cells.

    Examples
    --------
    >>> escape("A*B_C | <script>")
    'A\\\\*B\\\\_C \\\\| &lt;script&gt;'
    >>> escape(None)
    '–'
    """
    if value is None:
        return "–"
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


class _Notes:
    """Footnotes: each distinct citation numbered once, in order of first use."""

    def __init__(self) -> None:
        self.cited: list[Citation] = []

    def refs(self, citations: Iterable[Citation]) -> str:
        marks = []
        for citation in citations:
            if citation not in self.cited:
                self.cited.append(citation)
            marks.append(f"[^{self.cited.index(citation) + 1}]")
        return "".join(dict.fromkeys(marks))

    def section(self) -> list[str]:
        if not self.cited:
            return []
        lines = ["## Evidence", ""]
        for n, c in enumerate(self.cited, 1):
            kind = f"{c.kind}, {c.type}" if c.type else c.kind
            lines.append(f"[^{n}]: {escape(c.text)} ({kind}: {escape(', '.join(c.ids))})")
        return [*lines, ""]


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _stance(stance: int | None) -> str:
    if stance is None:
        return "unknown"
    return f"{stance:+d} {_STANCES[stance]}" if stance else f"0 {_STANCES[0]}"


def _role(value: str | None) -> str:
    return escape(value.replace("_", " ")) if value else "–"


def _ties(ties: Sequence[OurTie], limit: int = 3) -> str:
    shown = [f"{escape(t.name)} ({t.status} {t.strength:.2f})" for t in ties[:limit]]
    more = f" +{len(ties) - limit} more" if len(ties) > limit else ""
    return ", ".join(shown) + more if shown else "none"


def _route(route: Route) -> str:
    steps = [escape(route.start_name)]
    steps += [f"{escape(h.target_name)} ({h.status} {h.strength:.2f})" for h in route.hops]
    return " → ".join(steps)


def _heading(title: str, lines: list[str], empty: str) -> list[str]:
    return [f"## {title}", "", *(lines or [f"_{empty}_", ""])]


def _missing(missing: Sequence[str]) -> list[str]:
    if not missing:
        return []
    return ["**Missing data** (sections below stay empty rather than guess):", "",
            *(f"- {escape(m)}" for m in missing), ""]  # fmt: skip


def _recommendations(recs: Sequence[Recommendation], notes: _Notes) -> list[str]:
    lines = []
    for n, r in enumerate(recs, 1):
        lines.append(f"{n}. **{escape(r.action)}.** Why: {escape(r.why)}.{notes.refs(r.evidence)}")
        lines += [f"   - Also: {escape(a)}." for a in r.also]
    return [*lines, ""] if lines else []


def _recent(recent: Sequence[RecentInteraction], days: int) -> list[str]:
    rows = [
        (r.date, escape(r.channel), "–" if r.sentiment is None else f"{r.sentiment:+.1f}", escape(r.summary),
         escape(", ".join(r.participant_names)))
        for r in recent[:_RECENT_SHOWN]
    ]  # fmt: skip
    if not rows:
        return []
    more = (
        [f"_… and {len(recent) - _RECENT_SHOWN} earlier ones._", ""]
        if len(recent) > _RECENT_SHOWN
        else []
    )
    return [*_table(["Date", "Channel", "Sentiment", "Summary", "Participants"], rows), *more]


def negotiation_markdown(brief: NegotiationBrief) -> str:
    """The negotiation brief as Markdown.

    Examples
    --------
    >>> from datetime import date
    >>> from relgraph.analysis.briefs import negotiation_brief
    >>> from relgraph.model import Network, Organization
    >>> from relgraph.projection import project
    >>> net = Network(organizations=[Organization(id="x", name="X *Corp*", kind="company")])
    >>> text = negotiation_markdown(negotiation_brief(project(net, as_of=date(2026, 1, 1)), "x"))
    >>> text.splitlines()[0]
    '# Negotiation brief: X \\\\*Corp\\\\*'
    >>> "no people recorded at X" in text
    True
    """
    notes = _Notes()
    value = f" · yearly value {brief.value:,.0f}" if brief.value is not None else ""
    roles = f" · {escape(', '.join(brief.roles))}" if brief.roles else ""
    lines = [f"# Negotiation brief: {escape(brief.name)}", "",
             f"As of {brief.as_of} · {_role(brief.kind)}{roles}{value}", "", *_glance(brief),
             *_missing(brief.missing)]  # fmt: skip
    lines += _heading(
        "1. Decision makers and influencers", _stakeholders(brief), "No people recorded."
    )
    lines += _heading(
        "2. Internal structure", _structure(brief), "No reporting or influence lines recorded."
    )
    lines += _heading(
        "3. Our coverage of the decision makers",
        _coverage(brief, notes),
        "No decision makers recorded.",
    )
    lines += _heading(
        "4. Warm paths to decision makers we do not cover", _paths(brief, notes), "None needed."
    )
    lines += _heading("5. Risks", [*(f"- **{_RISKS.get(r.kind, r.kind)}**: {escape(r.summary)}.{notes.refs(r.evidence)}" for r in brief.risks), ""] if brief.risks else [], "No risks found in the data.")  # fmt: skip
    lines += _heading("6. Related organisations", _related(brief, notes), "None recorded.")
    lines += _heading(f"7. Recent interactions (last {brief.recent_days} days)", _recent(brief.recent_interactions, brief.recent_days), "None recorded.")  # fmt: skip
    lines += _heading("8. Recommended next actions", _recommendations(brief.recommendations, notes), "None: no finding calls for one.")  # fmt: skip
    return "\n".join([*lines, *notes.section()]).rstrip() + "\n"


def _glance(brief: NegotiationBrief) -> list[str]:
    c = brief.coverage
    if not brief.stakeholders:
        return []
    return [f"**At a glance:** {len(brief.stakeholders)} people known there; we cover {c.covered} of "
            f"{c.decision_makers} decision makers; {len(c.our_people)} of our people are in touch; "
            f"{len(brief.risks)} risks; {len(brief.recommendations)} recommended actions.", ""]  # fmt: skip


def _stakeholders(brief: NegotiationBrief) -> list[str]:
    rows = [
        (s.rank, f"**{escape(s.name)}**", escape(s.title), _role(s.decision_role), _role(s.seniority),
         _stance(s.stance), "–" if s.influence is None else f"{s.influence}/5", f"{s.score:.2f}", _ties(s.our_ties))
        for s in brief.stakeholders
    ]  # fmt: skip
    headers = [
        "#",
        "Name",
        "Title",
        "Role",
        "Seniority",
        "Stance",
        "Stated influence",
        "Key-contact score",
        "Our ties",
    ]
    return _table(headers, rows) if rows else []


def _structure(brief: NegotiationBrief) -> list[str]:
    lines = []
    for link in brief.structure:
        verb = "reports to" if link.type == "REPORTS_TO" else "influences"
        strength = f", strength {link.strength:.2f}" if link.strength is not None else ""
        outside = " (outside the organisation)" if link.external else ""
        lines.append(
            f"- {escape(link.source_name)} {verb} {escape(link.target_name)}{strength}{outside}"
        )
    return [*lines, ""] if lines else []


def _coverage(brief: NegotiationBrief, notes: _Notes) -> list[str]:
    c = brief.coverage
    if not c.entries:
        return []
    head = [f"We cover **{c.covered} of {c.decision_makers}** decision makers with a strong or active tie. "
            f"Of our people, {escape(', '.join(c.our_people_names)) or 'none'} are in touch with "
            f"{escape(brief.name)} (strong, active or cooling tie).", ""]  # fmt: skip
    rows = [
        (f"**{escape(e.name)}**", "yes" if e.covered else "**no**", _ties(e.through), _ties(e.other_ties),
         notes.refs(e.evidence))
        for e in c.entries
    ]  # fmt: skip
    return [
        *head,
        *_table(["Decision maker", "Covered", "Through", "Other ties", "Evidence"], rows),
    ]


def _paths(brief: NegotiationBrief, notes: _Notes) -> list[str]:
    lines = []
    for target in brief.paths:
        if not target.routes:
            lines.append(f"- **{escape(target.name)}**: no route from our people within 4 ties.")
        for n, route in enumerate(target.routes, 1):
            lines.append(f"- **{escape(target.name)}**, route {n} (strength {route.strength:.2f}): "
                         f"{_route(route)}{notes.refs(route.evidence)}")  # fmt: skip
    return [*lines, ""] if lines else []


def _related(brief: NegotiationBrief, notes: _Notes) -> list[str]:
    rows = [
        (escape(r.name), _role(r.kind), escape(", ".join(r.roles)) or "–", escape("; ".join(r.relations)),
         notes.refs(r.evidence))
        for r in brief.related
    ]  # fmt: skip
    return _table(["Organisation", "Kind", "Roles", "Relation", "Evidence"], rows) if rows else []


def community_markdown(plan: CommunityPlan) -> str:
    """The community-relations plan as Markdown.

    Examples
    --------
    >>> from datetime import date
    >>> from relgraph.analysis.briefs import community_plan
    >>> from relgraph.model import Network, Organization
    >>> from relgraph.projection import project
    >>> net = Network(organizations=[Organization(id="t", name="Town <b>", kind="municipality")])
    >>> community_markdown(community_plan(project(net, as_of=date(2026, 1, 1)), "t")).splitlines()[0]
    '# Community-relations plan: Town &lt;b&gt;'
    """
    notes = _Notes()
    roles = f" · {escape(', '.join(plan.roles))}" if plan.roles else ""
    lines = [f"# Community-relations plan: {escape(plan.name)}", "", f"As of {plan.as_of} · {_role(plan.kind)}{roles}", "",
             *(f"_Note: {escape(n)}._" for n in plan.notes), *([""] if plan.notes else []), *_missing(plan.missing)]  # fmt: skip
    lines += _heading(
        "1. Officials and elected members", _officials(plan), "No officials or members recorded."
    )
    lines += _heading("2. Community groups and other organisations around it", _groups(plan, notes), "None linked in the data.")  # fmt: skip
    lines += _heading(
        "3. Coalitions: supporters and opponents", _coalitions(plan, notes), "No coalitions found."
    )
    lines += _heading("4. Our coverage and gaps", _community_coverage(plan), "Nothing to cover.")
    lines += _heading("5. Who bridges us to the groups we lack", _bridges(plan, notes), "No bridges needed or none found.")  # fmt: skip
    lines += _heading("6. Engagement order", _engagement(plan), "No stakeholders in scope.")
    lines += _heading(
        "7. Negative relationships to repair", _repairs(plan, notes), "None recorded."
    )
    lines += _heading("8. Recent interactions (last 90 days)", _recent(plan.recent_interactions, 90), "None recorded.")  # fmt: skip
    lines += _heading("9. Recommended next actions", _recommendations(plan.recommendations, notes), "None: no finding calls for one.")  # fmt: skip
    return "\n".join([*lines, *notes.section()]).rstrip() + "\n"


def _officials(plan: CommunityPlan) -> list[str]:
    rows = [
        (o.rank, f"**{escape(o.name)}**", escape(o.title), "elected / member" if o.membership == "MEMBER_OF" else "official",
         _role(o.decision_role), _stance(o.stance), f"{o.power:.2f}", f"{o.interest:.2f}", escape(o.quadrant),
         escape(o.salience), _ties(o.our_ties))
        for o in plan.officials
    ]  # fmt: skip
    headers = [
        "#",
        "Name",
        "Title",
        "Seat",
        "Role",
        "Stance",
        "Power",
        "Interest",
        "Quadrant",
        "Salience",
        "Our ties",
    ]
    return _table(headers, rows) if rows else []


def _groups(plan: CommunityPlan, notes: _Notes) -> list[str]:
    rows = []
    for g in plan.groups:
        links = "; ".join(g.links[:3]) + (f"; +{len(g.links) - 3} more" if len(g.links) > 3 else "")
        rows.append((f"**{escape(g.name)}**", _role(g.kind), _stance(g.stance), len(g.members), escape(links),
                     escape(", ".join(g.reached_by_names)) or "**nobody**", notes.refs(g.evidence[:4])))  # fmt: skip
    headers = [
        "Organisation",
        "Kind",
        "Stance",
        "People known",
        "Linked by",
        "Reached by us",
        "Evidence",
    ]
    return _table(headers, rows) if rows else []


def _coalitions(plan: CommunityPlan, notes: _Notes) -> list[str]:
    lines = []
    for c in plan.coalitions:
        label = f"**{c.label} coalition**" if c.label else "**mixed group**"
        pro = ", ".join(f"{escape(r.name)} ({r.how})" for r in c.supporters) or "none"
        con = ", ".join(f"{escape(r.name)} ({r.how})" for r in c.opponents) or "none"
        lines.append(f"- {label} of {c.size} people ({c.internal} of ours; around "
                     f"{escape(', '.join(c.organizations[:4]))}). For: {pro}. Against: {con}. "
                     f"Neutral {c.neutral}, unknown {c.unknown}.{notes.refs(c.evidence[:6])}")  # fmt: skip
    return [*lines, ""] if lines else []


def _community_coverage(plan: CommunityPlan) -> list[str]:
    c = plan.coverage
    if not c.officials:
        return []
    gaps = [e.name for e in c.entries if not e.covered]
    lacking = [g.name for g in plan.groups if not g.reached_by]
    return [f"- Officials and members covered by a strong or active tie: **{c.covered} of {c.officials}**.",
            f"- Not covered: {escape(', '.join(gaps)) or 'none'}.",
            f"- Our people in touch with {escape(plan.name)}: {escape(', '.join(c.our_people_names)) or 'nobody'}"
            + (" — **single-threaded: everything runs through this one person**." if len(c.our_people) == 1 else "."),
            f"- Groups around it that we reach: **{c.groups_reached} of {c.groups}**; not reached: "
            f"{escape(', '.join(lacking)) or 'none'}.", ""]  # fmt: skip


def _bridges(plan: CommunityPlan, notes: _Notes) -> list[str]:
    lines = []
    for b in plan.bridges:
        where = f" ({escape(b.organization)})" if b.organization else ""
        tie = f"; our tie: {_ties([b.our_tie])}" if b.our_tie else "; none of us is tied to them"
        lines.append(
            f"- **{escape(b.name)}**{where} leads to {escape(', '.join(b.group_names))}{tie}."
        )
        routes: dict[str, tuple[Route, list[str]]] = {}
        for group, route in zip(b.group_names, b.routes, strict=True):
            routes.setdefault(route.target, (route, []))[1].append(group)
        lines += [
            f"  - to {escape(', '.join(groups))}: {_route(r)}{notes.refs(r.evidence)}"
            for r, groups in routes.values()
        ]
    return [*lines, ""] if lines else []


def _engagement(plan: CommunityPlan) -> list[str]:
    rows = [
        (e.order, f"**{escape(e.name)}**", "organisation" if e.node_type == "Organization" else "person",
         escape(e.organization), f"{e.power:.2f}", f"{e.interest:.2f}", escape(e.quadrant), escape(e.salience),
         _stance(e.stance), "yes" if e.reached else "no")
        for e in plan.engagement
    ]  # fmt: skip
    headers = ["Order", "Stakeholder", "Type", "Organisation", "Power", "Interest", "Quadrant", "Salience",
               "Stance", "We reach them"]  # fmt: skip
    return _table(headers, rows) if rows else []


def _repairs(plan: CommunityPlan, notes: _Notes) -> list[str]:
    lines = []
    for r in plan.repairs:
        whose = "our tie" if r.ours else "between stakeholders"
        mood = f", sentiment {r.sentiment:+.2f}" if r.sentiment is not None else ""
        lines.append(
            f"- {escape(r.a_name)} – {escape(r.b_name)} ({whose}{mood}).{notes.refs(r.evidence)}"
        )
    return [*lines, ""] if lines else []


def change_markdown(report: ChangeReport) -> str:
    """The change report as Markdown.

    Examples
    --------
    >>> from datetime import date
    >>> from relgraph.analysis.briefs import change_report_between
    >>> from relgraph.model import Network
    >>> change_markdown(change_report_between(Network(), end=date(2026, 6, 30))).splitlines()[0]
    '# Changes from 2026-05-30 to 2026-06-30'
    """
    notes = _Notes()
    lines = [f"# Changes from {report.before} to {report.after}", "",
             f"{report.interactions} interactions recorded in the period.", "", *_missing(report.missing)]  # fmt: skip
    lines += _heading("1. New relationships", _tie_rows(report.new_relationships, notes), "None.")
    lines += _heading("2. Lost relationships", _tie_rows(report.lost_relationships, notes), "None.")
    rows = [
        (f"{escape(c.a_name)} – {escape(c.b_name)}", "yes" if c.ours else "no", f"{c.before} → **{c.after}**",
         f"{c.strength_before:.2f} → {c.strength_after:.2f}", c.last_contact or "–", notes.refs(c.evidence))
        for c in report.status_changes
    ]  # fmt: skip
    lines += _heading("3. Ties whose status changed", _table(["Tie", "Ours", "Status", "Strength", "Last contact", "Evidence"], rows) if rows else [], "None.")  # fmt: skip
    rows = [
        (escape(m.name), escape(m.organization), str(m.rank_before or "not ranked"), str(m.rank_after or "not ranked"),
         _move(m.rank_before, m.rank_after), notes.refs(m.evidence))
        for m in report.rank_moves
    ]  # fmt: skip
    lines += _heading("4. Key contacts whose rank moved", _table(["Person", "Organisation", "Rank before", "Rank after", "Move", "Evidence"], rows) if rows else [], "None.")  # fmt: skip
    threads = [
        f"- **{escape(t.name)}** {_role(t.kind)}: reached before by {escape(', '.join(t.before_names)) or 'nobody'}, "
        f"now by {escape(', '.join(t.after_names)) or 'nobody'}.{notes.refs(t.evidence)}"
        for t in report.threads
    ]  # fmt: skip
    lines += _heading("5. Accounts that became single-threaded (or recovered)", [*threads, ""] if threads else [], "None.")  # fmt: skip
    return "\n".join([*lines, *notes.section()]).rstrip() + "\n"


def _move(before: int | None, after: int | None) -> str:
    if before is None:
        return "new in the ranking"
    if after is None:
        return "left the ranking"
    return f"up {before - after}" if after < before else f"down {after - before}"


def _tie_rows(changes: Sequence[TieChange], notes: _Notes) -> list[str]:
    rows = [
        (f"{escape(c.a_name)} – {escape(c.b_name)}", "yes" if c.ours else "no", escape(", ".join(c.kinds)),
         c.status or "–", "–" if c.strength is None else f"{c.strength:.2f}", notes.refs(c.evidence))
        for c in changes
    ]  # fmt: skip
    return (
        _table(["Relationship", "Ours", "Kinds", "Status", "Strength", "Evidence"], rows)
        if rows
        else []
    )
