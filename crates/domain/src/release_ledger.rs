//! Public releases safe in combination: a new release may not, next to the releases already
//! made, give away what any of them hides.
//!
//! Each release alone is safe ([`crate::public_release`]), but two releases of overlapping
//! periods or offices are two sets of equations over the same records: the whole year next to
//! January–November gives December by difference, including cells the year hid and groups of
//! one or two people that no release would show. This module checks a new release against the
//! releases in the ledger and, where it would expose something, hides more of the new release
//! or says which earlier release it collides with.
//!
//! # The model
//!
//! Time is cut at every boundary of the releases' periods (and of the months the month table
//! shows), offices into the offices the releases name and "every other office". A piece of
//! time in an office is an *atom*. Every figure of a release is then a sum, over the atoms of
//! its period and office, of one *category* (a row of a table: a channel, a sector, the
//! appeals' total, a status of victims…). Atoms that every figure treats alike are one *block*.
//! The reader also knows that the lines of a list add up to its total in every block (the
//! appeals by channel, by reason with "not stated", by sector, to the appeals; a table's lines
//! to its total line), and that a row a release leaves out is a zero (reports leave out rows of
//! zero). An average wage is treated as giving away the sum of its group's wages: the line is
//! shown or hidden whole by the number of wages it averages, so the check follows that count.
//!
//! A value is derivable when its vector lies in the span of the shown figures' vectors (exact
//! rational arithmetic, Gaussian elimination; the sizes are small). A combination is **unsafe**
//! when it makes derivable
//! - a figure some release hides (of any release in the ledger, old or new), or
//! - a category over a union of blocks (a cell of a release nobody made, such as "December")
//!   whose value is from 1 to the smallest threshold of the releases involved, and which no
//!   release shows as a figure of its own.
//!
//! Releases whose periods and offices touch neither the new release nor those that touch it
//! cannot combine with it and are left out. Where the new release is unsafe, its shown figures
//! in the way are hidden one at a time, the smallest first, while that removes the exposure;
//! when nothing does, the release is refused naming the earlier release it collides with.
//!
//! # What the check does not cover
//!
//! - Bounds: every hidden count is at least 1 and a shown total caps it; inequalities are not
//!   equations, and one release's hiding already accounts for them ([`crate::suppression`]).
//! - Figures that changed between two releases because records were added or corrected later:
//!   the releases are then not consistent equations; equations that contradict each other are
//!   set aside, and the values worked out for small groups may be off. Two overlapping releases
//!   counted either side of a correction can give away the correction itself (the same release
//!   made again is not one of them: it gives the figures first recorded).
//! - Unions of many blocks: where more than [`FULL_SEARCH_BLOCKS`] unions of blocks of one
//!   category are derivable at once, only unions of up to two of them are tried.
//! - Tables whose lines do not add up (topics, kinds of help, indicators) are checked line by
//!   line with no relation between their lines; the appeals' total is related to the appeals
//!   lists only. Money figures follow their line's count and are not solved for.
//! - Differentially private releases (the ledger's "private" mode) are not in this check: their
//!   guarantee composes by the privacy budget instead.
//!
//! Must not do I/O.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::OfficeId;
use crate::public_release::{Figure, Release, ReleaseRow, ReleaseTable, RowLabel};
use crate::reports::{Label, Labels, Period, TOPIC_GROUPS, YearMonth, column, table};

/// Past this many free unions of blocks of one category, only small unions are tried.
pub const FULL_SEARCH_BLOCKS: usize = 12;
/// How many shown figures of a new release are tried, for each exposure, before refusing.
const TRIES_PER_EXPOSURE: usize = 24;

/// One figure of a release as it was published: by table id, row code and column id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownFigure {
    pub table: String,
    pub row: String,
    pub column: String,
    pub figure: Figure,
}

/// Every figure of a release, in its order: what the ledger keeps of it.
pub fn figures_of(release: &Release) -> Vec<ShownFigure> {
    let mut all = Vec::new();
    for t in &release.tables {
        for row in &t.rows {
            for (c, figure) in t.columns.iter().zip(&row.figures) {
                all.push(ShownFigure {
                    table: t.id.to_owned(),
                    row: row.code(),
                    column: c.id.to_owned(),
                    figure: *figure,
                });
            }
        }
    }
    all
}

/// `template` (a release of the same period, office and threshold) with the rows and figures
/// the ledger recorded, so that a package made again holds what was published the first time.
pub fn restore(template: &Release, figures: &[ShownFigure]) -> Release {
    let tables = template
        .tables
        .iter()
        .map(|t| {
            let mut rows: Vec<ReleaseRow> = Vec::new();
            for f in figures.iter().filter(|f| f.table == t.id) {
                let Some(at) = t.columns.iter().position(|c| c.id == f.column) else { continue };
                if rows.last().is_none_or(|r| r.code() != f.row) {
                    rows.push(ReleaseRow {
                        label: row_label(t.labels, &f.row),
                        figures: vec![Figure::Missing; t.columns.len()],
                    });
                }
                if let Some(row) = rows.last_mut() {
                    row.figures[at] = f.figure;
                }
            }
            ReleaseTable { rows, ..t.clone() }
        })
        .collect();
    Release { tables, ..template.clone() }
}

fn row_label(labels: Labels, code: &str) -> RowLabel {
    if code == "not-stated" {
        return RowLabel::NotStated;
    }
    if code == "total" {
        return RowLabel::Report(Label::Total);
    }
    if labels == Labels::Months
        && let Some(month) = YearMonth::parse(code)
    {
        return RowLabel::Report(Label::Month(month));
    }
    match TOPIC_GROUPS.iter().find(|g| g.code == code) {
        Some(group) => RowLabel::Report(Label::Group(group.code)),
        None => RowLabel::Report(Label::Code(code.to_owned())),
    }
}

/// A release as the check sees it: made earlier and recorded in the ledger, or the new one.
#[derive(Debug, Clone, PartialEq)]
pub struct Made {
    pub period: Period,
    pub office: Option<OfficeId>,
    pub threshold: u64,
    pub figures: Vec<ShownFigure>,
}

impl Made {
    pub fn of(release: &Release) -> Self {
        Self {
            period: release.period,
            office: release.office,
            // Only releases that hide small counts are checked here; a private one has none.
            threshold: release.threshold().unwrap_or(crate::public_release::MIN_THRESHOLD),
            figures: figures_of(release),
        }
    }
}

/// Why a new release cannot be made: it would expose, together with `earlier` (an index into
/// the releases it was checked against; `None` when nothing earlier is involved), something
/// hidden, and hiding more of it did not help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Collision {
    pub earlier: Option<usize>,
}

/// The new release, with more of it hidden where that was needed, when it is safe together
/// with `earlier` (see the module documentation); otherwise the earlier release it collides
/// with. `offices` are every office of the organisation: a release of all offices is the sum
/// of those (with none given, of the offices named and any others).
pub fn make_safe(new: &Release, earlier: &[Made], offices: &[OfficeId]) -> Result<Release, Collision> {
    let mut current = new.clone();
    loop {
        let leaks = match leaks(&current, earlier, offices) {
            Ok(leaks) => leaks,
            Err(TooLarge) => return Err(Collision { earlier: first_touching(new, earlier) }),
        };
        let Some(leak) = leaks.first() else { return Ok(current) };
        let mut fixed = None;
        for candidate in candidates(&current, leak).into_iter().take(TRIES_PER_EXPOSURE) {
            let trial = hidden_term(&current, &candidate);
            match self::leaks(&trial, earlier, offices) {
                Ok(after) if !after.iter().any(|l| l.same_as(leak)) => {
                    fixed = Some(trial);
                    break;
                }
                _ => {}
            }
        }
        match fixed {
            Some(trial) => current = trial,
            None => return Err(Collision { earlier: leak.earlier }),
        }
    }
}

fn first_touching(new: &Release, earlier: &[Made]) -> Option<usize> {
    let made = Made::of(new);
    earlier.iter().position(|e| touches(&made, e))
}

// ---------------------------------------------------------------------------------------
// Figures as sums of categories

/// The category of the appeals' total.
const APPEALS: &str = "appeals/total";

/// What a figure sums: a category over its release's period (or one month of it).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Term {
    category: String,
    month: Option<YearMonth>,
}

use crate::public_release::SELF_TOTALLED;
use crate::reports::{VISIT_COLUMNS, VISIT_TABLES};

/// The lists whose lines add up to the appeals' total.
const APPEAL_LISTS: [&str; 3] = [table::APPEALS_BY_CHANNEL, table::MIGRATION_REASONS, table::SECTORS];

/// Tables that break one whole down in different ways, by the whole's name: their total lines
/// are one figure. One table may hide it (its lines are all small) where another shows it (one
/// line holds everyone), so the reader has it from the one that shows it.
const SAME_WHOLE: [(&str, &[&str]); 3] = [
    (
        "victims",
        &[table::VICTIMS_ASSISTED, table::VICTIMS_BY_SEX, table::VICTIMS_BY_AGE_BAND, table::VICTIMS_BY_CITIZENSHIP],
    ),
    ("referrals-sent", &[table::REFERRALS_SENT_BY_PARTNER_KIND, table::REFERRALS_SENT_BY_STATUS]),
    ("referrals-received", &[table::REFERRALS_RECEIVED_BY_PARTNER_KIND, table::REFERRALS_RECEIVED_BY_STATUS]),
];

/// The whole a self-totalled table breaks down: its name in [`SAME_WHOLE`], else the table's.
fn whole_of(table_id: &str) -> &str {
    SAME_WHOLE.iter().find(|(_, tables)| tables.contains(&table_id)).map_or(table_id, |(whole, _)| whole)
}

/// The category of a self-totalled table's total line.
fn total_of(table_id: &str) -> String {
    format!("{}/total", whole_of(table_id))
}

/// The category of the visits' total in a column (visits, people met…): the total line of
/// every table of visits, which break it down by district, kind of place and month (and the
/// violations found by kind).
fn visits_total(column_id: &str) -> String {
    format!("visits/{column_id}/total")
}

/// The term of a figure, or `None` for figures the check does not solve for (money).
fn term(table_id: &str, row: &str, column_id: &str) -> Option<Term> {
    let plain = |category: String| Some(Term { category, month: None });
    match table_id {
        table::APPEALS_TOTAL => plain(APPEALS.to_owned()),
        table::APPEALS_BY_MONTH => match (row, YearMonth::parse(row)) {
            ("total", _) => plain(APPEALS.to_owned()),
            (_, Some(month)) => Some(Term { category: APPEALS.to_owned(), month: Some(month) }),
            _ => None,
        },
        id if APPEAL_LISTS.contains(&id) => {
            if row == "total" {
                plain(APPEALS.to_owned())
            } else {
                plain(format!("{id}/{row}"))
            }
        }
        // Each column of the visit tables adds up on its own; a month's line is that month's
        // share of the total, as for appeals.
        id if VISIT_TABLES.contains(&id) => match (row, YearMonth::parse(row)) {
            ("total", _) => plain(visits_total(column_id)),
            (_, Some(month)) if id == table::VISITS_BY_MONTH => {
                Some(Term { category: visits_total(column_id), month: Some(month) })
            }
            _ => plain(format!("{id}/{column_id}/{row}")),
        },
        id if SELF_TOTALLED.contains(&id) && row == "total" => plain(total_of(id)),
        id if SELF_TOTALLED.contains(&id) => plain(format!("{id}/{row}")),
        table::WAGES_BY_OCCUPATION => {
            (column_id == column::APPEALS).then(|| format!("{table_id}/{row}")).and_then(plain)
        }
        table::WAGES_RECOVERED => (column_id == column::SERVICES).then(|| format!("{table_id}/{row}")).and_then(plain),
        // Medians are not sums, and the counts beside them are never shown.
        table::REFERRAL_REPLY_DAYS => None,
        _ => plain(format!("{table_id}/{row}/{column_id}")),
    }
}

/// The lists that add up, as (their total's category, the prefix of their lines' categories).
fn sums() -> Vec<(String, String)> {
    APPEAL_LISTS
        .iter()
        .map(|id| (APPEALS.to_owned(), format!("{id}/")))
        .chain(SELF_TOTALLED.iter().map(|id| (total_of(id), format!("{id}/"))))
        .chain(
            [table::VISITS_BY_DISTRICT, table::VISITS_BY_PLACE_KIND, table::VIOLATIONS_BY_KIND]
                .iter()
                .flat_map(|id| VISIT_COLUMNS.iter().map(move |c| (visits_total(c), format!("{id}/{c}/")))),
        )
        .collect()
}

/// A figure of a release: its term, and its count or `None` when hidden.
struct Known {
    release: usize,
    term: Term,
    value: Option<u64>,
}

fn known(release: usize, made: &Made) -> Vec<Known> {
    let mut out: Vec<Known> = Vec::new();
    for f in &made.figures {
        let Some(term) = term(&f.table, &f.row, &f.column) else { continue };
        let value = match f.figure {
            Figure::Count(n) => Some(n),
            Figure::Hidden => None,
            Figure::Money(_) | Figure::Missing => continue,
        };
        // A total stands in several tables: once shown and once hidden is enough. Shown in one
        // table and hidden in another, it is both: public, and a hidden figure given away.
        if !out.iter().any(|k| k.term == term && k.value.is_some() == value.is_some()) {
            out.push(Known { release, term, value });
        }
    }
    out
}

fn touches(a: &Made, b: &Made) -> bool {
    let days = a.period.from() <= b.period.to() && b.period.from() <= a.period.to();
    let offices = a.office.is_none() || b.office.is_none() || a.office == b.office;
    days && offices
}

// ---------------------------------------------------------------------------------------
// Finding what is exposed

struct TooLarge;

/// Something a set of releases exposes: a category over some blocks.
#[derive(Debug, Clone)]
struct Leak {
    category: String,
    /// The atoms (piece of time, office) it covers: the same in every trial of one check.
    atoms: BTreeSet<Atom>,
    /// The earlier release to name.
    earlier: Option<usize>,
}

impl Leak {
    fn same_as(&self, other: &Leak) -> bool {
        self.category == other.category && self.atoms == other.atoms
    }
}

/// Everything the new release exposes together with the earlier releases it touches.
fn leaks(new: &Release, earlier: &[Made], offices: &[OfficeId]) -> Result<Vec<Leak>, TooLarge> {
    let new_made = Made::of(new);
    // The earlier releases that touch the new one, directly or through each other.
    let mut involved = vec![false; earlier.len()];
    let mut frontier = vec![new_made.clone()];
    while let Some(m) = frontier.pop() {
        for (at, e) in earlier.iter().enumerate() {
            if !involved[at] && touches(&m, e) {
                involved[at] = true;
                frontier.push(e.clone());
            }
        }
    }
    // Releases by index: the earlier ones involved, then the new one.
    let mut releases: Vec<(Option<usize>, &Made)> =
        earlier.iter().enumerate().filter(|(at, _)| involved[*at]).map(|(at, e)| (Some(at), e)).collect();
    releases.push((None, &new_made));
    let threshold = releases.iter().map(|(_, m)| m.threshold).min().unwrap_or(2);

    let mut figures: Vec<Known> = releases.iter().enumerate().flat_map(|(at, (_, m))| known(at, m)).collect();
    // A row a release leaves out is a zero in it.
    let categories: BTreeSet<String> = figures.iter().map(|k| k.term.category.clone()).collect();
    for at in 0..releases.len() {
        for category in &categories {
            if !figures.iter().any(|k| k.release == at && k.term.month.is_none() && &k.term.category == category) {
                figures.push(Known {
                    release: at,
                    term: Term { category: category.clone(), month: None },
                    value: Some(0),
                });
            }
        }
    }

    let space = Space::new(&releases, &figures, offices);
    let mut found = Vec::new();
    for group in groups(&categories) {
        found.extend(space.leaks_in(&group, &figures, threshold)?);
    }
    for leak in &mut found {
        leak.earlier = leak.earlier.and_then(|at| releases[at].0);
    }
    Ok(found)
}

/// The family of a category: categories that equations join (a list and its total) are
/// solved together, every other category on its own.
fn family(category: &str) -> String {
    if category == APPEALS || APPEAL_LISTS.iter().any(|id| category.starts_with(&format!("{id}/"))) {
        return APPEALS.to_owned();
    }
    let whole = |id: &str| category.starts_with(&format!("{id}/"));
    for c in VISIT_COLUMNS {
        let total = visits_total(c);
        if category == total || VISIT_TABLES.iter().any(|id| category.starts_with(&format!("{id}/{c}/"))) {
            return total;
        }
    }
    match SELF_TOTALLED.iter().find(|id| whole(id) || whole(whole_of(id))) {
        Some(id) => whole_of(id).to_owned(),
        None => category.to_owned(),
    }
}

fn groups(categories: &BTreeSet<String>) -> Vec<Vec<String>> {
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for category in categories {
        groups.entry(family(category)).or_default().push(category.clone());
    }
    groups.into_values().collect()
}

/// A piece of time (by its first day) in one office (`None`: the offices not known by name).
type Atom = (NaiveDate, Option<OfficeId>);
/// A region of a release: its whole period, or one month of it.
type Region = (usize, Option<YearMonth>);

/// The atoms and blocks of a set of releases.
struct Space {
    /// Each block: the atoms in it.
    blocks: Vec<BTreeSet<Atom>>,
    /// For each (release, month) region: the blocks it covers.
    regions: BTreeMap<Region, BTreeSet<usize>>,
    /// For each block, the releases (by index) whose whole period covers it.
    covered_by: Vec<Vec<usize>>,
    /// How many releases, the new one last.
    releases: usize,
}

impl Space {
    fn new(releases: &[(Option<usize>, &Made)], figures: &[Known], offices: &[OfficeId]) -> Self {
        let region_keys: BTreeSet<(usize, Option<YearMonth>)> =
            figures.iter().map(|k| (k.release, k.term.month)).chain((0..releases.len()).map(|at| (at, None))).collect();
        let days = |(at, month): &(usize, Option<YearMonth>)| -> Option<(NaiveDate, NaiveDate)> {
            let period = releases[*at].1.period;
            let (mut from, mut end) = (period.from(), period.end());
            if let Some(m) = month {
                from = from.max(m.first_day().ok()?);
                end = end.min(m.last_day().ok()?.succ_opt()?);
            }
            (from < end).then_some((from, end))
        };
        let mut cuts: BTreeSet<NaiveDate> = BTreeSet::new();
        for key in &region_keys {
            if let Some((from, end)) = days(key) {
                cuts.insert(from);
                cuts.insert(end);
            }
        }
        let named: BTreeSet<OfficeId> =
            releases.iter().filter_map(|(_, m)| m.office).chain(offices.iter().copied()).collect();
        // `None` stands for the offices not known by name, when they are not given.
        let rest = offices.is_empty().then_some(None);
        let slots: Vec<Option<OfficeId>> = named.into_iter().map(Some).chain(rest).collect();
        let cuts: Vec<NaiveDate> = cuts.into_iter().collect();
        let mut by_signature: BTreeMap<Vec<Region>, BTreeSet<Atom>> = BTreeMap::new();
        for piece in cuts.windows(2) {
            for slot in &slots {
                let signature: Vec<(usize, Option<YearMonth>)> = region_keys
                    .iter()
                    .filter(|key| {
                        let office = releases[key.0].1.office;
                        let in_office = office.is_none() || office == *slot;
                        in_office && days(key).is_some_and(|(from, end)| from <= piece[0] && piece[1] <= end)
                    })
                    .copied()
                    .collect();
                if !signature.is_empty() {
                    by_signature.entry(signature).or_default().insert((piece[0], *slot));
                }
            }
        }
        let mut blocks = Vec::new();
        let mut regions: BTreeMap<Region, BTreeSet<usize>> = BTreeMap::new();
        let mut covered_by = Vec::new();
        for (signature, atoms) in by_signature {
            let block = blocks.len();
            blocks.push(atoms);
            covered_by.push(signature.iter().filter(|(_, m)| m.is_none()).map(|(at, _)| *at).collect());
            for key in signature {
                regions.entry(key).or_default().insert(block);
            }
        }
        Self { blocks, regions, covered_by, releases: releases.len() }
    }

    fn region(&self, release: usize, month: Option<YearMonth>) -> BTreeSet<usize> {
        self.regions.get(&(release, month)).cloned().unwrap_or_default()
    }

    /// What one group of categories exposes.
    fn leaks_in(&self, group: &[String], figures: &[Known], threshold: u64) -> Result<Vec<Leak>, TooLarge> {
        let blocks = self.blocks.len();
        let width = blocks * group.len();
        let var = |block: usize, category: usize| block * group.len() + category;
        let index = |category: &str| group.iter().position(|c| c == category);
        let vector = |k: &Known| -> Option<Vec<Q>> {
            let c = index(&k.term.category)?;
            let mut v = vec![Q::ZERO; width];
            for b in self.region(k.release, k.term.month) {
                v[var(b, c)] = Q::ONE;
            }
            Some(v)
        };
        // What the reader knows: the shown figures and the sums of the lists in every block;
        // and what they knew before the new release (the last).
        let new = self.releases.saturating_sub(1);
        let mut rows: Vec<(Vec<Q>, Q)> = Vec::new();
        let mut rows_before: Vec<(Vec<Q>, Q)> = Vec::new();
        for k in figures {
            if let (Some(value), Some(v)) = (k.value, vector(k)) {
                if k.release != new {
                    rows_before.push((v.clone(), Q::int(i128::from(value))));
                }
                rows.push((v, Q::int(i128::from(value))));
            }
        }
        for (total, prefix) in sums() {
            let Some(t) = index(&total) else { continue };
            let lines: Vec<usize> =
                (0..group.len()).filter(|&c| c != t && group[c].starts_with(prefix.as_str())).collect();
            if lines.is_empty() {
                continue;
            }
            for b in 0..blocks {
                let mut v = vec![Q::ZERO; width];
                v[var(b, t)] = Q::ONE;
                for &c in &lines {
                    v[var(b, c)] = Q::int(-1);
                }
                rows_before.push((v.clone(), Q::ZERO));
                rows.push((v, Q::ZERO));
            }
        }
        let echelon = Echelon::of(rows, width)?;
        let before = Echelon::of(rows_before, width)?;
        // Only what the new release adds is its doing: a figure it hides that an earlier
        // release shows is public already.
        let newly = |v: &[Q]| -> Result<Option<Q>, TooLarge> {
            match echelon.derives(v)? {
                Some(value) if before.derives(v)?.is_none() => Ok(Some(value)),
                _ => Ok(None),
            }
        };
        let mut leaks = Vec::new();

        // A hidden figure of any release.
        for k in figures.iter().filter(|k| k.value.is_none()) {
            let Some(v) = vector(k) else { continue };
            if newly(&v)?.is_some() {
                let blocks = self.region(k.release, k.term.month);
                let earlier = if k.release + 1 < self.releases { Some(k.release) } else { self.earlier_over(&blocks) };
                leaks.push(Leak { category: k.term.category.clone(), atoms: self.atoms(&blocks), earlier });
            }
        }

        // A small group that no release shows: a category over a union of blocks.
        for (c, category) in group.iter().enumerate() {
            let shown: BTreeSet<BTreeSet<usize>> = figures
                .iter()
                .filter(|k| k.value.is_some() && &k.term.category == category)
                .map(|k| self.region(k.release, k.term.month))
                .collect();
            for (union, value) in echelon.unions(blocks, |b| var(b, c))? {
                if shown.contains(&union) {
                    continue;
                }
                let small = value > Q::ZERO && value < Q::int(i128::from(threshold));
                let mut v = vec![Q::ZERO; width];
                for &b in &union {
                    v[var(b, c)] = Q::ONE;
                }
                if small && before.derives(&v)?.is_none() {
                    leaks.push(Leak {
                        category: category.clone(),
                        atoms: self.atoms(&union),
                        earlier: self.earlier_over(&union),
                    });
                }
            }
        }
        Ok(leaks)
    }

    /// The first earlier release (not the new one, which is last) covering any of the blocks.
    fn earlier_over(&self, blocks: &BTreeSet<usize>) -> Option<usize> {
        let new = self.releases.saturating_sub(1);
        blocks.iter().flat_map(|&b| self.covered_by[b].iter().copied()).filter(|&at| at != new).min()
    }

    fn atoms(&self, blocks: &BTreeSet<usize>) -> BTreeSet<Atom> {
        blocks.iter().flat_map(|&b| self.blocks[b].iter().copied()).collect()
    }
}

// ---------------------------------------------------------------------------------------
// Hiding more of the new release

/// The new release's shown figures, by term, that could stand in the way of `leak`: in its
/// category's group of tables and over some of its atoms, the smallest first.
fn candidates(release: &Release, leak: &Leak) -> Vec<Term> {
    let made = Made::of(release);
    let mut all: Vec<(u64, Term)> = known(0, &made)
        .into_iter()
        .filter_map(|k| {
            let value = k.value.filter(|n| *n > 0)?;
            let joined = family(&k.term.category) == family(&leak.category);
            let overlaps = leak.atoms.iter().any(|(day, office)| {
                let in_office = made.office.is_none() || made.office == *office;
                let in_days = match k.term.month {
                    Some(m) => m.first_day().is_ok_and(|f| f <= *day) && m.last_day().is_ok_and(|l| *day <= l),
                    None => made.period.contains(*day),
                };
                in_office && in_days
            });
            (joined && overlaps).then_some((value, k.term))
        })
        .collect();
    all.sort();
    all.dedup();
    all.into_iter().map(|(_, term)| term).collect()
}

/// The release with every figure of `term` hidden (a wage line hidden whole).
fn hidden_term(release: &Release, hide: &Term) -> Release {
    let mut out = release.clone();
    for t in &mut out.tables {
        let whole_line = t.id == table::WAGES_BY_OCCUPATION || t.id == table::WAGES_RECOVERED;
        let columns: Vec<&'static str> = t.columns.iter().map(|c| c.id).collect();
        for row in &mut t.rows {
            let code = row.code();
            let hit = columns.iter().any(|c| term(t.id, &code, c).as_ref() == Some(hide));
            for (c, figure) in columns.iter().zip(row.figures.iter_mut()) {
                if (whole_line && hit) || term(t.id, &code, c).as_ref() == Some(hide) {
                    *figure = Figure::Hidden;
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Exact arithmetic

/// A rational number, kept in lowest terms with a positive denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Q {
    n: i128,
    d: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs()
}

impl Q {
    const ZERO: Q = Q { n: 0, d: 1 };
    const ONE: Q = Q { n: 1, d: 1 };

    fn int(n: i128) -> Q {
        Q { n, d: 1 }
    }

    fn new(n: i128, d: i128) -> Result<Q, TooLarge> {
        if d == 0 {
            return Err(TooLarge);
        }
        let g = gcd(n, d).max(1);
        let (n, d) = (n / g, d / g);
        if d < 0 {
            Ok(Q { n: n.checked_neg().ok_or(TooLarge)?, d: d.checked_neg().ok_or(TooLarge)? })
        } else {
            Ok(Q { n, d })
        }
    }

    fn is_zero(self) -> bool {
        self.n == 0
    }

    fn mul(self, o: Q) -> Result<Q, TooLarge> {
        if self.d == 1 && o.d == 1 {
            return self.n.checked_mul(o.n).map(Q::int).ok_or(TooLarge);
        }
        Q::new(self.n.checked_mul(o.n).ok_or(TooLarge)?, self.d.checked_mul(o.d).ok_or(TooLarge)?)
    }

    fn div(self, o: Q) -> Result<Q, TooLarge> {
        Q::new(self.n.checked_mul(o.d).ok_or(TooLarge)?, self.d.checked_mul(o.n).ok_or(TooLarge)?)
    }

    fn add(self, o: Q) -> Result<Q, TooLarge> {
        self.sub(Q::ZERO.sub(o)?)
    }

    fn sub(self, o: Q) -> Result<Q, TooLarge> {
        if self.d == 1 && o.d == 1 {
            return self.n.checked_sub(o.n).map(Q::int).ok_or(TooLarge);
        }
        let n = self.n.checked_mul(o.d).ok_or(TooLarge)?.checked_sub(o.n.checked_mul(self.d).ok_or(TooLarge)?);
        Q::new(n.ok_or(TooLarge)?, self.d.checked_mul(o.d).ok_or(TooLarge)?)
    }
}

impl PartialOrd for Q {
    fn partial_cmp(&self, o: &Q) -> Option<std::cmp::Ordering> {
        // Denominators are positive; products of small numbers.
        Some(self.n.saturating_mul(o.d).cmp(&o.n.saturating_mul(self.d)))
    }
}

/// The reduced row echelon form of what the reader knows: each row has a pivot column where
/// every other row is zero, and carries the value of its combination of figures.
struct Echelon {
    rows: Vec<(usize, Vec<Q>, Q)>,
    width: usize,
}

impl Echelon {
    fn of(mut input: Vec<(Vec<Q>, Q)>, width: usize) -> Result<Self, TooLarge> {
        let mut rows: Vec<(usize, Vec<Q>, Q)> = Vec::new();
        let mut next = 0;
        for col in 0..width {
            let Some(at) = (next..input.len()).find(|&r| !input[r].0[col].is_zero()) else { continue };
            input.swap(next, at);
            let pivot = input[next].0[col];
            let (mut prow, mut pval) = input[next].clone();
            for x in prow.iter_mut() {
                *x = x.div(pivot)?;
            }
            pval = pval.div(pivot)?;
            for (r, (row, val)) in input.iter_mut().enumerate() {
                if r == next || row[col].is_zero() {
                    continue;
                }
                let factor = row[col];
                for (x, p) in row.iter_mut().zip(&prow) {
                    if !p.is_zero() {
                        *x = x.sub(factor.mul(*p)?)?;
                    }
                }
                *val = val.sub(factor.mul(pval)?)?;
            }
            input[next] = (prow, pval);
            next += 1;
        }
        // Rows past `next` are all zeros: consistent (value 0) or contradictions between
        // releases made from different records, set aside (see the module documentation).
        for (r, (row, val)) in input.into_iter().take(next).enumerate() {
            let pivot = row.iter().position(|x| !x.is_zero()).unwrap_or(r);
            rows.push((pivot, row, val));
        }
        Ok(Self { rows, width })
    }

    /// The value of `v` when it is a combination of the rows, `None` when it is not.
    fn derives(&self, v: &[Q]) -> Result<Option<Q>, TooLarge> {
        let mut rest = v.to_vec();
        let mut value = Q::ZERO;
        for (pivot, row, val) in &self.rows {
            let factor = rest[*pivot];
            if factor.is_zero() {
                continue;
            }
            for (x, p) in rest.iter_mut().zip(row) {
                if !p.is_zero() {
                    *x = x.sub(factor.mul(*p)?)?;
                }
            }
            value = value.add(factor.mul(*val)?)?;
        }
        Ok(rest.iter().all(|x| x.is_zero()).then_some(value))
    }

    /// Every union of blocks over which the category at `var(block, ·)` is derivable: the 0/1
    /// vectors of the null space of the complement of the rows, in that category's columns.
    fn unions(&self, blocks: usize, var: impl Fn(usize) -> usize) -> Result<Vec<(BTreeSet<usize>, Q)>, TooLarge> {
        let pivots: BTreeMap<usize, usize> = self.rows.iter().enumerate().map(|(i, (p, _, _))| (*p, i)).collect();
        // One equation per free column f of the echelon form: u[f] − Σ row_i[f]·u[pivot_i] = 0
        // over the category's columns.
        let mut equations: Vec<(Vec<Q>, Q)> = Vec::new();
        for f in (0..self.width).filter(|f| !pivots.contains_key(f)) {
            let mut eq = vec![Q::ZERO; blocks];
            let mut any = false;
            for (b, slot) in eq.iter_mut().enumerate() {
                let column = var(b);
                if column == f {
                    *slot = Q::ONE;
                    any = true;
                } else if let Some(&i) = pivots.get(&column) {
                    let x = self.rows[i].1[f];
                    if !x.is_zero() {
                        *slot = Q::ZERO.sub(x)?;
                        any = true;
                    }
                }
            }
            if any {
                equations.push((eq, Q::ZERO));
            }
        }
        let reduced = Echelon::of(equations, blocks)?;
        let bound: BTreeSet<usize> = reduced.rows.iter().map(|(p, _, _)| *p).collect();
        let free: Vec<usize> = (0..blocks).filter(|b| !bound.contains(b)).collect();
        // Each free block g gives a vector of the null space (1 at g, −row[g] at the pivots);
        // every derivable union is a sum of them, and so is its value.
        let mut basis_values = Vec::new();
        for &g in &free {
            let mut v = vec![Q::ZERO; self.width];
            v[var(g)] = Q::ONE;
            for (pivot, row, _) in &reduced.rows {
                v[var(*pivot)] = Q::ZERO.sub(row[g])?;
            }
            basis_values.push(self.derives(&v)?.unwrap_or(Q::ZERO));
        }
        let choices: Vec<Vec<usize>> = if free.len() > FULL_SEARCH_BLOCKS {
            let mut c: Vec<Vec<usize>> = (0..free.len()).map(|a| vec![a]).collect();
            for a in 0..free.len() {
                for b in a + 1..free.len() {
                    c.push(vec![a, b]);
                }
            }
            c
        } else {
            (1u64..(1u64 << free.len()))
                .map(|mask| (0..free.len()).filter(|i| mask & (1 << i) != 0).collect())
                .collect()
        };
        let mut out = Vec::new();
        'choice: for chosen in choices {
            let mut u: BTreeSet<usize> = chosen.iter().map(|&i| free[i]).collect();
            for (pivot, row, _) in &reduced.rows {
                // u[pivot] = −Σ row[g]·u[g] over the chosen free blocks.
                let mut x = Q::ZERO;
                for &i in &chosen {
                    x = x.sub(row[free[i]])?;
                }
                if x == Q::ONE {
                    u.insert(*pivot);
                } else if !x.is_zero() {
                    continue 'choice;
                }
            }
            let mut value = Q::ZERO;
            for &i in &chosen {
                value = value.add(basis_values[i])?;
            }
            out.push((u, value));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
