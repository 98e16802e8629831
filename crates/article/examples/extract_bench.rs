//! Extraction throughput on one thread: decode + article extraction for every file named (or
//! found under a directory named) on the command line. Prints pages, seconds and pages/s.
//!
//!     cargo run --release -p claimtrail-article --example extract_bench -- DIR...
//!
//! `DECODE_ONLY=1` stops after charset decoding and `PARSE_ONLY=1` after the html5ever parse, to
//! show where the time goes.

use claimtrail_page::into_page;
use claimtrail_pipeline::inputs::{inputs, Input, Limits};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Read everything first so that the figure is extraction, not disk.
    let mut raws = Vec::new();
    for input in inputs(&args, Limits::default(), &[]) {
        if let Input::Doc(Ok(raw)) = input {
            raws.push(raw);
        }
    }
    let bytes: usize = raws.iter().map(|r| r.bytes.len()).sum();
    let t = Instant::now();
    let mut words = 0usize;
    let n = raws.len();
    for raw in raws {
        if let Ok(page) = into_page(raw, false) {
            if std::env::var_os("DECODE_ONLY").is_some() {
                words += page.text.len();
            } else if std::env::var_os("PARSE_ONLY").is_some() {
                words += dom_query::Document::from(page.text.as_str())
                    .select("p")
                    .length();
            } else {
                words += claimtrail_article::extract(&page)
                    .text
                    .split_whitespace()
                    .count();
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "extraction: {n} pages, {:.1} MB, {secs:.2} s, {:.1} pages/s, {:.1} MB/s ({words} words)",
        bytes as f64 / 1e6,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}
