"""The store contract: one suite, run against every backend through the parametrised ``store`` fixture."""

from __future__ import annotations

from datetime import date

import pytest

from relgraph.errors import ConflictError, InvalidInputError, NotFoundError, ReferenceError_
from relgraph.model import (
    Interaction,
    Network,
    NodeType,
    Organization,
    Person,
    Relationship,
    RelationshipKey,
    RelType,
)
from relgraph.store.base import (
    GraphStore,
    InteractionFilter,
    OrganizationFilter,
    PeopleFilter,
    RelationshipFilter,
)
from tests.helpers import small_network


def _key(source: str, rel_type: str, target: str) -> RelationshipKey:
    return RelationshipKey(source=source, type=rel_type, target=target)


def test_new_store_is_empty_and_init_is_repeatable(store: GraphStore) -> None:
    store.init()
    store.init()
    assert store.counts() == {
        "people": 0,
        "organizations": 0,
        "relationships": 0,
        "interactions": 0,
    }
    assert store.snapshot().is_empty()


def test_upsert_creates_then_reupsert_changes_nothing(store: GraphStore) -> None:
    network = small_network()
    first = store.upsert(network)
    assert first.created == network.counts()
    version = store.version()
    second = store.upsert(network)
    assert not second.changed
    assert second.unchanged == network.counts()
    assert store.version() == version
    assert store.counts() == network.counts()


def test_every_changing_write_changes_the_version(store: GraphStore) -> None:
    seen = {store.version()}
    store.upsert(small_network())
    seen.add(store.version())
    store.upsert(Network(people=[Person(id="ann", name="Ann A. Archer", internal=True)]))
    seen.add(store.version())
    store.delete_relationship(_key("bob", "KNOWS", "ann"))
    seen.add(store.version())
    store.delete_interaction("i2")
    seen.add(store.version())
    store.delete_person("dan")
    seen.add(store.version())
    assert len(seen) == 6


def test_upsert_replaces_a_changed_record(store: GraphStore) -> None:
    store.upsert(small_network())
    changed = Person(id="bob", name="Bob Baker", title="CEO", stance=1)
    summary = store.upsert(Network(people=[changed]))
    assert summary.updated["people"] == 1
    assert store.get_person("bob") == changed  # fields left out of the new record are cleared


def test_snapshot_round_trips_every_field(store: GraphStore) -> None:
    network = small_network()
    store.upsert(network)
    snap = store.snapshot()
    assert sorted(snap.people, key=lambda p: p.id) == sorted(network.people, key=lambda p: p.id)
    assert sorted(snap.organizations, key=lambda o: o.id) == sorted(
        network.organizations, key=lambda o: o.id
    )
    key = lambda r: (r.source, r.type, r.target)  # noqa: E731
    assert sorted(snap.relationships, key=key) == sorted(network.relationships, key=key)
    assert sorted(snap.interactions, key=lambda i: i.id) == sorted(
        network.interactions, key=lambda i: i.id
    )


def test_snapshot_round_trips_relationship_dates(store: GraphStore) -> None:
    network = small_network()
    dated = [
        Relationship(source="cat", target="dan", type="KNOWS", since=date(2019, 5, 1)),
        Relationship(
            source="ann", target="client", type="MEMBER_OF",
            since=date(2020, 1, 31), until=date(2024, 12, 31),
        ),
    ]  # fmt: skip
    store.upsert(network.model_copy(update={"relationships": [*network.relationships, *dated]}))
    snap = {(r.source, r.type, r.target): r for r in store.snapshot().relationships}
    for rel in dated:
        assert snap[rel.source, rel.type, rel.target] == rel
    # Relationships without dates come back without them (no field set to None that was never given).
    undated = snap["ann", RelType.KNOWS, "bob"]  # stored once, in id order
    assert undated.since is None and "since" not in undated.model_fields_set


def test_symmetric_relationship_is_one_record_whichever_way_it_is_written(
    store: GraphStore,
) -> None:
    store.upsert(small_network())
    store.upsert(
        Network(
            relationships=[Relationship(source="ann", target="bob", type="KNOWS", strength=0.8)]
        )
    )
    knows = store.list_relationships(RelationshipFilter(type="KNOWS")).items
    assert len(knows) == 1
    assert store.get_relationship(_key("bob", "KNOWS", "ann")).strength == 0.8


def test_gets_raise_not_found(store: GraphStore) -> None:
    store.upsert(small_network())
    with pytest.raises(NotFoundError):
        store.get_person("nobody")
    with pytest.raises(NotFoundError):
        store.get_person("client")  # an organisation, not a person
    with pytest.raises(NotFoundError):
        store.get_organization("ann")
    with pytest.raises(NotFoundError):
        store.get_relationship(_key("ann", "REPORTS_TO", "bob"))
    with pytest.raises(NotFoundError):
        store.get_interaction("i9")


def test_id_of_another_node_type_is_a_conflict_and_writes_nothing(store: GraphStore) -> None:
    store.upsert(small_network())
    before = store.snapshot()
    batch = Network(
        people=[Person(id="new", name="New"), Person(id="client", name="Client as a person")]
    )
    with pytest.raises(ConflictError):
        store.upsert(batch)
    assert store.snapshot() == before


@pytest.mark.parametrize(
    "batch",
    [
        Network(relationships=[Relationship(source="ann", target="ghost", type="KNOWS")]),
        Network(relationships=[Relationship(source="ann", target="bob", type="WORKS_AT")]),
        Network(relationships=[Relationship(source="client", target="bob", type="SUPPLIES")]),
        Network(
            interactions=[Interaction(id="i3", date="2026-01-01", participants=["ann", "client"])]
        ),
        Network(
            interactions=[
                Interaction(id="i3", date="2026-01-01", participants=["ann"], organization="bob")
            ]
        ),
    ],
    ids=["unknown-id", "works-at-person", "supplies-person", "org-participant", "person-as-org"],
)
def test_bad_references_write_nothing(store: GraphStore, batch: Network) -> None:
    store.upsert(small_network())
    before, version = store.snapshot(), store.version()
    good = Network(
        people=[Person(id="extra", name="Extra")], **batch.model_dump(exclude={"people"})
    )
    with pytest.raises(ReferenceError_):
        store.upsert(good)
    assert store.snapshot() == before
    assert store.version() == version


def test_references_may_point_into_the_same_batch(store: GraphStore) -> None:
    batch = Network(
        people=[Person(id="x", name="X")],
        organizations=[Organization(id="y", name="Y")],
        relationships=[Relationship(source="x", target="y", type="MEMBER_OF")],
    )
    store.upsert(batch)
    assert store.get_relationship(_key("x", "MEMBER_OF", "y")).type.value == "MEMBER_OF"


def test_duplicate_ids_in_one_batch_are_rejected(store: GraphStore) -> None:
    batch = Network(people=[Person(id="x", name="X"), Person(id="x", name="Y")])
    with pytest.raises(InvalidInputError):
        store.upsert(batch)
    assert store.counts()["people"] == 0


def test_node_types(store: GraphStore) -> None:
    store.upsert(small_network())
    assert store.node_types(["ann", "client", "nobody", "i1"]) == {
        "ann": NodeType.PERSON,
        "client": NodeType.ORGANIZATION,
    }


def test_list_people_filters_and_pages(store: GraphStore) -> None:
    store.upsert(small_network())
    everyone = store.list_people(PeopleFilter())
    assert [p.id for p in everyone.items] == ["ann", "bob", "cat", "dan"]  # by name
    assert everyone.total == 4
    assert [p.id for p in store.list_people(PeopleFilter(organization="client")).items] == [
        "bob",
        "cat",
    ]
    assert [p.id for p in store.list_people(PeopleFilter(internal=True)).items] == ["ann"]
    assert [p.id for p in store.list_people(PeopleFilter(internal=False)).items] == [
        "bob",
        "cat",
        "dan",
    ]
    assert [p.id for p in store.list_people(PeopleFilter(tag="sales")).items] == ["ann"]
    assert [p.id for p in store.list_people(PeopleFilter(q="cfo")).items] == ["bob"]
    assert [p.id for p in store.list_people(PeopleFilter(q="陈")).items] == ["cat"]
    assert [p.id for p in store.list_people(PeopleFilter(q="%")).items] == []
    page = store.list_people(PeopleFilter(limit=2, offset=1))
    assert ([p.id for p in page.items], page.total) == (["bob", "cat"], 4)
    beyond = store.list_people(PeopleFilter(limit=2, offset=10))
    assert (beyond.items, beyond.total) == ([], 4)


def test_list_organizations_filters(store: GraphStore) -> None:
    store.upsert(small_network())
    assert [
        o.id for o in store.list_organizations(OrganizationFilter(kind="municipality")).items
    ] == ["town"]
    assert [o.id for o in store.list_organizations(OrganizationFilter(role="client")).items] == [
        "client"
    ]
    assert [o.id for o in store.list_organizations(OrganizationFilter(q="harbour")).items] == [
        "town"
    ]
    assert store.list_organizations(OrganizationFilter()).total == 3


def test_list_relationships_filters(store: GraphStore) -> None:
    store.upsert(small_network())
    around_bob = store.list_relationships(RelationshipFilter(node="bob"))
    assert around_bob.total == 3
    works = store.list_relationships(RelationshipFilter(type="WORKS_AT", target="client"))
    assert sorted(r.source for r in works.items) == ["bob", "cat"]
    assert store.list_relationships(RelationshipFilter(source="cat", type="INFLUENCES")).total == 1


def test_list_interactions_filters_newest_first(store: GraphStore) -> None:
    store.upsert(small_network())
    assert [i.id for i in store.list_interactions(InteractionFilter()).items] == ["i2", "i1"]
    assert [i.id for i in store.list_interactions(InteractionFilter(participant="cat")).items] == [
        "i2"
    ]
    assert [
        i.id for i in store.list_interactions(InteractionFilter(organization="client")).items
    ] == ["i1"]
    window = InteractionFilter(since=date(2026, 1, 1), until=date(2026, 1, 31))
    assert [i.id for i in store.list_interactions(window).items] == ["i1"]


def test_paging_limits_are_enforced() -> None:
    with pytest.raises(ValueError, match="limit"):
        PeopleFilter(limit=0)
    with pytest.raises(ValueError, match="limit"):
        PeopleFilter(limit=1001)
    with pytest.raises(ValueError, match="offset"):
        PeopleFilter(offset=-1)


def test_deleting_a_person_removes_their_ties_and_their_place_in_interactions(
    store: GraphStore,
) -> None:
    store.upsert(small_network())
    store.delete_person("bob")
    assert store.list_relationships(RelationshipFilter(node="bob")).total == 0
    assert store.get_interaction("i2").participants == ["ann", "cat"]
    # i1 had ann and bob: ann remains, so the interaction stays with one participant
    assert store.get_interaction("i1").participants == ["ann"]
    store.delete_person("ann")
    with pytest.raises(NotFoundError):
        store.get_interaction("i1")  # nobody left
    assert store.get_interaction("i2").participants == ["cat"]
    with pytest.raises(NotFoundError):
        store.delete_person("ann")


def test_deleting_an_organization_keeps_interactions_without_it(store: GraphStore) -> None:
    store.upsert(small_network())
    store.delete_organization("client")
    assert store.get_interaction("i1").organization is None
    assert store.list_relationships(RelationshipFilter(node="client")).total == 0
    assert store.get_person("bob").name == "Bob Baker"
    with pytest.raises(NotFoundError):
        store.delete_organization("ann")


def test_delete_relationship_and_interaction(store: GraphStore) -> None:
    store.upsert(small_network())
    store.delete_relationship(_key("ann", "KNOWS", "bob"))  # either direction names a symmetric tie
    with pytest.raises(NotFoundError):
        store.get_relationship(_key("bob", "KNOWS", "ann"))
    with pytest.raises(NotFoundError):
        store.delete_relationship(_key("bob", "KNOWS", "ann"))
    store.delete_interaction("i1")
    with pytest.raises(NotFoundError):
        store.delete_interaction("i1")


def test_neighbourhood(store: GraphStore) -> None:
    store.upsert(small_network())
    zero = store.neighbourhood("cat", 0)
    assert [p.id for p in zero.people] == ["cat"] and zero.relationships == []
    one = store.neighbourhood("cat", 1)
    assert {p.id for p in one.people} == {"cat", "bob"}
    assert {o.id for o in one.organizations} == {"client"}
    assert len(one.relationships) == 3  # cat→client, bob→client, cat→bob
    assert one.interactions == []  # i2 also involves ann, who is outside
    two = store.neighbourhood("cat", 2)
    assert {p.id for p in two.people} == {"ann", "bob", "cat"}
    assert {o.id for o in two.organizations} == {"client", "us"}
    assert {i.id for i in two.interactions} == {"i1", "i2"}
    with pytest.raises(NotFoundError):
        store.neighbourhood("nobody", 1)


def test_clear(store: GraphStore) -> None:
    store.upsert(small_network())
    version = store.version()
    store.clear()
    assert store.snapshot().is_empty()
    assert store.version() != version


def test_text_is_stored_verbatim(store: GraphStore) -> None:
    tricky = [
        "x' }) MATCH (n) DETACH DELETE n //",
        "Robert'); DROP TABLE node;--",
        "</script><script>alert(1)</script>",
        'comma, "quote", and\nnewline',
        "Łukasz Wiśniewski — 陈美 🚀",
    ]
    people = [Person(id=f"t{i}", name=name, notes=name) for i, name in enumerate(tricky)]
    store.upsert(Network(people=people))
    for person in people:
        assert store.get_person(person.id) == person
    assert store.counts()["people"] == len(tricky)


def test_ping_answers_on_an_open_store(store: GraphStore) -> None:
    assert store.ping() is None
