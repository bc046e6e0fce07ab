// nodes_by_ids: the people and organisations with the given ids.
// Parameters: $ids LIST<STRING>. Returns: label STRING, props MAP.
UNWIND $ids AS id
MATCH (n:Person|Organization {id: id})
RETURN CASE WHEN n:Person THEN 'Person' ELSE 'Organization' END AS label, properties(n) AS props
ORDER BY label DESC, n.id
