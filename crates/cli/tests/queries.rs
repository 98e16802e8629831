//! The query commands end to end: they read a ledger without writing to it (read-only media,
//! someone else's SQLite file, a ledger of the first release), refuse what they cannot do by
//! name, and `show` gives back the stored analysis as the previous release printed it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimtrail"));
    cmd.env_remove("CLAIMTRAIL_DB");
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("binary runs")
}

fn stdout(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn stderr_of_failure(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(!out.status.success(), "{cmd:?} succeeded");
    String::from_utf8(out.stderr).unwrap()
}

/// A ledger of the example pages, ingested from the workspace root as `examples/pages`.
fn examples_ledger(dir: &Path) -> PathBuf {
    let db = dir.join("l.db");
    stdout(bin().current_dir(root()).args([
        "ingest",
        "--quiet",
        "--db",
        db.to_str().unwrap(),
        "examples/pages",
    ]));
    db
}

fn first_release_fixture() -> PathBuf {
    root().join("crates/ledger/tests/fixtures")
}

#[test]
fn show_gives_back_what_the_previous_release_stored_and_analyze_printed() {
    let tmp = tempfile::tempdir().unwrap();
    let db = examples_ledger(tmp.path());
    let dbs = db.to_str().unwrap();
    // What `analyze` prints now, pinned by the snapshot test (the first release's answers,
    // `ledger-v0-answers/show.jsonl`, stay the migration test's: the analysis has moved on).
    let before =
        std::fs::read_to_string(root().join("crates/cli/tests/fixtures/analyze-examples.jsonl"))
            .unwrap();
    let analyze_table =
        stdout(
            bin()
                .current_dir(root())
                .args(["analyze", "--format", "table", "examples/pages"]),
        );
    let mut tables = String::new();
    for line in before.lines() {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let source = rec["source"].as_str().unwrap();
        let shown = stdout(bin().args(["show", "--db", dbs, "--format", "jsonl", source]));
        assert_eq!(shown, format!("{line}\n"), "{source}");
        // Any path to the same file finds it.
        let absolute = root().join(source).canonicalize().unwrap();
        let by_path = stdout(bin().args([
            "show",
            "--db",
            dbs,
            "--format",
            "jsonl",
            absolute.to_str().unwrap(),
        ]));
        assert_eq!(by_path, shown);
        tables += &stdout(bin().args(["show", "--db", dbs, source]));
    }
    assert_eq!(tables, analyze_table);
    assert!(tables.contains("= 10000 at_least"), "{tables}");
    assert!(!tables.contains("Some("));
}

#[test]
fn a_filter_a_command_cannot_apply_is_refused_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    let db = examples_ledger(tmp.path());
    let dbs = db.to_str().unwrap();
    for args in [
        ["stories", "--speaker", "zzzz"],
        ["documents", "--counted", "troops"],
        ["copies", "--speaker", "Kirby"],
        ["quotes", "--counted", "troops"],
    ] {
        let err = stderr_of_failure(bin().args(args).args(["--db", dbs]));
        assert!(err.contains(args[1]), "{args:?}: {err}");
    }
    // Filters that apply still work.
    let kirby = stdout(bin().args([
        "quotes",
        "--speaker",
        "Kirby",
        "--db",
        dbs,
        "--format",
        "jsonl",
    ]));
    assert!(kirby.lines().count() > 5);
}

#[test]
fn a_bad_full_text_query_is_reported_once_and_says_what_text_takes() {
    let tmp = tempfile::tempdir().unwrap();
    let db = examples_ledger(tmp.path());
    let err = stderr_of_failure(bin().args([
        "documents",
        "--db",
        db.to_str().unwrap(),
        "--text",
        "\"unclosed",
    ]));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("--text takes SQLite FTS5 syntax"), "{err}");
    assert_eq!(err.matches("unterminated string").count(), 1, "{err}");
    let help = stdout(bin().args(["documents", "--help"]));
    assert!(help.contains("FTS5"), "{help}");
    assert!(help.contains("CLAIMTRAIL_DB"), "{help}");
}

#[test]
fn the_ledger_can_be_named_by_claimtrail_db() {
    let tmp = tempfile::tempdir().unwrap();
    let db = examples_ledger(tmp.path());
    let docs = stdout(
        bin()
            .current_dir(tmp.path().parent().unwrap())
            .env("CLAIMTRAIL_DB", &db)
            .args(["documents", "--format", "jsonl"]),
    );
    assert_eq!(docs.lines().count(), 5);
}

#[test]
fn report_is_a_summary_and_all_lists_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let db = examples_ledger(tmp.path());
    let dbs = db.to_str().unwrap();
    let summary = stdout(bin().args(["report", "--db", dbs]));
    for part in [
        "5 documents",
        "LATEST STORIES",
        "TOP SPEAKERS",
        "TOP MEASURES",
        "korean north troop",
    ] {
        assert!(summary.contains(part), "{part}: {summary}");
    }
    assert!(!summary.contains("QUOTES\n"));
    let all = stdout(bin().args(["report", "--all", "--db", dbs]));
    for part in ["DOCUMENTS", "QUOTES", "FIGURES", "ENTITIES"] {
        assert!(all.contains(part), "{part}");
    }
    assert!(all.lines().count() > summary.lines().count() + 49);
}

/// Every file of a directory, by name, with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn read_commands_leave_someone_elses_sqlite_file_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let other = tmp.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine');")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    for cmd in ["report", "documents", "stories", "copies"] {
        let err = stderr_of_failure(bin().args([cmd, "--db", other.to_str().unwrap()]));
        assert!(err.contains("not a claimtrail ledger"), "{err}");
    }
    let err = stderr_of_failure(
        bin()
            .args(["ingest", "--db", other.to_str().unwrap()])
            .arg(root().join("examples/pages")),
    );
    assert!(err.contains("not a claimtrail ledger"), "{err}");
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn a_ledger_of_the_first_release_is_migrated_on_request_and_then_read() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("old.db");
    std::fs::copy(first_release_fixture().join("ledger-v0.db"), &db).unwrap();
    let dbs = db.to_str().unwrap();
    let before = std::fs::read(&db).unwrap();
    let err = stderr_of_failure(bin().args(["report", "--db", dbs]));
    assert!(err.contains("claimtrail migrate --db"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let out = run(bin().args(["migrate", "--db", dbs]));
    assert!(out.status.success());
    let current = claimtrail_ledger::migrations::CURRENT_VERSION;
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&format!("schema version 1 → {current}")),
        "{said}"
    );
    let timeline = stdout(bin().args([
        "timeline",
        "North Korean troops",
        "--db",
        dbs,
        "--format",
        "jsonl",
    ]));
    assert_eq!(
        timeline,
        std::fs::read_to_string(first_release_fixture().join("ledger-v0-answers/timeline.jsonl"))
            .unwrap()
    );
}

#[test]
fn a_ledger_on_read_only_media_answers_queries() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("media");
    std::fs::create_dir(&dir).unwrap();
    let db = examples_ledger(&dir);
    // What read-only media refuse: the shared-memory file and write-ahead log beside a WAL
    // ledger. (Taken by directories, so that the test holds for a user whom permissions do not
    // stop, such as root.)
    std::fs::create_dir(dir.join("l.db-shm")).unwrap();
    std::fs::create_dir(dir.join("l.db-wal")).unwrap();
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms.clone()).unwrap();
    std::fs::set_permissions(&dir, {
        let mut p = std::fs::metadata(&dir).unwrap().permissions();
        p.set_readonly(true);
        p
    })
    .unwrap();
    let before = snapshot(&dir);
    let dbs = db.to_str().unwrap();
    let docs = stdout(bin().args(["documents", "--db", dbs, "--format", "jsonl"]));
    assert_eq!(docs.lines().count(), 5);
    stdout(bin().args(["report", "--db", dbs]));
    stdout(bin().args([
        "show",
        "--db",
        dbs,
        "examples/pages/000_20dcaab2fdce8d62.txt",
    ]));
    assert!(snapshot(&dir) == before, "the ledger was written to");
    // Writable again, so that the temporary directory can go.
    let mut p = std::fs::metadata(&dir).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    p.set_readonly(false);
    std::fs::set_permissions(&dir, p).unwrap();
}
