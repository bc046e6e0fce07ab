"""Import: CSV and JSON files → one transaction; every problem reported as file:row: field: reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relgraph.errors import ImportValidationError
from relgraph.io.importer import import_document, import_files
from relgraph.io.jsonio import network_to_json
from relgraph.model import Network, Person
from relgraph.store.base import GraphStore, RelationshipFilter
from tests.helpers import small_network

PEOPLE = """id,name,title,organization,decision_role,seniority,email,internal,influence,stance,tags
ann,Ann Archer,Account executive,us,,senior,ann@us.example,true,3,,sales;lead
bob,Bob Baker,CFO,client,decision_maker,executive,,false,5,-1,
cat,"Cat ""the blocker"" Chen, PhD",Head of IT,client,blocker,senior,,no,,,
"""
ORGS = """id,name,kind,roles,value
us,Our Co,company,own,
client,Client Ltd,company,client;prospect,250000
"""
RELS = """source,target,type,strength,sentiment,since
bob,ann,KNOWS,0.8,0.5,2024-03-01
cat,bob,INFLUENCES,,,
"""
INTERACTIONS = """id,date,channel,participants,organization,sentiment,summary
i1,2026-01-10,meeting,ann;bob,client,0.5,"Kick-off, with lunch"
"""


def write(directory: Path, **files: str) -> list[Path]:
    paths = []
    for name, text in files.items():
        path = directory / f"{name}.csv"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def messages(exc: pytest.ExceptionInfo[ImportValidationError]) -> list[str]:
    return [str(p) for p in exc.value.problems]


def test_csv_import_writes_every_record(store: GraphStore, tmp_path: Path) -> None:
    paths = write(
        tmp_path, people=PEOPLE, organizations=ORGS, relationships=RELS, interactions=INTERACTIONS
    )
    report = import_files(store, paths)
    # 3 people rows carry the organization shorthand: 3 WORKS_AT + 2 explicit relationships
    assert report.counts == {"people": 3, "organizations": 2, "relationships": 5, "interactions": 1}
    assert store.counts() == report.counts
    cat = store.get_person("cat")
    assert cat.name == 'Cat "the blocker" Chen, PhD'
    assert store.get_person("ann").tags == ["lead", "sales"]
    assert store.get_person("ann").internal is True
    works = {
        r.source: r for r in store.list_relationships(RelationshipFilter(type="WORKS_AT")).items
    }
    assert works["cat"].decision_role is not None and works["cat"].decision_role.value == "blocker"
    assert works["bob"].title == "CFO"
    assert store.get_interaction("i1").summary == "Kick-off, with lunch"


def test_reimport_is_idempotent(store: GraphStore, tmp_path: Path) -> None:
    paths = write(
        tmp_path, people=PEOPLE, organizations=ORGS, relationships=RELS, interactions=INTERACTIONS
    )
    import_files(store, paths)
    version, snapshot = store.version(), store.snapshot()
    report = import_files(store, paths)
    assert report.summary is not None and not report.summary.changed
    assert store.version() == version
    assert store.snapshot() == snapshot


def test_a_directory_imports_its_four_files(store: GraphStore, tmp_path: Path) -> None:
    write(
        tmp_path, people=PEOPLE, organizations=ORGS, relationships=RELS, interactions=INTERACTIONS
    )
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    report = import_files(store, [tmp_path])
    assert report.counts["people"] == 3


def test_one_bad_row_among_good_ones_writes_nothing(store: GraphStore, tmp_path: Path) -> None:
    store.upsert(Network(people=[Person(id="zed", name="Zed")]))
    before, version = store.snapshot(), store.version()
    bad_people = PEOPLE + "dan,Dan,,client,,,,,9,,\n"  # influence 9 is out of range
    paths = write(
        tmp_path,
        people=bad_people,
        organizations=ORGS,
        relationships=RELS,
        interactions=INTERACTIONS,
    )
    with pytest.raises(ImportValidationError) as info:
        import_files(store, paths)
    assert messages(info) == ["people.csv:5: influence: Input should be less than or equal to 5"]
    assert store.snapshot() == before
    assert store.version() == version


def test_every_problem_is_listed_with_file_row_field_reason(
    store: GraphStore, tmp_path: Path
) -> None:
    people = "id,name,stance,email\np1,,0,\np2,Two,7,bad-email\n"
    rels = "source,target,type,strength\np2,nobody,KNOWS,0.5\np2,p2,KNOWS,\np1,p2,LIKES,2\n"
    interactions = "id,date,participants\ni1,2025-02-30,p2\ni2,2025-01-01,p2;ghost\n"
    paths = write(tmp_path, people=people, relationships=rels, interactions=interactions)
    with pytest.raises(ImportValidationError) as info:
        import_files(store, paths)
    found = messages(info)
    assert "people.csv:2: name: Field required" in found
    assert "people.csv:3: stance: Input should be less than or equal to 2" in found
    assert any(m.startswith("people.csv:3: email: String should match pattern") for m in found)
    assert (
        "relationships.csv:3: target: Value error, a relationship cannot link a node to itself"
        in found
    )
    assert (
        "relationships.csv:4: type: Input should be 'WORKS_AT', 'MEMBER_OF', 'KNOWS', 'REPORTS_TO', 'INFLUENCES', 'SUPPLIES', 'PARTNERS_WITH', 'OWNS', 'REGULATES', 'COMPETES_WITH' or 'REFERRED'"
        in found
    )
    assert "relationships.csv:4: strength: Input should be less than or equal to 1" in found
    assert any(
        m.startswith("interactions.csv:2: date: Input should be a valid date") for m in found
    )
    assert "interactions.csv:3: participants: 'ghost' is not a known person" in found
    # p1 and p2 failed validation: references to them are not reported again
    assert not any("'p2' is not a known" in m for m in found)
    assert "relationships.csv:2: target: 'nobody' is not a known person or organisation" in found
    assert store.snapshot().is_empty()


def test_references_may_name_ids_already_in_the_store(store: GraphStore, tmp_path: Path) -> None:
    store.upsert(small_network())
    paths = write(
        tmp_path, relationships="source,target,type\ncat,ann,KNOWS\ndan,client,MEMBER_OF\n"
    )
    import_files(store, paths)
    assert store.counts()["relationships"] == len(small_network().relationships) + 2


def test_endpoint_types_are_checked_against_the_store(store: GraphStore, tmp_path: Path) -> None:
    store.upsert(small_network())
    paths = write(tmp_path, relationships="source,target,type\nann,bob,WORKS_AT\n")
    with pytest.raises(ImportValidationError) as info:
        import_files(store, paths)
    assert messages(info) == [
        "relationships.csv:2: target: WORKS_AT needs a Organization as target; 'bob' is a Person"
    ]


def test_duplicates_and_type_clashes_inside_one_import(store: GraphStore, tmp_path: Path) -> None:
    people = "id,name\nx,X\nx,X again\nc,C\n"
    orgs = "id,name\nc,Company C\n"
    paths = write(tmp_path, organizations=orgs, people=people)
    with pytest.raises(ImportValidationError) as info:
        import_files(store, paths)
    found = messages(info)
    assert "people.csv:3: id: duplicate id (also at people.csv:2)" in found
    assert "organizations.csv:2: id: 'c' is also the id of a person in this batch" in found


def test_header_problems(store: GraphStore, tmp_path: Path) -> None:
    paths = write(tmp_path, people="id,fullname\np1,A\n", organizations="name\nAcme\n")
    with pytest.raises(ImportValidationError) as info:
        import_files(store, paths)
    found = messages(info)
    assert any(m.startswith("people.csv:1: fullname: unknown column") for m in found)
    assert "people.csv:1: name: required column is missing" in found
    assert "organizations.csv:1: id: required column is missing" in found


def test_row_with_wrong_cell_count_and_shorthand_without_organization(
    store: GraphStore, tmp_path: Path
) -> None:
    paths = write(tmp_path, people="id,name,decision_role\np1,A,blocker\np2,B,user,extra\n")
    with pytest.raises(ImportValidationError) as info:
        import_files(store, paths)
    assert messages(info) == [
        "people.csv:2: decision_role: needs an organization in the same row",
        "people.csv:3: (row): has 4 cells, the header has 3",
    ]


def test_multiline_cells_keep_their_starting_line_number(store: GraphStore, tmp_path: Path) -> None:
    paths = write(tmp_path, people='id,name,notes\np1,A,"line one\nline two"\np2,,\n')
    with pytest.raises(ImportValidationError) as info:
        import_files(store, paths)
    assert messages(info) == ["people.csv:4: name: Field required"]


def test_file_level_problems(store: GraphStore, tmp_path: Path) -> None:
    latin1 = tmp_path / "people.csv"
    latin1.write_bytes("id,name\np1,Zo\xeb\n".encode("latin-1"))
    unknown = tmp_path / "contacts.csv"
    unknown.write_text("id,name\n", encoding="utf-8")
    broken = tmp_path / "net.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ImportValidationError) as info:
        import_files(store, [latin1, unknown, broken, tmp_path / "missing.csv"])
    found = messages(info)
    assert found[0].startswith("people.csv:-: (file): not UTF-8")
    assert found[1].startswith("contacts.csv:-: (file): cannot tell which file this is")
    assert found[2].startswith("net.json:-: (file): invalid JSON")
    assert len(found) == 4


def test_problem_list_is_capped_in_the_message(store: GraphStore, tmp_path: Path) -> None:
    rows = "".join(f"p{i},,\n" for i in range(80))
    paths = write(tmp_path, people="id,name,title\n" + rows)
    with pytest.raises(ImportValidationError) as info:
        import_files(store, paths)
    assert len(info.value.problems) == 80
    assert "and 30 more problems" in str(info.value)
    assert str(info.value).count("people.csv:") == 50


def test_dry_run_validates_but_writes_nothing(store: GraphStore, tmp_path: Path) -> None:
    paths = write(
        tmp_path, people=PEOPLE, organizations=ORGS, relationships=RELS, interactions=INTERACTIONS
    )
    report = import_files(store, paths, dry_run=True)
    assert report.summary is None and report.counts["people"] == 3
    assert store.snapshot().is_empty()
    bad = write(tmp_path, relationships="source,target,type\nx,y,KNOWS\n")
    with pytest.raises(ImportValidationError):
        import_files(store, bad, dry_run=True)


def test_json_document_import(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "network.json"
    path.write_text(network_to_json(small_network()), encoding="utf-8")
    report = import_files(store, [path])
    assert report.counts == small_network().counts()
    document = {
        "people": [{"id": "p9", "name": "Nine", "organization": "client", "seniority": "staff"}]
    }
    import_document(store, document)
    assert store.list_relationships(RelationshipFilter(source="p9")).items[0].target == "client"


def test_json_problems_name_the_record(store: GraphStore) -> None:
    document = {
        "people": [{"id": "ok", "name": "OK"}, {"id": "p2", "name": "B", "age": 40}],
        "extra": [],
    }
    with pytest.raises(ImportValidationError) as info:
        import_document(store, document, name="body.json")
    assert messages(info) == [
        "body.json:-: extra: unknown key; expected: people, organizations, relationships, interactions",
        "body.json:people[1]: age: Extra inputs are not permitted",
    ]
    with pytest.raises(ImportValidationError):
        import_document(store, json.loads("[1, 2]"))
    assert store.snapshot().is_empty()


def test_progress_is_reported(store: GraphStore, tmp_path: Path) -> None:
    paths = write(
        tmp_path, people=PEOPLE, organizations=ORGS, relationships=RELS, interactions=INTERACTIONS
    )
    seen: list[int] = []
    import_files(store, paths, progress=seen.append)
    assert seen and seen[-1] == 11 and seen == sorted(seen)
