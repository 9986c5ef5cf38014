//! A small page layout for tables: text measured with the embedded font's own advances,
//! laid out into pages of drawing operations, then drawn with krilla.
//!
//! Must not choose a word or a figure: the PDF export hands it both.

use komek_domain::reports::{Label, Table};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider, charmap::Charmap};

use super::{ExportLabels, FONT, bars, shown};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 42.0;
/// Where content stops, above the page number.
const BOTTOM: f32 = PAGE_H - MARGIN - 14.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
const BODY: f32 = 8.5;
const LINE: f32 = BODY * 1.35;
const PAD: f32 = 4.0;
const CHART_W: f32 = 96.0;

const INK: (u8, u8, u8) = (25, 25, 25);
const MUTED: (u8, u8, u8) = (100, 100, 100);
const RULE: (u8, u8, u8) = (205, 205, 205);
const HEADER_BG: (u8, u8, u8) = (232, 236, 241);
const BAR: (u8, u8, u8) = (70, 120, 180);

/// The embedded font, for drawing and for measuring.
pub(super) struct Face {
    font: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    pub(super) fn load() -> Option<Self> {
        let font = Font::new(FONT.into(), 0)?;
        let font_ref = FontRef::new(FONT).ok()?;
        Some(Self {
            units_per_em: font.units_per_em(),
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            font,
        })
    }

    /// One glyph per character, advances in ems. A character the font lacks is drawn as a
    /// space if it is one, else as "?".
    fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(at, ch)| {
                let id = self
                    .charmap
                    .map(ch)
                    .or_else(|| self.charmap.map(if ch.is_whitespace() { ' ' } else { '?' }))
                    .unwrap_or_default();
                let advance = self.metrics.advance_width(id).unwrap_or(0.0) / self.units_per_em;
                KrillaGlyph::new(GlyphId::new(id.to_u32()), advance, 0.0, 0.0, 0.0, at..at + ch.len_utf8(), None)
            })
            .collect()
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        self.glyphs(text).iter().map(|g| g.x_advance).sum::<f32>() * size
    }

    /// Lines of at most `width`, broken between words (a word too long for a line is
    /// broken where it must be).
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if self.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for ch in word.chars() {
                line.push(ch);
                if self.width(&line, size) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, ch.to_string()));
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Plain,
    Bold,
    Muted,
}

enum Op {
    Text { x: f32, baseline: f32, size: f32, text: String, style: Style },
    Rect { x: f32, y: f32, w: f32, h: f32, colour: (u8, u8, u8) },
}

/// Pages of drawing operations, and where the next thing goes.
pub(super) struct Pages<'f> {
    face: &'f Face,
    pages: Vec<Vec<Op>>,
    y: f32,
}

/// Where a table's columns are.
struct Grid {
    label_w: f32,
    value_w: Vec<f32>,
    chart: bool,
    rows_title: Vec<String>,
    headers: Vec<Vec<String>>,
    header_h: f32,
}

impl<'f> Pages<'f> {
    pub(super) fn new(face: &'f Face) -> Self {
        Self { face, pages: vec![Vec::new()], y: MARGIN }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` fits below (or the page is still empty).
    fn room_for(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > MARGIN {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, baseline: f32, size: f32, text: &str, style: Style) {
        self.ops().push(Op::Text { x, baseline, size, text: text.to_owned(), style });
    }

    fn text_right(&mut self, right: f32, baseline: f32, size: f32, text: &str, style: Style) {
        let x = right - self.face.width(text, size);
        self.text(x, baseline, size, text, style);
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: (u8, u8, u8)) {
        self.ops().push(Op::Rect { x, y, w, h, colour });
    }

    pub(super) fn heading(&mut self, title: &str, lines: &[String]) {
        let size = 16.0;
        self.text(MARGIN, self.y + size, size, title, Style::Bold);
        self.y += size * 1.6;
        for line in lines {
            for part in self.face.wrap(line, 10.0, CONTENT_W) {
                self.text(MARGIN, self.y + 10.0, 10.0, &part, Style::Plain);
                self.y += 10.0 * 1.4;
            }
        }
        self.y += 10.0;
    }

    fn grid(&self, words: &ExportLabels<'_>, table: &Table, chart: bool) -> Grid {
        let headers: Vec<String> = table.columns.iter().map(|c| words.column_title(c)).collect();
        let value_w: Vec<f32> = table
            .columns
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let widest_value = table
                    .rows
                    .iter()
                    .filter_map(|r| r.cells.get(i))
                    .map(|c| self.face.width(&shown(c), BODY))
                    .fold(0.0_f32, f32::max);
                let widest_word =
                    headers[i].split_whitespace().map(|w| self.face.width(w, BODY)).fold(0.0_f32, f32::max);
                (widest_value.max(widest_word) + 2.0 * PAD).clamp(58.0, 110.0)
            })
            .collect();
        let chart_w = if chart { CHART_W } else { 0.0 };
        let label_w = (CONTENT_W - value_w.iter().sum::<f32>() - chart_w).max(120.0);
        let headers: Vec<Vec<String>> =
            headers.iter().zip(&value_w).map(|(h, w)| self.face.wrap(h, BODY, w - 2.0 * PAD)).collect();
        let rows_title = match words.rows_title(table) {
            title if title.is_empty() => Vec::new(),
            title => self.face.wrap(&title, BODY, label_w - 2.0 * PAD),
        };
        let header_lines = headers.iter().map(Vec::len).chain([rows_title.len()]).max().unwrap_or(1).max(1);
        Grid { label_w, value_w, chart, rows_title, headers, header_h: header_lines as f32 * LINE + 2.0 * PAD }
    }

    fn header_row(&mut self, grid: &Grid) {
        let top = self.y;
        self.rect(MARGIN, top, CONTENT_W, grid.header_h, HEADER_BG);
        for (n, line) in grid.rows_title.iter().enumerate() {
            self.text(MARGIN + PAD, top + PAD + BODY + n as f32 * LINE, BODY, line, Style::Bold);
        }
        let mut right = MARGIN + grid.label_w;
        for (lines, w) in grid.headers.iter().zip(&grid.value_w) {
            right += w;
            for (n, line) in lines.iter().enumerate() {
                let baseline = top + PAD + BODY + n as f32 * LINE;
                self.text_right(right - PAD, baseline, BODY, line, Style::Bold);
            }
        }
        self.y += grid.header_h;
    }

    pub(super) fn table(&mut self, words: &ExportLabels<'_>, table: &Table) {
        let bars = bars(table);
        let grid = self.grid(words, table, bars.is_some());
        let title_size = 11.0;
        let title_lines = self.face.wrap(&words.table_title(table), title_size, CONTENT_W);
        let title_h = title_lines.len() as f32 * title_size * 1.35 + 4.0;
        self.room_for(title_h + grid.header_h + 3.0 * (LINE + 2.0 * PAD));
        for line in &title_lines {
            self.text(MARGIN, self.y + title_size, title_size, line, Style::Bold);
            self.y += title_size * 1.35;
        }
        self.y += 4.0;
        self.header_row(&grid);
        if table.rows.is_empty() {
            self.text(MARGIN + PAD, self.y + PAD + BODY, BODY, &words.text("report-no-figures"), Style::Muted);
            self.y += LINE + 2.0 * PAD;
        }
        for (n, row) in table.rows.iter().enumerate() {
            let label = words.row_label(table, &row.label);
            let lines = self.face.wrap(&label, BODY, grid.label_w - 2.0 * PAD);
            let height = lines.len() as f32 * LINE + 2.0 * PAD;
            if self.y + height > BOTTOM {
                self.new_page();
                self.header_row(&grid);
            }
            let top = self.y;
            let style = if matches!(row.label, Label::Total) { Style::Bold } else { Style::Plain };
            for (i, line) in lines.iter().enumerate() {
                self.text(MARGIN + PAD, top + PAD + BODY + i as f32 * LINE, BODY, line, style);
            }
            let baseline = top + PAD + BODY;
            let mut right = MARGIN + grid.label_w;
            for (cell, w) in row.cells.iter().zip(&grid.value_w) {
                right += w;
                self.text_right(right - PAD, baseline, BODY, &shown(cell), style);
            }
            if grid.chart
                && let Some(Some(length)) = bars.as_ref().and_then(|b| b.get(n))
            {
                let w = (CHART_W - 2.0 * PAD) * (*length as f32).clamp(0.0, 1.0);
                if w > 0.0 {
                    self.rect(right + PAD, top + PAD + 1.0, w.max(0.5), LINE - 2.0, BAR);
                }
            }
            self.rect(MARGIN, top + height - 0.4, CONTENT_W, 0.4, RULE);
            self.y += height;
        }
        if let Some(unstated) = table.unstated {
            self.room_for(LINE + 2.0 * PAD);
            let text = format!("{}: {}", words.text("report-unstated"), super::grouped(unstated));
            self.text(MARGIN + PAD, self.y + PAD + BODY, BODY, &text, Style::Muted);
            self.y += LINE + 2.0 * PAD;
        }
        self.y += 14.0;
    }

    /// Draws the pages, each with `footer` and its number.
    pub(super) fn render(self, title: &str, footer: &str) -> Result<Vec<u8>, String> {
        let mut document = Document::new();
        document.set_metadata(Metadata::new().title(title.to_owned()).creator("Komek".to_owned()));
        let count = self.pages.len();
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("the page size is not valid")?;
        for (number, ops) in self.pages.iter().enumerate() {
            let mut page = document.start_page_with(settings.clone());
            let mut surface = page.surface();
            // In the order laid out: a header's shading lies under its text.
            for op in ops {
                self.draw(&mut surface, op);
            }
            let folio = format!("{footer} · {} / {count}", number + 1);
            let size = 7.5;
            let x = PAGE_W - MARGIN - self.face.width(&folio, size);
            let baseline = PAGE_H - MARGIN + 4.0;
            self.draw(&mut surface, &Op::Text { x, baseline, size, text: folio, style: Style::Muted });
            surface.finish();
            page.finish();
        }
        document.finish().map_err(|e| format!("{e:?}"))
    }

    fn draw(&self, surface: &mut Surface<'_>, op: &Op) {
        let fill = |colour: (u8, u8, u8)| Fill {
            paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
            ..Default::default()
        };
        match op {
            Op::Text { x, baseline, size, text, style } => {
                let colour = if *style == Style::Muted { MUTED } else { INK };
                surface.set_fill(Some(fill(colour)));
                // Bold is the regular face drawn with a thin outline: still text, one font.
                surface.set_stroke((*style == Style::Bold).then(|| Stroke {
                    paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
                    width: size * 0.035,
                    ..Default::default()
                }));
                let glyphs = self.face.glyphs(text);
                let at = Point::from_xy(*x, *baseline);
                surface.draw_glyphs(at, &glyphs, self.face.font.clone(), text, *size, false);
                surface.set_stroke(None);
            }
            Op::Rect { x, y, w, h, colour } => {
                let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else { return };
                let mut path = PathBuilder::new();
                path.push_rect(rect);
                if let Some(path) = path.finish() {
                    surface.set_fill(Some(fill(*colour)));
                    surface.draw_path(&path);
                }
            }
        }
    }
}
