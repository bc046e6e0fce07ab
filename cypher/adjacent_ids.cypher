// adjacent_ids: the ids of every person or organisation one relationship away (either direction).
// Parameters: $ids LIST<STRING>. Returns: id STRING.
UNWIND $ids AS id
MATCH (n:Person|Organization {id: id})--(m)
RETURN DISTINCT m.id AS id
