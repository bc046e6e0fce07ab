// get_interaction: one interaction's properties.
// Parameters: $id STRING. Returns: props MAP (no row if there is no such interaction).
MATCH (n:Interaction {id: $id})
RETURN properties(n) AS props
