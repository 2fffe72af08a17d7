//! The meeting record through the service on a real SQLite file: case numbers and types,
//! standing items, holding and reopening, cancelling, decisions, attendance, minutes.

mod record_commands;
mod support;

use chrono::{NaiveDate, TimeZone, Utc};
use record_commands::{execute_record, RecordCommand};
use sltbot::domain::minutes::{CaseNumber, CaseType, MeetingNumber, MinutesStatus};
use sltbot::domain::record::{AttendanceStatus, Case};
use sltbot::domain::text::TextError;
use sltbot::domain::{AgendaItemId, AgendaStatus, MeetingId, UserId};
use sltbot::render::{self, Style};
use sltbot::service::{
    Actor, Command, Need, RecordError, RecordReply, Reply, Response, ServiceError,
};
use support::env::*;

const KG: &str = "Koordineringsgruppa";

async fn rec(env: &Env, actor: &Actor, cmd: RecordCommand) -> Response {
    execute_record(&env.service, actor, WS, cmd).await
}

async fn rec_ok(env: &Env, actor: &Actor, cmd: RecordCommand) -> RecordReply {
    let r = rec(env, actor, cmd).await;
    let text = render::response(&r, Style::Plain);
    match r.outcome {
        Ok(Reply::Record(reply)) => *reply,
        other => panic!("expected a record reply, got {other:?}: {text}"),
    }
}

async fn rec_err(env: &Env, actor: &Actor, cmd: RecordCommand) -> ServiceError {
    match rec(env, actor, cmd).await.outcome {
        Err(e) => e,
        Ok(r) => panic!("expected an error, got {r:?}"),
    }
}

fn n(seq: u32) -> Option<CaseNumber> {
    Some(CaseNumber { year: 2027, seq })
}

async fn put(env: &Env, item: i64, kind: Option<&str>) -> Case {
    match rec_ok(
        env,
        &coordinator(),
        RecordCommand::CasePut {
            item: AgendaItemId(item),
            case_type: kind.map(Into::into),
        },
    )
    .await
    {
        RecordReply::CasePut { case, .. } => case,
        other => panic!("{other:?}"),
    }
}

async fn list(env: &Env, meeting: i64) -> Vec<Case> {
    match rec_ok(
        env,
        &member(),
        RecordCommand::CaseList {
            meeting: MeetingId(meeting),
        },
    )
    .await
    {
        RecordReply::CaseList { cases, .. } => cases,
        other => panic!("{other:?}"),
    }
}

fn titles(cases: &[Case]) -> Vec<(Option<CaseNumber>, &str, AgendaStatus)> {
    cases
        .iter()
        .map(|c| (c.number, c.item.title.as_str(), c.item.status))
        .collect()
}

async fn decide(env: &Env, item: i64, decision: &str) -> RecordReply {
    rec_ok(
        env,
        &coordinator(),
        RecordCommand::Decide {
            item: AgendaItemId(item),
            decision: Some(decision.into()),
            notes: Some("Drøftet.".into()),
            responsible: None,
            deadline: None,
        },
    )
    .await
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::DateTime<Utc> {
    // Europe/Oslo in January is UTC+1.
    Utc.with_ymd_and_hms(y, m, d, h - 1, min, 0).unwrap()
}

/// Two meetings (12.01 and 09.02.2027, 09.00) and items 1..=count proposed to the first.
async fn two_meetings_with_items(count: usize) -> Env {
    let env = Env::new().await.with_groups().await;
    env.ok(&coordinator(), meeting_add_to(KG, "12.01.2027 09:00"))
        .await;
    env.ok(&coordinator(), meeting_add_to(KG, "09.02.2027 09:00"))
        .await;
    for i in 0..count {
        env.ok(
            &member(),
            agenda_add_to(KG, &format!("Sak {}", (b'A' + i as u8) as char)),
        )
        .await;
    }
    env
}

#[tokio::test]
async fn case_numbers_follow_the_order_cases_reach_the_list_after_the_standing_items() {
    let env = two_meetings_with_items(3).await;
    // C reaches the list first, then A: the standing items took 01–03 (Eventuelt waits).
    let c = put(&env, 3, Some("orienteringssak")).await;
    assert_eq!((c.number, c.case_type), (n(4), Some(CaseType::Information)));
    let a = put(&env, 1, None).await;
    assert_eq!((a.number, a.case_type), (n(5), Some(CaseType::Discussion)));
    // Changing the type keeps the number.
    let a = put(&env, 1, Some("vedtakssak")).await;
    assert_eq!((a.number, a.case_type), (n(5), Some(CaseType::Decision)));
    // A withdrawn case keeps its number; the next case gets a new one, never 05 again.
    env.ok(
        &coordinator(),
        Command::AgendaRemove {
            id: AgendaItemId(1),
        },
    )
    .await;
    // The coordinator's ordinary "on the agenda" status numbers the case too.
    env.ok(
        &coordinator(),
        Command::AgendaEdit {
            id: AgendaItemId(2),
            title: None,
            details: None,
            status: Some(AgendaStatus::OnAgenda),
            version: None,
        },
    )
    .await;
    let cases = list(&env, 1).await;
    assert_eq!(
        titles(&cases),
        vec![
            (
                n(1),
                "Godkjenning av innkalling og saksliste",
                AgendaStatus::OnAgenda
            ),
            (
                n(2),
                "Godkjenning av referat fra forrige møte",
                AgendaStatus::OnAgenda
            ),
            (
                n(3),
                "Oppfølging av tiltak og bestillinger",
                AgendaStatus::OnAgenda
            ),
            (n(6), "Sak B", AgendaStatus::OnAgenda),
            (n(4), "Sak C", AgendaStatus::OnAgenda),
            (None, "Eventuelt", AgendaStatus::OnAgenda),
        ]
    );
    // Standing items are nobody's own: a member cannot withdraw them as "submitter".
    assert_eq!(
        cases[0].item.submitter,
        sltbot::service::record::STANDING_SUBMITTER
    );
    let r = env
        .err(
            &member(),
            Command::AgendaRemove {
                id: cases[0].item.id,
            },
        )
        .await;
    assert!(matches!(r.outcome, Err(ServiceError::NotYourItem { .. })));
    // Eventuelt gets its number when the meeting is held: the list is final then.
    env.clock.set(at(2027, 1, 12, 11, 0));
    rec_ok(
        &env,
        &coordinator(),
        RecordCommand::Hold {
            meeting: MeetingId(1),
            early: false,
        },
    )
    .await;
    let cases = list(&env, 1).await;
    assert_eq!(cases.last().unwrap().number, n(7));
    let text = render::response(
        &rec(
            &env,
            &member(),
            RecordCommand::CaseList {
                meeting: MeetingId(1),
            },
        )
        .await,
        Style::Plain,
    );
    assert!(text.contains("Sak 04/27 Sak C (orienteringssak)"), "{text}");
    assert!(text.contains("Møte 1/2027"), "{text}");
}

#[tokio::test]
async fn case_numbers_run_per_body_and_year() {
    let env = Env::new().await.with_groups().await;
    env.ok(&coordinator(), meeting_add_to(KG, "15.12.2026 09:00"))
        .await;
    env.ok(&coordinator(), meeting_add_to(KG, "12.01.2027 09:00"))
        .await;
    env.ok(
        &with_roles(7, &[OTHER_COORD_ROLE]),
        meeting_add_to("Styringsgruppa", "13.01.2027 09:00"),
    )
    .await;
    env.ok(&member(), agenda_add_to(KG, "Desembersak")).await;
    let c = put(&env, 1, None).await;
    assert_eq!(c.number, Some(CaseNumber { year: 2026, seq: 4 }));
    env.ok(
        &member(),
        Command::AgendaAdd {
            group: KG.into(),
            title: "Januarsak".into(),
            details: None,
            meeting: Some(MeetingId(2)),
        },
    )
    .await;
    let item = 1 + 4 + 1; // after the first meeting's four standing items
    assert_eq!(put(&env, item, None).await.number, n(4));
    // Another body starts its own numbers.
    let RecordReply::CaseList { cases, .. } = rec_ok(
        &env,
        &other_member(),
        RecordCommand::CaseList {
            meeting: MeetingId(3),
        },
    )
    .await
    else {
        panic!()
    };
    assert_eq!(cases[0].number, n(1));
    assert_eq!(cases[0].item.group.0, 2);
}

#[tokio::test]
async fn holding_before_the_start_is_refused_unless_asked_for_explicitly() {
    let env = two_meetings_with_items(1).await;
    let e = rec_err(
        &env,
        &coordinator(),
        RecordCommand::Hold {
            meeting: MeetingId(1),
            early: false,
        },
    )
    .await;
    assert!(matches!(
        e,
        ServiceError::Record(RecordError::HeldBeforeStart { .. })
    ));
    // The old command is refused the same way, and nothing moved.
    let r = env
        .err(
            &coordinator(),
            Command::MeetingHeld {
                id: MeetingId(1),
                early: None,
            },
        )
        .await;
    let text = render::response(&r, Style::Plain);
    assert!(text.contains("har ikke begynt"), "{text}");
    assert_eq!(list(&env, 1).await.len(), 5);
    // With the override the reply says what was done.
    let r = rec(
        &env,
        &coordinator(),
        RecordCommand::Hold {
            meeting: MeetingId(1),
            early: true,
        },
    )
    .await;
    let text = render::response(&r, Style::Plain);
    assert!(text.contains("før det begynte"), "{text}");
    let Ok(Reply::Record(reply)) = r.outcome else {
        panic!()
    };
    assert!(matches!(
        *reply,
        RecordReply::Held {
            early: true,
            number: Some(MeetingNumber { year: 2027, seq: 1 }),
            ..
        }
    ));
}

#[tokio::test]
async fn holding_keeps_the_first_list_whole_and_copies_unhandled_cases_to_the_next_meeting() {
    let env = two_meetings_with_items(3).await;
    put(&env, 1, Some("vedtakssak")).await; // 04/27
    put(&env, 2, None).await; // 05/27
                              // Sak C stays a proposal: never on the list.
    decide(&env, 1, "Vedtatt.").await;
    env.clock.set(at(2027, 1, 12, 11, 0));
    let reply = rec_ok(
        &env,
        &coordinator(),
        RecordCommand::Hold {
            meeting: MeetingId(1),
            early: false,
        },
    )
    .await;
    let RecordReply::Held {
        carried,
        moved,
        next: Some(next),
        early: false,
        ..
    } = reply
    else {
        panic!("{reply:?}")
    };
    assert_eq!((carried, moved, next.id), (1, 1, MeetingId(2)));
    // Meeting 1's list is whole: A handled, B left there as carried over, standing dealt with.
    let first = list(&env, 1).await;
    assert_eq!(
        titles(&first),
        vec![
            (
                n(1),
                "Godkjenning av innkalling og saksliste",
                AgendaStatus::Handled
            ),
            (
                n(2),
                "Godkjenning av referat fra forrige møte",
                AgendaStatus::Handled
            ),
            (
                n(3),
                "Oppfølging av tiltak og bestillinger",
                AgendaStatus::Handled
            ),
            (n(4), "Sak A", AgendaStatus::Handled),
            (n(5), "Sak B", AgendaStatus::CarriedOver),
            (n(6), "Eventuelt", AgendaStatus::Handled),
        ]
    );
    // Meeting 2 has a copy of B with the same number, linked to the original, and C.
    let second = list(&env, 2).await;
    let b = second.iter().find(|c| c.item.title == "Sak B").unwrap();
    assert_eq!(b.number, n(5));
    assert_eq!(b.carried_from, Some(first[4].item.id));
    assert_eq!(b.item.status, AgendaStatus::OnAgenda);
    let c = second.iter().find(|c| c.item.title == "Sak C").unwrap();
    assert_eq!((c.item.status, c.number), (AgendaStatus::Proposed, None));
    // Handling the copy leaves meeting 1's record as it was.
    decide(&env, b.item.id.0, "Vedtatt i februar.").await;
    assert_eq!(titles(&list(&env, 1).await), titles(&first));
    // Holding twice is refused.
    let e = rec_err(
        &env,
        &coordinator(),
        RecordCommand::Hold {
            meeting: MeetingId(1),
            early: false,
        },
    )
    .await;
    assert!(matches!(e, ServiceError::MeetingNotScheduled { .. }));
}

#[tokio::test]
async fn reopening_a_meeting_held_by_mistake_takes_back_its_untouched_copies() {
    let env = two_meetings_with_items(3).await;
    put(&env, 1, None).await;
    put(&env, 2, None).await;
    // Sak C stays a proposal: the hold moves it on, the reopen brings it back.
    rec_ok(
        &env,
        &coordinator(),
        RecordCommand::Hold {
            meeting: MeetingId(1),
            early: true,
        },
    )
    .await;
    let second = list(&env, 2).await;
    let copy_b = second.iter().find(|c| c.item.title == "Sak B").unwrap();
    // B's copy is dealt with at meeting 2 meanwhile; A's copy is untouched.
    decide(&env, copy_b.item.id.0, "Avklart.").await;
    let reply = rec_ok(
        &env,
        &coordinator(),
        RecordCommand::Reopen {
            meeting: MeetingId(1),
        },
    )
    .await;
    assert!(matches!(
        reply,
        RecordReply::Reopened {
            restored: 2,
            kept: 1,
            ..
        }
    ));
    let first = list(&env, 1).await;
    let a = first.iter().find(|c| c.item.title == "Sak A").unwrap();
    assert_eq!((a.item.status, a.number), (AgendaStatus::OnAgenda, n(4)));
    let c = first.iter().find(|c| c.item.title == "Sak C").unwrap();
    assert_eq!(c.item.status, AgendaStatus::Proposed);
    let second = list(&env, 2).await;
    assert!(!second
        .iter()
        .any(|c| c.item.title == "Sak A" || c.item.title == "Sak C"));
    assert!(second.iter().any(|c| c.item.title == "Sak B"));
    // The meeting can be held again, keeping its number; reopening an open one is refused.
    let e = rec_err(
        &env,
        &coordinator(),
        RecordCommand::Reopen {
            meeting: MeetingId(1),
        },
    )
    .await;
    assert!(matches!(
        e,
        ServiceError::Record(RecordError::NotHeld { .. })
    ));
    env.clock.set(at(2027, 1, 12, 10, 0));
    let reply = rec_ok(
        &env,
        &coordinator(),
        RecordCommand::Hold {
            meeting: MeetingId(1),
            early: false,
        },
    )
    .await;
    assert!(matches!(
        reply,
        RecordReply::Held {
            number: Some(MeetingNumber { seq: 1, .. }),
            ..
        }
    ));
    // Members may not reopen.
    let e = rec_err(
        &env,
        &member(),
        RecordCommand::Reopen {
            meeting: MeetingId(1),
        },
    )
    .await;
    assert!(matches!(e, ServiceError::Forbidden(Need::Coordinator)));
}

#[tokio::test]
async fn cancelling_sends_open_cases_to_the_next_meeting_in_time_order() {
    let env = Env::new().await.with_groups().await;
    for when in ["12.01.2027 08:00", "12.01.2027 12:00", "12.01.2027 09:00"] {
        env.ok(&coordinator(), meeting_add_to(KG, when)).await;
    }
    env.ok(&member(), agenda_add_to(KG, "Uro i sentrum")).await;
    // The coordinator cancels the 08.00 meeting at 08.30, after it would have begun.
    env.clock.set(at(2027, 1, 12, 8, 30));
    let r = env
        .run(&coordinator(), Command::MeetingCancel { id: MeetingId(1) })
        .await;
    let Ok(Reply::MeetingCancelled {
        moved_to: Some(to),
        moved: 1,
        ..
    }) = r.outcome
    else {
        panic!("{:?}", r.outcome)
    };
    assert_eq!(to.id, MeetingId(3), "the 09.00 meeting, not the 12.00 one");
    assert_eq!(to.starts_at, at(2027, 1, 12, 9, 0));
}

#[tokio::test]
async fn a_second_meeting_of_the_same_body_at_the_same_time_is_refused() {
    let env = Env::new().await.with_groups().await;
    env.ok(&coordinator(), meeting_add_to(KG, "12.01.2027 09:00"))
        .await;
    let r = env
        .err(&coordinator(), meeting_add_to(KG, "12.01.2027 kl. 09.00"))
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::Record(RecordError::MeetingAtSameTime {
            existing: MeetingId(1)
        }))
    ));
    assert!(render::response(&r, Style::Plain).contains("allerede et møte"));
    // Moving another meeting onto that time is refused too; another body may meet then.
    env.ok(&coordinator(), meeting_add_to(KG, "19.01.2027 09:00"))
        .await;
    let r = env
        .err(
            &coordinator(),
            Command::MeetingMove {
                id: MeetingId(2),
                at: "12.01.2027 09:00".into(),
            },
        )
        .await;
    assert!(matches!(
        r.outcome,
        Err(ServiceError::Record(RecordError::MeetingAtSameTime { .. }))
    ));
    env.ok(
        &with_roles(7, &[OTHER_COORD_ROLE]),
        meeting_add_to("Styringsgruppa", "12.01.2027 09:00"),
    )
    .await;
    // A cancelled meeting does not block its time.
    env.ok(&coordinator(), Command::MeetingCancel { id: MeetingId(1) })
        .await;
    env.ok(&coordinator(), meeting_add_to(KG, "12.01.2027 09:00"))
        .await;
}

#[tokio::test]
async fn decisions_are_kept_apart_from_the_details_and_refuse_identity_numbers() {
    let env = two_meetings_with_items(0).await;
    env.ok(
        &member(),
        Command::AgendaAdd {
            group: KG.into(),
            title: "Fritidstilbud".into(),
            details: Some("Innspill fra skolen.".into()),
            meeting: None,
        },
    )
    .await;
    let e = rec_err(
        &env,
        &coordinator(),
        RecordCommand::Decide {
            item: AgendaItemId(1),
            decision: Some("Gjelder 010100 12356.".into()),
            notes: None,
            responsible: None,
            deadline: None,
        },
    )
    .await;
    assert!(matches!(
        e,
        ServiceError::Text(TextError::PersonalData { .. })
    ));
    let reply = rec_ok(
        &env,
        &coordinator(),
        RecordCommand::Decide {
            item: AgendaItemId(1),
            decision: Some("Kulturetaten lager en oversikt.".into()),
            notes: Some("Skolen og politiet\nsa det samme.".into()),
            responsible: Some("Kulturetaten".into()),
            deadline: Some("28.02.2027".into()),
        },
    )
    .await;
    let RecordReply::Decided { case, .. } = reply else {
        panic!()
    };
    let d = case.decision.unwrap();
    assert_eq!(
        d.decision.as_deref(),
        Some("Kulturetaten lager en oversikt.")
    );
    assert_eq!(d.deadline, NaiveDate::from_ymd_opt(2027, 2, 28));
    // The submitter's details are untouched; the case went on the list as a decision case.
    assert_eq!(case.item.details.as_deref(), Some("Innspill fra skolen."));
    assert_eq!(case.item.status, AgendaStatus::Handled);
    assert_eq!(
        (case.number, case.case_type),
        (n(4), Some(CaseType::Decision))
    );
    let stored: Option<String> =
        sqlx::query_scalar("SELECT decision FROM case_decisions WHERE item_id = 1")
            .fetch_one(env.service.store().pool())
            .await
            .unwrap();
    assert_eq!(stored.as_deref(), Some("Kulturetaten lager en oversikt."));
    let leaked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE before LIKE '%12356%' OR after LIKE '%12356%'",
    )
    .fetch_one(env.service.store().pool())
    .await
    .unwrap();
    assert_eq!(leaked, 0);
    // Members may not decide.
    let e = rec_err(
        &env,
        &member(),
        RecordCommand::Decide {
            item: AgendaItemId(1),
            decision: Some("x".into()),
            notes: None,
            responsible: None,
            deadline: None,
        },
    )
    .await;
    assert!(matches!(e, ServiceError::Forbidden(Need::Referent)));
}

#[tokio::test]
async fn a_steering_body_is_warned_about_an_individual_childs_case() {
    let env = Env::new().await.with_groups().await;
    let coord = with_roles(7, &[OTHER_COORD_ROLE]);
    env.ok(&coord, meeting_add_to("Styringsgruppa", "12.01.2027 09:00"))
        .await;
    env.ok(
        &coord,
        agenda_add_to("Styringsgruppa", "Bekymring for gutten i 9. klasse"),
    )
    .await;
    env.ok(
        &coord,
        agenda_add_to("Styringsgruppa", "Budsjett for SLT 2027"),
    )
    .await;
    let r = rec(
        &env,
        &coord,
        RecordCommand::CasePut {
            item: AgendaItemId(1),
            case_type: None,
        },
    )
    .await;
    let text = render::response(&r, Style::Plain);
    assert!(text.contains("skal ikke behandle enkeltsaker"), "{text}");
    let Ok(Reply::Record(reply)) = r.outcome else {
        panic!()
    };
    assert!(matches!(
        *reply,
        RecordReply::CasePut {
            individual_case_warning: true,
            ..
        }
    ));
    let reply = rec_ok(
        &env,
        &coord,
        RecordCommand::CasePut {
            item: AgendaItemId(2),
            case_type: None,
        },
    )
    .await;
    assert!(matches!(
        reply,
        RecordReply::CasePut {
            individual_case_warning: false,
            ..
        }
    ));
}

#[tokio::test]
async fn the_same_case_in_a_coordinating_body_gets_no_steering_warning() {
    let env = two_meetings_with_items(0).await;
    env.ok(
        &member(),
        agenda_add_to(KG, "Bekymring for gutten i 9. klasse"),
    )
    .await;
    let r = rec(
        &env,
        &coordinator(),
        RecordCommand::CasePut {
            item: AgendaItemId(1),
            case_type: None,
        },
    )
    .await;
    let Ok(Reply::Record(reply)) = r.outcome else {
        panic!()
    };
    assert!(matches!(
        *reply,
        RecordReply::CasePut {
            individual_case_warning: false,
            ..
        }
    ));
}

#[tokio::test]
async fn attendance_guests_and_roles_are_recorded_and_reach_the_minutes() {
    let env = two_meetings_with_items(1).await;
    let attend = |user: Option<u64>, status: &str, note: Option<&str>| RecordCommand::Attend {
        meeting: MeetingId(1),
        user: user.map(UserId),
        status: status.into(),
        note: note.map(Into::into),
    };
    rec_ok(&env, &member(), attend(None, "kommer", None)).await;
    // Changing one's mind replaces the answer.
    rec_ok(&env, &member2(), attend(None, "present", None)).await;
    rec_ok(&env, &member2(), attend(None, "forfall", Some("kurs"))).await;
    // A member may not answer for someone else; a coordinator may.
    let e = rec_err(&env, &member(), attend(Some(4), "absent", None)).await;
    assert!(matches!(e, ServiceError::Forbidden(Need::Referent)));
    rec_ok(&env, &coordinator(), attend(Some(2), "til stede", None)).await;
    // A word that is no answer is refused where it is read, naming the option.
    let read = sltbot::service::Command::from_options("meeting attend", |name| match name {
        "id" => Some(sltbot::service::Raw::Text("1")),
        "status" => Some(sltbot::service::Raw::Text("kanskje")),
        _ => None,
    });
    assert!(matches!(
        read,
        Some(Err(sltbot::service::OptionError {
            option: "status",
            problem: sltbot::service::spec::Problem::NotAChoice { .. }
        }))
    ));
    let guest = |name: &str| RecordCommand::GuestAdd {
        meeting: MeetingId(1),
        name: name.into(),
        agency: Some("Vindafjord kommune".into()),
    };
    rec_ok(&env, &coordinator(), guest("Siri Næss")).await;
    let e = rec_err(&env, &coordinator(), guest("Siri 010100 12356")).await;
    assert!(matches!(
        e,
        ServiceError::Text(TextError::PersonalData { .. })
    ));
    let e = rec_err(&env, &member(), guest("Per")).await;
    assert!(matches!(e, ServiceError::Forbidden(Need::Referent)));
    rec_ok(
        &env,
        &coordinator(),
        RecordCommand::Roles {
            meeting: MeetingId(1),
            chair: Some(UserId(2)),
            referent: Some(UserId(3)),
        },
    )
    .await;
    let RecordReply::Minutes { minutes, .. } = rec_ok(
        &env,
        &member(),
        RecordCommand::Minutes {
            meeting: MeetingId(1),
        },
    )
    .await
    else {
        panic!()
    };
    let names = |list: &[sltbot::domain::minutes::Attendee]| {
        list.iter()
            .map(|a| (a.name.clone(), a.note.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&minutes.present),
        vec![
            ("bruker 3".to_string(), None),
            ("bruker 2".to_string(), None)
        ]
    );
    assert_eq!(
        names(&minutes.apologies),
        vec![("bruker 4".to_string(), Some("kurs".to_string()))]
    );
    assert_eq!(minutes.guests[0].name, "Siri Næss");
    assert_eq!(minutes.chair.as_deref(), Some("bruker 2"));
    assert_eq!(minutes.referent.as_deref(), Some("bruker 3"));
    let stored: Vec<(i64, String)> =
        sqlx::query_as("SELECT user_id, status FROM attendance ORDER BY user_id")
            .fetch_all(env.service.store().pool())
            .await
            .unwrap();
    assert_eq!(
        stored,
        vec![
            (2, AttendanceStatus::Present.as_str().into()),
            (3, "present".into()),
            (4, "absent".into())
        ]
    );
}

#[tokio::test]
async fn minutes_are_built_from_the_record_published_and_approved_at_the_next_meeting() {
    let env = two_meetings_with_items(1).await;
    put(&env, 1, Some("vedtakssak")).await;
    rec_ok(
        &env,
        &coordinator(),
        RecordCommand::Decide {
            item: AgendaItemId(1),
            decision: Some("Utekontakten får ansvaret.".into()),
            notes: Some("Økt uro i helgene.".into()),
            responsible: Some("Utekontakten".into()),
            deadline: Some("31.05.2027".into()),
        },
    )
    .await;
    // Publishing before the meeting is held is refused.
    let e = rec_err(
        &env,
        &coordinator(),
        RecordCommand::MinutesPublish {
            meeting: MeetingId(1),
        },
    )
    .await;
    assert!(matches!(
        e,
        ServiceError::Record(RecordError::NotHeld { .. })
    ));
    env.clock.set(at(2027, 1, 12, 11, 0));
    rec_ok(
        &env,
        &coordinator(),
        RecordCommand::Hold {
            meeting: MeetingId(1),
            early: false,
        },
    )
    .await;
    env.clock.set(at(2027, 1, 13, 14, 0));
    let RecordReply::MinutesPublished { minutes, .. } = rec_ok(
        &env,
        &coordinator(),
        RecordCommand::MinutesPublish {
            meeting: MeetingId(1),
        },
    )
    .await
    else {
        panic!()
    };
    assert_eq!(minutes.number, Some(MeetingNumber { year: 2027, seq: 1 }));
    assert_eq!(
        minutes.status,
        MinutesStatus::Published {
            on: NaiveDate::from_ymd_opt(2027, 1, 13).unwrap()
        }
    );
    let case = minutes.cases.iter().find(|c| c.title == "Sak A").unwrap();
    assert_eq!(case.number, n(4));
    assert_eq!(case.decision.as_deref(), Some("Utekontakten får ansvaret."));
    assert_eq!(case.notes.as_deref(), Some("Økt uro i helgene."));
    assert_eq!(case.responsible.as_deref(), Some("Utekontakten"));
    assert_eq!(case.deadline, NaiveDate::from_ymd_opt(2027, 5, 31));
    let e = rec_err(
        &env,
        &coordinator(),
        RecordCommand::MinutesPublish {
            meeting: MeetingId(1),
        },
    )
    .await;
    assert!(matches!(
        e,
        ServiceError::Record(RecordError::MinutesAlreadyPublished { .. })
    ));
    // At the next meeting, handling "Godkjenning av referat fra forrige møte" approves them.
    let second = list(&env, 2).await;
    let approval = second
        .iter()
        .find(|c| c.item.title == "Godkjenning av referat fra forrige møte")
        .unwrap();
    // Meeting 1 used 01–05 (three standing items, Sak A, Eventuelt); meeting 2's list
    // starts at 06 with its own standing items.
    assert_eq!(approval.number, n(7));
    env.clock.set(at(2027, 2, 9, 9, 30));
    let RecordReply::Decided {
        approved_minutes, ..
    } = decide(&env, approval.item.id.0, "Referatet er godkjent.").await
    else {
        panic!()
    };
    assert_eq!(approved_minutes, Some(MeetingId(1)));
    let RecordReply::Minutes { minutes, .. } = rec_ok(
        &env,
        &member(),
        RecordCommand::Minutes {
            meeting: MeetingId(1),
        },
    )
    .await
    else {
        panic!()
    };
    assert_eq!(
        minutes.status,
        MinutesStatus::Approved {
            on: NaiveDate::from_ymd_opt(2027, 2, 9).unwrap()
        }
    );
    let md = sltbot::minutes::markdown::render(&minutes, sltbot::domain::Lang::Nb);
    assert!(md.contains("**Status:** Godkjent 09.02.2027"), "{md}");
    assert!(md.contains("### Sak 04/27 Sak A"), "{md}");
}

#[tokio::test]
async fn standing_items_are_configurable_and_any_other_business_stays_last() {
    let env = Env::new().await.with_groups().await;
    let RecordReply::Standing {
        items, configured, ..
    } = rec_ok(
        &env,
        &member(),
        RecordCommand::Standing {
            group: KG.into(),
            items: None,
        },
    )
    .await
    else {
        panic!()
    };
    assert!(!configured);
    assert_eq!(items.len(), 4);
    assert!(items[3].last);
    let set = |items: &[&str]| RecordCommand::Standing {
        group: KG.into(),
        items: Some(items.iter().map(|s| s.to_string()).collect()),
    };
    let e = rec_err(&env, &member(), set(&["X"])).await;
    assert!(matches!(e, ServiceError::Forbidden(Need::Coordinator)));
    let e = rec_err(&env, &coordinator(), set(&["X | tull"])).await;
    assert!(matches!(
        e,
        ServiceError::Record(RecordError::InvalidCaseType { .. })
    ));
    rec_ok(
        &env,
        &coordinator(),
        set(&[
            "Godkjenning av innkalling",
            "Eventuelt | eventuelt",
            "Vold i nære relasjoner | orienteringssak",
        ]),
    )
    .await;
    env.ok(&coordinator(), meeting_add_to(KG, "12.01.2027 09:00"))
        .await;
    env.ok(&member(), agenda_add_to(KG, "Ny sak")).await;
    put(&env, 1, None).await;
    let cases = list(&env, 1).await;
    assert_eq!(
        cases
            .iter()
            .map(|c| (c.number, c.item.title.as_str(), c.case_type))
            .collect::<Vec<_>>(),
        vec![
            (n(1), "Godkjenning av innkalling", Some(CaseType::Standing)),
            (n(2), "Vold i nære relasjoner", Some(CaseType::Information)),
            (n(3), "Ny sak", Some(CaseType::Discussion)),
            (None, "Eventuelt", Some(CaseType::Aob)),
        ]
    );
}

#[tokio::test]
async fn the_record_speaks_nynorsk_and_english() {
    let env = two_meetings_with_items(1).await;
    put(&env, 1, None).await;
    let r = rec(
        &env,
        &in_lang(member(), sltbot::domain::Lang::Nn),
        RecordCommand::CaseList {
            meeting: MeetingId(1),
        },
    )
    .await;
    let nn = render::response(&r, Style::Plain);
    assert!(nn.contains("Sakliste for"), "{nn}");
    assert!(nn.contains("drøftingssak"), "{nn}");
    let r = rec(
        &env,
        &in_lang(coordinator(), sltbot::domain::Lang::En),
        RecordCommand::Hold {
            meeting: MeetingId(1),
            early: false,
        },
    )
    .await;
    let en = render::response(&r, Style::Plain);
    assert!(en.contains("has not begun yet"), "{en}");
    let r = rec(
        &env,
        &in_lang(coordinator(), sltbot::domain::Lang::Nn),
        RecordCommand::Hold {
            meeting: MeetingId(1),
            early: false,
        },
    )
    .await;
    let nn = render::response(&r, Style::Plain);
    assert!(nn.contains("har ikkje byrja"), "{nn}");
}

#[tokio::test]
async fn the_group_export_carries_the_meeting_record() {
    let env = two_meetings_with_items(1).await;
    decide(&env, 1, "Vedtatt.").await;
    rec_ok(
        &env,
        &coordinator(),
        RecordCommand::GuestAdd {
            meeting: MeetingId(1),
            name: "Siri Næss".into(),
            agency: Some("Vindafjord kommune".into()),
        },
    )
    .await;
    rec_ok(
        &env,
        &member(),
        RecordCommand::Attend {
            meeting: MeetingId(1),
            user: None,
            status: "forfall".into(),
            note: None,
        },
    )
    .await;
    let r = env
        .run(&coordinator(), Command::GroupExport { group: KG.into() })
        .await;
    let Ok(Reply::Export(export)) = r.outcome else {
        panic!("{:?}", r.outcome)
    };
    let case = export
        .record
        .cases
        .iter()
        .find(|c| c.item == AgendaItemId(1))
        .unwrap();
    assert_eq!(case.number.as_deref(), Some("04/27"));
    assert_eq!(
        case.decision.as_ref().and_then(|d| d.decision.as_deref()),
        Some("Vedtatt.")
    );
    let first = &export.record.meetings[0];
    assert_eq!(first.guests[0].name, "Siri Næss");
    assert_eq!(first.attendance[0].status, AttendanceStatus::Absent);
    let json = serde_json::to_string(&export).unwrap();
    assert!(json.contains("Vindafjord kommune") && json.contains("Vedtatt."));
}
