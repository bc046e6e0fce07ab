"""The CLI: every command has help; --json output is clean JSON on stdout; errors go to stderr."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from relgraph.cli import app
from relgraph.io.jsonio import network_to_json
from tests.helpers import small_network

runner = CliRunner()


def _commands(command: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Walk the command tree (typer vendors its own click, so this goes by shape, not class)."""
    found = [(path, command)]
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            found += _commands(sub, (*path, name))
    return found


ALL_COMMANDS = _commands(typer.main.get_command(app))


@pytest.mark.parametrize(
    ("path", "command"), ALL_COMMANDS, ids=[" ".join(p) or "relgraph" for p, _ in ALL_COMMANDS]
)
def test_every_command_has_help(path: tuple[str, ...], command: Any) -> None:
    assert command.help and command.help.strip(), f"'relgraph {' '.join(path)}' has no help text"
    for param in command.params:
        if param.param_type_name == "option" and param.name not in {"help"}:
            assert param.help, f"option {param.opts} of 'relgraph {' '.join(path)}' has no help"
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_expected_commands_exist() -> None:
    names = {" ".join(p) for p, _ in ALL_COMMANDS}
    assert {"init", "import", "export", "demo", "summary", "people list", "people show", "generate", "migrate",
            "organizations list", "organizations show", "analyze key-contacts", "analyze brokers",
            "analyze weak-links", "analyze paths", "analyze communities", "analyze grid",
            "analyze what-if"} <= names  # fmt: skip


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture
def network_file(tmp_path: Path) -> Path:
    path = tmp_path / "network.json"
    path.write_text(network_to_json(small_network()), encoding="utf-8")
    return path


def test_import_then_list_as_json(store_url: str, network_file: Path) -> None:
    result = runner.invoke(app, ["--store", store_url, "import", str(network_file), "--json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["records"]["people"] == 4
    listed = runner.invoke(
        app, ["--store", store_url, "people", "list", "--organization", "client", "--json"]
    )
    assert [p["id"] for p in json.loads(listed.stdout)["items"]] == ["bob", "cat"]
    shown = runner.invoke(app, ["--store", store_url, "organizations", "show", "client", "--json"])
    assert json.loads(shown.stdout)["value"] == 250000


def test_store_comes_from_environment(store_url: str, network_file: Path) -> None:
    env = {"RELGRAPH_STORE": store_url}
    assert runner.invoke(app, ["import", str(network_file)], env=env).exit_code == 0
    result = runner.invoke(app, ["people", "list", "--json"], env=env)
    assert json.loads(result.stdout)["total"] == 4


def test_import_errors_exit_non_zero_on_stderr_and_write_nothing(
    store_url: str, tmp_path: Path
) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id,name,influence\np1,One,3\np2,Two,9\n", encoding="utf-8")
    result = runner.invoke(app, ["--store", store_url, "import", str(people)])
    assert result.exit_code == 1
    assert "people.csv:3: influence: Input should be less than or equal to 5" in result.stderr
    assert result.stdout == ""
    as_json = runner.invoke(app, ["--store", store_url, "import", str(people), "--json"])
    assert json.loads(as_json.stdout) == {
        "ok": False,
        "problems": [{"file": "people.csv", "row": "3", "field": "influence",
                      "reason": "Input should be less than or equal to 5"}],
    }  # fmt: skip
    listed = runner.invoke(app, ["--store", store_url, "people", "list", "--json"])
    assert json.loads(listed.stdout)["total"] == 0


def test_dry_run_writes_nothing(store_url: str, network_file: Path) -> None:
    result = runner.invoke(app, ["--store", store_url, "import", "--dry-run", str(network_file)])
    assert result.exit_code == 0 and "would import" in result.stdout
    listed = runner.invoke(app, ["--store", store_url, "people", "list", "--json"])
    assert json.loads(listed.stdout)["total"] == 0


def test_progress_bar_goes_to_stderr(store_url: str, network_file: Path) -> None:
    result = runner.invoke(
        app, ["--store", store_url, "import", "--progress", "--json", str(network_file)]
    )
    assert result.exit_code == 0
    assert "importing" in result.stderr
    json.loads(result.stdout)  # stdout stays machine-clean


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf"])
def test_export_to_stdout_and_file(
    store_url: str, network_file: Path, tmp_path: Path, fmt: str
) -> None:
    runner.invoke(app, ["--store", store_url, "import", str(network_file)])
    to_stdout = runner.invoke(app, ["--store", store_url, "export", "--format", fmt])
    assert to_stdout.exit_code == 0 and to_stdout.stdout
    target = tmp_path / f"out.{fmt}"
    to_file = runner.invoke(app, ["--store", store_url, "export", "-f", fmt, "-o", str(target)])
    assert to_file.exit_code == 0
    assert target.read_text(encoding="utf-8") == to_stdout.stdout


def test_export_csv_needs_a_destination(store_url: str, network_file: Path, tmp_path: Path) -> None:
    runner.invoke(app, ["--store", store_url, "import", str(network_file)])
    assert runner.invoke(app, ["--store", store_url, "export", "-f", "csv"]).exit_code == 1
    result = runner.invoke(
        app, ["--store", store_url, "export", "-f", "csv", "-o", str(tmp_path / "csv")]
    )
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "interactions.csv", "organizations.csv", "people.csv", "relationships.csv"]  # fmt: skip


def test_show_unknown_record_is_a_clear_error(store_url: str) -> None:
    result = runner.invoke(app, ["--store", store_url, "people", "show", "nobody"])
    assert result.exit_code == 1
    assert "no person with id 'nobody'" in result.stderr


def test_unknown_store_url_is_a_clear_error() -> None:
    result = runner.invoke(app, ["--store", "postgres://u:secret@db/x", "summary"])
    assert result.exit_code == 1
    assert "unknown store URL" in result.stderr and "secret" not in result.stderr


def test_data_is_never_read_as_markup(store_url: str, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id,name\np1,[bold red]Mallory[/bold red]\n", encoding="utf-8")
    runner.invoke(app, ["--store", store_url, "import", str(people)])
    result = runner.invoke(app, ["--store", store_url, "people", "list"])
    assert "[bold red]Mallory[/bold red]" in result.stdout


def test_demo_and_summary(store_url: str) -> None:
    result = runner.invoke(app, ["--store", store_url, "demo", "--json"])
    assert result.exit_code == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["records"]["people"] >= 80
    again = runner.invoke(app, ["--store", store_url, "demo", "--json"])
    assert not any(
        json.loads(again.stdout)["written"]["created"].values()
    )  # loading twice adds nothing
    summary = runner.invoke(app, ["--store", store_url, "summary", "--json"])
    data = json.loads(summary.stdout)
    assert data["counts"] == loaded["records"]
    text = runner.invoke(app, ["--store", store_url, "summary"])
    assert "relgraph network summary" in text.stdout


def test_generate_writes_importable_files(store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "gen"
    result = runner.invoke(app, ["generate", "--people", "300", "--seed", "3", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    imported = runner.invoke(app, ["--store", store_url, "import", str(out), "--json"])
    assert imported.exit_code == 0, imported.stderr
    assert json.loads(imported.stdout)["records"]["people"] == 300


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("relgraph ")
