// delete_interaction: delete one interaction.
// Parameters: $id STRING. Returns: deleted INTEGER.
OPTIONAL MATCH (i:Interaction {id: $id})
DELETE i
RETURN count(i) AS deleted
