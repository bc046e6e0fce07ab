-- Migration 0001: the initial schema.
-- Persons and organisations share one id namespace (relationships name endpoints by id alone), so both live
-- in `node`, told apart by `label`. The full validated record is kept as JSON in `data`; the columns beside it
-- exist for keys, joins, filters and foreign keys.
CREATE TABLE node (
    id    TEXT PRIMARY KEY,
    label TEXT NOT NULL CHECK (label IN ('Person', 'Organization')),
    name  TEXT NOT NULL,
    data  TEXT NOT NULL
);
CREATE INDEX node_label_name ON node (label, name);

CREATE TABLE relationship (
    source TEXT NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    type   TEXT NOT NULL,
    target TEXT NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    data   TEXT NOT NULL,
    PRIMARY KEY (source, type, target)
);
CREATE INDEX relationship_target ON relationship (target, type);
CREATE INDEX relationship_type ON relationship (type);

CREATE TABLE interaction (
    id           TEXT PRIMARY KEY,
    date         TEXT NOT NULL,
    organization TEXT REFERENCES node (id),
    data         TEXT NOT NULL
);
CREATE INDEX interaction_date ON interaction (date);
CREATE INDEX interaction_organization ON interaction (organization);

CREATE TABLE interaction_participant (
    interaction_id TEXT NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    person_id      TEXT NOT NULL REFERENCES node (id),
    PRIMARY KEY (interaction_id, person_id)
);
CREATE INDEX interaction_participant_person ON interaction_participant (person_id);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('version', '0');
