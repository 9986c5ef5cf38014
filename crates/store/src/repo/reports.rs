//! The counting behind reports, and the dated exchange rates they convert with.
//!
//! Every figure is an aggregate the database works out (`GROUP BY`, `count`, `SUM`): what
//! comes back is one line per group of codes in use — never a line per record — so a report's
//! memory does not grow with the register. The domain (`komek_domain::reports`) turns these
//! figures into tables; nothing here decides who may see a report.
//!
//! Appeals are read through the per-appeal `topic_set` and `help_set` kept by migration 8,
//! and case work through the report indexes of migrations 8 and 9, which hold every column a
//! figure needs: a figure walks an index in the order it groups by, not the records' rows.
//! Indicator prevalence reads what migration 9 keeps with each assessment and answer (the day
//! it was superseded, its tags), so that a period's latest assessments are one range; persons'
//! tags come back as a line per set of tags (at most 2,048). Appeals count by their moment of
//! receipt (UTC milliseconds); cases, services, proceedings and assessments by their ISO day,
//! compared as text.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use komek_domain::indicators::{Eleven, tags_of_bits};
use komek_domain::referrals::Direction;
use komek_domain::reports::{
    AppealGroup, ExchangeRate, Figures, Recovered, ReferralGroup, ReplyDays, TopicSet, VictimProfile, VisitGroup,
    YearMonth,
};
use komek_domain::{Currency, OfficeId};

use crate::sql::{Dialect, Row, Tx, Value};
use crate::{StoreError, params};

/// What a report counts: appeals received in an interval of time, and case work done on a
/// run of days, in one office or all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// Appeals received at or after this moment …
    pub received_from: DateTime<Utc>,
    /// … and before this one.
    pub received_to: DateTime<Utc>,
    /// Cases, services, proceedings and assessments on days from this one …
    pub first_day: NaiveDate,
    /// … to this one, included.
    pub last_day: NaiveDate,
    /// `None`: every office. Appeals by the office that received them, the rest by their case's office.
    pub office: Option<OfficeId>,
    /// Each month of the period and the moments it starts and ends (the office's calendar).
    pub months: Vec<(YearMonth, DateTime<Utc>, DateTime<Utc>)>,
}

fn currency(code: &str) -> Result<Currency, StoreError> {
    Currency::parse(code).ok_or_else(|| StoreError::Invalid(format!("currency {code:?}")))
}

fn count(row: &Row, at: usize) -> Result<u64, StoreError> {
    let n: i64 = row.get(at)?;
    u64::try_from(n).map_err(|_| StoreError::Decode { column: at, expected: "a count" })
}

/// Lines of (code, count).
fn counted(rows: Vec<Row>) -> Result<Vec<(String, u64)>, StoreError> {
    rows.iter().map(|r| Ok((r.get(0)?, count(r, 1)?))).collect()
}

/// A column compared without its index on SQLite. There a figure reads a whole covering index
/// in the order it groups by (grouping as it goes), which is many times faster than a range of
/// this column followed by a look-up of each row and a sort; PostgreSQL chooses for itself.
fn scanned(tx: &dyn Tx, column: &str) -> String {
    match tx.dialect() {
        Dialect::Sqlite => format!("+{column}"),
        Dialect::Postgres => column.to_owned(),
    }
}

/// The appeals of the scope: a condition on `appeals`, and its parameters.
fn appeals_in(tx: &dyn Tx, scope: &Scope) -> (String, Vec<Value>) {
    let at = scanned(tx, "received_at");
    let mut sql = format!("{at} >= $1 AND {at} < $2");
    let mut values = vec![scope.received_from.into(), scope.received_to.into()];
    if let Some(office) = scope.office {
        sql.push_str(&format!(" AND {} = $3", scanned(tx, "office_id")));
        values.push(office.into());
    }
    (sql, values)
}

/// The case work of the scope: `$1` and `$2` are its first and last day, `$3` its office.
/// Returns `condition` (which puts a row in the office, using `$3`) as an `AND` clause, or
/// nothing for every office, and the parameters.
fn days(scope: &Scope, condition: &str) -> (String, Vec<Value>) {
    let mut values = vec![scope.first_day.into(), scope.last_day.into()];
    let office = match scope.office {
        Some(office) => {
            values.push(office.into());
            format!(" AND {condition}")
        }
        None => String::new(),
    };
    (office, values)
}

/// A row's case is in the scope's office.
fn case_in_office(case_column: &str) -> String {
    format!("{case_column} IN (SELECT oc.id FROM cases oc WHERE oc.office_id = $3)")
}

/// On PostgreSQL, has every statement of this transaction planned for the period asked. A
/// prepared statement is planned for its values at first, but after five runs the server may
/// keep a generic plan made without them, which cannot tell a month from ten years (the
/// annual report at scale went from 1.05 s to 1.7 s that way). Planning a report's statements
/// each time costs a millisecond or two.
fn plan_for_the_period(tx: &mut dyn Tx) -> Result<(), StoreError> {
    match tx.dialect() {
        Dialect::Sqlite => Ok(()),
        Dialect::Postgres => tx.execute_batch("SET LOCAL plan_cache_mode = force_custom_plan"),
    }
}

/// Appeals received in each month of the scope: each a count over an index range.
pub fn appeals_by_month(tx: &mut dyn Tx, scope: &Scope) -> Result<Vec<(YearMonth, u64)>, StoreError> {
    scope
        .months
        .iter()
        .map(|(month, from, to)| {
            let n = crate::repo::appeals::count_received(tx, scope.office, *from, *to)?;
            Ok((*month, u64::try_from(n).unwrap_or(0)))
        })
        .collect()
}

/// The scope's appeals grouped by channel, sector, reason for migrating, occupation and wage
/// currency, with their wages summed.
pub fn appeal_groups(tx: &mut dyn Tx, scope: &Scope) -> Result<Vec<AppealGroup>, StoreError> {
    let (condition, values) = appeals_in(tx, scope);
    let sql = format!(
        "SELECT channel, sector, migration_reason, occupation, wage_currency, count(*),
                count(wage_minor), {wages}
         FROM appeals WHERE {condition}
         GROUP BY channel, sector, migration_reason, occupation, wage_currency",
        wages = wide_sum("wage_minor"),
    );
    tx.query(&sql, &values)?
        .iter()
        .map(|r| {
            let code: Option<String> = r.get(4)?;
            Ok(AppealGroup {
                channel: r.get(0)?,
                sector: r.get(1)?,
                reason: r.get(2)?,
                occupation: r.get(3)?,
                wage_currency: code.as_deref().map(currency).transpose()?,
                appeals: count(r, 5)?,
                wages: count(r, 6)?,
                wage_sum: wide(r, 7)?.unwrap_or(0),
            })
        })
        .collect()
}

fn codes(text: &str) -> Vec<String> {
    crate::repo::split_codes(text)
}

/// The scope's appeals grouped by their whole set of topics and of help given.
pub fn topic_sets(tx: &mut dyn Tx, scope: &Scope) -> Result<Vec<TopicSet>, StoreError> {
    let (condition, values) = appeals_in(tx, scope);
    let sql =
        format!("SELECT topic_set, help_set, count(*) FROM appeals WHERE {condition} GROUP BY topic_set, help_set");
    tx.query(&sql, &values)?
        .iter()
        .map(|r| {
            Ok(TopicSet {
                topics: codes(&r.get::<String>(0)?),
                help: codes(&r.get::<String>(1)?),
                appeals: count(r, 2)?,
            })
        })
        .collect()
}

/// Victims assisted: the distinct persons presumed or identified as victims in the cases
/// opened in the scope, each once, at the strongest standing they have in those cases; and
/// the same persons by sex, age band and citizenship.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Victims {
    /// Persons per standing: "identified" or "presumed".
    pub by_status: Vec<(String, u64)>,
    pub profiles: Vec<VictimProfile>,
}

/// [`Victims`] in one walk of the scope's cases: a line per standing and profile, each
/// person's profile read from the index of migration 20 rather than from their row (which
/// holds their sealed identity), then summed both ways here.
pub fn victims(tx: &mut dyn Tx, scope: &Scope) -> Result<Victims, StoreError> {
    let (office, values) = days(scope, "c.office_id = $3");
    let sql = format!(
        "SELECT CASE WHEN v.strongest = 2 THEN 'identified' ELSE 'presumed' END, p.sex, p.age_band, p.citizenship,
                count(*) FROM (
             SELECT cp.person_id, MAX(CASE WHEN cp.victim_status = 'identified' THEN 2 ELSE 1 END) AS strongest
             FROM cases c JOIN case_persons cp ON cp.case_id = c.id
             WHERE c.opened_on >= $1 AND c.opened_on <= $2{office}
               AND cp.victim_status IN ('presumed', 'identified')
             GROUP BY cp.person_id
         ) v JOIN persons p ON p.id = v.person_id
         GROUP BY v.strongest, p.sex, p.age_band, p.citizenship"
    );
    let mut by_status: BTreeMap<String, u64> = BTreeMap::new();
    let mut profiles: BTreeMap<(String, String, String), u64> = BTreeMap::new();
    for r in tx.query(&sql, &values)? {
        let n = count(&r, 4)?;
        *by_status.entry(r.get(0)?).or_default() += n;
        *profiles.entry((r.get(1)?, r.get(2)?, r.get(3)?)).or_default() += n;
    }
    Ok(Victims {
        by_status: by_status.into_iter().collect(),
        profiles: profiles
            .into_iter()
            .map(|((sex, age_band, citizenship), persons)| VictimProfile { sex, age_band, citizenship, persons })
            .collect(),
    })
}

/// Referrals made in the scope (by the day migration 18 keeps on each: sent, for one we sent;
/// received, for one a partner sent us), by direction, partner and the status they stand at now.
pub fn referrals(tx: &mut dyn Tx, scope: &Scope) -> Result<Vec<ReferralGroup>, StoreError> {
    let (office, values) = days(scope, "r.office_id = $3");
    let sql = format!(
        "SELECT g.direction, p.name, p.kind, g.status, g.n FROM (
             SELECT r.direction, r.partner_id, r.status, count(*) AS n FROM referrals r
             WHERE r.counted_on >= $1 AND r.counted_on <= $2{office}
             GROUP BY r.direction, r.partner_id, r.status
         ) g JOIN partners p ON p.id = g.partner_id"
    );
    tx.query(&sql, &values)?
        .iter()
        .map(|r| {
            let direction = match r.get::<String>(0)?.as_str() {
                "outgoing" => Direction::Outgoing,
                "incoming" => Direction::Incoming,
                other => return Err(StoreError::Invalid(format!("direction {other:?}"))),
            };
            Ok(ReferralGroup {
                direction,
                partner: r.get(1)?,
                partner_kind: r.get(2)?,
                status: r.get(3)?,
                referrals: count(r, 4)?,
            })
        })
        .collect()
}

/// Days between two ISO days held as text.
fn days_between(tx: &dyn Tx, from: &str, to: &str) -> String {
    match tx.dialect() {
        Dialect::Sqlite => format!("CAST(julianday({to}) - julianday({from}) AS INTEGER)"),
        Dialect::Postgres => format!("(CAST({to} AS DATE) - CAST({from} AS DATE))"),
    }
}

/// Outgoing referrals sent in the scope, by partner kind and the whole days from their
/// sending to the partner's first answer (both days kept on the referral by migration 18);
/// `None` for those not answered yet. A distribution, so that the domain can take its
/// median: a median cannot be summed from groups the way a count can.
pub fn reply_days(tx: &mut dyn Tx, scope: &Scope) -> Result<Vec<ReplyDays>, StoreError> {
    let (office, values) = days(scope, "r.office_id = $3");
    let waited = days_between(tx, "r.counted_on", "r.answered_on");
    let sql = format!(
        "SELECT p.kind, g.waited, CAST(SUM(g.n) AS BIGINT) FROM (
             SELECT r.partner_id, {waited} AS waited, count(*) AS n FROM referrals r
             WHERE r.direction = 'outgoing' AND r.counted_on >= $1 AND r.counted_on <= $2{office}
             GROUP BY r.partner_id, {waited}
         ) g JOIN partners p ON p.id = g.partner_id
         GROUP BY p.kind, g.waited"
    );
    tx.query(&sql, &values)?
        .iter()
        .map(|r| {
            let days: Option<i64> = r.get(1)?;
            let days = days
                .map(|d| u32::try_from(d).map_err(|_| StoreError::Decode { column: 1, expected: "days to a reply" }))
                .transpose()?;
            Ok(ReplyDays { partner_kind: r.get(0)?, days, referrals: count(r, 2)? })
        })
        .collect()
}

/// Persons brought home: those a repatriation delivered in the scope names, or every person
/// of its case when it names nobody (a group brought home together); each person once, by
/// citizenship.
pub fn repatriated(tx: &mut dyn Tx, scope: &Scope) -> Result<Vec<(String, u64)>, StoreError> {
    let (office, values) = days(scope, &case_in_office("s.case_id"));
    let sql = format!(
        "SELECT p.citizenship, count(*) FROM (
             SELECT s.person_id FROM services s
             WHERE s.kind = 'repatriation' AND s.delivered_on >= $1 AND s.delivered_on <= $2
               AND s.person_id IS NOT NULL{office}
             UNION
             SELECT cp.person_id FROM case_persons cp
             WHERE cp.case_id IN (
                 SELECT s.case_id FROM services s
                 WHERE s.kind = 'repatriation' AND s.delivered_on >= $1 AND s.delivered_on <= $2
                   AND s.person_id IS NULL{office})
         ) home JOIN persons p ON p.id = home.person_id
         GROUP BY p.citizenship"
    );
    counted(tx.query(&sql, &values)?)
}

/// Services delivered in the scope, by kind.
pub fn services(tx: &mut dyn Tx, scope: &Scope) -> Result<Vec<(String, u64)>, StoreError> {
    let (office, values) = days(scope, &case_in_office("s.case_id"));
    let sql = format!(
        "SELECT s.kind, count(*) FROM services s
         WHERE s.delivered_on >= $1 AND s.delivered_on <= $2{office} GROUP BY s.kind"
    );
    counted(tx.query(&sql, &values)?)
}

/// Wages claimed and recovered by services delivered in the scope, per currency, and how many
/// of those services recovered something. One pass over the services: they are grouped by
/// the pair of currencies claimed and recovered in, and each sum then goes to its currency.
pub fn recovered(tx: &mut dyn Tx, scope: &Scope) -> Result<Vec<Recovered>, StoreError> {
    let (office, values) = days(scope, &case_in_office("s.case_id"));
    let sql = format!(
        "SELECT s.claimed_currency, s.recovered_currency, {claimed}, {recovered},
                count(CASE WHEN s.recovered_minor > 0 THEN 1 END)
         FROM services s
         WHERE (s.claimed_minor IS NOT NULL OR s.recovered_minor IS NOT NULL)
           AND s.delivered_on >= $1 AND s.delivered_on <= $2{office}
         GROUP BY s.claimed_currency, s.recovered_currency",
        claimed = wide_sum("s.claimed_minor"),
        recovered = wide_sum("s.recovered_minor"),
    );
    let mut per_currency = Vec::new();
    for r in tx.query(&sql, &values)? {
        if let (Some(code), Some(sum)) = (r.get::<Option<String>>(0)?, wide(&r, 2)?) {
            currency_line(&mut per_currency, &code)?.claimed += sum;
        }
        if let (Some(code), Some(sum)) = (r.get::<Option<String>>(1)?, wide(&r, 4)?) {
            let line = currency_line(&mut per_currency, &code)?;
            line.recovered += sum;
            line.services += count(&r, 6)?;
        }
    }
    Ok(per_currency)
}

/// A sum of amounts that cannot overflow: SQLite's `SUM` fails past 2^63 − 1 and PostgreSQL's
/// cannot be cast back to `BIGINT`, and an old database may hold amounts entered before they
/// were bounded. So the high and low 32 bits of each amount are summed apart (each part sum
/// fits in 64 bits up to two billion rows; division truncates towards zero on both back ends,
/// so a negative amount splits as exactly) and [`wide`] joins them in 128 bits.
fn wide_sum(column: &str) -> String {
    format!("CAST(SUM({column} / 4294967296) AS BIGINT), CAST(SUM({column} % 4294967296) AS BIGINT)")
}

/// The sum [`wide_sum`] selected at `at` and `at + 1`; `None` when there was nothing to sum.
fn wide(row: &Row, at: usize) -> Result<Option<i128>, StoreError> {
    let high: Option<i64> = row.get(at)?;
    let low: Option<i64> = row.get(at + 1)?;
    Ok(high.zip(low).map(|(high, low)| i128::from(high) * (1 << 32) + i128::from(low)))
}

/// The line of the currency `code` among `lines`, added when it is not there yet.
fn currency_line<'a>(lines: &'a mut Vec<Recovered>, code: &str) -> Result<&'a mut Recovered, StoreError> {
    let currency = currency(code)?;
    let at = match lines.iter().position(|line| line.currency == currency) {
        Some(at) => at,
        None => {
            lines.push(Recovered { currency, claimed: 0, recovered: 0, services: 0 });
            lines.len() - 1
        }
    };
    Ok(&mut lines[at])
}

/// Proceedings decided in the scope, by outcome.
pub fn proceedings(tx: &mut dyn Tx, scope: &Scope) -> Result<Vec<(String, u64)>, StoreError> {
    let (office, values) = days(scope, &case_in_office("p.case_id"));
    let sql = format!(
        "SELECT p.outcome, count(*) FROM proceedings p
         WHERE p.outcome IS NOT NULL AND p.outcome <> 'pending'
           AND p.decided_on >= $1 AND p.decided_on <= $2{office}
         GROUP BY p.outcome"
    );
    counted(tx.query(&sql, &values)?)
}

/// What the indicator assessments of the scope show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assessed {
    /// Persons assessed, per catalogue.
    pub per_catalogue: Vec<(String, u64)>,
    /// Persons assessed with any catalogue.
    pub persons: u64,
    /// Persons whose latest assessment answered "yes", per indicator.
    pub indicators_yes: Vec<(String, u64)>,
    /// Persons with "yes" to any indicator standing for a tag of the eleven, per tag.
    pub tags_yes: Vec<(String, u64)>,
}

/// Indicator prevalence: for each person, the latest assessment of the scope in each
/// catalogue (by day, then by the order they were recorded in) is the one that counts.
pub fn assessed(tx: &mut dyn Tx, scope: &Scope) -> Result<Assessed, StoreError> {
    let (office, values) = days(scope, &case_in_office("a.case_id"));
    // The latest of the period are those not superseded within it (migration 9 keeps each
    // assessment's `superseded_on`): one range of the report index. A person's tags are the
    // union of their latest assessments' bits: the sum over the bits of the largest value
    // each takes, since `tags & bit` is either 0 or that bit.
    let union =
        (0..Eleven::ALL.len()).map(|at| format!("MAX(l.tags & {})", 1i64 << at)).collect::<Vec<_>>().join(" + ");
    // The "yes" answers carry their assessment's day and superseded_on too: each indicator is
    // counted along its own index without visiting the assessments (but for one office's).
    let answers_office = match scope.office {
        Some(_) => {
            " AND x.assessment_id IN (SELECT a.id FROM assessments a WHERE a.case_id IN
                        (SELECT oc.id FROM cases oc WHERE oc.office_id = $3))"
        }
        None => "",
    };
    let sql = format!(
        "WITH latest AS MATERIALIZED (
             SELECT a.id, a.person_id, a.catalogue, a.tags FROM assessments a
             WHERE a.assessed_on >= $1 AND a.assessed_on <= $2
               AND (a.superseded_on IS NULL OR a.superseded_on > $2){office}
         )
         SELECT 'indicator', x.indicator, count(*) FROM assessment_answers x
         WHERE x.answer = 'yes' AND x.assessed_on >= $1 AND x.assessed_on <= $2
           AND (x.superseded_on IS NULL OR x.superseded_on > $2){answers_office}
         GROUP BY x.indicator
         UNION ALL SELECT 'catalogue', l.catalogue, count(*) FROM latest l GROUP BY l.catalogue
         UNION ALL SELECT 'tags', CAST(p.tags AS TEXT), count(*) FROM (
             SELECT {union} AS tags FROM latest l GROUP BY l.person_id
         ) p GROUP BY p.tags"
    );
    let mut assessed = Assessed::default();
    let mut tags_yes = [0u64; Eleven::ALL.len()];
    for r in tx.query(&sql, &values)? {
        let (what, code, n): (String, String, u64) = (r.get(0)?, r.get(1)?, count(&r, 2)?);
        match what.as_str() {
            "indicator" => assessed.indicators_yes.push((code, n)),
            "catalogue" => assessed.per_catalogue.push((code, n)),
            _ => {
                // One line per set of tags: the persons who show exactly those.
                let bits: i64 = code.parse().map_err(|_| StoreError::Invalid(format!("tags {code:?}")))?;
                assessed.persons += n;
                for tag in tags_of_bits(bits) {
                    if let Some(at) = Eleven::ALL.iter().position(|t| *t == tag) {
                        tags_yes[at] += n;
                    }
                }
            }
        }
    }
    assessed.tags_yes = Eleven::ALL.iter().zip(tags_yes).map(|(tag, n)| (tag.code().to_owned(), n)).collect();
    Ok(assessed)
}

/// Monitoring visits made in the scope, by month, district and kind of place: how many, the
/// people met, the minors among them, and the violations recorded (one per kind per visit).
pub fn visits(tx: &mut dyn Tx, scope: &Scope) -> Result<Vec<VisitGroup>, StoreError> {
    let (office, values) = days(scope, "v.office_id = $3");
    let sql = format!(
        "SELECT month, district, place_kind, count(*),
                CAST(sum(people) AS BIGINT), CAST(sum(minors) AS BIGINT), CAST(sum(found) AS BIGINT)
         FROM (SELECT substr(v.visited_on, 1, 7) AS month, v.district, v.place_kind,
                      v.people_total AS people, v.people_minors AS minors,
                      (SELECT count(*) FROM visit_violations x WHERE x.visit_id = v.id) AS found
               FROM visits v
               WHERE v.status = 'done' AND v.visited_on >= $1 AND v.visited_on <= $2{office}) made
         GROUP BY month, district, place_kind"
    );
    tx.query(&sql, &values)?
        .iter()
        .map(|r| {
            let month: String = r.get(0)?;
            let month = YearMonth::parse(&month).ok_or(StoreError::Decode { column: 0, expected: "a month" })?;
            Ok(VisitGroup {
                month,
                district: r.get(1)?,
                place_kind: r.get(2)?,
                visits: count(r, 3)?,
                people_met: count(r, 4)?,
                minors_met: count(r, 5)?,
                violations: count(r, 6)?,
            })
        })
        .collect()
}

/// Violations recorded on the visits made in the scope, by kind: the visits that found each.
pub fn violations(tx: &mut dyn Tx, scope: &Scope) -> Result<Vec<(String, u64)>, StoreError> {
    let (office, values) = days(scope, "v.office_id = $3");
    let sql = format!(
        "SELECT x.violation, count(*) FROM visit_violations x JOIN visits v ON v.id = x.visit_id
         WHERE v.status = 'done' AND v.visited_on >= $1 AND v.visited_on <= $2{office}
         GROUP BY x.violation"
    );
    counted(tx.query(&sql, &values)?)
}

/// A report's figures fall in two halves of about equal work at scale, counted at once on two
/// connections (each in its own snapshot): the appeals and the victims assisted …
pub fn appeals_and_victims(tx: &mut dyn Tx, scope: &Scope) -> Result<Figures, StoreError> {
    plan_for_the_period(tx)?;
    let victims = victims(tx, scope)?;
    Ok(Figures {
        appeals_by_month: appeals_by_month(tx, scope)?,
        appeal_groups: appeal_groups(tx, scope)?,
        topic_sets: topic_sets(tx, scope)?,
        victims: victims.by_status,
        victim_profiles: victims.profiles,
        ..Figures::default()
    })
}

/// … and the rest of the case work: repatriations, services, wages recovered, proceedings,
/// indicator prevalence and referrals; and the mobile group's visits.
pub fn services_and_assessments(tx: &mut dyn Tx, scope: &Scope) -> Result<Figures, StoreError> {
    plan_for_the_period(tx)?;
    let assessments = assessed(tx, scope)?;
    Ok(Figures {
        repatriated: repatriated(tx, scope)?,
        services: services(tx, scope)?,
        recovered: recovered(tx, scope)?,
        proceedings: proceedings(tx, scope)?,
        assessed: assessments.per_catalogue,
        assessed_persons: assessments.persons,
        indicators_yes: assessments.indicators_yes,
        tags_yes: assessments.tags_yes,
        referrals: referrals(tx, scope)?,
        reply_days: reply_days(tx, scope)?,
        visits: visits(tx, scope)?,
        violations: violations(tx, scope)?,
        ..Figures::default()
    })
}

// ---- Exchange rates

fn rate_from_row(r: &Row) -> Result<ExchangeRate, StoreError> {
    Ok(ExchangeRate {
        currency: currency(&r.get::<String>(0)?)?,
        valid_from: r.get(1)?,
        tenge_per_unit_minor: r.get(2)?,
    })
}

/// Every rate, by currency and then by the day it starts.
pub fn rates(tx: &mut dyn Tx) -> Result<Vec<ExchangeRate>, StoreError> {
    tx.query(
        "SELECT currency, valid_from, tenge_per_unit_minor FROM exchange_rates ORDER BY currency, valid_from",
        &[],
    )?
    .iter()
    .map(rate_from_row)
    .collect()
}

/// The rate of `currency` in force on `day`: the latest that starts on or before it.
pub fn rate_on(tx: &mut dyn Tx, currency: Currency, day: NaiveDate) -> Result<Option<ExchangeRate>, StoreError> {
    tx.query_opt(
        "SELECT currency, valid_from, tenge_per_unit_minor FROM exchange_rates
         WHERE currency = $1 AND valid_from <= $2 ORDER BY valid_from DESC LIMIT 1",
        params![currency.code(), day],
    )?
    .map(|r| rate_from_row(&r))
    .transpose()
}

/// Sets the rate starting on a day (adding it, or replacing the one that starts that day);
/// returns the rate it replaced, in tiyn.
pub fn set_rate(tx: &mut dyn Tx, rate: &ExchangeRate) -> Result<Option<i64>, StoreError> {
    let key = params![rate.currency.code(), rate.valid_from];
    let before = tx
        .query_opt("SELECT tenge_per_unit_minor FROM exchange_rates WHERE currency = $1 AND valid_from = $2", key)?
        .map(|r| r.get::<i64>(0))
        .transpose()?;
    tx.execute(
        "INSERT INTO exchange_rates (currency, valid_from, tenge_per_unit_minor) VALUES ($1, $2, $3)
         ON CONFLICT (currency, valid_from) DO UPDATE SET tenge_per_unit_minor = excluded.tenge_per_unit_minor",
        params![rate.currency.code(), rate.valid_from, rate.tenge_per_unit_minor],
    )?;
    Ok(before)
}

/// Removes the rate of `currency` starting on `valid_from`; false when there was none.
pub fn remove_rate(tx: &mut dyn Tx, currency: Currency, valid_from: NaiveDate) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "DELETE FROM exchange_rates WHERE currency = $1 AND valid_from = $2",
        params![currency.code(), valid_from],
    )? > 0)
}
