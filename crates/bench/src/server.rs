//! The real `komek` binary, started next to the bench's own binary on a data directory (and
//! a PostgreSQL database), serving over loopback until dropped.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

pub(crate) struct Server {
    child: std::process::Child,
    pub(crate) base: String,
    /// From the start of the process to its first healthy answer.
    pub(crate) startup: Duration,
}

impl Server {
    pub(crate) fn start(data_dir: &Path, url: Option<&str>) -> anyhow::Result<Self> {
        let binary = std::env::current_exe()?.with_file_name("komek");
        if !binary.exists() {
            bail!("build the komek binary next to this one: cargo build --release -p komek");
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let mut command = Command::new(&binary);
        command.args([
            "--data-dir",
            data_dir.to_str().context("a UTF-8 path")?,
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
        ]);
        if let Some(url) = url {
            command.args(["--database-url", url]);
        }
        let started = Instant::now();
        let child = command.env("RUST_LOG", "warn").stdout(Stdio::null()).spawn()?;
        let mut server = Self { child, base: format!("http://127.0.0.1:{port}"), startup: Duration::ZERO };
        let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        while agent.get(&format!("{}/healthz", server.base)).call().map(|r| r.status() != 200).unwrap_or(true) {
            if started.elapsed() > Duration::from_secs(30) {
                bail!("the server did not start within 30 s");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        server.startup = started.elapsed();
        Ok(server)
    }

    /// The server's process id, to read its memory.
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
