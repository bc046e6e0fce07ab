"""Import: files (CSV and/or one JSON document) → validated network → one store transaction.

All or nothing: every problem in every file is collected first (file, row, field, reason); if there is any,
nothing is written and :class:`~relgraph.errors.ImportValidationError` lists them. References must name ids
that exist in the store or in the same import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relgraph.errors import ConflictError, ImportProblem, ImportValidationError, InvalidInputError
from relgraph.gcpause import paused_gc
from relgraph.io.csvio import csv_section, iter_csv_paths, read_csv
from relgraph.io.jsonio import read_json, records_from_document
from relgraph.io.records import ParsedImport, RawRecord, build_network
from relgraph.model import Network
from relgraph.store.base import GraphStore, ProgressCallback, WriteSummary
from relgraph.store.checks import batch_problems, referenced_ids

__all__ = ["ImportReport", "import_document", "import_files", "read_sources"]


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import read and (unless a dry run) what it wrote."""

    sources: list[str]
    counts: dict[str, int]
    dry_run: bool
    summary: WriteSummary | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "records": self.counts,
            "dry_run": self.dry_run,
            "written": self.summary.as_dict() if self.summary else None,
        }


def read_sources(paths: Sequence[Path]) -> tuple[list[RawRecord], list[ImportProblem], list[str]]:
    """Read every path (a CSV, a JSON document or a directory of CSVs) into raw records."""
    records: list[RawRecord] = []
    problems: list[ImportProblem] = []
    sources: list[str] = []
    for path in paths:
        if path.is_dir():
            found = list(iter_csv_paths(path))
            if not found:
                reason = "no people/organizations/relationships/interactions .csv files in this directory"
                problems.append(ImportProblem(str(path), "-", "(directory)", reason))
            for csv_path, section in found:
                _extend(records, problems, sources, csv_path, *read_csv(csv_path, section))
        elif path.suffix.lower() == ".json":
            _extend(records, problems, sources, path, *read_json(path))
        elif path.suffix.lower() == ".csv":
            maybe_section = csv_section(path)
            if maybe_section is None:
                reason = "cannot tell which file this is: name it people.csv, organizations.csv, "
                reason += "relationships.csv or interactions.csv"
                problems.append(ImportProblem(path.name, "-", "(file)", reason))
                continue
            _extend(records, problems, sources, path, *read_csv(path, maybe_section))
        elif not path.exists():
            problems.append(ImportProblem(str(path), "-", "(file)", "no such file or directory"))
        else:
            problems.append(
                ImportProblem(path.name, "-", "(file)", "expected a .csv or .json file")
            )
    return records, problems, sources


def _extend(
    records: list[RawRecord],
    problems: list[ImportProblem],
    sources: list[str],
    path: Path,
    new_records: list[RawRecord],
    new_problems: list[ImportProblem],
) -> None:
    records.extend(new_records)
    problems.extend(new_problems)
    sources.append(str(path))


def _reference_problems(
    parsed: ParsedImport, store: GraphStore, invalid_ids: set[str]
) -> list[ImportProblem]:
    """Batch-level problems; references to records that already failed validation are not repeated."""
    network = parsed.network
    stored = store.node_types(referenced_ids(network))
    problems = []
    for problem in batch_problems(network, stored):
        if problem.ref is not None and problem.ref in invalid_ids:
            continue
        file, row, raw = parsed.origins[problem.section][problem.index]
        reason = problem.reason
        field = problem.field
        if field in ("source", "target") and raw.get(field) != problem.ref:
            # A symmetric relationship was turned around to store it once: name the column as written.
            field = "target" if field == "source" else "source"
        if problem.other is not None:
            other_file, other_row, _ = parsed.origins[problem.section][problem.other]
            reason += f" (also at {other_file}:{other_row})"
        problems.append(ImportProblem(file, row, field, reason))
    return problems


def _ids_of_invalid_records(records: list[RawRecord], parsed: ParsedImport) -> set[str]:
    failed = {(p.file, p.row) for p in parsed.problems}
    return {
        str(r.values.get("id"))
        for r in records
        if r.section in ("people", "organizations") and (r.file, r.row) in failed
    }


def _position(problem: ImportProblem) -> tuple[int, str]:
    """Sort key within a file: row in reading order (CSV line numbers and JSON indexes alike)."""
    digits = "".join(ch for ch in problem.row if ch.isdigit())
    return int(digits) if digits else 0, problem.row


def _run(
    store: GraphStore,
    records: list[RawRecord],
    problems: list[ImportProblem],
    sources: list[str],
    *,
    dry_run: bool,
    progress: ProgressCallback | None,
) -> ImportReport:
    parsed = build_network(records)
    problems = problems + parsed.problems
    if problems or dry_run:
        # List every problem, batch-level ones included; a dry run checks against the store here.
        problems += _reference_problems(parsed, store, _ids_of_invalid_records(records, parsed))
        _raise_for(problems)
    network: Network = parsed.network
    summary = None if dry_run else _write(store, parsed, progress)
    return ImportReport(sources=sources, counts=network.counts(), dry_run=dry_run, summary=summary)


def _write(
    store: GraphStore, parsed: ParsedImport, progress: ProgressCallback | None
) -> WriteSummary:
    """Write a valid network; batch-level problems come back with the file and row of each record.

    The store checks the batch against what it holds inside its write transaction anyway, so the same
    check is not run beforehand: only when the store refuses the batch (having written nothing) are its
    problems worked out again here, to name files and rows.
    """
    try:
        return store.upsert(parsed.network, progress=progress)
    except (ConflictError, InvalidInputError):
        _raise_for(_reference_problems(parsed, store, set()))
        raise


def _raise_for(problems: list[ImportProblem]) -> None:
    if problems:
        files = {name: i for i, name in enumerate(dict.fromkeys(p.file for p in problems))}
        raise ImportValidationError(sorted(problems, key=lambda p: (files[p.file], *_position(p))))


def import_files(
    store: GraphStore,
    paths: Sequence[Path],
    *,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Validate every file, then write everything in one transaction (nothing on any problem)."""
    with paused_gc():
        records, problems, sources = read_sources(paths)
        return _run(store, records, problems, sources, dry_run=dry_run, progress=progress)


def import_document(
    store: GraphStore, document: Any, *, name: str = "request", dry_run: bool = False
) -> ImportReport:
    """Import a parsed JSON document (as sent to the HTTP API)."""
    with paused_gc():
        records, problems = records_from_document(document, name)
        return _run(store, records, problems, [name], dry_run=dry_run, progress=None)
