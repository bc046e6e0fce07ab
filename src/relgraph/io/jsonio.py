"""The JSON document format: one object with the four lists of DESIGN §4.

Exports add ``"format": "relgraph-network"`` and ``"version": 1``; imports accept documents with or without
them. Person records may use the same ``organization`` / ``decision_role`` / ``seniority`` shorthand as the CSV.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from relgraph.errors import ImportProblem
from relgraph.io.records import SECTIONS, RawRecord, Section
from relgraph.model import Network

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "network_to_json", "read_json", "records_from_document"]

FORMAT_NAME = "relgraph-network"
FORMAT_VERSION = 1
_HEADER_KEYS = {"format", "version"}
_READ_ORDER: tuple[Section, ...] = ("organizations", "people", "relationships", "interactions")


def read_json(path: Path) -> tuple[list[RawRecord], list[ImportProblem]]:
    """Read a JSON import document from a file."""
    name = path.name
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        return [], [
            ImportProblem(name, "-", "(file)", f"not UTF-8: {exc.reason} at byte {exc.start}")
        ]
    except json.JSONDecodeError as exc:
        reason = f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        return [], [ImportProblem(name, "-", "(file)", reason)]
    except OSError as exc:
        return [], [ImportProblem(name, "-", "(file)", f"cannot read: {exc.strerror}")]
    return records_from_document(document, name)


def records_from_document(document: Any, name: str) -> tuple[list[RawRecord], list[ImportProblem]]:
    """Raw records from a parsed JSON document (also used by the HTTP import)."""
    if not isinstance(document, dict):
        return [], [ImportProblem(name, "-", "(document)", "must be a JSON object with lists")]
    problems = []
    for key in sorted(set(document) - set(SECTIONS) - _HEADER_KEYS):
        expected = ", ".join(SECTIONS)
        problems.append(ImportProblem(name, "-", key, f"unknown key; expected: {expected}"))
    if "format" in document and document["format"] != FORMAT_NAME:
        problems.append(ImportProblem(name, "-", "format", f"must be {FORMAT_NAME!r}"))
    if "version" in document and document["version"] != FORMAT_VERSION:
        problems.append(
            ImportProblem(name, "-", "version", f"unsupported version; expected {FORMAT_VERSION}")
        )
    records: list[RawRecord] = []
    for section in _READ_ORDER:
        items = document.get(section, [])
        if not isinstance(items, list):
            problems.append(ImportProblem(name, "-", section, "must be a list"))
            continue
        for index, item in enumerate(items):
            row = f"{section}[{index}]"
            if not isinstance(item, dict):
                problems.append(ImportProblem(name, row, "(record)", "must be a JSON object"))
                continue
            records.append(RawRecord(section, name, row, item))
    return records, problems


def network_to_json(network: Network, *, indent: int | None = 2) -> str:
    """The JSON document of a network; importing it gives back the same network."""
    body = network.model_dump(mode="json", exclude_none=True)
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, **body}
    return json.dumps(document, ensure_ascii=False, indent=indent) + "\n"
