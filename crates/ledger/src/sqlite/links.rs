//! Linking a newly stored document to the rest of the ledger, incrementally: wire copies (the
//! same content from another origin, else MinHash LSH), its story (`stories`), its quotes in
//! the quote registry, the measure keys of its figures, and for an undated document a date
//! estimated from its story. Every lookup goes through an index, so the cost per document does
//! not grow with the corpus beyond index depth. Candidates are visited in id order and ties go
//! to the lowest id (the earliest stored), so links depend on the input, never on hash order.

use super::stories::{assign_story, STORY_WINDOW_DAYS};
use super::values::{int, text};
use crate::links::measure::key_head;
use crate::links::minhash::{self, Signature};
use crate::links::Features;
use crate::Result;
use chrono::NaiveDate;
use claimtrail_analysis::DocAnalysis;
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{BTreeMap, BTreeSet};

/// Estimated Jaccard similarity from which a document is a copy of another.
const COPY_SIMILARITY: f64 = 0.5;
/// Lower bar when both documents credit the same agency or one says it is syndicated.
const COPY_SIMILARITY_CREDITED: f64 = 0.35;
/// Shared share of the shorter quote's word 3-grams from which two quotes are one.
const QUOTE_CONTAINMENT: f64 = 0.7;
/// Most postings read from one LSH bucket or quote shingle. A bucket shared by very many
/// documents (site boilerplate, a template) says little, and reading all of it would make the
/// cost per document grow with the corpus; the newest postings are the likeliest copies.
const MAX_POSTINGS: i64 = 32;

/// Links document `id` (just stored, analysis `d`).
pub fn link_document(tx: &Transaction, id: i64, d: &DocAnalysis, f: &Features) -> Result<()> {
    let published = text(&d.published);
    let original = link_copies(tx, id, d, published.as_deref(), f.signature.as_ref())?;
    let story = assign_story(tx, id, d, published.as_deref(), &f.terms, original)?;
    if published.is_none() {
        estimate_date(tx, id, d, story)?;
    }
    register_quotes(tx, id, d, published.as_deref(), f)?;
    // A figure's date as timelines order it: its own, else its document's (estimated above).
    let mut st = tx.prepare_cached(
        "INSERT INTO figure_measures (document_id, position, measure, date)
         SELECT ?1, ?2, ?3, coalesce(g.date, d.published, d.estimated)
         FROM figures g JOIN documents d ON d.id = g.document_id
         WHERE g.document_id = ?1 AND g.position = ?2",
    )?;
    let mut key = tx.prepare_cached(
        "INSERT INTO measure_keys (measure, head) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    )?;
    for (position, measure) in &f.measures {
        st.execute(params![id, int(*position), measure])?;
        key.execute(params![measure, key_head(measure)])?;
    }
    count_speakers(tx, id, d)
}

/// Adds the document's quotes to its speakers' counts (per day and outlet) and roles.
fn count_speakers(tx: &Transaction, id: i64, d: &DocAnalysis) -> Result<()> {
    let mut quotes: BTreeMap<&str, i64> = BTreeMap::new();
    let mut roles: BTreeSet<(&str, &str)> = BTreeSet::new();
    for q in &d.quotes {
        let Some(speaker) = q.speaker.as_deref() else {
            continue;
        };
        *quotes.entry(speaker).or_default() += 1;
        if let Some(role) = q.role.as_deref() {
            roles.insert((speaker, role));
        }
    }
    if quotes.is_empty() {
        return Ok(());
    }
    let (day, outlet): (String, String) = tx
        .prepare_cached(
            "SELECT coalesce(published, estimated, ''), coalesce(outlet, '')
             FROM documents WHERE id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let mut st = tx.prepare_cached(
        "INSERT INTO speaker_counts (speaker, day, outlet, quotes, documents)
         VALUES (?1, ?2, ?3, ?4, 1)
         ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes, documents = documents + 1",
    )?;
    for (speaker, n) in quotes {
        st.execute(params![speaker, day, outlet, n])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO speaker_roles (speaker, role) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    )?;
    for (speaker, role) in roles {
        st.execute(params![speaker, role])?;
    }
    Ok(())
}

/// Finds the earliest appearance this document copies, records the link, and indexes the
/// document's signature. Returns the original's id.
fn link_copies(
    tx: &Transaction,
    id: i64,
    d: &DocAnalysis,
    published: Option<&str>,
    sig: Option<&Signature>,
) -> Result<Option<i64>> {
    // The same content from another origin is a copy whatever its length.
    let same: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM documents WHERE content_id = ?1 AND id <> ?2 ORDER BY id LIMIT 1",
        )?
        .query_row(params![d.id, id], |r| r.get(0))
        .optional()?;
    let mut best: Option<(i64, f64)> = same.map(|s| (s, 1.0));
    if let Some(sig) = sig {
        let keys = minhash::band_keys(sig);
        if best.is_none() {
            best = nearest_copy(tx, d, sig, &keys)?;
        }
        tx.prepare_cached("INSERT INTO signatures (document_id, signature) VALUES (?1, ?2)")?
            .execute(params![id, minhash::to_bytes(sig)])?;
        let mut st = tx.prepare_cached(
            "INSERT INTO lsh_postings (band, key, document_id) VALUES (?1, ?2, ?3)",
        )?;
        for (band, key) in keys.iter().enumerate() {
            st.execute(params![int(band), key, id])?;
        }
    }
    let Some((near, sim)) = best else {
        return Ok(None);
    };
    // Link to the root of the near document's copy chain: the earliest appearance.
    let root: i64 = tx
        .query_row(
            "SELECT original_id FROM copies WHERE document_id = ?1",
            [near],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(near);
    let root_date: Option<String> = tx.query_row(
        "SELECT published FROM documents WHERE id = ?1",
        [root],
        |r| r.get(0),
    )?;
    let earlier = matches!((published, &root_date), (Some(a), Some(b)) if a < b.as_str());
    let mut link = tx.prepare_cached(
        "INSERT OR REPLACE INTO copies (document_id, original_id, similarity) VALUES (?1, ?2, ?3)",
    )?;
    if earlier {
        // The new document predates the known original: it becomes the root.
        tx.execute(
            "UPDATE copies SET original_id = ?1 WHERE original_id = ?2",
            params![id, root],
        )?;
        link.execute(params![root, id, sim])?;
    } else {
        link.execute(params![id, root, sim])?;
    }
    Ok(Some(root))
}

/// The most similar stored document over the copy bar, among those sharing an LSH band.
fn nearest_copy(
    tx: &Transaction,
    d: &DocAnalysis,
    sig: &Signature,
    keys: &[i64],
) -> Result<Option<(i64, f64)>> {
    let mut candidates: BTreeSet<i64> = BTreeSet::new();
    let mut st = tx.prepare_cached(
        "SELECT document_id FROM lsh_postings WHERE band = ?1 AND key = ?2
         ORDER BY rowid DESC LIMIT ?3",
    )?;
    for (band, key) in keys.iter().enumerate() {
        for c in st.query_map(params![int(band), key, MAX_POSTINGS], |r| {
            r.get::<_, i64>(0)
        })? {
            candidates.insert(c?);
        }
    }
    let mut best: Option<(i64, f64)> = None;
    for c in candidates {
        let Some(other) = load_signature(tx, c)? else {
            continue;
        };
        let sim = minhash::similarity(sig, &other);
        let bar = if credited_alike(tx, d, c)? {
            COPY_SIMILARITY_CREDITED
        } else {
            COPY_SIMILARITY
        };
        // Strictly better only: among equals the lowest id, visited first, stays.
        if sim >= bar && best.is_none_or(|(_, s)| sim > s) {
            best = Some((c, sim));
        }
    }
    Ok(best)
}

fn load_signature(tx: &Transaction, id: i64) -> Result<Option<Signature>> {
    let blob: Option<Vec<u8>> = tx
        .prepare_cached("SELECT signature FROM signatures WHERE document_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(blob.as_deref().and_then(minhash::from_bytes))
}

fn credited_alike(tx: &Transaction, d: &DocAnalysis, other: i64) -> Result<bool> {
    if d.syndicated {
        return Ok(true);
    }
    let syndicated: bool = tx
        .prepare_cached("SELECT syndicated FROM documents WHERE id = ?1")?
        .query_row([other], |r| r.get(0))?;
    if syndicated || d.agencies.is_empty() {
        return Ok(syndicated);
    }
    let mut st = tx.prepare_cached("SELECT name FROM agencies WHERE document_id = ?1")?;
    let theirs: Vec<String> = st
        .query_map([other], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(d.agencies.iter().any(|a| theirs.contains(a)))
}

/// An undated document's own dates often lack the year ("on 28 October" → XXXX-10-28), or got
/// it from the run's other pages; its story knows the period. The earliest of its day dates that
/// falls within the story's period (give or take the story window), a missing year filled
/// nearest the story's first date by the analysis's one rule for that ([`with_year`]), stands
/// in for the publication date when ordering timelines. Dates outside the period (history,
/// anniversaries) are not publication dates.
///
/// [`with_year`]: claimtrail_analysis::with_year
fn estimate_date(tx: &Transaction, id: i64, d: &DocAnalysis, story: i64) -> Result<()> {
    let span: Option<(Option<String>, Option<String>)> = tx
        .query_row(
            "SELECT first_seen, last_seen FROM stories WHERE id = ?1",
            [story],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let Some((first, last)) = span else {
        return Ok(());
    };
    let (Some(first), Some(last)) = (
        first.as_deref().or(last.as_deref()).and_then(parse),
        last.as_deref().or(first.as_deref()).and_then(parse),
    ) else {
        return Ok(());
    };
    let estimate = d
        .times
        .iter()
        .filter_map(|t| text(&t.value))
        .filter(|v| v.len() == 10)
        .filter_map(|v| match claimtrail_analysis::with_year(&v, first) {
            Some(filled) => parse(&filled),
            None => parse(&v),
        })
        .filter(|e| {
            (first - *e).num_days() <= STORY_WINDOW_DAYS
                && (*e - last).num_days() <= STORY_WINDOW_DAYS
        })
        .min();
    if let Some(e) = estimate {
        tx.execute(
            "UPDATE documents SET estimated = ?2 WHERE id = ?1",
            params![id, e.format("%Y-%m-%d").to_string()],
        )?;
    }
    Ok(())
}

/// Puts each quote of the document in the registry: one entry per quote across outlets.
fn register_quotes(
    tx: &Transaction,
    id: i64,
    d: &DocAnalysis,
    published: Option<&str>,
    f: &Features,
) -> Result<()> {
    // Registry quotes this document already counts as one of theirs.
    let mut counted: BTreeSet<i64> = BTreeSet::new();
    for (position, shingles) in &f.quotes {
        let mut hits: BTreeMap<i64, usize> = BTreeMap::new();
        {
            let mut st = tx.prepare_cached(
                "SELECT quote_id FROM quote_shingles WHERE shingle = ?1
                 ORDER BY quote_id DESC LIMIT ?2",
            )?;
            for s in shingles {
                for q in st.query_map(params![*s as i64, MAX_POSTINGS], |r| r.get::<_, i64>(0))? {
                    *hits.entry(q?).or_default() += 1;
                }
            }
        }
        let mut found: Option<(i64, f64)> = None;
        let mut size = tx.prepare_cached("SELECT shingles FROM quote_registry WHERE id = ?1")?;
        for (qid, shared) in hits {
            let n: i64 = size.query_row([qid], |r| r.get(0))?;
            let containment = shared as f64 / (n.max(0) as usize).min(shingles.len()).max(1) as f64;
            // Strictly better only: among equals the oldest entry, visited first, stays.
            if containment >= QUOTE_CONTAINMENT && found.is_none_or(|(_, c)| containment > c) {
                found = Some((qid, containment));
            }
        }
        let qid = match found {
            Some((qid, _)) => {
                tx.prepare_cached(
                    "UPDATE quote_registry SET first_document_id = ?2, first_date = ?3
                     WHERE id = ?1 AND ?3 IS NOT NULL AND (first_date IS NULL OR ?3 < first_date)",
                )?
                .execute(params![qid, id, published])?;
                qid
            }
            None => {
                let q = &d.quotes[*position];
                tx.prepare_cached(
                    "INSERT INTO quote_registry (text, speaker, shingles, first_document_id,
                         first_date)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    q.text,
                    q.speaker,
                    int(shingles.len()),
                    id,
                    published
                ])?;
                let qid = tx.last_insert_rowid();
                let mut st = tx.prepare_cached(
                    "INSERT OR IGNORE INTO quote_shingles (shingle, quote_id) VALUES (?1, ?2)",
                )?;
                for s in shingles {
                    st.execute(params![*s as i64, qid])?;
                }
                qid
            }
        };
        tx.prepare_cached(
            "INSERT INTO quote_appearances (document_id, position, quote_id) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, int(*position), qid])?;
        if counted.insert(qid) {
            tx.prepare_cached("UPDATE quote_registry SET documents = documents + 1 WHERE id = ?1")?
                .execute([qid])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::{Appearance, SqliteStore, Store};
    use claimtrail_analysis::{DocAnalysis, TimeExpr};

    #[test]
    fn an_undated_copy_is_dated_from_its_story_with_the_year_nearest_the_story() {
        let dated = Appearance {
            origin: "https://a.example/1".into(),
            analysis: DocAnalysis {
                id: "c1".into(),
                source: "a".into(),
                published: "2025-01-03".parse().ok(),
                text: "The bridge reopened.".into(),
                ..DocAnalysis::default()
            },
        };
        // The same page from another outlet, undated; its "30 December" is late 2024, nearest
        // the story's first date, not late 2025.
        let mut undated = dated.clone();
        undated.origin = "https://b.example/1".into();
        undated.analysis.published = None;
        undated.analysis.times = vec![TimeExpr {
            text: "30 December".into(),
            value: Some("XXXX-12-30".into()),
            kind: claimtrail_analysis::TimexType::Date,
            ..TimeExpr::default()
        }];
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[dated, undated]).unwrap();
        let estimated: Option<String> = s
            .conn()
            .query_row(
                "SELECT estimated FROM documents WHERE origin = 'https://b.example/1'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(estimated.as_deref(), Some("2024-12-30"));
    }
}
