-- Inter-municipal setups (issue 12, item 4): the municipalities of a workspace, which
-- municipalities a body belongs to, and guests (a Discord role or user) invited to chosen
-- meetings only. Ids are never reused (AUTOINCREMENT), like the other tables users see.

CREATE TABLE municipalities (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id   INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    number         TEXT    NOT NULL CHECK (length(number) = 4 AND number NOT GLOB '*[^0-9]*'),
    name           TEXT    NOT NULL,
    digest_channel INTEGER,                        -- NULL: no digest of its own
    created_at     INTEGER NOT NULL,
    UNIQUE (workspace_id, number)
) STRICT;

-- A body belongs to one or more municipalities (the service refuses to remove a
-- municipality while bodies belong to it).
CREATE TABLE group_municipalities (
    group_id        INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, municipality_id)
) STRICT;
CREATE INDEX group_municipalities_municipality ON group_municipalities (municipality_id);

-- A guest of one meeting: a role (e.g. "Færder") or a user, pinged by that meeting's
-- reminders, may read its case list and submit items to it.
CREATE TABLE meeting_invites (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('role', 'user')),
    target      INTEGER NOT NULL,
    invited_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (meeting_id, kind, target)
) STRICT;
CREATE INDEX meeting_invites_target ON meeting_invites (kind, target);
