//! The service on a real SQLite file per test (real migrations), a settable clock at
//! [`t0`], actors and command builders. The ids are [`super::ids`].

pub use super::ids::*;
pub use super::{db_url, open_store};
use sltbot::clock::ManualClock;
use sltbot::domain::{ChannelId, Lang, RoleId, UserId};
use sltbot::render::{self, Style};
use sltbot::service::{Actor, Command, Defaults, Response, Service};
use sltbot::store::{Store, StoreOptions};
use std::sync::Arc;

pub struct Env {
    pub dir: tempfile::TempDir,
    pub clock: ManualClock,
    pub service: Service,
}

pub async fn open_service(url: &str, clock: &ManualClock) -> Service {
    let store = open_store(url).await;
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

    /// Koordineringsgruppa ([`GROUP_CHANNEL`], [`COORD_ROLE`], [`MEMBER_ROLE`]) and
    /// Styringsgruppa ([`OTHER_CHANNEL`], [`OTHER_COORD_ROLE`], [`OTHER_MEMBER_ROLE`]).
    pub async fn with_groups(self) -> Env {
        self.ok(
            &admin(),
            group_create(
                "Koordineringsgruppa",
                "koordinerende",
                GROUP_CHANNEL.0,
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
                OTHER_CHANNEL.0,
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
        channel: Some(ChannelId(channel)),
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
    with_roles(COORDINATOR, &[COORD_ROLE])
}

pub fn member() -> Actor {
    with_roles(MEMBER, &[MEMBER_ROLE])
}

pub fn member2() -> Actor {
    with_roles(MEMBER2, &[MEMBER_ROLE])
}

pub fn other_member() -> Actor {
    with_roles(OTHER_MEMBER, &[OTHER_MEMBER_ROLE])
}

pub fn outsider() -> Actor {
    Actor::new(UserId(OUTSIDER))
}

pub fn in_lang(mut a: Actor, lang: Lang) -> Actor {
    a.locale = Some(sltbot::domain::Locale::Is(lang));
    a
}
