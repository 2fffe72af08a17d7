//! Logs fit a service manager (issue 13, item 8): the built binary, its standard error a
//! pipe, writes no colour codes; with `log.format = "json"` every line is one JSON object.
//! The run fails fast on purpose: the REST base URL points at a closed port.

use std::process::Command;

fn run_failing(format: Option<&str>) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    // A port nothing listens on: bind, note it, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sltbot"));
    cmd.arg("run")
        .current_dir(dir.path())
        .env("DISCORD_TOKEN", "fake.bot.token")
        .env("SLTBOT_CONFIG", dir.path().join("none.toml"))
        .env(
            "SLTBOT_DATABASE__URL",
            format!("sqlite://{}", dir.path().join("sltbot.db").display()),
        )
        .env(
            "SLTBOT_DISCORD__API_URL",
            format!("http://127.0.0.1:{port}"),
        )
        .env_remove("RUST_LOG");
    if let Some(f) = format {
        cmd.env("SLTBOT_LOG__FORMAT", f);
    }
    let out = cmd.output().expect("the binary runs");
    assert!(!out.status.success(), "cannot connect, so it fails");
    String::from_utf8(out.stderr).expect("utf-8")
}

#[test]
fn text_logs_into_a_pipe_have_no_colour_codes() {
    let err = run_failing(None);
    assert!(err.contains("database ready"), "{err}");
    assert!(err.contains("could not connect to Discord"), "{err}");
    assert!(!err.contains('\u{1b}'), "escape codes in {err:?}");
}

#[test]
fn json_logs_are_one_object_a_line() {
    let err = run_failing(Some("json"));
    let lines: Vec<serde_json::Value> = err
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l["level"] == "INFO" && l["message"] == "database ready"),
        "{err}"
    );
    assert!(
        lines.iter().any(|l| l["level"] == "ERROR"
            && l["message"] == "could not connect to Discord or register commands"),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'));
}
