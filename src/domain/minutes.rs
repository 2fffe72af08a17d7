//! The minutes (*referat*) of one meeting as plain data: what the archive gets. Built from
//! the meeting record by the service, turned into Markdown or PDF/A by [`crate::minutes`].
//! No Discord, no SQL, no wording: every label comes from the Fluent files at render time.

use super::SltLevel;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What kind of case (*sakstype*) an item on a case list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseType {
    /// vedtakssak: the body is asked to decide.
    Decision,
    /// drøftingssak: for discussion.
    Discussion,
    /// orienteringssak: for information.
    Information,
    /// fast sak: a standing item on every meeting.
    Standing,
    /// eventuelt: any other business.
    Aob,
    /// bestilling: an order from another body.
    Order,
    /// tilbakemelding: the answer to an order this body gave.
    Feedback,
}

impl CaseType {
    pub const ALL: [CaseType; 7] = [
        CaseType::Decision,
        CaseType::Discussion,
        CaseType::Information,
        CaseType::Standing,
        CaseType::Aob,
        CaseType::Order,
        CaseType::Feedback,
    ];

    pub const fn code(self) -> &'static str {
        self.as_str()
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            CaseType::Decision => "decision",
            CaseType::Discussion => "discussion",
            CaseType::Information => "information",
            CaseType::Standing => "standing",
            CaseType::Aob => "aob",
            CaseType::Order => "order",
            CaseType::Feedback => "feedback",
        }
    }

    /// The Fluent message id of the type's name.
    pub fn message_id(self) -> &'static str {
        match self {
            CaseType::Decision => "case-type-decision",
            CaseType::Discussion => "case-type-discussion",
            CaseType::Information => "case-type-information",
            CaseType::Standing => "case-type-standing",
            CaseType::Aob => "case-type-aob",
            CaseType::Order => "case-type-order",
            CaseType::Feedback => "case-type-feedback",
        }
    }
}

impl FromStr for CaseType {
    type Err = ();
    /// The stored word, or what a user types in nb, nn or en.
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_lowercase().replace(['-', '_'], " ").as_str() {
            "decision" | "vedtakssak" | "vedtak" => Ok(CaseType::Decision),
            "discussion" | "drøftingssak" | "drøfting" | "droftingssak" => {
                Ok(CaseType::Discussion)
            }
            "information" | "orienteringssak" | "orientering" | "info" => Ok(CaseType::Information),
            "standing" | "fast sak" | "fast" | "standing item" => Ok(CaseType::Standing),
            "aob" | "eventuelt" | "any other business" => Ok(CaseType::Aob),
            "order" | "bestilling" => Ok(CaseType::Order),
            "feedback" | "tilbakemelding" | "reply" => Ok(CaseType::Feedback),
            _ => Err(()),
        }
    }
}

/// A case's number within its body and year: `03/27` (shown as `Sak 03/27`). Numbers run
/// from 1 each year in the order cases reach a case list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CaseNumber {
    pub year: i32,
    pub seq: u32,
}

impl fmt::Display for CaseNumber {
    /// `03/27`: at least two digits, then the year's last two.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}", self.seq, self.year.rem_euclid(100))
    }
}

/// A meeting's number within its body and year: `3/2027` (shown as `Møte 3/2027`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MeetingNumber {
    pub year: i32,
    pub seq: u32,
}

impl fmt::Display for MeetingNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.seq, self.year)
    }
}

/// Where the minutes are in their life: draft → published → approved (at a later meeting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum MinutesStatus {
    Draft,
    Published { on: NaiveDate },
    Approved { on: NaiveDate },
}

impl MinutesStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MinutesStatus::Draft => "draft",
            MinutesStatus::Published { .. } => "published",
            MinutesStatus::Approved { .. } => "approved",
        }
    }

    /// Published or approved: the minutes may be shared and archived.
    pub fn is_published(self) -> bool {
        !matches!(self, MinutesStatus::Draft)
    }
}

/// A person at (or absent from) the meeting, with an optional note ("kom kl. 10").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub name: String,
    pub note: Option<String>,
}

/// A guest who is not a member: name and agency as typed by the coordinator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guest {
    pub name: String,
    pub agency: Option<String>,
}

/// One case as handled: number, title, type, the discussion (*behandling*) and the
/// decision (*vedtak*), who follows it up and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesCase {
    pub number: Option<CaseNumber>,
    pub title: String,
    pub case_type: CaseType,
    pub notes: Option<String>,
    pub decision: Option<String>,
    pub responsible: Option<String>,
    pub deadline: Option<NaiveDate>,
}

/// An action (*tiltak*) the meeting created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesAction {
    pub title: String,
    pub owner: String,
    pub agency: Option<String>,
    pub due: Option<NaiveDate>,
    /// The case it came from, if any.
    pub case: Option<CaseNumber>,
}

/// An order (*bestilling*) the meeting sent to another body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesOrder {
    pub to: String,
    pub title: String,
    pub due: Option<NaiveDate>,
    pub case: Option<CaseNumber>,
}

/// Everything the minutes of one meeting say. Times are local to the body's timezone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes {
    pub body: String,
    pub level: SltLevel,
    /// The municipalities the body belongs to, as `Etne (4611)` (inter-municipal setups;
    /// often none).
    #[serde(default)]
    pub municipalities: Vec<String>,
    pub number: Option<MeetingNumber>,
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub referent: Option<String>,
    pub present: Vec<Attendee>,
    pub apologies: Vec<Attendee>,
    pub guests: Vec<Guest>,
    pub cases: Vec<MinutesCase>,
    pub actions: Vec<MinutesAction>,
    pub orders: Vec<MinutesOrder>,
    pub status: MinutesStatus,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers_read_like_sak_03_27() {
        assert_eq!(CaseNumber { year: 2027, seq: 3 }.to_string(), "03/27");
        assert_eq!(
            CaseNumber {
                year: 2030,
                seq: 112
            }
            .to_string(),
            "112/30"
        );
        assert_eq!(CaseNumber { year: 2100, seq: 1 }.to_string(), "01/00");
    }

    #[test]
    fn meeting_numbers_read_like_mote_3_2027() {
        assert_eq!(MeetingNumber { year: 2027, seq: 3 }.to_string(), "3/2027");
    }

    #[test]
    fn case_types_round_trip_and_accept_norwegian_words() {
        for t in CaseType::ALL {
            assert_eq!(t.as_str().parse(), Ok(t));
        }
        assert_eq!("Vedtakssak".parse(), Ok(CaseType::Decision));
        assert_eq!("drøftingssak".parse(), Ok(CaseType::Discussion));
        assert_eq!("orienteringssak".parse(), Ok(CaseType::Information));
        assert_eq!("Fast sak".parse(), Ok(CaseType::Standing));
        assert_eq!("eventuelt".parse(), Ok(CaseType::Aob));
        assert!("vedtaket?".parse::<CaseType>().is_err());
    }
}
