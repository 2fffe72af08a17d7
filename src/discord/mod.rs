//! The Discord adapter: serenity + poise. Slash commands (`commands`) turn options into
//! service commands, `reply` renders the service's answer, `autocomplete` suggests titles,
//! `interactions` handles buttons and modals, `localize` applies the Fluent names, `outbox`
//! delivers the bot's own messages. No business rules and no SQL live here.
//!
//! Start-up order (nothing is started from the Ready event, which fires again after every
//! reconnect): build the client → register commands (bulk overwrite, idempotent) → connect.

pub mod access;
pub mod autocomplete;
pub mod commands;
pub mod custom_id;
pub mod events;
pub mod identity;
mod interactions;
pub mod localize;
pub mod outbox;
pub mod reply;

pub use outbox::{DiscordOutbox, RetryPolicy};

use crate::domain::Lang;
use crate::service::Service;
use crate::t;
use poise::serenity_prelude as serenity;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use url::Url;

/// Shared state of the commands.
pub struct Data {
    pub service: Service,
    gate: Gate,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("Discord: {0}")]
    Serenity(#[from] serenity::Error),
    #[error("internal: {0}")]
    Internal(&'static str),
}

pub type Ctx<'a> = poise::Context<'a, Data, Error>;

/// Counts commands in flight; shutdown closes it and waits for them.
#[derive(Clone)]
pub struct Gate(Arc<Semaphore>);

const GATE_PERMITS: u32 = 1 << 20;

impl Gate {
    pub fn new() -> Self {
        Gate(Arc::new(Semaphore::new(GATE_PERMITS as usize)))
    }

    /// `None` once shutdown has begun.
    pub fn enter(&self) -> Option<OwnedSemaphorePermit> {
        self.0.clone().try_acquire_owned().ok()
    }

    /// Refuse new work and wait (at most `timeout`) for work in flight. True if all finished.
    pub async fn close_and_drain(&self, timeout: Duration) -> bool {
        let drained = tokio::time::timeout(timeout, self.0.acquire_many(GATE_PERMITS)).await;
        self.0.close();
        matches!(drained, Ok(Ok(_)))
    }
}

impl Default for Gate {
    fn default() -> Self {
        Self::new()
    }
}

/// serenity's HTTP client. Production (`api_base: None`) keeps serenity's rate limiter,
/// which waits out 429s itself. With `api_base` (a proxy or the tests' fake Discord)
/// requests go there; serenity only honours a proxy with its rate limiter off, so then
/// 429/5xx reach the caller and [`DiscordOutbox`] retries. Mentions default to none.
pub fn build_http(token: &str, api_base: Option<&Url>) -> serenity::Http {
    let mut b = serenity::HttpBuilder::new(token)
        .default_allowed_mentions(serenity::CreateAllowedMentions::new());
    if let Some(base) = api_base {
        b = b
            .proxy(base.as_str().trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    b.build()
}

/// What registration did, for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub names: Vec<String>,
    /// Empty: globally.
    pub guilds: Vec<u64>,
}

/// All commands, localized.
pub fn command_list() -> Vec<poise::Command<Data, Error>> {
    let mut commands = commands::all();
    localize::apply(&mut commands);
    commands
}

/// Register `commands` to `guilds` (development: instant) or globally (empty list). A bulk
/// overwrite: Discord keeps unchanged commands (and their ids) as they are, so restarting
/// neither duplicates nor churns them.
pub async fn register(
    http: &serenity::Http,
    commands: &[poise::Command<Data, Error>],
    guilds: &[u64],
) -> Result<Registered, Error> {
    if http.application_id().is_none() {
        let app = http.get_current_application_info().await?;
        http.set_application_id(app.id);
    }
    let create = poise::builtins::create_application_commands(commands);
    if guilds.is_empty() {
        serenity::Command::set_global_commands(http, create).await?;
    } else {
        for g in guilds {
            serenity::GuildId::new(*g)
                .set_commands(http, create.clone())
                .await?;
        }
    }
    Ok(Registered {
        names: commands.iter().map(|c| c.name.to_string()).collect(),
        guilds: guilds.to_vec(),
    })
}

/// The poise framework: our commands, the button/modal handler and the error handler.
pub fn framework(service: Service, gate: Gate) -> poise::Framework<Data, Error> {
    let data = Data { service, gate };
    poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: command_list(),
            event_handler: |fw, event| {
                Box::pin(interactions::on_event(
                    fw.serenity_context,
                    event,
                    fw.user_data,
                ))
            },
            on_error: |e| Box::pin(on_error(e)),
            allowed_mentions: Some(serenity::CreateAllowedMentions::new()),
            initialize_owners: false,
            ..Default::default()
        })
        // Runs once (poise keeps the data across reconnects); it starts nothing.
        .setup(move |_ctx, _ready, _fw| Box::pin(async move { Ok(data) }))
        .build()
}

/// Log the fault; tell the user a generic, localized line (never the error text).
async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    let ctx = error.ctx();
    match &error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(error = %error, command = %ctx.command().qualified_name, "command failed");
        }
        // Not the error's text: poise's `ArgumentParse` quotes what the user typed.
        other => tracing::warn!(
            kind = framework_error_kind(other),
            "interaction not handled"
        ),
    }
    if let Some(ctx) = ctx {
        let lang = Lang::from_locale(ctx.locale().unwrap_or(""), Lang::Nb);
        let reply = poise::CreateReply::default()
            .content(t!(lang, "discord-failed"))
            .ephemeral(true)
            .allowed_mentions(reply::no_mentions());
        if let Err(e) = ctx.send(reply).await {
            tracing::warn!(error = %e, "could not report the error to the user");
        }
    }
}

/// A stable name for a framework error, for logs (never its user-supplied parts).
fn framework_error_kind(error: &poise::FrameworkError<'_, Data, Error>) -> &'static str {
    use poise::FrameworkError as F;
    match error {
        F::Setup { .. } => "setup",
        F::EventHandler { .. } => "event_handler",
        F::Command { .. } => "command",
        F::SubcommandRequired { .. } => "subcommand_required",
        F::CommandPanic { .. } => "command_panic",
        F::ArgumentParse { .. } => "argument_parse",
        F::CommandStructureMismatch { .. } => "command_structure_mismatch",
        F::CooldownHit { .. } => "cooldown_hit",
        F::MissingBotPermissions { .. } => "missing_bot_permissions",
        F::MissingUserPermissions { .. } => "missing_user_permissions",
        F::NotAnOwner { .. } => "not_an_owner",
        F::GuildOnly { .. } => "guild_only",
        F::DmOnly { .. } => "dm_only",
        F::NsfwOnly { .. } => "nsfw_only",
        F::CommandCheckFailed { .. } => "command_check_failed",
        F::DynamicPrefix { .. } => "dynamic_prefix",
        F::UnknownCommand { .. } => "unknown_command",
        F::UnknownInteraction { .. } => "unknown_interaction",
        F::PermissionFetchFailed { .. } => "permission_fetch_failed",
        F::NonCommandMessage { .. } => "non_command_message",
        _ => "other",
    }
}

/// Options of a running bot.
#[derive(Debug, Clone)]
pub struct BotOptions {
    pub token: String,
    /// `None`: discord.com with the rate limiter on.
    pub api_base: Option<Url>,
    pub guilds: Vec<u64>,
}

/// The gateway intents: none. Slash commands, autocomplete, buttons and modals arrive as
/// INTERACTION_CREATE, which Discord sends regardless of intents; the member's roles and
/// permissions come inside the interaction. So no privileged intent, and no other.
pub fn intents() -> serenity::GatewayIntents {
    serenity::GatewayIntents::empty()
}

/// A connected bot.
pub struct Bot {
    pub http: Arc<serenity::Http>,
    pub registered: Registered,
    shard_manager: Arc<serenity::ShardManager>,
    gate: Gate,
    task: tokio::task::JoinHandle<Result<(), serenity::Error>>,
}

impl Bot {
    /// Build the client, register the commands, connect (in a background task).
    pub async fn start(service: Service, opts: BotOptions) -> Result<Bot, Error> {
        let http = build_http(&opts.token, opts.api_base.as_ref());
        let gate = Gate::new();
        let mut client = serenity::ClientBuilder::new_with_http(http, intents())
            .framework(framework(service.clone(), gate.clone()))
            .await?;
        let http = client.http.clone();
        service.set_inspector(Arc::new(access::DiscordGuilds::new(http.clone())));
        let registered = register(&http, &command_list(), &opts.guilds).await?;
        let shard_manager = client.shard_manager.clone();
        let task = tokio::spawn(async move { client.start().await });
        Ok(Bot {
            http,
            registered,
            shard_manager,
            gate,
            task,
        })
    }

    /// Resolves when the client stops on its own (e.g. an invalid token).
    pub async fn stopped(&mut self) -> Result<(), Error> {
        match (&mut self.task).await {
            Ok(r) => r.map_err(Error::from),
            Err(e) => {
                tracing::error!(error = %e, "the Discord client task ended abnormally");
                Ok(())
            }
        }
    }

    /// Disconnect, then wait (at most `grace`) for commands in flight to finish.
    pub async fn shutdown(self, grace: Duration) -> bool {
        self.shard_manager.shutdown_all().await;
        let drained = self.gate.close_and_drain(grace).await;
        if !self.task.is_finished() {
            let _ = tokio::time::timeout(Duration::from_secs(5), self.task).await;
        }
        drained
    }
}
