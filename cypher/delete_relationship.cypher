// delete_relationship: delete one relationship by (source, type, target).
// Parameters: $source STRING, $type STRING (a RelType), $target STRING. Returns: deleted INTEGER.
OPTIONAL MATCH (a:Person|Organization {id: $source})-[r]->(b:Person|Organization {id: $target})
WHERE type(r) = $type
DELETE r
RETURN count(r) AS deleted
