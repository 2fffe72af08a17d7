//! Discord scheduled events for meetings: a reconciler, driven by the database.
//!
//! For every workspace with a group that has events on (`/group events`), the *wanted*
//! events are its groups' scheduled meetings that start within [`HORIZON_DAYS`], nearest
//! first, at most [`CAP`] per guild. One pass ([`EventSync::sync`]) compares them with
//! what is stored per meeting (`meeting_events`) and sends only the difference:
//!
//! - a wanted meeting without an event: **create** — the row is written `creating`
//!   *before* the request, so a crash (or a 5xx whose effect is unknown) is recovered by
//!   looking the event up on Discord first ([`EventPort::find`]: the bot's own event whose
//!   description carries `id:{meeting}`): never lost, never doubled;
//! - a wanted meeting whose time, title or place changed (a fingerprint of the fields
//!   sent is stored): **update** (PATCH; idempotent);
//! - an event whose meeting is cancelled, held, past its end, deleted, beyond the cap or
//!   of a group with events turned off: **delete** (a 404 means it is gone already).
//!
//! One-off events, not Discord's `recurrence_rule`: it cannot say "every fourth week"
//! (a weekly interval is 1 or 2) and serenity 0.12 has no field for it. The horizon is 60
//! days: it holds the next meeting of every group meeting at least every other month, shows a
//! quarterly group's meeting some two months ahead, and 60 days of a weekly group is 9
//! events, far inside Discord's limit of 100 active events per guild; the cap of 50 leaves
//! the other half to people's own events.
//!
//! Failures: a 429/5xx/network error is retried at `retry_after` or an exponential
//! back-off (the row's `next_try_at`); a refusal (403 missing permission …) is stored as
//! the row's `failure`, logged, named by the self-check, and tried again after
//! [`RETRY_REFUSED`] (an admin may have fixed the permission meanwhile).

use crate::clock::Clock;
use crate::domain::{ChannelId, Group, Lang, Meeting, MeetingId, WorkspaceId};
use crate::notify::{DeliveryError, Refusal};
use crate::store::events::{self as ev, EventRow, EventState};
use crate::store::{self, Store, StoreError};
use crate::t;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

pub use crate::domain::events::{event_url, is_marked, marker, CAP, HORIZON_DAYS};

/// How long a meeting's event lasts (Discord needs an end for an EXTERNAL event).
pub const MEETING_MINUTES: i64 = crate::calendar::MEETING_MINUTES;
/// When a refused operation is tried again.
pub const RETRY_REFUSED: Duration = Duration::hours(6);
/// Discord's limits for an event's name and an EXTERNAL event's location.
pub const NAME_MAX: usize = 100;
pub const LOCATION_MAX: usize = 100;
pub const DESCRIPTION_MAX: usize = 1000;

/// Where an event takes place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// EXTERNAL, with a location text.
    External(String),
    /// VOICE, in this channel.
    Voice(ChannelId),
}

/// An event as sent to Discord.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSpec {
    pub name: String,
    pub description: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub place: Place,
}

impl EventSpec {
    /// A stable fingerprint of everything sent (stored instead of the texts).
    pub fn fingerprint(&self) -> String {
        let place = match &self.place {
            Place::External(l) => format!("x:{l}"),
            Place::Voice(c) => format!("v:{}", c.0),
        };
        let text = format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
            self.name,
            self.description,
            self.start.timestamp(),
            self.end.timestamp(),
            place
        );
        // FNV-1a, 64 bits: stable across processes and versions (unlike std's hasher).
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in text.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{h:016x}")
    }
}

/// Cut `s` to at most `max` characters (with an ellipsis when cut).
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The event for `meeting` of `group`, in the group's language. The Events list is read by
/// the whole server, like the weekly digest: a meeting's own title shows only where the
/// group lets the digest show titles (`/group digest titles:yes`); else the event is
/// "Møte i <group>".
pub fn spec_for(
    lang: Lang,
    tz: Tz,
    group: &Group,
    meeting: &Meeting,
    voice: Option<ChannelId>,
) -> EventSpec {
    let title = meeting.title.as_ref().filter(|_| group.digest_titles);
    let name = match title {
        Some(title) => t!(
            lang,
            "events-name-titled",
            group = group.name.as_str(),
            title = title.as_str()
        ),
        None => t!(lang, "events-name", group = group.name.as_str()),
    };
    let when = crate::i18n::format::datetime(lang, meeting.starts_at, tz);
    let description = t!(
        lang,
        "events-description",
        group = group.name.as_str(),
        when = when,
        id = meeting.id.0
    );
    let place = match voice {
        Some(c) => Place::Voice(c),
        None => Place::External(cut(
            &meeting
                .location
                .clone()
                .filter(|l| !l.trim().is_empty())
                .unwrap_or_else(|| {
                    t!(
                        lang,
                        "events-location-fallback",
                        group = group.name.as_str()
                    )
                }),
            LOCATION_MAX,
        )),
    };
    EventSpec {
        name: cut(&name, NAME_MAX),
        description: cut(&description, DESCRIPTION_MAX),
        start: meeting.starts_at,
        end: meeting.starts_at + Duration::minutes(MEETING_MINUTES),
        place,
    }
}

/// Discord's guild scheduled events, as the reconciler needs them.
#[async_trait::async_trait]
pub trait EventPort: Send + Sync + 'static {
    /// Create; the new event's id.
    async fn create(&self, guild: u64, e: &EventSpec) -> Result<u64, DeliveryError>;
    /// Change every field to `e`'s.
    async fn update(&self, guild: u64, id: u64, e: &EventSpec) -> Result<(), DeliveryError>;
    /// Delete; an event already gone is no error.
    async fn delete(&self, guild: u64, id: u64) -> Result<(), DeliveryError>;
    /// The id of the bot's own event for `meeting` ([`is_marked`]), if there is one.
    async fn find(&self, guild: u64, meeting: MeetingId) -> Result<Option<u64>, DeliveryError>;
}

/// What one pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SyncReport {
    pub created: usize,
    pub updated: usize,
    pub deleted: usize,
    /// Found on Discord after a crash and adopted instead of created again.
    pub adopted: usize,
    pub retried: usize,
    pub failed: usize,
    /// Meetings within the horizon left without an event because of [`CAP`].
    pub over_cap: usize,
}

/// The reconciler.
pub struct EventSync {
    store: Store,
    clock: Arc<dyn Clock>,
    port: Arc<dyn EventPort>,
}

enum Step {
    Create,
    /// Look it up first (a create may have gone through), then create or update.
    Recover,
    Update(u64),
    Keep,
}

impl EventSync {
    pub fn new(store: Store, clock: Arc<dyn Clock>, port: Arc<dyn EventPort>) -> Self {
        EventSync { store, clock, port }
    }

    /// One pass over every workspace with events.
    pub async fn sync(&self, now: DateTime<Utc>) -> Result<SyncReport, StoreError> {
        let workspaces = {
            let mut tx = self.store.read().await?;
            ev::workspaces(&mut tx).await?
        };
        let mut report = SyncReport::default();
        for ws in workspaces {
            self.sync_workspace(ws, now, &mut report).await?;
        }
        Ok(report)
    }

    /// Wanted events of `ws`: (meeting, spec), nearest first, and how many the cap left out.
    async fn wanted(
        &self,
        ws: WorkspaceId,
        now: DateTime<Utc>,
    ) -> Result<(Vec<(Meeting, EventSpec)>, usize), StoreError> {
        let mut tx = self.store.read().await?;
        let Some(workspace) = store::workspaces::get(&mut tx, ws).await? else {
            return Ok((Vec::new(), 0));
        };
        let voice: HashMap<_, _> = ev::enabled_groups(&mut tx, ws).await?.into_iter().collect();
        // Meetings that have begun keep their event until they end.
        let from = now - Duration::minutes(MEETING_MINUTES);
        let mut found = ev::candidates(
            &mut tx,
            ws,
            from,
            now + Duration::days(HORIZON_DAYS),
            10_000,
        )
        .await?;
        let over = found.len().saturating_sub(CAP);
        found.truncate(CAP);
        let mut groups: HashMap<_, Group> = HashMap::new();
        let mut out = Vec::with_capacity(found.len());
        for m in found {
            if let std::collections::hash_map::Entry::Vacant(slot) = groups.entry(m.group) {
                if let Some(g) = store::groups::get(&mut tx, m.group).await? {
                    slot.insert(g);
                }
            }
            let Some(g) = groups.get(&m.group) else {
                continue;
            };
            let lang = g.effective_language(&workspace);
            let tz = g.effective_timezone(&workspace);
            let spec = spec_for(lang, tz, g, &m, voice.get(&m.group).copied().flatten());
            out.push((m, spec));
        }
        Ok((out, over))
    }

    async fn sync_workspace(
        &self,
        ws: WorkspaceId,
        now: DateTime<Utc>,
        report: &mut SyncReport,
    ) -> Result<(), StoreError> {
        let (wanted, over) = self.wanted(ws, now).await?;
        if over > 0 {
            tracing::warn!(
                workspace = ws.0,
                cap = CAP,
                left_out = over,
                "scheduled events: the cap per server is reached; later meetings get their event when nearer"
            );
            report.over_cap += over;
        }
        let rows: HashMap<MeetingId, EventRow> = {
            let mut tx = self.store.read().await?;
            ev::rows(&mut tx, ws)
                .await?
                .into_iter()
                .map(|r| (r.meeting, r))
                .collect()
        };
        let guild = ws.0;
        // Remove what is no longer wanted first: it frees room under the cap.
        for row in rows.values() {
            if wanted.iter().any(|(m, _)| m.id == row.meeting) {
                continue;
            }
            // Nothing on Discord (a refused create): forget it at once.
            let nothing_there = row.event_id.is_none() && row.state == EventState::Failed;
            if !nothing_there && row.next_try_at.is_some_and(|t| t > now) {
                continue;
            }
            let id = match (row.event_id, row.state) {
                (Some(id), _) => Some(id),
                (None, EventState::Creating) => match self.port.find(guild, row.meeting).await {
                    Ok(found) => found,
                    Err(e) => {
                        self.failed(row, e, now, report).await?;
                        continue;
                    }
                },
                (None, _) => None,
            };
            if let Some(id) = id {
                if let Err(e) = self.port.delete(guild, id).await {
                    self.failed(row, e, now, report).await?;
                    continue;
                }
                report.deleted += 1;
                tracing::info!(
                    workspace = ws.0,
                    meeting = row.meeting.0,
                    "scheduled event deleted"
                );
            }
            let mut tx = self.store.write().await?;
            ev::remove(&mut tx, row.meeting).await?;
            tx.commit().await?;
        }
        for (meeting, spec) in &wanted {
            let row = rows.get(&meeting.id);
            if row.is_some_and(|r| r.next_try_at.is_some_and(|t| t > now)) {
                continue;
            }
            let fp = spec.fingerprint();
            // A meeting that has begun keeps the event it has, unchanged (Discord takes no
            // start time in the past), and gets none it lacks.
            if meeting.starts_at <= now {
                continue;
            }
            let step = match row {
                None => Step::Create,
                Some(r) => match (r.state, r.event_id) {
                    (EventState::Creating, _) => Step::Recover,
                    (EventState::Failed, None) => Step::Create,
                    (_, Some(id))
                        if r.synced.as_deref() != Some(fp.as_str()) || r.failure.is_some() =>
                    {
                        Step::Update(id)
                    }
                    (_, Some(_)) => Step::Keep,
                    (_, None) => Step::Create,
                },
            };
            let outcome = match step {
                Step::Keep => continue,
                Step::Update(id) => match self.port.update(guild, id, spec).await {
                    // Deleted by hand on Discord: make it again.
                    Err(DeliveryError::Permanent {
                        refusal: Refusal::NotFound,
                        ..
                    }) => self.create(ws, meeting, spec, report).await,
                    Ok(()) => {
                        report.updated += 1;
                        tracing::info!(
                            workspace = ws.0,
                            meeting = meeting.id.0,
                            "scheduled event updated"
                        );
                        Ok(id)
                    }
                    Err(e) => Err(e),
                },
                Step::Recover => match self.port.find(guild, meeting.id).await {
                    Ok(Some(id)) => {
                        report.adopted += 1;
                        tracing::info!(
                            workspace = ws.0,
                            meeting = meeting.id.0,
                            "scheduled event found after an interrupted create; adopted"
                        );
                        self.port.update(guild, id, spec).await.map(|()| id)
                    }
                    Ok(None) => self.create(ws, meeting, spec, report).await,
                    Err(e) => Err(e),
                },
                Step::Create => self.create(ws, meeting, spec, report).await,
            };
            match outcome {
                Ok(id) => {
                    let mut tx = self.store.write().await?;
                    ev::mark_active(&mut tx, meeting.id, id, &fp, self.clock.now().max(now))
                        .await?;
                    tx.commit().await?;
                }
                Err(e) => {
                    let row = {
                        let mut tx = self.store.read().await?;
                        ev::get(&mut tx, meeting.id).await?
                    };
                    if let Some(row) = row {
                        self.failed(&row, e, now, report).await?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Write `creating`, then create.
    async fn create(
        &self,
        ws: WorkspaceId,
        meeting: &Meeting,
        spec: &EventSpec,
        report: &mut SyncReport,
    ) -> Result<u64, DeliveryError> {
        let marked = async {
            let mut tx = self.store.write().await?;
            ev::mark_creating(&mut tx, meeting, ws, self.clock.now()).await?;
            tx.commit().await?;
            Ok::<(), StoreError>(())
        };
        if let Err(e) = marked.await {
            tracing::error!(error = %e, "scheduled events: cannot record a create; not sending it");
            return Err(DeliveryError::Retryable {
                retry_after: None,
                reason: "database".into(),
            });
        }
        let id = self.port.create(ws.0, spec).await?;
        report.created += 1;
        tracing::info!(
            workspace = ws.0,
            meeting = meeting.id.0,
            "scheduled event created"
        );
        Ok(id)
    }

    async fn failed(
        &self,
        row: &EventRow,
        e: DeliveryError,
        now: DateTime<Utc>,
        report: &mut SyncReport,
    ) -> Result<(), StoreError> {
        let mut tx = self.store.write().await?;
        match e {
            DeliveryError::Retryable {
                retry_after,
                reason,
            } => {
                let wait = super::backoff(row.attempts + 1, retry_after);
                tracing::warn!(
                    workspace = row.workspace.0,
                    meeting = row.meeting.0,
                    retry_in_s = wait.num_seconds(),
                    %reason,
                    "scheduled event: temporary failure; will retry"
                );
                ev::retry_at(&mut tx, row.meeting, now + wait, now).await?;
                report.retried += 1;
            }
            DeliveryError::Permanent { refusal, detail } => {
                tracing::warn!(
                    workspace = row.workspace.0,
                    meeting = row.meeting.0,
                    failure = refusal.as_str(),
                    %detail,
                    "scheduled event refused by Discord; /workspace check explains"
                );
                ev::mark_failed(
                    &mut tx,
                    row.meeting,
                    refusal.as_str(),
                    &detail,
                    now + RETRY_REFUSED,
                    now,
                )
                .await?;
                report.failed += 1;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// When the next pass is due: the earliest retry, or the end of an event's meeting.
    pub async fn next_wake(&self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, StoreError> {
        let mut tx = self.store.read().await?;
        let retry = ev::next_try(&mut tx).await?;
        let end = ev::next_end(&mut tx, now, MEETING_MINUTES).await?;
        Ok([retry, end].into_iter().flatten().min())
    }
}

/// Run passes until `cancel`: at start, whenever a command changes the schedule or a test
/// sets the clock, at the next retry or meeting end, and at least hourly (meetings come
/// into the horizon).
pub async fn run(sync: Arc<EventSync>, schedule_changed: Arc<Notify>, cancel: CancellationToken) {
    loop {
        let changed = schedule_changed.notified();
        tokio::pin!(changed);
        changed.as_mut().enable();
        let clock_changed = sync.clock.change_notify().map(Notify::notified);
        tokio::pin!(clock_changed);
        if let Some(n) = clock_changed.as_mut().as_pin_mut() {
            n.enable();
        }
        let clock_changed = async {
            match clock_changed.as_mut().as_pin_mut() {
                Some(n) => n.await,
                None => std::future::pending().await,
            }
        };
        let now = sync.clock.now();
        let wait = match sync.sync(now).await {
            Ok(r) => {
                if r != SyncReport::default() {
                    tracing::info!(
                        created = r.created,
                        updated = r.updated,
                        deleted = r.deleted,
                        adopted = r.adopted,
                        retried = r.retried,
                        failed = r.failed,
                        over_cap = r.over_cap,
                        "scheduled events synchronised"
                    );
                }
                match sync.next_wake(now).await {
                    Ok(Some(t)) => (t - now).clamp(Duration::seconds(1), Duration::hours(1)),
                    _ => Duration::hours(1),
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "scheduled events: pass failed; retrying in a minute");
                Duration::minutes(1)
            }
        };
        let sleep = tokio::time::sleep(wait.to_std().unwrap_or_default());
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = sleep => {}
            _ = &mut changed => {}
            _ = clock_changed => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_is_a_whole_word() {
        let d = "Koordineringsgruppa, 12.01.2027 kl. 09.00. Innkalling: /meeting notice id:42";
        assert!(is_marked(d, MeetingId(42)));
        assert!(!is_marked(d, MeetingId(4)));
        assert!(!is_marked("id:420", MeetingId(42)));
        assert!(is_marked("(id:7)", MeetingId(7)));
    }

    #[test]
    fn a_fingerprint_changes_with_every_field() {
        let base = EventSpec {
            name: "Møte".into(),
            description: "d".into(),
            start: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            end: DateTime::from_timestamp(1_800_007_200, 0).unwrap(),
            place: Place::External("Rådhuset".into()),
        };
        let mut variants = vec![base.clone()];
        let mut v = base.clone();
        v.name = "Møte 2".into();
        variants.push(v);
        let mut v = base.clone();
        v.start += Duration::days(1);
        variants.push(v);
        let mut v = base.clone();
        v.place = Place::External("Skolen".into());
        variants.push(v);
        let mut v = base.clone();
        v.place = Place::Voice(ChannelId(9));
        variants.push(v);
        let prints: std::collections::HashSet<_> =
            variants.iter().map(EventSpec::fingerprint).collect();
        assert_eq!(prints.len(), variants.len());
        assert_eq!(base.fingerprint(), base.clone().fingerprint());
    }

    #[test]
    fn long_texts_are_cut_to_discords_limits() {
        assert_eq!(cut(&"x".repeat(150), 100).chars().count(), 100);
        assert_eq!(cut("kort", 100), "kort");
    }
}
