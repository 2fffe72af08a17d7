//! Meeting cadences: when a group meets, evaluated in a time zone, correct across DST.
//!
//! One [`Cadence`] type accepts three spellings, told apart by [`Cadence::parse`]:
//!
//! 1. **RFC 5545 text** (anything starting with `DTSTART`, `RRULE:` or `FREQ=`): a `DTSTART`
//!    content line and an `RRULE` content line, separated by a newline *or any whitespace* (a
//!    Discord option cannot hold a newline):
//!    `DTSTART;TZID=Europe/Oslo:20270105T090000` `RRULE:FREQ=WEEKLY;INTERVAL=4;BYDAY=TU`.
//!    This is also the storage form ([`Cadence::to_storage`]) of presets and RRULEs.
//! 2. **Standard 5-field cron** (first two tokens start with a digit or `*`): `0 9 * * 2`.
//! 3. **Presets**, a short human text from a chat command (anything else: `hver 4. uke
//!    tirsdag kl. 09.00`, `4 ganger i året første tirsdag kl. 09.00`, `møte i uke 8, 20, 36 og
//!    46 tirsdag kl. 09.00`), see the grammar in `presets.rs`, or built typed with [`Preset`]
//!    and [`Cadence::from_preset`].
//!
//! # Spellings, one module each
//!
//! - `presets.rs`: the preset grammar in bokmål, nynorsk and English.
//! - `rfc5545.rs`: the RRULE subset and its expansion engine.
//! - `cron.rs`: 5-field cron.
//! - [`describe`]: a cadence as people say it (the words themselves are Fluent messages).
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

mod cron;
pub mod describe;
mod presets;
mod rfc5545;

use self::cron::CronSpec;
use self::rfc5545::{parse_rfc5545, Freq, Recurrence, Rule, Zone};

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
    /// Every `interval` months (1 = monthly, 3 = "4 times a year"), 1..=12, on the n-th or
    /// last weekday; the series is phased from its first meeting's month.
    Monthly { interval: u32, ordinal: Ordinal },
    /// On the n-th or last weekday of the first month of each quarter. Quarters start in
    /// January unless `start_month` (1..=12) says otherwise.
    Quarterly {
        ordinal: Ordinal,
        start_month: Option<u32>,
    },
    /// In the given ISO 8601 weeks of every year ("uke 8, 20, 36 og 46").
    IsoWeeks { weeks: WeekSet },
}

/// A set of ISO week numbers 1..=53.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WeekSet(u64);

impl WeekSet {
    /// The set of `weeks`; `None` if one is outside 1..=53.
    pub fn new(weeks: impl IntoIterator<Item = u32>) -> Option<WeekSet> {
        let mut bits = 0u64;
        for w in weeks {
            if !(1..=53).contains(&w) {
                return None;
            }
            bits |= 1 << w;
        }
        Some(WeekSet(bits))
    }

    /// The weeks, ascending.
    pub fn weeks(self) -> Vec<u32> {
        (1..=53).filter(|w| self.0 & (1 << w) != 0).collect()
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
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
    /// `suggestion`: the user's text repaired into an accepted preset, when one is near.
    #[error("not a preset, RRULE or cron expression (starts with {word:?})")]
    Unrecognized {
        word: String,
        suggestion: Option<String>,
    },
    #[error("unexpected word {word:?} at position {position}")]
    UnexpectedWord {
        word: String,
        position: usize,
        suggestion: Option<String>,
    },
    #[error("preset is missing its {}", part.id())]
    MissingPart {
        part: PresetPart,
        suggestion: Option<String>,
    },
    #[error("{value} times a year does not divide the year into whole months")]
    TimesPerYear { value: u64 },
    #[error("there is no ISO week {value} (weeks are 1..=53)")]
    WeekOutOfRange { value: u64 },
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
            CadenceError::TimesPerYear { .. } => "cadence-error-times-per-year",
            CadenceError::WeekOutOfRange { .. } => "cadence-error-week-out-of-range",
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

    /// The user's text repaired into an accepted preset (same language, same words where
    /// possible), when the error is a word that was not understood or a missing part.
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            CadenceError::Unrecognized { suggestion, .. }
            | CadenceError::UnexpectedWord { suggestion, .. }
            | CadenceError::MissingPart { suggestion, .. } => suggestion.as_deref(),
            _ => None,
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
            CadenceError::Unrecognized { word, .. } => vec![("word", word.clone())],
            CadenceError::UnexpectedWord { word, position, .. } => {
                vec![("word", word.clone()), ("position", position.to_string())]
            }
            CadenceError::MissingPart { part, .. } | CadenceError::DuplicatePart { part } => {
                vec![("part", part.id().to_string())]
            }
            CadenceError::TimesPerYear { value } | CadenceError::WeekOutOfRange { value } => {
                vec![("value", value.to_string())]
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
        // Cron's second field (the hour) is numeric too; "4 ganger i året …" is a preset.
        let cron_like = |t: &str| t.starts_with(|c: char| c.is_ascii_digit() || c == '*');
        let second = trimmed.split_whitespace().nth(1);
        if cron_like(first) && second.is_none_or(cron_like) {
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
            Repeat::Monthly { interval, ordinal } => {
                if !(1..=12).contains(&interval) {
                    return Err(CadenceError::IntervalOutOfRange {
                        value: u64::from(interval),
                        min: 1,
                        max: 12,
                    });
                }
                rule.freq = Freq::Monthly;
                rule.interval = interval;
                rule.byday = vec![(ordinal.rrule_value(), p.weekday)];
            }
            Repeat::IsoWeeks { weeks } => {
                if weeks.is_empty() {
                    return Err(CadenceError::NeverOccurs);
                }
                rule.freq = Freq::Yearly;
                rule.byweekno = weeks
                    .weeks()
                    .into_iter()
                    .filter_map(|w| i8::try_from(w).ok())
                    .collect();
                rule.byday = vec![(0, p.weekday)];
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

    pub(super) fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("valid test timestamp")
            .with_timezone(&Utc)
    }

    pub(super) fn parse(spec: &str) -> Cadence {
        Cadence::parse(spec, Oslo, utc("2026-12-01T12:00:00Z"))
            .unwrap_or_else(|e| panic!("{spec:?} should parse: {e:?}"))
    }

    pub(super) fn occ(spec: &str, after: &str, n: usize, skip: bool) -> Vec<String> {
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
                    suggestion: None,
                },
            ),
            (
                "weekly 09:00",
                CadenceError::MissingPart {
                    part: PresetPart::Weekday,
                    suggestion: Some("weekly tuesday 09:00".into()),
                },
            ),
            (
                "weekly tue",
                CadenceError::MissingPart {
                    part: PresetPart::Time,
                    suggestion: Some("weekly tue 09:00".into()),
                },
            ),
            (
                "monthly tue 09:00",
                CadenceError::MissingPart {
                    part: PresetPart::Ordinal,
                    suggestion: Some("monthly first tue 09:00".into()),
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
                    suggestion: None,
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
                    suggestion: None,
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
                0usize..6,
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
                    3 => format!("quarterly {ord} {wd} {h:02}:{m:02}"),
                    4 => format!("every {} months {ord} {wd} {h:02}:{m:02}", n % 12 + 1),
                    _ => format!("møte i uke {n}, {} og 53 {wd} kl. {h:02}.{m:02}", n % 7 + 1),
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
