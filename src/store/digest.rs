//! What the weekly digest and the overdue planner read: a workspace's digest settings and
//! its recent activity, each query led by an index.
//!
//! The digest channel is read by the whole server, so item and action titles leave the
//! database only for groups whose coordinators allowed it (`groups.digest_titles`); for
//! the others the title is `NULL` and the digest shows counts.

use super::{from_ts, sf, ts, Result, StoreError};
use crate::domain::{ActionId, ActionStatus, ChannelId, GroupId, WorkspaceId};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

#[derive(Debug, Clone)]
pub struct DigestSettings {
    pub channel: Option<ChannelId>,
    pub cadence: String,
    pub last_at: Option<DateTime<Utc>>,
}

pub async fn settings(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
) -> Result<Option<DigestSettings>> {
    let row: Option<(Option<i64>, String, Option<i64>)> = sqlx::query_as(
        "SELECT digest_channel, digest_cadence, digest_last_at FROM workspaces WHERE id = ?",
    )
    .bind(sf(ws.0))
    .fetch_optional(conn)
    .await?;
    row.map(|(c, cadence, last)| {
        Ok(DigestSettings {
            channel: c.map(|c| ChannelId(c as u64)),
            cadence,
            last_at: last.map(from_ts).transpose()?,
        })
    })
    .transpose()
}

pub async fn set_cadence(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    cadence: &str,
) -> Result<()> {
    sqlx::query("UPDATE workspaces SET digest_cadence = ? WHERE id = ?")
        .bind(cadence)
        .bind(sf(ws.0))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_last(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    at: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("UPDATE workspaces SET digest_last_at = ? WHERE id = ?")
        .bind(ts(at))
        .bind(sf(ws.0))
        .execute(conn)
        .await?;
    Ok(())
}

/// Workspaces with a digest channel but no digest pending or in flight (planned at start).
pub async fn workspaces_without_digest(conn: &mut SqliteConnection) -> Result<Vec<WorkspaceId>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT w.id FROM workspaces w WHERE w.digest_channel IS NOT NULL AND NOT EXISTS
         (SELECT 1 FROM notifications n WHERE n.kind = 'digest' AND n.workspace_id = w.id
          AND n.state IN ('pending', 'claimed'))",
    )
    .fetch_all(conn)
    .await?;
    Ok(ids.into_iter().map(|i| WorkspaceId(i as u64)).collect())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MeetingLine {
    pub group_name: String,
    pub starts_at: i64,
    pub status: String,
}

/// The workspace's meetings (scheduled or cancelled) in `[from, to)`, soonest first.
pub async fn meetings_between(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<MeetingLine>> {
    Ok(sqlx::query_as(super::words::sql(
        "SELECT g.name AS group_name, m.starts_at, m.status FROM groups g
         JOIN meetings m ON m.group_id = g.id
         WHERE g.workspace_id = ? AND g.archived_at IS NULL AND m.starts_at >= ? AND m.starts_at < ?
           AND m.status <> {held}
         ORDER BY m.starts_at, g.name_key",
    ))
    .bind(sf(ws.0))
    .bind(ts(from))
    .bind(ts(to))
    .fetch_all(conn)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemLine {
    pub group_name: String,
    pub id: i64,
    /// `None` unless the group shows titles in the digest.
    pub title: Option<String>,
}

/// Agenda items added since `since` (withdrawn ones left out), as members submitted them:
/// not the standing items sltbot itself puts on each meeting (submitter 0; the scheduler's
/// notice adds them).
pub async fn items_since(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    since: DateTime<Utc>,
) -> Result<Vec<ItemLine>> {
    Ok(sqlx::query_as(super::words::sql(
        "SELECT g.name AS group_name, a.id,
                CASE WHEN g.digest_titles THEN a.title END AS title FROM groups g
         JOIN agenda_items a ON a.group_id = g.id
         WHERE g.workspace_id = ? AND a.created_at > ? AND a.status <> {withdrawn}
           AND a.submitter <> 0
         ORDER BY g.name_key, a.created_at, a.id",
    ))
    .bind(sf(ws.0))
    .bind(ts(since))
    .fetch_all(conn)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UpdateLine {
    pub group_name: String,
    pub action_id: i64,
    /// `None` unless the group shows titles in the digest.
    pub title: Option<String>,
    pub status: String,
    pub notes: i64,
}

/// Actions updated since `since`: their current status and how many notes were added.
pub async fn updates_since(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    since: DateTime<Utc>,
) -> Result<Vec<UpdateLine>> {
    Ok(sqlx::query_as(
        "SELECT g.name AS group_name, a.id AS action_id,
                CASE WHEN g.digest_titles THEN a.title END AS title, a.status,
                count(u.note) AS notes
         FROM groups g JOIN actions a ON a.group_id = g.id
         JOIN action_updates u ON u.action_id = a.id
         WHERE g.workspace_id = ? AND u.at > ?
         GROUP BY a.id ORDER BY g.name_key, a.id",
    )
    .bind(sf(ws.0))
    .bind(ts(since))
    .fetch_all(conn)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OverdueLine {
    pub group_name: String,
    pub action_id: i64,
    /// `None` unless the group shows titles in the digest.
    pub title: Option<String>,
    pub due_date: String,
}

/// Active actions due before `today`, per group.
pub async fn overdue(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    today: NaiveDate,
) -> Result<Vec<OverdueLine>> {
    Ok(sqlx::query_as(super::words::sql(
        "SELECT g.name AS group_name, a.id AS action_id,
                CASE WHEN g.digest_titles THEN a.title END AS title, a.due_date FROM groups g
         JOIN actions a ON a.group_id = g.id
         WHERE g.workspace_id = ? AND g.archived_at IS NULL
           AND a.status IN {active_actions} AND a.due_date < ?
         ORDER BY g.name_key, a.due_date, a.id",
    ))
    .bind(sf(ws.0))
    .bind(today.to_string())
    .fetch_all(conn)
    .await?)
}

/// An active action whose overdue ping is to be planned.
#[derive(Debug, Clone)]
pub struct DueAction {
    pub id: ActionId,
    pub group: GroupId,
    pub workspace: WorkspaceId,
    pub due: NaiveDate,
    pub timezone: String,
}

/// Active actions with a due date in `(after, through]` (index `actions_due`).
pub async fn actions_due_between(
    conn: &mut SqliteConnection,
    after: NaiveDate,
    through: NaiveDate,
) -> Result<Vec<DueAction>> {
    let rows: Vec<(i64, i64, i64, String, String)> = sqlx::query_as(
        super::words::sql("SELECT a.id, a.group_id, g.workspace_id, a.due_date, coalesce(g.timezone, w.timezone)
         FROM actions a JOIN groups g ON g.id = a.group_id JOIN workspaces w ON w.id = g.workspace_id
         WHERE a.status IN {active_actions} AND a.due_date > ? AND a.due_date <= ?"),
    )
    .bind(after.to_string())
    .bind(through.to_string())
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, g, w, due, tz)| {
            Ok(DueAction {
                id: ActionId(id),
                group: GroupId(g),
                workspace: WorkspaceId(w as u64),
                due: due
                    .parse()
                    .map_err(|_| StoreError::Corrupt(format!("due_date {due:?}")))?,
                timezone: tz,
            })
        })
        .collect()
}

pub fn parse_status(s: &str) -> Result<ActionStatus> {
    super::parse_enum("action status", s)
}
