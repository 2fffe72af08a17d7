//! The minutes after the meeting (issue 11, items 6–7), end to end on a settable clock: the
//! real serenity client against the fake Discord, the real scheduler and outbox, a real
//! SQLite file. A decision through the form, the reminder two working days after the
//! meeting, the draft shown with its files, the minutes published to the body's channel
//! with the PDF/A and Markdown attached (the PDF's text extracted by an independent
//! tool), the next meeting's approval case linking them, and handling it approving them.

mod support;

use chrono::TimeZone;
use serde_json::Value;
use sltbot::clock::ManualClock;
use sltbot::discord::{build_http, Bot, BotOptions, DiscordOutbox, RetryPolicy};
use sltbot::domain::{Lang, MeetingId, WorkspaceId};
use sltbot::scheduler::{self, Scheduler};
use sltbot::service::{Command, Defaults, Reply, Service};
use sltbot::store::{Store, StoreOptions};
use std::sync::Arc;
use std::time::Duration;
use support::fake_discord::fixtures::InteractionFixture;
use support::fake_discord::{
    FakeDiscord, FakeDiscordOptions, RecordedRequest, Route, COORDINATOR_ROLE_ID,
    GENERAL_CHANNEL_ID, GUILD_ID,
};
use support::harness::{self, GROUP};

const WS: WorkspaceId = WorkspaceId(GUILD_ID);

fn oslo(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::DateTime<chrono::Utc> {
    chrono_tz::Europe::Oslo
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&chrono::Utc)
}

async fn run(service: &Service, cmd: Command) -> Reply {
    let r = service.execute(&harness::admin(), WS, cmd).await;
    match r.outcome {
        Ok(reply) => reply,
        Err(e) => panic!("{e:?}"),
    }
}

fn is_ephemeral(callback: &Value) -> bool {
    callback["data"]["flags"]
        .as_u64()
        .is_some_and(|f| f & 64 == 64)
}

fn channel_posts(fake: &FakeDiscord) -> Vec<RecordedRequest> {
    fake.requests()
        .into_iter()
        .filter(|r| {
            r.route == Some(Route::CreateMessage) && r.id("channel_id") == Some(GENERAL_CHANNEL_ID)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meetings_whole_life_from_notice_to_approved_minutes_through_discord() {
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sltbot.db");
    let store = Store::open(
        &format!("sqlite://{}", db.display()),
        &StoreOptions::default(),
    )
    .await
    .unwrap();
    let clock = ManualClock::new(harness::start_time());
    let service = Service::new(store, Arc::new(clock.clone()), Defaults::default());
    // The group meets Tuesday 12.01.2027 09:00 (meeting 1); no meeting reminders, so the
    // posts to its channel are the notice and then the minutes.
    harness::seed(&service).await;
    run(
        &service,
        Command::GroupReminders {
            group: GROUP.into(),
            leads: Some("none".into()),
            deadline: Some("none".into()),
            skip_holidays: None,
        },
    )
    .await;
    run(
        &service,
        Command::AgendaAdd {
            group: GROUP.into(),
            title: "Uro ved ungdomsklubben på Øvre Årstad".into(),
            details: None,
            meeting: Some(MeetingId(1)),
        },
    )
    .await;
    let bot = Bot::start(
        service.clone(),
        BotOptions {
            token: fake.options().token.clone(),
            api_base: Some(fake.rest_url().parse().unwrap()),
            guilds: Vec::new(),
        },
    )
    .await
    .expect("bot starts");
    fake.wait_for_ready().await;
    let http = build_http(
        &fake.options().token,
        Some(&fake.rest_url().parse().unwrap()),
    );
    let outbox = Arc::new(DiscordOutbox::new(
        Arc::new(http),
        Lang::Nb,
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(1),
        },
    ));
    let sched = Arc::new(Scheduler::for_service(&service, outbox));
    let cancel = tokio_util::sync::CancellationToken::new();
    let running = tokio::spawn(scheduler::run(sched, cancel.clone()));
    let pool = service.store().pool().clone();
    let (item,): (i64,) = sqlx::query_as("SELECT id FROM agenda_items WHERE title LIKE 'Uro%'")
        .fetch_one(&pool)
        .await
        .unwrap();

    // The meeting's whole life starts with the notice: posted by the running scheduler 14
    // days before (29.12.2026 09:00), with the attendance buttons under it.
    clock.set(oslo(2026, 12, 29, 9, 0));
    let notice = fake
        .wait_for_request("the notice", |r| {
            r.route == Some(Route::CreateMessage) && r.id("channel_id") == Some(GENERAL_CHANNEL_ID)
        })
        .await;
    let b = notice.body.clone().unwrap();
    let content = b["content"].as_str().unwrap();
    assert!(
        content.starts_with("Innkalling: **Koordineringsgruppa**"),
        "{content}"
    );
    assert!(
        content.contains("Uro ved ungdomsklubben på Øvre Årstad"),
        "{content}"
    );
    assert_eq!(
        b["components"][0]["components"][0]["label"], "Kommer",
        "{b}"
    );
    let notice_message = fake
        .message(
            notice.response.as_ref().unwrap()["id"]
                .as_str()
                .unwrap()
                .parse()
                .unwrap(),
        )
        .expect("the notice is stored");
    let ola =
        support::fake_discord::fixtures::Actor::new(support::fake_discord::OLA_USER_ID, "ola")
            .with_roles(&[support::fake_discord::MEMBER_ROLE_ID]);
    // A member answers "Kommer" with the button: only they see the answer; it is recorded.
    let press = fake.send_interaction(
        &InteractionFixture::button(
            b["components"][0]["components"][0]["custom_id"]
                .as_str()
                .unwrap(),
        )
        .on_message(notice_message)
        .by(&ola),
    );
    let cb = fake.wait_for_callback(&press).await;
    let answer = cb.body.clone().unwrap();
    assert!(is_ephemeral(&answer), "{answer}");
    let (present,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM attendance WHERE meeting_id = 1 AND user_id = ? AND status = 'present'",
    )
    .bind(support::fake_discord::OLA_USER_ID as i64)
    .fetch_one(service.store().pool())
    .await
    .unwrap();
    assert_eq!(present, 1, "the button's answer is recorded");
    let notices = channel_posts(&fake).len();
    assert_eq!(notices, 1, "one notice");

    // A member who is not the body's referent gets the refusal at once, not a form.
    clock.set(oslo(2027, 1, 12, 9, 20));
    let refused = fake.send_interaction(
        &InteractionFixture::slash("agenda")
            .subcommand("decide")
            .integer("id", item)
            .by(&ola),
    );
    let cb = fake.wait_for_callback(&refused).await;
    let b = cb.body.clone().unwrap();
    assert_eq!(b["type"], 4, "{b}");
    assert!(is_ephemeral(&b), "{b}");

    // During the meeting: `/agenda decide id:` without text opens the form.
    clock.set(oslo(2027, 1, 12, 9, 30));
    let open = fake.send_interaction(
        &InteractionFixture::slash("agenda")
            .subcommand("decide")
            .integer("id", item),
    );
    let modal = fake.wait_for_callback(&open).await;
    let modal = modal.body.clone().unwrap();
    assert_eq!(modal["type"], 9, "{modal}");
    let custom_id = modal["data"]["custom_id"].as_str().unwrap().to_string();
    assert_eq!(custom_id, format!("sltbot:decide:{item}"));
    let decision =
        "Koordineringsgruppa ber politiet og fritidsetaten om felles tiltak. ".repeat(30);
    let submit = fake.send_interaction(
        &InteractionFixture::modal_submit(&custom_id)
            .text_input("decision", &decision)
            .text_input("notes", "Drøftet kort; skolen deltar.")
            .text_input("responsible", "Fritidsetaten")
            .text_input("due", "01.03.2027"),
    );
    let cb = fake.wait_for_callback(&submit).await;
    assert_eq!(cb.status, 204, "{cb:?}");
    let (stored, responsible): (String, String) =
        sqlx::query_as("SELECT decision, responsible FROM case_decisions WHERE item_id = ?")
            .bind(item)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(stored, decision.trim_end());
    assert_eq!(responsible, "Fritidsetaten");

    // Held at 10.00; the reminder is planned for the second working day after:
    // Thursday 14.01.2027 09:00.
    clock.set(oslo(2027, 1, 12, 10, 0));
    run(
        &service,
        Command::MeetingHeld {
            id: MeetingId(1),
            early: None,
        },
    )
    .await;
    clock.set(oslo(2027, 1, 14, 8, 59));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        channel_posts(&fake).len(),
        notices,
        "nothing but the notice before 09:00"
    );
    clock.set(oslo(2027, 1, 14, 9, 0));
    let reminder = fake
        .wait_for_request("the minutes reminder", |r| {
            r.route == Some(Route::CreateMessage)
                && r.id("channel_id") == Some(GENERAL_CHANNEL_ID)
                && r.body.as_ref().is_some_and(|b| {
                    !b["content"]
                        .as_str()
                        .unwrap_or_default()
                        .starts_with("Innkalling")
                })
        })
        .await;
    let b = reminder.body.clone().unwrap();
    let content = b["content"].as_str().unwrap();
    assert!(
        content.starts_with(&format!("<@&{COORDINATOR_ROLE_ID}>")),
        "{content}"
    );
    assert!(
        content.contains("ikke publisert to arbeidsdager"),
        "{content}"
    );
    assert_eq!(
        b["allowed_mentions"]["roles"],
        serde_json::json!([COORDINATOR_ROLE_ID.to_string()])
    );

    // The draft: only for the one who asks, with both files.
    let show = fake.send_interaction(
        &InteractionFixture::slash("minutes")
            .subcommand("show")
            .integer("meeting", 1),
    );
    let cb = fake.wait_for_callback(&show).await;
    assert!(cb.is_multipart(), "{:?}", cb.content_type);
    assert!(is_ephemeral(cb.body.as_ref().unwrap()));
    let names: Vec<&str> = cb
        .files
        .iter()
        .filter_map(|f| f.filename.as_deref())
        .collect();
    assert_eq!(
        names,
        [
            "referat-koordineringsgruppa-1-2027.pdf",
            "referat-koordineringsgruppa-1-2027.md"
        ]
    );

    // Published on Friday 15.01.2027: posted to the channel with the files.
    clock.set(oslo(2027, 1, 15, 8, 0));
    let publish = fake.send_interaction(
        &InteractionFixture::slash("minutes")
            .subcommand("publish")
            .integer("meeting", 1),
    );
    let cb = fake.wait_for_callback(&publish).await;
    assert_eq!(cb.status, 204, "{cb:?}");
    let post = fake
        .wait_for_request("the published minutes", |r| {
            r.route == Some(Route::CreateMessage)
                && r.id("channel_id") == Some(GENERAL_CHANNEL_ID)
                && !r.files.is_empty()
        })
        .await;
    assert_eq!(post.status, 200, "{post:?}");
    assert!(post.is_multipart());
    let b = post.body.clone().unwrap();
    assert!(
        b["content"]
            .as_str()
            .unwrap()
            .contains("Referat fra Koordineringsgruppa, Møte 1/2027 er publisert 15.01.2027"),
        "{b}"
    );
    assert_eq!(b["allowed_mentions"]["roles"], serde_json::json!([]));
    let pdf = post
        .file("referat-koordineringsgruppa-1-2027.pdf")
        .expect("the PDF");
    assert_eq!(pdf.content_type.as_deref(), Some("application/pdf"));
    let text = pdf_extract::extract_text_from_mem(&pdf.data).expect("the PDF's text");
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for title in [
        "Godkjenning av innkalling og saksliste",
        "Godkjenning av referat fra forrige møte",
        "Uro ved ungdomsklubben på Øvre Årstad",
        "Eventuelt",
        "Fritidsetaten",
    ] {
        assert!(flat.contains(title), "{title} not in the PDF: {flat}");
    }
    let md = post
        .file("referat-koordineringsgruppa-1-2027.md")
        .expect("the Markdown")
        .text();
    assert!(md.contains("Uro ved ungdomsklubben på Øvre Årstad"), "{md}");
    // The fake keeps the message with both files attached.
    let stored = fake.messages_in_channel(GENERAL_CHANNEL_ID);
    assert!(stored
        .iter()
        .any(|m| m["attachments"].as_array().is_some_and(|a| a.len() == 2)));

    // The next meeting's approval case links the published minutes …
    clock.set(oslo(2027, 1, 20, 12, 0));
    run(
        &service,
        Command::MeetingAdd {
            group: GROUP.into(),
            at: "09.02.2027 kl. 09.00".into(),
            title: None,
            location: None,
        },
    )
    .await;
    let list = service
        .execute(
            &harness::admin(),
            WS,
            Command::MeetingAgenda { id: MeetingId(2) },
        )
        .await;
    let text = sltbot::render::response(&list, sltbot::render::Style::Plain);
    assert!(
        text.contains("Referat fra møte 1/2027, publisert 15.01.2027"),
        "{text}"
    );
    // … and handling it approves them, with the date.
    let (approval,): (i64,) = sqlx::query_as(
        "SELECT id FROM agenda_items WHERE meeting_id = 2 AND title = 'Godkjenning av referat fra forrige møte'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    clock.set(oslo(2027, 2, 9, 9, 10));
    let decide = fake.send_interaction(
        &InteractionFixture::slash("agenda")
            .subcommand("decide")
            .integer("id", approval)
            .string("decision", "Referatet er godkjent."),
    );
    let cb = fake.wait_for_callback(&decide).await;
    let b = cb.body.clone().unwrap();
    let said = b["data"]["content"].as_str().unwrap_or_default();
    assert!(said.contains("Vedtak registrert"), "{b}");
    assert!(
        said.contains(&sltbot::t!(Lang::Nb, "record-minutes-approved-by-case")),
        "{b}"
    );
    let (status, approved_on, approved_in): (String, String, i64) =
        sqlx::query_as("SELECT status, approved_on, approved_in FROM minutes WHERE meeting_id = 1")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), approved_on.as_str(), approved_in),
        ("approved", "2027-02-09", 2)
    );

    // Exactly three posts to the channel: the notice, the reminder and the minutes, once
    // each (the second meeting's notice was due only once it had begun: not posted).
    cancel.cancel();
    tokio::time::timeout(Duration::from_secs(20), running)
        .await
        .expect("the scheduler stops")
        .expect("cleanly");
    assert_eq!(channel_posts(&fake).len(), 3);
    fake.assert_no_violations();
    let drained = bot.shutdown(Duration::from_secs(10)).await;
    assert!(drained);
}

/// A post Discord refuses (the body's channel was deleted) is failed with its reason, kept,
/// and the coordinators are told in the digest channel — the minutes are not lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn published_minutes_refused_by_discord_are_failed_and_the_coordinators_told() {
    use sltbot::domain::ChannelId;
    const GONE: u64 = 920_000_000_000_000_099;
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sltbot.db");
    let store = Store::open(
        &format!("sqlite://{}", db.display()),
        &StoreOptions::default(),
    )
    .await
    .unwrap();
    let clock = ManualClock::new(harness::start_time());
    let service = Service::new(store, Arc::new(clock.clone()), Defaults::default());
    harness::seed(&service).await;
    for cmd in [
        Command::GroupReminders {
            group: GROUP.into(),
            leads: Some("none".into()),
            deadline: Some("none".into()),
            skip_holidays: None,
        },
        Command::DigestSet {
            channel: Some(ChannelId(support::fake_discord::DIGEST_CHANNEL_ID)),
            cadence: None,
            rule: None,
        },
    ] {
        run(&service, cmd).await;
    }
    clock.set(oslo(2027, 1, 12, 10, 0));
    run(
        &service,
        Command::MeetingHeld {
            id: MeetingId(1),
            early: None,
        },
    )
    .await;
    run(
        &service,
        Command::GroupEdit {
            group: GROUP.into(),
            name: None,
            level: None,
            channel: Some(ChannelId(GONE)),
            coordinator_role: None,
            member_role: None,
            timezone: None,
            language: None,
            referent_role: None,
        },
    )
    .await;
    run(
        &service,
        Command::MinutesPublish {
            meeting: MeetingId(1),
        },
    )
    .await;
    let http = build_http(
        &fake.options().token,
        Some(&fake.rest_url().parse().unwrap()),
    );
    let outbox = Arc::new(DiscordOutbox::new(
        Arc::new(http),
        Lang::Nb,
        RetryPolicy::default(),
    ));
    let sched = Scheduler::for_service(&service, outbox);
    let now = oslo(2027, 1, 12, 10, 1);
    clock.set(now);
    let report = sched.tick(now).await.expect("tick");
    assert_eq!(report.failed, 1, "{report:?}");
    let mut conn = service.store().pool().acquire().await.unwrap();
    let (state, failure): (String, String) =
        sqlx::query_as("SELECT state, failure FROM notifications WHERE key = 'minutes:1'")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
    assert_eq!(
        (state.as_str(), failure.as_str()),
        ("failed", "unknown_channel")
    );
    // The notice goes to the digest channel, pinging the coordinators.
    let later = now + chrono::Duration::seconds(5);
    clock.set(later);
    sched.tick(later).await.expect("tick");
    let role = format!("<@&{COORDINATOR_ROLE_ID}>");
    let notice = fake
        .wait_for_request("the failure notice", |r| {
            r.route == Some(Route::CreateMessage)
                && r.id("channel_id") == Some(support::fake_discord::DIGEST_CHANNEL_ID)
                && r.body
                    .as_ref()
                    .and_then(|b| b["content"].as_str())
                    .is_some_and(|c| c.starts_with(&role))
        })
        .await;
    let content = notice.body.as_ref().unwrap()["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        content.starts_with(&format!("<@&{COORDINATOR_ROLE_ID}>")),
        "{content}"
    );
    // Only one try at the deleted channel (a refusal is not retried).
    let tries = fake
        .requests()
        .into_iter()
        .filter(|r| r.route == Some(Route::CreateMessage) && r.id("channel_id") == Some(GONE))
        .count();
    assert_eq!(tries, 1);
}

mod console {
    //! The same on the console, with a recording outbox: the reminder after Easter, once,
    //! also across a restart; the digest lists the minutes awaiting publication; publishing
    //! posts the files.
    use super::support::sched::*;
    use sltbot::notify::Ping;

    #[tokio::test]
    async fn a_meeting_before_easter_is_reminded_after_the_holidays_once_and_listed_in_the_digest()
    {
        let env = Env::new("2027-03-20T10:00:00+01:00").await;
        env.ok(&format!("/workspace set digest_channel:{DIGEST_CHANNEL}"))
            .await;
        env.group("Tverrfaglig").await;
        env.ok("/group reminders group:Tverrfaglig leads:none deadline:none")
            .await;
        // Wednesday 24 March 2027, the day before Maundy Thursday.
        env.ok("/meeting add group:Tverrfaglig at:\"24.03.2027 kl. 09.00\"")
            .await;
        env.ok("/agenda add group:Tverrfaglig title:\"Skolevegring på Åsen\" meeting:1")
            .await;
        env.clock.set(at("2027-03-24T11:00:00+01:00"));
        env.ok("/meeting held id:1").await;
        let s = env.scheduler();
        let to_group = |env: &Env| {
            env.outbox
                .messages()
                .into_iter()
                .filter(|m| m.channel == GROUP_CHANNEL)
                .collect::<Vec<_>>()
        };
        // Maundy Thursday, Good Friday, the weekend, Easter Monday, then Tuesday 30 (one
        // working day): not yet.
        env.run_until(&s, at("2027-03-31T08:59:00+02:00")).await;
        assert!(to_group(&env).is_empty(), "{:?}", to_group(&env));
        // The digest of Easter Monday's week lists the minutes awaiting publication.
        let digest: String = env
            .outbox
            .messages()
            .into_iter()
            .filter(|m| m.channel == DIGEST_CHANNEL)
            .map(|m| m.content)
            .collect();
        assert!(
            digest.contains(
                "**Referater som venter på publisering**\n• Tverrfaglig: møte 1/2027 (24.03.2027)"
            ),
            "{digest}"
        );
        // Wednesday 31 March 09:00: the coordinators are reminded, once.
        env.run_until(&s, at("2027-03-31T09:01:00+02:00")).await;
        let sent = to_group(&env);
        assert_eq!(sent.len(), 1, "{sent:?}");
        assert_eq!(sent[0].ping, Ping::Role(COORD_ROLE));
        assert!(
            sent[0].content.contains("ikke publisert to arbeidsdager"),
            "{}",
            sent[0].content
        );
        assert_eq!(env.state("minutes-due:1").await.as_deref(), Some("sent"));
        // A restarted scheduler sends nothing again.
        let again = env.other_scheduler(env.outbox.clone()).await;
        env.run_until(&again, at("2027-04-02T12:00:00+02:00")).await;
        assert_eq!(to_group(&env).len(), 1);

        // Published: the post carries the PDF and the Markdown.
        env.ok("/minutes publish meeting:1").await;
        env.run_until(&s, at("2027-04-02T12:01:00+02:00")).await;
        let sent = to_group(&env);
        assert_eq!(sent.len(), 2, "{sent:?}");
        let names: Vec<&str> = sent[1]
            .attachments
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "referat-tverrfaglig-1-2027.pdf",
                "referat-tverrfaglig-1-2027.md"
            ]
        );
        assert!(sent[1].attachments[0].bytes.starts_with(b"%PDF-"));
        assert_eq!(sent[1].ping, Ping::Nobody);
        assert_eq!(env.state("minutes:1").await.as_deref(), Some("sent"));
    }

    #[tokio::test]
    async fn minutes_published_in_time_send_no_reminder() {
        let env = Env::new("2027-01-10T10:00:00+01:00").await;
        env.group("Tverrfaglig").await;
        env.ok("/group reminders group:Tverrfaglig leads:none deadline:none")
            .await;
        // Friday 15 January: due Tuesday 19 January 09:00.
        env.ok("/meeting add group:Tverrfaglig at:\"15.01.2027 kl. 09.00\"")
            .await;
        env.clock.set(at("2027-01-15T12:00:00+01:00"));
        env.ok("/meeting held id:1").await;
        let due: i64 =
            sqlx::query_scalar("SELECT due_at FROM notifications WHERE key = 'minutes-due:1'")
                .fetch_one(env.service.store().pool())
                .await
                .unwrap();
        assert_eq!(due, at("2027-01-19T09:00:00+01:00").timestamp());
        env.clock.set(at("2027-01-18T15:00:00+01:00"));
        env.ok("/minutes publish meeting:1").await;
        let s = env.scheduler();
        env.run_until(&s, at("2027-01-20T12:00:00+01:00")).await;
        let sent: Vec<_> = env
            .outbox
            .messages()
            .into_iter()
            .filter(|m| m.channel == GROUP_CHANNEL)
            .collect();
        assert_eq!(sent.len(), 1, "only the minutes: {sent:?}");
        assert_eq!(sent[0].attachments.len(), 2);
        assert_eq!(env.state("minutes-due:1").await.as_deref(), Some("skipped"));
    }

    #[tokio::test]
    async fn an_action_from_a_case_is_listed_under_it_and_among_the_actions_created() {
        let env = Env::new("2027-01-10T10:00:00+01:00").await;
        env.group("Tverrfaglig").await;
        env.ok("/meeting add group:Tverrfaglig at:\"15.01.2027 kl. 09.00\"")
            .await;
        env.ok("/agenda add group:Tverrfaglig title:\"Skolevegring på Åsen\" meeting:1")
            .await;
        let (item,): (i64,) =
            sqlx::query_as("SELECT id FROM agenda_items WHERE title LIKE 'Skolevegring%'")
                .fetch_one(env.service.store().pool())
                .await
                .unwrap();
        env.clock.set(at("2027-01-15T10:00:00+01:00"));
        env.ok(&format!(
            "/agenda decide id:{item} decision:\"Skolen kartlegger.\""
        ))
        .await;
        env.ok(&format!(
            "/action add group:Tverrfaglig title:\"Kartlegge fravær\" owner:<@42> agency:Skolen due:01.03.2027 case:{item}"
        ))
        .await;
        // An action from no case is not the meeting's.
        env.ok("/action add group:Tverrfaglig title:\"Annet tiltak\" owner:<@42>")
            .await;
        // Another group's case cannot be named.
        env.group("Styringsgruppa").await;
        let (ok, text) = env
            .as_user(
                &[COORD_ROLE],
                &format!("/action add group:Styringsgruppa title:\"X\" owner:<@42> case:{item}"),
            )
            .await;
        assert!(!ok, "{text}");
        env.ok("/meeting held id:1").await;
        let (minutes, lang) = env
            .service
            .minutes_for_archive(sltbot::domain::MeetingId(1))
            .await
            .unwrap();
        assert_eq!(minutes.actions.len(), 1, "{:?}", minutes.actions);
        let a = &minutes.actions[0];
        assert_eq!(a.title, "Kartlegge fravær");
        assert_eq!(a.agency.as_deref(), Some("Skolen"));
        assert!(a.case.is_some());
        let md = sltbot::minutes::markdown::render(&minutes, lang);
        // Under the case and in the list of actions created.
        assert_eq!(md.matches("Kartlegge fravær").count(), 2, "{md}");
        assert!(md.contains("Kartlegge fravær — Ansvarlig: "), "{md}");
        assert!(md.contains("frist 01.03.2027"), "{md}");
        assert!(!md.contains("Annet tiltak"), "{md}");
    }

    /// What one language's run of the minutes' story shows, by snapshot name.
    async fn story(lang: sltbot::domain::Lang) -> Vec<(&'static str, String)> {
        let env = Env::new("2027-03-20T10:00:00+01:00").await;
        env.ok(&format!(
            "/workspace set language:{} digest_channel:{DIGEST_CHANNEL}",
            lang.code()
        ))
        .await;
        env.group("Tverrfaglig").await;
        let referent = env
            .ok(&format!(
                "/group edit group:Tverrfaglig referent_role:{}",
                sltbot::domain::RoleId(12)
            ))
            .await;
        env.ok(
            "/group reminders group:Tverrfaglig leads:none deadline:none\n\
             /meeting add group:Tverrfaglig at:\"24.03.2027 kl. 09.00\" location:\"Rådhuset, møterom Ø\"\n\
             /agenda add group:Tverrfaglig title:\"Skolevegring på Åsen\" meeting:1",
        )
        .await;
        env.clock.set(at("2027-03-24T10:00:00+01:00"));
        env.ok(
            "/agenda decide id:1 decision:\"Skolen og helsesykepleier kartlegger fraværet.\" notes:\"Økende fravær på 9. trinn.\"\n\
             /action add group:Tverrfaglig title:\"Kartlegge fravær på 9. trinn\" owner:<@42> agency:\"Åsen skole\" due:30.04.2027 case:1\n\
             /meeting held id:1",
        )
        .await;
        let agenda_list = env.ok("/agenda list group:Tverrfaglig meeting:1").await;
        let outbox = std::sync::Arc::new(sltbot::notify::RecordingOutbox::default());
        let s = sltbot::scheduler::Scheduler::for_service(&env.service, outbox.clone());
        env.run_until(&s, at("2027-03-31T09:01:00+02:00")).await;
        env.clock.set(at("2027-04-02T12:00:00+02:00"));
        env.ok("/minutes publish meeting:1").await;
        env.run_until(&s, at("2027-04-02T12:01:00+02:00")).await;
        env.ok("/meeting add group:Tverrfaglig at:\"14.04.2027 kl. 09.00\"")
            .await;
        let case_list = env.ok("/meeting agenda id:2").await;
        let sent = outbox.messages();
        let reminder = sent
            .iter()
            .find(|m| m.channel == GROUP_CHANNEL && m.attachments.is_empty())
            .map(|m| format!("ping {:?}\n{}", m.ping, m.content))
            .unwrap_or_default();
        let posted = sent
            .iter()
            .find(|m| !m.attachments.is_empty())
            .map(|m| {
                let names: Vec<&str> = m.attachments.iter().map(|a| a.name.as_str()).collect();
                format!("ping {:?} · files {names:?}\n{}", m.ping, m.content)
            })
            .unwrap_or_default();
        // The digest of Monday 29.03 (the week after the meeting).
        let digest: String = sent
            .iter()
            .rfind(|m| m.channel == DIGEST_CHANNEL)
            .map(|m| m.content.clone())
            .unwrap_or_default();
        // The whole digest: the section closes it.
        let section = digest;
        let (minutes, mlang) = env
            .service
            .minutes_for_archive(sltbot::domain::MeetingId(1))
            .await
            .unwrap();
        vec![
            (
                "minutes2_group_referent_role",
                referent.trim_end().to_string(),
            ),
            (
                "minutes2_agenda_list_by_case_number",
                agenda_list.trim_end().to_string(),
            ),
            ("minutes2_reminder", reminder),
            ("minutes2_published_post", posted),
            ("minutes2_digest_with_awaiting_minutes", section),
            (
                "minutes2_case_list_with_link",
                case_list.trim_end().to_string(),
            ),
            (
                "minutes2_markdown",
                sltbot::minutes::markdown::render(&minutes, mlang),
            ),
        ]
    }

    #[tokio::test]
    async fn the_minutes_messages_have_goldens_in_nb_nn_and_en() {
        use sltbot::domain::Lang;
        let mut runs = Vec::new();
        for lang in Lang::ALL {
            runs.push((lang, story(lang).await));
        }
        let names: Vec<&str> = runs[0].1.iter().map(|(n, _)| *n).collect();
        for (i, name) in names.iter().enumerate() {
            let mut out = String::from(*name);
            for (lang, shown) in &runs {
                let text = &shown[i].1;
                assert!(!text.is_empty(), "{name} {}: nothing", lang.code());
                out.push_str(&format!("\n── {}\n{}", lang.code(), text));
            }
            insta::assert_snapshot!(*name, out);
        }
    }

    #[tokio::test]
    async fn holding_the_next_meeting_with_the_approval_case_on_its_list_approves_the_minutes() {
        let env = Env::new("2027-01-10T10:00:00+01:00").await;
        env.group("Tverrfaglig").await;
        env.ok(
            "/meeting add group:Tverrfaglig at:\"15.01.2027 kl. 09.00\"\n\
             /meeting add group:Tverrfaglig at:\"12.02.2027 kl. 09.00\"",
        )
        .await;
        env.clock.set(at("2027-01-15T12:00:00+01:00"));
        env.ok("/meeting held id:1").await;
        // Not published: holding the next meeting approves nothing.
        env.clock.set(at("2027-01-18T12:00:00+01:00"));
        let list = env.ok("/meeting agenda id:2").await;
        assert!(
            list.contains("Referatet fra møte 1/2027 er ikke publisert ennå"),
            "{list}"
        );
        env.ok("/minutes publish meeting:1").await;
        env.clock.set(at("2027-02-12T11:00:00+01:00"));
        let held = env.ok("/meeting held id:2").await;
        assert!(!held.is_empty());
        let (status, on, at_meeting): (String, String, i64) = sqlx::query_as(
            "SELECT status, approved_on, approved_in FROM minutes WHERE meeting_id = 1",
        )
        .fetch_one(env.service.store().pool())
        .await
        .unwrap();
        assert_eq!(
            (status.as_str(), on.as_str(), at_meeting),
            ("approved", "2027-02-12", 2)
        );
        // Shown so under the approval case of meeting 2.
        let list = env.ok("/meeting agenda id:2").await;
        assert!(
            list.contains("Referat fra møte 1/2027, godkjent 12.02.2027"),
            "{list}"
        );
    }

    #[tokio::test]
    async fn the_console_saves_the_draft_as_pdf_and_markdown() {
        let env = Env::new("2027-01-10T10:00:00+01:00").await;
        env.group("Utkastgruppa").await;
        env.ok(
            "/meeting add group:Utkastgruppa at:\"15.01.2027 kl. 09.00\"\n\
             /agenda add group:Utkastgruppa title:\"Trygg skoleveg på Ørnes\" meeting:1",
        )
        .await;
        env.clock.set(at("2027-01-15T09:30:00+01:00"));
        env.ok("/agenda decide id:1 decision:\"Vi ber kommunen om lys.\"")
            .await;
        let out = env.ok("/minutes show meeting:1").await;
        assert!(
            out.contains("Utkastet er lagret (PDF/A og Markdown): "),
            "{out}"
        );
        let dir = std::env::temp_dir();
        let pdf = std::fs::read(dir.join("referat-utkastgruppa-2027-01-15.pdf")).unwrap();
        let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Trygg skoleveg på Ørnes"), "{flat}");
        let md = std::fs::read_to_string(dir.join("referat-utkastgruppa-2027-01-15.md")).unwrap();
        assert!(md.contains("Vi ber kommunen om lys."), "{md}");
    }

    #[tokio::test]
    async fn text_the_archive_font_cannot_show_does_not_stop_the_minutes() {
        let env = Env::new("2027-01-10T10:00:00+01:00").await;
        env.group("Emojigruppa").await;
        env.ok(
            "/group reminders group:Emojigruppa leads:none deadline:none\n\
             /meeting add group:Emojigruppa at:\"15.01.2027 kl. 09.00\"\n\
             /agenda add group:Emojigruppa title:\"Sommerjobb 👍 for ungdom\" meeting:1",
        )
        .await;
        env.clock.set(at("2027-01-15T09:30:00+01:00"));
        env.ok("/agenda decide id:1 decision:\"Vedtatt 🎉 med 漢字.\"\n\
             /meeting held id:1\n\
             /minutes publish meeting:1")
            .await;
        let s = env.scheduler();
        env.run_until(&s, at("2027-01-15T09:31:00+01:00")).await;
        let sent: Vec<_> = env
            .outbox
            .messages()
            .into_iter()
            .filter(|m| m.channel == GROUP_CHANNEL)
            .collect();
        assert_eq!(sent.len(), 1, "{sent:?}");
        assert_eq!(sent[0].attachments.len(), 2, "{:?}", sent[0].attachments);
        let text = pdf_extract::extract_text_from_mem(&sent[0].attachments[0].bytes).unwrap();
        assert!(text.contains("Sommerjobb"), "{text}");
        let md = String::from_utf8(sent[0].attachments[1].bytes.clone()).unwrap();
        assert!(md.contains("Vedtatt 🎉 med 漢字."), "{md}");
    }
}
