//! Word classes learned from unlabeled text by `cluster-words` (`model/clusters.bin`): each
//! lower-cased word seen often enough gets a class at two granularities, so the tagger can
//! generalise from a word it was trained on to others used in the same contexts (a name never
//! seen in the labelled data, a lower-cased name in web text).

use crate::tables;
use crate::varint::{cluster_entries, put_varint};
use std::borrow::Cow;
use std::io::Read;
use std::sync::LazyLock;

use crate::varint::CLUSTERS_MAGIC as MAGIC;

/// Granularities stored per word.
pub const LEVELS: usize = 2;

/// `model/clusters.bin` laid out by the build script as a table read in place: no map to
/// build at start-up, one slot read per lookup.
pub static CLUSTERS: LazyLock<Clusters> = LazyLock::new(|| Clusters {
    table: Cow::Borrowed(include_bytes!(concat!(env!("OUT_DIR"), "/clusters.table"))),
});

/// Word (the high 32 bits of its normalised hash) → class + 1 per level (0: unknown word), as
/// a table of [`tables::build_clusters`].
#[derive(Default)]
pub struct Clusters {
    table: Cow<'static, [u8]>,
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
        tables::cluster_classes(&self.table, key(norm))
    }

    /// Starts loading what [`Clusters::get`] of `norm` reads; a hint only.
    #[inline]
    pub fn prefetch(&self, norm: u64) {
        tables::prefetch_cluster(&self.table, key(norm))
    }

    /// Words with a class.
    pub fn len(&self) -> usize {
        self.table
            .chunks_exact(8)
            .filter(|s| s[..4] != [0, 0, 0, 0])
            .count()
    }

    pub fn is_empty(&self) -> bool {
        !self.table.chunks_exact(8).any(|s| s[..4] != [0, 0, 0, 0])
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
        let entries = cluster_entries(raw)?;
        Some(Clusters {
            table: Cow::Owned(tables::build_clusters(&entries)),
        })
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

    /// The word classes as a hash map, the way they were read before the table: the first of
    /// a repeated key kept.
    fn as_map(raw: &[u8]) -> rustc_hash::FxHashMap<u32, [u16; LEVELS]> {
        let mut map = rustc_hash::FxHashMap::default();
        for (k, cls) in cluster_entries(raw).expect("a word-class file") {
            map.entry(k).or_insert(cls);
        }
        map
    }

    #[test]
    fn the_embedded_table_answers_as_the_map_did() {
        let raw = include_bytes!(concat!(env!("OUT_DIR"), "/clusters.raw"));
        let map = as_map(raw);
        assert!(map.len() > 10_000);
        for (&k, &cls) in &map {
            assert_eq!(CLUSTERS.get((k as u64) << 32 | 0xabcd), cls, "{k}");
        }
        assert_eq!(
            CLUSTERS.len(),
            map.values().filter(|c| **c != [0, 0]).count()
        );
        // Keys outside the table, including neighbours of every key (probe runs end right).
        let mut x = 0x1234_5678_9abc_def0u64;
        for _ in 0..200_000 {
            x = crate::features::mix(x, 7);
            let k = (x >> 32) as u32;
            for k in [k, k.wrapping_add(1)] {
                let want = map.get(&k).copied().unwrap_or([0, 0]);
                assert_eq!(CLUSTERS.get((k as u64) << 32), want, "{k}");
            }
        }
        for &k in map.keys() {
            let k = k.wrapping_add(1);
            let want = map.get(&k).copied().unwrap_or([0, 0]);
            assert_eq!(CLUSTERS.get((k as u64) << 32), want, "{k}");
        }
    }

    #[test]
    fn a_repeated_key_keeps_its_first_classes() {
        let e = [(9u32, [0u16, 0]), (9, [4, 5]), (3, [1, 1]), (3, [2, 2])];
        let raw = {
            let mut r = MAGIC.to_vec();
            let mut last = 0u32;
            for &(k, c) in &e {
                put_varint(&mut r, k.wrapping_sub(last) as u64);
                last = k;
                for x in c {
                    put_varint(&mut r, x as u64);
                }
            }
            r
        };
        let c = Clusters::from_raw(&raw).unwrap();
        assert_eq!(c.get(9u64 << 32), [0, 0]);
        assert_eq!(c.get(3u64 << 32), [1, 1]);
        assert_eq!(c.len(), 1);
    }
}
