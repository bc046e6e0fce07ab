// list_organizations: one page of organisations, filtered, ordered by name then id, with the total.
// Parameters: $q STRING|null (lower-case text in name, sector or region), $kind STRING|null, $role STRING|null,
//             $tag STRING|null, $offset INTEGER, $limit INTEGER.
// Returns: total INTEGER, items LIST<MAP>.
MATCH (n:Organization)
WHERE ($q IS NULL OR toLower(n.name) CONTAINS $q OR toLower(coalesce(n.sector, '')) CONTAINS $q
       OR toLower(coalesce(n.region, '')) CONTAINS $q)
  AND ($kind IS NULL OR coalesce(n.kind, 'other') = $kind)
  AND ($role IS NULL OR $role IN coalesce(n.roles, []))
  AND ($tag IS NULL OR $tag IN coalesce(n.tags, []))
WITH n ORDER BY n.name, n.id
WITH collect(properties(n)) AS hits
RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS items
