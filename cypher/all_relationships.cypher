// all_relationships: every relationship, for a snapshot, in batches.
// Parameters: batch INTEGER. Returns: rows LIST<MAP>, at most `batch` rows per record, in order: each row is the
// relationship's properties with its `source`, `type` and `target`, and `since`/`until` as ISO date strings.
// Collected into a few large records: one record per row cost the driver most of the snapshot's time. Dates go
// as text because the driver's Date objects cost more to turn into Python dates than pydantic takes to parse
// the text; a date that is absent stays absent (no null key).
MATCH (a)-[r]->(b)
// Read through the property map: `r.until` would draw a warning from a store where no relationship has one.
WITH a.id AS source, type(r) AS type, b.id AS target, properties(r) AS p
WITH source, type, target, p, p {.*, source: source, type: type, target: target} AS row
WITH source, type, target, p,
     CASE WHEN p.since IS NULL THEN row ELSE row {.*, since: toString(p.since)} END AS row
WITH source, type, target,
     CASE WHEN p.until IS NULL THEN row ELSE row {.*, until: toString(p.until)} END AS row
ORDER BY source, type, target
WITH collect(row) AS rows
UNWIND range(0, size(rows) - 1, $batch) AS start
RETURN rows[start..start + $batch] AS rows
