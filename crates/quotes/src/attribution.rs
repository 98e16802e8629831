//! The walk over a document that links cues to subjects and contents (see the crate docs). One
//! [`Walk`] holds what the walk learns as it goes: which quoted span is assigned to whom, which
//! quoted fragments a reported clause absorbed, the quotes found and the speakers remembered for
//! pronouns. The parts around each cue are found by `cue_parts`.

use std::ops::Range;

use claimtrail_text::{Doc, Entity, Quote, QuoteKind, TokenKind};

use crate::cue_parts::{
    about_speaker, aside_content, clause_subject, content_after, content_before, extent_start,
    has_own_object, is_dash, is_determiner, is_role_or_modifier, noun_use, np_back,
    opens_relative_clause, quote_after, quote_before, subject_after, subject_before, trim,
    valid_subject, Ctx, MAX_CONTENT, MAX_SUBJECT, NONE,
};
use crate::marks::{find_marked, starts_paragraph};
use crate::passive::{agent_after, first_person, passive_aux};
use crate::speakers::{is_group_noun, is_org_noun, People, Speaker};
use crate::word_classes::{
    is_addressee_cue, is_aux_or_adverb, is_boundary, is_cue, is_finding_noun, is_name_particle,
    is_participle, is_role_noun, is_speech_noun, is_stance, is_that_cue, is_time_word, is_weak_cue,
    pronoun_gender,
};

/// Fewest words of a block quotation's paragraph read as a quote (shorter ones are a listing's
/// lines, a caption, a credit).
const BLOCK_WORDS: usize = 4;

/// Most tokens between a reported clause and a quotation that continues its speaker: the
/// trailing attribution (", said Dr. Jo Roe, a physician in Ohio.").
const CLAUSE_TAIL: usize = 16;

/// Speakers kept for resolving pronouns (the resolver looks back at most this far).
const HISTORY: usize = 64;

struct Found {
    start: usize,
    end: usize,
    kind: QuoteKind,
    speaker: Speaker,
    cue: Option<String>,
}

pub fn attribute(doc: &Doc, entities: &[Entity], block_quotes: &[Range<usize>]) -> Vec<Quote> {
    let blocks = block_tokens(doc, block_quotes);
    let mut walk = Walk::new(doc, entities, &blocks);
    let n = doc.tokens.len();
    let mut b = 0;
    for s in &doc.sentences {
        // A block quotation's sentences are the quoted speaker's words: their cues are no
        // attributions of the article's.
        while b < blocks.len() && blocks[b].1 <= s.first_token {
            b += 1;
        }
        if blocks.get(b).is_some_and(|&(a, _)| a <= s.first_token) {
            continue;
        }
        walk.sentence(s.first_token, s.end_token.min(n));
    }
    walk.blocks(&blocks);
    walk.finish()
}

/// The token ranges of the block quotations given as byte ranges (empty or malformed ones
/// dropped), in text order.
fn block_tokens(doc: &Doc, ranges: &[Range<usize>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = ranges
        .iter()
        .filter_map(|r| {
            let a = doc.tokens.partition_point(|t| t.start < r.start);
            let b = doc.tokens.partition_point(|t| t.start < r.end);
            (a < b).then_some((a, b))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The walk's state across the sentences of one document.
struct Walk<'d, 'a> {
    cx: Ctx<'d, 'a>,
    people: People,
    /// Per quoted span: its speaker and cue, once an attribution claims it.
    assigned: Vec<Option<(Speaker, Option<String>)>>,
    /// Per quoted span: part of a reported clause (a mixed quote), not a quote of its own; the
    /// clause's speaker, whom a quotation after it may continue.
    consumed: Vec<Option<Speaker>>,
    found: Vec<Found>,
    /// Named speakers, newest last, for resolving pronouns.
    history: Vec<Speaker>,
    /// The tokens of the sentence walked last.
    previous: (usize, usize),
    /// The end of the last list of reported items ("Obama also said:" then short paragraphs):
    /// their words are attributed already, so a stance word in one ("He is confident …")
    /// makes no second quote.
    listed_end: usize,
}

/// Where the walk stands in one sentence (tokens `lo..hi`).
struct Sentence {
    lo: usize,
    hi: usize,
    /// The last speaker, whom a participle continues ("…, adding that …").
    last: Option<Speaker>,
    /// Tokens before this one are attributed already.
    covered: usize,
    /// The reported clause of the last cue while the walk is inside it: a cue in it with a
    /// subject of its own reports nested speech ("Lee said Roe had told her that …").
    nested: Option<(usize, usize, Speaker)>,
}

impl<'d, 'a> Walk<'d, 'a> {
    fn new(doc: &'d Doc<'a>, entities: &[Entity], blocks: &[(usize, usize)]) -> Self {
        let n = doc.tokens.len();
        let marks = find_marked(doc);
        let mut owner = vec![NONE; n];
        for (m, mk) in marks.iter().enumerate() {
            let end = mk.close_tok.map_or(mk.last_tok, |c| c + 1).min(n);
            for o in &mut owner[mk.open_tok..end] {
                *o = m as u32;
            }
        }
        let mut quoted: Vec<bool> = owner.iter().map(|&o| o != NONE).collect();
        // A name inside a block quotation is spoken about, as one inside quote marks.
        for &(a, b) in blocks {
            quoted[a..b.min(n)].iter_mut().for_each(|q| *q = true);
        }
        let people = People::build(doc, entities, &quoted);
        let lower = doc.text.to_ascii_lowercase();
        let spans = marks.len();
        Walk {
            cx: Ctx {
                doc,
                marks,
                owner,
                lower,
            },
            people,
            assigned: vec![None; spans],
            consumed: vec![None; spans],
            found: Vec::with_capacity(spans + doc.sentences.len() / 2),
            history: Vec::with_capacity(2 * HISTORY),
            previous: (0, 0),
            listed_end: 0,
        }
    }

    /// Attributes the cues of one sentence, then its quotes without a cue.
    fn sentence(&mut self, lo: usize, hi: usize) {
        let mut s = Sentence {
            lo,
            hi,
            last: None,
            covered: lo.max(self.listed_end.min(hi)),
            nested: None,
        };
        let mut c = lo;
        while c < hi {
            c = self.at(&mut s, c);
        }
        self.findings(&s);
        self.loose(lo, hi);
        self.subject_fragments(lo, hi);
        self.introduced(lo, hi);
        self.previous = (lo, hi);
        // Pronouns look back a bounded number of speakers; drop the rest (amortised O(1)).
        if self.history.len() > 2 * HISTORY {
            self.history.drain(..self.history.len() - HISTORY);
        }
    }

    /// The attribution a cue at token `c` makes, if it is one; returns the token to go on from.
    fn at(&mut self, s: &mut Sentence, c: usize) -> usize {
        let cx = &self.cx;
        let (lo, hi) = (s.lo, s.hi);
        if let Some(end) = s.nested.as_ref().map(|n| n.1).filter(|&end| c >= end) {
            s.covered = s.covered.max(end);
            s.nested = None;
        }
        // "Netanyahu’s declaration that …": a speech noun with its speaker as possessor.
        if c + 1 < hi
            && c >= s.covered
            && !cx.quoted(c)
            && (cx.l(c + 1) == "that" || time_adjunct_then_that(cx, c + 1, hi))
            && is_speech_noun(cx.l(c))
            // "Officials claim that …": after a plural subject the word is the verb.
            && !(c > lo && plural_subject_before(cx, lo, c))
        {
            self.possessed_statement(s, c);
            return c + 1;
        }
        // "in the wake of accusations (apparently justified) that …": a charge made by people
        // the article does not name.
        if c + 1 < hi
            && c >= s.covered
            && s.nested.is_none()
            && !cx.quoted(c)
            && matches!(cx.l(c), "accusations" | "allegations")
        {
            if let Some(that) = that_after_aside(cx, c + 1, hi) {
                if let Some((x, y)) = trim(cx, that + 1, hi.min(that + 1 + MAX_CONTENT)) {
                    let cue = cx.w(c).to_string();
                    self.push_content(x, y, &Speaker::default(), &cue);
                    s.covered = s.covered.max(y);
                    return y.max(c + 1);
                }
            }
        }
        // Cheap rejections first: this runs for every token of the document (whether a
        // capital is a time word is asked only of the few cue words).
        if cx.quoted(c)
            || c < s.covered
            || cx.doc.tokens[c].kind != TokenKind::Word
            || !is_cue(cx.l(c))
            || c > lo && cx.is_cap(c)
            || noun_use(cx, c, hi)
        {
            return c + 1;
        }
        if cx.l(c) == "according" {
            if c + 1 < hi && s.nested.is_none() && cx.l(c + 1) == "to" {
                if let Some(next) = self.according_to(s, c) {
                    s.last = Some(next);
                }
            }
            return c + 1;
        }
        // "was criticized by the administration for …", "we’re told …": the passive subject
        // is spoken about; the agent, or the reporter's sources, speak.
        if s.nested.is_none() && c >= s.covered {
            if let Some(next) = self.passive(s, c) {
                return next;
            }
        }
        let cx = &self.cx;
        // "But, as the committee has pointed out, it would …": the frame reports the clause
        // after its comma, whatever the verb.
        if let Some((a, b, comma)) = as_frame(cx, lo, c, hi).filter(|_| s.nested.is_none()) {
            let speaker = self.people.resolve(cx.doc, a, b, &self.history);
            let cx = &self.cx;
            if let (Some(_), Some((x, y))) = (
                speaker.name.as_ref(),
                trim(cx, comma + 1, hi.min(comma + 1 + MAX_CONTENT)),
            ) {
                let cue = cx.w(c).to_string();
                self.remember(&speaker);
                s.last = Some(speaker.clone());
                self.push_content(x, y, &speaker, &cue);
                s.covered = s.covered.max(y);
                return y.max(c + 1);
            }
            return c + 1;
        }
        // "The study found that …": such verbs report only with a that-clause close by. An
        // object opening with a determiner makes its "that" a relative pronoun ("shared a
        // column that claimed …"), unless the verb takes its addressee there ("told the
        // court that …").
        let object = c + 1 < hi && is_determiner(cx.l(c + 1)) && !is_addressee_cue(cx.l(c));
        let that_soon = || {
            !object
                && (c + 1..hi.min(c + 5))
                    .take_while(|&i| !cx.is_stop(i) && !cx.quoted(i))
                    .any(|i| cx.l(i) == "that")
        };
        // "The council is concerned the laws would …": an adjective of stance reports the
        // clause after it only as the predicate of its subject ("the people concerned", "is
        // concerned about costs" report nothing).
        let stance = is_stance(cx.l(c)) && stance_frame(cx, lo, c, hi);
        if is_stance(cx.l(c)) && !stance && !(is_that_cue(cx.l(c)) && that_soon())
            || is_that_cue(cx.l(c)) && !stance && !that_soon()
        {
            return c + 1;
        }
        let cue = cx.w(c).to_string();
        // The subject: before the cue, after it when inverted, or the last speaker.
        let mut ext = (c, c + 1);
        let participle = is_participle(cx.l(c));
        let before = if participle {
            None
        } else {
            subject_before(cx, lo, c)
        };
        if let Some((from, end, outer)) = s.nested.take() {
            self.nested(c, before.filter(|&(a, _)| a >= from), hi, &outer);
            s.nested = Some((from, end, outer));
            return c + 1;
        }
        let (people, history) = (&self.people, &self.history);
        let speaker = match before {
            Some((a, b)) if valid_subject(cx, a, b, c) => {
                ext.0 = extent_start(cx, lo, a, b);
                let mut sp = people.resolve(cx.doc, a, b, history);
                // "Lee, who declared", "the department which reported": the surface subject
                // is the relative pronoun.
                if b < c && cx.l(b) == "," && (b + 1..c).any(|i| cx.l(i) == "who") {
                    sp.mention = "who".to_string();
                } else if b < c
                    && matches!(cx.l(b), "who" | "which" | "that")
                    && (b + 1..c).all(|i| is_aux_or_adverb(cx.l(i)))
                {
                    sp.mention = cx.l(b).to_string();
                }
                Some(sp)
            }
            Some(_) => None,
            // "…, suggesting they are …": a participle takes no inverted subject; a pronoun
            // after it opens the reported clause.
            None => match subject_after(cx, lo, c, hi).filter(|_| !participle) {
                Some((a, b)) => {
                    // "…, said a member who supports her, asking …": the relative clause
                    // belongs to the attribution, not to what is reported next.
                    ext.1 = if b < hi && opens_relative_clause(cx, b) {
                        (b..hi)
                            .find(|&i| !cx.is_word(i) || cx.quoted(i))
                            .unwrap_or(hi)
                    } else {
                        b
                    };
                    Some(people.resolve(cx.doc, a, b, history))
                }
                None if participle => s.last.clone().or_else(|| {
                    clause_subject(cx, lo, c).map(|(a, b)| people.resolve(cx.doc, a, b, history))
                }),
                // "… were legitimate, but insisted that …": a second verb of the same speaker,
                // or of the sentence's subject ("Jo Roe condemned the attack and said …").
                // "… and later said", "… but went on to say": an adverb or "went on to" between.
                // The subject may be a pronoun ("Eight years ago, he backed Obama and said").
                None if second_verb(cx, lo, c).is_some() => {
                    let k = second_verb(cx, lo, c).unwrap_or(c);
                    s.last.clone().or_else(|| {
                        clause_subject(cx, lo, k)
                            .filter(|&(a, b)| {
                                (a..b).any(|i| cx.is_cap(i))
                                    || b == a + 1 && matches!(cx.l(a), "he" | "she")
                            })
                            .map(|(a, b)| people.resolve(cx.doc, a, b, history))
                    })
                }
                None => None,
            },
        };
        let Some(speaker) = speaker else {
            return c + 1;
        };
        // "As Mashable reports, the company announced that …": the clause names its own
        // speaker; the opening attribution is only the channel.
        if channel_only(cx, lo, ext.0, c, hi) {
            return c + 1;
        }
        self.remember(&speaker);
        s.last = Some(speaker.clone());
        let cx = &self.cx;
        let mut claimed = false;
        // "…," Kirby said — a quote closing just before the attribution.
        let tail = (ext.1..hi.min(ext.1 + 16))
            .filter(|&i| cx.is_word(i))
            .count();
        // A quotation already inside another cue's reported clause ("Trump claimed that “…,”
        // one of the prosecutors said …") is no quote of this one.
        let inside_earlier = |m: usize| {
            self.consumed[m].is_some()
                && cx.marks[m].open_tok >= lo
                && cx.marks[m].last_tok <= s.covered
        };
        if let Some(m) = quote_before(cx, ext.0, tail).filter(|&m| !inside_earlier(m)) {
            // "But it’s also an assurance “that people are watching,” he said.": a quotation
            // opening inside its sentence's clause makes the clause a mixed quote.
            let from = s.covered.max(lo);
            let mk = cx.marks[m];
            let lead = (from..mk.open_tok).filter(|&i| cx.is_word(i)).count();
            let introduced = mk.open_tok > lo
                && (matches!(cx.w(mk.open_tok - 1), ":" | "," | "—" | "–" | "-")
                    || cx.quoted(mk.open_tok - 1))
                && !continued_clause(cx, from, mk.open_tok, mk.start);
            match mk.close_tok {
                Some(close) if lead >= 3 && !introduced && self.assigned[m].is_none() => {
                    self.push_content(from, close + 1, &speaker, &cue);
                }
                _ => self.claim(m, &speaker, &cue),
            }
            claimed = true;
        }
        let cx = &self.cx;
        // Kirby said, "…" — and the second half of "…," he said, "…".
        if let Some(m) = quote_after(cx, ext.1, hi, claimed) {
            s.covered = s.covered.max(cx.marks[m].last_tok);
            self.claim(m, &speaker, &cue);
            claimed = true;
        }
        if claimed {
            s.covered = s.covered.max(ext.1);
            return ext.1.max(c + 1);
        }
        // "Obama also said:" at the end of its paragraph introduces a list, not a clause.
        if self.listed_after(ext.1, &speaker, &cue) {
            s.covered = s.covered.max(ext.1);
            return ext.1.max(c + 1);
        }
        // Reported speech: the clause after the cue, or the clause the attribution closes.
        let cx = &self.cx;
        // "…, said Jo Roe, who runs the lab": after an inverted subject, a clause about the
        // speaker is no content of theirs.
        let inverted = ext.1 > c + 1;
        // "The plan, economists say, will fail": an attribution set off by commas.
        let attribution = (ext.0, if inverted { ext.1 } else { c + 1 });
        if !participle {
            if let Some((a, b)) = aside_content(cx, s.covered, c, attribution, hi) {
                self.push_content(a, b, &speaker, &cue);
                s.covered = s.covered.max(b).max(ext.1);
                return ext.1.max(c + 1);
            }
        }
        // "Prime, which Jeff Bezos said last year had surpassed 100 million members": the
        // cue's clause has its subject moved out as the relative pronoun; it reports the verb
        // phrase after the cue.
        if let Some((a, b)) = relative_gap(cx, lo, ext.0, c, hi).filter(|_| !inverted) {
            self.push_content(a, b, &speaker, &cue);
            s.covered = s.covered.max(b);
            return b.max(c + 1);
        }
        // "The approach works, said Jo Roe, Facebook's director.": an inverted attribution
        // after a comma closes the clause before it; what follows the name describes them.
        // ("The plan, say economists, marks …" goes on with a lower-case verb instead.)
        let closes_clause = c > lo
            && cx.w(c - 1) == ","
            && ext.1 + 1 < hi
            && cx.w(ext.1) == ","
            && (cx.is_cap(ext.1 + 1) || cx.doc.tokens[ext.1 + 1].kind == TokenKind::Number);
        let after = if inverted && (about_speaker(cx, ext.1, hi) || closes_clause) {
            None
        } else {
            content_after(cx, c, ext.1, hi)
        };
        // "…, asking if there were …" reports a question; "by asking Congress to charge …" is
        // a request, no statement.
        let after = after.filter(|&(a, _)| {
            cx.l(c) != "asking"
                || matches!(
                    cx.l(a),
                    "if" | "whether" | "why" | "how" | "what" | "who" | "when" | "where"
                )
        });
        let reported = after.is_some();
        let before = || {
            content_before(cx, s.covered, ext.0, ext.1, hi)
                .filter(|_| inverted || !has_own_object(cx, c, hi))
        };
        if let Some((a, b)) = after.or_else(before) {
            self.push_content(a, b, &speaker, &cue);
            if a >= ext.1 && reported {
                s.nested = Some((a, b, speaker.clone()));
            } else if a >= ext.1 {
                s.covered = s.covered.max(b);
            }
        }
        s.covered = s.covered.max(ext.1);
        ext.1.max(c + 1)
    }

    /// A cue at `c` inside the reported clause of another (`outer`'s): with a subject of its
    /// own inside the clause (a name, or a pronoun; one agreeing with the outer speaker is the
    /// outer speaker) and a clause after it, that clause is nested speech of its own speaker.
    /// The outer speaker stays the one in play.
    fn nested(&mut self, c: usize, subject: Option<(usize, usize)>, hi: usize, outer: &Speaker) {
        let cx = &self.cx;
        let Some((a, b)) = subject.filter(|&(a, b)| {
            let pronoun = b == a + 1 && pronoun_gender(cx.l(a)).is_some();
            // "reports seen by Reuters suggest": an agent after a preposition is no subject.
            let after_preposition = a > 0 && matches!(cx.l(a - 1), "by" | "to" | "from" | "with");
            valid_subject(cx, a, b, c)
                && !after_preposition
                && ((a..b).any(|i| cx.is_cap(i)) || pronoun)
        }) else {
            return;
        };
        // A verb in the past ("had told", "said"): the present forms inside a clause are as
        // often nouns ("Republican claims", "state Senate races"); "what it called" is no
        // speech of its own.
        let w = cx.l(c);
        let past = w.ends_with("ed") || matches!(w, "said" | "told" | "wrote" | "thought");
        let passive = matches!(
            cx.l(c - 1),
            "was" | "were" | "been" | "being" | "be" | "is" | "are"
        );
        if !past || passive || a > 0 && cx.l(a - 1) == "what" {
            return;
        }
        let Some((x, y)) = content_after(cx, c, c + 1, hi) else {
            return;
        };
        let speaker = match pronoun_gender(cx.l(a)).filter(|_| b == a + 1) {
            Some(g) if outer.name.is_some() && self.people.gender_of(outer) == g => outer.clone(),
            _ => self.people.resolve(cx.doc, a, b, &self.history),
        };
        if speaker.name.is_none() {
            return;
        }
        let cue = cx.w(c).to_string();
        self.push_content(x, y, &speaker, &cue);
    }

    /// "Netanyahu’s declaration that …", "de Miranda’s notion that …": the that-clause after
    /// the speech noun at `c` is the possessor's, when a name or a pronoun owns the noun.
    fn possessed_statement(&mut self, s: &mut Sentence, c: usize) {
        let cx = &self.cx;
        let lo = s.lo;
        if c < lo + 2 || !matches!(cx.w(c - 1), "'s" | "’s" | "his" | "her" | "their" | "its") {
            return;
        }
        let (a, b) = if matches!(cx.w(c - 1), "'s" | "’s") {
            let b = c - 1;
            let mut a = b;
            while a > lo && b - a < 5 && cx.is_cap(a - 1) && !cx.quoted(a - 1) {
                a -= 1;
            }
            // A lower-case name particle ("de Miranda’s").
            if a > lo && a < b && is_name_particle(cx.l(a - 1)) {
                a -= 1;
            }
            // A capitalised sentence opener is no part of the name ("But Netanyahu’s").
            while a < b && matches!(cx.l(a), "but" | "and" | "so" | "yet" | "or" | "the") {
                a += 1;
            }
            (a, b)
        } else {
            (c - 1, c)
        };
        if a == b {
            return;
        }
        let speaker = self.people.resolve(cx.doc, a, b, &self.history);
        if speaker.name.is_none() {
            return;
        }
        let Some((x, y)) = content_after(cx, c, c + 1, s.hi) else {
            return;
        };
        let cue = cx.w(c).to_string();
        self.push_content(x, y, &speaker, &cue);
        s.covered = s.covered.max(y);
    }

    /// "Obama also said:" closing its paragraph, then a list of short paragraphs without quote
    /// marks or cues of their own: each item is the speaker's reported speech.
    fn listed_after(&mut self, from: usize, speaker: &Speaker, cue: &str) -> bool {
        const ITEMS: usize = 8;
        const ITEM_TOKENS: usize = 60;
        let cx = &self.cx;
        let n = cx.doc.tokens.len();
        let mut j = from;
        while j < n && j - from <= 3 && cx.w(j) != ":" {
            j += 1;
        }
        if j + 1 >= n || cx.w(j) != ":" || !starts_paragraph(cx.doc, j + 1) {
            return false;
        }
        let mut start = j + 1;
        let mut items = Vec::new();
        while start < n && items.len() < ITEMS {
            let mut end = start + 1;
            while end < n && !starts_paragraph(cx.doc, end) {
                end += 1;
            }
            // An item may hold a quoted word or phrase ("He would speak “bluntly” …"), which
            // makes it mixed; an item opening with a quotation is a quote of its own.
            let plain = end - start <= ITEM_TOKENS
                && !cx.quoted(start)
                && (start..end).all(|i| {
                    cx.quoted(i) || !is_cue(cx.l(i)) || cx.is_cap(i) || is_stance(cx.l(i))
                });
            if !plain {
                break;
            }
            if let Some(item) = trim(cx, start, end) {
                items.push(item);
            }
            start = end;
        }
        let listed = !items.is_empty();
        if let Some(&(_, b)) = items.last() {
            self.listed_end = self.listed_end.max(b);
        }
        for (a, b) in items {
            self.push_content(a, b, speaker, cue);
        }
        listed
    }

    /// "Among its key findings: the class you are born into matters more …", "Analysts
    /// offered a few theories:" then short paragraphs: a noun of findings right before a
    /// colon reports what follows it (the rest of the sentence, else the list of paragraphs
    /// after it), spoken by the noun's possessor or the sentence's subject. Quotations after
    /// such a colon are left to `loose`.
    fn findings(&mut self, s: &Sentence) {
        let cx = &self.cx;
        let (lo, hi) = (s.lo, s.hi);
        let Some(k) = (lo + 1..hi).find(|&i| cx.w(i) == ":" && !cx.quoted(i)) else {
            return;
        };
        if s.covered > k || !is_finding_noun(cx.l(k - 1)) || k + 1 < hi && cx.quoted(k + 1) {
            return;
        }
        // The possessor close before the noun ("its key findings"), else the subject.
        let possessor = (k.saturating_sub(4).max(lo)..k - 1)
            .rev()
            .find(|&i| matches!(cx.l(i), "its" | "their" | "his" | "her"));
        let subject = match possessor {
            Some(p) => Some((p, p + 1)),
            None => clause_subject(cx, lo, k),
        };
        let Some((a, b)) = subject else { return };
        let speaker = self.people.resolve(cx.doc, a, b, &self.history);
        if speaker.name.is_none() {
            return;
        }
        let cue = cx.w(k - 1).to_string();
        if let Some((x, y)) = trim(cx, k + 1, hi) {
            self.remember(&speaker);
            self.push_content(x, y, &speaker, &cue);
        } else if k + 1 >= hi && self.listed_after(k, &speaker, &cue) {
            self.remember(&speaker);
        }
    }

    /// A passive cue at `c` (see `passive`): the agent's clause ("criticized by the
    /// administration for making …", "described as “heartbreaking” by the department", "told by
    /// police that …"), or after a first-person "we’re told" the clause after it, spoken by
    /// the speaker in play (the article's sources). Returns the token to go on from, or `None`
    /// when the cue is no passive attribution.
    fn passive(&mut self, s: &mut Sentence, c: usize) -> Option<usize> {
        let cx = &self.cx;
        let (lo, hi) = (s.lo, s.hi);
        let aux = passive_aux(cx, lo, c)?;
        let cue = cx.w(c).to_string();
        let from = s.covered.max(lo);
        if let Some((a, b)) = agent_after(cx, c, hi) {
            let speaker = self.people.resolve(cx.doc, a, b, &self.history);
            if speaker.name.is_none() {
                // An agent with no name to give ("by the crowd"): still a passive, whose
                // subject is spoken about, not speaking.
                return Some(c + 1);
            }
            let content = match cx.l(b.min(hi - 1)) {
                _ if b >= hi => None,
                "for" | "of" => trim(cx, b, hi.min(b + MAX_CONTENT)),
                "that" => trim(cx, b + 1, hi.min(b + 1 + MAX_CONTENT)),
                // The quoted description is the agent's, in the clause it describes.
                _ => None,
            }
            .or_else(|| {
                let described = (c + 1..a).any(|i| cx.quoted(i));
                (described && from < aux)
                    .then(|| trim(cx, from, b))
                    .flatten()
            });
            // A passive cue with its agent but no clause of theirs ("as it is called by the
            // Māori – …") names or describes: no report, and its subject is no speaker either.
            let Some((x, y)) = content else {
                return Some(c + 1);
            };
            self.remember(&speaker);
            s.last = Some(speaker.clone());
            self.push_content(x, y, &speaker, &cue);
            s.covered = s.covered.max(y).max(b);
            return Some(y.max(b).max(c + 1));
        }
        if cx.l(c) != "told" || !first_person(cx, lo, aux) {
            // A cue word common in other senses is one of them in the passive ("it is called
            // Aotearoa", "he was charged with"): its subject is spoken about, not speaking.
            // "It was reported that …" still reports.
            let clause = c + 1 < hi && cx.l(c + 1) == "that";
            return (is_weak_cue(cx.l(c)) && !clause).then_some(c + 1);
        }
        let st = if c + 1 < hi && cx.l(c + 1) == "that" {
            c + 2
        } else {
            c + 1
        };
        let (x, y) = trim(cx, st, hi.min(st + MAX_CONTENT))?;
        // The sources the article has in play, when they spoke shortly before.
        let speaker = s
            .last
            .clone()
            .or_else(|| {
                self.history
                    .last()
                    .filter(|h| c.saturating_sub(h.at) < 200)
                    .cloned()
            })
            .unwrap_or_default();
        self.push_content(x, y, &speaker, &cue);
        s.covered = s.covered.max(y);
        Some(y.max(c + 1))
    }

    /// Quoted span `m` goes to `speaker` with `cue`, unless an attribution claimed it first.
    fn claim(&mut self, m: usize, speaker: &Speaker, cue: &str) {
        if self.assigned[m].is_none() {
            self.assigned[m] = Some((speaker.clone(), Some(cue.to_string())));
        }
    }

    /// Keeps a named speaker for the pronoun history, with its gender settled once.
    fn remember(&mut self, sp: &Speaker) {
        if sp.name.is_some() {
            let mut s = sp.clone();
            s.gender = Some(self.people.gender_of(sp));
            self.history.push(s);
        }
    }

    /// The reported clause `a..b` of `speaker`. Quoted spans inside it make it mixed (and are
    /// no quotes of their own); a clause that is one quoted span is a direct quote; a clause
    /// holding a span another attribution claimed is left out.
    fn push_content(&mut self, a: usize, b: usize, speaker: &Speaker, cue: &str) {
        let cx = &self.cx;
        let mut mixed = false;
        let mut i = a;
        while i < b {
            if let Some(m) = cx.opens(i) {
                let mk = cx.marks[m];
                if self.assigned[m].is_some() {
                    return;
                }
                mixed = true;
                self.consumed[m] = Some(speaker.clone());
                i = mk.last_tok.max(i + 1);
                continue;
            }
            i += 1;
        }
        let (mut start, mut end) = (cx.doc.tokens[a].start, cx.doc.tokens[b - 1].end);
        let mut kind = if mixed {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        };
        // A clause that is exactly one quoted span is a direct quote.
        if let (Some(m), true) = (cx.opens(a), mixed) {
            let mk = cx.marks[m];
            if mk.close_tok.is_some_and(|cl| cl + 1 >= b) {
                (start, end) = (mk.start, mk.end);
                kind = QuoteKind::Direct;
            }
        }
        self.found.push(Found {
            start,
            end,
            kind,
            speaker: speaker.clone(),
            cue: Some(cue.to_string()),
        });
    }

    /// "According to Kirby, …" and "…, according to Kirby." — unless the clause is already
    /// attributed, when the source is only the channel ("Biden said, according to Reuters").
    fn according_to(&mut self, s: &mut Sentence, c: usize) -> Option<Speaker> {
        let cx = &self.cx;
        let (lo, hi) = (s.lo, s.hi);
        let a = c + 2;
        let mut b = a;
        while b < hi && b - a < MAX_SUBJECT && cx.is_word(b) && !cx.quoted(b) {
            // "the World Travel and Tourism Council": "and" between capitals is inside a name.
            let inner_and = cx.l(b) == "and" && cx.is_cap(b - 1) && b + 1 < hi && cx.is_cap(b + 1);
            // "according to the explanatory notes of …": a cue word after a lower-case word
            // of the phrase is its noun.
            // So is one right after a determiner or a year ("according to a report by …", "a
            // 2018 report").
            let noun = is_cue(cx.l(b))
                && !cx.is_cap(b - 1)
                && cx.is_word(b - 1)
                && (b > a + 1 || is_determiner(cx.l(b - 1)));
            // "according to a report by Amnesty International, …": the document's author or
            // place, a name after "by"/"from"/"at", belongs to the source.
            // After people ("the Democratic chairs from Jefferson"), the name is where they
            // are from, and the people speak.
            let people = {
                let head = claimtrail_lexicon::singular(cx.l(b - 1));
                is_role_noun(&head) || is_group_noun(cx.l(b - 1))
            };
            let author = matches!(cx.l(b), "by" | "from" | "at")
                && !people
                && b + 1 < hi
                && (cx.is_cap(b + 1)
                    || is_determiner(cx.l(b + 1)) && b + 2 < hi && cx.is_cap(b + 2));
            if b > a
                && (is_boundary(cx.l(b)) && cx.l(b) != "of" && !inner_and && !author
                    || is_cue(cx.l(b)) && !noun)
            {
                break;
            }
            b += 1;
        }
        if b == a {
            return None;
        }
        let speaker = self.people.resolve(cx.doc, a, b, &self.history);
        let at_start = c == lo || !matches!(cx.w(c - 1), ",") && s.covered <= lo;
        // "“…,” according to Mr. Rhodes.": the quotation closing right before is the report.
        if c > lo {
            if let Some(m) = quote_before(cx, c, 0).filter(|&m| cx.marks[m].open_tok >= s.covered) {
                self.remember(&speaker);
                self.claim(m, &speaker, "according to");
                s.covered = s.covered.max(b);
                return Some(speaker);
            }
        }
        let content = if at_start {
            let mut st = b;
            while st < hi && matches!(cx.w(st), ",") {
                st += 1;
            }
            trim(cx, st, hi.min(st + MAX_CONTENT))
        } else if let Some(whole) = subject_aside(cx, s, c, b) {
            Some(whole)
        } else if s.covered < c - 1 {
            trim(cx, s.covered.max(c.saturating_sub(MAX_CONTENT)), c - 1)
        } else {
            None
        };
        let (x, y) = content?;
        self.remember(&speaker);
        self.push_content(x, y, &speaker, "according to");
        s.covered = s.covered.max(y).max(b);
        Some(speaker)
    }

    /// Quotes whose attribution uses a verb outside the cue list: "“…,” he wondered aloud",
    /// "“…!” posted Jane Roe", "She laid out her plan: “…”".
    fn loose(&mut self, lo: usize, hi: usize) {
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
                let found = if pronoun_gender(cx.l(j)).is_some() && cx.is_word(j + 1) {
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
                    .map(|(a, b)| self.people.resolve(cx.doc, a, b, &self.history))
                    .filter(|sp| sp.person.is_some());
                if let Some(sp) = label {
                    self.remember(&sp);
                    self.assigned[m] = Some((sp, Some(":".to_string())));
                } else if let Some((a, b)) = clause_subject(cx, lo, i - 1) {
                    let sp = self.people.resolve(cx.doc, a, b, &self.history);
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
    fn subject_fragments(&mut self, lo: usize, hi: usize) {
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
    fn introduced(&mut self, lo: usize, hi: usize) {
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
        if words < 4 {
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

    /// Block quotations: each paragraph of one a direct quote (see `find_quotes_with_blocks`),
    /// quote marks inside it the same speaker's; what is no sentence (a listing's lines) is
    /// left out. A block right after another, only short lines between, keeps its speaker
    /// unless someone else spoke in between.
    fn blocks(&mut self, blocks: &[(usize, usize)]) {
        // (first token of the previous block, its end, its speaker)
        let mut prev: Option<(usize, usize, Speaker)> = None;
        for &(a, b) in blocks {
            let cx = &self.cx;
            let b = b.min(cx.doc.tokens.len());
            let pieces = paragraphs_of(cx, a, b);
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
    fn continue_speakers(&mut self) {
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

    /// The quotes in text order: the reported clauses found, then every quoted span that is no
    /// part of one (unattributed ones only when they read as a full statement).
    fn finish(mut self) -> Vec<Quote> {
        self.continue_speakers();
        let Walk {
            cx,
            people,
            assigned,
            consumed,
            mut found,
            ..
        } = self;
        let doc = cx.doc;
        for (m, a) in assigned.into_iter().enumerate() {
            if consumed[m].is_some() {
                continue;
            }
            let mk = cx.marks[m];
            let (speaker, cue) = match a {
                Some(a) => a,
                // Unattributed: keep full statements, drop scare quotes and titles.
                None if doc.text[mk.start..mk.end].split_whitespace().count() >= 6 => {
                    (Speaker::default(), None)
                }
                None => continue,
            };
            // A quotation running over several paragraphs is a quote per paragraph, each the
            // same speaker's: a paragraph is the unit a reader (and a ledger row) cites.
            for (start, end) in paragraph_pieces(doc.text, mk.start, mk.end) {
                // A transcript's paragraph names its speaker ("WALLACE: But, Governor, …").
                let speaker = match transcript_label(&doc.text[start..end]) {
                    Some(name) => Speaker {
                        mention: doc.text[start..start + name.len()].to_string(),
                        name: Some(title_case(name)),
                        kind: Some(claimtrail_text::EntityKind::Person),
                        ..Speaker::default()
                    },
                    None => speaker.clone(),
                };
                found.push(Found {
                    start,
                    end,
                    kind: QuoteKind::Direct,
                    speaker,
                    cue: cue.clone(),
                });
            }
        }
        found.sort_by_key(|f| (f.start, f.end));
        // "according to a computer programmer … / “…,” developer Ammar Askar wrote": a speaker
        // described first takes the person the article names for them later.
        let mut speakers: Vec<&mut Speaker> = found.iter_mut().map(|f| &mut f.speaker).collect();
        crate::described::name_described(doc, &people, &mut speakers);
        found
            .into_iter()
            .map(|f| Quote {
                text: doc.text[f.start..f.end].to_string(),
                kind: f.kind,
                start: f.start,
                end: f.end,
                speaker: f.speaker.name,
                speaker_mention: (!f.speaker.mention.is_empty()).then_some(f.speaker.mention),
                speaker_type: f.speaker.kind,
                role: f.speaker.role,
                cue: f.cue,
            })
            .collect()
    }
}

/// The name labelling a quotation after the colon at `colon`: the words since the sentence
/// start or a dash, a few capitalised words with role words before them and a short
/// parenthetical after ("Former secretary of state Jo Roe:", "Rep. Jo Roe (R-Ohio):").
fn name_label(cx: &Ctx, lo: usize, colon: usize) -> Option<(usize, usize)> {
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

/// "…, as the committee has pointed out, it would …": an "as" opening a clause (at the
/// sentence start or after a comma or conjunction), its subject, cue `c` and a comma closing
/// the frame. Returns the subject's tokens and the comma. A frame opening the sentence reports
/// only a clause without an attribution of its own (see `channel_only`).
fn as_frame(cx: &Ctx, lo: usize, c: usize, hi: usize) -> Option<(usize, usize, usize)> {
    let mut k = c + 1;
    if k < hi && matches!(cx.l(k), "out" | "up") {
        k += 1;
    }
    if k >= hi || cx.w(k) != "," {
        return None;
    }
    let j = (lo..c)
        .rev()
        .take(10)
        .take_while(|&i| cx.w(i) != "," && !cx.quoted(i))
        .find(|&i| cx.l(i) == "as")?;
    // At the sentence's start the frame may only name the channel of a clause with its own
    // attribution ("As Mashable reports, the company announced that …").
    let opens = j == lo && !channel_only(cx, lo, j + 1, k - 1, hi);
    if !opens && (j == lo || !(cx.w(j - 1) == "," || matches!(cx.l(j - 1), "but" | "and" | "or"))) {
        return None;
    }
    // The subject ends before the auxiliaries and adverbs ("has", "rightly").
    let mut b = c;
    while b > j + 1 && crate::word_classes::is_aux_or_adverb(cx.l(b - 1)) {
        b -= 1;
    }
    (b > j + 1).then_some((j + 1, b, k))
}

/// "Upgrading the utilities is a slow process, “because you have such a fixed system,” said
/// Jo Roe": a quotation after a comma that goes on, in lower case, with the clause before it
/// (a finite verb, no cue, at the sentence's start) makes that clause and the quotation one
/// mixed quote. `from..open` the words before the opening mark at text offset `start`.
fn continued_clause(cx: &Ctx, from: usize, open: usize, start: usize) -> bool {
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
fn that_after_aside(cx: &Ctx, k: usize, hi: usize) -> Option<usize> {
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
fn relative_gap(cx: &Ctx, lo: usize, a: usize, c: usize, hi: usize) -> Option<(usize, usize)> {
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
fn stance_frame(cx: &Ctx, lo: usize, c: usize, hi: usize) -> bool {
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
fn plural_subject_before(cx: &Ctx, lo: usize, c: usize) -> bool {
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
fn sentence_subject(cx: &Ctx, lo: usize, hi: usize) -> Option<(usize, usize)> {
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

/// "In X's words, “…”" / "In the words of X, “…”": the tokens of X before the quotation
/// opening at `open`.
fn in_words_of(cx: &Ctx, lo: usize, open: usize) -> Option<(usize, usize)> {
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

/// Whether the attribution "As X <cue>," (subject from `a`, cue `c`) opening the sentence only
/// passes on a clause that has an attribution of its own (a subject and a cue within its first
/// words).
fn channel_only(cx: &Ctx, lo: usize, a: usize, c: usize, hi: usize) -> bool {
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
fn transcript_label(piece: &str) -> Option<&str> {
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
fn title_case(label: &str) -> String {
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
fn paragraph_pieces(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
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
    for mark in ["“", "„", "\"", "«", "``"] {
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

/// A word of a short time phrase ("last year", "on Monday", "earlier this week").
fn in_time_phrase(lower: &str) -> bool {
    is_time_word(lower) || matches!(lower, "on" | "in" | "this")
}

/// "his vow on Monday that …", "her warning last week that …": a short time phrase between a
/// speech noun and its "that" (numbers inside it, as in "on May 3").
fn time_adjunct_then_that(cx: &Ctx, from: usize, hi: usize) -> bool {
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
fn second_verb(cx: &Ctx, lo: usize, c: usize) -> Option<usize> {
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
    if k > lo && (matches!(cx.l(k - 1), "but" | "and") || k < c && cx.w(k - 1) == ",") {
        return Some(k - 1);
    }
    // "Pence went on to say …": the subject's clause runs up to and with "went".
    (went && k > lo).then_some(k + 1)
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
fn text_reads(cx: &Ctx, j: usize, n: usize) -> Option<((usize, usize), usize)> {
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
fn acted_on(cx: &Ctx, k: usize) -> bool {
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
fn is_relative(lower: &str) -> bool {
    matches!(lower, "who" | "whom" | "whose" | "which")
}

/// "The senator, according to two aides, plans to vote …": "according to" set off by commas
/// between a clause's subject (a noun phrase opening the sentence, nothing reported yet) and
/// its verb reports the whole clause, aside included (one span), not the subject alone.
fn subject_aside(cx: &Ctx, s: &Sentence, c: usize, b: usize) -> Option<(usize, usize)> {
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

#[cfg(test)]
mod tests {
    use super::paragraph_pieces;

    #[test]
    fn splits_a_quotation_at_its_paragraphs() {
        let t = "One two.\n\n“Three four,";
        let p: Vec<&str> = paragraph_pieces(t, 0, t.len())
            .into_iter()
            .map(|(a, b)| &t[a..b])
            .collect();
        assert_eq!(p, vec!["One two.", "Three four,"]);
        assert_eq!(paragraph_pieces("a b", 0, 3), vec![(0, 3)]);
    }

    #[test]
    fn reads_a_transcript_label() {
        use super::{title_case, transcript_label};
        assert_eq!(transcript_label("WALLACE: But, Governor"), Some("WALLACE"));
        assert_eq!(
            transcript_label("SEN. JO ROE: We will"),
            Some("SEN. JO ROE")
        );
        assert_eq!(transcript_label("The plan: more"), None);
        assert_eq!(transcript_label("A: b"), None);
        assert_eq!(title_case("JO ROE"), "Jo Roe");
    }
}
