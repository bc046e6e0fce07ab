"""What is particular to the SQLite backend: URL parsing, pragmas, recorded migrations, shared files."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from relgraph.errors import ConfigurationError
from relgraph.model import Network, Person
from relgraph.store import open_store, redact_url, sqlite_path
from relgraph.store.sqlite import SQLiteStore


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
