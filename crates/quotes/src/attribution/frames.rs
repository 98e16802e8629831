//! Clause frames the walk tests before it credits a cue: "as X said", stance frames, asides,
//! relative clauses, time adjuncts before "that", second verbs and texts that read.

use claimtrail_text::TokenKind;

use crate::cue_parts::{is_determiner, np_back, trim, Ctx, MAX_CONTENT};
use crate::speakers::{is_document_noun, is_group_noun};
use crate::word_classes::{is_boundary, is_cue, is_participle, is_time_word};

use super::paragraphs::channel_only;
use super::Sentence;

/// "…, as the committee has pointed out, it would …": an "as" opening a clause (at the
/// sentence start or after a comma or conjunction), its subject, cue `c` and a comma closing
/// the frame. Returns the subject's tokens and the comma. A frame opening the sentence reports
/// only a clause without an attribution of its own (see `channel_only`).
pub(super) fn as_frame(cx: &Ctx, lo: usize, c: usize, hi: usize) -> Option<(usize, usize, usize)> {
    let mut k = c + 1;
    if k < hi && (matches!(cx.l(k), "out" | "up") || puts_it(cx, c, hi)) {
        k += 1;
    }
    if k >= hi || cx.w(k) != "," {
        return None;
    }
    let near = (lo..c)
        .rev()
        .take(10)
        .take_while(|&i| cx.w(i) != "," && !cx.quoted(i))
        .find(|&i| cx.l(i) == "as");
    let (j, name_end) = match near {
        Some(j) => (j, c),
        None => apposed_subject(cx, lo, c)?,
    };
    // At the sentence's start the frame may only name the channel of a clause with its own
    // attribution ("As Mashable reports, the company announced that …").
    let opens = j == lo && !channel_only(cx, lo, j + 1, k - 1, hi);
    if !opens && (j == lo || !(cx.w(j - 1) == "," || matches!(cx.l(j - 1), "but" | "and" | "or"))) {
        return None;
    }
    // The subject ends before the auxiliaries and adverbs ("has", "rightly"); "as Darwin might
    // have put it" imagines what was never said.
    let mut b = name_end;
    while b > j + 1 && crate::word_classes::is_aux_or_adverb(cx.l(b - 1)) {
        if matches!(cx.l(b - 1), "might" | "may" | "could" | "would") {
            return None;
        }
        b -= 1;
    }
    (b > j + 1).then_some((j + 1, b, k))
}

/// "As Jo Roe puts it, …": "put it" is a verb of saying only in this frame ("puts the cost
/// at …" says nothing), so the walk asks about it apart from the cue words.
pub(super) fn puts_it(cx: &Ctx, c: usize, hi: usize) -> bool {
    matches!(cx.l(c), "put" | "puts") && c + 1 < hi && cx.l(c + 1) == "it"
}

/// "As Jo Roe, director of the clinic and author of two books, puts it, …": a frame whose
/// named subject is followed by an apposition between commas, the comma closing it right
/// before the cue (and its auxiliaries). Returns the "as" and the end of the name.
fn apposed_subject(cx: &Ctx, lo: usize, c: usize) -> Option<(usize, usize)> {
    let mut close = c;
    while close > lo && crate::word_classes::is_aux_or_adverb(cx.l(close - 1)) {
        close -= 1;
    }
    let close = close.checked_sub(1).filter(|&i| cx.w(i) == ",")?;
    // The apposition: unquoted words without a sentence stop, at most a long role's length.
    let open = (lo..close)
        .rev()
        .take(24)
        .take_while(|&i| !cx.quoted(i) && !cx.is_stop(i))
        .find(|&i| cx.w(i) == ",")?;
    let j = (lo..open)
        .rev()
        .take(5)
        .take_while(|&i| cx.w(i) != "," && !cx.quoted(i))
        .find(|&i| cx.l(i) == "as")?;
    // Only a name: every word between "as" and the apposition capitalised.
    ((j + 1..open).all(|i| cx.is_cap(i)) && open > j + 1).then_some((j, open))
}

/// "Upgrading the utilities is a slow process, “because you have such a fixed system,” said
/// Jo Roe": a quotation after a comma that goes on, in lower case, with the clause before it
/// (a finite verb, no cue, at the sentence's start) makes that clause and the quotation one
/// mixed quote. `from..open` the words before the opening mark at text offset `start`.
pub(super) fn continued_clause(cx: &Ctx, from: usize, open: usize, start: usize) -> bool {
    let lower = cx.doc.text[start..]
        .chars()
        .find(|ch| ch.is_alphanumeric())
        .is_some_and(char::is_lowercase);
    let words = (from..open).filter(|&i| cx.is_word(i)).count();
    lower
        && cx.w(open - 1) == ","
        && words >= 5
        && !cx.quoted(from)
        && !is_participle(cx.l(from))
        && (from..open).all(|i| !cx.quoted(i) && (!is_cue(cx.l(i)) || cx.is_cap(i)))
        && (from..open).any(|i| claimtrail_lexicon::is_auxiliary(cx.l(i)))
}

/// The "that" at `k`, or after a short parenthetical opening at `k` ("(apparently justified)
/// that").
pub(super) fn that_after_aside(cx: &Ctx, k: usize, hi: usize) -> Option<usize> {
    if cx.l(k) == "that" {
        return Some(k);
    }
    if cx.w(k) != "(" {
        return None;
    }
    let close = (k + 1..hi.min(k + 8)).find(|&i| cx.w(i) == ")")?;
    (close + 1 < hi && cx.l(close + 1) == "that").then_some(close + 1)
}

/// The verb phrase a cue at `c` reports when its subject (from `a`) follows a relative pronoun
/// and a finite verb comes right after the cue, after a short time phrase ("which Jo Roe said
/// last year had surpassed …", "the plan that officials say will cut …"): up to the clause's
/// end.
pub(super) fn relative_gap(
    cx: &Ctx,
    lo: usize,
    a: usize,
    c: usize,
    hi: usize,
) -> Option<(usize, usize)> {
    // The pronoun may stand a modifier or two before the subject's name ("which company
    // founder Jo Roe said").
    (a.saturating_sub(3).max(lo)..a)
        .rev()
        .take_while(|&i| cx.is_word(i) && !cx.quoted(i))
        .find(|&i| matches!(cx.l(i), "which" | "that"))?;
    let mut k = c + 1;
    while k < hi
        && k - c <= 4
        && !claimtrail_lexicon::is_auxiliary(cx.l(k))
        && in_time_phrase(cx.l(k))
    {
        k += 1;
    }
    if k >= hi || cx.quoted(k) || !claimtrail_lexicon::is_auxiliary(cx.l(k)) {
        return None;
    }
    let mut e = k;
    while e < hi && e - k < MAX_CONTENT && !cx.is_stop(e) && (cx.w(e) != "," || cx.quoted(e)) {
        e += 1;
    }
    trim(cx, k, e)
}

/// An adjective of stance at `c` as a predicate: a form of "be" before it (an adverb or two
/// between), and after it "that" or a clause (a finite auxiliary within its first words), not a
/// preposition ("is concerned about", "is confident of").
pub(super) fn stance_frame(cx: &Ctx, lo: usize, c: usize, hi: usize) -> bool {
    let mut j = c;
    while j > lo
        && c - j < 2
        && (matches!(
            cx.l(j - 1),
            "very" | "so" | "too" | "also" | "not" | "still" | "deeply" | "increasingly"
        ) || cx.l(j - 1).ends_with("ly"))
    {
        j -= 1;
    }
    let copula = j > lo
        && matches!(
            cx.l(j - 1).replace('’', "'").as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "am"
                | "be"
                | "been"
                | "'s"
                | "'re"
                | "'m"
                | "remain"
                | "remains"
                | "remained"
        );
    let k = c + 1;
    if !copula || k >= hi || cx.quoted(k) || !cx.is_word(k) {
        return false;
    }
    if cx.l(k) == "that" {
        return true;
    }
    // A subject opens the clause ("the laws", "it", "Congress"), not a preposition or a
    // conjunction.
    if matches!(
        cx.l(k),
        "about"
            | "for"
            | "of"
            | "in"
            | "at"
            | "on"
            | "to"
            | "with"
            | "by"
            | "from"
            | "over"
            | "as"
            | "than"
            | "enough"
            | "and"
            | "or"
            | "but"
            | "because"
            | "since"
            | "when"
            | "if"
            | "after"
            | "before"
            | "until"
    ) {
        return false;
    }
    (k + 1..hi.min(k + 8))
        .take_while(|&i| !cx.is_stop(i) && cx.w(i) != "," && !cx.quoted(i))
        .any(|i| claimtrail_lexicon::is_auxiliary(cx.l(i)))
}

/// Whether the word before `c` reads as a plural subject, making a speech noun at `c` a verb
/// ("landlords claim that", "they claim that", "Democrats claim that"), not a possessor or a
/// determiner ("the company’s claim that", "his claim that").
pub(super) fn plural_subject_before(cx: &Ctx, lo: usize, c: usize) -> bool {
    let w = cx.l(c - 1);
    let plural_noun = w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !matches!(w, "this" | "does" | "has" | "was" | "its" | "his")
        && w.bytes().all(|b| b.is_ascii_alphabetic());
    is_group_noun(w)
        || matches!(w, "they" | "we" | "i" | "you")
        || cx.is_cap(c - 1) && c - 1 > lo
        || plural_noun
}

/// The subject opening the sentence `lo..hi`: a pronoun, or a capitalised run (after "the" and
/// lower-case role words) followed by a lower-case verb or an apposition's comma.
pub(super) fn sentence_subject(cx: &Ctx, lo: usize, hi: usize) -> Option<(usize, usize)> {
    if lo + 1 >= hi || cx.quoted(lo) {
        return None;
    }
    if matches!(cx.l(lo), "he" | "she") {
        return Some((lo, lo + 1));
    }
    let mut e = lo;
    while e < hi && e - lo < 6 && cx.is_cap(e) && !claimtrail_lexicon::is_stopword(cx.l(e)) {
        e += 1;
    }
    let next_ok = e < hi && (cx.w(e) == "," || cx.is_word(e) && !cx.is_cap(e));
    (e > lo && next_ok).then_some((lo, e))
}

/// "In X's words, “…”" / "In the words of X, “…”": the tokens of X before the quotation
/// opening at `open`.
pub(super) fn in_words_of(cx: &Ctx, lo: usize, open: usize) -> Option<(usize, usize)> {
    if open < lo + 4 || cx.w(open - 1) != "," || cx.l(lo) != "in" || open - lo > 12 {
        return None;
    }
    let words_at = open - 2;
    if cx.l(words_at) == "words" && matches!(cx.w(words_at - 1), "'s" | "’s" | "'" | "’") {
        // "In Dr. Roe's words": the name before the possessive.
        let (a, b) = (lo + 1, words_at - 1);
        return (a < b && (a..b).all(|i| !cx.quoted(i))).then_some((a, b));
    }
    // "In the words of Jo Roe,".
    let of = (lo + 1..open).find(|&i| cx.l(i) == "of")?;
    (of == lo + 3 && cx.l(lo + 1) == "the" && cx.l(lo + 2) == "words" && of + 1 < open - 1)
        .then_some((of + 1, open - 1))
}

/// A word of a short time phrase ("last year", "on Monday", "earlier this week").
fn in_time_phrase(lower: &str) -> bool {
    is_time_word(lower) || matches!(lower, "on" | "in" | "this")
}

/// "his vow on Monday that …", "her warning last week that …": a short time phrase between a
/// speech noun and its "that" (numbers inside it, as in "on May 3").
pub(super) fn time_adjunct_then_that(cx: &Ctx, from: usize, hi: usize) -> bool {
    let mut j = from;
    while j < hi
        && j - from < 4
        && !cx.quoted(j)
        && (in_time_phrase(cx.l(j)) || (j > from && cx.doc.tokens[j].kind == TokenKind::Number))
    {
        j += 1;
    }
    // The phrase must name a time, not only a preposition ("his claim in that …"); "now that"
    // is a conjunction.
    j > from
        && j < hi
        && cx.l(j) == "that"
        && cx.l(j - 1) != "now"
        && (from..j).any(|i| !matches!(cx.l(i), "on" | "in" | "last" | "this"))
}

/// Where the clause of a second verb of the sentence's subject starts, for the cue at `c`: the
/// "and" or "but" before it ("condemned the attack and said"), an adverb or two between
/// ("and later said"), or "went on to" ("but went on to say", "then went on to say").
pub(super) fn second_verb(cx: &Ctx, lo: usize, c: usize) -> Option<usize> {
    let mut k = c;
    let mut went = false;
    if k >= lo + 3 && cx.l(k - 1) == "to" && cx.l(k - 2) == "on" {
        if !matches!(cx.l(k - 3), "went" | "goes" | "go") {
            return None;
        }
        k -= 3;
        went = true;
    }
    while k > lo
        && c - k < 5
        && matches!(
            cx.l(k - 1),
            "later" | "then" | "also" | "again" | "finally" | "repeatedly"
        )
    {
        k -= 1;
    }
    // "for people to build and maintain muscle mass": a base form after "to V and" is an
    // infinitive joined to another, no second verb of the sentence's subject.
    let base = |w: &str| !w.ends_with("ed") && !w.ends_with('s') && w != "said" && w != "told";
    if k == c
        && k >= lo + 3
        && matches!(cx.l(k - 1), "and" | "or")
        && cx.l(k - 3) == "to"
        && cx.is_word(k - 2)
        && !cx.is_cap(k - 2)
        && base(cx.l(c))
    {
        return None;
    }
    if k > lo && (matches!(cx.l(k - 1), "but" | "and") || k < c && cx.w(k - 1) == ",") {
        return Some(k - 1);
    }
    // "Pence went on to say …": the subject's clause runs up to and with "went".
    (went && k > lo).then_some(k + 1)
}

/// "A review of 27 trials found large gains and concluded that …": the sentence opens with a
/// document's phrase (a determiner, a few lower-case words or numbers, its noun) and the cue
/// at `k`'s clause is its second verb; the document is the subject ("A systemic review").
pub(super) fn document_opening(cx: &Ctx, lo: usize, k: usize) -> Option<(usize, usize)> {
    let mut i = lo;
    if i < k && is_determiner(cx.l(i)) {
        i += 1;
    }
    while i < k
        && i - lo < 5
        && cx.is_word(i)
        && !cx.quoted(i)
        && !cx.is_cap(i)
        && !is_document_noun(cx.l(i))
        && !is_boundary(cx.l(i))
        && !is_cue(cx.l(i))
    {
        i += 1;
    }
    (i > lo && i + 1 < k && !cx.quoted(i) && is_document_noun(cx.l(i))).then_some((lo, i + 1))
}

/// Nouns of texts that "read" their words: "the statement read", "a sign reads".
fn is_text_noun(lower: &str) -> bool {
    matches!(
        lower,
        "statement"
            | "release"
            | "editorial"
            | "email"
            | "e-mail"
            | "letter"
            | "message"
            | "note"
            | "memo"
            | "post"
            | "tweet"
            | "caption"
            | "sign"
            | "headline"
            | "suit"
            | "lawsuit"
            | "complaint"
            | "filing"
            | "report"
            | "ad"
            | "advertisement"
            | "text"
    )
}

/// After a quotation closing at `j`: "the statement read", "a welcome message on the website
/// reads" (a text noun among a determiner's first words, then "read(s)" closing the clause), or
/// "read the email" (the verb, then such a phrase). Returns the text's phrase and the verb.
pub(super) fn text_reads(cx: &Ctx, j: usize, n: usize) -> Option<((usize, usize), usize)> {
    let reads = |i: usize| i < n && matches!(cx.l(i), "read" | "reads");
    let determiner = |i: usize| {
        i < n
            && matches!(
                cx.l(i),
                "the" | "a" | "an" | "one" | "his" | "her" | "its" | "their" | "this"
            )
    };
    // The words of the text's phrase from `a`: up to six, ending at its text noun or after a
    // short complement ("on the website").
    let phrase = |a: usize, stop_at_verb: bool| -> Option<usize> {
        let mut noun = None;
        let mut k = a + 1;
        while k < n && k - a <= 6 && cx.is_word(k) && !cx.quoted(k) {
            if stop_at_verb && reads(k) {
                return noun.map(|_| k);
            }
            if is_text_noun(cx.l(k)) {
                noun = Some(k);
            }
            // "the report read": a text noun that is also a cue word ("report", "note") is
            // the text's noun here, not a verb ending the phrase.
            if is_boundary(cx.l(k)) || is_cue(cx.l(k)) && noun != Some(k) {
                break;
            }
            k += 1;
        }
        if stop_at_verb {
            None
        } else {
            noun.map(|k| k + 1)
        }
    };
    // The clause ends after the verb (or the phrase): a stop, a comma, the text's end.
    let closes = |i: usize| i >= n || cx.is_stop(i) || cx.w(i) == ",";
    if reads(j) && determiner(j + 1) {
        let b = phrase(j + 1, false)?;
        return closes(b).then_some(((j + 1, b), j));
    }
    if determiner(j) {
        let v = phrase(j, true)?;
        return closes(v + 1).then_some(((j, v), v));
    }
    None
}

/// A passive at token `k`: a form of "be" or "get" right before a past participle ("was
/// labelled", "were described", "got called").
pub(super) fn acted_on(cx: &Ctx, k: usize) -> bool {
    let w = cx.l(k);
    matches!(
        w,
        "was" | "were" | "is" | "are" | "been" | "being" | "be" | "got" | "gets" | "get"
    ) && k + 1 < cx.doc.tokens.len()
        && {
            let n = cx.l(k + 1);
            n.ends_with("ed") || n.ends_with("en") || matches!(n, "told" | "called" | "dubbed")
        }
        || w == "by"
}

/// A relative pronoun bringing in a clause with its own actor.
pub(super) fn is_relative(lower: &str) -> bool {
    matches!(lower, "who" | "whom" | "whose" | "which")
}

/// "The senator, according to two aides, plans to vote …": "according to" set off by commas
/// between a clause's subject (a noun phrase opening the sentence, nothing reported yet) and
/// its verb reports the whole clause, aside included (one span), not the subject alone.
pub(super) fn subject_aside(cx: &Ctx, s: &Sentence, c: usize, b: usize) -> Option<(usize, usize)> {
    let lo = s.lo;
    if s.covered > lo || c < lo + 2 || cx.w(c - 1) != "," || b >= s.hi || cx.w(b) != "," {
        return None;
    }
    // The stretch before the aside is one short noun phrase, the clause's subject: opened by a
    // determiner or a name, no number in it ("Sales rose 5 percent, according to …" is a
    // clause of its own, reported as before).
    let (a, _) = np_back(cx, lo, c - 1).filter(|&(a, e)| e == c - 1 && a == lo)?;
    let opens = is_determiner(cx.l(a)) || cx.is_cap(a) && a + 1 < c - 1 && cx.is_cap(a + 1);
    if !opens
        || c - 1 - a > 6
        || (a..c - 1).any(|i| cx.quoted(i) || cx.w(i).bytes().any(|x| x.is_ascii_digit()))
    {
        return None;
    }
    trim(cx, lo, s.hi.min(lo + MAX_CONTENT))
}

/// "“The port will reopen,” which the council doubts, “and ferries will run,” Roe said": the
/// quotation before span `m`, cut off at a comma and split from it by a short relative clause
/// (set off by commas) of the narrator's, is the first half of the same quotation: the span
/// whose speaker the second half's attribution names.
pub(super) fn split_by_relative(cx: &Ctx, m: usize) -> Option<usize> {
    let open = cx.marks[m].open_tok;
    if open < 4 || cx.w(open - 1) != "," || cx.quoted(open - 1) {
        return None;
    }
    // Back over the clause to the closing mark of the first half.
    let close = (open.saturating_sub(16)..open - 1)
        .rev()
        .find(|&i| cx.quoted(i) || cx.is_stop(i))?;
    let first = cx.closes(close)?;
    let relative = close + 1;
    if relative + 2 >= open - 1 || !is_relative(cx.l(relative)) {
        return None;
    }
    let mk = cx.marks[first];
    let cut = cx.doc.text[mk.start..mk.end]
        .trim_end()
        .ends_with([',', '—', '–']);
    cut.then_some(first)
}
