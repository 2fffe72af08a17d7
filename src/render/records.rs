//! Replies about a group's records (audit trail, export, deletion) and the export's Markdown file.

use super::*;

/// The text of a records reply.
pub(super) fn reply(lang: Lang, tz: Tz, reply: &Reply, style: Style) -> String {
    use Reply as R;
    let _ = tz;
    let name = |g: &Group| style.bold(&style.text(&g.name));
    let _ = &name;
    match reply {
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
        // Routed elsewhere by `render::reply`.
        _ => String::new(),
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
    if !e.orders.is_empty() {
        out.push(String::new());
        out.push(format!("## {}", t!(lang, "minutes-orders")));
        for o in &e.orders {
            out.push(format!(
                "- {}",
                t!(
                    lang,
                    "order-line",
                    kind = o.kind.code(),
                    number = o.order.number.0,
                    title = style.text(&o.order.title),
                    from = style.text(&o.from_name),
                    to = style.text(&o.to_name),
                    status = t!(lang, o.order.status.message_id())
                )
            ));
            for ev in o.events.iter().filter_map(|ev| match ev.kind {
                crate::domain::order::EventKind::Answered(a) => Some((ev, a)),
                crate::domain::order::EventKind::Sent => None,
            }) {
                let (ev, a) = ev;
                out.push(format!(
                    "  {}",
                    t!(
                        lang,
                        "order-history-answered",
                        at = crate::i18n::format::datetime(lang, ev.at, tz),
                        who = style.user(ev.actor),
                        status = t!(lang, a.status().message_id()),
                        text = style.text(ev.text.as_deref().unwrap_or_default())
                    )
                ));
            }
        }
    }
    if !e.followup_rounds.is_empty() {
        out.push(String::new());
        out.push(format!("## {}", t!(lang, "followup-digest-heading")));
        for v in &e.followup_rounds {
            let Some(m) = v
                .round
                .as_ref()
                .and_then(|r| e.meetings.iter().find(|m| m.id == r.meeting))
            else {
                continue;
            };
            out.push(format!("- {}", when(lang, tz, m)));
            out.extend(crate::render::followup::summary(lang, tz, v, style, "  "));
        }
    }
    out.push(String::new());
    out.push(t!(lang, "export-audit", count = e.audit_entries));
    out.join("\n")
}
