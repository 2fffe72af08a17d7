//! The `sltbot` binary: parse the command line, load config, wire the parts, run.

use anyhow::Context;
use clap::{Parser, Subcommand};
use sltbot::clock::{Clock, ManualClock, SystemClock};
use sltbot::config::Config;
use sltbot::console::Session;
use sltbot::domain::{ChannelId, Lang, RoleId, UserId, WorkspaceId};
use sltbot::service::Actor;
use sltbot::store::StoreError;
use sltbot::{app, t};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "sltbot",
    version,
    about = "SLT coordination bot for Discord: reminders, agenda, actions, digest"
)]
struct Cli {
    /// A local config file (default: config/local.toml if present; or $SLTBOT_CONFIG).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run the bot (needs DISCORD_TOKEN).
    Run,
    /// Type commands as text, the same syntax as in Discord; no token needed.
    Console(ConsoleArgs),
    /// Check a text for personal data: exit 0 if clean, 1 if it holds personal data.
    CheckText {
        /// The text to check; `-` reads standard input.
        text: String,
    },
    /// Print the next occurrences of a cadence (preset, RRULE or cron), one RFC 3339 line each.
    Occurrences(OccurrencesArgs),
    /// Write a consistent copy of the database (also while the bot runs) to a new file (0600).
    Backup {
        /// The backup file to write; must not exist.
        #[arg(long)]
        out: PathBuf,
        /// Database URL (default from config: sqlite://data/sltbot.db).
        #[arg(long)]
        db: Option<String>,
    },
    /// Replace the database with a backup. Refused while the database is in use: stop the bot.
    Restore {
        /// The backup file (from `sltbot backup` or the daily backup folder).
        #[arg(long)]
        from: PathBuf,
        /// Database URL (default from config: sqlite://data/sltbot.db).
        #[arg(long)]
        db: Option<String>,
    },
    /// Print Norway's public holidays of a year, `YYYY-MM-DD name` a line.
    Holidays {
        /// The year, e.g. 2027.
        year: String,
    },
    /// Write a meeting's minutes as Markdown or PDF/A-2b: exit 0 written, 1 no such meeting
    /// or nothing recorded, 2 usage.
    Minutes(MinutesArgs),
    /// Write a group's meetings of the next twelve months as an iCalendar file (.ics, 0600):
    /// exit 0 written, 1 no such group, 2 usage.
    Ics(IcsArgs),
    /// Draw every group's meetings of a year as one picture (årshjul, PNG, 0600): exit 0
    /// written, 1 nothing to draw (no groups or no meetings that year), 2 usage.
    Plan(PlanArgs),
}

#[derive(clap::Args)]
struct PlanArgs {
    /// The year, e.g. 2027.
    #[arg(long)]
    year: String,
    /// The PNG file to write (replaced if it exists).
    #[arg(long)]
    out: PathBuf,
    /// Database URL (default from config: sqlite://data/sltbot.db).
    #[arg(long)]
    db: Option<String>,
    /// The workspace (Discord server id) (default from config, as the console).
    #[arg(long)]
    workspace: Option<u64>,
    /// Language of the picture: nb, nn or en (default: the workspace's).
    #[arg(long)]
    lang: Option<String>,
    /// Pretend it is this time (RFC 3339), for scripted use and tests.
    #[arg(long, hide = true)]
    now: Option<String>,
}

#[derive(clap::Args)]
struct IcsArgs {
    /// The group's name, as in `/group list`.
    #[arg(long)]
    group: String,
    /// The file to write (replaced if it exists).
    #[arg(long)]
    out: PathBuf,
    /// Database URL (default from config: sqlite://data/sltbot.db).
    #[arg(long)]
    db: Option<String>,
    /// The workspace (Discord server id) the group is in (default from config, as the console).
    #[arg(long)]
    workspace: Option<u64>,
    /// Pretend it is this time (RFC 3339), for scripted use and tests.
    #[arg(long, hide = true)]
    now: Option<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum MinutesFormat {
    Md,
    Pdf,
}

#[derive(clap::Args)]
struct MinutesArgs {
    /// The meeting's id.
    #[arg(long)]
    meeting: i64,
    /// `md` (Markdown) or `pdf` (PDF/A-2b for the archive).
    #[arg(long, value_enum)]
    format: MinutesFormat,
    /// The file to write.
    #[arg(long)]
    out: PathBuf,
    /// Database URL (default from config: sqlite://data/sltbot.db).
    #[arg(long)]
    db: Option<String>,
    /// Language of the labels: nb, nn or en (default: the group's).
    #[arg(long)]
    lang: Option<String>,
}

#[derive(clap::Args)]
struct OccurrencesArgs {
    /// A preset ("every 4 weeks tue 09:00"), RFC 5545 text (DTSTART… RRULE:…) or 5-field cron.
    #[arg(long)]
    cadence: String,
    /// Occurrences strictly after this RFC 3339 time (default: now).
    #[arg(long)]
    from: Option<String>,
    /// How many occurrences to print.
    #[arg(long, default_value_t = 10)]
    count: usize,
    /// The IANA time zone the cadence is evaluated in (default from config: Europe/Oslo).
    #[arg(long)]
    tz: Option<String>,
    /// Leave out occurrences on Norwegian public holidays.
    #[arg(long)]
    skip_holidays: bool,
}

#[derive(clap::Args)]
struct ConsoleArgs {
    /// Database URL (default from config: sqlite://data/sltbot.db).
    #[arg(long)]
    db: Option<String>,
    /// Your user id (a Discord user id, or any number offline).
    #[arg(long)]
    user: u64,
    /// Your role ids, comma-separated (e.g. the group's coordinator or member role).
    #[arg(long, value_delimiter = ',')]
    roles: Vec<u64>,
    /// Act as a server admin (Discord's Manage Server permission).
    #[arg(long)]
    admin: bool,
    /// The channel you type in (a group's data is public only in its own channel).
    #[arg(long)]
    channel: Option<u64>,
    /// The workspace (Discord server id) to act in (default from config).
    #[arg(long)]
    workspace: Option<u64>,
    /// Your language: nb, nn or en (default: the workspace's).
    #[arg(long)]
    lang: Option<String>,
    /// Pretend it is this time (RFC 3339), for scripted scenarios.
    #[arg(long, hide = true)]
    now: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("sltbot: invalid configuration: {e}");
            return ExitCode::from(2);
        }
    };
    init_tracing(&config);
    // Offline calculators: no runtime, no database.
    match &cli.command {
        Cmd::Occurrences(args) => return occurrences(&config, args),
        Cmd::Holidays { year } => return holidays(&config, year),
        _ => {}
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sltbot: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Cmd::Run => run(&config).await,
            Cmd::Console(args) => console(&config, args).await,
            Cmd::CheckText { text } => check_text(&config, &text),
            Cmd::Backup { out, db } => backup(&config, &out, db.as_deref()).await,
            Cmd::Restore { from, db } => restore(&config, &from, db.as_deref()).await,
            Cmd::Minutes(args) => minutes(&config, args).await,
            Cmd::Ics(args) => ics(&config, args).await,
            Cmd::Plan(args) => plan(&config, args).await,
            Cmd::Occurrences(_) | Cmd::Holidays { .. } => Ok(ExitCode::SUCCESS),
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sltbot: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(config: &Config) {
    // Logs go to stderr so stdout carries only replies.
    sltbot::logging::init(&config.log.filter, config.log.format);
}

fn default_lang(config: &Config) -> Lang {
    app::defaults(config).language
}

/// Open the store, explaining the usual failures in the operator's language.
async fn open(
    config: &Config,
    url: Option<&str>,
) -> anyhow::Result<Result<sltbot::store::Store, ExitCode>> {
    let lang = default_lang(config);
    match app::open_store(config, url).await {
        Ok(s) => Ok(Ok(s)),
        Err(e) => {
            let url = url.unwrap_or(&config.database.url);
            if matches!(e, StoreError::NotSqlite) {
                // The URL is not echoed: it may hold a password.
                eprintln!("sltbot: {}", t!(lang, "cli-db-not-sqlite"));
                return Ok(Err(ExitCode::from(2)));
            }
            let msg = match &e {
                StoreError::ReadOnly => t!(lang, "cli-db-read-only", url = url),
                StoreError::Locked => t!(lang, "cli-db-locked", url = url),
                other => t!(lang, "cli-db-failed", url = url, reason = other.to_string()),
            };
            eprintln!("sltbot: {msg}");
            Ok(Err(ExitCode::FAILURE))
        }
    }
}

async fn run(config: &Config) -> anyhow::Result<ExitCode> {
    let lang = default_lang(config);
    let token = match discord_token(config)? {
        Some(t) => t,
        None => {
            eprintln!("sltbot: {}", t!(lang, "cli-no-token"));
            return Ok(ExitCode::from(2));
        }
    };
    let store = match open(config, None).await? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    tracing::info!(database = %config.database.url, "database ready");
    if let Some(url) = &config.discord.api_url {
        tracing::info!(api_url = %url, "Discord REST goes through this base URL (a proxy)");
    }
    let service = app::service(config, store.clone(), Arc::new(SystemClock));
    let opts = sltbot::discord::BotOptions {
        token,
        api_base: config.discord.api_url.clone(),
        guilds: config.discord.guilds.clone(),
    };
    let mut bot = match sltbot::discord::Bot::start(service.clone(), opts).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "could not connect to Discord or register commands");
            store.close().await;
            return Ok(ExitCode::FAILURE);
        }
    };
    if bot.registered.guilds.is_empty() {
        tracing::info!(commands = ?bot.registered.names, "slash commands registered globally");
    } else {
        tracing::info!(
            commands = ?bot.registered.names,
            guilds = ?bot.registered.guilds,
            "slash commands registered to guilds"
        );
    }
    // Background work starts once, here — not from the gateway's Ready event.
    let cancel = tokio_util::sync::CancellationToken::new();
    let outbox = Arc::new(sltbot::discord::DiscordOutbox::new(
        bot.http.clone(),
        lang,
        sltbot::discord::RetryPolicy::default(),
    ));
    let scheduler = Arc::new(sltbot::scheduler::Scheduler::for_service(&service, outbox));
    let scheduler_task = tokio::spawn(sltbot::scheduler::run(scheduler, cancel.clone()));
    // Discord scheduled events for groups that turned them on, and the permission self-check.
    let events = tokio::spawn(sltbot::scheduler::events::run(
        Arc::new(sltbot::scheduler::events::EventSync::new(
            store.clone(),
            service.clock(),
            Arc::new(sltbot::discord::events::DiscordEvents::new(
                bot.http.clone(),
            )),
        )),
        service.schedule_changed(),
        cancel.clone(),
    ));
    if let Err(e) = service.log_self_check().await {
        tracing::error!(error = %e, "self-check: could not read the settings");
    }
    let retention = tokio::spawn(app::retention_job(
        service.clone(),
        app::retention_policy(config),
        cancel.clone(),
    ));
    let backups = app::backup_policy(config).map(|policy| {
        tokio::spawn(sltbot::scheduler::backup::run(
            store.clone(),
            service.clock(),
            policy,
            cancel.clone(),
        ))
    });
    tracing::info!("sltbot is running; press Ctrl+C to stop");
    let code = tokio::select! {
        _ = shutdown_signal() => ExitCode::SUCCESS,
        r = bot.stopped() => match r {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                tracing::error!(error = %e, "the Discord connection ended");
                ExitCode::FAILURE
            }
        },
    };
    tracing::info!("shutting down: waiting for commands in flight");
    cancel.cancel();
    let _ = scheduler_task.await;
    let _ = events.await;
    let _ = retention.await;
    if let Some(b) = backups {
        let _ = b.await;
    }
    if !bot.shutdown(std::time::Duration::from_secs(20)).await {
        tracing::warn!("some commands were still running after 20 s");
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(code)
}

/// `sltbot occurrences`: the first N occurrences strictly after `--from`, one RFC 3339
/// timestamp with offset a line. Exit 2 with a localized message on bad input, including a
/// `--count` above [`sltbot::domain::cadence::MAX_LIMIT`]. When fewer than N exist, the
/// lines found are printed and standard error says why (exit 0).
fn occurrences(config: &Config, args: &OccurrencesArgs) -> ExitCode {
    use sltbot::domain::cadence::{format_occurrence, Cadence, MAX_LIMIT};
    let lang = default_lang(config);
    let usage = |msg: String| {
        eprintln!("sltbot: {msg}");
        ExitCode::from(2)
    };
    let tz = match args.tz.as_deref() {
        None => app::defaults(config).timezone,
        Some(name) => match name.trim().parse::<chrono_tz::Tz>() {
            Ok(tz) => tz,
            Err(_) => {
                let input = sltbot::domain::text::echo_safe(name);
                return usage(t!(lang, "cli-bad-timezone", input = input));
            }
        },
    };
    let from = match args.from.as_deref() {
        None => chrono::Utc::now(),
        Some(f) => match chrono::DateTime::parse_from_rfc3339(f.trim()) {
            Ok(t) => t.with_timezone(&chrono::Utc),
            Err(_) => {
                let input = sltbot::domain::text::echo_safe(f);
                return usage(t!(lang, "cli-bad-from", input = input));
            }
        },
    };
    let cadence = match Cadence::parse(&args.cadence, tz, from) {
        Ok(c) => c,
        Err(e) => return usage(sltbot::render::cadence_error(lang, &e)),
    };
    if args.count > MAX_LIMIT {
        return usage(t!(
            lang,
            "cli-count-too-large",
            count = args.count,
            max = MAX_LIMIT
        ));
    }
    let found = cadence.occurrences_after(from, args.count, args.skip_holidays);
    let mut out = String::new();
    for t in &found {
        out.push_str(&format_occurrence(t));
        out.push('\n');
    }
    print!("{out}");
    if found.len() < args.count {
        // Say why there are fewer lines than asked for (the lines themselves stay clean).
        let all_holidays = found.is_empty()
            && args.skip_holidays
            && !cadence.occurrences_after(from, 1, false).is_empty();
        let why = if all_holidays {
            t!(lang, "cli-occurrences-all-holidays")
        } else {
            t!(
                lang,
                "cli-occurrences-fewer",
                found = found.len(),
                count = args.count
            )
        };
        eprintln!("sltbot: {why}");
    }
    ExitCode::SUCCESS
}

/// `sltbot holidays YEAR`: `YYYY-MM-DD name` a line, names in bokmål.
fn holidays(config: &Config, year: &str) -> ExitCode {
    use sltbot::domain::holidays::holidays;
    let lang = default_lang(config);
    let parsed = year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1583..=9999).contains(y));
    let Some(y) = parsed else {
        let input = sltbot::domain::text::echo_safe(year);
        eprintln!("sltbot: {}", t!(lang, "cli-bad-year", input = input));
        return ExitCode::from(2);
    };
    let mut out = String::new();
    for (date, h) in holidays(y) {
        out.push_str(&format!("{} {}\n", date.format("%Y-%m-%d"), h.nb_name()));
    }
    print!("{out}");
    ExitCode::SUCCESS
}

/// The token from `DISCORD_TOKEN`, else from the configured token file.
fn discord_token(config: &Config) -> anyhow::Result<Option<String>> {
    if let Ok(t) = std::env::var("DISCORD_TOKEN") {
        if !t.trim().is_empty() {
            return Ok(Some(t.trim().to_string()));
        }
    }
    if let Some(path) = &config.discord.token_file {
        let t = std::fs::read_to_string(path)
            .with_context(|| format!("reading the token file {}", path.display()))?;
        if !t.trim().is_empty() {
            return Ok(Some(t.trim().to_string()));
        }
    }
    Ok(None)
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

async fn console(config: &Config, args: ConsoleArgs) -> anyhow::Result<ExitCode> {
    let lang = match args.lang.as_deref() {
        None => None,
        Some(l) => match l.parse::<Lang>() {
            Ok(l) => Some(l),
            Err(()) => {
                eprintln!(
                    "sltbot: {}",
                    t!(default_lang(config), "cli-bad-lang", input = l)
                );
                return Ok(ExitCode::from(2));
            }
        },
    };
    let clock: Arc<dyn Clock> = match args.now.as_deref() {
        None => Arc::new(SystemClock),
        Some(now) => {
            let t = chrono::DateTime::parse_from_rfc3339(now)
                .with_context(|| format!("--now {now}: not an RFC 3339 time"))?;
            Arc::new(ManualClock::new(t.with_timezone(&chrono::Utc)))
        }
    };
    let store = match open(config, args.db.as_deref()).await? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let service = app::service(config, store.clone(), clock);
    let actor = Actor {
        user: UserId(args.user),
        roles: args.roles.into_iter().map(RoleId).collect(),
        is_admin: args.admin,
        channel: args.channel.map(ChannelId),
        locale: lang.map(sltbot::domain::Locale::Is),
    };
    let session = Session {
        service,
        actor,
        workspace: WorkspaceId(args.workspace.unwrap_or(config.console.workspace)),
        lang: lang.unwrap_or_else(|| default_lang(config)),
        export_dir: std::path::PathBuf::from("exports"),
    };
    let interactive = std::io::stdin().is_terminal();
    let input = tokio::io::BufReader::new(tokio::io::stdin());
    session
        .run(input, tokio::io::stdout(), interactive)
        .await
        .context("reading commands")?;
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

/// `sltbot backup --out FILE`: a consistent copy of the (possibly live) database.
async fn backup(
    config: &Config,
    out: &std::path::Path,
    db: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let lang = default_lang(config);
    if out.exists() {
        let path = out.display().to_string();
        eprintln!("sltbot: {}", t!(lang, "cli-backup-exists", path = path));
        return Ok(ExitCode::from(2));
    }
    let store = match open(config, db).await? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let done = sltbot::store::backup::backup_to(&store, out).await;
    store.close().await;
    match done {
        Ok(info) => {
            println!(
                "{}",
                t!(
                    lang,
                    "cli-backup-done",
                    path = info.path.display().to_string(),
                    size = info.bytes
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!(
                "sltbot: {}",
                t!(lang, "cli-backup-failed", reason = e.to_string())
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `sltbot restore --from FILE`: replace the database with a backup, if nothing uses it.
async fn restore(
    config: &Config,
    from: &std::path::Path,
    db: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let lang = default_lang(config);
    let url = db.unwrap_or(&config.database.url);
    if !sltbot::store::is_sqlite_url(url) {
        eprintln!("sltbot: {}", t!(lang, "cli-db-not-sqlite"));
        return Ok(ExitCode::from(2));
    }
    let Some(target) = sltbot::store::database_file(url) else {
        eprintln!("sltbot: {}", t!(lang, "cli-restore-memory"));
        return Ok(ExitCode::from(2));
    };
    if !from.is_file() {
        let path = from.display().to_string();
        eprintln!("sltbot: {}", t!(lang, "cli-restore-no-file", path = path));
        return Ok(ExitCode::from(2));
    }
    match sltbot::store::backup::restore(from, &target).await {
        Ok(()) => {
            println!(
                "{}",
                t!(
                    lang,
                    "cli-restore-done",
                    url = url,
                    path = from.display().to_string()
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(StoreError::Locked) => {
            eprintln!("sltbot: {}", t!(lang, "cli-restore-in-use", url = url));
            Ok(ExitCode::FAILURE)
        }
        Err(e) => {
            eprintln!(
                "sltbot: {}",
                t!(lang, "cli-restore-failed", reason = e.to_string())
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `sltbot minutes`: the minutes of one meeting from the database, to a file.
async fn minutes(config: &Config, args: MinutesArgs) -> anyhow::Result<ExitCode> {
    let lang = match args.lang.as_deref().map(str::parse::<Lang>) {
        None => None,
        Some(Ok(l)) => Some(l),
        Some(Err(())) => {
            let input = args.lang.as_deref().unwrap_or_default();
            eprintln!(
                "sltbot: {}",
                t!(default_lang(config), "cli-bad-lang", input = input)
            );
            return Ok(ExitCode::from(2));
        }
    };
    let store = match open(config, args.db.as_deref()).await? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let service = app::service(config, store.clone(), Arc::new(SystemClock));
    let found = service
        .minutes_for_archive(sltbot::domain::MeetingId(args.meeting))
        .await;
    store.close().await;
    let (record, group_lang) = match found {
        Ok(found) => found,
        Err(e) => {
            let lang = lang.unwrap_or_else(|| default_lang(config));
            eprintln!("sltbot: {}", sltbot::render::error(lang, &e));
            return Ok(ExitCode::FAILURE);
        }
    };
    let lang = lang.unwrap_or(group_lang);
    let bytes = match args.format {
        MinutesFormat::Md => sltbot::minutes::markdown::render(&record, lang).into_bytes(),
        MinutesFormat::Pdf => sltbot::minutes::pdf::render(&record, lang, chrono::Utc::now())?,
    };
    std::fs::write(&args.out, bytes).with_context(|| format!("writing {}", args.out.display()))?;
    Ok(ExitCode::SUCCESS)
}

/// `sltbot ics`: a group's calendar, the same file `/meeting ics` attaches.
async fn ics(config: &Config, args: IcsArgs) -> anyhow::Result<ExitCode> {
    let store = match open(config, args.db.as_deref()).await? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let clock: Arc<dyn Clock> = match args.now.as_deref() {
        None => Arc::new(SystemClock),
        Some(now) => match chrono::DateTime::parse_from_rfc3339(now) {
            Ok(t) => Arc::new(ManualClock::new(t.with_timezone(&chrono::Utc))),
            Err(_) => {
                eprintln!("sltbot: --now {now}: RFC 3339, e.g. 2027-01-12T09:00:00+01:00");
                return Ok(ExitCode::from(2));
            }
        },
    };
    let service = app::service(config, store.clone(), clock);
    let ws = WorkspaceId(args.workspace.unwrap_or(config.console.workspace));
    let found = service.calendar_for_cli(ws, &args.group).await;
    store.close().await;
    let (cal, lang) = match found {
        Ok(found) => found,
        Err(e) => {
            eprintln!(
                "sltbot: {}",
                sltbot::render::error(default_lang(config), &e)
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let text = sltbot::calendar::meetings_ics(&cal, lang);
    sltbot::store::files::write_private(&args.out, text)
        .with_context(|| format!("writing {}", args.out.display()))?;
    Ok(ExitCode::SUCCESS)
}

/// `sltbot plan`: the year at a glance, the same picture `/plan` attaches.
async fn plan(config: &Config, args: PlanArgs) -> anyhow::Result<ExitCode> {
    let usage_lang = default_lang(config);
    let year = match args.year.trim().parse::<i64>() {
        Ok(y) if sltbot::service::PLAN_YEARS.contains(&y) => y,
        _ => {
            eprintln!(
                "sltbot: {}",
                t!(usage_lang, "cli-bad-year", input = args.year.as_str())
            );
            return Ok(ExitCode::from(2));
        }
    };
    let lang = match args.lang.as_deref().map(str::parse::<Lang>) {
        None => None,
        Some(Ok(l)) => Some(l),
        Some(Err(())) => {
            let input = args.lang.as_deref().unwrap_or_default();
            eprintln!("sltbot: {}", t!(usage_lang, "cli-bad-lang", input = input));
            return Ok(ExitCode::from(2));
        }
    };
    let clock: Arc<dyn Clock> = match args.now.as_deref() {
        None => Arc::new(SystemClock),
        Some(now) => match chrono::DateTime::parse_from_rfc3339(now) {
            Ok(t) => Arc::new(ManualClock::new(t.with_timezone(&chrono::Utc))),
            Err(_) => {
                eprintln!("sltbot: --now {now}: RFC 3339, e.g. 2027-01-12T09:00:00+01:00");
                return Ok(ExitCode::from(2));
            }
        },
    };
    let store = match open(config, args.db.as_deref()).await? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let service = app::service(config, store.clone(), clock);
    let ws = WorkspaceId(args.workspace.unwrap_or(config.console.workspace));
    let found = service.year_plan_for_cli(ws, year).await;
    store.close().await;
    let (plan, ws_lang) = match found {
        Ok(found) => found,
        Err(e) => {
            eprintln!("sltbot: {}", sltbot::render::error(usage_lang, &e));
            return Ok(ExitCode::FAILURE);
        }
    };
    let lang = lang.unwrap_or(ws_lang);
    if plan.is_empty() {
        let reply = sltbot::service::Reply::YearPlan(Box::new(plan));
        let text =
            sltbot::render::reply(lang, chrono_tz::UTC, &reply, sltbot::render::Style::Plain);
        eprintln!("sltbot: {text}");
        return Ok(ExitCode::FAILURE);
    }
    let png = sltbot::yearplan::png(&plan, lang)?;
    sltbot::store::files::write_private(&args.out, png)
        .with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "{}",
        sltbot::render::reply(
            lang,
            plan.tz,
            &sltbot::service::Reply::YearPlan(Box::new(plan.clone())),
            sltbot::render::Style::Plain
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// `sltbot check-text`: say which kinds of personal data a text holds, never the data.
fn check_text(config: &Config, text: &str) -> anyhow::Result<ExitCode> {
    use sltbot::domain::privacy;
    let lang = default_lang(config);
    let text = if text == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .context("reading standard input")?;
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(_) => {
                // Exit 1 means "personal data found": a text that cannot be read is a usage
                // error (2), with no part of it repeated.
                eprintln!("sltbot: {}", t!(lang, "check-text-invalid-utf8"));
                return Ok(ExitCode::from(2));
            }
        }
    } else {
        text.to_string()
    };
    let check = privacy::check_text(&text);
    if check.is_clean() {
        println!("{}", t!(lang, "check-text-clean"));
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(kind) = check.refused {
        println!(
            "{}",
            t!(
                lang,
                "check-text-national-id",
                kind = t!(lang, kind.fluent_key())
            )
        );
    }
    // The service's warning texts say the text was saved; check-text stores nothing.
    let mut seen = Vec::new();
    for w in &check.warnings {
        let key = match w {
            privacy::Warning::PossibleChildName { .. } => "check-text-child-name",
            privacy::Warning::PossibleChildInClass { .. } => "check-text-child-class",
        };
        if !seen.contains(&key) {
            seen.push(key);
            println!("{}", t!(lang, key));
        }
    }
    println!("{}", t!(lang, "privacy-anonymise-hint"));
    Ok(ExitCode::from(1))
}
