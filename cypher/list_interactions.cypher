// list_interactions: one page of interactions, filtered, newest first, with the total.
// Parameters: $participant STRING|null, $organization STRING|null, $since DATE|null, $until DATE|null,
//             $offset INTEGER, $limit INTEGER.
// Returns: total INTEGER, items LIST<MAP>.
MATCH (i:Interaction)
WHERE ($participant IS NULL OR $participant IN i.participants)
  AND ($organization IS NULL OR i.organization = $organization)
  AND ($since IS NULL OR i.date >= $since)
  AND ($until IS NULL OR i.date <= $until)
WITH i ORDER BY i.date DESC, i.id
WITH collect(properties(i)) AS hits
RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS items
