//! The outbound port: messages the bot sends on its own initiative — meeting reminders,
//! agenda deadline calls, overdue-action pings, the weekly digest. The scheduler decides
//! *what* is due and renders it; an [`Outbox`] delivers it. The Discord adapter posts to
//! channels; the console prints; tests record.

use crate::domain::{ActionId, ChannelId, GroupId, MeetingId, RoleId, UserId};
use crate::style::Style;
use std::time::Duration;

/// Who a message may ping. User text inside a message can never widen this: adapters
/// set Discord's `allowed_mentions` from this value and nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ping {
    Nobody,
    Role(RoleId),
    User(UserId),
}

/// A button under a message, for gestures that save typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    /// "Mark done" under an overdue-action ping: the action's group and id (a press acts
    /// only while the action belongs to that group).
    ActionDone(GroupId, ActionId),
    /// "Report progress" (opens a modal) under an overdue-action ping.
    ActionReport(GroupId, ActionId),
    /// "Kommer" under a meeting's notice: the meeting's group and id.
    NoticeAttend(GroupId, MeetingId),
    /// "Forfall" (opens a modal for an optional note) under a meeting's notice.
    NoticeApologies(GroupId, MeetingId),
    /// A follow-up round's answer for one action (*På sporet*, *Forsinket* …), labelled
    /// in `lang` (the body's language).
    FollowupAnswer {
        group: GroupId,
        meeting: MeetingId,
        action: ActionId,
        answer: crate::domain::followup::Answer,
        lang: crate::domain::Lang,
    },
    /// A follow-up round's note form (opens a modal) for one action.
    FollowupNote {
        group: GroupId,
        meeting: MeetingId,
        action: ActionId,
        lang: crate::domain::Lang,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outbound {
    pub channel: ChannelId,
    /// Already rendered for [`Outbox::style`], at most [`MESSAGE_LIMIT`] characters.
    pub content: String,
    pub ping: Ping,
    pub buttons: Vec<Button>,
    /// Files posted with the message (the published minutes as PDF/A and Markdown).
    pub attachments: Vec<Attachment>,
}

/// A file that goes with an [`Outbound`] message.
#[derive(Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Attachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The bytes hold user text: never in a log line.
        f.debug_struct("Attachment")
            .field("name", &self.name)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Discord's limit for a message's content, in characters.
pub const MESSAGE_LIMIT: usize = 2000;

/// An id the delivery channel gave the sent message (for logs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub message_id: Option<u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    /// Worth trying again (rate limit, server error, network), after `retry_after` if given.
    #[error("temporary delivery failure: {reason}")]
    Retryable {
        retry_after: Option<Duration>,
        reason: String,
    },
    /// Will not succeed as is (unknown channel, missing permission): the notification is
    /// marked `failed` with `refusal`, and the coordinators are told.
    #[error("permanent delivery failure: {refusal:?} ({detail})")]
    Permanent {
        refusal: Refusal,
        /// For the log and the database: HTTP status and Discord code, never user text.
        detail: String,
    },
}

/// Why a message was refused for good. Stored (`notifications.failure`) by [`Refusal::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The channel does not exist (any more), or none is set (Discord code 10003).
    UnknownChannel,
    /// The bot cannot see the channel (Discord code 50001).
    MissingAccess,
    /// The bot may see the channel but not post there, or not ping (Discord code 50013).
    MissingPermissions,
    /// Another 404.
    NotFound,
    /// Another 403.
    Forbidden,
    /// Any other refusal (a 4xx that trying again will not change).
    Rejected,
    /// Temporary failures (429, 5xx, network) went on past the bounded retries.
    GaveUp,
}

impl Refusal {
    pub const ALL: [Refusal; 7] = [
        Refusal::UnknownChannel,
        Refusal::MissingAccess,
        Refusal::MissingPermissions,
        Refusal::NotFound,
        Refusal::Forbidden,
        Refusal::Rejected,
        Refusal::GaveUp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::UnknownChannel => "unknown_channel",
            Refusal::MissingAccess => "missing_access",
            Refusal::MissingPermissions => "missing_permissions",
            Refusal::NotFound => "not_found",
            Refusal::Forbidden => "forbidden",
            Refusal::Rejected => "rejected",
            Refusal::GaveUp => "gave_up",
        }
    }

    pub fn parse(s: &str) -> Option<Refusal> {
        Refusal::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Sort an HTTP refusal by status and Discord error code.
    pub fn from_http(status: u16, code: i64) -> Refusal {
        match (status, code) {
            (_, 10003) => Refusal::UnknownChannel,
            (_, 50001) => Refusal::MissingAccess,
            (_, 50013) => Refusal::MissingPermissions,
            (404, _) => Refusal::NotFound,
            (403, _) => Refusal::Forbidden,
            _ => Refusal::Rejected,
        }
    }

    /// The Fluent key of the explanation (what to change in Discord).
    pub fn fluent_key(self) -> &'static str {
        match self {
            Refusal::UnknownChannel => "delivery-reason-unknown-channel",
            Refusal::MissingAccess => "delivery-reason-missing-access",
            Refusal::MissingPermissions => "delivery-reason-missing-permissions",
            Refusal::NotFound => "delivery-reason-not-found",
            Refusal::Forbidden => "delivery-reason-forbidden",
            Refusal::Rejected => "delivery-reason-rejected",
            Refusal::GaveUp => "delivery-reason-gave-up",
        }
    }
}

/// What an outbox knows about a message sent under an idempotency key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// It went out: do not send it again.
    Sent,
    /// It certainly did not go out: sending it now loses nothing and doubles nothing.
    NotSent,
    /// The outbox cannot tell.
    Unknown,
}

#[async_trait::async_trait]
pub trait Outbox: Send + Sync + 'static {
    /// How content for this outbox is to be rendered.
    fn style(&self) -> Style;
    async fn send(&self, message: &Outbound) -> Result<Sent, DeliveryError>;

    /// Send under an idempotency key (unique per notification and part, at most 25
    /// characters of `[a-z0-9:#-]`). The scheduler always sends this way. An outbox that
    /// can should make a repeat of the same key a no-op — Discord: pass it as the message
    /// `nonce` with `enforce_nonce: true`. The default ignores the key.
    async fn send_keyed(&self, key: &str, message: &Outbound) -> Result<Sent, DeliveryError> {
        let _ = key;
        self.send(message).await
    }

    /// Replace the content and buttons of message `message_id` in `message.channel` (the
    /// notice's final list, edited in place after a change). Doing it twice shows the same,
    /// so a retry or a recovered claim simply edits again. The default cannot edit: a
    /// permanent refusal.
    async fn edit(&self, message_id: u64, message: &Outbound) -> Result<Sent, DeliveryError> {
        let _ = (message_id, message);
        Err(DeliveryError::Permanent {
            refusal: Refusal::Rejected,
            detail: "this outbox cannot edit messages".into(),
        })
    }

    /// Was a message with this key delivered? Asked only when recovering a claim whose
    /// scheduler died between claiming and recording the send. The default cannot tell.
    async fn delivered(&self, key: &str) -> Delivery {
        let _ = key;
        Delivery::Unknown
    }
}

/// Split text into chunks of at most `limit` characters, preferring line breaks, so a
/// long digest becomes several clean messages. Lines longer than the limit are cut.
pub fn split_message(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(1);
    let mut chunks = Vec::new();
    let mut current = String::new();
    let mut current_len = 0;
    for line in text.split('\n') {
        let mut line: &str = line;
        loop {
            let len = line.chars().count();
            let sep = usize::from(!current.is_empty());
            if current_len + sep + len <= limit {
                if sep == 1 {
                    current.push('\n');
                }
                current.push_str(line);
                current_len += sep + len;
                break;
            }
            if !current.is_empty() {
                chunks.push(std::mem::take(&mut current));
                current_len = 0;
                continue;
            }
            // A single line longer than the limit: cut it at a character boundary.
            let cut = line
                .char_indices()
                .nth(limit)
                .map(|(i, _)| i)
                .unwrap_or(line.len());
            chunks.push(line[..cut].to_string());
            line = &line[cut..];
            if line.is_empty() {
                break;
            }
        }
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// An outbox that prints to standard output (console mode). Messages are numbered from 1
/// in the order printed, so an edit can say which one it replaces.
pub struct PrintOutbox;

static PRINTED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

#[async_trait::async_trait]
impl Outbox for PrintOutbox {
    fn style(&self) -> Style {
        Style::Plain
    }

    async fn send(&self, m: &Outbound) -> Result<Sent, DeliveryError> {
        let id = PRINTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        println!("[#{} message {id}] {}", m.channel, m.content);
        for file in &m.attachments {
            println!(
                "[#{} message {id}] + {} ({} bytes)",
                m.channel,
                file.name,
                file.bytes.len()
            );
        }
        Ok(Sent {
            message_id: Some(id),
        })
    }

    async fn edit(&self, message_id: u64, m: &Outbound) -> Result<Sent, DeliveryError> {
        println!(
            "[#{} message {message_id}, edited] {}",
            m.channel, m.content
        );
        Ok(Sent {
            message_id: Some(message_id),
        })
    }
}

/// An outbox that records what it was given (tests), and under which key.
#[derive(Default)]
pub struct RecordingOutbox {
    pub sent: std::sync::Mutex<Vec<Outbound>>,
    /// The idempotency key of each keyed send, in order.
    pub keys: std::sync::Mutex<Vec<String>>,
    /// Each edit: the message id (a sent message's id is its index in `sent` plus one)
    /// and the new content.
    pub edits: std::sync::Mutex<Vec<(u64, Outbound)>>,
}

impl RecordingOutbox {
    pub fn messages(&self) -> Vec<Outbound> {
        self.sent.lock().map(|v| v.clone()).unwrap_or_default()
    }

    pub fn sent_keys(&self) -> Vec<String> {
        self.keys.lock().map(|v| v.clone()).unwrap_or_default()
    }

    pub fn edited(&self) -> Vec<(u64, Outbound)> {
        self.edits.lock().map(|v| v.clone()).unwrap_or_default()
    }
}

#[async_trait::async_trait]
impl Outbox for RecordingOutbox {
    fn style(&self) -> Style {
        Style::Discord
    }

    async fn send(&self, m: &Outbound) -> Result<Sent, DeliveryError> {
        let mut id = None;
        if let Ok(mut v) = self.sent.lock() {
            v.push(m.clone());
            id = Some(v.len() as u64);
        }
        Ok(Sent { message_id: id })
    }

    async fn edit(&self, message_id: u64, m: &Outbound) -> Result<Sent, DeliveryError> {
        if let Ok(mut v) = self.edits.lock() {
            v.push((message_id, m.clone()));
        }
        Ok(Sent {
            message_id: Some(message_id),
        })
    }

    async fn send_keyed(&self, key: &str, m: &Outbound) -> Result<Sent, DeliveryError> {
        if let Ok(mut k) = self.keys.lock() {
            k.push(key.to_string());
        }
        self.send(m).await
    }

    async fn delivered(&self, key: &str) -> Delivery {
        match self.keys.lock() {
            Ok(k) if k.iter().any(|s| s == key) => Delivery::Sent,
            Ok(_) => Delivery::NotSent,
            Err(_) => Delivery::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_follow_discord_codes_first_then_the_status() {
        let table = [
            (404, 10003, Refusal::UnknownChannel),
            (403, 50001, Refusal::MissingAccess),
            (403, 50013, Refusal::MissingPermissions),
            (404, 10008, Refusal::NotFound),
            (403, 0, Refusal::Forbidden),
            (400, 50035, Refusal::Rejected),
        ];
        for (status, code, want) in table {
            assert_eq!(Refusal::from_http(status, code), want, "{status} {code}");
        }
        for r in Refusal::ALL {
            assert_eq!(Refusal::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn split_prefers_line_breaks_and_respects_limit() {
        let text = (0..50)
            .map(|i| format!("line {i:02} {}", "x".repeat(30)))
            .collect::<Vec<_>>()
            .join("\n");
        let chunks = split_message(&text, 200);
        assert!(chunks.len() > 1);
        for c in &chunks {
            assert!(c.chars().count() <= 200);
            assert!(!c.starts_with('\n') && !c.ends_with('\n'));
        }
        assert_eq!(chunks.join("\n"), text);
    }

    #[test]
    fn split_cuts_overlong_lines_at_char_boundaries() {
        let text = "ø".repeat(450);
        let chunks = split_message(&text, 200);
        assert_eq!(
            chunks.iter().map(|c| c.chars().count()).collect::<Vec<_>>(),
            vec![200, 200, 50]
        );
        assert_eq!(chunks.concat(), text);
    }
}
