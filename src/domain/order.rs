//! Orders (*bestillinger*) between bodies: one body asks another for work, often from a
//! decision; the receiving body answers (*tilbakemelding*). The same thing sent from a
//! lower level to a higher one is a report (*rapport*). Plain rules: no Discord, no SQL.

use super::{AgendaItemId, GroupId, SltLevel, UserId, WorkspaceId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The number users see: per workspace, never given twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrderNo(pub i64);

impl fmt::Display for OrderNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Where an order is in its life: sent (open) → accepted → done, or declined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrderStatus {
    Open,
    Accepted,
    Declined,
    Done,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 4] = [
        OrderStatus::Open,
        OrderStatus::Accepted,
        OrderStatus::Declined,
        OrderStatus::Done,
    ];

    pub const fn code(self) -> &'static str {
        self.as_str()
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Open => "open",
            OrderStatus::Accepted => "accepted",
            OrderStatus::Declined => "declined",
            OrderStatus::Done => "done",
        }
    }

    /// Still owed by the receiving body: sent or accepted, not declined or done.
    pub fn is_open(self) -> bool {
        matches!(self, OrderStatus::Open | OrderStatus::Accepted)
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            OrderStatus::Open => "order-status-open",
            OrderStatus::Accepted => "order-status-accepted",
            OrderStatus::Declined => "order-status-declined",
            OrderStatus::Done => "order-status-done",
        }
    }
}

impl FromStr for OrderStatus {
    type Err = ();
    /// The stored word, or what a user types in nb, nn or en.
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_lowercase().replace('_', " ").as_str() {
            "open" | "sent" | "åpen" | "open bestilling" | "sendt" => Ok(OrderStatus::Open),
            "accepted" | "accept" | "akseptert" | "godtatt" | "godteke" | "tatt imot"
            | "teke imot" | "ja" => Ok(OrderStatus::Accepted),
            "declined" | "decline" | "avslått" | "avslatt" | "avslege" | "avvist" | "nei" => {
                Ok(OrderStatus::Declined)
            }
            "done" | "utført" | "utfort" | "ferdig" | "fullført" | "fullfort" => {
                Ok(OrderStatus::Done)
            }
            _ => Err(()),
        }
    }
}

/// The answer a receiving body gives (`/order reply status:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrderAnswer {
    Accepted,
    Declined,
    Done,
}

impl OrderAnswer {
    pub const fn code(self) -> &'static str {
        self.status().as_str()
    }

    pub const fn status(self) -> OrderStatus {
        match self {
            OrderAnswer::Accepted => OrderStatus::Accepted,
            OrderAnswer::Declined => OrderStatus::Declined,
            OrderAnswer::Done => OrderStatus::Done,
        }
    }
}

impl FromStr for OrderAnswer {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.parse::<OrderStatus>()? {
            OrderStatus::Accepted => Ok(OrderAnswer::Accepted),
            OrderStatus::Declined => Ok(OrderAnswer::Declined),
            OrderStatus::Done => Ok(OrderAnswer::Done),
            OrderStatus::Open => Err(()),
        }
    }
}

/// Can an order in `from` take `answer`? Declined and done are final; an answer that
/// changes nothing (accepted twice) is refused.
pub fn answer_allowed(from: OrderStatus, answer: OrderAnswer) -> bool {
    from.is_open() && from != answer.status()
}

/// Which way an order goes: down (or sideways) it is an order; up, a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Order,
    Report,
}

impl Direction {
    pub const fn code(self) -> &'static str {
        match self {
            Direction::Order => "order",
            Direction::Report => "report",
        }
    }
}

/// The rank of a level: styrende above koordinerende above utførende; `annet` unranked.
fn rank(level: SltLevel) -> Option<u8> {
    match level {
        SltLevel::Styrende => Some(3),
        SltLevel::Koordinerende => Some(2),
        SltLevel::Utforende => Some(1),
        SltLevel::Annet => None,
    }
}

/// A message from `from` to a higher level is a report; anything else an order.
pub fn direction(from: SltLevel, to: SltLevel) -> Direction {
    match (rank(from), rank(to)) {
        (Some(f), Some(t)) if f < t => Direction::Report,
        _ => Direction::Order,
    }
}

/// One order as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    /// The row id (internal; users see [`Order::number`]).
    pub id: i64,
    pub workspace: WorkspaceId,
    pub number: OrderNo,
    pub from: GroupId,
    pub to: GroupId,
    pub title: String,
    pub details: Option<String>,
    pub due: Option<NaiveDate>,
    /// The ordering body's case it came from.
    pub from_case: Option<AgendaItemId>,
    /// The case it became on the receiving body's list.
    pub to_case: Option<AgendaItemId>,
    pub status: OrderStatus,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
}

impl Order {
    /// Open and past its due date on `today` (the receiving body's calendar).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|d| d < today)
    }
}

/// What happened to an order: sent, or answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Sent,
    Answered(OrderAnswer),
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Sent => "sent",
            EventKind::Answered(a) => a.code(),
        }
    }
}

impl FromStr for EventKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "sent" => Ok(EventKind::Sent),
            other => other.parse().map(EventKind::Answered),
        }
    }
}

/// One line of an order's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderEvent {
    /// 1 = sent, then each answer.
    pub seq: i64,
    pub kind: EventKind,
    pub actor: UserId,
    /// The answer's text.
    pub text: Option<String>,
    /// The case it became (on the receiving body's list for the sending, on the ordering
    /// body's for an answer).
    pub case: Option<AgendaItemId>,
    pub at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upward_is_a_report_downward_and_sideways_an_order() {
        use SltLevel::*;
        assert_eq!(direction(Styrende, Koordinerende), Direction::Order);
        assert_eq!(direction(Koordinerende, Utforende), Direction::Order);
        assert_eq!(direction(Koordinerende, Styrende), Direction::Report);
        assert_eq!(direction(Utforende, Koordinerende), Direction::Report);
        assert_eq!(direction(Koordinerende, Koordinerende), Direction::Order);
        assert_eq!(direction(Annet, Styrende), Direction::Order);
    }

    #[test]
    fn answers_move_an_open_order_on_and_final_ones_stay() {
        use OrderAnswer::*;
        assert!(answer_allowed(OrderStatus::Open, Accepted));
        assert!(answer_allowed(OrderStatus::Open, Done));
        assert!(answer_allowed(OrderStatus::Accepted, Done));
        assert!(!answer_allowed(OrderStatus::Accepted, Accepted));
        assert!(!answer_allowed(OrderStatus::Done, Declined));
        assert!(!answer_allowed(OrderStatus::Declined, Accepted));
    }

    #[test]
    fn status_words_in_every_language() {
        assert_eq!("akseptert".parse(), Ok(OrderStatus::Accepted));
        assert_eq!("avslått".parse(), Ok(OrderAnswer::Declined));
        assert_eq!("utført".parse(), Ok(OrderAnswer::Done));
        assert!("open".parse::<OrderAnswer>().is_err());
        for s in OrderStatus::ALL {
            assert_eq!(s.as_str().parse(), Ok(s));
        }
        for k in [EventKind::Sent, EventKind::Answered(OrderAnswer::Done)] {
            assert_eq!(k.as_str().parse(), Ok(k));
        }
    }
}
