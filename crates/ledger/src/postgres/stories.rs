//! Stories, assigned incrementally: the SQLite backend's `stories`, step for step, with its
//! per-term statements gathered into array statements (one round trip per step, not per term).
//! Sums are added in the same order as there, so centroids and cosines are the same numbers.

use super::tx::Tx;
use crate::Result;
use claimtrail_analysis::DocAnalysis;
use std::collections::{BTreeMap, HashMap};

// The same constants as the SQLite backend's (see there for why).
const STORY_SIMILARITY: f64 = 0.22;
const FEW_MEMBERS_EXTRA: f64 = 0.1;
const ADOPTER_MIN_SIZE: i64 = 3;
const ORPHAN_CANDIDATES: usize = 4;
const IDF_TRUST: f64 = 20.0;
const STORY_TERMS: usize = 200;
pub(crate) const STORY_WINDOW_DAYS: i64 = 45;
const STORY_SIMILARITY_FAR: f64 = 0.4;
const MAX_STORY_POSTINGS: i64 = 64;

type TermVector = Vec<(String, f64)>;

struct StoryInfo {
    size: i64,
    norm2: f64,
    first: Option<String>,
    last: Option<String>,
}

pub fn assign_story(
    tx: &mut Tx,
    id: i64,
    d: &DocAnalysis,
    date: Option<&str>,
    terms: &HashMap<String, f32>,
    original: Option<i64>,
) -> Result<i64> {
    let (vec, trust) = doc_vector(tx, terms)?;
    let forced: Option<i64> = match original {
        Some(o) => tx
            .opt(
                "SELECT story_id FROM story_documents WHERE document_id = $1",
                &[&o],
            )?
            .map(|r| r.get(0)),
        None => None,
    };
    let dots = story_dots(tx, &vec)?;
    let best = match forced {
        Some(s) => Some((s, 1.0)),
        None => nearest_story(tx, &dots, (date, date), None)?
            .filter(|n| n.cos >= join_bar(n.size, trust))
            .map(|n| (n.id, n.cos)),
    };
    let joined = best.is_some();
    let (sid, sim) = match best {
        Some(b) => b,
        None => {
            let sid: i64 = tx
                .one(
                    "INSERT INTO stories (id, title, first_seen, last_seen, size, norm2)
                     SELECT coalesce(max(id), 0) + 1, $1, $2, $2, 0, 0 FROM stories
                     RETURNING id",
                    &[&d.title, &date],
                )?
                .get(0);
            (sid, 1.0)
        }
    };
    add_vector(tx, sid, &vec)?;
    tx.exec(
        "UPDATE stories SET size = size + 1,
            first_seen = CASE WHEN $2::text IS NOT NULL AND (first_seen IS NULL OR $2::text < first_seen) THEN $2::text ELSE first_seen END,
            last_seen = CASE WHEN $2::text IS NOT NULL AND (last_seen IS NULL OR $2::text > last_seen) THEN $2::text ELSE last_seen END,
            title = coalesce(title, $3)
         WHERE id = $1",
        &[&sid, &date, &d.title],
    )?;
    tx.exec(
        "INSERT INTO story_documents (document_id, story_id, similarity) VALUES ($1, $2, $3)
         ON CONFLICT (document_id) DO UPDATE
         SET story_id = excluded.story_id, similarity = excluded.similarity",
        &[&id, &sid, &sim],
    )?;
    if joined {
        adopt_orphans(tx, sid, &dots)?;
    }
    Ok(sid)
}

fn join_bar(size: i64, trust: f64) -> f64 {
    STORY_SIMILARITY + trust * FEW_MEMBERS_EXTRA / size.max(1) as f64
}

fn doc_vector(tx: &mut Tx, counts: &HashMap<String, f32>) -> Result<(TermVector, f64)> {
    let n_docs = tx
        .one("SELECT coalesce(max(id), 0) FROM documents", &[])?
        .get::<_, i64>(0) as f64;
    let mut ordered: Vec<(&String, &f32)> = counts.iter().collect();
    ordered.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let terms: Vec<&str> = ordered.iter().map(|(t, _)| t.as_str()).collect();
    // Terms are distinct: each row is counted once.
    let df: HashMap<String, i64> = tx
        .rows(
            "INSERT INTO term_df (term, df) SELECT t, 1 FROM unnest($1::text[]) AS t
             ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1 RETURNING term, df",
            &[&terms],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut vec: TermVector = Vec::with_capacity(counts.len());
    for (term, c) in ordered {
        let df = df.get(term.as_str()).copied().unwrap_or(1) as f64;
        vec.push((term.clone(), tf_idf(f64::from(*c), df, n_docs)));
    }
    let trust = idf_trust(n_docs);
    vec.retain(|(_, w)| *w > 0.0);
    vec.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    vec.truncate(STORY_TERMS);
    normalize(&mut vec);
    Ok((vec, trust))
}

fn idf_trust(n_docs: f64) -> f64 {
    n_docs / (n_docs + IDF_TRUST)
}

fn tf_idf(c: f64, df: f64, n_docs: f64) -> f64 {
    let idf = ((n_docs + 1.0) / df).ln() / (n_docs + 1.0).ln().max(f64::MIN_POSITIVE);
    let trust = idf_trust(n_docs);
    (1.0 + c.ln()) * ((1.0 - trust) + trust * idf)
}

fn normalize(vec: &mut TermVector) {
    let norm = vec
        .iter()
        .map(|(_, w)| w * w)
        .sum::<f64>()
        .sqrt()
        .max(f64::MIN_POSITIVE);
    for (_, w) in vec.iter_mut() {
        *w /= norm;
    }
}

/// Dot products with story centroids: the heaviest postings of each term (ties to the lowest
/// story id, as SQLite's index orders them), added up in the vector's term order.
fn story_dots(tx: &mut Tx, vec: &[(String, f64)]) -> Result<BTreeMap<i64, f64>> {
    let terms: Vec<&str> = vec.iter().map(|(t, _)| t.as_str()).collect();
    let mut postings: HashMap<String, Vec<(i64, f64)>> = HashMap::new();
    for r in tx.rows(
        "SELECT t.term, p.story_id, p.weight FROM unnest($1::text[]) AS t(term)
         CROSS JOIN LATERAL (
             SELECT story_id, weight FROM story_terms WHERE term = t.term
             ORDER BY weight DESC, story_id LIMIT $2) p",
        &[&terms, &MAX_STORY_POSTINGS],
    )? {
        postings
            .entry(r.get(0))
            .or_default()
            .push((r.get(1), r.get(2)));
    }
    let mut dots: BTreeMap<i64, f64> = BTreeMap::new();
    for (term, w) in vec {
        for (sid, cw) in postings.get(term).into_iter().flatten() {
            *dots.entry(*sid).or_default() += w * cw;
        }
    }
    Ok(dots)
}

fn load_story(tx: &mut Tx, id: i64) -> Result<Option<StoryInfo>> {
    Ok(tx
        .opt(
            "SELECT size, norm2, first_seen, last_seen FROM stories WHERE id = $1",
            &[&id],
        )?
        .map(|r| StoryInfo {
            size: r.get(0),
            norm2: r.get(1),
            first: r.get(2),
            last: r.get(3),
        }))
}

#[derive(Debug, Clone, Copy)]
struct Nearest {
    id: i64,
    cos: f64,
    size: i64,
}

fn nearest_story(
    tx: &mut Tx,
    dots: &BTreeMap<i64, f64>,
    dates: (Option<&str>, Option<&str>),
    exclude: Option<i64>,
) -> Result<Option<Nearest>> {
    let mut best: Option<Nearest> = None;
    for (&id, &dot) in dots {
        if Some(id) == exclude {
            continue;
        }
        let Some(s) = load_story(tx, id)? else {
            continue;
        };
        let bar = if windows_meet(dates, (s.first.as_deref(), s.last.as_deref())) {
            STORY_SIMILARITY
        } else {
            STORY_SIMILARITY_FAR
        };
        let cos = dot / s.norm2.sqrt().max(f64::MIN_POSITIVE);
        if cos >= bar && best.is_none_or(|b| cos > b.cos) {
            best = Some(Nearest {
                id,
                cos,
                size: s.size,
            });
        }
    }
    Ok(best)
}

fn add_vector(tx: &mut Tx, sid: i64, vec: &[(String, f64)]) -> Result<()> {
    let terms: Vec<&str> = vec.iter().map(|(t, _)| t.as_str()).collect();
    let current: HashMap<String, f64> = tx
        .rows(
            "SELECT term, weight FROM story_terms WHERE story_id = $1 AND term = ANY($2)",
            &[&sid, &terms],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut delta = 0.0;
    for (term, w) in vec {
        let c = current.get(term).copied().unwrap_or(0.0);
        delta += 2.0 * c * w + w * w;
    }
    let weights: Vec<f64> = vec.iter().map(|(_, w)| *w).collect();
    tx.exec(
        "INSERT INTO story_terms (term, story_id, weight)
         SELECT t, $1, w FROM unnest($2::text[], $3::float8[]) AS u(t, w)
         ON CONFLICT (term, story_id) DO UPDATE SET weight = story_terms.weight + excluded.weight",
        &[&sid, &terms, &weights],
    )?;
    tx.exec(
        "UPDATE stories SET norm2 = norm2 + $2 WHERE id = $1",
        &[&sid, &delta],
    )?;
    Ok(())
}

fn adopt_orphans(tx: &mut Tx, grown: i64, dots: &BTreeMap<i64, f64>) -> Result<()> {
    let mut near: Vec<(i64, f64)> = dots
        .iter()
        .filter(|(id, _)| **id != grown)
        .map(|(id, dot)| (*id, *dot))
        .collect();
    near.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut examined = 0;
    for (orphan, _) in near {
        if examined == ORPHAN_CANDIDATES {
            break;
        }
        let Some(o) = load_story(tx, orphan)? else {
            continue;
        };
        if o.size != 1 {
            continue;
        }
        examined += 1;
        let vec = story_vector(tx, orphan)?;
        let odots = story_dots(tx, &vec)?;
        let dates = (o.first.as_deref(), o.last.as_deref());
        let Some(g) = load_story(tx, grown)? else {
            continue;
        };
        let to_grown = odots.get(&grown).copied().unwrap_or(0.0)
            / (o.norm2 * g.norm2).sqrt().max(f64::MIN_POSITIVE);
        let bar = if windows_meet(dates, (g.first.as_deref(), g.last.as_deref())) {
            STORY_SIMILARITY
        } else {
            STORY_SIMILARITY_FAR
        };
        if to_grown < bar {
            continue;
        }
        let Some(home) = nearest_story(tx, &odots, dates, Some(orphan))? else {
            continue;
        };
        if home.size < ADOPTER_MIN_SIZE {
            continue;
        }
        merge_story(tx, orphan, home.id, &vec, &o, home.cos)?;
    }
    Ok(())
}

fn story_vector(tx: &mut Tx, sid: i64) -> Result<TermVector> {
    Ok(tx
        .rows(
            "SELECT term, weight FROM story_terms WHERE story_id = $1 ORDER BY term",
            &[&sid],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}

fn merge_story(
    tx: &mut Tx,
    from: i64,
    into: i64,
    vec: &[(String, f64)],
    info: &StoryInfo,
    similarity: f64,
) -> Result<()> {
    add_vector(tx, into, vec)?;
    tx.exec(
        "UPDATE stories SET size = size + $2,
            first_seen = CASE WHEN $3::text IS NOT NULL AND (first_seen IS NULL OR $3::text < first_seen) THEN $3::text ELSE first_seen END,
            last_seen = CASE WHEN $4::text IS NOT NULL AND (last_seen IS NULL OR $4::text > last_seen) THEN $4::text ELSE last_seen END
         WHERE id = $1",
        &[&into, &info.size, &info.first, &info.last],
    )?;
    tx.exec(
        "UPDATE story_documents SET story_id = $2, similarity = $3 WHERE story_id = $1",
        &[&from, &into, &similarity],
    )?;
    let terms: Vec<&str> = vec.iter().map(|(t, _)| t.as_str()).collect();
    tx.exec(
        "DELETE FROM story_terms WHERE story_id = $1 AND term = ANY($2)",
        &[&from, &terms],
    )?;
    tx.exec("DELETE FROM stories WHERE id = $1", &[&from])?;
    Ok(())
}

fn windows_meet(a: (Option<&str>, Option<&str>), b: (Option<&str>, Option<&str>)) -> bool {
    let parse =
        |s: Option<&str>| s.and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let (Some(a_first), Some(a_last), Some(b_first), Some(b_last)) =
        (parse(a.0), parse(a.1), parse(b.0), parse(b.1))
    else {
        return true;
    };
    (b_first - a_last).num_days() <= STORY_WINDOW_DAYS
        && (a_first - b_last).num_days() <= STORY_WINDOW_DAYS
}
