// upsert_people: create people or replace their properties; unchanged ones are not written.
// Parameters: $rows LIST<MAP {id: STRING, props: MAP}>. Returns: created INTEGER, updated INTEGER.
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
  ON CREATE SET n.relgraph_new = true
WITH n, row, n.relgraph_new IS NOT NULL AS created
REMOVE n.relgraph_new
WITH n, row, created, properties(n) AS before
FOREACH (_ IN CASE WHEN before <> row.props THEN [1] ELSE [] END | SET n = row.props)
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND before <> row.props THEN 1 ELSE 0 END) AS updated
