//! Paragraph-level attribution: block quotations, credit lines, transcript labels and the
//! speaker who goes on talking in the paragraphs after a quote.

use claimtrail_text::{QuoteKind, TokenKind};

use crate::cue_parts::{is_dash, is_role_or_modifier, Ctx};
use crate::marks::starts_paragraph;
use crate::speakers::{is_group_noun, is_org_noun, Speaker};
use crate::word_classes::{is_cue, is_participle, pronoun_gender};

use super::{Found, Walk, BLOCK_WORDS, CLAUSE_TAIL};

impl<'d, 'a> Walk<'d, 'a> {
    /// Block quotations: each paragraph of one a direct quote (see `find_quotes_with_blocks`),
    /// quote marks inside it the same speaker's; what is no sentence (a listing's lines) is
    /// left out. A block right after another, only short lines between, keeps its speaker
    /// unless someone else spoke in between. A block no one can be found to speak (no credit
    /// line, no speaker in play, no person named just before it, no sentence ending in a
    /// colon introducing it) is a box the page set off,
    /// "Key takeaways" or "The bottom line", not a quotation: its range is returned, for its
    /// sentences to be read as the article's own.
    pub(super) fn blocks(&mut self, blocks: &[(usize, usize)]) -> Vec<(usize, usize)> {
        // (first token of the previous block, its end, its speaker)
        let mut prev: Option<(usize, usize, Speaker)> = None;
        let mut unspoken = Vec::new();
        for &(a, b) in blocks {
            let cx = &self.cx;
            let b = b.min(cx.doc.tokens.len());
            // Headings set off with the block ("Best picks of 2026" over a list of titled
            // lines, or a section heading repeating one of them) are no one's words.
            let pieces: Vec<(usize, usize)> = paragraphs_of(cx, a, b)
                .into_iter()
                .filter(|&(pa, pb)| !is_heading_line(cx, pa, pb))
                .collect();
            if pieces.is_empty() {
                unspoken.push((a, b));
                prev = None;
                continue;
            }
            let last = pieces.last().map_or(a, |p| p.0);
            let credit = self
                .credit_at_paragraph(last)
                .or_else(|| self.credit_at_paragraph(b));
            let latest = self.history.iter().rev().find(|s| s.at < a);
            let speaker = match (credit, &prev, latest) {
                (Some(c), _, _) => c,
                (None, Some((pa, pb, sp)), h)
                    if h.is_none_or(|h| h.at < *pa) && paragraphs_between(cx, *pb, a) <= 3 =>
                {
                    sp.clone()
                }
                (None, _, Some(h)) if paragraphs_between(cx, h.at, a) <= 2 => h.clone(),
                _ => self
                    .people
                    .last_person_between(cx.doc, previous_paragraph(cx, a), a)
                    .unwrap_or_default(),
            };
            // A sentence closing on a colon just before the block introduces it as a
            // quotation ("the goals they claim for data collection:"), a speaker found or not;
            // a label ("The bottom line:") or nothing does not.
            let introduced = a > 0 && cx.w(a - 1) == ":" && {
                let p = previous_paragraph(cx, a);
                (p..a).filter(|&i| cx.is_word(i)).count() > 6
            };
            if speaker.name.is_none() && !introduced {
                unspoken.push((a, b));
                prev = None;
                continue;
            }
            for (pa, pb) in pieces {
                let cx = &self.cx;
                let words = (pa..pb).filter(|&i| cx.is_word(i)).count();
                if words < BLOCK_WORDS || credit_at(cx, pa).is_some() {
                    continue;
                }
                // A paragraph that is one quotation in marks is read as such; marks inside a
                // paragraph take the block's speaker.
                let mut whole_mark = false;
                for i in pa..pb {
                    if let Some(m) = cx.opens(i) {
                        let mk = cx.marks[m];
                        whole_mark |= i == pa && mk.close_tok.is_some_and(|c| c + 2 >= pb);
                        if self.assigned[m].is_none() && self.consumed[m].is_none() {
                            self.assigned[m] = Some((speaker.clone(), None));
                        }
                    }
                }
                if !whole_mark {
                    let (start, end) = (cx.doc.tokens[pa].start, cx.doc.tokens[pb - 1].end);
                    self.found.push(Found {
                        start,
                        end,
                        kind: QuoteKind::Direct,
                        speaker: speaker.clone(),
                        cue: None,
                    });
                }
            }
            prev = Some((a, b, speaker));
        }
        unspoken
    }

    /// A credit line ("— Jo Roe (@jroe)") opening the paragraph at token `at`, as a speaker.
    fn credit_at_paragraph(&self, at: usize) -> Option<Speaker> {
        let cx = &self.cx;
        if at >= cx.doc.tokens.len() || !starts_paragraph(cx.doc, at) {
            return None;
        }
        let (a, e) = credit_at(cx, at)?;
        Some(self.people.resolve(cx.doc, a, e, &self.history))
    }

    /// A quoted span without a cue continues the speaker of the quote before it when it follows
    /// in the same paragraph or opens one of the next three.
    pub(super) fn continue_speakers(&mut self) {
        let cx = &self.cx;
        // (paragraph number, speaker, whether a quotation of theirs rather than a fragment of a
        // reported clause)
        let mut prev: Option<(usize, Speaker, bool)> = None;
        // Where the speaker in `prev` last spoke (a byte offset).
        let mut prev_end = 0usize;
        // Reported clauses with a named speaker, by where they end: "…, Tom Reed added. “…”"
        // puts Tom Reed in play for the quotation after, as a quotation of his would.
        // Only a clause that opens its sentence: one inside a sentence that quotes someone
        // else ("“…,” Roe said, after Lee stated that …. “…”") leaves that quotation's
        // speaker in play.
        let opens_sentence = |byte: usize| {
            let k = cx.doc.tokens.partition_point(|t| t.start < byte);
            k == 0 || starts_paragraph(cx.doc, k) || cx.is_stop(k - 1)
        };
        let mut clauses: Vec<(usize, &Speaker)> = self
            .found
            .iter()
            .filter(|f| f.kind != QuoteKind::Direct && f.speaker.name.is_some())
            .filter(|f| opens_sentence(f.start))
            .map(|f| (f.end, &f.speaker))
            .collect();
        clauses.sort_by_key(|c| c.0);
        let mut next_clause = 0usize;
        // Reported clauses with a named speaker that close on a colon ending their paragraph,
        // by where the colon is: "Ramsey says she was outside for nine minutes before coming
        // back:" introduces the quotation opening the next paragraph as his. Not a clause with
        // a cue of its own ("… said the suspect shouted:"), whose quotation is another's.
        let mut colon_clauses: Vec<(usize, &Speaker)> = self
            .found
            .iter()
            .filter(|f| f.kind == QuoteKind::Indirect && f.speaker.name.is_some())
            .filter_map(|f| {
                let k = cx.doc.tokens.partition_point(|t| t.start < f.end);
                let colon = (k < cx.doc.tokens.len() && cx.w(k) == ":").then_some(k)?;
                let from = cx.doc.tokens.partition_point(|t| t.start < f.start);
                let own_cue = (from..colon).any(|i| is_cue(cx.l(i)));
                (!own_cue && colon + 1 < cx.doc.tokens.len() && starts_paragraph(cx.doc, colon + 1))
                    .then_some((colon, &f.speaker))
            })
            .collect();
        colon_clauses.sort_by_key(|c| c.0);
        let mut para = 0usize;
        let mut tok = 0usize;
        for m in 0..cx.marks.len() {
            let mk = cx.marks[m];
            // Paragraph number of the opening mark, counted incrementally.
            while tok < mk.open_tok {
                tok += 1;
                if starts_paragraph(cx.doc, tok) {
                    para += 1;
                }
            }
            let start_para = para;
            let open_at = cx.doc.tokens[mk.open_tok].start;
            let mut clause = None;
            while next_clause < clauses.len() && clauses[next_clause].0 <= open_at {
                clause = Some(clauses[next_clause]);
                next_clause += 1;
            }
            // A quotation opening the sentence right after a reported clause whose cue
            // trails it ("…, Tom Reed added. “…”"): the clause's speaker, within the paragraph.
            let after_clause = clause
                .filter(|&(end, _)| end > prev_end && mk.open_tok > 0)
                .filter(|_| cx.is_stop(mk.open_tok - 1))
                .and_then(|(end, sp)| {
                    let end_tok = cx.doc.tokens.partition_point(|t| t.start < end);
                    (mk.open_tok - end_tok.min(mk.open_tok) <= CLAUSE_TAIL
                        && !(end_tok..=mk.open_tok).any(|i| starts_paragraph(cx.doc, i)))
                    .then(|| sp.clone())
                });
            let after_clause = after_clause.or_else(|| {
                let k = mk.open_tok.checked_sub(1)?;
                let n = colon_clauses.partition_point(|c| c.0 < k);
                colon_clauses
                    .get(n)
                    .filter(|c| c.0 == k && prev_end <= cx.doc.tokens[k].start)
                    .map(|c| c.1.clone())
            });
            // A quoted fragment of a reported clause speaks for the clause's speaker too
            // ("“…” to hold up, Indyk said. “That has nothing …”").
            let known = self.assigned[m]
                .as_ref()
                .map(|(sp, _)| sp)
                .or(self.consumed[m].as_ref());
            if let Some(sp) = known {
                prev = Some((start_para, sp.clone(), self.assigned[m].is_some()));
                prev_end = open_at;
            } else if let Some(sp) = after_clause {
                self.assigned[m] = Some((sp.clone(), None));
                prev = Some((start_para, sp, true));
                prev_end = open_at;
            } else if let Some(sp) = prev.is_none().then(|| self.lede_speaker(m)).flatten() {
                // "“She's a hard worker.”" / "Kim Roe says the woman is …": a quotation
                // with no one in play, right before a paragraph that opens by naming its
                // speaker, is that speaker's (the quotation leading a story).
                self.assigned[m] = Some((sp.clone(), None));
                prev = Some((start_para, sp, true));
                prev_end = open_at;
            } else if let Some(sp) = self.introduced_before(m) {
                // "Jo Roe, director of the center, agreed with the ruling." / "“…”": a
                // quotation opening the paragraph right after one that opens with a person,
                // no quotation or report in it, is that person's.
                self.assigned[m] = Some((sp.clone(), None));
                prev = Some((start_para, sp, true));
                prev_end = open_at;
            } else {
                if let Some((pp, sp, quoted)) = &prev {
                    let opens_para = starts_paragraph(cx.doc, mk.open_tok);
                    // After a fragment of a reported clause only a quotation that opens its
                    // sentence goes on with the speaker: a fragment inside another clause
                    // ("… bemoaned the unrest and said drugs were a “big factor”") is not theirs.
                    let opens_sentence = mk.open_tok == 0
                        || opens_para
                        || cx.is_stop(mk.open_tok - 1)
                        || cx.closes(mk.open_tok - 1).is_some();
                    // A paragraph opening with a quotation, no attribution in sight, goes on
                    // with the last speaker across a short gap (a caption, a one-line aside).
                    if (*pp == start_para || start_para <= *pp + 3 && opens_para)
                        && sp.name.is_some()
                        && (*quoted || opens_sentence)
                    {
                        let sp = sp.clone();
                        self.assigned[m] = Some((sp.clone(), None));
                        prev = Some((start_para, sp, true));
                        prev_end = open_at;
                    }
                }
            }
            // Move the paragraph count to the end of the span (multi-paragraph quotes).
            let end = mk.close_tok.unwrap_or(mk.last_tok.saturating_sub(1));
            while tok < end {
                tok += 1;
                if starts_paragraph(cx.doc, tok) {
                    para += 1;
                }
            }
            if let Some((pp, _, _)) = &mut prev {
                if self.assigned[m].is_some() || self.consumed[m].is_some() {
                    *pp = para;
                }
            }
        }
    }
}

impl Walk<'_, '_> {
    /// The speaker of the reported clause that opens the paragraph right after quotation `m`
    /// (which fills its own paragraphs), named as the clause's subject at the paragraph's
    /// start.
    fn lede_speaker(&self, m: usize) -> Option<Speaker> {
        let cx = &self.cx;
        let mk = cx.marks[m];
        let n = cx.doc.tokens.len();
        if !starts_paragraph(cx.doc, mk.open_tok) {
            return None;
        }
        let mut np = mk.close_tok.map_or(mk.last_tok, |c| c + 1);
        while np < n && !starts_paragraph(cx.doc, np) {
            if cx.is_word(np) {
                return None;
            }
            np += 1;
        }
        if np >= n {
            return None;
        }
        let from = cx.doc.tokens[np].start;
        self.found
            .iter()
            .find(|f| {
                f.kind != QuoteKind::Direct
                    && f.start > from
                    && f.speaker.name.is_some()
                    && f.speaker.kind == Some(claimtrail_text::EntityKind::Person)
                    && (np..=np + 1).contains(&f.speaker.at)
            })
            .map(|f| f.speaker.clone())
    }

    /// The person the paragraph before quotation `m` opens with, when `m` opens its paragraph
    /// and that paragraph holds no quotation mark and no reported clause: the person the
    /// article has just brought in.
    fn introduced_before(&self, m: usize) -> Option<Speaker> {
        let cx = &self.cx;
        let open = cx.marks[m].open_tok;
        if open == 0 || !starts_paragraph(cx.doc, open) {
            return None;
        }
        let pa = previous_paragraph(cx, open);
        if !starts_paragraph(cx.doc, pa) || pa >= open {
            return None;
        }
        let marked = m > 0 && {
            let p = cx.marks[m - 1];
            p.close_tok.unwrap_or(p.last_tok) >= pa
        };
        let (from, to) = (cx.doc.tokens[pa].start, cx.doc.tokens[open].start);
        if marked || self.found.iter().any(|f| f.end > from && f.start < to) {
            return None;
        }
        self.people.person_opening(cx.doc, pa, open)
    }
}

/// The name labelling a quotation after the colon at `colon`: the words since the sentence
/// start or a dash, a few capitalised words with role words before them and a short
/// parenthetical after ("Former secretary of state Jo Roe:", "Rep. Jo Roe (R-Ohio):").
pub(super) fn name_label(cx: &Ctx, lo: usize, colon: usize) -> Option<(usize, usize)> {
    let mut b = colon;
    // A short parenthetical closing the label belongs to no name.
    if b > lo && cx.w(b - 1) == ")" {
        b = (lo.max(colon.saturating_sub(10))..b - 1)
            .rev()
            .find(|&p| cx.w(p) == "(")?;
    }
    let mut a = b;
    while a > lo && b - a < 8 && !is_dash(cx, a - 1) {
        a -= 1;
    }
    if a == b || !(a == lo || is_dash(cx, a - 1)) {
        return None;
    }
    let named = b > a && cx.is_cap(b - 1);
    let all_name_words = (a..b).all(|i| {
        cx.is_cap(i) || cx.w(i) == "." || cx.l(i) == "and" || is_role_or_modifier(cx.l(i))
    });
    (named && all_name_words && !cx.quoted(a)).then_some((a, b))
}

/// A dash and a name opening the paragraph at `at`: the tokens of the name.
fn credit_at(cx: &Ctx, at: usize) -> Option<(usize, usize)> {
    let n = cx.doc.tokens.len();
    if !is_dash(cx, at) || at + 1 >= n || !cx.is_cap(at + 1) {
        return None;
    }
    let a = at + 1;
    let mut e = a;
    while e < n && cx.is_cap(e) && e - a < 5 && !starts_paragraph(cx.doc, e) {
        e += 1;
    }
    Some((a, e))
}

/// The paragraphs of tokens `a..b` as token ranges.
fn paragraphs_of(cx: &Ctx, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = a;
    for i in a + 1..b {
        if starts_paragraph(cx.doc, i) {
            out.push((s, i));
            s = i;
        }
    }
    if s < b {
        out.push((s, b));
    }
    out
}

/// A line set as a heading: no sentence end, and at least two thirds of its words capitalised
/// ("Best Affordable EV - 2026 Nissan Leaf and 2027 Chevrolet Bolt", "Best EVs of 2026").
fn is_heading_line(cx: &Ctx, a: usize, b: usize) -> bool {
    let Some(last) = (a..b)
        .rev()
        .find(|&i| cx.opens(i).is_none() && cx.closes(i).is_none())
    else {
        return false;
    };
    if cx.is_stop(last) || matches!(cx.w(last), ":" | ",") {
        return false;
    }
    let (mut words, mut caps) = (0usize, 0usize);
    for i in a..b {
        if cx.doc.tokens[i].kind == TokenKind::Word {
            words += 1;
            caps += usize::from(cx.is_cap(i) || cx.w(i).chars().all(|c| c.is_ascii_uppercase()));
        }
    }
    words > 0 && caps * 3 >= words * 2
}

/// The paragraph breaks between tokens `from` and `to`, counted up to 8.
fn paragraphs_between(cx: &Ctx, from: usize, to: usize) -> usize {
    let mut count = 0;
    let mut i = to;
    while i > from && count < 8 {
        if starts_paragraph(cx.doc, i) {
            count += 1;
        }
        i -= 1;
    }
    count
}

/// The first token of the paragraph before the one starting at token `at` (a bounded look).
fn previous_paragraph(cx: &Ctx, at: usize) -> usize {
    let mut i = at.saturating_sub(1);
    let floor = at.saturating_sub(400);
    while i > floor && !starts_paragraph(cx.doc, i) {
        i -= 1;
    }
    i
}

/// Whether the attribution "As X <cue>," (subject from `a`, cue `c`) opening the sentence only
/// passes on a clause that has an attribution of its own (a subject and a cue within its first
/// words).
pub(super) fn channel_only(cx: &Ctx, lo: usize, a: usize, c: usize, hi: usize) -> bool {
    let opens = a == lo + 1 && cx.l(lo) == "as";
    let comma = c + 1 < hi && cx.w(c + 1) == ",";
    if !(opens && comma) {
        return false;
    }
    let from = c + 2;
    let mut j = from;
    while j < hi && j - from < 8 && cx.is_word(j) && !cx.quoted(j) {
        // A named subject, a pronoun or an organisation noun ("the company announced"),
        // not any noun ("research in humans shows").
        let subject = cx.is_cap(j - 1)
            || pronoun_gender(cx.l(j - 1)).is_some()
            || is_org_noun(cx.l(j - 1))
            || is_group_noun(cx.l(j - 1));
        if j > from && is_cue(cx.l(j)) && !cx.is_cap(j) && !is_participle(cx.l(j)) && subject {
            return true;
        }
        j += 1;
    }
    false
}

/// The speaker label opening a transcript's paragraph: one to three words in capitals, then a
/// colon ("WALLACE:", "SEN. JO ROE:").
pub(super) fn transcript_label(piece: &str) -> Option<&str> {
    let colon = piece.find(':')?;
    let label = &piece[..colon];
    let words: Vec<&str> = label.split_whitespace().collect();
    let caps = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    (!words.is_empty() && words.len() <= 3 && words.iter().all(caps) && label.trim() == label)
        .then_some(label)
}

/// "WALLACE" → "Wallace", "JO ROE" → "Jo Roe".
pub(super) fn title_case(label: &str) -> String {
    label
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or(String::new(), |f| {
                f.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The paragraphs of the quoted text `start..end`, each without the opening mark that the
/// multi-paragraph convention repeats and without surrounding space; one piece when the text
/// holds no paragraph break.
pub(super) fn paragraph_pieces(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut a = start;
    for (i, _) in text[start..end].match_indices('\n') {
        push_piece(text, a, start + i, &mut pieces);
        a = start + i + 1;
    }
    push_piece(text, a, end, &mut pieces);
    pieces
}

fn push_piece(text: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let mut s = a + lead;
    // The opening mark that starts a continuing paragraph.
    for mark in ["“", "„", "\"", "«", "``", "''"] {
        if text[s..b].starts_with(mark) {
            s += mark.len();
            break;
        }
    }
    let body = &text[s..b];
    let s = s + (body.len() - body.trim_start().len());
    let e = s + text[s..b].trim_end().len();
    if e > s {
        out.push((s, e));
    }
}
