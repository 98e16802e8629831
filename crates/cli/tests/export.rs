//! `export` and `import` end to end on the example pages: the JSON Lines round trip gives the
//! same files, CSV has the same rows, the claims are JSON-LD-shaped schema.org Claims, and a
//! broken export is refused with its file and line.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimtrail"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/pages")
}

fn succeed(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

const TABLES: [&str; 9] = [
    "documents",
    "entities",
    "quotes",
    "figures",
    "times",
    "stories",
    "copies",
    "registry",
    "quote_appearances",
];

/// A ledger of the example pages plus one page again under another name (a wire copy).
fn ledger(dir: &Path) -> PathBuf {
    let pages = dir.join("pages");
    std::fs::create_dir(&pages).unwrap();
    for e in std::fs::read_dir(examples()).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), pages.join(e.file_name())).unwrap();
    }
    let first = std::fs::read_dir(examples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    std::fs::copy(&first, pages.join("zz_copy.txt")).unwrap();
    let db = dir.join("l.db");
    succeed(
        bin()
            .args(["ingest", "--quiet", "--db"])
            .arg(&db)
            .arg(&pages),
    );
    db
}

fn export(db: &Path, format: &str, out: &Path, extra: &[&str]) {
    succeed(
        bin()
            .args(["export", "--format", format, "--db"])
            .arg(db)
            .arg("--out")
            .arg(out)
            .args(extra),
    );
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_jsonl_export_imported_into_a_fresh_ledger_exports_the_same_files() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ledger(tmp.path());
    let first = tmp.path().join("first");
    export(&db, "jsonl", &first, &[]);
    for t in TABLES {
        assert!(
            first.join(format!("{t}.jsonl")).exists(),
            "{t}.jsonl missing"
        );
    }
    // Something in every table the example pages fill, so the comparison compares rows.
    for t in [
        "documents",
        "entities",
        "quotes",
        "figures",
        "times",
        "stories",
        "copies",
    ] {
        assert!(
            !lines(&first.join(format!("{t}.jsonl"))).is_empty(),
            "{t} is empty"
        );
    }
    let docs = lines(&first.join("documents.jsonl"));
    assert_eq!(docs.len(), 6);
    let d: serde_json::Value = serde_json::from_str(&docs[0]).unwrap();
    assert_eq!(d["key"], 1);
    assert!(d["authors"].is_array());

    let fresh = tmp.path().join("fresh.db");
    succeed(
        bin()
            .args(["import", "--db"])
            .arg(&fresh)
            .arg("--from")
            .arg(&first),
    );
    let second = tmp.path().join("second");
    export(&fresh, "jsonl", &second, &[]);
    for t in TABLES {
        let name = format!("{t}.jsonl");
        assert_eq!(
            lines(&first.join(&name)),
            lines(&second.join(&name)),
            "{name} differs after the round trip"
        );
    }
    // Importing again adds nothing.
    let out = succeed(
        bin()
            .args(["import", "--db"])
            .arg(&fresh)
            .arg("--from")
            .arg(&first),
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("0 new"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A ledger that is not there, or a PostgreSQL one, is named as such; SQLite's "unable to open
/// database file" named neither. Nothing is written.
#[test]
fn export_from_a_missing_or_postgres_ledger_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for (db, want) in [
        (dir.path().join("none.db"), "no ledger at"),
        (
            PathBuf::from("postgres://nobody@127.0.0.1:1/x"),
            "reads a SQLite ledger",
        ),
    ] {
        let r = bin()
            .args(["export", "--format", "jsonl", "--db"])
            .arg(&db)
            .arg("--out")
            .arg(&out)
            .env_remove("CLAIMTRAIL_DB")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(2), "{err}");
        assert!(err.contains(want), "{err}");
        assert!(!out.exists() && !dir.path().join("none.db").exists());
    }
}

#[test]
fn csv_has_a_header_and_the_rows_of_jsonl() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ledger(tmp.path());
    export(&db, "jsonl", &tmp.path().join("j"), &[]);
    export(&db, "csv", &tmp.path().join("c"), &[]);
    for t in TABLES {
        let json = lines(&tmp.path().join(format!("j/{t}.jsonl")));
        let mut reader = csv_reader(&tmp.path().join(format!("c/{t}.csv")));
        let header: Vec<String> = reader.next().unwrap();
        let rows: Vec<Vec<String>> = reader.collect();
        assert_eq!(rows.len(), json.len(), "{t}");
        if let Some(first) = json.first() {
            let v: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(first).unwrap();
            assert_eq!(header, v.keys().cloned().collect::<Vec<_>>(), "{t}");
        }
    }
}

/// A minimal RFC 4180 reader for the test (quoted cells, doubled quotes, newlines in quotes).
fn csv_reader(path: &Path) -> impl Iterator<Item = Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut records = Vec::new();
    let (mut record, mut cell, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => cell.push(c),
        }
    }
    records.into_iter()
}

#[test]
fn claims_are_schema_org_claims_with_author_text_and_appearances() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ledger(tmp.path());
    let out = tmp.path().join("ld");
    export(&db, "claim-jsonld", &out, &[]);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("claims.jsonld")).unwrap()).unwrap();
    assert_eq!(doc["@context"], "https://schema.org");
    let graph = doc["@graph"].as_array().unwrap();
    assert!(!graph.is_empty());
    for c in graph {
        assert_eq!(c["@type"], "Claim", "{c}");
        assert!(!c["text"].as_str().unwrap().is_empty(), "{c}");
        let author = &c["author"];
        assert!(
            author["@type"] == "Person" || author["@type"] == "Organization",
            "{c}"
        );
        assert!(!author["name"].as_str().unwrap().is_empty(), "{c}");
        let appearances = c["appearance"].as_array().unwrap();
        assert!(!appearances.is_empty(), "{c}");
        for a in appearances.iter().chain([&c["firstAppearance"]]) {
            assert_eq!(a["@type"], "NewsArticle", "{c}");
            assert!(a.get("url").is_none_or(|u| u.is_string()), "{c}");
        }
    }
    // The wire copy makes at least one quote appear twice.
    assert!(
        graph
            .iter()
            .any(|c| c["appearance"].as_array().unwrap().len() > 1),
        "no claim with two appearances"
    );
    assert!(graph.iter().any(|c| c["author"]["@type"] == "Person"));
}

#[test]
fn a_story_filter_exports_only_its_documents() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ledger(tmp.path());
    let all = tmp.path().join("all");
    export(&db, "jsonl", &all, &[]);
    let story: serde_json::Value =
        serde_json::from_str(&lines(&all.join("stories.jsonl"))[0]).unwrap();
    let id = story["id"].as_i64().unwrap();
    let one = tmp.path().join("one");
    export(&db, "jsonl", &one, &["--story", &id.to_string()]);
    let docs = lines(&one.join("documents.jsonl"));
    assert_eq!(docs.len() as i64, story["documents"].as_i64().unwrap());
    let keys: Vec<i64> = docs
        .iter()
        .map(|d| {
            serde_json::from_str::<serde_json::Value>(d).unwrap()["key"]
                .as_i64()
                .unwrap()
        })
        .collect();
    for q in lines(&one.join("quotes.jsonl")) {
        let q: serde_json::Value = serde_json::from_str(&q).unwrap();
        assert!(keys.contains(&q["document_key"].as_i64().unwrap()));
    }
    let none = tmp.path().join("none");
    export(&db, "jsonl", &none, &["--since", "2100-01-01"]);
    assert!(lines(&none.join("documents.jsonl")).is_empty());
    assert!(lines(&none.join("stories.jsonl")).is_empty());
}

#[test]
fn a_broken_export_is_refused_with_its_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ledger(tmp.path());
    let dir = tmp.path().join("x");
    export(&db, "jsonl", &dir, &[]);
    // A quote span past the end of its document's text.
    let quotes = dir.join("quotes.jsonl");
    let mut rows = lines(&quotes);
    let mut q: serde_json::Value = serde_json::from_str(&rows[0]).unwrap();
    q["end"] = serde_json::json!(10_000_000);
    rows[0] = q.to_string();
    std::fs::write(&quotes, rows.join("\n") + "\n").unwrap();
    let out = bin()
        .args(["import", "--db"])
        .arg(tmp.path().join("fresh.db"))
        .arg("--from")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("quotes.jsonl line 1"), "{err}");
    assert!(err.contains("not a range of the text"), "{err}");
    let pq = bin()
        .args(["export", "--format", "parquet", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(tmp.path().join("pq"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&pq.stderr);
    if cfg!(feature = "parquet") {
        assert!(pq.status.success(), "{err}");
        assert!(tmp.path().join("pq/documents.parquet").exists());
    } else {
        assert_eq!(pq.status.code(), Some(2), "{err}");
        assert!(err.contains("--features parquet"), "{err}");
    }
}
