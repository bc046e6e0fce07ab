"""The demo network: sizes, integrity, dates relative to today, determinism and the planted structures."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import combinations, pairwise
from pathlib import Path

import networkx as nx
import pytest

from relgraph.demo import (
    BLOCKER,
    BROKER,
    CHAMPION,
    CLIENT_CEO,
    CLIENT_CEO_TIE,
    CLIENT_CFO,
    COALITION_GROUP,
    COMPETITOR,
    COOLING_TIE,
    DECISION_MAKERS,
    GATEKEEPER,
    KEY_ACCOUNT_MANAGER,
    KEY_CLIENT,
    KEY_CLIENT_OWNER,
    MUNICIPALITY,
    NEGATIVE_TIE,
    OPPONENTS,
    OUR_CEO,
    OWN_ORG,
    PROSPECT,
    REGULATOR,
    SINGLE_THREAD_COLLEAGUE,
    build_demo_network,
)
from relgraph.model import (
    DecisionRole,
    Network,
    OrgKind,
    OrgRole,
    Relationship,
    RelationshipKey,
    RelType,
)
from relgraph.store.checks import batch_problems
from relgraph.store.sqlite import SQLiteStore

TODAY = date(2025, 6, 15)
#: 18 months, rounded up to whole days.
EIGHTEEN_MONTHS = timedelta(days=548)
PERSON_TO_ORG = (RelType.WORKS_AT, RelType.MEMBER_OF)
PERSON_TO_PERSON = (RelType.KNOWS, RelType.REPORTS_TO, RelType.INFLUENCES)


@pytest.fixture(scope="module")
def network() -> Network:
    return build_demo_network(TODAY)


def _of_type(network: Network, *types: RelType) -> list[Relationship]:
    return [rel for rel in network.relationships if rel.type in types]


def _knows(network: Network) -> set[frozenset[str]]:
    return {frozenset((rel.source, rel.target)) for rel in _of_type(network, RelType.KNOWS)}


def _people_at(network: Network, org_ids: Iterable[str], *types: RelType) -> set[str]:
    wanted = set(org_ids)
    return {rel.source for rel in _of_type(network, *types) if rel.target in wanted}


def _internal(network: Network) -> set[str]:
    return {person.id for person in network.people if person.internal}


def _contact_dates(network: Network, *people: str) -> list[date]:
    return sorted(i.date for i in network.interactions if set(people) <= set(i.participants))


# -- size, integrity, dates -------------------------------------------------------------------------


def test_sizes_meet_the_minimums(network: Network) -> None:
    counts = network.counts()
    assert counts["people"] >= 80
    assert counts["organizations"] >= 25
    assert counts["relationships"] >= 150
    assert counts["interactions"] >= 200
    orgs = {org.id: org for org in network.organizations}
    public = [
        o for o in orgs.values() if o.kind in (OrgKind.MUNICIPALITY, OrgKind.PUBLIC_AUTHORITY)
    ]
    assert len(public) >= 2
    suppliers = {o.id for o in orgs.values() if OrgRole.SUPPLIER in o.roles}
    assert len(suppliers) >= 5
    supplying = {r.source for r in _of_type(network, RelType.SUPPLIES) if r.target == OWN_ORG}
    assert suppliers <= supplying
    assert [o.id for o in orgs.values() if OrgRole.OWN in o.roles] == [OWN_ORG]
    assert orgs[OWN_ORG].kind is OrgKind.COMPANY
    assert len(_internal(network)) >= 6
    assert _people_at(network, [OWN_ORG], RelType.WORKS_AT) == _internal(network)


def test_passes_the_store_integrity_checks(network: Network) -> None:
    assert batch_problems(network, {}) == []
    assert Network.model_validate(network.model_dump()) == network


def test_interactions_lie_in_the_18_months_before_today(network: Network) -> None:
    dates = [i.date for i in network.interactions]
    assert min(dates) >= TODAY - EIGHTEEN_MONTHS
    assert max(dates) <= TODAY
    assert max(dates) >= TODAY - timedelta(days=30)  # the network is alive right up to today
    assert all(r.since is None or r.since <= TODAY for r in network.relationships)


def test_default_today_is_the_current_date() -> None:
    before = date.today()
    built = build_demo_network()
    assert max(i.date for i in built.interactions) <= date.today()
    assert min(i.date for i in built.interactions) >= before - EIGHTEEN_MONTHS


def test_every_interaction_has_one_of_us_and_an_outsider(network: Network) -> None:
    internal = _internal(network)
    for interaction in network.interactions:
        ours = internal.intersection(interaction.participants)
        assert ours, interaction.id
        assert set(interaction.participants) - ours, interaction.id
        assert interaction.summary
    with_sentiment = [i for i in network.interactions if i.sentiment is not None]
    assert len(with_sentiment) >= 0.75 * len(network.interactions)
    assert sum(i.organization is not None for i in network.interactions) == len(
        network.interactions
    )


def test_same_today_gives_an_equal_network(network: Network) -> None:
    assert build_demo_network(TODAY) == network


def test_another_today_shifts_every_date(network: Network) -> None:
    shift = timedelta(days=45)
    later = build_demo_network(TODAY + shift)
    assert [i.id for i in later.interactions] == [i.id for i in network.interactions]
    for old, new in zip(network.interactions, later.interactions, strict=True):
        assert new.date - old.date == shift
        assert new.model_copy(update={"date": old.date}) == old
    for old_rel, new_rel in zip(network.relationships, later.relationships, strict=True):
        if old_rel.since is not None:
            assert new_rel.since is not None
            assert new_rel.since - old_rel.since == shift
    assert later.people == network.people
    assert later.organizations == network.organizations


# -- people and ties carry the attributes analyses need ------------------------------------------


def test_attributes_are_rich_but_not_complete(network: Network) -> None:
    people = network.people
    assert all(p.title for p in people)
    assert sum(p.stance is not None for p in people) >= len(people) // 2
    assert any(p.stance is None for p in people)
    assert any(p.influence is None for p in people) and any(p.interest is None for p in people)
    assert sum(bool(p.tags) for p in people) >= 20
    assert sum(p.email is not None for p in people) >= 5
    assert sum(p.phone is not None for p in people) >= 5
    assert any(not p.name.isascii() for p in people)
    knows = _of_type(network, RelType.KNOWS)
    assert all(r.since is not None and r.source_note for r in knows)
    assert any(r.strength is None for r in knows)
    assert sum(r.strength is not None for r in knows) >= len(knows) // 3


def test_organisation_links(network: Network) -> None:
    keys = {(r.source, r.type, r.target) for r in network.relationships}
    assert (KEY_CLIENT_OWNER, RelType.OWNS, KEY_CLIENT) in keys
    assert (KEY_CLIENT, RelType.REFERRED, PROSPECT) in keys
    competes = RelationshipKey(source=COMPETITOR, type=RelType.COMPETES_WITH, target=OWN_ORG)
    assert (competes.source, competes.type, competes.target) in keys  # symmetric: stored once
    assert (REGULATOR, RelType.REGULATES, OWN_ORG) in keys
    orgs = {org.id: org for org in network.organizations}
    assert orgs[REGULATOR].kind is OrgKind.PUBLIC_AUTHORITY
    assert OrgRole.REGULATOR in orgs[REGULATOR].roles
    assert orgs[MUNICIPALITY].kind is OrgKind.MUNICIPALITY
    assert orgs[COMPETITOR].roles == [OrgRole.COMPETITOR]
    assert orgs[PROSPECT].roles == [OrgRole.PROSPECT]
    partners = _of_type(network, RelType.PARTNERS_WITH)
    assert any(OWN_ORG in (r.source, r.target) for r in partners)
    assert sum(o.kind is OrgKind.COMMUNITY_GROUP for o in orgs.values()) >= 2


# -- (a) the negotiation with the key client -------------------------------------------------------


def test_buying_committee_of_the_key_client(network: Network) -> None:
    roles = {
        r.source: r.decision_role
        for r in _of_type(network, RelType.WORKS_AT)
        if r.target == KEY_CLIENT
    }
    assert roles[BLOCKER] is DecisionRole.BLOCKER
    assert roles[GATEKEEPER] is DecisionRole.GATEKEEPER
    assert roles[CHAMPION] is DecisionRole.CHAMPION
    assert all(roles[p] is DecisionRole.DECISION_MAKER for p in DECISION_MAKERS)
    assert sum(role is DecisionRole.INFLUENCER for role in roles.values()) >= 2
    assert all(
        r.seniority is not None
        for r in _of_type(network, RelType.WORKS_AT)
        if r.target == KEY_CLIENT
    )
    people = {p.id: p for p in network.people}
    blocker_stance = people[BLOCKER].stance
    assert blocker_stance is not None and blocker_stance < 0
    orgs = {o.id: o for o in network.organizations}
    clients = [o for o in orgs.values() if OrgRole.CLIENT in o.roles]
    assert max(clients, key=lambda o: o.value or 0).id == KEY_CLIENT
    keys = {(r.source, r.type, r.target) for r in network.relationships}
    assert (BLOCKER, RelType.INFLUENCES, CLIENT_CFO) in keys  # the CFO listens to the blocker
    assert (CLIENT_CFO, RelType.REPORTS_TO, CLIENT_CEO) in keys


def test_client_ceo_is_reached_through_one_knows_tie(network: Network) -> None:
    ceo_ties = {pair for pair in _knows(network) if CLIENT_CEO in pair}
    assert ceo_ties == {frozenset(CLIENT_CEO_TIE)}
    internal = _internal(network)
    met_her = {
        p for i in network.interactions if CLIENT_CEO in i.participants for p in i.participants
    }
    assert met_her & internal == {OUR_CEO}


def test_cooling_tie_went_quiet_after_frequent_contact(network: Network) -> None:
    assert frozenset(COOLING_TIE) in _knows(network)
    contacts = _contact_dates(network, *COOLING_TIE)
    assert len(contacts) >= 8
    assert TODAY - timedelta(days=365) <= contacts[-1] <= TODAY - timedelta(days=183)
    gaps = [(b - a).days for a, b in pairwise(contacts)]
    assert statistics.median(gaps) <= 30
    # the other side of the story: the champion is in active contact
    assert _contact_dates(network, KEY_ACCOUNT_MANAGER, CHAMPION)[-1] >= TODAY - timedelta(days=60)


# -- (b) the community-relations programme ---------------------------------------------------------


def test_opponents_form_a_coalition(network: Network) -> None:
    people = {p.id: p for p in network.people}
    assert len(OPPONENTS) >= 3
    for person_id in OPPONENTS:
        stance = people[person_id].stance
        assert stance is not None and stance < 0
    knows = _knows(network)
    assert all(frozenset(pair) in knows for pair in combinations(OPPONENTS, 2))
    assert OPPONENTS.issubset(_people_at(network, [COALITION_GROUP], RelType.MEMBER_OF))
    kinds = {o.id: o.kind for o in network.organizations}
    assert kinds[COALITION_GROUP] is OrgKind.COMMUNITY_GROUP
    assert OPPONENTS & _people_at(network, [MUNICIPALITY], RelType.MEMBER_OF)  # a councillor
    internal = _internal(network)
    assert not any(pair & OPPONENTS and pair & internal for pair in knows)


def _reach_graph(network: Network) -> nx.Graph:
    """People and organisations joined by every person-person tie and by WORKS_AT / MEMBER_OF.

    Routes between people go through people or through a shared organisation; organisation-to-
    organisation links (SUPPLIES, REGULATES, ...) are not routes to a person, so they are left out.
    """
    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in network.people)
    for rel in _of_type(network, *PERSON_TO_PERSON, *PERSON_TO_ORG):
        graph.add_edge(rel.source, rel.target)
    return graph


def _connected(graph: nx.Graph, sources: set[str], targets: set[str]) -> bool:
    reached: set[str] = set()
    for source in sources & set(graph):
        reached |= nx.node_connected_component(graph, source)
    return bool(reached & targets)


def test_municipality_is_reached_only_through_one_colleague(network: Network) -> None:
    officials = _people_at(network, [MUNICIPALITY], *PERSON_TO_ORG)
    internal = _internal(network)
    others = internal - {SINGLE_THREAD_COLLEAGUE}
    assert SINGLE_THREAD_COLLEAGUE in internal and len(officials) >= 8
    graph = _reach_graph(network)
    assert _connected(graph, others, officials)
    graph.remove_node(SINGLE_THREAD_COLLEAGUE)
    assert not _connected(graph, others, officials)
    # and she is the only one of us who meets them
    met = {
        p for i in network.interactions if officials & set(i.participants) for p in i.participants
    }
    assert met & internal == {SINGLE_THREAD_COLLEAGUE}


def test_broker_is_the_only_bridge_to_the_community_groups(network: Network) -> None:
    groups = [o.id for o in network.organizations if o.kind is OrgKind.COMMUNITY_GROUP]
    members = _people_at(network, groups, RelType.MEMBER_OF)
    officials = _people_at(network, [MUNICIPALITY], *PERSON_TO_ORG) - members
    assert BROKER in officials
    crossing = [pair for pair in _knows(network) if pair & officials and pair & members]
    assert len(crossing) >= 3
    assert all(BROKER in pair for pair in crossing)
    knows = nx.Graph()
    knows.add_edges_from(tuple(pair) for pair in _knows(network))
    assert _connected(knows, officials, members)
    knows.remove_node(BROKER)
    assert not _connected(knows, officials - {BROKER}, members)


def test_negative_ties_and_interactions(network: Network) -> None:
    negative = [r for r in _of_type(network, RelType.KNOWS) if (r.sentiment or 0) < 0]
    assert frozenset(NEGATIVE_TIE) in {frozenset((r.source, r.target)) for r in negative}
    assert len(negative) >= 2
    assert sum((i.sentiment or 0) < 0 for i in network.interactions) >= 10
    assert any((r.sentiment or 0) < 0 for r in _of_type(network, RelType.SUPPLIES))


# -- it loads into a store --------------------------------------------------------------------------


def test_loads_into_a_sqlite_store(network: Network, tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "d.db") as store:
        store.upsert(network)
        assert store.counts() == network.counts()
        assert store.get_person(BROKER).name == "Tomás Herrera"
        assert store.get_organization(KEY_CLIENT).value == 4_200_000
        store.upsert(network)  # loading twice changes nothing
        assert store.counts() == network.counts()
