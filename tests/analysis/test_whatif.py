"""What-if (relgraph.analysis.whatif): the reach we lose when someone leaves or a tie breaks."""

from __future__ import annotations

import math

import pytest

from relgraph.analysis.whatif import Weakened, what_if
from relgraph.errors import NotFoundError
from tests.analysis.builders import chain, network, org, ours, person, projected, works_at


def _through_x(*extra_people, extra_ties=()):
    """us – x – c1, c1 works at the client cl (stated 1.0 ties: strength 0.5)."""
    return network(
        people=[ours("us"), person("x"), person("c1"), *extra_people],
        organizations=[org("us-org", "own"), org("cl", "client")],
        relationships=[
            works_at("us", "us-org"),
            works_at("c1", "cl"),
            *chain("us", "x", "c1", strength=1.0),
            *extra_ties,
        ],
    )


def test_removing_the_only_connector_loses_the_organisation_behind_it():
    result = what_if(projected(_through_x()), remove_person="x")
    assert result.removed == ["x"]
    assert result.lost_organizations == ["cl"]
    assert result.lost_key_contacts == ["c1"]  # x left; x is not listed as lost
    # before: us, our organisation, x, c1, cl; after: us and our organisation
    assert (result.reach_before, result.reach_after) == (5, 2)
    assert result.summary == "we lose reach to CL, C1"


def test_removing_someone_with_a_parallel_route_loses_nothing():
    net = _through_x(person("y"), extra_ties=chain("us", "y", "c1", strength=1.0))
    result = what_if(projected(net), remove_person="x")
    assert result.lost_organizations == [] and result.lost_key_contacts == []
    assert result.weakened == []  # the other route is as strong: 0.5 × 0.5
    assert result.summary == "no key contact or organisation is lost"
    assert result.reach_before == result.reach_after + 1  # only x himself


def test_a_weaker_parallel_route_is_reported_as_weakened():
    # through x: 0.5 × 0.5 = 0.25; through y (stated 0.2 → 0.1): 0.1 × 0.1 = 0.01
    net = _through_x(person("y"), extra_ties=chain("us", "y", "c1", strength=0.2))
    result = what_if(projected(net), remove_person="x")
    assert result.lost_key_contacts == []
    (weakened,) = result.weakened
    assert weakened == Weakened("c1", "C1", 0.25, 0.01)
    assert weakened.before == pytest.approx(math.exp(-2 * math.log(2)), abs=1e-4)


def test_removing_a_tie():
    p = projected(_through_x())
    result = what_if(p, remove_tie=("us", "x"))
    assert result.removed == ["us", "x"]
    assert result.lost_organizations == ["cl"]
    assert sorted(result.lost_key_contacts) == ["c1", "x"]
    assert what_if(p, remove_tie=("x", "us")).lost_organizations == ["cl"]  # either order
    assert what_if(p, remove_tie=("x", "c1")).lost_key_contacts == ["c1"]


def test_one_of_us_leaving():
    # with only one of us, everything goes with them
    result = what_if(projected(_through_x()), remove_person="us")
    assert result.lost_organizations == ["cl"]
    assert sorted(result.lost_key_contacts) == ["c1", "x"]
    assert result.reach_after == 0


def test_max_hops_bounds_the_reach():
    # cl is three ties from us (us – x – c1 – cl): out of reach within 2, so it cannot be lost
    result = what_if(projected(_through_x()), remove_person="x", max_hops=2)
    assert result.lost_organizations == []
    assert result.lost_key_contacts == ["c1"]


def test_unknown_person_or_tie_raises_not_found():
    p = projected(_through_x())
    with pytest.raises(NotFoundError):
        what_if(p, remove_person="ghost")
    with pytest.raises(NotFoundError):
        what_if(p, remove_person="cl")  # an organisation is not a person
    with pytest.raises(NotFoundError):
        what_if(p, remove_tie=("us", "c1"))  # no such tie


def test_nothing_removed_and_tiny_networks():
    p = projected(_through_x())
    result = what_if(p)
    assert (
        result.removed == [] and result.lost_organizations == [] and result.lost_key_contacts == []
    )
    assert result.reach_before == result.reach_after == 5
    empty = what_if(projected(network()))
    assert (empty.reach_before, empty.reach_after, empty.lost_organizations) == (0, 0, [])
    alone = what_if(projected(network(people=[ours("us")])), remove_person="us")
    assert (alone.reach_before, alone.reach_after, alone.lost_key_contacts) == (1, 0, [])
