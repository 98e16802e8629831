//! Word-bag comparison of extracted text with a reference, as the project's scorer
//! (`shared/eval/score.py`) counts it: NFKC, lowercase, runs of word characters, multiset
//! precision/recall/F1. Kept equal to the scorer so `claimtrail eval` figures can be quoted
//! beside its figures.

use std::collections::HashMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Python's `\w` on str: letters and numbers (not combining marks) and the underscore.
fn is_word_char(c: char) -> bool {
    c == '_' || (c.is_alphanumeric() && !is_combining_mark(c))
}

/// The words of `s`, normalised (NFKC, then lowercase char by char as Python's `str.lower`).
pub fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.nfkc().flat_map(char::to_lowercase) {
        if is_word_char(c) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn bag(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in words(s) {
        *m.entry(w).or_insert(0) += 1;
    }
    m
}

fn common(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> usize {
    a.iter()
        .map(|(w, n)| (*n).min(*b.get(w).unwrap_or(&0)))
        .sum()
}

/// Precision, recall and F1 of the words of `pred` against those of `gold`.
pub fn prf(pred: &str, gold: &str) -> (f64, f64, f64) {
    let (p, g) = (bag(pred), bag(gold));
    let tp = common(&p, &g) as f64;
    let (np, ng) = (
        p.values().sum::<usize>() as f64,
        g.values().sum::<usize>() as f64,
    );
    let precision = if np > 0.0 { tp / np } else { 0.0 };
    let recall = if ng > 0.0 { tp / ng } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}

/// Shared words relative to the shorter of the two (0..1): how the scorer matches authors.
pub fn overlap(a: &str, b: &str) -> f64 {
    let (a, b) = (bag(a), bag(b));
    let (na, nb) = (a.values().sum::<usize>(), b.values().sum::<usize>());
    if na == 0 || nb == 0 {
        return 0.0;
    }
    common(&a, &b) as f64 / na.min(nb) as f64
}

/// The scorer's exact-title comparison: NFKC, curly quotes straightened, whitespace collapsed,
/// lowercase.
pub fn same_title(a: &str, b: &str) -> bool {
    fn norm(s: &str) -> String {
        let s: String = s
            .nfkc()
            .map(|c| match c {
                '\u{201c}' | '\u{201d}' => '"',
                '\u{2018}' | '\u{2019}' => '\'',
                c => c,
            })
            .collect();
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .flat_map(char::to_lowercase)
            .collect()
    }
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_the_scorer() {
        // NFKC folds the ligature and the full-width digits; marks split words as `\w` does.
        assert_eq!(
            words("The ﬁrst, ＡＢ-12_x!"),
            ["the", "first", "ab", "12_x"]
        );
        assert_eq!(words("  "), Vec::<String>::new());
        assert_eq!(words("e\u{301}te\u{301}"), ["été"]);
        assert_eq!(words("ΟΔΟΣ"), ["οδοσ"]);
    }

    #[test]
    fn bags_count_repeats() {
        let (p, r, f) = prf("a a b c", "a b b");
        assert!((p - 0.5).abs() < 1e-9, "{p}");
        assert!((r - 2.0 / 3.0).abs() < 1e-9, "{r}");
        assert!((f - 4.0 / 7.0).abs() < 1e-9, "{f}");
        assert_eq!(prf("", "a"), (0.0, 0.0, 0.0));
    }

    #[test]
    fn overlap_and_titles() {
        assert_eq!(overlap("By Jane Doe", "Jane Doe"), 1.0);
        assert_eq!(overlap("", "Jane Doe"), 0.0);
        assert!(same_title("It’s  Here", "it's here"));
        assert!(!same_title("It's here", "It is here"));
    }
}
