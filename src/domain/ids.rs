//! Identifiers. Discord-side ids (guild, user, role, channel) are snowflakes; our own
//! rows (group, meeting, item, action) are SQLite row ids.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $inner:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub $inner);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A workspace is one Discord server (guild); the console uses a configured id.
    WorkspaceId,
    u64
);
id_type!(UserId, u64);
id_type!(RoleId, u64);
id_type!(ChannelId, u64);
id_type!(GroupId, i64);
id_type!(MeetingId, i64);
id_type!(AgendaItemId, i64);
id_type!(ActionId, i64);
