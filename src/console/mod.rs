//! The console adapter: reads command lines — the same syntax a Discord user types —
//! from any reader, runs them through the service, and prints the replies. This is how
//! a newcomer tries sltbot without a Discord token and how tests script scenarios.

pub mod parser;

use crate::domain::{
    ActionId, AgendaItemId, ChannelId, Lang, MeetingId, RoleId, UserId, WorkspaceId,
};
use crate::render::{self, Style};
use crate::service::{ActionQuery, Actor, Command, GroupFields, Service, WorkspaceSet};
use crate::t;
use parser::{ParseError, ParsedLine};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt};

/// How an option's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Number,
    User,
    Role,
    Channel,
    Flag,
}

struct Spec {
    path: &'static str,
    /// (name, kind, required)
    options: &'static [(&'static str, Kind, bool)],
}

use Kind::*;

/// Every console command and its options, in the order `/help` lists them.
const SPECS: &[Spec] = &[
    Spec {
        path: "help",
        options: &[],
    },
    Spec {
        path: "workspace show",
        options: &[],
    },
    Spec {
        path: "workspace set",
        options: &[
            ("timezone", Text, false),
            ("language", Text, false),
            ("coordinator_role", Role, false),
            ("digest_channel", Channel, false),
        ],
    },
    Spec {
        path: "group create",
        options: &[
            ("name", Text, true),
            ("level", Text, true),
            ("channel", Channel, false),
            ("coordinator_role", Role, false),
            ("member_role", Role, false),
            ("timezone", Text, false),
            ("language", Text, false),
        ],
    },
    Spec {
        path: "group list",
        options: &[("archived", Flag, false)],
    },
    Spec {
        path: "group show",
        options: &[("group", Text, true)],
    },
    Spec {
        path: "group edit",
        options: &[
            ("group", Text, true),
            ("name", Text, false),
            ("level", Text, false),
            ("channel", Channel, false),
            ("coordinator_role", Role, false),
            ("member_role", Role, false),
            ("timezone", Text, false),
            ("language", Text, false),
        ],
    },
    Spec {
        path: "group archive",
        options: &[("group", Text, true)],
    },
    Spec {
        path: "group export",
        options: &[("group", Text, true)],
    },
    Spec {
        path: "group delete",
        options: &[("group", Text, true), ("confirm", Text, false)],
    },
    Spec {
        path: "audit",
        options: &[("group", Text, true)],
    },
    Spec {
        path: "meeting add",
        options: &[
            ("group", Text, true),
            ("at", Text, true),
            ("title", Text, false),
            ("location", Text, false),
        ],
    },
    Spec {
        path: "meeting list",
        options: &[("group", Text, true)],
    },
    Spec {
        path: "meeting cancel",
        options: &[("id", Number, true)],
    },
    Spec {
        path: "meeting held",
        options: &[("id", Number, true)],
    },
    Spec {
        path: "agenda add",
        options: &[
            ("group", Text, true),
            ("title", Text, true),
            ("details", Text, false),
            ("meeting", Number, false),
        ],
    },
    Spec {
        path: "agenda list",
        options: &[("group", Text, true), ("meeting", Number, false)],
    },
    Spec {
        path: "agenda edit",
        options: &[
            ("id", Number, true),
            ("title", Text, false),
            ("details", Text, false),
            ("status", Text, false),
            ("version", Number, false),
        ],
    },
    Spec {
        path: "agenda remove",
        options: &[("id", Number, true)],
    },
    Spec {
        path: "agenda move",
        options: &[
            ("id", Number, true),
            ("meeting", Number, false),
            ("position", Number, false),
        ],
    },
    Spec {
        path: "action add",
        options: &[
            ("group", Text, true),
            ("title", Text, true),
            ("owner", User, true),
            ("agency", Text, false),
            ("due", Text, false),
        ],
    },
    Spec {
        path: "action update",
        options: &[
            ("id", Number, true),
            ("status", Text, false),
            ("note", Text, false),
        ],
    },
    Spec {
        path: "action list",
        options: &[
            ("group", Text, false),
            ("owner", User, false),
            ("status", Text, false),
            ("overdue", Flag, false),
        ],
    },
    Spec {
        path: "action show",
        options: &[("id", Number, true)],
    },
    Spec {
        path: "meeting schedule",
        options: &[
            ("group", Text, true),
            ("cadence", Text, true),
            ("skip_holidays", Flag, false),
        ],
    },
    Spec {
        path: "meeting next",
        options: &[("group", Text, true)],
    },
    Spec {
        path: "meeting move",
        options: &[("id", Number, true), ("at", Text, true)],
    },
    Spec {
        path: "group reminders",
        options: &[
            ("group", Text, true),
            ("leads", Text, false),
            ("deadline", Text, false),
            ("skip_holidays", Flag, false),
        ],
    },
    Spec {
        path: "digest",
        options: &[("channel", Channel, false), ("cadence", Text, false)],
    },
];

/// What a console line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Help,
    Run(Command),
}

/// A line that could not become a command. Never echoes option values.
#[derive(Debug, Clone, PartialEq)]
pub enum ConsoleError {
    Parse(ParseError),
    UnknownCommand {
        command: String,
    },
    UnknownOption {
        command: String,
        option: String,
        valid: String,
    },
    MissingOption {
        command: String,
        option: String,
    },
    InvalidNumber {
        option: String,
    },
    InvalidUser {
        option: String,
    },
    InvalidRole {
        option: String,
    },
    InvalidChannel {
        option: String,
    },
    InvalidFlag {
        option: String,
    },
}

impl ConsoleError {
    pub fn render(&self, lang: Lang) -> String {
        use ConsoleError as E;
        match self {
            E::Parse(p) => {
                let mut args = fluent_bundle::FluentArgs::new();
                for (name, value) in p.fluent_args() {
                    // An option name may hold digits (`x01019010046:`): mask like any echo.
                    args.set(name, crate::domain::text::echo_safe(&value));
                }
                crate::i18n::tr(lang, p.fluent_key(), Some(&args))
            }
            E::UnknownCommand { command } => {
                t!(lang, "console-unknown-command", command = command.as_str())
            }
            E::UnknownOption {
                command,
                option,
                valid,
            } => t!(
                lang,
                "console-unknown-option",
                command = command.as_str(),
                option = option.as_str(),
                valid = valid.as_str()
            ),
            E::MissingOption { command, option } => t!(
                lang,
                "console-missing-option",
                command = command.as_str(),
                option = option.as_str()
            ),
            E::InvalidNumber { option } => {
                t!(lang, "console-invalid-number", option = option.as_str())
            }
            E::InvalidUser { option } => t!(lang, "console-invalid-user", option = option.as_str()),
            E::InvalidRole { option } => t!(lang, "console-invalid-role", option = option.as_str()),
            E::InvalidChannel { option } => {
                t!(lang, "console-invalid-channel", option = option.as_str())
            }
            E::InvalidFlag { option } => t!(lang, "console-invalid-flag", option = option.as_str()),
        }
    }
}

/// Options of a line, checked against the command's spec.
struct Args<'a> {
    line: &'a ParsedLine,
}

impl Args<'_> {
    fn text(&self, name: &str) -> Option<String> {
        self.line.option(name).map(str::to_string)
    }

    fn number(&self, name: &str) -> Result<Option<i64>, ConsoleError> {
        self.line
            .option(name)
            .map(|v| {
                v.trim()
                    .parse::<i64>()
                    .map_err(|_| ConsoleError::InvalidNumber {
                        option: name.to_string(),
                    })
            })
            .transpose()
    }

    fn id(&self, name: &str) -> Result<i64, ConsoleError> {
        // Presence of required options is checked before conversion.
        self.number(name)?
            .ok_or_else(|| ConsoleError::InvalidNumber {
                option: name.to_string(),
            })
    }

    fn snowflake(
        &self,
        name: &str,
        prefixes: &[&str],
        err: fn(String) -> ConsoleError,
    ) -> Result<Option<u64>, ConsoleError> {
        let Some(v) = self.line.option(name) else {
            return Ok(None);
        };
        let mut s = v.trim();
        if let Some(inner) = s.strip_prefix('<').and_then(|x| x.strip_suffix('>')) {
            s = inner;
        }
        for p in prefixes {
            if let Some(rest) = s.strip_prefix(p) {
                s = rest;
                break;
            }
        }
        s.parse::<u64>()
            .ok()
            .filter(|n| *n > 0 && *n < (1 << 63))
            .map(Some)
            .ok_or_else(|| err(name.to_string()))
    }

    fn user(&self, name: &str) -> Result<Option<UserId>, ConsoleError> {
        Ok(self
            .snowflake(name, &["@!", "@"], |option| ConsoleError::InvalidUser {
                option,
            })?
            .map(UserId))
    }

    fn role(&self, name: &str) -> Result<Option<RoleId>, ConsoleError> {
        Ok(self
            .snowflake(name, &["@&"], |option| ConsoleError::InvalidRole { option })?
            .map(RoleId))
    }

    fn channel(&self, name: &str) -> Result<Option<ChannelId>, ConsoleError> {
        Ok(self
            .snowflake(name, &["#"], |option| ConsoleError::InvalidChannel {
                option,
            })?
            .map(ChannelId))
    }

    fn flag(&self, name: &str) -> Result<bool, ConsoleError> {
        match self.line.option(name).map(|v| v.trim().to_lowercase()) {
            None => Ok(false),
            Some(v) => match v.as_str() {
                "true" | "yes" | "ja" | "1" | "on" => Ok(true),
                "false" | "no" | "nei" | "0" | "off" => Ok(false),
                _ => Err(ConsoleError::InvalidFlag {
                    option: name.to_string(),
                }),
            },
        }
    }

    /// A flag that may be left out (`None`) rather than defaulting to false.
    fn opt_flag(&self, name: &str) -> Result<Option<bool>, ConsoleError> {
        match self.line.option(name) {
            None => Ok(None),
            Some(_) => self.flag(name).map(Some),
        }
    }

    fn group_fields(&self) -> Result<GroupFields, ConsoleError> {
        Ok(GroupFields {
            name: self.text("name"),
            level: self.text("level"),
            channel: self.channel("channel")?,
            coordinator_role: self.role("coordinator_role")?,
            member_role: self.role("member_role")?,
            timezone: self.text("timezone"),
            language: self.text("language"),
        })
    }
}

/// Turn a parsed line into a request, checking command and options.
pub fn to_request(line: &ParsedLine) -> Result<Request, ConsoleError> {
    let path = line.path.join(" ");
    let spec =
        SPECS
            .iter()
            .find(|s| s.path == path)
            .ok_or_else(|| ConsoleError::UnknownCommand {
                command: crate::domain::text::echo_safe(&path),
            })?;
    for (name, _) in &line.options {
        if !spec.options.iter().any(|(n, _, _)| n == name) {
            let valid = spec
                .options
                .iter()
                .map(|(n, _, _)| format!("{n}:"))
                .collect::<Vec<_>>()
                .join(" ");
            return Err(ConsoleError::UnknownOption {
                command: path,
                option: crate::domain::text::echo_safe(name),
                valid,
            });
        }
    }
    for (name, _, required) in spec.options {
        if *required && line.option(name).is_none() {
            return Err(ConsoleError::MissingOption {
                command: path,
                option: name.to_string(),
            });
        }
    }
    let a = Args { line };
    let cmd = match path.as_str() {
        "help" => return Ok(Request::Help),
        "workspace show" => Command::WorkspaceShow,
        "workspace set" => Command::WorkspaceSet(WorkspaceSet {
            timezone: a.text("timezone"),
            language: a.text("language"),
            coordinator_role: a.role("coordinator_role")?,
            digest_channel: a.channel("digest_channel")?,
        }),
        "group create" => Command::GroupCreate(a.group_fields()?),
        "group list" => Command::GroupList {
            include_archived: a.flag("archived")?,
        },
        "group show" => Command::GroupShow {
            group: a.text("group").unwrap_or_default(),
        },
        "group edit" => Command::GroupEdit {
            group: a.text("group").unwrap_or_default(),
            fields: a.group_fields()?,
        },
        "group archive" => Command::GroupArchive {
            group: a.text("group").unwrap_or_default(),
        },
        "meeting add" => Command::MeetingAdd {
            group: a.text("group").unwrap_or_default(),
            at: a.text("at").unwrap_or_default(),
            title: a.text("title"),
            location: a.text("location"),
        },
        "meeting list" => Command::MeetingList {
            group: a.text("group").unwrap_or_default(),
        },
        "meeting cancel" => Command::MeetingCancel {
            id: MeetingId(a.id("id")?),
        },
        "meeting held" => Command::MeetingHeld {
            id: MeetingId(a.id("id")?),
        },
        "agenda add" => Command::AgendaAdd {
            group: a.text("group").unwrap_or_default(),
            title: a.text("title").unwrap_or_default(),
            details: a.text("details"),
            meeting: a.number("meeting")?.map(MeetingId),
        },
        "agenda list" => Command::AgendaList {
            group: a.text("group").unwrap_or_default(),
            meeting: a.number("meeting")?.map(MeetingId),
        },
        "agenda edit" => Command::AgendaEdit {
            id: AgendaItemId(a.id("id")?),
            title: a.text("title"),
            details: a.text("details"),
            status: a.text("status"),
            expected_version: a.number("version")?,
        },
        "agenda remove" => Command::AgendaRemove {
            id: AgendaItemId(a.id("id")?),
        },
        "agenda move" => Command::AgendaMove {
            id: AgendaItemId(a.id("id")?),
            meeting: a.number("meeting")?.map(MeetingId),
            position: a.number("position")?,
        },
        "action add" => Command::ActionAdd {
            group: a.text("group").unwrap_or_default(),
            title: a.text("title").unwrap_or_default(),
            owner: a.user("owner")?.unwrap_or(UserId(0)),
            agency: a.text("agency"),
            due: a.text("due"),
        },
        "action update" => Command::ActionUpdate {
            id: ActionId(a.id("id")?),
            status: a.text("status"),
            note: a.text("note"),
        },
        "action list" => Command::ActionList(ActionQuery {
            group: a.text("group"),
            owner: a.user("owner")?,
            status: a.text("status"),
            overdue: a.flag("overdue")?,
        }),
        "action show" => Command::ActionShow {
            id: ActionId(a.id("id")?),
        },
        "group export" => Command::GroupExport {
            group: a.text("group").unwrap_or_default(),
        },
        "group delete" => Command::GroupDelete {
            group: a.text("group").unwrap_or_default(),
            confirm: a.text("confirm"),
        },
        "audit" => Command::Audit {
            group: a.text("group").unwrap_or_default(),
        },
        "meeting schedule" => Command::MeetingSchedule {
            group: a.text("group").unwrap_or_default(),
            cadence: a.text("cadence").unwrap_or_default(),
            skip_holidays: a.opt_flag("skip_holidays")?,
        },
        "meeting next" => Command::MeetingNext {
            group: a.text("group").unwrap_or_default(),
        },
        "meeting move" => Command::MeetingMove {
            id: MeetingId(a.id("id")?),
            at: a.text("at").unwrap_or_default(),
        },
        "group reminders" => Command::GroupReminders {
            group: a.text("group").unwrap_or_default(),
            leads: a.text("leads"),
            deadline: a.text("deadline"),
            skip_holidays: a.opt_flag("skip_holidays")?,
        },
        "digest" => Command::DigestSet {
            channel: a.channel("channel")?,
            cadence: a.text("cadence"),
        },
        other => {
            return Err(ConsoleError::UnknownCommand {
                command: other.to_string(),
            })
        }
    };
    Ok(Request::Run(cmd))
}

/// Every console command path (`group create`…) with its option names and whether each is
/// required, in `/help` order (the Discord adapter checks it offers the same).
pub fn command_specs() -> Vec<(&'static str, Vec<(&'static str, bool)>)> {
    SPECS
        .iter()
        .map(|s| (s.path, s.options.iter().map(|(n, _, r)| (*n, *r)).collect()))
        .collect()
}

/// The `/help` text: a localized heading and every command with its options
/// (required ones plain, optional ones in brackets).
pub fn help(lang: Lang) -> String {
    let mut out = vec![t!(lang, "console-help-heading")];
    for spec in SPECS {
        let mut line = format!("  /{}", spec.path);
        for (name, _, required) in spec.options {
            if *required {
                line.push_str(&format!(" {name}:…"));
            } else {
                line.push_str(&format!(" [{name}:…]"));
            }
        }
        out.push(line);
    }
    out.push(t!(lang, "console-help-footer"));
    out.join("\n")
}

/// The console session: who is typing, where.
pub struct Session {
    pub service: Service,
    pub actor: Actor,
    pub workspace: WorkspaceId,
    /// Language for console-level messages (parse errors, help) before a workspace is known.
    pub lang: Lang,
    /// Where `/group export` writes its files.
    pub export_dir: std::path::PathBuf,
}

/// Counts of what a session did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub ok: usize,
    pub failed: usize,
}

impl Session {
    /// Run one line; `None` for blank and comment lines.
    pub async fn line(&self, line: &str) -> Option<(bool, String)> {
        let parsed = match parser::parse_line(line) {
            Ok(None) => return None,
            Ok(Some(p)) => p,
            Err(e) => return Some((false, ConsoleError::Parse(e).render(self.lang))),
        };
        match to_request(&parsed) {
            Err(e) => Some((false, e.render(self.lang))),
            Ok(Request::Help) => Some((true, help(self.lang))),
            Ok(Request::Run(cmd)) => {
                let response = self.service.execute(&self.actor, self.workspace, cmd).await;
                let ok = response.outcome.is_ok();
                let mut text = render::response(&response, Style::Plain);
                if let Ok(crate::service::Reply::Export(export)) = &response.outcome {
                    text.push('\n');
                    text.push_str(&self.save_export(&response, export));
                }
                Some((ok, text))
            }
        }
    }

    /// Write an export's JSON and Markdown files into the export folder; say where.
    fn save_export(
        &self,
        r: &crate::service::Response,
        e: &crate::service::reply::GroupExport,
    ) -> String {
        let stem = format!(
            "sltbot-{}-{}",
            e.group.id,
            e.exported_at.format("%Y%m%d-%H%M%S")
        );
        let json = serde_json::to_string_pretty(e).unwrap_or_default();
        let markdown = render::export_markdown(r.lang, r.tz, e);
        let write = || -> std::io::Result<(std::path::PathBuf, std::path::PathBuf)> {
            std::fs::create_dir_all(&self.export_dir)?;
            let j = self.export_dir.join(format!("{stem}.json"));
            let m = self.export_dir.join(format!("{stem}.md"));
            std::fs::write(&j, json)?;
            std::fs::write(&m, markdown)?;
            Ok((j, m))
        };
        match write() {
            Ok((j, m)) => t!(
                r.lang,
                "console-export-saved",
                json = j.display().to_string(),
                markdown = m.display().to_string()
            ),
            Err(err) => t!(r.lang, "console-export-failed", reason = err.to_string()),
        }
    }

    /// Read lines until end of input, printing each reply followed by a blank line.
    /// With `prompt`, show one before each line (interactive use).
    pub async fn run<R, W>(&self, input: R, mut output: W, prompt: bool) -> std::io::Result<Summary>
    where
        R: AsyncBufRead + Unpin,
        W: AsyncWrite + Unpin,
    {
        let mut lines = input.lines();
        let mut summary = Summary::default();
        loop {
            if prompt {
                output.write_all(b"sltbot> ").await?;
                output.flush().await?;
            }
            let Some(line) = lines.next_line().await? else {
                break;
            };
            if let Some((ok, text)) = self.line(&line).await {
                if ok {
                    summary.ok += 1;
                } else {
                    summary.failed += 1;
                }
                output.write_all(text.as_bytes()).await?;
                output.write_all(b"\n\n").await?;
                output.flush().await?;
            }
        }
        Ok(summary)
    }
}
