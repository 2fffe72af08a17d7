//! Reading dates and times the way Norwegian users write them, and turning local wall
//! time into instants.
//!
//! Accepted dates: `31.12.2027`, `31.12.27` (20xx), `2027-12-31`. Accepted date-times:
//! a date, then a time `09:00`, `09.00`, `kl. 09.00` or `kl 9`, separated by a space or
//! `T`; or RFC 3339 with an explicit offset. Local times are interpreted in the group's
//! timezone.
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
