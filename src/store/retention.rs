//! Retention: deleting what is old enough, keeping only counts in the audit trail.

use super::{ts, Result};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

/// What one purge removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Purged {
    pub agenda_items: u64,
    pub actions: u64,
    pub meetings: u64,
    /// Audit rows about the deleted things, replaced by one count row per group and kind.
    pub audit_rows: u64,
}

/// Delete handled or withdrawn agenda items and done or cancelled actions last changed
/// before `items_before`, and held or cancelled meetings that started before
/// `meetings_before` and have no items left. Their audit rows become counts.
pub async fn purge(
    conn: &mut SqliteConnection,
    items_before: DateTime<Utc>,
    meetings_before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Purged> {
    let mut purged = Purged::default();
    let kinds: [(&str, &str, &str); 3] = [
        (
            "agenda_item",
            "SELECT id, group_id FROM agenda_items WHERE status IN {finished_items} AND updated_at < ?",
            "DELETE FROM agenda_items WHERE id = ?",
        ),
        (
            "action",
            "SELECT id, group_id FROM actions WHERE status IN {finished_actions} AND updated_at < ?",
            "DELETE FROM actions WHERE id = ?",
        ),
        (
            "meeting",
            "SELECT id, group_id FROM meetings m WHERE status IN {closed_meetings} AND starts_at < ?
             AND NOT EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = m.id)",
            "DELETE FROM meetings WHERE id = ?",
        ),
    ];
    for (entity, select, delete) in kinds {
        let cutoff = if entity == "meeting" {
            meetings_before
        } else {
            items_before
        };
        let rows: Vec<(i64, i64)> = sqlx::query_as(super::words::sql(select))
            .bind(ts(cutoff))
            .fetch_all(&mut *conn)
            .await?;
        let mut per_group: std::collections::BTreeMap<i64, (u64, u64)> = Default::default();
        for (id, group) in rows {
            sqlx::query(delete).bind(id).execute(&mut *conn).await?;
            let audit = sqlx::query("DELETE FROM audit_log WHERE entity = ? AND entity_id = ?")
                .bind(entity)
                .bind(id)
                .execute(&mut *conn)
                .await?
                .rows_affected();
            let e = per_group.entry(group).or_default();
            e.0 += 1;
            e.1 += audit;
            match entity {
                "agenda_item" => purged.agenda_items += 1,
                "action" => purged.actions += 1,
                _ => purged.meetings += 1,
            }
            purged.audit_rows += audit;
        }
        for (group, (count, audit_rows)) in per_group {
            let summary = serde_json::json!({ "deleted": count, "audit_rows": audit_rows });
            sqlx::query(
                "INSERT INTO audit_log (workspace_id, group_id, actor, action, entity, entity_id, before, after, at)
                 SELECT workspace_id, id, 0, ?, ?, NULL, NULL, ?, ? FROM groups WHERE id = ?",
            )
            .bind(crate::domain::AuditAction::RetentionPurge.code())
            .bind(entity)
            .bind(summary.to_string())
            .bind(ts(now))
            .bind(group)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(purged)
}
