//! School holidays (*skoleferier*) as the municipality has set them up, for the year at a
//! glance (`/plan`, `sltbot plan`).
//!
//! School holidays are not national: each municipality or county decides them, and the
//! weeks differ (høstferie in week 40 in Oslo and Viken, week 41 in much of the rest of the
//! country; vinterferie in week 8 or 9). So they are configured (`[school_holidays]` in
//! `config/default.toml`, overridable in `config/local.toml` or `SLTBOT_SCHOOL_HOLIDAYS__*`),
//! with the common pattern as the default:
//!
//! - **vinterferie**: ISO week 8 (`winter_week`, `0` for none);
//! - **påskeferie**: Monday of Holy Week to Easter Monday (`easter`);
//! - **sommerferie**: 20 June to 15 August (`summer`, `"MM-DD..MM-DD"`, empty for none);
//! - **høstferie**: ISO week 40 (`autumn_week`, `0` for none);
//! - **juleferie**: 21 December to 2 January (`christmas`, `"MM-DD..MM-DD"`, running into the
//!   next year when the end comes before the start);
//! - **extra** days or periods (`extra`, a list of `"YYYY-MM-DD"` or `"YYYY-MM-DD..YYYY-MM-DD"`),
//!   e.g. a planning day or a municipality's own week.
//!
//! Nothing here knows about config files: [`SchoolHolidays::parse`] takes the values as text.

use super::holidays::easter_sunday;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Which school holiday a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchoolHolidayKind {
    Winter,
    Easter,
    Summer,
    Autumn,
    Christmas,
    Extra,
}

/// One school holiday period, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchoolHoliday {
    pub kind: SchoolHolidayKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl SchoolHoliday {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// A month and day (`06-20`), the same every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    fn parse(s: &str) -> Option<MonthDay> {
        let (m, d) = s.trim().split_once('-')?;
        let (month, day) = (m.trim().parse().ok()?, d.trim().parse().ok()?);
        // 2024 is a leap year: 02-29 is allowed (and falls back to 28 in other years).
        NaiveDate::from_ymd_opt(2024, month, day)?;
        Some(MonthDay { month, day })
    }

    fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
    }
}

/// The configured rules; [`Default`] is the common Norwegian pattern described above.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolHolidays {
    pub winter_week: Option<u32>,
    pub easter: bool,
    pub summer: Option<(MonthDay, MonthDay)>,
    pub autumn_week: Option<u32>,
    pub christmas: Option<(MonthDay, MonthDay)>,
    pub extra: Vec<(NaiveDate, NaiveDate)>,
}

impl Default for SchoolHolidays {
    fn default() -> Self {
        let md = |month, day| MonthDay { month, day };
        SchoolHolidays {
            winter_week: Some(8),
            easter: true,
            summer: Some((md(6, 20), md(8, 15))),
            autumn_week: Some(40),
            christmas: Some((md(12, 21), md(1, 2))),
            extra: Vec::new(),
        }
    }
}

/// A configured value sltbot cannot read: which setting.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("school_holidays.{setting}: cannot read this value")]
pub struct SchoolHolidayError {
    pub setting: &'static str,
}

fn week(setting: &'static str, w: u32) -> Result<Option<u32>, SchoolHolidayError> {
    match w {
        0 => Ok(None),
        1..=53 => Ok(Some(w)),
        _ => Err(SchoolHolidayError { setting }),
    }
}

fn span(
    setting: &'static str,
    s: &str,
) -> Result<Option<(MonthDay, MonthDay)>, SchoolHolidayError> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    let err = || SchoolHolidayError { setting };
    let (a, b) = s.split_once("..").ok_or_else(err)?;
    Ok(Some((
        MonthDay::parse(a).ok_or_else(err)?,
        MonthDay::parse(b).ok_or_else(err)?,
    )))
}

fn date_span(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let day = |t: &str| NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok();
    let (from, to) = match s.split_once("..") {
        Some((a, b)) => (day(a)?, day(b)?),
        None => (day(s)?, day(s)?),
    };
    (from <= to).then_some((from, to))
}

impl SchoolHolidays {
    /// The rules from their configured text (see the module documentation for the forms).
    pub fn parse(
        winter_week: u32,
        easter: bool,
        summer: &str,
        autumn_week: u32,
        christmas: &str,
        extra: &[String],
    ) -> Result<SchoolHolidays, SchoolHolidayError> {
        Ok(SchoolHolidays {
            winter_week: week("winter_week", winter_week)?,
            easter,
            summer: span("summer", summer)?,
            autumn_week: week("autumn_week", autumn_week)?,
            christmas: span("christmas", christmas)?,
            extra: extra
                .iter()
                .map(|e| date_span(e).ok_or(SchoolHolidayError { setting: "extra" }))
                .collect::<Result<_, _>>()?,
        })
    }

    /// Every period that touches `year` (a juleferie starting the year before included),
    /// sorted by start; ends are not clipped to the year.
    pub fn periods(&self, year: i32) -> Vec<SchoolHoliday> {
        let mut out = Vec::new();
        let mut push = |kind, from: Option<NaiveDate>, to: Option<NaiveDate>| {
            if let (Some(from), Some(to)) = (from, to) {
                if from <= to && from.year() <= year && to.year() >= year {
                    out.push(SchoolHoliday { kind, from, to });
                }
            }
        };
        let iso_week = |w: u32| {
            let monday = NaiveDate::from_isoywd_opt(year, w, Weekday::Mon);
            (monday, monday.map(|m| m + Duration::days(6)))
        };
        if let Some(w) = self.winter_week {
            let (a, b) = iso_week(w);
            push(SchoolHolidayKind::Winter, a, b);
        }
        if self.easter {
            let easter = easter_sunday(year);
            push(
                SchoolHolidayKind::Easter,
                easter.map(|e| e - Duration::days(6)),
                easter.map(|e| e + Duration::days(1)),
            );
        }
        if let Some((a, b)) = self.summer {
            push(SchoolHolidayKind::Summer, a.in_year(year), b.in_year(year));
        }
        if let Some(w) = self.autumn_week {
            let (a, b) = iso_week(w);
            push(SchoolHolidayKind::Autumn, a, b);
        }
        if let Some((a, b)) = self.christmas {
            let wraps = (b.month, b.day) < (a.month, a.day);
            for start_year in [year - 1, year] {
                let end_year = if wraps { start_year + 1 } else { start_year };
                push(
                    SchoolHolidayKind::Christmas,
                    a.in_year(start_year),
                    b.in_year(end_year),
                );
            }
        }
        for &(a, b) in &self.extra {
            push(SchoolHolidayKind::Extra, Some(a), Some(b));
        }
        out.sort_by_key(|p| (p.from, p.to));
        out
    }

    /// Whether `d` falls in a school holiday.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.periods(d.year()).iter().any(|p| p.contains(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_default_pattern_for_2027() {
        let p = SchoolHolidays::default().periods(2027);
        let find = |k| p.iter().filter(move |h: &&SchoolHoliday| h.kind == k);
        let winter: Vec<_> = find(SchoolHolidayKind::Winter).collect();
        assert_eq!(
            (winter[0].from, winter[0].to),
            (d(2027, 2, 22), d(2027, 2, 28))
        );
        // Easter Sunday 2027 is 28 March.
        let easter: Vec<_> = find(SchoolHolidayKind::Easter).collect();
        assert_eq!(
            (easter[0].from, easter[0].to),
            (d(2027, 3, 22), d(2027, 3, 29))
        );
        let autumn: Vec<_> = find(SchoolHolidayKind::Autumn).collect();
        assert_eq!(
            (autumn[0].from, autumn[0].to),
            (d(2027, 10, 4), d(2027, 10, 10))
        );
        // Juleferie from the year before reaches into January, and this year's into the next.
        let christmas: Vec<_> = find(SchoolHolidayKind::Christmas).collect();
        assert_eq!(christmas.len(), 2);
        assert_eq!(
            (christmas[0].from, christmas[0].to),
            (d(2026, 12, 21), d(2027, 1, 2))
        );
        assert_eq!(
            (christmas[1].from, christmas[1].to),
            (d(2027, 12, 21), d(2028, 1, 2))
        );
        assert!(SchoolHolidays::default().contains(d(2027, 7, 1)));
        assert!(!SchoolHolidays::default().contains(d(2027, 5, 17)));
    }

    #[test]
    fn configured_values_are_read_or_refused() {
        let s = SchoolHolidays::parse(
            9,
            false,
            "06-22..08-17",
            41,
            "",
            &["2027-05-14".into(), "2027-11-01..2027-11-02".into()],
        )
        .unwrap();
        assert_eq!(s.winter_week, Some(9));
        assert_eq!(s.christmas, None);
        let p = s.periods(2027);
        assert!(p.iter().all(|h| h.kind != SchoolHolidayKind::Easter));
        assert!(p
            .iter()
            .any(|h| h.kind == SchoolHolidayKind::Extra && h.from == d(2027, 5, 14)));
        assert!(s.contains(d(2027, 11, 2)));
        assert_eq!(
            SchoolHolidays::parse(60, true, "", 0, "", &[])
                .unwrap_err()
                .setting,
            "winter_week"
        );
        assert_eq!(
            SchoolHolidays::parse(8, true, "06-31..08-15", 0, "", &[])
                .unwrap_err()
                .setting,
            "summer"
        );
        assert_eq!(
            SchoolHolidays::parse(8, true, "", 0, "", &["2027-13-01".into()])
                .unwrap_err()
                .setting,
            "extra"
        );
    }
}
