//! The year at a glance (`/plan`, `sltbot plan`): the PNG is decoded with the `png` crate
//! and read back pixel by pixel at the positions the layout gives for known meetings and
//! holidays; the CLI's exit codes; the console's file; the picture through the fake Discord.

mod support;

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use sltbot::domain::cadence::Cadence;
use sltbot::domain::school_holidays::SchoolHolidays;
use sltbot::domain::{Lang, MeetingId};
use sltbot::service::{Command, Reply, ServiceError, Visibility};
use sltbot::yearplan::{colour, Layout, MarkKind, YearPlan};
use std::process::Command as Process;
use support::env::*;

const KOORD: &str = "Koordineringsgruppa";
const STYR: &str = "Styringsgruppa";
const CADENCE: &str = "every 4 weeks tue 09:00 from 2027-01-05";

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, m, day).unwrap()
}

fn plan_cmd(year: Option<i64>) -> Command {
    Command::Plan { year }
}

/// Koordineringsgruppa: held 12.01.2027, cancelled 09.02.2027, scheduled 16.03.2027.
/// Styringsgruppa: every fourth Tuesday from 05.01.2027 (stored 90 days ahead of t0, the
/// rest expected).
async fn plan_env() -> Env {
    let env = Env::new().await.with_groups().await;
    let c = coordinator();
    env.ok(&c, meeting_add_to(KOORD, "12.01.2027 09:00")).await;
    env.ok(&c, meeting_add_to(KOORD, "09.02.2027 09:00")).await;
    env.ok(&c, meeting_add_to(KOORD, "16.03.2027 09:00")).await;
    env.ok(
        &c,
        Command::MeetingHeld {
            id: MeetingId(1),
            early: Some(true),
        },
    )
    .await;
    env.ok(&c, Command::MeetingCancel { id: MeetingId(2) })
        .await;
    env.ok(
        &with_roles(SOMEONE, &[OTHER_COORD_ROLE]),
        Command::MeetingSchedule {
            group: STYR.into(),
            cadence: CADENCE.into(),
            skip_holidays: None,
            rule: None,
        },
    )
    .await;
    env
}

async fn year_plan(env: &Env, year: i64) -> YearPlan {
    let r = env.run(&outsider(), plan_cmd(Some(year))).await;
    match r.outcome {
        Ok(Reply::YearPlan(plan)) => *plan,
        other => panic!("expected a year plan, got {other:?}"),
    }
}

/// The decoded picture: width, height, RGB bytes.
struct Picture {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
}

impl Picture {
    fn decode(bytes: &[u8]) -> Picture {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("a PNG header");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("a PNG frame");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        assert_eq!(info.bit_depth, png::BitDepth::Eight);
        buf.truncate(info.buffer_size());
        Picture {
            width: info.width,
            height: info.height,
            rgb: buf,
        }
    }

    fn at(&self, (x, y): (i32, i32)) -> (u8, u8, u8) {
        assert!(x >= 0 && y >= 0 && (x as u32) < self.width && (y as u32) < self.height);
        let i = (y as usize * self.width as usize + x as usize) * 3;
        (self.rgb[i], self.rgb[i + 1], self.rgb[i + 2])
    }
}

fn row_of(plan: &YearPlan, name: &str) -> usize {
    plan.bodies
        .iter()
        .position(|b| b.name == name)
        .unwrap_or_else(|| panic!("{name} has a row"))
}

/// A point inside the day's column near the top of the row, away from any marker.
fn shade_point(layout: &Layout, row: usize, date: NaiveDate) -> (i32, i32) {
    let (panel, x0, x1) = layout.day_columns(date);
    let (top, _) = layout.row_span(panel, row);
    ((x0 + x1) / 2, top + 2)
}

#[tokio::test]
async fn the_picture_has_the_layouts_size_and_each_mark_and_holiday_where_the_layout_puts_it() {
    let env = plan_env().await;
    let plan = year_plan(&env, 2027).await;
    assert_eq!(
        plan.bodies
            .iter()
            .map(|b| b.name.as_str())
            .collect::<Vec<_>>(),
        [STYR, KOORD],
        "styrende first, as in /group list"
    );
    let pic = Picture::decode(&sltbot::yearplan::png(&plan, Lang::Nb).expect("drawn"));
    let layout = Layout::new(2);
    assert_eq!((pic.width, pic.height), (layout.width(), layout.height()));

    let koord = row_of(&plan, KOORD);
    let styr = row_of(&plan, STYR);
    let r = Layout::MARKER_R - 1;
    // Held: filled.
    let held = layout.marker(koord, d(1, 12));
    assert_eq!(pic.at(held), colour::HELD);
    // Cancelled: a cross, its centre in the cross's colour.
    assert_eq!(pic.at(layout.marker(koord, d(2, 9))), colour::CANCELLED);
    // Scheduled: open — white inside, the ring in its colour.
    let (x, y) = layout.marker(koord, d(3, 16));
    assert_eq!(pic.at((x, y)), colour::MARKER_INSIDE);
    assert_eq!(pic.at((x + r, y)), colour::SCHEDULED);
    assert_eq!(pic.at((x - r, y)), colour::SCHEDULED);
    // Styringsgruppa: 02.02.2027 is stored (scheduled), 27.04.2027 only expected (diamond).
    let (x, y) = layout.marker(styr, d(2, 2));
    assert_eq!(pic.at((x, y)), colour::MARKER_INSIDE);
    assert_eq!(pic.at((x + r, y)), colour::SCHEDULED);
    let (x, y) = layout.marker(styr, d(4, 27));
    assert_eq!(pic.at((x, y)), colour::MARKER_INSIDE);
    assert_eq!(pic.at((x + r, y)), colour::EXPECTED);
    // A diamond leaves the corners of its box empty; a circle of the same size does not.
    assert_ne!(pic.at((x + r - 1, y + r - 1)), colour::EXPECTED);
    // No marker on a day without a meeting.
    let (x, y) = layout.marker(styr, d(4, 14));
    assert_eq!(pic.at((x, y)), colour::BACKGROUND);

    // 17 May (Constitution Day and Whit Monday): a public holiday, in every row.
    assert_eq!(
        pic.at(shade_point(&layout, styr, d(5, 17))),
        colour::PUBLIC_HOLIDAY
    );
    assert_eq!(
        pic.at(shade_point(&layout, koord, d(5, 17))),
        colour::PUBLIC_HOLIDAY
    );
    // Week 8 (vinterferie by default) and July: school holidays.
    assert_eq!(
        pic.at(shade_point(&layout, koord, d(2, 24))),
        colour::SCHOOL_HOLIDAY
    );
    assert_eq!(
        pic.at(shade_point(&layout, styr, d(7, 14))),
        colour::SCHOOL_HOLIDAY
    );
    // Christmas Day over the juleferie: the public holiday wins.
    assert_eq!(
        pic.at(shade_point(&layout, styr, d(12, 25))),
        colour::PUBLIC_HOLIDAY
    );
    assert_eq!(
        pic.at(shade_point(&layout, styr, d(12, 22))),
        colour::SCHOOL_HOLIDAY
    );
    // An ordinary day: the row's own colour (rows alternate).
    assert_eq!(
        pic.at(shade_point(&layout, 0, d(4, 14))),
        colour::BACKGROUND
    );
    assert_eq!(pic.at(shade_point(&layout, 1, d(4, 14))), colour::ROW_ALT);
    assert_eq!(
        pic.at(shade_point(&layout, 0, d(10, 13))),
        colour::BACKGROUND
    );
}

#[tokio::test]
async fn school_holidays_are_the_configured_ones() {
    let env = plan_env().await;
    let school = SchoolHolidays::parse(9, true, "06-22..08-17", 41, "12-20..01-03", &[]).unwrap();
    let service = env.service.clone().with_school_holidays(school);
    let r = service.execute(&outsider(), WS, plan_cmd(Some(2027))).await;
    let Ok(Reply::YearPlan(plan)) = r.outcome else {
        panic!("{:?}", r.outcome);
    };
    let pic = Picture::decode(&sltbot::yearplan::png(&plan, Lang::Nb).unwrap());
    let layout = Layout::new(plan.bodies.len());
    // Høstferie in week 41, not 40; vinterferie in week 9, not 8.
    assert_eq!(
        pic.at(shade_point(&layout, 0, d(10, 13))),
        colour::SCHOOL_HOLIDAY
    );
    assert_eq!(
        pic.at(shade_point(&layout, 0, d(10, 6))),
        colour::BACKGROUND
    );
    assert_eq!(
        pic.at(shade_point(&layout, 0, d(3, 3))),
        colour::SCHOOL_HOLIDAY
    );
    assert_eq!(
        pic.at(shade_point(&layout, 0, d(2, 24))),
        colour::BACKGROUND
    );
    // The legend names them.
    let rules = sltbot::yearplan::school_rules(Lang::Nb, &plan.school);
    assert!(rules.contains("høstferie uke 41"), "{rules}");
    assert!(rules.contains("sommerferie 22.06.–17.08."), "{rules}");
    let nn = sltbot::yearplan::school_rules(Lang::Nn, &plan.school);
    assert!(nn.contains("haustferie veke 41"), "{nn}");
}

#[tokio::test]
async fn a_schedules_meetings_of_the_year_show_once_each_stored_or_expected() {
    let env = plan_env().await;
    let plan = year_plan(&env, 2027).await;
    let styr = &plan.bodies[row_of(&plan, STYR)];
    let cadence = Cadence::parse(CADENCE, chrono_tz::Europe::Oslo, t0()).unwrap();
    let start = Utc.with_ymd_and_hms(2026, 12, 31, 23, 0, 0).unwrap();
    let want: Vec<NaiveDate> = cadence
        .occurrences_after(start, 100, false)
        .into_iter()
        .map(|t| t.date_naive())
        .filter(|d| d.year() == 2027)
        .collect();
    assert_eq!(want.len(), 13, "every fourth Tuesday of 2027");
    let got: Vec<NaiveDate> = styr.marks.iter().map(|m| m.date).collect();
    assert_eq!(got, want);
    // Stored up to 90 days after t0 (01.12.2026): 05.01 and 02.02; the rest expected.
    let kinds: Vec<MarkKind> = styr.marks.iter().map(|m| m.kind).collect();
    assert_eq!(kinds[..2], [MarkKind::Scheduled, MarkKind::Scheduled]);
    assert!(kinds[2..].iter().all(|k| *k == MarkKind::Expected));
    assert_eq!(plan.count(MarkKind::Held), 1);
    assert_eq!(plan.count(MarkKind::Cancelled), 1);
    assert_eq!(plan.meetings(), 16);
    // The year before holds none of it; a later year only expected meetings.
    assert!(year_plan(&env, 2026).await.is_empty());
    let later = year_plan(&env, 2028).await;
    assert!(later.count(MarkKind::Expected) >= 13);
    assert_eq!(later.meetings(), later.count(MarkKind::Expected));
}

#[tokio::test]
async fn anyone_in_the_server_gets_it_and_a_year_out_of_range_is_refused() {
    let env = plan_env().await;
    let r = env.run(&outsider(), plan_cmd(None)).await;
    let Ok(Reply::YearPlan(plan)) = &r.outcome else {
        panic!("{:?}", r.outcome);
    };
    assert_eq!(
        plan.year, 2026,
        "default: this year in the server's timezone"
    );
    assert_eq!(r.visibility, Visibility::Public);
    let refused = env.err(&outsider(), plan_cmd(Some(12))).await;
    assert!(matches!(
        refused.outcome,
        Err(ServiceError::InvalidYear { .. })
    ));
    let text = sltbot::render::response(&refused, sltbot::render::Style::Plain);
    assert!(text.contains("1583"), "{text}");
}

fn cli(env: &Env, args: &[&str]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_sltbot"))
        .arg("plan")
        .args(args)
        .args(["--db", &env.url(), "--workspace", &WS.0.to_string()])
        .args(["--now", "2026-12-01T09:00:00Z"])
        .env("RUST_LOG", "off")
        .output()
        .expect("run sltbot")
}

#[tokio::test]
async fn sltbot_plan_writes_the_same_picture_and_exits_1_with_nothing_to_draw_and_2_on_bad_usage() {
    let env = plan_env().await;
    let out = env.dir.path().join("arshjul.png");
    let out_s = out.display().to_string();
    let done = cli(&env, &["--year", "2027", "--out", &out_s]);
    assert_eq!(done.status.code(), Some(0), "{done:?}");
    let bytes = std::fs::read(&out).expect("written");
    let pic = Picture::decode(&bytes);
    assert_eq!(
        (pic.width, pic.height),
        (Layout::WIDTH, Layout::new(2).height())
    );
    let plan = year_plan(&env, 2027).await;
    assert_eq!(
        bytes,
        sltbot::yearplan::png(&plan, Lang::Nb).unwrap(),
        "the same picture as /plan"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Nothing that year: exit 1, no file, and why.
    let none = env.dir.path().join("none.png");
    let none_s = none.display().to_string();
    let empty = cli(&env, &["--year", "2026", "--out", &none_s]);
    assert_eq!(empty.status.code(), Some(1), "{empty:?}");
    assert!(!none.exists());
    assert!(String::from_utf8_lossy(&empty.stderr).contains("Ingen møter i 2026"));
    // A workspace without groups: exit 1.
    let other = Process::new(env!("CARGO_BIN_EXE_sltbot"))
        .args([
            "plan",
            "--year",
            "2027",
            "--out",
            &none_s,
            "--db",
            &env.url(),
        ])
        .args(["--workspace", "4242"])
        .env("RUST_LOG", "off")
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(1), "{other:?}");
    assert!(!none.exists());
    // Usage: a year that is not one, a year out of range, a missing --out, a bad --lang.
    for args in [
        &["--year", "20x7", "--out", &none_s][..],
        &["--year", "12", "--out", &none_s],
        &["--year", "2027"],
        &["--year", "2027", "--out", &none_s, "--lang", "sv"],
    ] {
        let usage = cli(&env, args);
        assert_eq!(usage.status.code(), Some(2), "{args:?}: {usage:?}");
    }
    assert!(!none.exists());
}

#[cfg(unix)]
#[tokio::test]
async fn the_console_writes_the_picture_0600_into_the_export_folder() {
    use std::os::unix::fs::PermissionsExt;
    let env = plan_env().await;
    let exports = env.dir.path().join("exports");
    let session = sltbot::console::Session {
        service: env.service.clone(),
        actor: member(),
        workspace: WS,
        lang: Lang::Nb,
        export_dir: exports.clone(),
    };
    let (ok, text) = session.line("/plan year:2027").await.expect("a reply");
    assert!(ok, "{text}");
    let files: Vec<_> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|f| f.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let file = &files[0];
    assert_eq!(file.extension().and_then(|e| e.to_str()), Some("png"));
    assert!(text.contains(&file.display().to_string()), "{text}");
    assert_eq!(
        std::fs::metadata(file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    Picture::decode(&std::fs::read(file).unwrap());
    // Nothing to draw: no file, and the reply says so.
    let (ok, text) = session.line("/plan year:2026").await.expect("a reply");
    assert!(ok, "{text}");
    assert!(text.contains("Ingen møter i 2026"), "{text}");
    assert_eq!(std::fs::read_dir(&exports).unwrap().count(), 1);
}

mod discord {
    use super::support;
    use super::Picture;
    use support::fake_discord::fixtures::InteractionFixture;
    use support::harness::seeded_bot;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn on_discord_the_picture_is_attached_to_the_reply() {
        let (_dir, running) = seeded_bot().await;
        let fake = &running.fake;
        let sent = fake.send_interaction(&InteractionFixture::slash("plan").integer("year", 2027));
        let cb = fake.wait_for_callback(&sent).await;
        assert_eq!(cb.status, 204, "{cb:?}");
        assert!(cb.is_multipart(), "{:?}", cb.content_type);
        let body = cb.body.as_ref().expect("a JSON body");
        assert_eq!(
            body["data"]["allowed_mentions"],
            serde_json::json!({"parse": [], "users": [], "roles": []})
        );
        let content = body["data"]["content"].as_str().unwrap();
        assert!(content.contains("2027"), "{content}");
        assert!(content.contains("PNG"), "{content}");
        let file = cb
            .file("arshjul-2027.png")
            .expect("the picture is attached");
        assert_eq!(
            body["data"]["attachments"][0]["filename"],
            "arshjul-2027.png"
        );
        let pic = Picture::decode(&file.data);
        assert_eq!(pic.width, sltbot::yearplan::Layout::WIDTH);
        fake.assert_no_violations();
        running.stop().await;
    }
}
