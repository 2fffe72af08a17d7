//! Status words in SQL come from the domain types, never from literals repeated in the
//! queries. A query names a set (`{open_items}`, `{active_actions}` …) in its text; [`sql`]
//! fills in the words the domain defines — `AgendaStatus::is_open`, `ActionStatus::is_active`
//! and so on — once per query text per process. Only these fixed domain words are ever
//! spliced into SQL; every value a user gives is a bound parameter.

use crate::domain::{ActionStatus, AgendaStatus, MeetingStatus};
use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

/// `('a', 'b')` for a set of words.
fn list<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = words.map(|w| format!("'{w}'")).collect();
    format!("({})", quoted.join(", "))
}

/// The sets a query may name, and their words.
static SETS: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    let items = AgendaStatus::ALL;
    let actions = ActionStatus::ALL;
    let meetings = [
        MeetingStatus::Scheduled,
        MeetingStatus::Cancelled,
        MeetingStatus::Held,
    ];
    vec![
        (
            "{open_items}",
            list(items.iter().filter(|s| s.is_open()).map(|s| s.as_str())),
        ),
        (
            "{finished_items}",
            list(items.iter().filter(|s| !s.is_open()).map(|s| s.as_str())),
        ),
        (
            "{active_actions}",
            list(actions.iter().filter(|s| s.is_active()).map(|s| s.as_str())),
        ),
        (
            "{finished_actions}",
            list(
                actions
                    .iter()
                    .filter(|s| !s.is_active())
                    .map(|s| s.as_str()),
            ),
        ),
        (
            "{closed_meetings}",
            list(
                meetings
                    .iter()
                    .filter(|s| **s != MeetingStatus::Scheduled)
                    .map(|s| s.as_str()),
            ),
        ),
        (
            "{scheduled}",
            format!("'{}'", MeetingStatus::Scheduled.as_str()),
        ),
        ("{held}", format!("'{}'", MeetingStatus::Held.as_str())),
        (
            "{cancelled}",
            format!("'{}'", MeetingStatus::Cancelled.as_str()),
        ),
        (
            "{withdrawn}",
            format!("'{}'", AgendaStatus::Withdrawn.as_str()),
        ),
        (
            "{action_open}",
            format!("'{}'", ActionStatus::Open.as_str()),
        ),
    ]
});

static CACHE: LazyLock<RwLock<HashMap<&'static str, &'static str>>> =
    LazyLock::new(|| RwLock::new(HashMap::new()));

/// `template` with its named sets filled in. The result is made once per template (the
/// templates are the fixed query texts of this crate, so the memory is bounded) and kept,
/// so the SQLite statement cache sees one text per query.
pub fn sql(template: &'static str) -> &'static str {
    if let Some(done) = CACHE.read().ok().and_then(|c| c.get(template).copied()) {
        return done;
    }
    let mut text = template.to_string();
    for (name, words) in SETS.iter() {
        text = text.replace(name, words);
    }
    debug_assert!(!text.contains("{"), "unknown set in: {template}");
    let done: &'static str = Box::leak(text.into_boxed_str());
    if let Ok(mut c) = CACHE.write() {
        c.entry(template).or_insert(done);
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_are_the_domains_words() {
        assert_eq!(
            sql("status IN {open_items}"),
            "status IN ('proposed', 'on_agenda')"
        );
        assert_eq!(
            sql("status IN {active_actions} AND x = {scheduled}"),
            "status IN ('open', 'in_progress', 'blocked') AND x = 'scheduled'"
        );
        assert_eq!(
            sql("{finished_items}"),
            "('handled', 'carried_over', 'withdrawn')"
        );
        assert_eq!(sql("{finished_actions}"), "('done', 'cancelled')");
        assert_eq!(sql("{closed_meetings}"), "('cancelled', 'held')");
        // Made once: the same text each time.
        assert!(std::ptr::eq(sql("{held}"), sql("{held}")));
    }

    /// No store query spells a status word itself.
    #[test]
    fn no_status_literal_in_store_queries() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store");
        let words: Vec<String> = AgendaStatus::ALL
            .iter()
            .map(|s| s.as_str())
            .chain(ActionStatus::ALL.iter().map(|s| s.as_str()))
            .chain(["scheduled", "cancelled", "held"])
            .map(|w| format!("'{w}'"))
            .collect();
        for entry in std::fs::read_dir(dir).expect("src/store") {
            let path = entry.expect("entry").path();
            if path.file_name().is_some_and(|n| n == "words.rs") {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap_or_default();
            for w in &words {
                assert!(!src.contains(w.as_str()), "{} spells {w}", path.display());
            }
        }
    }
}
