//! End to end: the real serenity client (through poise) runs sltbot's Discord adapter
//! against the fake Discord on loopback, on a real SQLite file. Every request body the fake
//! receives is validated against Discord's OpenAPI description (`assert_no_violations`).

mod support;

use serde_json::{json, Value};
use sltbot::discord::{build_http, DiscordOutbox, RetryPolicy};
use sltbot::domain::{ActionId, ChannelId, GroupId, Lang, RoleId, UserId, WorkspaceId};
use sltbot::notify::{Button, Outbound, Outbox, Ping};
use sltbot::service::Command;
use sltbot::t;
use std::sync::Arc;
use std::time::Duration;
use support::fake_discord::fixtures::{InteractionFixture, OptionValue};
use support::fake_discord::{
    Disconnect, FakeDiscord, FakeDiscordOptions, Fault, Route, SentInteraction,
    COORDINATOR_ROLE_ID, DIGEST_CHANNEL_ID, GENERAL_CHANNEL_ID, GUILD_ID, MEMBER_ROLE_ID,
    OLA_USER_ID,
};
use support::harness::{self, seeded_bot, start_bot, GROUP};

fn agenda_add(title: &str) -> InteractionFixture {
    InteractionFixture::slash("agenda")
        .subcommand("add")
        .string("group", GROUP)
        .string("title", title)
}

fn ola() -> support::fake_discord::fixtures::Actor {
    support::fake_discord::fixtures::Actor::new(OLA_USER_ID, "ola").with_roles(&[MEMBER_ROLE_ID])
}

fn body(r: &support::fake_discord::RecordedRequest) -> &Value {
    r.body.as_ref().expect("a JSON body")
}

fn is_ephemeral(callback: &Value) -> bool {
    callback["data"]["flags"]
        .as_u64()
        .is_some_and(|f| f & 64 == 64)
}

const NO_MENTIONS: fn() -> Value = || json!({"parse": [], "users": [], "roles": []});

async fn callback(fake: &FakeDiscord, sent: &SentInteraction) -> Value {
    let cb = fake.wait_for_callback(sent).await;
    assert_eq!(cb.status, 204, "{cb:?}");
    body(&cb).clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_is_global_localized_and_repeatable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sltbot.db");
    let first = start_bot(&db, FakeDiscordOptions::default(), Vec::new()).await;
    let put = first.fake.wait_for_command_registration().await;
    assert_eq!(put.route, Some(Route::BulkSetGlobalCommands));
    let commands = body(&put).as_array().expect("a list").clone();
    let names: Vec<&str> = commands.iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "group",
            "meeting",
            "agenda",
            "action",
            "audit",
            "minutes",
            "digest",
            "plan",
            "workspace",
            "order",
            "overview"
        ]
    );
    let agenda = &commands[2];
    assert_eq!(agenda["name_localizations"]["no"], "sak");
    assert_eq!(agenda["contexts"], json!([0]), "guild only");
    let add = &agenda["options"][0];
    assert_eq!(add["name"], "add");
    assert_eq!(add["name_localizations"]["no"], "meld-inn");
    assert_eq!(add["options"][0]["name"], "group");
    assert_eq!(add["options"][0]["autocomplete"], true);
    assert_eq!(add["options"][0]["name_localizations"]["no"], "gruppe");
    let create = &commands[0]["options"][0];
    let level = &create["options"][1];
    assert_eq!(level["name"], "level");
    assert_eq!(
        level["choices"][0]["name_localizations"]["no"],
        "styrende nivå"
    );
    assert_eq!(first.registered_names(), names);
    first.fake.assert_no_violations();
    first.stop().await;

    // A restart sends the same overwrite: nothing duplicated, nothing changed.
    let second = start_bot(&db, FakeDiscordOptions::default(), Vec::new()).await;
    let again = second.fake.wait_for_command_registration().await;
    assert_eq!(body(&again), &Value::Array(commands));
    assert_eq!(second.fake.commands(None).len(), 11);
    second.fake.assert_no_violations();
    second.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_goes_to_configured_guilds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sltbot.db");
    let running = start_bot(&db, FakeDiscordOptions::default(), vec![GUILD_ID]).await;
    let put = running.fake.wait_for_command_registration().await;
    assert_eq!(put.route, Some(Route::BulkSetGuildCommands));
    assert_eq!(put.id("guild_id"), Some(GUILD_ID));
    assert!(running.fake.commands(None).is_empty());
    assert_eq!(running.fake.commands(Some(GUILD_ID)).len(), 11);
    running.fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agenda_add_confirms_stores_and_a_second_bot_sees_it() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    let sent = fake.send_interaction(&agenda_add("Uro ved ungdomsklubben").by(&ola()));
    let cb = callback(fake, &sent).await;
    assert_eq!(cb["type"], 4);
    let content = cb["data"]["content"].as_str().unwrap();
    assert!(
        content.starts_with("Takk! Saken «Uro ved ungdomsklubben» (sak 1)"),
        "{content}"
    );
    assert!(
        !is_ephemeral(&cb),
        "public in the group's own channel: {cb}"
    );
    assert_eq!(cb["data"]["allowed_mentions"], NO_MENTIONS());

    // The row is in SQLite.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", running.db.display()))
        .await
        .unwrap();
    let (title, submitter): (String, i64) =
        sqlx::query_as("SELECT title, submitter FROM agenda_items WHERE id = 1")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        (title.as_str(), submitter as u64),
        ("Uro ved ungdomsklubben", OLA_USER_ID)
    );
    pool.close().await;

    // A second bot process (its own store and service on the same file) lists it.
    let other = start_bot(&running.db, FakeDiscordOptions::default(), Vec::new()).await;
    let list = other.fake.send_interaction(
        &InteractionFixture::slash("agenda")
            .subcommand("list")
            .string("group", GROUP)
            .by(&ola()),
    );
    let cb = callback(&other.fake, &list).await;
    assert!(
        cb["data"]["content"]
            .as_str()
            .unwrap()
            .contains("Uro ved ungdomsklubben"),
        "{cb}"
    );
    other.fake.assert_no_violations();
    other.stop().await;
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_an_ephemeral_error_in_the_users_language() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    let unknown = |locale: &str| {
        InteractionFixture::slash("agenda")
            .subcommand("add")
            .string("group", "Finnes ikke")
            .string("title", "Sak")
            .by(&ola())
            .locale(locale)
    };
    let nb = callback(fake, &fake.send_interaction(&unknown("no"))).await;
    assert!(is_ephemeral(&nb));
    assert_eq!(
        nb["data"]["content"],
        t!(Lang::Nb, "error-unknown-group", name = "Finnes ikke")
    );
    let en = callback(fake, &fake.send_interaction(&unknown("en-GB"))).await;
    assert!(is_ephemeral(&en));
    assert_eq!(
        en["data"]["content"],
        t!(Lang::En, "error-unknown-group", name = "Finnes ikke")
    );
    // An impossible date, and a member trying a coordinator's command.
    let date = fake.send_interaction(
        &InteractionFixture::slash("meeting")
            .subcommand("add")
            .string("group", GROUP)
            .string("at", "31.02.2027 kl. 09.00"),
    );
    let cb = callback(fake, &date).await;
    assert!(is_ephemeral(&cb));
    assert_eq!(
        cb["data"]["content"],
        t!(
            Lang::Nb,
            "error-invalid-datetime",
            input = "31.02.2027 kl. 09.00"
        )
    );
    let forbidden = fake.send_interaction(
        &InteractionFixture::slash("meeting")
            .subcommand("held")
            .integer("id", 1)
            .by(&ola()),
    );
    let cb = callback(fake, &forbidden).await;
    assert!(is_ephemeral(&cb));
    assert!(cb["data"]["content"]
        .as_str()
        .unwrap()
        .starts_with("Det har du ikke tilgang til"));
    // Nothing was stored.
    let items = running
        .service
        .execute(
            &harness::admin(),
            WorkspaceId(GUILD_ID),
            Command::AgendaList {
                group: GROUP.into(),
                meeting: None,
            },
        )
        .await;
    assert!(matches!(
        items.outcome,
        Ok(sltbot::service::Reply::AgendaList { ref items, .. }) if items.is_empty()
    ));
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn manage_server_permission_makes_an_admin() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    let set = |actor: &support::fake_discord::fixtures::Actor| {
        InteractionFixture::slash("workspace")
            .subcommand("set")
            .option("language", OptionValue::Integer(1)) // nn
            .by(actor)
    };
    let refused = callback(fake, &fake.send_interaction(&set(&ola()))).await;
    assert!(is_ephemeral(&refused));
    assert!(refused["data"]["content"]
        .as_str()
        .unwrap()
        .starts_with("Det har du ikke tilgang"));
    let manager = support::fake_discord::fixtures::Actor::new(950_000_000_000_000_001, "leder")
        .with_permissions(1 << 5); // MANAGE_GUILD
    let ok = callback(fake, &fake.send_interaction(&set(&manager))).await;
    assert!(is_ephemeral(&ok));
    assert_eq!(
        running
            .service
            .workspace_language(WorkspaceId(GUILD_ID))
            .await
            .unwrap(),
        Lang::Nn
    );
    // A Norwegian (`no`) user now gets nynorsk, the workspace's variant.
    let nn = callback(
        fake,
        &fake.send_interaction(
            &InteractionFixture::slash("agenda")
                .subcommand("add")
                .string("group", "Finnes ikke")
                .string("title", "x")
                .locale("no"),
        ),
    )
    .await;
    assert_eq!(
        nn["data"]["content"],
        t!(Lang::Nn, "error-unknown-group", name = "Finnes ikke")
    );
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_suggests_titles_to_members_only() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    for title in ["Uro ved ungdomsklubben", "Skolevegring"] {
        callback(fake, &fake.send_interaction(&agenda_add(title).by(&ola()))).await;
    }
    let group = fake.send_interaction(
        &InteractionFixture::autocomplete("agenda")
            .subcommand("add")
            .focused("group", "koord"),
    );
    let cb = callback(fake, &group).await;
    assert_eq!(cb["type"], 8);
    assert_eq!(
        cb["data"]["choices"],
        json!([{"name": GROUP, "value": GROUP}])
    );

    let item = |actor: &support::fake_discord::fixtures::Actor| {
        InteractionFixture::autocomplete("agenda")
            .subcommand("edit")
            .focused_with_type("id", 4, "uro")
            .by(actor)
    };
    let cb = callback(fake, &fake.send_interaction(&item(&ola()))).await;
    assert_eq!(
        cb["data"]["choices"],
        json!([{"name": format!("#1 Uro ved ungdomsklubben ({GROUP})"), "value": 1}])
    );
    let outsider = support::fake_discord::fixtures::Actor::new(960_000_000_000_000_001, "ute");
    let cb = callback(fake, &fake.send_interaction(&item(&outsider))).await;
    assert_eq!(
        cb["data"]["choices"],
        json!([]),
        "an outsider sees no titles"
    );

    let meeting = fake.send_interaction(
        &InteractionFixture::autocomplete("agenda")
            .subcommand("add")
            .string("group", GROUP)
            .focused_with_type("meeting", 4, "januar")
            .by(&ola()),
    );
    let cb = callback(fake, &meeting).await;
    let choices = cb["data"]["choices"].as_array().unwrap();
    assert_eq!(choices.len(), 1, "{cb}");
    assert_eq!(choices[0]["value"], 1);
    assert!(choices[0]["name"].as_str().unwrap().contains("Januarmøtet"));

    harness::add_action(&running.service, None, None).await;
    let action = fake.send_interaction(
        &InteractionFixture::autocomplete("action")
            .subcommand("update")
            .focused_with_type("id", 4, "fritid")
            .by(&ola()),
    );
    let cb = callback(fake, &action).await;
    assert_eq!(
        cb["data"]["choices"],
        json!([{"name": format!("#1 Kartlegge fritidstilbud ({GROUP})"), "value": 1}])
    );
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mentions_in_an_agenda_title_ping_nobody() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    let title = format!("@everyone og @here: se <@&{COORDINATOR_ROLE_ID}> og <@{OLA_USER_ID}>");
    let cb = callback(fake, &fake.send_interaction(&agenda_add(&title).by(&ola()))).await;
    assert_eq!(cb["data"]["allowed_mentions"], NO_MENTIONS());
    let content = cb["data"]["content"].as_str().unwrap();
    assert!(
        !content.contains("@everyone") && !content.contains("@here"),
        "{content}"
    );
    assert!(
        !content.contains(&format!("<@&{COORDINATOR_ROLE_ID}>")),
        "{content}"
    );
    assert!(content.contains("@\u{200B}everyone"), "{content}");
    // Every message the fake stored says nobody was mentioned.
    for m in fake.messages_in_channel(GENERAL_CHANNEL_ID) {
        assert_eq!(m["mention_everyone"], false);
        assert_eq!(m["mention_roles"], json!([]));
    }
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_drop_then_resume_and_the_next_command_works() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    callback(
        fake,
        &fake.send_interaction(&agenda_add("Før bruddet").by(&ola())),
    )
    .await;
    assert!(fake.drop_connection(Disconnect::CloseFrame(4000)));
    fake.wait_for_resumes(1).await;
    let after = fake.send_interaction(&agenda_add("Etter bruddet").by(&ola()));
    let cb = callback(fake, &after).await;
    assert!(
        cb["data"]["content"]
            .as_str()
            .unwrap()
            .contains("Etter bruddet"),
        "{cb}"
    );
    let stats = fake.gateway_stats();
    assert_eq!((stats.identifies, stats.resumes), (1, 1), "{stats:?}");
    fake.assert_no_violations();
    running.stop().await;
}

fn test_retry() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 4,
        initial_backoff: Duration::from_millis(250),
        max_backoff: Duration::from_secs(1),
    }
}

fn outbox_for(fake: &FakeDiscord) -> DiscordOutbox {
    let url = fake.rest_url().parse().unwrap();
    let http = build_http(&fake.options().token, Some(&url));
    DiscordOutbox::new(Arc::new(http), Lang::Nb, test_retry())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outbox_retries_429_and_500_and_posts_once() {
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    fake.fail_next(
        Route::CreateMessage,
        1,
        Fault::RateLimited {
            retry_after: 0.25,
            global: false,
        },
    );
    fake.fail_next(Route::CreateMessage, 1, Fault::ServerError);
    let outbox = outbox_for(&fake);
    let sent = outbox
        .send(&Outbound {
            channel: ChannelId(DIGEST_CHANNEL_ID),
            content: "Ukens oversikt".into(),
            ping: Ping::Nobody,
            buttons: Vec::new(),
            attachments: Vec::new(),
        })
        .await
        .expect("delivered after retries");
    assert!(sent.message_id.is_some());
    let posts: Vec<u16> = fake
        .requests()
        .iter()
        .filter(|r| r.route == Some(Route::CreateMessage))
        .map(|r| r.status)
        .collect();
    assert_eq!(posts, [429, 500, 200]);
    assert_eq!(
        fake.messages_in_channel(DIGEST_CHANNEL_ID).len(),
        1,
        "posted once"
    );
    fake.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outbox_waits_exactly_the_retry_after_of_a_429_not_its_own_backoff() {
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    let mut tap = fake.tap_requests();
    // Longer than the policy's first back-off (250 ms): the answer's word counts.
    fake.fail_next(
        Route::CreateMessage,
        1,
        Fault::RateLimited {
            retry_after: 0.9,
            global: false,
        },
    );
    outbox_for(&fake)
        .send_keyed(
            "n1p0",
            &Outbound {
                channel: ChannelId(DIGEST_CHANNEL_ID),
                content: "x".into(),
                ping: Ping::Nobody,
                buttons: Vec::new(),
                attachments: Vec::new(),
            },
        )
        .await
        .expect("delivered after the wait");
    let mut posts = Vec::new();
    while let Ok((r, at)) = tap.try_recv() {
        if r.route == Some(Route::CreateMessage) {
            posts.push((r.status, at));
        }
    }
    assert_eq!(posts.iter().map(|p| p.0).collect::<Vec<_>>(), [429, 200]);
    let gap = posts[1].1 - posts[0].1;
    assert!(
        gap >= Duration::from_millis(900) && gap < Duration::from_millis(1500),
        "waited {gap:?}"
    );
    fake.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outbox_hands_a_long_retry_after_back_to_the_scheduler() {
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    fake.fail_next(
        Route::CreateMessage,
        1,
        Fault::RateLimited {
            retry_after: 42.5,
            global: false,
        },
    );
    let err = outbox_for(&fake)
        .send(&Outbound {
            channel: ChannelId(DIGEST_CHANNEL_ID),
            content: "x".into(),
            ping: Ping::Nobody,
            buttons: Vec::new(),
            attachments: Vec::new(),
        })
        .await
        .expect_err("too long to wait in the outbox");
    match err {
        sltbot::notify::DeliveryError::Retryable { retry_after, .. } => {
            assert_eq!(retry_after, Some(Duration::from_secs_f64(42.5)))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(fake.requests().len(), 1, "no retry in the outbox");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outbox_gives_up_on_a_permanent_error() {
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    fake.fail_next(
        Route::CreateMessage,
        1,
        Fault::Status {
            status: 403,
            body: json!({"message": "Missing Access", "code": 50001}),
        },
    );
    let err = outbox_for(&fake)
        .send(&Outbound {
            channel: ChannelId(DIGEST_CHANNEL_ID),
            content: "x".into(),
            ping: Ping::Nobody,
            buttons: Vec::new(),
            attachments: Vec::new(),
        })
        .await
        .expect_err("403 is permanent");
    assert!(
        matches!(
            err,
            sltbot::notify::DeliveryError::Permanent {
                refusal: sltbot::notify::Refusal::MissingAccess,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(fake.requests().len(), 1, "not retried");
}

// The scheduler decides when a reminder is due on its clock and hands an `Outbound` with
// `Ping::Role(coordinator)` to the outbox; this is that last leg alone (the whole path is
// `a_reminder_due_on_the_fake_clock_reaches_the_channel_pinging_the_coordinator_role`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminder_through_the_outbox_pings_exactly_the_coordinator_role() {
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    let outbox = outbox_for(&fake);
    outbox
        .send(&Outbound {
            channel: ChannelId(GENERAL_CHANNEL_ID),
            content: format!(
                "<@&{COORDINATOR_ROLE_ID}> Møte om 1 dag. Sak: @everyone <@&{MEMBER_ROLE_ID}>"
            ),
            ping: Ping::Role(RoleId(COORDINATOR_ROLE_ID)),
            buttons: vec![
                Button::ActionDone(GroupId(2), ActionId(4)),
                Button::ActionReport(GroupId(2), ActionId(4)),
            ],
            attachments: Vec::new(),
        })
        .await
        .unwrap();
    let post = fake.wait_for_channel_message(GENERAL_CHANNEL_ID).await;
    let b = body(&post);
    assert_eq!(
        b["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": [COORDINATOR_ROLE_ID.to_string()]})
    );
    let stored = fake.message(
        post.response.as_ref().unwrap()["id"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap(),
    );
    let stored = stored.expect("stored");
    assert_eq!(
        stored["mention_roles"],
        json!([COORDINATOR_ROLE_ID.to_string()]),
        "the member role and @everyone in the text ping nobody"
    );
    assert_eq!(stored["mention_everyone"], false);
    let buttons = &b["components"][0]["components"];
    assert_eq!(buttons[0]["custom_id"], "sltbot:done:2:4");
    assert_eq!(buttons[0]["label"], "Merk som fullført");
    assert_eq!(buttons[1]["custom_id"], "sltbot:report:2:4");

    outbox
        .send(&Outbound {
            channel: ChannelId(GENERAL_CHANNEL_ID),
            content: format!("<@{OLA_USER_ID}> tiltaket ditt har passert fristen"),
            ping: Ping::User(UserId(OLA_USER_ID)),
            buttons: Vec::new(),
            attachments: Vec::new(),
        })
        .await
        .unwrap();
    let posts = fake
        .wait_for_requests("two posts", 2, |r| r.route == Some(Route::CreateMessage))
        .await;
    assert_eq!(
        body(&posts[1])["allowed_mentions"],
        json!({"parse": [], "users": [OLA_USER_ID.to_string()], "roles": []})
    );
    fake.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buttons_mark_done_and_report_progress_through_a_modal() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    let show = |id: i64| {
        InteractionFixture::slash("action")
            .subcommand("show")
            .integer("id", id)
            .by(&ola())
    };
    harness::add_action(&running.service, Some("Kulturetaten"), Some("28.02.2027")).await;
    let shown = fake.send_interaction(&show(1));
    let cb = callback(fake, &shown).await;
    let row = &cb["data"]["components"][0]["components"];
    assert_eq!(row[0]["custom_id"], "sltbot:done:1:1");
    assert_eq!(row[1]["custom_id"], "sltbot:report:1:1");
    let message = fake
        .messages_in_channel(GENERAL_CHANNEL_ID)
        .pop()
        .expect("the reply is stored");

    // Report progress: the button opens a modal; submitting it stores the note.
    let press = fake.send_interaction(
        &InteractionFixture::button("sltbot:report:1:1")
            .on_message(message.clone())
            .by(&ola()),
    );
    let modal = callback(fake, &press).await;
    assert_eq!(modal["type"], 9);
    assert_eq!(modal["data"]["custom_id"], "sltbot:report:1:1");
    let submit = fake.send_interaction(
        &InteractionFixture::modal_submit("sltbot:report:1:1")
            .text_input("note", "Startet kartleggingen")
            .by(&ola()),
    );
    let cb = callback(fake, &submit).await;
    assert_eq!(cb["type"], 4);
    assert_eq!(cb["data"]["allowed_mentions"], NO_MENTIONS());

    // Mark done.
    let done = fake.send_interaction(
        &InteractionFixture::button("sltbot:done:1:1")
            .on_message(message)
            .by(&ola()),
    );
    let cb = callback(fake, &done).await;
    assert_eq!(cb["type"], 4);
    let status = running
        .service
        .execute(
            &harness::admin(),
            WorkspaceId(GUILD_ID),
            Command::ActionShow { id: ActionId(1) },
        )
        .await;
    match status.outcome {
        Ok(sltbot::service::Reply::ActionShown {
            action, updates, ..
        }) => {
            assert_eq!(action.status, sltbot::domain::ActionStatus::Done);
            assert_eq!(updates.len(), 2, "{updates:?}");
        }
        other => panic!("{other:?}"),
    }
    fake.assert_no_violations();
    running.stop().await;
}

/// A button names its action's group as well as the action: one for another group (as a
/// reused id would be) or of the old id-only format answers "not found" and acts on nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_action_button_answers_not_found_and_changes_nothing() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    harness::add_action(&running.service, None, None).await;
    for stale in ["sltbot:done:2:1", "sltbot:done:1", "sltbot:report:1"] {
        let press = fake.send_interaction(&InteractionFixture::button(stale).by(&ola()));
        let cb = callback(fake, &press).await;
        assert_eq!(cb["type"], 4, "{stale}: a message, not a form");
        let content = cb["data"]["content"].as_str().unwrap_or_default();
        assert!(content.contains("Fant ikke tiltak 1"), "{stale}: {content}");
        assert_eq!(cb["data"]["flags"], 64, "{stale}: only the presser sees it");
    }
    let submit = fake.send_interaction(
        &InteractionFixture::modal_submit("sltbot:report:2:1")
            .text_input("note", "Feil tiltak")
            .by(&ola()),
    );
    let cb = callback(fake, &submit).await;
    assert!(cb["data"]["content"]
        .as_str()
        .unwrap_or_default()
        .contains("Fant ikke tiltak 1"));
    let status = running
        .service
        .execute(
            &harness::admin(),
            WorkspaceId(GUILD_ID),
            Command::ActionShow { id: ActionId(1) },
        )
        .await;
    match status.outcome {
        Ok(sltbot::service::Reply::ActionShown {
            action, updates, ..
        }) => {
            assert_eq!(action.status, sltbot::domain::ActionStatus::Open);
            assert!(updates.is_empty(), "{updates:?}");
        }
        other => panic!("{other:?}"),
    }
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agenda_add_without_title_opens_a_form_for_long_details() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    let open = fake.send_interaction(
        &InteractionFixture::slash("agenda")
            .subcommand("add")
            .string("group", GROUP)
            .by(&ola()),
    );
    let modal = callback(fake, &open).await;
    assert_eq!(modal["type"], 9);
    let custom_id = modal["data"]["custom_id"].as_str().unwrap().to_string();
    assert_eq!(custom_id, "sltbot:agenda:1:0");
    let details = "Bakgrunn. ".repeat(350);
    let submit = fake.send_interaction(
        &InteractionFixture::modal_submit(&custom_id)
            .text_input("title", "Rus på fritidsklubben")
            .text_input("details", &details)
            .by(&ola()),
    );
    let cb = callback(fake, &submit).await;
    assert!(
        cb["data"]["content"]
            .as_str()
            .unwrap()
            .contains("Rus på fritidsklubben"),
        "{cb}"
    );
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", running.db.display()))
        .await
        .unwrap();
    let (stored,): (String,) = sqlx::query_as("SELECT details FROM agenda_items WHERE id = 1")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored.chars().count(), details.trim_end().chars().count());
    pool.close().await;
    fake.assert_no_violations();
    running.stop().await;
}

fn manager() -> support::fake_discord::fixtures::Actor {
    support::fake_discord::fixtures::Actor::new(950_000_000_000_000_001, "leder")
        .with_permissions(1 << 5) // MANAGE_GUILD
}

async fn content_of(fake: &FakeDiscord, fixture: &InteractionFixture) -> (String, bool) {
    let cb = callback(fake, &fake.send_interaction(fixture)).await;
    assert_eq!(cb["type"], 4, "{cb}");
    assert_eq!(cb["data"]["allowed_mentions"], NO_MENTIONS());
    let text = cb["data"]["content"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    (text, is_ephemeral(&cb))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scheduling_commands_work_as_slash_commands() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    let ws = WorkspaceId(GUILD_ID);
    let preset = "månedlig første tirsdag kl. 09.00";

    // The cadence option suggests presets in the user's language, keeping what was typed.
    let suggest = fake.send_interaction(
        &InteractionFixture::autocomplete("meeting")
            .subcommand("schedule")
            .string("group", GROUP)
            .focused("cadence", "måned"),
    );
    let cb = callback(fake, &suggest).await;
    assert_eq!(cb["type"], 8);
    let values: Vec<&str> = cb["data"]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["value"].as_str())
        .collect();
    assert_eq!(
        values,
        ["måned", preset, "månedlig siste torsdag kl. 13.30"]
    );

    let (text, _) = content_of(
        fake,
        &InteractionFixture::slash("meeting")
            .subcommand("schedule")
            .string("group", GROUP)
            .string("cadence", preset)
            .boolean("skip_holidays", true),
    )
    .await;
    // The cadence in words, not the stored rule.
    assert!(
        text.contains("Frekvens: første tirsdag i måneden kl. 09.00\n"),
        "{text}"
    );
    assert!(!text.contains("FREQ="), "{text}");

    // The first series meeting, Tuesday 5 January 2027 09:00, comes before the seeded one.
    let next = running
        .service
        .execute(
            &harness::admin(),
            ws,
            Command::MeetingNext {
                group: GROUP.into(),
            },
        )
        .await;
    let first = match next.outcome {
        Ok(sltbot::service::Reply::MeetingNext {
            meeting: Some(m), ..
        }) => m,
        other => panic!("{other:?}"),
    };
    assert_eq!(first.starts_at.to_rfc3339(), "2027-01-05T08:00:00+00:00");
    let (text, _) = content_of(
        fake,
        &InteractionFixture::slash("meeting")
            .subcommand("next")
            .string("group", GROUP)
            .by(&ola()),
    )
    .await;
    assert!(text.contains("05.01.2027"), "{text}");

    // Move it by a day.
    let (text, _) = content_of(
        fake,
        &InteractionFixture::slash("meeting")
            .subcommand("move")
            .integer("id", first.id.0)
            .string("at", "06.01.2027 kl. 10.00"),
    )
    .await;
    assert!(text.contains("06.01.2027"), "{text}");
    let next = running
        .service
        .execute(
            &harness::admin(),
            ws,
            Command::MeetingNext {
                group: GROUP.into(),
            },
        )
        .await;
    assert!(matches!(
        next.outcome,
        Ok(sltbot::service::Reply::MeetingNext { meeting: Some(ref m), .. })
            if m.id == first.id && m.starts_at.to_rfc3339() == "2027-01-06T09:00:00+00:00"
    ));

    // Reminders: lead times and no agenda deadline.
    content_of(
        fake,
        &InteractionFixture::slash("group")
            .subcommand("reminders")
            .string("group", GROUP)
            .string("leads", "3d,1d")
            .string("deadline", "none"),
    )
    .await;
    let shown = running
        .service
        .execute(
            &harness::admin(),
            ws,
            Command::GroupReminders {
                group: GROUP.into(),
                leads: None,
                deadline: None,
                skip_holidays: None,
            },
        )
        .await;
    match shown.outcome {
        Ok(sltbot::service::Reply::GroupReminders { settings, .. }) => {
            assert_eq!(settings.leads, [3 * 24 * 60, 24 * 60]);
            assert_eq!(settings.deadline, None);
            assert!(settings.skip_holidays);
        }
        other => panic!("{other:?}"),
    }

    // The digest: admins only; the answer is ephemeral.
    let digest = |actor: &support::fake_discord::fixtures::Actor| {
        InteractionFixture::slash("digest")
            .subcommand("set")
            .option("channel", OptionValue::Channel(DIGEST_CHANNEL_ID))
            .string("cadence", "ukentlig fredag kl. 14.00")
            .by(actor)
    };
    let (refused, ephemeral) = content_of(fake, &digest(&ola())).await;
    assert!(ephemeral);
    assert!(refused.starts_with("Det har du ikke tilgang"), "{refused}");
    let (text, ephemeral) = content_of(fake, &digest(&manager())).await;
    assert!(ephemeral);
    assert!(text.contains(&format!("<#{DIGEST_CHANNEL_ID}>")), "{text}");
    assert!(text.contains(", hver fredag kl. 14.00, neste:"), "{text}");
    assert!(!text.contains("BYDAY"), "{text}");
    let (shown, _) = content_of(
        fake,
        &InteractionFixture::slash("digest").subcommand("show"),
    )
    .await;
    assert_eq!(shown, text);

    // The audit trail lists what happened, for coordinators; outside the group's own
    // channel only the asker sees it.
    let (audit, ephemeral) = content_of(
        fake,
        &InteractionFixture::slash("audit")
            .string("group", GROUP)
            .in_channel(DIGEST_CHANNEL_ID),
    )
    .await;
    assert!(ephemeral, "outside the group's channel");
    for action in [
        "satte opp faste møter",
        "flyttet møte",
        "endret påminnelsene",
    ] {
        assert!(audit.contains(action), "{action}: {audit}");
    }
    assert!(!audit.contains("meeting.schedule"), "{audit}");
    let (refused, _) = content_of(
        fake,
        &InteractionFixture::slash("audit")
            .string("group", GROUP)
            .by(&ola()),
    )
    .await;
    assert!(refused.starts_with("Det har du ikke tilgang"), "{refused}");
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn group_delete_needs_the_groups_name_as_confirmation() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    let delete = |confirm: Option<&str>| {
        let f = InteractionFixture::slash("group")
            .subcommand("delete")
            .string("group", GROUP);
        match confirm {
            Some(c) => f.string("confirm", c),
            None => f,
        }
    };
    for confirm in [None, Some("Styringsgruppa")] {
        let (text, ephemeral) = content_of(fake, &delete(confirm)).await;
        assert!(ephemeral);
        assert_eq!(text, t!(Lang::Nb, "discord-confirm-delete", name = GROUP));
    }
    let (refused, _) = content_of(fake, &delete(Some(GROUP)).by(&ola())).await;
    assert!(refused.starts_with("Det har du ikke tilgang"), "{refused}");
    let list = || async {
        match running
            .service
            .execute(
                &harness::admin(),
                WorkspaceId(GUILD_ID),
                Command::GroupList {
                    archived: Some(true),
                },
            )
            .await
            .outcome
        {
            Ok(sltbot::service::Reply::GroupList(groups)) => groups.len(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(list().await, 1, "still there");
    // The name, in any case, confirms.
    let (text, _) = content_of(fake, &delete(Some("koordineringsgruppa"))).await;
    assert!(text.contains(GROUP), "{text}");
    assert_eq!(list().await, 0);
    fake.assert_no_violations();
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn group_export_sends_json_and_markdown_files_to_the_coordinator_only() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    callback(
        fake,
        &fake.send_interaction(&agenda_add("Uro ved ungdomsklubben").by(&ola())),
    )
    .await;
    harness::add_action(&running.service, Some("Kulturetaten"), Some("28.02.2027")).await;
    let export = || {
        InteractionFixture::slash("group")
            .subcommand("export")
            .string("group", GROUP)
    };
    // In the group's own channel, and still only for the coordinator who asked.
    let sent = fake.send_interaction(&export());
    let cb = fake.wait_for_callback(&sent).await;
    assert_eq!(cb.status, 204, "{cb:?}");
    assert!(cb.is_multipart(), "{:?}", cb.content_type);
    let b = body(&cb);
    assert_eq!(b["type"], 4);
    assert!(is_ephemeral(b), "{b}");
    assert_eq!(b["data"]["allowed_mentions"], NO_MENTIONS());
    assert!(
        b["data"]["content"].as_str().unwrap().contains(GROUP),
        "{b}"
    );
    let names: Vec<&str> = cb
        .files
        .iter()
        .filter_map(|f| f.filename.as_deref())
        .collect();
    assert_eq!(
        names,
        [
            "koordineringsgruppa-export.json",
            "koordineringsgruppa-export.md"
        ]
    );
    let meta: Vec<&str> = b["data"]["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["filename"].as_str())
        .collect();
    assert_eq!(meta, names);

    let json_file = cb.file("koordineringsgruppa-export.json").unwrap();
    assert_eq!(json_file.content_type.as_deref(), Some("application/json"));
    let data: Value = serde_json::from_slice(&json_file.data).expect("the JSON file parses");
    assert_eq!(data["group"]["name"], GROUP);
    assert_eq!(data["meetings"][0]["title"], "Januarmøtet");
    assert_eq!(data["agenda_items"][0]["title"], "Uro ved ungdomsklubben");
    assert_eq!(data["agenda_items"][0]["submitter"], OLA_USER_ID);
    assert_eq!(data["actions"][0]["title"], "Kartlegge fritidstilbud");
    assert_eq!(data["actions"][0]["agency"], "Kulturetaten");

    let markdown = cb.file("koordineringsgruppa-export.md").unwrap().text();
    assert!(
        markdown.starts_with(&format!(
            "# {}",
            t!(Lang::Nb, "export-title", group = GROUP)
        )),
        "{markdown}"
    );
    for needle in [
        "12.01.2027 kl. 09.00",
        "Uro ved ungdomsklubben",
        "Kartlegge fritidstilbud",
    ] {
        assert!(markdown.contains(needle), "{needle}: {markdown}");
    }
    // The fake keeps the (ephemeral) message with both files attached.
    let stored = fake
        .messages_in_channel(GENERAL_CHANNEL_ID)
        .into_iter()
        .find(|m| m["attachments"].as_array().is_some_and(|a| a.len() == 2))
        .expect("the export message");
    assert_eq!(stored["flags"], 64);
    assert_eq!(stored["attachments"][1]["size"], markdown.len(), "{stored}");

    // A member may not export: an ephemeral refusal, no files.
    let refused = fake.send_interaction(&export().by(&ola()));
    let cb = fake.wait_for_callback(&refused).await;
    assert!(!cb.is_multipart());
    assert!(cb.files.is_empty());
    assert!(is_ephemeral(body(&cb)));
    fake.assert_no_violations();
    running.stop().await;
}

/// POSTs `body` to the fake as it is, with the bot's token; returns the status.
async fn raw_post(fake: &FakeDiscord, path: &str, content_type: &str, body: &[u8]) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = fake.rest_url().trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bot {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        fake.options().token,
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let text = String::from_utf8_lossy(&answer);
    text.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fake_keeps_uploaded_files_byte_exact_and_checks_them_against_attachments() {
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    let http = support::fake_discord::client::http_for(&fake);
    let bytes: Vec<u8> = vec![0, 159, 146, 150, 255, b'\r', b'\n', b'-', b'-'];
    poise::serenity_prelude::ChannelId::new(DIGEST_CHANNEL_ID)
        .send_message(
            &http,
            poise::serenity_prelude::CreateMessage::new()
                .content("vedlegg")
                .add_file(poise::serenity_prelude::CreateAttachment::bytes(
                    bytes.clone(),
                    "data.bin",
                )),
        )
        .await
        .expect("posted with a file");
    let post = fake.wait_for_channel_message(DIGEST_CHANNEL_ID).await;
    assert!(post.is_multipart());
    assert_eq!(post.files.len(), 1);
    assert_eq!(post.files[0].field, "files[0]");
    assert_eq!(post.files[0].data, bytes);
    let stored = fake.messages_in_channel(DIGEST_CHANNEL_ID);
    assert_eq!(stored[0]["attachments"][0]["filename"], "data.bin");
    assert_eq!(stored[0]["attachments"][0]["size"], bytes.len());
    fake.assert_no_violations();

    // A file without an `attachments` entry is a violation.
    let boundary = "xYzZY";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhei\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n\r\n{{\"content\":\"x\",\"attachments\":[]}}\r\n--{boundary}--\r\n"
    );
    let path = format!("/api/v10/channels/{DIGEST_CHANNEL_ID}/messages");
    let status = raw_post(
        &fake,
        &path,
        &format!("multipart/form-data; boundary={boundary}"),
        body.as_bytes(),
    )
    .await;
    assert_eq!(status, 200, "the fake answers, and records the violation");
    let violations = fake.violations();
    assert_eq!(violations.len(), 1, "{violations:?}");
    assert!(
        matches!(
            &violations[0].kind,
            support::fake_discord::ViolationKind::Multipart(m) if m.contains("files[0]")
        ),
        "{violations:?}"
    );
}

fn reminder_outbound(content: &str) -> Outbound {
    Outbound {
        channel: ChannelId(GENERAL_CHANNEL_ID),
        content: content.into(),
        ping: Ping::Role(RoleId(COORDINATOR_ROLE_ID)),
        buttons: Vec::new(),
        attachments: Vec::new(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyed_sends_use_an_enforced_nonce_so_a_repeat_posts_nothing() {
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    let outbox = outbox_for(&fake);
    let m = reminder_outbound("Påminnelse");
    let first = outbox.send_keyed("n7p0", &m).await.unwrap();
    let again = outbox.send_keyed("n7p0", &m).await.unwrap();
    assert_eq!(
        first.message_id, again.message_id,
        "the first message is returned"
    );
    assert_eq!(fake.messages_in_channel(GENERAL_CHANNEL_ID).len(), 1);
    let posts = fake
        .wait_for_requests("two keyed posts", 2, |r| {
            r.route == Some(Route::CreateMessage)
        })
        .await;
    for p in &posts {
        assert_eq!(body(p)["nonce"], "n7p0");
        assert_eq!(body(p)["enforce_nonce"], true);
    }
    // Another key is another message; so is the same key in another channel.
    let other = outbox.send_keyed("n7p1", &m).await.unwrap();
    assert_ne!(other.message_id, first.message_id);
    let elsewhere = outbox
        .send_keyed(
            "n7p0",
            &Outbound {
                channel: ChannelId(DIGEST_CHANNEL_ID),
                ..m.clone()
            },
        )
        .await
        .unwrap();
    assert_ne!(elsewhere.message_id, first.message_id);
    assert_eq!(fake.messages_in_channel(GENERAL_CHANNEL_ID).len(), 2);
    assert_eq!(fake.messages_in_channel(DIGEST_CHANNEL_ID).len(), 1);
    // An unkeyed send carries no nonce and is never deduplicated.
    outbox.send(&m).await.unwrap();
    outbox.send(&m).await.unwrap();
    let plain = fake
        .wait_for_requests("six posts", 6, |r| r.route == Some(Route::CreateMessage))
        .await;
    assert!(plain[4..].iter().all(|p| body(p).get("nonce").is_none()));
    assert_eq!(fake.messages_in_channel(GENERAL_CHANNEL_ID).len(), 4);
    fake.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nonce_is_unique_only_within_the_window_and_only_when_enforced() {
    let fake = FakeDiscord::start(FakeDiscordOptions {
        nonce_window: Duration::ZERO,
        ..Default::default()
    })
    .await;
    let outbox = outbox_for(&fake);
    let m = reminder_outbound("Påminnelse");
    let first = outbox.send_keyed("n8p0", &m).await.unwrap();
    let later = outbox.send_keyed("n8p0", &m).await.unwrap();
    assert_ne!(first.message_id, later.message_id, "the window has passed");
    assert_eq!(fake.messages_in_channel(GENERAL_CHANNEL_ID).len(), 2);

    // A nonce without enforce_nonce does not deduplicate either (default window).
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    let http = build_http(
        &fake.options().token,
        Some(&fake.rest_url().parse().unwrap()),
    );
    for _ in 0..2 {
        poise::serenity_prelude::ChannelId::new(GENERAL_CHANNEL_ID)
            .send_message(
                &http,
                poise::serenity_prelude::CreateMessage::new()
                    .content("x")
                    .nonce(poise::serenity_prelude::Nonce::String("n9p0".into())),
            )
            .await
            .unwrap();
    }
    assert_eq!(fake.messages_in_channel(GENERAL_CHANNEL_ID).len(), 2);
    fake.assert_no_violations();
}

/// The whole path of a reminder: the real scheduler, on a clock the test sets, renders the
/// reminder and hands it to a [`DiscordOutbox`] whose HTTP client talks to the fake Discord.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_due_on_the_fake_clock_reaches_the_channel_pinging_the_coordinator_role() {
    use chrono::TimeZone;
    use sltbot::clock::ManualClock;
    use sltbot::scheduler::{self, Scheduler};
    use sltbot::store::{Store, StoreOptions};

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
    let service = sltbot::service::Service::new(
        store,
        Arc::new(clock.clone()),
        sltbot::service::Defaults::default(),
    );
    // The group (home channel `general`, coordinator role) meets 12.01.2027 09:00 Oslo;
    // one reminder a day ahead, no agenda deadline call.
    harness::seed(&service).await;
    // Reminders only: no notice (tests/notice_discord.rs has its own).
    let off = service
        .execute(
            &harness::admin(),
            WorkspaceId(GUILD_ID),
            Command::GroupNotice {
                group: GROUP.into(),
                lead: Some("off".into()),
            },
        )
        .await;
    assert!(off.outcome.is_ok(), "{off:?}");
    let set = service
        .execute(
            &harness::admin(),
            WorkspaceId(GUILD_ID),
            Command::GroupReminders {
                group: GROUP.into(),
                leads: Some("1d".into()),
                deadline: Some("none".into()),
                skip_holidays: None,
            },
        )
        .await;
    assert!(set.outcome.is_ok(), "{set:?}");
    let meeting_at = chrono::Utc
        .with_ymd_and_hms(2027, 1, 12, 8, 0, 0)
        .single()
        .unwrap();

    let outbox = Arc::new(outbox_for(&fake));
    let scheduler = Arc::new(Scheduler::for_service(&service, outbox));
    let cancel = tokio_util::sync::CancellationToken::new();
    let running = tokio::spawn(scheduler::run(scheduler, cancel.clone()));

    // Past the reminder time (11.01.2027 09:00 Oslo): the sleeping scheduler wakes on the
    // clock change and sends.
    clock.set(meeting_at - chrono::Duration::days(1) + chrono::Duration::seconds(30));
    let post = fake.wait_for_channel_message(GENERAL_CHANNEL_ID).await;

    // Let the scheduler finish what it is doing, then count: exactly one post.
    cancel.cancel();
    tokio::time::timeout(Duration::from_secs(20), running)
        .await
        .expect("the scheduler stops")
        .expect("the scheduler task ends cleanly");
    let posts: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(posts.len(), 1, "{posts:#?}");
    assert_eq!(posts[0].route, Some(Route::CreateMessage));
    assert_eq!(posts[0].id("channel_id"), Some(GENERAL_CHANNEL_ID));
    assert_eq!(post.status, 200);

    let b = body(&post);
    let content = b["content"].as_str().unwrap();
    assert!(
        content.contains(&format!("<@&{COORDINATOR_ROLE_ID}>")),
        "{content}"
    );
    assert!(
        content.contains(&format!("<t:{}:F>", meeting_at.timestamp())),
        "{content}"
    );
    // Exactly the coordinator role may be pinged: nothing parsed from the text, no user
    // (serenity always sends the empty `users` list).
    assert_eq!(
        b["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": [COORDINATOR_ROLE_ID.to_string()]})
    );
    // Sent under its idempotency key.
    assert_eq!(b["enforce_nonce"], true);
    assert!(
        b["nonce"].as_str().is_some_and(|n| n.starts_with('n')),
        "{b}"
    );
    let stored = fake.messages_in_channel(GENERAL_CHANNEL_ID);
    assert_eq!(stored.len(), 1);
    assert_eq!(
        stored[0]["mention_roles"],
        json!([COORDINATOR_ROLE_ID.to_string()])
    );
    // Body validated against Discord's OpenAPI description.
    fake.assert_no_violations();

    let mut conn = service.store().pool().acquire().await.unwrap();
    let state = sltbot::store::notifications::state_of(&mut conn, "reminder:1:1440")
        .await
        .unwrap();
    assert_eq!(state.as_deref(), Some("sent"));
}

/// No silent loss, end to end: Discord answers 404 *Unknown Channel* (code 10003) for the
/// group's channel; the reminder is `failed` with that reason, posted once only, and the
/// coordinators get the notice in the digest channel, pinging their role.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_to_a_deleted_channel_is_failed_and_the_coordinators_are_told_in_the_digest_channel(
) {
    use chrono::TimeZone;
    use sltbot::clock::ManualClock;
    use sltbot::domain::ChannelId as Ch;
    use sltbot::scheduler::Scheduler;
    use sltbot::store::{Store, StoreOptions};

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
    let service = sltbot::service::Service::new(
        store.clone(),
        Arc::new(clock.clone()),
        sltbot::service::Defaults::default(),
    );
    harness::seed(&service).await;
    let ws = WorkspaceId(GUILD_ID);
    for cmd in [
        Command::GroupReminders {
            group: GROUP.into(),
            leads: Some("1d".into()),
            deadline: Some("none".into()),
            skip_holidays: None,
        },
        // Reminders only: no notice (tests/notice_discord.rs has its own).
        Command::GroupNotice {
            group: GROUP.into(),
            lead: Some("off".into()),
        },
        Command::GroupEdit {
            group: GROUP.into(),
            name: None,
            level: None,
            channel: Some(Ch(GONE)),
            coordinator_role: None,
            member_role: None,
            timezone: None,
            language: None,
            referent_role: None,
        },
        Command::DigestSet {
            channel: Some(Ch(DIGEST_CHANNEL_ID)),
            cadence: None,
            rule: None,
        },
    ] {
        let r = service.execute(&harness::admin(), ws, cmd).await;
        assert!(r.outcome.is_ok(), "{r:?}");
    }
    let due = chrono::Utc
        .with_ymd_and_hms(2027, 1, 11, 8, 0, 30)
        .single()
        .unwrap();
    clock.set(due);
    let scheduler = Scheduler::for_service(&service, Arc::new(outbox_for(&fake)));
    let report = scheduler.tick(due).await.expect("tick");
    assert_eq!(report.failed, 1, "{report:?}");

    let refused: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.route == Some(Route::CreateMessage) && r.id("channel_id") == Some(GONE))
        .collect();
    assert_eq!(refused.len(), 1, "refused once, not retried");
    assert_eq!(refused[0].status, 404);
    let (state, failure, outcome): (String, String, String) = sqlx::query_as(
        "SELECT state, failure, outcome FROM notifications WHERE key = 'reminder:1:1440'",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(
        (state.as_str(), failure.as_str(), outcome.as_str()),
        ("failed", "unknown_channel", "HTTP 404 (Discord code 10003)")
    );

    let notice = fake
        .messages_in_channel(DIGEST_CHANNEL_ID)
        .into_iter()
        .find(|m| m["content"].as_str().is_some_and(|c| c.contains("⚠️")))
        .expect("the notice in the digest channel");
    let content = notice["content"].as_str().unwrap();
    assert!(
        content.starts_with(&format!(
            "<@&{COORDINATOR_ROLE_ID}> ⚠️ En melding fra sltbot kom ikke fram"
        )),
        "{content}"
    );
    assert!(
        content.contains(&format!(
            "til {GROUP} i <#{GONE}>, planlagt mandag 11.01.2027 kl. 09.00. Kanalen finnes \
             ikke lenger: velg en ny med /group edit"
        )),
        "{content}"
    );
    assert_eq!(
        notice["mention_roles"],
        json!([COORDINATOR_ROLE_ID.to_string()])
    );
    // Later ticks neither retry it nor repeat the notice.
    scheduler
        .tick(due + chrono::Duration::hours(3))
        .await
        .expect("tick");
    let posts_to_gone = fake
        .requests()
        .iter()
        .filter(|r| r.id("channel_id") == Some(GONE))
        .count();
    assert_eq!(posts_to_gone, 1);
    let notices = fake
        .messages_in_channel(DIGEST_CHANNEL_ID)
        .iter()
        .filter(|m| m["content"].as_str().is_some_and(|c| c.contains("⚠️")))
        .count();
    assert_eq!(notices, 1);
    fake.assert_no_violations();
}

/// Posts through the real Discord outbox, then "dies" before the scheduler can record it.
struct DiesAfterPosting {
    inner: DiscordOutbox,
    posted: tokio::sync::Notify,
}

#[async_trait::async_trait]
impl sltbot::notify::Outbox for DiesAfterPosting {
    fn style(&self) -> sltbot::render::Style {
        sltbot::render::Style::Discord
    }
    async fn send(
        &self,
        m: &Outbound,
    ) -> Result<sltbot::notify::Sent, sltbot::notify::DeliveryError> {
        self.inner.send(m).await
    }
    async fn send_keyed(
        &self,
        key: &str,
        m: &Outbound,
    ) -> Result<sltbot::notify::Sent, sltbot::notify::DeliveryError> {
        self.inner.send_keyed(key, m).await?;
        self.posted.notify_one();
        std::future::pending().await
    }
}

/// The window between Discord's answer and recording it: the process dies there, the next
/// one takes the claim back at once and (Discord cannot be asked) sends again under the
/// same nonce — which Discord answers with the first message. One message in the channel.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_dying_between_discords_answer_and_recording_it_does_not_double_the_post() {
    use chrono::TimeZone;
    use sltbot::clock::ManualClock;
    use sltbot::scheduler::Scheduler;
    use sltbot::store::{Store, StoreOptions};

    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("sltbot.db").display());
    let store = Store::open(&url, &StoreOptions::default()).await.unwrap();
    let clock = ManualClock::new(harness::start_time());
    let service = sltbot::service::Service::new(
        store.clone(),
        Arc::new(clock.clone()),
        sltbot::service::Defaults::default(),
    );
    harness::seed(&service).await;
    // Reminders only: no notice (tests/notice_discord.rs has its own).
    let off = service
        .execute(
            &harness::admin(),
            WorkspaceId(GUILD_ID),
            Command::GroupNotice {
                group: GROUP.into(),
                lead: Some("off".into()),
            },
        )
        .await;
    assert!(off.outcome.is_ok(), "{off:?}");
    let r = service
        .execute(
            &harness::admin(),
            WorkspaceId(GUILD_ID),
            Command::GroupReminders {
                group: GROUP.into(),
                leads: Some("1d".into()),
                deadline: Some("none".into()),
                skip_holidays: None,
            },
        )
        .await;
    assert!(r.outcome.is_ok(), "{r:?}");
    let due = chrono::Utc
        .with_ymd_and_hms(2027, 1, 11, 8, 0, 30)
        .single()
        .unwrap();
    clock.set(due);

    let dying = Arc::new(DiesAfterPosting {
        inner: outbox_for(&fake),
        posted: tokio::sync::Notify::new(),
    });
    let doomed = Scheduler::new(
        Store::open(&url, &StoreOptions::default()).await.unwrap(),
        Arc::new(clock.clone()),
        dying.clone(),
        Arc::new(tokio::sync::Notify::new()),
    );
    tokio::select! {
        _ = doomed.tick(due) => panic!("the dying outbox never returns"),
        _ = dying.posted.notified() => {}
    }
    drop(doomed);
    assert_eq!(fake.messages_in_channel(GENERAL_CHANNEL_ID).len(), 1);

    let next = Scheduler::for_service(&service, Arc::new(outbox_for(&fake)));
    let report = next
        .tick(due + chrono::Duration::seconds(1))
        .await
        .expect("tick");
    assert_eq!((report.recovered, report.sent), (1, 1), "{report:?}");
    let posts: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.route == Some(Route::CreateMessage))
        .collect();
    assert_eq!(posts.len(), 2, "sent again after the crash");
    assert_eq!(body(&posts[0])["nonce"], body(&posts[1])["nonce"]);
    assert_eq!(
        posts[0].response.as_ref().unwrap()["id"],
        posts[1].response.as_ref().unwrap()["id"],
        "Discord answered the repeat with the first message"
    );
    assert_eq!(
        fake.messages_in_channel(GENERAL_CHANNEL_ID).len(),
        1,
        "not doubled"
    );
    fake.assert_no_violations();
}
