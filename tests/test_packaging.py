"""A plain ``pip install .`` into a fresh virtualenv outside the repo gives a working ``relgraph``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_pip_install_into_fresh_venv_outside_the_repo(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(REPO)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr[-3000:]
    relgraph = env_dir / "bin" / "relgraph"
    work = tmp_path / "elsewhere"
    work.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(relgraph), *args], capture_output=True, text=True, env=env, cwd=work, timeout=300
        )

    assert run("--help").returncode == 0
    demo = run("--store", "sqlite:///net.db", "demo", "--json")
    assert demo.returncode == 0, demo.stderr
    assert json.loads(demo.stdout)["records"]["people"] >= 80
    summary = run("--store", "sqlite:///net.db", "summary", "--json")
    assert json.loads(summary.stdout)["counts"]["people"] >= 80
    # The installed package must not be the source tree.
    where = subprocess.run(
        [str(python), "-c", "import relgraph, sys; print(relgraph.__file__)"],
        capture_output=True, text=True, env=env, cwd=work, check=True,
    )  # fmt: skip
    assert str(REPO) not in where.stdout and sys.prefix not in where.stdout
