"""The ``relgraph`` command line (thin: parse options, call the library, print).

Results go to stdout (a table, or JSON with ``--json``); progress, logs and errors go to stderr.
Exit codes: 0 success, 1 an error relgraph reports (bad input, missing record, store failure), 2 bad usage.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from relgraph import __version__
from relgraph.cli_analyze import analyze_app
from relgraph.cli_brief import brief_app
from relgraph.cli_map import map_command
from relgraph.cli_output import JsonOption, err, fail, out, print_json, table
from relgraph.cli_serve import keys_app, serve_command
from relgraph.errors import ImportValidationError, NotFoundError, RelgraphError
from relgraph.io.csvio import network_to_csv
from relgraph.io.export import ExportFormat, export_bytes
from relgraph.io.importer import import_files
from relgraph.model import Network, OrgKind, OrgRole
from relgraph.settings import StoreSettings
from relgraph.store import GraphStore, OrganizationFilter, PeopleFilter, redact_url
from relgraph.summary import network_summary

app = typer.Typer(
    name="relgraph",
    help="relgraph: map stakeholder networks, find key contacts and weak links.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
people_app = typer.Typer(help="List and show people.", no_args_is_help=True)
orgs_app = typer.Typer(help="List and show organisations.", no_args_is_help=True)
app.add_typer(people_app, name="people")
app.add_typer(orgs_app, name="organizations")
app.add_typer(analyze_app, name="analyze")
app.add_typer(keys_app, name="keys")
app.add_typer(brief_app, name="brief")
app.command("serve")(serve_command)
app.command("map")(map_command)


LimitOption = Annotated[int, typer.Option(min=1, max=1000, help="Page size (1-1000).")]
OffsetOption = Annotated[int, typer.Option(min=0, help="Records to skip.")]


def _version(value: bool) -> None:
    if value:
        out.print(f"relgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            envvar="RELGRAPH_STORE",
            help="Store URL: sqlite:///path.db (default sqlite:///relgraph.db) or neo4j://host:7687.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """relgraph: map stakeholder networks, find key contacts and weak links."""
    settings = StoreSettings()
    if store:
        settings = settings.model_copy(update={"store": store})
    ctx.obj = settings


@contextmanager
def _open(ctx: typer.Context) -> Iterator[GraphStore]:
    """Open the store named by --store / RELGRAPH_STORE; report relgraph errors without a traceback."""
    settings: StoreSettings = ctx.obj
    try:
        with settings.open() as store:
            yield store
    except ImportValidationError:
        raise
    except RelgraphError as exc:
        fail(str(exc))


@app.command()
def init(ctx: typer.Context) -> None:
    """Create the store's schema (tables, constraints, indexes); safe to run again."""
    with _open(ctx) as store:
        store.init()
        err.print(Text(f"initialised {redact_url(store.url)}"))


@contextmanager
def _progress(enabled: bool, total: int | None = None) -> Iterator[Callable[[int], None] | None]:
    if not enabled:
        yield None
        return
    columns = (TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("import", total=total)
        yield lambda done: progress.update(task, completed=done)


@app.command("import")
def import_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="CSV files (people.csv, organizations.csv, ...), directories of them, or a JSON document."
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate only; write nothing.")
    ] = False,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Show a progress bar (default: when stderr is a terminal).",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Import CSV files and/or one JSON document in one transaction: all rows or none."""
    show = err.is_terminal if progress is None else progress
    with _open(ctx) as store:
        try:
            with _progress(show and not dry_run) as callback:
                report = import_files(store, paths, dry_run=dry_run, progress=callback)
        except ImportValidationError as exc:
            if as_json:
                problems = [_problem(p) for p in exc.problems]
                print_json({"ok": False, "problems": problems})
            err.print(Text(f"error: {exc}", style="red"))
            raise typer.Exit(1) from None
    if as_json:
        print_json({"ok": True, **report.as_dict()})
        return
    verb = "would import" if dry_run else "imported"
    counts = ", ".join(f"{n} {section}" for section, n in report.counts.items())
    out.print(Text(f"{verb} {counts}"))
    if report.summary:
        s = report.summary
        for label, numbers in (
            ("created", s.created),
            ("updated", s.updated),
            ("unchanged", s.unchanged),
        ):
            out.print(Text(f"  {label}: " + ", ".join(f"{n} {k}" for k, n in numbers.items())))


def _problem(problem: Any) -> dict[str, str]:
    return {
        "file": problem.file,
        "row": problem.row,
        "field": problem.field,
        "reason": problem.reason,
    }


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="json, csv, graphml or gexf.")
    ] = ExportFormat.JSON,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (csv: a directory, or a .zip file). Default: stdout.",
        ),
    ] = None,
) -> None:
    """Export the whole network: JSON (re-importable), CSV, GraphML or GEXF (Gephi, networkx)."""
    with _open(ctx) as store:
        network = store.snapshot()
    if fmt is ExportFormat.CSV and (output is None or output.suffix.lower() != ".zip"):
        if output is None:
            fail("--format csv writes four files: give a directory or a .zip file with -o")
        _write_csv_directory(network, output)
        return
    data = export_bytes(network, fmt)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        _atomic_write(output, data)
        err.print(Text(f"wrote {output} ({len(data):,} bytes)"))


def _atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary sibling, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _write_csv_directory(network: Network, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in network_to_csv(network).items():
        _atomic_write(directory / name, text.encode("utf-8"))
    err.print(
        Text(
            f"wrote people.csv, organizations.csv, relationships.csv, interactions.csv to {directory}"
        )
    )


@app.command()
def demo(
    ctx: typer.Context,
    reset: Annotated[
        bool, typer.Option("--reset", help="Delete everything in the store first.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Load the demo network (our company, a key client negotiation, a municipality programme)."""
    from relgraph.demo import build_demo_network

    network = build_demo_network()
    with _open(ctx) as store:
        if reset:
            store.clear()
        summary = store.upsert(network)
        url = redact_url(store.url)
    if as_json:
        print_json({"store": url, "records": network.counts(), "written": summary.as_dict()})
        return
    counts = ", ".join(f"{n} {section}" for section, n in network.counts().items())
    out.print(Text(f"demo network loaded into {url}: {counts}"))


@app.command()
def migrate(
    ctx: typer.Context,
    source: Annotated[str, typer.Option("--from", help="Store URL to copy from.")],
    target: Annotated[str, typer.Option("--to", help="Store URL to copy into.")],
    mode: Annotated[
        str,
        typer.Option(
            "--mode",
            help="If the target is not empty: 'fail' (default), 'replace' its contents, or 'merge' into them.",
        ),
    ] = "fail",
    as_json: JsonOption = False,
) -> None:
    """Copy the whole network from one store to another (SQLite <-> Neo4j), losslessly."""
    if mode not in {"fail", "replace", "merge"}:
        fail(f"--mode must be fail, replace or merge, not {mode!r}", code=2)
    settings: StoreSettings = ctx.obj
    try:
        with settings.model_copy(update={"store": source}).open() as origin:
            network = origin.snapshot()
        with settings.model_copy(update={"store": target}).open() as destination:
            if any(destination.counts().values()):
                if mode == "fail":
                    fail(f"{redact_url(target)} is not empty: use --mode replace or --mode merge")
                if mode == "replace":
                    destination.clear()
            written = destination.upsert(network)
    except RelgraphError as exc:
        fail(str(exc))
    if as_json:
        print_json({"from": redact_url(source), "to": redact_url(target), "records": network.counts(),
                     "written": written.as_dict()})  # fmt: skip
        return
    counts = ", ".join(f"{n} {section}" for section, n in network.counts().items())
    out.print(Text(f"copied {counts} from {redact_url(source)} to {redact_url(target)}"))


@app.command()
def generate(
    people: Annotated[int, typer.Option("--people", min=1, max=2_000_000, help="How many people.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory for the four import CSV files.")
    ],
    seed: Annotated[
        int, typer.Option(help="Random seed: the same seed gives the same network.")
    ] = 0,
) -> None:
    """Generate a realistic synthetic stakeholder network (seeded) as import files, for trials and benchmarks."""
    from relgraph.generate import generate_network, write_import_files

    network = generate_network(people, seed=seed)
    write_import_files(network, output)
    counts = ", ".join(f"{n} {section}" for section, n in network.counts().items())
    err.print(Text(f"wrote {counts} to {output}"))


@app.command()
def summary(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """A readable overview of the network: sizes, organisations, recent activity."""
    with _open(ctx) as store:
        network = store.snapshot()
    result = network_summary(network)
    if as_json:
        print_json(result)
        return
    _print_summary(result)


def _print_summary(result: dict[str, Any]) -> None:
    counts = result["counts"]
    out.print(Text("relgraph network summary", style="bold"))
    out.print(Text(", ".join(f"{n} {k}" for k, n in counts.items())))
    own = ", ".join(result["own_organization"]) or "(no organisation with role 'own')"
    out.print(Text(f"our organisation: {own}; {result['internal_people']} internal people"))
    for title, key in (
        ("organisations by kind", "organizations_by_kind"),
        ("organisations by role", "organizations_by_role"),
        ("relationships by type", "relationships_by_type"),
    ):
        rows = [[k, v] for k, v in sorted(result[key].items(), key=lambda kv: (-kv[1], kv[0]))]
        out.print(table([title, "count"], rows))
    last = result["last_interaction"] or "never"
    out.print(
        Text(
            f"interactions in the last 90 days: {result['interactions_last_90_days']} (last: {last})"
        )
    )
    rows = [[c["name"], c["id"], c["interactions"]] for c in result["most_contacted_last_90_days"]]
    out.print(table(["most contacted (90 days)", "id", "interactions"], rows))
    rows = [[c["name"], f"{c['score']:.2f}", c["reason"]] for c in result["top_key_contacts"]]
    out.print(table(["key contacts", "score", "why"], rows))
    rows = [[f"{f['severity']:.2f}", f["kind"], f["summary"]] for f in result["top_weak_links"]]
    out.print(table(["severity", "weak link", "finding"], rows))
    out.print(Text("more: relgraph analyze --help"))


# -- people and organisations ------------------------------------------------------------------


@people_app.command("list")
def people_list(
    ctx: typer.Context,
    q: Annotated[str | None, typer.Option(help="Text in name, title or e-mail.")] = None,
    organization: Annotated[
        str | None, typer.Option(help="Organisation id (works at or member of).")
    ] = None,
    tag: Annotated[str | None, typer.Option(help="Tag.")] = None,
    internal: Annotated[
        bool | None, typer.Option("--internal/--external", help="Our staff / others.")
    ] = None,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """List people, filtered and paged."""
    flt = PeopleFilter(
        q=q, organization=organization, tag=tag, internal=internal, limit=limit, offset=offset
    )
    with _open(ctx) as store:
        page = store.list_people(flt)
    if as_json:
        items = [p.model_dump(mode="json") for p in page.items]
        print_json(
            {"items": items, "total": page.total, "limit": page.limit, "offset": page.offset}
        )
        return
    rows = [
        [p.id, p.name, p.title, p.stance, p.influence, "yes" if p.internal else ""]
        for p in page.items
    ]
    out.print(table(["id", "name", "title", "stance", "influence", "internal"], rows))
    err.print(Text(f"{len(page.items)} of {page.total} people"))


@people_app.command("show")
def people_show(ctx: typer.Context, person_id: str, as_json: JsonOption = False) -> None:
    """Show one person."""
    with _open(ctx) as store:
        _show(lambda: store.get_person(person_id).model_dump(mode="json"), as_json)


@orgs_app.command("list")
def organizations_list(
    ctx: typer.Context,
    q: Annotated[str | None, typer.Option(help="Text in name, sector or region.")] = None,
    kind: Annotated[OrgKind | None, typer.Option(help="Organisation kind.")] = None,
    role: Annotated[OrgRole | None, typer.Option(help="Role relative to us.")] = None,
    tag: Annotated[str | None, typer.Option(help="Tag.")] = None,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """List organisations, filtered and paged."""
    flt = OrganizationFilter(q=q, kind=kind, role=role, tag=tag, limit=limit, offset=offset)
    with _open(ctx) as store:
        page = store.list_organizations(flt)
    if as_json:
        items = [o.model_dump(mode="json") for o in page.items]
        print_json(
            {"items": items, "total": page.total, "limit": page.limit, "offset": page.offset}
        )
        return
    rows = [
        [o.id, o.name, o.kind.value, ";".join(r.value for r in o.roles), o.value]
        for o in page.items
    ]
    out.print(table(["id", "name", "kind", "roles", "value"], rows))
    err.print(Text(f"{len(page.items)} of {page.total} organisations"))


@orgs_app.command("show")
def organizations_show(
    ctx: typer.Context, organization_id: str, as_json: JsonOption = False
) -> None:
    """Show one organisation."""
    with _open(ctx) as store:
        _show(lambda: store.get_organization(organization_id).model_dump(mode="json"), as_json)


def _show(fetch: Callable[[], dict[str, Any]], as_json: bool) -> None:
    try:
        record = fetch()
    except NotFoundError as exc:
        fail(str(exc))
    if as_json:
        print_json(record)
        return
    rows = [
        [k, ";".join(map(str, v)) if isinstance(v, list) else v]
        for k, v in record.items()
        if v not in (None, [])
    ]
    out.print(table(["field", "value"], rows))


def main() -> None:
    """Console-script entry point."""
    app()
