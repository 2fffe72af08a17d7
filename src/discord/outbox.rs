//! [`DiscordOutbox`]: the outbound port ([`Outbox`]) on Discord's REST API. Posts to a
//! channel with `allowed_mentions` set from [`Ping`] and nothing else, so user text inside a
//! reminder can never widen who is pinged. Retries temporary failures itself: in tests (and
//! behind a proxy) serenity runs without its rate limiter and hands 429/5xx straight back.

use super::reply::components;
use crate::domain::Lang;
use crate::notify::{DeliveryError, Outbound, Outbox, Ping, Sent};
use crate::render::Style;
use poise::serenity_prelude as serenity;
use std::sync::Arc;
use std::time::Duration;

/// How often and how patiently to retry.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    /// First wait when the answer says nothing more precise; doubles each time.
    pub initial_backoff: Duration,
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(30),
        }
    }
}

pub struct DiscordOutbox {
    http: Arc<serenity::Http>,
    /// Language of button labels.
    lang: Lang,
    retry: RetryPolicy,
}

impl DiscordOutbox {
    pub fn new(http: Arc<serenity::Http>, lang: Lang, retry: RetryPolicy) -> Self {
        DiscordOutbox { http, lang, retry }
    }

    fn message(&self, m: &Outbound, nonce: Option<&str>) -> serenity::CreateMessage {
        let message = serenity::CreateMessage::new()
            .content(m.content.clone())
            .allowed_mentions(allowed_mentions(m.ping))
            .components(components(&m.buttons, self.lang));
        match nonce {
            Some(key) => message
                .nonce(serenity::Nonce::String(key.to_string()))
                .enforce_nonce(true),
            None => message,
        }
    }

    /// Post `m`, retrying temporary failures. With a `nonce`, Discord returns the message
    /// already created under it (within a few minutes) instead of posting it again, so a
    /// retry after a lost answer cannot double it.
    async fn post(&self, m: &Outbound, nonce: Option<&str>) -> Result<Sent, DeliveryError> {
        if m.channel.0 == 0 {
            return Err(DeliveryError::Permanent("no channel".into()));
        }
        let channel = serenity::ChannelId::new(m.channel.0);
        let mut backoff = self.retry.initial_backoff;
        let mut attempt = 1;
        loop {
            match channel
                .send_message(&self.http, self.message(m, nonce))
                .await
            {
                Ok(sent) => {
                    return Ok(Sent {
                        message_id: Some(sent.id.get()),
                    })
                }
                Err(e) => {
                    let err = classify(&e);
                    match &err {
                        DeliveryError::Retryable {
                            retry_after,
                            reason,
                        } if attempt < self.retry.max_attempts => {
                            let wait = retry_after.unwrap_or(backoff);
                            tracing::warn!(
                                channel = m.channel.0,
                                attempt,
                                wait_ms = wait.as_millis() as u64,
                                %reason,
                                "delivery failed; retrying"
                            );
                            tokio::time::sleep(wait).await;
                            backoff = (backoff * 2).min(self.retry.max_backoff);
                            attempt += 1;
                        }
                        _ => return Err(err),
                    }
                }
            }
        }
    }
}

/// Discord's limit for a message nonce given as a string.
pub const NONCE_LIMIT: usize = 25;

/// Is `key` usable as a Discord nonce (1 to 25 characters)?
pub fn valid_nonce(key: &str) -> bool {
    (1..=NONCE_LIMIT).contains(&key.chars().count())
}

/// Exactly the ping the bot means, nothing parsed from the text.
pub fn allowed_mentions(ping: Ping) -> serenity::CreateAllowedMentions {
    let none = serenity::CreateAllowedMentions::new();
    match ping {
        Ping::Nobody => none,
        Ping::Role(r) => none.roles([serenity::RoleId::new(r.0)]),
        Ping::User(u) => none.users([serenity::UserId::new(u.0)]),
    }
}

/// Sort a serenity error into retryable or permanent.
pub fn classify(e: &serenity::Error) -> DeliveryError {
    use serenity::{Error as E, HttpError as H};
    match e {
        E::Http(H::UnsuccessfulRequest(resp)) => {
            let status = resp.status_code.as_u16();
            let reason = format!("HTTP {status} (Discord code {})", resp.error.code);
            if status == 429 || status >= 500 {
                // serenity drops the `retry_after` of the body; the backoff covers it.
                DeliveryError::Retryable {
                    retry_after: None,
                    reason,
                }
            } else {
                DeliveryError::Permanent(reason)
            }
        }
        E::Http(H::Request(_)) | E::Io(_) => DeliveryError::Retryable {
            retry_after: None,
            reason: "network error".into(),
        },
        other => DeliveryError::Permanent(other.to_string()),
    }
}

#[async_trait::async_trait]
impl Outbox for DiscordOutbox {
    fn style(&self) -> Style {
        Style::Discord
    }

    async fn send(&self, m: &Outbound) -> Result<Sent, DeliveryError> {
        self.post(m, None).await
    }

    /// The key becomes the message `nonce` with `enforce_nonce`: a repeat of the same key
    /// in the same channel within Discord's window returns the first message, posts nothing.
    async fn send_keyed(&self, key: &str, m: &Outbound) -> Result<Sent, DeliveryError> {
        if valid_nonce(key) {
            self.post(m, Some(key)).await
        } else {
            tracing::warn!(key, "idempotency key unusable as a nonce; sending without");
            self.post(m, None).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn nonce_keys_are_at_most_25_characters() {
        let (max, over) = ("x".repeat(25), "x".repeat(26));
        let table = [
            ("n1p0", true),
            ("n9223372036854775807p12", true),
            ("", false),
            (max.as_str(), true),
            (over.as_str(), false),
        ];
        for (key, ok) in table {
            assert_eq!(valid_nonce(key), ok, "{key}");
        }
    }

    #[test]
    fn a_keyed_message_carries_the_key_as_an_enforced_nonce() {
        let outbox = DiscordOutbox::new(
            Arc::new(serenity::Http::new("t")),
            Lang::Nb,
            RetryPolicy::default(),
        );
        let m = Outbound {
            channel: crate::domain::ChannelId(1),
            content: "x".into(),
            ping: Ping::Nobody,
            buttons: Vec::new(),
        };
        let keyed = serde_json::to_value(outbox.message(&m, Some("n3p0"))).expect("json");
        assert_eq!(keyed["nonce"], "n3p0");
        assert_eq!(keyed["enforce_nonce"], true);
        let plain = serde_json::to_value(outbox.message(&m, None)).expect("json");
        assert!(plain.get("nonce").is_none_or(Value::is_null), "{plain}");
        assert_ne!(plain["enforce_nonce"], true);
    }
}
