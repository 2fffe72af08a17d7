//! The minutes after a meeting (issue 11, item 7): the published minutes posted to the
//! body's channel with the files attached (`minutes:{meeting}`), and the coordinators
//! reminded when a held meeting's minutes are not published two working days after it
//! (`minutes-due:{meeting}`). Both are ordinary notification rows: planned in the
//! transaction that publishes or holds, claimed, sent through the [`crate::notify::Outbox`]
//! with an idempotency key, marked `failed` (and the coordinators told) when Discord refuses
//! — never lost, never sent twice, across restarts.

use super::Prepared;
use crate::domain::holidays;
use crate::domain::minutes::{Minutes, MinutesStatus};
use crate::domain::{Group, GroupId, Lang, Meeting, MeetingId, MeetingStatus, Workspace};
use crate::i18n::format;
use crate::notify::{Attachment, Outbound, Ping};
use crate::store::notifications::{self as notes, Kind, Notification, Plan};
use crate::store::{self, StoreError};
use crate::style::Style;
use crate::t;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use sqlx::SqliteConnection;

/// The reminder goes out at this local time on the second working day after the meeting.
pub const DUE_HOUR: u32 = 9;
/// Working days after the meeting by which the minutes should be published.
pub const WORKING_DAYS: u32 = 2;

pub fn minutes_key(meeting: MeetingId) -> String {
    format!("minutes:{meeting}")
}

pub fn due_key(meeting: MeetingId) -> String {
    format!("minutes-due:{meeting}")
}

/// Monday to Friday, not a Norwegian public holiday.
pub fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !holidays::is_holiday(d)
}

/// The `n`th working day after `date` (a Friday's second is the Tuesday after).
pub fn working_day_after(date: NaiveDate, n: u32) -> NaiveDate {
    let mut d = date;
    let mut left = n;
    while left > 0 {
        d = d.succ_opt().unwrap_or(d);
        if is_working_day(d) {
            left -= 1;
        }
    }
    d
}

/// When the coordinators are reminded of a meeting's unpublished minutes: [`DUE_HOUR`]
/// local time on the [`WORKING_DAYS`]th working day after the meeting's date.
pub fn due_at(starts_at: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
    let day = working_day_after(starts_at.with_timezone(&tz).date_naive(), WORKING_DAYS);
    let at = day.and_time(NaiveTime::from_hms_opt(DUE_HOUR, 0, 0).unwrap_or_default());
    crate::domain::time::resolve_local(tz, at).with_timezone(&Utc)
}

fn plan_row(
    key: String,
    kind: Kind,
    ws: crate::domain::WorkspaceId,
    group: GroupId,
    meeting: MeetingId,
    due_at: DateTime<Utc>,
) -> Plan {
    Plan {
        key,
        kind,
        workspace: ws,
        group: Some(group),
        meeting: Some(meeting),
        action: None,
        lead_minutes: None,
        seq: 0,
        due_at,
    }
}

/// Plan the reminder for a meeting just held (idempotent by key).
pub async fn plan_due(
    conn: &mut SqliteConnection,
    group: &Group,
    meeting: &Meeting,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let due = due_at(meeting.starts_at, tz).max(now);
    let p = plan_row(
        due_key(meeting.id),
        Kind::MinutesDue,
        group.workspace,
        group.id,
        meeting.id,
        due,
    );
    notes::plan(conn, &p, now).await
}

/// Forget the reminder (the meeting was reopened).
pub async fn unplan_due(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<(), StoreError> {
    notes::unplan(conn, &due_key(meeting)).await
}

/// Plan the post of the minutes just published, due at once.
pub async fn plan_post(
    conn: &mut SqliteConnection,
    group: &Group,
    meeting: MeetingId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let p = plan_row(
        minutes_key(meeting),
        Kind::Minutes,
        group.workspace,
        group.id,
        meeting,
        now,
    );
    notes::plan(conn, &p, now).await
}

/// The files of the minutes: the PDF/A for the archive and the Markdown, named after the
/// body and the meeting (`referat-koordineringsgruppa-3-2027.pdf`). Should the PDF fail,
/// the Markdown still goes (and the log says so, without the text).
pub fn files(m: &Minutes, lang: Lang, made: DateTime<Utc>) -> Vec<Attachment> {
    let stem = file_stem(m, lang);
    let mut out = Vec::with_capacity(2);
    match crate::minutes::pdf::render(m, lang, made) {
        Ok(pdf) => out.push(Attachment {
            name: format!("{stem}.pdf"),
            bytes: pdf,
        }),
        Err(_) => tracing::error!("minutes: the PDF could not be made; the Markdown goes alone"),
    }
    out.push(Attachment {
        name: format!("{stem}.md"),
        bytes: crate::minutes::markdown::render(m, lang).into_bytes(),
    });
    out
}

/// A safe ASCII file name stem for the minutes.
pub fn file_stem(m: &Minutes, lang: Lang) -> String {
    let word = t!(lang, "minutes2-file-word");
    let mut raw = format!("{word} {}", m.body);
    match m.number {
        Some(n) => raw.push_str(&format!(" {}-{}", n.seq, n.year)),
        None => raw.push_str(&format!(" {}", m.date.format("%Y-%m-%d"))),
    }
    let mut out = String::new();
    for c in raw.to_lowercase().chars() {
        let s = match c {
            'æ' => "ae",
            'ø' => "o",
            'å' => "a",
            c if c.is_ascii_alphanumeric() || c == '-' => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if s == "-" && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push_str(s);
    }
    let out: String = out.trim_matches('-').chars().take(80).collect();
    if out.is_empty() {
        "minutes".into()
    } else {
        out
    }
}

/// The channel for a body's minutes messages: its own, else the digest channel.
async fn channel_for(
    conn: &mut SqliteConnection,
    ws: &Workspace,
    group: &Group,
) -> Result<Option<crate::domain::ChannelId>, StoreError> {
    if let Some(c) = group.channel {
        return Ok(Some(c));
    }
    Ok(store::digest::settings(conn, ws.id)
        .await?
        .and_then(|s| s.channel))
}

/// Load, check and render a `minutes` or `minutes_due` notification.
pub(super) async fn prepare(
    conn: &mut SqliteConnection,
    n: &Notification,
    ws: &Workspace,
    style: Style,
    now: DateTime<Utc>,
) -> Result<Prepared, StoreError> {
    let Some(group_id) = n.group else {
        return Ok(Prepared::Skip("no group"));
    };
    let Some(group) = store::groups::get(conn, group_id).await? else {
        return Ok(Prepared::Skip("group gone"));
    };
    let Some(meeting_id) = n.meeting else {
        return Ok(Prepared::Skip("no meeting"));
    };
    let Some(meeting) = store::meetings::get(conn, meeting_id).await? else {
        return Ok(Prepared::Skip("meeting gone"));
    };
    if meeting.status != MeetingStatus::Held {
        return Ok(Prepared::Skip("meeting not held"));
    }
    let Some(channel) = channel_for(conn, ws, &group).await? else {
        return Ok(Prepared::Skip("no channel"));
    };
    let lang = group.effective_language(ws);
    let tz = group.effective_timezone(ws);
    let status = store::record::minutes_status(conn, meeting.id).await?;
    let minutes =
        match crate::service::record::minutes_from_store(conn, &group, &meeting, tz, lang).await {
            Ok(m) => m,
            Err(crate::service::ServiceError::Store(e)) => return Err(e),
            Err(_) => return Ok(Prepared::Skip("minutes cannot be built")),
        };
    let title = crate::minutes::title(&minutes, lang);
    match n.kind {
        Kind::Minutes => {
            let (MinutesStatus::Published { on } | MinutesStatus::Approved { on }) = status else {
                return Ok(Prepared::Skip("minutes not published"));
            };
            let attachments = files(&minutes, lang, now);
            let content = t!(
                lang,
                "minutes2-posted",
                title = style.text(&title),
                date = format::date_short(lang, on)
            );
            Ok(Prepared::Send(vec![Outbound {
                channel,
                content,
                ping: Ping::Nobody,
                buttons: Vec::new(),
                attachments,
            }]))
        }
        Kind::MinutesDue => {
            if status.is_published() {
                return Ok(Prepared::Skip("minutes already published"));
            }
            let role = group.coordinator_role.or(ws.coordinator_role);
            let text = t!(
                lang,
                "minutes2-due",
                title = style.text(&title),
                date = format::date_short(lang, minutes.date),
                id = meeting.id.0
            );
            let content = match role {
                Some(r) => format!("{} {text}", style.role(r)),
                None => text,
            };
            Ok(Prepared::Send(vec![Outbound {
                channel,
                content,
                ping: role.map(Ping::Role).unwrap_or(Ping::Nobody),
                buttons: Vec::new(),
                attachments: Vec::new(),
            }]))
        }
        _ => Ok(Prepared::Skip("not about minutes")),
    }
}

/// How far back the digest looks for unpublished minutes (older meetings are taken to be
/// archived some other way, e.g. from before sltbot kept minutes).
pub const AWAITING_DAYS: i64 = 90;

/// Held meetings of a workspace from the last [`AWAITING_DAYS`] whose minutes are not
/// published yet, oldest first, for the weekly digest: (body, meeting time, meeting number).
pub async fn awaiting(
    conn: &mut SqliteConnection,
    ws: crate::domain::WorkspaceId,
    now: DateTime<Utc>,
) -> Result<Vec<(String, DateTime<Utc>, Option<String>)>, StoreError> {
    let rows: Vec<(String, i64, Option<i64>, Option<i64>)> = sqlx::query_as(store::words::sql(
        "SELECT g.name, m.starts_at, m.number_year, m.number_seq
             FROM meetings m JOIN groups g ON g.id = m.group_id
             WHERE g.workspace_id = ? AND g.archived_at IS NULL AND m.status = {held}
               AND m.starts_at >= ?
               AND NOT EXISTS (SELECT 1 FROM minutes x WHERE x.meeting_id = m.id)
             ORDER BY m.starts_at, m.id LIMIT 50",
    ))
    .bind(store::sf(ws.0))
    .bind((now - chrono::Duration::days(AWAITING_DAYS)).timestamp())
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(name, at, y, s)| {
            let at = DateTime::<Utc>::from_timestamp(at, 0)
                .ok_or_else(|| StoreError::Corrupt(format!("starts_at {at}")))?;
            Ok((name, at, y.zip(s).map(|(y, s)| format!("{s}/{y}"))))
        })
        .collect()
}

/// The digest's section of minutes awaiting publication: empty when there are none, else
/// a blank line, a heading and one line per meeting.
pub fn digest_section(
    lang: Lang,
    tz: Tz,
    style: Style,
    awaiting: &[(String, DateTime<Utc>, Option<String>)],
) -> String {
    if awaiting.is_empty() {
        return String::new();
    }
    let mut out = vec![
        String::new(),
        String::new(),
        style.bold(&t!(lang, "minutes2-digest-heading")),
    ];
    for (body, at, number) in awaiting {
        let date = format::date_short(lang, at.with_timezone(&tz).date_naive());
        out.push(match number {
            Some(n) => t!(
                lang,
                "minutes2-digest-line",
                body = style.text(body),
                number = n.clone(),
                date = date
            ),
            None => t!(
                lang,
                "minutes2-digest-line-unnumbered",
                body = style.text(body),
                date = date
            ),
        });
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Oslo;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_friday_meeting_is_due_on_tuesday() {
        // Friday 15 January 2027 → Monday 18, Tuesday 19.
        assert_eq!(working_day_after(d(2027, 1, 15), 2), d(2027, 1, 19));
    }

    #[test]
    fn easter_and_whitsun_are_not_working_days() {
        // Wednesday 24 March 2027, before Maundy Thursday (25), Good Friday (26), Easter
        // Monday (29): Tuesday 30 and Wednesday 31 March are the two working days.
        assert_eq!(working_day_after(d(2027, 3, 24), 2), d(2027, 3, 31));
        // Friday 14 May 2027: Monday 17 May is both Constitution Day and Whit Monday.
        assert_eq!(working_day_after(d(2027, 5, 14), 2), d(2027, 5, 19));
        // An ordinary Monday → Wednesday.
        assert_eq!(working_day_after(d(2027, 2, 8), 2), d(2027, 2, 10));
    }

    #[test]
    fn the_reminder_is_at_nine_local_time() {
        let meeting = Oslo
            .with_ymd_and_hms(2027, 1, 15, 13, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            due_at(meeting, Oslo),
            Oslo.with_ymd_and_hms(2027, 1, 19, 9, 0, 0)
                .unwrap()
                .with_timezone(&Utc)
        );
    }
}
