// interactions_within: interactions whose every participant is among the given ids.
// Parameters: $ids LIST<STRING>. Returns: props MAP.
MATCH (i:Interaction)
WHERE all(p IN i.participants WHERE p IN $ids)
RETURN properties(i) AS props
ORDER BY i.date, i.id
