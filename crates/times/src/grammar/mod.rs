//! The grammar: at each piece, a handful of hand-written forward parsers (dates, weekdays,
//! relative and vague references, durations, sets, clock times) each try to read an expression
//! with bounded look-ahead; the longest wins. No backtracking over the text: each parser reads at
//! most a dozen pieces, so the pass is linear in the document.

use chrono::{Datelike, NaiveDate};
use claimtrail_text::TimexType;

use crate::calendar::{
    add_days, day, month_value, shifted, week, weekday_near, weekday_this_week, year_for, Lean,
};
use crate::scan::Tok;
use crate::words::{
    is_plural_unit, month, month_is_abbreviation, month_is_ambiguous, ordinal, season,
    small_number, unit, weekday, weekday_full, Unit,
};

mod clock;
mod dates;
mod durations;
mod periods;
mod relative;

use dates::nth_weekday;
use durations::duration_value;

/// Most pieces a parser skips as modifiers ("just over", "more than about", "the full fiscal"):
/// the look-ahead stays bounded, so a long run of them ("some some some ...") is not rescanned
/// from every piece of the run (quadratic).
const MAX_MODIFIERS: usize = 4;

/// A recognised expression over pieces `first..end`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub first: usize,
    pub end: usize,
    pub value: Option<String>,
    pub kind: TimexType,
}

fn hit(first: usize, end: usize, value: Option<String>, kind: TimexType) -> Option<Hit> {
    Some(Hit {
        first,
        end,
        value,
        kind,
    })
}

/// A parsed count: exact, or vague ("several", "a few") which TimeML writes as X.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Count {
    Exact(u32),
    Vague,
}

pub(crate) struct Grammar<'a> {
    pub t: &'a [Tok<'a>],
    pub r: Option<NaiveDate>,
    /// The last explicit year in the text, used for yearless dates when there is no reference.
    pub ctx_year: Option<i32>,
    /// The last fiscal quarter the text named ("third-quarter profit"): in earnings reports "a
    /// year earlier" means that quarter a year before.
    pub last_quarter: Option<(i32, u32)>,
    /// The last year, month or day the text named, and its granularity ('Y', 'M', 'D'): "the
    /// following month", "the previous Friday" count from it, not from the reference.
    pub last_date: Option<(NaiveDate, char)>,
}

const FUTURE_CUES: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "upcoming",
    "scheduled",
    "expected",
    "plans",
    "plan",
    "planned",
    "planning",
    "due",
    "until",
    "till",
    "next",
    "coming",
    "hopes",
    "intends",
    "aims",
    "would",
    "should",
    "tomorrow",
];
/// Common irregular past-tense verbs of news, read only in the clause a fronted date opens
/// (before a date, the regular "-ed" forms and `PAST_CUES` do).
const IRREGULAR_PAST: &[&str] = &[
    "said", "told", "brought", "bought", "sold", "made", "became", "rose", "fell", "won", "lost",
    "paid", "left", "went", "got", "gave", "found", "wrote", "spent", "sent", "built", "grew",
    "chose", "drew", "threw", "knew", "thought", "sought", "fought", "struck", "stood", "led",
    "ran", "hit", "cut", "put",
];
const PAST_CUES: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "ago",
    "last",
    "since",
    "back",
    "earlier",
    "yesterday",
    "announced",
    "met",
    "held",
    "signed",
    "launched",
    "killed",
    "began",
    "took",
    "came",
    "saw",
    "ended",
];

impl<'a> Grammar<'a> {
    fn w(&self, i: usize) -> &str {
        self.t.get(i).map(|t| &*t.w).unwrap_or("")
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        self.t.get(i).and_then(|t| t.num)
    }

    /// Piece `i` is glued to the one before it (no whitespace).
    fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.gap)
    }

    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }

    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.t.get(i - 1).is_some_and(|t| {
                t.is_boundary() || matches!(&*t.w, "\"" | "“" | "(" | ":" | "'" | "‘")
            })
    }

    /// Tense cue before the expression in its sentence: the nearest cue word decides.
    fn lean(&self, i: usize) -> Lean {
        self.lean_within(i, 8)
    }

    /// [`Self::lean`], reading cues up to `back` pieces before the expression.
    fn lean_within(&self, i: usize, back: usize) -> Lean {
        // "as early as Tuesday", "as soon as Friday"
        let mut p = i;
        if p > 0 && self.w(p - 1) == "on" {
            p -= 1;
        }
        if p >= 3
            && self.w(p - 1) == "as"
            && matches!(self.w(p - 2), "early" | "soon")
            && self.w(p - 3) == "as"
        {
            return Lean::Future;
        }
        // A fronted date ("In March, the company received ...", "Until Thursday, they had
        // not ..."): the tense of the clause it opens, before the preposition's own lean.
        let fronted = self.sentence_start(i)
            || (i > 0
                && matches!(
                    self.w(i - 1),
                    "in" | "on" | "by" | "during" | "since" | "until" | "till"
                )
                && self.sentence_start(i - 1));
        if fronted {
            // A comma after a closing parenthesis ends the parenthetical the date sits in
            // ("will leave at 4 (4 a.m. Thursday),' he said"), not a clause it opens.
            let comma = (i + 1..(i + 5).min(self.t.len()))
                .take_while(|&k| self.w(k) != ")")
                .find(|&k| self.w(k) == ",");
            if let Some(c) = comma {
                // Twelve pieces: a long subject ("the National Rights Action League") comes
                // between the comma and the verb.
                for k in c + 1..(c + 12).min(self.t.len()) {
                    if self.t[k].is_boundary() {
                        break;
                    }
                    // After the date only the auxiliaries and an intention with its infinitive
                    // ("plans to hold") speak for the future: "planned", "plans" alone are the
                    // clause's own past verb or a noun ("vacation plans").
                    let w = self.w(k);
                    if matches!(w, "will" | "'ll" | "shall")
                        || matches!(w, "plans" | "plan" | "intends" | "aims" | "hopes")
                            && self.w(k + 1) == "to"
                    {
                        return Lean::Future;
                    }
                    if PAST_CUES.contains(&w) || IRREGULAR_PAST.contains(&w) || self.regular_past(k)
                    {
                        return Lean::Past;
                    }
                }
            }
        }
        // "a new pact effective June 1": a change announced takes effect ahead.
        if i > 0 && self.w(i - 1) == "effective" {
            return Lean::Future;
        }
        // "by August", "by year-end": a deadline lies ahead, unless the clause is in the past
        // perfect ("had filed reports by Wednesday").
        if i > 0 && self.w(i - 1) == "by" {
            let had = (i.saturating_sub(8)..i - 1)
                .rev()
                .take_while(|&k| !self.t[k].is_boundary())
                .any(|k| self.w(k) == "had");
            return if had { Lean::Past } else { Lean::Future };
        }
        // Inside a parenthesis ("will leave at 4 in the morning (4 a.m. EDT Thursday)"), the
        // clause it glosses is read from the parenthesis back.
        let open = (i.saturating_sub(6)..i)
            .rev()
            .take_while(|&k| !self.t[k].is_boundary() && self.w(k) != ")")
            .find(|&k| self.w(k) == "(")
            .unwrap_or(i);
        let lo = open.saturating_sub(back);
        for k in (lo..open).rev() {
            let t = &self.t[k];
            if t.is_boundary() {
                break;
            }
            if let Some(lean) = self.cue(k) {
                return lean;
            }
        }
        // A cue right after the expression ("Friday will see ...").
        for k in i..(i + 4).min(self.t.len()) {
            match self.w(k) {
                "will" | "'ll" => return Lean::Future,
                "said" | "was" | "were" => return Lean::Past,
                _ => {}
            }
        }
        Lean::Nearest
    }

    /// The tense piece `k` speaks for, if it is a cue.
    fn cue(&self, k: usize) -> Option<Lean> {
        let w = self.w(k);
        // "set to resume Monday", "is to meet Tuesday": an infinitive of schedule.
        if w == "to"
            && k > 0
            && matches!(
                self.w(k - 1),
                "set" | "is" | "are" | "likely" | "ready" | "going" | "poised"
            )
        {
            return Some(Lean::Future);
        }
        if FUTURE_CUES.contains(&w) {
            // "the plan", "its plans": a noun, not an intention.
            if matches!(w, "plan" | "plans")
                && k > 0
                && matches!(self.w(k - 1), "the" | "a" | "its" | "their" | "his" | "her")
            {
                return None;
            }
            // "should have been": a judgement on the past.
            if w == "should" && self.w(k + 1) == "have" {
                return None;
            }
            // "had been scheduled to", "had been due to": a schedule in the past.
            if k > 0 && self.w(k - 1) == "been" {
                return Some(Lean::Past);
            }
            return Some(Lean::Future);
        }
        if PAST_CUES.contains(&w) {
            // "will be held", "is signed": a participle after a form of "be" is a passive,
            // whose tense is the auxiliary's ("was held" still leans back on "was"). The
            // auxiliaries and "ago" are no participles; "met" and "saw" stay past as measured.
            let not_participle = matches!(w, "was" | "had" | "did" | "ago" | "met" | "saw");
            // An adverb may stand between ("will be formally signed").
            let mut b = k;
            if b > 0 && (self.w(b - 1) == "still" || self.w(b - 1).ends_with("ly")) {
                b -= 1;
            }
            if !not_participle && b > 0 && self.be_form(b - 1) {
                return None;
            }
            return Some(Lean::Past);
        }
        if self.regular_past(k) {
            return Some(Lean::Past);
        }
        None
    }

    /// A form of "be" before a participle ("is", "be", "been", "being", …), or "to" before
    /// one read as such.
    fn be_form(&self, k: usize) -> bool {
        matches!(
            self.w(k),
            "is" | "are" | "be" | "been" | "being" | "am" | "'s" | "'re" | "to"
        )
    }

    /// A regular past-tense verb ("resigned", "received"): a lower-case "-ed" word not after a
    /// form of "be", an adverb between or not (a passive or adjective in the present: "is
    /// based", "are combined", "is officially reported") nor
    /// after a determiner (an adjective: "the reduced dividend", "a still unspecified date").
    fn regular_past(&self, k: usize) -> bool {
        let w = self.w(k);
        let mut d = k;
        if d > 0 && (self.w(d - 1) == "still" || self.w(d - 1).ends_with("ly")) {
            d -= 1;
        }
        let determined = d > 0
            && matches!(
                self.w(d - 1),
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "any"
                    | "no"
                    | "each"
                    | "every"
            );
        !determined
            && w.len() >= 5
            && w.ends_with("ed")
            && !w.ends_with("eed")
            && w != "hundred"
            && !self.cap(k)
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !(d > 0 && self.be_form(d - 1))
    }

    /// Modifiers before a date that stay in its extent: "early", "mid-", "late", "the end of",
    /// and the range form "early- to mid-".
    fn modifiers(&self, i: usize) -> usize {
        let mut j = i;
        let one = |j: usize| -> Option<usize> {
            match self.w(j) {
                "early" | "late" | "mid" | "middle" => {
                    let mut k = j + 1;
                    if self.w(k) == "-" {
                        k += 1;
                    }
                    Some(k)
                }
                "the"
                    if matches!(self.w(j + 1), "end" | "beginning" | "start" | "middle")
                        && self.w(j + 2) == "of" =>
                {
                    Some(j + 3)
                }
                "end" | "beginning" | "start" if self.w(j + 1) == "of" => Some(j + 2),
                _ => None,
            }
        };
        if let Some(k) = one(j) {
            j = k;
            if matches!(self.w(j), "to" | "or" | "and") {
                if let Some(k2) = one(j + 1) {
                    j = k2;
                }
            }
        }
        j
    }

    /// A count at `i`: digits, number words ("twenty-four"), "a"/"an", vague quantities.
    fn count(&self, i: usize) -> Option<(usize, Count)> {
        if let Some((n, len)) = self.num(i) {
            if len > 3 {
                return None;
            }
            // "1 1/2" and "2.5" are left alone; plain integers only.
            return Some((i + 1, Count::Exact(n)));
        }
        let w = self.w(i);
        match w {
            "several" | "few" | "many" | "some" | "numerous" => return Some((i + 1, Count::Vague)),
            "a" | "an" if matches!(self.w(i + 1), "few" | "number") => {
                let k = if self.w(i + 2) == "of" { i + 3 } else { i + 2 };
                return Some((k, Count::Vague));
            }
            "a" | "the" if self.w(i + 1) == "couple" && self.w(i + 2) == "of" => {
                return Some((i + 3, Count::Exact(2)));
            }
            "couple" if self.w(i + 1) == "of" => return Some((i + 2, Count::Exact(2))),
            "another" if unit(self.w(i + 1)).is_some_and(|u| !u.clock) => {
                return Some((i + 1, Count::Exact(1)));
            }
            _ => {}
        }
        let mut n = small_number(w)?;
        let mut j = i + 1;
        if (20..100).contains(&n) && n % 10 == 0 {
            let mut k = j;
            if self.w(k) == "-" {
                k += 1;
            }
            if let Some(u) = small_number(self.w(k)).filter(|u| (1..10).contains(u)) {
                if !matches!(self.w(k), "a" | "an") {
                    n += u;
                    j = k + 1;
                }
            }
        }
        if self.w(j) == "hundred" && n < 10 && !matches!(w, "a" | "an") {
            n *= 100;
            j += 1;
        }
        // "two thousand years" (a year count only when a unit follows; see `spoken_year`)
        if self.w(j) == "thousand" && n < 10 && unit(self.w(j + 1)).is_some() {
            n *= 1000;
            j += 1;
        }
        Some((j, Count::Exact(n)))
    }

    /// The longest expression starting at piece `i`.
    pub fn parse(&self, i: usize) -> Option<Hit> {
        // No parser starts at a piece that cannot open an expression: skip it unread.
        let t = self.t.get(i)?;
        if !t.opens {
            return None;
        }
        // "that" opens only "that year" and is frequent as a conjunction: no other parser
        // starts there, so they are not tried.
        if &*t.w == "that" {
            return self.that_unit(i);
        }
        self.longest(i)
    }

    /// [`Self::parse`] without the opener check: every parser is tried.
    pub(crate) fn longest(&self, i: usize) -> Option<Hit> {
        let t = self.t.get(i)?;
        if t.is_boundary() {
            return None;
        }
        let m = self.modifiers(i);
        let mut best: Option<Hit> = None;
        let mut consider = |h: Option<Hit>| {
            if let Some(h) = h {
                if h.end > h.first && best.as_ref().is_none_or(|b| h.end > b.end) {
                    best = Some(h);
                }
            }
        };
        if m > i {
            // A modified date keeps the modifier in its extent, value of the core.
            let core = self
                .month_first(m)
                .or_else(|| self.year_expr(m))
                .or_else(|| self.relative(m))
                .or_else(|| self.season_expr(m))
                .or_else(|| self.unit_of_reference(m));
            consider(core.map(|h| Hit { first: i, ..h }));
        }
        consider(self.numeric(i));
        consider(self.month_first(i));
        consider(self.day_first(i));
        consider(self.weekday_expr(i));
        consider(self.nth_weekday_expr(i));
        consider(self.deictic(i));
        consider(self.relative(i));
        consider(self.that_unit(i));
        consider(self.week_of(i));
        consider(self.ago(i));
        consider(self.in_future(i));
        consider(self.duration(i));
        consider(self.all_unit(i));
        consider(self.set(i));
        consider(self.clock(i));
        consider(self.vague(i));
        consider(self.year_expr(i));
        consider(self.quarter(i));
        consider(self.financial(i));
        consider(self.season_expr(i));
        consider(self.holiday(i));
        consider(self.bare_plural(i));
        consider(self.length_adjective(i));
        consider(self.range_first(i));
        consider(self.conjoined_day(i));
        consider(self.ordinal_unit(i));
        consider(self.vague_ago(i));
        best
    }
}
