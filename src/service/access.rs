//! The permission self-check (`/workspace check`, and `sltbot run` at start) and the
//! per-group events setting (`/group events`).
//!
//! What the bot *needs* comes from sltbot's own settings (every group's channel and
//! coordinator role, the digest channel, which groups have events on); what it *has* comes
//! from Discord through a [`GuildInspector`] (the Discord adapter reads the guild's roles,
//! channels and the bot's member); [`crate::domain::access::check`] compares the two.

use super::{commit, Ctx, Reply, Service, ServiceError, Visibility};
use crate::domain::access::{self, ChannelNeed, GuildView, Needs, Problem, Purpose};
use crate::domain::events as sched_events;
use crate::domain::{ChannelId, Group, GroupId, UserId, WorkspaceId};
use crate::store::events::{self as ev, EventSettings};
use crate::store::{self, StoreError};
use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;

/// Reads what the bot may do in a guild (Discord: guild, roles, channels, the bot member).
#[async_trait::async_trait]
pub trait GuildInspector: Send + Sync + 'static {
    async fn view(&self, guild: u64) -> Result<GuildView, InspectError>;
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum InspectError {
    /// Discord did not answer (network, 5xx, 429) or refused to show the guild.
    #[error("Discord did not answer: {0}")]
    Unavailable(String),
}

/// The self-check's findings for one workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckReport {
    /// `false`: Discord could not be asked (console, or no answer): only what the
    /// database knows (refused events) is reported.
    pub discord: bool,
    /// How many channels were checked.
    pub channels: usize,
    pub problems: Vec<Problem>,
    /// Names of the groups concerned (for the reply; never logged).
    pub groups: Vec<(GroupId, String)>,
    /// The bot, to name it in the fixes.
    pub bot: Option<UserId>,
}

/// A group's events setting, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct EventsReply {
    pub group: Group,
    pub settings: EventSettings,
    /// The group's meetings within the horizon (they get events).
    pub upcoming: usize,
}

impl Service {
    /// Give the service its view of Discord (set once by the Discord adapter).
    pub fn set_inspector(&self, inspector: Arc<dyn GuildInspector>) {
        let _ = self.inspector.set(inspector);
    }

    /// What the bot needs in `ws`, from the database.
    async fn needs(
        &self,
        ws: WorkspaceId,
        now: DateTime<Utc>,
    ) -> Result<(Needs, Vec<(GroupId, String)>), StoreError> {
        let mut tx = self.store.read().await?;
        let Some(workspace) = store::workspaces::get(&mut tx, ws).await? else {
            return Ok((Needs::default(), Vec::new()));
        };
        let groups = store::groups::list(&mut tx, ws, false).await?;
        let mut needs = Needs::default();
        for g in &groups {
            if let Some(channel) = g.channel {
                needs.channels.push(ChannelNeed {
                    channel,
                    purpose: Purpose::Group(g.id),
                    attach: true,
                    ping: g.coordinator_role.or(workspace.coordinator_role),
                });
            }
        }
        let digest = store::digest::settings(&mut tx, ws)
            .await?
            .and_then(|s| s.channel);
        if let Some(channel) = digest {
            needs.channels.push(ChannelNeed {
                channel,
                purpose: Purpose::Digest,
                attach: false,
                ping: None,
            });
        }
        let enabled = ev::enabled_groups(&mut tx, ws).await?;
        needs.events = !enabled.is_empty();
        for (_, voice) in &enabled {
            if let Some(v) = voice {
                if !needs.voice_channels.contains(v) {
                    needs.voice_channels.push(*v);
                }
            }
        }
        needs.event_failures = ev::failures(&mut tx, ws).await?;
        if needs.events {
            let found = ev::candidates(
                &mut tx,
                ws,
                now,
                now + Duration::days(sched_events::HORIZON_DAYS),
                (sched_events::CAP + 1000) as i64,
            )
            .await?;
            needs.events_left_out = found.len().saturating_sub(sched_events::CAP);
        }
        let names = groups.into_iter().map(|g| (g.id, g.name)).collect();
        Ok((needs, names))
    }

    /// Check `ws`: ask Discord (when connected) and compare with what sltbot needs.
    pub async fn self_check(
        &self,
        ws: WorkspaceId,
        now: DateTime<Utc>,
    ) -> Result<CheckReport, StoreError> {
        let (needs, groups) = self.needs(ws, now).await?;
        let view = match self.inspector.get() {
            Some(i) => match i.view(ws.0).await {
                Ok(v) => Some(v),
                Err(e) => {
                    tracing::warn!(workspace = ws.0, error = %e, "self-check: cannot read the server from Discord");
                    None
                }
            },
            None => None,
        };
        let (problems, bot) = match &view {
            Some(v) => (access::check(v, &needs), Some(UserId(v.bot_user))),
            None => {
                // Without Discord only what the database knows.
                let only = Needs {
                    event_failures: needs.event_failures.clone(),
                    events_left_out: needs.events_left_out,
                    ..Needs::default()
                };
                (access::check(&GuildView::empty(ws.0), &only), None)
            }
        };
        Ok(CheckReport {
            discord: view.is_some(),
            channels: needs.channels.len(),
            problems,
            groups,
            bot,
        })
    }

    /// The self-check of every workspace in the database, logged one line per problem
    /// (ids and kinds only, never names or other user text). `sltbot run` calls it at start.
    pub async fn log_self_check(&self) -> Result<usize, StoreError> {
        let now = self.now();
        let workspaces = {
            let mut conn = self.store.conn().await?;
            ev::all_workspaces(&mut conn).await?
        };
        let mut total = 0;
        for ws in workspaces {
            let report = self.self_check(ws, now).await?;
            if !report.discord {
                tracing::warn!(
                    workspace = ws.0,
                    "self-check: Discord could not be asked; permissions not checked"
                );
            }
            for p in &report.problems {
                let (role, meeting, reason) = match p {
                    Problem::CannotPing { role, .. } | Problem::RoleMissing { role } => {
                        (Some(role.0), None, None)
                    }
                    Problem::EventFailed { meeting, reason } => {
                        (None, Some(meeting.0), Some(reason.as_str()))
                    }
                    _ => (None, None, None),
                };
                tracing::warn!(
                    workspace = ws.0,
                    problem = p.kind(),
                    channel = p.channel().map(|c| c.0),
                    role,
                    meeting,
                    reason,
                    "self-check: a permission is missing (see /workspace check)"
                );
            }
            if report.discord && report.problems.is_empty() {
                tracing::info!(
                    workspace = ws.0,
                    channels = report.channels,
                    "self-check: the bot has every permission it needs"
                );
            }
            total += report.problems.len();
        }
        Ok(total)
    }

    /// `/workspace check`: the self-check, only to the asker.
    pub(super) async fn workspace_check(&self, ctx: &mut Ctx<'_>) -> Result<Reply, ServiceError> {
        let report = self.self_check(ctx.ws.id, ctx.now).await?;
        ctx.visibility = Visibility::Ephemeral;
        Ok(Reply::WorkspaceCheck(Box::new(report)))
    }

    /// `/group events group: [enabled: voice: place:]`: show, or turn events on or off, or
    /// choose where they are held.
    pub(super) async fn group_events(
        &self,
        ctx: &mut Ctx<'_>,
        group: super::GroupName,
        enabled: Option<bool>,
        voice: Option<ChannelId>,
        place: Option<bool>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &group, false).await?;
        let have = ctx.enter(&group)?;
        let before = ev::settings(&mut tx, group.id).await?;
        let mut after = before;
        if let Some(on) = enabled {
            after.enabled = on;
        }
        if place == Some(true) {
            after.voice = None;
        }
        if voice.is_some() {
            after.voice = voice;
        }
        if after != before {
            ctx.require(super::Need::Coordinator, have)?;
            ev::set_settings(&mut tx, group.id, after, ctx.now).await?;
            let what = |s: &EventSettings| serde_json::json!({ "enabled": s.enabled, "voice_channel": s.voice.map(|c| c.0) });
            store::audit::record(
                &mut tx,
                &ctx.audit(Some(&group), "group", Some(group.id.0)),
                Some(&what(&before)),
                Some(&what(&after)),
                ctx.now,
            )
            .await?;
        } else if enabled.is_some() || voice.is_some() || place.is_some() {
            return Err(ServiceError::NothingToChange);
        }
        let upcoming = ev::count_scheduled(
            &mut tx,
            group.id,
            ctx.now,
            ctx.now + Duration::days(sched_events::HORIZON_DAYS),
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::GroupEvents(Box::new(EventsReply {
            group,
            settings: after,
            upcoming,
        })))
    }
}
