//! Turning replies and errors into text in the user's language. Pure: data in, text out.
//! The console prints plain text; Discord gets Markdown with user text escaped so it
//! can neither break the bot's formatting nor look like a mention.

use crate::domain::text::{Field, TextError};
use crate::domain::{
    Action, ActionStatus, ActionUpdate, AgendaItem, AgendaStatus, Group, Lang, Meeting,
    MeetingStatus, SltLevel, UserId,
};
use crate::i18n::format;
use crate::service::error::Fault;
use crate::service::{Reply, Response, ServiceError};
use crate::t;
use chrono_tz::Tz;

pub use crate::style::Style;

impl Style {
    pub fn user(self, id: UserId) -> String {
        match self {
            // The console takes users as `<@id>` too.
            Style::Plain | Style::Discord => format!("<@{id}>"),
            Style::Document(lang) => t!(lang, "export-user", id = id.0),
        }
    }

    /// Roles and channels as typed (`<@&id>`, `<#id>`) in every style.
    pub fn role(self, id: crate::domain::RoleId) -> String {
        format!("<@&{id}>")
    }

    pub fn channel(self, id: crate::domain::ChannelId) -> String {
        format!("<#{id}>")
    }

    /// User-supplied text, made inert.
    pub fn text(self, s: &str) -> String {
        match self {
            Style::Plain => s.to_string(),
            Style::Discord | Style::Document(_) => escape_markdown(s),
        }
    }

    pub fn bold(self, s: &str) -> String {
        match self {
            Style::Plain => s.to_string(),
            Style::Discord | Style::Document(_) => format!("**{s}**"),
        }
    }
}

/// Escape Discord Markdown and neutralise mentions in user text: `*_~\`|>#-[]()\\` get
/// a backslash, `<` too (so `<@&123>` shows as text), and `@everyone`/`@here` get a
/// zero-width space after the `@`.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '-' | '[' | ']' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200B}"),
            _ => out.push(c),
        }
    }
    out
}

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

fn field(lang: Lang, f: Field) -> String {
    t!(lang, f.fluent_key())
}

/// What an audit row did, in words (`la til sak`), never the stored code.
fn audit_action(lang: Lang, code: &str) -> String {
    match crate::domain::AuditAction::from_code(code) {
        Some(a) => t!(lang, &a.fluent_id()),
        None => t!(lang, "audit-unknown"),
    }
}

/// What an audit row was about (`sak 3`), or nothing for the workspace itself.
fn audit_target(lang: Lang, entity: &str, id: Option<i64>) -> String {
    let key = match entity {
        "group" => "audit-entity-group",
        "meeting" => "audit-entity-meeting",
        "agenda_item" => "audit-entity-agenda-item",
        "action" => "audit-entity-action",
        "series" => "audit-entity-series",
        _ => return String::new(),
    };
    match id {
        Some(id) => t!(lang, key, id = id),
        None => String::new(),
    }
}

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

/// Render a whole response.
pub fn response(r: &Response, style: Style) -> String {
    match &r.outcome {
        Ok(reply) => {
            let mut out = self::reply(r.lang, r.tz, reply, style);
            let mut seen = Vec::new();
            for w in &r.privacy_warnings {
                let key = w.fluent_key();
                if !seen.contains(&key) {
                    seen.push(key);
                    out.push('\n');
                    out.push_str(&t!(r.lang, key));
                }
            }
            if !seen.is_empty() {
                out.push(' ');
                out.push_str(&t!(r.lang, "privacy-anonymise-hint"));
            }
            out
        }
        Err(e) => error(r.lang, e),
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
        E::Record(e) => crate::render_record::error(lang, e),
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

/// A stored cadence as people say it (the stored text itself if it does not parse, which a
/// stored cadence always does).
fn cadence_words(lang: Lang, tz: Tz, stored: &str, style: Style) -> String {
    crate::i18n::cadence::describe_stored(lang, stored, tz)
        .unwrap_or_else(|| style.text(&stored.replace('\n', " ")))
}

/// The exact rule, for replies that asked for it (`show_rule`).
fn rule_line(lang: Lang, stored: &str, style: Style) -> String {
    t!(
        lang,
        "schedule-rule",
        rule = style.text(&stored.replace('\n', " "))
    )
}

fn when(lang: Lang, tz: Tz, m: &Meeting) -> String {
    format::datetime(lang, m.starts_at, tz)
}

fn meeting_or_waiting(lang: Lang, tz: Tz, m: Option<&Meeting>) -> String {
    match m {
        Some(m) => t!(lang, "meeting-ref", when = when(lang, tz, m), id = m.id.0),
        None => t!(lang, "meeting-ref-waiting"),
    }
}

fn meeting_line(lang: Lang, tz: Tz, m: &Meeting, style: Style) -> String {
    t!(
        lang,
        "meeting-line",
        id = m.id.0,
        when = when(lang, tz, m),
        title = m
            .title
            .as_deref()
            .map(|t| style.text(t))
            .unwrap_or_default(),
        status = meeting_status(lang, m.status)
    )
}

fn agenda_line(lang: Lang, item: &AgendaItem, style: Style) -> String {
    t!(
        lang,
        "agenda-line",
        position = item.position,
        title = style.text(&item.title),
        status = agenda_status(lang, item.status),
        id = item.id.0,
        user = style.user(item.submitter)
    )
}

fn action_line(lang: Lang, a: &Action, style: Style) -> String {
    let due = match a.due {
        Some(d) => format::date_short(lang, d),
        None => t!(lang, "action-no-due"),
    };
    t!(
        lang,
        "action-line",
        id = a.id.0,
        title = style.text(&a.title),
        owner = style.user(a.owner),
        status = action_status(lang, a.status),
        due = due
    )
}

/// An action's history, notes numbered as `/action note update:` counts them.
fn numbered_updates<'a>(
    lang: Lang,
    tz: Tz,
    updates: &'a [ActionUpdate],
    style: Style,
) -> impl Iterator<Item = String> + 'a {
    let mut notes = 0;
    updates.iter().map(move |u| {
        let number = u.note.as_ref().map(|_| {
            notes += 1;
            notes
        });
        update_line(lang, tz, u, number, style)
    })
}

/// One history entry. A note's continuation lines are indented, so a note can never look
/// like an entry of its own; `note_number` (its place among the action's notes) is what
/// `/action note update:` takes.
fn update_line(
    lang: Lang,
    tz: Tz,
    u: &ActionUpdate,
    note_number: Option<usize>,
    style: Style,
) -> String {
    let mut parts = Vec::new();
    if let (Some(from), Some(to)) = (u.from_status, u.to_status) {
        parts.push(t!(
            lang,
            "action-update-status",
            from = action_status(lang, from),
            to = action_status(lang, to)
        ));
    }
    if let Some(note) = &u.note {
        let text = style.text(note).replace('\n', "\n    ┆ ");
        parts.push(match note_number {
            Some(n) => t!(lang, "action-update-note", number = n, note = text),
            None => text,
        });
    }
    t!(
        lang,
        "action-update-line",
        when = format::datetime(lang, u.at, tz),
        user = style.user(u.actor),
        what = parts.join(" — ")
    )
}

fn group_summary(lang: Lang, g: &Group, style: Style) -> String {
    let none = t!(lang, "value-none");
    t!(
        lang,
        "group-details",
        level = level(lang, g.level),
        channel = g
            .channel
            .map(|c| style.channel(c))
            .unwrap_or_else(|| none.clone()),
        coordinators = g
            .coordinator_role
            .map(|r| style.role(r))
            .unwrap_or_else(|| none.clone()),
        members = g.member_role.map(|r| style.role(r)).unwrap_or(none)
    )
}

/// Render a successful reply.
pub fn reply(lang: Lang, tz: Tz, reply: &Reply, style: Style) -> String {
    use Reply as R;
    let name = |g: &Group| style.bold(&style.text(&g.name));
    match reply {
        R::Workspace(ws) | R::WorkspaceUpdated(ws) => {
            let none = t!(lang, "value-none");
            let head = if matches!(reply, R::WorkspaceUpdated(_)) {
                t!(lang, "workspace-updated")
            } else {
                t!(lang, "workspace-heading")
            };
            let body = t!(
                lang,
                "workspace-details",
                timezone = ws.timezone.name(),
                language = language_name(lang, ws.language),
                coordinators = ws
                    .coordinator_role
                    .map(|r| style.role(r))
                    .unwrap_or_else(|| none.clone()),
                digest = ws.digest_channel.map(|c| style.channel(c)).unwrap_or(none)
            );
            format!("{head}\n{body}")
        }
        R::GroupCreated(g) => format!(
            "{}\n{}",
            t!(lang, "group-created", name = name(g)),
            group_summary(lang, g, style)
        ),
        R::GroupEdited(g) => format!(
            "{}\n{}",
            t!(lang, "group-edited", name = name(g)),
            group_summary(lang, g, style)
        ),
        R::GroupArchived(g) => t!(lang, "group-archived", name = name(g)),
        R::GroupList(groups) if groups.is_empty() => t!(lang, "group-list-empty"),
        R::GroupList(groups) => {
            let mut out = vec![t!(lang, "group-list-heading")];
            for g in groups {
                let line = t!(
                    lang,
                    "group-list-line",
                    name = style.text(&g.name),
                    level = level(lang, g.level)
                );
                if g.is_archived() {
                    out.push(format!("{line} {}", t!(lang, "group-archived-mark")));
                } else {
                    out.push(line);
                }
            }
            out.join("\n")
        }
        R::GroupShown {
            group,
            next_meeting,
            open_items,
            active_actions,
        } => {
            let mut out = vec![name(group), group_summary(lang, group, style)];
            out.push(match next_meeting {
                Some(m) => t!(lang, "group-next-meeting", meeting = when(lang, tz, m)),
                None => t!(lang, "group-next-meeting-none"),
            });
            out.push(t!(
                lang,
                "group-counts",
                items = *open_items,
                actions = *active_actions
            ));
            out.join("\n")
        }
        R::MeetingAdded {
            group,
            meeting,
            attached,
        } => {
            let mut out = t!(
                lang,
                "meeting-added",
                group = name(group),
                when = when(lang, tz, meeting),
                id = meeting.id.0
            );
            if *attached > 0 {
                out.push('\n');
                out.push_str(&t!(lang, "meeting-attached", count = *attached));
            }
            out
        }
        R::MeetingList { group, meetings } if meetings.is_empty() => {
            t!(lang, "meeting-list-empty", group = name(group))
        }
        R::MeetingList { group, meetings } => {
            let mut out = vec![t!(lang, "meeting-list-heading", group = name(group))];
            for m in meetings {
                out.push(meeting_line(lang, tz, m, style));
            }
            out.join("\n")
        }
        R::MeetingCancelled {
            group: _,
            meeting,
            moved_to,
            moved,
        } => {
            let mut out = t!(
                lang,
                "meeting-cancelled",
                id = meeting.id.0,
                when = when(lang, tz, meeting)
            );
            if *moved > 0 {
                out.push('\n');
                out.push_str(&t!(
                    lang,
                    "meeting-items-moved",
                    count = *moved,
                    meeting = meeting_or_waiting(lang, tz, moved_to.as_ref())
                ));
            }
            out
        }
        R::AgendaAdded {
            group,
            item,
            meeting,
        } => t!(
            lang,
            "agenda-added",
            title = style.text(&item.title),
            group = name(group),
            meeting = meeting_or_waiting(lang, tz, meeting.as_ref()),
            id = item.id.0
        ),
        R::AgendaList {
            group,
            meeting,
            items,
        } => {
            let mut out = vec![t!(
                lang,
                "agenda-list-heading",
                group = name(group),
                meeting = meeting_or_waiting(lang, tz, meeting.as_ref())
            )];
            if items.is_empty() {
                out.push(t!(lang, "agenda-list-empty"));
            }
            out.extend(items.iter().map(|i| agenda_line(lang, i, style)));
            out.join("\n")
        }
        R::AgendaEdited { item, .. } => format!(
            "{}\n{}",
            t!(lang, "agenda-edited", id = item.id.0),
            agenda_line(lang, item, style)
        ),
        R::AgendaRemoved { item, .. } => t!(
            lang,
            "agenda-removed",
            id = item.id.0,
            title = style.text(&item.title)
        ),
        R::AgendaMoved { item, meeting, .. } => t!(
            lang,
            "agenda-moved",
            id = item.id.0,
            position = item.position,
            meeting = meeting_or_waiting(lang, tz, meeting.as_ref())
        ),
        R::ActionAdded { group, action } => format!(
            "{}\n{}",
            t!(lang, "action-added", id = action.id.0, group = name(group)),
            action_line(lang, action, style)
        ),
        R::ActionNoteEdited { action, number, .. } => {
            t!(
                lang,
                "action-note-edited",
                id = action.id.0,
                number = *number
            )
        }
        R::ActionUpdated { action, update, .. } => format!(
            "{}\n{}\n{}",
            t!(lang, "action-updated", id = action.id.0),
            action_line(lang, action, style),
            update_line(lang, tz, update, None, style)
        ),
        R::ActionList {
            groups,
            actions,
            overdue_only,
        } => {
            let heading = if *overdue_only {
                t!(lang, "action-list-heading-overdue")
            } else {
                t!(lang, "action-list-heading")
            };
            if actions.is_empty() {
                return format!("{heading}\n{}", t!(lang, "action-list-empty"));
            }
            let mut out = vec![heading];
            for g in groups {
                let mine: Vec<_> = actions.iter().filter(|a| a.group == g.id).collect();
                if mine.is_empty() {
                    continue;
                }
                if groups.len() > 1 {
                    out.push(name(g));
                }
                out.extend(mine.into_iter().map(|a| action_line(lang, a, style)));
            }
            out.join("\n")
        }
        R::MeetingScheduled { .. }
        | R::MeetingNext { .. }
        | R::MeetingMoved { .. }
        | R::GroupReminders { .. }
        | R::DigestSettings { .. } => schedule_reply(lang, tz, reply, style),
        R::Record(r) => crate::render_record::reply(lang, tz, r, style),
        R::ActionShown {
            group,
            action,
            updates,
        } => {
            let mut out = vec![
                t!(lang, "action-shown", id = action.id.0, group = name(group)),
                action_line(lang, action, style),
            ];
            if let Some(agency) = &action.agency {
                out.push(t!(lang, "action-agency", agency = style.text(agency)));
            }
            if updates.is_empty() {
                out.push(t!(lang, "action-no-updates"));
            } else {
                out.push(t!(lang, "action-history"));
                out.extend(numbered_updates(lang, tz, updates, style));
            }
            out.join("\n")
        }
        R::Audit { group, entries } => {
            let mut out = vec![t!(lang, "audit-heading", group = name(group))];
            if entries.is_empty() {
                out.push(t!(lang, "audit-empty"));
            }
            for e in entries {
                out.push(t!(
                    lang,
                    "audit-line",
                    when = format::datetime(lang, e.at, tz),
                    user = if e.actor.0 == 0 {
                        t!(lang, "audit-system")
                    } else {
                        style.user(e.actor)
                    },
                    action = audit_action(lang, &e.action),
                    target = audit_target(lang, &e.entity, e.entity_id)
                ));
            }
            out.join("\n")
        }
        R::Export(export) => t!(
            lang,
            "export-ready",
            group = name(&export.group),
            meetings = export.meetings.len(),
            items = export.agenda_items.len(),
            actions = export.actions.len()
        ),
        R::Calendar(cal) => t!(
            lang,
            "ics-ready",
            group = name(&cal.group),
            meetings = cal.meetings.len(),
            cancelled = cal.cancelled()
        ),
        R::GroupDeleted {
            name: group_name,
            meetings,
            agenda_items,
            actions,
        } => t!(
            lang,
            "group-deleted",
            name = style.bold(&style.text(group_name)),
            meetings = *meetings,
            items = *agenda_items,
            actions = *actions
        ),
    }
}

/// A group's export as a readable Markdown document in `lang` (the JSON export is the
/// same data serialized).
pub fn export_markdown(lang: Lang, tz: Tz, e: &crate::service::reply::GroupExport) -> String {
    let style = Style::Document(lang);
    let mut out = vec![
        format!(
            "# {}",
            t!(lang, "export-title", group = style.text(&e.group.name))
        ),
        t!(
            lang,
            "export-made",
            when = format::datetime(lang, e.exported_at, tz)
        ),
        String::new(),
        group_summary(lang, &e.group, style),
        String::new(),
        format!("## {}", t!(lang, "export-meetings")),
    ];
    for m in &e.meetings {
        let mut line = format!(
            "- {} — {}",
            when(lang, tz, m),
            meeting_status(lang, m.status)
        );
        if let Some(title) = &m.title {
            line.push_str(&format!(" — {}", style.text(title)));
        }
        if let Some(place) = &m.location {
            line.push_str(&format!(
                " — {}",
                t!(lang, "export-place", place = style.text(place))
            ));
        }
        out.push(line);
        for item in e.agenda_items.iter().filter(|i| i.meeting == Some(m.id)) {
            out.push(format!("  - {}", agenda_line(lang, item, style)));
            if let Some(d) = &item.details {
                out.push(format!("    > {}", style.text(d).replace('\n', "\n    > ")));
            }
        }
    }
    let waiting: Vec<_> = e
        .agenda_items
        .iter()
        .filter(|i| i.meeting.is_none())
        .collect();
    if !waiting.is_empty() {
        out.push(format!("- {}", t!(lang, "meeting-ref-waiting")));
        out.extend(
            waiting
                .iter()
                .map(|i| format!("  - {}", agenda_line(lang, i, style))),
        );
    }
    out.push(String::new());
    out.push(format!("## {}", t!(lang, "export-actions")));
    for a in &e.actions {
        let mut line = format!("- {}", action_line(lang, &a.action, style));
        if let Some(agency) = &a.action.agency {
            line.push_str(&format!(" ({})", style.text(agency)));
        }
        out.push(line);
        out.extend(
            a.updates
                .iter()
                .map(|u| format!("  {}", update_line(lang, tz, u, None, style))),
        );
    }
    out.push(String::new());
    out.push(t!(lang, "export-audit", count = e.audit_entries));
    out.join("\n")
}

/// Replies of the scheduling commands (`meeting schedule/next/move`, `group reminders`,
/// `digest`).
fn schedule_reply(lang: Lang, tz: Tz, reply: &Reply, style: Style) -> String {
    use crate::i18n::cadence::{duration, durations};
    use Reply as R;
    let name = |g: &Group| style.bold(&style.text(&g.name));
    let yes_no = |b: bool| {
        if b {
            t!(lang, "value-yes")
        } else {
            t!(lang, "value-no")
        }
    };
    match reply {
        R::MeetingScheduled {
            group,
            cadence,
            show_rule,
            skip_holidays,
            upcoming,
            attached,
        } => {
            let mut out = vec![
                t!(lang, "schedule-set", group = name(group)),
                t!(
                    lang,
                    "schedule-cadence",
                    cadence = cadence_words(lang, tz, cadence, style)
                ),
            ];
            if *show_rule {
                out.push(rule_line(lang, cadence, style));
            }
            out.extend([
                t!(
                    lang,
                    "schedule-skip-holidays",
                    value = yes_no(*skip_holidays)
                ),
                t!(lang, "schedule-upcoming"),
            ]);
            for m in upcoming {
                out.push(meeting_line(lang, tz, m, style));
            }
            if *attached > 0 {
                out.push(t!(lang, "meeting-attached", count = *attached));
            }
            out.join("\n")
        }
        R::MeetingNext {
            group,
            meeting: None,
            ..
        } => t!(lang, "schedule-next-none", group = name(group)),
        R::MeetingNext {
            group,
            meeting: Some(m),
            agenda_items,
        } => t!(
            lang,
            "schedule-next",
            group = name(group),
            when = when(lang, tz, m),
            id = m.id.0,
            items = *agenda_items
        ),
        R::MeetingMoved {
            group: _,
            meeting,
            from,
        } => t!(
            lang,
            "schedule-moved",
            id = meeting.id.0,
            from = crate::i18n::format::datetime(lang, *from, tz),
            when = when(lang, tz, meeting)
        ),
        R::GroupReminders { group, settings } => {
            let leads = if settings.leads.is_empty() {
                t!(lang, "value-none")
            } else {
                durations(lang, &settings.leads)
            };
            let deadline = settings
                .deadline
                .map(|d| duration(lang, d))
                .unwrap_or_else(|| t!(lang, "value-none"));
            t!(
                lang,
                "schedule-reminders",
                group = name(group),
                leads = leads,
                deadline = deadline,
                skip = yes_no(settings.skip_holidays)
            )
        }
        R::DigestSettings {
            channel,
            cadence,
            show_rule,
            next,
        } => {
            let mut out = t!(
                lang,
                "schedule-digest",
                channel = channel
                    .map(|c| style.channel(c))
                    .unwrap_or_else(|| t!(lang, "value-none")),
                cadence = cadence_words(lang, tz, cadence, style),
                next = next
                    .map(|n| crate::i18n::format::datetime(lang, n, tz))
                    .unwrap_or_else(|| t!(lang, "value-none"))
            );
            if *show_rule {
                out.push('\n');
                out.push_str(&rule_line(lang, cadence, style));
            }
            out
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_mentions_are_neutralised() {
        let s = escape_markdown("@everyone **fet** <@&123> @here");
        assert!(!s.contains("@everyone"));
        assert!(!s.contains("@here"));
        assert!(!s.contains("<@&"));
        assert!(s.contains("\\*\\*fet\\*\\*"));
    }
}
