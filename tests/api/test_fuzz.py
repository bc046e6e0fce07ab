"""Property-based test of the whole API against its own OpenAPI document (schemathesis): whatever the
inputs, every operation answers without a server error, and every error has the one documented shape."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from api import ApiSettings, create_app
from tests.helpers import small_network

pytestmark = pytest.mark.slow

# The schema is read when the module is collected, so the app exists then; its store opens in the fixture.
_folder = Path(tempfile.mkdtemp(prefix="relgraph-fuzz-"))
app = create_app(ApiSettings(store=f"sqlite:///{_folder / 'fuzz.db'}", keys_file=_folder / "keys.db",
                             auth_disabled=True))  # fmt: skip
schema = schemathesis.openapi.from_asgi("/openapi.json", app)
# Valid and invalid inputs alike: invalid ones must be refused with a 4xx, never crash the service.
schema.config.generation.update(modes=list(schemathesis.GenerationMode), max_examples=25)


@pytest.fixture(scope="module", autouse=True)
def running_app() -> Iterator[None]:
    with TestClient(app) as client:  # runs the lifespan: the store is open for every generated call
        client.post("/api/import", json=small_network().model_dump(mode="json")).raise_for_status()
        yield


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:500]}"
    )
    if response.status_code >= 400:
        body = response.json()
        assert set(body["error"]) == {"code", "message", "details"}
