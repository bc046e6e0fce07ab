// all_interactions: every interaction, for a snapshot, in batches.
// Parameters: batch INTEGER. Returns: rows LIST<props MAP>, at most `batch` rows per record, in order.
// Collected into a few large records: one record per row cost the driver most of the snapshot's time.
MATCH (i:Interaction)
WITH properties(i) AS props, i.date AS date, i.id AS id
ORDER BY date, id
WITH collect(props) AS rows
UNWIND range(0, size(rows) - 1, $batch) AS start
RETURN rows[start..start + $batch] AS rows
