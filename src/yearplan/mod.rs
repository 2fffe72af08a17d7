//! The year at a glance (*årshjul*): every active group's meetings of one year as a PNG
//! (`/plan year:`, `sltbot plan`), drawn with `plotters` into an RGB buffer and encoded with
//! `png`. Text is set in the embedded DejaVu Sans (the PDF minutes' font), so no system
//! fonts are needed.
//!
//! **Why a strip, not a ring.** A ring puts the month names and body names on arcs and makes
//! the reader turn the picture to compare dates; a strip reads like a calendar, left to right,
//! one row per body. The year is drawn as two half-year strips one above the other
//! (January–June, July–December): on a phone, where Discord scales a picture to the screen's
//! width, that doubles the room for each day compared with one twelve-month strip, and the
//! picture is closer to the screen's shape.
//!
//! **What it shows.** A row per group (styrende first, as in `/group list`); month columns
//! with their names; public holidays (`domain::holidays`) and school holidays as configured
//! (`domain::school_holidays`) as shaded day columns; each meeting as a marker that differs by
//! shape or fill, not by colour alone: held ● (filled), scheduled ○ (open), expected from the
//! group's recurring schedule but not created yet ◇ (open diamond), cancelled ✕.
//!
//! [`Layout`] is the one place positions are computed: the drawing uses it, and so do the
//! tests that read pixels back.

use crate::domain::school_holidays::SchoolHolidays;
use crate::domain::{holidays, Lang};
use crate::i18n::format;
use crate::t;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

/// One group's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    pub name: String,
    pub marks: Vec<Mark>,
}

/// A meeting on the picture: its local date (in the group's timezone) and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub date: NaiveDate,
    pub kind: MarkKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    Held,
    Scheduled,
    /// From the group's recurring schedule, beyond the meetings created so far.
    Expected,
    Cancelled,
}

/// Everything the picture shows.
#[derive(Debug, Clone, PartialEq)]
pub struct YearPlan {
    pub year: i32,
    pub made_at: DateTime<Utc>,
    /// The workspace's timezone (the date in the title).
    pub tz: Tz,
    pub bodies: Vec<Body>,
    pub school: SchoolHolidays,
}

impl YearPlan {
    pub fn count(&self, kind: MarkKind) -> usize {
        self.bodies
            .iter()
            .flat_map(|b| &b.marks)
            .filter(|m| m.kind == kind)
            .count()
    }

    pub fn meetings(&self) -> usize {
        self.bodies.iter().map(|b| b.marks.len()).sum()
    }

    /// Nothing to draw: no group, or no meeting in the year.
    pub fn is_empty(&self) -> bool {
        self.meetings() == 0
    }

    /// `arshjul-2027.png`
    pub fn file_name(&self) -> String {
        format!("arshjul-{}.png", self.year)
    }
}

/// Colours (RGB). Markers differ by shape and fill too; the colours only help.
pub mod colour {
    pub const BACKGROUND: (u8, u8, u8) = (255, 255, 255);
    pub const ROW_ALT: (u8, u8, u8) = (243, 245, 249);
    pub const GRID: (u8, u8, u8) = (190, 194, 202);
    pub const TEXT: (u8, u8, u8) = (25, 28, 33);
    pub const PUBLIC_HOLIDAY: (u8, u8, u8) = (240, 170, 170);
    pub const SCHOOL_HOLIDAY: (u8, u8, u8) = (255, 231, 160);
    pub const HELD: (u8, u8, u8) = (31, 78, 160);
    pub const SCHEDULED: (u8, u8, u8) = (31, 78, 160);
    pub const EXPECTED: (u8, u8, u8) = (95, 100, 110);
    pub const CANCELLED: (u8, u8, u8) = (190, 30, 30);
    /// Inside an open marker.
    pub const MARKER_INSIDE: (u8, u8, u8) = (255, 255, 255);
}

fn rgb(c: (u8, u8, u8)) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Where everything goes, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub rows: usize,
}

impl Layout {
    pub const WIDTH: u32 = 1200;
    const LEFT: i32 = 230;
    const RIGHT: i32 = 16;
    const TITLE_H: i32 = 56;
    const HEADER_H: i32 = 30;
    pub const ROW_H: i32 = 34;
    const PANEL_GAP: i32 = 24;
    const LEGEND_PAD: i32 = 16;
    const LEGEND_LINE: i32 = 28;
    const LEGEND_LINES: i32 = 3;
    const BOTTOM: i32 = 10;
    /// The longest half-year (July–December).
    const PANEL_DAYS: i32 = 184;
    /// Half the size of a marker.
    pub const MARKER_R: i32 = 7;

    pub fn new(rows: usize) -> Layout {
        Layout { rows }
    }

    fn rows_h(&self) -> i32 {
        self.rows as i32 * Self::ROW_H
    }

    pub fn width(&self) -> u32 {
        Self::WIDTH
    }

    pub fn height(&self) -> u32 {
        (self.legend_top() + Self::LEGEND_LINES * Self::LEGEND_LINE + Self::BOTTOM) as u32
    }

    fn panel_top(&self, panel: usize) -> i32 {
        Self::TITLE_H + panel as i32 * (Self::HEADER_H + self.rows_h() + Self::PANEL_GAP)
    }

    /// The rows of a half-year, `[top, bottom)`.
    pub fn rows_span(&self, panel: usize) -> (i32, i32) {
        let top = self.panel_top(panel) + Self::HEADER_H;
        (top, top + self.rows_h())
    }

    /// One row of a half-year, `[top, bottom)`.
    pub fn row_span(&self, panel: usize, row: usize) -> (i32, i32) {
        let top = self.rows_span(panel).0 + row as i32 * Self::ROW_H;
        (top, top + Self::ROW_H)
    }

    fn legend_top(&self) -> i32 {
        self.panel_top(1) + Self::HEADER_H + self.rows_h() + Self::LEGEND_PAD
    }

    /// 0 for January–June, 1 for July–December.
    pub fn panel_of(date: NaiveDate) -> usize {
        usize::from(date.month() > 6)
    }

    fn panel_start(date: NaiveDate) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(date.year(), if date.month() > 6 { 7 } else { 1 }, 1)
    }

    /// The pixel columns of a day, `[left, right)`, and its half-year.
    pub fn day_columns(&self, date: NaiveDate) -> (usize, i32, i32) {
        let index = Self::panel_start(date)
            .map(|s| (date - s).num_days() as i32)
            .unwrap_or(0);
        let plot = Self::WIDTH as i32 - Self::LEFT - Self::RIGHT;
        let x = |i: i32| {
            Self::LEFT
                + (f64::from(i) * f64::from(plot) / f64::from(Self::PANEL_DAYS)).round() as i32
        };
        (Self::panel_of(date), x(index), x(index + 1))
    }

    /// The right edge of a half-year's last day.
    pub fn panel_end(&self, year: i32, panel: usize) -> i32 {
        let (m, d) = if panel == 0 { (6, 30) } else { (12, 31) };
        NaiveDate::from_ymd_opt(year, m, d)
            .map_or(Self::WIDTH as i32 - Self::RIGHT, |d| self.day_columns(d).2)
    }

    /// The centre of the marker for a meeting on `date` in row `row`.
    pub fn marker(&self, row: usize, date: NaiveDate) -> (i32, i32) {
        let (panel, left, right) = self.day_columns(date);
        let (top, bottom) = self.row_span(panel, row);
        ((left + right) / 2, (top + bottom) / 2)
    }
}

/// The picture could not be made (a bug, not a user error).
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("drawing the year plan failed: {0}")]
    Draw(String),
    #[error("encoding the year plan as PNG failed: {0}")]
    Encode(String),
}

const FONT: &str = "DejaVu Sans (sltbot)";

fn register_fonts() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let regular =
            plotters::style::register_font(FONT, FontStyle::Normal, crate::minutes::pdf::REGULAR);
        let bold = plotters::style::register_font(FONT, FontStyle::Bold, crate::minutes::pdf::BOLD);
        if regular.is_err() || bold.is_err() {
            tracing::error!("the embedded font could not be read for the year plan");
        }
    });
}

fn font(size: u32, bold: bool) -> FontDesc<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(FONT), f64::from(size), style)
}

/// The picture as PNG bytes, with every word in `lang`.
pub fn png(plan: &YearPlan, lang: Lang) -> Result<Vec<u8>, ImageError> {
    let layout = Layout::new(plan.bodies.len());
    let (w, h) = (layout.width(), layout.height());
    let mut buf = vec![0u8; (w * h * 3) as usize];
    draw(plan, lang, &layout, &mut buf)?;
    let mut out = Vec::new();
    let mut enc = ::png::Encoder::new(&mut out, w, h);
    enc.set_color(::png::ColorType::Rgb);
    enc.set_depth(::png::BitDepth::Eight);
    let mut writer = enc
        .write_header()
        .map_err(|e| ImageError::Encode(e.to_string()))?;
    writer
        .write_image_data(&buf)
        .map_err(|e| ImageError::Encode(e.to_string()))?;
    writer
        .finish()
        .map_err(|e| ImageError::Encode(e.to_string()))?;
    Ok(out)
}

fn draw_err<E: std::fmt::Debug>(e: E) -> ImageError {
    ImageError::Draw(format!("{e:?}"))
}

/// `20.06.` (nb, nn) or `20 June` (en).
fn day_month(lang: Lang, m: u32, d: u32) -> String {
    t!(
        lang,
        "plan-day-month",
        dd = format!("{d:02}"),
        mm = format!("{m:02}"),
        day = d.to_string(),
        month = format::month(lang, m)
    )
}

/// The configured school holidays in words, for the legend.
pub fn school_rules(lang: Lang, s: &SchoolHolidays) -> String {
    let mut parts = Vec::new();
    if let Some(w) = s.winter_week {
        parts.push(t!(lang, "plan-school-winter", week = w));
    }
    if s.easter {
        parts.push(t!(lang, "plan-school-easter"));
    }
    if let Some((a, b)) = s.summer {
        parts.push(t!(
            lang,
            "plan-school-summer",
            from = day_month(lang, a.month, a.day),
            to = day_month(lang, b.month, b.day)
        ));
    }
    if let Some(w) = s.autumn_week {
        parts.push(t!(lang, "plan-school-autumn", week = w));
    }
    if let Some((a, b)) = s.christmas {
        parts.push(t!(
            lang,
            "plan-school-christmas",
            from = day_month(lang, a.month, a.day),
            to = day_month(lang, b.month, b.day)
        ));
    }
    if !s.extra.is_empty() {
        parts.push(t!(lang, "plan-school-extra", count = s.extra.len()));
    }
    if parts.is_empty() {
        return t!(lang, "plan-school-none");
    }
    parts.join(" · ")
}

/// The font's own glyph positions for `text` at `size` px: each drawable glyph's character
/// and the x of its ink's left edge, and the text's advance width.
fn glyph_positions(text: &str, size: u32, bold: bool) -> (Vec<(char, i32)>, i32) {
    use ab_glyph::{Font as _, ScaleFont as _};
    let bytes = if bold {
        crate::minutes::pdf::BOLD
    } else {
        crate::minutes::pdf::REGULAR
    };
    let Ok(font) = ab_glyph::FontRef::try_from_slice(bytes) else {
        return (Vec::new(), 0);
    };
    let scale = size as f32;
    let scaled = font.as_scaled(scale);
    let mut caret = 0f32;
    let mut prev = None;
    let mut out = Vec::new();
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        let glyph = id.with_scale_and_position(scale, ab_glyph::point(caret, 0.0));
        if let Some(outline) = scaled.outline_glyph(glyph) {
            out.push((c, outline.px_bounds().min.x.round() as i32));
        }
        caret += scaled.h_advance(id);
        prev = Some(id);
    }
    (out, caret.ceil() as i32)
}

/// The width of `text` in pixels.
fn text_width(text: &str, size: u32, bold: bool) -> i32 {
    glyph_positions(text, size, bold).1
}

/// Draw `text` vertically centred on `y`, its left edge, centre or right edge at `x`
/// (`h`), glyph by glyph where the font puts each one (plotters' own text drawing leaves out
/// each glyph's side bearing, which spaces letters unevenly). Returns the width.
fn label<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    size: u32,
    bold: bool,
    (x, y): (i32, i32),
    h: HPos,
) -> Result<i32, ImageError> {
    const TEXT_COLOUR: RGBColor = RGBColor(colour::TEXT.0, colour::TEXT.1, colour::TEXT.2);
    let (glyphs, width) = glyph_positions(text, size, bold);
    let left = match h {
        HPos::Left => x,
        HPos::Center => x - width / 2,
        HPos::Right => x - width,
    };
    let style = TextStyle::from(font(size, bold))
        .color(&TEXT_COLOUR)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut buf = [0u8; 4];
    for (c, ink_left) in glyphs {
        area.draw_text(c.encode_utf8(&mut buf), &style, (left + ink_left, y))
            .map_err(draw_err)?;
    }
    Ok(width)
}

/// Cut `text` to fit `max` pixels, with `…`.
fn fit(text: &str, size: u32, max: i32) -> String {
    if text_width(text, size, false) <= max {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let s: String = chars.iter().collect::<String>() + "…";
        if text_width(&s, size, false) <= max {
            return s;
        }
    }
    "…".into()
}

fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    kind: MarkKind,
    (x, y): (i32, i32),
) -> Result<(), ImageError> {
    let r = Layout::MARKER_R;
    let inside = rgb(colour::MARKER_INSIDE).filled();
    match kind {
        MarkKind::Held => area
            .draw(&Circle::new((x, y), r, rgb(colour::HELD).filled()))
            .map_err(draw_err)?,
        MarkKind::Scheduled => {
            area.draw(&Circle::new((x, y), r, rgb(colour::SCHEDULED).filled()))
                .map_err(draw_err)?;
            area.draw(&Circle::new((x, y), r - 3, inside))
                .map_err(draw_err)?;
        }
        MarkKind::Expected => {
            let diamond = |r: i32| vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)];
            area.draw(&Polygon::new(
                diamond(r + 1),
                rgb(colour::EXPECTED).filled(),
            ))
            .map_err(draw_err)?;
            area.draw(&Polygon::new(diamond(r - 3), inside))
                .map_err(draw_err)?;
        }
        MarkKind::Cancelled => {
            let style = rgb(colour::CANCELLED).stroke_width(3);
            area.draw(&PathElement::new(
                vec![(x - r, y - r), (x + r, y + r)],
                style,
            ))
            .map_err(draw_err)?;
            area.draw(&PathElement::new(
                vec![(x - r, y + r), (x + r, y - r)],
                style,
            ))
            .map_err(draw_err)?;
        }
    }
    Ok(())
}

fn draw(plan: &YearPlan, lang: Lang, layout: &Layout, buf: &mut [u8]) -> Result<(), ImageError> {
    register_fonts();
    let size = (layout.width(), layout.height());
    let root = BitMapBackend::with_buffer(buf, size).into_drawing_area();
    root.fill(&rgb(colour::BACKGROUND)).map_err(draw_err)?;
    let width = layout.width() as i32;
    let year = plan.year;

    // Title, and the date it was made.
    label(
        &root,
        &t!(lang, "plan-title", year = year.to_string()),
        28,
        true,
        (16, Layout::TITLE_H / 2),
        HPos::Left,
    )?;
    let made = plan.made_at.with_timezone(&plan.tz).date_naive();
    label(
        &root,
        &t!(lang, "plan-made", date = format::date_short(lang, made)),
        16,
        false,
        (width - Layout::RIGHT, Layout::TITLE_H / 2),
        HPos::Right,
    )?;

    let days: Vec<NaiveDate> = NaiveDate::from_ymd_opt(year, 1, 1)
        .map(|first| first.iter_days().take_while(|d| d.year() == year).collect())
        .unwrap_or_default();
    let school = plan.school.periods(year);
    for panel in 0..2 {
        let (top, bottom) = layout.rows_span(panel);
        let end = layout.panel_end(year, panel);
        // Rows, alternately shaded.
        for row in 0..layout.rows {
            let (y0, y1) = layout.row_span(panel, row);
            let c = if row % 2 == 1 {
                colour::ROW_ALT
            } else {
                colour::BACKGROUND
            };
            root.draw(&Rectangle::new(
                [(Layout::LEFT, y0), (end, y1)],
                rgb(c).filled(),
            ))
            .map_err(draw_err)?;
        }
        // Holidays: school holidays first, public holidays over them.
        for d in days.iter().filter(|d| Layout::panel_of(**d) == panel) {
            let public = holidays::is_holiday(*d);
            let in_school = school.iter().any(|p| p.contains(*d));
            if !(public || in_school) || bottom <= top {
                continue;
            }
            let c = if public {
                colour::PUBLIC_HOLIDAY
            } else {
                colour::SCHOOL_HOLIDAY
            };
            let (_, x0, x1) = layout.day_columns(*d);
            // Filled rectangles are half-open: [x0, x1) × [top, bottom).
            root.draw(&Rectangle::new([(x0, top), (x1, bottom)], rgb(c).filled()))
                .map_err(draw_err)?;
        }
        // Months: a line at each start, the name over the middle.
        let header_y = top - Layout::HEADER_H / 2;
        for m in (1 + 6 * panel as u32)..=(6 + 6 * panel as u32) {
            let Some(first) = NaiveDate::from_ymd_opt(year, m, 1) else {
                continue;
            };
            let last =
                NaiveDate::from_ymd_opt(if m == 12 { year + 1 } else { year }, m % 12 + 1, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(first);
            let (_, x0, _) = layout.day_columns(first);
            let (_, _, x1) = layout.day_columns(last);
            root.draw(&PathElement::new(
                vec![(x0, top - Layout::HEADER_H + 4), (x0, bottom.max(top))],
                rgb(colour::GRID).stroke_width(1),
            ))
            .map_err(draw_err)?;
            label(
                &root,
                &format::month(lang, m),
                17,
                true,
                ((x0 + x1) / 2, header_y),
                HPos::Center,
            )?;
        }
        root.draw(&PathElement::new(
            vec![(end, top - Layout::HEADER_H + 4), (end, bottom.max(top))],
            rgb(colour::GRID).stroke_width(1),
        ))
        .map_err(draw_err)?;
        // Body names, and their meetings.
        for (row, body) in plan.bodies.iter().enumerate() {
            let (y0, y1) = layout.row_span(panel, row);
            let name = fit(&body.name, 17, Layout::LEFT - 24);
            label(&root, &name, 17, false, (12, (y0 + y1) / 2), HPos::Left)?;
            for mark in body
                .marks
                .iter()
                .filter(|m| m.date.year() == year && Layout::panel_of(m.date) == panel)
            {
                draw_marker(&root, mark.kind, layout.marker(row, mark.date))?;
            }
        }
    }

    // The legend: markers, then shading, then the school holidays as configured.
    let mut y = layout.legend_top() + Layout::LEGEND_LINE / 2;
    let mut x = 16;
    for (kind, key) in [
        (MarkKind::Held, "plan-legend-held"),
        (MarkKind::Scheduled, "plan-legend-scheduled"),
        (MarkKind::Expected, "plan-legend-expected"),
        (MarkKind::Cancelled, "plan-legend-cancelled"),
    ] {
        draw_marker(&root, kind, (x + Layout::MARKER_R, y))?;
        let w = label(
            &root,
            &t!(lang, key),
            16,
            false,
            (x + 2 * Layout::MARKER_R + 8, y),
            HPos::Left,
        )?;
        x += 2 * Layout::MARKER_R + 8 + w + 28;
    }
    y += Layout::LEGEND_LINE;
    x = 16;
    for (c, key) in [
        (colour::PUBLIC_HOLIDAY, "plan-legend-holiday"),
        (colour::SCHOOL_HOLIDAY, "plan-legend-school"),
    ] {
        root.draw(&Rectangle::new(
            [(x, y - 8), (x + 16, y + 8)],
            rgb(c).filled(),
        ))
        .map_err(draw_err)?;
        let w = label(&root, &t!(lang, key), 16, false, (x + 24, y), HPos::Left)?;
        x += 24 + w + 28;
    }
    y += Layout::LEGEND_LINE;
    let rules = school_rules(lang, &plan.school);
    let rules = fit(&rules, 15, width - 32);
    label(&root, &rules, 15, false, (16, y), HPos::Left)?;
    root.present().map_err(draw_err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_fall_in_their_half_year_and_in_order() {
        let l = Layout::new(3);
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        let (p0, a0, a1) = l.day_columns(d(1, 1));
        let (p1, b0, _) = l.day_columns(d(7, 1));
        assert_eq!((p0, p1), (0, 1));
        assert_eq!(a0, b0, "both halves start at the same x");
        assert!(a1 > a0);
        let (_, _, end) = l.day_columns(d(12, 31));
        assert!(end <= Layout::WIDTH as i32 - Layout::RIGHT);
        let (x, y) = l.marker(2, d(5, 17));
        let (top, bottom) = l.row_span(0, 2);
        assert!(top < y && y < bottom);
        assert!(x > Layout::LEFT);
        assert!(l.height() as i32 > l.rows_span(1).1);
    }
}
