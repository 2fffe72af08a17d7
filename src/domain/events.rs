//! Discord scheduled events, the rules without Discord or SQL: how far ahead meetings get
//! events, how many per server, an event's address, and the marker by which the bot finds
//! its own event for a meeting. The reconciler is [`crate::scheduler::events`].

use super::MeetingId;

/// How far ahead meetings get events.
pub const HORIZON_DAYS: i64 = 60;
/// At most this many of sltbot's events per guild (Discord allows 100 active ones).
pub const CAP: usize = 50;

/// The address of a guild's scheduled event, as Discord shares it.
pub fn event_url(guild: u64, event: u64) -> String {
    format!("https://discord.com/events/{guild}/{event}")
}

/// The marker an event's description carries so the bot can find its own event for a
/// meeting after a crash: `id:{meeting}` as a word (it is also what `/meeting notice id:`
/// takes, so it is useful to a reader).
pub fn marker(meeting: MeetingId) -> String {
    format!("id:{}", meeting.0)
}

/// Does this description carry the marker of `meeting`?
pub fn is_marked(description: &str, meeting: MeetingId) -> bool {
    let want = marker(meeting);
    description
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',' || c == ')' || c == '(')
        .any(|w| w == want)
}
