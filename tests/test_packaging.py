"""A plain ``pip install .`` into a fresh virtualenv outside the repo gives a working ``relgraph``."""

from __future__ import annotations

import json
import os
import subprocess
import venv
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
Runner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Runner]:
    """relgraph installed from the source tree (not editable) into a new venv; a runner for its command."""
    root = tmp_path_factory.mktemp("pip-install")
    env_dir = root / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(REPO)],
        capture_output=True, text=True, env=env, cwd=root, timeout=600,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr[-3000:]
    work = root / "elsewhere"
    work.mkdir()

    def run(
        *args: str, extra_env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        command = [str(env_dir / "bin" / "relgraph"), *args]
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            env={**env, **(extra_env or {})},
            cwd=work,
            timeout=300,
        )

    return python, run


@pytest.mark.slow
def test_installed_package_works_on_sqlite(installed: tuple[Path, Runner]) -> None:
    python, run = installed
    assert run("--help").returncode == 0
    demo = run("--store", "sqlite:///net.db", "demo", "--json")
    assert demo.returncode == 0, demo.stderr
    assert json.loads(demo.stdout)["records"]["people"] >= 80
    summary = run("--store", "sqlite:///net.db", "summary", "--json")
    assert json.loads(summary.stdout)["counts"]["people"] >= 80
    where = subprocess.run(
        [str(python), "-c", "import relgraph, pathlib; print(pathlib.Path(relgraph.__file__).parent)"],
        capture_output=True, text=True, check=True, cwd=python.parent,
    )  # fmt: skip
    package = Path(where.stdout.strip())
    assert REPO not in package.parents, "the test must exercise the installed copy"
    assert (package / "cypher" / "schema.cypher").is_file(), (
        "the Cypher files must ship in the wheel"
    )


@pytest.mark.slow
@pytest.mark.neo4j
def test_installed_package_works_on_neo4j(
    installed: tuple[Path, Runner], neo4j_settings: dict[str, str | None]
) -> None:
    _, run = installed
    env = {"RELGRAPH_STORE": neo4j_settings["url"] or ""}
    if neo4j_settings["password"]:
        env |= {"RELGRAPH_NEO4J_USER": neo4j_settings["user"] or "neo4j",
                "RELGRAPH_NEO4J_PASSWORD": neo4j_settings["password"]}  # fmt: skip
    assert run("init", extra_env=env).returncode == 0
    demo = run("demo", "--reset", "--json", extra_env=env)
    assert demo.returncode == 0, demo.stderr
    summary = run("summary", "--json", extra_env=env)
    assert json.loads(summary.stdout)["counts"] == json.loads(demo.stdout)["records"]
    run("migrate", "--from", env["RELGRAPH_STORE"], "--to", "sqlite:///copy.db", extra_env=env)
    copy = run("--store", "sqlite:///copy.db", "summary", "--json")
    assert json.loads(copy.stdout)["counts"] == json.loads(demo.stdout)["records"]
