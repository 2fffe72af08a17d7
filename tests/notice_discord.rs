//! The notice end to end on the fake Discord: the scheduler posts the notice and the final
//! list through the real Discord outbox, a later change is a `PATCH` of the final list's
//! own message, and members answer with the notice's buttons through the real serenity
//! client (interactions through the fake gateway). Bodies are validated against Discord's
//! OpenAPI description.

mod support;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use sltbot::discord::{build_http, DiscordOutbox, RetryPolicy};
use sltbot::domain::{Lang, RoleId, UserId, WorkspaceId};
use sltbot::scheduler::Scheduler;
use sltbot::service::{Actor, Command};
use std::sync::Arc;
use std::time::Duration;
use support::fake_discord::fixtures::InteractionFixture;
use support::fake_discord::{
    FakeDiscord, RecordedRequest, Route, SentInteraction, COORDINATOR_ROLE_ID, GENERAL_CHANNEL_ID,
    GUILD_ID, MEMBER_ROLE_ID, OLA_USER_ID,
};
use support::harness::{self, seeded_bot, GROUP};

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("time")
        .with_timezone(&Utc)
}

fn body(r: &RecordedRequest) -> &Value {
    r.body.as_ref().expect("a JSON body")
}

fn ola() -> support::fake_discord::fixtures::Actor {
    support::fake_discord::fixtures::Actor::new(OLA_USER_ID, "ola").with_roles(&[MEMBER_ROLE_ID])
}

async fn callback(fake: &FakeDiscord, sent: &SentInteraction) -> Value {
    let cb = fake.wait_for_callback(sent).await;
    assert_eq!(cb.status, 204, "{cb:?}");
    body(&cb).clone()
}

fn is_ephemeral(callback: &Value) -> bool {
    callback["data"]["flags"]
        .as_u64()
        .is_some_and(|f| f & 64 == 64)
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

fn posts(fake: &FakeDiscord) -> Vec<RecordedRequest> {
    fake.requests()
        .into_iter()
        .filter(|r| r.route == Some(Route::CreateMessage))
        .collect()
}

fn patches(fake: &FakeDiscord) -> Vec<RecordedRequest> {
    fake.requests()
        .into_iter()
        .filter(|r| r.route == Some(Route::EditMessage))
        .collect()
}

fn content(r: &RecordedRequest) -> String {
    body(r)["content"].as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notice_posted_final_list_patched_in_place_and_answered_by_button() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    let service = &running.service;
    let ws = WorkspaceId(GUILD_ID);
    let scheduler = Scheduler::for_service(service, Arc::new(outbox_for(fake)));

    // The seeded meeting is 12.01.2027 09:00 Oslo: the notice 14 days before.
    scheduler
        .tick(at("2026-12-29T09:00:30+01:00"))
        .await
        .expect("tick");
    let sent = posts(fake);
    assert_eq!(sent.len(), 1, "{sent:#?}");
    let notice = &sent[0];
    assert_eq!(notice.id("channel_id"), Some(GENERAL_CHANNEL_ID));
    let b = body(notice);
    assert!(content(notice)
        .starts_with("Innkalling: **Koordineringsgruppa** har møte <t:1799740800:F>"));
    assert_eq!(
        b["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": []})
    );
    let row = &b["components"][0]["components"];
    assert_eq!(row[0]["custom_id"], "sltbot:attend:1:1");
    assert_eq!(row[0]["label"], "Kommer");
    assert_eq!(row[1]["custom_id"], "sltbot:apologies:1:1");
    assert_eq!(row[1]["label"], "Forfall");
    let notice_message = fake
        .message(
            notice.response.as_ref().unwrap()["id"]
                .as_str()
                .unwrap()
                .parse()
                .unwrap(),
        )
        .expect("stored");

    // Attending, by button: ephemeral, stored.
    let press = fake.send_interaction(
        &InteractionFixture::button("sltbot:attend:1:1")
            .on_message(notice_message.clone())
            .by(&ola()),
    );
    let cb = callback(fake, &press).await;
    assert_eq!(cb["type"], 4);
    assert!(is_ephemeral(&cb), "{cb}");
    assert_eq!(
        cb["data"]["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": []})
    );
    assert!(
        cb["data"]["content"]
            .as_str()
            .unwrap()
            .contains("er registrert til stede"),
        "{cb}"
    );

    // Apologies: the button opens a form for an optional note; the note is stored.
    let press = fake.send_interaction(
        &InteractionFixture::button("sltbot:apologies:1:1")
            .on_message(notice_message)
            .by(&ola()),
    );
    let modal = callback(fake, &press).await;
    assert_eq!(modal["type"], 9);
    assert_eq!(modal["data"]["custom_id"], "sltbot:apologies:1:1");
    let submit = fake.send_interaction(
        &InteractionFixture::modal_submit("sltbot:apologies:1:1")
            .text_input("note", "Kurs i Bergen")
            .by(&ola()),
    );
    let cb = callback(fake, &submit).await;
    assert_eq!(cb["type"], 4);
    assert!(is_ephemeral(&cb), "{cb}");
    assert!(
        cb["data"]["content"]
            .as_str()
            .unwrap()
            .contains("har meldt forfall"),
        "{cb}"
    );
    let mut conn = service.store().pool().acquire().await.unwrap();
    let attendance = sltbot::store::record::attendance(&mut conn, sltbot::domain::MeetingId(1))
        .await
        .unwrap();
    drop(conn);
    assert_eq!(attendance.len(), 1);
    assert_eq!(attendance[0].user, UserId(OLA_USER_ID));
    assert_eq!(attendance[0].note.as_deref(), Some("Kurs i Bergen"));

    // At the deadline (2 days before): the final list, a post of its own.
    scheduler
        .tick(at("2027-01-10T09:00:30+01:00"))
        .await
        .expect("tick");
    let finals: Vec<_> = posts(fake)
        .into_iter()
        .filter(|r| content(r).starts_with("Endelig saksliste:"))
        .collect();
    assert_eq!(finals.len(), 1);
    let final_id: u64 = finals[0].response.as_ref().unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(patches(fake).is_empty());

    // A member's late submission goes to the coordinators, the coordinator admits it, and
    // the final list's message is edited in place: a PATCH of that same id.
    let member = Actor {
        roles: vec![RoleId(MEMBER_ROLE_ID)],
        channel: Some(sltbot::domain::ChannelId(GENERAL_CHANNEL_ID)),
        ..Actor::new(UserId(OLA_USER_ID))
    };
    let late = service
        .execute(
            &member,
            ws,
            Command::AgendaAdd {
                group: GROUP.into(),
                title: "Skulk ved Åsen skole".into(),
                details: None,
                meeting: None,
            },
        )
        .await;
    let Ok(sltbot::service::Reply::Notice(reply)) = &late.outcome else {
        panic!("{late:?}");
    };
    let sltbot::service::NoticeReply::LateSubmitted { item, .. } = reply.as_ref() else {
        panic!("{reply:?}");
    };
    scheduler
        .tick(at("2027-01-10T09:05:00+01:00"))
        .await
        .expect("tick");
    let ask = posts(fake).pop().expect("the coordinators' message");
    assert!(content(&ask).contains("Innspill etter fristen"), "{ask:?}");
    assert_eq!(
        body(&ask)["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": [COORDINATOR_ROLE_ID.to_string()]})
    );
    let admitted = service
        .execute(
            &harness::admin(),
            ws,
            Command::AgendaAdmit {
                id: item.id,
                meeting: sltbot::domain::notice::AdmitTo::This,
            },
        )
        .await;
    assert!(admitted.outcome.is_ok(), "{admitted:?}");
    scheduler
        .tick(at("2027-01-10T10:15:00+01:00"))
        .await
        .expect("tick");
    let edits = patches(fake);
    assert_eq!(edits.len(), 1, "{edits:#?}");
    assert_eq!(edits[0].id("channel_id"), Some(GENERAL_CHANNEL_ID));
    assert_eq!(edits[0].id("message_id"), Some(final_id));
    assert_eq!(edits[0].status, 200);
    let edited = content(&edits[0]);
    assert!(
        edited.contains("Endret 10.01.2027 kl. 10.15: Sak 04/27 Skulk ved Åsen skole er satt opp."),
        "{edited}"
    );
    assert_eq!(
        body(&edits[0])["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": []})
    );
    let stored = fake.message(final_id).expect("the final list");
    assert_eq!(stored["content"].as_str(), Some(edited.as_str()));
    let finals_now = posts(fake)
        .into_iter()
        .filter(|r| content(r).starts_with("Endelig saksliste:"))
        .count();
    assert_eq!(finals_now, 1, "edited, not posted again");

    // The 1-day reminder names who sent apologies, pinging only the coordinator role.
    scheduler
        .tick(at("2027-01-11T09:00:30+01:00"))
        .await
        .expect("tick");
    let reminder = posts(fake).pop().expect("the reminder");
    assert!(
        content(&reminder).contains(&format!("Forfall: <@{OLA_USER_ID}>")),
        "{reminder:?}"
    );
    assert_eq!(
        body(&reminder)["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": [COORDINATOR_ROLE_ID.to_string()]})
    );
    fake.assert_no_violations();
    running.stop().await;
}
