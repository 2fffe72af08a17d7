//! Runs the real sltbot Discord adapter (serenity + poise) against a [`FakeDiscord`], on a
//! SQLite file of its own, with a settable clock.

use super::fake_discord::{
    FakeDiscord, FakeDiscordOptions, COORDINATOR_ROLE_ID, GENERAL_CHANNEL_ID, GUILD_ID,
    KARI_USER_ID, MEMBER_ROLE_ID, OLA_USER_ID,
};
use chrono::{DateTime, Utc};
use sltbot::clock::ManualClock;
use sltbot::discord::{Bot, BotOptions};
use sltbot::domain::{ChannelId, RoleId, UserId, WorkspaceId};
use sltbot::service::{Actor, Command, Defaults, Reply, Service};
use sltbot::store::{Store, StoreOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub const GROUP: &str = "Koordineringsgruppa";

/// The bot's clock starts at the harness's [`t0`](super::ids::t0): before the seeded
/// meeting.
pub fn start_time() -> DateTime<Utc> {
    super::ids::t0()
}

pub async fn service_on(db: &Path) -> Service {
    // Benchmarks may vary the pool size (SLTBOT_BENCH_MAX_CONNECTIONS); tests use the default.
    let mut opts = StoreOptions::default();
    if let Some(n) = std::env::var("SLTBOT_BENCH_MAX_CONNECTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        opts.max_connections = n;
    }
    let store = Store::open(&format!("sqlite://{}", db.display()), &opts)
        .await
        .expect("store opens");
    Service::new(
        store,
        Arc::new(ManualClock::new(start_time())),
        Defaults::default(),
    )
}

pub fn admin() -> Actor {
    Actor {
        is_admin: true,
        ..Actor::new(UserId(KARI_USER_ID))
    }
}

/// A group in the guild (home channel `general`, the fake's coordinator and member roles)
/// with one meeting on 12 January 2027.
pub async fn seed(service: &Service) {
    let ws = WorkspaceId(GUILD_ID);
    let created = service
        .execute(
            &admin(),
            ws,
            Command::GroupCreate {
                name: GROUP.into(),
                level: sltbot::domain::SltLevel::Koordinerende,
                channel: Some(ChannelId(GENERAL_CHANNEL_ID)),
                coordinator_role: Some(RoleId(COORDINATOR_ROLE_ID)),
                member_role: Some(RoleId(MEMBER_ROLE_ID)),
                timezone: None,
                language: None,
            },
        )
        .await;
    assert!(
        matches!(created.outcome, Ok(Reply::GroupCreated(_))),
        "{created:?}"
    );
    let meeting = service
        .execute(
            &admin(),
            ws,
            Command::MeetingAdd {
                group: GROUP.into(),
                at: "12.01.2027 kl. 09.00".into(),
                title: Some("Januarmøtet".into()),
                location: None,
            },
        )
        .await;
    assert!(meeting.outcome.is_ok(), "{meeting:?}");
}

/// An action in the seeded group, "Kartlegge fritidstilbud", owned by Ola (added by the
/// admin straight through the service).
pub async fn add_action(service: &Service, agency: Option<&str>, due: Option<&str>) {
    let added = service
        .execute(
            &admin(),
            WorkspaceId(GUILD_ID),
            Command::ActionAdd {
                group: GROUP.into(),
                title: "Kartlegge fritidstilbud".into(),
                owner: UserId(OLA_USER_ID),
                agency: agency.map(Into::into),
                due: due.map(Into::into),
                case: None,
            },
        )
        .await;
    assert!(added.outcome.is_ok(), "{added:?}");
}

pub struct Running {
    pub fake: FakeDiscord,
    pub bot: Bot,
    pub service: Service,
    pub db: PathBuf,
}

impl Running {
    pub fn registered_names(&self) -> Vec<&str> {
        self.bot
            .registered
            .names
            .iter()
            .map(String::as_str)
            .collect()
    }

    pub async fn stop(self) {
        let drained = self.bot.shutdown(Duration::from_secs(10)).await;
        assert!(drained, "commands in flight finished");
    }
}

/// A fake Discord and the bot on `db`, connected and registered.
pub async fn start_bot(db: &Path, opts: FakeDiscordOptions, guilds: Vec<u64>) -> Running {
    let fake = FakeDiscord::start(opts).await;
    let service = service_on(db).await;
    let bot = Bot::start(
        service.clone(),
        BotOptions {
            token: fake.options().token.clone(),
            api_base: Some(fake.rest_url().parse().expect("fake URL")),
            guilds,
        },
    )
    .await
    .expect("bot starts against the fake");
    fake.wait_for_ready().await;
    Running {
        fake,
        bot,
        service,
        db: db.to_path_buf(),
    }
}

/// A temp dir with a seeded database; the bot running on it.
pub async fn seeded_bot() -> (tempfile::TempDir, Running) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("sltbot.db");
    let service = service_on(&db).await;
    seed(&service).await;
    service.store().close().await;
    let running = start_bot(&db, FakeDiscordOptions::default(), Vec::new()).await;
    (dir, running)
}
