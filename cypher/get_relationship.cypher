// get_relationship: one relationship by (source, type, target).
// Parameters: $source STRING, $type STRING (a RelType), $target STRING. Returns: props MAP (no row if absent).
OPTIONAL MATCH (sp:Person {id: $source})
OPTIONAL MATCH (so:Organization {id: $source})
WITH coalesce(sp, so) AS a
MATCH (a)-[r:$($type)]->(b)
WHERE b.id = $target AND (b:Person OR b:Organization)
RETURN properties(r) AS props
