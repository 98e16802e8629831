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

/// Most notes a run carries: a run under many nested spans (only a corrupt or imported ledger
/// nests them deeply) would otherwise repeat every one of them in every run, quadratic output.
const MAX_NOTES: usize = 8;

/// Cuts `text` at the spans' boundaries. A span that is empty, out of the text or not on
/// character boundaries (a corrupt row) is left out rather than cut a character in two.
///
/// One sweep over the boundaries in order, with the spans open at each kept in a set: the
/// cost follows the number of spans (times their logarithm), not its square, so a document
/// with the caps' tens of thousands of items renders as fast as a short one.
pub fn runs(text: &str, spans: &[Span]) -> Vec<Run> {
    use std::cmp::Reverse;
    use std::collections::{BTreeSet, BinaryHeap};
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
    // Span indices by start; the open spans by index (their order in `spans`, which is the
    // order notes are listed in) and by end, to close them.
    let mut by_start: Vec<usize> = (0..spans.len()).collect();
    by_start.sort_by_key(|&i| (spans[i].start, i));
    let mut next = 0;
    let mut open: BTreeSet<usize> = BTreeSet::new();
    let mut ends: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
    let mut per_class = [0usize; 3];
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while let Some(&Reverse((end, i))) = ends.peek() {
            if end > a {
                break;
            }
            ends.pop();
            open.remove(&i);
            per_class[rank(spans[i].class)] -= 1;
        }
        let mut starting: Vec<usize> = Vec::new();
        while next < by_start.len() && spans[by_start[next]].start == a {
            let i = by_start[next];
            next += 1;
            open.insert(i);
            ends.push(Reverse((spans[i].end, i)));
            per_class[rank(spans[i].class)] += 1;
            starting.push(i);
        }
        // Every open span covers the whole run: it started at or before `a` and ends at or
        // after `b`, the next boundary.
        debug_assert!(open.iter().all(|&i| spans[i].end >= b));
        let classes: Vec<&str> = ["figure", "quote", "time"]
            .into_iter()
            .zip(per_class)
            .filter(|(_, n)| *n > 0)
            .map(|(c, _)| c)
            .collect();
        starting.sort_by_key(|&i| (rank(spans[i].class), i));
        let id = starting.first().map(|&i| spans[i].anchor.clone());
        let anchors = starting
            .iter()
            .skip(1)
            .map(|&i| spans[i].anchor.clone())
            .collect();
        let note = open
            .iter()
            .take(MAX_NOTES)
            .map(|&i| spans[i].note.as_str())
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

    /// The cut as first written: every span tested against every run (quadratic).
    fn runs_by_testing_every_span(text: &str, spans: &[Span]) -> Vec<Run> {
        let spans: Vec<&Span> = spans
            .iter()
            .filter(|s| s.start < s.end && s.end <= text.len())
            .collect();
        let mut cuts: Vec<usize> = vec![0, text.len()];
        for s in &spans {
            cuts.push(s.start);
            cuts.push(s.end);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let rank = |c: &str| ["figure", "quote", "time"].iter().position(|x| *x == c);
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
            let mut starting: Vec<&&Span> =
                covering.iter().copied().filter(|s| s.start == a).collect();
            starting.sort_by_key(|s| rank(s.class));
            out.push(Run {
                text: text[a..b].to_string(),
                classes: classes.join(" "),
                id: starting.first().map(|s| s.anchor.clone()),
                anchors: starting.iter().skip(1).map(|s| s.anchor.clone()).collect(),
                note: covering
                    .iter()
                    .map(|s| s.note.as_str())
                    .collect::<Vec<_>>()
                    .join(" · "),
            });
        }
        out
    }

    proptest::proptest! {
        /// The sweep cuts and labels as testing every span against every run does.
        #[test]
        fn the_sweep_gives_what_testing_every_span_gives(
            len in 1usize..60,
            raw in proptest::collection::vec((0usize..64, 0usize..64, 0usize..3), 0..7),
        ) {
            let text = "x".repeat(len);
            let classes = ["figure", "quote", "time"];
            let spans: Vec<Span> = raw
                .iter()
                .enumerate()
                .map(|(i, &(a, b, c))| span(a.min(b), a.max(b), classes[c], &format!("s{i}")))
                .collect();
            proptest::prop_assert_eq!(runs(&text, &spans), runs_by_testing_every_span(&text, &spans));
        }
    }

    #[test]
    fn a_document_at_the_caps_is_cut_in_linear_time() {
        // Twice the analysis caps (10,000 quotes, figures and times each), side by side: tested span
        // by span this took minutes.
        let n = 60_000;
        let text = "word ".repeat(n * 2);
        let classes = ["figure", "quote", "time"];
        let spans: Vec<Span> = (0..n)
            .map(|i| span(i * 10, i * 10 + 4, classes[i % 3], &format!("s{i}")))
            .collect();
        let t = std::time::Instant::now();
        let r = runs(&text, &spans);
        assert_eq!(r.len(), 2 * n);
        assert!(
            t.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            t.elapsed()
        );
    }

    #[test]
    fn a_run_under_many_nested_spans_lists_a_few_notes() {
        let text = "a".repeat(200);
        let spans: Vec<Span> = (0..100)
            .map(|i| span(i, 200 - i, "quote", &format!("q{i}")))
            .collect();
        let r = runs(&text, &spans);
        let deepest = &r[99];
        assert_eq!(deepest.text, "aa");
        assert_eq!(deepest.note.split(" · ").count(), MAX_NOTES);
        assert_eq!(deepest.classes, "quote");
    }

    #[test]
    fn two_spans_starting_together_keep_both_anchors() {
        let r = runs("abc", &[span(0, 3, "quote", "q"), span(0, 1, "time", "t")]);
        assert_eq!(r[0].id.as_deref(), Some("q"));
        assert_eq!(r[0].anchors, ["t"]);
    }
}
