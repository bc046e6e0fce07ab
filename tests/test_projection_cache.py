"""Concurrent requests for the same snapshot, projection or derived value compute it once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from relgraph.model import Network
from relgraph.projection import ProjectionCache
from relgraph.singleflight import SingleFlight
from relgraph.store.sqlite import SQLiteStore
from tests.helpers import small_network

THREADS = 8


class SlowSnapshots:
    """A real store whose snapshot takes a while, so that callers surely overlap; counts its snapshots."""

    def __init__(self, store: SQLiteStore) -> None:
        self._store = store
        self.url = store.url
        self.snapshots = 0

    def version(self) -> int:
        return self._store.version()

    def snapshot(self) -> Network:
        self.snapshots += 1
        time.sleep(0.3)
        return self._store.snapshot()


def all_at_once(call: Callable[[], Any]) -> list[Any]:
    """``call()`` on THREADS threads released together."""
    start = threading.Barrier(THREADS)

    def wait_then_call() -> Any:
        start.wait()
        return call()

    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(lambda _: wait_then_call(), range(THREADS)))


def test_concurrent_projection_requests_read_the_store_once(sqlite_store: SQLiteStore) -> None:
    sqlite_store.upsert(small_network())
    slow, cache = SlowSnapshots(sqlite_store), ProjectionCache()
    projections = all_at_once(lambda: cache.projection(slow))  # type: ignore[arg-type]
    assert slow.snapshots == 1
    assert cache.snapshot_loads == 1
    assert all(p is projections[0] for p in projections)


def test_a_write_lets_the_next_request_read_again(sqlite_store: SQLiteStore) -> None:
    sqlite_store.upsert(small_network())
    slow, cache = SlowSnapshots(sqlite_store), ProjectionCache()
    first = cache.projection(slow)  # type: ignore[arg-type]
    sqlite_store.delete_person("dan")
    second = all_at_once(lambda: cache.projection(slow))  # type: ignore[arg-type]
    assert slow.snapshots == 2
    assert "dan" in first.people and all("dan" not in p.people for p in second)


def test_a_derived_value_is_computed_once_for_concurrent_callers(
    sqlite_store: SQLiteStore,
) -> None:
    sqlite_store.upsert(small_network())
    projection = ProjectionCache().projection(sqlite_store)
    runs = []

    def slow_value() -> object:
        runs.append(1)
        time.sleep(0.2)
        return object()

    values = all_at_once(lambda: projection.memo("slow", slow_value))
    assert len(runs) == 1
    assert all(v is values[0] for v in values)


def test_single_flight_gives_every_waiter_the_leaders_error_then_runs_again() -> None:
    flights: SingleFlight[str, int] = SingleFlight()
    runs = []

    def failing() -> int:
        runs.append(1)
        time.sleep(0.2)
        raise RuntimeError("store went away")

    def call() -> object:
        try:
            return flights.run("k", failing)
        except RuntimeError as exc:
            return str(exc)

    assert all_at_once(call) == ["store went away"] * THREADS
    assert len(runs) == 1
    assert flights.run("k", lambda: 7) == 7  # the failure is not remembered


def test_single_flight_keys_are_independent() -> None:
    flights: SingleFlight[int, int] = SingleFlight()
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda k: flights.run(k, lambda: k * k), range(4)))
    assert results == [0, 1, 4, 9]
