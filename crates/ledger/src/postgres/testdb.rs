//! Throwaway databases for tests, on whatever PostgreSQL this machine offers: `DATABASE_URL`
//! when set, else a server on 127.0.0.1:5432 (trust auth), else a cluster of our own (initdb in
//! a temporary directory, on a free port) when PostgreSQL's binaries are installed. Each
//! [`TestDb`] is a database of its own, uniquely named and dropped at the end, so that parallel
//! test runs never meet. Where no server can be had, [`TestDb::create`] says so loudly and tests
//! skip.

use postgres::{Client, NoTls};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// The server the test databases live on: its admin URL, and our own cluster if we started one.
struct Server {
    admin: String,
    _cluster: Option<Cluster>,
}

/// A cluster started for this test process; stopped when the process exits (a watchdog).
struct Cluster {
    _dir: tempfile::TempDir,
    _postgres: Child,
}

static SERVER: OnceLock<Result<Mutex<Server>, String>> = OnceLock::new();
static SEQUENCE: AtomicUsize = AtomicUsize::new(0);

/// A database of its own for one test; dropped with it.
pub struct TestDb {
    pub url: String,
    admin: String,
    name: String,
}

impl TestDb {
    /// A new empty database, or `None` (said on stderr) when no PostgreSQL can be had.
    pub fn create() -> Option<TestDb> {
        let server = SERVER.get_or_init(|| find_server().map(Mutex::new));
        let admin = match server {
            Ok(s) => s.lock().ok()?.admin.clone(),
            Err(why) => {
                eprintln!(
                    "\n*** SKIPPED: no PostgreSQL for this test ({why}); set DATABASE_URL to run \
                     the PostgreSQL tests ***\n"
                );
                return None;
            }
        };
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!(
            "claimtrail_test_{}_{}_{nanos}",
            std::process::id(),
            SEQUENCE.fetch_add(1, Ordering::SeqCst)
        );
        let mut c = match Client::connect(&admin, NoTls) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("\n*** SKIPPED: cannot reach PostgreSQL at {admin}: {e} ***\n");
                return None;
            }
        };
        if let Err(e) = c.batch_execute(&format!("CREATE DATABASE {name}")) {
            eprintln!("\n*** SKIPPED: cannot create a test database: {e} ***\n");
            return None;
        }
        Some(TestDb {
            url: with_database(&admin, &name),
            admin,
            name,
        })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut c) = Client::connect(&self.admin, NoTls) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// `url` with its database replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    let prefix_len = base.len() - rest.len();
    let host_end = rest.find('/').map_or(base.len(), |i| prefix_len + i);
    let mut out = format!("{}/{name}", &base[..host_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

fn answers(url: &str) -> bool {
    Client::connect(url, NoTls).is_ok()
}

fn find_server() -> Result<Server, String> {
    if let Ok(url) = std::env::var("DATABASE_URL") {
        if !url.trim().is_empty() {
            return if answers(&url) {
                Ok(Server {
                    admin: url,
                    _cluster: None,
                })
            } else {
                Err(format!("DATABASE_URL={url} does not answer"))
            };
        }
    }
    let local = "postgres://postgres@127.0.0.1:5432/postgres";
    if answers(local) {
        return Ok(Server {
            admin: local.to_string(),
            _cluster: None,
        });
    }
    start_cluster()
}

/// PostgreSQL's server binaries: on PATH, else Debian's versioned directories.
fn binaries() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .find(|d| d.join("initdb").is_file() && d.join("postgres").is_file())
    });
    on_path.or_else(|| {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
            .filter(|d| d.join("initdb").is_file())
            .collect();
        dirs.sort();
        dirs.pop()
    })
}

fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

fn start_cluster() -> Result<Server, String> {
    let bin = binaries().ok_or("no server on 127.0.0.1:5432 and no PostgreSQL binaries")?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let data = dir.path().join("data");
    let init = Command::new(bin.join("initdb"))
        .args([
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
            "-D",
        ])
        .arg(&data)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run initdb: {e}"))?;
    if !init.status.success() {
        return Err(format!(
            "initdb failed: {}",
            String::from_utf8_lossy(&init.stderr).trim()
        ));
    }
    let port = free_port()?;
    let postgres = Command::new(bin.join("postgres"))
        .arg("-D")
        .arg(&data)
        .args(["-p", &port.to_string(), "-h", "127.0.0.1", "-k"])
        .arg(dir.path())
        .args(["-c", "fsync=off"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start postgres: {e}"))?;
    watchdog(postgres.id(), dir.path());
    let admin = format!("postgres://postgres@127.0.0.1:{port}/postgres");
    for _ in 0..100 {
        if answers(&admin) {
            return Ok(Server {
                admin,
                _cluster: Some(Cluster {
                    _dir: dir,
                    _postgres: postgres,
                }),
            });
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Err("the throwaway cluster did not start in 10 s".into())
}

/// Stops our cluster once this process is gone (statics are never dropped).
fn watchdog(postgres: u32, dir: &Path) {
    let script = format!(
        "while kill -0 {parent} 2>/dev/null; do sleep 1; done; kill -INT {postgres}; \
         sleep 2; rm -rf '{}'",
        dir.display(),
        parent = std::process::id()
    );
    let _ = Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_of_a_url_is_replaced() {
        assert_eq!(
            with_database("postgres://u@h:5432/postgres", "t1"),
            "postgres://u@h:5432/t1"
        );
        assert_eq!(with_database("postgres://h", "t1"), "postgres://h/t1");
        assert_eq!(
            with_database("postgresql://h/db?sslmode=disable", "t1"),
            "postgresql://h/t1?sslmode=disable"
        );
    }
}
