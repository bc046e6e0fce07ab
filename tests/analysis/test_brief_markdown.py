"""Markdown rendering of the briefs (relgraph.briefs_markdown): escaping and table safety."""

from __future__ import annotations

import re

from relgraph.analysis.briefs import community_plan, negotiation_brief
from relgraph.briefs_markdown import community_markdown, escape, negotiation_markdown
from relgraph.model import RelType
from tests.analysis.builders import meet, network, org, ours, person, projected, tie, works_at


def _hostile_names():
    return network(
        people=[
            ours("u1", name="Ann *bold*"),
            person("cfo", name="Bob | Pipe <script>alert(1)</script>"),
            person("coo", name="_Cat_ [link](http://x)\nNewline"),
        ],
        organizations=[org("acme", "client", name="Acme # | *Corp*"), org("us", "own")],
        relationships=[
            works_at("u1", "us"),
            works_at("cfo", "acme", "decision_maker", title="C|F|O"),
            works_at("coo", "acme", "blocker"),
            tie("u1", "coo", 0.8),
            tie("coo", "cfo", 0.8, type=RelType.INFLUENCES),
        ],
        interactions=[meet(3, "u1", "coo", organization="acme")],
    )


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_escape():
    assert escape("a*b_c`d[e]f|g~h#i\\j") == "a\\*b\\_c\\`d\\[e\\]f\\|g\\~h\\#i\\\\j"
    assert escape("<b>&") == "&lt;b&gt;&amp;"
    assert escape("two\nlines") == "two lines"


def test_names_cannot_break_tables_or_inject_html():
    proj = projected(_hostile_names())
    for text in (
        negotiation_markdown(negotiation_brief(proj, "acme")),
        community_markdown(community_plan(proj, "acme")),
    ):
        assert "<script>" not in text and not re.search(r"(?<!\\)\]\(", text)
        assert "Bob \\| Pipe &lt;script&gt;" in text
        rows = [line for line in text.splitlines() if line.startswith("|")]
        assert rows
        tables: list[list[str]] = [[]]
        for line in text.splitlines():
            if line.startswith("|"):
                tables[-1].append(line)
            elif tables[-1]:
                tables.append([])
        for table in (t for t in tables if t):
            assert len({_unescaped_pipes(line) for line in table}) == 1, table


def test_sections_in_order_and_missing_data_first():
    text = negotiation_markdown(negotiation_brief(projected(_hostile_names()), "acme"))
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [h.split(" ", 2)[1] for h in headings[:8]] == [f"{n}." for n in range(1, 9)]
    assert text.index("**Missing data**") < text.index("## 1.")
