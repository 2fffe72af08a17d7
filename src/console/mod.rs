//! The console adapter: reads command lines — the same syntax a Discord user types —
//! from any reader, runs them through the service, and prints the replies. This is how
//! a newcomer tries sltbot without a Discord token and how tests script scenarios.

pub mod parser;

use crate::domain::{Lang, WorkspaceId};
use crate::render::{self, Style};
use crate::service::spec::{OptionError, Raw};
use crate::service::{command, Actor, Command, CommandSpec, Service, SPECS};
use crate::t;
use parser::{ParseError, ParsedLine};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt};

/// Console-only commands (not sent to the service).
const HELP: &str = "help";

/// Older console spellings that still work: `/digest channel:…` is `/digest set`, and a
/// bare `/digest` is `/digest show`.
fn alias(path: &str, has_options: bool) -> &str {
    match (path, has_options) {
        ("digest", true) => "digest set",
        ("digest", false) => "digest show",
        _ => path,
    }
}

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
    Option {
        command: &'static str,
        error: OptionError,
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
            E::Option { command, error } => match error.problem {
                crate::service::spec::Problem::Missing => t!(
                    lang,
                    "console-missing-option",
                    command = *command,
                    option = error.option
                ),
                _ => render::option_error(lang, error, &format!("{}:", error.option)),
            },
        }
    }
}

/// Turn a parsed line into a request: the command's declaration decides which options
/// exist, which are required and how each is read.
pub fn to_request(line: &ParsedLine) -> Result<Request, ConsoleError> {
    let typed = line.path.join(" ");
    if typed == HELP && line.options.is_empty() {
        return Ok(Request::Help);
    }
    let path = alias(&typed, !line.options.is_empty());
    let spec = command::spec(path).ok_or_else(|| ConsoleError::UnknownCommand {
        command: crate::domain::text::echo_safe(&typed),
    })?;
    for (name, _) in &line.options {
        if spec.option(name).is_none() {
            let valid = spec
                .options
                .iter()
                .map(|o| format!("{}:", o.name))
                .collect::<Vec<_>>()
                .join(" ");
            return Err(ConsoleError::UnknownOption {
                command: spec.path.to_string(),
                option: crate::domain::text::echo_safe(name),
                valid,
            });
        }
    }
    match Command::from_options(spec.path, |name| line.option(name).map(Raw::Text)) {
        Some(Ok(cmd)) => Ok(Request::Run(cmd)),
        Some(Err(error)) => Err(ConsoleError::Option {
            command: spec.path,
            error,
        }),
        None => Err(ConsoleError::UnknownCommand {
            command: spec.path.to_string(),
        }),
    }
}

/// One `/help` line: the path, required options plain, optional ones in brackets.
fn help_line(spec: &CommandSpec) -> String {
    let mut line = format!("  /{}", spec.path);
    for o in spec.options {
        if o.required {
            line.push_str(&format!(" {}:…", o.name));
        } else {
            line.push_str(&format!(" [{}:…]", o.name));
        }
    }
    line
}

/// The `/help` text: a localized heading, every command with its options and what it
/// does, in the user's language.
pub fn help(lang: Lang) -> String {
    let mut out = vec![t!(lang, "console-help-heading")];
    out.push(format!("  /{HELP}"));
    for spec in SPECS {
        let what =
            crate::i18n::lookup(lang, &spec.fluent_id(), Some("description")).unwrap_or_default();
        out.push(format!("{}\n      {what}", help_line(spec)));
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
            Err(e) => return Some((false, ConsoleError::Parse(e).render(self.language().await))),
        };
        match to_request(&parsed) {
            Err(e) => Some((false, e.render(self.language().await))),
            Ok(Request::Help) => Some((true, help(self.language().await))),
            Ok(Request::Run(cmd)) => {
                let response = self.service.execute(&self.actor, self.workspace, cmd).await;
                let ok = response.outcome.is_ok();
                let mut text = render::response(&response, Style::Plain);
                // Messages the bot could not deliver, told once to a coordinator.
                if let Ok(Some(n)) = self
                    .service
                    .delivery_notice(&self.actor, self.workspace)
                    .await
                {
                    text.push_str("\n\n");
                    text.push_str(&crate::scheduler::messages::failures_notice(
                        n.lang,
                        n.tz,
                        Style::Plain,
                        &n.failures,
                    ));
                }
                if let Ok(crate::service::Reply::Export(export)) = &response.outcome {
                    text.push('\n');
                    text.push_str(&self.save_export(&response, export));
                }
                if let Ok(crate::service::Reply::Calendar(cal)) = &response.outcome {
                    text.push('\n');
                    text.push_str(&self.save_calendar(&response, cal));
                }
                if let Ok(crate::service::Reply::Record(r)) = &response.outcome {
                    if let crate::service::RecordReply::Minutes { minutes, .. } = &**r {
                        text.push('\n');
                        text.push_str(&self.save_minutes(&response, minutes));
                    }
                }
                if let Ok(crate::service::Reply::YearPlan(plan)) = &response.outcome {
                    if !plan.is_empty() {
                        text.push('\n');
                        text.push_str(&self.save_year_plan(&response, plan));
                    }
                }
                Some((ok, text))
            }
        }
    }

    /// The language of console-level messages (parse errors, `/help`): the workspace's,
    /// once it has one; else the session's.
    async fn language(&self) -> Lang {
        self.actor.lang_in(
            self.service
                .workspace_language(self.workspace)
                .await
                .unwrap_or(self.lang),
        )
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
            // Exports hold the group's whole record: folder 0700, files 0600.
            crate::store::files::create_private_dir_all(&self.export_dir)?;
            let j = self.export_dir.join(format!("{stem}.json"));
            let m = self.export_dir.join(format!("{stem}.md"));
            crate::store::files::write_private(&j, json)?;
            crate::store::files::write_private(&m, markdown)?;
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

    /// Write a group's calendar into the export folder as
    /// `sltbot-<group id>-<time>.ics` (0600); say where.
    fn save_calendar(
        &self,
        r: &crate::service::Response,
        cal: &crate::service::calendar::MeetingCalendar,
    ) -> String {
        let file = self.export_dir.join(format!(
            "sltbot-{}-{}.ics",
            cal.group.id,
            cal.made_at.format("%Y%m%d-%H%M%S")
        ));
        let text = crate::calendar::meetings_ics(cal, r.lang);
        let write = || -> std::io::Result<()> {
            crate::store::files::create_private_dir_all(&self.export_dir)?;
            crate::store::files::write_private(&file, text)
        };
        match write() {
            Ok(()) => t!(
                r.lang,
                "console-ics-saved",
                file = file.display().to_string()
            ),
            Err(err) => t!(r.lang, "console-ics-failed", reason = err.to_string()),
        }
    }

    /// Write the draft minutes (`/minutes show`) into the export folder as PDF/A and
    /// Markdown (0600), named like the published files; say where.
    fn save_minutes(
        &self,
        r: &crate::service::Response,
        m: &crate::domain::minutes::Minutes,
    ) -> String {
        let now = self.service.clock().now();
        let files = crate::scheduler::minutes::files(m, r.lang, now);
        let write = || -> std::io::Result<Vec<std::path::PathBuf>> {
            crate::store::files::create_private_dir_all(&self.export_dir)?;
            let mut paths = Vec::new();
            for f in files {
                let path = self.export_dir.join(&f.name);
                crate::store::files::write_private(&path, f.bytes)?;
                paths.push(path);
            }
            Ok(paths)
        };
        match write() {
            Ok(paths) => t!(
                r.lang,
                "minutes2-console-saved",
                files = paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Err(err) => t!(r.lang, "minutes2-console-failed", reason = err.to_string()),
        }
    }

    /// Write the year plan into the export folder as `sltbot-arshjul-<year>-<time>.png`
    /// (0600); say where.
    fn save_year_plan(
        &self,
        r: &crate::service::Response,
        plan: &crate::yearplan::YearPlan,
    ) -> String {
        let file = self.export_dir.join(format!(
            "sltbot-arshjul-{}-{}.png",
            plan.year,
            plan.made_at.format("%Y%m%d-%H%M%S")
        ));
        let write = || -> Result<(), String> {
            let png = crate::yearplan::png(plan, r.lang).map_err(|e| e.to_string())?;
            crate::store::files::create_private_dir_all(&self.export_dir)
                .map_err(|e| e.to_string())?;
            crate::store::files::write_private(&file, png).map_err(|e| e.to_string())
        };
        match write() {
            Ok(()) => t!(
                r.lang,
                "console-plan-saved",
                file = file.display().to_string()
            ),
            Err(reason) => t!(r.lang, "console-plan-failed", reason = reason),
        }
    }

    /// Read lines until end of input, printing each reply followed by a blank line.
    /// With `prompt`, show one before each line (interactive use).
    pub async fn run<R, W>(&self, input: R, mut output: W, prompt: bool) -> std::io::Result<Summary>
    where
        R: AsyncBufRead + Unpin,
        W: AsyncWrite + Unpin,
    {
        let mut input = input;
        let mut summary = Summary::default();
        let mut bytes = Vec::new();
        loop {
            if prompt {
                output.write_all(b"sltbot> ").await?;
                output.flush().await?;
            }
            bytes.clear();
            if input.read_until(b'\n', &mut bytes).await? == 0 {
                break;
            }
            // A line that is not UTF-8 is refused on its own; the script goes on.
            let reply = match std::str::from_utf8(&bytes) {
                Ok(line) => self.line(line).await,
                Err(_) => Some((false, t!(self.language().await, "console-invalid-utf8"))),
            };
            if let Some((ok, text)) = reply {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn request(line: &str) -> Result<Request, ConsoleError> {
        to_request(
            &parser::parse_line(line)
                .expect("parses")
                .expect("a command"),
        )
    }

    #[test]
    fn a_refused_choice_lists_the_words_in_the_users_language_and_takes_each_of_them() {
        let err = request("/group create name:X level:kommunestyre").unwrap_err();
        assert_eq!(
            err.render(Lang::Nn),
            "level: må vere ein av: styrande nivå, koordinerande nivå, utførande nivå, anna."
        );
        for word in [
            "\"styrande nivå\"",
            "\"koordinerande nivå\"",
            "koordinerande",
            "\"utførande nivå\"",
            "anna",
            "\"coordinating level\"",
        ] {
            let line = format!("/group create name:X level:{word}");
            assert!(
                matches!(request(&line), Ok(Request::Run(_))),
                "{word} refused"
            );
        }
    }

    #[test]
    fn option_errors_never_mix_languages() {
        let err = request("/action add group:G title:T owner:kari").unwrap_err();
        assert_eq!(
            err.render(Lang::Nn),
            "owner: må vere ein brukar, til dømes <@123456789012345678> eller 123456789012345678."
        );
        let err = request("/agenda list group:G meeting:fire").unwrap_err();
        assert_eq!(err.render(Lang::En), "meeting: must be a whole number.");
        let err = request("/agenda add title:T").unwrap_err();
        assert_eq!(err.render(Lang::Nn), "/agenda add manglar group:");
    }

    #[test]
    fn help_lists_every_declared_command_with_what_it_does_in_nynorsk() {
        let text = help(Lang::Nn);
        assert!(text.starts_with("Kommandoar"), "{text}");
        for spec in SPECS {
            assert!(text.contains(&format!("/{}", spec.path)), "/{}", spec.path);
        }
        for bokmål in ["Kommandoer", "ikke", "Tekst med mellomrom skrives"] {
            assert!(!text.contains(bokmål), "{bokmål} in: {text}");
        }
    }

    #[test]
    fn old_digest_spelling_still_works() {
        assert!(matches!(
            request("/digest"),
            Ok(Request::Run(Command::DigestShow { rule: None }))
        ));
        assert!(matches!(
            request("/digest cadence:\"weekly mon 08:00\""),
            Ok(Request::Run(Command::DigestSet { .. }))
        ));
    }

    #[tokio::test]
    async fn a_line_that_is_not_utf8_is_refused_alone_and_the_script_goes_on() {
        let store = crate::store::Store::open_in_memory().await.expect("store");
        let clock = std::sync::Arc::new(crate::clock::ManualClock::new(chrono::Utc::now()));
        let service = Service::new(store, clock, crate::service::Defaults::default());
        let session = Session {
            service,
            actor: Actor {
                is_admin: true,
                ..Actor::new(crate::domain::UserId(1))
            },
            workspace: WorkspaceId(1),
            lang: Lang::Nn,
            export_dir: std::env::temp_dir(),
        };
        let script: &[u8] = b"/workspace set language:nn\n/group list \xff\xfe\n/group list\n";
        let mut out = Vec::new();
        let summary = session.run(script, &mut out, false).await.expect("runs");
        assert_eq!(summary, Summary { ok: 2, failed: 1 });
        let text = String::from_utf8(out).expect("utf-8 out");
        assert!(text.contains("Linja er ikkje gyldig UTF-8-tekst"), "{text}");
    }
}
