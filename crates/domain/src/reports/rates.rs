//! Exchange rates, dated, and the average wages they convert: the rates in force on a day,
//! conversion between currencies, and an average taken once from an exact sum.
//!
//! Must not fetch a rate from anywhere: the organisation enters them, and a missing one is
//! named, never guessed.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::period::check_year;
use super::round_half_up;
use crate::{Currency, Money, ValidationError};

/// The highest rate accepted, in tiyn: a million tenge to one unit.
pub const MAX_TENGE_PER_UNIT_MINOR: i64 = 100_000_000;

/// How many tenge one unit of a currency was worth from a day on, until the next rate of that
/// currency: 150.00 tenge per dollar from 2008-01-01 is `tenge_per_unit_minor: 15_000`.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRate {
    pub currency: Currency,
    pub valid_from: NaiveDate,
    /// Tenge per major unit, in tiyn (hundredths of a tenge).
    pub tenge_per_unit_minor: i64,
}

impl ExchangeRate {
    /// The rate as an amount of tenge.
    pub fn tenge_per_unit(&self) -> Money {
        Money { minor: self.tenge_per_unit_minor, currency: Currency::KZT }
    }

    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        if self.currency == Currency::KZT {
            errors.push(ValidationError::Invalid { field: "currency" });
        }
        // A dollar is some 520 tenge: a million tenge to one unit of any currency here is a slip.
        if self.tenge_per_unit_minor <= 0 || self.tenge_per_unit_minor > MAX_TENGE_PER_UNIT_MINOR {
            errors.push(ValidationError::Invalid { field: "rate" });
        }
        if check_year(self.valid_from.year()).is_err() {
            errors.push(ValidationError::Invalid { field: "valid_from" });
        }
        errors
    }
}

/// The rates in force on one day, one per currency that has any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rates {
    pub on: NaiveDate,
    in_force: Vec<ExchangeRate>,
}

impl Rates {
    /// From every rate known, those in force on `on`: per currency, the latest that started
    /// on or before it.
    pub fn in_force(all: &[ExchangeRate], on: NaiveDate) -> Self {
        let mut latest: BTreeMap<&str, ExchangeRate> = BTreeMap::new();
        for rate in all.iter().filter(|r| r.valid_from <= on) {
            let entry = latest.entry(rate.currency.code()).or_insert(*rate);
            if rate.valid_from > entry.valid_from {
                *entry = *rate;
            }
        }
        Self { on, in_force: latest.into_values().collect() }
    }

    /// The rate in force for `currency`, if there is one.
    pub fn rate(&self, currency: Currency) -> Option<&ExchangeRate> {
        self.in_force.iter().find(|r| r.currency == currency)
    }

    /// Tiyn per unit of `currency`: 100 for the tenge itself.
    pub fn tenge_per_unit_minor(&self, currency: Currency) -> Option<i64> {
        match currency {
            Currency::KZT => Some(100),
            other => self.rate(other).map(|r| r.tenge_per_unit_minor),
        }
    }

    /// `amount` in another currency, to the nearest minor unit; `None` without the rates.
    pub fn convert(&self, amount: Money, to: Currency) -> Option<Money> {
        let from_rate = i128::from(self.tenge_per_unit_minor(amount.currency)?);
        let to_rate = i128::from(self.tenge_per_unit_minor(to)?);
        let minor = round_half_up(i128::from(amount.minor) * from_rate, to_rate)?;
        Some(Money { minor: i64::try_from(minor).ok()?, currency: to })
    }
}

/// The wages an occupation's appeals stated: how many, and their sum in each currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WageSums {
    pub appeals: u64,
    /// Minor units per currency, each currency once.
    pub sums: Vec<(Currency, i128)>,
}

impl WageSums {
    /// Adds wages stated in one currency.
    pub fn add(&mut self, appeals: u64, currency: Currency, sum: i128) {
        self.appeals += appeals;
        match self.sums.iter_mut().find(|(c, _)| *c == currency) {
            Some((_, total)) => *total += sum,
            None => self.sums.push((currency, sum)),
        }
    }
}

/// An average monthly wage in tenge and in dollars, each to the cent (the tiyn), both from
/// the same exact sum; `None` where a rate is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WageAverage {
    pub appeals: u64,
    pub tenge: Option<Money>,
    pub dollars: Option<Money>,
    /// The wages sum to more than a figure can show (amounts entered before they were
    /// bounded): the averages are `None` for that, not for a missing rate.
    pub too_large: bool,
}

/// The average of the wages summed in `sums`, converted at `rates`; also the currencies whose
/// rate was needed and missing.
pub fn average_wage(sums: &WageSums, rates: &Rates) -> (WageAverage, Vec<Currency>) {
    let mut missing = Vec::new();
    // The sum in tiyn, times 100: each minor unit of a currency is its rate / 100 tiyn.
    let mut tiyn_x100: Option<i128> = Some(0);
    for (currency, sum) in &sums.sums {
        match rates.tenge_per_unit_minor(*currency) {
            Some(rate) => {
                tiyn_x100 = tiyn_x100.and_then(|t| t.checked_add(sum.checked_mul(i128::from(rate))?));
            }
            None => missing.push(*currency),
        }
    }
    let n = i128::from(sums.appeals);
    let too_large = tiyn_x100.is_none();
    let tiyn_x100 = tiyn_x100.unwrap_or(0);
    // An average past 64 bits is too large to show, like a sum past 128.
    let money = |minor: Option<i128>, currency| match minor.map(i64::try_from) {
        Some(Ok(minor)) => (Some(Money { minor, currency }), false),
        Some(Err(_)) => (None, true),
        None => (None, false),
    };
    let complete = missing.is_empty() && n > 0;
    let complete = complete && !too_large;
    let tenge = complete.then(|| round_half_up(tiyn_x100, 100 * n)).flatten();
    let dollars = match rates.tenge_per_unit_minor(Currency::USD) {
        Some(usd) if complete => round_half_up(tiyn_x100, n * i128::from(usd)),
        Some(_) => None,
        None => {
            if n > 0 {
                missing.push(Currency::USD);
            }
            None
        }
    };
    missing.sort_by_key(|c| c.code());
    missing.dedup();
    (
        {
            let ((tenge, big_tenge), (dollars, big_dollars)) =
                (money(tenge, Currency::KZT), money(dollars, Currency::USD));
            WageAverage { appeals: sums.appeals, tenge, dollars, too_large: too_large || big_tenge || big_dollars }
        },
        missing,
    )
}
