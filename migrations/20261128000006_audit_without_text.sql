-- The audit trail keeps who did what to which record and when, never the text a member
-- wrote (see store/audit.rs, TEXT_FIELDS): text already in the trail is replaced.
UPDATE audit_log SET before = json_replace(before, '$.title', '[text]') WHERE before IS NOT NULL AND json_valid(before) AND json_type(before, '$.title') = 'text';
UPDATE audit_log SET before = json_replace(before, '$.details', '[text]') WHERE before IS NOT NULL AND json_valid(before) AND json_type(before, '$.details') = 'text';
UPDATE audit_log SET before = json_replace(before, '$.note', '[text]') WHERE before IS NOT NULL AND json_valid(before) AND json_type(before, '$.note') = 'text';
UPDATE audit_log SET before = json_replace(before, '$.agency', '[text]') WHERE before IS NOT NULL AND json_valid(before) AND json_type(before, '$.agency') = 'text';
UPDATE audit_log SET before = json_replace(before, '$.location', '[text]') WHERE before IS NOT NULL AND json_valid(before) AND json_type(before, '$.location') = 'text';
UPDATE audit_log SET before = json_replace(before, '$.notes', '[text]') WHERE before IS NOT NULL AND json_valid(before) AND json_type(before, '$.notes') = 'text';
UPDATE audit_log SET before = json_replace(before, '$.decision', '[text]') WHERE before IS NOT NULL AND json_valid(before) AND json_type(before, '$.decision') = 'text';
UPDATE audit_log SET before = json_replace(before, '$.text', '[text]') WHERE before IS NOT NULL AND json_valid(before) AND json_type(before, '$.text') = 'text';
UPDATE audit_log SET after = json_replace(after, '$.title', '[text]') WHERE after IS NOT NULL AND json_valid(after) AND json_type(after, '$.title') = 'text';
UPDATE audit_log SET after = json_replace(after, '$.details', '[text]') WHERE after IS NOT NULL AND json_valid(after) AND json_type(after, '$.details') = 'text';
UPDATE audit_log SET after = json_replace(after, '$.note', '[text]') WHERE after IS NOT NULL AND json_valid(after) AND json_type(after, '$.note') = 'text';
UPDATE audit_log SET after = json_replace(after, '$.agency', '[text]') WHERE after IS NOT NULL AND json_valid(after) AND json_type(after, '$.agency') = 'text';
UPDATE audit_log SET after = json_replace(after, '$.location', '[text]') WHERE after IS NOT NULL AND json_valid(after) AND json_type(after, '$.location') = 'text';
UPDATE audit_log SET after = json_replace(after, '$.notes', '[text]') WHERE after IS NOT NULL AND json_valid(after) AND json_type(after, '$.notes') = 'text';
UPDATE audit_log SET after = json_replace(after, '$.decision', '[text]') WHERE after IS NOT NULL AND json_valid(after) AND json_type(after, '$.decision') = 'text';
UPDATE audit_log SET after = json_replace(after, '$.text', '[text]') WHERE after IS NOT NULL AND json_valid(after) AND json_type(after, '$.text') = 'text';
