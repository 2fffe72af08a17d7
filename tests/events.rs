//! Discord scheduled events and the permission self-check, end to end: the real serenity
//! client against the fake Discord (every body validated against Discord's OpenAPI
//! description), on a real SQLite file.

mod support;

use serde_json::{json, Value};
use sltbot::domain::access::bits;
use sltbot::domain::{MeetingId, WorkspaceId};
use sltbot::scheduler::events::{EventPort, EventSync, SyncReport, CAP, RETRY_REFUSED};
use sltbot::service::{Command, Reply};
use std::sync::Arc;
use support::fake_discord::fixtures::{Actor, InteractionFixture, ADMINISTRATOR};
use support::fake_discord::{
    FakeDiscord, Fault, Route, COORDINATOR_ROLE_ID, DIGEST_CHANNEL_ID, GUILD_ID, KARI_USER_ID,
    MEMBER_ROLE_ID,
};
use support::harness::{admin, seeded_bot, Running, GROUP};
use support::ids::t0;

const BOT_ROLE: u64 = 950_000_000_000_000_001;
const WS: WorkspaceId = WorkspaceId(GUILD_ID);

fn sync_for(running: &Running) -> EventSync {
    EventSync::new(
        running.service.store().clone(),
        running.service.clock(),
        Arc::new(sltbot::discord::events::DiscordEvents::new(
            running.bot.http.clone(),
        )),
    )
}

async fn run(running: &Running, cmd: Command) -> Reply {
    let r = running.service.execute(&admin(), WS, cmd).await;
    r.outcome.unwrap_or_else(|e| panic!("{e:?}"))
}

async fn events_on(running: &Running) {
    run(
        running,
        Command::GroupEvents {
            group: GROUP.into(),
            enabled: Some(true),
            voice: None,
            place: None,
        },
    )
    .await;
}

/// The bot gets a role with these permissions.
fn grant(fake: &FakeDiscord, permissions: u64) {
    fake.add_role(BOT_ROLE, "sltbot", permissions, false);
    fake.give_bot_role(BOT_ROLE);
}

fn one_event(fake: &FakeDiscord) -> Value {
    let events = fake.scheduled_events();
    assert_eq!(events.len(), 1, "{events:#?}");
    events[0].clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_are_created_moved_and_cancelled_with_their_meetings() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    grant(fake, bits::CREATE_EVENTS);
    let sync = sync_for(&running);

    // Off by default: nothing.
    assert_eq!(sync.sync(t0()).await.unwrap(), SyncReport::default());
    assert!(fake.scheduled_events().is_empty());

    events_on(&running).await;
    let r = sync.sync(t0()).await.unwrap();
    assert_eq!(r.created, 1, "{r:?}");
    let ev = one_event(fake);
    // The Events list is server-wide: no meeting title unless the group shows titles in
    // the digest.
    assert_eq!(ev["name"], "Møte i Koordineringsgruppa");
    assert_eq!(ev["entity_type"], 3, "EXTERNAL");
    assert_eq!(
        ev["entity_metadata"]["location"],
        "Koordineringsgruppa – se innkallingen"
    );
    // 09.00 in Oslo (UTC+1) on 12 January 2027; two hours.
    let start = ev["scheduled_start_time"].as_str().unwrap();
    assert!(start.starts_with("2027-01-12T08:00:00"), "{start}");
    let end = ev["scheduled_end_time"].as_str().unwrap();
    assert!(end.starts_with("2027-01-12T10:00:00"), "{end}");
    assert!(ev["description"]
        .as_str()
        .unwrap()
        .ends_with("/meeting notice id:1"));
    let id = ev["id"].clone();

    // The notice links the event.
    let notice = running
        .service
        .execute(&admin(), WS, Command::MeetingNotice { id: MeetingId(1) })
        .await;
    let text = sltbot::render::response(&notice, sltbot::render::Style::Discord);
    let url = format!(
        "https://discord.com/events/{GUILD_ID}/{}",
        id.as_str().unwrap()
    );
    assert!(
        text.contains(&format!("Arrangement i Discord: {url}")),
        "{text}"
    );

    // A second pass changes nothing.
    assert_eq!(sync.sync(t0()).await.unwrap(), SyncReport::default());

    // Titles allowed: the event is renamed.
    run(
        &running,
        Command::GroupDigest {
            group: GROUP.into(),
            titles: true,
        },
    )
    .await;
    let r = sync.sync(t0()).await.unwrap();
    assert_eq!(r.updated, 1, "{r:?}");
    assert_eq!(one_event(fake)["name"], "Januarmøtet (Koordineringsgruppa)");

    // The meeting moves: the same event moves (PATCH), none is added.
    run(
        &running,
        Command::MeetingMove {
            id: MeetingId(1),
            at: "19.01.2027 kl. 10.00".into(),
        },
    )
    .await;
    let r = sync.sync(t0()).await.unwrap();
    assert_eq!((r.updated, r.created), (1, 0), "{r:?}");
    assert_eq!(one_event(fake)["name"], "Januarmøtet (Koordineringsgruppa)");
    let ev = one_event(fake);
    assert_eq!(ev["id"], id);
    assert!(ev["scheduled_start_time"]
        .as_str()
        .unwrap()
        .starts_with("2027-01-19T09:00:00"));

    // A new meeting with a place gets its own event; cancelled, the event goes.
    run(
        &running,
        Command::MeetingAdd {
            group: GROUP.into(),
            at: "26.01.2027 kl. 09.00".into(),
            title: None,
            location: Some("Rådhuset, møterom 2".into()),
        },
    )
    .await;
    let r = sync.sync(t0()).await.unwrap();
    assert_eq!(r.created, 1, "{r:?}");
    let second = fake
        .scheduled_events()
        .into_iter()
        .find(|e| e["id"] != id)
        .expect("a second event");
    assert_eq!(second["name"], "Møte i Koordineringsgruppa");
    assert_eq!(second["entity_metadata"]["location"], "Rådhuset, møterom 2");
    run(&running, Command::MeetingCancel { id: MeetingId(2) }).await;
    let r = sync.sync(t0()).await.unwrap();
    assert_eq!(r.deleted, 1, "{r:?}");
    assert_eq!(one_event(fake)["id"], id);

    // The meeting is held: its event is removed.
    let after = chrono::DateTime::parse_from_rfc3339("2027-01-19T12:30:00+01:00")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let r = sync.sync(after).await.unwrap();
    assert_eq!(r.deleted, 1, "{r:?}");
    assert!(fake.scheduled_events().is_empty());

    let creates = fake
        .requests()
        .iter()
        .filter(|r| r.route == Some(Route::CreateScheduledEvent))
        .count();
    assert_eq!(creates, 2, "one create per meeting, no doubles");
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_create_interrupted_after_discord_made_it_is_adopted_not_doubled() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    grant(fake, bits::CREATE_EVENTS);
    events_on(&running).await;
    // Simulate a crash between Discord's answer and recording it: the row says
    // `creating`, and Discord has the event.
    let port = sltbot::discord::events::DiscordEvents::new(running.bot.http.clone());
    let meeting = {
        let mut conn = running.service.store().conn().await.unwrap();
        sltbot::store::meetings::get(&mut conn, MeetingId(1))
            .await
            .unwrap()
            .unwrap()
    };
    {
        let mut tx = running.service.store().write().await.unwrap();
        sltbot::store::events::mark_creating(&mut tx, &meeting, WS, t0())
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    let group = {
        let mut conn = running.service.store().conn().await.unwrap();
        sltbot::store::groups::get(&mut conn, meeting.group)
            .await
            .unwrap()
            .unwrap()
    };
    let spec = sltbot::scheduler::events::spec_for(
        sltbot::domain::Lang::Nb,
        chrono_tz::Europe::Oslo,
        &group,
        &meeting,
        None,
    );
    port.create(GUILD_ID, &spec).await.expect("created");

    let r = sync_for(&running).sync(t0()).await.unwrap();
    assert_eq!((r.adopted, r.created), (1, 0), "{r:?}");
    assert_eq!(fake.scheduled_events().len(), 1);
    assert_eq!(
        sync_for(&running).sync(t0()).await.unwrap(),
        SyncReport::default()
    );
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_most_the_cap_of_events_nearest_first() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    grant(fake, bits::CREATE_EVENTS);
    events_on(&running).await;
    // 55 more meetings, daily from 2 December 2026: 56 within the horizon.
    for day in 0..55 {
        let date = t0().date_naive() + chrono::Duration::days(1 + day);
        run(
            &running,
            Command::MeetingAdd {
                group: GROUP.into(),
                at: format!("{} kl. 13.00", date.format("%d.%m.%Y")),
                title: None,
                location: None,
            },
        )
        .await;
    }
    let started = std::time::Instant::now();
    let r = sync_for(&running).sync(t0()).await.unwrap();
    eprintln!(
        "one pass creating {CAP} events: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    assert_eq!((r.created, r.over_cap), (CAP, 6), "{r:?}");
    let events = fake.scheduled_events();
    assert_eq!(events.len(), CAP);
    let last = events
        .iter()
        .filter_map(|e| e["scheduled_start_time"].as_str())
        .max()
        .unwrap()
        .to_string();
    assert!(last.starts_with("2027-01-19"), "nearest first: {last}");
    // The self-check says so.
    let started = std::time::Instant::now();
    let report = running.service.self_check(WS, t0()).await.unwrap();
    eprintln!(
        "self-check of one server: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    assert!(
        report
            .problems
            .contains(&sltbot::domain::access::Problem::EventCap { left_out: 6 }),
        "{report:?}"
    );
    fake.assert_no_violations();
    running.stop().await;
}

fn admin_actor() -> Actor {
    Actor::new(KARI_USER_ID, "kari")
        .with_roles(&[COORDINATOR_ROLE_ID, MEMBER_ROLE_ID])
        .with_permissions(ADMINISTRATOR)
}

async fn workspace_check(fake: &FakeDiscord, locale: &str) -> String {
    let sent = fake.send_interaction(
        &InteractionFixture::slash("workspace")
            .subcommand("check")
            .by(&admin_actor())
            .locale(locale),
    );
    let cb = fake.wait_for_callback(&sent).await;
    assert_eq!(cb.status, 204, "{cb:?}");
    let body = cb.body.expect("a body");
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap_or(0) & 64,
        64,
        "ephemeral"
    );
    body["data"]["content"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_create_is_a_failure_the_self_check_names_and_retried_later() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    events_on(&running).await;
    fake.fail_next(
        Route::CreateScheduledEvent,
        1,
        Fault::Status {
            status: 403,
            body: json!({"code": 50013, "message": "Missing Permissions"}),
        },
    );
    let sync = sync_for(&running);
    let r = sync.sync(t0()).await.unwrap();
    assert_eq!((r.failed, r.created), (1, 0), "{r:?}");
    assert!(fake.scheduled_events().is_empty());
    // Not retried at once.
    assert_eq!(sync.sync(t0()).await.unwrap(), SyncReport::default());
    let failures = {
        let mut conn = running.service.store().conn().await.unwrap();
        sltbot::store::events::failures(&mut conn, WS)
            .await
            .unwrap()
    };
    assert_eq!(
        failures,
        vec![(MeetingId(1), "missing_permissions".to_string())]
    );

    let text = workspace_check(fake, "no").await;
    assert!(
        text.contains("Discord avviste arrangementet for møte 1"),
        "{text}"
    );
    assert!(text.contains("slå på «Opprett arrangementer»"), "{text}");

    // The admin gives the bot the permission; the next try creates it.
    grant(fake, bits::CREATE_EVENTS);
    let later = t0() + RETRY_REFUSED + chrono::Duration::minutes(1);
    let r = sync.sync(later).await.unwrap();
    assert_eq!(r.created, 1, "{r:?}");
    let text = workspace_check(fake, "no").await;
    assert!(!text.contains("avviste"), "{text}");
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_self_check_names_a_missing_send_overwrite_and_an_unmentionable_role() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    grant(
        fake,
        bits::ATTACH_FILES | bits::CREATE_EVENTS | bits::SEND_MESSAGES | bits::VIEW_CHANNEL,
    );
    run(
        &running,
        Command::DigestSet {
            channel: Some(sltbot::domain::ChannelId(DIGEST_CHANNEL_ID)),
            cadence: None,
            rule: None,
        },
    )
    .await;
    // All fine first.
    let text = workspace_check(fake, "en-US").await;
    assert!(text.contains("All good"), "{text}");

    // The digest channel denies the bot's role Send Messages; the coordinator role is not
    // mentionable.
    fake.set_overwrites(
        DIGEST_CHANNEL_ID,
        vec![json!({
            "id": BOT_ROLE.to_string(),
            "type": 0,
            "allow": "0",
            "deny": bits::SEND_MESSAGES.to_string(),
        })],
    );
    fake.edit_role(COORDINATOR_ROLE_ID, None, Some(false));
    let digest = format!("<#{DIGEST_CHANNEL_ID}>");
    let role = format!("<@&{COORDINATOR_ROLE_ID}>");
    let en = workspace_check(fake, "en-US").await;
    assert!(
        en.contains(&format!(
            "Channel {digest} → Edit Channel → Permissions → add <@{}>: turn on \"Send Messages\"",
            support::fake_discord::BOT_USER_ID
        )),
        "{en}"
    );
    assert!(
        en.contains(&format!(
            "Server Settings → Roles → {role} → turn on \"Allow anyone to @mention this role\""
        )),
        "{en}"
    );
    let nb = workspace_check(fake, "no").await;
    assert!(nb.contains("slå på «Send meldinger»"), "{nb}");
    assert!(
        nb.contains("«Tillat at alle kan @nevne denne rollen»"),
        "{nb}"
    );

    // Mention Everyone lets the bot ping the role after all.
    fake.edit_role(
        BOT_ROLE,
        Some(
            bits::ATTACH_FILES
                | bits::CREATE_EVENTS
                | bits::SEND_MESSAGES
                | bits::VIEW_CHANNEL
                | bits::MENTION_EVERYONE,
        ),
        None,
    );
    let en = workspace_check(fake, "en-US").await;
    assert!(!en.contains("@mention this role"), "{en}");
    assert!(en.contains("Send Messages"), "{en}");

    // The start-up check logs the same, one line per problem (ids only).
    assert_eq!(running.service.log_self_check().await.unwrap(), 1);
    fake.assert_no_violations();
    running.stop().await;
}

const VOICE_CHANNEL_ID: u64 = 920_000_000_000_000_077;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_voice_channel_holds_the_events_and_turning_events_off_removes_them() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    grant(fake, bits::CREATE_EVENTS | bits::CONNECT);
    fake.add_channel(support::fake_discord::fixtures::ChannelFixture {
        id: VOICE_CHANNEL_ID,
        name: "møterom".into(),
        kind: 2,
    });
    run(
        &running,
        Command::GroupEvents {
            group: GROUP.into(),
            enabled: Some(true),
            voice: Some(sltbot::domain::ChannelId(VOICE_CHANNEL_ID)),
            place: None,
        },
    )
    .await;
    let sync = sync_for(&running);
    let r = sync.sync(t0()).await.unwrap();
    assert_eq!(r.created, 1, "{r:?}");
    let ev = one_event(fake);
    assert_eq!(ev["entity_type"], 2, "VOICE");
    assert_eq!(ev["channel_id"], VOICE_CHANNEL_ID.to_string());
    // The self-check finds the voice channel usable.
    let report = running.service.self_check(WS, t0()).await.unwrap();
    assert!(
        !report.problems.iter().any(|p| matches!(
            p,
            sltbot::domain::access::Problem::CannotUseVoice { .. }
                | sltbot::domain::access::Problem::CannotCreateEvents
        )),
        "{report:?}"
    );

    // Back to the meeting's place: the same event becomes EXTERNAL.
    run(
        &running,
        Command::GroupEvents {
            group: GROUP.into(),
            enabled: None,
            voice: None,
            place: Some(true),
        },
    )
    .await;
    let r = sync.sync(t0()).await.unwrap();
    assert_eq!(r.updated, 1, "{r:?}");
    let ev = one_event(fake);
    assert_eq!(ev["entity_type"], 3, "EXTERNAL");
    assert!(ev["channel_id"].is_null(), "{ev}");

    // Turned off: the event is deleted.
    run(
        &running,
        Command::GroupEvents {
            group: GROUP.into(),
            enabled: Some(false),
            voice: None,
            place: None,
        },
    )
    .await;
    let r = sync.sync(t0()).await.unwrap();
    assert_eq!(r.deleted, 1, "{r:?}");
    assert!(fake.scheduled_events().is_empty());

    // On again once the meeting has begun: no event for it (Discord takes no past start).
    events_on(&running).await;
    let begun = chrono::DateTime::parse_from_rfc3339("2027-01-12T09:30:00+01:00")
        .unwrap()
        .with_timezone(&chrono::Utc);
    assert_eq!(sync.sync(begun).await.unwrap(), SyncReport::default());
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_or_failing_discord_delays_an_event_without_doubling_it() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    grant(fake, bits::CREATE_EVENTS);
    events_on(&running).await;
    fake.fail_next(Route::CreateScheduledEvent, 1, Fault::ServerError);
    let sync = sync_for(&running);
    let r = sync.sync(t0()).await.unwrap();
    assert_eq!((r.retried, r.created), (1, 0), "{r:?}");
    // Not before the back-off.
    assert_eq!(sync.sync(t0()).await.unwrap(), SyncReport::default());
    let next = sync.next_wake(t0()).await.unwrap().expect("a retry time");
    assert!(
        next > t0() && next <= t0() + chrono::Duration::minutes(2),
        "{next}"
    );
    // A 5xx's effect is unknown: the retry looks first, then creates once.
    let r = sync.sync(next).await.unwrap();
    assert_eq!(r.created, 1, "{r:?}");
    let lists = fake
        .requests()
        .iter()
        .filter(|r| r.route == Some(Route::ListScheduledEvents))
        .count();
    assert_eq!(lists, 1, "looked up once before creating again");
    assert_eq!(fake.scheduled_events().len(), 1);
    fake.assert_no_violations();
    running.stop().await;
}
