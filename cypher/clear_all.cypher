// clear_all: delete every person, organisation, relationship and interaction (one transaction).
// Parameters: none. Returns: deleted INTEGER.
MATCH (n)
WHERE n:Person OR n:Organization OR n:Interaction
DETACH DELETE n
RETURN count(n) AS deleted
