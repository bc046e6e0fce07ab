"""Briefs (relgraph.analysis.briefs): each finding and recommendation appears when, and only when, its evidence does."""

from __future__ import annotations

import dataclasses
import json

import pytest

from relgraph.analysis.briefs import (
    change_report,
    change_report_between,
    community_plan,
    month_before,
    negotiation_brief,
)
from relgraph.errors import InvalidInputError, NotFoundError
from relgraph.model import RelType
from relgraph.projection import project
from tests.analysis.builders import (
    AS_OF,
    days_ago,
    meet,
    network,
    org,
    ours,
    person,
    projected,
    tie,
    works_at,
)

US_ORG = org("us-co", "own", name="Us Co")


def _kinds(brief):
    return [r.kind for r in brief.risks]


def _risk(brief, kind):
    found = [r for r in brief.risks if r.kind == kind]
    assert len(found) == 1, found
    return found[0]


def _acme(*relationships, people=(), interactions=()):
    """Us (u1) at Us Co; Acme (client) with CFO (decision maker) and COO (no role)."""
    return network(
        people=[ours("u1"), person("cfo"), person("coo"), *people],
        organizations=[US_ORG, org("acme", "client", name="Acme")],
        relationships=[
            works_at("u1", "us-co"),
            works_at("cfo", "acme", "decision_maker", "executive", title="CFO"),
            works_at("coo", "acme"),
            *relationships,
        ],
        interactions=list(interactions),
    )


# --- negotiation brief: coverage, warm paths, recommendations --------------------------------------


def test_uncovered_decision_maker_gets_a_route_and_a_recommendation():
    brief = negotiation_brief(
        projected(_acme(tie("u1", "coo", 0.8), tie("coo", "cfo", 0.8))), "acme"
    )
    assert (brief.coverage.decision_makers, brief.coverage.covered) == (1, 0)
    (entry,) = brief.coverage.entries
    assert (entry.person, entry.covered, entry.through) == ("cfo", False, [])
    (paths,) = brief.paths
    route = paths.routes[0]
    assert (route.contact, route.through, route.target) == ("u1", ["coo"], "cfo")
    # two ties stated 0.8 and never met: 0.5 × 0.8 each
    assert route.strength == pytest.approx(0.4 * 0.4)
    (rec,) = brief.recommendations
    assert rec.action == "U1 should ask COO to introduce them to CFO"
    assert (rec.who, rec.whom, rec.through, rec.finding) == ("u1", "cfo", ["coo"], "coverage:cfo")
    assert {tuple(c.ids) for c in rec.evidence} == {("u1", "coo"), ("coo", "cfo")}


def test_an_active_tie_covers_the_decision_maker_and_the_recommendation_disappears():
    brief = negotiation_brief(
        projected(_acme(tie("u1", "coo", 0.8), tie("coo", "cfo", 0.8), tie("u1", "cfo", 0.8))),
        "acme",
    )
    (entry,) = brief.coverage.entries
    assert entry.covered and [t.person for t in entry.through] == ["u1"]
    assert brief.paths == []
    # still one thread, but there is no second colleague to add: no recommendation is invented
    assert "single_thread_decision_maker" in _kinds(brief)
    assert brief.recommendations == []


def test_no_route_at_all_says_so_instead_of_guessing():
    brief = negotiation_brief(projected(_acme()), "acme")
    (paths,) = brief.paths
    assert paths.routes == []
    (rec,) = [r for r in brief.recommendations if r.finding == "coverage:cfo"]
    assert rec.who is None and "no route" in rec.why
    assert "none of our people has any tie to anyone at Acme" in brief.missing


def test_single_threaded_only_with_exactly_one_of_us():
    one = _acme(tie("u1", "coo", 0.8), people=[ours("u2")], interactions=[])
    brief = negotiation_brief(projected(one), "acme")
    risk = _risk(brief, "single_threaded")
    assert risk.people == ["u1"]
    two = _acme(tie("u1", "coo", 0.8), tie("u2", "coo", 0.8), people=[ours("u2")])
    assert "single_threaded" not in _kinds(negotiation_brief(projected(two), "acme"))
    nobody = _acme(people=[ours("u2")])
    assert "single_threaded" not in _kinds(negotiation_brief(projected(nobody), "acme"))
    assert "uncovered" in _kinds(negotiation_brief(projected(nobody), "acme"))


def test_single_thread_brings_the_closest_colleague_when_no_route_avoids_them():
    # u2 reaches Acme only through u1: the second thread is u1 bringing u2 along
    net = _acme(tie("u1", "coo", 0.8), tie("u1", "u2", 0.9), people=[ours("u2")])
    recs = negotiation_brief(projected(net), "acme").recommendations
    (rec,) = [r for r in recs if r.finding == "risk:single_threaded:acme"]
    assert rec.action == "U1 should bring U2 to their next contact with COO"
    assert (rec.who, rec.whom, rec.through) == ("u1", "coo", ["u2"])


def test_single_thread_to_a_decision_maker_routes_around_the_one_thread():
    # the CFO is covered by u1 only; u2 knows the COO, who knows the CFO
    net = _acme(
        tie("u1", "cfo", 0.8), tie("u2", "coo", 0.8), tie("coo", "cfo", 0.8), people=[ours("u2")]
    )
    brief = negotiation_brief(projected(net), "acme")
    assert _risk(brief, "single_thread_decision_maker").people == ["cfo", "u1"]
    (rec,) = [
        r for r in brief.recommendations if r.finding.startswith("risk:single_thread_decision")
    ]
    assert (rec.who, rec.whom, rec.through) == ("u2", "cfo", ["coo"])


def _blocker_net(*extra):
    return network(
        people=[ours("u1"), person("dm"), person("blk", stance=-2), person("adv"), person("rival")],
        organizations=[US_ORG, org("acme", "client"), org("rivalco", "competitor", name="RivalCo")],
        relationships=[
            works_at("u1", "us-co"),
            works_at("dm", "acme", "decision_maker"),
            works_at("blk", "acme", "blocker"),
            works_at("adv", "acme"),
            works_at("rival", "rivalco"),
            tie("blk", "dm", type=RelType.INFLUENCES),
            tie("u1", "adv", 0.5),
            tie("u1", "dm", 0.8),
            *extra,
        ],
    )


def test_blocker_and_the_people_they_listen_to():
    plain = negotiation_brief(projected(_blocker_net()), "acme")
    risk = _risk(plain, "blocker")
    assert [r.id for r in risk.listens_to] == [] and [r.id for r in risk.sways] == ["dm"]
    assert not [r for r in plain.recommendations if r.finding == "risk:blocker:blk"]
    assert "competitor_tie" not in _kinds(plain)

    net = _blocker_net(
        tie("adv", "blk", type=RelType.INFLUENCES), tie("rival", "blk", type=RelType.INFLUENCES)
    )
    brief = negotiation_brief(projected(net), "acme")
    risk = _risk(brief, "blocker")
    assert sorted(r.id for r in risk.listens_to) == ["adv", "rival"]
    assert any(c.kind == "relationship" and c.type == "INFLUENCES" for c in risk.evidence)
    (rec,) = [r for r in brief.recommendations if r.finding == "risk:blocker:blk"]
    assert rec.action == "U1 should talk to ADV, whom BLK listens to"
    assert (rec.who, rec.whom) == ("u1", "adv")
    assert _risk(brief, "competitor_tie").people == ["blk", "rival"]
    assert [r.name for r in brief.related] == ["RivalCo"]


def test_negative_tie_to_repair():
    neutral = _acme(tie("u1", "coo", 0.8))
    assert "negative_tie" not in _kinds(negotiation_brief(projected(neutral), "acme"))
    hostile = _acme(tie("u1", "coo", 0.8, sentiment=-0.6))
    brief = negotiation_brief(projected(hostile), "acme")
    assert _risk(brief, "negative_tie").people == ["u1", "coo"]
    (rec,) = [r for r in brief.recommendations if r.finding.startswith("risk:negative_tie")]
    assert rec.action == "U1 should hold a repair conversation with COO"
    helped = _acme(
        tie("u1", "coo", 0.8, sentiment=-0.6), tie("u2", "coo", 0.8), people=[ours("u2")]
    )
    (rec,) = [
        r
        for r in negotiation_brief(projected(helped), "acme").recommendations
        if r.finding.startswith("risk:negative_tie")
    ]
    assert rec.action == "U2 should lead contact with COO while U1 repairs the relationship"


def test_cooling_tie_to_an_executive():
    cold = _acme(
        works_at("exe", "acme", seniority="executive"),
        people=[person("exe")],
        interactions=[meet(200, "u1", "exe")],
    )
    brief = negotiation_brief(projected(cold), "acme")
    risk = _risk(brief, "cooling_tie")
    assert risk.people == ["u1", "exe"] and "no contact for 200 days" in risk.summary
    assert any(c.kind == "interaction" for c in risk.evidence)
    (rec,) = [r for r in brief.recommendations if r.whom == "exe"]
    assert rec.action == "U1 should get back in touch with EXE"
    warm = _acme(
        works_at("exe", "acme", seniority="executive"),
        people=[person("exe")],
        interactions=[meet(200, "u1", "exe"), meet(10, "u1", "exe")],
    )
    brief = negotiation_brief(projected(warm), "acme")
    assert "cooling_tie" not in _kinds(brief)
    assert not [r for r in brief.recommendations if r.whom == "exe"]


def test_cooling_tie_to_an_uncovered_decision_maker_joins_the_contact_recommendation():
    brief = negotiation_brief(projected(_acme(interactions=[meet(200, "u1", "cfo")])), "acme")
    (rec,) = brief.recommendations
    assert rec.action == "U1 should contact CFO directly (tie cooling)"
    assert rec.also and "cooling" in rec.also[0]


def test_structure_related_and_recent_interactions():
    base = _acme(
        tie("coo", "cfo", type=RelType.REPORTS_TO),
        tie("hold", "acme", type=RelType.OWNS),
        interactions=[meet(10, "u1", "coo", organization="acme"), meet(200, "u1", "coo")],
    )
    net = base.model_copy(update={"organizations": [*base.organizations, org("hold", name="Hold")]})
    brief = negotiation_brief(projected(net), "acme")
    assert [(s.type, s.source, s.target) for s in brief.structure] == [("REPORTS_TO", "coo", "cfo")]
    (related,) = brief.related
    assert (related.id, related.relations) == ("hold", ["owns Acme"])
    assert related.evidence[0].ids == ["hold", "acme"]
    assert [i.date for i in brief.recent_interactions] == [days_ago(10).isoformat()]


def test_an_organisation_without_people_gets_a_brief_that_says_what_is_missing():
    net = network(
        people=[ours("u1")], organizations=[US_ORG, org("ghost", "prospect", name="Ghost")]
    )
    brief = negotiation_brief(projected(net), "ghost")
    assert brief.missing == ["no people recorded at Ghost (WORKS_AT or MEMBER_OF)"]
    assert brief.stakeholders == brief.paths == brief.risks == brief.recommendations == []
    assert brief.coverage.entries == []


def test_missing_decision_roles_stances_and_contact():
    net = _acme(works_at("inf", "acme", "influencer"), people=[person("inf")])
    brief = negotiation_brief(projected(net), "acme")
    assert "stance unknown for CFO, INF" in brief.missing
    assert "no interactions with Acme or its people in the last 90 days" in brief.missing
    no_roles = network(
        people=[ours("u1"), person("x")],
        organizations=[US_ORG, org("acme", "client", name="Acme")],
        relationships=[works_at("x", "acme")],
    )
    brief = negotiation_brief(projected(no_roles), "acme")
    assert any(m.startswith("no decision roles recorded") for m in brief.missing)
    assert brief.coverage.entries == [] and brief.paths == []


def test_unknown_organisation_is_not_found():
    with pytest.raises(NotFoundError):
        negotiation_brief(projected(_acme()), "nope")
    with pytest.raises(NotFoundError):
        community_plan(projected(_acme()), "nope")


def test_results_are_json_ready():
    proj = projected(_acme(tie("u1", "coo", 0.8), interactions=[meet(5, "u1", "coo")]))
    for result in (negotiation_brief(proj, "acme"), community_plan(proj, "acme")):
        json.dumps(dataclasses.asdict(result))  # raises on dates, enums, sets
    report = change_report(project(proj.network, as_of=days_ago(30)), proj)
    json.dumps(dataclasses.asdict(report))


# --- community plan ----------------------------------------------------------------------------------


def _town(*extra, people=()):
    """Town (municipality): mayor (decision maker) and liaison; Club (community group): chair (-2) and member
    (-1), who know each other; the liaison knows the chair; u1 knows the liaison."""
    return network(
        people=[
            ours("u1"),
            person("mayor", influence=5, interest=3),
            person("liaison", stance=1),
            person("chair", stance=-2),
            person("member", stance=-1),
            *people,
        ],
        organizations=[
            US_ORG,
            org("town", kind="municipality", name="Town"),
            org("club", kind="community_group", name="Club", stance=-2),
        ],
        relationships=[
            works_at("u1", "us-co"),
            works_at("mayor", "town", "decision_maker", "executive", title="Mayor"),
            works_at("liaison", "town", "influencer"),
            works_at("chair", "club", type=RelType.MEMBER_OF),
            works_at("member", "club", type=RelType.MEMBER_OF),
            tie("chair", "member", 0.9),
            tie("liaison", "chair", 0.7),
            tie("u1", "liaison", 0.8),
            tie("mayor", "liaison", 0.8),
            *extra,
        ],
    )


def test_community_plan_groups_bridges_and_recommendations():
    plan = community_plan(projected(_town()), "town")
    assert plan.notes == []
    assert [o.id for o in plan.officials] and {o.id for o in plan.officials} == {"mayor", "liaison"}
    (group,) = plan.groups
    assert (group.id, group.reached_by, group.links) == ("club", [], ["LIAISON – CHAIR"])
    (bridge,) = plan.bridges
    assert (bridge.id, bridge.groups) == ("liaison", ["club"])
    assert bridge.routes[0].target == "chair"
    (coalition,) = [c for c in plan.coalitions if c.label == "opponents"]
    assert sorted(r.id for r in coalition.opponents) == ["chair", "member"]
    recs = {r.finding: r for r in plan.recommendations}
    assert recs["group:club"].action == "U1 should ask LIAISON to introduce them to CHAIR"
    assert recs["coverage:mayor"].through == ["liaison"]
    assert (plan.coverage.officials, plan.coverage.covered) == (2, 1)
    entry = next(e for e in plan.engagement if e.id == "mayor")
    assert (entry.power, entry.interest, entry.quadrant) == (1.0, 0.5, "manage closely")
    assert plan.engagement[0].quadrant == "manage closely"


def test_community_plan_reached_group_needs_no_bridge():
    plan = community_plan(projected(_town(tie("u1", "chair", 0.8))), "town")
    (group,) = plan.groups
    assert group.reached_by == ["u1"]
    assert plan.bridges == []
    assert not [r for r in plan.recommendations if r.finding.startswith("group:")]


def test_community_plan_repairs_our_negative_ties_and_notes_tensions():
    plan = community_plan(projected(_town()), "town")
    assert plan.repairs == []
    hostile = _town(
        tie("u1", "mayor", 0.5, sentiment=-0.8), tie("liaison", "member", sentiment=-0.9)
    )
    plan = community_plan(projected(hostile), "town")
    ours_repair, tension = plan.repairs
    assert (ours_repair.a, ours_repair.b, ours_repair.ours) == ("u1", "mayor", True)
    assert tension.ours is False and {tension.a, tension.b} == {"liaison", "member"}
    # the mayor is also uncovered: the introduction through the liaison carries the repair as a reason
    (rec,) = [r for r in plan.recommendations if r.whom == "mayor"]
    assert rec.action == "U1 should ask LIAISON to introduce them to MAYOR"
    assert any("on bad terms" in reason for reason in rec.also)
    assert ours_repair.evidence[0].type == "tie"


def test_community_plan_single_thread_and_non_municipality():
    net = _town(tie("u1", "u2", 0.9), people=[ours("u2")])
    plan = community_plan(projected(net), "town")
    (rec,) = [r for r in plan.recommendations if r.finding == "single_threaded:u1"]
    assert (rec.who, rec.through) == ("u1", ["u2"])
    plan = community_plan(projected(net), "club")
    assert plan.notes and "not a municipality or public authority" in plan.notes[0]


# --- change report -----------------------------------------------------------------------------------


def _history():
    return network(
        people=[ours("u1"), ours("u2"), person("x"), person("new"), person("old")],
        organizations=[US_ORG, org("acme", "client", name="Acme")],
        relationships=[
            works_at("x", "acme"),
            tie("u1", "x", 0.8),
            # u2 loses the tie 10 days ago: Acme becomes single-threaded
            tie("u2", "x", 0.8, until=days_ago(10)),
            tie("u1", "old", 0.5, until=days_ago(5)),
        ],
        interactions=[
            meet(10, "u1", "new"),  # a first meeting inside the month: a new tie
            meet(100, "u2", "old"),  # 70 days old a month ago (active), 100 now (cooling)
        ],
    )


def test_change_report_between_two_dates():
    net = _history()
    report = change_report(project(net, as_of=days_ago(30)), projected(net))
    assert (report.before, report.after) == (days_ago(30).isoformat(), AS_OF.isoformat())
    assert report.interactions == 1
    assert [(t.a, t.b, t.status) for t in report.new_relationships] == [("new", "u1", "active")]
    assert any(c.kind == "interaction" for c in report.new_relationships[0].evidence)
    lost = {(t.a, t.b) for t in report.lost_relationships}
    assert lost == {("u2", "x"), ("old", "u1")}
    assert any(c.type == "KNOWS" for t in report.lost_relationships for c in t.evidence)
    assert [(c.a, c.b, c.before, c.after) for c in report.status_changes] == [
        ("old", "u2", "active", "cooling")
    ]
    (thread,) = report.threads
    assert (thread.organization, thread.kind, thread.before, thread.after) == (
        "acme",
        "single_threaded",
        ["u1", "u2"],
        ["u1"],
    )


def test_change_report_rank_moves():
    # A star with a decision role but no ties a month ago meets both of us in the month: top of the ranking
    net = network(
        people=[ours("u1"), ours("u2"), person("x"), person("y"), person("star")],
        organizations=[US_ORG, org("acme", "client")],
        relationships=[
            works_at("x", "acme"),
            works_at("y", "acme"),
            works_at("star", "acme", "decision_maker", "executive"),
            tie("u1", "x", 0.8),
            tie("x", "y", 0.8),
        ],
        interactions=[meet(5, "u1", "star"), meet(6, "u2", "star"), meet(7, "star", "y")],
    )
    report = change_report(project(net, as_of=days_ago(30)), projected(net))
    moves = {m.id: m for m in report.rank_moves}
    assert moves["star"].rank_after == 1 and moves["star"].rank_before > 1
    assert all(m.rank_before != m.rank_after for m in moves.values())
    same = change_report(projected(net), projected(net))
    assert same.rank_moves == same.new_relationships == same.status_changes == same.threads == []


def test_change_report_needs_dates_in_order_and_defaults_to_a_month():
    net = _history()
    with pytest.raises(InvalidInputError):
        change_report(projected(net), project(net, as_of=days_ago(30)))
    report = change_report_between(net, end=AS_OF)
    assert report.before == month_before(AS_OF).isoformat()
    empty = change_report_between(network(people=[ours("u1")]), end=AS_OF)
    assert empty.missing and empty.missing[0].startswith("no interactions recorded")
