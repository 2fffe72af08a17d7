//! The text of the notice the scheduler posts (and edits), the coordinators' message about
//! a late submission, and the replies and errors of `/group notice` and `/agenda admit`.
//! Pure: data in, text out.

use crate::domain::minutes::CaseNumber;
use crate::domain::notice::{AdmitTo, Change};
use crate::domain::record::Case;
use crate::domain::{AgendaItem, Group, Lang, Meeting, MeetingStatus, RoleId};
use crate::i18n::cadence::duration;
use crate::i18n::format;
use crate::minutes::case_number;
use crate::render::record::case_line;
use crate::render::Style;
use crate::service::{NoticeError, NoticeReply};
use crate::t;
use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Tz;

/// One "Endret …" line: when, what, and the case it names (title and number as they are
/// now).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeView {
    pub at: DateTime<Utc>,
    pub what: Change,
    pub title: Option<String>,
    pub number: Option<CaseNumber>,
}

/// What a notice shows.
pub struct NoticeView<'a> {
    pub group: &'a Group,
    pub meeting: &'a Meeting,
    /// The case list, in order.
    pub cases: &'a [Case],
    /// When submissions close.
    pub deadline: Option<DateTime<Utc>>,
    /// The final case list (after the deadline) rather than the notice.
    pub final_list: bool,
    /// Changes since the final list went out, oldest first.
    pub changes: &'a [ChangeView],
    /// Late submissions waiting for the coordinator.
    pub late: usize,
    /// A link to the meeting's event (e.g. a Discord scheduled event), when one exists.
    pub event_url: Option<&'a str>,
}

/// A point in time: Discord shows `<t:…:F> (<t:…:R>)` in each reader's zone; plain text
/// the local date and time in words.
pub fn when(lang: Lang, at: DateTime<Utc>, tz: Tz, style: Style) -> String {
    match style {
        Style::Discord => format!("<t:{0}:F> (<t:{0}:R>)", at.timestamp()),
        Style::Plain | Style::Document(_) => format::datetime(lang, at, tz),
    }
}

fn change_what(lang: Lang, style: Style, c: &ChangeView) -> String {
    let case = || {
        let title = style.text(c.title.as_deref().unwrap_or_default());
        match c.number {
            Some(n) => format!("{} {title}", case_number(lang, n)),
            None => title,
        }
    };
    match c.what {
        Change::Added => t!(lang, "notice-change-added", case = case()),
        Change::Removed => t!(lang, "notice-change-removed", case = case()),
        Change::Order => t!(lang, "notice-change-order"),
        Change::Moved => t!(lang, "notice-change-moved"),
        Change::Place => t!(lang, "notice-change-place"),
        Change::Cancelled => t!(lang, "notice-change-cancelled"),
    }
}

/// `Endret 06.01.2027 kl. 10.15: Sak 04/27 Uro lagt til.`
pub fn change_line(lang: Lang, tz: Tz, style: Style, c: &ChangeView) -> String {
    let local = c.at.with_timezone(&tz);
    t!(
        lang,
        "notice-changed",
        date = format::date_short(lang, local.date_naive()),
        hh = format!("{:02}", local.hour()),
        min = format!("{:02}", local.minute()),
        what = change_what(lang, style, c)
    )
}

/// The notice, or the final case list with its change lines.
pub fn notice(lang: Lang, tz: Tz, style: Style, v: &NoticeView<'_>) -> String {
    let group = style.bold(&style.text(&v.group.name));
    let at = when(lang, v.meeting.starts_at, tz, style);
    let heading = if v.final_list {
        "notice-final-heading"
    } else {
        "notice-post-heading"
    };
    let mut out = vec![t!(lang, heading, group = group, meeting = at)];
    if v.meeting.status == MeetingStatus::Cancelled {
        out.push(t!(lang, "notice-cancelled"));
    }
    if let Some(title) = &v.meeting.title {
        out.push(style.text(title));
    }
    if let Some(place) = &v.meeting.location {
        out.push(t!(lang, "notice-place", place = style.text(place)));
    }
    if let Some(url) = v.event_url {
        out.push(t!(lang, "notice-event", url = url.to_string()));
    }
    out.push(t!(
        lang,
        if v.final_list {
            "notice-final-cases"
        } else {
            "notice-cases"
        }
    ));
    if v.cases.is_empty() {
        out.push(t!(lang, "minutes-none"));
    }
    out.extend(
        v.cases
            .iter()
            .map(|c| format!("• {}", case_line(lang, c, style))),
    );
    match (v.deadline, v.final_list) {
        (Some(d), false) => out.push(t!(
            lang,
            "notice-deadline",
            deadline = when(lang, d, tz, style)
        )),
        (None, false) => out.push(t!(lang, "notice-no-deadline")),
        (_, true) => out.push(t!(lang, "notice-final-closed")),
    }
    if v.late > 0 {
        out.push(t!(lang, "notice-final-late", count = v.late));
    }
    if v.meeting.status == MeetingStatus::Scheduled {
        out.push(match style {
            Style::Discord => t!(lang, "notice-answer-buttons"),
            Style::Plain | Style::Document(_) => {
                t!(lang, "notice-answer-command", id = v.meeting.id.0)
            }
        });
    }
    for c in v.changes {
        out.push(change_line(lang, tz, style, c));
    }
    out.join("\n")
}

/// The coordinators' message about a submission after the deadline (pings `role`; the
/// submitter is named, not pinged).
pub fn late_for_coordinators(
    lang: Lang,
    tz: Tz,
    style: Style,
    role: Option<RoleId>,
    meeting: &Meeting,
    item: &AgendaItem,
) -> String {
    t!(
        lang,
        "notice-late-coordinators",
        mention = role
            .map(|r| format!("{} ", style.role(r)))
            .unwrap_or_default(),
        meeting = format::datetime(lang, meeting.starts_at, tz),
        title = style.text(&item.title),
        id = item.id.0,
        user = style.user(item.submitter)
    )
}

pub fn reply(lang: Lang, tz: Tz, r: &NoticeReply, style: Style) -> String {
    let name = |g: &Group| style.bold(&style.text(&g.name));
    match r {
        NoticeReply::Settings { group, lead } => match lead {
            Some(l) => t!(
                lang,
                "notice-settings",
                group = name(group),
                lead = duration(lang, *l)
            ),
            None => t!(lang, "notice-settings-off", group = name(group)),
        },
        NoticeReply::LateSubmitted { meeting, item, .. } => t!(
            lang,
            "notice-late-submitted",
            meeting = format::datetime(lang, meeting.starts_at, tz),
            title = style.text(&item.title),
            id = item.id.0
        ),
        NoticeReply::Admitted {
            item,
            to,
            meeting,
            case,
            ..
        } => {
            let at = match meeting {
                Some(m) => format::datetime(lang, m.starts_at, tz),
                None => t!(lang, "record-no-next-meeting"),
            };
            match (to, case) {
                (AdmitTo::This, Some(c)) => t!(
                    lang,
                    "notice-admitted-this",
                    case = case_line(lang, c, style),
                    meeting = at
                ),
                _ => t!(
                    lang,
                    "notice-admitted-next",
                    title = style.text(&item.title),
                    id = item.id.0,
                    meeting = at
                ),
            }
        }
    }
}

pub fn error(lang: Lang, e: &NoticeError) -> String {
    match e {
        NoticeError::NotLate { id } => t!(lang, "notice-error-not-late", id = id.0),
        NoticeError::InvalidLead { input } => {
            t!(lang, "notice-error-lead", input = input.clone())
        }
    }
}
