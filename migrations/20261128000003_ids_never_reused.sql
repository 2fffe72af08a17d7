-- Ids users see are never reused (issue 14, item 7): a group, meeting, agenda item, action,
-- progress note or audit row created after a deletion gets a new id, so `/audit` of a new
-- group cannot show a deleted group's history and an old button cannot reach a new record.
-- SQLite can only add AUTOINCREMENT by rebuilding a table: create the new one, copy, drop,
-- rename, recreate its indexes. Dropping a parent table with foreign keys on would cascade,
-- so `Store::migrate` runs migrations on one connection with `PRAGMA foreign_keys = OFF`
-- (it cannot change inside the migration's transaction) and checks
-- `PRAGMA foreign_key_check` before switching them back on.

CREATE TABLE groups_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id     INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    name_key         TEXT    NOT NULL,
    level            TEXT    NOT NULL CHECK (level IN ('styrende', 'koordinerende', 'utforende', 'annet')),
    channel_id       INTEGER,
    coordinator_role INTEGER,
    member_role      INTEGER,
    timezone         TEXT,
    language         TEXT CHECK (language IN ('nb', 'nn', 'en')),
    archived_at      INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    reminder_leads   TEXT    NOT NULL DEFAULT '10080,1440',
    agenda_deadline  INTEGER DEFAULT 2880,
    skip_holidays    INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO groups_new (id, workspace_id, name, name_key, level, channel_id, coordinator_role,
    member_role, timezone, language, archived_at, created_at, updated_at, version,
    reminder_leads, agenda_deadline, skip_holidays)
SELECT id, workspace_id, name, name_key, level, channel_id, coordinator_role,
    member_role, timezone, language, archived_at, created_at, updated_at, version,
    reminder_leads, agenda_deadline, skip_holidays FROM groups;
DROP TABLE groups;
ALTER TABLE groups_new RENAME TO groups;
CREATE UNIQUE INDEX groups_workspace_name ON groups (workspace_id, name_key);

CREATE TABLE meetings_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id         INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    starts_at        INTEGER NOT NULL,
    title            TEXT,
    location         TEXT,
    status           TEXT    NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'held')),
    created_by       INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    series_id        INTEGER REFERENCES series (id) ON DELETE SET NULL,
    occurrence_start INTEGER
) STRICT;
INSERT INTO meetings_new (id, group_id, starts_at, title, location, status, created_by,
    created_at, updated_at, version, series_id, occurrence_start)
SELECT id, group_id, starts_at, title, location, status, created_by,
    created_at, updated_at, version, series_id, occurrence_start FROM meetings;
DROP TABLE meetings;
ALTER TABLE meetings_new RENAME TO meetings;
CREATE INDEX meetings_group_start ON meetings (group_id, starts_at);
CREATE UNIQUE INDEX meetings_series_occurrence ON meetings (series_id, occurrence_start);
CREATE INDEX meetings_start ON meetings (starts_at, status);

CREATE TABLE agenda_items_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    title       TEXT    NOT NULL,
    details     TEXT,
    submitter   INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('proposed', 'on_agenda', 'handled', 'carried_over', 'withdrawn')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
INSERT INTO agenda_items_new (id, group_id, meeting_id, title, details, submitter, position,
    status, created_at, updated_at, version)
SELECT id, group_id, meeting_id, title, details, submitter, position,
    status, created_at, updated_at, version FROM agenda_items;
DROP TABLE agenda_items;
ALTER TABLE agenda_items_new RENAME TO agenda_items;
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_group ON agenda_items (group_id, status);

CREATE TABLE actions_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL,
    owner       INTEGER NOT NULL,
    agency      TEXT,
    due_date    TEXT,
    status      TEXT    NOT NULL CHECK (status IN ('open', 'in_progress', 'blocked', 'done', 'cancelled')),
    created_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
INSERT INTO actions_new (id, group_id, title, owner, agency, due_date, status, created_by,
    created_at, updated_at, version)
SELECT id, group_id, title, owner, agency, due_date, status, created_by,
    created_at, updated_at, version FROM actions;
DROP TABLE actions;
ALTER TABLE actions_new RENAME TO actions;
CREATE INDEX actions_group_status ON actions (group_id, status);
CREATE INDEX actions_owner ON actions (owner, status);
CREATE INDEX actions_due ON actions (status, due_date);

CREATE TABLE action_updates_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id   INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    actor       INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    note        TEXT
) STRICT;
INSERT INTO action_updates_new (id, action_id, actor, at, from_status, to_status, note)
SELECT id, action_id, actor, at, from_status, to_status, note FROM action_updates;
DROP TABLE action_updates;
ALTER TABLE action_updates_new RENAME TO action_updates;
CREATE INDEX action_updates_action ON action_updates (action_id, at);
CREATE INDEX action_updates_at ON action_updates (at);

CREATE TABLE audit_log_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    group_id     INTEGER,
    actor        INTEGER NOT NULL,
    action       TEXT    NOT NULL,
    entity       TEXT    NOT NULL,
    entity_id    INTEGER,
    before       TEXT,
    after        TEXT,
    at           INTEGER NOT NULL
) STRICT;
INSERT INTO audit_log_new (id, workspace_id, group_id, actor, action, entity, entity_id,
    before, after, at)
SELECT id, workspace_id, group_id, actor, action, entity, entity_id,
    before, after, at FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_group ON audit_log (group_id, at);
CREATE INDEX audit_log_workspace ON audit_log (workspace_id, at);

-- Ids already handed out before this migration and since deleted (the highest ones would
-- otherwise be handed out once more): the audit trail remembers them.
INSERT INTO sqlite_sequence (name, seq)
SELECT t.name, 0 FROM (SELECT 'groups' AS name UNION ALL SELECT 'meetings'
    UNION ALL SELECT 'agenda_items' UNION ALL SELECT 'actions') t
WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence s WHERE s.name = t.name);
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(entity_id) FROM audit_log
    WHERE entity = CASE sqlite_sequence.name WHEN 'groups' THEN 'group'
        WHEN 'meetings' THEN 'meeting' WHEN 'agenda_items' THEN 'agenda_item'
        WHEN 'actions' THEN 'action' END), 0))
WHERE name IN ('groups', 'meetings', 'agenda_items', 'actions');
