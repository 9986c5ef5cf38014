//! `komek-bench`: fills a Komek instance with generated records through the services and
//! measures it against the performance budgets (ARCHITECTURE.md): service latencies
//! (p50/p95), page renders and their compressed weight over real HTTP, start-up time and idle
//! memory of the real binary. It prints each figure beside its budget and does not fail on
//! one over it; the figures of its runs are kept in BENCHMARKS.md.
//!
//! Run it in release mode, next to a release `komek` binary:
//!     cargo build --release -p komek -p komek-bench
//!     target/release/komek-bench --appeals 100000
//!     target/release/komek-bench --appeals 1000000 --cases 100000 --persons 200000
//!     target/release/komek-bench --database-url postgres://postgres@127.0.0.1:5432/komek_bench
//!     target/release/komek-bench --concurrency --appeals 100000 --data-dir /tmp/bc

mod casework;
mod concurrency;
mod monitoring;
mod operations;
mod referrals;
mod server;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::{NaiveDate, TimeZone, Utc};
use clap::Parser;
use komek_app::cases::CaseQuery;
use komek_app::demo::names::{Name, POOLS};
use komek_app::instance::{self, Access};
use komek_app::{Actor, App, Settings};
use komek_domain::casework::VictimStatus;
use komek_domain::entities::{Appeal, Case, PersonIdentity, PersonProfile};
use komek_domain::reports::Period;
use komek_domain::{AccountId, AppealId, CaseId, Currency, Money, OfficeId, PersonId, Role, lookups};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

#[derive(Parser)]
#[command(about = "Generate data at scale and measure Komek against its budgets")]
struct Args {
    /// Appeals to generate.
    #[arg(long, default_value_t = 100_000)]
    appeals: usize,
    /// Cases to generate (default: one for every ten appeals).
    #[arg(long)]
    cases: Option<usize>,
    /// Persons to generate (default: one for every five appeals).
    #[arg(long)]
    persons: Option<usize>,
    /// Measure PostgreSQL (an empty database) instead of the embedded SQLite.
    #[arg(long)]
    database_url: Option<String>,
    /// Keep the generated data directory here (default: a temporary one, removed at the end).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Samples per measured operation.
    #[arg(long, default_value_t = 500)]
    samples: usize,
    /// Monitoring visits to generate (default: one for every fifty appeals).
    #[arg(long)]
    visits: Option<usize>,
    /// Measure only the search quality (on its own population), not speed.
    #[arg(long)]
    quality_only: bool,
    /// Measure the work lists and the annual report again on the data an earlier run kept
    /// in --data-dir (and --database-url), generating nothing.
    #[arg(long, requires = "data_dir")]
    existing: bool,
    /// Measure what durability and backups cost on the embedded database instead: saving an
    /// appeal, and the WAL and memory during and after a backup under write load.
    #[arg(long, conflicts_with_all = ["database_url", "existing", "quality_only", "concurrency"])]
    operations: bool,
    /// Measure audited reads (person search and read) over HTTP at 1 to 64 concurrent clients,
    /// generating persons and appeals only (no cases) unless --data-dir holds an earlier run's.
    #[arg(long, requires = "data_dir")]
    concurrency: bool,
    /// Seconds each concurrency figure is measured for.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
}

const BENCH_PASSWORD: &str = "bench password 2008";

/// Samples of the annual report: each takes a good part of a second at full scale.
const REPORT_SAMPLES: usize = 30;

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.quality_only {
        return search_quality(1_000);
    }
    if args.operations {
        let persons = args.persons.unwrap_or(args.appeals / 5).max(1);
        return operations::run(args.data_dir.as_deref(), persons, args.appeals, args.samples);
    }
    if args.concurrency {
        let dir = args.data_dir.as_deref().context("--concurrency keeps its data in --data-dir")?;
        let persons = args.persons.unwrap_or(args.appeals / 5).max(1);
        return concurrency::run(dir, args.database_url.as_deref(), persons, args.appeals, args.seconds);
    }
    if args.existing {
        let dir = args.data_dir.as_deref().context("--existing needs the --data-dir of an earlier run")?;
        return measure_existing(dir, args.database_url.as_deref(), args.samples);
    }
    let cases = args.cases.unwrap_or(args.appeals / 10);
    let visits = args.visits.unwrap_or(args.appeals / 50);
    let persons = args.persons.unwrap_or(args.appeals / 5).max(1);
    let temp = tempfile::tempdir()?;
    let data_dir = args.data_dir.clone().unwrap_or_else(|| temp.path().join("data"));
    let backend = if args.database_url.is_some() { "PostgreSQL" } else { "SQLite" };
    println!("# Komek benchmark: {} appeals, {persons} persons, {cases} cases on {backend}", args.appeals);
    println!("machine: {} cores, {}", std::thread::available_parallelism().map_or(0, |n| n.get()), cpu_model());

    let url = args.database_url.as_deref();
    if let Some(url) = url {
        set_synchronous_commit(url, false)?;
    }
    let opened = instance::open(&data_dir, url, Settings::default(), Access::Exclusive)?;
    let app = opened.app.clone();
    let office = opened.first_start.as_ref().context("the benchmark needs an empty database")?.office.id;
    let lawyer =
        app.create_account(&Actor::System, "bench-lawyer", "Bench Lawyer", Role::Lawyer, office, "ru")?.account;
    app.set_password_directly(&Actor::System, lawyer.id, BENCH_PASSWORD)?;
    let actor = Actor::Staff(komek_domain::entities::Account { must_change_password: false, ..lawyer.clone() });

    let mut g = Generator::new();
    let started = Instant::now();
    g.fill(&app, &actor, office, persons, args.appeals, cases)?;
    let started_visits = Instant::now();
    let consultations = monitoring::write(&app, &actor, office, visits)?;
    let visits_seconds = started_visits.elapsed().as_secs_f64();
    println!(
        "generated in {:.0} s (the parts of the cases in {:.0} s of it, their consents and referrals in {:.0} s)",
        started.elapsed().as_secs_f64(),
        g.parts_seconds,
        g.referrals_seconds
    );
    // Measured on connections that wait for each commit to reach the disk, as a running
    // instance's do.
    let (opened, app) = match url {
        Some(url) => {
            set_synchronous_commit(url, true)?;
            drop(opened);
            let opened = instance::open(&data_dir, Some(url), Settings::default(), Access::Exclusive)?;
            let app = opened.app.clone();
            println!("generated with synchronous_commit off; measured with it on again");
            (opened, app)
        }
        None => (opened, app),
    };
    if url.is_some() && vacuum_without_autovacuum(&app)? {
        println!("autovacuum is off on this server: the generated tables were vacuumed once, as autovacuum would have");
    }
    let p = g.parts;
    println!(
        "case parts: {} assessments ({} answers), {} services, {} tasks ({} done, {} overdue), {} timeline events, \
         {} proceedings, {} notes\n",
        p.assessments, p.answers, p.services, p.tasks, p.tasks_done, p.tasks_overdue, p.events, p.proceedings, p.notes
    );
    println!("monitoring: {visits} visits with {consultations} consultations on the spot, in {visits_seconds:.0} s\n");
    let r = g.referral_counts;
    println!(
        "referral network: {} partners, {} consents, {} referrals ({} steps; {} waiting for a reply past due)\n",
        r.partners, r.consents, r.referrals, r.steps, r.waiting_past_due
    );

    println!("| operation | p50 ms | p95 ms | budget |");
    println!("|---|---|---|---|");
    let n = args.samples;
    report("save an appeal", "< 20 ms p95", measure(n, |_| g.save_appeal(&app, &actor).map(|_| ())))?;
    let names = g.names.clone();
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    report(
        "person search (name, other spelling)",
        "< 20 ms p95",
        measure(n, |_| {
            let name = names.choose(&mut rng).expect("names were generated");
            app.search_persons(&actor, name, 5).map(|_| ())
        }),
    )?;
    let mut rng = ChaCha8Rng::seed_from_u64(8);
    report(
        "person search (name with a typo)",
        "< 20 ms p95",
        measure(n, |_| {
            let name = names.choose(&mut rng).expect("names were generated");
            let (given, surname) = name.rsplit_once(' ').unwrap_or(("", name));
            app.search_persons(&actor, &format!("{given} {}", mistype(&mut rng, surname)), 5).map(|_| ())
        }),
    )?;
    let case_ids = g.cases.clone();
    let mut rng = ChaCha8Rng::seed_from_u64(9);
    report(
        "open a case (`case_file`: the whole file, random cases)",
        "< 20 ms p95",
        measure(n, |_| app.case_file(&actor, *case_ids.choose(&mut rng).expect("cases")).map(|_| ())),
    )?;
    report("dashboard figures", "page < 20 ms", measure(n, |_| app.dashboard(&actor, Utc::now()).map(|_| ())))?;
    lists_and_report(&app, &actor, n)?;
    let person = *g.persons.first().context("persons were generated")?;
    let targets = Targets {
        person,
        cases: g.cases.clone(),
        fullest: g.fullest.map(|(id, _)| id),
        referrals: referrals::Targets::find(&app)?,
        visits: monitoring::Targets::find(&app)?,
    };
    referrals::measure_services(&app, &actor, n, &targets.cases, &targets.referrals)?;
    monitoring::measure_services(&app, &actor, n, &targets.visits)?;
    search_quality(1_000)?;
    drop(opened);

    measure_server(&data_dir, args.database_url.as_deref(), n, &targets)?;
    Ok(())
}

/// The work lists and the annual report, measured on whatever the instance holds.
fn lists_and_report(app: &App, actor: &Actor, n: usize) -> anyhow::Result<()> {
    report(
        "my tasks and the overdue count (`my_tasks`, `overdue_tasks`)",
        "page < 20 ms",
        measure(n, |_| app.my_tasks(actor, 15).and_then(|_| app.overdue_tasks(actor)).map(|_| ())),
    )?;
    let active = CaseQuery { status: Some("active".into()), ..Default::default() };
    report(
        "case list (`cases`, active, first page)",
        "page < 20 ms",
        measure(n, |_| app.cases(actor, &active, 0).map(|_| ())),
    )?;
    let overdue = CaseQuery { overdue: true, ..active.clone() };
    report("case list, overdue only", "page < 20 ms", measure(n, |_| app.cases(actor, &overdue, 0).map(|_| ())))?;
    let any_overdue = CaseQuery { overdue: true, ..Default::default() };
    report(
        "case list, every status, overdue only",
        "page < 20 ms",
        measure(n, |_| app.cases(actor, &any_overdue, 0).map(|_| ())),
    )?;
    // The annual report over everything generated (every record falls in 2008), counted as
    // the reports page and `komek report` count it.
    let year = komek_app::reports::ReportQuery { period: Period::year(2008)?, office: None };
    report(
        "annual report, 2008 (`report`: every figure, all offices)",
        "< 1000 ms",
        measure(n.min(REPORT_SAMPLES), |_| app.report(&Actor::System, &year).map(|_| ())),
    )?;
    report_figures(app)
}

/// Each statement of the annual report alone (UTC days of 2008, all offices), to tell which
/// one a slow report waits for: the report counts them in two halves at once.
fn report_figures(app: &App) -> anyhow::Result<()> {
    use komek_store::repo::reports::{self as counts, Scope};
    let day = |m, d| NaiveDate::from_ymd_opt(2008, m, d).context("a day of 2008");
    let (first_day, last_day) = (day(1, 1)?, day(12, 31)?);
    let start = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc()).context("midnight");
    let months = (1..=12)
        .map(|m| {
            let next =
                if m == 12 { NaiveDate::from_ymd_opt(2009, 1, 1) } else { NaiveDate::from_ymd_opt(2008, m + 1, 1) };
            let month = komek_domain::reports::YearMonth { year: 2008, month: m };
            Ok((month, start(day(m, 1)?)?, start(next.context("a month's end")?)?))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let scope = Scope {
        received_from: start(first_day)?,
        received_to: start(day(12, 31)?.succ_opt().context("2009")?)?,
        first_day,
        last_day,
        office: None,
        months,
    };
    type Figure = fn(&mut dyn komek_store::Tx, &Scope) -> Result<(), komek_store::StoreError>;
    let figures: [(&str, Figure); 13] = [
        ("appeals by month", |tx, s| counts::appeals_by_month(tx, s).map(drop)),
        ("appeal groups", |tx, s| counts::appeal_groups(tx, s).map(drop)),
        ("topic sets", |tx, s| counts::topic_sets(tx, s).map(drop)),
        ("victims, by standing and by profile", |tx, s| counts::victims(tx, s).map(drop)),
        ("indicator prevalence", |tx, s| counts::assessed(tx, s).map(drop)),
        ("repatriated", |tx, s| counts::repatriated(tx, s).map(drop)),
        ("services", |tx, s| counts::services(tx, s).map(drop)),
        ("wages recovered", |tx, s| counts::recovered(tx, s).map(drop)),
        ("proceedings", |tx, s| counts::proceedings(tx, s).map(drop)),
        ("referrals", |tx, s| counts::referrals(tx, s).map(drop)),
        ("days to a reply", |tx, s| counts::reply_days(tx, s).map(drop)),
        ("monitoring visits", |tx, s| counts::visits(tx, s).map(drop)),
        ("violations by kind", |tx, s| counts::violations(tx, s).map(drop)),
    ];
    println!("\n| the annual report's statements one by one (5 runs) | p50 ms | max ms |");
    println!("|---|---|---|");
    for (name, figure) in figures {
        let times = measure(5, |_| app.store().read(|tx| figure(tx, &scope)))?;
        println!("| {name} | {:.1} | {:.1} |", percentile(&times, 0.5), percentile(&times, 1.0));
    }
    println!();
    Ok(())
}

/// `--existing`: measures the lists, the report and the pages again on data a previous run
/// kept (`--data-dir`, and the same `--database-url`), without generating anything.
fn measure_existing(data_dir: &Path, url: Option<&str>, n: usize) -> anyhow::Result<()> {
    let opened = instance::open(data_dir, url, Settings::default(), Access::Exclusive)?;
    let app = opened.app.clone();
    let lawyer = app
        .accounts(&Actor::System)?
        .into_iter()
        .find(|a| a.username == "bench-lawyer")
        .context("no bench-lawyer here: give the data directory of an earlier run")?;
    let actor = Actor::Staff(komek_domain::entities::Account { must_change_password: false, ..lawyer });
    println!("# Komek benchmark, measured again on the data kept in {}", data_dir.display());
    if url.is_some() && vacuum_without_autovacuum(&app)? {
        println!("autovacuum is off on this server: the tables were vacuumed first, as autovacuum would have");
    }
    println!("| operation | p50 ms | p95 ms | budget |");
    println!("|---|---|---|---|");
    lists_and_report(&app, &actor, n)?;
    let targets = kept_targets(&app)?;
    referrals::measure_services(&app, &actor, n, &targets.cases, &targets.referrals)?;
    monitoring::measure_services(&app, &actor, n, &targets.visits)?;
    // The pages begin by enrolling an authenticator, as the first login of a lawyer does: an
    // earlier run enrolled one, which an administrator would reset.
    if let Some(lawyer) = actor.account_id() {
        app.reset_second_factor(&Actor::System, lawyer)?;
    }
    drop(opened);
    measure_server(data_dir, url, n, &targets)
}

/// The pages' targets found again in kept data: the first person generated, every case, and
/// the case with the most parts (weighed as the generator weighs them, `Counts::parts`).
fn kept_targets(app: &App) -> anyhow::Result<Targets> {
    app.store()
        .read(|tx| {
            let first_person = tx.query_one("SELECT min(id) FROM persons", &[])?.get(0)?;
            let cases = tx.query("SELECT id FROM cases", &[])?.iter().map(|r| r.get(0)).collect::<Result<_, _>>()?;
            let fullest = tx
                .query_opt(
                    "SELECT case_id FROM (
                         SELECT a.case_id, 1 AS weight FROM assessment_answers x
                             JOIN assessments a ON a.id = x.assessment_id
                         UNION ALL SELECT case_id, 1 FROM services
                         UNION ALL SELECT case_id, 1 FROM case_tasks
                         UNION ALL SELECT case_id, 1 FROM case_events
                         UNION ALL SELECT case_id, 5 FROM proceedings
                         UNION ALL SELECT case_id, 5 FROM case_notes
                     ) parts GROUP BY case_id ORDER BY sum(weight) DESC, case_id LIMIT 1",
                    &[],
                )?
                .map(|r| r.get(0))
                .transpose()?;
            Ok((first_person, cases, fullest))
        })
        .map(|(person, cases, fullest)| -> anyhow::Result<Targets> {
            Ok(Targets {
                person,
                cases,
                fullest,
                referrals: referrals::Targets::find(app)?,
                visits: monitoring::Targets::find(app)?,
            })
        })
        .context("the kept data holds no person or case to measure pages on")?
}

/// Generating a million records through the services commits a few million transactions; on
/// PostgreSQL each would wait for its write to reach the disk, which makes generation take
/// hours and says nothing about Komek. Generation runs with `synchronous_commit` off for the
/// bench database (a setting of the database, for the connections opened after it), and it
/// is set back before anything is measured.
fn set_synchronous_commit(url: &str, on: bool) -> anyhow::Result<()> {
    let store = komek_store::Store::open_postgres(url)?;
    let name = store.read(|tx| tx.query_one("SELECT current_database()", &[])?.get::<String>(0))?;
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        bail!("the bench database's name {name:?} is not a plain identifier");
    }
    let setting = if on { "RESET synchronous_commit" } else { "SET synchronous_commit = off" };
    store.write(|tx| tx.execute_batch(&format!("ALTER DATABASE {name} {setting}")))?;
    Ok(())
}

/// PostgreSQL keeps its planner statistics and the map of pages every transaction sees whole
/// through autovacuum. On a server where it is off, tables filled in one go keep the
/// statistics of empty tables, and every index-only scan visits the rows too: what no running
/// instance sees. The bench then vacuums them once, as autovacuum would have. Returns whether
/// it had to.
fn vacuum_without_autovacuum(app: &App) -> anyhow::Result<bool> {
    let store = app.store();
    let setting = store.read(|tx| tx.query("SHOW autovacuum", &[])?.first().map(|r| r.get::<String>(0)).transpose())?;
    if setting.as_deref() != Some("off") {
        return Ok(false);
    }
    store.vacuum_analyse()?;
    Ok(true)
}

/// Rewrites a (given name, surname) into what a hotline operator might type.
type Rewrite = fn(&mut ChaCha8Rng, &Name, &Name) -> String;

/// Persons in the search-quality population.
const QUALITY_POPULATION: usize = 5_000;

/// Recall of the true person in the top 5 when the hotline types the name another way. The
/// population is its own: persons with distinct names drawn from every name pool (two people
/// of the same name are told apart by phone or birth date, not by name), in a fresh instance.
fn search_quality(samples: usize) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let opened = instance::open(dir.path(), None, Settings::default(), Access::Exclusive)?;
    let app = opened.app.clone();
    let office = opened.first_start.as_ref().context("a fresh instance")?.office.id;
    let account = app.create_account(&Actor::System, "quality", "Quality", Role::Lawyer, office, "ru")?.account;
    let actor = Actor::Staff(account);
    let mut rng = ChaCha8Rng::seed_from_u64(10);
    let mut combos: Vec<(&'static Name, &'static Name, bool, &'static str)> = Vec::new();
    for pool in POOLS {
        for (given, surnames, male) in
            [(pool.male_given, pool.male_surnames, true), (pool.female_given, pool.female_surnames, false)]
        {
            for g in given {
                combos.extend(surnames.iter().map(|s| (g, s, male, pool.citizenship)));
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    combos.retain(|(g, s, _, _)| seen.insert((g.cyrillic, s.cyrillic)));
    combos.shuffle(&mut rng);
    combos.truncate(QUALITY_POPULATION);
    let mut unique = Vec::with_capacity(combos.len());
    for (g, s, male, citizenship) in combos {
        let identity = PersonIdentity { full_name: format!("{} {}", s.cyrillic, g.cyrillic), ..Default::default() };
        let profile = PersonProfile {
            sex: if male { "male" } else { "female" }.into(),
            citizenship: citizenship.into(),
            ..Default::default()
        };
        unique.push((app.register_person(&actor, None, profile, identity)?, g, s));
    }
    let (app, actor) = (&app, &actor);
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    println!(
        "\n| search quality (top 5; {} persons of distinct names, {} searches each) | recall | wrong candidates per search |",
        unique.len(),
        samples.min(unique.len())
    );
    println!("|---|---|---|");
    let variants: [(&str, Rewrite); 3] = [
        ("another Latin spelling", |rng, g, s| {
            format!("{} {}", g.latin.choose(rng).unwrap_or(&g.cyrillic), s.latin.choose(rng).unwrap_or(&s.cyrillic))
        }),
        ("given name first, Cyrillic", |_, g, s| format!("{} {}", g.cyrillic, s.cyrillic)),
        ("one letter of the surname mistyped", |rng, g, s| {
            let spelling = *s.latin.choose(rng).unwrap_or(&s.cyrillic);
            let surname = mistype(rng, spelling);
            format!("{} {surname}", g.latin.first().unwrap_or(&g.cyrillic))
        }),
    ];
    for (label, make) in variants {
        let (mut found, mut wrong, mut n) = (0usize, 0usize, 0usize);
        for (id, g, s) in unique.iter().take(samples) {
            let query = make(&mut rng, g, s);
            let hits = app.search_persons(actor, &query, 5)?;
            let hit = hits.iter().any(|m| m.person.id == *id);
            found += usize::from(hit);
            wrong += hits.len() - usize::from(hit);
            n += 1;
        }
        println!("| {label} | {:.3} | {:.2} |", found as f64 / n.max(1) as f64, wrong as f64 / n.max(1) as f64);
    }
    Ok(())
}

/// A word with one letter left out or changed (not the first: callers get that right).
fn mistype(rng: &mut ChaCha8Rng, word: &str) -> String {
    let letters: Vec<char> = word.chars().collect();
    let at = rng.gen_range(1..letters.len().max(2));
    let mut typo: String = letters.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, c)| *c).collect();
    if rng.gen_bool(0.5) {
        typo.insert(at.min(typo.len()), 'a');
    }
    typo
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

/// Durations of `n` runs of `f`, in milliseconds, sorted.
fn measure<E: std::fmt::Debug>(n: usize, mut f: impl FnMut(usize) -> Result<(), E>) -> anyhow::Result<Vec<f64>> {
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        f(i).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok(times)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn report(name: &str, budget: &str, times: anyhow::Result<Vec<f64>>) -> anyhow::Result<()> {
    let times = times?;
    println!("| {name} | {:.2} | {:.2} | {budget} |", percentile(&times, 0.5), percentile(&times, 0.95));
    Ok(())
}

/// Records made through the services, the way staff would make them.
struct Generator {
    rng: ChaCha8Rng,
    /// A name per person, in another spelling than stored, to search for.
    names: Vec<String>,
    persons: Vec<PersonId>,
    cases: Vec<CaseId>,
    /// Each person's given name and surname, to rewrite into variants for the search-quality run.
    named: Vec<(PersonId, &'static Name, &'static Name)>,
    /// The parts written into the cases.
    parts: casework::Counts,
    parts_seconds: f64,
    /// The case with the most parts, and how many.
    fullest: Option<(CaseId, usize)>,
    referral_counts: referrals::Counts,
    referrals_seconds: f64,
}

impl Generator {
    fn new() -> Self {
        Self {
            rng: ChaCha8Rng::seed_from_u64(42),
            names: Vec::new(),
            persons: Vec::new(),
            cases: Vec::new(),
            named: Vec::new(),
            parts: casework::Counts::default(),
            parts_seconds: 0.0,
            fullest: None,
            referral_counts: referrals::Counts::default(),
            referrals_seconds: 0.0,
        }
    }

    fn fill(
        &mut self,
        app: &App,
        actor: &Actor,
        office: OfficeId,
        persons: usize,
        appeals: usize,
        cases: usize,
    ) -> anyhow::Result<()> {
        let progress = |what: &str, i: usize, n: usize| {
            if n >= 10 && i.is_multiple_of(n / 10) {
                eprintln!("  {what}: {i} / {n}");
            }
        };
        for i in 0..persons {
            progress("persons", i, persons);
            self.person(app, actor)?;
        }
        for i in 0..appeals {
            progress("appeals", i, appeals);
            self.save_appeal(app, actor)?;
        }
        let lead = actor.account_id().expect("staff");
        let staff = casework::Staff::create(app, office, lead)?;
        let today = app.today(actor)?;
        let keeper =
            app.create_account(&Actor::System, "bench-manager", "Bench Manager", Role::Manager, office, "ru")?;
        let keeper = Actor::Staff(komek_domain::entities::Account { must_change_password: false, ..keeper.account });
        let mut network = referrals::Network::create(app, &keeper)?;
        // The letters of sent referrals are filed in Russian, as the partners read them.
        let i18n = komek_web::I18n::load();
        let tr = komek_web::i18n::Tr { i18n: &i18n, lang: komek_web::Lang::Ru };
        let words = |id: &str| tr.t(id);
        for i in 0..cases {
            progress("cases with their parts", i, cases);
            let person = *self.persons.choose(&mut self.rng).expect("persons exist");
            let team = staff.team(&mut self.rng);
            let case = case(&mut self.rng, office, lead, person, team);
            let opened_on = case.opened_on;
            let id = app.open_case(actor, case)?;
            self.cases.push(id);
            let started = Instant::now();
            let parts = casework::case_parts(&mut self.rng, app, actor, &staff, id, person, opened_on, today)?;
            self.parts_seconds += started.elapsed().as_secs_f64();
            self.parts.add(parts);
            if self.fullest.is_none_or(|(_, most)| parts.parts() > most) {
                self.fullest = Some((id, parts.parts()));
            }
            let started = Instant::now();
            network.refer(app, actor, id, person, opened_on, &words)?;
            self.referrals_seconds += started.elapsed().as_secs_f64();
        }
        self.referral_counts = network.counts;
        Ok(())
    }

    fn person(&mut self, app: &App, actor: &Actor) -> anyhow::Result<()> {
        let pool = POOLS.choose(&mut self.rng).expect("pools exist");
        let male = self.rng.gen_bool(0.7);
        let (given, surnames) =
            if male { (pool.male_given, pool.male_surnames) } else { (pool.female_given, pool.female_surnames) };
        let g = given.choose(&mut self.rng).expect("names");
        let s = surnames.choose(&mut self.rng).expect("names");
        let identity = PersonIdentity {
            full_name: format!("{} {}", s.cyrillic, g.cyrillic),
            phones: vec![format!("+7701{:07}", self.rng.gen_range(0..10_000_000))],
            ..Default::default()
        };
        let profile = PersonProfile {
            sex: if male { "male" } else { "female" }.into(),
            citizenship: pool.citizenship.into(),
            ..Default::default()
        };
        let id = app.register_person(actor, None, profile, identity)?;
        self.persons.push(id);
        self.named.push((id, g, s));
        if self.names.len() < 10_000 {
            self.names.push(format!("{} {}", g.latin[g.latin.len() - 1], s.latin[s.latin.len() - 1]));
        }
        Ok(())
    }

    fn save_appeal(&mut self, app: &App, actor: &Actor) -> anyhow::Result<AppealId> {
        let rng = &mut self.rng;
        let pick = |rng: &mut ChaCha8Rng, list: lookups::LookupList| {
            list.codes.choose(rng).map(|c| c.to_string()).expect("codes")
        };
        let received_at = Utc.timestamp_opt(1_199_145_600 + rng.gen_range(0..31_536_000), 0).single().expect("a time");
        // Drawn in the order the generator always drew them, so a seed gives the same data.
        let (channel, contact) = (pick(rng, lookups::CHANNEL), pick(rng, lookups::CONTACT));
        let appeal = Appeal {
            person_id: self.persons.choose(rng).copied(),
            topics: vec![pick(rng, lookups::TOPIC), pick(rng, lookups::TOPIC)],
            help: vec![pick(rng, lookups::HELP)],
            occupation: Some(pick(rng, lookups::OCCUPATION)),
            sector: Some(pick(rng, lookups::SECTOR)),
            work_region: Some(pick(rng, lookups::REGION)),
            wage: Some(Money::from_major(rng.gen_range(10..50) * 1_000, Currency::KZT)),
            migration_reason: Some(pick(rng, lookups::MIGRATION_REASON)),
            notes: Some("Консультация по телефону.".into()),
            ..Appeal::received(OfficeId::default(), AccountId::default(), received_at, &channel, &contact, "advised")
        };
        Ok(app.register_appeal(actor, appeal)?)
    }
}

fn case(rng: &mut ChaCha8Rng, office: OfficeId, lead: AccountId, person: PersonId, team: Vec<AccountId>) -> Case {
    let opened_on = NaiveDate::from_ymd_opt(2008, 1, 1).expect("a date") + chrono::Days::new(rng.gen_range(0..360));
    let victim = match rng.gen_range(0..10) {
        0..=3 => Some(("identified", Some(*["ngo", "police", "prosecutor-court"].choose(rng).expect("codes")))),
        4..=6 => Some(("presumed", Some("ngo"))),
        _ => None,
    };
    Case {
        id: CaseId::new(),
        office_id: office,
        number: String::new(),
        kind: lookups::CASE_KIND.codes.choose(rng).expect("codes").to_string(),
        status: "open".into(),
        sensitive: false,
        lead_id: lead,
        team,
        persons: vec![person],
        parties: vec![],
        opened_on,
        closed_on: None,
        recruited_at: String::new(),
        exploited_region: Some("turkistan".into()),
        exploited_district: Some("maktaaral".into()),
        exploited_place: Some("cotton-field".into()),
        exploited_country: None,
        recruitment_methods: vec![],
        means_of_control: vec![],
        outcomes: vec![],
        closing_reason: None,
        recruited_country: None,
        recruited_district: None,
        victims: victim
            .map(|(status, body)| VictimStatus {
                person_id: person,
                status: status.into(),
                identified_by: body.map(str::to_owned),
                identified_on: Some(opened_on),
            })
            .into_iter()
            .collect(),
        summary: Some("Работа без договора; зарплата не выплачена.".into()),
    }
}

/// The records whose pages are measured.
struct Targets {
    person: PersonId,
    /// Every generated case: the case page is measured on random ones.
    cases: Vec<CaseId>,
    /// The case with the most parts, whose page is the heaviest.
    fullest: Option<CaseId>,
    referrals: referrals::Targets,
    visits: monitoring::Targets,
}

/// Start-up time, idle memory and pages over HTTP, against the real `komek` binary.
fn measure_server(
    data_dir: &Path,
    database_url: Option<&str>,
    samples: usize,
    targets: &Targets,
) -> anyhow::Result<()> {
    let server = server::Server::start(data_dir, database_url)?;
    let startup = server.startup;
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).max_redirects(0).build().into();
    std::thread::sleep(Duration::from_secs(2));
    let idle_rss = rss_kib(server.pid());

    let result = pages(&agent, &server.base, samples, targets);
    let after_rss = rss_kib(server.pid());
    drop(server);
    println!("\n| server | measured | budget |");
    println!("|---|---|---|");
    println!("| start-up to first healthy answer | {:.0} ms | < 1000 ms |", startup.as_secs_f64() * 1000.0);
    println!("| idle memory (RSS) | {:.1} MB | < 50 MB |", idle_rss as f64 / 1024.0);
    println!("| memory after the page runs (RSS) | {:.1} MB | - |", after_rss as f64 / 1024.0);
    result
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn pages(agent: &ureq::Agent, base: &str, samples: usize, targets: &Targets) -> anyhow::Result<()> {
    // Log in through the real form.
    let mut login = agent.get(&format!("{base}/login")).call()?;
    let login_cookie = cookie(&login, "komek_login").context("login cookie")?;
    let html = login.body_mut().read_to_string()?;
    let csrf = html.split("name=\"csrf\" value=\"").nth(1).and_then(|s| s.get(..32)).context("csrf field")?.to_owned();
    let response = agent
        .post(&format!("{base}/login"))
        .header("Cookie", &format!("komek_login={login_cookie}"))
        .send_form([("username", "bench-lawyer"), ("password", BENCH_PASSWORD), ("csrf", csrf.as_str())])?;
    let session = cookie(&response, "komek_session").context("the bench account could not log in")?;
    let cookies = format!("komek_session={session}");

    // A lawyer sees identifying data: the first login enrols an authenticator, as a person would.
    let mut enrol = agent
        .get(&format!("{base}/login/enrol"))
        .header("Cookie", &cookies)
        .header("Accept-Encoding", "gzip")
        .call()?;
    let mut compressed = Vec::new();
    enrol.body_mut().as_reader().read_to_end(&mut compressed)?;
    let enrol_kb = compressed.len() as f64 / 1024.0;
    let mut html = String::new();
    flate2::read::GzDecoder::new(&compressed[..]).read_to_string(&mut html)?;
    let secret_text =
        html.split("<code id=\"secret\">").nth(1).and_then(|s| s.split("</code>").next()).context("the key")?;
    let secret = komek_app::totp::base32_decode(secret_text).context("a base32 key")?;
    let csrf = html.split("name=\"csrf\" value=\"").nth(1).and_then(|s| s.get(..32)).context("csrf field")?.to_owned();
    let step = komek_app::totp::step_of(Utc::now().timestamp()) as u64;
    let code = format!("{:06}", komek_app::totp::code_at(&secret, step));
    let enrolled = agent
        .post(&format!("{base}/login/enrol"))
        .header("Cookie", &cookies)
        .send_form([("csrf", csrf.as_str()), ("code", code.as_str())])?;
    if enrolled.status() != 200 {
        bail!("enrolling the bench account's authenticator failed: {}", enrolled.status());
    }

    println!("\n| page | p50 ms | p95 ms | gzip KB | budget |");
    println!("|---|---|---|---|---|");
    println!("| /login/enrol (with its QR code, once) | - | - | {enrol_kb:.1} | 30 KB |");
    let person_page = format!("/persons/{}", targets.person);
    let fullest_page = targets.fullest.map(|id| format!("/cases/{id}")).unwrap_or_else(|| "/cases".into());
    let r = &targets.referrals;
    let consenting = r.consenting.unwrap_or(targets.person);
    let consents_page = format!("/persons/{consenting} (the person with the most consents)");
    let consent_form = format!("/persons/{consenting}/consents/new");
    let export_page = format!(
        "/cases/{{id}}/htcds?partner_id={}&purpose={}",
        r.iom.map(|id| id.to_string()).unwrap_or_default(),
        referrals::EXPORT_PURPOSE
    );
    let busiest_party = targets
        .visits
        .busiest_party
        .map_or_else(|| "/parties".to_owned(), |party| format!("/parties/{party} (the party with the most visits)"));
    let offenders = format!("/parties/offenders?district={}", monitoring::DISTRICT);
    let get = |path: &str| -> anyhow::Result<usize> {
        let mut r =
            agent.get(&format!("{base}{path}")).header("Cookie", &cookies).header("Accept-Encoding", "gzip").call()?;
        if r.status() != 200 {
            bail!("{path} answered {}", r.status());
        }
        let mut body = Vec::new();
        r.body_mut().as_reader().read_to_end(&mut body)?;
        Ok(body.len())
    };
    for (path, budget) in [
        ("/login", "30 KB"),
        ("/ (with my tasks)", "30 KB, 20 ms"),
        ("/hotline/new", "14 KB"),
        ("/static/intake.js", "in the 14 KB of the intake"),
        ("/hotline/candidates (POST, full_name=Husan Abdulaev)", "10 KB (an interaction)"),
        ("/hotline", "30 KB, 20 ms"),
        ("/hotline?topic=detention-expulsion", "30 KB, 20 ms"),
        ("/hotline?follow_up=due&mine=1", "30 KB, 20 ms"),
        (person_page.as_str(), "30 KB, 20 ms"),
        ("/cases", "30 KB, 20 ms"),
        ("/cases?overdue=1", "30 KB, 20 ms"),
        ("/cases?status=&overdue=1", "30 KB, 20 ms"),
        (fullest_page.as_str(), "30 KB, 20 ms"),
        ("/cases/{id}", "30 KB, 20 ms"),
        ("/static/app.css", "in the 30 KB of a first load"),
        ("/referrals", "30 KB, 20 ms"),
        ("/referrals/partners", "30 KB, 20 ms"),
        ("/referrals/{id}", "30 KB, 20 ms"),
        ("/referrals/{id}/letter", "30 KB, 20 ms"),
        ("/referrals/{id}/letter.pdf", "200 ms (a PDF)"),
        (consents_page.as_str(), "30 KB, 20 ms"),
        (consent_form.as_str(), "30 KB, 20 ms"),
        ("/cases/{id}/htcds", "30 KB, 20 ms"),
        (export_page.as_str(), "30 KB, 20 ms"),
        ("/monitoring", "30 KB, 20 ms"),
        ("/monitoring/new", "30 KB"),
        ("/monitoring/{id}", "30 KB, 20 ms"),
        (busiest_party.as_str(), "30 KB, 20 ms"),
        (offenders.as_str(), "30 KB, 20 ms"),
        ("/parties/offenders", "30 KB, 20 ms"),
    ] {
        if path.contains("{id}") {
            let (ids, what): (Vec<String>, _) = if path.starts_with("/referrals/") {
                (r.referrals.iter().map(ToString::to_string).collect(), "referrals")
            } else if path.starts_with("/monitoring/") {
                (targets.visits.visits.iter().map(ToString::to_string).collect(), "visits")
            } else {
                (targets.cases.iter().map(ToString::to_string).collect(), "cases")
            };
            random_pages(&get, samples, path, &ids, what, budget)?;
            continue;
        }
        let mut size = 0;
        let times = measure(samples, |_| -> anyhow::Result<()> {
            // The live search is a POST with the form's token (names stay out of URLs).
            if path.starts_with("/hotline/candidates") {
                let mut r = agent
                    .post(&format!("{base}/hotline/candidates"))
                    .header("Cookie", &cookies)
                    .header("Accept-Encoding", "gzip")
                    .send_form([("csrf", csrf.as_str()), ("full_name", "Husan Abdulaev")])?;
                if r.status() != 200 {
                    bail!("{path} answered {}", r.status());
                }
                let mut body = Vec::new();
                r.body_mut().as_reader().read_to_end(&mut body)?;
                size = body.len();
            } else {
                size = get(path.split(" (").next().unwrap_or(path))?;
            }
            Ok(())
        })?;
        let path =
            if path == fullest_page { format!("{path} (the case with the most parts)") } else { path.to_owned() };
        println!(
            "| {path} | {:.2} | {:.2} | {:.1} | {budget} |",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            size as f64 / 1024.0
        );
    }
    Ok(())
}

/// A page of a random record each time (`{id}` in `template` stands for it): times, and the
/// largest and median weights.
fn random_pages(
    get: &dyn Fn(&str) -> anyhow::Result<usize>,
    samples: usize,
    template: &str,
    ids: &[String],
    what: &str,
    budget: &str,
) -> anyhow::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut rng = ChaCha8Rng::seed_from_u64(12);
    let mut sizes = Vec::with_capacity(samples);
    let times = measure(samples, |_| -> anyhow::Result<()> {
        let id = ids.choose(&mut rng).expect("ids");
        sizes.push(get(&template.replace("{id}", id))?);
        Ok(())
    })?;
    sizes.sort_unstable();
    println!(
        "| {template} ({samples} random {what}) | {:.2} | {:.2} | {:.1} (largest; median {:.1}) | {budget} |",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        sizes.last().copied().unwrap_or(0) as f64 / 1024.0,
        sizes[sizes.len() / 2] as f64 / 1024.0
    );
    Ok(())
}

fn cookie(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next()?.split_once('='))
        .find(|(n, v)| *n == name && !v.is_empty())
        .map(|(_, v)| v.to_owned())
}
