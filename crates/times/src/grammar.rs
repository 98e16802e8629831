//! The grammar: at each piece, a handful of hand-written forward parsers (dates, weekdays,
//! relative and vague references, durations, sets, clock times) each try to read an expression
//! with bounded look-ahead; the longest wins. No backtracking over the text: each parser reads at
//! most a dozen pieces, so the pass is linear in the document.

use chrono::{Datelike, NaiveDate};

use crate::calendar::{
    add_days, day, month_value, shifted, week, weekday_near, weekday_this_week, year_for, Lean,
};
use crate::lexicon::{
    is_plural_unit, month, month_is_ambiguous, ordinal, season, small_number, unit, weekday,
    weekday_full, Unit,
};
use crate::scan::Tok;

/// A recognised expression over pieces `first..end`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub first: usize,
    pub end: usize,
    pub value: Option<String>,
    pub kind: &'static str,
}

fn hit(first: usize, end: usize, value: Option<String>, kind: &'static str) -> Option<Hit> {
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
    pub t: &'a [Tok],
    pub r: Option<NaiveDate>,
    /// The last explicit year in the text, used for yearless dates when there is no reference.
    pub ctx_year: Option<i32>,
    /// The last fiscal quarter the text named ("third-quarter profit"): in earnings reports "a
    /// year earlier" means that quarter a year before.
    pub last_quarter: Option<(i32, u32)>,
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
    "tomorrow",
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
];

impl<'a> Grammar<'a> {
    fn w(&self, i: usize) -> &str {
        self.t.get(i).map(|t| t.w.as_str()).unwrap_or("")
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
                t.is_boundary() || matches!(t.w.as_str(), "\"" | "“" | "(" | ":" | "'" | "‘")
            })
    }

    /// Tense cue before the expression in its sentence: the nearest cue word decides.
    fn lean(&self, i: usize) -> Lean {
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
        let lo = i.saturating_sub(8);
        for k in (lo..i).rev() {
            let t = &self.t[k];
            if t.is_boundary() {
                break;
            }
            let w = t.w.as_str();
            // "set to resume Monday", "is to meet Tuesday": an infinitive of schedule.
            if w == "to"
                && k > 0
                && matches!(
                    self.w(k - 1),
                    "set" | "is" | "are" | "likely" | "ready" | "going" | "poised"
                )
            {
                return Lean::Future;
            }
            if FUTURE_CUES.contains(&w) {
                return Lean::Future;
            }
            if PAST_CUES.contains(&w) {
                return Lean::Past;
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

    /// A four-digit year at `i` (1000–2099), or an apostrophe year ("'98").
    fn year_at(&self, i: usize) -> Option<(usize, i32)> {
        if let Some((n, 4)) = self.num(i) {
            if (1000..2100).contains(&n) {
                return Some((i + 1, n as i32));
            }
        }
        if let Some(v) = self.spoken_year(i) {
            return Some(v);
        }
        if matches!(self.w(i), "'" | "’") {
            if let Some((n, 2)) = self.num(i + 1) {
                if self.tight(i + 1) {
                    let y = if n < 30 { 2000 + n } else { 1900 + n };
                    return Some((i + 2, y as i32));
                }
            }
        }
        None
    }

    /// Years read out: "nineteen ninety-six", "two thousand", "the year two thousand".
    fn spoken_year(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.w(i);
        if w == "nineteen" || w == "eighteen" {
            let c = if w == "nineteen" { 1900 } else { 1800 };
            if matches!(self.w(i + 1), "zero" | "oh" | "o") {
                if let Some(n) = small_number(self.w(i + 2)).filter(|n| (1..10).contains(n)) {
                    if !matches!(self.w(i + 2), "a" | "an") {
                        return Some((i + 3, c + n as i32));
                    }
                }
            }
            let (k, n) = self.count(i + 1)?;
            let Count::Exact(n) = n else { return None };
            if (10..100).contains(&n) && !matches!(self.w(i + 1), "a" | "an") {
                return Some((k, c + n as i32));
            }
            return None;
        }
        if w == "two" && self.w(i + 1) == "thousand" {
            let mut k = i + 2;
            if self.w(k) == "and" {
                k += 1;
            }
            if let Some((k2, Count::Exact(n))) = self.count(k) {
                if (1..100).contains(&n) && !matches!(self.w(k), "a" | "an") {
                    return Some((k2, 2000 + n as i32));
                }
            }
            return Some((i + 2, 2000));
        }
        None
    }

    /// A day of the month at `i`: "28", "28th".
    fn day_at(&self, i: usize) -> Option<(usize, u32)> {
        if let Some((n, len)) = self.num(i) {
            if (1..=31).contains(&n) && len <= 2 {
                return Some((i + 1, n));
            }
            return None;
        }
        let w = self.w(i);
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            if let Some(n) = ordinal(w) {
                if (1..=31).contains(&n) {
                    return Some((i + 1, n));
                }
            }
        }
        None
    }

    /// A day in words: "first", "twenty-first", "twenty first", "twenty one" (21–31 only, as
    /// "May one" is not a date). Returns the end and the day.
    fn day_word_at(&self, i: usize) -> Option<(usize, u32)> {
        let w = self.w(i);
        if !w.starts_with(|c: char| c.is_ascii_digit()) {
            if let Some(n) = ordinal(w).filter(|n| (1..=31).contains(n)) {
                return Some((i + 1, n));
            }
        }
        let tens = match w {
            "twenty" => 20,
            "thirty" => 30,
            _ => return None,
        };
        let mut k = i + 1;
        if self.w(k) == "-" {
            k += 1;
        }
        let u = self.w(k);
        let unit = ordinal(u)
            .filter(|_| !u.starts_with(|c: char| c.is_ascii_digit()))
            .or_else(|| small_number(u).filter(|_| !matches!(u, "a" | "an")))
            .filter(|n| (1..10).contains(n))?;
        let n = tens + unit;
        (n <= 31).then_some((k + 1, n))
    }

    /// A month name at `i`, with the piece after it (skipping an abbreviation's own dot).
    fn month_at(&self, i: usize) -> Option<(usize, u32)> {
        let m = month(self.w(i))?;
        let w = self.w(i);
        // Three-letter forms only when capitalised ("Oct"), never "mar"/"dec" as words.
        if w.len() <= 4
            && w != "june"
            && w != "july"
            && w != "may"
            && !self.cap(i)
            && self.day_at(i + 1).is_none()
            && self.day_word_at(i + 1).is_none()
        {
            return None;
        }
        Some((i + 1, m))
    }

    fn yearless(&self, i: usize, m: u32, d: Option<u32>) -> Option<String> {
        let y = match self.r {
            Some(r) => {
                let y = year_for(r, m, d, self.lean(i));
                // 29 February: the nearest leap year in the lean's direction.
                let valid =
                    |yy: i32| d.is_none_or(|dd| NaiveDate::from_ymd_opt(yy, m, dd).is_some());
                if valid(y) {
                    Some(y)
                } else {
                    let back = (1..=4).map(|k| y - k).find(|&yy| valid(yy));
                    let fwd = (1..=4).map(|k| y + k).find(|&yy| valid(yy));
                    match self.lean(i) {
                        Lean::Future => fwd,
                        _ => back,
                    }
                    .or(fwd)
                    .or(back)
                }
            }
            None => self.ctx_year,
        };
        Some(match (y, d) {
            (Some(y), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), None) => month_value(y, m),
            (None, Some(d)) => format!("XXXX-{m:02}-{d:02}"),
            (None, None) => format!("XXXX-{m:02}"),
        })
    }

    /// "October 28, 2024", "Oct. 28", "October 2024", "October".
    fn month_first(&self, i: usize) -> Option<Hit> {
        let (mut j, m) = self.month_at(i)?;
        let mut d = None;
        if let Some((k, dd)) = self.day_at(j) {
            // "October 5:30" is a clock time, not the 5th.
            let clock = self.w(k) == ":" && self.tight(k + 1) && self.num(k + 1).is_some();
            if !self.tight(j) && !clock {
                d = Some(dd);
                j = k;
            }
        } else if matches!(self.w(j), "-" | "/") && self.tight(j) && self.tight(j + 1) {
            // "Oct-2", "Jan/1"
            if let Some((k, dd)) = self.day_at(j + 1) {
                d = Some(dd);
                j = k;
            }
        } else {
            // "Jan first", "May twenty-first", "September the twenty-first"
            let k0 = if self.w(j) == "the" { j + 1 } else { j };
            if let Some((k, dd)) = self.day_word_at(k0) {
                d = Some(dd);
                j = k;
            }
        }
        let mut y = None;
        let mut k = j;
        if self.w(k) == "," {
            k += 1;
        }
        if self.w(k) == "of" && d.is_none() {
            k += 1;
        }
        if let Some((k2, yy)) = self.year_at(k) {
            // "October 1998" and "Oct. 28, 1998", not "October, 5000 troops".
            if !matches!(self.w(k2), "%" | "percent" | "million" | "billion") {
                y = Some(yy);
                j = k2;
            }
        }
        if y.is_none()
            && d.is_none()
            && self.w(j) == "of"
            && matches!(self.w(j + 1), "last" | "this" | "next")
        {
            j += 1;
        }
        if y.is_none() && matches!(self.w(j), "last" | "this" | "next") && self.w(j + 1) == "year" {
            let shift = match self.w(j) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let v = self.r.map(|r| r.year() + shift).map(|yy| match d {
                Some(d) => format!("{yy:04}-{m:02}-{d:02}"),
                None => month_value(yy, m),
            });
            return hit(i, j + 2, v, "DATE");
        }
        let value = match (y, d) {
            (Some(y), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).map(day),
            (Some(y), None) => Some(month_value(y, m)),
            (None, _) => {
                if d.is_none() && !self.month_alone_ok(i) {
                    return None;
                }
                self.yearless(i, m, d)
            }
        };
        hit(i, j, value, "DATE")
    }

    fn month_alone_ok(&self, i: usize) -> bool {
        let w = self.w(i);
        if !self.cap(i) {
            return false;
        }
        // A bare abbreviation needs its dot: "Jan Kavan" is a name, "Jan." a month.
        let t = &self.t[i];
        let dotted = t.end - t.start > w.len();
        if w.len() <= 4 && !matches!(w, "june" | "july" | "may") && !dotted {
            return false;
        }
        if month_is_ambiguous(w) {
            // "May" and "March" as words: only after a preposition or modifier.
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            return !self.sentence_start(i)
                && matches!(
                    prev,
                    "in" | "since"
                        | "of"
                        | "until"
                        | "by"
                        | "from"
                        | "early"
                        | "mid"
                        | "late"
                        | "-"
                        | "last"
                        | "next"
                        | "this"
                        | "to"
                        | "through"
                        | "before"
                        | "after"
                        | "during"
                        | "and"
                        | "or"
                        | "on"
                        | "between"
                );
        }
        true
    }

    /// "28 October", "28th of October 2024".
    fn day_first(&self, i: usize) -> Option<Hit> {
        let (mut j, d, word) = match self.day_at(i) {
            Some((j, d)) => (j, d, false),
            None => {
                let (j, d) = self.day_word_at(i)?;
                (j, d, true)
            }
        };
        if word && self.w(j) != "of" {
            return None;
        }
        if self.w(j) == "." && self.tight(j) && !word {
            j += 1; // "16. Nov. 2016"
        }
        if self.w(j) == "of" {
            j += 1;
            // "the 20th of next month"
            if matches!(self.w(j), "next" | "last" | "this" | "previous")
                && self.w(j + 1) == "month"
            {
                let shift = match self.w(j) {
                    "next" => 1,
                    "this" => 0,
                    _ => -1,
                };
                let v = self.r.and_then(|r| {
                    let base = crate::calendar::add_months(r.with_day(1)?, shift)?;
                    NaiveDate::from_ymd_opt(base.year(), base.month(), d).map(day)
                });
                v.as_ref()?;
                return hit(i, j + 2, v, "DATE");
            }
        }
        let (mut j, m) = self.month_at(j)?;
        let mut k = j;
        if self.w(k) == "," {
            k += 1;
        }
        let value = if let Some((k2, y)) = self.year_at(k) {
            j = k2;
            NaiveDate::from_ymd_opt(y, m, d).map(day)
        } else {
            self.yearless(i, m, Some(d))
        };
        hit(i, j, value, "DATE")
    }

    /// "10/28/2024", "28/10/2024", "2024-10-28", "2024/10/28".
    fn numeric(&self, i: usize) -> Option<Hit> {
        let (a, alen) = self.num(i)?;
        let sep = self.w(i + 1);
        if !matches!(sep, "/" | "-" | ".") || !self.tight(i + 1) || !self.tight(i + 2) {
            return None;
        }
        // "2019-sep-1", "2019/sep/01"
        if alen == 4 {
            if let Some(m) = month(self.w(i + 2)) {
                if self.w(i + 3) == sep && self.tight(i + 3) && self.tight(i + 4) {
                    let (d, _) = self.num(i + 4)?;
                    let date = NaiveDate::from_ymd_opt(a as i32, m, d)?;
                    return hit(i, i + 5, Some(day(date)), "DATE");
                }
                return None;
            }
        }
        let (b, blen) = self.num(i + 2)?;
        // "08/12,2015": US month/day, then the year after a comma.
        if sep == "/" && self.w(i + 3) == "," && self.tight(i + 3) && alen <= 2 && blen <= 2 {
            if let Some((c, clen)) = self.num(i + 4).filter(|_| self.tight(i + 4)) {
                let y = match clen {
                    4 => c as i32,
                    2 => 2000 + c as i32,
                    _ => return None,
                };
                let date = NaiveDate::from_ymd_opt(y, a, b)?;
                return hit(i, i + 5, Some(day(date)), "DATE");
            }
        }
        if self.w(i + 3) != sep || !self.tight(i + 3) || !self.tight(i + 4) {
            return None;
        }
        let (c, clen) = self.num(i + 4)?;
        if blen > 2 {
            return None;
        }
        let (y, m, d) = if alen == 4 {
            (a as i32, b, c)
        } else if clen == 4 || clen == 2 {
            if alen > 2 || sep == "." && clen == 2 {
                return None;
            }
            let y = if clen == 2 {
                if c < 50 {
                    2000 + c
                } else {
                    1900 + c
                }
            } else {
                c
            } as i32;
            // US order unless the first number cannot be a month.
            if a > 12 {
                (y, b, a)
            } else {
                (y, a, b)
            }
        } else {
            return None;
        };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        hit(i, i + 5, Some(day(date)), "DATE")
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

    /// Weekdays: "Wednesday", "last Friday", "Thursday (Nov 21)", "Saturday night".
    fn weekday_expr(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        // "next week Sunday", "this week on Friday": the day of that week.
        let mut week_shift: Option<i64> = None;
        if self.w(j + 1) == "week" {
            week_shift = match self.w(j) {
                "this" => Some(0),
                "next" => Some(1),
                "last" | "previous" => Some(-1),
                _ => None,
            };
            if week_shift.is_some() {
                j += 2;
                if self.w(j) == "on" {
                    j += 1;
                }
            }
        }
        let rel = match self.w(j) {
            w @ ("last" | "next" | "this" | "coming" | "past" | "previous")
                if week_shift.is_none() =>
            {
                j += 1;
                Some(w)
            }
            _ => None,
        };
        let wd = weekday_full(self.w(j)).or_else(|| {
            (self.cap(j) && matches!(self.w(j), "tue" | "wed" | "thu" | "sat" | "sun"))
                .then(|| weekday(self.w(j)))
                .flatten()
        })?;
        // Abbreviations ("Sun", "Fri") only with a date beside them.
        let abbrev = !self.w(j).ends_with("day");
        if rel.is_none() && week_shift.is_none() && !self.cap(j) && abbrev {
            return None;
        }
        j += 1;
        // "Friday next week", "Sunday of next week"
        if week_shift.is_none() {
            let k = if matches!(self.w(j), "of" | ",") {
                j + 1
            } else {
                j
            };
            if self.w(k + 1) == "week" {
                week_shift = match self.w(k) {
                    "this" => Some(0),
                    "next" => Some(1),
                    "last" | "previous" => Some(-1),
                    _ => None,
                };
                if week_shift.is_some() {
                    j = k + 2;
                }
            }
        }
        if let Some(ws) = week_shift {
            let v = self
                .r
                .and_then(|r| add_days(r, 7 * ws))
                .and_then(|d| weekday_this_week(d, wd))
                .map(day);
            return hit(i, j, v, "DATE");
        }
        // "Friday the 15th": the nearest month where the 15th is a Friday.
        if self.w(j) == "the" {
            // "Friday the fifteen": a cardinal day word too.
            let cardinal = small_number(self.w(j + 1))
                .filter(|n| (1..=31).contains(n) && !matches!(self.w(j + 1), "a" | "an"))
                .map(|n| (j + 2, n));
            if let Some((k, d)) = self
                .day_at(j + 1)
                .or_else(|| self.day_word_at(j + 1))
                .or(cardinal)
            {
                let v = self.r.and_then(|r| {
                    (-2..=2)
                        .filter_map(|dm| {
                            let b = crate::calendar::add_months(r.with_day(1)?, dm)?;
                            NaiveDate::from_ymd_opt(b.year(), b.month(), d)
                        })
                        .filter(|x| x.weekday().number_from_monday() == wd)
                        .min_by_key(|x| (*x - r).num_days().abs())
                        .map(day)
                });
                return hit(i, k, v, "DATE");
            }
        }
        // An explicit date beside the weekday settles it.
        let mut k = j;
        let paren = matches!(self.w(k), "(" | "[");
        if matches!(self.w(k), "," | "(" | "[") {
            k += 1;
        }
        if let Some(h) = self.month_first(k).or_else(|| self.day_first(k)) {
            if h.value.as_deref().is_some_and(|v| v.len() == 10) {
                let mut end = h.end;
                if paren && matches!(self.w(end), ")" | "]") {
                    end += 1;
                }
                return hit(i, end, h.value, "DATE");
            }
        }
        // "Sun", "Wed" alone are too often names and words.
        if abbrev {
            return None;
        }
        let date = self.r.and_then(|r| match rel {
            Some("last") | Some("past") | Some("previous") => weekday_near(r, wd, Lean::Past, true),
            // "next Sunday" is the Sunday of next week (as the recognizers-text spec has it);
            // "coming Sunday" the first one ahead.
            Some("next") => add_days(r, 7).and_then(|d| weekday_this_week(d, wd)),
            Some("coming") => weekday_near(r, wd, Lean::Future, true),
            Some(_) => weekday_this_week(r, wd),
            None => {
                let lean = match self.lean(i) {
                    Lean::Future => Lean::Future,
                    _ => Lean::Past,
                };
                weekday_near(r, wd, lean, false)
            }
        });
        if let Some(part) = day_part(self.w(j)) {
            return hit(i, j + 1, date.map(|d| format!("{}T{part}", day(d))), "TIME");
        }
        hit(i, j, date.map(day), "DATE")
    }

    /// "the first Friday of July", "the second Monday of next month", "third Tuesday".
    fn nth_weekday_expr(&self, i: usize) -> Option<Hit> {
        let j = if self.w(i) == "the" { i + 1 } else { i };
        let w = self.w(j);
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let n = ordinal(w).filter(|n| (1..=5).contains(n))?;
        let wd = weekday_full(self.w(j + 1))?;
        let k = j + 2;
        let r = self.r;
        let (end, month_of): (usize, Option<(i32, u32)>) = if matches!(self.w(k), "of" | "in") {
            let mut m = k + 1;
            if let Some((e, mm)) = self.month_at(m) {
                let y = match self.year_at(e) {
                    Some((e2, y)) => {
                        m = e2;
                        Some(y)
                    }
                    None => {
                        m = e;
                        r.map(|r| year_for(r, mm, None, self.lean(i)))
                    }
                };
                (m, y.map(|y| (y, mm)))
            } else if matches!(self.w(m), "next" | "this" | "last" | "previous")
                && self.w(m + 1) == "month"
            {
                let shift = match self.w(m) {
                    "next" => 1,
                    "this" => 0,
                    _ => -1,
                };
                let b = r.and_then(|r| crate::calendar::add_months(r.with_day(1)?, shift));
                (m + 2, b.map(|b| (b.year(), b.month())))
            } else {
                return None;
            }
        } else if self.cap(j + 1) {
            (k, r.map(|r| (r.year(), r.month())))
        } else {
            return None;
        };
        let v = month_of
            .and_then(|(y, m)| nth_weekday(y, m, wd, n))
            .filter(|d| month_of.is_some_and(|(_, m)| d.month() == m))
            .map(day);
        hit(i, end, v, "DATE")
    }

    /// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night".
    fn deictic(&self, i: usize) -> Option<Hit> {
        let r = self.r;
        let off = |n: i64| r.and_then(|r| add_days(r, n)).map(day);
        match self.w(i) {
            "today" if self.w(i + 1) != "'s" => hit(i, i + 1, off(0), "DATE"),
            "yesterday" => {
                if let Some(p) = day_part(self.w(i + 1)) {
                    return hit(i, i + 2, off(-1).map(|d| format!("{d}T{p}")), "TIME");
                }
                hit(i, i + 1, off(-1), "DATE")
            }
            "tomorrow" => {
                if let Some(p) = day_part(self.w(i + 1)) {
                    return hit(i, i + 2, off(1).map(|d| format!("{d}T{p}")), "TIME");
                }
                hit(i, i + 1, off(1), "DATE")
            }
            "tonight" => hit(i, i + 1, off(0).map(|d| format!("{d}TNI")), "TIME"),
            "mid" | "late" | "early"
                if day_part(self.w(i + 1).trim_start_matches('-')).is_some()
                    || (self.w(i + 1) == "-" && day_part(self.w(i + 2)).is_some()) =>
            {
                let k = if self.w(i + 1) == "-" { i + 2 } else { i + 1 };
                let p = day_part(self.w(k))?;
                let (end, d) = match self.w(k + 1) {
                    "yesterday" => (k + 2, off(-1)),
                    "today" => (k + 2, off(0)),
                    "tomorrow" => (k + 2, off(1)),
                    _ => (k + 1, off(0)),
                };
                hit(i, end, d.map(|d| format!("{d}T{p}")), "TIME")
            }
            "this" | "late" | "early" | "later" => {
                let mut j = i + 1;
                if self.w(i) != "this" {
                    if self.w(j) != "this" {
                        return None;
                    }
                    j += 1;
                }
                let p = day_part(self.w(j))?;
                hit(i, j + 1, off(0).map(|d| format!("{d}T{p}")), "TIME")
            }
            "the" if self.w(i + 1) == "weekend" => hit(i, i + 2, self.weekend(i), "DATE"),
            "the"
                if self.w(i + 1) == "day"
                    && matches!(self.w(i + 2), "before" | "after")
                    && matches!(self.w(i + 3), "yesterday" | "tomorrow") =>
            {
                let n = match (self.w(i + 2), self.w(i + 3)) {
                    ("before", "yesterday") => -2,
                    ("after", "tomorrow") => 2,
                    _ => 0,
                };
                hit(i, i + 4, off(n), "DATE")
            }
            "the" | "next"
                if matches!(self.w(i + 1), "next" | "following" | "day")
                    && (self.w(i) == "the" && self.w(i + 2) == "day"
                        || self.w(i) == "next" && self.w(i + 1) == "day") =>
            {
                let end = if self.w(i) == "the" { i + 3 } else { i + 2 };
                hit(i, end, off(1), "DATE")
            }
            // "for the day", "end the day": the day reported on.
            "the"
                if self.w(i + 1) == "day"
                    && i > 0
                    && matches!(
                        self.w(i - 1),
                        "for"
                            | "end"
                            | "ended"
                            | "ending"
                            | "finish"
                            | "finished"
                            | "in"
                            | "during"
                            | "on"
                    )
                    && !matches!(
                        self.w(i + 2),
                        "of" | "when" | "that" | "-" | "'s" | "before" | "after"
                    ) =>
            {
                hit(i, i + 2, off(0), "DATE")
            }
            "last" if self.w(i + 1) == "night" => {
                hit(i, i + 2, off(-1).map(|d| format!("{d}TNI")), "TIME")
            }
            _ => None,
        }
    }

    /// "last year", "this month", "next week", "earlier this year", "the past week" (a
    /// duration), "this summer", "last April".
    fn relative(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let mut the = false;
        if self.w(j) == "the" {
            the = true;
            j += 1;
        }
        let mut shift = match self.w(j) {
            "last" | "past" | "previous" | "latest" => -1,
            "this" | "current" => 0,
            "next" | "coming" | "following" => 1,
            "earlier" | "later" if self.w(j + 1) == "this" => {
                j += 1;
                0
            }
            _ => return None,
        };
        let word = self.w(j).to_string();
        j += 1;
        if word == "this" && self.w(j) == "past" {
            shift = -1;
            j += 1;
        }
        if matches!(self.w(j), "fiscal" | "calendar") {
            j += 1;
        }
        let w = self.w(j);
        // "the next month" spans a period; "the past year" is, in TimeBank, the year before.
        if the && matches!(word.as_str(), "next" | "coming") {
            let u = unit(w)?;
            if is_plural_unit(w) {
                return None;
            }
            return hit(
                i,
                j + 1,
                Some(duration_value(Count::Exact(1), u)),
                "DURATION",
            );
        }
        if the && word == "latest" && w != "quarter" {
            return None;
        }
        let r = self.r;
        let value = match w {
            "year" => r.and_then(|r| shifted(r, 'Y', shift)),
            "month" => r.and_then(|r| shifted(r, 'M', shift)),
            "week" => r.and_then(|r| shifted(r, 'W', shift)),
            "quarter" => {
                // "the latest quarter" is the last one reported: the previous quarter.
                if word == "latest" {
                    shift = -1;
                }
                r.and_then(|r| shifted(r, 'Q', shift))
            }
            "weekend" => r
                .and_then(|r| add_days(r, 7 * shift as i64))
                .map(|d| format!("{}-WE", week(d))),
            "century" => r.map(|r| format!("{:02}", (r.year() + 100 * shift) / 100)),
            "decade" => r.map(|r| format!("{:03}", (r.year() + 10 * shift) / 10)),
            _ => {
                if let Some(m) = month(w).filter(|_| self.cap(j)) {
                    // "last Oct. 23": the day too.
                    if let Some((k, d)) = self.day_at(j + 1) {
                        let v = r.map(|r| {
                            let y = r.year();
                            let y = match shift {
                                -1 if (m, d) >= (r.month(), r.day()) => y - 1,
                                1 if (m, d) <= (r.month(), r.day()) => y + 1,
                                _ => y,
                            };
                            format!("{y:04}-{m:02}-{d:02}")
                        });
                        return hit(i, k, v, "DATE");
                    }
                    r.map(|r| {
                        let y = r.year();
                        let y = match shift {
                            -1 => {
                                if m + 1 < r.month() {
                                    y
                                } else {
                                    y - 1
                                }
                            }
                            1 => {
                                if m > r.month() {
                                    y
                                } else {
                                    y + 1
                                }
                            }
                            _ => y,
                        };
                        month_value(y, m)
                    })
                } else if let Some(s) = season(w) {
                    r.map(|r| {
                        let start = match s {
                            "SP" => 3,
                            "SU" => 6,
                            "FA" => 9,
                            _ => 12,
                        };
                        let y = r.year();
                        let y = match shift {
                            -1 if start >= r.month() => y - 1,
                            1 if start <= r.month() => y + 1,
                            _ => y,
                        };
                        format!("{y:04}-{s}")
                    })
                } else {
                    return None;
                }
            }
        };
        if word == "latest" && w != "quarter" {
            return None;
        }
        hit(i, j + 1, value, "DATE")
    }

    /// "the weekend", "over the weekend": the one just past, unless the sentence looks ahead.
    fn weekend(&self, i: usize) -> Option<String> {
        let r = self.r?;
        let wd = r.weekday().number_from_monday();
        let d = if wd >= 6 || self.lean(i) == Lean::Future {
            r
        } else {
            add_days(r, -7)?
        };
        Some(format!("{}-WE", week(d)))
    }

    /// "a year ago", "three months earlier", "two weeks from now", "year-earlier".
    fn ago(&self, i: usize) -> Option<Hit> {
        if self.w(i) == "year" && self.w(i + 1) == "-" && matches!(self.w(i + 2), "earlier" | "ago")
        {
            return hit(i, i + 3, self.year_ago(), "DATE");
        }
        let mut c = i;
        while matches!(
            self.w(c),
            "nearly"
                | "almost"
                | "about"
                | "some"
                | "just"
                | "only"
                | "roughly"
                | "around"
                | "over"
                | "approximately"
        ) || (matches!(self.w(c), "more" | "less") && self.w(c + 1) == "than")
        {
            c += if self.w(c + 1) == "than" { 2 } else { 1 };
        }
        let (j, count) = self.count(c)?;
        let u = unit(self.w(j))?;
        let dir = match self.w(j + 1) {
            "ago" | "earlier" | "before" => -1,
            "later" | "hence" => 1,
            "from" if self.w(j + 2) == "now" => 1,
            _ => return None,
        };
        let end = if self.w(j + 1) == "from" {
            j + 3
        } else {
            j + 2
        };
        let value = match count {
            Count::Vague => Some(if dir < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string()),
            Count::Exact(1)
                if u.letter == 'Y' && u.factor == 1 && dir < 0 && self.last_quarter.is_some() =>
            {
                self.last_quarter.map(|(y, q)| format!("{:04}-Q{q}", y - 1))
            }
            Count::Exact(n) => self.r.and_then(|r| {
                let n = (n * u.factor) as i32 * dir;
                match (u.letter, u.clock) {
                    (_, true) => Some(day(r)),
                    ('D', _) => shifted(r, 'D', n),
                    (l, _) => shifted(r, l, n),
                }
            }),
        };
        hit(i, end, value, "DATE")
    }

    /// "will leave in 3 weeks": a point ahead of the reference (TimeBank's "redeemed in five
    /// years" is a DATE). Only with a future cue; "the first time in years" stays a duration.
    fn in_future(&self, i: usize) -> Option<Hit> {
        if self.w(i) != "in" || self.lean(i) != Lean::Future {
            return None;
        }
        let (j, Count::Exact(n)) = self.count(i + 1)? else {
            return None;
        };
        let u = unit(self.w(j))?;
        if u.clock || matches!(self.w(j + 1), "of" | "-" | "'s" | "time") {
            return None;
        }
        let v = self
            .r
            .and_then(|r| shifted(r, u.letter, (n * u.factor) as i32));
        hit(i + 1, j + 1, v, "DATE")
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
        Some((j, Count::Exact(n)))
    }

    /// Durations: "three years", "48 hours", "a month", "five-year", "the past two months",
    /// "the first nine months", "several weeks", "nearly an hour".
    fn duration(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        // Approximation and bound words stay in the extent, as in TimeBank.
        loop {
            match self.w(j) {
                "about" | "around" | "nearly" | "almost" | "roughly" | "approximately" | "over"
                | "under" | "some"
                    if self.count(j + 1).is_some() =>
                {
                    j += 1
                }
                "more" | "less" | "fewer" if self.w(j + 1) == "than" => j += 2,
                "at" if matches!(self.w(j + 1), "least" | "most") => j += 2,
                "up" if self.w(j + 1) == "to" => j += 2,
                "no" if self.w(j + 1) == "more" && self.w(j + 2) == "than" => j += 3,
                _ => break,
            }
        }
        let mut the = false;
        if matches!(self.w(j), "the" | "its" | "their") {
            the = true;
            j += 1;
        }
        let mut framed = false;
        if matches!(
            self.w(j),
            "past"
                | "last"
                | "next"
                | "first"
                | "coming"
                | "previous"
                | "final"
                | "latest"
                | "following"
                | "recent"
                | "initial"
        ) {
            framed = true;
            j += 1;
        }
        // Fractions: "half an hour", "½ hour", "3.5 years", "123.45 sec".
        let (k, count, mut amount) = match self.fraction_count(j) {
            Some((k, a)) => (k, Count::Exact(1), Some(a)),
            None => {
                let (k, c) = self.count(j)?;
                (k, c, None)
            }
        };
        let w0 = self.w(j);
        let mut k = k;
        // "one and a half hours"
        if let (Count::Exact(n), Some((k2, f))) = (count, self.and_fraction(k)) {
            if amount.is_none() && unit(self.w(k2)).is_some() {
                amount = Some(n as f64 + f);
                k = k2;
            }
        }
        // "three weekends"
        if let (Count::Exact(n), "weekend" | "weekends") = (count, self.w(k)) {
            if amount.is_none() && !matches!(w0, "a" | "an" | "the") {
                return hit(i, k + 1, Some(format!("P{n}WE")), "DURATION");
            }
        }
        // "20 more years", "six straight days", "five trading days"
        if matches!(
            self.w(k),
            "more"
                | "additional"
                | "extra"
                | "further"
                | "straight"
                | "consecutive"
                | "successive"
                | "trading"
                | "business"
                | "working"
                | "full"
        ) && unit(self.w(k + 1)).is_some()
        {
            k += 1;
        }
        // Adjectival "five-year" and "48-hour".
        if self.w(k) == "-" && self.tight(k) && self.tight(k + 1) {
            k += 1;
        }
        let uw = self.w(k);
        let u = unit(uw)?;
        // Ages ("a 6-year-old boy") are not time expressions in TimeML news corpora.
        if self.w(k + 1) == "-" && self.w(k + 2) == "old" {
            return None;
        }
        if matches!(w0, "a" | "an") && uw == "second" {
            return None; // "a second time": the ordinal
        }
        if matches!(w0, "a" | "an") {
            // "a year" after a number or price is a rate: "$5 a year", "twice a day".
            if i > 0 && self.is_rate_lead(i - 1) {
                if matches!(self.w(i - 1), "once" | "twice" | "thrice" | "times") {
                    return hit(i, k + 1, Some(duration_value(Count::Exact(1), u)), "SET");
                }
                return None;
            }
            // "a year-earlier loss": the compound is the expression, not "a year".
            if self.w(k + 1) == "-" && self.tight(k + 1) {
                return None;
            }
            if the || framed {
                return None;
            }
        }
        if count == Count::Vague && !is_plural_unit(uw) {
            return None;
        }
        if matches!(w0, "some") && !framed {
            return None;
        }
        let _ = the;
        if count == Count::Vague {
            return hit(i, k + 1, Some(duration_value(count, u)), "DURATION");
        }
        let first = match (amount, count) {
            (Some(a), _) => a,
            (None, Count::Exact(n)) => n as f64,
            (None, Count::Vague) => return None,
        };
        let mut parts = vec![(first, u)];
        let mut end = k + 1;
        // "an hour and a half", "one year and a quarter"
        if let Some((e, f)) = self.and_fraction(end) {
            parts[0].0 += f;
            end = e;
        } else {
            // "1 hour and 30 minutes", "2 years, 3 months": finer units only.
            let mut m = end;
            if matches!(self.w(m), "and" | ",") {
                m += 1;
            }
            if let Some((m2, Count::Exact(n2))) = self.count(m) {
                if let Some(u2) = unit(self.w(m2)) {
                    if finer(u2, u) && !matches!(self.w(m), "a" | "an") {
                        parts.push((n2 as f64, u2));
                        end = m2 + 1;
                    }
                }
            }
        }
        hit(i, end, Some(compose(&parts)), "DURATION")
    }

    /// A fractional count at `i`: "half a"/"half an", "½", "3.5".
    fn fraction_count(&self, i: usize) -> Option<(usize, f64)> {
        let w = self.w(i);
        match w {
            "half" if matches!(self.w(i + 1), "a" | "an") => return Some((i + 2, 0.5)),
            "½" => return Some((i + 1, 0.5)),
            "¼" => return Some((i + 1, 0.25)),
            "¾" => return Some((i + 1, 0.75)),
            _ => {}
        }
        let (a, b) = w.split_once('.')?;
        let digits =
            |x: &str| !x.is_empty() && x.len() <= 4 && x.bytes().all(|c| c.is_ascii_digit());
        if digits(a) && digits(b) && unit(self.w(i + 1)).is_some() {
            return w.parse().ok().map(|v| (i + 1, v));
        }
        None
    }

    /// "and a half", "and half", "and a quarter" at `i`: the fraction added.
    fn and_fraction(&self, i: usize) -> Option<(usize, f64)> {
        if self.w(i) != "and" {
            return None;
        }
        let k = if self.w(i + 1) == "a" { i + 2 } else { i + 1 };
        match self.w(k) {
            "half" => Some((k + 1, 0.5)),
            "quarter" if self.w(i + 1) == "a" && unit(self.w(k + 1)).is_none_or(|_| true) => {
                // "and a quarter years" is not English; "and a quarter" closes the duration.
                Some((k + 1, 0.25))
            }
            _ => None,
        }
    }

    /// "all day", "all week": the whole unit.
    fn all_unit(&self, i: usize) -> Option<Hit> {
        if self.w(i) != "all" || !matches!(self.w(i + 1), "day" | "week" | "month" | "year") {
            return None;
        }
        let u = unit(self.w(i + 1))?;
        hit(
            i,
            i + 2,
            Some(duration_value(Count::Exact(1), u)),
            "DURATION",
        )
    }

    fn is_rate_lead(&self, k: usize) -> bool {
        let w = self.w(k);
        self.num(k).is_some()
            || matches!(
                w,
                "once" | "twice" | "thrice" | "times" | "%" | "percent" | "million" | "billion"
            )
            || w.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Sets: "every day", "each year", "daily", "every Monday", "per week".
    fn set(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let fixed = match w {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = fixed {
            // The adverb ("casualties daily"), not the adjective ("daily flights").
            let next = self.w(i + 1);
            let adverb = next.is_empty()
                || !next.starts_with(|c: char| c.is_alphanumeric())
                || matches!(
                    next,
                    "in" | "on"
                        | "at"
                        | "for"
                        | "since"
                        | "until"
                        | "from"
                        | "to"
                        | "and"
                        | "or"
                        | "but"
                        | "through"
                        | "by"
                        | "during"
                );
            if !adverb {
                return None;
            }
            return hit(i, i + 1, Some(v.into()), "SET");
        }
        if !matches!(w, "every" | "each" | "per") {
            return None;
        }
        let mut j = i + 1;
        if matches!(self.w(j), "other" | "single") {
            j += 1;
        }
        if let Some(wd) = weekday_full(self.w(j)) {
            return hit(i, j + 1, Some(format!("XXXX-WXX-{wd}")), "SET");
        }
        let (k, n) = match self.count(j) {
            Some((k, Count::Exact(n))) if w != "per" && unit(self.w(k)).is_some() => (k, n),
            _ => (j, 1),
        };
        let u = unit(self.w(k))?;
        hit(i, k + 1, Some(duration_value(Count::Exact(n), u)), "SET")
    }

    /// Clock times: "5 p.m.", "3:30 pm", "10:00 GMT", "noon", "midnight".
    fn clock(&self, i: usize) -> Option<Hit> {
        let date = self.r.map(day);
        let at = |t: String| date.as_ref().map(|d| format!("{d}T{t}"));
        let _ = at;
        match self.w(i) {
            "noon" | "midday" | "midnight" => {
                let t = if self.w(i) == "midnight" {
                    "24:00"
                } else {
                    "12:00"
                };
                let (j, date) = self.clock_date(i + 1).unwrap_or((i + 1, date));
                return hit(i, j, date.map(|d| format!("{d}T{t}")), "TIME");
            }
            _ => {}
        }
        let (h, _) = self.num(i)?;
        let mut j = i + 1;
        let mut min = 0;
        let mut has_min = false;
        if self.w(j) == ":" && self.tight(j) && self.tight(j + 1) {
            let (mm, len) = self.num(j + 1)?;
            if len != 2 || mm > 59 {
                return None;
            }
            min = mm;
            has_min = true;
            j += 2;
        }
        let mut h = h;
        match self.w(j) {
            "a.m" | "am" => {
                if h == 12 {
                    h = 0;
                }
                j += 1;
            }
            "p.m" | "pm" => {
                if h < 12 {
                    h += 12;
                }
                j += 1;
            }
            "o'clock" => j += 1,
            _ => {
                if !has_min {
                    return None;
                }
            }
        }
        if h > 24 {
            return None;
        }
        if matches!(
            self.w(j),
            "gmt" | "utc" | "est" | "edt" | "et" | "pst" | "pdt" | "cst" | "cet" | "bst" | "msk"
        ) {
            j += 1;
        }
        // Universal time carries TimeML's "Z".
        let zone = if matches!(self.w(j.saturating_sub(1)), "gmt" | "utc") {
            "Z"
        } else {
            ""
        };
        let (j, date) = self.clock_date(j).unwrap_or((j, date));
        hit(
            i,
            j,
            date.map(|d| format!("{d}T{h:02}:{min:02}{zone}")),
            "TIME",
        )
    }

    /// The day a clock time names after it: "5 p.m. Wednesday", "noon, Nov. 9", "10 a.m. today".
    fn clock_date(&self, j: usize) -> Option<(usize, Option<String>)> {
        let k = if self.w(j) == "," { j + 1 } else { j };
        if let Some(h) = self.weekday_expr(k).filter(|h| h.kind == "DATE") {
            return Some((h.end, h.value));
        }
        if let Some(h) = self.deictic(k).filter(|h| h.kind == "DATE") {
            return Some((h.end, h.value));
        }
        if let Some(h) = self
            .month_first(k)
            .filter(|h| h.value.as_ref().is_some_and(|v| v.len() == 10))
        {
            return Some((h.end, h.value));
        }
        None
    }

    /// Holidays with a fixed or computable date: "Christmas", "Thanksgiving Day", "New Year's
    /// Day", "Election Day".
    fn holiday(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let (end, rule): (usize, fn(i32) -> Option<NaiveDate>) = match w {
            "christmas" if self.w(i + 1) == "eve" => {
                (i + 2, |y| NaiveDate::from_ymd_opt(y, 12, 24))
            }
            "christmas" => {
                let e = if self.w(i + 1) == "day" { i + 2 } else { i + 1 };
                (e, |y| NaiveDate::from_ymd_opt(y, 12, 25))
            }
            "new" if self.w(i + 1) == "year" && self.w(i + 2) == "'s" => match self.w(i + 3) {
                "day" => (i + 4, |y| NaiveDate::from_ymd_opt(y, 1, 1)),
                "eve" => (i + 4, |y| NaiveDate::from_ymd_opt(y, 12, 31)),
                _ => return None,
            },
            "thanksgiving" => {
                let e = if self.w(i + 1) == "day" { i + 2 } else { i + 1 };
                (e, |y| nth_weekday(y, 11, 4, 4))
            }
            "election" if self.w(i + 1) == "day" && self.cap(i) => (i + 2, |y| {
                nth_weekday(y, 11, 1, 1).and_then(|d| add_days(d, 1))
            }),
            "independence" if self.w(i + 1) == "day" => {
                (i + 2, |y| NaiveDate::from_ymd_opt(y, 7, 4))
            }
            "halloween" => (i + 1, |y| NaiveDate::from_ymd_opt(y, 10, 31)),
            "valentine" if self.w(i + 1) == "'s" && self.w(i + 2) == "day" => {
                (i + 3, |y| NaiveDate::from_ymd_opt(y, 2, 14))
            }
            _ => return None,
        };
        if !self.cap(i) {
            return None;
        }
        let mut first = i;
        let mut shift = None;
        if i > 0 && matches!(self.w(i - 1), "last" | "next" | "this") {
            first = i - 1;
            shift = Some(self.w(i - 1));
        }
        if let Some((k, y)) = self.year_at(end) {
            return hit(first, k, rule(y).map(day), "DATE");
        }
        let v = self.r.and_then(|r| {
            let this = rule(r.year())?;
            let d = match shift.unwrap_or("") {
                "last" => {
                    if this < r {
                        this
                    } else {
                        rule(r.year() - 1)?
                    }
                }
                "next" => {
                    if this > r {
                        this
                    } else {
                        rule(r.year() + 1)?
                    }
                }
                "this" => this,
                _ => {
                    let y = year_for(r, this.month(), Some(this.day()), self.lean(i));
                    rule(y)?
                }
            };
            Some(day(d))
        });
        hit(first, end, v, "DATE")
    }

    /// "months ago": an unquantified distance back.
    fn vague_ago(&self, i: usize) -> Option<Hit> {
        if !is_plural_unit(self.w(i)) || self.w(i + 1) != "ago" {
            return None;
        }
        hit(i, i + 2, Some("PAST_REF".into()), "DATE")
    }

    /// "for weeks", "within days": a bare plural unit after a preposition.
    fn bare_plural(&self, i: usize) -> Option<Hit> {
        // "over the years"
        if self.w(i) == "the" && i > 0 && self.w(i - 1) == "over" {
            let w = self.w(i + 1);
            if matches!(w, "years" | "decades" | "months" | "centuries") {
                let u = unit(w)?;
                return hit(i, i + 2, Some(duration_value(Count::Vague, u)), "DURATION");
            }
        }
        let w = self.w(i);
        let prep = if i > 0 { self.w(i - 1) } else { "" };
        let clock = unit(w).is_some_and(|u| u.clock);
        if !is_plural_unit(w) || !(matches!(prep, "for" | "within") || clock && prep == "in") {
            return None;
        }
        if matches!(self.w(i + 1), "of" | "-" | "'") {
            return None;
        }
        let u = unit(w)?;
        hit(i, i + 1, Some(duration_value(Count::Vague, u)), "DURATION")
    }

    /// Vague references: "now", "currently", "recently", "the past", "soon", "the future",
    /// "in the coming days".
    fn vague(&self, i: usize) -> Option<Hit> {
        let v = |n: usize, s: &str| hit(i, i + n, Some(s.to_string()), "DATE");
        match self.w(i) {
            "now" | "currently" | "presently" | "nowadays" => v(1, "PRESENT_REF"),
            "current" if !matches!(self.w(i + 1), "account" | "affairs" | "events" | "of") => {
                v(1, "PRESENT_REF")
            }
            "at" if self.w(i + 1) == "present" => v(2, "PRESENT_REF"),
            "the" if self.w(i + 1) == "time" && self.w(i + 2) == "being" => v(3, "PRESENT_REF"),
            "these" if self.w(i + 1) == "days" => v(2, "PRESENT_REF"),
            "recently" | "lately" | "formerly" => v(1, "PAST_REF"),
            "recent" => {
                if matches!(
                    self.w(i + 1),
                    "years" | "months" | "weeks" | "days" | "decades"
                ) {
                    v(2, "PAST_REF")
                } else {
                    v(1, "PAST_REF")
                }
            }
            "soon" | "shortly" => {
                let prev = if i > 0 { self.w(i - 1) } else { "" };
                if prev == "as" || matches!(self.w(i + 1), "after" | "as" | "thereafter") {
                    return None;
                }
                v(1, "FUTURE_REF")
            }
            "someday" => v(1, "FUTURE_REF"),
            "one" | "some"
                if self.w(i + 1) == "day"
                    && i > 0
                    && matches!(
                        self.w(i - 1),
                        "will" | "would" | "could" | "might" | "may" | "can" | "'ll"
                    ) =>
            {
                v(2, "FUTURE_REF")
            }
            "the" => match self.w(i + 1) {
                "past"
                    if !is_plural_unit(self.w(i + 2))
                        && unit(self.w(i + 2)).is_none()
                        && self.count(i + 2).is_none() =>
                {
                    v(2, "PAST_REF")
                }
                "future" => v(2, "FUTURE_REF"),
                "near" | "short" | "long" | "medium"
                    if matches!(self.w(i + 2), "future" | "term") =>
                {
                    v(3, "FUTURE_REF")
                }
                "past" | "last" | "next" | "coming"
                    if matches!(self.w(i + 2), "few" | "several" | "many")
                        && is_plural_unit(self.w(i + 3)) =>
                {
                    let past = matches!(self.w(i + 1), "past" | "last");
                    v(4, if past { "PAST_REF" } else { "FUTURE_REF" })
                }
                "coming" | "next" | "upcoming"
                    if matches!(self.w(i + 2), "days" | "weeks" | "months" | "years") =>
                {
                    v(3, "FUTURE_REF")
                }
                _ => None,
            },
            "coming" | "upcoming"
                if matches!(self.w(i + 1), "days" | "weeks" | "months" | "years") =>
            {
                v(2, "FUTURE_REF")
            }
            _ => None,
        }
    }

    /// Years, decades and centuries: "1998", "fiscal 1998", "the 1990s", "the '90s", "the 20th
    /// century", "this year's".
    fn year_expr(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.w(j) == "fiscal" {
            j += 1;
        } else if self.w(j) == "the" && self.w(j + 1) == "year" && self.spoken_year(j + 2).is_some()
        {
            j += 2;
        }
        if let Some((k, y)) = self.year_at(j) {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if matches!(
                prev,
                "$" | "€" | "£" | "#" | "no" | "number" | "nos" | "p" | "pp"
            ) {
                return None;
            }
            let next = self.w(k);
            if matches!(
                next,
                "%" | "percent" | "million" | "billion" | "-" | "/" | ":"
            ) && self.w(j) != "'"
            {
                return None;
            }
            if self.num(k).is_some() || (matches!(prev, ",") && i > 1 && self.num(i - 2).is_some())
            {
                return None;
            }
            return hit(i, k, Some(format!("{y:04}")), "DATE");
        }
        // Decades: "1990s", "'90s", "1990's".
        let w = self.w(j);
        if let Some(d) = w.strip_suffix('s') {
            let d = d.trim_end_matches('\'');
            if d.len() == 4 && d.ends_with('0') {
                if let Ok(y) = d.parse::<u32>() {
                    if (1000..2100).contains(&y) {
                        return hit(i, j + 1, Some(format!("{:03}", y / 10)), "DATE");
                    }
                }
            }
            if d.len() == 2
                && d.ends_with('0')
                && j > 0
                && matches!(
                    self.w(j - 1),
                    "the" | "and" | "early" | "mid" | "late" | "-"
                )
                && !self.tight(j)
            {
                if let Ok(y) = d.parse::<u32>() {
                    let c = if y < 30 { 200 } else { 190 };
                    return hit(j, j + 1, Some(format!("{:03}", c + y / 10)), "DATE");
                }
            }
            if d.len() == 2 && d.ends_with('0') && i > 0 && matches!(self.w(j - 1), "'" | "’") {
                if let Ok(y) = d.parse::<u32>() {
                    let c = if y < 30 { 200 } else { 190 };
                    return hit(j - 1, j + 1, Some(format!("{:03}", c + y / 10)), "DATE");
                }
            }
        }
        // Decades in words: "the nineties".
        let tens = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ];
        if let Some(p) = tens.iter().position(|x| *x == w) {
            if i > 0 && self.w(i) == "the"
                || j > 0 && matches!(self.w(j - 1), "the" | "early" | "mid" | "late" | "-")
            {
                return hit(i, j + 1, Some(format!("19{}", p + 2)), "DATE");
            }
        }
        // Centuries: "the 20th century".
        if let Some(n) = ordinal(w) {
            if self.w(j + 1) == "century" && (1..=22).contains(&n) {
                return hit(i, j + 2, Some(format!("{:02}", n - 1)), "DATE");
            }
        }
        None
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2024", "the first half of
    /// 2024", "this year's third quarter", "fiscal second-quarter".
    fn quarter(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let mut year: Option<i32> = None;
        let mut rel: i32 = 0;
        if self.w(j) == "the" {
            j += 1;
        }
        // "this year's", "last year's", "1998's"
        if matches!(self.w(j), "this" | "last" | "next")
            && self.w(j + 1) == "year"
            && self.w(j + 2) == "'s"
        {
            rel = match self.w(j) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            j += 3;
        } else if let Some((k, y)) = self.year_at(j) {
            if self.w(k) == "'s" {
                year = Some(y);
                j = k + 1;
            }
        }
        if self.w(j) == "fiscal" {
            j += 1;
        }
        let w = self.w(j);
        let (n, half, mut k) = if let Some(q) = w
            .strip_prefix('q')
            .and_then(|d| d.parse::<u32>().ok())
            .filter(|q| (1..=4).contains(q) && self.cap(j))
        {
            (q, false, j + 1)
        } else if matches!(w, "last" | "latter" | "final") && self.w(j + 1) == "half" {
            (2, true, j + 2)
        } else if matches!(w, "final" | "last")
            && self.w(j + 1) == "quarter"
            && self.w(j + 2) == "of"
        {
            (4, false, j + 2)
        } else {
            let n = ordinal(w)?;
            let mut k = j + 1;
            if self.w(k) == "fiscal" {
                k += 1;
            }
            if self.w(k) == "-" {
                k += 1;
            }
            match self.w(k) {
                "quarter" if (1..=4).contains(&n) => (n, false, k + 1),
                "half" if (1..=2).contains(&n) => (n, true, k + 1),
                _ => return None,
            }
        };
        if year.is_none() {
            let mut m = k;
            if self.w(m) == "of" {
                m += 1;
            }
            if let Some((m2, y)) = self.year_at(m) {
                year = Some(y);
                k = m2;
            } else if m > k
                && matches!(self.w(m), "last" | "this" | "next")
                && self.w(m + 1) == "year"
            {
                rel = match self.w(m) {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                k = m + 2;
            } else if self.w(m) == "," {
                if let Some((m2, y)) = self.year_at(m + 1) {
                    year = Some(y);
                    k = m2;
                }
            }
        }
        let y = year.or_else(|| self.r.map(|r| r.year() + rel));
        let value = y.map(|y| {
            if half {
                format!("{y:04}-H{n}")
            } else {
                format!("{y:04}-Q{n}")
            }
        });
        hit(i, k, value, "DATE")
    }

    /// The year before, at quarter granularity in an earnings report.
    fn year_ago(&self) -> Option<String> {
        match self.last_quarter {
            Some((y, q)) => Some(format!("{:04}-Q{q}", y - 1)),
            None => self.r.and_then(|r| shifted(r, 'Y', -1)),
        }
    }

    /// Earnings-report periods: "the quarter", "the latest period", "the year-ago quarter",
    /// "the 1988 period", "year-end", "the fiscal year", "the full year".
    fn financial(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if matches!(self.w(j), "the" | "its" | "this") {
            j += 1;
        }
        let det = j > i;
        if matches!(self.w(j), "comparable" | "corresponding" | "same") {
            j += 1;
        }
        if self.w(j) == "year" && self.w(j + 1) == "-" && matches!(self.w(j + 2), "ago" | "earlier")
        {
            let mut k = j + 3;
            if ordinal(self.w(k)).is_some() && self.w(k + 1) == "quarter" {
                let q = ordinal(self.w(k)).unwrap_or(1);
                let v = self.r.map(|r| format!("{:04}-Q{q}", r.year() - 1));
                return hit(i, k + 2, v, "DATE");
            }
            if matches!(self.w(k), "quarter" | "period") {
                k += 1;
            }
            return hit(i, k, self.year_ago(), "DATE");
        }
        // "the 1988 period", "the 1988 quarter", "the 1988 third quarter"
        if det {
            if let Some((k, y)) = self.year_at(j) {
                if let Some(q) = ordinal(self.w(k)).filter(|q| (1..=4).contains(q)) {
                    if self.w(k + 1) == "quarter" {
                        return hit(i, k + 2, Some(format!("{y:04}-Q{q}")), "DATE");
                    }
                }
                if matches!(self.w(k), "quarter" | "period") {
                    let v = match self.last_quarter {
                        Some((_, q)) => format!("{y:04}-Q{q}"),
                        None => format!("{y:04}"),
                    };
                    return hit(i, k + 1, Some(v), "DATE");
                }
            }
        }
        if det && matches!(self.w(j), "latest" | "current" | "recent") {
            j += 1;
        }
        if det && matches!(self.w(j), "quarter" | "period") && !matches!(self.w(j + 1), "of" | "-")
        {
            if self.w(j) == "period" && !matches!(self.w(j - 1), "latest" | "recent") {
                return None;
            }
            let v = match (self.w(j - 1), self.last_quarter) {
                ("current", _) | ("this", _) => self.r.and_then(|r| shifted(r, 'Q', 0)),
                (_, Some((y, q))) if self.w(j) == "period" => Some(format!("{y:04}-Q{q}")),
                _ => self.r.and_then(|r| shifted(r, 'Q', -1)),
            };
            return hit(i, j + 1, v, "DATE");
        }
        // "year-end", "year end", "year's end"
        let mut k = j;
        if self.w(k) == "year" {
            k += 1;
            if matches!(self.w(k), "-" | "'s") {
                k += 1;
            }
            if self.w(k) == "end" {
                return hit(i, k + 1, self.r.map(|r| format!("{:04}", r.year())), "DATE");
            }
        }
        // "the fiscal year", "the full year", "the current year", "the year"
        if det {
            let mut k = j;
            while matches!(
                self.w(k),
                "full" | "fiscal" | "current" | "calendar" | "whole" | "entire"
            ) {
                k += 1;
            }
            if self.w(k) == "year"
                && !matches!(
                    self.w(k + 1),
                    "-" | "'s"
                        | "before"
                        | "after"
                        | "in"
                        | "when"
                        | "that"
                        | "of"
                        | "earlier"
                        | "ago"
                        | "later"
                )
            {
                if matches!(
                    self.w(k + 1),
                    "ended" | "ending" | "ends" | "to" | "through"
                ) {
                    return hit(i, k + 1, Some("P1Y".into()), "DURATION");
                }
                if k == j
                    && !matches!(
                        self.w(i.wrapping_sub(1)),
                        "for" | "in" | "during" | "of" | "through" | "this"
                    )
                {
                    return None;
                }
                return hit(i, k + 1, self.r.map(|r| format!("{:04}", r.year())), "DATE");
            }
        }
        None
    }

    /// Seasons with a year or determiner: "summer 2024", "the summer of 1998", "this fall".
    fn season_expr(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let det = matches!(self.w(j), "the" | "in" | "during");
        if self.w(j) == "the" {
            j += 1;
        }
        let s = season(self.w(j))?;
        let mut k = j + 1;
        if self.w(k) == "of" {
            k += 1;
        }
        if let Some((k2, y)) = self.year_at(k) {
            return hit(i, k2, Some(format!("{y:04}-{s}")), "DATE");
        }
        if !det && !self.cap(j) {
            return None;
        }
        if self.w(i) == "in" && self.w(j) != "the" && self.w(i + 1) != "the" && !self.cap(j) {
            return None;
        }
        let first = if self.w(i) == "the" { i } else { j };
        if self.w(j) == "fall" && !det {
            return None;
        }
        let value = self.r.map(|r| {
            let y = r.year();
            format!("{y:04}-{s}")
        });
        hit(first, j + 1, value, "DATE")
    }

    /// The longest expression starting at piece `i`.
    pub fn parse(&self, i: usize) -> Option<Hit> {
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
                .or_else(|| self.season_expr(m));
            consider(core.map(|h| Hit { first: i, ..h }));
        }
        consider(self.numeric(i));
        consider(self.month_first(i));
        consider(self.day_first(i));
        consider(self.weekday_expr(i));
        consider(self.nth_weekday_expr(i));
        consider(self.deictic(i));
        consider(self.relative(i));
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
        consider(self.vague_ago(i));
        best
    }
}

/// The `n`th weekday `wd` (ISO) of a month: Thanksgiving is the fourth Thursday of November.
fn nth_weekday(y: i32, m: u32, wd: u32, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let cur = first.weekday().number_from_monday();
    let off = (wd + 7 - cur) % 7 + 7 * (n - 1);
    add_days(first, off as i64)
}

/// Part-of-day suffix code ("morning" → MO).
fn day_part(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// A unit strictly finer than another ("minutes" under "hours", "months" under "years").
fn finer(a: Unit, b: Unit) -> bool {
    let rank = |u: Unit| match (u.clock, u.letter) {
        (false, 'Y') => 0,
        (false, 'M') => 1,
        (false, 'W') => 2,
        (false, _) => 3,
        (true, 'H') => 4,
        (true, 'M') => 5,
        _ => 6,
    };
    rank(a) > rank(b)
}

/// A TimeML duration of several parts: "P1Y6M", "PT1H30M", "PT1.5H".
fn compose(parts: &[(f64, Unit)]) -> String {
    let num = |v: f64| {
        if v.fract() == 0.0 {
            format!("{}", v as i64)
        } else {
            let s = format!("{v:.3}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    let mut date = String::new();
    let mut time = String::new();
    for &(v, u) in parts {
        let part = format!("{}{}", num(v * u.factor as f64), u.letter);
        if u.clock {
            time.push_str(&part);
        } else {
            date.push_str(&part);
        }
    }
    if time.is_empty() {
        format!("P{date}")
    } else {
        format!("P{date}T{time}")
    }
}

/// TimeML duration value of a count of units.
fn duration_value(count: Count, u: Unit) -> String {
    let t = if u.clock { "T" } else { "" };
    match count {
        Count::Exact(n) => format!("P{t}{}{}", n * u.factor, u.letter),
        Count::Vague => {
            let letter = match u.factor {
                10 => "DE".to_string(),
                100 => "CE".to_string(),
                _ => u.letter.to_string(),
            };
            format!("P{t}X{letter}")
        }
    }
}
