-- The meeting record (issue 11): case numbers and types, carried-over copies, standing
-- items, decisions, attendance, guests and the minutes' status. Times are UTC unix seconds;
-- dates ISO text in the body's timezone.

-- A case (agenda item) on a case list has a number per body and year, "Sak 03/27", given
-- once, in the order cases reach a case list, and never reused (see case_counters), and a
-- type. A case not handled at a held meeting stays on that meeting's list (status
-- carried_over) and a copy goes to the next meeting: the copy keeps the case's number and
-- points at what it was copied from. `standing_last` marks a standing item that stays last
-- on the list (Eventuelt); it is numbered when the meeting is held, so numbers follow the list.
ALTER TABLE agenda_items ADD COLUMN case_year INTEGER;
ALTER TABLE agenda_items ADD COLUMN case_seq INTEGER;
ALTER TABLE agenda_items ADD COLUMN case_type TEXT
    CHECK (case_type IN ('decision', 'discussion', 'information', 'standing', 'aob', 'order', 'feedback'));
ALTER TABLE agenda_items ADD COLUMN carried_from INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL;
ALTER TABLE agenda_items ADD COLUMN standing_last INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX agenda_items_case_number ON agenda_items (group_id, case_year, case_seq)
    WHERE case_seq IS NOT NULL AND carried_from IS NULL;
CREATE INDEX agenda_items_carried_from ON agenda_items (carried_from) WHERE carried_from IS NOT NULL;

-- The last case number given per body and year. Only ever goes up.
CREATE TABLE case_counters (
    group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    year     INTEGER NOT NULL,
    last     INTEGER NOT NULL,
    PRIMARY KEY (group_id, year)
) STRICT;

-- Meetings are numbered per body and year ("Møte 3/2027") when they are held; a reopened
-- meeting keeps its number. Chair (møteleder) and referent are Discord users.
ALTER TABLE meetings ADD COLUMN number_year INTEGER;
ALTER TABLE meetings ADD COLUMN number_seq INTEGER;
ALTER TABLE meetings ADD COLUMN chair INTEGER;
ALTER TABLE meetings ADD COLUMN referent INTEGER;
ALTER TABLE meetings ADD COLUMN standing_added INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX meetings_number ON meetings (group_id, number_year, number_seq)
    WHERE number_seq IS NOT NULL;

-- A body's standing items, in order; no rows means the defaults in the body's language.
CREATE TABLE standing_items (
    id        INTEGER PRIMARY KEY,
    group_id  INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    title     TEXT    NOT NULL,
    case_type TEXT    NOT NULL DEFAULT 'standing'
              CHECK (case_type IN ('decision', 'discussion', 'information', 'standing', 'aob', 'order', 'feedback')),
    last      INTEGER NOT NULL DEFAULT 0   -- stays after the other cases (Eventuelt)
) STRICT;
CREATE UNIQUE INDEX standing_items_order ON standing_items (group_id, position);

-- What the meeting made of a case: the discussion (behandling) and the decision (vedtak),
-- who follows up and by when. Apart from the submitter's own title and details.
CREATE TABLE case_decisions (
    item_id     INTEGER PRIMARY KEY REFERENCES agenda_items (id) ON DELETE CASCADE,
    notes       TEXT,
    decision    TEXT,
    responsible TEXT,
    deadline    TEXT,
    decided_by  INTEGER NOT NULL,
    decided_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

-- Who came and who sent apologies (forfall), with an optional note.
CREATE TABLE attendance (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('present', 'absent')),
    note        TEXT,
    recorded_by INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
) STRICT;

-- Guests who are not members (not in Discord, or from another municipality): as text.
CREATE TABLE meeting_guests (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    agency      TEXT,
    recorded_by INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX meeting_guests_meeting ON meeting_guests (meeting_id, id);

-- The minutes' status: draft (no row) → published → approved (at a later meeting).
CREATE TABLE minutes (
    meeting_id   INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    status       TEXT    NOT NULL CHECK (status IN ('published', 'approved')),
    published_on TEXT    NOT NULL,
    published_by INTEGER NOT NULL,
    approved_on  TEXT,
    approved_in  INTEGER REFERENCES meetings (id) ON DELETE SET NULL
) STRICT;

-- "carried_over" now marks the original left on a held meeting's list (closed there); the
-- open copy on the next meeting is "on_agenda". Items carried over before this migration
-- were moved whole to the next meeting and are still open there.
UPDATE agenda_items SET status = 'on_agenda' WHERE status = 'carried_over';
