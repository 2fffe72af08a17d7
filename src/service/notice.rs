//! The notice posted by the scheduler (issue 11, items 3 and 4): how long before each
//! meeting it goes out (`/group notice`), submissions after the agenda deadline (stored as
//! late, for the coordinator's decision: `/agenda admit`), and what the scheduler needs
//! from the meeting record to render the notice.
//!
//! A member's `/agenda add` to a meeting whose final case list has been posted does not go
//! onto that list: the item is stored without a meeting and as *late* (`late_items`), the
//! member is told so, and the coordinators are told by one message in the body's channel
//! that pings the coordinator role (a `late:{item}` notification, planned in the same
//! transaction — durable like every scheduled message). A coordinator's own addition goes
//! straight onto the list: it is a change, and the posted list is edited in place.

use super::{commit, Ctx, Need, Reply, Service, ServiceError};
use crate::domain::minutes::CaseType;
use crate::domain::notice::AdmitTo;
use crate::domain::record::Case;
use crate::domain::reminders::parse_duration;
use crate::domain::{
    AgendaItem, AgendaItemId, AgendaStatus, AuditAction, Group, Meeting, MeetingStatus, Workspace,
};
use crate::service::spec::GroupName;
use crate::store::{self, agenda::NewItem};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

/// A successful notice operation.
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeReply {
    /// The group's notice lead (minutes before each meeting; `None`: no notice).
    Settings { group: Group, lead: Option<i64> },
    /// A submission after the deadline: stored, waiting for the coordinator.
    LateSubmitted {
        group: Group,
        meeting: Meeting,
        item: AgendaItem,
    },
    /// The coordinator's decision on a late submission.
    Admitted {
        group: Group,
        item: AgendaItem,
        to: AdmitTo,
        /// The meeting it now belongs to (`None`: the next one set up).
        meeting: Option<Meeting>,
        /// Admitted to this meeting: the case on its list, with its number.
        case: Option<Box<Case>>,
    },
}

/// What a user can get wrong with the notice.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NoticeError {
    #[error("the item is not a late submission waiting for a decision")]
    NotLate { id: AgendaItemId },
    #[error("invalid notice lead")]
    InvalidLead { input: String },
}

/// Words that turn the notice off.
fn is_off(input: &str) -> bool {
    matches!(
        input.trim().to_lowercase().as_str(),
        "off" | "av" | "none" | "ingen" | "inga" | "nei" | "no" | "0"
    )
}

impl Service {
    /// `/group notice group: [lead:]`: show (members) or set (coordinators) how long
    /// before each meeting the notice is posted.
    pub(super) async fn group_notice(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
        lead: Option<String>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &group, false).await?;
        let relation = ctx.enter(&group)?;
        let before = store::notice::lead(&mut tx, group.id).await?;
        let Some(input) = lead else {
            return Ok(notice(NoticeReply::Settings {
                group,
                lead: before,
            }));
        };
        ctx.require(Need::Coordinator, relation)?;
        let lead = if is_off(&input) {
            None
        } else {
            Some(
                parse_duration(&input).ok_or_else(|| NoticeError::InvalidLead {
                    input: super::echo(&input),
                })?,
            )
        };
        if lead == before {
            return Err(ServiceError::NothingToChange);
        }
        store::notice::set_lead(&mut tx, group.id, lead, ctx.now).await?;
        let settings = store::series::settings(&mut tx, group.id).await?;
        crate::plan::replan_group(&mut tx, group.id, &settings, ctx.now).await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "group", Some(group.id.0)),
            Some(&before),
            Some(&lead),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(notice(NoticeReply::Settings { group, lead }))
    }

    /// `/agenda admit id: meeting:this|next`: the coordinator's decision on a late
    /// submission. This meeting: onto its (final) case list, numbered — the posted list is
    /// then edited in place. Next: a proposal for the body's next meeting after it.
    pub(super) async fn agenda_admit(
        &self,
        ctx: &mut Ctx<'_>,
        id: AgendaItemId,
        to: AdmitTo,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, item, _) = self.item_for(&mut tx, ctx, id).await?;
        let late = store::notice::late(&mut tx, id)
            .await?
            .filter(|l| !l.decided)
            .ok_or(NoticeError::NotLate { id })?;
        if !item.status.is_open() {
            return Err(ServiceError::ItemClosed {
                id,
                status: item.status,
            });
        }
        let meeting = store::meetings::get(&mut tx, late.meeting)
            .await?
            .ok_or(ServiceError::UnknownMeeting { id: late.meeting })?;
        let target = match to {
            AdmitTo::This => {
                if !meeting.accepts_items(ctx.now) {
                    return Err(ServiceError::MeetingClosed { id: meeting.id });
                }
                Some(meeting.clone())
            }
            AdmitTo::Next => {
                store::meetings::next_scheduled(&mut tx, group.id, meeting.starts_at).await?
            }
        };
        let target_id = target.as_ref().map(|m| m.id);
        store::agenda::reassign(
            &mut tx,
            group.id,
            std::slice::from_ref(&item),
            target_id,
            Some(AgendaStatus::Proposed),
            ctx.now,
        )
        .await?;
        let mut case = None;
        if let (AdmitTo::This, Some(m)) = (to, &target) {
            super::record::ensure_standing(&mut tx, ctx, &group, m).await?;
            let moved = store::agenda::get(&mut tx, id)
                .await?
                .ok_or(ServiceError::UnknownAgendaItem { id })?;
            let facts = store::record::facts(&mut tx, id).await?;
            let kind = facts.case_type.unwrap_or(CaseType::Discussion);
            super::record::put_on_list(&mut tx, ctx, &group, m, &moved, kind).await?;
            case = Some(Box::new(super::record::load_case(&mut tx, id).await?));
        }
        store::notice::decide_late(
            &mut tx,
            id,
            target_id.unwrap_or(meeting.id),
            ctx.actor.user,
            ctx.now,
        )
        .await?;
        let after = store::agenda::get(&mut tx, id)
            .await?
            .ok_or(ServiceError::UnknownAgendaItem { id })?;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "agenda_item", Some(id.0)),
            Some(&item),
            Some(&after),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        self.schedule_changed.notify_waiters();
        Ok(notice(NoticeReply::Admitted {
            group,
            item: after,
            to,
            meeting: target,
            case,
        }))
    }

    /// Does a submission to `meeting` by this actor come after the deadline? Yes when the
    /// meeting's final case list has been posted and the actor is not a coordinator of the
    /// group (a coordinator's addition is a change to the list, edited in place).
    pub(super) async fn is_late(
        &self,
        conn: &mut SqliteConnection,
        ctx: &Ctx<'_>,
        group: &Group,
        meeting: &Meeting,
    ) -> Result<bool, ServiceError> {
        if ctx
            .require(Need::Coordinator, ctx.relation_to(group))
            .is_ok()
        {
            return Ok(false);
        }
        Ok(store::notice::posted(conn, meeting.id)
            .await?
            .is_some_and(|p| p.final_list))
    }

    /// Store a late submission: no meeting yet, marked late for `meeting`, and the
    /// coordinators' message planned — one transaction.
    pub(super) async fn agenda_add_late(
        &self,
        ctx: &mut Ctx<'_>,
        group: Group,
        meeting: Meeting,
        title: &str,
        details: Option<&str>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let slots = store::agenda::slots(&mut tx, group.id, None).await?;
        super::check_limit(super::Limit::OpenItemsPerMeeting, slots.open.len() as i64)?;
        if let Some(existing) = slots.duplicate_of(title) {
            return Err(ServiceError::DuplicateAgendaItem { existing });
        }
        let new = NewItem {
            group: group.id,
            meeting: None,
            title,
            details,
            submitter: ctx.actor.user,
            status: AgendaStatus::Proposed,
        };
        let max_open = super::Limit::OpenItemsPerMeeting.max();
        let item = store::agenda::insert_checked(&mut tx, &new, max_open, ctx.now)
            .await?
            .ok_or_else(|| store::StoreError::Corrupt("late item: insert refused".into()))?;
        store::notice::add_late(&mut tx, item.id, meeting.id, ctx.now).await?;
        crate::scheduler::notice::plan_late(
            &mut tx, ctx.ws.id, group.id, meeting.id, item.id, ctx.now,
        )
        .await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "agenda_item", Some(item.id.0)),
            None::<&AgendaItem>,
            Some(&item),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        self.schedule_changed.notify_waiters();
        Ok(notice(NoticeReply::LateSubmitted {
            group,
            meeting,
            item,
        }))
    }
}

fn notice(r: NoticeReply) -> Reply {
    Reply::Notice(Box::new(r))
}

/// Put the body's standing items on `meeting` as sltbot itself (the scheduler's notice
/// shows the same list as `/meeting notice`).
pub(crate) async fn standing_by_sltbot(
    conn: &mut SqliteConnection,
    ws: &Workspace,
    group: &Group,
    meeting: &Meeting,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    if meeting.status != MeetingStatus::Scheduled {
        return Ok(());
    }
    let actor = super::Actor::new(super::record::STANDING_SUBMITTER);
    let spec = super::command::spec("meeting notice").ok_or(ServiceError::Internal)?;
    let ctx = Ctx {
        spec,
        entered: true,
        actor: &actor,
        lang: group.effective_language(ws),
        tz: group.effective_timezone(ws),
        visibility: super::Visibility::Public,
        ws: ws.clone(),
        now,
        privacy_warnings: Vec::new(),
    };
    super::record::ensure_standing(conn, &ctx, group, meeting).await
}

/// The meeting's cases in list order, as the notice shows them.
pub(crate) async fn cases(
    conn: &mut SqliteConnection,
    group: &Group,
    meeting: &Meeting,
) -> Result<Vec<Case>, ServiceError> {
    super::record::cases_of(conn, group, meeting).await
}

/// Commands that change a case list without changing the schedule still wake the
/// scheduler, which edits a posted notice in place.
pub(super) fn wakes_scheduler(spec: &super::CommandSpec) -> bool {
    matches!(
        spec.audit,
        Some(
            AuditAction::AgendaAdd
                | AuditAction::AgendaEdit
                | AuditAction::AgendaRemove
                | AuditAction::AgendaMove
                | AuditAction::AgendaCase
                | AuditAction::AgendaAdmit
        )
    )
}

impl Service {
    /// Run `cmd` (from a button under a meeting's notice) only while `meeting` belongs to
    /// `group`, the group the button was made for; else "unknown meeting".
    pub async fn execute_on_meeting(
        &self,
        actor: &super::Actor,
        ws: crate::domain::WorkspaceId,
        group: crate::domain::GroupId,
        meeting: crate::domain::MeetingId,
        cmd: super::Command,
    ) -> super::Response {
        let current = match self.store.conn().await {
            Ok(mut conn) => store::meetings::get(&mut conn, meeting)
                .await
                .map(|m| m.map(|m| m.group)),
            Err(e) => Err(e),
        };
        let outcome = match current {
            Ok(Some(g)) if g == group => return self.execute(actor, ws, cmd).await,
            Ok(_) => ServiceError::UnknownMeeting { id: meeting },
            Err(e) => {
                tracing::error!(error = %e, "reading the meeting failed");
                ServiceError::Store(e)
            }
        };
        let workspace = match self.store.conn().await {
            Ok(mut conn) => store::workspaces::get(&mut conn, ws).await.ok().flatten(),
            Err(_) => None,
        };
        super::Response {
            lang: actor.lang_in(
                workspace
                    .as_ref()
                    .map_or(self.defaults.language, |w| w.language),
            ),
            tz: workspace.map_or(self.defaults.timezone, |w| w.timezone),
            visibility: super::Visibility::Ephemeral,
            outcome: Err(outcome),
            privacy_warnings: Vec::new(),
        }
    }
}
