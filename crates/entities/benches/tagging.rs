//! Tagger speed on news text: `cargo bench -p claimtrail-entities --bench tagging`.
//!
//! Reads the PolNeAR train texts of 3–6 KB in `../shared` (the inputs of `bench/run.py`'s text
//! figure) or the directory in `CLAIMTRAIL_BENCH_TEXTS`; times tokenising, the tagger's token
//! facts and the whole tagger over all of them, best and median of several rounds, on the
//! calling thread. The whole-pipeline figures stay with `bench/run.py`.

use claimtrail_entities::{features, gazetteer::GAZ, tagger};
use claimtrail_text::Doc;
use std::time::{Duration, Instant};

fn texts() -> Vec<String> {
    let dir = std::env::var("CLAIMTRAIL_BENCH_TEXTS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/quotes/polnear/train/text"
        )
        .to_string()
    });
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(d) => d.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("no texts in {dir} ({e}): set CLAIMTRAIL_BENCH_TEXTS");
            std::process::exit(2);
        }
    };
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|t| (3000..=6000).contains(&t.len()))
        .take(226)
        .collect()
}

/// Best and median wall time of `rounds` runs of `f`.
fn time(rounds: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut all: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    all.sort();
    (all[0], all[rounds / 2])
}

fn main() {
    let texts = texts();
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let model = tagger::Model::from_bytes(include_bytes!("../model/ner.bin")).expect("model");
    let rounds = 15;
    println!(
        "{} docs, {tokens} tokens, {rounds} rounds (best / median)",
        docs.len()
    );
    let report = |what: &str, (best, median): (Duration, Duration)| {
        let per = |d: Duration| d.as_secs_f64() * 1e6 / docs.len() as f64;
        println!(
            "{what:<14} {:>7.1} / {:>7.1} µs per doc  {:>6.0} ns per token",
            per(best),
            per(median),
            best.as_secs_f64() * 1e9 / tokens as f64
        );
    };
    report(
        "tokenise",
        time(rounds, || {
            for t in &texts {
                std::hint::black_box(Doc::new(t));
            }
        }),
    );
    report(
        "token facts",
        time(rounds, || {
            for d in &docs {
                std::hint::black_box(features::token_infos(d, &GAZ));
            }
        }),
    );
    report(
        "tag",
        time(rounds, || {
            for d in &docs {
                std::hint::black_box(tagger::tag_with_model(d, &GAZ, &model));
            }
        }),
    );
}
