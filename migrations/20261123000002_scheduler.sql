-- Cadences and the restart-safe scheduler (issue 3). Times are UTC unix seconds.

-- Reminder settings per group: lead times in minutes (comma-separated, default 7 days and
-- 1 day), the agenda deadline in minutes before the meeting (NULL: no deadline call), and
-- whether the group's series skips Norwegian public holidays.
ALTER TABLE groups ADD COLUMN reminder_leads TEXT NOT NULL DEFAULT '10080,1440';
ALTER TABLE groups ADD COLUMN agenda_deadline INTEGER DEFAULT 2880;
ALTER TABLE groups ADD COLUMN skip_holidays INTEGER NOT NULL DEFAULT 0;

-- The weekly digest: its cadence (a Cadence::to_storage() text in the workspace zone;
-- default Monday 08:00) and when the last one was posted ("since the last digest").
ALTER TABLE workspaces ADD COLUMN digest_cadence TEXT NOT NULL DEFAULT '0 8 * * 1';
ALTER TABLE workspaces ADD COLUMN digest_last_at INTEGER;

-- A group's recurring meeting time. At most one active series per group; a replaced
-- series keeps its row (ended_at set) so meetings that came from it still name it.
CREATE TABLE series (
    id                 INTEGER PRIMARY KEY,
    group_id           INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    cadence            TEXT    NOT NULL,   -- Cadence::to_storage()
    timezone           TEXT    NOT NULL,   -- the zone the cadence is evaluated in
    materialized_until INTEGER NOT NULL,   -- occurrences up to here exist as meetings
    created_by         INTEGER NOT NULL,
    created_at         INTEGER NOT NULL,
    ended_at           INTEGER
) STRICT;
CREATE UNIQUE INDEX series_group_active ON series (group_id) WHERE ended_at IS NULL;
CREATE INDEX series_horizon ON series (materialized_until) WHERE ended_at IS NULL;

-- A meeting that came from a series remembers which occurrence it is, so one occurrence
-- can be cancelled or moved (starts_at changes, occurrence_start does not) without the
-- series recreating it.
ALTER TABLE meetings ADD COLUMN series_id INTEGER REFERENCES series (id) ON DELETE SET NULL;
ALTER TABLE meetings ADD COLUMN occurrence_start INTEGER;
CREATE UNIQUE INDEX meetings_series_occurrence ON meetings (series_id, occurrence_start);
CREATE INDEX meetings_start ON meetings (starts_at, status);

-- Everything the bot sends on its own. `key` is deterministic (reminder:{meeting}:{lead},
-- deadline:{meeting}, overdue:{action}:{n}, digest:{workspace}:{iso-week}), so planning the
-- same thing twice is harmless. State: pending → claimed → sent | skipped. `due_at` is when
-- to (re)try next; `planned_at` the original time. A claim is a lease: a claimed row whose
-- claimed_at is older than the lease is recovered by asking the outbox what it delivered.
CREATE TABLE notifications (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,
    kind         TEXT    NOT NULL CHECK (kind IN ('reminder', 'deadline', 'overdue', 'digest')),
    workspace_id INTEGER NOT NULL,
    group_id     INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    meeting_id   INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
    action_id    INTEGER REFERENCES actions (id) ON DELETE CASCADE,
    lead_minutes INTEGER,                 -- reminder: its lead; deadline: the deadline
    seq          INTEGER NOT NULL DEFAULT 0, -- overdue: 0 = first ping, then weekly
    planned_at   INTEGER NOT NULL,
    due_at       INTEGER NOT NULL,
    state        TEXT    NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'claimed', 'sent', 'skipped')),
    claimed_at   INTEGER,
    claim_token  TEXT,
    sent_at      INTEGER,
    attempts     INTEGER NOT NULL DEFAULT 0,
    parts_sent   INTEGER NOT NULL DEFAULT 0, -- a split message: how many parts went out
    outcome      TEXT,                       -- why skipped / last error (no user text)
    created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX notifications_due ON notifications (state, due_at);
CREATE INDEX notifications_meeting ON notifications (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX notifications_action ON notifications (action_id) WHERE action_id IS NOT NULL;

-- Small persistent scheduler facts, e.g. how far overdue actions have been planned.
CREATE TABLE scheduler_state (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;
