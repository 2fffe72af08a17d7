//! Golden texts: what a user reads, in bokmål, nynorsk and English, kept as reviewable
//! snapshots in `tests/snapshots/` (insta; a changed text fails the test and shows the diff;
//! `INSTA_UPDATE=always cargo test --test goldens` rewrites them, then review `git diff`).
//!
//! Every reply and every error is driven through the real service on a real SQLite file
//! with a settable clock — console lines parsed by the real console parser, typed commands
//! where only Discord can send them — and rendered as the console prints it
//! (`Style::Plain`). Each scenario runs once per language in a workspace set to that
//! language; a snapshot shows each step once, with its text in the three languages under
//! one another. Scheduled messages (reminder, deadline call, overdue pings, digest, the
//! delivery-failure notices) are sent by the real scheduler on the same kind of story, for
//! the console and for Discord.
//!
//! Coverage is checked, not hoped for: [`reply_variant`] and [`error_kind`] are exhaustive
//! matches, so a new `Reply` variant or error does not compile until it is named here, and
//! once named the golden test fails until a scenario shows it.

mod support;

use futures::future::LocalBoxFuture;
use sltbot::console::parser::{self, ParseError};
use sltbot::console::{self, ConsoleError, Request};
use sltbot::domain::municipality::NumberError;
use sltbot::domain::text::TextError;
use sltbot::domain::{Lang, UserId};
use sltbot::notify::{Delivery, DeliveryError, Outbound, Outbox, Refusal, Sent};
use sltbot::render::{self, Style};
use sltbot::scheduler::messages::failures_notice;
use sltbot::scheduler::Scheduler;
use sltbot::service::munis::{MunisError, MunisReply};
use sltbot::service::spec::Problem;
use sltbot::service::{
    Actor, Command, OptionError, OrderError, OrderReply, RecordError, RecordReply, Reply,
    ServiceError,
};
use sltbot::service::{FollowupError, FollowupReply};
use sltbot::service::{NoticeError, NoticeReply};
use sltbot::store::StoreError;
use std::collections::BTreeSet;
use support::env::*;
use support::sched::Env as SchedEnv;

/// Builds `fn $name(&$ty) -> &'static str` as one exhaustive match, and `$all`, the list of
/// every label, from the same arms: what the match must name, the list holds.
macro_rules! every {
    ($name:ident, $all:ident, $ty:ty { $($pat:pat => $label:literal),* $(,)? }) => {
        fn $name(v: &$ty) -> &'static str {
            match v { $($pat => $label),* }
        }
        const $all: &[&str] = &[$($label),*];
    };
}

every!(reply_variant, REPLY_VARIANTS, Reply {
    Reply::Workspace(..) => "Reply::Workspace",
    Reply::WorkspaceUpdated(..) => "Reply::WorkspaceUpdated",
    Reply::GroupCreated(..) => "Reply::GroupCreated",
    Reply::GroupList(..) => "Reply::GroupList",
    Reply::GroupShown { .. } => "Reply::GroupShown",
    Reply::GroupEdited(..) => "Reply::GroupEdited",
    Reply::GroupArchived(..) => "Reply::GroupArchived",
    Reply::MeetingAdded { .. } => "Reply::MeetingAdded",
    Reply::MeetingList { .. } => "Reply::MeetingList",
    Reply::MeetingCancelled { .. } => "Reply::MeetingCancelled",
    Reply::Record(..) => "Reply::Record",
    Reply::Order(..) => "Reply::Order",
    Reply::AgendaAdded { .. } => "Reply::AgendaAdded",
    Reply::AgendaList { .. } => "Reply::AgendaList",
    Reply::AgendaEdited { .. } => "Reply::AgendaEdited",
    Reply::AgendaRemoved { .. } => "Reply::AgendaRemoved",
    Reply::AgendaMoved { .. } => "Reply::AgendaMoved",
    Reply::ActionAdded { .. } => "Reply::ActionAdded",
    Reply::ActionUpdated { .. } => "Reply::ActionUpdated",
    Reply::ActionList { .. } => "Reply::ActionList",
    Reply::ActionNoteEdited { .. } => "Reply::ActionNoteEdited",
    Reply::ActionShown { .. } => "Reply::ActionShown",
    Reply::Audit { .. } => "Reply::Audit",
    Reply::Export(..) => "Reply::Export",
    Reply::Calendar(..) => "Reply::Calendar",
    Reply::GroupDeleted { .. } => "Reply::GroupDeleted",
    Reply::MeetingScheduled { .. } => "Reply::MeetingScheduled",
    Reply::MeetingNext { .. } => "Reply::MeetingNext",
    Reply::MeetingMoved { .. } => "Reply::MeetingMoved",
    Reply::GroupReminders { .. } => "Reply::GroupReminders",
    Reply::DigestSettings { .. } => "Reply::DigestSettings",
    Reply::Munis(..) => "Reply::Munis",
    Reply::Notice(..) => "Reply::Notice",
    Reply::Followup(..) => "Reply::Followup",
    Reply::WorkspaceCheck(..) => "Reply::WorkspaceCheck",
    Reply::GroupEvents(..) => "Reply::GroupEvents",
    Reply::YearPlan(..) => "Reply::YearPlan",
});

every!(error_kind, ERROR_KINDS, ServiceError {
    ServiceError::Forbidden(_) => "error: forbidden",
    ServiceError::UnknownGroup { .. } => "error: unknown group",
    ServiceError::GroupArchived { .. } => "error: group archived",
    ServiceError::UnknownMeeting { .. } => "error: unknown meeting",
    ServiceError::UnknownAgendaItem { .. } => "error: unknown agenda item",
    ServiceError::UnknownAction { .. } => "error: unknown action",
    ServiceError::Text(TextError::Empty { .. }) => "error: text empty",
    ServiceError::Text(TextError::TooLong { .. }) => "error: text too long",
    ServiceError::Text(TextError::ControlCharacter { .. }) => "error: text control character",
    ServiceError::Text(TextError::PersonalData { .. }) => "error: text personal data",
    ServiceError::InvalidDate { .. } => "error: invalid date",
    ServiceError::InvalidDateTime { .. } => "error: invalid date and time",
    ServiceError::DateInPast { .. } => "error: date in the past",
    ServiceError::DuplicateGroupName { .. } => "error: duplicate group name",
    ServiceError::DuplicateAgendaItem { .. } => "error: duplicate agenda item",
    ServiceError::InvalidTimezone { .. } => "error: invalid timezone",
    ServiceError::MeetingClosed { .. } => "error: meeting closed",
    ServiceError::MeetingNotScheduled { .. } => "error: meeting not scheduled",
    ServiceError::ItemClosed { .. } => "error: item closed",
    ServiceError::NotYourItem { .. } => "error: not your item",
    ServiceError::StatusNeedsCoordinator { .. } => "error: status needs a coordinator",
    ServiceError::NothingToChange => "error: nothing to change",
    ServiceError::InvalidPosition { .. } => "error: invalid position",
    ServiceError::EditConflict => "error: edit conflict",
    ServiceError::ConfirmationRequired { .. } => "error: confirmation required",
    ServiceError::LimitReached { .. } => "error: limit reached",
    ServiceError::InvalidCadence(_) => "error: invalid cadence",
    ServiceError::CadenceTooFrequent => "error: cadence too frequent",
    ServiceError::InvalidLeads { .. } => "error: invalid lead times",
    ServiceError::InvalidDuration { .. } => "error: invalid duration",
    ServiceError::Store(StoreError::ReadOnly) => "fault: database read-only",
    ServiceError::Store(StoreError::Locked) => "fault: database locked",
    ServiceError::Store(_) => "fault: store",
    ServiceError::Internal => "fault: internal",
    ServiceError::Record(..) => "error: record",
    ServiceError::Munis(..) => "error: munis",
    ServiceError::Notice(..) => "error: notice",
    ServiceError::Followup(..) => "error: followup",
    ServiceError::Order(..) => "error: order",
    ServiceError::InvalidYear { .. } => "error: invalid year",
});

every!(notice_variant, NOTICE_VARIANTS, NoticeReply {
    NoticeReply::Settings { lead: Some(_), .. } => "Reply::Notice::Settings",
    NoticeReply::Settings { lead: None, .. } => "Reply::Notice::Settings (off)",
    NoticeReply::LateSubmitted { .. } => "Reply::Notice::LateSubmitted",
    NoticeReply::Admitted { case: Some(_), .. } => "Reply::Notice::Admitted (this meeting)",
    NoticeReply::Admitted { case: None, .. } => "Reply::Notice::Admitted (next meeting)",
});

every!(notice_error, NOTICE_ERRORS, NoticeError {
    NoticeError::NotLate { .. } => "error: notice: not late",
    NoticeError::InvalidLead { .. } => "error: notice: invalid lead",
});

every!(record_variant, RECORD_VARIANTS, RecordReply {
    RecordReply::CasePut { .. } => "Reply::Record::CasePut",
    RecordReply::CaseList { .. } => "Reply::Record::CaseList",
    RecordReply::Notice { .. } => "Reply::Record::Notice",
    RecordReply::Standing { .. } => "Reply::Record::Standing",
    RecordReply::Held { .. } => "Reply::Record::Held",
    RecordReply::Reopened { .. } => "Reply::Record::Reopened",
    RecordReply::Decided { .. } => "Reply::Record::Decided",
    RecordReply::Attended { .. } => "Reply::Record::Attended",
    RecordReply::GuestAdded { .. } => "Reply::Record::GuestAdded",
    RecordReply::Roles { .. } => "Reply::Record::Roles",
    RecordReply::Minutes { .. } => "Reply::Record::Minutes",
    RecordReply::MinutesPublished { .. } => "Reply::Record::MinutesPublished",
    RecordReply::MinutesApproved { .. } => "Reply::Record::MinutesApproved",
});

every!(record_error, RECORD_ERRORS, RecordError {
    RecordError::HeldBeforeStart { .. } => "error: record: held before start",
    RecordError::MeetingAtSameTime { .. } => "error: record: meeting at the same time",
    RecordError::NotHeld { .. } => "error: record: not held",
    RecordError::NoMeeting { .. } => "error: record: item on no meeting",
    RecordError::InvalidCaseType { .. } => "error: record: invalid case type",
    RecordError::TooManyStanding { .. } => "error: record: too many standing items",
    RecordError::NothingRecorded { .. } => "error: record: nothing recorded",
    RecordError::MinutesNotPublished { .. } => "error: record: minutes not published",
    RecordError::MinutesAlreadyPublished { .. } => "error: record: minutes already published",
});

every!(order_variant, ORDER_VARIANTS, OrderReply {
    OrderReply::Added { .. } => "Reply::Order::Added",
    OrderReply::Answered { .. } => "Reply::Order::Answered",
    OrderReply::List { .. } => "Reply::Order::List",
    OrderReply::Shown { .. } => "Reply::Order::Shown",
    OrderReply::Overview { .. } => "Reply::Order::Overview",
});

every!(order_error, ORDER_ERRORS, OrderError {
    OrderError::Unknown { .. } => "error: order: unknown",
    OrderError::SameBody => "error: order: to the same body",
    OrderError::AnswerNotAllowed { .. } => "error: order: answer not allowed",
    OrderError::CaseNotFromBody { .. } => "error: order: case of another body",
});

every!(munis_variant, MUNIS_VARIANTS, MunisReply {
    MunisReply::Added(..) => "Reply::Munis::Added",
    MunisReply::List(..) => "Reply::Munis::List",
    MunisReply::Removed(..) => "Reply::Munis::Removed",
    MunisReply::Edited(..) => "Reply::Munis::Edited",
    MunisReply::GroupMunicipalities { .. } => "Reply::Munis::GroupMunicipalities",
    MunisReply::Invited { .. } => "Reply::Munis::Invited",
    MunisReply::Uninvited { .. } => "Reply::Munis::Uninvited",
    MunisReply::Digest { .. } => "Reply::Munis::Digest",
    MunisReply::Export(..) => "Reply::Munis::Export",
});

every!(munis_error, MUNIS_ERRORS, MunisError {
    MunisError::InvalidNumber { problem: NumberError::NotFourDigits } => "error: munis: not four digits",
    MunisError::InvalidNumber { problem: NumberError::UnknownCounty } => "error: munis: unknown county",
    MunisError::DuplicateNumber { .. } => "error: munis: duplicate number",
    MunisError::UnknownMunicipality { .. } => "error: munis: unknown municipality",
    MunisError::MunicipalityInUse { .. } => "error: munis: municipality in use",
    MunisError::GuestMissing => "error: munis: guest missing",
    MunisError::NotInvited { .. } => "error: munis: not invited",
    MunisError::InvalidMeetingList => "error: munis: invalid meeting list",
});

every!(followup_variant, FOLLOWUP_VARIANTS, FollowupReply {
    FollowupReply::Answered { .. } => "Reply::Followup::Answered",
    FollowupReply::Round { .. } => "Reply::Followup::Round",
    FollowupReply::Settings { .. } => "Reply::Followup::Settings",
});

every!(followup_error, FOLLOWUP_ERRORS, FollowupError {
    FollowupError::NotAsked { .. } => "error: followup: not asked",
    FollowupError::InvalidLead { .. } => "error: followup: invalid lead",
});

/// The most precise label of an outcome: the record's own variants named one by one.
fn outcome_label(outcome: &Result<Reply, ServiceError>) -> &'static str {
    match outcome {
        Ok(Reply::Record(r)) => record_variant(r),
        Ok(Reply::Munis(r)) => munis_variant(r),
        Ok(Reply::Notice(r)) => notice_variant(r),
        Err(ServiceError::Notice(e)) => notice_error(e),
        Ok(Reply::Followup(r)) => followup_variant(r),
        Err(ServiceError::Followup(e)) => followup_error(e),
        Ok(Reply::Order(r)) => order_variant(r),
        Ok(reply) => reply_variant(reply),
        Err(ServiceError::Record(e)) => record_error(e),
        Err(ServiceError::Order(e)) => order_error(e),
        Err(ServiceError::Munis(e)) => munis_error(e),
        Err(e) => error_kind(e),
    }
}

every!(console_kind, CONSOLE_KINDS, ConsoleError {
    ConsoleError::Parse(ParseError::LineTooLong { .. }) => "console: line too long",
    ConsoleError::Parse(ParseError::ControlCharacter { .. }) => "console: control character",
    ConsoleError::Parse(ParseError::MissingCommand { .. }) => "console: missing command",
    ConsoleError::Parse(ParseError::UnbalancedQuote { .. }) => "console: unbalanced quote",
    ConsoleError::Parse(ParseError::OptionWithoutValue { .. }) => "console: option without value",
    ConsoleError::Parse(ParseError::UnexpectedToken { .. }) => "console: unexpected text",
    ConsoleError::Parse(ParseError::DuplicateOption { .. }) => "console: option twice",
    ConsoleError::Parse(ParseError::BadOptionName { .. }) => "console: bad option name",
    ConsoleError::UnknownCommand { .. } => "console: unknown command",
    ConsoleError::UnknownOption { .. } => "console: unknown option",
    ConsoleError::Option { error: OptionError { problem: Problem::Missing, .. }, .. } => "option: missing",
    ConsoleError::Option { error: OptionError { problem: Problem::NotANumber, .. }, .. } => "option: not a number",
    ConsoleError::Option { error: OptionError { problem: Problem::TooSmall { .. }, .. }, .. } => "option: too small",
    ConsoleError::Option { error: OptionError { problem: Problem::NotAUser, .. }, .. } => "option: not a user",
    ConsoleError::Option { error: OptionError { problem: Problem::NotARole, .. }, .. } => "option: not a role",
    ConsoleError::Option { error: OptionError { problem: Problem::NotAChannel, .. }, .. } => "option: not a channel",
    ConsoleError::Option { error: OptionError { problem: Problem::NotYesNo, .. }, .. } => "option: not yes or no",
    ConsoleError::Option { error: OptionError { problem: Problem::NotAChoice { .. }, .. }, .. } => "option: not a choice",
});

/// Who types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// Server admin (Manage Server), outside any group channel.
    Admin,
    /// Koordineringsgruppa's coordinator, in its channel.
    Coordinator,
    /// A member of Koordineringsgruppa, in its channel.
    Member,
    /// In no group.
    Outsider,
    /// In no group, with the role [`GUEST_ROLE`] invited to chosen meetings ("Færder").
    Guest,
    /// Nobody typed it: a fault rendered as the user would get it.
    Fault,
}

impl Who {
    fn actor(self) -> Actor {
        let mut a = match self {
            Who::Admin | Who::Fault => admin(),
            Who::Coordinator => coordinator(),
            Who::Member => member(),
            Who::Outsider => outsider(),
            Who::Guest => with_roles(SOMEONE, &[GUEST_ROLE]),
        };
        if matches!(self, Who::Coordinator | Who::Member) {
            a.channel = Some(GROUP_CHANNEL);
        }
        a
    }

    fn label(self) -> &'static str {
        match self {
            Who::Admin => "admin",
            Who::Coordinator => "coordinator",
            Who::Member => "member",
            Who::Outsider => "outsider",
            Who::Guest => "guest",
            Who::Fault => "fault",
        }
    }
}

/// One recorded step: which snapshot it belongs to, what was typed, what came back.
struct Entry {
    snapshot: &'static str,
    who: Who,
    input: String,
    outcome: &'static str,
    text: String,
}

/// A scenario running in one language: a fresh database, the clock at [`t0`].
struct Run {
    env: Env,
    lang: Lang,
    entries: Vec<Entry>,
}

impl Run {
    async fn new(lang: Lang) -> Run {
        let mut run = Run {
            env: Env::new().await,
            lang,
            entries: Vec::new(),
        };
        let set = format!(
            "/workspace set language:{} digest_channel:<#300>",
            lang.code()
        );
        run.setup(Who::Admin, &set).await;
        run
    }

    /// Run a console line as the console does: parse, build the command, run it, render.
    async fn line(&self, who: Who, line: &str) -> (&'static str, bool, String) {
        let parsed = match parser::parse_line(line) {
            Ok(Some(p)) => p,
            Ok(None) => panic!("not a command line: {line}"),
            Err(e) => {
                let e = ConsoleError::Parse(e);
                return (console_kind(&e), false, e.render(self.lang));
            }
        };
        match console::to_request(&parsed) {
            Err(e) => (console_kind(&e), false, e.render(self.lang)),
            Ok(Request::Help) => ("console: help", true, console::help(self.lang)),
            Ok(Request::Run(cmd)) => self.command(who, cmd).await,
        }
    }

    /// Run a typed command (as the Discord adapter builds it) and render the response.
    async fn command(&self, who: Who, cmd: Command) -> (&'static str, bool, String) {
        let r = self.env.service.execute(&who.actor(), WS, cmd).await;
        let mut text = render::response(&r, Style::Plain);
        let outcome = outcome_label(&r.outcome);
        if let Ok(Reply::Export(export)) = &r.outcome {
            text.push_str("\n\n[Markdown]\n");
            text.push_str(&render::export_markdown(r.lang, r.tz, export));
        }
        (outcome, r.outcome.is_ok(), text)
    }

    /// A step the story needs but no snapshot shows; it must succeed.
    async fn setup(&mut self, who: Who, line: &str) {
        let (_, ok, text) = self.line(who, line).await;
        assert!(ok, "setup failed ({}): {line}\n→ {text}", self.lang.code());
    }

    async fn step(&mut self, snapshot: &'static str, who: Who, line: &str) {
        let (outcome, _, text) = self.line(who, line).await;
        self.record(snapshot, who, line.to_string(), outcome, text);
    }

    /// A step a user types in their own language: `[nb, nn, en]`.
    async fn step_each(&mut self, snapshot: &'static str, who: Who, lines: [&str; 3]) {
        let i = Lang::ALL
            .iter()
            .position(|l| *l == self.lang)
            .expect("a language");
        self.step(snapshot, who, lines[i]).await;
    }

    async fn step_cmd(&mut self, snapshot: &'static str, who: Who, label: &str, cmd: Command) {
        let (outcome, _, text) = self.command(who, cmd).await;
        self.record(snapshot, who, label.to_string(), outcome, text);
    }

    /// A fault no input can cause on purpose, rendered as the user would read it.
    fn fault(&mut self, snapshot: &'static str, label: &str, e: ServiceError) {
        let text = render::error(self.lang, &e);
        self.record(
            snapshot,
            Who::Fault,
            label.to_string(),
            outcome_label(&Err(e)),
            text,
        );
    }

    fn record(
        &mut self,
        snapshot: &'static str,
        who: Who,
        input: String,
        outcome: &'static str,
        text: String,
    ) {
        // Control characters shown as their symbols (␇), so the header stays readable.
        let input = input
            .chars()
            .map(|c| match c as u32 {
                n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or(c),
                _ => c,
            })
            .collect();
        self.entries.push(Entry {
            snapshot,
            who,
            input,
            outcome,
            text,
        });
    }
}

/// A scenario: steps on a [`Run`] (a plain `fn` returning its future, for Rust 1.80).
type Scenario = for<'a> fn(&'a mut Run) -> LocalBoxFuture<'a, ()>;

/// Runs `scenario` in nb, nn and en, checks that every language did the same thing, and
/// asserts one snapshot per snapshot name: each step once, its text in each language.
/// Returns every outcome seen.
async fn golden(scenario: Scenario) -> BTreeSet<&'static str> {
    let mut runs = Vec::new();
    for lang in Lang::ALL {
        let mut run = Run::new(lang).await;
        scenario(&mut run).await;
        runs.push(run);
    }
    let steps = runs[0].entries.len();
    for run in &runs {
        assert_eq!(
            run.entries.len(),
            steps,
            "{} took other steps",
            run.lang.code()
        );
    }
    let mut names: Vec<&'static str> = Vec::new();
    for e in &runs[0].entries {
        if !names.contains(&e.snapshot) {
            names.push(e.snapshot);
        }
    }
    let mut seen = BTreeSet::new();
    for name in names {
        let mut out = String::new();
        for i in 0..steps {
            let first = &runs[0].entries[i];
            if first.snapshot != name {
                continue;
            }
            for run in &runs[1..] {
                let e = &run.entries[i];
                assert_eq!(
                    (e.snapshot, e.outcome),
                    (first.snapshot, first.outcome),
                    "{} answered «{}» otherwise than nb",
                    run.lang.code(),
                    e.input
                );
            }
            seen.insert(first.outcome);
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&format!(
                "{} › {}\n→ {}",
                first.who.label(),
                first.input,
                first.outcome
            ));
            for run in &runs {
                let e = &run.entries[i];
                // A step typed in each language's own words shows what was typed.
                let typed = if e.input == first.input {
                    String::new()
                } else {
                    format!(" › {}", e.input)
                };
                out.push_str(&format!("\n── {}{typed}\n{}", run.lang.code(), e.text));
            }
        }
        insta::assert_snapshot!(name, out);
    }
    seen
}

/// Asserts that `seen` holds every label of `all`.
fn assert_covered(all: &[&str], seen: &BTreeSet<&'static str>, what: &str) {
    let missing: Vec<_> = all.iter().filter(|k| !seen.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "{what} without a golden: {missing:?} (add a step to a scenario)"
    );
}

/// A day in the story, as the settable clock sees it (Oslo time is UTC+1 in winter).
fn set_clock(run: &Run, rfc3339: &str) {
    run.env.clock.set(at(rfc3339));
}

async fn replies(r: &mut Run) {
    use Who::*;
    r.step(
        "workspace",
        Admin,
        "/workspace set timezone:Europe/Oslo coordinator_role:<@&5>",
    )
    .await;
    r.step("workspace", Member, "/workspace show").await;
    r.step("group_list", Member, "/group list").await;
    r.step("group_create", Admin, "/group create name:Koordineringsgruppa level:koordinerende channel:<#100> coordinator_role:<@&10> member_role:<@&11>")
        .await;
    r.step("group_create", Admin, "/group create name:Styringsgruppa level:styrende channel:<#200> coordinator_role:<@&20> member_role:<@&21>")
        .await;
    r.step(
        "group_create",
        Admin,
        "/group create name:Ungdomsteamet level:utforende",
    )
    .await;
    r.step("group_list", Member, "/group list").await;
    r.step("group_show", Admin, "/group show group:Ungdomsteamet")
        .await;
    r.step(
        "group_edit",
        Admin,
        "/group edit group:Ungdomsteamet level:annet channel:<#400>",
    )
    .await;

    r.step(
        "meeting_list",
        Member,
        "/meeting list group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "meeting_next",
        Member,
        "/meeting next group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "agenda_add",
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Uro ved ungdomsklubben på Åsen\"",
    )
    .await;
    r.step("meeting_add", Coordinator, "/meeting add group:Koordineringsgruppa at:\"12.01.2027 kl. 09.00\" title:Januarmøtet location:\"Rådhuset, møterom Ærfugl\"")
        .await;
    r.step(
        "meeting_add",
        Coordinator,
        "/meeting add group:Koordineringsgruppa at:\"09.02.2027 kl. 09.00\"",
    )
    .await;
    r.setup(
        Coordinator,
        "/meeting add group:Koordineringsgruppa at:\"09.03.2027 kl. 09.00\"",
    )
    .await;
    r.step(
        "meeting_list",
        Member,
        "/meeting list group:Koordineringsgruppa",
    )
    .await;
    // Details over two lines come from Discord's form; a console line is one line.
    r.step_cmd(
        "agenda_add",
        Member,
        "(Discord form) /agenda add group:Koordineringsgruppa title:\"Rus blant ungdom i sentrum\" details:\"Politiet og utekontakten ser rus i sentrum.⏎Ta opp felles tiltak.\"",
        Command::AgendaAdd {
            group: "Koordineringsgruppa".into(),
            title: "Rus blant ungdom i sentrum".into(),
            details: Some("Politiet og utekontakten ser rus i sentrum.\nTa opp felles tiltak.".into()),
            meeting: None,
        },
    )
    .await;
    r.step(
        "agenda_add",
        Coordinator,
        "/agenda add group:Koordineringsgruppa title:\"Budsjett 2027 for SLT\" meeting:2",
    )
    .await;
    r.step(
        "agenda_add_privacy_warning",
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Oppfølging av eleven Ola Nordmann i 9B\"",
    )
    .await;
    r.step(
        "agenda_list",
        Member,
        "/agenda list group:Koordineringsgruppa",
    )
    .await;
    r.step("agenda_list", Admin, "/agenda list group:Styringsgruppa")
        .await;
    r.step(
        "agenda_edit",
        Coordinator,
        "/agenda edit id:1 status:on_agenda",
    )
    .await;
    r.step(
        "agenda_edit",
        Member,
        "/agenda edit id:2 title:\"Rus blant ungdom i sentrum om helga\"",
    )
    .await;
    r.step("agenda_move", Coordinator, "/agenda move id:2 position:1")
        .await;
    r.step("agenda_move", Coordinator, "/agenda move id:2 meeting:2")
        .await;
    r.step("agenda_remove", Member, "/agenda remove id:4").await;

    r.step("action_list", Member, "/action list").await;
    r.step("action_add", Coordinator, "/action add group:Koordineringsgruppa title:\"Kartlegge fritidsklubben på Åsen\" owner:<@3> agency:Kulturetaten due:15.12.2026")
        .await;
    r.step(
        "action_add",
        Coordinator,
        "/action add group:Koordineringsgruppa title:\"Samtale med rektor\" owner:<@4>",
    )
    .await;
    r.setup(Admin, "/action add group:Styringsgruppa title:\"Budsjettforslag til kommunestyret\" owner:<@5> due:10.12.2026")
        .await;
    r.step(
        "action_update",
        Member,
        "/action update id:1 status:in_progress note:\"Første samtale med Kulturetaten 03.12.\"",
    )
    .await;
    r.step_cmd(
        "action_update",
        Member,
        "(Discord form) /action update id:1 note:\"Kulturetaten sender ei oversikt.⏎Klubben held ope tysdag og torsdag.\"",
        Command::ActionUpdate {
            id: sltbot::domain::ActionId(1),
            status: None,
            note: Some("Kulturetaten sender ei oversikt.\nKlubben held ope tysdag og torsdag.".into()),
        },
    )
    .await;
    r.step(
        "action_note",
        Member,
        "/action note id:1 update:1 note:\"Første samtale med etaten\"",
    )
    .await;
    r.step("action_show", Member, "/action show id:1").await;
    r.step(
        "action_list",
        Member,
        "/action list group:Koordineringsgruppa",
    )
    .await;
    r.step("action_list", Admin, "/action list").await;
    set_clock(r, "2026-12-16T09:00:00+01:00");
    r.step("action_list", Admin, "/action list overdue:yes")
        .await;

    r.step_each("meeting_schedule", Admin, [
        "/meeting schedule group:Styringsgruppa cadence:\"hver 4. uke tirsdag kl. 09.00 fra 2027-01-05\"",
        "/meeting schedule group:Styringsgruppa cadence:\"kvar 4. veke tysdag kl. 09.00 frå 2027-01-05\"",
        "/meeting schedule group:Styringsgruppa cadence:\"every 4 weeks tue 09:00 from 2027-01-05\"",
    ])
    .await;
    r.step("meeting_schedule", Admin, "/meeting schedule group:Styringsgruppa cadence:\"monthly first tue 09:00\" skip_holidays:yes rule:yes")
        .await;
    r.step(
        "meeting_next",
        Member,
        "/meeting next group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "meeting_move",
        Coordinator,
        "/meeting move id:1 at:\"13.01.2027 kl. 10.00\"",
    )
    .await;
    r.step(
        "group_show",
        Member,
        "/group show group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "group_reminders",
        Member,
        "/group reminders group:Koordineringsgruppa",
    )
    .await;
    r.step("group_reminders", Coordinator, "/group reminders group:Koordineringsgruppa leads:\"7d, 1d, 2t\" deadline:3d skip_holidays:yes")
        .await;
    r.step(
        "group_reminders",
        Coordinator,
        "/group reminders group:Koordineringsgruppa leads:none deadline:none",
    )
    .await;
    r.step("digest", Member, "/digest show").await;
    r.step(
        "digest",
        Admin,
        "/digest set channel:<#300> cadence:\"weekly fri 14:00\" rule:yes",
    )
    .await;
    r.step(
        "group_digest",
        Coordinator,
        "/group digest group:Koordineringsgruppa titles:yes",
    )
    .await;

    r.step("meeting_cancel", Coordinator, "/meeting cancel id:2")
        .await;
    r.step("meeting_cancel", Coordinator, "/meeting cancel id:3")
        .await;
    r.step(
        "meeting_add",
        Coordinator,
        "/meeting add group:Koordineringsgruppa at:\"13.04.2027 kl. 09.00\"",
    )
    .await;
    r.step(
        "meeting_ics",
        Member,
        "/meeting ics group:Koordineringsgruppa",
    )
    .await;
    r.step("plan", Member, "/plan year:2027").await;
    r.step("plan", Member, "/plan year:1999").await;
    set_clock(r, "2027-01-13T12:00:00+01:00");
    r.step("meeting_held", Coordinator, "/meeting held id:1")
        .await;

    r.step("audit", Coordinator, "/audit group:Koordineringsgruppa")
        .await;
    r.step(
        "group_export",
        Coordinator,
        "/group export group:Koordineringsgruppa",
    )
    .await;
    r.step("group_archive", Admin, "/group archive group:Ungdomsteamet")
        .await;
    r.step("group_list", Member, "/group list archived:yes")
        .await;
    r.step(
        "group_delete",
        Admin,
        "/group delete group:Styringsgruppa confirm:Styringsgruppa",
    )
    .await;
    r.step("console_help", Member, "/help").await;
    events_and_check(r).await;
}

/// A fixed view of the server for the self-check: the digest channel (300) denies the
/// bot *Send Messages* through an @everyone overwrite, the group's coordinator role (10)
/// is not mentionable, and the bot has no *Create Events*.
struct FixedGuild;

#[async_trait::async_trait]
impl sltbot::service::access::GuildInspector for FixedGuild {
    async fn view(
        &self,
        guild: u64,
    ) -> Result<sltbot::domain::access::GuildView, sltbot::service::access::InspectError> {
        use sltbot::domain::access::{
            bits, GuildChannel, GuildRole, GuildView, Overwrite, OverwriteTarget,
        };
        let role = |id, permissions, mentionable| GuildRole {
            id,
            permissions,
            mentionable,
        };
        let channel = |id, overwrites| GuildChannel {
            id,
            voice: false,
            overwrites,
        };
        Ok(GuildView {
            guild_id: guild,
            owner_id: 1,
            roles: vec![
                role(
                    guild,
                    bits::VIEW_CHANNEL | bits::SEND_MESSAGES | bits::ATTACH_FILES,
                    true,
                ),
                role(10, 0, false),
                role(5, 0, true),
            ],
            channels: vec![
                channel(100, Vec::new()),
                channel(
                    300,
                    vec![Overwrite {
                        target: OverwriteTarget::Role(guild),
                        allow: 0,
                        deny: bits::SEND_MESSAGES,
                    }],
                ),
            ],
            bot_user: 42,
            bot_roles: Vec::new(),
        })
    }
}

/// Discord events for a group, and the permission self-check (without Discord, then with).
async fn events_and_check(r: &mut Run) {
    use Who::*;
    r.step(
        "group_events",
        Member,
        "/group events group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "group_events",
        Coordinator,
        "/group events group:Koordineringsgruppa enabled:yes",
    )
    .await;
    r.step("workspace_check", Admin, "/digest set channel:<#300>")
        .await;
    r.step("workspace_check", Admin, "/workspace check").await;
    r.env.service.set_inspector(std::sync::Arc::new(FixedGuild));
    r.step("workspace_check", Admin, "/workspace check").await;
}

#[tokio::test]
async fn every_reply_variant_has_a_golden_in_nb_nn_and_en() {
    let seen = golden(|r| Box::pin(replies(r))).await;
    // The record's replies are named one by one, below.
    let plain: Vec<&str> = REPLY_VARIANTS
        .iter()
        .copied()
        .filter(|v| {
            *v != "Reply::Record"
                && *v != "Reply::Notice"
                && *v != "Reply::Order"
                && *v != "Reply::Munis"
                && *v != "Reply::Followup"
        })
        .collect();
    assert_covered(&plain, &seen, "Reply variants");
}

/// The meeting record's life: case list, standing items, attendance, guests, roles, an
/// early hold and its reopening, a decision, the hold, the minutes published and approved.
async fn record(r: &mut Run) {
    use Who::*;
    for line in [
        "/group create name:Koordineringsgruppa level:koordinerende channel:<#100> coordinator_role:<@&10> member_role:<@&11>",
        "/group create name:Ungdomsteamet level:utforende channel:<#400> coordinator_role:<@&10> member_role:<@&11>",
        "/meeting add group:Koordineringsgruppa at:\"12.01.2027 kl. 09.00\" location:\"Rådhuset, møterom Ærfugl\"",
        "/meeting add group:Koordineringsgruppa at:\"09.02.2027 kl. 09.00\"",
    ] {
        r.setup(Admin, line).await;
    }
    r.setup(
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Uro ved ungdomsklubben på Åsen\"",
    )
    .await;
    // Ungdomsteamet has no meeting: its item waits.
    r.setup(
        Member,
        "/agenda add group:Ungdomsteamet title:\"Sommerjobber for ungdom\"",
    )
    .await;
    r.step(
        "record_case",
        Coordinator,
        "/agenda case id:1 case_type:vedtakssak",
    )
    .await;
    r.step("record_case", Coordinator, "/agenda case id:2")
        .await;
    r.step("record_case_list", Member, "/meeting agenda id:1")
        .await;
    r.step("record_notice", Member, "/meeting notice id:1")
        .await;
    r.step(
        "record_standing",
        Member,
        "/group standing group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "record_standing",
        Coordinator,
        "/group standing group:Koordineringsgruppa items:\"Godkjenning av innkalling og saksliste; Vold i nære relasjoner | orienteringssak; Eventuelt | eventuelt\"",
    )
    .await;
    r.step(
        "record_standing",
        Coordinator,
        "/group standing group:Koordineringsgruppa items:\"Skolevegring | tullesak\"",
    )
    .await;
    r.step(
        "record_standing",
        Coordinator,
        "/group standing group:Koordineringsgruppa items:\"A;B;C;D;E;F;G;H;I;J;K;L;M\"",
    )
    .await;
    r.step(
        "record_attend",
        Member,
        "/meeting attend id:1 status:kommer",
    )
    .await;
    r.step(
        "record_attend",
        Coordinator,
        "/meeting attend id:1 status:forfall note:\"Kurs i Bergen\" user:<@4>",
    )
    .await;
    r.step(
        "record_guest",
        Coordinator,
        "/meeting guest id:1 name:\"Siri Næss\" agency:\"Vindafjord kommune\"",
    )
    .await;
    r.step(
        "record_roles",
        Coordinator,
        "/meeting roles id:1 chair:<@2> referent:<@3>",
    )
    .await;
    r.step(
        "record_same_time",
        Coordinator,
        "/meeting add group:Koordineringsgruppa at:\"09.02.2027 kl. 09.00\"",
    )
    .await;
    r.step("record_held", Coordinator, "/meeting held id:1")
        .await;
    r.step("record_held", Coordinator, "/meeting held id:1 early:yes")
        .await;
    r.step("record_reopen", Coordinator, "/meeting reopen id:1")
        .await;
    r.step("record_reopen", Coordinator, "/meeting reopen id:1")
        .await;
    set_clock(r, "2027-01-12T11:00:00+01:00");
    r.step(
        "record_decide",
        Coordinator,
        "/agenda decide id:1 decision:\"Utekontakten får ansvar for helgevakter på Åsen.\" notes:\"Politiet og skolen orienterte.\" responsible:Utekontakten due:31.03.2027",
    )
    .await;
    r.step(
        "record_minutes",
        Coordinator,
        "/minutes approve meeting:1 at_meeting:2",
    )
    .await;
    r.step("record_held", Coordinator, "/meeting held id:1")
        .await;
    r.step("record_minutes", Member, "/minutes show meeting:1")
        .await;
    r.step("record_minutes", Coordinator, "/minutes publish meeting:1")
        .await;
    r.step("record_minutes", Coordinator, "/minutes publish meeting:1")
        .await;
    r.step(
        "record_minutes",
        Coordinator,
        "/minutes approve meeting:1 at_meeting:2",
    )
    .await;
    r.fault(
        "record_minutes",
        "(sltbot minutes --meeting 2: nothing recorded yet)",
        RecordError::NothingRecorded {
            id: sltbot::domain::MeetingId(2),
        }
        .into(),
    );
}

/// The role of the other municipality's representatives, invited to chosen meetings.
const GUEST_ROLE: sltbot::domain::RoleId = sltbot::domain::RoleId(77);

/// Inter-municipal setups: municipalities, a body's municipalities, a guest role invited
/// to chosen meetings only, a municipality's digest.
async fn munis(r: &mut Run) {
    use Who::*;
    for line in [
        "/group create name:Koordineringsgruppa level:koordinerende channel:<#100> coordinator_role:<@&10> member_role:<@&11>",
        "/group create name:Styringsgruppa level:styrende channel:<#200> coordinator_role:<@&20> member_role:<@&21>",
        "/meeting add group:Koordineringsgruppa at:\"10.12.2026 kl. 09.00\"",
        "/meeting add group:Koordineringsgruppa at:\"12.01.2027 kl. 09.00\"",
        "/meeting add group:Koordineringsgruppa at:\"09.02.2027 kl. 09.00\"",
        "/meeting add group:Styringsgruppa at:\"08.12.2026 kl. 13.00\"",
        "/agenda add group:Styringsgruppa title:\"Budsjett for SLT 2027\"",
        "/agenda add group:Koordineringsgruppa title:\"Uro ved ungdomsklubben\"",
    ] {
        r.setup(Admin, line).await;
    }
    r.step("munis_list", Member, "/municipality list").await;
    r.step(
        "munis_add",
        Admin,
        "/municipality add number:4611 name:Etne",
    )
    .await;
    r.step(
        "munis_add",
        Admin,
        "/municipality add number:1160 name:Vindafjord digest_channel:<#500>",
    )
    .await;
    r.step("munis_add", Admin, "/municipality add number:461 name:Etne")
        .await;
    r.step(
        "munis_add",
        Admin,
        "/municipality add number:1201 name:Bergen",
    )
    .await;
    r.step(
        "munis_add",
        Admin,
        "/municipality add number:4611 name:Etne",
    )
    .await;
    r.step(
        "munis_add",
        Member,
        "/municipality add number:3911 name:Færder",
    )
    .await;
    r.step(
        "munis_edit",
        Admin,
        "/municipality edit municipality:4611 digest_channel:<#600>",
    )
    .await;
    r.step(
        "munis_edit",
        Admin,
        "/municipality edit municipality:Etne no_digest:yes",
    )
    .await;
    r.step("munis_edit", Admin, "/municipality edit municipality:Etne")
        .await;
    r.step("munis_list", Member, "/municipality list").await;
    r.step(
        "munis_group",
        Member,
        "/group municipalities group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "munis_group",
        Coordinator,
        "/group municipalities group:Koordineringsgruppa municipalities:\"4611, Vindafjord\"",
    )
    .await;
    r.step(
        "munis_group",
        Coordinator,
        "/group municipalities group:Koordineringsgruppa municipalities:Sauda",
    )
    .await;
    r.step(
        "munis_group",
        Member,
        "/group municipalities group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "munis_group",
        Admin,
        "/group municipalities group:Styringsgruppa municipalities:Etne",
    )
    .await;
    r.step(
        "munis_group",
        Admin,
        "/group municipalities group:Styringsgruppa municipalities:ingen",
    )
    .await;
    r.step(
        "munis_group_show",
        Member,
        "/group show group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "munis_remove",
        Admin,
        "/municipality remove municipality:Etne",
    )
    .await;
    r.step(
        "munis_invite",
        Coordinator,
        "/meeting invite id:1 role:<@&77> also:3",
    )
    .await;
    r.step("munis_invite", Coordinator, "/meeting invite id:1")
        .await;
    r.step(
        "munis_invite",
        Coordinator,
        "/meeting invite id:1 role:<@&77> also:\"3 og 4\"",
    )
    .await;
    r.step("munis_guest", Guest, "/meeting agenda id:1").await;
    r.step("munis_guest", Guest, "/meeting agenda id:2").await;
    r.step(
        "munis_guest",
        Guest,
        "/agenda add group:Koordineringsgruppa title:\"Felles sommertiltak\"",
    )
    .await;
    r.step(
        "munis_guest",
        Guest,
        "/agenda add group:Koordineringsgruppa title:\"Felles sommertiltak\" meeting:2",
    )
    .await;
    r.step(
        "munis_guest",
        Guest,
        "/agenda list group:Koordineringsgruppa",
    )
    .await;
    r.step("munis_notice", Member, "/meeting notice id:1").await;
    r.step(
        "munis_uninvite",
        Coordinator,
        "/meeting uninvite id:3 role:<@&77>",
    )
    .await;
    r.step(
        "munis_uninvite",
        Coordinator,
        "/meeting uninvite id:3 role:<@&77>",
    )
    .await;
    r.step("munis_digest", Member, "/digest show municipality:1160")
        .await;
    r.step("munis_digest", Member, "/digest show municipality:Sauda")
        .await;
    r.step(
        "munis_export",
        Coordinator,
        "/municipality export municipality:Vindafjord",
    )
    .await;
    r.step(
        "munis_export",
        Member,
        "/municipality export municipality:1160",
    )
    .await;
    r.setup(
        Coordinator,
        "/group municipalities group:Koordineringsgruppa municipalities:Vindafjord",
    )
    .await;
    r.step(
        "munis_remove",
        Admin,
        "/municipality remove municipality:4611",
    )
    .await;
    // The minutes' header names the body's municipalities.
    set_clock(r, "2026-12-10T12:00:00+01:00");
    r.setup(Coordinator, "/meeting held id:1").await;
    r.step("munis_minutes", Member, "/minutes show meeting:1")
        .await;
}

#[tokio::test]
async fn every_municipality_reply_and_error_has_a_golden_in_nb_nn_and_en() {
    let seen = golden(|r| Box::pin(munis(r))).await;
    assert_covered(MUNIS_VARIANTS, &seen, "municipality replies");
    assert_covered(MUNIS_ERRORS, &seen, "municipality errors");
}

#[tokio::test]
async fn every_record_reply_and_error_has_a_golden_in_nb_nn_and_en() {
    let seen = golden(|r| Box::pin(record(r))).await;
    assert_covered(RECORD_VARIANTS, &seen, "record replies");
    assert_covered(RECORD_ERRORS, &seen, "record errors");
}

/// The notice's settings and late submissions: `/group notice`, a submission after the
/// final case list went out (the scheduler posts it at the deadline), `/agenda admit` to
/// this meeting and to the next.
async fn notice(r: &mut Run) {
    use Who::*;
    for line in [
        "/group create name:Koordineringsgruppa level:koordinerende channel:<#100> coordinator_role:<@&10> member_role:<@&11>",
        "/meeting add group:Koordineringsgruppa at:\"12.01.2027 kl. 09.00\" location:\"Rådhuset\"",
        "/meeting add group:Koordineringsgruppa at:\"09.02.2027 kl. 09.00\"",
    ] {
        r.setup(Admin, line).await;
    }
    r.step(
        "notice_settings",
        Member,
        "/group notice group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "notice_settings",
        Coordinator,
        "/group notice group:Koordineringsgruppa lead:7d",
    )
    .await;
    r.step(
        "notice_settings",
        Coordinator,
        "/group notice group:Koordineringsgruppa lead:av",
    )
    .await;
    r.step(
        "notice_settings",
        Coordinator,
        "/group notice group:Koordineringsgruppa lead:snart",
    )
    .await;
    r.setup(
        Coordinator,
        "/group notice group:Koordineringsgruppa lead:14d",
    )
    .await;
    // The scheduler posts the final case list at the deadline (10.01.2027 09:00).
    let s = Scheduler::for_service(
        &r.env.service,
        std::sync::Arc::new(sltbot::notify::RecordingOutbox::default()),
    );
    set_clock(r, "2027-01-10T09:30:00+01:00");
    s.tick(at("2027-01-10T09:30:00+01:00")).await.expect("tick");
    let late_ids = |r: &Run| {
        let pool = r.env.service.store().pool().clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT item_id FROM late_items ORDER BY item_id")
                .fetch_all(&pool)
                .await
                .expect("late items")
        }
    };
    r.step(
        "notice_late",
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Skulk ved Åsen skole\"",
    )
    .await;
    r.step(
        "notice_late",
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Ny ballbinge\"",
    )
    .await;
    let ids = late_ids(r).await;
    r.step(
        "notice_late",
        Coordinator,
        &format!("/agenda admit id:{} meeting:this", ids[0]),
    )
    .await;
    r.step(
        "notice_late",
        Coordinator,
        &format!("/agenda admit id:{} meeting:next", ids[1]),
    )
    .await;
    r.step(
        "notice_late",
        Coordinator,
        &format!("/agenda admit id:{} meeting:next", ids[0]),
    )
    .await;
}

#[tokio::test]
async fn every_notice_reply_and_error_has_a_golden_in_nb_nn_and_en() {
    let seen = golden(|r| Box::pin(notice(r))).await;
    assert_covered(NOTICE_VARIANTS, &seen, "notice replies");
    assert_covered(NOTICE_ERRORS, &seen, "notice errors");
}

/// The follow-up round before a meeting: when it asks, the coordinator's view before and
/// after it asked, answers by the owner (a choice, a note alone), the refusals, and the
/// round's summary under the standing case on the case list.
async fn followup(r: &mut Run) {
    use Who::*;
    for line in [
        "/group create name:Koordineringsgruppa level:koordinerende channel:<#100> coordinator_role:<@&10> member_role:<@&11>",
        "/meeting add group:Koordineringsgruppa at:\"12.01.2027 kl. 09.00\"",
        "/action add group:Koordineringsgruppa title:\"Kartlegge fritidsklubben på Åsen\" owner:<@3> due:31.03.2027",
        "/action add group:Koordineringsgruppa title:\"Nattvandring i helgene\" owner:<@3>",
        "/action add group:Koordineringsgruppa title:\"Foreldremøte om rus\" owner:<@4>",
    ] {
        r.setup(Admin, line).await;
    }
    r.step(
        "followup_settings",
        Member,
        "/group followup group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "followup_settings",
        Coordinator,
        "/group followup group:Koordineringsgruppa ask:10d",
    )
    .await;
    r.step(
        "followup_settings",
        Coordinator,
        "/group followup group:Koordineringsgruppa ask:sju",
    )
    .await;
    r.step(
        "followup_settings",
        Coordinator,
        "/group followup group:Koordineringsgruppa ask:7d",
    )
    .await;
    r.step("followup_round", Coordinator, "/meeting followup id:1")
        .await;
    // The scheduler asks on 05.01.2027 09:00 (the question messages have their golden in
    // `sched_followup_question`).
    set_clock(r, "2027-01-05T09:00:00+01:00");
    let s = Scheduler::for_service(
        &r.env.service,
        std::sync::Arc::new(sltbot::notify::RecordingOutbox::default()),
    );
    s.tick(at("2027-01-05T09:00:00+01:00")).await.expect("tick");
    r.setup(
        Admin,
        "/action add group:Koordineringsgruppa title:\"Søke midler til sommerjobber\" owner:<@3>",
    )
    .await;
    set_clock(r, "2027-01-05T14:00:00+01:00");
    r.step_each(
        "followup_answer",
        Member,
        [
            "/action followup id:1 answer:\"på sporet\"",
            "/action followup id:1 answer:\"på sporet\"",
            "/action followup id:1 answer:\"on track\"",
        ],
    )
    .await;
    r.step(
        "followup_answer",
        Member,
        "/action followup id:2 note:\"Dato er avtalt med frivilligsentralen\"",
    )
    .await;
    r.step_each(
        "followup_answer",
        Member,
        [
            "/action followup id:2 answer:\"trenger hjelp\"",
            "/action followup id:2 answer:\"treng hjelp\"",
            "/action followup id:2 answer:\"needs help\"",
        ],
    )
    .await;
    r.step(
        "followup_answer",
        Member,
        "/action followup id:3 answer:done",
    )
    .await;
    r.step(
        "followup_answer",
        Member,
        "/action followup id:4 answer:done",
    )
    .await;
    r.step("followup_round", Coordinator, "/meeting followup id:1")
        .await;
    r.step("followup_case_list", Member, "/meeting agenda id:1")
        .await;
}

#[tokio::test]
async fn every_followup_reply_and_error_has_a_golden_in_nb_nn_and_en() {
    let seen = golden(|r| Box::pin(followup(r))).await;
    assert_covered(FOLLOWUP_VARIANTS, &seen, "follow-up replies");
    assert_covered(FOLLOWUP_ERRORS, &seen, "follow-up errors");
}

/// A valid-looking national identity number (synthetic, correct check digits).
const FNR: &str = "01010012356";

async fn errors(r: &mut Run) {
    use Who::*;
    for line in [
        "/group create name:Koordineringsgruppa level:koordinerende channel:<#100> coordinator_role:<@&10> member_role:<@&11>",
        "/group create name:Styringsgruppa level:styrende channel:<#200> coordinator_role:<@&20> member_role:<@&21>",
        "/group create name:Ungdomsteamet level:utforende",
        "/group archive group:Ungdomsteamet",
        "/meeting add group:Koordineringsgruppa at:\"12.01.2027 kl. 09.00\"",
        "/meeting add group:Koordineringsgruppa at:\"09.02.2027 kl. 09.00\"",
        "/meeting add group:Koordineringsgruppa at:\"09.03.2027 kl. 09.00\"",
        "/meeting cancel id:3",
        "/action add group:Koordineringsgruppa title:\"Kartlegge fritidsklubben på Åsen\" owner:<@3>",
    ] {
        r.setup(Admin, line).await;
    }
    r.setup(
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Uro ved ungdomsklubben på Åsen\"",
    )
    .await;
    r.setup(
        Coordinator,
        "/agenda add group:Koordineringsgruppa title:\"Budsjett 2027 for SLT\"",
    )
    .await;
    r.setup(
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Rus blant ungdom i sentrum\"",
    )
    .await;
    r.setup(Member, "/agenda remove id:3").await;

    // Not found, archived.
    r.step(
        "errors_not_found",
        Member,
        "/agenda list group:Koordineringsgrupa",
    )
    .await;
    r.step("errors_not_found", Coordinator, "/meeting cancel id:99")
        .await;
    r.step(
        "errors_not_found",
        Member,
        "/agenda edit id:99 title:\"Ny tittel\"",
    )
    .await;
    r.step("errors_not_found", Member, "/action show id:99")
        .await;
    r.step(
        "errors_not_found",
        Admin,
        "/group edit group:Ungdomsteamet level:annet",
    )
    .await;

    // Who may do what.
    r.step(
        "errors_permissions",
        Member,
        "/meeting add group:Koordineringsgruppa at:\"16.03.2027 kl. 09.00\"",
    )
    .await;
    r.step(
        "errors_permissions",
        Outsider,
        "/agenda list group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "errors_permissions",
        Member,
        "/workspace set timezone:Europe/Oslo",
    )
    .await;
    r.step(
        "errors_permissions",
        Member,
        "/group create name:Ny level:annet",
    )
    .await;
    r.step(
        "errors_permissions",
        Member,
        "/audit group:Koordineringsgruppa",
    )
    .await;
    r.step(
        "errors_permissions",
        Member,
        "/agenda edit id:2 title:\"Budsjett 2028\"",
    )
    .await;
    r.step(
        "errors_permissions",
        Member,
        "/agenda edit id:1 status:handled",
    )
    .await;

    // Text.
    r.step(
        "errors_text",
        Member,
        "/agenda add group:Koordineringsgruppa title:\"   \"",
    )
    .await;
    let long = format!(
        "/agenda add group:Koordineringsgruppa title:\"{}\"",
        "Å".repeat(201)
    );
    let (outcome, _, text) = r.line(Member, &long).await;
    let label = "/agenda add group:Koordineringsgruppa title:\"ÅÅÅÅ… (201 Å)\"";
    r.record("errors_text", Member, label.into(), outcome, text);
    r.step_cmd(
        "errors_text",
        Member,
        "(Discord) /agenda add group:Koordineringsgruppa title:\"Uro\\u{7}\"",
        Command::AgendaAdd {
            group: "Koordineringsgruppa".into(),
            title: "Uro\u{7}".into(),
            details: None,
            meeting: None,
        },
    )
    .await;
    r.step(
        "errors_text",
        Member,
        &format!("/agenda add group:Koordineringsgruppa title:\"Samtale om {FNR}\""),
    )
    .await;
    r.step(
        "errors_text",
        Coordinator,
        &format!("/action update id:1 note:\"Snakka med eleven, fnr. {FNR}\""),
    )
    .await;

    // Dates and settings.
    r.step(
        "errors_dates",
        Coordinator,
        "/meeting add group:Koordineringsgruppa at:\"31.02.2027 kl. 09.00\"",
    )
    .await;
    r.step(
        "errors_dates",
        Coordinator,
        "/meeting add group:Koordineringsgruppa at:\"neste tirsdag\"",
    )
    .await;
    r.step(
        "errors_dates",
        Coordinator,
        "/meeting add group:Koordineringsgruppa at:\"01.11.2026 kl. 09.00\"",
    )
    .await;
    r.step("errors_dates", Coordinator, "/action add group:Koordineringsgruppa title:\"Samtale med rektor\" owner:<@4> due:31.02.2027")
        .await;
    r.step("errors_dates", Coordinator, "/action add group:Koordineringsgruppa title:\"Samtale med rektor\" owner:<@4> due:30.11.2026")
        .await;
    r.step("errors_plan_year", Member, "/plan year:12").await;
    r.step(
        "errors_dates",
        Admin,
        "/workspace set timezone:Europe/Bergen",
    )
    .await;

    // Duplicates.
    r.step(
        "errors_duplicates",
        Admin,
        "/group create name:koordineringsgruppa level:koordinerende",
    )
    .await;
    r.step(
        "errors_duplicates",
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Uro ved ungdomsklubben på Åsen\"",
    )
    .await;

    // The agenda's rules.
    r.step(
        "errors_agenda",
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Trygg skuleveg\" meeting:3",
    )
    .await;
    r.step("errors_agenda", Coordinator, "/meeting cancel id:3")
        .await;
    r.step(
        "errors_agenda",
        Member,
        "/agenda edit id:3 title:\"Rus i sentrum\"",
    )
    .await;
    r.step("errors_agenda", Member, "/agenda edit id:1").await;
    r.step("errors_agenda", Coordinator, "/agenda move id:1 position:9")
        .await;
    r.step(
        "errors_agenda",
        Member,
        "/agenda edit id:1 title:\"Uro ved klubben\" version:7",
    )
    .await;
    r.step("errors_agenda", Admin, "/group delete group:Styringsgruppa")
        .await;
    r.step(
        "errors_agenda",
        Admin,
        "/group delete group:Styringsgruppa confirm:Styringsgrupa",
    )
    .await;
    for i in 1..=50 {
        r.setup(
            Member,
            &format!("/agenda add group:Koordineringsgruppa title:\"Sak {i}\" meeting:2"),
        )
        .await;
    }
    r.step(
        "errors_agenda",
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Sak 51\" meeting:2",
    )
    .await;

    // Cadences, reminders.
    for cadence in [
        ["av og til", "av og til", "now and then"],
        [
            "hver 4. uke tirsdag",
            "kvar 4. veke tysdag",
            "every 4 weeks tue",
        ],
        [
            "hver 4. uke tirsdag kl. 9.00 kl. 10.00",
            "kvar 4. veke tysdag kl. 9.00 kl. 10.00",
            "every 4 weeks tue 09:00 10:00",
        ],
        [
            "5 ganger i året første tirsdag kl. 09.00",
            "5 gonger i året første tysdag kl. 09.00",
            "5 times a year first tue 09:00",
        ],
        [
            "møte i uke 8, 20 og 54 tirsdag kl. 09.00",
            "møte i veke 8, 20 og 54 tysdag kl. 09.00",
            "meeting in weeks 8, 20 and 54 tue 09:00",
        ],
        [
            "hver 4. uke tirsdag kl. 25.00",
            "kvar 4. veke tysdag kl. 25.00",
            "every 4 weeks tue 25:00",
        ],
    ] {
        let lines =
            cadence.map(|c| format!("/meeting schedule group:Koordineringsgruppa cadence:\"{c}\""));
        r.step_each(
            "errors_cadence",
            Coordinator,
            lines.each_ref().map(|l| l.as_str()),
        )
        .await;
    }
    for cadence in [
        "0 9 * * 8",
        "0 9 * *",
        "DTSTART;TZID=Europe/Oslo:20270105T090000 RRULE:FREQ=WEEKLY;BYDAY=XX",
        "RRULE:FREQ=WEEKLY;BYDAY=TU",
    ] {
        r.step(
            "errors_cadence",
            Coordinator,
            &format!("/meeting schedule group:Koordineringsgruppa cadence:\"{cadence}\""),
        )
        .await;
    }
    r.step(
        "errors_cadence",
        Coordinator,
        "/meeting schedule group:Koordineringsgruppa cadence:\"*/30 * * * *\"",
    )
    .await;
    r.step_each(
        "errors_cadence",
        Coordinator,
        [
            "/group reminders group:Koordineringsgruppa leads:\"om en uke\"",
            "/group reminders group:Koordineringsgruppa leads:\"om ei veke\"",
            "/group reminders group:Koordineringsgruppa leads:\"in a week\"",
        ],
    )
    .await;
    r.step_each(
        "errors_cadence",
        Coordinator,
        [
            "/group reminders group:Koordineringsgruppa deadline:\"i morgen\"",
            "/group reminders group:Koordineringsgruppa deadline:\"i morgon\"",
            "/group reminders group:Koordineringsgruppa deadline:tomorrow",
        ],
    )
    .await;

    // The console's own errors, before anything reaches the service.
    let too_long = format!(
        "/agenda add group:Koordineringsgruppa title:\"{}\"",
        "a".repeat(8000)
    );
    let too_long_label = "/agenda add group:Koordineringsgruppa title:\"aaaa… (8,000 a)\"";
    let (outcome, _, text) = r.line(Member, &too_long).await;
    r.record(
        "errors_console",
        Member,
        too_long_label.into(),
        outcome,
        text,
    );
    r.step(
        "errors_console",
        Member,
        "/agenda list group:Koordineringsgruppa\u{7}",
    )
    .await;
    r.step("errors_console", Member, "group:Koordineringsgruppa")
        .await;
    r.step(
        "errors_console",
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Uro ved klubben",
    )
    .await;
    r.step(
        "errors_console",
        Member,
        "/agenda add group:Koordineringsgruppa title:",
    )
    .await;
    r.step(
        "errors_console",
        Member,
        "/agenda add group:Koordineringsgruppa title:\"Uro\"ved",
    )
    .await;
    r.step(
        "errors_console",
        Member,
        "/agenda list group:Koordineringsgruppa group:Styringsgruppa",
    )
    .await;
    r.step(
        "errors_console",
        Member,
        "/agenda list 9gruppe:Koordineringsgruppa",
    )
    .await;
    r.step("errors_console", Member, "/agenda legg-til").await;
    r.step(
        "errors_console",
        Member,
        "/agenda list gruppe:Koordineringsgruppa",
    )
    .await;
    r.step(
        "errors_console",
        Member,
        "/agenda add group:Koordineringsgruppa",
    )
    .await;
    r.step("errors_console", Member, "/action show id:en").await;
    r.step(
        "errors_console",
        Coordinator,
        "/agenda move id:1 position:0",
    )
    .await;
    r.step(
        "errors_console",
        Coordinator,
        "/action add group:Koordineringsgruppa title:Kartlegge owner:Ola",
    )
    .await;
    r.step(
        "errors_console",
        Admin,
        "/workspace set coordinator_role:koordinator",
    )
    .await;
    r.step(
        "errors_console",
        Admin,
        "/workspace set digest_channel:oversikt",
    )
    .await;
    r.step("errors_console", Member, "/group list archived:kanskje")
        .await;
    r.step(
        "errors_console",
        Admin,
        "/group create name:Ny level:middels",
    )
    .await;
    r.step(
        "errors_console",
        Member,
        "/action update id:1 status:ferdig-ish",
    )
    .await;

    // Faults: the machine, not the user.
    r.fault(
        "errors_faults",
        "(the database file is read-only)",
        ServiceError::Store(StoreError::ReadOnly),
    );
    r.fault(
        "errors_faults",
        "(another process holds the database's lock)",
        ServiceError::Store(StoreError::Locked),
    );
    r.fault(
        "errors_faults",
        "(a stored value is corrupt)",
        ServiceError::Store(StoreError::Corrupt("…".into())),
    );
    r.fault(
        "errors_faults",
        "(a fault in sltbot)",
        ServiceError::Internal,
    );
}

#[tokio::test]
async fn every_error_a_user_can_meet_has_a_golden_in_nb_nn_and_en() {
    let seen = golden(|r| Box::pin(errors(r))).await;
    // The record's errors are named one by one (every_record_reply_and_error_…).
    let plain: Vec<&str> = ERROR_KINDS
        .iter()
        .copied()
        .filter(|k| {
            *k != "error: record"
                && *k != "error: notice"
                && *k != "error: order"
                && *k != "error: munis"
                && *k != "error: followup"
        })
        .collect();
    assert_covered(&plain, &seen, "service errors");
    assert_covered(CONSOLE_KINDS, &seen, "console errors");
}

/// The scenarios type ids (`<#100>`, `<@&10>`, `<@3>`) where the actors carry the
/// harness's constants: they must be the same.
#[test]
fn the_ids_typed_in_the_scenarios_are_the_harness_ids() {
    assert_eq!(
        (GROUP_CHANNEL.0, COORD_ROLE.0, MEMBER_ROLE.0),
        (100, 10, 11)
    );
    assert_eq!(
        (OTHER_CHANNEL.0, OTHER_COORD_ROLE.0, OTHER_MEMBER_ROLE.0),
        (200, 20, 21)
    );
    assert_eq!((DIGEST_CHANNEL.0, MEMBER, MEMBER2), (300, 3, 4));
    assert_eq!(member().user, UserId(MEMBER));
}

/// Records every keyed send with its key, in the style it is built with; refuses what goes
/// to `refuse` (the bot cannot see that channel) so the failure notices show.
struct GoldenOutbox {
    style: Style,
    refuse: sltbot::domain::ChannelId,
    sent: std::sync::Mutex<Vec<(String, Outbound)>>,
}

#[async_trait::async_trait]
impl Outbox for GoldenOutbox {
    fn style(&self) -> Style {
        self.style
    }

    async fn send(&self, m: &Outbound) -> Result<Sent, DeliveryError> {
        self.send_keyed("unkeyed", m).await
    }

    async fn send_keyed(&self, key: &str, m: &Outbound) -> Result<Sent, DeliveryError> {
        if m.channel == self.refuse {
            return Err(DeliveryError::Permanent {
                refusal: Refusal::MissingAccess,
                detail: "HTTP 403 (Discord code 50001)".into(),
            });
        }
        self.sent
            .lock()
            .expect("lock")
            .push((key.to_string(), m.clone()));
        Ok(Sent { message_id: None })
    }

    async fn delivered(&self, key: &str) -> Delivery {
        if self
            .sent
            .lock()
            .expect("lock")
            .iter()
            .any(|(k, _)| k == key)
        {
            Delivery::Sent
        } else {
            Delivery::NotSent
        }
    }
}

/// Does a sent message (its notification key, the message) belong in a golden?
type Picks = fn(&str, &Outbound) -> bool;

/// What the scheduler sent in one run of the story, and what a coordinator of the group
/// whose reminder failed is told on their next command.
struct Story {
    sent: Vec<(String, Outbound)>,
    notice: String,
}

/// Three weeks of two groups, from Friday 01.01.2027: Koordineringsgruppa (titles allowed
/// in the digest) meets 12.01 with two items; Styringsgruppa (counts only) meets 14.01,
/// one reminder a day ahead; Discord refuses everything to its channel (the bot cannot see
/// it), so its reminder and its overdue ping fail. One overdue action in each group. The scheduler runs until Monday 18.01 09:00.
async fn story(lang: Lang, style: Style) -> Story {
    let env = SchedEnv::new("2027-01-01T10:00:00+01:00").await;
    env.ok(&format!(
        "/workspace set language:{} digest_channel:{DIGEST_CHANNEL}",
        lang.code()
    ))
    .await;
    env.ok(&format!(
        "/group create name:Koordineringsgruppa level:koordinerende channel:{GROUP_CHANNEL} coordinator_role:{COORD_ROLE} member_role:{MEMBER_ROLE}\n\
         /group create name:Styringsgruppa level:styrende channel:{OTHER_CHANNEL} coordinator_role:{OTHER_COORD_ROLE} member_role:{OTHER_MEMBER_ROLE}"
    ))
    .await;
    env.ok(
        "/group digest group:Koordineringsgruppa titles:yes\n\
         /group reminders group:Styringsgruppa leads:1d deadline:none\n\
         /meeting add group:Koordineringsgruppa at:\"12.01.2027 kl. 09.00\"\n\
         /meeting add group:Styringsgruppa at:\"14.01.2027 kl. 13.00\"\n\
         /agenda add group:Koordineringsgruppa title:\"Uro ved ungdomsklubben på Åsen\"\n\
         /agenda add group:Koordineringsgruppa title:\"Rus blant ungdom i sentrum\"\n\
         /agenda add group:Styringsgruppa title:\"Budsjett 2027 for SLT\"\n\
         /action add group:Koordineringsgruppa title:\"Kartlegge fritidsklubben på Åsen\" owner:<@3> due:05.01.2027\n\
         /action add group:Styringsgruppa title:\"Budsjettforslag til kommunestyret\" owner:<@5> due:04.01.2027\n\
         /action update id:1 status:in_progress note:\"Første samtale med Kulturetaten\"",
    )
    .await;
    let outbox = std::sync::Arc::new(GoldenOutbox {
        style,
        refuse: OTHER_CHANNEL,
        sent: Default::default(),
    });
    let s = Scheduler::for_service(&env.service, outbox.clone());
    env.run_until(&s, at("2027-01-18T09:00:00+01:00")).await;
    let coordinator = Actor {
        roles: vec![OTHER_COORD_ROLE],
        ..Actor::new(UserId(SOMEONE))
    };
    let notice = env
        .service
        .delivery_notice(&coordinator, WS)
        .await
        .expect("notice")
        .map(|n| failures_notice(n.lang, n.tz, style, &n.failures))
        .unwrap_or_else(|| "(no notice)".into());
    // The outbox sees `n{id}p{part}`; name each send by its notification's key.
    let keys: Vec<(i64, String)> = sqlx::query_as("SELECT id, key FROM notifications")
        .fetch_all(env.service.store().pool())
        .await
        .expect("keys");
    let key_of = |sent: &str| -> String {
        let (id, part) = sent
            .strip_prefix('n')
            .and_then(|r| r.split_once('p'))
            .expect("n{id}p{part}");
        let id: i64 = id.parse().expect("id");
        let key = keys
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, k)| k.clone())
            .expect("a notification row");
        format!("{key} part {part}")
    };
    let sent = outbox
        .sent
        .lock()
        .expect("lock")
        .iter()
        .map(|(k, m)| (key_of(k), m.clone()))
        .collect();
    Story { sent, notice }
}

#[tokio::test]
async fn every_scheduled_message_has_a_golden_in_nb_nn_and_en_for_console_and_discord() {
    let mut runs = Vec::new();
    for lang in Lang::ALL {
        for (style, name) in [(Style::Plain, "console"), (Style::Discord, "Discord")] {
            runs.push((lang, name, story(lang, style).await));
        }
    }
    // Which messages, by key, go into which snapshot.
    let kinds: [(&str, Picks); 8] = [
        ("sched_reminder", |k, m| {
            k.starts_with("reminder:") && m.channel == GROUP_CHANNEL
        }),
        ("sched_deadline_call", |k, _| k.starts_with("deadline:")),
        ("sched_overdue", |k, m| {
            k.starts_with("overdue:") && m.channel == GROUP_CHANNEL
        }),
        ("sched_digest_week_1", |k, _| k.contains("-W01 ")),
        ("sched_digest_week_2", |k, _| k.contains("-W02 ")),
        ("sched_digest_week_3_with_failures", |k, _| {
            k.contains("-W03 ")
        }),
        ("sched_delivery_failure_notice", |k, _| {
            k.starts_with("failure:")
        }),
        ("sched_followup_question", |k, m| {
            k.starts_with("followup:") && m.channel == GROUP_CHANNEL
        }),
    ];
    for (lang, style, run) in &runs {
        let mut keys: Vec<_> = run.sent.iter().map(|(k, _)| k.as_str()).collect();
        let mut first: Vec<_> = runs[0].2.sent.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort();
        first.sort();
        assert_eq!(keys, first, "{} {style} sent other messages", lang.code());
    }
    // In key order: messages due at the same minute may go out in any order.
    let mut first = runs[0].2.sent.clone();
    first.sort_by(|a, b| a.0.cmp(&b.0));
    let first = &first;
    for (name, wanted) in kinds {
        let picked: Vec<usize> = (0..first.len())
            .filter(|&i| wanted(&first[i].0, &first[i].1))
            .collect();
        assert!(
            !picked.is_empty(),
            "{name}: nothing sent; sent: {:?}",
            first
                .iter()
                .map(|(k, m)| (k, m.channel))
                .collect::<Vec<_>>()
        );
        let mut out = String::new();
        for &i in &picked {
            let (key, m) = &first[i];
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&format!(
                "{key} → channel {} · ping {:?} · buttons {:?}",
                m.channel, m.ping, m.buttons
            ));
            for (lang, style, run) in &runs {
                let found = run.sent.iter().find(|(k, _)| k == key);
                let Some((_, m)) = found else {
                    panic!("{} {style} did not send {key}", lang.code());
                };
                out.push_str(&format!("\n── {} · {style}\n{}", lang.code(), m.content));
            }
        }
        insta::assert_snapshot!(name, out);
    }
    let mut out = String::from("what a coordinator of Styringsgruppa reads on their next command");
    for (lang, style, run) in &runs {
        out.push_str(&format!("\n── {} · {style}\n{}", lang.code(), run.notice));
    }
    insta::assert_snapshot!("sched_delivery_failure_console_notice", out);
}

/// Words that are bokmål and never nynorsk (nynorsk has `ikkje`, `viss`, `eg`, `kva`,
/// `nokon`, `frå`, `veke`, `dagar`, `berre`, `enno`, `framleis`, `medlemer` …). Words that
/// nynorsk shares, even as another word class (`bruker`, `møter`, `nå`), are left out.
const BOKMAL_ONLY: &[&str] = &[
    "ikke",
    "hvis",
    "jeg",
    "hva",
    "hvem",
    "hvor",
    "hvordan",
    "hvilken",
    "hvilke",
    "noen",
    "noe",
    "fra",
    "mye",
    "mer",
    "uke",
    "uker",
    "ukentlig",
    "dager",
    "bare",
    "ennå",
    "fortsatt",
    "forsinket",
    "forsinkede",
    "allerede",
    "lagret",
    "endret",
    "slettet",
    "opprettet",
    "startet",
    "stoppet",
    "avbrutt",
    "trukket",
    "utsatt",
    "behandlet",
    "holdt",
    "ble",
    "være",
    "gjøre",
    "mangler",
    "legger",
    "heter",
    "fant",
    "finnes",
    "velg",
    "navn",
    "tegn",
    "uten",
    "kommende",
    "forrige",
    "siden",
    "møtene",
    "gruppen",
    "påminnelse",
    "påminnelser",
    "medlemmer",
    "innstillinger",
    "oppdateringer",
    "endringer",
    "meldinger",
    "opplysninger",
    "tillatelser",
    "ansvarlig",
    "hjemme",
    "kun",
];

/// English words that have no business in Norwegian text (command and option names, which
/// stay English in every language, are taken out first).
const ENGLISH: &[&str] = &[
    "the", "and", "please", "error", "was", "has", "been", "with", "meeting", "meetings", "item",
    "items", "action", "actions", "reminder", "deadline", "none", "yes",
];

/// The sections of a golden in language `lang` (`── nn` or `── nn · Discord` …): the text
/// under the heading, up to the next heading or the next step.
fn sections<'a>(snapshot: &'a str, lang: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let starts: Vec<usize> = snapshot
        .match_indices("\n── ")
        .map(|(i, _)| i + 1)
        .collect();
    for (n, &at) in starts.iter().enumerate() {
        let line_end = snapshot[at..].find('\n').map_or(snapshot.len(), |e| at + e);
        let head = &snapshot[at + "── ".len()..line_end];
        if head.split([' ', '·']).next() != Some(lang) {
            continue;
        }
        let next_heading = starts.get(n + 1).map_or(snapshot.len(), |&s| s - 1);
        // A blank line before the next step's header (`who › …` or `key → channel …`).
        let next_step = snapshot[line_end..next_heading]
            .match_indices("\n\n")
            .map(|(i, _)| line_end + i)
            .find(|&i| {
                let line = snapshot[i + 2..].lines().next().unwrap_or_default();
                line.contains(" › ") || line.contains(" → channel ")
            })
            .unwrap_or(next_heading);
        out.push(&snapshot[line_end..next_step]);
    }
    out
}

/// Is `token` an option as typed (`title:`, `group:Koordineringsgruppa`, `confirm:"…"`,
/// `[meeting:…]` in `/help`)?
fn is_option(token: &str) -> bool {
    let token = token.trim_start_matches(['[', '(']);
    token.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
    })
}

/// The words of `text` a reader takes as words: no commands (`/agenda add`), options
/// (`title:`, `group:Koordineringsgruppa`), mentions or rule text (`FREQ=WEEKLY`).
fn prose_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|t| !t.starts_with('/') && !is_option(t) && !t.contains('<') && !t.contains('='))
        .flat_map(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Stored codes a reader must never see: audit actions (`agenda.add`), status codes
/// (`on_agenda`), users as `@1` instead of a mention.
fn internal_codes(section: &str) -> Vec<String> {
    let mut out = Vec::new();
    for prefix in [
        "agenda.",
        "action.",
        "meeting.",
        "group.",
        "workspace.",
        "digest.",
    ] {
        for (i, _) in section.match_indices(prefix) {
            let next = section[i + prefix.len()..].chars().next();
            if next.is_some_and(|c| c.is_ascii_lowercase()) {
                out.push(section[i..].chars().take(prefix.len() + 8).collect());
            }
        }
    }
    for code in ["on_agenda", "in_progress", "carried_over", "carry_over"] {
        if section.contains(code) {
            out.push(code.to_string());
        }
    }
    let chars: Vec<char> = section.chars().collect();
    for w in chars.windows(3) {
        if w[1] == '@' && w[2].is_ascii_digit() && !matches!(w[0], '<' | '&' | '!') {
            out.push(w.iter().collect());
        }
    }
    out
}

fn goldens() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/snapshots")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "snap"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("read"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_scan_finds_each_languages_sections_and_its_prose_words() {
    let golden = "member › /group show group:X\n→ Reply::GroupShown\n── nb\nMedlemmer: <@&11>\n── nn\nMedlemer: <@&11> ikkje\nto linjer\n── en\nMembers\n\nmember › /help\n→ console: help\n── nb\na\n── nn · Discord\nb\n── en\nc";
    let nn = sections(golden, "nn");
    assert_eq!(nn, ["\nMedlemer: <@&11> ikkje\nto linjer", "\nb"]);
    assert_eq!(sections(golden, "en"), ["\nMembers", "\nc"]);
    assert_eq!(
        prose_words("Medlemmer: <@&11> /agenda add title:\"Uro\" kl. 09.00 FREQ=WEEKLY ikke."),
        ["medlemmer", "add", "kl", "09", "00", "ikke"]
    );
}

#[test]
fn no_nynorsk_golden_holds_a_bokmal_only_word() {
    let mut checked = 0;
    let mut found = Vec::new();
    for (name, text) in goldens() {
        for section in sections(&text, "nn") {
            checked += 1;
            for w in prose_words(section) {
                if BOKMAL_ONLY.contains(&w.as_str()) {
                    found.push(format!("{name}: «{w}»"));
                }
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} nynorsk sections: has the format changed?"
    );
    assert!(
        found.is_empty(),
        "bokmål in nynorsk text:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_norwegian_golden_holds_english_words_or_internal_codes() {
    let mut found = Vec::new();
    for (name, text) in goldens() {
        for lang in ["nb", "nn"] {
            for section in sections(&text, lang) {
                for w in prose_words(section) {
                    if ENGLISH.contains(&w.as_str()) {
                        found.push(format!("{name} ({lang}): English «{w}»"));
                    }
                }
            }
        }
        for lang in ["nb", "nn", "en"] {
            for section in sections(&text, lang) {
                for code in internal_codes(section) {
                    found.push(format!("{name} ({lang}): internal code «{code}»"));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Orders between the levels and the coordinator's overview: an order down (on the next
/// case list), one waiting for a meeting, a report up, the lists, an answer, the history,
/// the overview, and what is refused.
async fn orders(r: &mut Run) {
    use Who::*;
    for line in [
        "/group create name:Koordineringsgruppa level:koordinerende channel:<#100> coordinator_role:<@&10> member_role:<@&11>",
        "/group create name:Styringsgruppa level:styrende channel:<#200> coordinator_role:<@&20> member_role:<@&21>",
        "/group create name:Ungdomsteamet level:utforende channel:<#400> coordinator_role:<@&40> member_role:<@&41>",
        "/meeting add group:Koordineringsgruppa at:\"12.01.2027 kl. 09.00\"",
        "/meeting add group:Styringsgruppa at:\"14.01.2027 kl. 13.00\"",
        "/agenda add group:Styringsgruppa title:\"Rusbruk blant unge i sentrum\"",
    ] {
        r.setup(Admin, line).await;
    }
    r.step("order_overview", Coordinator, "/overview").await;
    r.step(
        "order_add",
        Admin,
        "/order add from:Styringsgruppa to:Koordineringsgruppa title:\"Kartlegg rusbruken blant unge på Åsen\" details:\"Ungdata 2026 som grunnlag.\" due:15.01.2027",
    )
    .await;
    r.step(
        "order_add",
        Coordinator,
        "/order add from:Koordineringsgruppa to:Ungdomsteamet title:\"Oppsøkende arbeid i helgene\"",
    )
    .await;
    r.step(
        "order_add",
        Coordinator,
        "/order add from:Koordineringsgruppa to:Styringsgruppa title:\"Status for SLT-arbeidet høsten 2026\"",
    )
    .await;
    r.step(
        "order_list",
        Member,
        "/order list group:Koordineringsgruppa",
    )
    .await;
    r.step("order_list", Member, "/order list open:yes").await;
    r.step(
        "order_reply",
        Coordinator,
        "/order reply id:1 status:accepted text:\"Politiet og skolen leder arbeidet\"",
    )
    .await;
    r.step("order_show", Member, "/order show id:1").await;
    r.step("order_overview", Coordinator, "/overview").await;
    r.step("order_overview", Member, "/overview").await;
    // A meeting held, its minutes not published: the overview says so.
    r.setup(Admin, "/meeting held id:1 early:yes").await;
    r.step("order_overview", Coordinator, "/overview").await;

    r.step("order_errors", Outsider, "/order show id:1").await;
    r.step(
        "order_errors",
        Coordinator,
        "/order add from:Koordineringsgruppa to:Koordineringsgruppa title:Kartlegg",
    )
    .await;
    r.step(
        "order_errors",
        Coordinator,
        "/order reply id:1 status:accepted text:\"Enda en gang\"",
    )
    .await;
    let case: i64 = sqlx::query_scalar(
        "SELECT id FROM agenda_items WHERE title = 'Rusbruk blant unge i sentrum'",
    )
    .fetch_one(r.env.service.store().pool())
    .await
    .expect("the case");
    r.step(
        "order_errors",
        Coordinator,
        &format!(
            "/order add from:Koordineringsgruppa to:Styringsgruppa title:Kartlegg case:{case}"
        ),
    )
    .await;
}

#[tokio::test]
async fn every_order_reply_and_error_has_a_golden_in_nb_nn_and_en() {
    let seen = golden(|r| Box::pin(orders(r))).await;
    assert_covered(ORDER_VARIANTS, &seen, "order replies");
    assert_covered(ORDER_ERRORS, &seen, "order errors");
}

/// The order's messages from the scheduler, from Monday 04.01.2027: an order from the
/// styringsgruppe posted to the koordineringsgruppe (due 06.01), its overdue pings
/// (07.01 and a week later), the answer posted to the styringsgruppe.
async fn order_story(lang: Lang, style: Style) -> Vec<(String, Outbound)> {
    let env = SchedEnv::new("2027-01-04T10:00:00+01:00").await;
    env.ok(&format!(
        "/workspace set language:{} digest_channel:{DIGEST_CHANNEL}",
        lang.code()
    ))
    .await;
    env.ok(&format!(
        "/group create name:Koordineringsgruppa level:koordinerende channel:{GROUP_CHANNEL} coordinator_role:{COORD_ROLE} member_role:{MEMBER_ROLE}\n\
         /group create name:Styringsgruppa level:styrende channel:{OTHER_CHANNEL} coordinator_role:{OTHER_COORD_ROLE} member_role:{OTHER_MEMBER_ROLE}\n\
         /group reminders group:Koordineringsgruppa leads:none deadline:none\n\
         /group reminders group:Styringsgruppa leads:none deadline:none\n\
         /meeting add group:Koordineringsgruppa at:\"19.01.2027 kl. 09.00\"\n\
         /meeting add group:Styringsgruppa at:\"26.01.2027 kl. 12.00\"\n\
         /order add from:Styringsgruppa to:Koordineringsgruppa title:\"Kartlegg rusbruken blant unge på Åsen\" details:\"Ungdata 2026 som grunnlag.\" due:06.01.2027"
    ))
    .await;
    let outbox = std::sync::Arc::new(GoldenOutbox {
        style,
        refuse: sltbot::domain::ChannelId(999),
        sent: Default::default(),
    });
    let s = Scheduler::for_service(&env.service, outbox.clone());
    env.run_until(&s, at("2027-01-15T09:00:00+01:00")).await;
    env.ok("/order reply id:1 status:done text:\"Kartleggingen er ferdig, se vedlegg i saken\"")
        .await;
    env.run_until(&s, at("2027-01-16T09:00:00+01:00")).await;
    let keys: Vec<(i64, String)> = sqlx::query_as("SELECT id, key FROM notifications")
        .fetch_all(env.service.store().pool())
        .await
        .expect("keys");
    let sent = outbox.sent.lock().expect("lock").clone();
    sent.into_iter()
        .filter(|(_, m)| m.channel != DIGEST_CHANNEL)
        .map(|(k, m)| {
            let id: i64 = k
                .strip_prefix('n')
                .and_then(|r| r.split_once('p'))
                .and_then(|(id, _)| id.parse().ok())
                .expect("n{id}p{part}");
            let key = keys
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, k)| k.clone())
                .expect("a notification row");
            (key, m)
        })
        // The story's meetings also get their notices; this golden is about the orders.
        .filter(|(key, _)| key.starts_with("order"))
        .collect()
}

#[tokio::test]
async fn every_order_message_has_a_golden_in_nb_nn_and_en_for_console_and_discord() {
    let mut runs = Vec::new();
    for lang in Lang::ALL {
        for (style, name) in [(Style::Plain, "console"), (Style::Discord, "Discord")] {
            runs.push((lang, name, order_story(lang, style).await));
        }
    }
    let first: Vec<String> = runs[0].2.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(
        first,
        [
            "order:1:1",
            "order-overdue:1:0",
            "order-overdue:1:1",
            "order:1:2"
        ],
        "the order, two overdue pings, the answer"
    );
    let mut out = String::new();
    for (key, m) in &runs[0].2 {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&format!(
            "{key} → channel {} · ping {:?} · buttons {:?}",
            m.channel, m.ping, m.buttons
        ));
        for (lang, style, run) in &runs {
            let Some((_, m)) = run.iter().find(|(k, _)| k == key) else {
                panic!("{} {style} did not send {key}", lang.code());
            };
            out.push_str(&format!("\n── {} · {style}\n{}", lang.code(), m.content));
        }
    }
    insta::assert_snapshot!("sched_orders", out);
}
