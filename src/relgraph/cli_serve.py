"""``relgraph serve`` (the HTTP API and maps under uvicorn) and ``relgraph keys …`` (API keys)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from relgraph.cli_output import JsonOption, err, fail, out, print_json, table
from relgraph.errors import RelgraphError
from relgraph.keys import KeyRegistry, Scope
from relgraph.settings import StoreSettings
from relgraph.store import redact_url

if TYPE_CHECKING:
    from api import ApiSettings

__all__ = ["keys_app", "serve_command"]

keys_app = typer.Typer(
    help="Create, list and revoke API keys (stored only as hashes).", no_args_is_help=True
)

KeysFileOption = Annotated[
    Path,
    typer.Option(
        "--keys-file", envvar="RELGRAPH_KEYS_FILE", help="SQLite file holding the API key hashes."
    ),
]


def serve_command(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option(help="Address to listen on (0.0.0.0: every interface).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    keys_file: KeysFileOption = Path("relgraph-keys.db"),
    no_auth: Annotated[
        bool,
        typer.Option("--no-auth", help="Serve without API keys: for local single-user use only."),
    ] = False,
    log_level: Annotated[
        str, typer.Option(help="uvicorn log level: critical, error, warning, info, debug.")
    ] = "info",
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Server processes (each caches by store version, so a write reaches all).",
        ),
    ] = 1,
    warm: Annotated[
        bool,
        typer.Option(
            "--warm/--no-warm",
            help="Build today's projection, PageRank and betweenness at start-up, in the background.",
        ),
    ] = True,
) -> None:
    """Serve the HTTP API, its documentation (/docs) and the interactive maps (/maps/...)."""
    import uvicorn

    from api import ApiSettings, create_app

    store_settings: StoreSettings = ctx.obj
    settings = ApiSettings(
        **store_settings.model_dump(), keys_file=keys_file, auth_disabled=no_auth, warm_cache=warm
    )
    if not no_auth and not _has_active_keys(keys_file):
        err.print(Text(f"note: {keys_file} holds no active API key; every request will get 401. "
                       "Create one with `relgraph keys create NAME --scope admin`.", style="yellow"))  # fmt: skip
    err.print(
        Text(f"serving {redact_url(settings.store)} on http://{host}:{port} (API docs at /docs)")
    )
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)
        return
    # Worker processes build their own app from the environment, so the settings travel there.
    os.environ.update(_settings_environment(settings))
    # uvicorn's supervisor kills a worker that does not answer its ping within the health-check timeout (5 s by
    # default); a worker computing the first answer for a large network (a minute at 100,000 people) can hold the
    # interpreter that long in compiled code, and was killed mid-request. A hung worker is still replaced.
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, log_level=log_level,
                workers=workers, timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS)  # fmt: skip


#: How long uvicorn waits for a busy worker's health-check answer before replacing it.
WORKER_HEALTHCHECK_SECONDS = 300


def _settings_environment(settings: ApiSettings) -> dict[str, str]:
    values = settings.model_dump(exclude_none=True)
    if settings.neo4j_password is not None:
        values["neo4j_password"] = settings.neo4j_password.get_secret_value()
    return {f"RELGRAPH_{name.upper()}": str(value) for name, value in values.items()}


def _has_active_keys(keys_file: Path) -> bool:
    registry = _registry(keys_file)
    try:
        return registry.has_active_keys()
    finally:
        registry.close()


def _registry(keys_file: Path) -> KeyRegistry:
    try:
        return KeyRegistry(keys_file)
    except RelgraphError as exc:
        fail(str(exc))


@keys_app.command("create")
def create_key(
    name: Annotated[str, typer.Argument(help="What the key is for, e.g. 'crm sync'.")],
    scope: Annotated[Scope, typer.Option(help="read: data, analyses, maps; write: also change data; admin: also keys.")] = Scope.READ,
    keys_file: KeysFileOption = Path("relgraph-keys.db"),
    as_json: JsonOption = False,
) -> None:  # fmt: skip
    """Create an API key and print it once: it is stored only as a hash and cannot be shown again."""
    registry = _registry(keys_file)
    try:
        created = registry.create(name, scope)
    except RelgraphError as exc:
        fail(str(exc))
    finally:
        registry.close()
    if as_json:
        print_json({"id": created.key.id, "name": created.key.name, "scope": created.key.scope.value,
                    "secret": created.secret})  # fmt: skip
        return
    err.print(
        Text(
            f"created key {created.key.id} ({created.key.scope.value}) — copy it now, it is not shown again:"
        )
    )
    out.print(Text(created.secret))


@keys_app.command("list")
def list_keys(
    keys_file: KeysFileOption = Path("relgraph-keys.db"), as_json: JsonOption = False
) -> None:
    """List keys (ids, names, scopes, dates; never the secrets)."""
    registry = _registry(keys_file)
    keys = registry.list()
    registry.close()
    if as_json:
        print_json([{"id": k.id, "name": k.name, "scope": k.scope.value, "created_at": k.created_at,
                     "revoked_at": k.revoked_at} for k in keys])  # fmt: skip
        return
    out.print(table(["id", "name", "scope", "created", "revoked"],
                    [[k.id, k.name, k.scope.value, k.created_at, k.revoked_at or ""] for k in keys]))  # fmt: skip


@keys_app.command("revoke")
def revoke_key(
    key_id: Annotated[str, typer.Argument(help="The key's id (from `relgraph keys list`).")],
    keys_file: KeysFileOption = Path("relgraph-keys.db"),
) -> None:
    """Revoke a key: it stops working at once."""
    registry = _registry(keys_file)
    try:
        registry.revoke(key_id)
    except RelgraphError as exc:
        fail(str(exc))
    finally:
        registry.close()
    err.print(Text(f"revoked key {key_id}"))
