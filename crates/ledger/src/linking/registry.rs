//! The quote registry: one entry per quote across outlets. A quote joins the entry that holds
//! the largest share of its word 3-grams (over a bar), else opens a new one.

use super::{LinkRows, MAX_POSTINGS};
use crate::links::Features;
use crate::Result;
use claimtrail_analysis::DocAnalysis;
use std::collections::{BTreeMap, BTreeSet};

/// Shared share of the shorter quote's word 3-grams from which two quotes are one.
const QUOTE_CONTAINMENT: f64 = 0.7;

/// Puts each registry-sized quote of document `id` in the registry.
pub(super) fn register_quotes(
    rows: &mut impl LinkRows,
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
            for q in rows.quotes_with_shingle(*s, MAX_POSTINGS)? {
                *hits.entry(q).or_default() += 1;
            }
        }
        let mut found: Option<(i64, f64)> = None;
        for (qid, shared) in hits {
            let n = rows.quote_shingles(qid)?;
            let containment = shared as f64 / (n.max(0) as usize).min(shingles.len()).max(1) as f64;
            // Strictly better only: among equals the oldest entry, visited first, stays.
            if containment >= QUOTE_CONTAINMENT && found.is_none_or(|(_, c)| containment > c) {
                found = Some((qid, containment));
            }
        }
        let qid = match found {
            Some((qid, _)) => {
                rows.quote_seen_earlier(qid, id, published)?;
                qid
            }
            None => {
                // Features are computed from this analysis: the position is there.
                let Some(q) = d.quotes.get(*position) else {
                    continue;
                };
                rows.new_quote(&q.text, q.speaker.as_deref(), shingles, id, published)?
            }
        };
        rows.quote_appearance(id, *position, qid)?;
        if counted.insert(qid) {
            rows.count_quote_document(qid)?;
        }
    }
    Ok(())
}
