"""``relgraph map … -o FILE.html``: the same interactive map as the API's ``/maps/…`` pages, as one offline file.

The file inlines vis-network and relgraph's page script (allowed by hash in its Content-Security-Policy), so it
works opened from disk with no network. Progress and errors go to stderr.
"""

from __future__ import annotations

import time
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from relgraph.cli_output import err, fail, write_atomically
from relgraph.errors import RelgraphError
from relgraph.maps import (
    MAX_DEPTH,
    MAX_NODES_LIMIT,
    MapOptions,
    NetworkMap,
    build_map,
    organization_map,
    person_map,
    render_html,
)
from relgraph.projection import Projection, ProjectionCache
from relgraph.settings import StoreSettings, TieSettings

__all__ = ["ColorChoice", "map_command"]


class ColorChoice(StrEnum):
    """What colours the nodes (``--color-by``)."""

    KIND = "kind"
    STANCE = "stance"


def _projection(ctx: typer.Context, as_of: str | None) -> Projection:
    settings: StoreSettings = ctx.obj
    try:
        when = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        fail(f"--as-of must be a date like 2026-03-31, not {as_of!r}", code=2)
    with settings.open() as store:
        return ProjectionCache().projection(store, as_of=when, params=TieSettings().parameters())


def _build(
    projection: Projection, options: MapOptions, person: str | None, organization: str | None
) -> NetworkMap:
    if person is not None:
        return person_map(projection, person, options)
    if organization is not None and options.focus is None and options.community is None:
        return organization_map(projection, organization, options)
    return build_map(projection, options)


OutputOption = Annotated[
    Path,
    typer.Option(
        "--output", "-o", dir_okay=False, help="HTML file to write (replaced atomically)."
    ),
]
OrganizationOption = Annotated[
    str | None,
    typer.Option(help="Map an organisation (id): it, its people and everyone they are tied to."),
]
PersonOption = Annotated[
    str | None, typer.Option(help="Map a person's network (id), --depth steps around them.")
]
FocusOption = Annotated[
    str | None,
    typer.Option(
        help="Show only what lies within --depth steps of this person or organisation (id)."
    ),
]
DepthOption = Annotated[
    int, typer.Option(min=1, max=MAX_DEPTH, help="Steps around --focus or --person.")
]
CommunityOption = Annotated[
    int | None,
    typer.Option(min=0, help="Show only this community (id from `relgraph analyze communities`)."),
]
MinStrengthOption = Annotated[
    float,
    typer.Option(min=0.0, max=1.0, help="Leave out person–person ties weaker than this (0–1)."),
]
MaxNodesOption = Annotated[
    int,
    typer.Option(
        min=1, max=MAX_NODES_LIMIT, help="Node cap: above it, keep the most important nodes."
    ),
]
ColorByOption = Annotated[
    ColorChoice, typer.Option(help="Colour nodes by role/kind of organisation, or by stance.")
]
AsOfOption = Annotated[
    str | None,
    typer.Option(help="Map the network as it stood on this date (YYYY-MM-DD; default today)."),
]


def map_command(
    ctx: typer.Context,
    output: OutputOption,
    organization: OrganizationOption = None,
    person: PersonOption = None,
    focus: FocusOption = None,
    depth: DepthOption = 2,
    community: CommunityOption = None,
    min_strength: MinStrengthOption = 0.0,
    max_nodes: MaxNodesOption = 300,
    color_by: ColorByOption = ColorChoice.KIND,
    as_of: AsOfOption = None,
) -> None:
    """Write an interactive map of the network to one HTML file that works offline."""
    if person is not None and focus is not None:
        fail("give --person or --focus, not both", code=2)
    started = time.perf_counter()
    try:
        options = MapOptions(
            focus=focus, depth=depth, organization=organization, community=community,
            min_strength=min_strength, max_nodes=max_nodes, color_by=color_by.value,
        )  # fmt: skip
        projection = _projection(ctx, as_of)
        network_map = _build(projection, options, person, organization)
        page = render_html(network_map, asset_base=None)
    except RelgraphError as exc:
        fail(str(exc))
    data = page.html.encode("utf-8")
    try:
        write_atomically(output, data)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    seconds = time.perf_counter() - started
    err.print(Text(f"wrote {output}: {network_map.summary} ({len(data):,} bytes, {seconds:.1f} s)"))
    if network_map.note:
        err.print(Text(network_map.note, style="yellow"))
