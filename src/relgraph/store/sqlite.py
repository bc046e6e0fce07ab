"""The embedded default store: one SQLite file (WAL, foreign keys, recorded migrations).

Every statement comes from ``sql/queries.sql`` or a migration file; values travel as parameters only.
One connection per store, guarded by a lock, so a store object may be shared between threads.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Self, TypeVar

from pydantic import BaseModel

from relgraph import queries
from relgraph.errors import NotFoundError, StoreError, StoreUnavailableError
from relgraph.gcpause import paused_gc
from relgraph.model import (
    Interaction,
    Network,
    NodeType,
    Organization,
    Person,
    Relationship,
    RelationshipKey,
)
from relgraph.store.base import (
    InteractionFilter,
    OrganizationFilter,
    Page,
    PeopleFilter,
    ProgressCallback,
    RelationshipFilter,
    WriteSummary,
)
from relgraph.store.checks import batch_problems, raise_for_problems, referenced_ids
from relgraph.store.sqlite_rows import (
    interaction_rows,
    node_rows,
    participants_json,
    relationship_rows,
    trusted_decoder,
)

__all__ = ["SQLiteStore"]

M = TypeVar("M", bound=BaseModel)

_SQL_PACKAGE = "relgraph.store.sql"
#: Rows per executemany call; also how often progress is reported.
_CHUNK = 5000
_MAX_DEPTH = 10
#: Batches of at least this many rows get :meth:`SQLiteStore._tuned_for_bulk` settings.
_BULK_ROWS = 5000
#: The most page cache (KiB) a bulk write may use: 1 KiB a row up to this (the default is 2,000 KiB).
_BULK_CACHE_KIB = 256 * 1024
_PEOPLE = trusted_decoder(Person)
_ORGANIZATIONS = trusted_decoder(Organization)
_RELATIONSHIPS = trusted_decoder(Relationship)
_INTERACTIONS = trusted_decoder(Interaction)


def _dump(model: BaseModel) -> str:
    return model.model_dump_json(exclude_none=True)


def _like(text: str | None) -> str | None:
    if text is None or text == "":
        return None
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _quoted(identifier: str) -> str:
    """An SQL identifier in double quotes (a quote inside doubled)."""
    return '"' + identifier.replace('"', '""') + '"'


def _split_script(script: str) -> list[str]:
    """Split SQL into complete statements (safe for ';' inside string literals)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        ln.strip().startswith("--") for ln in buffer.splitlines() if ln.strip()
    ):
        raise StoreError("incomplete SQL statement at the end of a migration")
    return statements


class SQLiteStore:
    """A :class:`~relgraph.store.base.GraphStore` in one SQLite file.

    Examples
    --------
    >>> from relgraph.model import Network, Person
    >>> with SQLiteStore(":memory:") as store:
    ...     _ = store.upsert(Network(people=[Person(id="p1", name="Ada")]))
    ...     store.get_person("p1").name
    'Ada'
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        self._q = queries.load(_SQL_PACKAGE, "queries.sql")
        self._lock = threading.RLock()
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=30
            )
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA synchronous = NORMAL")
        except (sqlite3.Error, OSError) as exc:
            raise StoreUnavailableError(f"cannot open SQLite store {self.url}: {exc}") from exc
        self.init()

    # -- lifecycle ---------------------------------------------------------------------------------

    def init(self) -> None:
        """Apply every migration not yet recorded in ``schema_migration``, each in its own transaction."""
        with self._transaction(bump=False) as conn:
            conn.execute(self._q["create_migration_table"])
        applied = {row[0] for row in self._read(self._q["applied_migrations"])}
        for version, name, script in self._migrations():
            if version in applied:
                continue
            with self._transaction(bump=False) as conn:
                for statement in _split_script(script):
                    conn.execute(statement)
                now = datetime.now(UTC).isoformat(timespec="seconds")
                conn.execute(
                    self._q["record_migration"],
                    {"version": version, "name": name, "applied_at": now},
                )

    @staticmethod
    def _migrations() -> list[tuple[int, str, str]]:
        files = resources.files(_SQL_PACKAGE)
        found = []
        for entry in files.iterdir():
            stem, _, suffix = entry.name.partition(".")
            if suffix == "sql" and stem[:4].isdigit():
                found.append((int(stem[:4]), stem, entry.read_text(encoding="utf-8")))
        return sorted(found)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    # -- plumbing ----------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, *, bump: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction; the version is bumped at commit when ``bump`` is true."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(f"cannot start a write on {self.url}: {exc}") from exc
            try:
                yield self._conn
                if bump:
                    self._conn.execute(self._q["bump_version"])
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._conn.execute("ROLLBACK")
                raise StoreError(f"commit failed on {self.url}: {exc}") from exc

    @contextmanager
    def _tuned_for_bulk(self, rows: int) -> Iterator[None]:
        """Settings for a large write, for that write only (taken before its transaction: SQLite ignores
        ``foreign_keys`` inside one).

        * A page cache with room for every page the write touches. With the default 2 MB, SQLite evicts and
          re-reads the same index pages every few rows of a large batch. The memory is only taken as pages are
          used, and handed back when the setting is restored.
        * No foreign-key lookups: :meth:`upsert` has already checked every reference of the batch against the
          store inside the same write transaction (``batch_problems``), so SQLite's own lookups, two or three
          index searches a row and a third of a bulk write's time, would only repeat that check.
        """
        if rows < _BULK_ROWS:
            yield
            return
        with self._lock:
            (cache_size,) = self._conn.execute("PRAGMA cache_size").fetchone()
            # Only integers computed here go into these statements (PRAGMA takes no parameters).
            self._conn.execute(f"PRAGMA cache_size = {-min(rows, _BULK_CACHE_KIB)}")
            self._conn.execute("PRAGMA foreign_keys = OFF")
            try:
                yield
            finally:
                self._conn.execute("PRAGMA foreign_keys = ON")
                self._conn.execute(f"PRAGMA cache_size = {int(cache_size)}")

    @contextmanager
    def _indexes_built_after(
        self, conn: sqlite3.Connection, rows: int, held: int
    ) -> Iterator[None]:
        """For a write of at least as many rows as the store holds (a first import, say): the secondary indexes
        are dropped before the rows go in and built again, from the schema's own statements, before the commit.

        Building an index from a full table sorts it once; keeping it up to date inserts every row at a random
        place in it, which at 100,000 people took three times as long. Within the transaction, so a failed write
        leaves the indexes as they were.
        """
        if rows < _BULK_ROWS or rows < held:
            yield
            return
        indexes = conn.execute(self._q["secondary_indexes"]).fetchall()
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {_quoted(name)}")  # a name read from the schema, quoted
        yield
        for _, create in indexes:
            conn.execute(create)

    def _read(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"read failed on {self.url}: {exc}") from exc

    # -- writes ------------------------------------------------------------------------------------

    def version(self) -> int:
        return int(self._read(self._q["get_version"])[0][0])

    def ping(self) -> None:
        try:
            self.version()
        except StoreError as exc:
            raise StoreUnavailableError(str(exc)) from exc

    def counts(self) -> dict[str, int]:
        row = self._read(self._q["counts"])[0]
        return dict(
            zip(("people", "organizations", "relationships", "interactions"), row, strict=True)
        )

    def node_types(self, ids: Iterable[str]) -> dict[str, NodeType]:
        rows = self._read(self._q["node_labels"], {"ids": json.dumps(list(ids))})
        return {node_id: NodeType(label) for node_id, label in rows}

    def upsert(self, batch: Network, *, progress: ProgressCallback | None = None) -> WriteSummary:
        summary = WriteSummary()
        # Encoded before the write lock is taken, so that other writers wait less.
        sections = (
            ("people", "upsert_node", node_rows(batch.people, NodeType.PERSON)),
            ("organizations", "upsert_node", node_rows(batch.organizations, NodeType.ORGANIZATION)),
            ("relationships", "upsert_relationship", relationship_rows(batch.relationships)),
            ("interactions", "upsert_interaction", interaction_rows(batch.interactions)),
        )
        total = sum(len(rows) for _, _, rows in sections)
        with self._tuned_for_bulk(total), self._transaction(bump=False) as conn:
            # Checked inside the write transaction so that no other writer can slip in between.
            stored = self.node_types(referenced_ids(batch))
            raise_for_problems(batch_problems(batch, stored))
            before = self._counts_in(conn)
            with self._indexes_built_after(conn, total, sum(before.values())):
                done = 0
                for section, query, rows in sections:
                    done = self._write_rows(conn, section, summary, query, rows, done, progress)
                if batch.interactions:
                    participants = {"participants": participants_json(batch.interactions)}
                    if before["interactions"]:  # else there is nothing to replace
                        conn.execute(self._q["delete_batch_participants"], participants)
                    conn.execute(self._q["insert_batch_participants"], participants)
            after = self._counts_in(conn)
            for section in after:
                summary.created[section] = after[section] - before[section]
                summary.updated[section] -= summary.created[section]
            if summary.changed:
                conn.execute(self._q["bump_version"])
        return summary

    def _counts_in(self, conn: sqlite3.Connection) -> dict[str, int]:
        row = conn.execute(self._q["counts"]).fetchone()
        return dict(
            zip(("people", "organizations", "relationships", "interactions"), row, strict=True)
        )

    def _write_rows(
        self,
        conn: sqlite3.Connection,
        section: str,
        summary: WriteSummary,
        query: str,
        rows: Sequence[tuple[Any, ...]],
        done: int,
        progress: ProgressCallback | None,
    ) -> int:
        """executemany in chunks; rows whose data did not change are not counted as changed.

        Returns the number of records written so far (``done`` plus these), the figure progress reports.
        """
        changed = 0
        sql = self._q[query]
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            before = conn.total_changes
            conn.executemany(sql, chunk)
            changed += conn.total_changes - before
            done += len(chunk)
            if progress is not None:
                progress(done)
        summary.updated[section] = changed  # created ones are subtracted once counts are known
        summary.unchanged[section] = len(rows) - changed
        return done

    def delete_person(self, person_id: str) -> None:
        with self._transaction() as conn:
            self._require_node(conn, person_id, NodeType.PERSON)
            for interaction_id, data in conn.execute(
                self._q["interactions_of_person"], {"id": person_id}
            ).fetchall():
                interaction = Interaction.model_validate_json(data)
                remaining = [p for p in interaction.participants if p != person_id]
                if not remaining:
                    conn.execute(self._q["delete_interaction"], {"id": interaction_id})
                    continue
                self._rewrite_interaction(
                    conn, interaction.model_copy(update={"participants": remaining})
                )
                conn.execute(
                    self._q["delete_participant"],
                    {"interaction_id": interaction_id, "person_id": person_id},
                )
            conn.execute(self._q["delete_node"], {"id": person_id, "label": NodeType.PERSON.value})

    def delete_organization(self, organization_id: str) -> None:
        with self._transaction() as conn:
            self._require_node(conn, organization_id, NodeType.ORGANIZATION)
            for _, data in conn.execute(
                self._q["interactions_of_organization"], {"id": organization_id}
            ).fetchall():
                interaction = Interaction.model_validate_json(data)
                self._rewrite_interaction(
                    conn, interaction.model_copy(update={"organization": None})
                )
            conn.execute(
                self._q["delete_node"],
                {"id": organization_id, "label": NodeType.ORGANIZATION.value},
            )

    def _rewrite_interaction(self, conn: sqlite3.Connection, interaction: Interaction) -> None:
        params = {"id": interaction.id, "organization": interaction.organization}
        conn.execute(self._q["rewrite_interaction"], {**params, "data": _dump(interaction)})

    def _require_node(self, conn: sqlite3.Connection, node_id: str, node_type: NodeType) -> None:
        row = conn.execute(self._q["get_node"], {"id": node_id}).fetchone()
        if row is None or row[0] != node_type.value:
            raise NotFoundError(f"no {node_type.value.lower()} with id {node_id!r}")

    def delete_relationship(self, key: RelationshipKey) -> None:
        with self._transaction() as conn:
            cursor = conn.execute(self._q["delete_relationship"], _key_params(key))
            if cursor.rowcount == 0:
                raise NotFoundError(
                    f"no relationship {key.source} -{key.type.value}-> {key.target}"
                )

    def delete_interaction(self, interaction_id: str) -> None:
        with self._transaction() as conn:
            cursor = conn.execute(self._q["delete_interaction"], {"id": interaction_id})
            if cursor.rowcount == 0:
                raise NotFoundError(f"no interaction with id {interaction_id!r}")

    def clear(self) -> None:
        with self._transaction() as conn:
            for statement in self._q.statements("clear_all"):
                conn.execute(statement)

    # -- reads -------------------------------------------------------------------------------------

    def _get_node(self, node_id: str, node_type: NodeType, model: type[M]) -> M:
        rows = self._read(self._q["get_node"], {"id": node_id})
        if not rows or rows[0][0] != node_type.value:
            raise NotFoundError(f"no {node_type.value.lower()} with id {node_id!r}")
        return model.model_validate_json(rows[0][1])

    def get_person(self, person_id: str) -> Person:
        return self._get_node(person_id, NodeType.PERSON, Person)

    def get_organization(self, organization_id: str) -> Organization:
        return self._get_node(organization_id, NodeType.ORGANIZATION, Organization)

    def get_relationship(self, key: RelationshipKey) -> Relationship:
        rows = self._read(self._q["get_relationship"], _key_params(key))
        if not rows:
            raise NotFoundError(f"no relationship {key.source} -{key.type.value}-> {key.target}")
        return Relationship.model_validate_json(rows[0][0])

    def get_interaction(self, interaction_id: str) -> Interaction:
        rows = self._read(self._q["get_interaction"], {"id": interaction_id})
        if not rows:
            raise NotFoundError(f"no interaction with id {interaction_id!r}")
        return Interaction.model_validate_json(rows[0][0])

    def _page(self, query: str, params: dict[str, Any], model: type[M], flt: Any) -> Page[M]:
        rows = self._read(self._q[query], {**params, "limit": flt.limit, "offset": flt.offset})
        items = [model.model_validate_json(data) for _, data in rows[1:]]
        return Page(items=items, total=int(rows[0][0]), limit=flt.limit, offset=flt.offset)

    def list_people(self, flt: PeopleFilter) -> Page[Person]:
        internal = None if flt.internal is None else int(flt.internal)
        params = {
            "q": _like(flt.q),
            "internal": internal,
            "tag": flt.tag,
            "organization": flt.organization,
        }
        return self._page("list_people", params, Person, flt)

    def list_organizations(self, flt: OrganizationFilter) -> Page[Organization]:
        params = {
            "q": _like(flt.q),
            "kind": flt.kind.value if flt.kind else None,
            "role": flt.role.value if flt.role else None,
            "tag": flt.tag,
        }
        return self._page("list_organizations", params, Organization, flt)

    def list_relationships(self, flt: RelationshipFilter) -> Page[Relationship]:
        params = {
            "node": flt.node,
            "type": flt.type.value if flt.type else None,
            "source": flt.source,
            "target": flt.target,
        }
        return self._page("list_relationships", params, Relationship, flt)

    def list_interactions(self, flt: InteractionFilter) -> Page[Interaction]:
        params = {
            "participant": flt.participant,
            "organization": flt.organization,
            "since": flt.since.isoformat() if flt.since else None,
            "until": flt.until.isoformat() if flt.until else None,
        }
        return self._page("list_interactions", params, Interaction, flt)

    def snapshot(self) -> Network:
        # Hundreds of thousands of rows and models, all kept: the collector rests meanwhile.
        with paused_gc():
            with self._lock:  # one consistent read: all three queries inside one read transaction
                self._conn.execute("BEGIN")
                try:
                    nodes = self._conn.execute(self._q["all_nodes"]).fetchall()
                    rels = self._conn.execute(self._q["all_relationships"]).fetchall()
                    interactions = self._conn.execute(self._q["all_interactions"]).fetchall()
                finally:
                    self._conn.execute("COMMIT")
            return _network(nodes, rels, interactions)

    def neighbourhood(self, node_id: str, depth: int) -> Network:
        if not 0 <= depth <= _MAX_DEPTH:
            raise ValueError(f"depth must be between 0 and {_MAX_DEPTH}")
        if node_id not in self.node_types([node_id]):
            raise NotFoundError(f"no person or organisation with id {node_id!r}")
        seen, frontier = {node_id}, {node_id}
        for _ in range(depth):
            rows = self._read(self._q["adjacent_ids"], {"ids": json.dumps(sorted(frontier))})
            frontier = {row[0] for row in rows} - seen
            if not frontier:
                break
            seen |= frontier
        params = {"ids": json.dumps(sorted(seen))}
        return _network(
            self._read(self._q["nodes_by_ids"], params),
            self._read(self._q["relationships_within"], params),
            self._read(self._q["interactions_within"], params),
        )


def _network(nodes: list[Any], rels: list[Any], interactions: list[Any]) -> Network:
    """The models of stored rows; they were validated on write, so they are rebuilt, not re-validated."""
    person = NodeType.PERSON.value
    return Network.model_construct(
        people=_PEOPLE([data for label, data in nodes if label == person]),
        organizations=_ORGANIZATIONS([data for label, data in nodes if label != person]),
        relationships=_RELATIONSHIPS([data for (data,) in rels]),
        interactions=_INTERACTIONS([data for (data,) in interactions]),
    )


def _key_params(key: RelationshipKey) -> dict[str, str]:
    return {"source": key.source, "type": key.type.value, "target": key.target}
