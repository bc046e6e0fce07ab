"""Communities and coalitions: Leiden on the person graph, with a stance summary per community.

Leiden [2] — Louvain's [1] local moving of people between communities, with a refinement step that keeps every
community connected — maximises modularity with tie strength as weight; ``seed`` makes it reproducible. It runs in
igraph (C) and finds partitions of higher modularity than NetworkX's Louvain in a fraction of the time (generated
networks: 10,000 people 0.548 against 0.538, 0.1 s against 3 s; 100,000 people 0.564 against 0.557, 2 s against
60 s). When every tie has strength 0 modularity is undefined, and each connected group of people is one community.
A community whose known stances lean negative (at least two opponents, more opponents than supporters) is flagged
as an opponent coalition; one leaning positive as a supporter coalition.

References
----------
.. [1] Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of communities in large
   networks. J. Stat. Mech. P10008.
.. [2] Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing well-connected
   communities. Scientific Reports 9, 5233.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import igraph

from relgraph.analysis._graphs import indexed, seeded_igraph
from relgraph.projection import Projection

__all__ = ["LEIDEN_ITERATIONS", "Community", "communities"]

#: Leiden passes. On the generated 100,000-person network modularity is 0.5620 after 2 passes, 0.5638 after 5 and
#: 0.5642 after 10 (1.3, 2.3 and 5.4 s); passing until nothing moves takes over 20 s for the last few thousandths.
LEIDEN_ITERATIONS = 5


@dataclass(frozen=True, slots=True)
class Community:
    id: int
    size: int
    members: list[str]
    member_names: list[str]
    internal: int
    organizations: list[str]
    supporters: int
    opponents: int
    neutral: int
    unknown: int
    mean_stance: float | None
    coalition: str | None


def communities(projection: Projection, *, seed: int = 0, min_size: int = 2) -> list[Community]:
    """Communities of the person graph, largest first (isolated people are left out).

    Examples
    --------
    >>> from datetime import date
    >>> from relgraph.model import Network, Person, Relationship
    >>> from relgraph.projection import project
    >>> people = [Person(id=i, name=i) for i in "abcdef"]
    >>> ties = [("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")]
    >>> net = Network(people=people, relationships=[
    ...     Relationship(source=s, target=t, type="KNOWS", strength=0.9 if (s, t) != ("c", "d") else 0.1)
    ...     for s, t in ties])
    >>> [c.members for c in communities(project(net, as_of=date(2026, 1, 1)))]
    [['a', 'b', 'c'], ['d', 'e', 'f']]
    """
    people, names = _tied_people(projection)
    if people.ecount() == 0:
        return []
    if sum(people.es["strength"]) > 0:
        parts = seeded_igraph(seed, lambda: _leiden(people))
    else:  # every tie has strength 0: modularity is undefined, so each connected group is one community
        parts = people.connected_components()
    groups: dict[int, list[str]] = {}
    for vertex, part in enumerate(parts.membership):
        groups.setdefault(part, []).append(names[vertex])
    ordered = sorted((sorted(part) for part in groups.values()), key=lambda m: (-len(m), m[0]))
    result = []
    for index, members in enumerate(m for m in ordered if len(m) >= min_size):
        result.append(_describe(projection, index, members))
    return result


def _tied_people(projection: Projection) -> tuple[igraph.Graph, list[str]]:
    """The person graph less the people with no tie to another person; vertex ``i`` is person ``names[i]``."""
    ig = indexed(projection)
    people = ig.graph.induced_subgraph(sorted(ig.index[p] for p in projection.people))
    # induced_subgraph keeps vertices in increasing number, so the i-th kept vertex is the i-th in sorted order.
    names = [ig.nodes[i] for i in sorted(ig.index[p] for p in projection.people)]
    tied = [v for v, degree in enumerate(people.degree()) if degree > 0]
    return people.induced_subgraph(tied), [names[v] for v in tied]


def _leiden(people: igraph.Graph) -> igraph.VertexClustering:
    """Leiden maximising modularity (weight: strength), :data:`LEIDEN_ITERATIONS` passes."""
    return people.community_leiden(
        objective_function="modularity", weights="strength", n_iterations=LEIDEN_ITERATIONS
    )


def _describe(projection: Projection, index: int, members: list[str]) -> Community:
    stances = [projection.people[m].stance for m in members]
    known = [s for s in stances if s is not None]
    supporters = sum(1 for s in known if s > 0)
    opponents = sum(1 for s in known if s < 0)
    orgs = Counter(
        place.organization for m in members for place in projection.memberships.get(m, [])[:1]
    )
    coalition = None
    if opponents >= 2 and opponents > supporters:
        coalition = "opponents"
    elif supporters >= 2 and supporters > opponents:
        coalition = "supporters"
    return Community(
        id=index,
        size=len(members),
        members=members,
        member_names=[projection.people[m].name for m in members],
        internal=sum(1 for m in members if projection.people[m].internal),
        organizations=[projection.organizations[o].name for o, _ in orgs.most_common(5)],
        supporters=supporters,
        opponents=opponents,
        neutral=sum(1 for s in known if s == 0),
        unknown=len(stances) - len(known),
        mean_stance=round(sum(known) / len(known), 3) if known else None,
        coalition=coalition,
    )
