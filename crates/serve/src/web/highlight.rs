//! The document page's text cut into runs at every span boundary, each run knowing which quotes,
//! figures and times cover it: the page shows the stored byte spans, not a search for their text.

use serde::Serialize;

/// One item to highlight: a byte range of the text.
#[derive(Debug, Clone)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// `quote`, `figure` or `time`.
    pub class: &'static str,
    /// The element id the run starting the span carries (`figure-3`), for links to it.
    pub anchor: String,
    /// What the span is, as a tooltip.
    pub note: String,
}

/// A run of text and what covers it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Run {
    pub text: String,
    /// Space-separated classes; empty for plain text.
    pub classes: String,
    /// The id of the span that starts here (figures first, then quotes, then times).
    pub id: Option<String>,
    /// Ids of other spans starting here, as empty anchors.
    pub anchors: Vec<String>,
    pub note: String,
}

/// Cuts `text` at the spans' boundaries. A span that is empty, out of the text or not on
/// character boundaries (a corrupt row) is left out rather than cut a character in two.
pub fn runs(text: &str, spans: &[Span]) -> Vec<Run> {
    let ok = |s: &&Span| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let spans: Vec<&Span> = spans.iter().filter(ok).collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in &spans {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let rank = |c: &str| match c {
        "figure" => 0,
        "quote" => 1,
        _ => 2,
    };
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let covering: Vec<&&Span> = spans
            .iter()
            .filter(|s| s.start <= a && b <= s.end)
            .collect();
        let mut classes: Vec<&str> = covering.iter().map(|s| s.class).collect();
        classes.sort_by_key(|c| rank(c));
        classes.dedup();
        let mut starting: Vec<&&Span> = covering.iter().copied().filter(|s| s.start == a).collect();
        starting.sort_by_key(|s| rank(s.class));
        let id = starting.first().map(|s| s.anchor.clone());
        let anchors = starting.iter().skip(1).map(|s| s.anchor.clone()).collect();
        let note = covering
            .iter()
            .map(|s| s.note.as_str())
            .collect::<Vec<_>>()
            .join(" · ");
        out.push(Run {
            text: text[a..b].to_string(),
            classes: classes.join(" "),
            id,
            anchors,
            note,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, class: &'static str, anchor: &str) -> Span {
        Span {
            start,
            end,
            class,
            anchor: anchor.into(),
            note: anchor.into(),
        }
    }

    #[test]
    fn nested_spans_cut_the_text_once_at_each_boundary() {
        let text = "He said 3,000 troops came.";
        let r = runs(
            text,
            &[
                span(3, 26, "quote", "quote-0"),
                span(8, 20, "figure", "figure-0"),
            ],
        );
        let parts: Vec<&str> = r.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(parts, ["He ", "said ", "3,000 troops", " came."]);
        assert_eq!(parts.concat(), text);
        assert_eq!(r[0].classes, "");
        assert_eq!(r[1].classes, "quote");
        assert_eq!(r[1].id.as_deref(), Some("quote-0"));
        assert_eq!(r[2].classes, "figure quote");
        assert_eq!(r[2].id.as_deref(), Some("figure-0"));
        assert_eq!(r[2].note, "quote-0 · figure-0");
    }

    #[test]
    fn spans_off_the_text_or_inside_a_character_are_left_out() {
        let text = "é 5";
        let r = runs(
            text,
            &[
                span(1, 3, "figure", "a"),
                span(2, 9, "time", "b"),
                span(2, 2, "quote", "c"),
            ],
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].text, text);
        assert_eq!(r[0].classes, "");
    }

    #[test]
    fn two_spans_starting_together_keep_both_anchors() {
        let r = runs("abc", &[span(0, 3, "quote", "q"), span(0, 1, "time", "t")]);
        assert_eq!(r[0].id.as_deref(), Some("q"));
        assert_eq!(r[0].anchors, ["t"]);
    }
}
