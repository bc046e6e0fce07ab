"""CSV import and export (UTF-8, one header row; lists inside a cell separated by ';').

Which of the four files a CSV is comes from its name: ``people.csv``, ``organizations.csv``,
``relationships.csv``, ``interactions.csv`` (a prefix such as ``acme-people.csv`` is allowed).
Exported cells that a spreadsheet would run as a formula are neutralised with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from relgraph.errors import ImportProblem
from relgraph.io.records import COLUMNS, LIST_FIELDS, REQUIRED_COLUMNS, RawRecord, Section
from relgraph.model import Network

__all__ = [
    "csv_section",
    "iter_csv_paths",
    "network_to_csv",
    "neutralise_formula",
    "read_csv",
    "restore_formula",
]

_ALIASES: dict[str, Section] = {
    "people": "people",
    "persons": "people",
    "organizations": "organizations",
    "organisations": "organizations",
    "relationships": "relationships",
    "interactions": "interactions",
}
#: Leading characters that make spreadsheets evaluate a cell (OWASP CSV injection list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")
#: Person columns that are import shorthand only; exports write the WORKS_AT relationship instead.
_PERSON_SHORTHAND = frozenset({"organization", "decision_role", "seniority"})
# Field size well beyond any legitimate cell (notes are capped at 20,000 characters by the model).
csv.field_size_limit(1_000_000)


def csv_section(path: Path) -> Section | None:
    """The section a CSV file holds, from its name; None if the name says nothing."""
    stem = path.stem.lower()
    for alias, section in _ALIASES.items():
        if stem == alias or stem.endswith(("-" + alias, "_" + alias, "." + alias)):
            return section
    return None


def _split_list(text: str) -> list[str]:
    parts = [stripped for part in text.split(";") if (stripped := part.strip())]
    return [restore_formula(part) for part in parts] if "'" in text else parts


def read_csv(path: Path, section: Section) -> tuple[list[RawRecord], list[ImportProblem]]:
    """Read one CSV file into raw records; header and encoding problems come back as problems."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [
            ImportProblem(name, "-", "(file)", f"not UTF-8: {exc.reason} at byte {exc.start}")
        ]
    except OSError as exc:
        return [], [ImportProblem(name, "-", "(file)", f"cannot read: {exc.strerror}")]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return [], [
            ImportProblem(name, "1", "(header)", "the file is empty; a header row is required")
        ]
    except csv.Error as exc:
        return [], [ImportProblem(name, "1", "(header)", f"malformed CSV: {exc}")]
    problems = _header_problems(name, header, section)
    if problems:
        return [], problems
    return _read_rows(name, reader, header, section, text)


def _read_rows(
    name: str, reader: Any, header: list[str], section: Section, text: str
) -> tuple[list[RawRecord], list[ImportProblem]]:
    """One record per non-blank row; empty cells are left out of its values.

    Hundreds of thousands of rows pass through here, so the per-row work is kept to one dict built from
    the cells; apostrophes are only looked for when the file has a cell that starts with one.
    """
    records: list[RawRecord] = []
    problems: list[ImportProblem] = []
    width = len(header)
    list_columns = [column for column in header if column in LIST_FIELDS]
    restore = _may_have_leading_apostrophe(text)
    line = reader.line_num + 1  # the line the next record starts on
    try:
        for cells in reader:
            row, line = str(line), reader.line_num + 1
            if len(cells) != width or not cells[0] or cells[0].isspace():
                if _blank(cells):
                    continue  # blank lines are allowed
                if len(cells) != width:
                    reason = f"has {len(cells)} cells, the header has {width}"
                    problems.append(ImportProblem(name, row, "(row)", reason))
                    continue
            values = {column: cell for column, cell in zip(header, cells, strict=True) if cell}
            if restore:  # list cells are restored part by part below
                values = {
                    k: restore_formula(v) if v[0] == "'" and k not in LIST_FIELDS else v
                    for k, v in values.items()
                }
            for column in list_columns:
                if column in values:
                    values[column] = _split_list(values[column])
            records.append(RawRecord(section, name, row, values))
    except csv.Error as exc:
        problems.append(ImportProblem(name, str(line), "(row)", f"malformed CSV: {exc}"))
    return records, problems


def _may_have_leading_apostrophe(text: str) -> bool:
    """Whether a cell may start with an apostrophe (see :func:`restore_formula`); False: none does.

    A cell starts at the start of the text, after a comma or a line break, or after its opening quote.
    Plain substring tests: a regular expression over a whole file costs more than reading the file.
    """
    if "'" not in text:
        return False
    return text.startswith("'") or any(mark + "'" in text for mark in (",", '"', "\n", "\r"))


def _blank(cells: list[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def _header_problems(name: str, header: list[str], section: Section) -> list[ImportProblem]:
    allowed = set(COLUMNS[section])
    problems = []
    for column in header:
        if column not in allowed:
            hint = ", ".join(COLUMNS[section])
            problems.append(
                ImportProblem(name, "1", column or "(empty)", f"unknown column; expected: {hint}")
            )
    duplicates = {c for c in header if header.count(c) > 1}
    for column in sorted(duplicates):
        problems.append(ImportProblem(name, "1", column, "column appears more than once"))
    for column in REQUIRED_COLUMNS[section]:
        if column not in header:
            problems.append(ImportProblem(name, "1", column, "required column is missing"))
    return problems


def neutralise_formula(text: str) -> str:
    """Prefix a cell a spreadsheet would evaluate as a formula with an apostrophe.

    Plain numbers such as ``-2`` or ``+0.5`` are left alone: spreadsheets read them as numbers.

    Examples
    --------
    >>> neutralise_formula("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise_formula("-2")
    '-2'
    """
    if not text.startswith(_FORMULA_START):
        return text
    try:
        float(text)
    except ValueError:
        return "'" + text
    return text


def restore_formula(text: str) -> str:
    """Undo :func:`neutralise_formula`, so that relgraph's own CSV exports import back exactly.

    Examples
    --------
    >>> restore_formula("'+44 20 7946 0000")
    '+44 20 7946 0000'
    >>> restore_formula("'Tis the season")
    "'Tis the season"
    """
    if text.startswith("'") and neutralise_formula(text[1:]) == text:
        return text[1:]
    return text


def _format(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


def network_to_csv(network: Network) -> dict[str, str]:
    """The four CSV files of a network as ``{filename: text}``.

    Relationships are written to ``relationships.csv`` (the person ``organization`` shorthand is not used),
    so the files import back to the same network; only formula-like text gains its apostrophe.
    """
    sections: dict[Section, list[dict[str, Any]]] = {
        "people": [p.model_dump(mode="json") for p in network.people],
        "organizations": [o.model_dump(mode="json") for o in network.organizations],
        "relationships": [r.model_dump(mode="json") for r in network.relationships],
        "interactions": [i.model_dump(mode="json") for i in network.interactions],
    }
    files = {}
    for section, rows in sections.items():
        columns = [c for c in COLUMNS[section] if section != "people" or c not in _PERSON_SHORTHAND]
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_export_cell(row.get(col)) for col in columns])
        files[f"{section}.csv"] = buffer.getvalue()
    return files


def _export_cell(value: Any) -> str:
    text = _format(value)
    return neutralise_formula(text) if isinstance(value, str | list) else text


def iter_csv_paths(directory: Path) -> Iterator[tuple[Path, Section]]:
    """The import CSVs in a directory, in dependency order (nodes before references)."""
    found: dict[Section, list[Path]] = {}
    for path in sorted(directory.glob("*.csv")):
        section = csv_section(path)
        if section is not None:
            found.setdefault(section, []).append(path)
    order: tuple[Section, ...] = ("organizations", "people", "relationships", "interactions")
    for section in order:
        for path in found.get(section, []):
            yield path, section
