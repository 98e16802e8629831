//! Boilerplate that survives main-content extraction, removed from the extracted text: blocks the
//! page repeats (footers rendered once per layout, teaser labels) and the tail that starts at a
//! heading introducing other pages ("Related articles", "About the author", "Comments").

use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Repeats of paragraphs shorter than this stay: short headings ("Pros", "Cons") recur in
/// real articles.
const MIN_REPEAT_WORDS: usize = 5;
/// Longest paragraph taken for a tail heading.
const MAX_HEADING_WORDS: usize = 6;
/// A tail heading counts only once this share of the text's words lies before it, so that an
/// early "Comments" or "Tags" line does not cut the article.
const MIN_LEAD_SHARE: f64 = 0.3;

static TAIL_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:related (?:posts|articles|stories|topics|reading|content)|you (?:might|may) also (?:like|be interested in|enjoy)|more (?:from|stories|articles)|recommended(?: for you| reading)?|about the (?:author|reviewer)|share this(?: article| post)?|comments?|popular (?:posts|stories)|latest (?:news|posts|articles)|further reading|footnotes|tags?|filed under.*)[:.!…]?$",
    )
    .expect("static regex")
});

/// `text` (paragraphs separated by blank lines) without repeated paragraphs and without the
/// related/comments tail.
pub fn remove(text: &str) -> String {
    let total = text.split_whitespace().count();
    let mut seen = HashSet::new();
    let mut kept: Vec<&str> = Vec::new();
    let mut words_before = 0usize;
    for p in text.split("\n\n") {
        let n = p.split_whitespace().count();
        if n <= MAX_HEADING_WORDS
            && words_before as f64 >= MIN_LEAD_SHARE * total as f64
            && TAIL_HEADING.is_match(p.trim())
        {
            break;
        }
        words_before += n;
        // Repeated boilerplate is verbatim, so exact text is compared.
        if n >= MIN_REPEAT_WORDS && !seen.insert(p.trim()) {
            continue;
        }
        kept.push(p);
    }
    kept.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_blocks_and_related_tail_go() {
        let body = "The council approved the budget on Tuesday after a long debate.";
        let foot = "Copyright 2025 Example Media Inc, all rights reserved";
        let t = format!("{body}\n\n{foot}\n\nPros\n\n{body} Again.\n\nPros\n\n{foot}\n\nRelated articles\n\nOther story");
        assert_eq!(
            remove(&t),
            format!("{body}\n\n{foot}\n\nPros\n\n{body} Again.\n\nPros")
        );
    }

    #[test]
    fn early_heading_does_not_cut() {
        let t = "Tags\n\nThe council approved the budget on Tuesday after a long debate.";
        assert_eq!(remove(t), t);
    }
}
