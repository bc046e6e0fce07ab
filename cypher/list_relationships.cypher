// list_relationships: one page of relationships, filtered, ordered by source, type, target, with the total.
// Parameters: $node STRING|null (either end), $type STRING|null, $source STRING|null, $target STRING|null,
//             $offset INTEGER, $limit INTEGER.
// Returns: total INTEGER, items LIST<MAP {source, type, target, props}>.
MATCH (a)-[r]->(b)
WHERE ($node IS NULL OR a.id = $node OR b.id = $node)
  AND ($type IS NULL OR type(r) = $type)
  AND ($source IS NULL OR a.id = $source)
  AND ($target IS NULL OR b.id = $target)
WITH a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
ORDER BY source, type, target
WITH collect({source: source, type: type, target: target, props: props}) AS hits
RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS items
