use super::{AgendaItemId, GroupId, MeetingId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// proposed → on agenda → handled; or carried over to the next meeting; or withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaStatus {
    Proposed,
    OnAgenda,
    Handled,
    CarriedOver,
    Withdrawn,
}

impl AgendaStatus {
    pub const ALL: [AgendaStatus; 5] = [
        AgendaStatus::Proposed,
        AgendaStatus::OnAgenda,
        AgendaStatus::Handled,
        AgendaStatus::CarriedOver,
        AgendaStatus::Withdrawn,
    ];

    pub const fn code(self) -> &'static str {
        self.as_str()
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            AgendaStatus::Proposed => "proposed",
            AgendaStatus::OnAgenda => "on_agenda",
            AgendaStatus::Handled => "handled",
            AgendaStatus::CarriedOver => "carried_over",
            AgendaStatus::Withdrawn => "withdrawn",
        }
    }

    /// Still waiting to be dealt with in a meeting (so it carries over if not handled).
    /// A carried-over case is closed where it stands: it is the original left on a held
    /// meeting's list, and its open copy is on the next meeting.
    pub fn is_open(self) -> bool {
        matches!(self, AgendaStatus::Proposed | AgendaStatus::OnAgenda)
    }
}

/// How titles compare when looking for a duplicate item: case-insensitively, Unicode-aware
/// (`ÆØÅ` equals `æøå`, which SQLite's own `NOCASE` would not see). The store registers
/// this as an SQL collation so a single statement can refuse a duplicate.
pub fn title_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

impl FromStr for AgendaStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "proposed" | "foreslått" | "foreslatt" | "føreslått" | "innspill" | "innspel" => {
                Ok(AgendaStatus::Proposed)
            }
            "on_agenda" | "on_the_agenda" | "på_sakslista" | "på_saksliste" | "satt_opp"
            | "på_sakliste" | "på_saklista" => Ok(AgendaStatus::OnAgenda),
            "handled" | "behandlet" | "behandla" | "handsama" => Ok(AgendaStatus::Handled),
            "carried_over" | "utsatt" | "utsett" | "overført" => Ok(AgendaStatus::CarriedOver),
            "withdrawn" | "trukket" | "trekt" => Ok(AgendaStatus::Withdrawn),
            _ => Err(()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: AgendaItemId,
    pub group: GroupId,
    /// `None` while the group has no upcoming meeting: the item waits for the next one.
    pub meeting: Option<MeetingId>,
    pub title: String,
    pub details: Option<String>,
    pub submitter: UserId,
    pub position: i64,
    pub status: AgendaStatus,
    pub created_at: DateTime<Utc>,
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_round_trips_and_accepts_norwegian() {
        for s in AgendaStatus::ALL {
            assert_eq!(s.as_str().parse(), Ok(s));
        }
        assert_eq!("Behandlet".parse(), Ok(AgendaStatus::Handled));
        assert_eq!("på saksliste".parse(), Ok(AgendaStatus::OnAgenda));
        assert!("ferdig?".parse::<AgendaStatus>().is_err());
    }

    #[test]
    fn titles_compare_case_insensitively_with_norwegian_letters_and_a_total_order() {
        use std::cmp::Ordering::*;
        assert_eq!(title_cmp("Økt rus på Ås", "ØKT RUS PÅ ÅS"), Equal);
        assert_eq!(title_cmp("Æresvold", "æresvold"), Equal);
        assert_eq!(title_cmp("Uro", "Uro "), Less);
        assert_eq!(title_cmp("b", "A"), Greater);
        assert_eq!(title_cmp("A", "b"), Less);
    }
}
