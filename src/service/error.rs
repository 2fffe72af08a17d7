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
    #[error("invalid timezone")]
    InvalidTimezone { input: String },
    #[error("meeting does not take items")]
    MeetingClosed { id: MeetingId },
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
    #[error("year out of range")]
    InvalidYear { input: String },
    #[error("{0}")]
    Record(#[from] super::record::RecordError),
    #[error("{0}")]
    Munis(#[from] super::munis::MunisError),
    #[error("{0}")]
    Notice(#[from] super::notice::NoticeError),
    #[error("{0}")]
    Order(#[from] super::orders::OrderError),
    #[error("{0}")]
    Followup(#[from] super::followup::FollowupError),
    #[error("the store failed: {0}")]
    Store(#[from] StoreError),
    /// A fault in sltbot itself (logged; the user sees a generic line).
    #[error("internal error")]
    Internal,
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

/// What kind of fault a failure was, for the words the user gets (the renderer does not
/// know the store's errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The database file cannot be written.
    ReadOnly,
    /// Another process holds the database's lock.
    Locked,
    /// Anything else: logged, a generic line for the user.
    Other,
}

impl ServiceError {
    /// A stable name of the kind of error, for logs: never anything the user typed (the
    /// `Display` text of some variants, such as a refused cadence, quotes the input).
    pub fn kind(&self) -> &'static str {
        match self {
            ServiceError::Forbidden(_) => "forbidden",
            ServiceError::UnknownGroup { .. } => "unknown_group",
            ServiceError::GroupArchived { .. } => "group_archived",
            ServiceError::UnknownMeeting { .. } => "unknown_meeting",
            ServiceError::UnknownAgendaItem { .. } => "unknown_agenda_item",
            ServiceError::UnknownAction { .. } => "unknown_action",
            ServiceError::Text(TextError::Empty { .. }) => "text_empty",
            ServiceError::Text(TextError::TooLong { .. }) => "text_too_long",
            ServiceError::Text(TextError::ControlCharacter { .. }) => "text_control_character",
            ServiceError::Text(TextError::PersonalData { .. }) => "text_personal_data",
            ServiceError::InvalidDate { .. } => "invalid_date",
            ServiceError::InvalidDateTime { .. } => "invalid_date_time",
            ServiceError::DateInPast { .. } => "date_in_past",
            ServiceError::DuplicateGroupName { .. } => "duplicate_group_name",
            ServiceError::DuplicateAgendaItem { .. } => "duplicate_agenda_item",
            ServiceError::InvalidTimezone { .. } => "invalid_timezone",
            ServiceError::MeetingClosed { .. } => "meeting_closed",
            ServiceError::MeetingNotScheduled { .. } => "meeting_not_scheduled",
            ServiceError::ItemClosed { .. } => "item_closed",
            ServiceError::NotYourItem { .. } => "not_your_item",
            ServiceError::StatusNeedsCoordinator { .. } => "status_needs_coordinator",
            ServiceError::NothingToChange => "nothing_to_change",
            ServiceError::InvalidPosition { .. } => "invalid_position",
            ServiceError::EditConflict => "edit_conflict",
            ServiceError::ConfirmationRequired { .. } => "confirmation_required",
            ServiceError::LimitReached { .. } => "limit_reached",
            ServiceError::InvalidCadence(_) => "invalid_cadence",
            ServiceError::CadenceTooFrequent => "cadence_too_frequent",
            ServiceError::InvalidLeads { .. } => "invalid_leads",
            ServiceError::InvalidDuration { .. } => "invalid_duration",
            ServiceError::Store(_) => "store",
            ServiceError::Internal => "internal",
            ServiceError::Record(_) => "record",
            ServiceError::Munis(_) => "munis",
            ServiceError::Notice(_) => "notice",
            ServiceError::Order(_) => "order",
            ServiceError::InvalidYear { .. } => "invalid_year",
            ServiceError::Followup(_) => "followup",
        }
    }

    /// The fault behind an internal error; `None` for what the user did.
    pub fn fault(&self) -> Option<Fault> {
        match self {
            ServiceError::Store(StoreError::ReadOnly) => Some(Fault::ReadOnly),
            ServiceError::Store(StoreError::Locked) => Some(Fault::Locked),
            ServiceError::Store(_) | ServiceError::Internal => Some(Fault::Other),
            _ => None,
        }
    }

    /// A fault in sltbot or its machine rather than in what the user typed.
    pub fn is_internal(&self) -> bool {
        matches!(self, ServiceError::Store(_) | ServiceError::Internal)
    }
}
