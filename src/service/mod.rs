//! The service layer: runs one [`Command`] for an [`Actor`] in a workspace — checks
//! permission, validates, writes through the store in one transaction (with an audit
//! row for every change) and returns a [`Response`] for an adapter to render.

pub mod access;
mod actions;
mod agenda;
pub mod calendar;
pub mod command;
mod delivery;
pub mod error;
pub mod followup;
mod groups;
mod lookup;
mod meetings;
pub mod munis;
pub mod notice;
pub mod orders;
pub mod permissions;
mod plan;
pub mod record;
mod records;
pub mod reply;
mod schedule;
pub mod spec;

pub use delivery::DeliveryNotice;
pub use followup::{FollowupError, FollowupReply};

pub use command::{Command, SPECS};
pub use error::{Limit, ServiceError};
pub use lookup::{Suggest, Suggestion};
pub use notice::{NoticeError, NoticeReply};
pub use orders::{OrderError, OrderReply};
pub use permissions::{Need, Relation};
pub use plan::YEARS as PLAN_YEARS;
pub use record::{RecordError, RecordReply};
pub use records::RetentionPolicy;
pub use reply::Reply;
pub use spec::{CommandSpec, GroupName, OptionError, Raw, Scope};

use crate::clock::Clock;
use crate::domain::{
    privacy, text, AuditAction, ChannelId, Group, Lang, Locale, RoleId, UserId, Workspace,
    WorkspaceId,
};
use crate::store::{self, Store};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::sync::Arc;
use tracing::Instrument;

/// Who runs a command: a Discord member (user, roles, Manage Server) or a console user.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub user: UserId,
    pub roles: Vec<RoleId>,
    /// Holds the server's Manage Server permission: may always configure.
    pub is_admin: bool,
    /// Where the command was given; a group's data is public only in its own channel.
    pub channel: Option<ChannelId>,
    /// The user's own language, if known (Discord locale); else the group's/workspace's.
    pub locale: Option<Locale>,
}

impl Actor {
    /// The language to answer this actor in where the group or workspace speaks `context`.
    pub fn lang_in(&self, context: Lang) -> Lang {
        self.locale.map_or(context, |l| l.lang_in(context))
    }

    pub fn new(user: UserId) -> Self {
        Actor {
            user,
            roles: Vec::new(),
            is_admin: false,
            channel: None,
            locale: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Everyone in the channel sees it.
    Public,
    /// Only the actor sees it (errors, personal lists, group data outside its channel).
    Ephemeral,
}

/// The result of one command, with what the renderer needs: language and timezone.
#[derive(Debug)]
pub struct Response {
    pub lang: Lang,
    pub tz: Tz,
    pub visibility: Visibility,
    pub outcome: Result<Reply, ServiceError>,
    /// The stored text may identify a child: ask the author to anonymise it.
    pub privacy_warnings: Vec<privacy::Warning>,
}

/// Defaults for workspaces seen for the first time.
#[derive(Debug, Clone)]
pub struct Defaults {
    pub timezone: Tz,
    pub language: Lang,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            timezone: chrono_tz::Europe::Oslo,
            language: Lang::Nb,
        }
    }
}

#[derive(Clone)]
pub struct Service {
    store: Store,
    clock: Arc<dyn Clock>,
    defaults: Defaults,
    /// Signalled after a command changed anything the scheduler plans from.
    schedule_changed: Arc<tokio::sync::Notify>,
    /// What the bot may do in Discord, for the self-check (set by the Discord adapter).
    inspector: Arc<std::sync::OnceLock<Arc<dyn access::GuildInspector>>>,
    /// The school holidays shaded in the year plan (`/plan`), as configured.
    school_holidays: Arc<crate::domain::school_holidays::SchoolHolidays>,
}

/// Per-command state: the command's declaration, the workspace, the time, and how the
/// reply is to be shown.
pub(crate) struct Ctx<'a> {
    pub spec: &'static CommandSpec,
    /// The command has passed the permission check on its group ([`Ctx::enter`]).
    pub entered: bool,
    pub actor: &'a Actor,
    pub ws: Workspace,
    pub now: DateTime<Utc>,
    pub lang: Lang,
    pub tz: Tz,
    pub visibility: Visibility,
    pub privacy_warnings: Vec<privacy::Warning>,
}

impl Ctx<'_> {
    /// Validate a required free text (see [`text::required`]: identity numbers are
    /// refused there) and note any child-identifying wording.
    pub fn required(&mut self, field: text::Field, input: &str) -> Result<String, ServiceError> {
        let t = text::required(field, input)?;
        self.note_privacy(&t);
        Ok(t)
    }

    /// Like [`Ctx::required`] for optional text; blank means none.
    pub fn optional(
        &mut self,
        field: text::Field,
        input: Option<&str>,
    ) -> Result<Option<String>, ServiceError> {
        let t = text::optional(field, input)?;
        if let Some(t) = &t {
            self.note_privacy(t);
        }
        Ok(t)
    }

    fn note_privacy(&mut self, text: &str) {
        self.privacy_warnings
            .extend(privacy::check_text(text).warnings);
    }

    /// The command is about `group`: reply in its language and timezone, publicly only
    /// in its own channel.
    pub fn enter_group(&mut self, group: &Group) {
        self.tz = group.effective_timezone(&self.ws);
        let lang = group.effective_language(&self.ws);
        self.lang = self.actor.lang_in(lang);
        self.visibility = match (group.channel, self.actor.channel) {
            (Some(home), Some(here)) if home == here => Visibility::Public,
            _ => Visibility::Ephemeral,
        };
    }

    pub fn relation_to(&self, group: &Group) -> Relation {
        permissions::relation(self.actor, &self.ws, group)
    }

    /// The permission check, in one place: enter `group` (its language, timezone and
    /// channel) and check that the actor has what the command's declaration needs there.
    /// Returns what the actor is to the group, for finer rules on top (members may
    /// withdraw only their own items …). For a group found by name.
    pub fn enter(&mut self, group: &Group) -> Result<Relation, ServiceError> {
        self.enter_group(group);
        let have = self.relation_to(group);
        self.entered = true;
        if permissions::allows(self.spec.need, have) {
            Ok(have)
        } else {
            Err(ServiceError::Forbidden(self.spec.need))
        }
    }

    /// Like [`Ctx::enter`] for a group found through a record's id (meeting, item,
    /// action): to someone outside the group the record does not exist — the same "not
    /// found" as for an id that was never used, so ids reveal nothing.
    pub fn enter_found(
        &mut self,
        group: &Group,
        not_found: ServiceError,
    ) -> Result<Relation, ServiceError> {
        if self.relation_to(group) == Relation::Outsider {
            self.entered = true;
            return Err(not_found);
        }
        self.enter(group)
    }

    /// A finer rule on top of the declaration: `need` for part of what the command does.
    pub fn require(&self, need: Need, have: Relation) -> Result<(), ServiceError> {
        if permissions::allows(need, have) {
            Ok(())
        } else {
            Err(ServiceError::Forbidden(need))
        }
    }

    /// An audit entry for the running command (its declared audit action).
    pub fn audit<'e>(
        &self,
        group: Option<&Group>,
        entity: &'e str,
        id: Option<i64>,
    ) -> store::audit::Entry<'e> {
        let action = self
            .spec
            .audit
            .expect("only commands that declare an audit action write audit rows");
        self.audit_as(group, action, entity, id)
    }

    /// An audit entry for a secondary change (an item carried over by `meeting held` …).
    pub fn audit_as<'e>(
        &self,
        group: Option<&Group>,
        action: AuditAction,
        entity: &'e str,
        id: Option<i64>,
    ) -> store::audit::Entry<'e> {
        store::audit::Entry {
            workspace: self.ws.id,
            group: group.map(|g| g.id),
            actor: self.actor.user,
            action,
            entity,
            entity_id: id,
        }
    }
}

impl Service {
    pub fn new(store: Store, clock: Arc<dyn Clock>, defaults: Defaults) -> Self {
        Service {
            store,
            clock,
            defaults,
            schedule_changed: Arc::new(tokio::sync::Notify::new()),
            inspector: Arc::default(),
            school_holidays: Arc::default(),
        }
    }

    /// Use these school holidays in the year plan (default: the common pattern).
    pub fn with_school_holidays(
        mut self,
        school: crate::domain::school_holidays::SchoolHolidays,
    ) -> Self {
        self.school_holidays = Arc::new(school);
        self
    }

    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    /// Wakes the scheduler when meetings, cadences or actions change.
    pub fn schedule_changed(&self) -> Arc<tokio::sync::Notify> {
        self.schedule_changed.clone()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Run `cmd` for `actor` in workspace `ws`.
    pub async fn execute(&self, actor: &Actor, ws: WorkspaceId, cmd: Command) -> Response {
        let span = tracing::info_span!(
            "command",
            name = %cmd.spec().log_name(),
            workspace = ws.0,
            user = actor.user.0
        );
        self.execute_inner(actor, ws, cmd).instrument(span).await
    }

    async fn execute_inner(&self, actor: &Actor, ws: WorkspaceId, cmd: Command) -> Response {
        let now = self.clock.now();
        let workspace = match self.workspace(ws, now).await {
            Ok(w) => w,
            Err(e) => {
                tracing::error!(error = %e, "loading the workspace failed");
                return Response {
                    lang: actor.lang_in(self.defaults.language),
                    tz: self.defaults.timezone,
                    visibility: Visibility::Ephemeral,
                    outcome: Err(e),
                    privacy_warnings: Vec::new(),
                };
            }
        };
        let spec = cmd.spec();
        let mut ctx = Ctx {
            spec,
            entered: false,
            actor,
            lang: actor.lang_in(workspace.language),
            tz: workspace.timezone,
            visibility: Visibility::Public,
            ws: workspace,
            now,
            privacy_warnings: Vec::new(),
        };
        let outcome = self.run(&mut ctx, cmd).await;
        if (spec.changes_schedule || notice::wakes_scheduler(spec)) && outcome.is_ok() {
            self.schedule_changed.notify_waiters();
        }
        match &outcome {
            Ok(_) => tracing::debug!("ok"),
            Err(e) if e.is_internal() => tracing::error!(error = %e, "command failed"),
            Err(e) => tracing::debug!(refused = e.kind(), "refused"),
        }
        let visibility = if outcome.is_err() {
            Visibility::Ephemeral
        } else {
            ctx.visibility
        };
        let privacy_warnings = if outcome.is_ok() {
            std::mem::take(&mut ctx.privacy_warnings)
        } else {
            Vec::new()
        };
        Response {
            lang: ctx.lang,
            tz: ctx.tz,
            visibility,
            outcome,
            privacy_warnings,
        }
    }

    /// Check what can be checked before the command runs (a workspace-wide need), run
    /// it, and make sure a group command did pass the permission check on its group.
    async fn run(&self, ctx: &mut Ctx<'_>, cmd: Command) -> Result<Reply, ServiceError> {
        let spec = ctx.spec;
        if spec.scope == Scope::Workspace {
            let have = permissions::workspace_relation(ctx.actor, &ctx.ws);
            if !permissions::allows(spec.need, have) {
                return Err(ServiceError::Forbidden(spec.need));
            }
        }
        let outcome = self.dispatch(ctx, cmd).await;
        if spec.scope == Scope::Group && outcome.is_ok() && !ctx.entered {
            // A handler that never checked its group: refuse rather than answer.
            tracing::error!(command = %spec.log_name(), "no permission check on the group");
            return Err(ServiceError::Internal);
        }
        outcome
    }

    async fn workspace(
        &self,
        id: WorkspaceId,
        now: DateTime<Utc>,
    ) -> Result<Workspace, ServiceError> {
        let mut conn = self.store.conn().await?;
        if let Some(ws) = store::workspaces::get(&mut conn, id).await? {
            return Ok(ws);
        }
        drop(conn);
        let mut tx = self.store.write().await?;
        let defaults = Workspace::new(id, self.defaults.timezone, self.defaults.language);
        let ws = store::workspaces::ensure(&mut tx, &defaults, now).await?;
        tx.commit().await.map_err(store::StoreError::from)?;
        Ok(ws)
    }

    async fn workspace_show(&self, ctx: &mut Ctx<'_>) -> Result<Reply, ServiceError> {
        Ok(Reply::Workspace(ctx.ws.clone()))
    }

    async fn workspace_set(
        &self,
        ctx: &mut Ctx<'_>,
        timezone: Option<String>,
        language: Option<Lang>,
        coordinator_role: Option<RoleId>,
        digest_channel: Option<ChannelId>,
    ) -> Result<Reply, ServiceError> {
        let mut ws = ctx.ws.clone();
        let before = ws.clone();
        if let Some(tz) = timezone.as_deref() {
            ws.timezone = parse_tz(tz)?;
        }
        if let Some(l) = language {
            ws.language = l;
        }
        if let Some(r) = coordinator_role {
            ws.coordinator_role = Some(r);
        }
        if let Some(c) = digest_channel {
            ws.digest_channel = Some(c);
        }
        if ws == before {
            return Err(ServiceError::NothingToChange);
        }
        let mut tx = self.store.write().await?;
        store::workspaces::update(&mut tx, &ws, ctx.now).await?;
        if ws.digest_channel != before.digest_channel || ws.timezone != before.timezone {
            crate::plan::replan_digest(&mut tx, ws.id, ctx.now).await?;
        }
        store::audit::record(
            &mut tx,
            &ctx.audit(None, "workspace", None),
            Some(&before),
            Some(&ws),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        ctx.lang = ctx.actor.lang_in(ws.language);
        ctx.tz = ws.timezone;
        ctx.visibility = Visibility::Ephemeral;
        Ok(Reply::WorkspaceUpdated(ws))
    }

    /// Find a group of this workspace by name. Archived groups are found only when
    /// `allow_archived`; otherwise they are an error that says so.
    pub(crate) async fn find_group(
        &self,
        conn: &mut sqlx::SqliteConnection,
        ctx: &Ctx<'_>,
        name: &str,
        allow_archived: bool,
    ) -> Result<Group, ServiceError> {
        let group = store::groups::by_name(conn, ctx.ws.id, name)
            .await?
            .ok_or_else(|| ServiceError::UnknownGroup { name: echo(name) })?;
        if group.is_archived() && !allow_archived {
            return Err(ServiceError::GroupArchived { name: group.name });
        }
        Ok(group)
    }

    /// Load a group by id, treating another workspace's group as unknown.
    pub(crate) async fn group_by_id(
        &self,
        conn: &mut sqlx::SqliteConnection,
        ctx: &Ctx<'_>,
        id: crate::domain::GroupId,
    ) -> Result<Option<Group>, ServiceError> {
        Ok(store::groups::get(conn, id)
            .await?
            .filter(|g| g.workspace == ctx.ws.id))
    }
}

/// Refuse when `current` has reached `limit`.
pub(crate) fn check_limit(limit: Limit, current: i64) -> Result<(), ServiceError> {
    if current >= limit.max() {
        Err(ServiceError::LimitReached {
            limit,
            max: limit.max(),
        })
    } else {
        Ok(())
    }
}

pub(crate) async fn commit(tx: store::WriteTx) -> Result<(), ServiceError> {
    tx.commit()
        .await
        .map_err(|e| ServiceError::Store(store::StoreError::from(e)))
}

pub(crate) fn parse_tz(input: &str) -> Result<Tz, ServiceError> {
    input
        .trim()
        .parse::<Tz>()
        .map_err(|_| ServiceError::InvalidTimezone { input: echo(input) })
}

/// User input that goes back into an error message: one line, at most 60 characters, and
/// never anything that could be a personal identity number.
pub(crate) fn echo(input: &str) -> String {
    text::echo_safe(input)
}
