use super::{GroupId, MeetingId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingStatus {
    Scheduled,
    Cancelled,
    Held,
}

impl MeetingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Scheduled => "scheduled",
            MeetingStatus::Cancelled => "cancelled",
            MeetingStatus::Held => "held",
        }
    }
}

impl FromStr for MeetingStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "scheduled" => Ok(MeetingStatus::Scheduled),
            "cancelled" => Ok(MeetingStatus::Cancelled),
            "held" => Ok(MeetingStatus::Held),
            _ => Err(()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub group: GroupId,
    pub starts_at: DateTime<Utc>,
    pub title: Option<String>,
    pub location: Option<String>,
    pub status: MeetingStatus,
    pub version: i64,
}

impl Meeting {
    /// Can agenda items still be added to or moved to this meeting?
    pub fn accepts_items(&self, now: DateTime<Utc>) -> bool {
        self.status == MeetingStatus::Scheduled && self.starts_at > now
    }
}
