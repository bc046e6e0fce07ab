"""Communities and coalitions (relgraph.analysis.communities): Leiden on the person graph, seeded."""

from __future__ import annotations

import itertools

import pytest

from relgraph.analysis.communities import communities
from tests.analysis.builders import network, org, ours, person, projected, tie, works_at


def _clique(ids, strength=0.9):
    return [tie(a, b, strength) for a, b in itertools.combinations(ids, 2)]


A, B = ["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"]


def _two_cliques(stances=None, extra_people=()):
    stances = stances or {}
    people = [person(i, stance=stances.get(i)) for i in A + B] + list(extra_people)
    return network(people=people, relationships=[*_clique(A), *_clique(B), tie("a4", "b1", 0.1)])


def test_two_cliques_joined_by_a_weak_tie_are_two_communities():
    result = communities(projected(_two_cliques()))
    assert [c.members for c in result] == [A, B]  # largest first, then by first member
    assert [c.id for c in result] == [0, 1]
    assert [c.size for c in result] == [4, 4]
    assert result[0].member_names == ["A1", "A2", "A3", "A4"]


def test_seeded_and_reproducible():
    p = projected(_two_cliques())
    assert communities(p, seed=7) == communities(p, seed=7)
    assert communities(projected(_two_cliques()), seed=0) == communities(p, seed=0)


def test_isolated_people_are_left_out():
    result = communities(projected(_two_cliques(extra_people=[person("z"), ours("u")])))
    members = {m for c in result for m in c.members}
    assert members == set(A + B)


def test_opponent_and_supporter_coalitions():
    stances = {"a1": -2, "a2": -1, "a3": -1, "b1": 2, "b2": 1, "b3": 0}
    opp, sup = communities(projected(_two_cliques(stances)))
    assert opp.members == A and opp.coalition == "opponents"
    assert (opp.opponents, opp.supporters, opp.neutral, opp.unknown) == (3, 0, 0, 1)
    assert opp.mean_stance == pytest.approx(-4 / 3, abs=1e-3)  # (−2 − 1 − 1) / 3 known
    assert sup.coalition == "supporters"
    assert (sup.opponents, sup.supporters, sup.neutral, sup.unknown) == (0, 2, 1, 1)
    assert sup.mean_stance == pytest.approx(1.0)  # (2 + 1 + 0) / 3


@pytest.mark.parametrize(
    ("stances", "coalition"),
    [
        ((-2, -1, 1), "opponents"),  # two opponents, more than supporters
        ((-1, 1, 0), None),  # one opponent is no coalition
        ((-1, -1, 1, 1), None),  # as many supporters as opponents
        ((2, 1, -1), "supporters"),
        ((None, None, 0), None),
    ],
)
def test_coalition_rule(stances, coalition):
    # one clique of people with these stances
    ids = [f"p{i}" for i in range(len(stances))]
    net = network(
        people=[person(i, stance=s) for i, s in zip(ids, stances, strict=True)],
        relationships=_clique(ids),
    )
    (only,) = communities(projected(net))
    assert only.coalition == coalition


def test_disconnected_groups_and_min_size():
    net = network(
        people=[person(i) for i in ["x1", "x2", "x3", "y1", "y2"]],
        relationships=[*_clique(["x1", "x2", "x3"]), tie("y1", "y2", 0.5)],
    )
    p = projected(net)
    assert [c.members for c in communities(p)] == [["x1", "x2", "x3"], ["y1", "y2"]]
    assert [c.members for c in communities(p, min_size=3)] == [["x1", "x2", "x3"]]


def test_internal_count_and_organisations():
    net = network(
        people=[ours("u"), person("c1"), person("c2")],
        organizations=[org("us", "own", name="Us"), org("cl", "client", name="Client")],
        relationships=[
            works_at("u", "us"),
            works_at("c1", "cl"),
            works_at("c2", "cl"),
            *_clique(["u", "c1", "c2"]),
        ],
    )
    (only,) = communities(projected(net))
    assert only.internal == 1
    assert only.organizations == ["Client", "Us"]  # most common first


def test_empty_and_single():
    assert communities(projected(network())) == []
    assert communities(projected(network(people=[person("a")]))) == []
    assert communities(projected(network(people=[person("a"), person("b")]))) == []  # no ties


def test_ties_of_zero_strength_give_an_answer_not_an_exception():
    # stated strength 0 is valid (0–1) and, never seen, gives tie strength 0.5 × 0 + 0.5 × 0 = 0
    net = network(people=[person("a"), person("b")], relationships=[tie("a", "b", 0.0)])
    p = projected(net)
    assert p.graph.edges["a", "b"]["strength"] == 0.0
    result = communities(p)
    assert all(isinstance(c.members, list) for c in result)
