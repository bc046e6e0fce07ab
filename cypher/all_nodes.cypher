// all_nodes: every person and organisation, for a snapshot, in batches.
// Parameters: batch INTEGER. Returns: rows LIST<[label STRING ('Person' or 'Organization'), props MAP]>,
// at most `batch` rows per record, in order.
// Collected into a few large records: one record per row cost the driver most of the snapshot's time.
MATCH (n)
WHERE n:Person OR n:Organization
WITH CASE WHEN n:Person THEN 'Person' ELSE 'Organization' END AS label, n.id AS id, properties(n) AS props
ORDER BY label DESC, id
WITH collect([label, props]) AS rows
UNWIND range(0, size(rows) - 1, $batch) AS start
RETURN rows[start..start + $batch] AS rows
