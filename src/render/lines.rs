//! The lines replies are made of: a meeting, an item, an action and its history, a group's
//! details, a cadence in words.

use super::*;

/// A stored cadence as people say it (the stored text itself if it does not parse, which a
/// stored cadence always does).
pub(super) fn cadence_words(lang: Lang, tz: Tz, stored: &str, style: Style) -> String {
    crate::i18n::cadence::describe_stored(lang, stored, tz)
        .unwrap_or_else(|| style.text(&stored.replace('\n', " ")))
}

/// The exact rule, for replies that asked for it (`show_rule`).
pub(super) fn rule_line(lang: Lang, stored: &str, style: Style) -> String {
    t!(
        lang,
        "schedule-rule",
        rule = style.text(&stored.replace('\n', " "))
    )
}

pub(super) fn when(lang: Lang, tz: Tz, m: &Meeting) -> String {
    format::datetime(lang, m.starts_at, tz)
}

pub(super) fn meeting_or_waiting(lang: Lang, tz: Tz, m: Option<&Meeting>) -> String {
    match m {
        Some(m) => t!(lang, "meeting-ref", when = when(lang, tz, m), id = m.id.0),
        None => t!(lang, "meeting-ref-waiting"),
    }
}

pub(super) fn meeting_line(lang: Lang, tz: Tz, m: &Meeting, style: Style) -> String {
    let (when, status) = (when(lang, tz, m), meeting_status(lang, m.status));
    match m.title.as_deref() {
        Some(title) => t!(
            lang,
            "meeting-line",
            id = m.id.0,
            when = when,
            title = style.text(title),
            status = status
        ),
        None => t!(
            lang,
            "meeting-line-untitled",
            id = m.id.0,
            when = when,
            status = status
        ),
    }
}

pub(super) fn agenda_line(lang: Lang, item: &AgendaItem, style: Style) -> String {
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

pub(super) fn action_line(lang: Lang, a: &Action, style: Style) -> String {
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
pub(super) fn numbered_updates<'a>(
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
pub(super) fn update_line(
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

pub(super) fn group_summary(lang: Lang, g: &Group, style: Style) -> String {
    let none = t!(lang, "value-none");
    let details = t!(
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
    );
    match g.referent_role {
        Some(r) => format!(
            "{details}\n{}",
            t!(lang, "minutes2-group-referent-role", role = style.role(r))
        ),
        None => details,
    }
}
