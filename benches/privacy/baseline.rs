//! The personal-data guard as it was before issue 14 (commit 5ec197d,
//! `src/domain/privacy.rs`, tests and docs left out), kept only as the bench's baseline:
//! ASCII digits, fixed written forms, no normalisation, the classic check-digit rule.
#![allow(dead_code)]

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
