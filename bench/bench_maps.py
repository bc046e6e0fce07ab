"""Maps stage: generating 1,000- and 5,000-node maps, their page sizes, and drawing them in headless chromium.

Generation = ``build_map`` + ``render_html`` (served form: scripts from /static), with the analyses a map needs
(importance, weak links) already done once per projection and timed apart. In chromium (a fresh page per load,
served from 127.0.0.1 by ``map_timing.serving``): ``settle`` is ``document.body.dataset.stabilizedMs``, from
navigation until the layout has settled and physics stopped (the page script sets it); ``first draw`` is when
vis-network first paints on the map's canvas: an init script notes ``performance.now()`` at the first 2D-canvas
draw call (fill, stroke, fillText, drawImage) on a canvas inside ``#rg-map``, then restores the originals;
``first whole frame`` (reported beside it, no target) is when vis-network's first ``afterDrawing`` fires, i.e.
that first frame finished with every tie stroked.
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path
from typing import Any

from bench_common import TODAY, load_network, log, result, timed
from map_timing import serving

from relgraph.maps import MapOptions, build_map, render_html
from relgraph.maps.info import weak_link_index
from relgraph.maps.select import map_importance
from relgraph.projection import Projection, project

MAP_SIZES = (1000, 5000)
SETTLE_TARGET = (1000, 5.0)  # a 1,000-node map settles in <= 5 s
FIRST_DRAW_TARGET = (5000, 2.0)  # a 5,000-node map first draws in <= 2 s

FIRST_DRAW_HOOK = """
(() => {
  const proto = CanvasRenderingContext2D.prototype;
  const names = ["fill", "stroke", "fillText", "drawImage"];
  const saved = Object.fromEntries(names.map((n) => [n, proto[n]]));
  for (const name of names) {
    proto[name] = function (...args) {
      if (window.__rgFirstDrawMs === undefined && this.canvas && this.canvas.closest("#rg-map")) {
        window.__rgFirstDrawMs = performance.now();
        for (const n of names) proto[n] = saved[n];
      }
      return saved[name].apply(this, args);
    };
  }
})();
"""


def generate(
    p: Projection, max_nodes: int, size: int, repeats: int
) -> tuple[list[dict[str, Any]], Any]:
    """Generation time and page sizes of a map of at most ``max_nodes`` nodes; the served page."""
    options = MapOptions(max_nodes=max_nodes)
    runs = [timed(lambda: _build_and_render(p, options)) for _ in range(repeats)]
    seconds, (m, page) = [t for t, _ in runs], runs[-1][1]
    raw = page.html.encode()
    label = f"map {max_nodes} nodes"
    log(f"  {label}: generation {min(seconds):.2f} s, {len(raw) / 1e6:.1f} MB")
    rows = [
        result(f"{label}: generation", size, seconds, "s", nodes=len(m.nodes), edges=len(m.edges)),
        result(
            f"{label}: page size", size, [len(raw)], "bytes", gzip_bytes=len(gzip.compress(raw, 6))
        ),
    ]
    return rows, page


def _build_and_render(p: Projection, options: MapOptions) -> tuple[Any, Any]:
    m = build_map(p, options)
    return m, render_html(m, asset_base="/static")


def browser_loads(
    browser: Any, url: str, repeats: int
) -> tuple[list[float], list[float], list[float], list[str]]:
    """Seconds to first draw, to the first whole frame and to settle over ``repeats`` fresh loads; console
    errors."""
    first, frame, settle, errors = [], [], [], []
    for _ in range(repeats):
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.add_init_script(FIRST_DRAW_HOOK)
        page.goto(url)
        page.wait_for_selector("body[data-stabilized='true']", state="attached", timeout=300_000)
        data = page.evaluate(
            "() => [window.__rgFirstDrawMs ?? null, document.body.dataset.stabilizedMs,"
            " document.body.dataset.firstDrawMs]"
        )
        first.append(float(data[0]) / 1000 if data[0] is not None else float("nan"))
        settle.append(float(data[1]) / 1000)
        frame.append(float(data[2]) / 1000)
        page.close()
    return first, frame, settle, errors


def browser_results(
    pages: dict[int, tuple[int, Any]], size: int, repeats: int
) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    path = os.environ.get("RELGRAPH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    served = {
        f"/map{n}": (page.html, page.content_security_policy) for n, (_, page) in pages.items()
    }
    out = []
    with serving(served) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
        for max_nodes, (nodes, _) in pages.items():
            first, frame, settle, errors = browser_loads(browser, f"{base}/map{max_nodes}", repeats)
            log(
                f"  chromium, {nodes} nodes: first draw {min(first):.2f} s, settled {min(settle):.2f} s"
            )
            extra = {"nodes": nodes, "chromium": browser.version, "console_errors": errors}
            for label, values, (at, bound) in (("first draw", first, FIRST_DRAW_TARGET),
                                               ("settle", settle, SETTLE_TARGET)):  # fmt: skip
                target = ("<=", bound) if max_nodes == at else None
                out.append(result(f"map {max_nodes} nodes: {label} in chromium", size, values, "s",
                                  target=target, **extra))  # fmt: skip
            # The first draw call starts the first frame; vis-network's afterDrawing ends it (stricter).
            out.append(result(f"map {max_nodes} nodes: first whole frame in chromium", size, frame, "s",
                              note="vis-network's first afterDrawing event", **extra))  # fmt: skip
        browser.close()
    return out


def run(size: int, workdir: Path, repeats: int) -> list[dict[str, Any]]:
    p = project(load_network(workdir), as_of=TODAY)
    seconds, _ = timed(lambda: (map_importance(p), weak_link_index(p)))
    out = [result("map analyses (once per projection)", size, [seconds], "s")]
    pages = {}
    for max_nodes in MAP_SIZES:
        if max_nodes > p.graph.number_of_nodes():
            continue
        rows, page = generate(p, max_nodes, size, repeats)
        out += rows
        pages[max_nodes] = (rows[0]["detail"]["nodes"], page)
    return out + browser_results(pages, size, repeats)
