"""Shared fixtures. ``store`` is parametrised over every backend so one contract suite runs on each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from relgraph.store.base import GraphStore
from relgraph.store.sqlite import SQLiteStore

BACKENDS = [pytest.param("sqlite", id="sqlite")]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store of each backend."""
    backend = request.param
    assert backend == "sqlite"
    with SQLiteStore(tmp_path / "store.db") as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "store.db") as opened:
        yield opened
