//! Inter-municipal setups (issue 12, item 4): the workspace's municipalities, which bodies
//! belong to which, guests invited to chosen meetings only, and the weekly digest of one
//! municipality.
//!
//! **Guests.** A role (e.g. "Færder", whose representatives join the tverrfaglig møte four
//! times a year) or a user is invited to chosen meetings with `/meeting invite`. For those
//! meetings alone a guest
//! - is pinged by the meeting's reminders (a message of its own under the reminder, see
//!   `scheduler::munis`),
//! - may read the meeting's notice and case list (`/meeting notice`, `/meeting agenda`),
//! - may submit items (*innspill*) to it (`/agenda add … meeting:`; without `meeting:`
//!   the group's next meeting the guest is invited to).
//!
//! Commands open to guests declare [`Need::Guest`]; the guest is found in
//! [`Service::enter_member_or_guest`] and [`Service::enter_meeting_guest`], which the
//! meeting and agenda handlers call instead of [`Ctx::enter`]. To a guest, every other
//! meeting of the body, and everything else of it, stays "not found" or refused as for
//! any outsider.

use super::permissions::{Need, Relation};
use super::reply::GroupExport;
use super::{commit, echo, Ctx, Reply, Service, ServiceError, Visibility};
use crate::domain::municipality::{self as muni, Guest, Kommunenummer, Municipality, NumberError};
use crate::domain::text::Field;
use crate::domain::{ChannelId, Group, Meeting, MeetingId, MeetingStatus, RoleId, UserId};
use crate::scheduler::messages::Digest;
use crate::store;
use crate::store::municipalities as munis;
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqliteConnection;
use std::sync::Arc;

/// What went wrong, in terms a user can be told.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MunisError {
    #[error("not a kommunenummer")]
    InvalidNumber { problem: NumberError },
    #[error("the municipality is there already")]
    DuplicateNumber { number: String, name: String },
    #[error("unknown municipality")]
    UnknownMunicipality { input: String },
    #[error("bodies still belong to the municipality")]
    MunicipalityInUse { name: String, groups: Vec<String> },
    #[error("name a role or a user, one of them")]
    GuestMissing,
    #[error("the guest is not invited to the meeting")]
    NotInvited { id: MeetingId },
    #[error("not a list of meeting numbers")]
    InvalidMeetingList,
}

/// The weekly digest of one municipality's bodies, as it stands now.
#[derive(Clone)]
pub struct DigestPreview(pub Arc<Digest>);

impl std::fmt::Debug for DigestPreview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DigestPreview")
            .field("week", &self.0.week)
            .field("meetings", &self.0.meetings.len())
            .field("items", &self.0.items.len())
            .field("updates", &self.0.updates.len())
            .field("overdue", &self.0.overdue.len())
            .finish()
    }
}

impl PartialEq for DigestPreview {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A successful command of this module.
#[derive(Debug, Clone, PartialEq)]
pub enum MunisReply {
    Added(Municipality),
    /// Every municipality with how many bodies belong to it.
    List(Vec<(Municipality, i64)>),
    Removed(Municipality),
    Edited(Municipality),
    /// The municipalities a body belongs to (`changed`: just set).
    GroupMunicipalities {
        group: Group,
        municipalities: Vec<Municipality>,
        changed: bool,
    },
    Invited {
        group: Group,
        guest: Guest,
        /// The meetings the guest is now invited to (those invited before included).
        meetings: Vec<Meeting>,
    },
    Uninvited {
        group: Group,
        guest: Guest,
        meeting: Meeting,
    },
    Digest {
        municipality: Municipality,
        digest: DigestPreview,
    },
    Export(Box<MunicipalityExport>),
}

/// Everything stored about the groups of one municipality that the actor coordinates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MunicipalityExport {
    pub exported_at: DateTime<Utc>,
    pub municipality: Municipality,
    pub groups: Vec<GroupExport>,
}

fn reply(r: MunisReply) -> Result<Reply, ServiceError> {
    Ok(Reply::Munis(Box::new(r)))
}

fn err(e: MunisError) -> ServiceError {
    ServiceError::Munis(e)
}

/// Words that clear a body's municipalities.
const NONE_WORDS: &[&str] = &["ingen", "inga", "none", "-"];

impl Ctx<'_> {
    /// Enter `group` as a guest of one of its meetings: its language and timezone, shown
    /// only to the guest.
    pub(crate) fn enter_guest(&mut self, group: &Group) -> Relation {
        self.enter_group(group);
        self.visibility = Visibility::Ephemeral;
        self.entered = true;
        Relation::Guest
    }
}

impl Service {
    async fn find_municipality(
        &self,
        conn: &mut SqliteConnection,
        ctx: &Ctx<'_>,
        input: &str,
    ) -> Result<Municipality, ServiceError> {
        munis::list(conn, ctx.ws.id)
            .await?
            .into_iter()
            .find(|m| m.is_named(input))
            .ok_or_else(|| err(MunisError::UnknownMunicipality { input: echo(input) }))
    }

    pub(super) async fn municipality_add(
        &self,
        ctx: &mut Ctx<'_>,
        number: String,
        name: String,
        digest_channel: Option<ChannelId>,
    ) -> Result<Reply, ServiceError> {
        let number = Kommunenummer::parse(&number)
            .map_err(|problem| err(MunisError::InvalidNumber { problem }))?;
        let name = ctx.required(Field::Name, &name)?;
        let mut tx = self.store.write().await?;
        let existing = munis::list(&mut tx, ctx.ws.id).await?;
        if let Some(m) = existing.iter().find(|m| m.number == number) {
            return Err(err(MunisError::DuplicateNumber {
                number: m.number.to_string(),
                name: m.name.clone(),
            }));
        }
        let m = munis::insert(&mut tx, ctx.ws.id, &number, &name, digest_channel, ctx.now)
            .await?
            .ok_or(ServiceError::Internal)?;
        store::audit::record(
            &mut tx,
            &ctx.audit(None, "municipality", Some(m.id.0)),
            None::<&Municipality>,
            Some(&m),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        reply(MunisReply::Added(m))
    }

    pub(super) async fn municipality_edit(
        &self,
        ctx: &mut Ctx<'_>,
        municipality: String,
        name: Option<String>,
        digest_channel: Option<ChannelId>,
        no_digest: Option<bool>,
    ) -> Result<Reply, ServiceError> {
        let name = ctx.optional(Field::Name, name.as_deref())?;
        let mut tx = self.store.write().await?;
        let before = self.find_municipality(&mut tx, ctx, &municipality).await?;
        let mut m = before.clone();
        if let Some(name) = name {
            m.name = name;
        }
        if let Some(c) = digest_channel {
            m.digest_channel = Some(c);
        }
        if no_digest == Some(true) {
            m.digest_channel = None;
        }
        if m == before {
            return Err(ServiceError::NothingToChange);
        }
        munis::update(&mut tx, &m).await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(None, "municipality", Some(m.id.0)),
            Some(&before),
            Some(&m),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        reply(MunisReply::Edited(m))
    }

    pub(super) async fn municipality_list(&self, ctx: &mut Ctx<'_>) -> Result<Reply, ServiceError> {
        let mut conn = self.store.conn().await?;
        let all = munis::list(&mut conn, ctx.ws.id).await?;
        let counts = munis::group_counts(&mut conn, ctx.ws.id).await?;
        let list = all
            .into_iter()
            .map(|m| {
                let n = counts
                    .iter()
                    .find(|(id, _)| *id == m.id)
                    .map_or(0, |(_, n)| *n);
                (m, n)
            })
            .collect();
        reply(MunisReply::List(list))
    }

    pub(super) async fn municipality_remove(
        &self,
        ctx: &mut Ctx<'_>,
        municipality: String,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let m = self.find_municipality(&mut tx, ctx, &municipality).await?;
        let groups = munis::group_names(&mut tx, m.id).await?;
        if !groups.is_empty() {
            return Err(err(MunisError::MunicipalityInUse {
                name: m.name,
                groups,
            }));
        }
        munis::delete(&mut tx, m.id).await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(None, "municipality", Some(m.id.0)),
            Some(&m),
            None::<&Municipality>,
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        reply(MunisReply::Removed(m))
    }

    /// Members may look; coordinators set the list (numbers or names, separated by
    /// commas; `ingen`/`none` clears it).
    pub(super) async fn group_municipalities(
        &self,
        ctx: &mut Ctx<'_>,
        group: super::GroupName,
        municipalities: Option<String>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &group, false).await?;
        let relation = ctx.enter(&group)?;
        let before = munis::of_group(&mut tx, group.id).await?;
        let Some(input) = municipalities else {
            return reply(MunisReply::GroupMunicipalities {
                group,
                municipalities: before,
                changed: false,
            });
        };
        ctx.require(Need::Coordinator, relation)?;
        let all = munis::list(&mut tx, ctx.ws.id).await?;
        let mut chosen: Vec<Municipality> = Vec::new();
        let pieces: Vec<&str> = input
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let clear = pieces.len() == 1 && NONE_WORDS.contains(&pieces[0].to_lowercase().as_str());
        if !clear {
            if pieces.is_empty() {
                return Err(ServiceError::NothingToChange);
            }
            for p in pieces {
                let m = all
                    .iter()
                    .find(|m| m.is_named(p))
                    .ok_or_else(|| err(MunisError::UnknownMunicipality { input: echo(p) }))?;
                if !chosen.contains(m) {
                    chosen.push(m.clone());
                }
            }
        }
        chosen.sort_by(|a, b| a.number.cmp(&b.number));
        if chosen == before {
            return Err(ServiceError::NothingToChange);
        }
        let ids: Vec<_> = chosen.iter().map(|m| m.id).collect();
        munis::set_of_group(&mut tx, group.id, &ids).await?;
        let numbers = |ms: &[Municipality]| -> Vec<String> {
            ms.iter().map(|m| m.number.to_string()).collect()
        };
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "group", Some(group.id.0)),
            Some(&numbers(&before)),
            Some(&numbers(&chosen)),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        reply(MunisReply::GroupMunicipalities {
            group,
            municipalities: chosen,
            changed: true,
        })
    }

    /// Invite a role or a user to the meeting `id` and to the meetings in `also`.
    pub(super) async fn meeting_invite(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
        role: Option<RoleId>,
        user: Option<UserId>,
        also: Option<String>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, first) = self.meeting_for(&mut tx, ctx, id).await?;
        let guest = guest(role, user)?;
        let mut ids = vec![id];
        if let Some(also) = also.as_deref() {
            let more = muni::meeting_ids(also).ok_or(err(MunisError::InvalidMeetingList))?;
            ids.extend(more.into_iter().filter(|m| *m != id));
        }
        let mut meetings = vec![first];
        for &more in &ids[1..] {
            // Another group's meeting is "not found", whatever the actor may see there.
            let m = store::meetings::get(&mut tx, more)
                .await?
                .filter(|m| m.group == group.id)
                .ok_or(ServiceError::UnknownMeeting { id: more })?;
            meetings.push(m);
        }
        for m in &meetings {
            if m.status != MeetingStatus::Scheduled {
                return Err(ServiceError::MeetingNotScheduled { id: m.id });
            }
        }
        meetings.sort_by_key(|m| (m.starts_at, m.id));
        for m in &meetings {
            if munis::invite(&mut tx, m.id, guest, ctx.actor.user, ctx.now).await? {
                store::audit::record(
                    &mut tx,
                    &ctx.audit(Some(&group), "meeting", Some(m.id.0)),
                    None::<&Guest>,
                    Some(&guest),
                    ctx.now,
                )
                .await?;
            }
        }
        commit(tx).await?;
        reply(MunisReply::Invited {
            group,
            guest,
            meetings,
        })
    }

    pub(super) async fn meeting_uninvite(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
        role: Option<RoleId>,
        user: Option<UserId>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        let guest = guest(role, user)?;
        if !munis::uninvite(&mut tx, id, guest).await? {
            return Err(err(MunisError::NotInvited { id }));
        }
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "meeting", Some(id.0)),
            Some(&guest),
            None::<&Guest>,
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        reply(MunisReply::Uninvited {
            group,
            guest,
            meeting,
        })
    }

    /// The weekly digest of one municipality's bodies as it stands now (`/digest show
    /// municipality:`): what its own digest channel would get.
    pub(super) async fn municipality_digest(
        &self,
        ctx: &mut Ctx<'_>,
        municipality: &str,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let m = self.find_municipality(&mut tx, ctx, municipality).await?;
        let digest = crate::scheduler::munis::current_digest(&mut tx, &ctx.ws, ctx.now).await?;
        let digest = crate::scheduler::munis::for_municipality(&mut tx, &digest, m.id).await?;
        ctx.visibility = Visibility::Ephemeral;
        reply(MunisReply::Digest {
            municipality: m,
            digest: DigestPreview(Arc::new(digest)),
        })
    }

    /// The exports of the municipality's groups the actor coordinates: a coordinator of
    /// several municipalities' groups sees each; the SLT-koordinator sees all.
    pub(super) async fn municipality_export(
        &self,
        ctx: &mut Ctx<'_>,
        municipality: String,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let m = self.find_municipality(&mut tx, ctx, &municipality).await?;
        let workspace_wide =
            super::permissions::workspace_relation(ctx.actor, &ctx.ws) >= Relation::Coordinator;
        let mut groups = Vec::new();
        for id in munis::group_ids(&mut tx, m.id).await? {
            let Some(group) = self.group_by_id(&mut tx, ctx, id).await? else {
                continue;
            };
            if ctx.relation_to(&group) >= Relation::Coordinator {
                groups.push(group);
            }
        }
        if groups.is_empty() && !workspace_wide {
            return Err(ServiceError::Forbidden(Need::Coordinator));
        }
        groups.sort_by(|a, b| a.name.cmp(&b.name));
        let mut exports = Vec::new();
        for g in groups {
            exports.push(Self::export_of(&mut tx, g, ctx.now).await?);
        }
        // An export is personal to the coordinator who asked.
        ctx.visibility = Visibility::Ephemeral;
        reply(MunisReply::Export(Box::new(MunicipalityExport {
            exported_at: ctx.now,
            municipality: m,
            groups: exports,
        })))
    }

    /// For a meeting command that guests may run ([`Need::Guest`]): is the actor, an
    /// outsider to `group`, a guest of `meeting`? Then the group is entered as a guest.
    pub(super) async fn enter_meeting_guest(
        &self,
        conn: &mut SqliteConnection,
        ctx: &mut Ctx<'_>,
        group: &Group,
        meeting: MeetingId,
    ) -> Result<bool, ServiceError> {
        if ctx.spec.need != Need::Guest || ctx.relation_to(group) != Relation::Outsider {
            return Ok(false);
        }
        if munis::is_guest(conn, meeting, ctx.actor.user, &ctx.actor.roles).await? {
            ctx.enter_guest(group);
            return Ok(true);
        }
        Ok(false)
    }

    /// [`Ctx::enter`] for a command about a group found by name that guests may run
    /// (`/agenda add`): a member goes on as before; an outsider who is a guest of the
    /// named meeting — or, with none named, of one of the group's coming meetings — goes
    /// on as a guest, to that meeting. Returns the meeting to use.
    pub(super) async fn enter_member_or_guest(
        &self,
        conn: &mut SqliteConnection,
        ctx: &mut Ctx<'_>,
        group: &Group,
        named: Option<MeetingId>,
    ) -> Result<Option<MeetingId>, ServiceError> {
        if ctx.spec.need == Need::Guest && ctx.relation_to(group) == Relation::Outsider {
            let (user, roles) = (ctx.actor.user, ctx.actor.roles.clone());
            let invited = match named {
                Some(id) => munis::is_guest(conn, id, user, &roles).await?.then_some(id),
                None => munis::next_invited(conn, group.id, user, &roles, ctx.now).await?,
            };
            if let Some(id) = invited {
                ctx.enter_guest(group);
                return Ok(Some(id));
            }
        }
        ctx.enter(group)?;
        Ok(named)
    }
}

fn guest(role: Option<RoleId>, user: Option<UserId>) -> Result<Guest, ServiceError> {
    match (role, user) {
        (Some(r), None) => Ok(Guest::Role(r)),
        (None, Some(u)) => Ok(Guest::User(u)),
        _ => Err(err(MunisError::GuestMissing)),
    }
}
