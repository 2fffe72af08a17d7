//! Every command, declared once.
//!
//! One entry per command gives its variant and handler, its path as typed (`agenda add`),
//! who may run it ([`Need`]) and how its group is found ([`Scope`]), whether it changes the
//! schedule, what the audit trail calls it, and its options with their types. From this
//! come: the [`Command`] enum (typed values end to end), [`SPECS`] (read by the console
//! parser and `/help`, by the Discord adapter, which builds and registers its slash
//! commands from it, and by the permission check), parsing options into a command, and
//! the service's dispatch to its handler — so a new command is one entry here, one handler
//! and its words in the Fluent files.
//!
//! An option's type decides its kind, limits and suggestions (see [`super::spec`]); free
//! text names its limit from the domain (`= text(Field::Title)`), so Discord's
//! `max_length` and the service's check can never disagree.
//!
//! Entry syntax: `Variant => handler ["path", Need, Scope, audit: AuditAction or -,
//! schedule: yes|no] { option: Type $(= kind)?, … }`. The handler is a `Service` method
//! taking the options in order.

use super::permissions::Need;
use super::spec::{
    CadenceText, CommandSpec, DigestCadenceText, GroupName, OptionError, OptionField, OptionKind,
    OptionSpec, Position, Raw, Scope, SETTING_MAX, WHEN_MAX,
};
use super::{Ctx, Reply, Service, ServiceError};
use crate::domain::followup::Answer;
use crate::domain::minutes::CaseType;
use crate::domain::order::{OrderAnswer, OrderNo};
use crate::domain::record::AttendanceStatus;
use crate::domain::text::Field;
use crate::domain::{
    ActionId, ActionStatus, AgendaItemId, AgendaStatus, AuditAction, ChannelId, Lang, MeetingId,
    RoleId, SltLevel, UserId,
};

const fn text(field: Field) -> OptionKind {
    OptionKind::text(field)
}
const WHEN: OptionKind = OptionKind::Text { max: WHEN_MAX };
const SETTING: OptionKind = OptionKind::Text { max: SETTING_MAX };

macro_rules! commands {
    (@kind $ty:ty) => { <$ty as OptionField>::KIND };
    (@kind $ty:ty, $kind:expr) => { $kind };
    (@audit -) => { None };
    (@audit $a:ident) => { Some(AuditAction::$a) };
    (@flag no) => { false };
    (@flag yes) => { true };
    ($(
        $(#[doc = $doc:literal])*
        $name:ident => $handler:ident [
            $path:literal, $need:ident, $scope:ident, audit: $audit:tt, schedule: $sched:ident
        ] {
            $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty $(= $kind:expr)? ),* $(,)?
        }
    )*) => {
        /// A command with its typed options, as a front end built it.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Command {
            $( $(#[doc = $doc])* $name { $( $(#[doc = $fdoc])* $field: $ty ),* } ),*
        }

        /// The variants without their values, in declaration order (indexes [`SPECS`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Kind { $( $name ),* }

        /// Every command's spec, in declaration order (the order of `/help`).
        pub static SPECS: &[CommandSpec] = &[
            $( CommandSpec {
                path: $path,
                options: &[ $( OptionSpec {
                    name: stringify!($field),
                    kind: commands!(@kind $ty $(, $kind)?),
                    required: <$ty as OptionField>::REQUIRED,
                    complete: <$ty as OptionField>::COMPLETE,
                } ),* ],
                need: Need::$need,
                scope: Scope::$scope,
                changes_schedule: commands!(@flag $sched),
                audit: commands!(@audit $audit),
            } ),*
        ];

        impl Command {
            fn kind(&self) -> Kind {
                match self { $( Command::$name { .. } => Kind::$name ),* }
            }

            /// This command's declaration.
            pub fn spec(&self) -> &'static CommandSpec {
                &SPECS[self.kind() as usize]
            }

            /// Build the command at `path` from its options' raw values (`get` answers
            /// for an option name). `None` for an unknown path.
            pub fn from_options<'a>(
                path: &str,
                mut get: impl FnMut(&str) -> Option<Raw<'a>>,
            ) -> Option<Result<Command, OptionError>> {
                #[allow(unused_mut, unused_variables)]
                let mut build = |path: &str| -> Result<Option<Command>, OptionError> {
                    $( if path == $path {
                        return Ok(Some(Command::$name { $(
                            $field: <$ty as OptionField>::from_option(get(stringify!($field)))
                                .map_err(|problem| OptionError {
                                    option: stringify!($field),
                                    problem,
                                })?
                        ),* }));
                    } )*
                    Ok(None)
                };
                build(path).transpose()
            }
        }

        impl Service {
            /// Run a command's handler (permission and scope already set up in `ctx`).
            pub(super) async fn dispatch(
                &self,
                ctx: &mut Ctx<'_>,
                cmd: Command,
            ) -> Result<Reply, ServiceError> {
                match cmd {
                    $( Command::$name { $( $field ),* } => self.$handler(ctx, $( $field ),*).await ),*
                }
            }
        }
    };
}

commands! {
    GroupCreate => group_create ["group create", WorkspaceCoordinator, Workspace, audit: GroupCreate, schedule: no] {
        name: String = text(Field::Name),
        level: SltLevel,
        channel: Option<ChannelId>,
        coordinator_role: Option<RoleId>,
        member_role: Option<RoleId>,
        timezone: Option<String> = SETTING,
        language: Option<Lang>,
    }

    GroupList => group_list ["group list", Anyone, Workspace, audit: -, schedule: no] {
        archived: Option<bool>,
    }

    GroupShow => group_show ["group show", Member, Group, audit: -, schedule: no] {
        group: GroupName,
    }

    GroupEdit => group_edit ["group edit", Coordinator, Group, audit: GroupEdit, schedule: yes] {
        group: GroupName,
        name: Option<String> = text(Field::Name),
        level: Option<SltLevel>,
        channel: Option<ChannelId>,
        coordinator_role: Option<RoleId>,
        member_role: Option<RoleId>,
        timezone: Option<String> = SETTING,
        language: Option<Lang>,
        /// The role whose members record the body's meetings (decisions, attendance,
        /// guests) without being coordinators.
        referent_role: Option<RoleId>,
    }

    GroupArchive => group_archive ["group archive", Coordinator, Group, audit: GroupArchive, schedule: yes] {
        group: GroupName,
    }

    /// Reminder lead times, agenda deadline, holiday skipping. Members may look; changing
    /// needs a coordinator (checked by the handler).
    GroupReminders => group_reminders ["group reminders", Member, Group, audit: GroupReminders, schedule: yes] {
        group: GroupName,
        leads: Option<String> = SETTING,
        deadline: Option<String> = SETTING,
        skip_holidays: Option<bool>,
    }

    /// What the weekly digest may show of the group: item and action titles (`yes`), or
    /// only meeting times and counts (the default).
    GroupDigest => group_digest ["group digest", Coordinator, Group, audit: GroupDigest, schedule: no] {
        group: GroupName,
        titles: bool,
    }

    /// How long before each meeting the notice (innkalling) is posted, or `off`. Members
    /// may look; changing needs a coordinator (checked by the handler).
    GroupNotice => group_notice ["group notice", Member, Group, audit: GroupNotice, schedule: yes] {
        group: GroupName,
        lead: Option<String> = SETTING,
    }

    /// The group's standing items (members may look; coordinators set them, one per line
    /// or separated by `;`, each `Title` or `Title | type`).
    GroupStanding => standing ["group standing", Member, Group, audit: GroupStanding, schedule: no] {
        group: GroupName,
        items: Option<String> = text(Field::Details),
    }

    /// All of a group's data as JSON and Markdown (GDPR access).
    GroupExport => group_export ["group export", Coordinator, Group, audit: -, schedule: no] {
        group: GroupName,
    }

    /// Delete a group and everything in it; `confirm` repeats the group's name.
    GroupDelete => group_delete ["group delete", Coordinator, Group, audit: GroupDelete, schedule: yes] {
        group: GroupName,
        confirm: Option<String> = text(Field::Name),
    }

    MeetingAdd => meeting_add ["meeting add", Coordinator, Group, audit: MeetingAdd, schedule: yes] {
        group: GroupName,
        at: String = WHEN,
        title: Option<String> = text(Field::Title),
        location: Option<String> = text(Field::Location),
    }

    MeetingList => meeting_list ["meeting list", Member, Group, audit: -, schedule: no] {
        group: GroupName,
    }

    /// The group's meetings of the next twelve months as an `.ics` calendar file.
    MeetingIcs => meeting_ics ["meeting ics", Member, Group, audit: -, schedule: no] {
        group: GroupName,
    }

    MeetingCancel => meeting_cancel ["meeting cancel", Coordinator, Group, audit: MeetingCancel, schedule: yes] {
        id: MeetingId,
    }

    /// Mark a meeting as held: unhandled items carry over to the next meeting.
    MeetingHeld => meeting_held ["meeting held", Coordinator, Group, audit: MeetingHeld, schedule: yes] {
        id: MeetingId,
        /// Hold it before its start time (the reply says it was early).
        early: Option<bool>,
    }

    /// Undo a hold made by mistake: copies not yet dealt with are taken back.
    MeetingReopen => reopen ["meeting reopen", Coordinator, Group, audit: MeetingReopen, schedule: yes] {
        id: MeetingId,
    }

    /// The notice (*innkalling*) of a meeting: time, place, the case list so far, the
    /// deadline for submissions.
    MeetingNotice => meeting_notice ["meeting notice", Guest, Group, audit: -, schedule: no] {
        id: MeetingId,
    }

    /// The meeting's case list: numbers, types, decisions.
    MeetingAgenda => case_list ["meeting agenda", Guest, Group, audit: -, schedule: no] {
        id: MeetingId,
    }

    /// Present or absent (with a note): for oneself, or — as coordinator — for `user`.
    MeetingAttend => attend ["meeting attend", Member, Group, audit: MeetingAttend, schedule: no] {
        id: MeetingId,
        status: AttendanceStatus,
        note: Option<String> = text(Field::Note),
        user: Option<UserId>,
    }

    /// A guest who is not in Discord or comes from another municipality.
    MeetingGuest => guest_add ["meeting guest", Referent, Group, audit: MeetingGuest, schedule: no] {
        id: MeetingId,
        name: String = text(Field::Name),
        agency: Option<String> = text(Field::Agency),
    }

    /// Who chairs the meeting and who takes the minutes.
    MeetingRoles => roles ["meeting roles", Coordinator, Group, audit: MeetingRoles, schedule: no] {
        id: MeetingId,
        chair: Option<UserId>,
        referent: Option<UserId>,
    }

    /// A recurring meeting time (preset words, RFC 5545 or cron); replaces the previous one.
    MeetingSchedule => meeting_schedule ["meeting schedule", Coordinator, Group, audit: MeetingSchedule, schedule: yes] {
        group: GroupName,
        cadence: CadenceText,
        skip_holidays: Option<bool>,
        /// Also show the exact stored rule (RFC 5545) under the words.
        rule: Option<bool>,
    }

    MeetingNext => meeting_next ["meeting next", Member, Group, audit: -, schedule: no] {
        group: GroupName,
    }

    /// Move one meeting (one occurrence of a series, or a one-off).
    MeetingMove => meeting_move ["meeting move", Coordinator, Group, audit: MeetingMove, schedule: yes] {
        id: MeetingId,
        at: String = WHEN,
    }

    AgendaAdd => agenda_add ["agenda add", Guest, Group, audit: AgendaAdd, schedule: no] {
        group: GroupName,
        title: String = text(Field::Title),
        details: Option<String> = text(Field::Details),
        meeting: Option<MeetingId>,
    }

    AgendaList => agenda_list ["agenda list", Member, Group, audit: -, schedule: no] {
        group: GroupName,
        meeting: Option<MeetingId>,
    }

    /// Members may change their own items' text and withdraw them; statuses that decide
    /// the agenda need a coordinator (checked by the handler). `version` is the version the
    /// user saw: a newer stored one means someone else edited in between.
    AgendaEdit => agenda_edit ["agenda edit", Member, Group, audit: AgendaEdit, schedule: no] {
        id: AgendaItemId,
        title: Option<String> = text(Field::Title),
        details: Option<String> = text(Field::Details),
        status: Option<AgendaStatus>,
        version: Option<i64>,
    }

    /// Withdraw an item (kept for the record, hidden from the agenda).
    AgendaRemove => agenda_remove ["agenda remove", Member, Group, audit: AgendaRemove, schedule: no] {
        id: AgendaItemId,
    }

    /// Put a case on its meeting's case list (numbering it) or change its type.
    AgendaCase => case_put ["agenda case", Coordinator, Group, audit: AgendaCase, schedule: no] {
        id: AgendaItemId,
        case_type: Option<CaseType>,
    }

    /// The discussion (`notes`) and decision of a case, who is responsible and by when; the
    /// case is then handled.
    AgendaDecide => decide ["agenda decide", Referent, Group, audit: AgendaDecide, schedule: no] {
        id: AgendaItemId,
        decision: Option<String> = text(Field::Details),
        notes: Option<String> = text(Field::Details),
        responsible: Option<String> = text(Field::Agency),
        due: Option<String> = WHEN,
    }

    AgendaMove => agenda_move ["agenda move", Coordinator, Group, audit: AgendaMove, schedule: no] {
        id: AgendaItemId,
        meeting: Option<MeetingId>,
        position: Option<Position>,
    }

    /// A submission that came after the deadline: onto this meeting's final case list, or
    /// to the next meeting.
    AgendaAdmit => agenda_admit ["agenda admit", Coordinator, Group, audit: AgendaAdmit, schedule: no] {
        id: AgendaItemId,
        meeting: crate::domain::notice::AdmitTo,
    }

    ActionAdd => action_add ["action add", Coordinator, Group, audit: ActionAdd, schedule: yes] {
        group: GroupName,
        title: String = text(Field::Title),
        owner: UserId,
        agency: Option<String> = text(Field::Agency),
        due: Option<String> = WHEN,
        /// The case it came from: listed under that case in the minutes.
        case: Option<AgendaItemId>,
    }

    ActionUpdate => action_update ["action update", Member, Group, audit: ActionUpdate, schedule: yes] {
        id: ActionId,
        status: Option<ActionStatus>,
        note: Option<String> = text(Field::Note),
    }

    /// Rewrite a progress note (to anonymise it, say): its author or a coordinator.
    /// `update` is the note's number in the action's history.
    ActionNote => action_note ["action note", Member, Group, audit: ActionNote, schedule: no] {
        id: ActionId,
        update: Position,
        note: String = text(Field::Note),
    }

    /// Without `group`: the actor's groups only, shown only to them.
    ActionList => action_list ["action list", Member, OptionalGroup, audit: -, schedule: no] {
        group: Option<GroupName>,
        owner: Option<UserId>,
        status: Option<ActionStatus>,
        overdue: Option<bool>,
    }

    ActionShow => action_show ["action show", Member, Group, audit: -, schedule: no] {
        id: ActionId,
    }

    /// Recent changes in a group.
    Audit => audit ["audit", Coordinator, Group, audit: -, schedule: no] {
        group: GroupName,
    }

    /// The minutes of a meeting, built from its record (a draft until published).
    MinutesShow => minutes_show ["minutes show", Member, Group, audit: -, schedule: no] {
        meeting: MeetingId,
    }

    /// Publish the minutes of a held meeting.
    MinutesPublish => minutes_publish ["minutes publish", Coordinator, Group, audit: MinutesPublish, schedule: yes] {
        meeting: MeetingId,
    }

    /// Approve published minutes at a later meeting (`at`); also done by deciding that
    /// meeting's "Godkjenning av referat" case.
    MinutesApprove => minutes_approve ["minutes approve", Coordinator, Group, audit: MinutesApprove, schedule: no] {
        meeting: MeetingId,
        at_meeting: MeetingId,
    }

    /// The weekly digest's channel, cadence and next run.
    DigestShow => digest_show ["digest show", Anyone, Workspace, audit: -, schedule: no] {
        rule: Option<bool>,
        /// Instead: the digest of this municipality's bodies as it stands now.
        municipality: Option<String> = text(Field::Name),
    }

    /// Change the digest's channel or cadence (default Monday 08:00).
    DigestSet => digest_set ["digest set", Admin, Workspace, audit: DigestSet, schedule: yes] {
        channel: Option<ChannelId>,
        cadence: Option<DigestCadenceText>,
        rule: Option<bool>,
    }

    /// The year at a glance (årshjul): every group's meetings of a year as a picture.
    Plan => plan_year ["plan", Anyone, Workspace, audit: -, schedule: no] {
        year: Option<i64>,
    }

    /// The server's settings.
    WorkspaceShow => workspace_show ["workspace show", Anyone, Workspace, audit: -, schedule: no] {}

    /// Discord scheduled events for the group's meetings: on or off (off by default), and
    /// the voice channel they are held in (else the meeting's place). Members may look;
    /// changing needs a coordinator (checked by the handler).
    GroupEvents => group_events ["group events", Member, Group, audit: GroupEvents, schedule: yes] {
        group: GroupName,
        enabled: Option<bool>,
        voice: Option<ChannelId>,
        /// `yes`: hold the events at the meeting's place again (no voice channel).
        place: Option<bool>,
    }

    /// The permission self-check: can the bot see, post and ping where sltbot is set up to,
    /// and create events; what to change in Discord's settings if not.
    WorkspaceCheck => workspace_check ["workspace check", WorkspaceCoordinator, Workspace, audit: -, schedule: no] {}

    /// Timezone, language, SLT-koordinator role, digest channel.
    WorkspaceSet => workspace_set ["workspace set", Admin, Workspace, audit: WorkspaceSet, schedule: yes] {
        timezone: Option<String> = SETTING,
        language: Option<Lang>,
        coordinator_role: Option<RoleId>,
        digest_channel: Option<ChannelId>,
    }

    /// Order work from another body (a report, when it goes to a higher level): it goes
    /// on that body's next case list and is posted to its coordinators.
    OrderAdd => order_add ["order add", Coordinator, Group, audit: OrderAdd, schedule: yes] {
        from: GroupName,
        to: GroupName,
        title: String = text(Field::Title),
        details: Option<String> = text(Field::Details),
        due: Option<String> = WHEN,
        /// The ordering body's case it comes from.
        case: Option<AgendaItemId>,
    }

    /// The receiving body's answer: it goes on the ordering body's next case list.
    OrderReply => order_reply ["order reply", Coordinator, Group, audit: OrderReply, schedule: yes] {
        id: OrderNo,
        status: OrderAnswer,
        text: String = text(Field::Note),
    }

    /// Without `group`: the orders of the actor's bodies, shown only to them.
    OrderList => order_list ["order list", Member, OptionalGroup, audit: -, schedule: no] {
        group: Option<GroupName>,
        open: Option<bool>,
    }

    /// One order with its history.
    OrderShow => order_show ["order show", Member, Group, audit: -, schedule: no] {
        id: OrderNo,
    }

    /// Per body the actor coordinates: next meeting, cases, actions, orders, minutes.
    Overview => overview ["overview", Anyone, Workspace, audit: -, schedule: no] {}
    /// A municipality of an inter-municipal setup: kommunenummer (4 digits) and name.
    MunicipalityAdd => municipality_add ["municipality add", WorkspaceCoordinator, Workspace, audit: MunicipalityAdd, schedule: no] {
        number: String = SETTING,
        name: String = text(Field::Name),
        /// Where the weekly digest of its own bodies goes, if anywhere.
        digest_channel: Option<ChannelId>,
    }

    /// Rename a municipality or set where its own weekly digest goes.
    MunicipalityEdit => municipality_edit ["municipality edit", WorkspaceCoordinator, Workspace, audit: MunicipalityEdit, schedule: no] {
        municipality: String = text(Field::Name),
        name: Option<String> = text(Field::Name),
        digest_channel: Option<ChannelId>,
        /// Stop its own digest.
        no_digest: Option<bool>,
    }

    MunicipalityList => municipality_list ["municipality list", Anyone, Workspace, audit: -, schedule: no] {}

    /// Refused while bodies belong to it.
    MunicipalityRemove => municipality_remove ["municipality remove", WorkspaceCoordinator, Workspace, audit: MunicipalityRemove, schedule: no] {
        municipality: String = text(Field::Name),
    }

    /// The municipalities the group belongs to. Members may look; coordinators set them
    /// (numbers or names separated by commas; `ingen`/`none` clears).
    GroupMunicipalities => group_municipalities ["group municipalities", Member, Group, audit: GroupMunicipalities, schedule: no] {
        group: GroupName,
        municipalities: Option<String> = text(Field::Title),
    }

    /// Invite a role (e.g. another municipality's) or a user as a guest of this meeting
    /// and of the meetings listed in `also` only.
    MeetingInvite => meeting_invite ["meeting invite", Coordinator, Group, audit: MeetingInvite, schedule: no] {
        id: MeetingId,
        role: Option<RoleId>,
        user: Option<UserId>,
        also: Option<String> = SETTING,
    }

    /// The exports of the municipality's groups the actor coordinates (all of them for the
    /// SLT-koordinator), as JSON and Markdown.
    MunicipalityExport => municipality_export ["municipality export", Anyone, Workspace, audit: -, schedule: no] {
        municipality: String = text(Field::Name),
    }

    MeetingUninvite => meeting_uninvite ["meeting uninvite", Coordinator, Group, audit: MeetingUninvite, schedule: no] {
        id: MeetingId,
        role: Option<RoleId>,
        user: Option<UserId>,
    }

    /// Answer the follow-up round's question about an action (its owner, or a coordinator):
    /// `done` closes the action, a note becomes a progress note. `meeting`: which round
    /// (default the latest still to be held).
    ActionFollowup => followup_answer ["action followup", Member, Group, audit: FollowupAnswer, schedule: no] {
        id: ActionId,
        answer: Option<Answer>,
        note: Option<String> = text(Field::Note),
        meeting: Option<MeetingId>,
    }

    /// The meeting's follow-up round: who was asked, who answered what, who is silent.
    MeetingFollowup => followup_show ["meeting followup", Coordinator, Group, audit: -, schedule: no] {
        id: MeetingId,
    }

    /// When the follow-up round asks before each meeting (`7d`, `48h`, `none`). Members
    /// may look; changing needs a coordinator (checked by the handler).
    GroupFollowup => followup_settings ["group followup", Member, Group, audit: GroupFollowup, schedule: yes] {
        group: GroupName,
        ask: Option<String> = SETTING,
    }
}

/// The spec of the command at `path`.
pub fn spec(path: &str) -> Option<&'static CommandSpec> {
    SPECS.iter().find(|s| s.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn paths_and_option_names_are_unique_and_discord_safe() {
        let mut paths = HashSet::new();
        for s in SPECS {
            assert!(paths.insert(s.path), "{} twice", s.path);
            let words: Vec<_> = s.path.split(' ').collect();
            assert!((1..=2).contains(&words.len()), "{}", s.path);
            let mut names = HashSet::new();
            let mut optional_seen = false;
            for o in s.options {
                assert!(names.insert(o.name), "{}: {} twice", s.path, o.name);
                assert!(
                    o.name.len() <= 32
                        && o.name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                );
                // Discord wants required options first.
                assert!(
                    !(o.required && optional_seen),
                    "{}: {} after an optional",
                    s.path,
                    o.name
                );
                optional_seen |= !o.required;
            }
        }
    }

    #[test]
    fn a_command_knows_its_own_spec() {
        let cmd = Command::from_options("agenda add", |name| match name {
            "group" => Some(Raw::Text("Koordineringsgruppa")),
            "title" => Some(Raw::Text("Uro")),
            "meeting" => Some(Raw::Text("4")),
            _ => None,
        })
        .unwrap()
        .unwrap();
        assert_eq!(cmd.spec().path, "agenda add");
        assert_eq!(
            cmd,
            Command::AgendaAdd {
                group: "Koordineringsgruppa".into(),
                title: "Uro".into(),
                details: None,
                meeting: Some(MeetingId(4)),
            }
        );
        for s in SPECS {
            // Every path builds its own variant (required options given as "1").
            let built = Command::from_options(s.path, |name| {
                s.option(name).filter(|o| o.required).map(|o| match o.kind {
                    OptionKind::User => Raw::User(1),
                    OptionKind::Role => Raw::Role(1),
                    OptionKind::Channel => Raw::Channel(1),
                    OptionKind::Bool => Raw::Bool(true),
                    OptionKind::Choice { .. } | OptionKind::Integer { .. } => Raw::Int(1),
                    OptionKind::Text { .. } => Raw::Text("1"),
                })
            });
            assert_eq!(built.unwrap().unwrap().spec().path, s.path);
        }
    }

    #[test]
    fn text_limits_come_from_the_domain() {
        let note = spec("action update").unwrap().option("note").unwrap();
        assert_eq!(
            note.kind,
            OptionKind::Text {
                max: Field::Note.max_len()
            }
        );
        let title = spec("agenda add").unwrap().option("title").unwrap();
        assert_eq!(
            title.kind,
            OptionKind::Text {
                max: Field::Title.max_len()
            }
        );
    }

    #[test]
    fn a_missing_required_option_is_named() {
        let err = Command::from_options("meeting held", |_| None)
            .unwrap()
            .unwrap_err();
        assert_eq!(err.option, "id");
        assert_eq!(err.problem, super::super::spec::Problem::Missing);
    }
}
