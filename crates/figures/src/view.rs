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

/// The lower-cased form of a token: for ASCII, its range of `lower` (the text with ASCII
/// letters lower-cased, [`lowered`]); other tokens take the full Unicode mapping.
fn lower<'a>(t: &'a str, lower: &'a str, start: usize, end: usize) -> Cow<'a, str> {
    match lower.get(start..end) {
        Some(l) if t.is_ascii() => Cow::Borrowed(l),
        _ => Cow::Owned(t.to_lowercase()),
    }
}

/// The document's text with its ASCII letters lower-cased (the same byte offsets): what
/// [`View::new`] borrows the lower-cased forms from, one copy per document instead of one per
/// capitalised token.
pub fn lowered(doc: &Doc) -> String {
    doc.text.to_ascii_lowercase()
}

pub struct View<'a> {
    pub toks: Vec<Tok<'a>>,
}

impl<'a> View<'a> {
    /// The view of sentence `s`; `lower` is [`lowered`] of `doc`.
    pub fn new(doc: &Doc<'a>, s: &Sentence, lower: &'a str) -> Self {
        let text = doc.text;
        let mut toks = Vec::with_capacity(s.end_token.saturating_sub(s.first_token));
        let mut prev_end = s.start;
        for t in doc.tokens.get(s.first_token..s.end_token).unwrap_or(&[]) {
            let tt = text.get(t.start..t.end).unwrap_or("");
            toks.push(Tok {
                text: tt,
                lower: self::lower(tt, lower, t.start, t.end),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Borrowed from the lower-cased text, each token's form is the token lower-cased on its
    /// own, ASCII or not.
    #[test]
    fn tokens_read_the_lower_cased_text_as_their_own_lower_case() {
        let text = "The ÉTAT paid $5 BILLION to Zürich's İstanbul office; naïve Straße, ΑΘΉΝΑ.";
        let d = Doc::new(text);
        let l = lowered(&d);
        let mut n = 0;
        for s in &d.sentences {
            let v = View::new(&d, s, &l);
            for t in &v.toks {
                assert_eq!(t.lower, t.text.to_lowercase(), "{:?}", t.text);
                n += 1;
            }
        }
        assert!(n > 12);
        assert_eq!(View::new(&d, &d.sentences[0], &l).lower(1), "état");
    }
}
