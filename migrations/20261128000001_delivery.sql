-- Delivery a coordinator can trust (issue 13).
--
-- A post Discord refuses for good (unknown channel, missing access or permission, another
-- 4xx) or that kept failing past the bounded retries is `failed`, never retried and never
-- deleted: `failure` says why (a code, see notify::Refusal), `outcome` the HTTP status and
-- Discord code (never user text), `failed_at` when. The coordinators are told by a
-- `failure` notification in the digest channel (`about_id` = the failed row), by a notice
-- on their next command (`noticed_at` is set once shown), and in the digest.
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt (same columns
-- and indexes, plus the new ones); nothing references it.
CREATE TABLE notifications_new (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,
    kind         TEXT    NOT NULL
                 CHECK (kind IN ('reminder', 'deadline', 'overdue', 'digest', 'failure')),
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
    failure      TEXT,                     -- failed: notify::Refusal::as_str()
    failed_at    INTEGER,
    noticed_at   INTEGER,                  -- failed: first shown to a coordinator on a command
    about_id     INTEGER REFERENCES notifications_new (id) ON DELETE CASCADE -- kind failure
) STRICT;
INSERT INTO notifications_new (id, key, kind, workspace_id, group_id, meeting_id, action_id,
    lead_minutes, seq, planned_at, due_at, state, claimed_at, claim_token, sent_at, attempts,
    parts_sent, outcome, created_at)
SELECT id, key, kind, workspace_id, group_id, meeting_id, action_id, lead_minutes, seq,
    planned_at, due_at, state, claimed_at, claim_token, sent_at, attempts, parts_sent, outcome,
    created_at
FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_due ON notifications (state, due_at);
CREATE INDEX notifications_meeting ON notifications (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX notifications_action ON notifications (action_id) WHERE action_id IS NOT NULL;
-- Live claims by owner (recovery of a dead process's claims at start and on each tick).
CREATE INDEX notifications_claims ON notifications (claim_token) WHERE state = 'claimed';
-- Failures per workspace, newest first (digest, notices).
CREATE INDEX notifications_failed ON notifications (workspace_id, failed_at)
    WHERE state = 'failed';
