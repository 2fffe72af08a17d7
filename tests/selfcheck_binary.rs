//! The shipped binary: `sltbot run`, with only its REST base URL pointed at the fake
//! Discord, logs the permission self-check at start (one JSON line per problem, ids only,
//! no user text) and creates the Discord event of a group that has events on.

#![cfg(unix)]

mod support;

use serde_json::{json, Value};
use sltbot::clock::SystemClock;
use sltbot::domain::{ChannelId, RoleId, UserId, WorkspaceId};
use sltbot::service::{Actor, Command, Defaults, Service};
use sltbot::store::{Store, StoreOptions};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::fake_discord::{
    FakeDiscord, FakeDiscordOptions, Route, COORDINATOR_ROLE_ID, DIGEST_CHANNEL_ID,
    GENERAL_CHANNEL_ID, GUILD_ID, KARI_USER_ID, MEMBER_ROLE_ID,
};

const GROUP: &str = "Forebyggende team Østbyen";
const PLACE: &str = "Ungdomsklubben, 2. etasje";

async fn seed(db: &std::path::Path) {
    let store = Store::open(
        &format!("sqlite://{}", db.display()),
        &StoreOptions::default(),
    )
    .await
    .expect("store");
    let service = Service::new(store.clone(), Arc::new(SystemClock), Defaults::default());
    let admin = Actor {
        is_admin: true,
        ..Actor::new(UserId(KARI_USER_ID))
    };
    let ws = WorkspaceId(GUILD_ID);
    let starts = (chrono::Utc::now() + chrono::Duration::days(10))
        .with_timezone(&chrono_tz::Europe::Oslo)
        .format("%d.%m.%Y kl. 09.00")
        .to_string();
    for cmd in [
        Command::GroupCreate {
            name: GROUP.into(),
            level: sltbot::domain::SltLevel::Utforende,
            channel: Some(ChannelId(GENERAL_CHANNEL_ID)),
            coordinator_role: Some(RoleId(COORDINATOR_ROLE_ID)),
            member_role: Some(RoleId(MEMBER_ROLE_ID)),
            timezone: None,
            language: None,
        },
        Command::MeetingAdd {
            group: GROUP.into(),
            at: starts,
            title: None,
            location: Some(PLACE.into()),
        },
        Command::DigestSet {
            channel: Some(ChannelId(DIGEST_CHANNEL_ID)),
            cadence: None,
            rule: None,
        },
        Command::GroupEvents {
            group: GROUP.into(),
            enabled: Some(true),
            voice: None,
            place: None,
        },
    ] {
        let r = service.execute(&admin, ws, cmd).await;
        assert!(r.outcome.is_ok(), "{r:?}");
    }
    store.close().await;
}

fn log_lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sltbot_run_logs_the_self_check_at_start_and_creates_the_event() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("sltbot.db");
    seed(&db).await;
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    // @everyone may not post in the digest channel; the coordinator role is not mentionable;
    // the bot has no role of its own (so neither Attach Files nor Create Events).
    fake.set_overwrites(
        DIGEST_CHANNEL_ID,
        vec![json!({
            "id": GUILD_ID.to_string(),
            "type": 0,
            "allow": "0",
            "deny": (1u64 << 11).to_string(),
        })],
    );
    fake.edit_role(COORDINATOR_ROLE_ID, None, Some(false));

    let log = dir.path().join("sltbot.log");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sltbot"))
        .arg("run")
        .current_dir(dir.path())
        .env("DISCORD_TOKEN", &fake.options().token)
        .env("SLTBOT_CONFIG", dir.path().join("no-local.toml"))
        .env("SLTBOT_DATABASE__URL", format!("sqlite://{}", db.display()))
        .env("SLTBOT_DISCORD__API_URL", fake.rest_url())
        .env("SLTBOT_DISCORD__GUILDS", format!("[{GUILD_ID}]"))
        .env("SLTBOT_LOG__FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log file"))
        .spawn()
        .expect("the sltbot binary starts");

    let wanted = [
        "cannot_ping",
        "cannot_attach",
        "cannot_send",
        "cannot_create_events",
    ];
    let deadline = Instant::now() + Duration::from_secs(60);
    let (lines, created) = loop {
        let lines = log_lines(&log);
        let problems: Vec<String> = lines
            .iter()
            .filter(|l| {
                l["message"] == "self-check: a permission is missing (see /workspace check)"
            })
            .filter_map(|l| l["fields"]["problem"].as_str().map(str::to_string))
            .collect();
        let created = fake
            .requests()
            .iter()
            .any(|r| r.route == Some(Route::CreateScheduledEvent) && r.is_success());
        if (wanted.iter().all(|w| problems.iter().any(|p| p == w)) && created)
            || Instant::now() > deadline
        {
            break (lines, created);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let _ = child.kill();
    let _ = child.wait();

    let problems: Vec<&Value> = lines
        .iter()
        .filter(|l| l["message"] == "self-check: a permission is missing (see /workspace check)")
        .collect();
    let raw = std::fs::read_to_string(&log).unwrap_or_default();
    for w in wanted {
        assert!(
            problems
                .iter()
                .any(|l| l["fields"]["problem"] == w && l["level"] == "WARN"),
            "no {w} line in {raw}"
        );
    }
    let send = problems
        .iter()
        .find(|l| l["fields"]["problem"] == "cannot_send")
        .expect("cannot_send");
    assert_eq!(send["fields"]["channel"], DIGEST_CHANNEL_ID);
    assert_eq!(send["fields"]["workspace"], GUILD_ID);
    assert!(created, "the event was created: {raw}");
    let event = fake.scheduled_events();
    assert_eq!(event.len(), 1);
    assert_eq!(event[0]["entity_metadata"]["location"], PLACE);
    // Logs carry ids, never the group's name or the meeting's place.
    assert!(
        !raw.contains("Østbyen") && !raw.contains("Ungdomsklubben"),
        "{raw}"
    );
    fake.assert_no_violations();
}
