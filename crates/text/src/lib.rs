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
