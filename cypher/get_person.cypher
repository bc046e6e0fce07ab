// get_person: one person's properties.
// Parameters: $id STRING. Returns: props MAP (no row if there is no such person).
MATCH (n:Person {id: $id})
RETURN properties(n) AS props
