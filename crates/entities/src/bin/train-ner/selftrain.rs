//! Self-training input of `train-ner`: `raw:PATH[*N][+skip=TSV][+keep=F][+max=N]` reads
//! unlabeled text (a directory's `.txt` files, recursively, or one file), keeps its prose
//! paragraphs (six words or more, closing with a full stop, question or exclamation mark),
//! tags them with the teacher model (`--teacher=MODEL`) and keeps the sentences the teacher is
//! surest of: those with a capitalised word after their first, ranked by their least
//! max-marginal margin (`tagger::tag_doc_margins`), the top fraction F (default 0.5), at most
//! N sentences (default all). A sentence seen before (boilerplate repeated across pages) is
//! read once. Each file's kept sentences make one training document, tagged as the teacher
//! tagged them. `+skip=TSV` leaves out the files whose name (without `.txt`) is in the first
//! column of a table (the pages of a held-out table).

use crate::Gold;
use claimtrail_entities::gazetteer::GAZ;
use claimtrail_entities::tagger::{self, Model};
use claimtrail_text::Doc;
use std::collections::HashSet;
use std::path::Path;

/// The prose paragraphs of a text, one per line.
fn prose(text: &str) -> String {
    let mut out = String::new();
    for para in text.split("\n\n") {
        let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = para
            .split(' ')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        let closed =
            para.ends_with(['.', '!', '?']) || para.ends_with(".\"") || para.ends_with(".”");
        if words >= 6 && closed {
            out.push_str(&para);
            out.push('\n');
        }
    }
    out
}

/// One kept sentence: its file, text and spans (byte offsets into the text, type index).
struct Kept {
    file: usize,
    conf: f64,
    text: String,
    spans: Vec<(usize, usize, usize)>,
}

pub fn read(path: &str, opts: &[&str], teacher: &str) -> Vec<Gold> {
    let skip = claimtrail_entities::corpus::skipped_ids(opts).unwrap_or_else(|e| panic!("{e}"));
    let mut keep = 0.5f64;
    let mut max = usize::MAX;
    for o in opts {
        if let Some(v) = o.strip_prefix("keep=") {
            keep = v.parse().unwrap_or(keep);
        } else if let Some(v) = o.strip_prefix("max=") {
            max = v.parse().unwrap_or(max);
        }
    }
    let fs = claimtrail_entities::corpus::text_files(Path::new(path));
    let bytes = std::fs::read(teacher).unwrap_or_else(|e| panic!("{teacher}: {e}"));
    let mut model =
        Model::from_bytes(&bytes).unwrap_or_else(|| panic!("{teacher}: not a tagger model"));
    let mut seen = HashSet::new();
    let mut cands: Vec<Kept> = Vec::new();
    let mut skipped = 0;
    for (fi, f) in fs.iter().enumerate() {
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if skip.contains(stem) {
            skipped += 1;
            continue;
        }
        let Ok(raw) = std::fs::read_to_string(f) else {
            continue;
        };
        let text = prose(&raw);
        if text.is_empty() {
            continue;
        }
        let doc = Doc::new(&text);
        let (tags, margins) = tagger::tag_doc_margins(&doc, &GAZ, &mut model);
        for s in &doc.sentences {
            let (lo, hi) = (s.first_token, s.end_token);
            if hi <= lo + 1 {
                continue;
            }
            let inner_cap = (lo + 1..hi).any(|i| {
                let w = doc.token_text(i);
                w != "I" && w.chars().next().is_some_and(char::is_uppercase)
            });
            if !inner_cap {
                continue;
            }
            let (a, b) = (doc.tokens[lo].start, doc.tokens[hi - 1].end);
            let st = &text[a..b];
            if !seen.insert(st.to_string()) {
                continue;
            }
            let conf = margins[lo..hi]
                .iter()
                .copied()
                .fold(f64::INFINITY, f64::min);
            let spans = tagger::spans(&tags[lo..hi])
                .into_iter()
                .map(|(x, y, t)| {
                    (
                        doc.tokens[lo + x].start - a,
                        doc.tokens[lo + y - 1].end - a,
                        t,
                    )
                })
                .collect();
            cands.push(Kept {
                file: fi,
                conf,
                text: st.to_string(),
                spans,
            });
        }
    }
    let total = cands.len();
    let n = ((total as f64 * keep).round() as usize).min(max);
    // The surest first; ties keep reading order.
    let mut order: Vec<usize> = (0..total).collect();
    order.sort_by(|&x, &y| cands[y].conf.total_cmp(&cands[x].conf).then(x.cmp(&y)));
    let mut chosen = vec![false; total];
    for &k in order.iter().take(n) {
        chosen[k] = true;
    }
    let threshold = order
        .get(n.saturating_sub(1))
        .map_or(0.0, |&k| cands[k].conf);
    let mut docs: Vec<Gold> = Vec::new();
    let mut last_file = usize::MAX;
    let mut entities = 0;
    for (k, c) in cands.iter().enumerate() {
        if !chosen[k] {
            continue;
        }
        if c.file != last_file {
            docs.push(Gold {
                text: String::new(),
                spans: Vec::new(),
            });
            last_file = c.file;
        }
        if let Some(d) = docs.last_mut() {
            let off = d.text.len();
            d.text.push_str(&c.text);
            d.text.push('\n');
            d.spans
                .extend(c.spans.iter().map(|&(a, b, t)| (a + off, b + off, t)));
            entities += c.spans.len();
        }
    }
    println!(
        "raw:{path}: {} files ({skipped} skipped), {total} candidate sentences, {n} kept (margin >= {threshold:.0}), {} documents, {entities} entities",
        fs.len(),
        docs.len()
    );
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_keeps_closed_paragraphs_of_six_words() {
        let page = "Home\n\nMeal Prep\n\nLogin\n\nAt Scratch Culinary, we keep our finger on the \
                    pulse.\n\nOrder Now\n\nA heading with many words but no stop\n\nShe said it \
                    was   \"fine.\"";
        assert_eq!(
            prose(page),
            "At Scratch Culinary, we keep our finger on the pulse.\n"
        );
    }
}
