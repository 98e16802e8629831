//! Cues in the passive voice: "has been described as “heartbreaking” by the department",
//! "criticized by the administration for …", "we’re told there is …". The speaker is the agent
//! after "by", or for a first-person "we're told" the sources the article has in play; the
//! grammatical subject of a passive cue is spoken about, never the speaker.

use crate::cue_parts::{Ctx, MAX_SUBJECT};
use crate::word_classes::{is_boundary, is_cue};

/// The token of the form of "be" that makes cue `c` passive ("was told", "has been widely
/// criticized", "we’re told"), looking back over one adverb.
pub(crate) fn passive_aux(cx: &Ctx, lo: usize, c: usize) -> Option<usize> {
    // "an appearance arranged by … and criticized by …": a participle right before its agent
    // is passive without an auxiliary.
    if c + 1 < cx.doc.tokens.len() && cx.l(c + 1) == "by" && cx.l(c).ends_with("ed") {
        return Some(c);
    }
    let mut j = c;
    if j > lo + 1
        && matches!(
            cx.l(j - 1),
            "also" | "widely" | "publicly" | "roundly" | "often"
        )
    {
        j -= 1;
    }
    if j <= lo || cx.quoted(j - 1) {
        return None;
    }
    let w = cx.l(j - 1);
    let be = matches!(
        w,
        "is" | "was" | "were" | "are" | "am" | "been" | "being" | "be"
    ) || ["'re", "’re", "'m", "’m"].iter().any(|s| w.ends_with(s));
    be.then_some(j - 1)
}

/// Whether the passive auxiliary at `aux` has the reporter as its subject ("we’re told", "I was
/// told", "we have been told").
pub(crate) fn first_person(cx: &Ctx, lo: usize, aux: usize) -> bool {
    let w = cx.l(aux);
    if w.starts_with("we'") || w.starts_with("we’") || w.starts_with("i'") || w.starts_with("i’")
    {
        return true;
    }
    let mut k = aux;
    if k > lo && matches!(cx.l(k - 1), "have" | "had" | "has") {
        k -= 1;
    }
    k > lo && matches!(cx.l(k - 1), "we" | "i")
}

/// The agent of passive cue `c`: the noun phrase after "by" within the next few tokens (a quoted
/// word or an "as" phrase may come between: "described as “heartbreaking” by …"), ending at a
/// comma, a stop or a function word ("… by the administration for making …").
pub(crate) fn agent_after(cx: &Ctx, c: usize, hi: usize) -> Option<(usize, usize)> {
    let mut j = c + 1;
    while j < hi && j - c <= 8 && cx.l(j) != "by" {
        if !cx.quoted(j) && (cx.is_stop(j) || matches!(cx.w(j), "," | ";" | ":")) {
            return None;
        }
        j += 1;
    }
    if j >= hi || cx.l(j) != "by" || cx.quoted(j) {
        return None;
    }
    let a = j + 1;
    let mut b = a;
    while b < hi && b - a < MAX_SUBJECT && cx.is_word(b) && !cx.quoted(b) {
        let w = cx.l(b);
        // "the Department of Conservation": "of" between capitals is inside the name.
        let inner_of = w == "of" && b > a && cx.is_cap(b - 1) && b + 1 < hi && cx.is_cap(b + 1);
        if !inner_of && (is_boundary(w) || is_cue(w) || is_preposition(w)) {
            break;
        }
        b += 1;
    }
    (b > a).then_some((a, b))
}

/// Prepositions that end an agent's phrase ("by the administration for …").
fn is_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "for"
            | "of"
            | "in"
            | "on"
            | "at"
            | "over"
            | "about"
            | "to"
            | "during"
            | "with"
            | "after"
            | "amid"
    )
}
