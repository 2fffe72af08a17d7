//! The audit trail: every change the service makes is recorded here, in the same
//! transaction as the change itself.

use super::{from_ts, sf, ts, Result};
use crate::domain::{AuditAction, GroupId, UserId, WorkspaceId};
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqliteConnection;

pub struct Entry<'a> {
    pub workspace: WorkspaceId,
    pub group: Option<GroupId>,
    pub actor: UserId,
    /// What was done (stored as its code, e.g. `agenda.add`).
    pub action: AuditAction,
    /// What kind of thing, e.g. `agenda_item`.
    pub entity: &'a str,
    pub entity_id: Option<i64>,
}

pub async fn record<B: Serialize, A: Serialize>(
    conn: &mut SqliteConnection,
    e: &Entry<'_>,
    before: Option<&B>,
    after: Option<&A>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (workspace_id, group_id, actor, action, entity, entity_id, before, after, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(sf(e.workspace.0))
    .bind(e.group.map(|g| g.0))
    .bind(sf(e.actor.0))
    .bind(e.action.code())
    .bind(e.entity)
    .bind(e.entity_id)
    .bind(before.and_then(|b| serde_json::to_string(b).ok()))
    .bind(after.and_then(|a| serde_json::to_string(a).ok()))
    .bind(ts(now))
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub group_id: Option<i64>,
    pub actor: i64,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
    pub at: i64,
}

impl AuditRow {
    pub fn at(&self) -> Result<DateTime<Utc>> {
        from_ts(self.at)
    }
}

/// The most recent entries for a workspace (optionally one group), newest first.
pub async fn recent(
    conn: &mut SqliteConnection,
    workspace: WorkspaceId,
    group: Option<GroupId>,
    limit: i64,
) -> Result<Vec<AuditRow>> {
    Ok(sqlx::query_as(
        "SELECT id, group_id, actor, action, entity, entity_id, before, after, at FROM audit_log
         WHERE workspace_id = ? AND (? IS NULL OR group_id = ?) ORDER BY id DESC LIMIT ?",
    )
    .bind(sf(workspace.0))
    .bind(group.map(|g| g.0))
    .bind(group.map(|g| g.0))
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

pub async fn count_for_group(conn: &mut SqliteConnection, group: GroupId) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE group_id = ?")
            .bind(group.0)
            .fetch_one(conn)
            .await?,
    )
}

/// After a group is deleted, drop the before/after bodies of its audit rows (they hold
/// the deleted texts) but keep who did what when.
pub async fn forget_group_details(conn: &mut SqliteConnection, group: GroupId) -> Result<()> {
    sqlx::query("UPDATE audit_log SET before = NULL, after = NULL WHERE group_id = ?")
        .bind(group.0)
        .execute(conn)
        .await?;
    Ok(())
}
