// delete_relationship: delete one relationship by (source, type, target).
// Parameters: $source STRING, $type STRING (a RelType), $target STRING. Returns: deleted INTEGER.
OPTIONAL MATCH (sp:Person {id: $source})
OPTIONAL MATCH (so:Organization {id: $source})
WITH coalesce(sp, so) AS a
OPTIONAL MATCH (a)-[r:$($type)]->(b)
WHERE b.id = $target AND (b:Person OR b:Organization)
DELETE r
RETURN count(r) AS deleted
