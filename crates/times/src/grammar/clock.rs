//! Clock times: "5 p.m.", "10:35 a.m. Friday", "noon", "16:08 UTC".

use super::*;

impl<'a> Grammar<'a> {
    /// Clock times: "5 p.m.", "3:30 pm", "10:00 GMT", "noon", "midnight".
    pub(super) fn clock(&self, i: usize) -> Option<Hit> {
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
                return hit(i, j, date.map(|d| format!("{d}T{t}")), TimexType::Time);
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
            // "4 in the morning", "9 in the evening", "11 at night": the part of the day says
            // which half.
            "in" | "at" if !has_min && (1..=12).contains(&h) => {
                let k = if self.w(j) == "in" && self.w(j + 1) == "the" {
                    j + 2
                } else {
                    j + 1
                };
                let pm = match (self.w(j), self.w(k)) {
                    ("in", "morning") => false,
                    ("in", "afternoon" | "evening") => true,
                    ("at", "night") => h >= 6,
                    _ => return None,
                };
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
                j = k + 1;
            }
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
        // "10:35 a.m. (0735 GMT) Friday": the day after the parenthesis dates the time,
        // which keeps its own extent.
        let (j, date) = self
            .clock_date(j)
            .or_else(|| {
                let close = (j + 2..(j + 6).min(self.t.len())).find(|&k| self.w(k) == ")")?;
                let after = self.clock_date(close + 1)?;
                (self.w(j) == "(").then_some((j, after.1))
            })
            .unwrap_or((j, date));
        hit(
            i,
            j,
            date.map(|d| format!("{d}T{h:02}:{min:02}{zone}")),
            TimexType::Time,
        )
    }

    /// The day a clock time names after it: "5 p.m. Wednesday", "noon, Nov. 9", "10 a.m. today".
    pub(super) fn clock_date(&self, j: usize) -> Option<(usize, Option<String>)> {
        let k = if self.w(j) == "," { j + 1 } else { j };
        if let Some(h) = self.weekday_expr(k).filter(|h| h.kind == TimexType::Date) {
            return Some((h.end, h.value));
        }
        if let Some(h) = self.deictic(k).filter(|h| h.kind == TimexType::Date) {
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
}
