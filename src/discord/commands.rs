//! The slash commands. Each one only converts its options into a [`Command`] and hands it
//! to [`super::reply::execute`]; the service decides everything else. Names, options and
//! their order mirror the console table (`src/console/mod.rs`). English names and doc
//! comments here are the defaults; `localize` overwrites descriptions and adds nb/en
//! names from the Fluent files.

use super::autocomplete as ac;
use super::reply::{execute, open_agenda_modal};
use super::{Ctx, Data, Error};
use crate::domain::{
    ActionId, ActionStatus, AgendaItemId, AgendaStatus, ChannelId, Lang, MeetingId, RoleId,
    SltLevel, UserId,
};
use crate::service::{ActionQuery, Command, GroupFields, WorkspaceSet};
use poise::serenity_prelude as serenity;

/// Every top-level command, in the order Discord lists them.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        group(),
        meeting(),
        agenda(),
        action(),
        audit(),
        digest(),
        workspace(),
    ]
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum LevelChoice {
    #[name = "styrende"]
    Styrende,
    #[name = "koordinerende"]
    Koordinerende,
    #[name = "utforende"]
    Utforende,
    #[name = "annet"]
    Annet,
}

impl LevelChoice {
    fn domain(self) -> SltLevel {
        match self {
            LevelChoice::Styrende => SltLevel::Styrende,
            LevelChoice::Koordinerende => SltLevel::Koordinerende,
            LevelChoice::Utforende => SltLevel::Utforende,
            LevelChoice::Annet => SltLevel::Annet,
        }
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum LanguageChoice {
    #[name = "nb"]
    Nb,
    #[name = "nn"]
    Nn,
    #[name = "en"]
    En,
}

impl LanguageChoice {
    fn domain(self) -> Lang {
        match self {
            LanguageChoice::Nb => Lang::Nb,
            LanguageChoice::Nn => Lang::Nn,
            LanguageChoice::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum AgendaStatusChoice {
    #[name = "proposed"]
    Proposed,
    #[name = "on_agenda"]
    OnAgenda,
    #[name = "handled"]
    Handled,
    #[name = "carried_over"]
    CarriedOver,
    #[name = "withdrawn"]
    Withdrawn,
}

impl AgendaStatusChoice {
    fn domain(self) -> AgendaStatus {
        match self {
            AgendaStatusChoice::Proposed => AgendaStatus::Proposed,
            AgendaStatusChoice::OnAgenda => AgendaStatus::OnAgenda,
            AgendaStatusChoice::Handled => AgendaStatus::Handled,
            AgendaStatusChoice::CarriedOver => AgendaStatus::CarriedOver,
            AgendaStatusChoice::Withdrawn => AgendaStatus::Withdrawn,
        }
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum ActionStatusChoice {
    #[name = "open"]
    Open,
    #[name = "in_progress"]
    InProgress,
    #[name = "blocked"]
    Blocked,
    #[name = "done"]
    Done,
    #[name = "cancelled"]
    Cancelled,
}

impl ActionStatusChoice {
    fn domain(self) -> ActionStatus {
        match self {
            ActionStatusChoice::Open => ActionStatus::Open,
            ActionStatusChoice::InProgress => ActionStatus::InProgress,
            ActionStatusChoice::Blocked => ActionStatus::Blocked,
            ActionStatusChoice::Done => ActionStatus::Done,
            ActionStatusChoice::Cancelled => ActionStatus::Cancelled,
        }
    }
}

/// Fluent ids for the choices of an option, in the enum's order (for `localize`).
pub fn choice_ids(command: &str, option: &str) -> Option<Vec<String>> {
    let ids: Vec<String> = match (command, option) {
        (_, "level") => SltLevel::ALL
            .iter()
            .map(|l| format!("level-{}", l.as_str()))
            .collect(),
        (_, "language") => Lang::ALL
            .iter()
            .map(|l| format!("lang-{}", l.code()))
            .collect(),
        ("agenda edit", "status") => [
            AgendaStatus::Proposed,
            AgendaStatus::OnAgenda,
            AgendaStatus::Handled,
            AgendaStatus::CarriedOver,
            AgendaStatus::Withdrawn,
        ]
        .iter()
        .map(|s| format!("agenda-status-{}", s.as_str().replace('_', "-")))
        .collect(),
        (_, "status") => ActionStatus::ALL
            .iter()
            .map(|s| format!("action-status-{}", s.as_str().replace('_', "-")))
            .collect(),
        _ => return None,
    };
    Some(ids)
}

fn role(r: Option<serenity::RoleId>) -> Option<RoleId> {
    r.map(|r| RoleId(r.get()))
}

fn channel(c: Option<serenity::ChannelId>) -> Option<ChannelId> {
    c.map(|c| ChannelId(c.get()))
}

// ---------------------------------------------------------------- /workspace

/// Server-wide settings for sltbot
#[poise::command(
    slash_command,
    guild_only,
    subcommands("workspace_show", "workspace_set"),
    subcommand_required
)]
pub async fn workspace(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Show the server's settings
#[poise::command(slash_command, guild_only, rename = "show")]
async fn workspace_show(ctx: Ctx<'_>) -> Result<(), Error> {
    execute(ctx, Command::WorkspaceShow).await
}

/// Change timezone, language, SLT coordinator role or digest channel (admins)
#[poise::command(slash_command, guild_only, rename = "set")]
async fn workspace_set(
    ctx: Ctx<'_>,
    #[description = "IANA timezone"] timezone: Option<String>,
    #[description = "Language"] language: Option<LanguageChoice>,
    #[description = "The coordinator role"] coordinator_role: Option<serenity::RoleId>,
    #[description = "Channel for the weekly digest"] digest_channel: Option<serenity::ChannelId>,
) -> Result<(), Error> {
    let cmd = Command::WorkspaceSet(WorkspaceSet {
        timezone,
        language: language.map(|l| l.domain().code().to_string()),
        coordinator_role: role(coordinator_role),
        digest_channel: channel(digest_channel),
    });
    execute(ctx, cmd).await
}

// ---------------------------------------------------------------- /group

/// SLT groups: steering group, coordination group, operational level
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "group_create",
        "group_list",
        "group_show",
        "group_edit",
        "group_archive",
        "group_reminders",
        "group_export",
        "group_delete"
    ),
    subcommand_required
)]
pub async fn group(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Create a group (SLT coordinator)
#[allow(clippy::too_many_arguments)]
#[poise::command(slash_command, guild_only, rename = "create")]
async fn group_create(
    ctx: Ctx<'_>,
    #[description = "Name of the group"]
    #[max_length = 100]
    name: String,
    #[description = "SLT level"] level: LevelChoice,
    #[description = "The group's own channel"] channel: Option<serenity::ChannelId>,
    #[description = "The coordinator role"] coordinator_role: Option<serenity::RoleId>,
    #[description = "The members' role"] member_role: Option<serenity::RoleId>,
    #[description = "IANA timezone"] timezone: Option<String>,
    #[description = "Language"] language: Option<LanguageChoice>,
) -> Result<(), Error> {
    let fields = GroupFields {
        name: Some(name),
        level: Some(level.domain().as_str().to_string()),
        channel: self::channel(channel),
        coordinator_role: role(coordinator_role),
        member_role: role(member_role),
        timezone,
        language: language.map(|l| l.domain().code().to_string()),
    };
    execute(ctx, Command::GroupCreate(fields)).await
}

/// List the groups
#[poise::command(slash_command, guild_only, rename = "list")]
async fn group_list(
    ctx: Ctx<'_>,
    #[description = "Include archived groups"] archived: Option<bool>,
) -> Result<(), Error> {
    let cmd = Command::GroupList {
        include_archived: archived.unwrap_or(false),
    };
    execute(ctx, cmd).await
}

/// Show a group with its next meeting
#[poise::command(slash_command, guild_only, rename = "show")]
async fn group_show(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
) -> Result<(), Error> {
    execute(ctx, Command::GroupShow { group }).await
}

/// Change a group (its coordinators)
#[allow(clippy::too_many_arguments)]
#[poise::command(slash_command, guild_only, rename = "edit")]
async fn group_edit(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
    #[description = "New name"]
    #[max_length = 100]
    name: Option<String>,
    #[description = "SLT level"] level: Option<LevelChoice>,
    #[description = "The group's own channel"] channel: Option<serenity::ChannelId>,
    #[description = "The coordinator role"] coordinator_role: Option<serenity::RoleId>,
    #[description = "The members' role"] member_role: Option<serenity::RoleId>,
    #[description = "IANA timezone"] timezone: Option<String>,
    #[description = "Language"] language: Option<LanguageChoice>,
) -> Result<(), Error> {
    let fields = GroupFields {
        name,
        level: level.map(|l| l.domain().as_str().to_string()),
        channel: self::channel(channel),
        coordinator_role: role(coordinator_role),
        member_role: role(member_role),
        timezone,
        language: language.map(|l| l.domain().code().to_string()),
    };
    execute(ctx, Command::GroupEdit { group, fields }).await
}

/// Archive a group (its coordinators)
#[poise::command(slash_command, guild_only, rename = "archive")]
async fn group_archive(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
) -> Result<(), Error> {
    execute(ctx, Command::GroupArchive { group }).await
}

/// Reminder lead times, agenda deadline and holiday skipping (show without options)
#[poise::command(slash_command, guild_only, rename = "reminders")]
async fn group_reminders(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
    #[description = "Reminders before the meeting, e.g. 7d,1d"]
    #[max_length = 100]
    leads: Option<String>,
    #[description = "Agenda deadline before the meeting, e.g. 2d, or none"]
    #[max_length = 20]
    deadline: Option<String>,
    #[description = "Skip public holidays"] skip_holidays: Option<bool>,
) -> Result<(), Error> {
    let cmd = Command::GroupReminders {
        group,
        leads,
        deadline,
        skip_holidays,
    };
    execute(ctx, cmd).await
}

/// Everything stored about a group, as JSON and Markdown files (its coordinators)
#[poise::command(slash_command, guild_only, rename = "export")]
async fn group_export(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
) -> Result<(), Error> {
    execute(ctx, Command::GroupExport { group }).await
}

/// Delete a group and all its data for good (its coordinators; needs confirmation)
#[poise::command(slash_command, guild_only, rename = "delete")]
async fn group_delete(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
    #[description = "The group's name again, to confirm"]
    #[max_length = 100]
    confirm: Option<String>,
) -> Result<(), Error> {
    execute(ctx, Command::GroupDelete { group, confirm }).await
}

// ---------------------------------------------------------------- /audit

/// Recent changes in a group (its coordinators)
#[poise::command(slash_command, guild_only)]
pub async fn audit(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
) -> Result<(), Error> {
    execute(ctx, Command::Audit { group }).await
}

// ---------------------------------------------------------------- /digest

/// The weekly digest of meetings, agenda items and actions
#[poise::command(
    slash_command,
    guild_only,
    subcommands("digest_show", "digest_set"),
    subcommand_required
)]
pub async fn digest(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Show the digest's channel, cadence and next run
#[poise::command(slash_command, guild_only, rename = "show")]
async fn digest_show(ctx: Ctx<'_>) -> Result<(), Error> {
    let cmd = Command::DigestSet {
        channel: None,
        cadence: None,
    };
    execute(ctx, cmd).await
}

/// Change the digest's channel or cadence (admins)
#[poise::command(slash_command, guild_only, rename = "set")]
async fn digest_set(
    ctx: Ctx<'_>,
    #[description = "Channel for the digest"] channel: Option<serenity::ChannelId>,
    #[description = "How often, e.g. weekly mon 08:00"]
    #[autocomplete = "ac::digest_cadence"]
    #[max_length = 300]
    cadence: Option<String>,
) -> Result<(), Error> {
    let cmd = Command::DigestSet {
        channel: self::channel(channel),
        cadence,
    };
    execute(ctx, cmd).await
}

// ---------------------------------------------------------------- /meeting

/// Meetings of a group
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "meeting_add",
        "meeting_list",
        "meeting_cancel",
        "meeting_held",
        "meeting_schedule",
        "meeting_next",
        "meeting_move"
    ),
    subcommand_required
)]
pub async fn meeting(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Add a one-off meeting
#[poise::command(slash_command, guild_only, rename = "add")]
async fn meeting_add(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
    #[description = "When, e.g. 12.01.2027 kl. 09.00"] at: String,
    #[description = "Title"]
    #[max_length = 200]
    title: Option<String>,
    #[description = "Where"]
    #[max_length = 200]
    location: Option<String>,
) -> Result<(), Error> {
    let cmd = Command::MeetingAdd {
        group,
        at,
        title,
        location,
    };
    execute(ctx, cmd).await
}

/// Upcoming meetings of a group
#[poise::command(slash_command, guild_only, rename = "list")]
async fn meeting_list(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
) -> Result<(), Error> {
    execute(ctx, Command::MeetingList { group }).await
}

/// Cancel a meeting; its items move to the next one
#[poise::command(slash_command, guild_only, rename = "cancel")]
async fn meeting_cancel(
    ctx: Ctx<'_>,
    #[description = "Which meeting"]
    #[autocomplete = "ac::meeting"]
    id: i64,
) -> Result<(), Error> {
    execute(ctx, Command::MeetingCancel { id: MeetingId(id) }).await
}

/// Mark a meeting as held; open items carry over
#[poise::command(slash_command, guild_only, rename = "held")]
async fn meeting_held(
    ctx: Ctx<'_>,
    #[description = "Which meeting"]
    #[autocomplete = "ac::meeting"]
    id: i64,
) -> Result<(), Error> {
    execute(ctx, Command::MeetingHeld { id: MeetingId(id) }).await
}

/// Give a group a recurring meeting time; replaces the previous one (its coordinators)
#[poise::command(slash_command, guild_only, rename = "schedule")]
async fn meeting_schedule(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
    #[description = "How often, e.g. weekly tue 09:00, an RRULE or cron"]
    #[autocomplete = "ac::cadence"]
    #[max_length = 300]
    cadence: String,
    #[description = "Skip public holidays"] skip_holidays: Option<bool>,
) -> Result<(), Error> {
    let cmd = Command::MeetingSchedule {
        group,
        cadence,
        skip_holidays,
    };
    execute(ctx, cmd).await
}

/// A group's next meeting
#[poise::command(slash_command, guild_only, rename = "next")]
async fn meeting_next(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
) -> Result<(), Error> {
    execute(ctx, Command::MeetingNext { group }).await
}

/// Move one meeting to another time (its coordinators)
#[poise::command(slash_command, guild_only, rename = "move")]
async fn meeting_move(
    ctx: Ctx<'_>,
    #[description = "Which meeting"]
    #[autocomplete = "ac::meeting"]
    id: i64,
    #[description = "New time, e.g. 12.01.2027 kl. 09.00"] at: String,
) -> Result<(), Error> {
    let cmd = Command::MeetingMove {
        id: MeetingId(id),
        at,
    };
    execute(ctx, cmd).await
}

// ---------------------------------------------------------------- /agenda

/// Agenda items for the meetings
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "agenda_add",
        "agenda_list",
        "agenda_edit",
        "agenda_remove",
        "agenda_move"
    ),
    subcommand_required
)]
pub async fn agenda(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Submit an agenda item (leave out the title to write it in a form)
#[poise::command(slash_command, guild_only, rename = "add")]
async fn agenda_add(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
    #[description = "Title"]
    #[max_length = 200]
    title: Option<String>,
    #[description = "Details"]
    #[max_length = 4000]
    details: Option<String>,
    #[description = "Which meeting; default the next one"]
    #[autocomplete = "ac::meeting"]
    meeting: Option<i64>,
) -> Result<(), Error> {
    let meeting = meeting.map(MeetingId);
    match title {
        // No title: a form with room for long details.
        None => open_agenda_modal(ctx, &group, meeting).await,
        Some(title) => {
            let cmd = Command::AgendaAdd {
                group,
                title,
                details,
                meeting,
            };
            execute(ctx, cmd).await
        }
    }
}

/// The agenda of a group's next (or a named) meeting
#[poise::command(slash_command, guild_only, rename = "list")]
async fn agenda_list(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
    #[description = "Which meeting"]
    #[autocomplete = "ac::meeting"]
    meeting: Option<i64>,
) -> Result<(), Error> {
    let cmd = Command::AgendaList {
        group,
        meeting: meeting.map(MeetingId),
    };
    execute(ctx, cmd).await
}

/// Change an agenda item
#[poise::command(slash_command, guild_only, rename = "edit")]
async fn agenda_edit(
    ctx: Ctx<'_>,
    #[description = "Which item"]
    #[autocomplete = "ac::agenda_item"]
    id: i64,
    #[description = "New title"]
    #[max_length = 200]
    title: Option<String>,
    #[description = "New details"]
    #[max_length = 4000]
    details: Option<String>,
    #[description = "New status"] status: Option<AgendaStatusChoice>,
    #[description = "The version you saw"] version: Option<i64>,
) -> Result<(), Error> {
    let cmd = Command::AgendaEdit {
        id: AgendaItemId(id),
        title,
        details,
        status: status.map(|s| s.domain().as_str().to_string()),
        expected_version: version,
    };
    execute(ctx, cmd).await
}

/// Withdraw an agenda item
#[poise::command(slash_command, guild_only, rename = "remove")]
async fn agenda_remove(
    ctx: Ctx<'_>,
    #[description = "Which item"]
    #[autocomplete = "ac::agenda_item"]
    id: i64,
) -> Result<(), Error> {
    execute(
        ctx,
        Command::AgendaRemove {
            id: AgendaItemId(id),
        },
    )
    .await
}

/// Move an item to another meeting or position (coordinators)
#[poise::command(slash_command, guild_only, rename = "move")]
async fn agenda_move(
    ctx: Ctx<'_>,
    #[description = "Which item"]
    #[autocomplete = "ac::agenda_item"]
    id: i64,
    #[description = "Which meeting"]
    #[autocomplete = "ac::meeting"]
    meeting: Option<i64>,
    #[description = "New position"]
    #[min = 1]
    position: Option<i64>,
) -> Result<(), Error> {
    let cmd = Command::AgendaMove {
        id: AgendaItemId(id),
        meeting: meeting.map(MeetingId),
        position,
    };
    execute(ctx, cmd).await
}

// ---------------------------------------------------------------- /action

/// Actions: owner, due date, status and progress
#[poise::command(
    slash_command,
    guild_only,
    subcommands("action_add", "action_update", "action_list", "action_show"),
    subcommand_required
)]
pub async fn action(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Add an action with an owner (coordinators)
#[poise::command(slash_command, guild_only, rename = "add")]
async fn action_add(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: String,
    #[description = "Title"]
    #[max_length = 200]
    title: String,
    #[description = "Who owns it"] owner: serenity::UserId,
    #[description = "Agency"]
    #[max_length = 100]
    agency: Option<String>,
    #[description = "Due date, e.g. 31.12.2027"] due: Option<String>,
) -> Result<(), Error> {
    let cmd = Command::ActionAdd {
        group,
        title,
        owner: UserId(owner.get()),
        agency,
        due,
    };
    execute(ctx, cmd).await
}

/// Report progress or change the status of an action
#[poise::command(slash_command, guild_only, rename = "update")]
async fn action_update(
    ctx: Ctx<'_>,
    #[description = "Which action"]
    #[autocomplete = "ac::action"]
    id: i64,
    #[description = "New status"] status: Option<ActionStatusChoice>,
    #[description = "A progress note"]
    #[max_length = 4000]
    note: Option<String>,
) -> Result<(), Error> {
    let cmd = Command::ActionUpdate {
        id: ActionId(id),
        status: status.map(|s| s.domain().as_str().to_string()),
        note,
    };
    execute(ctx, cmd).await
}

/// List actions
#[poise::command(slash_command, guild_only, rename = "list")]
async fn action_list(
    ctx: Ctx<'_>,
    #[description = "The group"]
    #[autocomplete = "ac::group"]
    group: Option<String>,
    #[description = "Whose actions"] owner: Option<serenity::UserId>,
    #[description = "Status"] status: Option<ActionStatusChoice>,
    #[description = "Only overdue actions"] overdue: Option<bool>,
) -> Result<(), Error> {
    let cmd = Command::ActionList(ActionQuery {
        group,
        owner: owner.map(|o| UserId(o.get())),
        status: status.map(|s| s.domain().as_str().to_string()),
        overdue: overdue.unwrap_or(false),
    });
    execute(ctx, cmd).await
}

/// Show an action with its history
#[poise::command(slash_command, guild_only, rename = "show")]
async fn action_show(
    ctx: Ctx<'_>,
    #[description = "Which action"]
    #[autocomplete = "ac::action"]
    id: i64,
) -> Result<(), Error> {
    execute(ctx, Command::ActionShow { id: ActionId(id) }).await
}
