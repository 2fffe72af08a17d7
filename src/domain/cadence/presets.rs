//! Preset texts: short human wording in bokmål, nynorsk and English.
//!
//! Case-insensitive, words separated by spaces (commas are ignored). A *head* picks the kind,
//! then the other clauses follow **in any order**. Leading "møte(r) i", "meeting(s) in" and
//! the like are ignored.
//!
//! ```text
//! preset   = head clause*
//! head     = "weekly" | "ukentlig" | "ukentleg" | "vekentleg"
//!          | EVERY WEEK                                                    -- weekly
//!          | EVERY N WEEK                                                  -- every N weeks
//!          | "every other week" | "annenhver uke" | "annakvar veke"        -- N = 2
//!          | "monthly" | "månedlig" | "månedleg" | "månadleg" | EVERY MONTH
//!          | EVERY N MONTH | "every other month" | "annenhver måned" | "annakvar månad"
//!          | COUNT TIMES ("a" | "per" | "i" | "om") ("year" | "året" | "år")
//!                                        -- every 12/COUNT months; COUNT = 1, 2, 3, 4, 6 or 12
//!          | "quarterly" | "kvartalsvis" | ("every" | "hvert" | "kvart") ("quarter" | "kvartal")
//!          | WEEK W ("og" | "and" | W)*                 -- ISO 8601 weeks W (1..=53) every year
//! EVERY    = "every" | "hver" | "hvert" | "kvar" | "kvart"
//! WEEK     = "week" | "weeks" | "uke" | "uker" | "veke" | "veker" | "veka"
//! MONTH    = "month" | "months" | "måned" | "måneder" | "månad" | "månader" | "mnd"
//! N        = 2, "2.", "2nd", "second", "andre", "3", "third", "tredje", … "tolvte"
//! COUNT    = 4, "fire", "four", … ; TIMES = "ganger" | "gonger" | "gang" | "gong" | "times"
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
//! filler   = on the at of in i kl kl. klokka klokken på den om og and      (ignored)
//! ```
//!
//! The head may also come after the weekday and ordinal, and a few more heads read as the
//! replies do, so what sltbot says a cadence is can be typed back: `første tirsdag i
//! måneden kl. 09.00` (head `måneden` | `månaden` | `month`), `første tirsdag hver 3. måned`,
//! `hver mandag kl. 08.00` (EVERY + weekday = weekly), `tirsdag i uke 8, 20, 36 og 46`,
//! `hvert kvartal, siste torsdag i januar, april, juli og oktober` (quarterly: four month
//! names a quarter apart say when quarters start).
//!
//! N is 1..=52 for weeks and 1..=12 for months. A weekday and a time are required; an ordinal
//! is required for monthly, every-N-months and quarterly. Examples: `weekly tue 09:00`,
//! `every 4 weeks tue 09:00 from 2027-01-05`, `monthly first tue 09:00`,
//! `monthly last thu 13:30`, `quarterly first tue 09:00`, `quarterly last thu 10:00 from feb`,
//! `every 3 months first tue 09:00`, `4 times a year first tue 09:00`,
//! `hver 4. uke tirsdag kl. 09.00 fra 2027-01-05`, `månedlig siste torsdag kl. 13.30`,
//! `hver tredje måned første tirsdag kl. 09.00`, `4 ganger i året første tirsdag kl. 09.00`,
//! `annenhver uke onsdag kl. 14.00`, `møte i uke 8, 20, 36 og 46 tirsdag kl. 09.00`,
//! `kvar 2. veke tysdag kl. 10.00`, `kvar tredje månad første tysdag kl. 09.00`,
//! `4 gonger i året siste torsdag kl. 10.00`, `møte i veke 8 og 36 tysdag kl. 09.00`.
//!
//! Presets become RRULEs: weekly → `FREQ=WEEKLY;INTERVAL=N;BYDAY=TU`; monthly →
//! `FREQ=MONTHLY;INTERVAL=N;BYDAY=1TU` (`-1TH` for last); quarterly →
//! `FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1TU` (months shifted by the start month); ISO weeks →
//! `FREQ=YEARLY;BYWEEKNO=8,20,36,46;BYDAY=TU`. `DTSTART` is the first matching day on or after
//! the `from` date, else on or after the anchor (the local date of `now` in
//! [`Cadence::parse`]). Without `from`, an "every N weeks" or "every N months" series is
//! therefore phased from the anchor's week or month.
//!
//! When a word is not understood or a part is missing, the error carries a *suggestion*: the
//! user's own text repaired into an accepted preset (a misspelt word replaced by the nearest
//! known one, a missing weekday, time or ordinal added in the language the text is written
//! in), checked to parse.

use super::*;

const WEEK: &[&str] = &["week", "weeks", "uke", "uker", "veke", "veker", "veka"];
const MONTH: &[&str] = &[
    "month", "months", "måned", "måneder", "månad", "månader", "mnd",
];
const EVERY: &[&str] = &["every", "hver", "kvar", "hvert", "kvart"];
const OTHER: &[&str] = &["annenhver", "annakvar", "annankvar", "kvarannan"];
const TIMES: &[&str] = &["ganger", "gonger", "gang", "gong", "times"];
const FILLERS: &[&str] = &[
    "on", "the", "at", "of", "in", "i", "kl", "kl.", "klokka", "klokken", "på", "den", "om", "og",
    "and",
];
const LEADING: &[&str] = &["møte", "møter", "møta", "meeting", "meetings", "i", "in"];

/// What the head of a preset says.
enum Head {
    Weekly(u32),
    Monthly(u32),
    Quarterly,
    IsoWeeks(WeekSet),
}

impl Preset {
    /// Parses the preset text grammar of the module docs.
    pub fn parse(text: &str) -> Result<Preset, CadenceError> {
        let tokens = tokenize(text);
        parse_tokens(&tokens).map_err(|e| with_suggestion(e, &tokens))
    }
}

fn tokenize(text: &str) -> Vec<String> {
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
    tokens
}

fn unexpected(word: &str, position: usize) -> CadenceError {
    CadenceError::UnexpectedWord {
        word: word.to_string(),
        position,
        suggestion: None,
    }
}

fn missing(part: PresetPart) -> CadenceError {
    CadenceError::MissingPart {
        part,
        suggestion: None,
    }
}

fn weeks_interval(n: u64) -> Result<u32, CadenceError> {
    match u32::try_from(n) {
        Ok(v) if (1..=52).contains(&v) => Ok(v),
        _ => Err(CadenceError::IntervalOutOfRange {
            value: n,
            min: 1,
            max: 52,
        }),
    }
}

fn months_interval(n: u64) -> Result<u32, CadenceError> {
    match u32::try_from(n) {
        Ok(v) if (1..=12).contains(&v) => Ok(v),
        _ => Err(CadenceError::IntervalOutOfRange {
            value: n,
            min: 1,
            max: 12,
        }),
    }
}

/// The head at `tokens[i..]`: what it says and the index after it.
fn parse_head(tokens: &[String], i: usize) -> Result<(Head, usize), CadenceError> {
    let word = |k: usize| tokens.get(k).map(String::as_str).unwrap_or("");
    let first = word(i);
    if first.is_empty() {
        return Err(CadenceError::Empty);
    }
    let is_week = |k: usize| WEEK.contains(&word(k));
    let is_month = |k: usize| MONTH.contains(&word(k));
    Ok(match first {
        "weekly" | "ukentlig" | "ukentleg" | "vekentleg" => (Head::Weekly(1), i + 1),
        "monthly" | "månedlig" | "månedleg" | "månadleg" | "månadlig" => {
            (Head::Monthly(1), i + 1)
        }
        "quarterly" | "kvartalsvis" => (Head::Quarterly, i + 1),
        w if OTHER.contains(&w) && is_week(i + 1) => (Head::Weekly(2), i + 2),
        w if OTHER.contains(&w) && is_month(i + 1) => (Head::Monthly(2), i + 2),
        // "hver mandag", "every Monday": weekly; the weekday stays a clause.
        w if EVERY.contains(&w) && weekday_word(word(i + 1)).is_some() => (Head::Weekly(1), i + 1),
        // "… i måneden", "… of the month".
        "måneden" | "månaden" | "month" => (Head::Monthly(1), i + 1),
        w if EVERY.contains(&w) => {
            let second = word(i + 1);
            if is_week(i + 1) {
                (Head::Weekly(1), i + 2)
            } else if is_month(i + 1) {
                (Head::Monthly(1), i + 2)
            } else if matches!(second, "quarter" | "kvartal") {
                (Head::Quarterly, i + 2)
            } else if second == "other" && is_week(i + 2) {
                (Head::Weekly(2), i + 3)
            } else if second == "other" && is_month(i + 2) {
                (Head::Monthly(2), i + 3)
            } else if let Some(n) = count_word(second) {
                if is_week(i + 2) {
                    (Head::Weekly(weeks_interval(n)?), i + 3)
                } else if is_month(i + 2) {
                    (Head::Monthly(months_interval(n)?), i + 3)
                } else {
                    return Err(unexpected(word(i + 2), i + 3));
                }
            } else {
                return Err(unexpected(second, i + 2));
            }
        }
        w if WEEK.contains(&w) && week_number_word(word(i + 1)).is_some() => {
            let mut weeks = Vec::new();
            let mut k = i + 1;
            while let Some(n) = week_number_word(word(k)).or_else(|| {
                matches!(word(k), "og" | "and" | "&")
                    .then(|| week_number_word(word(k + 1)))
                    .flatten()
                    .map(|_| 0)
            }) {
                if n > 0 {
                    weeks.push(n);
                }
                k += 1;
            }
            // Every number was checked to be 1..=53 above.
            let set = WeekSet::new(weeks).unwrap_or_default();
            (Head::IsoWeeks(set), k)
        }
        w if WEEK.contains(&w) && count_word(word(i + 1)).is_some() => {
            return Err(CadenceError::WeekOutOfRange {
                value: count_word(word(i + 1)).unwrap_or_default(),
            });
        }
        w => {
            let Some(n) = times_word(w).filter(|_| TIMES.contains(&word(i + 1))) else {
                return Err(CadenceError::Unrecognized {
                    word: w.to_string(),
                    suggestion: None,
                });
            };
            let mut k = i + 2;
            if matches!(word(k), "a" | "per" | "i" | "om" | "in") {
                k += 1;
            }
            if !matches!(word(k), "year" | "året" | "år" | "aaret") {
                return Err(unexpected(word(k), k + 1));
            }
            if n == 0 || 12 % n != 0 {
                return Err(CadenceError::TimesPerYear { value: n });
            }
            (Head::Monthly(months_interval(12 / n)?), k + 1)
        }
    })
}

fn parse_tokens(tokens: &[String]) -> Result<Preset, CadenceError> {
    let word = |k: usize| tokens.get(k).map(String::as_str).unwrap_or("");
    if tokens.is_empty() {
        return Err(CadenceError::Empty);
    }
    // "møte i uke 8 …", "meetings in week 8 …": leading words that name no part.
    let mut start = 0;
    while start + 1 < tokens.len() && LEADING.contains(&word(start)) {
        start += 1;
    }
    // The head usually comes first; else it may come after the weekday or ordinal, as in the
    // replies' own wording: "første tirsdag i måneden", "tirsdag i uke 8 og 36".
    let (head, head_at, head_end) = match parse_head(tokens, start) {
        Ok((head, end)) => (head, start, end),
        Err(first @ (CadenceError::Unrecognized { .. } | CadenceError::UnexpectedWord { .. })) => {
            let mut found = None;
            for k in start + 1..tokens.len() {
                match parse_head(tokens, k) {
                    Ok((head, end)) => {
                        found = Some((head, k, end));
                        break;
                    }
                    Err(
                        CadenceError::Unrecognized { .. } | CadenceError::UnexpectedWord { .. },
                    ) => {}
                    Err(other) => return Err(other),
                }
            }
            found.ok_or(first)?
        }
        Err(other) => return Err(other),
    };

    let mut weekday: Option<Weekday> = None;
    let mut time: Option<NaiveTime> = None;
    let mut ordinal: Option<Ordinal> = None;
    let mut from: Option<NaiveDate> = None;
    let mut start_month: Option<u32> = None;
    // "… i januar, april, juli og oktober" (quarterly only): (month, position).
    let mut months: Vec<(u32, usize)> = Vec::new();
    let allows_ordinal = matches!(head, Head::Monthly(_) | Head::Quarterly);
    let mut i = start;
    while i < tokens.len() {
        if i == head_at {
            i = head_end;
            continue;
        }
        let t = word(i);
        let position = i + 1;
        i += 1;
        if FILLERS.contains(&t) {
            continue;
        }
        if let Some(m) = month_word(t).filter(|_| matches!(head, Head::Quarterly)) {
            months.push((m, position));
        } else if let Some(wd) = weekday_word(t) {
            set_once(&mut weekday, wd, PresetPart::Weekday)?;
        } else if let Some(o) = ordinal_word(t).filter(|_| allows_ordinal) {
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
                return Err(missing(PresetPart::From));
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
            return Err(unexpected(t, position));
        }
    }
    let weekday = weekday.ok_or_else(|| missing(PresetPart::Weekday))?;
    let time = time.ok_or_else(|| missing(PresetPart::Time))?;
    let repeat = match head {
        Head::Weekly(interval) => Repeat::Weekly { interval },
        Head::IsoWeeks(weeks) => Repeat::IsoWeeks { weeks },
        Head::Monthly(interval) => Repeat::Monthly {
            interval,
            ordinal: ordinal.ok_or_else(|| missing(PresetPart::Ordinal))?,
        },
        Head::Quarterly => {
            if let Some(&(_, position)) = months.first() {
                // The four months must be a quarter apart: they say when quarters start.
                let mut ms: Vec<u32> = months.iter().map(|(m, _)| *m).collect();
                ms.sort_unstable();
                let first = ms[0];
                let want: Vec<u32> = (0..4).map(|q| (first - 1 + 3 * q) % 12 + 1).collect();
                if ms != want {
                    return Err(unexpected(word(position - 1), position));
                }
                set_once(&mut start_month, first, PresetPart::From)?;
            }
            Repeat::Quarterly {
                ordinal: ordinal.ok_or_else(|| missing(PresetPart::Ordinal))?,
                start_month,
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

pub(super) fn set_once<T>(
    slot: &mut Option<T>,
    value: T,
    part: PresetPart,
) -> Result<(), CadenceError> {
    if slot.is_some() {
        return Err(CadenceError::DuplicatePart { part });
    }
    *slot = Some(value);
    Ok(())
}

/// `4`, `4.`, `4th`, `fourth`, `fjerde`: how many weeks or months apart.
fn count_word(t: &str) -> Option<u64> {
    let digits = t
        .strip_suffix('.')
        .or_else(|| {
            ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| t.strip_suffix(s))
        })
        .unwrap_or(t);
    if !digits.is_empty() && digits.len() <= 9 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse().ok();
    }
    Some(match t {
        "second" | "andre" => 2,
        "third" | "tredje" => 3,
        "fourth" | "fjerde" => 4,
        "fifth" | "femte" => 5,
        "sixth" | "sjette" => 6,
        "seventh" | "sjuende" | "syvende" | "sjuande" => 7,
        "eighth" | "åttende" | "åttande" => 8,
        "ninth" | "niende" | "niande" => 9,
        "tenth" | "tiende" | "tiande" => 10,
        "eleventh" | "ellevte" => 11,
        "twelfth" | "tolvte" => 12,
        _ => return None,
    })
}

/// `4`, `fire`, `four`: how many times a year.
fn times_word(t: &str) -> Option<u64> {
    if !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok();
    }
    Some(match t {
        "en" | "ein" | "ei" | "ett" | "eitt" | "once" | "one" => 1,
        "to" | "two" | "twice" => 2,
        "tre" | "three" => 3,
        "fire" | "four" => 4,
        "fem" | "five" => 5,
        "seks" | "six" => 6,
        "tolv" | "twelve" => 12,
        _ => return None,
    })
}

/// An ISO week number 1..=53 (`8` or `8.`).
fn week_number_word(t: &str) -> Option<u32> {
    let digits = t.strip_suffix('.').unwrap_or(t);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=53).contains(n))
}

pub(super) fn weekday_word(t: &str) -> Option<Weekday> {
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

pub(super) fn ordinal_word(t: &str) -> Option<Ordinal> {
    Some(match t {
        "first" | "1st" | "1." | "første" | "fyrste" => Ordinal::First,
        "second" | "2nd" | "2." | "andre" => Ordinal::Second,
        "third" | "3rd" | "3." | "tredje" => Ordinal::Third,
        "fourth" | "4th" | "4." | "fjerde" => Ordinal::Fourth,
        "last" | "siste" => Ordinal::Last,
        _ => return None,
    })
}

pub(super) fn month_word(t: &str) -> Option<u32> {
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

pub(super) fn looks_like_time(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.contains([':', '.'])
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
        && t.bytes().filter(|b| *b == b'.' || *b == b':').count() == 1
        && !t.ends_with('.')
}

pub(super) fn parse_time(t: &str) -> Option<NaiveTime> {
    let (h, m) = t.split_once([':', '.'])?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

pub(super) fn parse_date(t: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d.%m.%Y"))
        .ok()
        .filter(|d| (MIN_YEAR..=MAX_YEAR).contains(&d.year()))
}

// ---------------------------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------------------------

/// The language a preset text is written in, guessed from its words (for suggestions).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Written {
    Nb,
    Nn,
    En,
}

fn written_in(tokens: &[String]) -> Written {
    const NN: &[&str] = &[
        "kvar",
        "kvart",
        "veke",
        "veker",
        "veka",
        "månad",
        "månader",
        "månadleg",
        "tysdag",
        "laurdag",
        "sundag",
        "måndag",
        "frå",
        "gonger",
        "gong",
        "fyrste",
        "annakvar",
        "vekentleg",
        "ukentleg",
        "månedleg",
        "året",
    ];
    const EN: &[&str] = &[
        "every",
        "week",
        "weeks",
        "weekly",
        "month",
        "months",
        "monthly",
        "quarterly",
        "times",
        "year",
        "first",
        "last",
        "second",
        "third",
        "fourth",
        "other",
        "from",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "at",
        "on",
        "the",
    ];
    let nn = tokens.iter().filter(|t| NN.contains(&t.as_str())).count();
    let en = tokens.iter().filter(|t| EN.contains(&t.as_str())).count();
    // "året" and "måndag" are nynorsk and bokmål alike; nynorsk needs one more sign.
    let nn_only = tokens
        .iter()
        .filter(|t| NN.contains(&t.as_str()) && !matches!(t.as_str(), "året" | "måndag"))
        .count();
    if en > nn && en > 0 {
        Written::En
    } else if nn_only > 0 {
        Written::Nn
    } else {
        Written::Nb
    }
}

/// Every word the grammar knows, for "did you mean".
fn vocabulary() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = vec![
        "weekly",
        "ukentlig",
        "ukentleg",
        "vekentleg",
        "monthly",
        "månedlig",
        "månadleg",
        "quarterly",
        "kvartalsvis",
        "quarter",
        "kvartal",
        "other",
        "from",
        "fra",
        "frå",
        "mandag",
        "måndag",
        "tirsdag",
        "tysdag",
        "onsdag",
        "torsdag",
        "fredag",
        "lørdag",
        "laurdag",
        "søndag",
        "sundag",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "first",
        "second",
        "third",
        "fourth",
        "last",
        "første",
        "fyrste",
        "andre",
        "tredje",
        "fjerde",
        "siste",
        "ganger",
        "gonger",
        "times",
        "year",
        "året",
    ];
    for list in [WEEK, MONTH, EVERY, OTHER] {
        v.extend_from_slice(list);
    }
    v
}

/// Edit distance (insertions, deletions, substitutions) over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Known words near `word`, nearest first (at most 1 edit for short words, 2 for longer).
fn nearest(word: &str) -> Vec<&'static str> {
    let max = if word.chars().count() <= 4 { 1 } else { 2 };
    let mut found: Vec<(usize, &'static str)> = vocabulary()
        .into_iter()
        .map(|v| (distance(word, v), v))
        .filter(|(d, _)| *d > 0 && *d <= max)
        .collect();
    found.sort();
    found.dedup();
    found.into_iter().map(|(_, v)| v).collect()
}

/// Words to add for a missing part, in the language the text is written in.
fn filler_for(part: PresetPart, lang: Written) -> Option<&'static [&'static str]> {
    Some(match (part, lang) {
        (PresetPart::Weekday, Written::Nb) => &["tirsdag"],
        (PresetPart::Weekday, Written::Nn) => &["tysdag"],
        (PresetPart::Weekday, Written::En) => &["tuesday"],
        (PresetPart::Time, Written::En) => &["09:00"],
        (PresetPart::Time, _) => &["kl.", "09.00"],
        (PresetPart::Ordinal, Written::En) => &["first"],
        (PresetPart::Ordinal, _) => &["første"],
        (PresetPart::From, _) => return None,
    })
}

/// `tokens` repaired (up to `depth` fixes) into a text that parses.
fn repair(tokens: &[String], depth: u32) -> Option<Vec<String>> {
    let err = match parse_tokens(tokens) {
        Ok(_) => return Some(tokens.to_vec()),
        Err(e) => e,
    };
    if depth == 0 {
        return None;
    }
    let replace_at = |idx: usize| -> Option<Vec<String>> {
        let word = tokens.get(idx)?;
        // "kl. 9" → "kl. 09.00"
        if word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
            let h: u32 = word.parse().ok()?;
            if h < 24 {
                let sep = if written_in(tokens) == Written::En {
                    ':'
                } else {
                    '.'
                };
                let mut t = tokens.to_vec();
                t[idx] = format!("{h:02}{sep}00");
                if let Some(r) = repair(&t, depth - 1) {
                    return Some(r);
                }
            }
        }
        for cand in nearest(word) {
            let mut t = tokens.to_vec();
            t[idx] = cand.to_string();
            if let Some(r) = repair(&t, depth - 1) {
                return Some(r);
            }
        }
        None
    };
    match err {
        CadenceError::UnexpectedWord { position, .. } => replace_at(position.checked_sub(1)?),
        CadenceError::Unrecognized { word, .. } => {
            let idx = tokens.iter().position(|t| *t == word)?;
            replace_at(idx)
        }
        CadenceError::MissingPart { part, .. } => {
            let words = filler_for(part, written_in(tokens))?;
            let mut t = tokens.to_vec();
            if part == PresetPart::Ordinal {
                // Before the weekday reads naturally: "første tirsdag".
                let at = t
                    .iter()
                    .position(|w| weekday_word(w).is_some())
                    .unwrap_or(t.len());
                t.insert(at, words[0].to_string());
            } else if part == PresetPart::Weekday {
                // Before the time: "tirsdag kl. 09.00".
                let at = t
                    .iter()
                    .position(|w| looks_like_time(w) || matches!(w.as_str(), "kl" | "kl." | "at"))
                    .unwrap_or(t.len());
                for (k, w) in words.iter().enumerate() {
                    t.insert(at + k, w.to_string());
                }
            } else {
                t.extend(words.iter().map(|w| w.to_string()));
            }
            repair(&t, depth - 1)
        }
        _ => None,
    }
}

/// Attaches to `e` the repaired text, if the text can be repaired.
fn with_suggestion(e: CadenceError, tokens: &[String]) -> CadenceError {
    let fixed = || repair(tokens, 4).map(|t| t.join(" "));
    match e {
        CadenceError::Unrecognized { word, .. } => CadenceError::Unrecognized {
            word,
            suggestion: fixed(),
        },
        CadenceError::UnexpectedWord { word, position, .. } => CadenceError::UnexpectedWord {
            word,
            position,
            suggestion: fixed(),
        },
        CadenceError::MissingPart { part, .. } => CadenceError::MissingPart {
            part,
            suggestion: fixed(),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cadence::tests::{occ, parse, utc};
    use chrono_tz::Europe::Oslo;

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
                        interval: 1,
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

    #[test]
    fn natural_wording_in_bokmal_nynorsk_and_english() {
        // now = 2026-12-01 (a Tuesday) 13:00 in Oslo
        let every_third_month =
            "DTSTART;TZID=Europe/Oslo:20261201T090000\nRRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU";
        let every_other_week =
            "DTSTART;TZID=Europe/Oslo:20261202T140000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE";
        let iso_weeks =
            "DTSTART;TZID=Europe/Oslo:20270223T090000\nRRULE:FREQ=YEARLY;BYWEEKNO=8,20,36,46;BYDAY=TU";
        let table = [
            ("every 3 months first tue 09:00", every_third_month),
            ("every third month on the first tuesday at 09:00", every_third_month),
            ("hver tredje måned første tirsdag kl. 09.00", every_third_month),
            ("hver 3. måned første tirsdag kl. 09.00", every_third_month),
            ("kvar tredje månad første tysdag kl. 09.00", every_third_month),
            ("4 ganger i året første tirsdag kl. 09.00", every_third_month),
            ("fire ganger i året første tirsdag kl. 09.00", every_third_month),
            ("4 gonger i året fyrste tysdag kl. 09.00", every_third_month),
            ("4 times a year first tue 09:00", every_third_month),
            ("four times per year first tuesday 09:00", every_third_month),
            ("annenhver uke onsdag kl. 14.00", every_other_week),
            ("hver andre uke onsdag kl. 14.00", every_other_week),
            ("annakvar veke onsdag kl. 14.00", every_other_week),
            ("every other week wed 14:00", every_other_week),
            ("every 2nd week on wednesday at 14:00", every_other_week),
            ("møte i uke 8, 20, 36 og 46 tirsdag kl. 09.00", iso_weeks),
            ("møte i veke 8, 20, 36 og 46 tysdag kl. 09.00", iso_weeks),
            ("meetings in weeks 8, 20, 36 and 46 on tuesday at 09:00", iso_weeks),
            ("uke 8 20 36 46 tirsdag 09:00", iso_weeks),
            // The head after the weekday, as the replies say it.
            ("tysdag i veke 8, 20, 36 og 46 kl. 09.00", iso_weeks),
            ("første tirsdag hver 3. måned kl. 09.00", every_third_month),
            ("first Tuesday every 3rd month at 09:00", every_third_month),
            (
                "annenhver måned siste torsdag kl. 10.00",
                "DTSTART;TZID=Europe/Oslo:20261231T100000\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TH",
            ),
            (
                "2 ganger i året første mandag kl. 09.00",
                "DTSTART;TZID=Europe/Oslo:20261207T090000\nRRULE:FREQ=MONTHLY;INTERVAL=6;BYDAY=1MO",
            ),
        ];
        for (spec, want) in table {
            assert_eq!(parse(spec).to_storage(), want, "{spec}");
        }
        // ISO weeks give those weeks' Tuesdays, every year.
        assert_eq!(
            occ(
                "møte i uke 8, 20, 36 og 46 tirsdag kl. 09.00",
                "2026-12-01T12:00:00Z",
                5,
                false
            ),
            [
                "2027-02-23T09:00:00+01:00",
                "2027-05-18T09:00:00+02:00",
                "2027-09-07T09:00:00+02:00",
                "2027-11-16T09:00:00+01:00",
                "2028-02-22T09:00:00+01:00",
            ]
        );
    }

    #[test]
    fn natural_wording_out_of_range_is_refused_with_the_range() {
        let now = utc("2026-12-01T12:00:00Z");
        let table = [
            (
                "5 ganger i året første tirsdag kl. 09.00",
                CadenceError::TimesPerYear { value: 5 },
            ),
            (
                "hver 13. måned første tirsdag kl. 09.00",
                CadenceError::IntervalOutOfRange {
                    value: 13,
                    min: 1,
                    max: 12,
                },
            ),
            (
                "hvert kvartal siste torsdag i januar og juli kl. 10.00",
                CadenceError::UnexpectedWord {
                    word: "januar".into(),
                    position: 6,
                    suggestion: None,
                },
            ),
            (
                "møte i uke 54 tirsdag kl. 09.00",
                CadenceError::WeekOutOfRange { value: 54 },
            ),
        ];
        for (spec, want) in table {
            assert_eq!(Cadence::parse(spec, Oslo, now), Err(want), "{spec}");
        }
    }

    #[test]
    fn errors_suggest_the_users_text_repaired_in_its_own_language() {
        let now = utc("2026-12-01T12:00:00Z");
        let table = [
            // a misspelt weekday
            (
                "hver 4. uke tirsdg kl. 09.00",
                "hver 4. uke tirsdag kl. 09.00",
            ),
            // a misspelt head
            (
                "mnedlig første tirsdag kl. 09.00",
                "månedlig første tirsdag kl. 09.00",
            ),
            // an hour without minutes
            ("hver 4. uke tirsdag kl. 9", "hver 4. uke tirsdag kl. 09.00"),
            // up to four fixes at once
            (
                "kvartalvis sste torsdg kl 10",
                "kvartalsvis siste torsdag kl 10.00",
            ),
            // a missing ordinal, weekday or time, added in the text's language
            (
                "hver tredje måned tirsdag kl. 09.00",
                "hver tredje måned første tirsdag kl. 09.00",
            ),
            (
                "kvar fjerde veke kl. 10.00",
                "kvar fjerde veke tysdag kl. 10.00",
            ),
            ("annenhver uke onsdag", "annenhver uke onsdag kl. 09.00"),
            ("every 2 weeks monday", "every 2 weeks monday 09:00"),
            (
                "4 times a year tuesday 09:00",
                "4 times a year first tuesday 09:00",
            ),
        ];
        for (spec, want) in table {
            let err = Cadence::parse(spec, Oslo, now).expect_err(spec);
            assert_eq!(err.suggestion(), Some(want), "{spec}: {err:?}");
            // The suggestion itself is accepted.
            assert!(Cadence::parse(want, Oslo, now).is_ok(), "{want}");
        }
        // Nothing near: no suggestion (the message shows examples instead).
        let err = Cadence::parse("sometimes tue 09:00", Oslo, now).expect_err("refused");
        assert_eq!(err.suggestion(), None);
    }
}
