//! Pure features for linking documents across outlets: MinHash signatures for wire copies, term
//! vectors for stories, shingles for the quote registry, measure keys for figure groups. No
//! storage here; `sqlite` keeps the indexes these feed.

pub mod measure;
pub mod minhash;
pub mod terms;

/// Lower-cased word tokens (letters and digits) of a text.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// FNV-1a: a stable 64-bit hash (the std hasher is randomly seeded and may change between Rust
/// releases; stored keys must not).
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0x1f]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
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
    fn words_are_lowercased_alphanumerics() {
        assert_eq!(
            words("At least 3,000 North-Korean"),
            vec!["at", "least", "3", "000", "north", "korean"]
        );
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(stable_hash(&["a", "b"]), stable_hash(&["a", "b"]));
        assert_ne!(stable_hash(&["ab"]), stable_hash(&["a", "b"]));
    }
}
