// delete_organization: interactions about the organisation keep no organisation; then delete it and its
// relationships.
// Parameters: $id STRING. Returns: deleted INTEGER (0 if there was no such organisation).
OPTIONAL MATCH (i:Interaction {organization: $id})
REMOVE i.organization
WITH count(*) AS touched
OPTIONAL MATCH (n:Organization {id: $id})
DETACH DELETE n
RETURN count(n) AS deleted
