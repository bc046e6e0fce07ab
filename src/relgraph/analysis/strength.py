"""Tie strength and relationship status: what a tie is worth today, from what people said and what we saw.

The formula (all parameters in :class:`TieParameters`, set from ``RELGRAPH_TIE_*`` at the edges):

* **Interaction evidence** of a pair on a date ``as_of``: every interaction both took part in, on or before that date,
  adds ``channel_weight × 2^(−age_days / half_life_days) × (1 + sentiment / 2)``. A meeting today adds 1, the same
  meeting one half-life ago 0.5; a hostile meeting (sentiment −1) counts half, a warm one (+1) one and a half.
* The evidence saturates: ``evidence = 1 − exp(−E / saturation)`` lies in [0, 1).
* **Tie strength** ``= stated_weight × stated + (1 − stated_weight) × evidence``, where ``stated`` is the strongest
  strength a person gave any relationship of the pair, or ``default_stated`` when nobody gave one. A tie with no
  stated strength and no interaction therefore has strength ``stated_weight × default_stated`` (0.15 by default).
* **Distance** for shortest paths and betweenness: ``−ln(strength)`` (strength clamped to [0.01, 0.99]), so strong ties
  are short and the shortest path is the path with the largest product of strengths.
* **Sentiment** of a tie: the weighted mean of the stated sentiment (weight 2: someone's explicit judgement of the
  pair) and each interaction's sentiment (weight: its evidence divided by the number of other participants, since the
  mood of a meeting of five says little about any one pair in it). Interaction evidence is shrunk towards neutral
  by a prior of weight 0.5, so that one tense meeting alone does not make a tie negative; a stated sentiment is
  someone's explicit judgement and is not shrunk.
* **Status**: ``negative`` if sentiment ≤ ``negative_threshold``; else by the days since the last interaction:
  ≤ ``active_days`` → ``strong`` (strength ≥ ``strong_threshold``) or ``active``; ≤ ``dormant_days`` → ``cooling``;
  older → ``dormant``. A tie never seen in an interaction is ``strong`` or ``active`` when its stated strength is at
  least ``strong_threshold`` or 0.4, else ``dormant``.

References
----------
.. [1] Granovetter, M. (1973). The strength of weak ties. American Journal of Sociology 78(6), 1360–1380.
.. [2] Marsden, P. V. & Campbell, K. E. (1984). Measuring tie strength. Social Forces 63(2), 482–501.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from relgraph.model import Channel

FloatArray = npt.NDArray[np.float64]

__all__ = [
    "DEFAULT_CHANNEL_WEIGHTS",
    "STATUS_CODES",
    "Evidence",
    "TieParameters",
    "TieStatus",
    "distance",
    "distance_array",
    "distances",
    "evidence_weight",
    "evidence_weight_array",
    "relationship_status",
    "relationship_statuses",
    "sentiment_array",
    "status_array",
    "strength_array",
    "tie_strength",
    "tie_strengths",
]

DEFAULT_CHANNEL_WEIGHTS: dict[Channel, float] = {
    Channel.MEETING: 1.0,
    Channel.SITE_VISIT: 1.0,
    Channel.CALL: 0.7,
    Channel.EVENT: 0.5,
    Channel.EMAIL: 0.4,
    Channel.MESSAGE: 0.3,
    Channel.OTHER: 0.4,
}


_STATED_SENTIMENT_WEIGHT = 2.0
_NEUTRAL_PRIOR_WEIGHT = 0.5


class TieStatus(StrEnum):
    STRONG = "strong"
    ACTIVE = "active"
    COOLING = "cooling"
    DORMANT = "dormant"
    NEGATIVE = "negative"


@dataclass(frozen=True)
class TieParameters:
    """Every parameter of the tie-strength formula and of relationship status (see the module docstring)."""

    half_life_days: float = 90.0
    saturation: float = 3.0
    stated_weight: float = 0.5
    default_stated: float = 0.3
    membership_strength: float = 0.5
    active_days: int = 90
    dormant_days: int = 365
    strong_threshold: float = 0.6
    negative_threshold: float = -0.25
    max_meeting_size: int = 12
    channel_weights: dict[Channel, float] = field(
        default_factory=lambda: dict(DEFAULT_CHANNEL_WEIGHTS)
    )

    def __post_init__(self) -> None:
        if self.half_life_days <= 0 or self.saturation <= 0:
            raise ValueError("half_life_days and saturation must be positive")
        if not 0 <= self.stated_weight <= 1 or not 0 <= self.default_stated <= 1:
            raise ValueError("stated_weight and default_stated must lie in [0, 1]")
        if not 0 < self.active_days <= self.dormant_days:
            raise ValueError("need 0 < active_days <= dormant_days")


@dataclass(slots=True)
class Evidence:
    """What we know of one tie: stated strength and sentiment, interactions seen (accumulated)."""

    stated: float | None = None
    stated_sentiment: float | None = None
    weight: float = 0.0
    sentiment_sum: float = 0.0
    sentiment_weight: float = 0.0
    interactions: int = 0
    last_contact: date | None = None

    def state(self, strength: float | None, sentiment: float | None) -> None:
        if strength is not None:
            self.stated = max(strength, self.stated or 0.0)
        if sentiment is not None:
            self.stated_sentiment = (
                sentiment
                if self.stated_sentiment is None
                else min(sentiment, self.stated_sentiment)
            )

    def observe(self, when: date, weight: float, sentiment: float | None, others: int = 1) -> None:
        """Add one interaction; ``others`` is the number of other participants (it dilutes the sentiment)."""
        self.weight += weight
        self.interactions += 1
        if sentiment is not None:
            share = weight / max(others, 1)
            self.sentiment_sum += sentiment * share
            self.sentiment_weight += share
        if self.last_contact is None or when > self.last_contact:
            self.last_contact = when

    @property
    def sentiment(self) -> float | None:
        value = sentiment_array(
            _column([self.stated_sentiment]),
            np.array([self.sentiment_sum]),
            np.array([self.sentiment_weight]),
        )[0]
        return None if np.isnan(value) else float(value)


def _column(values: Sequence[float | None]) -> FloatArray:
    """Floats with ``None`` as NaN (the array functions' "not known")."""
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def evidence_weight(
    channel: Channel, age_days: int, sentiment: float | None, params: TieParameters
) -> float:
    """The evidence one interaction adds to a tie.

    Examples
    --------
    >>> p = TieParameters()
    >>> evidence_weight(Channel.MEETING, 0, None, p)
    1.0
    >>> evidence_weight(Channel.MEETING, 90, None, p)  # one half-life ago
    0.5
    >>> evidence_weight(Channel.MEETING, 0, -1.0, p)  # a hostile meeting counts half
    0.5
    """
    weights = evidence_weight_array(
        np.array([params.channel_weights.get(channel, 0.4)]),
        np.array([age_days], dtype=np.float64),
        _column([sentiment]),
        params,
    )
    return float(weights[0])


def evidence_weight_array(
    channel_weights: FloatArray, age_days: FloatArray, sentiments: FloatArray, params: TieParameters
) -> FloatArray:
    """:func:`evidence_weight` of many interactions: their channels' weights, ages and sentiments (NaN: none).

    Examples
    --------
    >>> evidence_weight_array(np.array([1.0, 0.4]), np.array([90.0, 0.0]), np.array([np.nan, 1.0]),
    ...                       TieParameters()).tolist()
    [0.5, 0.6000000000000001]
    """
    decay = np.exp2(-np.maximum(age_days, 0.0) / params.half_life_days)
    mood = 1.0 + 0.5 * np.nan_to_num(sentiments, nan=0.0)
    result: FloatArray = channel_weights * decay * mood
    return result


def tie_strength(evidence: Evidence, params: TieParameters) -> float:
    """Strength in [0, 1] of a tie from its stated strength and interaction evidence.

    Examples
    --------
    >>> p = TieParameters()
    >>> tie_strength(Evidence(), p)  # nothing stated, never seen: the default
    0.15
    >>> tie_strength(Evidence(stated=0.8), p)
    0.4
    >>> round(tie_strength(Evidence(stated=0.8, weight=3.0), p), 4)  # 0.4 + 0.5 * (1 - e^-1)
    0.7161
    """
    return tie_strengths([evidence], params)[0]


def tie_strengths(evidence: Sequence[Evidence], params: TieParameters) -> list[float]:
    """:func:`tie_strength` of many ties at once (one pass, no call per tie: the projection's hot path).

    Examples
    --------
    >>> tie_strengths([Evidence(), Evidence(stated=0.8)], TieParameters())
    [0.15, 0.4]
    """
    stated = _column([ev.stated for ev in evidence])
    weights = np.array([ev.weight for ev in evidence], dtype=np.float64)
    result: list[float] = strength_array(stated, weights, params).tolist()
    return result


def strength_array(stated: FloatArray, weights: FloatArray, params: TieParameters) -> FloatArray:
    """Tie strengths from stated strengths (NaN: none stated) and summed interaction evidence (the formula).

    Examples
    --------
    >>> strength_array(np.array([np.nan, 0.8]), np.array([0.0, 3.0]), TieParameters()).round(4).tolist()
    [0.15, 0.7161]
    """
    w = params.stated_weight
    stated_or_default = np.where(np.isnan(stated), params.default_stated, stated)
    result: FloatArray = w * stated_or_default + (1.0 - w) * (
        1.0 - np.exp(-weights / params.saturation)
    )
    return result


def sentiment_array(
    stated: FloatArray, observed_sum: FloatArray, observed_weight: FloatArray
) -> FloatArray:
    """Tie sentiments (NaN: none known) from the stated sentiment (NaN: none) and the interactions' weighted
    sum and weight (see :class:`Evidence`).

    Examples
    --------
    >>> sentiment_array(np.array([-0.6, np.nan, np.nan]), np.array([0.0, 0.5, 0.0]),
    ...                 np.array([0.0, 1.0, 0.0])).round(4).tolist()
    [-0.6, 0.3333, nan]
    """
    has_stated = ~np.isnan(stated)
    stated_weight = np.where(has_stated, _STATED_SENTIMENT_WEIGHT, 0.0)
    total = observed_sum + stated_weight * np.where(has_stated, stated, 0.0)
    prior = np.where(observed_weight > 0, _NEUTRAL_PRIOR_WEIGHT, 0.0)
    known = has_stated | (observed_weight != 0)
    result: FloatArray = np.divide(
        total,
        observed_weight + stated_weight + prior,
        out=np.full(total.shape, np.nan),
        where=known,
    )
    return result


def distance(strength: float) -> float:
    """Path length of a tie: ``−ln(strength)``, strength clamped to [0.01, 0.99].

    Examples
    --------
    >>> round(distance(0.5), 4)
    0.6931
    >>> distance(0.5) + distance(0.5) > distance(0.3)  # two halves are weaker than one 0.3 tie
    True
    """
    return distances([strength])[0]


def distances(strengths: Sequence[float]) -> list[float]:
    """:func:`distance` of many strengths at once.

    Examples
    --------
    >>> [round(d, 4) for d in distances([0.5, 1.0])]
    [0.6931, 0.0101]
    """
    result: list[float] = distance_array(np.asarray(strengths, dtype=np.float64)).tolist()
    return result


def distance_array(strengths: FloatArray) -> FloatArray:
    """:func:`distance` of an array of strengths.

    Examples
    --------
    >>> distance_array(np.array([0.5, 1.0])).round(4).tolist()
    [0.6931, 0.0101]
    """
    result: FloatArray = -np.log(np.clip(strengths, 0.01, 0.99))
    return result


def relationship_status(
    evidence: Evidence, strength: float, as_of: date, params: TieParameters
) -> TieStatus:
    """Strong, active, cooling, dormant or negative (rules in the module docstring).

    Examples
    --------
    >>> p, today = TieParameters(), date(2026, 6, 30)
    >>> relationship_status(Evidence(last_contact=date(2026, 6, 1)), 0.7, today, p).value
    'strong'
    >>> relationship_status(Evidence(last_contact=date(2025, 11, 1)), 0.3, today, p).value
    'cooling'
    >>> relationship_status(Evidence(stated_sentiment=-0.6), 0.7, today, p).value
    'negative'
    """
    return relationship_statuses([evidence], [strength], [evidence.sentiment], as_of, params)[0]


def relationship_statuses(
    evidence: Sequence[Evidence], strengths: Sequence[float], sentiments: Sequence[float | None],
    as_of: date, params: TieParameters,
) -> list[TieStatus]:  # fmt: skip
    """:func:`relationship_status` of many ties at once, given their strengths and sentiments.

    Examples
    --------
    >>> evs = [Evidence(last_contact=date(2026, 6, 1)), Evidence(stated_sentiment=-0.6)]
    >>> [s.value for s in relationship_statuses(evs, [0.7, 0.7], [None, -0.6], date(2026, 6, 30), TieParameters())]
    ['strong', 'negative']
    """
    days = _column(
        [None if ev.last_contact is None else (as_of - ev.last_contact).days for ev in evidence]
    )
    codes = status_array(
        _column([ev.stated for ev in evidence]),
        days,
        np.asarray(strengths, dtype=np.float64),
        _column(sentiments),
        params,
    )
    return [STATUS_CODES[code] for code in codes.tolist()]


#: Tie statuses by the codes :func:`status_array` returns.
STATUS_CODES = (
    TieStatus.STRONG,
    TieStatus.ACTIVE,
    TieStatus.COOLING,
    TieStatus.DORMANT,
    TieStatus.NEGATIVE,
)
_STRONG, _ACTIVE, _COOLING, _DORMANT, _NEGATIVE = range(len(STATUS_CODES))


def status_array(
    stated: FloatArray, days_since_contact: FloatArray, strengths: FloatArray, sentiments: FloatArray,
    params: TieParameters,
) -> npt.NDArray[np.int8]:  # fmt: skip
    """Status codes (indices into :data:`STATUS_CODES`) of many ties: their stated strengths, days since their
    last interaction (NaN: never seen), strengths and sentiments (NaN: none known). Rules in the module docstring.

    Examples
    --------
    >>> codes = status_array(np.array([np.nan, 0.7]), np.array([10.0, np.nan]), np.array([0.7, 0.35]),
    ...                      np.array([np.nan, np.nan]), TieParameters())
    >>> [STATUS_CODES[c].value for c in codes]
    ['strong', 'strong']
    """
    stated_or_zero = np.nan_to_num(stated, nan=0.0)
    never_seen = np.where(
        stated_or_zero >= params.strong_threshold,
        _STRONG,
        np.where(stated_or_zero >= 0.4, _ACTIVE, _DORMANT),
    )
    seen = np.where(
        days_since_contact <= params.active_days,
        np.where(strengths >= params.strong_threshold, _STRONG, _ACTIVE),
        np.where(days_since_contact <= params.dormant_days, _COOLING, _DORMANT),
    )
    codes = np.where(np.isnan(days_since_contact), never_seen, seen)
    # NaN compares False: a tie with no known sentiment is never negative.
    codes = np.where(sentiments <= params.negative_threshold, _NEGATIVE, codes)
    return codes.astype(np.int8)
