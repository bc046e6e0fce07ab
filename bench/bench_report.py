"""The Markdown table of ``bench/run.py``'s results: measure | size | value | target | met."""

from __future__ import annotations

from typing import Any

_SIGNS = {"<=": "≤", ">=": "≥"}


def _number(value: float, unit: str) -> str:
    if unit == "bytes":
        return f"{value / 1e6:,.2f} MB"
    if unit in {"rows/s", "req/s"}:
        return f"{value:,.0f} {unit}"
    if unit == "×":
        return f"{value:,.1f}×"
    if unit == "fraction":
        return f"{value:.2f}"
    if unit == "s" and value < 0.9995:
        return f"{value * 1000:,.0f} ms" if value >= 0.01 else f"{value * 1000:.1f} ms"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit in {"s", "ms"}:
        return f"{value:,.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}"
    return f"{value:,.3g} {unit}".strip()


def _value(row: dict[str, Any]) -> str:
    if row["value"] is None:
        return row.get("note", "not measured")
    return _number(row["value"], row["unit"])


def _target(row: dict[str, Any]) -> tuple[str, str]:
    target = row.get("target")
    if not target:
        return "", ""
    bound = _number(target["value"], row["unit"] if row["unit"] != "s" else "s")
    where = f" at {target['size']:,}" if target.get("size") else ""
    if row["met"] is None:
        return f"{_SIGNS[target['op']]} {bound}{where}", ""
    text = f"{_SIGNS[target['op']]} {bound}{where}"
    if row["binding"]:
        return text, "yes" if row["met"] else "**no**"
    return text, "(yes)" if row["met"] else "(no)"


def _size(people: int) -> str:
    return f"{people // 1000}k" if people % 1000 == 0 else str(people)


def markdown(doc: dict[str, Any]) -> str:
    m = doc["machine"]
    slow = ", ".join(
        f"{stage} from {_size(n)}" for stage, n in doc["repeats"]["slow_from_people"].items()
    )
    lines = [
        f"relgraph benchmarks, {m['date']}: {m['cpu_count']} × {m['cpu_model']}, {m['memory_gb']} GB, "
        f"Python {m['python']}, NetworkX {m['networkx']}, igraph {m['igraph']}; "
        f"load average at start {m['load_average_at_start']}; median of {doc['repeats']['default']} runs "
        f"({doc['repeats']['slow']} for {slow}). Neo4j: {doc['neo4j']}.",
        "(Met in parentheses: the target is set at another size; shown for indication. Peak memory: ru_maxrss.)",
        "",
        "| measure | size | value | target | met |",
        "| --- | ---: | ---: | --- | :---: |",
    ]
    order: dict[str, int] = {}
    for row in doc["results"]:
        order.setdefault(row["name"], len(order))
    stages = {stage: i for i, stage in enumerate(doc["stages"])}

    def place(row: dict[str, Any]) -> tuple[int, int, int]:
        group = len(stages) if row["name"].startswith("peak memory") else stages[row["stage"]]
        return group, order[row["name"]], row["size"]

    for row in sorted(doc["results"], key=place):
        target, met = _target(row)
        lines.append(f"| {row['name']} | {_size(row['size'])} | {_value(row)} | {target} | {met} |")
    return "\n".join(lines) + "\n"
