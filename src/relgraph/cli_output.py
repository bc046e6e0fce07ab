"""What every CLI command shares: the two consoles, tables, JSON on stdout and the error exit."""

from __future__ import annotations

import json
import os
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["JsonOption", "err", "fail", "out", "print_json", "table", "write_atomically"]

# Results on stdout (wide tables when piped, where rich would assume 80 columns); everything else on stderr.
out = Console(soft_wrap=True, highlight=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON to stdout.")]


def fail(message: str, code: int = 1) -> NoReturn:
    """Report an error on stderr and exit with ``code`` (1: relgraph error, 2: bad usage)."""
    err.print(Text(f"error: {message}", style="red"))
    raise typer.Exit(code)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def table(columns: Sequence[str], rows: list[list[Any]]) -> Table:
    """A rich table; every cell is a Text, so data is never read as rich markup."""
    result = Table(*columns)
    for row in rows:
        result.add_row(*(Text("" if v is None else str(v)) for v in row))
    return result


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
