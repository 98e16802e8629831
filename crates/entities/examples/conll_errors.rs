//! Error analysis of the whole `recognize` pipeline on a CoNLL file, scored as score.py does
//! (GPE/LOC → LOC, NORP → MISC; exact spans): prints F1 and the most frequent misses.
//! `cargo run --release -p claimtrail-entities --example conll_errors -- VALID.txt`

use claimtrail_text::{Doc, EntityKind};
use std::collections::{HashMap, HashSet};

/// Gold spans of a document: byte start, end, CoNLL type.
type Spans = HashSet<(usize, usize, String)>;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: conll_errors CONLL_FILE");
        std::process::exit(2);
    };
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    // (text, gold spans) per document, laid out as score.py does.
    let mut docs: Vec<(String, Spans)> = Vec::new();
    let (mut text, mut gold) = (String::new(), HashSet::new());
    let mut open: Option<(usize, usize, String)> = None;
    let mut line_open = false;
    for line in data.lines().chain(std::iter::once("-DOCSTART-")) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let tag = parts.last().copied().unwrap_or("O");
        if parts.is_empty()
            || line.starts_with("-DOCSTART-")
            || tag == "O"
            || tag.starts_with("B-")
            || open.as_ref().is_some_and(|o| o.2 != tag[2..])
        {
            if let Some(o) = open.take() {
                gold.insert(o);
            }
        }
        if line.starts_with("-DOCSTART-") {
            if line_open {
                text.push('\n');
                line_open = false;
            }
            if !text.is_empty() {
                docs.push((std::mem::take(&mut text), std::mem::take(&mut gold)));
            }
            continue;
        }
        if parts.is_empty() {
            if line_open {
                text.push('\n');
                line_open = false;
            }
            continue;
        }
        if line_open {
            text.push(' ');
        }
        line_open = true;
        let start = text.len();
        text.push_str(parts[0]);
        if tag != "O" {
            match open.as_mut() {
                Some(o) => o.1 = text.len(),
                None => open = Some((start, text.len(), tag[2..].to_string())),
            }
        }
    }
    let map = |k: EntityKind| match k {
        EntityKind::Person => "PER",
        EntityKind::Gpe | EntityKind::Loc => "LOC",
        EntityKind::Org => "ORG",
        _ => "MISC",
    };
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    let mut errs: HashMap<String, usize> = HashMap::new();
    for (text, gold) in &docs {
        let doc = Doc::new(text);
        let pred: Spans = claimtrail_entities::recognize(&doc)
            .into_iter()
            .map(|e| (e.start, e.end, map(e.kind).to_string()))
            .collect();
        for p in &pred {
            if gold.contains(p) {
                tp += 1;
            } else {
                fp += 1;
                let g = gold.iter().find(|g| g.0 < p.1 && p.0 < g.1);
                let what = g.map_or("O".to_string(), |g| {
                    format!("{} {:?}", g.2, &text[g.0..g.1])
                });
                *errs
                    .entry(format!("FP {} {:?} (gold {what})", p.2, &text[p.0..p.1]))
                    .or_default() += 1;
            }
        }
        for g in gold.difference(&pred) {
            fneg += 1;
            if !pred.iter().any(|p| p.0 < g.1 && g.0 < p.1) {
                *errs
                    .entry(format!("FN {} {:?}", g.2, &text[g.0..g.1]))
                    .or_default() += 1;
            }
        }
    }
    let p = tp as f64 / (tp + fp) as f64;
    let r = tp as f64 / (tp + fneg) as f64;
    println!("P {p:.4} R {r:.4} F1 {:.4}", 2.0 * p * r / (p + r));
    let mut v: Vec<_> = errs.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (e, n) in v.iter().take(60) {
        println!("{n:4} {e}");
    }
}
