//! Reading dates and times the way Norwegian users write them, and turning local wall
//! time into instants.
//!
//! Accepted dates: `31.12.2027`, `31.12.27` (20xx), `2027-12-31`, and, counted from today
//! in the group's timezone, `i dag` / `i morgen` / `om 14 dager` / `om 2 uker` (nynorsk
//! `i morgon`, `om 14 dagar`, `om 2 veker`; English `today`, `tomorrow`, `in 14 days`,
//! `in 2 weeks`). Accepted date-times: a date, then a time `09:00`, `09.00`, `kl. 09.00` or
//! `kl 9`, separated by a space or `T` (`om 2 uker kl. 09.00`); or RFC 3339 with an
//! explicit offset. Local times are interpreted in the group's timezone.
//!
//! DST: a local time that does not exist (the spring gap, e.g. 02:30 on the last Sunday
//! of March in Europe/Oslo) is read with the offset from before the gap, as RFC 5545
//! prescribes, which lands the same distance after the gap (03:30 CEST). A local time
//! that exists twice (autumn) is the first, earlier instant (summer time).

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Parse a calendar date. `None` for anything that is not a real date.
pub fn parse_date(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    if let Some((d, rest)) = s.split_once('.') {
        let (m, y) = rest.split_once('.')?;
        let (d, m) = (num(d, 1, 2)?, num(m, 1, 2)?);
        let y = match y.len() {
            2 => 2000 + num(y, 2, 2)?,
            4 => num(y, 4, 4)?,
            _ => return None,
        };
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(num(y, 4, 4)? as i32, num(m, 1, 2)?, num(d, 1, 2)?)
}

fn num(s: &str, min_len: usize, max_len: usize) -> Option<u32> {
    if s.len() < min_len || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parse a time of day: `09:00`, `9.00`, `kl. 09.00`, `kl 9`.
pub fn parse_time(input: &str) -> Option<NaiveTime> {
    let s = input.trim();
    let s = s
        .strip_prefix("kl.")
        .or_else(|| s.strip_prefix("kl"))
        .unwrap_or(s)
        .trim();
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => (num(h, 1, 2)?, num(m, 2, 2)?),
        None => (num(s, 1, 2)?, 0),
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

/// A date counted from `today` at the start of `s` (`i morgen`, `om 14 dager`, `in 2
/// weeks`), and the rest of `s`.
fn relative_date(s: &str, today: NaiveDate) -> Option<(NaiveDate, &str)> {
    let lower = s.to_lowercase();
    // Lowercasing keeps these ASCII/Norwegian prefixes at the same byte lengths.
    for (word, days) in [
        ("i dag", 0),
        ("idag", 0),
        ("today", 0),
        ("i morgen", 1),
        ("i morgon", 1),
        ("imorgen", 1),
        ("tomorrow", 1),
    ] {
        if lower.starts_with(word) && !lower[word.len()..].starts_with(char::is_alphanumeric) {
            return Some((today + Duration::days(days), &s[word.len()..]));
        }
    }
    let rest = lower
        .strip_prefix("om ")
        .or_else(|| lower.strip_prefix("in "))?;
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let n: i64 = rest[..digits].parse().ok().filter(|n| *n <= 3660)?;
    let after = rest[digits..].trim_start();
    let unit_len = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    let days = match &after[..unit_len] {
        "dag" | "dager" | "dagar" | "day" | "days" => n,
        "uke" | "uker" | "veke" | "veker" | "week" | "weeks" => n * 7,
        _ => return None,
    };
    let consumed = lower.len() - after.len() + unit_len;
    Some((today + Duration::days(days), &s[consumed..]))
}

/// Parse a date, also counted from `today` (`i morgen`, `om 14 dager`).
pub fn parse_date_from(input: &str, today: NaiveDate) -> Option<NaiveDate> {
    let s = input.trim();
    match relative_date(s, today) {
        Some((date, rest)) if rest.trim().is_empty() => Some(date),
        Some(_) => None,
        None => parse_date(s),
    }
}

/// Parse a meeting time given in `tz`, also with a date counted from `now`'s day in `tz`
/// (`om 2 uker kl. 09.00`).
pub fn parse_datetime_from(input: &str, tz: Tz, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let s = input.trim();
    if let Some((date, rest)) = relative_date(s, local_date(now, tz)) {
        let time = parse_time(rest.trim().trim_start_matches(',').trim())?;
        return Some(resolve_local(tz, date.and_time(time)).with_timezone(&Utc));
    }
    parse_datetime(s, tz)
}

/// Parse a meeting time given in `tz` (or with an explicit RFC 3339 offset).
pub fn parse_datetime(input: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let s = input.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.with_timezone(&Utc));
    }
    let (date, time) = s
        .split_once('T')
        .or_else(|| s.split_once(' '))
        .unwrap_or((s, ""));
    let date = parse_date(date)?;
    let time = parse_time(time.trim_start_matches(',').trim())?;
    Some(resolve_local(tz, date.and_time(time)).with_timezone(&Utc))
}

/// Local wall time in `tz` to an instant, by the DST rules in the module doc.
pub fn resolve_local(tz: Tz, local: NaiveDateTime) -> DateTime<Tz> {
    use chrono::LocalResult;
    match tz.from_local_datetime(&local) {
        LocalResult::Single(dt) => dt,
        LocalResult::Ambiguous(first, second) => first.min(second),
        LocalResult::None => {
            // Use the offset in force just before the gap.
            let before = (1..=48)
                .find_map(|h| {
                    tz.from_local_datetime(&(local - Duration::hours(h)))
                        .earliest()
                })
                .map(|dt| dt.offset().fix());
            match before {
                Some(offset) => {
                    let utc = local - Duration::seconds(offset.local_minus_utc() as i64);
                    tz.from_utc_datetime(&utc)
                }
                None => tz.from_utc_datetime(&local),
            }
        }
    }
}

/// Today's date in `tz` at instant `now`.
pub fn local_date(now: DateTime<Utc>, tz: Tz) -> NaiveDate {
    now.with_timezone(&tz).date_naive()
}

use chrono::Offset;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_counted_from_today_in_every_language() {
        let today = NaiveDate::from_ymd_opt(2027, 3, 26).unwrap();
        let d = |s| parse_date_from(s, today);
        assert_eq!(d("i dag"), Some(today));
        assert_eq!(d("I morgen"), NaiveDate::from_ymd_opt(2027, 3, 27));
        assert_eq!(d("i morgon"), NaiveDate::from_ymd_opt(2027, 3, 27));
        assert_eq!(d("om 14 dager"), NaiveDate::from_ymd_opt(2027, 4, 9));
        assert_eq!(d("om 2 veker"), NaiveDate::from_ymd_opt(2027, 4, 9));
        assert_eq!(d("in 1 week"), NaiveDate::from_ymd_opt(2027, 4, 2));
        assert_eq!(d("31.12.2027"), NaiveDate::from_ymd_opt(2027, 12, 31));
        for bad in [
            "om dager",
            "om 2 år",
            "i dagene",
            "om 99999 dager",
            "i morgen kl. 9",
        ] {
            assert_eq!(d(bad), None, "{bad}");
        }
        // Friday 26 March 2027, 12:00 UTC; in two days, 09:00 local is after the spring
        // change (Sunday 28 March), so CEST.
        let now = Utc.with_ymd_and_hms(2027, 3, 26, 12, 0, 0).unwrap();
        let tz = chrono_tz::Europe::Oslo;
        assert_eq!(
            parse_datetime_from("om 2 dager kl. 09.00", tz, now),
            Some(Utc.with_ymd_and_hms(2027, 3, 28, 7, 0, 0).unwrap())
        );
        assert_eq!(
            parse_datetime_from("tomorrow, 14:30", tz, now),
            Some(Utc.with_ymd_and_hms(2027, 3, 27, 13, 30, 0).unwrap())
        );
        assert_eq!(parse_datetime_from("i morgen", tz, now), None);
    }
    use chrono_tz::Europe::Oslo;

    #[test]
    fn dates_in_norwegian_and_iso_form() {
        let d = NaiveDate::from_ymd_opt(2027, 12, 31);
        assert_eq!(parse_date("31.12.2027"), d);
        assert_eq!(parse_date("31.12.27"), d);
        assert_eq!(parse_date("2027-12-31"), d);
        assert_eq!(parse_date("1.2.2027"), NaiveDate::from_ymd_opt(2027, 2, 1));
    }

    #[test]
    fn impossible_dates_are_none() {
        for bad in [
            "31.02.2027",
            "2027-13-01",
            "29.02.2027",
            "00.01.2027",
            "2027-1-1-1",
            "31.12.202",
            "neste uke",
            "",
            "+2027-01-01",
            "٣١.١٢.٢٠٢٧",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_date("29.02.2028").is_some());
    }

    #[test]
    fn times_with_kl_and_dot() {
        let t = NaiveTime::from_hms_opt(9, 0, 0);
        assert_eq!(parse_time("09:00"), t);
        assert_eq!(parse_time("kl. 09.00"), t);
        assert_eq!(parse_time("kl 9"), t);
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("9:5"), None);
    }

    #[test]
    fn datetimes_follow_local_offset() {
        let winter = parse_datetime("12.01.2027 kl. 09.00", Oslo).unwrap();
        assert_eq!(winter.to_rfc3339(), "2027-01-12T08:00:00+00:00");
        let summer = parse_datetime("2027-06-15 09:00", Oslo).unwrap();
        assert_eq!(summer.to_rfc3339(), "2027-06-15T07:00:00+00:00");
        let explicit = parse_datetime("2027-06-15T09:00:00+00:00", Oslo).unwrap();
        assert_eq!(explicit.to_rfc3339(), "2027-06-15T09:00:00+00:00");
    }

    #[test]
    fn dst_gap_moves_forward_and_overlap_takes_first() {
        // 28 March 2027: 02:00 CET → 03:00 CEST.
        let gap = parse_datetime("28.03.2027 02:30", Oslo).unwrap();
        assert_eq!(
            gap.with_timezone(&Oslo).to_rfc3339(),
            "2027-03-28T03:30:00+02:00"
        );
        // 31 October 2027: 03:00 CEST → 02:00 CET; 02:30 happens twice.
        let overlap = parse_datetime("31.10.2027 02:30", Oslo).unwrap();
        assert_eq!(
            overlap.with_timezone(&Oslo).to_rfc3339(),
            "2027-10-31T02:30:00+02:00"
        );
    }
}
