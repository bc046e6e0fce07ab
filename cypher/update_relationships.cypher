// update_relationships: replace the properties of existing relationships (found by existing_relationships).
// Parameters: $rows LIST<MAP {source: STRING, target: STRING, type: STRING, props: MAP}>. Returns: updated INTEGER.
UNWIND $rows AS row
MATCH (a:Person|Organization {id: row.source})-[e]->(b:Person|Organization {id: row.target})
WHERE type(e) = row.type
SET e = row.props
RETURN count(e) AS updated
