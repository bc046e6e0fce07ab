"""The demo network's planted structures show up in the brief for the key client and the plan for the municipality."""

from __future__ import annotations

import pytest

from relgraph.analysis.briefs import change_report_between, community_plan, negotiation_brief
from relgraph.briefs_markdown import change_markdown, community_markdown, negotiation_markdown
from relgraph.demo import (
    BLOCKER,
    BROKER,
    CLIENT_CEO,
    CLIENT_CFO,
    COMPETITOR,
    COOLING_TIE,
    DECISION_MAKERS,
    KEY_ACCOUNT_MANAGER,
    KEY_CLIENT,
    KEY_CLIENT_OWNER,
    MAYOR,
    MUNICIPALITY,
    NEGATIVE_TIE,
    OPPONENTS,
    OUR_CEO,
    SINGLE_THREAD_COLLEAGUE,
    build_demo_network,
)
from relgraph.projection import Projection, project
from tests.analysis.builders import AS_OF


@pytest.fixture(scope="module")
def demo() -> Projection:
    return project(build_demo_network(AS_OF), as_of=AS_OF)


def _risks(brief, kind):
    return [r for r in brief.risks if r.kind == kind]


def test_key_client_brief(demo):
    brief = negotiation_brief(demo, KEY_CLIENT)
    assert {e.person for e in brief.coverage.entries} == DECISION_MAKERS
    covered = {e.person: e for e in brief.coverage.entries}
    assert not covered[CLIENT_CFO].covered and covered[CLIENT_CEO].covered
    assert [t.person for t in covered[CLIENT_CEO].through] == [OUR_CEO]
    assert [p.person for p in brief.paths] == [CLIENT_CFO]
    assert list(COOLING_TIE) in [r.people for r in _risks(brief, "cooling_tie")]
    assert [r.people for r in _risks(brief, "single_thread_decision_maker")] == [
        [CLIENT_CEO, OUR_CEO]
    ]
    (blocker,) = _risks(brief, "blocker")
    assert blocker.people == [BLOCKER]
    assert "p-victor-hale" in [r.id for r in blocker.listens_to]
    assert [r.id for r in blocker.sways] == [CLIENT_CFO]
    assert list(NEGATIVE_TIE) in [r.people for r in _risks(brief, "negative_tie")]
    assert {KEY_CLIENT_OWNER, COMPETITOR} <= {r.id for r in brief.related}
    first = brief.recommendations[0]
    assert (first.who, first.whom) == (KEY_ACCOUNT_MANAGER, CLIENT_CFO)
    assert "influences them" in first.why
    second_thread = [r for r in brief.recommendations if r.whom == CLIENT_CEO]
    assert second_thread and second_thread[0].who != OUR_CEO
    assert all(r.evidence for r in brief.recommendations) and all(r.evidence for r in brief.risks)


def test_municipality_plan(demo):
    plan = community_plan(demo, MUNICIPALITY)
    assert plan.notes == []
    assert MAYOR in [o.id for o in plan.officials]
    assert plan.coverage.our_people == [SINGLE_THREAD_COLLEAGUE]
    assert [b.id for b in plan.bridges] == [BROKER]
    opponents = [c for c in plan.coalitions if c.label == "opponents"]
    assert len(OPPONENTS & {r.id for c in opponents for r in c.opponents}) >= 3
    first = plan.recommendations[0]
    assert (
        first.finding == f"single_threaded:{SINGLE_THREAD_COLLEAGUE}"
        and first.who == SINGLE_THREAD_COLLEAGUE
    )
    assert {r.through[0] for r in plan.recommendations if r.finding.startswith("group:")} == {
        BROKER
    }
    assert all(0 <= e.power <= 1 and 0 <= e.interest <= 1 for e in plan.engagement)
    assert all(r.evidence for r in plan.recommendations)


def test_demo_documents_render(demo):
    text = negotiation_markdown(negotiation_brief(demo, KEY_CLIENT))
    assert text.startswith("# Negotiation brief: Northwind Logistics")
    assert "## 8. Recommended next actions" in text and "## Evidence" in text
    text = community_markdown(community_plan(demo, MUNICIPALITY))
    assert "Tomás Herrera" in text and "single-threaded" in text
    report = change_report_between(build_demo_network(AS_OF), end=AS_OF)
    assert change_markdown(report).startswith("# Changes from")
