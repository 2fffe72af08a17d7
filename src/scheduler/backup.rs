//! The daily backup: a consistent copy of the live database ([`store::backup`]) into the
//! configured folder once a day, keeping the newest `keep`. After a restart it goes on from
//! the newest backup in the folder (24 hours after it), so restarts do not pile up copies.

use crate::clock::Clock;
use crate::store::{self, Store};
use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

/// Where and how many (`[backup]` in the configuration).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupPolicy {
    pub folder: PathBuf,
    pub keep: usize,
}

/// When the next daily backup is due: 24 hours after the newest one in `folder`, or `now`
/// when there is none (or it is older).
pub fn next_due(folder: &Path, now: DateTime<Utc>) -> DateTime<Utc> {
    let newest = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| store::backup::scheduled_time(&n))
        .max();
    match newest {
        Some(t) => (t + Duration::hours(24)).max(now),
        None => now,
    }
}

/// Take the daily backups until cancelled. Failures are logged (without user text) and
/// retried an hour later.
pub async fn run(
    store: Store,
    clock: Arc<dyn Clock>,
    policy: BackupPolicy,
    cancel: CancellationToken,
) {
    loop {
        let now = clock.now();
        let due = next_due(&policy.folder, now);
        let wait = (due - now).to_std().unwrap_or_default();
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(wait) => {}
        }
        match store::backup::scheduled(&store, &policy.folder, policy.keep, clock.now()).await {
            Ok((info, deleted)) => tracing::info!(
                path = %info.path.display(),
                bytes = info.bytes,
                deleted,
                "daily backup written"
            ),
            Err(e) => {
                tracing::error!(error = %e, "daily backup failed; trying again in an hour");
                tokio::select! {
                    _ = cancel.cancelled() => return,
                    _ = tokio::time::sleep(std::time::Duration::from_secs(3600)) => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn next_backup_is_a_day_after_the_newest_or_now() {
        let tmp = tempfile::tempdir().unwrap();
        let now = Utc.with_ymd_and_hms(2027, 3, 2, 12, 0, 0).unwrap();
        assert_eq!(next_due(tmp.path(), now), now);
        assert_eq!(next_due(&tmp.path().join("missing"), now), now);
        for name in [
            "sltbot-20270301-030000.db",
            "sltbot-20270228-030000.db",
            "other.db",
        ] {
            std::fs::write(tmp.path().join(name), b"").unwrap();
        }
        assert_eq!(
            next_due(tmp.path(), now),
            Utc.with_ymd_and_hms(2027, 3, 2, 3, 0, 0).unwrap().max(now)
        );
        let early = Utc.with_ymd_and_hms(2027, 3, 1, 20, 0, 0).unwrap();
        assert_eq!(
            next_due(tmp.path(), early),
            Utc.with_ymd_and_hms(2027, 3, 2, 3, 0, 0).unwrap()
        );
    }
}
