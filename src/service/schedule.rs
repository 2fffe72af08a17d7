//! Recurring meetings and what the scheduler sends: `meeting schedule`, `meeting next`,
//! `meeting move`, `group reminders`, `digest`.

use super::spec::{CadenceText, DigestCadenceText};
use super::{commit, echo, Ctx, GroupName, Need, Reply, Service, ServiceError, Visibility};
use crate::domain::cadence::Cadence;
use crate::domain::reminders::{parse_duration, parse_leads};
use crate::domain::{time, ChannelId, Meeting, MeetingId};
use crate::plan;
use crate::store;

/// Meetings shown after `meeting schedule`.
const UPCOMING_SHOWN: i64 = 5;

impl Service {
    pub(super) async fn meeting_schedule(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
        cadence: CadenceText,
        skip_holidays: Option<bool>,
        rule: Option<bool>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &group, false).await?;
        ctx.enter(&group)?;
        let parsed =
            Cadence::parse(&cadence, ctx.tz, ctx.now).map_err(ServiceError::InvalidCadence)?;
        let mut settings = store::series::settings(&mut tx, group.id).await?;
        if let Some(skip) = skip_holidays {
            settings.skip_holidays = skip;
        }
        let horizon = ctx.now + chrono::Duration::days(plan::HORIZON_DAYS);
        let first = parsed.occurrences_after(
            ctx.now,
            plan::MAX_OCCURRENCES_IN_HORIZON + 1,
            settings.skip_holidays,
        );
        if first.is_empty() {
            return Err(ServiceError::InvalidCadence(
                crate::domain::cadence::CadenceError::NeverOccurs,
            ));
        }
        if first.len() > plan::MAX_OCCURRENCES_IN_HORIZON
            && first
                .last()
                .is_some_and(|t| t.with_timezone(&chrono::Utc) <= horizon)
        {
            return Err(ServiceError::CadenceTooFrequent);
        }
        let before = store::series::active(&mut tx, group.id).await?;
        if let Some(old) = &before {
            // Future untouched meetings of the old series go; moved or cancelled ones stay.
            store::series::delete_untouched_after(&mut tx, old.id, ctx.now, &[]).await?;
            store::series::end(&mut tx, old.id, ctx.now).await?;
        }
        store::series::set_settings(&mut tx, group.id, &settings, ctx.now).await?;
        let series = store::series::insert(
            &mut tx,
            group.id,
            &parsed.to_storage(),
            ctx.tz,
            ctx.actor.user,
            ctx.now,
        )
        .await?;
        plan::sync_series(&mut tx, &series, &settings, ctx.now, true).await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "series", Some(series.id)),
            before.as_ref().map(|s| &s.cadence),
            Some(&series.cadence),
            ctx.now,
        )
        .await?;
        let attached = super::meetings::attach_waiting_items(&mut tx, ctx, &group).await?;
        let upcoming = store::meetings::list_from(&mut tx, group.id, ctx.now, UPCOMING_SHOWN)
            .await?
            .into_iter()
            .filter(|m| m.status == crate::domain::MeetingStatus::Scheduled)
            .collect();
        commit(tx).await?;
        Ok(Reply::MeetingScheduled {
            group,
            cadence: series.cadence,
            show_rule: rule.unwrap_or(false),
            skip_holidays: settings.skip_holidays,
            upcoming,
            attached,
        })
    }

    pub(super) async fn meeting_next(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let group = self.find_group(&mut tx, ctx, &group, true).await?;
        ctx.enter(&group)?;
        let meeting = store::meetings::next_scheduled(&mut tx, group.id, ctx.now).await?;
        let agenda_items = match &meeting {
            Some(m) => store::agenda::for_meeting(&mut tx, group.id, Some(m.id), false)
                .await?
                .len(),
            None => 0,
        };
        Ok(Reply::MeetingNext {
            group,
            meeting,
            agenda_items,
        })
    }

    pub(super) async fn meeting_move(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
        at: String,
    ) -> Result<Reply, ServiceError> {
        let at = at.as_str();
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        if meeting.status != crate::domain::MeetingStatus::Scheduled {
            return Err(ServiceError::MeetingNotScheduled { id });
        }
        let starts_at = time::parse_datetime_from(at, ctx.tz, ctx.now)
            .ok_or_else(|| ServiceError::InvalidDateTime { input: echo(at) })?;
        if starts_at <= ctx.now {
            return Err(ServiceError::DateInPast { input: echo(at) });
        }
        if starts_at == meeting.starts_at {
            return Err(ServiceError::NothingToChange);
        }
        if let Some(existing) = store::record::meeting_at(&mut tx, group.id, starts_at).await? {
            return Err(super::RecordError::MeetingAtSameTime { existing }.into());
        }
        if !store::series::move_meeting(&mut tx, id, meeting.version, starts_at, ctx.now).await? {
            return Err(ServiceError::EditConflict);
        }
        let moved = Meeting {
            starts_at,
            version: meeting.version + 1,
            ..meeting.clone()
        };
        let settings = store::series::settings(&mut tx, group.id).await?;
        plan::plan_meeting(
            &mut tx, ctx.ws.id, group.id, id, starts_at, &settings, ctx.now,
        )
        .await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "meeting", Some(id.0)),
            Some(&meeting),
            Some(&moved),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::MeetingMoved {
            group,
            meeting: moved,
            from: meeting.starts_at,
        })
    }

    pub(super) async fn group_reminders(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
        leads: Option<String>,
        deadline: Option<String>,
        skip_holidays: Option<bool>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &group, false).await?;
        let relation = ctx.enter(&group)?;
        let before = store::series::settings(&mut tx, group.id).await?;
        let mut settings = before.clone();
        if let Some(l) = leads.as_deref() {
            settings.leads =
                parse_leads(l).ok_or_else(|| ServiceError::InvalidLeads { input: echo(l) })?;
        }
        if let Some(d) = deadline.as_deref() {
            let t = d.trim().to_lowercase();
            settings.deadline = if matches!(t.as_str(), "none" | "ingen" | "inga") {
                None
            } else {
                Some(
                    parse_duration(d)
                        .ok_or_else(|| ServiceError::InvalidDuration { input: echo(d) })?,
                )
            };
        }
        if let Some(s) = skip_holidays {
            settings.skip_holidays = s;
        }
        if leads.is_none() && deadline.is_none() && skip_holidays.is_none() {
            // Showing the settings is for members; changing them for coordinators.
            return Ok(Reply::GroupReminders { group, settings });
        }
        ctx.require(Need::Coordinator, relation)?;
        if settings == before {
            return Err(ServiceError::NothingToChange);
        }
        store::series::set_settings(&mut tx, group.id, &settings, ctx.now).await?;
        if settings.skip_holidays != before.skip_holidays {
            if let Some(series) = store::series::active(&mut tx, group.id).await? {
                plan::sync_series(&mut tx, &series, &settings, ctx.now, true).await?;
            }
        }
        plan::replan_group(&mut tx, group.id, &settings, ctx.now).await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "group", Some(group.id.0)),
            Some(&before),
            Some(&settings),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::GroupReminders { group, settings })
    }

    pub(super) async fn digest_show(
        &self,
        ctx: &mut Ctx<'_>,
        rule: Option<bool>,
        municipality: Option<String>,
    ) -> Result<Reply, ServiceError> {
        if let Some(m) = municipality {
            return self.municipality_digest(ctx, &m).await;
        }
        let mut conn = self.store.conn().await?;
        let current = store::digest::settings(&mut conn, ctx.ws.id)
            .await?
            .ok_or(ServiceError::NothingToChange)?;
        let next = store::notifications::next_digest(&mut conn, ctx.ws.id).await?;
        ctx.visibility = Visibility::Ephemeral;
        Ok(Reply::DigestSettings {
            channel: current.channel,
            cadence: current.cadence,
            show_rule: rule.unwrap_or(false),
            next,
        })
    }

    pub(super) async fn digest_set(
        &self,
        ctx: &mut Ctx<'_>,
        channel: Option<ChannelId>,
        cadence: Option<DigestCadenceText>,
        rule: Option<bool>,
    ) -> Result<Reply, ServiceError> {
        if channel.is_none() && cadence.is_none() {
            return self.digest_show(ctx, rule, None).await;
        }
        let mut tx = self.store.write().await?;
        let current = store::digest::settings(&mut tx, ctx.ws.id)
            .await?
            .ok_or(ServiceError::NothingToChange)?;
        ctx.visibility = Visibility::Ephemeral;
        let mut ws = ctx.ws.clone();
        let mut stored = current.cadence.clone();
        if let Some(c) = cadence.as_deref() {
            let parsed =
                Cadence::parse(c, ws.timezone, ctx.now).map_err(ServiceError::InvalidCadence)?;
            if parsed.next_after(ctx.now, false).is_none() {
                return Err(ServiceError::InvalidCadence(
                    crate::domain::cadence::CadenceError::NeverOccurs,
                ));
            }
            stored = parsed.to_storage();
            store::digest::set_cadence(&mut tx, ws.id, &stored).await?;
        }
        if let Some(ch) = channel {
            ws.digest_channel = Some(ch);
            store::workspaces::update(&mut tx, &ws, ctx.now).await?;
        }
        let next = plan::replan_digest(&mut tx, ws.id, ctx.now).await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(None, "workspace", None),
            Some(&(current.channel, &current.cadence)),
            Some(&(ws.digest_channel, &stored)),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::DigestSettings {
            channel: ws.digest_channel,
            cadence: stored,
            show_rule: rule.unwrap_or(false),
            next,
        })
    }
}
