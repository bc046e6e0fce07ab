// upsert_relationships: create relationships or replace their properties. Endpoints were checked beforehand.
// Parameters: $rows LIST<MAP {source: STRING, target: STRING, type: STRING (a RelType), props: MAP}>.
// Returns: created INTEGER, updated INTEGER.
UNWIND $rows AS row
OPTIONAL MATCH (sp:Person {id: row.source})
OPTIONAL MATCH (so:Organization {id: row.source})
OPTIONAL MATCH (tp:Person {id: row.target})
OPTIONAL MATCH (to:Organization {id: row.target})
WITH row, coalesce(sp, so) AS a, coalesce(tp, to) AS b
MERGE (a)-[r:$(row.type)]->(b)
  ON CREATE SET r.relgraph_new = true
WITH r, row, r.relgraph_new IS NOT NULL AS created
REMOVE r.relgraph_new
WITH r, row, created, properties(r) AS before
FOREACH (_ IN CASE WHEN before <> row.props THEN [1] ELSE [] END | SET r = row.props)
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND before <> row.props THEN 1 ELSE 0 END) AS updated
