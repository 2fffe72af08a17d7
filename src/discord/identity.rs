//! Who is asking: a Discord interaction's user, member roles, permissions, channel and
//! locale become the service's [`Actor`].

use crate::domain::{ChannelId, Lang, RoleId, UserId};
use crate::service::Actor;
use poise::serenity_prelude as serenity;

/// The language a Discord locale asks for, or `None` to let the group's or workspace's
/// language decide. Discord has one Norwegian locale, `no`: a Norwegian user follows the
/// workspace's Norwegian variant (so a nynorsk group answers in nynorsk) and gets bokmål
/// only when the workspace itself speaks English. Locales we do not speak → `None`.
pub fn locale(discord_locale: &str, workspace: Lang) -> Option<Lang> {
    let primary = discord_locale
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "no" if workspace != Lang::En => None,
        "no" | "nb" | "nn" | "en" => Some(Lang::from_locale(discord_locale, workspace)),
        _ => None,
    }
}

/// A server admin: Manage Server (or Administrator, which Discord expands to all
/// permissions in an interaction's `member.permissions`).
pub fn is_admin(member: Option<&serenity::Member>) -> bool {
    member
        .and_then(|m| m.permissions)
        .is_some_and(|p| p.manage_guild() || p.administrator())
}

pub fn actor(
    user: serenity::UserId,
    member: Option<&serenity::Member>,
    channel: serenity::ChannelId,
    discord_locale: &str,
    workspace: Lang,
) -> Actor {
    Actor {
        user: UserId(user.get()),
        roles: member
            .map(|m| m.roles.iter().map(|r| RoleId(r.get())).collect())
            .unwrap_or_default(),
        is_admin: is_admin(member),
        channel: Some(ChannelId(channel.get())),
        locale: locale(discord_locale, workspace),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_locale_follows_the_workspace_variant() {
        assert_eq!(locale("no", Lang::Nn), None);
        assert_eq!(locale("no", Lang::Nb), None);
        assert_eq!(locale("no", Lang::En), Some(Lang::Nb));
        assert_eq!(locale("en-GB", Lang::Nn), Some(Lang::En));
        assert_eq!(locale("en-US", Lang::Nb), Some(Lang::En));
        assert_eq!(locale("sv-SE", Lang::Nb), None);
        assert_eq!(locale("", Lang::Nb), None);
    }
}
