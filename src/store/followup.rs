//! The follow-up round's tables: `followup_rounds` (one per meeting: when it asks, asks
//! again, its deadline, whether it has asked) and `followup_questions` (what it asked whom,
//! and the answers). The lead per body is `groups.followup_lead`.

use super::{from_ts, sf, ts, Result};
use crate::domain::followup::{Answer, Asked, Question, Round, Subject};
use crate::domain::{ActionId, GroupId, MeetingId, RoleId, UserId, WorkspaceId};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

/// The body's lead in minutes (`None`: no round).
pub async fn lead(conn: &mut SqliteConnection, group: GroupId) -> Result<Option<i64>> {
    let lead: Option<Option<i64>> =
        sqlx::query_scalar("SELECT followup_lead FROM groups WHERE id = ?")
            .bind(group.0)
            .fetch_optional(conn)
            .await?;
    Ok(lead.flatten())
}

pub async fn set_lead(
    conn: &mut SqliteConnection,
    group: GroupId,
    lead: Option<i64>,
) -> Result<()> {
    sqlx::query("UPDATE groups SET followup_lead = ? WHERE id = ?")
        .bind(lead)
        .bind(group.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// Plan (or move, while it has not asked) a meeting's round.
pub async fn plan_round(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    group: GroupId,
    meeting: MeetingId,
    ask_at: DateTime<Utc>,
    again_at: Option<DateTime<Utc>>,
    deadline: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO followup_rounds (meeting_id, group_id, workspace_id, ask_at, again_at, deadline)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET ask_at = excluded.ask_at,
           again_at = excluded.again_at, deadline = excluded.deadline
         WHERE followup_rounds.opened_at IS NULL",
    )
    .bind(meeting.0)
    .bind(group.0)
    .bind(sf(ws.0))
    .bind(ts(ask_at))
    .bind(again_at.map(ts))
    .bind(ts(deadline))
    .execute(conn)
    .await?;
    Ok(())
}

/// A round that has asked follows its moved meeting: new deadline and time to ask again.
/// Returns whether the round had asked (`false`: nothing changed here).
pub async fn move_opened(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    again_at: Option<DateTime<Utc>>,
    deadline: DateTime<Utc>,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE followup_rounds SET again_at = ?, deadline = ?
         WHERE meeting_id = ? AND opened_at IS NOT NULL",
    )
    .bind(again_at.map(ts))
    .bind(ts(deadline))
    .bind(meeting.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Who a round asked, each once.
pub async fn asked(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Vec<Asked>> {
    let rows: Vec<(Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT DISTINCT asked_user, asked_role FROM followup_questions WHERE meeting_id = ?",
    )
    .bind(meeting.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| match r {
            (Some(u), None) => Some(Asked::User(UserId(u as u64))),
            (None, Some(r)) => Some(Asked::Role(RoleId(r as u64))),
            _ => None,
        })
        .collect())
}

/// Forget a round that has not asked yet (the round was turned off).
pub async fn unplan_round(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<()> {
    sqlx::query("DELETE FROM followup_rounds WHERE meeting_id = ? AND opened_at IS NULL")
        .bind(meeting.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// A round whose asking time has come.
#[derive(Debug, Clone)]
pub struct DueRound {
    pub meeting: MeetingId,
    pub group: GroupId,
    pub workspace: WorkspaceId,
    pub again_at: Option<DateTime<Utc>>,
}

/// Rounds not opened whose `ask_at` has come (index `followup_rounds_due`).
pub async fn due_rounds(
    conn: &mut SqliteConnection,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<DueRound>> {
    let rows: Vec<(i64, i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT meeting_id, group_id, workspace_id, again_at FROM followup_rounds
         WHERE opened_at IS NULL AND ask_at <= ? ORDER BY ask_at LIMIT ?",
    )
    .bind(ts(now))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(m, g, w, again)| {
            Ok(DueRound {
                meeting: MeetingId(m),
                group: GroupId(g),
                workspace: WorkspaceId(w as u64),
                again_at: again.map(from_ts).transpose()?,
            })
        })
        .collect()
}

/// Future scheduled meetings of bodies with a round whose round is not planned (meetings
/// made before the round existed): (meeting, group, workspace, starts_at).
pub async fn meetings_without_round(
    conn: &mut SqliteConnection,
    now: DateTime<Utc>,
) -> Result<Vec<(MeetingId, GroupId, WorkspaceId, DateTime<Utc>)>> {
    let rows: Vec<(i64, i64, i64, i64)> = sqlx::query_as(super::words::sql(
        "SELECT m.id, m.group_id, g.workspace_id, m.starts_at FROM meetings m
         JOIN groups g ON g.id = m.group_id
         WHERE m.status = {scheduled} AND m.starts_at > ? AND g.followup_lead IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM followup_rounds r WHERE r.meeting_id = m.id)
         ORDER BY m.starts_at",
    ))
    .bind(ts(now))
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(m, g, w, t)| Ok((MeetingId(m), GroupId(g), WorkspaceId(w as u64), from_ts(t)?)))
        .collect()
}

/// When the next round asks (for the scheduler's sleep).
pub async fn next_ask(conn: &mut SqliteConnection) -> Result<Option<DateTime<Utc>>> {
    let t: Option<i64> =
        sqlx::query_scalar("SELECT MIN(ask_at) FROM followup_rounds WHERE opened_at IS NULL")
            .fetch_one(conn)
            .await?;
    t.map(from_ts).transpose()
}

pub async fn mark_opened(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("UPDATE followup_rounds SET opened_at = ? WHERE meeting_id = ?")
        .bind(ts(now))
        .bind(meeting.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// The body's open actions and their owners, in id order.
pub async fn open_actions(
    conn: &mut SqliteConnection,
    group: GroupId,
) -> Result<Vec<(ActionId, UserId)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(super::words::sql(
        "SELECT id, owner FROM actions WHERE group_id = ? AND status IN {active_actions}
         ORDER BY id",
    ))
    .bind(group.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(a, o)| (ActionId(a), UserId(o as u64)))
        .collect())
}

/// The open orders *received* by the body (sent or accepted, not yet declined or done),
/// with the role to ask: the receiving body's coordinator role (else the workspace's SLT
/// coordinator role; an order with neither is not asked about).
pub async fn open_orders(
    conn: &mut SqliteConnection,
    group: GroupId,
) -> Result<Vec<(i64, RoleId)>> {
    let Some(g) = super::groups::get(conn, group).await? else {
        return Ok(Vec::new());
    };
    let role = match g.coordinator_role {
        Some(r) => Some(r),
        None => super::workspaces::get(conn, g.workspace)
            .await?
            .and_then(|w| w.coordinator_role),
    };
    let Some(role) = role else {
        return Ok(Vec::new());
    };
    Ok(super::orders::open_for_receiver(conn, group)
        .await?
        .into_iter()
        .map(|o| (o.id, role))
        .collect())
}

/// The receiving body answered an order (`/order reply`): the answer goes on the order's
/// questions in rounds of meetings still to be held (accepted: on track; done: done). A
/// declined order is closed, so it is no longer waited for.
pub async fn answer_order(
    conn: &mut SqliteConnection,
    order: i64,
    status: crate::domain::order::OrderStatus,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<()> {
    use crate::domain::order::OrderStatus;
    let answer = match status {
        OrderStatus::Accepted => Answer::OnTrack,
        OrderStatus::Done => Answer::Done,
        OrderStatus::Open | OrderStatus::Declined => return Ok(()),
    };
    sqlx::query(super::words::sql(
        "UPDATE followup_questions SET answer = ?, answered_by = ?, answered_at = ?
         WHERE subject_kind = 'order' AND subject_id = ?
           AND meeting_id IN (SELECT id FROM meetings WHERE status = {scheduled})",
    ))
    .bind(answer.as_str())
    .bind(sf(by.0))
    .bind(ts(now))
    .bind(order)
    .execute(conn)
    .await?;
    Ok(())
}

/// Add a question to a round (once: a second call for the same subject does nothing).
pub async fn insert_question(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    subject: Subject,
    asked: Asked,
) -> Result<()> {
    let (user, role) = match asked {
        Asked::User(u) => (Some(sf(u.0)), None),
        Asked::Role(r) => (None, Some(sf(r.0))),
    };
    sqlx::query(
        "INSERT INTO followup_questions (meeting_id, subject_kind, subject_id, asked_user, asked_role)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id, subject_kind, subject_id) DO NOTHING",
    )
    .bind(meeting.0)
    .bind(subject.kind())
    .bind(subject.id())
    .bind(user)
    .bind(role)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn round(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Option<Round>> {
    let row: Option<(i64, Option<i64>, i64, Option<i64>)> = sqlx::query_as(
        "SELECT ask_at, again_at, deadline, opened_at FROM followup_rounds WHERE meeting_id = ?",
    )
    .bind(meeting.0)
    .fetch_optional(conn)
    .await?;
    row.map(|(ask, again, deadline, opened)| {
        Ok(Round {
            meeting,
            ask_at: from_ts(ask)?,
            again_at: again.map(from_ts).transpose()?,
            deadline: from_ts(deadline)?,
            opened_at: opened.map(from_ts).transpose()?,
        })
    })
    .transpose()
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    meeting_id: i64,
    subject_kind: String,
    subject_id: i64,
    title: Option<String>,
    number: Option<i64>,
    order_status: Option<String>,
    asked_user: Option<i64>,
    asked_role: Option<i64>,
    answer: Option<String>,
    note: Option<String>,
    answered_by: Option<i64>,
    answered_at: Option<i64>,
    closed: i64,
}

impl Row {
    fn into_domain(self) -> Result<Question> {
        let corrupt = |what: &str| super::StoreError::Corrupt(format!("followup question {what}"));
        let subject = Subject::from_parts(&self.subject_kind, self.subject_id)
            .ok_or_else(|| corrupt("subject"))?;
        let asked = match (self.asked_user, self.asked_role) {
            (Some(u), None) => Asked::User(UserId(u as u64)),
            (None, Some(r)) => Asked::Role(RoleId(r as u64)),
            _ => return Err(corrupt("asked")),
        };
        Ok(Question {
            id: self.id,
            meeting: MeetingId(self.meeting_id),
            subject,
            title: self.title.unwrap_or_default(),
            number: self.number.unwrap_or(self.subject_id),
            asked,
            answer: self
                .answer
                .map(|a| super::parse_enum::<Answer>("followup answer", &a))
                .transpose()?,
            note: self.note,
            answered_by: self.answered_by.map(|u| UserId(u as u64)),
            answered_at: self.answered_at.map(from_ts).transpose()?,
            closed: self.closed != 0
                || self.order_status.as_deref().is_some_and(|s| {
                    !crate::domain::order::OrderStatus::ALL
                        .iter()
                        .any(|o| o.is_open() && o.as_str() == s)
                }),
        })
    }
}

macro_rules! select_questions {
    ($rest:literal) => {
        concat!(
            "SELECT q.id, q.meeting_id, q.subject_kind, q.subject_id,
                    COALESCE(a.title, o.title) AS title, o.number AS number,
                    o.status AS order_status, q.asked_user,
                    q.asked_role, q.answer, q.note, q.answered_by, q.answered_at,
                    COALESCE(a.status IN {finished_actions}, 0) AS closed
             FROM followup_questions q
             LEFT JOIN actions a ON q.subject_kind = 'action' AND a.id = q.subject_id
             LEFT JOIN orders o ON q.subject_kind = 'order' AND o.id = q.subject_id ",
            $rest
        )
    };
}

/// A round's questions, by who is asked, then subject.
pub async fn questions(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Vec<Question>> {
    let rows: Vec<Row> = sqlx::query_as(super::words::sql(select_questions!(
        "WHERE q.meeting_id = ?
         ORDER BY q.asked_user IS NULL, q.asked_user, q.asked_role, q.subject_kind, q.subject_id"
    )))
    .bind(meeting.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(Row::into_domain).collect()
}

/// The question about `action` in the latest opened round of a meeting still to be held
/// (or in `meeting`'s round, when given).
pub async fn question_for_action(
    conn: &mut SqliteConnection,
    action: ActionId,
    meeting: Option<MeetingId>,
) -> Result<Option<Question>> {
    let row: Option<Row> = sqlx::query_as(super::words::sql(select_questions!(
        "JOIN followup_rounds r ON r.meeting_id = q.meeting_id
         JOIN meetings m ON m.id = q.meeting_id
         WHERE q.subject_kind = 'action' AND q.subject_id = ?
           AND (? IS NULL OR q.meeting_id = ?)
           AND m.status = {scheduled}
         ORDER BY m.starts_at DESC LIMIT 1"
    )))
    .bind(action.0)
    .bind(meeting.map(|m| m.0))
    .bind(meeting.map(|m| m.0))
    .fetch_optional(conn)
    .await?;
    row.map(Row::into_domain).transpose()
}

/// Record an answer (and/or a note) to question `id`. `None` keeps what was there.
pub async fn answer(
    conn: &mut SqliteConnection,
    id: i64,
    answer: Option<Answer>,
    note: Option<&str>,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE followup_questions SET answer = COALESCE(?, answer), note = COALESCE(?, note),
         answered_by = ?, answered_at = ? WHERE id = ?",
    )
    .bind(answer.map(Answer::as_str))
    .bind(note)
    .bind(sf(by.0))
    .bind(ts(now))
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Opened rounds of the workspace's meetings starting in `[from, to)`, with their group
/// name and meeting time, soonest first (for the digest).
pub async fn rounds_between(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(String, MeetingId, DateTime<Utc>)>> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(super::words::sql(
        "SELECT g.name, m.id, m.starts_at FROM followup_rounds r
         JOIN meetings m ON m.id = r.meeting_id
         JOIN groups g ON g.id = r.group_id
         WHERE r.workspace_id = ? AND r.opened_at IS NOT NULL AND m.status = {scheduled}
           AND m.starts_at >= ? AND m.starts_at < ?
         ORDER BY m.starts_at, g.name",
    ))
    .bind(sf(ws.0))
    .bind(ts(from))
    .bind(ts(to))
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(g, m, t)| Ok((g, MeetingId(m), from_ts(t)?)))
        .collect()
}
