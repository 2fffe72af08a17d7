use super::{from_ts, parse_enum, ts, Result};
use crate::domain::{GroupId, Meeting, MeetingId, MeetingStatus, UserId};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT id, group_id, starts_at, title, location, status, version FROM meetings ",
            $rest
        )
    };
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    group_id: i64,
    starts_at: i64,
    title: Option<String>,
    location: Option<String>,
    status: String,
    version: i64,
}

impl Row {
    fn into_domain(self) -> Result<Meeting> {
        Ok(Meeting {
            id: MeetingId(self.id),
            group: GroupId(self.group_id),
            starts_at: from_ts(self.starts_at)?,
            title: self.title,
            location: self.location,
            status: parse_enum::<MeetingStatus>("meeting status", &self.status)?,
            version: self.version,
        })
    }
}

fn rows(rows: Vec<Row>) -> Result<Vec<Meeting>> {
    rows.into_iter().map(Row::into_domain).collect()
}

pub struct NewMeeting<'a> {
    pub group: GroupId,
    pub starts_at: DateTime<Utc>,
    pub title: Option<&'a str>,
    pub location: Option<&'a str>,
    pub created_by: UserId,
}

pub async fn insert(
    conn: &mut SqliteConnection,
    m: &NewMeeting<'_>,
    now: DateTime<Utc>,
) -> Result<Meeting> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO meetings (group_id, starts_at, title, location, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(m.group.0)
    .bind(ts(m.starts_at))
    .bind(m.title)
    .bind(m.location)
    .bind(super::sf(m.created_by.0))
    .bind(ts(now))
    .bind(ts(now))
    .fetch_one(&mut *conn)
    .await?;
    get(conn, MeetingId(id))
        .await?
        .ok_or_else(|| super::StoreError::Corrupt("meeting vanished".into()))
}

pub async fn get(conn: &mut SqliteConnection, id: MeetingId) -> Result<Option<Meeting>> {
    let row: Option<Row> = sqlx::query_as(select!("WHERE id = ?"))
        .bind(id.0)
        .fetch_optional(conn)
        .await?;
    row.map(Row::into_domain).transpose()
}

/// The group's first scheduled meeting starting after `after`.
pub async fn next_scheduled(
    conn: &mut SqliteConnection,
    group: GroupId,
    after: DateTime<Utc>,
) -> Result<Option<Meeting>> {
    let row: Option<Row> = sqlx::query_as(super::words::sql(select!(
        "WHERE group_id = ? AND status = {scheduled} AND starts_at > ?
         ORDER BY starts_at, id LIMIT 1"
    )))
    .bind(group.0)
    .bind(ts(after))
    .fetch_optional(conn)
    .await?;
    row.map(Row::into_domain).transpose()
}

/// Meetings of a group from `from` on (all statuses), soonest first.
pub async fn list_from(
    conn: &mut SqliteConnection,
    group: GroupId,
    from: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Meeting>> {
    let found: Vec<Row> = sqlx::query_as(select!(
        "WHERE group_id = ? AND starts_at >= ? ORDER BY starts_at, id LIMIT ?"
    ))
    .bind(group.0)
    .bind(ts(from))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows(found)
}

/// Meetings of a group starting in `[from, to)` (all statuses), soonest first (calendar).
pub async fn between(
    conn: &mut SqliteConnection,
    group: GroupId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Meeting>> {
    let found: Vec<Row> = sqlx::query_as(select!(
        "WHERE group_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id"
    ))
    .bind(group.0)
    .bind(ts(from))
    .bind(ts(to))
    .fetch_all(conn)
    .await?;
    rows(found)
}

/// Set status if the stored version is still `m.version`; `false` on a lost race.
pub async fn set_status(
    conn: &mut SqliteConnection,
    m: &Meeting,
    status: MeetingStatus,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE meetings SET status = ?, updated_at = ?, version = version + 1
         WHERE id = ? AND version = ?",
    )
    .bind(status.as_str())
    .bind(ts(now))
    .bind(m.id.0)
    .bind(m.version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every meeting of a group, oldest first (export).
pub async fn all_for_group(conn: &mut SqliteConnection, group: GroupId) -> Result<Vec<Meeting>> {
    let found: Vec<Row> = sqlx::query_as(select!("WHERE group_id = ? ORDER BY starts_at, id"))
        .bind(group.0)
        .fetch_all(conn)
        .await?;
    rows(found)
}

/// Number of meetings of a group starting after `after` that are still scheduled.
pub async fn count_upcoming(
    conn: &mut SqliteConnection,
    group: GroupId,
    after: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        super::words::sql("SELECT COUNT(*) FROM meetings WHERE group_id = ? AND status = {scheduled} AND starts_at > ?"),
    )
    .bind(group.0)
    .bind(ts(after))
    .fetch_one(conn)
    .await?)
}
