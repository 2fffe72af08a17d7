//! Set-up for the scheduler tests: a real SQLite file in a temp dir, a settable clock
//! started where the test's story starts, the service driven through console lines, and
//! outboxes that record, crash, fail or signal. The ids are [`super::ids`].

pub use super::ids::*;
use chrono::{DateTime, Utc};
use sltbot::clock::ManualClock;
use sltbot::console::Session;
use sltbot::domain::{Lang, RoleId, UserId};
use sltbot::notify::{Delivery, DeliveryError, Outbound, Outbox, RecordingOutbox, Sent};
use sltbot::render::Style;
use sltbot::scheduler::Scheduler;
use sltbot::service::{Actor, Defaults, Service};
use sltbot::store::Store;
use std::sync::Arc;
use tokio::sync::Notify;

pub struct Env {
    pub dir: tempfile::TempDir,
    pub path: String,
    pub clock: ManualClock,
    pub service: Service,
    pub outbox: Arc<RecordingOutbox>,
}

impl Env {
    pub async fn new(start: &str) -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sltbot.db").display().to_string();
        let clock = ManualClock::new(at(start));
        let store = open(&path).await;
        let service = Service::new(store, Arc::new(clock.clone()), Defaults::default());
        Env {
            dir,
            path,
            clock,
            service,
            outbox: Arc::new(RecordingOutbox::default()),
        }
    }

    /// Run console lines as an admin (with the coordinator role) typing in the group
    /// channel; every line must succeed.
    pub async fn ok(&self, lines: &str) -> String {
        let session = Session {
            service: self.service.clone(),
            actor: Actor {
                user: UserId(ADMIN),
                roles: vec![COORD_ROLE],
                is_admin: true,
                channel: Some(GROUP_CHANNEL),
                locale: None,
            },
            workspace: WS,
            lang: Lang::Nb,
            export_dir: std::env::temp_dir(),
        };
        let mut out = String::new();
        for line in lines.lines() {
            if let Some((ok, text)) = session.line(line).await {
                assert!(ok, "{line}\n→ {text}");
                out.push_str(&text);
                out.push('\n');
            }
        }
        out
    }

    /// Run a console line as [`SOMEONE`] with `roles` (no admin), typing in the group
    /// channel.
    pub async fn as_user(&self, roles: &[RoleId], line: &str) -> (bool, String) {
        let session = Session {
            service: self.service.clone(),
            actor: Actor {
                user: UserId(SOMEONE),
                roles: roles.to_vec(),
                is_admin: false,
                channel: Some(GROUP_CHANNEL),
                locale: None,
            },
            workspace: WS,
            lang: Lang::Nb,
            export_dir: std::env::temp_dir(),
        };
        session.line(line).await.expect("a command line")
    }

    /// A group with channel, coordinator and member roles.
    pub async fn group(&self, name: &str) {
        self.ok(&format!(
            "/group create name:\"{name}\" level:utforende channel:{GROUP_CHANNEL} coordinator_role:{COORD_ROLE} member_role:{MEMBER_ROLE}"
        ))
        .await;
    }

    pub fn scheduler(&self) -> Scheduler {
        Scheduler::for_service(&self.service, self.outbox.clone())
    }

    /// A scheduler on its own connection pool to the same file (another process).
    pub async fn other_scheduler(&self, outbox: Arc<dyn Outbox>) -> Scheduler {
        let store = open(&self.path).await;
        Scheduler::new(
            store,
            Arc::new(self.clock.clone()),
            outbox,
            Arc::new(Notify::new()),
        )
    }

    /// Drive `s` like its run loop would: tick, jump the clock to the next wake-up, until
    /// `until`. Returns the number of ticks.
    pub async fn run_until(&self, s: &Scheduler, until: DateTime<Utc>) -> usize {
        let mut ticks = 0;
        loop {
            let now = sltbot::clock::Clock::now(&self.clock);
            let report = s.tick(now).await.expect("tick");
            ticks += 1;
            match report.next_wake {
                Some(next) if next <= until => {
                    self.clock.set(next.max(now + chrono::Duration::seconds(1)))
                }
                _ => {
                    self.clock.set(until);
                    s.tick(until).await.expect("tick");
                    return ticks + 1;
                }
            }
        }
    }

    pub async fn state(&self, key: &str) -> Option<String> {
        let mut conn = self.service.store().pool().acquire().await.expect("conn");
        sltbot::store::notifications::state_of(&mut conn, key)
            .await
            .expect("state")
    }

    /// (id, starts_at, status) of every meeting, in time order.
    pub async fn meetings(&self) -> Vec<(i64, DateTime<Utc>, String)> {
        let rows: Vec<(i64, i64, String)> =
            sqlx::query_as("SELECT id, starts_at, status FROM meetings ORDER BY starts_at")
                .fetch_all(self.service.store().pool())
                .await
                .expect("meetings");
        rows.into_iter()
            .map(|(id, t, s)| (id, DateTime::from_timestamp(t, 0).expect("ts"), s))
            .collect()
    }
}

/// Open (and migrate) the store at the file `path`.
pub async fn open(path: &str) -> Store {
    super::open_store(path).await
}

/// How it crashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crash {
    /// Hang before anything goes out (the process dies between claim and send).
    BeforeSend,
    /// Deliver, then hang (the process dies between send and marking it sent).
    AfterSend,
}

/// An outbox that "crashes" on its first send: it signals `entered` and never returns,
/// so the test can drop the scheduler mid-send. Delivery facts live in `shared`, the
/// recording Discord both schedulers talk to.
pub struct CrashingOutbox {
    pub shared: Arc<RecordingOutbox>,
    pub mode: Crash,
    pub entered: Notify,
}

#[async_trait::async_trait]
impl Outbox for CrashingOutbox {
    fn style(&self) -> Style {
        Style::Discord
    }

    async fn send(&self, m: &Outbound) -> Result<Sent, DeliveryError> {
        self.send_keyed("unkeyed", m).await
    }

    async fn send_keyed(&self, key: &str, m: &Outbound) -> Result<Sent, DeliveryError> {
        if self.mode == Crash::AfterSend {
            self.shared.send_keyed(key, m).await?;
        }
        self.entered.notify_one();
        std::future::pending().await
    }

    async fn delivered(&self, key: &str) -> Delivery {
        self.shared.delivered(key).await
    }
}

/// An outbox that fails temporarily `failures` times (with `retry_after`), then records.
pub struct FlakyOutbox {
    pub shared: Arc<RecordingOutbox>,
    pub failures: std::sync::atomic::AtomicUsize,
    pub retry_after: Option<std::time::Duration>,
}

#[async_trait::async_trait]
impl Outbox for FlakyOutbox {
    fn style(&self) -> Style {
        Style::Discord
    }

    async fn send(&self, m: &Outbound) -> Result<Sent, DeliveryError> {
        self.send_keyed("unkeyed", m).await
    }

    async fn send_keyed(&self, key: &str, m: &Outbound) -> Result<Sent, DeliveryError> {
        use std::sync::atomic::Ordering;
        if self
            .failures
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
        {
            return Err(DeliveryError::Retryable {
                retry_after: self.retry_after,
                reason: "rate limited".into(),
            });
        }
        self.shared.send_keyed(key, m).await
    }

    async fn delivered(&self, key: &str) -> Delivery {
        self.shared.delivered(key).await
    }
}

/// Records into `shared` and signals `sent` after each message.
pub struct SignallingOutbox {
    pub shared: Arc<RecordingOutbox>,
    pub sent: Notify,
}

#[async_trait::async_trait]
impl Outbox for SignallingOutbox {
    fn style(&self) -> Style {
        Style::Discord
    }

    async fn send(&self, m: &Outbound) -> Result<Sent, DeliveryError> {
        self.send_keyed("unkeyed", m).await
    }

    async fn send_keyed(&self, key: &str, m: &Outbound) -> Result<Sent, DeliveryError> {
        let r = self.shared.send_keyed(key, m).await;
        self.sent.notify_one();
        r
    }

    async fn delivered(&self, key: &str) -> Delivery {
        self.shared.delivered(key).await
    }
}
