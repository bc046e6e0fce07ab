// get_version: the store's version; it changes on every write that changed something.
// Parameters: none. Returns: version INTEGER (null before init).
OPTIONAL MATCH (m:RelgraphMeta {key: 'store'})
RETURN m.version AS version
