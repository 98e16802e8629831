//! Linking a newly stored document to the rest of the ledger, incrementally: wire copies (MinHash
//! LSH), its story (`sqlite_stories`), its quotes in the quote registry, and the measure keys of
//! its figures. Every lookup goes through an index, so the cost per document does not grow with
//! the corpus beyond index depth.

use crate::links::measure::measure_key;
use crate::links::minhash::{self, Signature};
use crate::links::{shingles, words};
use crate::sqlite_stories::assign_story;
use crate::sqlite_stories::STORY_WINDOW_DAYS;
use crate::Result;
use claimtrail_analysis::DocAnalysis;
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{HashMap, HashSet};

/// Estimated Jaccard similarity from which a document is a copy of another.
const COPY_SIMILARITY: f64 = 0.5;
/// Lower bar when both documents credit the same agency or one says it is syndicated.
const COPY_SIMILARITY_CREDITED: f64 = 0.35;
/// Shared share of the shorter quote's word 3-grams from which two quotes are one.
const QUOTE_CONTAINMENT: f64 = 0.7;
const QUOTE_MIN_WORDS: usize = 6;
/// Most postings read from one LSH bucket or quote shingle. A bucket shared by very many
/// documents (site boilerplate, a template) says little, and reading all of it would make the
/// cost per document grow with the corpus; the newest postings are the likeliest copies.
const MAX_POSTINGS: i64 = 32;
pub fn link_document(tx: &Transaction, d: &DocAnalysis) -> Result<()> {
    let original = link_copies(tx, d)?;
    let story = assign_story(tx, d, original.as_deref())?;
    if d.published.is_none() {
        estimate_date(tx, d, story)?;
    }
    register_quotes(tx, d)?;
    register_figures(tx, d)?;
    Ok(())
}

/// Finds the earliest appearance this document copies, records the link, and indexes the
/// document's signature. Returns the original's id.
fn link_copies(tx: &Transaction, d: &DocAnalysis) -> Result<Option<String>> {
    let Some(sig) = minhash::signature(&d.text) else {
        return Ok(None);
    };
    let keys = minhash::band_keys(&sig);
    let mut candidates: HashSet<String> = HashSet::new();
    {
        let mut st = tx.prepare_cached(
            "SELECT doc_id FROM lsh_buckets WHERE band = ?1 AND key = ?2
             ORDER BY rowid DESC LIMIT ?3",
        )?;
        for (band, key) in (0i64..).zip(keys) {
            for id in st.query_map(params![band, key, MAX_POSTINGS], |r| r.get::<_, String>(0))? {
                candidates.insert(id?);
            }
        }
    }
    let mut best: Option<(String, f64)> = None;
    for c in &candidates {
        let Some(other) = load_signature(tx, c)? else {
            continue;
        };
        let sim = minhash::similarity(&sig, &other);
        let bar = if credited_alike(tx, d, c)? {
            COPY_SIMILARITY_CREDITED
        } else {
            COPY_SIMILARITY
        };
        if sim >= bar && best.as_ref().is_none_or(|(_, s)| sim > *s) {
            best = Some((c.clone(), sim));
        }
    }
    tx.execute(
        "INSERT OR REPLACE INTO doc_signatures (doc_id, signature) VALUES (?1, ?2)",
        params![d.id, minhash::to_bytes(&sig)],
    )?;
    let mut st =
        tx.prepare_cached("INSERT INTO lsh_buckets (band, key, doc_id) VALUES (?1, ?2, ?3)")?;
    for (band, key) in (0i64..).zip(keys) {
        st.execute(params![band, key, d.id])?;
    }
    let Some((near, sim)) = best else {
        return Ok(None);
    };
    // Link to the root of the near document's copy chain: the earliest appearance.
    let root: String = tx
        .query_row(
            "SELECT original_id FROM copies WHERE doc_id = ?1",
            [&near],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(near);
    let root_date: Option<String> = tx.query_row(
        "SELECT published FROM documents WHERE id = ?1",
        [&root],
        |r| r.get(0),
    )?;
    let earlier = matches!((&d.published, &root_date), (Some(a), Some(b)) if a < b);
    if earlier {
        // The new document predates the known original: it becomes the root.
        tx.execute(
            "UPDATE copies SET original_id = ?1 WHERE original_id = ?2",
            params![d.id, root],
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO copies (doc_id, original_id, similarity) VALUES (?1, ?2, ?3)",
            params![root, d.id, sim],
        )?;
        Ok(Some(root))
    } else {
        tx.execute(
            "INSERT OR REPLACE INTO copies (doc_id, original_id, similarity) VALUES (?1, ?2, ?3)",
            params![d.id, root, sim],
        )?;
        Ok(Some(root))
    }
}

fn load_signature(tx: &Transaction, id: &str) -> Result<Option<Signature>> {
    let blob: Option<Vec<u8>> = tx
        .prepare_cached("SELECT signature FROM doc_signatures WHERE doc_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(blob.as_deref().and_then(minhash::from_bytes))
}

fn credited_alike(tx: &Transaction, d: &DocAnalysis, other: &str) -> Result<bool> {
    let (agencies, syndicated): (String, bool) = tx.query_row(
        "SELECT agencies, syndicated FROM documents WHERE id = ?1",
        [other],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let theirs: Vec<String> = serde_json::from_str(&agencies).unwrap_or_default();
    Ok(d.syndicated || syndicated || d.agencies.iter().any(|a| theirs.contains(a)))
}

/// An undated document's own dates often lack the year ("on 28 October" → XXXX-10-28), or got
/// it from the run's other pages; its story knows the period. The earliest of its day dates that
/// falls within the story's period (give or take the story window), a missing year taken from the
/// story, stands in for the publication date when ordering timelines. Dates outside the period
/// (history, anniversaries) are not publication dates.
fn estimate_date(tx: &Transaction, d: &DocAnalysis, story: i64) -> Result<()> {
    let span: Option<(Option<String>, Option<String>)> = tx
        .query_row(
            "SELECT first_seen, last_seen FROM stories WHERE id = ?1",
            [story],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let parse = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let Some((first, last)) = span else {
        return Ok(());
    };
    let (Some(first), Some(last)) = (
        first.as_deref().or(last.as_deref()).and_then(parse),
        last.as_deref().or(first.as_deref()).and_then(parse),
    ) else {
        return Ok(());
    };
    let year = first.format("%Y").to_string();
    let estimate = d
        .times
        .iter()
        .filter_map(|t| t.value.as_deref())
        .filter(|v| v.len() == 10)
        .filter_map(|v| match v.strip_prefix("XXXX") {
            Some(rest) => parse(&format!("{year}{rest}")),
            None => parse(v),
        })
        .filter(|e| {
            (first - *e).num_days() <= STORY_WINDOW_DAYS
                && (*e - last).num_days() <= STORY_WINDOW_DAYS
        })
        .min();
    if let Some(e) = estimate {
        tx.execute(
            "UPDATE documents SET estimated = ?2 WHERE id = ?1",
            params![d.id, e.format("%Y-%m-%d").to_string()],
        )?;
    }
    Ok(())
}

/// Puts each quote of the document in the registry: one entry per quote across outlets.
fn register_quotes(tx: &Transaction, d: &DocAnalysis) -> Result<()> {
    for (idx, q) in (0i64..).zip(&d.quotes) {
        let w = words(&q.text);
        if w.len() < QUOTE_MIN_WORDS {
            continue;
        }
        let sh: HashSet<u64> = shingles(&w, 3).into_iter().collect();
        let mut hits: HashMap<i64, usize> = HashMap::new();
        {
            let mut st = tx.prepare_cached(
                "SELECT quote_id FROM quote_shingles WHERE shingle = ?1
                 ORDER BY quote_id DESC LIMIT ?2",
            )?;
            for s in &sh {
                for id in st.query_map(params![*s as i64, MAX_POSTINGS], |r| r.get::<_, i64>(0))? {
                    *hits.entry(id?).or_default() += 1;
                }
            }
        }
        let mut found = None;
        for (qid, shared) in hits {
            let n: i64 = tx.query_row(
                "SELECT shingles FROM quote_registry WHERE id = ?1",
                [qid],
                |r| r.get(0),
            )?;
            let containment = shared as f64 / (n as usize).min(sh.len()).max(1) as f64;
            if containment >= QUOTE_CONTAINMENT && found.is_none_or(|(_, c)| containment > c) {
                found = Some((qid, containment));
            }
        }
        let qid = match found {
            Some((qid, _)) => {
                tx.execute(
                    "UPDATE quote_registry SET first_doc = ?2, first_date = ?3
                     WHERE id = ?1 AND ?3 IS NOT NULL AND (first_date IS NULL OR ?3 < first_date)",
                    params![qid, d.id, d.published],
                )?;
                qid
            }
            None => {
                tx.execute(
                    "INSERT INTO quote_registry (text, speaker, shingles, first_doc, first_date)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![q.text, q.speaker, sh.len() as i64, d.id, d.published],
                )?;
                let qid = tx.last_insert_rowid();
                let mut st = tx.prepare_cached(
                    "INSERT OR IGNORE INTO quote_shingles (shingle, quote_id) VALUES (?1, ?2)",
                )?;
                for s in &sh {
                    st.execute(params![*s as i64, qid])?;
                }
                qid
            }
        };
        tx.execute(
            "INSERT OR REPLACE INTO quote_appearances (doc_id, idx, quote_id) VALUES (?1, ?2, ?3)",
            params![d.id, idx, qid],
        )?;
    }
    Ok(())
}

/// Stores the measure key of each figure. A figure whose counted phrase has no modifier takes
/// those of the document's previous figure with the same head ("3,000 soldiers" after "3000
/// North Korean soldiers").
fn register_figures(tx: &Transaction, d: &DocAnalysis) -> Result<()> {
    let mut last_modifiers: HashMap<String, Vec<String>> = HashMap::new();
    let mut st = tx.prepare_cached(
        "INSERT OR REPLACE INTO figure_measures (doc_id, idx, measure) VALUES (?1, ?2, ?3)",
    )?;
    for (idx, f) in (0i64..).zip(&d.figures) {
        let Some(counted) = f.counted.as_deref() else {
            continue;
        };
        let following = d
            .text
            .get(f.end..)
            .map(|s| &s[..floor_char(s, 120)])
            .unwrap_or("");
        let Some(mut key) = measure_key(counted, following) else {
            continue;
        };
        if key.modifiers.is_empty() {
            if let Some(m) = last_modifiers.get(&key.head) {
                key.modifiers = m.clone();
            }
        } else {
            last_modifiers.insert(key.head.clone(), key.modifiers.clone());
        }
        st.execute(params![d.id, idx, key.as_key()])?;
    }
    Ok(())
}

/// The largest char boundary of `s` at or below `max`.
fn floor_char(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
