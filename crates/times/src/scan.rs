//! The token stream the grammar reads: the document's tokens, with hyphenated and slashed words
//! split into their parts ("mid-October" → "mid" "-" "october", "2024-10-28" → five pieces) so
//! one grammar covers "third-quarter" and "third quarter" alike. Each piece keeps its byte range.

use claimtrail_text::{Doc, TokenKind};

/// One piece of text the grammar matches on.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lower-cased text, a trailing full stop of an abbreviation removed ("oct." → "oct").
    pub w: String,
    /// Whitespace (or the start of text) before the piece.
    pub gap: bool,
    /// The piece starts with an upper-case letter.
    pub cap: bool,
    /// All ASCII digits: the number and its digit count.
    pub num: Option<(u32, usize)>,
}

impl Tok {
    /// Sentence punctuation that no expression crosses.
    pub fn is_boundary(&self) -> bool {
        matches!(self.w.as_str(), "." | "!" | "?" | ";" | "\n")
    }
}

fn piece(text: &str, start: usize, end: usize, prev_end: Option<usize>) -> Tok {
    let raw = &text[start..end];
    // ASCII (nearly every piece) lower-cases byte by byte, skipping the Unicode mapping.
    let mut w = if raw.is_ascii() {
        raw.to_ascii_lowercase()
    } else {
        raw.to_lowercase()
    };
    if w.len() > 1 && w.ends_with('.') && w[..w.len() - 1].chars().any(char::is_alphabetic) {
        w.pop();
    }
    let gap = match prev_end {
        None => true,
        Some(p) => p < start,
    };
    let num = if !raw.is_empty() && raw.len() <= 9 && raw.bytes().all(|b| b.is_ascii_digit()) {
        raw.parse().ok().map(|n| (n, raw.len()))
    } else {
        None
    };
    Tok {
        start,
        end,
        w,
        gap,
        cap: raw.chars().next().is_some_and(char::is_uppercase),
        num,
    }
}

/// Splits the document's tokens into grammar pieces.
pub(crate) fn scan(doc: &Doc) -> Vec<Tok> {
    let text = doc.text;
    let mut out: Vec<Tok> = Vec::with_capacity(doc.tokens.len() + doc.tokens.len() / 8);
    let mut prev_end: Option<usize> = None;
    for t in &doc.tokens {
        // A paragraph break is a boundary the grammar must not cross.
        if let Some(p) = prev_end {
            if text.get(p..t.start).is_some_and(|g| g.contains('\n')) {
                out.push(Tok {
                    start: p,
                    end: p,
                    w: "\n".into(),
                    gap: true,
                    cap: false,
                    num: None,
                });
            }
        }
        let raw = &text[t.start..t.end];
        // Dotted dates ("13.5.2015") arrive as one number token: two dots split it.
        let dotted = raw.bytes().filter(|&b| b == b'.').count() == 2
            && raw.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        // "12,2015" is a day and a year, not twelve thousand: a comma group that is not three
        // digits long is no thousands separator.
        let comma_split = t.kind == TokenKind::Number
            && raw.contains(',')
            && raw.split(',').skip(1).any(|g| g.len() != 3);
        if comma_split {
            let mut s = t.start;
            for (off, c) in raw.char_indices() {
                if c == ',' {
                    let pos = t.start + off;
                    out.push(piece(text, s, pos, prev_end));
                    out.push(piece(text, pos, pos + 1, Some(pos)));
                    prev_end = Some(pos + 1);
                    s = pos + 1;
                }
            }
            out.push(piece(text, s, t.end, prev_end));
        } else if dotted
            || t.kind == TokenKind::Word
                && raw.len() > 1
                && (raw.contains('-') || raw.contains('/'))
        {
            let mut s = t.start;
            for (off, c) in raw.char_indices() {
                if c == '-' || c == '/' || dotted && c == '.' {
                    let pos = t.start + off;
                    if pos > s {
                        out.push(piece(text, s, pos, prev_end));
                        prev_end = Some(pos);
                    }
                    out.push(piece(text, pos, pos + 1, prev_end));
                    prev_end = Some(pos + 1);
                    s = pos + 1;
                }
            }
            if s < t.end {
                out.push(piece(text, s, t.end, prev_end));
            }
        } else {
            out.push(piece(text, t.start, t.end, prev_end));
        }
        prev_end = Some(t.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        scan(&Doc::new(t)).into_iter().map(|p| p.w).collect()
    }

    #[test]
    fn hyphens_slashes_and_dotted_dates_are_split() {
        assert_eq!(words("mid-October"), vec!["mid", "-", "october"]);
        assert_eq!(words("2024-10-28"), vec!["2024", "-", "10", "-", "28"]);
        assert_eq!(words("13.5.2015"), vec!["13", ".", "5", ".", "2015"]);
        assert_eq!(words("08/12,2015"), vec!["08", "/", "12", ",", "2015"]);
    }

    #[test]
    fn abbreviations_lose_their_dot_and_numbers_are_read() {
        let p = scan(&Doc::new("Oct. 30"));
        assert_eq!(p[0].w, "oct");
        assert!(p[0].cap);
        assert_eq!(p[1].num, Some((30, 2)));
        assert_eq!(words("3,000 troops"), vec!["3,000", "troops"]);
    }
}
