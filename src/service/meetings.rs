use super::{commit, echo, Ctx, GroupName, Reply, Service, ServiceError};
use crate::domain::text::Field;
use crate::domain::{time, AgendaStatus, AuditAction, Group, Meeting, MeetingId, MeetingStatus};
use crate::store::{self, meetings::NewMeeting};
use sqlx::SqliteConnection;

impl Service {
    pub(super) async fn meeting_add(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
        at: String,
        title: Option<String>,
        location: Option<String>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &group, false).await?;
        ctx.enter(&group)?;
        let starts_at = time::parse_datetime_from(&at, ctx.tz, ctx.now)
            .ok_or_else(|| ServiceError::InvalidDateTime { input: echo(&at) })?;
        if starts_at <= ctx.now {
            return Err(ServiceError::DateInPast { input: echo(&at) });
        }
        if let Some(existing) = store::record::meeting_at(&mut tx, group.id, starts_at).await? {
            return Err(super::RecordError::MeetingAtSameTime { existing }.into());
        }
        super::check_limit(
            super::Limit::UpcomingMeetingsPerGroup,
            store::meetings::count_upcoming(&mut tx, group.id, ctx.now).await?,
        )?;
        let title = ctx.optional(Field::Title, title.as_deref())?;
        let location = ctx.optional(Field::Location, location.as_deref())?;
        let new = NewMeeting {
            group: group.id,
            starts_at,
            title: title.as_deref(),
            location: location.as_deref(),
            created_by: ctx.actor.user,
        };
        let meeting = store::meetings::insert(&mut tx, &new, ctx.now).await?;
        let settings = store::series::settings(&mut tx, group.id).await?;
        crate::plan::plan_meeting(
            &mut tx,
            ctx.ws.id,
            group.id,
            meeting.id,
            meeting.starts_at,
            &settings,
            ctx.now,
        )
        .await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "meeting", Some(meeting.id.0)),
            None::<&Meeting>,
            Some(&meeting),
            ctx.now,
        )
        .await?;
        let attached = attach_waiting_items(&mut tx, ctx, &group).await?;
        commit(tx).await?;
        Ok(Reply::MeetingAdded {
            group,
            meeting,
            attached,
        })
    }

    pub(super) async fn meeting_list(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let group = self.find_group(&mut tx, ctx, &group, true).await?;
        ctx.enter(&group)?;
        let meetings = store::meetings::list_from(&mut tx, group.id, ctx.now, 20).await?;
        Ok(Reply::MeetingList { group, meetings })
    }

    /// Load a meeting of this workspace and pass the permission check on its group.
    pub(super) async fn meeting_for(
        &self,
        conn: &mut SqliteConnection,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
    ) -> Result<(Group, Meeting), ServiceError> {
        let unknown = || ServiceError::UnknownMeeting { id };
        let meeting = store::meetings::get(conn, id).await?.ok_or_else(unknown)?;
        let group = self
            .group_by_id(conn, ctx, meeting.group)
            .await?
            .ok_or_else(unknown)?;
        ctx.enter_found(&group, unknown())?;
        Ok((group, meeting))
    }

    pub(super) async fn meeting_cancel(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        let (moved_to, moved) = close_meeting(
            &mut tx,
            ctx,
            &group,
            &meeting,
            MeetingStatus::Cancelled,
            None,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::MeetingCancelled {
            group,
            meeting: Meeting {
                status: MeetingStatus::Cancelled,
                version: meeting.version + 1,
                ..meeting
            },
            moved_to,
            moved,
        })
    }

    pub(super) async fn meeting_held(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
        early: Option<bool>,
    ) -> Result<Reply, ServiceError> {
        // The record's hold: refused before the meeting's start (the record's own command
        // has the explicit override); unhandled cases are copied, not moved.
        let held = self.hold(ctx, id, early.unwrap_or(false)).await?;
        Ok(Reply::Record(Box::new(held)))
    }
}

/// Mark a meeting held or cancelled and move its open items to the group's next
/// scheduled meeting (or to "waiting" if there is none). Returns where they went and
/// how many moved.
async fn close_meeting(
    tx: &mut SqliteConnection,
    ctx: &Ctx<'_>,
    group: &Group,
    meeting: &Meeting,
    status: MeetingStatus,
    item_status: Option<AgendaStatus>,
) -> Result<(Option<Meeting>, usize), ServiceError> {
    if meeting.status != MeetingStatus::Scheduled {
        return Err(ServiceError::MeetingNotScheduled { id: meeting.id });
    }
    if !store::meetings::set_status(tx, meeting, status, ctx.now).await? {
        return Err(ServiceError::EditConflict);
    }
    let after = Meeting {
        status,
        ..meeting.clone()
    };
    store::audit::record(
        tx,
        &ctx.audit(Some(group), "meeting", Some(meeting.id.0)),
        Some(meeting),
        Some(&after),
        ctx.now,
    )
    .await?;
    let open: Vec<_> = store::agenda::for_meeting(tx, group.id, Some(meeting.id), false)
        .await?
        .into_iter()
        .filter(|i| i.status.is_open())
        .collect();
    // The next meeting after this one in time order. (It used to be the next one after
    // *now*, so cancelling a meeting that had begun skipped a later meeting the same day.)
    let next = store::meetings::next_scheduled(tx, group.id, meeting.starts_at).await?;
    if !open.is_empty() {
        store::agenda::reassign(
            tx,
            group.id,
            &open,
            next.as_ref().map(|m| m.id),
            item_status,
            ctx.now,
        )
        .await?;
        for item in &open {
            let mut moved = item.clone();
            moved.meeting = next.as_ref().map(|m| m.id);
            moved.status = item_status.unwrap_or(item.status);
            store::audit::record(
                tx,
                &ctx.audit_as(
                    Some(group),
                    AuditAction::AgendaCarryOver,
                    "agenda_item",
                    Some(item.id.0),
                ),
                Some(item),
                Some(&moved),
                ctx.now,
            )
            .await?;
        }
    }
    Ok((next, open.len()))
}

/// Items waiting for a meeting go to the group's next scheduled one, once there is one.
pub(super) async fn attach_waiting_items(
    tx: &mut SqliteConnection,
    ctx: &Ctx<'_>,
    group: &Group,
) -> Result<usize, ServiceError> {
    let Some(next) = store::meetings::next_scheduled(tx, group.id, ctx.now).await? else {
        return Ok(0);
    };
    let waiting = store::agenda::for_meeting(tx, group.id, None, false).await?;
    let late = store::notice::late_undecided(tx, group.id).await?;
    // A submission after a deadline waits for the coordinator's decision (`agenda admit`).
    let waiting: Vec<_> = waiting
        .into_iter()
        .filter(|i| i.status.is_open() && !late.contains(&i.id))
        .collect();
    if waiting.is_empty() {
        return Ok(0);
    }
    store::agenda::reassign(tx, group.id, &waiting, Some(next.id), None, ctx.now).await?;
    for item in &waiting {
        let mut moved = item.clone();
        moved.meeting = Some(next.id);
        store::audit::record(
            tx,
            &ctx.audit_as(
                Some(group),
                AuditAction::AgendaAttach,
                "agenda_item",
                Some(item.id.0),
            ),
            Some(item),
            Some(&moved),
            ctx.now,
        )
        .await?;
    }
    Ok(waiting.len())
}
