//! `sltbot minutes --meeting ID --format md|pdf --out FILE [--db URL]`: the contract other
//! tools rely on (exit 0 written, 1 no such meeting or nothing recorded, 2 usage).

mod record_commands;
mod support;

use record_commands::{execute_record, RecordCommand};
use sltbot::domain::AgendaItemId;
use std::process::Command as Process;
use support::env::*;

async fn recorded_meeting() -> Env {
    let env = Env::new().await.with_groups().await;
    env.ok(
        &coordinator(),
        meeting_add_to("Koordineringsgruppa", "12.01.2027 09:00"),
    )
    .await;
    env.ok(
        &coordinator(),
        meeting_add_to("Koordineringsgruppa", "19.01.2027 09:00"),
    )
    .await;
    env.ok(
        &member(),
        agenda_add_to("Koordineringsgruppa", "Økt uro ved ungdomsklubben på Ås"),
    )
    .await;
    let r = execute_record(
        &env.service,
        &coordinator(),
        WS,
        RecordCommand::Decide {
            item: AgendaItemId(1),
            decision: Some("Utekontakten får ansvaret for helgevakter.".into()),
            notes: None,
            responsible: None,
            deadline: None,
        },
    )
    .await;
    assert!(r.outcome.is_ok(), "{:?}", r.outcome);
    env
}

fn minutes(env: &Env, meeting: i64, format: &str, out: &std::path::Path) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_sltbot"))
        .args([
            "minutes",
            "--meeting",
            &meeting.to_string(),
            "--format",
            format,
        ])
        .arg("--out")
        .arg(out)
        .args(["--db", &env.url()])
        .env("RUST_LOG", "off")
        .output()
        .expect("run sltbot")
}

#[tokio::test]
async fn minutes_command_writes_markdown_and_pdf_of_a_recorded_meeting() {
    let env = recorded_meeting().await;
    let md = env.dir.path().join("referat.md");
    let out = minutes(&env, 1, "md", &md);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.starts_with("# Referat fra Koordineringsgruppa"),
        "{text}"
    );
    assert!(
        text.contains("### Sak 04/27 Økt uro ved ungdomsklubben på Ås"),
        "{text}"
    );
    assert!(text.contains("**Vedtak:** Utekontakten får ansvaret for helgevakter."));

    let pdf = env.dir.path().join("referat.pdf");
    let out = minutes(&env, 1, "pdf", &pdf);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Økt uro ved ungdomsklubben på Ås"), "{text}");
}

#[tokio::test]
async fn minutes_command_exits_1_for_an_unknown_meeting_or_nothing_recorded() {
    let env = recorded_meeting().await;
    let out_file = env.dir.path().join("x.md");
    let out = minutes(&env, 99, "md", &out_file);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("99"));
    // Meeting 2 has no case and no attendance yet.
    let out = minutes(&env, 2, "md", &out_file);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Ingenting er registrert"),
        "{out:?}"
    );
    assert!(!out_file.exists(), "nothing written");
}

#[tokio::test]
async fn minutes_command_exits_2_on_bad_usage() {
    let env = recorded_meeting().await;
    let out_file = env.dir.path().join("x.txt");
    let out = minutes(&env, 1, "docx", &out_file);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let out = Process::new(env!("CARGO_BIN_EXE_sltbot"))
        .args(["minutes", "--format", "md", "--out"])
        .arg(&out_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(!out_file.exists());
}
