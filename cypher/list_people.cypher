// list_people: one page of people, filtered, ordered by name then id, with the total number of hits.
// Parameters: $q STRING|null (lower-case text in name, title or e-mail), $internal BOOLEAN|null, $tag STRING|null,
//             $organization STRING|null (works at or member of), $offset INTEGER, $limit INTEGER.
// Returns: total INTEGER, items LIST<MAP>.
MATCH (n:Person)
WHERE ($q IS NULL OR toLower(n.name) CONTAINS $q OR toLower(coalesce(n.title, '')) CONTAINS $q
       OR toLower(coalesce(n.email, '')) CONTAINS $q)
  AND ($internal IS NULL OR coalesce(n.internal, false) = $internal)
  AND ($tag IS NULL OR $tag IN coalesce(n.tags, []))
  AND ($organization IS NULL OR EXISTS { (n)-[:WORKS_AT|MEMBER_OF]->(:Organization {id: $organization}) })
WITH n ORDER BY n.name, n.id
WITH collect(properties(n)) AS hits
RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS items
