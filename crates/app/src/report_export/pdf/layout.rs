//! A report's table on the page: its title, a header repeated on each page it runs over,
//! wrapped labels, right-aligned figures and a bar beside each row worth charting.

use komek_domain::reports::{Label, Table};

use super::{ExportLabels, bars, shown};
use crate::pdf::{BODY, BOTTOM, CONTENT_W, LINE, MARGIN, PAD, Pages, RULE, Style};

const CHART_W: f32 = 96.0;
const HEADER_BG: (u8, u8, u8) = (232, 236, 241);
const BAR: (u8, u8, u8) = (70, 120, 180);

/// Where a table's columns are.
struct Grid {
    label_w: f32,
    value_w: Vec<f32>,
    chart: bool,
    rows_title: Vec<String>,
    headers: Vec<Vec<String>>,
    header_h: f32,
}

impl Pages<'_> {
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
}
