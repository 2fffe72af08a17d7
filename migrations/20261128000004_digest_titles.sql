-- What the weekly digest may show of a group (issue 14, item 10). The digest channel is
-- seen by the whole server, while a group's agenda is public only in its own channel: by
-- default the digest shows a group's meeting times and counts of new items, updated and
-- overdue actions; titles only when the group's coordinators turn this on (1).
ALTER TABLE groups ADD COLUMN digest_titles INTEGER NOT NULL DEFAULT 0 CHECK (digest_titles IN (0, 1));
