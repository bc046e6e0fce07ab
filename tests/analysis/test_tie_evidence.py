"""The column-at-a-time tie evidence against the one-tie-at-a-time definition (:class:`Evidence`).

The reference below is the plain loop the formula describes: every valid person–person relationship states, every
pair of people in every interaction up to the date observes. Random networks (Hypothesis) must give the same
pairs, in the same first-seen order, with the same evidence.
"""

from __future__ import annotations

import itertools
import math
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from relgraph.analysis.strength import Evidence, TieParameters, evidence_weight
from relgraph.model import Channel, Interaction, Relationship, RelType
from relgraph.tie_evidence import KIND_BITS, PERSON_TIES, pair_evidence

from .builders import AS_OF

PEOPLE = ["p0", "p1", "p2", "p3", "p4", "p5"]
# Ids that are not people (an organisation, someone unknown) must be ignored wherever they appear.
IDS = [*PEOPLE, "org", "ghost"]
PARAMS = TieParameters(max_meeting_size=4)

_maybe_unit = st.none() | st.floats(0, 1)
_maybe_sentiment = st.none() | st.sampled_from([-1.0, -0.5, 0.0, 0.25, 1.0])
_day = st.integers(-400, 30).map(lambda n: AS_OF + timedelta(days=n))


@st.composite
def relationships(draw: st.DrawFn) -> Relationship:
    source, target = draw(st.lists(st.sampled_from(IDS), min_size=2, max_size=2, unique=True))
    since = draw(st.none() | _day)
    until = draw(st.none() | _day)
    if since and until and until < since:
        since, until = until, since
    return Relationship(
        source=source,
        target=target,
        type=draw(st.sampled_from([*PERSON_TIES, RelType.SUPPLIES])),
        strength=draw(_maybe_unit),
        sentiment=draw(_maybe_sentiment),
        since=since,
        until=until,
    )


@st.composite
def interactions(draw: st.DrawFn) -> Interaction:
    return Interaction(
        id=f"i{draw(st.integers(0, 10**6))}",
        date=draw(_day),
        channel=draw(st.sampled_from(list(Channel))),
        participants=draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=6, unique=True)),
        sentiment=draw(_maybe_sentiment),
    )


def reference(
    rels: list[Relationship], meetings: list[Interaction], as_of: date, params: TieParameters
) -> tuple[dict[tuple[int, int], Evidence], dict[tuple[int, int], int]]:
    index = {p: i for i, p in enumerate(PEOPLE)}
    evidence: dict[tuple[int, int], Evidence] = {}
    kinds: dict[tuple[int, int], int] = {}
    for rel in rels:
        valid = not ((rel.since and rel.since > as_of) or (rel.until and rel.until < as_of))
        if rel.type in PERSON_TIES and rel.source in index and rel.target in index and valid:
            pair = tuple(sorted((index[rel.source], index[rel.target])))
            evidence.setdefault(pair, Evidence()).state(rel.strength, rel.sentiment)  # type: ignore[arg-type]
            kinds[pair] = kinds.get(pair, 0) | KIND_BITS[rel.type.value]  # type: ignore[index]
    for meeting in meetings:
        present = sorted(index[p] for p in meeting.participants if p in index)
        if meeting.date > as_of or not 2 <= len(present) <= params.max_meeting_size:
            continue
        weight = evidence_weight(
            meeting.channel, (as_of - meeting.date).days, meeting.sentiment, params
        )
        for pair in itertools.combinations(present, 2):
            evidence.setdefault(pair, Evidence()).observe(
                meeting.date, weight, meeting.sentiment, len(present) - 1
            )
            kinds[pair] = kinds.get(pair, 0) | KIND_BITS["INTERACTION"]
    return evidence, kinds


def _same(x: float | None, y: float) -> bool:
    return math.isnan(y) if x is None else x == y


@settings(max_examples=150, deadline=None)
@given(st.lists(relationships(), max_size=12), st.lists(interactions(), max_size=12))
def test_pair_evidence_matches_the_one_tie_definition(
    rels: list[Relationship], meetings: list[Interaction]
) -> None:
    expected, kinds = reference(rels, meetings, AS_OF, PARAMS)
    ev = pair_evidence(rels, meetings, {p: i for i, p in enumerate(PEOPLE)}, AS_OF, PARAMS)
    assert list(zip(ev.a.tolist(), ev.b.tolist(), strict=True)) == list(expected)
    for i, (pair, want) in enumerate(expected.items()):
        assert _same(want.stated, ev.stated[i])
        assert _same(want.stated_sentiment, ev.stated_sentiment[i])
        # The same additions in the same order: equal, not merely close.
        assert ev.weight[i] == want.weight
        assert ev.sentiment_sum[i] == want.sentiment_sum
        assert ev.sentiment_weight[i] == want.sentiment_weight
        assert ev.interactions[i] == want.interactions
        last = want.last_contact.toordinal() if want.last_contact else 0
        assert ev.last_contact[i] == last
        assert ev.kinds[i] == kinds[pair]


def test_a_meeting_of_three_makes_three_pairs_with_diluted_sentiment() -> None:
    meeting = Interaction(
        id="m", date=AS_OF, channel="meeting", participants=["p2", "p0", "p1"], sentiment=1.0
    )
    ev = pair_evidence([], [meeting], {"p0": 0, "p1": 1, "p2": 2}, AS_OF, TieParameters())
    assert list(zip(ev.a.tolist(), ev.b.tolist(), strict=True)) == [(0, 1), (0, 2), (1, 2)]
    # A warm meeting today: weight 1 × 1 × 1.5; two others in the room halve its say on each pair.
    assert ev.weight.tolist() == [1.5, 1.5, 1.5]
    assert ev.sentiment_weight.tolist() == [0.75, 0.75, 0.75]
    assert ev.sentiment_sum.tolist() == [0.75, 0.75, 0.75]


def test_no_ties_at_all() -> None:
    ev = pair_evidence([], [], {}, AS_OF, TieParameters())
    assert len(ev) == 0
