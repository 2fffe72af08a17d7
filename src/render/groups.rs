//! Replies about the workspace and its groups.

use super::*;

/// The text of a workspace or group reply.
pub(super) fn reply(lang: Lang, tz: Tz, reply: &Reply, style: Style) -> String {
    use Reply as R;
    let _ = tz;
    let name = |g: &Group| style.bold(&style.text(&g.name));
    let _ = &name;
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
            municipalities,
        } => {
            let mut out = vec![name(group), group_summary(lang, group, style)];
            if !municipalities.is_empty() {
                out.push(crate::render::munis::municipalities_line(
                    lang,
                    municipalities,
                    style,
                ));
            }
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
        // Routed elsewhere by `render::reply`.
        _ => String::new(),
    }
}
