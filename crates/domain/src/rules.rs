//! The rules every field of every record shares, in one place: what text may hold, how a day
//! is written, how far in the future a moment may be, how long a list may grow and how large
//! an amount may be. Each `validate()` of the domain calls these, and the web forms and the
//! API read days with [`parse_day`], so a value refused in one door is refused in all.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::{Currency, Money, ValidationError};

/// Years a day may fall in: no record of this work is older than 1900 (the oldest birth
/// year accepted) and none is planned past 2100; anything outside is a typing slip.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2100;

/// How far ahead of the server's clock a moment may be: a laptop in a district whose clock
/// runs a little fast must still save an appeal received "now".
pub const CLOCK_SKEW_MINUTES: i64 = 5;

/// Reads a day written exactly `YYYY-MM-DD` (four digits, two, two, as an HTML date field
/// and ISO 8601 write it) in the years [`FIRST_YEAR`]..=[`LAST_YEAR`]. Nothing else: no
/// sign, no five-digit year, no single-digit month or day, no spaces inside.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return None;
    }
    let year: i32 = text[0..4].parse().ok()?;
    let day = NaiveDate::from_ymd_opt(year, text[5..7].parse().ok()?, text[8..10].parse().ok()?)?;
    day_in_range(day).then_some(day)
}

/// Whether a day falls within the years accepted.
pub fn day_in_range(day: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&day.year())
}

/// Whether someone can have been born in `year`, as of `today`: from [`FIRST_YEAR`] to this year.
pub fn birth_year_possible(year: i32, today: NaiveDate) -> bool {
    (FIRST_YEAR..=today.year()).contains(&year)
}

/// A day must fall within the years accepted.
pub fn check_day(errors: &mut Vec<ValidationError>, field: &'static str, day: NaiveDate) {
    if !day_in_range(day) {
        errors.push(ValidationError::Invalid { field });
    }
}

/// A moment that has happened (an appeal received): not later than `now` plus the clock skew
/// allowed, not before [`FIRST_YEAR`].
pub fn check_past(errors: &mut Vec<ValidationError>, field: &'static str, at: DateTime<Utc>, now: DateTime<Utc>) {
    if at > now + chrono::Duration::minutes(CLOCK_SKEW_MINUTES) {
        errors.push(ValidationError::Future { field });
    } else if at.year() < FIRST_YEAR {
        errors.push(ValidationError::Invalid { field });
    }
}

/// Characters refused in any text besides the control characters (Unicode category Cc):
/// the line and paragraph separators, which break a line where no line may break (and end a
/// line in JavaScript and CSV readers), and the bidirectional embeddings, overrides and
/// isolates, which make text display in an order other than the one stored, so that a
/// name, phone or note can be made to read as something else. The joiners (ZWJ, ZWNJ) and
/// the marks LRM and RLM stay allowed: real writing in Persian, Arabic and other scripts
/// uses them.
fn is_refused_invisible(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a character is refused in one-line text: every control character (NUL always),
/// newline and tab included, and the invisible ones above.
fn refused_in_line(c: char) -> bool {
    c.is_control() || is_refused_invisible(c)
}

/// Whether a character is refused in multi-line text: as in one line, but a line break
/// (`\n`, and the `\r` a browser sends before it) and a tab are allowed.
fn refused_in_text(c: char) -> bool {
    !matches!(c, '\n' | '\r' | '\t') && refused_in_line(c)
}

/// One-line text (a name, a phone, a place, a title): at most `max` characters, no control
/// characters, no line breaks or tabs.
pub fn check_line(errors: &mut Vec<ValidationError>, field: &'static str, text: &str, max: usize) {
    check_chars(errors, field, text, max, refused_in_line);
}

/// Multi-line text (notes, a summary, a result): at most `max` characters; line breaks and
/// tabs allowed, other control characters not.
pub fn check_text(errors: &mut Vec<ValidationError>, field: &'static str, text: &str, max: usize) {
    check_chars(errors, field, text, max, refused_in_text);
}

fn check_chars(
    errors: &mut Vec<ValidationError>,
    field: &'static str,
    text: &str,
    max: usize,
    refused: fn(char) -> bool,
) {
    if text.chars().any(refused) {
        errors.push(ValidationError::ControlCharacter { field });
    } else if text.chars().count() > max {
        errors.push(ValidationError::TooLong { field, max });
    }
}

/// Every entry of a list of one-line texts, and the list's length.
pub fn check_lines(errors: &mut Vec<ValidationError>, field: &'static str, list: &[String], max: usize, most: usize) {
    check_count(errors, field, list.len(), most);
    let mut found = Vec::new();
    for text in list {
        check_line(&mut found, field, text, max);
    }
    found.dedup();
    errors.extend(found);
}

/// Checks that `code`, given for `field`, is a code of `list`.
pub fn check_code(
    errors: &mut Vec<ValidationError>,
    field: &'static str,
    list: crate::lookups::LookupList,
    code: &str,
) {
    if let Err(error) = list.check(field, code) {
        errors.push(error);
    }
}

/// Checks each of `codes` against `list`, and that there are no more of them than the list
/// has codes (a repeated code is a slip, not a choice).
pub fn check_codes(
    errors: &mut Vec<ValidationError>,
    field: &'static str,
    list: crate::lookups::LookupList,
    codes: &[String],
) {
    codes.iter().for_each(|code| check_code(errors, field, list, code));
    check_count(errors, field, codes.len(), list.most_chosen());
}

/// A list may hold at most `most` entries.
pub fn check_count(errors: &mut Vec<ValidationError>, field: &'static str, len: usize, most: usize) {
    if len > most {
        errors.push(ValidationError::TooMany { field, max: most });
    }
}

/// A name (of a person, a spelling, a party): one line, and when given it must show at least
/// one letter or digit, so that a name of spaces, zero-width or other invisible characters
/// alone is not a name.
pub fn check_name(errors: &mut Vec<ValidationError>, field: &'static str, text: &str, max: usize) {
    let before = errors.len();
    check_line(errors, field, text, max);
    if errors.len() == before && !text.trim().is_empty() && !has_visible(text) {
        errors.push(ValidationError::Invalid { field });
    }
}

/// Whether text shows anything: a letter, digit, mark or symbol, not only white space and
/// invisible formatting characters (zero-width spaces and joiners, word joiners, soft
/// hyphens, the byte-order mark, variation selectors, fillers).
pub fn has_visible(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace() && !c.is_control() && !is_invisible_format(c))
}

/// Characters that take no space and show nothing: Unicode's default-ignorable code points
/// (DerivedCoreProperties.txt) as far as they can be typed or pasted.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Text that must be given: blank or invisible text is not given.
pub fn check_required(errors: &mut Vec<ValidationError>, field: &'static str, text: &str) {
    if !has_visible(text) {
        errors.push(ValidationError::Required { field });
    }
}

/// What an amount is, for its sanity ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountKind {
    /// A monthly wage (an appeal's).
    MonthlyWage,
    /// Wages claimed or recovered for one or many workers (a service's), or a fine imposed.
    Claim,
}

/// When the ceilings and rough rates below were last set.
pub const AMOUNT_CEILINGS_AS_OF: &str = "2026-12-01";

impl AmountKind {
    /// The largest amount accepted, in US dollars. This is not law but a guard against
    /// typing slips and absurd values (an amount of 2^63−1 once broke every report): a migrant
    /// worker's monthly wage is a few hundred to a few thousand dollars, so $100,000 a month
    /// is far beyond any real one; wages owed to a group of a hundred workers for two years,
    /// or a fine on a company, reach a few million, so $10,000,000 leaves room for the
    /// largest. At these ceilings ten million wages, or a hundred thousand claims, still sum
    /// within 64 bits (reports sum in 128 bits all the same).
    pub fn ceiling_usd(self) -> i64 {
        match self {
            Self::MonthlyWage => 100_000,
            Self::Claim => 10_000_000,
        }
    }

    /// The ceiling in `currency`.
    pub fn ceiling(self, currency: Currency) -> Money {
        Money::from_major(self.ceiling_usd() * units_per_usd(currency), currency)
    }
}

/// Units of each currency to a US dollar, rounded up generously from the rates of
/// [`AMOUNT_CEILINGS_AS_OF`] (KZT ~520, UZS ~12,000, KGS ~87, TJS ~10, RUB ~80) so that a
/// currency that loses value keeps room under its ceiling. Only for the ceilings: reports
/// convert with the exchange rates an organisation enters.
fn units_per_usd(currency: Currency) -> i64 {
    match currency {
        Currency::USD => 1,
        Currency::KZT => 1_000,
        Currency::UZS => 25_000,
        Currency::KGS => 200,
        Currency::TJS => 25,
        Currency::RUB => 200,
    }
}

/// An amount given must not be negative nor above its kind's ceiling in its currency.
pub fn check_amount(errors: &mut Vec<ValidationError>, field: &'static str, amount: Option<Money>, kind: AmountKind) {
    let Some(amount) = amount else { return };
    let ceiling = kind.ceiling(amount.currency);
    if amount.minor < 0 {
        errors.push(ValidationError::Negative { field });
    } else if amount.minor > ceiling.minor {
        errors.push(ValidationError::TooLarge { field, max: ceiling });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_read_only_as_yyyy_mm_dd_in_the_years_accepted() {
        assert_eq!(parse_day("2025-02-03"), NaiveDate::from_ymd_opt(2025, 2, 3));
        assert_eq!(parse_day("2008-02-29"), NaiveDate::from_ymd_opt(2008, 2, 29));
        for bad in [
            "2025-2-3",
            "+002025-01-01",
            "-2025-01-01",
            "-0001-01-01",
            "2009-02-29",
            " 2025-02-03",
            "2025-02-03 ",
            "2025/02/03",
            "20250203",
            "1899-12-31",
            "2101-01-01",
            "9999-12-31",
            "０２０２５-01-01",
            "२०२५-०१-०१",
            "",
        ] {
            assert_eq!(parse_day(bad), None, "{bad:?}");
        }
        assert!(parse_day("1900-01-01").is_some() && parse_day("2100-12-31").is_some());
    }

    #[test]
    fn a_moment_may_be_ahead_by_the_clock_skew_only() {
        let now = Utc::now();
        let check = |at| {
            let mut errors = Vec::new();
            check_past(&mut errors, "received_at", at, now);
            errors
        };
        assert!(check(now + chrono::Duration::minutes(CLOCK_SKEW_MINUTES)).is_empty());
        assert_eq!(
            check(now + chrono::Duration::minutes(CLOCK_SKEW_MINUTES + 1)),
            [ValidationError::Future { field: "received_at" }]
        );
        let far = NaiveDate::from_ymd_opt(9999, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
        assert_eq!(check(far), [ValidationError::Future { field: "received_at" }]);
        let old = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
        assert_eq!(check(old), [ValidationError::Invalid { field: "received_at" }]);
    }

    #[test]
    fn control_characters_are_refused_and_line_breaks_only_in_multi_line_text() {
        let line = |t: &str| {
            let mut e = Vec::new();
            check_line(&mut e, "f", t, 100);
            e
        };
        let text = |t: &str| {
            let mut e = Vec::new();
            check_text(&mut e, "f", t, 100);
            e
        };
        let refused = vec![ValidationError::ControlCharacter { field: "f" }];
        for bad in ["a\0b", "\u{7}", "\u{1b}[31m", "\u{7f}", "\u{85}", "a\u{2028}b", "\u{2029}", "\u{202E}gpj.exe"] {
            assert_eq!(line(bad), refused, "{bad:?}");
            assert_eq!(text(bad), refused, "{bad:?}");
        }
        for multi in ["one\ntwo", "one\r\ntwo", "a\tb"] {
            assert_eq!(line(multi), refused, "{multi:?}");
            assert!(text(multi).is_empty(), "{multi:?}");
        }
        for fine in ["Хусан Тошматов", "Ҳусан", "می\u{200C}خواهم", "\u{200F}علي", "O'g'li", ""]
        {
            assert!(line(fine).is_empty(), "{fine:?}");
        }
    }

    #[test]
    fn a_name_of_invisible_characters_is_no_name() {
        let name = |t: &str| {
            let mut e = Vec::new();
            check_name(&mut e, "full_name", t, 100);
            e
        };
        for bad in ["\u{200B}", "\u{200B}\u{200C}\u{200D}", "\u{FEFF}\u{2060}", "\u{00AD}", "\u{3164}", " \u{200B} "] {
            assert_eq!(name(bad), [ValidationError::Invalid { field: "full_name" }], "{bad:?}");
        }
        assert!(name("").is_empty(), "an absent name is for the field's own rule");
        assert!(name("Ли").is_empty() && name("X").is_empty() && name("7").is_empty());
    }

    #[test]
    fn amounts_are_bounded_per_kind_in_every_currency() {
        let check = |minor, currency, kind| {
            let mut e = Vec::new();
            check_amount(&mut e, "wage", Some(Money { minor, currency }), kind);
            e
        };
        assert!(check(30_000_000, Currency::KZT, AmountKind::MonthlyWage).is_empty());
        let ceiling = AmountKind::MonthlyWage.ceiling(Currency::KZT);
        assert!(check(ceiling.minor, Currency::KZT, AmountKind::MonthlyWage).is_empty());
        assert_eq!(
            check(ceiling.minor + 1, Currency::KZT, AmountKind::MonthlyWage),
            [ValidationError::TooLarge { field: "wage", max: ceiling }]
        );
        assert_eq!(check(-1, Currency::USD, AmountKind::Claim), [ValidationError::Negative { field: "wage" }]);
        for currency in Currency::ALL {
            for (kind, records) in [(AmountKind::MonthlyWage, 10_000_000), (AmountKind::Claim, 100_000)] {
                assert!(!check(i64::MAX, currency, kind).is_empty());
                assert!(kind.ceiling(currency).minor.checked_mul(records).is_some(), "{currency:?} {kind:?}");
            }
        }
    }
}
