//! The meeting record (issue 11): case lists with numbers and types, standing items,
//! holding and reopening a meeting, decisions, attendance and guests, and the minutes.
//!
//! Each operation is a declared command (`service/command.rs`: `agenda case`, `meeting
//! agenda`, `group standing`, `meeting held`, `meeting reopen`, `agenda decide`, `meeting
//! attend`, `meeting guest`, `meeting roles`, `minutes show|publish|approve`) run by
//! [`Service::execute`]: permission, validation (free text through the personal-data
//! guard), one write transaction with audit rows, a typed reply ([`Reply::Record`]) or error
//! ([`ServiceError::Record`]).

use super::{commit, echo, Ctx, GroupName, Need, Reply, Service, ServiceError};
use crate::domain::minutes::{
    Attendee, CaseType, Guest, MeetingNumber, Minutes, MinutesAction, MinutesCase,
};
use crate::domain::record::{
    self, Attendance, AttendanceStatus, Case, Decision, MeetingGuest, MeetingRecord, StandingItem,
};
use crate::domain::text::Field;
use crate::domain::{
    time, AgendaItem, AgendaItemId, AgendaStatus, AuditAction, Group, Lang, Meeting, MeetingId,
    MeetingStatus, SltLevel, UserId,
};
use crate::store::{self, record::NewCase};
use crate::t;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sqlx::SqliteConnection;

/// What went wrong with the record, in terms a user can be told.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecordError {
    #[error("the meeting has not started yet")]
    HeldBeforeStart {
        id: MeetingId,
        starts_at: DateTime<Utc>,
    },
    #[error("the body already meets at that time")]
    MeetingAtSameTime { existing: MeetingId },
    #[error("the meeting is not held")]
    NotHeld { id: MeetingId },
    #[error("the item is not on a meeting")]
    NoMeeting { id: AgendaItemId },
    #[error("invalid case type")]
    InvalidCaseType { input: String },
    #[error("too many standing items")]
    TooManyStanding { max: usize },
    #[error("nothing recorded for the meeting")]
    NothingRecorded { id: MeetingId },
    #[error("the minutes are not published")]
    MinutesNotPublished { id: MeetingId },
    #[error("the minutes are already published")]
    MinutesAlreadyPublished { id: MeetingId },
}

/// A successful record operation.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordReply {
    CasePut {
        group: Group,
        meeting: Meeting,
        case: Case,
        /// A steering body was given what reads like an individual child's case.
        individual_case_warning: bool,
    },
    CaseList {
        group: Group,
        meeting: Meeting,
        record: MeetingRecord,
        cases: Vec<Case>,
        /// The follow-up round's answers, shown under the standing case *Oppfølging av
        /// tiltak og bestillinger* (`None`: the meeting has no round).
        followup: Option<crate::domain::followup::RoundView>,
    },
    /// The notice (*innkalling*): time, place, the case list so far, the deadline.
    Notice {
        group: Group,
        meeting: Meeting,
        cases: Vec<Case>,
        /// When submissions close (the group's agenda deadline), if it has one.
        deadline: Option<DateTime<Utc>>,
        /// The meeting's Discord event, when it has one (`/group events`).
        event_url: Option<String>,
        /// The municipalities the body belongs to (inter-municipal setups; often none).
        municipalities: Vec<crate::domain::municipality::Municipality>,
        /// The follow-up round, under its standing case (`None`: no round).
        followup: Option<crate::domain::followup::RoundView>,
    },
    Standing {
        group: Group,
        items: Vec<StandingItem>,
        /// `false`: the defaults, nothing configured.
        configured: bool,
    },
    Held {
        group: Group,
        meeting: Meeting,
        number: Option<MeetingNumber>,
        next: Option<Meeting>,
        /// Cases on the list not handled: copied to the next meeting.
        carried: usize,
        /// Proposals never put on the list: moved to the next meeting.
        moved: usize,
        /// Held before its start, by explicit choice.
        early: bool,
    },
    Reopened {
        group: Group,
        meeting: Meeting,
        /// Copies removed from the next meeting (their originals open again) and proposals
        /// the hold had moved on, taken back.
        restored: usize,
        /// Copies already dealt with on the next meeting, left there.
        kept: usize,
    },
    Decided {
        group: Group,
        case: Case,
        individual_case_warning: bool,
        /// The minutes this decision approved (the case approves the last minutes).
        approved_minutes: Option<MeetingId>,
    },
    Attended {
        group: Group,
        meeting: Meeting,
        attendance: Attendance,
    },
    GuestAdded {
        group: Group,
        meeting: Meeting,
        guest: MeetingGuest,
    },
    Roles {
        group: Group,
        meeting: Meeting,
        record: MeetingRecord,
    },
    Minutes {
        group: Group,
        meeting: Meeting,
        minutes: Box<Minutes>,
    },
    MinutesPublished {
        group: Group,
        meeting: Meeting,
        minutes: Box<Minutes>,
    },
    MinutesApproved {
        group: Group,
        meeting: Meeting,
        on: NaiveDate,
    },
}

fn rec(r: RecordReply) -> Result<Reply, ServiceError> {
    Ok(Reply::Record(Box::new(r)))
}

/// The submitter of standing items: sltbot itself, not a member.
pub const STANDING_SUBMITTER: UserId = UserId(0);

/// How a member is named in the minutes: the store keeps Discord ids, not names.
pub fn member_name(user: UserId, lang: Lang) -> String {
    t!(lang, "export-user", id = user.0)
}

impl Service {
    /// The minutes of a meeting as data (a draft until published).
    pub(super) async fn minutes_show(
        &self,
        ctx: &mut Ctx<'_>,
        meeting: MeetingId,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, meeting).await?;
        let minutes = self.build_minutes(&mut tx, ctx, &group, &meeting).await?;
        commit(tx).await?;
        // A preview for the one who asked (with the files on Discord): the body's channel
        // gets the minutes when they are published.
        ctx.visibility = super::Visibility::Ephemeral;
        rec(RecordReply::Minutes {
            group,
            meeting,
            minutes: Box::new(minutes),
        })
    }

    /// The minutes of `meeting` as data, for the CLI (`sltbot minutes`): no actor, no
    /// permission; `NothingRecorded` when the meeting has no case and no attendance.
    pub async fn minutes_for_archive(
        &self,
        meeting: MeetingId,
    ) -> Result<(Minutes, Lang), ServiceError> {
        let mut conn = self.store.conn().await?;
        let m = store::meetings::get(&mut conn, meeting)
            .await?
            .ok_or(ServiceError::UnknownMeeting { id: meeting })?;
        let group = store::groups::get(&mut conn, m.group)
            .await?
            .ok_or(ServiceError::UnknownMeeting { id: meeting })?;
        let ws = match store::workspaces::get(&mut conn, group.workspace).await? {
            Some(ws) => ws,
            None => return Err(ServiceError::UnknownMeeting { id: meeting }),
        };
        let tz = group.effective_timezone(&ws);
        let lang = group.effective_language(&ws);
        let minutes = minutes_from_store(&mut conn, &group, &m, tz, lang).await?;
        if minutes.cases.is_empty() && minutes.present.is_empty() && minutes.apologies.is_empty() {
            return Err(RecordError::NothingRecorded { id: meeting }.into());
        }
        Ok((minutes, lang))
    }

    pub(super) async fn case_put(
        &self,
        ctx: &mut Ctx<'_>,
        id: AgendaItemId,
        case_type: Option<CaseType>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, item, _) = self.item_for(&mut tx, ctx, id).await?;
        let meeting_id = item.meeting.ok_or(RecordError::NoMeeting { id })?;
        let meeting = store::meetings::get(&mut tx, meeting_id)
            .await?
            .ok_or(ServiceError::UnknownMeeting { id: meeting_id })?;
        if meeting.status != MeetingStatus::Scheduled {
            return Err(ServiceError::MeetingNotScheduled { id: meeting.id });
        }
        if !item.status.is_open() {
            return Err(ServiceError::ItemClosed {
                id,
                status: item.status,
            });
        }
        ensure_standing(&mut tx, ctx, &group, &meeting).await?;
        let facts = store::record::facts(&mut tx, id).await?;
        let kind = case_type
            .or(facts.case_type)
            .unwrap_or(CaseType::Discussion);
        put_on_list(&mut tx, ctx, &group, &meeting, &item, kind).await?;
        let case = load_case(&mut tx, id).await?;
        let warning = steering_warning(&group, &case.item);
        commit(tx).await?;
        rec(RecordReply::CasePut {
            group,
            meeting,
            case,
            individual_case_warning: warning,
        })
    }

    /// The notice of a meeting, as it would be posted: time, place, the case list so far
    /// with numbers and types, and the deadline for submissions.
    pub(super) async fn meeting_notice(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        if meeting.status != MeetingStatus::Scheduled {
            return Err(ServiceError::MeetingNotScheduled { id });
        }
        ensure_standing(&mut tx, ctx, &group, &meeting).await?;
        let cases = cases_of(&mut tx, &group, &meeting).await?;
        let settings = store::series::settings(&mut tx, group.id).await?;
        let event_url = store::events::event_id(&mut tx, meeting.id)
            .await?
            .map(|event| crate::domain::events::event_url(group.workspace.0, event));
        let municipalities = store::municipalities::of_group(&mut tx, group.id).await?;
        let followup = super::followup::round_of(&mut tx, meeting.id).await?;
        commit(tx).await?;
        let deadline = settings
            .deadline
            .map(|minutes| meeting.starts_at - chrono::Duration::minutes(minutes));
        rec(RecordReply::Notice {
            group,
            meeting,
            cases,
            deadline,
            event_url,
            municipalities,
            followup,
        })
    }

    pub(super) async fn case_list(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        if meeting.status == MeetingStatus::Scheduled {
            ensure_standing(&mut tx, ctx, &group, &meeting).await?;
        }
        let cases = cases_of(&mut tx, &group, &meeting).await?;
        let record = store::record::meeting_record(&mut tx, meeting.id).await?;
        let followup = super::followup::round_of(&mut tx, meeting.id).await?;
        commit(tx).await?;
        rec(RecordReply::CaseList {
            group,
            meeting,
            record,
            cases,
            followup,
        })
    }

    pub(super) async fn standing(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
        items: Option<String>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &group, false).await?;
        let relation = ctx.enter(&group)?;
        // One item per line or separated by `;`: `Title` or `Title | type`.
        let items: Option<Vec<String>> = items.map(|text| {
            text.split(['\n', ';'])
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect()
        });
        let Some(lines) = items else {
            let configured = store::record::standing_items(&mut tx, group.id).await?;
            let lang = group.effective_language(&ctx.ws);
            return rec(RecordReply::Standing {
                items: configured.clone().unwrap_or_else(|| default_standing(lang)),
                configured: configured.is_some(),
                group,
            });
        };
        ctx.require(Need::Coordinator, relation)?;
        if lines.len() > record::MAX_STANDING {
            return Err(RecordError::TooManyStanding {
                max: record::MAX_STANDING,
            }
            .into());
        }
        let mut items = Vec::new();
        for line in lines.iter().filter(|l| !l.trim().is_empty()) {
            let (title, kind) =
                record::parse_standing(line).map_err(|input| RecordError::InvalidCaseType {
                    input: echo(&input),
                })?;
            let title = ctx.required(Field::Title, &title)?;
            items.push(StandingItem {
                title,
                case_type: kind,
                last: kind == CaseType::Aob,
            });
        }
        let before = store::record::standing_items(&mut tx, group.id).await?;
        store::record::set_standing_items(&mut tx, group.id, &items).await?;
        store::audit::record(
            &mut tx,
            &ctx.audit_as(
                Some(&group),
                AuditAction::GroupStanding,
                "group",
                Some(group.id.0),
            ),
            before.as_ref(),
            Some(&items),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        rec(RecordReply::Standing {
            group,
            configured: !items.is_empty(),
            items,
        })
    }

    /// Hold a meeting: number it and its last cases, mark it held, copy the cases it did
    /// not handle to the next meeting (the originals stay on this meeting's list, marked
    /// carried over), mark its standing items dealt with, and move proposals that never
    /// reached the list.
    pub(super) async fn hold(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
        early: bool,
    ) -> Result<RecordReply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        if meeting.status != MeetingStatus::Scheduled {
            return Err(ServiceError::MeetingNotScheduled { id });
        }
        let is_early = ctx.now < meeting.starts_at;
        if is_early && !early {
            return Err(RecordError::HeldBeforeStart {
                id,
                starts_at: meeting.starts_at,
            }
            .into());
        }
        ensure_standing(&mut tx, ctx, &group, &meeting).await?;
        let year = meeting.starts_at.with_timezone(&ctx.tz).year();
        // Cases on the list still without a number (those kept last) get theirs now, in
        // list order, so the numbers follow the list.
        let items = store::agenda::for_meeting(&mut tx, group.id, Some(meeting.id), false).await?;
        for item in items.iter().filter(|i| i.status == AgendaStatus::OnAgenda) {
            let facts = store::record::facts(&mut tx, item.id).await?;
            if facts.number.is_none() && facts.carried_from.is_none() {
                let n = store::record::next_case_number(&mut tx, group.id, year).await?;
                let kind = facts.case_type.unwrap_or(CaseType::Discussion);
                store::record::set_case(&mut tx, item.id, Some(n), kind, ctx.now).await?;
            }
        }
        store::record::number_meeting(&mut tx, group.id, meeting.id, year).await?;
        if !store::meetings::set_status(&mut tx, &meeting, MeetingStatus::Held, ctx.now).await? {
            return Err(ServiceError::EditConflict);
        }
        let held = Meeting {
            status: MeetingStatus::Held,
            version: meeting.version + 1,
            ..meeting.clone()
        };
        store::audit::record(
            &mut tx,
            &ctx.audit_as(
                Some(&group),
                AuditAction::MeetingHeld,
                "meeting",
                Some(id.0),
            ),
            Some(&meeting),
            Some(&held),
            ctx.now,
        )
        .await?;
        let next = store::meetings::next_scheduled(&mut tx, group.id, meeting.starts_at).await?;
        let next_id = next.as_ref().map(|m| m.id);
        let mut carried = 0;
        let mut proposals = Vec::new();
        for item in &items {
            match item.status {
                AgendaStatus::OnAgenda => {
                    let kind = store::record::facts(&mut tx, item.id).await?.case_type;
                    if matches!(kind, Some(CaseType::Standing | CaseType::Aob)) {
                        // Standing items come back on every meeting: dealt with here.
                        store::record::set_status(&mut tx, item.id, AgendaStatus::Handled, ctx.now)
                            .await?;
                        // Handling the approval case approves the last minutes.
                        if is_approve_minutes(&item.title) {
                            approve_previous(&mut tx, ctx, &group, &meeting).await?;
                        }
                    } else {
                        copy_forward(&mut tx, ctx, &group, item, next_id).await?;
                        carried += 1;
                    }
                }
                AgendaStatus::Proposed => proposals.push(item.clone()),
                _ => {}
            }
        }
        if !proposals.is_empty() {
            store::agenda::reassign(&mut tx, group.id, &proposals, next_id, None, ctx.now).await?;
            for item in &proposals {
                let moved = AgendaItem {
                    meeting: next_id,
                    ..item.clone()
                };
                // Its own audit action, so a reopen can find and take back these moves.
                store::audit::record(
                    &mut tx,
                    &ctx.audit_as(
                        Some(&group),
                        AuditAction::AgendaHoldMove,
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
        let number = store::record::meeting_record(&mut tx, id).await?.number;
        // The coordinators are reminded if the minutes are not out two working days later.
        crate::scheduler::minutes::plan_due(&mut tx, &group, &held, ctx.tz, ctx.now).await?;
        commit(tx).await?;
        Ok(RecordReply::Held {
            group,
            meeting: held,
            number,
            next,
            carried,
            moved: proposals.len(),
            early: is_early,
        })
    }

    pub(super) async fn reopen(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        if meeting.status != MeetingStatus::Held {
            return Err(RecordError::NotHeld { id }.into());
        }
        crate::scheduler::minutes::unplan_due(&mut tx, id).await?;
        let mut restored = 0;
        let mut kept = 0;
        for (copy, original) in store::record::copies_from_meeting(&mut tx, id).await? {
            let Some(c) = store::agenda::get(&mut tx, copy).await? else {
                continue;
            };
            let decided = store::record::decision(&mut tx, copy).await?.is_some();
            if c.status.is_open() && !decided {
                store::record::delete_item(&mut tx, copy).await?;
                store::record::set_status(&mut tx, original, AgendaStatus::OnAgenda, ctx.now)
                    .await?;
                store::audit::record(
                    &mut tx,
                    &ctx.audit_as(
                        Some(&group),
                        AuditAction::AgendaUncarry,
                        "agenda_item",
                        Some(copy.0),
                    ),
                    Some(&c),
                    None::<&AgendaItem>,
                    ctx.now,
                )
                .await?;
                restored += 1;
            } else {
                kept += 1;
            }
        }
        // Proposals the hold moved on come back, if still open where it put them.
        for (item, to) in store::record::moved_at_hold(&mut tx, group.id, id).await? {
            let Some(now) = store::agenda::get(&mut tx, item).await? else {
                continue;
            };
            if now.status.is_open() && now.meeting == to {
                let position = store::agenda::next_position(&mut tx, group.id, Some(id)).await?;
                let back = AgendaItem {
                    meeting: Some(id),
                    position,
                    ..now.clone()
                };
                if store::agenda::update(&mut tx, &back, ctx.now).await? {
                    store::audit::record(
                        &mut tx,
                        &ctx.audit_as(
                            Some(&group),
                            AuditAction::AgendaMove,
                            "agenda_item",
                            Some(item.0),
                        ),
                        Some(&now),
                        Some(&back),
                        ctx.now,
                    )
                    .await?;
                    restored += 1;
                }
            }
        }
        if !store::meetings::set_status(&mut tx, &meeting, MeetingStatus::Scheduled, ctx.now)
            .await?
        {
            return Err(ServiceError::EditConflict);
        }
        let reopened = Meeting {
            status: MeetingStatus::Scheduled,
            version: meeting.version + 1,
            ..meeting.clone()
        };
        store::audit::record(
            &mut tx,
            &ctx.audit_as(
                Some(&group),
                AuditAction::MeetingReopen,
                "meeting",
                Some(id.0),
            ),
            Some(&meeting),
            Some(&reopened),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        rec(RecordReply::Reopened {
            group,
            meeting: reopened,
            restored,
            kept,
        })
    }

    pub(super) async fn decide(
        &self,
        ctx: &mut Ctx<'_>,
        id: AgendaItemId,
        decision: Option<String>,
        notes: Option<String>,
        responsible: Option<String>,
        deadline: Option<String>,
    ) -> Result<Reply, ServiceError> {
        let decision = ctx.optional(Field::Details, decision.as_deref())?;
        let notes = ctx.optional(Field::Details, notes.as_deref())?;
        let responsible = ctx.optional(Field::Agency, responsible.as_deref())?;
        let today = time::local_date(ctx.now, ctx.tz);
        let deadline = match deadline.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => Some(
                time::parse_date_from(d, today)
                    .ok_or_else(|| ServiceError::InvalidDate { input: echo(d) })?,
            ),
            None => None,
        };
        let mut tx = self.store.write().await?;
        // The permission check first: "nothing to change" then tells the Discord adapter
        // that the actor may record this case (and gets the form).
        let (group, item, _) = self.item_for(&mut tx, ctx, id).await?;
        if decision.is_none() && notes.is_none() {
            return Err(ServiceError::NothingToChange);
        }
        let meeting_id = item.meeting.ok_or(RecordError::NoMeeting { id })?;
        let meeting = store::meetings::get(&mut tx, meeting_id)
            .await?
            .ok_or(ServiceError::UnknownMeeting { id: meeting_id })?;
        if meeting.status == MeetingStatus::Cancelled {
            return Err(ServiceError::MeetingNotScheduled { id: meeting.id });
        }
        if matches!(
            item.status,
            AgendaStatus::Withdrawn | AgendaStatus::CarriedOver
        ) {
            return Err(ServiceError::ItemClosed {
                id,
                status: item.status,
            });
        }
        // A decision on a case not yet on the list puts it there first.
        if item.status == AgendaStatus::Proposed && meeting.status == MeetingStatus::Scheduled {
            ensure_standing(&mut tx, ctx, &group, &meeting).await?;
            put_on_list(&mut tx, ctx, &group, &meeting, &item, CaseType::Decision).await?;
        }
        let before = store::record::decision(&mut tx, id).await?;
        let d = Decision {
            notes,
            decision,
            responsible,
            deadline,
        };
        store::record::set_decision(&mut tx, id, &d, ctx.actor.user, ctx.now).await?;
        store::record::set_status(&mut tx, id, AgendaStatus::Handled, ctx.now).await?;
        store::audit::record(
            &mut tx,
            &ctx.audit_as(
                Some(&group),
                AuditAction::AgendaDecide,
                "agenda_item",
                Some(id.0),
            ),
            before.as_ref(),
            Some(&d),
            ctx.now,
        )
        .await?;
        // Handling the standing case that approves the last minutes approves them.
        let mut approved_minutes = None;
        if is_approve_minutes(&item.title) {
            approved_minutes = approve_previous(&mut tx, ctx, &group, &meeting).await?;
        }
        let case = load_case(&mut tx, id).await?;
        let warning = steering_warning(&group, &case.item)
            || (group.level == SltLevel::Styrende
                && [&d.notes, &d.decision]
                    .into_iter()
                    .flatten()
                    .any(|t| record::reads_like_individual_case(t)));
        commit(tx).await?;
        rec(RecordReply::Decided {
            group,
            case,
            individual_case_warning: warning,
            approved_minutes,
        })
    }

    pub(super) async fn attend(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
        status: AttendanceStatus,
        note: Option<String>,
        user: Option<UserId>,
    ) -> Result<Reply, ServiceError> {
        let note = ctx.optional(Field::Note, note.as_deref())?;
        let mut tx = self.store.write().await?;
        let for_other = user.is_some_and(|u| u != ctx.actor.user);
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        if for_other {
            // Another member's attendance: the coordinator or the body's referent records it.
            ctx.require(Need::Referent, ctx.relation_to(&group))?;
        }
        if meeting.status == MeetingStatus::Cancelled {
            return Err(ServiceError::MeetingNotScheduled { id });
        }
        let attendance = Attendance {
            meeting: id,
            user: user.unwrap_or(ctx.actor.user),
            status,
            note,
        };
        store::record::set_attendance(&mut tx, &attendance, ctx.actor.user, ctx.now).await?;
        store::audit::record(
            &mut tx,
            &ctx.audit_as(
                Some(&group),
                AuditAction::MeetingAttend,
                "meeting",
                Some(id.0),
            ),
            None::<&Attendance>,
            Some(&attendance),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        rec(RecordReply::Attended {
            group,
            meeting,
            attendance,
        })
    }

    pub(super) async fn guest_add(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
        name: String,
        agency: Option<String>,
    ) -> Result<Reply, ServiceError> {
        let name = ctx.required(Field::Name, &name)?;
        let agency = ctx.optional(Field::Agency, agency.as_deref())?;
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        if meeting.status == MeetingStatus::Cancelled {
            return Err(ServiceError::MeetingNotScheduled { id });
        }
        let guest = store::record::add_guest(
            &mut tx,
            id,
            &name,
            agency.as_deref(),
            ctx.actor.user,
            ctx.now,
        )
        .await?;
        store::audit::record(
            &mut tx,
            &ctx.audit_as(
                Some(&group),
                AuditAction::MeetingGuest,
                "meeting",
                Some(id.0),
            ),
            None::<&MeetingGuest>,
            Some(&guest),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        rec(RecordReply::GuestAdded {
            group,
            meeting,
            guest,
        })
    }

    pub(super) async fn roles(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
        chair: Option<UserId>,
        referent: Option<UserId>,
    ) -> Result<Reply, ServiceError> {
        if chair.is_none() && referent.is_none() {
            return Err(ServiceError::NothingToChange);
        }
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        let before = store::record::meeting_record(&mut tx, id).await?;
        store::record::set_chair_referent(&mut tx, id, chair, referent).await?;
        let record = store::record::meeting_record(&mut tx, id).await?;
        store::audit::record(
            &mut tx,
            &ctx.audit_as(
                Some(&group),
                AuditAction::MeetingRoles,
                "meeting",
                Some(id.0),
            ),
            Some(&before),
            Some(&record),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        rec(RecordReply::Roles {
            group,
            meeting,
            record,
        })
    }

    pub(super) async fn minutes_publish(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        if meeting.status != MeetingStatus::Held {
            return Err(RecordError::NotHeld { id }.into());
        }
        let on = time::local_date(ctx.now, ctx.tz);
        if !store::record::publish_minutes(&mut tx, id, on, ctx.actor.user).await? {
            return Err(RecordError::MinutesAlreadyPublished { id }.into());
        }
        store::audit::record(
            &mut tx,
            &ctx.audit_as(
                Some(&group),
                AuditAction::MinutesPublish,
                "meeting",
                Some(id.0),
            ),
            None::<&()>,
            Some(&on),
            ctx.now,
        )
        .await?;
        let minutes = self.build_minutes(&mut tx, ctx, &group, &meeting).await?;
        // Posted to the body's channel with the files, through the durable outbox.
        crate::scheduler::minutes::plan_post(&mut tx, &group, id, ctx.now).await?;
        commit(tx).await?;
        rec(RecordReply::MinutesPublished {
            group,
            meeting,
            minutes: Box::new(minutes),
        })
    }

    pub(super) async fn minutes_approve(
        &self,
        ctx: &mut Ctx<'_>,
        id: MeetingId,
        at_meeting: MeetingId,
    ) -> Result<Reply, ServiceError> {
        let at = at_meeting;
        let mut tx = self.store.write().await?;
        let (group, meeting) = self.meeting_for(&mut tx, ctx, id).await?;
        let (_, at_meeting) = self.meeting_for(&mut tx, ctx, at).await?;
        if at_meeting.group != group.id {
            return Err(ServiceError::UnknownMeeting { id: at });
        }
        let on = time::local_date(ctx.now, ctx.tz);
        if !store::record::approve_minutes(&mut tx, id, on, at).await? {
            return Err(RecordError::MinutesNotPublished { id }.into());
        }
        store::audit::record(
            &mut tx,
            &ctx.audit_as(
                Some(&group),
                AuditAction::MinutesApprove,
                "meeting",
                Some(id.0),
            ),
            None::<&()>,
            Some(&on),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        rec(RecordReply::MinutesApproved { group, meeting, on })
    }

    async fn build_minutes(
        &self,
        conn: &mut SqliteConnection,
        ctx: &mut Ctx<'_>,
        group: &Group,
        meeting: &Meeting,
    ) -> Result<Minutes, ServiceError> {
        if meeting.status == MeetingStatus::Scheduled {
            ensure_standing(conn, ctx, group, meeting).await?;
        }
        minutes_from_store(conn, group, meeting, ctx.tz, ctx.lang).await
    }
}

/// The default standing items in `lang`.
pub fn default_standing(lang: Lang) -> Vec<StandingItem> {
    record::DEFAULT_STANDING
        .iter()
        .map(|(id, kind, last)| StandingItem {
            title: t!(lang, id),
            case_type: *kind,
            last: *last,
        })
        .collect()
}

/// Approve the published minutes of the body's last held meeting before `meeting`, dated
/// today (the approval case was handled). `None` if there were none to approve.
async fn approve_previous(
    conn: &mut SqliteConnection,
    ctx: &Ctx<'_>,
    group: &Group,
    meeting: &Meeting,
) -> Result<Option<MeetingId>, ServiceError> {
    let Some(prev) = store::record::previous_held(conn, group.id, meeting.starts_at).await? else {
        return Ok(None);
    };
    let on = time::local_date(ctx.now, ctx.tz);
    if !store::record::approve_minutes(conn, prev, on, meeting.id).await? {
        return Ok(None);
    }
    store::audit::record(
        conn,
        &ctx.audit_as(
            Some(group),
            AuditAction::MinutesApprove,
            "meeting",
            Some(prev.0),
        ),
        None::<&()>,
        Some(&on),
        ctx.now,
    )
    .await?;
    Ok(Some(prev))
}

/// Is this the standing case that approves the last meeting's minutes (in any language)?
pub fn is_approve_minutes(title: &str) -> bool {
    [Lang::Nb, Lang::Nn, Lang::En].into_iter().any(|l| {
        crate::domain::agenda::title_cmp(title, &t!(l, "standing-approve-minutes")).is_eq()
    })
}

fn steering_warning(group: &Group, item: &AgendaItem) -> bool {
    group.level == SltLevel::Styrende
        && (record::reads_like_individual_case(&item.title)
            || item
                .details
                .as_deref()
                .is_some_and(record::reads_like_individual_case))
}

/// Put the body's standing items on the meeting's list, once: the ordinary ones first
/// (numbered now), those kept last (Eventuelt) after every other case.
pub(super) async fn ensure_standing(
    conn: &mut SqliteConnection,
    ctx: &Ctx<'_>,
    group: &Group,
    meeting: &Meeting,
) -> Result<(), ServiceError> {
    if !store::record::claim_standing(conn, meeting.id).await? {
        return Ok(());
    }
    let lang = group.effective_language(&ctx.ws);
    let items = match store::record::standing_items(conn, group.id).await? {
        Some(items) => items,
        None => default_standing(lang),
    };
    if items.is_empty() {
        return Ok(());
    }
    let first = items.iter().filter(|i| !i.last).count() as i64;
    store::record::shift_positions(conn, meeting.id, first).await?;
    let year = meeting.starts_at.with_timezone(&ctx.tz).year();
    let mut top = 0;
    let mut bottom = 0;
    for s in &items {
        let (position, number) = if s.last {
            bottom += 1;
            (bottom, None)
        } else {
            top += 1;
            (
                top,
                Some(store::record::next_case_number(conn, group.id, year).await?),
            )
        };
        let id = store::record::insert_case(
            conn,
            &NewCase {
                group: group.id,
                meeting: Some(meeting.id),
                title: &s.title,
                details: None,
                // Nobody's own item (so no member may withdraw it as its submitter).
                submitter: STANDING_SUBMITTER,
                position,
                status: AgendaStatus::OnAgenda,
                case_type: s.case_type,
                number,
                carried_from: None,
                last: s.last,
            },
            ctx.now,
        )
        .await?;
        store::audit::record(
            conn,
            &ctx.audit_as(
                Some(group),
                AuditAction::AgendaStanding,
                "agenda_item",
                Some(id.0),
            ),
            None::<&()>,
            Some(&s),
            ctx.now,
        )
        .await?;
    }
    Ok(())
}

/// Put `item` on its meeting's case list as `kind`: status on the list, and a number if it
/// has none (the next of its body in the meeting's year).
pub(super) async fn put_on_list(
    conn: &mut SqliteConnection,
    ctx: &Ctx<'_>,
    group: &Group,
    meeting: &Meeting,
    item: &AgendaItem,
    kind: CaseType,
) -> Result<(), ServiceError> {
    let facts = store::record::facts(conn, item.id).await?;
    let number = match (facts.number, facts.carried_from, facts.last) {
        (None, None, false) => {
            let year = meeting.starts_at.with_timezone(&ctx.tz).year();
            Some(store::record::next_case_number(conn, group.id, year).await?)
        }
        _ => None,
    };
    store::record::set_case(conn, item.id, number, kind, ctx.now).await?;
    if item.status != AgendaStatus::OnAgenda {
        store::record::set_status(conn, item.id, AgendaStatus::OnAgenda, ctx.now).await?;
    }
    let after = store::record::facts(conn, item.id).await?;
    store::audit::record(
        conn,
        &ctx.audit_as(
            Some(group),
            AuditAction::AgendaCase,
            "agenda_item",
            Some(item.id.0),
        ),
        None::<&()>,
        Some(&serde_json::json!({
            "number": after.number.map(|n| n.to_string()),
            "type": kind.as_str(),
        })),
        ctx.now,
    )
    .await?;
    Ok(())
}

/// The original stays on its meeting as carried over; a copy (same number, type, title,
/// details and submitter, linked to it) goes on the next meeting, or waits for one.
async fn copy_forward(
    conn: &mut SqliteConnection,
    ctx: &Ctx<'_>,
    group: &Group,
    item: &AgendaItem,
    next: Option<MeetingId>,
) -> Result<(), ServiceError> {
    let facts = store::record::facts(conn, item.id).await?;
    store::record::set_status(conn, item.id, AgendaStatus::CarriedOver, ctx.now).await?;
    let position = store::agenda::next_position(conn, group.id, next).await?;
    let copy = store::record::insert_case(
        conn,
        &NewCase {
            group: group.id,
            meeting: next,
            title: &item.title,
            details: item.details.as_deref(),
            submitter: item.submitter,
            position,
            status: AgendaStatus::OnAgenda,
            case_type: facts.case_type.unwrap_or(CaseType::Discussion),
            number: facts.number,
            carried_from: Some(item.id),
            last: false,
        },
        ctx.now,
    )
    .await?;
    store::audit::record(
        conn,
        &ctx.audit_as(
            Some(group),
            AuditAction::AgendaCarryOver,
            "agenda_item",
            Some(copy.0),
        ),
        Some(item),
        Some(&serde_json::json!({ "copy": copy.0, "meeting": next.map(|m| m.0) })),
        ctx.now,
    )
    .await?;
    Ok(())
}

pub(super) async fn load_case(
    conn: &mut SqliteConnection,
    id: AgendaItemId,
) -> Result<Case, ServiceError> {
    let item = store::agenda::get(conn, id)
        .await?
        .ok_or(ServiceError::UnknownAgendaItem { id })?;
    case_of(conn, item).await
}

async fn case_of(conn: &mut SqliteConnection, item: AgendaItem) -> Result<Case, ServiceError> {
    let facts = store::record::facts(conn, item.id).await?;
    let decision = store::record::decision(conn, item.id).await?;
    Ok(Case {
        number: facts.number,
        case_type: facts.case_type,
        carried_from: facts.carried_from,
        last: facts.last,
        decision,
        item,
        minutes: None,
    })
}

/// The meeting's cases in list order (withdrawn ones left out).
pub(super) async fn cases_of(
    conn: &mut SqliteConnection,
    group: &Group,
    meeting: &Meeting,
) -> Result<Vec<Case>, ServiceError> {
    let items = store::agenda::for_meeting(conn, group.id, Some(meeting.id), false).await?;
    let mut cases = Vec::with_capacity(items.len());
    for item in items {
        let mut case = case_of(conn, item).await?;
        if is_approve_minutes(&case.item.title) {
            case.minutes = minutes_link(conn, group, meeting).await?;
        }
        cases.push(case);
    }
    Ok(cases)
}

/// The minutes the approval case of `meeting` is about: the last held meeting's.
async fn minutes_link(
    conn: &mut SqliteConnection,
    group: &Group,
    meeting: &Meeting,
) -> Result<Option<record::MinutesLink>, ServiceError> {
    let Some(prev) = store::record::previous_held(conn, group.id, meeting.starts_at).await? else {
        return Ok(None);
    };
    Ok(Some(record::MinutesLink {
        meeting: prev,
        number: store::record::meeting_record(conn, prev).await?.number,
        status: store::record::minutes_status(conn, prev).await?,
    }))
}

/// The minutes of `meeting` from what the store holds (also for the scheduler's post).
pub async fn minutes_from_store(
    conn: &mut SqliteConnection,
    group: &Group,
    meeting: &Meeting,
    tz: chrono_tz::Tz,
    lang: Lang,
) -> Result<Minutes, ServiceError> {
    let local = meeting.starts_at.with_timezone(&tz);
    let record = store::record::meeting_record(conn, meeting.id).await?;
    let attendance = store::record::attendance(conn, meeting.id).await?;
    let person = |a: &Attendance| Attendee {
        name: member_name(a.user, lang),
        note: a.note.clone(),
    };
    // The follow-up round's answers go under its standing case (before any notes).
    let followup = super::followup::round_of(conn, meeting.id)
        .await?
        .and_then(|v| crate::render::followup::minutes_text(lang, tz, &v));
    let cases = cases_of(conn, group, meeting).await?;
    let numbers: std::collections::HashMap<_, _> =
        cases.iter().map(|c| (c.item.id, c.number)).collect();
    // Actions created from the meeting's cases (`/action add case:`), in creation order.
    let actions = store::case_actions::for_meeting(conn, meeting.id)
        .await?
        .into_iter()
        .map(|(item, a)| MinutesAction {
            title: a.title,
            owner: member_name(a.owner, lang),
            agency: a.agency,
            due: a.due,
            case: numbers.get(&item).copied().flatten(),
        })
        .collect();
    let cases = cases
        .into_iter()
        .filter(|c| c.item.status != AgendaStatus::Proposed)
        .map(|c| {
            let d = c.decision.unwrap_or_default();
            let notes = match &followup {
                Some(f) if crate::render::followup::is_followup_case(&c.item.title) => {
                    Some(match d.notes {
                        Some(n) => format!("{f}\n\n{n}"),
                        None => f.clone(),
                    })
                }
                _ => d.notes,
            };
            MinutesCase {
                number: c.number,
                title: c.item.title,
                case_type: c.case_type.unwrap_or(CaseType::Discussion),
                notes,
                decision: d.decision,
                responsible: d.responsible,
                deadline: d.deadline,
            }
        })
        .collect();
    let municipalities = store::municipalities::of_group(conn, group.id)
        .await?
        .into_iter()
        .map(|m| format!("{} ({})", m.name, m.number))
        .collect();
    Ok(Minutes {
        body: group.name.clone(),
        level: group.level,
        municipalities,
        number: record.number,
        date: local.date_naive(),
        time: local.time(),
        place: meeting.location.clone(),
        chair: record.chair.map(|u| member_name(u, lang)),
        referent: record.referent.map(|u| member_name(u, lang)),
        present: attendance
            .iter()
            .filter(|a| a.status == AttendanceStatus::Present)
            .map(person)
            .collect(),
        apologies: attendance
            .iter()
            .filter(|a| a.status == AttendanceStatus::Absent)
            .map(person)
            .collect(),
        guests: store::record::guests(conn, meeting.id)
            .await?
            .into_iter()
            .map(|g| Guest {
                name: g.name,
                agency: g.agency,
            })
            .collect(),
        cases,
        actions,
        orders: orders_in_minutes(conn, meeting.id).await?,
        status: store::record::minutes_status(conn, meeting.id).await?,
    })
}

/// The orders sent from the meeting's cases (see `service::orders`), with the number of
/// the case each came from.
async fn orders_in_minutes(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
) -> Result<Vec<crate::domain::minutes::MinutesOrder>, ServiceError> {
    let mut out = Vec::new();
    for (to, o) in super::orders::minutes_orders(conn, meeting).await? {
        let case = match o.from_case {
            Some(c) => store::record::facts(conn, c).await?.number,
            None => None,
        };
        out.push(crate::domain::minutes::MinutesOrder {
            to,
            title: o.title,
            due: o.due,
            case,
        });
    }
    Ok(out)
}

/// The meeting record of one body, for its GDPR export.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExportedRecord {
    /// `None`: the default standing items.
    pub standing_items: Option<Vec<StandingItem>>,
    pub cases: Vec<ExportedCase>,
    pub meetings: Vec<ExportedMeeting>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExportedCase {
    pub item: AgendaItemId,
    /// `03/27`
    pub number: Option<String>,
    pub case_type: Option<CaseType>,
    pub carried_from: Option<AgendaItemId>,
    pub decision: Option<Decision>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExportedMeeting {
    pub meeting: MeetingId,
    pub record: MeetingRecord,
    pub attendance: Vec<Attendance>,
    pub guests: Vec<MeetingGuest>,
    pub minutes: crate::domain::minutes::MinutesStatus,
}

pub(super) async fn export_record(
    conn: &mut SqliteConnection,
    group: &Group,
    meetings: &[Meeting],
) -> Result<ExportedRecord, ServiceError> {
    let mut cases = Vec::new();
    for item in store::agenda::all_for_group(conn, group.id).await? {
        let facts = store::record::facts(conn, item.id).await?;
        let decision = store::record::decision(conn, item.id).await?;
        if facts.number.is_none() && facts.case_type.is_none() && decision.is_none() {
            continue;
        }
        cases.push(ExportedCase {
            item: item.id,
            number: facts.number.map(|n| n.to_string()),
            case_type: facts.case_type,
            carried_from: facts.carried_from,
            decision,
        });
    }
    let mut out = Vec::new();
    for m in meetings {
        out.push(ExportedMeeting {
            meeting: m.id,
            record: store::record::meeting_record(conn, m.id).await?,
            attendance: store::record::attendance(conn, m.id).await?,
            guests: store::record::guests(conn, m.id).await?,
            minutes: store::record::minutes_status(conn, m.id).await?,
        });
    }
    Ok(ExportedRecord {
        standing_items: store::record::standing_items(conn, group.id).await?,
        cases,
        meetings: out,
    })
}
