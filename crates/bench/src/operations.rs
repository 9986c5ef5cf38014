//! `--operations`: what the embedded database's safety costs a working office. Saving an
//! appeal (every commit waits for the disk), then a backup taken while a writer keeps saving
//! appeals through the services: the size of the SQLite WAL file and of this process's memory
//! (the services run in it, as in the server) before, during and after the backup.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use komek_app::instance::{self, Access, DATABASE_FILE};
use komek_app::{Actor, App, Settings};
use komek_domain::Role;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::{BENCH_PASSWORD, Generator, measure, percentile};

/// Saves made before the backup starts, so that the WAL and the caches are in their steady state.
const WARM_UP_SAVES: u64 = 200;
/// Saves made after the backup ends, before the "after" figures are read.
const SAVES_AFTER: u64 = 500;

pub(crate) fn run(data_dir: Option<&Path>, persons: usize, appeals: usize, samples: usize) -> anyhow::Result<()> {
    let temp = tempfile::tempdir()?;
    let data_dir = data_dir.map_or_else(|| temp.path().join("data"), Path::to_path_buf);
    let opened = instance::open(&data_dir, None, Settings::default(), Access::Exclusive)?;
    let app = opened.app.clone();
    let mut g = generator(1);
    let actor = match &opened.first_start {
        Some(first) => {
            println!("# Komek benchmark: durability and backups, {appeals} appeals, {persons} persons on SQLite");
            let lawyer = app
                .create_account(&Actor::System, "bench-lawyer", "Bench Lawyer", Role::Lawyer, first.office.id, "ru")?
                .account;
            app.set_password_directly(&Actor::System, lawyer.id, BENCH_PASSWORD)?;
            let actor = Actor::Staff(komek_domain::entities::Account { must_change_password: false, ..lawyer });
            let started = Instant::now();
            g.fill(&app, &actor, first.office.id, persons, appeals, 0)?;
            println!("generated in {:.0} s", started.elapsed().as_secs_f64());
            actor
        }
        None => {
            // The records of an earlier run, measured again (by another build, say).
            let lawyer = app
                .accounts(&Actor::System)?
                .into_iter()
                .find(|a| a.username == "bench-lawyer")
                .context("no bench-lawyer here: give an empty data directory or one of an earlier run")?;
            g.persons = app.store().read(|tx| {
                tx.query("SELECT id FROM persons", &[])?.iter().map(|r| r.get(0)).collect::<Result<_, _>>()
            })?;
            let appeals = app.store().read(|tx| tx.query_i64("SELECT count(*) FROM appeals", &[]))?;
            println!(
                "# Komek benchmark: durability and backups, measured again on {} ({appeals} appeals, {} persons)",
                data_dir.display(),
                g.persons.len()
            );
            Actor::Staff(komek_domain::entities::Account { must_change_password: false, ..lawyer })
        }
    };
    println!("machine: {} cores, {}", std::thread::available_parallelism().map_or(0, |n| n.get()), crate::cpu_model());
    let synchronous = app.store().read(|tx| tx.query_i64("PRAGMA synchronous", &[]))?;
    println!("PRAGMA synchronous = {synchronous} (1 NORMAL, 2 FULL)\n");

    let saves = measure(samples, |_| g.save_appeal(&app, &actor).map(|_| ()))?;
    println!("| operation | p50 ms | p95 ms | p99 ms |");
    println!("|---|---|---|---|");
    println!(
        "| save an appeal | {:.2} | {:.2} | {:.2} |\n",
        percentile(&saves, 0.5),
        percentile(&saves, 0.95),
        percentile(&saves, 0.99)
    );

    backup_under_load(&app, &actor, &g, &data_dir)?;
    drop(opened);
    Ok(())
}

fn generator(seed: u64) -> Generator {
    Generator { rng: ChaCha8Rng::seed_from_u64(seed), ..Generator::new() }
}

/// The resident memory of this process, in MB.
fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

fn file_mb(path: &Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1_048_576.0)
}

/// Largest WAL and memory seen while sampling.
#[derive(Default)]
struct Peaks {
    wal_mb: f64,
    rss_mb: f64,
}

fn backup_under_load(app: &App, actor: &Actor, g: &Generator, data_dir: &Path) -> anyhow::Result<()> {
    let wal: PathBuf = data_dir.join(format!("{DATABASE_FILE}-wal"));
    let stop = AtomicBool::new(false);
    let saved = AtomicU64::new(0);
    let backing_up = AtomicBool::new(true);
    let backup_path = data_dir.join("bench.backup");
    let rss_before = rss_mb();
    let wal_before = file_mb(&wal);
    let (seconds, saves_during, during, latencies, rss_after, wal_after) = std::thread::scope(|s| {
        let writer = s.spawn(|| -> anyhow::Result<Vec<f64>> {
            let mut w = generator(2);
            w.persons = g.persons.clone();
            let mut times = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let t = Instant::now();
                w.save_appeal(app, actor)?;
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                saved.fetch_add(1, Ordering::Relaxed);
            }
            Ok(times)
        });
        while saved.load(Ordering::Relaxed) < WARM_UP_SAVES {
            std::thread::sleep(Duration::from_millis(10));
        }
        let sampler = s.spawn(|| {
            let mut peaks = Peaks::default();
            while backing_up.load(Ordering::Relaxed) {
                peaks.wal_mb = peaks.wal_mb.max(file_mb(&wal));
                peaks.rss_mb = peaks.rss_mb.max(rss_mb());
                std::thread::sleep(Duration::from_millis(20));
            }
            peaks
        });
        let first = saved.load(Ordering::Relaxed);
        let started = Instant::now();
        let file = std::fs::File::create(&backup_path)?;
        let summary = app.create_backup(&Actor::System, std::io::BufWriter::new(file));
        let seconds = started.elapsed().as_secs_f64();
        let saves_during = saved.load(Ordering::Relaxed) - first;
        backing_up.store(false, Ordering::Relaxed);
        let during = sampler.join().expect("the sampler ends");
        summary?;
        let last = saved.load(Ordering::Relaxed);
        while saved.load(Ordering::Relaxed) < last + SAVES_AFTER {
            std::thread::sleep(Duration::from_millis(10));
        }
        let (rss_after, wal_after) = (rss_mb(), file_mb(&wal));
        stop.store(true, Ordering::Relaxed);
        let mut latencies = writer.join().expect("the writer ends")?;
        latencies.sort_by(f64::total_cmp);
        anyhow::Ok((seconds, saves_during, during, latencies, rss_after, wal_after))
    })?;
    let backup_mb = file_mb(&backup_path);
    let _ = std::fs::remove_file(&backup_path);
    println!(
        "backup under load: {seconds:.1} s, {backup_mb:.1} MB written, {saves_during} appeals saved meanwhile \
         (saves while it ran and after: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms)",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.95),
        percentile(&latencies, 0.99)
    );
    println!("| | before | during (largest) | after {SAVES_AFTER} more saves |");
    println!("|---|---|---|---|");
    println!("| WAL file, MB | {wal_before:.1} | {:.1} | {wal_after:.1} |", during.wal_mb);
    println!("| process memory (RSS), MB | {rss_before:.1} | {:.1} | {rss_after:.1} |", during.rss_mb);
    Ok(())
}
