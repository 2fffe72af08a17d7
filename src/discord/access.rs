//! [`DiscordGuilds`]: the self-check's view of a guild ([`GuildInspector`]), read over REST:
//! the guild (its roles and owner), its channels with their permission overwrites, and the
//! bot as a member (its roles). No gateway intent is needed for any of these.

use crate::domain::access::{GuildChannel, GuildRole, GuildView, Overwrite, OverwriteTarget};
use crate::service::access::{GuildInspector, InspectError};
use poise::serenity_prelude as serenity;
use std::sync::Arc;

pub struct DiscordGuilds {
    http: Arc<serenity::Http>,
}

impl DiscordGuilds {
    pub fn new(http: Arc<serenity::Http>) -> Self {
        DiscordGuilds { http }
    }
}

fn unavailable(e: serenity::Error) -> InspectError {
    // The library's text, never user text: status and Discord code at most.
    InspectError::Unavailable(match &e {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => format!(
            "HTTP {} (Discord code {})",
            r.status_code.as_u16(),
            r.error.code
        ),
        _ => "no answer".into(),
    })
}

#[async_trait::async_trait]
impl GuildInspector for DiscordGuilds {
    async fn view(&self, guild: u64) -> Result<GuildView, InspectError> {
        let gid = serenity::GuildId::new(guild);
        let me = self.http.get_current_user().await.map_err(unavailable)?;
        let g = self.http.get_guild(gid).await.map_err(unavailable)?;
        let channels = self.http.get_channels(gid).await.map_err(unavailable)?;
        let member = self
            .http
            .get_member(gid, me.id)
            .await
            .map_err(unavailable)?;
        Ok(GuildView {
            guild_id: guild,
            owner_id: g.owner_id.get(),
            roles: g
                .roles
                .values()
                .map(|r| GuildRole {
                    id: r.id.get(),
                    permissions: r.permissions.bits(),
                    mentionable: r.mentionable,
                })
                .collect(),
            channels: channels
                .iter()
                .map(|c| GuildChannel {
                    id: c.id.get(),
                    voice: matches!(
                        c.kind,
                        serenity::ChannelType::Voice | serenity::ChannelType::Stage
                    ),
                    overwrites: c
                        .permission_overwrites
                        .iter()
                        .filter_map(|o| {
                            let target = match o.kind {
                                serenity::PermissionOverwriteType::Member(u) => {
                                    OverwriteTarget::Member(u.get())
                                }
                                serenity::PermissionOverwriteType::Role(r) => {
                                    OverwriteTarget::Role(r.get())
                                }
                                _ => return None,
                            };
                            Some(Overwrite {
                                target,
                                allow: o.allow.bits(),
                                deny: o.deny.bits(),
                            })
                        })
                        .collect(),
                })
                .collect(),
            bot_user: me.id.get(),
            bot_roles: member.roles.iter().map(|r| r.get()).collect(),
        })
    }
}
