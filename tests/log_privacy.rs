//! Logs never hold what a user typed: a refused command is logged by its error kind only,
//! at every level. (Its own binary, as it installs the process-wide log subscriber.)

mod support;

use sltbot::service::Command;
use support::env::*;

fn agenda_add(title: &str) -> Command {
    agenda_add_to("Koordineringsgruppa", title)
}

#[tokio::test]
async fn refused_commands_log_no_user_text_at_any_level() {
    use std::sync::{Arc, Mutex};
    #[derive(Clone, Default)]
    struct Capture(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Capture {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    // The only test in this binary, so a global subscriber sees every thread's events.
    tracing::subscriber::set_global_default(subscriber).expect("first subscriber");
    let env = Env::new().await.with_groups().await;
    let secret = "01010012356";
    let commands = [
        Command::MeetingSchedule {
            group: "Koordineringsgruppa".into(),
            cadence: format!("hver uke {secret}").as_str().into(),
            skip_holidays: None,
            rule: None,
        },
        Command::AgendaList {
            group: format!("Gruppe {secret}").as_str().into(),
            meeting: None,
        },
        agenda_add(&format!("Gjelder {secret}")),
        meeting_add_to("Koordineringsgruppa", &format!("{secret} kl. 09.00")),
    ];
    for cmd in commands {
        let r = env.run(&coordinator(), cmd).await;
        assert!(r.outcome.is_err());
    }
    let log = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("refused"), "the refusals are logged: {log}");
    assert!(log.contains("invalid_cadence"), "{log}");
    assert!(!log.contains("12356") && !log.contains("hver uke"), "{log}");
}
