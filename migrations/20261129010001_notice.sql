-- The notice posted by the scheduler (issue 11, items 3 and 4). Times are UTC unix seconds.

-- How long before each meeting the notice (innkalling) is posted to the body's channel, in
-- minutes; NULL: no notice is posted. Default 14 days.
ALTER TABLE groups ADD COLUMN notice_lead INTEGER DEFAULT 20160;

-- The message that carries a meeting's notice: first the notice, then (at the agenda
-- deadline) the final case list; later changes edit `message_id` in place. `snapshot` is what
-- the message last showed (item ids in list order, start, place, status: no user text), so a
-- change is found by comparing, and an edit is planned in the same transaction that updates
-- it: a crash between a change and its edit loses nothing.
CREATE TABLE meeting_notices (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    channel_id  INTEGER NOT NULL,
    message_id  INTEGER,                   -- NULL when the outbox gave no id (nothing to edit)
    final       INTEGER NOT NULL DEFAULT 0, -- 1 once the final case list went out
    snapshot    TEXT    NOT NULL,
    posted_at   INTEGER NOT NULL,
    edits       INTEGER NOT NULL DEFAULT 0  -- edit notifications planned so far (their keys)
) STRICT;

-- "Endret dd.mm.åååå kl. hh.mm: …" lines under the final list: what changed (a code), and
-- which case (its title is read when rendered, never copied here).
CREATE TABLE notice_changes (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    changed_at  INTEGER NOT NULL,
    what        TEXT    NOT NULL CHECK (what IN ('added', 'removed', 'order', 'moved', 'place', 'cancelled')),
    item_id     INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX notice_changes_meeting ON notice_changes (meeting_id, id);

-- Submissions after the deadline wait for the coordinator: the item has no meeting until
-- admitted to `meeting_id` (this meeting) or the next one.
CREATE TABLE late_items (
    item_id      INTEGER PRIMARY KEY REFERENCES agenda_items (id) ON DELETE CASCADE,
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    submitted_at INTEGER NOT NULL,
    decided_at   INTEGER,
    decided_by   INTEGER,
    admitted_to  INTEGER REFERENCES meetings (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX late_items_pending ON late_items (meeting_id) WHERE decided_at IS NULL;

-- New notification kinds: notice, notice_final, notice_edit, late (its `seq` is the late
-- item's id). SQLite cannot change a
-- CHECK in place, so the table is rebuilt as in 20261128000001_delivery.sql; the kind is
-- no longer constrained here (the code refuses a kind it does not know, as corrupt), so the
-- next feature that adds a kind needs no rebuild.
CREATE TABLE notifications_new (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,
    kind         TEXT    NOT NULL,
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
