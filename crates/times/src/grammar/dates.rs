//! Calendar dates stated in the text: "28 October", "Oct. 28, 2024", "10/28/2024",
//! "2024-10-28", spoken years, years, decades, centuries, seasons and holidays.

use super::*;

impl<'a> Grammar<'a> {
    /// A four-digit year at `i` (1000–2099), or an apostrophe year ("'98").
    pub(super) fn year_at(&self, i: usize) -> Option<(usize, i32)> {
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
    pub(super) fn spoken_year(&self, i: usize) -> Option<(usize, i32)> {
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
    pub(super) fn day_at(&self, i: usize) -> Option<(usize, u32)> {
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
    pub(super) fn day_word_at(&self, i: usize) -> Option<(usize, u32)> {
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
    pub(super) fn month_at(&self, i: usize) -> Option<(usize, u32)> {
        let m = month(self.w(i))?;
        let w = self.w(i);
        // Three-letter forms only when capitalised ("Oct"), never "mar"/"dec" as words.
        if month_is_abbreviation(w)
            && !self.cap(i)
            && self.day_at(i + 1).is_none()
            && self.day_word_at(i + 1).is_none()
        {
            return None;
        }
        Some((i + 1, m))
    }

    pub(super) fn yearless(&self, i: usize, m: u32, d: Option<u32>) -> Option<String> {
        let y = match self.r {
            Some(r) => {
                // A month alone lies months off: its clause's verb may stand further back
                // ("changed from a fiscal year to a calendar year in December").
                let lean = if d.is_none() {
                    self.lean_within(i, 14)
                } else {
                    self.lean(i)
                };
                let y = year_for(r, m, d, lean);
                // 29 February: the nearest leap year in the lean's direction.
                let valid =
                    |yy: i32| d.is_none_or(|dd| NaiveDate::from_ymd_opt(yy, m, dd).is_some());
                if valid(y) {
                    Some(y)
                } else {
                    let back = (1..=4).map(|k| y - k).find(|&yy| valid(yy));
                    let fwd = (1..=4).map(|k| y + k).find(|&yy| valid(yy));
                    match lean {
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
    pub(super) fn month_first(&self, i: usize) -> Option<Hit> {
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
            return hit(i, j + 2, v, TimexType::Date);
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
        hit(i, j, value, TimexType::Date)
    }

    pub(super) fn month_alone_ok(&self, i: usize) -> bool {
        let w = self.w(i);
        if !self.cap(i) {
            return false;
        }
        // A bare abbreviation needs its dot: "Jan Kavan" is a name, "Jan." a month.
        let t = &self.t[i];
        let dotted = t.end - t.start > w.len();
        if month_is_abbreviation(w) && !dotted {
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
    pub(super) fn day_first(&self, i: usize) -> Option<Hit> {
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
                return hit(i, j + 2, v, TimexType::Date);
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
        hit(i, j, value, TimexType::Date)
    }

    /// "10/28/2024", "28/10/2024", "2024-10-28", "2024/10/28".
    pub(super) fn numeric(&self, i: usize) -> Option<Hit> {
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
                    return hit(i, i + 5, Some(day(date)), TimexType::Date);
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
                return hit(i, i + 5, Some(day(date)), TimexType::Date);
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
        hit(i, i + 5, Some(day(date)), TimexType::Date)
    }

    /// "on April 24 and 25": the second day of the month the date just before names (AQUAINT
    /// marks it as a date of its own, as the three corpora split "1985 and 1987").
    pub(super) fn conjoined_day(&self, i: usize) -> Option<Hit> {
        let (d, len) = self.num(i)?;
        if len > 2 || !(1..=31).contains(&d) || i < 3 {
            return None;
        }
        if !matches!(self.w(i - 1), "and" | "or" | "to" | "through") {
            return None;
        }
        let next = self.w(i + 1);
        if unit(next).is_some()
            || self.num(i + 1).is_some()
            || matches!(
                next,
                "%" | "percent" | "-" | "/" | ":" | "," | "million" | "billion"
            )
        {
            return None;
        }
        let first = (i.saturating_sub(6)..i - 1)
            .find_map(|k| self.month_first(k).filter(|h| h.end == i - 1))?;
        let v = first.value?;
        let (ym, first_day) = (v.get(..7)?, v.get(8..)?);
        if v.len() != 10 || first_day.parse::<u32>().ok()? >= d {
            return None;
        }
        if let (Ok(y), Ok(m)) = (ym[..4].parse::<i32>(), ym[5..].parse::<u32>()) {
            NaiveDate::from_ymd_opt(y, m, d)?;
        }
        hit(i, i + 1, Some(format!("{ym}-{d:02}")), TimexType::Date)
    }

    /// Years, decades and centuries: "1998", "fiscal 1998", "the 1990s", "the '90s", "the 20th
    /// century", "this year's".
    pub(super) fn year_expr(&self, i: usize) -> Option<Hit> {
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
            // "in 1994, 1995 and 1997": a year listed after a plain year is one too; after
            // another number ("1,500, 2000") it is a figure.
            let listed_year = i > 2
                && self.w(i - 2).len() == 4
                && self.year_at(i - 2).is_some_and(|(e, _)| e == i - 1)
                && !matches!(self.w(i - 3), "$" | "€" | "£" | "#" | "no" | "number");
            if self.num(k).is_some()
                || (matches!(prev, ",") && i > 1 && self.num(i - 2).is_some() && !listed_year)
            {
                return None;
            }
            // "1500 troops" counts; "in 1998 troops ..." is a year. Without a preposition or
            // modifier before it, a number followed by a plural or count noun is a figure.
            let anchored = j > i
                || matches!(
                    prev,
                    "in" | "since"
                        | "of"
                        | "by"
                        | "until"
                        | "till"
                        | "from"
                        | "during"
                        | "to"
                        | "before"
                        | "after"
                        | "the"
                        | "early"
                        | "mid"
                        | "late"
                        | "-"
                        | "between"
                        | "through"
                        | "year"
                        | "summer"
                        | "winter"
                        | "spring"
                        | "fall"
                        | "autumn"
                        | "end"
                        | "beginning"
                        | "start"
                        | "'"
                );
            let t = self.t.get(k);
            let lower_word = t.is_some_and(|t| {
                !t.cap && t.w.len() > 2 && t.w.bytes().all(|b| b.is_ascii_lowercase())
            });
            let counted = lower_word
                && ((next.ends_with('s')
                    && !matches!(next, "was" | "is" | "has" | "as" | "its" | "this" | "thus"))
                    || matches!(
                        next,
                        "people"
                            | "men"
                            | "women"
                            | "children"
                            | "dead"
                            | "killed"
                            | "troops"
                            | "soldiers"
                            | "times"
                            | "more"
                            | "other"
                            | "new"
                            | "additional"
                    ));
            if counted && !anchored {
                return None;
            }
            return hit(i, k, Some(format!("{y:04}")), TimexType::Date);
        }
        // Decades: "1990s", "'90s", "1990's".
        let w = self.w(j);
        if let Some(d) = w.strip_suffix('s') {
            let d = d.trim_end_matches('\'');
            if d.len() == 4 && d.ends_with('0') {
                if let Ok(y) = d.parse::<u32>() {
                    if (1000..2100).contains(&y) {
                        return hit(i, j + 1, Some(format!("{:03}", y / 10)), TimexType::Date);
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
                    return hit(
                        j,
                        j + 1,
                        Some(format!("{:03}", c + y / 10)),
                        TimexType::Date,
                    );
                }
            }
            if d.len() == 2 && d.ends_with('0') && i > 0 && matches!(self.w(j - 1), "'" | "’") {
                if let Ok(y) = d.parse::<u32>() {
                    let c = if y < 30 { 200 } else { 190 };
                    return hit(
                        j - 1,
                        j + 1,
                        Some(format!("{:03}", c + y / 10)),
                        TimexType::Date,
                    );
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
                return hit(i, j + 1, Some(format!("19{}", p + 2)), TimexType::Date);
            }
        }
        // Centuries: "the 20th century".
        if let Some(n) = ordinal(w) {
            if self.w(j + 1) == "century" && (1..=22).contains(&n) {
                return hit(i, j + 2, Some(format!("{:02}", n - 1)), TimexType::Date);
            }
        }
        None
    }

    /// Holidays with a fixed or computable date: "Christmas", "Thanksgiving Day", "New Year's
    /// Day", "Election Day".
    pub(super) fn holiday(&self, i: usize) -> Option<Hit> {
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
            return hit(first, k, rule(y).map(day), TimexType::Date);
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
        hit(first, end, v, TimexType::Date)
    }

    /// Seasons with a year or determiner: "summer 2024", "the summer of 1998", "this fall".
    pub(super) fn season_expr(&self, i: usize) -> Option<Hit> {
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
            return hit(i, k2, Some(format!("{y:04}-{s}")), TimexType::Date);
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
        hit(first, j + 1, value, TimexType::Date)
    }
}

/// The `n`th weekday `wd` (ISO) of a month: Thanksgiving is the fourth Thursday of November.
pub(super) fn nth_weekday(y: i32, m: u32, wd: u32, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let cur = first.weekday().number_from_monday();
    let off = (wd + 7 - cur) % 7 + 7 * (n - 1);
    add_days(first, off as i64)
}
