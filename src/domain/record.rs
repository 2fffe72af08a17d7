//! The meeting record's rules that need neither Discord nor SQL: standing items, attendance
//! words, decisions, and when a case reads like an individual child's case.

use super::minutes::{CaseNumber, CaseType, MeetingNumber};
use super::{privacy, AgendaItem, MeetingId, UserId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// One standing item of a body: on every meeting's case list, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandingItem {
    pub title: String,
    pub case_type: CaseType,
    /// Stays after all other cases (Eventuelt).
    pub last: bool,
}

/// The default standing items, as Fluent message ids (the title is in the body's language
/// when it is put on a list): approval of notice and case list, approval of the last
/// minutes, follow-up of actions and orders, and any other business last.
pub const DEFAULT_STANDING: [(&str, CaseType, bool); 4] = [
    ("standing-approve-notice", CaseType::Standing, false),
    ("standing-approve-minutes", CaseType::Standing, false),
    ("standing-follow-up", CaseType::Standing, false),
    ("standing-aob", CaseType::Aob, true),
];

/// How many standing items a body may have.
pub const MAX_STANDING: usize = 12;

/// Parse a standing item as a coordinator writes it: `Title` or `Title | type`. A type of
/// any other business (`eventuelt`) makes the item stay last.
pub fn parse_standing(line: &str) -> Result<(String, CaseType), String> {
    match line.rsplit_once('|') {
        Some((title, kind)) => {
            let kind: CaseType = kind.parse().map_err(|_| kind.trim().to_string())?;
            Ok((title.trim().to_string(), kind))
        }
        None => Ok((line.trim().to_string(), CaseType::Standing)),
    }
}

/// Present or absent (*til stede / forfall*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttendanceStatus {
    Present,
    Absent,
}

impl AttendanceStatus {
    pub const fn code(self) -> &'static str {
        self.as_str()
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            AttendanceStatus::Present => "present",
            AttendanceStatus::Absent => "absent",
        }
    }
}

impl FromStr for AttendanceStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_lowercase().replace('_', " ").as_str() {
            "present" | "til stede" | "til stades" | "kommer" | "kjem" | "yes" | "ja" => {
                Ok(AttendanceStatus::Present)
            }
            "absent" | "forfall" | "fråværende" | "fråverande" | "no" | "nei" => {
                Ok(AttendanceStatus::Absent)
            }
            _ => Err(()),
        }
    }
}

/// One member's attendance at one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub meeting: MeetingId,
    pub user: UserId,
    pub status: AttendanceStatus,
    pub note: Option<String>,
}

/// A guest at one meeting: name and agency as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingGuest {
    pub id: i64,
    pub meeting: MeetingId,
    pub name: String,
    pub agency: Option<String>,
}

/// What the meeting made of a case, kept apart from the submitter's title and details.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Decision {
    /// The discussion (*behandling*).
    pub notes: Option<String>,
    /// The decision (*vedtak*).
    pub decision: Option<String>,
    pub responsible: Option<String>,
    pub deadline: Option<NaiveDate>,
}

/// A case as it stands on a case list: the item and its record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub item: AgendaItem,
    pub number: Option<CaseNumber>,
    pub case_type: Option<CaseType>,
    /// The case this one is a carried-over copy of.
    pub carried_from: Option<super::AgendaItemId>,
    /// Stays last on the list (Eventuelt).
    pub last: bool,
    pub decision: Option<Decision>,
    /// The approval case (*Godkjenning av referat fra forrige møte*): the minutes it
    /// approves, those of the body's last held meeting before this one.
    #[serde(default)]
    pub minutes: Option<MinutesLink>,
}

/// The minutes an approval case points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesLink {
    pub meeting: super::MeetingId,
    pub number: Option<super::minutes::MeetingNumber>,
    pub status: super::minutes::MinutesStatus,
}

/// A meeting's number, chair and referent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MeetingRecord {
    pub number: Option<MeetingNumber>,
    pub chair: Option<UserId>,
    pub referent: Option<UserId>,
}

/// Words that point at one particular child or young person: a definite singular
/// (`gutten`, `jenta`, `eleven`), or an indefinite one after `en/ei/ein/et/eit`, in bokmål
/// and nynorsk.
const DEFINITE: &[&str] = &[
    "gutten",
    "guten",
    "jenta",
    "jenten",
    "eleven",
    "barnet",
    "ungdommen",
    "ungdomen",
    "åringen",
    "sønnen",
    "sonen",
    "dattera",
    "datteren",
    "mindreårige",
];
const INDEFINITE: &[&str] = &["gutt", "gut", "jente", "elev", "barn", "ungdom", "åring"];
const ARTICLES: &[&str] = &["en", "ei", "ein", "et", "eit"];

/// Does this case text read like an individual child's case? A politiråd or
/// styringsgruppe must not handle those. A heuristic for a warning, never a refusal:
/// the personal-data guard's own warnings count, and so do words about one particular
/// child ("bekymring for gutten", "en elev på 9. trinn", "15-åring").
pub fn reads_like_individual_case(text: &str) -> bool {
    if !privacy::check_text(text).warnings.is_empty() {
        return true;
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for (i, w) in words.iter().enumerate() {
        let base = w.rsplit('-').next().unwrap_or(w);
        if DEFINITE.contains(&base) {
            return true;
        }
        // "15-åring", "15-åringen"
        if w.contains('-')
            && w.starts_with(|c: char| c.is_ascii_digit())
            && base.starts_with("åring")
        {
            return true;
        }
        if INDEFINITE.contains(&base) && i > 0 && ARTICLES.contains(&words[i - 1].as_str()) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn individual_child_cases_are_recognised_in_bokmal_and_nynorsk() {
        for text in [
            "Bekymring for gutten i 9. klasse",
            "Ei jente som ikkje kjem på skulen",
            "En elev har mye fravær",
            "Oppfølging av 15-åringen",
            "Tiltak for ein gut med rusproblem",
        ] {
            assert!(reads_like_individual_case(text), "{text}");
        }
    }

    #[test]
    fn general_prevention_cases_are_not_individual() {
        for text in [
            "Økt uro ved ungdomsklubben",
            "Ungdata-undersøkelsen 2027",
            "Barn og unges psykiske helse",
            "Elever med høyt fravær i kommunen",
            "Handlingsplan for SLT 2026–2029",
        ] {
            assert!(!reads_like_individual_case(text), "{text}");
        }
    }

    #[test]
    fn standing_items_take_an_optional_type() {
        assert_eq!(
            parse_standing("Vold i nære relasjoner"),
            Ok(("Vold i nære relasjoner".into(), CaseType::Standing))
        );
        assert_eq!(
            parse_standing("Eventuelt | eventuelt"),
            Ok(("Eventuelt".into(), CaseType::Aob))
        );
        assert_eq!(parse_standing("X | tull"), Err("tull".into()));
    }

    #[test]
    fn attendance_words() {
        assert_eq!("Forfall".parse(), Ok(AttendanceStatus::Absent));
        assert_eq!("til stades".parse(), Ok(AttendanceStatus::Present));
        assert!("kanskje".parse::<AttendanceStatus>().is_err());
    }
}
