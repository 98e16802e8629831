//! `claimtrail eval extraction --wcxb DIR`: the extraction stage alone against WCXB ground truth,
//! with the same word-level figures as `score.py wcxb` and the stage's pages/s on one core.

use crate::args::{EvalExtractionArgs, RowFormat};
use crate::render;
use crate::word_bags;
use anyhow::{bail, Context};
use claimtrail_page::into_page_with_id;
use claimtrail_pipeline::inputs::{read_file, Limits};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One page's ground truth, as far as extraction is scored.
#[derive(Debug, Default)]
struct Truth {
    main_content: Option<String>,
    publish_date: Option<String>,
    title: Option<String>,
    author: Option<String>,
}

#[derive(Debug, Serialize)]
struct PageScore {
    page: String,
    word_f1: Option<f64>,
    word_precision: Option<f64>,
    word_recall: Option<f64>,
    date: Option<bool>,
    title: Option<bool>,
    author: Option<bool>,
    error: Option<String>,
}

#[derive(Debug, Serialize)]
struct Summary {
    pages: usize,
    word_precision: f64,
    word_recall: f64,
    word_f1: f64,
    date_exact: Option<f64>,
    title_exact: Option<f64>,
    author: Option<f64>,
    failed: usize,
    extraction_seconds: f64,
    pages_per_s_one_core: f64,
}

pub fn extraction(args: EvalExtractionArgs) -> anyhow::Result<i32> {
    let truth_dir = args.wcxb.join("ground-truth");
    let mut ids: Vec<String> = std::fs::read_dir(&truth_dir)
        .with_context(|| format!("{}: not a WCXB directory", truth_dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".json").map(String::from)
        })
        .collect();
    ids.sort();
    if ids.is_empty() {
        bail!("{}: no ground-truth files", truth_dir.display());
    }
    let mut scores = Vec::with_capacity(ids.len());
    let mut spent = Duration::ZERO;
    for id in &ids {
        let truth = read_truth(&truth_dir.join(format!("{id}.json")))?;
        let (score, took) = score_page(id, &html_path(&args.wcxb, id), &truth);
        if let Some(e) = &score.error {
            eprintln!("claimtrail: {id}: {e}");
        }
        spent += took;
        scores.push(score);
    }
    let summary = summarise(&scores, spent);
    if args.pages {
        scores.sort_by(|a, b| {
            a.word_f1
                .unwrap_or(1.0)
                .total_cmp(&b.word_f1.unwrap_or(1.0))
                .then_with(|| a.page.cmp(&b.page))
        });
        render::rows(&scores, args.format)?;
        if args.format == RowFormat::Table {
            println!();
        }
    }
    // One stream holds one kind of row: under a machine-readable page listing, the summary
    // is for the reader, on stderr.
    let summary_format = if args.pages {
        RowFormat::Table
    } else {
        args.format
    };
    let mut out = Vec::new();
    match summary_format {
        RowFormat::Table => {
            let rows: Vec<Metric> = serde_json::to_value(&summary)?
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| Metric {
                            metric: k.clone(),
                            value: v.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            render::write_rows(&mut out, &rows, RowFormat::Table)?;
        }
        format => render::write_rows(&mut out, &[summary], format)?,
    }
    if args.pages && args.format != RowFormat::Table {
        std::io::stderr().write_all(&out)?;
    } else {
        std::io::stdout().write_all(&out)?;
    }
    Ok(0)
}

#[derive(Serialize)]
struct Metric {
    metric: String,
    value: serde_json::Value,
}

fn html_path(dir: &Path, id: &str) -> PathBuf {
    let gz = dir.join("html").join(format!("{id}.html.gz"));
    if gz.exists() {
        gz
    } else {
        dir.join("html").join(format!("{id}.html"))
    }
}

fn read_truth(path: &Path) -> anyhow::Result<Truth> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let v: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{}: not JSON", path.display()))?;
    let gt = &v["ground_truth"];
    // The scorer counts a field only when it is present and not empty.
    let field = |k: &str| {
        gt.get(k)
            .and_then(|x| x.as_str())
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    Ok(Truth {
        main_content: field("main_content"),
        publish_date: field("publish_date"),
        title: field("title"),
        author: field("author"),
    })
}

/// Extracts one page (timing decode + extraction only) and scores it.
fn score_page(id: &str, path: &Path, truth: &Truth) -> (PageScore, Duration) {
    let mut took = Duration::ZERO;
    let raw = read_file(path, Limits::default()).next();
    let article = match raw {
        Some(Ok(raw)) => {
            let start = Instant::now();
            // The content id is the pipeline's business, not extraction's: left out of the timing.
            let article = into_page_with_id(raw, false, String::new())
                .map(|p| claimtrail_article::extract(&p));
            took = start.elapsed();
            article.map_err(|e| e.reason)
        }
        Some(Err(e)) => Err(e.reason),
        None => Err("no page".to_string()),
    };
    let (text, published, title, authors, error) = match article {
        Ok(a) => (a.text, a.published, a.title, a.authors.join(" "), None),
        Err(e) => (String::new(), None, None, String::new(), Some(e)),
    };
    let words = truth
        .main_content
        .as_deref()
        .map(|g| word_bags::prf(&text, g));
    let score = PageScore {
        page: id.to_string(),
        word_f1: words.map(|w| w.2),
        word_precision: words.map(|w| w.0),
        word_recall: words.map(|w| w.1),
        date: truth.publish_date.as_deref().map(|g| {
            published.as_deref().and_then(|p| p.get(..10)) == Some(g.get(..10).unwrap_or(g))
        }),
        title: truth
            .title
            .as_deref()
            .map(|g| word_bags::same_title(title.as_deref().unwrap_or(""), g)),
        author: truth
            .author
            .as_deref()
            .map(|g| !authors.is_empty() && word_bags::overlap(&authors, g) >= 0.5),
        error,
    };
    (score, took)
}

fn summarise(scores: &[PageScore], spent: Duration) -> Summary {
    let mean = |f: &dyn Fn(&PageScore) -> Option<f64>| {
        let v: Vec<f64> = scores.iter().filter_map(f).collect();
        if v.is_empty() {
            0.0
        } else {
            round4(v.iter().sum::<f64>() / v.len() as f64)
        }
    };
    let share = |f: &dyn Fn(&PageScore) -> Option<bool>| {
        let v: Vec<bool> = scores.iter().filter_map(f).collect();
        (!v.is_empty()).then(|| round4(v.iter().filter(|b| **b).count() as f64 / v.len() as f64))
    };
    let secs = spent.as_secs_f64();
    Summary {
        pages: scores.iter().filter(|s| s.word_f1.is_some()).count(),
        word_precision: mean(&|s| s.word_precision),
        word_recall: mean(&|s| s.word_recall),
        word_f1: mean(&|s| s.word_f1),
        date_exact: share(&|s| s.date),
        title_exact: share(&|s| s.title),
        author: share(&|s| s.author),
        failed: scores.iter().filter(|s| s.error.is_some()).count(),
        extraction_seconds: (secs * 1000.0).round() / 1000.0,
        pages_per_s_one_core: if secs > 0.0 {
            (scores.len() as f64 / secs).round()
        } else {
            0.0
        },
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
