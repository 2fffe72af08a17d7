//! The meeting record: case numbers and types, carried-over copies, standing items,
//! decisions, attendance, guests, meeting numbers and the minutes' status.

use super::{parse_enum, sf, ts, Result};
use crate::domain::minutes::{CaseNumber, CaseType, MeetingNumber, MinutesStatus};
use crate::domain::record::{
    Attendance, AttendanceStatus, Decision, MeetingGuest, MeetingRecord, StandingItem,
};
use crate::domain::{AgendaItemId, AgendaStatus, GroupId, MeetingId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

/// What the record adds to an agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CaseFacts {
    pub number: Option<CaseNumber>,
    pub case_type: Option<CaseType>,
    pub carried_from: Option<AgendaItemId>,
    pub last: bool,
}

#[derive(sqlx::FromRow)]
struct FactsRow {
    case_year: Option<i64>,
    case_seq: Option<i64>,
    case_type: Option<String>,
    carried_from: Option<i64>,
    standing_last: i64,
}

impl FactsRow {
    fn into_facts(self) -> Result<CaseFacts> {
        Ok(CaseFacts {
            number: match (self.case_year, self.case_seq) {
                (Some(year), Some(seq)) => Some(CaseNumber {
                    year: year as i32,
                    seq: seq as u32,
                }),
                _ => None,
            },
            case_type: self
                .case_type
                .as_deref()
                .map(|t| parse_enum::<CaseType>("case type", t))
                .transpose()?,
            carried_from: self.carried_from.map(AgendaItemId),
            last: self.standing_last != 0,
        })
    }
}

pub async fn facts(conn: &mut SqliteConnection, item: AgendaItemId) -> Result<CaseFacts> {
    let row: Option<FactsRow> = sqlx::query_as(
        "SELECT case_year, case_seq, case_type, carried_from, standing_last
         FROM agenda_items WHERE id = ?",
    )
    .bind(item.0)
    .fetch_optional(conn)
    .await?;
    row.map(FactsRow::into_facts)
        .transpose()
        .map(Option::unwrap_or_default)
}

/// The next case number of `group` in `year`: one more than the last one given. The
/// counter only goes up, so a number is never given twice, even after a withdrawal.
pub async fn next_case_number(
    conn: &mut SqliteConnection,
    group: GroupId,
    year: i32,
) -> Result<CaseNumber> {
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO case_counters (group_id, year, last) VALUES (?, ?, 1)
         ON CONFLICT (group_id, year) DO UPDATE SET last = last + 1
         RETURNING last",
    )
    .bind(group.0)
    .bind(year)
    .fetch_one(conn)
    .await?;
    Ok(CaseNumber {
        year,
        seq: seq as u32,
    })
}

/// Give `item` its number (only if it has none) and type.
pub async fn set_case(
    conn: &mut SqliteConnection,
    item: AgendaItemId,
    number: Option<CaseNumber>,
    case_type: CaseType,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE agenda_items SET case_year = COALESCE(case_year, ?), case_seq = COALESCE(case_seq, ?),
         case_type = ?, updated_at = ?, version = version + 1 WHERE id = ?",
    )
    .bind(number.map(|n| n.year))
    .bind(number.map(|n| n.seq as i64))
    .bind(case_type.as_str())
    .bind(ts(now))
    .bind(item.0)
    .execute(conn)
    .await?;
    Ok(())
}

/// A case to insert directly (standing items, carried-over copies).
pub struct NewCase<'a> {
    pub group: GroupId,
    /// `None`: waits for the body's next meeting.
    pub meeting: Option<MeetingId>,
    pub title: &'a str,
    pub details: Option<&'a str>,
    pub submitter: UserId,
    pub position: i64,
    pub status: AgendaStatus,
    pub case_type: CaseType,
    pub number: Option<CaseNumber>,
    pub carried_from: Option<AgendaItemId>,
    pub last: bool,
}

pub async fn insert_case(
    conn: &mut SqliteConnection,
    c: &NewCase<'_>,
    now: DateTime<Utc>,
) -> Result<AgendaItemId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO agenda_items (group_id, meeting_id, title, details, submitter, position,
         status, created_at, updated_at, case_year, case_seq, case_type, carried_from, standing_last)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(c.group.0)
    .bind(c.meeting.map(|m| m.0))
    .bind(c.title)
    .bind(c.details)
    .bind(sf(c.submitter.0))
    .bind(c.position)
    .bind(c.status.as_str())
    .bind(ts(now))
    .bind(ts(now))
    .bind(c.number.map(|n| n.year))
    .bind(c.number.map(|n| n.seq as i64))
    .bind(c.case_type.as_str())
    .bind(c.carried_from.map(|i| i.0))
    .bind(c.last as i64)
    .fetch_one(conn)
    .await?;
    Ok(AgendaItemId(id))
}

/// Shift the positions of a meeting's items by `by` (to make room at the top).
pub async fn shift_positions(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    by: i64,
) -> Result<()> {
    sqlx::query("UPDATE agenda_items SET position = position + ? WHERE meeting_id = ?")
        .bind(by)
        .bind(meeting.0)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete_item(conn: &mut SqliteConnection, item: AgendaItemId) -> Result<()> {
    sqlx::query("DELETE FROM agenda_items WHERE id = ?")
        .bind(item.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// Set an item's status without touching anything else.
pub async fn set_status(
    conn: &mut SqliteConnection,
    item: AgendaItemId,
    status: AgendaStatus,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE agenda_items SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?",
    )
    .bind(status.as_str())
    .bind(ts(now))
    .bind(item.0)
    .execute(conn)
    .await?;
    Ok(())
}

/// Copies on other meetings made from cases of `meeting`: (copy, original).
pub async fn copies_from_meeting(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
) -> Result<Vec<(AgendaItemId, AgendaItemId)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT c.id, o.id FROM agenda_items c JOIN agenda_items o ON c.carried_from = o.id
         WHERE o.meeting_id = ? ORDER BY c.id",
    )
    .bind(meeting.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(c, o)| (AgendaItemId(c), AgendaItemId(o)))
        .collect())
}

/// Proposals that holding `meeting` moved on (from the audit trail): (item, where to).
/// The audit row's before/after are the item as JSON; only their meeting is read here.
pub async fn moved_at_hold(
    conn: &mut SqliteConnection,
    group: GroupId,
    meeting: MeetingId,
) -> Result<Vec<(AgendaItemId, Option<MeetingId>)>> {
    let rows: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT entity_id, json_extract(after, '$.meeting') FROM audit_log
         WHERE group_id = ? AND action = 'agenda.hold_move'
           AND json_extract(before, '$.meeting') = ?
         ORDER BY id",
    )
    .bind(group.0)
    .bind(meeting.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(item, to)| (AgendaItemId(item), to.map(MeetingId)))
        .collect())
}

// ---------------------------------------------------------------- standing items

pub async fn standing_items(
    conn: &mut SqliteConnection,
    group: GroupId,
) -> Result<Option<Vec<StandingItem>>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT title, case_type, last FROM standing_items WHERE group_id = ? ORDER BY position",
    )
    .bind(group.0)
    .fetch_all(conn)
    .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    rows.into_iter()
        .map(|(title, t, last)| {
            Ok(StandingItem {
                title,
                case_type: parse_enum("case type", &t)?,
                last: last != 0,
            })
        })
        .collect::<Result<Vec<_>>>()
        .map(Some)
}

pub async fn set_standing_items(
    conn: &mut SqliteConnection,
    group: GroupId,
    items: &[StandingItem],
) -> Result<()> {
    sqlx::query("DELETE FROM standing_items WHERE group_id = ?")
        .bind(group.0)
        .execute(&mut *conn)
        .await?;
    for (i, item) in items.iter().enumerate() {
        sqlx::query(
            "INSERT INTO standing_items (group_id, position, title, case_type, last)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(group.0)
        .bind(i as i64 + 1)
        .bind(&item.title)
        .bind(item.case_type.as_str())
        .bind(item.last as i64)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Mark the meeting's standing items as put on its list; `false` if they already were.
pub async fn claim_standing(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<bool> {
    let done =
        sqlx::query("UPDATE meetings SET standing_added = 1 WHERE id = ? AND standing_added = 0")
            .bind(meeting.0)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

// ---------------------------------------------------------------- meetings

/// number_year, number_seq, chair, referent
type NumberRow = (Option<i64>, Option<i64>, Option<i64>, Option<i64>);

pub async fn meeting_record(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
) -> Result<MeetingRecord> {
    let row: Option<NumberRow> = sqlx::query_as(
        "SELECT number_year, number_seq, chair, referent FROM meetings WHERE id = ?",
    )
    .bind(meeting.0)
    .fetch_optional(conn)
    .await?;
    let Some((year, seq, chair, referent)) = row else {
        return Ok(MeetingRecord::default());
    };
    Ok(MeetingRecord {
        number: match (year, seq) {
            (Some(year), Some(seq)) => Some(MeetingNumber {
                year: year as i32,
                seq: seq as u32,
            }),
            _ => None,
        },
        chair: chair.map(|u| UserId(u as u64)),
        referent: referent.map(|u| UserId(u as u64)),
    })
}

/// Give the meeting the next number of its body in `year`, unless it has one.
pub async fn number_meeting(
    conn: &mut SqliteConnection,
    group: GroupId,
    meeting: MeetingId,
    year: i32,
) -> Result<()> {
    sqlx::query(
        "UPDATE meetings SET number_year = ?1, number_seq =
            (SELECT COALESCE(MAX(number_seq), 0) + 1 FROM meetings
             WHERE group_id = ?2 AND number_year = ?1)
         WHERE id = ?3 AND number_seq IS NULL",
    )
    .bind(year)
    .bind(group.0)
    .bind(meeting.0)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_chair_referent(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    chair: Option<UserId>,
    referent: Option<UserId>,
) -> Result<()> {
    sqlx::query(
        "UPDATE meetings SET chair = COALESCE(?, chair), referent = COALESCE(?, referent)
         WHERE id = ?",
    )
    .bind(chair.map(|u| sf(u.0)))
    .bind(referent.map(|u| sf(u.0)))
    .bind(meeting.0)
    .execute(conn)
    .await?;
    Ok(())
}

/// Another scheduled or held meeting of the group at exactly `at`.
pub async fn meeting_at(
    conn: &mut SqliteConnection,
    group: GroupId,
    at: DateTime<Utc>,
) -> Result<Option<MeetingId>> {
    let id: Option<i64> = sqlx::query_scalar(super::words::sql(
        "SELECT id FROM meetings WHERE group_id = ? AND starts_at = ? AND status <> {cancelled}
         ORDER BY id LIMIT 1",
    ))
    .bind(group.0)
    .bind(ts(at))
    .fetch_optional(conn)
    .await?;
    Ok(id.map(MeetingId))
}

// ---------------------------------------------------------------- decisions

/// notes, decision, responsible, deadline
type DecisionRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

pub async fn decision(conn: &mut SqliteConnection, item: AgendaItemId) -> Result<Option<Decision>> {
    let row: Option<DecisionRow> = sqlx::query_as(
        "SELECT notes, decision, responsible, deadline FROM case_decisions WHERE item_id = ?",
    )
    .bind(item.0)
    .fetch_optional(conn)
    .await?;
    row.map(|(notes, decision, responsible, deadline)| {
        Ok(Decision {
            notes,
            decision,
            responsible,
            deadline: deadline.as_deref().map(parse_date).transpose()?,
        })
    })
    .transpose()
}

pub async fn set_decision(
    conn: &mut SqliteConnection,
    item: AgendaItemId,
    d: &Decision,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO case_decisions (item_id, notes, decision, responsible, deadline, decided_by,
                                     decided_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
         ON CONFLICT (item_id) DO UPDATE SET notes = ?2, decision = ?3, responsible = ?4,
             deadline = ?5, decided_by = ?6, updated_at = ?7",
    )
    .bind(item.0)
    .bind(&d.notes)
    .bind(&d.decision)
    .bind(&d.responsible)
    .bind(d.deadline.map(|d| d.format("%Y-%m-%d").to_string()))
    .bind(sf(by.0))
    .bind(ts(now))
    .execute(conn)
    .await?;
    Ok(())
}

fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| super::StoreError::Corrupt(format!("date {s:?}")))
}

// ---------------------------------------------------------------- attendance

pub async fn set_attendance(
    conn: &mut SqliteConnection,
    a: &Attendance,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO attendance (meeting_id, user_id, status, note, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (meeting_id, user_id) DO UPDATE SET status = ?3, note = ?4,
             recorded_by = ?5, recorded_at = ?6",
    )
    .bind(a.meeting.0)
    .bind(sf(a.user.0))
    .bind(a.status.as_str())
    .bind(&a.note)
    .bind(sf(by.0))
    .bind(ts(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// The meeting's attendance, present first, then in the order first answered.
pub async fn attendance(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
) -> Result<Vec<Attendance>> {
    let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT user_id, status, note FROM attendance WHERE meeting_id = ?
         ORDER BY status DESC, rowid",
    )
    .bind(meeting.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(user, status, note)| {
            Ok(Attendance {
                meeting,
                user: UserId(user as u64),
                status: parse_enum::<AttendanceStatus>("attendance", &status)?,
                note,
            })
        })
        .collect()
}

pub async fn add_guest(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    name: &str,
    agency: Option<&str>,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<MeetingGuest> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO meeting_guests (meeting_id, name, agency, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(meeting.0)
    .bind(name)
    .bind(agency)
    .bind(sf(by.0))
    .bind(ts(now))
    .fetch_one(conn)
    .await?;
    Ok(MeetingGuest {
        id,
        meeting,
        name: name.to_string(),
        agency: agency.map(str::to_string),
    })
}

pub async fn guests(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Vec<MeetingGuest>> {
    let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT id, name, agency FROM meeting_guests WHERE meeting_id = ? ORDER BY id",
    )
    .bind(meeting.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, agency)| MeetingGuest {
            id,
            meeting,
            name,
            agency,
        })
        .collect())
}

// ---------------------------------------------------------------- minutes

pub async fn minutes_status(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
) -> Result<MinutesStatus> {
    let row: Option<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT status, published_on, approved_on FROM minutes WHERE meeting_id = ?",
    )
    .bind(meeting.0)
    .fetch_optional(conn)
    .await?;
    Ok(match row {
        None => MinutesStatus::Draft,
        Some((s, _, Some(on))) if s == "approved" => MinutesStatus::Approved {
            on: parse_date(&on)?,
        },
        Some((_, published, _)) => MinutesStatus::Published {
            on: parse_date(&published)?,
        },
    })
}

/// Mark the minutes published on `on`; `false` if they already were.
pub async fn publish_minutes(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    on: NaiveDate,
    by: UserId,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO minutes (meeting_id, status, published_on, published_by)
         VALUES (?, 'published', ?, ?) ON CONFLICT (meeting_id) DO NOTHING",
    )
    .bind(meeting.0)
    .bind(on.format("%Y-%m-%d").to_string())
    .bind(sf(by.0))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Mark published minutes approved on `on` at meeting `at`; `false` unless they were
/// published and not yet approved.
pub async fn approve_minutes(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    on: NaiveDate,
    at: MeetingId,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE minutes SET status = 'approved', approved_on = ?, approved_in = ?
         WHERE meeting_id = ? AND status = 'published'",
    )
    .bind(on.format("%Y-%m-%d").to_string())
    .bind(at.0)
    .bind(meeting.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The body's last held meeting before `before` (whose minutes the next meeting approves).
pub async fn previous_held(
    conn: &mut SqliteConnection,
    group: GroupId,
    before: DateTime<Utc>,
) -> Result<Option<MeetingId>> {
    let id: Option<i64> = sqlx::query_scalar(super::words::sql(
        "SELECT id FROM meetings WHERE group_id = ? AND status = {held} AND starts_at < ?
         ORDER BY starts_at DESC, id DESC LIMIT 1",
    ))
    .bind(group.0)
    .bind(ts(before))
    .fetch_optional(conn)
    .await?;
    Ok(id.map(MeetingId))
}
