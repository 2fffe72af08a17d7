//! The scheduler: sends meeting reminders, agenda deadline calls, overdue-action pings and
//! the weekly digest, driven by the database so that restarts, crashes and racing
//! schedulers neither lose nor double a message.
//!
//! # How one notification travels
//!
//! 1. **Plan** ([`crate::plan`]): a row with a deterministic key (`reminder:{meeting}:{lead}`,
//!    `deadline:{meeting}`, `overdue:{action}:{n}`, `digest:{workspace}:{iso-week}`) is
//!    inserted with `ON CONFLICT (key)`, so planning twice is harmless. The service plans in
//!    the same transaction that creates or moves a meeting; a tick extends series, plans
//!    overdue actions, and chains the next weekly overdue ping and the next digest.
//! 2. **Claim**: one `UPDATE … WHERE state = 'pending' AND due_at <= now … RETURNING` inside
//!    `BEGIN IMMEDIATE` sets `state = 'claimed'`, `claimed_at`, and this scheduler's random
//!    `claim_token`. SQLite serialises writers, so of two racing schedulers exactly one
//!    gets each row; the other gets nothing.
//! 3. **Check** that it still makes sense (late work): a reminder only before its meeting
//!    starts (and not when a shorter reminder is already due — that one says it better); a
//!    deadline call only before the deadline; an overdue ping only while the action is open;
//!    a digest only in the ISO week it was planned for. Otherwise the row is `skipped` with
//!    a log line.
//! 4. **Send** through the [`Outbox`] with an idempotency key per notification and part
//!    (`n{row id}p{part}`), then **mark** it `sent` (after each part of a split digest,
//!    `parts_sent` is recorded). Right before each send the claim is renewed (a lease
//!    heartbeat, so a long batch never outlives its lease), and every write checks the
//!    claim token: a scheduler whose claim was taken over neither sends nor marks.
//!
//! # Crashes: the claim is a lease
//!
//! If a scheduler dies (or hangs) after claiming, its row stays `claimed`. After
//! [`LEASE`] another scheduler — or the restarted one — takes it over and asks the outbox,
//! by key, whether the part in doubt went out ([`Outbox::delivered`]): `Sent` → it is only
//! marked; `NotSent` → it is sent now. So a crash between claim and send loses nothing
//! (the lease brings it back) and doubles nothing (the outbox is asked first); a crash
//! between send and mark doubles nothing either.
//!
//! When the outbox cannot tell (`Unknown`), we choose **at-least-once**: it is sent again,
//! still under the same idempotency key. Reason: a missed reminder costs a missed meeting
//! or a forgotten deadline, a doubled one costs a glance; and the key lets an outbox that
//! deduplicates (Discord's `nonce` with `enforce_nonce`) turn the repeat into a no-op. The
//! window is only the instant between the outbox accepting a message and our commit.
//!
//! A send is given [`SEND_TIMEOUT`] (well inside the lease); on timeout the row stays
//! claimed, and the lease recovery above decides. `Retryable` errors go back to `pending`
//! with exponential backoff (at least `retry_after`), up to [`MAX_ATTEMPTS`]; `Permanent`
//! ones are `skipped` with a log line.
//!
//! # Sleeping
//!
//! [`run`] ticks, then sleeps until the earliest of: the next pending `due_at` (index
//! `notifications_due`), the oldest claim's lease expiry, the next series extension, the
//! next UTC midnight (overdue planning moves on a day), and an hour (a cap for clock
//! jumps). Each of these is one indexed lookup, never a scan. It wakes early when a
//! command changes a schedule ([`crate::service::Service::schedule_changed`]) or a test
//! sets the clock ([`Clock::change_notify`]). It never scans rows on a timer.

pub mod messages;

use crate::clock::Clock;
use crate::domain::{GroupId, Lang, MeetingStatus};
use crate::notify::{split_message, Button, Delivery, DeliveryError, Outbound, Outbox, Ping};
use crate::plan;
use crate::store::notifications::{self as notes, Kind, Notification};
use crate::store::{self, Store, StoreError};
use chrono::{DateTime, Datelike, Duration, Utc};
use std::sync::Arc;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

/// How long a claim is honoured before another scheduler may take it over.
pub const LEASE: Duration = Duration::minutes(10);
/// How long one send may take before we stop waiting (and let the lease decide).
pub const SEND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);
/// Attempts before a notification that keeps failing temporarily is given up.
pub const MAX_ATTEMPTS: i64 = 8;
/// Rows claimed per statement.
pub const BATCH: i64 = 100;
/// Longest sleep between ticks.
pub const MAX_SLEEP: Duration = Duration::hours(1);

/// What one tick did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TickReport {
    pub sent: usize,
    pub skipped: usize,
    pub retried: usize,
    /// Claims left in flight (send timed out); the lease will bring them back.
    pub in_doubt: usize,
    /// When there is next something to do, if known.
    pub next_wake: Option<DateTime<Utc>>,
}

pub struct Scheduler {
    store: Store,
    clock: Arc<dyn Clock>,
    outbox: Arc<dyn Outbox>,
    schedule_changed: Arc<Notify>,
    token: String,
}

/// What to do with a claimed notification.
enum Prepared {
    Skip(&'static str),
    Send(Vec<Outbound>),
}

impl Scheduler {
    pub fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        outbox: Arc<dyn Outbox>,
        schedule_changed: Arc<Notify>,
    ) -> Self {
        Scheduler {
            store,
            clock,
            outbox,
            schedule_changed,
            token: new_token(),
        }
    }

    /// A scheduler for a service: same store, clock and schedule-changed signal.
    pub fn for_service(service: &crate::service::Service, outbox: Arc<dyn Outbox>) -> Self {
        Self::new(
            service.store().clone(),
            service.clock(),
            outbox,
            service.schedule_changed(),
        )
    }

    /// This scheduler's claim token (one per instance).
    pub fn token(&self) -> &str {
        &self.token
    }

    /// Plan what only a full pass finds: the next digest of every workspace that has a
    /// digest channel but nothing planned. Run once at start ([`run`] does).
    pub async fn plan_all(&self, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut tx = self.store.write().await?;
        for ws in store::digest::workspaces_without_digest(&mut tx).await? {
            plan::plan_digest(&mut tx, ws, now, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Do everything due at `now`: extend series, plan overdue pings, recover expired
    /// claims, claim and send what is due. Tests call this directly with a set clock.
    pub async fn tick(&self, now: DateTime<Utc>) -> Result<TickReport, StoreError> {
        let mut report = TickReport::default();
        self.extend_series(now).await?;
        {
            let mut tx = self.store.write().await?;
            plan::plan_overdue(&mut tx, now).await?;
            tx.commit().await?;
        }
        loop {
            let expired = {
                let mut tx = self.store.write().await?;
                let rows =
                    notes::claim_expired(&mut tx, now, now - LEASE, &self.token, BATCH).await?;
                tx.commit().await?;
                rows
            };
            let due = {
                let mut tx = self.store.write().await?;
                let rows = notes::claim_due(&mut tx, now, &self.token, BATCH).await?;
                tx.commit().await?;
                rows
            };
            let more = expired.len() as i64 == BATCH || due.len() as i64 == BATCH;
            for n in expired {
                self.deliver(n, now, true, &mut report).await?;
            }
            for n in due {
                self.deliver(n, now, false, &mut report).await?;
            }
            if !more {
                break;
            }
        }
        report.next_wake = self.next_wake(now).await?;
        Ok(report)
    }

    /// The earliest time something will be due: a pending row, a lease expiry, a series
    /// extension, or the next UTC midnight (when overdue planning moves on a day).
    pub async fn next_wake(&self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, StoreError> {
        let mut tx = self.store.read().await?;
        let due = notes::next_due(&mut tx).await?;
        let lease = notes::oldest_claim(&mut tx)
            .await?
            .map(|t| t + LEASE + Duration::seconds(1));
        let extend = store::series::earliest_horizon(&mut tx)
            .await?
            .map(|t| t - Duration::days(plan::HORIZON_DAYS - plan::EXTEND_MARGIN_DAYS));
        let midnight = (now.date_naive() + Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc());
        Ok([due, lease, extend, midnight].into_iter().flatten().min())
    }

    async fn extend_series(&self, now: DateTime<Utc>) -> Result<(), StoreError> {
        let before = now + Duration::days(plan::HORIZON_DAYS - plan::EXTEND_MARGIN_DAYS);
        loop {
            let mut tx = self.store.write().await?;
            let due = store::series::needing_extension(&mut tx, before, 50).await?;
            for s in &due {
                let settings = store::series::settings(&mut tx, GroupId(s.group_id)).await?;
                plan::sync_series(&mut tx, s, &settings, now, false).await?;
            }
            tx.commit().await?;
            if due.len() < 50 {
                return Ok(());
            }
        }
    }

    async fn deliver(
        &self,
        n: Notification,
        now: DateTime<Utc>,
        recovering: bool,
        report: &mut TickReport,
    ) -> Result<(), StoreError> {
        let span = tracing::info_span!(
            "notification",
            key = %n.key,
            workspace = n.workspace.0,
            group = n.group.map(|g| g.0),
        );
        self.deliver_inner(n, now, recovering, report)
            .instrument(span)
            .await
    }

    async fn deliver_inner(
        &self,
        n: Notification,
        now: DateTime<Utc>,
        recovering: bool,
        report: &mut TickReport,
    ) -> Result<(), StoreError> {
        let messages = match self.prepare(&n, now).await? {
            Prepared::Skip(reason) => {
                tracing::info!(
                    reason,
                    late_by_s = (now - n.planned_at).num_seconds(),
                    "skipped"
                );
                let mut tx = self.store.write().await?;
                notes::finish(&mut tx, &n, false, Some(reason), now).await?;
                self.after(&mut tx, &n, now).await?;
                tx.commit().await?;
                report.skipped += 1;
                return Ok(());
            }
            Prepared::Send(m) => m,
        };
        let total = messages.len() as i64;
        let mut part = n.parts_sent;
        while part < total {
            let key = format!("n{}p{}", n.id, part);
            let message = &messages[part as usize];
            // A batch can take a while: renew the lease right before each send, and do
            // not send at all if another scheduler has taken the claim over meanwhile.
            {
                let mut tx = self.store.write().await?;
                let ours = notes::renew(&mut tx, &n, now.max(self.clock.now())).await?;
                tx.commit().await?;
                if !ours {
                    tracing::warn!("claim taken over before sending; leaving it to the other");
                    return Ok(());
                }
            }
            let already = recovering
                && part == n.parts_sent
                && self.outbox.delivered(&key).await == Delivery::Sent;
            if already {
                tracing::info!(part, "recovered claim: part was delivered before the crash");
            } else {
                let sent =
                    tokio::time::timeout(SEND_TIMEOUT, self.outbox.send_keyed(&key, message)).await;
                match sent {
                    Ok(Ok(_)) => {}
                    Ok(Err(DeliveryError::Retryable {
                        retry_after,
                        reason: _,
                    })) => {
                        let mut tx = self.store.write().await?;
                        if n.attempts >= MAX_ATTEMPTS {
                            tracing::warn!(
                                attempts = n.attempts,
                                "gave up after repeated failures"
                            );
                            notes::finish(&mut tx, &n, false, Some("gave up"), now).await?;
                            self.after(&mut tx, &n, now).await?;
                            report.skipped += 1;
                        } else {
                            notes::mark_parts(&mut tx, &n, part).await?;
                            let wait = backoff(n.attempts, retry_after);
                            tracing::info!(
                                retry_in_s = wait.num_seconds(),
                                "temporary failure; will retry"
                            );
                            notes::retry_at(&mut tx, &n, now + wait, "retryable").await?;
                            report.retried += 1;
                        }
                        tx.commit().await?;
                        return Ok(());
                    }
                    Ok(Err(DeliveryError::Permanent(reason))) => {
                        tracing::warn!(%reason, "permanent delivery failure; skipped");
                        let mut tx = self.store.write().await?;
                        notes::finish(&mut tx, &n, false, Some("permanent failure"), now).await?;
                        self.after(&mut tx, &n, now).await?;
                        tx.commit().await?;
                        report.skipped += 1;
                        return Ok(());
                    }
                    Err(_) => {
                        tracing::warn!("send timed out; the claim's lease will decide");
                        report.in_doubt += 1;
                        return Ok(());
                    }
                }
            }
            part += 1;
            if part < total {
                let mut tx = self.store.write().await?;
                let ours = notes::mark_parts(&mut tx, &n, part).await?;
                tx.commit().await?;
                if !ours {
                    tracing::warn!("claim taken over mid-send; stopping");
                    return Ok(());
                }
            }
        }
        let mut tx = self.store.write().await?;
        if notes::finish(&mut tx, &n, true, None, now).await? {
            self.after(&mut tx, &n, now).await?;
            report.sent += 1;
        } else {
            tracing::warn!("claim taken over before it was marked sent");
        }
        tx.commit().await?;
        Ok(())
    }

    /// What follows a sent or skipped notification: the next weekly overdue ping, the next
    /// digest.
    async fn after(
        &self,
        tx: &mut sqlx::SqliteConnection,
        n: &Notification,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        match n.kind {
            Kind::Overdue => {
                let Some(id) = n.action else { return Ok(()) };
                let active = store::actions::get(tx, id)
                    .await?
                    .is_some_and(|a| a.status.is_active());
                if active {
                    let mut next = n.planned_at + Duration::weeks(1);
                    while next <= now {
                        next += Duration::weeks(1);
                    }
                    let plan = notes::Plan {
                        key: plan::overdue_key(id, n.seq + 1),
                        kind: Kind::Overdue,
                        workspace: n.workspace,
                        group: n.group,
                        meeting: None,
                        action: Some(id),
                        lead_minutes: None,
                        seq: n.seq + 1,
                        due_at: next,
                    };
                    notes::plan(tx, &plan, now).await?;
                }
            }
            Kind::Digest => {
                if let Some(ws) = store::workspaces::get(tx, n.workspace).await? {
                    // The next week's digest; after a skipped one (the bot was down for
                    // its whole week), this week's, which is then sent late.
                    let tz = ws.timezone;
                    let after =
                        plan::next_week_start(n.planned_at, tz).max(plan::week_start(now, tz));
                    plan::plan_digest(tx, n.workspace, after - Duration::seconds(1), now).await?;
                }
            }
            Kind::Reminder | Kind::Deadline => {}
        }
        Ok(())
    }

    /// Load what a notification needs, decide whether it still makes sense, render it.
    async fn prepare(&self, n: &Notification, now: DateTime<Utc>) -> Result<Prepared, StoreError> {
        let mut tx = self.store.read().await?;
        let style = self.outbox.style();
        let Some(ws) = store::workspaces::get(&mut tx, n.workspace).await? else {
            return Ok(Prepared::Skip("workspace gone"));
        };
        if n.kind == Kind::Digest {
            let Some(settings) = store::digest::settings(&mut tx, ws.id).await? else {
                return Ok(Prepared::Skip("workspace gone"));
            };
            let Some(channel) = settings.channel else {
                return Ok(Prepared::Skip("no digest channel"));
            };
            let tz = ws.timezone;
            let week_due = n.planned_at.with_timezone(&tz).iso_week();
            let week_now = now.with_timezone(&tz).iso_week();
            if week_due != week_now {
                return Ok(Prepared::Skip("digest week is over"));
            }
            let since = settings
                .last_at
                .unwrap_or(n.planned_at - Duration::weeks(1));
            let today = now.with_timezone(&tz).date_naive();
            let d = messages::Digest {
                week: week_due.week(),
                meetings: store::digest::meetings_between(
                    &mut tx,
                    ws.id,
                    now,
                    now + Duration::days(14),
                )
                .await?,
                items: store::digest::items_since(&mut tx, ws.id, since).await?,
                updates: store::digest::updates_since(&mut tx, ws.id, since).await?,
                overdue: store::digest::overdue(&mut tx, ws.id, today).await?,
            };
            let text = messages::digest(ws.language, tz, style, &d);
            let parts = split_message(&text, crate::notify::MESSAGE_LIMIT)
                .into_iter()
                .map(|content| Outbound {
                    channel,
                    content,
                    ping: Ping::Nobody,
                    buttons: Vec::new(),
                })
                .collect();
            return Ok(Prepared::Send(parts));
        }
        let Some(group_id) = n.group else {
            return Ok(Prepared::Skip("no group"));
        };
        let Some(group) = store::groups::get(&mut tx, group_id).await? else {
            return Ok(Prepared::Skip("group gone"));
        };
        if group.is_archived() {
            return Ok(Prepared::Skip("group archived"));
        }
        let Some(channel) = group.channel else {
            return Ok(Prepared::Skip("group has no channel"));
        };
        let lang: Lang = group.effective_language(&ws);
        let tz = group.effective_timezone(&ws);
        let prepared = match n.kind {
            Kind::Reminder | Kind::Deadline => {
                let Some(meeting_id) = n.meeting else {
                    return Ok(Prepared::Skip("no meeting"));
                };
                let Some(m) = store::meetings::get(&mut tx, meeting_id).await? else {
                    return Ok(Prepared::Skip("meeting gone"));
                };
                if m.status != MeetingStatus::Scheduled {
                    return Ok(Prepared::Skip("meeting not scheduled"));
                }
                if m.starts_at <= now {
                    return Ok(Prepared::Skip("meeting already started"));
                }
                let lead = n.lead_minutes.unwrap_or(0);
                if n.kind == Kind::Deadline {
                    let deadline = plan::lead_due(m.starts_at, lead, tz);
                    if deadline <= now {
                        return Ok(Prepared::Skip("deadline passed"));
                    }
                    let content =
                        messages::deadline(lang, tz, style, &group, m.starts_at, deadline);
                    return Ok(Prepared::Send(vec![Outbound {
                        channel,
                        content,
                        ping: Ping::Nobody,
                        buttons: Vec::new(),
                    }]));
                }
                let settings = store::series::settings(&mut tx, group.id).await?;
                let superseded = settings
                    .leads
                    .iter()
                    .any(|&l| l < lead && plan::lead_due(m.starts_at, l, tz) <= now);
                if superseded {
                    return Ok(Prepared::Skip("a shorter reminder is due too"));
                }
                let items =
                    store::agenda::for_meeting(&mut tx, group.id, Some(m.id), false).await?;
                let role = group.coordinator_role.or(ws.coordinator_role);
                let content = messages::reminder(
                    lang,
                    tz,
                    style,
                    &messages::Reminder {
                        group: &group,
                        role,
                        starts_at: m.starts_at,
                        lead_minutes: lead,
                        items: &items,
                    },
                );
                let ping = role.map(Ping::Role).unwrap_or(Ping::Nobody);
                return Ok(Prepared::Send(vec![Outbound {
                    channel,
                    content: truncate(content),
                    ping,
                    buttons: Vec::new(),
                }]));
            }
            Kind::Overdue => {
                let Some(action_id) = n.action else {
                    return Ok(Prepared::Skip("no action"));
                };
                let Some(a) = store::actions::get(&mut tx, action_id).await? else {
                    return Ok(Prepared::Skip("action gone"));
                };
                let today = now.with_timezone(&tz).date_naive();
                if !a.is_overdue(today) {
                    return Ok(Prepared::Skip("action no longer overdue"));
                }
                let content = messages::overdue(lang, style, &group, &a, n.seq);
                return Ok(Prepared::Send(vec![Outbound {
                    channel,
                    content,
                    ping: Ping::User(a.owner),
                    buttons: vec![Button::ActionDone(a.id), Button::ActionReport(a.id)],
                }]));
            }
            Kind::Digest => Prepared::Skip("digest handled above"),
        };
        Ok(prepared)
    }
}

/// A reminder with a very long agenda is cut at the message limit on a line break.
fn truncate(content: String) -> String {
    let mut parts = split_message(&content, crate::notify::MESSAGE_LIMIT);
    if parts.len() <= 1 {
        return content;
    }
    parts.swap_remove(0)
}

/// Exponential backoff from 30 s, capped at an hour, never shorter than `retry_after`.
pub fn backoff(attempts: i64, retry_after: Option<std::time::Duration>) -> Duration {
    let exp = attempts.clamp(1, 8) - 1;
    let base = Duration::seconds(30 * (1 << exp)).min(Duration::hours(1));
    let hint = retry_after
        .and_then(|d| Duration::from_std(d).ok())
        .unwrap_or(Duration::zero());
    base.max(hint)
}

fn new_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.write_u32(std::process::id());
    format!("{:016x}", h.finish())
}

/// Run until `cancel`: plan everything once, then tick and sleep until the next due time,
/// waking early on a schedule change or a hand-set clock.
pub async fn run(scheduler: Arc<Scheduler>, cancel: CancellationToken) {
    if let Err(e) = scheduler.plan_all(scheduler.clock.now()).await {
        tracing::error!(error = %e, "scheduler: initial planning failed");
    }
    loop {
        // Register for wake-ups before looking, so a change during the tick is not missed.
        let changed = scheduler.schedule_changed.notified();
        tokio::pin!(changed);
        changed.as_mut().enable();
        let clock_changed = scheduler.clock.change_notify().map(Notify::notified);
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

        let now = scheduler.clock.now();
        let wait = match scheduler.tick(now).await {
            Ok(report) => {
                if report.sent + report.skipped + report.retried > 0 {
                    tracing::info!(
                        sent = report.sent,
                        skipped = report.skipped,
                        retried = report.retried,
                        "scheduler tick"
                    );
                }
                let next = report.next_wake.unwrap_or(now + MAX_SLEEP);
                (next - now).clamp(Duration::zero(), MAX_SLEEP)
            }
            Err(e) => {
                tracing::error!(error = %e, "scheduler tick failed; retrying in a minute");
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
