//! A sentence seen as a slice of tokens with their text and lower-cased text, so that the
//! recognisers index words by position instead of re-reading the document.

use claimtrail_text::{Doc, Sentence, TokenKind};

pub struct Tok<'a> {
    pub text: &'a str,
    pub lower: String,
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
                lower: tt.to_lowercase(),
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
        self.toks.get(i).map_or("", |t| t.lower.as_str())
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
