//! Linking a newly stored document to the rest of the ledger: the SQLite backend's `links`, step
//! for step (same candidates, same visiting order, same ties), so that the same documents in the
//! same order give the same copies, stories, registry and measures on both backends.

use super::stories::{assign_story, STORY_WINDOW_DAYS};
use super::tx::Tx;
use super::values::{int, text};
use crate::links::measure::key_head;
use crate::links::minhash::{self, Signature};
use crate::links::Features;
use crate::Result;
use chrono::NaiveDate;
use claimtrail_analysis::DocAnalysis;
use std::collections::{BTreeMap, BTreeSet};

// The same bars as the SQLite backend's (see there for why).
const COPY_SIMILARITY: f64 = 0.5;
const COPY_SIMILARITY_CREDITED: f64 = 0.35;
const QUOTE_CONTAINMENT: f64 = 0.7;
const MAX_POSTINGS: i64 = 32;

/// Links document `id` (just stored, analysis `d`, publication date `published`).
pub fn link_document(
    tx: &mut Tx,
    id: i64,
    d: &DocAnalysis,
    published: Option<&str>,
    f: &Features,
) -> Result<()> {
    let original = link_copies(tx, id, d, published, f.signature.as_ref())?;
    let story = assign_story(tx, id, d, published, &f.terms, original)?;
    if published.is_none() {
        estimate_date(tx, id, d, story)?;
    }
    register_quotes(tx, id, d, published, f)?;
    if !f.measures.is_empty() {
        let positions: Vec<i64> = f.measures.iter().map(|(p, _)| int(*p)).collect();
        let measures: Vec<&str> = f.measures.iter().map(|(_, m)| m.as_str()).collect();
        let heads: Vec<&str> = measures.iter().map(|m| key_head(m)).collect();
        // A figure's date as timelines order it: its own, else its document's.
        tx.exec(
            "INSERT INTO figure_measures (document_id, position, measure, date)
             SELECT $1, m.position, m.measure, coalesce(g.date, d.published, d.estimated)
             FROM unnest($2::bigint[], $3::text[]) AS m(position, measure)
             JOIN figures g ON g.document_id = $1 AND g.position = m.position
             JOIN documents d ON d.id = $1",
            &[&id, &positions, &measures],
        )?;
        tx.exec(
            "INSERT INTO measure_keys (measure, head)
             SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
            &[&measures, &heads],
        )?;
    }
    count_speakers(tx, id, d)
}

/// Adds the document's quotes to its speakers' counts (per day and outlet) and roles.
fn count_speakers(tx: &mut Tx, id: i64, d: &DocAnalysis) -> Result<()> {
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
    let (speakers, counts): (Vec<&str>, Vec<i64>) = quotes.into_iter().unzip();
    tx.exec(
        "INSERT INTO speaker_counts (speaker, day, outlet, quotes, documents)
         SELECT s.speaker, coalesce(d.published, d.estimated, ''), coalesce(d.outlet, ''),
                s.quotes, 1
         FROM unnest($2::text[], $3::bigint[]) AS s(speaker, quotes)
         JOIN documents d ON d.id = $1
         ON CONFLICT (speaker, day, outlet) DO UPDATE
         SET quotes = speaker_counts.quotes + excluded.quotes,
             documents = speaker_counts.documents + 1",
        &[&id, &speakers, &counts],
    )?;
    if !roles.is_empty() {
        let (speakers, roles): (Vec<&str>, Vec<&str>) = roles.into_iter().unzip();
        tx.exec(
            "INSERT INTO speaker_roles (speaker, role)
             SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
            &[&speakers, &roles],
        )?;
    }
    Ok(())
}

fn link_copies(
    tx: &mut Tx,
    id: i64,
    d: &DocAnalysis,
    published: Option<&str>,
    sig: Option<&Signature>,
) -> Result<Option<i64>> {
    let same: Option<i64> = tx
        .opt(
            "SELECT id FROM documents WHERE content_id = $1 AND id <> $2 ORDER BY id LIMIT 1",
            &[&d.id, &id],
        )?
        .map(|r| r.get(0));
    let mut best: Option<(i64, f64)> = same.map(|s| (s, 1.0));
    if let Some(sig) = sig {
        let keys = minhash::band_keys(sig);
        if best.is_none() {
            best = nearest_copy(tx, d, sig, &keys)?;
        }
        tx.exec(
            "INSERT INTO signatures (document_id, signature) VALUES ($1, $2)",
            &[&id, &minhash::to_bytes(sig)],
        )?;
        let bands: Vec<i64> = (0..keys.len()).map(int).collect();
        // In band order, as SQLite inserts them: postings are read newest first.
        tx.exec(
            "INSERT INTO lsh_postings (band, key, document_id)
             SELECT b, k, $1 FROM unnest($2::bigint[], $3::bigint[]) WITH ORDINALITY AS u(b, k, n)
             ORDER BY n",
            &[&id, &bands, &keys.to_vec()],
        )?;
    }
    let Some((near, sim)) = best else {
        return Ok(None);
    };
    let root: i64 = tx
        .opt(
            "SELECT original_id FROM copies WHERE document_id = $1",
            &[&near],
        )?
        .map_or(near, |r| r.get(0));
    let root_date: Option<String> = tx
        .one("SELECT published FROM documents WHERE id = $1", &[&root])?
        .get(0);
    let earlier = matches!((published, &root_date), (Some(a), Some(b)) if a < b.as_str());
    const LINK: &str = "INSERT INTO copies (document_id, original_id, similarity)
         VALUES ($1, $2, $3)
         ON CONFLICT (document_id) DO UPDATE
         SET original_id = excluded.original_id, similarity = excluded.similarity";
    if earlier {
        tx.exec(
            "UPDATE copies SET original_id = $1 WHERE original_id = $2",
            &[&id, &root],
        )?;
        tx.exec(LINK, &[&root, &id, &sim])?;
    } else {
        tx.exec(LINK, &[&id, &root, &sim])?;
    }
    Ok(Some(root))
}

fn nearest_copy(
    tx: &mut Tx,
    d: &DocAnalysis,
    sig: &Signature,
    keys: &[i64],
) -> Result<Option<(i64, f64)>> {
    let mut candidates: BTreeSet<i64> = BTreeSet::new();
    for (band, key) in keys.iter().enumerate() {
        for r in tx.rows(
            "SELECT document_id FROM lsh_postings WHERE band = $1 AND key = $2
             ORDER BY id DESC LIMIT $3",
            &[&int(band), key, &MAX_POSTINGS],
        )? {
            candidates.insert(r.get(0));
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
        if sim >= bar && best.is_none_or(|(_, s)| sim > s) {
            best = Some((c, sim));
        }
    }
    Ok(best)
}

fn load_signature(tx: &mut Tx, id: i64) -> Result<Option<Signature>> {
    let blob: Option<Vec<u8>> = tx
        .opt(
            "SELECT signature FROM signatures WHERE document_id = $1",
            &[&id],
        )?
        .map(|r| r.get(0));
    Ok(blob.as_deref().and_then(minhash::from_bytes))
}

fn credited_alike(tx: &mut Tx, d: &DocAnalysis, other: i64) -> Result<bool> {
    if d.syndicated {
        return Ok(true);
    }
    let syndicated: bool = tx
        .one("SELECT syndicated FROM documents WHERE id = $1", &[&other])?
        .get(0);
    if syndicated || d.agencies.is_empty() {
        return Ok(syndicated);
    }
    let theirs: Vec<String> = tx
        .rows(
            "SELECT name FROM agencies WHERE document_id = $1",
            &[&other],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    Ok(d.agencies.iter().any(|a| theirs.contains(a)))
}

/// An undated document's date from its story's period (the SQLite backend's `estimate_date`).
fn estimate_date(tx: &mut Tx, id: i64, d: &DocAnalysis, story: i64) -> Result<()> {
    let Some(span) = tx.opt(
        "SELECT first_seen, last_seen FROM stories WHERE id = $1",
        &[&story],
    )?
    else {
        return Ok(());
    };
    let (first, last): (Option<String>, Option<String>) = (span.get(0), span.get(1));
    let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
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
        tx.exec(
            "UPDATE documents SET estimated = $2 WHERE id = $1",
            &[&id, &e.format("%Y-%m-%d").to_string()],
        )?;
    }
    Ok(())
}

fn register_quotes(
    tx: &mut Tx,
    id: i64,
    d: &DocAnalysis,
    published: Option<&str>,
    f: &Features,
) -> Result<()> {
    // Registry quotes this document already counts as one of theirs.
    let mut counted: BTreeSet<i64> = BTreeSet::new();
    for (position, shingles) in &f.quotes {
        let mut hits: BTreeMap<i64, usize> = BTreeMap::new();
        for s in shingles {
            for r in tx.rows(
                "SELECT quote_id FROM quote_shingles WHERE shingle = $1
                 ORDER BY quote_id DESC LIMIT $2",
                &[&(*s as i64), &MAX_POSTINGS],
            )? {
                *hits.entry(r.get(0)).or_default() += 1;
            }
        }
        let mut found: Option<(i64, f64)> = None;
        for (qid, shared) in hits {
            let n: i64 = tx
                .one("SELECT shingles FROM quote_registry WHERE id = $1", &[&qid])?
                .get(0);
            let containment = shared as f64 / (n.max(0) as usize).min(shingles.len()).max(1) as f64;
            if containment >= QUOTE_CONTAINMENT && found.is_none_or(|(_, c)| containment > c) {
                found = Some((qid, containment));
            }
        }
        let qid = match found {
            Some((qid, _)) => {
                tx.exec(
                    "UPDATE quote_registry SET first_document_id = $2, first_date = $3::text
                     WHERE id = $1 AND $3::text IS NOT NULL
                       AND (first_date IS NULL OR $3::text < first_date)",
                    &[&qid, &id, &published],
                )?;
                qid
            }
            None => {
                let q = &d.quotes[*position];
                let qid: i64 = tx
                    .one(
                        "INSERT INTO quote_registry (id, text, speaker, shingles,
                             first_document_id, first_date)
                         SELECT coalesce(max(id), 0) + 1, $1, $2, $3, $4, $5 FROM quote_registry
                         RETURNING id",
                        &[&q.text, &q.speaker, &int(shingles.len()), &id, &published],
                    )?
                    .get(0);
                let hashed: Vec<i64> = shingles.iter().map(|s| *s as i64).collect();
                tx.exec(
                    "INSERT INTO quote_shingles (shingle, quote_id)
                     SELECT s, $2 FROM unnest($1::bigint[]) AS s ON CONFLICT DO NOTHING",
                    &[&hashed, &qid],
                )?;
                qid
            }
        };
        tx.exec(
            "INSERT INTO quote_appearances (document_id, position, quote_id) VALUES ($1, $2, $3)",
            &[&id, &int(*position), &qid],
        )?;
        if counted.insert(qid) {
            tx.exec(
                "UPDATE quote_registry SET documents = documents + 1 WHERE id = $1",
                &[&qid],
            )?;
        }
    }
    Ok(())
}
