//! Replies about agenda items.

use super::*;

/// The text of an agenda reply.
pub(super) fn reply(lang: Lang, tz: Tz, reply: &Reply, style: Style) -> String {
    use Reply as R;
    let _ = tz;
    let name = |g: &Group| style.bold(&style.text(&g.name));
    let _ = &name;
    match reply {
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
            case_numbers,
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
            out.extend(items.iter().map(|i| {
                match case_numbers.iter().find(|(id, _)| *id == i.id) {
                    // On a case list: named by its case number, not its position or id.
                    // A standing item was put there by sltbot, not by a member.
                    Some((_, n)) if i.submitter == crate::service::record::STANDING_SUBMITTER => {
                        t!(
                            lang,
                            "minutes2-agenda-case-line-standing",
                            case = crate::minutes::case_number(lang, *n),
                            title = style.text(&i.title),
                            status = super::words::agenda_status(lang, i.status)
                        )
                    }
                    Some((_, n)) => t!(
                        lang,
                        "minutes2-agenda-case-line",
                        case = crate::minutes::case_number(lang, *n),
                        title = style.text(&i.title),
                        status = super::words::agenda_status(lang, i.status),
                        user = style.user(i.submitter)
                    ),
                    None => agenda_line(lang, i, style),
                }
            }));
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
        // Routed elsewhere by `render::reply`.
        _ => String::new(),
    }
}
