//! Cadences, their errors and reminder lead times in words, in the user's language:
//! "hver 4. uke, tirsdag kl. 09.00", "kvar 4. veke, tysdag kl. 09.00", "every 4th week,
//! Tuesday at 09:00"; "7 dager og 1 dag". The shape comes from
//! [`crate::domain::cadence::describe`]; every word is a Fluent message (`cadence-*`,
//! `duration-*`, `list-and`).

use crate::domain::cadence::describe::{Description, Shape};
use crate::domain::cadence::{Cadence, CadenceError};
use crate::domain::Lang;
use crate::i18n::format;
use crate::t;
use chrono::{DateTime, Timelike, Utc, Weekday};
use chrono_tz::Tz;

/// `a`, `a og b`, `a, b og c` (en: `a, b and c`).
pub fn list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => t!(
            lang,
            "list-and",
            head = head.join(", "),
            last = last.as_str()
        ),
    }
}

fn days(lang: Lang, days: &[Weekday]) -> String {
    let names: Vec<String> = days.iter().map(|d| format::weekday(lang, *d)).collect();
    list(lang, &names)
}

fn month_name(lang: Lang, m: u32) -> String {
    const IDS: [&str; 12] = [
        "month-jan",
        "month-feb",
        "month-mar",
        "month-apr",
        "month-may",
        "month-jun",
        "month-jul",
        "month-aug",
        "month-sep",
        "month-oct",
        "month-nov",
        "month-dec",
    ];
    t!(lang, IDS[(m.clamp(1, 12) - 1) as usize])
}

/// `4.` / `4th`: the n-th week, month or day.
fn nth_number(lang: Lang, n: u32) -> String {
    t!(lang, "cadence-nth-number", n = n)
}

/// `første`, `siste`, `nest siste` / `first`, `last`: which weekday of the month.
fn nth_word(lang: Lang, nth: i8) -> String {
    let key = match nth {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        -1 => "last",
        _ => "penultimate",
    };
    t!(lang, "cadence-nth-word", nth = key)
}

/// The frequency part of a shape, without the time of day.
fn shape(lang: Lang, s: &Shape) -> String {
    match s {
        Shape::Daily { interval } => t!(
            lang,
            "cadence-daily",
            n = *interval,
            every = nth_number(lang, *interval)
        ),
        Shape::Weekly { interval, days: d } => t!(
            lang,
            "cadence-weekly",
            n = *interval,
            every = nth_number(lang, *interval),
            days = days(lang, d)
        ),
        Shape::MonthlyWeekday { interval, nth, day } => t!(
            lang,
            "cadence-monthly-weekday",
            n = *interval,
            every = nth_number(lang, *interval),
            nth = nth_word(lang, *nth),
            day = format::weekday(lang, *day)
        ),
        Shape::MonthlyDay { interval, days } => {
            let names: Vec<String> = days.iter().map(|d| nth_number(lang, *d)).collect();
            t!(
                lang,
                "cadence-monthly-day",
                n = *interval,
                every = nth_number(lang, *interval),
                days = list(lang, &names)
            )
        }
        Shape::YearlyWeekday {
            months,
            nth,
            day,
            quarterly,
        } => {
            let names: Vec<String> = months.iter().map(|m| month_name(lang, *m)).collect();
            let what = t!(
                lang,
                "cadence-yearly-weekday",
                nth = nth_word(lang, *nth),
                day = format::weekday(lang, *day),
                months = list(lang, &names)
            );
            if *quarterly {
                t!(lang, "cadence-quarterly", what = what)
            } else {
                what
            }
        }
        Shape::IsoWeeks { weeks, days: d } => {
            let numbers: Vec<String> = weeks.iter().map(u32::to_string).collect();
            t!(
                lang,
                "cadence-iso-weeks",
                days = days(lang, d),
                count = weeks.len(),
                weeks = list(lang, &numbers)
            )
        }
    }
}

/// A cadence as people say it, e.g. "hver 4. uke, tirsdag kl. 09.00". `shown_in` is the zone
/// the reader's times are in: a rule in another zone names its own.
pub fn describe(lang: Lang, cadence: &Cadence, shown_in: Tz) -> String {
    match cadence.describe() {
        Description::Known {
            shape: s,
            time,
            zone,
        } => {
            let text = t!(
                lang,
                "cadence-at",
                what = shape(lang, &s),
                hh = format!("{:02}", time.hour()),
                mm = format!("{:02}", time.minute())
            );
            match zone {
                Some(z) if z != shown_in => {
                    t!(lang, "cadence-in-zone", what = text, zone = z.name())
                }
                _ => text,
            }
        }
        Description::Other => t!(lang, "cadence-other"),
    }
}

/// A stored cadence (`DTSTART…RRULE…` or cron, zone `tz`) in words; `None` if it does not
/// parse (it always does when it came from the store).
pub fn describe_stored(lang: Lang, stored: &str, tz: Tz) -> Option<String> {
    // Stored text is never a preset, so the anchor is not used.
    let c = Cadence::parse(stored, tz, DateTime::<Utc>::UNIX_EPOCH).ok()?;
    Some(describe(lang, &c, tz))
}

/// Why a cadence was not understood, with the user's own text repaired when that was
/// possible, else examples. Echoed input is made safe (one short line, never an identity
/// number).
pub fn error(lang: Lang, e: &CadenceError) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    for (name, value) in e.args() {
        args.set(name, crate::domain::text::echo_safe(&value));
    }
    // A word near a known one: the suggestion says more than the list of examples.
    let key = match e {
        CadenceError::Unrecognized {
            suggestion: Some(_),
            ..
        } => "cadence-error-not-understood",
        _ => e.fluent_key(),
    };
    let mut out = crate::i18n::tr(lang, key, Some(&args));
    if let Some(s) = e.suggestion() {
        out.push(' ');
        out.push_str(&t!(
            lang,
            "cadence-suggestion",
            suggestion = crate::domain::text::echo_safe(s)
        ));
    } else if matches!(
        e,
        CadenceError::UnexpectedWord { .. } | CadenceError::MissingPart { .. }
    ) {
        out.push(' ');
        out.push_str(&t!(lang, "cadence-examples"));
    }
    out
}

/// `7 dager`, `1 dag`, `36 timer`, `90 minutter`: the largest exact unit.
pub fn duration(lang: Lang, minutes: i64) -> String {
    if minutes != 0 && minutes % (24 * 60) == 0 {
        t!(lang, "duration-days", n = minutes / (24 * 60))
    } else if minutes != 0 && minutes % 60 == 0 {
        t!(lang, "duration-hours", n = minutes / 60)
    } else {
        t!(lang, "duration-minutes", n = minutes)
    }
}

/// Reminder lead times: `7 dager og 1 dag`.
pub fn durations(lang: Lang, minutes: &[i64]) -> String {
    let parts: Vec<String> = minutes.iter().map(|m| duration(lang, *m)).collect();
    list(lang, &parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Oslo;

    fn words(lang: Lang, spec: &str) -> String {
        let now = Utc
            .with_ymd_and_hms(2026, 12, 1, 12, 0, 0)
            .single()
            .expect("valid");
        let c = Cadence::parse(spec, Oslo, now).unwrap_or_else(|e| panic!("{spec}: {e:?}"));
        describe(lang, &c, Oslo)
    }

    /// Golden texts: (cadence, bokmål, nynorsk, English).
    const GOLDEN: &[(&str, &str, &str, &str)] = &[
        (
            "every 4 weeks tue 09:00",
            "hver 4. uke, tirsdag kl. 09.00",
            "kvar 4. veke, tysdag kl. 09.00",
            "every 4th week, Tuesday at 09:00",
        ),
        (
            "annenhver uke onsdag kl. 14.00",
            "annenhver uke, onsdag kl. 14.00",
            "annakvar veke, onsdag kl. 14.00",
            "every other week, Wednesday at 14:00",
        ),
        (
            "monthly first tue 09:00",
            "første tirsdag i måneden kl. 09.00",
            "første tysdag i månaden kl. 09.00",
            "first Tuesday of the month at 09:00",
        ),
        (
            "quarterly last thu 10:00",
            "hvert kvartal, siste torsdag i januar, april, juli og oktober kl. 10.00",
            "kvart kvartal, siste torsdag i januar, april, juli og oktober kl. 10.00",
            "quarterly, last Thursday of January, April, July and October at 10:00",
        ),
        (
            "4 ganger i året første tirsdag kl. 09.00",
            "første tirsdag hver 3. måned kl. 09.00",
            "første tysdag kvar 3. månad kl. 09.00",
            "first Tuesday every 3rd month at 09:00",
        ),
        (
            "møte i uke 8, 20, 36 og 46 tirsdag kl. 09.00",
            "tirsdag i uke 8, 20, 36 og 46 kl. 09.00",
            "tysdag i veke 8, 20, 36 og 46 kl. 09.00",
            "Tuesday in weeks 8, 20, 36 and 46 at 09:00",
        ),
        (
            "0 8 * * 1",
            "hver mandag kl. 08.00",
            "kvar måndag kl. 08.00",
            "every Monday at 08:00",
        ),
        (
            "DTSTART;TZID=Europe/Oslo:20270101T150000 RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            "etter en egendefinert regel",
            "etter ein eigendefinert regel",
            "by a custom rule",
        ),
        // More shapes.
        (
            "0 7 * * 1-5",
            "hver mandag, tirsdag, onsdag, torsdag og fredag kl. 07.00",
            "kvar måndag, tysdag, onsdag, torsdag og fredag kl. 07.00",
            "every Monday, Tuesday, Wednesday, Thursday and Friday at 07:00",
        ),
        (
            "30 12 1,15 * *",
            "den 1. og 15. i måneden kl. 12.30",
            "den 1. og 15. i månaden kl. 12.30",
            "on the 1st and 15th of the month at 12:30",
        ),
        (
            "0 9 * * *",
            "hver dag kl. 09.00",
            "kvar dag kl. 09.00",
            "every day at 09:00",
        ),
        (
            "hver 22. uke søndag kl. 18.05",
            "hver 22. uke, søndag kl. 18.05",
            "kvar 22. veke, sundag kl. 18.05",
            "every 22nd week, Sunday at 18:05",
        ),
        (
            "DTSTART;TZID=Europe/Oslo:20270101T090000 RRULE:FREQ=YEARLY;BYMONTH=3,9;BYDAY=-2FR",
            "nest siste fredag i mars og september kl. 09.00",
            "nest siste fredag i mars og september kl. 09.00",
            "second to last Friday of March and September at 09:00",
        ),
        (
            "DTSTART;TZID=America/New_York:20270105T090000 RRULE:FREQ=WEEKLY",
            "hver tirsdag kl. 09.00 (America/New_York)",
            "kvar tysdag kl. 09.00 (America/New_York)",
            "every Tuesday at 09:00 (America/New_York)",
        ),
    ];

    #[test]
    fn cadences_are_described_as_people_say_them_in_each_language() {
        for (spec, nb, nn, en) in GOLDEN {
            assert_eq!(words(Lang::Nb, spec), *nb, "nb: {spec}");
            assert_eq!(words(Lang::Nn, spec), *nn, "nn: {spec}");
            assert_eq!(words(Lang::En, spec), *en, "en: {spec}");
        }
    }

    #[test]
    fn what_sltbot_says_a_cadence_is_can_be_typed_back() {
        let now = Utc
            .with_ymd_and_hms(2026, 12, 1, 12, 0, 0)
            .single()
            .expect("valid");
        for spec in [
            "every 4 weeks tue 09:00",
            "annenhver uke onsdag kl. 14.00",
            "monthly first tue 09:00",
            "quarterly last thu 10:00",
            "kvartalsvis første fredag kl. 12.00 fra mai",
            "4 ganger i året første tirsdag kl. 09.00",
            "møte i uke 8, 20, 36 og 46 tirsdag kl. 09.00",
            "0 8 * * 1",
            "hver 22. uke søndag kl. 18.05",
            "annenhver måned siste torsdag kl. 10.00",
        ] {
            let c = Cadence::parse(spec, Oslo, now).expect(spec);
            let want = c.occurrences_after(now, 12, false);
            for lang in Lang::ALL {
                let text = describe(lang, &c, Oslo);
                let back = Cadence::parse(&text, Oslo, now)
                    .unwrap_or_else(|e| panic!("{lang:?} {text:?} (from {spec}): {e:?}"));
                assert_eq!(back.occurrences_after(now, 12, false), want, "{text}");
            }
        }
    }

    /// Bokmål words a nynorsk text must not contain.
    const BOKMAL_ONLY: &[&str] = &[
        "ikke",
        "hvis",
        "hver",
        "hvert",
        "uke",
        "uker",
        "måned",
        "måneden",
        "tirsdag",
        "lørdag",
        "søndag",
        "dager",
        "timer",
        "minutter",
        "egendefinert",
        "en",
        "være",
        "fant",
        "bare",
        "mente",
        "eksempel",
        "gir",
        "mangler",
        "oppgitt",
        "ukedag",
    ];

    fn assert_nynorsk(text: &str) {
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            assert!(
                !BOKMAL_ONLY.contains(&word.to_lowercase().as_str()),
                "bokmål word {word:?} in nynorsk: {text}"
            );
        }
    }

    #[test]
    fn nynorsk_descriptions_errors_and_durations_have_no_bokmal_words() {
        for (spec, ..) in GOLDEN {
            assert_nynorsk(&words(Lang::Nn, spec));
        }
        assert_nynorsk(&durations(Lang::Nn, &[7 * 1440, 1440, 36 * 60, 90, 1]));
        let now = Utc
            .with_ymd_and_hms(2026, 12, 1, 12, 0, 0)
            .single()
            .expect("valid");
        for bad in [
            "0 9 * * 8",
            "0 9 * * x",
            "0 9 * *",
            "kvar 4. veke tysdg kl. 09.00",
            "kvar tredje månad tysdag kl. 09.00",
            "5 gonger i året første tysdag kl. 09.00",
            "møte i veke 54 tysdag kl. 09.00",
            "kvar 60. veke tysdag kl. 09.00",
            "sometimes",
        ] {
            let e = Cadence::parse(bad, Oslo, now).expect_err(bad);
            assert_nynorsk(&error(Lang::Nn, &e));
        }
    }

    #[test]
    fn cron_errors_name_the_field_in_the_users_language() {
        let now = Utc
            .with_ymd_and_hms(2026, 12, 1, 12, 0, 0)
            .single()
            .expect("valid");
        let e = Cadence::parse("0 9 * * 8", Oslo, now).expect_err("bad weekday");
        assert_eq!(
            error(Lang::Nb, &e),
            "Verdien 8 i felt 5 i cron-uttrykket (ukedag) må være 0–7."
        );
        assert_eq!(
            error(Lang::Nn, &e),
            "Verdien 8 i felt 5 i cron-uttrykket (vekedag) må vere 0–7."
        );
        assert_eq!(
            error(Lang::En, &e),
            "Value 8 in field 5 of the cron expression (day of week) must be 0–7."
        );
        let e = Cadence::parse("0 9 L * *", Oslo, now).expect_err("bad day");
        assert_eq!(
            error(Lang::Nb, &e),
            "Felt 3 i cron-uttrykket (dag i måneden) er ugyldig: «L»."
        );
        for lang in [Lang::Nb, Lang::Nn] {
            let text = error(lang, &e);
            assert!(!text.contains("day-of-month"), "{text}");
        }
    }

    #[test]
    fn preset_errors_suggest_the_repaired_text_or_show_examples() {
        let now = Utc
            .with_ymd_and_hms(2026, 12, 1, 12, 0, 0)
            .single()
            .expect("valid");
        let e = Cadence::parse("hver 4. uke tirsdg kl. 09.00", Oslo, now).expect_err("typo");
        assert_eq!(
            error(Lang::Nb, &e),
            "Forstod ikke ordet «tirsdg» (ord nr. 4). Mente du «hver 4. uke tirsdag kl. 09.00»?"
        );
        let e = Cadence::parse("kvar tredje månad tysdag kl. 09.00", Oslo, now).expect_err("part");
        assert_eq!(
            error(Lang::Nn, &e),
            "Manglar kva veke (første, siste …). Meinte du «kvar tredje månad første tysdag kl. 09.00»?"
        );
        let e = Cadence::parse("kvartalvis sste torsdg kl 10", Oslo, now).expect_err("typos");
        assert_eq!(
            error(Lang::Nb, &e),
            "Forstod ikke «kvartalvis». Mente du «kvartalsvis siste torsdag kl 10.00»?"
        );
        let e = Cadence::parse("weekly tue 09:00 sharp", Oslo, now).expect_err("word");
        assert!(
            error(Lang::En, &e).ends_with(
                "Examples: “every 4 weeks tue 09:00”, “monthly first tue 09:00” or “meeting in weeks 8, 20, 36 and 46 tue 09:00”."
            ),
            "{}",
            error(Lang::En, &e)
        );
    }

    #[test]
    fn lead_times_are_words_with_plurals() {
        let leads = [7 * 1440, 1440];
        assert_eq!(durations(Lang::Nb, &leads), "7 dager og 1 dag");
        assert_eq!(durations(Lang::Nn, &leads), "7 dagar og 1 dag");
        assert_eq!(durations(Lang::En, &leads), "7 days and 1 day");
        let three = [2 * 1440, 36 * 60, 90];
        assert_eq!(
            durations(Lang::Nb, &three),
            "2 dager, 36 timer og 90 minutter"
        );
        assert_eq!(
            durations(Lang::Nn, &three),
            "2 dagar, 36 timar og 90 minutt"
        );
        assert_eq!(
            durations(Lang::En, &three),
            "2 days, 36 hours and 90 minutes"
        );
        assert_eq!(duration(Lang::Nb, 60), "1 time");
        assert_eq!(duration(Lang::En, 1), "1 minute");
    }
}
