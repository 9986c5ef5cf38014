//! Tests of periods, the arithmetic, rates and averages, and of reports built from figures.

use chrono::NaiveDate;

use super::period::PeriodFields;
use super::*;
use crate::{Currency, Money, ValidationError};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn usd_2008() -> Rates {
    let rates = [
        ExchangeRate { currency: Currency::USD, valid_from: day(2008, 1, 1), tenge_per_unit_minor: 15_000 },
        ExchangeRate { currency: Currency::USD, valid_from: day(2009, 1, 1), tenge_per_unit_minor: 14_750 },
    ];
    Rates::in_force(&rates, day(2008, 1, 1))
}

fn kzt_wages(appeals: u64, each_tenge: i64) -> WageSums {
    WageSums { appeals, sums: vec![(Currency::KZT, i128::from(each_tenge) * 100 * i128::from(appeals))] }
}

#[test]
fn periods_are_years_quarters_months_or_any_run_of_days() {
    let year = Period::year(2008).unwrap();
    assert_eq!((year.from(), year.to(), year.days()), (day(2008, 1, 1), day(2008, 12, 31), 366));
    assert_eq!(year.kind(), PeriodKind::Year(2008));
    assert_eq!(year.months().len(), 12);
    let q = Period::quarter(2008, 4).unwrap();
    assert_eq!((q.from(), q.to(), q.kind()), (day(2008, 10, 1), day(2008, 12, 31), PeriodKind::Quarter(2008, 4)));
    let feb = Period::month(2008, 2).unwrap();
    assert_eq!((feb.to(), feb.kind(), feb.end()), (day(2008, 2, 29), PeriodKind::Month(2008, 2), day(2008, 3, 1)));
    let custom = Period::custom(day(2008, 1, 15), day(2008, 3, 10)).unwrap();
    assert_eq!(custom.kind(), PeriodKind::Custom);
    let months = custom.months();
    assert_eq!(months.len(), 3);
    assert_eq!((months[0].from, months[0].to), (day(2008, 1, 15), day(2008, 1, 31)));
    assert_eq!((months[2].from, months[2].to), (day(2008, 3, 1), day(2008, 3, 10)));
    let one_day = Period::custom(day(2008, 5, 1), day(2008, 5, 1)).unwrap();
    assert_eq!((one_day.days(), one_day.months().len()), (1, 1));
}

#[test]
fn a_reversed_range_or_an_impossible_period_is_refused_with_its_field() {
    let err = Period::custom(day(2008, 12, 31), day(2008, 1, 1)).unwrap_err();
    assert_eq!(err, PeriodError::Reversed { from: day(2008, 12, 31), to: day(2008, 1, 1) });
    assert_eq!(err.to_string(), "the period ends on 2008-01-01, before it starts on 2008-12-31");
    assert_eq!(ValidationError::from(err).field(), "to");
    assert_eq!(Period::month(2008, 13).unwrap_err().field(), "month");
    assert_eq!(Period::quarter(2008, 0).unwrap_err().field(), "quarter");
    assert_eq!(Period::year(99_999).unwrap_err().field(), "year");
    // The years of every other day in Komek (rules::FIRST_YEAR..=LAST_YEAR), no others.
    assert_eq!(Period::year(1899).unwrap_err(), PeriodError::YearOutOfRange { year: 1899 });
    assert_eq!(Period::year(2101).unwrap_err().to_string(), "the year 2101 is out of range (1900 to 2100)");
    assert!(Period::year(1900).is_ok() && Period::year(2100).is_ok());
    // A period read from a form or from JSON goes through the same check.
    let fields = PeriodFields { from: day(2008, 12, 31), to: day(2008, 1, 1) };
    assert!(Period::try_from(fields).is_err());
}

#[test]
fn shares_keep_part_and_whole_and_round_halves_up_for_display() {
    assert_eq!(Share::new(860, 2_000).percent(), Some(43));
    assert_eq!(Share::new(1, 8).percent(), Some(13), "12.5 % shows as 13 %");
    assert_eq!(Share::new(1, 40).percent(), Some(3), "2.5 % shows as 3 %");
    assert_eq!(Share::new(1, 3).basis_points(), Some(3_333));
    assert_eq!(Share::new(2, 3).basis_points(), Some(6_667));
    assert_eq!(Share::new(0, 0).percent(), None);
    assert_eq!(round_half_up(-5, 2), Some(-3));
    assert_eq!(round_half_up(5, -2), Some(-3));
    assert_eq!(round_half_up(1, 0), None);
}

#[test]
fn the_seed_wage_table_at_150_tenge_a_dollar() {
    let rates = usd_2008();
    let (handyman, missing) = average_wage(&kzt_wages(247, 18_000), &rates);
    assert!(missing.is_empty());
    assert_eq!(handyman.tenge, Some(Money::from_major(18_000, Currency::KZT)));
    assert_eq!(handyman.dollars, Some(Money { minor: 12_000, currency: Currency::USD }), "$120.00");
    let (foreman, _) = average_wage(&kzt_wages(66, 40_000), &rates);
    assert_eq!(foreman.dollars, Some(Money { minor: 26_667, currency: Currency::USD }), "$266.67");
    assert_eq!(one_decimal_truncated(foreman.dollars.unwrap()), "266.6");
    for (tenge, seed) in [(20_000, "133.3"), (25_000, "166.6"), (10_000, "66.6"), (22_000, "146.6"), (18_000, "120.0")]
    {
        let (avg, _) = average_wage(&kzt_wages(3, tenge), &rates);
        assert_eq!(one_decimal_truncated(avg.dollars.unwrap()), seed, "{tenge} tenge");
    }
}

#[test]
fn an_average_is_taken_once_from_the_exact_sum() {
    // 10,000.01 + 10,000.00 + 10,000.00 tenge: the average is 10,000.00 (33.333… tiyn over).
    let sums = WageSums { appeals: 3, sums: vec![(Currency::KZT, 3_000_001)] };
    let (avg, _) = average_wage(&sums, &usd_2008());
    assert_eq!(avg.tenge, Some(Money { minor: 1_000_000, currency: Currency::KZT }));
    assert_eq!(avg.dollars, Some(Money { minor: 6_667, currency: Currency::USD }));
    // A wage stated in dollars is converted at the same rate: $100 and 15,000 tenge average
    // 15,000 tenge, $100.
    let mixed = WageSums { appeals: 2, sums: vec![(Currency::KZT, 1_500_000), (Currency::USD, 10_000)] };
    let (avg, missing) = average_wage(&mixed, &usd_2008());
    assert!(missing.is_empty());
    assert_eq!(avg.tenge, Some(Money::from_major(15_000, Currency::KZT)));
    assert_eq!(avg.dollars, Some(Money::from_major(100, Currency::USD)));
}

#[test]
fn a_missing_rate_is_named_and_only_its_figures_are_missing() {
    let none = Rates::in_force(&[], day(2008, 1, 1));
    let (avg, missing) = average_wage(&kzt_wages(2, 18_000), &none);
    assert_eq!(avg.tenge, Some(Money::from_major(18_000, Currency::KZT)));
    assert_eq!((avg.dollars, missing), (None, vec![Currency::USD]));
    let rub = WageSums { appeals: 1, sums: vec![(Currency::RUB, 1_000_000)] };
    let (avg, missing) = average_wage(&rub, &usd_2008());
    assert_eq!((avg.tenge, avg.dollars, missing), (None, None, vec![Currency::RUB]));
}

#[test]
fn the_rate_in_force_is_the_latest_started_on_or_before_the_day() {
    let rates = [
        ExchangeRate { currency: Currency::USD, valid_from: day(2008, 1, 1), tenge_per_unit_minor: 15_000 },
        ExchangeRate { currency: Currency::USD, valid_from: day(2009, 1, 1), tenge_per_unit_minor: 14_750 },
        ExchangeRate { currency: Currency::RUB, valid_from: day(2008, 6, 1), tenge_per_unit_minor: 500 },
    ];
    let in_2008 = Rates::in_force(&rates, day(2008, 12, 31));
    assert_eq!(in_2008.tenge_per_unit_minor(Currency::USD), Some(15_000));
    assert_eq!(in_2008.tenge_per_unit_minor(Currency::RUB), Some(500));
    assert_eq!(Rates::in_force(&rates, day(2009, 1, 1)).tenge_per_unit_minor(Currency::USD), Some(14_750));
    assert_eq!(Rates::in_force(&rates, day(2008, 5, 31)).tenge_per_unit_minor(Currency::RUB), None);
    assert_eq!(Rates::in_force(&rates, day(2007, 12, 31)).tenge_per_unit_minor(Currency::USD), None);
    assert_eq!(in_2008.tenge_per_unit_minor(Currency::KZT), Some(100));
    assert_eq!(
        in_2008.convert(Money::from_major(300_000, Currency::KZT), Currency::USD),
        Some(Money::from_major(2_000, Currency::USD))
    );
    assert_eq!(
        in_2008.convert(Money::from_major(1_000, Currency::RUB), Currency::KZT),
        Some(Money::from_major(5_000, Currency::KZT))
    );
}

#[test]
fn a_rate_must_be_positive_and_not_for_the_tenge() {
    let rate = ExchangeRate { currency: Currency::USD, valid_from: day(2008, 1, 1), tenge_per_unit_minor: 15_000 };
    assert!(rate.validate().is_empty());
    assert_eq!(rate.tenge_per_unit().to_string(), "150 ₸");
    let fields = |r: ExchangeRate| r.validate().iter().map(|e| e.field()).collect::<Vec<_>>();
    assert_eq!(fields(ExchangeRate { tenge_per_unit_minor: 0, ..rate }), vec!["rate"]);
    assert_eq!(fields(ExchangeRate { currency: Currency::KZT, ..rate }), vec!["currency"]);
}

fn group(channel: &str, sector: Option<&str>, reason: Option<&str>, appeals: u64) -> AppealGroup {
    AppealGroup {
        channel: channel.into(),
        sector: sector.map(Into::into),
        reason: reason.map(Into::into),
        appeals,
        ..Default::default()
    }
}

fn set(topics: &[&str], help: &[&str], appeals: u64) -> TopicSet {
    TopicSet {
        topics: topics.iter().map(|t| t.to_string()).collect(),
        help: help.iter().map(|h| h.to_string()).collect(),
        appeals,
    }
}

#[test]
fn nothing_counted_gives_every_table_empty_and_says_so() {
    let report = build(Period::year(2030).unwrap(), None, &Figures::default(), &usd_2008());
    assert!(report.empty);
    assert_eq!(report.tables.iter().map(|t| t.id).collect::<Vec<_>>(), table::ALL);
    assert!(report.tables.iter().all(|t| t.rows.is_empty()), "{report:?}");
    assert!(report.missing_rates.is_empty(), "no wages, no rate needed");
}

#[test]
fn appeals_are_counted_once_per_topic_and_once_per_group() {
    let figures = Figures {
        appeal_groups: vec![
            group("hotline-phone", Some("construction"), Some("economic"), 6),
            group("walk-in", Some("agriculture"), None, 3),
            group("walk-in", None, Some("family"), 1),
        ],
        topic_sets: vec![
            set(&["employment", "registration"], &["legal-consultation"], 4),
            set(&["citizenship", "employment-contract"], &[], 2),
            set(&["private-matter"], &["information", "legal-consultation"], 3),
            set(&["custom-topic"], &[], 1),
        ],
        ..Default::default()
    };
    let report = build(Period::year(2008).unwrap(), None, &figures, &usd_2008());
    assert!(!report.empty);
    let t = |id| report.table(id).unwrap();
    assert_eq!(t(table::APPEALS_TOTAL).count("total", column::APPEALS), Some(10));
    let topics = t(table::APPEALS_BY_TOPIC);
    assert_eq!(topics.count("employment", column::APPEALS), Some(4));
    assert_eq!(topics.count("employment-contract", column::APPEALS), Some(2));
    assert_eq!(topics.count("custom-topic", column::APPEALS), Some(1));
    assert_eq!(topics.count("employment-contracts-registration", column::APPEALS), Some(6), "4 + 2, each once");
    assert_eq!(topics.count("citizenship-residence", column::APPEALS), Some(2));
    assert_eq!(topics.count("private-matters", column::APPEALS), Some(3));
    assert_eq!(topics.count("legal-consultations", column::APPEALS), Some(7));
    // Known codes in the list's order, an organisation's own after them, then the groups.
    let labels: Vec<&Label> = topics.rows.iter().map(|r| &r.label).collect();
    assert_eq!(labels[0], &Label::Code("employment".into()));
    assert_eq!(labels[5], &Label::Code("custom-topic".into()));
    assert_eq!(labels[6], &Label::Group("employment-contracts-registration"));
    assert_eq!(topics.label_id(labels[0]).as_deref(), Some("lookup-topic-employment"));
    assert_eq!(t(table::APPEALS_BY_HELP).count("legal-consultation", column::APPEALS), Some(7));
    let channels = t(table::APPEALS_BY_CHANNEL);
    assert_eq!(channels.cell("walk-in", column::SHARE), Some(&Cell::Share(Share::new(4, 10))));
    // Sectors as shares of the 9 appeals that named one; the tenth is unstated.
    let sectors = t(table::SECTORS);
    assert_eq!(sectors.cell("construction", column::SHARE), Some(&Cell::Share(Share::new(6, 9))));
    assert_eq!(sectors.unstated, Some(1));
    let reasons = t(table::MIGRATION_REASONS);
    assert_eq!(reasons.cell("family", column::SHARE), Some(&Cell::Share(Share::new(1, 7))));
    assert_eq!(reasons.unstated, Some(3));
}

#[test]
fn wages_are_averaged_per_occupation_and_a_missing_dollar_rate_is_reported() {
    let wage = |occupation: &str, currency, wages, sum| AppealGroup {
        channel: "hotline-phone".into(),
        occupation: Some(occupation.into()),
        wage_currency: Some(currency),
        appeals: wages + 1,
        wages,
        wage_sum: sum,
        ..Default::default()
    };
    let figures = Figures {
        appeal_groups: vec![
            wage("foreman", Currency::KZT, 2, 8_000_000),
            wage("handyman", Currency::KZT, 1, 1_700_000),
            wage("handyman", Currency::KZT, 1, 1_900_000),
        ],
        ..Default::default()
    };
    let report = build(Period::year(2008).unwrap(), None, &figures, &usd_2008());
    let wages = report.table(table::WAGES_BY_OCCUPATION).unwrap();
    assert_eq!(wages.rows[0].label, Label::Code("handyman".into()), "the list's order");
    assert_eq!(wages.count("handyman", column::APPEALS), Some(2));
    assert_eq!(
        wages.cell("handyman", column::AVERAGE_KZT),
        Some(&Cell::Money(Money::from_major(18_000, Currency::KZT)))
    );
    assert_eq!(
        wages.cell("foreman", column::AVERAGE_USD),
        Some(&Cell::Money(Money { minor: 26_667, currency: Currency::USD }))
    );
    assert!(report.missing_rates.is_empty());

    let no_rates = Rates::in_force(&[], day(2008, 1, 1));
    let report = build(Period::year(2008).unwrap(), None, &figures, &no_rates);
    assert_eq!(report.missing_rates, vec![MissingRate { currency: Currency::USD, on: day(2008, 1, 1) }]);
    let wages = report.table(table::WAGES_BY_OCCUPATION).unwrap();
    assert_eq!(wages.cell("foreman", column::AVERAGE_USD), Some(&Cell::Missing));
    assert_eq!(
        wages.cell("foreman", column::AVERAGE_KZT),
        Some(&Cell::Money(Money::from_major(40_000, Currency::KZT)))
    );
}

#[test]
fn case_tables_list_codes_with_a_total_and_indicators_as_shares_of_those_assessed() {
    let figures = Figures {
        victims: vec![("identified".into(), 40), ("presumed".into(), 2)],
        repatriated: vec![("IL".into(), 1), ("UZ".into(), 27), ("KZ".into(), 1)],
        services: vec![("repatriation".into(), 29)],
        recovered: vec![Recovered { currency: Currency::KZT, claimed: 30_000_000, recovered: 15_000_000, services: 1 }],
        proceedings: vec![("sentence".into(), 1)],
        assessed: vec![("ilo-2012-forced-labour".into(), 4)],
        assessed_persons: 4,
        indicators_yes: vec![("fl-p-confiscation-documents".into(), 3)],
        tags_yes: vec![("retention-of-documents".into(), 3)],
        ..Default::default()
    };
    let report = build(Period::year(2008).unwrap(), None, &figures, &usd_2008());
    let t = |id| report.table(id).unwrap();
    assert_eq!(t(table::VICTIMS_ASSISTED).count("total", column::PERSONS), Some(42));
    let repatriated = t(table::REPATRIATED_BY_CITIZENSHIP);
    let order: Vec<&Label> = repatriated.rows.iter().map(|r| &r.label).collect();
    assert_eq!(order, [&Label::Code("UZ".into()), &Label::Code("KZ".into()), &Label::Code("IL".into()), &Label::Total]);
    assert_eq!(repatriated.count("total", column::PERSONS), Some(29));
    assert_eq!(t(table::PROCEEDINGS_BY_OUTCOME).count("sentence", column::PROCEEDINGS), Some(1));
    let recovered = t(table::WAGES_RECOVERED);
    assert_eq!(recovered.cell("KZT", column::RECOVERED), Some(&Cell::Money(Money::from_major(150_000, Currency::KZT))));
    let prevalence = t(table::INDICATOR_PREVALENCE);
    let fl = crate::indicators::FORCED_LABOUR.indicators.len();
    assert_eq!(prevalence.rows.len(), fl, "every indicator of the catalogue used, zeros too");
    assert_eq!(prevalence.cell("fl-p-confiscation-documents", column::SHARE), Some(&Cell::Share(Share::new(3, 4))));
    let tags = t(table::INDICATOR_TAGS);
    assert_eq!(tags.rows.len(), 11);
    assert_eq!(tags.count("retention-of-documents", column::YES), Some(3));
    assert_eq!(tags.count("deception", column::YES), Some(0));
}

fn sent(partner: &str, kind: &str, status: &str, referrals: u64) -> ReferralGroup {
    ReferralGroup {
        direction: crate::referrals::Direction::Outgoing,
        partner: partner.into(),
        partner_kind: kind.into(),
        status: status.into(),
        referrals,
    }
}

fn reply(kind: &str, days: Option<u32>, referrals: u64) -> ReplyDays {
    ReplyDays { partner_kind: kind.into(), days, referrals }
}

#[test]
fn the_median_is_the_middle_day_and_the_lower_middle_of_an_even_count() {
    let of = |pairs: &[(u32, u64)]| median_days(&pairs.iter().copied().collect());
    assert_eq!(of(&[]), None);
    assert_eq!(of(&[(4, 0)]), None, "a line of nobody is nothing to take the middle of");
    assert_eq!(of(&[(9, 1)]), Some(9));
    assert_eq!(of(&[(1, 1), (2, 1), (30, 1)]), Some(2), "the middle, not the mean");
    assert_eq!(of(&[(1, 1), (5, 1)]), Some(1), "even: the lower of the two middle values");
    assert_eq!(of(&[(0, 3), (7, 2), (8, 2)]), Some(7));
    assert_eq!(of(&[(0, 4), (7, 3)]), Some(0));
}

#[test]
fn a_period_without_referrals_or_victims_has_the_new_tables_empty() {
    let report = build(Period::year(2008).unwrap(), None, &Figures::default(), &usd_2008());
    assert!(report.empty);
    assert_eq!(report.tables.iter().map(|t| t.id).collect::<Vec<_>>(), table::ALL);
    for id in &table::ALL[15..] {
        assert!(report.table(id).unwrap().rows.is_empty(), "{id}");
    }
}

#[test]
fn one_referral_sent_fills_the_sent_tables_and_leaves_the_received_ones_empty() {
    let figures = Figures {
        referrals: vec![sent("Шелтер «Сана Сезім»", "shelter", "accepted", 1)],
        reply_days: vec![reply("shelter", Some(3), 1)],
        ..Default::default()
    };
    let report = build(Period::year(2008).unwrap(), None, &figures, &usd_2008());
    assert!(!report.empty, "a referral is something that happened");
    let t = |id| report.table(id).unwrap();
    assert_eq!(t(table::REFERRALS_SENT_BY_PARTNER_KIND).count("shelter", column::REFERRALS), Some(1));
    assert_eq!(t(table::REFERRALS_SENT_BY_PARTNER_KIND).count("total", column::REFERRALS), Some(1));
    assert_eq!(t(table::REFERRALS_SENT_BY_STATUS).count("accepted", column::REFERRALS), Some(1));
    let partners = t(table::REFERRALS_SENT_BY_PARTNER);
    assert_eq!(partners.count("Шелтер «Сана Сезім»", column::REFERRALS), Some(1));
    assert_eq!(partners.label_id(&partners.rows[0].label), None, "a partner's name is shown as it is");
    for id in [
        table::REFERRALS_RECEIVED_BY_PARTNER_KIND,
        table::REFERRALS_RECEIVED_BY_STATUS,
        table::REFERRALS_RECEIVED_BY_PARTNER,
    ] {
        assert!(t(id).rows.is_empty(), "{id}");
    }
    let days = t(table::REFERRAL_REPLY_DAYS);
    for row in ["shelter", "total"] {
        assert_eq!(days.count(row, column::REFERRALS), Some(1));
        assert_eq!(days.count(row, column::REPLIED), Some(1));
        assert_eq!(days.count(row, column::MEDIAN_DAYS), Some(3));
        assert_eq!(days.count(row, column::AWAITING), Some(0));
    }
}

#[test]
fn referrals_add_up_by_kind_status_and_partner_and_replies_per_kind_and_overall() {
    let incoming = |partner: &str, kind: &str, n| ReferralGroup {
        direction: crate::referrals::Direction::Incoming,
        ..sent(partner, kind, "received", n)
    };
    let figures = Figures {
        referrals: vec![
            sent("Police of Almaty", "police", "sent", 2),
            sent("Police of Almaty", "police", "declined", 1),
            sent("Sana Sezim", "shelter", "closed", 4),
            sent("Rodnik", "ngo", "accepted", 1),
            incoming("Rodnik", "ngo", 5),
        ],
        reply_days: vec![
            reply("police", None, 2),
            reply("police", Some(10), 1),
            reply("shelter", Some(1), 3),
            reply("shelter", Some(6), 1),
            reply("ngo", Some(2), 1),
        ],
        ..Default::default()
    };
    let report = build(Period::year(2008).unwrap(), None, &figures, &usd_2008());
    let t = |id| report.table(id).unwrap();
    let kinds = t(table::REFERRALS_SENT_BY_PARTNER_KIND);
    let order: Vec<&Label> = kinds.rows.iter().map(|r| &r.label).collect();
    assert_eq!(
        order,
        [&Label::Code("police".into()), &Label::Code("shelter".into()), &Label::Code("ngo".into()), &Label::Total],
        "the list's order"
    );
    assert_eq!(kinds.count("police", column::REFERRALS), Some(3));
    assert_eq!(kinds.count("total", column::REFERRALS), Some(8));
    let statuses = t(table::REFERRALS_SENT_BY_STATUS);
    assert_eq!(statuses.count("closed", column::REFERRALS), Some(4));
    assert_eq!(statuses.count("total", column::REFERRALS), Some(8));
    let partners = t(table::REFERRALS_SENT_BY_PARTNER);
    assert_eq!(partners.rows[0].label, Label::Code("Sana Sezim".into()), "most referrals first");
    assert_eq!(partners.count("Police of Almaty", column::REFERRALS), Some(3));
    assert_eq!(t(table::REFERRALS_RECEIVED_BY_PARTNER).count("Rodnik", column::REFERRALS), Some(5));
    assert_eq!(t(table::REFERRALS_RECEIVED_BY_PARTNER_KIND).count("total", column::REFERRALS), Some(5));

    let days = t(table::REFERRAL_REPLY_DAYS);
    assert_eq!(days.count("police", column::REPLIED), Some(1));
    assert_eq!(days.count("police", column::AWAITING), Some(2));
    assert_eq!(days.count("police", column::MEDIAN_DAYS), Some(10));
    assert_eq!(days.count("shelter", column::MEDIAN_DAYS), Some(1));
    // Overall: 1, 1, 1, 2, 6, 10 — the lower middle is 1.
    assert_eq!(days.count("total", column::REFERRALS), Some(8));
    assert_eq!(days.count("total", column::REPLIED), Some(6));
    assert_eq!(days.count("total", column::AWAITING), Some(2));
    assert_eq!(days.count("total", column::MEDIAN_DAYS), Some(1));

    let waiting = Figures { reply_days: vec![reply("police", None, 2)], ..Default::default() };
    let report = build(Period::year(2008).unwrap(), None, &waiting, &usd_2008());
    let days = report.table(table::REFERRAL_REPLY_DAYS).unwrap();
    assert_eq!(days.cell("police", column::MEDIAN_DAYS), Some(&Cell::Empty), "no reply, no median");
}

#[test]
fn victims_are_broken_down_by_sex_age_band_and_citizenship() {
    let profile = |sex: &str, age: &str, citizenship: &str, persons| VictimProfile {
        sex: sex.into(),
        age_band: age.into(),
        citizenship: citizenship.into(),
        persons,
    };
    let figures = Figures {
        victims: vec![("identified".into(), 5), ("presumed".into(), 2)],
        victim_profiles: vec![
            profile("male", "30-38", "UZ", 4),
            profile("female", "18-20", "UZ", 1),
            profile("female", "30-38", "KG", 2),
        ],
        ..Default::default()
    };
    let report = build(Period::year(2008).unwrap(), None, &figures, &usd_2008());
    let t = |id| report.table(id).unwrap();
    assert_eq!(t(table::VICTIMS_BY_SEX).count("female", column::PERSONS), Some(3));
    assert_eq!(t(table::VICTIMS_BY_SEX).count("male", column::PERSONS), Some(4));
    assert_eq!(t(table::VICTIMS_BY_AGE_BAND).count("30-38", column::PERSONS), Some(6));
    assert_eq!(t(table::VICTIMS_BY_CITIZENSHIP).count("UZ", column::PERSONS), Some(5));
    for id in [table::VICTIMS_BY_SEX, table::VICTIMS_BY_AGE_BAND, table::VICTIMS_BY_CITIZENSHIP] {
        assert_eq!(t(id).count("total", column::PERSONS), Some(7), "{id}: the victims assisted");
    }
}

#[test]
fn visits_add_up_by_district_kind_of_place_and_month_column_by_column() {
    // The seed's raid (63 people, 11 minors, 3 violations) and its return visit, and a
    // vineyard in Sairam.
    let figures = Figures {
        visits: vec![
            VisitGroup::in_2008(9, "maktaaral", "cotton-field", [1, 63, 11, 3]),
            VisitGroup::in_2008(10, "maktaaral", "cotton-field", [1, 58, 0, 1]),
            VisitGroup::in_2008(10, "sairam", "vineyard", [2, 40, 2, 0]),
        ],
        violations: vec![
            ("documents-withheld".to_owned(), 1),
            ("no-written-contract".to_owned(), 2),
            ("child-labour".to_owned(), 1),
        ],
        ..Default::default()
    };
    let report = build(Period::year(2008).unwrap(), None, &figures, &usd_2008());
    assert!(!report.empty, "a visit is something that happened");
    let t = |id| report.table(id).unwrap();
    let district = t(table::VISITS_BY_DISTRICT);
    assert_eq!(district.count("maktaaral", column::VISITS), Some(2));
    assert_eq!(district.count("maktaaral", column::PEOPLE_MET), Some(121));
    assert_eq!(district.count("maktaaral", column::MINORS_MET), Some(11));
    assert_eq!(district.count("maktaaral", column::VIOLATIONS), Some(4));
    assert_eq!(district.count("total", column::PEOPLE_MET), Some(161));
    assert_eq!(district.rows[0].label, Label::Code("maktaaral".to_owned()), "in the list's order");
    assert_eq!(t(table::VISITS_BY_PLACE_KIND).count("vineyard", column::VISITS), Some(2));
    assert_eq!(t(table::VISITS_BY_PLACE_KIND).count("total", column::VIOLATIONS), Some(4));
    let months = t(table::VISITS_BY_MONTH);
    assert_eq!(months.rows.len(), 13, "every month of the year and the total");
    assert_eq!(months.count("2008-01", column::VISITS), Some(0), "a month without a visit is a zero");
    assert_eq!(months.count("2008-10", column::PEOPLE_MET), Some(98));
    assert_eq!(months.count("total", column::VISITS), Some(4));
    let kinds = t(table::VIOLATIONS_BY_KIND);
    assert_eq!(kinds.count("no-written-contract", column::VIOLATIONS), Some(2));
    assert_eq!(kinds.rows[0].label, Label::Code("documents-withheld".to_owned()), "in the list's order");
    assert_eq!(kinds.count("total", column::VIOLATIONS), Some(4), "the violations found, as by district");

    let none = build(Period::year(2008).unwrap(), None, &Figures::default(), &usd_2008());
    for id in VISIT_TABLES.into_iter().chain([table::VIOLATIONS_BY_KIND]) {
        assert!(none.table(id).unwrap().rows.is_empty(), "{id}: no visit, no lines");
    }
}
