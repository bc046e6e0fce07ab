// existing_relationships: which of a batch's relationships exist already, and whether their properties differ.
// Runs after lock_endpoints and before any relationship of the batch is written, so what it finds stays true
// until commit. The pattern is checked from the bound endpoints, never by scanning relationships.
// Parameters: $rows LIST<MAP {i: INTEGER, source: STRING, target: STRING, type: STRING, props: MAP}>.
// Returns: i INTEGER (rows that exist), same BOOLEAN (their stored properties equal props).
UNWIND $rows AS row
// The label disjunction is planned as two unique-index seeks and an expansion from the source; a pattern
// on coalesced variables was planned as a scan of every relationship slot (slow once deletes leave holes).
MATCH (a:Person|Organization {id: row.source})-[e]->(b:Person|Organization {id: row.target})
WHERE type(e) = row.type
RETURN row.i AS i, properties(e) = row.props AS same
