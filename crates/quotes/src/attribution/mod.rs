//! The walk over a document that links cues to subjects and contents (see the crate docs). One
//! [`Walk`] holds what the walk learns as it goes: which quoted span is assigned to whom, which
//! quoted fragments a reported clause absorbed, the quotes found and the speakers remembered for
//! pronouns. The parts around each cue are found by `cue_parts`.

mod cues;
mod frames;
mod headlines;
mod loose;
mod paragraphs;

use claimtrail_text::{Doc, Entity, Quote, QuoteKind};
use std::ops::Range;

use crate::cue_parts::{Ctx, NONE};
use crate::marks::find_marked;
use crate::speakers::{People, Speaker};

use paragraphs::{paragraph_pieces, title_case, transcript_label};

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
    // Blocks no one speaks are the article's own boxes: their sentences are read like the rest.
    for (a, b) in walk.blocks(&blocks) {
        for s in doc
            .sentences
            .iter()
            .filter(|s| s.first_token >= a && s.first_token < b)
        {
            walk.sentence(s.first_token, s.end_token.min(n));
        }
    }
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
    /// The end of the last headline that credits its claim ("NCAA: …"): its sentences are
    /// read already.
    headline_end: usize,
    /// A sentence ending on a stop has been read: the headlines are behind.
    prose_seen: bool,
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
            headline_end: 0,
            prose_seen: false,
        }
    }

    /// Attributes the cues of one sentence, then its quotes without a cue.
    fn sentence(&mut self, lo: usize, hi: usize) {
        if lo < self.headline_end {
            return;
        }
        if !self.prose_seen {
            if let Some(end) = self.headline_credit(lo) {
                self.headline_end = end;
                self.previous = (lo, hi);
                return;
            }
            self.prose_seen = hi > lo && matches!(self.cx.w(hi - 1), "." | "!" | "?");
        }
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

    /// Takes quoted span `m` back from the reported clause that absorbed it, the clause ending
    /// before token `cut` (dropped when fewer than three words stay). False when no clause
    /// found in this walk holds it from before `cut`.
    fn release(&mut self, m: usize, cut: usize) -> bool {
        let cx = &self.cx;
        let mk = cx.marks[m];
        let cut_at = cx.doc.tokens[cut].start;
        let Some(f) = self
            .found
            .iter()
            .rposition(|f| f.start < cut_at && f.end >= mk.end && f.kind == QuoteKind::Mixed)
        else {
            return false;
        };
        self.consumed[m] = None;
        let start_tok = cx
            .doc
            .tokens
            .partition_point(|t| t.start < self.found[f].start);
        match crate::cue_parts::trim(cx, start_tok, cut) {
            Some((a, b)) => {
                let mixed = (a..b).any(|i| cx.opens(i).is_some());
                let found = &mut self.found[f];
                found.end = cx.doc.tokens[b - 1].end;
                if !mixed {
                    found.kind = QuoteKind::Indirect;
                }
            }
            None => {
                self.found.remove(f);
            }
        }
        true
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
        // A quotation a reported clause opened that runs on over the next paragraphs ("Roe said
        // the plan “will work.\n\nWe have the money.”"): the paragraphs after the clause's are
        // the clause speaker's direct quotes.
        let mut run_on = Vec::new();
        for (m, sp) in consumed.iter().enumerate() {
            let Some(sp) = sp
                .as_ref()
                .filter(|sp| sp.name.is_some() || !sp.mention.is_empty())
            else {
                continue;
            };
            let mk = cx.marks[m];
            for (start, end) in paragraph_pieces(doc.text, mk.start, mk.end)
                .into_iter()
                .skip(1)
            {
                if !found.iter().any(|f| f.start < end && start < f.end) {
                    run_on.push(Found {
                        start,
                        end,
                        kind: QuoteKind::Direct,
                        speaker: sp.clone(),
                        cue: None,
                    });
                }
            }
        }
        found.append(&mut run_on);
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
            .map(|mut f| {
                // A speaker is a name, stored and indexed: a longer "name" is a hostile run of
                // letters however it was reached (a subject phrase, a run, a label).
                if !f
                    .speaker
                    .name
                    .as_deref()
                    .is_none_or(claimtrail_text::is_name_sized)
                {
                    f.speaker.name = None;
                    f.speaker.kind = None;
                }
                f
            })
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
