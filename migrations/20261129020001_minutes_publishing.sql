-- Minutes published with the file, referents per body, reminders for unpublished minutes,
-- actions linked to the case that gave rise to them (issue 11, items 6 and 7).
--
-- A body may name a Discord role whose members record its meetings (decisions, attendance,
-- guests) without being its coordinators.
ALTER TABLE groups ADD COLUMN referent_role INTEGER;

-- An action created from a case: listed under that case in the minutes.
ALTER TABLE actions ADD COLUMN case_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL;
CREATE INDEX actions_case ON actions (case_id) WHERE case_id IS NOT NULL;

-- Two new notification kinds: `minutes` (the published minutes posted to the body's channel
-- with the files attached, key `minutes:{meeting}`) and `minutes_due` (the coordinators
-- reminded that a held meeting's minutes are not published two working days after it, key
-- `minutes-due:{meeting}`). SQLite cannot change a CHECK constraint in place, so the table
-- is rebuilt as in 20261128000001_delivery.sql (same columns and indexes).
CREATE TABLE notifications_new (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,
    kind         TEXT    NOT NULL
                 CHECK (kind IN ('reminder', 'deadline', 'overdue', 'digest', 'failure',
                                 'minutes', 'minutes_due')),
    workspace_id INTEGER NOT NULL,
    group_id     INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    meeting_id   INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
    action_id    INTEGER REFERENCES actions (id) ON DELETE CASCADE,
    lead_minutes INTEGER,
    seq          INTEGER NOT NULL DEFAULT 0,
    planned_at   INTEGER NOT NULL,
    due_at       INTEGER NOT NULL,
    state        TEXT    NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'claimed', 'sent', 'skipped', 'failed')),
    claimed_at   INTEGER,
    claim_token  TEXT,
    sent_at      INTEGER,
    attempts     INTEGER NOT NULL DEFAULT 0,
    parts_sent   INTEGER NOT NULL DEFAULT 0,
    outcome      TEXT,
    created_at   INTEGER NOT NULL,
    failure      TEXT,
    failed_at    INTEGER,
    noticed_at   INTEGER,
    about_id     INTEGER REFERENCES notifications_new (id) ON DELETE CASCADE
) STRICT;
INSERT INTO notifications_new (id, key, kind, workspace_id, group_id, meeting_id, action_id,
    lead_minutes, seq, planned_at, due_at, state, claimed_at, claim_token, sent_at, attempts,
    parts_sent, outcome, created_at, failure, failed_at, noticed_at, about_id)
SELECT id, key, kind, workspace_id, group_id, meeting_id, action_id, lead_minutes, seq,
    planned_at, due_at, state, claimed_at, claim_token, sent_at, attempts, parts_sent, outcome,
    created_at, failure, failed_at, noticed_at, about_id
FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_due ON notifications (state, due_at);
CREATE INDEX notifications_meeting ON notifications (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX notifications_action ON notifications (action_id) WHERE action_id IS NOT NULL;
CREATE INDEX notifications_claims ON notifications (claim_token) WHERE state = 'claimed';
CREATE INDEX notifications_failed ON notifications (workspace_id, failed_at)
    WHERE state = 'failed';
