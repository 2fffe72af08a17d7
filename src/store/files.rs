//! Private files: the database (and SQLite's `-wal`/`-shm` beside it, which SQLite creates
//! with the database file's mode), backups and exports are created readable by their
//! owner only (0600), and folders sltbot creates for them 0700. On other systems than
//! unix the operating system's defaults apply.

use std::io;
use std::path::Path;

/// Create `dir` and any missing parents, each new folder 0700. Folders that already exist
/// are left as they are (it may be a shared one such as `/var/lib`).
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Open `path` for writing, creating it 0600 if missing and truncating it.
pub fn create_private_file(path: &Path) -> io::Result<std::fs::File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let file = opts.open(path)?;
    restrict(path)?;
    Ok(file)
}

/// Write `bytes` to `path` (replacing it), readable by the owner only.
pub fn write_private(path: &Path, bytes: impl AsRef<[u8]>) -> io::Result<()> {
    use std::io::Write;
    let mut f = create_private_file(path)?;
    f.write_all(bytes.as_ref())?;
    f.sync_all()
}

/// Make an existing file readable by its owner only (0600).
pub fn restrict(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path)?;
        if meta.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Before SQLite opens the database at `path`: its folder exists (new folders 0700), the
/// file exists and is 0600 (created empty if missing; SQLite then gives `-wal` and `-shm`
/// the same mode), and an existing `-wal`/`-shm` is tightened too.
pub fn prepare_database_file(path: &Path) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        create_private_dir_all(dir)?;
    }
    if !path.exists() {
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        match opts.open(path) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    restrict(path)?;
    for suffix in ["-wal", "-shm"] {
        let side = sidecar(path, suffix);
        if side.exists() {
            restrict(&side)?;
        }
    }
    Ok(())
}

/// `path` with `suffix` appended to its file name (`x.db` → `x.db-wal`).
pub fn sidecar(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_folders_are_0700_and_files_0600() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_private_dir_all(&dir).unwrap();
        assert_eq!(mode(&tmp.path().join("a")), 0o700);
        assert_eq!(mode(&dir), 0o700);
        let f = dir.join("x.json");
        write_private(&f, "{}").unwrap();
        assert_eq!(mode(&f), 0o600);
        // An existing, world-readable file is tightened when rewritten.
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&f, "{}").unwrap();
        assert_eq!(mode(&f), 0o600);
        // An existing folder is left alone.
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        create_private_dir_all(tmp.path()).unwrap();
        assert_eq!(mode(tmp.path()), 0o755);
    }
}
