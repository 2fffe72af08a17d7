//! Time as a parameter: production reads the system clock, tests set it.

use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;

    /// Signalled when the clock is set by hand (a settable test clock), so a sleeper can
    /// recompute how long to sleep. The system clock has none: sleeping in real time is right.
    fn change_notify(&self) -> Option<&Notify> {
        None
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to. `changed()` lets a sleeping scheduler notice.
#[derive(Debug, Clone)]
pub struct ManualClock {
    inner: Arc<(Mutex<DateTime<Utc>>, Notify)>,
}

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        ManualClock {
            inner: Arc::new((Mutex::new(start), Notify::new())),
        }
    }

    pub fn set(&self, t: DateTime<Utc>) {
        *self.inner.0.lock().unwrap_or_else(|e| e.into_inner()) = t;
        self.inner.1.notify_waiters();
    }

    pub fn advance(&self, d: chrono::Duration) {
        let t = self.now() + d;
        self.set(t);
    }

    /// Resolves the next time the clock is set.
    pub async fn changed(&self) {
        self.inner.1.notified().await
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.inner.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn change_notify(&self) -> Option<&Notify> {
        Some(&self.inner.1)
    }
}
