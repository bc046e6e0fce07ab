// schema: constraints and indexes, applied idempotently by `relgraph init` (each statement on its own).
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT interaction_id IF NOT EXISTS FOR (n:Interaction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT relgraph_meta_key IF NOT EXISTS FOR (n:RelgraphMeta) REQUIRE n.key IS UNIQUE;
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX interaction_date IF NOT EXISTS FOR (n:Interaction) ON (n.date);
CREATE INDEX interaction_organization IF NOT EXISTS FOR (n:Interaction) ON (n.organization);
