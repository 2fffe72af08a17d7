//! Series (a group's recurring meeting time), the group reminder settings, and the
//! meetings a series materializes.

use super::{from_ts, sf, ts, Result, StoreError};
use crate::domain::reminders::{leads_from_storage, leads_to_storage, ReminderSettings};
use crate::domain::{GroupId, MeetingId, UserId, WorkspaceId};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Series {
    pub id: i64,
    pub group_id: i64,
    pub cadence: String,
    pub timezone: String,
    pub materialized_until: i64,
    pub created_by: i64,
}

pub async fn settings(conn: &mut SqliteConnection, group: GroupId) -> Result<ReminderSettings> {
    let row: Option<(String, Option<i64>, i64)> = sqlx::query_as(
        "SELECT reminder_leads, agenda_deadline, skip_holidays FROM groups WHERE id = ?",
    )
    .bind(group.0)
    .fetch_optional(conn)
    .await?;
    let (leads, deadline, skip) =
        row.ok_or_else(|| StoreError::Corrupt(format!("group {group} vanished")))?;
    Ok(ReminderSettings {
        leads: leads_from_storage(&leads)
            .ok_or_else(|| StoreError::Corrupt(format!("reminder_leads {leads:?}")))?,
        deadline,
        skip_holidays: skip != 0,
    })
}

pub async fn set_settings(
    conn: &mut SqliteConnection,
    group: GroupId,
    s: &ReminderSettings,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE groups SET reminder_leads = ?, agenda_deadline = ?, skip_holidays = ?,
         updated_at = ?, version = version + 1 WHERE id = ?",
    )
    .bind(leads_to_storage(&s.leads))
    .bind(s.deadline)
    .bind(i64::from(s.skip_holidays))
    .bind(ts(now))
    .bind(group.0)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn active(conn: &mut SqliteConnection, group: GroupId) -> Result<Option<Series>> {
    Ok(sqlx::query_as(
        "SELECT id, group_id, cadence, timezone, materialized_until, created_by FROM series
         WHERE group_id = ? AND ended_at IS NULL",
    )
    .bind(group.0)
    .fetch_optional(conn)
    .await?)
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Option<Series>> {
    Ok(sqlx::query_as(
        "SELECT id, group_id, cadence, timezone, materialized_until, created_by FROM series WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

pub async fn insert(
    conn: &mut SqliteConnection,
    group: GroupId,
    cadence: &str,
    tz: chrono_tz::Tz,
    created_by: UserId,
    now: DateTime<Utc>,
) -> Result<Series> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO series (group_id, cadence, timezone, materialized_until, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(group.0)
    .bind(cadence)
    .bind(tz.name())
    .bind(ts(now))
    .bind(sf(created_by.0))
    .bind(ts(now))
    .fetch_one(&mut *conn)
    .await?;
    get(conn, id)
        .await?
        .ok_or_else(|| StoreError::Corrupt("series vanished".into()))
}

pub async fn end(conn: &mut SqliteConnection, id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE series SET ended_at = ? WHERE id = ?")
        .bind(ts(now))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_materialized_until(
    conn: &mut SqliteConnection,
    id: i64,
    until: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("UPDATE series SET materialized_until = max(materialized_until, ?) WHERE id = ?")
        .bind(ts(until))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Active series whose materialized horizon ends before `before` (index `series_horizon`).
pub async fn needing_extension(
    conn: &mut SqliteConnection,
    before: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Series>> {
    Ok(sqlx::query_as(
        "SELECT id, group_id, cadence, timezone, materialized_until, created_by FROM series
         WHERE ended_at IS NULL AND materialized_until < ? ORDER BY materialized_until LIMIT ?",
    )
    .bind(ts(before))
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// The earliest horizon end of an active series.
pub async fn earliest_horizon(conn: &mut SqliteConnection) -> Result<Option<DateTime<Utc>>> {
    let t: Option<i64> =
        sqlx::query_scalar("SELECT min(materialized_until) FROM series WHERE ended_at IS NULL")
            .fetch_one(conn)
            .await?;
    t.map(from_ts).transpose()
}

/// Insert one occurrence as a meeting unless it exists (cancelled or moved ones too).
/// Returns the new meeting's id, `None` if it was already there.
pub async fn insert_occurrence(
    conn: &mut SqliteConnection,
    series: &Series,
    start: DateTime<Utc>,
    created_by: UserId,
    now: DateTime<Utc>,
) -> Result<Option<MeetingId>> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO meetings (group_id, starts_at, created_by, created_at, updated_at,
         series_id, occurrence_start) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (series_id, occurrence_start) DO NOTHING RETURNING id",
    )
    .bind(series.group_id)
    .bind(ts(start))
    .bind(sf(created_by.0))
    .bind(ts(now))
    .bind(ts(now))
    .bind(series.id)
    .bind(ts(start))
    .fetch_optional(conn)
    .await?;
    Ok(id.map(MeetingId))
}

/// Delete the series' occurrences after `after` that nobody touched (still scheduled, not
/// moved) and that are not in `keep`. Their agenda items fall back to "waiting"; their
/// pending notifications go with them. Returns how many were removed.
pub async fn delete_untouched_after(
    conn: &mut SqliteConnection,
    series: i64,
    after: DateTime<Utc>,
    keep: &[DateTime<Utc>],
) -> Result<u64> {
    let keep = serde_json::to_string(&keep.iter().map(|t| ts(*t)).collect::<Vec<_>>())
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let done = sqlx::query(super::words::sql(
        "DELETE FROM meetings WHERE series_id = ? AND status = {scheduled}
         AND starts_at = occurrence_start AND starts_at > ?
         AND occurrence_start NOT IN (SELECT value FROM json_each(?))",
    ))
    .bind(series)
    .bind(ts(after))
    .bind(keep)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Move one meeting; `false` on a lost race (version changed).
pub async fn move_meeting(
    conn: &mut SqliteConnection,
    id: MeetingId,
    version: i64,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = sqlx::query(super::words::sql(
        "UPDATE meetings SET starts_at = ?, updated_at = ?, version = version + 1
         WHERE id = ? AND version = ? AND status = {scheduled}",
    ))
    .bind(ts(starts_at))
    .bind(ts(now))
    .bind(id.0)
    .bind(version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A group's future scheduled meetings (for replanning after a settings change).
pub async fn future_meetings(
    conn: &mut SqliteConnection,
    group: GroupId,
    after: DateTime<Utc>,
) -> Result<Vec<(MeetingId, DateTime<Utc>)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(super::words::sql(
        "SELECT id, starts_at FROM meetings WHERE group_id = ? AND status = {scheduled}
         AND starts_at > ? ORDER BY starts_at",
    ))
    .bind(group.0)
    .bind(ts(after))
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, s)| Ok((MeetingId(id), from_ts(s)?)))
        .collect()
}

/// The workspace a group belongs to.
pub async fn workspace_of(conn: &mut SqliteConnection, group: GroupId) -> Result<WorkspaceId> {
    let ws: Option<i64> = sqlx::query_scalar("SELECT workspace_id FROM groups WHERE id = ?")
        .bind(group.0)
        .fetch_optional(conn)
        .await?;
    ws.map(|w| WorkspaceId(w as u64))
        .ok_or_else(|| StoreError::Corrupt(format!("group {group} vanished")))
}

/// The zone a group's times are in: its own, else its workspace's.
pub async fn group_tz(conn: &mut SqliteConnection, group: GroupId) -> Result<chrono_tz::Tz> {
    let tz: Option<String> = sqlx::query_scalar(
        "SELECT coalesce(g.timezone, w.timezone) FROM groups g
         JOIN workspaces w ON w.id = g.workspace_id WHERE g.id = ?",
    )
    .bind(group.0)
    .fetch_optional(conn)
    .await?;
    let tz = tz.ok_or_else(|| StoreError::Corrupt(format!("group {group} vanished")))?;
    tz.parse()
        .map_err(|_| StoreError::Corrupt(format!("timezone {tz:?}")))
}
