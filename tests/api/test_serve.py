"""``relgraph serve`` end to end: a real uvicorn process on 127.0.0.1 serving the demo network."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from relgraph.demo import KEY_CLIENT
from tests.api.served import relgraph_serve

pytestmark = pytest.mark.slow


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return (
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    store = f"sqlite:///{tmp_path_factory.mktemp('serve') / 'demo.db'}"
    subprocess.run([sys.executable, "-m", "relgraph", "--store", store, "demo", "--reset"], check=True,
                   capture_output=True)  # fmt: skip
    return store


def test_serve_without_keys_serves_api_maps_and_docs_offline(
    demo_store: str, tmp_path: Path
) -> None:
    with relgraph_serve(demo_store, tmp_path, "--no-auth") as base:
        status, _, body = _get(f"{base}/")
        assert status == 200 and b"/maps/network" in body and b"switched off" in body
        status, headers, body = _get(f"{base}/maps/organization/{KEY_CLIENT}")
        assert status == 200 and headers["content-type"].startswith("text/html")
        assert "script-src" in headers["content-security-policy"]
        status, _, docs = _get(f"{base}/docs")
        assert status == 200
        assert not re.search(rb"""(src|href)=["']https?://""", docs), (
            "the docs page loads nothing from outside"
        )
        people = json.loads(_get(f"{base}/api/people?limit=5")[2])
        assert people["total"] == 85 and len(people["items"]) == 5
    assert "switched off" in (tmp_path / "serve.log").read_text()


def test_serve_with_keys(demo_store: str, tmp_path: Path) -> None:
    created = subprocess.run(
        [sys.executable, "-m", "relgraph", "keys", "create", "test", "--scope", "read",
         "--keys-file", str(tmp_path / "keys.db"), "--json"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    secret = json.loads(created.stdout)["secret"]
    with relgraph_serve(demo_store, tmp_path) as base:
        assert _get(f"{base}/api/people")[0] == 401
        assert _get(f"{base}/api/people", {"X-API-Key": secret})[0] == 200
        assert _get(f"{base}/maps/network", {"X-API-Key": secret})[0] == 200


def test_a_write_reaches_every_worker(demo_store: str, tmp_path: Path) -> None:
    import shutil
    import urllib.request as request

    own_copy = (
        tmp_path / "demo-copy.db"
    )  # this test writes; the module's demo store stays as it was
    shutil.copy(demo_store.removeprefix("sqlite:///"), own_copy)
    with relgraph_serve(f"sqlite:///{own_copy}", tmp_path, "--no-auth", "--workers", "2") as base:

        def grid_stance() -> set[object]:
            seen = set()
            for _ in range(12):  # enough requests to reach both workers
                rows = json.loads(_get(f"{base}/api/analysis/grid")[2])["results"]
                seen.add(next(r["stance"] for r in rows if r["id"] == KEY_CLIENT))
            return seen

        assert grid_stance() == {1}
        patch = request.Request(f"{base}/api/organizations/{KEY_CLIENT}", data=b'{"stance": -2}', method="PATCH",
                                headers={"Content-Type": "application/json"})  # fmt: skip
        with request.urlopen(patch, timeout=30) as response:
            assert response.status == 200
        assert grid_stance() == {-2}
