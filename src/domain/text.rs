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
    let text = if field.multiline() {
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

/// Make user input safe to repeat in a message: one line, at most 60 characters, and any
/// run of nine or more digits (possibly grouped by spaces, dots or dashes, so it could be
/// an identity number or part of one) replaced by `…`. Dates (eight digits) survive.
pub fn echo_safe(input: &str) -> String {
    let one_line = input.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    let mut run = String::new();
    for c in one_line.chars() {
        if c.is_numeric() || (!run.is_empty() && matches!(c, ' ' | '-' | '.')) {
            run.push(c);
        } else {
            flush_digit_run(&mut run, &mut out);
            out.push(c);
        }
    }
    flush_digit_run(&mut run, &mut out);
    let out = out.trim().to_string();
    if out.chars().count() > 60 {
        let cut: String = out.chars().take(59).collect();
        format!("{cut}…")
    } else {
        out
    }
}

fn flush_digit_run(run: &mut String, out: &mut String) {
    let body = run.trim_end_matches([' ', '-', '.']);
    let tail = &run[body.len()..];
    if body.chars().filter(|c| c.is_numeric()).count() >= 9 {
        out.push('…');
    } else {
        out.push_str(body);
    }
    out.push_str(tail);
    run.clear();
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
        assert_eq!(echo_safe("a\nb"), "a b");
        assert_eq!(echo_safe(&"x".repeat(100)).chars().count(), 60);
    }
}
