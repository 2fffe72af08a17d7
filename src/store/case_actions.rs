//! Actions linked to the case that gave rise to them (`actions.case_id`, migration
//! `20261129020001_minutes_publishing.sql`): listed under that case in the minutes and
//! among the actions the meeting created.

use super::Result;
use crate::domain::{Action, ActionId, AgendaItemId, MeetingId};
use sqlx::SqliteConnection;

/// Link `action` to the case `item`.
pub async fn link(conn: &mut SqliteConnection, action: ActionId, item: AgendaItemId) -> Result<()> {
    sqlx::query("UPDATE actions SET case_id = ? WHERE id = ?")
        .bind(item.0)
        .bind(action.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// The case an action came from, if any.
pub async fn case_of(
    conn: &mut SqliteConnection,
    action: ActionId,
) -> Result<Option<AgendaItemId>> {
    let id: Option<Option<i64>> = sqlx::query_scalar("SELECT case_id FROM actions WHERE id = ?")
        .bind(action.0)
        .fetch_optional(conn)
        .await?;
    Ok(id.flatten().map(AgendaItemId))
}

/// The actions created from the cases on `meeting`'s list, with their case, in the order
/// they were created.
pub async fn for_meeting(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
) -> Result<Vec<(AgendaItemId, Action)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT a.id, a.case_id FROM actions a JOIN agenda_items i ON i.id = a.case_id
         WHERE i.meeting_id = ? ORDER BY a.id",
    )
    .bind(meeting.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (action, item) in rows {
        if let Some(a) = super::actions::get(conn, ActionId(action)).await? {
            out.push((AgendaItemId(item), a));
        }
    }
    Ok(out)
}
