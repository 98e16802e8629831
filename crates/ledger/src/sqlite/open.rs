//! Opening a file: telling a ledger from someone else's SQLite file before anything is written,
//! and bringing a ledger's schema up to date (writers only).

use super::SqliteStore;
use crate::migrations::{self, APPLICATION_ID, CURRENT_VERSION};
use crate::{Result, StoreError};
use rusqlite::config::DbConfig;
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// How long a writer waits, in all, for a ledger another writer holds (retrying with backoff).
pub(super) const WRITER_PATIENCE: Duration = Duration::from_secs(600);
/// How long a reader waits for a ledger being recovered or checkpointed.
const READER_PATIENCE: Duration = Duration::from_secs(30);
/// Longest pause between two attempts on a busy ledger.
const MAX_PAUSE: Duration = Duration::from_millis(500);

/// What a SQLite file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Contents {
    /// No tables at all (a new or zero-length file).
    Empty,
    /// A claimtrail ledger of this schema version.
    Ledger(u32),
    /// A ledger written by the first release, which marked nothing: version 1.
    FirstRelease,
    /// Anything else, and why it is not a ledger.
    Foreign(String),
}

/// Tables only a ledger of the first release has, all of them.
const FIRST_RELEASE_TABLES: &[&str] = &[
    "documents",
    "documents_fts",
    "entities",
    "quotes",
    "figures",
    "times",
    "doc_signatures",
    "lsh_buckets",
    "copies",
    "stories",
    "story_docs",
    "quote_registry",
];

/// Reads what the file holds without writing anything.
fn contents(conn: &Connection) -> Result<Contents> {
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if app == APPLICATION_ID {
        return Ok(Contents::Ledger(version));
    }
    if app != 0 {
        return Ok(Contents::Foreign(format!(
            "it is marked as another application's (application_id {app:#x})"
        )));
    }
    let mut st = conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")?;
    let tables: Vec<String> = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if tables.is_empty() && version == 0 {
        return Ok(Contents::Empty);
    }
    let first_release = version == 0
        && FIRST_RELEASE_TABLES
            .iter()
            .all(|t| tables.iter().any(|have| have == t))
        && conn
            .prepare("SELECT 1 FROM pragma_table_info('documents') WHERE name = 'analysis'")?
            .exists([])?;
    Ok(if first_release {
        Contents::FirstRelease
    } else {
        Contents::Foreign("its tables are not a claimtrail ledger's".into())
    })
}

/// [`contents`], with SQLite's refusal of a file that is no database said plainly.
fn inspect(conn: &Connection, path: &Path) -> Result<Contents> {
    match contents(conn) {
        Err(StoreError::Db(e)) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
            Err(not_a_ledger(path, "it is not a SQLite database"))
        }
        other => other,
    }
}

fn not_a_ledger(path: &Path, why: &str) -> StoreError {
    StoreError::NotALedger {
        path: path.display().to_string(),
        why: why.to_string(),
    }
}

/// Retries a busy ledger with growing pauses, for `patience` in all.
fn wait_when_busy(conn: &mut Connection, patience: Duration) -> Result<()> {
    let mut waited = Duration::ZERO;
    conn.busy_handler(Some(move |attempt: i32| {
        let pause = Duration::from_millis(5)
            .saturating_mul(1 << attempt.clamp(0, 10))
            .min(MAX_PAUSE);
        if waited >= patience {
            return false;
        }
        std::thread::sleep(pause);
        waited += pause;
        true
    }))?;
    Ok(())
}

/// Cached statements on a writing connection: every statement of the write and link paths.
const WRITER_STATEMENTS: usize = 128;

/// The writing connection's page cache, KiB.
const WRITER_CACHE_KIB: i64 = 16 << 10;

pub(super) fn writable(path: &Path) -> Result<SqliteStore> {
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    wait_when_busy(&mut conn, WRITER_PATIENCE)?;
    let found = inspect(&conn, path)?;
    prepare_for_writing(conn, path, found)
}

pub(super) fn in_memory() -> Result<SqliteStore> {
    let conn = Connection::open_in_memory()?;
    prepare_for_writing(conn, Path::new(":memory:"), Contents::Empty)
}

fn prepare_for_writing(mut conn: Connection, path: &Path, found: Contents) -> Result<SqliteStore> {
    let version = writable_version(found, path)?;
    // WAL: readers never block the writer; NORMAL sync is durable per committed transaction.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // A new ledger is created, not migrated.
    let migrated_from = migrate(&mut conn, path, version)?.filter(|v| *v > 0);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Storing and linking one document runs about fifty distinct cached statements; rusqlite
    // keeps 16 by default, and a statement evicted is parsed again (with the triggers it fires)
    // for every document.
    conn.set_prepared_statement_cache_capacity(WRITER_STATEMENTS);
    // Without the planner stability guarantee, SQLite plans a `LIMIT ?` with the bound value
    // and compiles the statement again whenever the value is bound anew: on the write path
    // (LSH buckets, registry shingles, story terms, each once per document or more) that was
    // a tenth of ingest's time. The writer's plans do not depend on those values.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    // A transaction touches pages all over a dozen indexes; with SQLite's default 2 MiB cache
    // its dirty pages spill to the WAL mid-transaction and are written again when touched
    // again: 226 news texts took 206,774 page writes with it and 10,365 with 8 MiB or more.
    conn.pragma_update(None, "cache_size", -WRITER_CACHE_KIB)?;
    super::text_matches::register(&conn)?;
    Ok(SqliteStore {
        conn,
        migrated_from,
    })
}

/// The schema version of a file a writer may take (0 for an empty one).
fn writable_version(found: Contents, path: &Path) -> Result<u32> {
    match found {
        Contents::Foreign(why) => Err(not_a_ledger(path, &why)),
        Contents::Ledger(v) if v > CURRENT_VERSION => Err(StoreError::TooNew {
            path: path.display().to_string(),
            found: v,
            current: CURRENT_VERSION,
        }),
        Contents::Ledger(v) => Ok(v),
        Contents::FirstRelease => Ok(1),
        Contents::Empty => Ok(0),
    }
}

/// Runs the steps above `version`, each in its own transaction with the version it reaches.
/// Returns the version the ledger had when a step ran.
fn migrate(conn: &mut Connection, path: &Path, version: u32) -> Result<Option<u32>> {
    if migrations::pending(version).is_empty() {
        return Ok(None);
    }
    // Step 2 computes the origins of the first release's documents.
    conn.create_scalar_function("claimtrail_origin", 2, FunctionFlags::SQLITE_UTF8, |ctx| {
        let url: Option<String> = ctx.get(0)?;
        let source: String = ctx.get(1)?;
        Ok(crate::origin(url.as_deref(), &source))
    })?;
    // Step 3 files each measure key under its head noun.
    conn.create_scalar_function(
        "claimtrail_measure_head",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let key: String = ctx.get(0)?;
            Ok(crate::links::measure::key_head(&key).to_string())
        },
    )?;
    let mut from = None;
    for step in migrations::pending(version) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read again under the write lock: another writer may have run the step meanwhile.
        let now = writable_version(contents(&tx)?, path)?;
        if now >= step.version {
            continue;
        }
        from.get_or_insert(now);
        tx.execute_batch(step.sqlite)?;
        tx.pragma_update(None, "user_version", step.version)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
    }
    conn.remove_function("claimtrail_origin", 2)?;
    conn.remove_function("claimtrail_measure_head", 1)?;
    if from.is_some_and(|v| v == 1) {
        // Step 2 rewrote every table and left their old pages free; give them back (later
        // steps add to tables in place, and copying a large ledger would take minutes).
        conn.execute_batch("VACUUM")?;
    }
    Ok(from)
}

pub(super) fn read_only(path: &Path) -> Result<SqliteStore> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let mut conn = Connection::open_with_flags(path, flags)?;
    wait_when_busy(&mut conn, READER_PATIENCE)?;
    let (conn, found) = match inspect(&conn, path) {
        Ok(found) => (conn, found),
        // A WAL ledger on read-only media: no shared-memory file can be made beside it, and no
        // writer can be at work there either, so it is read as the immutable file it is.
        Err(StoreError::Db(e)) if cannot_open(&e) => {
            drop(conn);
            let mut conn = Connection::open_with_flags(immutable_uri(path)?, flags)?;
            wait_when_busy(&mut conn, READER_PATIENCE)?;
            let found = inspect(&conn, path)?;
            (conn, found)
        }
        Err(e) => return Err(e),
    };
    let shown = || path.display().to_string();
    match found {
        Contents::Ledger(v) if v == CURRENT_VERSION => {
            super::text_matches::register(&conn)?;
            Ok(SqliteStore {
                conn,
                migrated_from: None,
            })
        }
        Contents::Ledger(v) if v > CURRENT_VERSION => Err(StoreError::TooNew {
            path: shown(),
            found: v,
            current: CURRENT_VERSION,
        }),
        Contents::Ledger(v) => Err(StoreError::NeedsMigration {
            path: shown(),
            found: v,
            current: CURRENT_VERSION,
        }),
        Contents::FirstRelease => Err(StoreError::NeedsMigration {
            path: shown(),
            found: 1,
            current: CURRENT_VERSION,
        }),
        Contents::Empty => Err(not_a_ledger(path, "it holds no tables")),
        Contents::Foreign(why) => Err(not_a_ledger(path, &why)),
    }
}

fn cannot_open(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly)
    )
}

/// A `file:` URI for `path` with `immutable=1`.
fn immutable_uri(path: &Path) -> Result<String> {
    let abs = std::path::absolute(path).map_err(|e| StoreError::NotALedger {
        path: path.display().to_string(),
        why: format!("its path cannot be resolved: {e}"),
    })?;
    let mut uri = String::from("file:");
    for b in abs.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(char::from(b))
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    Ok(uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_what_a_uri_would_read_otherwise() {
        let uri = immutable_uri(Path::new("/tmp/a b?c#d%e.db")).unwrap();
        assert_eq!(uri, "file:/tmp/a%20b%3Fc%23d%25e.db?immutable=1");
    }

    #[test]
    fn the_writer_runs_a_bound_limit_without_compiling_it_again() {
        let dir = tempfile::tempdir().unwrap();
        let store = writable(&dir.path().join("l.db")).unwrap();
        let mut st = store
            .conn
            .prepare_cached("SELECT id FROM documents ORDER BY id DESC LIMIT ?1")
            .unwrap();
        for limit in [1, 5, 2, 9] {
            st.query_map([limit], |r| r.get::<_, i64>(0))
                .unwrap()
                .for_each(drop);
        }
        assert_eq!(st.get_status(rusqlite::StatementStatus::RePrepare), 0);
        let cache: i64 = store
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .unwrap();
        assert_eq!(cache, -WRITER_CACHE_KIB);
    }
}
