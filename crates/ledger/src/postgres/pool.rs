//! A small pool of connections to one database, each with its prepared statements. Reads take
//! any idle connection; a connection that broke (server restarted) is dropped, not returned, and
//! the next `get` connects again, retrying with backoff. [`Pool::run`] runs a step that may be
//! repeated (a claim, a heartbeat, a lookup) again on a new connection when the old one was lost.

use crate::{Result, StoreError};
use postgres::{Client, NoTls, Statement};
use std::collections::HashMap;
use std::error::Error as _;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Most idle connections kept.
const MAX_IDLE: usize = 4;
/// How long a connection is retried in all before the error is given up.
pub(super) const RECONNECT_PATIENCE: Duration = Duration::from_secs(60);
/// How long a process that has not yet reached the server waits for it: long enough for a server
/// that is starting beside it, short enough that a wrong address or a stopped server is said at
/// once rather than after a minute of silence.
pub(super) const FIRST_CONTACT_PATIENCE: Duration = Duration::from_secs(5);
/// Longest pause between two connection attempts.
const MAX_PAUSE: Duration = Duration::from_secs(2);

/// Whether this process has ever connected to a server: after that, a refused connection is a
/// restart to wait out; before it, most likely no server at that address.
static REACHED: AtomicBool = AtomicBool::new(false);

/// A connection and the statements prepared on it.
pub struct Conn {
    pub client: Client,
    pub statements: HashMap<String, Statement>,
}

impl Conn {
    /// The statement for `sql`, prepared once per connection.
    pub fn statement(&mut self, sql: &str) -> Result<Statement> {
        if let Some(st) = self.statements.get(sql) {
            return Ok(st.clone());
        }
        let st = self.client.prepare(sql)?;
        self.statements.insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

pub struct Pool {
    url: String,
    /// Run on each new connection (a reader's session made read-only).
    setup: &'static str,
    idle: Mutex<Vec<Conn>>,
}

impl Pool {
    pub fn new(url: &str, setup: &'static str) -> Pool {
        Pool {
            url: url.to_string(),
            setup,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// An idle connection, else a new one (retried with backoff while the server is away).
    pub fn get(&self) -> Result<Pooled<'_>> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        let conn = match idle {
            Some(c) if !c.client.is_closed() => c,
            _ => self.connect()?,
        };
        Ok(Pooled {
            pool: self,
            conn: Some(conn),
        })
    }

    /// Runs `f` on a connection; when the connection was lost (the server restarted), again on
    /// a new one, with backoff, for up to [`RECONNECT_PATIENCE`]. Only for steps that may run
    /// twice: a transaction that was cut off was rolled back, and a statement on its own either
    /// ran or did not.
    pub fn run<T>(&self, mut f: impl FnMut(&mut Conn) -> Result<T>) -> Result<T> {
        with_retry(|| {
            let mut c = self.get()?;
            let out = f(&mut c);
            if out.as_ref().is_err_and(connection_lost) {
                // Not back to the pool: a broken socket is not always known closed yet.
                c.discard();
            }
            out
        })
    }

    fn connect(&self) -> Result<Conn> {
        self.connect_within(patience(REACHED.load(Ordering::Relaxed)))
    }

    /// Connects, retrying refused connections for up to `patience`.
    fn connect_within(&self, patience: Duration) -> Result<Conn> {
        let mut waited = Duration::ZERO;
        let mut pause = Duration::from_millis(50);
        loop {
            match Client::connect(&self.url, NoTls) {
                Ok(mut client) => {
                    REACHED.store(true, Ordering::Relaxed);
                    if !self.setup.is_empty() {
                        client.batch_execute(self.setup)?;
                    }
                    return Ok(Conn {
                        client,
                        statements: HashMap::new(),
                    });
                }
                // Refused or reset, or "starting up": the server may be restarting. Bad
                // credentials or a missing database are answers, not absences: said at once.
                Err(e) if restarting(&e) && waited < patience => {
                    std::thread::sleep(pause);
                    waited += pause;
                    pause = (pause * 2).min(MAX_PAUSE);
                }
                Err(e) => {
                    return Err(StoreError::Connect {
                        url: crate::shown(&self.url),
                        message: connect_message(&e, waited),
                    })
                }
            }
        }
    }
}

/// How long refused connections are retried, by whether this process reached the server before.
fn patience(reached: bool) -> Duration {
    if reached {
        RECONNECT_PATIENCE
    } else {
        FIRST_CONTACT_PATIENCE
    }
}

/// A failed connection in words: the server's answer, or the system's reason no server answered
/// ("Connection refused") and for how long it was tried.
fn connect_message(e: &postgres::Error, waited: Duration) -> String {
    if e.as_db_error().is_some() {
        return super::message(e);
    }
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let said = c.to_string();
        if !text.contains(&said) {
            text = format!("{text}: {said}");
        }
        cause = c.source();
    }
    if waited.is_zero() {
        text
    } else {
        format!(
            "{text} (no server answered for {} s; is PostgreSQL running at that address?)",
            waited.as_secs().max(1)
        )
    }
}

/// Whether a failed connection attempt met no server, or one not yet accepting connections.
fn restarting(e: &postgres::Error) -> bool {
    e.as_db_error().is_none_or(|db| db.code().code() == "57P03")
}

/// Runs `f` again while it fails for a lost connection (the server restarting), with backoff.
pub(super) fn with_retry<T>(mut f: impl FnMut() -> Result<T>) -> Result<T> {
    let mut waited = Duration::ZERO;
    let mut pause = Duration::from_millis(100);
    loop {
        match f() {
            Err(e) if connection_lost(&e) && waited < RECONNECT_PATIENCE => {
                std::thread::sleep(pause);
                waited += pause;
                pause = (pause * 2).min(MAX_PAUSE);
            }
            other => return other,
        }
    }
}

/// Whether an error says the connection went away rather than that the server refused.
pub(super) fn connection_lost(e: &StoreError) -> bool {
    match e {
        StoreError::Postgres(pe) => {
            pe.is_closed()
                || pe.as_db_error().is_some_and(|db| {
                    // admin_shutdown, crash_shutdown, cannot_connect_now
                    matches!(db.code().code(), "57P01" | "57P02" | "57P03")
                })
                || (pe.as_db_error().is_none() && pe.code().is_none())
        }
        _ => false,
    }
}

/// A connection lent by the pool; back to it when dropped, unless it broke.
pub struct Pooled<'p> {
    pool: &'p Pool,
    conn: Option<Conn>,
}

impl Pooled<'_> {
    /// Closes the connection instead of giving it back.
    fn discard(mut self) {
        self.conn = None;
    }
}

impl Deref for Pooled<'_> {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        self.conn
            .as_ref()
            .expect("a pooled connection is present until dropped")
    }
}

impl DerefMut for Pooled<'_> {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn
            .as_mut()
            .expect("a pooled connection is present until dropped")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let Some(c) = self.conn.take() {
            if c.client.is_closed() {
                return;
            }
            if let Ok(mut idle) = self.pool.idle.lock() {
                if idle.len() < MAX_IDLE {
                    idle.push(c);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_that_never_reached_the_server_gives_up_in_seconds() {
        assert_eq!(patience(false), FIRST_CONTACT_PATIENCE);
        assert_eq!(patience(true), RECONNECT_PATIENCE);
        assert!(FIRST_CONTACT_PATIENCE < RECONNECT_PATIENCE / 6);
    }

    #[test]
    fn a_refused_connection_says_why_and_for_how_long() {
        // A loopback port nobody listens on: bound, then closed.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let url = format!("postgres://nobody@127.0.0.1:{port}/none");
        let pool = Pool::new(&url, "");
        let err = match pool.connect_within(FIRST_CONTACT_PATIENCE) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("connected to a closed port"),
        };
        assert!(err.contains(&format!("127.0.0.1:{port}")), "{err}");
        assert!(err.to_lowercase().contains("refused"), "{err}");
        assert!(err.contains("no server answered for 5 s"), "{err}");
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            crate::shown("postgres://ann:secret@db.example:5432/news"),
            "postgres://ann@db.example:5432/news"
        );
        assert_eq!(crate::shown("postgres://db/news"), "postgres://db/news");
        assert_eq!(crate::shown("host=x"), "host=x");
    }
}
