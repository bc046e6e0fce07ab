// all_interactions: every interaction, for a snapshot, in batches.
// Parameters: batch INTEGER. Returns: rows LIST<props MAP>, at most `batch` rows per record, in order, with
// `date` as an ISO date string (see all_relationships for why).
// Collected into a few large records: one record per row cost the driver most of the snapshot's time.
MATCH (i:Interaction)
WITH i {.*, date: toString(i.date)} AS props, i.date AS date, i.id AS id
ORDER BY date, id
WITH collect(props) AS rows
UNWIND range(0, size(rows) - 1, $batch) AS start
RETURN rows[start..start + $batch] AS rows
