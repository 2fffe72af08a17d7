//! The shipped binary under crashes (issue 13, item 7): the real `sltbot run`, with only
//! its REST base URL (`SLTBOT_DISCORD__API_URL`) pointed at the fake Discord (which serves
//! the gateway too), a schedule with 216 reminders falling due on three minute boundaries,
//! killed with SIGKILL at random moments — some aimed just after a due minute — at least
//! 50 times, with 429 and 500 answers mixed in. Real time, no clock hook: the reminders are
//! due in the next few minutes.
//!
//! Asserts: none lost; none later than [`LATE_LIMIT`] after the due time or the start of
//! the process that sent it, whichever is later; none doubled in the channel. Prints the
//! counts, the start-up time (median) and the idle RSS of the connected binary (median).

#![cfg(unix)]

mod support;

use chrono::{DateTime, Duration as CDuration, Timelike, Utc};
use serde_json::Value;
use sltbot::clock::SystemClock;
use sltbot::domain::{ChannelId, RoleId, UserId, WorkspaceId};
use sltbot::service::{Actor, Command, Defaults, Service};
use sltbot::store::{Store, StoreOptions};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::fake_discord::{
    FakeDiscord, FakeDiscordOptions, Fault, Route, COORDINATOR_ROLE_ID, GENERAL_CHANNEL_ID,
    GUILD_ID, KARI_USER_ID, MEMBER_ROLE_ID,
};

const GROUPS: usize = 72;
const BOUNDARIES: i64 = 3;
const MIN_KILLS: usize = 50;
/// Latest a reminder may arrive after its due time, or after the start of the process
/// that sent it if that is later (start-up included).
const LATE_LIMIT: Duration = Duration::from_secs(5);

fn admin() -> Actor {
    Actor {
        is_admin: true,
        ..Actor::new(UserId(KARI_USER_ID))
    }
}

/// A small xorshift generator; the seed is printed so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Uniform in `[lo, hi)` milliseconds.
    fn millis(&mut self, lo: u64, hi: u64) -> Duration {
        Duration::from_millis(lo + self.next() % (hi - lo))
    }
}

/// `dd.mm.åååå kl. HH.MM` in Oslo time.
fn oslo(t: DateTime<Utc>) -> String {
    t.with_timezone(&chrono_tz::Europe::Oslo)
        .format("%d.%m.%Y kl. %H.%M")
        .to_string()
}

async fn seed(db: &std::path::Path, first_due: DateTime<Utc>) {
    let store = Store::open(
        &format!("sqlite://{}", db.display()),
        &StoreOptions::default(),
    )
    .await
    .expect("store");
    let service = Service::new(store.clone(), Arc::new(SystemClock), Defaults::default());
    let ws = WorkspaceId(GUILD_ID);
    for g in 0..GROUPS {
        let name = format!("Gruppe {g:02}");
        let r = service
            .execute(
                &admin(),
                ws,
                Command::GroupCreate {
                    name: name.clone(),
                    level: sltbot::domain::SltLevel::Utforende,
                    channel: Some(ChannelId(GENERAL_CHANNEL_ID)),
                    coordinator_role: Some(RoleId(COORDINATOR_ROLE_ID)),
                    member_role: Some(RoleId(MEMBER_ROLE_ID)),
                    timezone: None,
                    language: None,
                },
            )
            .await;
        assert!(r.outcome.is_ok(), "{r:?}");
        let r = service
            .execute(
                &admin(),
                ws,
                Command::GroupReminders {
                    group: name.as_str().into(),
                    leads: Some("2m".into()),
                    deadline: Some("none".into()),
                    skip_holidays: None,
                },
            )
            .await;
        assert!(r.outcome.is_ok(), "{r:?}");
        for b in 0..BOUNDARIES {
            let starts = first_due + CDuration::minutes(b + 2);
            let r = service
                .execute(
                    &admin(),
                    ws,
                    Command::MeetingAdd {
                        group: name.as_str().into(),
                        at: oslo(starts),
                        title: None,
                        location: None,
                    },
                )
                .await;
            assert!(r.outcome.is_ok(), "{r:?}");
        }
    }
    store.close().await;
}

struct Proc {
    child: std::process::Child,
    started: Instant,
}

impl Proc {
    /// SIGKILL (what `Child::kill` sends on unix) and reap.
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill();
    }
}

fn spawn(dir: &std::path::Path, db: &std::path::Path, fake: &FakeDiscord) -> Proc {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("sltbot.log"))
        .expect("log file");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_sltbot"))
        .arg("run")
        .current_dir(dir)
        .env("DISCORD_TOKEN", &fake.options().token)
        .env("SLTBOT_CONFIG", dir.join("no-local.toml"))
        .env("SLTBOT_DATABASE__URL", format!("sqlite://{}", db.display()))
        .env("SLTBOT_DISCORD__API_URL", fake.rest_url())
        .env("SLTBOT_DISCORD__GUILDS", format!("[{GUILD_ID}]"))
        .env("SLTBOT_LOG__FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(log)
        .spawn()
        .expect("the sltbot binary starts");
    Proc {
        child,
        started: Instant::now(),
    }
}

/// Wait until the fake has seen `n` IDENTIFYs (the process is connected).
async fn wait_identified(fake: &FakeDiscord, n: u32, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if fake.gateway_stats().identifies >= n {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    false
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_killed_at_random_moments_loses_delays_and_doubles_no_reminder() {
    let seed_value = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64 | 1)
                .unwrap_or(0x9e37_79b9_7f4a_7c15)
        });
    eprintln!("crash test seed: CRASH_SEED={seed_value}");
    let mut rng = Rng(seed_value);

    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("sltbot.db");
    let fake = FakeDiscord::start(FakeDiscordOptions {
        wait_timeout: Duration::from_secs(30),
        ..FakeDiscordOptions::default()
    })
    .await;
    let mut tap = fake.tap_requests();

    // The first due minute at least 25 s ahead (time to seed and start).
    let now = Utc::now();
    let first_due = (now + CDuration::seconds(85))
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .expect("a whole minute");
    let first_due = if first_due - now < CDuration::seconds(25) {
        first_due + CDuration::minutes(1)
    } else {
        first_due
    };
    seed(&db, first_due).await;
    let (wall0, inst0) = (Utc::now(), Instant::now());
    let instant_of = |t: DateTime<Utc>| -> Instant {
        let ms = (t - wall0).num_milliseconds();
        if ms >= 0 {
            inst0 + Duration::from_millis(ms as u64)
        } else {
            inst0 - Duration::from_millis((-ms) as u64)
        }
    };
    let boundaries: Vec<Instant> = (0..BOUNDARIES)
        .map(|b| instant_of(first_due + CDuration::minutes(b)))
        .collect();
    let end = *boundaries.last().expect("boundaries") + Duration::from_secs(8);

    // Kill loop: start, wait for the connection (start-up time), live a random while —
    // or until just after the next due minute — then SIGKILL.
    let mut starts: Vec<Instant> = Vec::new();
    let mut startup_ms: Vec<f64> = Vec::new();
    let mut kills = 0usize;
    let mut aimed = 0usize;
    let mut faults_armed = false;
    let mut identifies = 0u32;
    loop {
        let mut p = spawn(dir.path(), &db, &fake);
        starts.push(p.started);
        identifies += 1;
        if wait_identified(&fake, identifies, Duration::from_secs(20)).await {
            startup_ms.push(p.started.elapsed().as_secs_f64() * 1000.0);
        } else {
            panic!(
                "the binary did not connect within 20 s; log:\n{}",
                std::fs::read_to_string(dir.path().join("sltbot.log")).unwrap_or_default()
            );
        }
        if !faults_armed && Instant::now() > boundaries[0] + Duration::from_secs(20) {
            // Before the second due minute: rate limits and server errors on top.
            for _ in 0..3 {
                fake.fail_next(
                    Route::CreateMessage,
                    2,
                    Fault::RateLimited {
                        retry_after: 1.5,
                        global: false,
                    },
                );
                fake.fail_next(Route::CreateMessage, 1, Fault::ServerError);
            }
            faults_armed = true;
        }
        if Instant::now() >= end && kills >= MIN_KILLS {
            // The survivor: measure it idle, then stop it.
            tokio::time::sleep(Duration::from_secs(2)).await;
            let pid = p.child.id();
            let mut rss: Vec<f64> = Vec::new();
            for _ in 0..5 {
                if let Some(k) = rss_kib(pid) {
                    rss.push(k as f64 / 1024.0);
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            p.kill();
            eprintln!(
                "idle RSS of the connected binary (debug build): median {:.1} MiB of {} samples",
                median(&mut rss),
                rss.len()
            );
            break;
        }
        let mut life = rng.millis(300, 3_500);
        let now = Instant::now();
        if let Some(b) = boundaries
            .iter()
            .find(|b| **b > now && **b < now + life + Duration::from_secs(2))
        {
            // Aim just after the due minute: mid-burst.
            life = (*b - now) + rng.millis(10, 400);
            aimed += 1;
        } else if boundaries
            .iter()
            .any(|b| *b < now && now < *b + Duration::from_secs(4))
        {
            // Just restarted after a kill mid-burst: kill again while it recovers.
            life = rng.millis(20, 400);
            aimed += 1;
        }
        tokio::time::sleep(life).await;
        p.kill(); // SIGKILL
        kills += 1;
    }

    // What reached Discord.
    let mut posts: Vec<(Value, u16, Option<Value>, Instant)> = Vec::new();
    while let Ok((r, at)) = tap.try_recv() {
        if r.route == Some(Route::CreateMessage) {
            posts.push((r.body.clone().unwrap_or_default(), r.status, r.response, at));
        }
    }
    let store = Store::open(
        &format!("sqlite://{}", db.display()),
        &StoreOptions::default(),
    )
    .await
    .expect("store");
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT id, planned_at, state FROM notifications WHERE kind = 'reminder'
         AND planned_at <= ? ORDER BY id",
    )
    .bind((first_due + CDuration::minutes(BOUNDARIES - 1)).timestamp())
    .fetch_all(store.pool())
    .await
    .expect("rows");
    store.close().await;
    assert_eq!(
        rows.len(),
        GROUPS * BOUNDARIES as usize,
        "reminders planned"
    );

    // nonce → (first successful arrival, distinct message ids, successful posts)
    let mut by_nonce: HashMap<String, (Instant, HashSet<String>, usize)> = HashMap::new();
    let (mut rate_limited, mut server_errors) = (0, 0);
    for (body, status, response, at) in &posts {
        match status {
            429 => rate_limited += 1,
            500 => server_errors += 1,
            _ => {}
        }
        if !(200..300).contains(status) {
            continue;
        }
        let nonce = body["nonce"].as_str().unwrap_or_default().to_string();
        let id = response
            .as_ref()
            .and_then(|r| r["id"].as_str())
            .unwrap_or_default()
            .to_string();
        let e = by_nonce
            .entry(nonce)
            .or_insert_with(|| (*at, HashSet::new(), 0));
        e.0 = e.0.min(*at);
        e.1.insert(id);
        e.2 += 1;
    }
    let mut lost = Vec::new();
    let mut late = Vec::new();
    let mut doubled = 0;
    let mut resent = 0;
    let mut lateness_ms: Vec<f64> = Vec::new();
    let mut states: BTreeMap<String, usize> = BTreeMap::new();
    for (id, planned_at, state) in &rows {
        *states.entry(state.clone()).or_default() += 1;
        let Some((arrived, ids, count)) = by_nonce.get(&format!("n{id}p0")) else {
            lost.push(*id);
            continue;
        };
        if ids.len() > 1 {
            doubled += 1;
        }
        resent += count - 1;
        let due = instant_of(DateTime::from_timestamp(*planned_at, 0).expect("ts"));
        let started = starts
            .iter()
            .filter(|s| **s <= *arrived)
            .max()
            .copied()
            .unwrap_or(inst0);
        let from = due.max(started);
        let after = arrived.saturating_duration_since(from);
        lateness_ms.push(arrived.saturating_duration_since(due).as_secs_f64() * 1000.0);
        if after > LATE_LIMIT {
            late.push((*id, after));
        }
    }
    let max_late = lateness_ms.iter().copied().fold(0.0, f64::max);
    // How often a restarted process found claims of a killed one (from the JSON logs).
    let log = std::fs::read_to_string(dir.path().join("sltbot.log")).unwrap_or_default();
    let (mut takebacks, mut taken) = (0, 0);
    for line in log.lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if v["message"] == "taking back the claims of a scheduler that is gone" {
            takebacks += 1;
            taken += v["fields"]["claims"].as_u64().unwrap_or(0);
        }
    }
    assert!(
        !log.contains('\u{1b}'),
        "no colour codes in logs written to a file"
    );
    eprintln!(
        "crash test: {} due reminders, {kills} SIGKILLs ({aimed} aimed just after a due minute), \
         {} processes; claims of a killed process taken back at once {taken} (in \
         {takebacks} restarts); lost {}, doubled {doubled}, resent under the same nonce \
         (answered by Discord's dedup, not posted) {resent}; 429s {rate_limited}, 500s \
         {server_errors}; \
         lateness after due: median {:.0} ms, max {:.0} ms; states {states:?}",
        rows.len(),
        starts.len(),
        lost.len(),
        median(&mut lateness_ms.clone()),
        max_late,
    );
    eprintln!(
        "start-up to gateway IDENTIFY (debug build): median {:.0} ms of {} starts",
        median(&mut startup_ms),
        startup_ms.len()
    );
    assert!(kills >= MIN_KILLS, "{kills} kills");
    assert!(rows.len() >= 200);
    assert!(lost.is_empty(), "lost reminders (row ids): {lost:?}");
    assert!(late.is_empty(), "late reminders: {late:?}");
    assert_eq!(doubled, 0, "a reminder appeared twice in the channel");
    fake.assert_no_violations();
}
