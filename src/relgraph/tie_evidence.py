"""The evidence behind every person–person tie, collected a column at a time.

:func:`pair_evidence` does for all pairs of people at once what :class:`relgraph.analysis.strength.Evidence`
does for one: the strongest stated strength and the worst stated sentiment of the pair's relationships, and the
summed evidence, sentiment, count and last date of the interactions both took part in. At 100,000 people that is
about 1.2 million participant pairs, so the pairs are made and summed with numpy rather than one Python call each.

Pairs come out in the order a loop would first meet them (relationships first, in the network's order, then each
interaction's participant pairs in sorted order), and each pair's interaction sums are added in the interactions'
order: the projection's edge order, on which the analyses' tie-breaks rest, does not depend on this being numpy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from relgraph.analysis.strength import TieParameters, evidence_weight_array
from relgraph.model import Interaction, Relationship, RelType

__all__ = ["KIND_BITS", "PERSON_TIES", "PairEvidence", "pair_evidence"]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

#: Relationship types that make a person–person tie.
PERSON_TIES = frozenset({RelType.KNOWS, RelType.REPORTS_TO, RelType.INFLUENCES, RelType.REFERRED})
#: The kinds a tie rests on, as bits (sorted names: the order :data:`KIND_NAMES` lists them in).
KIND_BITS = {
    kind: 1 << i for i, kind in enumerate(sorted([t.value for t in PERSON_TIES] + ["INTERACTION"]))
}
_INTERACTION_BIT = KIND_BITS["INTERACTION"]


@dataclass(frozen=True)
class PairEvidence:
    """One entry per tie: the two people (indices into the sorted person ids, ``a < b``) and their evidence.

    ``stated`` and ``stated_sentiment`` are NaN where no relationship gave one; ``last_contact`` is a
    :meth:`datetime.date.toordinal` (0: never seen); ``kinds`` is a mask of :data:`KIND_BITS`.
    """

    a: IntArray
    b: IntArray
    stated: FloatArray
    stated_sentiment: FloatArray
    weight: FloatArray
    sentiment_sum: FloatArray
    sentiment_weight: FloatArray
    interactions: IntArray
    last_contact: IntArray
    kinds: IntArray

    def __len__(self) -> int:
        return len(self.a)


@dataclass(frozen=True)
class _Stated:
    """Person–person relationships valid on the date, one entry each."""

    a: IntArray
    b: IntArray
    strength: FloatArray
    sentiment: FloatArray
    kind: IntArray


@dataclass(frozen=True)
class _Observed:
    """Participant pairs of the interactions counted, one entry per pair and interaction, in loop order."""

    a: IntArray
    b: IntArray
    weight: FloatArray
    share: FloatArray
    sentiment: FloatArray
    day: IntArray


def pair_evidence(
    relationships: Iterable[Relationship],
    interactions: Iterable[Interaction],
    person_index: Mapping[str, int],
    as_of: date,
    params: TieParameters,
) -> PairEvidence:
    """The evidence of every tie between two people of ``person_index`` (ids → their rank in sorted order).

    Examples
    --------
    >>> from relgraph.model import Interaction, Relationship
    >>> rels = [Relationship(source="b", target="a", type="KNOWS", strength=0.8)]
    >>> meets = [Interaction(id="m", date="2026-01-01", channel="meeting", participants=["a", "b", "c"])]
    >>> ev = pair_evidence(rels, meets, {"a": 0, "b": 1, "c": 2}, date(2026, 1, 1), TieParameters())
    >>> list(zip(ev.a.tolist(), ev.b.tolist(), ev.interactions.tolist()))
    [(0, 1, 1), (0, 2, 1), (1, 2, 1)]
    >>> ev.stated.tolist()[:2]
    [0.8, nan]
    """
    stated = _stated(relationships, person_index, as_of)
    observed = _observed(interactions, person_index, as_of, params)
    n = max(len(person_index), 1)
    codes = np.concatenate([stated.a * n + stated.b, observed.a * n + observed.b])
    unique, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    # Number pairs by first appearance, as a dict filled in a loop would list them.
    by_appearance = np.argsort(first, kind="stable")
    rank = np.empty(len(unique), dtype=np.int64)
    rank[by_appearance] = np.arange(len(unique))
    pair = rank[inverse.reshape(-1)]
    size = len(unique)
    return _aggregate(unique[by_appearance], n, size, stated, observed, pair)


def _aggregate(
    codes: IntArray, n: int, size: int, stated: _Stated, observed: _Observed, pair: IntArray
) -> PairEvidence:
    from_stated, from_observed = pair[: len(stated.a)], pair[len(stated.a) :]
    best = np.full(size, np.nan)
    np.fmax.at(best, from_stated, stated.strength)
    worst = np.full(size, np.nan)
    np.fmin.at(worst, from_stated, stated.sentiment)
    kinds = np.zeros(size, dtype=np.int64)
    np.bitwise_or.at(kinds, from_stated, stated.kind)
    counts = np.bincount(from_observed, minlength=size)
    kinds[counts > 0] |= _INTERACTION_BIT
    has_sentiment = ~np.isnan(observed.sentiment)
    shares = np.where(has_sentiment, observed.share, 0.0)
    last = np.zeros(size, dtype=np.int64)
    np.maximum.at(last, from_observed, observed.day)
    return PairEvidence(
        a=codes // n,
        b=codes % n,
        stated=best,
        stated_sentiment=worst,
        weight=_sums(from_observed, observed.weight, size),
        sentiment_sum=_sums(
            from_observed, np.where(has_sentiment, observed.sentiment * shares, 0.0), size
        ),
        sentiment_weight=_sums(from_observed, shares, size),
        interactions=counts.astype(np.int64),
        last_contact=last,
        kinds=kinds,
    )


def _sums(pairs: IntArray, values: FloatArray, size: int) -> FloatArray:
    """Each pair's values added up, in array order (so in the interactions' order, as a loop would)."""
    return np.bincount(pairs, weights=values, minlength=size).astype(np.float64, copy=False)


def _stated(
    relationships: Iterable[Relationship], person_index: Mapping[str, int], as_of: date
) -> _Stated:
    a, b, strength, sentiment, kind = [], [], [], [], []
    nan, bits = np.nan, {t: KIND_BITS[t.value] for t in PERSON_TIES}
    for rel in relationships:
        if rel.type not in PERSON_TIES:
            continue
        source, target = person_index.get(rel.source), person_index.get(rel.target)
        if source is None or target is None:
            continue
        if (rel.since and rel.since > as_of) or (rel.until and rel.until < as_of):
            continue
        a.append(min(source, target))
        b.append(max(source, target))
        strength.append(nan if rel.strength is None else rel.strength)
        sentiment.append(nan if rel.sentiment is None else rel.sentiment)
        kind.append(bits[rel.type])
    return _Stated(
        np.array(a, dtype=np.int64),
        np.array(b, dtype=np.int64),
        np.array(strength, dtype=np.float64),
        np.array(sentiment, dtype=np.float64),
        np.array(kind, dtype=np.int64),
    )


def _observed(
    interactions: Iterable[Interaction],
    person_index: Mapping[str, int],
    as_of: date,
    params: TieParameters,
) -> _Observed:
    """Each interaction's participants (the people among them, sorted), then all their pairs at once."""
    flat: list[int] = []
    sizes, days, channel_weights, sentiments = [], [], [], []
    largest, weights_by_channel, nan = params.max_meeting_size, params.channel_weights, np.nan
    lookup = person_index.get
    for interaction in interactions:
        if interaction.date > as_of:
            continue
        present = sorted([i for i in map(lookup, interaction.participants) if i is not None])
        if not 2 <= len(present) <= largest:
            continue
        flat += present
        sizes.append(len(present))
        days.append(interaction.date.toordinal())
        channel_weights.append(weights_by_channel.get(interaction.channel, 0.4))
        sentiments.append(nan if interaction.sentiment is None else interaction.sentiment)
    day = np.array(days, dtype=np.int64)
    sentiment = np.array(sentiments, dtype=np.float64)
    weight = evidence_weight_array(
        np.array(channel_weights, dtype=np.float64),
        (as_of.toordinal() - day).astype(np.float64),
        sentiment,
        params,
    )
    size = np.array(sizes, dtype=np.int64)
    which, a, b = _participant_pairs(np.array(flat, dtype=np.int64), size)
    # The mood of a meeting of k people says 1/(k − 1) as much about each pair in it.
    share = weight[which] / (size[which] - 1)
    return _Observed(a, b, weight[which], share, sentiment[which], day[which])


def _participant_pairs(flat: IntArray, sizes: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """Every pair ``(a, b)`` of each group's members (groups laid end to end in ``flat``), as
    ``itertools.combinations`` lists them, group after group: the groups' indices and the two members.

    Examples
    --------
    >>> which, a, b = _participant_pairs(np.array([4, 7, 1, 2, 3]), np.array([2, 3]))
    >>> list(zip(which.tolist(), a.tolist(), b.tolist()))
    [(0, 4, 7), (1, 1, 2), (1, 1, 3), (1, 2, 3)]
    """
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    per_group = int((sizes.max() * (sizes.max() - 1)) // 2) if len(sizes) else 0
    parts: list[tuple[IntArray, IntArray, IntArray, IntArray]] = []
    for k in np.unique(sizes).tolist():
        groups = np.flatnonzero(sizes == k)
        members = flat[starts[groups][:, None] + np.arange(k)]
        first, second = np.triu_indices(k, 1)
        order = (groups[:, None] * per_group + np.arange(len(first))).ravel()
        parts.append((order, np.repeat(groups, len(first)), members[:, first].ravel(),
                      members[:, second].ravel()))  # fmt: skip
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    order, which, a, b = (np.concatenate(column) for column in zip(*parts, strict=True))
    loop_order = np.argsort(order, kind="stable")
    return which[loop_order], a[loop_order], b[loop_order]
