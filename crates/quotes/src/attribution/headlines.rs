//! A headline that credits its claim with a colon: "Lawyer: Actor checks into rehab",
//! "NCAA: Improper gifts given to athletes", "Man charged with DWI after crash: NYPD". The
//! short side names the source (an acronym, a person or organisation the article names, or
//! a role, group or document noun); the long side is its claim, an indirect quote.

use claimtrail_text::TokenKind;

use crate::cue_parts::trim;
use crate::marks::starts_paragraph;
use crate::speakers::{is_document_noun, is_group_noun, Speaker};
use crate::word_classes::is_role_noun;

use super::Walk;

/// Most tokens of a headline; fewest words of its claim; most words of its source.
const MAX_TOKENS: usize = 32;
const MIN_CLAIM: usize = 3;
const MAX_SOURCE: usize = 4;

impl Walk<'_, '_> {
    /// When the paragraph starting at token `lo` is a headline crediting its claim, records
    /// the claim and returns the paragraph's end (the sentences before it are read).
    pub(super) fn headline_credit(&mut self, lo: usize) -> Option<usize> {
        let cx = &self.cx;
        let n = cx.doc.tokens.len();
        if !starts_paragraph(cx.doc, lo) {
            return None;
        }
        let pe = (lo + 1..n.min(lo + MAX_TOKENS + 1)).find(|&i| starts_paragraph(cx.doc, i))?;
        // A headline ends on a word (no stop, no quotation) and holds no quote marks.
        let last = cx.doc.tokens[pe - 1].kind;
        if pe - lo < MIN_CLAIM + 2
            || last != TokenKind::Word && last != TokenKind::Number
            || (lo..pe).any(|i| cx.opens(i).is_some() || cx.closes(i).is_some())
        {
            return None;
        }
        let mut colons = (lo..pe).filter(|&i| cx.w(i) == ":");
        let k = colons.next()?;
        if colons.next().is_some() || k == lo || k + 1 >= pe {
            return None;
        }
        // Words of letters: "Posted: May 24, 2005" claims nothing.
        let words = |a: usize, b: usize| {
            (a..b)
                .filter(|&i| cx.is_word(i) && cx.w(i).chars().any(char::is_alphabetic))
                .count()
        };
        let (src, claim) = if k - lo <= MAX_SOURCE && words(k + 1, pe) >= MIN_CLAIM {
            ((lo, k), (k + 1, pe))
        } else if pe - k - 1 <= MAX_SOURCE && words(lo, k) >= MIN_CLAIM {
            ((k + 1, pe), (lo, k))
        } else {
            return None;
        };
        let speaker = self.headline_source(src.0, src.1)?;
        let cx = &self.cx;
        let (x, y) = trim(cx, claim.0, claim.1)?;
        self.push_content(x, y, &speaker, ":");
        Some(pe)
    }

    /// The source side `a..b` of a headline's colon, when it names one.
    fn headline_source(&self, a: usize, b: usize) -> Option<Speaker> {
        let cx = &self.cx;
        if (a..b).any(|i| !cx.is_word(i) || !cx.is_cap(i)) {
            return None;
        }
        let all_caps = |i: usize| {
            let w = cx.w(i);
            w.chars().all(|c| c.is_ascii_uppercase()) && (2..=6).contains(&w.len())
        };
        let head = cx.l(b - 1);
        let noun = is_role_noun(head) || is_group_noun(head) || is_document_noun(head);
        // "CHARGED WITH MURDER: …": a run of capitals is a label; one acronym is a source.
        let acronym = b == a + 1 && all_caps(a);
        if !noun && !acronym && (a..b).any(all_caps) {
            return None;
        }
        // A name counts when the entity layer tagged it whole ("Kraft Shooting: …" is a
        // label though "Kraft" is a company; "Published: …", "Criteria: …" are labels).
        if !(noun || acronym || self.people.tagged(a, b)) {
            return None;
        }
        Some(self.people.resolve(cx.doc, a, b, &self.history))
    }
}
