//! Replies of the scheduling commands: `meeting schedule/next/move`, `group reminders`,
//! `digest`.

use super::*;

/// Replies of the scheduling commands (`meeting schedule/next/move`, `group reminders`,
/// `digest`).
pub(super) fn reply(lang: Lang, tz: Tz, reply: &Reply, style: Style) -> String {
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
                t!(lang, "schedule-leads-none")
            } else {
                t!(
                    lang,
                    "schedule-leads",
                    leads = durations(lang, &settings.leads)
                )
            };
            let deadline = match settings.deadline {
                Some(d) => t!(lang, "schedule-deadline", deadline = duration(lang, d)),
                None => t!(lang, "schedule-deadline-none"),
            };
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
