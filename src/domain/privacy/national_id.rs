//! Norwegian identity numbers (fødselsnummer, D-nummer, H-nummer): validation and the scan of
//! a normalised text for them. The rules are documented on the parent module ([`super`]).

use super::IdKind;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

const K1_WEIGHTS: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// Remainders (mod 11) of the first check digit's weighted sum, check digit included, that
/// are valid: 0 under the classic rule, 0–3 under the rule for numbers issued from 2032.
const K1_REMAINDERS: std::ops::RangeInclusive<u32> = 0..=3;

/// Most separator characters allowed between two digit groups of one number.
pub(super) const MAX_SEPARATOR_RUN: usize = 8;

/// Where a number may be split into groups: after its 2nd, 4th, 6th or 9th digit.
const ALLOWED_CUTS: [usize; 4] = [2, 4, 6, 9];

fn weighted(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&d, &w)| u32::from(d) * w)
        .sum()
}

/// Validates 11 digit values (0–9) as an identity number under both check-digit rules.
pub(super) fn validate_digits(d: &[u8; 11]) -> Option<IdKind> {
    let sum1 = weighted(&d[..9], &K1_WEIGHTS) + u32::from(d[9]);
    if !K1_REMAINDERS.contains(&(sum1 % 11)) {
        return None;
    }
    let sum2 = weighted(&d[..10], &K2_WEIGHTS) + u32::from(d[10]);
    if !sum2.is_multiple_of(11) {
        return None;
    }
    let mut day = d[0] * 10 + d[1];
    let mut month = d[2] * 10 + d[3];
    let year = d[4] * 10 + d[5];
    let kind = match (d[0] >= 4, d[2] >= 4) {
        (false, false) => IdKind::Fodselsnummer,
        (true, false) => {
            day -= 40;
            IdKind::DNummer
        }
        (false, true) => {
            month -= 40;
            IdKind::HNummer
        }
        (true, true) => return None,
    };
    date_is_valid(day, month, year).then_some(kind)
}

/// Valid in some century among 18YY, 19YY, 20YY (see the module documentation).
fn date_is_valid(day: u8, month: u8, yy: u8) -> bool {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        // 20YY is a leap year exactly when YY % 4 == 0 (2000 included).
        2 if yy.is_multiple_of(4) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

/// Characters a person types between the digit groups of a number: any whitespace (line
/// breaks, no-break and ideographic spaces included), `.`, `/`, `-` and the dashes and minus
/// signs that look like it.
pub(super) fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '/' | '-' | '\u{2010}'
                ..='\u{2015}' | '\u{2043}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
        )
}

/// Digits joined by separator runs: the char range of each maximal digit run.
pub(super) struct Chunk {
    pub groups: Vec<Range<usize>>,
}

impl Chunk {
    /// From the first digit to the last (char indices into the scanned text).
    pub fn span(&self) -> Range<usize> {
        let start = self.groups.first().map_or(0, |g| g.start);
        let end = self.groups.last().map_or(0, |g| g.end);
        start..end
    }

    pub fn digit_count(&self) -> usize {
        self.groups.iter().map(Range::len).sum()
    }

    pub fn sizes(&self) -> Vec<usize> {
        self.groups.iter().map(Range::len).collect()
    }
}

/// Every chunk of ASCII digits in `chars` (a normalised text): maximal digit runs joined by
/// runs of at most [`MAX_SEPARATOR_RUN`] separators.
pub(super) fn chunks(chars: &[char]) -> Vec<Chunk> {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !digit(i) {
            i += 1;
            continue;
        }
        let mut groups = Vec::new();
        loop {
            let start = i;
            while digit(i) {
                i += 1;
            }
            groups.push(start..i);
            let mut j = i;
            while j - i < MAX_SEPARATOR_RUN && chars.get(j).is_some_and(|&c| is_separator(c)) {
                j += 1;
            }
            if j > i && digit(j) {
                i = j;
            } else {
                break;
            }
        }
        out.push(Chunk { groups });
    }
    out
}

/// The digit values of `groups`, which hold 11 digits in all.
fn digits_of(chars: &[char], groups: &[Range<usize>]) -> Option<[u8; 11]> {
    let mut out = [0u8; 11];
    let mut positions = groups.iter().flat_map(Range::clone);
    for slot in &mut out {
        let value = chars.get(positions.next()?)?.to_digit(10)?;
        *slot = u8::try_from(value).ok()?;
    }
    positions.next().is_none().then_some(out)
}

/// A date with a four-digit year then the personal number, `DD.MM.ÅÅÅÅ NNNNN` or
/// `DDMMÅÅÅÅ NNNNN`: the 11 digits without the century, when the year starts 18, 19 or 20.
fn with_full_year(chars: &[char], groups: &[Range<usize>]) -> Option<[u8; 11]> {
    let sizes: Vec<usize> = groups.iter().map(Range::len).collect();
    let all: Vec<usize> = groups.iter().flat_map(Range::clone).collect();
    if !(sizes == [2, 2, 4, 5] || sizes == [8, 5]) {
        return None;
    }
    let century: String = [chars[all[4]], chars[all[5]]].iter().collect();
    if !matches!(century.as_str(), "18" | "19" | "20") {
        return None;
    }
    let mut out = [0u8; 11];
    let kept = all[..4].iter().chain(&all[6..]);
    for (slot, &pos) in out.iter_mut().zip(kept) {
        *slot = u8::try_from(chars[pos].to_digit(10)?).ok()?;
    }
    Some(out)
}

/// Groups holding 11 digits in all are written the way a person writes an identity number:
/// cut only after the 2nd, 4th, 6th or 9th digit, and after the 4th only when also after the
/// 2nd (`01 01 90 10046`, not `0101 90 10046`). So a bank account grouped 4.2.5
/// (`1503 03 04516`) and a case number with a document number (`2010/12345-67`) pass.
fn id_like_grouping(sizes: &[usize]) -> bool {
    let mut cuts = Vec::with_capacity(sizes.len());
    let mut at = 0;
    for &size in &sizes[..sizes.len() - 1] {
        at += size;
        cuts.push(at);
    }
    cuts.iter().all(|cut| ALLOWED_CUTS.contains(cut)) && (!cuts.contains(&4) || cuts.contains(&2))
}

static ACCOUNT_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("words/account_words.txt")
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|w| !w.is_empty())
        .collect()
});

/// How many words before a number are looked at for an account word, and within how many
/// characters.
const ACCOUNT_WORDS_BEFORE: usize = 3;
const ACCOUNT_CONTEXT_CHARS: usize = 40;

/// One of the few words right before `start` says the number is a bank account (`konto`,
/// `kontonr.`, `account no:`). Looks back at most [`ACCOUNT_WORDS_BEFORE`] words within
/// [`ACCOUNT_CONTEXT_CHARS`] characters and stops at a digit, so the word belongs to this
/// number and not to one before it.
fn account_context(chars: &[char], start: usize) -> bool {
    let from = start.saturating_sub(ACCOUNT_CONTEXT_CHARS);
    let mut i = start;
    let mut words = 0;
    while i > from && words < ACCOUNT_WORDS_BEFORE {
        let c = chars[i - 1];
        if c.is_ascii_digit() {
            return false;
        }
        if !c.is_alphabetic() {
            i -= 1;
            continue;
        }
        let end = i;
        while i > from && chars[i - 1].is_alphabetic() {
            i -= 1;
        }
        let word = chars[i..end].iter().collect::<String>().to_lowercase();
        if ACCOUNT_WORDS.contains(word.as_str()) {
            return true;
        }
        words += 1;
    }
    false
}

/// The kind of the first identity number in `chars` (a normalised text, see
/// [`super::normalize`]), written in any of the recognised forms.
pub(super) fn scan(chars: &[char]) -> Option<IdKind> {
    chunks(chars)
        .iter()
        .find_map(|chunk| scan_chunk(chars, chunk))
}

pub(super) fn scan_chunk(chars: &[char], chunk: &Chunk) -> Option<IdKind> {
    let groups = &chunk.groups;
    for first in 0..groups.len() {
        let mut total = 0;
        for last in first..groups.len() {
            total += groups[last].len();
            let run = &groups[first..=last];
            let digits = match total {
                11 => {
                    let sizes: Vec<usize> = run.iter().map(Range::len).collect();
                    if !id_like_grouping(&sizes) {
                        continue;
                    }
                    digits_of(chars, run)
                }
                13 => with_full_year(chars, run),
                _ => None,
            };
            if let Some(kind) = digits.and_then(|d| validate_digits(&d)) {
                if !account_context(chars, run[0].start) {
                    return Some(kind);
                }
            }
            if total >= 13 {
                break;
            }
        }
    }
    None
}

/// Builds valid numbers for tests (both check-digit rules).
#[cfg(test)]
pub(crate) mod testing {
    use super::{weighted, K1_WEIGHTS, K2_WEIGHTS};

    /// The valid completions of a 9-digit prefix: for each first check digit allowed by
    /// `remainder` (0 = classic rule, 1–3 = the 2032 rule), the 11 digits, when the second
    /// check digit exists.
    pub fn complete(prefix: &str, remainder: u32) -> Option<String> {
        let digits: Vec<u8> = prefix.bytes().map(|b| b - b'0').collect();
        assert_eq!(digits.len(), 9, "{prefix}");
        let sum1 = weighted(&digits, &K1_WEIGHTS);
        let k1 = (0..10u8).find(|&k| (sum1 + u32::from(k)) % 11 == remainder)?;
        let mut ten = digits.clone();
        ten.push(k1);
        let sum2 = weighted(&ten, &K2_WEIGHTS);
        let k2 = (0..10u8).find(|&k| (sum2 + u32::from(k)).is_multiple_of(11))?;
        Some(format!("{prefix}{k1}{k2}"))
    }

    /// A valid number for a date under the classic rule, searching individual numbers up.
    pub fn first_valid(ddmmyy: &str) -> String {
        (0..1000)
            .find_map(|ind| complete(&format!("{ddmmyy}{ind:03}"), 0))
            .expect("some individual number gives valid check digits")
    }
}

#[cfg(test)]
mod tests {
    use super::super::{contains_national_id, is_valid_national_id};
    use super::testing::{complete, first_valid};
    use super::*;

    fn grouped(id: &str, sep: &str) -> String {
        format!("{}{sep}{}", &id[..6], &id[6..])
    }

    #[test]
    fn check_digits_match_documented_worked_example() {
        // 311299567 → 1 and 5; 010100123 → 5 and 6 (k1 sum 28, 28 mod 11 = 6 → 5; k2 sum 38,
        // 38 mod 11 = 5 → 6); 010100000 has k2 = 10 (none); 000000006 has k1 = 10 (none).
        assert_eq!(complete("311299567", 0).as_deref(), Some("31129956715"));
        assert_eq!(complete("010100123", 0).as_deref(), Some("01010012356"));
        assert_eq!(complete("010100000", 0), None);
        assert_eq!(complete("000000006", 0), None);
    }

    #[test]
    fn skatteetatens_2032_example_is_recognised() {
        // Weighted sum including the first check digit: 199 = 1 mod 11.
        assert_eq!(
            is_valid_national_id("30108299939"),
            Some(IdKind::Fodselsnummer)
        );
        assert_eq!(
            contains_national_id("fnr 301082 99939"),
            Some(IdKind::Fodselsnummer)
        );
    }

    #[test]
    fn both_check_digit_rules_are_refused_and_remainder_four_is_not() {
        let mut per_rule = [0usize; 11];
        for ind in 0..1000 {
            let prefix = format!("150585{ind:03}");
            for (remainder, count) in per_rule.iter_mut().enumerate() {
                let Some(id) = complete(&prefix, remainder as u32) else {
                    continue;
                };
                let expected = (remainder <= 3).then_some(IdKind::Fodselsnummer);
                assert_eq!(is_valid_national_id(&id), expected, "{id} r{remainder}");
                *count += 1;
            }
        }
        assert!(per_rule.iter().all(|&n| n > 500), "{per_rule:?}");
    }

    #[test]
    fn valid_generated_numbers_are_recognised_with_their_kind() {
        let cases = [
            ("010190", IdKind::Fodselsnummer),
            ("311299", IdKind::Fodselsnummer),
            ("290200", IdKind::Fodselsnummer), // 29.02.2000
            ("290296", IdKind::Fodselsnummer),
            ("410190", IdKind::DNummer), // 01.01.90
            ("710190", IdKind::DNummer), // 31.01.90
            ("015190", IdKind::HNummer), // 01.11.90
            ("015290", IdKind::HNummer), // 01.12.90
            ("014190", IdKind::HNummer), // 01.01.90
        ];
        for (date, kind) in cases {
            let id = first_valid(date);
            assert_eq!(is_valid_national_id(&id), Some(kind), "{date}");
            assert_eq!(contains_national_id(&id), Some(kind), "{date}");
        }
    }

    #[test]
    fn well_known_synthetic_examples_are_recognised() {
        for id in ["01010012356", "31129956715", "30108299939"] {
            assert!(is_valid_national_id(id).is_some(), "{id}");
        }
    }

    #[test]
    fn wrong_second_check_digit_is_never_valid() {
        let id = first_valid("150585");
        let bytes = id.as_bytes();
        for wrong in 0..10u8 {
            let mut changed = bytes.to_vec();
            if changed[10] - b'0' == wrong {
                continue;
            }
            changed[10] = b'0' + wrong;
            let s = String::from_utf8(changed).expect("ascii");
            assert_eq!(is_valid_national_id(&s), None, "{s}");
        }
    }

    #[test]
    fn invalid_dates_are_not_ids_even_with_correct_check_digits() {
        let dates = [
            "310299", "300200", "290201", "290297", "000190", "320190", "311190", "310490",
            "010090", "011390", "013990", "720190", "800190", "415190", "016190", "018190",
            "455190", "310690",
        ];
        for date in dates {
            for ind in 0..1000 {
                for remainder in 0..4 {
                    if let Some(id) = complete(&format!("{date}{ind:03}"), remainder) {
                        assert_eq!(is_valid_national_id(&id), None, "{date}");
                    }
                }
            }
        }
    }

    #[test]
    fn is_valid_requires_exactly_eleven_ascii_digits() {
        let id = first_valid("010190");
        let cases = [
            format!("{id}0"),
            id[..10].to_string(),
            grouped(&id, " "),
            format!(" {id}"),
            id.replace('0', "\u{ff10}"),
            String::new(),
        ];
        for case in cases {
            assert_eq!(is_valid_national_id(&case), None, "{case:?}");
        }
    }

    /// Every way of writing the number that the guard must see through.
    fn evasions(id: &str) -> Vec<String> {
        let (dd, mm, yy, ind, tail) = (&id[..2], &id[2..4], &id[4..6], &id[6..9], &id[9..]);
        let p = &id[6..];
        let century = if yy < "30" { "20" } else { "19" };
        let mut forms = vec![
            id.to_string(),
            grouped(id, " "),
            grouped(id, "-"),
            grouped(id, " - "),
            grouped(id, "\u{a0}"),
            grouped(id, "\u{2013}"),
            grouped(id, "\u{2014}"),
            grouped(id, "\u{2212}"),
            grouped(id, "\u{2011}"),
            grouped(id, "  "),
            grouped(id, "    "),
            grouped(id, "\u{3000}"),
            grouped(id, "\n"),
            grouped(id, "\r\n"),
            grouped(id, "."),
            grouped(id, "/"),
            grouped(id, " -- "),
            format!("{dd}{mm}{yy} {ind} {tail}"),
            format!("{dd} {mm} {yy} {p}"),
            format!("{dd}.{mm}.{yy} {p}"),
            format!("{dd}.{mm}.{yy}-{p}"),
            format!("{dd}/{mm}/{yy} {p}"),
            format!("{dd}-{mm}-{yy} {p}"),
            format!("{dd}.{mm}/{yy} {p}"),
            format!("{dd}.{mm}.{yy}{p}"),
            format!("{dd}.{mm}.{century}{yy} {p}"),
            format!("{dd}{mm}{century}{yy} {p}"),
            format!("{dd}{mm}{yy}\u{200B}{p}"),
            format!("{dd}{mm}\u{2060}{yy}{p}"),
            format!("{dd}{mm}{yy}\u{00AD}{p}"),
            format!("{dd}\u{FEFF}{mm}{yy}{p}"),
            format!("{dd}{mm}{yy}\u{200E}{p}"),
            format!("{dd}{mm}{yy}%20{p}"),
            format!("{dd}{mm}{yy}%E2%80%8B{p}"),
        ];
        let wide: String = id
            .chars()
            .map(|c| char::from_u32(u32::from(c) - u32::from('0') + 0xff10).unwrap_or(c))
            .collect();
        let arabic: String = id
            .chars()
            .map(|c| char::from_u32(u32::from(c) - u32::from('0') + 0x660).unwrap_or(c))
            .collect();
        forms.push(wide);
        forms.push(arabic);
        forms
    }

    #[test]
    fn every_evasion_is_found_in_text() {
        for id in [
            first_valid("241207"),
            first_valid("010190"),
            "30108299939".to_string(),
        ] {
            let wrappers = [
                ("", ""),
                ("Fnr: ", "."),
                ("(", ")"),
                ("«", "»"),
                ("elev med nr.", ", går i 9B"),
                ("abc", "xyz"),
                ("nummer\n", "\n"),
                ("https://example.org/s?q=fnr%20", "&x=1"),
            ];
            for form in evasions(&id) {
                for (before, after) in wrappers {
                    let text = format!("{before}{form}{after}");
                    assert_eq!(
                        contains_national_id(&text),
                        Some(IdKind::Fodselsnummer),
                        "{text:?}"
                    );
                }
            }
        }
        assert_eq!(
            contains_national_id("…?q=fnr%2001019010046"),
            is_valid_national_id("01019010046")
        );
    }

    #[test]
    fn longer_digit_runs_and_odd_groupings_do_not_match() {
        let id = first_valid("241207");
        let texts = [
            format!("1{id}"),
            format!("{id}9"),
            format!("00{id}00"),
            format!("{} {}0", &id[..6], &id[6..]),
            format!("9{} {}", &id[..6], &id[6..]),
            format!("{}.{}.{}1 {}", &id[..2], &id[2..4], &id[4..6], &id[6..]),
            format!("{}.{}.{} {}", &id[..2], &id[2..4], &id[4..6], &id[6..10]),
            // grouped like a phone number (3-3-3-2) or cut at the 5th digit
            format!("{} {} {} {}", &id[..3], &id[3..6], &id[6..9], &id[9..]),
            format!("{} {}", &id[..5], &id[5..]),
            // separated by more than eight separators
            format!("{}{}{}", &id[..6], " ".repeat(9), &id[6..]),
            // separated by a comma or a word
            format!("{}, {}", &id[..6], &id[6..]),
            format!("{} og {}", &id[..6], &id[6..]),
        ];
        for text in texts {
            assert_eq!(contains_national_id(&text), None, "{text:?}");
        }
    }

    /// A bank account number whose 11 digits also read as a valid fødselsnummer.
    fn account_like_id() -> String {
        // Every valid fødselsnummer satisfies the account MOD11 check (the same weights as
        // the second check digit), so this is also a valid account number.
        first_valid("150303")
    }

    #[test]
    fn bank_accounts_pass_when_said_or_grouped_as_accounts() {
        let id = account_like_id();
        let (a, b, c) = (&id[..4], &id[4..6], &id[6..]);
        let passing = [
            format!("Kontonummer {id}"),
            format!("kontonr. {id}"),
            format!("Konto: {id}"),
            format!("Betal til konto nr. {id}"),
            format!("bankkonto {id}"),
            format!("Account no: {id}"),
            format!("{a}.{b}.{c}"),
            format!("{a} {b} {c}"),
            format!("Faktura: {a}.{b}.{c}, forfall 01.02.2027"),
        ];
        for text in passing {
            assert_eq!(contains_national_id(&text), None, "{text:?}");
        }
        let refused = [
            id.clone(),
            format!("fnr {id}"),
            // the account word is for the first number, not the second
            format!("Kontonr 1234.56.78903 og {id}"),
            // too far away
            format!("Konto er ikke oppgitt, og eleven har nummer {id}"),
            // `kontor` (office) is not `konto`
            format!("Kontoret har {id}"),
        ];
        for text in refused {
            assert!(contains_national_id(&text).is_some(), "{text:?}");
        }
    }

    #[test]
    fn look_alike_numbers_pass() {
        let texts = [
            "Ring 41 44 89 60 eller 91234567",
            "Tlf. 41 44 89 60 / 91 23 45 67",
            "Telefon +47 912 34 567",
            "Org.nr. 974 760 673",
            "Org.nr. 974760673 og 987 654 321",
            "Saksnummer 2024/10046 og 24/01234",
            "Sak 2024/10046-12",
            "Kontonummer 1234.56.78903",
            "Kontonummer 12345678903",
            "Møte 12.03.25 kl. 09.00, rom 12345",
            "Møte 01.01.2027 kl. 09.00–10.30",
            "Periode 01.01.2025 - 31.12.2025",
            "1.1.2025-31.12.2025 kl. 9.00",
            "Budsjett 1 250 000 kr, brukt 750 000 kr",
            "Tilskudd på 12 500 000 kroner",
            "",
            "\u{ff10}\u{ff11}\u{ff10}\u{ff11}\u{ff19}\u{ff10}\u{ff10}\u{ff10}\u{ff10}\u{ff10}\u{ff10}",
        ];
        for text in texts {
            assert_eq!(contains_national_id(text), None, "{text:?}");
        }
    }

    #[test]
    fn second_number_is_found_after_an_invalid_one() {
        let id = first_valid("050505");
        let text = format!("Feil: 12345678903, riktig: {id}");
        assert_eq!(contains_national_id(&text), Some(IdKind::Fodselsnummer));
        let d = first_valid("450505");
        let text = format!("12345678903 og {}-{}", &d[..6], &d[6..]);
        assert_eq!(contains_national_id(&text), Some(IdKind::DNummer));
    }

    #[test]
    fn chunks_join_groups_by_short_separator_runs() {
        let chars: Vec<char> = "a 12 34.56/7 x 8  9".chars().collect();
        let sizes: Vec<Vec<usize>> = chunks(&chars).iter().map(Chunk::sizes).collect();
        assert_eq!(sizes, vec![vec![2, 2, 2, 1], vec![1, 1]]);
    }
}
