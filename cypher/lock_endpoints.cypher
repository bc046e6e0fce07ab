// lock_endpoints: take the write lock of every person and organisation a batch's relationships touch, in id order,
// before looking for existing relationships. Every writer does this first, so "look, then create if missing" cannot
// race into duplicate relationships (the job MERGE's per-row locking does, at several times the cost).
// Parameters: $ids LIST<STRING> (sorted). Returns: locked INTEGER.
UNWIND $ids AS id
MATCH (n:Person|Organization {id: id})
SET n.relgraph_lock = true
REMOVE n.relgraph_lock
RETURN count(n) AS locked
