//! Value precision and recall over news-like sentences written for this project
//! (fixtures/news_dev*.json, made by the news_dev*.py scripts beside them), scored the way the
//! project's NewsQuant-style scorer does: predicted values matched to gold values per sentence.

use claimtrail_figures::{find_figures, Context};
use claimtrail_text::Doc;
use serde_json::Value;

fn score(json: &str) -> (usize, usize, usize, Vec<String>) {
    let data: Value = serde_json::from_str(json).expect("fixture");
    let ctx = Context {
        entities: &[],
        quotes: &[],
        times: &[],
        published: None,
    };
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut misses = Vec::new();
    for ex in data.as_array().expect("list") {
        let text = ex["text"].as_str().unwrap_or("");
        let gold: Vec<f64> = ex["quantities"]
            .as_array()
            .map(|q| {
                q.iter()
                    .filter_map(|x| x["value"].as_str())
                    .filter_map(|v| {
                        // "low-high" ranges score their low end; "-20" is negative.
                        match v[1..].find('-') {
                            Some(k) => v[..k + 1].parse().ok(),
                            None => v.parse().ok(),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let doc = Doc::new(text);
        let mut pred: Vec<f64> = find_figures(&doc, &ctx)
            .iter()
            .filter_map(|f| f.value)
            .collect();
        for g in &gold {
            match pred
                .iter()
                .position(|p| (p - g).abs() <= 1e-6 * g.abs().max(1.0))
            {
                Some(i) => {
                    pred.remove(i);
                    tp += 1;
                }
                None => {
                    fn_ += 1;
                    misses.push(format!("missed {g} in {text:?}"));
                }
            }
        }
        fp += pred.len();
        misses.extend(pred.iter().map(|p| format!("extra {p} in {text:?}")));
    }
    (tp, fp, fn_, misses)
}

#[test]
fn news_sentences_values_f1() {
    for (name, json) in [
        ("news_dev", include_str!("fixtures/news_dev.json")),
        ("news_dev2", include_str!("fixtures/news_dev2.json")),
        ("news_dev3", include_str!("fixtures/news_dev3.json")),
        ("news_dev4", include_str!("fixtures/news_dev4.json")),
        ("news_dev5", include_str!("fixtures/news_dev5.json")),
    ] {
        let (tp, fp, fn_, misses) = score(json);
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fn_).max(1) as f64;
        let f1 = 2.0 * p * r / (p + r).max(1e-9);
        for m in &misses {
            eprintln!("{name}: {m}");
        }
        eprintln!("{name}: precision {p:.3} recall {r:.3} f1 {f1:.3}");
        assert!(f1 >= 0.95, "{name}: value F1 {f1:.3} below 0.95");
    }
}
