//! JSON fixtures in the shapes serenity 0.12.5 deserializes: users, members, guilds, messages,
//! commands, and INTERACTION_CREATE payloads built with [`InteractionFixture`].
//!
//! Trap: a dispatch whose `d` misses a field serenity requires becomes `Event::Unknown` and is
//! dropped silently; every builder here is covered by a test that deserializes it with
//! serenity's own model.

use serde_json::{json, Map, Value};

/// A fixed timestamp used for `joined_at`, message timestamps and the like.
pub const TIMESTAMP: &str = "2026-01-05T08:00:00.000000+00:00";

/// Channel types used by the fixtures (Discord's numeric `type`).
pub const CHANNEL_GUILD_TEXT: u8 = 0;
pub const CHANNEL_DM: u8 = 1;
pub const CHANNEL_GUILD_CATEGORY: u8 = 4;

/// A user acting in Discord (also a guild member when a guild is involved).
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub user_id: u64,
    pub username: String,
    /// Role ids (not including @everyone).
    pub roles: Vec<u64>,
    /// Member permissions sent with interactions (decimal bit set).
    pub permissions: u64,
    pub bot: bool,
}

impl Actor {
    pub fn new(user_id: u64, username: &str) -> Self {
        Self {
            user_id,
            username: username.to_string(),
            roles: Vec::new(),
            permissions: DEFAULT_MEMBER_PERMISSIONS,
            bot: false,
        }
    }

    pub fn with_roles(mut self, roles: &[u64]) -> Self {
        self.roles = roles.to_vec();
        self
    }

    pub fn with_permissions(mut self, permissions: u64) -> Self {
        self.permissions = permissions;
        self
    }
}

/// VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS.
pub const DEFAULT_MEMBER_PERMISSIONS: u64 = (1 << 10) | (1 << 11) | (1 << 16) | (1 << 31);
/// ADMINISTRATOR.
pub const ADMINISTRATOR: u64 = 1 << 3;

#[derive(Clone, Debug, PartialEq)]
pub struct ChannelFixture {
    pub id: u64,
    pub name: String,
    /// Discord channel type, e.g. [`CHANNEL_GUILD_TEXT`].
    pub kind: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RoleFixture {
    pub id: u64,
    pub name: String,
    pub permissions: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GuildFixture {
    pub id: u64,
    pub name: String,
    pub owner_id: u64,
    /// Discord locale string, e.g. `"no"` (Norwegian) or `"en-US"`.
    pub preferred_locale: String,
    pub channels: Vec<ChannelFixture>,
    /// Roles besides @everyone (whose id is the guild id and is always sent).
    pub roles: Vec<RoleFixture>,
    pub members: Vec<Actor>,
}

impl GuildFixture {
    pub fn channel(&self, name: &str) -> Option<&ChannelFixture> {
        self.channels.iter().find(|c| c.name == name)
    }

    pub fn role(&self, name: &str) -> Option<&RoleFixture> {
        self.roles.iter().find(|r| r.name == name)
    }

    pub fn member(&self, username: &str) -> Option<&Actor> {
        self.members.iter().find(|m| m.username == username)
    }

    /// The first text channel, the default place interactions happen in.
    pub fn first_text_channel(&self) -> Option<u64> {
        self.channels
            .iter()
            .find(|c| c.kind == CHANNEL_GUILD_TEXT)
            .map(|c| c.id)
    }
}

pub fn user_json(actor: &Actor) -> Value {
    json!({
        "id": actor.user_id.to_string(),
        "username": actor.username,
        "discriminator": "0",
        "global_name": null,
        "avatar": null,
        "bot": actor.bot,
        "public_flags": 0,
    })
}

/// A guild member as in GUILD_CREATE / GET member (no `permissions`).
pub fn member_json(actor: &Actor) -> Value {
    json!({
        "user": user_json(actor),
        "nick": null,
        "avatar": null,
        "roles": actor.roles.iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": TIMESTAMP,
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "communication_disabled_until": null,
    })
}

/// A guild member as embedded in an interaction (with `permissions`).
pub fn interaction_member_json(actor: &Actor) -> Value {
    let mut member = member_json(actor);
    member["permissions"] = Value::from(actor.permissions.to_string());
    member
}

pub fn role_json(id: u64, name: &str, permissions: u64, position: usize) -> Value {
    json!({
        "id": id.to_string(),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": position,
        "permissions": permissions.to_string(),
        "managed": false,
        "mentionable": true,
        "flags": 0,
    })
}

pub fn guild_channel_json(guild_id: u64, channel: &ChannelFixture, position: usize) -> Value {
    json!({
        "id": channel.id.to_string(),
        "type": channel.kind,
        "guild_id": guild_id.to_string(),
        "position": position,
        "permission_overwrites": [],
        "name": channel.name,
        "topic": null,
        "nsfw": false,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "parent_id": null,
        "flags": 0,
    })
}

pub fn dm_channel_json(channel_id: u64, recipient: &Actor) -> Value {
    json!({
        "id": channel_id.to_string(),
        "type": CHANNEL_DM,
        "last_message_id": null,
        "recipients": [user_json(recipient)],
        "flags": 0,
    })
}

/// The `d` of GUILD_CREATE: a full available guild.
pub fn guild_create_json(guild: &GuildFixture, bot: &Actor) -> Value {
    let mut roles = vec![role_json(
        guild.id,
        "@everyone",
        DEFAULT_MEMBER_PERMISSIONS,
        0,
    )];
    roles.extend(
        guild
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| role_json(r.id, &r.name, r.permissions, i + 1)),
    );
    let mut members: Vec<Value> = guild.members.iter().map(member_json).collect();
    members.push(member_json(bot));
    // Two json! calls: one would exceed the macro recursion limit of the including crate.
    let mut g = json!({
        "id": guild.id.to_string(),
        "name": guild.name,
        "icon": null,
        "icon_hash": null,
        "splash": null,
        "discovery_splash": null,
        "owner_id": guild.owner_id.to_string(),
        "afk_channel_id": null,
        "afk_timeout": 300,
        "widget_enabled": false,
        "widget_channel_id": null,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": roles,
        "emojis": [],
        "features": [],
        "mfa_level": 0,
        "application_id": null,
        "system_channel_id": null,
        "system_channel_flags": 0,
        "rules_channel_id": null,
        "max_presences": null,
        "max_members": 500000,
        "vanity_url_code": null,
        "description": null,
        "banner": null,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": guild.preferred_locale,
        "public_updates_channel_id": null,
        "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50,
        "nsfw_level": 0,
        "stickers": [],
        "premium_progress_bar_enabled": false,
        "safety_alerts_channel_id": null,
    });
    let extra = json!({
        "joined_at": TIMESTAMP,
        "large": false,
        "unavailable": false,
        "member_count": members.len(),
        "voice_states": [],
        "members": members,
        "channels": guild.channels.iter().enumerate().map(|(i, c)| guild_channel_json(guild.id, c, i)).collect::<Vec<_>>(),
        "threads": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    });
    if let (Some(g), Value::Object(extra)) = (g.as_object_mut(), extra) {
        g.extend(extra);
    }
    g
}

/// `GET /oauth2/applications/@me` and `GET /applications/@me`.
pub fn application_json(application_id: u64, bot: &Actor, owner: &Actor) -> Value {
    json!({
        "id": application_id.to_string(),
        "name": bot.username,
        "icon": null,
        "description": "",
        "summary": "",
        "type": null,
        "bot": user_json(bot),
        "bot_public": false,
        "bot_require_code_grant": false,
        "verify_key": "0000000000000000000000000000000000000000000000000000000000000000",
        "owner": user_json(owner),
        "team": null,
        "flags": 0,
        "rpc_origins": [],
        "tags": [],
        "redirect_uris": [],
        "interactions_endpoint_url": null,
        "approximate_guild_count": 1,
    })
}

/// `GET /users/@me`.
pub fn current_user_json(bot: &Actor) -> Value {
    let mut user = user_json(bot);
    user["verified"] = Value::Bool(true);
    user["mfa_enabled"] = Value::Bool(false);
    user["flags"] = Value::from(0);
    user["email"] = Value::Null;
    user
}

/// The `d` of READY.
pub fn ready_json(
    application_id: u64,
    bot: &Actor,
    guild_ids: &[u64],
    session_id: &str,
    resume_url: &str,
) -> Value {
    let mut user = current_user_json(bot);
    user["bot"] = Value::Bool(true);
    json!({
        "v": 10,
        "user": user,
        "guilds": guild_ids.iter().map(|id| json!({"id": id.to_string(), "unavailable": true})).collect::<Vec<_>>(),
        "session_id": session_id,
        "resume_gateway_url": resume_url,
        "shard": [0, 1],
        "application": {"id": application_id.to_string(), "flags": 0},
        "private_channels": [],
        "presences": [],
        "relationships": [],
        "user_settings": {},
        "session_type": "normal",
        "geo_ordered_rtc_regions": [],
    })
}

/// A message as Discord returns it. `body` is the create/edit request body (content, embeds,
/// components, flags are copied from it).
pub fn message_json(
    id: u64,
    channel_id: u64,
    guild_id: Option<u64>,
    author: &Actor,
    body: &Value,
) -> Value {
    let field = |name: &str, default: Value| {
        body.get(name)
            .filter(|v| !v.is_null())
            .cloned()
            .unwrap_or(default)
    };
    let mut msg = json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": user_json(author),
        "content": field("content", Value::from("")),
        "timestamp": TIMESTAMP,
        "edited_timestamp": null,
        "tts": field("tts", Value::Bool(false)),
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": field("embeds", json!([])),
        "components": field("components", json!([])),
        "pinned": false,
        "type": 0,
        "flags": field("flags", Value::from(0)),
    });
    if let Some(g) = guild_id {
        msg["guild_id"] = Value::from(g.to_string());
    }
    if let Some(n) = body.get("nonce").filter(|n| !n.is_null()) {
        msg["nonce"] = n.clone();
    }
    let content = msg["content"].as_str().unwrap_or_default().to_string();
    let (roles, everyone) = pinged(&content, body.get("allowed_mentions"));
    msg["mention_roles"] = json!(roles);
    msg["mention_everyone"] = Value::Bool(everyone);
    msg
}

/// Who a message's content pings, as Discord reports it in `mention_roles` and
/// `mention_everyone`: role mentions `<@&id>` and `@everyone`/`@here` in the text, kept only
/// where `allowed_mentions` (when sent) allows them (`parse` or an explicit `roles` list).
/// User mentions are not resolved (`mentions` stays empty).
pub fn pinged(content: &str, allowed: Option<&Value>) -> (Vec<String>, bool) {
    let allowed = allowed.filter(|a| !a.is_null());
    let parses = |kind: &str| {
        allowed.is_none_or(|a| {
            a.get("parse")
                .and_then(Value::as_array)
                .is_some_and(|p| p.iter().any(|k| k == kind))
        })
    };
    let listed = |id: &str| {
        allowed
            .and_then(|a| a.get("roles"))
            .and_then(Value::as_array)
            .is_some_and(|r| r.iter().any(|x| x.as_str() == Some(id)))
    };
    let mut roles: Vec<String> = Vec::new();
    for (i, _) in content.match_indices("<@&") {
        let rest = &content[i + 3..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty()
            && rest[digits.len()..].starts_with('>')
            && (parses("roles") || listed(&digits))
            && !roles.contains(&digits)
        {
            roles.push(digits);
        }
    }
    let everyone =
        (content.contains("@everyone") || content.contains("@here")) && parses("everyone");
    (roles, everyone)
}

/// A message created by an interaction response or follow-up (`interaction` is the dispatched
/// INTERACTION_CREATE `d`, `body` the message data the bot sent).
pub fn interaction_response_message_json(
    id: u64,
    interaction: &Value,
    author: &Actor,
    body: &Value,
) -> Value {
    let snowflake = |v: &Value| v.as_str().and_then(|s| s.parse::<u64>().ok());
    let channel_id = interaction
        .get("channel_id")
        .and_then(snowflake)
        .unwrap_or_default();
    let guild_id = interaction.get("guild_id").and_then(snowflake);
    let mut msg = message_json(id, channel_id, guild_id, author, body);
    let app = interaction
        .get("application_id")
        .cloned()
        .unwrap_or(Value::Null);
    let user = interaction
        .get("member")
        .and_then(|m| m.get("user"))
        .or_else(|| interaction.get("user"))
        .cloned()
        .unwrap_or(Value::Null);
    msg["application_id"] = app.clone();
    msg["webhook_id"] = app;
    msg["interaction_metadata"] = json!({
        "id": interaction.get("id").cloned().unwrap_or(Value::Null),
        "type": interaction.get("type").cloned().unwrap_or(Value::from(2)),
        "user": user,
        "authorizing_integration_owners": interaction.get("authorizing_integration_owners").cloned().unwrap_or(json!({})),
        "original_response_message_id": null,
    });
    match interaction.get("type").and_then(Value::as_u64) {
        Some(3) => {
            msg["interaction_metadata"]["interacted_message_id"] = interaction
                .get("message")
                .and_then(|m| m.get("id"))
                .cloned()
                .unwrap_or(Value::Null);
        }
        Some(5) => {
            // The fake does not track which interaction opened the modal; a command is assumed.
            let mut trigger = msg["interaction_metadata"].clone();
            trigger["type"] = Value::from(2);
            msg["interaction_metadata"]["triggering_interaction_metadata"] = trigger;
        }
        _ => {}
    }
    msg
}

/// Applies an edit body to a stored message (content, embeds, components, flags).
pub fn apply_message_edit(message: &mut Value, edit: &Value) {
    for key in ["content", "embeds", "components", "flags"] {
        if let Some(v) = edit.get(key).filter(|v| !v.is_null()) {
            message[key] = v.clone();
        }
    }
    message["edited_timestamp"] = Value::from(TIMESTAMP);
}

/// A registered application command as Discord returns it, built from a create body.
pub fn command_json(id: u64, application_id: u64, guild_id: Option<u64>, body: &Value) -> Value {
    let field = |name: &str, default: Value| {
        body.get(name)
            .filter(|v| !v.is_null())
            .cloned()
            .unwrap_or(default)
    };
    let kind = field("type", Value::from(1));
    let mut cmd = json!({
        "id": id.to_string(),
        "type": kind,
        "application_id": application_id.to_string(),
        "name": field("name", Value::from("")),
        "name_localizations": field("name_localizations", Value::Null),
        "description": field("description", Value::from("")),
        "description_localizations": field("description_localizations", Value::Null),
        "options": field("options", json!([])),
        "default_member_permissions": field("default_member_permissions", Value::Null),
        "dm_permission": field("dm_permission", Value::Bool(true)),
        "nsfw": field("nsfw", Value::Bool(false)),
        "integration_types": field("integration_types", json!([0])),
        "contexts": field("contexts", Value::Null),
        "version": id.to_string(),
    });
    if let Some(g) = guild_id {
        cmd["guild_id"] = Value::from(g.to_string());
    }
    cmd
}

/// A Discord-style error body (`{"code", "message"}`).
pub fn error_json(code: u32, message: &str) -> Value {
    json!({"code": code, "message": message})
}

/// A value for a slash-command option.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    String(String),
    Integer(i64),
    Number(f64),
    Boolean(bool),
    User(u64),
    Channel(u64),
    Role(u64),
}

impl OptionValue {
    /// Discord's application-command option type.
    pub fn kind(&self) -> u8 {
        match self {
            Self::String(_) => 3,
            Self::Integer(_) => 4,
            Self::Boolean(_) => 5,
            Self::User(_) => 6,
            Self::Channel(_) => 7,
            Self::Role(_) => 8,
            Self::Number(_) => 10,
        }
    }

    fn json(&self) -> Value {
        match self {
            Self::String(s) => Value::from(s.as_str()),
            Self::Integer(i) => Value::from(*i),
            Self::Number(n) => Value::from(*n),
            Self::Boolean(b) => Value::from(*b),
            Self::User(id) | Self::Channel(id) | Self::Role(id) => Value::from(id.to_string()),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum FixtureKind {
    /// type 2 (or 4 when `focused` is set).
    Command {
        name: String,
        group: Option<String>,
        subcommand: Option<String>,
        options: Vec<(String, OptionValue)>,
        /// (option name, option type, partial text) for autocomplete.
        focused: Option<(String, u8, String)>,
    },
    /// type 3.
    Component {
        custom_id: String,
        component_type: u8,
        values: Vec<String>,
    },
    /// type 5.
    Modal {
        custom_id: String,
        fields: Vec<(String, String)>,
    },
}

/// Builder for the `d` of an INTERACTION_CREATE dispatch.
#[derive(Clone, Debug, PartialEq)]
pub struct InteractionFixture {
    kind: FixtureKind,
    actor: Option<Actor>,
    /// `None`: the environment's guild; `Some(None)`: a DM.
    guild_id: Option<Option<u64>>,
    channel_id: Option<u64>,
    locale: Option<String>,
    message: Option<Value>,
}

/// What the fake server supplies when it turns a fixture into a payload.
#[derive(Clone, Debug)]
pub struct FixtureEnv<'a> {
    pub application_id: u64,
    pub interaction_id: u64,
    pub token: &'a str,
    /// Used for `data.id` of commands (the registered id, if the fake knows it).
    pub command_id: u64,
    pub guild: Option<&'a GuildFixture>,
    pub default_actor: &'a Actor,
    pub default_locale: &'a str,
    /// Author and id of the message synthesized for a component without `on_message`.
    pub bot: &'a Actor,
    pub synthesized_message_id: u64,
    /// Channel used for DMs when none is given.
    pub dm_channel_id: u64,
}

impl InteractionFixture {
    fn new(kind: FixtureKind) -> Self {
        Self {
            kind,
            actor: None,
            guild_id: None,
            channel_id: None,
            locale: None,
            message: None,
        }
    }

    /// A slash command (`/name`); add `.subcommand(..)` and options.
    pub fn slash(name: &str) -> Self {
        Self::new(FixtureKind::Command {
            name: name.to_string(),
            group: None,
            subcommand: None,
            options: Vec::new(),
            focused: None,
        })
    }

    /// An autocomplete request (type 4) for `/name`; set the typed text with `.focused(..)`.
    pub fn autocomplete(name: &str) -> Self {
        let mut f = Self::slash(name);
        if let FixtureKind::Command { focused, .. } = &mut f.kind {
            *focused = Some((String::new(), 3, String::new()));
        }
        f
    }

    /// A button press (message component type 2).
    pub fn button(custom_id: &str) -> Self {
        Self::new(FixtureKind::Component {
            custom_id: custom_id.to_string(),
            component_type: 2,
            values: Vec::new(),
        })
    }

    /// A string-select choice (message component type 3).
    pub fn string_select(custom_id: &str, values: &[&str]) -> Self {
        Self::new(FixtureKind::Component {
            custom_id: custom_id.to_string(),
            component_type: 3,
            values: values.iter().map(|v| v.to_string()).collect(),
        })
    }

    /// A modal submission (type 5); add fields with `.text_input(..)`.
    pub fn modal_submit(custom_id: &str) -> Self {
        Self::new(FixtureKind::Modal {
            custom_id: custom_id.to_string(),
            fields: Vec::new(),
        })
    }

    pub fn subcommand_group(mut self, group_name: &str) -> Self {
        if let FixtureKind::Command { group, .. } = &mut self.kind {
            *group = Some(group_name.to_string());
        }
        self
    }

    pub fn subcommand(mut self, sub_name: &str) -> Self {
        if let FixtureKind::Command { subcommand, .. } = &mut self.kind {
            *subcommand = Some(sub_name.to_string());
        }
        self
    }

    pub fn option(mut self, name: &str, value: OptionValue) -> Self {
        if let FixtureKind::Command { options, .. } = &mut self.kind {
            options.push((name.to_string(), value));
        }
        self
    }

    pub fn string(self, name: &str, value: &str) -> Self {
        self.option(name, OptionValue::String(value.to_string()))
    }

    pub fn integer(self, name: &str, value: i64) -> Self {
        self.option(name, OptionValue::Integer(value))
    }

    pub fn boolean(self, name: &str, value: bool) -> Self {
        self.option(name, OptionValue::Boolean(value))
    }

    /// The option being typed in an autocomplete request (a string option).
    pub fn focused(self, name: &str, partial: &str) -> Self {
        self.focused_with_type(name, 3, partial)
    }

    /// The option being typed, for a non-string option type (e.g. 4 = integer).
    pub fn focused_with_type(mut self, name: &str, option_type: u8, partial: &str) -> Self {
        if let FixtureKind::Command { focused, .. } = &mut self.kind {
            *focused = Some((name.to_string(), option_type, partial.to_string()));
        }
        self
    }

    pub fn text_input(mut self, custom_id: &str, value: &str) -> Self {
        if let FixtureKind::Modal { fields, .. } = &mut self.kind {
            fields.push((custom_id.to_string(), value.to_string()));
        }
        self
    }

    /// The message a component sits on (or a modal was opened from); e.g. a message the bot
    /// posted, as returned by the fake. Without it a message by the bot is synthesized.
    pub fn on_message(mut self, message: Value) -> Self {
        self.message = Some(message);
        self
    }

    pub fn by(mut self, actor: &Actor) -> Self {
        self.actor = Some(actor.clone());
        self
    }

    pub fn in_channel(mut self, channel_id: u64) -> Self {
        self.channel_id = Some(channel_id);
        self
    }

    pub fn in_guild(mut self, guild_id: u64) -> Self {
        self.guild_id = Some(Some(guild_id));
        self
    }

    /// A direct message: no guild, `user` instead of `member`.
    pub fn in_dm(mut self) -> Self {
        self.guild_id = Some(None);
        self
    }

    /// The user's client locale, e.g. `"no"`, `"en-US"`.
    pub fn locale(mut self, locale: &str) -> Self {
        self.locale = Some(locale.to_string());
        self
    }

    /// The command name for command/autocomplete fixtures.
    pub fn command_name(&self) -> Option<&str> {
        match &self.kind {
            FixtureKind::Command { name, .. } => Some(name),
            _ => None,
        }
    }

    /// Discord's interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit.
    pub fn interaction_type(&self) -> u8 {
        match &self.kind {
            FixtureKind::Command {
                focused: Some(_), ..
            } => 4,
            FixtureKind::Command { .. } => 2,
            FixtureKind::Component { .. } => 3,
            FixtureKind::Modal { .. } => 5,
        }
    }

    /// Renders the `d` of INTERACTION_CREATE.
    pub fn to_json(&self, env: &FixtureEnv<'_>) -> Value {
        let actor = self
            .actor
            .clone()
            .unwrap_or_else(|| env.default_actor.clone());
        let guild_id = match self.guild_id {
            Some(g) => g,
            None => env.guild.map(|g| g.id),
        };
        let channel_id = self.channel_id.unwrap_or_else(|| match guild_id {
            Some(_) => env
                .guild
                .and_then(GuildFixture::first_text_channel)
                .unwrap_or(env.dm_channel_id),
            None => env.dm_channel_id,
        });
        let locale = self
            .locale
            .clone()
            .unwrap_or_else(|| env.default_locale.to_string());
        let mut d = Map::new();
        d.insert("id".into(), Value::from(env.interaction_id.to_string()));
        d.insert(
            "application_id".into(),
            Value::from(env.application_id.to_string()),
        );
        d.insert("type".into(), Value::from(self.interaction_type()));
        d.insert("token".into(), Value::from(env.token));
        d.insert("version".into(), Value::from(1));
        d.insert("locale".into(), Value::from(locale));
        d.insert("entitlements".into(), json!([]));
        d.insert("attachment_size_limit".into(), Value::from(10_485_760));
        d.insert("app_permissions".into(), Value::from("2248473465835073"));
        d.insert("channel_id".into(), Value::from(channel_id.to_string()));
        let channel_name = env
            .guild
            .and_then(|g| g.channels.iter().find(|c| c.id == channel_id))
            .map(|c| c.name.clone());
        match guild_id {
            Some(g) => {
                d.insert("guild_id".into(), Value::from(g.to_string()));
                d.insert(
                    "guild_locale".into(),
                    Value::from(env.guild.map_or("en-US", |g| g.preferred_locale.as_str())),
                );
                d.insert("member".into(), interaction_member_json(&actor));
                d.insert("context".into(), Value::from(0));
                d.insert(
                    "authorizing_integration_owners".into(),
                    json!({"0": g.to_string()}),
                );
                d.insert(
                    "channel".into(),
                    json!({"id": channel_id.to_string(), "type": CHANNEL_GUILD_TEXT, "name": channel_name, "guild_id": g.to_string(), "permissions": actor.permissions.to_string()}),
                );
            }
            None => {
                d.insert("user".into(), user_json(&actor));
                d.insert("context".into(), Value::from(1));
                d.insert("authorizing_integration_owners".into(), json!({"0": "0"}));
                d.insert(
                    "channel".into(),
                    json!({"id": channel_id.to_string(), "type": CHANNEL_DM}),
                );
            }
        }
        let data = match &self.kind {
            FixtureKind::Command {
                name,
                group,
                subcommand,
                options,
                focused,
            } => {
                let resolved = resolved_json(options, env.guild, guild_id);
                let mut leaf: Vec<Value> = options
                    .iter()
                    .map(|(n, v)| json!({"name": n, "type": v.kind(), "value": v.json()}))
                    .collect();
                if let Some((n, t, partial)) = focused {
                    leaf.push(json!({"name": n, "type": t, "value": partial, "focused": true}));
                }
                let mut opts = leaf;
                if let Some(sub) = subcommand {
                    opts = vec![json!({"name": sub, "type": 1, "options": opts})];
                }
                if let Some(grp) = group {
                    opts = vec![json!({"name": grp, "type": 2, "options": opts})];
                }
                let mut data = json!({
                    "id": env.command_id.to_string(),
                    "name": name,
                    "type": 1,
                    "options": opts,
                });
                if let Some(r) = resolved {
                    data["resolved"] = r;
                }
                if let Some(g) = guild_id {
                    data["guild_id"] = Value::from(g.to_string());
                }
                data
            }
            FixtureKind::Component {
                custom_id,
                component_type,
                values,
            } => {
                let mut data = json!({"custom_id": custom_id, "component_type": component_type});
                if *component_type != 2 {
                    data["values"] = json!(values);
                }
                d.insert(
                    "message".into(),
                    self.message_or_synthesized(env, channel_id, guild_id, custom_id),
                );
                data
            }
            FixtureKind::Modal { custom_id, fields } => {
                if let Some(m) = &self.message {
                    d.insert("message".into(), m.clone());
                }
                let rows: Vec<Value> = fields
                    .iter()
                    .map(|(id, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": value}]}))
                    .collect();
                json!({"custom_id": custom_id, "components": rows})
            }
        };
        d.insert("data".into(), data);
        Value::Object(d)
    }

    fn message_or_synthesized(
        &self,
        env: &FixtureEnv<'_>,
        channel_id: u64,
        guild_id: Option<u64>,
        custom_id: &str,
    ) -> Value {
        if let Some(m) = &self.message {
            return m.clone();
        }
        let body = json!({
            "content": "",
            "components": [{"type": 1, "components": [{"type": 2, "style": 1, "label": custom_id, "custom_id": custom_id}]}],
        });
        let mut msg = message_json(
            env.synthesized_message_id,
            channel_id,
            guild_id,
            env.bot,
            &body,
        );
        msg["application_id"] = Value::from(env.application_id.to_string());
        msg
    }
}

/// `data.resolved` for user/channel/role options.
fn resolved_json(
    options: &[(String, OptionValue)],
    guild: Option<&GuildFixture>,
    guild_id: Option<u64>,
) -> Option<Value> {
    let mut users = Map::new();
    let mut members = Map::new();
    let mut roles = Map::new();
    let mut channels = Map::new();
    for (_, value) in options {
        match value {
            OptionValue::User(id) => {
                let actor = guild
                    .and_then(|g| g.members.iter().find(|m| m.user_id == *id))
                    .cloned()
                    .unwrap_or_else(|| Actor::new(*id, &format!("user{id}")));
                users.insert(id.to_string(), user_json(&actor));
                if guild_id.is_some() {
                    let mut m = interaction_member_json(&actor);
                    if let Some(obj) = m.as_object_mut() {
                        obj.remove("user");
                    }
                    members.insert(id.to_string(), m);
                }
            }
            OptionValue::Role(id) => {
                let (name, perms) = guild
                    .and_then(|g| g.roles.iter().find(|r| r.id == *id))
                    .map_or((format!("role{id}"), 0), |r| {
                        (r.name.clone(), r.permissions)
                    });
                roles.insert(id.to_string(), role_json(*id, &name, perms, 1));
            }
            OptionValue::Channel(id) => {
                let (name, kind) = guild
                    .and_then(|g| g.channels.iter().find(|c| c.id == *id))
                    .map_or((format!("channel{id}"), CHANNEL_GUILD_TEXT), |c| {
                        (c.name.clone(), c.kind)
                    });
                channels.insert(
                    id.to_string(),
                    json!({"id": id.to_string(), "name": name, "type": kind, "permissions": DEFAULT_MEMBER_PERMISSIONS.to_string()}),
                );
            }
            _ => {}
        }
    }
    if users.is_empty() && roles.is_empty() && channels.is_empty() {
        return None;
    }
    let mut r = Map::new();
    for (key, map) in [
        ("users", users),
        ("members", members),
        ("roles", roles),
        ("channels", channels),
    ] {
        if !map.is_empty() {
            r.insert(key.into(), Value::Object(map));
        }
    }
    Some(Value::Object(r))
}
