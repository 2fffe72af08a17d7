//! How the guard reads a text before looking for identity numbers, and the key under which
//! two names count as the same.
//!
//! [`normalize`] undoes the ways a number can be written so that it no longer *looks* like
//! eleven digits while every reader still sees them:
//! 1. invisible characters are dropped: Unicode's *default ignorable* code points — zero-width
//!    space U+200B, word joiner U+2060, soft hyphen U+00AD, BOM U+FEFF, bidi marks and
//!    isolates, variation selectors, Hangul fillers, tag characters;
//! 2. Unicode NFKC (full-width `０１`, superscripts, ideographic space U+3000 → space, …);
//! 3. every decimal digit (Unicode category Nd: Arabic-Indic `٠١`, Devanagari, Thai,
//!    mathematical digits, …) becomes its ASCII digit;
//! 4. percent-escapes are decoded (`fnr%2001019010046` → `fnr 01019010046`) when the escaped
//!    bytes are valid UTF-8 (anything else stays as it is), and steps 1–4 repeat while
//!    something decodes (`%2520`, `％２０`).
//!
//! [`name_key`] is the comparison key of names (group names are unique under it): NFKC,
//! invisible characters dropped, Cyrillic and Greek letters that look like Latin ones folded to
//! those (`К` → `K`, `ο` → `o`), whitespace collapsed, lower case.

use std::borrow::Cow;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The text as the identity-number check reads it (see the module documentation). Borrows
/// when nothing in it can change what the check sees: no `%`, and only ASCII, visible letters
/// (`æøå`, `ä`, Cyrillic … — NFKC never turns a letter into a digit or a separator) and
/// common quotes and dashes.
pub fn normalize(text: &str) -> Cow<'_, str> {
    let untouched = |c: char| {
        c.is_ascii()
            || (c.is_alphabetic() && !is_invisible(c))
            || matches!(c, '«' | '»' | '“' | '”' | '‘' | '’' | '–' | '—')
    };
    if !text.contains('%') && text.chars().all(untouched) {
        return Cow::Borrowed(text);
    }
    // Decoding may reveal more escapes (`%2520`) or characters NFKC turns into one (`％２０`):
    // repeat until nothing more decodes (each round shrinks the text; bounded anyway).
    let mut current = fold_chars(text);
    for _ in 0..8 {
        match percent_decode(&current) {
            Cow::Borrowed(_) => break,
            Cow::Owned(decoded) => current = fold_chars(&decoded),
        }
    }
    Cow::Owned(current)
}

/// Invisible characters dropped (before and after NFKC, which may produce some), NFKC, and
/// decimal digits of every script as ASCII.
fn fold_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let visible = text.chars().filter(|&c| !is_invisible(c));
    // Most text (Norwegian letters included) is already NFKC: skip the decomposition then.
    if is_nfkc_quick(visible.clone()) == IsNormalized::Yes {
        out.extend(visible.map(|c| ascii_digit(c).unwrap_or(c)));
        return out;
    }
    for c in visible.nfkc() {
        if !is_invisible(c) {
            out.push(ascii_digit(c).unwrap_or(c));
        }
    }
    out
}

/// Unicode's default ignorable code points (DerivedCoreProperties.txt): characters that are
/// not shown, or shown as nothing, so they can hide inside a number or make a name look empty.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The first code point (digit zero) of every run of ten decimal digits in Unicode's
/// category Nd (Unicode 15), sorted. Each run holds the digits 0–9 in order.
const DIGIT_ZEROS: [u32; 68] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950,
    0x1FBF0,
];

/// The ASCII digit for a decimal digit of any script, `None` for anything else.
pub fn ascii_digit(c: char) -> Option<char> {
    let cp = u32::from(c);
    if cp < 0x660 {
        return c.is_ascii_digit().then_some(c);
    }
    let zero = match DIGIT_ZEROS.binary_search(&cp) {
        Ok(i) => DIGIT_ZEROS[i],
        Err(0) => return None,
        Err(i) => DIGIT_ZEROS[i - 1],
    };
    let value = cp - zero;
    (value < 10).then(|| char::from(b'0' + value as u8))
}

/// Decodes runs of `%XX` escapes whose bytes are valid UTF-8; other text is kept.
fn percent_decode(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let hex = |b: u8| char::from(b).to_digit(16).map(|d| d as u8);
    let escape_at = |i: usize| -> Option<u8> {
        if bytes.get(i) != Some(&b'%') {
            return None;
        }
        Some(hex(*bytes.get(i + 1)?)? * 16 + hex(*bytes.get(i + 2)?)?)
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut plain_from = 0;
    while i < bytes.len() {
        if escape_at(i).is_none() {
            i += 1;
            continue;
        }
        let run_start = i;
        let mut decoded = Vec::new();
        while let Some(b) = escape_at(i) {
            decoded.push(b);
            i += 3;
        }
        if let Ok(s) = std::str::from_utf8(&decoded) {
            out.push_str(&text[plain_from..run_start]);
            out.push_str(s);
            plain_from = i;
        }
    }
    if plain_from == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[plain_from..]);
    Cow::Owned(out)
}

/// A Latin letter for a Cyrillic or Greek letter that looks the same in common fonts.
fn fold_confusable(c: char) -> char {
    match c {
        // Cyrillic capitals
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'У' | 'Ү' => 'Y',
        'Х' => 'X',
        'Ѕ' => 'S',
        'І' | 'Ӏ' => 'I',
        'Ј' => 'J',
        'Ԛ' => 'Q',
        'Ԝ' => 'W',
        'Һ' => 'H',
        // Cyrillic small letters
        'а' => 'a',
        'е' => 'e',
        'к' => 'k',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' | 'ү' => 'y',
        'х' => 'x',
        'ѕ' => 's',
        'і' => 'i',
        'ј' => 'j',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ӏ' => 'l',
        // Greek capitals
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        // Greek small letters
        'α' => 'a',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' => 'o',
        'ρ' => 'p',
        'υ' => 'u',
        'χ' => 'x',
        // Latin dotless i
        'ı' => 'i',
        other => other,
    }
}

/// The comparison key of a name (see the module documentation): two names with the same key
/// look the same to a reader.
pub fn name_key(name: &str) -> String {
    let folded: String = name
        .nfkc()
        .filter(|&c| !is_invisible(c))
        .map(fold_confusable)
        .collect();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// True when a text has nothing a reader can see: only whitespace and invisible characters.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_every_script_become_ascii() {
        let cases = [
            ("٠١٢٣٤٥٦٧٨٩", "0123456789"),           // Arabic-Indic
            ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),           // extended Arabic-Indic (Persian)
            ("०१२३४५६७८९", "0123456789"),           // Devanagari
            ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),           // Thai
            ("０１２３４５６７８９", "0123456789"), // full-width (NFKC)
            ("𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "0123456789"),           // mathematical bold (NFKC)
            ("𝟶𝟷𝟸", "012"),                         // mathematical monospace
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input), expected, "{input}");
        }
    }

    #[test]
    fn digit_table_runs_are_ten_numeric_characters() {
        assert!(DIGIT_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
        for zero in DIGIT_ZEROS {
            for value in 0..10 {
                let c = char::from_u32(zero + value).expect("a char");
                assert!(c.is_numeric(), "{:X}", zero + value);
                assert_eq!(ascii_digit(c), char::from_digit(value, 10));
            }
            let after = char::from_u32(zero + 10).expect("a char");
            assert_ne!(
                ascii_digit(after).map(|d| d.to_digit(10)),
                Some(Some(10)),
                "{after}"
            );
        }
        for c in ['a', '½', '²', 'Ⅷ', '-', ' ', '\u{65F}', '\u{66A}'] {
            assert_eq!(ascii_digit(c), None, "{c}");
        }
    }

    #[test]
    fn invisible_characters_are_dropped() {
        let invisibles = [
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{2060}',
            '\u{00AD}',
            '\u{FEFF}',
            '\u{200E}',
            '\u{200F}',
            '\u{202A}',
            '\u{202E}',
            '\u{2066}',
            '\u{2069}',
            '\u{061C}',
            '\u{180E}',
            '\u{FE0F}',
            '\u{034F}',
            '\u{3164}',
            '\u{E0041}',
        ];
        for c in invisibles {
            assert!(is_invisible(c), "{:X}", u32::from(c));
            assert_eq!(normalize(&format!("01{c}01")), "0101", "{:X}", u32::from(c));
        }
        for c in ['a', ' ', '\u{a0}', '-', 'ø', '\n'] {
            assert!(!is_invisible(c));
        }
    }

    #[test]
    fn percent_escapes_are_decoded_when_valid_utf8() {
        assert_eq!(normalize("fnr%2001019010046"), "fnr 01019010046");
        assert_eq!(normalize("a%E2%80%8Bb"), "ab");
        assert_eq!(normalize("50%ED og 20%"), "50%ED og 20%");
        assert_eq!(normalize("100%"), "100%");
        assert_eq!(normalize("%3"), "%3");
        assert_eq!(normalize("%C3%B8l"), "øl");
        // Encoded twice, or with full-width characters: decoded until nothing is left.
        assert_eq!(normalize("fnr%252001019010046"), "fnr 01019010046");
        assert_eq!(normalize("a％２０b"), "a b");
        for text in ["x%25252520y", "%%2520", "50%ED", "a\u{200B}%2\u{200B}0b"] {
            let once = normalize(text).into_owned();
            assert_eq!(normalize(&once), once, "{text:?}");
        }
    }

    #[test]
    fn text_with_nothing_to_change_is_borrowed() {
        for text in ["Mote 12", "Møte «12» – Ærlig talt", "Привет 12"] {
            assert!(matches!(normalize(text), Cow::Borrowed(_)), "{text}");
        }
        for text in [
            "12\u{a0}34",
            "x\u{200B}",
            "٣",
            "a%20b",
            "１",
            "…",
            "\u{3164}",
        ] {
            assert!(matches!(normalize(text), Cow::Owned(_)), "{text:?}");
        }
    }

    #[test]
    fn name_keys_fold_look_alikes_and_invisibles() {
        let plain = name_key("Koordineringsgruppa");
        for variant in [
            "Koordineringsgruppa\u{200B}",
            "\u{2060}Koordineringsgruppa",
            "\u{041A}oordineringsgruppa",        // Cyrillic К
            "K\u{043E}\u{043E}rdineringsgruppa", // Cyrillic о
            "\u{039A}oordineringsgruppa",        // Greek Κ
            "Ｋｏｏｒｄｉｎｅｒｉｎｇｓｇｒｕｐｐａ",
            "  KOORDINERINGSGRUPPA ",
            "Koordinerings\u{00AD}gruppa",
        ] {
            assert_eq!(name_key(variant), plain, "{variant:?}");
        }
        assert_ne!(name_key("Styringsgruppa"), name_key("Styringsgruppe"));
        assert_eq!(
            name_key("Tverrfaglig  SAMARBEIDSMØTE"),
            "tverrfaglig samarbeidsmøte"
        );
    }

    #[test]
    fn blank_means_nothing_visible() {
        assert!(is_blank("\u{200B}\u{2060} \u{FEFF}"));
        assert!(is_blank(""));
        assert!(!is_blank("\u{200B}a"));
    }
}
