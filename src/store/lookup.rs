//! Read-only look-ups for autocomplete: (id, title) pairs of a group's open agenda items
//! and active actions, newest first. Filtering by what the user typed happens in Rust
//! (`to_lowercase` folds æ/ø/å, SQLite's `lower` does not).

use super::Result;
use crate::domain::GroupId;
use sqlx::SqliteConnection;

/// Open agenda items (proposed, on the agenda, carried over) of `group`.
pub async fn open_agenda_items(
    conn: &mut SqliteConnection,
    group: GroupId,
    limit: i64,
) -> Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, title FROM agenda_items
         WHERE group_id = ? AND status IN ('proposed', 'on_agenda')
         ORDER BY id DESC LIMIT ?",
    )
    .bind(group.0)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// Active actions (open, in progress, blocked) of `group`.
pub async fn active_actions(
    conn: &mut SqliteConnection,
    group: GroupId,
    limit: i64,
) -> Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, title FROM actions
         WHERE group_id = ? AND status IN ('open', 'in_progress', 'blocked')
         ORDER BY id DESC LIMIT ?",
    )
    .bind(group.0)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}
