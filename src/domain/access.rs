//! The permission self-check, as pure logic: what the bot may do in a guild, computed from
//! the guild's roles and a channel's permission overwrites exactly as Discord documents it
//! ("Permission Hierarchy": base permissions from @everyone and the member's roles, the
//! owner and `ADMINISTRATOR` have all; then in a channel the @everyone overwrite, the role
//! overwrites together, the member's own overwrite, each `deny` before `allow`; a channel
//! the member cannot view grants nothing, and without `SEND_MESSAGES` nothing that sends
//! either), and what the bot needs there ([`Needs`]) turned into [`Problem`]s, each naming
//! the one thing to change in Discord's settings.
//!
//! No Discord types here: the adapter fills a [`GuildView`] from the REST answers.

use super::{ChannelId, GroupId, MeetingId, RoleId};

/// Discord's permission bits the bot cares about.
pub mod bits {
    pub const ADMINISTRATOR: u64 = 1 << 3;
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const EMBED_LINKS: u64 = 1 << 14;
    pub const ATTACH_FILES: u64 = 1 << 15;
    pub const MENTION_EVERYONE: u64 = 1 << 17;
    pub const CONNECT: u64 = 1 << 20;
    pub const MANAGE_EVENTS: u64 = 1 << 33;
    pub const CREATE_EVENTS: u64 = 1 << 44;
    /// Every bit Discord defines today (and room for more): what the owner and an
    /// administrator have.
    pub const ALL: u64 = u64::MAX;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuildRole {
    pub id: u64,
    pub permissions: u64,
    pub mentionable: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverwriteTarget {
    Role(u64),
    Member(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overwrite {
    pub target: OverwriteTarget,
    pub allow: u64,
    pub deny: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuildChannel {
    pub id: u64,
    /// A voice or stage channel (events can be held there; nothing is posted there).
    pub voice: bool,
    pub overwrites: Vec<Overwrite>,
}

/// What the check needs to know of a guild: its roles (with @everyone, whose id is the
/// guild's), its channels with their overwrites, and the bot as a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuildView {
    pub guild_id: u64,
    pub owner_id: u64,
    pub roles: Vec<GuildRole>,
    pub channels: Vec<GuildChannel>,
    pub bot_user: u64,
    pub bot_roles: Vec<u64>,
}

impl GuildView {
    /// A guild known by id only (nothing read from Discord).
    pub fn empty(guild_id: u64) -> Self {
        GuildView {
            guild_id,
            owner_id: 0,
            roles: Vec::new(),
            channels: Vec::new(),
            bot_user: 0,
            bot_roles: Vec::new(),
        }
    }

    /// The bot's guild-wide permissions.
    pub fn base_permissions(&self) -> u64 {
        if self.owner_id == self.bot_user {
            return bits::ALL;
        }
        let mut perms = self
            .roles
            .iter()
            .find(|r| r.id == self.guild_id)
            .map_or(0, |r| r.permissions);
        for r in &self.roles {
            if self.bot_roles.contains(&r.id) {
                perms |= r.permissions;
            }
        }
        if perms & bits::ADMINISTRATOR != 0 {
            bits::ALL
        } else {
            perms
        }
    }

    /// The bot's permissions in `channel` (Discord's documented algorithm).
    pub fn channel_permissions(&self, channel: &GuildChannel) -> u64 {
        let base = self.base_permissions();
        if base & bits::ADMINISTRATOR != 0 {
            return bits::ALL;
        }
        let mut perms = base;
        let everyone = channel
            .overwrites
            .iter()
            .find(|o| o.target == OverwriteTarget::Role(self.guild_id));
        if let Some(o) = everyone {
            perms &= !o.deny;
            perms |= o.allow;
        }
        let (mut allow, mut deny) = (0, 0);
        for o in &channel.overwrites {
            if let OverwriteTarget::Role(id) = o.target {
                if id != self.guild_id && self.bot_roles.contains(&id) {
                    allow |= o.allow;
                    deny |= o.deny;
                }
            }
        }
        perms &= !deny;
        perms |= allow;
        let member = channel
            .overwrites
            .iter()
            .find(|o| o.target == OverwriteTarget::Member(self.bot_user));
        if let Some(o) = member {
            perms &= !o.deny;
            perms |= o.allow;
        }
        // Implicit permissions: a channel one cannot see grants nothing; one cannot post
        // in grants nothing that posts.
        if perms & bits::VIEW_CHANNEL == 0 {
            return 0;
        }
        if !channel.voice && perms & bits::SEND_MESSAGES == 0 {
            perms &= !(bits::MENTION_EVERYONE | bits::ATTACH_FILES | bits::EMBED_LINKS);
        }
        perms
    }

    pub fn channel(&self, id: ChannelId) -> Option<&GuildChannel> {
        self.channels.iter().find(|c| c.id == id.0)
    }

    pub fn role(&self, id: RoleId) -> Option<&GuildRole> {
        self.roles.iter().find(|r| r.id == id.0)
    }
}

/// Why the bot posts in a channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// A group's channel: reminders, deadline calls, pings, minutes (a file attachment).
    Group(GroupId),
    /// The weekly digest and failure notices.
    Digest,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelNeed {
    pub channel: ChannelId,
    pub purpose: Purpose,
    /// Files are attached here (published minutes).
    pub attach: bool,
    /// This role is pinged here.
    pub ping: Option<RoleId>,
}

/// What the bot needs in a guild, from sltbot's own settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs {
    pub channels: Vec<ChannelNeed>,
    /// Some group has events on.
    pub events: bool,
    /// Voice channels events are held in.
    pub voice_channels: Vec<ChannelId>,
    /// Event operations Discord refused for good, per meeting (the stored reason).
    pub event_failures: Vec<(MeetingId, String)>,
    /// Meetings within the events horizon left without an event by the cap per server.
    pub events_left_out: usize,
}

/// One thing to change in Discord's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The channel does not exist (any more) or is hidden from the bot entirely.
    ChannelMissing {
        channel: ChannelId,
        purpose: Purpose,
    },
    CannotView {
        channel: ChannelId,
        purpose: Purpose,
    },
    CannotSend {
        channel: ChannelId,
        purpose: Purpose,
    },
    CannotAttach {
        channel: ChannelId,
        purpose: Purpose,
    },
    /// The role is not mentionable and the bot lacks *Mention Everyone* in the channel.
    CannotPing {
        channel: ChannelId,
        role: RoleId,
    },
    RoleMissing {
        role: RoleId,
    },
    /// No *Create Events* (required of bots since February 2026; *Manage Events* alone
    /// no longer lets a bot create events).
    CannotCreateEvents,
    /// A voice channel events are held in: the bot cannot see or connect.
    CannotUseVoice {
        channel: ChannelId,
    },
    /// Discord refused an event for this meeting (reason as stored).
    EventFailed {
        meeting: MeetingId,
        reason: String,
    },
    /// The cap on events per server left this many meetings without one (for now).
    EventCap {
        left_out: usize,
    },
}

impl Problem {
    /// A stable name for logs.
    pub fn kind(&self) -> &'static str {
        match self {
            Problem::ChannelMissing { .. } => "channel_missing",
            Problem::CannotView { .. } => "cannot_view",
            Problem::CannotSend { .. } => "cannot_send",
            Problem::CannotAttach { .. } => "cannot_attach",
            Problem::CannotPing { .. } => "cannot_ping",
            Problem::RoleMissing { .. } => "role_missing",
            Problem::CannotCreateEvents => "cannot_create_events",
            Problem::CannotUseVoice { .. } => "cannot_use_voice",
            Problem::EventFailed { .. } => "event_failed",
            Problem::EventCap { .. } => "event_cap",
        }
    }

    /// The channel concerned, if any (for logs: an id, never a name).
    pub fn channel(&self) -> Option<ChannelId> {
        match self {
            Problem::ChannelMissing { channel, .. }
            | Problem::CannotView { channel, .. }
            | Problem::CannotSend { channel, .. }
            | Problem::CannotAttach { channel, .. }
            | Problem::CannotPing { channel, .. }
            | Problem::CannotUseVoice { channel } => Some(*channel),
            _ => None,
        }
    }
}

/// Everything the bot lacks for `needs` in `guild`, in a stable order (channels as
/// listed, then events). One problem per channel and kind; a channel the bot cannot
/// see is reported once, not once per thing it then cannot do.
pub fn check(guild: &GuildView, needs: &Needs) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    let push = |p: Problem, out: &mut Vec<Problem>| {
        if !out.contains(&p) {
            out.push(p);
        }
    };
    for need in &needs.channels {
        let (channel, purpose) = (need.channel, need.purpose.clone());
        let Some(ch) = guild.channel(channel) else {
            push(Problem::ChannelMissing { channel, purpose }, &mut out);
            continue;
        };
        let perms = guild.channel_permissions(ch);
        if perms & bits::VIEW_CHANNEL == 0 {
            push(Problem::CannotView { channel, purpose }, &mut out);
            continue;
        }
        if perms & bits::SEND_MESSAGES == 0 {
            push(Problem::CannotSend { channel, purpose }, &mut out);
            continue;
        }
        if need.attach && perms & bits::ATTACH_FILES == 0 {
            push(
                Problem::CannotAttach {
                    channel,
                    purpose: purpose.clone(),
                },
                &mut out,
            );
        }
        if let Some(role) = need.ping {
            match guild.role(role) {
                None => push(Problem::RoleMissing { role }, &mut out),
                Some(r) if !r.mentionable && perms & bits::MENTION_EVERYONE == 0 => {
                    push(Problem::CannotPing { channel, role }, &mut out)
                }
                Some(_) => {}
            }
        }
    }
    if needs.events {
        let base = guild.base_permissions();
        // Since 23 February 2026 bots need CREATE_EVENTS to create events (MANAGE_EVENTS
        // alone no longer does); it also covers editing and deleting the bot's own events.
        if base & bits::CREATE_EVENTS == 0 {
            push(Problem::CannotCreateEvents, &mut out);
        }
        for &channel in &needs.voice_channels {
            let ok = guild.channel(channel).is_some_and(|ch| {
                let p = guild.channel_permissions(ch);
                p & (bits::VIEW_CHANNEL | bits::CONNECT) == bits::VIEW_CHANNEL | bits::CONNECT
            });
            if !ok {
                push(Problem::CannotUseVoice { channel }, &mut out);
            }
        }
    }
    for (meeting, reason) in &needs.event_failures {
        push(
            Problem::EventFailed {
                meeting: *meeting,
                reason: reason.clone(),
            },
            &mut out,
        );
    }
    if needs.events_left_out > 0 {
        push(
            Problem::EventCap {
                left_out: needs.events_left_out,
            },
            &mut out,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::bits::*;
    use super::*;

    const GUILD: u64 = 1000;
    const BOT: u64 = 7;
    const BOT_ROLE: u64 = 70;
    const OTHER_ROLE: u64 = 71;
    const PING_ROLE: u64 = 80;

    fn role(id: u64, permissions: u64) -> GuildRole {
        GuildRole {
            id,
            permissions,
            mentionable: true,
        }
    }

    fn view(everyone: u64, bot_role: u64, overwrites: Vec<Overwrite>) -> GuildView {
        GuildView {
            guild_id: GUILD,
            owner_id: 1,
            roles: vec![
                role(GUILD, everyone),
                role(BOT_ROLE, bot_role),
                role(OTHER_ROLE, 0),
                GuildRole {
                    id: PING_ROLE,
                    permissions: 0,
                    mentionable: false,
                },
            ],
            channels: vec![GuildChannel {
                id: 5,
                voice: false,
                overwrites,
            }],
            bot_user: BOT,
            bot_roles: vec![BOT_ROLE],
        }
    }

    fn ow(target: OverwriteTarget, allow: u64, deny: u64) -> Overwrite {
        Overwrite {
            target,
            allow,
            deny,
        }
    }

    use OverwriteTarget::{Member, Role};

    #[test]
    fn channel_permissions_follow_discords_order() {
        let vs = VIEW_CHANNEL | SEND_MESSAGES;
        // (everyone, bot role, overwrites, expected has SEND_MESSAGES, has VIEW)
        let table: Vec<(u64, u64, Vec<Overwrite>, bool, bool)> = vec![
            // Base only.
            (vs, 0, vec![], true, true),
            (VIEW_CHANNEL, SEND_MESSAGES, vec![], true, true),
            (VIEW_CHANNEL, 0, vec![], false, true),
            // @everyone overwrite denies send; the bot's role overwrite allows it again.
            (
                vs,
                0,
                vec![
                    ow(Role(GUILD), 0, SEND_MESSAGES),
                    ow(Role(BOT_ROLE), SEND_MESSAGES, 0),
                ],
                true,
                true,
            ),
            // Role overwrites: allow wins over deny among roles (allows applied last).
            (
                vs,
                0,
                vec![
                    ow(Role(BOT_ROLE), SEND_MESSAGES, 0),
                    ow(Role(BOT_ROLE), 0, 0),
                ],
                true,
                true,
            ),
            // A role the bot does not have does not count.
            (
                vs,
                0,
                vec![ow(Role(OTHER_ROLE), 0, SEND_MESSAGES)],
                true,
                true,
            ),
            (
                vs,
                0,
                vec![ow(Role(BOT_ROLE), 0, SEND_MESSAGES)],
                false,
                true,
            ),
            // The member overwrite comes last: denies what the role allowed…
            (
                vs,
                0,
                vec![
                    ow(Role(BOT_ROLE), SEND_MESSAGES, 0),
                    ow(Member(BOT), 0, SEND_MESSAGES),
                ],
                false,
                true,
            ),
            // …and allows what @everyone denied.
            (
                vs,
                0,
                vec![ow(Role(GUILD), 0, vs), ow(Member(BOT), vs, 0)],
                true,
                true,
            ),
            // Hidden channel: nothing, not even send.
            (vs, 0, vec![ow(Role(GUILD), 0, VIEW_CHANNEL)], false, false),
            // Administrator ignores overwrites.
            (
                0,
                ADMINISTRATOR,
                vec![ow(Member(BOT), 0, VIEW_CHANNEL)],
                true,
                true,
            ),
            // Another member's overwrite does not touch the bot.
            (vs, 0, vec![ow(Member(BOT + 1), 0, vs)], true, true),
        ];
        for (i, (everyone, bot_role, overwrites, send, see)) in table.into_iter().enumerate() {
            let g = view(everyone, bot_role, overwrites);
            let p = g.channel_permissions(&g.channels[0]);
            assert_eq!(p & SEND_MESSAGES != 0, send, "case {i}");
            assert_eq!(p & VIEW_CHANNEL != 0, see, "case {i}");
        }
    }

    #[test]
    fn the_owner_has_everything() {
        let mut g = view(0, 0, vec![ow(Member(BOT), 0, VIEW_CHANNEL)]);
        g.owner_id = BOT;
        assert_eq!(g.channel_permissions(&g.channels[0]), ALL);
    }

    #[test]
    fn without_send_there_is_no_mention_everyone_or_attach() {
        let g = view(
            VIEW_CHANNEL | MENTION_EVERYONE | ATTACH_FILES,
            0,
            Vec::new(),
        );
        let p = g.channel_permissions(&g.channels[0]);
        assert_eq!(p & (MENTION_EVERYONE | ATTACH_FILES), 0);
    }

    fn need(ping: Option<u64>) -> ChannelNeed {
        ChannelNeed {
            channel: ChannelId(5),
            purpose: Purpose::Group(GroupId(1)),
            attach: true,
            ping: ping.map(RoleId),
        }
    }

    #[test]
    fn check_names_each_missing_thing_once() {
        let g = view(VIEW_CHANNEL | SEND_MESSAGES | ATTACH_FILES, 0, Vec::new());
        let needs = Needs {
            channels: vec![
                need(Some(PING_ROLE)),
                need(Some(PING_ROLE)),
                ChannelNeed {
                    channel: ChannelId(6),
                    purpose: Purpose::Digest,
                    attach: false,
                    ping: None,
                },
            ],
            events: true,
            voice_channels: vec![ChannelId(5)],
            event_failures: vec![(MeetingId(3), "missing_permissions".into())],
            events_left_out: 2,
        };
        assert_eq!(
            check(&g, &needs),
            vec![
                Problem::CannotPing {
                    channel: ChannelId(5),
                    role: RoleId(PING_ROLE)
                },
                Problem::ChannelMissing {
                    channel: ChannelId(6),
                    purpose: Purpose::Digest
                },
                Problem::CannotCreateEvents,
                Problem::CannotUseVoice {
                    channel: ChannelId(5)
                },
                Problem::EventFailed {
                    meeting: MeetingId(3),
                    reason: "missing_permissions".into()
                },
                Problem::EventCap { left_out: 2 },
            ]
        );
    }

    #[test]
    fn manage_events_alone_no_longer_creates_events() {
        let needs = Needs {
            events: true,
            ..Needs::default()
        };
        let manage = view(VIEW_CHANNEL, MANAGE_EVENTS, Vec::new());
        assert_eq!(check(&manage, &needs), vec![Problem::CannotCreateEvents]);
        let create = view(VIEW_CHANNEL, CREATE_EVENTS, Vec::new());
        assert_eq!(check(&create, &needs), Vec::new());
    }

    #[test]
    fn mention_everyone_lets_the_bot_ping_an_unmentionable_role() {
        let g = view(
            VIEW_CHANNEL | SEND_MESSAGES | ATTACH_FILES,
            MENTION_EVERYONE | CREATE_EVENTS,
            Vec::new(),
        );
        let needs = Needs {
            channels: vec![need(Some(PING_ROLE))],
            events: true,
            ..Needs::default()
        };
        assert_eq!(check(&g, &needs), Vec::new());
    }

    #[test]
    fn a_send_overwrite_missing_is_reported_and_hides_the_rest() {
        let g = view(
            VIEW_CHANNEL | SEND_MESSAGES | ATTACH_FILES,
            0,
            vec![ow(Role(GUILD), 0, SEND_MESSAGES)],
        );
        let needs = Needs {
            channels: vec![need(Some(PING_ROLE))],
            ..Needs::default()
        };
        assert_eq!(
            check(&g, &needs),
            vec![Problem::CannotSend {
                channel: ChannelId(5),
                purpose: Purpose::Group(GroupId(1))
            }]
        );
    }
}
