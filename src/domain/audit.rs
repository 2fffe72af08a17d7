//! What the audit trail calls each kind of change. Stored as a stable code (`agenda.add`);
//! shown to users through Fluent (`audit-agenda-add`), never as the code.

use serde::{Deserialize, Serialize};

macro_rules! audit_actions {
    ($($(#[$doc:meta])* $v:ident = $code:literal),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum AuditAction {
            $($(#[$doc])* $v),*
        }

        impl AuditAction {
            pub const ALL: &'static [AuditAction] = &[$(AuditAction::$v),*];

            /// The stored code.
            pub const fn code(self) -> &'static str {
                match self {
                    $(AuditAction::$v => $code),*
                }
            }
        }
    };
}

audit_actions! {
    WorkspaceSet = "workspace.set",
    GroupCreate = "group.create",
    GroupEdit = "group.edit",
    GroupArchive = "group.archive",
    GroupReminders = "group.reminders",
    /// What the digest may show of the group changed.
    GroupDigest = "group.digest",
    GroupDelete = "group.delete",
    MeetingAdd = "meeting.add",
    MeetingCancel = "meeting.cancel",
    MeetingHeld = "meeting.held",
    MeetingSchedule = "meeting.schedule",
    MeetingMove = "meeting.move",
    AgendaAdd = "agenda.add",
    AgendaEdit = "agenda.edit",
    AgendaRemove = "agenda.remove",
    AgendaMove = "agenda.move",
    /// An item waiting for a meeting was put on a new one.
    AgendaAttach = "agenda.attach",
    /// An unhandled item went on to the next meeting.
    AgendaCarryOver = "agenda.carry_over",
    /// A case was put on a case list (numbered) or retyped.
    AgendaCase = "agenda.case",
    /// A standing item was put on a meeting.
    AgendaStanding = "agenda.standing",
    /// A proposal that never reached the list moved on when its meeting was held.
    AgendaHoldMove = "agenda.hold_move",
    /// A carried-over copy was taken back when its meeting was reopened.
    AgendaUncarry = "agenda.uncarry",
    AgendaDecide = "agenda.decide",
    GroupStanding = "group.standing",
    MeetingReopen = "meeting.reopen",
    MeetingAttend = "meeting.attend",
    MeetingGuest = "meeting.guest",
    MeetingRoles = "meeting.roles",
    MinutesPublish = "minutes.publish",
    MinutesApprove = "minutes.approve",
    ActionAdd = "action.add",
    ActionUpdate = "action.update",
    /// A progress note was rewritten.
    ActionNote = "action.note",
    DigestSet = "digest.set",
    /// The retention job deleted old records (only counts are kept).
    RetentionPurge = "retention.purge",
    MunicipalityAdd = "municipality.add",
    MunicipalityRemove = "municipality.remove",
    MunicipalityEdit = "municipality.edit",
    /// The municipalities a group belongs to changed.
    GroupMunicipalities = "group.municipalities",
    /// A guest was invited to a meeting.
    MeetingInvite = "meeting.invite",
    MeetingUninvite = "meeting.uninvite",
    /// How long before each meeting the notice is posted changed.
    GroupNotice = "group.notice",
    /// A late submission was admitted to this meeting or the next.
    AgendaAdmit = "agenda.admit",
    /// An order (or report) was sent to another body.
    OrderAdd = "order.add",
    /// The receiving body answered an order.
    OrderReply = "order.reply",
    /// Discord scheduled events turned on or off, or their voice channel changed.
    GroupEvents = "group.events",
    /// An answer to the follow-up round's question about an action.
    FollowupAnswer = "action.followup",
    /// When the follow-up round asks changed.
    GroupFollowup = "group.followup",
}

impl AuditAction {
    pub fn from_code(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.iter().copied().find(|a| a.code() == code)
    }

    /// The Fluent id of its label (`agenda.carry_over` → `audit-agenda-carry-over`).
    pub fn fluent_id(self) -> String {
        format!("audit-{}", self.code().replace(['.', '_'], "-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::from_code(a.code()), Some(*a));
            assert!(seen.insert(a.code()));
        }
    }
}
