//! Personal-data guard for free text (agenda titles, notes, action texts, minutes).
//!
//! SLT groups talk about vulnerable children. sltbot must never store or echo a child's
//! identity number, and should nudge people away from naming children. [`check_text`] does
//! both: it *refuses* text holding a national identity number and *warns* about text that
//! looks like it names a child. Nothing returned here contains any of the checked text:
//! results are an [`IdKind`] (no digits) and [`Warning`]s carrying character spans only, so
//! `Debug` output and logs stay clean. Shown texts come from Fluent ids
//! ([`IdKind::fluent_key`], [`Warning::fluent_key`], [`REFUSAL_FLUENT_KEY`],
//! [`ANONYMISE_HINT_FLUENT_KEY`]).
//!
//! The parts: [`normalize`] (how a text is read before the number check, and name keys),
//! `national_id` (check digits, written forms, bank accounts), `child_text` (the warning
//! heuristic, with its word lists as data files in `words/`).
//!
//! # Refusal: fødselsnummer, D-nummer, H-nummer
//!
//! An identity number is 11 digits: `DDMMYY` + a 3-digit individual number + 2 check digits.
//! * Check digits (mod 11): k1 has the weights 3,7,6,1,8,9,4,5,2 on the first 9 digits and 1
//!   on itself; k2 has 5,4,3,2,7,6,5,4,3,2 on the first 10 digits and 1 on itself. k2 is valid
//!   when its weighted sum is 0 mod 11. k1 is valid when its weighted sum is 0, 1, 2 or 3
//!   mod 11: 0 is the classic rule, 1–3 the rule for numbers Skatteetaten issues from
//!   1 January 2032 (to people born earlier too; its example `30108299939` has 1). Both are
//!   refused today, as such numbers may already be written down in test data and plans; the
//!   price is about four times as many false refusals of random 11-digit numbers (0.36 %
//!   instead of 0.08 %, measured by `cargo bench --bench privacy`).
//! * D-nummer: the first day digit is raised by 4 (day 41–71). H-nummer: the first month digit
//!   is raised by 4 (month 41–52). Both at once is invalid. Skatteetaten's synthetic test
//!   numbers with month + 80 are not recognised (they never belong to real people).
//! * The date must be a real calendar date. **Century rule:** we accept a date that is valid
//!   in *any* plausible century (1800s, 1900s, 2000s) instead of deriving the century from the
//!   individual number: D-numbers do not follow the century table reliably and Skatteetaten
//!   changes the meaning of the digits from 2032, and for a guard a refusal too many is cheaper
//!   than a number let through. The only effect is on 29 February: it is accepted when `YY` is
//!   divisible by 4 (so `290200` counts, as 29.02.2000 existed).
//!
//! **How the text is read.** First [`normalize::normalize`]: percent-escapes decoded (a URL's
//! `fnr%2001019010046`), Unicode NFKC, invisible characters (zero-width space, word joiner,
//! soft hyphen, BOM, bidi marks, …) dropped, decimal digits of every script (full-width,
//! Arabic-Indic, Devanagari, …) made ASCII. Then the digits are read in *groups* (maximal
//! digit runs) joined by *separator runs* of 1–8 characters: any whitespace (line breaks,
//! no-break and ideographic spaces included), `.`, `/`, `-`, the dashes U+2010–U+2015 and the
//! minus sign U+2212. A number is found when consecutive groups hold exactly 11 digits, cut
//! only after the 2nd, 4th, 6th or 9th digit (after the 4th only when also after the 2nd, so
//! `1503 03 04516` reads as an account and `2010/12345-67` as a case number), and make a
//! valid number:
//! `01019010046`, `010190 10046`, `010190-10046`, `010190 100 46`, `01 01 90 10046`,
//! `010190.10046`, `010190/10046`, `01/01/90 10046`, `01.01.9010046`, `010190    10046`,
//! `010190–10046`, `010190\n10046`. A date with a four-digit year starting 18, 19 or 20
//! followed by the personal number (`01.01.1990 10046`, `01011990 10046`) is read without
//! the century.
//!
//! Groups are never split, so nothing matches inside a longer digit run (a 12-digit number, a
//! 6-digit group followed by 6 digits), and other groupings pass: phone numbers
//! (`41 44 89 60`, `+47 912 34 567`: 8 digits; 3-3-3-2), organisation numbers (9 digits),
//! case numbers (`2024/10046`, `2010/12345-67`), dates and times, amounts (`1 250 000 kr`).
//! A comma, a colon or a word between the groups ends the number. Letters and punctuation
//! next to the number do not protect it: `fnr:01010012345.` is found.
//!
//! **Bank account numbers** (11 digits; their MOD11 check uses the second check digit's
//! weights, so about one in ten date-like account numbers, about 4 % of all, also reads as a
//! valid fødselsnummer) pass when they are written grouped 4.2.5 (`1503.03.04516`,
//! `1503 03 04516`), or when one of the three words right before the number (within 40
//! characters, with no other digit between) is an account word: `konto`, `kontonr`,
//! `kontonummer`, `bankkonto`, `kto`, `account`, `acct`, `iban`, … (the list is
//! `words/account_words.txt`): `Kontonr. 15030304516`, `Account no: 15030304516`.
//! `Kontoret har 01019010046` (*kontor*, office) is refused.
//!
//! # Warning: text that may identify a child
//!
//! Heuristic, tuned to keep false alarms rare (a warning is a nudge; nothing is blocked):
//!
//! 1. **Name candidate**: 2–4 consecutive *name-like* words in one sentence, separated only by
//!    spaces. Name-like: letters only (hyphenated parts such as `Anne-Lise` allowed, an English
//!    `'s` allowed), each part starting with an upper-case letter followed by a lower-case one
//!    (so acronyms like `NAV`, `SLT`, `BUP` never count). Runs of 5 or more are treated as a
//!    heading or an institution name and ignored.
//! 2. Words that are never part of a name break a run: institution words and suffixes
//!    (`Skole`, `Kommune`, `Politi`, `NAV`, `Barnevernet`, `…klubben`, `…senteret`,
//!    `…gruppa`, `School`, `Council`, …), directions in place names (`Indre`, `Nordre`, …),
//!    English weekday and month names, function words (`På`, `Og`, `The`, …, so a
//!    sentence-initial `På Stord` is not a name; one-letter words such as `I` are never
//!    name-like), professional roles (`Rektor`, `Lærer`,
//!    `…koordinator`) and the child words themselves (`Eleven`, `Gutten`).
//! 3. A sentence written in title case (a capitalised function word anywhere but first, as in
//!    `Tverrfaglig Møte Om Barn`, or at least 4 words that are all capitalised, as in
//!    `Trygge Voksne Gir Trygge Barn`) yields no name candidates.
//! 4. Professional role words (`rektor`, `lærer`, `…koordinator`, `helsesykepleier`) are
//!    never part of a name; between a child marker and a following name they count as linking
//!    words, because naming a parent identifies the child (`sønnen til rektor Per Hansen`).
//! 5. The candidate warns ([`Warning::PossibleChildName`]) when, in the same sentence, a
//!    **child marker** is
//!    * before it, with at most 2 linking words between (`eleven Ola Nordmann`,
//!      `gutten, Ola Nordmann,`, `en elev som heter Ola Nordmann`,
//!      `en gutt ved navn Ola Nordmann`, `sønnen til Per Hansen`),
//!    * after it, with at most 3 linking words between (`Kari Hansens datter`,
//!      `Ola Nordmann er elev`, `Ola Nordmann, en gutt`, `Tom Smith is a pupil`),
//!    * or an age of 0–19 written right after it as `(14)` or `14 år` / `14 years`.
//!
//!    Linking words are a short closed list (`er`, `var`, `en`, `sin`, `som`, `til`, `av`,
//!    `heter`, `ved navn`, `is`, `a`, `of`, `named`, …); any other word in between means no
//!    warning, so `Kari Nordmann fra barnevernet orienterer om barn` and
//!    `eleven ved Amalie Skram vgs` do not warn.
//!    Child markers (case-insensitive, whole words only — `barnevernet` and `ungdomsklubben`
//!    are not markers): elev, eleven, gutt, gutten, gut, guten, jente, jenta, jenten, barn,
//!    barnet, barna, ungen, ungdom, ungdommen, sønn, sønnen, son, sonen, datter, datteren,
//!    dattera, dotter, dottera, mindreårig, mindreårige, tenåring, tenåringen, pupil, boy,
//!    girl, child, children, kid, kids, daughter, teenager, minor, and any `N-åring` /
//!    `N-åringen` / `N-year-old`. Plural `elever`/`elevene`/`ungdommer` and `unge`
//!    (as in *barn og unge*) are deliberately not markers.
//! 6. **School class** ([`Warning::PossibleChildInClass`]): a singular child word followed,
//!    with at most 2 of `i`, `på`, `fra`, `frå`, `in`, `from`, `at`, `klasse`, `klassen`,
//!    `class` between, by a class section such as `9B` or `10c` (grade 1–13 plus one letter):
//!    `ei jente i 9B`, `gutten i klasse 10C`. A year level alone (`en elev på 9. trinn`) is
//!    the recommended anonymous wording and does not warn.
//!
//! Not detected (documented limits): single first names (`Ola i 9B`), names written in lower
//! case, names with lower-case particles (`van der`), and names far from a child marker.
//!
//! Spans in warnings are `Range`s of **char indices** (not bytes) into the checked text.

mod child_text;
mod national_id;
pub mod normalize;

use std::ops::Range;

/// Fluent id of the refusal message; the lead passes the localized [`IdKind`] name as `$kind`.
pub const REFUSAL_FLUENT_KEY: &str = "privacy-refused-national-id";
/// Fluent id of the hint on how to anonymise (shown with a refusal or a warning).
pub const ANONYMISE_HINT_FLUENT_KEY: &str = "privacy-anonymise-hint";

/// Which kind of national identity number was found. Carries no digits by design.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    /// Ordinary fødselsnummer.
    Fodselsnummer,
    /// D-nummer (first day digit + 4).
    DNummer,
    /// H-nummer (first month digit + 4).
    HNummer,
}

impl IdKind {
    /// Stable Fluent message id naming this kind of number.
    pub fn fluent_key(self) -> &'static str {
        match self {
            IdKind::Fodselsnummer => "privacy-id-fodselsnummer",
            IdKind::DNummer => "privacy-id-d-nummer",
            IdKind::HNummer => "privacy-id-h-nummer",
        }
    }
}

/// Something in the text that may identify a child. Holds a span, never the text itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Warning {
    /// Capitalised words that look like a person's name close to a word about a child.
    /// `span` covers the name-like words (char indices).
    PossibleChildName { span: Range<usize> },
    /// A singular child word together with a school class section like `9B`.
    /// `span` runs from the child word to the class (char indices).
    PossibleChildInClass { span: Range<usize> },
}

impl Warning {
    /// Stable Fluent message id for this warning.
    pub fn fluent_key(&self) -> &'static str {
        match self {
            Warning::PossibleChildName { .. } => "privacy-warning-child-name",
            Warning::PossibleChildInClass { .. } => "privacy-warning-child-class",
        }
    }

    /// Char-index span of the text the warning is about.
    pub fn span(&self) -> Range<usize> {
        match self {
            Warning::PossibleChildName { span } | Warning::PossibleChildInClass { span } => {
                span.clone()
            }
        }
    }
}

/// Result of [`check_text`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextCheck {
    /// `Some` when the text holds an identity number: it must not be stored or echoed.
    pub refused: Option<IdKind>,
    /// Reasons to ask the author to anonymise; the text may still be stored.
    pub warnings: Vec<Warning>,
}

impl TextCheck {
    /// True when the text is neither refused nor warned about.
    pub fn is_clean(&self) -> bool {
        self.refused.is_none() && self.warnings.is_empty()
    }
}

/// Checks a text for identity numbers (refusal) and for child-identifying wording (warnings).
pub fn check_text(text: &str) -> TextCheck {
    let chars: Vec<char> = text.chars().collect();
    TextCheck {
        refused: contains_national_id(text),
        warnings: child_text::child_warnings(&chars),
    }
}

/// The kind of the first valid identity number written anywhere in `text`, in any of the
/// recognised forms (see the module documentation).
pub fn contains_national_id(text: &str) -> Option<IdKind> {
    let normalised = normalize::normalize(text);
    let chars: Vec<char> = normalised.chars().collect();
    national_id::scan(&chars)
}

/// Validates exactly 11 ASCII digits (no separators) as a fødselsnummer, D-nummer or
/// H-nummer, under both check-digit rules.
pub fn is_valid_national_id(digits: &str) -> Option<IdKind> {
    let bytes = digits.as_bytes();
    if bytes.len() != 11 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut d = [0u8; 11];
    for (slot, byte) in d.iter_mut().zip(bytes) {
        *slot = byte - b'0';
    }
    national_id::validate_digits(&d)
}

/// `text` normalised (see [`normalize::normalize`]) with every digit chunk that could be or
/// hold an identity number replaced by `…`: a chunk (digit groups joined by separator runs,
/// as the number check reads them) of nine or more digits, unless it is a date with a time
/// (`31.02.2027 09.00`) and holds no number. Used for every user value shown back
/// (`text::echo_safe`).
pub fn mask_numbers(text: &str) -> String {
    let normalised = normalize::normalize(text);
    let chars: Vec<char> = normalised.chars().collect();
    let mut out = String::with_capacity(normalised.len());
    let mut at = 0;
    for chunk in national_id::chunks(&chars) {
        let hide = chunk.digit_count() >= 9
            && (!is_date_time(&chunk.sizes()) || national_id::scan_chunk(&chars, &chunk).is_some());
        if hide {
            let span = chunk.span();
            out.extend(&chars[at..span.start]);
            out.push('\u{2026}');
            at = span.end;
        }
    }
    out.extend(&chars[at..]);
    out
}

/// Digit group sizes of one or two dates with a four-digit year (`d.m.åååå`, `åååå-mm-dd`),
/// perhaps followed by times (`9`, `09.00`, `09.00–10.30`): `31.02.2027 09.00`,
/// `01.01.2025 - 31.12.2025`.
fn is_date_time(sizes: &[usize]) -> bool {
    let short = |n: usize| (1..=2).contains(&n);
    let date_at = |i: usize| match sizes.get(i..i + 3) {
        Some(&[4, m, d]) => short(m) && short(d),
        Some(&[d, m, 4]) => short(d) && short(m),
        _ => false,
    };
    let (mut i, mut dates, mut times) = (0, 0, 0);
    while i < sizes.len() {
        if date_at(i) {
            i += 3;
            dates += 1;
            continue;
        }
        if dates == 0 || !short(sizes[i]) {
            return false;
        }
        i += if sizes.get(i + 1) == Some(&2) { 2 } else { 1 };
        times += 1;
    }
    (1..=2).contains(&dates) && times <= 2
}

#[cfg(test)]
mod proptests;

#[cfg(test)]
mod tests {
    use super::national_id::testing::first_valid;
    use super::*;

    #[test]
    fn check_text_never_exposes_the_number() {
        let id = first_valid("010190");
        let text = format!("Eleven Ola Nordmann, fnr {id}, går i 9B");
        let result = check_text(&text);
        assert_eq!(result.refused, Some(IdKind::Fodselsnummer));
        assert!(!result.is_clean());
        let debug = format!("{result:?}");
        assert!(!debug.contains(&id), "{debug}");
        assert!(!debug.contains(&id[..6]), "{debug}");
        assert!(!debug.contains(&id[6..]), "{debug}");
    }

    #[test]
    fn fluent_keys_are_stable() {
        assert_eq!(
            IdKind::Fodselsnummer.fluent_key(),
            "privacy-id-fodselsnummer"
        );
        assert_eq!(IdKind::DNummer.fluent_key(), "privacy-id-d-nummer");
        assert_eq!(IdKind::HNummer.fluent_key(), "privacy-id-h-nummer");
        assert_eq!(
            Warning::PossibleChildName { span: 0..1 }.fluent_key(),
            "privacy-warning-child-name"
        );
        assert_eq!(
            Warning::PossibleChildInClass { span: 0..1 }.fluent_key(),
            "privacy-warning-child-class"
        );
    }

    #[test]
    fn masking_hides_every_written_form_and_keeps_dates() {
        let id = first_valid("010190");
        let (date, p) = (&id[..6], &id[6..]);
        let (dd, mm, yy) = (&id[..2], &id[2..4], &id[4..6]);
        let hidden = [
            (format!("group:\"{dd}/{mm}/{yy} {p}\""), "group:\"…\""),
            (format!("due:{date}\u{2013}{p}"), "due:…"),
            (format!("due:{date}\u{2212}{p}"), "due:…"),
            (format!("due:{date}\u{2011}{p}"), "due:…"),
            (format!("x {date}\u{200B}{p} y"), "x … y"),
            (format!("{dd}.{mm}.{yy}{p}."), "…."),
            (format!("q=fnr%20{id}"), "q=fnr …"),
            (format!("{date} 100 {}", &id[9..]), "…"),
            ("Org.nr. 974 760 673".to_string(), "Org.nr. …"),
        ];
        for (input, expected) in hidden {
            assert_eq!(mask_numbers(&input), expected, "{input:?}");
        }
        let kept = [
            "31.02.2027",
            "31.02.2027 09.00",
            "2027-02-31 09",
            "01.01.2025 - 31.12.2025",
            "1.1.2025 9.00-10.30",
            "12.01.2027 kl. 09.00",
            "Møte 12.03",
            "41 44 89 60",
            "hver 4. uke tirsdag kl. 09.00",
        ];
        for input in kept {
            assert_eq!(mask_numbers(input), input, "{input:?}");
        }
    }
}
