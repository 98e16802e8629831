//! Noun-phrase extents and word tests: how far a phrase reaches back, names and name joiners,
//! modifiers, roles and complements, quantities, possessives, time openers.

use claimtrail_text::TokenKind;

use crate::speakers::is_group_noun;
use crate::word_classes::{
    is_boundary, is_cue, is_name_particle, is_org_head, is_role_noun, is_time_word, is_weak_cue,
    pronoun_gender,
};

use super::{Ctx, MAX_SUBJECT};

/// An article or a lower-case adjective before a document noun ("a new analysis").
pub(super) fn is_determiner_or_adjective(cx: &Ctx, i: usize) -> bool {
    let w = cx.l(i);
    is_determiner(w) || matches!(w, "new" | "recent" | "latest" | "separate")
}

/// An adverb in "-ly" between a subject and its cue ("Roe repeatedly said"), not a noun after
/// its determiner ("his family believe", "the assembly voted").
pub(super) fn is_ly_adverb(cx: &Ctx, lo: usize, i: usize) -> bool {
    let w = cx.l(i);
    w.ends_with("ly")
        && w.len() > 4
        && !cx.is_cap(i)
        && !(i > lo && is_determiner(cx.l(i - 1)))
        && !matches!(
            w,
            "family" | "assembly" | "supply" | "rally" | "ally" | "monopoly"
        )
}

pub(crate) fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "this"
    )
}

/// The start of the attribution that ends with the subject starting at `a`: the phrase before
/// an apposition ("the White House spokesman, Josh Earnest, said").
pub(crate) fn extent_start(cx: &Ctx, lo: usize, a: usize, b: usize) -> usize {
    let mut s = a;
    if s > lo + 1 && cx.w(s - 1) == "," && cx.w(b) == "," {
        if let Some((x, _)) = np_back(cx, lo, s - 1) {
            s = x;
        }
    }
    s
}

/// A noun phrase ending at token `end` (exclusive), reaching back at most `MAX_SUBJECT` tokens.
pub(crate) fn np_back(cx: &Ctx, lo: usize, end: usize) -> Option<(usize, usize)> {
    let mut k = end;
    // "Rep. John Mica (R-Fla.) said", "Jo Roe (who wrote the first report) noted": a
    // parenthetical after the name belongs to it; one sentence at most.
    if k > lo && cx.w(k - 1) == ")" {
        let mut p = k - 1;
        // A full stop after a lower-case word ends a sentence; after a capitalised one
        // ("R-Fla.", "Inc.") it marks an abbreviation.
        let sentence_end = |p: usize| {
            cx.is_stop(p)
                && (cx.w(p) != "."
                    || p == 0
                    || cx.w(p - 1).len() > 3 && cx.w(p - 1).bytes().all(|b| b.is_ascii_lowercase()))
        };
        while p > lo && k - p < 24 && cx.w(p) != "(" && !sentence_end(p) && !cx.quoted(p) {
            p -= 1;
        }
        if cx.w(p) == "(" && p > lo {
            return np_back(cx, lo, p).map(|(a, _)| (a, end));
        }
    }
    while k > lo && end - k < MAX_SUBJECT {
        let i = k - 1;
        if cx.quoted(i)
            || !cx.is_word(i) && !plural_possessive(cx, i) && !spaced_hyphen(cx, lo, i, end)
            || is_boundary(cx.l(i))
                && !conjoined_complement(cx, lo, i, end)
                && !name_joiner(cx, lo, i, end)
            || is_cue(cx.l(i))
                && !cx.l(i).ends_with('s')
                // "The report concluded": after a determiner the cue word is a noun, and so
                // after a quantifier ("one state official").
                && !(i > lo && (is_determiner(cx.l(i - 1)) || is_quantifier(cx.l(i - 1))))
                // "Oregon State Police Lt. …": a capitalised cue word between two capitalised
                // words is part of a name ("Secretary of State John Kerry" keeps its title out,
                // "the Clinton-run State Department" its modifier), and so before a role noun
                // ("Ohio State president Jo Roe").
                && !(i > lo
                    && (cx.is_cap(i - 1) && !cx.w(i - 1).contains('-')
                        || after_quote(cx, i)
                        // "the Union of Concerned Scientists": a participle as adjective
                        // after a name's "of" ("Secretary of State John Kerry" keeps its
                        // title out).
                        || i > lo + 1
                            && cx.l(i).ends_with("ed")
                            && cx.l(i - 1) == "of"
                            && cx.is_cap(i - 2))
                    && cx.is_cap(i)
                    && i + 1 < end
                    && (cx.is_cap(i + 1) || is_role_noun(cx.l(i + 1))))
                && !name_tail_cue(cx, lo, i, end)
                && !prepositional_noun(cx, lo, i, end)
            || is_time_word(cx.l(i))
        {
            break;
        }
        // Once a name is in, only determiners and role words may precede it ("the senior
        // adviser", not "endorse Mr. Trump").
        // A lower-case particle right before a surname is part of it ("de Miranda said").
        let particle = is_name_particle(cx.l(i)) && i + 1 < end && cx.is_cap(i + 1);
        // "a spokesman for committee Democrats": an institution's noun before a group's name.
        let institution = is_org_head(cx.l(i));
        if !cx.is_cap(i)
            && (k..end).any(|x| cx.is_cap(x))
            && !np_modifier(cx.l(i))
            && !plural_possessive(cx, i)
            && !role_complement_at(cx, lo, i)
            && !conjoined_complement(cx, lo, i, end)
            && !prepositional_noun(cx, lo, i, end)
            && !particle
            && !institution
            && !spaced_hyphen(cx, lo, i, end)
            && !name_joiner(cx, lo, i, end)
            // "advisers to Mr. Obama": the role the joiner after it hangs on.
            && !(i + 1 < end && name_joiner(cx, lo, i + 1, end))
        {
            break;
        }
        k -= 1;
    }
    // Leading prepositions and adverbs are not part of the subject.
    while k < end
        && matches!(
            cx.l(k),
            "on" | "in" | "at" | "for" | "of" | "later" | "then"
        )
    {
        k += 1;
    }
    (k < end).then_some((k, end))
}

/// A hyphen set apart by spaces between two capitalised words, as tokenised text writes a
/// double-barrelled name ("Strauss - Kahn said", "Hewlett - Packard said"): inside the name. A
/// dateline's capitals ("PARIS - Jo Roe said") are no part of it.
fn spaced_hyphen(cx: &Ctx, lo: usize, i: usize, end: usize) -> bool {
    let toks = &cx.doc.tokens;
    cx.w(i) == "-"
        && i > lo
        && i + 1 < end
        && toks[i - 1].end < toks[i].start
        && toks[i].end < toks[i + 1].start
        && cx.is_cap(i - 1)
        && cx.is_cap(i + 1)
        && cx.w(i - 1).chars().any(char::is_lowercase)
}

/// "the Committee to Protect Journalists", "the Council on Foreign Relations": a lower-case
/// "to" or "on" between two capitalised words inside the phrase (the first not the
/// sentence's opener, capitalised as such: "Visitors to Paris said") joins one name.
///
/// Also "an adviser to the mayor", "the ambassador to France": "to" after a role noun joins
/// the role to its complement, which the speaker resolution reads as one phrase.
fn name_joiner(cx: &Ctx, lo: usize, i: usize, end: usize) -> bool {
    if cx.l(i) != "to" && cx.l(i) != "on" || i + 1 >= end || i == lo {
        return false;
    }
    let role = cx.l(i) == "to"
        && (is_role_noun(cx.l(i - 1)) || is_role_noun(&claimtrail_lexicon::singular(cx.l(i - 1))));
    role || i > lo + 1 && cx.is_cap(i - 1) && cx.is_cap(i + 1)
}

/// A capitalised cue word that ends the subject right before the verb, after a capitalised
/// word or after "of" and one ("the Department of State said", "the Secretary of State
/// said"): the last word of a name, not a verb. Mid-sentence a capitalised cue word is never
/// taken for the verb, so the phrase must not stop there either. With a name after it
/// ("Secretary of State John Kerry said") the title stays out, as before.
fn name_tail_cue(cx: &Ctx, lo: usize, i: usize, end: usize) -> bool {
    if i + 1 != end || i <= lo || !cx.is_cap(i) {
        return false;
    }
    let p = i - 1;
    cx.is_cap(p) && !cx.w(p).contains('-')
        || matches!(cx.l(p), "of" | "for") && p > lo && cx.is_cap(p - 1)
}

/// "the officer in charge of the base": a cue word between a preposition and "of" or "to"
/// is a noun inside the phrase (a verb takes no preposition before it), so the phrase runs
/// on back to the role noun that heads it.
fn prepositional_noun(cx: &Ctx, lo: usize, i: usize, end: usize) -> bool {
    i > lo
        && i + 1 < end
        && matches!(cx.l(i - 1), "in" | "on" | "under" | "without")
        && matches!(cx.l(i + 1), "of" | "to")
}

/// A quantifier opening a subject before its noun ("one West Virginia official", "two
/// Democratic senators").
fn is_quantifier(lower: &str) -> bool {
    matches!(
        lower,
        "one" | "another" | "two" | "three" | "several" | "some" | "many" | "other"
    )
}

fn np_modifier(lower: &str) -> bool {
    is_quantifier(lower)
        || is_role_noun(lower)
        || matches!(
            lower,
            "the"
                | "a"
                | "an"
                | "of"
                | "for"
                | "former"
                | "senior"
                | "top"
                | "chief"
                | "deputy"
                | "state"
                | "federal"
                | "press"
                | "then"
                | "'s"
                | "’s"
                | "u.s."
                | "acting"
                | "longtime"
                | "veteran"
                | "interim"
                | "incoming"
                | "outgoing"
        )
}

/// "…, says botanist Jo Roe": a lower-case agent noun (a trade named by its suffix: "-ist",
/// "-ian", "-er", "-or", "-ant") right before a name is the name's role, whether or not the
/// role list knows the trade. Asked only where a name follows at once.
pub(crate) fn agent_noun(cx: &Ctx, r: usize) -> bool {
    let w = cx.l(r);
    w.len() >= 5
        && role_word(cx, r)
        && ["ist", "ian", "er", "or", "ant"]
            .iter()
            .any(|s| w.ends_with(s))
        && !matches!(
            w,
            "other"
                | "under"
                | "after"
                | "never"
                | "later"
                | "earlier"
                | "either"
                | "neither"
                | "whether"
                | "together"
                | "rather"
                | "however"
                | "whatever"
                | "further"
                | "longer"
                | "better"
                | "major"
                | "minor"
                | "senior"
                | "junior"
                | "prior"
                | "superior"
                | "interior"
                | "exterior"
                | "important"
                | "significant"
                | "constant"
                | "distant"
                | "relevant"
                | "elegant"
        )
}

/// A lower-case word that may sit inside a role phrase before a name ("transport" in "former
/// transport minister", "ceremonies" in "master of ceremonies"): not a function word, verb of
/// speech or clause boundary.
pub(super) fn role_word(cx: &Ctx, r: usize) -> bool {
    let w = cx.l(r);
    // "wear-tester", "co-host": a hyphenated word is a role word as its parts are words.
    w.split('-')
        .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic))
        && w.chars().next().is_some_and(char::is_lowercase)
        && !is_boundary(w)
        && !is_cue(w)
        && !is_time_word(w)
        && pronoun_gender(w).is_none()
        && !matches!(
            w,
            "in" | "on"
                | "at"
                | "by"
                | "with"
                | "about"
                | "from"
                | "into"
                | "during"
                | "not"
                | "also"
                | "later"
                | "then"
                | "now"
                | "he"
                | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "you"
                | "this"
                | "these"
                | "those"
                | "his"
                | "her"
                | "their"
                | "its"
        )
}

/// Whether token `b` ("who", "whose") opens a relative clause about the phrase before it.
pub(crate) fn opens_relative_clause(cx: &Ctx, b: usize) -> bool {
    matches!(cx.l(b), "who" | "whose")
}

/// A cue word common in other senses used as a noun: right before an auxiliary ("the Treasury
/// note has risen") or "of" ("the US state of Louisiana"). Only those: a plain cue before an
/// auxiliary is a relative clause's verb ("prices it said were a result of the deal"), and
/// "spoke of", "warned of" are speech.
pub(crate) fn noun_use(cx: &Ctx, c: usize, hi: usize) -> bool {
    c + 1 < hi
        && is_weak_cue(cx.l(c))
        && (claimtrail_lexicon::is_auxiliary(cx.l(c + 1)) || cx.l(c + 1) == "of")
        || before_infinitive(cx, c, hi)
        || polity_noun(cx, c, hi)
        || quantity_use(cx, c, hi)
        || indefinite_noun(cx, c)
}

/// "Read report: …", "Watch video: …": a base-form cue word between a sentence's one opening
/// capitalised word and a colon is a label's noun after an imperative; a singular name would
/// take "reports", and "Democrats say:" keeps its plural.
pub(crate) fn label_use(cx: &Ctx, lo: usize, c: usize, hi: usize) -> bool {
    let w = cx.l(c);
    let base =
        !(w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing") || is_irregular_past(w));
    c == lo + 1
        && c + 1 < hi
        && cx.w(c + 1) == ":"
        && base
        && cx.is_cap(lo)
        // "IG report: State was inaccurate": an acronym's document speaks in a headline.
        && !cx.w(lo).chars().all(|ch| ch.is_uppercase() || ch == '.')
        && !cx.l(lo).ends_with('s')
        && pronoun_gender(cx.l(lo)).is_none()
        && !matches!(cx.l(lo), "i" | "we" | "they" | "you")
}

/// The forms of "continue" that, before "to", are the aspect of the verb after them: one list
/// for the cue test here and the subject's skip in `subject_before`.
pub(super) fn is_aspect_verb(lower: &str) -> bool {
    matches!(lower, "continue" | "continues" | "continued" | "continuing")
}

/// "Pilates continues to be …", "the senator continued to argue that …": "continue" before an
/// infinitive is the aspect of the verb after it, which reports (or not) in its own right.
fn before_infinitive(cx: &Ctx, c: usize, hi: usize) -> bool {
    c + 2 < hi
        && is_aspect_verb(cx.l(c))
        && cx.l(c + 1) == "to"
        && cx.is_word(c + 2)
        && !cx.is_cap(c + 2)
        && !is_determiner(cx.l(c + 2))
}

/// A cue in its base form after "a"/"an" and at most one modifier is a noun: "received a
/// distress call", "an urgent appeal". A verb there would need a singular subject's "-s"
/// ("a spokesman says"); quantities ("a few believe", "a majority say") stay verbs.
fn indefinite_noun(cx: &Ctx, c: usize) -> bool {
    let w = cx.l(c);
    if w.ends_with(['s', 'n']) || w.ends_with("ed") || w.ends_with("ing") || is_irregular_past(w) {
        return false;
    }
    let article = |i: usize| matches!(cx.l(i), "a" | "an");
    c >= 1 && article(c - 1)
        || c >= 2
            && article(c - 2)
            && cx.is_word(c - 1)
            && !cx.is_cap(c - 1)
            && !matches!(
                cx.l(c - 1),
                "few"
                    | "lot"
                    | "majority"
                    | "minority"
                    | "number"
                    | "handful"
                    | "couple"
                    | "dozen"
                    | "hundred"
                    | "thousand"
                    | "million"
                    | "third"
                    | "quarter"
                    | "half"
                    | "group"
                    | "host"
                    | "bunch"
                    | "variety"
            )
}

/// Past forms of cues without "-ed" ("said", "told").
fn is_irregular_past(lower: &str) -> bool {
    matches!(
        lower,
        "said"
            | "told"
            | "wrote"
            | "spoke"
            | "thought"
            | "felt"
            | "knew"
            | "saw"
            | "heard"
            | "swore"
            | "taught"
            | "meant"
            | "read"
            | "forecast"
            | "put"
    )
}

/// Whether token `i` is a number written in digits or a currency sign.
fn is_amount(cx: &Ctx, i: usize) -> bool {
    cx.doc.tokens[i].kind == TokenKind::Number || matches!(cx.w(i), "$" | "€" | "£" | "¥")
}

/// A cue word that counts or costs rather than speaks: "4,051 pledged delegates" (a participle
/// between a number and its noun), "the economy added 292,000 jobs", "the club charged a
/// $100,000 fee" (a quantity as the verb's object). "Police said 40 people died" keeps its
/// clause: only the verbs whose object is the quantity itself.
fn quantity_use(cx: &Ctx, c: usize, hi: usize) -> bool {
    if c > 0
        && c + 1 < hi
        && cx.l(c).ends_with("ed")
        && cx.l(c) != "said"
        && is_amount(cx, c - 1)
        && cx.doc.tokens[c + 1].kind == TokenKind::Word
        && !cx.is_cap(c + 1)
        && !is_determiner(cx.l(c + 1))
        && cx.l(c + 1) != "that"
        && claimtrail_lexicon::pronoun(cx.l(c + 1)).is_none()
    {
        return true;
    }
    if !matches!(
        cx.l(c),
        "add"
            | "adds"
            | "added"
            | "charge"
            | "charges"
            | "charged"
            | "pledge"
            | "pledges"
            | "pledged"
    ) {
        return false;
    }
    let mut k = c + 1;
    while k < hi
        && k <= c + 2
        && matches!(
            cx.l(k),
            "a" | "an"
                | "another"
                | "around"
                | "about"
                | "nearly"
                | "almost"
                | "roughly"
                | "some"
                | "over"
                | "more"
                | "than"
                | "up"
                | "to"
        )
    {
        k += 1;
    }
    k < hi && is_amount(cx, k)
}

/// "state"/"states" as the polity ("the 50 states", "Super Tuesday states", "state Sen. Jo
/// Roe", "his home state"), far more common in news than the verb: a verb of speech only
/// where a clause, a colon or a quotation follows ("the report states that …", "As the
/// report states: …").
fn polity_noun(cx: &Ctx, c: usize, hi: usize) -> bool {
    if !matches!(cx.l(c), "state" | "states") {
        return false;
    }
    let next = c + 1;
    // "states that have voted", "the state, drawing crowds": a relative clause or a
    // participle after the noun.
    let after = next + 1 < hi && {
        let w = cx.l(next + 1);
        claimtrail_lexicon::is_auxiliary(w) || w.ends_with("ing") && cx.is_word(next + 1)
    };
    // "the state", "all 50 states", "four states": a determiner or a number before it.
    let counted = c > 0 && {
        let p = cx.l(c - 1);
        is_determiner(p)
            || p.bytes().all(|b| b.is_ascii_digit())
            || matches!(
                p,
                "every" | "each" | "all" | "two" | "three" | "four" | "five" | "both" | "other"
            )
    };
    if counted {
        return true;
    }
    let clause = next >= hi
        || matches!(cx.w(next), "," | ":" | "—" | "–") && !after
        || cx.l(next) == "that" && !after
        || cx.quoted(next);
    !clause
}

/// "prosecutors in Denver", "an adviser to the mayor": a preposition at `i` opening a role
/// noun's complement, which belongs to the subject phrase.
fn role_complement_at(cx: &Ctx, lo: usize, i: usize) -> bool {
    i > lo
        && matches!(cx.l(i), "in" | "at" | "to" | "from")
        && (is_role_noun(cx.l(i - 1)) || is_group_noun(cx.l(i - 1)))
}

/// The start of the phrase whose head, a role or group noun, takes the complement holding the
/// phrase that starts at `a` after a preposition ("in", "at", "from"): "representatives at
/// several Acme stores in Canada" from "Canada". Only plain words (no comma, quotation, clause
/// word or cue) may lie between, so a clause opening with a place ("In Canada officials said")
/// or a place after a verb keeps its own subject.
pub(super) fn complement_head(cx: &Ctx, lo: usize, a: usize) -> Option<usize> {
    const REACH: usize = 8;
    if a < lo + 3 || !matches!(cx.l(a - 1), "in" | "at" | "from") {
        return None;
    }
    let mut i = a - 1;
    while i > lo + 1 && a - i < REACH {
        i -= 1;
        let w = cx.l(i);
        if cx.quoted(i) || !cx.is_word(i) || is_boundary(w) || is_cue(w) || is_time_word(w) {
            return None;
        }
        if role_complement_at(cx, lo, i) {
            return np_back(cx, lo, i).map(|(h, _)| h);
        }
    }
    named_before_place(cx, lo, a)
}

/// "The BBC's Frances Harrison in Tehran says", "Mohsen Kazemi from the Red Crescent said": a
/// name of two to four capitalised words right before "in", "at" or "from" heads the subject;
/// the phrase after the preposition is where the speaker is or works. (One word is too often a
/// place or an organisation itself: "Officials in Ohio", "Acme in Boston".)
fn named_before_place(cx: &Ctx, lo: usize, a: usize) -> Option<usize> {
    let p = a - 1;
    let mut s = p;
    while s > lo && p - s < 4 && cx.is_cap(s - 1) && !cx.quoted(s - 1) {
        s -= 1;
    }
    if p - s < 2 || !(s..p).all(|i| cx.is_word(i)) {
        return None;
    }
    np_back(cx, lo, p).map(|(h, _)| h)
}

/// "prosecutors in San Francisco and Los Angeles": the "and" at `i` joins two names inside a
/// role noun's complement (capitalised words on both sides, up to the phrase's end `end`).
fn conjoined_complement(cx: &Ctx, lo: usize, i: usize, end: usize) -> bool {
    if cx.l(i) != "and" || i + 1 >= end || !(i + 1..end).all(|x| cx.is_cap(x)) {
        return false;
    }
    let mut j = i;
    while j > lo && cx.is_cap(j - 1) {
        j -= 1;
    }
    j < i && j > lo + 1 && role_complement_at(cx, lo, j - 1)
}

/// The apostrophe of a plural possessive ("the farmers' representative"), which the tokenizer
/// leaves as punctuation: right after a word ending in "s", before a space and a word.
fn plural_possessive(cx: &Ctx, i: usize) -> bool {
    let doc = cx.doc;
    i > 0
        && i + 1 < doc.tokens.len()
        && matches!(cx.w(i), "'" | "’")
        && doc.tokens[i - 1].end == doc.tokens[i].start
        && doc.tokens[i].end < doc.tokens[i + 1].start
        && doc.tokens[i - 1].kind == TokenKind::Word
        && cx.l(i - 1).ends_with('s')
        && cx.is_word(i + 1)
}

/// Lower-case words of a role phrase before a name ("press secretary", "chief executive").
pub(crate) fn is_role_or_modifier(lower: &str) -> bool {
    is_role_noun(lower) || np_modifier(lower)
}

/// Words that open a clause's subject right after an addressee: a subject pronoun or a
/// determiner ("told reporters *the* suspect was", "told Lee *he* would").
pub(super) fn opens_clause(lower: &str) -> bool {
    is_determiner(lower)
        || matches!(
            lower,
            "he" | "she" | "they" | "it" | "we" | "i" | "there" | "these" | "those"
        )
}

/// Prepositions after which a determiner goes on the addressee ("told reporters at a …").
pub(super) fn is_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "at" | "in" | "on" | "during" | "after" | "with" | "from" | "of" | "for"
    )
}

/// Whether token `i` opens an attribution right after a quotation ("“…,” State Department
/// spokesperson Vedant Patel said"): there a capitalised cue word before another capitalised
/// word opens a name, as between two capitalised words.
pub(super) fn after_quote(cx: &Ctx, i: usize) -> bool {
    let mut j = i;
    if j > 0 && cx.w(j - 1) == "," {
        j -= 1;
    }
    j > 0 && cx.quoted(j - 1)
}

/// The phrase `a..e` when it ends in a name, without a short parenthetical after the name
/// ("Rep. Jo Roe (R-Ohio)" is "Rep. Jo Roe"): the party and state are no part of it.
pub(super) fn name_phrase(cx: &Ctx, (a, e): (usize, usize)) -> Option<(usize, usize)> {
    let mut e = e;
    if e > a + 1 && cx.w(e - 1) == ")" {
        let mut p = e - 1;
        while p > a && e - p < 8 && cx.w(p) != "(" {
            p -= 1;
        }
        if cx.w(p) == "(" {
            e = p;
        }
    }
    (e > a && cx.is_cap(e - 1)).then_some((a, e))
}

/// The name opening the clause before the appositions holding `b` ("the treasurer of Dane
/// County" after "“…,” Jo Roe,"; "Ohio" in "Jo Roe, 59, of Lorain, Ohio, who …"): an
/// apposition opens after a comma with an article, a role noun, an age, "of" or "who"; a
/// short run of capitals (a place's state) may follow one.
pub(super) fn opening_name(cx: &Ctx, lo: usize, b: (usize, usize)) -> Option<(usize, usize)> {
    const SEGMENTS: usize = 4;
    let mut a = b.0;
    let mut seg_end = b.1;
    let mut seen = false;
    for _ in 0..SEGMENTS {
        let start = a;
        while a > lo && start - a < 8 && cx.w(a - 1) != "," {
            a -= 1;
            if cx.quoted(a) || !(cx.is_word(a) || cx.w(a) == ".") {
                return None;
            }
        }
        if a < lo + 2 || cx.w(a - 1) != "," {
            return None;
        }
        let opener = cx.l(a);
        let apposition = matches!(opener, "the" | "a" | "an" | "of" | "who")
            || is_role_noun(opener)
            || cx.doc.tokens[a].kind == TokenKind::Number;
        let place = seg_end - a <= 3 && (a..seg_end).all(|i| cx.is_cap(i) || cx.w(i) == ".");
        if !apposition && !place {
            return None;
        }
        seen |= apposition;
        if let Some((x, y)) = np_back(cx, lo, a - 1).and_then(|n| name_phrase(cx, n)) {
            // The name must open its clause (the sentence, or the words after a closing
            // quotation), so that a name elsewhere ("… met Jo Roe, the …") is no subject.
            let opens = x == lo
                || cx.quoted(x - 1)
                || x >= lo + 2 && cx.w(x - 1) == "," && cx.quoted(x - 2);
            if seen && opens && (x..y).all(|i| cx.is_cap(i) || cx.w(i) == ".") {
                return Some((x, y));
            }
        }
        // On to the apposition before this one.
        a -= 1;
        seg_end = a;
    }
    None
}

pub(super) fn starts_with_time(cx: &Ctx, st: usize, hi: usize) -> bool {
    if st >= hi {
        return false;
    }
    let w = cx.l(st);
    matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "late"
            | "early"
            | "last"
            | "this"
            | "today"
            | "yesterday"
            | "when"
            | "after"
            | "before"
            | "while"
            | "through"
            | "via"
    ) || claimtrail_lexicon::is_weekday_name(w)
}
