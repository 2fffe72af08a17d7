//! The fuzz targets' bodies, shared by the libFuzzer binaries (`fuzz_targets/`) and the
//! `replay` binary (which times corpus files in a plain debug build).
//!
//! Each body checks the documented invariants, not only "does not panic": a broken invariant
//! is a panic, which libFuzzer reports as a crash.

use arbitrary::Unstructured;
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use sltbot::console::parser::{parse_line, MAX_LINE_CHARS};
use sltbot::domain::cadence::{Cadence, MAX_LIMIT};
use sltbot::domain::holidays;
use sltbot::domain::privacy;
use sltbot::domain::text::{self, Field};

/// Console command lines: `parse_line` on the input (lossy UTF-8).
pub fn console_parser(data: &[u8]) {
    let line = String::from_utf8_lossy(data);
    let chars = line.chars().count();
    match parse_line(&line) {
        Err(e) => {
            assert!(e.column() <= chars, "column {} past {chars}", e.column());
            let _ = e.fluent_args();
            let _ = e.to_string();
        }
        Ok(None) => {}
        Ok(Some(parsed)) => {
            assert!(
                (1..=2).contains(&parsed.path.len()),
                "path {:?}",
                parsed.path
            );
            for (i, (name, _)) in parsed.options.iter().enumerate() {
                assert!(
                    parsed.options[..i].iter().all(|(n, _)| n != name),
                    "duplicate option {name}"
                );
            }
            // The canonical form parses back to the same value (when it still fits).
            let canonical = parsed.to_string();
            if canonical.chars().count() <= MAX_LINE_CHARS {
                assert_eq!(
                    parse_line(&canonical),
                    Ok(Some(parsed.clone())),
                    "canonical form {canonical:?} does not round-trip"
                );
            }
        }
    }
}

const OSLO: Tz = chrono_tz::Europe::Oslo;

/// Parameters after the spec, decoded from the bytes after the first NUL; plain text seeds
/// (no NUL) get the defaults.
struct CadenceParams {
    tz: Tz,
    now: DateTime<Utc>,
    after: DateTime<Utc>,
    limit: usize,
    skip_holidays: bool,
}

fn base_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 1, 12, 0, 0).unwrap()
}

fn cadence_params(tail: Option<&[u8]>) -> CadenceParams {
    let mut p = CadenceParams {
        tz: OSLO,
        now: base_now(),
        after: base_now(),
        limit: 50,
        skip_holidays: false,
    };
    let Some(tail) = tail else { return p };
    let mut u = Unstructured::new(tail);
    let zones = chrono_tz::TZ_VARIANTS.len();
    if let Ok(i) = u.arbitrary::<u16>() {
        // 0 keeps Oslo, so that a short tail mostly varies the other parameters.
        if i != 0 {
            p.tz = chrono_tz::TZ_VARIANTS[usize::from(i) % zones];
        }
    }
    if let Ok(mins) = u.arbitrary::<i32>() {
        p.now = base_now() + TimeDelta::minutes(i64::from(mins));
    }
    if let Ok(mins) = u.arbitrary::<i32>() {
        p.after = p.now + TimeDelta::minutes(i64::from(mins));
    }
    if let Ok(l) = u.arbitrary::<u16>() {
        p.limit = usize::from(l);
    }
    if let Ok(b) = u.arbitrary::<bool>() {
        p.skip_holidays = b;
    }
    // Rarely: an extreme `after` anywhere in chrono's range.
    if let Ok(secs) = u.arbitrary::<i64>() {
        if let Some(t) = DateTime::from_timestamp(secs, 0) {
            p.after = t;
        }
    }
    p
}

/// `Cadence::parse(spec, tz, now)` and, on success, `occurrences_after` / `next_after` /
/// `to_storage` round trip. Input: spec text, optionally `\0` + parameter bytes.
pub fn cadence(data: &[u8]) {
    let (spec, tail) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let spec = String::from_utf8_lossy(spec);
    let p = cadence_params(tail);
    if std::env::var_os("FUZZ_VERBOSE").is_some() {
        eprintln!(
            "spec={spec:?} tz={} now={} after={} limit={} skip={}",
            p.tz, p.now, p.after, p.limit, p.skip_holidays
        );
    }
    let Ok(c) = Cadence::parse(&spec, p.tz, p.now) else {
        return;
    };
    let got = c.occurrences_after(p.after, p.limit, p.skip_holidays);
    assert!(got.len() <= p.limit.min(MAX_LIMIT));
    assert!(got.iter().all(|t| t.with_timezone(&Utc) > p.after));
    assert!(got.windows(2).all(|w| w[0] < w[1]), "not increasing");
    if p.skip_holidays {
        assert!(got.iter().all(|t| !holidays::is_holiday(t.date_naive())));
    }
    let next = c.next_after(p.after, p.skip_holidays);
    if p.limit > 0 {
        assert_eq!(next.as_ref(), got.first(), "next_after disagrees");
    }
    let stored = c.to_storage();
    let back = Cadence::parse(&stored, p.tz, p.now);
    assert_eq!(
        back.as_ref(),
        Ok(&c),
        "storage form {stored:?} does not round-trip"
    );
}

const FIELDS: [Field; 6] = [
    Field::Name,
    Field::Title,
    Field::Details,
    Field::Note,
    Field::Agency,
    Field::Location,
];

/// Where the identity number that makes `s` refused is: the byte range from its first to its
/// last digit. `s` must be refused. Found by shrinking: the last start and then the first end
/// that still hold a number (a linear search, as a number next to another digit does not
/// count, so "refused" is not monotone in the bounds).
fn refused_span(s: &str) -> std::ops::Range<usize> {
    let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    let start = starts
        .iter()
        .rev()
        .copied()
        .find(|&i| privacy::contains_national_id(&s[i..]).is_some())
        .expect("refused text has a number");
    let rest = &s[start..];
    let end = rest
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .find(|&j| privacy::contains_national_id(&rest[..j]).is_some())
        .expect("refused text has a number");
    start..start + end
}

/// The personal-data guard: `check_text`, `text::required` / `optional` for every field, and
/// `text::echo_safe`. A refused text is never stored, and neither the errors nor the echoed
/// text repeat its number: not its 11 digits, and not its last five (the individual number
/// and check digits), unless those five digits also occur elsewhere in the input. Digits are
/// compared as the guard reads them (normalised: any script, invisibles dropped).
pub fn privacy(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let chars = s.chars().count();
    let check = privacy::check_text(&s);
    assert_eq!(check.refused, privacy::contains_national_id(&s));
    // The number's digits that must never be repeated, as the guard reads them (any script,
    // invisible characters dropped, percent-escapes decoded).
    let digits_of = |t: &str| -> String {
        privacy::normalize::normalize(t)
            .chars()
            .filter(char::is_ascii_digit)
            .collect()
    };
    let mut secrets: Vec<String> = Vec::new();
    if check.refused.is_some() {
        let span = refused_span(&s);
        let mut digits = digits_of(&s[span.clone()]);
        if digits.len() == 13 {
            // `DD.MM.ÅÅÅÅ NNNNN`: the number is read without the century.
            digits.replace_range(4..6, "");
        }
        assert_eq!(digits.len(), 11, "span {span:?} of a refused text");
        assert!(privacy::is_valid_national_id(&digits).is_some());
        let tail = digits[6..].to_string();
        let elsewhere = [digits_of(&s[..span.start]), digits_of(&s[span.end..])].join(" ");
        if !elsewhere.contains(&tail) {
            secrets.push(tail);
        }
        secrets.push(digits);
    }
    let leaks = |shown: &str| secrets.iter().find(|d| shown.contains(d.as_str())).cloned();
    for w in &check.warnings {
        let span = w.span();
        assert!(
            span.start < span.end && span.end <= chars,
            "bad span {span:?}"
        );
        let _ = w.fluent_key();
    }
    for field in FIELDS {
        let got = text::required(field, &s);
        if check.refused.is_some() {
            assert!(got.is_err(), "stored a refused text");
        }
        if let Err(e) = &got {
            assert_eq!(
                leaks(&format!("{e:?}")),
                None,
                "error {e:?} repeats the number"
            );
        }
        if let Ok(t) = &got {
            assert!(!t.is_empty());
            assert!(t.chars().count() <= field.max_len());
            assert_eq!(privacy::contains_national_id(t), None, "stored an id");
            assert_eq!(text::required(field, t).as_ref(), Ok(t), "not idempotent");
        }
        let opt = text::optional(field, Some(&s));
        match (&got, &opt) {
            (Ok(t), Ok(Some(o))) => assert_eq!(t, o),
            (Err(text::TextError::Empty { .. }), Ok(None)) => {}
            (Err(a), Err(b)) => assert_eq!(a, b),
            _ => panic!("required {got:?} vs optional {opt:?}"),
        }
    }
    let echoed = text::echo_safe(&s);
    assert!(echoed.chars().count() <= 60);
    assert_eq!(privacy::contains_national_id(&echoed), None, "echoed an id");
    // The echo is already read the way the guard reads it (ASCII digits, no invisibles).
    assert_eq!(leaks(&echoed), None, "echoed {echoed:?} repeats the number");
}
