"""The analyses tell the demo network's story (relgraph.demo docstring, "Planted structures")."""

from __future__ import annotations

import pytest

from relgraph.analysis.brokerage import brokers
from relgraph.analysis.centrality import key_contacts
from relgraph.analysis.communities import communities
from relgraph.analysis.paths import warm_paths
from relgraph.analysis.weak_links import weak_links
from relgraph.analysis.whatif import what_if
from relgraph.demo import (
    BLOCKER,
    BROKER,
    CLIENT_CEO,
    COOLING_TIE,
    DECISION_MAKERS,
    GATEKEEPER,
    KEY_CLIENT,
    MUNICIPALITY,
    OPPONENTS,
    OUR_CEO,
    SINGLE_THREAD_COLLEAGUE,
    build_demo_network,
)
from relgraph.projection import Projection, project
from tests.analysis.builders import AS_OF


@pytest.fixture(scope="module")
def demo() -> Projection:
    return project(build_demo_network(AS_OF), as_of=AS_OF)


def test_key_client_committee(demo):
    contacts = {c.id: c for c in key_contacts(demo, organization=KEY_CLIENT)}
    assert contacts[BLOCKER].decision_role == "blocker"
    assert contacts[GATEKEEPER].decision_role == "gatekeeper"
    assert all(c.organization == KEY_CLIENT for c in contacts.values())
    top_five = [c.id for c in key_contacts(demo, organization=KEY_CLIENT, limit=5)]
    assert DECISION_MAKERS.issubset(top_five)
    assert BLOCKER in top_five


def test_single_thread_colleague_is_a_single_point_of_failure(demo):
    findings = weak_links(demo)
    (point,) = [
        f
        for f in findings
        if f.kind == "single_point_of_failure" and f.subjects == [SINGLE_THREAD_COLLEAGUE]
    ]
    assert MUNICIPALITY in point.at_risk
    assert point.summary.startswith("if Priya Raman leaves")
    threads = [f for f in findings if f.kind == "single_threaded" and f.subjects[0] == MUNICIPALITY]
    assert [f.subjects for f in threads] == [[MUNICIPALITY, SINGLE_THREAD_COLLEAGUE]]


def test_cooling_tie(demo):
    cooling = [f for f in weak_links(demo) if f.kind == "cooling_tie"]
    assert list(COOLING_TIE) in [f.subjects for f in cooling]
    assert demo.graph.edges[COOLING_TIE]["status"] == "cooling"


def test_opponent_coalition(demo):
    coalitions = [c for c in communities(demo) if c.coalition == "opponents"]
    assert coalitions
    best = max(coalitions, key=lambda c: len(OPPONENTS & set(c.members)))
    assert len(OPPONENTS & set(best.members)) >= 3  # most of the four
    assert communities(demo) == communities(demo)  # seeded


def test_broker_bridges_groups(demo):
    by_bridging = sorted(brokers(demo, limit=None), key=lambda b: (-b.bridging, b.id))
    assert BROKER in [b.id for b in by_bridging[:3]]


def test_warm_path_to_the_client_ceo_starts_at_our_ceo(demo):
    routes = warm_paths(demo, CLIENT_CEO)
    assert routes[0].start == OUR_CEO
    assert routes[0].end == CLIENT_CEO
    assert [h.target for h in routes[0].hops] == [CLIENT_CEO]  # the one direct tie
    assert [r.strength for r in routes] == sorted((r.strength for r in routes), reverse=True)


def test_what_if_the_single_thread_colleague_leaves(demo):
    result = what_if(demo, remove_person=SINGLE_THREAD_COLLEAGUE)
    assert MUNICIPALITY in result.lost_organizations
    assert result.reach_after < result.reach_before


def test_answers_do_not_depend_on_the_order_records_are_listed_in():
    from relgraph.demo import build_demo_network
    from relgraph.model import Network
    from relgraph.projection import project

    network = build_demo_network()
    shuffled = Network.model_construct(
        people=network.people[::-1], organizations=network.organizations[::-1],
        relationships=network.relationships[::-1], interactions=network.interactions[::-1],
    )  # fmt: skip
    a, b = project(network), project(shuffled)
    assert communities(a, seed=1) == communities(b, seed=1)
    assert brokers(a, limit=None) == brokers(b, limit=None)
    assert weak_links(a) == weak_links(b)
