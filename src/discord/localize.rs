//! Command names and descriptions from the Fluent files, applied to Discord's own
//! localization fields before registration.
//!
//! Discord has one Norwegian locale, `no`; it gets bokmål. Nynorsk has no Discord locale,
//! so nynorsk users see bokmål command names, and get nynorsk *replies* through the
//! workspace's or group's language (`/workspace set language:nn`). The base (default)
//! names are the English ones in code, the base descriptions come from `en`.

#[cfg(test)]
use super::commands;
use super::{Data, Error};
use crate::domain::Lang;
use crate::i18n;
use std::borrow::Cow;

/// Discord locale → our language.
pub const DISCORD_LOCALES: [(&str, Lang); 3] =
    [("no", Lang::Nb), ("en-US", Lang::En), ("en-GB", Lang::En)];

type Localizations = Cow<'static, [(Cow<'static, str>, Cow<'static, str>)]>;

fn localizations(id: &str, attr: Option<&str>) -> Localizations {
    Cow::Owned(
        DISCORD_LOCALES
            .iter()
            .filter_map(|(locale, lang)| {
                i18n::lookup(*lang, id, attr).map(|t| (Cow::Borrowed(*locale), Cow::Owned(t)))
            })
            .collect(),
    )
}

/// The Fluent id of a command (`agenda add` → `cmd-agenda-add`).
pub fn command_id(path: &str) -> String {
    format!("cmd-{}", path.replace(' ', "-"))
}

/// The Fluent id of an option.
pub fn option_id(name: &str) -> String {
    format!("opt-{name}")
}

/// The Fluent attribute holding an option's description under the command at `path`: a
/// command-specific `.description-<path>` (e.g. `opt-channel.description-digest-set`) when
/// the files have one, else the shared `.description`.
pub fn option_description_attr(path: &str, option_id: &str) -> String {
    let specific = format!("description-{}", path.replace(' ', "-"));
    if i18n::lookup(Lang::En, option_id, Some(&specific)).is_some() {
        specific
    } else {
        "description".to_string()
    }
}

/// Localize `commands` and their subcommands, options and choices in place.
pub fn apply(commands: &mut [poise::Command<Data, Error>]) {
    for c in commands {
        apply_one(c, "");
    }
}

fn apply_one(cmd: &mut poise::Command<Data, Error>, parent: &str) {
    let path = if parent.is_empty() {
        cmd.name.to_string()
    } else {
        format!("{parent} {}", cmd.name)
    };
    let id = command_id(&path);
    if let Some(d) = i18n::lookup(Lang::En, &id, Some("description")) {
        cmd.description = Some(Cow::Owned(d));
    }
    cmd.name_localizations = localizations(&id, None);
    cmd.description_localizations = localizations(&id, Some("description"));
    for p in &mut cmd.parameters {
        let id = option_id(&p.name);
        let attr = option_description_attr(&path, &id);
        if let Some(d) = i18n::lookup(Lang::En, &id, Some(&attr)) {
            p.description = Some(Cow::Owned(d));
        }
        p.name_localizations = localizations(&id, None);
        p.description_localizations = localizations(&id, Some(&attr));
        // The built commands name each choice by its Fluent id (see `commands`).
        for choice in p.choices.to_mut().iter_mut() {
            let cid = choice.name.to_string();
            choice.name = Cow::Owned(i18n::tr(Lang::En, &cid, None));
            choice.localizations = localizations(&cid, None);
        }
    }
    for s in &mut cmd.subcommands {
        apply_one(s, &path);
    }
}

/// Every command path (`group`, `group create`…) and its option names, for checks.
pub fn paths(commands: &[poise::Command<Data, Error>]) -> Vec<(String, Vec<String>)> {
    fn walk(c: &poise::Command<Data, Error>, parent: &str, out: &mut Vec<(String, Vec<String>)>) {
        let path = if parent.is_empty() {
            c.name.to_string()
        } else {
            format!("{parent} {}", c.name)
        };
        out.push((
            path.clone(),
            c.parameters.iter().map(|p| p.name.to_string()).collect(),
        ));
        for s in &c.subcommands {
            walk(s, &path, out);
        }
    }
    let mut out = Vec::new();
    for c in commands {
        walk(c, "", &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_name(s: &str) -> bool {
        let n = s.chars().count();
        (1..=32).contains(&n)
            && s.chars()
                .all(|c| c == '-' || c == '_' || c.is_alphanumeric())
            && s.to_lowercase() == s
    }

    #[test]
    fn every_command_and_option_has_valid_names_and_descriptions_in_every_language() {
        let commands = commands::all();
        let mut checked = 0;
        for (path, options) in paths(&commands) {
            for lang in Lang::ALL {
                let id = command_id(&path);
                let name = i18n::lookup(lang, &id, None)
                    .unwrap_or_else(|| panic!("{} lacks {id}", lang.code()));
                assert!(
                    valid_name(&name),
                    "{}: bad name {name:?} for {path}",
                    lang.code()
                );
                let desc = i18n::lookup(lang, &id, Some("description"))
                    .unwrap_or_else(|| panic!("{} lacks {id}.description", lang.code()));
                assert!((1..=100).contains(&desc.chars().count()), "{id}: {desc}");
                for o in &options {
                    let id = option_id(o);
                    let name = i18n::lookup(lang, &id, None)
                        .unwrap_or_else(|| panic!("{} lacks {id}", lang.code()));
                    assert!(
                        valid_name(&name),
                        "{}: bad option name {name:?}",
                        lang.code()
                    );
                    let attr = option_description_attr(&path, &id);
                    let desc = i18n::lookup(lang, &id, Some(&attr))
                        .unwrap_or_else(|| panic!("{} lacks {id}.{attr}", lang.code()));
                    assert!((1..=100).contains(&desc.chars().count()), "{id}: {desc}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn an_option_can_have_a_description_of_its_own_per_command() {
        let mut commands = commands::all();
        apply(&mut commands);
        let option = |top: &str, sub: &str, name: &str| {
            let c = commands.iter().find(|c| c.name == top).expect("top");
            let s = c.subcommands.iter().find(|s| s.name == sub).expect("sub");
            let p = s
                .parameters
                .iter()
                .find(|p| p.name == name)
                .expect("option");
            (
                p.description.clone().unwrap_or_default().to_string(),
                p.description_localizations
                    .iter()
                    .find(|(l, _)| l == "no")
                    .map(|(_, d)| d.to_string())
                    .unwrap_or_default(),
            )
        };
        let group_channel = option("group", "create", "channel");
        let digest_channel = option("digest", "set", "channel");
        assert_eq!(
            group_channel.0,
            i18n::lookup(Lang::En, "opt-channel", Some("description")).expect("shared")
        );
        assert_eq!(
            digest_channel.0,
            i18n::lookup(
                Lang::En,
                "opt-channel",
                Some(&option_description_attr("digest set", "opt-channel"))
            )
            .expect("own")
        );
        assert_ne!(group_channel.0, digest_channel.0);
        assert_ne!(group_channel.1, digest_channel.1);
    }

    #[test]
    fn localized_names_are_unique_among_siblings() {
        let mut commands = commands::all();
        apply(&mut commands);
        fn check(siblings: &[poise::Command<Data, Error>]) {
            for (locale, _) in DISCORD_LOCALES {
                let mut names: Vec<String> = siblings
                    .iter()
                    .map(|c| {
                        c.name_localizations
                            .iter()
                            .find(|(l, _)| l == locale)
                            .map(|(_, n)| n.to_string())
                            .unwrap_or_else(|| c.name.to_string())
                    })
                    .collect();
                let before = names.len();
                names.sort();
                names.dedup();
                assert_eq!(before, names.len(), "{locale}: {names:?}");
            }
            for c in siblings {
                check(&c.subcommands);
            }
        }
        check(&commands);
    }

    #[test]
    fn registration_carries_norwegian_names_and_localized_choices() {
        let mut commands = commands::all();
        apply(&mut commands);
        let agenda = commands
            .iter()
            .find(|c| c.name == "agenda")
            .expect("agenda");
        assert!(agenda
            .name_localizations
            .iter()
            .any(|(l, n)| l == "no" && n == "sak"));
        let create = commands
            .iter()
            .find(|c| c.name == "group")
            .and_then(|g| g.subcommands.iter().find(|s| s.name == "create"))
            .expect("group create");
        let level = create
            .parameters
            .iter()
            .find(|p| p.name == "level")
            .expect("level");
        assert_eq!(level.choices.len(), 4);
        assert!(level.choices[0]
            .localizations
            .iter()
            .any(|(l, n)| l == "no" && n == "styrende nivå"));
    }
}
