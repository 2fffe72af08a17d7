//! The scheduler: sends meeting reminders, agenda deadline calls, overdue-action pings and
//! the weekly digest, driven by the database so that restarts, crashes and racing
//! schedulers neither lose nor double a message, and a message Discord refuses is never
//! lost silently.
//!
//! # How one notification travels
//!
//! 1. **Plan** ([`crate::plan`]): a row with a deterministic key (`reminder:{meeting}:{lead}`,
//!    `deadline:{meeting}`, `overdue:{action}:{n}`, `digest:{workspace}:{iso-week}`,
//!    `failure:{row}`; the published minutes `minutes:{meeting}` and their reminder
//!    `minutes-due:{meeting}`, see [`minutes`]) is inserted with `ON CONFLICT (key)`, so
//!    planning twice is harmless.
//!    The service plans in the same transaction that creates or moves a meeting; a tick
//!    extends series, plans overdue actions, and chains the next weekly overdue ping and
//!    the next digest.
//! 2. **Claim, one row, right before sending**: a tick lists the due rows (index
//!    `notifications_due`) and starts up to [`CONCURRENCY`] deliveries at once, soonest
//!    first; each claims *its own* row with one `UPDATE … WHERE id = ? AND state =
//!    'pending' … RETURNING` (`state = 'claimed'`, `claimed_at`, this scheduler's
//!    `claim_token`). SQLite serialises writers, so of two racing schedulers exactly one
//!    gets each row. Nothing is claimed that is not about to be sent, so a crash leaves at
//!    most [`CONCURRENCY`] claims behind.
//! 3. **Check** that it still makes sense (late work): a reminder only before its meeting
//!    starts (and not when a shorter reminder is already due — that one says it better); a
//!    deadline call only before the deadline; an overdue ping only while the action is open;
//!    a digest only in the ISO week it was planned for. Otherwise the row is `skipped` with
//!    a log line.
//! 4. **Send** through the [`Outbox`] with an idempotency key per notification and part
//!    (`n{row id}p{part}`), then **mark** it `sent` (after each part of a split digest,
//!    `parts_sent` is recorded). While a send is in flight the claim is renewed every
//!    [`RENEW_EVERY`] (a lease heartbeat), and every write checks the claim token: a
//!    scheduler whose claim was taken over neither sends nor marks.
//!
//! Deliveries run side by side, so one message waiting out a back-off holds one of the
//! [`CONCURRENCY`] slots, not the others.
//!
//! # Crashes: claims belong to a living process
//!
//! Each scheduler holds an exclusive lock on a file named after its claim token, next to
//! the database ([`liveness`]). The kernel releases it the instant the process dies, even
//! on SIGKILL. At start and on every tick a scheduler looks at the owners of the claims it
//! does not hold (index `notifications_claims`): the claims of an owner whose lock it can
//! take are **taken back at once** — after a crash the restarted process (or a running
//! sibling, on its next tick) sends what was in flight within a second or two, instead
//! of waiting out a lease.
//!
//! A taken-back claim first asks the outbox, by key, whether the part in doubt went out
//! ([`Outbox::delivered`]): `Sent` → it is only marked; `NotSent` → it is sent now. When
//! the outbox cannot tell (`Unknown`, as on Discord), we choose **at-least-once**: it is
//! sent again under the same idempotency key, which Discord turns into a no-op (the key
//! is the message `nonce` with `enforce_nonce`, honoured for a few minutes — far longer
//! than a restart takes). So a crash between claim and send loses nothing, and a crash
//! between Discord's answer and our commit doubles nothing while the nonce window lasts.
//! **The documented window for a double** is a repeat after that window (a process that
//! stays down for minutes), or an outbox that does not deduplicate.
//!
//! A *live* owner's claim is respected for [`LEASE`] since its last renewal (a hung
//! process, or a platform without `flock`): then any scheduler takes it over the same way.
//!
//! # Failures: bounded, never silent
//!
//! A send is given [`SEND_TIMEOUT`]; on timeout the row stays claimed, and the lease
//! decides. `Retryable` errors (429, 5xx, network) go back to `pending` for exactly the
//! `retry_after` Discord gave (rounded up to the second), else an exponential back-off, up
//! to [`MAX_ATTEMPTS`]; then, and on a `Permanent` refusal (unknown channel, missing access
//! or permission, another 4xx), the row is **`failed`** with the reason
//! (`notifications.failure`): never retried, never deleted. The coordinators are told: a
//! `failure:{row}` notice goes to the digest channel (pinging the group's coordinator
//! role), the next digest lists it, and [`crate::store::notifications::failures_unnoticed`]
//! gives what to show on a coordinator's next command.
//!
//! # Sleeping
//!
//! [`run`] ticks, then sleeps until the earliest of: the next pending `due_at` (index
//! `notifications_due`), the oldest claim's lease expiry, the next series extension, the
//! next UTC midnight (overdue planning moves on a day), and an hour (a cap for clock
//! jumps). Each of these is one indexed lookup, never a scan. It wakes early when a
//! command changes a schedule ([`crate::service::Service::schedule_changed`]) or a test
//! sets the clock ([`Clock::change_notify`]). It never scans rows on a timer.

pub mod backup;
pub mod events;
pub mod followup;
pub mod liveness;
pub mod messages;
pub mod minutes;
pub mod munis;
pub mod notice;
pub mod orders;

use crate::clock::Clock;
use crate::domain::{GroupId, Lang, MeetingStatus};
use crate::notify::{
    split_message, Button, Delivery, DeliveryError, Outbound, Outbox, Ping, Refusal,
};
use crate::plan;
use crate::store::notifications::{self as notes, Kind, Notification};
use crate::store::{self, Store, StoreError};
use chrono::{DateTime, Datelike, Duration, Utc};
use liveness::{Owner, RunLock};
use std::sync::Arc;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

/// How long a live scheduler's claim is honoured after its last renewal before another
/// scheduler may take it over (a hung process; a dead one's claims are taken at once).
pub const LEASE: Duration = Duration::minutes(2);
/// How often a claim is renewed while its send is in flight.
pub const RENEW_EVERY: std::time::Duration = std::time::Duration::from_secs(30);
/// How long one send may take before we stop waiting (and let the lease decide).
pub const SEND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);
/// Attempts before a notification that keeps failing temporarily is `failed`.
pub const MAX_ATTEMPTS: i64 = 8;
/// Due rows listed per query.
pub const BATCH: i64 = 100;
/// Deliveries in flight at once (each holds one claim).
pub const CONCURRENCY: usize = 8;
/// Longest sleep between ticks.
pub const MAX_SLEEP: Duration = Duration::hours(1);

/// What one tick did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TickReport {
    pub sent: usize,
    pub skipped: usize,
    pub retried: usize,
    /// Marked `failed` for good (refused, or out of attempts).
    pub failed: usize,
    /// Claims taken back from a scheduler that died or whose lease ran out.
    pub recovered: usize,
    /// Claims left in flight (send timed out); the lease will bring them back.
    pub in_doubt: usize,
    /// When there is next something to do, if known.
    pub next_wake: Option<DateTime<Utc>>,
}

impl TickReport {
    fn add(&mut self, o: Outcome) {
        match o {
            Outcome::Nothing => {}
            Outcome::Sent => self.sent += 1,
            Outcome::Skipped => self.skipped += 1,
            Outcome::Retried => self.retried += 1,
            Outcome::Failed => self.failed += 1,
            Outcome::InDoubt => self.in_doubt += 1,
        }
    }
}

/// What one delivery ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Another scheduler had it, or it was taken over meanwhile.
    Nothing,
    Sent,
    Skipped,
    Retried,
    Failed,
    InDoubt,
}

pub struct Scheduler {
    worker: Worker,
    schedule_changed: Arc<Notify>,
    /// Held while this scheduler lives: others see its claims as alive.
    lock: RunLock,
}

/// What a delivery needs; cheap to clone into a task.
#[derive(Clone)]
struct Worker {
    store: Store,
    clock: Arc<dyn Clock>,
    outbox: Arc<dyn Outbox>,
    token: Arc<str>,
}

/// What a delivery task starts from.
enum Job {
    /// A pending row to claim first.
    Due(i64),
    /// A claim taken back from a dead or expired owner.
    Recovered(Notification),
}

/// What to do with a claimed notification.
enum Prepared {
    Skip(&'static str),
    Send(Vec<Outbound>),
    /// A notice or final list to post, or an edit of the posted one ([`notice`]).
    Notice(Outbound, Posting),
}

/// What a notice delivery records once it went out.
pub(crate) struct Posting {
    channel: crate::domain::ChannelId,
    final_list: bool,
    /// What the message shows.
    snapshot: crate::domain::notice::Snapshot,
    /// Edit this message instead of posting.
    edit: Option<u64>,
}

impl Scheduler {
    pub fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        outbox: Arc<dyn Outbox>,
        schedule_changed: Arc<Notify>,
    ) -> Self {
        let token = new_token();
        let lock = RunLock::acquire(store.path(), &token);
        Scheduler {
            worker: Worker {
                store,
                clock,
                outbox,
                token: token.into(),
            },
            schedule_changed,
            lock,
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
        &self.worker.token
    }

    fn store(&self) -> &Store {
        &self.worker.store
    }

    /// Plan what only a full pass finds: the next digest of every workspace that has a
    /// digest channel but nothing planned, and the follow-up round of meetings made before
    /// rounds existed. Run once at start ([`run`] does).
    pub async fn plan_all(&self, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut tx = self.store().write().await?;
        for ws in store::digest::workspaces_without_digest(&mut tx).await? {
            plan::plan_digest(&mut tx, ws, now, now).await?;
        }
        followup::plan_missing(&mut tx, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Do everything due at `now`: extend series, plan overdue pings, take back the claims
    /// of dead schedulers (and expired leases), then claim and send what is due, up to
    /// [`CONCURRENCY`] at once. Tests call this directly with a set clock.
    pub async fn tick(&self, now: DateTime<Utc>) -> Result<TickReport, StoreError> {
        let mut report = TickReport::default();
        self.extend_series(now).await?;
        {
            let mut tx = self.store().write().await?;
            plan::plan_overdue(&mut tx, now).await?;
            notice::reconcile(&mut tx, now).await?;
            followup::open_due(&mut tx, now).await?;
            tx.commit().await?;
        }
        let recovered = self.take_back(now).await?;
        report.recovered = recovered.len();
        self.run_jobs(recovered.into_iter().map(Job::Recovered), now, &mut report)
            .await?;
        loop {
            let due = {
                let mut tx = self.store().read().await?;
                notes::peek_due(&mut tx, now, BATCH).await?
            };
            let full = due.len() as i64 == BATCH;
            let failed_before = report.failed;
            self.run_jobs(
                due.into_iter().map(|(id, _)| Job::Due(id)),
                now,
                &mut report,
            )
            .await?;
            // A failure plans a notice due now: send it in this tick too.
            if !full && report.failed == failed_before {
                break;
            }
        }
        report.next_wake = self.next_wake(now).await?;
        Ok(report)
    }

    /// Claims to take over: every claim of a scheduler known to be dead, and claims whose
    /// lease ran out.
    async fn take_back(&self, now: DateTime<Utc>) -> Result<Vec<Notification>, StoreError> {
        let owners = {
            let mut tx = self.store().read().await?;
            notes::claim_owners(&mut tx, self.token()).await?
        };
        let mut taken = Vec::new();
        for owner in owners {
            if self.lock.owner(&owner) != Owner::Dead {
                continue;
            }
            let mut tx = self.store().write().await?;
            let rows = notes::take_back(&mut tx, &owner, self.token(), now).await?;
            tx.commit().await?;
            if !rows.is_empty() {
                tracing::warn!(
                    claims = rows.len(),
                    "taking back the claims of a scheduler that is gone"
                );
            }
            taken.extend(rows);
        }
        loop {
            let mut tx = self.store().write().await?;
            let rows = notes::claim_expired(&mut tx, now, now - LEASE, self.token(), BATCH).await?;
            tx.commit().await?;
            let full = rows.len() as i64 == BATCH;
            if !rows.is_empty() {
                tracing::warn!(
                    claims = rows.len(),
                    "taking over claims whose lease ran out"
                );
            }
            taken.extend(rows);
            if !full {
                break;
            }
        }
        Ok(taken)
    }

    /// Run `jobs` in order, at most [`CONCURRENCY`] at once, and wait for all of them.
    async fn run_jobs(
        &self,
        jobs: impl Iterator<Item = Job>,
        now: DateTime<Utc>,
        report: &mut TickReport,
    ) -> Result<(), StoreError> {
        let slots = Arc::new(tokio::sync::Semaphore::new(CONCURRENCY));
        let mut set = tokio::task::JoinSet::new();
        let mut first_error = None;
        for job in jobs {
            let Ok(slot) = slots.clone().acquire_owned().await else {
                break;
            };
            let w = self.worker.clone();
            set.spawn(async move {
                let _slot = slot;
                w.job(job, now).await
            });
            // Collect what has finished meanwhile (keeps the set small).
            while let Some(done) = set.try_join_next() {
                collect(done, report, &mut first_error);
            }
        }
        while let Some(done) = set.join_next().await {
            collect(done, report, &mut first_error);
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// The earliest time something will be due: a pending row, a lease expiry, a series
    /// extension, or the next UTC midnight (when overdue planning moves on a day).
    pub async fn next_wake(&self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, StoreError> {
        let mut tx = self.store().read().await?;
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
        let round = followup::next_ask(&mut tx).await?;
        Ok([due, lease, extend, midnight, round]
            .into_iter()
            .flatten()
            .min())
    }

    async fn extend_series(&self, now: DateTime<Utc>) -> Result<(), StoreError> {
        let before = now + Duration::days(plan::HORIZON_DAYS - plan::EXTEND_MARGIN_DAYS);
        loop {
            let mut tx = self.store().write().await?;
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
}

fn collect(
    done: Result<Result<Outcome, StoreError>, tokio::task::JoinError>,
    report: &mut TickReport,
    first_error: &mut Option<StoreError>,
) {
    match done {
        Ok(Ok(o)) => report.add(o),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "a delivery failed to record its outcome");
            first_error.get_or_insert(e);
        }
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(_) => {}
    }
}

impl Worker {
    async fn job(&self, job: Job, now: DateTime<Utc>) -> Result<Outcome, StoreError> {
        let (n, recovering) = match job {
            Job::Recovered(n) => (n, true),
            Job::Due(id) => {
                let mut tx = self.store.write().await?;
                let claimed = notes::claim_one(&mut tx, id, now, &self.token).await?;
                tx.commit().await?;
                match claimed {
                    Some(n) => (n, false),
                    None => return Ok(Outcome::Nothing),
                }
            }
        };
        let span = tracing::info_span!(
            "notification",
            key = %n.key,
            workspace = n.workspace.0,
            group = n.group.map(|g| g.0),
        );
        self.deliver(n, now, recovering).instrument(span).await
    }

    /// Close `n` as failed for good, tell the coordinators (unless it is itself such a
    /// notice), and chain what follows it.
    async fn fail(
        &self,
        n: &Notification,
        refusal: Refusal,
        detail: &str,
        now: DateTime<Utc>,
    ) -> Result<Outcome, StoreError> {
        tracing::warn!(
            failure = refusal.as_str(),
            %detail,
            attempts = n.attempts,
            "delivery failed for good; the coordinators are told"
        );
        let mut tx = self.store.write().await?;
        if !notes::fail(&mut tx, n, refusal.as_str(), detail, now).await? {
            tracing::warn!("claim taken over before it was marked failed");
            return Ok(Outcome::Nothing);
        }
        if n.kind != Kind::Failure {
            notes::plan_failure_notice(&mut tx, n, now).await?;
        }
        self.after(&mut tx, n, now).await?;
        tx.commit().await?;
        Ok(Outcome::Failed)
    }

    async fn deliver(
        &self,
        n: Notification,
        now: DateTime<Utc>,
        recovering: bool,
    ) -> Result<Outcome, StoreError> {
        let (messages, posting) = match self.prepare(&n, now).await? {
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
                return Ok(Outcome::Skipped);
            }
            Prepared::Send(m) => (m, None),
            Prepared::Notice(m, p) => (vec![m], Some(p)),
        };
        let edit = posting.as_ref().and_then(|p| p.edit);
        let mut message_id = None;
        let total = messages.len() as i64;
        let mut part = n.parts_sent;
        while part < total {
            let key = format!("n{}p{}", n.id, part);
            let message = &messages[part as usize];
            if part > n.parts_sent || recovering {
                // Not sent right after claiming: make sure the claim is still ours.
                let mut tx = self.store.write().await?;
                let ours = notes::renew(&mut tx, &n, now.max(self.clock.now())).await?;
                tx.commit().await?;
                if !ours {
                    tracing::warn!("claim taken over before sending; leaving it to the other");
                    return Ok(Outcome::Nothing);
                }
            }
            let already = recovering
                && part == n.parts_sent
                && self.outbox.delivered(&key).await == Delivery::Sent;
            if already {
                tracing::info!(part, "recovered claim: part was delivered before the crash");
            } else {
                match self.send_renewing(&n, &key, message, edit, now).await? {
                    Some(Ok(sent)) => message_id = sent.message_id.or(message_id),
                    Some(Err(DeliveryError::Retryable {
                        retry_after,
                        reason,
                    })) => {
                        if n.attempts >= MAX_ATTEMPTS {
                            return self.fail(&n, Refusal::GaveUp, &reason, now).await;
                        }
                        let mut tx = self.store.write().await?;
                        notes::mark_parts(&mut tx, &n, part).await?;
                        let wait = backoff(n.attempts, retry_after);
                        tracing::info!(
                            retry_in_s = wait.num_seconds(),
                            %reason,
                            "temporary failure; will retry"
                        );
                        notes::retry_at(&mut tx, &n, now + wait, "retryable").await?;
                        tx.commit().await?;
                        return Ok(Outcome::Retried);
                    }
                    Some(Err(DeliveryError::Permanent { refusal, detail })) => {
                        return self.fail(&n, refusal, &detail, now).await;
                    }
                    None => {
                        tracing::warn!("send timed out; the claim's lease will decide");
                        return Ok(Outcome::InDoubt);
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
                    return Ok(Outcome::Nothing);
                }
            }
        }
        let mut tx = self.store.write().await?;
        let outcome = if notes::finish(&mut tx, &n, true, None, now).await? {
            if let Some(p) = &posting {
                notice::record_posted(&mut tx, &n, p, message_id, now).await?;
            }
            self.after(&mut tx, &n, now).await?;
            Outcome::Sent
        } else {
            tracing::warn!("claim taken over before it was marked sent");
            Outcome::Nothing
        };
        tx.commit().await?;
        Ok(outcome)
    }

    /// Send one part, renewing the claim every [`RENEW_EVERY`] while the outbox works
    /// (it may wait out a short back-off). `None`: [`SEND_TIMEOUT`] passed.
    async fn send_renewing(
        &self,
        n: &Notification,
        key: &str,
        message: &Outbound,
        edit: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<Option<Result<crate::notify::Sent, DeliveryError>>, StoreError> {
        let outbox = self.outbox.clone();
        let send = async move {
            match edit {
                Some(id) => outbox.edit(id, message).await,
                None => outbox.send_keyed(key, message).await,
            }
        };
        tokio::pin!(send);
        let timeout = tokio::time::sleep(SEND_TIMEOUT);
        tokio::pin!(timeout);
        let mut renew = tokio::time::interval(RENEW_EVERY);
        renew.tick().await; // the first tick is immediate
        loop {
            tokio::select! {
                r = &mut send => return Ok(Some(r)),
                _ = &mut timeout => return Ok(None),
                _ = renew.tick() => {
                    let mut tx = self.store.write().await?;
                    notes::renew(&mut tx, n, now.max(self.clock.now())).await?;
                    tx.commit().await?;
                }
            }
        }
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
            Kind::OrderOverdue => orders::after_overdue(tx, n, now).await?,
            Kind::Reminder
            | Kind::Deadline
            | Kind::Failure
            | Kind::Minutes
            | Kind::MinutesDue
            | Kind::Notice
            | Kind::NoticeFinal
            | Kind::NoticeEdit
            | Kind::Late
            | Kind::Order
            | Kind::Followup => {}
        }
        Ok(())
    }

    /// Load what a notification needs, decide whether it still makes sense, render it.
    async fn prepare(&self, n: &Notification, now: DateTime<Utc>) -> Result<Prepared, StoreError> {
        if matches!(
            n.kind,
            Kind::Notice | Kind::NoticeFinal | Kind::NoticeEdit | Kind::Late
        ) {
            return self.prepare_notice(n, now).await;
        }
        let mut tx = self.store.read().await?;
        let style = self.outbox.style();
        let Some(ws) = store::workspaces::get(&mut tx, n.workspace).await? else {
            return Ok(Prepared::Skip("workspace gone"));
        };
        if n.kind == Kind::Failure {
            let Some(about) = n.about else {
                return Ok(Prepared::Skip("no failure to report"));
            };
            let Some(failed) = notes::failed(&mut tx, about).await? else {
                return Ok(Prepared::Skip("failure gone"));
            };
            let Some(channel) = store::digest::settings(&mut tx, ws.id)
                .await?
                .and_then(|s| s.channel)
            else {
                return Ok(Prepared::Skip("no digest channel"));
            };
            let group = match n.group {
                Some(g) => store::groups::get(&mut tx, g).await?,
                None => None,
            };
            let role = group
                .as_ref()
                .and_then(|g| g.coordinator_role)
                .or(ws.coordinator_role);
            let content = messages::failure_notice(ws.language, ws.timezone, style, role, &failed);
            return Ok(Prepared::Send(vec![Outbound {
                channel,
                content: truncate(content),
                ping: role.map(Ping::Role).unwrap_or(Ping::Nobody),
                buttons: Vec::new(),
                attachments: Vec::new(),
            }]));
        }
        if matches!(n.kind, Kind::Minutes | Kind::MinutesDue) {
            return minutes::prepare(&mut tx, n, &ws, style, now).await;
        }
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
                failures: notes::failures_between(&mut tx, ws.id, since, now).await?,
                followups: followup::digest_lines(&mut tx, ws.id, now).await?,
                overdue_orders: store::orders::overdue_per_receiver(&mut tx, ws.id, today).await?,
            };
            let mut text = messages::digest(ws.language, tz, style, &d);
            // Minutes awaiting publication (a section only when any).
            let awaiting = minutes::awaiting(&mut tx, ws.id, now).await?;
            text.push_str(&minutes::digest_section(ws.language, tz, style, &awaiting));
            let mut parts: Vec<Outbound> = split_message(&text, crate::notify::MESSAGE_LIMIT)
                .into_iter()
                .map(|content| Outbound {
                    channel,
                    content,
                    ping: Ping::Nobody,
                    buttons: Vec::new(),
                    attachments: Vec::new(),
                })
                .collect();
            // Municipalities with a digest channel of their own get their bodies' part.
            parts.extend(munis::digest_parts(&mut tx, &ws, style, &d).await?);
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
                        attachments: Vec::new(),
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
                let apologies: Vec<crate::domain::UserId> =
                    store::record::attendance(&mut tx, m.id)
                        .await?
                        .into_iter()
                        .filter(|a| a.status == crate::domain::record::AttendanceStatus::Absent)
                        .map(|a| a.user)
                        .collect();
                let guests = store::record::guests(&mut tx, m.id).await?;
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
                        apologies: &apologies,
                        guests: &guests,
                    },
                );
                let ping = role.map(Ping::Role).unwrap_or(Ping::Nobody);
                let mut parts = vec![Outbound {
                    channel,
                    content: truncate(content),
                    ping,
                    buttons: Vec::new(),
                    attachments: Vec::new(),
                }];
                // Guests invited to this meeting (and no other) are pinged, one by one.
                parts.extend(munis::guest_reminders(&mut tx, lang, tz, style, &group, &m).await?);
                return Ok(Prepared::Send(parts));
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
                    buttons: vec![
                        Button::ActionDone(a.group, a.id),
                        Button::ActionReport(a.group, a.id),
                    ],
                    attachments: Vec::new(),
                }]));
            }
            Kind::Followup => {
                return followup::prepare(&mut tx, n, &group, channel, lang, tz, style, now).await;
            }
            Kind::Order | Kind::OrderOverdue => {
                let target = orders::Target {
                    group: &group,
                    channel,
                    lang,
                    tz,
                    style,
                };
                return orders::prepare(&mut tx, n, now, &target).await;
            }
            Kind::Digest
            | Kind::Failure
            | Kind::Minutes
            | Kind::MinutesDue
            | Kind::Notice
            | Kind::NoticeFinal
            | Kind::NoticeEdit
            | Kind::Late => Prepared::Skip("handled above"),
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

/// How long until the next try: exactly `retry_after` when Discord said (rounded up to
/// the second, as `due_at` is stored in seconds; at least a second), else an exponential
/// back-off from 30 s, capped at an hour.
pub fn backoff(attempts: i64, retry_after: Option<std::time::Duration>) -> Duration {
    if let Some(d) = retry_after {
        let secs = d.as_secs() + u64::from(d.subsec_nanos() > 0);
        return Duration::seconds(secs.clamp(1, 24 * 3600) as i64);
    }
    let exp = attempts.clamp(1, 8) - 1;
    Duration::seconds(30 * (1 << exp)).min(Duration::hours(1))
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
    if let Err(e) = scheduler.plan_all(scheduler.worker.clock.now()).await {
        tracing::error!(error = %e, "scheduler: initial planning failed");
    }
    loop {
        // Register for wake-ups before looking, so a change during the tick is not missed.
        let changed = scheduler.schedule_changed.notified();
        tokio::pin!(changed);
        changed.as_mut().enable();
        let clock_changed = scheduler.worker.clock.change_notify().map(Notify::notified);
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

        let now = scheduler.worker.clock.now();
        let wait = match scheduler.tick(now).await {
            Ok(report) => {
                if report.sent + report.skipped + report.retried + report.failed > 0 {
                    tracing::info!(
                        sent = report.sent,
                        skipped = report.skipped,
                        retried = report.retried,
                        failed = report.failed,
                        recovered = report.recovered,
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
