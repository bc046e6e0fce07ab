"""Export a network: JSON (lossless, re-importable), CSV (four files, spreadsheet-safe), GraphML and GEXF.

GraphML and GEXF hold people and organisations as nodes and relationships as edges (interactions are left
out: they are events, not ties). Node attribute ``node_type`` tells persons from organisations; ``label`` is
the name (Gephi shows it); the edge attribute ``relationship`` is the relationship type, also its ``label``.
List values are joined with ';', dates written as ISO text.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from enum import Enum, StrEnum
from typing import Any

import networkx as nx

from relgraph.io.csvio import network_to_csv
from relgraph.io.jsonio import network_to_json
from relgraph.model import Network
from relgraph.projection import typed_multigraph

__all__ = ["ExportFormat", "export_bytes", "graph_for_export"]


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    GRAPHML = "graphml"
    GEXF = "gexf"

    @property
    def media_type(self) -> str:
        return {
            "json": "application/json",
            "csv": "application/zip",
            "graphml": "application/graphml+xml",
            "gexf": "application/gexf+xml",
        }[self.value]

    @property
    def extension(self) -> str:
        return "zip" if self is ExportFormat.CSV else self.value


def _scalar(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(_scalar(v)) for v in value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def graph_for_export(network: Network) -> nx.MultiDiGraph:
    """The typed multigraph with every attribute turned into a GraphML/GEXF-friendly scalar."""
    graph = typed_multigraph(network)
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items()}
        out.add_node(node, label=attrs.get("name", node), **{k: v for k, v in attrs.items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if k != "type"}
        out.add_edge(source, target, key=key, relationship=key, label=key, **attrs)
    return out


def export_bytes(network: Network, fmt: ExportFormat) -> bytes:
    """The export as bytes (CSV: a zip archive of the four files)."""
    if fmt is ExportFormat.JSON:
        return network_to_json(network).encode("utf-8")
    if fmt is ExportFormat.CSV:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, text in network_to_csv(network).items():
                archive.writestr(name, text.encode("utf-8"))
        return buffer.getvalue()
    writer = nx.write_graphml if fmt is ExportFormat.GRAPHML else nx.write_gexf
    buffer = io.BytesIO()
    writer(graph_for_export(network), buffer)
    return buffer.getvalue()
