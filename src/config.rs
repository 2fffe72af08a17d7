//! Configuration: `config/default.toml` (compiled in, so the binary runs from anywhere),
//! then an optional local file (`config/local.toml`, or the path in `SLTBOT_CONFIG`),
//! then `SLTBOT_*` environment variables (`SLTBOT_DATABASE__URL`, `SLTBOT_DISCORD__GUILDS`…).
//! The Discord token is read only from the environment (`DISCORD_TOKEN`) or a file
//! outside git, never from the committed config.

use figment::providers::{Env, Format, Toml};
use figment::Figment;
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub database: DatabaseConfig,
    pub defaults: DefaultsConfig,
    pub console: ConsoleConfig,
    #[serde(default)]
    pub discord: DiscordConfig,
    #[serde(default)]
    pub log: LogConfig,
    pub retention: RetentionConfig,
    #[serde(default)]
    pub backup: BackupConfig,
    #[serde(default)]
    pub school_holidays: SchoolHolidayConfig,
}

/// The school holidays shaded in the year at a glance (`/plan`); see
/// `domain::school_holidays` for the forms. The default is the common Norwegian pattern.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SchoolHolidayConfig {
    /// ISO week of vinterferie (0: none).
    pub winter_week: u32,
    /// Påskeferie from Monday of Holy Week to Easter Monday.
    pub easter: bool,
    /// Sommerferie, `"MM-DD..MM-DD"` (empty: none).
    pub summer: String,
    /// ISO week of høstferie (0: none).
    pub autumn_week: u32,
    /// Juleferie, `"MM-DD..MM-DD"`, into the next year when the end is before the start.
    pub christmas: String,
    /// More days off: `"YYYY-MM-DD"` or `"YYYY-MM-DD..YYYY-MM-DD"`.
    pub extra: Vec<String>,
}

impl Default for SchoolHolidayConfig {
    fn default() -> Self {
        SchoolHolidayConfig {
            winter_week: 8,
            easter: true,
            summer: "06-20..08-15".into(),
            autumn_week: 40,
            christmas: "12-21..01-02".into(),
            extra: Vec::new(),
        }
    }
}

/// The daily backup `sltbot run` takes (see `store::backup`).
#[derive(Debug, Clone, Deserialize)]
pub struct BackupConfig {
    /// The folder backups go to (created 0700). Empty: no daily backup.
    #[serde(default)]
    pub folder: PathBuf,
    /// How many daily backups to keep (the oldest beyond are deleted; at least 1).
    #[serde(default = "default_backup_keep")]
    pub keep: usize,
}

fn default_backup_keep() -> usize {
    7
}

impl Default for BackupConfig {
    fn default() -> Self {
        BackupConfig {
            folder: PathBuf::new(),
            keep: default_backup_keep(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct RetentionConfig {
    pub finished_items_days: i64,
    pub meetings_days: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseConfig {
    /// `sqlite://data/sltbot.db` or a plain path.
    pub url: String,
    /// How long a write waits for a lock held by another process, in milliseconds.
    pub busy_timeout_ms: u64,
    pub max_connections: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DefaultsConfig {
    /// IANA timezone for new workspaces.
    pub timezone: String,
    /// nb, nn or en for new workspaces.
    pub language: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ConsoleConfig {
    /// The workspace the console acts in (a Discord guild id, or any number offline).
    pub workspace: u64,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub struct DiscordConfig {
    /// Guild ids to register commands to (development). Empty = register globally.
    #[serde(default)]
    pub guilds: Vec<u64>,
    /// A file holding the token, as an alternative to `DISCORD_TOKEN`.
    #[serde(default)]
    pub token_file: Option<PathBuf>,
    /// Send all REST traffic to this base URL instead of `https://discord.com` — an HTTP
    /// proxy such as twilight-http-proxy or nirn-proxy, which then keeps Discord's rate
    /// limits (serenity's own limiter is off behind a proxy; sltbot still honours every
    /// 429's `retry_after`). The gateway URL comes from the proxy's `GET /gateway`.
    #[serde(default)]
    pub api_url: Option<url::Url>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LogConfig {
    /// A tracing filter, e.g. `info,sltbot=debug`. `RUST_LOG` wins when set.
    pub filter: String,
    /// `text` (colour only on a terminal) or `json` (one object per line).
    #[serde(default)]
    pub format: crate::logging::LogFormat,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            filter: "info".into(),
            format: crate::logging::LogFormat::Text,
        }
    }
}

impl Config {
    /// Load defaults → local file → environment.
    pub fn load(local: Option<&Path>) -> Result<Config, Box<figment::Error>> {
        let local = local
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("SLTBOT_CONFIG").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("config/local.toml"));
        Figment::new()
            .merge(Toml::string(DEFAULT_TOML))
            .merge(Toml::file(local))
            .merge(Env::prefixed("SLTBOT_").split("__"))
            .extract()
            .map_err(Box::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::result_large_err)]
    fn defaults_parse_and_environment_overrides() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("SLTBOT_DATABASE__URL", "sqlite://elsewhere.db");
            jail.create_file("local.toml", "[defaults]\nlanguage = \"nn\"\n")?;
            let c = Config::load(Some(Path::new("local.toml"))).map_err(|e| *e)?;
            assert_eq!(c.database.url, "sqlite://elsewhere.db");
            assert_eq!(c.defaults.language, "nn");
            assert_eq!(c.defaults.timezone, "Europe/Oslo");
            assert_eq!(c.backup.folder, PathBuf::from("data/backups"));
            assert_eq!(c.backup.keep, 7);
            assert_eq!(c.discord.api_url, None);
            assert_eq!(c.log.format, crate::logging::LogFormat::Text);
            assert_eq!(c.school_holidays.autumn_week, 40);
            assert_eq!(c.school_holidays.summer, "06-20..08-15");
            Ok(())
        });
    }

    #[test]
    #[allow(clippy::result_large_err)]
    fn api_url_and_log_format_come_from_the_environment() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("SLTBOT_DISCORD__API_URL", "http://127.0.0.1:8080");
            jail.set_env("SLTBOT_LOG__FORMAT", "json");
            let c = Config::load(Some(Path::new("none.toml"))).map_err(|e| *e)?;
            assert_eq!(
                c.discord.api_url.as_ref().map(url::Url::as_str),
                Some("http://127.0.0.1:8080/")
            );
            assert_eq!(c.log.format, crate::logging::LogFormat::Json);
            Ok(())
        });
    }
}
