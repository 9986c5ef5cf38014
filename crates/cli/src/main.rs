//! The `komek` command: serve the application, and administer an instance from the shell.
//!
//! Owns argument parsing, console output and process exit codes. Everything it does goes
//! through `komek-app`'s services (as the system actor: whoever holds the data directory and
//! its key already holds everything).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use komek_app::instance::{self, Access, Instance};
use komek_app::{Actor, Settings, audit, demo, report_export};
use komek_domain::Role;
use komek_web::i18n::Lang;

#[derive(Parser)]
#[command(
    name = "komek",
    version,
    about = "Komek: case management for organisations helping migrant workers and victims of trafficking",
    long_about = "Komek keeps the hotline register, case files and statistics of an organisation that helps \
                  migrant workers and victims of trafficking and labour exploitation. One binary: it serves \
                  the staff web application and administers its data directory. Data lives in an embedded \
                  SQLite file in the data directory, or in PostgreSQL with --database-url; the master key that \
                  protects identifying data always lives in the data directory (or KOMEK_MASTER_KEY)."
)]
struct Cli {
    /// Directory holding the master key, the lock and (without --database-url) the SQLite database.
    #[arg(long, global = true, env = "KOMEK_DATA_DIR", default_value = "komek-data")]
    data_dir: PathBuf,
    /// Use PostgreSQL instead of the embedded database, e.g. postgres://komek@127.0.0.1:5432/komek
    #[arg(long, global = true, env = "KOMEK_DATABASE_URL")]
    database_url: Option<String>,
    /// Write logs as JSON lines (for log collectors) instead of text.
    #[arg(long, global = true, env = "KOMEK_LOG_JSON")]
    log_json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the staff web application. The first start creates the data directory, the
    /// database, the master key and an administrator whose one-time password is printed once.
    Serve(ServeArgs),
    /// Bring the database schema up to date and exit (serve does this too, at start-up).
    Migrate,
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage offices (the headquarters and district centres records belong to).
    #[command(subcommand)]
    Office(OfficeCommand),
    /// Create a data directory holding the demo year 2008 and serve it. Every demo account's
    /// password is printed; run it again to serve the same demo data.
    Demo(DemoArgs),
    /// Check the audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Manage the master key.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Make and restore encrypted backups.
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Write the report for a period (and an office) to a file: CSV, XLSX, PDF or JSON, with
    /// titles and labels in the chosen language; or, with --public, its open-data release.
    /// The file appears only once it is complete.
    Report(ReportArgs),
    /// Show the privacy budget of differentially private releases — the ε they may spend per
    /// calendar year and what each year has spent — or, with --set, change it (audited).
    PrivacyBudget(PrivacyBudgetArgs),
}

#[derive(clap::Args)]
struct ReportArgs {
    /// First day of the period, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    from: chrono::NaiveDate,
    /// Last day of the period (included), YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    to: chrono::NaiveDate,
    /// Office code (see `komek office list`); every office without it.
    #[arg(long)]
    office: Option<String>,
    /// csv, xlsx, pdf or json; taken from the file name's extension when not given.
    #[arg(long, value_parser = parse_format, conflicts_with = "public")]
    format: Option<report_export::Format>,
    /// Write the public release instead: a ZIP of CSV tables and a README, for open data, with
    /// every count below the threshold hidden and enough others that none can be worked out,
    /// also next to every release made before. The release is recorded in the ledger of public
    /// releases; one that would give away, next to an earlier one, what either hides is refused.
    #[arg(long)]
    public: bool,
    /// The smallest count a public release shows (zeros aside).
    #[arg(long, default_value_t = komek_domain::public_release::DEFAULT_THRESHOLD, requires = "public",
          value_parser = parse_threshold)]
    threshold: u64,
    /// Make the public release differentially private instead, spending this privacy loss ε
    /// (e.g. 0.5) of the yearly budget: every count with random noise, for periods that overlap
    /// releases already made. Recorded in the ledger; refused when a year's budget would be
    /// exceeded.
    #[arg(long, requires = "public", value_parser = parse_epsilon)]
    epsilon: Option<u64>,
    /// The file to write. An existing file is replaced only by a complete report.
    #[arg(long)]
    out: PathBuf,
    /// Language of titles and labels: ru, kk or en.
    #[arg(long, default_value = "ru", value_parser = parse_lang)]
    lang: Lang,
}

#[derive(clap::Args)]
struct PrivacyBudgetArgs {
    /// The ε private releases may spend together per calendar year, e.g. 2.
    #[arg(long, value_parser = parse_epsilon)]
    set: Option<u64>,
}

fn parse_epsilon(text: &str) -> Result<u64, String> {
    use komek_domain::private_release::{
        MAX_EPSILON_MILLI, MIN_EPSILON_MILLI, check_epsilon, epsilon_text, parse_epsilon,
    };
    parse_epsilon(text).and_then(|e| check_epsilon(e).ok()).ok_or_else(|| {
        format!(
            "{text:?} is not a privacy loss Komek takes; give a decimal from {} to {}, e.g. 0.5",
            epsilon_text(MIN_EPSILON_MILLI),
            epsilon_text(MAX_EPSILON_MILLI)
        )
    })
}

fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    komek_domain::rules::parse_day(text.trim())
        .ok_or_else(|| format!("{text:?} is not a date; write it as YYYY-MM-DD, e.g. 2008-12-31"))
}

fn parse_threshold(text: &str) -> Result<u64, String> {
    use komek_domain::public_release::{MAX_THRESHOLD, MIN_THRESHOLD, check_threshold};
    text.trim().parse().ok().and_then(|n| check_threshold(n).ok()).ok_or_else(|| {
        format!("{text:?} is not a threshold; give a whole number from {MIN_THRESHOLD} to {MAX_THRESHOLD}")
    })
}

fn parse_format(text: &str) -> Result<report_export::Format, String> {
    report_export::Format::parse(text)
        .ok_or_else(|| format!("{text:?} is not a report format; use csv, xlsx, pdf or json"))
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("{text:?} is not a language of Komek; use ru, kk or en"))
}

#[derive(Subcommand)]
enum BackupCommand {
    /// Write an encrypted backup of every record to FILE, consistent even while the server runs.
    /// It opens with the master key in use now: keep that key (apart from the file).
    Create { file: PathBuf },
    /// Restore a backup into a new data directory (and, with --database-url, an empty
    /// PostgreSQL database). The master key in use when the backup was made must be given.
    Restore {
        file: PathBuf,
        /// The backed-up instance's key file (master.key); or set KOMEK_MASTER_KEY.
        #[arg(long)]
        key_file: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum KeyCommand {
    /// Wrap the data under a new master key; the old key stops working. Safe while the server
    /// runs. Back up the new key file (or update KOMEK_MASTER_KEY) at once.
    Rotate,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "KOMEK_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Mark cookies Secure: use when Komek is reached over HTTPS (directly or through a proxy).
    #[arg(long, env = "KOMEK_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Minutes of inactivity after which a session ends.
    #[arg(long, env = "KOMEK_SESSION_IDLE_MINUTES", default_value_t = 30)]
    session_idle_minutes: u64,
    /// Address of the reverse proxy in front of Komek: its X-Forwarded-For then names the real
    /// client, for login throttling and the audit log.
    #[arg(long, env = "KOMEK_TRUSTED_PROXY")]
    trusted_proxy: Option<std::net::IpAddr>,
    /// Hours after login at which a session ends however active it is.
    #[arg(long, env = "KOMEK_SESSION_HOURS", default_value_t = 12)]
    session_hours: u64,
}

#[derive(clap::Args)]
struct DemoArgs {
    /// Seed of the generator: the same seed gives the same year.
    #[arg(long, default_value_t = demo::DEFAULT_SEED)]
    seed: u64,
    /// Load the demo and exit instead of serving it.
    #[arg(long)]
    no_serve: bool,
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account; its one-time password is printed once and must be changed at first login.
    Add {
        username: String,
        /// One of: administrator, manager, lawyer, psychologist, hotline-operator, mobile-consultant, analyst.
        #[arg(long)]
        role: String,
        /// Office code, e.g. hq.
        #[arg(long, default_value = "hq")]
        office: String,
        /// Name shown in the interface (defaults to the username).
        #[arg(long)]
        name: Option<String>,
        /// Interface language: ru, kk or en.
        #[arg(long, default_value = "ru")]
        language: String,
    },
    /// List accounts.
    List,
    /// Remove an account's second factor (a lost phone): it enrols again at its next login.
    ResetSecondFactor { username: String },
    /// Disable an account; its sessions end at once.
    Disable { username: String },
    /// Enable a disabled account again.
    Enable { username: String },
    /// Make an API token that acts as the account through the JSON API (/api/v1), with the
    /// account's own rights. The secret is printed once; only its hash is kept.
    Token {
        username: String,
        /// What the token is for, shown in `komek user tokens`, e.g. "hotline bot".
        #[arg(long, default_value = "api")]
        label: String,
    },
    /// List an account's API tokens (never their secrets).
    Tokens { username: String },
    /// Revoke an API token at once, by the id `komek user tokens` shows.
    RevokeToken { id: komek_app::api_tokens::ApiTokenId },
}

#[derive(Subcommand)]
enum OfficeCommand {
    /// Add an office.
    Add {
        /// Short code typed in commands, e.g. maktaaral.
        code: String,
        /// Full name.
        name: String,
        /// Local time offset from UTC in minutes (Kazakhstan: 300).
        #[arg(long, default_value_t = 300)]
        utc_offset_minutes: i32,
    },
    /// List offices.
    List,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Walk the hash chain and report the first entry that was edited, removed or reordered.
    Verify,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.log_json);
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // One clear sentence: the chain of causes, joined.
            eprintln!("komek: {}", format!("{e:#}").replace("\n", " "));
            ExitCode::FAILURE
        }
    }
}

fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn open(cli: &Cli, access: Access) -> anyhow::Result<Instance> {
    open_at(&cli.data_dir, cli, access)
}

fn open_at(data_dir: &Path, cli: &Cli, access: Access) -> anyhow::Result<Instance> {
    let instance = instance::open(data_dir, cli.database_url.as_deref(), Settings::default(), access)?;
    if let Some(first) = &instance.first_start {
        println!(
            "First start: created office {:?} and administrator account {:?}.",
            first.office.code, first.admin.account.username
        );
        println!("One-time password (shown only now, change it at first login): {}", first.admin.one_time_password);
    }
    Ok(instance)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Serve(args) => {
            let mut instance = open(&cli, Access::Exclusive)?;
            instance.app.settings.session_idle = std::time::Duration::from_secs(args.session_idle_minutes.max(1) * 60);
            instance.app.settings.session_absolute = std::time::Duration::from_secs(args.session_hours.max(1) * 3600);
            serve(instance, args)?;
        }
        Command::Migrate => {
            let data_dir = instance::DataDir::open(&cli.data_dir, Access::Exclusive)?;
            let store = match &cli.database_url {
                Some(url) => komek_store::Store::open_postgres(url)?,
                None => komek_store::Store::open_sqlite(&data_dir.database_path())?,
            };
            let applied = store.migrate()?;
            println!("Schema at version {} ({} applied now).", store.schema_version()?, applied.len());
        }
        Command::User(UserCommand::Add { username, role, office, name, language }) => {
            let Some(role) = Role::parse(role) else {
                let known: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
                bail!("unknown role {role:?}; use one of: {}", known.join(", "));
            };
            let instance = open(&cli, Access::Shared)?;
            let Some(office) = instance.app.office_by_code(office)? else {
                bail!("no office with code {office:?}; see `komek office list`");
            };
            let display = name.clone().unwrap_or_else(|| username.clone());
            let created = instance.app.create_account(&Actor::System, username, &display, role, office.id, language)?;
            println!("Created {} ({}) in office {}.", created.account.username, role.code(), office.code);
            println!("One-time password (shown only now, change it at first login): {}", created.one_time_password);
        }
        Command::User(UserCommand::List) => {
            let instance = open(&cli, Access::Shared)?;
            for a in instance.app.accounts(&Actor::System)? {
                let state = if a.disabled { "disabled" } else { "active" };
                println!("{:<20} {:<18} {:<8} {}", a.username, a.role.code(), state, a.display_name);
            }
        }
        Command::User(
            UserCommand::ResetSecondFactor { username }
            | UserCommand::Disable { username }
            | UserCommand::Enable { username },
        ) => {
            let instance = open(&cli, Access::Shared)?;
            let app = &instance.app;
            let wanted = username.trim().to_lowercase();
            let Some(account) = app.accounts(&Actor::System)?.into_iter().find(|a| a.username == wanted) else {
                bail!("no account {username:?}; see `komek user list`");
            };
            match &cli.command {
                Command::User(UserCommand::ResetSecondFactor { .. }) => {
                    app.reset_second_factor(&Actor::System, account.id)?;
                    println!("The second factor of {username} is removed: it enrols again at its next login.");
                }
                Command::User(UserCommand::Disable { .. }) => {
                    app.set_account_disabled(&Actor::System, account.id, true)?;
                    println!("{username} is disabled and logged out everywhere.");
                }
                _ => {
                    app.set_account_disabled(&Actor::System, account.id, false)?;
                    println!("{username} is enabled.");
                }
            }
        }
        Command::User(UserCommand::Token { username, label }) => {
            let instance = open(&cli, Access::Shared)?;
            let account = account_named(&instance, username)?;
            let made = instance.app.create_api_token(&Actor::System, account.id, label)?;
            println!("Created API token {} for {} ({label}).", made.id, account.username);
            println!("Secret (shown only now; send it as \"Authorization: Bearer SECRET\"): {}", made.secret);
        }
        Command::User(UserCommand::Tokens { username }) => {
            let instance = open(&cli, Access::Shared)?;
            let account = account_named(&instance, username)?;
            let tokens = instance.app.api_tokens(&Actor::System, Some(account.id))?;
            if tokens.is_empty() {
                println!("{} has no API tokens.", account.username);
            }
            const MINUTE: &str = "%Y-%m-%d %H:%M UTC";
            for t in tokens {
                let state =
                    t.revoked_at.map_or_else(|| "active".to_owned(), |at| format!("revoked {}", at.format(MINUTE)));
                let used =
                    t.last_used_at.map_or_else(|| "never used".to_owned(), |at| format!("used {}", at.format(MINUTE)));
                println!("{}  {:<24} created {}  {:<26} {state}", t.id, t.label, t.created_at.format(MINUTE), used);
            }
        }
        Command::User(UserCommand::RevokeToken { id }) => {
            let instance = open(&cli, Access::Shared)?;
            match instance.app.revoke_api_token(&Actor::System, *id) {
                Ok(()) => println!("API token {id} is revoked."),
                Err(komek_app::AppError::NotFound) => bail!("no API token {id}; see `komek user tokens USERNAME`"),
                Err(e) => return Err(e.into()),
            }
        }
        Command::Office(OfficeCommand::Add { code, name, utc_offset_minutes }) => {
            let instance = open(&cli, Access::Shared)?;
            let office = instance.app.create_office(&Actor::System, code, name, *utc_offset_minutes)?;
            println!("Created office {} ({}).", office.code, office.name);
        }
        Command::Office(OfficeCommand::List) => {
            let instance = open(&cli, Access::Shared)?;
            for o in instance.app.offices()? {
                println!("{:<12} UTC{:+} {}", o.code, o.utc_offset_minutes / 60, o.name);
            }
        }
        Command::Demo(args) => {
            // The demo keeps to its own directory unless told otherwise, away from real data.
            let data_dir = if cli.data_dir == Path::new("komek-data") {
                PathBuf::from("komek-demo")
            } else {
                cli.data_dir.clone()
            };
            let instance = open_at(&data_dir, &cli, Access::Exclusive)?;
            if instance.first_start.is_some() {
                println!("Loading the demo year {} into {} …", demo::YEAR, data_dir.display());
                let started = std::time::Instant::now();
                // The letters of the demo's sent referrals, in Russian as the partners read them.
                let i18n = komek_web::I18n::load();
                let tr = komek_web::i18n::Tr { i18n: &i18n, lang: komek_web::Lang::Ru };
                let words = |id: &str| tr.t(id);
                let summary = demo::generate(&instance.app, args.seed, &words).context("loading the demo year")?;
                println!(
                    "Loaded {} appeals, {} people, {} employers and intermediaries, {} cases, {} referrals in {:.1} s.",
                    summary.appeals,
                    summary.persons,
                    summary.parties,
                    summary.cases,
                    summary.referrals,
                    started.elapsed().as_secs_f64()
                );
            } else {
                println!("{} already holds data: serving it as it is.", data_dir.display());
            }
            println!("Demo accounts (password {:?} for each):", demo::DEMO_PASSWORD);
            for (username, role) in demo::accounts() {
                println!("  {username:<10} {role}");
            }
            if !args.no_serve {
                serve(instance, &args.serve)?;
            }
        }
        Command::Key(KeyCommand::Rotate) => {
            let instance = open(&cli, Access::Shared)?;
            match instance::rotate_master_key(&instance)? {
                instance::RotatedKey::Written(path) => {
                    println!("The master key is rotated; the new key is in {}. Back it up now.", path.display())
                }
                instance::RotatedKey::FromEnvironment(key, staged) => println!(
                    "The master key is rotated. Set KOMEK_MASTER_KEY to the new key now (it is also in {} \
                     until you delete it):\n{}",
                    staged.display(),
                    key.to_hex()
                ),
            }
        }
        Command::Backup(BackupCommand::Create { file }) => {
            if file.exists() {
                bail!("{} exists already; choose a new name (backups are never overwritten)", file.display());
            }
            let instance = open(&cli, Access::Shared)?;
            let mut partial = file.clone().into_os_string();
            partial.push(".partial");
            let partial = PathBuf::from(partial);
            let written = (|| -> anyhow::Result<komek_app::backup::Summary> {
                let out = std::fs::File::create_new(&partial)
                    .with_context(|| format!("cannot write {}", partial.display()))?;
                let mut writer = std::io::BufWriter::new(out);
                let summary = instance.app.create_backup(&Actor::System, &mut writer)?;
                // On disk before it gets its final name: a power cut never leaves a short file
                // that looks complete.
                writer.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                std::fs::rename(&partial, file).with_context(|| format!("cannot write {}", file.display()))?;
                Ok(summary)
            })();
            match written {
                Ok(summary) => {
                    println!("Backed up {} rows of {} tables to {}.", summary.rows, summary.tables, file.display());
                }
                Err(e) => {
                    // A failed backup leaves no file that looks like one.
                    let _ = std::fs::remove_file(&partial);
                    return Err(e);
                }
            }
        }
        Command::Backup(BackupCommand::Restore { file, key_file }) => {
            let master = match key_file {
                Some(path) => komek_app::MasterKey::from_hex(
                    &std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?,
                )?,
                None => match std::env::var(komek_app::crypto::MASTER_KEY_VAR) {
                    Ok(hex) => komek_app::MasterKey::from_hex(&hex)?,
                    Err(_) => bail!("give the backed-up instance's master key with --key-file or KOMEK_MASTER_KEY"),
                },
            };
            let input = std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
            let summary = {
                let data_dir = instance::DataDir::open(&cli.data_dir, Access::Exclusive)?;
                let store = match &cli.database_url {
                    Some(url) => komek_store::Store::open_postgres(url)?,
                    None => komek_store::Store::open_sqlite(&data_dir.database_path())?,
                };
                store.migrate()?;
                let summary = komek_app::backup::restore(&store, &master, std::io::BufReader::new(input))?;
                let key_path = data_dir.path.join(komek_app::crypto::MASTER_KEY_FILE);
                if key_file.is_some() && !key_path.exists() {
                    master.write_file(&key_path)?;
                }
                summary
            };
            let instance = open(&cli, Access::Exclusive)?;
            let verdict = instance.app.verify_audit(&Actor::System)?;
            println!("Restored {} rows of {} tables into {}.", summary.rows, summary.tables, cli.data_dir.display());
            if let audit::Verdict::Intact { entries } = verdict {
                println!("The audit log is intact: {entries} entries checked.");
            }
        }
        Command::Report(args) => report(&cli, args)?,
        Command::PrivacyBudget(args) => {
            use komek_domain::private_release::epsilon_text;
            let instance = open(&cli, Access::Shared)?;
            if let Some(epsilon) = args.set {
                instance.app.set_privacy_budget(&Actor::System, epsilon)?;
            }
            let budget = instance.app.privacy_budget(&Actor::System)?;
            println!("Private releases may spend ε = {} per calendar year.", epsilon_text(budget.per_year_milli));
            for (year, spent) in &budget.spent {
                let left = budget.per_year_milli.saturating_sub(*spent);
                println!("{year}: spent ε = {}, left ε = {}", epsilon_text(*spent), epsilon_text(left));
            }
        }
        Command::Audit(AuditCommand::Verify) => {
            let instance = open(&cli, Access::Shared)?;
            match instance.app.verify_audit(&Actor::System)? {
                audit::Verdict::Intact { entries } => println!("The audit log is intact: {entries} entries checked."),
                audit::Verdict::Broken { seq, reason } => {
                    println!("The audit log is broken at entry {seq}: {reason}.");
                    return Ok(ExitCode::from(3));
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Why the ledger refused a public release, naming the earlier release it collides with.
fn refused(app: &komek_app::App, refusal: &komek_app::public_releases::Refusal) -> anyhow::Result<String> {
    use komek_app::public_releases::Refusal;
    use komek_domain::private_release::epsilon_text;
    let earlier = match refusal {
        Refusal::Collides { earlier } => earlier,
        Refusal::OverBudget { year, spent_milli, budget_milli } => {
            return Ok(format!(
                "the private release is refused: private releases have already spent ε = {} of the privacy budget \
                 of {year} (ε = {} a year), and this one would take the year past it; choose a smaller --epsilon or \
                 a period in another year",
                epsilon_text(*spent_milli),
                epsilon_text(*budget_milli)
            ));
        }
    };
    let Some(earlier) = earlier else {
        return Ok("the public release is refused: its figures could not be checked against the releases already \
                   made; choose a shorter period or one office"
            .to_owned());
    };
    let whom = match earlier.office {
        None => "all offices".to_owned(),
        Some(id) => {
            app.offices()?.into_iter().find(|o| o.id == id).map_or(id.to_string(), |o| format!("office {}", o.code))
        }
    };
    Ok(format!(
        "the public release is refused: next to the public release of {} – {} ({whom}), made on {}, it would let \
         hidden figures be worked out by difference, and hiding more of it does not prevent that; choose a period \
         that does not overlap that release, or the same period and office as it",
        earlier.period.from(),
        earlier.period.to(),
        earlier.made_at.format("%Y-%m-%d")
    ))
}

/// Counts the report and writes it to a temporary file beside the target, renamed into place
/// once complete: whatever fails, no partial report is left behind.
fn report(cli: &Cli, args: &ReportArgs) -> anyhow::Result<()> {
    use std::io::{IsTerminal, Write};

    use komek_domain::public_release::{Figure, Mode};
    use komek_domain::reports::{Period, column, table};

    let period = Period::custom(args.from, args.to).map_err(|e| anyhow::anyhow!("{e}"))?;
    let format = match (args.public, args.format) {
        (true, _) => None,
        (false, Some(format)) => Some(format),
        (false, None) => match args.out.extension().and_then(|e| e.to_str()).and_then(report_export::Format::parse) {
            Some(format) => Some(format),
            None => bail!("say which format to write with --format csv, xlsx, pdf or json, or --public"),
        },
    };
    // A report of a data directory that holds nothing would create an instance as a side effect.
    if cli.database_url.is_none() && !cli.data_dir.join(instance::DATABASE_FILE).exists() {
        bail!(
            "{} holds no Komek data; give the data directory with --data-dir or KOMEK_DATA_DIR",
            cli.data_dir.display()
        );
    }
    let out = &args.out;
    let unwritable = || format!("cannot write {}", out.display());
    if out.is_dir() {
        bail!("cannot write {}: it is a directory", out.display());
    }
    let folder = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".komek-report-").suffix(".partial");
    #[cfg(unix)]
    {
        // As any new file: readable as the user's umask allows (a report holds no identifying data).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut partial = builder.tempfile_in(folder).with_context(unwritable)?;

    let instance = open(cli, Access::Shared)?;
    let app = &instance.app;
    let office = match &args.office {
        None => None,
        Some(code) => match app.office_by_code(code)? {
            Some(office) => Some(office),
            None => {
                let known: Vec<String> = app.offices()?.into_iter().map(|o| o.code).collect();
                bail!("no office with code {code:?}; the offices are: {}", known.join(", "));
            }
        },
    };

    let progress = if std::io::stderr().is_terminal() {
        let spinner = indicatif::ProgressBar::new_spinner();
        if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
            spinner.set_style(style);
        }
        spinner.enable_steady_tick(std::time::Duration::from_millis(120));
        spinner
    } else {
        indicatif::ProgressBar::hidden()
    };
    progress.set_message(format!("Counting the report for {} – {} …", period.from(), period.to()));
    let query = komek_app::reports::ReportQuery { period, office: office.as_ref().map(|o| o.id) };
    // The organisation's labels for its own codes, as the report page shows them.
    app.lookups().context("reading the organisation's lists")?;
    let i18n = komek_web::i18n::I18n::with_lists(app.lookup_cache());
    let translate = |id: &str| i18n.format(args.lang, id, None);
    let mut words = report_export::ExportLabels::new(&translate);
    if let Some(office) = &office {
        words = words.with_office(format!("{} ({})", office.name, office.code));
    }
    let (bytes, what, appeals, tables) = match format {
        Some(format) => {
            let report = app.report(&Actor::System, &query).context("counting the report")?;
            progress.set_message(format!("Writing {} …", format.code().to_uppercase()));
            let appeals =
                report.table(table::APPEALS_TOTAL).and_then(|t| t.count("total", column::APPEALS)).unwrap_or(0);
            let bytes = report_export::export(&report, format, &words)?;
            (bytes, format!("{} report", format.code().to_uppercase()), appeals.to_string(), report.tables.len())
        }
        None => {
            // Recorded in the ledger before the file is written: a release that then fails to be
            // written constrains later ones for nothing, one written but not recorded would not.
            let made = match args.epsilon {
                Some(epsilon) => app.make_private_release(&Actor::System, &query, epsilon),
                None => app.make_public_release(&Actor::System, &query, args.threshold),
            };
            let release = match made.context("counting the public release")? {
                Ok(release) => release,
                Err(refusal) => bail!("{}", refused(app, &refusal)?),
            };
            progress.set_message("Writing the open-data package …");
            let appeals = match release.table(table::APPEALS_TOTAL).and_then(|t| t.figure("total", column::APPEALS)) {
                Some(Figure::Count(n)) => n.to_string(),
                Some(Figure::Hidden) => "hidden".to_owned(),
                _ => "0".to_owned(),
            };
            let today = chrono::Utc::now().date_naive();
            let bytes = komek_app::open_data::package(&release, &words, today)?;
            let what = match release.mode {
                Mode::Suppression { threshold } => format!("open-data package (threshold {threshold})"),
                Mode::Private { epsilon_milli } => {
                    format!(
                        "open-data package (private, ε {})",
                        komek_domain::private_release::epsilon_text(epsilon_milli)
                    )
                }
            };
            (bytes, what, appeals, release.tables.len())
        }
    };
    partial.write_all(&bytes).with_context(unwritable)?;
    // On disk before it takes the report's name: a power cut never leaves a short file that
    // looks complete.
    partial.as_file().sync_all().with_context(unwritable)?;
    partial.persist(out).map_err(|e| e.error).with_context(unwritable)?;
    progress.finish_and_clear();

    let whom = office.map_or_else(|| "all offices".to_owned(), |o| format!("office {}", o.code));
    println!(
        "Wrote the {what} for {} – {} ({whom}: {appeals} appeals, {tables} tables) to {} ({} KB).",
        period.from(),
        period.to(),
        out.display(),
        bytes.len().div_ceil(1024)
    );
    Ok(())
}

/// The account with a username, or one clear sentence saying there is none.
fn account_named(instance: &Instance, username: &str) -> anyhow::Result<komek_domain::entities::Account> {
    let wanted = username.trim().to_lowercase();
    match instance.app.accounts(&Actor::System)?.into_iter().find(|a| a.username == wanted) {
        Some(account) => Ok(account),
        None => bail!("no account {username:?}; see `komek user list`"),
    }
}

fn serve(instance: Instance, args: &ServeArgs) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(komek_store::POOL_CONNECTIONS as usize)
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| format!("cannot listen on {}", args.listen))?;
        let state = komek_web::AppState::new(
            instance.app.clone(),
            komek_web::WebConfig { secure_cookies: args.secure_cookies, trusted_proxy: args.trusted_proxy },
        );
        println!("Komek is listening on http://{}", listener.local_addr()?);
        komek_web::serve(state, listener, shutdown_signal()).await.context("serving")
    });
    // The runtime ends first, with every task that holds the services; the database's
    // connections close after it, on this thread. The data directory's lock is held until here.
    drop(runtime);
    drop(instance);
    served
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
