//! The parts around one cue: its subject (before it, inverted after it, or at the start of the
//! clause), the quoted span next to it, and the reported clause it introduces or closes. Each
//! function looks a bounded number of tokens around its cue, so the walk over a document stays
//! linear. All read the document through [`Ctx`].

mod appositions;
mod content;
mod noun_phrase;
mod reported_subject;
mod subject;

pub(crate) use content::{
    aside_content, content_after, content_before, has_own_object, quote_after, quote_before,
    reads_as_title,
};
pub(crate) use noun_phrase::{
    agent_noun, extent_start, is_determiner, is_role_or_modifier, label_use, noun_use, np_back,
    opens_relative_clause,
};
pub(crate) use reported_subject::clause_subject;
pub(crate) use subject::{about_speaker, subject_after, subject_before, valid_subject};

use claimtrail_text::{Doc, TokenKind};

use crate::marks::Marked;
use crate::speakers::word;
use crate::word_classes::{is_capitalised, is_time_word};

use reported_subject::{dateline_end, that_is_subject};

/// No quoted span (in [`Ctx::owner`]).
pub(crate) const NONE: u32 = u32::MAX;
/// How far a subject phrase may reach back from its cue, in tokens.
pub(crate) const MAX_SUBJECT: usize = 9;
/// Tokens allowed between a cue and the colon or comma before a quote ("told reporters on Monday:").
const MAX_BRIDGE: usize = 8;
/// The longest reported clause, in tokens.
pub(crate) const MAX_CONTENT: usize = 160;

pub(crate) struct Ctx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub marks: Vec<Marked>,
    /// Per token: the quoted span it belongs to (marks included), or NONE.
    pub owner: Vec<u32>,
    /// The text with ASCII letters lower-cased: same byte offsets, one allocation. The word
    /// lists are ASCII, so non-ASCII capitals need no folding.
    pub lower: String,
}

impl Ctx<'_, '_> {
    pub fn quoted(&self, i: usize) -> bool {
        self.owner[i] != NONE
    }
    pub fn w(&self, i: usize) -> &str {
        word(self.doc, i)
    }
    pub fn l(&self, i: usize) -> &str {
        let t = &self.doc.tokens[i];
        self.lower.get(t.start..t.end).unwrap_or("")
    }
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.doc.tokens[i].kind, TokenKind::Word | TokenKind::Number)
    }
    pub fn is_cap(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
            && is_capitalised(self.w(i))
            && !is_time_word(self.l(i))
    }
    pub fn is_stop(&self, i: usize) -> bool {
        matches!(self.w(i), "." | "!" | "?" | ";" | "…")
    }
    /// The span whose closing mark is token `i`.
    pub fn closes(&self, i: usize) -> Option<usize> {
        let m = self.owner[i];
        (m != NONE && self.marks[m as usize].close_tok == Some(i)).then_some(m as usize)
    }
    /// The span whose opening mark is token `i`.
    pub fn opens(&self, i: usize) -> Option<usize> {
        let m = self.owner[i];
        (m != NONE && self.marks[m as usize].open_tok == i).then_some(m as usize)
    }
}

/// "’s" / "'s", which the tokenizer may split off ("the BBC’s editor").
fn is_possessive(cx: &Ctx, i: usize) -> bool {
    matches!(cx.w(i), "'s" | "’s" | "'" | "’")
}

pub(crate) fn trim(cx: &Ctx, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    if let Some(e) = dateline_end(cx, a, b) {
        a = e;
    }
    while a < b
        && (matches!(cx.w(a), "," | ":" | "—" | "–")
            || cx.l(a) == "that" && !that_is_subject(cx, a, b))
    {
        a += 1;
    }
    while b > a && matches!(cx.w(b - 1), "." | "," | ";" | ":" | "—" | "–" | "!" | "?") {
        b -= 1;
    }
    let words = (a..b).filter(|&i| cx.is_word(i)).take(3).count();
    (words >= 3).then_some((a, b))
}

pub(crate) fn is_dash(cx: &Ctx, i: usize) -> bool {
    i < cx.doc.tokens.len() && matches!(cx.w(i), "—" | "–" | "―" | "-" | "--" | "―-")
}
