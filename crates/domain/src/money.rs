//! Money: integer minor units with an ISO 4217 currency. Never floats.

use std::fmt;

/// Currencies seen in this work: wages in tenge, som and somoni, roubles and dollars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Currency {
    KZT,
    USD,
    UZS,
    KGS,
    TJS,
    RUB,
}

impl Currency {
    pub const ALL: [Currency; 6] = [Self::KZT, Self::USD, Self::UZS, Self::KGS, Self::TJS, Self::RUB];

    pub fn code(self) -> &'static str {
        match self {
            Self::KZT => "KZT",
            Self::USD => "USD",
            Self::UZS => "UZS",
            Self::KGS => "KGS",
            Self::TJS => "TJS",
            Self::RUB => "RUB",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    /// Minor units in one major unit (all of ours have two decimals).
    pub fn minor_per_major(self) -> i64 {
        100
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Self::KZT => "₸",
            Self::USD => "$",
            Self::RUB => "₽",
            Self::UZS | Self::KGS | Self::TJS => self.code(),
        }
    }
}

/// An amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn from_major(major: i64, currency: Currency) -> Self {
        Self { minor: major * currency.minor_per_major(), currency }
    }

    /// Parses what a person types: "18000", "18 000", "18,000.50", "18000,5".
    pub fn parse(text: &str, currency: Currency) -> Option<Self> {
        let cleaned: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\'').collect();
        if cleaned.is_empty() || cleaned.starts_with('-') {
            return None;
        }
        // The last separator followed by one or two digits is the decimal mark; others group.
        let (whole, frac) = match cleaned.rfind([',', '.']) {
            Some(pos) if cleaned.len() - pos - 1 <= 2 => (&cleaned[..pos], &cleaned[pos + 1..]),
            _ => (cleaned.as_str(), ""),
        };
        let whole: String = whole.chars().filter(|c| *c != ',' && *c != '.').collect();
        if whole.is_empty() && frac.is_empty() {
            return None;
        }
        if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let major: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        let cents: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().ok()? * 10,
            _ => frac.parse().ok()?,
        };
        let minor = major.checked_mul(currency.minor_per_major())?.checked_add(cents)?;
        Some(Self { minor, currency })
    }
}

impl fmt::Display for Money {
    /// "18 000 ₸", "120.50 $": thousands grouped with a thin space, cents only when present.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per = self.currency.minor_per_major();
        let major = self.minor / per;
        let cents = (self.minor % per).abs();
        let digits = major.abs().to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('\u{202f}');
            }
            grouped.push(ch);
        }
        if self.minor < 0 {
            f.write_str("-")?;
        }
        if cents == 0 {
            write!(f, "{grouped} {}", self.currency.symbol())
        } else {
            write!(f, "{grouped}.{cents:02} {}", self.currency.symbol())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_amounts_parse_the_way_people_write_them() {
        let kzt = |s| Money::parse(s, Currency::KZT).map(|m| m.minor);
        assert_eq!(kzt("18000"), Some(1_800_000));
        assert_eq!(kzt("18 000"), Some(1_800_000));
        assert_eq!(kzt("300,000"), Some(30_000_000));
        assert_eq!(kzt("18000.5"), Some(1_800_050));
        assert_eq!(kzt("18000,50"), Some(1_800_050));
        assert_eq!(kzt("1.234.567"), Some(123_456_700));
        assert_eq!(kzt("-5"), None);
        assert_eq!(kzt("abc"), None);
        assert_eq!(kzt(""), None);
    }

    #[test]
    fn amounts_display_grouped_with_their_symbol() {
        assert_eq!(Money::from_major(300_000, Currency::KZT).to_string(), "300\u{202f}000 ₸");
        assert_eq!(Money { minor: 12_050, currency: Currency::USD }.to_string(), "120.50 $");
    }

    #[test]
    fn currency_codes_round_trip() {
        for c in Currency::ALL {
            assert_eq!(Currency::parse(c.code()), Some(c));
        }
        assert_eq!(Currency::parse("kzt"), Some(Currency::KZT));
        assert_eq!(Currency::parse("XXX"), None);
    }
}
