//! Autocomplete: titles (with their number and group), never bare ids. Items, actions and
//! meetings come only from groups the user is a member of; with a `group` option already
//! filled in, only from that group.

use super::reply::asking;
use super::Ctx;
use crate::service::Suggest;
use poise::serenity_prelude as serenity;

/// Discord's limit for a choice's name.
const CHOICE_NAME_LIMIT: usize = 100;

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
        ctx.data(),
        i.guild_id,
        i.user.id,
        i.member.as_deref(),
        i.channel_id,
        &i.locale,
    )
    .await
    else {
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
