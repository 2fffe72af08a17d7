//! Wiring shared by the binary's subcommands: config → store → service.

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::Lang;
use crate::service::{Defaults, Service};
use crate::store::{Store, StoreError, StoreOptions};
use std::sync::Arc;
use std::time::Duration;

/// The defaults for new workspaces, from config (invalid values fall back to
/// Europe/Oslo and bokmål, with a warning).
pub fn defaults(config: &Config) -> Defaults {
    let timezone = config.defaults.timezone.parse().unwrap_or_else(|_| {
        tracing::warn!(value = %config.defaults.timezone, "unknown timezone in config; using Europe/Oslo");
        chrono_tz::Europe::Oslo
    });
    let language = config.defaults.language.parse().unwrap_or_else(|_| {
        tracing::warn!(value = %config.defaults.language, "unknown language in config; using nb");
        Lang::Nb
    });
    Defaults { timezone, language }
}

pub async fn open_store(config: &Config, url: Option<&str>) -> Result<Store, StoreError> {
    let opts = StoreOptions {
        busy_timeout: Duration::from_millis(config.database.busy_timeout_ms),
        max_connections: config.database.max_connections,
    };
    Store::open(url.unwrap_or(&config.database.url), &opts).await
}

pub fn service(config: &Config, store: Store, clock: Arc<dyn Clock>) -> Service {
    Service::new(store, clock, defaults(config))
}
