//! The follow-up round's commands (issue 12, item 2): answering a question (`action
//! followup`, also what the question message's buttons and note form run), the
//! coordinator's view of a round (`meeting followup`), and when the round asks (`group
//! followup`). The asking itself is the scheduler's ([`crate::scheduler::followup`]).

use super::{commit, echo, Ctx, GroupName, Need, Reply, Service, ServiceError};
use crate::domain::followup::{self, Answer, Asked, RoundView};
use crate::domain::text::Field;
use crate::domain::{
    Action, ActionId, ActionStatus, Group, Meeting, MeetingId, MeetingStatus, UserId,
};
use crate::store;
use serde::Serialize;
use sqlx::SqliteConnection;

/// What went wrong with the follow-up round, in terms a user can be told.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FollowupError {
    #[error("the action was not asked about in a round still open")]
    NotAsked { id: ActionId },
    #[error("invalid follow-up lead")]
    InvalidLead { input: String },
}

/// A successful follow-up command.
#[derive(Debug, Clone, PartialEq)]
pub enum FollowupReply {
    Answered {
        group: Group,
        meeting: Meeting,
        action: Action,
        answer: Option<Answer>,
        /// A note was stored (also as a progress note on the action).
        noted: bool,
    },
    /// A meeting's round as the coordinator sees it.
    Round {
        group: Group,
        meeting: Meeting,
        view: RoundView,
    },
    Settings {
        group: Group,
        /// Minutes before the meeting; `None`: no round.
        lead: Option<i64>,
        changed: bool,
    },
}

/// What the audit trail keeps of an answer: no note text.
#[derive(Serialize)]
struct AnswerAudit {
    meeting: MeetingId,
    answer: Option<Answer>,
    noted: bool,
}

impl Service {
    pub(super) async fn followup_answer(
        &self,
        ctx: &mut Ctx<'_>,
        id: ActionId,
        answer: Option<Answer>,
        note: Option<String>,
        meeting: Option<MeetingId>,
    ) -> Result<Reply, ServiceError> {
        let note = ctx.optional(Field::Note, note.as_deref())?;
        if answer.is_none() && note.is_none() {
            return Err(ServiceError::NothingToChange);
        }
        let mut tx = self.store.write().await?;
        let unknown = || ServiceError::UnknownAction { id };
        let action = store::actions::get(&mut tx, id)
            .await?
            .ok_or_else(unknown)?;
        let group = self
            .group_by_id(&mut tx, ctx, action.group)
            .await?
            .ok_or_else(unknown)?;
        let relation = ctx.enter_found(&group, unknown())?;
        if group.is_archived() {
            return Err(ServiceError::GroupArchived { name: group.name });
        }
        if action.owner != ctx.actor.user {
            ctx.require(Need::Coordinator, relation)?;
        }
        let question = store::followup::question_for_action(&mut tx, id, meeting)
            .await?
            .ok_or(FollowupError::NotAsked { id })?;
        let meeting = store::meetings::get(&mut tx, question.meeting)
            .await?
            .filter(|m| m.status == MeetingStatus::Scheduled)
            .ok_or(FollowupError::NotAsked { id })?;
        store::followup::answer(
            &mut tx,
            question.id,
            answer,
            note.as_deref(),
            ctx.actor.user,
            ctx.now,
        )
        .await?;
        let action = self
            .followup_update_action(&mut tx, ctx, &action, answer, note.as_deref())
            .await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "action", Some(id.0)),
            None::<&AnswerAudit>,
            Some(&AnswerAudit {
                meeting: meeting.id,
                answer,
                noted: note.is_some(),
            }),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::Followup(Box::new(FollowupReply::Answered {
            group,
            meeting,
            action,
            answer,
            noted: note.is_some(),
        })))
    }

    /// *Ferdig* closes the action; a note becomes a progress note (with the status change,
    /// if any). *På sporet*, *Forsinket* and *Trenger hjelp* leave the status as it is:
    /// they are kept on the round's question, shown in the standing case.
    async fn followup_update_action(
        &self,
        conn: &mut SqliteConnection,
        ctx: &Ctx<'_>,
        action: &Action,
        answer: Option<Answer>,
        note: Option<&str>,
    ) -> Result<Action, ServiceError> {
        let status = (answer == Some(Answer::Done) && action.status != ActionStatus::Done)
            .then_some(ActionStatus::Done);
        let mut updated = action.clone();
        if let Some(s) = status {
            updated.status = s;
            if !store::actions::update(conn, &updated, ctx.now).await? {
                return Err(ServiceError::EditConflict);
            }
            updated.version += 1;
            updated.updated_at = ctx.now;
        }
        if status.is_some() || note.is_some() {
            store::actions::add_update(
                conn,
                action.id,
                ctx.actor.user,
                status.map(|_| action.status),
                status,
                note,
                ctx.now,
            )
            .await?;
        }
        Ok(updated)
    }

    pub(super) async fn followup_show(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let unknown = || ServiceError::UnknownMeeting { id };
        let meeting = store::meetings::get(&mut tx, id)
            .await?
            .ok_or_else(unknown)?;
        let group = self
            .group_by_id(&mut tx, ctx, meeting.group)
            .await?
            .ok_or_else(unknown)?;
        ctx.enter_found(&group, unknown())?;
        let view = round_view(&mut tx, id).await?;
        Ok(Reply::Followup(Box::new(FollowupReply::Round {
            group,
            meeting,
            view,
        })))
    }

    pub(super) async fn followup_settings(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
        ask: Option<String>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &group, false).await?;
        let relation = ctx.enter(&group)?;
        let before = store::followup::lead(&mut tx, group.id).await?;
        let Some(ask) = ask else {
            return Ok(Reply::Followup(Box::new(FollowupReply::Settings {
                group,
                lead: before,
                changed: false,
            })));
        };
        ctx.require(Need::Coordinator, relation)?;
        let lead = followup::parse_lead(&ask)
            .map_err(|_| FollowupError::InvalidLead { input: echo(&ask) })?;
        if lead == before {
            return Err(ServiceError::NothingToChange);
        }
        store::followup::set_lead(&mut tx, group.id, lead).await?;
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
        Ok(Reply::Followup(Box::new(FollowupReply::Settings {
            group,
            lead,
            changed: true,
        })))
    }
}

/// A meeting's round with its questions (empty when it has none).
pub async fn round_view(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
) -> Result<RoundView, ServiceError> {
    Ok(RoundView {
        round: store::followup::round(conn, meeting).await?,
        questions: store::followup::questions(conn, meeting).await?,
    })
}

/// A meeting's round with its questions, if the meeting has a round.
pub async fn round_of(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
) -> Result<Option<RoundView>, ServiceError> {
    let view = round_view(conn, meeting).await?;
    Ok(view.round.is_some().then_some(view))
}

/// The rounds of `meetings` that asked someone (for the group's export).
pub async fn asked_rounds(
    conn: &mut SqliteConnection,
    meetings: &[Meeting],
) -> Result<Vec<RoundView>, ServiceError> {
    let mut out = Vec::new();
    for m in meetings {
        if let Some(v) = round_of(conn, m.id).await? {
            if !v.questions.is_empty() {
                out.push(v);
            }
        }
    }
    Ok(out)
}

/// The users a round asked (for tests and the digest), in order.
pub fn asked_users(view: &RoundView) -> Vec<UserId> {
    view.asked()
        .into_iter()
        .filter_map(|a| match a {
            Asked::User(u) => Some(u),
            Asked::Role(_) => None,
        })
        .collect()
}
