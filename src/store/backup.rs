//! Backups and restore.
//!
//! **Backup** is `VACUUM INTO` on a reader connection: SQLite writes a consistent snapshot
//! (everything committed when the statement began) into a new file while the bot goes on
//! reading and writing. It is written to `FILE.partial` (0600) and renamed into place when
//! complete, so a crash never leaves a half backup under the real name.
//!
//! **Restore** opens the target database on one connection in SQLite's exclusive locking
//! mode, without waiting: while any other connection has the database open (a running bot
//! keeps at least one), this fails and nothing is changed ([`StoreError::Locked`]). Holding
//! that lock it replaces, in one transaction, every table, index and sequence with the
//! backup's; then the usual migrations bring an older backup up to date. Old content is
//! overwritten (`secure_delete`) and the WAL truncated, as after a deletion.

use super::{files, Result, Store, StoreError, MIGRATOR};
use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteLockingMode};
use sqlx::{ConnectOptions, Connection, Row, SqliteConnection};
use std::path::{Path, PathBuf};

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub bytes: u64,
}

/// Write a consistent copy of `store`'s database to `out` (0600; a new folder 0700).
/// `out` must not exist yet.
pub async fn backup_to(store: &Store, out: &Path) -> Result<BackupInfo> {
    let io = |e: std::io::Error| StoreError::CannotOpen {
        path: out.display().to_string(),
        reason: e.to_string(),
    };
    if out.exists() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "the backup file exists already",
        )));
    }
    if let Some(dir) = out.parent() {
        files::create_private_dir_all(dir).map_err(io)?;
    }
    let partial = files::sidecar(out, ".partial");
    // VACUUM INTO accepts an empty file: create it 0600 first so the copy never is readable
    // by others, not even while it is written.
    drop(files::create_private_file(&partial).map_err(io)?);
    let mut conn = store.conn().await?;
    let done = sqlx::query("VACUUM INTO ?")
        .bind(partial.to_string_lossy().into_owned())
        .execute(&mut *conn)
        .await;
    drop(conn);
    if let Err(e) = done {
        let _ = std::fs::remove_file(&partial);
        return Err(e.into());
    }
    files::restrict(&partial).map_err(io)?;
    std::fs::rename(&partial, out).map_err(io)?;
    let bytes = std::fs::metadata(out).map_err(io)?.len();
    Ok(BackupInfo {
        path: out.to_path_buf(),
        bytes,
    })
}

/// Scheduled backups are named `sltbot-YYYYMMDD-HHMMSS.db`.
const NAME_PREFIX: &str = concat!("sltbot", "-");
const NAME_TIME: &str = "%Y%m%d-%H%M%S";

/// The name of a scheduled backup taken at `at`: `sltbot-YYYYMMDD-HHMMSS.db` (UTC), so
/// names sort by time.
pub fn scheduled_name(at: DateTime<Utc>) -> String {
    format!("{NAME_PREFIX}{}.db", at.format(NAME_TIME))
}

/// When the scheduled backup named `name` was taken; `None` for any other file name.
pub fn scheduled_time(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix(NAME_PREFIX)?.strip_suffix(".db")?;
    let exact = stamp.len() == 15
        && stamp
            .char_indices()
            .all(|(i, c)| if i == 8 { c == '-' } else { c.is_ascii_digit() });
    if !exact {
        return None;
    }
    chrono::NaiveDateTime::parse_from_str(stamp, NAME_TIME)
        .ok()
        .map(|t| t.and_utc())
}

fn is_scheduled_name(name: &str) -> bool {
    scheduled_time(name).is_some()
}

/// The daily backup: write `dir/sltbot-<time>.db`, then delete the oldest scheduled backups
/// in `dir` beyond the newest `keep` (other files there are never touched). Returns the
/// new backup and how many old ones were deleted.
pub async fn scheduled(
    store: &Store,
    dir: &Path,
    keep: usize,
    now: DateTime<Utc>,
) -> Result<(BackupInfo, usize)> {
    let info = backup_to(store, &dir.join(scheduled_name(now))).await?;
    let io = |e: std::io::Error| StoreError::CannotOpen {
        path: dir.display().to_string(),
        reason: e.to_string(),
    };
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| is_scheduled_name(n))
        .collect();
    names.sort();
    let excess = names.len().saturating_sub(keep.max(1));
    for old in &names[..excess] {
        std::fs::remove_file(dir.join(old)).map_err(io)?;
    }
    Ok((info, excess))
}

/// Check that `file` is a whole sltbot database this binary understands.
async fn check_backup(file: &Path) -> Result<()> {
    let cannot = |reason: String| StoreError::CannotOpen {
        path: file.display().to_string(),
        reason,
    };
    if !file.is_file() {
        return Err(cannot("no such file".into()));
    }
    let mut conn = SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .immutable(true)
        .connect()
        .await
        .map_err(|e| cannot(e.to_string()))?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .map_err(|e| cannot(e.to_string()))?;
    if integrity != "ok" {
        return Err(cannot("the file is damaged".into()));
    }
    let newest: Option<i64> =
        sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut conn)
            .await
            .map_err(|_| cannot("not an sltbot database".into()))?;
    let known = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    match newest {
        None => Err(cannot("not an sltbot database".into())),
        Some(v) if v > known => Err(cannot(
            "the backup comes from a newer sltbot; restore it with that version".into(),
        )),
        Some(_) => Ok(()),
    }?;
    conn.close().await.map_err(|e| cannot(e.to_string()))?;
    Ok(())
}

/// Replace the database at `target` (a file path; created 0600 if missing) with the backup
/// `from`, then migrate it. Refuses ([`StoreError::Locked`]) while anything else has the
/// target open, e.g. a running bot: stop it first.
pub async fn restore(from: &Path, target: &Path) -> Result<()> {
    check_backup(from).await?;
    if let (Ok(a), Ok(b)) = (from.canonicalize(), target.canonicalize()) {
        if a == b {
            return Err(StoreError::CannotOpen {
                path: target.display().to_string(),
                reason: "the backup and the database are the same file".into(),
            });
        }
    }
    files::prepare_database_file(target).map_err(|e| StoreError::CannotOpen {
        path: target.display().to_string(),
        reason: e.to_string(),
    })?;
    let mut conn = SqliteConnectOptions::new()
        .filename(target)
        .locking_mode(SqliteLockingMode::Exclusive)
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(false)
        .pragma("secure_delete", "ON")
        // Long enough for a process that just closed the file to let go of it (the last
        // connection's checkpoint), far too short to wait out a running bot, which keeps
        // the file open for good.
        .busy_timeout(std::time::Duration::from_secs(2))
        .connect()
        .await?;
    let replaced = replace_all(&mut conn, from).await;
    if replaced.is_err() {
        let _ = sqlx::query("ROLLBACK").execute(&mut conn).await;
    }
    let closed = conn.close().await;
    replaced?;
    closed?;
    // Bring an older backup up to the current schema; this also checks the references.
    let url = format!("sqlite://{}", target.display());
    let store = Store::open(&url, &super::StoreOptions::default()).await?;
    store.checkpoint_truncate().await?;
    store.close().await;
    Ok(())
}

/// In one exclusive transaction: drop every table of `main`, recreate the backup's tables
/// with their rows, sequences, indexes and triggers.
async fn replace_all(conn: &mut SqliteConnection, from: &Path) -> Result<()> {
    sqlx::query("ATTACH DATABASE ? AS backup")
        .bind(from.to_string_lossy().into_owned())
        .execute(&mut *conn)
        .await?;
    sqlx::query("BEGIN EXCLUSIVE").execute(&mut *conn).await?;
    let old: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .fetch_all(&mut *conn)
    .await?;
    for name in old {
        sqlx::query(&format!("DROP TABLE main.{}", quote(&name)))
            .execute(&mut *conn)
            .await?;
    }
    let tables = sqlx::query(
        "SELECT name, sql FROM backup.sqlite_master
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )
    .fetch_all(&mut *conn)
    .await?;
    for t in &tables {
        let name: String = t.get("name");
        let sql: String = t.get("sql");
        // The backup's own CREATE statement, run in `main` (unqualified names create there).
        sqlx::query(&sql).execute(&mut *conn).await?;
        sqlx::query(&format!(
            "INSERT INTO main.{0} SELECT * FROM backup.{0}",
            quote(&name)
        ))
        .execute(&mut *conn)
        .await?;
    }
    let has_seq: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM backup.sqlite_master WHERE name = 'sqlite_sequence')",
    )
    .fetch_one(&mut *conn)
    .await?;
    if has_seq {
        sqlx::query("DELETE FROM main.sqlite_sequence")
            .execute(&mut *conn)
            .await?;
        sqlx::query("INSERT INTO main.sqlite_sequence SELECT * FROM backup.sqlite_sequence")
            .execute(&mut *conn)
            .await?;
    }
    let rest: Vec<String> = sqlx::query_scalar(
        "SELECT sql FROM backup.sqlite_master
         WHERE type IN ('index', 'trigger', 'view') AND sql IS NOT NULL ORDER BY rowid",
    )
    .fetch_all(&mut *conn)
    .await?;
    for sql in rest {
        sqlx::query(&sql).execute(&mut *conn).await?;
    }
    let broken = sqlx::query("PRAGMA main.foreign_key_check")
        .fetch_all(&mut *conn)
        .await?;
    if !broken.is_empty() {
        return Err(StoreError::Corrupt(format!(
            "{} broken references in the backup",
            broken.len()
        )));
    }
    sqlx::query("COMMIT").execute(&mut *conn).await?;
    sqlx::query("DETACH DATABASE backup")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// An SQL identifier in double quotes.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn scheduled_names_sort_by_time_and_are_recognised() {
        let a = scheduled_name(Utc.with_ymd_and_hms(2027, 1, 2, 3, 4, 5).unwrap());
        assert_eq!(a, "sltbot-20270102-030405.db");
        assert!(is_scheduled_name(&a));
        for other in [
            "sltbot.db",
            "sltbot-2027.db",
            "notes.txt",
            "sltbot-20270102-030405.db.partial",
        ] {
            assert!(!is_scheduled_name(other), "{other}");
        }
    }
}
