// get_relationship: one relationship by (source, type, target).
// Parameters: $source STRING, $type STRING (a RelType), $target STRING. Returns: props MAP (no row if absent).
MATCH (a:Person|Organization {id: $source})-[r]->(b:Person|Organization {id: $target})
WHERE type(r) = $type
RETURN properties(r) AS props
