//! The scheduling commands as users meet them: permissions, validation, localized replies.

mod support;

use support::sched::*;

#[tokio::test]
async fn only_coordinators_schedule_move_and_set_reminders_members_may_look() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    env.ok("/meeting schedule group:Tverrfaglig cadence:\"monthly first tue 09:00\"")
        .await;
    let member = [MEMBER_ROLE];
    for refused in [
        "/meeting schedule group:Tverrfaglig cadence:\"weekly mon 09:00\"",
        "/meeting move id:1 at:\"06.01.2027 kl. 09.00\"",
        "/group reminders group:Tverrfaglig leads:1d",
        "/digest channel:5",
    ] {
        let (ok, text) = env.as_user(&member, refused).await;
        assert!(!ok, "{refused} was allowed: {text}");
        assert!(text.contains("Bare") || text.contains("tilgang"), "{text}");
    }
    let (ok, text) = env
        .as_user(&member, "/meeting next group:Tverrfaglig")
        .await;
    assert!(ok, "{text}");
    assert!(text.contains("tirsdag 05.01.2027 kl. 09.00"), "{text}");
    let (ok, text) = env
        .as_user(&member, "/group reminders group:Tverrfaglig")
        .await;
    assert!(ok, "{text}");
    assert_eq!(
        text,
        "Påminnelser for Tverrfaglig: 7 dager og 1 dag før møtet; frist for saker 2 dager før møtet; hopper over helligdager: nei."
    );
    let (ok, _) = env.as_user(&[], "/meeting next group:Tverrfaglig").await;
    assert!(!ok, "outsiders see nothing");
}

#[tokio::test]
async fn bad_cadences_and_settings_are_refused_in_the_users_language_and_change_nothing() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    let (ok, text) = env
        .as_user(
            &[COORD_ROLE],
            "/meeting schedule group:Tverrfaglig cadence:\"0 9 31 2 *\"",
        )
        .await;
    assert!(!ok);
    assert_eq!(text, "Denne frekvensen gir aldri noe møte.");
    let (ok, text) = env
        .as_user(
            &[COORD_ROLE],
            "/group reminders group:Tverrfaglig leads:\"7 uker\"",
        )
        .await;
    assert!(!ok);
    assert!(
        text.starts_with("Ugyldige varslingstider «7 uker»"),
        "{text}"
    );
    assert!(env.meetings().await.is_empty());

    env.ok("/workspace set language:en").await;
    let (ok, text) = env
        .as_user(
            &[COORD_ROLE],
            "/meeting schedule group:Tverrfaglig cadence:\"every 4 weeks tue\"",
        )
        .await;
    assert!(!ok);
    assert!(text.contains("time"), "{text}");
    env.ok("/workspace set language:nn").await;
    let text = env
        .ok("/meeting schedule group:Tverrfaglig cadence:\"kvar 2. veke tysdag kl. 10.00\"")
        .await;
    assert!(
        text.starts_with("Fast møtetid lagra for Tverrfaglig."),
        "{text}"
    );
    assert!(
        text.contains("Frekvens: annakvar veke, tysdag kl. 10.00\n"),
        "{text}"
    );
    assert!(!text.contains("RRULE"), "no raw rule unless asked: {text}");
    assert!(text.contains("tysdag 05.01.2027 kl. 10.00"), "{text}");
}

#[tokio::test]
async fn cadences_reminder_leads_and_the_digest_are_shown_in_words_in_each_language() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    env.ok("/group reminders group:Tverrfaglig leads:\"1d, 7d\" deadline:36h")
        .await;
    env.ok("/digest channel:5").await;
    // Bokmål last: setting the language it already has changes nothing and is refused.
    let cases = [
        (
            "nn",
            "Frekvens: første tysdag i månaden kl. 09.00",
            "Påminningar for Tverrfaglig: 7 dagar og 1 dag før møtet; frist for saker 36 timar før møtet; hoppar over heilagdagar: nei.",
            "Vekeoppsummering: kanal <#5>, kvar måndag kl. 08.00, neste: måndag 04.01.2027 kl. 08.00.",
        ),
        (
            "en",
            "Cadence: first Tuesday of the month at 09:00",
            "Reminders for Tverrfaglig: 7 days and 1 day before the meeting; agenda deadline 36 hours before the meeting; skips public holidays: no.",
            "Weekly digest: channel <#5>, every Monday at 08:00, next: Monday 4 January 2027, 08:00.",
        ),
        (
            "nb",
            "Frekvens: første tirsdag i måneden kl. 09.00",
            "Påminnelser for Tverrfaglig: 7 dager og 1 dag før møtet; frist for saker 36 timer før møtet; hopper over helligdager: nei.",
            "Ukeoppsummering: kanal <#5>, hver mandag kl. 08.00, neste: mandag 04.01.2027 kl. 08.00.",
        ),
    ];
    for (lang, cadence, reminders, digest) in cases {
        env.ok(&format!("/workspace set language:{lang}")).await;
        let text = env
            .ok("/meeting schedule group:Tverrfaglig cadence:\"monthly first tue 09:00\"")
            .await;
        assert!(text.contains(&format!("{cadence}\n")), "{lang}: {text}");
        assert!(!text.contains("DTSTART"), "{lang}: {text}");
        let text = env.ok("/group reminders group:Tverrfaglig").await;
        assert_eq!(text.trim_end(), reminders, "{lang}");
        let text = env.ok("/digest").await;
        assert_eq!(text.trim_end(), digest, "{lang}");
    }
}

#[tokio::test]
async fn rescheduling_replaces_the_series_and_keeps_agenda_items() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    env.ok("/meeting schedule group:Tverrfaglig cadence:\"weekly tue 09:00\"")
        .await;
    env.ok("/agenda add group:Tverrfaglig title:\"Uro i sentrum\"")
        .await;
    env.ok("/meeting schedule group:Tverrfaglig cadence:\"weekly thu 13:00\"")
        .await;
    let ms = env.meetings().await;
    assert!(!ms.is_empty());
    assert!(ms.iter().all(|(_, t, _)| t
        .with_timezone(&chrono_tz::Europe::Oslo)
        .format("%a %H:%M")
        .to_string()
        == "Thu 13:00"));
    let agenda = env.ok("/agenda list group:Tverrfaglig").await;
    assert!(agenda.contains("torsdag 07.01.2027 kl. 13.00"), "{agenda}");
    assert!(agenda.contains("Uro i sentrum"), "{agenda}");
}

#[test]
fn the_exact_rule_is_shown_under_the_words_only_when_asked_for() {
    use sltbot::domain::Lang;
    use sltbot::render::{reply, Style};
    use sltbot::service::Reply;
    let digest = |show_rule| Reply::DigestSettings {
        channel: None,
        cadence: "0 8 * * 1".to_string(),
        show_rule,
        next: None,
    };
    let tz = chrono_tz::Europe::Oslo;
    assert_eq!(
        reply(Lang::Nn, tz, &digest(false), Style::Plain),
        "Vekeoppsummering: kanal (ikkje valt), kvar måndag kl. 08.00, neste: (ikkje valt)."
    );
    assert_eq!(
        reply(Lang::Nn, tz, &digest(true), Style::Plain),
        "Vekeoppsummering: kanal (ikkje valt), kvar måndag kl. 08.00, neste: (ikkje valt).\nRegel: 0 8 * * 1"
    );
}
