//! Writers and the ledger they build: a writer waits for a ledger another writer holds, and the
//! same documents in the same order give the same links whatever the batching (ties break on
//! ids, never on hash order: every store here has its own hash seeds).

use claimtrail_analysis::{analyze, DocMeta, Options};
use claimtrail_article::Article;
use claimtrail_ledger::{collect, Appearance, Filter, SqliteStore, Store};
use serde::Serialize;
use std::sync::mpsc;
use std::time::Duration;

fn appearance(i: usize, origin: &str, text: &str, published: &str) -> Appearance {
    let article = Article {
        text: text.to_string(),
        published: Some(published.to_string()),
        title: Some(format!("Report {}", i % 7)),
        ..Article::default()
    };
    // The id stands for the content: the same text is the same content.
    let id = format!("{:032x}", fnv(text));
    Appearance {
        origin: origin.to_string(),
        analysis: analyze(
            DocMeta {
                source: origin.to_string(),
                id,
            },
            article,
            &Options::default(),
        ),
    }
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

const WORDS: &[&str] = &[
    "bridge", "council", "budget", "river", "school", "harbour", "market", "train", "storm",
    "election", "court", "hospital", "factory", "farmers", "prices", "workers", "tunnel", "museum",
    "festival", "airport", "vaccine", "drought", "strike", "ferry", "library", "stadium", "mine",
    "forest", "bank", "union", "police", "rescue", "village", "tax", "exports", "harvest", "flood",
    "road", "plant", "station", "reform", "protest",
];
const WHO: &[&str] = &["Maria Costa", "John Okafor", "Ana Lima", "Peter Novak"];

/// A seeded generator (xorshift), so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        xs[(self.0 % xs.len() as u64) as usize]
    }

    fn sentence(&mut self, words: usize) -> String {
        let w: Vec<&str> = (0..words).map(|_| self.pick(WORDS)).collect();
        format!("The {}.", w.join(" "))
    }
}

/// Reports, their wire copies from other outlets (the same text: ties at similarity 1), and
/// near-copies that differ from their original in the same way (ties below 1); quotes repeat
/// across reports, so the registry has ties too.
fn corpus() -> Vec<Appearance> {
    let mut rng = Rng(0x5eed_0000_1234_5678);
    let mut docs = Vec::new();
    let mut quote = String::new();
    for i in 0..24 {
        let who = WHO[i % WHO.len()];
        // Every third report repeats the previous one's quote.
        if i % 3 != 2 {
            quote = (0..12)
                .map(|_| rng.pick(WORDS))
                .collect::<Vec<_>>()
                .join(" ");
        }
        let text = format!(
            "{} {}\n\n\u{201c}We {quote},\u{201d} {who} said on Monday.\n\n{} {}",
            rng.sentence(30),
            rng.sentence(25),
            rng.sentence(30),
            rng.sentence(20),
        );
        let day = format!("2024-03-{:02}", 1 + i % 20);
        docs.push(appearance(
            i,
            &format!("https://a.example/{i}"),
            &text,
            &day,
        ));
        for outlet in ["b", "c"] {
            docs.push(appearance(
                i,
                &format!("https://{outlet}.example/{i}"),
                &text,
                &day,
            ));
        }
        let edited = format!("{text}\n\nMore reporting by staff.");
        for outlet in ["d", "e"] {
            docs.push(appearance(
                i,
                &format!("https://{outlet}.example/{i}"),
                &edited,
                &day,
            ));
        }
    }
    // A quote that contains two registry quotes whole (which share too little to be one):
    // equally close to both, it joins the older.
    let words: Vec<&str> = (0..15).map(|_| rng.pick(WORDS)).collect();
    for (k, range) in [(0, 0..10), (1, 5..15), (2, 0..15)] {
        let text = format!(
            "{}\n\n\u{201c}{},\u{201d} Ana Lima said.\n\n{}",
            rng.sentence(30),
            words[range].join(" "),
            rng.sentence(30)
        );
        docs.push(appearance(
            k,
            &format!("https://f.example/{k}"),
            &text,
            "2024-04-01",
        ));
    }
    docs
}

fn jsonl<T: Serialize>(rows: Vec<T>) -> String {
    rows.iter()
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect()
}

/// What a ledger says of copies, stories and the registry.
fn links(s: &SqliteStore) -> String {
    let all = Filter::default();
    [
        jsonl(collect(|o| s.copies(&all, o)).unwrap()),
        jsonl(collect(|o| s.stories(&all, o)).unwrap()),
        jsonl(collect(|o| s.registry_quotes(&all, o)).unwrap()),
    ]
    .concat()
}

#[test]
fn the_same_documents_give_the_same_links_whatever_the_batching() {
    let docs = corpus();
    let mut one_by_one = SqliteStore::in_memory().unwrap();
    for d in &docs {
        one_by_one.put_batch(std::slice::from_ref(d)).unwrap();
    }
    let expected = links(&one_by_one);
    for batch in [3, 16, docs.len()] {
        let mut s = SqliteStore::in_memory().unwrap();
        for chunk in docs.chunks(batch) {
            s.put_batch(chunk).unwrap();
        }
        assert_eq!(links(&s), expected, "batches of {batch}");
    }
    // Every copy of a report links to its first appearance, the earliest stored; the quote
    // two reports share is one registry entry with both reports' appearances.
    let all = Filter::default();
    let registry = collect(|o| one_by_one.registry_quotes(&all, o)).unwrap();
    assert_eq!(registry.len(), 18, "{registry:?}");
    assert_eq!(registry[0].appearances, 10);
    assert!(!collect(|o| one_by_one.stories(&all, o)).unwrap().is_empty());
    let copies = collect(|o| one_by_one.copies(&all, o)).unwrap();
    assert_eq!(copies.len(), 24 * 4);
    let both = registry
        .iter()
        .find(|r| r.first_source == "https://f.example/0")
        .unwrap();
    assert_eq!(
        both.appearances, 2,
        "the longer quote joins the older entry"
    );
    for c in &copies {
        let n = c.source.rsplit('/').next().unwrap();
        assert_eq!(c.original_source, format!("https://a.example/{n}"));
    }
}

#[test]
fn a_writer_waits_for_a_ledger_another_writer_holds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let mut store = SqliteStore::open(&db).unwrap();
    let (held, wait) = mpsc::channel();
    let other = {
        let db = db.clone();
        std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(&db).unwrap();
            conn.execute_batch("BEGIN IMMEDIATE").unwrap();
            held.send(()).unwrap();
            std::thread::sleep(Duration::from_millis(1500));
            conn.execute_batch("COMMIT").unwrap();
        })
    };
    wait.recv().unwrap();
    let docs = corpus();
    assert_eq!(store.put_batch(&docs[..3]).unwrap(), 3);
    other.join().unwrap();
}
