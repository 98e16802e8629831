//! Linking a newly stored document to the rest of the ledger, incrementally: wire copies (MinHash
//! LSH), its story (nearest story centroid over TF-IDF term vectors, or a new story), its quotes
//! in the quote registry, and the measure keys of its figures. Every lookup goes through an
//! index, so the cost per document does not grow with the corpus beyond index depth.

use crate::links::measure::measure_key;
use crate::links::minhash::{self, Signature};
use crate::links::{shingles, terms, words};
use crate::Result;
use claimtrail_analysis::DocAnalysis;
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{HashMap, HashSet};

/// Estimated Jaccard similarity from which a document is a copy of another.
const COPY_SIMILARITY: f64 = 0.5;
/// Lower bar when both documents credit the same agency or one says it is syndicated.
const COPY_SIMILARITY_CREDITED: f64 = 0.35;
/// Cosine similarity to a story centroid from which a document joins that story.
const STORY_SIMILARITY: f64 = 0.22;
/// Ledger size at which document frequencies count as much as raw term frequencies: below it a
/// handful of documents would make every shared word look rare (and a story's own vocabulary
/// look common), so weights lean on term frequency alone.
const IDF_TRUST: f64 = 20.0;
/// Terms kept per document vector.
const STORY_TERMS: usize = 200;
/// Stories whose dates lie further apart than this are usually different events (the same kind
/// of event again)...
const STORY_WINDOW_DAYS: i64 = 45;
/// ...unless the text says otherwise: a document this close to a story's centroid continues it
/// however far apart the dates (a trial two years after the shooting, a sequel's casting after
/// its premiere). Two quakes in one country share the vocabulary but not the names and details
/// that lift similarity this high.
const STORY_SIMILARITY_FAR: f64 = 0.4;
/// Shared share of the shorter quote's word 3-grams from which two quotes are one.
const QUOTE_CONTAINMENT: f64 = 0.7;
const QUOTE_MIN_WORDS: usize = 6;
/// Most postings read from one LSH bucket or quote shingle. A bucket shared by very many
/// documents (site boilerplate, a template) says little, and reading all of it would make the
/// cost per document grow with the corpus; the newest postings are the likeliest copies.
const MAX_POSTINGS: i64 = 32;
/// Most stories read per term when scoring a document against stories.
const MAX_STORY_POSTINGS: i64 = 64;

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

/// Adds the document to the nearest story, or opens a new one; returns the story id.
fn assign_story(tx: &Transaction, d: &DocAnalysis, original: Option<&str>) -> Result<i64> {
    let title = d.title.as_deref().unwrap_or_default();
    // The address's words (a slug names the event) count with the title and text.
    let address = d.url.as_deref().unwrap_or_default();
    let counts = terms::term_counts(&format!("{title}\n{address}\n{}", d.text));
    // Documents are never deleted, so the largest rowid is the count, read from the index end
    // (count(*) would scan the table for every document).
    let n_docs: f64 = tx.query_row("SELECT coalesce(max(rowid), 0) FROM documents", [], |r| {
        r.get::<_, i64>(0)
    })? as f64;
    let mut df_st = tx.prepare_cached(
        "INSERT INTO term_df (term, df) VALUES (?1, 1)
         ON CONFLICT(term) DO UPDATE SET df = df + 1 RETURNING df",
    )?;
    let mut vec: Vec<(String, f64)> = Vec::with_capacity(counts.len());
    for (term, c) in counts {
        let df: f64 = df_st.query_row([&term], |r| r.get::<_, i64>(0))? as f64;
        let idf = ((n_docs + 1.0) / df).ln() / (n_docs + 1.0).ln().max(f64::MIN_POSITIVE);
        let trust = n_docs / (n_docs + IDF_TRUST);
        let w = (1.0 + f64::from(c).ln()) * ((1.0 - trust) + trust * idf);
        if w > 0.0 {
            vec.push((term, w));
        }
    }
    vec.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    vec.truncate(STORY_TERMS);
    let norm = vec
        .iter()
        .map(|(_, w)| w * w)
        .sum::<f64>()
        .sqrt()
        .max(f64::MIN_POSITIVE);
    for (_, w) in &mut vec {
        *w /= norm;
    }
    // A copy belongs to its original's story whatever its terms say.
    let forced: Option<i64> = match original {
        Some(o) => tx
            .query_row(
                "SELECT story_id FROM story_docs WHERE doc_id = ?1",
                [o],
                |r| r.get(0),
            )
            .optional()?,
        None => None,
    };
    let mut dots: HashMap<i64, f64> = HashMap::new();
    {
        // The heaviest postings of each term only: a common word shared by thousands of stories
        // would otherwise make every lookup grow with the corpus.
        let mut st = tx.prepare_cached(
            "SELECT story_id, weight FROM story_terms WHERE term = ?1
             ORDER BY weight DESC LIMIT ?2",
        )?;
        for (term, w) in &vec {
            let rows = st.query_map(params![term, MAX_STORY_POSTINGS], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
            })?;
            for row in rows {
                let (sid, cw) = row?;
                *dots.entry(sid).or_default() += w * cw;
            }
        }
    }
    let mut best: Option<(i64, f64)> = forced.map(|s| (s, 1.0));
    if best.is_none() {
        let mut st =
            tx.prepare_cached("SELECT norm2, first_seen, last_seen FROM stories WHERE id = ?1")?;
        for (sid, dot) in &dots {
            let (norm2, first, last): (f64, Option<String>, Option<String>) =
                st.query_row([sid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            let bar = if within_window(d.published.as_deref(), first.as_deref(), last.as_deref()) {
                STORY_SIMILARITY
            } else {
                STORY_SIMILARITY_FAR
            };
            let cos = dot / norm2.sqrt().max(f64::MIN_POSITIVE);
            if cos >= bar && best.is_none_or(|(_, b)| cos > b) {
                best = Some((*sid, cos));
            }
        }
    }
    let (sid, sim) = match best {
        Some(b) => b,
        None => {
            tx.execute(
                "INSERT INTO stories (title, first_seen, last_seen, size, norm2) VALUES (?1, ?2, ?2, 0, 0)",
                params![d.title, d.published],
            )?;
            (tx.last_insert_rowid(), 1.0)
        }
    };
    // Centroid += vec; |c + v|² = |c|² + Σ (2·c_t·v_t + v_t²).
    let mut delta = 0.0;
    let mut up = tx.prepare_cached(
        "INSERT INTO story_terms (term, story_id, weight) VALUES (?1, ?2, ?3)
         ON CONFLICT(term, story_id) DO UPDATE SET weight = weight + excluded.weight",
    )?;
    let mut current =
        tx.prepare_cached("SELECT weight FROM story_terms WHERE term = ?1 AND story_id = ?2")?;
    for (term, w) in &vec {
        let c: f64 = current
            .query_row(params![term, sid], |r| r.get(0))
            .optional()?
            .unwrap_or(0.0);
        delta += 2.0 * c * w + w * w;
        up.execute(params![term, sid, w])?;
    }
    tx.execute(
        "UPDATE stories SET size = size + 1, norm2 = norm2 + ?2,
            first_seen = CASE WHEN ?3 IS NOT NULL AND (first_seen IS NULL OR ?3 < first_seen) THEN ?3 ELSE first_seen END,
            last_seen = CASE WHEN ?3 IS NOT NULL AND (last_seen IS NULL OR ?3 > last_seen) THEN ?3 ELSE last_seen END,
            title = coalesce(title, ?4)
         WHERE id = ?1",
        params![sid, delta, d.published, d.title],
    )?;
    tx.execute(
        "INSERT OR REPLACE INTO story_docs (doc_id, story_id, similarity) VALUES (?1, ?2, ?3)",
        params![d.id, sid, sim],
    )?;
    Ok(sid)
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

/// Whether a document dated `date` may join a story seen from `first` to `last`.
fn within_window(date: Option<&str>, first: Option<&str>, last: Option<&str>) -> bool {
    let parse =
        |s: Option<&str>| s.and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let (Some(d), Some(f), Some(l)) = (parse(date), parse(first), parse(last)) else {
        return true;
    };
    (f - d).num_days() <= STORY_WINDOW_DAYS && (d - l).num_days() <= STORY_WINDOW_DAYS
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Filter, SqliteStore, Store};

    fn doc(id: &str, published: &str, text: &str) -> DocAnalysis {
        DocAnalysis {
            source: format!("{id}.txt"),
            id: id.into(),
            published: Some(published.into()),
            text: text.into(),
            ..DocAnalysis::default()
        }
    }

    /// Story sizes, largest first.
    fn story_sizes(s: &SqliteStore) -> Vec<usize> {
        let mut sizes: Vec<usize> = s
            .stories(&Filter::default())
            .unwrap()
            .iter()
            .map(|r| r.documents.len())
            .collect();
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        sizes
    }

    #[test]
    fn a_close_follow_up_years_later_continues_the_story_a_loose_one_does_not() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[doc(
            "shooting",
            "2010-09-10",
            "Yvonne Hiller, a suspended Kraft Foods worker, shot and killed two co-workers at \
             the Kraft Foods plant in northeast Philadelphia after she was escorted out.",
        )])
        .unwrap();
        // Two years on, the trial of the same shooter: the same names and details.
        s.put_batch(&[doc(
            "trial",
            "2012-09-10",
            "A Philadelphia judge found Yvonne Hiller, the suspended Kraft Foods worker who shot \
             and killed two co-workers at the Kraft Foods plant, guilty of murder.",
        )])
        .unwrap();
        assert_eq!(story_sizes(&s), vec![2]);
        // A year later, another shooting at another plant: the kind of event again, not the story.
        s.put_batch(&[doc(
            "other",
            "2011-09-10",
            "A worker who was fired from a bakery in Ohio shot a supervisor at the plant, police \
             said; the gunman fled and was arrested hours later.",
        )])
        .unwrap();
        assert_eq!(story_sizes(&s), vec![2, 1]);
    }

    #[test]
    fn the_window_depends_on_both_dates() {
        assert!(within_window(
            Some("2024-01-10"),
            Some("2024-01-01"),
            Some("2024-01-05")
        ));
        assert!(!within_window(
            Some("2025-01-10"),
            Some("2024-01-01"),
            Some("2024-01-05")
        ));
        assert!(within_window(None, Some("2024-01-01"), Some("2024-01-05")));
    }
}
