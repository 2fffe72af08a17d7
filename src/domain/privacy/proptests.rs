//! Property tests of the guard: random valid numbers under both check-digit rules, written
//! with every evasion the guard must see through, are refused and masked; random look-alike
//! numbers pass.

use super::national_id::testing::complete;
use super::*;
use crate::domain::text::echo_safe;
use proptest::prelude::*;

/// A random valid number and its kind: a real date (D: day + 40, H: month + 40), a random
/// individual number, and a first check digit under the classic rule (remainder 0) or the
/// 2032 rule (remainder 1–3).
fn valid_id() -> impl Strategy<Value = (String, IdKind)> {
    (1u8..=28, 1u8..=12, 0u8..=99, 0u16..1000, 0u8..3, 0u32..4).prop_filter_map(
        "no valid check digit",
        |(day, month, year, ind, kind, remainder)| {
            let (d, m, k) = match kind {
                0 => (day, month, IdKind::Fodselsnummer),
                1 => (day + 40, month, IdKind::DNummer),
                _ => (day, month + 40, IdKind::HNummer),
            };
            complete(&format!("{d:02}{m:02}{year:02}{ind:03}"), remainder).map(|id| (id, k))
        },
    )
}

/// One separator run as a person (or a copy-paste) would type it.
fn separator() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            " ", "  ", "\u{a0}", "\u{2009}", "\u{202f}", "\u{3000}", "\t", "\n", ".", "/", "-",
            "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}", "\u{2212}", "%20",
        ]),
        1..=3,
    )
    .prop_map(|parts| parts.concat())
    .prop_filter("at most 8 separator characters", |s| {
        s.replace("%20", " ").chars().count() <= 8
    })
}

/// Invisible characters that may sit anywhere inside a number.
fn invisible() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "\u{200B}",
        "\u{200C}",
        "\u{200D}",
        "\u{2060}",
        "\u{00AD}",
        "\u{FEFF}",
        "\u{200E}",
        "\u{202A}",
        "\u{2066}",
        "%E2%80%8B",
    ])
}

/// Where a number may be cut into groups (after these digits); after the 4th only together
/// with after the 2nd (so never 4.2.5, an account).
fn cuts() -> impl Strategy<Value = Vec<usize>> {
    prop::sample::subsequence(vec![2usize, 4, 6, 9], 0..=4)
        .prop_filter("4 only with 2", |c| !c.contains(&4) || c.contains(&2))
}

/// Zero (ASCII) of the script the digits are written in.
fn script() -> impl Strategy<Value = u32> {
    prop::sample::select(vec![
        0x30u32, 0x30, 0xFF10, 0x660, 0x6F0, 0x966, 0xE50, 0x1D7CE,
    ])
}

fn render_digit(c: char, zero: u32) -> char {
    char::from_u32(zero + (u32::from(c) - u32::from('0'))).unwrap_or(c)
}

/// The number with separators at `cuts`, invisibles at the positions in `hidden`, in the
/// script starting at `zero`.
fn render(
    id: &str,
    cuts: &[usize],
    seps: &[String],
    hidden: &[(usize, &str)],
    zero: u32,
) -> String {
    let mut out = String::new();
    for (i, c) in id.chars().enumerate() {
        if let Some(k) = cuts.iter().position(|&cut| cut == i) {
            out.push_str(&seps[k % seps.len()]);
        }
        for (at, inv) in hidden {
            if *at == i {
                out.push_str(inv);
            }
        }
        out.push(render_digit(c, zero));
    }
    out
}

/// Text around a number that does not touch it with a digit.
fn surrounding() -> impl Strategy<Value = String> {
    "[a-zA-ZæøåÆØÅ .,:;!?()«»\"'#-]{0,15}"
}

/// Shuffles nothing: `before` and `after` keep a letter or space next to the number.
fn wrap(before: &str, number: &str, after: &str) -> String {
    format!("{before} {number} {after}")
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
        let masked = echo_safe(&text);
        prop_assert_eq!(contains_national_id(&masked), None);
    }

    #[test]
    fn arbitrary_unicode_with_digits_never_panics(
        text in "[0-9 .\\-/\u{a0}\u{ff10}-\u{ff19}\u{660}-\u{669}\u{200B}%a-zÆØÅæøå()]{0,60}"
    ) {
        let _ = check_text(&text);
        prop_assert_eq!(contains_national_id(&echo_safe(&text)), None);
    }

    #[test]
    fn every_evasion_of_a_valid_number_is_refused_and_masked(
        (id, kind) in valid_id(),
        cuts in cuts(),
        seps in prop::collection::vec(separator(), 1..=4),
        hidden in prop::collection::vec((0usize..11, invisible()), 0..=3),
        zero in script(),
        before in surrounding(),
        after in surrounding(),
    ) {
        prop_assert_eq!(is_valid_national_id(&id), Some(kind));
        let written = render(&id, &cuts, &seps, &hidden, zero);
        let text = wrap(&before, &written, &after);
        let result = check_text(&text);
        prop_assert_eq!(result.refused, Some(kind), "{:?}", text);
        let debug = format!("{result:?}");
        prop_assert!(!debug.contains(&id));
        let echoed = echo_safe(&text);
        prop_assert_eq!(contains_national_id(&echoed), None, "{:?}", echoed);
        let digits: String = normalize::normalize(&echoed)
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        prop_assert!(!digits.contains(&id[6..]), "{:?} -> {:?}", text, echoed);
        prop_assert!(
            crate::domain::text::required(crate::domain::text::Field::Details, &text).is_err()
        );
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

    #[test]
    fn phone_numbers_pass(
        first in 2u32..10,
        rest in 0u32..10_000_000,
        style in 0u8..4,
        before in surrounding(),
    ) {
        let n = format!("{first}{rest:07}");
        let written = match style {
            0 => format!("{} {} {} {}", &n[..2], &n[2..4], &n[4..6], &n[6..]),
            1 => format!("+47 {} {} {}", &n[..3], &n[3..5], &n[5..]),
            2 => format!("{} {} {} {} / {}", &n[..2], &n[2..4], &n[4..6], &n[6..], n),
            _ => n.clone(),
        };
        prop_assert_eq!(contains_national_id(&wrap(&before, &written, "")), None);
    }

    #[test]
    fn organisation_numbers_case_numbers_and_amounts_pass(
        org in 800_000_000u32..1_000_000_000,
        year in 2000u32..2040,
        case in 0u32..100_000,
        doc in 1u32..100,
        kroner in 1u32..100_000_000,
        before in surrounding(),
    ) {
        let o = org.to_string();
        let texts = [
            format!("Org.nr. {o}"),
            format!("Org.nr. {} {} {}", &o[..3], &o[3..6], &o[6..]),
            format!("Sak {year}/{case:05}"),
            format!("Sak {year}/{case:05}-{doc}"),
            format!("{} kr", group_thousands(kroner)),
            format!("Budsjett {} kr og {} kr", group_thousands(kroner), group_thousands(org)),
        ];
        for text in texts {
            prop_assert_eq!(contains_national_id(&wrap(&before, &text, "")), None, "{}", text);
        }
    }

    #[test]
    fn dates_and_times_pass(
        day in 1u32..=31,
        month in 1u32..=12,
        year in 1990u32..2040,
        hour in 0u32..24,
        minute in 0u32..60,
        style in 0u8..5,
    ) {
        let text = match style {
            0 => format!("{day:02}.{month:02}.{year} kl. {hour:02}.{minute:02}"),
            1 => format!("{day}.{month}.{year} {hour:02}.{minute:02}–{:02}.{minute:02}", (hour + 1) % 24),
            2 => format!("{year}-{month:02}-{day:02} {hour:02}:{minute:02}"),
            3 => format!("{day:02}.{month:02}.{year} - {day:02}.{month:02}.{}", year + 1),
            _ => format!("{day:02}/{month:02}/{} {hour:02}.{minute:02}", year % 100),
        };
        prop_assert_eq!(contains_national_id(&text), None, "{}", text);
        if style < 4 {
            prop_assert_eq!(echo_safe(&text).contains('…'), false, "{}", text);
        }
    }

    #[test]
    fn numbers_with_a_wrong_check_digit_pass(
        (id, _kind) in valid_id(),
        wrong in 1u8..10,
        cuts in cuts(),
        seps in prop::collection::vec(separator(), 1..=2),
    ) {
        // A wrong second check digit is never valid, under either rule.
        let mut bytes = id.clone().into_bytes();
        bytes[10] = b'0' + (bytes[10] - b'0' + wrong) % 10;
        let other = String::from_utf8(bytes).expect("ascii");
        prop_assert_eq!(is_valid_national_id(&other), None);
        let text = render(&other, &cuts, &seps, &[], 0x30);
        prop_assert_eq!(contains_national_id(&text), None, "{:?}", text);
    }

    #[test]
    fn grouped_or_named_account_numbers_pass(
        (id, _kind) in valid_id(),
        sep in prop::sample::select(vec![".", " ", "\u{a0}"]),
        word in prop::sample::select(vec!["Kontonr.", "kontonummer", "Konto:", "Account no.", "bankkonto"]),
    ) {
        // Every valid fødselsnummer also passes the account MOD11 check.
        let grouped = format!("{}{sep}{}{sep}{}", &id[..4], &id[4..6], &id[6..]);
        prop_assert_eq!(contains_national_id(&grouped), None);
        let named = format!("{word} {id}");
        prop_assert_eq!(contains_national_id(&named), None);
    }
}

fn group_thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}
