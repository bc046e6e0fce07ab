"""The import's fast paths give exactly what the record-by-record paths give.

CSV cells are read without a call per cell, sections are validated as whole lists, and the batch check runs
once, in the store's write transaction; these tests hold each shortcut to the result of the plain way.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from relgraph.errors import ImportValidationError
from relgraph.gcpause import paused_gc
from relgraph.io.csvio import LIST_FIELDS, read_csv, restore_formula
from relgraph.io.importer import import_files
from relgraph.io.records import RawRecord, _build_one_by_one, build_network
from relgraph.model import Network, Organization, Person
from relgraph.store.base import GraphStore
from tests.test_import import write

PEOPLE = (
    "id,name,title,organization,decision_role,seniority,email,phone,internal,influence,tags,notes\n"
    "ann,Ann,'=HYPERLINK(1),us,,senior,ann@us.example,'+44 20 7946 0000,true,3,b; a ;b,\n"
    'bob,  Bob O\'Brien  ,\'-1,client,decision_maker,executive,,,false,5,"x;\'=y","two\nlines"\n'
    "  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  \n"
    ",,,,,,,,,,,\n"
    "'cat,Cat,\"'Tis the season\",,,,,'+1 555,,,;,'@note\n"
)
ORGS = "id,name,kind,roles,value,tags\nus,Us,company,own;client,,\nclient,Client,company,client,1.5,t\n"
RELS = "source,target,type,strength,since,until,title\nbob,ann,KNOWS,0.5,2024-01-01,2024-02-01,\n"
INTERACTIONS = (
    "id,date,channel,participants,organization,sentiment,summary\n"
    "i1,2026-01-02,call,ann; bob,client,-0.5,'=x\n"
)


def _cell_the_plain_way(column: str, text: str) -> Any:
    """How a cell was read before the fast path: one call per cell."""
    if text == "":
        return None
    if column in LIST_FIELDS:
        return [restore_formula(part.strip()) for part in text.split(";") if part.strip()]
    return restore_formula(text)


def test_csv_cells_read_as_one_call_per_cell_would(tmp_path: Path) -> None:
    import csv

    (path,) = write(tmp_path, people=PEOPLE)
    records, problems = read_csv(path, "people")
    assert problems == []
    rows = list(csv.reader(PEOPLE.splitlines(keepends=True)))
    header, data = rows[0], [rows[1], rows[2], rows[5]]  # the blank rows are skipped
    expected = [
        {
            k: v
            for k, v in ((h, _cell_the_plain_way(h, c)) for h, c in zip(header, r, strict=True))
            if v is not None
        }
        for r in data
    ]
    assert [r.values for r in records] == expected
    assert [r.row for r in records] == ["2", "3", "7"]  # a row keeps the line it starts on
    assert records[0].values["title"] == "=HYPERLINK(1)" and records[1].values["title"] == "'-1"
    assert records[1].values["tags"] == ["x", "=y"] and records[2].values["tags"] == []


def test_apostrophes_inside_cells_are_left_alone(tmp_path: Path) -> None:
    (path,) = write(tmp_path, people="id,name,notes\np1,Ann O'Neil,it's 'quoted'\n")
    records, _ = read_csv(path, "people")
    assert records[0].values == {"id": "p1", "name": "Ann O'Neil", "notes": "it's 'quoted'"}


def test_malformed_csv_names_the_line_the_record_starts_on(tmp_path: Path) -> None:
    (path,) = write(tmp_path, people='id,name\np1,A\n\np2,"B\nx"y\n')
    records, problems = read_csv(path, "people")
    assert [r.row for r in records] == ["2"]
    assert len(problems) == 1 and problems[0].row == "4" and problems[0].field == "(row)"


def _records(tmp_path: Path, **texts: str) -> list[RawRecord]:
    records: list[RawRecord] = []
    for path in write(tmp_path, **texts):
        records.extend(read_csv(path, path.stem)[0])  # type: ignore[arg-type]
    return records


def test_whole_section_validation_equals_record_by_record(tmp_path: Path) -> None:
    records = _records(
        tmp_path, organizations=ORGS, people=PEOPLE, relationships=RELS, interactions=INTERACTIONS
    )
    fast, plain = build_network(records), _build_one_by_one(records)
    assert fast.problems == plain.problems == []
    assert fast.network == plain.network
    assert fast.origins == plain.origins
    for section in ("people", "organizations", "relationships", "interactions"):
        for a, b in zip(
            getattr(fast.network, section), getattr(plain.network, section), strict=True
        ):
            assert a.model_fields_set == b.model_fields_set and repr(a) == repr(b)


@pytest.mark.parametrize(
    "people",
    [
        "id,name,influence\np1,A,9\np2,,\n",  # invalid values
        "id,name,seniority\np1,A,staff\n",  # shorthand without an organization
        "id,name,organization,seniority\np1,A,o1,boss\n",  # an invalid WORKS_AT
    ],
)
def test_any_invalid_record_gives_the_record_by_record_problems(
    tmp_path: Path, people: str
) -> None:
    records = _records(tmp_path, people=people, organizations="id,name\no1,O\n")
    fast, plain = build_network(records), _build_one_by_one(records)
    assert fast.problems == plain.problems != []
    assert fast.network == plain.network


def test_a_clash_with_the_store_names_file_row_and_field(store: GraphStore, tmp_path: Path) -> None:
    """The batch check runs once, in the store's transaction; its refusal still names file and row."""
    store.upsert(
        Network(people=[Person(id="x", name="X")], organizations=[Organization(id="o", name="O")])
    )
    before, version = store.snapshot(), store.version()
    paths = write(
        tmp_path,
        organizations="id,name\nnew,New\nx,X as an organisation\n",
        relationships="source,target,type\no,x,WORKS_AT\n",
    )
    with pytest.raises(ImportValidationError) as info:
        import_files(store, paths)
    assert [str(p) for p in info.value.problems] == [
        "organizations.csv:3: id: 'x' is already a Person",
        "relationships.csv:2: source: WORKS_AT needs a Person as source; 'o' is a Organization",
    ]
    assert store.snapshot() == before and store.version() == version
    with pytest.raises(ImportValidationError):
        import_files(store, paths, dry_run=True)


def test_paused_gc_restores_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_paused_gc_leaves_objects_someone_froze_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused_gc():
            _ = [[i] for i in range(1000)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
