//! Custom ids of our buttons and modals: `sltbot:<kind>:<numbers>`, at most 100 characters.
//! They carry all the state a press needs, so buttons keep working after a restart.
//!
//! An action's buttons carry its group as well as its id (`sltbot:done:<group>:<action>`):
//! a press acts only if the action still belongs to that group, so an old button can never
//! reach another record (ids are not reused either, see the migration
//! `20261128000003_ids_never_reused.sql`). Buttons from before this format carry only the
//! action id (`sltbot:done:<action>`, [`Custom::ActionDone`] with `group: None`); they were
//! made when ids could be reused, so they answer "not found" and never act.

use crate::domain::followup::Answer;
use crate::domain::{ActionId, AgendaItemId, GroupId, MeetingId};

const PREFIX: &str = "sltbot:";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Custom {
    ActionDone {
        group: Option<GroupId>,
        action: ActionId,
    },
    /// The button (opens the modal) and the modal itself share the id.
    ActionReport {
        group: Option<GroupId>,
        action: ActionId,
    },
    AgendaModal {
        group: GroupId,
        meeting: Option<MeetingId>,
    },
    /// The form for a long decision (`/agenda decide id:` without text).
    DecideModal { item: AgendaItemId },
    /// "Kommer" under a meeting's notice.
    Attend { group: GroupId, meeting: MeetingId },
    /// "Forfall" under a notice: the button (opens the modal) and the modal share the id.
    Apologies { group: GroupId, meeting: MeetingId },
    /// A follow-up round's answer for one action (`sltbot:fu:<group>:<meeting>:<action>:<n>`,
    /// `n` the answer's position in [`Answer::ALL`]).
    FollowupAnswer {
        group: GroupId,
        meeting: MeetingId,
        action: ActionId,
        answer: Answer,
    },
    /// The follow-up note form: the button (opens the modal) and the modal share the id.
    FollowupNote {
        group: GroupId,
        meeting: MeetingId,
        action: ActionId,
    },
}

pub fn decide_modal(item: AgendaItemId) -> String {
    format!("{PREFIX}decide:{}", item.0)
}

pub fn followup_answer(
    group: GroupId,
    meeting: MeetingId,
    action: ActionId,
    answer: Answer,
) -> String {
    format!(
        "{PREFIX}fu:{}:{}:{}:{}",
        group.0,
        meeting.0,
        action.0,
        answer.index()
    )
}

pub fn followup_note(group: GroupId, meeting: MeetingId, action: ActionId) -> String {
    format!("{PREFIX}funote:{}:{}:{}", group.0, meeting.0, action.0)
}

pub fn done(group: GroupId, id: ActionId) -> String {
    format!("{PREFIX}done:{}:{}", group.0, id.0)
}

pub fn report(group: GroupId, id: ActionId) -> String {
    format!("{PREFIX}report:{}:{}", group.0, id.0)
}

pub fn agenda_modal(group: GroupId, meeting: Option<MeetingId>) -> String {
    format!("{PREFIX}agenda:{}:{}", group.0, meeting.map_or(0, |m| m.0))
}

pub fn attend(group: GroupId, meeting: MeetingId) -> String {
    format!("{PREFIX}attend:{}:{}", group.0, meeting.0)
}

pub fn apologies(group: GroupId, meeting: MeetingId) -> String {
    format!("{PREFIX}apologies:{}:{}", group.0, meeting.0)
}

pub fn parse(s: &str) -> Option<Custom> {
    let rest = s.strip_prefix(PREFIX)?;
    let mut parts = rest.split(':');
    let kind = parts.next()?;
    let nums: Vec<i64> = parts
        .map(|n| n.parse::<i64>().ok())
        .collect::<Option<_>>()?;
    // (group, action) from `group:action`, or the old `action` alone.
    let target = || match nums[..] {
        [group, action] => Some((Some(GroupId(group)), ActionId(action))),
        [action] => Some((None, ActionId(action))),
        _ => None,
    };
    let out = match kind {
        "done" => {
            let (group, action) = target()?;
            Custom::ActionDone { group, action }
        }
        "report" => {
            let (group, action) = target()?;
            Custom::ActionReport { group, action }
        }
        "agenda" => match nums[..] {
            [group, meeting] => Custom::AgendaModal {
                group: GroupId(group),
                meeting: (meeting > 0).then_some(MeetingId(meeting)),
            },
            _ => return None,
        },
        "decide" => match nums[..] {
            [item] if item > 0 => Custom::DecideModal {
                item: AgendaItemId(item),
            },
            _ => return None,
        },
        "attend" | "apologies" => match nums[..] {
            [group, meeting] if group > 0 && meeting > 0 => {
                let (group, meeting) = (GroupId(group), MeetingId(meeting));
                if kind == "attend" {
                    Custom::Attend { group, meeting }
                } else {
                    Custom::Apologies { group, meeting }
                }
            }
            _ => return None,
        },
        "fu" => match nums[..] {
            [group, meeting, action, answer] => Custom::FollowupAnswer {
                group: GroupId(group),
                meeting: MeetingId(meeting),
                action: ActionId(action),
                answer: Answer::from_index(answer)?,
            },
            _ => return None,
        },
        "funote" => match nums[..] {
            [group, meeting, action] => Custom::FollowupNote {
                group: GroupId(group),
                meeting: MeetingId(meeting),
                action: ActionId(action),
            },
            _ => return None,
        },
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
            Custom::ActionDone {
                group: Some(GroupId(2)),
                action: ActionId(7),
            },
            Custom::ActionReport {
                group: Some(GroupId(9_000_000_001)),
                action: ActionId(9_000_000_000),
            },
            Custom::AgendaModal {
                group: GroupId(3),
                meeting: None,
            },
            Custom::AgendaModal {
                group: GroupId(3),
                meeting: Some(MeetingId(12)),
            },
            Custom::DecideModal {
                item: AgendaItemId(41),
            },
            Custom::Attend {
                group: GroupId(3),
                meeting: MeetingId(12),
            },
            Custom::Apologies {
                group: GroupId(9_000_000_001),
                meeting: MeetingId(9_000_000_002),
            },
            Custom::FollowupAnswer {
                group: GroupId(3),
                meeting: MeetingId(12),
                action: ActionId(9_000_000_000),
                answer: Answer::NeedsHelp,
            },
            Custom::FollowupNote {
                group: GroupId(3),
                meeting: MeetingId(12),
                action: ActionId(4),
            },
        ] {
            let s = match c {
                Custom::ActionDone {
                    group: Some(g),
                    action,
                } => done(g, action),
                Custom::ActionReport {
                    group: Some(g),
                    action,
                } => report(g, action),
                Custom::AgendaModal { group, meeting } => agenda_modal(group, meeting),
                Custom::DecideModal { item } => decide_modal(item),
                Custom::Attend { group, meeting } => attend(group, meeting),
                Custom::Apologies { group, meeting } => apologies(group, meeting),
                Custom::FollowupAnswer {
                    group,
                    meeting,
                    action,
                    answer,
                } => followup_answer(group, meeting, action, answer),
                Custom::FollowupNote {
                    group,
                    meeting,
                    action,
                } => followup_note(group, meeting, action),
                _ => unreachable!(),
            };
            assert!(s.len() <= 100);
            assert_eq!(parse(&s), Some(c), "{s}");
        }
        for bad in [
            "",
            "sltbot:",
            "sltbot:done:x",
            "sltbot:done:1:x",
            "sltbot:done:1:2:3",
            "other:done:1",
            "sltbot:agenda:1",
            "sltbot:decide:",
            "sltbot:decide:0",
            "sltbot:decide:1:2",
            "sltbot:fu:1:2:3:4",
            "sltbot:fu:1:2:3",
            "sltbot:funote:1:2",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn old_action_buttons_parse_without_a_group() {
        assert_eq!(
            parse("sltbot:done:4"),
            Some(Custom::ActionDone {
                group: None,
                action: ActionId(4)
            })
        );
        assert_eq!(
            parse("sltbot:report:4"),
            Some(Custom::ActionReport {
                group: None,
                action: ActionId(4)
            })
        );
    }
}
