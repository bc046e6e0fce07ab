#!/usr/bin/env python3
"""Smoke-test a running test server with the official `neo4j` driver.

Reads RELGRAPH_TEST_NEO4J_URI / _USER / _PASSWORD (as exported by
``neo4jctl.py env``), e.g.::

    tools/neo4j/run-with-neo4j.sh python tools/neo4j/smoke.py
"""

import os
import sys

import neo4j
from neo4j import GraphDatabase


def main() -> int:
    uri = os.environ["RELGRAPH_TEST_NEO4J_URI"]
    user = os.environ.get("RELGRAPH_TEST_NEO4J_USER", "")
    password = os.environ.get("RELGRAPH_TEST_NEO4J_PASSWORD", "")
    auth = (user, password) if user else None
    with GraphDatabase.driver(uri, auth=auth) as driver:
        driver.verify_connectivity()
        info = driver.get_server_info()
        print(f"driver {neo4j.__version__} -> {info.agent} (bolt {info.protocol_version}) at {uri}")
        driver.execute_query(
            "CREATE CONSTRAINT smoke_thing_id IF NOT EXISTS "
            "FOR (t:SmokeThing) REQUIRE t.id IS UNIQUE"
        )
        for _ in range(3):  # idempotent MERGE
            driver.execute_query(
                "MERGE (a:SmokeThing {id: $a}) MERGE (b:SmokeThing {id: $b}) "
                "MERGE (a)-[:LINKS]->(b)",
                a="x",
                b="y",
            )
        records, _, _ = driver.execute_query("MATCH (t:SmokeThing) RETURN count(t) AS n")
        n = records[0]["n"]
        rels, _, _ = driver.execute_query(
            "MATCH (:SmokeThing)-[r:LINKS]->(:SmokeThing) RETURN count(r) AS n"
        )
        cons, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS c")
        print(f"nodes={n} rels={rels[0]['n']} constraints={cons[0]['c']}")
        if n != 2 or rels[0]["n"] != 1 or "smoke_thing_id" not in cons[0]["c"]:
            print("SMOKE TEST FAILED", file=sys.stderr)
            return 1
    print("smoke test OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
