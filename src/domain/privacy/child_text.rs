//! The child-text heuristic: capitalised name-like words close to a word about a child, or a
//! singular child word with a school class. The rules are documented on the parent module
//! ([`super`]); the word lists are data files in `words/`, one word per line.

use super::Warning;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A word list from a data file: one lower-case word per line; blank lines and `#` comments
/// are ignored.
struct WordList {
    set: HashSet<&'static str>,
    list: Vec<&'static str>,
}

impl WordList {
    fn parse(data: &'static str) -> WordList {
        let list: Vec<&'static str> = data
            .lines()
            .map(|line| line.split('#').next().unwrap_or("").trim())
            .filter(|w| !w.is_empty())
            .collect();
        WordList {
            set: list.iter().copied().collect(),
            list,
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }

    fn any_suffix_of(&self, word: &str) -> bool {
        self.list.iter().any(|s| word.ends_with(s))
    }
}

macro_rules! word_list {
    ($name:ident, $file:literal) => {
        static $name: LazyLock<WordList> =
            LazyLock::new(|| WordList::parse(include_str!(concat!("words/", $file))));
    };
}

word_list!(CHILD_WORDS, "child_words.txt");
word_list!(SINGULAR_CHILD_WORDS, "singular_child_words.txt");
word_list!(NOT_NAME_WORDS, "not_name_words.txt");
word_list!(INSTITUTION_SUFFIXES, "institution_suffixes.txt");
word_list!(FUNCTION_WORDS, "function_words.txt");
word_list!(ROLE_WORDS, "role_words.txt");
word_list!(ROLE_SUFFIXES, "role_suffixes.txt");
word_list!(AFTER_LINK, "after_link.txt");
word_list!(BEFORE_LINK, "before_link.txt");
word_list!(CLASS_LINK, "class_link.txt");

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

fn in_list(list: &WordList, word: &str) -> bool {
    list.contains(word)
}

fn has_suffix(list: &WordList, word: &str) -> bool {
    list.any_suffix_of(word)
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
    in_list(&CHILD_WORDS, &word.lower) || is_age_word(&word.lower)
}

fn is_singular_child(word: &Word) -> bool {
    in_list(&SINGULAR_CHILD_WORDS, &word.lower)
        || (is_age_word(&word.lower)
            && (word.lower.ends_with("åring") || word.lower.ends_with("åringen")))
}

fn is_role(word: &Word) -> bool {
    in_list(&ROLE_WORDS, &word.lower) || has_suffix(&ROLE_SUFFIXES, &word.lower)
}

fn is_name_part(word: &Word) -> bool {
    let w = word.lower.as_str();
    word.name_like
        && !in_list(&NOT_NAME_WORDS, w)
        && !has_suffix(&INSTITUTION_SUFFIXES, w)
        && !in_list(&FUNCTION_WORDS, w)
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
            .any(|w| w.capitalised && in_list(&FUNCTION_WORDS, &w.lower));
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
            Some(w) if in_list(&AFTER_LINK, &w.lower) => j += 1,
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
        let linking = in_list(&BEFORE_LINK, &w.lower)
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
                Some(n) if in_list(&CLASS_LINK, &n.lower) => j += 1,
                _ => break,
            }
        }
    }
}

pub(super) fn child_warnings(chars: &[char]) -> Vec<Warning> {
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
    use super::super::check_text;
    use super::*;

    #[test]
    fn word_lists_are_lower_case_single_words_without_duplicates() {
        let lists: [(&str, &WordList); 10] = [
            ("child_words", &CHILD_WORDS),
            ("singular_child_words", &SINGULAR_CHILD_WORDS),
            ("not_name_words", &NOT_NAME_WORDS),
            ("institution_suffixes", &INSTITUTION_SUFFIXES),
            ("function_words", &FUNCTION_WORDS),
            ("role_words", &ROLE_WORDS),
            ("role_suffixes", &ROLE_SUFFIXES),
            ("after_link", &AFTER_LINK),
            ("before_link", &BEFORE_LINK),
            ("class_link", &CLASS_LINK),
        ];
        for (name, list) in lists {
            assert!(list.list.len() >= 5, "{name} is nearly empty");
            assert_eq!(list.list.len(), list.set.len(), "{name} has duplicates");
            for w in &list.list {
                assert_eq!(*w, w.to_lowercase(), "{name}: {w}");
                assert!(!w.contains(char::is_whitespace), "{name}: {w}");
            }
        }
        assert!(SINGULAR_CHILD_WORDS
            .list
            .iter()
            .all(|w| CHILD_WORDS.contains(w)));
        assert!(CHILD_WORDS.contains("eleven") && !CHILD_WORDS.contains("elevene"));
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
}
