-- The follow-up round before each meeting (issue 12, item 2).
--
-- A set time before each meeting (`groups.followup_lead`, minutes; NULL: no round; default
-- 7 days) the owner of each open action of the body is asked for a status, once, and once
-- more a day before the round's deadline if silent. The answers go into the meeting's
-- standing case *Oppfølging av tiltak og bestillinger*.
ALTER TABLE groups ADD COLUMN followup_lead INTEGER DEFAULT 10080;

-- One round per meeting, planned with the meeting's reminders (and moved with it while it
-- has not asked). `opened_at`: the questions were fixed and the question messages planned.
CREATE TABLE followup_rounds (
    meeting_id   INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    group_id     INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    workspace_id INTEGER NOT NULL,
    ask_at       INTEGER NOT NULL,
    again_at     INTEGER,            -- asked once more (the silent ones); NULL: no time for it
    deadline     INTEGER NOT NULL,   -- answers wanted by (the agenda deadline, or a day before)
    opened_at    INTEGER
) STRICT;
CREATE INDEX followup_rounds_due ON followup_rounds (ask_at) WHERE opened_at IS NULL;

-- What a round asked, fixed when it opened: one row per subject (an action; an order once
-- orders exist), who is asked (the action's owner; for an order the receiving body's
-- coordinator role), and the answer. The subject's text is not copied.
CREATE TABLE followup_questions (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES followup_rounds (meeting_id) ON DELETE CASCADE,
    subject_kind TEXT    NOT NULL CHECK (subject_kind IN ('action', 'order')),
    subject_id   INTEGER NOT NULL,
    asked_user   INTEGER,
    asked_role   INTEGER,
    answer       TEXT    CHECK (answer IN ('on_track', 'delayed', 'done', 'needs_help')),
    note         TEXT,
    answered_by  INTEGER,
    answered_at  INTEGER,
    CHECK ((asked_user IS NULL) <> (asked_role IS NULL)),
    UNIQUE (meeting_id, subject_kind, subject_id)
) STRICT;
CREATE INDEX followup_questions_subject ON followup_questions (subject_kind, subject_id);

-- Question messages are notifications of kind 'followup' (key
-- followup:{meeting}:{u<user>|r<role>}:{0|1}); the kind is not constrained by SQLite since
-- 20261129010001_notice.sql, so no rebuild is needed here.
