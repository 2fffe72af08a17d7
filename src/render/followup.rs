//! The text of the follow-up round's replies and errors ([`FollowupReply`],
//! [`FollowupError`]), and the round's summary under the standing case *Oppfølging av
//! tiltak og bestillinger*. Pure, like the rest of [`crate::render`].

use crate::domain::followup::{Asked, Question, RoundView, Subject};
use crate::domain::record::Case;
use crate::domain::{Group, Lang, Meeting};
use crate::i18n::format;
use crate::render::record::case_line;
use crate::render::Style;
use crate::service::{FollowupError, FollowupReply};
use crate::t;
use chrono_tz::Tz;

fn who(style: Style, a: Asked) -> String {
    match a {
        Asked::User(u) => style.user(u),
        Asked::Role(r) => style.role(r),
    }
}

fn subject(lang: Lang, style: Style, q: &Question) -> String {
    match q.subject {
        Subject::Action(_) => t!(
            lang,
            "followup-line-action",
            title = style.text(&q.title),
            id = q.number
        ),
        Subject::Order(_) => t!(
            lang,
            "followup-line-order",
            title = style.text(&q.title),
            id = q.number
        ),
    }
}

/// `På sporet`, `ikke svart`, `lukket` …, with the note if any.
fn state(lang: Lang, style: Style, q: &Question) -> String {
    let mut s = match (q.answer, q.closed) {
        (Some(a), _) => t!(lang, a.fluent_id()),
        (None, _) if q.note.is_some() => t!(lang, "followup-state-note-only"),
        (None, true) => t!(lang, "followup-state-closed"),
        (None, false) => t!(lang, "followup-state-silent"),
    };
    if let Some(n) = &q.note {
        s.push_str(&t!(lang, "followup-state-note", note = style.text(n)));
    }
    s
}

/// The round's lines: counts, then each answer, then who has not answered. `indent` goes
/// before every line (under a case in a case list).
pub fn summary(lang: Lang, tz: Tz, view: &RoundView, style: Style, indent: &str) -> Vec<String> {
    summary_naming(lang, tz, view, style, indent, &|a| who(style, a))
}

/// The round for the minutes (a document read outside Discord): members named in words
/// (`bruker 45`), as the minutes name them. `None` when the round asked nobody.
pub fn minutes_text(lang: Lang, tz: Tz, view: &RoundView) -> Option<String> {
    if view.questions.is_empty() {
        return None;
    }
    let name = |a: Asked| match a {
        Asked::User(u) => t!(lang, "export-user", id = u.0),
        Asked::Role(r) => t!(lang, "followup-role", id = r.0),
    };
    Some(summary_naming(lang, tz, view, Style::Plain, "", &name).join("\n"))
}

fn summary_naming(
    lang: Lang,
    tz: Tz,
    view: &RoundView,
    style: Style,
    indent: &str,
    who: &dyn Fn(Asked) -> String,
) -> Vec<String> {
    let Some(round) = &view.round else {
        return vec![format!("{indent}{}", t!(lang, "followup-none"))];
    };
    if round.opened_at.is_none() {
        return vec![format!(
            "{indent}{}",
            t!(
                lang,
                "followup-planned",
                at = format::datetime(lang, round.ask_at, tz)
            )
        )];
    }
    let (asked, answered, silent) = view.counts();
    if asked == 0 {
        return vec![format!("{indent}{}", t!(lang, "followup-nobody-asked"))];
    }
    let mut out = vec![format!(
        "{indent}{}",
        t!(
            lang,
            "followup-counts",
            asked = asked,
            answered = answered,
            silent = silent,
            deadline = format::datetime(lang, round.deadline, tz)
        )
    )];
    for q in &view.questions {
        out.push(format!(
            "{indent}• {}",
            t!(
                lang,
                "followup-answer-line",
                who = who(q.asked),
                subject = subject(lang, style, q),
                state = state(lang, style, q)
            )
        ));
    }
    let silent = view.silent();
    if !silent.is_empty() {
        let names: Vec<String> = silent.into_iter().map(who).collect();
        out.push(format!(
            "{indent}{}",
            t!(lang, "followup-silent", who = names.join(", "))
        ));
    }
    out
}

/// Is this the standing case *Oppfølging av tiltak og bestillinger* (in any language)?
pub fn is_followup_case(title: &str) -> bool {
    Lang::ALL
        .into_iter()
        .any(|l| crate::domain::agenda::title_cmp(title, &t!(l, "standing-follow-up")).is_eq())
}

/// A case list's lines (`• Sak 01/27 …`), with the round's summary under its standing
/// case; when the body has renamed or removed that case, the summary comes last.
pub fn case_lines(
    lang: Lang,
    tz: Tz,
    cases: &[Case],
    followup: Option<&RoundView>,
    style: Style,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut placed = followup.is_none();
    for c in cases {
        out.push(format!("• {}", case_line(lang, c, style)));
        if let Some(view) = followup.filter(|_| !placed && is_followup_case(&c.item.title)) {
            out.extend(summary(lang, tz, view, style, "   "));
            placed = true;
        }
    }
    if let Some(view) = followup.filter(|_| !placed) {
        out.push(t!(lang, "standing-follow-up"));
        out.extend(summary(lang, tz, view, style, "   "));
    }
    out
}

pub fn reply(lang: Lang, tz: Tz, r: &FollowupReply, style: Style) -> String {
    let name = |g: &Group| style.bold(&style.text(&g.name));
    let when = |m: &Meeting| format::datetime(lang, m.starts_at, tz);
    match r {
        FollowupReply::Answered {
            group,
            meeting,
            action,
            answer,
            noted,
        } => {
            let mut s = match answer {
                Some(a) => t!(
                    lang,
                    "followup-answered",
                    id = action.id.0,
                    title = style.text(&action.title),
                    answer = t!(lang, a.fluent_id()),
                    group = name(group),
                    meeting = when(meeting)
                ),
                None => t!(
                    lang,
                    "followup-noted",
                    id = action.id.0,
                    title = style.text(&action.title),
                    group = name(group),
                    meeting = when(meeting)
                ),
            };
            if *noted && answer.is_some() {
                s.push(' ');
                s.push_str(&t!(lang, "followup-note-kept"));
            }
            s
        }
        FollowupReply::Round {
            group,
            meeting,
            view,
        } => {
            let mut out = vec![t!(
                lang,
                "followup-round-heading",
                group = name(group),
                meeting = when(meeting),
                id = meeting.id.0
            )];
            out.extend(summary(lang, tz, view, style, ""));
            out.join("\n")
        }
        FollowupReply::Settings {
            group,
            lead,
            changed,
        } => {
            let lead = match lead {
                Some(m) if m % (24 * 60) == 0 => {
                    t!(lang, "followup-lead-days", days = m / (24 * 60))
                }
                Some(m) => t!(lang, "followup-lead-hours", hours = m / 60),
                None => t!(lang, "followup-lead-off"),
            };
            t!(
                lang,
                if *changed {
                    "followup-settings-changed"
                } else {
                    "followup-settings"
                },
                group = name(group),
                lead = lead
            )
        }
    }
}

pub fn error(lang: Lang, e: &FollowupError) -> String {
    match e {
        FollowupError::NotAsked { id } => t!(lang, "followup-error-not-asked", id = id.0),
        FollowupError::InvalidLead { input } => {
            t!(lang, "followup-error-invalid-lead", input = input.as_str())
        }
    }
}
