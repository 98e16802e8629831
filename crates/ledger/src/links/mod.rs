//! Pure features for linking documents across outlets: MinHash signatures for wire copies, term
//! vectors for stories, shingles for the quote registry, measure keys for figure groups. No
//! storage here; `sqlite` keeps the indexes these feed. [`features`] computes all of them for a
//! document before the store takes its write lock, so the lock is held for index work only.

pub mod measure;
pub mod minhash;
pub mod story_params;
pub mod terms;

use claimtrail_analysis::DocAnalysis;
use std::collections::HashMap;
use std::hash::Hasher;

/// Words a quote needs to enter the quote registry (shorter ones are too common to link).
pub const QUOTE_MIN_WORDS: usize = 6;

/// What linking needs to know of a document.
#[derive(Debug, Clone)]
pub struct Features {
    /// MinHash signature of the text (wire copies); `None` for text too short to compare.
    pub signature: Option<minhash::Signature>,
    /// Weighted term counts of title, address and text (stories).
    pub terms: HashMap<String, f32>,
    /// Registry quotes: position in the document and the quote's distinct word-3-gram hashes,
    /// ascending.
    pub quotes: Vec<(usize, Vec<u64>)>,
    /// Figures with a measure: position in the document and the measure key.
    pub measures: Vec<(usize, String)>,
}

/// The linking features of a document.
pub fn features(d: &DocAnalysis) -> Features {
    let title = d.title.as_deref().unwrap_or_default();
    // The address's words (a slug names the event) count with the title and text.
    let address = d.url.as_deref().unwrap_or_default();
    let quotes = d
        .quotes
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let w = words(&q.text);
            if w.len() < QUOTE_MIN_WORDS {
                return None;
            }
            let mut sh = shingles(&w, 3);
            sh.sort_unstable();
            sh.dedup();
            Some((i, sh))
        })
        .collect();
    let params = story_params::StoryParams::get();
    let mut story_terms = terms::term_counts(&format!("{title}\n{address}\n{}", d.text));
    terms::add_lead_terms(&mut story_terms, title, &d.text, params.lead_weight);
    terms::add_event_terms(
        &mut story_terms,
        d,
        params.entity_weight,
        params.date_weight,
    );
    Features {
        signature: minhash::signature(&d.text),
        terms: story_terms,
        quotes,
        measures: measures(d),
    }
}

/// The measure key of each figure that counts something. A figure whose counted phrase has no
/// modifier takes those of the document's previous figure with the same head ("3,000 soldiers"
/// after "3000 North Korean soldiers").
fn measures(d: &DocAnalysis) -> Vec<(usize, String)> {
    let mut last_modifiers: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    for (i, f) in d.figures.iter().enumerate() {
        let Some(counted) = f.counted.as_deref() else {
            continue;
        };
        let following = d
            .text
            .get(f.end..)
            .map(|s| &s[..floor_char(s, 120)])
            .unwrap_or("");
        let Some(mut key) = measure::measure_key(counted, following) else {
            continue;
        };
        if key.modifiers.is_empty() {
            if let Some(m) = last_modifiers.get(&key.head) {
                key.modifiers = m.clone();
            }
        } else {
            last_modifiers.insert(key.head.clone(), key.modifiers.clone());
        }
        out.push((i, key.as_key()));
    }
    out
}

/// The largest char boundary of `s` at or below `max`.
fn floor_char(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Lower-cased word tokens (letters and digits) of a text.
pub use claimtrail_lexicon::words;

/// FNV-1a 64 over each part and a 0x1f separator: a stable hash (the std hasher is randomly
/// seeded and may change between Rust releases; stored keys must not).
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h = fnv::FnvHasher::default();
    for p in parts {
        h.write(p.as_bytes());
        h.write_u8(0x1f);
    }
    h.finish()
}

/// Hashes of the word n-grams of a text (n words each; the whole text when shorter).
pub fn shingles(words: &[String], n: usize) -> Vec<u64> {
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() < n {
        let all: Vec<&str> = words.iter().map(String::as_str).collect();
        return vec![stable_hash(&all)];
    }
    words
        .windows(n)
        .map(|w| {
            let parts: Vec<&str> = w.iter().map(String::as_str).collect();
            stable_hash(&parts)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        assert_eq!(stable_hash(&["a", "b"]), stable_hash(&["a", "b"]));
        assert_ne!(stable_hash(&["ab"]), stable_hash(&["a", "b"]));
        // Stored in ledgers: FNV-1a 64 over each part and a 0x1f separator, for good.
        assert_eq!(stable_hash(&["north", "korean"]), 0x5ad4_18f2_04c8_522e);
        assert_eq!(stable_hash(&["ab"]), 0xe720_0e19_0542_0ecf);
    }
}
