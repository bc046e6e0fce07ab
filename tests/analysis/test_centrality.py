"""Key contacts, formal power and betweenness (relgraph.analysis.centrality).

score = 0.40 × network + 0.35 × formal + 0.25 × influence; network = ½ PageRank + ½ betweenness, each scaled
to the best-placed candidate; formal = 0.6 × role + 0.4 × seniority; unstated influence takes the network score.
"""

from __future__ import annotations

import networkx as nx
import pytest

from relgraph.analysis.centrality import betweenness, formal_power, key_contacts
from relgraph.errors import NotFoundError
from relgraph.model import DecisionRole, RelType, Seniority
from relgraph.projection import Membership
from tests.analysis.builders import chain, network, org, ours, person, projected, tie, works_at

# --- betweenness ----------------------------------------------------------------------------------


def test_betweenness_of_p5_with_equal_distances_is_networkx_normalised():
    g = nx.path_graph(5)
    nx.set_edge_attributes(g, 1.0, "distance")
    # node 1 lies on 3 of the C(4, 2) = 6 pairs of the other nodes, node 2 on 4 of them
    expected = [0.0, 0.5, 2 / 3, 0.5, 0.0]
    assert [betweenness(g)[i] for i in range(5)] == pytest.approx(expected)
    assert betweenness(g) == pytest.approx(nx.betweenness_centrality(nx.path_graph(5)))


def test_betweenness_of_a_projected_path_of_five_people():
    ids = ["a", "b", "c", "d", "e"]
    p = projected(network(people=[person(i) for i in ids], relationships=chain(*ids, strength=0.8)))
    assert [betweenness(p.graph)[i] for i in ids] == pytest.approx([0, 0.5, 2 / 3, 0.5, 0])


def test_betweenness_is_weighted_by_distance():
    # a–c is a weak tie (strength 0.05, distance 3.0); a–b–c two strong ones (0.5 each, 2 × 0.693 = 1.386),
    # so the shortest route from a to c passes through b
    net = network(
        people=[person("a"), person("b"), person("c")],
        relationships=[tie("a", "b", 1.0), tie("b", "c", 1.0), tie("a", "c", 0.1)],
    )
    graph = projected(net).graph
    assert betweenness(graph) == pytest.approx({"a": 0.0, "b": 1.0, "c": 0.0})  # 1 pair of 1
    assert nx.betweenness_centrality(graph)["b"] == 0.0  # unweighted, the triangle has no broker


def test_betweenness_on_a_directed_graph_is_networkx_normalised():
    g = nx.DiGraph([(0, 1), (1, 2)])
    nx.set_edge_attributes(g, 1.0, "distance")
    # 1 lies on the one route 0 → 2; directed normalisation divides by (n − 1)(n − 2) = 2
    assert betweenness(g) == pytest.approx({0: 0.0, 1: 0.5, 2: 0.0})


def test_betweenness_of_tiny_graphs():
    assert betweenness(nx.Graph()) == {}
    single = nx.Graph()
    single.add_node("a")
    assert betweenness(single) == {"a": 0.0}


# --- formal power ---------------------------------------------------------------------------------


def _m(org_id, role, seniority):
    return Membership(org_id, RelType.WORKS_AT, None, role, seniority)


@pytest.mark.parametrize(
    ("role", "seniority", "expected"),
    [
        (DecisionRole.DECISION_MAKER, Seniority.EXECUTIVE, 1.0),  # 0.6 × 1 + 0.4 × 1
        (DecisionRole.USER, Seniority.STAFF, 0.6 * 0.2 + 0.4 * 0.2),  # 0.2
        (DecisionRole.BLOCKER, Seniority.SENIOR, 0.6 * 0.8 + 0.4 * 0.7),  # 0.76
        (DecisionRole.INFLUENCER, Seniority.MANAGER, 0.6 * 0.7 + 0.4 * 0.5),  # 0.62
        (DecisionRole.GATEKEEPER, Seniority.STAFF, 0.6 * 0.6 + 0.4 * 0.2),  # 0.44
        (DecisionRole.CHAMPION, None, 0.36),
        (None, Seniority.EXECUTIVE, 0.4),
        (None, None, 0.0),
    ],
)
def test_formal_power(role, seniority, expected):
    membership = _m("acme", role, seniority)
    assert formal_power([membership]) == (pytest.approx(expected), membership)


def test_formal_power_takes_the_strongest_membership_or_the_one_asked_for():
    board = _m("board", DecisionRole.DECISION_MAKER, Seniority.EXECUTIVE)
    job = _m("acme", DecisionRole.USER, Seniority.STAFF)
    assert formal_power([job, board]) == (pytest.approx(1.0), board)
    assert formal_power([job, board], "acme") == (pytest.approx(0.2), job)
    assert formal_power([job, board], "elsewhere") == (0.0, None)
    assert formal_power([]) == (0.0, None)


# --- key contacts -----------------------------------------------------------------------------------


def _star(centre="c", leaves=("l1", "l2", "l3", "l4")):
    return [person(centre)] + [person(x) for x in leaves], [tie(centre, x) for x in leaves]


def test_star_centre_ranks_first():
    people, ties = _star()
    result = key_contacts(projected(network(people=people, relationships=ties)))
    assert [c.id for c in result] == ["c", "l1", "l2", "l3", "l4"]  # leaves tie, then by id
    assert [c.rank for c in result] == [1, 2, 3, 4, 5]
    top = result[0]
    star = nx.star_graph(4)
    assert top.betweenness == pytest.approx(1.0)  # on all C(4, 2) routes between leaves
    assert top.pagerank == pytest.approx(nx.pagerank(star)[0], abs=1e-6)  # equal weights
    assert top.network == 1.0
    # no formal role, no stated influence (network stands in): 0.40 × 1 + 0.25 × 1
    assert (top.formal, top.influence, top.influence_stated) == (0.0, 1.0, False)
    assert top.score == pytest.approx(0.65)
    leaf = result[1]
    ratio = nx.pagerank(star)[1] / nx.pagerank(star)[0]
    assert leaf.network == pytest.approx(0.5 * ratio, abs=1e-4)  # no betweenness
    assert leaf.score == pytest.approx(0.65 * 0.5 * ratio, abs=1e-4)


def test_score_adds_network_formal_and_stated_influence():
    net = network(
        people=[person("dm", influence=3)],
        organizations=[org("acme")],
        relationships=[works_at("dm", "acme", "decision_maker", "executive")],
    )
    (contact,) = key_contacts(projected(net))
    # PageRank scaled 1 (the only candidate), betweenness 0 → network 0.5; formal 1; influence (3 − 1) / 4
    assert (contact.network, contact.formal, contact.influence) == (0.5, 1.0, 0.5)
    assert contact.influence_stated is True
    assert contact.score == pytest.approx(0.4 * 0.5 + 0.35 * 1.0 + 0.25 * 0.5)  # 0.675
    assert (contact.organization, contact.decision_role, contact.seniority) == (
        "acme",
        "decision_maker",
        "executive",
    )
    assert "decision maker (executive) at ACME" in contact.reason


def test_stated_influence_is_used_as_stated():
    people, ties = _star()
    people = [p if p.id != "l1" else person("l1", influence=5) for p in people]
    people = [p if p.id != "c" else person("c", influence=1) for p in people]
    result = {c.id: c for c in key_contacts(projected(network(people=people, relationships=ties)))}
    assert (result["l1"].influence, result["l1"].influence_stated) == (1.0, True)
    assert (result["c"].influence, result["c"].influence_stated) == (0.0, True)
    assert result["c"].score == pytest.approx(0.4)  # 0.40 × 1 + 0 + 0.25 × 0


def test_organization_restricts_to_its_members_and_their_role_there():
    net = network(
        people=[person("a"), person("b"), person("c"), ours("u")],
        organizations=[org("x"), org("y")],
        relationships=[
            works_at("a", "x", "user", "staff"),
            works_at("a", "y", "decision_maker", "executive", type=RelType.MEMBER_OF),
            works_at("b", "x", "gatekeeper", "manager"),
            works_at("c", "y", "influencer", "senior"),
            tie("u", "a", 0.8),
            tie("u", "c", 0.8),
        ],
    )
    p = projected(net)
    at_x = {c.id: c for c in key_contacts(p, organization="x")}
    assert set(at_x) == {"a", "b"}
    assert at_x["a"].formal == pytest.approx(0.2)  # user, staff at x: 0.6 × 0.2 + 0.4 × 0.2
    assert at_x["a"].decision_role == "user" and at_x["a"].organization == "x"
    assert at_x["b"].formal == pytest.approx(0.6 * 0.6 + 0.4 * 0.5)
    everywhere = {c.id: c for c in key_contacts(p)}
    assert everywhere["a"].formal == 1.0  # the strongest place: decision maker on y's board
    assert everywhere["a"].decision_role == "decision_maker" and everywhere["a"].organization == "y"
    with pytest.raises(NotFoundError, match="nowhere"):
        key_contacts(p, organization="nowhere")


def test_internal_people_are_left_out_unless_asked_for():
    people, ties = _star(centre="u")
    people = [ours("u"), *people[1:]]
    p = projected(network(people=people, relationships=ties))
    assert "u" not in {c.id for c in key_contacts(p)}
    assert len(key_contacts(p)) == 4
    with_us = key_contacts(p, include_internal=True)
    assert with_us[0].id == "u"
    # scaling is over the candidates: without the centre, the leaves are the best placed
    assert key_contacts(p)[0].network == 0.5  # PageRank scaled 1, betweenness 0


def test_limit():
    people, ties = _star()
    p = projected(network(people=people, relationships=ties))
    assert [c.id for c in key_contacts(p, limit=2)] == ["c", "l1"]
    assert len(key_contacts(p, limit=None)) == 5


def test_empty_network_has_no_key_contacts():
    assert key_contacts(projected(network())) == []


def test_only_our_people_gives_no_key_contacts():
    assert key_contacts(projected(network(people=[ours("u"), ours("v")]))) == []


def test_single_person():
    (only,) = key_contacts(projected(network(people=[person("a")])))
    assert (only.id, only.rank, only.score, only.pagerank, only.betweenness) == (
        "a",
        1,
        0.0,
        0.0,
        0.0,
    )
    assert only.reason == "few ties and no formal role recorded"


def test_disconnected_graph_and_isolated_person():
    p1, t1 = _star("c1", ("a1", "a2", "a3"))
    p2, t2 = _star("c2", ("b1", "b2", "b3"))
    net = network(people=[*p1, *p2, person("z")], relationships=[*t1, *t2])
    result = key_contacts(projected(net), limit=None)
    assert [c.id for c in result[:2]] == ["c1", "c2"]  # equal centres, then by id
    assert result[0].score == result[1].score
    # each centre lies on the 3 routes among its own leaves; networkx divides by C(9 − 1, 2) = 28 pairs
    # of the whole graph (reported to 6 places)
    assert result[0].betweenness == pytest.approx(3 / 28, abs=1e-6)
    # the isolated person comes last: no betweenness, only the PageRank every node gets by teleporting
    z = result[-1]
    assert z.id == "z" and z.betweenness == 0.0
    reference = nx.Graph([(c, x) for c, xs in (("c1", "abc"), ("c2", "def")) for x in xs])
    reference.add_node("z")
    assert z.pagerank == pytest.approx(nx.pagerank(reference)["z"], abs=1e-6)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_betweenness_matches_networkx_exactly_and_when_sampled(seed: int) -> None:
    import random as _random

    graph = nx.relabel_nodes(nx.connected_watts_strogatz_graph(60, 4, 0.3, seed=seed), str)
    rng = _random.Random(seed)
    for a, b in graph.edges():
        # Equal-length routes are common; lengths exact in binary, so both libraries see the same ties
        # (igraph compares lengths with a tiny tolerance, NetworkX exactly).
        graph.edges[a, b]["distance"] = rng.choice([0.25, 0.5, 1.0, 1.5, 2.25])
    exact = nx.betweenness_centrality(graph, weight="distance")
    assert betweenness(graph, sample=None) == pytest.approx(exact, abs=1e-9)
    sampled_sources = sorted(_random.Random(seed).sample(range(60), 15))
    nodes = list(graph)
    sources = [nodes[i] for i in sampled_sources]
    # NetworkX's own estimator with the same sources (subset betweenness, then its sampling scale).
    raw = nx.betweenness_centrality_subset(
        graph, sources, nodes, weight="distance", normalized=False
    )
    expected = {v: 2 * raw[v] / ((14 if v in sources else 15) * 58) for v in nodes}
    assert betweenness(graph, seed=seed, sample=15) == pytest.approx(expected, abs=1e-9)


def test_betweenness_split_across_threads_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    import relgraph.analysis.centrality as centrality

    graph = nx.relabel_nodes(nx.connected_watts_strogatz_graph(80, 6, 0.2, seed=7), str)
    nx.set_edge_attributes(
        graph, {e: 0.25 * (1 + i % 5) for i, e in enumerate(graph.edges())}, "distance"
    )
    alone, sampled_alone = betweenness(graph, sample=None), betweenness(graph, sample=20, seed=3)
    monkeypatch.setattr(centrality, "PARALLEL_WORK", 1)
    monkeypatch.setattr(centrality, "_cpu_count", lambda: 2)
    assert betweenness(graph, sample=None) == pytest.approx(alone, abs=1e-12)
    assert betweenness(graph, sample=20, seed=3) == pytest.approx(sampled_alone, abs=1e-12)
