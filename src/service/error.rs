//! What can go wrong, in terms a user can be told. Each variant maps to a Fluent message
//! (see `render`); internal failures are logged and shown as a generic line.

use super::permissions::Need;
use crate::domain::text::TextError;
use crate::domain::{ActionId, AgendaItemId, AgendaStatus, MeetingId};
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("forbidden: needs {0:?}")]
    Forbidden(Need),
    #[error("unknown group")]
    UnknownGroup { name: String },
    #[error("group is archived")]
    GroupArchived { name: String },
    #[error("unknown meeting")]
    UnknownMeeting { id: MeetingId },
    #[error("unknown agenda item")]
    UnknownAgendaItem { id: AgendaItemId },
    #[error("unknown action")]
    UnknownAction { id: ActionId },
    #[error("invalid text: {0:?}")]
    Text(TextError),
    #[error("invalid date")]
    InvalidDate { input: String },
    #[error("invalid date and time")]
    InvalidDateTime { input: String },
    #[error("date in the past")]
    DateInPast { input: String },
    #[error("duplicate group name")]
    DuplicateGroupName { name: String },
    #[error("duplicate agenda item")]
    DuplicateAgendaItem { existing: AgendaItemId },
    #[error("invalid level")]
    InvalidLevel { input: String },
    #[error("invalid agenda status")]
    InvalidAgendaStatus { input: String },
    #[error("invalid action status")]
    InvalidActionStatus { input: String },
    #[error("invalid timezone")]
    InvalidTimezone { input: String },
    #[error("invalid language")]
    InvalidLanguage { input: String },
    #[error("meeting does not take items")]
    MeetingClosed { id: MeetingId },
    #[error("meeting belongs to another group")]
    MeetingOfOtherGroup { id: MeetingId },
    #[error("meeting already cancelled or held")]
    MeetingNotScheduled { id: MeetingId },
    #[error("agenda item is closed")]
    ItemClosed {
        id: AgendaItemId,
        status: AgendaStatus,
    },
    #[error("only the submitter or a coordinator")]
    NotYourItem { id: AgendaItemId },
    #[error("status only a coordinator may set")]
    StatusNeedsCoordinator { status: AgendaStatus },
    #[error("nothing to change")]
    NothingToChange,
    #[error("position out of range")]
    InvalidPosition { max: i64 },
    #[error("edited by someone else in between")]
    EditConflict,
    #[error("deleting needs the group's name as confirmation")]
    ConfirmationRequired { name: String },
    #[error("limit reached")]
    LimitReached { limit: Limit, max: i64 },
    #[error("invalid cadence: {0}")]
    InvalidCadence(crate::domain::cadence::CadenceError),
    #[error("cadence meets more often than daily")]
    CadenceTooFrequent,
    #[error("invalid lead times")]
    InvalidLeads { input: String },
    #[error("invalid duration")]
    InvalidDuration { input: String },
    #[error("{0}")]
    Record(#[from] super::record::RecordError),
    #[error("the store failed: {0}")]
    Store(#[from] StoreError),
}

/// Counts sltbot keeps bounded, so one group cannot fill the database or a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    GroupsPerWorkspace,
    OpenItemsPerMeeting,
    UpcomingMeetingsPerGroup,
    ActiveActionsPerGroup,
}

impl Limit {
    pub fn max(self) -> i64 {
        match self {
            Limit::GroupsPerWorkspace => 100,
            Limit::OpenItemsPerMeeting => 50,
            Limit::UpcomingMeetingsPerGroup => 200,
            Limit::ActiveActionsPerGroup => 500,
        }
    }

    pub fn fluent_key(self) -> &'static str {
        match self {
            Limit::GroupsPerWorkspace => "limit-groups",
            Limit::OpenItemsPerMeeting => "limit-items",
            Limit::UpcomingMeetingsPerGroup => "limit-meetings",
            Limit::ActiveActionsPerGroup => "limit-actions",
        }
    }
}

impl From<TextError> for ServiceError {
    fn from(e: TextError) -> Self {
        ServiceError::Text(e)
    }
}

impl ServiceError {
    /// A fault in sltbot or its machine rather than in what the user typed.
    pub fn is_internal(&self) -> bool {
        matches!(self, ServiceError::Store(_))
    }
}
