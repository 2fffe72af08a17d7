//! No silent loss (issue 13): a post Discord refuses for good is `failed` with its reason,
//! never retried or deleted, and the coordinators are told — in the digest channel, on
//! their next command, and in the digest. Temporary failures are bounded. One slow message
//! does not hold up the others.

mod support;

use sltbot::domain::{ChannelId, UserId};
use sltbot::notify::{
    Delivery, DeliveryError, Outbound, Outbox, Ping, RecordingOutbox, Refusal, Sent,
};
use sltbot::render::Style;
use sltbot::service::Actor;
use std::sync::Arc;
use support::sched::*;
use tokio::sync::Notify;

/// Refuses every post to `channel` with `refusal`; records the rest.
struct RefusingOutbox {
    shared: Arc<RecordingOutbox>,
    channel: ChannelId,
    refusal: Refusal,
    attempts: std::sync::atomic::AtomicUsize,
}

#[async_trait::async_trait]
impl Outbox for RefusingOutbox {
    fn style(&self) -> Style {
        Style::Discord
    }
    async fn send(&self, m: &Outbound) -> Result<Sent, DeliveryError> {
        self.send_keyed("unkeyed", m).await
    }
    async fn send_keyed(&self, key: &str, m: &Outbound) -> Result<Sent, DeliveryError> {
        if m.channel == self.channel {
            self.attempts
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            return Err(DeliveryError::Permanent {
                refusal: self.refusal,
                detail: "HTTP 403 (Discord code 50001)".into(),
            });
        }
        self.shared.send_keyed(key, m).await
    }
    async fn delivered(&self, key: &str) -> Delivery {
        self.shared.delivered(key).await
    }
}

/// A group whose channel ([`GROUP_CHANNEL`]) the bot cannot see, a digest channel, one meeting.
async fn refused_env() -> (Env, Arc<RefusingOutbox>) {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    env.ok(&format!("/digest channel:{DIGEST_CHANNEL}")).await;
    env.ok("/meeting add group:Tverrfaglig at:\"12.01.2027 kl. 09.00\"")
        .await;
    let outbox = Arc::new(RefusingOutbox {
        shared: env.outbox.clone(),
        channel: GROUP_CHANNEL,
        refusal: Refusal::MissingAccess,
        attempts: Default::default(),
    });
    (env, outbox)
}

#[tokio::test]
async fn a_refused_reminder_is_failed_with_its_reason_and_the_coordinators_are_told_at_once() {
    let (env, outbox) = refused_env().await;
    let s = env.other_scheduler(outbox.clone()).await;
    let due = at("2027-01-05T09:00:00+01:00");
    let report = s.tick(due).await.expect("tick");
    assert_eq!((report.failed, report.sent), (1, 2), "{report:?}");
    assert_eq!(
        env.state("reminder:1:10080").await.as_deref(),
        Some("failed")
    );
    let (failure, outcome): (String, String) =
        sqlx::query_as("SELECT failure, outcome FROM notifications WHERE key = 'reminder:1:10080'")
            .fetch_one(env.service.store().pool())
            .await
            .expect("row");
    assert_eq!(failure, "missing_access");
    assert_eq!(outcome, "HTTP 403 (Discord code 50001)");

    // The notice in the digest channel, pinging the group's coordinators (the week's
    // digest, due on Monday, went out in the same tick).
    let msgs: Vec<_> = env
        .outbox
        .messages()
        .into_iter()
        .filter(|m| m.content.contains("⚠️"))
        .collect();
    assert_eq!(msgs.len(), 1, "{msgs:#?}");
    assert_eq!(msgs[0].channel, DIGEST_CHANNEL);
    assert_eq!(msgs[0].ping, Ping::Role(COORD_ROLE));
    assert_eq!(
        msgs[0].content,
        "<@&10> ⚠️ En melding fra sltbot kom ikke fram, og blir ikke prøvd igjen:\n\
         Påminnelsen om møtet tirsdag 12.01.2027 kl. 09.00 til Tverrfaglig i <#100>, \
         planlagt tirsdag 05.01.2027 kl. 09.00. Boten kan ikke se kanalen: gi den «Vis kanal» og «Send \
         meldinger» i kanalens tillatelser."
    );

    // Never retried: later ticks leave it alone, and nothing is deleted.
    s.tick(due + chrono::Duration::hours(2))
        .await
        .expect("tick");
    assert_eq!(
        outbox.attempts.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "tried once"
    );
    assert_eq!(
        env.state("reminder:1:10080").await.as_deref(),
        Some("failed")
    );
    let notices = env
        .outbox
        .messages()
        .iter()
        .filter(|m| m.content.contains("⚠️"))
        .count();
    assert_eq!(notices, 1, "one notice");
}

#[tokio::test]
async fn a_coordinator_sees_a_failure_once_on_the_next_command_a_member_never() {
    let (env, outbox) = refused_env().await;
    let s = env.other_scheduler(outbox).await;
    s.tick(at("2027-01-05T09:00:00+01:00")).await.expect("tick");
    let member = Actor {
        roles: vec![MEMBER_ROLE],
        ..Actor::new(UserId(7))
    };
    let none = env
        .service
        .delivery_notice(&member, WS)
        .await
        .expect("notice");
    assert!(none.is_none(), "members are not told");
    let coordinator = Actor {
        roles: vec![COORD_ROLE],
        ..Actor::new(UserId(8))
    };
    let notice = env
        .service
        .delivery_notice(&coordinator, WS)
        .await
        .expect("notice")
        .expect("a notice for the coordinator");
    assert_eq!(notice.failures.len(), 1);
    let text = sltbot::scheduler::messages::failures_notice(
        notice.lang,
        notice.tz,
        Style::Plain,
        &notice.failures,
    );
    assert_eq!(
        text,
        "⚠️ Én melding fra sltbot kom ikke fram:\n\
         • Påminnelsen om møtet tirsdag 12.01.2027 kl. 09.00 til Tverrfaglig i <#100>, \
         planlagt tirsdag 05.01.2027 kl. 09.00. Boten kan ikke se kanalen: gi den «Vis kanal» og «Send \
         meldinger» i kanalens tillatelser."
    );
    let again = env
        .service
        .delivery_notice(&coordinator, WS)
        .await
        .expect("notice");
    assert!(again.is_none(), "shown once");
}

#[tokio::test]
async fn the_digest_lists_the_failures_since_the_last_digest() {
    let (env, outbox) = refused_env().await;
    let s = env.other_scheduler(outbox).await;
    // The 7-day reminder fails on 05.01; Monday 11.01 08:00 the digest goes out.
    env.clock.set(at("2027-01-05T09:00:00+01:00"));
    env.run_until(&s, at("2027-01-11T08:30:00+01:00")).await;
    let digest = env
        .outbox
        .messages()
        .into_iter()
        .find(|m| m.content.starts_with("**Ukeoppsummering uke 2**"))
        .expect("a digest");
    assert!(
        digest.content.contains(
            "**Meldinger som ikke kom fram**\n• Påminnelsen om møtet tirsdag 12.01.2027 kl. 09.00 \
             til Tverrfaglig i <#100>, planlagt tirsdag 05.01.2027 kl. 09.00. Boten kan ikke se kanalen"
        ),
        "{}",
        digest.content
    );
    assert_eq!(digest.ping, Ping::Nobody);
}

#[tokio::test]
async fn temporary_failures_are_bounded_then_failed_as_given_up() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    env.ok("/meeting add group:Tverrfaglig at:\"12.01.2027 kl. 09.00\"")
        .await;
    let flaky = Arc::new(FlakyOutbox {
        shared: env.outbox.clone(),
        failures: std::sync::atomic::AtomicUsize::new(usize::MAX),
        retry_after: Some(std::time::Duration::from_millis(2500)),
    });
    let s = env.other_scheduler(flaky).await;
    let mut now = at("2027-01-05T09:00:00+01:00");
    let mut retried = 0;
    for _ in 0..20 {
        let r = s.tick(now).await.expect("tick");
        retried += r.retried;
        if r.failed == 1 {
            break;
        }
        // 2.5 s rounds up to exactly 3 s: never sooner.
        assert_eq!(
            r.next_wake,
            Some(now + chrono::Duration::seconds(3)),
            "{r:?}"
        );
        now += chrono::Duration::seconds(3);
    }
    assert_eq!(retried as i64, sltbot::scheduler::MAX_ATTEMPTS - 1);
    assert_eq!(
        env.state("reminder:1:10080").await.as_deref(),
        Some("failed")
    );
    let failure: String =
        sqlx::query_scalar("SELECT failure FROM notifications WHERE key = 'reminder:1:10080'")
            .fetch_one(env.service.store().pool())
            .await
            .expect("row");
    assert_eq!(failure, "gave_up");
}

/// Holds every post to `slow` until `release`; records the rest at once.
struct SlowChannelOutbox {
    shared: Arc<RecordingOutbox>,
    slow: u64,
    release: Notify,
    others: Notify,
}

#[async_trait::async_trait]
impl Outbox for SlowChannelOutbox {
    fn style(&self) -> Style {
        Style::Discord
    }
    async fn send(&self, m: &Outbound) -> Result<Sent, DeliveryError> {
        self.send_keyed("unkeyed", m).await
    }
    async fn send_keyed(&self, key: &str, m: &Outbound) -> Result<Sent, DeliveryError> {
        if m.channel.0 == self.slow {
            self.release.notified().await;
        }
        let r = self.shared.send_keyed(key, m).await;
        if m.channel.0 != self.slow {
            self.others.notify_one();
        }
        r
    }
    async fn delivered(&self, key: &str) -> Delivery {
        self.shared.delivered(key).await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_slow_message_does_not_hold_up_the_others() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    for g in 0..4 {
        env.ok(&format!(
            "/group create name:G{g} level:annet channel:{} coordinator_role:{}",
            1000 + g,
            2000 + g
        ))
        .await;
        env.ok(&format!(
            "/meeting add group:G{g} at:\"12.01.2027 kl. 09.00\""
        ))
        .await;
    }
    let outbox = Arc::new(SlowChannelOutbox {
        shared: env.outbox.clone(),
        slow: 1000, // the first group's: due first, sent first
        release: Notify::new(),
        others: Notify::new(),
    });
    let s = env.other_scheduler(outbox.clone()).await;
    let due = at("2027-01-05T09:00:00+01:00");
    let tick = tokio::spawn(async move { s.tick(due).await });
    // The three others arrive while the first is still held.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    while env.outbox.messages().len() < 3 {
        tokio::time::timeout_at(deadline, outbox.others.notified())
            .await
            .expect("the others were held up by the slow one");
    }
    let channels: Vec<u64> = env.outbox.messages().iter().map(|m| m.channel.0).collect();
    assert!(!channels.contains(&1000), "{channels:?}");
    outbox.release.notify_one();
    let report = tick.await.expect("join").expect("tick");
    assert_eq!(report.sent, 4);
    assert_eq!(env.outbox.messages().len(), 4);
}

#[tokio::test]
async fn the_delivery_migration_keeps_every_existing_notification_row() {
    use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.db");
    // A database as the previous release left it: every migration before this one.
    let old = sqlx::migrate::Migrator {
        migrations: std::borrow::Cow::Owned(
            sltbot::store::MIGRATOR
                .migrations
                .iter()
                .filter(|m| m.version < 20261128000001)
                .cloned()
                .collect(),
        ),
        ignore_missing: false,
        locking: true,
        no_tx: false,
    };
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            SqliteConnectOptions::new()
                .filename(&path)
                .create_if_missing(true)
                .foreign_keys(true),
        )
        .await
        .expect("pool");
    old.run(&pool).await.expect("old migrations");
    sqlx::query(
        "INSERT INTO notifications (key, kind, workspace_id, planned_at, due_at, state,
         claimed_at, claim_token, attempts, parts_sent, outcome, created_at) VALUES
         ('digest:1:2027-W01', 'digest', 1, 100, 100, 'sent', 90, NULL, 1, 2, NULL, 50),
         ('digest:1:2027-W02', 'digest', 1, 200, 230, 'claimed', 220, 'aaaaaaaaaaaaaaaa', 2, 1,
          'retryable', 60),
         ('digest:1:2027-W03', 'digest', 1, 300, 300, 'pending', NULL, NULL, 0, 0, NULL, 70)",
    )
    .execute(&pool)
    .await
    .expect("old rows");
    type R = (
        i64,
        String,
        String,
        i64,
        i64,
        String,
        Option<i64>,
        Option<String>,
        i64,
        i64,
    );
    let q = "SELECT id, key, kind, planned_at, due_at, state, claimed_at, claim_token, attempts,
             parts_sent FROM notifications ORDER BY id";
    let before: Vec<R> = sqlx::query_as(q).fetch_all(&pool).await.expect("before");
    pool.close().await;

    let store = open(&path.display().to_string()).await;
    let after: Vec<R> = sqlx::query_as(q)
        .fetch_all(store.pool())
        .await
        .expect("after");
    assert_eq!(before, after);
    let new_columns: (Option<String>, Option<i64>, Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT failure, failed_at, noticed_at, about_id FROM notifications WHERE id = 2",
    )
    .fetch_one(store.pool())
    .await
    .expect("new columns");
    assert_eq!(new_columns, (None, None, None, None));
    // The new state and kind are allowed now.
    sqlx::query("UPDATE notifications SET state = 'failed', failure = 'gave_up' WHERE id = 3")
        .execute(store.pool())
        .await
        .expect("failed state");
    let indexes: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notifications'
         AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(store.pool())
    .await
    .expect("indexes");
    assert_eq!(
        indexes,
        [
            "notifications_action",
            "notifications_claims",
            "notifications_due",
            "notifications_failed",
            "notifications_meeting"
        ]
    );
}
