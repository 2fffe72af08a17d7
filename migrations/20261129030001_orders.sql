-- Orders (bestillinger) between bodies, and reports upward (issue 12, item 1).
--
-- An order goes from one body (`from_group`) to another (`to_group`), in one workspace. Users
-- see its `number`: per workspace, from a counter that only goes up, so a number is never
-- given twice, even after the order (or its group) is deleted. `from_case` is the case of
-- the ordering body's meeting it came from (often a decision); `to_case` the case of type
-- *bestilling* it became on the receiving body's case list. The history is `order_events`:
-- the sending (seq 1) and each answer, with the answer's text (free text, through the
-- personal-data guard; deleted with the order) and the *orienteringssak* it became on the
-- ordering body's case list.
CREATE TABLE order_counters (
    workspace_id INTEGER PRIMARY KEY,
    last         INTEGER NOT NULL
) STRICT;

CREATE TABLE orders (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    from_group   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    to_group     INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    title        TEXT    NOT NULL,
    details      TEXT,
    due_date     TEXT,                     -- YYYY-MM-DD, the receiving body's calendar
    from_case    INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    to_case      INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    status       TEXT    NOT NULL CHECK (status IN ('open', 'accepted', 'declined', 'done')),
    created_by   INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (workspace_id, number)
) STRICT;
CREATE INDEX orders_to ON orders (to_group, status);
CREATE INDEX orders_from ON orders (from_group, status);
CREATE INDEX orders_from_case ON orders (from_case) WHERE from_case IS NOT NULL;

CREATE TABLE order_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id   INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('sent', 'accepted', 'declined', 'done')),
    actor      INTEGER NOT NULL,
    text       TEXT,
    case_id    INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    at         INTEGER NOT NULL,
    UNIQUE (order_id, seq)
) STRICT;

-- Orders are posted and followed up through the durable outbox (`notifications`), with
-- kinds `order` (key `order:{order}:{event seq}`) and `order_overdue`
-- (`order-overdue:{order}:{n}`). No table rebuild: 20261129010001_notice.sql left the kind
-- unconstrained (`store::notifications::Kind` is the one list of kinds).
