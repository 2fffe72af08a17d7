//! What the scheduler says: overdue-action pings (once, then weekly) and the weekly
//! digest (split at Discord's limit, never mentioning anyone, late only within its week).

mod support;

use sltbot::domain::{ActionId, GroupId, UserId};
use sltbot::notify::{Button, Ping, MESSAGE_LIMIT};
use sltbot::service::Command;
use support::sched::*;

#[tokio::test]
async fn overdue_action_pings_its_owner_once_when_due_passes_then_weekly_while_open() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    env.ok("/action add group:Tverrfaglig title:\"Kartlegge fritidstilbud\" owner:<@42> due:05.01.2027")
        .await;
    let s = env.scheduler();
    env.run_until(&s, at("2027-01-28T12:00:00+01:00")).await;
    let pings = env.outbox.messages();
    assert_eq!(
        pings.len(),
        4,
        "06.01, then 13.01, 20.01 and 27.01: {pings:#?}"
    );
    for (n, p) in pings.iter().enumerate() {
        assert_eq!(p.ping, Ping::User(UserId(42)));
        assert_eq!(p.channel, GROUP_CHANNEL);
        assert_eq!(
            p.buttons,
            vec![
                Button::ActionDone(GroupId(1), ActionId(1)),
                Button::ActionReport(GroupId(1), ActionId(1))
            ]
        );
        assert!(p.content.starts_with("<@42> "), "{}", p.content);
        assert!(p.content.contains("«Kartlegge fritidstilbud»"));
        assert!(p.content.contains("05.01.2027"));
        if n > 0 {
            assert!(p.content.contains("Fortsatt forsinket"), "{}", p.content);
        }
    }
    let sent: Vec<i64> = sqlx::query_scalar(
        "SELECT sent_at FROM notifications WHERE kind = 'overdue' AND state = 'sent' ORDER BY seq",
    )
    .fetch_all(env.service.store().pool())
    .await
    .expect("rows");
    assert_eq!(
        sent,
        [
            at("2027-01-06T09:00:00+01:00").timestamp(),
            at("2027-01-13T09:00:00+01:00").timestamp(),
            at("2027-01-20T09:00:00+01:00").timestamp(),
            at("2027-01-27T09:00:00+01:00").timestamp(),
        ]
    );
    // Done: the weekly pings stop.
    env.ok("/action update id:1 status:done").await;
    env.run_until(&s, at("2027-03-01T12:00:00+01:00")).await;
    assert_eq!(env.outbox.messages().len(), 4);
    assert_eq!(env.state("overdue:1:4").await.as_deref(), Some("skipped"));
}

/// Is there a Discord mention token (`<@123>`, `<@!123>`, `<@&123>`) in `s`?
fn has_mention(s: &str) -> bool {
    s.match_indices("<@").any(|(i, _)| {
        let rest = &s[i + 2..];
        let rest = rest.strip_prefix(['!', '&']).unwrap_or(rest);
        rest.starts_with(|c: char| c.is_ascii_digit())
    }) || s.contains("@everyone")
        || s.contains("@here")
}

#[tokio::test]
async fn a_long_digest_is_split_at_2000_characters_and_mentions_nobody() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.ok(&format!("/workspace set digest_channel:{DIGEST_CHANNEL}"))
        .await;
    env.group("Tverrfaglig").await;
    env.ok(
        "/group create name:\"Politirådet <@&10>\" level:styrende channel:101 coordinator_role:10",
    )
    .await;
    env.ok("/meeting add group:Tverrfaglig at:\"12.01.2027 kl. 09.00\"")
        .await;
    for i in 0..40 {
        env.ok(&format!(
            "/agenda add group:Tverrfaglig title:\"Sak {i:02}: oppfølging av samarbeidet med skolene om tiltak mot utenforskap @everyone <@42>\""
        ))
        .await;
    }
    env.ok("/action add group:Tverrfaglig title:\"Kartlegge\" owner:<@42> due:02.01.2027")
        .await;
    env.ok("/action update id:1 status:pågår note:\"Startet\"")
        .await;
    // Titles only because the group's coordinators allow them in the digest.
    let allowed = env
        .service
        .execute(
            &coordinator(),
            WS,
            Command::GroupDigest {
                group: "Tverrfaglig".into(),
                titles: true,
            },
        )
        .await;
    assert!(allowed.outcome.is_ok(), "{:?}", allowed.outcome);
    let s = env.scheduler();
    env.run_until(&s, at("2027-01-04T09:00:00+01:00")).await;
    let digest: Vec<_> = env
        .outbox
        .messages()
        .into_iter()
        .filter(|m| m.channel == DIGEST_CHANNEL)
        .collect();
    assert!(digest.len() >= 3, "{} parts", digest.len());
    for part in &digest {
        assert!(part.content.chars().count() <= MESSAGE_LIMIT);
        assert_eq!(part.ping, Ping::Nobody);
        assert!(part.buttons.is_empty());
        assert!(!has_mention(&part.content), "{}", part.content);
    }
    let text = digest
        .iter()
        .map(|m| m.content.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.starts_with("**Ukeoppsummering uke 1**"), "{text}");
    assert!(
        text.contains("**Møter de neste 14 dagene**\n• tirsdag 12.01.2027 kl. 09.00 — Tverrfaglig")
    );
    for i in 0..40 {
        assert!(
            text.contains(&format!("Sak {i:02}: oppfølging")),
            "item {i}"
        );
    }
    assert!(
        text.contains("Kartlegge (tiltak 1) — pågår, ett notat"),
        "{text}"
    );
    assert!(text
        .contains("**Forsinkede tiltak**\nTverrfaglig:\n• Kartlegge (tiltak 1), frist 02.01.2027"));
    // Parts are whole lines, in order, each sent once under its own key.
    let keys = env.outbox.sent_keys();
    let digest_keys: Vec<_> = keys
        .iter()
        .filter(|k| k.ends_with(&format!("p{}", digest.len() - 1)))
        .collect();
    assert_eq!(digest_keys.len(), 1);
    assert_eq!(
        env.state(&format!("digest:{WS}:2027-W01")).await.as_deref(),
        Some("sent")
    );
    assert_eq!(
        env.state(&format!("digest:{WS}:2027-W02")).await.as_deref(),
        Some("pending")
    );
}

fn coordinator() -> sltbot::service::Actor {
    sltbot::service::Actor {
        roles: vec![COORD_ROLE],
        ..sltbot::service::Actor::new(UserId(2))
    }
}

/// By default the digest channel, which the whole server reads, gets a group's meeting
/// times and counts, never its titles.
#[tokio::test]
async fn the_digest_shows_counts_and_meeting_times_but_no_titles_by_default() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.ok(&format!("/workspace set digest_channel:{DIGEST_CHANNEL}"))
        .await;
    env.group("Tverrfaglig").await;
    env.ok("/meeting add group:Tverrfaglig at:\"12.01.2027 kl. 09.00\"")
        .await;
    for title in ["Uro ved klubben", "Skolevegring"] {
        env.ok(&format!("/agenda add group:Tverrfaglig title:\"{title}\""))
            .await;
    }
    env.ok("/action add group:Tverrfaglig title:\"Kartlegge\" owner:<@42> due:02.01.2027")
        .await;
    env.ok("/action update id:1 status:pågår note:\"Startet\"")
        .await;
    let s = env.scheduler();
    env.run_until(&s, at("2027-01-04T09:00:00+01:00")).await;
    let text: String = env
        .outbox
        .messages()
        .into_iter()
        .filter(|m| m.channel == DIGEST_CHANNEL)
        .map(|m| m.content)
        .collect();
    assert_eq!(
        text,
        "**Ukeoppsummering uke 1**\n\n**Møter de neste 14 dagene**\n\
         • tirsdag 12.01.2027 kl. 09.00 — Tverrfaglig\n\n\
         **Nye saker siden forrige oppsummering**\n• Tverrfaglig: 2 nye saker\n\n\
         **Oppdaterte tiltak**\n• Tverrfaglig: ett oppdatert tiltak\n\n\
         **Forsinkede tiltak**\n• Tverrfaglig: ett forsinket tiltak"
    );
}

#[tokio::test]
async fn a_digest_missed_for_a_whole_week_is_skipped_and_this_weeks_is_sent_late() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.ok(&format!("/workspace set digest_channel:{DIGEST_CHANNEL}"))
        .await;
    let s = env.scheduler();
    // Down from before Monday 04.01 until Wednesday 13.01 (week 2).
    env.clock.set(at("2027-01-13T12:00:00+01:00"));
    let r = s.tick(at("2027-01-13T12:00:00+01:00")).await.expect("tick");
    assert_eq!(
        env.state(&format!("digest:{WS}:2027-W01")).await.as_deref(),
        Some("skipped")
    );
    assert_eq!(r.skipped, 1);
    // Week 2's digest (Monday 11.01 08:00) is late but its week is not over.
    let r = s.tick(at("2027-01-13T12:00:00+01:00")).await.expect("tick");
    assert_eq!(r.sent, 1);
    assert_eq!(
        env.state(&format!("digest:{WS}:2027-W02")).await.as_deref(),
        Some("sent")
    );
    assert_eq!(
        env.state(&format!("digest:{WS}:2027-W03")).await.as_deref(),
        Some("pending")
    );
    let posted = env.outbox.messages();
    assert_eq!(posted.len(), 1);
    assert!(posted[0].content.starts_with("**Ukeoppsummering uke 2**"));
}
