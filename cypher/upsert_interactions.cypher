// upsert_interactions: create interactions or replace their properties. Participants and the organisation are
// kept as id properties (`participants`, `organization`): the relationship types stay exactly the vocabulary's.
// Parameters: $rows LIST<MAP {id: STRING, props: MAP}>. Returns: created INTEGER, updated INTEGER.
UNWIND $rows AS row
MERGE (n:Interaction {id: row.id})
  ON CREATE SET n.relgraph_new = true
WITH n, row, n.relgraph_new IS NOT NULL AS created
REMOVE n.relgraph_new
WITH n, row, created, properties(n) AS before
FOREACH (_ IN CASE WHEN before <> row.props THEN [1] ELSE [] END | SET n = row.props)
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND before <> row.props THEN 1 ELSE 0 END) AS updated
