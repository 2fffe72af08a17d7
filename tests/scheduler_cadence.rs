//! Cadences end to end: the CLI contract, a year of an every-4-weeks series across both DST
//! changes, holiday skipping around Easter and 17 May, cancel/move of one occurrence.

mod support;

use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Europe::Oslo;
use std::process::Command;
use support::sched::*;

fn sltbot(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sltbot"))
        .args(args)
        .env_remove("SLTBOT_CONFIG")
        .env("RUST_LOG", "off")
        .output()
        .expect("run sltbot");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn occurrences_cli_prints_rfc3339_lines_across_the_spring_change() {
    let (code, out, _) = sltbot(&[
        "occurrences",
        "--cadence",
        "DTSTART;TZID=Europe/Oslo:20270105T090000 RRULE:FREQ=WEEKLY;INTERVAL=4;BYDAY=TU",
        "--from",
        "2027-01-01T00:00:00+01:00",
        "--count",
        "5",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "2027-01-05T09:00:00+01:00\n2027-02-02T09:00:00+01:00\n2027-03-02T09:00:00+01:00\n\
         2027-03-30T09:00:00+02:00\n2027-04-27T09:00:00+02:00\n"
    );
}

#[test]
fn occurrences_cli_cron_is_posix_and_strictly_after_from() {
    // 0 and 7 are Sunday; day-of-month OR day-of-week.
    let (code, out, _) = sltbot(&[
        "occurrences",
        "--cadence",
        "30 8 1 * 7",
        "--from",
        "2027-08-01T08:30:00+02:00",
        "--count",
        "3",
        "--tz",
        "Europe/Oslo",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "2027-08-08T08:30:00+02:00\n2027-08-15T08:30:00+02:00\n2027-08-22T08:30:00+02:00\n"
    );
}

#[test]
fn occurrences_cli_skips_holidays_and_stops_when_the_rule_ends() {
    let (code, out, _) = sltbot(&[
        "occurrences",
        "--cadence",
        "DTSTART;TZID=Europe/Oslo:20270513T100000 RRULE:FREQ=DAILY;COUNT=6",
        "--from",
        "2027-05-01T00:00:00+02:00",
        "--count",
        "10",
        "--skip-holidays",
    ]);
    assert_eq!(code, 0);
    // 13–18 May 2027; 16 May is Whit Sunday, 17 May Constitution Day and Whit Monday.
    assert_eq!(
        out,
        "2027-05-13T10:00:00+02:00\n2027-05-14T10:00:00+02:00\n2027-05-15T10:00:00+02:00\n\
         2027-05-18T10:00:00+02:00\n"
    );
}

#[test]
fn occurrences_cli_refuses_bad_input_with_exit_2_and_a_clear_message() {
    let (code, out, err) = sltbot(&["occurrences", "--cadence", "hver blåmåne"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("«blåmåne»"), "{err}");
    let (code, _, err) = sltbot(&["occurrences", "--cadence", "0 9 * * 8"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("ukedag") || err.contains("day-of-week"),
        "{err}"
    );
    let (code, _, err) = sltbot(&["occurrences", "--cadence", "0 9 * * 2", "--tz", "Oslo"]);
    assert_eq!(code, 2);
    assert!(err.contains("Ukjent tidssone «Oslo»"), "{err}");
    let (code, _, err) = sltbot(&["occurrences", "--cadence", "0 9 * * 2", "--from", "i går"]);
    assert_eq!(code, 2);
    assert!(err.contains("RFC 3339"), "{err}");
}

#[test]
fn occurrences_cli_refuses_a_count_above_the_limit_instead_of_cutting_it_silently() {
    let (code, out, err) = sltbot(&[
        "occurrences",
        "--cadence",
        "0 9 * * *",
        "--from",
        "2027-01-01T00:00:00+01:00",
        "--count",
        "60000",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "nothing printed");
    assert!(
        err.contains("--count 60000 er for mange: høyst 10000"),
        "{err}"
    );
    // The limit itself is printed in full.
    let (code, out, err) = sltbot(&[
        "occurrences",
        "--cadence",
        "0 9 * * *",
        "--from",
        "2027-01-01T00:00:00+01:00",
        "--count",
        "10000",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 10_000);
    assert!(err.is_empty(), "{err}");
}

#[test]
fn occurrences_cli_says_why_nothing_is_printed_when_every_meeting_is_a_holiday() {
    let (code, out, err) = sltbot(&[
        "occurrences",
        "--cadence",
        "0 9 17 5 *",
        "--from",
        "2027-01-01T00:00:00+01:00",
        "--count",
        "3",
        "--skip-holidays",
    ]);
    assert_eq!(code, 0);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("faller på helligdager"), "{err}");
    // A rule that ends says how many it found.
    let (code, out, err) = sltbot(&[
        "occurrences",
        "--cadence",
        "DTSTART;TZID=Europe/Oslo:20270105T090000 RRULE:FREQ=WEEKLY;COUNT=2",
        "--from",
        "2027-01-01T00:00:00+01:00",
        "--count",
        "5",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2);
    assert!(err.contains("Fant bare 2 av 5"), "{err}");
}

#[test]
fn holidays_cli_prints_2027_with_whit_monday_on_17_may() {
    let (code, out, _) = sltbot(&["holidays", "2027"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "2027-01-01 første nyttårsdag\n2027-03-25 skjærtorsdag\n2027-03-26 langfredag\n\
         2027-03-28 første påskedag\n2027-03-29 andre påskedag\n\
         2027-05-01 offentlig høytidsdag (1. mai)\n2027-05-06 Kristi himmelfartsdag\n\
         2027-05-16 første pinsedag\n2027-05-17 grunnlovsdag (17. mai)\n\
         2027-05-17 andre pinsedag\n2027-12-25 første juledag\n2027-12-26 andre juledag\n"
    );
    let (code, _, err) = sltbot(&["holidays", "neste år"]);
    assert_eq!(code, 2);
    assert!(err.contains("Ugyldig år"), "{err}");
}

fn local(t: DateTime<Utc>) -> DateTime<chrono_tz::Tz> {
    t.with_timezone(&Oslo)
}

#[tokio::test]
async fn a_year_of_every_fourth_tuesday_stays_at_nine_across_both_dst_changes() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    env.ok(
        "/meeting schedule group:Tverrfaglig cadence:\"every 4 weeks tue 09:00 from 2027-01-05\"",
    )
    .await;
    let s = env.scheduler();
    env.run_until(&s, at("2028-01-01T00:00:00+01:00")).await;

    let meetings: Vec<_> = env
        .meetings()
        .await
        .into_iter()
        .filter(|(_, t, _)| local(*t).format("%Y").to_string() == "2027")
        .collect();
    let shown: Vec<String> = meetings
        .iter()
        .map(|(_, t, _)| local(*t).to_rfc3339())
        .collect();
    assert_eq!(
        shown,
        [
            "2027-01-05T09:00:00+01:00",
            "2027-02-02T09:00:00+01:00",
            "2027-03-02T09:00:00+01:00",
            "2027-03-30T09:00:00+02:00",
            "2027-04-27T09:00:00+02:00",
            "2027-05-25T09:00:00+02:00",
            "2027-06-22T09:00:00+02:00",
            "2027-07-20T09:00:00+02:00",
            "2027-08-17T09:00:00+02:00",
            "2027-09-14T09:00:00+02:00",
            "2027-10-12T09:00:00+02:00",
            "2027-11-09T09:00:00+01:00",
            "2027-12-07T09:00:00+01:00",
        ]
    );
    // Every reminder went out once, exactly when due, at 09:00 local (7 d and 1 d before,
    // on the wall clock even across the DST weekends).
    let rows: Vec<(String, i64, Option<i64>, String)> = sqlx::query_as(
        "SELECT key, due_at, sent_at, state FROM notifications WHERE kind = 'reminder' ORDER BY due_at",
    )
    .fetch_all(env.service.store().pool())
    .await
    .expect("rows");
    let sent: Vec<_> = rows.iter().filter(|r| r.3 == "sent").collect();
    // 13 meetings × 2, less the 7-day reminder of 5 January (due before the series was
    // made), plus the 7-day reminder of 4 January 2028 (due 28 December).
    assert_eq!(sent.len(), 26, "{rows:#?}");
    for (key, due, sent_at, _) in &sent {
        assert_eq!(Some(*due), *sent_at, "{key} was not sent when due");
        let t = local(DateTime::from_timestamp(*due, 0).expect("ts"));
        assert_eq!((t.hour(), t.minute()), (9, 0), "{key} at {t}");
    }
    let keys = env.outbox.sent_keys();
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(keys.len(), unique.len());
    // Reminders + one deadline call per 2027 meeting, and the notices (service/notice):
    // a final case list per 2027 meeting, and a notice 14 days before each, less 5
    // January's (due before the series was made), plus 4 January 2028's (due 21 December).
    let mut by_kind = std::collections::BTreeMap::new();
    {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT kind FROM notifications WHERE state = 'sent' ORDER BY id")
                .fetch_all(env.service.store().pool())
                .await
                .expect("rows");
        for (k,) in rows {
            *by_kind.entry(k).or_insert(0usize) += 1;
        }
    }
    assert_eq!(by_kind.get("notice"), Some(&13), "{by_kind:?}");
    assert_eq!(by_kind.get("notice_final"), Some(&13), "{by_kind:?}");
    assert_eq!(keys.len(), 26 + 13 + 13 + 13);
}

#[tokio::test]
async fn holidays_are_skipped_around_easter_and_17_may_and_come_back_when_allowed() {
    let env = Env::new("2027-03-01T10:00:00+01:00").await;
    env.group("Torsdag").await;
    env.ok("/group create name:Mandag level:annet channel:101 coordinator_role:10")
        .await;
    env.ok("/meeting schedule group:Torsdag cadence:\"weekly thu 10:00\" skip_holidays:yes")
        .await;
    env.ok("/meeting schedule group:Mandag cadence:\"0 10 * * 1\" skip_holidays:yes")
        .await;
    let days = |ms: &[(i64, DateTime<Utc>, String)]| -> Vec<String> {
        ms.iter()
            .map(|(_, t, _)| local(*t).format("%m-%d %a").to_string())
            .filter(|d| d.starts_with("03") || d.starts_with("04-0") || d.starts_with("05"))
            .collect()
    };
    let all = env.meetings().await;
    let shown = days(&all);
    for skipped in ["03-25 Thu", "05-06 Thu", "03-29 Mon", "05-17 Mon"] {
        assert!(
            !shown.contains(&skipped.to_string()),
            "{skipped} in {shown:?}"
        );
    }
    for kept in [
        "03-18 Thu",
        "04-01 Thu",
        "05-13 Thu",
        "03-22 Mon",
        "04-05 Mon",
        "05-10 Mon",
        "05-24 Mon",
    ] {
        assert!(
            shown.contains(&kept.to_string()),
            "{kept} missing from {shown:?}"
        );
    }
    // Turning skipping off brings the holiday meetings (which nobody touched) back …
    env.ok("/group reminders group:Mandag skip_holidays:no")
        .await;
    let shown = days(&env.meetings().await);
    assert!(shown.contains(&"05-17 Mon".to_string()));
    assert!(shown.contains(&"03-29 Mon".to_string()));
    // … and on again removes them, once.
    env.ok("/group reminders group:Mandag skip_holidays:yes")
        .await;
    let shown = days(&env.meetings().await);
    assert!(!shown.contains(&"05-17 Mon".to_string()));
    assert_eq!(shown.iter().filter(|d| *d == "05-24 Mon").count(), 1);
}

#[tokio::test]
async fn one_occurrence_is_cancelled_and_another_moved_without_breaking_the_series() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    env.ok(
        "/meeting schedule group:Tverrfaglig cadence:\"every 4 weeks tue 09:00 from 2027-01-05\"",
    )
    .await;
    // Meeting 2 = 02.02, meeting 3 = 02.03.
    env.ok("/meeting cancel id:2").await;
    let moved = env
        .ok("/meeting move id:3 at:\"03.03.2027 kl. 13.00\"")
        .await;
    assert!(
        moved.contains("flyttet fra tirsdag 02.03.2027 kl. 09.00 til onsdag 03.03.2027 kl. 13.00"),
        "{moved}"
    );
    let s = env.scheduler();
    // Far enough for the series to be extended several times.
    env.run_until(&s, at("2027-06-01T00:00:00+02:00")).await;

    let ms = env.meetings().await;
    let feb: Vec<_> = ms
        .iter()
        .filter(|(_, t, _)| local(*t).format("%m").to_string() == "02")
        .collect();
    assert_eq!(
        feb.len(),
        1,
        "the cancelled occurrence is not recreated: {ms:?}"
    );
    assert_eq!(feb[0].2, "cancelled");
    let march: Vec<_> = ms
        .iter()
        .filter(|(_, t, _)| local(*t).format("%m").to_string() == "03")
        .map(|(id, t, _)| (*id, local(*t).to_rfc3339()))
        .collect();
    assert_eq!(
        march,
        [
            (3, "2027-03-03T13:00:00+01:00".to_string()),
            (4, "2027-03-30T09:00:00+02:00".to_string())
        ]
    );
    // The series goes on after the exceptions.
    assert!(ms
        .iter()
        .any(|(_, t, _)| local(*t).to_rfc3339() == "2027-05-25T09:00:00+02:00"));
    // The cancelled meeting got no reminder; the moved one was reminded for its new time.
    assert_eq!(
        env.state("reminder:2:1440").await.as_deref(),
        Some("skipped")
    );
    let due: i64 =
        sqlx::query_scalar("SELECT sent_at FROM notifications WHERE key = 'reminder:3:1440'")
            .fetch_one(env.service.store().pool())
            .await
            .expect("row");
    assert_eq!(due, at("2027-03-02T13:00:00+01:00").timestamp());
    let next = env.ok("/meeting next group:Tverrfaglig").await;
    assert!(next.contains("tirsdag 22.06.2027 kl. 09.00"), "{next}");
}
