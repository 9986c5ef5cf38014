//! Charts drawn on the server as SVG: no script, no inline style (the content security
//! policy forbids it) — shapes and classes only, coloured by the stylesheet. Each chart is an
//! image named by its section's heading, with its table beside it for the exact figures, so
//! it carries no text but its labels.

use maud::{Markup, html};

/// One bar or column: its label, its value (any unit: the chart scales to the largest), and
/// whether it stands apart from the others (a group of topics, drawn in another colour).
pub struct Datum {
    pub label: String,
    pub value: f64,
    pub apart: bool,
}

/// Where a chart says what it shows and where its figures are.
pub struct Names<'a> {
    /// The chart's own title (a tooltip, and its name where the heading is not read).
    pub title: &'a str,
    /// The id of the heading that names the table and the chart.
    pub heading: &'a str,
    /// The id of the table with the chart's figures.
    pub table: &'a str,
}

const WIDTH: u32 = 400;
/// Bars start here; labels end just before.
const LABEL_END: u32 = 176;
const BAR_START: u32 = 180;
const BAR_MAX: u32 = WIDTH - BAR_START - 8;
const ROW: u32 = 18;
const BAR_HEIGHT: u32 = 12;
/// Labels longer than this are cut: the table beside gives them whole.
const LABEL_CHARS: usize = 24;

/// How long a bar of `value` is, in `max_len` units when `largest` fills it; at least one unit
/// for anything above nothing.
fn length(value: f64, largest: f64, max_len: u32) -> u32 {
    if value <= 0.0 || largest <= 0.0 {
        return 0;
    }
    ((value / largest * f64::from(max_len)).round() as u32).clamp(1, max_len)
}

fn cut(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let mut cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        cut.push('…');
        cut
    }
}

fn largest(data: &[Datum]) -> f64 {
    data.iter().map(|d| d.value).fold(0.0, f64::max)
}

/// Horizontal bars, one row per datum, labels on the left.
pub fn bars(names: &Names<'_>, data: &[Datum]) -> Markup {
    let height = ROW * data.len() as u32 + 4;
    let top = largest(data);
    // All bars of a kind are one path: a rectangle per bar.
    let mut plain = String::new();
    let mut apart = String::new();
    for (i, d) in data.iter().enumerate() {
        let len = length(d.value, top, BAR_MAX);
        if len == 0 {
            continue;
        }
        let y = ROW * i as u32 + 4;
        let path = if d.apart { &mut apart } else { &mut plain };
        path.push_str(&format!("M{BAR_START} {y}h{len}v{BAR_HEIGHT}h-{len}z"));
    }
    html! {
        svg.chart.bars role="img" aria-labelledby=(names.heading) aria-details=(names.table)
            viewBox={ "0 0 " (WIDTH) " " (height) } width=(WIDTH) height=(height) {
            title { (names.title) }
            g.labels text-anchor="end" {
                @for (i, d) in data.iter().enumerate() {
                    text x=(LABEL_END) y=(ROW * i as u32 + 14) { (cut(&d.label)) }
                }
            }
            @if !plain.is_empty() { path.bar d=(plain) {} }
            @if !apart.is_empty() { path.bar.apart d=(apart) {} }
            path.axis d={ "M" (BAR_START) " 0V" (height) } {}
        }
    }
}

const COLUMN_HEIGHT: u32 = 140;
const COLUMN_TOP: u32 = 8;
const COLUMN_LABEL_Y: u32 = COLUMN_TOP + COLUMN_HEIGHT + 14;
/// Room on either side for the first and last labels, centred under their columns.
const COLUMN_PAD: u32 = 20;

/// Columns side by side, labels underneath (every one, or every few when there are many).
pub fn columns(names: &Names<'_>, data: &[Datum]) -> Markup {
    let height = COLUMN_LABEL_Y + 6;
    // Positions in tenths of a unit: a period of many years has columns narrower than one.
    let slot = f64::from(WIDTH - 2 * COLUMN_PAD) / data.len().max(1) as f64;
    let width = slot * 0.7;
    let at = |i: usize| f64::from(COLUMN_PAD) + slot * i as f64;
    let every = data.len().div_ceil(12).max(1);
    let top = largest(data);
    let base = COLUMN_TOP + COLUMN_HEIGHT;
    let mut path = String::new();
    for (i, d) in data.iter().enumerate() {
        let len = length(d.value, top, COLUMN_HEIGHT);
        if len == 0 {
            continue;
        }
        let x = at(i) + (slot - width) / 2.0;
        path.push_str(&format!("M{x:.1} {base}v-{len}h{width:.1}v{len}z"));
    }
    html! {
        svg.chart.columns role="img" aria-labelledby=(names.heading) aria-details=(names.table)
            viewBox={ "0 0 " (WIDTH) " " (height) } width=(WIDTH) height=(height) {
            title { (names.title) }
            g.labels text-anchor="middle" {
                @for (i, d) in data.iter().enumerate() {
                    @if i % every == 0 {
                        text x=(format!("{:.1}", at(i) + slot / 2.0)) y=(COLUMN_LABEL_Y) { (d.label) }
                    }
                }
            }
            @if !path.is_empty() { path.bar d=(path) {} }
            path.axis d={ "M" (COLUMN_PAD) " " (base) "H" (WIDTH - COLUMN_PAD) } {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn datum(label: &str, value: f64) -> Datum {
        Datum { label: label.into(), value, apart: false }
    }

    #[test]
    fn the_largest_value_fills_the_chart_and_the_rest_scale_to_it() {
        assert_eq!(length(1_107.0, 1_107.0, BAR_MAX), BAR_MAX);
        assert_eq!(length(553.5, 1_107.0, 200), 100);
        assert_eq!(length(0.001, 1_107.0, 200), 1, "anything above nothing shows");
        assert_eq!(length(0.0, 0.0, 200), 0);
    }

    #[test]
    fn a_chart_is_a_named_image_with_no_inline_style() {
        let names = Names { title: "Sectors <of> work", heading: "r-sectors-h", table: "r-sectors-t" };
        let svg = bars(&names, &[datum("Construction", 43.0), datum("Agriculture", 40.0), datum("Nothing", 0.0)])
            .into_string();
        assert!(svg.starts_with("<svg class=\"chart bars\" role=\"img\" aria-labelledby=\"r-sectors-h\""), "{svg}");
        assert!(svg.contains("<title>Sectors &lt;of&gt; work</title>"));
        assert!(!svg.contains("style"), "{svg}");
        assert_eq!(svg.matches("<text ").count(), 3, "every label, even of nothing");
        assert_eq!(svg.matches('z').count(), 2, "a bar for each value above nothing");
        assert!(svg.contains(&format!("h{BAR_MAX}v")), "the largest fills the width");
        let months: Vec<Datum> = (1..=24).map(|m| datum(&m.to_string(), f64::from(m))).collect();
        let svg = columns(&names, &months).into_string();
        assert_eq!(svg.matches("<text ").count(), 12, "every other month named when there are 24");
        // Thirty years of months: columns narrower than a unit, still in their place.
        let months: Vec<Datum> = (1..=361).map(|m| datum(&m.to_string(), f64::from(m))).collect();
        let svg = columns(&names, &months).into_string();
        assert_eq!(svg.matches('z').count(), 361);
        assert!(svg.contains("h0.7v"), "{svg}");
    }

    #[test]
    fn long_labels_are_cut_for_the_chart_only() {
        assert_eq!(cut("Construction"), "Construction");
        let long = "Confiscation of identity papers or travel documents";
        assert_eq!(cut(long).chars().count(), LABEL_CHARS);
        assert!(cut(long).ends_with('…'));
    }
}
