// create_relationships: create relationships that existing_relationships did not find. The endpoints are locked
// by this transaction, so no other writer can have created them since (the type comes from the closed RelType enum).
// Parameters: $rows LIST<MAP {source: STRING, target: STRING, type: STRING, props: MAP}>. Returns: created INTEGER.
UNWIND $rows AS row
MATCH (a:Person|Organization {id: row.source})
MATCH (b:Person|Organization {id: row.target})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
