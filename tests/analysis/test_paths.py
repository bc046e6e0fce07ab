"""Warm paths (relgraph.analysis.paths): strongest introduction routes by product of tie strengths.

With no interactions a tie's strength is 0.5 × stated (tie-strength formula, stated weight 0.5), so a route of
stated strengths s1, s2, … has strength Π 0.5 × s_i.
"""

from __future__ import annotations

import pytest

from relgraph.analysis.paths import warm_paths
from relgraph.errors import NotFoundError
from tests.analysis.builders import chain, network, org, ours, person, projected, tie, works_at


def _via(route):
    return [h.target for h in route.hops]


def _two_routes():
    # us–a–t stated 0.9, 0.9 → 0.45 × 0.45 = 0.2025;  us–b–t stated 1.0, 0.5 → 0.5 × 0.25 = 0.125
    return network(
        people=[ours("us"), person("a"), person("b"), person("t")],
        relationships=[
            tie("us", "a", 0.9),
            tie("a", "t", 0.9),
            tie("us", "b", 1.0),
            tie("b", "t", 0.5),
        ],
    )


def test_strongest_route_first_by_product_of_strengths():
    routes = warm_paths(projected(_two_routes()), "t")
    assert [r.rank for r in routes] == [1, 2]
    assert [_via(r) for r in routes] == [["a", "t"], ["b", "t"]]
    assert routes[0].strength == pytest.approx(0.2025)
    assert routes[1].strength == pytest.approx(0.125)
    assert (routes[0].start, routes[0].end) == ("us", "t")
    first = routes[0].hops[0]
    assert (first.source, first.target, first.target_name, first.strength) == ("us", "a", "A", 0.45)
    # a tie never seen in an interaction takes its status from the stated strength: 0.9 ≥ 0.6 → strong
    assert (first.status, first.kinds) == ("strong", ["KNOWS"])


def test_k_limits_the_number_of_routes():
    assert len(warm_paths(projected(_two_routes()), "t", k=1)) == 1
    assert warm_paths(projected(_two_routes()), "t", k=0) == []


def test_stated_strengths_are_transformed_before_multiplying():
    # direct tie stated 0.3 → 0.15; two hops stated 0.6 each → 0.3 × 0.3 = 0.09.
    # Multiplying the stated values would prefer the two hops (0.36 > 0.3); the tie strengths do not.
    net = network(
        people=[ours("us"), person("m"), person("t")],
        relationships=[tie("us", "t", 0.3), tie("us", "m", 0.6), tie("m", "t", 0.6)],
    )
    routes = warm_paths(projected(net), "t")
    assert [_via(r) for r in routes] == [["t"], ["m", "t"]]
    assert [r.strength for r in routes] == pytest.approx([0.15, 0.09])


def _long_and_short():
    # four hops stated 1.0 → 0.5⁴ = 0.0625;  two hops stated 0.4 → 0.2² = 0.04
    return network(
        people=[ours("us"), *(person(i) for i in ("p1", "p2", "p3", "s", "t"))],
        relationships=[
            *chain("us", "p1", "p2", "p3", "t", strength=1.0),
            *chain("us", "s", "t", strength=0.4),
        ],
    )


@pytest.mark.parametrize(
    ("max_hops", "expected", "strengths"),
    [
        (4, [["p1", "p2", "p3", "t"], ["s", "t"]], [0.0625, 0.04]),
        (3, [["s", "t"]], [0.04]),
        (2, [["s", "t"]], [0.04]),
        (1, [], []),
    ],
)
def test_max_hops_skips_longer_routes(max_hops, expected, strengths):
    routes = warm_paths(projected(_long_and_short()), "t", max_hops=max_hops)
    assert [_via(r) for r in routes] == expected
    assert [r.strength for r in routes] == pytest.approx(strengths)


def _with_opponent():
    # us–n–t stated 1.0 (0.25) through n, who opposes us; us–m–t stated 0.6 (0.3 × 0.3 = 0.09)
    return network(
        people=[ours("us"), person("n", stance=-1), person("m"), person("t", stance=-2)],
        relationships=[*chain("us", "n", "t", strength=1.0), *chain("us", "m", "t", strength=0.6)],
    )


def test_avoid_negative_skips_a_person_with_negative_stance():
    p = projected(_with_opponent())
    # the target itself (stance −2) is always allowed
    assert [_via(r) for r in warm_paths(p, "t")] == [["m", "t"]]
    allowed = warm_paths(p, "t", avoid_negative=False)
    assert [_via(r) for r in allowed] == [["n", "t"], ["m", "t"]]
    assert [r.strength for r in allowed] == pytest.approx([0.25, 0.09])


def test_avoid_negative_skips_a_negative_tie():
    net = network(
        people=[ours("us"), person("x"), person("m"), person("t")],
        relationships=[
            tie("us", "x", 1.0, sentiment=-0.8),
            tie("x", "t", 1.0),
            *chain("us", "m", "t", strength=0.6),
        ],
    )
    p = projected(net)
    assert p.graph.edges["us", "x"]["status"] == "negative"
    assert [_via(r) for r in warm_paths(p, "t")] == [["m", "t"]]
    assert [_via(r) for r in warm_paths(p, "t", avoid_negative=False)] == [["x", "t"], ["m", "t"]]


def test_our_opponent_can_still_be_a_start():
    net = network(people=[ours("us", stance=-1), person("t")], relationships=[tie("us", "t", 1.0)])
    assert [_via(r) for r in warm_paths(projected(net), "t")] == [["t"]]


def test_route_to_an_organisation_ends_with_a_member_hop():
    # us–c1 (0.5) straight to a member; us–y–c2 (0.25); never through the client's own node
    net = network(
        people=[ours("us"), person("y"), person("c1"), person("c2")],
        organizations=[org("cl", "client")],
        relationships=[
            works_at("c1", "cl"),
            works_at("c2", "cl"),
            tie("us", "c1", 1.0),
            *chain("us", "y", "c2", strength=1.0),
        ],
    )
    routes = warm_paths(projected(net), "cl")
    assert [_via(r) for r in routes] == [["c1", "cl"], ["y", "c2", "cl"]]
    assert [r.strength for r in routes] == pytest.approx([0.5, 0.25])  # the member hop counts 1
    last = routes[0].hops[-1]
    assert (last.source, last.target, last.target_name, last.status, last.kinds) == (
        "c1",
        "cl",
        "CL",
        "member",
        ["WORKS_AT"],
    )
    assert all(r.end == "cl" for r in routes)


def test_sources_choose_where_routes_start():
    net = network(
        people=[ours("u1"), ours("u2"), person("t")],
        relationships=[tie("u1", "t", 1.0), tie("u2", "t", 0.4)],
    )
    p = projected(net)
    assert [r.start for r in warm_paths(p, "t")] == ["u1", "u2"]
    assert [r.start for r in warm_paths(p, "t", sources=["u2"])] == ["u2"]
    with pytest.raises(NotFoundError):
        warm_paths(p, "t", sources=["ghost"])


def test_unknown_target_raises_not_found():
    with pytest.raises(NotFoundError):
        warm_paths(projected(_two_routes()), "ghost")
    with pytest.raises(NotFoundError):
        warm_paths(projected(network()), "ghost")


def test_no_route_gives_nothing():
    net = network(
        people=[ours("us"), person("a"), person("b"), person("c")],
        relationships=[tie("us", "a", 1.0), tie("b", "c", 1.0)],  # two components
    )
    p = projected(net)
    assert warm_paths(p, "c") == []
    assert warm_paths(projected(network(people=[person("t")])), "t") == []  # none of us at all
    assert warm_paths(projected(network(people=[ours("us")])), "us") == []  # to ourselves
