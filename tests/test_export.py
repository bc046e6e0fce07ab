"""Export: JSON round-trips exactly; GraphML and GEXF read back in networkx; CSV is spreadsheet-safe."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relgraph.io.csvio import network_to_csv, neutralise_formula
from relgraph.io.export import ExportFormat, export_bytes
from relgraph.io.importer import import_files
from relgraph.model import Network, Organization, Person, Relationship
from relgraph.store.base import GraphStore
from relgraph.store.sqlite import SQLiteStore
from tests.helpers import small_network

TRICKY_NAMES = [
    'Comma, "Quote" & Co',
    "Line one\nline two",
    "Ελένη Παπαδοπούλου",
    "陈美 (Mei Chen)",
    "محمد الأحمد",
    "Zoë 🚀 Ångström",
    "<b>not bold</b> & ]]> <!-- x -->",
]


def tricky_network() -> Network:
    people = [
        Person(id=f"p{i}", name=name, notes=f"note about {name}", tags=["ünïcode", "plain"])
        for i, name in enumerate(TRICKY_NAMES)
    ]
    people.append(
        Person(id="formula", name="=1+1", phone="+44 20 7946 0000", tags=["-x", "@y"], notes="'Tis")
    )
    orgs = [
        Organization(
            id="o1", name="Ärzte ohne Grenzen, e.V.", kind="ngo", roles=["partner"], value=1.5
        )
    ]
    rels = [Relationship(source="p0", target=p.id, type="KNOWS", strength=0.5) for p in people[1:]]
    rels.append(Relationship(source="p1", target="o1", type="WORKS_AT", title="Directeur général"))
    return Network(people=people, organizations=orgs, relationships=rels)


def export_import_export(
    store: GraphStore, network: Network, tmp_path: Path
) -> tuple[bytes, bytes]:
    store.upsert(network)
    first = export_bytes(store.snapshot(), ExportFormat.JSON)
    path = tmp_path / "export.json"
    path.write_bytes(first)
    with SQLiteStore(tmp_path / "second.db") as second:
        import_files(second, [path])
        again = export_bytes(second.snapshot(), ExportFormat.JSON)
    return first, again


def test_json_export_import_export_is_identical(store: GraphStore, tmp_path: Path) -> None:
    network = small_network().model_copy(
        update={"people": small_network().people + tricky_network().people}
    )
    first, again = export_import_export(store, network, tmp_path)
    assert first == again
    document = json.loads(first)
    assert document["format"] == "relgraph-network"
    assert {p["name"] for p in document["people"]} >= set(TRICKY_NAMES)


@pytest.mark.parametrize("fmt", [ExportFormat.GRAPHML, ExportFormat.GEXF])
def test_graph_formats_read_back_with_same_counts_and_names(
    fmt: ExportFormat, sqlite_store: SQLiteStore
) -> None:
    network = small_network()
    sqlite_store.upsert(network)
    sqlite_store.upsert(tricky_network())
    snapshot = sqlite_store.snapshot()
    data = export_bytes(snapshot, fmt)
    reader = nx.read_graphml if fmt is ExportFormat.GRAPHML else nx.read_gexf
    graph = reader(io.BytesIO(data))
    assert graph.number_of_nodes() == len(snapshot.people) + len(snapshot.organizations)
    assert graph.number_of_edges() == len(snapshot.relationships)
    names = {data["name"] for _, data in graph.nodes(data=True)}
    assert names >= set(TRICKY_NAMES)
    assert graph.nodes["o1"]["node_type"] == "Organization"
    assert graph.nodes["bob"]["stance"] == -1
    relationships = sorted(d["relationship"] for *_, d in graph.edges(data=True))
    assert relationships == sorted(r.type.value for r in snapshot.relationships)


def test_csv_files_import_back_to_the_same_network(store: GraphStore, tmp_path: Path) -> None:
    store.upsert(small_network())
    store.upsert(tricky_network())
    for name, text in network_to_csv(store.snapshot()).items():
        (tmp_path / name).write_text(text, encoding="utf-8", newline="")
    with SQLiteStore(tmp_path / "copy.db") as copy:
        import_files(copy, [tmp_path])
        assert copy.snapshot() == store.snapshot()


def test_csv_zip_export_holds_four_files(sqlite_store: SQLiteStore) -> None:
    sqlite_store.upsert(small_network())
    archive = zipfile.ZipFile(io.BytesIO(export_bytes(sqlite_store.snapshot(), ExportFormat.CSV)))
    assert sorted(archive.namelist()) == [
        "interactions.csv",
        "organizations.csv",
        "people.csv",
        "relationships.csv",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1:A2)", "'+SUM(A1:A2)"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("-2", "-2"),
        ("+0.5", "+0.5"),
        ("Plain = text", "Plain = text"),
        ("", ""),
    ],
)
def test_neutralise_formula(text: str, expected: str) -> None:
    assert neutralise_formula(text) == expected


def test_csv_export_neutralises_formulas_in_text_but_not_numbers(sqlite_store: SQLiteStore) -> None:
    sqlite_store.upsert(
        Network(
            people=[
                Person(
                    id="evil",
                    name='=HYPERLINK("http://x.example","click")',
                    stance=-2,
                    notes="@risk",
                )
            ]
        )
    )
    text = network_to_csv(sqlite_store.snapshot())["people.csv"]
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["name"] == '\'=HYPERLINK("http://x.example","click")'
    assert row["notes"] == "'@risk"
    assert row["stance"] == "-2"


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=" "),
    min_size=1,
    max_size=40,
).map(lambda s: f"n{s}")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=names,
    notes=st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs",),
            blacklist_characters="\x00\x0b\x0c\x1c\x1d\x1e\x1f\x85\x7f\r",
        ),
        max_size=60,
    ),
)
def test_any_name_survives_json_graphml_and_gexf(name: str, notes: str) -> None:
    notes = "".join(
        ch for ch in notes if ch in "\n\t" or (ord(ch) >= 32 and not 0x7F <= ord(ch) <= 0x9F)
    )
    person = Person(id="p", name=name, notes=notes or None)
    network = Network(people=[person])
    doc = json.loads(export_bytes(network, ExportFormat.JSON))
    assert Person.model_validate(doc["people"][0]) == person
    for fmt, reader in ((ExportFormat.GRAPHML, nx.read_graphml), (ExportFormat.GEXF, nx.read_gexf)):
        node = reader(io.BytesIO(export_bytes(network, fmt))).nodes["p"]
        assert node["name"] == person.name
