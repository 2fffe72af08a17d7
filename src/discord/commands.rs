//! The slash commands, built from the command declarations (`service/command.rs`): one
//! Discord command per declared path (`agenda add` is the subcommand `add` of `/agenda`),
//! its options typed, limited and suggested as declared. One handler serves them all: it
//! turns the interaction's options into the declared [`Command`] and hands it to
//! [`super::reply::execute`]. English names here are the defaults; `localize` adds the
//! Norwegian names and the descriptions from the Fluent files.

use super::autocomplete as ac;
use super::reply::{execute, open_agenda_modal, open_decide_modal, send};
use super::{Data, Error};
use crate::render;
use crate::service::spec::{Complete, OptionKind, OptionSpec, Raw};
use crate::service::{Command, CommandSpec, SPECS};
use poise::serenity_prelude as serenity;
use poise::BoxFuture;
use std::borrow::Cow;

type PoiseCommand = poise::Command<Data, Error>;
type Setter = fn(serenity::CreateCommandOption) -> serenity::CreateCommandOption;

/// Every command, grouped under its first word, in declaration order.
pub fn all() -> Vec<PoiseCommand> {
    let mut tops: Vec<PoiseCommand> = Vec::new();
    for spec in SPECS {
        let (top, sub) = match spec.path.split_once(' ') {
            Some((top, sub)) => (top, Some(sub)),
            None => (spec.path, None),
        };
        match sub {
            None => tops.push(leaf(spec, top)),
            Some(sub) => {
                let parent = match tops.iter().position(|c| c.name == top) {
                    Some(i) => &mut tops[i],
                    None => {
                        tops.push(parent(top));
                        tops.last_mut().expect("just pushed")
                    }
                };
                parent.subcommands.push(leaf(spec, sub));
            }
        }
    }
    tops
}

fn parent(name: &'static str) -> PoiseCommand {
    PoiseCommand {
        name: Cow::Borrowed(name),
        qualified_name: Cow::Borrowed(name),
        identifying_name: Cow::Borrowed(name),
        source_code_name: Cow::Borrowed(name),
        slash_action: Some(|_ctx| Box::pin(async { Ok(()) })),
        subcommand_required: true,
        guild_only: true,
        ..Default::default()
    }
}

fn leaf(spec: &'static CommandSpec, name: &'static str) -> PoiseCommand {
    PoiseCommand {
        name: Cow::Borrowed(name),
        qualified_name: Cow::Borrowed(spec.path),
        identifying_name: Cow::Owned(spec.log_name()),
        source_code_name: Cow::Owned(spec.log_name()),
        slash_action: Some(slash_action),
        guild_only: true,
        parameters: spec.options.iter().map(|o| parameter(spec, o)).collect(),
        ..Default::default()
    }
}

/// Options Discord may leave out although the declaration requires them, because the
/// adapter asks for them another way: `/agenda add` without a title opens a form.
fn asked_in_a_form(spec: &CommandSpec, option: &OptionSpec) -> bool {
    spec.path == "agenda add" && option.name == "title"
}

fn parameter(spec: &CommandSpec, o: &'static OptionSpec) -> poise::CommandParameter<Data, Error> {
    poise::CommandParameter {
        name: Cow::Borrowed(o.name),
        name_localizations: Cow::Borrowed(&[]),
        description: None,
        description_localizations: Cow::Borrowed(&[]),
        required: o.required && !asked_in_a_form(spec, o),
        channel_types: None,
        choices: Cow::Owned(
            o.kind
                .choice_ids()
                .into_iter()
                .map(|id| poise::CommandParameterChoice {
                    name: Cow::Owned(id),
                    localizations: Cow::Borrowed(&[]),
                    __non_exhaustive: (),
                })
                .collect(),
        ),
        type_setter: Some(setter(o.kind).expect("every declared option kind has a setter")),
        autocomplete_callback: o.complete.map(completer),
        __non_exhaustive: (),
    }
}

// Discord's builder takes a plain function per option, so each limit the declarations use
// has one here; `every_declared_option_kind_has_a_setter` keeps the table complete.
fn text<const MAX: u16>(b: serenity::CreateCommandOption) -> serenity::CreateCommandOption {
    b.kind(serenity::CommandOptionType::String).max_length(MAX)
}

/// The option-type setter for a declared kind; `None` for a limit without one.
pub fn setter(kind: OptionKind) -> Option<Setter> {
    use crate::domain::text::{
        AGENCY_MAX, DETAILS_MAX, LOCATION_MAX, NAME_MAX, NOTE_MAX, TITLE_MAX,
    };
    use crate::service::spec::{CADENCE_MAX, SETTING_MAX, WHEN_MAX};
    Some(match kind {
        OptionKind::Text { max } => match max {
            m if m == NAME_MAX => text::<{ NAME_MAX as u16 }>,
            m if m == TITLE_MAX => text::<{ TITLE_MAX as u16 }>,
            m if m == DETAILS_MAX => text::<{ DETAILS_MAX as u16 }>,
            m if m == NOTE_MAX => text::<{ NOTE_MAX as u16 }>,
            m if m == AGENCY_MAX => text::<{ AGENCY_MAX as u16 }>,
            m if m == LOCATION_MAX => text::<{ LOCATION_MAX as u16 }>,
            m if m == CADENCE_MAX => text::<{ CADENCE_MAX as u16 }>,
            m if m == SETTING_MAX => text::<{ SETTING_MAX as u16 }>,
            m if m == WHEN_MAX => text::<{ WHEN_MAX as u16 }>,
            _ => return None,
        },
        OptionKind::Integer { min: None } => |b| b.kind(serenity::CommandOptionType::Integer),
        OptionKind::Integer { min: Some(1) } => |b| {
            b.kind(serenity::CommandOptionType::Integer)
                .min_int_value(1)
        },
        OptionKind::Integer { .. } => return None,
        OptionKind::User => |b| b.kind(serenity::CommandOptionType::User),
        OptionKind::Role => |b| b.kind(serenity::CommandOptionType::Role),
        OptionKind::Channel => |b| b.kind(serenity::CommandOptionType::Channel),
        OptionKind::Bool => |b| b.kind(serenity::CommandOptionType::Boolean),
        // poise adds the choices; their values are the positions.
        OptionKind::Choice { .. } => |b| b.kind(serenity::CommandOptionType::Integer),
    })
}

type Completer = for<'a> fn(
    poise::ApplicationContext<'a, Data, Error>,
    &'a str,
) -> BoxFuture<'a, serenity::CreateAutocompleteResponse>;

fn completer(c: Complete) -> Completer {
    match c {
        Complete::Group => |ctx, p| Box::pin(ac::group(ctx.into(), p)),
        Complete::Meeting => |ctx, p| Box::pin(ac::meeting(ctx.into(), p)),
        Complete::AgendaItem => |ctx, p| Box::pin(ac::agenda_item(ctx.into(), p)),
        Complete::Action => |ctx, p| Box::pin(ac::action(ctx.into(), p)),
        Complete::Cadence => |ctx, p| Box::pin(ac::cadence(ctx.into(), p)),
        Complete::DigestCadence => |ctx, p| Box::pin(ac::digest_cadence(ctx.into(), p)),
    }
}

/// An option's value as Discord sent it.
fn raw<'a>(value: &'a serenity::ResolvedValue<'a>) -> Option<Raw<'a>> {
    use serenity::ResolvedValue as V;
    Some(match value {
        V::String(s) | V::Autocomplete { value: s, .. } => Raw::Text(s),
        V::Integer(i) => Raw::Int(*i),
        V::Number(n) => Raw::Int(*n as i64),
        V::Boolean(b) => Raw::Bool(*b),
        V::User(u, _) => Raw::User(u.id.get()),
        V::Role(r) => Raw::Role(r.id.get()),
        V::Channel(c) => Raw::Channel(c.id.get()),
        _ => return None,
    })
}

fn slash_action(
    ctx: poise::ApplicationContext<'_, Data, Error>,
) -> BoxFuture<'_, Result<(), poise::FrameworkError<'_, Data, Error>>> {
    Box::pin(async move {
        run(ctx)
            .await
            .map_err(|error| poise::FrameworkError::new_command(ctx.into(), error))
    })
}

async fn run(ctx: poise::ApplicationContext<'_, Data, Error>) -> Result<(), Error> {
    let path: &str = &ctx.command().qualified_name;
    let value = |name: &str| {
        ctx.args
            .iter()
            .find(|o| o.name == name)
            .and_then(|o| raw(&o.value))
    };
    if path == "agenda add" && value("title").is_none() {
        // No title: a form with room for long details.
        let group = match value("group") {
            Some(Raw::Text(g)) => g.to_string(),
            _ => String::new(),
        };
        let meeting = match value("meeting") {
            Some(Raw::Int(m)) => Some(crate::domain::MeetingId(m)),
            _ => None,
        };
        return open_agenda_modal(ctx.into(), &group, meeting).await;
    }
    if path == "agenda decide" && value("decision").is_none() && value("notes").is_none() {
        // No text: a form with room for a long decision and the discussion.
        let item = match value("id") {
            Some(Raw::Int(i)) => Some(i),
            Some(Raw::Text(t)) => t.trim().trim_start_matches('#').parse().ok(),
            _ => None,
        };
        if let Some(item) = item.filter(|i| *i > 0) {
            let responsible = match value("responsible") {
                Some(Raw::Text(t)) => Some(t.to_string()),
                _ => None,
            };
            let due = match value("due") {
                Some(Raw::Text(t)) => Some(t.to_string()),
                _ => None,
            };
            let item = crate::domain::AgendaItemId(item);
            return open_decide_modal(ctx.into(), item, responsible, due).await;
        }
    }
    match Command::from_options(path, value) {
        Some(Ok(cmd)) => execute(ctx.into(), cmd).await,
        Some(Err(e)) => {
            // Discord checks types itself; this is a value it could not check (a choice
            // index out of range, a number below the minimum).
            let lang = super::reply::lang_of(ctx.into());
            let label = crate::i18n::lookup(lang, &super::localize::option_id(e.option), None)
                .unwrap_or_else(|| e.option.to_string());
            send(
                ctx.into(),
                super::reply::notice(render::option_error(lang, &e, &label)),
            )
            .await
        }
        None => {
            tracing::error!(command = path, "a Discord command without a declaration");
            Err(Error::Internal("a command without a declaration"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declared_option_kind_has_a_setter() {
        for spec in SPECS {
            for o in spec.options {
                assert!(
                    setter(o.kind).is_some(),
                    "/{} {}: {:?}",
                    spec.path,
                    o.name,
                    o.kind
                );
            }
        }
    }

    /// The built slash commands carry exactly the declarations: names, required flags,
    /// Discord types, length limits, minimums, choices and suggestions.
    #[test]
    fn slash_commands_match_the_declarations() {
        let commands = all();
        let mut checked = 0;
        for spec in SPECS {
            let mut words = spec.path.split(' ');
            let top = words.next().unwrap();
            let mut cmd = commands.iter().find(|c| c.name == top).expect(top);
            for w in words {
                cmd = cmd.subcommands.iter().find(|s| s.name == w).expect(w);
            }
            assert_eq!(cmd.qualified_name, spec.path);
            assert_eq!(cmd.parameters.len(), spec.options.len(), "/{}", spec.path);
            for (p, o) in cmd.parameters.iter().zip(spec.options) {
                assert_eq!(p.name, o.name);
                assert_eq!(p.required, o.required && !asked_in_a_form(spec, o));
                assert_eq!(p.autocomplete_callback.is_some(), o.complete.is_some());
                let built = p.create_as_slash_command_option().expect("option");
                let json = serde_json::to_value(&built).expect("json");
                let kind = json["type"].as_u64().unwrap();
                match o.kind {
                    OptionKind::Text { max } => {
                        assert_eq!(kind, 3);
                        assert_eq!(json["max_length"].as_u64(), Some(max as u64), "{}", o.name);
                    }
                    OptionKind::Integer { min } => {
                        assert_eq!(kind, 4);
                        assert_eq!(json["min_value"].as_i64(), min);
                    }
                    OptionKind::User => assert_eq!(kind, 6),
                    OptionKind::Role => assert_eq!(kind, 8),
                    OptionKind::Channel => assert_eq!(kind, 7),
                    OptionKind::Bool => assert_eq!(kind, 5),
                    OptionKind::Choice { codes, .. } => {
                        assert_eq!(kind, 4);
                        assert_eq!(json["choices"].as_array().unwrap().len(), codes.len());
                    }
                }
                checked += 1;
            }
        }
        assert!(checked > 60, "{checked}");
    }
}
