//! A ledger written by the first release (`fixtures/ledger-v0.db`, see
//! `fixtures/ledger-v0-answers/README.md`) opens, migrates, and answers every query as that
//! release did; read-only opening refuses it (and files that are no ledger) without touching it.

use claimtrail_ledger::migrations::CURRENT_VERSION;
use claimtrail_ledger::{collect, Filter, Result, RowSink, SqliteStore, Store, StoreError};
use serde::Serialize;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A copy of the first release's ledger in a fresh directory.
fn first_release_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger-v0.db");
    std::fs::copy(fixtures().join("ledger-v0.db"), &db).unwrap();
    (dir, db)
}

/// The rows of a query as JSON Lines, as `--format jsonl` prints them.
fn jsonl<T: Serialize>(query: impl FnOnce(RowSink<T>) -> Result<()>) -> String {
    collect(query)
        .unwrap()
        .iter()
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect()
}

fn answer(name: &str) -> String {
    std::fs::read_to_string(fixtures().join("ledger-v0-answers").join(name)).unwrap()
}

#[test]
fn the_first_release_ledger_migrates_and_answers_as_before() {
    let (_dir, db) = first_release_copy();
    let store = SqliteStore::open(&db).unwrap();
    assert_eq!(store.migrated_from(), Some(1));
    let all = Filter::default();
    assert_eq!(
        jsonl(|o| store.documents(&all, o)),
        answer("documents.jsonl")
    );
    assert_eq!(jsonl(|o| store.quotes(&all, o)), answer("quotes.jsonl"));
    assert_eq!(jsonl(|o| store.figures(&all, o)), answer("figures.jsonl"));
    assert_eq!(jsonl(|o| store.entities(&all, o)), answer("entities.jsonl"));
    assert_eq!(jsonl(|o| store.copies(&all, o)), answer("copies.jsonl"));
    assert_eq!(jsonl(|o| store.speakers(&all, o)), answer("speakers.jsonl"));
    assert_eq!(
        jsonl(|o| store.registry_quotes(&all, o)),
        answer("registry.jsonl")
    );
    assert_eq!(
        jsonl(|o| store.timeline("North Korean troops", &all, o)),
        answer("timeline.jsonl")
    );
    // The same story and members; they are now listed earliest first (the first release
    // listed them in content-hash order).
    let stories = collect(|o| store.stories(&all, o)).unwrap();
    let before: Vec<serde_json::Value> = answer("stories.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(stories.len(), before.len());
    for (now, then) in stories.iter().zip(&before) {
        let mut members: Vec<&str> = then["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let mut ours: Vec<&str> = now.documents.iter().map(String::as_str).collect();
        let names: Vec<&str> = ours.iter().map(|s| &s[15..18]).collect();
        // Published 2024-10-24, estimated 2024-10-28, published 2024-11-21, then the undated.
        assert_eq!(names, ["004", "002", "000", "001", "003"]);
        members.sort_unstable();
        ours.sort_unstable();
        assert_eq!(ours, members);
        assert_eq!(serde_json::json!(now.id), then["id"]);
        assert_eq!(serde_json::json!(now.title), then["title"]);
        assert_eq!(serde_json::json!(now.first_seen), then["first_seen"]);
        assert_eq!(serde_json::json!(now.last_seen), then["last_seen"]);
    }
    // Every analysis comes back byte for byte, rebuilt from its rows.
    for line in answer("show.jsonl").lines() {
        let source: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = store
            .document(source["source"].as_str().unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(serde_json::to_string(&doc).unwrap(), line);
    }
    let c = store.counts().unwrap();
    assert_eq!(
        (
            c.documents,
            c.entities,
            c.quotes,
            c.figures,
            c.times,
            c.stories
        ),
        (5, 270, 49, 17, 32, 1)
    );
    drop(store);
    // The analysis is stored once now, and the old tables' pages were given back.
    let (before, after) = (
        std::fs::metadata(fixtures().join("ledger-v0.db"))
            .unwrap()
            .len(),
        std::fs::metadata(&db).unwrap().len(),
    );
    assert!(after < before, "{after} bytes after, {before} before");
    // Migrated once: opening again runs nothing, and readers accept it.
    assert_eq!(SqliteStore::open(&db).unwrap().migrated_from(), None);
    let reader = SqliteStore::open_read_only(&db).unwrap();
    assert_eq!(reader.counts().unwrap().documents, 5);
}

#[test]
fn a_reader_refuses_the_first_release_ledger_without_touching_it() {
    let (_dir, db) = first_release_copy();
    let before = std::fs::read(&db).unwrap();
    let err = SqliteStore::open_read_only(&db).err().unwrap();
    assert!(
        matches!(err, StoreError::NeedsMigration { found: 1, current, .. } if current == CURRENT_VERSION),
        "{err}"
    );
    assert!(err.to_string().contains("claimtrail migrate"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

/// A SQLite file of someone else's, in WAL mode as a ledger would be.
fn foreign_file(dir: &Path) -> PathBuf {
    let path = dir.join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT);
         INSERT INTO documents (body) VALUES ('not ours');",
    )
    .unwrap();
    path
}

#[test]
fn files_that_are_no_ledger_are_refused_by_readers_and_writers_and_left_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let other = foreign_file(dir.path());
    let marked = dir.path().join("marked.db");
    rusqlite::Connection::open(&marked)
        .unwrap()
        .execute_batch("PRAGMA application_id = 1234; CREATE TABLE t (x);")
        .unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        b"these bytes are no database at all, not even a header",
    )
    .unwrap();
    for path in [&other, &marked, &junk] {
        let before = std::fs::read(path).unwrap();
        for err in [
            SqliteStore::open_read_only(path).err().unwrap(),
            SqliteStore::open(path).err().unwrap(),
        ] {
            assert!(
                matches!(err, StoreError::NotALedger { .. }),
                "{}: {err}",
                path.display()
            );
        }
        assert_eq!(std::fs::read(path).unwrap(), before, "{}", path.display());
    }
    // An empty file is no ledger to read, but a writer makes it one.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    assert!(SqliteStore::open_read_only(&empty).is_err());
    assert!(SqliteStore::open(&empty).is_ok());
    assert!(SqliteStore::open_read_only(&empty).is_ok());
}

#[test]
fn a_ledger_of_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    drop(SqliteStore::open(&db).unwrap());
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", CURRENT_VERSION + 1)
        .unwrap();
    for err in [
        SqliteStore::open_read_only(&db).err().unwrap(),
        SqliteStore::open(&db).err().unwrap(),
    ] {
        assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    }
}

#[test]
fn a_fresh_ledger_is_marked_as_ours_at_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let store = SqliteStore::open(&db).unwrap();
    assert_eq!(store.migrated_from(), None);
    drop(store);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(app, claimtrail_ledger::migrations::APPLICATION_ID);
    assert_eq!(version, CURRENT_VERSION);
    // The views for sqlite3 and datasette answer.
    for view in ["quotes_view", "figures_view", "documents_view"] {
        conn.query_row(&format!("SELECT count(*) FROM {view}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap();
    }
}

/// A ledger opens in the `sqlite3` shell distributions ship (Debian 12: 3.40), which refuses a
/// whole file whose schema holds SQL it cannot parse. Skips, saying so, without the shell.
#[test]
fn a_migrated_ledger_opens_in_the_distribution_sqlite3_shell() {
    let (_dir, db) = first_release_copy();
    let with_authors: Vec<String> = {
        let store = SqliteStore::open(&db).unwrap();
        drop(store);
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut st = conn
            .prepare("SELECT authors FROM documents_view WHERE authors LIKE '%; %' ORDER BY id")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let shell = std::process::Command::new("sqlite3")
        .arg("-readonly")
        .arg(&db)
        .arg("SELECT count(*) FROM documents_view; SELECT count(*) FROM quotes_view;")
        .output();
    let Ok(out) = shell else {
        eprintln!("SKIPPED: no sqlite3 shell on PATH; the schema was not checked against it");
        return;
    };
    assert!(
        out.status.success(),
        "sqlite3 {} refused the ledger: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // Byline order survives the portable view: the first author of a multi-author document
    // is the one stored at position 0.
    let conn = rusqlite::Connection::open(&db).unwrap();
    for authors in with_authors {
        let first: String = conn
            .query_row(
                "SELECT a.name FROM authors a JOIN documents_view v ON v.id = a.document_id
                 WHERE v.authors = ?1 AND a.position = 0",
                [&authors],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            authors.starts_with(&first),
            "{authors} does not start with {first}"
        );
    }
}
