"""The stakeholder grid (relgraph.analysis.grid): Mendelow quadrants and Mitchell–Agle–Wood salience."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from relgraph.analysis.grid import quadrant, salience, stakeholder_grid
from tests.analysis.builders import meet, network, org, ours, person, projected, tie, works_at

# --- the two tables ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("power", "interest", "expected"),
    [
        (1.0, 1.0, "manage closely"),
        (0.5, 0.5, "manage closely"),  # both thresholds are inclusive
        (0.5, 0.4999, "keep satisfied"),
        (1.0, 0.0, "keep satisfied"),
        (0.4999, 0.5, "keep informed"),
        (0.0, 1.0, "keep informed"),
        (0.4999, 0.4999, "monitor"),
        (0.0, 0.0, "monitor"),
    ],
)
def test_quadrant(power, interest, expected):
    assert quadrant(power, interest) == expected


# Mitchell, Agle & Wood (1997), figure 2
SALIENCE = {
    (True, True, True): "definitive",
    (True, True, False): "dominant",
    (True, False, True): "dangerous",
    (False, True, True): "dependent",
    (True, False, False): "dormant",
    (False, True, False): "discretionary",
    (False, False, True): "demanding",
    (False, False, False): "non-stakeholder",
}


@pytest.mark.parametrize(("attributes", "expected"), sorted(SALIENCE.items()))
def test_salience(attributes, expected):
    assert salience(*attributes) == expected


# --- the grid: all eight combinations from the data --------------------------------------------------------


def _eight():
    """One person per combination: power = stated influence 5 (vs 1), legitimacy = works at a client,
    urgency = stance −1 (vs +1); interest stated 1 everywhere (0: never urgent through interest)."""
    people, rels = [ours("me")], [works_at("me", "us")]
    for p, legit, urgent in itertools.product((True, False), repeat=3):
        pid = f"p{int(p)}{int(legit)}{int(urgent)}"
        people.append(person(pid, influence=5 if p else 1, interest=1, stance=-1 if urgent else 1))
        if legit:
            rels.append(works_at(pid, "cl"))
    return network(
        people=people,
        organizations=[org("us", "own"), org("cl", "client", influence=3, interest=2)],
        relationships=rels,
    )


def test_grid_gives_every_combination_its_class():
    rows = {r.id: r for r in stakeholder_grid(projected(_eight()))}
    for p, legit, urgent in itertools.product((True, False), repeat=3):
        row = rows[f"p{int(p)}{int(legit)}{int(urgent)}"]
        assert row.salience == SALIENCE[(p, legit, urgent)], row.id
        expected_attributes = [
            name for name, has in (("power", p), ("legitimacy", legit), ("urgency", urgent)) if has
        ]
        assert row.attributes == expected_attributes
        assert row.power == (1.0 if p else 0.0)  # (5 − 1) / 4 or (1 − 1) / 4
        assert row.interest == 0.0
        assert row.quadrant == ("keep satisfied" if p else "monitor")
        assert (row.power_source, row.interest_source) == ("stated", "stated")
        assert row.node_type == "Person"


def test_grid_leaves_out_our_organisation_and_our_people_and_sorts_by_power():
    rows = stakeholder_grid(projected(_eight()))
    ids = [r.id for r in rows]
    assert "us" not in ids and "me" not in ids
    assert len(ids) == 9  # eight people and the client
    assert [r.power for r in rows] == sorted((r.power for r in rows), reverse=True)
    client = next(r for r in rows if r.id == "cl")
    # stated influence 3 → 0.5, interest 2 → 0.25: keep satisfied; 0.5 < 0.6, no power; a client: legitimate
    assert (client.power, client.interest, client.quadrant) == (0.5, 0.25, "keep satisfied")
    assert (client.power_source, client.interest_source) == ("stated", "stated")
    assert client.salience == "discretionary"


def test_stated_power_boundary_at_0_6():
    net = network(people=[person("four", influence=4), person("three", influence=3)])
    rows = {r.id: r for r in stakeholder_grid(projected(net))}
    assert rows["four"].power == 0.75 and rows["four"].attributes == ["power"]  # ≥ 0.6
    assert rows["three"].power == 0.5 and rows["three"].attributes == []  # < 0.6
    assert rows["three"].quadrant == "keep satisfied"  # but ≥ 0.5 for the quadrant


def test_derived_power_and_interest():
    net = network(
        people=[person("dm"), person("nobody")],
        organizations=[org("acme"), org("big", value=400.0), org("small", value=100.0)],
        relationships=[works_at("dm", "acme", "decision_maker", "executive")],
    )
    rows = {r.id: r for r in stakeholder_grid(projected(net))}
    dm = rows["dm"]
    # formal power 0.6 × 1 + 0.4 × 1 = 1; no interactions: interest 0; a decision role is legitimacy
    assert (dm.power, dm.power_source, dm.interest, dm.interest_source) == (
        1.0,
        "derived",
        0.0,
        "derived",
    )
    assert dm.salience == "dominant"
    # an organisation without stated influence takes its strongest person's power …
    assert (rows["acme"].power, rows["acme"].power_source) == (1.0, "derived")
    assert (
        rows["acme"].salience == "dormant"
    )  # a company with no role toward us has no formal stake
    # … or its share of the largest yearly value
    assert rows["big"].power == 1.0 and rows["small"].power == 0.25
    # no role: network position only, PageRank relative to the highest (isolated: teleport mass only)
    reference = nx.Graph([("dm", "acme")])
    reference.add_nodes_from(["big", "small", "nobody"])
    ranks = nx.pagerank(reference)
    assert rows["nobody"].power == pytest.approx(ranks["nobody"] / max(ranks.values()), abs=1e-4)
    assert rows["nobody"].salience == "non-stakeholder"


def test_derived_interest_counts_recent_contacts():
    # among outsiders only: y met 3 times in 180 days (busiest), x twice, z once; an older meeting is ignored
    net = network(
        people=[person("x"), person("y"), person("z")],
        interactions=[
            meet(0, "x", "y"),
            meet(100, "x", "y"),
            meet(179, "y", "z"),
            meet(181, "x", "z"),
        ],
    )
    rows = {r.id: r for r in stakeholder_grid(projected(net))}
    assert rows["y"].interest == 1.0
    assert rows["x"].interest == pytest.approx(2 / 3, abs=1e-4)
    assert rows["z"].interest == pytest.approx(1 / 3, abs=1e-4)
    assert {r.interest_source for r in rows.values()} == {"derived"}


def test_derived_interest_is_relative_to_the_busiest_stakeholder():
    # we met x twice and y once: x is the busiest stakeholder (interest 1), y half as busy
    net = network(
        people=[ours("me"), person("x"), person("y")],
        interactions=[meet(0, "me", "x"), meet(10, "me", "x"), meet(0, "me", "y")],
    )
    rows = {r.id: r for r in stakeholder_grid(projected(net))}
    assert rows["x"].interest == 1.0  # today 2 / 3: "me" took part in 3
    assert rows["y"].interest == 0.5


@pytest.mark.parametrize(("ago", "urgent"), [(10, True), (30, True), (31, False)])
def test_urgency_from_high_interest_and_recent_contact(ago, urgent):
    net = network(
        people=[person("x", interest=4, stance=0), person("y")],
        interactions=[meet(ago, "x", "y")],
    )
    rows = {r.id: r for r in stakeholder_grid(projected(net))}
    assert rows["x"].interest == 0.75
    assert ("urgency" in rows["x"].attributes) is urgent


def test_urgency_from_a_negative_tie_with_us():
    net = network(
        people=[ours("me"), person("x"), person("y")],
        relationships=[tie("me", "x", 0.5, sentiment=-0.7), tie("y", "x", 0.5, sentiment=-0.7)],
    )
    rows = {r.id: r for r in stakeholder_grid(projected(net))}
    assert "urgency" in rows["x"].attributes
    assert "urgency" not in rows["y"].attributes  # y's bad terms are with x, not with us


def test_empty_and_single():
    assert stakeholder_grid(projected(network())) == []
    assert (
        stakeholder_grid(projected(network(people=[ours("me")], organizations=[org("us", "own")])))
        == []
    )
    (row,) = stakeholder_grid(projected(network(people=[person("a")])))
    assert (row.id, row.power, row.interest, row.quadrant, row.salience) == (
        "a",
        0.0,
        0.0,
        "monitor",
        "non-stakeholder",
    )
