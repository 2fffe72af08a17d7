//! When a group is reminded: lead times before each meeting, the agenda deadline, and
//! whether its series skips public holidays. Durations are written `7d`, `24h`, `90m`
//! (or `7 dager`, `1 dag`, `2 d`); stored as minutes.

use serde::{Deserialize, Serialize};

/// Longest accepted lead time or deadline: 60 days (the series horizon is 90 days, so
/// every reminder of a materialized meeting can be planned).
pub const MAX_LEAD_MINUTES: i64 = 60 * 24 * 60;
/// At most this many reminders per meeting.
pub const MAX_LEADS: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderSettings {
    /// Minutes before the meeting, longest first, no duplicates.
    pub leads: Vec<i64>,
    /// Minutes before the meeting by which items must be in; `None`: no deadline call.
    pub deadline: Option<i64>,
    pub skip_holidays: bool,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            leads: vec![7 * 24 * 60, 24 * 60],
            deadline: Some(2 * 24 * 60),
            skip_holidays: false,
        }
    }
}

/// Parse one duration: a number and a unit (d/dag/dager/døgn/days, h/t/timer/hours,
/// m/min/minutter). `None` for anything else, zero, or above [`MAX_LEAD_MINUTES`].
pub fn parse_duration(input: &str) -> Option<i64> {
    let s = input.trim().to_lowercase();
    let split = s.find(|c: char| !c.is_ascii_digit())?;
    let (num, unit) = s.split_at(split);
    if num.is_empty() || num.len() > 6 {
        return None;
    }
    let n: i64 = num.parse().ok()?;
    let per = match unit.trim() {
        "d" | "dag" | "dagar" | "dager" | "døgn" | "day" | "days" => 24 * 60,
        "h" | "t" | "time" | "timar" | "timer" | "hour" | "hours" => 60,
        "m" | "min" | "minutt" | "minutter" | "minute" | "minutes" => 1,
        _ => return None,
    };
    let minutes = n.checked_mul(per)?;
    (1..=MAX_LEAD_MINUTES).contains(&minutes).then_some(minutes)
}

/// Parse a comma-separated list of lead times (`7d, 1d`); `none`/`ingen` gives none.
pub fn parse_leads(input: &str) -> Option<Vec<i64>> {
    let t = input.trim().to_lowercase();
    if matches!(t.as_str(), "none" | "ingen" | "inga" | "0") {
        return Some(Vec::new());
    }
    let mut leads = input
        .split(',')
        .map(parse_duration)
        .collect::<Option<Vec<i64>>>()?;
    leads.sort_unstable_by(|a, b| b.cmp(a));
    leads.dedup();
    (leads.len() <= MAX_LEADS).then_some(leads)
}

/// Storage form: minutes, comma-separated.
pub fn leads_to_storage(leads: &[i64]) -> String {
    leads
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

pub fn leads_from_storage(s: &str) -> Option<Vec<i64>> {
    if s.trim().is_empty() {
        return Some(Vec::new());
    }
    s.split(',').map(|p| p.trim().parse().ok()).collect()
}

/// `7d`, `36h`, `90m`: the shortest exact spelling in the input syntax. Replies say it in
/// words instead (`crate::i18n::cadence::duration`: "7 dager").
pub fn format_duration(minutes: i64) -> String {
    if minutes % (24 * 60) == 0 {
        format!("{}d", minutes / (24 * 60))
    } else if minutes % 60 == 0 {
        format!("{}h", minutes / 60)
    } else {
        format!("{minutes}m")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_norwegian_and_english() {
        assert_eq!(parse_duration("7d"), Some(10080));
        assert_eq!(parse_duration("2 dager"), Some(2880));
        assert_eq!(parse_duration("24h"), Some(1440));
        assert_eq!(parse_duration("36 timer"), Some(2160));
        assert_eq!(parse_duration("90m"), Some(90));
        for bad in [
            "",
            "d",
            "0d",
            "61d",
            "7 uker",
            "-1d",
            "1.5d",
            "99999999999d",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn leads_are_sorted_longest_first_and_deduplicated() {
        assert_eq!(parse_leads("1d, 7d, 24h"), Some(vec![10080, 1440]));
        assert_eq!(parse_leads("ingen"), Some(vec![]));
        assert_eq!(parse_leads("1d,2d,3d,4d,5d,6d"), None);
        assert_eq!(
            leads_from_storage(&leads_to_storage(&[10080, 1440])),
            Some(vec![10080, 1440])
        );
        assert_eq!(format_duration(2160), "36h");
    }
}
