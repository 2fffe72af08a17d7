//! The minutes as Markdown (CommonMark): readable as plain text, and safe: user text is
//! escaped so it can neither change the document's structure nor inject HTML.

use super::{blocks, Block};
use crate::domain::minutes::Minutes;
use crate::domain::Lang;

/// The minutes of one meeting as a Markdown document, ending in a newline.
pub fn render(m: &Minutes, lang: Lang) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for block in blocks(m, lang) {
        let is_bullet = matches!(block, Block::Bullet(_));
        if in_list && !is_bullet {
            out.push('\n');
        }
        match block {
            Block::Title(t) => {
                out.push_str(&format!("# {}\n\n", escape(&t)));
            }
            Block::Section(t) => out.push_str(&format!("## {}\n\n", escape(&t))),
            Block::Case(t) => out.push_str(&format!("### {}\n\n", escape(&t))),
            Block::Field { label, value } => {
                out.push_str(&format!("**{}:** {}\n\n", escape(&label), lines(&value)));
            }
            Block::Text(t) => out.push_str(&format!("{}\n\n", lines(&t))),
            Block::Bullet(t) => out.push_str(&format!("- {}\n", lines(&t))),
        }
        in_list = is_bullet;
    }
    if in_list {
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// User text over several lines: each line escaped, lines joined by a hard break (`\` at
/// the end of a line), empty lines dropped so a paragraph stays one paragraph.
fn lines(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape)
        .collect::<Vec<_>>()
        .join("\\\n")
}

/// Escape CommonMark punctuation that could start formatting, links, HTML or a block
/// (a heading, a list item: `- `, `+ `, `1. `, `1) ` at the start of a line).
pub fn escape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let at_end_or_space = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')'
                if i > 0 && at_end_or_space && chars[..i].iter().all(char::is_ascii_digit) =>
            {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes::sample;

    /// The golden files live next to the tests that read them (`tests/golden/`).
    fn golden(lang: Lang) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(format!("minutes.{}.md", lang.code()));
        let actual = render(&sample::minutes(), lang);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &actual).unwrap();
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
        assert_eq!(
            actual,
            expected,
            "minutes in {} differ from {}",
            lang.code(),
            path.display()
        );
        actual
    }

    #[test]
    fn minutes_in_bokmal_match_the_golden_text() {
        let md = golden(Lang::Nb);
        assert!(md.contains("### Sak 08/27 Økt uro ved ungdomsklubben på Ås"));
        assert!(md.contains("**Møteleder:** Åse Øvrebø"));
        assert!(md.contains("**Frist:** 31.05.2027"), "dates stay unescaped");
    }

    #[test]
    fn minutes_in_nynorsk_match_the_golden_text() {
        let md = golden(Lang::Nn);
        assert!(md.contains("**Møteleiar:**"));
        assert!(md.contains("**Handsaming:**"));
        for bokmal in [
            "Møteleder",
            "Ansvarlig",
            "Sted:",
            "Behandling",
            "Referat fra ",
        ] {
            assert!(
                !md.contains(bokmal),
                "bokmål word {bokmal:?} in nynorsk minutes"
            );
        }
    }

    #[test]
    fn minutes_in_english_match_the_golden_text() {
        let md = golden(Lang::En);
        assert!(md.contains("### Case 08/27 Økt uro ved ungdomsklubben på Ås"));
        assert!(md.contains("**Decision:**"));
    }

    #[test]
    fn user_text_cannot_change_the_document_structure() {
        let mut m = sample::minutes();
        m.cases[1].title = "# Ny overskrift <script>".into();
        m.cases[1].decision = Some("- punkt\n1. liste\n**fet** [lenke](x)".into());
        let md = render(&m, Lang::Nb);
        assert!(md.contains("### Sak 08/27 \\# Ny overskrift \\<script\\>"));
        assert!(
            md.contains("**Vedtak:** \\- punkt\\\n1\\. liste\\\n\\*\\*fet\\*\\* \\[lenke\\](x)")
        );
        assert!(!md.contains("<script>"));
    }

    #[test]
    fn empty_minutes_say_none_in_each_section() {
        let mut m = sample::minutes();
        m.cases.clear();
        m.actions.clear();
        m.orders.clear();
        let md = render(&m, Lang::Nb);
        assert_eq!(md.matches("Ingen.").count(), 3, "{md}");
    }
}
