//! The `komek` binary as a service manager and an operator's shell meet it on either back end:
//! a server stops cleanly on SIGTERM and SIGINT, and commands say nothing that is not news.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::thread::JoinHandle;

use komek_store::testing::{BackEnd, PostgresDb};

use crate::support::{Instance, komek_command};

fn komek(data: &Path, database_url: Option<&str>) -> Command {
    let mut command = komek_command(data, database_url);
    // The level an operator runs at: what it prints is what they would read.
    command.env("RUST_LOG", "info");
    command
}

fn drain(stream: impl Read + Send + 'static) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut text = String::new();
        let _ = BufReader::new(stream).read_to_string(&mut text);
        text
    })
}

/// The status line of `GET path`, over plain HTTP/1.1.
fn status_line(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).expect("connect to the server");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read the answer");
    response.lines().next().unwrap_or_default().to_owned()
}

fn send(child: &Child, signal: &str) {
    let sent = Command::new("kill").arg(format!("-{signal}")).arg(child.id().to_string()).status().expect("run kill");
    assert!(sent.success(), "kill -{signal} failed");
}

/// Starts `komek serve`, waits until it answers its health check, sends `signal`, and checks
/// that it ends with exit status 0 and says nothing of a panic.
fn serve_and_stop(data: &Path, database_url: Option<&str>, signal: &str) {
    let mut child = komek(data, database_url)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start komek serve");
    let stderr = drain(child.stderr.take().unwrap());
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut listening = String::new();
    while !listening.contains("listening on") {
        listening.clear();
        if out.read_line(&mut listening).unwrap_or(0) == 0 {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the server did not start: {}", stderr.join().unwrap());
        }
    }
    // Read on to the end, so that the server never writes into a full pipe.
    let stdout = drain(out);
    let address = listening.rsplit("http://").next().unwrap().trim().to_owned();
    assert_eq!(status_line(&address, "/healthz"), "HTTP/1.1 200 OK");

    send(&child, signal);
    let status = child.wait().expect("wait for komek serve");
    let (stderr, stdout) = (stderr.join().unwrap(), stdout.join().unwrap());
    assert_eq!(status.code(), Some(0), "SIG{signal} must end the server cleanly ({status}); stderr:\n{stderr}");
    for text in [&stderr, &stdout] {
        assert!(!text.contains("panicked"), "{text}");
        assert!(!text.contains("runtime"), "{text}");
    }
    assert!(stderr.contains("shutting down"), "{stderr}");
}

fn sigterm_and_sigint_stop_a_server_with_exit_status_zero(back_end: BackEnd) {
    let instance = Instance::new(back_end);
    let url = instance.database.as_ref().map(|db| db.url.as_str());
    serve_and_stop(&instance.data, url, "TERM");
    // The same instance again, as a restarted service finds it.
    serve_and_stop(&instance.data, url, "INT");
}

fn run(data: &Path, database_url: Option<&str>, args: &[&str]) -> Output {
    komek(data, database_url).args(args).output().expect("run komek")
}

#[test]
fn commands_on_postgresql_print_no_notices() {
    // A database with no schema yet: the first command creates it, the second finds it made.
    let Some(db) = PostgresDb::at_version(0) else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for args in [&["migrate"][..], &["migrate"], &["user", "list"], &["user", "list"]] {
        let output = run(&data, Some(&db.url), args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "komek {args:?}: {stderr}");
        assert!(!stderr.contains("NOTICE"), "komek {args:?}: {stderr}");
        assert!(!stderr.contains("already exists"), "komek {args:?}: {stderr}");
    }
}

komek_store::with_each_back_end!(sigterm_and_sigint_stop_a_server_with_exit_status_zero);
