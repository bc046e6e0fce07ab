"""`warm_cache`: today's projection, PageRank and betweenness are built at start-up, before any request."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from relgraph.store.sqlite import SQLiteStore
from tests.api.conftest import Api
from tests.helpers import small_network


def _eventually(condition: Callable[[], bool], seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _filled_store(tmp_path: Path) -> None:
    # The path the sqlite API fixture opens.
    with SQLiteStore(tmp_path / "api.db") as store:
        store.upsert(small_network())


def test_warm_start_answers_the_first_request_from_the_cache(
    make_api: Callable[..., Api], tmp_path: Path
) -> None:
    _filled_store(tmp_path)
    api = make_api("sqlite", warm_cache=True)
    state: Any = api.client.app.state.relgraph  # type: ignore[attr-defined]
    cache = state.projections
    assert _eventually(lambda: cache.snapshot_loads == 1)
    projection = cache.projection(state.stores.get(), params=state.tie_parameters)
    assert _eventually(
        lambda: "betweenness:0" in projection._memo and "pagerank" in projection._memo
    )
    response = api.client.get("/api/analysis/key-contacts")
    assert response.status_code == 200, response.text
    assert response.json()["results"]
    assert cache.snapshot_loads == 1  # the request found the warmed projection


def test_cold_start_builds_nothing_until_asked(
    make_api: Callable[..., Api], tmp_path: Path
) -> None:
    _filled_store(tmp_path)
    api = make_api("sqlite")
    time.sleep(0.5)
    assert api.client.app.state.relgraph.projections.snapshot_loads == 0  # type: ignore[attr-defined]
    assert api.client.get("/api/analysis/key-contacts").status_code == 200
    assert api.client.app.state.relgraph.projections.snapshot_loads == 1  # type: ignore[attr-defined]
