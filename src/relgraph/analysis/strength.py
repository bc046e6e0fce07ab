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

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from relgraph.model import Channel

__all__ = [
    "DEFAULT_CHANNEL_WEIGHTS",
    "Evidence",
    "TieParameters",
    "TieStatus",
    "distance",
    "distances",
    "evidence_weight",
    "relationship_status",
    "relationship_statuses",
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
        stated = 0.0 if self.stated_sentiment is None else _STATED_SENTIMENT_WEIGHT
        if stated == 0 and self.sentiment_weight == 0:
            return None
        total = self.sentiment_sum + stated * (self.stated_sentiment or 0.0)
        prior = _NEUTRAL_PRIOR_WEIGHT if self.sentiment_weight > 0 else 0.0
        return total / (self.sentiment_weight + stated + prior)


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
    decay: float = 2.0 ** (-max(age_days, 0) / params.half_life_days)
    mood = 1.0 + 0.5 * (sentiment or 0.0)
    return params.channel_weights.get(channel, 0.4) * decay * mood


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
    stated_weight, default, saturation, exp = (
        params.stated_weight, params.default_stated, params.saturation, math.exp,
    )  # fmt: skip
    return [
        stated_weight * (default if ev.stated is None else ev.stated)
        + (1.0 - stated_weight) * (1.0 - exp(-ev.weight / saturation))
        for ev in evidence
    ]


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
    log = math.log
    return [-log(min(max(s, 0.01), 0.99)) for s in strengths]


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
    return _status(evidence, strength, evidence.sentiment, as_of, params)


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
    return [
        _status(ev, strength, sentiment, as_of, params)
        for ev, strength, sentiment in zip(evidence, strengths, sentiments, strict=True)
    ]


def _status(
    evidence: Evidence, strength: float, sentiment: float | None, as_of: date, params: TieParameters
) -> TieStatus:
    if sentiment is not None and sentiment <= params.negative_threshold:
        return TieStatus.NEGATIVE
    if evidence.last_contact is None:
        stated = evidence.stated or 0.0
        if stated >= params.strong_threshold:
            return TieStatus.STRONG
        return TieStatus.ACTIVE if stated >= 0.4 else TieStatus.DORMANT
    days = (as_of - evidence.last_contact).days
    if days <= params.active_days:
        return TieStatus.STRONG if strength >= params.strong_threshold else TieStatus.ACTIVE
    if days <= params.dormant_days:
        return TieStatus.COOLING
    return TieStatus.DORMANT
