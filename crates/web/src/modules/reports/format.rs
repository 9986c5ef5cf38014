//! Figures as a reader of each language writes them: counts with their thousands grouped,
//! shares as whole percent with the exact share to hand, months by name.

use fluent_bundle::{FluentArgs, FluentValue};
use komek_domain::reports::{Share, YearMonth};

use crate::i18n::{Lang, Tr};

/// A message with several named arguments, each given as text.
pub fn t_args(tr: Tr<'_>, id: &str, args: &[(&str, String)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(name.to_string(), FluentValue::from(value.clone()));
    }
    tr.i18n.format(tr.lang, id, Some(&fluent))
}

/// The text of a message, or `None` when no language has it (an organisation's own code).
pub fn known(tr: Tr<'_>, id: &str) -> Option<String> {
    // A message that is nowhere, neither the organisation's label nor a translation, comes
    // back as its id.
    let text = tr.t(id);
    (text != id).then_some(text)
}

/// Thousands grouped: "2,560" in English, "2 560" in Russian and Kazakh.
pub fn count(lang: Lang, n: u64) -> String {
    let separator = match lang {
        Lang::En => ',',
        Lang::Ru | Lang::Kk => '\u{202f}',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

fn percent_sign(lang: Lang, number: &str) -> String {
    match lang {
        Lang::En => format!("{number}%"),
        Lang::Ru | Lang::Kk => format!("{number}\u{a0}%"),
    }
}

/// A share as whole percent, halves up ("43%"); a dash for a share of nothing.
pub fn percent(lang: Lang, share: &Share) -> String {
    share.percent().map_or_else(|| "—".to_owned(), |p| percent_sign(lang, &p.to_string()))
}

/// The exact share behind a whole percent: "1,107 of 2,560 = 43.24%".
pub fn exact_share(tr: Tr<'_>, share: &Share) -> String {
    let hundredths = share.basis_points().map_or_else(
        || "—".to_owned(),
        |bp| {
            let mark = if tr.lang == Lang::En { '.' } else { ',' };
            percent_sign(tr.lang, &format!("{}{mark}{:02}", bp / 100, bp % 100))
        },
    );
    t_args(
        tr,
        "report-share-exact",
        &[("part", count(tr.lang, share.part)), ("whole", count(tr.lang, share.whole)), ("percent", hundredths)],
    )
}

/// A month's name: "January".
pub fn month_name(tr: Tr<'_>, month: u32) -> String {
    tr.t(&format!("report-month-{month}"))
}

/// A month of a year, as a row of a table names it: "January 2008".
pub fn month_label(tr: Tr<'_>, month: YearMonth) -> String {
    format!("{} {}", month_name(tr, month.month), month.year)
}

/// A month as a chart's axis names it: "Jan", with the year where one begins when the
/// period runs over more than one ("Jan 09").
pub fn month_short(tr: Tr<'_>, month: YearMonth, with_year: bool) -> String {
    let name = tr.t(&format!("report-month-short-{}", month.month));
    if with_year { format!("{name} {:02}", month.year.rem_euclid(100)) } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands_as_each_language_writes_them() {
        assert_eq!(count(Lang::En, 2_560), "2,560");
        assert_eq!(count(Lang::En, 999), "999");
        assert_eq!(count(Lang::En, 1_000_000), "1,000,000");
        assert_eq!(count(Lang::Ru, 2_560), "2\u{202f}560");
        assert_eq!(count(Lang::Kk, 0), "0");
    }

    #[test]
    fn shares_show_whole_percent_rounded_half_up() {
        assert_eq!(percent(Lang::En, &Share::new(860, 2_000)), "43%");
        assert_eq!(percent(Lang::Ru, &Share::new(1, 8)), "13\u{a0}%");
        assert_eq!(percent(Lang::En, &Share::new(0, 0)), "—");
    }
}
