// all_relationships: every relationship, for a snapshot, in batches.
// Parameters: batch INTEGER. Returns: rows LIST<[source STRING, type STRING, target STRING, props MAP]>,
// at most `batch` rows per record, in order.
// Collected into a few large records: one record per row cost the driver most of the snapshot's time.
MATCH (a)-[r]->(b)
WITH a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
ORDER BY source, type, target
WITH collect([source, type, target, props]) AS rows
UNWIND range(0, size(rows) - 1, $batch) AS start
RETURN rows[start..start + $batch] AS rows
