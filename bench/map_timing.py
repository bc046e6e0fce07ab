"""Time map generation and the browser layout: the demo map and a 2,000-node focus map.

    python bench/map_timing.py [--people 3000] [--max-nodes 2000] [--repeat 3] [-o bench/map-timing.json]

For each map: the analyses the map needs (influence scores and weak links: key contacts with betweenness, computed
once per projection and reused by every later map of it), building the map (filters, cap, pyvis), rendering the
page served (assets from /static) and inlined (one offline file), the page sizes (and the served page gzipped),
and, in headless chromium (``RELGRAPH_CHROMIUM`` or ``chromium`` on PATH), served from 127.0.0.1, the median of
--repeat fresh loads of: ``settle_ms`` from navigation until the layout has settled and physics stopped,
``script_ms`` the part of it from the page script's start, ``setup_ms`` parsing the data and building the
vis-network objects (the rest of ``script_ms`` is the layout itself). The focus map is centred on the best-connected outside
person of a generated network of --people people, two steps deep, capped at --max-nodes.
Progress to stderr; JSON to stdout and -o.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from relgraph.demo import build_demo_network
from relgraph.generate import generate_network
from relgraph.maps import STATIC_DIR, MapOptions, NetworkMap, build_map, render_html
from relgraph.maps.info import weak_link_index
from relgraph.maps.select import map_importance
from relgraph.projection import Projection, project

TODAY = date(2026, 1, 15)


def timed(label: str, call: Callable[[], Any], times: dict[str, float]) -> Any:
    start = time.perf_counter()
    result = call()
    times[label] = round(time.perf_counter() - start, 3)
    print(f"    {label}: {times[label]:.2f} s", file=sys.stderr)
    return result


def measure(p: Projection, options: MapOptions) -> tuple[dict[str, Any], dict[str, str]]:
    """Generation times and sizes of one map; the two pages (served, inlined)."""
    times: dict[str, float] = {}
    timed("analyses_seconds", lambda: (map_importance(p), weak_link_index(p)), times)
    m: NetworkMap = timed("build_seconds", lambda: build_map(p, options), times)
    served = timed("render_served_seconds", lambda: render_html(m, asset_base="/static"), times)
    inlined = timed("render_inlined_seconds", lambda: render_html(m, asset_base=None), times)
    row = {
        "nodes": len(m.nodes), "edges": len(m.edges), "matched_nodes": m.matched_nodes,
        "matched_edges": m.matched_edges, "omitted_nodes": m.omitted_nodes, "omitted_edges": m.omitted_edges,
        **times,
        "generation_seconds": round(times["build_seconds"] + times["render_served_seconds"], 3),
        "html_bytes_served": len(served.html.encode()),
        "html_bytes_served_gzip": len(gzip.compress(served.html.encode(), 6)),
        "html_bytes_inlined": len(inlined.html.encode()),
        "static_bytes": sum((STATIC_DIR / n).stat().st_size
                            for n in ("vis-network.min.js", "relgraph-map.js", "relgraph-map.css")),
    }  # fmt: skip
    return row, {"served": served.html, "csp": served.content_security_policy}


@contextmanager
def serving(pages: dict[str, tuple[str, str]]) -> Iterator[str]:
    """Serve ``{path: (html, csp)}`` and STATIC_DIR at /static on 127.0.0.1."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            if self.path.startswith("/static/"):
                name = self.path.removeprefix("/static/")
                if name not in {p.name for p in STATIC_DIR.iterdir()}:
                    self.send_error(404)
                    return
                body, kind, csp = (STATIC_DIR / name).read_bytes(), "text/javascript", None
                kind = "text/css" if name.endswith(".css") else kind
            elif self.path in pages:
                html, csp = pages[self.path]
                body, kind = html.encode(), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if csp:
                self.send_header("Content-Security-Policy", csp)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def browser_times(url: str, repeat: int) -> dict[str, Any]:
    """Milliseconds from navigation until the layout settled (median of ``repeat`` fresh loads)."""
    from playwright.sync_api import sync_playwright

    path = os.environ.get("RELGRAPH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    settle, layout, setup, errors = [], [], [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(url)
            page.wait_for_selector(
                "body[data-stabilized='true']", state="attached", timeout=300_000
            )
            data = page.evaluate("() => ({...document.body.dataset})")
            settle.append(float(data["stabilizedMs"]))
            layout.append(float(data["layoutMs"]))
            setup.append(float(data["dataMs"]) + float(data["networkMs"]))
            page.close()
        version = browser.version
        browser.close()
    print(f"    browser settle: {statistics.median(settle):.0f} ms", file=sys.stderr)
    return {"chromium": version, "settle_ms_median": round(statistics.median(settle)),
            "settle_ms": [round(s) for s in settle],
            "script_ms_median": round(statistics.median(layout)),
            "setup_ms_median": round(statistics.median(setup)), "console_errors": errors}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--max-nodes", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("-o", "--output")
    args = parser.parse_args()
    runs: list[tuple[str, Projection, MapOptions, dict[str, Any]]] = []
    print("demo network", file=sys.stderr)
    demo = project(build_demo_network(TODAY), as_of=TODAY)
    runs.append(("demo", demo, MapOptions(), {"map": "whole network, default options"}))
    print(f"generated network, {args.people} people", file=sys.stderr)
    big = project(generate_network(args.people, seed=1, today=TODAY), as_of=TODAY)
    outsiders = [n for n in big.people if not big.people[n].internal]
    focus = max(outsiders, key=lambda n: (big.graph.degree(n), n))
    options = MapOptions(focus=focus, depth=2, max_nodes=args.max_nodes)
    runs.append(("focus", big, options, {"map": f"focus {focus}, depth 2, max_nodes {args.max_nodes}",
                                         "network_nodes": big.graph.number_of_nodes(),
                                         "network_edges": big.graph.number_of_edges()}))  # fmt: skip
    results = []
    for name, p, opts, about in runs:
        print(f"  map: {name}", file=sys.stderr)
        row, page = measure(p, opts)
        entry = {"name": name, **about, **row}
        if not args.no_browser:
            with serving({"/map": (page["served"], page["csp"])}) as base:
                entry["browser"] = browser_times(base + "/map", args.repeat)
        results.append(entry)
    report = {"benchmark": "map_timing", "as_of": TODAY.isoformat(),
              "machine": {"python": platform.python_version(), "cpu_count": os.cpu_count(),
                          "platform": platform.platform()}, "results": results}  # fmt: skip
    text = json.dumps(report, indent=2)
    print(text)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")


if __name__ == "__main__":
    main()
