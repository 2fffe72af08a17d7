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
    ActionAdd = "action.add",
    ActionUpdate = "action.update",
    /// A progress note was rewritten.
    ActionNote = "action.note",
    DigestSet = "digest.set",
    /// The retention job deleted old records (only counts are kept).
    RetentionPurge = "retention.purge",
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
