//! The ledger check against an attacker written apart from it: the attacker knows every
//! record's month, office and kind as unknowns, writes every shown figure of every release as
//! an equation over them, and solves (fraction-free integer elimination) for each hidden figure
//! (one that was not public already when its release hid it) and for the groups of each month.

use proptest::prelude::*;

use super::*;
use crate::Currency;
use crate::public_release::release;
use crate::referrals::Direction;
use crate::reports::{AppealGroup, Figures, Rates, ReferralGroup, VictimProfile, VisitGroup, build};

const CHANNELS: [&str; 2] = ["phone", "visit"];
const REASONS: [Option<&str>; 2] = [None, Some("work")];
const OCCUPATIONS: [Option<&str>; 2] = [None, Some("builder")];
const STATUSES: [&str; 2] = ["identified", "presumed"];
/// The sex of the victims of each status (every victim is 18–20 and of Uzbekistan): the
/// tables of victims by sex, age and citizenship break down the same persons again.
const SEX_OF_STATUS: [&str; 2] = ["female", "male"];
const PARTNER_KINDS: [&str; 2] = ["police", "shelter"];
/// The districts the mobile group visits, and the one kind of place it finds in each: the
/// tables of visits by district and by kind of place break down the same visits again.
const DISTRICTS: [&str; 2] = ["maktaaral", "sairam"];
const PLACE_OF_DISTRICT: [&str; 2] = ["cotton-field", "vineyard"];
const YEAR: i32 = 2008;

fn office(n: usize) -> OfficeId {
    OfficeId(uuid::Uuid::from_u128(n as u128 + 1))
}

/// The kinds of appeal: (channel, reason, occupation).
fn kinds() -> Vec<(&'static str, Option<&'static str>, Option<&'static str>)> {
    let mut all = Vec::new();
    for c in CHANNELS {
        for r in REASONS {
            for o in OCCUPATIONS {
                all.push((c, r, o));
            }
        }
    }
    all
}

/// The records, as counts: appeals[month][office][kind], each appeal with an occupation
/// stating a wage of `wage(month, office, kind)` per appeal; victims[month][office][status];
/// referrals sent, referrals[month][office][partner kind]; minors met on the month's one
/// visit to each district, minors[month][office][district] (the attacker solves for minors
/// only: the other columns of the visit tables add up on their own in the same way).
#[derive(Debug, Clone)]
struct World {
    months: usize,
    appeals: Vec<Vec<Vec<u64>>>,
    wages: Vec<Vec<Vec<i128>>>,
    victims: Vec<Vec<Vec<u64>>>,
    referrals: Vec<Vec<Vec<u64>>>,
    minors: Vec<Vec<Vec<u64>>>,
}

/// A release asked for: first and last month (0-based), office (`None`: all), threshold.
#[derive(Debug, Clone, Copy)]
struct Ask {
    first: usize,
    last: usize,
    office: Option<usize>,
    threshold: u64,
}

impl Ask {
    fn period(&self) -> Period {
        let from = YearMonth { year: YEAR, month: self.first as u32 + 1 }.first_day().unwrap();
        let to = YearMonth { year: YEAR, month: self.last as u32 + 1 }.last_day().unwrap();
        Period::custom(from, to).unwrap()
    }

    fn covers(&self, month: usize, at: usize) -> bool {
        (self.first..=self.last).contains(&month) && self.office.is_none_or(|o| o == at)
    }
}

impl World {
    fn offices(&self) -> usize {
        self.appeals[0].len()
    }

    fn office_ids(&self) -> Vec<OfficeId> {
        (0..self.offices()).map(office).collect()
    }

    fn figures(&self, ask: &Ask) -> Figures {
        let mut f = Figures::default();
        for m in ask.first..=ask.last {
            let mut in_month = 0;
            for o in (0..self.offices()).filter(|&o| ask.covers(m, o)) {
                for (k, (channel, reason, occupation)) in kinds().into_iter().enumerate() {
                    let n = self.appeals[m][o][k];
                    in_month += n;
                    if n == 0 {
                        continue;
                    }
                    f.appeal_groups.push(AppealGroup {
                        channel: channel.into(),
                        sector: None,
                        reason: reason.map(Into::into),
                        occupation: occupation.map(Into::into),
                        wage_currency: occupation.map(|_| Currency::KZT),
                        appeals: n,
                        wages: if occupation.is_some() { n } else { 0 },
                        wage_sum: if occupation.is_some() { self.wages[m][o][k] } else { 0 },
                    });
                }
                for (s, status) in STATUSES.iter().enumerate() {
                    if self.victims[m][o][s] > 0 {
                        f.victims.push(((*status).to_owned(), self.victims[m][o][s]));
                        f.victim_profiles.push(VictimProfile {
                            sex: SEX_OF_STATUS[s].into(),
                            age_band: "18-20".into(),
                            citizenship: "UZ".into(),
                            persons: self.victims[m][o][s],
                        });
                    }
                }
                for (k, kind) in PARTNER_KINDS.iter().enumerate() {
                    if self.referrals[m][o][k] > 0 {
                        f.referrals.push(ReferralGroup {
                            direction: Direction::Outgoing,
                            partner: format!("{kind} of office {o}"),
                            partner_kind: (*kind).into(),
                            status: "sent".into(),
                            referrals: self.referrals[m][o][k],
                        });
                    }
                }
                for (d, district) in DISTRICTS.iter().enumerate() {
                    let counts = [1, 40, self.minors[m][o][d], 0];
                    f.visits.push(VisitGroup::in_2008(m as u32 + 1, district, PLACE_OF_DISTRICT[d], counts));
                }
            }
            f.appeals_by_month.push((YearMonth { year: YEAR, month: m as u32 + 1 }, in_month));
        }
        f
    }

    fn release(&self, ask: &Ask) -> Release {
        let report =
            build(ask.period(), ask.office.map(office), &self.figures(ask), &Rates::in_force(&[], ask.period().from()));
        release(&report, ask.threshold)
    }
}

// ---- The attacker ----

/// The unknowns: appeals and wage sums per (month, office, kind), victims per (month, office,
/// status).
#[derive(Clone, Copy)]
struct Unknowns {
    months: usize,
    offices: usize,
}

impl Unknowns {
    fn kinds(&self) -> usize {
        kinds().len()
    }
    fn appeal(&self, m: usize, o: usize, k: usize) -> usize {
        (m * self.offices + o) * self.kinds() + k
    }
    fn wage(&self, m: usize, o: usize, k: usize) -> usize {
        self.months * self.offices * self.kinds() + self.appeal(m, o, k)
    }
    fn victim(&self, m: usize, o: usize, s: usize) -> usize {
        2 * self.months * self.offices * self.kinds() + (m * self.offices + o) * STATUSES.len() + s
    }
    fn referral(&self, m: usize, o: usize, k: usize) -> usize {
        2 * self.months * self.offices * self.kinds()
            + self.months * self.offices * STATUSES.len()
            + (m * self.offices + o) * PARTNER_KINDS.len()
            + k
    }
    fn minors(&self, m: usize, o: usize, d: usize) -> usize {
        2 * self.months * self.offices * self.kinds()
            + self.months * self.offices * (STATUSES.len() + PARTNER_KINDS.len())
            + (m * self.offices + o) * DISTRICTS.len()
            + d
    }
    fn count(&self) -> usize {
        2 * self.months * self.offices * self.kinds()
            + self.months * self.offices * (STATUSES.len() + PARTNER_KINDS.len() + DISTRICTS.len())
    }
}

/// The unknowns a figure of a release adds up, as the report defines it.
fn unknowns_of(u: &Unknowns, ask: &Ask, table_id: &str, row: &str, column_id: &str) -> Option<Vec<usize>> {
    let mut out = Vec::new();
    for m in 0..u.months {
        for o in 0..u.offices {
            if !ask.covers(m, o) {
                continue;
            }
            let month_code = format!("{YEAR:04}-{:02}", m + 1);
            for (k, (channel, reason, occupation)) in kinds().into_iter().enumerate() {
                let take = match table_id {
                    table::APPEALS_TOTAL => true,
                    table::APPEALS_BY_MONTH => row == month_code || row == "total",
                    table::APPEALS_BY_CHANNEL => row == channel || row == "total",
                    table::MIGRATION_REASONS => match reason {
                        Some(r) => row == r || row == "total",
                        None => row == "not-stated" || row == "total",
                    },
                    table::SECTORS => row == "not-stated" || row == "total",
                    table::WAGES_BY_OCCUPATION => occupation == Some(row),
                    _ => false,
                };
                if take {
                    let wage_column = table_id == table::WAGES_BY_OCCUPATION && column_id != column::APPEALS;
                    out.push(if wage_column { u.wage(m, o, k) } else { u.appeal(m, o, k) });
                }
            }
            for (s, status) in STATUSES.iter().enumerate() {
                let line = match table_id {
                    table::VICTIMS_ASSISTED => *status,
                    table::VICTIMS_BY_SEX => SEX_OF_STATUS[s],
                    table::VICTIMS_BY_AGE_BAND => "18-20",
                    table::VICTIMS_BY_CITIZENSHIP => "UZ",
                    _ => continue,
                };
                if row == line || row == "total" {
                    out.push(u.victim(m, o, s));
                }
            }
            for (k, kind) in PARTNER_KINDS.iter().enumerate() {
                let line = match table_id {
                    table::REFERRALS_SENT_BY_PARTNER_KIND => *kind,
                    table::REFERRALS_SENT_BY_STATUS => "sent",
                    _ => continue,
                };
                if row == line || row == "total" {
                    out.push(u.referral(m, o, k));
                }
            }
            for d in 0..DISTRICTS.len() {
                let line = match table_id {
                    table::VISITS_BY_DISTRICT => DISTRICTS[d].to_owned(),
                    table::VISITS_BY_PLACE_KIND => PLACE_OF_DISTRICT[d].to_owned(),
                    table::VISITS_BY_MONTH => month_code.clone(),
                    _ => continue,
                };
                if column_id == column::MINORS_MET && (row == line || row == "total") {
                    out.push(u.minors(m, o, d));
                }
            }
        }
    }
    let minors_column = column_id == column::MINORS_MET
        && matches!(table_id, table::VISITS_BY_DISTRICT | table::VISITS_BY_PLACE_KIND | table::VISITS_BY_MONTH);
    let known_table = matches!(
        table_id,
        table::APPEALS_TOTAL
            | table::APPEALS_BY_MONTH
            | table::APPEALS_BY_CHANNEL
            | table::MIGRATION_REASONS
            | table::SECTORS
            | table::WAGES_BY_OCCUPATION
            | table::VICTIMS_ASSISTED
            | table::VICTIMS_BY_SEX
            | table::VICTIMS_BY_AGE_BAND
            | table::VICTIMS_BY_CITIZENSHIP
            | table::REFERRALS_SENT_BY_PARTNER_KIND
            | table::REFERRALS_SENT_BY_STATUS
    ) || minors_column;
    // Averages in dollars need a rate the test does not give: those figures are missing.
    (known_table && column_id != column::AVERAGE_USD).then_some(out)
}

/// Row echelon form over the integers (each row divided by the gcd of its entries).
struct Solver {
    rows: Vec<(usize, Vec<i128>)>,
}

fn reduce_row(row: &mut [i128]) {
    let g = row.iter().fold(0i128, |g, &x| gcd(g, x));
    if g > 1 {
        row.iter_mut().for_each(|x| *x /= g);
    }
}

impl Solver {
    fn new() -> Self {
        Self { rows: Vec::new() }
    }

    /// Eliminates `v` against the rows: what is left of it.
    fn rest(&self, v: &[i128]) -> Vec<i128> {
        let mut v = v.to_vec();
        for (pivot, row) in &self.rows {
            if v[*pivot] != 0 {
                let (a, b) = (row[*pivot], v[*pivot]);
                for (x, r) in v.iter_mut().zip(row) {
                    *x = *x * a - *r * b;
                }
                reduce_row(&mut v);
            }
        }
        v
    }

    fn add(&mut self, v: &[i128]) {
        let rest = self.rest(v);
        if let Some(pivot) = rest.iter().position(|&x| x != 0) {
            self.rows.push((pivot, rest));
        }
    }

    fn solves(&self, v: &[i128]) -> bool {
        self.rest(v).iter().all(|&x| x == 0)
    }
}

fn indicator(size: usize, of: &[usize]) -> Vec<i128> {
    let mut v = vec![0; size];
    for &i in of {
        v[i] += 1;
    }
    v
}

/// What the attacker gets from the releases: the hidden figures it works out, and the groups
/// of one month (in one office or all) of fewer than `threshold` people that it works out.
fn attack(world: &World, made: &[(Ask, Release)]) -> Vec<String> {
    let u = Unknowns { months: world.months, offices: world.offices() };
    let mut solver = Solver::new();
    // For each hidden figure, what was public when its release was made: a release may hide
    // what an earlier one showed, and that gives nothing away.
    let mut hidden = Vec::new();
    for (ask, r) in made {
        let public_before = Solver { rows: solver.rows.clone() };
        for f in figures_of(r) {
            let Some(of) = unknowns_of(&u, ask, &f.table, &f.row, &f.column) else { continue };
            match f.figure {
                Figure::Count(_) | Figure::Money(_) => solver.add(&indicator(u.count(), &of)),
                Figure::Hidden => {
                    let v = indicator(u.count(), &of);
                    if !public_before.solves(&v) {
                        hidden.push((format!("{ask:?} {}/{}/{}", f.table, f.row, f.column), of));
                    }
                }
                Figure::Missing => {}
            }
        }
        // A row a release leaves out is a zero: the report leaves out rows of zeros.
        for (table_id, rows) in [
            (table::APPEALS_BY_CHANNEL, CHANNELS.to_vec()),
            (table::MIGRATION_REASONS, vec!["work", "not-stated"]),
            (table::WAGES_BY_OCCUPATION, vec!["builder"]),
            (table::VICTIMS_ASSISTED, STATUSES.to_vec()),
            (table::VICTIMS_BY_SEX, SEX_OF_STATUS.to_vec()),
            (table::REFERRALS_SENT_BY_PARTNER_KIND, PARTNER_KINDS.to_vec()),
        ] {
            for row in rows {
                let present = r.table(table_id).is_some_and(|t| t.rows.iter().any(|x| x.code() == row));
                if !present && let Some(of) = unknowns_of(&u, ask, table_id, row, column::APPEALS) {
                    solver.add(&indicator(u.count(), &of));
                }
            }
        }
    }
    let mut found: Vec<String> =
        hidden.into_iter().filter(|(_, of)| solver.solves(&indicator(u.count(), of))).map(|(what, _)| what).collect();
    let threshold = made.iter().map(|(a, _)| a.threshold).min().unwrap_or(2);
    let truth = |of: &[usize]| -> u64 {
        of.iter()
            .map(|&i| {
                let (m, rest) = (i / (u.offices * u.kinds()), i % (u.offices * u.kinds()));
                if i < u.months * u.offices * u.kinds() {
                    world.appeals[m][rest / u.kinds()][rest % u.kinds()]
                } else {
                    0
                }
            })
            .sum()
    };
    for m in 0..u.months {
        for offices in (0..u.offices).map(|o| vec![o]).chain([(0..u.offices).collect()]) {
            let mut groups: Vec<(String, Vec<usize>, u64)> = Vec::new();
            let appeals = |pick: &dyn Fn(usize) -> bool| -> Vec<usize> {
                offices
                    .iter()
                    .flat_map(|&o| (0..u.kinds()).filter(|&k| pick(k)).map(move |k| u.appeal(m, o, k)))
                    .collect()
            };
            let all_kinds = kinds();
            let month_all = appeals(&|_| true);
            groups.push(("appeals".into(), month_all.clone(), truth(&month_all)));
            for c in CHANNELS {
                let of = appeals(&|k| all_kinds[k].0 == c);
                groups.push((format!("channel {c}"), of.clone(), truth(&of)));
            }
            let of = appeals(&|k| all_kinds[k].1.is_some());
            groups.push(("reason work".into(), of.clone(), truth(&of)));
            let of = appeals(&|k| all_kinds[k].2.is_some());
            groups.push(("wages of builders".into(), of.clone(), truth(&of)));
            for (s, status) in STATUSES.iter().enumerate() {
                let of: Vec<usize> = offices.iter().map(|&o| u.victim(m, o, s)).collect();
                let n = offices.iter().map(|&o| world.victims[m][o][s]).sum();
                groups.push((format!("victims {status}"), of, n));
            }
            for (k, kind) in PARTNER_KINDS.iter().enumerate() {
                let of: Vec<usize> = offices.iter().map(|&o| u.referral(m, o, k)).collect();
                let n = offices.iter().map(|&o| world.referrals[m][o][k]).sum();
                groups.push((format!("referrals to {kind}"), of, n));
            }
            let of: Vec<usize> =
                offices.iter().flat_map(|&o| (0..PARTNER_KINDS.len()).map(move |k| u.referral(m, o, k))).collect();
            let n = offices.iter().flat_map(|&o| world.referrals[m][o].iter()).sum();
            groups.push(("referrals".into(), of, n));
            for (d, district) in DISTRICTS.iter().enumerate() {
                let of: Vec<usize> = offices.iter().map(|&o| u.minors(m, o, d)).collect();
                let n = offices.iter().map(|&o| world.minors[m][o][d]).sum();
                groups.push((format!("minors met in {district}"), of, n));
            }
            let of: Vec<usize> =
                offices.iter().flat_map(|&o| (0..DISTRICTS.len()).map(move |d| u.minors(m, o, d))).collect();
            let n = offices.iter().flat_map(|&o| world.minors[m][o].iter()).sum();
            groups.push(("minors met".into(), of, n));
            for (what, of, n) in groups {
                if n > 0 && n < threshold && solver.solves(&indicator(u.count(), &of)) {
                    found.push(format!("{what} in month {} of offices {offices:?}: {n}", m + 1));
                }
            }
        }
    }
    found
}

// ---- The case of the issue ----

/// Twenty appeals a month by phone from January to November, three in December; eleven
/// builders stated a wage up to November and one in December.
fn year_world() -> World {
    let kinds = kinds();
    let builder = kinds.iter().position(|k| *k == ("visit", None, Some("builder"))).unwrap();
    let phone = kinds.iter().position(|k| *k == ("phone", None, None)).unwrap();
    let mut appeals = vec![vec![vec![0; kinds.len()]; 1]; 12];
    let mut wages = vec![vec![vec![0i128; kinds.len()]; 1]; 12];
    for (m, month) in appeals.iter_mut().enumerate() {
        month[0][phone] = if m < 11 { 20 } else { 3 };
        month[0][builder] = 1;
        wages[m][0][builder] = 6_317_797 + m as i128 * 10_000;
    }
    World {
        months: 12,
        appeals,
        wages,
        victims: vec![vec![vec![0; 2]; 1]; 12],
        referrals: vec![vec![vec![0; 2]; 1]; 12],
        minors: vec![vec![vec![0; DISTRICTS.len()]; 1]; 12],
    }
}

#[test]
fn the_year_next_to_january_to_november_is_refused_or_made_safe() {
    let world = year_world();
    let year = Ask { first: 0, last: 11, office: None, threshold: 10 };
    let to_november = Ask { first: 0, last: 10, office: None, threshold: 10 };
    let first = make_safe(&world.release(&year), &[], &world.office_ids()).expect("the first release stands alone");
    assert_eq!(first, world.release(&year), "a release alone is as public_release made it");
    let ledger = [Made::of(&first)];

    // Unchecked, the two give December away: its hidden month and its one builder's wage.
    let unchecked = attack(&world, &[(year, first.clone()), (to_november, world.release(&to_november))]);
    assert!(unchecked.iter().any(|l| l.contains("appeals-by-month/2008-12")), "{unchecked:?}");
    assert!(unchecked.iter().any(|l| l.contains("wages of builders in month 12")), "{unchecked:?}");

    match make_safe(&world.release(&to_november), &ledger, &world.office_ids()) {
        Err(collision) => assert_eq!(collision.earlier, Some(0)),
        Ok(safe) => {
            let found = attack(&world, &[(year, first), (to_november, safe)]);
            assert!(found.is_empty(), "{found:?}");
        }
    }
}

#[test]
fn the_same_release_again_is_safe_and_a_disjoint_one_is_untouched() {
    let world = year_world();
    let year = Ask { first: 0, last: 11, office: None, threshold: 10 };
    let first = world.release(&year);
    let again =
        make_safe(&first, &[Made::of(&first)], &world.office_ids()).expect("the same figures expose nothing more");
    assert_eq!(again, first);
    let half = Ask { first: 0, last: 5, office: None, threshold: 10 };
    let second_half = Ask { first: 6, last: 11, office: None, threshold: 10 };
    let h1 = world.release(&half);
    assert_eq!(
        make_safe(&world.release(&second_half), &[Made::of(&h1)], &world.office_ids()).unwrap(),
        world.release(&second_half)
    );
}

#[test]
fn a_recorded_release_is_restored_figure_for_figure() {
    let world = year_world();
    let ask = Ask { first: 0, last: 11, office: None, threshold: 10 };
    let r = world.release(&ask);
    let recorded: Vec<ShownFigure> = serde_json::from_str(&serde_json::to_string(&figures_of(&r)).unwrap()).unwrap();
    assert_eq!(restore(&r, &recorded), r);
}

// ---- Random worlds and releases ----

fn worlds() -> impl Strategy<Value = World> {
    (2usize..5, 1usize..3).prop_flat_map(|(months, offices)| {
        let count = prop_oneof![3 => 0u64..4, 2 => 4u64..15];
        let kinds = kinds().len();
        (
            proptest::collection::vec(
                proptest::collection::vec(proptest::collection::vec(count.clone(), kinds), offices),
                months,
            ),
            proptest::collection::vec(
                proptest::collection::vec(proptest::collection::vec(count.clone(), 2), offices),
                months,
            ),
            proptest::collection::vec(
                proptest::collection::vec(proptest::collection::vec(count.clone(), PARTNER_KINDS.len()), offices),
                months,
            ),
            proptest::collection::vec(
                proptest::collection::vec(proptest::collection::vec(count, DISTRICTS.len()), offices),
                months,
            ),
        )
            .prop_map(move |(appeals, victims, referrals, minors)| {
                let wages = appeals
                    .iter()
                    .enumerate()
                    .map(|(m, month)| {
                        month
                            .iter()
                            .map(|o| {
                                o.iter()
                                    .enumerate()
                                    .map(|(k, &n)| i128::from(n) * (5_000_000 + (m * 31 + k) as i128))
                                    .collect()
                            })
                            .collect()
                    })
                    .collect();
                World { months, appeals, wages, victims, referrals, minors }
            })
    })
}

fn asks(months: usize, offices: usize) -> impl Strategy<Value = Vec<Ask>> {
    proptest::collection::vec((0..months, 0..months, 0..=offices, 2u64..6), 1..5).prop_map(move |raw| {
        raw.into_iter()
            .map(|(a, b, o, threshold)| Ask {
                first: a.min(b),
                last: a.max(b),
                office: (o < offices).then_some(o),
                threshold,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_hidden_figure_of_the_accepted_releases_can_be_worked_out(
        (world, asked) in worlds().prop_flat_map(|w| { let (m, o) = (w.months, w.offices()); (Just(w), asks(m, o)) })
    ) {
        let mut ledger: Vec<Made> = Vec::new();
        let mut made: Vec<(Ask, Release)> = Vec::new();
        for ask in &asked {
            if let Ok(safe) = make_safe(&world.release(ask), &ledger, &world.office_ids()) {
                ledger.push(Made::of(&safe));
                made.push((*ask, safe));
            }
        }
        let found = attack(&world, &made);
        prop_assert!(found.is_empty(), "{:?} from {:?}", found, made.iter().map(|(a, _)| a).collect::<Vec<_>>());
    }
}

/// No appeals; two referrals to the police a month up to November, one in December, and
/// victims likewise.
fn referral_world() -> World {
    let mut world = year_world();
    world.appeals = vec![vec![vec![0; kinds().len()]; 1]; 12];
    world.wages = vec![vec![vec![0; kinds().len()]; 1]; 12];
    for m in 0..12 {
        let n = if m < 11 { 2 } else { 1 };
        world.referrals[m][0][0] = n;
        world.victims[m][0][0] = n;
    }
    world
}

#[test]
fn referrals_and_victims_of_december_are_not_given_away_by_the_year_next_to_january_to_november() {
    let world = referral_world();
    let year = Ask { first: 0, last: 11, office: None, threshold: 10 };
    let to_november = Ask { first: 0, last: 10, office: None, threshold: 10 };
    let first = make_safe(&world.release(&year), &[], &world.office_ids()).expect("the first release stands alone");
    let shown = |r: &Release, id: &str| r.table(id).and_then(|t| t.figure("police", column::REFERRALS));
    assert_eq!(shown(&first, table::REFERRALS_SENT_BY_PARTNER_KIND), Some(Figure::Count(23)));

    // Unchecked, the two give December's one referral and one victim away.
    let unchecked = attack(&world, &[(year, first.clone()), (to_november, world.release(&to_november))]);
    assert!(unchecked.iter().any(|l| l.starts_with("referrals to police in month 12")), "{unchecked:?}");
    assert!(unchecked.iter().any(|l| l.starts_with("victims identified in month 12")), "{unchecked:?}");

    match make_safe(&world.release(&to_november), &[Made::of(&first)], &world.office_ids()) {
        Err(collision) => assert_eq!(collision.earlier, Some(0)),
        Ok(safe) => {
            let found = attack(&world, &[(year, first), (to_november, safe)]);
            assert!(found.is_empty(), "{found:?}");
        }
    }
}

/// No appeals; two minors met in Maktaaral a month up to November, one in December.
fn minors_world() -> World {
    let mut world = referral_world();
    world.referrals = vec![vec![vec![0; 2]; 1]; 12];
    world.victims = vec![vec![vec![0; 2]; 1]; 12];
    for m in 0..12 {
        world.minors[m][0][0] = if m < 11 { 2 } else { 1 };
    }
    world
}

#[test]
fn minors_met_in_december_are_not_given_away_by_the_year_next_to_january_to_november() {
    let world = minors_world();
    let year = Ask { first: 0, last: 11, office: None, threshold: 10 };
    let to_november = Ask { first: 0, last: 10, office: None, threshold: 10 };
    let first = make_safe(&world.release(&year), &[], &world.office_ids()).expect("the first release stands alone");
    let minors =
        |r: &Release, row: &str| r.table(table::VISITS_BY_DISTRICT).and_then(|t| t.figure(row, column::MINORS_MET));
    assert_eq!(minors(&first, "maktaaral"), Some(Figure::Count(23)));

    // Unchecked, the two give December's one minor away.
    let unchecked = attack(&world, &[(year, first.clone()), (to_november, world.release(&to_november))]);
    assert!(unchecked.iter().any(|l| l.starts_with("minors met in maktaaral in month 12")), "{unchecked:?}");

    match make_safe(&world.release(&to_november), &[Made::of(&first)], &world.office_ids()) {
        Err(collision) => assert_eq!(collision.earlier, Some(0)),
        Ok(safe) => {
            let found = attack(&world, &[(year, first), (to_november, safe)]);
            assert!(found.is_empty(), "{found:?}");
        }
    }
}

#[test]
fn a_visit_total_one_table_must_hide_is_hidden_with_its_column_in_every_table() {
    // Ten months of one minor each, all in Maktaaral: the district's 10 reaches the threshold,
    // the months cannot cover each other, so the total goes — and with it every line of the
    // column, or the district's line would give the months back.
    let mut world = minors_world();
    for (m, month) in world.minors.iter_mut().enumerate() {
        month[0] = vec![u64::from(m < 10), 0];
    }
    let year = Ask { first: 0, last: 11, office: None, threshold: 10 };
    let release = world.release(&year);
    let minors = |id: &str, row: &str| release.table(id).and_then(|t| t.figure(row, column::MINORS_MET));
    for id in [table::VISITS_BY_DISTRICT, table::VISITS_BY_PLACE_KIND, table::VISITS_BY_MONTH] {
        assert_eq!(minors(id, "total"), Some(Figure::Hidden), "{id}");
    }
    assert_eq!(minors(table::VISITS_BY_DISTRICT, "maktaaral"), Some(Figure::Hidden));
    assert_eq!(minors(table::VISITS_BY_DISTRICT, "sairam"), Some(Figure::Count(0)), "a zero is no one");
    let visits = release.table(table::VISITS_BY_DISTRICT).and_then(|t| t.figure("total", column::VISITS));
    assert_eq!(visits, Some(Figure::Count(24)), "the other columns stand");
    assert_eq!(make_safe(&release, &[], &world.office_ids()).unwrap(), release, "a release alone stands as made");
    assert!(attack(&world, &[(year, release)]).is_empty());
}
