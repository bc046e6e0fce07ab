// node_types: which of the given ids are people and which organisations.
// Parameters: $ids LIST<STRING>. Returns: id STRING, label STRING ('Person' or 'Organization'); unknown ids left out.
UNWIND $ids AS id
OPTIONAL MATCH (p:Person {id: id})
OPTIONAL MATCH (o:Organization {id: id})
WITH id, CASE WHEN p IS NOT NULL THEN 'Person' WHEN o IS NOT NULL THEN 'Organization' END AS label
WHERE label IS NOT NULL
RETURN id, label
