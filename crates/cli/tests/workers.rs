//! Two workers on one PostgreSQL ledger build the ledger one process builds into SQLite from
//! the same input: the same documents, quotes, figures and wire copies, the same story
//! partition, the same registry quotes (ids aside: they follow the order units finish in).
//! And faults: a worker killed mid-unit, the database restarted under running workers, the
//! same files queued twice: nothing lost, nothing stored twice.

#![cfg(feature = "postgres")]

use claimtrail_ledger::postgres::testdb::{TestCluster, TestDb};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

fn claimtrail(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(args)
        .env_remove("CLAIMTRAIL_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn rows(query: &str, db: &str) -> Vec<serde_json::Value> {
    claimtrail(&[query, "--db", db, "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The example pages' directory, absolute (workers may start elsewhere).
fn example_pages() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/pages");
    let dir = std::fs::canonicalize(dir).unwrap();
    dir.to_str().unwrap().to_string()
}

#[test]
fn two_workers_give_the_ledger_of_one_process() {
    let Some(pg) = TestDb::create() else {
        return;
    };
    let pages = example_pages();
    let pages = pages.as_str();
    let dir = tempfile::tempdir().unwrap();
    let lite = dir.path().join("one.db");
    let lite = lite.to_str().unwrap();
    claimtrail(&["ingest", "-q", "--db", lite, pages]);
    // A unit per file, so that both workers have units to take.
    claimtrail(&["queue", "add", "--unit-files", "1", "--db", &pg.url, pages]);
    let workers: Vec<_> = (0..2)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_claimtrail"))
                .args([
                    "work",
                    "-q",
                    "--until-done",
                    "--batch",
                    "2",
                    "--db",
                    &pg.url,
                ])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut w in workers {
        assert!(w.wait().unwrap().success());
    }
    let status = claimtrail(&["queue", "status", "--db", &pg.url, "--format", "jsonl"]);
    let status: serde_json::Value = serde_json::from_str(&status).unwrap();
    assert_eq!(status["done"], 5, "{status}");
    for q in ["documents", "quotes", "copies"] {
        assert_eq!(rows(q, lite), rows(q, &pg.url), "{q}");
    }
    // The same figures, each exactly once; not always in the same order. An undated document's
    // figures sort by the date its story lets the ledger estimate for it, and that estimate is
    // made once, when the document is linked: a document linked before any dated member of its
    // story gets none (the workers link in the order their units finish; one process links in
    // walk order). The example page 002 is such a document.
    let sorted = |db: &str| {
        let mut f: Vec<String> = rows("figures", db).iter().map(|r| r.to_string()).collect();
        f.sort();
        f
    };
    assert_eq!(sorted(lite), sorted(&pg.url), "figures");
    let partition = |db: &str| {
        let mut p: Vec<Vec<String>> = rows("stories", db)
            .iter()
            .map(|s| {
                let mut d: Vec<String> = serde_json::from_value(s["documents"].clone()).unwrap();
                d.sort();
                d
            })
            .collect();
        p.sort();
        p
    };
    assert_eq!(partition(lite), partition(&pg.url));
    let registry = |db: &str| {
        let mut r: Vec<String> = rows("registry", db)
            .into_iter()
            .map(|mut q| {
                q.as_object_mut().unwrap().remove("id");
                q.to_string()
            })
            .collect();
        r.sort();
        r
    };
    assert_eq!(registry(lite), registry(&pg.url));
}

#[test]
fn a_unit_that_cannot_be_read_is_parked_after_three_attempts() {
    let Some(pg) = TestDb::create() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.html");
    std::fs::write(&gone, "<p>x</p>").unwrap();
    claimtrail(&["queue", "add", "--db", &pg.url, gone.to_str().unwrap()]);
    std::fs::remove_file(&gone).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(["work", "-q", "--until-done", "--db", &pg.url])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "a parked unit is a failed run");
    let status = claimtrail(&["queue", "status", "--db", &pg.url]);
    assert!(status.contains("parked 1"), "{status}");
    assert!(status.contains("after 3 attempts"), "{status}");
    assert!(status.contains("gone.html"), "{status}");
}

/// A file whose name is not UTF-8 cannot be kept in the queue's text: `queue add` refuses it by
/// name and queues nothing, where it used to queue the name mangled (U+FFFD), which every worker
/// then failed to open, three times, before parking it.
#[test]
fn a_file_name_that_is_not_utf8_is_refused_by_queue_add() {
    use std::os::unix::ffi::OsStrExt;
    let Some(pg) = TestDb::create() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let odd = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"caf\xe9.html"));
    std::fs::write(&odd, "<p>Jo Roe said it would rain.</p>").unwrap();
    std::fs::write(dir.path().join("good.html"), "<p>Ann Lee said no.</p>").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(["queue", "add", "--db", &pg.url])
        .arg(dir.path())
        .env_remove("CLAIMTRAIL_DB")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("not UTF-8") && err.contains("caf"), "{err}");
    let status = queue_status(&pg.url);
    assert_eq!(status["queued"], 0, "{status}");
}

/// A unit whose documents are partly unreadable (binary, a broken record among good ones) is
/// done, its good documents stored; the worker names each refused document, counts them, and
/// exits 1 as `ingest` does, whatever the mix.
#[test]
fn refused_documents_are_named_counted_and_fail_the_run() {
    let Some(pg) = TestDb::create() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let good = "The mayor, Jo Roe, said on Monday that the city would spend $4 million on roads.";
    for refused in 1..4usize {
        let name = format!("recs{refused}.jsonl");
        let mut lines = vec![format!(
            "{{\"url\": \"https://a.example/{refused}\", \"text\": \"{good}\"}}"
        )];
        lines.extend((0..refused).map(|i| format!("{{\"url\": {i}}}")));
        let file = dir.path().join(&name);
        std::fs::write(&file, lines.join("\n")).unwrap();
        let bin = dir.path().join(format!("bin{refused}.html"));
        std::fs::write(&bin, [0u8, 1, 2, 3].repeat(100)).unwrap();
        claimtrail(&[
            "queue",
            "add",
            "--db",
            &pg.url,
            file.to_str().unwrap(),
            bin.to_str().unwrap(),
        ]);
        let out = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
            .args(["work", "--until-done", "--db", &pg.url])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(&format!("bin{refused}.html")), "{err}");
        assert!(
            err.contains(&format!("{} document(s) refused", refused + 1)),
            "{err}"
        );
    }
    let status = queue_status(&pg.url);
    assert_eq!(status["done"], 3, "{status}");
    assert_eq!(status["documents"], 3, "{status}");
}

/// A worker process on `db`, until no unit is left.
fn worker(db: &str, batch: &str, lease_secs: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(["work", "-q", "--until-done", "--batch", batch])
        .args(["--lease-secs", lease_secs, "--db", db])
        .env_remove("CLAIMTRAIL_DB")
        .spawn()
        .unwrap()
}

/// Waits for a worker; a hung one is killed and fails the test (a guard, not a timing).
fn finish(mut w: Child) {
    let deadline = Instant::now() + Duration::from_secs(600);
    loop {
        if let Some(status) = w.try_wait().unwrap() {
            assert!(status.success(), "worker exited with {status}");
            return;
        }
        if Instant::now() > deadline {
            let _ = w.kill();
            panic!("a worker did not finish");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn queue_status(db: &str) -> serde_json::Value {
    let status = claimtrail(&["queue", "status", "--db", db, "--format", "jsonl"]);
    serde_json::from_str(&status).unwrap()
}

/// Waits until the queue reports at least `n` committed documents.
fn wait_for_documents(db: &str, n: i64) {
    let deadline = Instant::now() + Duration::from_secs(600);
    while queue_status(db)["documents"].as_i64().unwrap() < n {
        assert!(Instant::now() < deadline, "no documents were committed");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Record files of `per_file` generated news pages each, every page its own (no copies).
fn record_files(dir: &Path, files: usize, per_file: usize) -> Vec<PathBuf> {
    (0..files)
        .map(|f| {
            let lines: String = (0..per_file)
                .map(|i| {
                    let n = f * per_file + i;
                    let html = format!(
                        "<html><head><title>Council{n} votes on the harbour{n} plan</title></head>\
                         <body><h1>Council{n} votes on the harbour{n} plan</h1>\
                         <p>The council of Town{n} approved {n} million dollars for the harbour{n} \
                         on Tuesday, after a debate of {} hours.</p>\
                         <p>\"We have waited for this harbour{n} for a long time,\" said Mayor \
                         Ann Lee{n}, who backed the plan.</p>\
                         <p>About {} residents came to the meeting in Hall{n}, officials said.</p>\
                         </body></html>",
                        n % 7 + 2,
                        100 + n
                    );
                    serde_json::json!({
                        "url": format!("https://news.example/{n}"),
                        "published": "2024-10-01",
                        "html": html,
                    })
                    .to_string()
                        + "\n"
                })
                .collect();
            let path = dir.join(format!("feed{f}.jsonl"));
            std::fs::write(&path, lines).unwrap();
            path
        })
        .collect()
}

/// The ledger's `queries` answer as those of one process into SQLite from `inputs`.
fn same_as_one_process(db: &str, inputs: &[&str], dir: &Path, queries: &[&str]) {
    let lite = dir.join("one.db");
    let lite = lite.to_str().unwrap();
    let mut args = vec!["ingest", "-q", "--db", lite];
    args.extend_from_slice(inputs);
    claimtrail(&args);
    for &q in queries {
        assert_eq!(rows(q, lite), rows(q, db), "{q}");
    }
}

#[test]
fn a_worker_killed_mid_unit_leaves_its_unit_to_another() {
    let Some(pg) = TestDb::create() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let files = record_files(dir.path(), 1, 300);
    let feed = files[0].to_str().unwrap();
    claimtrail(&["queue", "add", "--db", &pg.url, feed]);
    let mut first = worker(&pg.url, "5", "3");
    wait_for_documents(&pg.url, 10);
    first.kill().unwrap(); // SIGKILL: no cleanup, its transaction cut off
    first.wait().unwrap();
    let status = queue_status(&pg.url);
    assert_eq!(
        status["running"], 1,
        "killed before the unit ended: {status}"
    );
    assert!(status["documents"].as_i64().unwrap() < 300, "{status}");
    // The next worker waits out the dead one's lease, then resumes the unit.
    finish(worker(&pg.url, "5", "3"));
    let status = queue_status(&pg.url);
    assert_eq!(
        (&status["done"], &status["documents"]),
        (&1.into(), &300.into()),
        "{status}"
    );
    let documents = rows("documents", &pg.url);
    assert_eq!(documents.len(), 300);
    // One unit, resumed in order: even the copies (which depend on arrival order) agree.
    same_as_one_process(
        &pg.url,
        &[feed],
        dir.path(),
        &["documents", "quotes", "figures", "copies"],
    );
}

#[test]
fn workers_wait_out_a_database_restart_and_finish() {
    let Some(cluster) = TestCluster::create() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let files = record_files(dir.path(), 3, 80);
    let feeds: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();
    let mut args = vec!["queue", "add", "--unit-files", "1", "--db", &cluster.url];
    args.extend_from_slice(&feeds);
    claimtrail(&args);
    let workers = [
        worker(&cluster.url, "4", "60"),
        worker(&cluster.url, "4", "60"),
    ];
    wait_for_documents(&cluster.url, 12);
    // A crash (connections cut, no checkpoint), two seconds down, then back.
    cluster.stop().unwrap();
    std::thread::sleep(Duration::from_secs(2));
    cluster.start().unwrap();
    for w in workers {
        finish(w);
    }
    let status = queue_status(&cluster.url);
    assert_eq!(
        (&status["done"], &status["parked"]),
        (&3.into(), &0.into()),
        "{status}"
    );
    assert_eq!(rows("documents", &cluster.url).len(), 240);
    // Rows name documents by content id, so the order units finished in does not show (copies
    // of these look-alike pages would: the earliest stored is the original).
    same_as_one_process(
        &cluster.url,
        &feeds,
        dir.path(),
        &["documents", "quotes", "figures"],
    );
}

/// A fixed, incompressible letter sequence (an index row is compressed first).
fn letters(n: usize) -> String {
    let mut x: u32 = 7;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            char::from(b'a' + ((x >> 16) % 26) as u8)
        })
        .collect()
}

/// Three records; the second has a URL of 9,000 distinct characters, past what PostgreSQL can
/// index as written, and the only mention of a bridge.
fn records_with_a_long_url(dir: &Path) -> String {
    let url = letters(9000);
    let lines = [
        r#"{"url":"https://a.example/1","text":"The governor said taxes will rise by 3 percent."}"#
            .to_string(),
        format!(
            r#"{{"url":"https://b.example/{url}","text":"The mayor said the bridge costs $5 million."}}"#
        ),
        r#"{"url":"https://c.example/3","text":"Officials said 40 people were hurt."}"#.to_string(),
    ];
    let path = dir.join("feed.jsonl");
    std::fs::write(&path, lines.join("\n")).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_url_too_long_to_index_is_stored_under_a_bounded_origin() {
    let Some(pg) = TestDb::create() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let feed = records_with_a_long_url(dir.path());
    claimtrail(&["ingest", "-q", "--db", &pg.url, &feed]);
    let docs = rows("documents", &pg.url);
    assert_eq!(docs.len(), 3, "{docs:?}");
    // Ingesting again finds all three stored: the bounded origin is the same each time.
    let out = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(["ingest", "--db", &pg.url, &feed])
        .env_remove("CLAIMTRAIL_DB")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("0 new document(s), 3 already stored"), "{err}");
    // The document is found by its URL, and by its origin as stored.
    let url = format!("https://b.example/{}", letters(9000));
    let shown = claimtrail(&["show", "--db", &pg.url, &url]);
    assert!(shown.contains("the bridge costs"), "{shown}");
    let stored = claimtrail_ledger::origin(Some(&url), "-");
    let shown = claimtrail(&["show", "--db", &pg.url, &stored]);
    assert!(shown.contains("the bridge costs"), "{shown}");
    // A "word" of the same 9,000 letters in the text: no story term, entity or speaker of it.
    let word = letters(9000);
    let words = dir.path().join("words.jsonl");
    std::fs::write(
        &words,
        format!(
            r#"{{"url":"https://d.example/4","text":"“The plan works,” John Z{word} said. Z{word} is here."}}"#
        ),
    )
    .unwrap();
    claimtrail(&["ingest", "-q", "--db", &pg.url, words.to_str().unwrap()]);
    assert_eq!(rows("documents", &pg.url).len(), 4);
}

/// A PostgreSQL ledger at the current schema that refuses any document mentioning a bridge, as
/// a database refuses rows its constraints forbid.
fn ledger_refusing_bridges() -> TestDb {
    let pg = TestDb::create().unwrap();
    claimtrail(&["migrate", "--db", &pg.url]);
    let mut client = postgres::Client::connect(&pg.url, postgres::NoTls).unwrap();
    client
        .batch_execute(
            "ALTER TABLE documents ADD CONSTRAINT no_bridges CHECK (position('bridge' in text) = 0)",
        )
        .unwrap();
    pg
}

#[test]
fn a_document_postgres_refuses_is_named_and_the_others_are_stored() {
    if TestDb::create().is_none() {
        return;
    }
    let pg = ledger_refusing_bridges();
    let dir = tempfile::tempdir().unwrap();
    let feed = records_with_a_long_url(dir.path());
    // ingest: the run goes on past the refused record, says which it was, and exits 1.
    let out = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(["ingest", "-q", "--db", &pg.url, &feed])
        .env_remove("CLAIMTRAIL_DB")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("feed.jsonl#2: not stored"), "{err}");
    assert!(
        err.contains("2 new document(s), 0 already stored, 1 failed"),
        "{err}"
    );
    assert_eq!(rows("documents", &pg.url).len(), 2);
    // A worker: the unit finishes with the two it can store, not parked for the third; the
    // refused document makes the run's status 1, as in `ingest`.
    let other = ledger_refusing_bridges();
    claimtrail(&["queue", "add", "--db", &other.url, &feed]);
    let out = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(["work", "--until-done", "--batch", "8", "--db", &other.url])
        .env_remove("CLAIMTRAIL_DB")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("feed.jsonl#2: not stored"), "{err}");
    assert!(err.contains("1 document(s) refused, 0 failure(s)"), "{err}");
    let status = queue_status(&other.url);
    assert_eq!(
        (&status["done"], &status["parked"]),
        (&1.into(), &0.into()),
        "{status}"
    );
    assert_eq!(rows("documents", &other.url).len(), 2);
}

#[test]
fn the_same_files_queued_twice_are_stored_once() {
    let Some(pg) = TestDb::create() else {
        return;
    };
    let pages = example_pages();
    let pages = pages.as_str();
    // Two units of the same five files: the two workers take one each, at once.
    claimtrail(&["queue", "add", "--db", &pg.url, pages]);
    claimtrail(&["queue", "add", "--db", &pg.url, pages]);
    let workers = [worker(&pg.url, "1", "60"), worker(&pg.url, "1", "60")];
    for w in workers {
        finish(w);
    }
    let status = queue_status(&pg.url);
    assert_eq!(status["done"], 2, "{status}");
    let dir = tempfile::tempdir().unwrap();
    same_as_one_process(
        &pg.url,
        &[pages],
        dir.path(),
        &["documents", "quotes", "figures", "copies"],
    );
}
