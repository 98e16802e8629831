//! Time expressions with TimeML TIMEX3 values resolved against a reference date (the
//! publication date). One forward pass: the text's tokens are split into grammar pieces
//! (`scan`), and at each piece the grammar (`grammar`) reads the longest expression it can with
//! bounded look-ahead, so the work is linear in the text. Values follow TimeBank conventions;
//! relative ones need the reference and stay `None` without it.

mod calendar;
mod grammar;
mod lexicon;
mod scan;

use chrono::NaiveDate;
use claimtrail_text::{Doc, TimeExpr};

/// Time expressions of a document, in text order. Relative values stay `None` without a
/// reference date.
pub fn find_times(doc: &Doc, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let toks = scan::scan(doc);
    let mut g = grammar::Grammar {
        t: &toks,
        r: reference,
        ctx_year: None,
        last_quarter: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(h) = g.parse(i) else {
            i += 1;
            continue;
        };
        let (start, end) = (toks[h.first].start, toks[h.end - 1].end);
        if let Some(text) = doc.text.get(start..end) {
            if reference.is_none() {
                // A stated year sets the year of later yearless dates ("28 October").
                if let Some(y) = h.value.as_deref().and_then(explicit_year) {
                    g.ctx_year = Some(y);
                }
            }
            if let Some(q) = h.value.as_deref().and_then(quarter_value) {
                let lower = text.to_lowercase();
                if lower.contains("quarter") && !lower.contains("ago") && !lower.contains("earlier") {
                    g.last_quarter = Some(q);
                }
            }
            out.push(TimeExpr {
                text: text.to_string(),
                start,
                end,
                value: h.value,
                kind: h.kind.to_string(),
            });
        }
        i = h.end.max(i + 1);
    }
    out
}

fn explicit_year(v: &str) -> Option<i32> {
    let y = v.get(..4)?;
    if y.bytes().all(|b| b.is_ascii_digit()) {
        y.parse().ok()
    } else {
        None
    }
}

/// "1989-Q3" → (1989, 3).
fn quarter_value(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    if y.len() != 4 || q.len() != 1 {
        return None;
    }
    Some((y.parse().ok()?, q.parse().ok()?))
}
