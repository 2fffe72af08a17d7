use super::{
    commit, echo, parse_lang, parse_tz, Actor, Ctx, GroupFields, Need, Reply, Response, Service,
    ServiceError, Visibility,
};
use crate::domain::text::Field;
use crate::domain::{Group, SltLevel, WorkspaceId};
use crate::service::permissions::{self, Relation};
use crate::store::{self, groups::NewGroup};

fn parse_level(input: &str) -> Result<SltLevel, ServiceError> {
    input
        .parse()
        .map_err(|_| ServiceError::InvalidLevel { input: echo(input) })
}

impl Service {
    /// Let the weekly digest show `group`'s item and action titles (`on`), or only its
    /// meeting times and counts (the default). The group's coordinators decide; audited as
    /// `group.digest`. (A service function until a command option carries it.)
    pub async fn set_digest_titles(
        &self,
        actor: &Actor,
        ws: WorkspaceId,
        group: &str,
        on: bool,
    ) -> Response {
        let now = self.clock.now();
        let workspace = match self.workspace(ws, now).await {
            Ok(w) => w,
            Err(e) => {
                return Response {
                    lang: actor.lang_in(self.defaults.language),
                    tz: self.defaults.timezone,
                    visibility: Visibility::Ephemeral,
                    outcome: Err(e),
                    privacy_warnings: Vec::new(),
                }
            }
        };
        let mut ctx = Ctx {
            actor,
            lang: actor.lang_in(workspace.language),
            tz: workspace.timezone,
            visibility: Visibility::Public,
            ws: workspace,
            now,
            privacy_warnings: Vec::new(),
        };
        let outcome = self.digest_titles(&mut ctx, group, on).await;
        if let Err(e) = &outcome {
            if e.is_internal() {
                tracing::error!(error = %e, "setting the digest titles failed");
            }
        }
        Response {
            lang: ctx.lang,
            tz: ctx.tz,
            visibility: if outcome.is_ok() {
                ctx.visibility
            } else {
                Visibility::Ephemeral
            },
            outcome,
            privacy_warnings: Vec::new(),
        }
    }

    async fn digest_titles(
        &self,
        ctx: &mut Ctx<'_>,
        name: &str,
        on: bool,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, name, false).await?;
        ctx.authorize(&group, Need::Coordinator)?;
        if group.digest_titles == on {
            return Err(ServiceError::NothingToChange);
        }
        let mut edited = group.clone();
        edited.digest_titles = on;
        if !store::groups::update(&mut tx, &edited, ctx.now).await? {
            return Err(ServiceError::EditConflict);
        }
        edited.version += 1;
        let what = |g: &Group| serde_json::json!({ "digest_titles": g.digest_titles });
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "group.digest", "group", Some(group.id.0)),
            Some(&what(&group)),
            Some(&what(&edited)),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::GroupEdited(edited))
    }

    pub(super) async fn group_create(
        &self,
        ctx: &mut Ctx<'_>,
        f: GroupFields,
    ) -> Result<Reply, ServiceError> {
        if permissions::workspace_relation(ctx.actor, &ctx.ws) < Relation::Coordinator {
            return Err(ServiceError::Forbidden(Need::WorkspaceCoordinator));
        }
        let name = ctx.required(Field::Name, f.name.as_deref().unwrap_or(""))?;
        let level = parse_level(f.level.as_deref().unwrap_or("annet"))?;
        let timezone = f.timezone.as_deref().map(parse_tz).transpose()?;
        let language = f.language.as_deref().map(parse_lang).transpose()?;
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
            channel: f.channel,
            coordinator_role: f.coordinator_role,
            member_role: f.member_role,
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
            &ctx.audit(Some(&group), "group.create", "group", Some(group.id.0)),
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
        include_archived: bool,
    ) -> Result<Reply, ServiceError> {
        let mut conn = self.store.conn().await?;
        let groups = store::groups::list(&mut conn, ctx.ws.id, include_archived).await?;
        Ok(Reply::GroupList(groups))
    }

    pub(super) async fn group_show(
        &self,
        ctx: &mut Ctx<'_>,
        name: &str,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let group = self.find_group(&mut tx, ctx, name, true).await?;
        ctx.authorize(&group, Need::Member)?;
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

    pub(super) async fn group_edit(
        &self,
        ctx: &mut Ctx<'_>,
        name: &str,
        f: GroupFields,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, name, false).await?;
        ctx.authorize(&group, Need::Coordinator)?;
        let mut edited = group.clone();
        if let Some(n) = f.name.as_deref() {
            edited.name = ctx.required(Field::Name, n)?;
        }
        if let Some(l) = f.level.as_deref() {
            edited.level = parse_level(l)?;
        }
        if let Some(tz) = f.timezone.as_deref() {
            edited.timezone = Some(parse_tz(tz)?);
        }
        if let Some(l) = f.language.as_deref() {
            edited.language = Some(parse_lang(l)?);
        }
        edited.channel = f.channel.or(edited.channel);
        edited.coordinator_role = f.coordinator_role.or(edited.coordinator_role);
        edited.member_role = f.member_role.or(edited.member_role);
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
            &ctx.audit(Some(&group), "group.edit", "group", Some(group.id.0)),
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
        name: &str,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, name, false).await?;
        ctx.authorize(&group, Need::Coordinator)?;
        let mut archived = group.clone();
        archived.archived_at = Some(ctx.now);
        if !store::groups::update(&mut tx, &archived, ctx.now).await? {
            return Err(ServiceError::EditConflict);
        }
        archived.version += 1;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "group.archive", "group", Some(group.id.0)),
            Some(&group),
            Some(&archived),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::GroupArchived(archived))
    }
}
