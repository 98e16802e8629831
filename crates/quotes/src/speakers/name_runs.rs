//! Capitalised runs, the name inside a run, and the role words before or after a name.

use claimtrail_lexicon::with_lowercase as lc;
use claimtrail_text::{Doc, TokenKind};

use crate::word_classes::{is_article, is_name_particle, is_org_head, is_role_noun, is_title};

use super::noun_classes::is_leading_function_word;
use super::{is_cap, word};

pub(super) fn join(doc: &Doc, a: usize, b: usize) -> String {
    if a >= b || b > doc.tokens.len() {
        return String::new();
    }
    // The text as written, line breaks and runs of spaces made one space: re-spacing the
    // tokens would write "Roe ’s office" and "Coca - Cola".
    let text = &doc.text[doc.tokens[a].start..doc.tokens[b - 1].end];
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The token whose span holds byte `pos`.
pub(super) fn token_at(doc: &Doc, pos: usize) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.end <= pos);
    (i < doc.tokens.len()).then_some(i)
}

/// Maximal runs of capitalised words (a possessive ends a run), those too long for a name left out.
pub(super) fn cap_runs(doc: &Doc) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    let n = doc.tokens.len();
    // Each token asked once: a run's first and next tokens were asked twice.
    let cap: Vec<bool> = (0..n).map(|i| is_cap(doc, i)).collect();
    while i < n {
        if !cap[i] {
            i += 1;
            continue;
        }
        let a = i;
        loop {
            while i < n && cap[i] && (i == a || !crate::marks::starts_paragraph(doc, i)) {
                i += 1;
            }
            // A lower-case particle between two capitalised words is inside the name ("Lotte
            // van Houten").
            if i + 1 < n
                && lc(word(doc, i), is_name_particle)
                && cap[i + 1]
                && !crate::marks::starts_paragraph(doc, i + 1)
            {
                i += 1;
                continue;
            }
            break;
        }
        // A run too long for a name is a list, a shouted line or a hostile page, not a
        // speaker (the entity tagger has the same bound).
        if doc.fits_a_name(a, i) {
            runs.push((a, i));
        }
    }
    runs
}

/// The name inside a capitalised run: after the last title word and leading function words.
pub(super) fn name_in_run(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut s = a;
    while s < b && lc(word(doc, s), is_leading_function_word) {
        s += 1;
    }
    if let Some(t) = (s..b).rev().find(|&i| lc(word(doc, i), is_title)) {
        s = t + 1;
    }
    if s >= b || lc(word(doc, b - 1), is_org_head) {
        return None;
    }
    Some((s, b))
}

/// Role words before a name inside the subject phrase ("White House spokeswoman").
pub(super) fn role_words(doc: &Doc, a: usize, name_start: usize) -> Option<String> {
    let mut s = a;
    while s < name_start && is_article(word(doc, s)) {
        s += 1;
    }
    (s < name_start)
        .then(|| doc.text[doc.tokens[s].start..doc.tokens[name_start - 1].end].to_string())
}

/// Role before a name in running text: title words in the run, or a role noun with its
/// capitalised modifiers just before it ("Pentagon spokesperson Sabrina Singh").
pub(super) fn role_before(doc: &Doc, run_start: usize, name_start: usize) -> Option<String> {
    let mut s = name_start;
    while s > run_start && !lc(word(doc, s - 1), is_leading_function_word) {
        s -= 1;
    }
    if s > 0 && s == run_start && lc(word(doc, s - 1), is_role_noun) {
        s -= 1;
        while s > 0
            && (is_cap(doc, s - 1) || matches!(word(doc, s - 1), "-"))
            && !lc(word(doc, s - 1), is_leading_function_word)
            && name_start - s < 8
        {
            s -= 1;
        }
    }
    (s < name_start)
        .then(|| doc.text[doc.tokens[s].start..doc.tokens[name_start - 1].end].to_string())
}

/// Role in an apposition after a name: "Kirby, the National Security Council spokesman, said".
pub(super) fn role_after(doc: &Doc, name_end: usize) -> Option<String> {
    let n = doc.tokens.len();
    if name_end + 2 >= n || word(doc, name_end) != "," {
        return None;
    }
    let s = name_end + 1;
    if !is_article(word(doc, s)) {
        return None;
    }
    let mut e = s + 1;
    while e < n && e - s < 10 && doc.tokens[e].kind == TokenKind::Word {
        e += 1;
    }
    if e >= n || word(doc, e) != "," {
        return None;
    }
    (s + 1..e)
        .any(|i| lc(word(doc, i), is_role_noun))
        .then(|| doc.text[doc.tokens[s + 1].start..doc.tokens[e - 1].end].to_string())
}
