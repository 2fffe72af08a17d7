//! The notice (*innkalling*) posted before a meeting: which meeting a submission that came
//! after the agenda deadline is admitted to, and what changed on a final case list.

use std::str::FromStr;

/// Where the coordinator puts a late submission: this meeting (onto its final case list)
/// or the body's next meeting after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AdmitTo {
    This,
    Next,
}

impl AdmitTo {
    pub const fn code(self) -> &'static str {
        match self {
            AdmitTo::This => "this",
            AdmitTo::Next => "next",
        }
    }
}

impl FromStr for AdmitTo {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_lowercase().as_str() {
            "this" | "dette" | "dette møtet" | "this meeting" => Ok(AdmitTo::This),
            "next" | "neste" | "neste møte" | "next meeting" => Ok(AdmitTo::Next),
            _ => Err(()),
        }
    }
}

/// What a line "Endret …" under a final case list says changed. Stored by [`Change::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    /// A case came onto the list.
    Added,
    /// A case left the list (withdrawn, moved to another meeting).
    Removed,
    /// The order of the list changed.
    Order,
    /// The meeting was moved.
    Moved,
    /// The place changed.
    Place,
    /// The meeting was cancelled.
    Cancelled,
}

impl Change {
    pub const ALL: [Change; 6] = [
        Change::Added,
        Change::Removed,
        Change::Order,
        Change::Moved,
        Change::Place,
        Change::Cancelled,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Order => "order",
            Change::Moved => "moved",
            Change::Place => "place",
            Change::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Change> {
        Change::ALL.into_iter().find(|c| c.code() == s)
    }
}

/// What a notice message showed, to compare with what it would show now: no user text
/// (the place is kept as a hash).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Snapshot {
    /// The meeting's start, unix seconds.
    pub starts_at: i64,
    pub cancelled: bool,
    pub place: u64,
    /// The cases in list order: item id and case number (0 while it has none).
    pub items: Vec<(i64, i64)>,
}

/// A stable hash of a place (FNV-1a), so a changed place is seen without storing it twice.
pub fn place_hash(place: Option<&str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in place.unwrap_or_default().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Snapshot {
    /// What changed from `self` (what the message showed) to `now`, as change lines: each
    /// case added or removed (by item id), then the order, the time, the place, a
    /// cancellation. Empty when only case numbers changed.
    pub fn changes_to(&self, now: &Snapshot) -> Vec<(Change, Option<i64>)> {
        let mut out = Vec::new();
        let old: Vec<i64> = self.items.iter().map(|i| i.0).collect();
        let new: Vec<i64> = now.items.iter().map(|i| i.0).collect();
        for id in new.iter().filter(|id| !old.contains(id)) {
            out.push((Change::Added, Some(*id)));
        }
        for id in old.iter().filter(|id| !new.contains(id)) {
            out.push((Change::Removed, Some(*id)));
        }
        let kept_old: Vec<i64> = old.iter().copied().filter(|i| new.contains(i)).collect();
        let kept_new: Vec<i64> = new.iter().copied().filter(|i| old.contains(i)).collect();
        if kept_old != kept_new {
            out.push((Change::Order, None));
        }
        if self.starts_at != now.starts_at {
            out.push((Change::Moved, None));
        }
        if self.place != now.place {
            out.push((Change::Place, None));
        }
        if now.cancelled && !self.cancelled {
            out.push((Change::Cancelled, None));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_name_each_case_added_and_removed_then_order_time_place() {
        let before = Snapshot {
            starts_at: 100,
            cancelled: false,
            place: place_hash(Some("Rådhuset")),
            items: vec![(1, 1), (2, 2), (3, 0)],
        };
        assert!(before.changes_to(&before).is_empty());
        let numbered = Snapshot {
            items: vec![(1, 1), (2, 2), (3, 3)],
            ..before.clone()
        };
        assert!(before.changes_to(&numbered).is_empty());
        let after = Snapshot {
            starts_at: 200,
            cancelled: true,
            place: place_hash(None),
            items: vec![(3, 3), (1, 1), (4, 0)],
        };
        assert_eq!(
            before.changes_to(&after),
            vec![
                (Change::Added, Some(4)),
                (Change::Removed, Some(2)),
                (Change::Order, None),
                (Change::Moved, None),
                (Change::Place, None),
                (Change::Cancelled, None),
            ]
        );
        for c in Change::ALL {
            assert_eq!(Change::parse(c.code()), Some(c));
        }
        assert_eq!("neste".parse(), Ok(AdmitTo::Next));
        assert_eq!("this".parse(), Ok(AdmitTo::This));
    }
}
