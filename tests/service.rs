//! Service tests over a real SQLite file: every command, its permissions, its bad input.

mod support;

use chrono::Duration;
use sltbot::domain::text::{Field, TextError};
use sltbot::domain::{
    ActionId, ActionStatus, AgendaItemId, AgendaStatus, ChannelId, Lang, MeetingId, UserId,
    WorkspaceId,
};
use sltbot::render::{self, Style};
use sltbot::service::{Command, Need, Reply, ServiceError, Visibility};
use support::env::*;

fn agenda_add(title: &str) -> Command {
    agenda_add_to("Koordineringsgruppa", title)
}

/// (Lower-case on purpose: group names are matched case-insensitively.)
fn meeting_add(at: &str) -> Command {
    meeting_add_to("koordineringsgruppa", at)
}

fn agenda_list() -> Command {
    Command::AgendaList {
        group: "Koordineringsgruppa".into(),
        meeting: None,
    }
}

async fn items(env: &Env) -> Vec<sltbot::domain::AgendaItem> {
    match env.run(&coordinator(), agenda_list()).await.outcome {
        Ok(Reply::AgendaList { items, .. }) => items,
        other => panic!("unexpected {other:?}"),
    }
}

async fn count(env: &Env, table: &str) -> i64 {
    // Table names are fixed strings from the tests, not input.
    let sql = match table {
        "agenda_items" => "SELECT COUNT(*) FROM agenda_items",
        "actions" => "SELECT COUNT(*) FROM actions",
        "groups" => "SELECT COUNT(*) FROM groups",
        "meetings" => "SELECT COUNT(*) FROM meetings",
        "audit_log" => "SELECT COUNT(*) FROM audit_log",
        "action_updates" => "SELECT COUNT(*) FROM action_updates",
        _ => panic!("unknown table"),
    };
    sqlx::query_scalar(sql)
        .fetch_one(env.service.store().pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn group_names_are_unique_case_insensitively_including_norwegian_letters() {
    let env = Env::new().await;
    env.ok(
        &admin(),
        group_create(
            "Tverrfaglig samarbeidsmøte",
            "utforende",
            1,
            COORD_ROLE,
            MEMBER_ROLE,
        ),
    )
    .await;
    let r = env
        .err(
            &admin(),
            group_create(
                "  TVERRFAGLIG   SAMARBEIDSMØTE ",
                "utforende",
                2,
                COORD_ROLE,
                MEMBER_ROLE,
            ),
        )
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::DuplicateGroupName { .. })
    ));
    assert_eq!(count(&env, "groups").await, 1);
}

#[tokio::test]
async fn only_admins_or_the_slt_coordinator_create_groups() {
    let env = Env::new().await;
    let r = env
        .err(
            &member(),
            group_create("X", "annet", 1, COORD_ROLE, MEMBER_ROLE),
        )
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::Forbidden(Need::WorkspaceCoordinator))
    ));
    // The admin names an SLT-koordinator role; its holders may then create groups.
    env.ok(
        &admin(),
        Command::WorkspaceSet {
            timezone: None,
            language: None,
            coordinator_role: Some(sltbot::domain::RoleId(77)),
            digest_channel: None,
        },
    )
    .await;
    env.ok(
        &with_roles(9, &[sltbot::domain::RoleId(77)]),
        group_create("X", "annet", 1, COORD_ROLE, MEMBER_ROLE),
    )
    .await;
    assert_eq!(count(&env, "groups").await, 1);
}

#[tokio::test]
async fn group_edit_archive_and_bad_values() {
    let env = Env::new().await.with_groups().await;
    let edit =
        |name: Option<&str>, timezone: Option<&str>, language: Option<Lang>| Command::GroupEdit {
            group: "koordineringsgruppa".into(),
            name: name.map(Into::into),
            level: None,
            channel: None,
            coordinator_role: None,
            member_role: None,
            timezone: timezone.map(Into::into),
            language,
            referent_role: None,
        };
    let r = env
        .err(&coordinator(), edit(None, Some("Europe/Bergen"), None))
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::InvalidTimezone { .. })
    ));
    let r = env
        .err(&coordinator(), edit(Some("STYRINGSGRUPPA"), None, None))
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::DuplicateGroupName { .. })
    ));
    let r = env.err(&member(), edit(Some("Nytt"), None, None)).await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::Forbidden(Need::Coordinator))
    ));
    let text = env
        .ok(
            &coordinator(),
            edit(Some("Arbeidsutvalget"), None, Some(Lang::Nn)),
        )
        .await;
    // The reply is in the group's new language.
    assert!(text.contains("Arbeidsutvalget"), "{text}");
    assert!(text.contains("endra"), "nynorsk reply expected: {text}");
    env.ok(
        &coordinator(),
        Command::GroupArchive {
            group: "Arbeidsutvalget".into(),
        },
    )
    .await;
    let r = env
        .err(
            &member(),
            Command::AgendaAdd {
                group: "Arbeidsutvalget".into(),
                title: "x".into(),
                details: None,
                meeting: None,
            },
        )
        .await;
    assert!(matches!(r.outcome, Err(ServiceError::GroupArchived { .. })));
    let text = env
        .ok(&outsider(), Command::GroupList { archived: None })
        .await;
    assert!(
        !text.contains("Arbeidsutvalget") && text.contains("Styringsgruppa"),
        "{text}"
    );
}

#[tokio::test]
async fn agenda_item_goes_to_the_next_meeting_and_duplicates_are_refused() {
    let env = Env::new().await.with_groups().await;
    env.ok(&coordinator(), meeting_add("12.01.2027 kl. 09.00"))
        .await;
    env.ok(&coordinator(), meeting_add("2026-12-15 09:00"))
        .await;
    let r = env
        .run(&member(), agenda_add("Uro ved ungdomsklubben"))
        .await;
    let Ok(Reply::AgendaAdded {
        meeting: Some(m),
        item,
        ..
    }) = &r.outcome
    else {
        panic!("{:?}", r.outcome)
    };
    assert_eq!(m.starts_at.to_rfc3339(), "2026-12-15T08:00:00+00:00");
    assert_eq!(item.status, AgendaStatus::Proposed);
    assert_eq!(item.submitter, member().user);
    let r = env
        .err(&member2(), agenda_add("  uro ved UNGDOMSKLUBBEN "))
        .await;
    assert!(
        matches!(r.outcome, Err(ServiceError::DuplicateAgendaItem { existing }) if existing == item.id)
    );
    assert_eq!(count(&env, "agenda_items").await, 1);
    // Case folding is Unicode-aware: Æ/Ø/Å match æ/ø/å.
    env.ok(&member(), agenda_add("Økt rus blant ungdom på Ås"))
        .await;
    let r = env
        .err(&member2(), agenda_add("ØKT RUS BLANT UNGDOM PÅ ÅS"))
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::DuplicateAgendaItem { .. })
    ));
    // A withdrawn item is no longer a duplicate, and new items go after it.
    env.ok(&member(), Command::AgendaRemove { id: item.id })
        .await;
    env.ok(&member2(), agenda_add("Uro ved ungdomsklubben"))
        .await;
    let positions: Vec<i64> = items(&env).await.iter().map(|i| i.position).collect();
    assert_eq!(positions, vec![2, 3]);
    assert_eq!(count(&env, "agenda_items").await, 3);
}

#[tokio::test]
async fn items_wait_for_a_meeting_and_attach_when_one_is_added() {
    let env = Env::new().await.with_groups().await;
    let text = env.ok(&member(), agenda_add("Rusfritt sommertilbud")).await;
    assert!(text.contains("ingen møter er satt opp"), "{text}");
    let r = env
        .run(&coordinator(), meeting_add("10.02.2027 13:00"))
        .await;
    assert!(matches!(
        r.outcome,
        Ok(Reply::MeetingAdded { attached: 1, .. })
    ));
    let items = items(&env).await;
    assert_eq!(items.len(), 1);
    assert!(items[0].meeting.is_some());
}

#[tokio::test]
async fn text_limits_and_empty_titles_store_nothing() {
    let env = Env::new().await.with_groups().await;
    let r = env.err(&member(), agenda_add(&"x".repeat(201))).await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::Text(TextError::TooLong {
            field: Field::Title,
            max: 200,
            len: 201
        }))
    ));
    let text = render::response(&r, Style::Plain);
    assert!(text.contains("201") && text.contains("200"), "{text}");
    let r = env
        .err(
            &member(),
            Command::AgendaAdd {
                group: "Koordineringsgruppa".into(),
                title: "Ok".into(),
                details: Some("y".repeat(4001)),
                meeting: None,
            },
        )
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::Text(TextError::TooLong {
            field: Field::Details,
            ..
        }))
    ));
    let r = env.err(&member(), agenda_add(" \n\t ")).await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::Text(TextError::Empty {
            field: Field::Title
        }))
    ));
    assert_eq!(r.visibility, Visibility::Ephemeral);
    assert_eq!(count(&env, "agenda_items").await, 0);
    assert_eq!(
        count(&env, "audit_log").await,
        2,
        "only the two group creations"
    );
}

#[tokio::test]
async fn unknown_group_and_ids_are_clear_errors_in_the_users_language() {
    let env = Env::new().await.with_groups().await;
    let r = env
        .err(
            &in_lang(member(), Lang::En),
            Command::AgendaAdd {
                group: "Ukjent".into(),
                title: "x".into(),
                details: None,
                meeting: None,
            },
        )
        .await;
    assert_eq!(
        render::response(&r, Style::Plain),
        "Couldn't find a group called “Ukjent”. See /group list."
    );
    let r = env
        .err(
            &in_lang(member(), Lang::Nn),
            Command::AgendaRemove {
                id: AgendaItemId(999),
            },
        )
        .await;
    let text = render::response(&r, Style::Plain);
    assert!(text.contains("999") && text.contains("ikkje"), "{text}");
    let r = env
        .err(&member(), Command::ActionShow { id: ActionId(5) })
        .await;
    assert!(matches!(r.outcome, Err(ServiceError::UnknownAction { .. })));
    let r = env
        .err(&coordinator(), Command::MeetingCancel { id: MeetingId(5) })
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::UnknownMeeting { .. })
    ));
}

#[tokio::test]
async fn impossible_and_past_dates_are_refused() {
    let env = Env::new().await.with_groups().await;
    for bad in [
        "31.02.2027 09:00",
        "2027-13-01 09:00",
        "i morgen",
        "12.01.2027 25:00",
    ] {
        let r = env.err(&coordinator(), meeting_add(bad)).await;
        assert!(
            matches!(r.outcome, Err(ServiceError::InvalidDateTime { .. })),
            "{bad}"
        );
    }
    let r = env
        .err(&coordinator(), meeting_add("01.11.2026 09:00"))
        .await;
    assert!(matches!(r.outcome, Err(ServiceError::DateInPast { .. })));
    let action = |due: &str| Command::ActionAdd {
        group: "Koordineringsgruppa".into(),
        title: "Kartlegge".into(),
        owner: UserId(42),
        agency: None,
        due: Some(due.into()),
        case: None,
    };
    for bad in ["31.02.2027", "2027-13-01", "30.02.2028"] {
        let r = env.err(&coordinator(), action(bad)).await;
        assert!(
            matches!(r.outcome, Err(ServiceError::InvalidDate { .. })),
            "{bad}"
        );
        assert_eq!(
            render::response(&r, Style::Plain),
            format!(
                "«{bad}» er ikke en gyldig dato. Skriv for eksempel 31.12.2027 eller 2027-12-31."
            )
        );
    }
    let r = env.err(&coordinator(), action("30.11.2026")).await;
    assert!(matches!(r.outcome, Err(ServiceError::DateInPast { .. })));
    // Today (in Oslo) is allowed.
    env.ok(&coordinator(), action("01.12.2026")).await;
    assert_eq!(count(&env, "actions").await, 1);
    assert_eq!(count(&env, "meetings").await, 0);
}

#[tokio::test]
async fn members_edit_only_their_own_items_and_only_coordinators_decide_status() {
    let env = Env::new().await.with_groups().await;
    env.ok(&coordinator(), meeting_add("12.01.2027 09:00"))
        .await;
    env.ok(&member(), agenda_add("Skolevegring")).await;
    let id = AgendaItemId(1);
    let edit = |title: Option<&str>, status: Option<&str>| Command::AgendaEdit {
        id,
        title: title.map(str::to_string),
        details: None,
        status: status.map(|s| s.parse::<AgendaStatus>().expect("a status word")),
        version: None,
    };
    let r = env.err(&member2(), edit(Some("Annet"), None)).await;
    assert!(matches!(r.outcome, Err(ServiceError::NotYourItem { .. })));
    let r = env.err(&member(), edit(None, Some("behandlet"))).await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::StatusNeedsCoordinator {
            status: AgendaStatus::Handled
        })
    ));
    env.ok(&member(), edit(Some("Skolevegring – oppfølging"), None))
        .await;
    env.ok(&coordinator(), edit(None, Some("on_agenda"))).await;
    // To a member of another group the item does not exist.
    let r = env.err(&other_member(), edit(Some("x"), None)).await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::UnknownAgendaItem { .. })
    ));
    let r = env.err(&member(), edit(None, None)).await;
    assert!(matches!(r.outcome, Err(ServiceError::NothingToChange)));
    // On the case list it follows the body's standing items.
    let items = items(&env).await;
    let item = items.iter().find(|i| i.id == id).unwrap();
    assert_eq!(item.title, "Skolevegring – oppfølging");
    assert_eq!(item.status, AgendaStatus::OnAgenda);
}

#[tokio::test]
async fn concurrent_edits_of_one_item_one_wins_the_other_is_told() {
    let env = Env::new().await.with_groups().await;
    env.ok(&member(), agenda_add("Felles sak")).await;
    let version = items(&env).await[0].version;
    let edit = |title: &str| Command::AgendaEdit {
        id: AgendaItemId(1),
        title: Some(title.into()),
        details: None,
        status: None,
        version: Some(version),
    };
    let (c, m) = (coordinator(), member());
    let (a, b) = tokio::join!(
        env.service.execute(&c, WS, edit("Versjon A")),
        env.service.execute(&m, WS, edit("Versjon B")),
    );
    let outcomes = [a.outcome.is_ok(), b.outcome.is_ok()];
    assert_eq!(
        outcomes.iter().filter(|ok| **ok).count(),
        1,
        "exactly one wins"
    );
    let loser = if a.outcome.is_ok() { &b } else { &a };
    assert!(matches!(loser.outcome, Err(ServiceError::EditConflict)));
    let item = &items(&env).await[0];
    assert!(item.title == "Versjon A" || item.title == "Versjon B");
    assert_eq!(item.version, version + 1);
}

/// Writers of one process take turns instead of racing for SQLite's lock: with a busy
/// timeout of 1 ms, 40 concurrent submissions on a 4-connection pool would mostly fail
/// with "database is locked" if they relied on SQLite's busy handler alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writers_take_turns_and_none_fails_on_the_lock() {
    let env = Env::with_store_options(sltbot::store::StoreOptions {
        busy_timeout: std::time::Duration::from_millis(1),
        max_connections: 4,
    })
    .await
    .with_groups()
    .await;
    let tasks: Vec<_> = (0..40)
        .map(|n| {
            let service = env.service.clone();
            tokio::spawn(async move {
                service
                    .execute(&member(), WS, agenda_add(&format!("Samtidig sak {n}")))
                    .await
            })
        })
        .collect();
    for t in tasks {
        let r = t.await.expect("task");
        assert!(r.outcome.is_ok(), "{:?}", r.outcome);
    }
    let stored = items(&env).await;
    assert_eq!(stored.len(), 40);
    let mut positions: Vec<i64> = stored.iter().map(|i| i.position).collect();
    positions.sort();
    positions.dedup();
    assert_eq!(positions.len(), 40, "every item got its own position");
}

#[tokio::test]
async fn holding_a_meeting_carries_unhandled_items_over_to_the_next() {
    let env = Env::new().await.with_groups().await;
    env.ok(&coordinator(), meeting_add("12.01.2027 09:00"))
        .await;
    env.ok(&coordinator(), meeting_add("09.02.2027 09:00"))
        .await;
    env.ok(&member(), agenda_add("Sak A")).await;
    env.ok(&member(), agenda_add("Sak B")).await;
    env.ok(&member(), agenda_add("Sak C")).await;
    env.ok(
        &coordinator(),
        Command::AgendaEdit {
            id: AgendaItemId(1),
            title: None,
            details: None,
            status: Some(AgendaStatus::Handled),
            version: None,
        },
    )
    .await;
    env.ok(
        &member(),
        Command::AgendaRemove {
            id: AgendaItemId(3),
        },
    )
    .await;
    env.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 1, 12, 11, 0, 0).unwrap());
    let r = env
        .run(
            &coordinator(),
            Command::MeetingHeld {
                id: MeetingId(1),
                early: None,
            },
        )
        .await;
    let Ok(Reply::Record(held)) = &r.outcome else {
        panic!("{:?}", r.outcome)
    };
    let sltbot::service::RecordReply::Held {
        moved,
        next: Some(next),
        ..
    } = held.as_ref()
    else {
        panic!("{held:?}")
    };
    assert_eq!(*moved, 1);
    assert_eq!(next.id, MeetingId(2));
    // Sak B never reached the case list: the proposal moves on as it was (a case on the
    // list would stay and be copied; see tests/meeting_record.rs).
    let items = items(&env).await;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].title, "Sak B");
    assert_eq!(items[0].status, AgendaStatus::Proposed);
    assert_eq!(items[0].meeting, Some(MeetingId(2)));
    let r = env
        .err(
            &coordinator(),
            Command::MeetingHeld {
                id: MeetingId(1),
                early: None,
            },
        )
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::MeetingNotScheduled { .. })
    ));
    let r = env
        .err(
            &member(),
            Command::AgendaAdd {
                group: "Koordineringsgruppa".into(),
                title: "Sent".into(),
                details: None,
                meeting: Some(MeetingId(1)),
            },
        )
        .await;
    assert!(matches!(r.outcome, Err(ServiceError::MeetingClosed { .. })));
}

#[tokio::test]
async fn cancelling_a_meeting_moves_its_open_items() {
    let env = Env::new().await.with_groups().await;
    env.ok(&coordinator(), meeting_add("12.01.2027 09:00"))
        .await;
    env.ok(&member(), agenda_add("Sak A")).await;
    let r = env
        .run(&coordinator(), Command::MeetingCancel { id: MeetingId(1) })
        .await;
    assert!(matches!(
        r.outcome,
        Ok(Reply::MeetingCancelled {
            moved: 1,
            moved_to: None,
            ..
        })
    ));
    let r = env
        .run(&coordinator(), meeting_add("19.01.2027 09:00"))
        .await;
    assert!(matches!(
        r.outcome,
        Ok(Reply::MeetingAdded { attached: 1, .. })
    ));
}

#[tokio::test]
async fn agenda_move_reorders_positions() {
    let env = Env::new().await.with_groups().await;
    env.ok(&coordinator(), meeting_add("12.01.2027 09:00"))
        .await;
    for t in ["A", "B", "C"] {
        env.ok(&member(), agenda_add(t)).await;
    }
    let mv = |position| Command::AgendaMove {
        id: AgendaItemId(3),
        meeting: None,
        position: Some(sltbot::service::spec::Position(position)),
    };
    let r = env.err(&coordinator(), mv(4)).await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::InvalidPosition { max: 3 })
    ));
    let r = env.err(&member(), mv(1)).await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::Forbidden(Need::Coordinator))
    ));
    env.ok(&coordinator(), mv(1)).await;
    let order: Vec<_> = items(&env)
        .await
        .into_iter()
        .map(|i| (i.title, i.position))
        .collect();
    assert_eq!(
        order,
        vec![("C".into(), 1), ("A".into(), 2), ("B".into(), 3)]
    );
}

#[tokio::test]
async fn actions_track_status_and_notes_and_filter() {
    let env = Env::new().await.with_groups().await;
    let add = |title: &str, owner: u64, due: &str| Command::ActionAdd {
        group: "Koordineringsgruppa".into(),
        title: title.into(),
        owner: UserId(owner),
        agency: Some("Politiet".into()),
        due: Some(due.into()),
        case: None,
    };
    env.ok(&coordinator(), add("Kartlegge", 3, "10.12.2026"))
        .await;
    env.ok(&coordinator(), add("Invitere NAV", 4, "2027-03-01"))
        .await;
    let r = env.err(&member(), add("Ikke lov", 3, "2027-03-01")).await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::Forbidden(Need::Coordinator))
    ));
    env.ok(
        &member(),
        Command::ActionUpdate {
            id: ActionId(1),
            status: Some(ActionStatus::InProgress),
            note: Some("Startet".into()),
        },
    )
    .await;
    env.ok(
        &member(),
        Command::ActionUpdate {
            id: ActionId(1),
            status: None,
            note: Some("Halvveis".into()),
        },
    )
    .await;
    let r = env
        .err(
            &member(),
            Command::ActionUpdate {
                id: ActionId(1),
                status: Some(ActionStatus::InProgress),
                note: None,
            },
        )
        .await;
    assert!(matches!(r.outcome, Err(ServiceError::NothingToChange)));
    let r = env
        .run(&member(), Command::ActionShow { id: ActionId(1) })
        .await;
    let Ok(Reply::ActionShown {
        updates, action, ..
    }) = &r.outcome
    else {
        panic!()
    };
    assert_eq!(action.status, ActionStatus::InProgress);
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[0].from_status, Some(ActionStatus::Open));
    assert_eq!(updates[0].to_status, Some(ActionStatus::InProgress));
    assert_eq!(updates[1].note.as_deref(), Some("Halvveis"));

    #[derive(Default)]
    struct Q {
        group: Option<&'static str>,
        owner: Option<UserId>,
        status: Option<ActionStatus>,
        overdue: bool,
    }
    let query = |q: Q| Command::ActionList {
        group: q.group.map(Into::into),
        owner: q.owner,
        status: q.status,
        overdue: q.overdue.then_some(true),
    };
    let list = |q: Q| async {
        match env.run(&member(), query(q)).await.outcome {
            Ok(Reply::ActionList { actions, .. }) => {
                actions.into_iter().map(|a| a.id.0).collect::<Vec<_>>()
            }
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        list(Q {
            overdue: true,
            ..Default::default()
        })
        .await,
        Vec::<i64>::new()
    );
    env.clock.advance(Duration::days(10)); // 11 December: action 1 is overdue
    assert_eq!(
        list(Q {
            overdue: true,
            ..Default::default()
        })
        .await,
        vec![1]
    );
    assert_eq!(
        list(Q {
            owner: Some(UserId(MEMBER2)),
            ..Default::default()
        })
        .await,
        vec![2]
    );
    assert_eq!(
        list(Q {
            status: Some(ActionStatus::Open),
            ..Default::default()
        })
        .await,
        vec![2]
    );
    assert_eq!(
        list(Q {
            group: Some("koordineringsgruppa"),
            ..Default::default()
        })
        .await,
        vec![1, 2]
    );
    // A member of another group sees none of these.
    let r = env.run(&other_member(), query(Q::default())).await;
    assert!(matches!(r.outcome, Ok(Reply::ActionList { ref actions, .. }) if actions.is_empty()));
    assert_eq!(r.visibility, Visibility::Ephemeral);
    assert_eq!(count(&env, "action_updates").await, 2);
}

#[tokio::test]
async fn group_data_is_public_only_in_its_own_channel() {
    let env = Env::new().await.with_groups().await;
    let mut here = member();
    here.channel = Some(GROUP_CHANNEL);
    let mut elsewhere = member();
    elsewhere.channel = Some(ChannelId(555));
    assert_eq!(
        env.run(&here, agenda_list()).await.visibility,
        Visibility::Public
    );
    assert_eq!(
        env.run(&elsewhere, agenda_list()).await.visibility,
        Visibility::Ephemeral
    );
    assert_eq!(
        env.run(&member(), agenda_list()).await.visibility,
        Visibility::Ephemeral
    );
    let r = env.err(&other_member(), agenda_list()).await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::Forbidden(Need::Member))
    ));
}

#[tokio::test]
async fn another_workspace_cannot_see_or_touch_items() {
    let env = Env::new().await.with_groups().await;
    env.ok(&member(), agenda_add("Intern sak")).await;
    let foreign = env
        .service
        .execute(
            &admin(),
            WorkspaceId(901),
            Command::AgendaRemove {
                id: AgendaItemId(1),
            },
        )
        .await;
    assert!(matches!(
        foreign.outcome,
        Err(ServiceError::UnknownAgendaItem { .. })
    ));
    let foreign = env
        .service
        .execute(
            &admin(),
            WorkspaceId(901),
            Command::GroupShow {
                group: "Koordineringsgruppa".into(),
            },
        )
        .await;
    assert!(matches!(
        foreign.outcome,
        Err(ServiceError::UnknownGroup { .. })
    ));
}

#[tokio::test]
async fn every_change_is_audited_with_before_and_after() {
    let env = Env::new().await.with_groups().await;
    env.ok(&member(), agenda_add("Sak")).await;
    env.ok(
        &member(),
        Command::AgendaEdit {
            id: AgendaItemId(1),
            title: Some("Sak 2".into()),
            details: None,
            status: None,
            version: None,
        },
    )
    .await;
    let rows: Vec<(String, i64, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT action, actor, before, after FROM audit_log ORDER BY id")
            .fetch_all(env.service.store().pool())
            .await
            .unwrap();
    let actions: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        actions,
        ["group.create", "group.create", "agenda.add", "agenda.edit"]
    );
    let edit = &rows[3];
    assert_eq!(edit.1, member().user.0 as i64);
    // Before and after, without the text itself: only that the title changed.
    let (before, after) = (edit.2.as_deref().unwrap(), edit.3.as_deref().unwrap());
    assert!(
        before.contains("\"title\":\"[text]\"") && !before.contains("\"Sak\""),
        "{before}"
    );
    assert!(
        after.contains("\"changed_text\":[\"title\"]") && !after.contains("Sak 2"),
        "{after}"
    );
    // Reads are not audited and refused commands leave no trace.
    env.ok(&member(), agenda_list()).await;
    env.err(&outsider(), agenda_add("Nei")).await;
    assert_eq!(count(&env, "audit_log").await, 4);
}

#[tokio::test]
async fn identity_numbers_are_refused_never_echoed_and_nothing_is_stored() {
    let env = Env::new().await.with_groups().await;
    let fnr = "010100 12356"; // synthetic, valid check digits
    for lang in [Lang::Nb, Lang::Nn, Lang::En] {
        let r = env
            .err(
                &in_lang(member(), lang),
                agenda_add(&format!("Oppfølging av {fnr}")),
            )
            .await;
        let text = render::response(&r, Style::Plain);
        assert!(
            !text.contains("010100") && !text.contains("12356"),
            "{text}"
        );
        assert!(matches!(
            r.outcome,
            Err(ServiceError::Text(TextError::PersonalData { .. }))
        ));
    }
    let r = env
        .err(
            &member(),
            Command::AgendaAdd {
                group: fnr.into(),
                title: "x".into(),
                details: None,
                meeting: None,
            },
        )
        .await;
    assert!(!render::response(&r, Style::Plain).contains("12356"));
    assert_eq!(count(&env, "agenda_items").await, 0);
    let audit: Vec<String> = sqlx::query_scalar("SELECT COALESCE(after, '') FROM audit_log")
        .fetch_all(env.service.store().pool())
        .await
        .unwrap();
    assert!(audit.iter().all(|a| !a.contains("12356")));
}

#[tokio::test]
async fn identity_numbers_written_to_evade_the_guard_are_refused_and_never_echoed() {
    let env = Env::new().await.with_groups().await;
    // 01010012356 is synthetic with valid check digits; each form hides it differently.
    let forms = [
        "010100\u{200B}12356",
        "010100 123 56",
        "01 01 00 12356",
        "01/01/00 12356",
        "010100.12356",
        "010100\u{2013}12356",
        "010100\u{2212}12356",
        "010100\u{2011}12356",
        "010100    12356",
        "010100\u{3000}12356",
        "０１０１００１２３５６",
        "٠١٠١٠٠١٢٣٥٦",
        "https://example.org/?q=fnr%2001010012356",
    ];
    for form in forms {
        let r = env
            .err(&member(), agenda_add(&format!("Gjelder {form}")))
            .await;
        assert!(
            matches!(
                r.outcome,
                Err(ServiceError::Text(TextError::PersonalData { .. }))
            ),
            "{form:?}: {:?}",
            r.outcome
        );
        let details = Command::AgendaAdd {
            group: "Koordineringsgruppa".into(),
            title: "Oppfølging".into(),
            details: Some(format!("Eleven har nummer\n{}", form.replace(' ', "\n"))),
            meeting: None,
        };
        let r = env.err(&member(), details).await;
        assert!(
            matches!(
                r.outcome,
                Err(ServiceError::Text(TextError::PersonalData { .. }))
            ),
            "details {form:?}"
        );
        // Echoed option values are masked, however the number is written.
        let r = env
            .err(
                &member(),
                Command::AgendaList {
                    group: form.into(),
                    meeting: None,
                },
            )
            .await;
        let text = render::response(&r, Style::Plain);
        assert!(
            !text.contains("12356") && !text.contains("123 56") && !text.contains("１２３"),
            "{text}"
        );
        let due = Command::ActionAdd {
            group: "Koordineringsgruppa".into(),
            title: "Kartlegge".into(),
            owner: UserId(42),
            agency: None,
            due: Some(form.into()),
            case: None,
        };
        let text = render::response(&env.err(&coordinator(), due).await, Style::Plain);
        assert!(
            !text.contains("12356") && !text.contains("123 56"),
            "{text}"
        );
    }
    assert_eq!(count(&env, "agenda_items").await, 0);
    assert_eq!(count(&env, "actions").await, 0);
}

#[tokio::test]
async fn look_alike_and_invisible_group_names_are_refused() {
    let env = Env::new().await.with_groups().await;
    let before = count(&env, "groups").await;
    for name in [
        "Koordineringsgruppa\u{200B}",
        "\u{2060}Koordineringsgruppa",
        "\u{041A}oordineringsgruppa",             // Cyrillic capital К
        "K\u{043E}\u{043E}rdineringsgruppa",      // Cyrillic о
        "Ｋｏｏｒｄｉｎｅｒｉｎｇｓｇｒｕｐｐａ", // full-width
    ] {
        let r = env
            .err(
                &admin(),
                group_create(name, "koordinerende", 900, COORD_ROLE, MEMBER_ROLE),
            )
            .await;
        assert!(
            matches!(r.outcome, Err(ServiceError::DuplicateGroupName { .. })),
            "{name:?}: {:?}",
            r.outcome
        );
    }
    for name in ["\u{200B}", "\u{200B}\u{2060} \u{FEFF}"] {
        let r = env
            .err(
                &admin(),
                group_create(name, "annet", 901, COORD_ROLE, MEMBER_ROLE),
            )
            .await;
        assert!(
            matches!(
                r.outcome,
                Err(ServiceError::Text(TextError::Empty { field: Field::Name }))
            ),
            "{name:?}: {:?}",
            r.outcome
        );
    }
    assert_eq!(count(&env, "groups").await, before);
    // The look-alike name finds the group it looks like.
    env.ok(
        &member(),
        agenda_add_to("\u{041A}oordineringsgruppa", "Uro i sentrum"),
    )
    .await;
}

#[tokio::test]
async fn group_name_keys_from_an_older_version_are_brought_up_to_date_on_open() {
    let env = Env::new().await.with_groups().await;
    let pool = env.service.store().pool();
    // As an older version stored them: a stale key, and a look-alike duplicate that the
    // older rule let through.
    sqlx::query("UPDATE groups SET name_key = 'stale' WHERE name = 'Koordineringsgruppa'")
        .execute(pool)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE groups SET name = 'Styringsgruppa', name_key = 'styringsgruppa'
         WHERE name = 'Styringsgruppa'",
    )
    .execute(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO groups (workspace_id, name, name_key, level, created_at, updated_at)
         SELECT workspace_id, 'Styringsgruppa' || char(8203), 'styringsgruppa' || char(8203),
                level, created_at, updated_at FROM groups WHERE name = 'Styringsgruppa'",
    )
    .execute(pool)
    .await
    .unwrap();
    let reopened = sltbot::store::Store::open(&env.url(), &Default::default())
        .await
        .expect("open");
    let keys: Vec<(String, String)> =
        sqlx::query_as("SELECT name, name_key FROM groups ORDER BY id")
            .fetch_all(reopened.pool())
            .await
            .unwrap();
    assert_eq!(
        keys,
        vec![
            ("Koordineringsgruppa".into(), "koordineringsgruppa".into()),
            ("Styringsgruppa".into(), "styringsgruppa".into()),
            // Would collide: left as it was, nothing lost.
            (
                "Styringsgruppa\u{200B}".into(),
                "styringsgruppa\u{200B}".into()
            ),
        ]
    );
    env.ok(&member(), agenda_add("Uro i sentrum")).await;
}

#[tokio::test]
async fn text_that_may_name_a_child_is_stored_with_a_warning() {
    let env = Env::new().await.with_groups().await;
    let r = env
        .run(&member(), agenda_add("Eleven Ola Nordmann har høyt fravær"))
        .await;
    assert!(r.outcome.is_ok());
    assert!(!r.privacy_warnings.is_empty());
    let text = render::response(&r, Style::Plain);
    assert!(text.contains("navngi et barn"), "{text}");
    let r = env
        .run(&member(), agenda_add("Uro ved ungdomsklubben på Stord"))
        .await;
    assert!(r.privacy_warnings.is_empty());
}

async fn checked_insert(
    env: &Env,
    item: &sltbot::store::agenda::NewItem<'_>,
    max_open: i64,
) -> Option<sltbot::domain::AgendaItem> {
    let store = env.service.store();
    let mut tx = store.write().await.expect("write turn");
    let now = env.service.now();
    let r = sltbot::store::agenda::insert_checked(&mut tx, item, max_open, now)
        .await
        .expect("insert_checked");
    tx.commit().await.expect("commit");
    r
}

/// `agenda add` writes with one statement that itself refuses an archived group, a closed
/// or foreign meeting, a full agenda and a duplicate title (Unicode-aware, through the
/// store's collation), so that under the write lock nothing can slip between check and
/// insert. The service only falls back to step-by-step checks to name the reason.
#[tokio::test]
async fn the_checked_insert_refuses_by_itself_and_stores_nothing_when_it_does() {
    use sltbot::domain::{GroupId, MeetingStatus};
    use sltbot::store::{agenda::NewItem, groups, meetings};
    let env = Env::new().await.with_groups().await;
    env.ok(&coordinator(), meeting_add("2026-12-15 09:00"))
        .await;
    env.ok(
        &admin(),
        Command::MeetingAdd {
            group: "Styringsgruppa".into(),
            at: "2026-12-16 09:00".into(),
            title: None,
            location: None,
        },
    )
    .await;
    let store = env.service.store();
    let mut conn = store.conn().await.unwrap();
    let id_of = |g: Option<sltbot::domain::Group>| g.expect("group").id;
    let koord: GroupId = id_of(
        groups::by_name(&mut conn, WS, "Koordineringsgruppa")
            .await
            .unwrap(),
    );
    let styr: GroupId = id_of(
        groups::by_name(&mut conn, WS, "Styringsgruppa")
            .await
            .unwrap(),
    );
    let now = env.service.now();
    let ours = meetings::next_scheduled(&mut conn, koord, now)
        .await
        .unwrap()
        .expect("meeting");
    let theirs = meetings::next_scheduled(&mut conn, styr, now)
        .await
        .unwrap()
        .expect("meeting");
    drop(conn);
    let item = |title: &'static str, meeting: Option<MeetingId>| NewItem {
        group: koord,
        meeting,
        title,
        details: None,
        submitter: member().user,
        status: AgendaStatus::Proposed,
    };
    let m = Some(ours.id);

    let first = checked_insert(&env, &item("Økt rus blant ungdom på Ås", m), 50).await;
    assert_eq!(first.expect("inserted").position, 1);
    // Same title in other case, Norwegian letters included: refused.
    assert!(
        checked_insert(&env, &item("ØKT RUS BLANT UNGDOM PÅ ÅS", m), 50)
            .await
            .is_none()
    );
    // A different title goes after it; the waiting list (no meeting) counts on its own.
    let second = checked_insert(&env, &item("Uro ved ungdomsklubben", m), 50).await;
    assert_eq!(second.expect("inserted").position, 2);
    let waiting = checked_insert(&env, &item("Uro ved ungdomsklubben", None), 50).await;
    assert_eq!(waiting.expect("inserted").position, 1);
    // The agenda is full at `max_open` open items.
    assert!(checked_insert(&env, &item("Skulk", m), 2).await.is_none());
    assert!(checked_insert(&env, &item("Skulk", m), 3).await.is_some());
    // Another group's meeting.
    assert!(
        checked_insert(&env, &item("Feil møte", Some(theirs.id)), 50)
            .await
            .is_none()
    );
    // A cancelled meeting, and a meeting that has started.
    {
        let mut tx = store.write().await.unwrap();
        assert!(
            meetings::set_status(&mut tx, &theirs, MeetingStatus::Cancelled, now)
                .await
                .unwrap()
        );
        tx.commit().await.unwrap();
    }
    let theirs_item = NewItem {
        group: styr,
        ..item("Avlyst møte", Some(theirs.id))
    };
    assert!(checked_insert(&env, &theirs_item, 50).await.is_none());
    env.clock.set(ours.starts_at + Duration::minutes(1));
    assert!(checked_insert(&env, &item("For seint", m), 50)
        .await
        .is_none());
    // An archived group takes nothing, not even on its waiting list.
    env.ok(
        &coordinator(),
        Command::GroupArchive {
            group: "Koordineringsgruppa".into(),
        },
    )
    .await;
    assert!(checked_insert(&env, &item("Arkivert", None), 50)
        .await
        .is_none());
    assert_eq!(count(&env, "agenda_items").await, 4);
}

/// `agenda add` writes the item and its audit row in one batch; the audit row must still
/// be exactly the item as stored (id, position and version are filled in by SQLite).
#[tokio::test]
async fn an_added_item_is_audited_exactly_as_stored_and_a_refusal_audits_nothing() {
    let env = Env::new().await.with_groups().await;
    env.ok(&coordinator(), meeting_add("2026-12-15 09:00"))
        .await;
    env.ok(&member(), agenda_add("Første sak")).await;
    let r = env
        .run(&member2(), agenda_add("Uro ved ungdomsklubben"))
        .await;
    let Ok(Reply::AgendaAdded { item, group, .. }) = &r.outcome else {
        panic!("{:?}", r.outcome)
    };
    assert_eq!(item.position, 2);
    let last_audit = || async {
        sqlx::query_as::<
            _,
            (
                Option<i64>,
                Option<i64>,
                i64,
                Option<String>,
                Option<String>,
            ),
        >(
            "SELECT entity_id, group_id, actor, before, after FROM audit_log
             WHERE action = 'agenda.add' ORDER BY id DESC LIMIT 1",
        )
        .fetch_one(env.service.store().pool())
        .await
        .unwrap()
    };
    let (entity_id, group_id, actor, before, after) = last_audit().await;
    assert_eq!(entity_id, Some(item.id.0));
    assert_eq!(group_id, Some(group.id.0));
    assert_eq!(actor as u64, member2().user.0);
    assert_eq!(before, None);
    // Exactly as stored, but for the text: the trail never keeps what a member wrote.
    let after: serde_json::Value = serde_json::from_str(&after.expect("after")).unwrap();
    let mut stored = serde_json::to_value(item).unwrap();
    stored["title"] = serde_json::json!("[text]");
    assert_eq!(after, stored);

    let audits = count(&env, "audit_log").await;
    env.err(&member(), agenda_add("URO VED UNGDOMSKLUBBEN"))
        .await;
    assert_eq!(count(&env, "audit_log").await, audits);
    assert_eq!(count(&env, "agenda_items").await, 2);
}

/// A write that fails (another process holds the database) or fails part-way (its audit
/// row refused after the item's row was written) stores nothing and leaves no transaction
/// open behind it: the next commands write normally, once each.
#[tokio::test]
async fn after_a_failed_write_the_next_one_succeeds_and_nothing_is_doubled() {
    use sqlx::Connection;
    let env = Env::with_store_options(sltbot::store::StoreOptions {
        busy_timeout: std::time::Duration::from_millis(50),
        max_connections: 2,
    })
    .await
    .with_groups()
    .await;
    env.ok(&coordinator(), meeting_add("2026-12-15 09:00"))
        .await;
    let mut holder = sqlx::SqliteConnection::connect(&env.url()).await.unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut holder)
        .await
        .unwrap();
    let r = env.err(&member(), agenda_add("Sak mens låst")).await;
    assert!(
        matches!(
            r.outcome,
            Err(ServiceError::Store(sltbot::store::StoreError::Locked))
        ),
        "{:?}",
        r.outcome
    );
    sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
    // A failure after the item's row is written (its audit row is refused) must take the
    // item with it.
    sqlx::query(
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'agenda.add'
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
    )
    .execute(&mut holder)
    .await
    .unwrap();
    let r = env.err(&member(), agenda_add("Halvveis sak")).await;
    assert!(
        matches!(r.outcome, Err(ServiceError::Store(_))),
        "{:?}",
        r.outcome
    );
    assert_eq!(count(&env, "agenda_items").await, 0);
    sqlx::query("DROP TRIGGER refuse_audit")
        .execute(&mut holder)
        .await
        .unwrap();
    for n in 0..3 {
        env.ok(&member(), agenda_add(&format!("Sak etterpå {n}")))
            .await;
    }
    let positions: Vec<i64> = items(&env).await.iter().map(|i| i.position).collect();
    assert_eq!(positions, vec![1, 2, 3]);
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'agenda.add'")
            .fetch_one(env.service.store().pool())
            .await
            .unwrap();
    assert_eq!(audited, 3);
}

/// Discord's one Norwegian locale (`no`) answers in the variant of the group at hand: the
/// adapter no longer reads the workspace to decide, the service decides per group.
#[tokio::test]
async fn a_norwegian_locale_gets_the_groups_variant_and_bokmal_where_english_is_spoken() {
    use sltbot::domain::Locale;
    let env = Env::new().await.with_groups().await;
    let edit = |language: &str| Command::GroupEdit {
        group: "Koordineringsgruppa".into(),
        name: None,
        level: None,
        channel: None,
        coordinator_role: None,
        member_role: None,
        timezone: None,
        language: Some(match language {
            "nynorsk" => Lang::Nn,
            "english" => Lang::En,
            _ => Lang::Nb,
        }),
        referent_role: None,
    };
    let norwegian = sltbot::service::Actor {
        locale: Some(Locale::Norwegian),
        ..coordinator()
    };
    let r = env.run(&norwegian, edit("nynorsk")).await;
    assert_eq!(r.lang, Lang::Nn);
    let r = env.run(&norwegian, edit("english")).await;
    assert_eq!(r.lang, Lang::Nb);
    let english = sltbot::service::Actor {
        locale: Some(Locale::Is(Lang::En)),
        ..coordinator()
    };
    let r = env.run(&english, edit("nynorsk")).await;
    assert_eq!(r.lang, Lang::En);
}

/// A member who wrote a child's name in a progress note can rewrite it; so can the
/// group's coordinators, nobody else; the old text is gone from the trail as well.
#[tokio::test]
async fn a_progress_note_is_rewritten_by_its_author_or_a_coordinator_and_leaves_no_trace() {
    use sltbot::service::spec::Position;
    let env = Env::new().await.with_groups().await;
    env.ok(
        &coordinator(),
        Command::ActionAdd {
            group: "Koordineringsgruppa".into(),
            title: "Kartlegge".into(),
            owner: UserId(MEMBER),
            agency: None,
            due: None,
            case: None,
        },
    )
    .await;
    let note = |text: &str| Command::ActionUpdate {
        id: ActionId(1),
        status: None,
        note: Some(text.into()),
    };
    env.ok(&member(), note("Snakket med Kari Hansen om saken"))
        .await;
    env.ok(&member2(), note("Fulgt opp")).await;
    let rewrite = |n: i64, text: &str| Command::ActionNote {
        id: ActionId(1),
        update: Position(n),
        note: text.into(),
    };
    // Someone else's note: only a coordinator.
    let r = env.err(&member2(), rewrite(1, "Snakket med eleven")).await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::Forbidden(Need::Coordinator))
    ));
    let r = env.err(&member(), rewrite(3, "x")).await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::InvalidPosition { max: 2 })
    ));
    env.ok(&member(), rewrite(1, "Snakket med eleven om saken"))
        .await;
    env.ok(&coordinator(), rewrite(2, "Fulgt opp i møte")).await;
    let shown = env
        .ok(&member(), Command::ActionShow { id: ActionId(1) })
        .await;
    assert!(
        shown.contains("notat 1: Snakket med eleven om saken")
            && shown.contains("notat 2: Fulgt opp i møte"),
        "{shown}"
    );
    let trail: Vec<String> =
        sqlx::query_scalar("SELECT COALESCE(before, '') || COALESCE(after, '') FROM audit_log")
            .fetch_all(env.service.store().pool())
            .await
            .unwrap();
    assert!(trail.iter().all(|t| !t.contains("Kari")), "{trail:?}");
    assert!(
        trail.iter().any(|t| t.contains("changed_text")),
        "the trail says which text changed: {trail:?}"
    );
}
