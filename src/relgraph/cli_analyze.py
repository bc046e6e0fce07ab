"""``relgraph analyze …``: every analysis as a readable table, or JSON with ``--json`` (fields in the README)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

import typer
from rich.table import Table

from relgraph.analysis.brokerage import brokers
from relgraph.analysis.centrality import key_contacts
from relgraph.analysis.communities import communities
from relgraph.analysis.grid import stakeholder_grid
from relgraph.analysis.paths import warm_paths
from relgraph.analysis.weak_links import weak_links
from relgraph.analysis.whatif import what_if
from relgraph.cli_output import JsonOption, fail, out, print_json, table
from relgraph.errors import RelgraphError
from relgraph.projection import Projection, ProjectionCache
from relgraph.settings import StoreSettings, TieSettings

analyze_app = typer.Typer(
    help="Analyse the network: key contacts, brokers, weak links, paths, ...", no_args_is_help=True
)


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Analyse the network as it stood on this date (YYYY-MM-DD; default today)."
    ),
]
LimitOption = Annotated[int, typer.Option(min=1, help="How many results to show.")]


def _projection(ctx: typer.Context, as_of: str | None) -> Projection:
    settings: StoreSettings = ctx.obj
    try:
        when = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        fail(f"--as-of must be a date like 2026-03-31, not {as_of!r}", code=2)
    try:
        with settings.open() as store:
            return ProjectionCache().projection(
                store, as_of=when, params=TieSettings().parameters()
            )
    except RelgraphError as exc:
        fail(str(exc))


def _emit(
    name: str, projection: Projection, results: Any, as_json: bool, render: Callable[[], Table]
) -> None:
    if as_json:
        body = (
            [dataclasses.asdict(r) for r in results]
            if isinstance(results, list)
            else dataclasses.asdict(results)
        )
        document = {"analysis": name, "as_of": projection.as_of.isoformat(), "results": body}
        print_json(document)
    else:
        out.print(render())


def _run(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except RelgraphError as exc:
        fail(str(exc))


@analyze_app.command("key-contacts")
def key_contacts_command(
    ctx: typer.Context,
    organization: Annotated[
        str | None, typer.Option(help="Only the people of this organisation (id).")
    ] = None,
    include_internal: Annotated[bool, typer.Option(help="Rank our own people too.")] = False,
    limit: LimitOption = 20,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Key contacts ranked by network position, formal power and stated influence."""
    p = _projection(ctx, as_of)
    rows = _run(
        lambda: key_contacts(
            p, organization=organization, include_internal=include_internal, limit=limit
        )
    )
    _emit("key-contacts", p, rows, as_json, lambda: table(
        ["#", "name", "organisation", "score", "network", "formal", "influence", "reason"],
        [[r.rank, r.name, r.organization, f"{r.score:.2f}", f"{r.network:.2f}", f"{r.formal:.2f}",
          f"{r.influence:.2f}", r.reason] for r in rows]))  # fmt: skip


@analyze_app.command("brokers")
def brokers_command(
    ctx: typer.Context,
    limit: LimitOption = 20,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """People who connect otherwise separate groups (betweenness, Burt's constraint and effective size)."""
    p = _projection(ctx, as_of)
    rows = brokers(p, limit=limit)
    _emit("brokers", p, rows, as_json, lambda: table(
        ["#", "name", "betweenness", "constraint", "effective size", "reason"],
        [[r.rank, r.name, f"{r.betweenness:.3f}", r.constraint, r.effective_size, r.reason] for r in rows]))  # fmt: skip


@analyze_app.command("weak-links")
def weak_links_command(
    ctx: typer.Context,
    limit: LimitOption = 30,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Single points of failure, bridges, cooling ties, single-threaded accounts, negative ties."""
    p = _projection(ctx, as_of)
    rows = weak_links(p, limit=limit)
    _emit("weak-links", p, rows, as_json, lambda: table(
        ["severity", "kind", "finding", "why"], [[f"{r.severity:.2f}", r.kind, r.summary, r.why] for r in rows]))  # fmt: skip


@analyze_app.command("paths")
def paths_command(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="Person or organisation id to reach.")],
    source: Annotated[
        list[str] | None,
        typer.Option("--from", help="Start from this person of ours (repeatable)."),
    ] = None,
    k: Annotated[int, typer.Option(min=1, max=20, help="How many routes.")] = 3,
    max_hops: Annotated[int, typer.Option(min=1, max=8, help="Longest route, in ties.")] = 4,
    allow_negative: Annotated[
        bool, typer.Option(help="Allow routes through opponents and negative ties.")
    ] = False,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Warm introduction routes from our people to a person or organisation."""
    p = _projection(ctx, as_of)
    rows = _run(lambda: warm_paths(p, target, sources=source or None, k=k, max_hops=max_hops,
                                   avoid_negative=not allow_negative))  # fmt: skip
    names = p.graph.nodes
    _emit("paths", p, rows, as_json, lambda: table(
        ["#", "strength", "route"],
        [[r.rank, f"{r.strength:.3f}", " → ".join([names[r.start]["name"]] + [f"{h.target_name} ({h.status})" for h in r.hops])]
         for r in rows]))  # fmt: skip


@analyze_app.command("communities")
def communities_command(
    ctx: typer.Context,
    seed: Annotated[int, typer.Option(help="Seed for Leiden (same seed, same answer).")] = 0,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Communities (Leiden, modularity) with supporters and opponents in each; coalitions flagged."""
    p = _projection(ctx, as_of)
    rows = communities(p, seed=seed)
    _emit("communities", p, rows, as_json, lambda: table(
        ["id", "size", "coalition", "supporters", "opponents", "organisations", "members"],
        [[r.id, r.size, r.coalition, r.supporters, r.opponents, ", ".join(r.organizations[:3]),
          ", ".join(r.member_names[:6]) + (" …" if r.size > 6 else "")] for r in rows]))  # fmt: skip


@analyze_app.command("grid")
def grid_command(ctx: typer.Context, as_of: AsOfOption = None, as_json: JsonOption = False) -> None:
    """The stakeholder grid: power–interest quadrant and salience class for every stakeholder."""
    p = _projection(ctx, as_of)
    rows = stakeholder_grid(p)
    _emit("grid", p, rows, as_json, lambda: table(
        ["name", "type", "power", "interest", "quadrant", "salience"],
        [[r.name, r.node_type, f"{r.power:.2f} ({r.power_source})", f"{r.interest:.2f} ({r.interest_source})",
          r.quadrant, r.salience] for r in rows]))  # fmt: skip


@analyze_app.command("what-if")
def what_if_command(
    ctx: typer.Context,
    remove_person: Annotated[str | None, typer.Option(help="A person who leaves (id).")] = None,
    remove_tie: Annotated[
        tuple[str, str] | None, typer.Option(help="A tie that breaks: two ids.")
    ] = None,
    max_hops: Annotated[
        int, typer.Option(min=1, max=8, help="Reach counts routes up to this many ties.")
    ] = 4,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """What reach to key contacts and organisations we lose if someone leaves or a tie breaks."""
    if remove_person is None and remove_tie is None:
        fail("give --remove-person ID or --remove-tie A B", code=2)
    p = _projection(ctx, as_of)
    result = _run(
        lambda: what_if(p, remove_person=remove_person, remove_tie=remove_tie, max_hops=max_hops)
    )
    names = p.graph.nodes
    _emit("what-if", p, result, as_json, lambda: table(
        ["lost organisations", "lost key contacts", "weakened", "summary"],
        [[", ".join(names[i]["name"] for i in result.lost_organizations),
          ", ".join(names[i]["name"] for i in result.lost_key_contacts),
          ", ".join(w.name for w in result.weakened), result.summary]]))  # fmt: skip
