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

/// Free-text fields that may hold what a member wrote (a child's name, say). The trail
/// keeps that such a field was set or changed, never the text: rewriting a title to
/// anonymise it leaves nothing behind here.
pub const TEXT_FIELDS: [&str; 8] = [
    "title", "details", "note", "agency", "location", "notes", "decision", "text",
];
/// What stands in the trail where a text was.
pub const REDACTED: &str = "[text]";

/// The JSON of a value with its free text replaced by [`REDACTED`] (at any depth).
pub(crate) fn redacted<T: Serialize>(value: &T) -> Option<String> {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    if TEXT_FIELDS.contains(&k.as_str()) && v.is_string() {
                        *v = serde_json::Value::String(REDACTED.into());
                    } else {
                        walk(v);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(value).ok()?;
    walk(&mut v);
    serde_json::to_string(&v).ok()
}

/// The names of the text fields whose text differs between `before` and `after`.
fn changed_text<B: Serialize, A: Serialize>(before: Option<&B>, after: Option<&A>) -> Vec<String> {
    let (Some(b), Some(a)) = (
        before.and_then(|b| serde_json::to_value(b).ok()),
        after.and_then(|a| serde_json::to_value(a).ok()),
    ) else {
        return Vec::new();
    };
    TEXT_FIELDS
        .iter()
        .filter(|f| b.get(**f) != a.get(**f) && (b.get(**f).is_some() || a.get(**f).is_some()))
        .map(|f| f.to_string())
        .collect()
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
    .bind(before.and_then(redacted))
    .bind(after.and_then(|a| {
        let changed = changed_text(before, Some(a));
        let json = redacted(a)?;
        if changed.is_empty() {
            return Some(json);
        }
        // Which texts changed (not what they said).
        let mut v: serde_json::Value = serde_json::from_str(&json).ok()?;
        if let Some(map) = v.as_object_mut() {
            map.insert("changed_text".into(), serde_json::json!(changed));
        }
        serde_json::to_string(&v).ok()
    }))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trail_keeps_which_text_changed_never_the_text() {
        let before = serde_json::json!({"id": 1, "title": "Kari (9B) skulker", "details": null,
                                        "status": "proposed"});
        let after = serde_json::json!({"id": 1, "title": "Elev skulker", "details": null,
                                       "status": "proposed"});
        let b = redacted(&before).unwrap();
        assert!(!b.contains("Kari") && b.contains(REDACTED), "{b}");
        assert_eq!(
            changed_text(Some(&before), Some(&after)),
            vec!["title".to_string()]
        );
        let nested = serde_json::json!([{"note": "Ola har det vondt"}]);
        assert!(!redacted(&nested).unwrap().contains("Ola"));
    }
}
