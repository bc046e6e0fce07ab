// get_organization: one organisation's properties.
// Parameters: $id STRING. Returns: props MAP (no row if there is no such organisation).
MATCH (n:Organization {id: $id})
RETURN properties(n) AS props
