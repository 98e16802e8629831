//! Extraction alone in `analyze`'s JSON Lines shape (source, title, published, authors, text),
//! so that `score.py` can score the extraction stage without building the whole CLI:
//!
//!     cargo build --release -p claimtrail-article --example extract_jsonl
//!     python3 ../shared/eval/score.py target/release/examples/extract_jsonl readability DIR
//!
//! Accepts and ignores `analyze` and `--format jsonl`; files and directories (walked) as paths.

use claimtrail_page::{into_page, RawDoc};
use std::path::Path;

fn walk(p: &Path, out: &mut Vec<String>) {
    if p.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(p)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            walk(&e, out);
        }
    } else {
        out.push(p.to_string_lossy().into_owned());
    }
}

fn main() {
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1).peekable();
    while let Some(a) = args.next() {
        match a.as_str() {
            "analyze" => {}
            "--format" => {
                args.next();
            }
            _ => walk(Path::new(&a), &mut paths),
        }
    }
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let raw = RawDoc::new(path.clone(), bytes);
        let Ok(page) = into_page(raw, false) else {
            continue;
        };
        let a = claimtrail_article::extract(&page);
        let rec = serde_json::json!({
            "source": path,
            "title": a.title,
            "published": a.published,
            "authors": a.authors,
            "text": a.text,
        });
        println!("{rec}");
    }
}
