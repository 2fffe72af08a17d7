//! [`DiscordOutbox`]: the outbound port ([`Outbox`]) on Discord's REST API. Posts to a
//! channel with `allowed_mentions` set from [`Ping`] and nothing else, so user text inside a
//! reminder can never widen who is pinged.
//!
//! Temporary failures are retried here for short waits: a 429 after exactly its
//! `retry_after`, a 5xx or network error after a doubling back-off. A wait longer than
//! [`RetryPolicy::max_backoff`] (or the last attempt) goes back to the scheduler as
//! `Retryable` with the `retry_after`, which reschedules the row for exactly then — so a
//! long back-off holds no claim and no send slot. Refusals (unknown channel, missing access
//! or permission, another 4xx) are `Permanent` with a [`Refusal`].
//!
//! Directly to discord.com serenity's rate limiter waits out 429s itself. Behind a proxy
//! (`discord.api_url`; the tests' fake Discord too) serenity runs without its limiter and
//! drops a 429's `retry_after`, so the bot's own posts go through one plain request here
//! ([`DiscordOutbox::post_direct`]) that reads it.

use super::reply::components;
use crate::domain::Lang;
use crate::notify::{DeliveryError, Outbound, Outbox, Ping, Refusal, Sent};
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
    /// Behind a proxy: a plain client for posts (see the module docs).
    direct: Option<reqwest::Client>,
}

impl DiscordOutbox {
    /// An outbox on `http` (from [`super::build_http`]): behind a proxy it posts directly,
    /// else through serenity.
    pub fn new(http: Arc<serenity::Http>, lang: Lang, retry: RetryPolicy) -> Self {
        let direct = http.proxy.is_some().then(reqwest::Client::new);
        DiscordOutbox {
            http,
            lang,
            retry,
            direct,
        }
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

    /// The same content, buttons and mentions as [`Self::message`], as an edit.
    fn edit_message(&self, m: &Outbound) -> serenity::EditMessage {
        serenity::EditMessage::new()
            .content(m.content.clone())
            .allowed_mentions(allowed_mentions(m.ping))
            .components(components(&m.buttons, self.lang))
    }

    /// Post `m`, retrying temporary failures. With a `nonce`, Discord returns the message
    /// already created under it (within a few minutes) instead of posting it again, so a
    /// retry after a lost answer cannot double it.
    async fn post(&self, m: &Outbound, nonce: Option<&str>) -> Result<Sent, DeliveryError> {
        self.deliver(m, nonce, None).await
    }

    /// Post `m`, or with `edit` replace that message's content (`PATCH`), retrying
    /// temporary failures.
    async fn deliver(
        &self,
        m: &Outbound,
        nonce: Option<&str>,
        edit: Option<u64>,
    ) -> Result<Sent, DeliveryError> {
        if m.channel.0 == 0 {
            return Err(permanent(Refusal::UnknownChannel, "no channel".into()));
        }
        let channel = serenity::ChannelId::new(m.channel.0);
        let mut backoff = self.retry.initial_backoff;
        let mut attempt = 1;
        loop {
            let result = match (&self.direct, edit) {
                (Some(client), _) => self.post_direct(client, m, nonce, edit).await,
                (None, Some(id)) => channel
                    .edit_message(
                        &self.http,
                        serenity::MessageId::new(id),
                        self.edit_message(m),
                    )
                    .await
                    .map(|sent| Sent {
                        message_id: Some(sent.id.get()),
                    })
                    .map_err(|e| classify(&e)),
                (None, None) => channel
                    .send_message(
                        &self.http,
                        self.message(m, nonce)
                            .add_files(m.attachments.iter().map(|f| {
                                serenity::CreateAttachment::bytes(f.bytes.clone(), f.name.clone())
                            })),
                    )
                    .await
                    .map(|sent| Sent {
                        message_id: Some(sent.id.get()),
                    })
                    .map_err(|e| classify(&e)),
            };
            let err = match result {
                Ok(sent) => return Ok(sent),
                Err(e) => e,
            };
            let DeliveryError::Retryable {
                retry_after,
                reason,
            } = &err
            else {
                return Err(err);
            };
            let wait = retry_after.unwrap_or(backoff);
            if attempt >= self.retry.max_attempts || wait > self.retry.max_backoff {
                // Too long to hold a send slot: the scheduler retries at exactly `wait`.
                return Err(DeliveryError::Retryable {
                    retry_after: Some(wait),
                    reason: reason.clone(),
                });
            }
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
    }

    /// One `POST /channels/{id}/messages` (or, with `edit`, `PATCH …/messages/{id}`) to
    /// the proxy, reading what serenity would drop: a 429's `retry_after` (body, else the
    /// `Retry-After` header) and the Discord error code.
    async fn post_direct(
        &self,
        client: &reqwest::Client,
        m: &Outbound,
        nonce: Option<&str>,
        edit: Option<u64>,
    ) -> Result<Sent, DeliveryError> {
        let base = self.http.proxy.as_deref().unwrap_or("https://discord.com");
        let url = format!(
            "{}/api/v10/channels/{}/messages",
            base.trim_end_matches('/'),
            m.channel.0
        );
        let encode =
            |e: serde_json::Error| permanent(Refusal::Rejected, format!("cannot encode: {e}"));
        let network = |_| DeliveryError::Retryable {
            retry_after: None,
            reason: "network error".into(),
        };
        let request = match edit {
            Some(id) => client.patch(format!("{url}/{id}")),
            None => client.post(url),
        }
        .header("Authorization", self.http.token())
        .header("User-Agent", concat!("sltbot/", env!("CARGO_PKG_VERSION")));
        // An edit changes the text (and buttons) only; files are posted with new messages.
        let request = if m.attachments.is_empty() || edit.is_some() {
            let body = match edit {
                Some(_) => serde_json::to_vec(&self.edit_message(m)),
                None => serde_json::to_vec(&self.message(m, nonce)),
            }
            .map_err(encode)?;
            request
                .header("Content-Type", "application/json")
                .body(body)
        } else {
            // Files: `multipart/form-data` with the message as `payload_json` naming each
            // file by its placeholder id, and the files as `files[n]` (as serenity does).
            let mut payload = serde_json::to_value(self.message(m, nonce)).map_err(encode)?;
            payload["attachments"] = m
                .attachments
                .iter()
                .enumerate()
                .map(|(i, f)| serde_json::json!({"id": i, "filename": f.name}))
                .collect();
            let mut form = reqwest::multipart::Form::new().text(
                "payload_json",
                serde_json::to_string(&payload).map_err(encode)?,
            );
            for (i, f) in m.attachments.iter().enumerate() {
                let part = reqwest::multipart::Part::bytes(f.bytes.clone())
                    .file_name(f.name.clone())
                    .mime_str(mime_for(&f.name))
                    .map_err(|e| permanent(Refusal::Rejected, format!("cannot encode: {e}")))?;
                form = form.part(format!("files[{i}]"), part);
            }
            request.multipart(form)
        };
        let resp = request.send().await.map_err(network)?;
        let status = resp.status().as_u16();
        let header_wait = resp
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<f64>().ok());
        let bytes = resp.bytes().await.map_err(network)?;
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        if (200..300).contains(&status) {
            let message_id = json
                .get("id")
                .and_then(serde_json::Value::as_str)
                .and_then(|s| s.parse().ok());
            return Ok(Sent { message_id });
        }
        let code = json
            .get("code")
            .and_then(serde_json::Value::as_i64)
            .unwrap_or(0);
        let reason = format!("HTTP {status} (Discord code {code})");
        if status == 429 || status >= 500 {
            let secs = json
                .get("retry_after")
                .and_then(serde_json::Value::as_f64)
                .or(header_wait)
                .filter(|s| s.is_finite() && *s >= 0.0);
            return Err(DeliveryError::Retryable {
                retry_after: secs.map(Duration::from_secs_f64),
                reason,
            });
        }
        Err(permanent(Refusal::from_http(status, code), reason))
    }
}

/// The media type of an attached file, by its name.
fn mime_for(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("pdf") => "application/pdf",
        Some("md") => "text/markdown",
        Some("ics") => "text/calendar",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

fn permanent(refusal: Refusal, detail: String) -> DeliveryError {
    DeliveryError::Permanent { refusal, detail }
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
                // serenity drops the `retry_after` of the body (its limiter, when on,
                // has already waited 429s out); the backoff covers what is left.
                DeliveryError::Retryable {
                    retry_after: None,
                    reason,
                }
            } else {
                permanent(Refusal::from_http(status, resp.error.code as i64), reason)
            }
        }
        E::Http(H::Request(_)) | E::Io(_) => DeliveryError::Retryable {
            retry_after: None,
            reason: "network error".into(),
        },
        // Not an answer from Discord (an invalid builder, a model error): trying again
        // will not help, and the text is the library's, not the user's.
        other => permanent(Refusal::Rejected, other.to_string()),
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

    /// `PATCH /channels/{channel}/messages/{id}`: the same content rules as a post.
    async fn edit(&self, message_id: u64, m: &Outbound) -> Result<Sent, DeliveryError> {
        if m.channel.0 == 0 {
            return Err(permanent(Refusal::UnknownChannel, "no channel".into()));
        }
        self.deliver(m, None, Some(message_id)).await
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
            attachments: Vec::new(),
        };
        let keyed = serde_json::to_value(outbox.message(&m, Some("n3p0"))).expect("json");
        assert_eq!(keyed["nonce"], "n3p0");
        assert_eq!(keyed["enforce_nonce"], true);
        let plain = serde_json::to_value(outbox.message(&m, None)).expect("json");
        assert!(plain.get("nonce").is_none_or(Value::is_null), "{plain}");
        assert_ne!(plain["enforce_nonce"], true);
    }
}
