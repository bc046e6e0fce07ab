// adjacent_ids: the ids of every person or organisation one relationship away (either direction).
// Parameters: $ids LIST<STRING>. Returns: id STRING.
UNWIND $ids AS id
OPTIONAL MATCH (p:Person {id: id})
OPTIONAL MATCH (o:Organization {id: id})
WITH coalesce(p, o) AS n
MATCH (n)--(m)
RETURN DISTINCT m.id AS id
