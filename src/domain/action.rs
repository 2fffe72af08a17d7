use super::{ActionId, GroupId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// A *tiltak* / *oppfølgingspunkt*; a *bestilling* when one level assigns it to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    InProgress,
    Blocked,
    Done,
    Cancelled,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Blocked,
        ActionStatus::Done,
        ActionStatus::Cancelled,
    ];

    pub const fn code(self) -> &'static str {
        self.as_str()
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Blocked => "blocked",
            ActionStatus::Done => "done",
            ActionStatus::Cancelled => "cancelled",
        }
    }

    /// Open, in progress or blocked: still someone's job.
    pub fn is_active(self) -> bool {
        !matches!(self, ActionStatus::Done | ActionStatus::Cancelled)
    }
}

impl FromStr for ActionStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "open" | "åpen" | "apen" | "not_started" | "ikke_startet" | "ikkje_starta" => {
                Ok(ActionStatus::Open)
            }
            "in_progress" | "pågår" | "i_gang" | "under_arbeid" => Ok(ActionStatus::InProgress),
            "blocked" | "blokkert" | "stoppa" | "stoppet" => Ok(ActionStatus::Blocked),
            "done" | "fullført" | "ferdig" | "utført" => Ok(ActionStatus::Done),
            "cancelled" | "canceled" | "avlyst" | "avbrutt" | "avbrote" | "kansellert" => {
                Ok(ActionStatus::Cancelled)
            }
            _ => Err(()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: ActionId,
    pub group: GroupId,
    pub title: String,
    pub owner: UserId,
    pub agency: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

impl Action {
    /// Overdue: still active and its due date is before `today` (in the group's timezone).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_active() && self.due.is_some_and(|d| d < today)
    }
}

/// One entry in an action's history: a status change, a progress note, or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionUpdate {
    pub id: i64,
    pub action: ActionId,
    pub actor: UserId,
    pub at: DateTime<Utc>,
    pub from_status: Option<ActionStatus>,
    pub to_status: Option<ActionStatus>,
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(status: ActionStatus, due: Option<NaiveDate>) -> Action {
        let t = DateTime::<Utc>::from_timestamp(0, 0).unwrap();
        Action {
            id: ActionId(1),
            group: GroupId(1),
            title: "x".into(),
            owner: UserId(1),
            agency: None,
            due,
            status,
            created_by: UserId(1),
            created_at: t,
            updated_at: t,
            version: 1,
        }
    }

    #[test]
    fn overdue_only_when_active_and_past_due() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let next = d.succ_opt().unwrap();
        assert!(action(ActionStatus::Open, Some(d)).is_overdue(next));
        assert!(action(ActionStatus::Blocked, Some(d)).is_overdue(next));
        assert!(!action(ActionStatus::Open, Some(d)).is_overdue(d));
        assert!(!action(ActionStatus::Done, Some(d)).is_overdue(next));
        assert!(!action(ActionStatus::Open, None).is_overdue(next));
    }

    #[test]
    fn status_round_trips_and_accepts_norwegian() {
        for s in ActionStatus::ALL {
            assert_eq!(s.as_str().parse(), Ok(s));
        }
        assert_eq!("Fullført".parse(), Ok(ActionStatus::Done));
        assert_eq!("pågår".parse(), Ok(ActionStatus::InProgress));
    }
}
