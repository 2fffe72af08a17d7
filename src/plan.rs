//! Planning: turning meetings, series, actions and digest settings into notification rows.
//! Every function here is idempotent (deterministic keys) and runs inside the caller's
//! write transaction, so the service plans in the same transaction that changes a meeting.

use crate::domain::cadence::Cadence;
use crate::domain::reminders::ReminderSettings;
use crate::domain::{time, GroupId, MeetingId, UserId, WorkspaceId};
use crate::store::notifications::{self as notes, Kind, Plan};
use crate::store::series::Series;
use crate::store::{self, Result, StoreError};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use sqlx::SqliteConnection;

/// How far ahead a series exists as meetings.
pub const HORIZON_DAYS: i64 = 90;
/// A series is extended once its horizon is this close to running short.
pub const EXTEND_MARGIN_DAYS: i64 = 1;
/// Most meetings one series may have within the horizon (more often than daily is refused).
pub const MAX_OCCURRENCES_IN_HORIZON: usize = 100;
/// The agenda deadline call goes out this long before the deadline.
pub const DEADLINE_CALL_HOURS: i64 = 24;
/// Overdue pings go out at this local time on the day after the due date.
pub const OVERDUE_HOUR: u32 = 9;
/// On the very first run, actions that fell due this many days ago still get their ping.
pub const OVERDUE_FIRST_LOOKBACK_DAYS: i64 = 14;
const OVERDUE_WATERMARK: &str = "overdue_planned_through";

pub fn reminder_key(meeting: MeetingId, lead: i64) -> String {
    format!("reminder:{meeting}:{lead}")
}

pub fn deadline_key(meeting: MeetingId) -> String {
    format!("deadline:{meeting}")
}

pub fn overdue_key(action: crate::domain::ActionId, seq: i64) -> String {
    format!("overdue:{action}:{seq}")
}

/// `digest:{workspace}:{iso-year}-W{week}`, the ISO week of `at` in `tz`.
pub fn digest_key(ws: WorkspaceId, at: DateTime<Utc>, tz: Tz) -> String {
    let w = at.with_timezone(&tz).iso_week();
    format!("digest:{ws}:{}-W{:02}", w.year(), w.week())
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {e}"))
}

/// When something `minutes` before `starts_at` happens. Whole days are counted on the
/// wall clock of `tz` (a 7-day reminder for a 09:00 meeting is at 09:00 local, even across
/// a DST change); hours and minutes are exact durations.
pub fn lead_due(starts_at: DateTime<Utc>, minutes: i64, tz: Tz) -> DateTime<Utc> {
    const DAY: i64 = 24 * 60;
    if minutes % DAY == 0 {
        let local = starts_at.with_timezone(&tz).naive_local();
        if let Some(earlier) = local.checked_sub_signed(Duration::days(minutes / DAY)) {
            return time::resolve_local(tz, earlier).with_timezone(&Utc);
        }
    }
    starts_at - Duration::minutes(minutes)
}

/// (Re)plan a meeting's reminders and deadline call for `settings`. A reminder whose time
/// has already passed is not created for a new meeting; an existing pending one is moved
/// (a meeting moved closer sends it now, as late work). Rows for leads no longer wanted go.
pub async fn plan_meeting(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    group: GroupId,
    meeting: MeetingId,
    starts_at: DateTime<Utc>,
    settings: &ReminderSettings,
    now: DateTime<Utc>,
) -> Result<()> {
    let tz = store::series::group_tz(conn, group).await?;
    let mut keep = Vec::new();
    let base = |key: String, kind: Kind, lead: i64, due_at: DateTime<Utc>| Plan {
        key,
        kind,
        workspace: ws,
        group: Some(group),
        meeting: Some(meeting),
        action: None,
        lead_minutes: Some(lead),
        seq: 0,
        due_at,
    };
    for &lead in &settings.leads {
        let key = reminder_key(meeting, lead);
        let due = lead_due(starts_at, lead, tz);
        if due > now {
            notes::plan(conn, &base(key.clone(), Kind::Reminder, lead, due), now).await?;
        } else {
            notes::reschedule_pending(conn, &key, due).await?;
        }
        keep.push(key);
    }
    if let Some(d) = settings.deadline {
        let deadline = lead_due(starts_at, d, tz);
        if deadline > now {
            let key = deadline_key(meeting);
            let due = (deadline - Duration::hours(DEADLINE_CALL_HOURS)).max(now);
            notes::plan(conn, &base(key.clone(), Kind::Deadline, d, due), now).await?;
            keep.push(key);
        }
    }
    keep.extend(
        crate::scheduler::notice::plan_meeting(
            conn, ws, group, meeting, starts_at, settings, tz, now,
        )
        .await?,
    );
    crate::scheduler::followup::plan_round(conn, ws, group, meeting, starts_at, settings, tz, now)
        .await?;
    notes::unplan_meeting_except(conn, meeting, &keep).await
}

/// Bring a series' meetings up to `now + HORIZON_DAYS`. With `full`, also remove untouched
/// future occurrences the cadence no longer produces (holiday skipping turned on). Returns
/// the ids of meetings created.
pub async fn sync_series(
    conn: &mut SqliteConnection,
    series: &Series,
    settings: &ReminderSettings,
    now: DateTime<Utc>,
    full: bool,
) -> Result<Vec<MeetingId>> {
    let tz: Tz = series
        .timezone
        .parse()
        .map_err(|e| corrupt("series timezone", e))?;
    let cadence =
        Cadence::parse(&series.cadence, tz, now).map_err(|e| corrupt("series cadence", e))?;
    let until = now + Duration::days(HORIZON_DAYS);
    let from = if full {
        now
    } else {
        now.max(store::from_ts(series.materialized_until)?)
    };
    let occurrences: Vec<DateTime<Utc>> = cadence
        .occurrences_after(from, MAX_OCCURRENCES_IN_HORIZON, settings.skip_holidays)
        .into_iter()
        .map(|t| t.with_timezone(&Utc))
        .filter(|t| *t <= until)
        .collect();
    if full {
        store::series::delete_untouched_after(conn, series.id, now, &occurrences).await?;
    }
    let group = GroupId(series.group_id);
    let ws = store::series::workspace_of(conn, group).await?;
    let mut created = Vec::new();
    for start in occurrences {
        let by = UserId(series.created_by as u64);
        if let Some(id) = store::series::insert_occurrence(conn, series, start, by, now).await? {
            plan_meeting(conn, ws, group, id, start, settings, now).await?;
            created.push(id);
        }
    }
    store::series::set_materialized_until(conn, series.id, until).await?;
    Ok(created)
}

/// Replan every future meeting of a group after its reminder settings changed.
pub async fn replan_group(
    conn: &mut SqliteConnection,
    group: GroupId,
    settings: &ReminderSettings,
    now: DateTime<Utc>,
) -> Result<()> {
    let ws = store::series::workspace_of(conn, group).await?;
    for (id, starts) in store::series::future_meetings(conn, group, now).await? {
        plan_meeting(conn, ws, group, id, starts, settings, now).await?;
    }
    Ok(())
}

/// When an action due on `due` gets its first overdue ping: 09:00 local the day after.
pub fn overdue_at(due: NaiveDate, tz: Tz) -> Option<DateTime<Utc>> {
    let day = due.succ_opt()?;
    let t = NaiveTime::from_hms_opt(OVERDUE_HOUR, 0, 0)?;
    Some(time::resolve_local(tz, day.and_time(t)).with_timezone(&Utc))
}

/// Plan the first overdue ping of every active action whose due date lies between the
/// watermark (less two days, so an action created due today is caught) and two days
/// ahead. Due dates cannot be set in the past, so nothing slips behind the watermark.
pub async fn plan_overdue(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<usize> {
    let today = now.date_naive();
    let through = today + Duration::days(2);
    let after = match notes::get_state(conn, OVERDUE_WATERMARK).await? {
        Some(days) => {
            NaiveDate::from_num_days_from_ce_opt(days as i32)
                .ok_or_else(|| corrupt("overdue watermark", days))?
                - Duration::days(2)
        }
        None => today - Duration::days(OVERDUE_FIRST_LOOKBACK_DAYS),
    };
    let due = store::digest::actions_due_between(conn, after, through).await?;
    for a in &due {
        let tz: Tz = a.timezone.parse().map_err(|e| corrupt("timezone", e))?;
        let Some(at) = overdue_at(a.due, tz) else {
            continue;
        };
        let plan = Plan {
            key: overdue_key(a.id, 0),
            kind: Kind::Overdue,
            workspace: a.workspace,
            group: Some(a.group),
            meeting: None,
            action: Some(a.id),
            lead_minutes: None,
            seq: 0,
            due_at: at,
        };
        notes::plan(conn, &plan, now).await?;
    }
    notes::set_state(
        conn,
        OVERDUE_WATERMARK,
        i64::from(through.num_days_from_ce()),
    )
    .await?;
    Ok(due.len())
}

/// Plan the workspace's next digest after `after` (if it has a digest channel). Returns
/// when it is due.
pub async fn plan_digest(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    after: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    let Some(settings) = store::digest::settings(conn, ws).await? else {
        return Ok(None);
    };
    if settings.channel.is_none() {
        return Ok(None);
    }
    let Some(workspace) = store::workspaces::get(conn, ws).await? else {
        return Ok(None);
    };
    let tz = workspace.timezone;
    let cadence =
        Cadence::parse(&settings.cadence, tz, now).map_err(|e| corrupt("digest cadence", e))?;
    let Some(next) = cadence.next_after(after, false) else {
        return Ok(None);
    };
    let next = next.with_timezone(&Utc);
    let plan = Plan {
        key: digest_key(ws, next, tz),
        kind: Kind::Digest,
        workspace: ws,
        group: None,
        meeting: None,
        action: None,
        lead_minutes: None,
        seq: 0,
        due_at: next,
    };
    notes::plan(conn, &plan, now).await?;
    Ok(Some(next))
}

/// Drop the workspace's pending digest and plan it again (settings changed).
pub async fn replan_digest(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    notes::unplan_digests(conn, ws).await?;
    plan_digest(conn, ws, now, now).await
}

/// The start (local Monday 00:00) of the ISO week holding `at`.
pub fn week_start(at: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
    let local = at.with_timezone(&tz).date_naive();
    let monday = local - Duration::days(i64::from(local.weekday().num_days_from_monday()));
    time::resolve_local(tz, monday.and_time(NaiveTime::MIN)).with_timezone(&Utc)
}

/// The start (local Monday 00:00) of the ISO week after the one holding `at`.
pub fn next_week_start(at: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
    let local = at.with_timezone(&tz).date_naive();
    let days = 7 - i64::from(local.weekday().num_days_from_monday());
    let monday = local + Duration::days(days);
    time::resolve_local(tz, monday.and_time(NaiveTime::MIN)).with_timezone(&Utc)
}
