//! Orders between bodies and their history (see [`crate::domain::order`]).
//!
//! For the follow-up round and the overview: [`open_for_receiver`] gives the open orders a
//! body owes, [`open_from`] those it is waiting for.

use super::{from_ts, parse_enum, sf, ts, Result};
use crate::domain::order::{EventKind, Order, OrderEvent, OrderNo, OrderStatus};
use crate::domain::{AgendaItemId, GroupId, MeetingId, UserId, WorkspaceId};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

const COLUMNS: &str = "id, workspace_id, number, from_group, to_group, title, details, \
     due_date, from_case, to_case, status, created_by, created_at";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    workspace_id: i64,
    number: i64,
    from_group: i64,
    to_group: i64,
    title: String,
    details: Option<String>,
    due_date: Option<String>,
    from_case: Option<i64>,
    to_case: Option<i64>,
    status: String,
    created_by: i64,
    created_at: i64,
}

impl Row {
    fn into_domain(self) -> Result<Order> {
        Ok(Order {
            id: self.id,
            workspace: WorkspaceId(self.workspace_id as u64),
            number: OrderNo(self.number),
            from: GroupId(self.from_group),
            to: GroupId(self.to_group),
            title: self.title,
            details: self.details,
            due: self
                .due_date
                .as_deref()
                .map(|d| parse_enum::<NaiveDate>("order due date", d))
                .transpose()?,
            from_case: self.from_case.map(AgendaItemId),
            to_case: self.to_case.map(AgendaItemId),
            status: parse_enum::<OrderStatus>("order status", &self.status)?,
            created_by: UserId(self.created_by as u64),
            created_at: from_ts(self.created_at)?,
        })
    }
}

fn rows(found: Vec<Row>) -> Result<Vec<Order>> {
    found.into_iter().map(Row::into_domain).collect()
}

/// An order to insert.
pub struct NewOrder<'a> {
    pub workspace: WorkspaceId,
    pub from: GroupId,
    pub to: GroupId,
    pub title: &'a str,
    pub details: Option<&'a str>,
    pub due: Option<NaiveDate>,
    pub from_case: Option<AgendaItemId>,
    pub created_by: UserId,
}

/// Insert an order (status open) with the workspace's next number.
pub async fn insert(
    conn: &mut SqliteConnection,
    o: &NewOrder<'_>,
    now: DateTime<Utc>,
) -> Result<Order> {
    let number: i64 = sqlx::query_scalar(
        "INSERT INTO order_counters (workspace_id, last) VALUES (?, 1)
         ON CONFLICT (workspace_id) DO UPDATE SET last = last + 1 RETURNING last",
    )
    .bind(sf(o.workspace.0))
    .fetch_one(&mut *conn)
    .await?;
    let sql = format!(
        "INSERT INTO orders (workspace_id, number, from_group, to_group, title, details,
         due_date, from_case, status, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {COLUMNS}"
    );
    let row: Row = sqlx::query_as(&sql)
        .bind(sf(o.workspace.0))
        .bind(number)
        .bind(o.from.0)
        .bind(o.to.0)
        .bind(o.title)
        .bind(o.details)
        .bind(o.due.map(|d| d.to_string()))
        .bind(o.from_case.map(|c| c.0))
        .bind(OrderStatus::Open.as_str())
        .bind(sf(o.created_by.0))
        .bind(ts(now))
        .bind(ts(now))
        .fetch_one(conn)
        .await?;
    row.into_domain()
}

/// An order by its row id.
pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Option<Order>> {
    let sql = format!("SELECT {COLUMNS} FROM orders WHERE id = ?");
    let row: Option<Row> = sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?;
    row.map(Row::into_domain).transpose()
}

/// An order by the number users see.
pub async fn by_number(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    number: OrderNo,
) -> Result<Option<Order>> {
    let sql = format!("SELECT {COLUMNS} FROM orders WHERE workspace_id = ? AND number = ?");
    let row: Option<Row> = sqlx::query_as(&sql)
        .bind(sf(ws.0))
        .bind(number.0)
        .fetch_optional(conn)
        .await?;
    row.map(Row::into_domain).transpose()
}

pub async fn set_status(
    conn: &mut SqliteConnection,
    id: i64,
    status: OrderStatus,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("UPDATE orders SET status = ?, updated_at = ? WHERE id = ?")
        .bind(status.as_str())
        .bind(ts(now))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_to_case(conn: &mut SqliteConnection, id: i64, case: AgendaItemId) -> Result<()> {
    sqlx::query("UPDATE orders SET to_case = ? WHERE id = ?")
        .bind(case.0)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The open statuses, as SQL words (from the domain).
fn open_words() -> String {
    let words: Vec<String> = OrderStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    format!("({})", words.join(", "))
}

/// Orders sent or received by any of `groups`, newest first; only open ones with
/// `open_only`. At most `limit`.
pub async fn touching(
    conn: &mut SqliteConnection,
    groups: &[GroupId],
    open_only: bool,
    limit: i64,
) -> Result<Vec<Order>> {
    let ids = serde_json::to_string(&groups.iter().map(|g| g.0).collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".into());
    let sql = format!(
        "SELECT {COLUMNS} FROM orders
         WHERE (from_group IN (SELECT value FROM json_each(?1))
                OR to_group IN (SELECT value FROM json_each(?1)))
           AND (NOT ?2 OR status IN {open})
         ORDER BY number DESC LIMIT ?3",
        open = open_words()
    );
    let found: Vec<Row> = sqlx::query_as(&sql)
        .bind(ids)
        .bind(open_only)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    rows(found)
}

/// The open orders `group` has received and still owes an answer to (sent or accepted,
/// not declined or done), oldest first. For the follow-up round ("ask the receiving body
/// of each open order") and the overview.
pub async fn open_for_receiver(conn: &mut SqliteConnection, group: GroupId) -> Result<Vec<Order>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM orders WHERE to_group = ? AND status IN {open} ORDER BY number",
        open = open_words()
    );
    let found: Vec<Row> = sqlx::query_as(&sql).bind(group.0).fetch_all(conn).await?;
    rows(found)
}

/// The open orders `group` has sent and waits for, oldest first.
pub async fn open_from(conn: &mut SqliteConnection, group: GroupId) -> Result<Vec<Order>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM orders WHERE from_group = ? AND status IN {open} ORDER BY number",
        open = open_words()
    );
    let found: Vec<Row> = sqlx::query_as(&sql).bind(group.0).fetch_all(conn).await?;
    rows(found)
}

/// Open orders past their due date, counted per receiving body (the weekly digest: counts
/// only, no titles), in the order of the bodies' names.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OverdueOrders {
    pub group_name: String,
    pub count: i64,
}

/// The workspace's open orders whose due date is before `today`, per receiving body.
pub async fn overdue_per_receiver(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    today: NaiveDate,
) -> Result<Vec<OverdueOrders>> {
    let sql = format!(
        "SELECT g.name AS group_name, count(*) AS count FROM orders o
         JOIN groups g ON g.id = o.to_group
         WHERE o.workspace_id = ? AND g.archived_at IS NULL AND o.status IN {open}
           AND o.due_date IS NOT NULL AND o.due_date < ?
         GROUP BY g.id ORDER BY g.name_key",
        open = open_words()
    );
    Ok(sqlx::query_as(&sql)
        .bind(sf(ws.0))
        .bind(today.to_string())
        .fetch_all(conn)
        .await?)
}

/// Orders that came from cases of `meeting` (for its minutes), in number order.
pub async fn from_meeting(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Vec<Order>> {
    let cols: Vec<String> = COLUMNS.split(", ").map(|c| format!("o.{c}")).collect();
    let sql = format!(
        "SELECT {} FROM orders o JOIN agenda_items a ON a.id = o.from_case
         WHERE a.meeting_id = ? ORDER BY o.number",
        cols.join(", ")
    );
    let found: Vec<Row> = sqlx::query_as(&sql).bind(meeting.0).fetch_all(conn).await?;
    rows(found)
}

#[derive(sqlx::FromRow)]
struct EventRow {
    seq: i64,
    kind: String,
    actor: i64,
    text: Option<String>,
    case_id: Option<i64>,
    at: i64,
}

impl EventRow {
    fn into_domain(self) -> Result<OrderEvent> {
        Ok(OrderEvent {
            seq: self.seq,
            kind: parse_enum::<EventKind>("order event", &self.kind)?,
            actor: UserId(self.actor as u64),
            text: self.text,
            case: self.case_id.map(AgendaItemId),
            at: from_ts(self.at)?,
        })
    }
}

/// Add a line to the order's history (the next seq).
pub async fn add_event(
    conn: &mut SqliteConnection,
    order: i64,
    kind: EventKind,
    actor: UserId,
    text: Option<&str>,
    case: Option<AgendaItemId>,
    now: DateTime<Utc>,
) -> Result<OrderEvent> {
    let row: EventRow = sqlx::query_as(
        "INSERT INTO order_events (order_id, seq, kind, actor, text, case_id, at)
         VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM order_events WHERE order_id = ?1),
                 ?2, ?3, ?4, ?5, ?6)
         RETURNING seq, kind, actor, text, case_id, at",
    )
    .bind(order)
    .bind(kind.as_str())
    .bind(sf(actor.0))
    .bind(text)
    .bind(case.map(|c| c.0))
    .bind(ts(now))
    .fetch_one(conn)
    .await?;
    row.into_domain()
}

pub async fn events(conn: &mut SqliteConnection, order: i64) -> Result<Vec<OrderEvent>> {
    let found: Vec<EventRow> = sqlx::query_as(
        "SELECT seq, kind, actor, text, case_id, at FROM order_events
         WHERE order_id = ? ORDER BY seq",
    )
    .bind(order)
    .fetch_all(conn)
    .await?;
    found.into_iter().map(EventRow::into_domain).collect()
}

pub async fn event(
    conn: &mut SqliteConnection,
    order: i64,
    seq: i64,
) -> Result<Option<OrderEvent>> {
    let found: Option<EventRow> = sqlx::query_as(
        "SELECT seq, kind, actor, text, case_id, at FROM order_events
         WHERE order_id = ? AND seq = ?",
    )
    .bind(order)
    .bind(seq)
    .fetch_optional(conn)
    .await?;
    found.map(EventRow::into_domain).transpose()
}

/// Meetings of `group` held whose minutes are not published yet, oldest first.
pub async fn minutes_awaiting(
    conn: &mut SqliteConnection,
    group: GroupId,
) -> Result<Vec<(MeetingId, DateTime<Utc>)>> {
    let found: Vec<(i64, i64)> = sqlx::query_as(super::words::sql(
        "SELECT m.id, m.starts_at FROM meetings m
         WHERE m.group_id = ? AND m.status = {held}
           AND NOT EXISTS (SELECT 1 FROM minutes n WHERE n.meeting_id = m.id)
         ORDER BY m.starts_at",
    ))
    .bind(group.0)
    .fetch_all(conn)
    .await?;
    found
        .into_iter()
        .map(|(id, at)| Ok((MeetingId(id), from_ts(at)?)))
        .collect()
}
