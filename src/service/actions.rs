use super::{commit, echo, ActionQuery, Ctx, Need, Reply, Service, ServiceError};
use crate::domain::text::Field;
use crate::domain::{time, Action, ActionId, ActionStatus, Group, UserId};
use crate::service::permissions::{self, Relation};
use crate::store::{self, actions::NewAction};
use sqlx::SqliteConnection;

fn parse_status(input: &str) -> Result<ActionStatus, ServiceError> {
    input
        .parse()
        .map_err(|_| ServiceError::InvalidActionStatus { input: echo(input) })
}

impl Service {
    pub(super) async fn action_add(
        &self,
        ctx: &mut Ctx<'_>,
        group: &str,
        title: &str,
        owner: UserId,
        agency: Option<&str>,
        due: Option<&str>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, group, false).await?;
        ctx.authorize(&group, Need::Coordinator)?;
        super::check_limit(
            super::Limit::ActiveActionsPerGroup,
            store::actions::count_active(&mut tx, group.id).await? as i64,
        )?;
        let title = ctx.required(Field::Title, title)?;
        let agency = ctx.optional(Field::Agency, agency)?;
        let due = match due.map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => {
                let date = time::parse_date(d)
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
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "action.add", "action", Some(action.id.0)),
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
        ctx.authorize(&group, Need::Member)?;
        Ok((group, action))
    }

    pub(super) async fn action_update(
        &self,
        ctx: &mut Ctx<'_>,
        id: ActionId,
        status: Option<&str>,
        note: Option<&str>,
    ) -> Result<Reply, ServiceError> {
        let status = status.map(parse_status).transpose()?;
        let note = ctx.optional(Field::Note, note)?;
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
            &ctx.audit(Some(&group), "action.update", "action", Some(id.0)),
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
        q: ActionQuery,
    ) -> Result<Reply, ServiceError> {
        let status = q.status.as_deref().map(parse_status).transpose()?;
        let mut tx = self.store.read().await?;
        let groups = match q.group.as_deref() {
            Some(name) => {
                let g = self.find_group(&mut tx, ctx, name, true).await?;
                ctx.authorize(&g, Need::Member)?;
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
            owner: q.owner,
            status,
            overdue_on: q.overdue.then(|| time::local_date(ctx.now, ctx.tz)),
            limit: 50,
        };
        let actions = store::actions::list(&mut tx, &filter).await?;
        Ok(Reply::ActionList {
            groups,
            actions,
            overdue_only: q.overdue,
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
