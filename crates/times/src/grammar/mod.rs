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

/// The grammar's parsers with their bits, in the order [`Grammar::longest`] tries them: one list
/// for `longest` and the test's `each_rule`, so that no parser can be left out of either. `$m` is a
/// macro taking `BIT => parser` pairs.
macro_rules! with_rules {
    ($m:ident) => {
        $m!(
            NUMERIC => numeric,
            MONTH_FIRST => month_first,
            DAY_FIRST => day_first,
            WEEKDAY_EXPR => weekday_expr,
            NTH_WEEKDAY => nth_weekday_expr,
            DEICTIC => deictic,
            RELATIVE => relative,
            THAT_UNIT => that_unit,
            WEEK_OF => week_of,
            AGO => ago,
            IN_FUTURE => in_future,
            DURATION => duration,
            ALL_UNIT => all_unit,
            SET => set,
            CLOCK => clock,
            VAGUE => vague,
            YEAR_EXPR => year_expr,
            QUARTER => quarter,
            FINANCIAL => financial,
            SEASON_EXPR => season_expr,
            HOLIDAY => holiday,
            BARE_PLURAL => bare_plural,
            LENGTH_ADJECTIVE => length_adjective,
            RANGE_FIRST => range_first,
            CONJOINED_DAY => conjoined_day,
            ORDINAL_UNIT => ordinal_unit,
            VAGUE_AGO => vague_ago,
        )
    };
}

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

    /// The longest expression starting at piece `i`: only the parsers whose first piece the
    /// piece can be are tried ([`Tok::rules`], from [`rules_opened_by`]).
    pub fn parse(&self, i: usize) -> Option<Hit> {
        let t = self.t.get(i)?;
        if t.rules == 0 {
            return None;
        }
        self.longest_of(i, t.rules)
    }

    /// [`Self::parse`] without the opener check: every parser is tried.
    #[cfg(test)]
    pub(crate) fn longest(&self, i: usize) -> Option<Hit> {
        self.longest_of(i, rule::ALL)
    }

    /// The longest expression starting at piece `i` among the parsers of `rules` (bits of
    /// [`rule`]).
    fn longest_of(&self, i: usize, rules: u32) -> Option<Hit> {
        let t = self.t.get(i)?;
        if t.is_boundary() {
            return None;
        }
        let mut best: Option<Hit> = None;
        let mut consider = |h: Option<Hit>| {
            if let Some(h) = h {
                if h.end > h.first && best.as_ref().is_none_or(|b| h.end > b.end) {
                    best = Some(h);
                }
            }
        };
        if rules & rule::MODIFIED != 0 {
            consider(self.modified(i));
        }
        macro_rules! try_rules {
            ($($bit:ident => $f:ident),* $(,)?) => {
                $(if rules & rule::$bit != 0 {
                    consider(self.$f(i));
                })*
            };
        }
        with_rules!(try_rules);
        best
    }

    /// A date after modifiers at piece `i` ("early", "the end of"): the modifier is kept in the
    /// extent, the value is the core's.
    fn modified(&self, i: usize) -> Option<Hit> {
        let m = self.modifiers(i);
        if m <= i {
            return None;
        }
        let core = self
            .month_first(m)
            .or_else(|| self.year_expr(m))
            .or_else(|| self.relative(m))
            .or_else(|| self.season_expr(m))
            .or_else(|| self.unit_of_reference(m));
        core.map(|h| Hit { first: i, ..h })
    }

    /// What each parser of [`Self::longest`] reads at piece `i`, with its bit (for the test that
    /// holds [`rules_opened_by`] to the parsers).
    #[cfg(test)]
    pub(crate) fn each_rule(&self, i: usize) -> Vec<(u32, &'static str, Option<Hit>)> {
        let mut out = Vec::new();
        out.push((rule::MODIFIED, stringify!(modifiers), self.modified(i)));
        macro_rules! each {
            ($($bit:ident => $f:ident),* $(,)?) => {
                $(out.push((rule::$bit, stringify!($f), self.$f(i)));)*
            };
        }
        with_rules!(each);
        out
    }
}

/// One bit per parser of [`Grammar::longest`] (and one for the modified dates it reads first):
/// a piece's [`Tok::rules`] holds the bits of the parsers that may start at it.
pub(crate) mod rule {
    pub const MODIFIED: u32 = 1 << 0;
    pub const NUMERIC: u32 = 1 << 1;
    pub const MONTH_FIRST: u32 = 1 << 2;
    pub const DAY_FIRST: u32 = 1 << 3;
    pub const WEEKDAY_EXPR: u32 = 1 << 4;
    pub const NTH_WEEKDAY: u32 = 1 << 5;
    pub const DEICTIC: u32 = 1 << 6;
    pub const RELATIVE: u32 = 1 << 7;
    pub const THAT_UNIT: u32 = 1 << 8;
    pub const WEEK_OF: u32 = 1 << 9;
    pub const AGO: u32 = 1 << 10;
    pub const IN_FUTURE: u32 = 1 << 11;
    pub const DURATION: u32 = 1 << 12;
    pub const ALL_UNIT: u32 = 1 << 13;
    pub const SET: u32 = 1 << 14;
    pub const CLOCK: u32 = 1 << 15;
    pub const VAGUE: u32 = 1 << 16;
    pub const YEAR_EXPR: u32 = 1 << 17;
    pub const QUARTER: u32 = 1 << 18;
    pub const FINANCIAL: u32 = 1 << 19;
    pub const SEASON_EXPR: u32 = 1 << 20;
    pub const HOLIDAY: u32 = 1 << 21;
    pub const BARE_PLURAL: u32 = 1 << 22;
    pub const LENGTH_ADJECTIVE: u32 = 1 << 23;
    pub const RANGE_FIRST: u32 = 1 << 24;
    pub const CONJOINED_DAY: u32 = 1 << 25;
    pub const ORDINAL_UNIT: u32 = 1 << 26;
    pub const VAGUE_AGO: u32 = 1 << 27;
    #[cfg(test)]
    pub const ALL: u32 = (1 << 28) - 1;
}

/// The parsers that may start at a piece whose lower-cased word is `w`: each parser's first
/// piece read from its code (a number or a word holding a digit, a class of the lexicon, or
/// the words it compares its first piece with, a modifier it skips or a count it reads
/// included). Computed once per opener word ([`crate::scan`]); a parser left out here never
/// runs at such a piece, so each set must hold every word its parser can start with (the test
/// `every_hit_has_its_rule_bit` substitutes every opener and digit form at every piece of the
/// fixtures and requires the bit of every parser that hits).
pub(crate) fn rules_opened_by(w: &str) -> u32 {
    use rule::*;
    let digit = w.bytes().any(|b| b.is_ascii_digit());
    let ord = ordinal(w).is_some();
    // No word of the lexicon's tables holds a digit (`no_table_word_holds_a_digit`): a piece
    // with one (read at every such piece, not once per word) asks none of them.
    let table = |f: fn(&str) -> bool| !digit && f(w);
    let unit_word = table(|w| unit(w).is_some());
    let plural_unit = table(is_plural_unit);
    // A count's first piece (`Grammar::count`).
    let count = digit
        || table(|w| small_number(w).is_some())
        || matches!(
            w,
            "several"
                | "few"
                | "many"
                | "some"
                | "numerous"
                | "a"
                | "an"
                | "the"
                | "couple"
                | "another"
        );
    // A spoken or apostrophe year's first piece (`Grammar::year_at`).
    let year = digit || matches!(w, "nineteen" | "eighteen" | "two" | "'" | "’");
    let mut m = 0;
    let mut add = |bit: u32, on: bool| {
        if on {
            m |= bit;
        }
    };
    add(
        MODIFIED,
        matches!(
            w,
            "early" | "late" | "mid" | "middle" | "the" | "end" | "beginning" | "start"
        ),
    );
    add(NUMERIC, digit);
    add(MONTH_FIRST, table(|w| month(w).is_some()));
    add(DAY_FIRST, digit || ord || matches!(w, "twenty" | "thirty"));
    add(
        WEEKDAY_EXPR,
        table(|w| weekday(w).is_some())
            || matches!(
                w,
                "this" | "next" | "last" | "previous" | "coming" | "past" | "following"
            ),
    );
    add(NTH_WEEKDAY, w == "the" || ord);
    add(
        DEICTIC,
        matches!(
            w,
            "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "mid"
                | "late"
                | "early"
                | "this"
                | "later"
                | "the"
                | "next"
                | "last"
        ),
    );
    add(
        RELATIVE,
        matches!(
            w,
            "the"
                | "last"
                | "past"
                | "previous"
                | "latest"
                | "this"
                | "current"
                | "next"
                | "coming"
                | "following"
                | "earlier"
                | "later"
        ),
    );
    add(THAT_UNIT, matches!(w, "earlier" | "later" | "that" | "the"));
    add(WEEK_OF, w == "the");
    add(
        AGO,
        count || matches!(w, "year" | "more" | "less") || relative::AGO_HEDGES.contains(&w),
    );
    add(IN_FUTURE, w == "in");
    add(
        DURATION,
        count
            || matches!(
                w,
                "about"
                    | "around"
                    | "nearly"
                    | "almost"
                    | "roughly"
                    | "approximately"
                    | "over"
                    | "under"
                    | "more"
                    | "less"
                    | "fewer"
                    | "at"
                    | "up"
                    | "no"
                    | "its"
                    | "their"
                    | "half"
                    | "½"
                    | "¼"
                    | "¾"
            )
            || durations::FRAMES.contains(&w),
    );
    add(ALL_UNIT, w == "all");
    add(
        SET,
        matches!(
            w,
            "daily" | "nightly" | "weekly" | "monthly" | "hourly" | "every" | "each" | "per"
        ),
    );
    add(CLOCK, digit || matches!(w, "noon" | "midday" | "midnight"));
    add(
        VAGUE,
        matches!(
            w,
            "now"
                | "currently"
                | "presently"
                | "nowadays"
                | "current"
                | "at"
                | "the"
                | "these"
                | "recently"
                | "lately"
                | "recent"
                | "soon"
                | "shortly"
                | "someday"
                | "a"
                | "one"
                | "some"
                | "coming"
                | "upcoming"
        ),
    );
    add(
        YEAR_EXPR,
        year || ord
            || matches!(
                w,
                "fiscal"
                    | "the"
                    | "twenties"
                    | "thirties"
                    | "forties"
                    | "fifties"
                    | "sixties"
                    | "seventies"
                    | "eighties"
                    | "nineties"
            ),
    );
    add(
        QUARTER,
        year || ord
            || matches!(
                w,
                "the" | "this" | "last" | "next" | "fiscal" | "latter" | "final" | "first"
            ),
    );
    add(
        FINANCIAL,
        matches!(
            w,
            "the" | "its" | "this" | "comparable" | "corresponding" | "same" | "year" | "last"
        ),
    );
    add(SEASON_EXPR, w == "the" || table(|w| season(w).is_some()));
    add(
        HOLIDAY,
        matches!(
            w,
            "christmas"
                | "new"
                | "thanksgiving"
                | "election"
                | "independence"
                | "halloween"
                | "valentine"
        ),
    );
    add(BARE_PLURAL, w == "the" || plural_unit);
    add(
        LENGTH_ADJECTIVE,
        unit_word || matches!(w, "single" | "several" | "multi"),
    );
    add(RANGE_FIRST, count);
    add(CONJOINED_DAY, digit);
    add(ORDINAL_UNIT, ord);
    add(VAGUE_AGO, plural_unit);
    m
}

#[cfg(test)]
mod tests {
    /// [`super::rules_opened_by`] asks the lexicon's tables nothing of a piece with a digit.
    #[test]
    fn no_table_word_holds_a_digit() {
        for w in claimtrail_lexicon::calendar_and_number_words() {
            assert!(!w.bytes().any(|b| b.is_ascii_digit()), "{w}");
        }
    }
}
