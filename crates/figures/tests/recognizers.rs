//! Microsoft Recognizers-Text English spec cases (MIT; fixtures/RECOGNIZERS_LICENSE) for numbers,
//! ranges, percentages, currency, dimensions and ages. The in-scope subset is in
//! fixtures/recognizers_en.json; the cases left out and why are in
//! fixtures/recognizers_out_of_scope.md (both made by fixtures/make_recognizers.py).

use claimtrail_figures::{find_figures, Context};
use claimtrail_text::{Doc, Figure};
use serde_json::Value;

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

/// Whether the predicted figures answer one expected result; consumes the matching figure.
fn take_match(model: &str, exp: &Value, preds: &mut Vec<Figure>) -> bool {
    let pos = preds.iter().position(|f| {
        if model == "range" {
            return close(f.low, exp["low"].as_f64()) && close(f.high, exp["high"].as_f64());
        }
        if !close(f.value, exp["value"].as_f64()) {
            return false;
        }
        match exp.get("unit").and_then(Value::as_str) {
            Some(u) => f.unit.as_deref() == Some(u),
            None => {
                exp.get("any_unit")
                    .is_none_or(|a| a.as_bool() != Some(true))
                    || f.unit.is_some()
            }
        }
    });
    match pos {
        Some(p) => {
            preds.remove(p);
            true
        }
        None => false,
    }
}

/// Whether a left-over figure is of the kind the spec model extracts (each model covers one kind:
/// the currency model ignores a percentage in the same sentence, for instance).
fn in_model(model: &str, f: &Figure) -> bool {
    let unit = f.unit.as_deref();
    let money = unit.is_some_and(|u| u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()));
    let time = matches!(
        unit,
        Some(
            "year" | "month" | "week" | "day" | "hour" | "minute" | "second" | "decade" | "century"
        )
    );
    match model {
        "number" => unit.is_none() || money || unit == Some("percent"),
        "range" => f.hedge != claimtrail_text::Hedge::Exact,
        "percent" => unit == Some("percent"),
        "currency" => money || matches!(unit, Some("cent" | "pence")),
        "dimension" => {
            unit.is_some() && !money && !time && !matches!(unit, Some("percent" | "point"))
        }
        "age" => time,
        _ => true,
    }
}

#[test]
fn recognizers_english_in_scope_cases_pass() {
    let data: Value =
        serde_json::from_str(include_str!("fixtures/recognizers_en.json")).expect("fixture");
    let cases = data["cases"].as_array().expect("cases");
    let ctx = Context {
        entities: &[],
        quotes: &[],
        times: &[],
        published: None,
    };
    let (mut pass, mut fails) = (0usize, Vec::new());
    for c in cases {
        let model = c["model"].as_str().unwrap_or("");
        let input = c["input"].as_str().unwrap_or("");
        let doc = Doc::new(input);
        let mut preds = find_figures(&doc, &ctx);
        let got: Vec<String> = preds
            .iter()
            .map(|f| {
                format!(
                    "{}={:?}[{:?},{:?}]{:?}",
                    f.text, f.value, f.low, f.high, f.unit
                )
            })
            .collect();
        let exp = c["expect"].as_array().cloned().unwrap_or_default();
        let ok = exp.iter().all(|e| take_match(model, e, &mut preds))
            && preds.iter().all(|f| !in_model(model, f));
        if ok {
            pass += 1;
        } else {
            fails.push(format!("{model}: {input:?} expected {exp:?} got {got:?}"));
        }
    }
    let rate = pass as f64 / cases.len() as f64;
    for f in &fails {
        eprintln!("FAIL {f}");
    }
    eprintln!(
        "recognizers: {pass}/{} in-scope cases pass ({rate:.3})",
        cases.len()
    );
    assert!(rate >= 0.9, "pass rate {rate:.3} below 0.9");
}
