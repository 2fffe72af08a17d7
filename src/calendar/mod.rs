//! Calendars for the apps people already use: a group's meetings as an iCalendar
//! (`.ics`) file. [`ics`] is the RFC 5545 writer (no words of its own); this module gives
//! it the meetings and the words, from the Fluent files.

pub mod ics;

use crate::domain::{Lang, MeetingStatus};
use crate::service::calendar::MeetingCalendar;
use crate::t;
use chrono::Duration;

/// A meeting's length in the calendar: meetings have no stored end, so two hours.
pub const MEETING_MINUTES: i64 = 120;

/// The stable UID of a meeting: `meeting-<id>@<workspace>.sltbot` — the same in every
/// export, so a calendar app updates the event rather than adding a second one.
pub fn uid(cal: &MeetingCalendar, meeting: crate::domain::MeetingId) -> String {
    format!("meeting-{}@{}.sltbot", meeting.0, cal.workspace.0)
}

/// The `.ics` text of a group's calendar; summaries in `lang`.
pub fn meetings_ics(cal: &MeetingCalendar, lang: Lang) -> String {
    let events = cal
        .meetings
        .iter()
        .map(|m| ics::Event {
            uid: uid(cal, m.id),
            start: m.starts_at,
            end: m.starts_at + Duration::minutes(MEETING_MINUTES),
            summary: match m.title.as_deref().filter(|t| !t.trim().is_empty()) {
                Some(title) => t!(
                    lang,
                    "ics-summary",
                    group = cal.group.name.as_str(),
                    title = title
                ),
                None => t!(
                    lang,
                    "ics-summary-untitled",
                    group = cal.group.name.as_str()
                ),
            },
            location: m.location.clone(),
            sequence: m.version,
            cancelled: m.status == MeetingStatus::Cancelled,
        })
        .collect();
    ics::write(&ics::Calendar {
        name: t!(lang, "ics-calendar-name", group = cal.group.name.as_str()),
        tz: cal.tz,
        stamp: cal.made_at,
        events,
    })
}

/// The file's name: `<group>.ics`, the group's name made safe (see
/// [`crate::discord::reply::file_stem`]).
pub fn file_name(cal: &MeetingCalendar) -> String {
    format!("{}.ics", crate::discord::reply::file_stem(&cal.group.name))
}
