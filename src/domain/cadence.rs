//! Meeting cadences: when a group meets, evaluated in a time zone, correct across DST.
//!
//! One [`Cadence`] type accepts three spellings, told apart by [`Cadence::parse`]:
//!
//! 1. **RFC 5545 text** (anything starting with `DTSTART`, `RRULE:` or `FREQ=`): a `DTSTART`
//!    content line and an `RRULE` content line, separated by a newline *or any whitespace* (a
//!    Discord option cannot hold a newline):
//!    `DTSTART;TZID=Europe/Oslo:20270105T090000` `RRULE:FREQ=WEEKLY;INTERVAL=4;BYDAY=TU`.
//!    This is also the storage form ([`Cadence::to_storage`]) of presets and RRULEs.
//! 2. **Standard 5-field cron** (first token starts with a digit or `*`): `0 9 * * 2`.
//! 3. **Presets**, a short human text from a chat command (anything else), see the grammar below,
//!    or built typed with [`Preset`] and [`Cadence::from_preset`].
//!
//! # Preset grammar
//!
//! Case-insensitive, words separated by spaces (commas are ignored). A *head* picks the kind,
//! then the other clauses follow **in any order**:
//!
//! ```text
//! preset   = head clause*
//! head     = "weekly" | "ukentlig" | "ukentleg" | "vekentleg"
//!          | ("every" | "hver" | "kvar") ("week" | "uke" | "veke")                   -- weekly
//!          | ("every" | "hver" | "kvar") N ["."] ("weeks" | "week" | "uke" | "uker" | "veke" | "veker")
//!          | "every other week" | "annenhver uke" | "annakvar veke"                  -- N = 2
//!          | "monthly" | "månedlig" | "månedleg" | "månadleg"
//!          | ("every" | "hver" | "kvar") ("month" | "måned" | "månad")
//!          | "quarterly" | "kvartalsvis" | ("every" | "hvert" | "kvart") ("quarter" | "kvartal")
//! clause   = weekday | time | ordinal | from | filler
//! weekday  = mon monday man mandag måndag | tue tues tuesday tir tirs tirsdag tys tysdag
//!          | wed wednesday ons onsdag | thu thur thurs thursday tor tors torsdag
//!          | fri friday fre fredag | sat saturday lør lørdag lau laur laurdag
//!          | sun sunday søn søndag sundag
//! time     = H:MM | HH:MM | H.MM | HH.MM        (24 h; "kl.09.00" also works)
//! ordinal  = first 1st 1. første fyrste | second 2nd 2. andre | third 3rd 3. tredje
//!          | fourth 4th 4. fjerde | last siste            (monthly and quarterly only)
//! from     = ("from" | "fra" | "frå" | "starting" | "start") (DATE | MONTH)
//!            DATE = YYYY-MM-DD or DD.MM.YYYY: the first meeting is the first match on or after it
//!            MONTH (quarterly only, e.g. "feb", "februar"): quarters start in that month
//! filler   = on the at of kl kl. klokka klokken på den om      (ignored)
//! ```
//!
//! N for "every N weeks" is 1..=52. A weekday and a time are required; an ordinal is required
//! for monthly and quarterly. Examples: `weekly tue 09:00`,
//! `every 4 weeks tue 09:00 from 2027-01-05`, `monthly first tue 09:00`,
//! `monthly last thu 13:30`, `quarterly first tue 09:00`, `quarterly last thu 10:00 from feb`,
//! `hver 4. uke tirsdag kl. 09.00 fra 2027-01-05`, `månedlig siste torsdag kl. 13.30`,
//! `kvar 2. veke tysdag kl. 10.00`.
//!
//! Presets become RRULEs: weekly → `FREQ=WEEKLY;INTERVAL=N;BYDAY=TU`; monthly →
//! `FREQ=MONTHLY;BYDAY=1TU` (`-1TH` for last); quarterly → `FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1TU`
//! (months shifted by the start month). `DTSTART` is the first matching day on or after the
//! `from` date, else on or after the anchor (the local date of `now` in [`Cadence::parse`]).
//! Without `from`, an "every N weeks" series is therefore phased from the anchor's week.
//!
//! # RRULE subset
//!
//! `FREQ` = `DAILY` | `WEEKLY` | `MONTHLY` | `YEARLY` (`HOURLY`… are refused as unsupported);
//! `INTERVAL` (≥ 1; at most 3660 days / 520 weeks / 120 months / 10 years); `COUNT` (1..=10000);
//! `UNTIL` (date, local date-time or UTC `…Z`; not together with `COUNT`); `BYDAY` with
//! ordinals (`1TU`, `-1TH`; ordinals only with MONTHLY/YEARLY, within the month when
//! `FREQ=MONTHLY` or `BYMONTH` is given, else within the year); `BYMONTHDAY` (±1..=31, not with
//! WEEKLY); `BYMONTH`; `BYSETPOS` (needs another BY part); `WKST`. Expansion follows RFC 5545 /
//! python-dateutil: the time of day is always DTSTART's (`BYHOUR`, `BYMINUTE`, `BYSECOND`,
//! `BYWEEKNO`, `BYYEARDAY` are refused as unsupported); invalid dates (31 Feb) are skipped;
//! a DTSTART that does not match the rule is *not* itself an occurrence (the RFC leaves this
//! undefined; dateutil behaves the same); `COUNT` counts occurrences from DTSTART on.
//!
//! `DTSTART;TZID=Area/City:…` expands in that zone; floating `DTSTART:…` (no zone) expands in
//! the cadence's zone and is stored with `TZID=` of that zone; UTC `DTSTART:…Z` expands in UTC,
//! as RFC 5545 says, so its local clock time moves with DST — use a TZID for wall-clock
//! meetings. DTSTART and UNTIL years must be 1900..=2999.
//!
//! # Cron
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
//!
//! # Time zones and DST
//!
//! Occurrences are computed as local wall-clock times of the rule's zone and then placed on the
//! time line, so a 09:00 meeting stays at 09:00 local all year. A local time that does not exist
//! (spring gap: 02:30 on the last Sunday of March in Europe/Oslo) is interpreted with the UTC
//! offset before the gap (RFC 5545 §3.3.5), i.e. 03:30 CEST, and still counts as an
//! occurrence — a meeting must not silently vanish (§3.3.10 would drop it). A local time that
//! occurs twice (autumn) means the **first** (earlier, CEST) instance only. Two local times that
//! land on the same instant are reported once; the output is always strictly increasing.
//!
//! # Holidays and bounds
//!
//! With `skip_holidays`, occurrences whose local date (in the cadence zone) is a Norwegian public
//! holiday ([`super::holidays`]) are dropped, not moved; they still count for `COUNT`.
//! Searches are bounded: a search gives up when no (non-skipped) occurrence is found within
//! about 11 years of the previous one, at the year 9999, and at [`MAX_LIMIT`] results per call,
//! so `0 9 31 2 *` yields an empty list instead of hanging. The work of one search is capped
//! too: an RRULE search stops after examining [`MAX_SCAN_DAYS`] candidate days (a daily
//! period costs 1, a weekly 7, a monthly 31, a yearly 366), so a rare rule such as
//! `FREQ=DAILY;BYMONTHDAY=31;BYDAY=MO` or `FREQ=YEARLY;BYDAY=…;BYSETPOS=-1` asked for
//! thousands of occurrences returns the ones found within that budget (about 270 years of
//! days) instead of scanning to the year 9999. Found by fuzzing (see `fuzz/README.md`).

use std::fmt;

use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, SecondsFormat,
    TimeDelta, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::holidays;

/// Most occurrences one call of [`Cadence::occurrences_after`] returns.
pub const MAX_LIMIT: usize = 10_000;
/// Largest accepted `COUNT`.
pub const MAX_COUNT: u32 = 10_000;
/// Most candidate days one RRULE search examines (see the module docs, "Holidays and bounds").
pub const MAX_SCAN_DAYS: u32 = 100_000;
/// Give up when nothing is found within this many days (~11 years) of the previous result.
const HORIZON_DAYS: i64 = 4018;
/// Margin covering any UTC-offset difference, so local-time ordering can be restored.
const SETTLE_HOURS: i64 = 27;
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2999;
const EVAL_END_YEAR: i32 = 9999;
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/// Which week of the month (or of the quarter's first month) a preset meets in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ordinal {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

impl Ordinal {
    fn rrule_value(self) -> i8 {
        match self {
            Ordinal::First => 1,
            Ordinal::Second => 2,
            Ordinal::Third => 3,
            Ordinal::Fourth => 4,
            Ordinal::Last => -1,
        }
    }
}

/// How often a preset repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Repeat {
    /// Every `interval` weeks (1 = weekly), 1..=52.
    Weekly { interval: u32 },
    /// Monthly on the n-th or last weekday.
    Monthly { ordinal: Ordinal },
    /// On the n-th or last weekday of the first month of each quarter. Quarters start in
    /// January unless `start_month` (1..=12) says otherwise.
    Quarterly {
        ordinal: Ordinal,
        start_month: Option<u32>,
    },
}

/// A cadence chosen from simple options (slash-command choices or the preset text grammar).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Preset {
    pub repeat: Repeat,
    pub weekday: Weekday,
    pub time: NaiveTime,
    /// First meeting on or after this date (else on or after the anchor).
    pub from: Option<NaiveDate>,
}

/// Which spelling a cadence was given in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CadenceKind {
    /// RFC 5545 DTSTART + RRULE (also what presets become).
    Rrule,
    /// 5-field cron.
    Cron,
}

/// A cron field, for error reporting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CronField {
    Minute,
    Hour,
    DayOfMonth,
    Month,
    DayOfWeek,
}

impl CronField {
    const ALL: [CronField; 5] = [
        CronField::Minute,
        CronField::Hour,
        CronField::DayOfMonth,
        CronField::Month,
        CronField::DayOfWeek,
    ];

    /// Stable id for Fluent selectors: `minute`, `hour`, `day-of-month`, `month`, `day-of-week`.
    pub fn id(&self) -> &'static str {
        match self {
            CronField::Minute => "minute",
            CronField::Hour => "hour",
            CronField::DayOfMonth => "day-of-month",
            CronField::Month => "month",
            CronField::DayOfWeek => "day-of-week",
        }
    }

    /// 1-based position in the expression.
    pub fn position(&self) -> usize {
        match self {
            CronField::Minute => 1,
            CronField::Hour => 2,
            CronField::DayOfMonth => 3,
            CronField::Month => 4,
            CronField::DayOfWeek => 5,
        }
    }

    fn range(&self) -> (u32, u32) {
        match self {
            CronField::Minute => (0, 59),
            CronField::Hour => (0, 23),
            CronField::DayOfMonth => (1, 31),
            CronField::Month => (1, 12),
            CronField::DayOfWeek => (0, 7),
        }
    }
}

/// A part of a preset that is missing or given twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PresetPart {
    Weekday,
    Time,
    Ordinal,
    From,
}

impl PresetPart {
    /// Stable id for Fluent selectors: `weekday`, `time`, `ordinal`, `from`.
    pub fn id(&self) -> &'static str {
        match self {
            PresetPart::Weekday => "weekday",
            PresetPart::Time => "time",
            PresetPart::Ordinal => "ordinal",
            PresetPart::From => "from",
        }
    }
}

/// Why a cadence could not be understood. Show it with [`CadenceError::fluent_key`] and
/// [`CadenceError::args`]; the `Display` text is for logs only.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CadenceError {
    #[error("empty cadence")]
    Empty,
    #[error("not a preset, RRULE or cron expression (starts with {word:?})")]
    Unrecognized { word: String },
    #[error("unexpected word {word:?} at position {position}")]
    UnexpectedWord { word: String, position: usize },
    #[error("preset is missing its {}", part.id())]
    MissingPart { part: PresetPart },
    #[error("preset gives its {} twice", part.id())]
    DuplicatePart { part: PresetPart },
    #[error("invalid time {text:?} (expected HH:MM)")]
    InvalidTime { text: String },
    #[error("invalid date {text:?} (expected YYYY-MM-DD)")]
    InvalidDate { text: String },
    #[error("interval {value} out of range {min}..={max}")]
    IntervalOutOfRange { value: u64, min: u32, max: u32 },
    #[error("the cadence never produces a meeting")]
    NeverOccurs,
    #[error("cron needs 5 fields, found {found}")]
    CronFieldCount { found: usize },
    #[error("cron field {} (position {}) is invalid: {text:?}", field.id(), field.position())]
    CronInvalidField { field: CronField, text: String },
    #[error("cron field {} value {value:?} out of range {min}..={max}", field.id())]
    CronValueOutOfRange {
        field: CronField,
        value: String,
        min: u32,
        max: u32,
    },
    #[error("RRULE text has no DTSTART")]
    MissingDtstart,
    #[error("RRULE text has no RRULE line")]
    MissingRrule,
    #[error("invalid DTSTART {text:?}")]
    InvalidDtstart { text: String },
    #[error("unknown time zone {tzid:?}")]
    UnknownTimezone { tzid: String },
    #[error("unexpected content line {line}: {text:?}")]
    UnexpectedLine { line: usize, text: String },
    #[error("RRULE has no FREQ")]
    MissingFreq,
    #[error("unknown FREQ {value:?}")]
    UnknownFreq { value: String },
    #[error("unsupported FREQ {value:?}")]
    UnsupportedFreq { value: String },
    #[error("unknown RRULE part {name:?}")]
    UnknownRulePart { name: String },
    #[error("unsupported RRULE part {name:?}")]
    UnsupportedRulePart { name: String },
    #[error("RRULE part {name:?} given twice")]
    DuplicateRulePart { name: String },
    #[error("invalid value {value:?} for RRULE part {name}")]
    InvalidRuleValue { name: String, value: String },
    #[error("COUNT {value} out of range 1..={max}")]
    CountOutOfRange { value: String, max: u32 },
    #[error("COUNT and UNTIL cannot both be given")]
    CountAndUntil,
    #[error("RRULE part {name} cannot be used with FREQ={freq}")]
    InvalidCombination { name: String, freq: String },
}

impl CadenceError {
    /// Stable Fluent message id.
    pub fn fluent_key(&self) -> &'static str {
        match self {
            CadenceError::Empty => "cadence-error-empty",
            CadenceError::Unrecognized { .. } => "cadence-error-unrecognized",
            CadenceError::UnexpectedWord { .. } => "cadence-error-unexpected-word",
            CadenceError::MissingPart { .. } => "cadence-error-missing-part",
            CadenceError::DuplicatePart { .. } => "cadence-error-duplicate-part",
            CadenceError::InvalidTime { .. } => "cadence-error-invalid-time",
            CadenceError::InvalidDate { .. } => "cadence-error-invalid-date",
            CadenceError::IntervalOutOfRange { .. } => "cadence-error-interval-out-of-range",
            CadenceError::NeverOccurs => "cadence-error-never-occurs",
            CadenceError::CronFieldCount { .. } => "cadence-error-cron-field-count",
            CadenceError::CronInvalidField { .. } => "cadence-error-cron-invalid-field",
            CadenceError::CronValueOutOfRange { .. } => "cadence-error-cron-value-out-of-range",
            CadenceError::MissingDtstart => "cadence-error-missing-dtstart",
            CadenceError::MissingRrule => "cadence-error-missing-rrule",
            CadenceError::InvalidDtstart { .. } => "cadence-error-invalid-dtstart",
            CadenceError::UnknownTimezone { .. } => "cadence-error-unknown-timezone",
            CadenceError::UnexpectedLine { .. } => "cadence-error-unexpected-line",
            CadenceError::MissingFreq => "cadence-error-missing-freq",
            CadenceError::UnknownFreq { .. } => "cadence-error-unknown-freq",
            CadenceError::UnsupportedFreq { .. } => "cadence-error-unsupported-freq",
            CadenceError::UnknownRulePart { .. } => "cadence-error-unknown-rule-part",
            CadenceError::UnsupportedRulePart { .. } => "cadence-error-unsupported-rule-part",
            CadenceError::DuplicateRulePart { .. } => "cadence-error-duplicate-rule-part",
            CadenceError::InvalidRuleValue { .. } => "cadence-error-invalid-rule-value",
            CadenceError::CountOutOfRange { .. } => "cadence-error-count-out-of-range",
            CadenceError::CountAndUntil => "cadence-error-count-and-until",
            CadenceError::InvalidCombination { .. } => "cadence-error-invalid-combination",
        }
    }

    /// Fluent arguments (name, value) for [`CadenceError::fluent_key`].
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            CadenceError::Empty
            | CadenceError::NeverOccurs
            | CadenceError::MissingDtstart
            | CadenceError::MissingRrule
            | CadenceError::MissingFreq
            | CadenceError::CountAndUntil => vec![],
            CadenceError::Unrecognized { word } => vec![("word", word.clone())],
            CadenceError::UnexpectedWord { word, position } => {
                vec![("word", word.clone()), ("position", position.to_string())]
            }
            CadenceError::MissingPart { part } | CadenceError::DuplicatePart { part } => {
                vec![("part", part.id().to_string())]
            }
            CadenceError::InvalidTime { text }
            | CadenceError::InvalidDate { text }
            | CadenceError::InvalidDtstart { text } => vec![("text", text.clone())],
            CadenceError::IntervalOutOfRange { value, min, max } => vec![
                ("value", value.to_string()),
                ("min", min.to_string()),
                ("max", max.to_string()),
            ],
            CadenceError::CronFieldCount { found } => vec![("found", found.to_string())],
            CadenceError::CronInvalidField { field, text } => vec![
                ("field", field.id().to_string()),
                ("position", field.position().to_string()),
                ("text", text.clone()),
            ],
            CadenceError::CronValueOutOfRange {
                field,
                value,
                min,
                max,
            } => vec![
                ("field", field.id().to_string()),
                ("position", field.position().to_string()),
                ("value", value.clone()),
                ("min", min.to_string()),
                ("max", max.to_string()),
            ],
            CadenceError::UnknownTimezone { tzid } => vec![("tzid", tzid.clone())],
            CadenceError::UnexpectedLine { line, text } => {
                vec![("line", line.to_string()), ("text", text.clone())]
            }
            CadenceError::UnknownFreq { value } | CadenceError::UnsupportedFreq { value } => {
                vec![("value", value.clone())]
            }
            CadenceError::UnknownRulePart { name }
            | CadenceError::UnsupportedRulePart { name }
            | CadenceError::DuplicateRulePart { name } => vec![("name", name.clone())],
            CadenceError::InvalidRuleValue { name, value } => {
                vec![("name", name.clone()), ("value", value.clone())]
            }
            CadenceError::CountOutOfRange { value, max } => {
                vec![("value", value.clone()), ("max", max.to_string())]
            }
            CadenceError::InvalidCombination { name, freq } => {
                vec![("name", name.clone()), ("freq", freq.clone())]
            }
        }
    }
}

/// A parsed, validated cadence in a time zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Cadence {
    tz: Tz,
    spec: Spec,
}

#[derive(Clone, Debug, PartialEq)]
enum Spec {
    Rrule(Recurrence),
    Cron(CronSpec),
}

// ---------------------------------------------------------------------------------------------
// Cadence
// ---------------------------------------------------------------------------------------------

impl Cadence {
    /// Parses preset text, RFC 5545 text or 5-field cron (see the module docs). `now` anchors
    /// presets without a `from` date (their first meeting is on or after `now`'s local date).
    pub fn parse(spec: &str, tz: Tz, now: DateTime<Utc>) -> Result<Cadence, CadenceError> {
        let trimmed = spec.trim();
        let first = trimmed
            .split_whitespace()
            .next()
            .ok_or(CadenceError::Empty)?;
        let upper = first.to_ascii_uppercase();
        if upper.starts_with("DTSTART") || upper.starts_with("RRULE") || upper.starts_with("FREQ=")
        {
            let rec = parse_rfc5545(trimmed, tz)?;
            return Ok(Cadence {
                tz,
                spec: Spec::Rrule(rec),
            });
        }
        if first.starts_with(|c: char| c.is_ascii_digit() || c == '*') {
            let cron = CronSpec::parse(trimmed)?;
            return Ok(Cadence {
                tz,
                spec: Spec::Cron(cron),
            });
        }
        let preset = Preset::parse(trimmed)?;
        let anchor = now.with_timezone(&tz).date_naive();
        Cadence::from_preset(&preset, tz, anchor)
    }

    /// Builds the RRULE for a preset; DTSTART is the first match on or after `p.from`, else on
    /// or after `anchor`.
    pub fn from_preset(p: &Preset, tz: Tz, anchor: NaiveDate) -> Result<Cadence, CadenceError> {
        let start = p.from.unwrap_or(anchor);
        if !(MIN_YEAR..=MAX_YEAR).contains(&start.year()) {
            return Err(CadenceError::InvalidDate {
                text: start.to_string(),
            });
        }
        let mut rule = Rule::new(Freq::Weekly);
        match p.repeat {
            Repeat::Weekly { interval } => {
                if !(1..=52).contains(&interval) {
                    return Err(CadenceError::IntervalOutOfRange {
                        value: u64::from(interval),
                        min: 1,
                        max: 52,
                    });
                }
                rule.interval = interval;
                rule.byday = vec![(0, p.weekday)];
                // First `weekday` on or after `start`: the series is phased from there.
                let ahead = (7 + p.weekday.num_days_from_monday()
                    - start.weekday().num_days_from_monday())
                    % 7;
                let first = start
                    .checked_add_signed(TimeDelta::days(i64::from(ahead)))
                    .ok_or(CadenceError::NeverOccurs)?;
                let rec = Recurrence {
                    dtstart: first.and_time(p.time),
                    zone: Zone::Named(tz),
                    rule,
                };
                return Ok(Cadence {
                    tz,
                    spec: Spec::Rrule(rec),
                });
            }
            Repeat::Monthly { ordinal } => {
                rule.freq = Freq::Monthly;
                rule.byday = vec![(ordinal.rrule_value(), p.weekday)];
            }
            Repeat::Quarterly {
                ordinal,
                start_month,
            } => {
                let m = start_month.unwrap_or(1);
                if !(1..=12).contains(&m) {
                    return Err(CadenceError::InvalidRuleValue {
                        name: "BYMONTH".to_string(),
                        value: m.to_string(),
                    });
                }
                rule.freq = Freq::Yearly;
                let mut months: Vec<u32> = (0..4).map(|q| (m - 1 + 3 * q) % 12 + 1).collect();
                months.sort_unstable();
                rule.bymonth = months;
                rule.byday = vec![(ordinal.rrule_value(), p.weekday)];
            }
        }
        // Synchronise DTSTART with the rule: the first occurrence on or after `start`.
        let provisional = Recurrence {
            dtstart: start.and_time(p.time),
            zone: Zone::Named(tz),
            rule,
        };
        let first = provisional
            .naive_iter(provisional.dtstart)
            .next()
            .ok_or(CadenceError::NeverOccurs)?;
        let rec = Recurrence {
            dtstart: first,
            ..provisional
        };
        Ok(Cadence {
            tz,
            spec: Spec::Rrule(rec),
        })
    }

    /// Canonical text: `DTSTART;TZID=…:…` + `\n` + `RRULE:…` for presets and RRULEs, the
    /// normalised 5-field expression for cron. `Cadence::parse(&c.to_storage(), c.tz(), _)`
    /// gives back an equal cadence.
    pub fn to_storage(&self) -> String {
        match &self.spec {
            Spec::Rrule(r) => r.render(),
            Spec::Cron(c) => c.text.clone(),
        }
    }

    /// The zone occurrences are reported in (the workspace zone given to `parse`).
    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// Which spelling this cadence came from.
    pub fn kind(&self) -> CadenceKind {
        match self.spec {
            Spec::Rrule(_) => CadenceKind::Rrule,
            Spec::Cron(_) => CadenceKind::Cron,
        }
    }

    /// The first `limit` occurrences strictly after `after`, fewer if the rule ends or nothing is
    /// found within the search bounds; strictly increasing. `limit` is capped at [`MAX_LIMIT`].
    pub fn occurrences_after(
        &self,
        after: DateTime<Utc>,
        limit: usize,
        skip_holidays: bool,
    ) -> Vec<DateTime<Tz>> {
        let limit = limit.min(MAX_LIMIT);
        if limit == 0 {
            return Vec::new();
        }
        // Clamp `after` to years where chrono can shift by any offset without overflow.
        if after.year() >= EVAL_END_YEAR {
            return Vec::new();
        }
        let floor = NaiveDate::from_ymd_opt(1800, 1, 1)
            .unwrap_or(NaiveDate::MIN)
            .and_time(NaiveTime::MIN);
        let after = after.max(Utc.from_utc_datetime(&floor));
        let zone = self.eval_zone();
        let after_local = after.with_timezone(&zone).naive_local();
        let settle = TimeDelta::hours(SETTLE_HOURS);
        let start = after_local
            .checked_sub_signed(settle)
            .unwrap_or(floor)
            .max(floor);
        let candidates: Box<dyn Iterator<Item = NaiveDateTime> + '_> = match &self.spec {
            Spec::Rrule(r) => Box::new(r.naive_iter(start)),
            Spec::Cron(c) => Box::new(c.naive_iter(start)),
        };
        let mut found: Vec<DateTime<Tz>> = Vec::new();
        // Where the horizon is measured from: no candidate can precede the rule's start.
        let earliest = match &self.spec {
            Spec::Rrule(r) => r.dtstart,
            Spec::Cron(_) => NaiveDate::from_ymd_opt(1970, 1, 1)
                .unwrap_or(NaiveDate::MIN)
                .and_time(NaiveTime::MIN),
        };
        let mut progress = start.max(earliest);
        let mut settle_until: Option<NaiveDateTime> = None;
        for n in candidates {
            if settle_until.is_some_and(|s| n > s) {
                break;
            }
            if n.signed_duration_since(progress).num_days() > HORIZON_DAYS
                || n.year() > EVAL_END_YEAR
            {
                break;
            }
            let Some(t) = resolve_local(zone, n) else {
                continue;
            };
            if t.with_timezone(&Utc) <= after {
                continue;
            }
            let local = t.with_timezone(&self.tz);
            if skip_holidays && holidays::is_holiday(local.date_naive()) {
                continue;
            }
            progress = n;
            found.push(local);
            if found.len() >= limit && settle_until.is_none() {
                match n.checked_add_signed(settle) {
                    Some(s) => settle_until = Some(s),
                    None => break,
                }
            }
        }
        found.sort();
        found.dedup();
        found.truncate(limit);
        found
    }

    /// The first occurrence strictly after `after`.
    pub fn next_after(&self, after: DateTime<Utc>, skip_holidays: bool) -> Option<DateTime<Tz>> {
        self.occurrences_after(after, 1, skip_holidays)
            .into_iter()
            .next()
    }

    /// The zone local candidate times are generated in.
    fn eval_zone(&self) -> Tz {
        match &self.spec {
            Spec::Rrule(r) => match r.zone {
                Zone::Utc => Tz::UTC,
                Zone::Named(z) => z,
            },
            Spec::Cron(_) => self.tz,
        }
    }
}

/// `2027-01-05T09:00:00+01:00`: RFC 3339, whole seconds, numeric offset (never `Z`). The line
/// format of `sltbot occurrences`.
pub fn format_occurrence(dt: &DateTime<Tz>) -> String {
    dt.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Places a local wall-clock time on the time line: the single instant, the earlier of two
/// (autumn overlap), or, in a spring gap, the time read with the UTC offset before the gap.
fn resolve_local(zone: Tz, n: NaiveDateTime) -> Option<DateTime<Tz>> {
    match zone.from_local_datetime(&n) {
        LocalResult::Single(t) => Some(t),
        LocalResult::Ambiguous(a, b) => Some(if a <= b { a } else { b }),
        LocalResult::None => {
            for h in 1..=48 {
                let probe = n.checked_sub_signed(TimeDelta::hours(h))?;
                let before = match zone.from_local_datetime(&probe) {
                    LocalResult::Single(t) => t,
                    LocalResult::Ambiguous(a, b) => {
                        if a <= b {
                            b
                        } else {
                            a
                        }
                    }
                    LocalResult::None => continue,
                };
                let offset = i64::from(before.offset().fix().local_minus_utc());
                let utc = n.checked_sub_signed(TimeDelta::seconds(offset))?;
                return Some(zone.from_utc_datetime(&utc));
            }
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------------------------

impl Preset {
    /// Parses the preset text grammar of the module docs.
    pub fn parse(text: &str) -> Result<Preset, CadenceError> {
        let lowered = text.to_lowercase().replace(',', " ");
        let mut tokens: Vec<String> = Vec::new();
        for t in lowered.split_whitespace() {
            // "kl.09.00" → "kl." "09.00"
            if let Some(rest) = t.strip_prefix("kl.").filter(|r| !r.is_empty()) {
                tokens.push("kl.".to_string());
                tokens.push(rest.to_string());
            } else {
                tokens.push(t.to_string());
            }
        }
        let word = |i: usize| tokens.get(i).map(String::as_str).unwrap_or("");
        let first = word(0);
        if first.is_empty() {
            return Err(CadenceError::Empty);
        }
        const WEEK: &[&str] = &["week", "weeks", "uke", "uker", "veke", "veker", "veka"];
        const EVERY: &[&str] = &["every", "hver", "kvar", "hvert", "kvart"];
        enum Head {
            Weekly(u32),
            Monthly,
            Quarterly,
        }
        let (head, mut i) = match first {
            "weekly" | "ukentlig" | "ukentleg" | "vekentleg" => (Head::Weekly(1), 1),
            "monthly" | "månedlig" | "månedleg" | "månadleg" | "månadlig" => (Head::Monthly, 1),
            "quarterly" | "kvartalsvis" => (Head::Quarterly, 1),
            "annenhver" | "annakvar" if WEEK.contains(&word(1)) => (Head::Weekly(2), 2),
            w if EVERY.contains(&w) => {
                let second = word(1);
                if WEEK.contains(&second) {
                    (Head::Weekly(1), 2)
                } else if second == "other" && WEEK.contains(&word(2)) {
                    (Head::Weekly(2), 3)
                } else if matches!(second, "month" | "måned" | "månad") {
                    (Head::Monthly, 2)
                } else if matches!(second, "quarter" | "kvartal") {
                    (Head::Quarterly, 2)
                } else if let Some(n) = parse_count_word(second) {
                    if !WEEK.contains(&word(2)) {
                        return Err(CadenceError::UnexpectedWord {
                            word: word(2).to_string(),
                            position: 3,
                        });
                    }
                    if !(1..=52).contains(&n) {
                        return Err(CadenceError::IntervalOutOfRange {
                            value: n,
                            min: 1,
                            max: 52,
                        });
                    }
                    // Range-checked above, so this conversion cannot fail.
                    (Head::Weekly(u32::try_from(n).unwrap_or(1)), 3)
                } else {
                    return Err(CadenceError::UnexpectedWord {
                        word: second.to_string(),
                        position: 2,
                    });
                }
            }
            other => {
                return Err(CadenceError::Unrecognized {
                    word: other.to_string(),
                })
            }
        };

        let mut weekday: Option<Weekday> = None;
        let mut time: Option<NaiveTime> = None;
        let mut ordinal: Option<Ordinal> = None;
        let mut from: Option<NaiveDate> = None;
        let mut start_month: Option<u32> = None;
        let allows_ordinal = !matches!(head, Head::Weekly(_));
        while i < tokens.len() {
            let t = word(i);
            let position = i + 1;
            i += 1;
            if matches!(
                t,
                "on" | "the"
                    | "at"
                    | "of"
                    | "kl"
                    | "kl."
                    | "klokka"
                    | "klokken"
                    | "på"
                    | "den"
                    | "om"
            ) {
                continue;
            }
            if let Some(wd) = weekday_word(t) {
                set_once(&mut weekday, wd, PresetPart::Weekday)?;
            } else if allows_ordinal && ordinal_word(t).is_some() {
                let o = ordinal_word(t).unwrap_or(Ordinal::First);
                set_once(&mut ordinal, o, PresetPart::Ordinal)?;
            } else if looks_like_time(t) {
                let parsed = parse_time(t).ok_or_else(|| CadenceError::InvalidTime {
                    text: t.to_string(),
                })?;
                set_once(&mut time, parsed, PresetPart::Time)?;
            } else if matches!(t, "from" | "fra" | "frå" | "starting" | "start") {
                let v = word(i);
                i += 1;
                if v.is_empty() {
                    return Err(CadenceError::MissingPart {
                        part: PresetPart::From,
                    });
                }
                if let Some(m) = month_word(v).filter(|_| matches!(head, Head::Quarterly)) {
                    set_once(&mut start_month, m, PresetPart::From)?;
                } else {
                    let d = parse_date(v).ok_or_else(|| CadenceError::InvalidDate {
                        text: v.to_string(),
                    })?;
                    set_once(&mut from, d, PresetPart::From)?;
                }
            } else {
                return Err(CadenceError::UnexpectedWord {
                    word: t.to_string(),
                    position,
                });
            }
        }
        let weekday = weekday.ok_or(CadenceError::MissingPart {
            part: PresetPart::Weekday,
        })?;
        let time = time.ok_or(CadenceError::MissingPart {
            part: PresetPart::Time,
        })?;
        let repeat = match head {
            Head::Weekly(interval) => Repeat::Weekly { interval },
            Head::Monthly | Head::Quarterly => {
                let ordinal = ordinal.ok_or(CadenceError::MissingPart {
                    part: PresetPart::Ordinal,
                })?;
                if matches!(head, Head::Monthly) {
                    Repeat::Monthly { ordinal }
                } else {
                    Repeat::Quarterly {
                        ordinal,
                        start_month,
                    }
                }
            }
        };
        Ok(Preset {
            repeat,
            weekday,
            time,
            from,
        })
    }
}

fn set_once<T>(slot: &mut Option<T>, value: T, part: PresetPart) -> Result<(), CadenceError> {
    if slot.is_some() {
        return Err(CadenceError::DuplicatePart { part });
    }
    *slot = Some(value);
    Ok(())
}

fn parse_count_word(t: &str) -> Option<u64> {
    let digits = t.strip_suffix('.').unwrap_or(t);
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn weekday_word(t: &str) -> Option<Weekday> {
    Some(match t {
        "mon" | "monday" | "man" | "mandag" | "måndag" => Weekday::Mon,
        "tue" | "tues" | "tuesday" | "tir" | "tirs" | "tirsdag" | "tys" | "tysdag" => Weekday::Tue,
        "wed" | "wednesday" | "ons" | "onsdag" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" | "tor" | "tors" | "torsdag" => Weekday::Thu,
        "fri" | "friday" | "fre" | "fredag" => Weekday::Fri,
        "sat" | "saturday" | "lør" | "lørdag" | "lau" | "laur" | "laurdag" => Weekday::Sat,
        "sun" | "sunday" | "søn" | "søndag" | "sundag" => Weekday::Sun,
        _ => return None,
    })
}

fn ordinal_word(t: &str) -> Option<Ordinal> {
    Some(match t {
        "first" | "1st" | "1." | "første" | "fyrste" => Ordinal::First,
        "second" | "2nd" | "2." | "andre" => Ordinal::Second,
        "third" | "3rd" | "3." | "tredje" => Ordinal::Third,
        "fourth" | "4th" | "4." | "fjerde" => Ordinal::Fourth,
        "last" | "siste" => Ordinal::Last,
        _ => return None,
    })
}

fn month_word(t: &str) -> Option<u32> {
    Some(match t.strip_suffix('.').unwrap_or(t) {
        "jan" | "january" | "januar" => 1,
        "feb" | "february" | "februar" => 2,
        "mar" | "march" | "mars" => 3,
        "apr" | "april" => 4,
        "may" | "mai" => 5,
        "jun" | "june" | "juni" => 6,
        "jul" | "july" | "juli" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "okt" | "october" | "oktober" => 10,
        "nov" | "november" => 11,
        "dec" | "des" | "december" | "desember" => 12,
        _ => return None,
    })
}

fn looks_like_time(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.contains([':', '.'])
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
        && t.bytes().filter(|b| *b == b'.' || *b == b':').count() == 1
        && !t.ends_with('.')
}

fn parse_time(t: &str) -> Option<NaiveTime> {
    let (h, m) = t.split_once([':', '.'])?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

fn parse_date(t: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d.%m.%Y"))
        .ok()
        .filter(|d| (MIN_YEAR..=MAX_YEAR).contains(&d.year()))
}

// ---------------------------------------------------------------------------------------------
// RFC 5545
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

impl Freq {
    fn name(self) -> &'static str {
        match self {
            Freq::Daily => "DAILY",
            Freq::Weekly => "WEEKLY",
            Freq::Monthly => "MONTHLY",
            Freq::Yearly => "YEARLY",
        }
    }

    /// Most days one period of this frequency holds: its cost against [`MAX_SCAN_DAYS`].
    fn max_period_days(self) -> u32 {
        match self {
            Freq::Daily => 1,
            Freq::Weekly => 7,
            Freq::Monthly => 31,
            Freq::Yearly => 366,
        }
    }

    fn max_interval(self) -> u32 {
        match self {
            Freq::Daily => 3660,
            Freq::Weekly => 520,
            Freq::Monthly => 120,
            Freq::Yearly => 10,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Until {
    /// Inclusive local date.
    Date(NaiveDate),
    /// Local wall-clock time in the rule's zone.
    Local(NaiveDateTime),
    /// UTC instant.
    Utc(NaiveDateTime),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Zone {
    /// `DTSTART:…Z`: the rule repeats in UTC.
    Utc,
    /// `TZID=` (or floating, taken as the cadence zone).
    Named(Tz),
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Rule {
    freq: Freq,
    interval: u32,
    /// (ordinal, weekday); ordinal 0 = every such weekday. Sorted, deduplicated.
    byday: Vec<(i8, Weekday)>,
    bymonthday: Vec<i8>,
    bymonth: Vec<u32>,
    bysetpos: Vec<i16>,
    count: Option<u32>,
    until: Option<Until>,
    wkst: Weekday,
}

impl Rule {
    fn new(freq: Freq) -> Rule {
        Rule {
            freq,
            interval: 1,
            byday: Vec::new(),
            bymonthday: Vec::new(),
            bymonth: Vec::new(),
            bysetpos: Vec::new(),
            count: None,
            until: None,
            wkst: Weekday::Mon,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Recurrence {
    /// Local wall-clock start in `zone`.
    dtstart: NaiveDateTime,
    zone: Zone,
    rule: Rule,
}

fn weekday_code(wd: Weekday) -> &'static str {
    match wd {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

fn weekday_from_code(s: &str) -> Option<Weekday> {
    WEEKDAYS.iter().copied().find(|wd| weekday_code(*wd) == s)
}

fn parse_rfc5545(text: &str, tz: Tz) -> Result<Recurrence, CadenceError> {
    let mut dtstart: Option<(NaiveDateTime, Zone)> = None;
    let mut rule_text: Option<String> = None;
    for (idx, token) in text.split_whitespace().enumerate() {
        let upper = token.to_ascii_uppercase();
        let (head, value) = match token.split_once(':') {
            Some((h, v)) => (h, v),
            None if upper.starts_with("FREQ=") => ("RRULE", token),
            None => {
                return Err(CadenceError::UnexpectedLine {
                    line: idx + 1,
                    text: token.to_string(),
                })
            }
        };
        let mut head_parts = head.split(';');
        let name = head_parts.next().unwrap_or("").to_ascii_uppercase();
        match name.as_str() {
            "DTSTART" => {
                if dtstart.is_some() {
                    return Err(CadenceError::DuplicateRulePart {
                        name: "DTSTART".to_string(),
                    });
                }
                let mut tzid: Option<&str> = None;
                for param in head_parts {
                    let (k, v) = param.split_once('=').unwrap_or((param, ""));
                    match k.to_ascii_uppercase().as_str() {
                        "TZID" => tzid = Some(v.trim_matches('"')),
                        "VALUE" if v.eq_ignore_ascii_case("DATE-TIME") => {}
                        _ => {
                            return Err(CadenceError::InvalidDtstart {
                                text: token.to_string(),
                            })
                        }
                    }
                }
                dtstart = Some(parse_dtstart(value, tzid, tz, token)?);
            }
            "RRULE" => {
                if rule_text.is_some() {
                    return Err(CadenceError::DuplicateRulePart {
                        name: "RRULE".to_string(),
                    });
                }
                rule_text = Some(value.to_string());
            }
            _ => {
                return Err(CadenceError::UnexpectedLine {
                    line: idx + 1,
                    text: token.to_string(),
                })
            }
        }
    }
    let (dtstart, zone) = dtstart.ok_or(CadenceError::MissingDtstart)?;
    let rule_text = rule_text.ok_or(CadenceError::MissingRrule)?;
    let rule = parse_rule(&rule_text)?;
    Ok(Recurrence {
        dtstart,
        zone,
        rule,
    })
}

fn parse_dtstart(
    value: &str,
    tzid: Option<&str>,
    tz: Tz,
    token: &str,
) -> Result<(NaiveDateTime, Zone), CadenceError> {
    let invalid = || CadenceError::InvalidDtstart {
        text: token.to_string(),
    };
    let (body, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(b) => (b, true),
        None => (value, false),
    };
    let naive = parse_basic_datetime(body).ok_or_else(invalid)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&naive.year()) {
        return Err(invalid());
    }
    let zone = match (tzid, utc) {
        (Some(_), true) => return Err(invalid()),
        (Some(id), false) => {
            Zone::Named(
                id.parse::<Tz>()
                    .map_err(|_| CadenceError::UnknownTimezone {
                        tzid: id.to_string(),
                    })?,
            )
        }
        (None, true) => Zone::Utc,
        (None, false) => Zone::Named(tz),
    };
    Ok((naive, zone))
}

/// `YYYYMMDDTHHMMSS` (basic format, no zone suffix).
fn parse_basic_datetime(s: &str) -> Option<NaiveDateTime> {
    if s.len() != 15 || !s.is_ascii() {
        return None;
    }
    NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%S").ok()
}

fn parse_rule(text: &str) -> Result<Rule, CadenceError> {
    let mut freq: Option<Freq> = None;
    let mut interval: Option<(u64, String)> = None;
    let mut rule = Rule::new(Freq::Daily);
    let mut seen: Vec<String> = Vec::new();
    for part in text.split(';').filter(|p| !p.is_empty()) {
        let (name, value) = part
            .split_once('=')
            .ok_or_else(|| CadenceError::InvalidRuleValue {
                name: part.to_ascii_uppercase(),
                value: String::new(),
            })?;
        let name = name.to_ascii_uppercase();
        let value_up = value.to_ascii_uppercase();
        if seen.contains(&name) {
            return Err(CadenceError::DuplicateRulePart { name });
        }
        seen.push(name.clone());
        let invalid = || CadenceError::InvalidRuleValue {
            name: name.clone(),
            value: value.to_string(),
        };
        match name.as_str() {
            "FREQ" => {
                freq = Some(match value_up.as_str() {
                    "DAILY" => Freq::Daily,
                    "WEEKLY" => Freq::Weekly,
                    "MONTHLY" => Freq::Monthly,
                    "YEARLY" => Freq::Yearly,
                    "HOURLY" | "MINUTELY" | "SECONDLY" => {
                        return Err(CadenceError::UnsupportedFreq { value: value_up })
                    }
                    _ => {
                        return Err(CadenceError::UnknownFreq {
                            value: value.to_string(),
                        })
                    }
                })
            }
            "INTERVAL" => {
                let n = parse_small_uint(value).ok_or_else(invalid)?;
                interval = Some((n, value.to_string()));
            }
            "COUNT" => {
                let out_of_range = || CadenceError::CountOutOfRange {
                    value: value.to_string(),
                    max: MAX_COUNT,
                };
                let n = parse_small_uint(value).ok_or_else(out_of_range)?;
                if !(1..=u64::from(MAX_COUNT)).contains(&n) {
                    return Err(out_of_range());
                }
                rule.count = Some(u32::try_from(n).map_err(|_| out_of_range())?);
            }
            "UNTIL" => rule.until = Some(parse_until(&value_up).ok_or_else(invalid)?),
            "BYDAY" => {
                for item in value_up.split(',') {
                    let split = item.len().checked_sub(2).ok_or_else(invalid)?;
                    if !item.is_char_boundary(split) {
                        return Err(invalid());
                    }
                    let (num, code) = item.split_at(split);
                    let wd = weekday_from_code(code).ok_or_else(invalid)?;
                    let ord = if num.is_empty() {
                        0
                    } else {
                        let n = parse_signed(num, 53).ok_or_else(invalid)?;
                        i8::try_from(n).map_err(|_| invalid())?
                    };
                    rule.byday.push((ord, wd));
                }
            }
            "BYMONTHDAY" => {
                for item in value.split(',') {
                    let n = parse_signed(item, 31).ok_or_else(invalid)?;
                    rule.bymonthday
                        .push(i8::try_from(n).map_err(|_| invalid())?);
                }
            }
            "BYMONTH" => {
                for item in value.split(',') {
                    let n = parse_small_uint(item)
                        .filter(|n| (1..=12).contains(n))
                        .ok_or_else(invalid)?;
                    rule.bymonth.push(u32::try_from(n).map_err(|_| invalid())?);
                }
            }
            "BYSETPOS" => {
                for item in value.split(',') {
                    let n = parse_signed(item, 366).ok_or_else(invalid)?;
                    rule.bysetpos.push(i16::try_from(n).map_err(|_| invalid())?);
                }
            }
            "WKST" => rule.wkst = weekday_from_code(&value_up).ok_or_else(invalid)?,
            "BYHOUR" | "BYMINUTE" | "BYSECOND" | "BYWEEKNO" | "BYYEARDAY" | "BYEASTER"
            | "RSCALE" | "SKIP" => return Err(CadenceError::UnsupportedRulePart { name }),
            _ => return Err(CadenceError::UnknownRulePart { name }),
        }
    }
    let freq = freq.ok_or(CadenceError::MissingFreq)?;
    rule.freq = freq;
    if let Some((n, _)) = interval {
        let max = freq.max_interval();
        if !(1..=u64::from(max)).contains(&n) {
            return Err(CadenceError::IntervalOutOfRange {
                value: n,
                min: 1,
                max,
            });
        }
        rule.interval = u32::try_from(n).unwrap_or(1);
    }
    if rule.count.is_some() && rule.until.is_some() {
        return Err(CadenceError::CountAndUntil);
    }
    let combination = |name: &str| CadenceError::InvalidCombination {
        name: name.to_string(),
        freq: freq.name().to_string(),
    };
    if matches!(freq, Freq::Daily | Freq::Weekly) && rule.byday.iter().any(|(o, _)| *o != 0) {
        return Err(combination("BYDAY"));
    }
    if freq == Freq::Weekly && !rule.bymonthday.is_empty() {
        return Err(combination("BYMONTHDAY"));
    }
    if !rule.bysetpos.is_empty()
        && rule.byday.is_empty()
        && rule.bymonthday.is_empty()
        && rule.bymonth.is_empty()
    {
        return Err(combination("BYSETPOS"));
    }
    rule.byday
        .sort_by_key(|(o, wd)| (*o, wd.num_days_from_monday()));
    rule.byday.dedup();
    rule.bymonthday.sort_unstable();
    rule.bymonthday.dedup();
    rule.bymonth.sort_unstable();
    rule.bymonth.dedup();
    rule.bysetpos.sort_unstable();
    rule.bysetpos.dedup();
    Ok(rule)
}

fn parse_small_uint(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `[+|-]N` with 1 <= |N| <= max.
fn parse_signed(s: &str, max: i64) -> Option<i64> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let n = i64::try_from(parse_small_uint(digits)?).ok()?;
    if !(1..=max).contains(&n) {
        return None;
    }
    Some(if neg { -n } else { n })
}

fn parse_until(v: &str) -> Option<Until> {
    let until = if v.len() == 8 {
        Until::Date(NaiveDate::parse_from_str(v, "%Y%m%d").ok()?)
    } else if let Some(body) = v.strip_suffix('Z') {
        Until::Utc(parse_basic_datetime(body)?)
    } else {
        Until::Local(parse_basic_datetime(v)?)
    };
    let year = match until {
        Until::Date(d) => d.year(),
        Until::Local(n) | Until::Utc(n) => n.year(),
    };
    (MIN_YEAR..=MAX_YEAR).contains(&year).then_some(until)
}

impl Recurrence {
    fn render(&self) -> String {
        let stamp = self.dtstart.format("%Y%m%dT%H%M%S");
        let dtstart = match self.zone {
            Zone::Utc => format!("DTSTART:{stamp}Z"),
            Zone::Named(tz) => format!("DTSTART;TZID={}:{stamp}", tz.name()),
        };
        let r = &self.rule;
        let mut parts = vec![format!("FREQ={}", r.freq.name())];
        if r.interval != 1 {
            parts.push(format!("INTERVAL={}", r.interval));
        }
        if let Some(c) = r.count {
            parts.push(format!("COUNT={c}"));
        }
        match r.until {
            Some(Until::Date(d)) => parts.push(format!("UNTIL={}", d.format("%Y%m%d"))),
            Some(Until::Local(n)) => parts.push(format!("UNTIL={}", n.format("%Y%m%dT%H%M%S"))),
            Some(Until::Utc(n)) => parts.push(format!("UNTIL={}Z", n.format("%Y%m%dT%H%M%S"))),
            None => {}
        }
        let join = |v: Vec<String>| v.join(",");
        if !r.bymonth.is_empty() {
            parts.push(format!(
                "BYMONTH={}",
                join(r.bymonth.iter().map(u32::to_string).collect())
            ));
        }
        if !r.bymonthday.is_empty() {
            parts.push(format!(
                "BYMONTHDAY={}",
                join(r.bymonthday.iter().map(i8::to_string).collect())
            ));
        }
        if !r.byday.is_empty() {
            let items = r
                .byday
                .iter()
                .map(|(o, wd)| {
                    if *o == 0 {
                        weekday_code(*wd).to_string()
                    } else {
                        format!("{o}{}", weekday_code(*wd))
                    }
                })
                .collect();
            parts.push(format!("BYDAY={}", join(items)));
        }
        if !r.bysetpos.is_empty() {
            parts.push(format!(
                "BYSETPOS={}",
                join(r.bysetpos.iter().map(i16::to_string).collect())
            ));
        }
        if r.wkst != Weekday::Mon {
            parts.push(format!("WKST={}", weekday_code(r.wkst)));
        }
        format!("{dtstart}\nRRULE:{}", parts.join(";"))
    }

    fn zone_tz(&self) -> Tz {
        match self.zone {
            Zone::Utc => Tz::UTC,
            Zone::Named(tz) => tz,
        }
    }

    /// Local candidate times >= `start`, ascending, honouring COUNT and UNTIL.
    fn naive_iter(&self, start: NaiveDateTime) -> RecurIter<'_> {
        let first_period = if self.rule.count.is_some() {
            0
        } else {
            let p = self.period_of(start.date()).unwrap_or(0);
            if p <= 0 {
                0
            } else {
                p - p % i64::from(self.rule.interval)
            }
        };
        RecurIter {
            rec: self,
            start,
            next_period: first_period,
            buf: Vec::new().into_iter(),
            emitted: 0,
            last_seen: start.date().max(self.dtstart.date()),
            scan_budget: MAX_SCAN_DAYS,
            done: false,
        }
    }

    /// Index of the period (day/week/month/year counted from DTSTART's) holding `date`.
    fn period_of(&self, date: NaiveDate) -> Option<i64> {
        let ds = self.dtstart.date();
        Some(match self.rule.freq {
            Freq::Daily => date.signed_duration_since(ds).num_days(),
            Freq::Weekly => {
                week_start(date, self.rule.wkst)?
                    .signed_duration_since(week_start(ds, self.rule.wkst)?)
                    .num_days()
                    / 7
            }
            Freq::Monthly => month_index(date) - month_index(ds),
            Freq::Yearly => i64::from(date.year()) - i64::from(ds.year()),
        })
    }

    /// First day of period `k` and the matching days in it (after BYSETPOS), ascending.
    fn period_days(&self, k: i64) -> Option<(NaiveDate, Vec<NaiveDate>)> {
        let ds = self.dtstart.date();
        let (first, len) = match self.rule.freq {
            Freq::Daily => (ds.checked_add_signed(TimeDelta::try_days(k)?)?, 1),
            Freq::Weekly => (
                week_start(ds, self.rule.wkst)?
                    .checked_add_signed(TimeDelta::try_days(k.checked_mul(7)?)?)?,
                7,
            ),
            Freq::Monthly => {
                let mi = month_index(ds).checked_add(k)?;
                let year = i32::try_from(mi.div_euclid(12)).ok()?;
                let month = u32::try_from(mi.rem_euclid(12) + 1).ok()?;
                (
                    NaiveDate::from_ymd_opt(year, month, 1)?,
                    days_in_month(year, month),
                )
            }
            Freq::Yearly => {
                let year = i32::try_from(i64::from(ds.year()).checked_add(k)?).ok()?;
                (NaiveDate::from_ymd_opt(year, 1, 1)?, days_in_year(year))
            }
        };
        let mut days = Vec::new();
        let mut d = first;
        for i in 0..len {
            if self.day_matches(d) {
                days.push(d);
            }
            if i + 1 < len {
                d = d.succ_opt()?;
            }
        }
        if !self.rule.bysetpos.is_empty() {
            let n = i64::try_from(days.len()).ok()?;
            let mut picked: Vec<NaiveDate> = self
                .rule
                .bysetpos
                .iter()
                .filter_map(|&p| {
                    let p = i64::from(p);
                    let idx = if p > 0 { p - 1 } else { n + p };
                    usize::try_from(idx).ok().and_then(|i| days.get(i).copied())
                })
                .collect();
            picked.sort_unstable();
            picked.dedup();
            days = picked;
        }
        Some((first, days))
    }

    fn day_matches(&self, d: NaiveDate) -> bool {
        let r = &self.rule;
        let ds = self.dtstart.date();
        if !r.bymonth.is_empty() && !r.bymonth.contains(&d.month()) {
            return false;
        }
        let dim = days_in_month(d.year(), d.month());
        if !r.bymonthday.is_empty() {
            let day = i64::from(d.day());
            let ok = r.bymonthday.iter().any(|&md| {
                let md = i64::from(md);
                md == day || (md < 0 && i64::from(dim) + md + 1 == day)
            });
            if !ok {
                return false;
            }
        }
        if !r.byday.is_empty() {
            let month_scope = r.freq == Freq::Monthly || !r.bymonth.is_empty();
            let (idx0, len) = if month_scope {
                (d.day0(), dim)
            } else {
                (d.ordinal0(), days_in_year(d.year()))
            };
            let from_start = i64::from(idx0 / 7 + 1);
            let from_end = i64::from((len - 1 - idx0) / 7 + 1);
            let ok = r.byday.iter().any(|&(ord, wd)| {
                let ord = i64::from(ord);
                d.weekday() == wd
                    && (ord == 0 || (ord > 0 && from_start == ord) || (ord < 0 && from_end == -ord))
            });
            if !ok {
                return false;
            }
        }
        if r.byday.is_empty() && r.bymonthday.is_empty() {
            match r.freq {
                Freq::Daily => {}
                Freq::Weekly => return d.weekday() == ds.weekday(),
                Freq::Monthly => return d.day() == ds.day(),
                Freq::Yearly => {
                    return d.day() == ds.day()
                        && (!r.bymonth.is_empty() || d.month() == ds.month())
                }
            }
        }
        true
    }

    fn past_until(&self, n: NaiveDateTime) -> bool {
        match self.rule.until {
            None => false,
            Some(Until::Date(d)) => n.date() > d,
            Some(Until::Local(l)) => n > l,
            Some(Until::Utc(u)) => match resolve_local(self.zone_tz(), n) {
                Some(t) => t.naive_utc() > u,
                None => false,
            },
        }
    }
}

struct RecurIter<'a> {
    rec: &'a Recurrence,
    start: NaiveDateTime,
    next_period: i64,
    buf: std::vec::IntoIter<NaiveDateTime>,
    emitted: u32,
    last_seen: NaiveDate,
    /// Candidate days this iterator may still examine.
    scan_budget: u32,
    done: bool,
}

impl Iterator for RecurIter<'_> {
    type Item = NaiveDateTime;

    fn next(&mut self) -> Option<NaiveDateTime> {
        loop {
            if self.done {
                return None;
            }
            if let Some(n) = self.buf.next() {
                if self.rec.rule.count.is_some_and(|c| self.emitted >= c) || self.rec.past_until(n)
                {
                    self.done = true;
                    return None;
                }
                self.emitted = self.emitted.saturating_add(1);
                self.last_seen = n.date();
                if n >= self.start {
                    return Some(n);
                }
                continue;
            }
            let k = self.next_period;
            let cost = self.rec.rule.freq.max_period_days();
            if self.scan_budget < cost {
                self.done = true;
                continue;
            }
            self.scan_budget -= cost;
            let Some(next) = k.checked_add(i64::from(self.rec.rule.interval)) else {
                self.done = true;
                continue;
            };
            self.next_period = next;
            let Some((first, days)) = self.rec.period_days(k) else {
                self.done = true;
                continue;
            };
            if first.signed_duration_since(self.last_seen).num_days() > HORIZON_DAYS
                || first.year() > EVAL_END_YEAR
            {
                self.done = true;
                continue;
            }
            let rule = &self.rec.rule;
            if rule.freq == Freq::Daily
                && !rule.bymonth.is_empty()
                && !rule.bymonth.contains(&first.month())
            {
                // Jump over a whole excluded month instead of testing it day by day.
                let next_month = if first.month() == 12 {
                    NaiveDate::from_ymd_opt(first.year().saturating_add(1), 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
                };
                let interval = i64::from(rule.interval);
                if let Some(p) = next_month.and_then(|d| self.rec.period_of(d)) {
                    let aligned = p.div_euclid(interval) * interval;
                    let aligned = if aligned < p {
                        aligned + interval
                    } else {
                        aligned
                    };
                    self.next_period = self.next_period.max(aligned);
                }
            }
            let dtstart = self.rec.dtstart;
            let time = dtstart.time();
            let candidates: Vec<NaiveDateTime> = days
                .into_iter()
                .map(|d| d.and_time(time))
                .filter(|n| *n >= dtstart)
                .collect();
            self.buf = candidates.into_iter();
        }
    }
}

fn week_start(d: NaiveDate, wkst: Weekday) -> Option<NaiveDate> {
    let back = (7 + d.weekday().num_days_from_monday() - wkst.num_days_from_monday()) % 7;
    d.checked_sub_signed(TimeDelta::days(i64::from(back)))
}

fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year.saturating_add(1), 1)
    } else {
        (year, month + 1)
    };
    match (
        NaiveDate::from_ymd_opt(year, month, 1),
        NaiveDate::from_ymd_opt(ny, nm, 1),
    ) {
        (Some(a), Some(b)) => u32::try_from(b.signed_duration_since(a).num_days()).unwrap_or(31),
        _ => 31,
    }
}

fn days_in_year(year: i32) -> u32 {
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}

// ---------------------------------------------------------------------------------------------
// Cron
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
struct CronSpec {
    /// Normalised source (fields joined by one space).
    text: String,
    /// One schedule, or two (day-of-month OR day-of-week), in the `cron` crate's syntax.
    schedules: Vec<cron::Schedule>,
}

impl CronSpec {
    fn parse(text: &str) -> Result<CronSpec, CadenceError> {
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
            let s: cron::Schedule = e.parse().map_err(|_| CadenceError::CronInvalidField {
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
    fn naive_iter(&self, start: NaiveDateTime) -> impl Iterator<Item = NaiveDateTime> + '_ {
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
fn parse_cron_field(field: CronField, raw: &str) -> Result<Vec<u32>, CadenceError> {
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

fn cron_value(field: CronField, s: &str) -> Result<u32, CadenceError> {
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

impl fmt::Display for CadenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CadenceKind::Rrule => "rrule",
            CadenceKind::Cron => "cron",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Oslo;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("valid test timestamp")
            .with_timezone(&Utc)
    }

    fn parse(spec: &str) -> Cadence {
        Cadence::parse(spec, Oslo, utc("2026-12-01T12:00:00Z"))
            .unwrap_or_else(|e| panic!("{spec:?} should parse: {e:?}"))
    }

    fn occ(spec: &str, after: &str, n: usize, skip: bool) -> Vec<String> {
        parse(spec)
            .occurrences_after(utc(after), n, skip)
            .iter()
            .map(format_occurrence)
            .collect()
    }

    #[test]
    fn every_four_weeks_tuesday_for_a_full_year_across_both_dst_changes() {
        let expected = [
            "2027-01-05T09:00:00+01:00",
            "2027-02-02T09:00:00+01:00",
            "2027-03-02T09:00:00+01:00",
            "2027-03-30T09:00:00+02:00",
            "2027-04-27T09:00:00+02:00",
            "2027-05-25T09:00:00+02:00",
            "2027-06-22T09:00:00+02:00",
            "2027-07-20T09:00:00+02:00",
            "2027-08-17T09:00:00+02:00",
            "2027-09-14T09:00:00+02:00",
            "2027-10-12T09:00:00+02:00",
            "2027-11-09T09:00:00+01:00",
            "2027-12-07T09:00:00+01:00",
            "2028-01-04T09:00:00+01:00",
        ];
        for spec in [
            "every 4 weeks tue 09:00 from 2027-01-05",
            "hver 4. uke tirsdag kl. 09.00 fra 2027-01-05",
            "kvar 4. veke tysdag kl.09.00 frå 05.01.2027",
            "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;INTERVAL=4;BYDAY=TU",
            "DTSTART;TZID=Europe/Oslo:20270105T090000 RRULE:FREQ=WEEKLY;INTERVAL=4;BYDAY=TU",
        ] {
            let got = occ(spec, "2026-12-31T23:00:00Z", 14, false);
            assert_eq!(got, expected, "{spec}");
            let in_2027 = got.iter().filter(|s| s.starts_with("2027")).count();
            assert_eq!(in_2027, 13, "{spec}");
        }
        assert_eq!(
            parse("every 4 weeks tue 09:00 from 2027-01-05").to_storage(),
            "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;INTERVAL=4;BYDAY=TU"
        );
    }

    #[test]
    fn presets_produce_known_dates() {
        // (spec, after, expected local dates+times)
        let table: &[(&str, &str, &[&str])] = &[
            (
                "monthly first tue 09:00",
                "2027-01-01T00:00:00Z",
                &[
                    "2027-01-05T09:00:00+01:00",
                    "2027-02-02T09:00:00+01:00",
                    "2027-03-02T09:00:00+01:00",
                    "2027-04-06T09:00:00+02:00",
                    "2027-05-04T09:00:00+02:00",
                    "2027-06-01T09:00:00+02:00",
                ],
            ),
            (
                "monthly last thu 13:30",
                "2027-01-01T00:00:00Z",
                &[
                    "2027-01-28T13:30:00+01:00",
                    "2027-02-25T13:30:00+01:00",
                    "2027-03-25T13:30:00+01:00",
                    "2027-04-29T13:30:00+02:00",
                    "2027-05-27T13:30:00+02:00",
                ],
            ),
            (
                "månedlig siste torsdag kl. 13.30",
                "2027-01-01T00:00:00Z",
                &["2027-01-28T13:30:00+01:00", "2027-02-25T13:30:00+01:00"],
            ),
            (
                "monthly third wed 10:15",
                "2027-01-01T00:00:00Z",
                &["2027-01-20T10:15:00+01:00", "2027-02-17T10:15:00+01:00"],
            ),
            (
                "quarterly first tue 09:00",
                "2027-01-01T00:00:00Z",
                &[
                    "2027-01-05T09:00:00+01:00",
                    "2027-04-06T09:00:00+02:00",
                    "2027-07-06T09:00:00+02:00",
                    "2027-10-05T09:00:00+02:00",
                    "2028-01-04T09:00:00+01:00",
                ],
            ),
            (
                "kvartalsvis første tirsdag kl. 09.00 fra februar",
                "2027-01-01T00:00:00Z",
                &[
                    "2027-02-02T09:00:00+01:00",
                    "2027-05-04T09:00:00+02:00",
                    "2027-08-03T09:00:00+02:00",
                    "2027-11-02T09:00:00+01:00",
                ],
            ),
            (
                "quarterly last fri 12:00",
                "2027-01-01T00:00:00Z",
                &["2027-01-29T12:00:00+01:00", "2027-04-30T12:00:00+02:00"],
            ),
            (
                "ukentlig måndag kl 08:00",
                "2027-01-01T00:00:00Z",
                &["2027-01-04T08:00:00+01:00", "2027-01-11T08:00:00+01:00"],
            ),
            (
                "every other week on wed at 14:00 from 2027-01-06",
                "2027-01-01T00:00:00Z",
                &["2027-01-06T14:00:00+01:00", "2027-01-20T14:00:00+01:00"],
            ),
        ];
        for (spec, after, want) in table {
            assert_eq!(occ(spec, after, want.len(), false), *want, "{spec}");
        }
    }

    #[test]
    fn preset_parse_yields_typed_preset() {
        let table = [
            (
                "weekly tue 09:00",
                Preset {
                    repeat: Repeat::Weekly { interval: 1 },
                    weekday: Weekday::Tue,
                    time: NaiveTime::from_hms_opt(9, 0, 0).expect("time"),
                    from: None,
                },
            ),
            (
                "Monthly on the LAST Thursday at 13:30",
                Preset {
                    repeat: Repeat::Monthly {
                        ordinal: Ordinal::Last,
                    },
                    weekday: Weekday::Thu,
                    time: NaiveTime::from_hms_opt(13, 30, 0).expect("time"),
                    from: None,
                },
            ),
            (
                "kvartalsvis 2. laurdag kl. 9.05 frå 2027-03-01",
                Preset {
                    repeat: Repeat::Quarterly {
                        ordinal: Ordinal::Second,
                        start_month: None,
                    },
                    weekday: Weekday::Sat,
                    time: NaiveTime::from_hms_opt(9, 5, 0).expect("time"),
                    from: NaiveDate::from_ymd_opt(2027, 3, 1),
                },
            ),
        ];
        for (text, want) in table {
            assert_eq!(Preset::parse(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn preset_without_from_is_anchored_at_now() {
        // now = Wednesday 2027-01-06 10:00 Oslo; weekly Tuesday → first is 2027-01-12.
        let c =
            Cadence::parse("weekly tue 09:00", Oslo, utc("2027-01-06T09:00:00Z")).expect("parses");
        assert_eq!(
            c.to_storage(),
            "DTSTART;TZID=Europe/Oslo:20270112T090000\nRRULE:FREQ=WEEKLY;BYDAY=TU"
        );
        let c = Cadence::parse("monthly first tue 09:00", Oslo, utc("2027-01-06T09:00:00Z"))
            .expect("parses");
        assert_eq!(
            c.to_storage(),
            "DTSTART;TZID=Europe/Oslo:20270202T090000\nRRULE:FREQ=MONTHLY;BYDAY=1TU"
        );
        let c = Cadence::parse(
            "quarterly last thu 10:00",
            Oslo,
            utc("2027-02-01T09:00:00Z"),
        )
        .expect("parses");
        assert_eq!(
            c.to_storage(),
            "DTSTART;TZID=Europe/Oslo:20270429T100000\nRRULE:FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=-1TH"
        );
    }

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

    #[test]
    fn dst_gap_and_overlap_resolution() {
        let table: &[(&str, &str, &[&str])] = &[
            (
                "DTSTART;TZID=Europe/Oslo:20270327T023000\nRRULE:FREQ=DAILY;COUNT=3",
                "2027-01-01T00:00:00Z",
                &[
                    "2027-03-27T02:30:00+01:00",
                    "2027-03-28T03:30:00+02:00",
                    "2027-03-29T02:30:00+02:00",
                ],
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20271030T023000\nRRULE:FREQ=DAILY;COUNT=3",
                "2027-01-01T00:00:00Z",
                &[
                    "2027-10-30T02:30:00+02:00",
                    "2027-10-31T02:30:00+02:00",
                    "2027-11-01T02:30:00+01:00",
                ],
            ),
            (
                "30 2 * * *",
                "2027-03-27T00:00:00Z",
                &[
                    "2027-03-27T02:30:00+01:00",
                    "2027-03-28T03:30:00+02:00",
                    "2027-03-29T02:30:00+02:00",
                ],
            ),
            (
                "30 2 * * *",
                "2027-10-30T00:00:00Z",
                &[
                    "2027-10-30T02:30:00+02:00",
                    "2027-10-31T02:30:00+02:00",
                    "2027-11-01T02:30:00+01:00",
                ],
            ),
            (
                // 02:30 and 03:30 both land on 03:30 CEST on the gap day: reported once
                "30 2,3 * * *",
                "2027-03-27T23:00:00Z",
                &[
                    "2027-03-28T03:30:00+02:00",
                    "2027-03-29T02:30:00+02:00",
                    "2027-03-29T03:30:00+02:00",
                ],
            ),
            (
                // hourly at :00 through the autumn overlap: 02:00 only once (CEST)
                "0 1-3 31 10 *",
                "2027-10-30T12:00:00Z",
                &[
                    "2027-10-31T01:00:00+02:00",
                    "2027-10-31T02:00:00+02:00",
                    "2027-10-31T03:00:00+01:00",
                ],
            ),
        ];
        for (spec, after, want) in table {
            assert_eq!(occ(spec, after, want.len(), false), *want, "{spec}");
        }
        // `after` inside the gap-shifted window still gives a strictly later result.
        let got = occ(
            "30 2 * * *",
            "2027-03-28T01:30:00Z", // exactly 03:30 CEST
            1,
            false,
        );
        assert_eq!(got, ["2027-03-29T02:30:00+02:00"]);
    }

    #[test]
    fn holiday_skipping_around_easter_and_17_may_2027() {
        let table: &[(&str, &str, bool, &[&str])] = &[
            (
                "weekly mon 09:00 from 2027-03-20",
                "2027-03-20T00:00:00Z",
                false,
                &[
                    "2027-03-22T09:00:00+01:00",
                    "2027-03-29T09:00:00+02:00",
                    "2027-04-05T09:00:00+02:00",
                ],
            ),
            (
                "weekly mon 09:00 from 2027-03-20",
                "2027-03-20T00:00:00Z",
                true,
                &[
                    "2027-03-22T09:00:00+01:00",
                    "2027-04-05T09:00:00+02:00",
                    "2027-04-12T09:00:00+02:00",
                ],
            ),
            (
                "weekly mon 09:00 from 2027-05-01",
                "2027-05-01T00:00:00Z",
                true,
                &[
                    "2027-05-03T09:00:00+02:00",
                    "2027-05-10T09:00:00+02:00",
                    "2027-05-24T09:00:00+02:00",
                ],
            ),
            (
                // Maundy Thursday 25 Mar and Ascension 6 May 2027
                "0 9 * * 4",
                "2027-03-20T00:00:00Z",
                true,
                &["2027-04-01T09:00:00+02:00", "2027-04-08T09:00:00+02:00"],
            ),
            (
                "0 9 * * 4",
                "2027-05-01T00:00:00Z",
                true,
                &["2027-05-13T09:00:00+02:00"],
            ),
            // a rule that only ever hits holidays ends (bounded search), it does not hang
            (
                "DTSTART;TZID=Europe/Oslo:20270517T090000\nRRULE:FREQ=YEARLY",
                "2027-01-01T00:00:00Z",
                true,
                &[],
            ),
        ];
        for (spec, after, skip, want) in table {
            let n = want.len().max(1);
            assert_eq!(occ(spec, after, n, *skip), *want, "{spec} skip={skip}");
        }
    }

    #[test]
    fn rrule_known_answers() {
        let table: &[(&str, &str, usize, &[&str])] = &[
            (
                // COUNT ends the series; counted from DTSTART even when `after` is later
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;COUNT=3",
                "2027-01-06T00:00:00Z",
                10,
                &["2027-01-12T09:00:00+01:00", "2027-01-19T09:00:00+01:00"],
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;UNTIL=20270126T080000Z",
                "2027-01-01T00:00:00Z",
                10,
                &[
                    "2027-01-05T09:00:00+01:00",
                    "2027-01-12T09:00:00+01:00",
                    "2027-01-19T09:00:00+01:00",
                    "2027-01-26T09:00:00+01:00",
                ],
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;UNTIL=20270126T075959Z",
                "2027-01-01T00:00:00Z",
                10,
                &[
                    "2027-01-05T09:00:00+01:00",
                    "2027-01-12T09:00:00+01:00",
                    "2027-01-19T09:00:00+01:00",
                ],
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=DAILY;UNTIL=20270107",
                "2027-01-01T00:00:00Z",
                10,
                &[
                    "2027-01-05T09:00:00+01:00",
                    "2027-01-06T09:00:00+01:00",
                    "2027-01-07T09:00:00+01:00",
                ],
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;COUNT=2",
                "2027-02-01T00:00:00Z",
                10,
                &[],
            ),
            (
                // last weekday of the month
                "DTSTART;TZID=Europe/Oslo:20270101T150000\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
                "2027-01-01T00:00:00Z",
                3,
                &[
                    "2027-01-29T15:00:00+01:00",
                    "2027-02-26T15:00:00+01:00",
                    "2027-03-31T15:00:00+02:00",
                ],
            ),
            (
                // leap day only: needs 4 and 8 year gaps
                "DTSTART;TZID=Europe/Oslo:20240229T120000\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
                "2025-01-01T00:00:00Z",
                3,
                &[
                    "2028-02-29T12:00:00+01:00",
                    "2032-02-29T12:00:00+01:00",
                    "2036-02-29T12:00:00+01:00",
                ],
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270131T100000\nRRULE:FREQ=MONTHLY",
                "2027-01-01T00:00:00Z",
                3,
                &[
                    "2027-01-31T10:00:00+01:00",
                    "2027-03-31T10:00:00+02:00",
                    "2027-05-31T10:00:00+02:00",
                ],
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270101T100000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1,15;BYMONTH=2,3",
                "2027-01-01T00:00:00Z",
                4,
                &[
                    "2027-02-15T10:00:00+01:00",
                    "2027-02-28T10:00:00+01:00",
                    "2027-03-15T10:00:00+01:00",
                    "2027-03-31T10:00:00+02:00",
                ],
            ),
            (
                // UTC DTSTART repeats in UTC: local clock time moves with DST
                "DTSTART:20270323T080000Z\nRRULE:FREQ=WEEKLY;COUNT=2",
                "2027-01-01T00:00:00Z",
                5,
                &["2027-03-23T09:00:00+01:00", "2027-03-30T10:00:00+02:00"],
            ),
            (
                // floating DTSTART uses the cadence zone
                "DTSTART:20270323T090000\nRRULE:FREQ=WEEKLY;COUNT=2",
                "2027-01-01T00:00:00Z",
                5,
                &["2027-03-23T09:00:00+01:00", "2027-03-30T09:00:00+02:00"],
            ),
            (
                // TZID different from the cadence zone: 09:00 New York in Oslo time
                "DTSTART;TZID=America/New_York:20270309T090000\nRRULE:FREQ=WEEKLY;COUNT=3",
                "2027-01-01T00:00:00Z",
                5,
                &[
                    "2027-03-09T15:00:00+01:00",
                    "2027-03-16T14:00:00+01:00",
                    "2027-03-23T14:00:00+01:00",
                ],
            ),
            (
                // 20th Monday of the year (year scope ordinal)
                "DTSTART;TZID=Europe/Oslo:20270101T090000\nRRULE:FREQ=YEARLY;BYDAY=20MO",
                "2027-01-01T00:00:00Z",
                2,
                &["2027-05-17T09:00:00+02:00", "2028-05-15T09:00:00+02:00"],
            ),
            (
                // WKST matters for WEEKLY;INTERVAL=2 with several days (RFC 5545 example)
                "DTSTART;TZID=Europe/Oslo:19970805T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
                "1997-01-01T00:00:00Z",
                5,
                &[
                    "1997-08-05T09:00:00+02:00",
                    "1997-08-17T09:00:00+02:00",
                    "1997-08-19T09:00:00+02:00",
                    "1997-08-31T09:00:00+02:00",
                ],
            ),
            (
                "DTSTART;TZID=Europe/Oslo:19970805T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
                "1997-01-01T00:00:00Z",
                5,
                &[
                    "1997-08-05T09:00:00+02:00",
                    "1997-08-10T09:00:00+02:00",
                    "1997-08-19T09:00:00+02:00",
                    "1997-08-24T09:00:00+02:00",
                ],
            ),
            (
                // DAILY + BYMONTH keeps the INTERVAL phase across skipped months
                "DTSTART;TZID=\"Europe/Oslo\":20270101T090000\nRRULE:FREQ=DAILY;INTERVAL=10;BYMONTH=3",
                "2027-01-01T00:00:00Z",
                4,
                &[
                    "2027-03-02T09:00:00+01:00",
                    "2027-03-12T09:00:00+01:00",
                    "2027-03-22T09:00:00+01:00",
                    "2028-03-06T09:00:00+01:00",
                ],
            ),
            (
                "FREQ=DAILY;INTERVAL=10;COUNT=2 DTSTART:20270101T090000",
                "2026-01-01T00:00:00Z",
                5,
                &["2027-01-01T09:00:00+01:00", "2027-01-11T09:00:00+01:00"],
            ),
        ];
        for (spec, after, n, want) in table {
            assert_eq!(occ(spec, after, *n, false), *want, "{spec}");
        }
    }

    #[test]
    fn far_future_query_without_count_jumps_ahead() {
        let got = occ(
            "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;INTERVAL=4;BYDAY=TU",
            "2999-06-01T00:00:00Z",
            1,
            false,
        );
        // 2999-06-01 + phase: weeks since 2027-01-05 must be a multiple of 4
        assert_eq!(got.len(), 1);
        let first = parse("every 4 weeks tue 09:00 from 2027-01-05").occurrences_after(
            utc("2999-06-01T00:00:00Z"),
            1,
            false,
        )[0];
        let weeks = first
            .date_naive()
            .signed_duration_since(NaiveDate::from_ymd_opt(2027, 1, 5).expect("date"))
            .num_days();
        assert_eq!(weeks % 28, 0);
        assert!(first > utc("2999-06-01T00:00:00Z"));
        assert!(first < utc("2999-06-30T00:00:00Z"));
    }

    #[test]
    fn next_after_is_strictly_after() {
        let c = parse("weekly tue 09:00 from 2027-01-05");
        let t = c
            .next_after(utc("2027-01-05T08:00:00Z"), false)
            .expect("next");
        assert_eq!(format_occurrence(&t), "2027-01-12T09:00:00+01:00");
        let t = c
            .next_after(utc("2027-01-05T07:59:59Z"), false)
            .expect("next");
        assert_eq!(format_occurrence(&t), "2027-01-05T09:00:00+01:00");
    }

    #[test]
    fn bad_specs_give_typed_errors() {
        let table: Vec<(&str, CadenceError)> = vec![
            ("", CadenceError::Empty),
            ("   ", CadenceError::Empty),
            ("0 9 * *", CadenceError::CronFieldCount { found: 4 }),
            ("0 9 * * * *", CadenceError::CronFieldCount { found: 6 }),
            (
                "0 25 * * *",
                CadenceError::CronValueOutOfRange {
                    field: CronField::Hour,
                    value: "25".into(),
                    min: 0,
                    max: 23,
                },
            ),
            (
                "0 9 * * 8",
                CadenceError::CronValueOutOfRange {
                    field: CronField::DayOfWeek,
                    value: "8".into(),
                    min: 0,
                    max: 7,
                },
            ),
            (
                "0 9 0 * *",
                CadenceError::CronValueOutOfRange {
                    field: CronField::DayOfMonth,
                    value: "0".into(),
                    min: 1,
                    max: 31,
                },
            ),
            (
                "*/0 9 * * *",
                CadenceError::CronInvalidField {
                    field: CronField::Minute,
                    text: "*/0".into(),
                },
            ),
            (
                "0 9 * * FRI-MON",
                CadenceError::CronInvalidField {
                    field: CronField::DayOfWeek,
                    text: "FRI-MON".into(),
                },
            ),
            (
                "0 9 * FOO *",
                CadenceError::CronInvalidField {
                    field: CronField::Month,
                    text: "FOO".into(),
                },
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=SOMETIMES",
                CadenceError::UnknownFreq {
                    value: "SOMETIMES".into(),
                },
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=HOURLY",
                CadenceError::UnsupportedFreq {
                    value: "HOURLY".into(),
                },
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;INTERVAL=0",
                CadenceError::IntervalOutOfRange {
                    value: 0,
                    min: 1,
                    max: 520,
                },
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=DAILY;COUNT=999999",
                CadenceError::CountOutOfRange {
                    value: "999999".into(),
                    max: MAX_COUNT,
                },
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270231T090000\nRRULE:FREQ=WEEKLY",
                CadenceError::InvalidDtstart {
                    text: "DTSTART;TZID=Europe/Oslo:20270231T090000".into(),
                },
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T250000\nRRULE:FREQ=WEEKLY",
                CadenceError::InvalidDtstart {
                    text: "DTSTART;TZID=Europe/Oslo:20270105T250000".into(),
                },
            ),
            (
                "DTSTART;TZID=Mars/Olympus:20270105T090000\nRRULE:FREQ=WEEKLY",
                CadenceError::UnknownTimezone {
                    tzid: "Mars/Olympus".into(),
                },
            ),
            ("RRULE:FREQ=WEEKLY", CadenceError::MissingDtstart),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000",
                CadenceError::MissingRrule,
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:INTERVAL=2",
                CadenceError::MissingFreq,
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;BYHOUR=9",
                CadenceError::UnsupportedRulePart {
                    name: "BYHOUR".into(),
                },
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;FOO=1",
                CadenceError::UnknownRulePart { name: "FOO".into() },
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;FREQ=DAILY",
                CadenceError::DuplicateRulePart {
                    name: "FREQ".into(),
                },
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;BYDAY=1TU",
                CadenceError::InvalidCombination {
                    name: "BYDAY".into(),
                    freq: "WEEKLY".into(),
                },
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=MONTHLY;BYDAY=XX",
                CadenceError::InvalidRuleValue {
                    name: "BYDAY".into(),
                    value: "XX".into(),
                },
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=WEEKLY;COUNT=2;UNTIL=20280101",
                CadenceError::CountAndUntil,
            ),
            (
                "DTSTART;TZID=Europe/Oslo:20270105T090000\nEXDATE:20270112T090000",
                CadenceError::UnexpectedLine {
                    line: 2,
                    text: "EXDATE:20270112T090000".into(),
                },
            ),
            (
                "sometimes tue 09:00",
                CadenceError::Unrecognized {
                    word: "sometimes".into(),
                },
            ),
            (
                "weekly 09:00",
                CadenceError::MissingPart {
                    part: PresetPart::Weekday,
                },
            ),
            (
                "weekly tue",
                CadenceError::MissingPart {
                    part: PresetPart::Time,
                },
            ),
            (
                "monthly tue 09:00",
                CadenceError::MissingPart {
                    part: PresetPart::Ordinal,
                },
            ),
            (
                "weekly tue wed 09:00",
                CadenceError::DuplicatePart {
                    part: PresetPart::Weekday,
                },
            ),
            (
                "weekly tue 25:00",
                CadenceError::InvalidTime {
                    text: "25:00".into(),
                },
            ),
            (
                "weekly first tue 09:00",
                CadenceError::UnexpectedWord {
                    word: "first".into(),
                    position: 2,
                },
            ),
            (
                "every 0 weeks tue 09:00",
                CadenceError::IntervalOutOfRange {
                    value: 0,
                    min: 1,
                    max: 52,
                },
            ),
            (
                "every 4 weeks tue 09:00 from 2027-02-30",
                CadenceError::InvalidDate {
                    text: "2027-02-30".into(),
                },
            ),
            (
                "every 4 weeks tue 09:00 from",
                CadenceError::MissingPart {
                    part: PresetPart::From,
                },
            ),
        ];
        for (spec, want) in table {
            let got = Cadence::parse(spec, Oslo, utc("2027-01-01T00:00:00Z"));
            assert_eq!(got.as_ref().err(), Some(&want), "{spec:?}");
            assert!(want.fluent_key().starts_with("cadence-error-"));
        }
    }

    #[test]
    fn error_args_carry_field_info() {
        let e =
            Cadence::parse("0 25 * * *", Oslo, utc("2027-01-01T00:00:00Z")).expect_err("bad hour");
        assert_eq!(e.fluent_key(), "cadence-error-cron-value-out-of-range");
        assert_eq!(
            e.args(),
            vec![
                ("field", "hour".to_string()),
                ("position", "2".to_string()),
                ("value", "25".to_string()),
                ("min", "0".to_string()),
                ("max", "23".to_string()),
            ]
        );
    }

    #[test]
    fn storage_round_trips() {
        let specs = [
            "weekly tue 09:00",
            "every 4 weeks tue 09:00 from 2027-01-05",
            "monthly last thu 13:30",
            "quarterly first tue 09:00",
            "kvartalsvis siste fredag kl. 12.00 fra mai",
            "0 9 1,15 * 5",
            "0  9 * *   MON-FRI",
            "DTSTART:20270323T080000Z\nRRULE:FREQ=WEEKLY;COUNT=2",
            "DTSTART:20270323T090000 RRULE:FREQ=MONTHLY;BYMONTHDAY=-1,15;BYMONTH=3,2",
            "DTSTART;TZID=America/New_York:20270309T090000\nRRULE:freq=yearly;byday=20mo;wkst=su",
            "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=DAILY;UNTIL=20270107",
            "DTSTART;TZID=Europe/Oslo:20270105T090000\nRRULE:FREQ=DAILY;UNTIL=20270107T120000",
            "DTSTART;TZID=Europe/Oslo:20270101T150000\nRRULE:FREQ=MONTHLY;BYDAY=FR,MO,TU,WE,TH;BYSETPOS=-1",
        ];
        let now = utc("2026-12-01T12:00:00Z");
        for spec in specs {
            let c = Cadence::parse(spec, Oslo, now).expect("parses");
            let stored = c.to_storage();
            let back = Cadence::parse(&stored, Oslo, utc("2030-01-01T00:00:00Z"))
                .unwrap_or_else(|e| panic!("{stored:?} reparses: {e:?}"));
            assert_eq!(back, c, "{spec} -> {stored}");
            assert_eq!(back.to_storage(), stored);
        }
        assert_eq!(parse("0  9 * *   MON-FRI").to_storage(), "0 9 * * MON-FRI");
        assert_eq!(parse("0 9 * * 1").kind(), CadenceKind::Cron);
        assert_eq!(parse("weekly tue 09:00").kind(), CadenceKind::Rrule);
        assert_eq!(
            parse("DTSTART:20270323T090000 RRULE:FREQ=MONTHLY;BYMONTHDAY=-1,15;BYMONTH=3,2")
                .to_storage(),
            "DTSTART;TZID=Europe/Oslo:20270323T090000\nRRULE:FREQ=MONTHLY;BYMONTH=2,3;BYMONTHDAY=-1,15"
        );
    }

    #[test]
    fn from_preset_matches_text_form() {
        let p = Preset {
            repeat: Repeat::Weekly { interval: 4 },
            weekday: Weekday::Tue,
            time: NaiveTime::from_hms_opt(9, 0, 0).expect("time"),
            from: None,
        };
        let anchor = NaiveDate::from_ymd_opt(2027, 1, 5).expect("date");
        let typed = Cadence::from_preset(&p, Oslo, anchor).expect("valid");
        assert_eq!(typed, parse("every 4 weeks tue 09:00 from 2027-01-05"));
        assert_eq!(typed.tz(), Oslo);
        let bad = Preset {
            repeat: Repeat::Quarterly {
                ordinal: Ordinal::First,
                start_month: Some(13),
            },
            ..p
        };
        assert!(Cadence::from_preset(&bad, Oslo, anchor).is_err());
    }

    /// Slow units found by fuzzing (`fuzz/`, target `cadence`): rare rules asked for many
    /// occurrences used to scan day by day up to the year 9999 (about 2 s each in a debug
    /// build). The scan budget now ends them early; what they do return is still correct.
    #[test]
    fn rare_rules_with_large_limits_stop_at_the_scan_budget() {
        // (spec, first occurrence, latest year the budget may reach)
        let cases = [
            (
                "DTSTART:20270101T090000\nRRULE:FREQ=DAILY;BYMONTHDAY=31;BYDAY=MO",
                "2027-05-31T09:00:00+02:00",
                2027 + 280,
            ),
            (
                "DTSTART:20270101T090000\nRRULE:FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSETPOS=-1",
                "2027-12-31T09:00:00+01:00",
                2027 + 280,
            ),
            (
                "DTSTART:20270101T090000\nRRULE:FREQ=DAILY;BYMONTHDAY=29;BYMONTH=2",
                "2028-02-29T09:00:00+01:00",
                // Excluded months are jumped over, not scanned: 29 days per year.
                9999,
            ),
            (
                "DTSTART;TZID=America/New_York:20270310T023000\nRRULE:FREQ=MONTHLY",
                "2027-03-10T08:30:00+01:00",
                2027 + 280,
            ),
        ];
        for (spec, first, max_year) in cases {
            let c = parse(spec);
            for skip in [false, true] {
                let got = c.occurrences_after(utc("2027-01-01T00:00:00Z"), MAX_LIMIT, skip);
                assert!(!got.is_empty(), "{spec}");
                if !skip {
                    assert_eq!(format_occurrence(&got[0]), first, "{spec}");
                }
                let last = got.last().map(|t| t.year()).unwrap_or_default();
                assert!(last <= max_year, "{spec}: ran on to {last}");
                assert!(got.windows(2).all(|w| w[0] < w[1]), "{spec}");
            }
        }
        // A common rule is not cut short: ten years of weekly meetings.
        let weekly = parse("weekly tue 09:00 from 2027-01-05");
        assert_eq!(
            weekly
                .occurrences_after(utc("2027-01-01T00:00:00Z"), 520, false)
                .len(),
            520
        );
    }

    #[test]
    fn limits_and_edges_do_not_hang_or_panic() {
        let c = parse("* * * * *");
        assert!(c
            .occurrences_after(utc("2027-01-01T00:00:00Z"), 0, false)
            .is_empty());
        let many = c.occurrences_after(utc("2027-01-01T00:00:00Z"), usize::MAX, false);
        assert_eq!(many.len(), MAX_LIMIT);
        assert!(many.windows(2).all(|w| w[0] < w[1]));
        // cron crate stops at 2100
        assert!(c
            .occurrences_after(utc("2101-01-01T00:00:00Z"), 3, false)
            .is_empty());
        let r = parse("weekly tue 09:00 from 2027-01-05");
        assert!(r
            .occurrences_after(DateTime::<Utc>::MAX_UTC, 3, false)
            .is_empty());
        assert_eq!(
            r.occurrences_after(DateTime::<Utc>::MIN_UTC, 1, false)
                .iter()
                .map(format_occurrence)
                .collect::<Vec<_>>(),
            ["2027-01-05T09:00:00+01:00"]
        );
    }

    #[test]
    fn format_occurrence_uses_numeric_offset() {
        let t = Oslo
            .with_ymd_and_hms(2027, 1, 5, 9, 0, 0)
            .single()
            .expect("exists");
        assert_eq!(format_occurrence(&t), "2027-01-05T09:00:00+01:00");
        let u = Tz::UTC
            .with_ymd_and_hms(2027, 1, 5, 9, 0, 0)
            .single()
            .expect("exists");
        assert_eq!(format_occurrence(&u), "2027-01-05T09:00:00+00:00");
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn weekday_token() -> impl Strategy<Value = &'static str> {
            prop::sample::select(vec![
                "mon", "tue", "wed", "thu", "fri", "sat", "sun", "tirsdag", "laurdag",
            ])
        }

        fn valid_spec() -> impl Strategy<Value = String> {
            let preset = (
                0usize..4,
                1u32..=52,
                weekday_token(),
                0u32..24,
                0u32..60,
                prop::sample::select(vec!["first", "second", "third", "fourth", "last"]),
            )
                .prop_map(|(kind, n, wd, h, m, ord)| match kind {
                    0 => format!("weekly {wd} {h:02}:{m:02}"),
                    1 => format!("every {n} weeks {wd} {h}:{m:02} from 2027-01-05"),
                    2 => format!("monthly {ord} {wd} {h:02}:{m:02}"),
                    _ => format!("quarterly {ord} {wd} {h:02}:{m:02}"),
                });
            let cron = (
                prop::sample::select(vec!["0", "*/15", "30", "0,30", "5-10"]),
                prop::sample::select(vec!["*", "2", "9", "0-3", "*/6"]),
                prop::sample::select(vec!["*", "1", "31", "1,15", "29"]),
                prop::sample::select(vec!["*", "2", "3,10", "JAN-MAR"]),
                prop::sample::select(vec!["*", "0", "7", "1-5", "SAT,SUN"]),
            )
                .prop_map(|(a, b, c, d, e)| format!("{a} {b} {c} {d} {e}"));
            let rrule = (
                prop::sample::select(vec!["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
                1u32..=10,
                prop::sample::select(vec![
                    "",
                    ";BYDAY=TU",
                    ";BYMONTH=3,10",
                    ";BYMONTH=2;BYMONTHDAY=29",
                    ";COUNT=5",
                    ";UNTIL=20290101T000000Z",
                ]),
                prop::sample::select(vec![
                    "DTSTART;TZID=Europe/Oslo:20270328T023000",
                    "DTSTART;TZID=Europe/Oslo:20271031T023000",
                    "DTSTART:20270105T090000Z",
                    "DTSTART;TZID=America/New_York:20270310T023000",
                ]),
            )
                .prop_map(|(f, i, extra, dt)| format!("{dt}\nRRULE:FREQ={f};INTERVAL={i}{extra}"));
            prop_oneof![preset, cron, rrule]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn parse_never_panics(s in "\\PC{0,80}") {
                let _ = Cadence::parse(&s, Oslo, utc("2027-01-01T00:00:00Z"));
            }

            #[test]
            fn parse_never_panics_on_near_miss_syntax(
                s in "[0-9*/,A-Za-z=;:\\- \n]{0,60}"
            ) {
                let _ = Cadence::parse(&s, Oslo, utc("2027-01-01T00:00:00Z"));
                let _ = Cadence::parse(&format!("DTSTART:20270101T090000 RRULE:{s}"), Oslo, utc("2027-01-01T00:00:00Z"));
            }

            #[test]
            fn occurrences_are_strictly_increasing_and_after(
                spec in valid_spec(),
                secs in 0i64..(80 * 365 * 86_400),
                limit in 0usize..40,
                skip in any::<bool>(),
            ) {
                let parsed = Cadence::parse(&spec, Oslo, utc("2027-01-01T00:00:00Z"));
                // The generator may combine BYMONTHDAY with WEEKLY, which RFC 5545 forbids.
                prop_assume!(!matches!(parsed, Err(CadenceError::InvalidCombination { .. })));
                let c = parsed.map_err(|e| TestCaseError::fail(format!("{spec:?}: {e:?}")))?;
                let after = utc("2000-01-01T00:00:00Z") + TimeDelta::seconds(secs);
                let got = c.occurrences_after(after, limit, skip);
                prop_assert!(got.len() <= limit);
                prop_assert!(got.iter().all(|t| t.with_timezone(&Utc) > after));
                prop_assert!(got.windows(2).all(|w| w[0] < w[1]));
                if skip {
                    prop_assert!(got.iter().all(|t| !holidays::is_holiday(t.date_naive())));
                }
                let back = Cadence::parse(&c.to_storage(), Oslo, utc("2030-01-01T00:00:00Z"));
                prop_assert_eq!(back.as_ref(), Ok(&c));
            }
        }
    }
}
