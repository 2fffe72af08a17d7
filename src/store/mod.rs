//! The storage layer: sqlx on a real SQLite file (WAL, foreign keys, STRICT tables,
//! `secure_delete`, ids that are never reused), schema by the migrations in `migrations/`
//! only. The file is created 0600 in a folder created 0700 ([`files`]); backups and restore
//! are in [`backup`]. One file per table family; each
//! function takes a connection so the service can compose several in one transaction.
//! The exception is the hot path, [`agenda::add_audited`], which sends its whole
//! transaction to SQLite as one batch (`WriteBatch`) to keep the write turn short.
//!
//! Queries use sqlx's runtime-checked `query`/`query_as` with bound parameters for every
//! value a user gives, so a clean clone builds without a database or `.sqlx/` data; the
//! tests run every query against real SQLite instead. Status words come from the domain
//! types through [`words::sql`], the only text ever spliced into a query.

pub mod actions;
pub mod agenda;
pub mod audit;
pub mod backup;
pub mod case_actions;
pub mod digest;
pub mod events;
pub mod files;
pub mod followup;
pub mod groups;
pub mod lookup;
pub mod meetings;
pub mod municipalities;
pub mod notice;
pub mod notifications;
pub mod orders;
pub mod record;
pub mod retention;
pub mod series;
pub mod words;
pub mod workspaces;

use crate::domain::agenda::title_cmp;
use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqliteConnection, SqlitePool, Transaction};
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

pub type Tx = Transaction<'static, Sqlite>;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database is read-only")]
    ReadOnly,
    #[error("the database is locked by another process")]
    Locked,
    #[error("cannot open the database at {path}: {reason}")]
    CannotOpen { path: String, reason: String },
    /// The database URL names another database system (`postgres://…`): sltbot stores its
    /// data only in SQLite, and would otherwise create a file named after the URL.
    #[error("not a SQLite database URL")]
    NotSqlite,
    #[error("the database schema could not be migrated: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("a stored value is corrupt: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Other(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &e {
            // SQLite's primary result code is the low byte of the extended code.
            if let Some(code) = db.code().and_then(|c| c.parse::<i32>().ok()) {
                match code & 0xff {
                    8 => return StoreError::ReadOnly,
                    5 | 6 => return StoreError::Locked,
                    _ => {}
                }
            }
        }
        StoreError::Other(e)
    }
}

impl StoreError {
    /// Did a UNIQUE constraint fail? (Used to turn races into clean domain errors.)
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, StoreError::Other(sqlx::Error::Database(db)) if db.is_unique_violation())
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug, Clone)]
pub struct StoreOptions {
    pub busy_timeout: Duration,
    pub max_connections: u32,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            busy_timeout: Duration::from_secs(5),
            max_connections: 4,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Store {
    /// Readers' connections (and the migrations').
    pool: SqlitePool,
    /// The writers' one connection (the same pool as `pool` for an in-memory database).
    writer: SqlitePool,
    /// Writers of this process queue here, in order, before they take a connection.
    /// SQLite allows one writer at a time; left to its busy handler, concurrent writers
    /// poll with growing sleeps (unfair, and past the busy timeout they fail with
    /// "locked"). The busy timeout still covers writers in *other* processes.
    write_lock: Arc<tokio::sync::Mutex<()>>,
    /// The database file (`None` in memory).
    path: Option<PathBuf>,
}

/// A write transaction together with this process's write turn; both end on commit,
/// rollback or drop. Derefs to the connection, like [`Tx`].
pub struct WriteTx {
    tx: Tx,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl WriteTx {
    pub async fn commit(self) -> std::result::Result<(), sqlx::Error> {
        self.tx.commit().await
    }

    pub async fn rollback(self) -> std::result::Result<(), sqlx::Error> {
        self.tx.rollback().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = SqliteConnection;
    fn deref(&self) -> &SqliteConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        &mut self.tx
    }
}

/// This process's write turn and a connection with no transaction open, for a store
/// function that sends a whole transaction (`BEGIN IMMEDIATE; …; COMMIT`) to SQLite as
/// one batch. See [`Store::write_batch`].
pub(crate) struct WriteBatch {
    conn: sqlx::pool::PoolConnection<Sqlite>,
    /// The batch ran to its end (its transaction is closed): the connection may go back.
    clean: bool,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl WriteBatch {
    /// Run `batch`, which must open a transaction and close it, and return its rows. If it
    /// fails part-way, whatever it opened is rolled back while this process still holds the
    /// write turn, and the connection is closed rather than reused.
    pub(crate) async fn fetch_all<'q, O>(
        mut self,
        batch: sqlx::query::QueryAs<'q, Sqlite, O, sqlx::sqlite::SqliteArguments<'q>>,
    ) -> Result<Vec<O>>
    where
        O: Send + Unpin + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
    {
        match batch.fetch_all(&mut *self.conn).await {
            Ok(rows) => {
                self.clean = true;
                Ok(rows)
            }
            Err(e) => {
                // "No transaction is active" is fine here: SQLite may have rolled back itself.
                let _ = sqlx::query("ROLLBACK").execute(&mut *self.conn).await;
                Err(e.into())
            }
        }
    }
}

impl Drop for WriteBatch {
    /// A batch that failed, or was dropped before it finished (its future cancelled), may
    /// have left its transaction open: closing the connection rolls it back.
    fn drop(&mut self) {
        if !self.clean {
            self.conn.close_on_drop();
        }
    }
}

impl Store {
    /// Open (creating if missing, with its folder) and migrate the database at `url`:
    /// `sqlite://path`, `sqlite:path`, a plain path, or `sqlite::memory:`. Any other URL
    /// (`postgres://…`) is refused with [`StoreError::NotSqlite`]. A new folder is created
    /// 0700 and the database file 0600 (unix; see [`files`]).
    pub async fn open(url: &str, opts: &StoreOptions) -> Result<Store> {
        // SQLite answers "busy" at once, without its busy handler, while another connection
        // recovers the WAL index (the moment after the last connection of a process closed
        // the file): a start-up that meets that moment tries again, briefly. A database that
        // stays locked is still reported as locked.
        const ATTEMPTS: u32 = 8;
        let mut attempt = 1;
        loop {
            match Self::open_once(url, opts).await {
                Err(StoreError::Locked) if attempt < ATTEMPTS => {
                    tokio::time::sleep(Duration::from_millis(100 * u64::from(attempt))).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    async fn open_once(url: &str, opts: &StoreOptions) -> Result<Store> {
        if !is_sqlite_url(url) {
            return Err(StoreError::NotSqlite);
        }
        if is_memory(url) {
            return Self::open_in_memory().await;
        }
        let path = file_path(url);
        // `?mode=ro` opens an existing database read-only (inspection, or a backup copy).
        let read_only = url.contains("mode=ro");
        if !read_only {
            files::prepare_database_file(&path).map_err(|e| StoreError::CannotOpen {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
        }
        let connect = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(!read_only)
            .read_only(read_only)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            // Deleted content is overwritten with zeros, not just unlinked (issue 14).
            .pragma("secure_delete", "ON")
            .busy_timeout(opts.busy_timeout)
            .collation(agenda::TITLE_COLLATION, title_cmp);
        let pool = SqlitePoolOptions::new()
            .max_connections(opts.max_connections.max(1))
            // One connection stays open for the store's life: besides saving reopening, it
            // tells `sltbot restore` that the database is in use.
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            // An embedded database cannot drop a connection; sqlx's default ping before each
            // acquire would cost every command an extra hand-off to the connection's thread.
            .test_before_acquire(false)
            .acquire_timeout(opts.busy_timeout + Duration::from_secs(5))
            .connect_with(connect.clone())
            .await
            .map_err(|e| match StoreError::from(e) {
                StoreError::Other(e) => StoreError::CannotOpen {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                },
                other => other,
            })?;
        // Writers take turns anyway: one connection of their own means a writer never waits
        // behind readers for a connection while holding the turn.
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .acquire_timeout(opts.busy_timeout + Duration::from_secs(5))
            .connect_lazy_with(connect);
        let store = Store {
            pool,
            writer,
            write_lock: Arc::default(),
            path: Some(path),
        };
        store.migrate().await?;
        Ok(store)
    }

    /// A private in-memory database, for tests about logic. One connection, so every
    /// query sees the same database.
    pub async fn open_in_memory() -> Result<Store> {
        let connect = SqliteConnectOptions::from_str("sqlite::memory:")
            .map_err(StoreError::Other)?
            .foreign_keys(true)
            .pragma("secure_delete", "ON")
            .collation(agenda::TITLE_COLLATION, title_cmp);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(connect)
            .await?;
        let store = Store {
            writer: pool.clone(),
            pool,
            write_lock: Arc::default(),
            path: None,
        };
        store.migrate().await?;
        Ok(store)
    }

    /// Run the migrations on one connection with foreign keys off, as SQLite's procedure
    /// for rebuilding a table asks (a `DROP TABLE` of a parent would otherwise cascade, and
    /// the pragma cannot change inside the migration's transaction); then check that every
    /// reference still holds before switching them back on.
    async fn migrate(&self) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        sqlx::query("PRAGMA foreign_keys = OFF")
            .execute(&mut *conn)
            .await?;
        let ran = MIGRATOR.run_direct(&mut *conn).await;
        let checked = match ran {
            Ok(()) => sqlx::query("PRAGMA foreign_key_check")
                .fetch_all(&mut *conn)
                .await
                .map_err(StoreError::from),
            Err(e) => Err(migrate_error(e)),
        };
        let on = sqlx::query("PRAGMA foreign_keys = ON")
            .execute(&mut *conn)
            .await;
        if checked.is_err() || on.is_err() {
            // Whatever state it is in, this connection is not handed out again.
            conn.close_on_drop();
        }
        let violations = checked?;
        on?;
        if !violations.is_empty() {
            return Err(StoreError::Corrupt(format!(
                "{} broken references after migrating",
                violations.len()
            )));
        }
        drop(conn);
        // Keys computed in Rust cannot be recomputed by a SQL migration.
        groups::rekey_names(&self.pool).await?;
        Ok(())
    }

    /// Write the WAL into the database file and truncate it to zero bytes, so that pages
    /// holding deleted text (zeroed in the database by `secure_delete`) do not live on in
    /// the `-wal` file. Run after a deletion (`/group delete`, the retention job). Takes
    /// this process's write turn; a reader of another process may keep the WAL from being
    /// emptied, which is reported as `false` (the next checkpoint finishes the job).
    pub async fn checkpoint_truncate(&self) -> Result<bool> {
        let _turn = self.write_lock.clone().lock_owned().await;
        let mut conn = self.writer.acquire().await?;
        let (busy, _log, _done): (i64, i64, i64) =
            sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&mut *conn)
                .await?;
        Ok(busy == 0)
    }

    /// A write transaction. Writers of this process take turns (first come, first served)
    /// before taking a connection; `BEGIN IMMEDIATE` then takes SQLite's write lock up
    /// front, so a writer of another process makes this one wait on the busy timeout
    /// instead of failing half-way on an upgrade.
    pub async fn write(&self) -> Result<WriteTx> {
        let turn = self.write_lock.clone().lock_owned().await;
        let tx = self.writer.begin_with("BEGIN IMMEDIATE").await?;
        Ok(WriteTx { tx, _turn: turn })
    }

    /// The write turn and a connection for a [`WriteBatch`]: one hand-off to SQLite's
    /// thread for a whole transaction keeps the turn short under load.
    pub(crate) async fn write_batch(&self) -> Result<WriteBatch> {
        let turn = self.write_lock.clone().lock_owned().await;
        let conn = self.writer.acquire().await?;
        Ok(WriteBatch {
            conn,
            clean: false,
            _turn: turn,
        })
    }

    /// A connection for a single read (no transaction: one statement is its own snapshot).
    pub async fn conn(&self) -> Result<sqlx::pool::PoolConnection<Sqlite>> {
        Ok(self.pool.acquire().await?)
    }

    /// A read transaction: a consistent snapshot across several queries.
    pub async fn read(&self) -> Result<Tx> {
        Ok(self.pool.begin().await?)
    }

    /// The database file, `None` for an in-memory database.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub async fn close(&self) {
        self.writer.close().await;
        self.pool.close().await
    }
}

fn migrate_error(e: sqlx::migrate::MigrateError) -> StoreError {
    match e {
        sqlx::migrate::MigrateError::Execute(inner) => match StoreError::from(inner) {
            StoreError::Other(inner) => {
                StoreError::Migrate(sqlx::migrate::MigrateError::Execute(inner))
            }
            other => other,
        },
        other => StoreError::Migrate(other),
    }
}

/// A URL sltbot can open: `sqlite:…`, or a plain path. Anything that starts like another
/// scheme (`postgres://`, `mysql:`, `file:`…) is not; a one-letter "scheme" is a Windows
/// drive (`C:\data\x.db`).
pub fn is_sqlite_url(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() {
        return false;
    }
    if url
        .get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("sqlite:"))
    {
        return true;
    }
    match url.split_once(':') {
        None => true,
        Some((scheme, _)) => {
            let looks_like_scheme = scheme.len() > 1
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            !looks_like_scheme
        }
    }
}

/// The file a SQLite URL names (`None` for an in-memory database).
pub fn database_file(url: &str) -> Option<PathBuf> {
    (!is_memory(url)).then(|| file_path(url))
}

fn is_memory(url: &str) -> bool {
    url.contains(":memory:") || url.contains("mode=memory")
}

fn file_path(url: &str) -> PathBuf {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let rest = rest.split('?').next().unwrap_or(rest);
    PathBuf::from(rest)
}

pub(crate) fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

pub(crate) fn from_ts(secs: i64) -> Result<DateTime<Utc>> {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .ok_or_else(|| StoreError::Corrupt(format!("timestamp {secs}")))
}

/// Discord snowflakes are u64 but below 2^63 for the foreseeable future.
pub(crate) fn sf(id: u64) -> i64 {
    id as i64
}

pub(crate) fn parse_enum<T: FromStr>(what: &str, s: &str) -> Result<T> {
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("{what} {s:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_forms_map_to_paths() {
        assert_eq!(file_path("sqlite://data/x.db"), PathBuf::from("data/x.db"));
        assert_eq!(file_path("sqlite:///var/x.db"), PathBuf::from("/var/x.db"));
        assert_eq!(file_path("sqlite:x.db?mode=rwc"), PathBuf::from("x.db"));
        assert_eq!(file_path("plain.db"), PathBuf::from("plain.db"));
        assert!(is_memory("sqlite::memory:"));
    }

    #[test]
    fn only_sqlite_urls_are_accepted() {
        for ok in [
            "sqlite://data/x.db",
            "SQLITE:x.db",
            "sqlite::memory:",
            "data/sltbot.db",
            "/var/lib/sltbot/sltbot.db",
            "C:\\sltbot\\x.db",
        ] {
            assert!(is_sqlite_url(ok), "{ok}");
        }
        for bad in [
            "postgres://u:p@host/db",
            "postgresql://host/db",
            "mysql://host/db",
            "mariadb:db",
            "file:x.db",
            "",
        ] {
            assert!(!is_sqlite_url(bad), "{bad}");
        }
    }
}
