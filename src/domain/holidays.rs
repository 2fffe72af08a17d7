//! Norwegian public holidays (*offentlige høytidsdager* and 1 May / 17 May), computed.
//!
//! Nothing is tabulated per year: the movable feasts are derived from Easter Sunday, which is
//! computed with the anonymous Gregorian computus (Meeus/Jones/Butcher). The fixed ones are
//! 1 January, 1 May, 17 May, 25 and 26 December.
//!
//! [`holidays`] returns **one row per holiday**, sorted by date and then by the order of the
//! [`Holiday`] enum. Two holidays can fall on the same date — Whit Monday is 17 May in 2027
//! (Constitution Day), Ascension Day was 1 May in 2008 and 17 May in 2007 — and then the date
//! appears in two rows, so `sltbot holidays 2027` prints `2027-05-17 …` twice, once per name.
//! Use [`is_holiday`] when only "is this a day off" matters.
//!
//! Ordinary Sundays are not listed (only Easter Sunday and Whit Sunday, which are named
//! holidays); a weekly Sunday meeting is therefore not skipped every week.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// A Norwegian public holiday. The variant order is the calendar order within a year and is the
/// tie-break when two holidays share a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Holiday {
    /// 1 January, *første nyttårsdag*.
    NewYearsDay,
    /// Easter − 3, *skjærtorsdag*.
    MaundyThursday,
    /// Easter − 2, *langfredag*.
    GoodFriday,
    /// *Første påskedag*.
    EasterSunday,
    /// Easter + 1, *andre påskedag*.
    EasterMonday,
    /// 1 May, *offentlig høytidsdag*.
    LabourDay,
    /// 17 May, *grunnlovsdag*.
    ConstitutionDay,
    /// Easter + 39, *Kristi himmelfartsdag*.
    AscensionDay,
    /// Easter + 49, *første pinsedag*.
    WhitSunday,
    /// Easter + 50, *andre pinsedag*.
    WhitMonday,
    /// 25 December, *første juledag*.
    ChristmasDay,
    /// 26 December, *andre juledag*.
    StStephensDay,
}

impl Holiday {
    /// Every holiday, in enum (calendar) order.
    pub const ALL: [Holiday; 12] = [
        Holiday::NewYearsDay,
        Holiday::MaundyThursday,
        Holiday::GoodFriday,
        Holiday::EasterSunday,
        Holiday::EasterMonday,
        Holiday::LabourDay,
        Holiday::ConstitutionDay,
        Holiday::AscensionDay,
        Holiday::WhitSunday,
        Holiday::WhitMonday,
        Holiday::ChristmasDay,
        Holiday::StStephensDay,
    ];

    /// Stable Fluent message id for the holiday's display name.
    pub fn fluent_key(&self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "holiday-new-years-day",
            Holiday::MaundyThursday => "holiday-maundy-thursday",
            Holiday::GoodFriday => "holiday-good-friday",
            Holiday::EasterSunday => "holiday-easter-sunday",
            Holiday::EasterMonday => "holiday-easter-monday",
            Holiday::LabourDay => "holiday-labour-day",
            Holiday::ConstitutionDay => "holiday-constitution-day",
            Holiday::AscensionDay => "holiday-ascension-day",
            Holiday::WhitSunday => "holiday-whit-sunday",
            Holiday::WhitMonday => "holiday-whit-monday",
            Holiday::ChristmasDay => "holiday-christmas-day",
            Holiday::StStephensDay => "holiday-st-stephens-day",
        }
    }

    /// The bokmål name (the default locale), e.g. for the `sltbot holidays YEAR` CLI when no
    /// Fluent bundle is at hand. The localized texts live in the .ftl files under
    /// [`Holiday::fluent_key`].
    pub fn nb_name(&self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "første nyttårsdag",
            Holiday::MaundyThursday => "skjærtorsdag",
            Holiday::GoodFriday => "langfredag",
            Holiday::EasterSunday => "første påskedag",
            Holiday::EasterMonday => "andre påskedag",
            Holiday::LabourDay => "offentlig høytidsdag (1. mai)",
            Holiday::ConstitutionDay => "grunnlovsdag (17. mai)",
            Holiday::AscensionDay => "Kristi himmelfartsdag",
            Holiday::WhitSunday => "første pinsedag",
            Holiday::WhitMonday => "andre pinsedag",
            Holiday::ChristmasDay => "første juledag",
            Holiday::StStephensDay => "andre juledag",
        }
    }

    /// Days after Easter Sunday for the movable feasts, `None` for fixed-date holidays.
    fn easter_offset(&self) -> Option<i64> {
        match self {
            Holiday::MaundyThursday => Some(-3),
            Holiday::GoodFriday => Some(-2),
            Holiday::EasterSunday => Some(0),
            Holiday::EasterMonday => Some(1),
            Holiday::AscensionDay => Some(39),
            Holiday::WhitSunday => Some(49),
            Holiday::WhitMonday => Some(50),
            _ => None,
        }
    }

    /// (month, day) for the fixed-date holidays.
    fn fixed_date(&self) -> Option<(u32, u32)> {
        match self {
            Holiday::NewYearsDay => Some((1, 1)),
            Holiday::LabourDay => Some((5, 1)),
            Holiday::ConstitutionDay => Some((5, 17)),
            Holiday::ChristmasDay => Some((12, 25)),
            Holiday::StStephensDay => Some((12, 26)),
            _ => None,
        }
    }
}

/// Easter Sunday of the Gregorian `year` (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
/// `None` only when the date is outside chrono's range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// All Norwegian public holidays of `year`, one row per holiday, sorted by date (ties in
/// [`Holiday`] order). Empty only for years outside chrono's date range.
pub fn holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let easter = easter_sunday(year);
    let mut out: Vec<(NaiveDate, Holiday)> = Holiday::ALL
        .iter()
        .filter_map(|h| {
            let date = match (h.fixed_date(), h.easter_offset()) {
                (Some((m, d)), _) => NaiveDate::from_ymd_opt(year, m, d),
                (None, Some(off)) => easter?.checked_add_signed(Duration::days(off)),
                (None, None) => None,
            }?;
            Some((date, *h))
        })
        .collect();
    out.sort();
    out
}

/// The holidays falling on `date` (usually none, at most two).
pub fn holidays_on(date: NaiveDate) -> Vec<Holiday> {
    holidays(date.year())
        .into_iter()
        .filter(|(d, _)| *d == date)
        .map(|(_, h)| h)
        .collect()
}

/// Whether `date` is a Norwegian public holiday.
pub fn is_holiday(date: NaiveDate) -> bool {
    holidays(date.year()).iter().any(|(d, _)| *d == date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn easter_sunday_matches_known_dates() {
        let known = [
            (1818, 3, 22), // earliest possible
            (1943, 4, 25), // latest possible
            (2000, 4, 23),
            (2008, 3, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2038, 4, 25),
            (2100, 3, 28),
            (2285, 3, 22),
        ];
        for (y, m, d) in known {
            assert_eq!(easter_sunday(y), Some(date(y, m, d)), "Easter {y}");
        }
    }

    #[test]
    fn holidays_2027_full_list_with_two_rows_on_17_may() {
        let expected = [
            ((1, 1), Holiday::NewYearsDay),
            ((3, 25), Holiday::MaundyThursday),
            ((3, 26), Holiday::GoodFriday),
            ((3, 28), Holiday::EasterSunday),
            ((3, 29), Holiday::EasterMonday),
            ((5, 1), Holiday::LabourDay),
            ((5, 6), Holiday::AscensionDay),
            ((5, 16), Holiday::WhitSunday),
            ((5, 17), Holiday::ConstitutionDay),
            ((5, 17), Holiday::WhitMonday),
            ((12, 25), Holiday::ChristmasDay),
            ((12, 26), Holiday::StStephensDay),
        ];
        let got = holidays(2027);
        let want: Vec<_> = expected
            .iter()
            .map(|((m, d), h)| (date(2027, *m, *d), *h))
            .collect();
        assert_eq!(got, want);
        assert_eq!(
            holidays_on(date(2027, 5, 17)),
            vec![Holiday::ConstitutionDay, Holiday::WhitMonday]
        );
    }

    #[test]
    fn movable_holidays_for_several_years() {
        // (year, maundy thu, ascension, whit monday) as (month, day)
        let table = [
            (2024, (3, 28), (5, 9), (5, 20)),
            (2025, (4, 17), (5, 29), (6, 9)),
            (2026, (4, 2), (5, 14), (5, 25)),
            (2038, (4, 22), (6, 3), (6, 14)),
            (2285, (3, 19), (4, 30), (5, 11)),
        ];
        for (y, mt, asc, wm) in table {
            let hs = holidays(y);
            let find = |h: Holiday| hs.iter().find(|(_, x)| *x == h).map(|(d, _)| *d);
            assert_eq!(find(Holiday::MaundyThursday), Some(date(y, mt.0, mt.1)));
            assert_eq!(find(Holiday::AscensionDay), Some(date(y, asc.0, asc.1)));
            assert_eq!(find(Holiday::WhitMonday), Some(date(y, wm.0, wm.1)));
            assert_eq!(hs.len(), 12, "{y}");
            assert!(hs.windows(2).all(|w| w[0] <= w[1]), "sorted {y}");
        }
    }

    #[test]
    fn is_holiday_answers() {
        let table = [
            (date(2027, 3, 29), true),   // Easter Monday
            (date(2027, 5, 17), true),   // 17 May and Whit Monday
            (date(2027, 5, 18), false),  // ordinary Tuesday
            (date(2027, 12, 24), false), // Christmas Eve is not a public holiday
            (date(2027, 12, 26), true),
            (date(2027, 1, 3), false), // ordinary Sunday
            (date(2025, 5, 29), true), // Ascension 2025
        ];
        for (d, want) in table {
            assert_eq!(is_holiday(d), want, "{d}");
        }
    }

    #[test]
    fn fluent_keys_are_distinct_and_prefixed() {
        let mut keys: Vec<_> = Holiday::ALL.iter().map(|h| h.fluent_key()).collect();
        assert!(keys.iter().all(|k| k.starts_with("holiday-")));
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), Holiday::ALL.len());
    }

    #[test]
    fn extreme_years_do_not_panic() {
        assert!(holidays(i32::MAX).is_empty());
        assert!(holidays(i32::MIN).is_empty());
        assert!(!is_holiday(NaiveDate::MAX));
    }
}
