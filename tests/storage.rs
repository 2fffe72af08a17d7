//! Storage hardening (issue 14): deletion that deletes (raw bytes of the database and its
//! WAL), ids never reused, private file modes, non-SQLite URLs refused, backups taken during
//! a write burst and restored.

mod support;

use chrono::Duration;
use sltbot::domain::{ActionId, AgendaItemId, GroupId, UserId};
use sltbot::service::{Command, Reply, RetentionPolicy, ServiceError};
use sltbot::store::{backup, Store, StoreError, StoreOptions};
use std::path::{Path, PathBuf};
use support::env::*;

fn db_path(env: &Env) -> PathBuf {
    env.dir.path().join("sltbot.db")
}

/// The database file and its `-wal`, as they are on disk now.
fn raw_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).expect("read the database file");
    let wal = sltbot::store::files::sidecar(db, "-wal");
    if let Ok(w) = std::fs::read(wal) {
        bytes.extend_from_slice(&w);
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Texts that only the deleted group holds, each distinctive.
const SECRETS: [&str; 8] = [
    "Qzgruppe Hemmelig",
    "Qzmote januar",
    "Qzsted Rommet",
    "Qzsak om klubben",
    "Qzdetaljer linje",
    "Qzsak omskrevet",
    "Qztiltak kartlegge",
    "Qznotat fremdrift",
];

async fn secret_group(env: &Env) {
    env.ok(
        &admin(),
        group_create(SECRETS[0], "annet", 300, COORD_ROLE, MEMBER_ROLE),
    )
    .await;
    env.ok(
        &coordinator(),
        Command::MeetingAdd {
            group: SECRETS[0].into(),
            at: "12.01.2027 09:00".into(),
            title: Some(SECRETS[1].into()),
            location: Some(SECRETS[2].into()),
        },
    )
    .await;
    env.ok(
        &member(),
        Command::AgendaAdd {
            group: SECRETS[0].into(),
            title: SECRETS[3].into(),
            details: Some(SECRETS[4].into()),
            meeting: None,
        },
    )
    .await;
    // An edit: the audit trail holds the before and after text.
    env.ok(
        &member(),
        Command::AgendaEdit {
            id: AgendaItemId(1),
            title: Some(SECRETS[5].into()),
            details: None,
            status: None,
            version: None,
        },
    )
    .await;
    env.ok(
        &coordinator(),
        Command::ActionAdd {
            group: SECRETS[0].into(),
            title: SECRETS[6].into(),
            owner: UserId(MEMBER),
            agency: Some("NAV".into()),
            due: Some("01.03.2027".into()),
            case: None,
        },
    )
    .await;
    env.ok(
        &member(),
        Command::ActionUpdate {
            id: ActionId(1),
            status: Some(sltbot::domain::ActionStatus::InProgress),
            note: Some(SECRETS[7].into()),
        },
    )
    .await;
}

#[tokio::test]
async fn a_deleted_groups_text_is_gone_from_the_database_and_wal_bytes() {
    let env = Env::new().await;
    secret_group(&env).await;
    let before = raw_bytes(&db_path(&env));
    for s in SECRETS {
        assert!(contains(&before, s), "{s} is stored before the deletion");
    }
    env.ok(
        &coordinator(),
        Command::GroupDelete {
            group: SECRETS[0].into(),
            confirm: Some(SECRETS[0].into()),
        },
    )
    .await;
    // The bot is still running (the store open): the bytes on disk are what counts.
    let after = raw_bytes(&db_path(&env));
    for s in SECRETS {
        assert!(
            !contains(&after, s),
            "{s} is still in the database file or WAL"
        );
    }
    // The trail keeps that it happened, and counts.
    let rows: Vec<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT action, before, after FROM audit_log WHERE group_id = 1 ORDER BY id",
    )
    .fetch_all(env.service.store().pool())
    .await
    .unwrap();
    let (last, before_json, after_json) = rows.last().expect("a delete row").clone();
    assert_eq!(last, "group.delete");
    assert_eq!(
        before_json, None,
        "no name or settings of the deleted group"
    );
    assert!(after_json.unwrap().contains("\"agenda_items\":1"));
    assert!(rows[..rows.len() - 1]
        .iter()
        .all(|(_, b, a)| b.is_none() && a.is_none()));
}

#[tokio::test]
async fn text_deleted_by_the_retention_job_is_gone_from_the_bytes() {
    let env = Env::new().await.with_groups().await;
    env.ok(
        &member(),
        Command::AgendaAdd {
            group: "Koordineringsgruppa".into(),
            title: "Qzgammel sak".into(),
            details: Some("Qzgamle detaljer".into()),
            meeting: None,
        },
    )
    .await;
    env.ok(
        &coordinator(),
        Command::AgendaEdit {
            id: AgendaItemId(1),
            title: None,
            details: None,
            status: Some(sltbot::domain::AgendaStatus::Handled),
            version: None,
        },
    )
    .await;
    assert!(contains(&raw_bytes(&db_path(&env)), "Qzgammel sak"));
    env.clock.advance(Duration::days(400));
    let purged = env.service.purge(RetentionPolicy::default()).await.unwrap();
    assert_eq!(purged.agenda_items, 1);
    let after = raw_bytes(&db_path(&env));
    assert!(!contains(&after, "Qzgammel sak"));
    assert!(!contains(&after, "Qzgamle detaljer"));
}

#[tokio::test]
async fn ids_are_never_reused_and_a_new_groups_audit_shows_no_old_history() {
    let env = Env::new().await;
    secret_group(&env).await;
    env.ok(
        &coordinator(),
        Command::GroupDelete {
            group: SECRETS[0].into(),
            confirm: Some(SECRETS[0].into()),
        },
    )
    .await;
    // The same name again: a new group, a new id, its own history only.
    env.ok(
        &admin(),
        group_create(SECRETS[0], "annet", 300, COORD_ROLE, MEMBER_ROLE),
    )
    .await;
    let r = env
        .run(
            &coordinator(),
            Command::Audit {
                group: SECRETS[0].into(),
            },
        )
        .await;
    let Ok(Reply::Audit { group, entries }) = &r.outcome else {
        panic!("{:?}", r.outcome)
    };
    assert_eq!(group.id, GroupId(2), "not the deleted group's id 1");
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["group.create"]);

    env.ok(
        &coordinator(),
        meeting_add_to(SECRETS[0], "12.01.2027 09:00"),
    )
    .await;
    env.ok(&member(), agenda_add_to(SECRETS[0], "Ny sak")).await;
    env.ok(
        &coordinator(),
        Command::ActionAdd {
            group: SECRETS[0].into(),
            title: "Nytt tiltak".into(),
            owner: UserId(MEMBER),
            agency: None,
            due: None,
            case: None,
        },
    )
    .await;
    // Item 1 and action 1 were the deleted group's: they stay unknown.
    let old_item = Command::AgendaEdit {
        id: AgendaItemId(1),
        title: Some("Kapret".into()),
        details: None,
        status: None,
        version: None,
    };
    let r = env.run(&coordinator(), old_item).await;
    assert!(
        matches!(r.outcome, Err(ServiceError::UnknownAgendaItem { .. })),
        "{:?}",
        r.outcome
    );
    let r = env
        .run(&coordinator(), Command::ActionShow { id: ActionId(1) })
        .await;
    assert!(
        matches!(r.outcome, Err(ServiceError::UnknownAction { .. })),
        "{:?}",
        r.outcome
    );
    let r = env
        .run(&coordinator(), Command::ActionShow { id: ActionId(2) })
        .await;
    assert!(r.outcome.is_ok(), "the new action is 2: {:?}", r.outcome);
    // The sequence remembers the highest id ever handed out.
    let ids: Vec<(String, i64)> = sqlx::query_as("SELECT name, seq FROM sqlite_sequence")
        .fetch_all(env.service.store().pool())
        .await
        .unwrap();
    assert!(ids.contains(&("agenda_items".into(), 2)), "{ids:?}");
}

/// A database made by the two migrations before ids became AUTOINCREMENT, with data whose
/// highest group was already deleted (only the audit trail remembers it).
#[tokio::test]
async fn the_rebuild_migration_keeps_every_row_and_reference_and_remembers_deleted_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let old = sqlx::migrate::Migrator {
            migrations: std::borrow::Cow::Owned(sltbot::store::MIGRATOR.migrations[..2].to_vec()),
            ..sqlx::migrate::Migrator::DEFAULT
        };
        let opts = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .foreign_keys(true);
        let pool = sqlx::SqlitePool::connect_with(opts).await.unwrap();
        old.run(&pool).await.unwrap();
        for sql in [
            "INSERT INTO workspaces (id, timezone, language, created_at, updated_at) VALUES (900, 'Europe/Oslo', 'nb', 0, 0)",
            "INSERT INTO groups (id, workspace_id, name, name_key, level, created_at, updated_at, reminder_leads) VALUES (1, 900, 'A', 'a', 'annet', 0, 0, '60')",
            "INSERT INTO meetings (id, group_id, starts_at, created_by, created_at, updated_at) VALUES (1, 1, 100, 1, 0, 0)",
            "INSERT INTO agenda_items (id, group_id, meeting_id, title, submitter, position, status, created_at, updated_at) VALUES (1, 1, 1, 'Sak', 1, 1, 'proposed', 0, 0)",
            "INSERT INTO actions (id, group_id, title, owner, status, created_by, created_at, updated_at) VALUES (1, 1, 'Tiltak', 1, 'open', 1, 0, 0)",
            "INSERT INTO action_updates (id, action_id, actor, at, note) VALUES (1, 1, 1, 0, 'Notat')",
            "INSERT INTO notifications (key, kind, workspace_id, group_id, meeting_id, planned_at, due_at, created_at) VALUES ('reminder:1:60', 'reminder', 900, 1, 1, 40, 40, 0)",
            "INSERT INTO audit_log (workspace_id, group_id, actor, action, entity, entity_id, at) VALUES (900, 5, 1, 'group.delete', 'group', 5, 0)",
        ] {
            sqlx::query(sql).execute(&pool).await.unwrap();
        }
        pool.close().await;
    }
    let url = format!("sqlite://{}", path.display());
    let store = Store::open(&url, &StoreOptions::default()).await.unwrap();
    let pool = store.pool();
    for (sql, n) in [
        ("SELECT COUNT(*) FROM groups WHERE reminder_leads = '60'", 1),
        ("SELECT COUNT(*) FROM meetings", 1),
        ("SELECT COUNT(*) FROM agenda_items WHERE meeting_id = 1", 1),
        ("SELECT COUNT(*) FROM actions", 1),
        (
            "SELECT COUNT(*) FROM action_updates WHERE note = 'Notat'",
            1,
        ),
        ("SELECT COUNT(*) FROM notifications WHERE meeting_id = 1", 1),
        ("SELECT COUNT(*) FROM audit_log", 1),
        ("SELECT COUNT(*) FROM pragma_foreign_key_check", 0),
        ("SELECT foreign_keys FROM pragma_foreign_keys", 1),
        // The rebuild's three, and the meeting number's from the record's migration.
        (
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'meetings_%'",
            4,
        ),
    ] {
        let got: i64 = sqlx::query_scalar(sql).fetch_one(pool).await.unwrap();
        assert_eq!(got, n, "{sql}");
    }
    // Foreign keys are on again and cascade through the rebuilt tables.
    sqlx::query("DELETE FROM groups WHERE id = 1")
        .execute(pool)
        .await
        .unwrap();
    for t in [
        "meetings",
        "agenda_items",
        "actions",
        "action_updates",
        "notifications",
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {t}"))
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(n, 0, "{t} cascaded");
    }
    // Group 5 was deleted before the migration: the next group is 6, not 1 or 5.
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO groups (workspace_id, name, name_key, level, created_at, updated_at)
         VALUES (900, 'B', 'b', 'annet', 0, 0) RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(id, 6);
    store.close().await;
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_its_wal_and_shm_are_0600_in_a_0700_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/sub/sltbot.db");
    let url = format!("sqlite://{}", db.display());
    let store = Store::open(&url, &StoreOptions::default()).await.unwrap();
    sqlx::query("INSERT INTO workspaces (id, timezone, language, created_at, updated_at) VALUES (1, 'Europe/Oslo', 'nb', 0, 0)")
        .execute(store.pool())
        .await
        .unwrap();
    assert_eq!(mode(&dir.path().join("data")), 0o700);
    assert_eq!(mode(&dir.path().join("data/sub")), 0o700);
    for f in ["sltbot.db", "sltbot.db-wal", "sltbot.db-shm"] {
        assert_eq!(mode(&dir.path().join("data/sub").join(f)), 0o600, "{f}");
    }
    store.close().await;
    // An existing database made world-readable by an older version is tightened on open.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let store = Store::open(&url, &StoreOptions::default()).await.unwrap();
    assert_eq!(mode(&db), 0o600);
    store.close().await;
}

#[cfg(unix)]
#[tokio::test]
async fn console_exports_are_written_0600_in_a_0700_folder() {
    let env = Env::new().await.with_groups().await;
    let exports = env.dir.path().join("exports");
    let session = sltbot::console::Session {
        service: env.service.clone(),
        actor: coordinator(),
        workspace: WS,
        lang: sltbot::domain::Lang::Nb,
        export_dir: exports.clone(),
    };
    let (ok, text) = session
        .line("/group export group:Koordineringsgruppa")
        .await
        .expect("a reply");
    assert!(ok, "{text}");
    assert_eq!(mode(&exports), 0o700);
    let files: Vec<_> = std::fs::read_dir(&exports).unwrap().collect();
    assert_eq!(files.len(), 2);
    for f in files {
        assert_eq!(mode(&f.unwrap().path()), 0o600);
    }
}

fn sltbot_cmd(dir: &Path, args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_sltbot"));
    c.args(args)
        .current_dir(dir)
        .env_remove("DISCORD_TOKEN")
        .env_remove("SLTBOT_CONFIG")
        .env_remove("SLTBOT_DATABASE__URL")
        .env("RUST_LOG", "warn")
        .stdin(std::process::Stdio::null());
    c
}

#[test]
fn a_non_sqlite_database_url_is_refused_with_exit_2_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = sltbot_cmd(
        dir.path(),
        &[
            "console",
            "--user",
            "1",
            "--db",
            "postgres://sltbot:hemmelig@db/sltbot",
        ],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sltbot lagrer bare i SQLite"), "{err}");
    assert!(
        !err.contains("hemmelig"),
        "the URL (and its password) is not echoed"
    );
    // From the configuration too, and for `backup`.
    let out = sltbot_cmd(dir.path(), &["backup", "--out", "x.db"])
        .env("SLTBOT_DATABASE__URL", "mysql://db/sltbot")
        .env("SLTBOT_DEFAULTS__LANGUAGE", "nn")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sltbot lagrar berre i SQLite"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "nothing created: {left:?}");
}

/// Many concurrent submissions through the service while another store (another
/// connection pool, as `sltbot backup` would open) takes a backup: every submission
/// acknowledged before the backup began is in the restored copy.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_during_a_write_burst_restores_every_acknowledged_row() {
    let env = Env::new().await.with_groups().await;
    // One meeting per writer, so no meeting reaches its limit of open items.
    const WRITERS: usize = 8;
    const EACH: usize = 40;
    for day in 0..WRITERS {
        env.ok(
            &coordinator(),
            meeting_add_to(
                "Koordineringsgruppa",
                &format!("{:02}.01.2027 09:00", 11 + day),
            ),
        )
        .await;
    }
    let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let service = env.service.clone();
            let acked = acked.clone();
            tokio::spawn(async move {
                for n in 0..EACH {
                    let title = format!("Burst {w}-{n}");
                    let cmd = Command::AgendaAdd {
                        group: "Koordineringsgruppa".into(),
                        title: title.clone(),
                        details: None,
                        meeting: Some(sltbot::domain::MeetingId(w as i64 + 1)),
                    };
                    let r = service.execute(&member(), WS, cmd).await;
                    assert!(r.outcome.is_ok(), "{:?}", r.outcome);
                    acked.lock().unwrap().push(title);
                }
            })
        })
        .collect();
    // Let the burst get going, then note what was acknowledged and back up from a
    // second store on the same file.
    while acked.lock().unwrap().len() < 60 {
        tokio::task::yield_now().await;
    }
    let before: Vec<String> = acked.lock().unwrap().clone();
    let other = Store::open(&env.url(), &StoreOptions::default())
        .await
        .unwrap();
    let out = env.dir.path().join("backups/during-burst.db");
    let info = backup::backup_to(&other, &out).await.unwrap();
    assert!(info.bytes > 0);
    for w in writers {
        w.await.unwrap();
    }
    other.close().await;
    let total = acked.lock().unwrap().len();
    assert_eq!(total, WRITERS * EACH);
    assert!(
        before.len() < total,
        "the backup ran while writes went on ({} of {total} before it)",
        before.len()
    );
    #[cfg(unix)]
    {
        assert_eq!(mode(&out), 0o600);
        assert_eq!(mode(&env.dir.path().join("backups")), 0o700);
    }
    // A backup file is never overwritten.
    assert!(backup::backup_to(&env.service.store().clone(), &out)
        .await
        .is_err());

    let target = env.dir.path().join("restored/sltbot.db");
    backup::restore(&out, &target).await.unwrap();
    let restored = Store::open(
        &format!("sqlite://{}", target.display()),
        &StoreOptions::default(),
    )
    .await
    .unwrap();
    let titles: Vec<String> = sqlx::query_scalar("SELECT title FROM agenda_items")
        .fetch_all(restored.pool())
        .await
        .unwrap();
    for t in &before {
        assert!(titles.contains(t), "{t} was acknowledged before the backup");
    }
    let groups: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM groups")
        .fetch_one(restored.pool())
        .await
        .unwrap();
    assert_eq!(groups, 2);
    restored.close().await;
}

#[tokio::test]
async fn restore_refuses_a_database_in_use_and_changes_nothing() {
    let env = Env::new().await.with_groups().await;
    let out = env.dir.path().join("b.db");
    backup::backup_to(env.service.store(), &out).await.unwrap();
    // Another database, open (a running bot): the restore is refused.
    let busy = tempfile::tempdir().unwrap();
    let busy_db = busy.path().join("live.db");
    let live = Store::open(
        &format!("sqlite://{}", busy_db.display()),
        &StoreOptions::default(),
    )
    .await
    .unwrap();
    let err = backup::restore(&out, &busy_db).await.unwrap_err();
    assert!(matches!(err, StoreError::Locked), "{err:?}");
    let groups: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM groups")
        .fetch_one(live.pool())
        .await
        .unwrap();
    assert_eq!(groups, 0, "unchanged");
    live.close().await;
    // Stopped: the restore goes through, replacing what was there.
    backup::restore(&out, &busy_db).await.unwrap();
    let live = Store::open(
        &format!("sqlite://{}", busy_db.display()),
        &StoreOptions::default(),
    )
    .await
    .unwrap();
    let groups: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM groups")
        .fetch_one(live.pool())
        .await
        .unwrap();
    assert_eq!(groups, 2);
    live.close().await;
    // Not a database: refused, nothing changed.
    let junk = env.dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database").unwrap();
    assert!(backup::restore(&junk, &busy_db).await.is_err());
}

#[tokio::test]
async fn the_daily_backup_keeps_the_newest_and_leaves_other_files_alone() {
    let env = Env::new().await.with_groups().await;
    let dir = env.dir.path().join("daily");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), b"keep me").unwrap();
    let mut now = t0();
    for _ in 0..5 {
        backup::scheduled(env.service.store(), &dir, 3, now)
            .await
            .unwrap();
        now += Duration::days(1);
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "notes.txt",
            "sltbot-20261203-090000.db",
            "sltbot-20261204-090000.db",
            "sltbot-20261205-090000.db"
        ]
    );
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let script = "/group create name:\"Koordineringsgruppa\" level:koordinerende\n";
    let mut child = sltbot_cmd(
        dir.path(),
        &[
            "console",
            "--db",
            "sqlite://data/sltbot.db",
            "--user",
            "1",
            "--admin",
        ],
    )
    .stdin(std::process::Stdio::piped())
    .stdout(std::process::Stdio::piped())
    .spawn()
    .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    let out = sltbot_cmd(
        dir.path(),
        &[
            "backup",
            "--db",
            "sqlite://data/sltbot.db",
            "--out",
            "copy.db",
        ],
    )
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Sikkerhetskopi skrevet til copy.db"));
    // Never over an existing file; a missing backup is named.
    let again = sltbot_cmd(
        dir.path(),
        &[
            "backup",
            "--db",
            "sqlite://data/sltbot.db",
            "--out",
            "copy.db",
        ],
    )
    .output()
    .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("copy.db finnes allerede"));
    let missing = sltbot_cmd(dir.path(), &["restore", "--from", "nope.db"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Fant ingen fil nope.db"));
    let out = sltbot_cmd(
        dir.path(),
        &[
            "restore",
            "--db",
            "sqlite://elsewhere/sltbot.db",
            "--from",
            "copy.db",
        ],
    )
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = sltbot_cmd(
        dir.path(),
        &[
            "console",
            "--db",
            "sqlite://elsewhere/sltbot.db",
            "--user",
            "1",
            "--admin",
        ],
    )
    .stdin(std::process::Stdio::piped())
    .stdout(std::process::Stdio::piped())
    .spawn()
    .unwrap();
    let mut child = out;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"/group list\n")
        .unwrap();
    let listed = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Koordineringsgruppa"));
}

/// The digest channel is read by the whole server: titles leave the store only for groups
/// whose coordinators turned them on.
#[tokio::test]
async fn the_digest_gets_titles_only_from_groups_whose_coordinators_allow_it() {
    let env = Env::new().await.with_groups().await;
    env.ok(
        &member(),
        agenda_add_to("Koordineringsgruppa", "Uro ved klubben"),
    )
    .await;
    env.ok(&other_member(), agenda_add_to("Styringsgruppa", "Budsjett"))
        .await;
    let since = t0() - Duration::days(1);
    let titles = |env: &Env| {
        let store = env.service.store().clone();
        async move {
            let mut conn = store.conn().await.unwrap();
            sltbot::store::digest::items_since(&mut conn, WS, since)
                .await
                .unwrap()
                .into_iter()
                .map(|l| (l.group_name, l.title))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        titles(&env).await,
        [
            ("Koordineringsgruppa".to_string(), None),
            ("Styringsgruppa".to_string(), None)
        ]
    );
    // A member may not turn it on; the group's coordinator may.
    let r = env
        .service
        .execute(
            &member(),
            WS,
            Command::GroupDigest {
                group: "Koordineringsgruppa".into(),
                titles: true,
            },
        )
        .await;
    assert!(
        matches!(r.outcome, Err(ServiceError::Forbidden(_))),
        "{:?}",
        r.outcome
    );
    let r = env
        .service
        .execute(
            &coordinator(),
            WS,
            Command::GroupDigest {
                group: "Koordineringsgruppa".into(),
                titles: true,
            },
        )
        .await;
    let Ok(Reply::GroupEdited(g)) = &r.outcome else {
        panic!("{:?}", r.outcome)
    };
    assert!(g.digest_titles);
    assert_eq!(
        titles(&env).await,
        [
            (
                "Koordineringsgruppa".to_string(),
                Some("Uro ved klubben".to_string())
            ),
            ("Styringsgruppa".to_string(), None)
        ]
    );
    // Audited, and an ordinary edit keeps the setting.
    let r = env
        .run(
            &coordinator(),
            Command::Audit {
                group: "Koordineringsgruppa".into(),
            },
        )
        .await;
    let Ok(Reply::Audit { entries, .. }) = &r.outcome else {
        panic!("{:?}", r.outcome)
    };
    assert_eq!(entries[0].action, "group.digest");
    let r = env
        .service
        .execute(
            &coordinator(),
            WS,
            Command::GroupDigest {
                group: "Koordineringsgruppa".into(),
                titles: true,
            },
        )
        .await;
    assert!(matches!(r.outcome, Err(ServiceError::NothingToChange)));
}
