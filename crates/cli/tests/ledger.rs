//! The ledger across documents, end to end: stories, the same person across outlets, figure
//! timelines on the example pages, and wire-copy detection on generated pages.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimtrail"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/pages")
}

/// Runs the command and insists it succeeded, showing its stderr if not.
fn succeed(cmd: &mut std::process::Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn query(db: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = succeed(
        bin()
            .args(args)
            .args(["--db", db.to_str().unwrap(), "--format", "jsonl"]),
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ingest(db: &Path, paths: &[&str]) {
    succeed(
        bin()
            .args(["ingest", "--quiet", "--db", db.to_str().unwrap()])
            .args(paths),
    );
}

#[test]
fn example_pages_make_one_story_one_kirby_and_one_troop_timeline() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("l.db");
    ingest(&db, &[examples().to_str().unwrap()]);

    let stories = query(&db, &["stories"]);
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert_eq!(stories[0]["documents"].as_array().unwrap().len(), 5);

    let kirby = query(&db, &["entities", "--entity", "Kirby"]);
    let kirby: Vec<_> = kirby
        .iter()
        .filter(|e| e["canonical"] == "John Kirby")
        .collect();
    assert_eq!(kirby.len(), 1, "one entity");
    assert_eq!(kirby[0]["type"], "PERSON");
    assert_eq!(kirby[0]["documents"], 2);
    assert_eq!(kirby[0]["aliases"], serde_json::json!(["Kirby"]));
    // Both of his titles, the dated page's first.
    assert_eq!(
        kirby[0]["roles"],
        serde_json::json!([
            "White House National Security Communications Advisor",
            "National Security Council spokesman"
        ])
    );
    let speakers = query(&db, &["speakers", "--speaker", "Kirby"]);
    assert_eq!(speakers[0]["speaker"], "John Kirby");
    assert_eq!(speakers[0]["documents"], 2);

    let timeline = query(&db, &["timeline", "North Korean troops"]);
    let texts: Vec<&str> = timeline
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    for member in [
        "at least 3000 North Korean soldiers",
        "at least 3,000 soldiers",
        "approximately 13,000 North Korean troops",
        "around 11,000 North Korean troops",
        "approximately 10,000 North Korean service members",
        "at least 10,000 North Korean troops",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(member)),
            "{member} missing from {texts:?}"
        );
    }
    assert_eq!(
        timeline.len(),
        6,
        "the Kursk 3,000 is another measure: {texts:?}"
    );
    let dates: Vec<&str> = timeline
        .iter()
        .map(|r| r["date"].as_str().unwrap_or(""))
        .collect();
    assert!(
        dates.iter().all(|d| !d.is_empty()),
        "every point is dated: {dates:?}"
    );
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "date order: {dates:?}"
    );
}

/// A small seeded generator (xorshift) so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const SUBJECTS: &[&str] = &[
    "The minister",
    "Local officials",
    "The company",
    "Police",
    "The council",
    "Residents",
    "Analysts",
    "The union",
    "Doctors",
    "The mayor",
    "Investors",
    "The court",
];
const VERBS: &[&str] = &[
    "said",
    "warned",
    "announced",
    "confirmed",
    "denied",
    "expected",
    "reported",
    "argued",
];
const OBJECTS: &[&str] = &[
    "the new rules would take effect next month",
    "the bridge would stay closed",
    "prices had risen sharply",
    "talks would resume",
    "the plant would cut jobs",
    "the river had burst its banks",
    "the vote was delayed",
    "funding would be doubled",
    "the school reopened",
    "the harvest had failed",
    "exports fell",
    "the strike was over",
];
const PLACES: &[&str] = &[
    "Lisbon", "Nairobi", "Osaka", "Lima", "Tbilisi", "Hanoi", "Quito", "Riga", "Accra", "Perth",
];

fn article(rng: &mut Rng, i: usize) -> (String, Vec<String>) {
    let place = rng.pick(PLACES);
    let title = format!(
        "{} {} in {place} on day {i}",
        rng.pick(SUBJECTS),
        rng.pick(VERBS)
    );
    let paras = (0..6)
        .map(|_| {
            (0..3)
                .map(|_| {
                    format!(
                        "{} in {} {} that {}.",
                        rng.pick(SUBJECTS),
                        rng.pick(PLACES),
                        rng.pick(VERBS),
                        rng.pick(OBJECTS)
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    (title, paras)
}

/// A whole-page text dump with one outlet's chrome around the article.
fn page(outlet: usize, title: &str, paras: &[String]) -> String {
    let menu = ["Home", "World", "Business", "Sport", "Opinion", "Subscribe"];
    format!(
        "Skip to content\n\n{}\n\nOutlet {outlet} News\n\n{title}\n\n{}\n\nAdvertisement\n\nMost read\n\nSign up for our newsletter\n\n© Outlet {outlet}\n",
        menu.join("\n\n"),
        paras.join("\n\n")
    )
}

#[test]
fn wire_copies_with_other_chrome_and_light_edits_link_to_their_original() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pages");
    std::fs::create_dir(&dir).unwrap();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut originals = Vec::new();
    for i in 0..150 {
        let (title, paras) = article(&mut rng, i);
        std::fs::write(
            dir.join(format!("a{i:03}.txt")),
            page(i % 7, &title, &paras),
        )
        .unwrap();
        originals.push((title, paras));
    }
    let mut truth = std::collections::HashMap::new();
    for k in 0..50 {
        let o = (rng.next() % 150) as usize;
        let (title, paras) = &originals[o];
        let mut paras = paras.clone();
        match k % 3 {
            0 => {
                paras.pop(); // trimmed last paragraph
            }
            1 => paras[1] = paras[1].replacen(" the ", " teh ", 1), // a typo
            _ => paras[0] = format!("{} (AFP)", paras[0]),
        }
        let title = if k % 2 == 0 {
            format!("UPDATE: {title}")
        } else {
            title.clone()
        };
        let name = format!("b{k:03}.txt");
        std::fs::write(dir.join(&name), page(10 + k % 5, &title, &paras)).unwrap();
        truth.insert(name, format!("a{o:03}.txt"));
    }
    let db = tmp.path().join("c.db");
    ingest(&db, &[dir.to_str().unwrap()]);
    let links = query(&db, &["copies"]);
    let base = |v: &serde_json::Value| {
        Path::new(v.as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let found: Vec<(String, String)> = links
        .iter()
        .map(|l| (base(&l["source"]), base(&l["original_source"])))
        .collect();
    let correct = found
        .iter()
        .filter(|(c, o)| truth.get(c) == Some(o))
        .count();
    let precision = correct as f64 / found.len().max(1) as f64;
    let recall = correct as f64 / truth.len() as f64;
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "precision {precision}, recall {recall}: {found:?}"
    );
}

/// The copies, stories and registry a ledger gives, as JSON Lines.
fn links(db: &Path) -> String {
    ["copies", "stories", "registry"]
        .iter()
        .map(|q| {
            let out = succeed(
                bin()
                    .args([q, "--db", db.to_str().unwrap(), "--format", "jsonl"])
                    .env_remove("CLAIMTRAIL_DB"),
            );
            String::from_utf8(out.stdout).unwrap()
        })
        .collect()
}

#[test]
fn the_ledger_is_the_same_whatever_the_threads_and_batch_size() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pages");
    std::fs::create_dir(&dir).unwrap();
    let mut rng = Rng(0x5eed_0000_0000_0042);
    for i in 0..60 {
        let (title, paras) = article(&mut rng, i);
        let body = page(i % 5, &title, &paras);
        std::fs::write(dir.join(format!("a{i:03}.txt")), &body).unwrap();
        // The same page saved by two more outlets (ties at similarity 1), and a lightly edited
        // copy twice (ties below 1).
        if i % 4 == 0 {
            std::fs::write(dir.join(format!("b{i:03}.txt")), &body).unwrap();
            std::fs::write(dir.join(format!("c{i:03}.txt")), &body).unwrap();
            let edited = page(9, &format!("UPDATE: {title}"), &paras[1..]);
            std::fs::write(dir.join(format!("d{i:03}.txt")), &edited).unwrap();
            std::fs::write(dir.join(format!("e{i:03}.txt")), &edited).unwrap();
        }
    }
    let run = |name: &str, threads: Option<&str>, batch: Option<&str>| {
        let db = tmp.path().join(name);
        let mut cmd = bin();
        cmd.args(["ingest", "--quiet", "--db", db.to_str().unwrap()]);
        if let Some(b) = batch {
            cmd.args(["--batch", b]);
        }
        if let Some(t) = threads {
            cmd.env("RAYON_NUM_THREADS", t);
        }
        succeed(cmd.arg(&dir));
        links(&db)
    };
    let one = run("one.db", Some("1"), Some("3"));
    let all = run("all.db", None, None);
    assert!(one.lines().count() > 60, "{one}");
    assert_eq!(one, all);
}

#[test]
fn the_same_page_from_two_outlets_is_kept_twice_and_linked_as_a_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "Officials said the bridge would reopen in May after repairs. ".repeat(8);
    let record = |url: &str| serde_json::json!({"url": url, "text": text}).to_string();
    let feed = tmp.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        format!(
            "{}\n{}\n",
            record("https://one.example/bridge"),
            record("https://two.example/bridge")
        ),
    )
    .unwrap();
    // The same bytes as a file, twice under two names, and once more by another path.
    let a = tmp.path().join("a.txt");
    std::fs::write(&a, &text).unwrap();
    std::fs::write(tmp.path().join("b.txt"), &text).unwrap();
    let db = tmp.path().join("l.db");
    ingest(&db, &[feed.to_str().unwrap(), a.to_str().unwrap()]);
    ingest(
        &db,
        &[
            feed.to_str().unwrap(),
            tmp.path().join(".").join("a.txt").to_str().unwrap(),
            tmp.path().join("b.txt").to_str().unwrap(),
        ],
    );
    let docs = query(&db, &["documents"]);
    assert_eq!(docs.len(), 4, "{docs:?}");
    // None is dated, so the original is the appearance with the smallest origin (a.txt's
    // path), whichever came first: arrival order never decides.
    let copies = query(&db, &["copies"]);
    let mut sources: Vec<&str> = copies
        .iter()
        .map(|c| c["source"].as_str().unwrap())
        .collect();
    sources.sort_unstable();
    assert_eq!(sources.len(), 3, "{copies:?}");
    assert!(sources[0].ends_with("b.txt"), "{sources:?}");
    assert!(sources[1].ends_with("feed.jsonl#1") && sources[2].ends_with("feed.jsonl#2"));
    assert!(copies
        .iter()
        .all(|c| c["original_source"].as_str().unwrap().ends_with("a.txt")));
}

#[test]
fn a_ledger_inside_the_input_directory_is_never_read_as_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        examples().join("000_20dcaab2fdce8d62.txt"),
        dir.path().join("page.txt"),
    )
    .unwrap();
    let db = dir.path().join("ledger.db");
    let input = dir.path().to_str().unwrap();
    // Twice: the second run meets the ledger (and its side files) among the inputs.
    ingest(&db, &[input]);
    let out = succeed(bin().args(["ingest", "--quiet", "--db", db.to_str().unwrap(), input]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ledger.db: the ledger being written"),
        "{stderr}"
    );
    assert_eq!(query(&db, &["documents"]).len(), 1, "{stderr}");
}

#[test]
fn ingest_shows_each_documents_warnings_as_it_goes() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let mut bad =
        b"<html><head><meta charset=\"utf-8\"><title>A page</title></head><body><p>".to_vec();
    bad.extend_from_slice(b"The council met on Tuesday \xff and said it would vote on the plan.");
    bad.extend_from_slice(b"</p></body></html>");
    std::fs::write(inputs.join("bad.html"), bad).unwrap();
    std::fs::write(
        inputs.join("clean.html"),
        "<html><head><meta charset=\"utf-8\"><title>B</title></head><body><p>The board \
         met on Monday and said it would vote on the plan.</p></body></html>",
    )
    .unwrap();
    let db = dir.path().join("ledger.db");
    let out = succeed(bin().args([
        "ingest",
        "--quiet",
        "--db",
        db.to_str().unwrap(),
        inputs.to_str().unwrap(),
    ]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("claimtrail: warning: "))
        .collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(warnings[0].contains("bad.html"), "{stderr}");
    assert!(
        warnings[0].contains("invalid in declared charset"),
        "{stderr}"
    );
    assert_eq!(query(&db, &["documents"]).len(), 2, "{stderr}");
}
