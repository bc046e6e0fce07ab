// all_interactions: every interaction, for a snapshot.
// Parameters: none. Returns: props MAP.
MATCH (i:Interaction)
RETURN properties(i) AS props
ORDER BY i.date, i.id
