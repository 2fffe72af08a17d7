//! Is the scheduler that holds a claim still alive? Each scheduler holds an exclusive
//! `flock(2)` on a file named after its claim token, in a folder next to the database
//! (`sltbot.db-runs/<token>.lock`). The kernel drops the lock the instant the process dies
//! — SIGKILL and power cuts included — so another scheduler that can take the lock knows
//! the owner is gone and takes its claims back at once, instead of waiting out a lease.
//!
//! The lock file appears under its final name only once locked (created under a temporary
//! name, locked, then renamed), so "the file exists and cannot be locked" always means a
//! live owner. A missing file means the owner is gone (its successor cleaned up). Without
//! `flock` (not unix) or without a database file (in memory), every owner counts as
//! [`Owner::Unknown`] and only the lease decides.

use std::path::{Path, PathBuf};

/// What is known about a claim's owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Alive,
    Dead,
    Unknown,
}

/// This scheduler's lock, held for its lifetime (released on drop or death).
#[derive(Debug)]
pub struct RunLock {
    dir: Option<PathBuf>,
    /// Keeps the lock; `None` when locking is unavailable.
    _file: Option<std::fs::File>,
    path: Option<PathBuf>,
}

impl RunLock {
    /// Lock `token` in the folder next to `db` (`None`: no liveness, leases only).
    pub fn acquire(db: Option<&Path>, token: &str) -> RunLock {
        let unavailable = RunLock {
            dir: None,
            _file: None,
            path: None,
        };
        let Some(db) = db else { return unavailable };
        if !valid_token(token) {
            return unavailable;
        }
        let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push("-runs");
        let dir = db.with_file_name(name);
        match imp::lock_new(&dir, token) {
            Ok((file, path)) => RunLock {
                dir: Some(dir),
                _file: Some(file),
                path: Some(path),
            },
            Err(e) => {
                tracing::warn!(error = %e, "no liveness lock; crashed claims wait for the lease");
                unavailable
            }
        }
    }

    /// Whether the scheduler with `token` is alive. Never [`Owner::Dead`] for a token this
    /// process cannot check.
    pub fn owner(&self, token: &str) -> Owner {
        let Some(dir) = &self.dir else {
            return Owner::Unknown;
        };
        if !valid_token(token) {
            return Owner::Unknown;
        }
        imp::probe(&dir.join(format!("{token}.lock")))
    }
}

impl Drop for RunLock {
    fn drop(&mut self) {
        // A clean stop removes its file; after a crash the next scheduler does.
        if let Some(p) = &self.path {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Tokens are 16 lower-case hex digits (see `new_token`): safe as a file name.
fn valid_token(token: &str) -> bool {
    token.len() == 16 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(unix)]
mod imp {
    use super::Owner;
    use std::os::unix::io::AsRawFd;
    use std::path::{Path, PathBuf};

    fn try_lock(file: &std::fs::File) -> bool {
        // SAFETY: flock on a valid, open descriptor owned by `file`.
        unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) == 0 }
    }

    pub fn lock_new(dir: &Path, token: &str) -> std::io::Result<(std::fs::File, PathBuf)> {
        std::fs::create_dir_all(dir)?;
        let tmp = dir.join(format!(".{token}.tmp"));
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .open(&tmp)?;
        if !try_lock(&file) {
            return Err(std::io::Error::other("cannot lock a fresh file"));
        }
        let path = dir.join(format!("{token}.lock"));
        std::fs::rename(&tmp, &path)?;
        Ok((file, path))
    }

    pub fn probe(path: &Path) -> Owner {
        let file = match std::fs::OpenOptions::new().write(true).open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Owner::Dead,
            Err(_) => return Owner::Unknown,
        };
        if try_lock(&file) {
            // Its owner is gone; clean up while holding the lock.
            let _ = std::fs::remove_file(path);
            Owner::Dead
        } else {
            Owner::Alive
        }
    }
}

#[cfg(not(unix))]
mod imp {
    use super::Owner;
    use std::path::{Path, PathBuf};

    pub fn lock_new(_dir: &Path, _token: &str) -> std::io::Result<(std::fs::File, PathBuf)> {
        Err(std::io::Error::other("flock is unix-only"))
    }

    pub fn probe(_path: &Path) -> Owner {
        Owner::Unknown
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_live_owner_is_alive_and_a_dropped_one_is_dead_at_once() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("sltbot.db");
        let a = RunLock::acquire(Some(&db), "00000000000000aa");
        let b = RunLock::acquire(Some(&db), "00000000000000bb");
        assert_eq!(b.owner("00000000000000aa"), Owner::Alive);
        drop(a);
        assert_eq!(b.owner("00000000000000aa"), Owner::Dead);
        assert_eq!(b.owner("00000000000000cc"), Owner::Dead, "never seen: gone");
        assert_eq!(b.owner("old"), Owner::Unknown, "not a token we can check");
        let mem = RunLock::acquire(None, "00000000000000dd");
        assert_eq!(mem.owner("00000000000000bb"), Owner::Unknown);
    }

    #[test]
    fn a_lock_left_behind_by_a_dead_process_is_seen_as_dead_and_cleaned_up() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("sltbot.db");
        let runs = dir.path().join("sltbot.db-runs");
        std::fs::create_dir_all(&runs).expect("runs dir");
        // What a killed process leaves: the file, no lock.
        std::fs::write(runs.join("00000000000000ee.lock"), b"").expect("file");
        let me = RunLock::acquire(Some(&db), "00000000000000ff");
        assert_eq!(me.owner("00000000000000ee"), Owner::Dead);
        assert!(!runs.join("00000000000000ee.lock").exists());
    }
}
