"""Briefs as documents: the CLI's three formats and the HTML page's safety (data never becomes markup)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relgraph.analysis.briefs import community_plan, negotiation_brief
from relgraph.briefs_html import community_html, markdown_to_html, negotiation_html
from relgraph.cli import app
from relgraph.demo import KEY_CLIENT, MUNICIPALITY, build_demo_network
from relgraph.model import Network, Person, Relationship
from relgraph.projection import project
from relgraph.store.sqlite import SQLiteStore

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    "**bold** | [link](javascript:x)",
]


@pytest.fixture(scope="module")
def hostile_network() -> Network:
    demo = build_demo_network()
    people = [
        Person(id=f"p-x{i}", name=name, title=name, influence=5, stance=-2)
        for i, name in enumerate(HOSTILE)
    ]
    ties = [Relationship(source=p.id, target=org, type="WORKS_AT", decision_role="decision_maker")
            for p in people for org in (KEY_CLIENT,)] + [
            Relationship(source=p.id, target=MUNICIPALITY, type="MEMBER_OF") for p in people]  # fmt: skip
    return demo.model_copy(
        update={"people": [*demo.people, *people], "relationships": [*demo.relationships, *ties]}
    )


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory, hostile_network: Network) -> str:
    path = tmp_path_factory.mktemp("briefs") / "briefs.db"
    with SQLiteStore(path) as store:
        store.upsert(hostile_network)
    return f"sqlite:///{path}"


def _visible_markup(html: str) -> str:
    """The page without its JSON data block (which carries names as escaped JSON, never as markup)."""
    return re.sub(r'<script type="application/json".*?</script>', "", html, flags=re.S)


@pytest.mark.parametrize("render", [negotiation_html, community_html])
def test_html_pages_show_hostile_names_only_as_text(
    hostile_network: Network, render: object
) -> None:
    projection = project(hostile_network)
    make = negotiation_brief if render is negotiation_html else community_plan
    org = KEY_CLIENT if render is negotiation_html else MUNICIPALITY
    page = render(make(projection, org), projection)  # type: ignore[operator]
    visible = _visible_markup(page.html)
    assert "<img" not in visible and "alert(2)</script>" not in visible
    assert 'href="javascript' not in page.html
    assert "&lt;img src=x onerror=alert(1)&gt;" in visible, "the name is shown, as text"
    assert (
        "'unsafe-inline'" not in page.content_security_policy.split("script-src")[1].split(";")[0]
    )
    assert not re.search(r"""(src|href)=["']https?://""", page.html), (
        "nothing is loaded from outside"
    )


def test_markdown_to_html_never_passes_raw_html() -> None:
    assert "<b>" not in str(markdown_to_html("<b>x</b> <script>alert(1)</script>"))
    assert "<table>" in str(markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |"))


def test_cli_formats(store_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    markdown = runner.invoke(app, ["--store", store_url, "brief", "negotiation", KEY_CLIENT])
    assert markdown.exit_code == 0 and markdown.stdout.startswith(
        "# Negotiation brief: Northwind Logistics"
    )
    as_json = runner.invoke(
        app, ["--store", store_url, "brief", "community", MUNICIPALITY, "-f", "json"]
    )
    body = json.loads(as_json.stdout)
    assert body["brief"] == "community" and body["result"]["organization"] == MUNICIPALITY
    page = tmp_path / "out" / "brief.html"
    written = runner.invoke(
        app,
        ["--store", store_url, "brief", "negotiation", KEY_CLIENT, "-f", "html", "-o", str(page)],
    )
    assert written.exit_code == 0 and written.stdout == ""
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'http-equiv="Content-Security-Policy"' in html
    assert list(page.parent.iterdir()) == [page], "no temporary file is left behind"


def test_cli_change_report(store_url: str) -> None:
    runner = CliRunner()
    report = runner.invoke(
        app,
        [
            "--store",
            store_url,
            "brief",
            "changes",
            "--since",
            "2026-01-01",
            "--until",
            "2026-06-30",
            "-f",
            "json",
        ],
    )
    body = json.loads(report.stdout)["result"]
    assert (body["before"], body["after"]) == ("2026-01-01", "2026-06-30")
    backwards = runner.invoke(
        app,
        [
            "--store",
            store_url,
            "brief",
            "changes",
            "--since",
            "2026-06-30",
            "--until",
            "2026-01-01",
        ],
    )
    assert backwards.exit_code == 1 and "lies after" in backwards.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["negotiation", "org-nowhere"], 1, "no organisation"),
        (["community", "org-nowhere", "-f", "html"], 1, "no organisation"),
        (["negotiation", KEY_CLIENT, "--as-of", "soon"], 2, "--as-of must be a date"),
        (["negotiation", KEY_CLIENT, "-f", "pdf"], 2, "pdf"),
    ],
)
def test_cli_errors(store_url: str, args: list[str], code: int, message: str) -> None:
    result = CliRunner().invoke(app, ["--store", store_url, "brief", *args])
    assert result.exit_code == code and message in result.stderr and result.stdout == ""
