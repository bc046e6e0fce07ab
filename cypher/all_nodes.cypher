// all_nodes: every person and organisation, for a snapshot.
// Parameters: none. Returns: label STRING ('Person' or 'Organization'), props MAP.
MATCH (n)
WHERE n:Person OR n:Organization
RETURN CASE WHEN n:Person THEN 'Person' ELSE 'Organization' END AS label, properties(n) AS props
ORDER BY label DESC, n.id
