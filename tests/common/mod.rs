//! Shared test setup: a real SQLite file per test, a settable clock, actors.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use sltbot::clock::ManualClock;
use sltbot::domain::{Lang, RoleId, UserId, WorkspaceId};
use sltbot::render::{self, Style};
use sltbot::service::{Actor, Command, Defaults, Response, Service};
use sltbot::store::{Store, StoreOptions};
use std::sync::Arc;

pub const WS: WorkspaceId = WorkspaceId(900);
pub const ADMIN: u64 = 1;
pub const COORD_ROLE: RoleId = RoleId(10);
pub const MEMBER_ROLE: RoleId = RoleId(11);
pub const OTHER_COORD_ROLE: RoleId = RoleId(20);
pub const OTHER_MEMBER_ROLE: RoleId = RoleId(21);

pub struct Env {
    pub dir: tempfile::TempDir,
    pub clock: ManualClock,
    pub service: Service,
}

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

pub fn db_url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}", dir.path().join("sltbot.db").display())
}

pub async fn open_service(url: &str, clock: &ManualClock) -> Service {
    let store = Store::open(url, &StoreOptions::default())
        .await
        .expect("open store");
    Service::new(store, Arc::new(clock.clone()), Defaults::default())
}

impl Env {
    pub async fn new() -> Env {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = ManualClock::new(t0());
        let service = open_service(&db_url(&dir), &clock).await;
        Env {
            dir,
            clock,
            service,
        }
    }

    /// Like [`Env::new`], with the store opened with `opts` (busy timeout, pool size).
    pub async fn with_store_options(opts: StoreOptions) -> Env {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = ManualClock::new(t0());
        let store = Store::open(&db_url(&dir), &opts).await.expect("open store");
        let service = Service::new(store, Arc::new(clock.clone()), Defaults::default());
        Env {
            dir,
            clock,
            service,
        }
    }

    pub fn url(&self) -> String {
        db_url(&self.dir)
    }

    pub async fn run(&self, actor: &Actor, cmd: Command) -> Response {
        self.service.execute(actor, WS, cmd).await
    }

    /// Run and expect success; returns the rendered bokmål text.
    pub async fn ok(&self, actor: &Actor, cmd: Command) -> String {
        let r = self.run(actor, cmd).await;
        let text = render::response(&r, Style::Plain);
        assert!(r.outcome.is_ok(), "expected success, got: {text}");
        text
    }

    /// Run and expect a refusal; returns the response.
    pub async fn err(&self, actor: &Actor, cmd: Command) -> Response {
        let r = self.run(actor, cmd).await;
        assert!(
            r.outcome.is_err(),
            "expected an error, got: {}",
            render::response(&r, Style::Plain)
        );
        r
    }

    /// Koordineringsgruppa with coordinator role 10 and member role 11, channel 100, and
    /// Styringsgruppa with roles 20/21, channel 200.
    pub async fn with_groups(self) -> Env {
        self.ok(
            &admin(),
            group_create(
                "Koordineringsgruppa",
                "koordinerende",
                100,
                COORD_ROLE,
                MEMBER_ROLE,
            ),
        )
        .await;
        self.ok(
            &admin(),
            group_create(
                "Styringsgruppa",
                "styrende",
                200,
                OTHER_COORD_ROLE,
                OTHER_MEMBER_ROLE,
            ),
        )
        .await;
        self
    }
}

/// `/agenda add` of `title` to `group`'s next meeting, no details.
pub fn agenda_add_to(group: &str, title: &str) -> Command {
    Command::AgendaAdd {
        group: group.into(),
        title: title.into(),
        details: None,
        meeting: None,
    }
}

/// `/meeting add` to `group` at `at`, no title or place.
pub fn meeting_add_to(group: &str, at: &str) -> Command {
    Command::MeetingAdd {
        group: group.into(),
        at: at.into(),
        title: None,
        location: None,
    }
}

pub fn group_create(
    name: &str,
    level: &str,
    channel: u64,
    coord: RoleId,
    member: RoleId,
) -> Command {
    Command::GroupCreate {
        name: name.into(),
        level: level.parse().expect("a level word"),
        channel: Some(sltbot::domain::ChannelId(channel)),
        coordinator_role: Some(coord),
        member_role: Some(member),
        timezone: None,
        language: None,
    }
}

pub fn admin() -> Actor {
    Actor {
        is_admin: true,
        ..Actor::new(UserId(ADMIN))
    }
}

pub fn with_roles(user: u64, roles: &[RoleId]) -> Actor {
    Actor {
        roles: roles.to_vec(),
        ..Actor::new(UserId(user))
    }
}

pub fn coordinator() -> Actor {
    with_roles(2, &[COORD_ROLE])
}

pub fn member() -> Actor {
    with_roles(3, &[MEMBER_ROLE])
}

pub fn member2() -> Actor {
    with_roles(4, &[MEMBER_ROLE])
}

pub fn other_member() -> Actor {
    with_roles(5, &[OTHER_MEMBER_ROLE])
}

pub fn outsider() -> Actor {
    Actor::new(UserId(6))
}

pub fn in_lang(mut a: Actor, lang: Lang) -> Actor {
    a.locale = Some(sltbot::domain::Locale::Is(lang));
    a
}
