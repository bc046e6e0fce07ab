"""Run ``relgraph serve`` as a real process on 127.0.0.1 (for end-to-end and browser tests)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def relgraph_serve(store: str, folder: Path, *extra: str, timeout: float = 60.0) -> Iterator[str]:
    """Start ``relgraph serve`` on a free port; yield its base URL; stop it afterwards."""
    port = free_port()
    log = (folder / "serve.log").open("wb")
    command = [sys.executable, "-m", "relgraph", "--store", store, "serve", "--host", "127.0.0.1",
               "--port", str(port), "--keys-file", str(folder / "keys.db"), "--log-level", "warning", *extra]  # fmt: skip
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/ready", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"relgraph serve did not become ready:\n{(folder / 'serve.log').read_text()}"
                )
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()
