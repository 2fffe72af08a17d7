//! Standard 5-field cron.
//!
//! `minute hour day-of-month month day-of-week`, POSIX/Vixie semantics: numbers, names
//! (`JAN`–`DEC`, `SUN`–`SAT`, case-insensitive), `*`, ranges `a-b`, lists `a,b`, steps `*/n`,
//! `a-b/n` and `a/n` (= `a-max/n`); day-of-week 0 and 7 are both Sunday. When both day-of-month
//! and day-of-week are restricted, a day matching **either** fires; a field counts as
//! unrestricted when it starts with `*` (so `*/2` too, as in Vixie cron and cronie). Evaluation
//! is done by the `cron` crate (seconds field first, Sunday = 1 there): each field is validated
//! here and handed over as an explicit list, with weekday *names*, and the OR case becomes two
//! schedules whose results are merged. The `cron` crate stops at the year 2100, so does cron
//! here. [`Cadence::to_storage`] of a cron cadence is the expression itself (the zone is not
//! part of it: store the workspace zone next to it, as for every cadence).

use super::rfc5545::parse_small_uint;
use super::*;

// ---------------------------------------------------------------------------------------------
// Cron
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub(super) struct CronSpec {
    /// Normalised source (fields joined by one space).
    pub(super) text: String,
    /// One schedule, or two (day-of-month OR day-of-week), in the `cron` crate's syntax.
    pub(super) schedules: Vec<::cron::Schedule>,
}

impl CronSpec {
    pub(super) fn parse(text: &str) -> Result<CronSpec, CadenceError> {
        let fields: Vec<&str> = text.split_whitespace().collect();
        if fields.len() != 5 {
            return Err(CadenceError::CronFieldCount {
                found: fields.len(),
            });
        }
        let mut lists: Vec<Vec<u32>> = Vec::with_capacity(5);
        for (field, raw) in CronField::ALL.iter().zip(&fields) {
            lists.push(parse_cron_field(*field, raw)?);
        }
        let as_list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
        let minutes = as_list(&lists[0]);
        let hours = as_list(&lists[1]);
        let dom = as_list(&lists[2]);
        let months = as_list(&lists[3]);
        let dow_names: Vec<&str> = {
            let mut days: Vec<u32> = lists[4].iter().map(|d| d % 7).collect();
            days.sort_unstable();
            days.dedup();
            days.iter()
                .map(|d| ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"][*d as usize % 7])
                .collect()
        };
        let dow = dow_names.join(",");
        // Vixie/cronie: a field starting with '*' is unrestricted.
        let dom_star = fields[2].starts_with('*');
        let dow_star = fields[4].starts_with('*');
        let exprs: Vec<String> = if dom_star || dow_star {
            // AND of both fields; a plain `*` expands to the full list, which is the same.
            vec![format!("0 {minutes} {hours} {dom} {months} {dow}")]
        } else {
            vec![
                format!("0 {minutes} {hours} {dom} {months} *"),
                format!("0 {minutes} {hours} * {months} {dow}"),
            ]
        };
        let mut schedules = Vec::with_capacity(exprs.len());
        for e in exprs {
            let s: ::cron::Schedule = e.parse().map_err(|_| CadenceError::CronInvalidField {
                field: CronField::Minute,
                text: text.to_string(),
            })?;
            schedules.push(s);
        }
        Ok(CronSpec {
            text: fields.join(" "),
            schedules,
        })
    }

    /// Local candidate times >= `start`, ascending, deduplicated across the schedules. Local
    /// wall-clock time is modelled as UTC so that the `cron` crate never sees a DST change.
    pub(super) fn naive_iter(
        &self,
        start: NaiveDateTime,
    ) -> impl Iterator<Item = NaiveDateTime> + '_ {
        let from = Utc.from_utc_datetime(&start) - TimeDelta::seconds(1);
        let mut iters: Vec<_> = self
            .schedules
            .iter()
            .map(|s| s.after(&from).peekable())
            .collect();
        std::iter::from_fn(move || {
            let next = iters
                .iter_mut()
                .filter_map(|it| it.peek().map(|t| t.naive_utc()))
                .min()?;
            for it in iters.iter_mut() {
                if it.peek().map(|t| t.naive_utc()) == Some(next) {
                    it.next();
                }
            }
            Some(next)
        })
    }
}

/// Validates one POSIX cron field and returns its values (day-of-week 0..=7, 7 = Sunday).
pub(super) fn parse_cron_field(field: CronField, raw: &str) -> Result<Vec<u32>, CadenceError> {
    let (min, max) = field.range();
    let invalid = || CadenceError::CronInvalidField {
        field,
        text: raw.to_string(),
    };
    let mut values: Vec<u32> = Vec::new();
    for item in raw.split(',') {
        let (range_part, step) = match item.split_once('/') {
            Some((r, s)) => {
                let step = parse_small_uint(s)
                    .filter(|s| *s >= 1)
                    .and_then(|s| u32::try_from(s).ok())
                    .ok_or_else(invalid)?;
                (r, Some(step))
            }
            None => (item, None),
        };
        let (lo, hi) = if range_part == "*" {
            (min, max)
        } else if let Some((a, b)) = range_part.split_once('-') {
            let a = cron_value(field, a)?;
            let b = cron_value(field, b)?;
            if a > b {
                return Err(invalid());
            }
            (a, b)
        } else {
            let a = cron_value(field, range_part)?;
            // `a/n` means `a-max/n` (cronie); for day-of-week max is 7 (Sunday).
            (a, if step.is_some() { max } else { a })
        };
        let step = step.unwrap_or(1);
        let mut v = lo;
        while v <= hi {
            values.push(v);
            v = match v.checked_add(step) {
                Some(n) => n,
                None => break,
            };
        }
    }
    values.sort_unstable();
    values.dedup();
    if values.is_empty() {
        return Err(invalid());
    }
    Ok(values)
}

pub(super) fn cron_value(field: CronField, s: &str) -> Result<u32, CadenceError> {
    let (min, max) = field.range();
    let upper = s.to_ascii_uppercase();
    let named = match field {
        CronField::Month => [
            "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
        ]
        .iter()
        .position(|m| *m == upper)
        .map(|i| i as u32 + 1),
        CronField::DayOfWeek => ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
            .iter()
            .position(|d| *d == upper)
            .map(|i| i as u32),
        _ => None,
    };
    if let Some(v) = named {
        return Ok(v);
    }
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CadenceError::CronInvalidField {
            field,
            text: s.to_string(),
        });
    }
    match s.parse::<u32>() {
        Ok(v) if (min..=max).contains(&v) => Ok(v),
        _ => Err(CadenceError::CronValueOutOfRange {
            field,
            value: s.to_string(),
            min,
            max,
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::cadence::tests::occ;

    #[test]
    fn cron_known_answers() {
        let table: &[(&str, &str, &[&str])] = &[
            (
                // 2027-01-01 is a Friday
                "0 9 * * 1-5",
                "2027-01-01T00:00:00Z",
                &[
                    "2027-01-01T09:00:00+01:00",
                    "2027-01-04T09:00:00+01:00",
                    "2027-01-05T09:00:00+01:00",
                    "2027-01-06T09:00:00+01:00",
                    "2027-01-07T09:00:00+01:00",
                    "2027-01-08T09:00:00+01:00",
                    "2027-01-11T09:00:00+01:00",
                ],
            ),
            (
                // POSIX OR: the 1st and 15th, and every Friday
                "0 9 1,15 * 5",
                "2027-01-01T00:00:00Z",
                &[
                    "2027-01-01T09:00:00+01:00",
                    "2027-01-08T09:00:00+01:00",
                    "2027-01-15T09:00:00+01:00",
                    "2027-01-22T09:00:00+01:00",
                    "2027-01-29T09:00:00+01:00",
                    "2027-02-01T09:00:00+01:00",
                    "2027-02-05T09:00:00+01:00",
                ],
            ),
            (
                "0 9 * * 7",
                "2027-01-01T00:00:00Z",
                &["2027-01-03T09:00:00+01:00", "2027-01-10T09:00:00+01:00"],
            ),
            (
                "0 9 * * 0",
                "2027-01-01T00:00:00Z",
                &["2027-01-03T09:00:00+01:00", "2027-01-10T09:00:00+01:00"],
            ),
            (
                "0 9 * * SUN",
                "2027-01-01T00:00:00Z",
                &["2027-01-03T09:00:00+01:00"],
            ),
            (
                "0 9 * * 2",
                "2027-03-20T00:00:00Z",
                &["2027-03-23T09:00:00+01:00", "2027-03-30T09:00:00+02:00"],
            ),
            (
                "30 13 * jan,jul mon",
                "2027-01-20T00:00:00Z",
                &["2027-01-25T13:30:00+01:00", "2027-07-05T13:30:00+02:00"],
            ),
            (
                // Vixie: `*/2` counts as unrestricted → AND: odd days that are Mondays
                "0 9 */2 * 1",
                "2027-01-01T00:00:00Z",
                &["2027-01-11T09:00:00+01:00", "2027-01-25T09:00:00+01:00"],
            ),
            (
                "*/20 8-9 * * 5-7",
                "2027-01-01T07:30:00Z",
                &[
                    "2027-01-01T08:40:00+01:00",
                    "2027-01-01T09:00:00+01:00",
                    "2027-01-01T09:20:00+01:00",
                    "2027-01-01T09:40:00+01:00",
                    "2027-01-02T08:00:00+01:00",
                ],
            ),
            (
                // `a/n` = `a-7/n`: Mon, Wed, Fri, Sun (7)
                "0 9 * * 1/2",
                "2027-01-01T00:00:00Z",
                &[
                    "2027-01-01T09:00:00+01:00",
                    "2027-01-03T09:00:00+01:00",
                    "2027-01-04T09:00:00+01:00",
                    "2027-01-06T09:00:00+01:00",
                ],
            ),
            ("0 9 31 2 *", "2027-01-01T00:00:00Z", &[]),
            ("0 9 30 2 *", "2027-01-01T00:00:00Z", &[]),
        ];
        for (spec, after, want) in table {
            let n = if want.is_empty() { 3 } else { want.len() };
            assert_eq!(occ(spec, after, n, false), *want, "{spec}");
        }
    }
}
