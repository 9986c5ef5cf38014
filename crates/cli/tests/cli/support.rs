//! What every test of the `komek` command needs: the real executable on a data directory, and
//! its answers read.

use std::path::Path;
use std::process::{Command, Output};

/// `komek --data-dir DIR ARGS…`, with no key or database from the environment.
pub fn komek(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_komek"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("KOMEK_MASTER_KEY")
        .env_remove("KOMEK_DATABASE_URL")
        .env("RUST_LOG", "warn")
        .output()
        .expect("run komek")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// One clear line, no panic, no backtrace.
#[track_caller]
pub fn assert_refused(output: &Output, expected: &str) {
    assert!(!output.status.success(), "must fail: {}", stdout(output));
    let err = stderr(output);
    assert!(err.contains(expected), "expected {expected:?} in: {err}");
    assert!(!err.contains("panicked"), "{err}");
}
