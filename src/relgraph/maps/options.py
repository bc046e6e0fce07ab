"""What a map shows: :class:`MapOptions`, validated when made."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, get_args

from relgraph.errors import InvalidInputError

__all__ = ["MAX_DEPTH", "MAX_NODES_LIMIT", "ColorBy", "MapOptions"]

ColorBy = Literal["kind", "stance"]
#: The largest ``depth`` around a focus node (six steps reach almost everyone in a social network).
MAX_DEPTH = 6
#: The largest node cap: beyond a few thousand nodes a browser layout stops being usable.
MAX_NODES_LIMIT = 5000


@dataclass(frozen=True)
class MapOptions:
    """Filters and styling of a map. Filters combine: a node is shown when it passes every one given.

    Parameters
    ----------
    focus
        Id of a person or organisation: show what lies within ``depth`` steps of it.
    depth
        Steps from ``focus`` (1 to :data:`MAX_DEPTH`); ignored without a focus.
    organization
        Id of an organisation: show it, its people and everyone they are tied to.
    community
        Id of a community (:func:`relgraph.analysis.communities.communities`, same ``seed``): show its members
        and their organisations.
    min_strength
        Leave out person–person ties weaker than this (0–1); memberships always stay.
    max_nodes
        Node cap (1 to :data:`MAX_NODES_LIMIT`): above it the map keeps the most important nodes.
    color_by
        ``"kind"``: colour by organisation role or kind (people take their organisation's);
        ``"stance"``: colour by stance, opponent to champion.
    seed
        Seed of the community detection and of the browser's layout.

    Examples
    --------
    >>> MapOptions(focus="p-ann", depth=1).depth
    1
    >>> MapOptions(max_nodes=0)
    Traceback (most recent call last):
    ...
    relgraph.errors.InvalidInputError: max_nodes must be a whole number from 1 to 5000, not 0
    """

    focus: str | None = None
    depth: int = 2
    organization: str | None = None
    community: int | None = None
    min_strength: float = 0.0
    max_nodes: int = 300
    color_by: ColorBy = "kind"
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("focus", "organization"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise InvalidInputError(f"{name} must be a non-empty id, not {value!r}")
        _whole(self.depth, "depth", 1, MAX_DEPTH)
        _whole(self.max_nodes, "max_nodes", 1, MAX_NODES_LIMIT)
        _whole(self.seed, "seed", 0, 2**31 - 1)
        if self.community is not None:
            _whole(self.community, "community", 0, 2**31 - 1)
        strength = self.min_strength
        if (
            isinstance(strength, bool)
            or not isinstance(strength, int | float)
            or not (math.isfinite(strength) and 0.0 <= strength <= 1.0)
        ):
            raise InvalidInputError(f"min_strength must be a number from 0 to 1, not {strength!r}")
        if self.color_by not in get_args(ColorBy):
            choices = " or ".join(get_args(ColorBy))
            raise InvalidInputError(f"color_by must be {choices}, not {self.color_by!r}")


def _whole(value: object, name: str, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInputError(
            f"{name} must be a whole number from {low} to {high}, not {value!r}"
        )
