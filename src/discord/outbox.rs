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

    fn message(&self, m: &Outbound) -> serenity::CreateMessage {
        serenity::CreateMessage::new()
            .content(m.content.clone())
            .allowed_mentions(allowed_mentions(m.ping))
            .components(components(&m.buttons, self.lang))
    }
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
        if m.channel.0 == 0 {
            return Err(DeliveryError::Permanent("no channel".into()));
        }
        let channel = serenity::ChannelId::new(m.channel.0);
        let mut backoff = self.retry.initial_backoff;
        let mut attempt = 1;
        loop {
            match channel.send_message(&self.http, self.message(m)).await {
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
