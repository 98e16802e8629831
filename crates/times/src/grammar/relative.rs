//! Dates relative to the reference: weekdays, "yesterday", "last year", "three months ago",
//! "in 3 weeks", and the vague references (PRESENT_REF, PAST_REF, FUTURE_REF).

use super::*;

/// Hedges before the count of an `ago` expression ("nearly three years ago"): read by `ago`, and
/// openers of its rule in the grammar's guards.
pub(super) const AGO_HEDGES: [&str; 10] = [
    "nearly",
    "almost",
    "about",
    "some",
    "just",
    "only",
    "roughly",
    "around",
    "over",
    "approximately",
];

impl<'a> Grammar<'a> {
    /// Weekdays: "Wednesday", "last Friday", "Thursday (Nov 21)", "Saturday night".
    pub(super) fn weekday_expr(&self, i: usize) -> Option<Hit> {
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
            w @ ("last" | "next" | "this" | "coming" | "past" | "previous" | "following")
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
            return hit(i, j, v, TimexType::Date);
        }
        // "Friday the 15th": the nearest month where the 15th is a Friday.
        if self.w(j) == "the" {
            // "Friday the fifteen": a cardinal day word too.
            let cardinal = small_number(self.w(j + 1))
                .filter(|n| (1..=31).contains(n) && !matches!(self.w(j + 1), "a" | "an"))
                .map(|n| (j + 2, n));
            // "announced on Tuesday the first generation of …": a spelt ordinal or number
            // before a noun is the noun's, not a day of the month.
            let noun_after = |k: usize| {
                let w = self.w(k);
                !self.cap(k)
                    && w.len() > 2
                    && w.bytes().all(|b| b.is_ascii_lowercase())
                    && !matches!(
                        w,
                        "and" | "of" | "for" | "from" | "with" | "when" | "was" | "will" | "the"
                    )
            };
            let spelt = self
                .day_word_at(j + 1)
                .or(cardinal)
                .filter(|&(k, _)| !noun_after(k));
            if let Some((k, d)) = self.day_at(j + 1).or(spelt) {
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
                return hit(i, k, v, TimexType::Date);
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
                return hit(i, end, h.value, TimexType::Date);
            }
        }
        // "Sun", "Wed" alone are too often names and words.
        if abbrev {
            return None;
        }
        // "the previous Friday": the one before the last day the text named.
        let anchor = match self.last_date {
            Some((d, 'D'))
                if i > 0
                    && self.w(i - 1) == "the"
                    && matches!(rel, Some("previous" | "following")) =>
            {
                self.r.map(|_| d)
            }
            _ => self.r,
        };
        let date = anchor.and_then(|r| match rel {
            Some("following") => weekday_near(r, wd, Lean::Future, true),
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
            return hit(
                i,
                j + 1,
                date.map(|d| format!("{}T{part}", day(d))),
                TimexType::Time,
            );
        }
        hit(i, j, date.map(day), TimexType::Date)
    }

    /// "the first Friday of July", "the second Monday of next month", "third Tuesday".
    pub(super) fn nth_weekday_expr(&self, i: usize) -> Option<Hit> {
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
        hit(i, end, v, TimexType::Date)
    }

    /// "the second day of the strike", "a second consecutive day", "its fourth week in a row",
    /// "on his first day in office": a day or week counted in a run. TimeBank, AQUAINT and
    /// MEANTIME mark 6 of the 7 they hold (a month, "the third consecutive month", not); the
    /// value is the reference's day or week, as four of the five they date have it.
    pub(super) fn ordinal_unit(&self, i: usize) -> Option<Hit> {
        let n = ordinal(self.w(i))?;
        if !(1..=100).contains(&n) || i > 0 && matches!(self.w(i - 1), "every" | "each") {
            return None;
        }
        let mut k = i + 1;
        if matches!(
            self.w(k),
            "consecutive" | "straight" | "successive" | "trading" | "full"
        ) {
            k += 1;
        }
        let value = match self.w(k) {
            "day" => self.r.map(day),
            "week" => self.r.map(week),
            _ => return None,
        };
        // "the first day of May", "the second week of 2021": a day of a named period, which
        // no run reaches; "a second-day slide" is an adjective.
        let of_period = self.w(k + 1) == "of"
            && (self.month_at(k + 2).is_some()
                || self.year_at(k + 2).is_some()
                || matches!(self.w(k + 2), "this" | "last" | "next"));
        if of_period || self.w(k + 1) == "-" {
            return None;
        }
        hit(i, k + 1, value, TimexType::Date)
    }

    /// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night".
    pub(super) fn deictic(&self, i: usize) -> Option<Hit> {
        let r = self.r;
        let off = |n: i64| r.and_then(|r| add_days(r, n)).map(day);
        match self.w(i) {
            "today" if self.w(i + 1) != "'s" => hit(i, i + 1, off(0), TimexType::Date),
            "yesterday" => {
                if let Some(p) = day_part(self.w(i + 1)) {
                    return hit(
                        i,
                        i + 2,
                        off(-1).map(|d| format!("{d}T{p}")),
                        TimexType::Time,
                    );
                }
                hit(i, i + 1, off(-1), TimexType::Date)
            }
            "tomorrow" => {
                if let Some(p) = day_part(self.w(i + 1)) {
                    return hit(
                        i,
                        i + 2,
                        off(1).map(|d| format!("{d}T{p}")),
                        TimexType::Time,
                    );
                }
                hit(i, i + 1, off(1), TimexType::Date)
            }
            "tonight" => hit(i, i + 1, off(0).map(|d| format!("{d}TNI")), TimexType::Time),
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
                hit(i, end, d.map(|d| format!("{d}T{p}")), TimexType::Time)
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
                hit(
                    i,
                    j + 1,
                    off(0).map(|d| format!("{d}T{p}")),
                    TimexType::Time,
                )
            }
            "the" if self.w(i + 1) == "weekend" => hit(i, i + 2, self.weekend(i), TimexType::Date),
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
                hit(i, i + 4, off(n), TimexType::Date)
            }
            // "the next morning", "the following night": a part of the day after the day the
            // text last named (the reference's, when none was).
            "the"
                if matches!(self.w(i + 1), "next" | "following")
                    && day_part(self.w(i + 2)).is_some() =>
            {
                let p = day_part(self.w(i + 2))?;
                let base = match self.last_date {
                    Some((d, 'D')) if r.is_some() => Some(d),
                    _ => r,
                };
                let v = base
                    .and_then(|d| add_days(d, 1))
                    .map(|d| format!("{}T{p}", day(d)));
                hit(i, i + 3, v, TimexType::Time)
            }
            "the" | "next"
                if matches!(self.w(i + 1), "next" | "following" | "day")
                    && (self.w(i) == "the" && self.w(i + 2) == "day"
                        || self.w(i) == "next" && self.w(i + 1) == "day") =>
            {
                let end = if self.w(i) == "the" { i + 3 } else { i + 2 };
                hit(i, end, off(1), TimexType::Date)
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
                hit(i, i + 2, off(0), TimexType::Date)
            }
            "last" if self.w(i + 1) == "night" => hit(
                i,
                i + 2,
                off(-1).map(|d| format!("{d}TNI")),
                TimexType::Time,
            ),
            _ => None,
        }
    }

    /// "later that year", "earlier that day", "that year": the year (month, week, day) of the
    /// last date the text named, when that date is at least as fine as the unit. Bare "that"
    /// only with "year" ("that day" alone is as often a day no date fixed).
    pub(super) fn that_unit(&self, i: usize) -> Option<Hit> {
        let j = if matches!(self.w(i), "earlier" | "later") {
            i + 1
        } else {
            i
        };
        // "the same day" is "that same day": the day the text last named.
        let same = self.w(j) == "the" && self.w(j + 1) == "same";
        if self.w(j) != "that" && !same {
            return None;
        }
        let k = if self.w(j + 1) == "same" {
            j + 2
        } else {
            j + 1
        };
        let u = self.w(k);
        // "the same month a year ago", "the same day last year" compare with a year back:
        // not the unit last named.
        if same && (u != "day" || matches!(self.w(k + 1), "a" | "last" | "of" | "one" | "in")) {
            return None;
        }
        // "during that time", "by that time": the time the text last named, at its own
        // granularity; after a preposition only ("that time" is also a clause's subject).
        if j == i && k == j + 1 && u == "time" {
            let prep = i > 0
                && matches!(
                    self.w(i - 1),
                    "during" | "by" | "at" | "until" | "till" | "since" | "before" | "after"
                );
            if !prep || matches!(self.w(k + 1), "of" | "-" | "'s") {
                return None;
            }
            self.r?;
            let (d, g) = self.last_date?;
            let v = match g {
                'Y' => format!("{:04}", d.year()),
                'M' => format!("{:04}-{:02}", d.year(), d.month()),
                _ => day(d),
            };
            return hit(i, k + 1, Some(v), TimexType::Date);
        }
        if j == i && k == j + 1 && u != "year" {
            return None;
        }
        // "that year's" still names the year; "that year-end" does not.
        if self.w(k + 1) == "-" {
            return None;
        }
        self.r?;
        let (d, g) = self.last_date?;
        let v = match (u, g) {
            ("year", _) => format!("{:04}", d.year()),
            ("month", 'M' | 'D') => format!("{:04}-{:02}", d.year(), d.month()),
            ("week", 'D') => week(d),
            ("day", 'D') => day(d),
            // "that same day" after "in October": a day of that month.
            ("day", 'M') if k == j + 2 => format!("{:04}-{:02}-XX", d.year(), d.month()),
            _ => return None,
        };
        hit(i, k + 1, Some(v), TimexType::Date)
    }

    /// "the end of the month", "the start of the day", "the beginning of the week": after a
    /// part-of modifier ending in "of" (the unit's "the" at `m`), "the" and
    /// a calendar unit is the unit holding the reference, as TimeML values "the end of the
    /// month" (the month, with a mod of END). "At the end of the day," opening a clause is the
    /// idiom for "in the end", no day.
    pub(super) fn unit_of_reference(&self, m: usize) -> Option<Hit> {
        if m < 1 || self.w(m - 1) != "of" || self.w(m) != "the" {
            return None;
        }
        let u = self.w(m + 1);
        if matches!(
            self.w(m + 2),
            "of" | "'s" | "-" | "before" | "after" | "when" | "that" | "in" | "ended" | "ending"
        ) {
            return None;
        }
        // The modifier's own "end", however it was entered ("the end of", "end of").
        let e = m.saturating_sub(2);
        let idiom = u == "day"
            && self.w(e) == "end"
            && e >= 2
            && self.w(e - 1) == "the"
            && self.w(e - 2) == "at"
            && (self.sentence_start(e - 2) || (e > 2 && self.w(e - 3) == ","));
        if idiom {
            return None;
        }
        let r = self.r;
        let v = match u {
            "day" => r.map(day),
            "week" => r.map(week),
            "month" => r.map(|r| month_value(r.year(), r.month())),
            "year" => r.map(|r| format!("{:04}", r.year())),
            _ => return None,
        };
        hit(m, m + 2, v, TimexType::Date)
    }

    /// "the week of March 6": the ISO week holding the day.
    pub(super) fn week_of(&self, i: usize) -> Option<Hit> {
        if self.w(i) != "the" || self.w(i + 1) != "week" || self.w(i + 2) != "of" {
            return None;
        }
        let h = self.month_first(i + 3)?;
        let d = NaiveDate::parse_from_str(h.value.as_deref()?, "%Y-%m-%d").ok()?;
        hit(i, h.end, Some(week(d)), TimexType::Date)
    }

    /// "last year", "this month", "next week", "earlier this year", "the past week" (a
    /// duration), "this summer", "last April".
    pub(super) fn relative(&self, i: usize) -> Option<Hit> {
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
                TimexType::Duration,
            );
        }
        if the && word == "latest" && w != "quarter" {
            return None;
        }
        let mut r = self.r;
        // "the following month", "the previous year": from the last date the text named (the
        // month after "In March"), when it is at least as fine as the unit.
        if the && matches!(word.as_str(), "following" | "previous") {
            if let Some((d, g)) = self.last_date {
                let fine = match w {
                    "year" => true,
                    "month" => g != 'Y',
                    _ => false,
                };
                if fine && self.r.is_some() {
                    r = Some(d);
                }
            }
        }
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
                        return hit(i, k, v, TimexType::Date);
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
        hit(i, j + 1, value, TimexType::Date)
    }

    /// "the weekend", "over the weekend": the one just past, unless the sentence looks ahead.
    pub(super) fn weekend(&self, i: usize) -> Option<String> {
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
    pub(super) fn ago(&self, i: usize) -> Option<Hit> {
        if self.w(i) == "year" && self.w(i + 1) == "-" && matches!(self.w(i + 2), "earlier" | "ago")
        {
            return hit(i, i + 3, self.year_ago(), TimexType::Date);
        }
        let mut c = i;
        while c - i < MAX_MODIFIERS
            && (AGO_HEDGES.contains(&self.w(c))
                || (matches!(self.w(c), "more" | "less") && self.w(c + 1) == "than"))
        {
            c += if self.w(c + 1) == "than" { 2 } else { 1 };
        }
        let (mut j, count) = self.count(c)?;
        let u = unit(self.w(j))?;
        // "a week or so ago": the hedge inside the extent.
        if self.w(j + 1) == "or" && self.w(j + 2) == "so" {
            j += 2;
        }
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
                    // "a week ago" names the day seven days back (TimeBank, MEANTIME); "six
                    // weeks ago" the week.
                    ('W', _) if n.abs() == 1 => shifted(r, 'D', 7 * n),
                    (l, _) => shifted(r, l, n),
                }
            }),
        };
        hit(i, end, value, TimexType::Date)
    }

    /// "will leave in 3 weeks": a point ahead of the reference (TimeBank's "redeemed in five
    /// years" is a DATE). Only with a future cue; "the first time in years" stays a duration.
    pub(super) fn in_future(&self, i: usize) -> Option<Hit> {
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
        hit(i + 1, j + 1, v, TimexType::Date)
    }

    /// Vague references: "now", "currently", "recently", "the past", "soon", "the future",
    /// "in the coming days".
    pub(super) fn vague(&self, i: usize) -> Option<Hit> {
        let v = |n: usize, s: &str| hit(i, i + n, Some(s.to_string()), TimexType::Date);
        match self.w(i) {
            "now" | "currently" | "presently" | "nowadays" => v(1, "PRESENT_REF"),
            "current" if !matches!(self.w(i + 1), "account" | "affairs" | "events" | "of") => {
                v(1, "PRESENT_REF")
            }
            "at" if self.w(i + 1) == "present" => v(2, "PRESENT_REF"),
            "the" if self.w(i + 1) == "time" && self.w(i + 2) == "being" => v(3, "PRESENT_REF"),
            "these" if self.w(i + 1) == "days" => v(2, "PRESENT_REF"),
            // "formerly" (like "former") marks a role held before, not a time: none of the three
            // corpora annotates it.
            "recently" | "lately" => v(1, "PAST_REF"),
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
            // "at a later date", "at a future time": a time ahead no date fixes.
            "a" if matches!(self.w(i + 1), "later" | "future")
                && matches!(self.w(i + 2), "date" | "time")
                && self.w(i + 3) != "of" =>
            {
                v(3, "FUTURE_REF")
            }
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

    /// "months ago": an unquantified distance back.
    pub(super) fn vague_ago(&self, i: usize) -> Option<Hit> {
        if !is_plural_unit(self.w(i)) || self.w(i + 1) != "ago" {
            return None;
        }
        hit(i, i + 2, Some("PAST_REF".into()), TimexType::Date)
    }
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
