"""API stage: latency of a cached analysis endpoint under concurrent load, from a separate process.

The real server (``python -m relgraph serve``, keys off) runs in its own process on the benchmark's SQLite file.
One GET of ``/api/analysis/key-contacts`` warms its cache (projection and centralities; timed as the cold request)
and an untimed round of WARMUP_REQUESTS per client warms the rest;
then this process runs CLIENTS threads, each with its own keep-alive ``http.client`` connection (light on the
client's CPU, which shares the machine with the server), started together, each
sending REQUESTS requests to ``/api/analysis/key-contacts?limit=20``. Latency is per request, client side.
"""

from __future__ import annotations

import http.client
import math
import os
import resource
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench_common import log, peak_rss_mb, result, sqlite_path, timed

CLIENTS = 20
REQUESTS = 50
#: Untimed requests per client before the measured runs (server threads, connections, lazy imports).
WARMUP_REQUESTS = 5
ENDPOINT = "/api/analysis/key-contacts?limit=20"
P99_TARGET_S = 0.050
REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=600) as response:
        return bytes(response.read())


def _wait_ready(base: str, process: subprocess.Popen[bytes], log_file: Path) -> None:
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/ready", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"relgraph serve did not become ready:\n{log_file.read_text()}")
        time.sleep(0.2)


@contextmanager
def serving(db: Path, folder: Path, workers: int = 1) -> Iterator[str]:
    """``relgraph serve --workers N`` on a free port of 127.0.0.1 over ``db``; its base URL."""
    port, log_file = _free_port(), folder / "serve.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "src"), str(REPO),
                                                                     os.environ.get("PYTHONPATH")]))}  # fmt: skip
    # --no-warm: the cold request below measures computing the first answer, not waiting for a start-up warm-up
    # (with 2 workers both warm at once, and the first request shares the cores with the other's warm-up).
    command = [sys.executable, "-m", "relgraph", "--store", f"sqlite:///{db}", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--no-auth", "--no-warm", "--keys-file", str(folder / "keys.db"),
               "--log-level", "warning", "--workers", str(workers)]  # fmt: skip
    with log_file.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_ready(base, process, log_file)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


def client(
    base: str, start: threading.Barrier, latencies: list[float], failures: list[str], requests: int
) -> None:
    """One client: a keep-alive connection, ``requests`` requests one after another."""
    url = urlsplit(base)
    # Generous: during the warm-up, each further worker computes its first (cold) answer.
    connection = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=300)
    start.wait()
    for _ in range(requests):
        t0 = time.perf_counter()
        connection.request("GET", ENDPOINT)
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - t0)
        if response.status != 200:
            failures.append(str(response.status))
    connection.close()


def load(base: str, requests: int = REQUESTS) -> tuple[list[float], float, list[str]]:
    """Latencies of CLIENTS × ``requests`` concurrent requests; the wall time; failures."""
    latencies: list[float] = []
    failures: list[str] = []
    start = threading.Barrier(CLIENTS + 1)
    threads = [threading.Thread(target=client, args=(base, start, latencies, failures, requests))
               for _ in range(CLIENTS)]  # fmt: skip
    for thread in threads:
        thread.start()
    start.wait()
    t0 = time.perf_counter()
    for thread in threads:
        thread.join()
    return latencies, time.perf_counter() - t0, failures


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def run(size: int, workdir: Path, repeats: int) -> list[dict[str, Any]]:
    results = []
    for workers in sorted({1, min(os.cpu_count() or 1, 4)}):
        results += _run_with(size, workdir, repeats, workers)
    return results


def _run_with(size: int, workdir: Path, repeats: int, workers: int) -> list[dict[str, Any]]:
    runs = []
    log(f"  API with {workers} worker(s)")
    with serving(sqlite_path(workdir), workdir, workers) as base:
        cold_s, _ = timed(lambda: _get(base + ENDPOINT))
        log(f"  cold request: {cold_s:.2f} s")
        load(
            base, WARMUP_REQUESTS
        )  # untimed; with several workers it also warms each worker's cache
        for _ in range(repeats):
            runs.append(load(base))
            latencies, wall, _ = runs[-1]
            log(f"  {len(latencies)} requests: p50 {percentile(latencies, 0.5) * 1000:.1f} ms, "
                f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms, {len(latencies) / wall:.0f} req/s")  # fmt: skip
    server_mb = peak_rss_mb(resource.RUSAGE_CHILDREN)
    load_info = {"clients": CLIENTS, "requests_per_client": REQUESTS, "endpoint": ENDPOINT, "workers": workers,
                 "failures": sum(len(f) for *_, f in runs)}  # fmt: skip
    how = f"cached, 20 clients, {workers} worker{'s' if workers > 1 else ''}"
    return [
        result(f"API cold request (key-contacts, {workers} worker{'s' if workers > 1 else ''})", size, [cold_s], "s"),
        result(f"API p50 latency ({how})", size, [percentile(lat, 0.5) * 1000 for lat, *_ in runs], "ms", **load_info),
        result(f"API p99 latency ({how})", size, [percentile(lat, 0.99) * 1000 for lat, *_ in runs], "ms",
               target=("<=", P99_TARGET_S * 1000), **load_info),
        result(f"API max latency ({how})", size, [max(lat) * 1000 for lat, *_ in runs], "ms"),
        result(f"API throughput ({how})", size, [len(lat) / wall for lat, wall, _ in runs], "req/s"),
        result(f"peak memory: API server ({workers} worker{'s' if workers > 1 else ''})", size, [server_mb], "MB",
               note="ru_maxrss of the largest server process so far"),
    ]  # fmt: skip
