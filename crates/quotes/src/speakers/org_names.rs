//! Organisation and document names as speakers: extents, complements ("Council on Foreign
//! Relations") and document phrases ("the report", "a study in Nature").

use claimtrail_lexicon::with_lowercase as lc;
use claimtrail_text::{Doc, TokenKind};

use crate::word_classes::{is_article, is_org_head, is_time_word, is_title};

use super::name_runs::join;
use super::noun_classes::{
    is_accusing_noun, is_document_noun, is_leading_function_word, is_org_noun,
};
use super::{is_cap, word};

/// The organisation named by the capitalised run `s..run_end` ("The Pentagon"), with the
/// subject's words up to `b` ("Transportation Department officials"): leading function words
/// left out; none when nothing of the run is left.
pub(super) fn org_name(doc: &Doc, mut s: usize, run_end: usize, b: usize) -> Option<String> {
    while s < run_end && lc(word(doc, s), is_leading_function_word) {
        s += 1;
    }
    (s < run_end).then(|| join(doc, s, b))
}

/// The capitalised name `s..e` (inside a subject starting at `a`) extended back across joining
/// words to the capitalised words before them ("Department of Conservation", "Committee to Protect Journalists", "Centers for
/// Disease Control"), leading function words left out.
pub(super) fn org_extent(doc: &Doc, a: usize, mut s: usize, e: usize) -> (usize, usize) {
    loop {
        if s > a && is_cap(doc, s - 1) && !lc(word(doc, s - 1), is_leading_function_word) {
            s -= 1;
        } else if s >= a + 2
            && matches!(word(doc, s - 1), "of" | "for" | "on" | "&" | "and" | "to")
            && is_cap(doc, s - 2)
            && !lc(word(doc, s - 2), is_leading_function_word)
        {
            s -= 2;
        } else {
            return (s, e);
        }
    }
}

/// The name `..e` carried on to the subject's end `b` across a joining word and capitalised
/// words the tagger left out ("Joint Committee" + "on Intelligence and Security"); `e` when
/// the subject goes on with anything else (a weekday, lower-case words).
pub(super) fn org_complement(doc: &Doc, e: usize, b: usize) -> usize {
    let name_word = |i: usize| is_cap(doc, i) && !lc(word(doc, i), is_time_word);
    let mut k = e;
    // "to" only here, where capitals run on to the subject's end ("Committee" + "to Protect
    // Journalists"): elsewhere it starts a complement ("a letter to Amnesty").
    while k + 1 < b
        && matches!(word(doc, k), "of" | "for" | "on" | "and" | "&" | "to")
        && name_word(k + 1)
    {
        k += 1;
        while k < b && name_word(k) {
            k += 1;
        }
    }
    if k == b {
        k
    } else {
        e
    }
}

/// The end of an organisation's name whose last tagged word `e - 1` is a head noun
/// ("Center", "Department") carried on across its complement ("on Poverty and Inequality",
/// "of Conservation"): "of", "for" or "on", then capitalised words, "and" only inside.
pub(super) fn org_complement_after(doc: &Doc, e: usize) -> usize {
    let n = doc.tokens.len();
    let head = lc(word(doc, e - 1), |w| {
        is_org_head(w) || matches!(w, "center" | "centre" | "institute" | "school" | "fund")
    });
    if !head || e + 1 >= n || !matches!(word(doc, e), "of" | "for" | "on") {
        return e;
    }
    let mut k = e;
    let mut end = e;
    while k + 1 < n
        && matches!(word(doc, k), "of" | "for" | "on" | "and" | "&")
        && (k > e || word(doc, k) != "and")
        && is_cap(doc, k + 1)
        && !crate::marks::starts_paragraph(doc, k + 1)
    {
        k += 1;
        while k < n && is_cap(doc, k) && !crate::marks::starts_paragraph(doc, k) {
            k += 1;
        }
        end = k;
    }
    end
}

/// The name closing a subject phrase after a lower-case organisation noun ("advocacy group
/// Human Rights Watch"): capitalised words, or a word starting with a digit ("1010data").
pub(super) fn named_after_org_noun(doc: &Doc, a: usize, b: usize) -> Option<String> {
    let k = (a..b).rev().find(|&i| {
        let w = word(doc, i);
        w.chars().next().is_some_and(char::is_lowercase) && lc(w, is_org_noun)
    })?;
    let name_word = |i: usize| {
        let w = word(doc, i);
        doc.tokens[i].kind != TokenKind::Punct
            && (is_cap(doc, i)
                || w.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && w.chars().any(char::is_alphabetic))
            && !lc(w, is_title)
    };
    (k + 1 < b && (k + 1..b).all(name_word)).then(|| join(doc, k + 1, b))
}

/// "the explanatory notes of the British Bill", "an analysis of labor statistics": a document
/// noun with its "of" complement, named as the article names it (articles left out).
///
/// Other prepositions after the noun: "a study from Massachusetts General" is its source's (a
/// name after "from" or "by", as "according to a report by …" names the author); "an Ars
/// Technica report on Mistral's model" is the report the name before it owns, its topic left
/// out.
pub(super) fn document_phrase(doc: &Doc, a: usize, b: usize) -> Option<String> {
    let prep = (a + 1..b.saturating_sub(1)).find(|&i| {
        matches!(word(doc, i), "of" | "from" | "by" | "on" | "about")
            && lc(word(doc, i - 1), is_document_noun)
            || word(doc, i) == "against" && lc(word(doc, i - 1), is_accusing_noun)
    })?;
    let noun = prep - 1;
    if is_cap(doc, noun) {
        return None;
    }
    let mut s = a;
    while s < noun && is_article(word(doc, s)) {
        s += 1;
    }
    // Only lower-case words before the noun ("the explanatory notes"), not a name ("the
    // Pentagon report of …" is the Pentagon's).
    let plain = (s..noun).all(|i| !is_cap(doc, i) && doc.tokens[i].kind == TokenKind::Word);
    match word(doc, prep) {
        // "the charges against Olson": named with the one they accuse.
        "of" | "against" => plain.then(|| join(doc, s, b)),
        "from" | "by" => (plain && is_cap(doc, prep + 1)).then(|| join(doc, prep + 1, b)),
        _ => (!plain && s < noun && is_cap(doc, s)).then(|| join(doc, s, noun + 1)),
    }
}

/// The document ("the study", "a new report") that opens, as its subject, the sentence before
/// token `at` when `at` opens its own, else `at`'s own sentence: what a following "it" stands
/// for. Named as a document speaker is, articles left out.
pub(super) fn document_subject_before(doc: &Doc, at: usize) -> Option<String> {
    let here = doc.sentence_at(doc.tokens.get(at)?.start)?;
    let own = doc.sentences.get(here)?;
    let sentence = if own.first_token == at {
        doc.sentences.get(here.checked_sub(1)?)?
    } else {
        own
    };
    let first = sentence.first_token;
    let mut s = first;
    while s < at && is_article(word(doc, s)) {
        s += 1;
    }
    // The noun within the subject's first words, lower-case words only before it ("The new
    // study"), and a verb after it: a document that is the subject, not one in a complement.
    let noun = (s..(s + 3).min(at)).find(|&i| lc(word(doc, i), is_document_noun))?;
    let plain = (s..noun).all(|i| !is_cap(doc, i) && doc.tokens[i].kind == TokenKind::Word);
    let verb_next = noun + 1 < at
        && doc.tokens[noun + 1].kind == TokenKind::Word
        && !is_cap(doc, noun + 1)
        && word(doc, noun + 1) != "of";
    (s > first && plain && !is_cap(doc, noun) && verb_next).then(|| join(doc, s, noun + 1))
}

/// "the researchers", "the study's authors", "the scientists", "the team": a definite phrase of
/// lower-case words ending in a plural research noun (or "team"), no name in it.
pub(super) fn research_team_phrase(doc: &Doc, a: usize, b: usize) -> bool {
    if b - a < 2 || b - a > 4 || !word(doc, a).eq_ignore_ascii_case("the") {
        return false;
    }
    let head = word(doc, b - 1).to_lowercase();
    matches!(
        head.as_str(),
        "researchers" | "authors" | "scientists" | "investigators" | "team"
    ) && (a + 1..b).all(|i| !is_cap(doc, i))
}
