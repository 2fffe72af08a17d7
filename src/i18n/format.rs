//! Dates and times as users expect them: `tirsdag 12.01.2027 kl. 09.00` in Norwegian
//! (weekday in lower case), `Tuesday 12 January 2027, 09:00` in English — always in the
//! workspace's or group's timezone. The patterns themselves are Fluent messages.

use crate::domain::Lang;
use crate::t;
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc, Weekday};
use chrono_tz::Tz;

pub fn weekday(lang: Lang, day: Weekday) -> String {
    let id = match day {
        Weekday::Mon => "weekday-mon",
        Weekday::Tue => "weekday-tue",
        Weekday::Wed => "weekday-wed",
        Weekday::Thu => "weekday-thu",
        Weekday::Fri => "weekday-fri",
        Weekday::Sat => "weekday-sat",
        Weekday::Sun => "weekday-sun",
    };
    t!(lang, id)
}

/// The name of month `m` (1–12), in lower case in Norwegian.
pub fn month(lang: Lang, m: u32) -> String {
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

/// `tirsdag 12.01.2027`
pub fn date(lang: Lang, d: NaiveDate) -> String {
    t!(
        lang,
        "format-date",
        weekday = weekday(lang, d.weekday()),
        day = d.day().to_string(),
        dd = format!("{:02}", d.day()),
        mm = format!("{:02}", d.month()),
        month = month(lang, d.month()),
        year = d.year().to_string()
    )
}

/// `12.01.2027` (short, no weekday)
pub fn date_short(lang: Lang, d: NaiveDate) -> String {
    t!(
        lang,
        "format-date-short",
        day = d.day().to_string(),
        dd = format!("{:02}", d.day()),
        mm = format!("{:02}", d.month()),
        month = month(lang, d.month()),
        year = d.year().to_string()
    )
}

/// `tirsdag 12.01.2027 kl. 09.00`, in `tz`.
pub fn datetime(lang: Lang, at: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    t!(
        lang,
        "format-datetime",
        date = date(lang, local.date_naive()),
        hh = format!("{:02}", local.hour()),
        min = format!("{:02}", local.minute())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Oslo;

    #[test]
    fn norwegian_and_english_formats() {
        let at = Utc.with_ymd_and_hms(2027, 1, 12, 8, 0, 0).unwrap();
        assert_eq!(datetime(Lang::Nb, at, Oslo), "tirsdag 12.01.2027 kl. 09.00");
        assert_eq!(datetime(Lang::Nn, at, Oslo), "tysdag 12.01.2027 kl. 09.00");
        assert_eq!(
            datetime(Lang::En, at, Oslo),
            "Tuesday 12 January 2027, 09:00"
        );
    }

    #[test]
    fn summer_time_is_shown_in_local_time() {
        let at = Utc.with_ymd_and_hms(2027, 6, 15, 7, 0, 0).unwrap();
        assert_eq!(datetime(Lang::Nb, at, Oslo), "tirsdag 15.06.2027 kl. 09.00");
    }

    #[test]
    fn short_dates() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(date_short(Lang::Nb, d), "01.03.2027");
        assert_eq!(date_short(Lang::En, d), "1 March 2027");
    }
}
