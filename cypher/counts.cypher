// counts: numbers of records (count-store lookups, constant time).
// Parameters: none. Returns: people, organizations, relationships, interactions (INTEGER).
CALL () { MATCH (n:Person) RETURN count(n) AS people }
CALL () { MATCH (n:Organization) RETURN count(n) AS organizations }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (n:Interaction) RETURN count(n) AS interactions }
RETURN people, organizations, relationships, interactions
