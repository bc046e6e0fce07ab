"""The analyses that run in igraph or numpy give the answers of the NetworkX code they replaced.

Each test builds seeded random networks (our people, accounts, ties of random strength and sentiment, negative
stances) and compares against a reference written the NetworkX way, as the analyses were before.
"""

from __future__ import annotations

import itertools
import math
import random

import networkx as nx
import pytest

from relgraph.analysis import brokerage, paths, weak_links, whatif
from relgraph.analysis._graphs import indexed, seeded_igraph, to_igraph
from relgraph.analysis.centrality import pagerank
from relgraph.analysis.communities import communities
from relgraph.analysis.weak_links import dominated_sets
from relgraph.model import Network
from relgraph.projection import Projection
from tests.analysis.builders import network, org, ours, person, projected, tie, works_at

SEEDS = [1, 2, 3, 4]


def _random_network(seed: int, size: int = 60, density: float = 0.05, internal: int = 5) -> Network:
    rng = random.Random(seed)
    ids = [f"p{i:02d}" for i in range(size)]
    accounts = [f"o{i}" for i in range(5)]
    people = [
        ours(pid) if i < internal else person(pid, stance=rng.choice([None, None, -2, -1, 0, 1, 2]))
        for i, pid in enumerate(ids)
    ]
    orgs = [
        org("us", "own"),
        *(org(o, rng.choice(["client", "prospect", "partner"])) for o in accounts),
    ]
    rels = [
        works_at(pid, "us" if i < internal else rng.choice(accounts))
        for i, pid in enumerate(ids)
        if rng.random() < 0.7
    ]
    for a, b in itertools.combinations(ids, 2):
        if rng.random() < density:
            sentiment = rng.choice([None, None, -0.6, 0.4])
            rels.append(tie(a, b, round(rng.uniform(0.0, 1.0), 2), sentiment=sentiment))
    return network(people=people, organizations=orgs, relationships=rels)


@pytest.fixture(params=SEEDS)
def random_projection(request: pytest.FixtureRequest) -> Projection:
    return projected(_random_network(request.param))


def test_pagerank_is_networkx_pagerank_run_to_convergence(random_projection: Projection) -> None:
    ours_ = pagerank(random_projection)
    theirs = nx.pagerank(random_projection.graph, weight="strength", tol=1e-14, max_iter=100_000)
    assert ours_.keys() == theirs.keys()
    assert max(abs(ours_[n] - theirs[n]) for n in theirs) < 1e-9
    assert sum(ours_.values()) == pytest.approx(1.0, abs=1e-12)


def _networkx_dominated_sets(p: Projection) -> dict[str, set[str]]:
    directed = p.graph.to_directed(as_view=True).copy()
    directed.add_edges_from(("\x00us", pid) for pid in p.internal)
    idom = nx.immediate_dominators(directed, "\x00us")
    children: dict[str, list[str]] = {}
    for node, parent in idom.items():
        if node not in (parent, "\x00us"):
            children.setdefault(parent, []).append(node)
    result = {}
    for node in (n for n in children if n != "\x00us"):
        below, stack = set(), list(children[node])
        while stack:
            below.add(child := stack.pop())
            stack.extend(children.get(child, []))
        result[node] = below
    return result


@pytest.mark.parametrize("density", [0.03, 0.05])
@pytest.mark.parametrize("seed", SEEDS)
def test_dominated_sets_are_networkx_dominators(seed: int, density: float) -> None:
    p = projected(_random_network(seed, density=density))
    expected = _networkx_dominated_sets(p)
    assert dominated_sets(p) == expected
    assert list(dominated_sets(p)) == sorted(expected)


def test_bridges_are_networkx_bridges(random_projection: Projection) -> None:
    ig = indexed(random_projection)
    found = {frozenset(ig.nodes[i] for i in ig.graph.es[e].tuple) for e in ig.graph.bridges()}
    assert found == {frozenset(e) for e in nx.bridges(random_projection.graph)}


@pytest.mark.parametrize("max_hops", [1, 2, 4])
def test_reach_is_networkx_multi_source_dijkstra(
    random_projection: Projection, max_hops: int
) -> None:
    p = random_projection
    ig = indexed(p)
    sources = sorted(ig.index[s] for s in p.internal)
    within, strength = whatif._reach(ig.graph.copy(), ig.nodes, sources, max_hops)
    starts = set(p.internal)
    hops = nx.multi_source_dijkstra_path_length(
        p.graph, starts, cutoff=max_hops, weight=lambda *_: 1
    )
    lengths = nx.multi_source_dijkstra_path_length(p.graph, starts, weight="distance")
    assert within == set(hops)
    assert strength.keys() == lengths.keys()
    assert all(strength[n] == pytest.approx(math.exp(-d), rel=1e-12) for n, d in lengths.items())


def test_removing_a_person_is_a_networkx_view_without_them(random_projection: Projection) -> None:
    p = random_projection
    leaving = sorted(p.internal)[0]
    ig = indexed(p)
    changed = whatif._without(ig, leaving, None)
    kept = [ig.index[s] for s in sorted(p.internal) if s != leaving]
    within, _ = whatif._reach(changed, ig.nodes, kept, 3)
    view = nx.subgraph_view(p.graph, filter_node=lambda n: n != leaving)
    hops = nx.multi_source_dijkstra_path_length(
        view, set(p.internal) - {leaving}, cutoff=3, weight=lambda *_: 1
    )
    assert within == set(hops)


@pytest.mark.parametrize("seed", SEEDS)
def test_negative_ties_are_those_of_the_edge_walk(seed: int) -> None:
    p = projected(_random_network(seed, internal=25))  # many ties between two of us
    expected = []
    for a, b, edge in p.graph.edges(data=True):
        if edge["status"] == "negative" and {a, b} & p.internal:
            expected.append([a, b] if a in p.internal else [b, a])
    found = [f.subjects for f in weak_links._negative(p, {})]
    assert sorted(found) == sorted(expected)
    assert any(set(s) <= p.internal for s in expected)


def _python_group_ties(p: Projection) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Each person's contact groups and bridging count, as brokers computed them person by person."""
    people, groups = p.person_graph(), brokerage.person_groups(p)
    linked = set()
    for a, b in people.edges():
        ga, gb = groups.get(a), groups.get(b)
        if ga is not None and gb is not None and ga != gb:
            linked.add((min(ga, gb), max(ga, gb)))
    contacts, bridging = {}, {}
    for pid in p.people:
        own = groups.get(pid)
        contacts[pid] = sorted({groups[c] for c in people[pid] if c in groups and groups[c] != own})
        bridging[pid] = sum(
            1 for pair in itertools.combinations(contacts[pid], 2) if pair not in linked
        )
    return contacts, bridging


def test_group_ties_are_the_person_by_person_count(random_projection: Projection) -> None:
    p = random_projection
    ties = brokerage._group_ties(p, brokerage.person_groups(p))
    contacts, bridging = _python_group_ties(p)
    assert {
        pid: [ties.names[g] for g in ties.contacts.get(pid, [])] for pid in p.people
    } == contacts
    assert {pid: ties.bridging(pid) for pid in p.people} == bridging


def test_routing_graph_is_the_filtered_view_copied(random_projection: Projection) -> None:
    p = random_projection
    target, sources = "o0", sorted(p.internal)
    blocked = {
        n for n, x in p.people.items() if x.stance is not None and x.stance < 0 and n not in sources
    }
    view = nx.subgraph_view(
        p.graph,
        filter_node=lambda n: n not in blocked,
        filter_edge=lambda a, b: p.graph.edges[a, b]["status"] != "negative",
    )
    expected, work = nx.Graph(view), paths._work_graph(p, target, sources, avoid_negative=True)
    # The same nodes and neighbours in the same order: Yen's algorithm breaks ties by that order.
    assert [(n, list(work[n])) for n in work] == [(n, list(expected[n])) for n in expected]
    assert all(work.edges[e]["distance"] == expected.edges[e]["distance"] for e in expected.edges)


def test_communities_are_seeded_and_leave_the_global_random_state_alone(
    random_projection: Projection,
) -> None:
    random.seed(5)
    state = random.getstate()
    first = communities(random_projection, seed=3)
    assert (
        random.getstate() == state
    )  # igraph drew from its own seeded generator, not from `random`
    random.seed(99)
    assert communities(random_projection, seed=3) == first


def test_seeded_igraph_restores_the_default_generator() -> None:
    import igraph

    g = igraph.Graph.Erdos_Renyi(n=50, p=0.1)
    seeded_igraph(1, lambda: g.community_leiden(objective_function="modularity"))
    random.seed(7)
    a = g.community_leiden(objective_function="modularity").membership
    random.seed(7)
    assert g.community_leiden(objective_function="modularity").membership == a


def test_communities_find_planted_groups_with_modularity_at_least_networkx_louvain() -> None:
    graph = nx.random_partition_graph([12, 12, 12, 12], 0.6, 0.03, seed=4)
    ids = {n: f"p{n:02d}" for n in graph}
    net = network(
        people=[person(i) for i in ids.values()],
        relationships=[tie(ids[a], ids[b], 0.8) for a, b in graph.edges()],
    )
    p = projected(net)
    found = [set(c.members) for c in communities(p)]
    planted = [{ids[n] for n in block} for block in graph.graph["partition"]]
    assert sorted(map(sorted, found)) == sorted(map(sorted, planted))
    people = p.person_graph()
    louvain = nx.community.louvain_communities(people, weight="strength", seed=0)
    ours_ = nx.community.modularity(people, found, weight="strength")
    assert ours_ >= nx.community.modularity(people, louvain, weight="strength") - 1e-12


def test_to_igraph_keeps_node_and_edge_order() -> None:
    graph = nx.Graph()
    graph.add_nodes_from(["c", "a", "b"])
    graph.add_edge("b", "c", strength=0.5, distance=0.7)
    graph.add_edge("a", "c", strength=0.25, distance=1.4)
    ig = to_igraph(graph)
    assert ig.nodes == ["c", "a", "b"]
    assert [(ig.nodes[a], ig.nodes[b]) for a, b in ig.graph.get_edgelist()] == list(graph.edges())
    assert ig.graph.es["strength"] == [0.5, 0.25]
