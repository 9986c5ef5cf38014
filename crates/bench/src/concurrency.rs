//! `--concurrency`: audited reads under many clients at once, over real HTTP against the real
//! `komek` binary. Every person search and every read of a person's identity appends to the
//! one audit chain, so this is where a single point of contention would show: requests per
//! second and p50/p95/p99 at 1, 8, 32 and 64 clients, for the person search and the person
//! read of the JSON API (a token per request, as a program would call it).

use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use komek_app::demo::names::POOLS;
use komek_app::instance::{self, Access};
use komek_app::{Actor, Settings};
use komek_domain::{PersonId, Role};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::server::Server;
use super::{Generator, percentile};

/// The numbers of clients measured.
const CLIENTS: [usize; 4] = [1, 8, 32, 64];

/// Persons whose records the read is measured on.
const READ_TARGETS: i64 = 2_000;

/// Generates persons and appeals into `data_dir` unless it already holds an earlier run's,
/// then measures the server at each number of clients for `seconds` each.
pub(crate) fn run(
    data_dir: &Path,
    url: Option<&str>,
    persons: usize,
    appeals: usize,
    seconds: u64,
) -> anyhow::Result<()> {
    let backend = if url.is_some() { "PostgreSQL" } else { "SQLite" };
    let opened = instance::open(data_dir, url, Settings::default(), Access::Exclusive)?;
    let app = opened.app.clone();
    let fresh = opened.first_start.as_ref().map(|f| f.office.id);
    let lawyer = match fresh {
        Some(office) => {
            let lawyer =
                app.create_account(&Actor::System, "bench-lawyer", "Bench Lawyer", Role::Lawyer, office, "ru")?.account;
            let actor = Actor::Staff(komek_domain::entities::Account { must_change_password: false, ..lawyer.clone() });
            if let Some(url) = url {
                super::set_synchronous_commit(url, false)?;
            }
            let mut g = Generator::new();
            let started = Instant::now();
            g.fill(&app, &actor, office, persons, appeals, 0)?;
            println!("generated {persons} persons and {appeals} appeals in {:.0} s", started.elapsed().as_secs_f64());
            if let Some(url) = url {
                super::set_synchronous_commit(url, true)?;
            }
            lawyer
        }
        None => app
            .accounts(&Actor::System)?
            .into_iter()
            .find(|a| a.username == "bench-lawyer")
            .context("no bench-lawyer here: give an empty data directory or that of an earlier run")?,
    };
    if url.is_some() && super::vacuum_without_autovacuum(&app)? {
        println!("autovacuum is off on this server: the tables were vacuumed first, as autovacuum would have");
    }
    let (persons_held, appeals_held, entries_before) = app.store().read(|tx| {
        Ok((
            tx.query_i64("SELECT count(*) FROM persons", &[])?,
            tx.query_i64("SELECT count(*) FROM appeals", &[])?,
            tx.query_i64("SELECT seq FROM audit_head", &[])?,
        ))
    })?;
    let targets: Vec<PersonId> = app.store().read(|tx| {
        tx.query("SELECT id FROM persons ORDER BY id LIMIT $1", &[READ_TARGETS.into()])?
            .iter()
            .map(|r| r.get(0))
            .collect()
    })?;
    let token = app.create_api_token(&Actor::System, lawyer.id, "concurrency bench")?.secret;
    drop(opened);

    println!(
        "# Audited reads under concurrent clients: {persons_held} persons, {appeals_held} appeals on {backend}, \
         {seconds} s per figure; the log held {entries_before} entries"
    );
    println!(
        "machine: {} cores, {}; load average before: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        super::cpu_model(),
        load_average()
    );
    let server = Server::start(data_dir, url)?;
    let result = measure_all(&server.base, &token, &targets, seconds);
    drop(server);
    result?;
    println!("load average after: {}", load_average());
    Ok(())
}

fn measure_all(base: &str, token: &str, targets: &[PersonId], seconds: u64) -> anyhow::Result<()> {
    let queries: Arc<Vec<String>> = Arc::new(search_queries(2_000));
    let targets: Arc<Vec<PersonId>> = Arc::new(targets.to_vec());
    println!("\n| request | clients | requests/s | p50 ms | p95 ms | p99 ms | requests |");
    println!("|---|---|---|---|---|---|---|");
    for (name, kind) in [
        ("person search `GET /api/v1/persons?q=…`", Kind::Search),
        ("person read `GET /api/v1/persons/{id}`", Kind::Read),
    ] {
        for clients in CLIENTS {
            let (count, elapsed, times) =
                load(base, token, kind, clients, Duration::from_secs(seconds), &queries, &targets)?;
            println!(
                "| {name} | {clients} | {:.0} | {:.2} | {:.2} | {:.2} | {count} |",
                count as f64 / elapsed,
                percentile(&times, 0.5),
                percentile(&times, 0.95),
                percentile(&times, 0.99)
            );
        }
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Kind {
    Search,
    Read,
}

/// `clients` threads, each on its own connection, sending requests back to back until the
/// time is up. Returns the requests answered, the seconds taken and their sorted latencies.
fn load(
    base: &str,
    token: &str,
    kind: Kind,
    clients: usize,
    duration: Duration,
    queries: &Arc<Vec<String>>,
    targets: &Arc<Vec<PersonId>>,
) -> anyhow::Result<(usize, f64, Vec<f64>)> {
    let started = Instant::now();
    let until = started + duration;
    let threads: Vec<_> = (0..clients)
        .map(|i| {
            let (base, auth) = (base.to_owned(), format!("Bearer {token}"));
            let (queries, targets) = (queries.clone(), targets.clone());
            std::thread::spawn(move || -> anyhow::Result<Vec<f64>> {
                let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
                let mut rng = ChaCha8Rng::seed_from_u64(100 + i as u64);
                let mut times = Vec::new();
                while Instant::now() < until {
                    let path = match kind {
                        Kind::Search => {
                            let q = queries.choose(&mut rng).expect("queries");
                            format!("/api/v1/persons?q={}&limit=5", q.replace(' ', "%20"))
                        }
                        Kind::Read => format!("/api/v1/persons/{}", targets.choose(&mut rng).expect("persons")),
                    };
                    let t = Instant::now();
                    let mut r = agent.get(&format!("{base}{path}")).header("Authorization", &auth).call()?;
                    let mut body = Vec::new();
                    r.body_mut().as_reader().read_to_end(&mut body)?;
                    if r.status() != 200 {
                        bail!("{path} answered {}: {}", r.status(), String::from_utf8_lossy(&body));
                    }
                    times.push(t.elapsed().as_secs_f64() * 1000.0);
                }
                Ok(times)
            })
        })
        .collect();
    let mut times = Vec::new();
    for t in threads {
        times.extend(t.join().map_err(|_| anyhow::anyhow!("a client panicked"))??);
    }
    let elapsed = started.elapsed().as_secs_f64();
    if times.is_empty() {
        bail!("no request was answered");
    }
    times.sort_by(f64::total_cmp);
    Ok((times.len(), elapsed, times))
}

/// Names as an operator types them: a Latin spelling of a given name and a surname.
fn search_queries(n: usize) -> Vec<String> {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    (0..n)
        .map(|_| {
            let pool = POOLS.choose(&mut rng).expect("pools");
            let male = rng.gen_bool(0.7);
            let (given, surnames) =
                if male { (pool.male_given, pool.male_surnames) } else { (pool.female_given, pool.female_surnames) };
            let g = given.choose(&mut rng).expect("names");
            let s = surnames.choose(&mut rng).expect("names");
            format!("{} {}", g.latin[g.latin.len() - 1], s.latin[s.latin.len() - 1])
        })
        .collect()
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
