//! The text of the meeting record's replies and errors ([`RecordReply`], [`RecordError`]).
//! Pure, like [`crate::render`] (whose folder this joins when it becomes one).

use crate::domain::minutes::CaseType;
use crate::domain::record::{AttendanceStatus, Case, MeetingRecord};
use crate::domain::{Group, Lang, Meeting};
use crate::i18n::format;
use crate::minutes::case_number;
use crate::render::Style;
use crate::service::{RecordError, RecordReply};
use crate::t;
use chrono_tz::Tz;

fn when(lang: Lang, tz: Tz, m: &Meeting) -> String {
    format::datetime(lang, m.starts_at, tz)
}

fn case_type(lang: Lang, t: Option<CaseType>) -> String {
    t!(lang, t.unwrap_or(CaseType::Discussion).message_id())
}

/// The type's name mid-line: `fast sak`, not `Fast sak`.
fn case_type_mid_line(lang: Lang, t: Option<CaseType>) -> String {
    let label = case_type(lang, t);
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => label,
    }
}

/// `Sak 03/27 Title (drøftingssak)`, or without a number while it has none. The type is
/// left out where the title already says it (`Eventuelt`, not `Eventuelt (eventuelt)`).
pub fn case_line(lang: Lang, c: &Case, style: Style) -> String {
    let title = style.text(&c.item.title);
    let kind = case_type_mid_line(lang, c.case_type);
    let says_its_type = crate::domain::agenda::title_cmp(&c.item.title, &kind).is_eq();
    let head = match c.number {
        Some(n) => format!("{} {title}", case_number(lang, n)),
        None => title,
    };
    let mut line = if says_its_type {
        head
    } else {
        format!("{head} ({kind})")
    };
    if c.carried_from.is_some() {
        line.push_str(&format!(" — {}", t!(lang, "record-carried-copy")));
    }
    if let Some(link) = &c.minutes {
        line.push_str(&format!("\n   {}", minutes_link(lang, link)));
    }
    if let Some(d) = c.decision.as_ref().and_then(|d| d.decision.as_deref()) {
        line.push_str(&format!(
            "\n   {}: {}",
            t!(lang, "minutes-decision"),
            style.text(d)
        ));
    }
    line
}

/// "Referat fra møte 3/2027, publisert 14.01.2027" under the approval case.
fn minutes_link(lang: Lang, link: &crate::domain::record::MinutesLink) -> String {
    use crate::domain::minutes::MinutesStatus;
    let number = link
        .number
        .map(|n| n.to_string())
        .unwrap_or_else(|| link.meeting.0.to_string());
    let date = |d| crate::i18n::format::date_short(lang, d);
    match link.status {
        MinutesStatus::Draft => t!(lang, "minutes2-link-draft", number = number),
        MinutesStatus::Published { on } => {
            t!(
                lang,
                "minutes2-link-published",
                number = number,
                date = date(on)
            )
        }
        MinutesStatus::Approved { on } => {
            t!(
                lang,
                "minutes2-link-approved",
                number = number,
                date = date(on)
            )
        }
    }
}

fn meeting_number(lang: Lang, r: &MeetingRecord) -> String {
    r.number
        .map(|n| t!(lang, "meeting-number", number = n.to_string()))
        .unwrap_or_default()
}

pub fn reply(lang: Lang, tz: Tz, r: &RecordReply, style: Style) -> String {
    let name = |g: &Group| style.bold(&style.text(&g.name));
    let warn = |w: bool, text: String| {
        if w {
            format!("{text}\n{}", t!(lang, "record-individual-case-warning"))
        } else {
            text
        }
    };
    match r {
        RecordReply::CasePut {
            group,
            meeting,
            case,
            individual_case_warning,
        } => warn(
            *individual_case_warning,
            t!(
                lang,
                "record-case-put",
                case = case_line(lang, case, style),
                group = name(group),
                meeting = when(lang, tz, meeting)
            ),
        ),
        RecordReply::CaseList {
            group,
            meeting,
            record,
            cases,
            followup,
        } => {
            let mut out = vec![match record.number {
                Some(_) => t!(
                    lang,
                    "record-case-list-heading",
                    group = name(group),
                    number = meeting_number(lang, record),
                    meeting = when(lang, tz, meeting)
                ),
                None => t!(
                    lang,
                    "record-case-list-heading-unnumbered",
                    group = name(group),
                    meeting = when(lang, tz, meeting)
                ),
            }];
            if cases.is_empty() {
                out.push(t!(lang, "minutes-none"));
            }
            out.extend(crate::render::followup::case_lines(
                lang,
                tz,
                cases,
                followup.as_ref(),
                style,
            ));
            out.join("\n")
        }
        RecordReply::Notice {
            group,
            meeting,
            cases,
            deadline,
            event_url,
            municipalities,
            followup,
        } => {
            let mut out = vec![t!(
                lang,
                "notice-heading",
                group = name(group),
                meeting = when(lang, tz, meeting)
            )];
            if !municipalities.is_empty() {
                out.push(crate::render::munis::municipalities_line(
                    lang,
                    municipalities,
                    style,
                ));
            }
            if let Some(place) = &meeting.location {
                out.push(t!(lang, "notice-place", place = style.text(place)));
            }
            out.push(t!(lang, "notice-cases"));
            out.extend(crate::render::followup::case_lines(
                lang,
                tz,
                cases,
                followup.as_ref(),
                style,
            ));
            out.push(match deadline {
                Some(d) => t!(
                    lang,
                    "notice-deadline",
                    deadline = format::datetime(lang, *d, tz)
                ),
                None => t!(lang, "notice-no-deadline"),
            });
            if let Some(url) = event_url {
                out.push(t!(lang, "events-link", url = url.as_str()));
            }
            out.join("\n")
        }
        RecordReply::Standing {
            group,
            items,
            configured,
        } => {
            let key = if *configured {
                "record-standing-heading"
            } else {
                "record-standing-defaults"
            };
            let mut out = vec![t!(lang, key, group = name(group))];
            out.extend(items.iter().enumerate().map(|(i, s)| {
                format!(
                    "{}. {} ({})",
                    i + 1,
                    style.text(&s.title),
                    t!(lang, s.case_type.message_id())
                )
            }));
            out.join("\n")
        }
        RecordReply::Held {
            group,
            meeting,
            number,
            next,
            carried,
            moved,
            early,
        } => {
            let mut out = vec![t!(
                lang,
                "record-held",
                group = name(group),
                number = number
                    .map(|n| t!(lang, "meeting-number", number = n.to_string()))
                    .unwrap_or_default(),
                meeting = when(lang, tz, meeting)
            )];
            if *early {
                out.push(t!(lang, "record-held-early"));
            }
            let next = next
                .as_ref()
                .map(|m| when(lang, tz, m))
                .unwrap_or_else(|| t!(lang, "record-no-next-meeting"));
            if *carried > 0 {
                out.push(t!(
                    lang,
                    "record-held-carried",
                    count = *carried,
                    next = next.clone()
                ));
            }
            if *moved > 0 {
                out.push(t!(lang, "record-held-moved", count = *moved, next = next));
            }
            out.join("\n")
        }
        RecordReply::Reopened {
            group,
            meeting,
            restored,
            kept,
        } => {
            let mut out = vec![t!(
                lang,
                "record-reopened",
                group = name(group),
                meeting = when(lang, tz, meeting),
                count = *restored
            )];
            if *kept > 0 {
                out.push(t!(lang, "record-reopened-kept", count = *kept));
            }
            out.join("\n")
        }
        RecordReply::Decided {
            case,
            individual_case_warning,
            approved_minutes,
            ..
        } => {
            let mut text = t!(lang, "record-decided", case = case_line(lang, case, style));
            if approved_minutes.is_some() {
                text.push('\n');
                text.push_str(&t!(lang, "record-minutes-approved-by-case"));
            }
            warn(*individual_case_warning, text)
        }
        RecordReply::Attended {
            meeting,
            attendance,
            ..
        } => {
            let key = match attendance.status {
                AttendanceStatus::Present => "record-attend-present",
                AttendanceStatus::Absent => "record-attend-absent",
            };
            t!(
                lang,
                key,
                user = style.user(attendance.user),
                meeting = when(lang, tz, meeting)
            )
        }
        RecordReply::GuestAdded { meeting, guest, .. } => t!(
            lang,
            "record-guest-added",
            guest = style.text(&guest.name),
            meeting = when(lang, tz, meeting)
        ),
        RecordReply::Roles {
            meeting, record, ..
        } => {
            let none = t!(lang, "value-none");
            t!(
                lang,
                "record-roles",
                meeting = when(lang, tz, meeting),
                chair = record.chair.map(|u| style.user(u)).unwrap_or(none.clone()),
                referent = record.referent.map(|u| style.user(u)).unwrap_or(none)
            )
        }
        RecordReply::Minutes { minutes, .. } => crate::minutes::markdown::render(minutes, lang),
        RecordReply::MinutesPublished { group, meeting, .. } => t!(
            lang,
            "record-minutes-published",
            group = name(group),
            meeting = when(lang, tz, meeting)
        ),
        RecordReply::MinutesApproved { meeting, on, .. } => t!(
            lang,
            "record-minutes-approved",
            meeting = when(lang, tz, meeting),
            date = format::date_short(lang, *on)
        ),
    }
}

pub fn error(lang: Lang, e: &RecordError) -> String {
    match e {
        RecordError::HeldBeforeStart { id, .. } => {
            t!(lang, "record-error-held-before-start", id = id.0)
        }
        RecordError::MeetingAtSameTime { existing } => {
            t!(lang, "record-error-same-time", id = existing.0)
        }
        RecordError::NotHeld { id } => t!(lang, "record-error-not-held", id = id.0),
        RecordError::NoMeeting { id } => t!(lang, "record-error-no-meeting", id = id.0),
        RecordError::InvalidCaseType { input } => {
            t!(lang, "record-error-case-type", input = input.as_str())
        }
        RecordError::TooManyStanding { max } => {
            t!(lang, "record-error-too-many-standing", max = *max)
        }
        RecordError::NothingRecorded { id } => {
            t!(lang, "record-error-nothing-recorded", id = id.0)
        }
        RecordError::MinutesNotPublished { id } => {
            t!(lang, "record-error-minutes-not-published", id = id.0)
        }
        RecordError::MinutesAlreadyPublished { id } => {
            t!(lang, "record-error-minutes-published", id = id.0)
        }
    }
}
