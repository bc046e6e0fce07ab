// node_types: which of the given ids are people and which organisations.
// Parameters: $ids LIST<STRING>. Returns: id STRING, label STRING ('Person' or 'Organization'); unknown ids left out.
UNWIND $ids AS id
MATCH (n:Person|Organization {id: id})
RETURN id, CASE WHEN n:Person THEN 'Person' ELSE 'Organization' END AS label
