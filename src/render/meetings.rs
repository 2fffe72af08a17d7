//! Replies about one-off meetings: added, listed, cancelled.

use super::*;

/// The text of a meeting reply.
pub(super) fn reply(lang: Lang, tz: Tz, reply: &Reply, style: Style) -> String {
    use Reply as R;
    let _ = tz;
    let name = |g: &Group| style.bold(&style.text(&g.name));
    let _ = &name;
    match reply {
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
        // Routed elsewhere by `render::reply`.
        _ => String::new(),
    }
}
