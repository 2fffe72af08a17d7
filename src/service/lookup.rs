//! Read-only look-ups for adapters: autocomplete suggestions (titles, not bare ids) and
//! the workspace language. Nothing here writes; a user only sees suggestions from groups
//! they may read (group names are public in the workspace, like `/group list`).

use super::{permissions, Actor, Relation, Service, ServiceError};
use crate::domain::{Group, GroupId, Lang, MeetingStatus, WorkspaceId};
use crate::i18n::format;
use crate::store;

/// What to suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suggest {
    Groups,
    /// Upcoming scheduled meetings.
    Meetings,
    /// Open agenda items.
    AgendaItems,
    /// Active actions.
    Actions,
}

/// One suggestion: the row id (the group id for groups) and a label for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub id: i64,
    pub label: String,
}

/// Discord shows at most 25 choices.
pub const MAX_SUGGESTIONS: usize = 25;

impl Service {
    /// The workspace's language, or the default for a workspace not seen yet.
    pub async fn workspace_language(&self, ws: WorkspaceId) -> Result<Lang, ServiceError> {
        let mut conn = self.store.conn().await?;
        Ok(store::workspaces::get(&mut conn, ws)
            .await?
            .map(|w| w.language)
            .unwrap_or(self.defaults.language))
    }

    /// The name of a group of this workspace (adapters keep ids in buttons and modals).
    pub async fn group_name(
        &self,
        ws: WorkspaceId,
        id: GroupId,
    ) -> Result<Option<String>, ServiceError> {
        let mut conn = self.store.conn().await?;
        Ok(store::groups::get(&mut conn, id)
            .await?
            .filter(|g| g.workspace == ws)
            .map(|g| g.name))
    }

    /// Suggestions matching `partial` (case-insensitive substring), for `actor`. With
    /// `group`, only that group's rows (if it names one); items, actions and meetings only
    /// from groups the actor is a member of.
    pub async fn suggest(
        &self,
        actor: &Actor,
        ws: WorkspaceId,
        what: Suggest,
        group: Option<&str>,
        partial: &str,
    ) -> Result<Vec<Suggestion>, ServiceError> {
        let mut tx = self.store.read().await?;
        let Some(workspace) = store::workspaces::get(&mut tx, ws).await? else {
            return Ok(Vec::new());
        };
        let needle = partial.trim().to_lowercase();
        let matches = |s: &str| needle.is_empty() || s.to_lowercase().contains(&needle);
        let mut groups: Vec<Group> = store::groups::list(&mut tx, ws, false).await?;
        if what == Suggest::Groups {
            return Ok(groups
                .into_iter()
                .filter(|g| matches(&g.name))
                .take(MAX_SUGGESTIONS)
                .map(|g| Suggestion {
                    id: g.id.0,
                    label: g.name,
                })
                .collect());
        }
        if let Some(name) = group.map(Group::name_key).filter(|n| !n.is_empty()) {
            if groups.iter().any(|g| Group::name_key(&g.name) == name) {
                groups.retain(|g| Group::name_key(&g.name) == name);
            }
        }
        groups.retain(|g| permissions::relation(actor, &workspace, g) >= Relation::Member);
        let now = self.clock.now();
        let mut out = Vec::new();
        for g in &groups {
            let rows: Vec<(i64, String)> = match what {
                Suggest::Groups => Vec::new(),
                Suggest::Meetings => {
                    let lang = actor.lang_in(g.effective_language(&workspace));
                    let tz = g.effective_timezone(&workspace);
                    store::meetings::list_from(&mut tx, g.id, now, 50)
                        .await?
                        .into_iter()
                        .filter(|m| m.status == MeetingStatus::Scheduled)
                        .map(|m| {
                            let when = format::datetime(lang, m.starts_at, tz);
                            let label = match &m.title {
                                Some(t) => format!("{when} {t}"),
                                None => when,
                            };
                            (m.id.0, label)
                        })
                        .collect()
                }
                Suggest::AgendaItems => {
                    store::lookup::open_agenda_items(&mut tx, g.id, 200).await?
                }
                Suggest::Actions => store::lookup::active_actions(&mut tx, g.id, 200).await?,
            };
            for (id, title) in rows {
                if matches(&title) || needle == id.to_string() {
                    out.push(Suggestion {
                        id,
                        label: format!("#{id} {title} ({})", g.name),
                    });
                    if out.len() == MAX_SUGGESTIONS {
                        return Ok(out);
                    }
                }
            }
        }
        Ok(out)
    }
}
