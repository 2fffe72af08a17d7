use super::{audit, from_ts, parse_enum, sf, ts, Result, Store};
use crate::domain::agenda::title_cmp;
use crate::domain::{AgendaItem, AgendaItemId, AgendaStatus, GroupId, MeetingId, UserId};
use chrono::{DateTime, Utc};
use sqlx::query::QueryAs;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Sqlite, SqliteConnection};

macro_rules! columns {
    () => {
        "id, group_id, meeting_id, title, details, submitter, position, status, created_at, version"
    };
}

macro_rules! title_collation {
    () => {
        "sltbot_title"
    };
}

macro_rules! select {
    ($rest:literal) => {
        concat!("SELECT ", columns!(), " FROM agenda_items ", $rest)
    };
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    group_id: i64,
    meeting_id: Option<i64>,
    title: String,
    details: Option<String>,
    submitter: i64,
    position: i64,
    status: String,
    created_at: i64,
    version: i64,
}

impl Row {
    fn into_domain(self) -> Result<AgendaItem> {
        Ok(AgendaItem {
            id: AgendaItemId(self.id),
            group: GroupId(self.group_id),
            meeting: self.meeting_id.map(MeetingId),
            title: self.title,
            details: self.details,
            submitter: UserId(self.submitter as u64),
            position: self.position,
            status: parse_enum::<AgendaStatus>("agenda status", &self.status)?,
            created_at: from_ts(self.created_at)?,
            version: self.version,
        })
    }
}

fn rows(rows: Vec<Row>) -> Result<Vec<AgendaItem>> {
    rows.into_iter().map(Row::into_domain).collect()
}

pub struct NewItem<'a> {
    pub group: GroupId,
    pub meeting: Option<MeetingId>,
    pub title: &'a str,
    pub details: Option<&'a str>,
    pub submitter: UserId,
    pub status: AgendaStatus,
}

/// The SQL collation that compares titles as [`title_cmp`] does (registered on every
/// connection by [`super::Store`]).
pub const TITLE_COLLATION: &str = title_collation!();

/// The checked insert: `item` (`?1` group, `?2` meeting, `?3` title, `?4` details, `?5`
/// submitter, `?6` status, `?7` now) goes at the end of its agenda only if at this moment
/// its group is not archived, its meeting (if any) is still scheduled and ahead of now, the
/// agenda has fewer than `?8` open items and none with the same title ([`title_cmp`]).
macro_rules! checked_insert {
    () => {
        concat!(
            "INSERT INTO agenda_items (group_id, meeting_id, title, details, submitter, position,
             status, created_at, updated_at)
             SELECT ?1, ?2, ?3, ?4, ?5,
                    (SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items
                     WHERE group_id = ?1 AND meeting_id IS ?2),
                    ?6, ?7, ?7
             WHERE EXISTS (SELECT 1 FROM groups WHERE id = ?1 AND archived_at IS NULL)
               AND (?2 IS NULL OR EXISTS (SELECT 1 FROM meetings WHERE id = ?2 AND group_id = ?1
                                          AND status = {scheduled} AND starts_at > ?7))
               AND (SELECT COUNT(*) FROM agenda_items WHERE group_id = ?1 AND meeting_id IS ?2
                    AND status IN {open_items}) < ?8
               AND NOT EXISTS (SELECT 1 FROM agenda_items WHERE group_id = ?1 AND meeting_id IS ?2
                    AND status IN {open_items}
                    AND title = ?3 COLLATE ",
            title_collation!(),
            ")
             RETURNING ",
            columns!()
        )
    };
}

fn bind_checked<'q, O>(
    q: QueryAs<'q, Sqlite, O, SqliteArguments<'q>>,
    item: &NewItem<'q>,
    max_open: i64,
    now: DateTime<Utc>,
) -> QueryAs<'q, Sqlite, O, SqliteArguments<'q>> {
    q.bind(item.group.0)
        .bind(item.meeting.map(|m| m.0))
        .bind(item.title)
        .bind(item.details)
        .bind(sf(item.submitter.0))
        .bind(item.status.as_str())
        .bind(ts(now))
        .bind(max_open)
}

/// Insert `item` with the checked insert (`checked_insert!`): one statement, so under the
/// write lock the checks and the insert cannot be separated; `None` when a check fails
/// (the caller works out which, under the same lock).
pub async fn insert_checked(
    conn: &mut SqliteConnection,
    item: &NewItem<'_>,
    max_open: i64,
    now: DateTime<Utc>,
) -> Result<Option<AgendaItem>> {
    let row: Option<Row> = bind_checked(
        sqlx::query_as(super::words::sql(checked_insert!())),
        item,
        max_open,
        now,
    )
    .fetch_optional(conn)
    .await?;
    row.map(Row::into_domain).transpose()
}

/// Add `item` and its audit row in one transaction that goes to SQLite as one batch
/// (`BEGIN IMMEDIATE`, the checked insert (`checked_insert!`), the audit row only if it
/// inserted, `COMMIT`): one hand-off to the connection's thread instead of four, which is
/// what keeps this process's write turn short when many members add items at once. The
/// audit row's `after` is the item as [`super::audit::record`] would write it: serialized
/// here, with the values SQLite decides (id, position, version) set by SQLite. `None`
/// when a check fails; nothing is written then.
pub async fn add_audited(
    store: &Store,
    item: &NewItem<'_>,
    max_open: i64,
    audit: &audit::Entry<'_>,
    now: DateTime<Utc>,
) -> Result<Option<AgendaItem>> {
    let provisional = AgendaItem {
        id: AgendaItemId(0),
        group: item.group,
        meeting: item.meeting,
        title: item.title.to_owned(),
        details: item.details.map(str::to_owned),
        submitter: item.submitter,
        position: 0,
        status: item.status,
        created_at: from_ts(ts(now))?,
        version: 0,
    };
    // The trail's copy without the text, as `audit::record` writes it.
    let after = super::audit::redacted(&provisional)
        .ok_or_else(|| super::StoreError::Corrupt("agenda item as JSON".into()))?;
    let batch = bind_checked(
        sqlx::query_as(super::words::sql(concat!(
            "BEGIN IMMEDIATE;\n",
            checked_insert!(),
            ";\nINSERT INTO audit_log (workspace_id, group_id, actor, action, entity, entity_id,
                                       before, after, at)
             SELECT ?9, ?10, ?11, ?12, ?13, id, NULL,
                    json_set(?14, '$.id', id, '$.position', position, '$.version', version), ?7
             FROM agenda_items WHERE id = last_insert_rowid() AND changes() = 1;
             COMMIT;"
        ))),
        item,
        max_open,
        now,
    )
    .bind(sf(audit.workspace.0))
    .bind(audit.group.map(|g| g.0))
    .bind(sf(audit.actor.0))
    .bind(audit.action.code())
    .bind(audit.entity)
    .bind(after);
    let rows: Vec<Row> = store.write_batch().await?.fetch_all(batch).await?;
    rows.into_iter().next().map(Row::into_domain).transpose()
}

/// The open items of a meeting's agenda (or of the group's waiting list, `None`): what
/// the per-meeting limit and the duplicate check are about.
#[derive(Debug, Default)]
pub struct Slots {
    /// Ids and titles of the open items.
    pub open: Vec<(AgendaItemId, String)>,
}

impl Slots {
    /// An open item with the same title ([`title_cmp`]).
    pub fn duplicate_of(&self, title: &str) -> Option<AgendaItemId> {
        self.open
            .iter()
            .find(|(_, t)| title_cmp(t, title).is_eq())
            .map(|(id, _)| *id)
    }
}

pub async fn slots(
    conn: &mut SqliteConnection,
    group: GroupId,
    meeting: Option<MeetingId>,
) -> Result<Slots> {
    let open: Vec<(i64, String)> = sqlx::query_as(super::words::sql(
        "SELECT id, title FROM agenda_items
         WHERE group_id = ? AND meeting_id IS ?
           AND status IN {open_items}",
    ))
    .bind(group.0)
    .bind(meeting.map(|m| m.0))
    .fetch_all(conn)
    .await?;
    Ok(Slots {
        open: open
            .into_iter()
            .map(|(id, title)| (AgendaItemId(id), title))
            .collect(),
    })
}

pub async fn next_position(
    conn: &mut SqliteConnection,
    group: GroupId,
    meeting: Option<MeetingId>,
) -> Result<i64> {
    let max: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(position) FROM agenda_items WHERE group_id = ? AND meeting_id IS ?",
    )
    .bind(group.0)
    .bind(meeting.map(|m| m.0))
    .fetch_one(conn)
    .await?;
    Ok(max.unwrap_or(0) + 1)
}

pub async fn get(conn: &mut SqliteConnection, id: AgendaItemId) -> Result<Option<AgendaItem>> {
    let row: Option<Row> = sqlx::query_as(select!("WHERE id = ?"))
        .bind(id.0)
        .fetch_optional(conn)
        .await?;
    row.map(Row::into_domain).transpose()
}

/// Items of a meeting (or, with `None`, the group's items waiting for a meeting), in
/// agenda order. Withdrawn items are left out unless asked for.
pub async fn for_meeting(
    conn: &mut SqliteConnection,
    group: GroupId,
    meeting: Option<MeetingId>,
    include_withdrawn: bool,
) -> Result<Vec<AgendaItem>> {
    let found: Vec<Row> = sqlx::query_as(super::words::sql(select!(
        "WHERE group_id = ? AND meeting_id IS ? AND (? OR status <> {withdrawn})
         ORDER BY standing_last, position, id"
    )))
    .bind(group.0)
    .bind(meeting.map(|m| m.0))
    .bind(include_withdrawn)
    .fetch_all(conn)
    .await?;
    rows(found)
}

/// Write title, details, status, meeting and position if the stored version is still
/// `item.version`; `false` when someone else changed it first.
pub async fn update(
    conn: &mut SqliteConnection,
    item: &AgendaItem,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE agenda_items SET meeting_id = ?, title = ?, details = ?, position = ?, status = ?,
         updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
    )
    .bind(item.meeting.map(|m| m.0))
    .bind(&item.title)
    .bind(&item.details)
    .bind(item.position)
    .bind(item.status.as_str())
    .bind(ts(now))
    .bind(item.id.0)
    .bind(item.version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Renumber positions 1..n in the given order (one meeting's items).
pub async fn renumber(
    conn: &mut SqliteConnection,
    ordered: &[AgendaItemId],
    now: DateTime<Utc>,
) -> Result<()> {
    for (i, id) in ordered.iter().enumerate() {
        sqlx::query(
            "UPDATE agenda_items SET position = ?, updated_at = ?, version = version + 1
             WHERE id = ? AND position <> ?",
        )
        .bind(i as i64 + 1)
        .bind(ts(now))
        .bind(id.0)
        .bind(i as i64 + 1)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Move items to `meeting` (or to "waiting" with `None`), appending them after the
/// target's existing items in their current order, optionally setting a status.
pub async fn reassign(
    conn: &mut SqliteConnection,
    group: GroupId,
    items: &[AgendaItem],
    meeting: Option<MeetingId>,
    status: Option<AgendaStatus>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut position = next_position(conn, group, meeting).await?;
    for item in items {
        sqlx::query(
            "UPDATE agenda_items SET meeting_id = ?, position = ?, status = ?, updated_at = ?,
             version = version + 1 WHERE id = ?",
        )
        .bind(meeting.map(|m| m.0))
        .bind(position)
        .bind(status.unwrap_or(item.status).as_str())
        .bind(ts(now))
        .bind(item.id.0)
        .execute(&mut *conn)
        .await?;
        position += 1;
    }
    Ok(())
}

/// Items of the group still waiting to be dealt with.
pub async fn count_open(conn: &mut SqliteConnection, group: GroupId) -> Result<usize> {
    let n: i64 = sqlx::query_scalar(super::words::sql(
        "SELECT COUNT(*) FROM agenda_items
         WHERE group_id = ? AND status IN {open_items}",
    ))
    .bind(group.0)
    .fetch_one(conn)
    .await?;
    Ok(n as usize)
}

/// Every item of a group, in meeting and agenda order (export).
pub async fn all_for_group(conn: &mut SqliteConnection, group: GroupId) -> Result<Vec<AgendaItem>> {
    let found: Vec<Row> = sqlx::query_as(select!(
        "WHERE group_id = ? ORDER BY meeting_id IS NULL, meeting_id, position, id"
    ))
    .bind(group.0)
    .fetch_all(conn)
    .await?;
    rows(found)
}
