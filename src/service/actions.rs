use super::spec::Position;
use super::{commit, echo, Ctx, GroupName, Need, Reply, Service, ServiceError};
use crate::domain::text::Field;
use crate::domain::{time, Action, ActionId, ActionStatus, ActionUpdate, Group, UserId};
use crate::service::permissions::{self, Relation};
use crate::store::{self, actions::NewAction};
use sqlx::SqliteConnection;

impl Service {
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn action_add(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
        title: String,
        owner: UserId,
        agency: Option<String>,
        due: Option<String>,
        case: Option<crate::domain::AgendaItemId>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &group, false).await?;
        ctx.enter(&group)?;
        if let Some(id) = case {
            // The case must be the group's own (another group's is "not found").
            let found = store::agenda::get(&mut tx, id).await?;
            if found.is_none_or(|i| i.group != group.id) {
                return Err(ServiceError::UnknownAgendaItem { id });
            }
        }
        super::check_limit(
            super::Limit::ActiveActionsPerGroup,
            store::actions::count_active(&mut tx, group.id).await? as i64,
        )?;
        let title = ctx.required(Field::Title, &title)?;
        let agency = ctx.optional(Field::Agency, agency.as_deref())?;
        let due = match due.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => {
                let date = time::parse_date_from(d, time::local_date(ctx.now, ctx.tz))
                    .ok_or_else(|| ServiceError::InvalidDate { input: echo(d) })?;
                if date < time::local_date(ctx.now, ctx.tz) {
                    return Err(ServiceError::DateInPast { input: echo(d) });
                }
                Some(date)
            }
        };
        let new = NewAction {
            group: group.id,
            title: &title,
            owner,
            agency: agency.as_deref(),
            due,
            created_by: ctx.actor.user,
        };
        let action = store::actions::insert(&mut tx, &new, ctx.now).await?;
        if let Some(id) = case {
            store::case_actions::link(&mut tx, action.id, id).await?;
        }
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "action", Some(action.id.0)),
            None::<&Action>,
            Some(&action),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::ActionAdded { group, action })
    }

    async fn action_for(
        &self,
        conn: &mut SqliteConnection,
        ctx: &mut Ctx<'_>,
        id: ActionId,
    ) -> Result<(Group, Action), ServiceError> {
        let unknown = || ServiceError::UnknownAction { id };
        let action = store::actions::get(conn, id).await?.ok_or_else(unknown)?;
        let group = self
            .group_by_id(conn, ctx, action.group)
            .await?
            .ok_or_else(unknown)?;
        ctx.enter_found(&group, unknown())?;
        Ok((group, action))
    }

    /// Rewrite progress note number `update` of action `id`: its author or the group's
    /// coordinators. The old text is gone: the audit row keeps who and when, not the text.
    pub(super) async fn action_note(
        &self,
        ctx: &mut Ctx<'_>,
        id: ActionId,
        update: Position,
        note: String,
    ) -> Result<Reply, ServiceError> {
        let note = ctx.required(Field::Note, &note)?;
        let mut tx = self.store.write().await?;
        let (group, action) = self.action_for(&mut tx, ctx, id).await?;
        let relation = ctx.relation_to(&group);
        let updates = store::actions::updates(&mut tx, id).await?;
        let notes: Vec<_> = updates.iter().filter(|u| u.note.is_some()).collect();
        let index = usize::try_from(update.0 - 1).unwrap_or(usize::MAX);
        let Some(&old) = notes.get(index) else {
            return Err(ServiceError::InvalidPosition {
                max: notes.len() as i64,
            });
        };
        if old.actor != ctx.actor.user {
            ctx.require(Need::Coordinator, relation)?;
        }
        if old.note.as_deref() == Some(note.as_str()) {
            return Err(ServiceError::NothingToChange);
        }
        store::actions::set_note(&mut tx, old.id, &note).await?;
        let edited = ActionUpdate {
            note: Some(note),
            ..old.clone()
        };
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "action", Some(id.0)),
            Some(old),
            Some(&edited),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::ActionNoteEdited {
            group,
            action,
            number: update.0,
        })
    }

    pub(super) async fn action_update(
        &self,
        ctx: &mut Ctx<'_>,
        id: ActionId,
        status: Option<ActionStatus>,
        note: Option<String>,
    ) -> Result<Reply, ServiceError> {
        let note = ctx.optional(Field::Note, note.as_deref())?;
        let mut tx = self.store.write().await?;
        let (group, action) = self.action_for(&mut tx, ctx, id).await?;
        if group.is_archived() {
            return Err(ServiceError::GroupArchived { name: group.name });
        }
        let status = status.filter(|s| *s != action.status);
        if status.is_none() && note.is_none() {
            return Err(ServiceError::NothingToChange);
        }
        let mut updated = action.clone();
        if let Some(s) = status {
            updated.status = s;
            if !store::actions::update(&mut tx, &updated, ctx.now).await? {
                return Err(ServiceError::EditConflict);
            }
            updated.version += 1;
            updated.updated_at = ctx.now;
        }
        let update = store::actions::add_update(
            &mut tx,
            id,
            ctx.actor.user,
            status.map(|_| action.status),
            status,
            note.as_deref(),
            ctx.now,
        )
        .await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "action", Some(id.0)),
            Some(&action),
            Some(&update),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::ActionUpdated {
            group,
            action: updated,
            update,
        })
    }

    pub(super) async fn action_list(
        &self,
        ctx: &mut Ctx<'_>,
        group: Option<GroupName>,
        owner: Option<UserId>,
        status: Option<ActionStatus>,
        overdue: Option<bool>,
    ) -> Result<Reply, ServiceError> {
        let overdue = overdue.unwrap_or(false);
        let mut tx = self.store.read().await?;
        let groups = match group.as_deref() {
            Some(name) => {
                let g = self.find_group(&mut tx, ctx, name, true).await?;
                ctx.enter(&g)?;
                vec![g]
            }
            None => {
                // Across groups: only those the actor belongs to, shown only to them.
                ctx.visibility = super::Visibility::Ephemeral;
                store::groups::list(&mut tx, ctx.ws.id, false)
                    .await?
                    .into_iter()
                    .filter(|g| permissions::relation(ctx.actor, &ctx.ws, g) >= Relation::Member)
                    .collect()
            }
        };
        let filter = store::actions::Filter {
            groups: groups.iter().map(|g| g.id).collect(),
            owner,
            status,
            overdue_on: overdue.then(|| time::local_date(ctx.now, ctx.tz)),
            limit: 50,
        };
        let actions = store::actions::list(&mut tx, &filter).await?;
        Ok(Reply::ActionList {
            groups,
            actions,
            overdue_only: overdue,
        })
    }

    pub(super) async fn action_show(
        &self,
        ctx: &mut Ctx<'_>,
        id: ActionId,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let (group, action) = self.action_for(&mut tx, ctx, id).await?;
        let updates = store::actions::updates(&mut tx, id).await?;
        Ok(Reply::ActionShown {
            group,
            action,
            updates,
        })
    }
}
