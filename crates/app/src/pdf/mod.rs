//! Komek's printable A4 documents (a report, a referral letter): text measured with the
//! embedded font's own advances, laid out into pages of drawing operations, then drawn with
//! krilla. A document adds its own blocks (a report's tables) in an `impl Pages` of its own.
//!
//! Must not choose a word or a figure: the document hands it both.

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

/// DejaVu Sans (see `fonts/README.md`): Latin and Cyrillic, Kazakh letters included. Only the
/// glyphs a document uses are embedded in its PDF.
pub(crate) const FONT: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");

pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
pub(crate) const MARGIN: f32 = 42.0;
/// Where content stops, above the page number.
pub(crate) const BOTTOM: f32 = PAGE_H - MARGIN - 14.0;
pub(crate) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
pub(crate) const BODY: f32 = 8.5;
pub(crate) const LINE: f32 = BODY * 1.35;
pub(crate) const PAD: f32 = 4.0;

pub(crate) const INK: (u8, u8, u8) = (25, 25, 25);
pub(crate) const MUTED: (u8, u8, u8) = (100, 100, 100);
pub(crate) const RULE: (u8, u8, u8) = (205, 205, 205);

/// The embedded font, for drawing and for measuring.
pub(crate) struct Face {
    pub(crate) font: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    pub(crate) fn load() -> Option<Self> {
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
    pub(crate) fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
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

    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        self.glyphs(text).iter().map(|g| g.x_advance).sum::<f32>() * size
    }

    /// Lines of at most `width`, broken between words (a word too long for a line is
    /// broken where it must be).
    pub(crate) fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
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
pub(crate) enum Style {
    Plain,
    Bold,
    Muted,
}

pub(crate) enum Op {
    Text { x: f32, baseline: f32, size: f32, text: String, style: Style },
    Rect { x: f32, y: f32, w: f32, h: f32, colour: (u8, u8, u8) },
}

/// Pages of drawing operations, and where the next thing goes.
pub(crate) struct Pages<'f> {
    pub(crate) face: &'f Face,
    pages: Vec<Vec<Op>>,
    /// Where the next block starts, from the top of the page.
    pub(crate) y: f32,
}

impl<'f> Pages<'f> {
    pub(crate) fn new(face: &'f Face) -> Self {
        Self { face, pages: vec![Vec::new()], y: MARGIN }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` fits below (or the page is still empty).
    pub(crate) fn room_for(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > MARGIN {
            self.new_page();
        }
    }

    pub(crate) fn text(&mut self, x: f32, baseline: f32, size: f32, text: &str, style: Style) {
        self.ops().push(Op::Text { x, baseline, size, text: text.to_owned(), style });
    }

    pub(crate) fn text_right(&mut self, right: f32, baseline: f32, size: f32, text: &str, style: Style) {
        let x = right - self.face.width(text, size);
        self.text(x, baseline, size, text, style);
    }

    pub(crate) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: (u8, u8, u8)) {
        self.ops().push(Op::Rect { x, y, w, h, colour });
    }

    pub(crate) fn heading(&mut self, title: &str, lines: &[String]) {
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

    /// A paragraph wrapped to the page's width, starting a new page when it does not fit.
    pub(crate) fn paragraph(&mut self, text: &str, size: f32, style: Style) {
        let line_h = size * 1.4;
        for part in self.face.wrap(text, size, CONTENT_W) {
            self.room_for(line_h);
            self.text(MARGIN, self.y + size, size, &part, style);
            self.y += line_h;
        }
        self.y += size * 0.6;
    }

    /// Label and value pairs in two columns (a letter's particulars), each value wrapped in
    /// its column and a thin rule under each pair.
    pub(crate) fn pairs(&mut self, pairs: &[(String, String)], size: f32) {
        let line_h = size * 1.35;
        let label_w = CONTENT_W * 0.32;
        let value_w = CONTENT_W - label_w - PAD;
        for (label, value) in pairs {
            let labels = self.face.wrap(label, size, label_w - PAD);
            let values = self.face.wrap(value, size, value_w);
            let height = labels.len().max(values.len()) as f32 * line_h + 2.0 * PAD;
            self.room_for(height);
            let top = self.y + PAD + size;
            for (n, line) in labels.iter().enumerate() {
                self.text(MARGIN, top + n as f32 * line_h, size, line, Style::Muted);
            }
            for (n, line) in values.iter().enumerate() {
                self.text(MARGIN + label_w + PAD, top + n as f32 * line_h, size, line, Style::Plain);
            }
            self.rect(MARGIN, self.y + height - 0.4, CONTENT_W, 0.4, RULE);
            self.y += height;
        }
        self.y += size;
    }

    /// Draws the pages, each with `footer` and its number.
    pub(crate) fn render(self, title: &str, footer: &str) -> Result<Vec<u8>, String> {
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
