//! Throwaway databases for tests, on whatever PostgreSQL this machine offers: `DATABASE_URL`
//! when set, else a server on 127.0.0.1:5432 (trust auth), else a cluster of our own (initdb in
//! a temporary directory, on a free port) when PostgreSQL's binaries are installed. Each
//! [`TestDb`] is a database of its own, uniquely named and dropped at the end, so that parallel
//! test runs never meet. Where no server can be had, [`TestDb::create`] says so loudly and tests
//! skip.

use postgres::{Client, NoTls};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// The server the test databases live on: its admin URL, and our own cluster if we started one
/// (stopped by a watchdog when the test process exits).
struct Server {
    admin: String,
    _cluster: Option<TestCluster>,
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

/// Whether this process runs as root, which PostgreSQL's server refuses to run as.
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// A command for PostgreSQL's binaries: as the `postgres` user when we are root.
fn server_command(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

/// A PostgreSQL cluster of a test's own: initdb in a temporary directory, a free port on
/// 127.0.0.1, trust auth, no fsync. Tests that stop and start the server under running workers
/// use one ([`TestCluster::stop`], [`TestCluster::start`]); dropped, it stops at once and is
/// removed.
pub struct TestCluster {
    /// The admin URL (database `postgres`).
    pub url: String,
    bin: PathBuf,
    port: u16,
    dir: tempfile::TempDir,
}

impl TestCluster {
    /// A new cluster, started; `None` (said on stderr) where PostgreSQL's binaries are missing
    /// or refuse to run.
    pub fn create() -> Option<TestCluster> {
        match Self::init() {
            Ok(c) => Some(c),
            Err(why) => {
                eprintln!(
                    "\n*** SKIPPED: no PostgreSQL cluster of our own for this test ({why}) ***\n"
                );
                None
            }
        }
    }

    fn init() -> Result<TestCluster, String> {
        let bin = binaries().ok_or("no PostgreSQL binaries (initdb, pg_ctl)")?;
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        if is_root() {
            // The server runs as `postgres`, which must reach its data directory.
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777))
                .map_err(|e| e.to_string())?;
        }
        let init = server_command(&bin.join("initdb"))
            .args([
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
                "-D",
            ])
            .arg(dir.path().join("data"))
            .current_dir(dir.path())
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
        let cluster = TestCluster {
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
            bin,
            port,
            dir,
        };
        cluster.start()?;
        Ok(cluster)
    }

    fn pg_ctl(&self, args: &[&str]) -> Result<(), String> {
        let out = server_command(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(args)
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("cannot run pg_ctl: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "pg_ctl {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    }

    /// Starts the server and waits until it answers.
    pub fn start(&self) -> Result<(), String> {
        let options = format!(
            "-p {} -h 127.0.0.1 -k {} -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("server.log");
        let log = log.to_string_lossy();
        self.pg_ctl(&["-o", &options, "-l", &log, "-w", "-t", "30", "start"])
    }

    /// Stops the server at once, as a crash would (connections cut, no checkpoint).
    pub fn stop(&self) -> Result<(), String> {
        self.pg_ctl(&["-m", "immediate", "-w", "stop"])
    }

    /// The data directory's parent (the `postgres` user's working place).
    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for TestCluster {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

fn start_cluster() -> Result<Server, String> {
    let cluster = TestCluster::init()?;
    watchdog(&cluster);
    Ok(Server {
        admin: cluster.url.clone(),
        _cluster: Some(cluster),
    })
}

/// Stops the shared cluster once this process is gone (statics are never dropped).
fn watchdog(cluster: &TestCluster) {
    let pg_ctl = cluster.bin.join("pg_ctl");
    let runner = if is_root() {
        "runuser -u postgres -- "
    } else {
        ""
    };
    let script = format!(
        "while kill -0 {parent} 2>/dev/null; do sleep 1; done; \
         {runner}'{}' -D '{}/data' -m immediate -w stop; rm -rf '{}'",
        pg_ctl.display(),
        cluster.path().display(),
        cluster.path().display(),
        parent = std::process::id()
    );
    let _ = Command::new("sh")
        .args(["-c", &script])
        .current_dir("/")
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
