//! Turning replies and errors into text in the user's language. Pure: data in, text out.
//! The console prints plain text; Discord gets Markdown with user text escaped so it
//! can neither break the bot's formatting nor look like a mention.
//!
//! One file per kind of reply (`groups`, `meetings`, `agenda`, `actions`, `records`,
//! `schedule`, and `record` for the meeting record), the shared pieces in `lines`, `words`,
//! `errors` and `style`; [`reply`] routes each reply to its file in one exhaustive match, so
//! a new reply cannot be forgotten.

use crate::domain::text::{Field, TextError};
use crate::domain::{
    Action, ActionStatus, ActionUpdate, AgendaItem, AgendaStatus, Group, Lang, Meeting,
    MeetingStatus, SltLevel, UserId,
};
use crate::i18n::format;
use crate::service::error::Fault;
use crate::service::{Reply, Response, ServiceError};
use crate::t;
use chrono_tz::Tz;

pub use crate::style::Style;

mod access;
mod actions;
mod agenda;
mod errors;
pub mod followup;
mod groups;
mod lines;
mod meetings;
pub mod munis;
pub mod notice;
pub mod orders;
mod plan;
pub mod record;
mod records;
mod schedule;
mod style;
mod words;

pub use errors::{cadence_error, error, option_error};
#[allow(unused_imports)]
use lines::*;
pub use records::export_markdown;
pub use style::escape_markdown;
pub use words::{action_status, agenda_status, language_name, level, meeting_status};
#[allow(unused_imports)]
use words::{audit_action, audit_target, field};

/// Render a whole response.
pub fn response(r: &Response, style: Style) -> String {
    match &r.outcome {
        Ok(reply) => {
            let mut out = self::reply(r.lang, r.tz, reply, style);
            let mut seen = Vec::new();
            for w in &r.privacy_warnings {
                let key = w.fluent_key();
                if !seen.contains(&key) {
                    seen.push(key);
                    out.push('\n');
                    out.push_str(&t!(r.lang, key));
                }
            }
            if !seen.is_empty() {
                out.push(' ');
                out.push_str(&t!(r.lang, "privacy-anonymise-hint"));
            }
            out
        }
        Err(e) => error(r.lang, e),
    }
}

/// Render a successful reply: each kind in its own file.
pub fn reply(lang: Lang, tz: Tz, reply: &Reply, style: Style) -> String {
    use Reply as R;
    match reply {
        R::Workspace(_)
        | R::WorkspaceUpdated(_)
        | R::GroupCreated(_)
        | R::GroupEdited(_)
        | R::GroupArchived(_)
        | R::GroupList(_)
        | R::GroupShown { .. } => groups::reply(lang, tz, reply, style),
        R::MeetingAdded { .. } | R::MeetingList { .. } | R::MeetingCancelled { .. } => {
            meetings::reply(lang, tz, reply, style)
        }
        R::AgendaAdded { .. }
        | R::AgendaList { .. }
        | R::AgendaEdited { .. }
        | R::AgendaRemoved { .. }
        | R::AgendaMoved { .. } => agenda::reply(lang, tz, reply, style),
        R::ActionAdded { .. }
        | R::ActionNoteEdited { .. }
        | R::ActionUpdated { .. }
        | R::ActionList { .. }
        | R::ActionShown { .. } => actions::reply(lang, tz, reply, style),
        R::Audit { .. } | R::Export(_) | R::Calendar(_) | R::GroupDeleted { .. } => {
            records::reply(lang, tz, reply, style)
        }
        R::MeetingScheduled { .. }
        | R::MeetingNext { .. }
        | R::MeetingMoved { .. }
        | R::GroupReminders { .. }
        | R::DigestSettings { .. } => schedule::reply(lang, tz, reply, style),
        R::Record(r) => record::reply(lang, tz, r, style),
        R::Munis(r) => munis::reply(lang, tz, r, style),
        R::Notice(r) => notice::reply(lang, tz, r, style),
        R::Order(r) => orders::reply(lang, tz, r, style),
        R::WorkspaceCheck(r) => access::check(lang, r, style),
        R::GroupEvents(r) => access::events(lang, r, style),
        R::YearPlan(p) => plan::reply(lang, p),
        R::Followup(r) => followup::reply(lang, tz, r, style),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_mentions_are_neutralised() {
        let s = escape_markdown("@everyone **fet** <@&123> @here");
        assert!(!s.contains("@everyone"));
        assert!(!s.contains("@here"));
        assert!(!s.contains("<@&"));
        assert!(s.contains("\\*\\*fet\\*\\*"));
    }
}
