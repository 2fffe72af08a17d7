//! The follow-up round before each meeting (issue 12, item 2), on a settable clock through
//! the console and the scheduler: the right owners asked once each, a restart in the
//! middle asking nobody twice, answers landing in the standing case, the silent shown and
//! asked once more a day before the deadline.

mod support;

use sltbot::console::Session;
use sltbot::domain::followup::Answer;
use sltbot::domain::{ActionId, Lang, UserId};
use sltbot::notify::{Button, Outbound, Ping};
use sltbot::service::{Actor, Command, Reply};
use std::sync::Arc;
use support::sched::*;

/// Owners: members 3 (two actions) and 4 (one); member 5's action is done before the
/// round, so 5 is not asked.
const OWNER_A: u64 = MEMBER;
const OWNER_B: u64 = MEMBER2;
const OWNER_DONE: u64 = OTHER_MEMBER;

/// Meeting 12.01.2027 09:00 Oslo. The round asks 7 days ahead (05.01 09:00); its deadline
/// is the agenda deadline (2 days ahead, 10.01 09:00), so the silent are asked once more on
/// 09.01 09:00.
async fn round_env(leads: &str) -> Env {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    env.ok(&format!(
        "/group reminders group:Tverrfaglig leads:{leads}\n\
         /meeting add group:Tverrfaglig at:\"12.01.2027 kl. 09.00\"\n\
         /action add group:Tverrfaglig title:\"Kartlegge fritidstilbud\" owner:<@{OWNER_A}> due:\"31.03.2027\"\n\
         /action add group:Tverrfaglig title:\"Nattvandring i helgene\" owner:<@{OWNER_A}>\n\
         /action add group:Tverrfaglig title:\"Foreldremøte om rus\" owner:<@{OWNER_B}>\n\
         /action add group:Tverrfaglig title:\"Avsluttet tiltak\" owner:<@{OWNER_DONE}>\n\
         /action update id:4 status:done"
    ))
    .await;
    env
}

/// Run a console line as `user` (a member of the group) in the group's channel.
async fn as_member(env: &Env, user: u64, line: &str) -> (bool, String) {
    let session = Session {
        service: env.service.clone(),
        actor: Actor {
            user: UserId(user),
            roles: vec![MEMBER_ROLE],
            is_admin: false,
            channel: Some(GROUP_CHANNEL),
            locale: None,
        },
        workspace: WS,
        lang: Lang::Nb,
        export_dir: std::env::temp_dir(),
    };
    session.line(line).await.expect("a command line")
}

/// The follow-up questions sent so far, in order.
fn questions(env: &Env) -> Vec<Outbound> {
    env.outbox
        .messages()
        .into_iter()
        .filter(|m| {
            m.content.contains("> Oppfølging før møtet")
                || m.content.contains("> Påminnelse: oppfølgingen før møtet")
        })
        .collect()
}

fn pinged(m: &Outbound) -> Option<u64> {
    match m.ping {
        Ping::User(u) => Some(u.0),
        _ => None,
    }
}

fn answer_buttons(m: &Outbound) -> Vec<(ActionId, Answer)> {
    m.buttons
        .iter()
        .filter_map(|b| match b {
            Button::FollowupAnswer { action, answer, .. } => Some((*action, *answer)),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_round_asks_each_owner_once_gathers_answers_and_asks_the_silent_once_more() {
    let env = round_env("7d,2d").await;
    let s = env.scheduler();

    // Before the asking time: nothing asked.
    env.run_until(&s, at("2027-01-05T08:59:00+01:00")).await;
    assert!(questions(&env).is_empty());
    let (ok, text) = env.as_user(&[COORD_ROLE], "/meeting followup id:1").await;
    assert!(ok, "{text}");
    assert!(
        text.contains("Oppfølgingsrunden spør eierne av åpne tiltak tirsdag 05.01.2027 kl. 09.00"),
        "{text}"
    );

    env.run_until(&s, at("2027-01-05T09:30:00+01:00")).await;
    let asked = questions(&env);
    assert_eq!(asked.len(), 2, "{asked:#?}");
    let a = asked
        .iter()
        .find(|m| pinged(m) == Some(OWNER_A))
        .expect("A asked");
    let b = asked
        .iter()
        .find(|m| pinged(m) == Some(OWNER_B))
        .expect("B asked");
    assert!(asked.iter().all(|m| pinged(m) != Some(OWNER_DONE)));
    for m in &asked {
        assert_eq!(m.channel, GROUP_CHANNEL, "the body's channel");
        let me = pinged(m).expect("a user is pinged");
        assert!(
            m.content
                .starts_with(&format!("<@{me}> Oppfølging før møtet i Tverrfaglig")),
            "{}",
            m.content
        );
        // The only mention in the text is the owner's.
        assert_eq!(m.content.matches("<@").count(), 1, "{}", m.content);
    }
    assert!(
        a.content
            .contains("1. «Kartlegge fritidstilbud» (tiltak 1)"),
        "{}",
        a.content
    );
    assert!(
        a.content.contains("2. «Nattvandring i helgene» (tiltak 2)"),
        "{}",
        a.content
    );
    assert!(!a.content.contains("Foreldremøte"));
    assert!(
        a.content.contains("Svar innen søndag 10.01.2027 kl. 09.00"),
        "{}",
        a.content
    );
    // Labelled in the body's language (nynorsk bodies get nynorsk labels).
    assert!(a.buttons.iter().all(|b| matches!(
        b,
        Button::FollowupAnswer { lang: Lang::Nb, .. } | Button::FollowupNote { lang: Lang::Nb, .. }
    )));
    assert_eq!(
        Answer::ALL.map(|a| sltbot::t!(Lang::Nn, a.fluent_id())),
        ["På sporet", "Forseinka", "Ferdig", "Treng hjelp"]
    );
    // Four answers and a note form per action.
    assert_eq!(a.buttons.len(), 10);
    assert_eq!(
        answer_buttons(a),
        [1, 2]
            .into_iter()
            .flat_map(|id| Answer::ALL.map(|ans| (ActionId(id), ans)))
            .collect::<Vec<_>>()
    );
    assert_eq!(b.buttons.len(), 5);
    assert_eq!(env.state("followup:1:u3:0").await.as_deref(), Some("sent"));
    assert_eq!(env.state("followup:1:u4:0").await.as_deref(), Some("sent"));
    assert_eq!(
        env.state("followup:1:u5:0").await,
        None,
        "the done action's owner"
    );

    // A ticks again at the same time: nothing more.
    let report = s.tick(at("2027-01-05T09:30:00+01:00")).await.expect("tick");
    assert_eq!(report.sent, 0);

    // A answers both (one of them "done" with a note); B is silent.
    let (ok, text) = as_member(&env, OWNER_A, "/action followup id:1 answer:\"på sporet\"").await;
    assert!(ok, "{text}");
    assert!(
        text.contains("Svaret på oppfølgingen av tiltak 1"),
        "{text}"
    );
    assert!(text.contains("På sporet"), "{text}");
    let (ok, text) = as_member(
        &env,
        OWNER_A,
        "/action followup id:2 answer:ferdig note:\"Avtale med frivilligsentralen er på plass\"",
    )
    .await;
    assert!(ok, "{text}");
    let (_, shown) = as_member(&env, OWNER_A, "/action show id:2").await;
    assert!(
        shown.contains("fullført"),
        "done closes the action: {shown}"
    );
    assert!(
        shown.contains("Avtale med frivilligsentralen"),
        "the note is a progress note: {shown}"
    );
    // A note with a fødselsnummer is refused and nothing is stored.
    let (ok, text) = as_member(
        &env,
        OWNER_B,
        "/action followup id:3 note:\"Gjelder 01010012356\"",
    )
    .await;
    assert!(!ok);
    assert!(!text.contains("01010012356"), "{text}");
    // B may not answer for A's action; nor can anyone answer for an action not asked.
    let (ok, text) = as_member(&env, OWNER_B, "/action followup id:1 answer:forsinket").await;
    assert!(!ok, "{text}");
    let (ok, text) = as_member(&env, OWNER_DONE, "/action followup id:4 answer:ferdig").await;
    assert!(!ok);
    assert!(text.contains("ikke med i en oppfølgingsrunde"), "{text}");

    // The coordinator sees who answered what, and who is silent.
    let (ok, view) = env.as_user(&[COORD_ROLE], "/meeting followup id:1").await;
    assert!(ok, "{view}");
    assert!(
        view.contains("2 spurt, 1 har svart, 1 har ikke svart"),
        "{view}"
    );
    assert!(
        view.contains("<@3>: «Kartlegge fritidstilbud» (tiltak 1) — På sporet"),
        "{view}"
    );
    assert!(view.contains("<@3>: «Nattvandring i helgene» (tiltak 2) — Ferdig. Notat: Avtale med frivilligsentralen er på plass"), "{view}");
    assert!(
        view.contains("<@4>: «Foreldremøte om rus» (tiltak 3) — ikke svart"),
        "{view}"
    );
    assert!(view.contains("Har ikke svart: <@4>"), "{view}");
    // The group's export holds the round (JSON data and the Markdown file).
    let admin = Actor {
        user: UserId(ADMIN),
        roles: vec![COORD_ROLE],
        is_admin: true,
        channel: Some(GROUP_CHANNEL),
        locale: None,
    };
    let r = env
        .service
        .execute(
            &admin,
            WS,
            Command::GroupExport {
                group: "Tverrfaglig".into(),
            },
        )
        .await;
    let Ok(Reply::Export(export)) = &r.outcome else {
        panic!("{r:?}");
    };
    assert_eq!(export.followup_rounds.len(), 1);
    assert_eq!(export.followup_rounds[0].questions.len(), 3);
    let md = sltbot::render::export_markdown(r.lang, r.tz, export);
    assert!(md.contains("## Oppfølgingsrunder"), "{md}");
    assert!(
        md.contains("bruker 4: «Foreldremøte om rus» (tiltak 3) — ikke svart"),
        "{md}"
    );
    // The coordinator's overview counts the round's answers.
    let overview = env.ok("/overview").await;
    assert!(
        overview.contains("Oppfølgingsrunden: 1 av 2 har svart, 1 har ikke svart"),
        "{overview}"
    );
    // A member who is not a coordinator may not look.
    let (ok, _) = as_member(&env, OWNER_A, "/meeting followup id:1").await;
    assert!(!ok);

    // The standing case carries the round on the case list and the notice.
    let list = env.ok("/meeting agenda id:1").await;
    let at_case = list
        .find("Oppfølging av tiltak og bestillinger")
        .expect("the standing case");
    let summary = list.find("Oppfølgingsrunden: 2 spurt").expect("summary");
    assert!(summary > at_case, "{list}");
    assert!(list.contains("Har ikke svart: <@4>"), "{list}");
    let notice = env.ok("/meeting notice id:1").await;
    assert!(
        notice.contains("Oppfølgingsrunden: 2 spurt, 1 har svart"),
        "{notice}"
    );

    // A day before the deadline only the silent owner is asked once more, once.
    env.run_until(&s, at("2027-01-09T10:00:00+01:00")).await;
    let asked = questions(&env);
    assert_eq!(asked.len(), 3, "{asked:#?}");
    let again = &asked[2];
    assert_eq!(pinged(again), Some(OWNER_B));
    assert!(
        again
            .content
            .starts_with("<@4> Påminnelse: oppfølgingen før møtet i Tverrfaglig"),
        "{}",
        again.content
    );
    assert_eq!(env.state("followup:1:u4:1").await.as_deref(), Some("sent"));
    assert_eq!(
        env.state("followup:1:u3:1").await.as_deref(),
        Some("skipped")
    );

    // B answers by the note form alone: answered, nothing more asked, up to the meeting.
    let (ok, text) = as_member(&env, OWNER_B, "/action followup id:3 note:\"Dato er satt\"").await;
    assert!(ok, "{text}");
    env.run_until(&s, at("2027-01-12T12:00:00+01:00")).await;
    assert_eq!(questions(&env).len(), 3);
    let (_, view) = env.as_user(&[COORD_ROLE], "/meeting followup id:1").await;
    assert!(
        view.contains("2 spurt, 2 har svart, 0 har ikke svart"),
        "{view}"
    );
    assert!(!view.contains("Har ikke svart"), "{view}");

    // Held: the minutes carry the round under the standing case, members named in words.
    env.ok("/meeting held id:1").await;
    let minutes = env.ok("/minutes show meeting:1").await;
    let at_case = minutes
        .find("Oppfølging av tiltak og bestillinger")
        .expect("the standing case");
    let summary = minutes
        .find("Oppfølgingsrunden: 2 spurt, 2 har svart")
        .expect("the round in the minutes");
    assert!(summary > at_case, "{minutes}");
    assert!(
        minutes.contains("bruker 4: «Foreldremøte om rus» (tiltak 3) — notat. Notat: Dato er satt"),
        "{minutes}"
    );
}

#[tokio::test]
async fn a_restart_in_the_middle_of_a_round_asks_nobody_twice() {
    // Reminders only a day ahead, so at the asking time only the round is due.
    let env = round_env("1d").await;
    let due = at("2027-01-05T09:00:00+01:00");
    env.clock.set(due);
    let crashing = Arc::new(CrashingOutbox {
        shared: env.outbox.clone(),
        mode: Crash::AfterSend,
        entered: tokio::sync::Notify::new(),
    });
    let doomed = env.other_scheduler(crashing.clone()).await;
    tokio::select! {
        _ = doomed.tick(due) => panic!("the crashing outbox never returns"),
        _ = crashing.entered.notified() => {}
    }
    drop(doomed); // gone mid-round: the round is open, a question went out unrecorded

    // A new process on the same database file finishes the round.
    let next = env.scheduler();
    env.run_until(&next, at("2027-01-05T12:00:00+01:00")).await;
    let asked = questions(&env);
    let mut owners: Vec<u64> = asked.iter().filter_map(pinged).collect();
    owners.sort();
    assert_eq!(owners, vec![OWNER_A, OWNER_B], "once each: {asked:#?}");
    assert_eq!(env.state("followup:1:u3:0").await.as_deref(), Some("sent"));
    assert_eq!(env.state("followup:1:u4:0").await.as_deref(), Some("sent"));

    // And a third process later changes nothing.
    let third = env.other_scheduler(env.outbox.clone()).await;
    third
        .tick(at("2027-01-05T13:00:00+01:00"))
        .await
        .expect("tick");
    assert_eq!(questions(&env).len(), 2);
    // Both silent: each asked once more, once, across yet another restart.
    drop(next);
    env.run_until(&third, at("2027-01-09T09:30:00+01:00")).await;
    drop(third);
    let last = env.scheduler();
    env.run_until(&last, at("2027-01-12T12:00:00+01:00")).await;
    let asked = questions(&env);
    let mut owners: Vec<u64> = asked.iter().filter_map(pinged).collect();
    owners.sort();
    assert_eq!(
        owners,
        vec![OWNER_A, OWNER_A, OWNER_B, OWNER_B],
        "{asked:#?}"
    );
    let keys = env.outbox.sent_keys();
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "no key sent twice: {keys:?}");
}

#[tokio::test]
async fn the_round_is_configurable_per_body_and_can_be_turned_off() {
    let env = round_env("1d").await;
    let (ok, text) = env
        .as_user(&[MEMBER_ROLE], "/group followup group:Tverrfaglig")
        .await;
    assert!(ok, "{text}");
    assert!(
        text.contains("oppfølgingsrunden spør 7 dager før møtet"),
        "{text}"
    );
    let (ok, _) = env
        .as_user(&[MEMBER_ROLE], "/group followup group:Tverrfaglig ask:3d")
        .await;
    assert!(!ok, "members may only look");
    let (ok, text) = env
        .as_user(&[COORD_ROLE], "/group followup group:Tverrfaglig ask:sju")
        .await;
    assert!(!ok);
    assert!(text.contains("«sju» er ikke en tid før møtet"), "{text}");

    // Three days ahead: asks 09.01 09:00, past the time to ask once more.
    let text = env.ok("/group followup group:Tverrfaglig ask:3d").await;
    assert!(text.contains("spør nå 3 dager før møtet"), "{text}");
    let s = env.scheduler();
    env.run_until(&s, at("2027-01-09T08:59:00+01:00")).await;
    assert!(questions(&env).is_empty());
    env.run_until(&s, at("2027-01-12T12:00:00+01:00")).await;
    assert_eq!(questions(&env).len(), 2, "asked once each, no second ask");

    // Off: a new meeting gets no round.
    env.ok("/group followup group:Tverrfaglig ask:ingen\n/meeting add group:Tverrfaglig at:\"26.01.2027 kl. 09.00\"")
        .await;
    let (ok, view) = env.as_user(&[COORD_ROLE], "/meeting followup id:2").await;
    assert!(ok, "{view}");
    assert!(
        view.contains("Ingen oppfølgingsrunde for dette møtet"),
        "{view}"
    );
    env.run_until(&s, at("2027-01-27T12:00:00+01:00")).await;
    assert_eq!(questions(&env).len(), 2);
}

#[tokio::test]
async fn meetings_made_before_rounds_existed_get_one_at_start() {
    let env = round_env("1d").await;
    // As on a database from before this version: the meeting has no round.
    sqlx::query("DELETE FROM followup_rounds")
        .execute(env.service.store().pool())
        .await
        .expect("delete");
    let s = env.scheduler();
    s.plan_all(at("2027-01-01T10:00:00+01:00"))
        .await
        .expect("plan");
    env.run_until(&s, at("2027-01-05T10:00:00+01:00")).await;
    assert_eq!(questions(&env).len(), 2, "asked on 05.01 as planned");
    // Planning again at a later start changes nothing.
    s.plan_all(at("2027-01-05T10:00:00+01:00"))
        .await
        .expect("plan");
    env.run_until(&s, at("2027-01-06T10:00:00+01:00")).await;
    assert_eq!(questions(&env).len(), 2);
}

#[tokio::test]
async fn a_round_that_has_asked_follows_its_moved_meeting_without_asking_again_from_the_start() {
    let env = round_env("1d").await;
    let s = env.scheduler();
    env.run_until(&s, at("2027-01-05T10:00:00+01:00")).await;
    assert_eq!(questions(&env).len(), 2);
    // A week later: the deadline is now 17.01 09:00, the ask once more 16.01 09:00.
    env.ok("/meeting move id:1 at:\"19.01.2027 kl. 09.00\"")
        .await;
    env.run_until(&s, at("2027-01-15T10:00:00+01:00")).await;
    assert_eq!(questions(&env).len(), 2, "neither asked anew nor early");
    let (_, view) = env.as_user(&[COORD_ROLE], "/meeting followup id:1").await;
    assert!(
        view.contains("svarfrist søndag 17.01.2027 kl. 09.00"),
        "{view}"
    );
    env.run_until(&s, at("2027-01-16T10:00:00+01:00")).await;
    let asked = questions(&env);
    assert_eq!(asked.len(), 4, "{asked:#?}");
    assert!(asked[2..].iter().all(|m| m
        .content
        .contains("Påminnelse: oppfølgingen før møtet i Tverrfaglig tirsdag 19.01.2027")));
    env.run_until(&s, at("2027-01-19T12:00:00+01:00")).await;
    assert_eq!(questions(&env).len(), 4);
}

#[tokio::test]
async fn an_open_order_received_is_asked_of_the_receiving_bodys_coordinator_role() {
    let env = round_env("1d").await;
    env.ok(&format!(
        "/group create name:Styret level:styrende channel:{OTHER_CHANNEL} coordinator_role:{OTHER_COORD_ROLE} member_role:{OTHER_MEMBER_ROLE}\n\
         /order add from:Styret to:Tverrfaglig title:\"Kartlegge rusbruk blant ungdom\""
    ))
    .await;
    let s = env.scheduler();
    env.run_until(&s, at("2027-01-05T10:00:00+01:00")).await;
    let asked = questions(&env);
    assert_eq!(
        asked.len(),
        3,
        "two owners and the receiving body: {asked:#?}"
    );
    let to_role = asked
        .iter()
        .find(|m| m.ping == Ping::Role(COORD_ROLE))
        .expect("the receiving body's coordinator role is asked");
    assert_eq!(to_role.channel, GROUP_CHANNEL);
    assert!(
        to_role
            .content
            .starts_with("<@&10> Oppfølging før møtet i Tverrfaglig"),
        "{}",
        to_role.content
    );
    assert!(
        to_role
            .content
            .contains("1. «Kartlegge rusbruk blant ungdom» (bestilling 1)"),
        "{}",
        to_role.content
    );
    assert!(
        to_role.content.contains("/order reply"),
        "{}",
        to_role.content
    );
    assert!(to_role.buttons.is_empty());

    // The receiving body answers the order: that answers the round's question too.
    env.ok("/order reply id:1 status:accepted text:\"Vi starter i januar\"")
        .await;
    let (_, view) = env.as_user(&[COORD_ROLE], "/meeting followup id:1").await;
    assert!(
        view.contains("<@&10>: «Kartlegge rusbruk blant ungdom» (bestilling 1) — På sporet"),
        "{view}"
    );
    assert!(
        view.contains("3 spurt, 1 har svart, 2 har ikke svart"),
        "{view}"
    );
    // Answered: not asked once more.
    env.run_until(&s, at("2027-01-12T12:00:00+01:00")).await;
    let again: Vec<_> = questions(&env)
        .into_iter()
        .filter(|m| m.content.contains("Påminnelse"))
        .collect();
    assert_eq!(again.len(), 2, "only the silent owners: {again:#?}");
    assert!(again.iter().all(|m| m.ping != Ping::Role(COORD_ROLE)));
}
