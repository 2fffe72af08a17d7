//! The words for the domain's values (levels, statuses, languages, fields) and for the
//! audit trail's actions, from the Fluent files.

use super::*;

pub fn level(lang: Lang, l: SltLevel) -> String {
    match l {
        SltLevel::Styrende => t!(lang, "level-styrende"),
        SltLevel::Koordinerende => t!(lang, "level-koordinerende"),
        SltLevel::Utforende => t!(lang, "level-utforende"),
        SltLevel::Annet => t!(lang, "level-annet"),
    }
}

pub fn agenda_status(lang: Lang, s: AgendaStatus) -> String {
    match s {
        AgendaStatus::Proposed => t!(lang, "agenda-status-proposed"),
        AgendaStatus::OnAgenda => t!(lang, "agenda-status-on-agenda"),
        AgendaStatus::Handled => t!(lang, "agenda-status-handled"),
        AgendaStatus::CarriedOver => t!(lang, "agenda-status-carried-over"),
        AgendaStatus::Withdrawn => t!(lang, "agenda-status-withdrawn"),
    }
}

pub fn action_status(lang: Lang, s: ActionStatus) -> String {
    match s {
        ActionStatus::Open => t!(lang, "action-status-open"),
        ActionStatus::InProgress => t!(lang, "action-status-in-progress"),
        ActionStatus::Blocked => t!(lang, "action-status-blocked"),
        ActionStatus::Done => t!(lang, "action-status-done"),
        ActionStatus::Cancelled => t!(lang, "action-status-cancelled"),
    }
}

pub fn meeting_status(lang: Lang, s: MeetingStatus) -> String {
    match s {
        MeetingStatus::Scheduled => t!(lang, "meeting-status-scheduled"),
        MeetingStatus::Cancelled => t!(lang, "meeting-status-cancelled"),
        MeetingStatus::Held => t!(lang, "meeting-status-held"),
    }
}

pub fn language_name(lang: Lang, l: Lang) -> String {
    match l {
        Lang::Nb => t!(lang, "lang-nb"),
        Lang::Nn => t!(lang, "lang-nn"),
        Lang::En => t!(lang, "lang-en"),
    }
}

pub(super) fn field(lang: Lang, f: Field) -> String {
    t!(lang, f.fluent_key())
}

/// What an audit row did, in words (`la til sak`), never the stored code.
pub(super) fn audit_action(lang: Lang, code: &str) -> String {
    match crate::domain::AuditAction::from_code(code) {
        Some(a) => t!(lang, &a.fluent_id()),
        None => t!(lang, "audit-unknown"),
    }
}

/// What an audit row was about (`sak 3`), or nothing for the workspace itself.
pub(super) fn audit_target(lang: Lang, entity: &str, id: Option<i64>) -> String {
    let key = match entity {
        "group" => "audit-entity-group",
        "meeting" => "audit-entity-meeting",
        "agenda_item" => "audit-entity-agenda-item",
        "action" => "audit-entity-action",
        "series" => "audit-entity-series",
        "order" => "audit-entity-order",
        _ => return String::new(),
    };
    match id {
        Some(id) => t!(lang, key, id = id),
        None => String::new(),
    }
}
