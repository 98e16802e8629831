//! MinHash signatures over word 5-shingles with LSH banding: two texts whose shingle sets have
//! Jaccard similarity s share at least one band with probability 1 - (1 - s^ROWS)^BANDS
//! (≈ 0.99 at s = 0.6, ≈ 0.05 at s = 0.2), so candidates come from an index lookup, not a scan.

use super::{shingles, words};

pub const HASHES: usize = 64;
pub const BANDS: usize = 16;
pub const ROWS: usize = HASHES / BANDS;
const SHINGLE: usize = 5;

pub type Signature = [u32; HASHES];

/// The MinHash signature of a text; `None` for text too short to compare.
pub fn signature(text: &str) -> Option<Signature> {
    let w = words(text);
    if w.len() < SHINGLE * 4 {
        return None;
    }
    let mut sig = [u32::MAX; HASHES];
    for s in shingles(&w, SHINGLE) {
        for (i, slot) in sig.iter_mut().enumerate() {
            // One 64-bit hash remixed per function (xorshift-multiply) stands in for HASHES
            // independent permutations.
            let mut x = s ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            x ^= x >> 33;
            x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
            x ^= x >> 33;
            let v = (x >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    }
    Some(sig)
}

/// The LSH key of each band: FNV's multiply-xor step over the band's whole 32-bit values (not
/// FNV-1a over bytes, which `stable_hash` is). Ledgers store these keys: the values are fixed.
pub fn band_keys(sig: &Signature) -> [i64; BANDS] {
    let mut keys = [0i64; BANDS];
    for (b, key) in keys.iter_mut().enumerate() {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ b as u64;
        for v in &sig[b * ROWS..(b + 1) * ROWS] {
            h ^= u64::from(*v);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        *key = h as i64;
    }
    keys
}

/// Estimated Jaccard similarity of the shingle sets behind two signatures.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

pub fn to_bytes(sig: &Signature) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn from_bytes(b: &[u8]) -> Option<Signature> {
    if b.len() != HASHES * 4 {
        return None;
    }
    let mut sig = [0u32; HASHES];
    for (i, c) in b.chunks_exact(4).enumerate() {
        sig[i] = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
    }
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "The council voted on Tuesday to approve the new budget for the city, which \
        includes funding for schools, roads and parks across all districts, officials said after \
        a long meeting that ran late into the evening. The mayor welcomed the decision and said \
        work on the projects would start in the spring.";

    /// Ledgers store band keys: their values must not change.
    #[test]
    fn band_keys_are_fixed() {
        let sig: Signature = std::array::from_fn(|i| i as u32);
        let keys = band_keys(&sig);
        assert_eq!(keys[0], 4_932_904_490_461_320_209);
        assert_eq!(keys[15], -3_233_371_216_431_200_830);
    }

    #[test]
    fn light_edits_keep_high_similarity_and_other_texts_do_not() {
        let a = signature(TEXT).unwrap();
        let edited = TEXT
            .replace("Tuesday", "Tuesday night")
            .replace("mayor", "city mayor");
        let b = signature(&edited).unwrap();
        assert!(similarity(&a, &b) > 0.5, "{}", similarity(&a, &b));
        let other = signature(
            "Heavy rain flooded several villages in the north of the country on Sunday, forcing \
             hundreds of families from their homes as rivers burst their banks and roads were cut \
             off, the emergency services said in a statement issued late in the afternoon.",
        )
        .unwrap();
        assert!(similarity(&a, &other) < 0.1);
        assert_eq!(from_bytes(&to_bytes(&a)), Some(a));
    }

    #[test]
    fn short_texts_have_no_signature() {
        assert!(signature("Too short to say").is_none());
    }
}
