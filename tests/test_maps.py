"""Maps: filters, node cap, styling rules, escaping, Content-Security-Policy and the `relgraph map` command.

Expected node sets are worked out by hand on ``small_network`` (tests/helpers.py): ann (ours) works at us; bob
(decision maker) and cat work at client; dan works at town. Ties: ann–bob (KNOWS 0.8 and two interactions),
bob–cat (INFLUENCES and a call), ann–cat (the call only). Importance: client 1.0 (client, largest value),
bob 0.785, ann 0.748, town 0.5 (municipality), cat 0.405, dan 0.342, us 0.2 (no account role, no value).
On 2026-03-01 ann–cat and bob–cat have strength 0.236, ann–bob 0.588; on 2026-06-01 (120 days after the last
contact) every person–person tie is cooling.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from relgraph.cli_map import map_command
from relgraph.errors import InvalidInputError, NotFoundError
from relgraph.maps import (
    STATIC_DIR,
    MapOptions,
    NetworkMap,
    build_map,
    organization_map,
    person_map,
    render_html,
)
from relgraph.maps.select import map_importance
from relgraph.maps.style import (
    EDGE_STYLES,
    FOCUS_LABEL,
    KIND_COLORS,
    STANCE_COLORS,
    WEAK_LINK_GLOW,
)
from relgraph.model import Network, Organization, Person, Relationship
from relgraph.projection import Projection, project
from relgraph.settings import StoreSettings
from relgraph.store.sqlite import SQLiteStore
from tests.helpers import small_network

MARCH = date(2026, 3, 1)
JUNE = date(2026, 6, 1)
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"


@pytest.fixture(scope="module")
def march() -> Projection:
    return project(small_network(), as_of=MARCH)


@pytest.fixture(scope="module")
def june() -> Projection:
    return project(small_network(), as_of=JUNE)


def ids(network_map: NetworkMap) -> set[str]:
    return {n["id"] for n in network_map.nodes}


def pairs(network_map: NetworkMap) -> set[frozenset[str]]:
    return {frozenset((e["from"], e["to"])) for e in network_map.edges}


def node(network_map: NetworkMap, node_id: str) -> dict[str, Any]:
    return next(n for n in network_map.nodes if n["id"] == node_id)


def edge(network_map: NetworkMap, a: str, b: str) -> dict[str, Any]:
    return next(e for e in network_map.edges if {e["from"], e["to"]} == {a, b})


# --- filters ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (MapOptions(), {"ann", "bob", "cat", "dan", "us", "client", "town"}),
        (MapOptions(focus="ann", depth=1), {"ann", "us", "bob", "cat"}),
        (MapOptions(focus="ann", depth=2), {"ann", "us", "bob", "cat", "client"}),
        (MapOptions(focus="dan", depth=3), {"dan", "town"}),
        (MapOptions(organization="client"), {"client", "bob", "cat", "ann"}),
        (MapOptions(organization="town"), {"town", "dan"}),
        (MapOptions(community=0), {"ann", "bob", "cat", "us", "client"}),
        (MapOptions(focus="cat", depth=1, min_strength=0.3), {"cat", "client"}),
        (MapOptions(focus="cat", depth=2, min_strength=0.3), {"cat", "client", "bob"}),
        (MapOptions(focus="us", depth=2, organization="client"), {"ann", "bob", "cat"}),
    ],
    ids=lambda v: repr(v) if isinstance(v, MapOptions) else "",
)
def test_filters_select_the_nodes_worked_out_by_hand(
    march: Projection, options: MapOptions, expected: set[str]
) -> None:
    network_map = build_map(march, options)
    assert ids(network_map) == expected
    assert network_map.note is None and network_map.omitted_nodes == 0


def test_min_strength_drops_weak_person_ties_but_keeps_memberships(march: Projection) -> None:
    everything = build_map(march, MapOptions())
    strong = build_map(march, MapOptions(min_strength=0.3))
    assert len(everything.edges) == 7
    assert pairs(everything) - pairs(strong) == {
        frozenset(("ann", "cat")),
        frozenset(("bob", "cat")),
    }
    assert ids(strong) == ids(everything)


def test_unknown_ids_raise_not_found(march: Projection) -> None:
    with pytest.raises(NotFoundError, match="no person or organisation with id 'nobody'"):
        build_map(march, MapOptions(focus="nobody"))
    with pytest.raises(NotFoundError, match="no organisation with id 'bob'"):
        build_map(march, MapOptions(organization="bob"))
    with pytest.raises(NotFoundError, match=r"no community with id 1 \(communities: ids 0 to 0\)"):
        build_map(march, MapOptions(community=1))
    with pytest.raises(NotFoundError, match="no organisation with id 'ann'"):
        organization_map(march, "ann")
    with pytest.raises(NotFoundError, match="no person with id 'client'"):
        person_map(march, "client")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"depth": 0}, "depth must be a whole number from 1 to 6, not 0"),
        ({"depth": True}, "depth must be a whole number"),
        ({"max_nodes": 5001}, "max_nodes must be a whole number from 1 to 5000, not 5001"),
        ({"min_strength": 1.5}, "min_strength must be a number from 0 to 1, not 1.5"),
        ({"min_strength": float("nan")}, "min_strength must be a number from 0 to 1"),
        ({"community": -1}, "community must be a whole number"),
        ({"color_by": "rainbow"}, "color_by must be kind or stance, not 'rainbow'"),
        ({"focus": " "}, "focus must be a non-empty id"),
        ({"seed": -1}, "seed must be a whole number"),
    ],
)
def test_bad_options_are_refused_clearly(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInputError, match=re.escape(message)):
        MapOptions(**kwargs)  # type: ignore[arg-type]


# --- node cap -----------------------------------------------------------------------------------------


def test_node_cap_keeps_the_most_important_nodes_and_says_what_it_left_out(
    march: Projection,
) -> None:
    network_map = build_map(march, MapOptions(max_nodes=3))
    assert [n["id"] for n in network_map.nodes] == ["client", "bob", "ann"]
    assert pairs(network_map) == {frozenset(("bob", "client")), frozenset(("ann", "bob"))}
    assert (network_map.matched_nodes, network_map.matched_edges) == (7, 7)
    assert (network_map.omitted_people, network_map.omitted_organizations) == (2, 2)
    assert network_map.omitted_nodes == 4 and network_map.omitted_edges == 5
    assert network_map.note is not None
    assert network_map.note.startswith("Showing the 3 most important of 7 people and organisations")
    assert "left out 2 people, 2 organisations and 5 ties" in network_map.note
    assert network_map.payload()["omitted"] == {"people": 2, "organizations": 2, "edges": 5}


def test_node_cap_always_keeps_the_focus(march: Projection) -> None:
    network_map = build_map(march, MapOptions(focus="dan", max_nodes=1))
    assert ids(network_map) == {"dan"}  # town is more important, but dan is the focus
    assert (network_map.omitted_people, network_map.omitted_organizations) == (0, 1)


def test_importance_ranks_as_worked_out(march: Projection) -> None:
    weight = map_importance(march)
    assert sorted(weight, key=lambda n: -weight[n]) == [
        "client",
        "bob",
        "ann",
        "town",
        "cat",
        "dan",
        "us",
    ]
    assert (weight["client"], weight["town"], weight["us"]) == (1.0, 0.5, 0.2)


# --- styling rules ------------------------------------------------------------------------------------


def test_shape_by_type_colour_by_kind_size_by_influence(march: Projection) -> None:
    network_map = build_map(march, MapOptions())
    shapes = {n["id"]: n["shape"] for n in network_map.nodes}
    assert shapes == {"ann": "dot", "bob": "dot", "cat": "dot", "dan": "dot", "us": "square",
                      "client": "square", "town": "diamond"}  # fmt: skip
    colours = {n["id"]: n["color"]["background"] for n in network_map.nodes}
    ours, client, public = (KIND_COLORS[k][1] for k in ("ours", "client", "public"))
    assert colours == {"ann": ours, "us": ours, "bob": client, "cat": client, "client": client,
                       "dan": public, "town": public}  # fmt: skip
    assert (node(network_map, "client")["size"], node(network_map, "town")["size"]) == (40.0, 25.0)
    assert node(network_map, "us")["size"] == 16.0
    assert node(network_map, "bob")["borderWidth"] == 3.5  # decision maker: dark ring
    assert node(network_map, "cat")["borderWidth"] == 1.5
    assert node(network_map, "bob")["label"] == "Bob Baker"


def test_colour_by_stance(march: Projection) -> None:
    network_map = build_map(march, MapOptions(color_by="stance"))
    colours = {n["id"]: n["color"]["background"] for n in network_map.nodes}
    assert colours["bob"] == STANCE_COLORS["-1"][1]
    assert colours["dan"] == STANCE_COLORS["2"][1]
    assert colours["cat"] == STANCE_COLORS["unknown"][1]
    assert colours["ann"] == colours["us"] == STANCE_COLORS["ours"][1]
    legend = network_map.legend
    assert legend["colors_title"] == "Colour: stance"
    assert [c["label"] for c in legend["colors"]] == [
        "Ours", "Champion (+2)", "Critic (−1)", "Stance unknown"
    ]  # fmt: skip


def test_edge_width_by_strength_and_status_styles(march: Projection, june: Projection) -> None:
    network_map = build_map(march, MapOptions())
    strength = march.graph.edges["ann", "bob"]["strength"]
    assert edge(network_map, "ann", "bob")["width"] == round(1 + 7 * strength, 2)
    assert edge(network_map, "ann", "us")["width"] == 1.0
    assert edge(network_map, "ann", "us")["color"]["color"] == EDGE_STYLES["member"][1]
    assert "dashes" not in edge(network_map, "ann", "bob")  # solid
    cooling = build_map(june, MapOptions())
    tie = edge(cooling, "ann", "bob")
    assert tie["status"] == "cooling" and tie["dashes"] == [8, 6]
    assert tie["color"]["color"] == EDGE_STYLES["cooling"][1]
    assert "Cooling tie (no contact for months)" in {e["label"] for e in cooling.legend["edges"]}


def test_weak_links_glow_and_say_why(june: Projection) -> None:
    network_map = build_map(june, MapOptions())
    assert (
        edge(network_map, "ann", "bob")["shadow"] == WEAK_LINK_GLOW
    )  # cooling tie to an important person
    assert "shadow" not in edge(network_map, "bob", "cat")  # cooling, but not one of ours
    assert node(network_map, "client")["shadow"] == WEAK_LINK_GLOW  # single-threaded
    assert node(network_map, "town")["shadow"] == WEAK_LINK_GLOW  # uncovered
    assert "shadow" not in node(network_map, "bob")
    flags = edge(network_map, "ann", "bob")["info"]["flags"]
    assert flags == ["Ann Archer's tie to Bob Baker is cooling (no contact for 120 days)"]
    assert node(network_map, "client")["info"]["flags"] == [
        "Client Ltd is reached only through Ann Archer"
    ]


def test_tooltips_carry_name_title_organisation_scores_and_status(june: Projection) -> None:
    network_map = build_map(june, MapOptions())
    bob = node(network_map, "bob")["info"]
    assert bob["heading"] == "Bob Baker" and bob["subheading"] == "CFO"
    rows = dict(bob["rows"])
    assert rows["Works at"] == "Client Ltd — decision maker"
    assert rows["Influence score"] == "0.78"
    assert rows["Stance"] == "-1 (critic)"
    assert rows["Our closest tie"] == "cooling (0.50) with Ann Archer"
    assert dict(node(network_map, "ann")["info"]["rows"])["Status"] == "one of our people"
    tie = dict(edge(network_map, "ann", "bob")["info"]["rows"])
    assert tie["Status"] == "cooling" and tie["Last contact"] == "2026-02-01 (120 days ago)"


def test_the_focus_stands_out(march: Projection) -> None:
    network_map = person_map(march, "dan")
    dan, town = node(network_map, "dan"), node(network_map, "town")
    assert dan["font"]["background"] == FOCUS_LABEL and dan["size"] == 30.0
    assert "background" not in town["font"]
    assert "Yellow label: what the map is centred on" in network_map.legend["notes"]
    assert (
        "Yellow label: what the map is centred on"
        not in build_map(march, MapOptions()).legend["notes"]
    )


def test_titles(march: Projection) -> None:
    assert organization_map(march, "client").title == "Client Ltd and its people"
    assert person_map(march, "dan").title == "Dan Diaz's network (2 steps)"
    assert build_map(march, MapOptions()).title == "Stakeholder network"
    assert build_map(march, MapOptions(focus="ann", depth=1)).title == (
        "Stakeholder network: within 1 step of Ann Archer"
    )
    assert build_map(march, MapOptions()).summary == (
        "4 people, 3 organisations and 7 ties, as of 2026-03-01"
    )


# --- HTML: offline, escaped, CSP ----------------------------------------------------------------------


def hostile_projection() -> Projection:
    base = small_network()
    return project(
        Network(
            people=[
                *base.people,
                Person(id="x1", name=IMG, title=SCRIPT),
                Person(id="x2", name=SCRIPT),
            ],
            organizations=[*base.organizations, Organization(id="o-x", name=f"{IMG} & Co")],
            relationships=[
                *base.relationships,
                Relationship(source="x1", target="bob", type="KNOWS", strength=0.9),
                Relationship(source="x2", target="o-x", type="WORKS_AT", title=IMG),
            ],
            interactions=base.interactions,
        ),
        as_of=MARCH,
    )


LOADING = re.compile(
    r"""(?:\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//)|(?:url\(\s*["']?\s*(?:https?:)?//)|@import""",
    re.IGNORECASE,
)


@pytest.mark.parametrize("asset_base", ["/static", None])
def test_the_page_loads_nothing_from_other_servers(
    march: Projection, asset_base: str | None
) -> None:
    page = render_html(build_map(march, MapOptions()), asset_base=asset_base)
    assert not LOADING.search(page.html)
    if asset_base is not None:
        assert "http://" not in page.html and "https://" not in page.html
        assert re.findall(r'<script src="([^"]+)"', page.html) == [
            "/static/vis-network.min.js", "/static/relgraph-map.js"
        ]  # fmt: skip
        assert '<link rel="stylesheet" href="/static/relgraph-map.css">' in page.html
    else:
        assert "<script src=" not in page.html and '<link rel="stylesheet"' not in page.html


@pytest.mark.parametrize("asset_base", ["/static", None])
def test_names_from_data_are_escaped_everywhere(asset_base: str | None) -> None:
    p = hostile_projection()
    pages = [
        render_html(build_map(p, MapOptions()), asset_base=asset_base).html,
        render_html(organization_map(p, "o-x"), asset_base=asset_base).html,
        render_html(person_map(p, "x1"), asset_base=asset_base).html,
    ]
    for html in pages:
        assert "<img" not in html.lower()
        assert "<script>alert" not in html and "</script><script>" not in html
        data = re.search(
            r'<script type="application/json" id="relgraph-map-data">(.*?)</script>', html, re.S
        )
        assert data is not None
        assert "<" not in data.group(1) and ">" not in data.group(1) and "&" not in data.group(1)
        names = {n["info"]["heading"] for n in json.loads(data.group(1))["nodes"]}
        assert IMG in names or f"{IMG} & Co" in names
    assert (
        "<title>&lt;img src=x onerror=alert(1)&gt; &amp; Co and its people · relgraph</title>"
        in pages[1]
    )


def test_json_for_the_page_survives_line_separators(march: Projection) -> None:
    from relgraph.maps import json_for_html

    text = json_for_html({"name": "a\u2028b\u2029c</script>&"})
    assert "\u2028" not in text and "\u2029" not in text and "<" not in text
    assert json.loads(text) == {"name": "a\u2028b\u2029c</script>&"}


def sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def test_inlined_page_csp_hashes_match_its_scripts(march: Projection) -> None:
    page = render_html(build_map(march, MapOptions()), asset_base=None)
    policy = dict(d.strip().split(" ", 1) for d in page.content_security_policy.split(";"))
    inline = re.findall(r"<script>(.*?)</script>", page.html, re.S)
    assert len(inline) == 2
    assert set(policy["script-src"].split()) == {sha256(s) for s in inline}
    assert inline[0] == (STATIC_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    assert inline[1] == (STATIC_DIR / "relgraph-map.js").read_text(encoding="utf-8")
    assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy["script-src"]
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page.html)
    assert meta is not None
    assert meta.group(1).replace("&#39;", "'") == page.content_security_policy.removesuffix(
        "; frame-ancestors 'none'"
    )


def test_served_page_csp_allows_only_its_own_server(march: Projection) -> None:
    page = render_html(build_map(march, MapOptions()), asset_base="/static/")
    assert page.content_security_policy == (
        "default-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'; "
        "script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
    )
    assert "<script>" not in page.html and "http-equiv" not in page.html
    assert '<script src="/static/relgraph-map.js">' in page.html


@pytest.mark.parametrize(
    "base", ["https://cdn.example/static", "//cdn.example", "static", "/st atic"]
)
def test_asset_base_must_be_a_path_on_the_same_server(march: Projection, base: str) -> None:
    with pytest.raises(ValueError, match="asset_base must be an absolute path on the same server"):
        render_html(build_map(march, MapOptions()), asset_base=base)


def test_page_script_never_uses_innerhtml() -> None:
    script = (STATIC_DIR / "relgraph-map.js").read_text(encoding="utf-8")
    assert not re.search(
        r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", script
    )
    assert (STATIC_DIR / "vis-network.LICENSE-MIT").is_file()


def test_the_payload_round_trips(march: Projection) -> None:
    network_map = build_map(march, MapOptions(max_nodes=3))
    html = render_html(network_map, asset_base="/static").html
    data = re.search(r'id="relgraph-map-data">(.*?)</script>', html, re.S)
    assert data is not None
    assert json.loads(data.group(1)) == json.loads(json.dumps(network_map.payload(), default=str))
    assert "Showing the 3 most important of 7" in html  # the note is on the page too


# --- the map command ----------------------------------------------------------------------------------


@pytest.fixture
def cli(tmp_path: Path) -> typer.Typer:
    path = tmp_path / "net.db"
    with SQLiteStore(path) as store:
        store.upsert(small_network())
    app = typer.Typer()

    @app.callback()
    def main(ctx: typer.Context) -> None:
        ctx.obj = StoreSettings(store=f"sqlite:///{path}")

    app.command("map")(map_command)
    return app


runner = CliRunner()


def test_map_command_writes_an_offline_page(cli: typer.Typer, tmp_path: Path) -> None:
    target = tmp_path / "out" / "client.html"
    result = runner.invoke(
        cli, ["map", "--organization", "client", "--as-of", "2026-03-01", "-o", str(target)]
    )
    assert result.exit_code == 0, result.stderr
    html = target.read_text(encoding="utf-8")
    assert "<title>Client Ltd and its people · relgraph</title>" in html
    assert 'http-equiv="Content-Security-Policy"' in html and "<script src=" not in html
    assert (
        f"wrote {target}" in result.stderr
        and "3 people, 1 organisation and 5 ties" in result.stderr
    )
    assert sorted(p.name for p in target.parent.iterdir()) == ["client.html"]  # no temporary left


def test_map_command_person_focus_and_cap(cli: typer.Typer, tmp_path: Path) -> None:
    target = tmp_path / "dan.html"
    result = runner.invoke(cli, ["map", "--person", "dan", "--max-nodes", "1", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert "Showing the 1 most important of 2" in result.stderr
    assert "Dan Diaz&#39;s network" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["--organization", "nobody"], "error: no organisation with id 'nobody'", 1),
        (["--person", "nobody"], "error: no person with id 'nobody'", 1),
        (["--focus", "ann", "--person", "ann"], "give --person or --focus, not both", 2),
        (["--as-of", "1/2/2026"], "--as-of must be a date", 2),
        (["--community", "9"], "no community with id 9", 1),
    ],
)
def test_map_command_fails_cleanly(
    cli: typer.Typer, tmp_path: Path, args: list[str], message: str, code: int
) -> None:
    target = tmp_path / "map.html"
    result = runner.invoke(cli, ["map", *args, "-o", str(target)])
    assert result.exit_code == code
    assert message in result.stderr
    assert not target.exists() and list(tmp_path.glob(".map.html*")) == []


def test_big_maps_are_laid_out_on_the_server_and_drawn_without_physics(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import relgraph.maps.build as build

    people = [Person(id=f"p{i:03d}", name=f"P {i}") for i in range(60)]
    ties = [Relationship(source=f"p{i:03d}", target=f"p{(i * 7 + 1) % 60:03d}", type="KNOWS", strength=0.5)
            for i in range(60)]  # fmt: skip
    projection = project(Network(people=people, relationships=ties), as_of=date(2026, 3, 1))
    small = build_map(projection, MapOptions())
    assert "x" not in small.nodes[0] and small.vis_options["physics"].get("enabled", True)
    monkeypatch.setattr(build, "SERVER_LAYOUT_NODES", 50)
    big = build_map(projection, MapOptions(seed=4))
    assert big.vis_options["physics"] == {"enabled": False}
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in big.nodes)
    assert len({(n["x"], n["y"]) for n in big.nodes}) == len(big.nodes), "no two nodes on one spot"
    assert all("info" not in e for e in big.edges) and all("info" in e for e in small.edges)
    assert [(n["x"], n["y"]) for n in build_map(projection, MapOptions(seed=4)).nodes] == [
        (n["x"], n["y"]) for n in big.nodes], "the layout is seeded"  # fmt: skip


def test_ties_take_the_shorthand_label_font_and_carry_no_labels(march: Projection) -> None:
    # The shorthand string is cheaper for vis-network to set up per tie; it is harmless only while no tie
    # has a label or a font of its own.
    m = build_map(march, MapOptions(max_nodes=5000))
    assert m.vis_options["edges"]["font"] == "14px arial #343434"
    assert m.edges and not any("label" in e or "font" in e for e in m.edges)
