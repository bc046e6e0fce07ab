"""The one bridge from a store's network to NetworkX graphs.

:func:`typed_multigraph` keeps everything: one node per person and organisation (attribute ``node_type``
plus every field of the record), one edge per relationship keyed by its type (attribute ``type`` plus every
field). Symmetric relationships are stored once, as in the store, from ``source`` to ``target``.
Interactions are not nodes here. Maps and graph exports use it.

:func:`project` builds what the analyses use: an undirected weighted :class:`networkx.Graph` of people and
organisations, as of a date.

* **Person–person edges** join two people who have a relationship (``KNOWS``, ``REPORTS_TO``, ``INFLUENCES``,
  ``REFERRED``) valid on that date, or who took part in the same interaction (meetings of at most
  ``max_meeting_size`` people). Each carries the tie's ``strength`` (0–1), ``distance`` (``−ln strength``), ``status``,
  ``sentiment``, ``last_contact``, ``interactions`` and the relationship ``kinds`` it rests on
  (:mod:`relgraph.analysis.strength` has the formula).
* **Person–organisation edges** come from ``WORKS_AT``, ``MEMBER_OF`` and ``REFERRED``: colleagues are linked through
  their organisation's node (two hops), not to each other, which keeps big organisations linear in size. Their
  strength is the stated strength or ``membership_strength``; their status is ``member``.
* **Organisation–organisation relationships** (``SUPPLIES``, ``OWNS``, …) are left out: a contract between two
  companies is no route to a person. They stay in the typed multigraph.
* Relationships whose ``since`` lies after the date, or whose ``until`` lies before it, are left out; so are
  interactions after the date.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import networkx as nx
import numpy as np

from relgraph.analysis.strength import (
    STATUS_CODES,
    TieParameters,
    distance,
    distance_array,
    sentiment_array,
    status_array,
    strength_array,
)
from relgraph.gcpause import paused_gc
from relgraph.model import (
    SYMMETRIC_TYPES,
    DecisionRole,
    Network,
    NodeType,
    Organization,
    OrgRole,
    Person,
    Relationship,
    RelType,
    Seniority,
)
from relgraph.singleflight import SingleFlight
from relgraph.store.base import GraphStore
from relgraph.tie_evidence import KIND_BITS, pair_evidence

__all__ = ["MEMBER", "Membership", "Projection", "ProjectionCache", "project", "typed_multigraph"]

T = TypeVar("T")

#: The status of a person–organisation edge.
MEMBER = "member"
_MEMBERSHIPS = frozenset({RelType.WORKS_AT, RelType.MEMBER_OF})
# Enum ``.value`` goes through a descriptor; a dict lookup is several times cheaper in the per-tie loops.
_TYPE_VALUES = {t: t.value for t in RelType}
_STATUS_VALUES = [s.value for s in STATUS_CODES]
# Each combination of the kinds a person–person tie rests on (a bit mask), as sorted names.
_KIND_NAMES = {
    mask: tuple(k for k, bit in KIND_BITS.items() if mask & bit)
    for mask in range(1 << len(KIND_BITS))
}


def typed_multigraph(network: Network) -> nx.MultiDiGraph:
    """A directed multigraph of every person, organisation and relationship in ``network``.

    Examples
    --------
    >>> from relgraph.model import Network, Person, Relationship
    >>> net = Network(
    ...     people=[Person(id="a", name="A"), Person(id="b", name="B")],
    ...     relationships=[Relationship(source="b", target="a", type="KNOWS")],
    ... )
    >>> g = typed_multigraph(net)
    >>> list(g.edges(keys=True))
    [('a', 'b', 'KNOWS')]
    >>> g.nodes["a"]["node_type"]
    'Person'
    """
    graph = nx.MultiDiGraph()
    for person in network.people:
        graph.add_node(person.id, node_type=NodeType.PERSON.value, **_fields(person.model_dump()))
    for org in network.organizations:
        graph.add_node(org.id, node_type=NodeType.ORGANIZATION.value, **_fields(org.model_dump()))
    for rel in network.relationships:
        attrs = _fields(rel.model_dump(exclude={"source", "target", "type"}))
        graph.add_edge(
            rel.source,
            rel.target,
            key=rel.type.value,
            type=rel.type.value,
            symmetric=rel.type in SYMMETRIC_TYPES,
            **attrs,
        )
    return graph


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and k != "id"}


@dataclass(frozen=True, slots=True)
class Membership:
    """A person's place in an organisation (from WORKS_AT or MEMBER_OF)."""

    organization: str
    type: RelType
    title: str | None
    decision_role: DecisionRole | None
    seniority: Seniority | None


@dataclass(frozen=True)
class Projection:
    """A network as of a date, ready for the analyses: the weighted graph and lookups beside it."""

    network: Network
    as_of: date
    params: TieParameters
    graph: nx.Graph
    people: dict[str, Person]
    organizations: dict[str, Organization]
    memberships: dict[str, list[Membership]] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    _flights: SingleFlight[str, Any] = field(
        default_factory=SingleFlight, repr=False, compare=False
    )

    def memo(self, name: str, compute: Callable[[], T]) -> T:
        """A value derived from this projection (PageRank, betweenness, ...), computed once and kept; callers
        on other threads that ask while it is being computed wait for it."""
        if name in self._memo:
            found: T = self._memo[name]
            return found

        def compute_once() -> T:
            if name not in self._memo:
                self._memo[name] = compute()
            value: T = self._memo[name]
            return value

        result: T = self._flights.run(name, compute_once)
        return result

    @property
    def internal(self) -> frozenset[str]:
        """Our own people (computed once)."""
        return self.memo(
            "internal", lambda: frozenset(pid for pid, p in self.people.items() if p.internal)
        )

    @property
    def own_organizations(self) -> frozenset[str]:
        return self.memo(
            "own",
            lambda: frozenset(
                oid for oid, o in self.organizations.items() if OrgRole.OWN in o.roles
            ),
        )

    def members_of(self, organization_id: str) -> list[str]:
        """People who work at or are members of an organisation (as of the projection's date)."""
        index = self.memo("members", self._member_index)
        return index.get(organization_id, [])

    def _member_index(self) -> dict[str, list[str]]:
        index: dict[str, set[str]] = {}
        for pid, places in self.memberships.items():
            for place in places:
                index.setdefault(place.organization, set()).add(pid)
        return {org: sorted(members) for org, members in index.items()}

    def person_graph(self) -> nx.Graph:
        """The people and the ties between them only (a view; organisations left out)."""
        return self.graph.subgraph(self.people).copy()


def _valid(rel: Relationship, as_of: date) -> bool:
    return not ((rel.since and rel.since > as_of) or (rel.until and rel.until < as_of))


def _add_nodes(graph: nx.Graph, people: Iterable[Person], orgs: Iterable[Organization]) -> None:
    person, organization = NodeType.PERSON.value, NodeType.ORGANIZATION.value
    graph.add_nodes_from(
        (p.id, {"node_type": person, "name": p.name, "title": p.title, "internal": p.internal,
                "influence": p.influence, "interest": p.interest, "stance": p.stance})
        for p in people
    )  # fmt: skip
    graph.add_nodes_from(
        (o.id, {"node_type": organization, "name": o.name, "kind": o.kind.value,
                "roles": [r.value for r in o.roles], "influence": o.influence, "interest": o.interest,
                "stance": o.stance, "value": o.value})
        for o in orgs
    )  # fmt: skip


def _add_memberships(
    graph: nx.Graph, network: Network, as_of: date, params: TieParameters,
    people: dict[str, Person], organizations: dict[str, Organization],
) -> dict[str, list[Membership]]:  # fmt: skip
    memberships: dict[str, list[Membership]] = {}
    edges = []
    # Most memberships have the default strength: each distinct strength's distance is computed once.
    lengths: dict[float, float] = {}
    for rel in network.relationships:
        kind = rel.type
        if kind not in _MEMBERSHIPS and kind is not RelType.REFERRED:
            continue
        source_is_person = rel.source in people
        if kind in _MEMBERSHIPS:
            if not (source_is_person and rel.target in organizations and _valid(rel, as_of)):
                continue
            memberships.setdefault(rel.source, []).append(
                Membership(rel.target, kind, rel.title, rel.decision_role, rel.seniority)
            )
        elif not _person_and_organization(rel, people, organizations) or not _valid(rel, as_of):
            continue  # a referral between a person and an organisation counts either way round
        strength = rel.strength if rel.strength is not None else params.membership_strength
        length = lengths.get(strength)
        if length is None:
            length = lengths[strength] = distance(strength)
        edges.append((rel.source, rel.target, {
            "strength": strength, "distance": length, "status": MEMBER, "sentiment": rel.sentiment,
            "last_contact": None, "interactions": 0, "kinds": [_TYPE_VALUES[kind]],
        }))  # fmt: skip
    _add_edges(graph, edges)
    return memberships


def _add_edges(graph: nx.Graph, edges: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
    """``graph.add_edges_from(edges)`` for edges between nodes already in the graph, keeping each given dict.

    ``add_edges_from`` copies every attribute dict into a new one; at 100,000 people that is 1.2 million copies
    and two thirds of building the graph. The result is the same graph, in the same order: an edge seen again
    has its attributes updated in place, as ``add_edges_from`` does.
    """
    adjacency = graph._adj
    for u, v, data in edges:
        neighbours = adjacency[u]
        known = neighbours.get(v)
        if known is None:
            neighbours[v] = data
            adjacency[v][u] = data
        else:
            known.update(data)
    nx._clear_cache(graph)


def _person_and_organization(
    rel: Relationship, people: dict[str, Person], organizations: dict[str, Organization]
) -> bool:
    return (rel.source in people and rel.target in organizations) or (
        rel.source in organizations and rel.target in people
    )


def project(
    network: Network, *, as_of: date | None = None, params: TieParameters | None = None
) -> Projection:
    """The analysis graph of a network on a date (default: today). See the module docstring.

    Examples
    --------
    >>> from relgraph.model import Interaction, Person
    >>> net = Network(
    ...     people=[Person(id="a", name="A"), Person(id="b", name="B")],
    ...     interactions=[Interaction(id="i", date="2026-01-01", channel="meeting", participants=["a", "b"])],
    ... )
    >>> p = project(net, as_of=date(2026, 1, 1))
    >>> round(p.graph.edges["a", "b"]["strength"], 4)  # 0.5 * 0.3 + 0.5 * (1 - e^(-1/3))
    0.2917
    >>> p.graph.edges["a", "b"]["status"]
    'active'
    """
    # Millions of containers are built and kept: the collector's passes over them were 40 % of the time.
    with paused_gc():
        return _project(network, as_of or date.today(), params or TieParameters())


def _project(network: Network, as_of: date, params: TieParameters) -> Projection:
    network = _canonical_order(network)
    people = {p.id: p for p in network.people}
    organizations = {o.id: o for o in network.organizations}
    graph = nx.Graph(as_of=as_of.isoformat())
    _add_nodes(graph, people.values(), organizations.values())
    memberships = _add_memberships(graph, network, as_of, params, people, organizations)
    _add_edges(graph, _tie_edges(network, as_of, params, list(people)))
    return Projection(network, as_of, params, graph, people, organizations, memberships)


def _tie_edges(
    network: Network, as_of: date, params: TieParameters, person_ids: list[str]
) -> list[tuple[str, str, dict[str, Any]]]:
    """The person–person edges with their attributes, for one ``add_edges_from``: the evidence and each
    attribute are computed for all ties at once (a million ties at 100,000 people)."""
    index = {pid: i for i, pid in enumerate(person_ids)}
    ev = pair_evidence(network.relationships, network.interactions, index, as_of, params)
    strengths = strength_array(ev.stated, ev.weight, params)
    sentiments = sentiment_array(ev.stated_sentiment, ev.sentiment_sum, ev.sentiment_weight)
    seen = ev.last_contact > 0
    days = np.where(seen, as_of.toordinal() - ev.last_contact, np.nan)
    statuses = status_array(ev.stated, days, strengths, sentiments, params)
    ids = np.array(person_ids, dtype=object)
    dates = {day: date.fromordinal(day) for day in np.unique(ev.last_contact[seen]).tolist()}
    status_values, kind_names, lookup_date = _STATUS_VALUES, _KIND_NAMES, dates.get
    return [
        (a, b, {
            "strength": strength, "distance": length, "status": status_values[status],
            "sentiment": None if sentiment != sentiment else sentiment,  # NaN: none known
            "last_contact": lookup_date(day), "interactions": count, "kinds": list(kind_names[kinds]),
        })
        for a, b, strength, length, status, sentiment, day, count, kinds in zip(
            ids[ev.a].tolist(), ids[ev.b].tolist(), strengths.tolist(), distance_array(strengths).tolist(),
            statuses.tolist(), sentiments.tolist(), ev.last_contact.tolist(), ev.interactions.tolist(),
            ev.kinds.tolist(), strict=True,
        )
    ]  # fmt: skip


def _canonical_order(network: Network) -> Network:
    """The network in one fixed order (a store's snapshot order), so that the analyses, whose tie-breaks and
    seeded randomness follow node and edge order, give the same answer however the records were listed."""
    return Network.model_construct(
        people=sorted(network.people, key=lambda p: p.id),
        organizations=sorted(network.organizations, key=lambda o: o.id),
        relationships=sorted(
            network.relationships, key=lambda r: (r.source, r.type.value, r.target)
        ),
        interactions=sorted(network.interactions, key=lambda i: (i.date, i.id)),
    )


class ProjectionCache:
    """Snapshots and projections reused while a store's version is unchanged (any write invalidates).

    Keyed by the store's URL and version, the date and the tie parameters; holds the ``maxsize`` most recent.
    Each is computed once even when many threads ask for it at the same time (:class:`SingleFlight`).
    """

    def __init__(self, maxsize: int = 8) -> None:
        self.maxsize = maxsize
        self._lock = threading.Lock()
        self._snapshots: OrderedDict[tuple[str, int], Network] = OrderedDict()
        self._projections: OrderedDict[tuple[str, int, date, str], Projection] = OrderedDict()
        self._snapshot_flights: SingleFlight[tuple[str, int], tuple[Network, int]] = SingleFlight()
        self._projection_flights: SingleFlight[tuple[str, int, date, str], Projection] = (
            SingleFlight()
        )
        self.snapshot_loads = 0

    def snapshot(self, store: GraphStore) -> tuple[Network, int]:
        """The store's network and the version it was read at."""
        key = (store.url, store.version())
        found = self._lookup(self._snapshots, key)
        if found is not None:  # the common case answers without joining a flight
            return found, key[1]
        return self._snapshot_flights.run(key, lambda: self._cached_snapshot(store, key))

    def _cached_snapshot(self, store: GraphStore, key: tuple[str, int]) -> tuple[Network, int]:
        with self._lock:
            if key in self._snapshots:
                self._snapshots.move_to_end(key)
                return self._snapshots[key], key[1]
        network = store.snapshot()
        # The snapshot may be newer than the version read before it; key it by the version read after.
        after = store.version()
        with self._lock:
            self.snapshot_loads += 1
            self._remember(self._snapshots, (store.url, after), network)
        return network, after

    def projection(
        self, store: GraphStore, *, as_of: date | None = None, params: TieParameters | None = None
    ) -> Projection:
        """The projection of the store's current network (computed once per version, date and parameters)."""
        network, version = self.snapshot(store)
        as_of, params = as_of or date.today(), params or TieParameters()
        key = (store.url, version, as_of, repr(params))
        found = self._lookup(self._projections, key)
        if found is not None:
            return found

        def cached_projection() -> Projection:
            with self._lock:
                if key in self._projections:
                    self._projections.move_to_end(key)
                    return self._projections[key]
            result = project(network, as_of=as_of, params=params)
            with self._lock:
                self._remember(self._projections, key, result)
            return result

        return self._projection_flights.run(key, cached_projection)

    def _lookup(self, cache: OrderedDict[Any, T], key: Any) -> T | None:
        with self._lock:
            if key not in cache:
                return None
            cache.move_to_end(key)
            return cache[key]

    def _remember(self, cache: OrderedDict[Any, Any], key: Any, value: Any) -> None:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > self.maxsize:
            cache.popitem(last=False)
