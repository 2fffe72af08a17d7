//! Replies about actions and their progress.

use super::*;

/// The text of an action reply.
pub(super) fn reply(lang: Lang, tz: Tz, reply: &Reply, style: Style) -> String {
    use Reply as R;
    let _ = tz;
    let name = |g: &Group| style.bold(&style.text(&g.name));
    let _ = &name;
    match reply {
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
        // Routed elsewhere by `render::reply`.
        _ => String::new(),
    }
}
