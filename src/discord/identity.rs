//! Who is asking: a Discord interaction's user, member roles, permissions, channel and
//! locale become the service's [`Actor`].

use crate::domain::{ChannelId, Locale, RoleId, UserId};
use crate::service::Actor;
use poise::serenity_prelude as serenity;

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
) -> Actor {
    Actor {
        user: UserId(user.get()),
        roles: member
            .map(|m| m.roles.iter().map(|r| RoleId(r.get())).collect())
            .unwrap_or_default(),
        is_admin: is_admin(member),
        channel: Some(ChannelId(channel.get())),
        locale: Locale::from_tag(discord_locale),
    }
}
