//! The follow-up round end to end: the scheduler (on a settable clock) posts the questions
//! through the real Discord outbox to the fake Discord, one per owner, pinging only that
//! owner, with a row of answer buttons per action; the real serenity client receives the
//! presses and the note form through the fake gateway, and the answers land in the round
//! (and so in the standing case).

mod support;

use serde_json::{json, Value};
use sltbot::clock::ManualClock;
use sltbot::discord::{build_http, DiscordOutbox, RetryPolicy};
use sltbot::domain::followup::Answer;
use sltbot::domain::{Lang, MeetingId, UserId, WorkspaceId};
use sltbot::scheduler::Scheduler;
use sltbot::service::{Command, FollowupReply, Reply, Service};
use std::sync::Arc;
use std::time::Duration;
use support::fake_discord::fixtures::{Actor as FakeActor, InteractionFixture};
use support::fake_discord::{
    FakeDiscord, FakeDiscordOptions, Route, GENERAL_CHANNEL_ID, GUILD_ID, KARI_USER_ID,
    MEMBER_ROLE_ID, OLA_USER_ID,
};
use support::harness::{self, GROUP};

fn ola() -> FakeActor {
    FakeActor::new(OLA_USER_ID, "ola").with_roles(&[MEMBER_ROLE_ID])
}

fn body(r: &support::fake_discord::RecordedRequest) -> &Value {
    r.body.as_ref().expect("a JSON body")
}

async fn view(service: &Service) -> sltbot::domain::followup::RoundView {
    let r = service
        .execute(
            &harness::admin(),
            WorkspaceId(GUILD_ID),
            Command::MeetingFollowup { id: MeetingId(1) },
        )
        .await;
    match r.outcome {
        Ok(Reply::Followup(f)) => match *f {
            FollowupReply::Round { view, .. } => view,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_reach_each_owner_once_and_button_answers_land_in_the_round() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sltbot.db");
    // The scheduler's side: its own service and settable clock on the same file.
    let clock = ManualClock::new(harness::start_time());
    let store = sltbot::store::Store::open(
        &format!("sqlite://{}", db.display()),
        &sltbot::store::StoreOptions::default(),
    )
    .await
    .unwrap();
    let service = Service::new(
        store,
        Arc::new(clock.clone()),
        sltbot::service::Defaults::default(),
    );
    // The group meets 12.01.2027 09:00 (its round asks 05.01 09:00); Ola owns one action,
    // Kari (the coordinator) another.
    harness::seed(&service).await;
    // Reminders only a day ahead: at the asking time no reminder is due.
    let set = service
        .execute(
            &harness::admin(),
            WorkspaceId(GUILD_ID),
            Command::GroupReminders {
                group: GROUP.into(),
                leads: Some("1d".into()),
                deadline: None,
                skip_holidays: None,
            },
        )
        .await;
    assert!(set.outcome.is_ok(), "{set:?}");
    harness::add_action(&service, None, Some("28.02.2027")).await;
    let kari_action = service
        .execute(
            &harness::admin(),
            WorkspaceId(GUILD_ID),
            Command::ActionAdd {
                group: GROUP.into(),
                title: "Oppdatere tiltaksplanen".into(),
                owner: UserId(KARI_USER_ID),
                agency: None,
                due: None,
                case: None,
            },
        )
        .await;
    assert!(kari_action.outcome.is_ok(), "{kari_action:?}");

    let running = harness::start_bot(&db, FakeDiscordOptions::default(), Vec::new()).await;
    let fake: &FakeDiscord = &running.fake;
    let url = fake.rest_url().parse().unwrap();
    let http = build_http(&fake.options().token, Some(&url));
    let retry = RetryPolicy {
        max_attempts: 4,
        initial_backoff: Duration::from_millis(250),
        max_backoff: Duration::from_secs(1),
    };
    let outbox = Arc::new(DiscordOutbox::new(Arc::new(http), Lang::Nb, retry));
    let scheduler = Scheduler::for_service(&service, outbox.clone());

    // Before its time the round asks nobody.
    let before = harness::start_time();
    scheduler.tick(before).await.expect("tick");
    assert!(fake.messages_in_channel(GENERAL_CHANNEL_ID).is_empty());

    let asks = support::at("2027-01-05T09:00:00+01:00");
    clock.set(asks);
    scheduler.tick(asks).await.expect("tick");
    // The questions (the meeting's notice, due since 29.12, may go out in the same tick).
    let is_question = |r: &support::fake_discord::RecordedRequest| {
        r.route == Some(Route::CreateMessage)
            && r.body.as_ref().is_some_and(|b| {
                b["content"]
                    .as_str()
                    .is_some_and(|c| c.contains("> Oppfølging før møtet"))
            })
    };
    let posts = fake
        .wait_for_requests("two questions", 2, is_question)
        .await;
    assert_eq!(posts.len(), 2, "one message per owner");
    let mut by_owner = std::collections::HashMap::new();
    for p in &posts {
        let b = body(p);
        let users = b["allowed_mentions"]["users"].clone();
        assert_eq!(b["allowed_mentions"]["parse"], json!([]));
        assert_eq!(b["allowed_mentions"]["roles"], json!([]));
        let owner: u64 = users[0].as_str().unwrap().parse().unwrap();
        assert_eq!(users.as_array().unwrap().len(), 1, "only the owner: {b}");
        assert!(
            b["content"]
                .as_str()
                .unwrap()
                .starts_with(&format!("<@{owner}> Oppfølging før møtet i")),
            "{b}"
        );
        assert_eq!(b["enforce_nonce"], true);
        by_owner.insert(owner, b.clone());
    }
    let ola_msg = &by_owner[&OLA_USER_ID];
    let row = &ola_msg["components"][0]["components"];
    let labels: Vec<&str> = row
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["På sporet", "Forsinket", "Ferdig", "Trenger hjelp", "Notat"]
    );
    assert_eq!(row[1]["custom_id"], "sltbot:fu:1:1:1:1");
    assert_eq!(row[4]["custom_id"], "sltbot:funote:1:1:1");
    assert!(by_owner[&KARI_USER_ID]["content"]
        .as_str()
        .unwrap()
        .contains("Oppdatere tiltaksplanen"));
    // A second tick (or another process) asks nobody again.
    scheduler.tick(asks).await.expect("tick");
    let again = Scheduler::for_service(&service, outbox.clone());
    again
        .tick(asks + chrono::Duration::minutes(5))
        .await
        .expect("tick");
    let questions = fake.requests().into_iter().filter(is_question).count();
    assert_eq!(questions, 2, "nobody asked twice");
    fake.assert_no_violations();

    // Ola presses "Forsinket" under their question.
    let stored = fake.messages_in_channel(GENERAL_CHANNEL_ID);
    let ola_posted = stored
        .iter()
        .find(|m| {
            m["content"]
                .as_str()
                .is_some_and(|c| c.starts_with(&format!("<@{OLA_USER_ID}>")))
        })
        .expect("Ola's question")
        .clone();
    let press = fake.send_interaction(
        &InteractionFixture::button("sltbot:fu:1:1:1:1")
            .on_message(ola_posted.clone())
            .by(&ola()),
    );
    let cb = fake.wait_for_callback(&press).await;
    assert_eq!(cb.status, 204, "{cb:?}");
    let cb = body(&cb).clone();
    assert_eq!(cb["type"], 4);
    assert!(
        cb["data"]["content"]
            .as_str()
            .unwrap()
            .contains("er lagret: Forsinket"),
        "{cb}"
    );
    assert_eq!(
        cb["data"]["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": []})
    );

    // Ola may not answer Kari's action: refused, only Ola sees it, nothing changes.
    let press = fake.send_interaction(
        &InteractionFixture::button("sltbot:fu:1:1:2:2")
            .on_message(ola_posted.clone())
            .by(&ola()),
    );
    let cb = fake.wait_for_callback(&press).await;
    let cb = body(&cb).clone();
    assert_eq!(cb["data"]["flags"], 64, "{cb}");

    // The note form: the button opens a modal; submitting it stores the note.
    let press = fake.send_interaction(
        &InteractionFixture::button("sltbot:funote:1:1:1")
            .on_message(ola_posted)
            .by(&ola()),
    );
    let modal = fake.wait_for_callback(&press).await;
    let modal = body(&modal).clone();
    assert_eq!(modal["type"], 9);
    assert_eq!(modal["data"]["custom_id"], "sltbot:funote:1:1:1");
    let submit = fake.send_interaction(
        &InteractionFixture::modal_submit("sltbot:funote:1:1:1")
            .text_input("note", "Venter på svar fra skolen")
            .by(&ola()),
    );
    let cb = fake.wait_for_callback(&submit).await;
    assert_eq!(body(&cb)["type"], 4);
    fake.assert_no_violations();

    // In the round: Ola answered "delayed" with the note; Kari is silent.
    let v = view(&service).await;
    let ola_q = v
        .questions
        .iter()
        .find(|q| q.asked == sltbot::domain::followup::Asked::User(UserId(OLA_USER_ID)))
        .expect("Ola was asked");
    assert_eq!(ola_q.answer, Some(Answer::Delayed));
    assert_eq!(ola_q.note.as_deref(), Some("Venter på svar fra skolen"));
    assert_eq!(
        v.silent(),
        vec![sltbot::domain::followup::Asked::User(UserId(KARI_USER_ID))]
    );
    assert_eq!(v.counts(), (2, 1, 1));
    running.stop().await;
}
