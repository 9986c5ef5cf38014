//! The arithmetic of a report's figures: rounding halves up, shares that keep their part and
//! whole, and the seed's way of showing dollars.
//!
//! Must not round anything it keeps: rounding is only ever a way of showing an exact figure.

use serde::{Deserialize, Serialize};

use crate::Money;

/// `numerator / denominator` rounded to the nearest integer, halves away from zero; `None`
/// when the denominator is zero or the figures are beyond 128 bits.
pub fn round_half_up(numerator: i128, denominator: i128) -> Option<i128> {
    if denominator == 0 {
        return None;
    }
    let (n, d) = if denominator < 0 { (numerator.checked_neg()?, -denominator) } else { (numerator, denominator) };
    let half_up = n.checked_abs()?.checked_mul(2)?.checked_add(d)? / d.checked_mul(2)?;
    Some(if n < 0 { -half_up } else { half_up })
}

/// A part of a whole, kept exact: "860 of the 2,000 appeals that named a sector".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Share {
    pub part: u64,
    pub whole: u64,
}

impl Share {
    pub fn new(part: u64, whole: u64) -> Self {
        Self { part, whole }
    }

    /// Whole percent, halves rounded up (3.5 % shows as 4 %); `None` for a share of nothing.
    pub fn percent(&self) -> Option<u64> {
        self.scaled(100)
    }

    /// Hundredths of a percent, halves rounded up: 1 of 3 is 3,333.
    pub fn basis_points(&self) -> Option<u64> {
        self.scaled(10_000)
    }

    fn scaled(&self, by: i128) -> Option<u64> {
        round_half_up(i128::from(self.part) * by, i128::from(self.whole)).and_then(|v| u64::try_from(v).ok())
    }
}

/// The dollar figure as the seed's annual report prints it: cut (not rounded) to one decimal,
/// "266.6" for $266.67. Only a way of showing it; the report keeps the cents.
pub fn one_decimal_truncated(amount: Money) -> String {
    let tenths = amount.minor / 10;
    let sign = if amount.minor < 0 { "-" } else { "" };
    format!("{sign}{}.{}", (tenths / 10).abs(), (tenths % 10).abs())
}
