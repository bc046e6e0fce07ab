"""The synthetic network generator: sizes, integrity, determinism, structure, dates and CSV import."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest

from relgraph.generate import WINDOW_DAYS, generate_network, write_import_files
from relgraph.io.importer import import_files
from relgraph.model import (
    DecisionRole,
    Network,
    OrgKind,
    OrgRole,
    Relationship,
    RelType,
    Seniority,
)
from relgraph.store.checks import batch_problems
from relgraph.store.sqlite import SQLiteStore

TODAY = date(2025, 6, 15)
PEOPLE = 500


@pytest.fixture(scope="module")
def network() -> Network:
    return generate_network(PEOPLE, seed=7, today=TODAY)


@pytest.fixture(scope="module")
def knows(network: Network) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in network.people)
    graph.add_edges_from((r.source, r.target) for r in _of_type(network, RelType.KNOWS))
    return graph


def _of_type(network: Network, rel_type: RelType) -> list[Relationship]:
    return [r for r in network.relationships if r.type is rel_type]


def _employer(network: Network) -> dict[str, str]:
    return {r.source: r.target for r in _of_type(network, RelType.WORKS_AT)}


# -- sizes and integrity ----------------------------------------------------------------------------


def test_sizes(network: Network, knows: nx.Graph) -> None:
    counts = network.counts()
    assert counts["people"] == PEOPLE
    assert PEOPLE / 40 <= counts["organizations"] <= PEOPLE / 15
    assert 3.0 * PEOPLE <= counts["interactions"] <= 4.0 * PEOPLE
    assert 4.0 <= 2 * knows.number_of_edges() / PEOPLE <= 6.0


def test_passes_the_batch_checks(network: Network) -> None:
    assert batch_problems(network, {}) == []


@pytest.mark.parametrize("people", [1, 2, 5, 12, 40, 137])
def test_small_networks_are_valid(people: int) -> None:
    network = generate_network(people, seed=people, today=TODAY)
    assert len(network.people) == people
    assert batch_problems(network, {}) == []


def test_people_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        generate_network(0)


def test_ids_are_short_and_unique(network: Network) -> None:
    ids = [p.id for p in network.people] + [o.id for o in network.organizations]
    ids += [i.id for i in network.interactions]
    assert len(ids) == len(set(ids))
    assert max(len(i) for i in ids) <= 6


def test_names_are_plausible(network: Network) -> None:
    names = [p.name for p in network.people]
    assert all(len(name.split()) >= 2 for name in names)
    assert any(not name.isascii() for name in names)
    assert len(set(names)) > PEOPLE / 3


# -- determinism ------------------------------------------------------------------------------------


def test_same_seed_same_network(network: Network) -> None:
    assert generate_network(PEOPLE, seed=7, today=TODAY) == network


def test_other_seed_other_network(network: Network) -> None:
    other = generate_network(PEOPLE, seed=8, today=TODAY)
    assert other != network
    assert [p.name for p in other.people] != [p.name for p in network.people]


def test_today_defaults_to_the_current_date() -> None:
    network = generate_network(30, seed=1)
    assert max(i.date for i in network.interactions) <= date.today()


# -- organisations and org charts --------------------------------------------------------------------


def test_every_kind_and_role_occurs(network: Network) -> None:
    assert {o.kind for o in network.organizations} == set(OrgKind)
    assert {r for o in network.organizations for r in o.roles} == set(OrgRole)
    assert sum(OrgRole.OWN in o.roles for o in network.organizations) == 1


def test_organisation_sizes_are_heavy_tailed() -> None:
    network = generate_network(4000, seed=3, today=TODAY)
    sizes = sorted(Counter(_employer(network).values()).values())
    assert max(sizes) >= 5 * statistics.median(sizes)


def test_everyone_works_at_exactly_one_organisation(network: Network) -> None:
    works = Counter(r.source for r in _of_type(network, RelType.WORKS_AT))
    assert set(works) == {p.id for p in network.people}
    assert set(works.values()) == {1}
    assert all(r.seniority is not None for r in _of_type(network, RelType.WORKS_AT))
    assert _of_type(network, RelType.MEMBER_OF)


def test_internal_people_work_at_our_organisation(network: Network) -> None:
    own = next(o.id for o in network.organizations if OrgRole.OWN in o.roles)
    employer = _employer(network)
    internal = {p.id for p in network.people if p.internal}
    assert 0.02 * PEOPLE <= len(internal) <= 0.05 * PEOPLE
    assert internal == {person for person, org in employer.items() if org == own}


def test_reports_to_forms_one_tree_per_organisation(network: Network) -> None:
    employer = _employer(network)
    charts: dict[str, nx.DiGraph] = defaultdict(nx.DiGraph)
    for person, org in employer.items():
        charts[org].add_node(person)
    for rel in _of_type(network, RelType.REPORTS_TO):
        assert employer[rel.source] == employer[rel.target]
        charts[employer[rel.source]].add_edge(rel.source, rel.target)
    for chart in charts.values():
        assert nx.is_arborescence(chart.reverse())


def test_executives_are_few_and_decision_roles_sit_with_accounts(network: Network) -> None:
    works = _of_type(network, RelType.WORKS_AT)
    seniority = Counter(r.seniority for r in works)
    assert (
        seniority[Seniority.EXECUTIVE] < seniority[Seniority.MANAGER] < seniority[Seniority.STAFF]
    )
    orgs = {o.id: o for o in network.organizations}

    def engaged(org_id: str) -> bool:
        org = orgs[org_id]
        accounts = {OrgRole.CLIENT, OrgRole.PROSPECT}
        return bool(accounts & set(org.roles)) or org.kind is OrgKind.MUNICIPALITY

    with_role = [r for r in works if r.decision_role is not None]
    assert {r.decision_role for r in with_role} == set(DecisionRole)
    assert sum(engaged(r.target) for r in with_role) > 0.6 * len(with_role)
    assert _of_type(network, RelType.INFLUENCES)


def test_organisation_links(network: Network) -> None:
    types = Counter(r.type for r in network.relationships)
    for rel_type in (RelType.SUPPLIES, RelType.PARTNERS_WITH, RelType.COMPETES_WITH):
        assert types[rel_type] >= 1
    assert types[RelType.REGULATES] >= 1
    bigger = generate_network(3000, seed=2, today=TODAY)
    bigger_types = Counter(r.type for r in bigger.relationships)
    assert bigger_types[RelType.OWNS] >= 1
    assert bigger_types[RelType.REFERRED] >= 1


# -- KNOWS structure --------------------------------------------------------------------------------


def test_knows_degrees_have_a_heavy_tail(knows: nx.Graph) -> None:
    degrees = [d for _, d in knows.degree()]
    assert max(degrees) >= 4 * statistics.mean(degrees)
    assert statistics.median(degrees) < statistics.mean(degrees)


def test_knows_has_community_structure(network: Network, knows: nx.Graph) -> None:
    communities = nx.community.louvain_communities(knows, seed=0)
    assert nx.community.modularity(knows, communities) > 0.3
    employer = _employer(network)
    same_org = sum(employer[a] == employer[b] for a, b in knows.edges())
    assert 0.4 < same_org / knows.number_of_edges() < 0.9


def test_knows_attributes(network: Network) -> None:
    ties = _of_type(network, RelType.KNOWS)
    assert 0.2 < sum(r.strength is not None for r in ties) / len(ties) < 0.6
    assert any((r.sentiment or 0) < 0 for r in ties)
    assert sum((r.sentiment or 0) > 0 for r in ties) > sum((r.sentiment or 0) < 0 for r in ties)
    assert all(r.since is None or r.since < TODAY for r in ties)


# -- interactions -----------------------------------------------------------------------------------


def test_interactions_lie_in_the_18_months_before_today(network: Network) -> None:
    dates = [i.date for i in network.interactions]
    assert min(dates) >= TODAY - timedelta(days=WINDOW_DAYS)
    assert max(dates) <= TODAY
    assert (max(dates) - min(dates)).days > 500


def test_interactions_mostly_involve_our_people(network: Network) -> None:
    internal = {p.id for p in network.people if p.internal}
    interactions = network.interactions
    assert all(2 <= len(i.participants) <= 6 for i in interactions)
    ours = sum(bool(internal & set(i.participants)) for i in interactions)
    assert ours > 0.7 * len(interactions)
    assert len({i.channel for i in interactions}) >= 5
    assert sum(i.sentiment is not None for i in interactions) > 0.7 * len(interactions)
    assert sum(i.organization is not None for i in interactions) > 0.5 * len(interactions)


def test_some_ties_are_active_and_others_cooling(network: Network, knows: nx.Graph) -> None:
    last: dict[frozenset[str], date] = {}
    for interaction in network.interactions:
        for a, b in combinations(interaction.participants, 2):
            if knows.has_edge(a, b):
                key = frozenset((a, b))
                last[key] = max(last.get(key, interaction.date), interaction.date)
    ages = [(TODAY - day).days for day in last.values()]
    assert len(ages) > 0.3 * knows.number_of_edges()
    assert sum(age <= 30 for age in ages) > 0.25 * len(ages)
    assert sum(age >= 120 for age in ages) > 0.25 * len(ages)


# -- import files -----------------------------------------------------------------------------------


def test_import_files_load_into_sqlite(network: Network, tmp_path: Path) -> None:
    directory = tmp_path / "csv"
    write_import_files(network, directory)
    assert sorted(p.name for p in directory.iterdir()) == [
        "interactions.csv",
        "organizations.csv",
        "people.csv",
        "relationships.csv",
    ]
    with SQLiteStore(tmp_path / "g.db") as store:
        report = import_files(store, [directory])
        assert report.counts == network.counts()
        assert store.counts() == network.counts()
        snapshot = store.snapshot()

    def rel_key(rel: Relationship) -> tuple[str, str, str]:
        return rel.source, rel.type.value, rel.target

    assert sorted(snapshot.people, key=lambda p: p.id) == sorted(network.people, key=lambda p: p.id)
    assert sorted(snapshot.relationships, key=rel_key) == sorted(network.relationships, key=rel_key)
    assert sorted(snapshot.interactions, key=lambda i: i.id) == sorted(
        network.interactions, key=lambda i: i.id
    )
