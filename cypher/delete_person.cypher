// delete_person: remove a person from the interactions they took part in (deleting interactions left with no
// participant), then delete the person and their relationships.
// Parameters: $id STRING. Returns: deleted INTEGER (0 if there was no such person).
OPTIONAL MATCH (i:Interaction)
WHERE $id IN i.participants
WITH i, [p IN i.participants WHERE p <> $id] AS remaining
FOREACH (_ IN CASE WHEN i IS NOT NULL AND size(remaining) = 0 THEN [1] ELSE [] END | DELETE i)
FOREACH (_ IN CASE WHEN i IS NOT NULL AND size(remaining) > 0 THEN [1] ELSE [] END | SET i.participants = remaining)
WITH count(*) AS touched
OPTIONAL MATCH (n:Person {id: $id})
DETACH DELETE n
RETURN count(n) AS deleted
