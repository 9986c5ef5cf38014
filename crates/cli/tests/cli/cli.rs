//! The `komek` binary as an operator meets it: first start, demo, and every kind of bad
//! input getting one clear sentence and a non-zero exit, never a panic or a damaged database.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use komek_store::testing::BackEnd;

use crate::support::{Instance, assert_refused, komek, stderr, stdout};

#[test]
fn help_and_version_explain_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let help = komek(dir.path(), &["--help"]);
    assert!(help.status.success());
    for command in ["serve", "migrate", "user", "office", "demo", "audit"] {
        assert!(stdout(&help).contains(command), "{command} missing from --help");
    }
    let version = komek(dir.path(), &["--version"]);
    assert_eq!(stdout(&version).trim(), format!("komek {}", env!("CARGO_PKG_VERSION")));
    let wrong = komek(dir.path(), &["--frobnicate"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(stderr(&wrong).contains("unexpected argument"));
}

fn the_first_start_creates_an_administrator_once_and_accounts_can_be_added(back_end: BackEnd) {
    let instance = Instance::new(back_end);
    let data = &instance.data;
    let first = instance.run(&["user", "list"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("One-time password"));
    assert!(stdout(&first).contains("admin"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join("master.key")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let again = instance.run(&["user", "add", "aigerim", "--role", "lawyer", "--name", "Айгерим"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(!stdout(&again).contains("First start"));
    assert!(stdout(&again).contains("Created aigerim (lawyer) in office hq."));
    assert_refused(&instance.run(&["user", "add", "x", "--role", "boss"]), "unknown role \"boss\"");
    assert_refused(
        &instance.run(&["user", "add", "x", "--role", "lawyer", "--office", "nowhere"]),
        "no office with code \"nowhere\"",
    );
    let disabled = instance.run(&["user", "disable", "aigerim"]);
    assert!(stdout(&disabled).contains("aigerim is disabled"), "{}", stderr(&disabled));
    assert!(stdout(&instance.run(&["user", "list"])).contains("disabled"));
    assert!(instance.run(&["user", "enable", "aigerim"]).status.success());
    assert!(stdout(&instance.run(&["user", "reset-second-factor", "aigerim"])).contains("enrols again"));
    assert_refused(&instance.run(&["user", "disable", "nobody"]), "no account \"nobody\"");
    let verify = instance.run(&["audit", "verify"]);
    assert!(stdout(&verify).contains("The audit log is intact"), "{}", stdout(&verify));
}

fn a_wrong_or_missing_master_key_is_refused_and_nothing_is_changed(back_end: BackEnd) {
    let instance = Instance::new(back_end);
    let data = &instance.data;
    assert!(instance.run(&["user", "list"]).status.success());
    let wrong_key = "11".repeat(32);
    let output = instance.command().args(["user", "list"]).env("KOMEK_MASTER_KEY", &wrong_key).output().unwrap();
    assert_refused(&output, "does not open this database's data key");
    std::fs::rename(data.join("master.key"), instance.dir.path().join("elsewhere.key")).unwrap();
    assert_refused(&instance.run(&["user", "list"]), "the master key is missing");
    assert!(!data.join("master.key").exists(), "a new key is never made for a database that has one");
}

#[test]
fn a_database_url_that_is_wrong_or_unreachable_is_one_clear_sentence() {
    let dir = tempfile::tempdir().unwrap();
    assert_refused(
        &komek(dir.path(), &["--database-url", "postgress:/nowhere", "migrate"]),
        "database URL is not valid",
    );
    assert_refused(
        &komek(dir.path(), &["--database-url", "postgres://postgres@127.0.0.1:1/komek", "migrate"]),
        "cannot connect to PostgreSQL at 127.0.0.1",
    );
}

#[test]
fn a_damaged_database_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = vec![0x5au8; 16 * 1024];
    std::fs::write(dir.path().join("komek.sqlite3"), &garbage).unwrap();
    assert_refused(&komek(dir.path(), &["serve", "--listen", "127.0.0.1:0"]), "not a Komek database");
    assert_eq!(std::fs::read(dir.path().join("komek.sqlite3")).unwrap(), garbage);
}

#[test]
fn a_data_directory_that_cannot_be_used_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    assert_refused(&komek(&file, &["migrate"]), "it is not a directory");
    assert_refused(&komek(&file.join("inside"), &["migrate"]), "cannot use the data directory");
}

#[test]
fn a_second_server_on_the_same_data_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Command::new(env!("CARGO_BIN_EXE_komek"))
        .args(["--data-dir", dir.path().to_str().unwrap(), "serve", "--listen", "127.0.0.1:0"])
        .env_remove("KOMEK_MASTER_KEY")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(first.stdout.take().unwrap()).lines();
    let listening =
        lines.by_ref().map_while(Result::ok).find(|l| l.contains("listening on")).expect("the first server starts");
    assert!(listening.starts_with("Komek is listening on http://127.0.0.1:"));
    let second = komek(dir.path(), &["serve", "--listen", "127.0.0.1:0"]);
    let _ = first.kill();
    let _ = first.wait();
    assert_refused(&second, "another Komek server is already using the data directory");
}

fn the_demo_loads_once_and_is_served_as_it_is_the_second_time(back_end: BackEnd) {
    let instance = Instance::new(back_end);
    let first = instance.run(&["demo", "--no-serve"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("Loaded 2560 appeals"), "{}", stdout(&first));
    assert!(stdout(&first).contains("komek-demo-2008"));
    let second = instance.run(&["demo", "--no-serve"]);
    assert!(stdout(&second).contains("already holds data"), "{}", stdout(&second));
}

fn rotating_the_master_key_keeps_every_record_and_retires_the_old_key(back_end: BackEnd) {
    let instance = Instance::new(back_end);
    let data = &instance.data;
    assert!(instance.run(&["demo", "--no-serve"]).status.success());
    let old_key = std::fs::read_to_string(data.join("master.key")).unwrap();
    let rotated = instance.run(&["key", "rotate"]);
    assert!(stdout(&rotated).contains("The master key is rotated"), "{}", stderr(&rotated));
    let new_key = std::fs::read_to_string(data.join("master.key")).unwrap();
    assert_ne!(old_key, new_key);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(data.join("master.key")).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // Everything still opens with the new key (the audit chain is keyed by the data key) …
    let verify = instance.run(&["audit", "verify"]);
    assert!(stdout(&verify).contains("The audit log is intact"), "{}", stdout(&verify));
    assert!(stdout(&instance.run(&["user", "list"])).contains("aigerim"));
    // … and the old key opens nothing.
    let output = instance.command().args(["user", "list"]).env("KOMEK_MASTER_KEY", old_key.trim()).output().unwrap();
    assert_refused(&output, "does not open this database's data key");
}

fn a_rotation_stopped_before_its_last_step_is_finished_at_the_next_start(back_end: BackEnd) {
    let instance = Instance::new(back_end);
    let data = &instance.data;
    assert!(instance.run(&["user", "list"]).status.success());
    assert!(instance.run(&["key", "rotate"]).status.success());
    // Simulate a stop between re-wrapping and renaming: the new key is still "new", and the
    // key file holds a key that no longer opens the database.
    std::fs::rename(data.join("master.key"), data.join("master.key.new")).unwrap();
    std::fs::write(data.join("master.key"), format!("{}\n", "22".repeat(32))).unwrap();
    let listed = instance.run(&["user", "list"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert!(!data.join("master.key.new").exists());
}

fn a_backup_restores_into_a_new_data_directory_and_a_damaged_one_is_refused(back_end: BackEnd) {
    let instance = Instance::new(back_end);
    assert!(instance.run(&["demo", "--no-serve"]).status.success());
    let dir = instance.dir.path();
    let file = dir.join("komek.backup");
    let made = instance.run(&["backup", "create", file.to_str().unwrap()]);
    assert!(stdout(&made).contains("Backed up"), "{}", stderr(&made));
    assert!(!dir.join("komek.backup.partial").exists());
    assert_refused(&instance.run(&["backup", "create", file.to_str().unwrap()]), "exists already");

    let key = instance.data.join("master.key");
    let restore = |target: &Instance, backup: &std::path::Path| {
        target.run(&["backup", "restore", backup.to_str().unwrap(), "--key-file", key.to_str().unwrap()])
    };
    let target = instance.another();
    let restored = restore(&target, &file);
    assert!(stdout(&restored).contains("Restored"), "{}", stderr(&restored));
    assert!(stdout(&restored).contains("The audit log is intact"));
    assert!(!stdout(&restored).contains("First start"), "the restored instance is not a new one");
    assert!(stdout(&target.run(&["user", "list"])).contains("aigerim"));

    assert_refused(&restore(&target, &file), "the target database is not empty");
    let bytes = std::fs::read(&file).unwrap();
    let cut = dir.join("cut.backup");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let fresh = instance.another();
    assert_refused(&restore(&fresh, &cut), "cut short");
    assert_refused(&fresh.run(&["backup", "restore", file.to_str().unwrap()]), "--key-file or KOMEK_MASTER_KEY");
}

fn an_api_token_is_shown_once_listed_without_its_secret_and_revoked(back_end: BackEnd) {
    let instance = Instance::new(back_end);
    assert!(instance.run(&["user", "add", "bot", "--role", "hotline-operator"]).status.success());
    let made = instance.run(&["user", "token", "bot", "--label", "hotline bot"]);
    assert!(made.status.success(), "{}", stderr(&made));
    let printed = stdout(&made);
    assert!(printed.contains("shown only now"), "{printed}");
    let secret = printed.split_whitespace().find(|w| w.starts_with("komek_")).expect("the secret is printed");
    let id = printed.split_whitespace().nth(3).expect("the token's id is printed").to_owned();
    assert_eq!(instance.places_holding(secret), Vec::<String>::new(), "the secret is stored nowhere");
    assert!(!instance.places_holding(&id).is_empty(), "the search finds what is stored: the token's id");

    let listed = stdout(&instance.run(&["user", "tokens", "bot"]));
    assert!(listed.contains(&id) && listed.contains("hotline bot") && listed.contains("never used"), "{listed}");
    assert!(listed.contains("active") && !listed.contains(secret), "{listed}");
    let revoked = instance.run(&["user", "revoke-token", &id]);
    assert!(stdout(&revoked).contains("is revoked"), "{}", stderr(&revoked));
    assert!(stdout(&instance.run(&["user", "tokens", "bot"])).contains("revoked"));

    assert_refused(&instance.run(&["user", "token", "nobody"]), "no account \"nobody\"");
    assert_refused(&instance.run(&["user", "revoke-token", "not-an-id"]), "invalid value 'not-an-id'");
    assert_refused(&instance.run(&["user", "revoke-token", "0190a0a0-0000-7000-8000-000000000000"]), "no API token");
    let verify = instance.run(&["audit", "verify"]);
    assert!(stdout(&verify).contains("The audit log is intact"), "{}", stdout(&verify));
}

komek_store::with_each_back_end!(
    the_first_start_creates_an_administrator_once_and_accounts_can_be_added,
    a_wrong_or_missing_master_key_is_refused_and_nothing_is_changed,
    the_demo_loads_once_and_is_served_as_it_is_the_second_time,
    rotating_the_master_key_keeps_every_record_and_retires_the_old_key,
    a_rotation_stopped_before_its_last_step_is_finished_at_the_next_start,
    a_backup_restores_into_a_new_data_directory_and_a_damaged_one_is_refused,
    an_api_token_is_shown_once_listed_without_its_secret_and_revoked,
);
