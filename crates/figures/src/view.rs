//! A sentence seen as a slice of tokens with their text and lower-cased text, so that the
//! recognisers index words by position instead of re-reading the document.

use claimtrail_text::{Doc, Sentence, TokenKind};
use std::borrow::Cow;

pub struct Tok<'a> {
    pub text: &'a str,
    /// Lower-cased text, borrowed when that is the text itself (most tokens).
    pub lower: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whitespace (or nothing) between this token and the previous one.
    pub gap: &'a str,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn glued(&self) -> bool {
        self.gap.is_empty()
    }
}

/// The lower-cased form of a token, without copying one that has no upper case ASCII letters
/// (non-ASCII text takes the full Unicode mapping, as before).
fn lower(t: &str) -> Cow<'_, str> {
    if t.is_ascii() {
        if t.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(t.to_ascii_lowercase())
        } else {
            Cow::Borrowed(t)
        }
    } else {
        Cow::Owned(t.to_lowercase())
    }
}

pub struct View<'a> {
    pub toks: Vec<Tok<'a>>,
}

impl<'a> View<'a> {
    pub fn new(doc: &Doc<'a>, s: &Sentence) -> Self {
        let text = doc.text;
        let mut toks = Vec::with_capacity(s.end_token.saturating_sub(s.first_token));
        let mut prev_end = s.start;
        for t in doc.tokens.get(s.first_token..s.end_token).unwrap_or(&[]) {
            let tt = text.get(t.start..t.end).unwrap_or("");
            toks.push(Tok {
                text: tt,
                lower: lower(tt),
                start: t.start,
                end: t.end,
                kind: t.kind,
                gap: text.get(prev_end..t.start).unwrap_or(" "),
            });
            prev_end = t.end;
        }
        View { toks }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &*t.lower)
    }

    pub fn text(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text)
    }

    /// Byte range of tokens `a..b` in the document.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|e| self.toks.get(e)),
        ) {
            (Some(x), Some(y)) if b > a => (x.start, y.end),
            _ => (0, 0),
        }
    }
}
