"""Communities and coalitions: Louvain on the person graph, with a stance summary per community.

Louvain maximises modularity with tie strength as weight; ``seed`` makes it reproducible. When every tie has
strength 0 modularity is undefined, and each connected group of people is one community. A community whose known
stances lean negative (at least two opponents, more opponents than supporters) is flagged as an opponent coalition;
one leaning positive as a supporter coalition.

References
----------
.. [1] Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of communities in large
   networks. J. Stat. Mech. P10008.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from relgraph.projection import Projection

__all__ = ["Community", "communities"]


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
    people = projection.person_graph()
    people.remove_nodes_from([n for n in list(people) if people.degree(n) == 0])
    if people.number_of_edges() == 0:
        return []
    if people.size(weight="strength") > 0:
        parts = nx.community.louvain_communities(people, weight="strength", seed=seed)
    else:  # every tie has strength 0: modularity is undefined, so each connected group is one community
        parts = list(nx.connected_components(people))
    ordered = sorted((sorted(part) for part in parts), key=lambda m: (-len(m), m[0]))
    result = []
    for index, members in enumerate(m for m in ordered if len(m) >= min_size):
        result.append(_describe(projection, index, members))
    return result


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
