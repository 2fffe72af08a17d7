//! The notice (*innkalling*) the scheduler posts before each meeting, the final case list at
//! the agenda deadline, edits of that message in place after a change, and the message to
//! the coordinators about a late submission.
//!
//! # How an edit travels
//!
//! The posted message's id and a [`Snapshot`] of what it showed are stored
//! (`meeting_notices`). Every tick compares each upcoming notice's snapshot with what it
//! would show now ([`reconcile`]); on a difference it records the change lines ("Endret …"
//! once the final list is out), stores the new snapshot and plans an edit
//! (`notice-edit:{meeting}:{n}`) — in one transaction, so a crash between a change and its
//! edit loses nothing: the edit row is durable and retried like a send, and a change made
//! while the scheduler was down is found on its first tick. The edit renders the latest
//! content when it is sent, so many quick changes make one edit. An edit is a `PATCH` of the
//! same message: doing it twice shows the same text, so a recovered claim just does it again.
//!
//! Commands that change a case list wake the scheduler at once
//! ([`crate::service::Service::schedule_changed`]).

use super::{Posting, Prepared, Worker};
use crate::domain::notice::{place_hash, Snapshot};
use crate::domain::record::Case;
use crate::domain::reminders::ReminderSettings;
use crate::domain::{AgendaItemId, GroupId, MeetingId, MeetingStatus, WorkspaceId};
use crate::notify::{Button, Outbound, Ping};
use crate::plan::lead_due;
use crate::render::notice::{self as text, ChangeView, NoticeView};
use crate::store::notifications::{self as notes, Kind, Notification, Plan};
use crate::store::{self, Result, StoreError};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sqlx::SqliteConnection;

pub fn notice_key(meeting: MeetingId) -> String {
    format!("notice:{meeting}")
}

pub fn final_key(meeting: MeetingId) -> String {
    format!("notice-final:{meeting}")
}

pub fn edit_key(meeting: MeetingId, n: i64) -> String {
    format!("notice-edit:{meeting}:{n}")
}

pub fn late_key(item: AgendaItemId) -> String {
    format!("late:{item}")
}

fn service_err(e: crate::service::ServiceError) -> StoreError {
    match e {
        crate::service::ServiceError::Store(e) => e,
        other => StoreError::Corrupt(format!("notice: {}", other.kind())),
    }
}

/// (Re)plan a meeting's notice and final list (called by [`crate::plan::plan_meeting`]);
/// returns the keys to keep, with the meeting's pending edits and late messages. The
/// notice is planned `notice_lead` before the meeting (not for a meeting created inside
/// that window: like reminders, a passed time is not made up, but a pending notice of a
/// meeting moved closer goes at once); the final list at the agenda deadline, if the group
/// has one.
#[allow(clippy::too_many_arguments)]
pub async fn plan_meeting(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    group: GroupId,
    meeting: MeetingId,
    starts_at: DateTime<Utc>,
    settings: &ReminderSettings,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<Vec<String>> {
    let mut keep = store::notice::pending_keys(conn, meeting).await?;
    let Some(lead) = store::notice::lead(conn, group).await? else {
        return Ok(keep);
    };
    let base = |key: String, kind: Kind, lead: i64, due_at: DateTime<Utc>| Plan {
        key,
        kind,
        workspace: ws,
        group: Some(group),
        meeting: Some(meeting),
        action: None,
        lead_minutes: Some(lead),
        seq: 0,
        due_at,
    };
    let key = notice_key(meeting);
    let due = lead_due(starts_at, lead, tz);
    if due > now {
        notes::plan(conn, &base(key.clone(), Kind::Notice, lead, due), now).await?;
    } else {
        notes::reschedule_pending(conn, &key, now).await?;
    }
    keep.push(key);
    if let Some(d) = settings.deadline {
        let deadline = lead_due(starts_at, d, tz);
        let key = final_key(meeting);
        if deadline > now {
            notes::plan(
                conn,
                &base(key.clone(), Kind::NoticeFinal, d, deadline),
                now,
            )
            .await?;
        } else {
            notes::reschedule_pending(conn, &key, now).await?;
        }
        keep.push(key);
    }
    Ok(keep)
}

/// Plan the coordinators' message about late item `item` (due at once).
pub async fn plan_late(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    group: GroupId,
    meeting: MeetingId,
    item: AgendaItemId,
    now: DateTime<Utc>,
) -> Result<()> {
    let plan = Plan {
        key: late_key(item),
        kind: Kind::Late,
        workspace: ws,
        group: Some(group),
        meeting: Some(meeting),
        action: None,
        lead_minutes: None,
        seq: item.0,
        due_at: now,
    };
    notes::plan(conn, &plan, now).await
}

/// What a meeting's notice shows now.
async fn snapshot(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Option<Snapshot>> {
    let Some(m) = store::meetings::get(conn, meeting).await? else {
        return Ok(None);
    };
    let items = store::agenda::for_meeting(conn, m.group, Some(m.id), false).await?;
    let mut list = Vec::with_capacity(items.len());
    for i in items {
        let facts = store::record::facts(conn, i.id).await?;
        let number = facts
            .number
            .map_or(0, |n| i64::from(n.year) * 10_000 + i64::from(n.seq));
        list.push((i.id.0, number));
    }
    Ok(Some(Snapshot {
        starts_at: m.starts_at.timestamp(),
        cancelled: m.status == MeetingStatus::Cancelled,
        place: place_hash(m.location.as_deref()),
        items: list,
    }))
}

fn snapshot_of(cases: &[Case], m: &crate::domain::Meeting) -> Snapshot {
    Snapshot {
        starts_at: m.starts_at.timestamp(),
        cancelled: m.status == MeetingStatus::Cancelled,
        place: place_hash(m.location.as_deref()),
        items: cases
            .iter()
            .map(|c| {
                let n = c
                    .number
                    .map_or(0, |n| i64::from(n.year) * 10_000 + i64::from(n.seq));
                (c.item.id.0, n)
            })
            .collect(),
    }
}

/// Find changes to posted notices of meetings still ahead, and plan their edits: the
/// change lines (after the final list), the new snapshot and the edit row in one
/// transaction. Returns how many edits were planned.
pub async fn reconcile(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<usize> {
    let mut planned = 0;
    for posted in store::notice::upcoming(conn, now).await? {
        if posted.message_id.is_none() {
            continue;
        }
        let Some(current) = snapshot(conn, posted.meeting).await? else {
            continue;
        };
        if current == posted.snapshot {
            continue;
        }
        if posted.final_list {
            for (what, item) in posted.snapshot.changes_to(&current) {
                store::notice::add_change(conn, posted.meeting, what, item, now).await?;
            }
        }
        let n = store::notice::set_snapshot(conn, posted.meeting, &current).await?;
        if store::notice::edit_pending(conn, posted.meeting).await? {
            continue; // the waiting edit renders the latest content
        }
        let Some(m) = store::meetings::get(conn, posted.meeting).await? else {
            continue;
        };
        let Some(group) = store::groups::get(conn, m.group).await? else {
            continue;
        };
        let plan = Plan {
            key: edit_key(m.id, n),
            kind: Kind::NoticeEdit,
            workspace: group.workspace,
            group: Some(group.id),
            meeting: Some(m.id),
            action: None,
            lead_minutes: None,
            seq: n,
            due_at: now,
        };
        notes::plan(conn, &plan, now).await?;
        planned += 1;
    }
    Ok(planned)
}

/// After a notice or final list went out: the message to edit from now on.
pub(crate) async fn record_posted(
    conn: &mut SqliteConnection,
    n: &Notification,
    posting: &Posting,
    message_id: Option<u64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let Some(meeting) = n.meeting else {
        return Ok(());
    };
    if posting.edit.is_some() {
        return Ok(());
    }
    store::notice::record_posted(
        conn,
        meeting,
        posting.channel,
        message_id,
        posting.final_list,
        &posting.snapshot,
        now,
    )
    .await
}

impl Worker {
    /// Load, check and render a notice, final list, edit or late message.
    pub(super) async fn prepare_notice(
        &self,
        n: &Notification,
        now: DateTime<Utc>,
    ) -> Result<Prepared> {
        let style = self.outbox.style();
        // A write transaction: the notice puts the body's standing items on the meeting
        // first, as `/meeting notice` does.
        let mut tx = self.store.write().await?;
        let Some(ws) = store::workspaces::get(&mut tx, n.workspace).await? else {
            return Ok(Prepared::Skip("workspace gone"));
        };
        let Some(group) = (match n.group {
            Some(g) => store::groups::get(&mut tx, g).await?,
            None => None,
        }) else {
            return Ok(Prepared::Skip("group gone"));
        };
        if group.is_archived() {
            return Ok(Prepared::Skip("group archived"));
        }
        let Some(channel) = group.channel else {
            return Ok(Prepared::Skip("group has no channel"));
        };
        let Some(meeting) = (match n.meeting {
            Some(m) => store::meetings::get(&mut tx, m).await?,
            None => None,
        }) else {
            return Ok(Prepared::Skip("meeting gone"));
        };
        let lang = group.effective_language(&ws);
        let tz = group.effective_timezone(&ws);
        let role = group.coordinator_role.or(ws.coordinator_role);
        if n.kind == Kind::Late {
            let item = AgendaItemId(n.seq);
            let pending = store::notice::late(&mut tx, item)
                .await?
                .is_some_and(|l| !l.decided);
            let Some(item) = store::agenda::get(&mut tx, item).await? else {
                return Ok(Prepared::Skip("item gone"));
            };
            if !pending || !item.status.is_open() {
                return Ok(Prepared::Skip("already decided"));
            }
            let content = text::late_for_coordinators(lang, tz, style, role, &meeting, &item);
            return Ok(Prepared::Send(vec![Outbound {
                channel,
                content: super::truncate(content),
                ping: role.map(Ping::Role).unwrap_or(Ping::Nobody),
                buttons: Vec::new(),
                attachments: Vec::new(),
            }]));
        }
        if meeting.starts_at <= now {
            return Ok(Prepared::Skip("meeting already started"));
        }
        let posted = store::notice::posted(&mut tx, meeting.id).await?;
        let (final_list, edit) = match n.kind {
            Kind::Notice => {
                if posted.is_some() {
                    return Ok(Prepared::Skip("notice already posted"));
                }
                (false, None)
            }
            Kind::NoticeFinal => {
                if posted.as_ref().is_some_and(|p| p.final_list) {
                    return Ok(Prepared::Skip("final list already posted"));
                }
                (true, None)
            }
            _ => {
                let Some(p) = posted.as_ref() else {
                    return Ok(Prepared::Skip("no notice to edit"));
                };
                let Some(id) = p.message_id else {
                    return Ok(Prepared::Skip("no message to edit"));
                };
                (p.final_list, Some(id))
            }
        };
        if edit.is_none() && meeting.status != MeetingStatus::Scheduled {
            return Ok(Prepared::Skip("meeting not scheduled"));
        }
        let settings = store::series::settings(&mut tx, group.id).await?;
        let deadline = settings
            .deadline
            .map(|d| lead_due(meeting.starts_at, d, tz));
        if n.kind == Kind::Notice && deadline.is_some_and(|d| d <= now) {
            // Sent late, after the deadline: the final list (due too) says it all.
            return Ok(Prepared::Skip("the final list supersedes the notice"));
        }
        crate::service::notice::standing_by_sltbot(&mut tx, &ws, &group, &meeting, now)
            .await
            .map_err(service_err)?;
        let cases = crate::service::notice::cases(&mut tx, &group, &meeting)
            .await
            .map_err(service_err)?;
        let mut changes = Vec::new();
        if final_list {
            for c in store::notice::changes(&mut tx, meeting.id).await? {
                let (title, number) = match c.item {
                    Some(id) => match store::agenda::get(&mut tx, id).await? {
                        Some(item) => (
                            Some(item.title),
                            store::record::facts(&mut tx, id).await?.number,
                        ),
                        None => (None, None),
                    },
                    None => (None, None),
                };
                changes.push(ChangeView {
                    at: c.at,
                    what: c.what,
                    title,
                    number,
                });
            }
        }
        let late = if final_list {
            store::notice::late_pending(&mut tx, meeting.id)
                .await?
                .len()
        } else {
            0
        };
        let snapshot = snapshot_of(&cases, &meeting);
        // The meeting's Discord event, when the body has events on (linked from the notice).
        let event_url = store::events::event_id(&mut tx, meeting.id)
            .await?
            .map(|event| crate::domain::events::event_url(group.workspace.0, event));
        // The standing items may have been put on just now.
        tx.commit().await?;
        let view = NoticeView {
            group: &group,
            meeting: &meeting,
            cases: &cases,
            deadline,
            final_list,
            changes: &changes,
            late,
            event_url: event_url.as_deref(),
        };
        let content = text::notice(lang, tz, style, &view);
        let buttons = if meeting.status == MeetingStatus::Scheduled {
            vec![
                Button::NoticeAttend(group.id, meeting.id),
                Button::NoticeApologies(group.id, meeting.id),
            ]
        } else {
            Vec::new()
        };
        Ok(Prepared::Notice(
            Outbound {
                channel,
                content: super::truncate(content),
                ping: Ping::Nobody,
                buttons,
                attachments: Vec::new(),
            },
            Posting {
                channel,
                final_list,
                snapshot,
                edit,
            },
        ))
    }
}
