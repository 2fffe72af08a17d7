//! A group's calendar as an `.ics` file (`/meeting ics`, `sltbot ics`), read back with an
//! independent parser (the `icalendar` crate, not the code that wrote it) and compared
//! with the meetings in the database, read with plain SQL.

mod support;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{CalendarDateTime, Component as _, DatePerhapsTime, EventLike as _, EventStatus};
use sltbot::domain::{Lang, MeetingId};
use sltbot::service::{Command, Reply, Visibility};
use sqlx::Row as _;
use std::collections::BTreeMap;
use std::process::Command as Process;
use support::env::*;

const GROUP: &str = "Koordineringsgruppa";
const TRICKY: &str = "Uro, vold; rus\\ungdom på Åsen – økt innsats i Ærfugl-bygget";

fn ics_command() -> Command {
    Command::MeetingIcs {
        group: GROUP.into(),
    }
}

fn meeting(at: &str, title: Option<&str>, location: Option<&str>) -> Command {
    Command::MeetingAdd {
        group: GROUP.into(),
        at: at.into(),
        title: title.map(str::to_string),
        location: location.map(str::to_string),
    }
}

/// Koordineringsgruppa with meetings either side of the change to summer time
/// (28.03.2027), one with a title full of characters that need escaping, one cancelled,
/// one beyond twelve months, and Styringsgruppa with one of its own.
async fn calendar_env() -> Env {
    let env = Env::new().await.with_groups().await;
    let c = coordinator();
    env.ok(
        &c,
        meeting("12.01.2027 09:00", None, Some("Rådhuset, sal 2")),
    )
    .await;
    env.ok(&c, meeting("23.03.2027 09:00", Some(TRICKY), None))
        .await;
    env.ok(&c, meeting("30.03.2027 09:00", None, None)).await;
    env.ok(&c, meeting("02.11.2027 14:30", None, None)).await;
    env.ok(&c, meeting("09.02.2027 09:00", None, None)).await;
    env.ok(&c, Command::MeetingCancel { id: MeetingId(5) })
        .await;
    // 01.12.2026 + 12 months = 01.12.2027: this one is outside.
    env.ok(&c, meeting("14.12.2027 09:00", None, None)).await;
    env.ok(
        &other_coordinator(),
        Command::MeetingAdd {
            group: "Styringsgruppa".into(),
            at: "19.01.2027 09:00".into(),
            title: None,
            location: None,
        },
    )
    .await;
    env
}

fn other_coordinator() -> sltbot::service::Actor {
    with_roles(SOMEONE, &[OTHER_COORD_ROLE])
}

async fn ics_text(env: &Env, lang: Lang) -> String {
    let r = env.run(&in_lang(member(), lang), ics_command()).await;
    let Ok(Reply::Calendar(cal)) = &r.outcome else {
        panic!("expected a calendar, got {:?}", r.outcome);
    };
    sltbot::calendar::meetings_ics(cal, r.lang)
}

struct DbMeeting {
    start: DateTime<Utc>,
    status: String,
    version: i64,
}

/// Koordineringsgruppa's meetings from t0 to twelve months on, read with plain SQL.
async fn db_meetings(env: &Env) -> BTreeMap<i64, DbMeeting> {
    let store = support::open_store(&env.url()).await;
    let mut conn = store.conn().await.expect("conn");
    let to = Utc.with_ymd_and_hms(2027, 12, 1, 9, 0, 0).unwrap();
    let rows = sqlx::query(
        "SELECT m.id, m.starts_at, m.status, m.version FROM meetings m
         JOIN groups g ON g.id = m.group_id
         WHERE g.name = ? AND m.starts_at >= ? AND m.starts_at < ?",
    )
    .bind(GROUP)
    .bind(t0().timestamp())
    .bind(to.timestamp())
    .fetch_all(&mut *conn)
    .await
    .expect("query");
    rows.into_iter()
        .map(|row| {
            let id: i64 = row.get(0);
            let start: i64 = row.get(1);
            (
                id,
                DbMeeting {
                    start: Utc.timestamp_opt(start, 0).unwrap(),
                    status: row.get(2),
                    version: row.get(3),
                },
            )
        })
        .collect()
}

fn parse(text: &str) -> icalendar::Calendar {
    text.parse::<icalendar::Calendar>()
        .expect("the parser reads the file")
}

/// A DTSTART/DTEND with TZID, resolved in that zone by chrono-tz.
fn resolve(d: DatePerhapsTime) -> (DateTime<Utc>, String) {
    match d {
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            let tz: Tz = tzid.parse().expect("a known zone");
            let t = tz
                .from_local_datetime(&date_time)
                .single()
                .expect("an unambiguous local time");
            (t.with_timezone(&Utc), tzid)
        }
        other => panic!("expected a local time with TZID, got {other:?}"),
    }
}

fn meeting_id(uid: &str) -> i64 {
    let rest = uid.strip_prefix("meeting-").expect("meeting- uid");
    let (id, host) = rest.split_once('@').expect("uid with @");
    assert_eq!(host, "900.sltbot");
    id.parse().expect("numeric id")
}

#[tokio::test]
async fn every_start_in_the_file_matches_the_database_across_the_change_to_summer_time() {
    let env = calendar_env().await;
    let text = ics_text(&env, Lang::Nb).await;
    let cal = parse(&text);
    let db = db_meetings(&env).await;
    assert_eq!(db.len(), 5, "five meetings within twelve months");

    let mut seen = BTreeMap::new();
    for e in cal.events() {
        let uid = e.get_uid().expect("UID");
        let id = meeting_id(uid);
        let (start, tzid) = resolve(e.get_start().expect("DTSTART"));
        assert_eq!(tzid, "Europe/Oslo");
        let (end, _) = resolve(e.get_end().expect("DTEND"));
        assert_eq!(end - start, chrono::Duration::hours(2), "default length");
        assert!(seen.insert(id, start).is_none(), "one event per meeting");
    }
    let expected: BTreeMap<i64, DateTime<Utc>> = db.iter().map(|(id, m)| (*id, m.start)).collect();
    assert_eq!(seen, expected, "every start, and no other event");
    // Either side of 28.03.2027: 09.00 in Oslo is 08.00 UTC in winter, 07.00 in summer.
    assert_eq!(
        seen[&2],
        Utc.with_ymd_and_hms(2027, 3, 23, 8, 0, 0).unwrap()
    );
    assert_eq!(
        seen[&3],
        Utc.with_ymd_and_hms(2027, 3, 30, 7, 0, 0).unwrap()
    );
    // The raw text says the wall-clock time in both seasons.
    assert!(text.contains("DTSTART;TZID=Europe/Oslo:20270323T090000\r\n"));
    assert!(text.contains("DTSTART;TZID=Europe/Oslo:20270330T090000\r\n"));
    assert!(text.contains("DTSTART;TZID=Europe/Oslo:20271102T143000\r\n"));
}

#[tokio::test]
async fn the_file_is_a_published_calendar_with_oslo_time_rules() {
    let env = calendar_env().await;
    let text = ics_text(&env, Lang::Nb).await;
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("parses");
    let prop = |name: &str| {
        parsed
            .properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.to_string())
    };
    assert_eq!(prop("VERSION").as_deref(), Some("2.0"));
    assert_eq!(prop("METHOD").as_deref(), Some("PUBLISH"));
    assert_eq!(prop("CALSCALE").as_deref(), Some("GREGORIAN"));
    assert!(prop("PRODID").is_some_and(|p| p.contains("sltbot")));
    let vtz: Vec<_> = parsed
        .components
        .iter()
        .filter(|c| c.name == "VTIMEZONE")
        .collect();
    assert_eq!(vtz.len(), 1);
    let tz = vtz[0];
    assert_eq!(
        tz.find_prop("TZID").map(|p| p.val.to_string()).as_deref(),
        Some("Europe/Oslo")
    );
    let observance = |kind: &str| {
        let c = tz
            .components
            .iter()
            .find(|c| c.name == kind)
            .unwrap_or_else(|| panic!("{kind}"));
        let v = |n: &str| {
            c.find_prop(n)
                .map(|p| p.val.to_string())
                .unwrap_or_default()
        };
        (v("RRULE"), v("TZOFFSETFROM"), v("TZOFFSETTO"))
    };
    assert_eq!(
        observance("DAYLIGHT"),
        (
            "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".into(),
            "+0100".into(),
            "+0200".into()
        )
    );
    assert_eq!(
        observance("STANDARD"),
        (
            "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU".into(),
            "+0200".into(),
            "+0100".into()
        )
    );
    // CRLF everywhere, no line over 75 octets.
    assert!(!text.replace("\r\n", "").contains('\n'));
    assert!(text
        .split("\r\n")
        .all(|l| l.len() <= sltbot::calendar::ics::LINE_LIMIT));
}

#[tokio::test]
async fn a_cancelled_meeting_is_cancelled_in_the_calendar() {
    let env = calendar_env().await;
    let cal = parse(&ics_text(&env, Lang::Nb).await);
    let db = db_meetings(&env).await;
    for e in cal.events() {
        let id = meeting_id(e.get_uid().unwrap());
        let want = if db[&id].status == "cancelled" {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        };
        assert_eq!(e.get_status(), Some(want), "meeting {id}");
    }
    assert_eq!(db[&5].status, "cancelled");
}

#[tokio::test]
async fn sequence_rises_after_a_move_and_the_uid_stays() {
    let env = calendar_env().await;
    let before = parse(&ics_text(&env, Lang::Nb).await);
    let seq = |cal: &icalendar::Calendar, id: i64| {
        cal.events()
            .find(|e| meeting_id(e.get_uid().unwrap()) == id)
            .and_then(|e| e.get_sequence())
            .expect("the meeting's event with a SEQUENCE")
    };
    let db = db_meetings(&env).await;
    assert_eq!(i64::from(seq(&before, 4)), db[&4].version);

    env.ok(
        &coordinator(),
        Command::MeetingMove {
            id: MeetingId(4),
            at: "03.11.2027 10:00".into(),
        },
    )
    .await;
    let after = parse(&ics_text(&env, Lang::Nb).await);
    assert!(seq(&after, 4) > seq(&before, 4));
    assert_eq!(seq(&after, 1), seq(&before, 1), "other meetings unchanged");
    let moved = after
        .events()
        .find(|e| meeting_id(e.get_uid().unwrap()) == 4)
        .unwrap();
    assert_eq!(
        resolve(moved.get_start().unwrap()).0,
        Utc.with_ymd_and_hms(2027, 11, 3, 9, 0, 0).unwrap()
    );
}

#[tokio::test]
async fn a_title_with_commas_semicolons_backslashes_and_norwegian_letters_round_trips() {
    let env = calendar_env().await;
    let text = ics_text(&env, Lang::Nb).await;
    let cal = parse(&text);
    let summaries: Vec<&str> = cal.events().filter_map(|e| e.get_summary()).collect();
    let want = format!("{GROUP}: {TRICKY}");
    assert!(summaries.contains(&want.as_str()), "{summaries:?}");
    // The line was long enough to be folded, and escaped in the file.
    assert!(text.contains("\r\n "), "folded");
    assert!(text.contains("Uro\\, vold\\; rus\\\\ungdom"));
    let located = cal
        .events()
        .find_map(|e| e.get_location())
        .expect("a location");
    assert_eq!(located, "Rådhuset, sal 2");
    assert!(summaries.contains(&"Koordineringsgruppa: møte"));
}

#[tokio::test]
async fn untitled_meetings_are_named_in_the_users_language() {
    let env = calendar_env().await;
    let nn = parse(&ics_text(&env, Lang::Nn).await);
    let en = parse(&ics_text(&env, Lang::En).await);
    let has = |cal: &icalendar::Calendar, s: &str| cal.events().any(|e| e.get_summary() == Some(s));
    assert!(has(&nn, "Koordineringsgruppa: møte"));
    assert!(has(&en, "Koordineringsgruppa: meeting"));
}

#[tokio::test]
async fn the_calendar_is_public_only_in_the_groups_own_channel() {
    let env = calendar_env().await;
    let elsewhere = env.run(&member(), ics_command()).await;
    assert_eq!(elsewhere.visibility, Visibility::Ephemeral);
    let mut here = member();
    here.channel = Some(GROUP_CHANNEL);
    let home = env.run(&here, ics_command()).await;
    assert_eq!(home.visibility, Visibility::Public);
    let text = sltbot::render::response(&home, sltbot::render::Style::Plain);
    assert!(text.contains("5 møter"), "{text}");
    assert!(text.contains("(1 avlyst)"), "{text}");
}

fn cli(env: &Env, args: &[&str], out: &std::path::Path) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_sltbot"))
        .arg("ics")
        .args(args)
        .arg("--out")
        .arg(out)
        .args(["--db", &env.url(), "--workspace", "900"])
        .args(["--now", "2026-12-01T09:00:00Z"])
        .env("RUST_LOG", "off")
        .output()
        .expect("run sltbot")
}

#[tokio::test]
async fn sltbot_ics_writes_the_same_events_as_the_command_into_a_private_file() {
    let env = calendar_env().await;
    let out = env.dir.path().join("kalender.ics");
    let done = cli(&env, &["--group", "koordineringsgruppa"], &out);
    assert_eq!(done.status.code(), Some(0), "{done:?}");
    let text = std::fs::read_to_string(&out).expect("written");
    let cal = parse(&text);
    let mut ids: Vec<i64> = cal
        .events()
        .map(|e| meeting_id(e.get_uid().unwrap()))
        .collect();
    ids.sort();
    let db: Vec<i64> = db_meetings(&env).await.into_keys().collect();
    assert_eq!(ids, db, "the same meetings as in the database");
    assert!(!ids.contains(&7), "Styringsgruppa's meeting is not in it");
    assert_eq!(
        text,
        ics_text(&env, Lang::Nb).await,
        "the same file as /meeting ics"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[tokio::test]
async fn sltbot_ics_exits_1_for_an_unknown_group_and_2_for_bad_usage() {
    let env = calendar_env().await;
    let out = env.dir.path().join("x.ics");
    let unknown = cli(&env, &["--group", "Finnes ikke"], &out);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(!out.exists());
    let usage = Process::new(env!("CARGO_BIN_EXE_sltbot"))
        .args(["ics", "--out"])
        .arg(&out)
        .env("RUST_LOG", "off")
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2), "--group missing");
}

#[tokio::test]
async fn on_discord_the_file_is_attached_and_only_the_asker_sees_it_outside_the_channel() {
    let env = calendar_env().await;
    let r = env.run(&member(), ics_command()).await;
    let rendered = sltbot::discord::reply::render(&r);
    assert!(rendered.ephemeral);
    assert_eq!(rendered.attachments.len(), 1);
    let file = &rendered.attachments[0];
    assert_eq!(file.filename, "koordineringsgruppa.ics");
    let text = String::from_utf8(file.data.clone()).expect("UTF-8");
    assert_eq!(parse(&text).events().count(), 5);
    assert!(
        rendered.chunks[0].contains(".ics"),
        "{}",
        rendered.chunks[0]
    );
}

#[cfg(unix)]
#[tokio::test]
async fn the_console_writes_the_calendar_0600_into_the_export_folder() {
    use std::os::unix::fs::PermissionsExt;
    let env = calendar_env().await;
    let exports = env.dir.path().join("exports");
    let session = sltbot::console::Session {
        service: env.service.clone(),
        actor: member(),
        workspace: WS,
        lang: Lang::Nb,
        export_dir: exports.clone(),
    };
    let (ok, text) = session
        .line("/meeting ics group:Koordineringsgruppa")
        .await
        .expect("a reply");
    assert!(ok, "{text}");
    let files: Vec<_> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|f| f.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let file = &files[0];
    assert_eq!(file.extension().and_then(|e| e.to_str()), Some("ics"));
    assert!(text.contains(&file.display().to_string()), "{text}");
    let mode = std::fs::metadata(file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let written = std::fs::read_to_string(file).unwrap();
    assert_eq!(parse(&written).events().count(), 5);
}
