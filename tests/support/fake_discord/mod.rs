//! A fake Discord (REST + gateway websocket on 127.0.0.1, ephemeral ports) for end-to-end
//! tests that run the real serenity 0.12.5 client (through poise 0.7.1) against it.
//!
//! - REST (axum): the routes in [`Route`]; every request is recorded ([`RecordedRequest`]),
//!   every JSON body validated against Discord's OpenAPI description (vendored subset in
//!   `tests/support/discord-openapi/`); failures become [`Violation`]s (and a 400 answer).
//!   Multipart bodies (file uploads) are split byte-exactly: `payload_json` is validated
//!   against the operation's `multipart/form-data` schema, each `files[n]` part must match an
//!   `attachments` entry with id n, and the files are recorded ([`RecordedRequest::files`])
//!   and shown in the stored message's `attachments`.
//!   With `FAKE_DISCORD_LOG=/path` each request is appended there as a JSON line.
//! - Gateway (tokio-tungstenite): HELLO, IDENTIFY → READY (+ GUILD_CREATE), heartbeat ACK,
//!   dispatches with increasing `s`, RESUME → replay of missed events + RESUMED, server-side
//!   disconnects ([`FakeDiscord::drop_connection`]).
//! - `POST /channels/{id}/messages` honours `nonce` + `enforce_nonce: true`: a repeat in the
//!   same channel within [`FakeDiscordOptions::nonce_window`] returns the first message.
//! - Faults: [`FakeDiscord::fail_next`] makes the next N requests on a route answer 429/500.
//! - The guild as a test sets it up for the permission self-check (`GET /guilds/{id}`,
//!   `/roles`, `/channels`, the bot member): [`FakeDiscord::add_role`],
//!   [`FakeDiscord::edit_role`], [`FakeDiscord::give_bot_role`],
//!   [`FakeDiscord::set_overwrites`], [`FakeDiscord::add_channel`]; and its scheduled events
//!   (`/guilds/{id}/scheduled-events[/{id}]`: list, create, get, edit, delete, kept like
//!   Discord keeps them; [`FakeDiscord::scheduled_events`]). Permissions are not enforced:
//!   a test injects the 403 it wants with `fail_next`.
//!
//! Test habits: wait with the `wait_for_*` helpers (deadline, woken on every change; no sleeps)
//! and end each test with [`FakeDiscord::assert_no_violations`].
#![allow(dead_code)]

pub mod client;
pub mod fixtures;
mod gateway;
mod guild_state;
pub mod openapi;
mod rest;

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::Notify;
use tokio::task::JoinHandle;

use fixtures::{Actor, ChannelFixture, FixtureEnv, GuildFixture, InteractionFixture, RoleFixture};

/// Environment variable naming a file to which each REST request is appended as one JSON line
/// `{"method","path","body"}`.
pub const LOG_ENV: &str = "FAKE_DISCORD_LOG";

/// Configuration of a fake Discord. `Default` gives a guild "SLT Testkommune" with channels
/// `general` and `digest`, roles `coordinator` and `member`, and members `kari` (coordinator,
/// guild owner) and `ola` (member).
#[derive(Clone, Debug)]
pub struct FakeDiscordOptions {
    /// The bot token the client must use (sent as `Authorization: Bot <token>`).
    pub token: String,
    pub application_id: u64,
    pub bot: Actor,
    /// The application owner returned by `GET /oauth2/applications/@me`.
    pub owner: Actor,
    /// The guild announced in READY and sent as GUILD_CREATE.
    pub guild: Option<GuildFixture>,
    /// Default user of interaction fixtures without `.by(..)`.
    pub default_actor: Actor,
    /// Default interaction `locale` (Discord locale string).
    pub default_locale: String,
    pub heartbeat_interval_ms: u64,
    /// Deadline of the `wait_for_*` helpers.
    pub wait_timeout: Duration,
    /// Answer 400 (Discord code 50035) to a body that fails OpenAPI validation. It is recorded
    /// as a violation either way.
    pub reject_invalid_bodies: bool,
    /// File each REST request is appended to as a JSON line; defaults to `$FAKE_DISCORD_LOG`.
    pub log_file: Option<PathBuf>,
    /// How long a message `nonce` sent with `enforce_nonce: true` stays unique in a channel:
    /// a repeat within it returns the first message and creates none. Discord says "the past
    /// few minutes"; default 5 minutes.
    pub nonce_window: Duration,
}

/// The fake's snowflakes live with the other test ids ([`super::ids`]).
pub use super::ids::{
    APPLICATION_ID, BOT_USER_ID, COORDINATOR_ROLE_ID, DIGEST_CHANNEL_ID, GENERAL_CHANNEL_ID,
    GUILD_ID, KARI_USER_ID, MEMBER_ROLE_ID, OLA_USER_ID,
};

impl Default for FakeDiscordOptions {
    fn default() -> Self {
        let mut bot = Actor::new(BOT_USER_ID, "sltbot");
        bot.bot = true;
        let kari =
            Actor::new(KARI_USER_ID, "kari").with_roles(&[COORDINATOR_ROLE_ID, MEMBER_ROLE_ID]);
        let ola = Actor::new(OLA_USER_ID, "ola").with_roles(&[MEMBER_ROLE_ID]);
        let text = |id, name: &str| ChannelFixture {
            id,
            name: name.to_string(),
            kind: fixtures::CHANNEL_GUILD_TEXT,
        };
        Self {
            token: "fake.bot.token".to_string(),
            application_id: APPLICATION_ID,
            bot,
            owner: kari.clone(),
            guild: Some(GuildFixture {
                id: GUILD_ID,
                name: "SLT Testkommune".to_string(),
                owner_id: KARI_USER_ID,
                preferred_locale: "no".to_string(),
                channels: vec![
                    text(GENERAL_CHANNEL_ID, "general"),
                    text(DIGEST_CHANNEL_ID, "digest"),
                ],
                roles: vec![
                    RoleFixture {
                        id: COORDINATOR_ROLE_ID,
                        name: "coordinator".to_string(),
                        permissions: fixtures::DEFAULT_MEMBER_PERMISSIONS,
                    },
                    RoleFixture {
                        id: MEMBER_ROLE_ID,
                        name: "member".to_string(),
                        permissions: fixtures::DEFAULT_MEMBER_PERMISSIONS,
                    },
                ],
                members: vec![kari.clone(), ola],
            }),
            default_actor: kari,
            default_locale: "no".to_string(),
            heartbeat_interval_ms: 45_000,
            wait_timeout: Duration::from_secs(20),
            reject_invalid_bodies: true,
            log_file: std::env::var_os(LOG_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            nonce_window: Duration::from_secs(5 * 60),
        }
    }
}

/// The REST operations the fake serves (method + OpenAPI path template).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    GetGateway,
    GetGatewayBot,
    GetOauth2Application,
    GetApplication,
    GetCurrentUser,
    CreateDm,
    GetGlobalCommands,
    BulkSetGlobalCommands,
    CreateGlobalCommand,
    GetGuildCommands,
    BulkSetGuildCommands,
    CreateGuildCommand,
    InteractionCallback,
    ExecuteWebhook,
    GetOriginalResponse,
    EditOriginalResponse,
    DeleteOriginalResponse,
    EditWebhookMessage,
    DeleteWebhookMessage,
    GetChannel,
    CreateMessage,
    EditMessage,
    DeleteMessage,
    GetGuildMember,
    GetGuild,
    GetGuildRoles,
    GetGuildChannels,
    ListScheduledEvents,
    CreateScheduledEvent,
    GetScheduledEvent,
    EditScheduledEvent,
    DeleteScheduledEvent,
}

impl Route {
    /// In match order (literal segments such as `@original` before parameters).
    pub const ALL: [Route; 32] = [
        Route::GetGateway,
        Route::GetGatewayBot,
        Route::GetOauth2Application,
        Route::GetApplication,
        Route::GetCurrentUser,
        Route::CreateDm,
        Route::GetGlobalCommands,
        Route::BulkSetGlobalCommands,
        Route::CreateGlobalCommand,
        Route::GetGuildCommands,
        Route::BulkSetGuildCommands,
        Route::CreateGuildCommand,
        Route::InteractionCallback,
        Route::ExecuteWebhook,
        Route::GetOriginalResponse,
        Route::EditOriginalResponse,
        Route::DeleteOriginalResponse,
        Route::EditWebhookMessage,
        Route::DeleteWebhookMessage,
        Route::GetChannel,
        Route::CreateMessage,
        Route::EditMessage,
        Route::DeleteMessage,
        Route::GetGuildMember,
        Route::GetGuildRoles,
        Route::GetGuildChannels,
        Route::ListScheduledEvents,
        Route::CreateScheduledEvent,
        Route::GetScheduledEvent,
        Route::EditScheduledEvent,
        Route::DeleteScheduledEvent,
        Route::GetGuild,
    ];

    /// HTTP method, upper case.
    pub fn method(self) -> &'static str {
        use Route::*;
        match self {
            GetGateway | GetGatewayBot | GetOauth2Application | GetApplication | GetCurrentUser
            | GetGlobalCommands | GetGuildCommands | GetOriginalResponse | GetChannel
            | GetGuildMember | GetGuild | GetGuildRoles | GetGuildChannels
            | ListScheduledEvents | GetScheduledEvent => "GET",
            BulkSetGlobalCommands | BulkSetGuildCommands => "PUT",
            CreateDm | CreateGlobalCommand | CreateGuildCommand | InteractionCallback
            | ExecuteWebhook | CreateMessage | CreateScheduledEvent => "POST",
            EditOriginalResponse | EditWebhookMessage | EditMessage | EditScheduledEvent => "PATCH",
            DeleteOriginalResponse
            | DeleteWebhookMessage
            | DeleteMessage
            | DeleteScheduledEvent => "DELETE",
        }
    }

    /// The OpenAPI path template (without `/api/v10`).
    pub fn template(self) -> &'static str {
        use Route::*;
        match self {
            GetGateway => "/gateway",
            GetGatewayBot => "/gateway/bot",
            GetOauth2Application => "/oauth2/applications/@me",
            GetApplication => "/applications/@me",
            GetCurrentUser => "/users/@me",
            CreateDm => "/users/@me/channels",
            GetGlobalCommands | BulkSetGlobalCommands | CreateGlobalCommand => {
                "/applications/{application_id}/commands"
            }
            GetGuildCommands | BulkSetGuildCommands | CreateGuildCommand => {
                "/applications/{application_id}/guilds/{guild_id}/commands"
            }
            InteractionCallback => "/interactions/{interaction_id}/{interaction_token}/callback",
            ExecuteWebhook => "/webhooks/{webhook_id}/{webhook_token}",
            GetOriginalResponse | EditOriginalResponse | DeleteOriginalResponse => {
                "/webhooks/{webhook_id}/{webhook_token}/messages/@original"
            }
            EditWebhookMessage | DeleteWebhookMessage => {
                "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"
            }
            GetChannel => "/channels/{channel_id}",
            CreateMessage => "/channels/{channel_id}/messages",
            EditMessage | DeleteMessage => "/channels/{channel_id}/messages/{message_id}",
            GetGuildMember => "/guilds/{guild_id}/members/{user_id}",
            GetGuild => "/guilds/{guild_id}",
            GetGuildRoles => "/guilds/{guild_id}/roles",
            GetGuildChannels => "/guilds/{guild_id}/channels",
            ListScheduledEvents | CreateScheduledEvent => "/guilds/{guild_id}/scheduled-events",
            GetScheduledEvent | EditScheduledEvent | DeleteScheduledEvent => {
                "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}"
            }
        }
    }

    /// Matches a method and a path without `/api/v10` and query; returns the path parameters.
    /// Parameters ending in `_id` must be decimal snowflakes.
    pub fn matches(self, method: &str, path: &str) -> Option<BTreeMap<&'static str, String>> {
        if !self.method().eq_ignore_ascii_case(method) {
            return None;
        }
        let mut want = self.template().split('/');
        let mut got = path.split('/');
        let mut params = BTreeMap::new();
        loop {
            match (want.next(), got.next()) {
                (None, None) => return Some(params),
                (Some(w), Some(g)) => {
                    if let Some(name) = w.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
                        let snowflake = name.ends_with("_id");
                        if g.is_empty() || (snowflake && g.parse::<u64>().is_err()) {
                            return None;
                        }
                        params.insert(name, g.to_string());
                    } else if w != g {
                        return None;
                    }
                }
                _ => return None,
            }
        }
    }

    /// Finds the route serving a request.
    pub fn find(method: &str, path: &str) -> Option<(Route, BTreeMap<&'static str, String>)> {
        Route::ALL
            .iter()
            .find_map(|r| r.matches(method, path).map(|p| (*r, p)))
    }
}

/// A fault injected by [`FakeDiscord::fail_next`].
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// 429 with `{"message","retry_after","global","code"}` and `Retry-After`/`X-RateLimit-*` headers.
    RateLimited { retry_after: f64, global: bool },
    /// 500 with a Discord-style error body.
    ServerError,
    /// Any status with any JSON body.
    Status { status: u16, body: Value },
}

/// One REST request as received (and what the fake answered).
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    /// 0-based arrival order.
    pub index: usize,
    pub method: String,
    /// Path as received, e.g. `/api/v10/channels/1/messages` (no query).
    pub path: String,
    /// Raw query string without `?`, if any (serenity sends e.g. `&wait=true`).
    pub query: Option<String>,
    pub route: Option<Route>,
    pub params: BTreeMap<&'static str, String>,
    /// Parsed JSON body (for multipart: the `payload_json` part).
    pub body: Option<Value>,
    /// The file parts of a multipart body (`files[n]`), in order.
    pub files: Vec<RecordedFile>,
    pub content_type: Option<String>,
    pub authorization: Option<String>,
    pub audit_log_reason: Option<String>,
    /// Status the fake answered with.
    pub status: u16,
    /// JSON the fake answered with (None for 204).
    pub response: Option<Value>,
}

/// A file part of a multipart request.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordedFile {
    /// The form field name, e.g. `files[0]`.
    pub field: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

impl RecordedFile {
    /// The content as text (lossy UTF-8).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.data).into_owned()
    }

    /// `n` of a `files[n]` field.
    pub fn index(&self) -> Option<u64> {
        self.field
            .strip_prefix("files[")
            .and_then(|r| r.strip_suffix(']'))
            .and_then(|n| n.parse().ok())
    }
}

impl RecordedRequest {
    /// The uploaded file called `filename`.
    pub fn file(&self, filename: &str) -> Option<&RecordedFile> {
        self.files
            .iter()
            .find(|f| f.filename.as_deref() == Some(filename))
    }

    /// Was the body `multipart/form-data`?
    pub fn is_multipart(&self) -> bool {
        self.content_type
            .as_deref()
            .is_some_and(|c| c.starts_with("multipart/form-data"))
    }

    /// A path parameter parsed as a snowflake.
    pub fn id(&self, name: &str) -> Option<u64> {
        self.params.get(name).and_then(|v| v.parse().ok())
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// `body.content`, or for an interaction callback `body.data.content`.
    pub fn content(&self) -> Option<&str> {
        let body = self.body.as_ref()?;
        body.get("content")
            .or_else(|| body.get("data").and_then(|d| d.get("content")))
            .and_then(Value::as_str)
    }
}

/// Something a test must not tolerate: an unknown route, a body that breaks the OpenAPI
/// description, a wrong token, a double acknowledgement...
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    pub method: String,
    pub path: String,
    pub kind: ViolationKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ViolationKind {
    UnknownRoute,
    InvalidJson(String),
    Schema(Vec<openapi::SchemaError>),
    BadAuthorization(Option<String>),
    InteractionAlreadyAcknowledged,
    UnknownInteraction,
    /// A malformed multipart body, or files that do not match its `attachments`.
    Multipart(String),
    /// A dispatch serenity would turn into `Event::Unknown` (method `GATEWAY`, path = event name).
    SilentDrop(String),
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: ", self.method, self.path)?;
        match &self.kind {
            ViolationKind::Schema(errors) => {
                write!(f, "body violates Discord's OpenAPI description:")?;
                for e in errors {
                    write!(f, "\n    {e}")?;
                }
                Ok(())
            }
            other => write!(f, "{other:?}"),
        }
    }
}

/// An interaction the fake dispatched.
#[derive(Clone, Debug, PartialEq)]
pub struct SentInteraction {
    pub id: u64,
    pub token: String,
    pub interaction_type: u8,
    pub channel_id: u64,
    pub guild_id: Option<u64>,
    /// Gateway sequence number of the INTERACTION_CREATE dispatch.
    pub seq: u64,
    /// The dispatched `d`.
    pub payload: Value,
}

/// Counters of the gateway side.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GatewayStats {
    pub connections: u32,
    pub identifies: u32,
    pub resumes: u32,
    pub failed_resumes: u32,
    pub heartbeats: u32,
    /// Dispatches re-sent on RESUME.
    pub replayed: u32,
    /// Whether a connection is identified/resumed and receiving dispatches.
    pub live: bool,
    pub session_id: Option<String>,
    pub seq: u64,
}

/// How [`FakeDiscord::drop_connection`] drops the gateway connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disconnect {
    /// Send a close frame with this code (4000 "unknown error" is resumable) and close.
    CloseFrame(u16),
    /// Close the TCP connection without a close frame.
    Abrupt,
}

pub(crate) struct InteractionRecord {
    pub(crate) sent: SentInteraction,
    pub(crate) acknowledged: bool,
    /// The original response message, once there is one.
    pub(crate) original: Option<u64>,
}

pub(crate) struct State {
    pub(crate) next_id: u64,
    pub(crate) requests: Vec<RecordedRequest>,
    pub(crate) violations: Vec<Violation>,
    pub(crate) faults: Vec<(Route, usize, Fault)>,
    pub(crate) global_commands: Vec<Value>,
    pub(crate) guild_commands: HashMap<u64, Vec<Value>>,
    pub(crate) command_ids: HashMap<String, u64>,
    /// Message id → (channel id, message JSON as last returned).
    pub(crate) messages: BTreeMap<u64, (u64, Value)>,
    /// DM channel id → recipient.
    pub(crate) dm_channels: BTreeMap<u64, Actor>,
    pub(crate) interactions: HashMap<String, InteractionRecord>,
    /// (channel id, nonce) → (message id, when) of messages created with `enforce_nonce`.
    pub(crate) nonces: HashMap<(u64, String), (u64, std::time::Instant)>,
    pub(crate) gateway: gateway::GatewayState,
    /// Receives a copy of each recorded request, with its arrival time (see
    /// [`FakeDiscord::tap_requests`]).
    pub(crate) tap:
        Option<tokio::sync::mpsc::UnboundedSender<(RecordedRequest, std::time::Instant)>>,
    /// Roles, overwrites and scheduled events as the test changed them.
    pub(crate) guild_state: guild_state::GuildState,
}

impl State {
    pub(crate) fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }
}

pub(crate) struct Shared {
    pub(crate) opts: FakeDiscordOptions,
    pub(crate) rest_addr: SocketAddr,
    pub(crate) gateway_addr: SocketAddr,
    pub(crate) spec: openapi::OpenApi,
    pub(crate) state: Mutex<State>,
    /// Woken on every recorded request and gateway state change.
    pub(crate) changed: Notify,
}

impl Shared {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock only happens in a failing test; keep going.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn gateway_url(&self) -> String {
        format!("ws://{}", self.gateway_addr)
    }
}

struct Tasks(Vec<JoinHandle<()>>);

impl Drop for Tasks {
    fn drop(&mut self) {
        for t in &self.0 {
            t.abort();
        }
    }
}

/// A running fake Discord. Cheap to clone; the servers stop when the last clone is dropped.
#[derive(Clone)]
pub struct FakeDiscord {
    shared: Arc<Shared>,
    _tasks: Arc<Tasks>,
}

impl FakeDiscord {
    /// Binds REST and gateway listeners on 127.0.0.1 with ephemeral ports and starts serving.
    pub async fn start(opts: FakeDiscordOptions) -> FakeDiscord {
        let rest_listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind REST listener");
        let gateway_listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind gateway listener");
        let shared = Arc::new(Shared {
            rest_addr: rest_listener.local_addr().expect("REST address"),
            gateway_addr: gateway_listener.local_addr().expect("gateway address"),
            spec: openapi::OpenApi::load(),
            state: Mutex::new(State {
                next_id: 1_300_000_000_000_000_000,
                requests: Vec::new(),
                violations: Vec::new(),
                faults: Vec::new(),
                global_commands: Vec::new(),
                guild_commands: HashMap::new(),
                command_ids: HashMap::new(),
                messages: BTreeMap::new(),
                dm_channels: BTreeMap::new(),
                interactions: HashMap::new(),
                nonces: HashMap::new(),
                gateway: gateway::GatewayState::default(),
                tap: None,
                guild_state: guild_state::GuildState::default(),
            }),
            changed: Notify::new(),
            opts,
        });
        let rest_task = tokio::spawn(rest::serve(shared.clone(), rest_listener));
        let gateway_task = tokio::spawn(gateway::serve(shared.clone(), gateway_listener));
        FakeDiscord {
            shared,
            _tasks: Arc::new(Tasks(vec![rest_task, gateway_task])),
        }
    }

    pub fn options(&self) -> &FakeDiscordOptions {
        &self.shared.opts
    }

    /// The configured guild. Panics if the options have none.
    pub fn guild(&self) -> &GuildFixture {
        self.shared
            .opts
            .guild
            .as_ref()
            .expect("FakeDiscordOptions::guild is set")
    }

    /// `http://127.0.0.1:PORT`, to pass to serenity's `HttpBuilder::proxy`.
    pub fn rest_url(&self) -> String {
        format!("http://{}", self.shared.rest_addr)
    }

    /// `ws://127.0.0.1:PORT`, what `GET /gateway` answers.
    pub fn gateway_url(&self) -> String {
        self.shared.gateway_url()
    }

    // ----- faults -----

    /// The next `count` requests on `route` answer with `fault` (rules queue up per route).
    pub fn fail_next(&self, route: Route, count: usize, fault: Fault) {
        self.shared.lock().faults.push((route, count, fault));
    }

    // ----- guild settings and scheduled events -----

    /// Add a role to the guild.
    pub fn add_role(&self, id: u64, name: &str, permissions: u64, mentionable: bool) {
        self.shared.lock().guild_state.extra_roles.push((
            id,
            name.to_string(),
            permissions,
            mentionable,
        ));
    }

    /// Change a role's permissions and/or whether anyone may mention it (the guild id is
    /// @everyone).
    pub fn edit_role(&self, id: u64, permissions: Option<u64>, mentionable: Option<bool>) {
        self.shared
            .lock()
            .guild_state
            .role_edits
            .insert(id, (permissions, mentionable));
    }

    /// Give the bot member a role.
    pub fn give_bot_role(&self, id: u64) {
        self.shared.lock().guild_state.bot_roles.push(id);
    }

    /// Set a channel's `permission_overwrites` (Discord's JSON: `id`, `type` 0 role / 1
    /// member, `allow`, `deny` as decimal strings).
    pub fn set_overwrites(&self, channel_id: u64, overwrites: Vec<Value>) {
        self.shared
            .lock()
            .guild_state
            .overwrites
            .insert(channel_id, overwrites);
    }

    /// Add a channel (e.g. a voice channel, kind 2) to the guild's channel list.
    pub fn add_channel(&self, channel: ChannelFixture) {
        self.shared.lock().guild_state.extra_channels.push(channel);
    }

    /// The guild's scheduled events, by id.
    pub fn scheduled_events(&self) -> Vec<Value> {
        self.shared
            .lock()
            .guild_state
            .events
            .values()
            .cloned()
            .collect()
    }

    // ----- gateway -----

    /// Dispatches an INTERACTION_CREATE built from `fixture`. If the client is disconnected,
    /// the event is replayed when it resumes.
    pub fn send_interaction(&self, fixture: &InteractionFixture) -> SentInteraction {
        let opts = &self.shared.opts;
        let mut st = self.shared.lock();
        let id = st.next_id();
        let token = format!("fake-interaction-token-{id}");
        let guild_for_lookup = opts.guild.as_ref().map(|g| g.id);
        let command_id = match fixture.command_name() {
            Some(name) => {
                let registered = guild_for_lookup
                    .and_then(|g| st.guild_commands.get(&g))
                    .into_iter()
                    .flatten()
                    .chain(st.global_commands.iter())
                    .find(|c| c.get("name").and_then(Value::as_str) == Some(name))
                    .and_then(|c| {
                        c.get("id")
                            .and_then(Value::as_str)
                            .and_then(|s| s.parse().ok())
                    });
                match registered {
                    Some(cid) => cid,
                    None => match st.command_ids.get(name) {
                        Some(cid) => *cid,
                        None => {
                            let cid = st.next_id();
                            st.command_ids.insert(name.to_string(), cid);
                            cid
                        }
                    },
                }
            }
            None => 0,
        };
        let synthesized_message_id = st.next_id();
        let dm_channel_id = st.next_id();
        let env = FixtureEnv {
            application_id: opts.application_id,
            interaction_id: id,
            token: &token,
            command_id,
            guild: opts.guild.as_ref(),
            default_actor: &opts.default_actor,
            default_locale: &opts.default_locale,
            bot: &opts.bot,
            synthesized_message_id,
            dm_channel_id,
        };
        let payload = fixture.to_json(&env);
        let channel_id = payload
            .get("channel_id")
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok())
            .unwrap_or(dm_channel_id);
        let guild_id = payload
            .get("guild_id")
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok());
        if guild_id.is_none() && !st.dm_channels.contains_key(&channel_id) {
            let user = payload
                .get("user")
                .and_then(|u| u.get("id"))
                .and_then(Value::as_str);
            let actor = match user.and_then(|u| u.parse::<u64>().ok()) {
                Some(uid) => {
                    Actor::new(uid, payload["user"]["username"].as_str().unwrap_or("user"))
                }
                None => opts.default_actor.clone(),
            };
            st.dm_channels.insert(channel_id, actor);
        }
        if let Some(msg) = payload.get("message") {
            if let Some(mid) = msg
                .get("id")
                .and_then(Value::as_str)
                .and_then(|s| s.parse().ok())
            {
                st.messages
                    .entry(mid)
                    .or_insert_with(|| (channel_id, msg.clone()));
            }
        }
        if let Err(e) = gateway::check_dispatch("INTERACTION_CREATE", &payload) {
            st.violations.push(Violation {
                method: "GATEWAY".into(),
                path: "INTERACTION_CREATE".into(),
                kind: ViolationKind::SilentDrop(e),
            });
        }
        let seq = gateway::dispatch(&mut st.gateway, "INTERACTION_CREATE", payload.clone());
        let sent = SentInteraction {
            id,
            token: token.clone(),
            interaction_type: fixture.interaction_type(),
            channel_id,
            guild_id,
            seq,
            payload,
        };
        st.interactions.insert(
            token,
            InteractionRecord {
                sent: sent.clone(),
                acknowledged: false,
                original: None,
            },
        );
        drop(st);
        self.shared.changed.notify_waiters();
        sent
    }

    /// Dispatches any event (`t` = `event_name`, `d` = `data`); returns its sequence number.
    /// A dispatch serenity would drop as `Event::Unknown` is recorded as a violation.
    pub fn dispatch(&self, event_name: &str, data: Value) -> u64 {
        let mut st = self.shared.lock();
        if let Err(e) = gateway::check_dispatch(event_name, &data) {
            st.violations.push(Violation {
                method: "GATEWAY".into(),
                path: event_name.into(),
                kind: ViolationKind::SilentDrop(e),
            });
        }
        let seq = gateway::dispatch(&mut st.gateway, event_name, data);
        drop(st);
        self.shared.changed.notify_waiters();
        seq
    }

    /// Drops the live gateway connection from the server side. Events dispatched until the
    /// client resumes are kept and replayed. Returns false if there was no connection.
    pub fn drop_connection(&self, how: Disconnect) -> bool {
        let dropped = gateway::drop_connection(&mut self.shared.lock().gateway, how);
        self.shared.changed.notify_waiters();
        dropped
    }

    pub fn gateway_stats(&self) -> GatewayStats {
        self.shared.lock().gateway.stats()
    }

    /// Every frame the client sent on the gateway (IDENTIFY, RESUME, heartbeats...), in order.
    pub fn gateway_frames_from_client(&self) -> Vec<Value> {
        self.shared.lock().gateway.received.clone()
    }

    /// Waits until a client has identified and receives dispatches.
    pub async fn wait_for_ready(&self) {
        self.wait_until("gateway READY (client identified)", |st| {
            (st.gateway.identifies >= 1 && st.gateway.is_live()).then_some(())
        })
        .await
    }

    /// Waits until `count` RESUMEs have succeeded and the connection is live again.
    pub async fn wait_for_resumes(&self, count: u32) {
        self.wait_until(&format!("{count} successful RESUME(s)"), |st| {
            (st.gateway.resumes >= count && st.gateway.is_live()).then_some(())
        })
        .await
    }

    /// Waits until the client has sent `count` heartbeats (each answered with an ACK).
    pub async fn wait_for_heartbeats(&self, count: u32) {
        self.wait_until(&format!("{count} heartbeat(s)"), |st| {
            (st.gateway.heartbeats >= count).then_some(())
        })
        .await
    }

    // ----- recorder -----

    /// A stream of every REST request recorded from now on, with the instant it was recorded
    /// (for load tests that cannot afford to rescan [`FakeDiscord::requests`]).
    pub fn tap_requests(
        &self,
    ) -> tokio::sync::mpsc::UnboundedReceiver<(RecordedRequest, std::time::Instant)> {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        self.shared.lock().tap = Some(tx);
        rx
    }

    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    pub fn violations(&self) -> Vec<Violation> {
        self.shared.lock().violations.clone()
    }

    /// Panics listing every violation (unknown routes, schema failures, ...).
    pub fn assert_no_violations(&self) {
        let violations = self.violations();
        if !violations.is_empty() {
            let list: Vec<String> = violations.iter().map(|v| format!("  - {v}")).collect();
            panic!(
                "fake Discord recorded {} violation(s):\n{}",
                violations.len(),
                list.join("\n")
            );
        }
    }

    /// Commands as registered (global when `guild_id` is None), with ids, as the fake returns them.
    pub fn commands(&self, guild_id: Option<u64>) -> Vec<Value> {
        let st = self.shared.lock();
        match guild_id {
            None => st.global_commands.clone(),
            Some(g) => st.guild_commands.get(&g).cloned().unwrap_or_default(),
        }
    }

    /// Messages currently in a channel (after edits, without deleted ones), oldest first.
    pub fn messages_in_channel(&self, channel_id: u64) -> Vec<Value> {
        let st = self.shared.lock();
        st.messages
            .values()
            .filter(|(c, _)| *c == channel_id)
            .map(|(_, m)| m.clone())
            .collect()
    }

    pub fn message(&self, message_id: u64) -> Option<Value> {
        self.shared
            .lock()
            .messages
            .get(&message_id)
            .map(|(_, m)| m.clone())
    }

    /// DM channels the bot opened: (channel id, recipient user id).
    pub fn dm_channels(&self) -> Vec<(u64, u64)> {
        self.shared
            .lock()
            .dm_channels
            .iter()
            .map(|(c, a)| (*c, a.user_id))
            .collect()
    }

    /// Waits for the first recorded request (past or future) matching `pred`.
    pub async fn wait_for_request(
        &self,
        what: &str,
        pred: impl Fn(&RecordedRequest) -> bool,
    ) -> RecordedRequest {
        self.wait_until(what, |st| st.requests.iter().find(|r| pred(r)).cloned())
            .await
    }

    /// Waits until `count` recorded requests match `pred`; returns the first `count`.
    pub async fn wait_for_requests(
        &self,
        what: &str,
        count: usize,
        pred: impl Fn(&RecordedRequest) -> bool,
    ) -> Vec<RecordedRequest> {
        self.wait_until(what, |st| {
            let found: Vec<_> = st
                .requests
                .iter()
                .filter(|r| pred(r))
                .take(count)
                .cloned()
                .collect();
            (found.len() == count).then_some(found)
        })
        .await
    }

    /// The interaction callback (`POST /interactions/{id}/{token}/callback`) for `interaction`.
    pub async fn wait_for_callback(&self, interaction: &SentInteraction) -> RecordedRequest {
        let id = interaction.id;
        self.wait_for_request(&format!("interaction callback for interaction {id}"), |r| {
            r.route == Some(Route::InteractionCallback) && r.id("interaction_id") == Some(id)
        })
        .await
    }

    /// The first follow-up message (`POST /webhooks/{app}/{token}`) for `interaction`.
    pub async fn wait_for_followup(&self, interaction: &SentInteraction) -> RecordedRequest {
        let token = interaction.token.clone();
        self.wait_for_request(
            &format!("follow-up for interaction {}", interaction.id),
            |r| {
                r.route == Some(Route::ExecuteWebhook)
                    && r.param("webhook_token") == Some(token.as_str())
            },
        )
        .await
    }

    /// The first edit of the original response (`PATCH .../messages/@original`) for `interaction`.
    pub async fn wait_for_original_edit(&self, interaction: &SentInteraction) -> RecordedRequest {
        let token = interaction.token.clone();
        self.wait_for_request(
            &format!(
                "edit of original response of interaction {}",
                interaction.id
            ),
            |r| {
                r.route == Some(Route::EditOriginalResponse)
                    && r.param("webhook_token") == Some(token.as_str())
            },
        )
        .await
    }

    /// The first successful `POST /channels/{channel_id}/messages`.
    pub async fn wait_for_channel_message(&self, channel_id: u64) -> RecordedRequest {
        self.wait_for_request(&format!("message posted to channel {channel_id}"), |r| {
            r.route == Some(Route::CreateMessage)
                && r.id("channel_id") == Some(channel_id)
                && r.is_success()
        })
        .await
    }

    /// The first successful bulk command registration (global or guild `PUT .../commands`).
    pub async fn wait_for_command_registration(&self) -> RecordedRequest {
        self.wait_for_request("command registration (PUT .../commands)", |r| {
            matches!(
                r.route,
                Some(Route::BulkSetGlobalCommands | Route::BulkSetGuildCommands)
            ) && r.is_success()
        })
        .await
    }

    /// Polls `check` on every change until it yields a value or the deadline passes (then
    /// panics with `what` and a summary of the recorded traffic).
    async fn wait_until<T>(&self, what: &str, mut check: impl FnMut(&State) -> Option<T>) -> T {
        let deadline = tokio::time::Instant::now() + self.shared.opts.wait_timeout;
        loop {
            let notified = self.shared.changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(v) = check(&self.shared.lock()) {
                return v;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                let st = self.shared.lock();
                let requests: Vec<String> = st
                    .requests
                    .iter()
                    .map(|r| format!("  {} {} -> {}", r.method, r.path, r.status))
                    .collect();
                let violations: Vec<String> =
                    st.violations.iter().map(|v| format!("  - {v}")).collect();
                panic!(
                    "timed out after {:?} waiting for {what}\nrequests:\n{}\nviolations:\n{}\ngateway: {:?}",
                    self.shared.opts.wait_timeout,
                    requests.join("\n"),
                    violations.join("\n"),
                    st.gateway.stats()
                );
            }
        }
    }
}
