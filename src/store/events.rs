//! Discord scheduled events: each group's setting (`group_events`) and, per meeting, the
//! event that shows it and how far its synchronisation got (`meeting_events`; the states
//! are explained in the migration `20261129060001_scheduled_events.sql`).

use super::{from_ts, parse_enum, sf, ts, Result};
use crate::domain::{ChannelId, GroupId, Meeting, MeetingId, MeetingStatus, WorkspaceId};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

/// A group's events setting. Off by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventSettings {
    pub enabled: bool,
    /// Events are held in this voice channel; `None`: EXTERNAL at the meeting's place.
    pub voice: Option<ChannelId>,
}

pub async fn settings(conn: &mut SqliteConnection, group: GroupId) -> Result<EventSettings> {
    let row: Option<(bool, Option<i64>)> =
        sqlx::query_as("SELECT enabled, voice_channel FROM group_events WHERE group_id = ?")
            .bind(group.0)
            .fetch_optional(conn)
            .await?;
    Ok(row
        .map(|(enabled, voice)| EventSettings {
            enabled,
            voice: voice.map(|v| ChannelId(v as u64)),
        })
        .unwrap_or_default())
}

pub async fn set_settings(
    conn: &mut SqliteConnection,
    group: GroupId,
    s: EventSettings,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO group_events (group_id, enabled, voice_channel, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (group_id) DO UPDATE SET enabled = excluded.enabled,
           voice_channel = excluded.voice_channel, updated_at = excluded.updated_at",
    )
    .bind(group.0)
    .bind(s.enabled)
    .bind(s.voice.map(|c| sf(c.0)))
    .bind(ts(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// The groups of `ws` with events on (not archived), with their voice channel.
pub async fn enabled_groups(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
) -> Result<Vec<(GroupId, Option<ChannelId>)>> {
    let rows: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT g.id, e.voice_channel FROM group_events e JOIN groups g ON g.id = e.group_id
         WHERE g.workspace_id = ? AND e.enabled = 1 AND g.archived_at IS NULL ORDER BY g.id",
    )
    .bind(sf(ws.0))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(g, v)| (GroupId(g), v.map(|v| ChannelId(v as u64))))
        .collect())
}

/// Workspaces with anything to synchronise: a group with events on, or an event row.
pub async fn workspaces(conn: &mut SqliteConnection) -> Result<Vec<WorkspaceId>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT g.workspace_id FROM group_events e JOIN groups g ON g.id = e.group_id
         WHERE e.enabled = 1
         UNION SELECT workspace_id FROM meeting_events ORDER BY 1",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(w,)| WorkspaceId(w as u64)).collect())
}

/// Scheduled meetings of `ws`'s groups with events on that start in `[from, to)`, soonest
/// first (ties by id), at most `limit`.
pub async fn candidates(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Meeting>> {
    type Row = (i64, i64, i64, Option<String>, Option<String>, String, i64);
    let rows: Vec<Row> = sqlx::query_as(super::words::sql(
        "SELECT m.id, m.group_id, m.starts_at, m.title, m.location, m.status, m.version
         FROM meetings m JOIN groups g ON g.id = m.group_id
         JOIN group_events e ON e.group_id = g.id AND e.enabled = 1
         WHERE g.workspace_id = ? AND g.archived_at IS NULL AND m.status = {scheduled}
           AND m.starts_at >= ? AND m.starts_at < ?
         ORDER BY m.starts_at, m.id LIMIT ?",
    ))
    .bind(sf(ws.0))
    .bind(ts(from))
    .bind(ts(to))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(
            |(id, group, starts_at, title, location, status, version)| -> Result<Meeting> {
                Ok(Meeting {
                    id: MeetingId(id),
                    group: GroupId(group),
                    starts_at: from_ts(starts_at)?,
                    title,
                    location,
                    status: parse_enum::<MeetingStatus>("meeting status", &status)?,
                    version,
                })
            },
        )
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventState {
    Creating,
    Active,
    Failed,
}

impl EventState {
    fn as_str(self) -> &'static str {
        match self {
            EventState::Creating => "creating",
            EventState::Active => "active",
            EventState::Failed => "failed",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [EventState::Creating, EventState::Active, EventState::Failed]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// One meeting's event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub meeting: MeetingId,
    pub workspace: WorkspaceId,
    pub group: GroupId,
    pub event_id: Option<u64>,
    pub state: EventState,
    /// What Discord has (a fingerprint of the fields sent).
    pub synced: Option<String>,
    pub attempts: i64,
    pub next_try_at: Option<DateTime<Utc>>,
    pub failure: Option<String>,
}

type RawRow = (
    i64,
    i64,
    i64,
    Option<i64>,
    String,
    Option<String>,
    i64,
    Option<i64>,
    Option<String>,
);

fn row(r: RawRow) -> Result<EventRow> {
    let (meeting, ws, group, event_id, state, synced, attempts, next_try_at, failure) = r;
    Ok(EventRow {
        meeting: MeetingId(meeting),
        workspace: WorkspaceId(ws as u64),
        group: GroupId(group),
        event_id: event_id.map(|e| e as u64),
        state: EventState::parse(&state)
            .ok_or_else(|| super::StoreError::Corrupt(format!("event state {state}")))?,
        synced,
        attempts,
        next_try_at: next_try_at.map(from_ts).transpose()?,
        failure,
    })
}

const SELECT: &str =
    "SELECT meeting_id, workspace_id, group_id, event_id, state, synced, attempts, \
                      next_try_at, failure FROM meeting_events ";

/// Every event row of `ws`.
pub async fn rows(conn: &mut SqliteConnection, ws: WorkspaceId) -> Result<Vec<EventRow>> {
    let found: Vec<RawRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE workspace_id = ? ORDER BY meeting_id"
    ))
    .bind(sf(ws.0))
    .fetch_all(conn)
    .await?;
    found.into_iter().map(row).collect()
}

pub async fn get(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Option<EventRow>> {
    let found: Option<RawRow> = sqlx::query_as(&format!("{SELECT} WHERE meeting_id = ?"))
        .bind(meeting.0)
        .fetch_optional(conn)
        .await?;
    found.map(row).transpose()
}

/// The Discord event id of a meeting, when it has one that exists.
pub async fn event_id(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Option<u64>> {
    Ok(get(conn, meeting)
        .await?
        .filter(|r| r.state == EventState::Active)
        .and_then(|r| r.event_id))
}

/// Record that a create is about to be sent (before sending: a crash leaves `creating`).
pub async fn mark_creating(
    conn: &mut SqliteConnection,
    meeting: &Meeting,
    ws: WorkspaceId,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO meeting_events (meeting_id, workspace_id, group_id, state, updated_at)
         VALUES (?, ?, ?, 'creating', ?)
         ON CONFLICT (meeting_id) DO UPDATE SET state = 'creating', event_id = NULL,
           synced = NULL, updated_at = excluded.updated_at",
    )
    .bind(meeting.id.0)
    .bind(sf(ws.0))
    .bind(meeting.group.0)
    .bind(ts(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// The event exists on Discord with the fields `synced` describes.
pub async fn mark_active(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    event_id: u64,
    synced: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE meeting_events SET state = 'active', event_id = ?, synced = ?, attempts = 0,
           next_try_at = NULL, failure = NULL, failure_detail = NULL, updated_at = ?
         WHERE meeting_id = ?",
    )
    .bind(sf(event_id))
    .bind(synced)
    .bind(ts(now))
    .bind(meeting.0)
    .execute(conn)
    .await?;
    Ok(())
}

/// A temporary failure: try again at `at` (the state is kept: a `creating` row is looked
/// up on Discord first, so a create that did go through is not made twice).
pub async fn retry_at(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE meeting_events SET attempts = attempts + 1, next_try_at = ?, updated_at = ?
         WHERE meeting_id = ?",
    )
    .bind(ts(at))
    .bind(ts(now))
    .bind(meeting.0)
    .execute(conn)
    .await?;
    Ok(())
}

/// Discord refused for good: keep the reason (the self-check names it) and try again at
/// `again` — the setting may have been fixed by then. A refused create leaves no event.
pub async fn mark_failed(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    failure: &str,
    detail: &str,
    again: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE meeting_events SET state = CASE WHEN event_id IS NULL THEN 'failed' ELSE state END,
           attempts = attempts + 1, failure = ?, failure_detail = ?, next_try_at = ?, updated_at = ?
         WHERE meeting_id = ?",
    )
    .bind(failure)
    .bind(detail)
    .bind(ts(again))
    .bind(ts(now))
    .bind(meeting.0)
    .execute(conn)
    .await?;
    Ok(())
}

/// The event is gone from Discord (deleted, or never made): forget the row.
pub async fn remove(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<()> {
    sqlx::query("DELETE FROM meeting_events WHERE meeting_id = ?")
        .bind(meeting.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// Refusals still standing in `ws`: (meeting, reason), for the self-check.
pub async fn failures(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
) -> Result<Vec<(MeetingId, String)>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT meeting_id, failure FROM meeting_events
         WHERE workspace_id = ? AND failure IS NOT NULL ORDER BY meeting_id",
    )
    .bind(sf(ws.0))
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(m, f)| (MeetingId(m), f)).collect())
}

/// The earliest retry time of any row (for the sync loop's sleep).
pub async fn next_try(conn: &mut SqliteConnection) -> Result<Option<DateTime<Utc>>> {
    let t: Option<i64> = sqlx::query_scalar("SELECT MIN(next_try_at) FROM meeting_events")
        .fetch_one(conn)
        .await?;
    t.map(from_ts).transpose()
}

/// How many scheduled meetings `group` has starting in `[from, to)`.
pub async fn count_scheduled(
    conn: &mut SqliteConnection,
    group: GroupId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<usize> {
    let n: i64 = sqlx::query_scalar(super::words::sql(
        "SELECT COUNT(*) FROM meetings WHERE group_id = ? AND status = {scheduled}
           AND starts_at >= ? AND starts_at < ?",
    ))
    .bind(group.0)
    .bind(ts(from))
    .bind(ts(to))
    .fetch_one(conn)
    .await?;
    Ok(n as usize)
}

/// The earliest end (start + `minutes`, and a second) of a meeting that has an event and
/// has not ended at `now`: then its event is removed.
pub async fn next_end(
    conn: &mut SqliteConnection,
    now: DateTime<Utc>,
    minutes: i64,
) -> Result<Option<DateTime<Utc>>> {
    let t: Option<i64> = sqlx::query_scalar(
        "SELECT MIN(m.starts_at) FROM meeting_events e JOIN meetings m ON m.id = e.meeting_id
         WHERE m.starts_at + ? > ?",
    )
    .bind(minutes * 60)
    .bind(ts(now))
    .fetch_one(conn)
    .await?;
    t.map(|s| from_ts(s + minutes * 60 + 1)).transpose()
}

/// Every workspace in the database (the start-up self-check looks at each).
pub async fn all_workspaces(conn: &mut SqliteConnection) -> Result<Vec<WorkspaceId>> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT id FROM workspaces ORDER BY id")
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(w,)| WorkspaceId(w as u64)).collect())
}
