//! Validation and normalisation of free text typed by users.
//!
//! Lengths are counted in Unicode scalar values (what a user perceives as characters for
//! Norwegian text), not bytes. Titles are one line; details and notes keep their line
//! breaks. Control characters other than line breaks and tabs are refused, not stripped
//! silently, so the user sees what was wrong.

use super::privacy::{self, IdKind};
use serde::Serialize;

pub const NAME_MAX: usize = 100;
pub const TITLE_MAX: usize = 200;
pub const DETAILS_MAX: usize = 4000;
pub const NOTE_MAX: usize = 2000;
pub const AGENCY_MAX: usize = 100;
pub const LOCATION_MAX: usize = 200;

/// Which input a text error is about (rendered with a localized field name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Field {
    Name,
    Title,
    Details,
    Note,
    Agency,
    Location,
}

impl Field {
    pub const fn max_len(self) -> usize {
        match self {
            Field::Name => NAME_MAX,
            Field::Title => TITLE_MAX,
            Field::Details => DETAILS_MAX,
            Field::Note => NOTE_MAX,
            Field::Agency => AGENCY_MAX,
            Field::Location => LOCATION_MAX,
        }
    }

    fn multiline(self) -> bool {
        matches!(self, Field::Details | Field::Note)
    }

    pub fn fluent_key(self) -> &'static str {
        match self {
            Field::Name => "field-name",
            Field::Title => "field-title",
            Field::Details => "field-details",
            Field::Note => "field-note",
            Field::Agency => "field-agency",
            Field::Location => "field-location",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    Empty {
        field: Field,
    },
    TooLong {
        field: Field,
        max: usize,
        len: usize,
    },
    ControlCharacter {
        field: Field,
    },
    /// The text holds a national identity number; it must not be stored or echoed.
    PersonalData {
        field: Field,
        kind: IdKind,
    },
}

/// Normalise a required text: trim, unify line breaks, fold a one-line field's line
/// breaks into spaces, and check emptiness, control characters and length.
pub fn required(field: Field, input: &str) -> Result<String, TextError> {
    let text = normalise(field, input)?;
    if text.is_empty() {
        return Err(TextError::Empty { field });
    }
    Ok(text)
}

/// Like [`required`], but an empty or blank input means "no value".
pub fn optional(field: Field, input: Option<&str>) -> Result<Option<String>, TextError> {
    match input {
        None => Ok(None),
        Some(s) => {
            let text = normalise(field, s)?;
            Ok((!text.is_empty()).then_some(text))
        }
    }
}

fn normalise(field: Field, input: &str) -> Result<String, TextError> {
    let unified = input.replace("\r\n", "\n").replace('\r', "\n");
    if unified
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(TextError::ControlCharacter { field });
    }
    let text = if privacy::normalize::is_blank(&unified) {
        // Only invisible characters (zero-width space, word joiner, …): nothing to show.
        String::new()
    } else if field.multiline() {
        unified.trim().to_string()
    } else {
        unified.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if let Some(kind) = privacy::contains_national_id(&text) {
        return Err(TextError::PersonalData { field, kind });
    }
    let len = text.chars().count();
    let max = field.max_len();
    if len > max {
        return Err(TextError::TooLong { field, max, len });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_trimmed_and_single_line() {
        assert_eq!(
            required(Field::Title, "  Uro ved\n ungdomsklubben ").unwrap(),
            "Uro ved ungdomsklubben"
        );
    }

    #[test]
    fn details_keep_line_breaks() {
        assert_eq!(
            required(Field::Details, "a\r\nb\n").unwrap(),
            "a\nb".to_string()
        );
    }

    #[test]
    fn blank_is_empty_error() {
        assert_eq!(
            required(Field::Title, " \t\n "),
            Err(TextError::Empty {
                field: Field::Title
            })
        );
        assert_eq!(optional(Field::Details, Some("   ")), Ok(None));
    }

    #[test]
    fn invisible_only_text_is_empty() {
        for input in ["\u{200B}", " \u{2060}\u{FEFF} ", "\u{00AD}\u{200E}"] {
            assert_eq!(
                required(Field::Name, input),
                Err(TextError::Empty { field: Field::Name }),
                "{input:?}"
            );
            assert_eq!(optional(Field::Note, Some(input)), Ok(None));
        }
        assert!(required(Field::Name, "Koordineringsgruppa\u{200B}").is_ok());
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let ok = "ø".repeat(TITLE_MAX);
        assert!(required(Field::Title, &ok).is_ok());
        let long = "ø".repeat(TITLE_MAX + 1);
        assert_eq!(
            required(Field::Title, &long),
            Err(TextError::TooLong {
                field: Field::Title,
                max: TITLE_MAX,
                len: TITLE_MAX + 1
            })
        );
        assert!(required(Field::Details, &"x".repeat(DETAILS_MAX + 1)).is_err());
    }

    #[test]
    fn identity_numbers_are_refused_in_any_field() {
        // A synthetic, valid fødselsnummer (check digits computed, not a real person's).
        let fnr = "01010012356";
        assert!(privacy::is_valid_national_id(fnr).is_some());
        for field in [Field::Title, Field::Details, Field::Note, Field::Agency] {
            let err = required(field, &format!("Gjelder {fnr} på skolen")).unwrap_err();
            assert_eq!(
                err,
                TextError::PersonalData {
                    field,
                    kind: IdKind::Fodselsnummer
                }
            );
            assert!(!format!("{err:?}").contains(fnr));
        }
        assert!(required(Field::Title, "Konto 1234.56.78903").is_ok());
    }

    #[test]
    fn control_characters_are_refused() {
        assert_eq!(
            required(Field::Title, "a\u{0}b"),
            Err(TextError::ControlCharacter {
                field: Field::Title
            })
        );
        assert!(required(Field::Note, "a\u{1b}[31mred").is_err());
    }
}

/// Make user input safe to repeat in a message: one line, at most 60 characters, read the way
/// the personal-data guard reads it (percent-escapes, NFKC, invisible characters dropped,
/// digits of every script as ASCII; see [`privacy::normalize`]), and every chunk of nine or
/// more digits joined by separators (spaces of any kind, line breaks, `.`, `/`, `-`, dashes,
/// minus) replaced by `…`, so no identity number or part of one is repeated however it was
/// written. Dates, with or without a time, survive (see [`privacy::mask_numbers`]).
pub fn echo_safe(input: &str) -> String {
    let masked = privacy::mask_numbers(input);
    let out = masked.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.chars().count() > 60 {
        let cut: String = out.chars().take(59).collect();
        format!("{cut}…")
    } else {
        out
    }
}

#[cfg(test)]
mod echo_tests {
    use super::echo_safe;

    #[test]
    fn long_digit_runs_are_never_echoed() {
        assert_eq!(echo_safe("gruppe 01010112345"), "gruppe …");
        assert_eq!(echo_safe("x 010101 12345 y"), "x … y");
        assert_eq!(echo_safe("x 010101-12345"), "x …");
        assert_eq!(echo_safe("Møte 12.03"), "Møte 12.03");
        assert_eq!(echo_safe("31.02.2027"), "31.02.2027");
        assert_eq!(echo_safe("01.01.01 12345."), "….");
        assert_eq!(echo_safe("x 01/01/90 10046"), "x …");
        assert_eq!(echo_safe("010190\u{2013}10046"), "…");
        assert_eq!(
            echo_safe("010190\u{2212}10046 og 010190\u{2011}10046"),
            "… og …"
        );
        assert_eq!(echo_safe("01\u{200B}0190 10046"), "…");
        assert_eq!(echo_safe("０１０１９０１００４６"), "…");
        assert_eq!(echo_safe("٠١٠١٩٠١٠٠٤٦"), "…");
        assert_eq!(echo_safe("fnr%2001019010046"), "fnr …");
        assert_eq!(echo_safe("010190\n\n10046"), "…");
        assert_eq!(echo_safe("31.02.2027 09.00"), "31.02.2027 09.00");
        assert_eq!(echo_safe("a\nb"), "a b");
        assert_eq!(echo_safe(&"x".repeat(100)).chars().count(), 60);
    }
}
