//! The `komek` binary as an operator meets it: first start, demo, and every kind of bad
//! input getting one clear sentence and a non-zero exit, never a panic or a damaged database.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::support::{assert_refused, komek, stderr, stdout};

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

#[test]
fn the_first_start_creates_an_administrator_once_and_accounts_can_be_added() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = komek(&data, &["user", "list"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("One-time password"));
    assert!(stdout(&first).contains("admin"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join("master.key")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let again = komek(&data, &["user", "add", "aigerim", "--role", "lawyer", "--name", "Айгерим"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(!stdout(&again).contains("First start"));
    assert!(stdout(&again).contains("Created aigerim (lawyer) in office hq."));
    assert_refused(&komek(&data, &["user", "add", "x", "--role", "boss"]), "unknown role \"boss\"");
    assert_refused(
        &komek(&data, &["user", "add", "x", "--role", "lawyer", "--office", "nowhere"]),
        "no office with code \"nowhere\"",
    );
    let disabled = komek(&data, &["user", "disable", "aigerim"]);
    assert!(stdout(&disabled).contains("aigerim is disabled"), "{}", stderr(&disabled));
    assert!(stdout(&komek(&data, &["user", "list"])).contains("disabled"));
    assert!(komek(&data, &["user", "enable", "aigerim"]).status.success());
    assert!(stdout(&komek(&data, &["user", "reset-second-factor", "aigerim"])).contains("enrols again"));
    assert_refused(&komek(&data, &["user", "disable", "nobody"]), "no account \"nobody\"");
    let verify = komek(&data, &["audit", "verify"]);
    assert!(stdout(&verify).contains("The audit log is intact"), "{}", stdout(&verify));
}

#[test]
fn a_wrong_or_missing_master_key_is_refused_and_nothing_is_changed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(komek(&data, &["user", "list"]).status.success());
    let wrong_key = "11".repeat(32);
    let output = Command::new(env!("CARGO_BIN_EXE_komek"))
        .args(["--data-dir", data.to_str().unwrap(), "user", "list"])
        .env("KOMEK_MASTER_KEY", &wrong_key)
        .output()
        .unwrap();
    assert_refused(&output, "does not open this database's data key");
    std::fs::rename(data.join("master.key"), dir.path().join("elsewhere.key")).unwrap();
    assert_refused(&komek(&data, &["user", "list"]), "the master key is missing");
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

#[test]
fn the_demo_loads_once_and_is_served_as_it_is_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    let first = komek(&data, &["demo", "--no-serve"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("Loaded 2560 appeals"), "{}", stdout(&first));
    assert!(stdout(&first).contains("komek-demo-2008"));
    let second = komek(&data, &["demo", "--no-serve"]);
    assert!(stdout(&second).contains("already holds data"), "{}", stdout(&second));
}

#[test]
fn rotating_the_master_key_keeps_every_record_and_retires_the_old_key() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(komek(&data, &["demo", "--no-serve"]).status.success());
    let old_key = std::fs::read_to_string(data.join("master.key")).unwrap();
    let rotated = komek(&data, &["key", "rotate"]);
    assert!(stdout(&rotated).contains("The master key is rotated"), "{}", stderr(&rotated));
    let new_key = std::fs::read_to_string(data.join("master.key")).unwrap();
    assert_ne!(old_key, new_key);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(data.join("master.key")).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // Everything still opens with the new key (the audit chain is keyed by the data key) …
    let verify = komek(&data, &["audit", "verify"]);
    assert!(stdout(&verify).contains("The audit log is intact"), "{}", stdout(&verify));
    assert!(stdout(&komek(&data, &["user", "list"])).contains("aigerim"));
    // … and the old key opens nothing.
    let output = Command::new(env!("CARGO_BIN_EXE_komek"))
        .args(["--data-dir", data.to_str().unwrap(), "user", "list"])
        .env("KOMEK_MASTER_KEY", old_key.trim())
        .output()
        .unwrap();
    assert_refused(&output, "does not open this database's data key");
}

#[test]
fn a_rotation_stopped_before_its_last_step_is_finished_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(komek(&data, &["user", "list"]).status.success());
    assert!(komek(&data, &["key", "rotate"]).status.success());
    // Simulate a stop between re-wrapping and renaming: the new key is still "new", and the
    // key file holds a key that no longer opens the database.
    std::fs::rename(data.join("master.key"), data.join("master.key.new")).unwrap();
    std::fs::write(data.join("master.key"), format!("{}\n", "22".repeat(32))).unwrap();
    let listed = komek(&data, &["user", "list"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert!(!data.join("master.key.new").exists());
}

#[test]
fn a_backup_restores_into_a_new_data_directory_and_a_damaged_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(komek(&data, &["demo", "--no-serve"]).status.success());
    let file = dir.path().join("komek.backup");
    let made = komek(&data, &["backup", "create", file.to_str().unwrap()]);
    assert!(stdout(&made).contains("Backed up"), "{}", stderr(&made));
    assert!(!dir.path().join("komek.backup.partial").exists());
    assert_refused(&komek(&data, &["backup", "create", file.to_str().unwrap()]), "exists already");

    let key = data.join("master.key");
    let restored_dir = dir.path().join("restored");
    let restored =
        komek(&restored_dir, &["backup", "restore", file.to_str().unwrap(), "--key-file", key.to_str().unwrap()]);
    assert!(stdout(&restored).contains("Restored"), "{}", stderr(&restored));
    assert!(stdout(&restored).contains("The audit log is intact"));
    assert!(!stdout(&restored).contains("First start"), "the restored instance is not a new one");
    assert!(stdout(&komek(&restored_dir, &["user", "list"])).contains("aigerim"));

    let again =
        komek(&restored_dir, &["backup", "restore", file.to_str().unwrap(), "--key-file", key.to_str().unwrap()]);
    assert_refused(&again, "the target database is not empty");
    let bytes = std::fs::read(&file).unwrap();
    let cut = dir.path().join("cut.backup");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let fresh = dir.path().join("fresh");
    let refused = komek(&fresh, &["backup", "restore", cut.to_str().unwrap(), "--key-file", key.to_str().unwrap()]);
    assert_refused(&refused, "cut short");
    assert_refused(&komek(&fresh, &["backup", "restore", file.to_str().unwrap()]), "--key-file or KOMEK_MASTER_KEY");
}

#[test]
fn an_api_token_is_shown_once_listed_without_its_secret_and_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(komek(&data, &["user", "add", "bot", "--role", "hotline-operator"]).status.success());
    let made = komek(&data, &["user", "token", "bot", "--label", "hotline bot"]);
    assert!(made.status.success(), "{}", stderr(&made));
    let printed = stdout(&made);
    assert!(printed.contains("shown only now"), "{printed}");
    let secret = printed.split_whitespace().find(|w| w.starts_with("komek_")).expect("the secret is printed");
    let id = printed.split_whitespace().nth(3).expect("the token's id is printed").to_owned();
    for file in ["komek.sqlite3", "komek.sqlite3-wal"] {
        let bytes = std::fs::read(data.join(file)).unwrap_or_default();
        assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "the secret is in {file}");
    }

    let listed = stdout(&komek(&data, &["user", "tokens", "bot"]));
    assert!(listed.contains(&id) && listed.contains("hotline bot") && listed.contains("never used"), "{listed}");
    assert!(listed.contains("active") && !listed.contains(secret), "{listed}");
    let revoked = komek(&data, &["user", "revoke-token", &id]);
    assert!(stdout(&revoked).contains("is revoked"), "{}", stderr(&revoked));
    assert!(stdout(&komek(&data, &["user", "tokens", "bot"])).contains("revoked"));

    assert_refused(&komek(&data, &["user", "token", "nobody"]), "no account \"nobody\"");
    assert_refused(&komek(&data, &["user", "revoke-token", "not-an-id"]), "invalid value 'not-an-id'");
    assert_refused(&komek(&data, &["user", "revoke-token", "0190a0a0-0000-7000-8000-000000000000"]), "no API token");
    let verify = komek(&data, &["audit", "verify"]);
    assert!(stdout(&verify).contains("The audit log is intact"), "{}", stdout(&verify));
}
