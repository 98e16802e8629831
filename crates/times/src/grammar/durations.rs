//! Durations ("three years", "48 hours", "an hour and a half", "1 hour and 30 minutes") and
//! sets ("every day", "daily").

use super::*;

/// Words that frame a duration ("the past three years", "the next two weeks"): read by
/// `duration`, and openers of its rule in the grammar's guards.
pub(super) const FRAMES: [&str; 11] = [
    "past",
    "last",
    "next",
    "first",
    "coming",
    "previous",
    "final",
    "latest",
    "following",
    "recent",
    "initial",
];

impl<'a> Grammar<'a> {
    /// Durations: "three years", "48 hours", "a month", "five-year", "the past two months",
    /// "the first nine months", "several weeks", "nearly an hour".
    pub(super) fn duration(&self, i: usize) -> Option<Hit> {
        // "will one day be": a vague future (see `vague`), not a day's length.
        if matches!(self.w(i), "one" | "some")
            && self.w(i + 1) == "day"
            && i > 0
            && matches!(
                self.w(i - 1),
                "will" | "would" | "could" | "might" | "may" | "can" | "'ll"
            )
        {
            return None;
        }
        let mut j = i;
        // Approximation and bound words stay in the extent, as in TimeBank.
        while j - i < MAX_MODIFIERS {
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
        let mut det_end = None;
        if matches!(self.w(j), "the" | "its" | "their") {
            the = true;
            j += 1;
            det_end = Some(j);
        }
        // "the first two quarters of 1990", "the last six months of 1989": a half of that
        // year, read by `quarter`.
        if matches!(self.w(j), "first" | "last" | "final") || self.w(j + 1) == "first" {
            let of_year = self
                .quarter(j)
                .and_then(|h| h.value)
                .is_some_and(|v| v.ends_with("-H1") || v.ends_with("-H2"));
            if of_year {
                return None;
            }
        }
        let past_frame = the && matches!(self.w(j), "past" | "last");
        let mut framed = false;
        if FRAMES.contains(&self.w(j)) {
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
                return hit(i, k + 1, Some(format!("P{n}WE")), TimexType::Duration);
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
        let mut adjectival = false;
        if self.w(k) == "-" && self.tight(k) && self.tight(k + 1) {
            k += 1;
            adjectival = true;
        }
        let uw = self.w(k);
        let u = unit(uw)?;
        // Ages ("a 6-year-old boy", "52 years old", "55 years of age") are not time
        // expressions: no age is annotated in TimeBank, AQUAINT or MEANTIME (0 of 38).
        if (self.w(k + 1) == "-" && self.w(k + 2) == "old")
            || (!adjectival && self.w(k + 1) == "old")
            || (!adjectival && self.w(k + 1) == "of" && self.w(k + 2) == "age")
        {
            return None;
        }
        // "a quarter of the market", "three-quarters of its food", "789, or about a quarter,
        // of its dealers" are shares, not three months (TimeBank and MEANTIME annotate none);
        // "a quarter of a century" and "a quarter of 1990" stay times.
        if uw.starts_with("quarter")
            && matches!(count, Count::Exact(1) | Count::Exact(3))
            && amount.is_none()
            && !framed
            && !the
        {
            let of_time = matches!(self.w(k + 2), "a" | "an") && unit(self.w(k + 3)).is_some()
                || self.year_at(k + 2).is_some()
                || matches!(self.w(k + 2), "this" | "last" | "next" | "the")
                    && matches!(self.w(k + 3), "year" | "fiscal" | "current");
            let share_of = self.w(k + 1) == "of" && !of_time;
            // Looking back over an approximation word: "or about a quarter,".
            let before = |n: usize| if i >= n { self.w(i - n) } else { "" };
            let aside = self.w(k + 1) == ","
                && (before(1) == "or"
                    || before(2) == "or"
                        && matches!(before(1), "about" | "nearly" | "almost" | "roughly"));
            if share_of || aside {
                return None;
            }
        }
        // "its one-year term", "the eight-year war": the adjective is the expression, as the
        // corpora mark it; the determiner belongs to the noun ("its 41-year history").
        let i = match det_end {
            Some(d) if adjectival && !framed && d == i + 1 => d,
            _ => i,
        };
        if matches!(w0, "a" | "an") && uw == "second" {
            return None; // "a second time": the ordinal
        }
        if matches!(w0, "a" | "an") {
            // "a year" after a number or price is a rate: "$5 a year", "twice a day".
            if i > 0 && self.is_rate_lead(i - 1) {
                if matches!(self.w(i - 1), "once" | "twice" | "thrice" | "times") {
                    return hit(
                        i,
                        k + 1,
                        Some(duration_value(Count::Exact(1), u)),
                        TimexType::Set,
                    );
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
            // "fallen in the last few months", "over the past several quarters": a time in the
            // recent past (`vague`), not a length; "for the past few weeks" stays a span.
            if past_frame && i > 0 && matches!(self.w(i - 1), "in" | "over" | "during") {
                return None;
            }
            return hit(
                i,
                k + 1,
                Some(duration_value(count, u)),
                TimexType::Duration,
            );
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
        hit(i, end, Some(compose(&parts)), TimexType::Duration)
    }

    /// A fractional count at `i`: "half a"/"half an", "½", "3.5".
    pub(super) fn fraction_count(&self, i: usize) -> Option<(usize, f64)> {
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
    pub(super) fn and_fraction(&self, i: usize) -> Option<(usize, f64)> {
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
    pub(super) fn all_unit(&self, i: usize) -> Option<Hit> {
        if self.w(i) != "all" || !matches!(self.w(i + 1), "day" | "week" | "month" | "year") {
            return None;
        }
        let u = unit(self.w(i + 1))?;
        hit(
            i,
            i + 2,
            Some(duration_value(Count::Exact(1), u)),
            TimexType::Duration,
        )
    }

    pub(super) fn is_rate_lead(&self, k: usize) -> bool {
        let w = self.w(k);
        self.num(k).is_some()
            || matches!(
                w,
                "once" | "twice" | "thrice" | "times" | "%" | "percent" | "million" | "billion"
            )
            || w.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Sets: "every day", "each year", "daily", "every Monday", "per week".
    pub(super) fn set(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let fixed = match w {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = fixed {
            // The adverb ("casualties daily"), not the adjective ("daily flights"), except in
            // "on a daily basis" and for "weekly" and "monthly", whose adjective is a set too
            // in AQUAINT and MEANTIME ("his weekly radio address"; TimeBank has none), while
            // TimeBank leaves most adjective "daily" out.
            let next = self.w(i + 1);
            let adverb = next.is_empty()
                || matches!(w, "weekly" | "monthly")
                || next == "basis"
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
            return hit(i, i + 1, Some(v.into()), TimexType::Set);
        }
        if !matches!(w, "every" | "each" | "per") {
            return None;
        }
        let mut j = i + 1;
        if matches!(self.w(j), "other" | "single") {
            j += 1;
        }
        if let Some(wd) = weekday_full(self.w(j)) {
            return hit(i, j + 1, Some(format!("XXXX-WXX-{wd}")), TimexType::Set);
        }
        let (k, n) = match self.count(j) {
            Some((k, Count::Exact(n))) if w != "per" && unit(self.w(k)).is_some() => (k, n),
            _ => (j, 1),
        };
        let u = unit(self.w(k))?;
        hit(
            i,
            k + 1,
            Some(duration_value(Count::Exact(n), u)),
            TimexType::Set,
        )
    }

    /// "a decades-long dispute", "a day-long meeting", "the worst single-day fall", "a
    /// several-year tenure": a length made an adjective without a number. TimeBank, AQUAINT and
    /// MEANTIME mark 5 of the 6 they hold, as they mark "five-year".
    pub(super) fn length_adjective(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let glued = |k: usize| self.w(k) == "-" && self.tight(k) && self.tight(k + 1);
        let vague_or_one = |uw: &str| {
            if is_plural_unit(uw) {
                Count::Vague
            } else {
                Count::Exact(1)
            }
        };
        if let Some(u) = unit(w) {
            if !glued(i + 1) || self.w(i + 2) != "long" {
                return None;
            }
            return hit(
                i,
                i + 3,
                Some(duration_value(vague_or_one(w), u)),
                TimexType::Duration,
            );
        }
        if !matches!(w, "single" | "several" | "multi") || !glued(i + 1) {
            return None;
        }
        let uw = self.w(i + 2);
        let u = unit(uw)?;
        // "a multi-year-old dispute" is no adjective of length; ages are no times at all.
        if is_plural_unit(uw) || self.w(i + 3) == "-" {
            return None;
        }
        let count = if w == "single" {
            Count::Exact(1)
        } else {
            Count::Vague
        };
        hit(
            i,
            i + 3,
            Some(duration_value(count, u)),
            TimexType::Duration,
        )
    }

    /// "between 60 and 90 days", "between two to six days": the first number of a range with
    /// one unit is a length of its own in the second's unit, as TimeBank and MEANTIME mark it;
    /// the second reads as usual. Without "between" ("two to three weeks") the corpora mark the
    /// range as one expression, which the second's extent already matches.
    pub(super) fn range_first(&self, i: usize) -> Option<Hit> {
        if i == 0 || self.w(i - 1) != "between" || self.num(i).is_none() && self.cap(i) {
            return None;
        }
        let (k, Count::Exact(n)) = self.count(i)? else {
            return None;
        };
        if k != i + 1 || !matches!(self.w(k), "and" | "to") {
            return None;
        }
        let (k2, Count::Exact(_)) = self.count(k + 1)? else {
            return None;
        };
        let uw = self.w(k2);
        let u = unit(uw)?;
        // "between 10 and 15 years old": ages are no times.
        if matches!(self.w(k2 + 1), "old" | "-")
            || self.w(k2 + 1) == "of" && self.w(k2 + 2) == "age"
        {
            return None;
        }
        hit(
            i,
            k,
            Some(duration_value(Count::Exact(n), u)),
            TimexType::Duration,
        )
    }

    /// "for weeks", "within days": a bare plural unit after a preposition.
    pub(super) fn bare_plural(&self, i: usize) -> Option<Hit> {
        // "over the years"
        if self.w(i) == "the" && i > 0 && self.w(i - 1) == "over" {
            let w = self.w(i + 1);
            if matches!(w, "years" | "decades" | "months" | "centuries") {
                let u = unit(w)?;
                return hit(
                    i,
                    i + 2,
                    Some(duration_value(Count::Vague, u)),
                    TimexType::Duration,
                );
            }
        }
        let w = self.w(i);
        let prep = if i > 0 { self.w(i - 1) } else { "" };
        // "the first time in years", "the highest level in years", "in minutes": all three
        // corpora mark the bare plural after "in" (4 of 4).
        if !is_plural_unit(w) || !matches!(prep, "for" | "within" | "in") || self.cap(i) {
            return None;
        }
        if matches!(self.w(i + 1), "of" | "-" | "'") {
            return None;
        }
        let u = unit(w)?;
        hit(
            i,
            i + 1,
            Some(duration_value(Count::Vague, u)),
            TimexType::Duration,
        )
    }
}

/// A unit strictly finer than another ("minutes" under "hours", "months" under "years").
pub(super) fn finer(a: Unit, b: Unit) -> bool {
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
pub(super) fn compose(parts: &[(f64, Unit)]) -> String {
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
pub(super) fn duration_value(count: Count, u: Unit) -> String {
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
