//! Word classes learned from unlabeled text by `cluster-words` (`model/clusters.bin`): each
//! lower-cased word seen often enough gets a class at two granularities, so the tagger can
//! generalise from a word it was trained on to others used in the same contexts (a name never
//! seen in the labelled data, a lower-cased name in web text).

use crate::varint::{get_varint, put_varint};
use rustc_hash::FxHashMap;
use std::io::Read;
use std::sync::LazyLock;

const MAGIC: &[u8; 8] = b"CTCLU\x00\x00\x01";

/// Granularities stored per word.
pub const LEVELS: usize = 2;

pub static CLUSTERS: LazyLock<Clusters> = LazyLock::new(|| {
    // `model/clusters.bin` inflated by the build script.
    Clusters::from_raw(include_bytes!(concat!(env!("OUT_DIR"), "/clusters.raw")))
        .unwrap_or_default()
});

/// Word (the high 32 bits of its normalised hash) → class + 1 per level (0: unknown word).
#[derive(Default)]
pub struct Clusters {
    map: FxHashMap<u32, [u16; LEVELS]>,
}

/// The table key of a normalised word's hash.
#[inline]
pub fn key(norm: u64) -> u32 {
    (norm >> 32) as u32
}

impl Clusters {
    /// Classes (+1) of a word by its normalised hash; zeros when unknown.
    #[inline]
    pub fn get(&self, norm: u64) -> [u16; LEVELS] {
        self.map.get(&key(norm)).copied().unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Deflated: magic, then per word in increasing key order a varint key gap and LEVELS
    /// varint classes (+1).
    pub fn encode(entries: &mut [(u32, [u16; LEVELS])]) -> Vec<u8> {
        use std::io::Write;
        entries.sort_unstable_by_key(|e| e.0);
        let mut raw = MAGIC.to_vec();
        let mut last = 0u32;
        for &(k, cls) in entries.iter() {
            put_varint(&mut raw, k.wrapping_sub(last) as u64);
            last = k;
            for c in cls {
                put_varint(&mut raw, c as u64);
            }
        }
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = enc.write_all(&raw);
        enc.finish().unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Clusters> {
        if bytes.is_empty() {
            return Some(Clusters::default());
        }
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(bytes)
            .read_to_end(&mut raw)
            .ok()?;
        Clusters::from_raw(&raw)
    }

    /// [`Clusters::from_bytes`] of bytes already inflated.
    pub fn from_raw(raw: &[u8]) -> Option<Clusters> {
        if raw.get(..8)? != MAGIC {
            return None;
        }
        let mut pos = 8;
        let mut k = 0u32;
        let mut map = FxHashMap::default();
        while pos < raw.len() {
            k = k.wrapping_add(get_varint(raw, &mut pos)? as u32);
            let mut cls = [0u16; LEVELS];
            for c in &mut cls {
                *c = u16::try_from(get_varint(raw, &mut pos)?).ok()?;
            }
            map.entry(k).or_insert(cls);
        }
        Some(Clusters { map })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_garbage() {
        let mut e = vec![(7u32, [3u16, 300]), (1, [1, 2]), (u32::MAX, [65535, 1])];
        let c = Clusters::from_bytes(&Clusters::encode(&mut e)).expect("decodes");
        assert_eq!(c.len(), 3);
        assert_eq!(c.get(7u64 << 32), [3, 300]);
        assert_eq!(c.get(u64::MAX), [65535, 1]);
        assert_eq!(c.get(5u64 << 32), [0, 0]);
        assert!(Clusters::from_bytes(b"not clusters").is_none());
    }
}
