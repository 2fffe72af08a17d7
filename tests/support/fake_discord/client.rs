//! Running the real serenity client (with a poise framework) against a [`FakeDiscord`].

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::FakeDiscord;

/// serenity's `Http` pointed at the fake: requests go to `http://127.0.0.1:PORT/api/v10/...`.
/// The proxy only takes effect with the rate limiter disabled, so 429s reach the caller.
pub fn http_for(fake: &FakeDiscord) -> serenity::Http {
    serenity::HttpBuilder::new(&fake.options().token)
        .proxy(fake.rest_url())
        .ratelimiter_disabled(true)
        .application_id(serenity::ApplicationId::new(fake.options().application_id))
        .build()
}

/// A serenity client running in a background task.
pub struct RunningClient {
    pub shard_manager: Arc<serenity::ShardManager>,
    pub http: Arc<serenity::Http>,
    pub cache: Arc<serenity::Cache>,
    task: tokio::task::JoinHandle<Result<(), serenity::Error>>,
}

impl RunningClient {
    /// Shuts all shards down and waits (bounded) for the client task to end.
    pub async fn shutdown(self) {
        self.shard_manager.shutdown_all().await;
        let _ = tokio::time::timeout(Duration::from_secs(10), self.task).await;
    }
}

/// A `ClientBuilder` using [`http_for`], for tests that configure the client themselves
/// (add `.framework(..)`, `.event_handler(..)`, then `.await` and `start()`).
pub fn client_builder(
    fake: &FakeDiscord,
    intents: serenity::GatewayIntents,
) -> serenity::ClientBuilder {
    serenity::ClientBuilder::new_with_http(http_for(fake), intents)
}

/// Builds a client with `framework` against `fake` and starts it (`client.start()` in a task).
/// Returns once the client is built; wait for the gateway with [`FakeDiscord::wait_for_ready`].
pub async fn start_client<U, E>(
    fake: &FakeDiscord,
    framework: poise::Framework<U, E>,
    intents: serenity::GatewayIntents,
) -> RunningClient
where
    U: Send + Sync + 'static,
    E: Send + Sync + 'static,
{
    let mut client = client_builder(fake, intents)
        .framework(framework)
        .await
        .expect("serenity client builds against the fake");
    RunningClient {
        shard_manager: client.shard_manager.clone(),
        http: client.http.clone(),
        cache: client.cache.clone(),
        task: tokio::spawn(async move { client.start().await }),
    }
}
