//! Burst benchmark: 10,000 `/agenda add` interactions from 50 concurrent users through the
//! whole stack on loopback — fake gateway → serenity → poise → service → SQLite → callback
//! to the fake REST server — with p50/p99 from dispatch sent to callback recorded, next to
//! a plain sqlx insert loop of the same rows on the same database in the same run.
//!
//! `cargo bench --bench discord_burst` (release). Environment: `BURST_TOTAL` (10000),
//! `BURST_USERS` (50), `BURST_SERVICE=1` (also time the service alone),
//! `SLTBOT_BENCH_MAX_CONNECTIONS` (the pool size, default 4).

#[path = "../tests/support/mod.rs"]
mod support;

use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::fake_discord::fixtures::{Actor, InteractionFixture};
use support::fake_discord::{FakeDiscordOptions, Route, MEMBER_ROLE_ID};
use support::harness::{seed, service_on, start_bot, GROUP};
use tokio::sync::oneshot;

enum Slot {
    Waiting(oneshot::Sender<(Instant, bool)>),
    Arrived(Instant, bool),
}

type Slots = Arc<Mutex<HashMap<u64, Slot>>>;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ok_callback(body: Option<&Value>) -> bool {
    body.and_then(|b| b["data"]["content"].as_str())
        .is_some_and(|c| c.starts_with("Takk!"))
}

/// Items per meeting and pass: the bot pass and the service-alone pass together stay inside
/// the limit of 50 open items per meeting, as in a real workspace.
const ITEMS_PER_MEETING: usize = 20;

/// One group per user (their own working group, sharing the member role), each with
/// enough meetings for [`ITEMS_PER_MEETING`]: the burst spreads over realistic agendas
/// instead of piling 10,000 items onto one meeting. Returns (group name, meeting ids) per
/// user.
async fn seed_burst(
    service: &sltbot::service::Service,
    users: usize,
    per_user: usize,
) -> Vec<(String, Vec<i64>)> {
    use sltbot::domain::{ChannelId, RoleId, WorkspaceId};
    use sltbot::service::Command;
    let ws = WorkspaceId(support::fake_discord::GUILD_ID);
    let admin = support::harness::admin();
    let mut out = Vec::with_capacity(users);
    for u in 0..users {
        let name = format!("Arbeidsgruppe {u:02}");
        let created = service
            .execute(
                &admin,
                ws,
                Command::GroupCreate {
                    name: name.clone(),
                    level: sltbot::domain::SltLevel::Utforende,
                    channel: Some(ChannelId(support::fake_discord::GENERAL_CHANNEL_ID)),
                    coordinator_role: Some(RoleId(support::fake_discord::COORDINATOR_ROLE_ID)),
                    member_role: Some(RoleId(MEMBER_ROLE_ID)),
                    timezone: None,
                    language: None,
                },
            )
            .await;
        assert!(created.outcome.is_ok(), "{created:?}");
        let count = per_user.div_ceil(ITEMS_PER_MEETING).max(1);
        let first = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).expect("date");
        let mut meetings = Vec::with_capacity(count);
        for m in 0..count {
            let day = first + chrono::Duration::days(7 * m as i64);
            let added = service
                .execute(
                    &admin,
                    ws,
                    Command::MeetingAdd {
                        group: name.as_str().into(),
                        at: format!("{} kl. 13.00", day.format("%d.%m.%Y")),
                        title: None,
                        location: None,
                    },
                )
                .await;
            match added.outcome {
                Ok(sltbot::service::Reply::MeetingAdded { meeting, .. }) => {
                    meetings.push(meeting.id.0)
                }
                other => panic!("meeting add: {other:?}"),
            }
        }
        out.push((name, meetings));
    }
    out
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run());
}

async fn run() {
    let total = env_usize("BURST_TOTAL", 10_000);
    let users = env_usize("BURST_USERS", 50).max(1);
    let per_user = total.div_ceil(users);
    let total = per_user * users;

    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("burst.db");
    let seeding = service_on(&db).await;
    seed(&seeding).await;
    let targets = seed_burst(&seeding, users, per_user).await;
    seeding.store().close().await;

    let opts = FakeDiscordOptions {
        wait_timeout: Duration::from_secs(120),
        ..Default::default()
    };
    let running = start_bot(&db, opts, Vec::new()).await;
    let fake = running.fake.clone();
    fake.wait_for_command_registration().await;

    // One task routes recorded callbacks to whoever waits for them.
    let slots: Slots = Arc::new(Mutex::new(HashMap::new()));
    let mut tap = fake.tap_requests();
    let router_slots = slots.clone();
    let router = tokio::spawn(async move {
        while let Some((req, at)) = tap.recv().await {
            if req.route != Some(Route::InteractionCallback) {
                continue;
            }
            let Some(id) = req.id("interaction_id") else {
                continue;
            };
            let ok = req.status == 204 && ok_callback(req.body.as_ref());
            let mut map = router_slots.lock().unwrap_or_else(|e| e.into_inner());
            match map.remove(&id) {
                Some(Slot::Waiting(tx)) => {
                    let _ = tx.send((at, ok));
                }
                _ => {
                    map.insert(id, Slot::Arrived(at, ok));
                }
            }
        }
    });

    let send_one = {
        let fake = fake.clone();
        let slots = slots.clone();
        move |actor: Actor, group: String, meeting: Option<i64>, title: String| {
            let fake = fake.clone();
            let slots = slots.clone();
            async move {
                let mut fixture = InteractionFixture::slash("agenda")
                    .subcommand("add")
                    .string("group", &group)
                    .string("title", &title);
                if let Some(m) = meeting {
                    fixture = fixture.integer("meeting", m);
                }
                let fixture = fixture.by(&actor);
                let start = Instant::now();
                let sent = fake.send_interaction(&fixture);
                let rx = {
                    let mut map = slots.lock().unwrap_or_else(|e| e.into_inner());
                    match map.remove(&sent.id) {
                        Some(Slot::Arrived(at, ok)) => return (at - start, ok),
                        _ => {
                            let (tx, rx) = oneshot::channel();
                            map.insert(sent.id, Slot::Waiting(tx));
                            rx
                        }
                    }
                };
                match tokio::time::timeout(Duration::from_secs(30), rx).await {
                    Ok(Ok((at, ok))) => (at - start, ok),
                    _ => (Duration::from_secs(30), false),
                }
            }
        }
    };

    let actor = |u: usize| {
        Actor::new(970_000_000_000_000_000 + u as u64, &format!("user{u}"))
            .with_roles(&[MEMBER_ROLE_ID])
    };

    // Warm-up (connections, statement caches), not measured.
    for n in 0..50 {
        send_one(actor(0), GROUP.into(), None, format!("Oppvarming {n}")).await;
    }

    let began = Instant::now();
    let mut tasks = Vec::new();
    for (u, (group, meetings)) in targets.iter().cloned().enumerate() {
        let send_one = send_one.clone();
        let who = actor(u + 1);
        tasks.push(tokio::spawn(async move {
            let mut out = Vec::with_capacity(per_user);
            for n in 0..per_user {
                let meeting = meetings[n % meetings.len()];
                let title = format!("Sak {u}-{n} fra bruker {u}");
                out.push(send_one(who.clone(), group.clone(), Some(meeting), title).await);
            }
            out
        }));
    }
    let mut latencies = Vec::with_capacity(total);
    let mut failed = 0usize;
    for t in tasks {
        for (d, ok) in t.await.expect("user task") {
            latencies.push(d);
            if !ok {
                failed += 1;
            }
        }
    }
    let elapsed = began.elapsed();
    latencies.sort();
    let per_second = total as f64 / elapsed.as_secs_f64();

    // Optionally (BURST_SERVICE=1) the service alone, no Discord: same command, same
    // concurrency, same database — it shows where the time goes.
    let with_service = std::env::var("BURST_SERVICE").is_ok_and(|v| v == "1");
    let service = running.service.clone();
    let svc_began = Instant::now();
    let mut tasks = Vec::new();
    for (u, (group, meetings)) in targets.iter().cloned().enumerate() {
        if !with_service {
            break;
        }
        let service = service.clone();
        tasks.push(tokio::spawn(async move {
            let actor = sltbot::service::Actor {
                roles: vec![sltbot::domain::RoleId(MEMBER_ROLE_ID)],
                ..sltbot::service::Actor::new(sltbot::domain::UserId(
                    980_000_000_000_000_000 + u as u64,
                ))
            };
            let mut out = Vec::with_capacity(per_user);
            for n in 0..per_user {
                let t = Instant::now();
                let r = service
                    .execute(
                        &actor,
                        sltbot::domain::WorkspaceId(support::fake_discord::GUILD_ID),
                        sltbot::service::Command::AgendaAdd {
                            group: group.as_str().into(),
                            title: format!("Direkte sak {u}-{n}"),
                            details: None,
                            meeting: Some(sltbot::domain::MeetingId(meetings[n % meetings.len()])),
                        },
                    )
                    .await;
                if let Err(e) = &r.outcome {
                    eprintln!("service command failed: {e:?}");
                }
                out.push((t.elapsed(), r.outcome.is_ok()));
            }
            out
        }));
    }
    let mut svc_latencies = Vec::with_capacity(total);
    let mut svc_failed = 0usize;
    for t in tasks {
        for (d, ok) in t.await.expect("service task") {
            if !ok {
                svc_failed += 1;
            }
            svc_latencies.push(d);
        }
    }
    let svc_elapsed = svc_began.elapsed();
    svc_latencies.sort();
    let svc_per_second = total as f64 / svc_elapsed.as_secs_f64();

    // Same rows, plain sqlx, same database file, one autocommit insert each.
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            format!("sqlite://{}", db.display())
                .parse::<sqlx::sqlite::SqliteConnectOptions>()
                .expect("url")
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5)),
        )
        .await
        .expect("pool");
    let (stored,): (i64,) = sqlx::query_as("SELECT count(*) FROM agenda_items")
        .fetch_one(&pool)
        .await
        .expect("count");
    let sql_began = Instant::now();
    for n in 0..total {
        sqlx::query(
            "INSERT INTO agenda_items (group_id, meeting_id, title, details, submitter, position,
                                       status, created_at, updated_at)
             VALUES (1, 1, ?, NULL, ?, ?, 'proposed', 1798790400, 1798790400)",
        )
        .bind(format!("Rå sak {n}"))
        .bind(970_000_000_000_000_001_i64 + (n % users) as i64)
        .bind(100_000 + n as i64)
        .execute(&pool)
        .await
        .expect("insert");
    }
    let sql_elapsed = sql_began.elapsed();
    let sql_per_second = total as f64 / sql_elapsed.as_secs_f64();
    pool.close().await;

    let violations = fake.violations().len();
    println!("discord_burst: {total} × /agenda add, {users} concurrent users, loopback, 2 worker threads");
    println!(
        "  bot:   {per_second:>8.0} commands/s  ({:.2} s)",
        elapsed.as_secs_f64()
    );
    println!(
        "         dispatch→callback p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        percentile(&latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&latencies, 0.90).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    if with_service {
        println!(
        "  service alone: {svc_per_second:>8.0} commands/s  ({:.2} s), p50 {:.2} ms, p99 {:.2} ms, failed {svc_failed}",
        svc_elapsed.as_secs_f64(),
        percentile(&svc_latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&svc_latencies, 0.99).as_secs_f64() * 1e3,
    );
    }
    println!(
        "  sqlx:  {sql_per_second:>8.0} inserts/s   ({:.2} s), same rows, same file",
        sql_elapsed.as_secs_f64()
    );
    println!(
        "  ratio: bot reaches {:.1} % of the plain insert rate",
        100.0 * per_second / sql_per_second
    );
    let by_service = if with_service { total as i64 } else { 0 };
    println!("  rows stored by the bot: {} (expected {}), failed callbacks: {failed}, spec violations: {violations}", stored - 50 - by_service, total);
    router.abort();
    running.stop().await;
}
