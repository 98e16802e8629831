//! The token stream the grammar reads: the document's tokens, with hyphenated and slashed words
//! split into their parts ("mid-October" → "mid" "-" "october", "2024-10-28" → five pieces) so
//! one grammar covers "third-quarter" and "third quarter" alike. Each piece keeps its byte range.

use claimtrail_text::{Doc, TokenKind};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

use crate::grammar::rules_opened_by;

/// One piece of text the grammar matches on.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    /// Lower-cased text, a trailing full stop of an abbreviation removed ("oct." → "oct");
    /// borrowed from the text when that is already lower case (most pieces).
    pub w: Cow<'a, str>,
    /// Whitespace (or the start of text) before the piece.
    pub gap: bool,
    /// The piece starts with an upper-case letter.
    pub cap: bool,
    /// All ASCII digits: the number and its digit count.
    pub num: Option<(u32, usize)>,
    /// The grammar's parsers that may start here (bits of [`crate::grammar::rule`], see
    /// [`rules_at`]): none at most pieces, which the grammar skips unread.
    pub rules: u32,
}

impl Tok<'_> {
    /// Sentence punctuation that no expression crosses.
    pub fn is_boundary(&self) -> bool {
        matches!(&*self.w, "." | "!" | "?" | ";" | "\n")
    }
}

/// The text with its ASCII letters lower-cased: the same byte offsets, so an ASCII piece's
/// lower-cased form is its range of this (one copy per document, not one per capitalised piece).
pub(crate) fn lowered(doc: &Doc) -> String {
    doc.text.to_ascii_lowercase()
}

fn piece<'a>(
    text: &'a str,
    lower: &'a str,
    start: usize,
    end: usize,
    prev_end: Option<usize>,
) -> Tok<'a> {
    let raw = &text[start..end];
    // ASCII (nearly every piece) is borrowed from the lower-cased text; other pieces take the
    // full Unicode mapping.
    let mut w = match lower.get(start..end) {
        Some(l) if raw.is_ascii() => Cow::Borrowed(l),
        _ => Cow::Owned(raw.to_lowercase()),
    };
    if w.len() > 1 && w.ends_with('.') && w[..w.len() - 1].chars().any(char::is_alphabetic) {
        match &mut w {
            Cow::Borrowed(b) => *b = &b[..b.len() - 1],
            Cow::Owned(o) => {
                o.pop();
            }
        }
    }
    let rules = rules_at(&w);
    let gap = match prev_end {
        None => true,
        Some(p) => p < start,
    };
    let num = if !raw.is_empty() && raw.len() <= 9 && raw.bytes().all(|b| b.is_ascii_digit()) {
        raw.parse().ok().map(|n| (n, raw.len()))
    } else {
        None
    };
    Tok {
        start,
        end,
        w,
        gap,
        cap: raw.chars().next().is_some_and(char::is_uppercase),
        num,
        rules,
    }
}

/// Words the grammar's parsers accept as the first piece of an expression, beside digits and
/// the lexicon's time words: every word the grammar compares a piece with, but the ones it only
/// reads around an expression ("of", "said", "by"; the test `openers_cover_the_grammar` keeps
/// the two lists in step with the grammar's source). Kept sorted (the test checks).
pub(crate) const OPENERS: &[&str] = &[
    "#",
    "$",
    "%",
    "'",
    "'ll",
    "'re",
    "'s",
    "(",
    ")",
    "-",
    ".",
    "/",
    "12:00",
    "24:00",
    ":",
    "[",
    "]",
    "a",
    "a.m",
    "about",
    "account",
    "additional",
    "affairs",
    "after",
    "afternoon",
    "ago",
    "aims",
    "all",
    "almost",
    "am",
    "an",
    "announced",
    "another",
    "any",
    "approximately",
    "around",
    "at",
    "autumn",
    "back",
    "became",
    "before",
    "began",
    "beginning",
    "being",
    "between",
    "billion",
    "bought",
    "brought",
    "bst",
    "built",
    "business",
    "calendar",
    "came",
    "centuries",
    "century",
    "cet",
    "children",
    "chose",
    "christmas",
    "coming",
    "comparable",
    "consecutive",
    "corresponding",
    "couple",
    "cst",
    "current",
    "currently",
    "cut",
    "daily",
    "day",
    "days",
    "dead",
    "decade",
    "decades",
    "did",
    "drew",
    "due",
    "during",
    "each",
    "earlier",
    "early",
    "edt",
    "eighteen",
    "eighties",
    "election",
    "end",
    "ended",
    "ending",
    "ends",
    "entire",
    "est",
    "et",
    "eve",
    "evening",
    "events",
    "every",
    "expected",
    "extra",
    "fall",
    "fell",
    "few",
    "fewer",
    "fifties",
    "final",
    "finish",
    "finished",
    "first",
    "fiscal",
    "following",
    "forties",
    "fought",
    "found",
    "full",
    "further",
    "future",
    "gave",
    "gmt",
    "going",
    "got",
    "grew",
    "half",
    "halloween",
    "held",
    "hence",
    "hit",
    "hopes",
    "hourly",
    "hundred",
    "in",
    "independence",
    "initial",
    "intends",
    "its",
    "just",
    "killed",
    "knew",
    "last",
    "late",
    "lately",
    "later",
    "latest",
    "latter",
    "launched",
    "least",
    "led",
    "left",
    "less",
    "likely",
    "long",
    "lost",
    "made",
    "many",
    "may",
    "medium",
    "men",
    "met",
    "mid",
    "midday",
    "middle",
    "midnight",
    "might",
    "million",
    "month",
    "monthly",
    "months",
    "more",
    "morning",
    "most",
    "msk",
    "multi",
    "near",
    "nearly",
    "new",
    "next",
    "night",
    "nightly",
    "nineteen",
    "nineties",
    "no",
    "noon",
    "nos",
    "now",
    "nowadays",
    "number",
    "numerous",
    "o",
    "o'clock",
    "oh",
    "old",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "p",
    "p.m",
    "paid",
    "past",
    "pdt",
    "people",
    "per",
    "percent",
    "period",
    "plan",
    "planned",
    "planning",
    "plans",
    "pm",
    "poised",
    "pp",
    "present",
    "presently",
    "previous",
    "pst",
    "put",
    "quarter",
    "quarters",
    "ran",
    "ready",
    "recent",
    "recently",
    "rose",
    "roughly",
    "same",
    "sat",
    "saw",
    "scheduled",
    "second",
    "sent",
    "set",
    "seventies",
    "several",
    "shall",
    "short",
    "shortly",
    "signed",
    "since",
    "single",
    "six",
    "sixties",
    "sold",
    "soldiers",
    "some",
    "someday",
    "soon",
    "sought",
    "spent",
    "spring",
    "start",
    "still",
    "stood",
    "straight",
    "struck",
    "successive",
    "summer",
    "sun",
    "term",
    "thanksgiving",
    "that",
    "the",
    "their",
    "thereafter",
    "these",
    "thirties",
    "thirty",
    "this",
    "those",
    "thought",
    "thousand",
    "threw",
    "thrice",
    "through",
    "thu",
    "thus",
    "till",
    "time",
    "times",
    "today",
    "told",
    "tomorrow",
    "tonight",
    "took",
    "trading",
    "troops",
    "tue",
    "twenties",
    "twenty",
    "twice",
    "two",
    "under",
    "until",
    "up",
    "upcoming",
    "utc",
    "valentine",
    "wed",
    "week",
    "weekend",
    "weekends",
    "weekly",
    "weeks",
    "went",
    "whole",
    "winter",
    "within",
    "women",
    "won",
    "working",
    "wrote",
    "year",
    "years",
    "yesterday",
    "zero",
    "£",
    "¼",
    "½",
    "¾",
    "‘",
    "’",
    "“",
    "€",
];

/// One bit per hashed (length, first byte, last byte) of the openers: most words that are no
/// opener are turned away before the set is asked.
struct Sieve([u64; 64]);

impl Sieve {
    fn slot(w: &str) -> usize {
        let b = w.as_bytes();
        let first = b.first().copied().unwrap_or(0) as u32;
        let last = b.last().copied().unwrap_or(0) as u32;
        let x = ((b.len().min(255) as u32) << 16) | (first << 8) | last;
        (x.wrapping_mul(0x9e37_79b1) >> 20) as usize
    }

    fn may_hold(&self, w: &str) -> bool {
        let s = Self::slot(w);
        self.0[s / 64] & (1 << (s % 64)) != 0
    }
}

/// The words a piece without a digit may open an expression with: [`OPENERS`] and every
/// month, weekday, season, time unit and number word of the lexicon.
pub(crate) fn open_words() -> impl Iterator<Item = &'static str> {
    OPENERS
        .iter()
        .copied()
        .chain(claimtrail_lexicon::calendar_and_number_words())
}

static OPEN_SIEVE: LazyLock<Sieve> = LazyLock::new(|| {
    let mut bits = [0u64; 64];
    for w in open_words() {
        let s = Sieve::slot(w);
        bits[s / 64] |= 1 << (s % 64);
    }
    Sieve(bits)
});

/// [`open_words`] hashed, each with the parsers it may open ([`rules_opened_by`]): a binary
/// search costs a string comparison per step, and the frequent openers ("the", "in", "a") pass
/// the sieve.
pub(crate) static OPEN_SET: LazyLock<FxHashMap<&'static str, u32>> =
    LazyLock::new(|| open_words().map(|w| (w, rules_opened_by(w))).collect());

/// The parsers that may start at a piece whose lower-cased word is `w`: those of
/// [`rules_opened_by`], computed once per opener word and asked of the set; none when the piece
/// is no opener (no digit, not in [`OPEN_SET`]). A piece holding a digit is read on its own.
#[inline]
pub(crate) fn rules_at(w: &str) -> u32 {
    if w.bytes().any(|b| b.is_ascii_digit()) {
        rules_opened_by(w)
    } else if OPEN_SIEVE.may_hold(w) {
        OPEN_SET.get(w).copied().unwrap_or(0)
    } else {
        0
    }
}

/// Whether an expression may start at a piece whose lower-cased word is `w`. Every parser's
/// first piece is a number or holds a digit ("1990s", "Q3", "3rd"), is a time word of the
/// lexicon (month, weekday, season, unit, number word, ordinal) or is one of [`OPENERS`]; most
/// pieces of a text are none of these, and trying the grammar's twenty parsers on each of them
/// was a tenth of a plain text's analysis.
///
/// One sieve and one set hold the openers and the five tables' words together ([`OPEN_SET`]):
/// asked of every piece, six sieves and lookups were a tenth of the time stage. An ordinal
/// needs no set of its own: every ordinal word is a number word, and a suffixed numeral ("3rd")
/// holds a digit (`one_set_opens_as_the_six_lookups` holds the two readings equal).
#[cfg(test)]
fn may_open(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit()) || OPEN_SIEVE.may_hold(w) && OPEN_SET.contains_key(w)
}

/// [`may_open`] as the six lookups it replaces read it.
#[cfg(test)]
fn may_open_each(w: &str) -> bool {
    use crate::words::{month, ordinal, season, unit, weekday};
    w.bytes().any(|b| b.is_ascii_digit())
        || OPENERS.binary_search(&w).is_ok()
        || month(w).is_some()
        || weekday(w).is_some()
        || season(w).is_some()
        || unit(w).is_some()
        || claimtrail_lexicon::number_word(w).is_some()
        || ordinal(w).is_some()
}

/// Splits the document's tokens into grammar pieces.
/// `lower` is [`lowered`] of the document.
pub(crate) fn scan<'a>(doc: &Doc<'a>, lower: &'a str) -> Vec<Tok<'a>> {
    let text = doc.text;
    let mut out: Vec<Tok<'a>> = Vec::with_capacity(doc.tokens.len() + doc.tokens.len() / 8);
    let mut prev_end: Option<usize> = None;
    for t in &doc.tokens {
        // A paragraph break is a boundary the grammar must not cross.
        if let Some(p) = prev_end {
            if text
                .get(p..t.start)
                .is_some_and(|g| g.as_bytes().contains(&b'\n'))
            {
                out.push(Tok {
                    start: p,
                    end: p,
                    w: Cow::Borrowed("\n"),
                    gap: true,
                    cap: false,
                    num: None,
                    rules: 0,
                });
            }
        }
        let raw = &text[t.start..t.end];
        // Dotted dates ("13.5.2015") arrive as one number token: two dots split it.
        // (Digits and dots first: a word is out at its first letter.)
        let dotted = raw.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && raw.bytes().filter(|&b| b == b'.').count() == 2;
        // "12,2015" is a day and a year, not twelve thousand: a comma group that is not three
        // digits long is no thousands separator.
        let comma_split = t.kind == TokenKind::Number
            && raw.contains(',')
            && raw.split(',').skip(1).any(|g| g.len() != 3);
        if comma_split {
            let mut s = t.start;
            for (off, c) in raw.char_indices() {
                if c == ',' {
                    let pos = t.start + off;
                    out.push(piece(text, lower, s, pos, prev_end));
                    out.push(piece(text, lower, pos, pos + 1, Some(pos)));
                    prev_end = Some(pos + 1);
                    s = pos + 1;
                }
            }
            out.push(piece(text, lower, s, t.end, prev_end));
        } else if dotted
            || t.kind == TokenKind::Word
                && raw.len() > 1
                && raw.bytes().any(|b| b == b'-' || b == b'/')
        {
            let mut s = t.start;
            for (off, c) in raw.char_indices() {
                if c == '-' || c == '/' || dotted && c == '.' {
                    let pos = t.start + off;
                    if pos > s {
                        out.push(piece(text, lower, s, pos, prev_end));
                        prev_end = Some(pos);
                    }
                    out.push(piece(text, lower, pos, pos + 1, prev_end));
                    prev_end = Some(pos + 1);
                    s = pos + 1;
                }
            }
            if s < t.end {
                out.push(piece(text, lower, s, t.end, prev_end));
            }
        } else {
            out.push(piece(text, lower, t.start, t.end, prev_end));
        }
        prev_end = Some(t.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        let d = Doc::new(t);
        let l = lowered(&d);
        scan(&d, &l).into_iter().map(|p| p.w.into_owned()).collect()
    }

    /// A piece's lower-cased form borrowed from the lower-cased text is the piece lower-cased
    /// on its own, as it was read before: ASCII and not, a trailing stop dropped.
    #[test]
    fn pieces_read_the_lower_cased_text_as_their_own_lower_case() {
        let text = "On MONDAY, Oct. 3, ZÜRICH's İstanbul office (Mid-March) said É.U. \
                    naïve Straße 2024-10-28 ΑΘΉΝΑ x/Y 13.5.2015 12,2015.";
        let d = Doc::new(text);
        let l = lowered(&d);
        let toks = scan(&d, &l);
        assert!(toks.len() > 20);
        for p in &toks {
            let raw = &text[p.start..p.end];
            let mut own = raw.to_lowercase();
            if own.len() > 1
                && own.ends_with('.')
                && own[..own.len() - 1].chars().any(char::is_alphabetic)
            {
                own.pop();
            }
            if p.start == p.end {
                continue; // a paragraph break
            }
            assert_eq!(p.w, own, "{raw:?}");
        }
        // Upper case outside ASCII is lower-cased too (not only borrowed).
        assert!(toks.iter().any(|p| p.w == "zürich"));
    }

    #[test]
    fn hyphens_slashes_and_dotted_dates_are_split() {
        assert_eq!(words("mid-October"), vec!["mid", "-", "october"]);
        assert_eq!(words("2024-10-28"), vec!["2024", "-", "10", "-", "28"]);
        assert_eq!(words("13.5.2015"), vec!["13", ".", "5", ".", "2015"]);
        assert_eq!(words("08/12,2015"), vec!["08", "/", "12", ",", "2015"]);
    }

    #[test]
    fn abbreviations_lose_their_dot_and_numbers_are_read() {
        let d = Doc::new("Oct. 30");
        let l = lowered(&d);
        let p = scan(&d, &l);
        assert_eq!(p[0].w, "oct");
        assert!(p[0].cap);
        assert_eq!(p[1].num, Some((30, 2)));
        assert_eq!(words("3,000 troops"), vec!["3,000", "troops"]);
    }

    /// The one set answers as the six lookups did: for every word of the set, for each with a
    /// letter added or dropped (near misses that share a sieve slot's length or ends), and for
    /// the pieces of a text with many kinds of words.
    #[test]
    fn one_set_opens_as_the_six_lookups() {
        let mut probes: Vec<String> = Vec::new();
        // Read from the sources, not from `open_words`, so that a word it drops is asked.
        let sources = OPENERS.iter().copied();
        for w in sources.chain(claimtrail_lexicon::calendar_and_number_words()) {
            probes.push(w.to_string());
            probes.push(format!("{w}s"));
            probes.push(format!("x{w}"));
            probes.push(w[..w.len() - w.chars().last().map_or(0, char::len_utf8)].to_string());
        }
        let text = "On the third of March 2015, some 3rd-quarter sales fell two-thirds in \
                    the fall; by 4 p.m. a dozen hrs later, Mondays and springtime weeks ago, \
                    twenty-first century, the fourth month, forty years, half a decade, the 1990s, Q3, mid-May.";
        probes.extend(words(text));
        let mut opened = 0;
        for w in &probes {
            assert_eq!(may_open(w), may_open_each(w), "{w:?}");
            opened += usize::from(may_open(w));
        }
        assert!(
            opened > 500 && opened < probes.len(),
            "{opened} of {}",
            probes.len()
        );
    }
}
