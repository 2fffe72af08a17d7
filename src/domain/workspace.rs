use super::{ChannelId, Lang, RoleId, WorkspaceId};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// One Discord server: one municipality or an inter-municipal SLT setup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub id: WorkspaceId,
    pub timezone: Tz,
    pub language: Lang,
    /// Holders of this role coordinate every group (the SLT-koordinator).
    pub coordinator_role: Option<RoleId>,
    pub digest_channel: Option<ChannelId>,
}

impl Workspace {
    pub fn new(id: WorkspaceId, timezone: Tz, language: Lang) -> Self {
        Workspace {
            id,
            timezone,
            language,
            coordinator_role: None,
            digest_channel: None,
        }
    }
}
