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
-- `minutes-due:{meeting}`). No table rebuild: 20261129010001_notice.sql left the kind
-- unconstrained (the code's `store::notifications::Kind` is the one list of kinds).
