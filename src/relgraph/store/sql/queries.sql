-- Every SQL statement the SQLite store runs, by name (loaded once by relgraph.store.queries).
-- Values always travel as named parameters; lists of ids travel as one JSON array read with json_each.

-- name: get_version
SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'version';

-- name: bump_version
UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version';

-- name: counts
SELECT
    (SELECT count(*) FROM node WHERE label = 'Person') AS people,
    (SELECT count(*) FROM node WHERE label = 'Organization') AS organizations,
    (SELECT count(*) FROM relationship) AS relationships,
    (SELECT count(*) FROM interaction) AS interactions;

-- name: node_labels
SELECT id, label FROM node WHERE id IN (SELECT value FROM json_each(:ids));

-- name: secondary_indexes
-- The indexes of the data tables other than their keys (name, the statement that creates it), for a bulk write
-- that drops them and builds them again afterwards.
SELECT name, sql FROM sqlite_master
WHERE type = 'index' AND sql IS NOT NULL
  AND tbl_name IN ('node', 'relationship', 'interaction', 'interaction_participant')
ORDER BY name;

-- name: upsert_node
-- Positional parameters (id, label, name, data): imports bind a tuple per row, which is cheaper than a dict.
INSERT INTO node (id, label, name, data) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data
WHERE node.label = excluded.label AND node.data IS NOT excluded.data;

-- name: upsert_relationship
-- Positional parameters (source, type, target, data).
INSERT INTO relationship (source, type, target, data) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (source, type, target) DO UPDATE SET data = excluded.data
WHERE relationship.data IS NOT excluded.data;

-- name: upsert_interaction
-- Positional parameters (id, date, organization, data).
INSERT INTO interaction (id, date, organization, data) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (id) DO UPDATE SET date = excluded.date, organization = excluded.organization, data = excluded.data
WHERE interaction.data IS NOT excluded.data;

-- name: delete_batch_participants
-- :participants is one JSON object {interaction id: [person id, ...]}, so a whole batch is one statement
-- instead of one per interaction (and insert_batch_participants one instead of one per participant).
DELETE FROM interaction_participant
WHERE interaction_id IN (SELECT key FROM json_each(:participants));

-- name: insert_batch_participants
INSERT INTO interaction_participant (interaction_id, person_id)
SELECT i.key, p.value FROM json_each(:participants) AS i, json_each(i.value) AS p;

-- name: get_node
SELECT label, data FROM node WHERE id = :id;

-- name: get_relationship
SELECT data FROM relationship WHERE source = :source AND type = :type AND target = :target;

-- name: get_interaction
SELECT data FROM interaction WHERE id = :id;

-- name: list_people
-- The first row carries the total number of hits, the rest the requested page.
WITH hits AS (
    SELECT n.id, n.name, n.data FROM node AS n
    WHERE n.label = 'Person'
      AND (:q IS NULL OR n.name LIKE :q ESCAPE '\'
           OR json_extract(n.data, '$.title') LIKE :q ESCAPE '\'
           OR json_extract(n.data, '$.email') LIKE :q ESCAPE '\')
      AND (:internal IS NULL OR coalesce(json_extract(n.data, '$.internal'), 0) = :internal)
      AND (:tag IS NULL OR EXISTS (SELECT 1 FROM json_each(n.data, '$.tags') WHERE value = :tag))
      AND (:organization IS NULL OR EXISTS (
            SELECT 1 FROM relationship AS r
            WHERE r.source = n.id AND r.target = :organization AND r.type IN ('WORKS_AT', 'MEMBER_OF')))
)
SELECT count(*) AS total, NULL AS data FROM hits
UNION ALL
SELECT NULL, data FROM (SELECT data FROM hits ORDER BY name, id LIMIT :limit OFFSET :offset);

-- name: list_organizations
WITH hits AS (
    SELECT n.id, n.name, n.data FROM node AS n
    WHERE n.label = 'Organization'
      AND (:q IS NULL OR n.name LIKE :q ESCAPE '\'
           OR json_extract(n.data, '$.sector') LIKE :q ESCAPE '\'
           OR json_extract(n.data, '$.region') LIKE :q ESCAPE '\')
      AND (:kind IS NULL OR coalesce(json_extract(n.data, '$.kind'), 'other') = :kind)
      AND (:role IS NULL OR EXISTS (SELECT 1 FROM json_each(n.data, '$.roles') WHERE value = :role))
      AND (:tag IS NULL OR EXISTS (SELECT 1 FROM json_each(n.data, '$.tags') WHERE value = :tag))
)
SELECT count(*) AS total, NULL AS data FROM hits
UNION ALL
SELECT NULL, data FROM (SELECT data FROM hits ORDER BY name, id LIMIT :limit OFFSET :offset);

-- name: list_relationships
WITH hits AS (
    SELECT r.source, r.type, r.target, r.data FROM relationship AS r
    WHERE (:node IS NULL OR r.source = :node OR r.target = :node)
      AND (:type IS NULL OR r.type = :type)
      AND (:source IS NULL OR r.source = :source)
      AND (:target IS NULL OR r.target = :target)
)
SELECT count(*) AS total, NULL AS data FROM hits
UNION ALL
SELECT NULL, data FROM (SELECT data FROM hits ORDER BY source, type, target LIMIT :limit OFFSET :offset);

-- name: list_interactions
WITH hits AS (
    SELECT i.id, i.date, i.data FROM interaction AS i
    WHERE (:participant IS NULL OR EXISTS (
            SELECT 1 FROM interaction_participant AS p
            WHERE p.interaction_id = i.id AND p.person_id = :participant))
      AND (:organization IS NULL OR i.organization = :organization)
      AND (:since IS NULL OR i.date >= :since)
      AND (:until IS NULL OR i.date <= :until)
)
SELECT count(*) AS total, NULL AS data FROM hits
UNION ALL
SELECT NULL, data FROM (SELECT data FROM hits ORDER BY date DESC, id LIMIT :limit OFFSET :offset);

-- name: all_nodes
SELECT label, data FROM node ORDER BY label DESC, id;

-- name: all_relationships
SELECT data FROM relationship ORDER BY source, type, target;

-- name: all_interactions
SELECT data FROM interaction ORDER BY date, id;

-- name: adjacent_ids
SELECT target FROM relationship WHERE source IN (SELECT value FROM json_each(:ids))
UNION
SELECT source FROM relationship WHERE target IN (SELECT value FROM json_each(:ids));

-- name: nodes_by_ids
SELECT label, data FROM node WHERE id IN (SELECT value FROM json_each(:ids)) ORDER BY label DESC, id;

-- name: relationships_within
SELECT data FROM relationship
WHERE source IN (SELECT value FROM json_each(:ids)) AND target IN (SELECT value FROM json_each(:ids))
ORDER BY source, type, target;

-- name: interactions_within
-- Interactions whose every participant is inside the id set.
SELECT i.data FROM interaction AS i
WHERE EXISTS (SELECT 1 FROM interaction_participant AS p
              WHERE p.interaction_id = i.id AND p.person_id IN (SELECT value FROM json_each(:ids)))
  AND NOT EXISTS (SELECT 1 FROM interaction_participant AS p
                  WHERE p.interaction_id = i.id AND p.person_id NOT IN (SELECT value FROM json_each(:ids)))
ORDER BY i.date, i.id;

-- name: interactions_of_person
SELECT i.id, i.data FROM interaction AS i
JOIN interaction_participant AS p ON p.interaction_id = i.id
WHERE p.person_id = :id;

-- name: interactions_of_organization
SELECT id, data FROM interaction WHERE organization = :id;

-- name: rewrite_interaction
UPDATE interaction SET organization = :organization, data = :data WHERE id = :id;

-- name: delete_participant
DELETE FROM interaction_participant WHERE interaction_id = :interaction_id AND person_id = :person_id;

-- name: delete_node
DELETE FROM node WHERE id = :id AND label = :label;

-- name: delete_relationship
DELETE FROM relationship WHERE source = :source AND type = :type AND target = :target;

-- name: delete_interaction
DELETE FROM interaction WHERE id = :id;

-- name: clear_all
-- A script: its statements run in order, in the caller's transaction.
DELETE FROM interaction_participant;
DELETE FROM interaction;
DELETE FROM relationship;
DELETE FROM node;

-- name: applied_migrations
SELECT version FROM schema_migration ORDER BY version;

-- name: record_migration
INSERT INTO schema_migration (version, name, applied_at) VALUES (:version, :name, :applied_at);

-- name: create_migration_table
CREATE TABLE IF NOT EXISTS schema_migration (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
