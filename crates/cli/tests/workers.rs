//! Two workers on one PostgreSQL ledger build the ledger one process builds into SQLite from
//! the same input: the same documents, quotes, figures and wire copies, the same story
//! partition, the same registry quotes (ids aside: they follow the order units finish in).

#![cfg(feature = "postgres")]

use claimtrail_ledger::postgres::testdb::TestDb;
use std::path::Path;
use std::process::Command;

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

#[test]
fn two_workers_give_the_ledger_of_one_process() {
    let Some(pg) = TestDb::create() else {
        return;
    };
    let pages =
        std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/pages"))
            .unwrap();
    let pages = pages.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let lite = dir.path().join("one.db");
    let lite = lite.to_str().unwrap();
    claimtrail(&["ingest", "-q", "--db", lite, pages]);
    claimtrail(&["queue", "add", "--db", &pg.url, pages]);
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
    for q in ["documents", "quotes", "figures", "copies"] {
        assert_eq!(rows(q, lite), rows(q, &pg.url), "{q}");
    }
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
    claimtrail(&["work", "-q", "--until-done", "--db", &pg.url]);
    let status = claimtrail(&["queue", "status", "--db", &pg.url]);
    assert!(status.contains("parked 1"), "{status}");
    assert!(status.contains("after 3 attempts"), "{status}");
    assert!(status.contains("gone.html"), "{status}");
}
