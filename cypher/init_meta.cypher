// init_meta: the one node that holds the store's version number.
// Parameters: none. Returns: version INTEGER.
MERGE (m:RelgraphMeta {key: 'store'})
  ON CREATE SET m.version = 0
RETURN m.version AS version
