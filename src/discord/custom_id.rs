//! Custom ids of our buttons and modals: `sltbot:<kind>:<numbers>`, at most 100 characters.
//! They carry all the state a press needs, so buttons keep working after a restart.

use crate::domain::{ActionId, GroupId, MeetingId};

const PREFIX: &str = "sltbot:";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Custom {
    ActionDone(ActionId),
    /// The button (opens the modal) and the modal itself share the id.
    ActionReport(ActionId),
    AgendaModal {
        group: GroupId,
        meeting: Option<MeetingId>,
    },
}

pub fn done(id: ActionId) -> String {
    format!("{PREFIX}done:{}", id.0)
}

pub fn report(id: ActionId) -> String {
    format!("{PREFIX}report:{}", id.0)
}

pub fn agenda_modal(group: GroupId, meeting: Option<MeetingId>) -> String {
    format!("{PREFIX}agenda:{}:{}", group.0, meeting.map_or(0, |m| m.0))
}

pub fn parse(s: &str) -> Option<Custom> {
    let rest = s.strip_prefix(PREFIX)?;
    let mut parts = rest.split(':');
    let kind = parts.next()?;
    let mut num = || parts.next().and_then(|n| n.parse::<i64>().ok());
    let out = match kind {
        "done" => Custom::ActionDone(ActionId(num()?)),
        "report" => Custom::ActionReport(ActionId(num()?)),
        "agenda" => {
            let group = GroupId(num()?);
            let meeting = num()?;
            Custom::AgendaModal {
                group,
                meeting: (meeting > 0).then_some(MeetingId(meeting)),
            }
        }
        _ => return None,
    };
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_ids_round_trip_and_reject_foreign_ones() {
        for c in [
            Custom::ActionDone(ActionId(7)),
            Custom::ActionReport(ActionId(9_000_000_000)),
            Custom::AgendaModal {
                group: GroupId(3),
                meeting: None,
            },
            Custom::AgendaModal {
                group: GroupId(3),
                meeting: Some(MeetingId(12)),
            },
        ] {
            let s = match c {
                Custom::ActionDone(id) => done(id),
                Custom::ActionReport(id) => report(id),
                Custom::AgendaModal { group, meeting } => agenda_modal(group, meeting),
            };
            assert!(s.len() <= 100);
            assert_eq!(parse(&s), Some(c), "{s}");
        }
        for bad in [
            "",
            "sltbot:",
            "sltbot:done:x",
            "other:done:1",
            "sltbot:agenda:1",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
