"""What the browser tests share: the page recorder, the served site and the date networks are projected at."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from relgraph.projection import Projection

__all__ = ["AS_OF", "MapSite", "Visit", "is_local"]

#: The date the served networks are projected at (the demo is built relative to it).
AS_OF = date(2026, 1, 15)
_CONTENT_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def is_local(url: str) -> bool:
    """Whether a request stays on this machine (127.0.0.1, or no network at all)."""
    parts = urlsplit(url)
    return parts.scheme in {"file", "data", "blob", "about"} or parts.hostname == "127.0.0.1"


@dataclass
class Visit:
    """A page and everything it did that a test checks."""

    page: Any
    outside: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, url: str) -> float:
        """Go to ``url`` and wait until the layout has settled; return the page's settle time in ms."""
        self.page.goto(url)
        self.page.wait_for_selector(
            "body[data-stabilized='true']", state="attached", timeout=60_000
        )
        return float(self.page.evaluate("() => Number(document.body.dataset.stabilizedMs)"))

    def drawn(self) -> dict[str, Any]:
        """What vis-network holds and draws (hidden items excluded), whether physics is off, and whether the
        ties carry the page's own numbers as ids (not random UUIDs, which cost big maps a tenth of their set-up)."""
        return dict(
            self.page.evaluate(
                """() => {
                const net = window.relgraphMap.network;
                return {nodes: net.body.data.nodes.length, edges: net.body.data.edges.length,
                        drawnNodes: net.body.nodeIndices.length, drawnEdges: net.body.edgeIndices.length,
                        physics: net.physics.options.enabled,
                        tiesNumbered: net.body.data.edges.getIds().every((id, i) => id === i)};
            }"""
            )
        )

    def assert_clean(self) -> None:
        assert self.outside == [], f"requests left the machine: {self.outside}"
        assert self.console_errors == [], self.console_errors
        assert self.page_errors == [], self.page_errors
        assert self.dialogs == [], f"the page opened dialogs: {self.dialogs}"


@dataclass(frozen=True)
class MapSite:
    """A running map server: its base URL and the projection it serves."""

    base_url: str
    projection: Projection

    def url(self, path: str) -> str:
        """The page's URL; the server projects the network at :data:`AS_OF`, as the tests do."""
        return f"{self.base_url}{path}{'&' if '?' in path else '?'}as_of={AS_OF.isoformat()}"
