// all_relationships: every relationship, for a snapshot.
// Parameters: none. Returns: source STRING, type STRING, target STRING, props MAP.
MATCH (a)-[r]->(b)
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
ORDER BY source, type, target
