//! The documents a full-text search matched, held in memory while a listing is walked.
//!
//! A list restricted by a common search walks its listing index and stops when a page is full;
//! each document met must be checked against the search. Asking FTS5 per document re-runs the
//! query each time (tens of microseconds), and `IN (SELECT rowid …)` builds a temporary index of
//! every match first. The matches are instead read once, in rowid order, into a sorted vector,
//! and the SQL function `claimtrail_text_match(handle, id)` answers by binary search.
//!
//! A statement runs on the thread that prepared its filter (a connection is used by one thread
//! at a time), so the vectors live in a thread-local table, keyed by a handle the filter owns and
//! removed when the filter is dropped.
//!
//! Documents are only ever added, with ids above every stored one, so the matches of a query up
//! to an id stay its matches: a process keeps the latest searches' matches (bounded, least
//! recently used out) and reads only the documents stored since. A server paging through a
//! search, or asked the same search by many, reads its matches once.

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OptionalExtension};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

thread_local! {
    static MATCHES: RefCell<HashMap<i64, Arc<Vec<i64>>>> = RefCell::new(HashMap::new());
}

/// Most matches one search keeps in memory; a search matching more is checked document by
/// document instead (8 MiB of ids).
pub const MOST_HELD: usize = 1 << 20;

/// Most matches all kept searches hold together (32 MiB of ids).
const KEPT_BUDGET: usize = 4 << 20;

struct Kept {
    /// Matches with ids up to `upto`, ascending.
    ids: Arc<Vec<i64>>,
    upto: i64,
    used: u64,
}

#[derive(Default)]
struct Cache {
    searches: HashMap<(String, String), Kept>,
    clock: u64,
}

static CACHE: Mutex<Option<Cache>> = Mutex::new(None);

/// The documents with ids up to `upto` that full-text query `query` matches, ascending; `None`
/// when they are more than [`MOST_HELD`].
pub fn matches(
    conn: &Connection,
    query: &str,
    upto: i64,
) -> rusqlite::Result<Option<Arc<Vec<i64>>>> {
    // A ledger is known by its file and its first document: another ledger put in its place
    // starts another list. A ledger in memory is not kept.
    let path = conn.path().filter(|p| !p.is_empty()).map(str::to_string);
    let first: Option<String> = match &path {
        Some(_) => conn
            .prepare_cached("SELECT content_id FROM documents ORDER BY id LIMIT 1")?
            .query_row([], |r| r.get(0))
            .optional()?,
        None => None,
    };
    let key = match (path, first) {
        (Some(path), Some(first)) => Some((format!("{path}\n{first}"), query.to_string())),
        _ => None,
    };
    let kept = CACHE.lock().ok().and_then(|mut c| {
        let c = c.get_or_insert_with(Cache::default);
        c.clock += 1;
        let clock = c.clock;
        c.searches.get_mut(key.as_ref()?).map(|k| {
            k.used = clock;
            (k.ids.clone(), k.upto)
        })
    });
    let (mut ids, from) = match kept {
        Some((ids, from)) if from <= upto => (ids, from),
        _ => (Arc::new(Vec::new()), 0),
    };
    if from < upto {
        let limit = i64::try_from(MOST_HELD + 1 - ids.len().min(MOST_HELD)).unwrap_or(i64::MAX);
        let mut st = conn.prepare_cached(
            "SELECT rowid FROM documents_fts
             WHERE documents_fts MATCH ?1 AND rowid > ?2 AND rowid <= ?3 ORDER BY rowid LIMIT ?4",
        )?;
        let new = st
            .query_map(rusqlite::params![query, from, upto, limit], |r| {
                r.get::<_, i64>(0)
            })?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        if ids.len() + new.len() > MOST_HELD {
            return Ok(None);
        }
        if !new.is_empty() {
            Arc::make_mut(&mut ids).extend(new);
        }
    }
    if let (Some(key), Ok(mut c)) = (key, CACHE.lock()) {
        let c = c.get_or_insert_with(Cache::default);
        let used = c.clock;
        c.searches.insert(
            key,
            Kept {
                ids: ids.clone(),
                upto,
                used,
            },
        );
        // The least recently used go first, until the rest fit.
        while c.searches.values().map(|k| k.ids.len()).sum::<usize>() > KEPT_BUDGET {
            let Some(oldest) = c
                .searches
                .iter()
                .min_by_key(|(_, k)| k.used)
                .map(|(key, _)| key.clone())
            else {
                break;
            };
            c.searches.remove(&oldest);
        }
    }
    Ok(Some(ids))
}

static NEXT_HANDLE: AtomicI64 = AtomicI64::new(1);

/// The name of the SQL function, for the filter's clause.
pub const FUNCTION: &str = "claimtrail_text_match";

/// Makes `claimtrail_text_match(handle, id)` known to `conn`: true when `id` is among the
/// matches registered under `handle` on this thread (false for an unknown handle).
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(FUNCTION, 2, FunctionFlags::SQLITE_UTF8, |ctx| {
        let handle: i64 = ctx.get(0)?;
        let id: i64 = ctx.get(1)?;
        Ok(MATCHES.with(|m| {
            m.borrow()
                .get(&handle)
                .is_some_and(|ids| ids.binary_search(&id).is_ok())
        }))
    })
}

/// A set of matches registered on this thread; dropping it removes them.
#[derive(Debug)]
pub struct TextMatches {
    handle: i64,
}

impl TextMatches {
    /// Registers `ids` (ascending) and returns the guard whose handle names them.
    pub fn hold(ids: Arc<Vec<i64>>) -> Self {
        let handle = NEXT_HANDLE.fetch_add(1, Ordering::Relaxed);
        MATCHES.with(|m| m.borrow_mut().insert(handle, ids));
        TextMatches { handle }
    }

    pub fn handle(&self) -> i64 {
        self.handle
    }
}

impl Drop for TextMatches {
    fn drop(&mut self) {
        MATCHES.with(|m| m.borrow_mut().remove(&self.handle));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(conn: &Connection, handle: i64, id: i64) -> bool {
        conn.query_row(&format!("SELECT {FUNCTION}(?1, ?2)"), [handle, id], |r| {
            r.get(0)
        })
        .unwrap()
    }

    /// A file with the two tables the matches are read from.
    fn ledger(path: &std::path::Path) -> Connection {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, content_id TEXT);
             CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text);",
        )
        .unwrap();
        conn
    }

    fn add(conn: &Connection, id: i64, text: &str) {
        // Content ids are hashes of the content: another text, another id.
        conn.execute(
            "INSERT INTO documents (id, content_id) VALUES (?1, ?2)",
            rusqlite::params![id, format!("{id}:{text}")],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, '', ?2)",
            rusqlite::params![id, text],
        )
        .unwrap();
    }

    fn ids(conn: &Connection, query: &str, upto: i64) -> Vec<i64> {
        matches(conn, query, upto).unwrap().unwrap().to_vec()
    }

    #[test]
    fn kept_matches_are_extended_by_the_documents_stored_since() {
        let dir = tempfile::tempdir().unwrap();
        let conn = ledger(&dir.path().join("a.db"));
        add(&conn, 1, "flood in the north");
        add(&conn, 2, "budget talks");
        add(&conn, 3, "the flood recedes");
        assert_eq!(ids(&conn, "flood", 3), [1, 3]);
        // What is kept up to id 3 is not read again: a change below it (which the ledger never
        // makes; documents are only added) does not show, the new document does.
        conn.execute("DELETE FROM documents_fts WHERE rowid = 1", [])
            .unwrap();
        add(&conn, 4, "flood warnings");
        add(&conn, 5, "flood again");
        assert_eq!(ids(&conn, "flood", 4), [1, 3, 4], "only up to the id asked");
        assert_eq!(ids(&conn, "flood", 5), [1, 3, 4, 5]);
        // Another query is its own list.
        assert_eq!(ids(&conn, "budget", 5), [2]);
    }

    #[test]
    fn another_ledger_in_the_same_place_or_in_memory_is_read_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.db");
        {
            let conn = ledger(&path);
            add(&conn, 1, "strike ends");
            assert_eq!(ids(&conn, "strike", 1), [1]);
        }
        std::fs::remove_file(&path).unwrap();
        let conn = ledger(&path);
        add(&conn, 1, "a quiet day");
        add(&conn, 2, "strike begins");
        assert_eq!(
            ids(&conn, "strike", 2),
            [2],
            "a new first document: another ledger"
        );
        let memory = Connection::open_in_memory().unwrap();
        memory
            .execute_batch(
                "CREATE TABLE documents (id INTEGER PRIMARY KEY, content_id TEXT);
                 CREATE VIRTUAL TABLE documents_fts USING fts5(title, text);",
            )
            .unwrap();
        add(&memory, 1, "strike");
        assert_eq!(ids(&memory, "strike", 1), [1]);
        memory.execute("DELETE FROM documents_fts", []).unwrap();
        assert_eq!(ids(&memory, "strike", 1), Vec::<i64>::new(), "nothing kept");
    }

    #[test]
    fn a_held_set_answers_membership_until_dropped() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let held = TextMatches::hold(Arc::new(vec![3, 5, 9]));
        let other = TextMatches::hold(Arc::new(vec![4]));
        assert!(check(&conn, held.handle(), 3));
        assert!(check(&conn, held.handle(), 9));
        assert!(!check(&conn, held.handle(), 4));
        assert!(check(&conn, other.handle(), 4));
        let handle = held.handle();
        drop(held);
        assert!(!check(&conn, handle, 3), "a dropped set matches nothing");
        assert!(check(&conn, other.handle(), 4), "the other set is kept");
    }
}
