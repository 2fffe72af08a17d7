//! [`DiscordEvents`]: the scheduled-event port ([`EventPort`]) on Discord's REST API
//! (`/guilds/{id}/scheduled-events`), through serenity. Errors are sorted like the outbox's
//! ([`super::outbox::classify`]): 429/5xx/network retryable, other refusals permanent.

use super::outbox::classify;
use crate::domain::MeetingId;
use crate::notify::{DeliveryError, Refusal};
use crate::scheduler::events::{is_marked, EventPort, EventSpec, Place};
use poise::serenity_prelude as serenity;
use std::sync::Arc;

pub struct DiscordEvents {
    http: Arc<serenity::Http>,
    /// The bot's own user id, asked once (only its own events are ever adopted).
    me: tokio::sync::OnceCell<u64>,
}

impl DiscordEvents {
    pub fn new(http: Arc<serenity::Http>) -> Self {
        DiscordEvents {
            http,
            me: tokio::sync::OnceCell::new(),
        }
    }

    async fn me(&self) -> Result<u64, DeliveryError> {
        self.me
            .get_or_try_init(|| async {
                self.http
                    .get_current_user()
                    .await
                    .map(|u| u.id.get())
                    .map_err(|e| classify(&e))
            })
            .await
            .copied()
    }
}

fn timestamp(t: chrono::DateTime<chrono::Utc>) -> Result<serenity::Timestamp, DeliveryError> {
    serenity::Timestamp::from_unix_timestamp(t.timestamp()).map_err(|_| DeliveryError::Permanent {
        refusal: Refusal::Rejected,
        detail: "time out of range".into(),
    })
}

/// Is this a 404 (the event is gone already)?
fn not_found(e: &serenity::Error) -> bool {
    matches!(
        e,
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 404
    )
}

#[async_trait::async_trait]
impl EventPort for DiscordEvents {
    async fn create(&self, guild: u64, e: &EventSpec) -> Result<u64, DeliveryError> {
        let kind = match e.place {
            Place::External(_) => serenity::ScheduledEventType::External,
            Place::Voice(_) => serenity::ScheduledEventType::Voice,
        };
        let mut b = serenity::CreateScheduledEvent::new(kind, e.name.clone(), timestamp(e.start)?)
            .description(e.description.clone())
            .end_time(timestamp(e.end)?);
        b = match &e.place {
            Place::External(location) => b.location(location.clone()),
            Place::Voice(channel) => b.channel_id(serenity::ChannelId::new(channel.0)),
        };
        serenity::GuildId::new(guild)
            .create_scheduled_event(&self.http, b)
            .await
            .map(|ev| ev.id.get())
            .map_err(|e| classify(&e))
    }

    async fn update(&self, guild: u64, id: u64, e: &EventSpec) -> Result<(), DeliveryError> {
        let mut b = serenity::EditScheduledEvent::new()
            .name(e.name.clone())
            .description(e.description.clone())
            .start_time(timestamp(e.start)?)
            .end_time(timestamp(e.end)?);
        b = match &e.place {
            Place::External(location) => b
                .kind(serenity::ScheduledEventType::External)
                .location(location.clone()),
            Place::Voice(channel) => b
                .kind(serenity::ScheduledEventType::Voice)
                .channel_id(serenity::ChannelId::new(channel.0)),
        };
        serenity::GuildId::new(guild)
            .edit_scheduled_event(&self.http, serenity::ScheduledEventId::new(id), b)
            .await
            .map(|_| ())
            .map_err(|e| classify(&e))
    }

    async fn delete(&self, guild: u64, id: u64) -> Result<(), DeliveryError> {
        match serenity::GuildId::new(guild)
            .delete_scheduled_event(&self.http, serenity::ScheduledEventId::new(id))
            .await
        {
            Ok(()) => Ok(()),
            Err(e) if not_found(&e) => Ok(()),
            Err(e) => Err(classify(&e)),
        }
    }

    async fn find(&self, guild: u64, meeting: MeetingId) -> Result<Option<u64>, DeliveryError> {
        let me = self.me().await?;
        let events = serenity::GuildId::new(guild)
            .scheduled_events(&self.http, false)
            .await
            .map_err(|e| classify(&e))?;
        Ok(events
            .into_iter()
            .find(|ev| {
                ev.creator_id.is_none_or(|c| c.get() == me)
                    && ev
                        .description
                        .as_deref()
                        .is_some_and(|d| is_marked(d, meeting))
            })
            .map(|ev| ev.id.get()))
    }
}
