//! The shared document layer: one text, tokens and sentences as byte ranges into it, and the span
//! types each analysis stage adds (entities, quotes, figures, time expressions).
//!
//! Every stage crate (entities, quotes, times, figures) depends on this crate and on nothing of
//! each other's internals; the analysis crate wires them together.

mod layers;
mod sentences;
mod tokens;

pub use layers::{Entity, EntityKind, Figure, Hedge, Quote, QuoteKind, TimeExpr, TimexType};
pub use sentences::split_sentences;
pub use tokens::{tokenize, Token, TokenKind};

/// Longest name, in tokens. The longest names in news run to a dozen ("U.S. Department of
/// Agriculture, Center for Nutrition Policy and Promotion"); a longer capitalised run is a list,
/// a shouted line or a hostile page, and as a speaker or claimant it would be stored, indexed
/// and shown whole (a 3,000-word run overflowed PostgreSQL's index rows).
pub const MAX_NAME_TOKENS: usize = 20;

/// Longest name, in bytes: four times the longest organisation names in news. A "word" of
/// thousands of letters is no name either, and was stored and indexed as one.
pub const MAX_NAME_BYTES: usize = 256;

/// Whether `name` is within [`MAX_NAME_TOKENS`] words and [`MAX_NAME_BYTES`] bytes.
pub fn is_name_sized(name: &str) -> bool {
    name.len() <= MAX_NAME_BYTES && name.split_whitespace().count() <= MAX_NAME_TOKENS
}

/// A sentence: its byte range and the range of its tokens in [`Doc::tokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub first_token: usize,
    pub end_token: usize,
}

/// A text with its tokens and sentences. Built once per article and read by every stage.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        Doc {
            text,
            tokens,
            sentences,
        }
    }

    /// The text of a token. Inlined: every stage calls it per token, across crates.
    #[inline]
    pub fn token_text(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Whether tokens `a..b` are few and short enough to be a name ([`MAX_NAME_TOKENS`],
    /// [`MAX_NAME_BYTES`]): every stage that builds names (the entity tagger, speakers' capitalised
    /// runs) holds to the same bound.
    #[inline]
    pub fn fits_a_name(&self, a: usize, b: usize) -> bool {
        a < b
            && b <= self.tokens.len()
            && b - a <= MAX_NAME_TOKENS
            && self.tokens[b - 1].end - self.tokens[a].start <= MAX_NAME_BYTES
    }

    /// The tokens of a sentence.
    #[inline]
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.first_token..s.end_token]
    }

    /// The index of the sentence holding byte offset `pos`, if any.
    #[inline]
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_bounded_in_tokens_and_in_bytes() {
        let text = format!(
            "Ann Lee met {} and Z{} today.",
            vec!["Bo"; MAX_NAME_TOKENS + 1].join(" "),
            "q".repeat(MAX_NAME_BYTES)
        );
        let doc = Doc::new(&text);
        assert!(doc.fits_a_name(0, 2));
        assert!(!doc.fits_a_name(1, 1), "an empty span is no name");
        assert!(doc.fits_a_name(3, 3 + MAX_NAME_TOKENS));
        assert!(!doc.fits_a_name(3, 4 + MAX_NAME_TOKENS));
        let long = doc
            .tokens
            .iter()
            .position(|t| t.end - t.start > MAX_NAME_BYTES)
            .unwrap();
        assert!(!doc.fits_a_name(long, long + 1));
        assert!(!doc.fits_a_name(0, doc.tokens.len() + 1));
        assert!(is_name_sized("Ann Lee"));
        assert!(!is_name_sized(&"q".repeat(MAX_NAME_BYTES + 1)));
        assert!(!is_name_sized(&vec!["Bo"; MAX_NAME_TOKENS + 1].join(" ")));
    }
}
