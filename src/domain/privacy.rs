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
//! # Refusal: fødselsnummer, D-nummer, H-nummer
//!
//! An identity number is 11 digits: `DDMMYY` + a 3-digit individual number + 2 check digits.
//! * Check digits (mod 11): k1 over the first 9 digits with weights 3,7,6,1,8,9,4,5,2; k2 over
//!   the first 10 digits with weights 5,4,3,2,7,6,5,4,3,2; each is `11 − (sum mod 11)`, where
//!   11 becomes 0 and 10 makes the number invalid.
//! * D-nummer: the first day digit is raised by 4 (day 41–71). H-nummer: the first month digit
//!   is raised by 4 (month 41–52). Both at once is invalid. Skatteetaten's synthetic test
//!   numbers with month + 80 are not recognised (they never belong to real people).
//! * The date must be a real calendar date. **Century rule:** we accept a date that is valid
//!   in *any* plausible century (1800s, 1900s, 2000s) instead of deriving the century from the
//!   individual number: D-numbers do not follow the century table reliably and Skatteetaten
//!   changes the meaning of the digits from 2032, and for a guard a refusal too many is cheaper
//!   than a number let through. The only effect is on 29 February: it is accepted when `YY` is
//!   divisible by 4 (so `290200` counts, as 29.02.2000 existed).
//! * Only the classic check-digit rule is implemented. Numbers issued from 1 January 2032 may
//!   use Skatteetaten's widened first check digit (weighted sum mod 11 of 0–3 instead of 0)
//!   and are then not recognised; accepting them would roughly quadruple false refusals of
//!   other 11-digit numbers, so that is a decision for closer to 2032.
//!
//! Written forms recognised (digits must be ASCII `0`–`9`; full-width or other Unicode digits
//! never match — they are simply treated as other characters, nothing panics):
//! * `DDMMYYNNNNN` — exactly 11 digits;
//! * `DDMMYY NNNNN` / `DDMMYY-NNNNN` — the separator is 1–3 characters made of spaces
//!   (including no-break and thin spaces) and at most one hyphen or dash, so `DDMMYY - NNNNN`
//!   matches too;
//! * `DD.MM.YY NNNNN` — the date written with `.`, `/` or `-` (the same one both times), then
//!   the same separator as above. This cannot collide with bank account numbers
//!   (`1234.56.78903`, grouped 4-2-5) because the groups must be exactly 2-2-2-5.
//!
//! A candidate must not touch another ASCII digit on either side, so nothing matches inside a
//! longer digit run (a 12- or 13-digit number, a 6-digit group followed by 6 digits). Letters
//! and punctuation next to the number do not protect it: `fnr:01010012345.` is found.
//! 11-digit numbers that fail the date or check-digit rules (bank account numbers, case
//! numbers) pass.
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
        refused: scan_national_id(&chars),
        warnings: child_warnings(&chars),
    }
}

/// The kind of the first valid identity number written anywhere in `text`, in any of the
/// recognised forms (see the module documentation).
pub fn contains_national_id(text: &str) -> Option<IdKind> {
    let chars: Vec<char> = text.chars().collect();
    scan_national_id(&chars)
}

/// Validates exactly 11 ASCII digits (no separators) as a fødselsnummer, D-nummer or H-nummer.
pub fn is_valid_national_id(digits: &str) -> Option<IdKind> {
    let bytes = digits.as_bytes();
    if bytes.len() != 11 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut d = [0u8; 11];
    for (slot, byte) in d.iter_mut().zip(bytes) {
        *slot = byte - b'0';
    }
    validate_digits(&d)
}

// ---------------------------------------------------------------------------------------------
// Identity numbers
// ---------------------------------------------------------------------------------------------

const K1_WEIGHTS: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// `11 − (sum mod 11)`, with 11 → 0 and 10 → no valid digit.
fn mod11_check(sum: u32) -> Option<u8> {
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        c => u8::try_from(c).ok(),
    }
}

/// The two check digits for a 9-digit prefix, or `None` when either would be 10.
fn check_digits(prefix: &[u8; 9]) -> Option<(u8, u8)> {
    let sum1: u32 = prefix
        .iter()
        .zip(K1_WEIGHTS)
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    let k1 = mod11_check(sum1)?;
    let sum2: u32 = prefix
        .iter()
        .chain(std::iter::once(&k1))
        .zip(K2_WEIGHTS)
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    let k2 = mod11_check(sum2)?;
    Some((k1, k2))
}

fn validate_digits(d: &[u8; 11]) -> Option<IdKind> {
    let mut prefix = [0u8; 9];
    prefix.copy_from_slice(&d[..9]);
    let (k1, k2) = check_digits(&prefix)?;
    if d[9] != k1 || d[10] != k2 {
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

fn is_digit_at(chars: &[char], i: usize) -> bool {
    chars.get(i).is_some_and(char::is_ascii_digit)
}

/// Length of the ASCII digit run starting at `i` (0 when `i` is out of range or no digit).
fn digit_run(chars: &[char], i: usize) -> usize {
    chars.get(i..).map_or(0, |rest| {
        rest.iter().take_while(|c| c.is_ascii_digit()).count()
    })
}

fn is_space_sep(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}'
    )
}

fn is_hyphen_sep(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}'
    )
}

fn is_date_sep(c: char) -> bool {
    matches!(c, '.' | '/' | '-')
}

/// Length of a separator between the date part and the personal number starting at `i`:
/// 1–3 characters of spaces with at most one hyphen/dash. 0 when there is none.
fn group_separator(chars: &[char], i: usize) -> usize {
    let mut len = 0;
    let mut hyphens = 0;
    while len < 3 {
        match chars.get(i + len) {
            Some(&c) if is_space_sep(c) => len += 1,
            Some(&c) if is_hyphen_sep(c) && hyphens == 0 => {
                hyphens += 1;
                len += 1;
            }
            _ => break,
        }
    }
    len
}

fn digits_from(chars: &[char], positions: impl Iterator<Item = usize>) -> Option<[u8; 11]> {
    let mut out = [0u8; 11];
    let mut count = 0;
    for (slot, pos) in out.iter_mut().zip(positions) {
        let digit = chars.get(pos)?.to_digit(10)?;
        *slot = u8::try_from(digit).ok()?;
        count += 1;
    }
    (count == 11).then_some(out)
}

/// Tries the recognised forms at `start`, the first digit of a digit run of length `run`.
fn id_at(chars: &[char], start: usize, run: usize) -> Option<IdKind> {
    match run {
        11 => validate_digits(&digits_from(chars, start..start + 11)?),
        6 => {
            let sep = group_separator(chars, start + 6);
            let tail = start + 6 + sep;
            if sep == 0 || digit_run(chars, tail) != 5 {
                return None;
            }
            validate_digits(&digits_from(
                chars,
                (start..start + 6).chain(tail..tail + 5),
            )?)
        }
        2 => {
            let date_sep = *chars.get(start + 2)?;
            if !is_date_sep(date_sep)
                || digit_run(chars, start + 3) != 2
                || chars.get(start + 5) != Some(&date_sep)
                || digit_run(chars, start + 6) != 2
            {
                return None;
            }
            let sep = group_separator(chars, start + 8);
            let tail = start + 8 + sep;
            if sep == 0 || digit_run(chars, tail) != 5 {
                return None;
            }
            let positions = [start, start + 1, start + 3, start + 4, start + 6, start + 7];
            validate_digits(&digits_from(
                chars,
                positions.into_iter().chain(tail..tail + 5),
            )?)
        }
        _ => None,
    }
}

fn scan_national_id(chars: &[char]) -> Option<IdKind> {
    let mut i = 0;
    while i < chars.len() {
        if !is_digit_at(chars, i) {
            i += 1;
            continue;
        }
        // `i` starts a digit run: the previous char (if any) is not an ASCII digit.
        let run = digit_run(chars, i);
        if let Some(kind) = id_at(chars, i, run) {
            return Some(kind);
        }
        i += run;
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Child-identifying wording
// ---------------------------------------------------------------------------------------------

/// Whole words (lower case) that mark a child.
const CHILD_WORDS: &[&str] = &[
    "elev",
    "eleven",
    "gutt",
    "gutten",
    "gut",
    "guten",
    "jente",
    "jenta",
    "jenten",
    "barn",
    "barnet",
    "barna",
    "ungen",
    "ungdom",
    "ungdommen",
    "sønn",
    "sønnen",
    "son",
    "sonen",
    "datter",
    "datteren",
    "dattera",
    "dotter",
    "dottera",
    "mindreårig",
    "mindreårige",
    "tenåring",
    "tenåringen",
    "pupil",
    "boy",
    "girl",
    "child",
    "children",
    "kid",
    "kids",
    "daughter",
    "teenager",
    "minor",
];

/// Child words that denote exactly one child (used with school classes).
const SINGULAR_CHILD_WORDS: &[&str] = &[
    "elev",
    "eleven",
    "gutt",
    "gutten",
    "gut",
    "guten",
    "jente",
    "jenta",
    "jenten",
    "barnet",
    "ungen",
    "tenåring",
    "tenåringen",
    "pupil",
    "boy",
    "girl",
    "child",
    "kid",
    "teenager",
];

/// Words that are never part of a person's name (institutions, places, calendar words).
const NOT_NAME_WORDS: &[&str] = &[
    "skole",
    "skolen",
    "skule",
    "skulen",
    "kommune",
    "kommunen",
    "fylkeskommune",
    "fylkeskommunen",
    "fylke",
    "fylket",
    "politi",
    "politiet",
    "politidistrikt",
    "nav",
    "barnevern",
    "barnevernet",
    "barnevernstjenesten",
    "barnevernstenesta",
    "ungdomsklubb",
    "ungdomsklubben",
    "fritidsklubb",
    "fritidsklubben",
    "sentrum",
    "helsestasjon",
    "helsestasjonen",
    "konfliktråd",
    "konfliktrådet",
    "statsforvalteren",
    "statsforvaltaren",
    "fylkesmannen",
    "helsedirektoratet",
    "kripos",
    "bufetat",
    "bup",
    "ppt",
    "slt",
    "utekontakt",
    "utekontakten",
    "uteteam",
    "uteteamet",
    "oppvekst",
    "idrettslag",
    "idrettslaget",
    "videregående",
    "vidaregåande",
    "vgs",
    "universitet",
    "universitetet",
    "høgskole",
    "høgskule",
    "høyskole",
    "bibliotek",
    "biblioteket",
    "kino",
    "kinoen",
    "school",
    "council",
    "police",
    "county",
    "municipality",
    "department",
    "service",
    "services",
    "centre",
    "center",
    "club",
    "street",
    "road",
    "hospital",
    "church",
    "university",
    "college",
    "city",
    "nordre",
    "søndre",
    "vestre",
    "østre",
    "indre",
    "ytre",
    "øvre",
    "nedre",
    "nord",
    "sør",
    "aust",
    "øst",
    "vest",
    "midt",
    "store",
    "lille",
    "north",
    "south",
    "east",
    "west",
    "upper",
    "lower",
    "new",
    "old",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Suffixes of institution words (`Stordskulen`, `Koordineringsgruppa`, `Politistasjonen`).
const INSTITUTION_SUFFIXES: &[&str] = &[
    "skole",
    "skolen",
    "skule",
    "skulen",
    "kommune",
    "kommunen",
    "klubb",
    "klubben",
    "senter",
    "senteret",
    "sentret",
    "stasjon",
    "stasjonen",
    "tjeneste",
    "tjenesten",
    "teneste",
    "tenesta",
    "kontor",
    "kontoret",
    "etat",
    "etaten",
    "direktorat",
    "direktoratet",
    "gruppe",
    "gruppa",
    "gruppen",
    "rådet",
    "forum",
    "huset",
    "laget",
    "hallen",
    "parken",
    "torget",
    "gata",
    "veien",
    "vegen",
    "plassen",
    "distrikt",
    "distriktet",
    "barnehage",
    "barnehagen",
    "kirke",
    "kirken",
    "kyrkje",
    "kyrkja",
    "sykehus",
    "sjukehus",
    "avdeling",
    "avdelingen",
    "forening",
    "foreningen",
    "foreininga",
];

/// Function words; capitalised anywhere but first in a sentence they mark title case.
/// Deliberately leaves out words that are also common first names (`Per`, `Are`, `Even`).
const FUNCTION_WORDS: &[&str] = &[
    "og", "eller", "men", "for", "om", "med", "på", "til", "fra", "frå", "av", "ved", "hos",
    "etter", "før", "under", "over", "mellom", "blant", "mot", "uten", "utan", "gjennom", "som",
    "når", "da", "då", "så", "at", "det", "den", "de", "dei", "dette", "denne", "disse", "desse",
    "der", "her", "hvor", "kvar", "hva", "kva", "hvem", "kven", "hvis", "viss", "vi", "me", "du",
    "dere", "dykk", "han", "hun", "ho", "hen", "jeg", "eg", "oss", "seg", "sin", "si", "sitt",
    "sine", "min", "din", "vår", "våre", "deres", "en", "ei", "et", "eit", "ein", "er", "var",
    "har", "hadde", "blir", "ble", "vart", "kan", "skal", "vil", "må", "bør", "ikke", "ikkje",
    "også", "nå", "no", "the", "and", "or", "but", "of", "to", "in", "on", "by", "with", "from",
    "about", "after", "before", "between", "among", "without", "as", "is", "was", "were", "we",
    "he", "she", "they", "it", "this", "that", "these", "those", "there", "here", "what", "who",
    "when", "where", "if", "our", "their", "his", "her", "its", "my", "your", "an", "every",
    "each", "all", "any", "some", "alle", "hver", "hvert", "kvart", "noen", "nokon",
];

/// Professional roles (exact words); a name right after one is an adult professional.
const ROLE_WORDS: &[&str] = &[
    "rektor",
    "rektoren",
    "inspektør",
    "helsesøster",
    "helsesykepleier",
    "helsesjukepleiar",
    "helsesykepleiar",
    "sosionom",
    "miljøterapeut",
    "psykolog",
    "politimester",
    "politimeister",
    "politikontakt",
    "ordfører",
    "ordførar",
    "ordføreren",
    "rådmann",
    "kommunedirektør",
    "kommunalsjef",
    "teacher",
    "principal",
    "headteacher",
    "nurse",
    "officer",
    "constable",
    "coordinator",
    "counsellor",
    "counselor",
    "caseworker",
    "manager",
    "mayor",
    "director",
    "psychologist",
];

/// Suffixes of professional role words (`SLT-koordinator`, `kontaktlærer`, `avdelingsleder`).
const ROLE_SUFFIXES: &[&str] = &[
    "koordinator",
    "koordinatoren",
    "lærer",
    "læreren",
    "lærar",
    "læraren",
    "leder",
    "lederen",
    "leiar",
    "leiaren",
    "betjent",
    "betjenten",
    "sykepleier",
    "sjukepleiar",
    "arbeider",
    "arbeidar",
    "terapeut",
    "rådgiver",
    "rådgivar",
    "rådgjevar",
    "konsulent",
    "saksbehandler",
    "saksbehandlar",
    "forebygger",
    "førebyggjar",
    "direktør",
    "sjef",
];

/// Words allowed between a name and a following child marker.
const AFTER_LINK: &[&str] = &[
    "er", "var", "blir", "ble", "vart", "vert", "en", "ei", "et", "eit", "ein", "sin", "si",
    "sitt", "sine", "som", "is", "was", "a", "an", "the", "his", "her", "their", "who",
];

/// Words allowed between a child marker and a following name.
const BEFORE_LINK: &[&str] = &[
    "som", "heter", "heiter", "het", "kalt", "kalla", "kalles", "navn", "namn", "til", "av", "of",
    "named", "called", "the", "den", "det", "en", "ei", "et", "eit", "ein", "a", "an",
];

/// Words allowed between a singular child word and a school class section.
const CLASS_LINK: &[&str] = &[
    "i", "på", "fra", "frå", "in", "from", "at", "klasse", "klassen", "class",
];

const MAX_AFTER_LINKS: usize = 3;
const MAX_BEFORE_LINKS: usize = 2;
const MAX_CLASS_LINKS: usize = 2;
const MAX_CHILD_AGE: u32 = 19;

#[derive(Debug)]
struct Word {
    start: usize,
    end: usize,
    lower: String,
    sentence: usize,
    /// Separated from the previous word by horizontal whitespace only.
    plain_gap_before: bool,
    /// The gap before this word contains `(`.
    paren_before: bool,
    capitalised: bool,
    name_like: bool,
    number: Option<u32>,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}')
}

fn is_sentence_break(chars: &[char], i: usize) -> bool {
    match chars.get(i) {
        Some('!' | '?' | '.' | '\u{2026}') => {
            // Only when followed by whitespace, a closing bracket/quote or the end, so that
            // `f.eks` and `8.trinn` do not split sentences.
            match chars.get(i + 1) {
                None => true,
                Some(&next) => next.is_whitespace() || matches!(next, ')' | '"' | '»' | '”'),
            }
        }
        Some(':' | ';' | '\n' | '\r' | '•' | '\u{b7}') => true,
        _ => false,
    }
}

/// Upper-case letter followed by a lower-case letter, then letters; parts joined by hyphens;
/// an English possessive `'s` is allowed at the end.
fn is_name_like(word: &str) -> bool {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    let mut parts = 0;
    for part in word.split(['-', '\u{2010}', '\u{2011}']) {
        parts += 1;
        let mut it = part.chars();
        let first_ok = it.next().is_some_and(char::is_uppercase);
        let second_ok = it.next().is_some_and(char::is_lowercase);
        if !(first_ok && second_ok && it.all(char::is_alphabetic)) {
            return false;
        }
    }
    parts > 0
}

fn tokenize(chars: &[char]) -> Vec<Word> {
    let mut words = Vec::new();
    let mut sentence = 0;
    let mut gap_plain = true;
    let mut gap_paren = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_alphanumeric() {
            if is_sentence_break(chars, i) {
                sentence += 1;
            }
            if !matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}') {
                gap_plain = false;
            }
            if c == '(' {
                gap_paren = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() {
            let continues = chars[i].is_alphanumeric()
                || (is_joiner(chars[i]) && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()));
            if !continues {
                break;
            }
            i += 1;
        }
        let text: String = chars[start..i].iter().collect();
        let number = if text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit()) {
            text.parse().ok()
        } else {
            None
        };
        words.push(Word {
            start,
            end: i,
            lower: text.to_lowercase(),
            sentence,
            plain_gap_before: gap_plain,
            paren_before: gap_paren,
            capitalised: text.chars().next().is_some_and(char::is_uppercase),
            name_like: is_name_like(&text),
            number,
        });
        gap_plain = true;
        gap_paren = false;
    }
    words
}

fn in_list(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

fn has_suffix(list: &[&str], word: &str) -> bool {
    list.iter().any(|s| word.ends_with(s))
}

/// `14-åring`, `14-åringen`, `14-åringer`, `14-year-old`, …
fn is_age_word(lower: &str) -> bool {
    let Some((number, rest)) = lower.split_once('-') else {
        return false;
    };
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && (rest.starts_with("åring") || rest == "year-old" || rest == "years-old")
}

fn is_child_marker(word: &Word) -> bool {
    in_list(CHILD_WORDS, &word.lower) || is_age_word(&word.lower)
}

fn is_singular_child(word: &Word) -> bool {
    in_list(SINGULAR_CHILD_WORDS, &word.lower)
        || (is_age_word(&word.lower)
            && (word.lower.ends_with("åring") || word.lower.ends_with("åringen")))
}

fn is_role(word: &Word) -> bool {
    in_list(ROLE_WORDS, &word.lower) || has_suffix(ROLE_SUFFIXES, &word.lower)
}

fn is_name_part(word: &Word) -> bool {
    let w = word.lower.as_str();
    word.name_like
        && !in_list(NOT_NAME_WORDS, w)
        && !has_suffix(INSTITUTION_SUFFIXES, w)
        && !in_list(FUNCTION_WORDS, w)
        && !is_role(word)
        && !is_child_marker(word)
}

/// A grade 1–13 followed by one letter: `9B`, `10c`.
fn is_class_section(lower: &str) -> bool {
    let mut chars = lower.chars();
    let Some(letter) = chars.next_back() else {
        return false;
    };
    let grade = chars.as_str();
    letter.is_alphabetic()
        && !grade.is_empty()
        && grade.len() <= 2
        && grade.bytes().all(|b| b.is_ascii_digit())
        && grade.parse::<u32>().is_ok_and(|g| (1..=13).contains(&g))
}

/// Sentences written in title case: a capitalised function word anywhere but first, or at
/// least 4 words that all start with a capital letter.
fn title_case_sentences(words: &[Word]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let sentence = words[i].sentence;
        let end = words[i..]
            .iter()
            .position(|w| w.sentence != sentence)
            .map_or(words.len(), |n| i + n);
        let lettered: Vec<&Word> = words[i..end]
            .iter()
            .filter(|w| w.lower.chars().next().is_some_and(char::is_alphabetic))
            .collect();
        let capitalised_function_word = words[i + 1..end]
            .iter()
            .any(|w| w.capitalised && in_list(FUNCTION_WORDS, &w.lower));
        let all_capitalised = lettered.len() >= 4 && lettered.iter().all(|w| w.capitalised);
        if capitalised_function_word || all_capitalised {
            out.push(sentence);
        }
        i = end;
    }
    out
}

fn child_after(words: &[Word], last: usize) -> bool {
    let sentence = words[last].sentence;
    let same = |j: usize| words.get(j).filter(|w| w.sentence == sentence);
    // Age right after the name: `(14)` or `14 år`.
    if let Some(w) = same(last + 1) {
        if w.number.is_some_and(|n| n <= MAX_CHILD_AGE) {
            let years_follow =
                same(last + 2).is_some_and(|y| matches!(y.lower.as_str(), "år" | "years" | "year"));
            if w.paren_before || years_follow {
                return true;
            }
        }
    }
    let mut j = last + 1;
    for _ in 0..=MAX_AFTER_LINKS {
        match same(j) {
            Some(w) if is_child_marker(w) => return true,
            Some(w) if in_list(AFTER_LINK, &w.lower) => j += 1,
            _ => return false,
        }
    }
    false
}

fn child_before(words: &[Word], first: usize) -> bool {
    let sentence = words[first].sentence;
    let mut j = first;
    for _ in 0..=MAX_BEFORE_LINKS {
        let Some(prev) = j.checked_sub(1) else {
            return false;
        };
        j = prev;
        let w = &words[j];
        if w.sentence != sentence {
            return false;
        }
        if is_child_marker(w) {
            return true;
        }
        // `ved`/`med` only in `ved navn` / `med namn`, so `eleven ved Amalie Skram vgs`
        // (a school named after a person) does not warn.
        let by_name = matches!(w.lower.as_str(), "ved" | "med")
            && words
                .get(j + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "navn" | "namn"));
        let linking = in_list(BEFORE_LINK, &w.lower)
            || by_name
            || is_role(w)
            || w.number.is_some_and(|n| n <= MAX_CHILD_AGE);
        if !linking {
            return false;
        }
    }
    false
}

fn name_warnings(words: &[Word], out: &mut Vec<Warning>) {
    let title_case = title_case_sentences(words);
    let mut i = 0;
    while i < words.len() {
        if !is_name_part(&words[i]) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        while let Some(next) = words.get(last + 1) {
            if is_name_part(next) && next.plain_gap_before && next.sentence == words[first].sentence
            {
                last += 1;
            } else {
                break;
            }
        }
        i = last + 1;
        let len = last - first + 1;
        if !(2..=4).contains(&len) || title_case.contains(&words[first].sentence) {
            continue;
        }
        if child_before(words, first) || child_after(words, last) {
            out.push(Warning::PossibleChildName {
                span: words[first].start..words[last].end,
            });
        }
    }
}

fn class_warnings(words: &[Word], out: &mut Vec<Warning>) {
    for (i, w) in words.iter().enumerate() {
        if !is_singular_child(w) {
            continue;
        }
        let mut j = i + 1;
        for _ in 0..=MAX_CLASS_LINKS {
            match words.get(j).filter(|n| n.sentence == w.sentence) {
                Some(n) if is_class_section(&n.lower) => {
                    out.push(Warning::PossibleChildInClass {
                        span: w.start..n.end,
                    });
                    break;
                }
                Some(n) if in_list(CLASS_LINK, &n.lower) => j += 1,
                _ => break,
            }
        }
    }
}

fn child_warnings(chars: &[char]) -> Vec<Warning> {
    let words = tokenize(chars);
    let mut out = Vec::new();
    name_warnings(&words, &mut out);
    class_warnings(&words, &mut out);
    out.sort_by_key(|w| (w.span().start, w.span().end));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Builds a valid 11-digit number from date digits and an individual number, or `None`
    /// when that prefix has no valid check digits.
    fn make_id(ddmmyy: &str, individual: u16) -> Option<String> {
        let prefix = format!("{ddmmyy}{individual:03}");
        let mut digits = [0u8; 9];
        for (slot, b) in digits.iter_mut().zip(prefix.bytes()) {
            *slot = b - b'0';
        }
        let (k1, k2) = check_digits(&digits)?;
        Some(format!("{prefix}{k1}{k2}"))
    }

    /// The first valid number for the date, searching individual numbers upwards.
    fn first_valid(ddmmyy: &str) -> String {
        (0..1000)
            .find_map(|ind| make_id(ddmmyy, ind))
            .expect("some individual number gives valid check digits")
    }

    fn grouped(id: &str, sep: &str) -> String {
        format!("{}{sep}{}", &id[..6], &id[6..])
    }

    fn dotted(id: &str, date_sep: char, sep: &str) -> String {
        format!(
            "{}{date_sep}{}{date_sep}{}{sep}{}",
            &id[..2],
            &id[2..4],
            &id[4..6],
            &id[6..]
        )
    }

    #[test]
    fn check_digits_match_documented_worked_example() {
        // Worked example of the check-digit calculation (prefix 311299567 → 1 and 5),
        // plus prefixes whose check digits were computed by hand.
        type Case = (&'static [u8; 9], Option<(u8, u8)>);
        let cases: &[Case] = &[
            (&[3, 1, 1, 2, 9, 9, 5, 6, 7], Some((1, 5))),
            // 010100123: k1 sum 7+1+4+10+6 = 28, 28 mod 11 = 6 → 5;
            // k2 sum 4+2+5+8+9+2·5 = 38, 38 mod 11 = 5 → 6.
            (&[0, 1, 0, 1, 0, 0, 1, 2, 3], Some((5, 6))),
            // 010100000: k1 sum 8 → 3; k2 sum 4+2+2·3 = 12, 12 mod 11 = 1 → 10 → invalid.
            (&[0, 1, 0, 1, 0, 0, 0, 0, 0], None),
            // 000000006: k1 sum 2·6 = 12, 12 mod 11 = 1 → 10 → invalid.
            (&[0, 0, 0, 0, 0, 0, 0, 0, 6], None),
        ];
        for (prefix, expected) in cases {
            assert_eq!(check_digits(prefix), *expected, "prefix {prefix:?}");
        }
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
        // Commonly published synthetic examples (valid check digits, no real person claimed).
        for id in ["01010012356", "31129956715"] {
            assert!(is_valid_national_id(id).is_some(), "{id}");
        }
    }

    #[test]
    fn wrong_check_digits_are_not_ids() {
        let id = first_valid("150585");
        let bytes = id.as_bytes();
        for pos in [9usize, 10] {
            for wrong in 0..10u8 {
                let mut changed = bytes.to_vec();
                let original = changed[pos] - b'0';
                if wrong == original {
                    continue;
                }
                changed[pos] = b'0' + wrong;
                let s = String::from_utf8(changed).expect("ascii");
                assert_eq!(is_valid_national_id(&s), None, "{s}");
            }
        }
    }

    #[test]
    fn invalid_dates_are_not_ids_even_with_correct_check_digits() {
        // Each date prefix is impossible; the check digits are made correct on purpose.
        let dates = [
            "310299", "300200", "290201", "290297", "000190", "320190", "311190", "310490",
            "010090", "011390", "013990", "720190", "800190", "415190", "016190", "018190",
            "455190", "310690",
        ];
        for date in dates {
            for ind in 0..1000 {
                if let Some(id) = make_id(date, ind) {
                    assert_eq!(is_valid_national_id(&id), None, "{date}");
                }
            }
        }
    }

    #[test]
    fn prefixes_with_check_digit_ten_have_no_valid_completion() {
        let mut found = 0;
        for ind in 0..1000u16 {
            let prefix = format!("010190{ind:03}");
            let mut digits = [0u8; 9];
            for (slot, b) in digits.iter_mut().zip(prefix.bytes()) {
                *slot = b - b'0';
            }
            let sum: u32 = digits
                .iter()
                .zip(K1_WEIGHTS)
                .map(|(&d, w)| u32::from(d) * w)
                .sum();
            if sum % 11 != 1 {
                continue;
            }
            found += 1;
            for tail in 0..100 {
                let candidate = format!("{prefix}{tail:02}");
                assert_eq!(is_valid_national_id(&candidate), None, "{candidate}");
            }
        }
        assert!(found > 50, "expected many k1 = 10 prefixes, got {found}");
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

    #[test]
    fn all_written_forms_are_found_in_text() {
        let id = first_valid("241207");
        let forms = [
            id.clone(),
            grouped(&id, " "),
            grouped(&id, "-"),
            grouped(&id, " - "),
            grouped(&id, "\u{a0}"),
            grouped(&id, "\u{2013}"),
            grouped(&id, "  "),
            dotted(&id, '.', " "),
            dotted(&id, '.', "-"),
            dotted(&id, '/', " "),
            dotted(&id, '-', " "),
        ];
        let wrappers = [
            ("", ""),
            ("Fnr: ", "."),
            ("(", ")"),
            ("«", "»"),
            ("elev med nr.", ", går i 9B"),
            ("abc", "xyz"),
            ("nummer\n", "\n"),
        ];
        for form in &forms {
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

    #[test]
    fn longer_digit_runs_and_bank_numbers_do_not_match() {
        let id = first_valid("241207");
        let texts = [
            format!("1{id}"),
            format!("{id}9"),
            format!("00{id}00"),
            format!("{} {}0", &id[..6], &id[6..]),
            format!("9{} {}", &id[..6], &id[6..]),
            format!("{}{} {}", &id[..1], &id[..6], &id[6..]),
            format!("{}.{}.{}1 {}", &id[..2], &id[2..4], &id[4..6], &id[6..]),
            format!("{}.{}.{} {}", &id[..2], &id[2..4], &id[4..6], &id[6..10]),
            // mixed date separators
            format!("{}.{}/{} {}", &id[..2], &id[2..4], &id[4..6], &id[6..]),
            // no separator between date and personal number in dotted form
            format!("{}.{}.{}{}", &id[..2], &id[2..4], &id[4..6], &id[6..]),
            // too long a separator
            format!("{}    {}", &id[..6], &id[6..]),
            format!("{} -- {}", &id[..6], &id[6..]),
        ];
        for text in texts {
            assert_eq!(contains_national_id(&text), None, "{text:?}");
        }
    }

    #[test]
    fn ordinary_numbers_pass() {
        let texts = [
            "Kontonummer 1234.56.78903",
            "Kontonummer 12345678903",
            "Saksnummer 2024/12345 og 24/01234",
            "Ring 55 55 55 55 eller 91234567",
            "Møte 12.03.25 kl. 09.00, rom 12345",
            "Org.nr. 974 760 673",
            "Telefon +47 912 34 567",
            "",
            "\u{ff10}\u{ff11}\u{ff10}\u{ff11}\u{ff19}\u{ff10}\u{ff10}\u{ff10}\u{ff10}\u{ff10}\u{ff10}",
        ];
        for text in texts {
            assert_eq!(contains_national_id(text), None, "{text:?}");
        }
    }

    #[test]
    fn full_width_digits_never_match() {
        let id = first_valid("010190");
        let wide: String = id
            .chars()
            .map(|c| char::from_u32(u32::from(c) - u32::from('0') + 0xff10).unwrap_or(c))
            .collect();
        assert_eq!(contains_national_id(&wide), None);
        assert_eq!(check_text(&wide).refused, None);
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

    fn spans_of(text: &str) -> Vec<(String, &'static str)> {
        let chars: Vec<char> = text.chars().collect();
        check_text(text)
            .warnings
            .iter()
            .map(|w| {
                let s = w.span();
                (chars[s].iter().collect(), w.fluent_key())
            })
            .collect()
    }

    #[test]
    fn child_names_are_warned_about() {
        const NAME: &str = "privacy-warning-child-name";
        const CLASS: &str = "privacy-warning-child-class";
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Eleven Ola Nordmann har vært borte i tre uker.",
                &[("Ola Nordmann", NAME)],
            ),
            (
                "Bekymring for gutten Ola Nordmann (14).",
                &[("Ola Nordmann", NAME)],
            ),
            (
                "Ola Nordmann (14) ble stoppet av politiet.",
                &[("Ola Nordmann", NAME)],
            ),
            (
                "Vi snakket med jenta, Kari Hansen, i går.",
                &[("Kari Hansen", NAME)],
            ),
            (
                "Per Olav Hansen er elev ved Stord ungdomsskule.",
                &[("Per Olav Hansen", NAME)],
            ),
            ("Sønnen til Per Hansen ruser seg.", &[("Per Hansen", NAME)]),
            (
                "Kari Hansens datter har flyttet.",
                &[("Kari Hansens", NAME)],
            ),
            (
                "En 14-åring, Ola Nordmann, ble tatt med hasj.",
                &[("Ola Nordmann", NAME)],
            ),
            (
                "Dottera til Kari Hansen har flytta.",
                &[("Kari Hansen", NAME)],
            ),
            (
                "The boy, Tom Smith, was seen near the station.",
                &[("Tom Smith", NAME)],
            ),
            (
                "We think Tom Smith is a pupil at the school.",
                &[("Tom Smith", NAME)],
            ),
            (
                "Bekymring: en elev som heter Anne-Lise Berg.",
                &[("Anne-Lise Berg", NAME)],
            ),
            (
                "Ola Nordmann, 15 år, er meldt savnet.",
                &[("Ola Nordmann", NAME)],
            ),
            (
                "Ola Nordmann er en mindreårig som trenger oppfølging.",
                &[("Ola Nordmann", NAME)],
            ),
            (
                "Ei jente i 9B har blitt utsatt for vold.",
                &[("jente i 9B", CLASS)],
            ),
            (
                "Vi er bekymret for gutten i klasse 10C.",
                &[("gutten i klasse 10C", CLASS)],
            ),
            (
                "Gutten Ola Nordmann i 9B er borte.",
                &[("Ola Nordmann", NAME)],
            ),
            (
                "Det gjelder en gutt ved navn Ola Nordmann.",
                &[("Ola Nordmann", NAME)],
            ),
            (
                "Sønnen til rektor Per Hansen har fått en advarsel.",
                &[("Per Hansen", NAME)],
            ),
            (
                "Rektor Per Hansen sin sønn er meldt savnet.",
                &[("Per Hansen", NAME)],
            ),
            (
                "Kari Nordmann fra barnevernet orienterer om sønnen til Per Hansen.",
                &[("Per Hansen", NAME)],
            ),
        ];
        for (text, expected) in cases {
            let got = spans_of(text);
            let expected: Vec<(String, &str)> =
                expected.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn ordinary_slt_sentences_do_not_warn() {
        let texts = [
            "Uro ved ungdomsklubben på Stord",
            "Politiet orienterer om narkotikasituasjonen i Haugesund sentrum",
            "Møte med Vestland fylkeskommune om elevtall",
            "Kari Nordmann fra barnevernet orienterer",
            "Kari Nordmann fra barnevernet orienterer om barn i kommunen",
            "En elev på 9. trinn har uttrykt bekymring for rus.",
            "Elevene på Stord Ungdomsskule får besøk av politiet.",
            "Tverrfaglig Møte Om Barn Og Unge",
            "Uro Blant Ungdom I Sentrum",
            "Kari Nordmann snakket med elevene om nettvett.",
            "SLT-koordinator Kari Nordmann møter ungdom i sentrum.",
            "Rektor Per Hansen orienterte om elevtall og barn med fravær.",
            "Helsesykepleier Kari Nordmann og eleven hadde samtale.",
            "Trygge Voksne Gir Trygge Barn",
            "Eleven ved Stord Ungdomsskule er borte.",
            "Leirvik Ungdomsskule sin elev vant prisen.",
            "Vi snakket om eleven. Kari Nordmann fra NAV tar saken.",
            "Vi ringte Kari Nordmann. Eleven er informert.",
            "Eleven er elev ved Amalie Skram vgs.",
            "Sønnen til Stord Vgs-rektor er ikke nevnt.",
            "Barnet til Vestland Vgs kommer.",
            "Antall barn, Stord, Fitjar og Bømlo: 1200.",
            "Safe Adults Make Safe Children",
            "Helping Every Child Succeed",
            "Kampanje 2027: Trygge Voksne Som barn kan stole på",
            "Barn og unge i Indre Østfold.",
            "Barnevernet i Bergen Kommune har mange barn på venteliste.",
            "Per Hansen fra Haugesund Politistasjon snakket om ungdom.",
            "Kari Nordmann og Per Hansen orienterte om barn og unge.",
            "Ola Nordmann er ny leder for ungdomsrådet.",
            "I Bergen og Oslo er det flere barn i lavinntektsfamilier.",
            "På Stord har ungdom fått nytt tilbud.",
            "Statsforvalteren i Vestland ber om tall for barn og unge.",
            "The police met with Bergen City Council about youth crime.",
            "Meeting with Vestland County Council on pupil numbers.",
            "Koordineringsgruppa Sunnhordland: barn og unge i sentrum.",
            "Tilstede: Kari Nordmann (barnevernet), Per Hansen (politiet). Tema: barn og skjerm.",
            "Kari Nordmann (45) er ny leder, hun har selv barn.",
            "Per Hansen har jobbet med barn i 15 år.",
            "NAV Stord og BUP Fonna møter elevene.",
            "Elever i 9B og 10A har hatt besøk av politiet.",
            "Møte i rom 9B om ungdom og rus.",
            "Ungdommer fra Stord og Fitjar samles på Leirvik.",
        ];
        for text in texts {
            let result = check_text(text);
            assert_eq!(result.warnings, Vec::new(), "{text}");
            assert!(result.is_clean(), "{text}");
        }
    }

    #[test]
    fn spans_are_char_indices() {
        let text = "Æ: «eleven Ola Nordmann»";
        let result = check_text(text);
        assert_eq!(
            result.warnings,
            vec![Warning::PossibleChildName { span: 11..23 }]
        );
    }

    fn valid_id() -> impl Strategy<Value = (String, IdKind)> {
        (1u8..=28, 1u8..=12, 0u8..=99, 0u16..1000, 0u8..3).prop_filter_map(
            "check digit 10",
            |(day, month, year, ind, kind)| {
                let (d, m, k) = match kind {
                    0 => (day, month, IdKind::Fodselsnummer),
                    1 => (day + 40, month, IdKind::DNummer),
                    _ => (day, month + 40, IdKind::HNummer),
                };
                make_id(&format!("{d:02}{m:02}{year:02}"), ind).map(|id| (id, k))
            },
        )
    }

    fn written(id: &str, form: u8) -> String {
        match form {
            0 => id.to_string(),
            1 => grouped(id, " "),
            2 => grouped(id, "-"),
            _ => dotted(id, '.', " "),
        }
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in any::<String>()) {
            let result = check_text(&text);
            prop_assert_eq!(result.refused, contains_national_id(&text));
            let len = text.chars().count();
            for w in &result.warnings {
                prop_assert!(w.span().start < w.span().end && w.span().end <= len);
            }
            let _ = is_valid_national_id(&text);
        }

        #[test]
        fn arbitrary_unicode_with_digits_never_panics(text in "[0-9 .\\-/\u{a0}\u{ff10}-\u{ff19}a-zÆØÅæøå()]{0,60}") {
            let _ = check_text(&text);
        }

        #[test]
        fn embedded_valid_number_is_always_found(
            (id, kind) in valid_id(),
            form in 0u8..4,
            before in "[a-zA-Z .,:;!?()\\[\\]\"'#/-]{0,12}",
            after in "[a-zA-Z .,:;!?()\\[\\]\"'#/-]{0,12}",
        ) {
            prop_assert_eq!(is_valid_national_id(&id), Some(kind));
            let text = format!("{before}{}{after}", written(&id, form));
            let result = check_text(&text);
            prop_assert_eq!(result.refused, Some(kind));
            let debug = format!("{result:?}");
            prop_assert!(!debug.contains(&id));
            prop_assert!(!debug.contains(&id[..6]));
        }

        #[test]
        fn valid_number_inside_longer_digit_run_is_not_found(
            (id, _kind) in valid_id(),
            lead in "[0-9]{1,3}",
            trail in "[0-9]{0,3}",
        ) {
            let text = format!("x{lead}{id}{trail}x");
            prop_assert_eq!(contains_national_id(&text), None);
            let text = format!("x{id}{lead}x");
            prop_assert_eq!(contains_national_id(&text), None);
        }
    }
}
