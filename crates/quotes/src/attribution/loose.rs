//! Quoted spans no cue claimed: loose quotes credited to the speaker in play, subject
//! fragments and quotes introduced by a colon.

use crate::cue_parts::{clause_subject, is_dash, NONE};
use crate::marks::starts_paragraph;
use crate::speakers::Speaker;
use crate::word_classes::{is_boundary, pronoun_gender};

use super::frames::{acted_on, in_words_of, is_relative, sentence_subject, text_reads};
use super::paragraphs::name_label;
use super::Walk;

impl<'d, 'a> Walk<'d, 'a> {
    /// Quotes whose attribution uses a verb outside the cue list: "“…,” he wondered aloud",
    /// "“…!” posted Jane Roe", "She laid out her plan: “…”".
    pub(super) fn loose(&mut self, lo: usize, hi: usize) {
        let n = self.cx.doc.tokens.len();
        for i in lo..hi {
            let cx = &self.cx;
            let m = cx.owner[i];
            if m == NONE || self.assigned[m as usize].is_some() {
                continue;
            }
            let m = m as usize;
            let mk = cx.marks[m];
            if cx.closes(i) == Some(m) {
                let last = cx.doc.text[mk.start..mk.end].chars().next_back();
                let mut j = i + 1;
                if j < n && cx.w(j) == "," {
                    j += 1;
                }
                // "“…” — Commissioner Jane Roe": a dash, then the name.
                if is_dash(cx, i + 1) && i + 2 < n && cx.is_cap(i + 2) {
                    let a = i + 2;
                    let mut e = a;
                    while e < n && cx.is_cap(e) && e - a < 6 && !starts_paragraph(cx.doc, e) {
                        e += 1;
                    }
                    // A name that opens the next paragraph is not this quote's credit.
                    if e > a {
                        let sp = self.people.resolve(cx.doc, a, e, &self.history);
                        self.assigned[m] = Some((sp, None));
                        continue;
                    }
                }
                // A pull quote over a line holding only its speaker's name ("“…”" / "Jo Roe" /
                // "Museum President"): a person's name alone on the next paragraph credits it.
                if starts_paragraph(cx.doc, mk.open_tok)
                    && i + 1 < n
                    && starts_paragraph(cx.doc, i + 1)
                {
                    let a = i + 1;
                    let mut e = a;
                    while e < n
                        && cx.is_cap(e)
                        && e - a < 4
                        && (e == a || !starts_paragraph(cx.doc, e))
                    {
                        e += 1;
                    }
                    if e - a >= 2 && (e >= n || starts_paragraph(cx.doc, e)) {
                        let sp = self.people.resolve(cx.doc, a, e, &self.history);
                        if sp.person.is_some() {
                            self.remember(&sp);
                            self.assigned[m] = Some((sp, None));
                            continue;
                        }
                    }
                }
                let open_end = matches!(last, Some(',' | '!' | '?' | '—' | '-')) || j > i + 1;
                if !open_end || j + 1 >= n || starts_paragraph(cx.doc, j) {
                    continue;
                }
                // "“…,” the statement read.", "“…” read the email": a text reads out its words.
                if let Some(((a, b), cue)) = text_reads(cx, j, n) {
                    let sp = self.people.resolve(cx.doc, a, b, &self.history);
                    let cue = cx.w(cue).to_string();
                    self.assigned[m] = Some((sp, Some(cue)));
                    continue;
                }
                let found = if opens_adverbial(cx.l(j)) {
                    // "“…?” In Harbour Weekly last May, we …": a preposition opens an
                    // adverbial (the next sentence's), neither a name nor an inverted verb.
                    None
                } else if pronoun_gender(cx.l(j)).is_some() && cx.is_word(j + 1) {
                    (!cx.is_cap(j + 1)).then_some(((j, j + 1), j + 1))
                } else if cx.is_cap(j) {
                    let mut e = j;
                    while e < n && cx.is_cap(e) && e - j < 5 {
                        e += 1;
                    }
                    (e < n && cx.is_word(e) && !cx.is_cap(e) && !is_boundary(cx.l(e)))
                        .then_some(((j, e), e))
                } else if cx.is_word(j) && !is_boundary(cx.l(j)) && !cx.quoted(j) {
                    // Inverted: "posted Sharon Powers Geyer."
                    let a = j + 1;
                    let mut e = a;
                    if e < n && matches!(cx.l(e), "the" | "a" | "an") {
                        e += 1;
                    }
                    while e < n && cx.is_cap(e) && e - a < 5 {
                        e += 1;
                    }
                    let ends = e >= n || !cx.is_word(e);
                    (e > a && cx.is_cap(e - 1) && ends).then_some(((a, e), j))
                } else {
                    None
                };
                if let Some(((a, b), cue)) = found {
                    let sp = self.people.resolve(cx.doc, a, b, &self.history);
                    let cue = cx.w(cue).to_string();
                    self.remember(&sp);
                    self.assigned[m] = Some((sp, Some(cue)));
                }
            } else if let Some((a, b)) = in_words_of(cx, lo, i).filter(|_| i == mk.open_tok) {
                // "In Dr. Roe's words, “…”".
                let sp = self.people.resolve(cx.doc, a, b, &self.history);
                self.remember(&sp);
                self.assigned[m] = Some((sp, Some("words".to_string())));
            } else if i == mk.open_tok && i > lo && cx.w(i - 1) == ":" {
                // "Clinton: “…”", "… - Jeffrey M. Jones: “…”": a person's name as the label.
                let label = name_label(cx, lo, i - 1)
                    .or_else(|| named_before_colon(cx, lo, i - 1))
                    .map(|(a, b)| self.people.resolve(cx.doc, a, b, &self.history))
                    .filter(|sp| sp.person.is_some());
                if let Some(sp) = label {
                    self.remember(&sp);
                    self.assigned[m] = Some((sp, Some(":".to_string())));
                } else if let Some((a, b)) = clause_subject(cx, lo, i - 1) {
                    let sp = self.people.resolve(cx.doc, a, b, &self.history);
                    // "You then extend it to everyone: “May we all be well.”": the reader is
                    // offered words to say (a mantra, an example), no one's statement; not kept
                    // as an unattributed quote either. ("It" stays: PolNeAR's "It [the report]
                    // notes: “…”".)
                    if sp.name.is_none() && b == a + 1 && cx.l(a) == "you" {
                        self.consumed[m] = Some(Speaker::default());
                        continue;
                    }
                    let cue = cx.w(b).to_string();
                    self.remember(&sp);
                    self.assigned[m] = Some((sp, Some(cue)));
                }
            }
        }
    }

    /// "Mr. Obama decried the “spin masters and negative-ad peddlers who embrace …”",
    /// "McConnell delivered a blunt message: “It's time to quit …”": a quotation inside its
    /// sentence, with no cue to claim it, is the words of the sentence's subject when that is a
    /// person the document knows (or a pronoun standing for one). Only a statement-length span
    /// (one that is a quote with or without a speaker): a short fragment is as often a label or
    /// a scare quote. Not when the subject is acted on ("was labelled “…”") or a relative
    /// clause between brings in another actor ("Trump, whom Cruz called “…”").
    pub(super) fn subject_fragments(&mut self, lo: usize, hi: usize) {
        const FRAGMENT_WORDS: usize = 6;
        let mut subject: Option<Option<(Speaker, usize)>> = None;
        for i in lo + 1..hi {
            let cx = &self.cx;
            let Some(m) = cx.opens(i) else { continue };
            // A mark closing the sentence opens the next one's quotation, whose attribution
            // follows it.
            if i + 1 >= hi || self.assigned[m].is_some() || self.consumed[m].is_some() {
                continue;
            }
            let mk = cx.marks[m];
            if cx.doc.text[mk.start..mk.end].split_whitespace().count() < FRAGMENT_WORDS {
                continue;
            }
            // The sentence's subject, found once per sentence.
            let sp = subject.get_or_insert_with(|| {
                // A headline in title case ("Trump Says Cruz Is …") has no clause to read.
                let words = (lo..i).filter(|&k| cx.is_word(k)).count();
                let caps = (lo..i).filter(|&k| cx.is_cap(k)).count();
                if words >= 4 && 2 * caps > words {
                    return None;
                }
                let (a, b) = clause_subject(cx, lo, i)?;
                if (b..i).any(|k| cx.quoted(k) || acted_on(cx, k) || is_relative(cx.l(k))) {
                    return None;
                }
                let sp = self.people.resolve(cx.doc, a, b, &self.history);
                (sp.name.is_some() && sp.person.is_some()).then_some((sp, b))
            });
            let Some((sp, b)) = sp.clone() else { return };
            // The subject's own clause: nothing quoted or passive between it and this span,
            // and no other person named there ("Jindal signed an order, while Huckabee
            // proposed “…”").
            let other = self
                .people
                .last_person_between(cx.doc, b, i)
                .is_some_and(|p| p.person != sp.person);
            if other || (b..i).any(|k| cx.closes(k).is_some() || acted_on(cx, k)) {
                return;
            }
            self.remember(&sp);
            self.assigned[m] = Some((sp, None));
        }
    }

    /// "Charles Schultze, chairman of the council, once summed up the danger with a metaphor.
    /// “It’s not so much …”": a quotation opening its sentence, with no cue of its own, right
    /// after a sentence of the same paragraph whose subject is a person and which quotes
    /// nothing, is that person's.
    pub(super) fn introduced(&mut self, lo: usize, hi: usize) {
        let cx = &self.cx;
        let (pa, pb) = self.previous;
        let Some(m) = cx.opens(lo) else { return };
        if self.assigned[m].is_some()
            || self.consumed[m].is_some()
            || pb != lo
            || pa >= pb
            || starts_paragraph(cx.doc, lo)
            || !matches!(cx.w(pb - 1), "." | ":")
            || (pa..pb).any(|i| cx.quoted(i))
        {
            return;
        }
        let words = (lo..hi).filter(|&i| cx.quoted(i) && cx.is_word(i)).count();
        // "MacGyver … is returning to CBS. “Tales From the Crypt,” an HBO series, …": a title
        // opening the sentence is no one's words.
        if words < 4 || crate::cue_parts::reads_as_title(cx, m) {
            return;
        }
        let Some((a, b)) = sentence_subject(cx, pa, pb) else {
            return;
        };
        let sp = self.people.resolve(cx.doc, a, b, &self.history);
        // A person the document knows, not any capitalised opener ("Since then, …").
        if sp.name.is_none() || sp.person.is_none() {
            return;
        }
        self.remember(&sp);
        self.assigned[m] = Some((sp, None));
    }
}

/// "Some riders were won over, including tester Jo Roe: “…”": a name (after its lower-case role
/// words) closing the clause on the colon, set off by "including", "like" or a comma, is the
/// quotation's speaker rather than the sentence's subject.
fn named_before_colon(
    cx: &crate::cue_parts::Ctx,
    lo: usize,
    colon: usize,
) -> Option<(usize, usize)> {
    let mut a = colon;
    while a > lo && colon - a < 4 && cx.is_cap(a - 1) {
        a -= 1;
    }
    if a == colon || colon - a < 2 {
        return None;
    }
    let mut r = a;
    while r > lo
        && a - r < 3
        && (crate::cue_parts::is_role_or_modifier(cx.l(r - 1))
            || crate::cue_parts::agent_noun(cx, r - 1))
    {
        r -= 1;
    }
    (r > lo && matches!(cx.l(r - 1), "including" | "like" | ",")).then_some((a, colon))
}

/// Prepositions that open a sentence's adverbial ("In May, …", "After the vote, …"), never a
/// speaker's name or a verb of saying.
fn opens_adverbial(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "at"
            | "on"
            | "for"
            | "of"
            | "from"
            | "by"
            | "with"
            | "during"
            | "after"
            | "before"
            | "since"
            | "under"
            | "over"
            | "into"
            | "through"
            | "across"
            | "among"
    )
}
