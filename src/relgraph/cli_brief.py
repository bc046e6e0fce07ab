"""``relgraph brief negotiation|community|changes``: the briefs as Markdown, JSON or a standalone HTML page."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from relgraph.analysis.briefs import month_before
from relgraph.cli_output import err, fail, write_atomically
from relgraph.documents import (
    BriefFormat,
    Document,
    change_document,
    community_document,
    negotiation_document,
)
from relgraph.errors import RelgraphError
from relgraph.projection import Projection, ProjectionCache
from relgraph.settings import StoreSettings, TieSettings

__all__ = ["brief_app"]

brief_app = typer.Typer(
    help="Briefs for meetings: negotiation brief, community-relations plan, change report.",
    no_args_is_help=True,
)

FormatOption = Annotated[
    BriefFormat,
    typer.Option("--format", "-f", help="markdown, json, or html (a standalone page with a map)."),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        dir_okay=False,
        help="File to write (replaced atomically). Default: stdout.",
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="The network as it stood on this date (YYYY-MM-DD; default today)."
    ),
]
RecentOption = Annotated[
    int, typer.Option(min=1, max=3650, help="Interactions of the last N days count as recent.")
]


def _date(value: str | None, option: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        fail(f"{option} must be a date like 2026-03-31, not {value!r}", code=2)


def _emit(ctx: typer.Context, dates: list[date | None], make: Callable[[list[Projection]], Document],
          output: Path | None) -> None:  # fmt: skip
    settings: StoreSettings = ctx.obj
    params, cache = TieSettings().parameters(), ProjectionCache()
    try:
        with settings.open() as store:
            projections = [cache.projection(store, as_of=d, params=params) for d in dates]
        document = make(projections)
    except RelgraphError as exc:
        fail(str(exc))
    if output is None:
        sys.stdout.write(document.text if document.text.endswith("\n") else document.text + "\n")
        return
    data = document.text.encode()
    write_atomically(output, data)
    err.print(Text(f"wrote {output} ({len(data):,} bytes)"))


@brief_app.command("negotiation")
def negotiation_command(
    ctx: typer.Context,
    organization: Annotated[str, typer.Argument(help="The organisation you negotiate with (id).")],
    fmt: FormatOption = BriefFormat.MARKDOWN,
    output: OutputOption = None,
    as_of: AsOfOption = None,
    recent_days: RecentOption = 90,
) -> None:
    """Who decides and influences at an organisation, our coverage, routes, risks and next actions."""
    _emit(ctx, [_date(as_of, "--as-of")],
          lambda p: negotiation_document(p[0], organization, fmt, recent_days=recent_days), output)  # fmt: skip


@brief_app.command("community")
def community_command(
    ctx: typer.Context,
    organization: Annotated[str, typer.Argument(help="The municipality or authority (id).")],
    fmt: FormatOption = BriefFormat.MARKDOWN,
    output: OutputOption = None,
    as_of: AsOfOption = None,
    recent_days: RecentOption = 90,
) -> None:
    """Officials, groups, coalitions, our coverage and gaps, bridges and the order to engage in."""
    _emit(ctx, [_date(as_of, "--as-of")],
          lambda p: community_document(p[0], organization, fmt, recent_days=recent_days), output)  # fmt: skip


@brief_app.command("changes")
def changes_command(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option(help="The earlier date (default: a month before --until).")
    ] = None,
    until: Annotated[str | None, typer.Option(help="The later date (default: today).")] = None,
    fmt: FormatOption = BriefFormat.MARKDOWN,
    output: OutputOption = None,
) -> None:
    """What changed between two dates: new and lost ties, status changes, rank moves, new single threads."""
    end = _date(until, "--until") or date.today()
    start = _date(since, "--since") or month_before(end)
    _emit(ctx, [start, end], lambda p: change_document(p[0], p[1], fmt), output)
