//! The permission matrix: every command × (coordinator of the group, member of the group,
//! member of another group, outsider, server admin). The expected table is written out
//! here, independently of `service::permissions`, and each cell runs the real command on a
//! fresh database.

mod support;

use sltbot::clock::ManualClock;
use sltbot::domain::minutes::CaseType;
use sltbot::domain::order::{OrderAnswer, OrderNo};
use sltbot::domain::record::AttendanceStatus;
use sltbot::domain::{ActionId, ActionStatus, AgendaItemId, Lang, MeetingId, RoleId, UserId};
use sltbot::service::spec::Position;
use sltbot::service::OrderError;
use sltbot::service::{Actor, Command, Defaults, GroupName, Service, ServiceError, SPECS};
use sltbot::store::Store;
use std::sync::Arc;
use support::env::*;

#[derive(Debug, Clone, Copy, PartialEq)]
enum E {
    /// Runs.
    Allow,
    /// Refused: not allowed.
    Deny,
    /// Refused as "not found": a record of a group the actor is not in does not exist
    /// for them (ids reveal nothing).
    Hidden,
}
use E::{Allow as A, Deny as D, Hidden as H};

const SUBMITTER: u64 = 99;

/// The expected matrix, written out independently of the declarations: (path, command,
/// [coordinator, member, member of another group, outsider, server admin]). Every
/// declared command must have at least one row.
fn commands() -> Vec<(&'static str, Command, [E; 5])> {
    let g = || GroupName::from("Koordineringsgruppa");
    vec![
        ("workspace show", Command::WorkspaceShow {}, [A, A, A, A, A]),
        (
            "workspace set",
            Command::WorkspaceSet {
                timezone: None,
                language: Some(Lang::Nn),
                coordinator_role: None,
                digest_channel: None,
            },
            [D, D, D, D, A],
        ),
        (
            "group create",
            group_create("Ny gruppe", "annet", 300, RoleId(30), RoleId(31)),
            [D, D, D, D, A],
        ),
        (
            "group list",
            Command::GroupList {
                archived: Some(true),
            },
            [A, A, A, A, A],
        ),
        (
            "group show",
            Command::GroupShow { group: g() },
            [A, A, D, D, A],
        ),
        (
            "group edit",
            Command::GroupEdit {
                group: g(),
                name: Some("Arbeidsutvalget".into()),
                level: None,
                channel: None,
                coordinator_role: None,
                member_role: None,
                timezone: None,
                language: None,
                referent_role: None,
            },
            [A, D, D, D, A],
        ),
        (
            "group archive",
            Command::GroupArchive { group: g() },
            [A, D, D, D, A],
        ),
        (
            "group reminders",
            Command::GroupReminders {
                group: g(),
                leads: None,
                deadline: None,
                skip_holidays: None,
            },
            [A, A, D, D, A],
        ),
        (
            "group reminders",
            Command::GroupReminders {
                group: g(),
                leads: Some("3d".into()),
                deadline: None,
                skip_holidays: None,
            },
            [A, D, D, D, A],
        ),
        (
            "group digest",
            Command::GroupDigest {
                group: g(),
                titles: true,
            },
            [A, D, D, D, A],
        ),
        (
            "group export",
            Command::GroupExport { group: g() },
            [A, D, D, D, A],
        ),
        (
            "group delete",
            Command::GroupDelete {
                group: g(),
                confirm: Some("Koordineringsgruppa".into()),
            },
            [A, D, D, D, A],
        ),
        ("audit", Command::Audit { group: g() }, [A, D, D, D, A]),
        (
            "meeting add",
            Command::MeetingAdd {
                group: g(),
                at: "20.01.2027 09:00".into(),
                title: None,
                location: None,
            },
            [A, D, D, D, A],
        ),
        (
            "meeting list",
            Command::MeetingList { group: g() },
            [A, A, D, D, A],
        ),
        (
            "meeting ics",
            Command::MeetingIcs { group: g() },
            [A, A, D, D, A],
        ),
        (
            "meeting cancel",
            Command::MeetingCancel { id: MeetingId(1) },
            [A, D, H, H, A],
        ),
        (
            "meeting held",
            Command::MeetingHeld {
                id: MeetingId(1),
                early: None,
            },
            [A, D, H, H, A],
        ),
        (
            "meeting schedule",
            Command::MeetingSchedule {
                group: g(),
                cadence: "every 4 weeks tue 09:00".into(),
                skip_holidays: None,
                rule: None,
            },
            [A, D, D, D, A],
        ),
        (
            "meeting next",
            Command::MeetingNext { group: g() },
            [A, A, D, D, A],
        ),
        (
            "meeting move",
            Command::MeetingMove {
                id: MeetingId(1),
                at: "13.01.2027 10:00".into(),
            },
            [A, D, H, H, A],
        ),
        (
            "meeting reopen",
            Command::MeetingReopen { id: MeetingId(1) },
            [A, D, H, H, A],
        ),
        (
            "meeting notice",
            Command::MeetingNotice { id: MeetingId(1) },
            [A, A, H, H, A],
        ),
        (
            "meeting agenda",
            Command::MeetingAgenda { id: MeetingId(1) },
            [A, A, H, H, A],
        ),
        (
            "meeting attend",
            Command::MeetingAttend {
                id: MeetingId(1),
                status: AttendanceStatus::Absent,
                note: Some("Kurs".into()),
                user: None,
            },
            [A, A, H, H, A],
        ),
        (
            "meeting attend",
            // For another member: coordinators.
            Command::MeetingAttend {
                id: MeetingId(1),
                status: AttendanceStatus::Present,
                note: None,
                user: Some(UserId(SUBMITTER)),
            },
            [A, D, H, H, A],
        ),
        (
            "meeting guest",
            Command::MeetingGuest {
                id: MeetingId(1),
                name: "Rådgiver fra Færder".into(),
                agency: Some("Færder kommune".into()),
            },
            [A, D, H, H, A],
        ),
        (
            "meeting roles",
            Command::MeetingRoles {
                id: MeetingId(1),
                chair: Some(UserId(3)),
                referent: None,
            },
            [A, D, H, H, A],
        ),
        (
            "agenda case",
            Command::AgendaCase {
                id: AgendaItemId(1),
                case_type: Some(CaseType::Decision),
            },
            [A, D, H, H, A],
        ),
        (
            "agenda decide",
            Command::AgendaDecide {
                id: AgendaItemId(1),
                decision: Some("Tatt til orientering".into()),
                notes: None,
                responsible: None,
                due: None,
            },
            [A, D, H, H, A],
        ),
        (
            "group standing",
            Command::GroupStanding {
                group: g(),
                items: None,
            },
            [A, A, D, D, A],
        ),
        (
            "group standing",
            Command::GroupStanding {
                group: g(),
                items: Some("Godkjenning av innkalling; Eventuelt | eventuelt".into()),
            },
            [A, D, D, D, A],
        ),
        (
            "minutes show",
            Command::MinutesShow {
                meeting: MeetingId(1),
            },
            [A, A, H, H, A],
        ),
        (
            "minutes publish",
            Command::MinutesPublish {
                meeting: MeetingId(1),
            },
            [A, D, H, H, A],
        ),
        (
            "minutes approve",
            Command::MinutesApprove {
                meeting: MeetingId(1),
                at_meeting: MeetingId(2),
            },
            [A, D, H, H, A],
        ),
        (
            "agenda add",
            Command::AgendaAdd {
                group: g(),
                title: "Ny sak".into(),
                details: None,
                meeting: None,
            },
            [A, A, D, D, A],
        ),
        (
            "agenda list",
            Command::AgendaList {
                group: g(),
                meeting: None,
            },
            [A, A, D, D, A],
        ),
        (
            "agenda edit",
            Command::AgendaEdit {
                id: AgendaItemId(1),
                title: Some("Endret".into()),
                details: None,
                status: None,
                version: None,
            },
            [A, D, H, H, A],
        ),
        (
            "agenda remove",
            Command::AgendaRemove {
                id: AgendaItemId(1),
            },
            [A, D, H, H, A],
        ),
        (
            "agenda move",
            Command::AgendaMove {
                id: AgendaItemId(1),
                meeting: Some(MeetingId(2)),
                position: None,
            },
            [A, D, H, H, A],
        ),
        (
            "action add",
            Command::ActionAdd {
                group: g(),
                title: "Tiltak".into(),
                owner: UserId(MEMBER),
                agency: None,
                due: None,
                case: None,
            },
            [A, D, D, D, A],
        ),
        (
            "action update",
            Command::ActionUpdate {
                id: ActionId(1),
                status: Some(ActionStatus::Done),
                note: None,
            },
            [A, A, H, H, A],
        ),
        (
            "action note",
            // Note 1 of action 1 is the coordinator's (the setup's progress note).
            Command::ActionNote {
                id: ActionId(1),
                update: Position(1),
                note: "Omskrevet".into(),
            },
            [A, D, H, H, A],
        ),
        (
            "action list",
            Command::ActionList {
                group: Some(g()),
                owner: None,
                status: None,
                overdue: None,
            },
            [A, A, D, D, A],
        ),
        (
            "action show",
            Command::ActionShow { id: ActionId(1) },
            [A, A, H, H, A],
        ),
        (
            "group notice",
            Command::GroupNotice {
                group: g(),
                lead: None,
            },
            [A, A, D, D, A],
        ),
        (
            "group notice",
            Command::GroupNotice {
                group: g(),
                lead: Some("7d".into()),
            },
            [A, D, D, D, A],
        ),
        (
            // Item 1 is no late submission: past the permission check, the notice's own
            // rule refuses it.
            "agenda admit",
            Command::AgendaAdmit {
                id: AgendaItemId(1),
                meeting: sltbot::domain::notice::AdmitTo::This,
            },
            [A, D, H, H, A],
        ),
        (
            "digest show",
            Command::DigestShow {
                rule: None,
                municipality: None,
            },
            [A, A, A, A, A],
        ),
        ("plan", Command::Plan { year: Some(2027) }, [A, A, A, A, A]),
        (
            "digest set",
            Command::DigestSet {
                channel: None,
                cadence: Some("weekly fri 14:00".into()),
                rule: None,
            },
            [D, D, D, D, A],
        ),
        // Orders: the fixture's order 1 goes from Koordineringsgruppa to Styringsgruppa,
        // order 2 from Styringsgruppa to Koordineringsgruppa. The receiving body's
        // coordinators answer; members of either body see them; to others they do not
        // exist.
        (
            "order add",
            Command::OrderAdd {
                from: g(),
                to: "Styringsgruppa".into(),
                title: "Kartlegg".into(),
                details: None,
                due: None,
                case: None,
            },
            [A, D, D, D, A],
        ),
        (
            "order reply",
            Command::OrderReply {
                id: OrderNo(2),
                status: OrderAnswer::Accepted,
                text: "Vi tar den".into(),
            },
            [A, D, D, H, A],
        ),
        (
            "order reply",
            Command::OrderReply {
                id: OrderNo(1),
                status: OrderAnswer::Done,
                text: "Ferdig".into(),
            },
            [D, D, D, H, A],
        ),
        (
            "order list",
            Command::OrderList {
                group: None,
                open: Some(true),
            },
            [A, A, A, A, A],
        ),
        (
            "order list",
            Command::OrderList {
                group: Some(g()),
                open: None,
            },
            [A, A, D, D, A],
        ),
        (
            "order show",
            Command::OrderShow { id: OrderNo(1) },
            [A, A, A, H, A],
        ),
        ("overview", Command::Overview {}, [A, A, A, A, A]),
        (
            "workspace check",
            Command::WorkspaceCheck {},
            [D, D, D, D, A],
        ),
        (
            "group events",
            Command::GroupEvents {
                group: g(),
                enabled: None,
                voice: None,
                place: None,
            },
            [A, A, D, D, A],
        ),
        (
            "group events",
            Command::GroupEvents {
                group: g(),
                enabled: Some(true),
                voice: None,
                place: None,
            },
            [A, D, D, D, A],
        ),
        // Inter-municipal setups (issue 12, item 4). The fixture has no municipality and
        // no guest: past the permission check these are refused by their own rules.
        (
            "digest show",
            Command::DigestShow {
                rule: None,
                municipality: Some("4611".into()),
            },
            [A, A, A, A, A],
        ),
        (
            "municipality add",
            Command::MunicipalityAdd {
                number: "4611".into(),
                name: "Etne".into(),
                digest_channel: None,
            },
            [D, D, D, D, A],
        ),
        (
            "municipality edit",
            Command::MunicipalityEdit {
                municipality: "4611".into(),
                name: None,
                digest_channel: None,
                no_digest: Some(true),
            },
            [D, D, D, D, A],
        ),
        (
            "municipality list",
            Command::MunicipalityList {},
            [A, A, A, A, A],
        ),
        (
            "municipality remove",
            Command::MunicipalityRemove {
                municipality: "4611".into(),
            },
            [D, D, D, D, A],
        ),
        (
            "group municipalities",
            Command::GroupMunicipalities {
                group: g(),
                municipalities: None,
            },
            [A, A, D, D, A],
        ),
        (
            "group municipalities",
            Command::GroupMunicipalities {
                group: g(),
                municipalities: Some("4611".into()),
            },
            [A, D, D, D, A],
        ),
        (
            "meeting invite",
            Command::MeetingInvite {
                id: MeetingId(1),
                role: Some(RoleId(77)),
                user: None,
                also: Some("2".into()),
            },
            [A, D, H, H, A],
        ),
        (
            "municipality export",
            Command::MunicipalityExport {
                municipality: "4611".into(),
            },
            [A, A, A, A, A],
        ),
        (
            "meeting uninvite",
            Command::MeetingUninvite {
                id: MeetingId(1),
                role: Some(RoleId(77)),
                user: None,
            },
            [A, D, H, H, A],
        ),
        (
            // The owner (the member) or a coordinator; the fixture's round has not asked
            // yet, so past the permission check it is refused by the round's own rule.
            "action followup",
            Command::ActionFollowup {
                id: ActionId(1),
                answer: Some(sltbot::domain::followup::Answer::OnTrack),
                note: None,
                meeting: None,
            },
            [A, A, H, H, A],
        ),
        (
            "meeting followup",
            Command::MeetingFollowup { id: MeetingId(1) },
            [A, D, H, H, A],
        ),
        (
            "group followup",
            Command::GroupFollowup {
                group: g(),
                ask: None,
            },
            [A, A, D, D, A],
        ),
        (
            "group followup",
            Command::GroupFollowup {
                group: g(),
                ask: Some("3d".into()),
            },
            [A, D, D, D, A],
        ),
    ]
}

#[test]
fn every_declared_command_has_a_row_in_the_matrix() {
    let rows = commands();
    for spec in SPECS {
        assert!(
            rows.iter()
                .any(|(path, cmd, _)| *path == spec.path && cmd.spec().path == spec.path),
            "/{} has no row in the permission matrix",
            spec.path
        );
    }
}

fn actors() -> [(&'static str, Actor); 5] {
    [
        ("coordinator", coordinator()),
        ("member", member()),
        ("member of another group", other_member()),
        ("outsider", outsider()),
        ("server admin", admin()),
    ]
}

/// A fresh database with two groups, two meetings, an agenda item submitted by someone
/// else, and an action.
async fn fresh() -> Service {
    let store = Store::open_in_memory().await.unwrap();
    let clock = ManualClock::new(t0());
    let s = Service::new(store, Arc::new(clock), Defaults::default());
    let setup = [
        group_create(
            "Koordineringsgruppa",
            "koordinerende",
            GROUP_CHANNEL.0,
            COORD_ROLE,
            MEMBER_ROLE,
        ),
        group_create(
            "Styringsgruppa",
            "styrende",
            OTHER_CHANNEL.0,
            OTHER_COORD_ROLE,
            OTHER_MEMBER_ROLE,
        ),
        meeting_add_to("Koordineringsgruppa", "12.01.2027 09:00"),
        meeting_add_to("Koordineringsgruppa", "09.02.2027 09:00"),
        Command::ActionAdd {
            group: "Koordineringsgruppa".into(),
            title: "Kartlegge".into(),
            owner: UserId(MEMBER),
            agency: None,
            due: None,
            case: None,
        },
    ];
    for cmd in setup {
        assert!(s.execute(&admin(), WS, cmd).await.outcome.is_ok());
    }
    let note = Command::ActionUpdate {
        id: ActionId(1),
        status: None,
        note: Some("Startet".into()),
    };
    assert!(s.execute(&coordinator(), WS, note).await.outcome.is_ok());
    let item = agenda_add_to("Koordineringsgruppa", "Sak");
    assert!(s
        .execute(&with_roles(SUBMITTER, &[MEMBER_ROLE]), WS, item)
        .await
        .outcome
        .is_ok());
    for (from, to) in [
        ("Koordineringsgruppa", "Styringsgruppa"),
        ("Styringsgruppa", "Koordineringsgruppa"),
    ] {
        let order = Command::OrderAdd {
            from: from.into(),
            to: to.into(),
            title: "Bestilt".into(),
            details: None,
            due: None,
            case: None,
        };
        assert!(s.execute(&admin(), WS, order).await.outcome.is_ok());
    }
    s
}

fn is_denial(e: &ServiceError) -> bool {
    matches!(
        e,
        ServiceError::Forbidden(_)
            | ServiceError::NotYourItem { .. }
            | ServiceError::StatusNeedsCoordinator { .. }
    )
}

fn is_not_found(e: &ServiceError) -> bool {
    matches!(
        e,
        ServiceError::UnknownMeeting { .. }
            | ServiceError::UnknownAgendaItem { .. }
            | ServiceError::UnknownAction { .. }
            | ServiceError::Order(OrderError::Unknown { .. })
    )
}

#[tokio::test]
async fn every_command_for_every_relation_matches_the_matrix() {
    let mut failures = Vec::new();
    for (name, cmd, expected) in commands() {
        for ((who, actor), want) in actors().into_iter().zip(expected) {
            let service = fresh().await;
            let audit_rows = || async {
                sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_log")
                    .fetch_one(service.store().pool())
                    .await
                    .unwrap()
            };
            let before = audit_rows().await;
            let r = service.execute(&actor, WS, cmd.clone()).await;
            let got = match &r.outcome {
                Ok(_) => A,
                // Past the permission check, refused by the record's own rules (the
                // fixture's meetings lie ahead, its minutes are not published …): allowed.
                Err(ServiceError::Record(_)) => A,
                Err(ServiceError::Munis(_)) => A,
                Err(ServiceError::Notice(_)) => A,
                // Likewise the follow-up round's rules (no round has asked yet).
                Err(ServiceError::Followup(_)) => A,
                Err(e) if is_denial(e) => D,
                Err(e) if is_not_found(e) => H,
                Err(e) => panic!("{name} as {who}: unexpected error {e:?} (fix the fixture)"),
            };
            if got != want {
                failures.push(format!("{name} as {who}: expected {want:?}, got {got:?}"));
            }
            if got != A {
                // A refusal changes nothing: no audit row.
                assert_eq!(
                    audit_rows().await,
                    before,
                    "{name} as {who} left an audit row"
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "matrix mismatches:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn the_submitter_may_edit_and_withdraw_their_own_item() {
    let submitter = with_roles(SUBMITTER, &[MEMBER_ROLE]);
    for cmd in [
        Command::AgendaEdit {
            id: AgendaItemId(1),
            title: Some("Endret".into()),
            details: None,
            status: None,
            version: None,
        },
        Command::AgendaRemove {
            id: AgendaItemId(1),
        },
    ] {
        let service = fresh().await;
        assert!(service.execute(&submitter, WS, cmd).await.outcome.is_ok());
    }
}

/// A guest of one meeting (issue 12, item 4): the role "Færder" invited to meeting 1 of
/// Koordineringsgruppa only. For every row of the matrix the guest is an outsider, except
/// for reading that meeting's notice and case list and submitting an item to it; meeting
/// 2, never invited to, stays "not found".
#[tokio::test]
async fn a_guest_of_one_meeting_is_an_outsider_but_for_that_meeting() {
    const GUEST_ROLE: RoleId = RoleId(77);
    let guest = with_roles(SOMEONE, &[GUEST_ROLE]);
    let invite = Command::MeetingInvite {
        id: MeetingId(1),
        role: Some(GUEST_ROLE),
        user: None,
        also: None,
    };
    let guest_may = |cmd: &Command| match cmd {
        Command::MeetingNotice { id } | Command::MeetingAgenda { id } => *id == MeetingId(1),
        Command::AgendaAdd { meeting, .. } => matches!(meeting, None | Some(MeetingId(1))),
        _ => false,
    };
    let mut rows = commands();
    // The same commands about the meeting the guest is not invited to.
    rows.push((
        "meeting agenda",
        Command::MeetingAgenda { id: MeetingId(2) },
        [A, A, H, H, A],
    ));
    rows.push((
        "meeting notice",
        Command::MeetingNotice { id: MeetingId(2) },
        [A, A, H, H, A],
    ));
    rows.push((
        "agenda add",
        Command::AgendaAdd {
            group: "Koordineringsgruppa".into(),
            title: "Ny sak".into(),
            details: None,
            meeting: Some(MeetingId(2)),
        },
        [A, A, D, D, A],
    ));
    let mut failures = Vec::new();
    for (name, cmd, expected) in rows {
        let service = fresh().await;
        assert!(service
            .execute(&admin(), WS, invite.clone())
            .await
            .outcome
            .is_ok());
        let want = if guest_may(&cmd) { A } else { expected[3] };
        let r = service.execute(&guest, WS, cmd.clone()).await;
        let got = match &r.outcome {
            Ok(_) | Err(ServiceError::Record(_)) | Err(ServiceError::Munis(_)) => A,
            Err(e) if is_denial(e) => D,
            Err(e) if is_not_found(e) => H,
            Err(e) => panic!("{name} as guest: unexpected error {e:?}"),
        };
        if got != want {
            failures.push(format!(
                "{name} ({cmd:?}) as guest: expected {want:?}, got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A body's referent role (`group edit referent_role:`): its members record the meeting
/// (decisions, others' attendance, guests) without being coordinators; publishing the
/// minutes, holding the meeting and changing the group stay the coordinators'.
#[tokio::test]
async fn the_referent_role_records_meetings_but_does_not_coordinate() {
    const REFERENT_ROLE: RoleId = RoleId(77);
    let referent = with_roles(55, &[REFERENT_ROLE]);
    let cases: Vec<(Command, bool)> = vec![
        (
            Command::AgendaDecide {
                id: AgendaItemId(1),
                decision: Some("Vedtatt".into()),
                notes: None,
                responsible: None,
                due: None,
            },
            true,
        ),
        (
            Command::MeetingGuest {
                id: MeetingId(1),
                name: "Gjest".into(),
                agency: None,
            },
            true,
        ),
        (
            Command::MeetingAttend {
                id: MeetingId(1),
                status: AttendanceStatus::Present,
                note: None,
                user: Some(UserId(MEMBER)),
            },
            true,
        ),
        (
            Command::MinutesPublish {
                meeting: MeetingId(1),
            },
            false,
        ),
        (
            Command::MeetingHeld {
                id: MeetingId(1),
                early: Some(true),
            },
            false,
        ),
        (
            Command::MeetingRoles {
                id: MeetingId(1),
                chair: Some(UserId(MEMBER)),
                referent: None,
            },
            false,
        ),
    ];
    for (cmd, allowed) in cases {
        let service = fresh().await;
        // Without the setting the role is nobody to the group.
        let before = service.execute(&referent, WS, cmd.clone()).await;
        assert!(
            matches!(
                before.outcome,
                Err(ServiceError::UnknownMeeting { .. } | ServiceError::UnknownAgendaItem { .. })
            ),
            "{cmd:?}: {:?}",
            before.outcome
        );
        let set = Command::GroupEdit {
            group: "Koordineringsgruppa".into(),
            name: None,
            level: None,
            channel: None,
            coordinator_role: None,
            member_role: None,
            timezone: None,
            language: None,
            referent_role: Some(REFERENT_ROLE),
        };
        assert!(service
            .execute(&coordinator(), WS, set)
            .await
            .outcome
            .is_ok());
        let r = service.execute(&referent, WS, cmd.clone()).await;
        match (&r.outcome, allowed) {
            (Ok(_), true) => {}
            (Err(ServiceError::Forbidden(_)), false) => {}
            (other, _) => panic!("{cmd:?} as referent: {other:?}"),
        }
    }
    // A plain member may still not decide.
    let service = fresh().await;
    let r = service
        .execute(
            &member(),
            WS,
            Command::AgendaDecide {
                id: AgendaItemId(1),
                decision: Some("Vedtatt".into()),
                notes: None,
                responsible: None,
                due: None,
            },
        )
        .await;
    assert!(
        matches!(r.outcome, Err(ServiceError::Forbidden(_))),
        "{r:?}"
    );
}
