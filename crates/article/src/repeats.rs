//! Paragraphs (or dump lines) the extracted text holds twice because the page rendered a stretch of it twice
//! (a desktop and a mobile layout, an article body repeated in a print or AMP block). A
//! paragraph the article itself repeats (a workout's "Warm up" step, a spec line per product, a
//! refrain) stays: only a long stretch of distinct paragraphs seen before is a second rendering.

use std::collections::HashSet;

/// Paragraphs shorter than this (in words) are neither compared nor break a repeated stretch:
/// subheads and labels ("Pros", "Step 2") recur in articles.
const MIN_REPEAT_WORDS: usize = 5;
/// Most lines in a row inside a stretch that are not repeats.
const MAX_GAP: usize = 2;
/// Fewest distinct repeated paragraphs in one stretch for it to be a second rendering.
const MIN_STRETCH_PARAGRAPHS: usize = 5;
/// Fewest words in those paragraphs.
const MIN_STRETCH_WORDS: usize = 100;

/// For each paragraph, whether it belongs to a second rendering of text seen earlier; `words`
/// counts a paragraph's words (the dump path counts CJK runs by characters).
pub fn second_rendering(paragraphs: &[&str], words: impl Fn(&str) -> usize) -> Vec<bool> {
    let mut seen = HashSet::new();
    let repeat: Vec<bool> = paragraphs
        .iter()
        .map(|p| {
            let p = p.trim();
            // Repeated boilerplate is verbatim, so exact text is compared.
            !seen.insert(p) && words(p) >= MIN_REPEAT_WORDS
        })
        .collect();
    let short = |p: &str| words(p) < MIN_REPEAT_WORDS;
    let mut out = vec![false; paragraphs.len()];
    let mut i = 0;
    while i < paragraphs.len() {
        if !repeat[i] {
            i += 1;
            continue;
        }
        // The stretch runs on over short lines and over a few lines the second rendering
        // added or changed (an inline widget, an image credit); it ends after its last repeat.
        let (mut j, mut gap) = (i, 0);
        while j < paragraphs.len() && gap <= MAX_GAP {
            if repeat[j] {
                gap = 0;
            } else if !short(paragraphs[j]) {
                gap += 1;
            }
            j += 1;
        }
        while j > i && !repeat[j - 1] {
            j -= 1;
        }
        let stretch: HashSet<&str> = (i..j)
            .filter(|&k| repeat[k])
            .map(|k| paragraphs[k].trim())
            .collect();
        let n: usize = stretch.iter().map(|p| words(p)).sum();
        if stretch.len() >= MIN_STRETCH_PARAGRAPHS && n >= MIN_STRETCH_WORDS {
            for (k, o) in out.iter_mut().enumerate().take(j).skip(i) {
                *o = repeat[k];
            }
        }
        // `j` is past the repeat at `i`, so the walk always advances.
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(all: &[&str]) -> Vec<bool> {
        second_rendering(all, |p| p.split_whitespace().count())
    }

    fn para(i: usize) -> String {
        format!(
            "Paragraph {i} of the story says what the council decided about the budget today, \
             and what the mayor said after the vote."
        )
    }

    #[test]
    fn a_stretch_rendered_twice_goes_once() {
        let first: Vec<String> = (0..6).map(para).collect();
        let mut all: Vec<&str> = first.iter().map(String::as_str).collect();
        all.push("Menu");
        all.extend(first.iter().map(String::as_str));
        let marks = marks(&all);
        assert_eq!(marks.iter().filter(|&&m| m).count(), 6);
        assert!(marks[..7].iter().all(|&m| !m));
    }

    #[test]
    fn a_paragraph_the_article_repeats_stays() {
        let step = "Warm up: ten minutes of easy jogging, then five short strides at race pace.";
        let all = [
            step,
            "Day one is a short tempo run.",
            step,
            "Day two is rest.",
            step,
        ];
        assert!(marks(&all).iter().all(|&m| !m));
        // The same paragraph over and over is not a stretch of distinct ones either.
        let p = para(1);
        let all = vec![p.as_str(); 8];
        assert!(marks(&all).iter().all(|&m| !m));
    }
}
