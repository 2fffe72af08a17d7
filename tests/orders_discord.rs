//! Orders end to end on Discord: the real serenity client (through poise) runs sltbot's
//! adapter against the fake Discord; the real scheduler posts through a `DiscordOutbox`
//! to the fake. An order from the styringsgruppe is posted to the koordineringsgruppe's
//! channel pinging exactly its coordinator role, answered there by slash command, and the
//! answer is posted to the styringsgruppe's channel pinging exactly its coordinator role;
//! the overdue ping and `/overview` follow.

mod support;

use chrono::TimeZone;
use serde_json::{json, Value};
use sltbot::discord::{build_http, DiscordOutbox, RetryPolicy};
use sltbot::domain::{ChannelId, Lang, RoleId, SltLevel, WorkspaceId};
use sltbot::scheduler::Scheduler;
use sltbot::service::Command;
use std::sync::Arc;
use std::time::Duration;
use support::fake_discord::fixtures::{self, Actor, InteractionFixture, RoleFixture};
use support::fake_discord::{
    FakeDiscord, FakeDiscordOptions, Route, COORDINATOR_ROLE_ID, DIGEST_CHANNEL_ID,
    GENERAL_CHANNEL_ID, GUILD_ID,
};
use support::harness::{self, start_bot, GROUP};

/// Styringsgruppa's coordinator role, and a member who holds it.
const ST_ROLE_ID: u64 = 1_300_000_000_000_000_077;
const SIRI_USER_ID: u64 = 1_300_000_000_000_000_078;
const PER_USER_ID: u64 = 1_300_000_000_000_000_079;

fn siri() -> Actor {
    Actor::new(SIRI_USER_ID, "siri").with_roles(&[ST_ROLE_ID])
}

/// Koordineringsgruppa's coordinator.
fn per() -> Actor {
    Actor::new(PER_USER_ID, "per").with_roles(&[COORDINATOR_ROLE_ID])
}

fn outbox_for(fake: &FakeDiscord) -> DiscordOutbox {
    let url = fake.rest_url().parse().unwrap();
    let http = build_http(&fake.options().token, Some(&url));
    let retry = RetryPolicy {
        max_attempts: 4,
        initial_backoff: Duration::from_millis(250),
        max_backoff: Duration::from_secs(1),
    };
    DiscordOutbox::new(Arc::new(http), Lang::Nb, retry)
}

async fn callback(fake: &FakeDiscord, sent: &support::fake_discord::SentInteraction) -> Value {
    let cb = fake.wait_for_callback(sent).await;
    assert_eq!(cb.status, 204, "{cb:?}");
    cb.body.clone().expect("a JSON body")
}

/// What the bot posted to `channel` by itself (not interaction replies): request bodies.
fn posts(fake: &FakeDiscord, channel: u64) -> Vec<Value> {
    fake.requests()
        .into_iter()
        .filter(|r| {
            r.method == "POST"
                && r.route == Some(Route::CreateMessage)
                && r.id("channel_id") == Some(channel)
        })
        .filter_map(|r| r.body)
        .collect()
}

/// The stored messages in `channel` that ping a role (the bot's own posts).
fn pings(fake: &FakeDiscord, channel: u64) -> Vec<Value> {
    fake.messages_in_channel(channel)
        .into_iter()
        .filter(|m| m["content"].as_str().is_some_and(|c| c.starts_with("<@&")))
        .collect()
}

fn content(cb: &Value) -> String {
    cb["data"]["content"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::DateTime<chrono::Utc> {
    chrono::Utc
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_pings_only_the_receivers_coordinators_and_its_answer_only_the_senders() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sltbot.db");
    {
        // Koordineringsgruppa in `general` meeting 12.01.2027; Styringsgruppa in `digest`
        // meeting 20.01.2027.
        let service = harness::service_on(&db).await;
        harness::seed(&service).await;
        let ws = WorkspaceId(GUILD_ID);
        for cmd in [
            Command::GroupCreate {
                name: "Styringsgruppa".into(),
                level: SltLevel::Styrende,
                channel: Some(ChannelId(DIGEST_CHANNEL_ID)),
                coordinator_role: Some(RoleId(ST_ROLE_ID)),
                member_role: None,
                timezone: None,
                language: None,
            },
            Command::MeetingAdd {
                group: "Styringsgruppa".into(),
                at: "20.01.2027 kl. 12.00".into(),
                title: None,
                location: None,
            },
        ] {
            let r = service.execute(&harness::admin(), ws, cmd).await;
            assert!(r.outcome.is_ok(), "{r:?}");
        }
        service.store().close().await;
    }
    let mut opts = FakeDiscordOptions::default();
    opts.guild
        .as_mut()
        .expect("a guild")
        .roles
        .push(RoleFixture {
            id: ST_ROLE_ID,
            name: "styringsgruppa".into(),
            permissions: fixtures::DEFAULT_MEMBER_PERMISSIONS,
        });
    let running = start_bot(&db, opts, Vec::new()).await;
    let fake = &running.fake;

    // Registered with Norwegian names: /bestilling ny|svar|liste|vis, /oversikt.
    let put = fake.wait_for_command_registration().await;
    let commands = put.body.clone().expect("a body");
    let named = |n: &str| {
        commands
            .as_array()
            .expect("a list")
            .iter()
            .find(|c| c["name"] == n)
            .cloned()
            .unwrap_or_else(|| panic!("/{n} registered"))
    };
    assert_eq!(named("overview")["name_localizations"]["no"], "oversikt");
    let order = named("order");
    assert_eq!(order["name_localizations"]["no"], "bestilling");
    let subs: Vec<&str> = order["options"]
        .as_array()
        .expect("subcommands")
        .iter()
        .filter_map(|o| o["name_localizations"]["no"].as_str())
        .collect();
    assert_eq!(subs, ["ny", "svar", "liste", "vis"]);

    // The styringsgruppe's coordinator orders, in its own channel.
    let add = fake.send_interaction(
        &InteractionFixture::slash("order")
            .subcommand("add")
            .string("from", "Styringsgruppa")
            .string("to", GROUP)
            .string("title", "Kartlegg rusbruken i sentrum @everyone")
            .string("due", "15.01.2027")
            .by(&siri())
            .in_channel(DIGEST_CHANNEL_ID),
    );
    let cb = callback(fake, &add).await;
    let text = content(&cb);
    assert!(text.contains("Bestilling 1 sendt til"), "{text}");
    assert_eq!(
        cb["data"]["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": []}),
        "a reply pings nobody"
    );

    // The scheduler posts it to `general`, pinging the coordinator role and nobody else.
    let scheduler = Scheduler::for_service(&running.service, Arc::new(outbox_for(fake)));
    let now = utc(2026, 12, 1, 9, 5);
    scheduler.tick(now).await.expect("tick");
    let posted = posts(fake, GENERAL_CHANNEL_ID);
    assert_eq!(posted.len(), 1, "{posted:#?}");
    let text = posted[0]["content"].as_str().unwrap();
    assert!(
        text.starts_with(&format!("<@&{COORDINATOR_ROLE_ID}> ")),
        "{text}"
    );
    assert!(text.contains("Kartlegg rusbruken i sentrum"), "{text}");
    assert_eq!(
        posted[0]["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": [COORDINATOR_ROLE_ID.to_string()]})
    );
    let stored = pings(fake, GENERAL_CHANNEL_ID);
    assert_eq!(stored.len(), 1);
    assert_eq!(
        stored[0]["mention_roles"],
        json!([COORDINATOR_ROLE_ID.to_string()])
    );
    assert_eq!(
        stored[0]["mention_everyone"],
        json!(false),
        "user text pings nobody"
    );
    assert!(posts(fake, DIGEST_CHANNEL_ID).is_empty());

    // Answered by slash command in `general` by its coordinator.
    let reply = fake.send_interaction(
        &InteractionFixture::slash("order")
            .subcommand("reply")
            .integer("id", 1)
            .integer("status", 0)
            .string("text", "Vi tar den")
            .by(&per())
            .in_channel(GENERAL_CHANNEL_ID),
    );
    let cb = callback(fake, &reply).await;
    assert!(content(&cb).contains("akseptert"), "{cb}");
    scheduler.tick(now).await.expect("tick");
    let up = posts(fake, DIGEST_CHANNEL_ID);
    assert_eq!(up.len(), 1, "{up:#?}");
    let text = up[0]["content"].as_str().unwrap();
    assert!(text.starts_with(&format!("<@&{ST_ROLE_ID}> ")), "{text}");
    assert!(text.contains("Vi tar den"), "{text}");
    assert_eq!(
        up[0]["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": [ST_ROLE_ID.to_string()]})
    );
    assert_eq!(
        posts(fake, GENERAL_CHANNEL_ID).len(),
        1,
        "nothing more to `general`"
    );

    // Overdue: the day after the due date at 09.00 Oslo, to `general` again.
    scheduler.tick(utc(2027, 1, 16, 8, 1)).await.expect("tick");
    let posted = posts(fake, GENERAL_CHANNEL_ID);
    assert_eq!(posted.len(), 2, "{posted:#?}");
    let text = posted[1]["content"].as_str().unwrap();
    assert!(text.contains("hadde frist 15.01.2027"), "{text}");
    assert_eq!(
        posted[1]["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": [COORDINATOR_ROLE_ID.to_string()]})
    );

    // The overview, only to the caller.
    let overview = fake.send_interaction(
        &InteractionFixture::slash("overview")
            .by(&per())
            .in_channel(GENERAL_CHANNEL_ID),
    );
    let cb = callback(fake, &overview).await;
    assert!(
        cb["data"]["flags"].as_u64().is_some_and(|f| f & 64 == 64),
        "ephemeral: {cb}"
    );
    assert!(content(&cb).contains("Bestillinger inn: 1"), "{cb}");

    fake.assert_no_violations();
    running.stop().await;
}
