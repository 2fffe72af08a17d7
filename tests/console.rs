//! End-to-end: the real `sltbot` binary, scripted through its console, on a real SQLite
//! file — including a restart on the same file.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-12-01T09:00:00Z";

fn sltbot(dir: &std::path::Path, args: &[&str], input: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sltbot"))
        .args(args)
        .current_dir(dir)
        .env_remove("DISCORD_TOKEN")
        .env_remove("SLTBOT_CONFIG")
        .env_remove("SLTBOT_DATABASE__URL")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sltbot");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_ref())
        .expect("write script");
    child.wait_with_output().expect("wait for sltbot")
}

fn console(dir: &std::path::Path, db: &str, who: &[&str], script: &str) -> (String, String, i32) {
    let mut args = vec!["console", "--db", db, "--now", NOW];
    args.extend_from_slice(who);
    let out = sltbot(dir, &args, script);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

const SETUP: &str = r#"
# Set up a group and a meeting, as the SLT-koordinator (an admin here).
/group create name:"Koordineringsgruppa" level:koordinerende channel:100 coordinator_role:10 member_role:11
/meeting add group:Koordineringsgruppa at:"12.01.2027 kl. 09.00" title:"Januarmøte"
/action add group:Koordineringsgruppa title:"Kartlegge fritidstilbud" owner:<@42> due:28.02.2027 agency:Kulturetaten
"#;

const MEMBER: &str = r#"
/agenda add group:"Koordineringsgruppa" title:"Uro ved ungdomsklubben" details:"Meldt fra skolen"
/agenda add group:“Koordineringsgruppa” title:“Rusfritt sommertilbud”
/action update id:1 status:pågår note:"Første møte holdt"
"#;

#[test]
fn a_scenario_persists_across_a_restart_on_the_same_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("data/sltbot.db").display());

    let (out, err, code) = console(dir.path(), &db, &["--user", "1", "--admin"], SETUP);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Gruppa Koordineringsgruppa er opprettet."),
        "{out}"
    );
    assert!(out.contains("tirsdag 12.01.2027 kl. 09.00"), "{out}");
    assert!(out.contains("Tiltak 1 er registrert"), "{out}");

    // A second process: a member submits items and reports progress.
    let (out, err, code) = console(dir.path(), &db, &["--user", "3", "--roles", "11"], MEMBER);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Saken «Uro ved ungdomsklubben» (sak 1)"),
        "{out}"
    );
    assert!(out.contains("(sak 2)"), "{out}");
    assert!(out.contains("Tiltak 1 er oppdatert."), "{out}");

    // A third process, in nynorsk: everything is still there.
    let (out, err, code) = console(
        dir.path(),
        &db,
        &["--user", "3", "--roles", "11", "--lang", "nn"],
        "/agenda list group:Koordineringsgruppa\n/action show id:1\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Sakliste for Koordineringsgruppa"), "{out}");
    assert!(out.contains("1. Uro ved ungdomsklubben"), "{out}");
    assert!(out.contains("2. Rusfritt sommertilbud"), "{out}");
    assert!(out.contains("pågår — notat 1: Første møte holdt"), "{out}");
    assert!(out.contains("Kulturetaten"), "{out}");
}

#[test]
fn bad_lines_get_clear_messages_and_the_session_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("x.db").display());
    let script = [
        r#"/agenda add group:Koordineringsgruppa title:"Uro ved klubben"#,
        r#"/agenda add group:Koordineringsgruppa title:x colour:red"#,
        r#"/agenda add title:x"#,
        r#"/agenda fly"#,
        r#"/action show id:abc"#,
        r#"/group list"#,
    ]
    .join("\n");
    let (out, err, code) = console(dir.path(), &db, &["--user", "1"], &script);
    assert_eq!(code, 0, "{err}");
    let replies: Vec<&str> = out.trim_end().split("\n\n").collect();
    assert_eq!(replies.len(), 6, "{out}");
    assert!(
        replies[0].starts_with("Anførselstegnet i kolonne"),
        "{}",
        replies[0]
    );
    assert_eq!(
        replies[1],
        "/agenda add har ikke valget «colour». Gyldige valg: group: title: details: meeting:"
    );
    assert_eq!(replies[2], "/agenda add mangler group:");
    assert_eq!(
        replies[3],
        "Ukjent kommando «agenda fly». Skriv /help for en liste."
    );
    assert_eq!(replies[4], "id: må være et helt tall.");
    assert!(
        replies[5].starts_with("Ingen grupper ennå"),
        "{}",
        replies[5]
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn console_errors_never_repeat_an_identity_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("x.db").display());
    // 01010012356 is synthetic with valid check digits.
    let script = [
        "/agenda add x01010012356:",
        "/agenda add group:G title:x g01010012356:1",
        "/agenda list group:\"01/01/00 12356\"",
        "/agenda list group:010100\u{2013}12356",
        "/action add group:G title:x owner:<@1> due:010100\u{2212}12356",
        "/a01010012356",
    ]
    .join("\n");
    let (out, err, code) = console(dir.path(), &db, &["--user", "1", "--admin"], &script);
    assert_eq!(code, 0, "{err}");
    let replies: Vec<&str> = out.trim_end().split("\n\n").collect();
    assert_eq!(replies.len(), 6, "{out}");
    assert!(
        !out.contains("12356") && !err.contains("12356"),
        "{out}{err}"
    );
}

#[test]
fn a_read_only_database_gives_a_clear_error_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.db");
    let db = format!("sqlite://{}", path.display());
    let (_, err, code) = console(dir.path(), &db, &["--user", "1", "--admin"], SETUP);
    assert_eq!(code, 0, "{err}");
    let ro = format!("{db}?mode=ro");
    let (out, err, code) = console(
        dir.path(),
        &ro,
        &["--user", "1", "--admin"],
        "/agenda add group:Koordineringsgruppa title:\"Ny sak\"\n/group list\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Databasen er skrivebeskyttet, så ingenting ble lagret."),
        "{out}"
    );
    assert!(
        out.contains("• Koordineringsgruppa"),
        "reads still work: {out}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_locked_database_gives_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.db");
    let db = format!("sqlite://{}", path.display());
    let (_, err, code) = console(dir.path(), &db, &["--user", "1", "--admin"], SETUP);
    assert_eq!(code, 0, "{err}");

    // Another process holds the write lock for the whole run.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut holder = rt.block_on(async {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&db).await.unwrap();
        sqlx::query("BEGIN EXCLUSIVE")
            .execute(&mut c)
            .await
            .unwrap();
        c
    });
    let mut child = Command::new(env!("CARGO_BIN_EXE_sltbot"))
        .args([
            "console", "--db", &db, "--now", NOW, "--user", "1", "--admin",
        ])
        .current_dir(dir.path())
        .env("SLTBOT_DATABASE__BUSY_TIMEOUT_MS", "200")
        .env("RUST_LOG", "off")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"/agenda add group:Koordineringsgruppa title:x\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        all.contains("Databasen er opptatt") || all.contains("er låst av en annen prosess"),
        "{all}"
    );
    assert!(!all.contains("panicked"), "{all}");
    rt.block_on(async {
        sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
    });
}

#[test]
fn run_without_a_token_explains_how_to_set_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = sltbot(dir.path(), &["run"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("DISCORD_TOKEN"), "{err}");
    assert!(err.contains("sltbot console"), "{err}");
    assert!(
        !dir.path().join("data").exists(),
        "no database is created without a token"
    );
}

fn check_text(args: &[&str], stdin: &str) -> (String, i32) {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec!["check-text"];
    all.extend_from_slice(args);
    let out = sltbot(dir.path(), &all, stdin);
    (
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn check_text_exit_codes_follow_the_contract() {
    // Clean text, and an 11-digit number that fails the checks (a bank account number).
    for clean in ["Uro ved ungdomsklubben", "Konto 12345678903", ""] {
        let (out, code) = check_text(&[clean], "");
        assert_eq!(code, 0, "{clean}: {out}");
    }
    // A valid (synthetic) fødselsnummer and D-nummer, in the written forms users use.
    for (text, kind) in [
        ("Gjelder 01010012356", "fødselsnummer"),
        ("Gjelder 010100 12356", "fødselsnummer"),
        ("Gjelder 010100-12356", "fødselsnummer"),
    ] {
        let (out, code) = check_text(&[text], "");
        assert_eq!(code, 1, "{text}: {out}");
        assert!(out.contains(kind), "{out}");
        assert!(
            !out.contains("12356") && !out.contains("010100"),
            "never echoed: {out}"
        );
    }
    let (out, code) = check_text(&["-"], "Eleven Ola Nordmann i 9B");
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("lagret"), "check-text stores nothing: {out}");
    // Evasions of the written form are refused and never repeated.
    for text in [
        "Gjelder 010100\u{200B}12356",
        "Gjelder 01/01/00 12356",
        "Gjelder ０１０１００１２３５６",
        "https://example.org/?q=fnr%2001010012356",
    ] {
        let (out, code) = check_text(&[text], "");
        assert_eq!(code, 1, "{text}: {out}");
        assert!(!out.contains("12356"), "never echoed: {out}");
    }
    let (_, code) = check_text(&[], "");
    assert_eq!(code, 2, "missing TEXT is a usage error");
    let (_, code) = check_text(&["a", "b"], "");
    assert_eq!(code, 2, "two texts is a usage error");
}

#[test]
fn check_text_from_invalid_utf8_is_a_usage_error_not_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    let out = sltbot(
        dir.path(),
        &["check-text", "-"],
        b"Gjelder \xff\xfe 01010012356",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("UTF-8"), "{stderr}");
    assert!(
        stderr.contains("ikke gyldig"),
        "bokmål by default: {stderr}"
    );
    assert!(!stderr.contains("12356"), "{stderr}");
    assert!(out.stdout.is_empty());
}
