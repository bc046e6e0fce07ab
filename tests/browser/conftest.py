"""Real-browser fixtures: Debian's headless chromium through Playwright, and a map server on 127.0.0.1.

* ``chromium`` — a headless chromium (``RELGRAPH_CHROMIUM`` or ``chromium`` on PATH; Playwright's own browser
  download is not used). Missing chromium or Playwright skips the browser tests, or fails them when ``CI=true``
  (or ``RELGRAPH_REQUIRE_BROWSER=1``).
* ``visit`` — a fresh page that aborts and records every request leaving 127.0.0.1 and records console errors,
  page errors and dialogs (``alert``...).
* ``map_server`` — serves a network with the real ``relgraph serve`` on 127.0.0.1 (maps at ``/maps/...``, their
  assets at ``/static/maps``), keys switched off.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from relgraph.model import Network
from relgraph.projection import project
from relgraph.store.sqlite import SQLiteStore
from tests.api.served import relgraph_serve
from tests.browser.support import AS_OF, MapSite, Visit, is_local


def browser_required() -> bool:
    """In CI (or when asked) a missing browser fails the browser tests instead of skipping them."""
    yes = {"1", "true", "yes"}
    return (
        os.environ.get("CI", "").lower() in yes
        or os.environ.get("RELGRAPH_REQUIRE_BROWSER", "").lower() in yes
    )


def _unavailable(message: str) -> None:
    if browser_required():
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Debian chromium driven by Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install 'relgraph[test]')")
    path = os.environ.get("RELGRAPH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        _unavailable(f"no chromium at {path}: apt-get install chromium, or set RELGRAPH_CHROMIUM")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def visit(chromium: Any) -> Iterator[Visit]:
    """A fresh page; requests to anywhere but 127.0.0.1 are aborted and recorded."""
    context = chromium.new_context(viewport={"width": 1600, "height": 1000}, device_scale_factor=1)
    page = context.new_page()
    seen = Visit(page)

    def route(route: Any) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            seen.outside.append(route.request.url)
            route.abort()

    def dialog(d: Any) -> None:
        seen.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    context.route("**/*", route)
    page.on("request", lambda r: None if is_local(r.url) else seen.outside.append(r.url))
    page.on("console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.page_errors.append(str(e)))
    page.on("dialog", dialog)
    try:
        yield seen
    finally:
        context.close()


@pytest.fixture(scope="session")
def map_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Network], MapSite]]:
    """Load a network into a SQLite store and serve it with the real ``relgraph serve`` (uvicorn) on
    127.0.0.1, keys off; every server is stopped at the end of the session."""
    with ExitStack() as running:

        def serve(network: Network) -> MapSite:
            folder = tmp_path_factory.mktemp("site")
            with SQLiteStore(folder / "site.db") as store:
                store.upsert(network)
            url = f"sqlite:///{folder / 'site.db'}"
            base = running.enter_context(relgraph_serve(url, folder, "--no-auth"))
            return MapSite(base, project(network, as_of=AS_OF))

        yield serve


@pytest.fixture(scope="session")
def screenshot_dir() -> Path | None:
    """Where to save screenshots of the maps (RELGRAPH_SCREENSHOT_DIR), or None to save none."""
    where = os.environ.get("RELGRAPH_SCREENSHOT_DIR")
    if not where:
        return None
    path = Path(where)
    path.mkdir(parents=True, exist_ok=True)
    return path
