//! The notice the scheduler posts before a meeting (issue 11, items 3 and 4): posted 14
//! days before, the final case list at the deadline, later changes edited into that one
//! message, a late submission sent to the coordinators and admitted, apologies in the
//! 1-day reminder, and no second notice after a restart. On a settable clock, through the
//! console's command lines and the scheduler's outbox.

mod support;

use chrono::{DateTime, Utc};
use sltbot::domain::{GroupId, MeetingId};
use sltbot::notify::{Button, Outbound, Ping};
use std::fmt::Write;
use support::sched::*;

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("time")
        .with_timezone(&Utc)
}

/// The group, its meeting on 02.02.2027 09:00 at the town hall, one member's item.
async fn setup(env: &Env) {
    env.group("Tverrfaglig").await;
    env.ok("/meeting add group:Tverrfaglig at:\"02.02.2027 kl. 09.00\" location:\"Rådhuset, møterom Ærfugl\"")
        .await;
    let (ok, text) = env
        .as_user(
            &[MEMBER_ROLE],
            "/agenda add group:Tverrfaglig title:\"Uro ved ungdomsklubben\"",
        )
        .await;
    assert!(ok, "{text}");
}

fn find<'a>(sent: &'a [Outbound], needle: &str) -> Vec<(usize, &'a Outbound)> {
    sent.iter()
        .enumerate()
        .filter(|(_, m)| m.content.contains(needle))
        .collect()
}

#[tokio::test]
async fn notice_final_list_edit_in_place_late_submission_and_apologies() {
    let env = Env::new("2027-01-04T10:00:00+01:00").await;
    setup(&env).await;
    let s = env.scheduler();

    // 14 days before, 09:00: the notice, with the case list so far and the buttons.
    env.run_until(&s, at("2027-01-19T08:59:00+01:00")).await;
    assert!(find(&env.outbox.messages(), "Innkalling").is_empty());
    env.run_until(&s, at("2027-01-19T09:00:00+01:00")).await;
    let sent = env.outbox.messages();
    let notices = find(&sent, "Innkalling:");
    assert_eq!(notices.len(), 1, "{sent:#?}");
    let notice = notices[0].1;
    assert_eq!(notice.channel, GROUP_CHANNEL);
    assert_eq!(notice.ping, Ping::Nobody);
    assert_eq!(
        notice.buttons,
        [
            Button::NoticeAttend(GroupId(1), MeetingId(1)),
            Button::NoticeApologies(GroupId(1), MeetingId(1))
        ]
    );
    for part in [
        "<t:1801555200:F> (<t:1801555200:R>)",
        "Sted: Rådhuset, møterom Ærfugl",
        "Uro ved ungdomsklubben",
        "Godkjenning av innkalling og saksliste",
        "Frist for å melde inn saker: <t:1801382400:F>",
    ] {
        assert!(
            notice.content.contains(part),
            "{part} in {}",
            notice.content
        );
    }
    assert_eq!(env.state("notice:1").await.as_deref(), Some("sent"));

    // A restart (another scheduler on the same file) posts nothing twice.
    let other = env
        .other_scheduler(env.outbox.clone() as std::sync::Arc<dyn sltbot::notify::Outbox>)
        .await;
    other
        .tick(at("2027-01-19T09:00:30+01:00"))
        .await
        .expect("tick");
    assert_eq!(find(&env.outbox.messages(), "Innkalling:").len(), 1);

    // At the deadline (2 days before), the final case list: a new post.
    env.run_until(&s, at("2027-01-31T09:00:00+01:00")).await;
    let sent = env.outbox.messages();
    let finals = find(&sent, "Endelig saksliste:");
    assert_eq!(finals.len(), 1, "{sent:#?}");
    let (index, final_list) = finals[0];
    let final_id = index as u64 + 1;
    assert!(final_list
        .content
        .contains("Fristen for å melde inn saker er ute"));
    assert!(env.outbox.edited().is_empty(), "no change yet");

    // A member's submission now is late: not on the list, the coordinators are asked.
    let (ok, text) = env
        .as_user(
            &[MEMBER_ROLE],
            "/agenda add group:Tverrfaglig title:\"Skulk ved Åsen skole\"",
        )
        .await;
    assert!(ok, "{text}");
    assert!(
        text.contains("er lagret og sendt til koordinatoren"),
        "{text}"
    );
    let (_, list) = env.as_user(&[MEMBER_ROLE], "/meeting agenda id:1").await;
    assert!(!list.contains("Skulk"), "{list}");
    s.tick(at("2027-01-31T09:05:00+01:00")).await.expect("tick");
    let sent = env.outbox.messages();
    let asks = find(&sent, "Innspill etter fristen");
    assert_eq!(asks.len(), 1, "{sent:#?}");
    let ask = asks[0].1;
    assert_eq!(ask.ping, Ping::Role(COORD_ROLE));
    assert!(ask.content.starts_with("<@&10> "), "{}", ask.content);
    let item = text
        .split("(sak ")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .expect("item id in the reply")
        .to_string();
    assert!(ask
        .content
        .contains(&format!("/agenda admit id:{item} meeting:this")));
    // Members may not decide.
    let (ok, _) = env
        .as_user(
            &[MEMBER_ROLE],
            &format!("/agenda admit id:{item} meeting:this"),
        )
        .await;
    assert!(!ok);
    // The coordinator admits it to this meeting: the final list is edited in place.
    env.clock.set(at("2027-01-31T10:15:00+01:00"));
    let reply = env
        .ok(&format!("/agenda admit id:{item} meeting:this"))
        .await;
    assert!(reply.contains("Skulk ved Åsen skole"), "{reply}");
    s.tick(at("2027-01-31T10:15:00+01:00")).await.expect("tick");
    let edits = env.outbox.edited();
    assert_eq!(edits.len(), 1, "{edits:#?}");
    assert_eq!(edits[0].0, final_id, "the final list's own message");
    assert!(edits[0].1.content.starts_with("Endelig saksliste:"));
    assert!(
        edits[0]
            .1
            .content
            .contains("Endret 31.01.2027 kl. 10.15: Sak 04/27 Skulk ved Åsen skole er satt opp."),
        "{}",
        edits[0].1.content
    );
    assert_eq!(find(&env.outbox.messages(), "Endelig saksliste:").len(), 1);
    // Deciding twice is refused.
    let (ok, text) = env
        .as_user(
            &[COORD_ROLE],
            &format!("/agenda admit id:{item} meeting:next"),
        )
        .await;
    assert!(!ok && text.contains("venter på en avgjørelse"), "{text}");

    // Two quick changes, one edit with both lines: the meeting moves, an item is withdrawn.
    env.clock.set(at("2027-01-31T11:00:00+01:00"));
    env.ok("/meeting move id:1 at:\"02.02.2027 kl. 10.00\"")
        .await;
    env.ok("/agenda remove id:1").await;
    s.tick(at("2027-01-31T11:00:00+01:00")).await.expect("tick");
    let edits = env.outbox.edited();
    assert_eq!(edits.len(), 2, "{edits:#?}");
    let last = &edits[1].1.content;
    assert_eq!(edits[1].0, final_id);
    assert!(
        last.contains("Endret 31.01.2027 kl. 11.00: møtet er flyttet"),
        "{last}"
    );
    assert!(
        last.contains("Uro ved ungdomsklubben er tatt av sakslista"),
        "{last}"
    );
    assert!(last.contains("<t:1801558800:F>"), "the new time: {last}");
    // Nothing changed: no further edit.
    s.tick(at("2027-01-31T11:30:00+01:00")).await.expect("tick");
    assert_eq!(env.outbox.edited().len(), 2);

    // A member sends apologies; the 1-day reminder names them without pinging them.
    let (ok, text) = env
        .as_user(
            &[MEMBER_ROLE],
            "/meeting attend id:1 status:forfall note:\"Kurs\"",
        )
        .await;
    assert!(ok, "{text}");
    env.ok("/meeting guest id:1 name:\"Kari Nordmann\" agency:\"Nabokommunen\"")
        .await;
    env.run_until(&s, at("2027-02-01T10:00:00+01:00")).await;
    let sent = env.outbox.messages();
    let reminders = find(&sent, "Påminnelse:");
    let one_day = reminders.last().expect("the 1-day reminder").1;
    assert!(
        one_day.content.contains("Forfall: <@7>"),
        "{}",
        one_day.content
    );
    assert!(
        one_day
            .content
            .contains("Gjester: Kari Nordmann (Nabokommunen)"),
        "{}",
        one_day.content
    );
    assert_eq!(
        one_day.ping,
        Ping::Role(COORD_ROLE),
        "only the role may be pinged"
    );
}

#[tokio::test]
async fn notice_lead_is_set_per_group_and_off_posts_nothing() {
    let env = Env::new("2027-01-04T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    let (ok, text) = env
        .as_user(&[MEMBER_ROLE], "/group notice group:Tverrfaglig")
        .await;
    assert!(ok, "{text}");
    assert!(text.contains("14 dager før møtet"), "{text}");
    let (ok, _) = env
        .as_user(&[MEMBER_ROLE], "/group notice group:Tverrfaglig lead:7d")
        .await;
    assert!(!ok, "members may only look");
    let (ok, text) = env
        .as_user(&[COORD_ROLE], "/group notice group:Tverrfaglig lead:snart")
        .await;
    assert!(!ok && text.contains("Forstod ikke «snart»"), "{text}");
    env.ok("/group notice group:Tverrfaglig lead:av").await;
    env.ok("/meeting add group:Tverrfaglig at:\"02.02.2027 kl. 09.00\"")
        .await;
    let s = env.scheduler();
    env.run_until(&s, at("2027-02-01T08:00:00+01:00")).await;
    let sent = env.outbox.messages();
    assert!(find(&sent, "Innkalling").is_empty(), "{sent:#?}");
    assert!(find(&sent, "Endelig saksliste").is_empty(), "{sent:#?}");
    // On again (3 days): the next meeting gets its notice 3 days before.
    env.ok("/group notice group:Tverrfaglig lead:3d").await;
    env.ok("/meeting add group:Tverrfaglig at:\"16.02.2027 kl. 09.00\"")
        .await;
    env.run_until(&s, at("2027-02-13T09:00:00+01:00")).await;
    assert_eq!(find(&env.outbox.messages(), "Innkalling:").len(), 1);
}

#[tokio::test]
async fn admitted_to_the_next_meeting_goes_there_as_a_proposal() {
    let env = Env::new("2027-01-04T10:00:00+01:00").await;
    setup(&env).await;
    env.ok("/meeting add group:Tverrfaglig at:\"02.03.2027 kl. 09.00\"")
        .await;
    let s = env.scheduler();
    env.run_until(&s, at("2027-01-31T09:00:00+01:00")).await;
    let (ok, text) = env
        .as_user(
            &[MEMBER_ROLE],
            "/agenda add group:Tverrfaglig title:\"Sent innspill\"",
        )
        .await;
    assert!(ok, "{text}");
    let item = text
        .split("(sak ")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .expect("item id")
        .to_string();
    // A meeting set up meanwhile does not attach the late item to the next meeting (the
    // one whose deadline passed): the coordinator decides.
    env.ok("/meeting add group:Tverrfaglig at:\"16.03.2027 kl. 09.00\"")
        .await;
    let waiting = env.ok("/agenda list group:Tverrfaglig meeting:1").await;
    assert!(!waiting.contains("Sent innspill"), "{waiting}");
    let reply = env
        .ok(&format!("/agenda admit id:{item} meeting:neste"))
        .await;
    assert!(
        reply.contains("er satt opp til tirsdag 02.03.2027 kl. 09.00"),
        "{reply}"
    );
    let list = env.ok("/agenda list group:Tverrfaglig meeting:2").await;
    assert!(list.contains("Sent innspill"), "{list}");
    s.tick(at("2027-01-31T09:30:00+01:00")).await.expect("tick");
    // The coordinators' message was planned, but the decision came first: it is skipped.
    assert!(find(&env.outbox.messages(), "Innspill etter fristen").is_empty());
    assert!(
        env.outbox.edited().is_empty(),
        "the first meeting's list did not change"
    );
}

/// The same recording, rendered for the console (plain words, no Discord timestamps).
struct PlainOutbox(std::sync::Arc<sltbot::notify::RecordingOutbox>);

#[async_trait::async_trait]
impl sltbot::notify::Outbox for PlainOutbox {
    fn style(&self) -> sltbot::render::Style {
        sltbot::render::Style::Plain
    }

    async fn send(
        &self,
        m: &Outbound,
    ) -> Result<sltbot::notify::Sent, sltbot::notify::DeliveryError> {
        self.0.send(m).await
    }

    async fn edit(
        &self,
        message_id: u64,
        m: &Outbound,
    ) -> Result<sltbot::notify::Sent, sltbot::notify::DeliveryError> {
        self.0.edit(message_id, m).await
    }
}

/// The notice, the final list and one edit, as posted in `lang` for `style`.
async fn story(lang: &str, plain: bool) -> [String; 3] {
    let env = Env::new("2027-01-04T10:00:00+01:00").await;
    if lang != "nb" {
        env.ok(&format!("/workspace set language:{lang}")).await;
    }
    setup(&env).await;
    let s = if plain {
        env.other_scheduler(std::sync::Arc::new(PlainOutbox(env.outbox.clone())))
            .await
    } else {
        env.scheduler()
    };
    env.run_until(&s, at("2027-01-31T09:00:00+01:00")).await;
    env.clock.set(at("2027-01-31T10:15:00+01:00"));
    env.ok("/agenda add group:Tverrfaglig title:\"Skulk ved Åsen skole\"")
        .await;
    s.tick(at("2027-01-31T10:15:00+01:00")).await.expect("tick");
    let sent = env.outbox.messages();
    let posted: Vec<&Outbound> = sent
        .iter()
        .filter(|m| {
            m.buttons
                .iter()
                .any(|b| matches!(b, Button::NoticeAttend(..)))
        })
        .collect();
    assert_eq!(posted.len(), 2, "{sent:#?}");
    let edits = env.outbox.edited();
    assert_eq!(edits.len(), 1, "{edits:#?}");
    [
        posted[0].content.clone(),
        posted[1].content.clone(),
        edits[0].1.content.clone(),
    ]
}

/// Golden text of the notice, the final list and an edit, in nb, nn and en, as posted on
/// Discord and as the console prints it. Sections follow the goldens' format, so the
/// language scans of `tests/goldens.rs` read them too.
#[tokio::test]
async fn notice_and_final_list_golden_in_nb_nn_and_en() {
    let mut texts = Vec::new();
    for lang in ["nb", "nn", "en"] {
        for (plain, style) in [(true, "console"), (false, "Discord")] {
            texts.push((lang, style, story(lang, plain).await));
        }
    }
    let mut out = String::new();
    for (step, pick) in [
        ("notice:1", 0),
        ("notice-final:1", 1),
        ("notice-edit:1:1", 2),
    ] {
        writeln!(out, "{step} → channel 100").unwrap();
        for (lang, style, text) in &texts {
            writeln!(out, "── {lang} · {style}\n{}", text[pick]).unwrap();
        }
        out.push('\n');
    }
    insta::assert_snapshot!("notice_posted", out);
}

/// An outbox whose edits hang (the process dies mid-edit); posts are recorded in `shared`.
struct HangingEdits {
    shared: std::sync::Arc<sltbot::notify::RecordingOutbox>,
    entered: tokio::sync::Notify,
}

#[async_trait::async_trait]
impl sltbot::notify::Outbox for HangingEdits {
    fn style(&self) -> sltbot::render::Style {
        sltbot::render::Style::Discord
    }

    async fn send(
        &self,
        m: &Outbound,
    ) -> Result<sltbot::notify::Sent, sltbot::notify::DeliveryError> {
        self.shared.send(m).await
    }

    async fn send_keyed(
        &self,
        key: &str,
        m: &Outbound,
    ) -> Result<sltbot::notify::Sent, sltbot::notify::DeliveryError> {
        self.shared.send_keyed(key, m).await
    }

    async fn edit(
        &self,
        _message_id: u64,
        _m: &Outbound,
    ) -> Result<sltbot::notify::Sent, sltbot::notify::DeliveryError> {
        self.entered.notify_one();
        std::future::pending().await
    }
}

#[tokio::test]
async fn an_edit_survives_a_crash_mid_edit_and_a_change_made_while_the_bot_was_down() {
    let env = Env::new("2027-01-04T10:00:00+01:00").await;
    setup(&env).await;
    let hanging = std::sync::Arc::new(HangingEdits {
        shared: env.outbox.clone(),
        entered: tokio::sync::Notify::new(),
    });
    let doomed = env.other_scheduler(hanging.clone()).await;
    env.run_until(&doomed, at("2027-01-31T09:00:00+01:00"))
        .await;
    assert_eq!(find(&env.outbox.messages(), "Endelig saksliste:").len(), 1);

    // A change; the scheduler dies while editing.
    env.clock.set(at("2027-01-31T10:00:00+01:00"));
    env.ok("/agenda add group:Tverrfaglig title:\"Skulk ved Åsen skole\"")
        .await;
    tokio::select! {
        _ = doomed.tick(at("2027-01-31T10:00:00+01:00")) => panic!("the edit never returns"),
        _ = hanging.entered.notified() => {}
    }
    drop(doomed);
    assert_eq!(
        env.state("notice-edit:1:1").await.as_deref(),
        Some("claimed")
    );

    // While no scheduler runs, another change.
    env.clock.set(at("2027-01-31T11:00:00+01:00"));
    env.ok("/meeting move id:1 at:\"02.02.2027 kl. 10.00\"")
        .await;

    // The next process takes the dead one's claim back and edits; the change made while
    // it was down is found on its first tick and edited in too. One message throughout.
    let next = env.scheduler();
    next.tick(at("2027-01-31T11:00:05+01:00"))
        .await
        .expect("tick");
    next.tick(at("2027-01-31T11:00:10+01:00"))
        .await
        .expect("tick");
    let edits = env.outbox.edited();
    assert!(!edits.is_empty(), "the edit was not lost");
    let last = &edits.last().unwrap().1.content;
    assert!(last.contains("Skulk ved Åsen skole er satt opp"), "{last}");
    assert!(last.contains("møtet er flyttet"), "{last}");
    assert!(edits.iter().all(|(id, _)| *id == edits[0].0), "{edits:#?}");
    assert_eq!(env.state("notice-edit:1:1").await.as_deref(), Some("sent"));
    assert_eq!(find(&env.outbox.messages(), "Endelig saksliste:").len(), 1);
}
