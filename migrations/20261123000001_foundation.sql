-- sltbot foundation schema. Times are UTC unix seconds (INTEGER); dates are ISO text
-- (YYYY-MM-DD) in the group's timezone. Discord snowflakes are stored as INTEGER.
-- Every table is STRICT. Changes are recorded in audit_log by the service layer.

CREATE TABLE workspaces (
    id               INTEGER PRIMARY KEY,          -- Discord guild id
    timezone         TEXT    NOT NULL,
    language         TEXT    NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
    coordinator_role INTEGER,
    digest_channel   INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
) STRICT;

CREATE TABLE groups (
    id               INTEGER PRIMARY KEY,
    workspace_id     INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    name_key         TEXT    NOT NULL,              -- normalised, lower-cased: unique per workspace
    level            TEXT    NOT NULL CHECK (level IN ('styrende', 'koordinerende', 'utforende', 'annet')),
    channel_id       INTEGER,
    coordinator_role INTEGER,
    member_role      INTEGER,
    timezone         TEXT,                          -- NULL: the workspace's
    language         TEXT CHECK (language IN ('nb', 'nn', 'en')),
    archived_at      INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE UNIQUE INDEX groups_workspace_name ON groups (workspace_id, name_key);

CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    starts_at   INTEGER NOT NULL,
    title       TEXT,
    location    TEXT,
    status      TEXT    NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'held')),
    created_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX meetings_group_start ON meetings (group_id, starts_at);

CREATE TABLE agenda_items (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,  -- NULL: waits for the next meeting
    title       TEXT    NOT NULL,
    details     TEXT,
    submitter   INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('proposed', 'on_agenda', 'handled', 'carried_over', 'withdrawn')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_group ON agenda_items (group_id, status);

CREATE TABLE actions (
    id          INTEGER PRIMARY KEY,
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
CREATE INDEX actions_group_status ON actions (group_id, status);
CREATE INDEX actions_owner ON actions (owner, status);
CREATE INDEX actions_due ON actions (status, due_date);

CREATE TABLE action_updates (
    id          INTEGER PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    actor       INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    note        TEXT
) STRICT;
CREATE INDEX action_updates_action ON action_updates (action_id, at);
CREATE INDEX action_updates_at ON action_updates (at);

-- Who changed what, when. No foreign keys: the trail outlives what it describes.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL,
    group_id     INTEGER,
    actor        INTEGER NOT NULL,
    action       TEXT    NOT NULL,   -- e.g. agenda.add, action.update
    entity       TEXT    NOT NULL,   -- group, meeting, agenda_item, action, workspace
    entity_id    INTEGER,
    before       TEXT,               -- JSON, NULL on create
    after        TEXT,               -- JSON, NULL on delete
    at           INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_log_group ON audit_log (group_id, at);
CREATE INDEX audit_log_workspace ON audit_log (workspace_id, at);
