use super::{commit, echo, parse_tz, Ctx, GroupName, Reply, Service, ServiceError};
use crate::domain::text::Field;
use crate::domain::{ChannelId, Group, Lang, RoleId, SltLevel};
use crate::store::{self, groups::NewGroup};

impl Service {
    /// Let the weekly digest show the group's item and action titles (`titles:yes`), or
    /// only its meeting times and counts (the default).
    pub(super) async fn group_digest(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
        titles: bool,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &group, false).await?;
        ctx.enter(&group)?;
        if group.digest_titles == titles {
            return Err(ServiceError::NothingToChange);
        }
        let mut edited = group.clone();
        edited.digest_titles = titles;
        if !store::groups::update(&mut tx, &edited, ctx.now).await? {
            return Err(ServiceError::EditConflict);
        }
        edited.version += 1;
        let what = |g: &Group| serde_json::json!({ "digest_titles": g.digest_titles });
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "group", Some(group.id.0)),
            Some(&what(&group)),
            Some(&what(&edited)),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::GroupEdited(edited))
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) async fn group_create(
        &self,
        ctx: &mut Ctx<'_>,
        name: String,
        level: SltLevel,
        channel: Option<ChannelId>,
        coordinator_role: Option<RoleId>,
        member_role: Option<RoleId>,
        timezone: Option<String>,
        language: Option<Lang>,
    ) -> Result<Reply, ServiceError> {
        let name = ctx.required(Field::Name, &name)?;
        let timezone = timezone.as_deref().map(parse_tz).transpose()?;
        let mut tx = self.store.write().await?;
        super::check_limit(
            super::Limit::GroupsPerWorkspace,
            store::groups::count(&mut tx, ctx.ws.id).await?,
        )?;
        if let Some(existing) = store::groups::by_name(&mut tx, ctx.ws.id, &name).await? {
            return Err(ServiceError::DuplicateGroupName {
                name: existing.name,
            });
        }
        let new = NewGroup {
            workspace: ctx.ws.id,
            name: &name,
            level,
            channel,
            coordinator_role,
            member_role,
            timezone,
            language,
        };
        let group = match store::groups::insert(&mut tx, &new, ctx.now).await {
            Err(e) if e.is_unique_violation() => {
                return Err(ServiceError::DuplicateGroupName { name: echo(&name) })
            }
            other => other?,
        };
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "group", Some(group.id.0)),
            None::<&Group>,
            Some(&group),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        ctx.enter_group(&group);
        Ok(Reply::GroupCreated(group))
    }

    pub(super) async fn group_list(
        &self,
        ctx: &mut Ctx<'_>,
        archived: Option<bool>,
    ) -> Result<Reply, ServiceError> {
        let include_archived = archived.unwrap_or(false);
        let mut conn = self.store.conn().await?;
        let groups = store::groups::list(&mut conn, ctx.ws.id, include_archived).await?;
        Ok(Reply::GroupList(groups))
    }

    pub(super) async fn group_show(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let group = self.find_group(&mut tx, ctx, &group, true).await?;
        ctx.enter(&group)?;
        let next_meeting = store::meetings::next_scheduled(&mut tx, group.id, ctx.now).await?;
        let open_items = store::agenda::count_open(&mut tx, group.id).await?;
        let active_actions = store::actions::count_active(&mut tx, group.id).await?;
        Ok(Reply::GroupShown {
            group,
            next_meeting,
            open_items,
            active_actions,
        })
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) async fn group_edit(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
        name: Option<String>,
        level: Option<SltLevel>,
        channel: Option<ChannelId>,
        coordinator_role: Option<RoleId>,
        member_role: Option<RoleId>,
        timezone: Option<String>,
        language: Option<Lang>,
        referent_role: Option<RoleId>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &group, false).await?;
        ctx.enter(&group)?;
        let mut edited = group.clone();
        if let Some(n) = name.as_deref() {
            edited.name = ctx.required(Field::Name, n)?;
        }
        if let Some(l) = level {
            edited.level = l;
        }
        if let Some(tz) = timezone.as_deref() {
            edited.timezone = Some(parse_tz(tz)?);
        }
        if let Some(l) = language {
            edited.language = Some(l);
        }
        edited.channel = channel.or(edited.channel);
        edited.coordinator_role = coordinator_role.or(edited.coordinator_role);
        edited.member_role = member_role.or(edited.member_role);
        edited.referent_role = referent_role.or(edited.referent_role);
        if edited == group {
            return Err(ServiceError::NothingToChange);
        }
        if Group::name_key(&edited.name) != Group::name_key(&group.name) {
            if let Some(other) = store::groups::by_name(&mut tx, ctx.ws.id, &edited.name).await? {
                return Err(ServiceError::DuplicateGroupName { name: other.name });
            }
        }
        match store::groups::update(&mut tx, &edited, ctx.now).await {
            Ok(true) => {}
            Ok(false) => return Err(ServiceError::EditConflict),
            Err(e) if e.is_unique_violation() => {
                return Err(ServiceError::DuplicateGroupName { name: edited.name })
            }
            Err(e) => return Err(e.into()),
        }
        edited.version += 1;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "group", Some(group.id.0)),
            Some(&group),
            Some(&edited),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        ctx.enter_group(&edited);
        Ok(Reply::GroupEdited(edited))
    }

    pub(super) async fn group_archive(
        &self,
        ctx: &mut Ctx<'_>,
        name: GroupName,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &name, false).await?;
        ctx.enter(&group)?;
        let mut archived = group.clone();
        archived.archived_at = Some(ctx.now);
        if !store::groups::update(&mut tx, &archived, ctx.now).await? {
            return Err(ServiceError::EditConflict);
        }
        archived.version += 1;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "group", Some(group.id.0)),
            Some(&group),
            Some(&archived),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::GroupArchived(archived))
    }
}
