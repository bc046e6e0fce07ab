"""What is particular to the Neo4j backend: labels, injection safety, concurrency, errors, the Cypher files."""

from __future__ import annotations

import ast
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j
import pytest
from neo4j import exceptions as neo4j_errors

from relgraph.errors import CommitUnknownError, StoreUnavailableError
from relgraph.model import Network, Organization, Person, Relationship
from relgraph.queries import CypherFiles
from relgraph.store.neo4j import KIND_LABELS, ROLE_LABELS, Neo4jStore
from tests.helpers import small_network

REPO = Path(__file__).resolve().parents[1]


def _driver(settings: dict[str, str | None]) -> neo4j.Driver:
    auth = (settings["user"] or "neo4j", settings["password"]) if settings["password"] else None
    assert settings["url"] is not None
    return neo4j.GraphDatabase.driver(settings["url"], auth=auth)


@pytest.fixture
def raw_driver(neo4j_settings: dict[str, str | None]) -> Any:
    with _driver(neo4j_settings) as driver:
        yield driver


def _count(driver: neo4j.Driver, query: str, **params: Any) -> int:
    return int(driver.execute_query(query, params, database_="neo4j").records[0][0])


# -- the Cypher files -------------------------------------------------------------------------------

_QUERY_METHODS = {"_read", "_get", "_page", "_delete"}


def _names_used_by_the_backend() -> set[str]:
    """Every Cypher file name neo4j.py refers to: self._q["x"], self._q.statements("x"), self._read("x", ...)."""
    tree = ast.parse((REPO / "src/relgraph/store/neo4j.py").read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and ast.unparse(node.value) in {"self._q", "q"}:
            if isinstance(
                node.slice, ast.Constant
            ):  # self._q[name] in the helpers takes a parameter
                names.add(node.slice.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method = node.func.attr
            target = ast.unparse(node.func.value)
            if (target == "self._q" and method == "statements") or (
                target == "self" and method in _QUERY_METHODS
            ):
                first = node.args[0]
                if isinstance(first, ast.Constant):  # the helpers pass their own parameter on
                    names.add(first.value)
    return names


def test_every_cypher_file_is_used_and_every_name_used_exists() -> None:
    files = CypherFiles().names()
    used = _names_used_by_the_backend()
    assert used - files == set(), "names used in neo4j.py without a .cypher file"
    assert files - used == set(), ".cypher files that nothing uses"


def test_every_cypher_file_documents_parameters_and_returns() -> None:
    for path in sorted((REPO / "cypher").glob("*.cypher")):
        header = "\n".join(
            ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("//")
        )
        assert header.startswith(f"// {path.stem}:"), path.name
        assert "Parameters:" in header and "Returns:" in header, path.name


def test_no_cypher_is_built_from_strings_in_python() -> None:
    tree = ast.parse((REPO / "src/relgraph/store/neo4j.py").read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    strings = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]
    for text in strings:
        for keyword in ("MATCH ", "MERGE ", "CREATE ", "RETURN ", "UNWIND ", "DELETE ", " SET "):
            assert keyword not in text, (
                f"Cypher in neo4j.py: {text!r}; statements belong in cypher/"
            )


# -- errors that need no server ------------------------------------------------------------------------


def test_unreachable_server_is_store_unavailable_without_the_password() -> None:
    with pytest.raises(StoreUnavailableError) as info:
        Neo4jStore("bolt://127.0.0.1:9", user="neo4j", password="s3cret-pw")
    message = str(info.value)
    assert "bolt://127.0.0.1:9" in message and "s3cret-pw" not in message


def test_password_in_the_url_is_never_shown() -> None:
    with pytest.raises(StoreUnavailableError) as info:
        Neo4jStore("neo4j://neo4j:hunter2@127.0.0.1:9")
    assert "hunter2" not in str(info.value) and "neo4j@127.0.0.1:9" in str(info.value)


def test_lost_connection_during_commit_is_reported_as_unknown_outcome() -> None:
    store = Neo4jStore.__new__(Neo4jStore)  # translation needs only the URL and database name
    store.url, store.database = "bolt://db.example:7687", "neo4j"
    error = store._translate(neo4j_errors.IncompleteCommit("connection lost during commit"))
    assert isinstance(error, CommitUnknownError)
    assert "may or may not have been applied" in str(error)


# -- against the real server -------------------------------------------------------------------------


@pytest.mark.neo4j
def test_nodes_carry_type_kind_and_role_labels(
    neo4j_store: Neo4jStore, raw_driver: neo4j.Driver
) -> None:
    neo4j_store.upsert(small_network())
    labels = raw_driver.execute_query(
        "MATCH (n {id: $id}) RETURN labels(n) AS labels", {"id": "client"}, database_="neo4j"
    ).records[0]["labels"]
    assert set(labels) == {"Organization", KIND_LABELS["company"], ROLE_LABELS["client"]}  # type: ignore[index]
    moved = Organization(id="client", name="Client Ltd", kind="municipality", roles=["regulator"])
    neo4j_store.upsert(Network(organizations=[moved]))
    labels = raw_driver.execute_query(
        "MATCH (n {id: $id}) RETURN labels(n) AS labels", {"id": "client"}, database_="neo4j"
    ).records[0]["labels"]
    assert set(labels) == {"Organization", "Municipality", "Regulator"}
    assert _count(raw_driver, "MATCH (n:Person:Organization) RETURN count(n)") == 0
    assert _count(raw_driver, "MATCH (:Person)-[r:WORKS_AT]->(:Organization) RETURN count(r)") == 4


@pytest.mark.neo4j
def test_injection_attempts_are_stored_verbatim(
    neo4j_store: Neo4jStore, raw_driver: neo4j.Driver
) -> None:
    neo4j_store.upsert(small_network())
    nodes_before = _count(raw_driver, "MATCH (n) RETURN count(n)")
    hostile = [
        "x' }) MATCH (n) DETACH DELETE n //",
        'x" }) MATCH (n) DETACH DELETE n //',
        "</script><script>alert(1)</script>",
        "`) DETACH DELETE n //",
        "$id",
    ]
    people = [
        Person(id=f"evil-{i}", name=text, notes=text, tags=[f"t{i}"])
        for i, text in enumerate(hostile)
    ]
    rels = [Relationship(source=p.id, target="ann", type="KNOWS", notes=p.name) for p in people]
    neo4j_store.upsert(Network(people=people, relationships=rels))
    assert _count(raw_driver, "MATCH (n) RETURN count(n)") == nodes_before + len(hostile)
    for person in people:
        assert neo4j_store.get_person(person.id) == person
    # And as ids too: identifiers are parameters as well.
    odd = Person(id="x'}) MATCH (n) DETACH DELETE n //", name="Odd id")
    neo4j_store.upsert(Network(people=[odd]))
    assert neo4j_store.get_person(odd.id).name == "Odd id"
    assert _count(raw_driver, "MATCH (n) RETURN count(n)") == nodes_before + len(hostile) + 1


def _concurrently(workers: int, job: Callable[[int, threading.Barrier], None]) -> None:
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def run(worker: int) -> None:
        try:
            job(worker, barrier)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(w,)) for w in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors


def _duplicates(driver: neo4j.Driver, label: str, rel_type: str) -> tuple[int, int, int]:
    """(nodes, distinct ids, relationships beyond one per pair) among nodes of ``label``."""
    nodes = _count(driver, f"MATCH (n:{label}) RETURN count(n)")
    ids = _count(driver, f"MATCH (n:{label}) RETURN count(DISTINCT n.id)")
    extra = _count(
        driver,
        f"MATCH (a:{label})-[r:{rel_type}]-(b:{label}) WHERE a.id < b.id "
        "WITH a.id AS x, b.id AS y, count(r) AS n RETURN coalesce(sum(n - 1), 0)",
    )
    return nodes, ids, extra


PEOPLE_COUNT, WORKERS = 500, 8


def _workload() -> tuple[list[Person], list[Relationship]]:
    people = [Person(id=f"c{i:03d}", name=f"Concurrent {i}") for i in range(PEOPLE_COUNT)]
    pairs: dict[tuple[str, str], Relationship] = {}
    for i in range(PEOPLE_COUNT):
        j = (i * 7 + 1) % PEOPLE_COUNT
        if i != j:
            rel = Relationship(source=f"c{i:03d}", target=f"c{j:03d}", type="KNOWS")
            pairs[(rel.source, rel.target)] = rel
    return people, list(pairs.values())


@pytest.mark.neo4j
def test_concurrent_upserts_create_one_node_per_id_and_one_relationship_per_pair(
    neo4j_store: Neo4jStore, neo4j_settings: dict[str, str | None], raw_driver: neo4j.Driver
) -> None:
    people, pairs = _workload()
    settings = {k: v for k, v in neo4j_settings.items() if k != "url"}
    url = neo4j_settings["url"]
    assert url is not None

    def job(worker: int, barrier: threading.Barrier) -> None:
        with Neo4jStore(url, **settings) as store:  # each thread: its own driver and sessions
            barrier.wait()
            # Alternate directions so symmetric KNOWS pairs arrive both ways round.
            batch = pairs if worker % 2 else list(reversed(pairs))
            store.upsert(
                Network(people=people[::-1] if worker % 2 else people, relationships=batch)
            )

    _concurrently(WORKERS, job)
    assert _duplicates(raw_driver, "Person", "KNOWS") == (PEOPLE_COUNT, PEOPLE_COUNT, 0)
    assert neo4j_store.counts()["relationships"] == len(pairs)


@pytest.mark.neo4j
def test_the_duplicate_check_catches_duplicates_when_the_guarantee_is_absent(
    neo4j_store: Neo4jStore, raw_driver: neo4j.Driver
) -> None:
    """The same workload written check-then-create, with no constraint or MERGE: duplicates appear and the
    counter used above sees them, so a green concurrency test means something."""
    people, pairs = _workload()
    rows = [{"id": p.id, "name": p.name} for p in people]
    pair_rows = [{"a": r.source, "b": r.target} for r in pairs]

    def job(worker: int, barrier: threading.Barrier) -> None:
        with raw_driver.session(database="neo4j") as session:
            existing = session.run("MATCH (n:ScratchPerson) RETURN collect(n.id) AS ids").single()[
                "ids"
            ]
            barrier.wait()  # every worker has looked before any writes: the classic race, made certain
            missing = [r for r in rows if r["id"] not in set(existing)]
            session.run(
                "UNWIND $rows AS row CREATE (:ScratchPerson {id: row.id, name: row.name})",
                rows=missing,
            )
            barrier.wait()
            session.run(
                "UNWIND $pairs AS p MATCH (a:ScratchPerson {id: p.a}) WITH a, p LIMIT 1000000 "
                "MATCH (b:ScratchPerson {id: p.b}) WITH a, b LIMIT 1000000 CREATE (a)-[:SCRATCH_KNOWS]->(b)",
                pairs=pair_rows[worker::WORKERS] + pair_rows[: PEOPLE_COUNT // 10],
            ).consume()

    try:
        _concurrently(WORKERS, job)
        nodes, ids, extra = _duplicates(raw_driver, "ScratchPerson", "SCRATCH_KNOWS")
        assert ids == PEOPLE_COUNT
        assert nodes > ids and extra > 0
    finally:
        raw_driver.execute_query("MATCH (n:ScratchPerson) DETACH DELETE n", database_="neo4j")
