//! A cadence as people say it: "hver 4. uke, tirsdag kl. 09.00", "første tirsdag i måneden",
//! "tirsdag i uke 8, 20, 36 og 46". This module finds the *shape* of a rule (pure, no words);
//! the words are Fluent messages, put together by `crate::i18n::cadence`.
//!
//! Presets always have a shape. RRULEs and cron expressions have one when people would say
//! them the same way: one time of day; for cron, every month and either the day of the month
//! or the weekday restricted, not both. Anything else (several times a day, `COUNT`, `UNTIL`,
//! `BYSETPOS`, a week start other than Monday with ISO weeks, …) is [`Description::Other`]:
//! a generic sentence, with the exact rule available on request.

use super::*;

/// The parts of a cadence a sentence is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Every `interval` days.
    Daily { interval: u32 },
    /// Every `interval` weeks (1 = every week) on `days`, Monday first.
    Weekly { interval: u32, days: Vec<Weekday> },
    /// Every `interval` months on the `nth` `day` of the month: 1..=5 from the start, -1 the
    /// last, -2 the second to last.
    MonthlyWeekday {
        interval: u32,
        nth: i8,
        day: Weekday,
    },
    /// Every `interval` months on these days of the month (1..=31, ascending).
    MonthlyDay { interval: u32, days: Vec<u32> },
    /// Every year in `months` (ascending) on the `nth` `day` of the month. `quarterly` when the
    /// months are four, three apart (January, April, July, October or shifted).
    YearlyWeekday {
        months: Vec<u32>,
        nth: i8,
        day: Weekday,
        quarterly: bool,
    },
    /// Every year on `days` of these ISO 8601 weeks (ascending).
    IsoWeeks { weeks: Vec<u32>, days: Vec<Weekday> },
}

/// What a cadence says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Description {
    /// A rule people say in words: `shape` at `time` (wall clock). `zone` is the rule's own
    /// zone when it names one (RRULE `TZID`, or UTC); cron and presets follow the cadence zone.
    Known {
        shape: Shape,
        time: NaiveTime,
        zone: Option<Tz>,
    },
    /// Anything else: say so, and show the rule itself on request.
    Other,
}

impl Cadence {
    /// The shape of this cadence, for a sentence in the user's language.
    pub fn describe(&self) -> Description {
        match &self.spec {
            Spec::Rrule(r) => describe_rrule(r, self.tz).unwrap_or(Description::Other),
            Spec::Cron(c) => describe_cron(c).unwrap_or(Description::Other),
        }
    }
}

fn plain_days(byday: &[(i8, Weekday)]) -> Option<Vec<Weekday>> {
    if byday.iter().any(|(o, _)| *o != 0) {
        return None;
    }
    let mut days: Vec<Weekday> = byday.iter().map(|(_, d)| *d).collect();
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    Some(days)
}

fn single_nth(byday: &[(i8, Weekday)]) -> Option<(i8, Weekday)> {
    match byday {
        [(nth, day)] if (1..=5).contains(nth) || matches!(nth, -1 | -2) => Some((*nth, *day)),
        _ => None,
    }
}

fn describe_rrule(r: &Recurrence, cadence_tz: Tz) -> Option<Description> {
    let rule = &r.rule;
    if rule.count.is_some() || rule.until.is_some() || !rule.bysetpos.is_empty() {
        return None;
    }
    let ds = r.dtstart.date();
    let interval = rule.interval;
    let shape = match rule.freq {
        Freq::Daily => {
            if !rule.byday.is_empty()
                || !rule.bymonthday.is_empty()
                || !rule.bymonth.is_empty()
                || !rule.byweekno.is_empty()
            {
                return None;
            }
            Shape::Daily { interval }
        }
        Freq::Weekly => {
            if !rule.bymonth.is_empty() {
                return None;
            }
            let mut days = plain_days(&rule.byday)?;
            if days.is_empty() {
                days.push(ds.weekday());
            }
            // With several days and weeks apart, the week start decides which days go
            // together; ISO weeks (Monday) is what people mean.
            if interval > 1 && days.len() > 1 && rule.wkst != Weekday::Mon {
                return None;
            }
            Shape::Weekly { interval, days }
        }
        Freq::Monthly => {
            if !rule.bymonth.is_empty() {
                return None;
            }
            match (rule.byday.is_empty(), rule.bymonthday.is_empty()) {
                (false, true) => {
                    let (nth, day) = single_nth(&rule.byday)?;
                    Shape::MonthlyWeekday { interval, nth, day }
                }
                (true, false) => {
                    let days = rule
                        .bymonthday
                        .iter()
                        .map(|d| u32::try_from(*d).ok())
                        .collect::<Option<Vec<u32>>>()?;
                    Shape::MonthlyDay { interval, days }
                }
                (true, true) => Shape::MonthlyDay {
                    interval,
                    days: vec![ds.day()],
                },
                (false, false) => return None,
            }
        }
        Freq::Yearly => {
            if interval != 1 || !rule.bymonthday.is_empty() {
                return None;
            }
            if !rule.byweekno.is_empty() {
                if !rule.bymonth.is_empty() || rule.wkst != Weekday::Mon {
                    return None;
                }
                let weeks = rule
                    .byweekno
                    .iter()
                    .map(|w| u32::try_from(*w).ok())
                    .collect::<Option<Vec<u32>>>()?;
                let days = plain_days(&rule.byday)?;
                if days.is_empty() {
                    return None;
                }
                Shape::IsoWeeks { weeks, days }
            } else {
                if rule.bymonth.is_empty() {
                    return None;
                }
                let (nth, day) = single_nth(&rule.byday)?;
                let months = rule.bymonth.clone();
                let quarterly = months.len() == 4 && months.windows(2).all(|w| w[1] - w[0] == 3);
                Shape::YearlyWeekday {
                    months,
                    nth,
                    day,
                    quarterly,
                }
            }
        }
    };
    let zone = match r.zone {
        Zone::Utc => Some(Tz::UTC),
        Zone::Named(z) if z != cadence_tz => Some(z),
        Zone::Named(_) => None,
    };
    Some(Description::Known {
        shape,
        time: r.dtstart.time(),
        zone,
    })
}

fn describe_cron(c: &CronSpec) -> Option<Description> {
    let fields: Vec<&str> = c.text.split_whitespace().collect();
    let list = |i: usize| -> Option<Vec<u32>> {
        let field = *CronField::ALL.get(i)?;
        super::cron::parse_cron_field(field, fields.get(i)?).ok()
    };
    let (minutes, hours, dom, months, dow) = (list(0)?, list(1)?, list(2)?, list(3)?, list(4)?);
    let ([minute], [hour]) = (minutes.as_slice(), hours.as_slice()) else {
        return None;
    };
    if months.len() != 12 {
        return None;
    }
    let time = NaiveTime::from_hms_opt(*hour, *minute, 0)?;
    let mut days: Vec<Weekday> = dow
        .iter()
        .map(|d| WEEKDAYS[((d + 6) % 7) as usize])
        .collect();
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    let every_weekday = days.len() == 7;
    let every_day_of_month = dom.len() == 31;
    let shape = match (every_day_of_month, every_weekday) {
        (true, true) => Shape::Daily { interval: 1 },
        (true, false) => Shape::Weekly { interval: 1, days },
        (false, true) if dom.len() <= 4 => Shape::MonthlyDay {
            interval: 1,
            days: dom,
        },
        _ => return None,
    };
    Some(Description::Known {
        shape,
        time,
        zone: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cadence::tests::parse;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("time")
    }

    fn known(shape: Shape, time: NaiveTime) -> Description {
        Description::Known {
            shape,
            time,
            zone: None,
        }
    }

    #[test]
    fn presets_rrules_and_cron_have_the_shape_people_say() {
        use Weekday::*;
        let table = [
            (
                "every 4 weeks tue 09:00",
                known(
                    Shape::Weekly {
                        interval: 4,
                        days: vec![Tue],
                    },
                    t(9, 0),
                ),
            ),
            (
                "hver tredje måned første tirsdag kl. 09.00",
                known(
                    Shape::MonthlyWeekday {
                        interval: 3,
                        nth: 1,
                        day: Tue,
                    },
                    t(9, 0),
                ),
            ),
            (
                "quarterly last thu 10:00",
                known(
                    Shape::YearlyWeekday {
                        months: vec![1, 4, 7, 10],
                        nth: -1,
                        day: Thu,
                        quarterly: true,
                    },
                    t(10, 0),
                ),
            ),
            (
                "møte i uke 8, 20, 36 og 46 tirsdag kl. 09.00",
                known(
                    Shape::IsoWeeks {
                        weeks: vec![8, 20, 36, 46],
                        days: vec![Tue],
                    },
                    t(9, 0),
                ),
            ),
            (
                "0 8 * * 1",
                known(
                    Shape::Weekly {
                        interval: 1,
                        days: vec![Mon],
                    },
                    t(8, 0),
                ),
            ),
            (
                "30 7 * * SUN,7,MON-WED",
                known(
                    Shape::Weekly {
                        interval: 1,
                        days: vec![Mon, Tue, Wed, Sun],
                    },
                    t(7, 30),
                ),
            ),
            (
                "0 9 1,15 * *",
                known(
                    Shape::MonthlyDay {
                        interval: 1,
                        days: vec![1, 15],
                    },
                    t(9, 0),
                ),
            ),
            ("0 12 * * *", known(Shape::Daily { interval: 1 }, t(12, 0))),
            (
                "DTSTART;TZID=Europe/Oslo:20270115T090000 RRULE:FREQ=MONTHLY;INTERVAL=2",
                known(
                    Shape::MonthlyDay {
                        interval: 2,
                        days: vec![15],
                    },
                    t(9, 0),
                ),
            ),
            (
                "DTSTART;TZID=America/New_York:20270105T090000 RRULE:FREQ=WEEKLY",
                Description::Known {
                    shape: Shape::Weekly {
                        interval: 1,
                        days: vec![Tue],
                    },
                    time: t(9, 0),
                    zone: Some(chrono_tz::America::New_York),
                },
            ),
        ];
        for (spec, want) in table {
            assert_eq!(parse(spec).describe(), want, "{spec}");
        }
    }

    #[test]
    fn exotic_rules_are_other() {
        for spec in [
            "0 9,15 * * 1",
            "*/15 9 * * *",
            "0 9 * 3 1",
            "0 9 13 * 5",
            "DTSTART:20270101T090000 RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            "DTSTART:20270101T090000 RRULE:FREQ=WEEKLY;COUNT=5",
            "DTSTART:20270101T090000 RRULE:FREQ=YEARLY;BYWEEKNO=20",
            "DTSTART:20270101T090000 RRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;WKST=SU",
            "DTSTART:20270101T090000 RRULE:FREQ=MONTHLY;BYMONTHDAY=-1",
        ] {
            assert_eq!(parse(spec).describe(), Description::Other, "{spec}");
        }
    }
}
