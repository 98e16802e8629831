//! The subject of a reported clause ("… said that the mayor …") and the preambles and datelines
//! that are no subject.

use crate::marks::starts_paragraph;
use crate::word_classes::{
    follows_subject_that, is_boundary, is_cue, is_role_noun, pronoun_gender,
};

use super::appositions::named_before_apposition;
use super::noun_phrase::{is_role_or_modifier, role_word};
use super::{is_dash, Ctx};

/// Whether the "that" at `j` is a demonstrative subject (a finite verb follows it).
pub(super) fn that_is_subject(cx: &Ctx, j: usize, hi: usize) -> bool {
    j + 1 < hi && !cx.quoted(j + 1) && follows_subject_that(cx.l(j + 1))
}

/// The subject at the start of a clause: a pronoun or a name followed by a lower-case word,
/// after an introductory phrase ("On Tuesday, Mr. McConnell deflected …").
pub(crate) fn clause_subject(cx: &Ctx, lo: usize, end: usize) -> Option<(usize, usize)> {
    // "PARIS, Aug 31 (Reuters) - Marine Le Pen …, saying": the sentence starts after the
    // dateline; its month is no subject.
    let lo = dateline_end(cx, lo, end).unwrap_or(lo);
    let mut k = lo;
    // The comma closing the clause ("Roe left the room, saying …") opens no subject after it;
    // "while" or "before" may stand between it and a participle.
    let mut close = end;
    while close > lo && matches!(cx.l(close - 1), "while" | "before" | "after" | "and") {
        close -= 1;
    }
    if close > lo && cx.w(close - 1) == "," {
        close -= 1;
    }
    if let Some(p) = (lo..close.min(lo + 9)).find(|&i| cx.w(i) == ",") {
        // "Jo Roe, a former party chairman, mocked the rule, tweeting …": a name opening
        // the sentence, then an apposition closed by a comma before a lower-case verb.
        if let Some(name) = named_before_apposition(cx, lo, p, close) {
            return Some(name);
        }
        // "He defended his plans, which foresee cuts, and said …": a comma before a relative
        // pronoun closes the object of the subject's first verb, no opening phrase.
        if !(p + 1 < close && matches!(cx.l(p + 1), "which" | "who" | "whom" | "whose")) {
            k = p + 1;
        }
    }
    if let Some(found) = subject_from(cx, lo, k, end) {
        return Some(found);
    }
    // "On Thursday, after a long wait, Warren endorsed Clinton, saying …": the main clause
    // after a longer opening, the last comma's first (a name or pronoun, then a verb).
    (k..close)
        .rev()
        .filter(|&p| cx.w(p) == "," && !cx.quoted(p))
        .find_map(|p| {
            subject_from(cx, lo, p + 1, end)
                .filter(|&(_, e)| e < end && !is_boundary(cx.l(e)) && !is_cue(cx.l(e)))
        })
}

/// The subject of a clause starting at `k` (see [`clause_subject`]).
fn subject_from(cx: &Ctx, lo: usize, mut k: usize, end: usize) -> Option<(usize, usize)> {
    // "In the midst of the fear …" without its comma: a preposition is no subject.
    if is_clause_preposition(cx.l(k)) {
        return None;
    }
    // "Then he cut into Bush, calling …": a conjunction or sentence adverb before the subject.
    let start = k;
    while k < end && k - start < 2 && is_subject_preamble(cx.l(k)) {
        k += 1;
    }
    // "Even before Sanders took the stage", "Where the Republicans sought …", "This prompted
    // …": a subordinate clause or a demonstrative opens the sentence, not a name.
    if k + 1 >= end || cx.quoted(k) || is_clause_preposition(cx.l(k)) || is_no_subject(cx.l(k)) {
        return None;
    }
    let followed = |e: usize| e < end && cx.is_word(e) && !cx.is_cap(e) && !cx.quoted(e);
    if pronoun_gender(cx.l(k)).is_some() {
        return followed(k + 1).then_some((k, k + 1));
    }
    let mut e = k;
    if matches!(cx.l(e), "the" | "a" | "an") {
        e += 1;
    }
    let run = e;
    // "The author draws a parallel …, suggesting …": a role noun after its article.
    if run > k && is_role_noun(cx.l(run)) && followed(run + 1) {
        return Some((k, run + 1));
    }
    while e < end && cx.is_cap(e) && e - k < 6 {
        e += 1;
    }
    // "White House press secretary Jo Roe condemned …": role words, then the name.
    // Longer role phrases ("fact checker and staff writer Jo Roe") end in their role noun.
    let mut r = e;
    let mut plain = true;
    while r < end && r - e < 6 && !cx.is_cap(r) && cx.is_word(r) && !cx.quoted(r) {
        if !is_role_or_modifier(cx.l(r)) {
            if !(role_word(cx, r) || cx.l(r) == "and") {
                break;
            }
            plain = false;
        }
        r += 1;
    }
    let role_ends = r > e && (plain && r - e <= 3 || is_role_noun(cx.l(r - 1)));
    if role_ends && (e..r).any(|i| is_role_noun(cx.l(i))) && r < end && cx.is_cap(r) {
        e = r;
        while e < end && cx.is_cap(e) && e - r < 4 {
            e += 1;
        }
    }
    // "The leader of the party, Jo Roe, condemned …": the name closes an apposition.
    // Not a place's comma ("in Ames, Iowa, on Sunday"): a verb follows the apposition.
    let closes_apposition = e < end
        && cx.w(e) == ","
        && followed(e + 1)
        && !is_boundary(cx.l(e + 1))
        && !is_clause_preposition(cx.l(e + 1))
        && k > lo;
    (e > run && (followed(e) || closes_apposition)).then_some((k, e))
}

/// Prepositions and subordinators that open an adverbial phrase, never a subject.
fn is_clause_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "at"
            | "for"
            | "after"
            | "before"
            | "during"
            | "with"
            | "by"
            | "from"
            | "to"
            | "as"
            | "when"
            | "while"
            | "if"
            | "since"
            | "despite"
            | "under"
            | "amid"
            | "among"
            | "although"
            | "though"
            | "because"
            | "once"
            | "until"
            | "unless"
            | "whether"
    )
}

/// Conjunctions and sentence adverbs that may stand before a clause's subject.
fn is_subject_preamble(lower: &str) -> bool {
    matches!(
        lower,
        "but" | "and" | "so" | "yet" | "still" | "then" | "even" | "now" | "also" | "instead"
    )
}

/// Question words and demonstratives: a sentence they open has no named subject there.
fn is_no_subject(lower: &str) -> bool {
    matches!(
        lower,
        "what" | "where" | "why" | "how" | "this" | "that" | "these" | "those" | "there" | "here"
    )
}

/// The end (after its dash) of a wire dateline opening the paragraph at `a` ("WASHINGTON
/// (Reuters) -", "CAMBRIDGE, Mass., Dec. 11 (UPI) —", "New York (AFP) –", "Aug. 3 -"): where
/// the story starts, not part of what anyone said. A place in capitals, an agency in
/// parentheses or a month and day must be there; a name before a dash is not enough.
pub(super) fn dateline_end(cx: &Ctx, a: usize, b: usize) -> Option<usize> {
    if a >= b || b > cx.doc.tokens.len() || !starts_paragraph(cx.doc, a) {
        return None;
    }
    let (mut capitals, mut agency, mut date) = (false, false, false);
    let mut k = a;
    while k < b && k - a < 14 {
        let w = cx.w(k);
        if is_dash(cx, k) || w == "--" {
            // A place alone must be followed by a sentence ("NATO — the alliance …" is not).
            let sentence = k + 1 < b && cx.is_cap(k + 1);
            return (k > a && (agency || date || capitals && sentence) && k + 1 < b)
                .then_some(k + 1);
        }
        if w == "(" {
            let close = (k + 1..b.min(k + 5)).find(|&i| cx.w(i) == ")")?;
            agency = close > k + 1 && (k + 1..close).all(|i| cx.is_cap(i) || cx.w(i) == "-");
            if !agency {
                return None;
            }
            k = close + 1;
            continue;
        }
        if cx.is_word(k) && claimtrail_lexicon::month(cx.l(k).trim_end_matches('.')).is_some() {
            let day = k + 1 < b && cx.w(k + 1).bytes().all(|c| c.is_ascii_digit());
            if !day {
                return None;
            }
            date = true;
            k += 2;
            continue;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && w.chars().all(|c| !c.is_lowercase()) && cx.is_word(k) {
            capitals = true;
        } else if !(cx.is_cap(k) || matches!(w, "," | ".") || w.bytes().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        k += 1;
    }
    None
}
