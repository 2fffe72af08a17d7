//! Scheduler benchmark (not a timed test): `cargo bench --bench scheduler`.
//!
//! Seeds a temp SQLite file with 1,000 workspaces (2 groups each, a digest channel, one
//! open action per group) and N meetings spread over a year with their planned reminders,
//! deadline calls and digests, then reports medians of
//! - finding the next due notifications (the claim query's read: `state = 'pending' AND
//!   due_at <= now ORDER BY due_at LIMIT 100`) and the earliest due time;
//! - one scheduler tick that sends what fell due in the last hour, and an idle tick;
//!
//! for N = 10,000 and 100,000, the ratio between them, the query plan, and the peak RSS.

use chrono::{DateTime, Duration, TimeZone, Utc};
use sltbot::clock::ManualClock;
use sltbot::notify::{DeliveryError, Outbound, Outbox, Sent};
use sltbot::render::Style;
use sltbot::scheduler::Scheduler;
use sltbot::store::{Store, StoreOptions};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

const WORKSPACES: i64 = 1000;
const GROUPS_PER_WS: i64 = 2;

/// Counts and drops (a Discord stand-in that costs nothing).
#[derive(Default)]
struct NullOutbox {
    sent: AtomicUsize,
}

#[async_trait::async_trait]
impl Outbox for NullOutbox {
    fn style(&self) -> Style {
        Style::Discord
    }
    async fn send(&self, _m: &Outbound) -> Result<Sent, DeliveryError> {
        self.sent.fetch_add(1, Ordering::Relaxed);
        Ok(Sent { message_id: None })
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

struct Figures {
    meetings: i64,
    notifications: i64,
    seed_s: f64,
    find_due_us: f64,
    next_due_us: f64,
    tick_ms: f64,
    tick_sent: f64,
    idle_tick_ms: f64,
    plan: Vec<String>,
}

async fn seed(store: &Store, meetings: i64, t0: DateTime<Utc>) -> sqlx::Result<i64> {
    let pool = store.pool();
    let now = t0.timestamp();
    let mut tx = pool.begin().await?;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO workspaces (id, timezone, language, coordinator_role, digest_channel,
                                 created_at, updated_at)
         SELECT i, 'Europe/Oslo', 'nb', 5000000 + i, 9000000 + i, ?, ? FROM n",
    )
    .bind(WORKSPACES)
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "WITH RECURSIVE k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < ?)
         INSERT INTO groups (workspace_id, name, name_key, level, channel_id, coordinator_role,
                             member_role, created_at, updated_at)
         SELECT w.id, 'Gruppe ' || k.k, 'gruppe ' || k.k, 'annet', 1000000 + w.id * 10 + k.k,
                2000000 + w.id * 10 + k.k, 3000000 + w.id * 10 + k.k, ?, ?
         FROM workspaces w, k",
    )
    .bind(GROUPS_PER_WS)
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    // Meetings spread over a year, each group its own phase.
    let per_group = meetings / (WORKSPACES * GROUPS_PER_WS);
    let span = 365 * 86_400;
    let step = span / per_group;
    sqlx::query(
        "WITH RECURSIVE j(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM j WHERE j < ? - 1)
         INSERT INTO meetings (group_id, starts_at, created_by, created_at, updated_at)
         SELECT g.id, ? + 3600 + j.j * ? + (g.id * 7919) % ?, 1, ?, ? FROM groups g, j",
    )
    .bind(per_group)
    .bind(now)
    .bind(step)
    .bind(step)
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    // Their reminders (7 d, 1 d) and deadline calls (2 d deadline, called a day before).
    sqlx::query(
        "INSERT INTO notifications (key, kind, workspace_id, group_id, meeting_id, lead_minutes,
                                    planned_at, due_at, created_at)
         SELECT 'reminder:' || m.id || ':' || l.lead, 'reminder', g.workspace_id, g.id, m.id,
                l.lead, m.starts_at - l.lead * 60, m.starts_at - l.lead * 60, ?
         FROM meetings m JOIN groups g ON g.id = m.group_id,
              (SELECT 10080 AS lead UNION ALL SELECT 1440) l
         WHERE m.starts_at - l.lead * 60 > ?",
    )
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO notifications (key, kind, workspace_id, group_id, meeting_id, lead_minutes,
                                    planned_at, due_at, created_at)
         SELECT 'deadline:' || m.id, 'deadline', g.workspace_id, g.id, m.id, 2880,
                m.starts_at - 3 * 86400, m.starts_at - 3 * 86400, ?
         FROM meetings m JOIN groups g ON g.id = m.group_id WHERE m.starts_at - 3 * 86400 > ?",
    )
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    // One open action per group, due dates spread over the year.
    sqlx::query(
        "INSERT INTO actions (group_id, title, owner, due_date, status, created_by, created_at,
                              updated_at)
         SELECT g.id, 'Tiltak ' || g.id, 42, date(?, 'unixepoch', '+' || (g.id % 365) || ' days'),
                'open', 1, ?, ? FROM groups g",
    )
    .bind(now)
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    sqlx::query("ANALYZE").execute(pool).await?;
    sqlx::query_scalar("SELECT count(*) FROM notifications")
        .fetch_one(pool)
        .await
}

async fn bench(meetings: i64) -> Figures {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db").display().to_string();
    let store = Store::open(&path, &StoreOptions::default())
        .await
        .expect("open");
    let t0 = Utc
        .with_ymd_and_hms(2027, 1, 4, 6, 0, 0)
        .single()
        .expect("t0");
    let started = Instant::now();
    seed(&store, meetings, t0).await.expect("seed");
    let clock = ManualClock::new(t0);
    let outbox = Arc::new(NullOutbox::default());
    let scheduler = Scheduler::new(
        store.clone(),
        Arc::new(clock.clone()),
        outbox.clone(),
        Arc::new(tokio::sync::Notify::new()),
    );
    scheduler.plan_all(t0).await.expect("plan digests");
    // Catch up once (series of the first hours, overdue planning), untimed.
    scheduler.tick(t0).await.expect("tick");
    let notifications: i64 = sqlx::query_scalar("SELECT count(*) FROM notifications")
        .fetch_one(store.pool())
        .await
        .expect("count");
    let seed_s = started.elapsed().as_secs_f64();

    // Finding due work at a time with a day's worth of rows due.
    let probe = t0 + Duration::days(1);
    let mut conn = store.pool().acquire().await.expect("conn");
    let mut find = Vec::new();
    let mut next = Vec::new();
    for _ in 0..300 {
        let t = Instant::now();
        let rows = sltbot::store::notifications::peek_due(&mut conn, probe, 100)
            .await
            .expect("peek");
        find.push(t.elapsed().as_secs_f64() * 1e6);
        assert!(!rows.is_empty());
        let t = Instant::now();
        sltbot::store::notifications::next_due(&mut conn)
            .await
            .expect("next");
        next.push(t.elapsed().as_secs_f64() * 1e6);
    }
    let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(
        "EXPLAIN QUERY PLAN SELECT id, due_at FROM notifications
         WHERE state = 'pending' AND due_at <= ? ORDER BY due_at LIMIT 100",
    )
    .bind(probe.timestamp())
    .fetch_all(&mut *conn)
    .await
    .expect("plan");
    drop(conn);

    // Ticks an hour apart, each sending what fell due in that hour.
    let mut ticks = Vec::new();
    let mut sent = Vec::new();
    let mut now = t0;
    for _ in 0..60 {
        now += Duration::hours(1);
        clock.set(now);
        let before = outbox.sent.load(Ordering::Relaxed);
        let t = Instant::now();
        scheduler.tick(now).await.expect("tick");
        ticks.push(t.elapsed().as_secs_f64() * 1e3);
        sent.push((outbox.sent.load(Ordering::Relaxed) - before) as f64);
    }
    // Idle ticks: nothing due.
    let mut idle = Vec::new();
    for _ in 0..60 {
        let t = Instant::now();
        let r = scheduler.tick(now).await.expect("tick");
        idle.push(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(r.sent, 0);
    }
    store.close().await;
    Figures {
        meetings,
        notifications,
        seed_s,
        find_due_us: median(find),
        next_due_us: median(next),
        tick_ms: median(ticks),
        tick_sent: median(sent),
        idle_tick_ms: median(idle),
        plan: plan.into_iter().map(|r| r.3).collect(),
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let mut all = Vec::new();
    for meetings in [10_000, 100_000] {
        let f = runtime.block_on(bench(meetings));
        println!(
            "{:>7} meetings, {:>7} notification rows (seeded in {:.1} s): \
             find 100 due = {:.0} µs, next due time = {:.0} µs, \
             tick = {:.2} ms (median {} sent), idle tick = {:.2} ms",
            f.meetings,
            f.notifications,
            f.seed_s,
            f.find_due_us,
            f.next_due_us,
            f.tick_ms,
            f.tick_sent,
            f.idle_tick_ms
        );
        all.push(f);
    }
    let (small, big) = (&all[0], &all[1]);
    println!("query plan for finding due work: {}", big.plan.join(" / "));
    println!(
        "ratio 100k/10k meetings: find due ×{:.2}, next due ×{:.2}, idle tick ×{:.2}, \
         tick per notification sent ×{:.2}",
        big.find_due_us / small.find_due_us,
        big.next_due_us / small.next_due_us,
        big.idle_tick_ms / small.idle_tick_ms,
        (big.tick_ms / big.tick_sent.max(1.0)) / (small.tick_ms / small.tick_sent.max(1.0)),
    );
    match vm_hwm_kib() {
        Some(kib) => println!("peak RSS (VmHWM): {:.1} MiB", kib as f64 / 1024.0),
        None => println!("peak RSS: /proc/self/status not available"),
    }
}
