//! Wiring shared by the binary's subcommands: config → store → service.

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::school_holidays::SchoolHolidays;
use crate::domain::Lang;
use crate::service::{Defaults, RetentionPolicy, Service};
use crate::store::{Store, StoreError, StoreOptions};
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

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
    Service::new(store, clock, defaults(config)).with_school_holidays(school_holidays(config))
}

/// The school holidays for the year plan, from config (an unreadable value falls back to
/// the common pattern, with a warning naming the setting).
pub fn school_holidays(config: &Config) -> SchoolHolidays {
    let c = &config.school_holidays;
    SchoolHolidays::parse(
        c.winter_week,
        c.easter,
        &c.summer,
        c.autumn_week,
        &c.christmas,
        &c.extra,
    )
    .unwrap_or_else(|e| {
        tracing::warn!(
            setting = e.setting,
            "unreadable school holiday in config; using the default pattern"
        );
        SchoolHolidays::default()
    })
}

pub fn retention_policy(config: &Config) -> RetentionPolicy {
    RetentionPolicy {
        finished_items_days: config.retention.finished_items_days.max(1),
        meetings_days: config.retention.meetings_days.max(1),
    }
}

/// The daily backup's folder and count, or `None` when `backup.folder` is empty (off).
pub fn backup_policy(config: &Config) -> Option<crate::scheduler::backup::BackupPolicy> {
    (!config.backup.folder.as_os_str().is_empty()).then(|| crate::scheduler::backup::BackupPolicy {
        folder: config.backup.folder.clone(),
        keep: config.backup.keep.max(1),
    })
}

/// The daily retention job: purge now, then every 24 hours, until cancelled.
pub async fn retention_job(service: Service, policy: RetentionPolicy, cancel: CancellationToken) {
    loop {
        if let Err(e) = service.purge(policy).await {
            tracing::error!(error = %e, "retention purge failed; will try again tomorrow");
        }
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(Duration::from_secs(24 * 60 * 60)) => {}
        }
    }
}
