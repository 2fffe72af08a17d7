//! Audit history, export, deletion with confirmation, retention, limits, and the
//! guarantee that refused input stores nothing (property test).

mod support;

use chrono::Duration;
use proptest::prelude::*;
use sltbot::domain::{ActionId, AgendaItemId, MeetingId, UserId};
use sltbot::render::{self, Style};
use sltbot::service::{Command, Limit, Reply, RetentionPolicy, ServiceError};
use support::env::*;

async fn seeded() -> Env {
    let env = Env::new().await.with_groups().await;
    env.ok(
        &coordinator(),
        Command::MeetingAdd {
            group: "Koordineringsgruppa".into(),
            at: "12.01.2027 09:00".into(),
            title: Some("Januar".into()),
            location: None,
        },
    )
    .await;
    env.ok(
        &member(),
        Command::AgendaAdd {
            group: "Koordineringsgruppa".into(),
            title: "Uro **ved** klubben".into(),
            details: Some("Linje 1\nLinje 2".into()),
            meeting: None,
        },
    )
    .await;
    env.ok(
        &coordinator(),
        Command::ActionAdd {
            group: "Koordineringsgruppa".into(),
            title: "Kartlegge".into(),
            owner: UserId(MEMBER),
            agency: Some("NAV".into()),
            due: Some("01.03.2027".into()),
            case: None,
        },
    )
    .await;
    env.ok(
        &member(),
        Command::ActionUpdate {
            id: ActionId(1),
            status: Some(sltbot::domain::ActionStatus::Done),
            note: Some("Ferdig".into()),
        },
    )
    .await;
    env
}

async fn scalar(env: &Env, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(env.service.store().pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn coordinators_see_the_groups_recent_history() {
    let env = seeded().await;
    let r = env
        .run(
            &coordinator(),
            Command::Audit {
                group: "Koordineringsgruppa".into(),
            },
        )
        .await;
    let Ok(Reply::Audit { entries, .. }) = &r.outcome else {
        panic!("{:?}", r.outcome)
    };
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "action.update",
            "action.add",
            "agenda.add",
            "meeting.add",
            "group.create"
        ]
    );
    let text = render::response(&r, Style::Plain);
    // In words, never the stored code.
    assert!(
        text.contains("<@3>: meldte inn sak (sak 1)") && !text.contains("agenda.add"),
        "{text}"
    );
    // Another group's history is not mixed in.
    assert!(!entries
        .iter()
        .any(|e| e.action == "group.create" && e.entity_id == Some(2)));
}

#[tokio::test]
async fn export_holds_all_of_the_groups_data_as_json_and_markdown() {
    let env = seeded().await;
    let dir = tempfile::tempdir().unwrap();
    let r = env
        .run(
            &coordinator(),
            Command::GroupExport {
                group: "Koordineringsgruppa".into(),
            },
        )
        .await;
    let Ok(Reply::Export(export)) = &r.outcome else {
        panic!("{:?}", r.outcome)
    };
    assert_eq!(r.visibility, sltbot::service::Visibility::Ephemeral);
    let json: serde_json::Value = serde_json::to_value(export.as_ref()).unwrap();
    assert_eq!(json["group"]["name"], "Koordineringsgruppa");
    assert_eq!(json["meetings"].as_array().unwrap().len(), 1);
    assert_eq!(json["agenda_items"][0]["title"], "Uro **ved** klubben");
    assert_eq!(json["agenda_items"][0]["details"], "Linje 1\nLinje 2");
    assert_eq!(json["actions"][0]["title"], "Kartlegge");
    assert_eq!(json["actions"][0]["updates"][0]["note"], "Ferdig");
    let md = render::export_markdown(r.lang, r.tz, export);
    assert!(md.starts_with("# Eksport av Koordineringsgruppa"), "{md}");
    assert!(
        md.contains("Uro \\*\\*ved\\*\\* klubben"),
        "user Markdown is escaped: {md}"
    );
    assert!(md.contains("> Linje 1\n    > Linje 2"), "{md}");
    assert!(md.contains("Kartlegge") && md.contains("Ferdig"), "{md}");
    drop(dir);
}

#[tokio::test]
async fn deleting_a_group_needs_its_name_and_removes_everything() {
    let env = seeded().await;
    let r = env
        .err(
            &coordinator(),
            Command::GroupDelete {
                group: "Koordineringsgruppa".into(),
                confirm: None,
            },
        )
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::ConfirmationRequired { .. })
    ));
    let r = env
        .err(
            &coordinator(),
            Command::GroupDelete {
                group: "Koordineringsgruppa".into(),
                confirm: Some("Styringsgruppa".into()),
            },
        )
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::ConfirmationRequired { .. })
    ));
    assert_eq!(scalar(&env, "SELECT COUNT(*) FROM agenda_items").await, 1);
    let r = env
        .run(
            &coordinator(),
            Command::GroupDelete {
                group: "Koordineringsgruppa".into(),
                confirm: Some("koordineringsgruppa".into()),
            },
        )
        .await;
    assert!(matches!(
        r.outcome,
        Ok(Reply::GroupDeleted {
            meetings: 1,
            agenda_items: 1,
            actions: 1,
            ..
        })
    ));
    for sql in [
        "SELECT COUNT(*) FROM meetings",
        "SELECT COUNT(*) FROM agenda_items",
        "SELECT COUNT(*) FROM actions",
        "SELECT COUNT(*) FROM action_updates",
    ] {
        assert_eq!(scalar(&env, sql).await, 0, "{sql}");
    }
    // The trail keeps who did what, but no deleted text.
    let bodies: Vec<String> = sqlx::query_scalar(
        "SELECT COALESCE(before, '') || COALESCE(after, '') FROM audit_log WHERE group_id = 1",
    )
    .fetch_all(env.service.store().pool())
    .await
    .unwrap();
    assert!(
        bodies
            .iter()
            .all(|b| !b.contains("klubben") && !b.contains("Kartlegge")),
        "{bodies:?}"
    );
    assert!(
        scalar(
            &env,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'group.delete'"
        )
        .await
            == 1
    );
    // The name is free again.
    env.ok(
        &admin(),
        group_create(
            "Koordineringsgruppa",
            "koordinerende",
            GROUP_CHANNEL.0,
            COORD_ROLE,
            MEMBER_ROLE,
        ),
    )
    .await;
}

#[tokio::test]
async fn retention_deletes_old_finished_things_and_keeps_counts_only() {
    let env = seeded().await;
    env.ok(
        &coordinator(),
        Command::AgendaEdit {
            id: AgendaItemId(1),
            title: None,
            details: None,
            status: Some(sltbot::domain::AgendaStatus::Handled),
            version: None,
        },
    )
    .await;
    env.ok(&member(), agenda_add_to("Koordineringsgruppa", "Åpen sak"))
        .await;
    let policy = RetentionPolicy {
        finished_items_days: 30,
        meetings_days: 60,
    };
    // Too early: nothing goes.
    env.clock.advance(Duration::days(29));
    let purged = env.service.purge(policy).await.unwrap();
    assert_eq!(
        (purged.agenda_items, purged.actions, purged.meetings),
        (0, 0, 0)
    );
    env.clock.advance(Duration::days(2));
    let purged = env.service.purge(policy).await.unwrap();
    assert_eq!((purged.agenda_items, purged.actions), (1, 1));
    assert_eq!(
        purged.meetings, 0,
        "the meeting is not held/cancelled, and still has an open item"
    );
    assert_eq!(
        scalar(&env, "SELECT COUNT(*) FROM agenda_items").await,
        1,
        "the open item stays"
    );
    assert_eq!(scalar(&env, "SELECT COUNT(*) FROM action_updates").await, 0);
    let left: i64 = scalar(&env, "SELECT COUNT(*) FROM audit_log WHERE entity IN ('agenda_item', 'action') AND entity_id IN (1) AND action <> 'retention.purge'").await;
    assert_eq!(left, 0, "audit rows of deleted things are gone");
    let summary: String = sqlx::query_scalar(
        "SELECT after FROM audit_log WHERE action = 'retention.purge' AND entity = 'agenda_item'",
    )
    .fetch_one(env.service.store().pool())
    .await
    .unwrap();
    let summary: serde_json::Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(summary["deleted"], 1);
    assert!(summary["audit_rows"].as_i64().unwrap() >= 2);
    // Held meetings go after their own period, once empty. (Held once it has begun.)
    env.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 1, 12, 10, 0, 0).unwrap());
    env.ok(
        &coordinator(),
        Command::MeetingHeld {
            id: MeetingId(1),
            early: None,
        },
    )
    .await;
    env.clock.advance(Duration::days(90));
    env.ok(
        &coordinator(),
        Command::AgendaRemove {
            id: AgendaItemId(2),
        },
    )
    .await;
    env.clock.advance(Duration::days(31));
    let purged = env.service.purge(policy).await.unwrap();
    // The item, and the four standing items dealt with when the meeting was held.
    assert_eq!((purged.agenda_items, purged.meetings), (5, 1));
}

#[tokio::test]
async fn limits_give_clear_messages() {
    let env = Env::new().await.with_groups().await;
    env.ok(
        &coordinator(),
        meeting_add_to("Koordineringsgruppa", "12.01.2027 09:00"),
    )
    .await;
    for i in 0..Limit::OpenItemsPerMeeting.max() {
        env.ok(
            &member(),
            agenda_add_to("Koordineringsgruppa", &format!("Sak {i}")),
        )
        .await;
    }
    let r = env
        .err(&member(), agenda_add_to("Koordineringsgruppa", "En til"))
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::LimitReached {
            limit: Limit::OpenItemsPerMeeting,
            max: 50
        })
    ));
    assert!(render::response(&r, Style::Plain).contains("50 åpne saker"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the title, the command either stores exactly one item or refuses and
    /// stores nothing; a valid identity number inside is always refused and never echoed.
    #[test]
    fn refused_input_stores_nothing(title in "\\PC{0,260}", with_id in any::<bool>(), day in 1u32..=28, serial in 0u32..1000) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let store = sltbot::store::Store::open_in_memory().await.unwrap();
            let clock = sltbot::clock::ManualClock::new(t0());
            let service = sltbot::service::Service::new(store, std::sync::Arc::new(clock), Default::default());
            for cmd in [group_create("G", "annet", 1, COORD_ROLE, MEMBER_ROLE)] {
                assert!(service.execute(&admin(), WS, cmd).await.outcome.is_ok());
            }
            let fnr = synthetic_fnr(day, serial);
            let title = if with_id { format!("{title} {fnr}") } else { title };
            let r = service.execute(&member(), WS, Command::AgendaAdd { group: "G".into(), title, details: None, meeting: None }).await;
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM agenda_items").fetch_one(service.store().pool()).await.unwrap();
            let audit: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(service.store().pool()).await.unwrap();
            match &r.outcome {
                Ok(_) => { assert_eq!(n, 1); assert_eq!(audit, 2); assert!(fnr.is_empty() || !with_id); }
                Err(_) => { assert_eq!(n, 0); assert_eq!(audit, 1); }
            }
            if with_id && !fnr.is_empty() {
                assert!(r.outcome.is_err());
                assert!(!render::response(&r, Style::Discord).contains(&fnr));
            }
        });
    }
}

/// A valid fødselsnummer for `day`.01.1990 with individual number `serial`, or "" when the
/// check digits make that serial impossible.
fn synthetic_fnr(day: u32, serial: u32) -> String {
    let base: Vec<u32> = format!("{day:02}0190{serial:03}")
        .chars()
        .map(|c| c.to_digit(10).unwrap())
        .collect();
    let k = |digits: &[u32], weights: &[u32]| {
        let r = 11 - digits.iter().zip(weights).map(|(d, w)| d * w).sum::<u32>() % 11;
        match r {
            11 => Some(0),
            10 => None,
            r => Some(r),
        }
    };
    let Some(k1) = k(&base, &[3, 7, 6, 1, 8, 9, 4, 5, 2]) else {
        return String::new();
    };
    let mut ten = base.clone();
    ten.push(k1);
    let Some(k2) = k(&ten, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) else {
        return String::new();
    };
    ten.push(k2);
    ten.iter()
        .map(|d| char::from_digit(*d, 10).unwrap())
        .collect()
}
