"""Weak links (relgraph.analysis.weak_links): dominators, bridges, cold ties, threads, negative ties."""

from __future__ import annotations

import pytest

from relgraph.analysis.weak_links import dominated_sets, importance, weak_links
from relgraph.model import RelType
from tests.analysis.builders import (
    chain,
    meet,
    network,
    org,
    ours,
    person,
    projected,
    tie,
    works_at,
)


def _of(findings, kind):
    return [f for f in findings if f.kind == kind]


# --- dominated_sets -------------------------------------------------------------------------------


def test_chain_each_node_dominates_what_lies_behind_it():
    # us – a – b: every route to b passes through a, every route to a and b through us
    net = network(
        people=[ours("us"), person("a"), person("b")], relationships=chain("us", "a", "b")
    )
    assert dominated_sets(projected(net)) == {"us": {"a", "b"}, "a": {"b"}}


def test_diamond_two_routes_dominate_nothing():
    # us – a – t and us – b – t: t has two routes, so neither a nor b dominates it
    net = network(
        people=[ours("us"), person("a"), person("b"), person("t")],
        relationships=[*chain("us", "a", "t"), *chain("us", "b", "t")],
    )
    assert dominated_sets(projected(net)) == {"us": {"a", "b", "t"}}


def test_ring_from_two_of_us_dominates_nothing():
    # u1 – a – t – b – u2: every node has a route from u1 and another from u2 (a via u2 – b – t – a)
    net = network(
        people=[ours("u1"), ours("u2"), person("a"), person("b"), person("t")],
        relationships=chain("u1", "a", "t", "b", "u2"),
    )
    assert dominated_sets(projected(net)) == {}


def test_two_of_us_with_contacts_of_their_own():
    net = network(
        people=[ours("u1"), ours("u2"), person("a"), person("b")],
        relationships=[tie("u1", "a"), tie("u2", "b")],
    )
    assert dominated_sets(projected(net)) == {"u1": {"a"}, "u2": {"b"}}


def test_routes_through_organisations_count():
    # c1 and c2 are colleagues at cl, linked only through cl's node; we know c1 only
    net = network(
        people=[ours("us"), person("c1"), person("c2")],
        organizations=[org("cl", "client")],
        relationships=[tie("us", "c1"), works_at("c1", "cl"), works_at("c2", "cl")],
    )
    assert dominated_sets(projected(net)) == {
        "us": {"c1", "cl", "c2"},
        "c1": {"cl", "c2"},
        "cl": {"c2"},
    }


def test_dominated_sets_without_our_people_or_anyone():
    assert dominated_sets(projected(network())) == {}
    assert (
        dominated_sets(
            projected(network(people=[person("a"), person("b")], relationships=[tie("a", "b")]))
        )
        == {}
    )
    assert dominated_sets(projected(network(people=[ours("us")]))) == {}


# --- single point of failure and bridge -----------------------------------------------------------


def _through_x():
    """us – x – c, where c works at a client: x is our only way in."""
    return network(
        people=[ours("us"), person("x"), person("c")],
        organizations=[org("cl", "client")],
        relationships=[tie("us", "x", 0.8), tie("x", "c", 0.8), works_at("c", "cl")],
    )


def test_single_point_of_failure_names_the_person_whose_removal_cuts_us_off():
    p = projected(_through_x())
    weight = importance(p)
    points = {tuple(f.subjects): f for f in _of(weak_links(p), "single_point_of_failure")}
    assert set(points) == {("us",), ("x",), ("c",)}
    x = points[("x",)]
    assert set(x.at_risk) == {"c", "cl"}
    assert x.severity == pytest.approx(max(weight["c"], weight["cl"]))
    assert x.summary == "without X, we lose our only route to CL"  # organisations named first
    assert points[("us",)].summary.startswith("if US leaves")  # one of ours leaving
    assert set(points[("us",)].at_risk) == {"x", "c", "cl"}


def test_bridge_finding():
    p = projected(_through_x())
    bridges = {tuple(f.subjects): f for f in _of(weak_links(p), "bridge")}
    # us–x and x–c are bridges with none of us beyond them; c–cl is c's employer only (left out)
    assert set(bridges) == {("us", "x"), ("x", "c")}
    assert set(bridges[("x", "c")].at_risk) == {"c", "cl"}
    assert set(bridges[("us", "x")].at_risk) == {"x", "c", "cl"}
    assert (
        bridges[("x", "c")].why
        == "losing this one tie cuts 2 people and organisations off from all of us"
    )


def test_a_second_route_removes_the_single_point_and_the_bridges():
    net = _through_x()
    net = net.model_copy(
        update={
            "people": [*net.people, person("y")],
            "relationships": [*net.relationships, tie("us", "y", 0.8), tie("y", "c", 0.8)],
        }
    )
    findings = weak_links(projected(net))
    assert {tuple(f.subjects) for f in _of(findings, "single_point_of_failure")} == {
        ("us",),
        ("c",),
    }
    assert _of(findings, "bridge") == []


def test_a_tie_between_two_of_us_is_no_bridge_finding():
    net = network(people=[ours("u1"), ours("u2")], relationships=[tie("u1", "u2", 0.8)])
    assert weak_links(projected(net)) == []


# --- cooling and dormant ties -----------------------------------------------------------------------


def _cold(last_contacts, extra_people=(), extra_meetings=()):
    """Us and important people (decision makers, influence 5) last met ``last_contacts[id]`` days ago."""
    people = [ours("us"), *extra_people]
    rels, meetings = [], list(extra_meetings)
    for pid, ago in last_contacts.items():
        people.append(person(pid, influence=5))
        rels.append(works_at(pid, "acme", "decision_maker", "executive"))
        meetings.append(meet(ago, "us", pid))
    return network(
        people=people, organizations=[org("acme")], relationships=rels, interactions=meetings
    )


@pytest.mark.parametrize(
    ("ago", "kind"),
    [(0, None), (90, None), (91, "cooling_tie"), (365, "cooling_tie"), (366, "dormant_tie")],
)
def test_cold_tie_to_an_important_person(ago, kind):
    p = projected(_cold({"vip": ago}))
    cold = [f for f in weak_links(p) if f.kind in {"cooling_tie", "dormant_tie"}]
    if kind is None:
        assert cold == []
        return
    (finding,) = cold
    assert finding.kind == kind and finding.subjects == ["us", "vip"] and finding.at_risk == ["vip"]
    weight = importance(p)["vip"]
    assert weight >= 0.3
    assert finding.severity == pytest.approx(weight, abs=1e-4)  # nobody else of ours is in touch
    assert f"no contact for {ago} days" in finding.summary


def test_cold_tie_to_an_unimportant_person_is_no_finding():
    # influence 1, no role, a leaf: score ≤ 0.40 × 0.5 (PageRank scaled at most 1, no betweenness) < 0.3
    nobody = person("nobody", influence=1)
    p = projected(
        _cold({"vip": 120}, extra_people=[nobody], extra_meetings=[meet(120, "us", "nobody")])
    )
    assert p.graph.edges["us", "nobody"]["status"] == "cooling"
    assert importance(p)["nobody"] < 0.3
    cold = [f for f in weak_links(p) if f.kind == "cooling_tie"]
    assert [f.subjects for f in cold] == [["us", "vip"]]


def test_cold_tie_is_half_as_severe_when_another_of_us_is_in_touch():
    p = projected(
        _cold({"vip": 120}, extra_people=[ours("us2")], extra_meetings=[meet(10, "us2", "vip")])
    )
    (finding,) = [f for f in weak_links(p) if f.kind == "cooling_tie"]
    assert finding.subjects == ["us", "vip"]
    assert finding.severity == pytest.approx(importance(p)["vip"] * 0.5, abs=1e-4)
    assert "another of us is in touch" in finding.why


# --- single-threaded and uncovered accounts --------------------------------------------------------


def _account(*extra):
    """A client with two people; u1 knows c1 (stated 0.5: active), u2 knows nobody there."""
    return network(
        people=[ours("u1"), ours("u2"), person("c1"), person("c2")],
        organizations=[org("cl", "client"), org("sup", "supplier")],
        relationships=[
            works_at("c1", "cl"),
            works_at("c2", "cl"),
            works_at("c2", "sup", type=RelType.MEMBER_OF),
            tie("u1", "c1", 0.5),
            *extra,
        ],
    )


def test_single_threaded_client():
    p = projected(_account())
    threads = _of(weak_links(p), "single_threaded")
    assert [(f.subjects, f.at_risk) for f in threads] == [(["cl", "u1"], ["cl"])]
    assert threads[0].severity == 0.5  # a client with no value: 0.5 + 0.5 × 0
    assert threads[0].summary == "CL is reached only through U1"
    assert _of(weak_links(p), "uncovered") == []  # suppliers are not accounts


def test_two_of_us_reach_the_client_no_finding():
    findings = weak_links(projected(_account(tie("u2", "c2", 0.5))))
    assert _of(findings, "single_threaded") == [] and _of(findings, "uncovered") == []


def test_a_cooling_tie_still_reaches_a_negative_one_does_not():
    net = _account(tie("u2", "c2"))
    cooling = projected(net.model_copy(update={"interactions": [meet(200, "u2", "c2")]}))
    assert cooling.graph.edges["u2", "c2"]["status"] == "cooling"
    assert _of(weak_links(cooling), "single_threaded") == []
    hostile = projected(_account(tie("u2", "c2", 0.9, sentiment=-0.8)))
    assert [f.subjects for f in _of(weak_links(hostile), "single_threaded")] == [["cl", "u1"]]


def test_our_own_member_reaches_the_account():
    findings = weak_links(projected(_account(works_at("u2", "cl", type=RelType.MEMBER_OF))))
    assert _of(findings, "single_threaded") == []


def test_uncovered_account():
    # u1 knows c1 but the tie was never stated strong or seen: dormant, which does not reach
    net = network(
        people=[ours("u1"), person("c1")],
        organizations=[org("town", kind="municipality")],
        relationships=[works_at("c1", "town"), tie("u1", "c1")],
    )
    p = projected(net)
    assert p.graph.edges["u1", "c1"]["status"] == "dormant"
    (finding,) = _of(weak_links(p), "uncovered")
    assert finding.subjects == ["town"] and finding.at_risk == ["town"] and finding.severity == 0.5
    assert finding.why.startswith("1 people known there")


# --- negative ties and ordering -------------------------------------------------------------------------


def test_negative_tie_from_a_stated_negative_sentiment():
    net = network(
        people=[ours("us"), person("x"), person("y")],
        relationships=[tie("us", "x", 0.6, sentiment=-0.6), tie("x", "y", 0.6, sentiment=-0.9)],
    )
    p = projected(net)
    (finding,) = _of(weak_links(p), "negative_tie")  # x–y is not ours
    assert finding.subjects == ["us", "x"] and finding.at_risk == ["x"]
    assert finding.severity == pytest.approx(importance(p)["x"])
    assert finding.why == "sentiment -0.60 over 0 interactions"


def test_findings_are_sorted_by_severity():
    net = _account(tie("u1", "x", 0.6, sentiment=-0.6))
    net = net.model_copy(update={"people": [*net.people, person("x", influence=5)]})
    findings = weak_links(projected(net))
    assert len({f.kind for f in findings}) >= 3
    keys = [(-f.severity, f.kind, f.subjects) for f in findings]
    assert keys == sorted(keys)
    assert weak_links(projected(net), limit=2) == findings[:2]


def test_importance_of_organisations():
    net = network(
        organizations=[
            org("big", "client", value=1000),
            org("small", "client", value=250),
            org("town", kind="municipality"),
            org("sup", "supplier", value=500),
            org("other"),
        ]
    )
    assert importance(projected(net)) == {
        "big": 1.0,  # 0.5 + 0.5 × 1000 / 1000
        "small": 0.625,  # 0.5 + 0.5 × 250 / 1000
        "town": 0.5,
        "sup": 0.45,  # 0.2 + 0.5 × 500 / 1000
        "other": 0.2,
    }


def test_empty_and_tiny_networks():
    assert weak_links(projected(network())) == []
    assert weak_links(projected(network(people=[ours("us")]))) == []
    assert weak_links(projected(network(people=[person("a")]))) == []
