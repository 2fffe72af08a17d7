//! The notification table: what the bot will send on its own, keyed deterministically.
//! Finding due work reads the `(state, due_at)` index only.

use super::{from_ts, sf, ts, Result};
use crate::domain::{ActionId, GroupId, MeetingId, WorkspaceId};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reminder,
    Deadline,
    Overdue,
    Digest,
    /// Tells the coordinators (in the digest channel) that another notification failed.
    Failure,
    /// The published minutes, posted to the body's channel with the files attached.
    Minutes,
    /// Reminds the coordinators that a held meeting's minutes are not published two
    /// working days after it.
    MinutesDue,
    /// A meeting's notice (innkalling), posted to the body's channel (`notice:{meeting}`).
    Notice,
    /// The final case list at the agenda deadline (`notice-final:{meeting}`).
    NoticeFinal,
    /// An edit in place of the notice's message after a change (`notice-edit:{meeting}:{n}`).
    NoticeEdit,
    /// A submission after the deadline, for the coordinators (`late:{item}`; `seq` is the
    /// item's id).
    Late,
    /// An order posted to the receiving body, or its answer to the ordering body
    /// (`order:{order}:{event seq}`; see `scheduler::orders`).
    Order,
    /// An open order past its due date (`order-overdue:{order}:{n}`, then weekly).
    OrderOverdue,
    /// A follow-up round's question to one owner (`followup:{meeting}:{asked}:{seq}`).
    Followup,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Reminder => "reminder",
            Kind::Deadline => "deadline",
            Kind::Overdue => "overdue",
            Kind::Digest => "digest",
            Kind::Failure => "failure",
            Kind::Minutes => "minutes",
            Kind::MinutesDue => "minutes_due",
            Kind::Notice => "notice",
            Kind::NoticeFinal => "notice_final",
            Kind::NoticeEdit => "notice_edit",
            Kind::Late => "late",
            Kind::Order => "order",
            Kind::OrderOverdue => "order_overdue",
            Kind::Followup => "followup",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        match s {
            "reminder" => Some(Kind::Reminder),
            "deadline" => Some(Kind::Deadline),
            "overdue" => Some(Kind::Overdue),
            "digest" => Some(Kind::Digest),
            "failure" => Some(Kind::Failure),
            "minutes" => Some(Kind::Minutes),
            "minutes_due" => Some(Kind::MinutesDue),
            "notice" => Some(Kind::Notice),
            "notice_final" => Some(Kind::NoticeFinal),
            "notice_edit" => Some(Kind::NoticeEdit),
            "late" => Some(Kind::Late),
            "order" => Some(Kind::Order),
            "order_overdue" => Some(Kind::OrderOverdue),
            "followup" => Some(Kind::Followup),
            _ => None,
        }
    }
}

/// A row to plan.
#[derive(Debug, Clone)]
pub struct Plan {
    pub key: String,
    pub kind: Kind,
    pub workspace: WorkspaceId,
    pub group: Option<GroupId>,
    pub meeting: Option<MeetingId>,
    pub action: Option<ActionId>,
    pub lead_minutes: Option<i64>,
    pub seq: i64,
    pub due_at: DateTime<Utc>,
}

/// A claimed row.
#[derive(Debug, Clone)]
pub struct Notification {
    pub id: i64,
    pub key: String,
    pub kind: Kind,
    pub workspace: WorkspaceId,
    pub group: Option<GroupId>,
    pub meeting: Option<MeetingId>,
    pub action: Option<ActionId>,
    pub lead_minutes: Option<i64>,
    pub seq: i64,
    pub planned_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub attempts: i64,
    pub parts_sent: i64,
    pub claim_token: String,
    /// A failure notice: the failed notification it is about.
    pub about: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    key: String,
    kind: String,
    workspace_id: i64,
    group_id: Option<i64>,
    meeting_id: Option<i64>,
    action_id: Option<i64>,
    lead_minutes: Option<i64>,
    seq: i64,
    planned_at: i64,
    due_at: i64,
    attempts: i64,
    parts_sent: i64,
    claim_token: Option<String>,
    about_id: Option<i64>,
}

impl Row {
    fn into_domain(self) -> Result<Notification> {
        Ok(Notification {
            id: self.id,
            kind: Kind::parse(&self.kind)
                .ok_or_else(|| super::StoreError::Corrupt(format!("kind {:?}", self.kind)))?,
            key: self.key,
            workspace: WorkspaceId(self.workspace_id as u64),
            group: self.group_id.map(GroupId),
            meeting: self.meeting_id.map(MeetingId),
            action: self.action_id.map(ActionId),
            lead_minutes: self.lead_minutes,
            seq: self.seq,
            planned_at: from_ts(self.planned_at)?,
            due_at: from_ts(self.due_at)?,
            attempts: self.attempts,
            parts_sent: self.parts_sent,
            claim_token: self.claim_token.unwrap_or_default(),
            about: self.about_id,
        })
    }
}

const COLUMNS: &str =
    "id, key, kind, workspace_id, group_id, meeting_id, action_id, lead_minutes, \
     seq, planned_at, due_at, attempts, parts_sent, claim_token, about_id";

/// Plan a notification. Idempotent by key: a pending row gets the new due time (a moved
/// meeting), a claimed, sent or skipped one is left alone.
pub async fn plan(conn: &mut SqliteConnection, p: &Plan, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT INTO notifications (key, kind, workspace_id, group_id, meeting_id, action_id,
         lead_minutes, seq, planned_at, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at, planned_at = excluded.planned_at,
         lead_minutes = excluded.lead_minutes
         WHERE notifications.state = 'pending' AND notifications.due_at <> excluded.due_at",
    )
    .bind(&p.key)
    .bind(p.kind.as_str())
    .bind(sf(p.workspace.0))
    .bind(p.group.map(|g| g.0))
    .bind(p.meeting.map(|m| m.0))
    .bind(p.action.map(|a| a.0))
    .bind(p.lead_minutes)
    .bind(p.seq)
    .bind(ts(p.due_at))
    .bind(ts(p.due_at))
    .bind(ts(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// Move a still-pending notification to `due_at` (never creates one).
pub async fn reschedule_pending(
    conn: &mut SqliteConnection,
    key: &str,
    due_at: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE notifications SET due_at = ?, planned_at = ? WHERE key = ? AND state = 'pending'",
    )
    .bind(ts(due_at))
    .bind(ts(due_at))
    .bind(key)
    .execute(conn)
    .await?;
    Ok(())
}

/// Forget a still-pending notification (its reason went away).
pub async fn unplan(conn: &mut SqliteConnection, key: &str) -> Result<()> {
    sqlx::query("DELETE FROM notifications WHERE key = ? AND state = 'pending'")
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}

/// Pending reminder/deadline rows of a meeting whose key is not in `keep` (a follow-up
/// round's questions, planned when it asked, stay).
pub async fn unplan_meeting_except(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    keep: &[String],
) -> Result<()> {
    let keep =
        serde_json::to_string(keep).map_err(|e| super::StoreError::Corrupt(e.to_string()))?;
    // Only what meeting planning makes: the minutes' posts and reminders of a held
    // meeting, order messages and the notice's edits are planned elsewhere.
    let planned_here = [
        Kind::Reminder,
        Kind::Deadline,
        Kind::Notice,
        Kind::NoticeFinal,
    ]
    .map(|k| format!("'{}'", k.as_str()))
    .join(", ");
    sqlx::query(&format!(
        "DELETE FROM notifications WHERE meeting_id = ? AND state = 'pending'
         AND kind IN ({planned_here}) AND key NOT IN (SELECT value FROM json_each(?))",
    ))
    .bind(meeting.0)
    .bind(keep)
    .execute(conn)
    .await?;
    Ok(())
}

/// Pending digest rows of a workspace (to replan after a settings change).
pub async fn unplan_digests(conn: &mut SqliteConnection, ws: WorkspaceId) -> Result<()> {
    sqlx::query(
        "DELETE FROM notifications WHERE kind = 'digest' AND workspace_id = ? AND state = 'pending'",
    )
    .bind(sf(ws.0))
    .execute(conn)
    .await?;
    Ok(())
}

/// Claim up to `limit` pending rows due at `now`: one statement inside the caller's write
/// transaction, so two schedulers can never claim the same row.
pub async fn claim_due(
    conn: &mut SqliteConnection,
    now: DateTime<Utc>,
    token: &str,
    limit: i64,
) -> Result<Vec<Notification>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "UPDATE notifications SET state = 'claimed', claimed_at = ?1, claim_token = ?2,
         attempts = attempts + 1
         WHERE id IN (SELECT id FROM notifications WHERE state = 'pending' AND due_at <= ?1
                      ORDER BY due_at LIMIT ?3)
         RETURNING {COLUMNS}"
    ))
    .bind(ts(now))
    .bind(token)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    let mut out = rows
        .into_iter()
        .map(Row::into_domain)
        .collect::<Result<Vec<_>>>()?;
    out.sort_by_key(|n| (n.due_at, n.id));
    Ok(out)
}

/// Claim one pending row, if it is still pending and due at `now`: what a scheduler does
/// right before sending it. `None` if another scheduler got it first (or it moved).
pub async fn claim_one(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
    token: &str,
) -> Result<Option<Notification>> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "UPDATE notifications SET state = 'claimed', claimed_at = ?1, claim_token = ?2,
         attempts = attempts + 1
         WHERE id = ?3 AND state = 'pending' AND due_at <= ?1
         RETURNING {COLUMNS}"
    ))
    .bind(ts(now))
    .bind(token)
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(Row::into_domain).transpose()
}

/// The owners (claim tokens) of live claims other than `ours` (index `notifications_claims`).
pub async fn claim_owners(conn: &mut SqliteConnection, ours: &str) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT claim_token FROM notifications
         WHERE state = 'claimed' AND claim_token IS NOT NULL AND claim_token <> ?",
    )
    .bind(ours)
    .fetch_all(conn)
    .await?)
}

/// Take over every claim of `dead` (a scheduler known to be gone). As with an expired
/// lease, the caller must ask the outbox what was delivered before sending again.
pub async fn take_back(
    conn: &mut SqliteConnection,
    dead: &str,
    ours: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Notification>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "UPDATE notifications SET claimed_at = ?1, claim_token = ?2
         WHERE state = 'claimed' AND claim_token = ?3
         RETURNING {COLUMNS}"
    ))
    .bind(ts(now))
    .bind(ours)
    .bind(dead)
    .fetch_all(conn)
    .await?;
    let mut out = rows
        .into_iter()
        .map(Row::into_domain)
        .collect::<Result<Vec<_>>>()?;
    out.sort_by_key(|n| (n.due_at, n.id));
    Ok(out)
}

/// Take over claims older than the lease (their scheduler died or hung mid-send). The
/// caller must find out from the outbox what was delivered before sending again.
pub async fn claim_expired(
    conn: &mut SqliteConnection,
    now: DateTime<Utc>,
    expired_before: DateTime<Utc>,
    token: &str,
    limit: i64,
) -> Result<Vec<Notification>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "UPDATE notifications SET claimed_at = ?1, claim_token = ?2
         WHERE id IN (SELECT id FROM notifications WHERE state = 'claimed' AND claimed_at <= ?3
                      ORDER BY due_at LIMIT ?4)
         RETURNING {COLUMNS}"
    ))
    .bind(ts(now))
    .bind(token)
    .bind(ts(expired_before))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(Row::into_domain).collect()
}

/// Renew a claim just before sending (a lease heartbeat). `false` if another scheduler
/// took it over meanwhile: then this one must not send.
pub async fn renew(
    conn: &mut SqliteConnection,
    n: &Notification,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE notifications SET claimed_at = ? WHERE id = ? AND state = 'claimed' AND claim_token = ?",
    )
    .bind(ts(now))
    .bind(n.id)
    .bind(&n.claim_token)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Record that parts up to `parts` went out. `false` if the claim was lost.
pub async fn mark_parts(conn: &mut SqliteConnection, n: &Notification, parts: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE notifications SET parts_sent = ? WHERE id = ? AND state = 'claimed' AND claim_token = ?",
    )
    .bind(parts)
    .bind(n.id)
    .bind(&n.claim_token)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Close a claimed row: sent or skipped (with a reason for the log, never user text).
pub async fn finish(
    conn: &mut SqliteConnection,
    n: &Notification,
    sent: bool,
    outcome: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE notifications SET state = ?, sent_at = ?, outcome = ?, claim_token = NULL
         WHERE id = ? AND state = 'claimed' AND claim_token = ?",
    )
    .bind(if sent { "sent" } else { "skipped" })
    .bind(sent.then(|| ts(now)))
    .bind(outcome)
    .bind(n.id)
    .bind(&n.claim_token)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Close a claimed row as `failed` for good: `refusal` (a [`Refusal`] code) and `detail`
/// (HTTP status and Discord code, never user text). Never retried, never deleted.
///
/// [`Refusal`]: crate::notify::Refusal
pub async fn fail(
    conn: &mut SqliteConnection,
    n: &Notification,
    refusal: &str,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE notifications SET state = 'failed', failure = ?, outcome = ?, failed_at = ?,
         claim_token = NULL WHERE id = ? AND state = 'claimed' AND claim_token = ?",
    )
    .bind(refusal)
    .bind(detail)
    .bind(ts(now))
    .bind(n.id)
    .bind(&n.claim_token)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Plan the notice about failed row `failed` for the digest channel (`failure:{id}`),
/// due at once. Idempotent.
pub async fn plan_failure_notice(
    conn: &mut SqliteConnection,
    failed: &Notification,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO notifications (key, kind, workspace_id, group_id, planned_at, due_at,
         created_at, about_id) VALUES (?, 'failure', ?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO NOTHING",
    )
    .bind(format!("failure:{}", failed.id))
    .bind(sf(failed.workspace.0))
    .bind(failed.group.map(|g| g.0))
    .bind(ts(now))
    .bind(ts(now))
    .bind(ts(now))
    .bind(failed.id)
    .execute(conn)
    .await?;
    Ok(())
}

/// A notification that failed for good, as coordinators are told about it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Failed {
    pub id: i64,
    pub kind: String,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    /// The group's channel (where it should have gone), if any.
    pub channel: Option<i64>,
    pub meeting_starts_at: Option<i64>,
    pub action_id: Option<i64>,
    /// When it should have gone out.
    pub planned_at: i64,
    pub failed_at: i64,
    /// A [`crate::notify::Refusal`] code.
    pub failure: String,
}

const FAILED_SELECT: &str =
    "SELECT n.id, n.kind, n.group_id, g.name AS group_name, g.channel_id AS channel,
     m.starts_at AS meeting_starts_at, n.action_id, n.planned_at, n.failed_at, n.failure
     FROM notifications n
     LEFT JOIN groups g ON g.id = n.group_id
     LEFT JOIN meetings m ON m.id = n.meeting_id";

/// One failed row (for its notice).
pub async fn failed(conn: &mut SqliteConnection, id: i64) -> Result<Option<Failed>> {
    Ok(sqlx::query_as(&format!(
        "{FAILED_SELECT} WHERE n.id = ? AND n.state = 'failed'"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Failures of a workspace in `[since, until)`, oldest first (the digest lists them).
pub async fn failures_between(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<Failed>> {
    Ok(sqlx::query_as(&format!(
        "{FAILED_SELECT} WHERE n.workspace_id = ? AND n.state = 'failed'
         AND n.failed_at >= ? AND n.failed_at < ? ORDER BY n.failed_at, n.id"
    ))
    .bind(sf(ws.0))
    .bind(ts(since))
    .bind(ts(until))
    .fetch_all(conn)
    .await?)
}

/// Failures not yet shown on a command, in `groups` — and, with `workspace_level`, those
/// of no group (the digest) — oldest first.
pub async fn failures_unnoticed(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    groups: &[GroupId],
    workspace_level: bool,
) -> Result<Vec<Failed>> {
    let groups = serde_json::to_string(&groups.iter().map(|g| g.0).collect::<Vec<_>>())
        .map_err(|e| super::StoreError::Corrupt(e.to_string()))?;
    Ok(sqlx::query_as(&format!(
        "{FAILED_SELECT} WHERE n.workspace_id = ? AND n.state = 'failed'
         AND n.noticed_at IS NULL AND n.kind <> 'failure'
         AND (n.group_id IN (SELECT value FROM json_each(?))
              OR (? AND n.group_id IS NULL))
         ORDER BY n.failed_at, n.id"
    ))
    .bind(sf(ws.0))
    .bind(groups)
    .bind(workspace_level)
    .fetch_all(conn)
    .await?)
}

/// Record that these failures were shown to a coordinator on a command.
pub async fn mark_noticed(
    conn: &mut SqliteConnection,
    ids: &[i64],
    now: DateTime<Utc>,
) -> Result<()> {
    let ids = serde_json::to_string(ids).map_err(|e| super::StoreError::Corrupt(e.to_string()))?;
    sqlx::query(
        "UPDATE notifications SET noticed_at = ? WHERE noticed_at IS NULL
         AND id IN (SELECT value FROM json_each(?))",
    )
    .bind(ts(now))
    .bind(ids)
    .execute(conn)
    .await?;
    Ok(())
}

/// Give a claimed row back for another try at `retry_at`.
pub async fn retry_at(
    conn: &mut SqliteConnection,
    n: &Notification,
    retry_at: DateTime<Utc>,
    reason: &str,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE notifications SET state = 'pending', due_at = ?, outcome = ?, claim_token = NULL,
         claimed_at = NULL WHERE id = ? AND state = 'claimed' AND claim_token = ?",
    )
    .bind(ts(retry_at))
    .bind(reason)
    .bind(n.id)
    .bind(&n.claim_token)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The earliest pending due time (index `notifications_due`).
pub async fn next_due(conn: &mut SqliteConnection) -> Result<Option<DateTime<Utc>>> {
    let t: Option<i64> = sqlx::query_scalar(
        "SELECT due_at FROM notifications WHERE state = 'pending' ORDER BY due_at LIMIT 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    t.map(from_ts).transpose()
}

/// The oldest live claim's time (to wake when its lease runs out).
pub async fn oldest_claim(conn: &mut SqliteConnection) -> Result<Option<DateTime<Utc>>> {
    let t: Option<i64> =
        sqlx::query_scalar("SELECT min(claimed_at) FROM notifications WHERE state = 'claimed'")
            .fetch_one(conn)
            .await?;
    t.map(from_ts).transpose()
}

/// How many pending rows are due at `now` (bench and tests).
pub async fn count_due(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE state = 'pending' AND due_at <= ?",
    )
    .bind(ts(now))
    .fetch_one(conn)
    .await?)
}

/// Pending rows due at `now`, soonest first, without claiming (bench, diagnostics).
pub async fn peek_due(
    conn: &mut SqliteConnection,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT id, due_at FROM notifications WHERE state = 'pending' AND due_at <= ?
         ORDER BY due_at LIMIT ?",
    )
    .bind(ts(now))
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// The state of a key (tests, diagnostics).
pub async fn state_of(conn: &mut SqliteConnection, key: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT state FROM notifications WHERE key = ?")
            .bind(key)
            .fetch_optional(conn)
            .await?,
    )
}

/// A persistent scheduler fact (`scheduler_state`).
pub async fn get_state(conn: &mut SqliteConnection, name: &str) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM scheduler_state WHERE name = ?")
            .bind(name)
            .fetch_optional(conn)
            .await?,
    )
}

pub async fn set_state(conn: &mut SqliteConnection, name: &str, value: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO scheduler_state (name, value) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    )
    .bind(name)
    .bind(value)
    .execute(conn)
    .await?;
    Ok(())
}

/// When the workspace's next digest is planned.
pub async fn next_digest(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
) -> Result<Option<DateTime<Utc>>> {
    let t: Option<i64> = sqlx::query_scalar(
        "SELECT min(due_at) FROM notifications WHERE kind = 'digest' AND workspace_id = ?
         AND state IN ('pending', 'claimed')",
    )
    .bind(sf(ws.0))
    .fetch_one(conn)
    .await?;
    t.map(from_ts).transpose()
}
