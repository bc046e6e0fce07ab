"""Small networks shared by the tests, with answers worked out by hand."""

from __future__ import annotations

from relgraph.model import Interaction, Network, Organization, Person, Relationship


def small_network() -> Network:
    """Two organisations, four people, every relationship kind that joins them, two interactions."""
    return Network(
        people=[
            Person(id="ann", name="Ann Archer", title="Account executive", internal=True, tags=["sales"]),
            Person(id="bob", name="Bob Baker", title="CFO", influence=5, interest=3, stance=-1),
            Person(id="cat", name="Cat Chen 陈", title="Head of IT", email="cat@client.example"),
            Person(id="dan", name="Dan Diaz", title="Mayor", influence=4, interest=5, stance=2),
        ],
        organizations=[
            Organization(id="us", name="Our Co", kind="company", roles=["own"]),
            Organization(id="client", name="Client Ltd", kind="company", roles=["client"], value=250000),
            Organization(id="town", name="Harbour Town", kind="municipality"),
        ],
        relationships=[
            Relationship(source="ann", target="us", type="WORKS_AT", seniority="senior"),
            Relationship(source="bob", target="client", type="WORKS_AT", decision_role="decision_maker"),
            Relationship(source="cat", target="client", type="WORKS_AT", decision_role="blocker"),
            Relationship(source="dan", target="town", type="WORKS_AT", title="Mayor"),
            Relationship(source="bob", target="ann", type="KNOWS", strength=0.8),
            Relationship(source="cat", target="bob", type="INFLUENCES"),
            Relationship(source="client", target="us", type="PARTNERS_WITH"),
        ],
        interactions=[
            Interaction(id="i1", date="2026-01-10", channel="meeting", participants=["ann", "bob"],
                        organization="client", sentiment=0.5),
            Interaction(id="i2", date="2026-02-01", channel="call", participants=["ann", "cat", "bob"]),
        ],
    )  # fmt: skip
