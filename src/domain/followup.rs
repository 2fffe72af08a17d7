//! The follow-up round (*oppfølgingsrunden*, issue 12): a set time before each meeting the
//! owner of each open action (and, once orders exist, the receiving body of each open
//! order) is asked for a status, once, and once more a day before the round's deadline if
//! silent. The answers are gathered into the meeting's standing case *Oppfølging av tiltak
//! og bestillinger*. Rules only here: no Discord, no SQL.

use super::{ActionId, MeetingId, RoleId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The default time before a meeting when its round asks: seven days, in minutes.
pub const DEFAULT_LEAD_MINUTES: i64 = 7 * 24 * 60;
/// The second ask goes out this long before the round's deadline.
pub const AGAIN_BEFORE_DEADLINE_HOURS: i64 = 24;
/// A round without an agenda deadline closes this long before the meeting.
pub const DEADLINE_WITHOUT_AGENDA_DEADLINE_MINUTES: i64 = 24 * 60;
/// Subjects (actions) per question message: Discord allows five rows of buttons, one row
/// per action. An owner with more open actions gets more than one message.
pub const SUBJECTS_PER_MESSAGE: usize = 5;

/// An owner's answer, one button each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    OnTrack,
    Delayed,
    Done,
    NeedsHelp,
}

impl Answer {
    pub const ALL: [Answer; 4] = [
        Answer::OnTrack,
        Answer::Delayed,
        Answer::Done,
        Answer::NeedsHelp,
    ];

    pub const fn code(self) -> &'static str {
        self.as_str()
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Answer::OnTrack => "on_track",
            Answer::Delayed => "delayed",
            Answer::Done => "done",
            Answer::NeedsHelp => "needs_help",
        }
    }

    /// The position in [`Answer::ALL`] (carried by the buttons' custom ids).
    pub fn index(self) -> usize {
        Answer::ALL.iter().position(|a| *a == self).unwrap_or(0)
    }

    pub fn from_index(i: i64) -> Option<Answer> {
        usize::try_from(i)
            .ok()
            .and_then(|i| Answer::ALL.get(i).copied())
    }

    /// The Fluent id of its label (`followup-answer-on-track` …).
    pub fn fluent_id(self) -> &'static str {
        match self {
            Answer::OnTrack => "followup-answer-on-track",
            Answer::Delayed => "followup-answer-delayed",
            Answer::Done => "followup-answer-done",
            Answer::NeedsHelp => "followup-answer-needs-help",
        }
    }
}

impl FromStr for Answer {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "on_track" | "på_sporet" | "pa_sporet" | "ok" => Ok(Answer::OnTrack),
            "delayed" | "forsinket" | "forseinka" => Ok(Answer::Delayed),
            "done" | "ferdig" | "fullført" => Ok(Answer::Done),
            "needs_help" | "trenger_hjelp" | "treng_hjelp" | "help" | "hjelp" => {
                Ok(Answer::NeedsHelp)
            }
            _ => Err(()),
        }
    }
}

/// What a question is about. Orders plug in as [`Subject::Order`] (the orders table is
/// built apart; see `store::followup::open_orders`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Subject {
    Action(ActionId),
    Order(i64),
}

impl Subject {
    pub fn kind(self) -> &'static str {
        match self {
            Subject::Action(_) => "action",
            Subject::Order(_) => "order",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            Subject::Action(a) => a.0,
            Subject::Order(o) => o,
        }
    }

    pub fn from_parts(kind: &str, id: i64) -> Option<Subject> {
        match kind {
            "action" => Some(Subject::Action(ActionId(id))),
            "order" => Some(Subject::Order(id)),
            _ => None,
        }
    }
}

/// Who is asked: an action's owner, or (for an order) the receiving body's coordinator
/// role. One question message goes to each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Asked {
    User(UserId),
    Role(RoleId),
}

impl Asked {
    /// The part of a notification key naming who is asked (`u42`, `r7`).
    pub fn key_part(self) -> String {
        match self {
            Asked::User(u) => format!("u{}", u.0),
            Asked::Role(r) => format!("r{}", r.0),
        }
    }

    pub fn parse_key_part(s: &str) -> Option<Asked> {
        let (kind, n) = s.split_at_checked(1)?;
        let n: u64 = n.parse().ok()?;
        match kind {
            "u" => Some(Asked::User(UserId(n))),
            "r" => Some(Asked::Role(RoleId(n))),
            _ => None,
        }
    }
}

/// The notification key of a question message: `followup:{meeting}:{asked}:{seq}`, seq 0
/// the first ask, 1 the ask once more. Deterministic, so planning twice is harmless and
/// nobody is asked twice for a round.
pub fn question_key(meeting: MeetingId, asked: Asked, seq: i64) -> String {
    format!("followup:{}:{}:{seq}", meeting.0, asked.key_part())
}

/// The meeting and who is asked, from a [`question_key`].
pub fn parse_question_key(key: &str) -> Option<(MeetingId, Asked, i64)> {
    let mut parts = key.strip_prefix("followup:")?.split(':');
    let meeting = MeetingId(parts.next()?.parse().ok()?);
    let asked = Asked::parse_key_part(parts.next()?)?;
    let seq = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    Some((meeting, asked, seq))
}

/// One question of a round, with its answer if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: i64,
    pub meeting: MeetingId,
    pub subject: Subject,
    /// The subject's title (the action's or the order's), for showing.
    pub title: String,
    /// The subject's number as users see it: the action's id, the order's number.
    pub number: i64,
    pub asked: Asked,
    pub answer: Option<Answer>,
    /// A note given with the answer (through the personal-data guard).
    pub note: Option<String>,
    pub answered_by: Option<UserId>,
    pub answered_at: Option<DateTime<Utc>>,
    /// The subject was closed (done or cancelled) since: nothing more to ask.
    pub closed: bool,
}

impl Question {
    /// Answered: an answer or at least a note came back.
    pub fn is_answered(&self) -> bool {
        self.answer.is_some() || self.note.is_some()
    }

    /// Still waiting for an answer: not answered and its subject still open.
    pub fn is_waiting(&self) -> bool {
        !self.is_answered() && !self.closed
    }
}

/// A meeting's round as stored: when it asks, the deadline, whether it has asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub meeting: MeetingId,
    pub ask_at: DateTime<Utc>,
    pub again_at: Option<DateTime<Utc>>,
    pub deadline: DateTime<Utc>,
    pub opened_at: Option<DateTime<Utc>>,
}

/// A round with its questions: what the standing case, the coordinator and the digest see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundView {
    pub round: Option<Round>,
    pub questions: Vec<Question>,
}

impl RoundView {
    /// Who was asked, each once, in order.
    pub fn asked(&self) -> Vec<Asked> {
        let mut v: Vec<Asked> = self.questions.iter().map(|q| q.asked).collect();
        v.sort();
        v.dedup();
        v
    }

    /// Who has not answered every one of their questions.
    pub fn silent(&self) -> Vec<Asked> {
        let mut v: Vec<Asked> = self
            .questions
            .iter()
            .filter(|q| q.is_waiting())
            .map(|q| q.asked)
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// (asked, answered, silent), counted in people (or roles) asked.
    pub fn counts(&self) -> (usize, usize, usize) {
        let asked = self.asked().len();
        let silent = self.silent().len();
        (asked, asked - silent, silent)
    }
}

/// A lead that is not a time before the meeting (or is out of range: 1 hour to 60 days).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidLead;

/// Parse the round's lead as a coordinator writes it: `7d`, `10d`, `48h`, a bare number
/// of days, or `none`/`off`/`av`/`ingen` (no round). `Ok(None)`: off.
pub fn parse_lead(input: &str) -> Result<Option<i64>, InvalidLead> {
    let s = input.trim().to_lowercase();
    if matches!(s.as_str(), "none" | "off" | "av" | "ingen" | "nei" | "no") {
        return Ok(None);
    }
    let (num, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&s[..i], s[i..].trim()),
        None => (s.as_str(), "d"),
    };
    let n: i64 = num.parse().map_err(|_| InvalidLead)?;
    let minutes = match unit {
        "d" | "day" | "days" | "dag" | "dager" | "dagar" | "døgn" => n * 24 * 60,
        "h" | "t" | "hour" | "hours" | "time" | "timer" | "timar" => n * 60,
        _ => return Err(InvalidLead),
    };
    if !(60..=60 * 24 * 60).contains(&minutes) {
        return Err(InvalidLead);
    }
    Ok(Some(minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for asked in [Asked::User(UserId(42)), Asked::Role(RoleId(7))] {
            let k = question_key(MeetingId(3), asked, 1);
            assert_eq!(parse_question_key(&k), Some((MeetingId(3), asked, 1)));
        }
        assert_eq!(parse_question_key("reminder:3:10080"), None);
        assert_eq!(parse_question_key("followup:3:x1:0"), None);
        assert_eq!(parse_question_key("followup:3:u1:0:9"), None);
    }

    #[test]
    fn answers_take_codes_and_norwegian_words() {
        for a in Answer::ALL {
            assert_eq!(a.as_str().parse(), Ok(a));
            assert_eq!(Answer::from_index(a.index() as i64), Some(a));
        }
        assert_eq!("Forseinka".parse(), Ok(Answer::Delayed));
        assert_eq!("trenger hjelp".parse(), Ok(Answer::NeedsHelp));
        assert_eq!("treng hjelp".parse(), Ok(Answer::NeedsHelp));
        assert_eq!("på sporet".parse(), Ok(Answer::OnTrack));
        assert_eq!(Answer::from_index(4), None);
    }

    #[test]
    fn leads_in_days_or_hours_or_off() {
        assert_eq!(parse_lead("7d"), Ok(Some(7 * 1440)));
        assert_eq!(parse_lead("10"), Ok(Some(10 * 1440)));
        assert_eq!(parse_lead("48h"), Ok(Some(48 * 60)));
        assert_eq!(parse_lead(" 3 dager"), Ok(Some(3 * 1440)));
        assert_eq!(parse_lead("av"), Ok(None));
        assert_eq!(parse_lead("none"), Ok(None));
        assert_eq!(parse_lead("0d"), Err(InvalidLead));
        assert_eq!(parse_lead("61d"), Err(InvalidLead));
        assert_eq!(parse_lead("sju"), Err(InvalidLead));
    }

    #[test]
    fn counts_are_in_people_not_questions() {
        let q = |id: i64, user: u64, answer: Option<Answer>| Question {
            id,
            meeting: MeetingId(1),
            subject: Subject::Action(ActionId(id)),
            title: "x".into(),
            number: id,
            asked: Asked::User(UserId(user)),
            answer,
            note: None,
            answered_by: None,
            answered_at: None,
            closed: false,
        };
        let v = RoundView {
            round: None,
            questions: vec![
                q(1, 1, Some(Answer::Done)),
                q(2, 1, None),
                q(3, 2, Some(Answer::OnTrack)),
                q(4, 3, None),
            ],
        };
        assert_eq!(v.counts(), (3, 1, 2));
        assert_eq!(
            v.silent(),
            vec![Asked::User(UserId(1)), Asked::User(UserId(3))]
        );
    }
}
