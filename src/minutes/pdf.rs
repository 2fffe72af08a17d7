//! The minutes as PDF/A-2b, what Norwegian municipal archives (Noark 5) take: A4, the
//! fonts embedded (DejaVu Sans, vendored in `assets/fonts/` with its licence, so æøåÆØÅ
//! always print), page numbers (`Side 2 av 3`) and the document title in the metadata.
//!
//! Written with [krilla](https://crates.io/crates/krilla), which checks the PDF/A rules
//! itself when it exports: a document that would not conform is an error, not a file.
//! krilla draws text on a line; breaking lines and pages is done here, measuring words
//! with the font's own advance widths (`ttf-parser`).

use super::{blocks, title, Block};
use crate::domain::minutes::Minutes;
use crate::domain::Lang;
use crate::t;
use chrono::{DateTime, Datelike, Timelike, Utc};
use krilla::configure::{Archival, ConfigurationBuilder, Validator};
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};
use std::borrow::Cow;

pub(crate) static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub(crate) static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.7; // 2 cm
const FOOTER_Y: f32 = PAGE_H - 28.0;
const BODY_SIZE: f32 = 10.5;

/// Why a PDF could not be made (a bug, not a user error: the fonts are compiled in).
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font could not be read")]
    Font,
    #[error("the PDF could not be written as PDF/A-2b: {0}")]
    Export(String),
}

/// The minutes of one meeting as a PDF/A-2b file, made at `made` (PDF/A wants the
/// document's date in its metadata; passed in so the same input gives the same file).
pub fn render(m: &Minutes, lang: Lang, made: DateTime<Utc>) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load()?;
    let pages = layout(&printable(blocks(m, lang), &fonts), &fonts);
    let configuration = ConfigurationBuilder::new()
        .set_validator(Validator::A(Archival::A2_B))
        .finish()
        .map_err(|e| PdfError::Export(format!("{e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        ..SerializeSettings::default()
    };
    let mut doc = Document::new_with(settings);
    let total = pages.len();
    for (i, lines) in pages.iter().enumerate() {
        let mut page = doc.start_page_with(
            PageSettings::from_wh(PAGE_W, PAGE_H)
                .ok_or_else(|| PdfError::Export("page size".into()))?,
        );
        let mut surface = page.surface();
        for line in lines {
            let mut x = line.x;
            for word in &line.words {
                let font = fonts.get(word.bold);
                surface.draw_text(
                    Point::from_xy(x, line.y),
                    font.krilla.clone(),
                    line.size,
                    &word.text,
                    false,
                    TextDirection::LeftToRight,
                );
                x += word.width + fonts.space(word.bold, line.size);
            }
        }
        let footer = t!(
            lang,
            "minutes-page",
            page = (i + 1).to_string(),
            pages = total.to_string()
        );
        let w = fonts.regular.width(&footer, 9.0);
        surface.draw_text(
            Point::from_xy((PAGE_W - w) / 2.0, FOOTER_Y),
            fonts.regular.krilla.clone(),
            9.0,
            &footer,
            false,
            TextDirection::LeftToRight,
        );
        surface.finish();
        page.finish();
    }
    doc.set_metadata(
        Metadata::new()
            .title(title(m, lang))
            .language(lang.code().to_string())
            .creator("sltbot".to_string())
            .creation_date(pdf_date(made)),
    );
    doc.finish().map_err(|e| PdfError::Export(format!("{e:?}")))
}

fn pdf_date(t: DateTime<Utc>) -> krilla::metadata::DateTime {
    // Clamped, not cast blindly: PDF dates are four-digit years.
    krilla::metadata::DateTime::new(t.year().clamp(0, 9999) as u16)
        .month(t.month() as u8)
        .day(t.day() as u8)
        .hour(t.hour() as u8)
        .minute(t.minute() as u8)
        .second(t.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

struct FontFace {
    krilla: Font,
    data: &'static [u8],
    units_per_em: f32,
}

impl FontFace {
    fn load(data: &'static [u8]) -> Result<Self, PdfError> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|_| PdfError::Font)?;
        let units_per_em = f32::from(face.units_per_em());
        let krilla = Font::new(data.into(), 0).ok_or(PdfError::Font)?;
        Ok(FontFace {
            krilla,
            data,
            units_per_em,
        })
    }

    /// Width of `text` at `size` points, from the font's horizontal advances.
    fn width(&self, text: &str, size: f32) -> f32 {
        let Ok(face) = ttf_parser::Face::parse(self.data, 0) else {
            return 0.0;
        };
        let units: f32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(0.0, f32::from)
            })
            .sum();
        units * size / self.units_per_em
    }
}

struct Fonts {
    regular: FontFace,
    bold: FontFace,
}

impl Fonts {
    fn load() -> Result<Self, PdfError> {
        Ok(Fonts {
            regular: FontFace::load(REGULAR)?,
            bold: FontFace::load(BOLD)?,
        })
    }

    fn get(&self, bold: bool) -> &FontFace {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    fn space(&self, bold: bool, size: f32) -> f32 {
        self.get(bold).width(" ", size)
    }

    /// Can both weights show `c`?
    fn has(&self, c: char) -> bool {
        [&self.regular, &self.bold].iter().all(|f| {
            ttf_parser::Face::parse(f.data, 0).is_ok_and(|face| face.glyph_index(c).is_some())
        })
    }
}

/// What the embedded fonts cannot show (an emoji, say) would make the file fail PDF/A's
/// rules (no `.notdef` glyphs): such a character is printed as `□` (`?` if even that is
/// missing). The Markdown keeps the text as typed.
fn printable(blocks: Vec<Block>, fonts: &Fonts) -> Vec<Block> {
    let stand_in = if fonts.has('□') { '□' } else { '?' };
    let fix = |s: String| -> String {
        if s.chars().all(|c| c == '\n' || fonts.has(c)) {
            return s;
        }
        s.chars()
            .map(|c| {
                if c == '\n' || fonts.has(c) {
                    c
                } else {
                    stand_in
                }
            })
            .collect()
    };
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Title(t) => Block::Title(fix(t)),
            Block::Section(t) => Block::Section(fix(t)),
            Block::Case(t) => Block::Case(fix(t)),
            Block::Field { label, value } => Block::Field {
                label: fix(label),
                value: fix(value),
            },
            Block::Text(t) => Block::Text(fix(t)),
            Block::Bullet(t) => Block::Bullet(fix(t)),
        })
        .collect()
}

struct Word {
    text: String,
    bold: bool,
    width: f32,
}

struct Line {
    x: f32,
    /// Baseline, from the top of the page.
    y: f32,
    size: f32,
    words: Vec<Word>,
}

/// A run of text in one weight; `\n` in it forces a line break.
struct Run<'a> {
    text: Cow<'a, str>,
    bold: bool,
}

/// Break the blocks into lines and the lines into A4 pages.
fn layout(blocks: &[Block], fonts: &Fonts) -> Vec<Vec<Line>> {
    let mut pages: Vec<Vec<Line>> = vec![Vec::new()];
    let mut y = MARGIN;
    let bottom = PAGE_H - MARGIN;
    let width = PAGE_W - 2.0 * MARGIN;
    for block in blocks {
        let (runs, size, before, after, indent, keep_with_next): (
            Vec<Run>,
            f32,
            f32,
            f32,
            f32,
            bool,
        ) = match block {
            Block::Title(t) => (
                vec![Run {
                    text: Cow::Borrowed(t),
                    bold: true,
                }],
                16.0,
                0.0,
                10.0,
                0.0,
                true,
            ),
            Block::Section(t) => (
                vec![Run {
                    text: Cow::Borrowed(t),
                    bold: true,
                }],
                13.0,
                12.0,
                4.0,
                0.0,
                true,
            ),
            Block::Case(t) => (
                vec![Run {
                    text: Cow::Borrowed(t),
                    bold: true,
                }],
                11.5,
                10.0,
                2.0,
                0.0,
                true,
            ),
            Block::Field { label, value } => {
                let label = format!("{label}:");
                (
                    vec![
                        Run {
                            text: Cow::Owned(label),
                            bold: true,
                        },
                        Run {
                            text: Cow::Borrowed(value),
                            bold: false,
                        },
                    ],
                    BODY_SIZE,
                    0.0,
                    3.0,
                    0.0,
                    false,
                )
            }
            Block::Text(t) => (
                vec![Run {
                    text: Cow::Borrowed(t),
                    bold: false,
                }],
                BODY_SIZE,
                0.0,
                3.0,
                0.0,
                false,
            ),
            Block::Bullet(t) => (
                vec![
                    Run {
                        text: Cow::Borrowed("•"),
                        bold: false,
                    },
                    Run {
                        text: Cow::Borrowed(t),
                        bold: false,
                    },
                ],
                BODY_SIZE,
                0.0,
                2.0,
                10.0,
                false,
            ),
        };
        let leading = size * 1.35;
        let lines = wrap(&runs, size, width - indent, fonts);
        // A heading never ends a page: it needs room for itself and two more lines.
        let needed = before
            + leading * lines.len() as f32
            + if keep_with_next {
                2.0 * BODY_SIZE * 1.35
            } else {
                0.0
            };
        if y + needed > bottom && !pages.last().is_some_and(Vec::is_empty) {
            pages.push(Vec::new());
            y = MARGIN;
        } else if !pages.last().is_some_and(Vec::is_empty) {
            y += before;
        }
        for (n, words) in lines.into_iter().enumerate() {
            if y + leading > bottom {
                pages.push(Vec::new());
                y = MARGIN;
            }
            y += leading;
            let x = MARGIN + if n == 0 { 0.0 } else { indent };
            pages
                .last_mut()
                .expect("at least one page")
                .push(Line { x, y, size, words });
        }
        y += after;
    }
    pages
}

/// Greedy line filling: words of the runs in order, a new line when the next word does
/// not fit or the text has a line break; a word longer than a line is cut.
fn wrap(runs: &[Run], size: f32, width: f32, fonts: &Fonts) -> Vec<Vec<Word>> {
    let mut lines: Vec<Vec<Word>> = vec![Vec::new()];
    let mut used = 0.0f32;
    for run in runs {
        let font = fonts.get(run.bold);
        let space = fonts.space(run.bold, size);
        for (i, text_line) in run.text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
                used = 0.0;
            }
            for word in text_line.split_whitespace() {
                for piece in cut(word, size, width, font) {
                    let w = font.width(&piece, size);
                    let current = lines.last().expect("a line");
                    let extra = if current.is_empty() { w } else { space + w };
                    if !current.is_empty() && used + extra > width {
                        lines.push(Vec::new());
                        used = w;
                    } else {
                        used += extra;
                    }
                    lines.last_mut().expect("a line").push(Word {
                        text: piece,
                        bold: run.bold,
                        width: w,
                    });
                }
            }
        }
    }
    lines.retain(|l| !l.is_empty());
    if lines.is_empty() {
        lines.push(Vec::new());
    }
    lines
}

/// A word wider than the line, in pieces that fit.
fn cut(word: &str, size: f32, width: f32, font: &FontFace) -> Vec<String> {
    if font.width(word, size) <= width {
        return vec![word.to_string()];
    }
    let mut pieces = Vec::new();
    let mut current = String::new();
    for c in word.chars() {
        let mut next = current.clone();
        next.push(c);
        if !current.is_empty() && font.width(&next, size) > width {
            pieces.push(std::mem::take(&mut current));
            current.push(c);
        } else {
            current = next;
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes::sample;

    #[test]
    fn long_text_wraps_within_the_margins() {
        let fonts = Fonts::load().unwrap();
        let text = "Økt uro ved ungdomsklubben på Ås ".repeat(30);
        let width = PAGE_W - 2.0 * MARGIN;
        let lines = wrap(
            &[Run {
                text: Cow::Borrowed(&text),
                bold: false,
            }],
            BODY_SIZE,
            width,
            &fonts,
        );
        assert!(lines.len() > 5, "{} lines", lines.len());
        for line in &lines {
            let w: f32 = line.iter().map(|w| w.width).sum::<f32>()
                + fonts.space(false, BODY_SIZE) * (line.len() as f32 - 1.0);
            assert!(w <= width + 0.01, "line of {w} pt in {width} pt");
        }
        let words: usize = lines.iter().map(Vec::len).sum();
        assert_eq!(words, text.split_whitespace().count(), "no word lost");
    }

    #[test]
    fn a_word_longer_than_a_line_is_cut_not_lost() {
        let fonts = Fonts::load().unwrap();
        let word = "æøå".repeat(100);
        let lines = wrap(
            &[Run {
                text: Cow::Borrowed(&word),
                bold: true,
            }],
            BODY_SIZE,
            200.0,
            &fonts,
        );
        assert!(lines.len() > 1);
        let joined: String = lines.iter().flatten().map(|w| w.text.as_str()).collect();
        assert_eq!(joined, word);
    }

    #[test]
    fn many_cases_flow_over_pages_and_stay_inside_them() {
        let mut m = sample::minutes();
        let case = m.cases[1].clone();
        m.cases = (0..60).map(|_| case.clone()).collect();
        let fonts = Fonts::load().unwrap();
        let pages = layout(&blocks(&m, Lang::Nb), &fonts);
        assert!(pages.len() >= 4, "{} pages", pages.len());
        for page in &pages {
            assert!(!page.is_empty());
            for line in page {
                assert!(
                    line.y > MARGIN && line.y <= PAGE_H - MARGIN,
                    "y = {}",
                    line.y
                );
            }
        }
    }
}
