//! Reading the data files: one entry a line, `entry | field field …`, `#` comment lines, blank
//! lines ignored. Tables are keyed by the lower-cased entry.

use rustc_hash::FxHashMap;

/// A table keyed by lower-cased entry. The stages look words up per token, and most words are in
/// no table: a sieve over the keys' length, first and last byte turns nearly all of them away in
/// a few instructions, before any hashing.
pub(crate) struct Table<T> {
    map: FxHashMap<Box<str>, T>,
    sieve: Sieve,
}

impl<T> Table<T> {
    /// The sieve is inlined into the callers; the hash lookup behind it is not.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<&T> {
        if self.sieve.may_hold(key.as_bytes()) {
            self.lookup(key)
        } else {
            None
        }
    }

    #[inline(never)]
    fn lookup(&self, key: &str) -> Option<&T> {
        self.map.get(key)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.map.iter().map(|(k, v)| (&**k, v))
    }
}

impl<T> FromIterator<(Box<str>, T)> for Table<T> {
    fn from_iter<I: IntoIterator<Item = (Box<str>, T)>>(entries: I) -> Self {
        let map: FxHashMap<Box<str>, T> = entries.into_iter().collect();
        let mut sieve = Sieve([0; SIEVE_WORDS]);
        for k in map.keys() {
            sieve.insert(k.as_bytes());
        }
        Table { map, sieve }
    }
}

const SIEVE_WORDS: usize = 64;

/// One bit per hashed (length, first byte, last byte) of the keys: 4,096 bits, so a table of a
/// few hundred keys lets through few words that are no key.
struct Sieve([u64; SIEVE_WORDS]);

impl Sieve {
    #[inline]
    fn slot(key: &[u8]) -> usize {
        let first = key.first().copied().unwrap_or(0) as u32;
        let last = key.last().copied().unwrap_or(0) as u32;
        let len = key.len().min(255) as u32;
        let x = (len << 16) | (first << 8) | last;
        (x.wrapping_mul(0x9e37_79b1) >> 20) as usize
    }

    fn insert(&mut self, key: &[u8]) {
        let s = Self::slot(key);
        self.0[s / 64] |= 1 << (s % 64);
    }

    #[inline]
    fn may_hold(&self, key: &[u8]) -> bool {
        let s = Self::slot(key);
        self.0[s / 64] & (1 << (s % 64)) != 0
    }
}

/// The `(entry, fields)` of every line that is neither blank nor a comment.
pub(crate) fn rows(text: &'static str) -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('|') {
            Some((entry, fields)) => (entry.trim(), fields.split_whitespace().collect()),
            None => (l, Vec::new()),
        })
}

/// A table of the rows of `text`, each value made by `parse` from the entry and its fields.
pub(crate) fn table<T>(
    text: &'static str,
    mut parse: impl FnMut(&'static str, &[&'static str]) -> T,
) -> Table<T> {
    rows(text)
        .map(|(entry, fields)| (entry.to_lowercase().into_boxed_str(), parse(entry, &fields)))
        .collect()
}

/// Flags named by the tags of a row. An unknown tag is a mistake in a data file: the tests load
/// every table in debug builds, where it fails loudly.
pub(crate) fn flags<const N: usize>(fields: &[&str], names: [&str; N], file: &str) -> [bool; N] {
    let mut out = [false; N];
    for f in fields {
        match names.iter().position(|n| n == f) {
            Some(i) => out[i] = true,
            None => data_error(file, f),
        }
    }
    out
}

/// A number field; a malformed one is a mistake in a data file (see [`flags`]).
pub(crate) fn number(field: Option<&&str>, file: &str) -> u64 {
    let n = field.and_then(|f| f.parse().ok());
    if n.is_none() {
        data_error(file, field.copied().unwrap_or("(none)"));
    }
    n.unwrap_or(0)
}

/// A mistake in a compiled-in data file: loud in debug builds (the tests load every table),
/// ignored in release builds, where the entry keeps its defaults.
pub(crate) fn data_error(file: &str, what: &str) {
    if cfg!(debug_assertions) {
        panic!("lexicon data file {file}: cannot read {what:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_and_split_fields() {
        let r: Vec<_> = rows("# c\n\nmay | 5 ambiguous\n  plain  \n").collect();
        assert_eq!(
            r,
            vec![("may", vec!["5", "ambiguous"]), ("plain", Vec::new())]
        );
    }

    #[test]
    fn the_sieve_never_turns_away_a_key() {
        let words = ["a", "", "twenty-first", "é", "sept", "x".repeat(300).leak()];
        let t: Table<usize> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (Box::from(*w), i))
            .collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w), Some(&i));
        }
        assert_eq!(t.get("b"), None);
        assert_eq!(t.get("septs"), None);
    }

    #[test]
    fn flags_follow_the_names() {
        assert_eq!(flags(&["b"], ["a", "b"], "t"), [false, true]);
    }
}
