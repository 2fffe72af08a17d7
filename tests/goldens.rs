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

use sltbot::console::parser::{self, ParseError};
use sltbot::console::{self, ConsoleError, Request};
use sltbot::domain::text::TextError;
use sltbot::domain::{Lang, UserId};
use sltbot::render::{self, Style};
use sltbot::service::spec::Problem;
use sltbot::service::{Actor, Command, OptionError, Reply, ServiceError};
use sltbot::store::StoreError;
use futures::future::LocalBoxFuture;
use std::collections::BTreeSet;
use support::env::*;

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
    Reply::MeetingHeld { .. } => "Reply::MeetingHeld",
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
    Reply::GroupDeleted { .. } => "Reply::GroupDeleted",
    Reply::MeetingScheduled { .. } => "Reply::MeetingScheduled",
    Reply::MeetingNext { .. } => "Reply::MeetingNext",
    Reply::MeetingMoved { .. } => "Reply::MeetingMoved",
    Reply::GroupReminders { .. } => "Reply::GroupReminders",
    Reply::DigestSettings { .. } => "Reply::DigestSettings",
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
});

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
        let set = format!("/workspace set language:{} digest_channel:<#300>", lang.code());
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
        let outcome = match &r.outcome {
            Ok(reply) => reply_variant(reply),
            Err(e) => error_kind(e),
        };
        if let Ok(Reply::Export(export)) = &r.outcome {
            text.push_str("\n\n[the Markdown file]\n");
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

    async fn step_cmd(&mut self, snapshot: &'static str, who: Who, label: &str, cmd: Command) {
        let (outcome, _, text) = self.command(who, cmd).await;
        self.record(snapshot, who, label.to_string(), outcome, text);
    }

    /// A fault no input can cause on purpose, rendered as the user would read it.
    fn fault(&mut self, snapshot: &'static str, label: &str, e: ServiceError) {
        let text = render::error(self.lang, &e);
        self.record(snapshot, Who::Fault, label.to_string(), error_kind(&e), text);
    }

    fn record(
        &mut self,
        snapshot: &'static str,
        who: Who,
        input: String,
        outcome: &'static str,
        text: String,
    ) {
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
        assert_eq!(run.entries.len(), steps, "{} took other steps", run.lang.code());
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
                    (e.input.as_str(), e.outcome),
                    (first.input.as_str(), first.outcome),
                    "{} answered otherwise than nb",
                    run.lang.code()
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
                out.push_str(&format!(
                    "\n── {}\n{}",
                    run.lang.code(),
                    run.entries[i].text
                ));
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
    r.step("workspace", Admin, "/workspace set timezone:Europe/Oslo coordinator_role:<@&5>")
        .await;
    r.step("workspace", Member, "/workspace show").await;
    r.step("group_list", Member, "/group list").await;
    r.step("group_create", Admin, "/group create name:Koordineringsgruppa level:koordinerende channel:<#100> coordinator_role:<@&10> member_role:<@&11>")
        .await;
    r.step("group_create", Admin, "/group create name:Styringsgruppa level:styrende channel:<#200> coordinator_role:<@&20> member_role:<@&21>")
        .await;
    r.step("group_create", Admin, "/group create name:Ungdomsteamet level:utforende")
        .await;
    r.step("group_list", Member, "/group list").await;
    r.step("group_show", Admin, "/group show group:Ungdomsteamet")
        .await;
    r.step("group_edit", Admin, "/group edit group:Ungdomsteamet level:annet channel:<#400>")
        .await;

    r.step("meeting_list", Member, "/meeting list group:Koordineringsgruppa")
        .await;
    r.step("meeting_next", Member, "/meeting next group:Koordineringsgruppa")
        .await;
    r.step("agenda_add", Member, "/agenda add group:Koordineringsgruppa title:\"Uro ved ungdomsklubben på Åsen\"")
        .await;
    r.step("meeting_add", Coordinator, "/meeting add group:Koordineringsgruppa at:\"12.01.2027 kl. 09.00\" title:Januarmøtet location:\"Rådhuset, møterom Ærfugl\"")
        .await;
    r.step("meeting_add", Coordinator, "/meeting add group:Koordineringsgruppa at:\"09.02.2027 kl. 09.00\"")
        .await;
    r.setup(Coordinator, "/meeting add group:Koordineringsgruppa at:\"09.03.2027 kl. 09.00\"")
        .await;
    r.step("meeting_list", Member, "/meeting list group:Koordineringsgruppa")
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
    r.step("agenda_add", Coordinator, "/agenda add group:Koordineringsgruppa title:\"Budsjett 2027 for SLT\" meeting:2")
        .await;
    r.step("agenda_add_privacy_warning", Member, "/agenda add group:Koordineringsgruppa title:\"Oppfølging av eleven Ola Nordmann i 9B\"")
        .await;
    r.step("agenda_list", Member, "/agenda list group:Koordineringsgruppa")
        .await;
    r.step("agenda_list", Admin, "/agenda list group:Styringsgruppa")
        .await;
    r.step("agenda_edit", Coordinator, "/agenda edit id:1 status:on_agenda")
        .await;
    r.step("agenda_edit", Member, "/agenda edit id:2 title:\"Rus blant ungdom i sentrum om helga\"")
        .await;
    r.step("agenda_move", Coordinator, "/agenda move id:2 position:1")
        .await;
    r.step("agenda_move", Coordinator, "/agenda move id:2 meeting:2")
        .await;
    r.step("agenda_remove", Member, "/agenda remove id:4").await;

    r.step("action_list", Member, "/action list").await;
    r.step("action_add", Coordinator, "/action add group:Koordineringsgruppa title:\"Kartlegge fritidsklubben på Åsen\" owner:<@3> agency:Kulturetaten due:15.12.2026")
        .await;
    r.step("action_add", Coordinator, "/action add group:Koordineringsgruppa title:\"Samtale med rektor\" owner:<@4>")
        .await;
    r.setup(Admin, "/action add group:Styringsgruppa title:\"Budsjettforslag til kommunestyret\" owner:<@5> due:10.12.2026")
        .await;
    r.step("action_update", Member, "/action update id:1 status:in_progress note:\"Første samtale med Kulturetaten 03.12.\"")
        .await;
    r.step("action_update", Member, "/action update id:1 note:\"Kulturetaten sender oversikt over tilbodet.\nSjå vedlegg.\"")
        .await;
    r.step("action_note", Member, "/action note id:1 update:1 note:\"Første samtale med etaten\"")
        .await;
    r.step("action_show", Member, "/action show id:1").await;
    r.step("action_list", Member, "/action list group:Koordineringsgruppa")
        .await;
    r.step("action_list", Admin, "/action list").await;
    set_clock(r, "2026-12-16T09:00:00+01:00");
    r.step("action_list", Admin, "/action list overdue:yes").await;

    r.step("meeting_schedule", Admin, "/meeting schedule group:Styringsgruppa cadence:\"hver 4. uke tirsdag kl. 09.00 fra 2027-01-05\"")
        .await;
    r.step("meeting_schedule", Admin, "/meeting schedule group:Styringsgruppa cadence:\"monthly first tue 09:00\" skip_holidays:yes rule:yes")
        .await;
    r.step("meeting_next", Member, "/meeting next group:Koordineringsgruppa")
        .await;
    r.step("meeting_move", Coordinator, "/meeting move id:1 at:\"13.01.2027 kl. 10.00\"")
        .await;
    r.step("group_show", Member, "/group show group:Koordineringsgruppa")
        .await;
    r.step("group_reminders", Member, "/group reminders group:Koordineringsgruppa")
        .await;
    r.step("group_reminders", Coordinator, "/group reminders group:Koordineringsgruppa leads:\"7d, 1d, 2t\" deadline:3d skip_holidays:yes")
        .await;
    r.step("group_reminders", Coordinator, "/group reminders group:Koordineringsgruppa leads:none deadline:none")
        .await;
    r.step("digest", Member, "/digest show").await;
    r.step("digest", Admin, "/digest set channel:<#300> cadence:\"weekly fri 14:00\" rule:yes")
        .await;
    r.step("group_digest", Coordinator, "/group digest group:Koordineringsgruppa titles:yes")
        .await;

    r.step("meeting_cancel", Coordinator, "/meeting cancel id:2").await;
    r.step("meeting_cancel", Coordinator, "/meeting cancel id:3").await;
    r.step("meeting_add", Coordinator, "/meeting add group:Koordineringsgruppa at:\"13.04.2027 kl. 09.00\"")
        .await;
    set_clock(r, "2027-01-13T12:00:00+01:00");
    r.step("meeting_held", Coordinator, "/meeting held id:1").await;

    r.step("audit", Coordinator, "/audit group:Koordineringsgruppa")
        .await;
    r.step("group_export", Coordinator, "/group export group:Koordineringsgruppa")
        .await;
    r.step("group_archive", Admin, "/group archive group:Ungdomsteamet")
        .await;
    r.step("group_list", Member, "/group list archived:yes").await;
    r.step("group_delete", Admin, "/group delete group:Styringsgruppa confirm:Styringsgruppa")
        .await;
    r.step("console_help", Member, "/help").await;
}

#[tokio::test]
async fn every_reply_variant_has_a_golden_in_nb_nn_and_en() {
    let seen = golden(|r| Box::pin(replies(r))).await;
    assert_covered(REPLY_VARIANTS, &seen, "Reply variants");
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
    r.setup(Member, "/agenda add group:Koordineringsgruppa title:\"Uro ved ungdomsklubben på Åsen\"")
        .await;
    r.setup(Coordinator, "/agenda add group:Koordineringsgruppa title:\"Budsjett 2027 for SLT\"")
        .await;
    r.setup(Member, "/agenda add group:Koordineringsgruppa title:\"Rus blant ungdom i sentrum\"")
        .await;
    r.setup(Member, "/agenda remove id:3").await;

    // Not found, archived.
    r.step("errors_not_found", Member, "/agenda list group:Koordineringsgrupa")
        .await;
    r.step("errors_not_found", Coordinator, "/meeting cancel id:99")
        .await;
    r.step("errors_not_found", Member, "/agenda edit id:99 title:\"Ny tittel\"")
        .await;
    r.step("errors_not_found", Member, "/action show id:99").await;
    r.step("errors_not_found", Admin, "/group edit group:Ungdomsteamet level:annet")
        .await;

    // Who may do what.
    r.step("errors_permissions", Member, "/meeting add group:Koordineringsgruppa at:\"16.03.2027 kl. 09.00\"")
        .await;
    r.step("errors_permissions", Outsider, "/agenda list group:Koordineringsgruppa")
        .await;
    r.step("errors_permissions", Member, "/workspace set timezone:Europe/Oslo")
        .await;
    r.step("errors_permissions", Member, "/group create name:Ny level:annet")
        .await;
    r.step("errors_permissions", Member, "/audit group:Koordineringsgruppa")
        .await;
    r.step("errors_permissions", Member, "/agenda edit id:2 title:\"Budsjett 2028\"")
        .await;
    r.step("errors_permissions", Member, "/agenda edit id:1 status:handled")
        .await;

    // Text.
    r.step("errors_text", Member, "/agenda add group:Koordineringsgruppa title:\"   \"")
        .await;
    let long = "Å".repeat(201);
    r.step("errors_text", Member, &format!("/agenda add group:Koordineringsgruppa title:\"{long}\""))
        .await;
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
    r.step("errors_text", Member, &format!("/agenda add group:Koordineringsgruppa title:\"Samtale om {FNR}\""))
        .await;
    r.step("errors_text", Coordinator, &format!("/action update id:1 note:\"Snakka med eleven, fnr. {FNR}\""))
        .await;

    // Dates and settings.
    r.step("errors_dates", Coordinator, "/meeting add group:Koordineringsgruppa at:\"31.02.2027 kl. 09.00\"")
        .await;
    r.step("errors_dates", Coordinator, "/meeting add group:Koordineringsgruppa at:\"neste tirsdag\"")
        .await;
    r.step("errors_dates", Coordinator, "/meeting add group:Koordineringsgruppa at:\"01.11.2026 kl. 09.00\"")
        .await;
    r.step("errors_dates", Coordinator, "/action add group:Koordineringsgruppa title:\"Samtale med rektor\" owner:<@4> due:31.02.2027")
        .await;
    r.step("errors_dates", Coordinator, "/action add group:Koordineringsgruppa title:\"Samtale med rektor\" owner:<@4> due:30.11.2026")
        .await;
    r.step("errors_dates", Admin, "/workspace set timezone:Europe/Bergen")
        .await;

    // Duplicates.
    r.step("errors_duplicates", Admin, "/group create name:koordineringsgruppa level:koordinerende")
        .await;
    r.step("errors_duplicates", Member, "/agenda add group:Koordineringsgruppa title:\"Uro ved ungdomsklubben på Åsen\"")
        .await;

    // The agenda's rules.
    r.step("errors_agenda", Member, "/agenda add group:Koordineringsgruppa title:\"Trygg skuleveg\" meeting:3")
        .await;
    r.step("errors_agenda", Coordinator, "/meeting cancel id:3").await;
    r.step("errors_agenda", Member, "/agenda edit id:3 title:\"Rus i sentrum\"")
        .await;
    r.step("errors_agenda", Member, "/agenda edit id:1").await;
    r.step("errors_agenda", Coordinator, "/agenda move id:1 position:9")
        .await;
    r.step("errors_agenda", Member, "/agenda edit id:1 title:\"Uro ved klubben\" version:7")
        .await;
    r.step("errors_agenda", Admin, "/group delete group:Styringsgruppa")
        .await;
    r.step("errors_agenda", Admin, "/group delete group:Styringsgruppa confirm:Styringsgrupa")
        .await;
    for i in 1..=50 {
        r.setup(
            Member,
            &format!("/agenda add group:Koordineringsgruppa title:\"Sak {i}\" meeting:2"),
        )
        .await;
    }
    r.step("errors_agenda", Member, "/agenda add group:Koordineringsgruppa title:\"Sak 51\" meeting:2")
        .await;

    // Cadences, reminders.
    for cadence in [
        "av og til",
        "hver 4. uke tirsdag",
        "hver 4. uke tirsdag kl. 9.00 kl. 10.00",
        "5 ganger i året første tirsdag kl. 09.00",
        "møte i uke 8, 20 og 54 tirsdag kl. 09.00",
        "hver 4. uke tirsdag kl. 25.00",
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
    r.step("errors_cadence", Coordinator, "/meeting schedule group:Koordineringsgruppa cadence:\"*/30 * * * *\"")
        .await;
    r.step("errors_cadence", Coordinator, "/group reminders group:Koordineringsgruppa leads:\"om en uke\"")
        .await;
    r.step("errors_cadence", Coordinator, "/group reminders group:Koordineringsgruppa deadline:\"i morgen\"")
        .await;

    // The console's own errors, before anything reaches the service.
    let too_long = format!("/agenda add group:Koordineringsgruppa title:\"{}\"", "a".repeat(8000));
    let too_long_label = "/agenda add group:Koordineringsgruppa title:\"aaaa… (8,000 a)\"";
    let (outcome, _, text) = r.line(Member, &too_long).await;
    r.record("errors_console", Member, too_long_label.into(), outcome, text);
    r.step("errors_console", Member, "/agenda list group:Koordineringsgruppa\u{7}")
        .await;
    r.step("errors_console", Member, "group:Koordineringsgruppa")
        .await;
    r.step("errors_console", Member, "/agenda add group:Koordineringsgruppa title:\"Uro ved klubben")
        .await;
    r.step("errors_console", Member, "/agenda add group:Koordineringsgruppa title:")
        .await;
    r.step("errors_console", Member, "/agenda add group:Koordineringsgruppa title:\"Uro\"ved")
        .await;
    r.step("errors_console", Member, "/agenda list group:Koordineringsgruppa group:Styringsgruppa")
        .await;
    r.step("errors_console", Member, "/agenda list 9gruppe:Koordineringsgruppa")
        .await;
    r.step("errors_console", Member, "/agenda legg-til").await;
    r.step("errors_console", Member, "/agenda list gruppe:Koordineringsgruppa")
        .await;
    r.step("errors_console", Member, "/agenda add group:Koordineringsgruppa")
        .await;
    r.step("errors_console", Member, "/action show id:en").await;
    r.step("errors_console", Coordinator, "/agenda move id:1 position:0")
        .await;
    r.step("errors_console", Coordinator, "/action add group:Koordineringsgruppa title:Kartlegge owner:Ola")
        .await;
    r.step("errors_console", Admin, "/workspace set coordinator_role:koordinator")
        .await;
    r.step("errors_console", Admin, "/workspace set digest_channel:oversikt")
        .await;
    r.step("errors_console", Member, "/group list archived:kanskje")
        .await;
    r.step("errors_console", Admin, "/group create name:Ny level:middels")
        .await;
    r.step("errors_console", Member, "/action update id:1 status:ferdig-ish")
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
    r.fault("errors_faults", "(a fault in sltbot)", ServiceError::Internal);
}

#[tokio::test]
async fn every_error_a_user_can_meet_has_a_golden_in_nb_nn_and_en() {
    let seen = golden(|r| Box::pin(errors(r))).await;
    assert_covered(ERROR_KINDS, &seen, "service errors");
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
