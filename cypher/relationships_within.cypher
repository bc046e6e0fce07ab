// relationships_within: every relationship whose two ends are both among the given ids.
// Parameters: $ids LIST<STRING>. Returns: source STRING, type STRING, target STRING, props MAP.
UNWIND $ids AS id
MATCH (a:Person|Organization {id: id})-[r]->(b)
WHERE b.id IN $ids
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
ORDER BY source, type, target
