"""One computation per key at a time: callers that ask while it runs wait for its result.

The API answers requests on many threads. Without this, twenty requests arriving just after a write would each
read the whole store and build their own projection (at 100,000 people: twenty times 20 s of work and several
GB of memory each), and each would compute the same betweenness.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

__all__ = ["SingleFlight"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SingleFlight(Generic[K, V]):
    """Runs ``compute`` for a key unless it is already running for that key, in which case waits for that run.

    The first caller (the leader) computes; the others get its result, or its exception. Once the run is over
    the key is free again, so ``compute`` should look in the caller's cache first: a caller that missed the
    cache just before the leader filled it then finds the value instead of computing it again.

    Examples
    --------
    >>> flights = SingleFlight()
    >>> flights.run("answer", lambda: 42)
    42
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[K, Future[V]] = {}

    def run(self, key: K, compute: Callable[[], V]) -> V:
        with self._lock:
            flight = self._running.get(key)
            leader = flight is None
            if flight is None:
                flight = self._running[key] = Future()
        if not leader:
            return flight.result()
        try:
            value = compute()
        except BaseException as exc:
            flight.set_exception(exc)
            raise
        finally:
            with self._lock:
                del self._running[key]
        flight.set_result(value)
        return value
