"""What the app holds for its lifetime: the store (opened lazily, re-tried while unreachable), keys, caches."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from api.settings import ApiSettings
from relgraph.analysis.centrality import pagerank, projection_betweenness
from relgraph.analysis.strength import TieParameters
from relgraph.errors import RelgraphError, StoreUnavailableError
from relgraph.keys import KeyRegistry
from relgraph.projection import ProjectionCache
from relgraph.settings import TieSettings
from relgraph.store import GraphStore, redact_url

__all__ = ["AppState", "StoreHolder"]

log = logging.getLogger("relgraph.api")


class StoreHolder:
    """Opens the store on first use and keeps it; while it cannot be opened, every use raises
    :class:`StoreUnavailableError` and a new attempt is made at most every ``retry_seconds``.

    Once open, the Neo4j driver reconnects by itself, so a store that goes away and comes back recovers
    without restarting the service.
    """

    def __init__(self, settings: ApiSettings) -> None:
        self._settings = settings
        self._store: GraphStore | None = None
        self._lock = threading.Lock()
        self._last_attempt = float("-inf")
        self._last_error = "not opened yet"

    @property
    def opened(self) -> GraphStore | None:
        """The store if it is open (no attempt to open it)."""
        return self._store

    @property
    def url(self) -> str:
        return redact_url(self._settings.store)

    def get(self) -> GraphStore:
        store = self._store
        if store is not None:
            return store
        with self._lock:
            if self._store is not None:
                return self._store
            if time.monotonic() - self._last_attempt < self._settings.store_retry_seconds:
                raise StoreUnavailableError(
                    f"the store {self.url} is unavailable: {self._last_error}"
                )
            self._last_attempt = time.monotonic()
            try:
                self._store = self._settings.open()
            except RelgraphError as exc:
                self._last_error = str(exc)
                log.warning("cannot open the store %s: %s", self.url, exc)
                raise StoreUnavailableError(f"the store {self.url} is unavailable: {exc}") from exc
            log.info("store %s opened", self.url)
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


@dataclass
class AppState:
    """Everything a request may need, created in the lifespan and closed at shutdown."""

    settings: ApiSettings
    stores: StoreHolder
    keys: KeyRegistry
    projections: ProjectionCache = field(default_factory=ProjectionCache)
    tie_parameters: TieParameters = field(default_factory=lambda: TieSettings().parameters())

    def warm(self) -> None:
        """Build today's projection and the values most answers rest on (run on a background thread at start).

        Requests that arrive meanwhile wait for these same computations instead of starting their own.
        """
        started = time.perf_counter()
        try:
            projection = self.projections.projection(self.stores.get(), params=self.tie_parameters)
            pagerank(projection)
            projection_betweenness(projection)
        except Exception as exc:  # a cold cache is slower, not wrong: say so and carry on
            log.warning("cache warm-up stopped: %s", exc)
            return
        log.info("cache warmed in %.1f s: %d nodes, %d ties", time.perf_counter() - started,
                 projection.graph.number_of_nodes(), projection.graph.number_of_edges())  # fmt: skip

    def close(self) -> None:
        self.stores.close()
        self.keys.close()
