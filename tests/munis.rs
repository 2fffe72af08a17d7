//! Inter-municipal setups (issue 12, item 4), end to end: municipalities, a body of two
//! municipalities, a guest role ("Færder") invited to chosen meetings only — pinged by
//! those meetings' reminders and no others, on the fake Discord through the real outbox —
//! a guest who may read and submit to those meetings alone, and the digest per
//! municipality. Set up through console lines on a settable clock.

mod support;

use serde_json::{json, Value};
use sltbot::discord::{build_http, DiscordOutbox, RetryPolicy};
use sltbot::domain::Lang;
use sltbot::service::Command;
use std::sync::Arc;
use std::time::Duration;
use support::fake_discord::fixtures::{Actor as FakeActor, InteractionFixture, OptionValue};
use support::fake_discord::{FakeDiscord, FakeDiscordOptions, Route};
use support::harness::{self, seeded_bot, GROUP};
use support::sched::{at, Env};
use support::{
    COORDINATOR_ROLE_ID, DIGEST_CHANNEL_ID, GENERAL_CHANNEL_ID, GUILD_ID, MEMBER_ROLE_ID,
};

/// The role of Færder's representatives (not a role of the body).
const FAERDER_ROLE: u64 = 930_000_000_000_000_077;

fn outbox_for(fake: &FakeDiscord) -> DiscordOutbox {
    let url = fake.rest_url().parse().unwrap();
    let http = build_http(&fake.options().token, Some(&url));
    DiscordOutbox::new(
        Arc::new(http),
        Lang::Nb,
        RetryPolicy {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(1),
        },
    )
}

/// The messages the bot posted, in order: (channel, content, allowed_mentions).
fn posts(fake: &FakeDiscord) -> Vec<(u64, String, Value)> {
    fake.requests()
        .into_iter()
        .filter(|r| r.route == Some(Route::CreateMessage) && r.is_success())
        .map(|r| {
            let b = r.body.clone().expect("a JSON body");
            (
                r.id("channel_id").unwrap_or_default(),
                b["content"].as_str().unwrap_or_default().to_string(),
                b["allowed_mentions"].clone(),
            )
        })
        .collect()
}

fn roles_allowed(allowed: &Value) -> Vec<String> {
    allowed["roles"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| r.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_role_is_pinged_by_the_reminders_of_its_meetings_only() {
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    let env = Env::new("2027-01-01T09:00:00+01:00").await;
    env.ok(&format!(
        "/group create name:\"Tverrfaglig møte\" level:utforende channel:<#{GENERAL_CHANNEL_ID}> coordinator_role:<@&{COORDINATOR_ROLE_ID}> member_role:<@&{MEMBER_ROLE_ID}>
/group reminders group:\"Tverrfaglig møte\" leads:1d deadline:none
/meeting add group:\"Tverrfaglig møte\" at:\"12.01.2027 kl. 09.00\"
/meeting add group:\"Tverrfaglig møte\" at:\"09.02.2027 kl. 09.00\"
/meeting add group:\"Tverrfaglig møte\" at:\"09.03.2027 kl. 09.00\"
/municipality add number:3905 name:Tønsberg
/municipality add number:3911 name:Færder
/group municipalities group:\"Tverrfaglig møte\" municipalities:\"3905, 3911\""
    ))
    .await;
    // Færder is with them at the first and the third meeting ("fire ganger i året").
    let invited = env
        .ok(&format!(
            "/meeting invite id:1 role:<@&{FAERDER_ROLE}> also:3"
        ))
        .await;
    assert!(
        invited.contains("(møte 1)") && invited.contains("(møte 3)"),
        "{invited}"
    );
    assert!(!invited.contains("(møte 2)"), "{invited}");

    let scheduler = env.other_scheduler(Arc::new(outbox_for(&fake))).await;
    let mut seen = 0;
    for (day, guest_pinged) in [
        ("2027-01-11T09:00:30+01:00", true),
        ("2027-02-08T09:00:30+01:00", false),
        ("2027-03-08T09:00:30+01:00", true),
    ] {
        env.clock.set(at(day));
        scheduler.tick(at(day)).await.expect("tick");
        let all = posts(&fake);
        let tick = all[seen..].to_vec();
        seen = all.len();
        // No message of the tick (the notice's included) may ping the guest, but its own.
        for (_, content, allowed) in &tick {
            if !content.contains("Velkommen som gjest") {
                assert!(!content.contains(&FAERDER_ROLE.to_string()), "{content}");
                assert!(!roles_allowed(allowed).contains(&FAERDER_ROLE.to_string()));
            }
        }
        // The reminder and the guest's message (the notice has its own tests).
        let new: Vec<_> = tick
            .into_iter()
            .filter(|(_, c, _)| c.contains("Påminnelse") || c.contains("Velkommen som gjest"))
            .collect();
        let new = &new[..];
        // The reminder pings exactly the coordinator role, never the guest.
        let (channel, content, allowed) = &new[0];
        assert_eq!(*channel, GENERAL_CHANNEL_ID);
        assert!(
            content.contains(&format!("<@&{COORDINATOR_ROLE_ID}>")),
            "{content}"
        );
        assert_eq!(
            *allowed,
            json!({"parse": [], "users": [], "roles": [COORDINATOR_ROLE_ID.to_string()]})
        );
        if guest_pinged {
            assert_eq!(new.len(), 2, "{day}: {new:#?}");
            let (channel, content, allowed) = &new[1];
            assert_eq!(*channel, GENERAL_CHANNEL_ID);
            assert!(
                content.starts_with(&format!("<@&{FAERDER_ROLE}> ")),
                "{content}"
            );
            assert!(content.contains("Velkommen som gjest"), "{content}");
            // The guest sees how to read this meeting's case list.
            let id = if day.starts_with("2027-01") { 1 } else { 3 };
            assert!(
                content.contains(&format!("/meeting agenda id:{id}")),
                "{content}"
            );
            assert_eq!(
                *allowed,
                json!({"parse": [], "users": [], "roles": [FAERDER_ROLE.to_string()]})
            );
        } else {
            assert_eq!(new.len(), 1, "{day}: {new:#?}");
        }
        for (_, content, allowed) in new {
            assert_eq!(
                content.contains(&FAERDER_ROLE.to_string()),
                guest_pinged && roles_allowed(allowed) == [FAERDER_ROLE.to_string()],
                "{day}: the guest is in a message it may not ping: {content}"
            );
        }
    }
    // The fake stored the role mention only where it was allowed.
    let pinged: Vec<_> = fake
        .messages_in_channel(GENERAL_CHANNEL_ID)
        .into_iter()
        .filter(|m| m["mention_roles"] == json!([FAERDER_ROLE.to_string()]))
        .collect();
    assert_eq!(pinged.len(), 2, "{pinged:#?}");
    fake.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_municipality_with_a_digest_channel_gets_the_digest_of_its_own_bodies() {
    let fake = FakeDiscord::start(FakeDiscordOptions::default()).await;
    let env = Env::new("2027-01-01T09:00:00+01:00").await;
    // Tønsberg's styringsgruppe is shared with Færder; Tønsberg's koordineringsgruppe is not.
    env.ok(&format!(
        "/workspace set digest_channel:<#{GENERAL_CHANNEL_ID}>
/municipality add number:3905 name:Tønsberg
/municipality add number:3911 name:Færder digest_channel:<#{DIGEST_CHANNEL_ID}>
/group create name:Styringsgruppa level:styrende channel:<#{GENERAL_CHANNEL_ID}> coordinator_role:<@&{COORDINATOR_ROLE_ID}>
/group create name:\"Koordineringsgruppa Tønsberg\" level:koordinerende channel:<#{GENERAL_CHANNEL_ID}> coordinator_role:<@&{COORDINATOR_ROLE_ID}>
/group municipalities group:Styringsgruppa municipalities:\"Tønsberg, Færder\"
/group municipalities group:\"Koordineringsgruppa Tønsberg\" municipalities:Tønsberg
/group reminders group:Styringsgruppa leads:none deadline:none
/group reminders group:\"Koordineringsgruppa Tønsberg\" leads:none deadline:none
/meeting add group:Styringsgruppa at:\"07.01.2027 kl. 13.00\"
/meeting add group:\"Koordineringsgruppa Tønsberg\" at:\"06.01.2027 kl. 09.00\""
    ))
    .await;
    let scheduler = env.other_scheduler(Arc::new(outbox_for(&fake))).await;
    // The digest is due Monday 04.01.2027 08:00.
    let monday = at("2027-01-04T08:00:30+01:00");
    env.clock.set(monday);
    scheduler.tick(monday).await.expect("tick");
    let all = posts(&fake);
    assert_eq!(all.len(), 2, "{all:#?}");
    let (channel, whole, allowed) = &all[0];
    assert_eq!(*channel, GENERAL_CHANNEL_ID);
    assert!(whole.contains("Styringsgruppa"), "{whole}");
    assert!(whole.contains("Koordineringsgruppa Tønsberg"), "{whole}");
    assert_eq!(*allowed, json!({"parse": [], "users": [], "roles": []}));
    let (channel, faerder, allowed) = &all[1];
    assert_eq!(*channel, DIGEST_CHANNEL_ID);
    assert!(faerder.starts_with("**Færder (3911)**"), "{faerder}");
    assert!(faerder.contains("Styringsgruppa"), "{faerder}");
    assert!(!faerder.contains("Koordineringsgruppa"), "{faerder}");
    assert_eq!(*allowed, json!({"parse": [], "users": [], "roles": []}));

    // The same filter on request, for anyone in the server, through the console.
    let (ok, shown) = env.as_user(&[], "/digest show municipality:Færder").await;
    assert!(ok, "{shown}");
    assert!(shown.starts_with("Færder (3911)"), "{shown}");
    assert!(
        shown.contains("Styringsgruppa") && !shown.contains("Koordineringsgruppa"),
        "{shown}"
    );
    let (ok, shown) = env.as_user(&[], "/digest show municipality:3905").await;
    assert!(ok, "{shown}");
    assert!(
        shown.contains("Styringsgruppa") && shown.contains("Koordineringsgruppa"),
        "{shown}"
    );
    fake.assert_no_violations();
}

#[tokio::test]
async fn municipalities_are_listed_and_one_with_bodies_is_not_removed() {
    let env = Env::new("2027-01-01T09:00:00+01:00").await;
    env.group("Styringsgruppa").await;
    env.ok("/municipality add number:4611 name:Etne\n/municipality add number:1160 name:Vindafjord\n/group municipalities group:Styringsgruppa municipalities:\"Etne, Vindafjord\"")
        .await;
    let (ok, list) = env.as_user(&[], "/municipality list").await;
    assert!(ok);
    assert_eq!(
        list,
        "Kommuner:\n• Vindafjord (1160), Rogaland: 1 gruppe\n• Etne (4611), Vestland: 1 gruppe"
    );
    // Only the SLT-koordinator (here: an admin) removes, and not while a body belongs to it.
    let (ok, text) = env
        .as_user(
            &[support::sched::COORD_ROLE],
            "/municipality remove municipality:Etne",
        )
        .await;
    assert!(
        !ok && text.contains("Det har du ikke tilgang til"),
        "{text}"
    );
    let session = sltbot::console::Session {
        service: env.service.clone(),
        actor: harness_admin(),
        workspace: support::WS,
        lang: Lang::Nb,
        export_dir: std::env::temp_dir(),
    };
    let (ok, text) = session
        .line("/municipality remove municipality:Etne")
        .await
        .unwrap();
    assert!(!ok, "{text}");
    assert!(text.contains("Styringsgruppa"), "{text}");
    env.ok("/group municipalities group:Styringsgruppa municipalities:Vindafjord")
        .await;
    let out = env.ok("/municipality remove municipality:Etne").await;
    assert_eq!(out, "Kommunen Etne (4611) er fjernet.\n");
    let (_, list) = env.as_user(&[], "/municipality list").await;
    assert_eq!(list, "Kommuner:\n• Vindafjord (1160), Rogaland: 1 gruppe");
}

fn harness_admin() -> sltbot::service::Actor {
    sltbot::service::Actor {
        is_admin: true,
        ..sltbot::service::Actor::new(sltbot::domain::UserId(support::ADMIN))
    }
}

#[tokio::test]
async fn a_name_with_a_national_identity_number_is_refused_and_nothing_is_stored() {
    let env = Env::new("2027-01-01T09:00:00+01:00").await;
    let session_line = "/municipality add number:4611 name:\"Etne 01010012356\"";
    let (ok, text) = env.as_user(&[], session_line).await;
    assert!(!ok);
    assert!(!text.contains("01010012356"), "{text}");
    let (ok, list) = env.as_user(&[], "/municipality list").await;
    assert!(ok && list.starts_with("Ingen kommuner"), "{list}");
}

/// A guest may read and submit to the meetings it is invited to, and nothing else of the
/// body: `/meeting invite` and the guest's commands as slash commands through the real
/// serenity client.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_sees_and_submits_to_its_meetings_only_through_discord() {
    let (_dir, running) = seeded_bot().await;
    let fake = &running.fake;
    let added = running
        .service
        .execute(
            &harness::admin(),
            sltbot::domain::WorkspaceId(GUILD_ID),
            support::env::meeting_add_to(GROUP, "09.02.2027 kl. 09.00"),
        )
        .await;
    assert!(added.outcome.is_ok(), "{added:?}");

    let say = |fixture: InteractionFixture| async move {
        let cb = fake
            .wait_for_callback(&fake.send_interaction(&fixture))
            .await;
        let body = cb.body.clone().expect("a JSON body");
        assert_eq!(
            body["data"]["allowed_mentions"],
            json!({"parse": [], "users": [], "roles": []})
        );
        body["data"]["content"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    // The coordinator (the fake's default actor) invites Færder to meeting 1.
    let text = say(InteractionFixture::slash("meeting")
        .subcommand("invite")
        .integer("id", 1)
        .option("role", OptionValue::Role(FAERDER_ROLE)))
    .await;
    assert!(
        text.contains(&format!("<@&{FAERDER_ROLE}> er gjest")),
        "{text}"
    );

    let guest = FakeActor::new(950_000_000_000_000_077, "faerder").with_roles(&[FAERDER_ROLE]);
    let text = say(InteractionFixture::slash("meeting")
        .subcommand("agenda")
        .integer("id", 1)
        .by(&guest))
    .await;
    assert!(text.starts_with("Saksliste for"), "{text}");
    let text = say(InteractionFixture::slash("meeting")
        .subcommand("agenda")
        .integer("id", 2)
        .by(&guest))
    .await;
    assert!(text.contains("Fant ikke møte 2"), "{text}");
    let text = say(InteractionFixture::slash("agenda")
        .subcommand("add")
        .string("group", GROUP)
        .string("title", "Felles sommertiltak")
        .by(&guest))
    .await;
    assert!(
        text.contains("Felles sommertiltak") && text.contains("12.01.2027"),
        "{text}"
    );
    let text = say(InteractionFixture::slash("agenda")
        .subcommand("list")
        .string("group", GROUP)
        .by(&guest))
    .await;
    assert!(text.contains("Det har du ikke tilgang til"), "{text}");

    // The guest's item is on meeting 1, submitted by the guest.
    let list = running
        .service
        .execute(
            &harness::admin(),
            sltbot::domain::WorkspaceId(GUILD_ID),
            Command::AgendaList {
                group: GROUP.into(),
                meeting: Some(sltbot::domain::MeetingId(1)),
            },
        )
        .await;
    match list.outcome {
        Ok(sltbot::service::Reply::AgendaList { items, .. }) => {
            let item = items
                .iter()
                .find(|i| i.title == "Felles sommertiltak")
                .expect("the guest's item");
            assert_eq!(item.submitter.0, 950_000_000_000_000_077);
        }
        other => panic!("{other:?}"),
    }
    running.stop().await;
}

/// The export per municipality holds the groups the actor coordinates there, and all of
/// them for the SLT-koordinator; a member gets none.
#[tokio::test]
async fn the_export_of_a_municipality_holds_the_groups_the_actor_coordinates() {
    use support::sched::{COORD_ROLE, MEMBER_ROLE};
    let env = Env::new("2027-01-01T09:00:00+01:00").await;
    env.ok(&format!(
        "/workspace set coordinator_role:<@&{SLT}>
/group create name:Styringsgruppa level:styrende channel:<#200> coordinator_role:<@&20> member_role:<@&21>
/group create name:\"Tverrfaglig møte\" level:utforende channel:<#100> coordinator_role:<@&{c}> member_role:<@&{m}>
/municipality add number:3905 name:Tønsberg
/municipality add number:3911 name:Færder
/group municipalities group:Styringsgruppa municipalities:\"3905, 3911\"
/group municipalities group:\"Tverrfaglig møte\" municipalities:3905",
        c = COORD_ROLE.0,
        m = MEMBER_ROLE.0,
    ))
    .await;
    let (ok, text) = env
        .as_user(&[COORD_ROLE], "/municipality export municipality:Tønsberg")
        .await;
    assert!(ok, "{text}");
    assert!(
        text.starts_with("Eksport for Tønsberg (3905): 1 gruppe (Tverrfaglig møte)."),
        "{text}"
    );
    let (ok, text) = env
        .as_user(
            &[sltbot::domain::RoleId(SLT)],
            "/municipality export municipality:Tønsberg",
        )
        .await;
    assert!(ok, "{text}");
    assert!(
        text.starts_with(
            "Eksport for Tønsberg (3905): 2 grupper (Styringsgruppa, Tverrfaglig møte)."
        ),
        "{text}"
    );
    // The files: JSON with both groups' data, Markdown headed by the municipality.
    let json_path = text
        .split_whitespace()
        .find(|w| w.ends_with(".json"))
        .expect("where the JSON went");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(json_path).unwrap()).unwrap();
    assert_eq!(json["municipality"]["number"], "3905");
    assert_eq!(json["groups"].as_array().unwrap().len(), 2);
    let (ok, text) = env
        .as_user(&[MEMBER_ROLE], "/municipality export municipality:Tønsberg")
        .await;
    assert!(
        !ok && text.contains("Det har du ikke tilgang til"),
        "{text}"
    );
}

/// The SLT-koordinator role in the export test.
const SLT: u64 = 55;
