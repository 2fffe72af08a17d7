//! What a successful command returns: typed data that the renderer turns into text in
//! the user's language (or the Discord adapter into an embed).

use crate::domain::reminders::ReminderSettings;
use crate::domain::{
    Action, ActionUpdate, AgendaItem, ChannelId, Group, Meeting, UserId, Workspace,
};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// One line of a group's history, as a coordinator sees it (no before/after bodies).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor: UserId,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
}

/// Everything stored about a group (GDPR export).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupExport {
    pub exported_at: DateTime<Utc>,
    pub group: Group,
    pub meetings: Vec<Meeting>,
    pub agenda_items: Vec<AgendaItem>,
    pub actions: Vec<ExportedAction>,
    /// The meeting record: standing items, case numbers and types, decisions,
    /// attendance, guests, the minutes' status.
    pub record: super::record::ExportedRecord,
    /// Orders the group sent or received, with their history (left out when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub orders: Vec<super::orders::ExportedOrder>,
    /// The follow-up rounds that asked: who was asked about what, and the answers.
    pub followup_rounds: Vec<crate::domain::followup::RoundView>,
    pub audit_entries: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportedAction {
    #[serde(flatten)]
    pub action: Action,
    pub updates: Vec<ActionUpdate>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Workspace(Workspace),
    WorkspaceUpdated(Workspace),
    GroupCreated(Group),
    GroupList(Vec<Group>),
    GroupShown {
        group: Group,
        next_meeting: Option<Meeting>,
        open_items: usize,
        active_actions: usize,
        /// The municipalities it belongs to (inter-municipal setups; often none).
        municipalities: Vec<crate::domain::municipality::Municipality>,
    },
    GroupEdited(Group),
    GroupArchived(Group),
    MeetingAdded {
        group: Group,
        meeting: Meeting,
        /// Items that were waiting for a meeting and now are on this one.
        attached: usize,
    },
    MeetingList {
        group: Group,
        meetings: Vec<Meeting>,
    },
    MeetingCancelled {
        group: Group,
        meeting: Meeting,
        /// Where its open items went (`None`: waiting for the next meeting).
        moved_to: Option<Meeting>,
        moved: usize,
    },
    AgendaAdded {
        group: Group,
        item: AgendaItem,
        meeting: Option<Meeting>,
    },
    AgendaList {
        group: Group,
        meeting: Option<Meeting>,
        items: Vec<AgendaItem>,
        /// The case numbers of the items on a case list (named by them, not by position).
        case_numbers: Vec<(
            crate::domain::AgendaItemId,
            crate::domain::minutes::CaseNumber,
        )>,
    },
    AgendaEdited {
        group: Group,
        item: AgendaItem,
        /// Its case number, if it has one: the reply names it by that.
        case_number: Option<crate::domain::minutes::CaseNumber>,
    },
    AgendaRemoved {
        group: Group,
        item: AgendaItem,
        /// Its case number, if it has one: the reply names it by that.
        case_number: Option<crate::domain::minutes::CaseNumber>,
    },
    AgendaMoved {
        group: Group,
        item: AgendaItem,
        meeting: Option<Meeting>,
        /// Its case number, if it has one: the reply names it by that.
        case_number: Option<crate::domain::minutes::CaseNumber>,
    },
    ActionAdded {
        group: Group,
        action: Action,
    },
    ActionUpdated {
        group: Group,
        action: Action,
        update: ActionUpdate,
    },
    ActionList {
        /// The groups the listed actions belong to (for headings).
        groups: Vec<Group>,
        actions: Vec<Action>,
        overdue_only: bool,
    },
    /// A progress note was rewritten.
    ActionNoteEdited {
        group: Group,
        action: Action,
        /// The note's number in the action's history.
        number: i64,
    },
    ActionShown {
        group: Group,
        action: Action,
        updates: Vec<ActionUpdate>,
    },
    Audit {
        group: Group,
        entries: Vec<AuditEntry>,
    },
    Export(Box<GroupExport>),
    /// A group's meetings of the next twelve months as an `.ics` file.
    Calendar(Box<super::calendar::MeetingCalendar>),
    GroupDeleted {
        name: String,
        meetings: usize,
        agenda_items: usize,
        actions: usize,
    },
    MeetingScheduled {
        group: Group,
        /// The stored form (`DTSTART…RRULE…` or cron); replies say it in words.
        cadence: String,
        /// Show the exact rule too (the stored form), under the words.
        show_rule: bool,
        skip_holidays: bool,
        /// The first few meetings of the series.
        upcoming: Vec<Meeting>,
        /// Agenda items that were waiting and now are on the first meeting.
        attached: usize,
    },
    MeetingNext {
        group: Group,
        meeting: Option<Meeting>,
        agenda_items: usize,
    },
    MeetingMoved {
        group: Group,
        meeting: Meeting,
        from: DateTime<Utc>,
    },
    GroupReminders {
        group: Group,
        settings: ReminderSettings,
    },
    DigestSettings {
        channel: Option<ChannelId>,
        /// The stored form; replies say it in words.
        cadence: String,
        /// Show the exact rule too, under the words.
        show_rule: bool,
        next: Option<DateTime<Utc>>,
    },
    /// The meeting record: case lists, holding, decisions, attendance, minutes.
    Record(Box<super::record::RecordReply>),
    /// Municipalities, guests of chosen meetings, a municipality's digest.
    Munis(Box<super::munis::MunisReply>),
    /// The notice posted by the scheduler: its lead time, late submissions.
    Notice(Box<super::notice::NoticeReply>),
    /// Orders between bodies, and the coordinator's overview.
    Order(Box<super::orders::OrderReply>),
    /// The permission self-check (`/workspace check`).
    WorkspaceCheck(Box<super::access::CheckReport>),
    /// A group's Discord events setting (`/group events`).
    GroupEvents(Box<super::access::EventsReply>),
    /// The year at a glance: every group's meetings of a year, drawn as a PNG by adapters.
    YearPlan(Box<crate::yearplan::YearPlan>),
    /// The follow-up round: an answer, a round's state, when it asks.
    Followup(Box<super::followup::FollowupReply>),
}
