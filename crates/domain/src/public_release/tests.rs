use proptest::prelude::*;

use super::*;
use crate::reports::{AppealGroup, ExchangeRate, Figures, Rates, Recovered, TopicSet, VisitGroup, YearMonth, build};
use crate::{Currency, Money};

fn rates() -> Rates {
    let day = chrono::NaiveDate::from_ymd_opt(2008, 1, 1).unwrap();
    Rates::in_force(&[ExchangeRate { currency: Currency::USD, valid_from: day, tenge_per_unit_minor: 15_000 }], day)
}

fn year() -> Period {
    Period::year(2008).unwrap()
}

fn group(channel: &str, sector: Option<&str>, occupation: Option<(&str, u64)>, appeals: u64) -> AppealGroup {
    AppealGroup {
        channel: channel.into(),
        sector: sector.map(Into::into),
        reason: None,
        occupation: occupation.map(|(o, _)| o.into()),
        wage_currency: occupation.map(|_| Currency::KZT),
        appeals,
        wages: occupation.map_or(0, |(_, n)| n),
        wage_sum: occupation.map_or(0, |(_, n)| i128::from(n) * 2_000_000),
    }
}

fn months(counts: &[u64]) -> Vec<(YearMonth, u64)> {
    counts.iter().enumerate().map(|(m, n)| (YearMonth { year: 2008, month: m as u32 + 1 }, *n)).collect()
}

/// Every figure of a release table, as (row code, column id, figure).
fn shown_figures(t: &ReleaseTable) -> Vec<(String, &'static str, Figure)> {
    t.rows.iter().flat_map(|r| t.columns.iter().zip(&r.figures).map(move |(c, f)| (r.code(), c.id, *f))).collect()
}

/// The hidden counts of a list whose total is shown cannot be worked out: none hidden, or at
/// least two of which one is above 1 (so that 1 can move between them).
fn list_is_safe(report: &Table, release: &ReleaseTable, column: &str) -> bool {
    let Some(at) = report.columns.iter().position(|c| c.id == column) else { return true };
    let mut truth: Vec<u64> = report
        .rows
        .iter()
        .filter(|r| r.label != Label::Total)
        .map(|r| match r.cells[at] {
            Cell::Count(n) => n,
            _ => 0,
        })
        .collect();
    truth.extend(report.unstated);
    let hidden: Vec<u64> = release
        .rows
        .iter()
        .filter(|r| r.label != RowLabel::Report(Label::Total))
        .zip(&truth)
        .filter(|(r, _)| r.figures[0] == Figure::Hidden)
        .map(|(_, n)| *n)
        .collect();
    hidden.is_empty() || (hidden.len() >= 2 && hidden.iter().sum::<u64>() > hidden.len() as u64)
}

#[test]
fn small_counts_averages_and_sums_of_few_are_hidden_and_shares_left_out() {
    let figures = Figures {
        appeals_by_month: months(&[40, 3, 57]),
        appeal_groups: vec![
            group("hotline-phone", Some("construction"), Some(("builder", 30)), 60),
            group("walk-in", Some("agriculture"), Some(("foreman", 2)), 37),
            group("email", None, None, 3),
        ],
        topic_sets: vec![TopicSet { topics: vec!["employment".into()], help: vec![], appeals: 100 }],
        victims: vec![("identified".into(), 12), ("presumed".into(), 4)],
        repatriated: vec![("UZ".into(), 27), ("IL".into(), 1), ("KZ".into(), 1)],
        recovered: vec![Recovered { currency: Currency::KZT, claimed: 9_000_000, recovered: 3_000_000, services: 2 }],
        ..Default::default()
    };
    let report = build(year(), None, &figures, &rates());
    let release = release(&report, DEFAULT_THRESHOLD);
    let published: Vec<&str> = table::ALL.into_iter().filter(|id| !table::STAFF_ONLY.contains(id)).collect();
    assert_eq!(release.tables.iter().map(|t| t.id).collect::<Vec<_>>(), published, "partners are named to staff only");
    for t in &release.tables {
        assert!(t.columns.iter().all(|c| c.kind != ColumnKind::Share), "{} keeps no shares", t.id);
        for (row, column, f) in shown_figures(t) {
            if let Figure::Count(n) = f {
                assert!(n == 0 || n >= DEFAULT_THRESHOLD, "{}: {row}/{column} shows {n}", t.id);
            }
        }
    }
    let t = |id| release.table(id).unwrap();
    assert_eq!(t(table::APPEALS_TOTAL).figure("total", column::APPEALS), Some(Figure::Count(100)));
    // February's 3 is hidden, and one more month with it, or it would be 100 − 40 − 57.
    let by_month = t(table::APPEALS_BY_MONTH);
    assert_eq!(by_month.figure("2008-02", column::APPEALS), Some(Figure::Hidden));
    assert_eq!(by_month.rows.iter().filter(|r| r.figures[0] == Figure::Hidden).count(), 2);
    // The sectors: 3 appeals gave none, a "not stated" line hidden with another.
    let sectors = t(table::SECTORS);
    assert_eq!(sectors.figure("not-stated", column::APPEALS), Some(Figure::Hidden));
    assert!(list_is_safe(report.table(table::SECTORS).unwrap(), sectors, column::APPEALS));
    // The foreman's wage averages two wages: the whole line is hidden; the builders' shows.
    let wages = t(table::WAGES_BY_OCCUPATION);
    assert!(wages.rows.iter().find(|r| r.code() == "foreman").unwrap().figures.iter().all(|f| *f == Figure::Hidden));
    assert_eq!(
        wages.figure("builder", column::AVERAGE_KZT),
        Some(Figure::Money(Money::from_major(20_000, Currency::KZT)))
    );
    // Two services recovered wages: their sums are hidden.
    assert!(t(table::WAGES_RECOVERED).rows[0].figures.iter().all(|f| *f == Figure::Hidden));
    // Victims: 4 presumed hidden, so the 12 identified too (the total 16 is shown).
    let victims = t(table::VICTIMS_ASSISTED);
    assert_eq!(victims.figure("total", column::PERSONS), Some(Figure::Count(16)));
    assert_eq!(victims.figure("identified", column::PERSONS), Some(Figure::Hidden));
    // Repatriated: Israel's and Kazakhstan's one each are hidden and, being 1 and 1 under a
    // shown total, Uzbekistan's 27 with them.
    let home = t(table::REPATRIATED_BY_CITIZENSHIP);
    assert_eq!(home.figure("UZ", column::PERSONS), Some(Figure::Hidden));
    assert_eq!(home.figure("total", column::PERSONS), Some(Figure::Count(29)));
}

#[test]
fn a_total_one_list_must_hide_is_hidden_in_every_table() {
    // Twelve months of one appeal each: every month is hidden, and with the total shown
    // each would still be known to be 1; so the total goes, here and in every other table.
    let figures = Figures {
        appeals_by_month: months(&[1; 12]),
        appeal_groups: vec![group("hotline-phone", Some("construction"), None, 12)],
        ..Default::default()
    };
    let report = build(year(), None, &figures, &rates());
    let release = release(&report, DEFAULT_THRESHOLD);
    let t = |id| release.table(id).unwrap();
    assert_eq!(t(table::APPEALS_TOTAL).figure("total", column::APPEALS), Some(Figure::Hidden));
    assert!(t(table::APPEALS_BY_MONTH).rows.iter().all(|r| r.figures[0] == Figure::Hidden));
    // The channel's 12 stands alone: with the total hidden it says nothing of the months.
    assert_eq!(t(table::APPEALS_BY_CHANNEL).figure("hotline-phone", column::APPEALS), Some(Figure::Count(12)));
}

#[test]
fn thresholds_outside_the_range_are_refused_with_their_field() {
    assert_eq!(check_threshold(10), Ok(10));
    assert_eq!(check_threshold(MIN_THRESHOLD), Ok(MIN_THRESHOLD));
    assert_eq!(check_threshold(1).unwrap_err().field(), "threshold");
    assert_eq!(check_threshold(MAX_THRESHOLD + 1).unwrap_err().field(), "threshold");
}

fn random_figures() -> impl Strategy<Value = Figures> {
    let count = prop_oneof![Just(0u64), 1u64..12, 10u64..300];
    (
        prop::collection::vec(count.clone(), 1..=12),
        prop::collection::vec((0usize..4, 0usize..4, count.clone()), 0..10),
        prop::collection::vec(count, 0..5),
    )
        .prop_map(|(month_counts, groups, home)| {
            const CHANNELS: [&str; 4] = ["hotline-phone", "walk-in", "email", "mobile-group"];
            const SECTORS: [Option<&str>; 4] = [Some("construction"), Some("agriculture"), Some("services"), None];
            const COUNTRIES: [&str; 5] = ["UZ", "KG", "TJ", "IL", "KZ"];
            // The groups' appeals are the months' appeals, spread over channels and sectors.
            let total: u64 = month_counts.iter().sum();
            let mut left = total;
            let mut appeal_groups: Vec<AppealGroup> = groups
                .iter()
                .map(|(c, s, n)| {
                    let n = (*n).min(left);
                    left -= n;
                    group(CHANNELS[*c], SECTORS[*s], None, n)
                })
                .collect();
            appeal_groups.push(group("hotline-phone", None, None, left));
            Figures {
                appeals_by_month: months(&month_counts),
                appeal_groups,
                repatriated: home.iter().enumerate().map(|(i, n)| (COUNTRIES[i].to_owned(), *n)).collect(),
                ..Default::default()
            }
        })
}

proptest! {
    /// On random reports: no shown count is small; every list that adds up to a shown total
    /// hides either nothing or enough that no hidden count can be worked out; and the
    /// appeals' total is shown in one table only if every list over it is safe with it.
    #[test]
    fn a_release_never_shows_a_small_count_nor_one_that_can_be_worked_out(
        figures in random_figures(),
        threshold in 2u64..15,
    ) {
        let report = build(year(), None, &figures, &rates());
        let release = release(&report, threshold);
        for t in &release.tables {
            for (row, column, f) in shown_figures(t) {
                if let Figure::Count(n) = f {
                    prop_assert!(n == 0 || n >= threshold, "{}: {}/{} shows {}", t.id, row, column, n);
                }
            }
        }
        let total_shown = matches!(
            release.table(table::APPEALS_TOTAL).and_then(|t| t.figure("total", column::APPEALS)),
            Some(Figure::Count(_))
        );
        if total_shown {
            for id in OF_ALL_APPEALS {
                let (r, p) = (report.table(id).unwrap(), release.table(id).unwrap());
                prop_assert!(list_is_safe(r, p, column::APPEALS), "{} is not safe: {:?}", id, p);
            }
        }
        let home = release.table(table::REPATRIATED_BY_CITIZENSHIP).unwrap();
        if matches!(home.figure("total", column::PERSONS), Some(Figure::Count(_))) {
            let r = report.table(table::REPATRIATED_BY_CITIZENSHIP).unwrap();
            prop_assert!(list_is_safe(r, home, column::PERSONS));
        }
    }
}

#[test]
fn small_referral_and_victim_counts_are_hidden_partners_left_out_and_medians_shown_only_of_enough_replies() {
    use crate::referrals::Direction;
    use crate::reports::{ReferralGroup, ReplyDays, VictimProfile};
    let sent = |partner: &str, kind: &str, referrals| ReferralGroup {
        direction: Direction::Outgoing,
        partner: partner.into(),
        partner_kind: kind.into(),
        status: "accepted".into(),
        referrals,
    };
    let profile = |sex: &str, persons| VictimProfile {
        sex: sex.into(),
        age_band: "30-38".into(),
        citizenship: "UZ".into(),
        persons,
    };
    let figures = Figures {
        victims: vec![("identified".into(), 25)],
        victim_profiles: vec![profile("male", 22), profile("female", 3)],
        referrals: vec![sent("Almaty police", "police", 20), sent("Sana Sezim", "shelter", 2)],
        reply_days: vec![
            ReplyDays { partner_kind: "police".into(), days: Some(4), referrals: 12 },
            ReplyDays { partner_kind: "police".into(), days: None, referrals: 8 },
            ReplyDays { partner_kind: "shelter".into(), days: Some(1), referrals: 2 },
        ],
        ..Default::default()
    };
    let report = build(year(), None, &figures, &rates());
    let release = release(&report, DEFAULT_THRESHOLD);
    assert!(release.table(table::REFERRALS_SENT_BY_PARTNER).is_none(), "partners' names stay with the staff");
    assert!(release.table(table::REFERRALS_RECEIVED_BY_PARTNER).is_none());

    let kinds = release.table(table::REFERRALS_SENT_BY_PARTNER_KIND).unwrap();
    assert_eq!(kinds.figure("shelter", column::REFERRALS), Some(Figure::Hidden));
    assert_eq!(kinds.figure("police", column::REFERRALS), Some(Figure::Hidden), "or the shelter's 2 is 22 − 20");
    assert_eq!(kinds.figure("total", column::REFERRALS), Some(Figure::Count(22)));
    let report_kinds = report.table(table::REFERRALS_SENT_BY_PARTNER_KIND).unwrap();
    assert!(list_is_safe(report_kinds, kinds, column::REFERRALS));

    let sexes = release.table(table::VICTIMS_BY_SEX).unwrap();
    assert_eq!(sexes.figure("female", column::PERSONS), Some(Figure::Hidden));
    assert_eq!(sexes.figure("male", column::PERSONS), Some(Figure::Hidden));
    assert_eq!(sexes.figure("total", column::PERSONS), Some(Figure::Count(25)));
    let ages = release.table(table::VICTIMS_BY_AGE_BAND).unwrap();
    assert_eq!(ages.figure("30-38", column::PERSONS), Some(Figure::Count(25)));

    let days = release.table(table::REFERRAL_REPLY_DAYS).unwrap();
    assert_eq!(days.figure("police", column::MEDIAN_DAYS), Some(Figure::Count(4)), "twelve replies");
    assert_eq!(days.figure("shelter", column::MEDIAN_DAYS), Some(Figure::Hidden), "two replies");
    assert_eq!(days.figure("total", column::MEDIAN_DAYS), Some(Figure::Count(4)));
    for row in ["police", "shelter", "total"] {
        for col in [column::REFERRALS, column::REPLIED, column::AWAITING] {
            assert_eq!(days.figure(row, col), Some(Figure::Hidden), "{row}/{col}");
        }
    }
}

#[test]
fn visit_tables_hide_each_column_as_a_list_of_its_own() {
    let figures = Figures {
        visits: vec![
            VisitGroup::in_2008(9, "maktaaral", "cotton-field", [6, 63, 11, 9]),
            VisitGroup::in_2008(10, "sairam", "vineyard", [7, 40, 1, 8]),
            VisitGroup::in_2008(10, "tolebi", "construction-site", [8, 35, 0, 2]),
        ],
        violations: vec![
            ("documents-withheld".to_owned(), 2),
            ("no-written-contract".to_owned(), 11),
            ("child-labour".to_owned(), 6),
        ],
        ..Default::default()
    };
    let report = build(year(), None, &figures, &rates());
    let release = release(&report, 5);
    let districts = release.table(table::VISITS_BY_DISTRICT).unwrap();
    assert_eq!(districts.figure("maktaaral", column::PEOPLE_MET), Some(Figure::Count(63)));
    // One minor in Sairam is hidden, and with it the next smallest, so that the total (12)
    // does not give it back.
    assert_eq!(districts.figure("sairam", column::MINORS_MET), Some(Figure::Hidden));
    assert_eq!(districts.figure("tolebi", column::MINORS_MET), Some(Figure::Count(0)), "a zero is no one");
    assert_eq!(districts.figure("maktaaral", column::MINORS_MET), Some(Figure::Hidden));
    assert_eq!(districts.figure("total", column::MINORS_MET), Some(Figure::Count(12)));
    // Two violations in Tolebi are hidden, with the next smallest line of that column.
    assert_eq!(districts.figure("tolebi", column::VIOLATIONS), Some(Figure::Hidden));
    assert_eq!(districts.figure("sairam", column::VIOLATIONS), Some(Figure::Hidden));
    assert_eq!(districts.figure("maktaaral", column::VIOLATIONS), Some(Figure::Count(9)));
    assert_eq!(districts.figure("tolebi", column::VISITS), Some(Figure::Count(8)), "other columns stand");
    let months = release.table(table::VISITS_BY_MONTH).unwrap();
    assert_eq!(months.figure("2008-10", column::VISITS), Some(Figure::Count(15)));
    assert_eq!(months.figure("2008-10", column::MINORS_MET), Some(Figure::Hidden), "1 minor in October");
    assert_eq!(months.figure("2008-09", column::MINORS_MET), Some(Figure::Hidden), "or the total gives it back");
    assert_eq!(months.figure("total", column::MINORS_MET), Some(Figure::Count(12)));
    // The violations by kind add up to the same 19: the two found fewer than five times are
    // hidden with the next smallest.
    let kinds = release.table(table::VIOLATIONS_BY_KIND).unwrap();
    assert_eq!(kinds.figure("documents-withheld", column::VIOLATIONS), Some(Figure::Hidden));
    assert_eq!(kinds.figure("child-labour", column::VIOLATIONS), Some(Figure::Hidden));
    assert_eq!(kinds.figure("no-written-contract", column::VIOLATIONS), Some(Figure::Count(11)));
    assert_eq!(kinds.figure("total", column::VIOLATIONS), Some(Figure::Count(19)));
}

#[test]
fn a_release_covers_at_most_three_years() {
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(check_period(&Period::custom(day(2008, 1, 1), day(2010, 12, 31)).unwrap()), Ok(()));
    let longer = Period::custom(day(2008, 1, 1), day(2011, 1, 1)).unwrap();
    assert_eq!(check_period(&longer), Err(ValidationError::TooMany { field: "to", max: MAX_MONTHS }));
}
