//! The notice posted by the scheduler (`meeting_notices`), its change lines
//! (`notice_changes`), late submissions (`late_items`) and the group's notice lead time.

use super::{from_ts, ts, Result, StoreError};
use crate::domain::notice::{Change, Snapshot};
use crate::domain::{AgendaItemId, ChannelId, GroupId, MeetingId, UserId};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

/// The default notice lead: 14 days, in minutes.
pub const DEFAULT_LEAD: i64 = 14 * 24 * 60;

/// Minutes before each meeting the notice is posted; `None`: off.
pub async fn lead(conn: &mut SqliteConnection, group: GroupId) -> Result<Option<i64>> {
    let row: Option<(Option<i64>,)> = sqlx::query_as("SELECT notice_lead FROM groups WHERE id = ?")
        .bind(group.0)
        .fetch_optional(conn)
        .await?;
    row.map(|r| r.0)
        .ok_or_else(|| StoreError::Corrupt(format!("group {group} vanished")))
}

pub async fn set_lead(
    conn: &mut SqliteConnection,
    group: GroupId,
    lead: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE groups SET notice_lead = ?, updated_at = ?, version = version + 1 WHERE id = ?",
    )
    .bind(lead)
    .bind(ts(now))
    .bind(group.0)
    .execute(conn)
    .await?;
    Ok(())
}

/// The message carrying a meeting's notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posted {
    pub meeting: MeetingId,
    pub channel: ChannelId,
    pub message_id: Option<u64>,
    /// The final case list went out.
    pub final_list: bool,
    pub snapshot: Snapshot,
    pub posted_at: DateTime<Utc>,
    pub edits: i64,
}

type PostedRow = (i64, i64, Option<i64>, i64, String, i64, i64);

fn posted_row(r: PostedRow) -> Result<Posted> {
    let (meeting, channel, message, final_list, snapshot, posted_at, edits) = r;
    Ok(Posted {
        meeting: MeetingId(meeting),
        channel: ChannelId(channel as u64),
        message_id: message.map(|m| m as u64),
        final_list: final_list != 0,
        snapshot: serde_json::from_str(&snapshot)
            .map_err(|e| StoreError::Corrupt(format!("notice snapshot: {e}")))?,
        posted_at: from_ts(posted_at)?,
        edits,
    })
}

const POSTED: &str = "SELECT meeting_id, channel_id, message_id, final, snapshot, posted_at, edits
     FROM meeting_notices";

pub async fn posted(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Option<Posted>> {
    let row: Option<PostedRow> = sqlx::query_as(&format!("{POSTED} WHERE meeting_id = ?"))
        .bind(meeting.0)
        .fetch_optional(conn)
        .await?;
    row.map(posted_row).transpose()
}

/// Posted notices of meetings that start after `now` (the ones a change may still edit).
pub async fn upcoming(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<Vec<Posted>> {
    let rows: Vec<PostedRow> = sqlx::query_as(&format!(
        "{POSTED} WHERE meeting_id IN (SELECT id FROM meetings WHERE starts_at > ?)
         ORDER BY meeting_id"
    ))
    .bind(ts(now))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(posted_row).collect()
}

fn snapshot_text(s: &Snapshot) -> Result<String> {
    serde_json::to_string(s).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Record a posted notice (or final list): the message to edit from now on. A notice
/// recorded after the final list (two deliveries side by side) does not replace it.
pub async fn record_posted(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    channel: ChannelId,
    message_id: Option<u64>,
    final_list: bool,
    snapshot: &Snapshot,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO meeting_notices (meeting_id, channel_id, message_id, final, snapshot, posted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (meeting_id) DO UPDATE SET
             channel_id = CASE WHEN ?4 >= final THEN ?2 ELSE channel_id END,
             message_id = CASE WHEN ?4 >= final THEN coalesce(?3, message_id) ELSE message_id END,
             snapshot = CASE WHEN ?4 >= final THEN ?5 ELSE snapshot END,
             posted_at = CASE WHEN ?4 >= final THEN ?6 ELSE posted_at END,
             final = max(final, ?4)",
    )
    .bind(meeting.0)
    .bind(channel.0 as i64)
    .bind(message_id.map(|m| m as i64))
    .bind(i64::from(final_list))
    .bind(snapshot_text(snapshot)?)
    .bind(ts(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// What the message shows now (set when a change is recorded), and the next edit's number.
pub async fn set_snapshot(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    snapshot: &Snapshot,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "UPDATE meeting_notices SET snapshot = ?, edits = edits + 1 WHERE meeting_id = ?
         RETURNING edits",
    )
    .bind(snapshot_text(snapshot)?)
    .bind(meeting.0)
    .fetch_one(conn)
    .await?)
}

/// One "Endret …" line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeLine {
    pub at: DateTime<Utc>,
    pub what: Change,
    pub item: Option<AgendaItemId>,
}

pub async fn add_change(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    what: Change,
    item: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO notice_changes (meeting_id, changed_at, what, item_id) VALUES (?, ?, ?, ?)",
    )
    .bind(meeting.0)
    .bind(ts(now))
    .bind(what.code())
    .bind(item)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn changes(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Vec<ChangeLine>> {
    let rows: Vec<(i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT changed_at, what, item_id FROM notice_changes WHERE meeting_id = ? ORDER BY id",
    )
    .bind(meeting.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(at, what, item)| {
            Ok(ChangeLine {
                at: from_ts(at)?,
                what: Change::parse(&what)
                    .ok_or_else(|| StoreError::Corrupt(format!("notice change {what:?}")))?,
                item: item.map(AgendaItemId),
            })
        })
        .collect()
}

/// Keys of pending edit and late notifications of a meeting (kept when it is replanned).
pub async fn pending_keys(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT key FROM notifications WHERE meeting_id = ? AND state = 'pending'
         AND kind IN ('notice_edit', 'late')",
    )
    .bind(meeting.0)
    .fetch_all(conn)
    .await?)
}

/// Is an edit of this meeting's notice waiting to be sent?
pub async fn edit_pending(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE meeting_id = ? AND kind = 'notice_edit'
         AND state = 'pending'",
    )
    .bind(meeting.0)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

// ---------------------------------------------------------------- late submissions

/// A submission after the deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Late {
    pub item: AgendaItemId,
    /// The meeting it was meant for.
    pub meeting: MeetingId,
    pub submitted_at: DateTime<Utc>,
    pub decided: bool,
}

pub async fn add_late(
    conn: &mut SqliteConnection,
    item: AgendaItemId,
    meeting: MeetingId,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("INSERT INTO late_items (item_id, meeting_id, submitted_at) VALUES (?, ?, ?)")
        .bind(item.0)
        .bind(meeting.0)
        .bind(ts(now))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn late(conn: &mut SqliteConnection, item: AgendaItemId) -> Result<Option<Late>> {
    let row: Option<(i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT meeting_id, submitted_at, decided_at FROM late_items WHERE item_id = ?",
    )
    .bind(item.0)
    .fetch_optional(conn)
    .await?;
    row.map(|(meeting, at, decided)| {
        Ok(Late {
            item,
            meeting: MeetingId(meeting),
            submitted_at: from_ts(at)?,
            decided: decided.is_some(),
        })
    })
    .transpose()
}

/// Late submissions to `meeting` still waiting for the coordinator, oldest first.
pub async fn late_pending(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
) -> Result<Vec<AgendaItemId>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT item_id FROM late_items WHERE meeting_id = ? AND decided_at IS NULL
         ORDER BY submitted_at, item_id",
    )
    .bind(meeting.0)
    .fetch_all(conn)
    .await?;
    Ok(ids.into_iter().map(AgendaItemId).collect())
}

/// The group's late submissions still waiting for the coordinator.
pub async fn late_undecided(
    conn: &mut SqliteConnection,
    group: GroupId,
) -> Result<Vec<AgendaItemId>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT l.item_id FROM late_items l JOIN agenda_items a ON a.id = l.item_id
         WHERE a.group_id = ? AND l.decided_at IS NULL",
    )
    .bind(group.0)
    .fetch_all(conn)
    .await?;
    Ok(ids.into_iter().map(AgendaItemId).collect())
}

/// Record the coordinator's decision. `false` if it was already decided.
pub async fn decide_late(
    conn: &mut SqliteConnection,
    item: AgendaItemId,
    to: MeetingId,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE late_items SET decided_at = ?, decided_by = ?, admitted_to = ?
         WHERE item_id = ? AND decided_at IS NULL",
    )
    .bind(ts(now))
    .bind(super::sf(by.0))
    .bind(to.0)
    .bind(item.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
