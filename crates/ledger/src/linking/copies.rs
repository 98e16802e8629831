//! Wire copies: the same content from another origin, else the most similar document sharing
//! an LSH band over a bar (lower when both credit the same agency); a copy links to the root of
//! its original's chain, the earliest appearance (by date, then by origin: never by arrival, so
//! that one process and many workers agree on which copy is the original).

use super::{LinkRows, MAX_POSTINGS};
use crate::links::minhash::{self, Signature};
use crate::Result;
use claimtrail_analysis::DocAnalysis;
use std::collections::BTreeSet;

/// Estimated Jaccard similarity from which a document is a copy of another.
const COPY_SIMILARITY: f64 = 0.5;
/// Lower bar when both documents credit the same agency or one says it is syndicated.
const COPY_SIMILARITY_CREDITED: f64 = 0.35;

/// Finds the earliest appearance document `id` copies, records the link, and indexes the
/// document's signature. Returns the original's id.
pub(super) fn link_copies(
    rows: &mut impl LinkRows,
    id: i64,
    d: &DocAnalysis,
    published: Option<&str>,
    sig: Option<&Signature>,
) -> Result<Option<i64>> {
    // The same content from another origin is a copy whatever its length.
    let mut best: Option<(i64, f64)> = rows.same_content(&d.id, id)?.map(|s| (s, 1.0));
    if let Some(sig) = sig {
        let keys = minhash::band_keys(sig);
        if best.is_none() {
            best = nearest_copy(rows, d, sig, &keys)?;
        }
        rows.index_signature(id, &minhash::to_bytes(sig), &keys)?;
    }
    let Some((near, sim)) = best else {
        return Ok(None);
    };
    // Link to the root of the near document's copy chain: the earliest appearance.
    let root = rows.original_of(near)?.unwrap_or(near);
    let (root_date, root_origin) = rows.appearance(root)?;
    let (_, origin) = rows.appearance(id)?;
    if comes_before((published, &origin), (root_date.as_deref(), &root_origin)) {
        // The new document predates the known original: it becomes the root.
        rows.reroot_copies(root, id)?;
        rows.set_copy(root, id, sim)?;
    } else {
        rows.set_copy(id, root, sim)?;
    }
    Ok(Some(root))
}

/// Whether appearance `a` (date, origin) is the original of `b`: the earlier date, a dated
/// appearance before an undated one, and on a tie the smaller origin. A total order on stable
/// keys, so the root of a copy chain is the same whatever order its members arrived in.
fn comes_before(a: (Option<&str>, &str), b: (Option<&str>, &str)) -> bool {
    match (a.0, b.0) {
        (Some(x), Some(y)) if x != y => x < y,
        (Some(_), None) => true,
        (None, Some(_)) => false,
        _ => a.1 < b.1,
    }
}

/// The most similar stored document over the copy bar, among those sharing an LSH band.
fn nearest_copy(
    rows: &mut impl LinkRows,
    d: &DocAnalysis,
    sig: &Signature,
    keys: &[i64],
) -> Result<Option<(i64, f64)>> {
    let mut candidates: BTreeSet<i64> = BTreeSet::new();
    for (band, key) in keys.iter().enumerate() {
        candidates.extend(rows.bucket(band, *key, MAX_POSTINGS)?);
    }
    let mut best: Option<(i64, f64)> = None;
    for c in candidates {
        let Some(other) = rows.signature(c)?.as_deref().and_then(minhash::from_bytes) else {
            continue;
        };
        let sim = minhash::similarity(sig, &other);
        let bar = if credited_alike(rows, d, c)? {
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

/// Whether either document says it is syndicated or both credit the same agency.
fn credited_alike(rows: &mut impl LinkRows, d: &DocAnalysis, other: i64) -> Result<bool> {
    if d.syndicated {
        return Ok(true);
    }
    let syndicated = rows.syndicated(other)?;
    if syndicated || d.agencies.is_empty() {
        return Ok(syndicated);
    }
    let theirs = rows.agencies(other)?;
    Ok(d.agencies.iter().any(|a| theirs.contains(a)))
}

#[cfg(test)]
mod tests {
    use super::comes_before;

    #[test]
    fn the_original_is_the_earliest_dated_then_the_smallest_origin() {
        let a = (Some("2025-01-02"), "https://z.example/1");
        let b = (Some("2025-01-03"), "https://a.example/1");
        assert!(comes_before(a, b) && !comes_before(b, a));
        // Same day: the origin decides, whichever arrived first.
        let c = (Some("2025-01-02"), "https://a.example/9");
        assert!(comes_before(c, a) && !comes_before(a, c));
        // A dated appearance comes before an undated one.
        let u = (None, "https://a.example/0");
        assert!(comes_before(a, u) && !comes_before(u, a));
        // Two undated: by origin. Never both ways, so a chain has one root.
        let v = (None, "https://b.example/0");
        assert!(comes_before(u, v) && !comes_before(v, u));
        assert!(!comes_before(a, a));
    }
}
