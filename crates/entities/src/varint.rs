//! LEB128-style unsigned varints, the integer encoding of the model and cluster files, and the
//! reader of the cluster file's entries (shared with `build.rs`, which lays them out).

/// Appends `v` in 7-bit groups, low first, the high bit marking that more follow.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Reads one varint at `pos`, moving past it; `None` when the bytes end or it overflows.
pub(crate) fn get_varint(raw: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = *raw.get(*pos)?;
        *pos += 1;
        v |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

/// The first bytes of an inflated word-class file.
pub(crate) const CLUSTERS_MAGIC: &[u8; 8] = b"CTCLU\x00\x00\x01";

/// The (key, classes) entries of an inflated word-class file, in file order: each key as a
/// delta from the one before, then its two classes. `None` for a file to turn down.
pub(crate) fn cluster_entries(raw: &[u8]) -> Option<Vec<(u32, [u16; 2])>> {
    if raw.get(..8)? != CLUSTERS_MAGIC {
        return None;
    }
    let mut pos = 8;
    let mut k = 0u32;
    let mut out = Vec::new();
    while pos < raw.len() {
        k = k.wrapping_add(get_varint(raw, &mut pos)? as u32);
        let mut cls = [0u16; 2];
        for c in &mut cls {
            *c = u16::try_from(get_varint(raw, &mut pos)?).ok()?;
        }
        out.push((k, cls));
    }
    Some(out)
}
