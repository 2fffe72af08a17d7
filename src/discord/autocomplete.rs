//! Autocomplete: titles (with their number and group), never bare ids. Items, actions and
//! meetings come only from groups the user is a member of; with a `group` option already
//! filled in, only from that group.

use super::reply::asking;
use super::Ctx;
use crate::domain::{Lang, WorkspaceId};
use crate::service::Suggest;
use poise::serenity_prelude as serenity;

/// Discord's limit for a choice's name.
const CHOICE_NAME_LIMIT: usize = 100;
/// Discord's limit for the number of choices.
const CHOICE_LIMIT: usize = 25;

pub async fn group(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, Suggest::Groups, partial).await
}

pub async fn meeting(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, Suggest::Meetings, partial).await
}

pub async fn agenda_item(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, Suggest::AgendaItems, partial).await
}

pub async fn action(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, Suggest::Actions, partial).await
}

/// What a cadence is for: a group's meetings or the workspace's digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CadenceUse {
    Meetings,
    Digest,
}

/// Preset cadences offered as suggestions, in the user's language. Every one parses with
/// [`crate::domain::cadence::Cadence::parse`] (tested); any other preset text, an RRULE or a
/// cron line may still be typed.
pub fn cadence_presets(lang: Lang, what: CadenceUse) -> &'static [&'static str] {
    match (what, lang) {
        (CadenceUse::Meetings, Lang::En) => &[
            "weekly tue 09:00",
            "every 2 weeks wed 14:00",
            "every 4 weeks thu 13:00",
            "monthly first tue 09:00",
            "monthly last thu 13:30",
            "quarterly first tue 09:00",
            "4 times a year first tue 09:00",
            "meetings in weeks 8, 20, 36 and 46 tue 09:00",
        ],
        (CadenceUse::Meetings, Lang::Nb) => &[
            "ukentlig tirsdag kl. 09.00",
            "hver 2. uke onsdag kl. 14.00",
            "hver 4. uke torsdag kl. 13.00",
            "månedlig første tirsdag kl. 09.00",
            "månedlig siste torsdag kl. 13.30",
            "kvartalsvis første tirsdag kl. 09.00",
            "4 ganger i året første tirsdag kl. 09.00",
            "møte i uke 8, 20, 36 og 46 tirsdag kl. 09.00",
        ],
        (CadenceUse::Meetings, Lang::Nn) => &[
            "vekentleg tysdag kl. 09.00",
            "kvar 2. veke onsdag kl. 14.00",
            "kvar 4. veke torsdag kl. 13.00",
            "månadleg fyrste tysdag kl. 09.00",
            "månadleg siste torsdag kl. 13.30",
            "kvartalsvis fyrste tysdag kl. 09.00",
            "4 gonger i året fyrste tysdag kl. 09.00",
            "møte i veke 8, 20, 36 og 46 tysdag kl. 09.00",
        ],
        (CadenceUse::Digest, Lang::En) => &[
            "weekly mon 08:00",
            "weekly fri 14:00",
            "every 2 weeks mon 08:00",
            "monthly first mon 08:00",
        ],
        (CadenceUse::Digest, Lang::Nb) => &[
            "ukentlig mandag kl. 08.00",
            "ukentlig fredag kl. 14.00",
            "hver 2. uke mandag kl. 08.00",
            "månedlig første mandag kl. 08.00",
        ],
        (CadenceUse::Digest, Lang::Nn) => &[
            "vekentleg måndag kl. 08.00",
            "vekentleg fredag kl. 14.00",
            "kvar 2. veke måndag kl. 08.00",
            "månadleg fyrste måndag kl. 08.00",
        ],
    }
}

/// Suggestions for a cadence option: what the user typed first (so free text, an RRULE or
/// cron stays one click away) unless it holds an identity number (never echoed), then the
/// presets that contain it (all when nothing is typed).
pub fn cadence_suggestions(presets: &[&str], partial: &str) -> Vec<String> {
    let typed = partial.trim();
    let needle = typed.to_lowercase();
    let mut out = Vec::new();
    if !typed.is_empty()
        && typed.chars().count() <= CHOICE_NAME_LIMIT
        && crate::domain::privacy::contains_national_id(typed).is_none()
    {
        out.push(typed.to_string());
    }
    for p in presets {
        if (needle.is_empty() || p.to_lowercase().contains(&needle)) && !out.iter().any(|o| o == p)
        {
            out.push(p.to_string());
        }
    }
    out.truncate(CHOICE_LIMIT);
    out
}

pub async fn cadence(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    cadence_choices(ctx, CadenceUse::Meetings, partial).await
}

pub async fn digest_cadence(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    cadence_choices(ctx, CadenceUse::Digest, partial).await
}

async fn cadence_choices(
    ctx: Ctx<'_>,
    what: CadenceUse,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let workspace = match ctx.guild_id() {
        Some(g) => ctx
            .data()
            .service
            .workspace_language(WorkspaceId(g.get()))
            .await
            .unwrap_or_default(),
        None => Lang::default(),
    };
    let lang = Lang::from_locale(ctx.locale().unwrap_or(""), workspace);
    let choices = cadence_suggestions(cadence_presets(lang, what), partial)
        .into_iter()
        .map(|s| serenity::AutocompleteChoice::new(s.clone(), s))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

fn cut(s: &str) -> String {
    if s.chars().count() <= CHOICE_NAME_LIMIT {
        return s.to_string();
    }
    let mut out: String = s.chars().take(CHOICE_NAME_LIMIT - 1).collect();
    out.push('…');
    out
}

/// The string value of option `name` anywhere in the (sub)command's options.
fn option_text(options: &[serenity::CommandDataOption], name: &str) -> Option<String> {
    use serenity::CommandDataOptionValue as V;
    for o in options {
        match &o.value {
            V::SubCommand(inner) | V::SubCommandGroup(inner) => {
                if let Some(v) = option_text(inner, name) {
                    return Some(v);
                }
            }
            V::String(s) if o.name == name => return Some(s.clone()),
            _ => {}
        }
    }
    None
}

async fn suggest(
    ctx: Ctx<'_>,
    what: Suggest,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let empty = serenity::CreateAutocompleteResponse::new();
    let poise::Context::Application(app) = ctx else {
        return empty;
    };
    let i = app.interaction;
    let Ok(who) = asking(
        i.guild_id,
        i.user.id,
        i.member.as_deref(),
        i.channel_id,
        &i.locale,
    ) else {
        return empty;
    };
    let group = option_text(&i.data.options, "group");
    let found = ctx
        .data()
        .service
        .suggest(&who.actor, who.ws, what, group.as_deref(), partial)
        .await;
    let list = match found {
        Ok(l) => l,
        Err(e) => {
            tracing::warn!(error = %e, "autocomplete failed");
            return empty;
        }
    };
    let choices = list
        .into_iter()
        .map(|s| match what {
            Suggest::Groups => serenity::AutocompleteChoice::new(cut(&s.label), cut(&s.label)),
            _ => serenity::AutocompleteChoice::new(cut(&s.label), s.id),
        })
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cadence::Cadence;
    use chrono::TimeZone;

    #[test]
    fn every_preset_parses_and_occurs() {
        let now = chrono::Utc
            .with_ymd_and_hms(2027, 1, 6, 9, 0, 0)
            .single()
            .expect("valid");
        for what in [CadenceUse::Meetings, CadenceUse::Digest] {
            for lang in Lang::ALL {
                let presets = cadence_presets(lang, what);
                assert!(presets.len() >= 4, "{lang:?} {what:?}");
                for p in presets {
                    let c = Cadence::parse(p, chrono_tz::Europe::Oslo, now)
                        .unwrap_or_else(|e| panic!("{p}: {e}"));
                    assert!(c.next_after(now, false).is_some(), "{p}");
                }
            }
        }
    }

    #[test]
    fn suggestions_keep_what_was_typed_then_matching_presets() {
        let presets = cadence_presets(Lang::En, CadenceUse::Meetings);
        let table: &[(&str, &[&str])] = &[
            ("", presets),
            (
                "month",
                &["month", "monthly first tue 09:00", "monthly last thu 13:30"],
            ),
            ("weekly tue 09:00", &["weekly tue 09:00"]),
            ("0 9 * * 2", &["0 9 * * 2"]),
        ];
        for (partial, want) in table {
            assert_eq!(cadence_suggestions(presets, partial), *want, "{partial:?}");
        }
        let long = "x".repeat(150);
        assert!(cadence_suggestions(presets, &long).is_empty());
        // An identity number typed into the option is not offered back.
        assert!(cadence_suggestions(presets, "hver uke 010100 12356").is_empty());
    }
}
