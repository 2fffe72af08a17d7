//! Every command the service runs. The console parses a text line into one of these;
//! the Discord adapter builds one from a slash command's options. Enumerated values
//! (level, status, language…) arrive as text and are validated by the service, so both
//! front ends give the same localized errors.

use crate::domain::{ActionId, AgendaItemId, ChannelId, MeetingId, RoleId, UserId};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    WorkspaceShow,
    WorkspaceSet(WorkspaceSet),
    GroupCreate(GroupFields),
    GroupList {
        include_archived: bool,
    },
    GroupShow {
        group: String,
    },
    GroupEdit {
        group: String,
        fields: GroupFields,
    },
    GroupArchive {
        group: String,
    },
    MeetingAdd {
        group: String,
        at: String,
        title: Option<String>,
        location: Option<String>,
    },
    MeetingList {
        group: String,
    },
    MeetingCancel {
        id: MeetingId,
    },
    /// Mark a meeting as held: unhandled items carry over to the next meeting.
    MeetingHeld {
        id: MeetingId,
    },
    AgendaAdd {
        group: String,
        title: String,
        details: Option<String>,
        meeting: Option<MeetingId>,
    },
    AgendaList {
        group: String,
        meeting: Option<MeetingId>,
    },
    AgendaEdit {
        id: AgendaItemId,
        title: Option<String>,
        details: Option<String>,
        status: Option<String>,
        /// The version the user saw (e.g. when a modal was opened); a newer stored
        /// version means someone else edited in between.
        expected_version: Option<i64>,
    },
    /// Withdraw an item (kept for the record, hidden from the agenda).
    AgendaRemove {
        id: AgendaItemId,
    },
    AgendaMove {
        id: AgendaItemId,
        meeting: Option<MeetingId>,
        position: Option<i64>,
    },
    ActionAdd {
        group: String,
        title: String,
        owner: UserId,
        agency: Option<String>,
        due: Option<String>,
    },
    ActionUpdate {
        id: ActionId,
        status: Option<String>,
        note: Option<String>,
    },
    ActionList(ActionQuery),
    ActionShow {
        id: ActionId,
    },
    /// Recent changes in a group (coordinators).
    Audit {
        group: String,
    },
    /// All of a group's data as JSON and Markdown (coordinators; GDPR access).
    GroupExport {
        group: String,
    },
    /// Delete a group and all its data; `confirm` must repeat the group's name.
    GroupDelete {
        group: String,
        confirm: Option<String>,
    },
    /// Give a group a recurring meeting time (preset text, RFC 5545 or cron); replaces
    /// the previous one. Occurrences become meetings 90 days ahead.
    MeetingSchedule {
        group: String,
        cadence: String,
        skip_holidays: Option<bool>,
    },
    MeetingNext {
        group: String,
    },
    /// Move one meeting (one occurrence of a series, or a one-off).
    MeetingMove {
        id: MeetingId,
        at: String,
    },
    /// Reminder lead times (`7d,1d`), agenda deadline (`2d` or `none`), holiday skipping.
    GroupReminders {
        group: String,
        leads: Option<String>,
        deadline: Option<String>,
        skip_holidays: Option<bool>,
    },
    /// The weekly digest's channel and cadence (default Monday 08:00).
    DigestSet {
        channel: Option<ChannelId>,
        cadence: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkspaceSet {
    pub timezone: Option<String>,
    pub language: Option<String>,
    pub coordinator_role: Option<RoleId>,
    pub digest_channel: Option<ChannelId>,
}

/// Fields of `group create` (name and level required) and `group edit` (all optional).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupFields {
    pub name: Option<String>,
    pub level: Option<String>,
    pub channel: Option<ChannelId>,
    pub coordinator_role: Option<RoleId>,
    pub member_role: Option<RoleId>,
    pub timezone: Option<String>,
    pub language: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionQuery {
    pub group: Option<String>,
    pub owner: Option<UserId>,
    pub status: Option<String>,
    pub overdue: bool,
}

impl Command {
    /// Does a successful run change what the scheduler has planned?
    pub fn changes_schedule(&self) -> bool {
        use Command::*;
        matches!(
            self,
            WorkspaceSet(_)
                | GroupEdit { .. }
                | GroupArchive { .. }
                | MeetingAdd { .. }
                | MeetingCancel { .. }
                | MeetingHeld { .. }
                | ActionAdd { .. }
                | ActionUpdate { .. }
                | GroupDelete { .. }
                | MeetingSchedule { .. }
                | MeetingMove { .. }
                | GroupReminders { .. }
                | DigestSet { .. }
        )
    }

    /// A stable name for logs and the audit trail (never the user's text).
    pub fn name(&self) -> &'static str {
        match self {
            Command::WorkspaceShow => "workspace.show",
            Command::WorkspaceSet(_) => "workspace.set",
            Command::GroupCreate(_) => "group.create",
            Command::GroupList { .. } => "group.list",
            Command::GroupShow { .. } => "group.show",
            Command::GroupEdit { .. } => "group.edit",
            Command::GroupArchive { .. } => "group.archive",
            Command::MeetingAdd { .. } => "meeting.add",
            Command::MeetingList { .. } => "meeting.list",
            Command::MeetingCancel { .. } => "meeting.cancel",
            Command::MeetingHeld { .. } => "meeting.held",
            Command::AgendaAdd { .. } => "agenda.add",
            Command::AgendaList { .. } => "agenda.list",
            Command::AgendaEdit { .. } => "agenda.edit",
            Command::AgendaRemove { .. } => "agenda.remove",
            Command::AgendaMove { .. } => "agenda.move",
            Command::ActionAdd { .. } => "action.add",
            Command::ActionUpdate { .. } => "action.update",
            Command::ActionList(_) => "action.list",
            Command::ActionShow { .. } => "action.show",
            Command::Audit { .. } => "audit",
            Command::GroupExport { .. } => "group.export",
            Command::GroupDelete { .. } => "group.delete",
            Command::MeetingSchedule { .. } => "meeting.schedule",
            Command::MeetingNext { .. } => "meeting.next",
            Command::MeetingMove { .. } => "meeting.move",
            Command::GroupReminders { .. } => "group.reminders",
            Command::DigestSet { .. } => "digest.set",
        }
    }
}
