//! End-to-end tests of the `claimtrail` binary on the example pages and on hostile input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimtrail"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/pages")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

const FIELDS: [&str; 17] = [
    "source",
    "id",
    "url",
    "outlet",
    "title",
    "published",
    "authors",
    "agencies",
    "syndicated",
    "dateline",
    "language",
    "text",
    "entities",
    "quotes",
    "figures",
    "times",
    "warnings",
];

#[test]
fn analyze_prints_the_contract_for_every_example_in_input_order() {
    let dir = examples();
    let out = run(&["analyze", dir.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 5);
    let mut sources: Vec<String> = recs
        .iter()
        .map(|r| r["source"].as_str().unwrap().to_string())
        .collect();
    let sorted = {
        let mut s = sources.clone();
        s.sort();
        s
    };
    assert_eq!(sources, sorted, "output follows input order");
    for r in &recs {
        for f in FIELDS {
            assert!(r.get(f).is_some(), "{f} missing in {}", r["source"]);
        }
        assert_eq!(r["id"].as_str().unwrap().len(), 32);
        assert!(!r["text"].as_str().unwrap().is_empty());
    }
    sources.retain(|s| s.ends_with("000_20dcaab2fdce8d62.txt"));
    assert_eq!(sources.len(), 1);
}

fn time_values(rec: &serde_json::Value) -> Vec<String> {
    rec["times"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["value"].as_str().map(String::from))
        .collect()
}

#[test]
fn an_undated_page_takes_its_years_from_a_dated_page_of_the_run() {
    // 002 names "28 October" with no year anywhere and has no publication date.
    let alone = examples().join("002_0c3089f2c773f405.txt");
    let out = run(&["analyze", alone.to_str().unwrap()]);
    let recs = jsonl(&out);
    assert_eq!(time_values(&recs[0])[0], "XXXX-10-28");
    // Beside the other coverage of the same events (dated 2024-10-24 and 2024-11-21) it is 2024.
    let out = run(&["analyze", examples().to_str().unwrap()]);
    let recs = jsonl(&out);
    let page = recs
        .iter()
        .find(|r| {
            r["source"]
                .as_str()
                .unwrap()
                .ends_with("002_0c3089f2c773f405.txt")
        })
        .unwrap();
    assert!(
        page["published"].is_null(),
        "no publication date is invented"
    );
    let values = time_values(page);
    assert!(values.contains(&"2024-10-28".to_string()), "{values:?}");
    assert!(values.iter().all(|v| !v.starts_with("XXXX")), "{values:?}");
    assert!(page["warnings"]
        .to_string()
        .contains("dates without a year"));
    // An explicit reference date settles everything on its own.
    let out = run(&[
        "analyze",
        "--published",
        "2023-01-10",
        examples().to_str().unwrap(),
    ]);
    let page = jsonl(&out).remove(2);
    assert_eq!(time_values(&page)[0], "2022-10-28");
}

#[test]
fn json_and_table_formats_work() {
    let dir = examples();
    let out = run(&["analyze", "--format", "json", dir.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON array");
    assert_eq!(v.as_array().unwrap().len(), 5);
    let out = run(&["analyze", "--format", "table", dir.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("title:"));
}

#[test]
fn stdin_gzip_and_record_files_are_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let page = std::fs::read(examples().join("000_20dcaab2fdce8d62.txt")).unwrap();
    let gz = tmp.path().join("page.txt.gz");
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(&page).unwrap();
    std::fs::write(&gz, e.finish().unwrap()).unwrap();
    let rec = tmp.path().join("pages.jsonl");
    let line = serde_json::json!({"url": "https://news.example.org/a", "text": String::from_utf8_lossy(&page), "published": "2024-11-21"});
    std::fs::write(&rec, format!("{line}\n{line}\n")).unwrap();

    let mut child = bin()
        .args(["analyze", "-", gz.to_str().unwrap(), rec.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&page).unwrap();
    let out = child.wait_with_output().unwrap();
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 4);
    assert_eq!(recs[0]["source"], "-");
    // The same bytes give the same content id whatever the container.
    assert_eq!(recs[0]["id"], recs[1]["id"]);
    assert_eq!(recs[0]["text"], recs[1]["text"]);
    assert_eq!(recs[2]["url"], "https://news.example.org/a");
    assert_eq!(recs[2]["outlet"], "news.example.org");
    assert!(recs[2]["source"]
        .as_str()
        .unwrap()
        .ends_with("pages.jsonl#1"));
}

#[test]
fn garbage_inputs_fail_one_by_one_without_stopping_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |n: &str| tmp.path().join(n);
    let random: Vec<u8> = (0u64..20_000)
        .map(|i| {
            (i.wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407)
                >> 33) as u8
        })
        .collect();
    std::fs::write(p("random.bin"), &random).unwrap();
    std::fs::write(p("empty.txt"), b"").unwrap();
    // 200 MB, sparse: refused by size before it is read.
    std::fs::File::create(p("huge.txt"))
        .unwrap()
        .set_len(200 << 20)
        .unwrap();
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(&b"<p>Some article text that goes on.</p>".repeat(500))
        .unwrap();
    let gz = e.finish().unwrap();
    std::fs::write(p("truncated.html.gz"), &gz[..gz.len() / 2]).unwrap();
    let mut bad_utf8 =
        b"<html><head><meta charset=\"utf-8\"><title>T</title></head><body><p>".to_vec();
    bad_utf8.extend_from_slice(
        &b"A paragraph of perfectly ordinary article text, long enough. ".repeat(20),
    );
    bad_utf8.extend_from_slice(b"\xff\xfe broken \xc3 bytes</p></body></html>");
    std::fs::write(p("bad-utf8.html"), &bad_utf8).unwrap();
    std::fs::copy(examples().join("002_0c3089f2c773f405.txt"), p("z-good.txt")).unwrap();

    let out = run(&["analyze", tmp.path().to_str().unwrap()]);
    assert!(out.status.success(), "some documents were readable");
    let recs = jsonl(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let by = |n: &str| {
        recs.iter()
            .find(|r| r["source"].as_str().unwrap().ends_with(n))
            .unwrap()
    };
    for (name, why) in [
        ("random.bin", "binary"),
        ("empty.txt", "empty"),
        ("huge.txt", "limit"),
        ("truncated.html.gz", "gzip"),
    ] {
        let w = by(name)["warnings"][0]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(w.starts_with("error:") && w.contains(why), "{name}: {w}");
        assert!(stderr.contains(name), "stderr names {name}");
    }
    let bad = by("bad-utf8.html");
    assert!(bad["text"].as_str().unwrap().contains("perfectly ordinary"));
    assert!(bad["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w.as_str().unwrap().contains("replaced")));
    assert!(by("z-good.txt")["text"].as_str().unwrap().contains("Biden"));
}

#[test]
fn invalid_options_are_refused_before_any_work() {
    let out = run(&["analyze", "--published", "yesterday", "x"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    let out = run(&["analyze", "--format", "xml", "x"]);
    assert!(!out.status.success());
}

fn db_count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap_or(0)
}

#[test]
fn ingesting_twice_adds_nothing_and_queries_read_the_store() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("ledger.db");
    let dbs = db.to_str().unwrap();
    let ex = examples();
    let first = run(&["ingest", "--db", dbs, ex.to_str().unwrap()]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let tables = ["documents", "entities", "quotes", "figures", "times"];
    let counts: Vec<i64> = tables
        .iter()
        .map(|t| db_count(&db, &format!("SELECT count(*) FROM {t}")))
        .collect();
    assert_eq!(counts[0], 5);
    let again = run(&["ingest", "--db", dbs, ex.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("ingested 0 new"));
    let counts2: Vec<i64> = tables
        .iter()
        .map(|t| db_count(&db, &format!("SELECT count(*) FROM {t}")))
        .collect();
    assert_eq!(counts, counts2);

    let docs = run(&["documents", "--db", dbs, "--format", "jsonl"]);
    assert_eq!(jsonl(&docs).len(), 5);
    let hits = run(&[
        "documents",
        "--db",
        dbs,
        "--format",
        "jsonl",
        "--text",
        "Kirby",
    ]);
    let hits = jsonl(&hits);
    assert_eq!(hits.len(), 2, "two pages mention Kirby");
    let show = run(&[
        "show",
        "--db",
        dbs,
        "--format",
        "jsonl",
        hits[0]["id"].as_str().unwrap(),
    ]);
    assert_eq!(jsonl(&show)[0]["id"], hits[0]["id"]);
    let csv = run(&[
        "documents",
        "--db",
        dbs,
        "--format",
        "csv",
        "--since",
        "2024-11-01",
    ]);
    assert!(String::from_utf8_lossy(&csv.stdout).starts_with("id,published"));
    let report = run(&["report", "--db", dbs]);
    assert!(String::from_utf8_lossy(&report.stdout).contains("5 documents"));
}

#[test]
fn an_ingest_killed_midway_completes_on_rerun_with_every_document_once() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("generated.jsonl");
    let n = 5000;
    let mut f = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    for i in 0..n {
        let text = format!(
            "Story number {i}\n\nOfficials said on Monday that {i} people attended the meeting in \
             the capital, where the minister spoke about the budget for {} hours. \"We will \
             continue,\" the minister said.\n\nThe opposition criticised the plan.",
            i % 7 + 1
        );
        writeln!(
            f,
            "{}",
            serde_json::json!({"url": format!("https://example.org/{i}"), "text": text})
        )
        .unwrap();
    }
    drop(f);
    let db = tmp.path().join("kill.db");
    let mut child = bin()
        .args([
            "ingest",
            "--quiet",
            "--batch",
            "50",
            "--db",
            db.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill (SIGKILL on unix) as soon as the first batches are committed.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    loop {
        if db.exists() && db_count(&db, "SELECT count(*) FROM documents") > 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "ingest never committed"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = db_count(&db, "SELECT count(*) FROM documents");
    assert!(
        partial > 0 && partial < n,
        "killed part-way: {partial} of {n}"
    );
    assert_eq!(partial % 50, 0, "only whole batches are committed");

    let rerun = run(&[
        "ingest",
        "--quiet",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert!(rerun.status.success());
    assert_eq!(db_count(&db, "SELECT count(*) FROM documents"), n);
    assert_eq!(
        db_count(&db, "SELECT count(DISTINCT url) FROM documents"),
        n
    );
    assert_eq!(
        db_count(
            &db,
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'opposition'"
        ),
        n
    );
}

#[test]
fn eval_extraction_scores_pages_against_ground_truth() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wcxb");
    let eval = |extra: &[&str]| {
        let mut args = vec!["eval", "extraction", "--wcxb", dir.to_str().unwrap()];
        args.extend_from_slice(extra);
        run(&args)
    };
    let out = eval(&["--pages", "--format", "jsonl"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = jsonl(&out);
    assert_eq!(
        recs.len(),
        2,
        "two pages, worst first; the summary is not mixed in"
    );
    let (a2, a1) = (&recs[0], &recs[1]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("word_f1"));
    assert_eq!(a2["page"], "a2");
    // a2's truth keeps only the first paragraph: all of it found, half the words extra.
    assert_eq!(a2["word_recall"], 1.0);
    assert!(a2["word_precision"].as_f64().unwrap() < 0.6);
    assert_eq!(a2["date"], false, "the page names no date");
    assert_eq!(a1["word_precision"], 1.0, "menus and footer left out");
    assert_eq!(a1["date"], true);
    assert_eq!(a1["author"], true);
    // CSV: one header and the page rows on stdout; the summary on stderr.
    let out = eval(&["--pages", "--format", "csv"]);
    let csv = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[0].starts_with("page,word_f1"));
    assert!(lines[1].starts_with("a2,") && lines[2].starts_with("a1,"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("word_f1"));
    let out = eval(&["--format", "jsonl"]);
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 1, "the summary alone");
    let sum = &recs[0];
    assert_eq!(sum["pages"], 2);
    assert_eq!(sum["date_exact"], 0.5);
    assert_eq!(sum["title_exact"], 1.0);
    assert_eq!(sum["author"], 0.5);
    let mean = (a1["word_f1"].as_f64().unwrap() + a2["word_f1"].as_f64().unwrap()) / 2.0;
    assert!((sum["word_f1"].as_f64().unwrap() - mean).abs() < 1e-4);
    // A directory without ground truth is refused, naming it.
    let out = run(&["eval", "extraction", "--wcxb", "/nonexistent/wcxb"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/wcxb"));
}
