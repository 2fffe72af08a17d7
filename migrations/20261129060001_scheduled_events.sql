-- Discord scheduled events (issue 13 item 1).
--
-- Per group: events on or off (off by default), and the voice channel events are held in
-- (none: an EXTERNAL event at the meeting's place).
CREATE TABLE group_events (
    group_id      INTEGER PRIMARY KEY REFERENCES groups (id) ON DELETE CASCADE,
    enabled       INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    voice_channel INTEGER,
    updated_at    INTEGER NOT NULL
) STRICT;

-- Per meeting: the Discord event that shows it, and where its synchronisation stands.
-- No foreign key to meetings: when a meeting (or its group) is deleted, the row stays until
-- its event is deleted on Discord too.
--   state 'creating': a create was (or is about to be) sent; the id is not known yet. A
--                     crash here is recovered by looking the event up on Discord first.
--   state 'active':   event_id exists on Discord with the fields `synced` describes.
--   state 'failed':   Discord refused for good (`failure`, `failure_detail`); tried again
--                     at `next_try_at` (after the settings may have been fixed).
CREATE TABLE meeting_events (
    meeting_id     INTEGER PRIMARY KEY,
    workspace_id   INTEGER NOT NULL,
    group_id       INTEGER NOT NULL,
    event_id       INTEGER,
    state          TEXT    NOT NULL CHECK (state IN ('creating', 'active', 'failed')),
    synced         TEXT,
    attempts       INTEGER NOT NULL DEFAULT 0,
    next_try_at    INTEGER,
    failure        TEXT,
    failure_detail TEXT,
    updated_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX meeting_events_workspace ON meeting_events (workspace_id);
CREATE INDEX meeting_events_next_try ON meeting_events (next_try_at) WHERE next_try_at IS NOT NULL;
