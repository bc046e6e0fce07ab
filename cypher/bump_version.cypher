// bump_version: add one to the store's version, inside the write transaction that changed something.
// Parameters: none. Returns: version INTEGER.
MERGE (m:RelgraphMeta {key: 'store'})
  ON CREATE SET m.version = 0
SET m.version = m.version + 1
RETURN m.version AS version
