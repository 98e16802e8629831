//! Bounds on the work and memory one document may cost. A hostile or runaway page (60 MB of
//! varied paragraphs once gave 773k quotes, 1.5M figures, 3.5 GB of memory and five minutes)
//! must cost no more than a large real article: its text is kept up to a limit, the stages read
//! it in sections of bounded size, and analysis stops once a kind of item reaches its cap.
//! Every bound that bites leaves a warning on the document.

/// Per-document bounds. The defaults sit far above any real article (a long read is under
/// 200 KB of text, with hundreds of quotes and a few thousand entity mentions at most), so they
/// only ever change the analysis of pages that are not articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// Most entity mentions kept.
    pub entities: usize,
    /// Most quotes kept.
    pub quotes: usize,
    /// Most figures kept.
    pub figures: usize,
    /// Most time expressions kept.
    pub times: usize,
    /// Most bytes of article text kept and analysed; the rest is cut at a paragraph break.
    pub text_bytes: usize,
    /// Longest stretch of text the stages read at once: their memory is proportional to it,
    /// and any cost worse than linear in a paragraph is bounded by it.
    pub section_bytes: usize,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            entities: 20_000,
            quotes: 10_000,
            figures: 10_000,
            times: 10_000,
            text_bytes: 4 << 20,
            section_bytes: 1 << 20,
        }
    }
}

/// Where a piece of `text` starting at `start` and at most `max` bytes long should end: at the
/// last paragraph break in its second half, else the last line break, sentence end or space
/// there, else at the character boundary at `max`. Always past `start` (one character at
/// least) unless `start` is the end of the text; linear in `max`.
pub(crate) fn piece_end(text: &str, start: usize, max: usize) -> usize {
    if text.len() - start <= max {
        return text.len();
    }
    let limit = floor_boundary(text, start + max);
    let low = floor_boundary(text, start + max / 2).max(start);
    let window = &text[low..limit];
    for sep in ["\n\n", "\n", ". ", " "] {
        if let Some(i) = window.rfind(sep) {
            let end = low + i + sep.len();
            if end > start {
                return end;
            }
        }
    }
    if limit > start {
        limit
    } else {
        // `max` is shorter than the character at `start`: take that one character.
        ceil_boundary(text, start + 1)
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Cuts `text` to at most `limit` bytes at a paragraph break (see [`piece_end`]); the warning
/// says what was left out.
pub(crate) fn cut_text(text: &mut String, limit: usize) -> Option<String> {
    if text.len() <= limit {
        return None;
    }
    let whole = text.len();
    let end = piece_end(text, 0, limit);
    text.truncate(end);
    let kept = text.trim_end().len();
    text.truncate(kept);
    Some(format!(
        "article text of {whole} bytes cut to its first {kept} bytes (the per-document text \
         limit is {limit} bytes); the rest was neither analysed nor kept"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_ends_at_the_last_paragraph_break_in_reach() {
        let text = "aaaa bbbb.\n\ncccc dddd. eeee\n\nffff";
        assert_eq!(piece_end(text, 0, 100), text.len());
        let end = piece_end(text, 0, 26);
        assert_eq!(&text[..end], "aaaa bbbb.\n\ncccc dddd. ");
        let end = piece_end(text, 0, 14);
        assert_eq!(&text[..end], "aaaa bbbb.\n\n");
    }

    #[test]
    fn a_piece_without_breaks_ends_on_a_character_boundary() {
        let text = "ééééééééé";
        let end = piece_end(text, 0, 5);
        assert_eq!(end, 4);
        assert!(text.is_char_boundary(end));
        // A limit shorter than one character still moves on by a whole character.
        assert_eq!(piece_end(text, 0, 1), 2);
        assert_eq!(piece_end(text, 16, 1), text.len());
    }

    #[test]
    fn pieces_cover_any_text_in_order() {
        for text in [
            "",
            "x",
            "a b c d e f g h",
            "ü\n\nü\nü ü.ü",
            &"word ".repeat(50),
        ] {
            for max in 1..12 {
                let mut start = 0;
                let mut rebuilt = String::new();
                while start < text.len() {
                    let end = piece_end(text, start, max);
                    assert!(end > start && end <= text.len());
                    rebuilt.push_str(&text[start..end]);
                    start = end;
                }
                assert_eq!(rebuilt, text);
            }
        }
    }

    #[test]
    fn text_past_the_limit_is_cut_at_a_paragraph_with_a_warning() {
        let mut text = "First paragraph here.\n\nSecond one.\n\nThird paragraph.".to_string();
        let w = cut_text(&mut text, 40).unwrap();
        assert_eq!(text, "First paragraph here.\n\nSecond one.");
        assert!(w.contains("52 bytes cut to its first 34 bytes"), "{w}");
        let mut short = "Short.".to_string();
        assert_eq!(cut_text(&mut short, 40), None);
        assert_eq!(short, "Short.");
    }
}
