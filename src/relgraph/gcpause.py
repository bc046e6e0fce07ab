"""Pause Python's cyclic garbage collector around bulk work that builds many objects and keeps them.

Imports and snapshots make several objects per record and keep every one of them until the end. Each
collection the allocations trigger walks all the objects made so far again, which costs more than a third of
such work; no reference cycles are made meanwhile, so nothing piles up while the collector rests.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector for the block; switch it back on afterwards if it was on.

    Examples
    --------
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            # The objects made meanwhile all count as new: the first collection after this block would
            # walk every one of them (a fifth of a snapshot's time). Freezing and unfreezing moves them to
            # the oldest generation without walking them, where long-lived objects end up anyway. Skipped
            # when someone else has frozen objects (a pre-fork server), as unfreezing would undo that.
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()
