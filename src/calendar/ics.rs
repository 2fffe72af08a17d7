//! An RFC 5545 (iCalendar) writer: no Discord, no SQL, no words of its own.
//!
//! [`write`] turns a [`Calendar`] into the text of an `.ics` file: `VCALENDAR` with
//! `PRODID`, `VERSION:2.0`, `CALSCALE:GREGORIAN` and `METHOD:PUBLISH`; one `VTIMEZONE` for
//! the calendar's zone; one `VEVENT` per [`Event`] with its `UID`, `DTSTAMP`,
//! `DTSTART`/`DTEND` as local times with `TZID`, `SUMMARY`, `LOCATION`, `SEQUENCE` and
//! `STATUS` (`CONFIRMED` or `CANCELLED`). Lines end in CRLF and are folded at 75 octets
//! (never inside a UTF-8 character); text values are escaped (`\\`, `\;`, `\,`, `\n`).
//!
//! The `VTIMEZONE` is derived from the zone's transitions in the IANA database
//! (chrono-tz), so every zone works: transitions that follow a yearly rule ("the last
//! Sunday of March at 02.00", as Europe/Oslo's do) become one `STANDARD`/`DAYLIGHT`
//! observance with an `RRULE`; any others are written one observance per transition; a
//! zone without transitions gets one fixed `STANDARD` observance.
//!
//! The caller supplies every user-visible word (the summaries, the calendar's name).

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use std::fmt::Write as _;

/// The longest line, in octets, before it is folded (RFC 5545 §3.1), CRLF not counted.
pub const LINE_LIMIT: usize = 75;

/// One meeting as a calendar event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Stable across exports and changes, e.g. `meeting-12@123456.sltbot`.
    pub uid: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    pub location: Option<String>,
    /// Raised on every change of the event (the meeting's version).
    pub sequence: i64,
    pub cancelled: bool,
}

/// A calendar of one zone's events.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    /// Shown by calendar apps as the subscribed calendar's name (`X-WR-CALNAME`).
    pub name: String,
    /// The zone every start and end is written in.
    pub tz: Tz,
    /// When the file was made (`DTSTAMP`).
    pub stamp: DateTime<Utc>,
    pub events: Vec<Event>,
}

/// The `.ics` text of a calendar (CRLF line ends, folded, escaped).
pub fn write(cal: &Calendar) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        format!("PRODID:-//sltbot//sltbot {}//EN", env!("CARGO_PKG_VERSION")),
        "VERSION:2.0".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape_text(&cal.name)),
        format!("X-WR-TIMEZONE:{}", cal.tz.name()),
    ];
    let mut events: Vec<&Event> = cal.events.iter().collect();
    events.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.uid.cmp(&b.uid)));
    let from = events.first().map_or(cal.stamp, |e| e.start.min(cal.stamp));
    let to = events.last().map_or(cal.stamp, |e| e.end.max(cal.stamp));
    lines.extend(vtimezone(cal.tz, from, to));
    let tzid = cal.tz.name();
    for e in events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", escape_text(&e.uid)));
        lines.push(format!("DTSTAMP:{}", utc_stamp(cal.stamp)));
        lines.push(format!(
            "DTSTART;TZID={tzid}:{}",
            local_stamp(cal.tz, e.start)
        ));
        lines.push(format!("DTEND;TZID={tzid}:{}", local_stamp(cal.tz, e.end)));
        lines.push(format!("SUMMARY:{}", escape_text(&e.summary)));
        if let Some(location) = e.location.as_deref().filter(|l| !l.trim().is_empty()) {
            lines.push(format!("LOCATION:{}", escape_text(location)));
        }
        lines.push(format!("SEQUENCE:{}", e.sequence.max(0)));
        lines.push(
            if e.cancelled {
                "STATUS:CANCELLED"
            } else {
                "STATUS:CONFIRMED"
            }
            .into(),
        );
        lines.push("TRANSP:OPAQUE".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in &lines {
        out.push_str(&fold(line));
    }
    out
}

/// Escape a TEXT value (RFC 5545 §3.3.11): `\` `;` `,` and line breaks.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One content line folded at [`LINE_LIMIT`] octets, each physical line ending in CRLF;
/// a continuation line starts with a space. A UTF-8 character is never split.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > LINE_LIMIT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn local_stamp(tz: Tz, t: DateTime<Utc>) -> String {
    t.with_timezone(&tz).format("%Y%m%dT%H%M%S").to_string()
}

fn naive_stamp(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// `+0100`, `-0330`, `+053328` (seconds only when there are any).
fn offset_text(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    let (h, m, s) = (a / 3600, a / 60 % 60, a % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

/// A change of a zone's offset.
#[derive(Debug, Clone, PartialEq)]
struct Transition {
    at: DateTime<Utc>,
    from: i32,
    to: i32,
    daylight: bool,
    name: Option<String>,
}

impl Transition {
    /// The wall-clock time of the change as read before it (an observance's DTSTART).
    fn local_start(&self) -> NaiveDateTime {
        (self.at + Duration::seconds(i64::from(self.from))).naive_utc()
    }
}

struct Probe {
    offset: i32,
    daylight: bool,
    name: Option<String>,
}

fn probe(tz: Tz, t: DateTime<Utc>) -> Probe {
    let o = tz.offset_from_utc_datetime(&t.naive_utc());
    Probe {
        offset: o.fix().local_minus_utc(),
        daylight: !o.dst_offset().is_zero(),
        name: o.abbreviation().map(str::to_string),
    }
}

/// The zone's offset changes in `[from, to)`, to the second.
fn transitions(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Transition> {
    let step = Duration::hours(6);
    let mut out = Vec::new();
    let mut t = from;
    let mut before = probe(tz, t);
    while t < to {
        let next = t + step;
        let after = probe(tz, next);
        if after.offset != before.offset || after.daylight != before.daylight {
            // Bisect (lo keeps the old offset, hi has the new) down to one second.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                let p = probe(tz, mid);
                if p.offset == before.offset && p.daylight == before.daylight {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let changed = probe(tz, hi);
            out.push(Transition {
                at: hi,
                from: before.offset,
                to: changed.offset,
                daylight: changed.daylight,
                name: changed.name,
            });
        }
        before = after;
        t = next;
    }
    out
}

/// Which occurrence of its weekday in the month a day is: `-1` for the last, else 1–4.
fn weekday_position(d: chrono::NaiveDate) -> i32 {
    let next_week = d + Duration::days(7);
    if next_week.month() != d.month() {
        -1
    } else {
        ((d.day() - 1) / 7 + 1) as i32
    }
}

fn weekday_code(w: chrono::Weekday) -> &'static str {
    match w {
        chrono::Weekday::Mon => "MO",
        chrono::Weekday::Tue => "TU",
        chrono::Weekday::Wed => "WE",
        chrono::Weekday::Thu => "TH",
        chrono::Weekday::Fri => "FR",
        chrono::Weekday::Sat => "SA",
        chrono::Weekday::Sun => "SU",
    }
}

/// The `VTIMEZONE` lines for `tz`, valid for times from `from` to `to`.
pub fn vtimezone(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<String> {
    // A year either side, so the observance in force at `from` is in the file and a yearly
    // rule can be recognised over at least three years.
    let scan_from = from - Duration::days(366);
    let scan_to = to + Duration::days(366);
    let found = transitions(tz, scan_from, scan_to);
    let mut lines = vec!["BEGIN:VTIMEZONE".to_string(), format!("TZID:{}", tz.name())];
    if found.is_empty() {
        let p = probe(tz, from);
        lines.push("BEGIN:STANDARD".into());
        lines.push("DTSTART:19700101T000000".into());
        lines.push(format!("TZOFFSETFROM:{}", offset_text(p.offset)));
        lines.push(format!("TZOFFSETTO:{}", offset_text(p.offset)));
        if let Some(name) = p.name {
            lines.push(format!("TZNAME:{}", escape_text(&name)));
        }
        lines.push("END:STANDARD".into());
        lines.push("END:VTIMEZONE".into());
        return lines;
    }
    // Group the transitions by the yearly rule they would follow.
    type Key = (bool, i32, i32, u32, chrono::NaiveTime, chrono::Weekday, i32);
    let key = |t: &Transition| -> Key {
        let local = t.local_start();
        (
            t.daylight,
            t.from,
            t.to,
            local.month(),
            local.time(),
            local.weekday(),
            weekday_position(local.date()),
        )
    };
    let mut groups: Vec<(Key, Vec<&Transition>)> = Vec::new();
    for t in &found {
        let k = key(t);
        match groups.iter_mut().find(|(gk, _)| *gk == k) {
            Some((_, ts)) => ts.push(t),
            None => groups.push((k, vec![t])),
        }
    }
    let last_year = scan_to.year();
    for ((daylight, off_from, off_to, month, _, weekday, pos), ts) in groups {
        let years: Vec<i32> = ts.iter().map(|t| t.local_start().year()).collect();
        let consecutive = years.windows(2).all(|w| w[1] == w[0] + 1);
        // A rule still in force: every year from its first to the end of the scan.
        let yearly = ts.len() >= 2 && consecutive && years.last() >= Some(&(last_year - 1));
        let kind = if daylight { "DAYLIGHT" } else { "STANDARD" };
        let observance = |lines: &mut Vec<String>, t: &Transition, rule: Option<String>| {
            lines.push(format!("BEGIN:{kind}"));
            lines.push(format!("DTSTART:{}", naive_stamp(t.local_start())));
            if let Some(rule) = rule {
                lines.push(rule);
            }
            lines.push(format!("TZOFFSETFROM:{}", offset_text(off_from)));
            lines.push(format!("TZOFFSETTO:{}", offset_text(off_to)));
            if let Some(name) = &t.name {
                lines.push(format!("TZNAME:{}", escape_text(name)));
            }
            lines.push(format!("END:{kind}"));
        };
        if yearly {
            let mut rule = String::new();
            let _ = write!(
                rule,
                "RRULE:FREQ=YEARLY;BYMONTH={month};BYDAY={pos}{}",
                weekday_code(weekday)
            );
            observance(&mut lines, ts[0], Some(rule));
        } else {
            for t in ts {
                observance(&mut lines, t, None);
            }
        }
    }
    lines.push("END:VTIMEZONE".into());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn oslo_has_last_sunday_rules_for_summer_and_winter_time() {
        let lines = vtimezone(
            chrono_tz::Europe::Oslo,
            utc("2026-11-28T10:00:00Z"),
            utc("2027-11-28T10:00:00Z"),
        );
        let text = lines.join("\n");
        assert!(text.contains(
            "BEGIN:DAYLIGHT\nDTSTART:20260329T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\n\
             TZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST\nEND:DAYLIGHT"
        ));
        assert!(text.contains(
            "BEGIN:STANDARD\nDTSTART:20261025T030000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\n\
             TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET\nEND:STANDARD"
        ));
        assert_eq!(text.matches("BEGIN:DAYLIGHT").count(), 1);
        assert_eq!(text.matches("BEGIN:STANDARD").count(), 1);
    }

    #[test]
    fn new_york_uses_second_and_first_sunday() {
        let text = vtimezone(
            chrono_tz::America::New_York,
            utc("2026-11-28T10:00:00Z"),
            utc("2027-11-28T10:00:00Z"),
        )
        .join("\n");
        assert!(
            text.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"),
            "{text}"
        );
        assert!(
            text.contains("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"),
            "{text}"
        );
        assert!(
            text.contains("TZOFFSETFROM:-0500\nTZOFFSETTO:-0400"),
            "{text}"
        );
    }

    #[test]
    fn a_zone_without_changes_gets_one_fixed_observance() {
        let text = vtimezone(
            chrono_tz::Asia::Tokyo,
            utc("2026-11-28T10:00:00Z"),
            utc("2027-11-28T10:00:00Z"),
        )
        .join("\n");
        assert!(
            text.contains("TZOFFSETFROM:+0900\nTZOFFSETTO:+0900"),
            "{text}"
        );
        assert!(!text.contains("RRULE"));
    }

    #[test]
    fn escaping_covers_backslash_semicolon_comma_and_newlines() {
        assert_eq!(escape_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    }

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let line = format!("SUMMARY:{}", "æøå,".repeat(40));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= LINE_LIMIT, "{} octets", physical.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }

    #[test]
    fn every_line_ends_in_crlf_and_events_carry_status_and_sequence() {
        let cal = Calendar {
            name: "Koordineringsgruppa".into(),
            tz: chrono_tz::Europe::Oslo,
            stamp: utc("2026-11-28T10:00:00Z"),
            events: vec![Event {
                uid: "meeting-1@5.sltbot".into(),
                start: utc("2027-01-12T08:00:00Z"),
                end: utc("2027-01-12T10:00:00Z"),
                summary: "Koordineringsgruppa: møte".into(),
                location: Some("Rådhuset, sal 2".into()),
                sequence: 3,
                cancelled: true,
            }],
        };
        let text = write(&cal);
        assert!(!text.replace("\r\n", "").contains('\n'));
        assert!(text.contains("\r\nDTSTART;TZID=Europe/Oslo:20270112T090000\r\n"));
        assert!(text.contains("\r\nDTEND;TZID=Europe/Oslo:20270112T110000\r\n"));
        assert!(text.contains("\r\nDTSTAMP:20261128T100000Z\r\n"));
        assert!(text.contains("\r\nSEQUENCE:3\r\nSTATUS:CANCELLED\r\n"));
        assert!(text.contains("\r\nLOCATION:Rådhuset\\, sal 2\r\n"));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nPRODID:"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
    }
}
