//! The guild's settings as a test changes them (roles, the bot's roles, channel permission
//! overwrites), for `GET /guilds/{id}`, `/roles`, `/channels`; and the guild's scheduled
//! events (`/guilds/{id}/scheduled-events[/{id}]`), kept like Discord keeps them.

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Value};

use super::fixtures::{self, ChannelFixture, GuildFixture};

#[derive(Default, Debug)]
pub(crate) struct GuildState {
    /// Roles added by the test: (id, name, permissions, mentionable).
    pub(crate) extra_roles: Vec<(u64, String, u64, bool)>,
    /// Changed permissions or mentionability of a role (fixture roles and @everyone too).
    pub(crate) role_edits: HashMap<u64, (Option<u64>, Option<bool>)>,
    /// Roles the bot member has besides the options' `bot.roles`.
    pub(crate) bot_roles: Vec<u64>,
    /// Channel id → its `permission_overwrites`.
    pub(crate) overwrites: HashMap<u64, Vec<Value>>,
    /// Channels added by the test (voice channels …).
    pub(crate) extra_channels: Vec<ChannelFixture>,
    /// Event id → the event as Discord returns it.
    pub(crate) events: BTreeMap<u64, Value>,
}

impl GuildState {
    pub(crate) fn roles_json(&self, guild: &GuildFixture) -> Vec<Value> {
        let mut roles = vec![(
            guild.id,
            "@everyone".to_string(),
            fixtures::DEFAULT_MEMBER_PERMISSIONS,
            true,
        )];
        roles.extend(
            guild
                .roles
                .iter()
                .map(|r| (r.id, r.name.clone(), r.permissions, true)),
        );
        roles.extend(self.extra_roles.iter().cloned());
        roles
            .into_iter()
            .enumerate()
            .map(|(i, (id, name, mut perms, mut mentionable))| {
                if let Some((p, m)) = self.role_edits.get(&id) {
                    perms = p.unwrap_or(perms);
                    mentionable = m.unwrap_or(mentionable);
                }
                let mut r = fixtures::role_json(id, &name, perms, i);
                r["mentionable"] = Value::Bool(mentionable);
                r
            })
            .collect()
    }

    pub(crate) fn channels_json(&self, guild: &GuildFixture) -> Vec<Value> {
        guild
            .channels
            .iter()
            .chain(self.extra_channels.iter())
            .enumerate()
            .map(|(i, c)| {
                let mut v = fixtures::guild_channel_json(guild.id, c, i);
                if let Some(o) = self.overwrites.get(&c.id) {
                    v["permission_overwrites"] = Value::Array(o.clone());
                }
                v
            })
            .collect()
    }

    pub(crate) fn guild_json(&self, guild: &GuildFixture, bot: &fixtures::Actor) -> Value {
        let mut g = fixtures::guild_create_json(guild, bot);
        g["roles"] = Value::Array(self.roles_json(guild));
        if let Some(o) = g.as_object_mut() {
            for k in [
                "joined_at",
                "large",
                "unavailable",
                "member_count",
                "voice_states",
                "members",
                "channels",
                "threads",
                "presences",
                "stage_instances",
                "guild_scheduled_events",
                "soundboard_sounds",
            ] {
                o.remove(k);
            }
        }
        g
    }

    /// A created event as Discord answers it (status 1 SCHEDULED).
    pub(crate) fn create_event(
        &mut self,
        id: u64,
        guild: u64,
        creator: u64,
        body: &Value,
    ) -> Value {
        let mut ev = json!({
            "id": id.to_string(),
            "guild_id": guild.to_string(),
            "channel_id": null,
            "creator_id": creator.to_string(),
            "name": "",
            "description": null,
            "scheduled_start_time": "",
            "scheduled_end_time": null,
            "privacy_level": 2,
            "status": 1,
            "entity_type": 3,
            "entity_id": null,
            "entity_metadata": null,
            "user_count": 0,
            "image": null,
        });
        apply_event_edit(&mut ev, body);
        self.events.insert(id, ev.clone());
        ev
    }
}

/// Copy the fields an event create/edit carries onto the stored event.
pub(crate) fn apply_event_edit(ev: &mut Value, body: &Value) {
    for k in [
        "name",
        "description",
        "scheduled_start_time",
        "scheduled_end_time",
        "privacy_level",
        "status",
        "entity_type",
        "channel_id",
        "entity_metadata",
    ] {
        if let Some(v) = body.get(k) {
            ev[k] = v.clone();
        }
    }
}
