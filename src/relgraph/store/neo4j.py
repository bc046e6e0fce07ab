"""The Neo4j store, through the official driver. Every statement is a named file in ``cypher/``.

Nodes carry their type label (``:Person``, ``:Organization``, ``:Interaction``); organisations also carry kind and
role labels (``:Municipality``, ``:Client``, ...), set from the closed enums through Cypher's dynamic labels, so no
text is ever spliced into a statement. Relationship types are exactly the vocabulary's. Interactions keep their
participants and organisation as id properties. One driver per store; writes are managed transactions (the driver
retries transient errors) holding the whole batch, sent in chunks of :data:`BATCH_SIZE` rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, Self, TypeVar
from urllib.parse import urlsplit

import neo4j
from neo4j import GraphDatabase, ManagedTransaction, RoutingControl
from neo4j import exceptions as neo4j_errors
from pydantic import BaseModel

from relgraph import queries
from relgraph.errors import (
    CommitUnknownError,
    ConfigurationError,
    NotFoundError,
    StoreError,
    StoreUnavailableError,
)
from relgraph.gcpause import paused_gc
from relgraph.model import (
    Interaction,
    Network,
    NodeType,
    Organization,
    OrgKind,
    OrgRole,
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

__all__ = ["BATCH_SIZE", "KIND_LABELS", "ROLE_LABELS", "Neo4jStore"]

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")
T = TypeVar("T")

#: Rows per UNWIND statement. Large enough that round trips stop mattering (a few ms each against tens of ms
#: of work per chunk), small enough that one statement's parameters stay a few MB and progress stays fluid.
BATCH_SIZE = 2000
_MAX_DEPTH = 10

KIND_LABELS: dict[OrgKind, str] = {
    OrgKind.COMPANY: "Company",
    OrgKind.MUNICIPALITY: "Municipality",
    OrgKind.PUBLIC_AUTHORITY: "PublicAuthority",
    OrgKind.COMMUNITY_GROUP: "CommunityGroup",
    OrgKind.NGO: "NGO",
    OrgKind.OTHER: "OtherOrganization",
}
ROLE_LABELS: dict[OrgRole, str] = {role: role.value.capitalize() for role in OrgRole}
_ALL_ORG_LABELS = frozenset(KIND_LABELS.values()) | frozenset(ROLE_LABELS.values())
_DATE_FIELDS = ("since", "until", "date")


def _props(model: BaseModel, exclude: set[str] | None = None) -> dict[str, Any]:
    """Neo4j properties of a record: no nulls (Neo4j has none), dates as native dates."""
    props = model.model_dump(mode="json", exclude_none=True, exclude=exclude)
    for name in _DATE_FIELDS:
        value = getattr(model, name, None)
        if isinstance(value, date) and name in props:
            props[name] = value
    return props


def _from_neo4j(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v.to_native() if isinstance(v, neo4j.time.Date) else v for k, v in props.items()}


def _split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """Credentials written into the URL (neo4j://user:pass@host) are taken out of it."""
    parts = urlsplit(url)
    if parts.username is None:
        return url, None, None
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return parts._replace(netloc=host).geturl(), parts.username, parts.password


class Neo4jStore:
    """A :class:`~relgraph.store.base.GraphStore` in a Neo4j 5 database."""

    def __init__(
        self,
        url: str,
        *,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
    ) -> None:
        bare_url, url_user, url_password = _split_credentials(url)
        self.url = bare_url if url_user is None else bare_url.replace("://", f"://{url_user}@", 1)
        self.database = database or "neo4j"
        user, password = user or url_user, password if password is not None else url_password
        auth = (user or "neo4j", password) if password is not None else None
        self._q = queries.load_cypher()
        try:
            self._driver = GraphDatabase.driver(
                bare_url, auth=auth, user_agent="relgraph", connection_timeout=10.0
            )
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise ConfigurationError(f"unusable Neo4j URL {self.url!r}: {exc}") from exc
        try:
            self._guarded(self._driver.verify_connectivity)
            self.init()
        except BaseException:
            self._driver.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------------------

    def init(self) -> None:
        """Apply ``schema.cypher`` (constraints, indexes) and create the version node; safe to repeat."""
        for statement in self._q.statements("schema"):
            self._run_write_query(statement)
        self._run_write_query(self._q["init_meta"])

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Neo4jStore({self.url!r}, database={self.database!r})"

    # -- plumbing ----------------------------------------------------------------------------------

    def _translate(self, exc: Exception) -> Exception:
        """Map driver errors to relgraph's tree; the URL shown never holds a password."""
        where = f"Neo4j at {self.url} (database {self.database!r})"
        if isinstance(exc, neo4j_errors.IncompleteCommit):
            return CommitUnknownError(
                f"the connection to {where} was lost while committing; the write may or may not "
                "have been applied: check before retrying"
            )
        if isinstance(exc, neo4j_errors.AuthError):
            return StoreUnavailableError(f"{where} refused the credentials: {exc.message}")
        if isinstance(exc, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError):
            return StoreUnavailableError(f"cannot reach {where}: {exc}")
        if isinstance(exc, neo4j_errors.Neo4jError):
            return StoreError(f"{where} failed: {exc.code}: {exc.message}")
        return StoreError(f"{where} failed: {exc}")

    def _guarded(self, call: Callable[[], R]) -> R:
        try:
            return call()
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as exc:
            raise self._translate(exc) from exc

    def _read(self, name: str, **params: Any) -> list[neo4j.Record]:
        query = self._q[name]
        return self._guarded(
            lambda: (
                self._driver.execute_query(
                    query, params, database_=self.database, routing_=RoutingControl.READ
                ).records
            )
        )

    def _run_write_query(self, query: str, **params: Any) -> list[neo4j.Record]:
        return self._guarded(
            lambda: (
                self._driver.execute_query(
                    query, params, database_=self.database, routing_=RoutingControl.WRITE
                ).records
            )
        )

    def _write(self, work: Callable[[ManagedTransaction], R]) -> R:
        """Run ``work`` in one managed write transaction; the driver retries it on transient errors."""

        def call() -> R:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work)

        return self._guarded(call)

    def _read_tx(self, work: Callable[[ManagedTransaction], R]) -> R:
        def call() -> R:
            with self._driver.session(database=self.database) as session:
                return session.execute_read(work)

        return self._guarded(call)

    # -- writes ------------------------------------------------------------------------------------

    def ping(self) -> None:
        # verify_connectivity opens a connection and fails at once; a query would be retried for ~30 s.
        self._guarded(self._driver.verify_connectivity)

    def version(self) -> int:
        records = self._read("get_version")
        return int(records[0]["version"] or 0)

    def counts(self) -> dict[str, int]:
        record = self._read("counts")[0]
        return {
            k: int(record[k]) for k in ("people", "organizations", "relationships", "interactions")
        }

    def node_types(self, ids: Iterable[str]) -> dict[str, NodeType]:
        records = self._read("node_types", ids=list(ids))
        return {r["id"]: NodeType(r["label"]) for r in records}

    def upsert(self, batch: Network, *, progress: ProgressCallback | None = None) -> WriteSummary:
        ids = list(referenced_ids(batch))
        node_sections = [
            ("people", self._q["upsert_people"], [_node_row(p) for p in batch.people]),
            (
                "organizations",
                self._q["upsert_organizations"],
                [_org_row(o) for o in batch.organizations],
            ),
        ]
        relationship_rows = [_rel_row(r) for r in batch.relationships]
        interaction_rows = [_node_row(i) for i in batch.interactions]

        def work(tx: ManagedTransaction) -> WriteSummary:
            # Checked inside the write transaction, so what it checks is what it writes against.
            stored = {r["id"]: NodeType(r["label"]) for r in tx.run(self._q["node_types"], ids=ids)}
            raise_for_problems(batch_problems(batch, stored))
            summary, counter = WriteSummary(), _Progress(progress)
            for section, query, rows in node_sections:
                self._upsert_nodes(tx, query, rows, summary, section, counter)
            self._upsert_relationships(tx, relationship_rows, summary, counter)
            self._upsert_nodes(
                tx,
                self._q["upsert_interactions"],
                interaction_rows,
                summary,
                "interactions",
                counter,
            )
            if summary.changed:
                tx.run(self._q["bump_version"]).consume()
            return summary

        return self._write(work)

    @staticmethod
    def _upsert_nodes(
        tx: ManagedTransaction,
        query: str,
        rows: list[dict[str, Any]],
        summary: WriteSummary,
        section: str,
        counter: _Progress,
    ) -> None:
        created = updated = 0
        for chunk in _chunks(rows):
            record = tx.run(query, rows=chunk).single(strict=True)
            created, updated = created + record["created"], updated + record["updated"]
            counter.add(len(chunk))
        summary.created[section], summary.updated[section] = created, updated
        summary.unchanged[section] = len(rows) - created - updated

    def _upsert_relationships(
        self,
        tx: ManagedTransaction,
        rows: list[dict[str, Any]],
        summary: WriteSummary,
        counter: _Progress,
    ) -> None:
        """Lock every endpoint, find what exists, then update the changed and create the missing.

        Updates run before creates so that no lookup ever has to wade through relationships this
        transaction has just created.
        """
        endpoints = sorted({r["source"] for r in rows} | {r["target"] for r in rows})
        for chunk in _chunks(endpoints):
            tx.run(self._q["lock_endpoints"], ids=chunk).consume()
        same: dict[int, bool] = {}
        for chunk in _chunks([{**row, "i": i} for i, row in enumerate(rows)]):
            for record in tx.run(self._q["existing_relationships"], rows=chunk):
                same[record["i"]] = record["same"]
        changed = [row for i, row in enumerate(rows) if same.get(i) is False]
        missing = [row for i, row in enumerate(rows) if i not in same]
        for chunk in _chunks(changed):
            tx.run(self._q["update_relationships"], rows=chunk).consume()
            counter.add(len(chunk))
        for chunk in _chunks(missing):
            tx.run(self._q["create_relationships"], rows=chunk).consume()
            counter.add(len(chunk))
        counter.add(len(rows) - len(changed) - len(missing))
        summary.created["relationships"], summary.updated["relationships"] = (
            len(missing),
            len(changed),
        )
        summary.unchanged["relationships"] = len(rows) - len(missing) - len(changed)

    def _delete(self, query: str, missing: str, **params: Any) -> None:
        def work(tx: ManagedTransaction) -> int:
            deleted = int(tx.run(self._q[query], **params).single(strict=True)["deleted"])
            if deleted:
                tx.run(self._q["bump_version"]).consume()
            return deleted

        if not self._write(work):
            raise NotFoundError(missing)

    def delete_person(self, person_id: str) -> None:
        self._delete("delete_person", f"no person with id {person_id!r}", id=person_id)

    def delete_organization(self, organization_id: str) -> None:
        missing = f"no organization with id {organization_id!r}"
        self._delete("delete_organization", missing, id=organization_id)

    def delete_relationship(self, key: RelationshipKey) -> None:
        missing = f"no relationship {key.source} -{key.type.value}-> {key.target}"
        self._delete("delete_relationship", missing, **_key_params(key))

    def delete_interaction(self, interaction_id: str) -> None:
        self._delete(
            "delete_interaction", f"no interaction with id {interaction_id!r}", id=interaction_id
        )

    def clear(self) -> None:
        def work(tx: ManagedTransaction) -> None:
            tx.run(self._q["clear_all"]).consume()
            tx.run(self._q["bump_version"]).consume()

        self._write(work)

    # -- reads -------------------------------------------------------------------------------------

    def _get(self, query: str, model: type[M], missing: str, **params: Any) -> M:
        records = self._read(query, **params)
        if not records:
            raise NotFoundError(missing)
        return model.model_validate(_from_neo4j(records[0]["props"]))

    def get_person(self, person_id: str) -> Person:
        return self._get("get_person", Person, f"no person with id {person_id!r}", id=person_id)

    def get_organization(self, organization_id: str) -> Organization:
        missing = f"no organization with id {organization_id!r}"
        return self._get("get_organization", Organization, missing, id=organization_id)

    def get_interaction(self, interaction_id: str) -> Interaction:
        missing = f"no interaction with id {interaction_id!r}"
        return self._get("get_interaction", Interaction, missing, id=interaction_id)

    def get_relationship(self, key: RelationshipKey) -> Relationship:
        records = self._read("get_relationship", **_key_params(key))
        if not records:
            raise NotFoundError(f"no relationship {key.source} -{key.type.value}-> {key.target}")
        return _relationship(key.source, key.type.value, key.target, records[0]["props"])

    def _page(self, query: str, flt: Any, build: Callable[[Any], M], **params: Any) -> Page[M]:
        record = self._read(query, offset=flt.offset, limit=flt.limit, **params)[0]
        items = [build(item) for item in record["items"]]
        return Page(items=items, total=int(record["total"]), limit=flt.limit, offset=flt.offset)

    def list_people(self, flt: PeopleFilter) -> Page[Person]:
        return self._page(
            "list_people", flt, lambda p: Person.model_validate(_from_neo4j(p)),
            q=flt.q.lower() if flt.q else None, internal=flt.internal, tag=flt.tag,
            organization=flt.organization,
        )  # fmt: skip

    def list_organizations(self, flt: OrganizationFilter) -> Page[Organization]:
        return self._page(
            "list_organizations", flt, lambda o: Organization.model_validate(_from_neo4j(o)),
            q=flt.q.lower() if flt.q else None, kind=flt.kind.value if flt.kind else None,
            role=flt.role.value if flt.role else None, tag=flt.tag,
        )  # fmt: skip

    def list_relationships(self, flt: RelationshipFilter) -> Page[Relationship]:
        return self._page(
            "list_relationships", flt,
            lambda r: _relationship(r["source"], r["type"], r["target"], r["props"]),
            node=flt.node, type=flt.type.value if flt.type else None, source=flt.source,
            target=flt.target,
        )  # fmt: skip

    def list_interactions(self, flt: InteractionFilter) -> Page[Interaction]:
        return self._page(
            "list_interactions", flt, lambda i: Interaction.model_validate(_from_neo4j(i)),
            participant=flt.participant, organization=flt.organization, since=flt.since,
            until=flt.until,
        )  # fmt: skip

    def snapshot(self) -> Network:
        def work(tx: ManagedTransaction) -> Network:
            # Three statements in one read transaction: one consistent picture, a fixed number of queries.
            def rows(query: str) -> list[Any]:
                batches = tx.run(query, batch=_SNAPSHOT_BATCH)
                return [row for record in batches for row in record["rows"]]

            nodes = rows(self._q["all_nodes"])
            return Network.model_construct(
                people=[
                    Person.model_validate(props) for label, props in nodes if label == "Person"
                ],
                organizations=[
                    Organization.model_validate(props)
                    for label, props in nodes
                    if label != "Person"
                ],
                # Rows come whole (endpoints and type inside, dates as text): validated as they are.
                relationships=[
                    Relationship.model_validate(row) for row in rows(self._q["all_relationships"])
                ],
                interactions=[
                    Interaction.model_validate(row) for row in rows(self._q["all_interactions"])
                ],
            )

        with paused_gc():  # hundreds of thousands of records, all kept: see relgraph.gcpause
            return self._read_tx(work)

    def neighbourhood(self, node_id: str, depth: int) -> Network:
        if not 0 <= depth <= _MAX_DEPTH:
            raise ValueError(f"depth must be between 0 and {_MAX_DEPTH}")
        if node_id not in self.node_types([node_id]):
            raise NotFoundError(f"no person or organisation with id {node_id!r}")
        seen, frontier = {node_id}, {node_id}
        for _ in range(depth):
            found = {r["id"] for r in self._read("adjacent_ids", ids=sorted(frontier))}
            frontier = found - seen
            if not frontier:
                break
            seen |= frontier
        ids = sorted(seen)
        return _network(
            self._read("nodes_by_ids", ids=ids),
            self._read("relationships_within", ids=ids),
            self._read("interactions_within", ids=ids),
        )


class _Progress:
    """Counts records written and reports the running total."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self.callback, self.done = callback, 0

    def add(self, n: int) -> None:
        self.done += n
        if self.callback is not None and n:
            self.callback(self.done)


def _chunks(rows: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(rows), BATCH_SIZE):
        yield rows[start : start + BATCH_SIZE]


#: Rows per record of the snapshot queries (a few MB each).
_SNAPSHOT_BATCH = 20_000


def _network(nodes: list[Any], rels: list[Any], interactions: list[Any]) -> Network:
    people = [
        Person.model_validate(_from_neo4j(r["props"])) for r in nodes if r["label"] == "Person"
    ]
    orgs = [
        Organization.model_validate(_from_neo4j(r["props"]))
        for r in nodes
        if r["label"] != "Person"
    ]
    return Network.model_construct(
        people=people,
        organizations=orgs,
        relationships=[
            _relationship(r["source"], r["type"], r["target"], r["props"]) for r in rels
        ],
        interactions=[Interaction.model_validate(_from_neo4j(r["props"])) for r in interactions],
    )


def _relationship(source: str, rel_type: str, target: str, props: dict[str, Any]) -> Relationship:
    return Relationship.model_validate(
        {**_from_neo4j(props), "source": source, "type": rel_type, "target": target}
    )


def _node_row(node: Person | Interaction) -> dict[str, Any]:
    return {"id": node.id, "props": _props(node)}


def _org_row(org: Organization) -> dict[str, Any]:
    labels = [KIND_LABELS[org.kind], *(ROLE_LABELS[r] for r in org.roles)]
    return {
        "id": org.id,
        "props": _props(org),
        "labels": labels,
        "stale": sorted(_ALL_ORG_LABELS - set(labels)),
    }


def _rel_row(rel: Relationship) -> dict[str, Any]:
    return {**_key_params(rel), "props": _props(rel, exclude={"source", "target", "type"})}


def _key_params(key: RelationshipKey) -> dict[str, str]:
    return {"source": key.source, "type": key.type.value, "target": key.target}
