//! A seeded xorshift generator for the equality tests that check a fast path against the plain
//! one on random texts: deterministic, so a failure names a text that reproduces.

pub(crate) struct XorShift(u64);

impl XorShift {
    pub(crate) fn new(seed: u64) -> Self {
        XorShift(seed)
    }

    /// A number below `m` (which must not be zero).
    pub(crate) fn below(&mut self, m: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % m as u64) as usize
    }

    /// Up to `max_words - 1` words drawn from `words`, joined by spaces.
    pub(crate) fn text(&mut self, words: &[&str], max_words: usize) -> String {
        let n = self.below(max_words);
        (0..n)
            .map(|_| words[self.below(words.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}
