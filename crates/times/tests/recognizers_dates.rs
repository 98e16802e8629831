//! Date cases of the Recognizers-Text DateTime English spec (DateParser.json, MIT licence in
//! fixtures/LICENSE-recognizers-text.txt), each with its reference date. Cases outside a news
//! time tagger's scope are kept in the fixture with the reason and not run.
//!
//! A value passes when it equals the spec's TIMEX or one of its resolutions, or when it is the
//! same point at TimeML's coarser granularity: "a month ago" is "2016-10" in TimeBank where the
//! spec resolves to the day "2016-10-07"; "in 3 weeks" is the ISO week holding that day.

use chrono::{Datelike, NaiveDate};
use claimtrail_text::Doc;
use claimtrail_times::find_times;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    input: String,
    reference: String,
    text: String,
    start: usize,
    length: usize,
    accept: Vec<String>,
}

#[derive(Deserialize)]
struct Fixture {
    cases: Vec<Case>,
    out_of_scope: Vec<serde_json::Value>,
}

fn covers(value: &str, accepted: &str) -> bool {
    if value == accepted {
        return true;
    }
    let Ok(d) = NaiveDate::parse_from_str(accepted, "%Y-%m-%d") else {
        return false;
    };
    if let Some((y, w)) = value.split_once("-W") {
        let iso = d.iso_week();
        return y.parse() == Ok(iso.year()) && w.parse() == Ok(iso.week());
    }
    (value.len() == 4 || value.len() == 7) && accepted.starts_with(value)
}

fn char_to_byte(s: &str, c: usize) -> usize {
    s.char_indices().nth(c).map(|(b, _)| b).unwrap_or(s.len())
}

#[test]
fn recognizers_text_date_cases() {
    let raw = include_str!("fixtures/recognizers_dates.json");
    let fx: Fixture = serde_json::from_str(raw).expect("fixture parses");
    assert!(fx.cases.len() > 50 && !fx.out_of_scope.is_empty());
    let mut failures = Vec::new();
    for c in &fx.cases {
        let reference = NaiveDate::parse_from_str(&c.reference, "%Y-%m-%d").ok();
        let doc = Doc::new(&c.input);
        let (a, b) = (
            char_to_byte(&c.input, c.start),
            char_to_byte(&c.input, c.start + c.length),
        );
        let times = find_times(&doc, reference);
        let ok = times.iter().any(|t| {
            t.start < b
                && a < t.end
                && t.value
                    .as_deref()
                    .is_some_and(|v| c.accept.iter().any(|x| covers(v, x)))
        });
        if !ok {
            let got: Vec<_> = times.iter().map(|t| (&t.text, &t.value)).collect();
            failures.push(format!("{:?} [{}] -> {:?}", c.input, c.text, got));
        }
    }
    let pass = fx.cases.len() - failures.len();
    let rate = pass as f64 / fx.cases.len() as f64;
    eprintln!(
        "recognizers-text dates: {pass}/{} in scope pass ({:.1}%), {} out of scope",
        fx.cases.len(),
        rate * 100.0,
        fx.out_of_scope.len()
    );
    for f in &failures {
        eprintln!("  FAIL {f}");
    }
    assert!(rate >= 0.9, "{} failures", failures.len());
}
