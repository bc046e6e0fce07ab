"""docker-compose.yml and the Dockerfile, checked for structure (no Docker engine runs here)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_neo4j_service(compose: dict[str, Any]) -> None:
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    env = neo4j["environment"]
    assert env["NEO4J_dbms_usage__report_enabled"] == "false"
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD:\?.+\}", env["NEO4J_AUTH"]), (
        "password must come from the environment"
    )
    health = " ".join(neo4j["healthcheck"]["test"])
    assert "cypher-shell" in health and "RETURN 1" in health
    assert "$${NEO4J_AUTH" in health  # escaped for compose, expanded by the container's shell
    volume, mount = neo4j["volumes"][0].split(":")
    assert mount == "/data" and volume in compose["volumes"]
    assert all(port.startswith("127.0.0.1:") for port in neo4j["ports"])


def test_api_service_waits_for_a_healthy_neo4j_and_uses_it(compose: dict[str, Any]) -> None:
    api = compose["services"]["api"]
    assert api["build"] == "."
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    env = api["environment"]
    assert env["RELGRAPH_STORE"].startswith("neo4j://neo4j:")
    assert env["RELGRAPH_NEO4J_PASSWORD"].startswith("${NEO4J_PASSWORD")
    assert api["command"][:2] == ["relgraph", "serve"]
    # Keys survive a restart: their file lives on a named volume.
    keys_dir = env["RELGRAPH_KEYS_FILE"].rsplit("/", 1)[0]
    assert any(
        v.split(":")[1] == keys_dir and v.split(":")[0] in compose["volumes"]
        for v in api["volumes"]
    )


def test_the_api_service_runs_the_same_serve_command_as_the_cli() -> None:
    from typer.main import get_command

    from relgraph.cli import app

    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    command = compose["services"]["api"]["command"]
    serve = get_command(app).commands["serve"]  # type: ignore[attr-defined]
    options = {opt for p in serve.params for opt in p.opts}
    assert all(arg in options for arg in command[2:] if arg.startswith("--"))


def test_no_secret_is_written_into_the_file() -> None:
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    assert not re.search(r"PASSWORD:\s*['\"]?[A-Za-z0-9]{4,}['\"]?\s*$", text, re.MULTILINE)


def test_dockerfile_installs_the_package_with_its_cypher_files() -> None:
    lines = (REPO / "Dockerfile").read_text(encoding="utf-8").splitlines()
    instructions = [ln.split()[0] for ln in lines if ln and not ln.startswith("#")]
    assert instructions[0] == "FROM"
    text = "\n".join(lines)
    assert "COPY cypher ./cypher" in text and "pip install ." in text
    assert "USER relgraph" in text  # not root
    assert '"relgraph", "serve"' in text
