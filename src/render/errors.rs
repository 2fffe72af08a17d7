//! The text of what went wrong: options that could not be read, refusals, faults,
//! cadences not understood.

use super::*;

/// An option that could not be read, named as the user sees it (`label`: `owner:` on the
/// console, the localized option name on Discord). Never echoes the value.
pub fn option_error(lang: Lang, e: &crate::service::OptionError, label: &str) -> String {
    use crate::service::spec::Problem as P;
    match &e.problem {
        P::Missing => t!(lang, "option-missing", option = label),
        P::NotANumber => t!(lang, "option-not-number", option = label),
        P::TooSmall { min } => t!(lang, "option-too-small", option = label, min = *min),
        P::NotAUser => t!(lang, "option-not-user", option = label),
        P::NotARole => t!(lang, "option-not-role", option = label),
        P::NotAChannel => t!(lang, "option-not-channel", option = label),
        P::NotYesNo => t!(lang, "option-not-yes-no", option = label),
        P::NotAChoice { kind } => {
            let valid = kind
                .choice_ids()
                .iter()
                .map(|id| t!(lang, id))
                .collect::<Vec<_>>()
                .join(", ");
            t!(lang, "option-not-choice", option = label, valid = valid)
        }
    }
}

/// The text of an error. User input echoed here was already made safe by the service.
pub fn error(lang: Lang, e: &ServiceError) -> String {
    use ServiceError as E;
    match e {
        E::Forbidden(need) => t!(lang, "error-forbidden", need = t!(lang, need.fluent_key())),
        E::UnknownGroup { name } => t!(lang, "error-unknown-group", name = name.as_str()),
        E::GroupArchived { name } => t!(lang, "error-group-archived", name = name.as_str()),
        E::UnknownMeeting { id } => t!(lang, "error-unknown-meeting", id = id.0),
        E::UnknownAgendaItem { id } => t!(lang, "error-unknown-agenda-item", id = id.0),
        E::UnknownAction { id } => t!(lang, "error-unknown-action", id = id.0),
        E::Text(TextError::Empty { field: f }) => {
            t!(lang, "error-text-empty", field = field(lang, *f))
        }
        E::Text(TextError::TooLong { field: f, max, len }) => t!(
            lang,
            "error-text-too-long",
            field = field(lang, *f),
            max = *max,
            len = *len
        ),
        E::Text(TextError::ControlCharacter { field: f }) => {
            t!(lang, "error-text-control", field = field(lang, *f))
        }
        E::Text(TextError::PersonalData { field: f, kind }) => format!(
            "{} {}",
            t!(
                lang,
                "privacy-refused-national-id",
                field = field(lang, *f),
                kind = t!(lang, kind.fluent_key())
            ),
            t!(lang, "privacy-anonymise-hint")
        ),
        E::InvalidDate { input } => t!(lang, "error-invalid-date", input = input.as_str()),
        E::InvalidYear { input } => t!(lang, "cli-bad-year", input = input.as_str()),
        E::InvalidDateTime { input } => {
            t!(lang, "error-invalid-datetime", input = input.as_str())
        }
        E::DateInPast { input } => t!(lang, "error-date-in-past", input = input.as_str()),
        E::DuplicateGroupName { name } => {
            t!(lang, "error-duplicate-group", name = name.as_str())
        }
        E::DuplicateAgendaItem { existing } => {
            t!(lang, "error-duplicate-agenda-item", id = existing.0)
        }
        E::InvalidTimezone { input } => {
            t!(lang, "error-invalid-timezone", input = input.as_str())
        }
        E::MeetingClosed { id } => t!(lang, "error-meeting-closed", id = id.0),
        E::MeetingNotScheduled { id } => t!(lang, "error-meeting-not-scheduled", id = id.0),
        E::ItemClosed { id, status } => t!(
            lang,
            "error-item-closed",
            id = id.0,
            status = agenda_status(lang, *status)
        ),
        E::NotYourItem { id } => t!(lang, "error-not-your-item", id = id.0),
        E::StatusNeedsCoordinator { status } => t!(
            lang,
            "error-status-needs-coordinator",
            status = agenda_status(lang, *status)
        ),
        E::NothingToChange => t!(lang, "error-nothing-to-change"),
        E::InvalidPosition { max } => t!(lang, "error-invalid-position", max = *max),
        E::EditConflict => t!(lang, "error-edit-conflict"),
        E::ConfirmationRequired { name } => {
            t!(lang, "error-confirmation-required", name = name.as_str())
        }
        E::LimitReached { limit, max } => t!(lang, limit.fluent_key(), max = *max),
        E::InvalidCadence(c) => cadence_error(lang, c),
        E::CadenceTooFrequent => t!(lang, "error-cadence-too-frequent"),
        E::InvalidLeads { input } => t!(lang, "error-invalid-leads", input = input.as_str()),
        E::InvalidDuration { input } => {
            t!(lang, "error-invalid-duration", input = input.as_str())
        }
        E::Record(e) => crate::render::record::error(lang, e),
        E::Munis(e) => crate::render::munis::error(lang, e),
        E::Notice(e) => crate::render::notice::error(lang, e),
        E::Order(e) => crate::render::orders::error(lang, e),
        E::Followup(e) => crate::render::followup::error(lang, e),
        E::Store(_) | E::Internal => match e.fault() {
            Some(Fault::ReadOnly) => t!(lang, "error-read-only"),
            Some(Fault::Locked) => t!(lang, "error-locked"),
            _ => t!(lang, "error-internal"),
        },
    }
}

/// Why a cadence was not understood, in the user's language. Echoed input is made safe
/// (one short line, never an identity number).
pub fn cadence_error(lang: Lang, e: &crate::domain::cadence::CadenceError) -> String {
    crate::i18n::cadence::error(lang, e)
}
