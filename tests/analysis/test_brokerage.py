"""Brokers (relgraph.analysis.brokerage): betweenness, Burt's constraint and effective size, bridging.

Burt's constraint of ego i: c_i = Σ_j (p_ij + Σ_q p_iq p_qj)², with p_ij the share of i's tie weight on j.
For an ego with n contacts of equal weight that are not tied to each other it is n × (1/n)² = 1/n.
"""

from __future__ import annotations

import networkx as nx
import pytest

from relgraph.analysis.brokerage import brokers, person_groups
from tests.analysis.builders import network, org, ours, person, projected, tie, works_at

BOWTIE = [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("c", "e"), ("d", "e")]


def _bowtie():
    """Two triangles a–b–c and c–d–e sharing c, every tie of the same stated strength."""
    net = network(
        people=[person(i) for i in "abcde"], relationships=[tie(a, b, 0.8) for a, b in BOWTIE]
    )
    return projected(net)


def test_bowtie_joining_person_ranks_first():
    result = brokers(_bowtie())
    assert result[0].id == "c" and result[0].rank == 1
    # c lies on the 4 routes between {a, b} and {d, e}, out of C(4, 2) = 6 pairs of the others
    assert result[0].betweenness == pytest.approx(4 / 6, abs=1e-6)
    assert result[0].betweenness == pytest.approx(
        nx.betweenness_centrality(nx.Graph(BOWTIE))["c"], abs=1e-6
    )
    assert all(b.betweenness == 0.0 for b in result[1:])


def test_bowtie_constraint_and_effective_size():
    by_id = {b.id: b for b in brokers(_bowtie())}
    # c: p = 1/4 to each of a, b, d, e; for a: (1/4 + p_cb × p_ba)² = (1/4 + 1/4 × 1/2)² = 9/64; × 4
    assert by_id["c"].constraint == pytest.approx(36 / 64, abs=1e-4)  # 0.5625
    # a: to b (1/2 + 1/2 × 1/4)² = 25/64, to c (1/2 + 1/2 × 1/2)² = 36/64
    assert by_id["a"].constraint == pytest.approx(61 / 64, abs=1e-4)  # 0.953125
    reference = nx.constraint(nx.Graph(BOWTIE))
    assert by_id["c"].constraint == pytest.approx(reference["c"], abs=1e-4)
    assert by_id["a"].constraint == pytest.approx(reference["a"], abs=1e-4)
    # effective size n − 2t/n: c has 4 contacts with 2 ties among them, 4 − 4/4 = 3; a: 2 − 2/2 = 1
    assert by_id["c"].effective_size == pytest.approx(3.0)
    assert by_id["a"].effective_size == pytest.approx(1.0)


def test_star_centre_constraint_is_one_over_n():
    net = network(
        people=[person(i) for i in ("hub", "x", "y", "z")],
        relationships=[tie("hub", leaf, 0.6) for leaf in ("x", "y", "z")],
    )
    by_id = {b.id: b for b in brokers(projected(net))}
    assert by_id["hub"].constraint == pytest.approx(1 / 3, abs=1e-4)  # 3 × (1/3)²
    g = nx.star_graph(3)
    nx.set_edge_attributes(g, 0.3, "strength")
    assert by_id["hub"].constraint == pytest.approx(
        nx.constraint(g, weight="strength")[0], abs=1e-4
    )
    assert by_id["hub"].effective_size == pytest.approx(3.0)  # no redundancy
    assert by_id["x"].constraint == pytest.approx(1.0)  # one contact: fully constrained
    assert by_id["hub"].rank == 1
    assert by_id["hub"].betweenness == pytest.approx(1.0)  # all 3 pairs of leaves


def test_bridging_counts_group_pairs_linked_only_through_the_broker():
    # x knows a1 (at A), b1 (at B) and c1 (at C); a1 and b1 know each other, C is reached only via x
    net = network(
        people=[person("x"), person("a1"), person("b1"), person("c1")],
        organizations=[org("A"), org("B"), org("C")],
        relationships=[
            works_at("a1", "A"),
            works_at("b1", "B"),
            works_at("c1", "C"),
            tie("x", "a1", 0.8),
            tie("x", "b1", 0.8),
            tie("x", "c1", 0.8),
            tie("a1", "b1", 0.8),
        ],
    )
    by_id = {b.id: b for b in brokers(projected(net))}
    assert by_id["x"].groups_bridged == ["A", "B", "C"]  # organisation names
    assert by_id["x"].bridging == 2  # A–C and B–C; A–B also meet directly
    assert "the only link between 2 pairs of groups" in by_id["x"].reason
    assert by_id["a1"].groups_bridged == ["B"]  # x has no group, a1's own group is not counted
    assert by_id["a1"].bridging == 0
    assert by_id["x"].rank == 1


def test_our_people_form_one_group():
    net = network(
        people=[ours("u1"), ours("u2"), person("k"), person("c")],
        organizations=[org("us", "own"), org("cl", "client")],
        relationships=[
            works_at("c", "cl"),
            tie("k", "u1", 0.8),
            tie("k", "u2", 0.8),
            tie("k", "c", 0.8),
        ],
    )
    p = projected(net)
    assert person_groups(p) == {"u1": "us", "u2": "us", "c": "cl"}
    k = next(b for b in brokers(p) if b.id == "k")
    assert k.groups_bridged == ["CL", "US"] and k.bridging == 1


def test_isolated_person_has_no_constraint():
    net = network(
        people=[person("a"), person("b"), person("lonely")], relationships=[tie("a", "b")]
    )
    by_id = {b.id: b for b in brokers(projected(net))}
    assert by_id["lonely"].constraint is None and by_id["lonely"].effective_size is None
    assert by_id["lonely"].betweenness == 0.0 and by_id["lonely"].bridging == 0
    assert by_id["lonely"].reason == "no brokerage position"


def test_limit_and_order():
    result = brokers(_bowtie(), limit=3)
    assert [b.rank for b in result] == [1, 2, 3]
    assert [b.id for b in result] == ["c", "a", "b"]  # then equal betweenness, bridging, by id


def test_empty_network_has_no_brokers():
    assert brokers(projected(network())) == []
    assert brokers(projected(network(organizations=[org("o")]))) == []


def test_single_person():
    (only,) = brokers(projected(network(people=[ours("u")])))
    assert (only.id, only.internal, only.betweenness, only.bridging) == ("u", True, 0.0, 0)
    assert only.groups_bridged == [] and only.constraint is None


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_burt_measures_equal_networkx_on_random_weighted_graphs(seed: int) -> None:
    import random

    import networkx as nx

    from relgraph.analysis.brokerage import burt_measures

    graph = nx.gnp_random_graph(30, 0.2, seed=seed)
    rng = random.Random(seed)
    for a, b in graph.edges():
        graph.edges[a, b]["strength"] = rng.uniform(0.05, 1.0)
    nodes = [n for n in graph if graph.degree(n) > 0]
    constraint, effective = burt_measures(graph, nodes, weight="strength")
    expected_c = nx.constraint(graph, nodes, weight="strength")
    expected_e = nx.effective_size(graph, nodes, weight="strength")
    for n in nodes:
        assert constraint[n] == pytest.approx(expected_c[n])
        assert effective[n] == pytest.approx(expected_e[n])
