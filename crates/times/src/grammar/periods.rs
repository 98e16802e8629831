//! Reporting periods of company and economic news: quarters, halves, "the year-ago quarter",
//! "the latest period", "year-end", "the fiscal year".

use super::*;

impl<'a> Grammar<'a> {
    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2024", "the first half of
    /// 2024", "this year's third quarter", "fiscal second-quarter".
    pub(super) fn quarter(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let mut year: Option<i32> = None;
        let mut rel: i32 = 0;
        // "this year's", "of this year": the year is said, whatever the tense.
        let mut year_said = false;
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
            year_said = true;
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
        } else if let Some(of) = self.six_months_of_year(j) {
            // "the first two quarters of 1990", "the last 6 months of 1989": a half year.
            (if w == "first" { 1 } else { 2 }, true, of)
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
        // "the last half of the '80s": a part of a decade is that decade.
        if self.w(k) == "of" {
            let m = if self.w(k + 1) == "the" { k + 2 } else { k + 1 };
            // "'80s" may be two pieces, the apostrophe and "80s".
            let m = if matches!(self.w(m), "'" | "’") {
                m + 1
            } else {
                m
            };
            let decade = self.year_expr(m).filter(|h| {
                h.value
                    .as_deref()
                    .is_some_and(|v| v.len() == 3 && v.bytes().all(|b| b.is_ascii_digit()))
            });
            if let Some(h) = decade {
                return hit(i, h.end, h.value, TimexType::Date);
            }
        }
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
                year_said = true;
                k = m + 2;
            } else if self.w(m) == "," {
                if let Some((m2, y)) = self.year_at(m + 1) {
                    year = Some(y);
                    k = m2;
                }
            }
        }
        let y = year.or_else(|| {
            self.r.map(|r| {
                // A quarter not yet begun, told in the past ("late payments rose in the fourth
                // quarter" in March; "announced a drop in profits for the fourth quarter" in
                // January): last year's, the one just reported.
                // Fiscal quarters run ahead of the calendar's, so only calendar ones.
                let start = if half { 2 * n - 1 } else { n };
                let fiscal = (i..k).any(|m| self.w(m) == "fiscal");
                if !year_said
                    && !fiscal
                    && start > crate::calendar::quarter_of(r)
                    && self.told_in_past(i, k)
                {
                    r.year() - 1
                } else {
                    r.year() + rel
                }
            })
        });
        let value = y.map(|y| {
            if half {
                format!("{y:04}-H{n}")
            } else {
                format!("{y:04}-Q{n}")
            }
        });
        hit(i, k, value, TimexType::Date)
    }

    /// The clause around pieces `i..k` is told in the past: its verb before leans back and nothing
    /// after the expression up to the clause's end speaks for the future ("said fourth-quarter
    /// profit would fall" is a forecast).
    fn told_in_past(&self, i: usize, k: usize) -> bool {
        // The nearest verb before it in its clause: a past form, not a verb of saying (whose
        // report may be a forecast). An irregular past counts here too ("rose", "fell").
        let before = (i.saturating_sub(10)..i)
            .rev()
            .take_while(|&m| !self.t[m].is_boundary())
            .find_map(|m| {
                let w = self.w(m);
                if matches!(w, "said" | "told" | "thought" | "knew") {
                    return Some(false);
                }
                if IRREGULAR_PAST.contains(&w) {
                    return Some(true);
                }
                self.cue(m).map(|l| l == Lean::Past)
            });
        if before != Some(true) {
            return false;
        }
        !(k..(k + 12).min(self.t.len()))
            .take_while(|&m| !self.t[m].is_boundary() && self.w(m) != ",")
            .any(|m| {
                matches!(
                    self.w(m),
                    "will"
                        | "'ll"
                        | "would"
                        | "could"
                        | "may"
                        | "might"
                        | "should"
                        | "expected"
                        | "expects"
                        | "forecast"
                        | "projected"
                        | "estimated"
                )
            })
    }

    /// The last quarter the text named, a year earlier.
    fn named_quarter_year_back(&self) -> Option<String> {
        self.last_quarter.map(|(y, q)| format!("{:04}-Q{q}", y - 1))
    }

    /// "first two quarters of 1990", "last 6 months of 1989" from the "first"/"last" at `j`:
    /// a count of months or quarters making six months, then "of" and a year. Returns the
    /// position of "of".
    fn six_months_of_year(&self, j: usize) -> Option<usize> {
        if !matches!(self.w(j), "first" | "last" | "final") {
            return None;
        }
        let (u, Count::Exact(n)) = self.count(j + 1)? else {
            return None;
        };
        let six = unit(self.w(u)).is_some_and(|x| !x.clock && x.letter == 'M' && n * x.factor == 6);
        (six && self.w(u + 1) == "of" && self.year_at(u + 2).is_some()).then_some(u + 1)
    }

    /// The year before, at quarter granularity in an earnings report.
    pub(super) fn year_ago(&self) -> Option<String> {
        self.named_quarter_year_back()
            .or_else(|| self.r.and_then(|r| shifted(r, 'Y', -1)))
    }

    /// The reported quarter a year back: the last quarter the text named, else the quarter
    /// before the reference's (the one a report published now is about), a year earlier.
    fn quarter_year_back(&self) -> Option<String> {
        self.named_quarter_year_back()
            .or_else(|| self.r.and_then(|r| shifted(r, 'Q', -5)))
    }

    /// The end of "a year ago", "a year earlier" or "last year" starting at piece `k`.
    fn year_back_after(&self, k: usize) -> Option<usize> {
        if self.w(k) == "a" && self.w(k + 1) == "year" && matches!(self.w(k + 2), "ago" | "earlier")
        {
            return Some(k + 3);
        }
        (self.w(k) == "last" && self.w(k + 1) == "year").then_some(k + 2)
    }

    /// Earnings-report periods: "the quarter", "the latest period", "the year-ago quarter",
    /// "the 1988 period", "year-end", "the fiscal year", "the full year".
    pub(super) fn financial(&self, i: usize) -> Option<Hit> {
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
                return hit(i, k + 2, v, TimexType::Date);
            }
            if matches!(self.w(k), "quarter" | "period") {
                k += 1;
            }
            return hit(i, k, self.year_ago(), TimexType::Date);
        }
        // "the 1988 period", "the 1988 quarter", "the 1988 third quarter"
        if det {
            if let Some((k, y)) = self.year_at(j) {
                if let Some(q) = ordinal(self.w(k)).filter(|q| (1..=4).contains(q)) {
                    if self.w(k + 1) == "quarter" {
                        return hit(i, k + 2, Some(format!("{y:04}-Q{q}")), TimexType::Date);
                    }
                }
                if matches!(self.w(k), "quarter" | "period") {
                    let v = match self.last_quarter {
                        Some((_, q)) => format!("{y:04}-Q{q}"),
                        None => format!("{y:04}"),
                    };
                    return hit(i, k + 1, Some(v), TimexType::Date);
                }
            }
        }
        if det && matches!(self.w(j), "latest" | "current" | "recent") {
            j += 1;
        }
        // "last year's quarter", "last year's period": the reported quarter a year back.
        if !det
            && self.w(j) == "last"
            && self.w(j + 1) == "year"
            && matches!(self.w(j + 2), "'s" | "’s")
            && matches!(self.w(j + 3), "quarter" | "period")
        {
            return hit(i, j + 4, self.quarter_year_back(), TimexType::Date);
        }
        if det && matches!(self.w(j), "quarter" | "period") && !matches!(self.w(j + 1), "of" | "-")
        {
            // "the quarter a year ago", "the corresponding period last year": the reported
            // quarter, a year back.
            let back = self.year_back_after(j + 1);
            if let Some(end) = back {
                return hit(i, end, self.quarter_year_back(), TimexType::Date);
            }
            if self.w(j) == "period" && !matches!(self.w(j - 1), "latest" | "recent") {
                return None;
            }
            // "the quarter ended July 31": a fiscal quarter, May to July, is the calendar
            // quarter holding most of it, the one of its middle month.
            if self.w(j) == "quarter" && matches!(self.w(j + 1), "ended" | "ending") {
                let end = self.month_first(j + 2).and_then(|h| h.value);
                let ym = end.as_deref().and_then(|v| {
                    let y: i32 = v.get(..4)?.parse().ok()?;
                    let m: u32 = v.get(5..7)?.parse().ok()?;
                    Some((y, m))
                });
                if let Some((y, m)) = ym {
                    let (y, mid) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
                    let q = (mid - 1) / 3 + 1;
                    return hit(i, j + 1, Some(format!("{y:04}-Q{q}")), TimexType::Date);
                }
            }
            let v = match (self.w(j - 1), self.last_quarter) {
                ("current", _) | ("this", _) => self.r.and_then(|r| shifted(r, 'Q', 0)),
                (_, Some((y, q))) if self.w(j) == "period" => Some(format!("{y:04}-Q{q}")),
                _ => self.r.and_then(|r| shifted(r, 'Q', -1)),
            };
            return hit(i, j + 1, v, TimexType::Date);
        }
        // "year-end", "year end", "year's end"
        let mut k = j;
        if self.w(k) == "year" {
            k += 1;
            if matches!(self.w(k), "-" | "'s") {
                k += 1;
            }
            if self.w(k) == "end" {
                return hit(
                    i,
                    k + 1,
                    self.r.map(|r| format!("{:04}", r.year())),
                    TimexType::Date,
                );
            }
        }
        // "the fiscal year", "the full year", "the current year", "the year"
        if det {
            let mut k = j;
            while k - j < MAX_MODIFIERS
                && matches!(
                    self.w(k),
                    "full" | "fiscal" | "current" | "calendar" | "whole" | "entire"
                )
            {
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
                    return hit(i, k + 1, Some("P1Y".into()), TimexType::Duration);
                }
                if k == j
                    && !matches!(
                        self.w(i.wrapping_sub(1)),
                        "for" | "in" | "during" | "of" | "through" | "this"
                    )
                {
                    return None;
                }
                // "the fourth quarter of 2005 and … for the entire year": the whole year is the
                // reported quarter's, which a January report names from the year before.
                let whole = (j..k).any(|m| matches!(self.w(m), "full" | "whole" | "entire"));
                let y = match self.last_quarter {
                    Some((qy, _)) if whole => self.r.map(|_| qy),
                    _ => self.r.map(|r| r.year()),
                };
                return hit(i, k + 1, y.map(|y| format!("{y:04}")), TimexType::Date);
            }
        }
        None
    }
}
