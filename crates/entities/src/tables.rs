//! Read-only hash tables laid out by the build script and read in place from the binary: the
//! wide gazetteer lists and the word classes. Built as hash maps at every start they cost about
//! 6 ms (a few per cent of a run over a few hundred texts), and each lookup went through two or
//! four maps; a table here is one array of 8-byte slots, open addressing with linear probing,
//! under half full, so a lookup mostly reads one cache line.
//!
//! This file is compiled twice: into the crate, and into `build.rs` (by `#[path]`), so the two
//! sides cannot disagree on the hash or the layout. It depends on nothing but `std`.

/// The slot count's log2 for `n` entries: at most half full, so a missing key (the common case)
/// stops within a slot or two.
pub fn slot_bits(n: usize) -> u32 {
    let mut bits = 4;
    while (1usize << bits) < n * 2 {
        bits += 1;
    }
    bits
}

/// The slot at `i` of a table's bytes (0, an empty slot, past the end).
#[inline(always)]
fn slot(bytes: &[u8], i: usize) -> u64 {
    match bytes.get(i * 8..i * 8 + 8) {
        Some(b) => {
            let mut a = [0u8; 8];
            a.copy_from_slice(b);
            u64::from_le_bytes(a)
        }
        None => 0,
    }
}

/// log2 of a table's slot count (its bytes are a power of two slots); 0 for no table.
fn bits_of(bytes: &[u8]) -> u32 {
    let n = bytes.len() / 8;
    if n.is_power_of_two() {
        n.trailing_zeros()
    } else {
        0
    }
}

/// The hash of a gazetteer key: eight bytes a step, then the splitmix64 finaliser.
#[inline]
pub fn hash(b: &[u8]) -> u64 {
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(a))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h ^ tail(rest))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The bytes of a chunk shorter than eight as a little-endian `u64`, zero above them: what
/// copying them into a zeroed `[u8; 8]` reads, without the copy (a variable-length `memcpy`
/// call whose bytes the next load then waits for: most of a word's hashing time). Two loads
/// that may overlap cover 2–3 and 4–7 bytes; an overlapped byte is OR-ed with itself.
#[inline(always)]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    let u32_at = |i: usize| {
        rest.get(i..i + 4).map_or(0, |b| {
            u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        })
    };
    let u16_at = |i: usize| {
        rest.get(i..i + 2)
            .map_or(0, |b| u64::from(u16::from_le_bytes([b[0], b[1]])))
    };
    if n >= 4 {
        u32_at(0) | u32_at(n - 4) << (8 * (n - 4))
    } else if n >= 2 {
        u16_at(0) | u16_at(n - 2) << (8 * (n - 2))
    } else {
        rest.first().map_or(0, |&b| u64::from(b))
    }
}

/// A key of the wide table is also the start of a longer entry ("rio de" of "rio de janeiro").
pub const PREFIX: u8 = 0x80;

/// Lays out the wide lists: every line of each file (`files`: its text and the flag bit it
/// gives, under [`PREFIX`]) is a key, with the flags of every file it is a line of, and every
/// proper word prefix of a line is a key with [`PREFIX`]. Keys point into `blob`, the files
/// back to back, so no string is stored twice. Returns the slots and the most words in a line.
///
/// A slot: bits 0–31 the key's offset in the blob, 32–39 its length (never 0: 0 is an empty
/// slot), 40–47 its flags, 48–63 the low 16 bits of its hash (most mismatches stop there).
#[allow(dead_code)] // the build script's; the crate only reads
pub fn build_wide(files: &[(&str, u8)]) -> (Vec<u8>, usize) {
    // (offset, length, flags), in first-seen order; keyed by the key's text.
    let mut keys: Vec<(usize, usize, u8)> = Vec::new();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut base = 0;
    let mut max_words = 1;
    for &(text, flag) in files {
        for l in text.lines() {
            let l = l.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let off = base + (l.as_ptr() as usize - text.as_ptr() as usize);
            let mut put = |len: usize, f: u8| {
                let k = &l[..len];
                match seen.get(k) {
                    Some(&i) => keys[i].2 |= f,
                    None => {
                        seen.insert(k, keys.len());
                        keys.push((off, len, f));
                    }
                }
            };
            let mut words = 1;
            for (k, _) in l.match_indices(' ') {
                put(k, PREFIX);
                words += 1;
            }
            put(l.len(), flag);
            max_words = max_words.max(words);
        }
        base += text.len();
    }
    let blob: Vec<&str> = files.iter().map(|f| f.0).collect();
    let blob = blob.concat();
    let bits = slot_bits(keys.len());
    let mask = (1usize << bits) - 1;
    let mut slots = vec![0u64; 1 << bits];
    for &(off, len, f) in &keys {
        assert!(
            len > 0 && len < 256 && off <= u32::MAX as usize,
            "wide key too long"
        );
        let h = hash(&blob.as_bytes()[off..off + len]);
        let mut i = (h >> (64 - bits)) as usize;
        while slots[i] != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = off as u64 | (len as u64) << 32 | (f as u64) << 40 | (h & 0xffff) << 48;
    }
    (
        slots.iter().flat_map(|s| s.to_le_bytes()).collect(),
        max_words,
    )
}

/// Asks the CPU to start loading the slot at `i`; a hint only. The tables are megabytes, so a
/// lookup misses the caches: callers that know their keys ahead prefetch their slots.
#[inline(always)]
fn prefetch_slot(bytes: &[u8], i: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(b) = bytes.get(i * 8) {
        // SAFETY: a prefetch never faults and reads nothing into the program; the pointer
        // comes from a reference. SSE is part of the x86_64 baseline.
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch::<_MM_HINT_T0>((b as *const u8).cast::<i8>());
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (bytes, i);
}

/// Starts loading the home slot of a key of hash `h` (from [`hash`]) in a wide table.
#[inline(always)]
pub fn prefetch_wide(slots: &[u8], h: u64) {
    let bits = bits_of(slots);
    if bits != 0 {
        prefetch_slot(slots, (h >> (64 - bits)) as usize);
    }
}

/// The flags of `key`, whose [`hash`] is `h`, in a wide table laid out by [`build_wide`] over
/// `blob` (0: not a key).
#[inline]
pub fn wide_flags(slots: &[u8], blob: &[u8], key: &[u8], h: u64) -> u8 {
    let bits = bits_of(slots);
    if bits == 0 {
        return 0;
    }
    let mask = (1usize << bits) - 1;
    let tag = h & 0xffff;
    let mut i = (h >> (64 - bits)) as usize;
    loop {
        let s = slot(slots, i);
        let len = (s >> 32) as u8 as usize;
        if len == 0 {
            return 0;
        }
        if s >> 48 == tag && len == key.len() {
            let off = s as u32 as usize;
            if blob.get(off..off + len) == Some(key) {
                return (s >> 40) as u8;
            }
        }
        i = (i + 1) & mask;
    }
}

/// Lays out the word classes: `entries` (key, classes), the first of a repeated key kept, as a
/// hash map would keep it. A slot: the key in bits 32–63, the classes in bits 16–31 and 0–15;
/// all-zero classes are an empty slot (and what a missing key reads).
pub fn build_clusters(entries: &[(u32, [u16; 2])]) -> Vec<u8> {
    let mut seen = std::collections::HashSet::new();
    let kept: Vec<(u32, [u16; 2])> = entries
        .iter()
        .filter(|e| seen.insert(e.0))
        .filter(|e| e.1 != [0, 0])
        .copied()
        .collect();
    let bits = slot_bits(kept.len());
    let mask = (1usize << bits) - 1;
    let mut slots = vec![0u64; 1 << bits];
    for (k, [a, b]) in kept {
        let mut i = cluster_slot(k, bits);
        while slots[i] != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = (k as u64) << 32 | (a as u64) << 16 | b as u64;
    }
    slots.iter().flat_map(|s| s.to_le_bytes()).collect()
}

/// The home slot of a word-class key (already a hash's high bits; the multiply spreads the
/// bits the index takes).
#[inline(always)]
fn cluster_slot(k: u32, bits: u32) -> usize {
    (k.wrapping_mul(0x9e37_79b1) >> (32 - bits)) as usize
}

/// Starts loading the home slot of `key` in a word-class table.
#[inline(always)]
pub fn prefetch_cluster(slots: &[u8], key: u32) {
    let bits = bits_of(slots);
    if bits != 0 {
        prefetch_slot(slots, cluster_slot(key, bits));
    }
}

/// The classes of `key` in a table laid out by [`build_clusters`] (zeros: unknown).
#[inline]
pub fn cluster_classes(slots: &[u8], key: u32) -> [u16; 2] {
    let bits = bits_of(slots);
    if bits == 0 {
        return [0, 0];
    }
    let mask = (1usize << bits) - 1;
    let mut i = cluster_slot(key, bits);
    loop {
        let s = slot(slots, i);
        if s as u32 == 0 {
            return [0, 0];
        }
        if (s >> 32) as u32 == key {
            return [(s >> 16) as u16, s as u16];
        }
        i = (i + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`hash`] as first written: the tail copied into a zeroed array.
    fn hash_by_copy(b: &[u8]) -> u64 {
        let mut h = b.len() as u64;
        for c in b.chunks(8) {
            let mut a = [0u8; 8];
            a[..c.len()].copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(a))
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                .rotate_left(29);
        }
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }

    #[test]
    fn tails_read_as_copied_at_every_length() {
        let bytes: Vec<u8> = (0u8..40)
            .map(|i| i.wrapping_mul(37).wrapping_add(0x81))
            .collect();
        for from in 0..8 {
            for len in 0..=bytes.len() - from {
                let b = &bytes[from..from + len];
                assert_eq!(hash(b), hash_by_copy(b), "{from} {len}");
            }
        }
        for n in 0..8 {
            let b = vec![0xffu8; n];
            let mut a = [0u8; 8];
            a[..n].copy_from_slice(&b);
            assert_eq!(tail(&b), u64::from_le_bytes(a), "{n}");
        }
        assert_eq!(
            hash("rio de janeiro".as_bytes()),
            hash_by_copy(b"rio de janeiro")
        );
    }
}
