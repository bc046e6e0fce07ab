"""Tie strength, sentiment and status (relgraph.analysis.strength) and how the projection builds ties from them.

Every expected value is worked out by hand from the module docstring's formula, with the default
parameters: half-life 90 days, saturation 3, stated weight 0.5, default stated 0.3, active 90 days,
dormant 365 days, strong 0.6, negative −0.25, meetings of at most 12.
"""

from __future__ import annotations

import itertools
import math
from datetime import timedelta

import networkx as nx
import pytest

from relgraph.analysis.strength import (
    Evidence,
    TieParameters,
    TieStatus,
    distance,
    evidence_weight,
    relationship_status,
    tie_strength,
)
from relgraph.model import Channel, RelType
from relgraph.projection import project
from tests.analysis.builders import (
    AS_OF,
    days_ago,
    meet,
    network,
    org,
    person,
    projected,
    tie,
    works_at,
)

P = TieParameters()


# --- evidence_weight: channel × 2^(−age / half-life) × (1 + sentiment / 2) ----------------------------


@pytest.mark.parametrize(
    ("channel", "age", "sentiment", "expected"),
    [
        (Channel.MEETING, 0, None, 1.0),  # a meeting today
        (Channel.MEETING, 90, None, 0.5),  # one half-life ago
        (Channel.MEETING, 180, None, 0.25),  # two half-lives ago
        (Channel.SITE_VISIT, 0, None, 1.0),
        (Channel.CALL, 0, None, 0.7),
        (Channel.EVENT, 0, None, 0.5),
        (Channel.EMAIL, 45, None, 0.4 * 2**-0.5),  # 0.28284…
        (Channel.MESSAGE, 270, None, 0.3 / 8),  # three half-lives: 0.0375
        (Channel.OTHER, 0, None, 0.4),
        (Channel.MEETING, 0, 1.0, 1.5),  # a warm meeting counts one and a half
        (Channel.MEETING, 0, -1.0, 0.5),  # a hostile one half
        (Channel.MEETING, 0, 0.5, 1.25),
        (Channel.MEETING, 0, 0.0, 1.0),  # neutral is the same as unknown
        (Channel.CALL, 90, -1.0, 0.7 * 0.5 * 0.5),  # 0.175
    ],
)
def test_evidence_weight(channel, age, sentiment, expected):
    assert evidence_weight(channel, age, sentiment, P) == pytest.approx(expected)


def test_evidence_weight_future_age_counts_as_today():
    assert evidence_weight(Channel.MEETING, -30, None, P) == pytest.approx(1.0)


def test_evidence_weight_follows_the_parameters():
    p = TieParameters(half_life_days=30, channel_weights={Channel.MEETING: 2.0})
    assert evidence_weight(Channel.MEETING, 30, None, p) == pytest.approx(1.0)  # 2 × ½
    assert evidence_weight(Channel.CALL, 0, None, p) == pytest.approx(0.4)  # missing channel: 0.4


# --- tie_strength: 0.5 × stated + 0.5 × (1 − e^(−E/3)) --------------------------------------------


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        (Evidence(), 0.15),  # 0.5 × 0.3 (default stated) + 0
        (Evidence(stated=0.8), 0.4),  # 0.5 × 0.8
        (Evidence(stated=0.0), 0.0),
        (Evidence(stated=1.0), 0.5),
        (Evidence(weight=3.0), 0.15 + 0.5 * (1 - math.exp(-1))),  # 0.466060
        (Evidence(weight=1.0), 0.15 + 0.5 * (1 - math.exp(-1 / 3))),  # 0.291734
        (Evidence(stated=0.8, weight=1.5), 0.4 + 0.5 * (1 - math.exp(-0.5))),  # 0.596735
        (Evidence(stated=1.0, weight=300.0), 1.0),  # saturated: 0.5 + 0.5 × (1 − e^−100)
    ],
)
def test_tie_strength(evidence, expected):
    assert tie_strength(evidence, P) == pytest.approx(expected)


def test_tie_strength_follows_the_parameters():
    # stated weight 1: strength is exactly what was stated, whatever we saw
    assert tie_strength(Evidence(stated=0.7, weight=10.0), TieParameters(stated_weight=1.0)) == (
        pytest.approx(0.7)
    )
    # stated weight 0 and saturation 1: 1 − e^(−E)
    p = TieParameters(stated_weight=0.0, saturation=1.0)
    assert tie_strength(Evidence(stated=0.9, weight=2.0), p) == pytest.approx(1 - math.exp(-2))


@pytest.mark.parametrize(
    ("strength", "expected"),
    [(0.5, math.log(2)), (1.0, -math.log(0.99)), (0.0, -math.log(0.01)), (0.25, math.log(4))],
)
def test_distance_is_minus_log_strength_clamped(strength, expected):
    assert distance(strength) == pytest.approx(expected)


# --- Evidence: stated values and sentiment ---------------------------------------------------------


def test_stated_keeps_the_strongest_strength_and_the_worst_sentiment():
    ev = Evidence()
    ev.state(0.4, 0.5)
    ev.state(0.8, -0.3)
    ev.state(None, None)
    assert (ev.stated, ev.stated_sentiment) == (0.8, -0.3)


def test_no_sentiment_known():
    assert Evidence().sentiment is None
    ev = Evidence()
    ev.observe(
        AS_OF, 1.0, None
    )  # an interaction with no recorded mood adds evidence, not sentiment
    assert ev.sentiment is None
    assert ev.weight == 1.0 and ev.interactions == 1 and ev.last_contact == AS_OF


def test_stated_sentiment_alone_is_taken_as_stated():
    # stated weight 2, no interaction sentiment, so no neutral prior: (2 × −0.6) / 2
    assert Evidence(stated_sentiment=-0.6).sentiment == pytest.approx(-0.6)


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        (1, -0.5),  # share 0.5 / 1:   (−0.5)   / (0.5 + prior 0.5)
        (2, -1 / 3),  # share 0.5 / 2: (−0.25)  / (0.25 + 0.5)
        (4, -0.2),  # share 0.5 / 4:   (−0.125) / (0.125 + 0.5)
    ],
)
def test_interaction_sentiment_is_diluted_by_participants_and_shrunk_to_neutral(others, expected):
    ev = Evidence()
    # a hostile meeting today: weight 1 × 1 × (1 − ½) = 0.5, sentiment −1
    ev.observe(AS_OF, 0.5, -1.0, others=others)
    assert ev.sentiment == pytest.approx(expected)


def test_stated_and_observed_sentiment_are_averaged():
    ev = Evidence(stated_sentiment=-0.5)
    ev.observe(AS_OF, 1.5, 1.0)  # a warm meeting today, two people
    # (1.5 × 1 + 2 × −0.5) / (1.5 + 2 + 0.5) = 0.5 / 4
    assert ev.sentiment == pytest.approx(0.125)


def test_observe_keeps_the_latest_contact():
    ev = Evidence()
    ev.observe(days_ago(10), 0.2, None)
    ev.observe(days_ago(30), 0.2, None)
    assert ev.last_contact == days_ago(10)
    assert ev.interactions == 2 and ev.weight == pytest.approx(0.4)


# --- relationship_status at the boundaries ----------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "strength", "expected"),
    [
        (0, 0.6, TieStatus.STRONG),  # strength at the strong threshold
        (0, 0.5999, TieStatus.ACTIVE),
        (90, 0.7, TieStatus.STRONG),  # last day of active_days
        (90, 0.3, TieStatus.ACTIVE),
        (91, 0.9, TieStatus.COOLING),  # first day after active_days, whatever the strength
        (365, 0.3, TieStatus.COOLING),  # last day of dormant_days
        (366, 0.9, TieStatus.DORMANT),
    ],
)
def test_status_by_last_contact(age, strength, expected):
    ev = Evidence(last_contact=days_ago(age))
    assert relationship_status(ev, strength, AS_OF, P) is expected


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        (0.6, TieStatus.STRONG),
        (0.59, TieStatus.ACTIVE),
        (0.4, TieStatus.ACTIVE),
        (0.39, TieStatus.DORMANT),
        (None, TieStatus.DORMANT),
    ],
)
def test_status_of_a_tie_never_seen(stated, expected):
    ev = Evidence(stated=stated)
    assert relationship_status(ev, tie_strength(ev, P), AS_OF, P) is expected


@pytest.mark.parametrize(
    ("stated_sentiment", "expected"),
    [
        (-0.25, TieStatus.NEGATIVE),  # (2 × −0.25) / 2 = −0.25 ≤ threshold
        (-0.24, TieStatus.STRONG),
        (-1.0, TieStatus.NEGATIVE),
    ],
)
def test_negative_threshold(stated_sentiment, expected):
    # negative wins over everything else, even a strong, recent tie
    ev = Evidence(stated=0.9, stated_sentiment=stated_sentiment, last_contact=AS_OF)
    assert relationship_status(ev, 0.9, AS_OF, P) is expected


def test_status_follows_the_parameters():
    p = TieParameters(active_days=10, dormant_days=20)
    assert relationship_status(Evidence(last_contact=days_ago(11)), 0.1, AS_OF, p) is (
        TieStatus.COOLING
    )
    assert relationship_status(Evidence(last_contact=days_ago(21)), 0.1, AS_OF, p) is (
        TieStatus.DORMANT
    )


def test_parameters_are_checked():
    with pytest.raises(ValueError):
        TieParameters(half_life_days=0)
    with pytest.raises(ValueError):
        TieParameters(active_days=100, dormant_days=50)
    with pytest.raises(ValueError):
        TieParameters(stated_weight=1.5)


# --- the projection builds ties with this formula -------------------------------------------------------


def test_projected_tie_with_stated_strength_and_interactions():
    net = network(
        people=[person("a"), person("b")],
        relationships=[tie("a", "b", 0.8)],
        interactions=[meet(0, "a", "b"), meet(90, "a", "b")],
    )
    edge = projected(net).graph.edges["a", "b"]
    # E = 1 + 0.5 = 1.5; strength = 0.5 × 0.8 + 0.5 × (1 − e^−0.5) = 0.596735 < 0.6, so active
    expected = 0.4 + 0.5 * (1 - math.exp(-0.5))
    assert edge["strength"] == pytest.approx(expected)
    assert edge["distance"] == pytest.approx(-math.log(expected))
    assert edge["status"] == "active"
    assert edge["last_contact"] == AS_OF
    assert edge["interactions"] == 2
    assert edge["kinds"] == ["INTERACTION", "KNOWS"]
    assert edge["sentiment"] is None


def test_projected_tie_from_interactions_only():
    net = network(
        people=[person("a"), person("b")],
        interactions=[meet(0, "a", "b"), meet(0, "a", "b", channel="call"), meet(45, "a", "b")],
    )
    edge = projected(net).graph.edges["a", "b"]
    e = 1.0 + 0.7 + 2**-0.5  # meeting today, call today, meeting half a half-life ago
    assert edge["strength"] == pytest.approx(0.15 + 0.5 * (1 - math.exp(-e / 3)))
    assert edge["kinds"] == ["INTERACTION"]


def test_projected_tie_with_stated_strength_only():
    net = network(people=[person("a"), person("b")], relationships=[tie("b", "a")])
    edge = projected(net).graph.edges["a", "b"]
    assert edge["strength"] == pytest.approx(0.15)  # nothing stated, never seen
    assert edge["status"] == "dormant"  # never seen and stated < 0.4
    assert edge["last_contact"] is None and edge["interactions"] == 0


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (2, -0.5),  # (−0.5) / (0.5 + 0.5)
        (3, -1 / 3),  # (−0.25) / (0.25 + 0.5)
        (5, -0.2),  # (−0.125) / (0.125 + 0.5)
    ],
)
def test_projected_sentiment_of_a_hostile_meeting_depends_on_its_size(size, expected):
    ids = [f"p{i}" for i in range(size)]
    net = network(people=[person(i) for i in ids], interactions=[meet(0, *ids, sentiment=-1.0)])
    graph = projected(net).graph
    assert graph.number_of_edges() == size * (size - 1) // 2
    for a, b in itertools.combinations(ids, 2):
        assert graph.edges[a, b]["sentiment"] == pytest.approx(expected)
        # −0.5 and −1/3 are at or below −0.25; the meeting of five says too little about any one pair
        assert graph.edges[a, b]["status"] == ("negative" if expected <= -0.25 else "active")


def test_projected_stated_sentiment_makes_a_negative_tie():
    net = network(
        people=[person("a"), person("b")], relationships=[tie("a", "b", 0.9, sentiment=-0.6)]
    )
    edge = projected(net).graph.edges["a", "b"]
    assert edge["sentiment"] == pytest.approx(-0.6)
    assert edge["status"] == "negative"


def test_as_of_leaves_out_later_interactions():
    net = network(
        people=[person("a"), person("b"), person("c")],
        interactions=[meet(0, "a", "b"), meet(-1, "a", "c")],  # a–c meet the day after AS_OF
    )
    graph = projected(net).graph
    assert graph.has_edge("a", "b")  # on the date itself: counted, age 0
    assert graph.edges["a", "b"]["strength"] == pytest.approx(0.15 + 0.5 * (1 - math.exp(-1 / 3)))
    assert not graph.has_edge("a", "c")


def test_as_of_ages_the_interactions():
    net = network(people=[person("a"), person("b")], interactions=[meet(0, "a", "b")])
    later = projected(net)  # seen on AS_OF
    earlier = project(net, as_of=AS_OF - timedelta(days=1))
    assert not earlier.graph.has_edge("a", "b")
    ninety = project(net, as_of=AS_OF + timedelta(days=90))
    # E = 0.5 one half-life later
    assert ninety.graph.edges["a", "b"]["strength"] == pytest.approx(
        0.15 + 0.5 * (1 - math.exp(-0.5 / 3))
    )
    assert later.graph.edges["a", "b"]["status"] == "active"
    assert (
        project(net, as_of=AS_OF + timedelta(days=91)).graph.edges["a", "b"]["status"] == "cooling"
    )


@pytest.mark.parametrize(
    ("since", "until", "counted"),
    [
        (AS_OF, None, True),
        (AS_OF + timedelta(days=1), None, False),  # starts after the date
        (None, AS_OF, True),
        (None, AS_OF - timedelta(days=1), False),  # ended before the date
        (AS_OF - timedelta(days=100), AS_OF + timedelta(days=100), True),
    ],
)
def test_as_of_and_relationship_validity(since, until, counted):
    net = network(
        people=[person("a"), person("b"), person("c")],
        organizations=[org("o")],
        relationships=[
            tie("a", "b", 0.8, since=since, until=until),
            works_at("c", "o", since=since, until=until),
        ],
    )
    p = projected(net)
    assert p.graph.has_edge("a", "b") is counted
    assert p.graph.has_edge("c", "o") is counted
    assert (p.members_of("o") == ["c"]) is counted


def test_directed_relationship_types_become_one_undirected_tie():
    net = network(
        people=[person("a"), person("b")],
        relationships=[
            tie("a", "b", type=RelType.REPORTS_TO),
            tie("b", "a", 0.7, type=RelType.INFLUENCES),
            tie("b", "a", type=RelType.REPORTS_TO),
        ],
    )
    graph = projected(net).graph
    assert not graph.is_directed()
    assert graph.number_of_edges() == 1
    edge = graph.edges["b", "a"]
    assert edge["kinds"] == ["INFLUENCES", "REPORTS_TO"]
    assert edge["strength"] == pytest.approx(0.35)  # the strongest stated: 0.5 × 0.7
    assert edge["status"] == "strong"  # never seen, stated 0.7 ≥ 0.6


def test_referral_between_people_is_a_tie():
    net = network(people=[person("a"), person("b")], relationships=[tie("a", "b", 0.5, "REFERRED")])
    assert projected(net).graph.edges["a", "b"]["kinds"] == ["REFERRED"]


def test_memberships_are_person_organisation_edges_and_org_links_are_left_out():
    net = network(
        people=[person("a"), person("b")],
        organizations=[org("x"), org("y")],
        relationships=[
            works_at("a", "x", "user", "staff"),
            works_at("b", "x", type=RelType.MEMBER_OF, strength=0.9),
            tie("x", "y", type=RelType.SUPPLIES),
            tie("x", "y", type=RelType.PARTNERS_WITH),
            tie("b", "y", type=RelType.REFERRED),
        ],
    )
    p = projected(net)
    assert sorted(map(sorted, p.graph.edges)) == [["a", "x"], ["b", "x"], ["b", "y"]]
    assert not p.graph.has_edge("a", "b")  # colleagues meet through their organisation's node
    assert p.graph.edges["a", "x"]["strength"] == 0.5  # membership_strength
    assert p.graph.edges["b", "x"]["strength"] == 0.9  # stated
    assert {d["status"] for *_, d in p.graph.edges(data=True)} == {"member"}
    assert p.members_of("x") == ["a", "b"]
    assert p.members_of("y") == []  # a referral is no membership


def test_referral_from_an_organisation_to_a_person_is_an_edge():
    # projection docstring: "Person–organisation edges come from WORKS_AT, MEMBER_OF and REFERRED";
    # the graph is undirected, and REFERRED is Any → any, so the direction must not matter.
    net = network(
        people=[person("p")],
        organizations=[org("o")],
        relationships=[tie("o", "p", 0.8, type=RelType.REFERRED)],
    )
    assert projected(net).graph.has_edge("p", "o")


def test_meetings_larger_than_max_meeting_size_make_no_ties():
    ids = [f"p{i:02d}" for i in range(13)]
    people = [person(i) for i in ids]
    too_big = network(people=people, interactions=[meet(0, *ids)])
    assert projected(too_big).graph.number_of_edges() == 0  # 13 > 12
    just_fits = network(people=people, interactions=[meet(0, *ids[:12])])
    assert projected(just_fits).graph.number_of_edges() == 66  # C(12, 2)
    four = network(people=people[:4], interactions=[meet(0, *ids[:4])])
    assert projected(four, max_meeting_size=3).graph.number_of_edges() == 0
    assert projected(four, max_meeting_size=4).graph.number_of_edges() == 6


def test_an_oversized_meeting_leaves_other_evidence_alone():
    ids = [f"p{i:02d}" for i in range(13)]
    net = network(
        people=[person(i) for i in ids],
        relationships=[tie("p00", "p01", 0.8)],
        interactions=[meet(0, *ids)],
    )
    graph = projected(net).graph
    assert graph.number_of_edges() == 1
    assert graph.edges["p00", "p01"]["strength"] == pytest.approx(0.4)  # stated only
    assert graph.edges["p00", "p01"]["interactions"] == 0


def test_projection_of_nothing():
    p = projected(network())
    assert isinstance(p.graph, nx.Graph)
    assert p.graph.number_of_nodes() == 0 and p.internal == frozenset()


def test_node_attributes():
    net = network(
        people=[person("a", influence=4, stance=-1, internal=True)],
        organizations=[org("o", "client")],
    )
    graph = projected(net).graph
    assert graph.nodes["a"]["node_type"] == "Person" and graph.nodes["a"]["internal"] is True
    assert graph.nodes["a"]["influence"] == 4 and graph.nodes["a"]["stance"] == -1
    assert graph.nodes["o"]["node_type"] == "Organization" and graph.nodes["o"]["roles"] == [
        "client"
    ]


def test_settings_defaults_are_the_formula_defaults() -> None:
    from relgraph.settings import TieSettings

    assert TieSettings().parameters() == TieParameters()
