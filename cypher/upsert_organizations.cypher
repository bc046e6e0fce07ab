// upsert_organizations: create organisations or replace their properties, and set their kind and role labels
// (:Company, :Municipality, :Client, :Supplier, ...; the labels come from the closed enums, never from text).
// Parameters: $rows LIST<MAP {id: STRING, props: MAP, labels: LIST<STRING>, stale: LIST<STRING>}>.
// Returns: created INTEGER, updated INTEGER.
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
  ON CREATE SET n.relgraph_new = true
WITH n, row, n.relgraph_new IS NOT NULL AS created
REMOVE n.relgraph_new
WITH n, row, created, properties(n) AS before
FOREACH (_ IN CASE WHEN before <> row.props THEN [1] ELSE [] END | SET n = row.props)
SET n:$(row.labels)
REMOVE n:$(row.stale)
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND before <> row.props THEN 1 ELSE 0 END) AS updated
