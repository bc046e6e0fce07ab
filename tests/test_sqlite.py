"""What is particular to the SQLite backend: URL parsing, pragmas, recorded migrations, shared files."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from pydantic import ValidationError

from relgraph.errors import ConfigurationError, ReferenceError_
from relgraph.model import Interaction, Network, Organization, Person, Relationship
from relgraph.store import open_store, redact_url, sqlite_path
from relgraph.store.base import InteractionFilter
from relgraph.store.sqlite import SQLiteStore
from tests.helpers import small_network


def test_sqlite_urls() -> None:
    assert sqlite_path("sqlite:///relgraph.db") == Path("relgraph.db")
    assert sqlite_path("sqlite:////var/data/x.db") == Path("/var/data/x.db")
    assert sqlite_path("sqlite:///:memory:") == ":memory:"
    with pytest.raises(ConfigurationError):
        sqlite_path("sqlite:///")
    with pytest.raises(ConfigurationError, match="unknown store URL"):
        open_store("mysql://x")


def test_redact_url() -> None:
    assert redact_url("neo4j://neo:s3cret@db.example:7687") == "neo4j://neo@db.example:7687"
    assert redact_url("sqlite:///x.db") == "sqlite:///x.db"


def test_wal_foreign_keys_and_recorded_migrations(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with SQLiteStore(path) as store:
        store.init()
    with SQLiteStore(path):  # reopening applies nothing twice
        pass
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    rows = conn.execute("SELECT version, name FROM schema_migration").fetchall()
    assert rows == [(1, "0001_initial")]
    conn.close()


def test_open_store_creates_parent_directories(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a' / 'b' / 'net.db'}"
    with open_store(url) as store:
        assert store.counts()["people"] == 0
    assert (tmp_path / "a" / "b" / "net.db").exists()


def test_two_store_objects_on_one_file_see_each_others_writes(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with SQLiteStore(path) as first, SQLiteStore(path) as second:
        first.upsert(Network(people=[Person(id="a", name="A")]))
        assert second.get_person("a").name == "A"
        assert second.version() == first.version()


def test_concurrent_writers_from_threads_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "threads.db"
    SQLiteStore(path).close()

    def write(worker: int) -> None:
        with SQLiteStore(path) as store:
            for i in range(20):
                store.upsert(
                    Network(
                        people=[Person(id=f"w{worker}-{i}", name="N"), Person(id="same", name="S")]
                    )
                )

    threads = [threading.Thread(target=write, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with SQLiteStore(path) as store:
        assert store.counts()["people"] == 4 * 20 + 1


def _every_field() -> Network:
    """small_network plus records with every optional field set, non-ASCII and JSON-escaped text."""
    base = small_network()
    return Network(
        people=[
            *base.people,
            Person(id="eve", name='Eve "E" \\ Ünal', title="t", email="e@x.example", phone="+1 555",
                   internal=True, influence=1, interest=2, stance=0, tags=["b", "a"], notes="n\nm"),
        ],
        organizations=[
            *base.organizations,
            Organization(id="acme", name="Acme", kind="ngo", roles=["supplier", "partner"],
                         sector="s", region="r", country="c", value=0.1, influence=5, interest=1,
                         stance=-2, tags=["x"], notes="😀"),
        ],
        relationships=[
            *base.relationships,
            Relationship(source="eve", target="acme", type="MEMBER_OF", strength=1.0, sentiment=-1,
                         since="2020-02-29", until="2021-01-01", title="Chair", department="Board",
                         decision_role="champion", seniority="executive", source_note="met",
                         notes="n"),
        ],
        interactions=[
            *base.interactions,
            Interaction(id="i3", date="2026-03-01", channel="site_visit", participants=["eve"],
                        organization="acme", sentiment=0.25, summary="s"),
        ],
    )  # fmt: skip


def test_snapshot_rebuilds_exactly_the_models_validation_gives(tmp_path: Path) -> None:
    """Snapshots skip re-validating stored JSON: the models must be the ones validation would give."""
    with SQLiteStore(tmp_path / "s.db") as store:
        store.upsert(_every_field())
        snap = store.snapshot()
        conn = sqlite3.connect(tmp_path / "s.db")
        stored = {
            "people": [Person.model_validate_json(d) for (d,) in conn.execute(
                "SELECT data FROM node WHERE label = 'Person' ORDER BY id")],
            "organizations": [Organization.model_validate_json(d) for (d,) in conn.execute(
                "SELECT data FROM node WHERE label = 'Organization' ORDER BY id")],
            "relationships": [Relationship.model_validate_json(d) for (d,) in conn.execute(
                "SELECT data FROM relationship ORDER BY source, type, target")],
            "interactions": [Interaction.model_validate_json(d) for (d,) in conn.execute(
                "SELECT data FROM interaction ORDER BY date, id")],
        }  # fmt: skip
        conn.close()
    for section, validated in stored.items():
        rebuilt = getattr(snap, section)
        assert rebuilt == validated
        for a, b in zip(rebuilt, validated, strict=True):
            assert list(a.__dict__) == list(b.__dict__)
            assert [type(v) for v in a.__dict__.values()] == [type(v) for v in b.__dict__.values()]
            assert a.model_fields_set == b.model_fields_set and repr(a) == repr(b)


def test_snapshot_validates_rows_of_another_shape(tmp_path: Path) -> None:
    """A stored record missing a field with a non-None default (an older version) is validated."""
    with SQLiteStore(tmp_path / "s.db") as store:
        store.upsert(small_network())
        conn = sqlite3.connect(tmp_path / "s.db")
        with conn:
            conn.execute("""UPDATE node SET data = '{"id":"ann","name":"Ann"}' WHERE id = 'ann'""")
            conn.execute("""UPDATE relationship SET data = '{"source":"bob","type":"BOGUS",
                "target":"ann"}' WHERE type = 'KNOWS'""")
        conn.close()
        with pytest.raises(ValidationError):  # a corrupt record fails as it did before
            store.snapshot()
        with sqlite3.connect(tmp_path / "s.db") as conn:
            conn.execute("DELETE FROM relationship WHERE type = 'KNOWS'")
        ann = next(p for p in store.snapshot().people if p.id == "ann")
    assert ann == Person(id="ann", name="Ann") and ann.model_fields_set == {"id", "name"}


def test_large_batches_report_progress_and_restore_the_connection(tmp_path: Path) -> None:
    people = [Person(id=f"p{i:05d}", name="N") for i in range(6001)]
    interactions = [
        Interaction(id=f"i{i}", date="2026-01-01", participants=[f"p{i:05d}", f"p{i + 1:05d}"])
        for i in range(6000)
    ]
    seen: list[int] = []
    with SQLiteStore(tmp_path / "big.db") as store:
        store.upsert(Network(people=people, interactions=interactions), progress=seen.append)
        assert seen == [5000, 6001, 11001, 12001]
        assert store._conn.execute("PRAGMA cache_size").fetchone()[0] == -2000
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        # Re-writing an interaction replaces its participants.
        moved = Interaction(id="i0", date="2026-01-01", participants=["p00002", "p00003"])
        summary = store.upsert(Network(interactions=[moved]))
        assert summary.updated["interactions"] == 1
        assert store.list_interactions(InteractionFilter(participant="p00000")).total == 0
        assert store.get_interaction("i0") == moved
        assert {i.id for i in store.list_interactions(InteractionFilter(participant="p00002")).items} == {
            "i0", "i1", "i2"}  # fmt: skip


def _indexes(store: SQLiteStore) -> list[tuple[str, str]]:
    rows = store._conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
    ).fetchall()
    return [tuple(row) for row in rows]


def _bulk_network(people: int) -> Network:
    ids = [f"p{i:05d}" for i in range(people)]
    return Network(
        organizations=[Organization(id="org", name="Org")],
        people=[Person(id=pid, name="N") for pid in ids],
        relationships=[Relationship(source=pid, target="org", type="WORKS_AT") for pid in ids],
        interactions=[
            Interaction(
                id=f"i{i}", date="2026-01-01", organization="org", participants=ids[i : i + 2]
            )
            for i in range(people - 1)
        ],
    )


def test_a_first_bulk_write_builds_the_indexes_after_the_rows(tmp_path: Path) -> None:
    statements: list[str] = []
    with SQLiteStore(tmp_path / "bulk.db") as store:
        indexes = _indexes(store)
        store._conn.set_trace_callback(statements.append)
        store.upsert(_bulk_network(3000))
        store._conn.set_trace_callback(None)
        # Dropped and built again from the schema's own statements, inside the write's transaction.
        dropped = [s for s in statements if s.startswith("DROP INDEX")]
        assert len(dropped) == len(indexes) >= 6
        assert statements.index(dropped[0]) > statements.index("BEGIN IMMEDIATE")
        assert statements.index("COMMIT") > max(statements.index(sql) for _, sql in indexes)
        assert _indexes(store) == indexes
        # The indexes serve the lookups again (the query planner names them).
        plan = store._conn.execute(
            "EXPLAIN QUERY PLAN SELECT interaction_id FROM interaction_participant WHERE person_id = ?",
            ("p00001",),
        ).fetchall()
        assert "interaction_participant_person" in str(plan)
        assert store._conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.list_interactions(InteractionFilter(participant="p00001")).total == 2


def test_a_bulk_write_smaller_than_the_store_keeps_its_indexes(tmp_path: Path) -> None:
    statements: list[str] = []
    with SQLiteStore(tmp_path / "bulk.db") as store:
        store.upsert(_bulk_network(3000))
        store._conn.set_trace_callback(statements.append)
        summary = store.upsert(_bulk_network(2600))  # 7,800 rows against the 9,000 held
        store._conn.set_trace_callback(None)
    assert not [s for s in statements if s.startswith(("DROP INDEX", "CREATE INDEX"))]
    assert summary.unchanged["people"] == 2600


def test_a_bulk_write_that_fails_leaves_the_store_and_its_indexes_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with SQLiteStore(tmp_path / "bulk.db") as store:
        indexes = _indexes(store)
        original = SQLiteStore._write_rows

        def fail_at_interactions(
            self: SQLiteStore, conn: sqlite3.Connection, section: str, *args: object
        ) -> int:
            if section == "interactions":
                raise sqlite3.OperationalError("disk I/O error")
            return original(self, conn, section, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(SQLiteStore, "_write_rows", fail_at_interactions)
        with pytest.raises(sqlite3.OperationalError):
            store.upsert(_bulk_network(3000))
        assert _indexes(store) == indexes
        assert store.counts() == {
            "people": 0,
            "organizations": 0,
            "relationships": 0,
            "interactions": 0,
        }
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_bulk_write_with_a_bad_reference_is_refused_although_sqlite_does_not_look(
    tmp_path: Path,
) -> None:
    # Foreign keys are not enforced by SQLite during a bulk write: the store's own batch check refuses it.
    network = _bulk_network(3000)
    broken = network.model_copy(
        update={
            "relationships": [
                *network.relationships,
                Relationship(source="p00001", target="nobody", type="KNOWS"),
            ]
        }
    )
    with SQLiteStore(tmp_path / "bulk.db") as store:
        with pytest.raises(ReferenceError_, match="nobody"):
            store.upsert(broken)
        assert store.counts()["people"] == 0
