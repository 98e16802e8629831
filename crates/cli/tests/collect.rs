//! `claimtrail collect` and `watch` as a user runs them, against a site on loopback: a collect
//! killed with SIGKILL several times and run again ends with the ledger an uninterrupted run
//! builds (no page lost, none stored twice), its archive reads back through `ingest`, and
//! `watch` ends cleanly on SIGTERM.
#![cfg(feature = "collect")]

#[path = "../../collect/tests/support/site.rs"]
mod site;

use claimtrail_ledger::{Filter, SqliteStore, Store};
use site::{article, Route, Site};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PAGES: usize = 30;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimtrail"))
}

fn site() -> Site {
    let site = Site::start();
    site.route(
        "/robots.txt",
        Route::typed("text/plain", "User-agent: *\nAllow: /\n"),
    );
    let items: String = (0..PAGES)
        .map(|i| {
            format!(
                "<item><title>Page {i}</title><link>{}</link>\
                 <pubDate>Tue, 22 Oct 2024 08:00:00 GMT</pubDate></item>",
                site.url(&format!("/p/{i}"))
            )
        })
        .collect();
    site.route(
        "/feed.xml",
        Route::typed(
            "application/rss+xml",
            &format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title>{items}</channel></rss>"),
        ),
    );
    for i in 0..PAGES {
        site.route(
            &format!("/p/{i}"),
            Route::html(&article(i, &format!("Page {i}"), Some("2024-10-22"), None))
                .slow(Duration::from_millis(40)),
        );
    }
    site
}

fn collect_cmd(site: &Site, db: &Path, archive: &Path) -> Command {
    let mut c = bin();
    c.args([
        "collect",
        "--contact",
        "test@example.org",
        "--delay",
        "10ms",
    ])
    .arg("--db")
    .arg(db)
    .arg("--archive")
    .arg(archive)
    .arg(site.url("/feed.xml"))
    .env_remove("CLAIMTRAIL_DB");
    c
}

/// Documents, quotes and figures without source paths, sorted.
fn view(db: &Path) -> (Vec<String>, Vec<String>, Vec<String>) {
    let s = SqliteStore::open_read_only(db).unwrap();
    let f = Filter::default();
    let (mut d, mut q, mut g) = (Vec::new(), Vec::new(), Vec::new());
    s.documents(&f, &mut |mut r| {
        r.source.clear();
        d.push(format!("{r:?}"));
        Ok(())
    })
    .unwrap();
    s.quotes(&f, &mut |mut r| {
        r.source.clear();
        q.push(format!("{r:?}"));
        Ok(())
    })
    .unwrap();
    s.figures(&f, &mut |mut r| {
        r.source.clear();
        g.push(format!("{r:?}"));
        Ok(())
    })
    .unwrap();
    d.sort();
    q.sort();
    g.sort();
    (d, q, g)
}

#[test]
fn collect_killed_mid_run_and_run_again_loses_nothing_and_stores_nothing_twice() {
    let site = site();
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference.db");
    let out = collect_cmd(&site, &reference, &dir.path().join("ref-archive"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = view(&reference);
    assert_eq!(expected.0.len(), PAGES);

    let db = dir.path().join("killed.db");
    let archive = dir.path().join("archive");
    site.clear_log();
    let mut kills = 0;
    for wait in [150u64, 300, 450, 700] {
        let mut child = collect_cmd(&site, &db, &archive)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(wait));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
    }
    assert!(kills >= 2, "the runs were killed mid-collect");
    let out = collect_cmd(&site, &db, &archive).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("fetched"), "a progress line: {err}");
    assert_eq!(
        view(&db),
        expected,
        "the same ledger as an uninterrupted run"
    );

    // Each page was fetched at most twice (once more if a kill caught it in flight), and the
    // last run fetched no page already stored.
    for i in 0..PAGES {
        let n = site.count(&format!("/p/{i}"));
        assert!((1..=1 + kills).contains(&n), "/p/{i} fetched {n} times");
    }

    // The archive, killed runs and all, reads back through `ingest` into the same ledger.
    let fresh = dir.path().join("fresh.db");
    let out = bin()
        .arg("ingest")
        .arg("--db")
        .arg(&fresh)
        .arg(&archive)
        .env_remove("CLAIMTRAIL_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(view(&fresh), expected);
}

#[test]
fn watch_polls_until_sigterm_and_ends_cleanly() {
    let site = site();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let mut child = bin()
        .args([
            "watch",
            "--every",
            "200ms",
            "--contact",
            "test@example.org",
            "--delay",
            "5ms",
        ])
        .arg("--db")
        .arg(&db)
        .arg("--archive")
        .arg(dir.path().join("archive"))
        .arg(site.url("/feed.xml"))
        .env_remove("CLAIMTRAIL_DB")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut lines = Vec::new();
    let started = Instant::now();
    while !lines.iter().any(|l: &String| l.starts_with("cycle 2:")) {
        assert!(started.elapsed() < Duration::from_secs(60), "{lines:?}");
        if let Ok(l) = rx.recv_timeout(Duration::from_millis(100)) {
            lines.push(l);
        }
    }
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let code = child.wait().unwrap();
    lines.extend(rx.iter());
    assert!(code.success(), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.starts_with("watch: stopped after")),
        "{lines:?}"
    );
    // The first cycle stored every page; the second found nothing new.
    assert!(
        lines[0..]
            .iter()
            .any(|l| l.starts_with("cycle 1:") && l.contains(&format!("{PAGES} new document"))),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("cycle 2:") && l.contains(" 0 new document")),
        "{lines:?}"
    );
    let s = SqliteStore::open_read_only(&db).unwrap();
    assert_eq!(s.counts().unwrap().documents as usize, PAGES);
}
