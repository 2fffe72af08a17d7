//! The one test harness. Every test file says `mod support;` and takes what it needs:
//!
//! - [`env`]: the service on a real SQLite file (real migrations) with a settable clock
//!   ([`ManualClock`](sltbot::clock::ManualClock) at [`T0`](ids::t0)), actors and command
//!   builders — for service, permission and storage tests and the goldens.
//! - [`sched`]: the same service driven through console lines, a scheduler on it and
//!   outboxes that record, crash, fail or signal — for the scheduler tests.
//! - [`fake_discord`]: a fake Discord (REST + gateway on 127.0.0.1) for end-to-end tests;
//!   [`harness`] runs the real bot against it. `benches/discord_burst.rs` includes this
//!   module by `#[path]`, so nothing here may need more than the dev-dependencies.
//!
//! # The ids, once ([`ids`])
//!
//! Two worlds, deliberately apart:
//!
//! | what | id | note |
//! |---|---|---|
//! | workspace [`WS`](ids::WS) | 900 | not 1, so a key like `digest:900:2027-W01` cannot be read as group 1's |
//! | [`GROUP_CHANNEL`](ids::GROUP_CHANNEL) | 100 | Koordineringsgruppa's channel; the scheduler tests' group's channel |
//! | [`COORD_ROLE`](ids::COORD_ROLE) / [`MEMBER_ROLE`](ids::MEMBER_ROLE) | 10 / 11 | that group's coordinator and member roles |
//! | [`OTHER_CHANNEL`](ids::OTHER_CHANNEL) | 200 | Styringsgruppa's channel |
//! | [`OTHER_COORD_ROLE`](ids::OTHER_COORD_ROLE) / [`OTHER_MEMBER_ROLE`](ids::OTHER_MEMBER_ROLE) | 20 / 21 | Styringsgruppa's roles |
//! | [`DIGEST_CHANNEL`](ids::DIGEST_CHANNEL) | 300 | the workspace's digest channel (the scheduler support once used 200, Styringsgruppa's channel: moved) |
//! | users | 1 admin, 2 coordinator, 3 and 4 members, 5 Styringsgruppa's member, 6 outsider, 7 a user whose roles the test picks | [`ADMIN`](ids::ADMIN) … [`SOMEONE`](ids::SOMEONE) |
//! | [`t0`](ids::t0) | 01.12.2026 09:00 UTC (10.00 in Oslo) | "now" of the service tests and of the bot against the fake Discord; scheduler tests start their clock where their story starts |
//!
//! Small ids keep the text of replies readable (`<@&10>`, `<#100>`). The fake Discord uses
//! snowflake-sized ids (above 2^53, as Discord's are, so a lossy JSON number would show):
//! guild [`GUILD_ID`](ids::GUILD_ID) is its workspace, `general` its group channel, `kari`
//! the coordinator, `ola` a member.
#![allow(dead_code)]

pub mod env;
pub mod fake_discord;
pub mod harness;
pub mod sched;

#[allow(unused_imports)]
pub use ids::*;

/// Every id and moment the tests share (see the module documentation).
pub mod ids {
    use chrono::{DateTime, TimeZone, Utc};
    use sltbot::domain::{ChannelId, RoleId, WorkspaceId};

    pub const WS: WorkspaceId = WorkspaceId(900);

    pub const GROUP_CHANNEL: ChannelId = ChannelId(100);
    pub const COORD_ROLE: RoleId = RoleId(10);
    pub const MEMBER_ROLE: RoleId = RoleId(11);

    pub const OTHER_CHANNEL: ChannelId = ChannelId(200);
    pub const OTHER_COORD_ROLE: RoleId = RoleId(20);
    pub const OTHER_MEMBER_ROLE: RoleId = RoleId(21);

    pub const DIGEST_CHANNEL: ChannelId = ChannelId(300);

    /// Server admin (Manage Server), no group role.
    pub const ADMIN: u64 = 1;
    /// Koordineringsgruppa's coordinator.
    pub const COORDINATOR: u64 = 2;
    /// Koordineringsgruppa's members.
    pub const MEMBER: u64 = 3;
    pub const MEMBER2: u64 = 4;
    /// Styringsgruppa's member.
    pub const OTHER_MEMBER: u64 = 5;
    /// In no group.
    pub const OUTSIDER: u64 = 6;
    /// A user whose roles the test chooses (scheduler tests).
    pub const SOMEONE: u64 = 7;

    /// "Now" of the service tests and of the bot against the fake Discord: Tuesday
    /// 1 December 2026, 09:00 UTC.
    pub fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
    }

    /// An RFC 3339 time (`2027-01-05T09:00:00+01:00`) in UTC.
    pub fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("test time")
            .with_timezone(&Utc)
    }

    // The fake Discord's snowflakes.
    pub const APPLICATION_ID: u64 = 900_000_000_000_000_001;
    pub const BOT_USER_ID: u64 = 900_000_000_000_000_002;
    pub const GUILD_ID: u64 = 910_000_000_000_000_001;
    pub const GENERAL_CHANNEL_ID: u64 = 920_000_000_000_000_001;
    pub const DIGEST_CHANNEL_ID: u64 = 920_000_000_000_000_002;
    pub const COORDINATOR_ROLE_ID: u64 = 930_000_000_000_000_001;
    pub const MEMBER_ROLE_ID: u64 = 930_000_000_000_000_002;
    pub const KARI_USER_ID: u64 = 940_000_000_000_000_001;
    pub const OLA_USER_ID: u64 = 940_000_000_000_000_002;
}

/// The SQLite URL of the database file in `dir`.
pub fn db_url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}", dir.path().join("sltbot.db").display())
}

/// Open (and migrate) the store at `url` with default options.
pub async fn open_store(url: &str) -> sltbot::store::Store {
    sltbot::store::Store::open(url, &sltbot::store::StoreOptions::default())
        .await
        .expect("open store")
}
