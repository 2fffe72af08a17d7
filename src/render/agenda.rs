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
                    Some((_, n)) => case_item_line(lang, *n, i, style),
                    None => agenda_line(lang, i, style),
                }
            }));
            out.join("\n")
        }
        R::AgendaEdited {
            item,
            case_number: Some(n),
            ..
        } => format!(
            "{}\n{}",
            t!(
                lang,
                "minutes2-case-edited",
                case = crate::minutes::case_number(lang, *n)
            ),
            case_item_line(lang, *n, item, style)
        ),
        R::AgendaEdited { item, .. } => format!(
            "{}\n{}",
            t!(lang, "agenda-edited", id = item.id.0),
            agenda_line(lang, item, style)
        ),
        R::AgendaRemoved {
            item,
            case_number: Some(n),
            ..
        } => t!(
            lang,
            "minutes2-case-removed",
            case = crate::minutes::case_number(lang, *n),
            title = style.text(&item.title)
        ),
        R::AgendaRemoved { item, .. } => t!(
            lang,
            "agenda-removed",
            id = item.id.0,
            title = style.text(&item.title)
        ),
        R::AgendaMoved {
            item,
            meeting,
            case_number: Some(n),
            ..
        } => t!(
            lang,
            "minutes2-case-moved",
            case = crate::minutes::case_number(lang, *n),
            position = item.position,
            meeting = meeting_or_waiting(lang, tz, meeting.as_ref())
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

/// An item on a case list, named by its case number: `Sak 04/27 Title — status (meldt inn
/// av @user)`; a standing item (put there by sltbot) without a submitter.
fn case_item_line(
    lang: Lang,
    n: crate::domain::minutes::CaseNumber,
    i: &AgendaItem,
    style: Style,
) -> String {
    let case = crate::minutes::case_number(lang, n);
    let title = style.text(&i.title);
    let status = super::words::agenda_status(lang, i.status);
    if i.submitter == crate::service::record::STANDING_SUBMITTER {
        t!(
            lang,
            "minutes2-agenda-case-line-standing",
            case = case,
            title = title,
            status = status
        )
    } else {
        t!(
            lang,
            "minutes2-agenda-case-line",
            case = case,
            title = title,
            status = status,
            user = style.user(i.submitter)
        )
    }
}
