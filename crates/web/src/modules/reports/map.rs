//! The map of the districts the mobile group works in, shaded by the violations it found in
//! each: an SVG drawn on the server, like the charts (no script, no inline style).
//!
//! It is a schematic, not a survey map: each district is an equal tile set roughly where it
//! lies, north up, with Shymkent's city districts drawn apart beside the region (the city lies
//! between Ordabasy, Sairam and Tolebi). No openly licensed boundaries of the Turkestan
//! region's districts could be had from the package registries Komek is built from — those
//! found were either of whole regions or under licences that forbid reuse — and equal tiles
//! also keep a small district with many violations as visible as a large one. A district
//! code the layout does not know (an organisation's own) is named under the map with its
//! count, so no figure is lost from the picture.

use maud::{Markup, html};

use super::charts::Names;

/// Where each district's tile stands: (code of `lookups::DISTRICT`, column, row). Columns 0–3
/// are the region from west to east, rows 0–5 from north to south; column 5 is Shymkent.
const LAYOUT: [(&str, u32, u32); 21] = [
    ("sozak", 2, 0),
    ("turkistan-city", 1, 1),
    ("kentau", 2, 1),
    ("baidibek", 3, 1),
    ("otyrar", 0, 2),
    ("arys", 1, 2),
    ("ordabasy", 2, 2),
    ("tulkibas", 3, 2),
    ("shardara", 0, 3),
    ("sairam", 2, 3),
    ("tolebi", 3, 3),
    ("saryagash", 1, 4),
    ("keles", 2, 4),
    ("kazygurt", 3, 4),
    ("zhetysai", 0, 5),
    ("maktaaral", 1, 5),
    ("shymkent-karatau", 5, 1),
    ("shymkent-abai", 5, 2),
    ("shymkent-al-farabi", 5, 3),
    ("shymkent-enbekshi", 5, 4),
    ("shymkent-turan", 5, 5),
];
/// The column of Shymkent's districts, captioned above its first tile.
const CITY_COLUMN: u32 = 5;

const TILE_WIDTH: u32 = 60;
const TILE_HEIGHT: u32 = 38;
const GAP: u32 = 4;
const PAD: u32 = 4;
const WIDTH: u32 = 2 * PAD + 6 * (TILE_WIDTH + GAP);
const LEGEND_HEIGHT: u32 = 22;
/// Shades of the tiles with something found: the largest count is the darkest.
const SHADES: u32 = 4;
/// Tile names longer than this are cut; the tile's title gives them whole.
const NAME_CHARS: usize = 9;

/// One district: its code, its short and full names, and the violations found there (`None`:
/// not visited in the period).
pub struct Area {
    pub code: String,
    pub short_name: String,
    pub name: String,
    pub value: Option<u64>,
}

/// The shade of a count: 0 for nothing found, else 1 to [`SHADES`] by its share of the largest.
fn shade(value: u64, largest: u64) -> u32 {
    if value == 0 || largest == 0 {
        return 0;
    }
    (value * u64::from(SHADES)).div_ceil(largest).clamp(1, u64::from(SHADES)) as u32
}

/// The counts each shade stands for, as (shade, lowest, highest); shades no count can have
/// (when the largest is under four) are left out.
fn legend(largest: u64) -> Vec<(u32, u64, u64)> {
    (1..=SHADES)
        .filter_map(|s| {
            let low = (u64::from(s - 1) * largest) / u64::from(SHADES) + 1;
            let high = (u64::from(s) * largest) / u64::from(SHADES);
            (low <= high).then_some((s, low, high))
        })
        .collect()
}

fn cut(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        return name.to_owned();
    }
    let mut cut: String = name.chars().take(NAME_CHARS - 1).collect();
    cut.push('…');
    cut
}

fn at(column: u32, row: u32) -> (u32, u32) {
    (PAD + column * (TILE_WIDTH + GAP), PAD + row * (TILE_HEIGHT + GAP))
}

/// The map; `city` captions Shymkent's column, `not_visited` titles the tiles of districts
/// with no visit. Areas the layout does not place are listed under it.
pub fn districts(names: &Names<'_>, areas: &[Area], city: &str, not_visited: &str) -> Markup {
    let largest = areas.iter().filter_map(|a| a.value).max().unwrap_or(0);
    let placed: Vec<(&Area, u32, u32)> = LAYOUT
        .iter()
        .filter_map(|(code, column, row)| areas.iter().find(|a| a.code == *code).map(|a| (a, *column, *row)))
        .collect();
    let elsewhere: Vec<&Area> =
        areas.iter().filter(|a| a.value.is_some() && !LAYOUT.iter().any(|(code, ..)| a.code == *code)).collect();
    let rows = LAYOUT.iter().map(|(_, _, row)| row + 1).max().unwrap_or(1);
    let legend_top = PAD + rows * (TILE_HEIGHT + GAP) + GAP;
    let height = legend_top + LEGEND_HEIGHT;
    let (city_x, _) = at(CITY_COLUMN, 0);
    html! {
        svg.chart.map role="img" aria-labelledby=(names.heading) aria-details=(names.table)
            viewBox={ "0 0 " (WIDTH) " " (height) } width=(WIDTH) height=(height) {
            title { (names.title) }
            text.caption x=(city_x + TILE_WIDTH / 2) y=(PAD + TILE_HEIGHT / 2 + 4) text-anchor="middle" { (city) }
            @for (area, column, row) in &placed {
                @let (x, y) = at(*column, *row);
                g class={ "tile s" (area.value.map_or(0, |v| shade(v, largest))) } {
                    title {
                        (area.name) ": "
                        @match area.value { Some(n) => (n), None => (not_visited) }
                    }
                    rect x=(x) y=(y) width=(TILE_WIDTH) height=(TILE_HEIGHT) rx="3" {}
                    text x=(x + TILE_WIDTH / 2) y=(y + 15) text-anchor="middle" { (cut(&area.short_name)) }
                    @if let Some(n) = area.value {
                        text.count x=(x + TILE_WIDTH / 2) y=(y + 31) text-anchor="middle" { (n) }
                    }
                }
            }
            @for (i, (s, low, high)) in legend(largest).into_iter().enumerate() {
                @let x = PAD + i as u32 * (TILE_WIDTH + GAP);
                g class={ "tile s" (s) } {
                    rect x=(x) y=(legend_top) width="14" height="14" rx="2" {}
                    text.legend x=(x + 18) y=(legend_top + 11) {
                        @if low == high { (low) } @else { (low) "–" (high) }
                    }
                }
            }
        }
        @if !elsewhere.is_empty() {
            ul.hint.map-elsewhere {
                @for area in elsewhere { li { (area.name) ": " (area.value.unwrap_or(0)) } }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(code: &str, value: Option<u64>) -> Area {
        Area { code: code.into(), short_name: code.into(), name: format!("{code} district"), value }
    }

    #[test]
    fn the_largest_count_is_the_darkest_and_nothing_found_the_lightest() {
        assert_eq!(shade(0, 40), 0);
        assert_eq!(shade(1, 40), 1, "anything found shows");
        assert_eq!(shade(10, 40), 1);
        assert_eq!(shade(11, 40), 2);
        assert_eq!(shade(40, 40), SHADES);
        assert_eq!(legend(40), vec![(1, 1, 10), (2, 11, 20), (3, 21, 30), (4, 31, 40)]);
        assert_eq!(legend(2), vec![(2, 1, 1), (4, 2, 2)], "shades no count can have are left out");
        assert!(legend(0).is_empty());
    }

    #[test]
    fn every_district_of_the_list_has_its_own_place_on_the_map() {
        for code in komek_domain::lookups::DISTRICT.codes {
            assert!(LAYOUT.iter().any(|(c, ..)| c == code), "{code} is not on the map");
        }
        for (i, (code, column, row)) in LAYOUT.iter().enumerate() {
            assert!(!LAYOUT[..i].iter().any(|(_, c, r)| (c, r) == (column, row)), "{code} shares its tile");
        }
    }

    #[test]
    fn the_map_is_a_named_image_and_districts_it_does_not_place_are_listed() {
        let names = Names { title: "Violations <by> district", heading: "h", table: "t" };
        let areas =
            [area("maktaaral", Some(12)), area("sairam", Some(0)), area("tolebi", None), area("our-own", Some(3))];
        let svg = districts(&names, &areas, "Shymkent", "no visit").into_string();
        assert!(svg.starts_with("<svg class=\"chart map\" role=\"img\" aria-labelledby=\"h\""), "{svg}");
        assert!(svg.contains("<title>Violations &lt;by&gt; district</title>"));
        assert!(!svg.contains("style"), "{svg}");
        assert!(svg.contains("<g class=\"tile s4\"><title>maktaaral district: 12</title>"), "{svg}");
        assert!(svg.contains("<g class=\"tile s0\"><title>sairam district: 0</title>"), "{svg}");
        assert!(svg.contains("<title>tolebi district: no visit</title>"), "{svg}");
        assert!(svg.contains("<li>our-own district: 3</li>"), "{svg}");
    }
}
