//! Trains the tagger: `train-ner [--seed=N] [--runs=K] TRAIN VALID OUT [EPOCHS]`. TRAIN and
//! VALID are comma-separated lists of CoNLL-format files; a file may carry a repeat count
//! (`dev.conll*2`) so a small set of another genre weighs more against a large one, `+even` or
//! `+odd` (every other document: a held-out split of one file) and `+lower` (lower-cased text), `+lownames` / `+upnames` (the gold names alone
//! lower-cased or in capitals: web text's casing);
//! `PLO` is the F1 of PER, LOC and ORG alone, as sets without MISC are scored. The epoch kept is the one with the best
//! F1 on the first VALID file (the others are only reported, so a test set can be watched
//! without choosing by it). Reads CoNLL-2003 files, lays each
//! document out as the scorer does (tokens joined by spaces, a sentence per line), tokenizes it
//! with our tokenizer and projects the gold tags onto our tokens, so the model learns on exactly
//! the tokens it will see. Reports valid F1 after each epoch and keeps the best epoch; with
//! `--runs=K`, the model is the mean of K runs' weights (seeds N to N+K-1).
//! `--objective=pa:C` or `crf:ETA:L2` learns by passive-aggressive steps or a CRF's log-loss
//! instead of the perceptron (measured and not kept: model/PROVENANCE.md).

mod learners;
mod meantime;
mod selftrain;

use claimtrail_entities::gazetteer::GAZ;
use claimtrail_entities::tagger::{self, Model, Scorer, BUCKETS, NL, TYPES};
use claimtrail_text::Doc;
use learners::{Floats, Learner, Objective, Perceptron};
use std::time::Instant;

#[derive(Clone)]
pub struct Gold {
    pub text: String,
    /// Byte spans with a type index into TYPES.
    pub spans: Vec<(usize, usize, usize)>,
}

fn read_conll(path: &str) -> Vec<Gold> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open: Option<(usize, usize, usize)> = None; // start, end, type
    let mut in_sent = false;
    let flush = |open: &mut Option<(usize, usize, usize)>, spans: &mut Vec<_>| {
        if let Some(s) = open.take() {
            spans.push(s);
        }
    };
    for line in data.lines() {
        if line.starts_with("-DOCSTART-") {
            flush(&mut open, &mut spans);
            if in_sent {
                text.push('\n');
                in_sent = false;
            }
            if !text.is_empty() {
                docs.push(Gold {
                    text: std::mem::take(&mut text),
                    spans: std::mem::take(&mut spans),
                });
            }
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.is_empty() {
            flush(&mut open, &mut spans);
            if in_sent {
                text.push('\n');
                in_sent = false;
            }
            continue;
        }
        if in_sent {
            text.push(' ');
        }
        in_sent = true;
        let (w, tag) = (parts[0], parts[parts.len() - 1]);
        let start = text.len();
        text.push_str(w);
        let end = text.len();
        if tag == "O" {
            flush(&mut open, &mut spans);
            continue;
        }
        let ty = TYPES
            .iter()
            .position(|t| *t == &tag[2..])
            .expect("known type");
        let begins = tag.starts_with("B-") || !matches!(open, Some((_, _, t)) if t == ty);
        if begins {
            flush(&mut open, &mut spans);
            open = Some((start, end, ty));
        } else if let Some(o) = open.as_mut() {
            o.1 = end;
        }
    }
    flush(&mut open, &mut spans);
    if in_sent {
        text.push('\n');
    }
    if !text.is_empty() {
        docs.push(Gold { text, spans });
    }
    docs
}

/// Reads a file spec: `PATH[*N][+even|+odd][+lower|+lownames|+upnames]`, or `meantime:DIR[*N][+skip=TSV...][+even|+odd]`.
/// `*N` repeats the documents (weight), `+even`/`+odd` keep every other document (a held-out
/// split of one file; for MEANTIME, documents with an even or odd id), `+lower` lower-cases
/// the text (ASCII only, so the spans stay put), `+lownames` / `+upnames` only the gold names
/// ([`recase_names`]). `meantime:DIR` reads the MEANTIME XML under DIR
/// (`meantime.rs`); `+skip=TSV` leaves out the documents named in the first column of a table
/// (held-out tables of other stages).
fn read_spec(spec: &str, teacher: Option<&str>) -> (Vec<Gold>, usize) {
    let mut parts = spec.split('+');
    let head = parts.next().unwrap_or_default();
    let (path, times) = match head.rsplit_once('*') {
        Some((p, n)) => (p, n.parse::<usize>().unwrap_or(1)),
        None => (head, 1),
    };
    let opts: Vec<&str> = parts.collect();
    if let Some(p) = path.strip_prefix("raw:") {
        let t = teacher.unwrap_or_else(|| panic!("{spec}: raw text needs --teacher=MODEL"));
        return (selftrain::read(p, &opts, t), times);
    }
    let mut docs: Vec<(Option<u64>, Gold)> = if let Some(dir) = path.strip_prefix("meantime:") {
        let skip =
            claimtrail_entities::corpus::skipped_ids(&opts).unwrap_or_else(|e| panic!("{e}"));
        let docs = meantime::read_dir(dir, &skip);
        // MEANTIME_SHOW=1 lists the converted spans, to check the mapping by eye.
        if std::env::var_os("MEANTIME_SHOW").is_some() {
            for d in &docs {
                for &(a, b, t) in &d.spans {
                    eprintln!("{}\t{}\t{}", d.id, TYPES[t], &d.text[a..b]);
                }
            }
        }
        let (kept, dropped): (usize, usize) = docs
            .iter()
            .fold((0, 0), |(k, d), x| (k + x.kept, d + x.dropped));
        println!(
            "{spec}: {} documents, {kept} sentences kept, {dropped} dropped (annotation not mapped)",
            docs.len()
        );
        docs.into_iter()
            .map(|d| {
                let id = d.id.parse().ok();
                (
                    id,
                    Gold {
                        text: d.text,
                        spans: d.spans,
                    },
                )
            })
            .collect()
    } else {
        read_conll(path).into_iter().map(|g| (None, g)).collect()
    };
    for opt in opts {
        match opt {
            "even" | "odd" => {
                let keep = u64::from(opt == "odd");
                docs = docs
                    .into_iter()
                    .enumerate()
                    .filter(|(k, (id, _))| id.unwrap_or(*k as u64) % 2 == keep)
                    .map(|(_, g)| g)
                    .collect();
            }
            "lower" => {
                for (_, g) in &mut docs {
                    g.text.make_ascii_lowercase();
                }
            }
            "lownames" | "upnames" => {
                for (_, g) in &mut docs {
                    recase_names(g, opt == "upnames");
                }
            }
            _ if opt.starts_with("skip=") => {}
            _ => panic!("{spec}: unknown option {opt}"),
        }
    }
    (docs.into_iter().map(|(_, g)| g).collect(), times)
}

/// Writes the names of a training document as web text often does, in lower case
/// ("tampa bay", "air asia") or in capitals, and leaves every other word as it was (ASCII
/// letters only, so the spans stay put).
fn recase_names(g: &mut Gold, upper: bool) {
    let mut bytes = std::mem::take(&mut g.text).into_bytes();
    for &(a, b, _) in &g.spans {
        if let Some(name) = bytes.get_mut(a..b) {
            if upper {
                name.make_ascii_uppercase();
            } else {
                name.make_ascii_lowercase();
            }
        }
    }
    // ASCII case changes keep the bytes valid UTF-8.
    g.text = String::from_utf8(bytes).unwrap_or_default();
}

/// Gold tag per token of `doc`; counts gold spans whose edges miss our token boundaries.
fn project(doc: &Doc, spans: &[(usize, usize, usize)], missed: &mut usize) -> Vec<u8> {
    let mut tags = vec![0u8; doc.tokens.len()];
    let mut k = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        while k < spans.len() && spans[k].1 <= t.start {
            k += 1;
        }
        if k < spans.len() && spans[k].0 <= t.start {
            let ty = spans[k].2 as u8;
            tags[i] = if spans[k].0 == t.start {
                1 + 2 * ty
            } else {
                2 + 2 * ty
            };
        }
    }
    let starts: std::collections::HashSet<usize> = doc.tokens.iter().map(|t| t.start).collect();
    let ends: std::collections::HashSet<usize> = doc.tokens.iter().map(|t| t.end).collect();
    for s in spans {
        if !starts.contains(&s.0) || !ends.contains(&s.1) {
            *missed += 1;
        }
    }
    tags
}

/// Training options.
#[derive(Clone, Copy, Default)]
struct Opts {
    /// Shuffle seed of the first run.
    seed: u64,
    /// Runs (seeds `seed`, `seed + 1`, ...) whose weights are averaged into the model.
    runs: usize,
    objective: Objective,
}

/// `--teacher=MODEL`: the model that tags `raw:` inputs (self-training, `selftrain.rs`).
static TEACHER: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// F1 of the scorer on `docs`; with `show_errors`, each missed and spurious span goes to stderr.
fn evaluate<S: Scorer>(docs: &[Gold], s: &mut S, show_errors: bool) -> f64 {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut per = [[0usize; 3]; 4];
    for g in docs {
        let doc = Doc::new(&g.text);
        let tags = tagger::tag_doc(&doc, &GAZ, s, None);
        let pred: std::collections::HashSet<(usize, usize, usize)> = tagger::spans(&tags)
            .into_iter()
            .map(|(a, b, t)| (doc.tokens[a].start, doc.tokens[b - 1].end, t))
            .collect();
        let gold: std::collections::HashSet<(usize, usize, usize)> =
            g.spans.iter().copied().collect();
        if show_errors {
            for p in pred.difference(&gold) {
                eprintln!("FP {} {:?}", TYPES[p.2], &g.text[p.0..p.1]);
            }
            for q in gold.difference(&pred) {
                // What the tagger put over the missed span, and the line around it.
                let over: Vec<String> = pred
                    .iter()
                    .filter(|p| p.0 < q.1 && q.0 < p.1)
                    .map(|p| format!("{} {:?}", TYPES[p.2], &g.text[p.0..p.1]))
                    .collect();
                let a = g.text[..q.0].rfind('\n').map_or(0, |k| k + 1);
                let b = g.text[q.1..].find('\n').map_or(g.text.len(), |k| q.1 + k);
                eprintln!(
                    "FN {} {:?} <- [{}] | {}",
                    TYPES[q.2],
                    &g.text[q.0..q.1],
                    over.join("; "),
                    &g.text[a..b]
                );
            }
        }
        for p in &pred {
            if gold.contains(p) {
                tp += 1;
                per[p.2][0] += 1;
            } else {
                fp += 1;
                per[p.2][1] += 1;
            }
        }
        for q in gold.difference(&pred) {
            fn_ += 1;
            per[q.2][2] += 1;
        }
    }
    let (p, r, f) = prf([tp, fp, fn_]);
    let per_type: Vec<String> = TYPES
        .iter()
        .zip(per)
        .map(|(t, counts)| format!("{t} {:.4}", prf(counts).2))
        .collect();
    let plo = (0..3).fold([0; 3], |acc, t| {
        [acc[0] + per[t][0], acc[1] + per[t][1], acc[2] + per[t][2]]
    });
    println!(
        "  valid P {p:.4} R {r:.4} F1 {f:.4}  ({}) PLO {:.4}",
        per_type.join(", "),
        prf(plo).2
    );
    f
}

/// One training run from shuffle seed `seed`: the averaged weights of the epoch with the best F1
/// on the first VALID file, with that F1 and epoch.
fn train_run(
    train_docs: &[(Doc, Vec<u8>)],
    valids: &[(&str, Vec<Gold>)],
    seed: u64,
    epochs: usize,
    obj: Objective,
) -> (f64, usize, Vec<f32>) {
    let mut p = Perceptron::new();
    let mut other = (obj != Objective::Perceptron).then(|| Learner::new(obj));
    let mut order: Vec<usize> = (0..train_docs.len()).collect();
    let mut rng: u64 = 0x2545_f491_4f6c_dd1d ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut best = (0.0, 0usize, Vec::new());
    for epoch in 1..=epochs {
        let t0 = Instant::now();
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &k in &order {
            let (d, g) = &train_docs[k];
            match other.as_mut() {
                Some(l) => tagger::tag_doc(d, &GAZ, l, Some(g)),
                None => tagger::tag_doc(d, &GAZ, &mut p, Some(g)),
            };
        }
        let avg = match &other {
            Some(l) => l.averaged(),
            None => p.averaged(),
        };
        println!("epoch {epoch} ({:.1}s)", t0.elapsed().as_secs_f64());
        let mut fl = Floats(avg);
        let mut f = 0.0;
        for (k, (path, valid)) in valids.iter().enumerate() {
            print!("  {path}:");
            let fk = evaluate(valid, &mut fl, false);
            if k == 0 {
                f = fk;
            }
        }
        if f > best.0 {
            best = (f, epoch, fl.0);
        }
    }
    best
}

/// `--score=MODEL VALID...`: PER/LOC/ORG (and all-type) F1 of a trained model through every
/// pass of `recognize` (as `score.py … conll` scores the CLI), per VALID spec. `NER_ERRORS=1`
/// lists spurious and missed PER/LOC/ORG spans with their line.
fn score_full(model: &str, specs: &[String]) {
    use claimtrail_text::EntityKind as K;
    let bytes = std::fs::read(model).unwrap_or_else(|e| panic!("{model}: {e}"));
    let m = Model::from_bytes(&bytes).unwrap_or_else(|| panic!("{model}: not a model"));
    let show = std::env::var_os("NER_ERRORS").is_some();
    for spec in specs {
        let (docs, _) = read_spec(spec, None);
        // [tp, fp, fn] per type PER, ORG, LOC, MISC.
        let mut per = [[0usize; 3]; 4];
        for g in &docs {
            let doc = Doc::new(&g.text);
            let pred: std::collections::HashSet<(usize, usize, usize)> =
                claimtrail_entities::recognize_with(&doc, &m)
                    .into_iter()
                    .map(|e| {
                        let t = match e.kind {
                            K::Person => 0,
                            K::Org => 1,
                            K::Gpe | K::Loc => 2,
                            K::Norp | K::Misc => 3,
                        };
                        (e.start, e.end, t)
                    })
                    .collect();
            let gold: std::collections::HashSet<(usize, usize, usize)> =
                g.spans.iter().copied().collect();
            let line = |a: usize, b: usize| {
                let s = g.text[..a].rfind('\n').map_or(0, |k| k + 1);
                let e = g.text[b..].find('\n').map_or(g.text.len(), |k| b + k);
                &g.text[s..e]
            };
            for p in &pred {
                let k = if gold.contains(p) { 0 } else { 1 };
                per[p.2][k] += 1;
                if k == 1 && show && p.2 < 3 {
                    let l = line(p.0, p.1);
                    eprintln!("FP {} {:?} | {}", TYPES[p.2], &g.text[p.0..p.1], l);
                }
            }
            for q in gold.difference(&pred) {
                per[q.2][2] += 1;
                if show && q.2 < 3 {
                    let l = line(q.0, q.1);
                    eprintln!("FN {} {:?} | {}", TYPES[q.2], &g.text[q.0..q.1], l);
                }
            }
        }
        let f1 = |counts: [usize; 3]| prf(counts).2;
        let sum = |ts: &[usize]| {
            ts.iter().fold([0; 3], |a, &t| {
                [a[0] + per[t][0], a[1] + per[t][1], a[2] + per[t][2]]
            })
        };
        let plo = sum(&[0, 1, 2]);
        println!(
            "{spec}: all {:.4} PLO {:.4} (PER {:.4} ORG {:.4} LOC {:.4}; PLO tp {} fp {} fn {})",
            f1(sum(&[0, 1, 2, 3])),
            f1(plo),
            f1(per[0]),
            f1(per[1]),
            f1(per[2]),
            plo[0],
            plo[1],
            plo[2]
        );
    }
}

fn main() {
    let all: Vec<String> = std::env::args().collect();
    if let Some(m) = all.get(1).and_then(|a| a.strip_prefix("--score=")) {
        score_full(m, &all[2..]);
        return;
    }
    let mut opts = Opts::default();
    let mut args: Vec<String> = Vec::new();
    for a in all {
        match a.as_str() {
            _ if a.starts_with("--seed=") => opts.seed = a[7..].parse().unwrap_or(0),
            _ if a.starts_with("--runs=") => opts.runs = a[7..].parse().unwrap_or(1),
            _ if a.starts_with("--teacher=") => {
                let _ = TEACHER.set(a[10..].to_string());
            }
            // --objective=pa:C or crf:ETA:L2 (default: the perceptron).
            _ if a.starts_with("--objective=") => {
                let v: Vec<&str> = a[12..].split(':').collect();
                let num = |k: usize, d: f64| v.get(k).and_then(|x| x.parse().ok()).unwrap_or(d);
                opts.objective = match v[0] {
                    "pa" => Objective::Pa { c: num(1, 1.0) },
                    "crf" => Objective::Crf {
                        eta: num(1, 0.1),
                        l2: num(2, 0.0),
                    },
                    _ => Objective::Perceptron,
                };
            }
            _ => args.push(a),
        }
    }
    if args.len() < 4 {
        eprintln!(
            "usage: train-ner [--seed=N] [--runs=K] [--objective=pa:C|crf:ETA:L2] TRAIN[*N][+even|+odd][+lower|+lownames|+upnames][,TRAIN...] \
             VALID[+even|+odd][,VALID...] OUT [EPOCHS]\n\
             (a TRAIN or VALID may be meantime:DIR[*N][+skip=TSV][+even|+odd])"
        );
        std::process::exit(2);
    }
    let epochs: usize = args.get(4).and_then(|e| e.parse().ok()).unwrap_or(12);
    let mut train = Vec::new();
    for spec in args[1].split(',') {
        let (docs, times) = read_spec(spec, TEACHER.get().map(String::as_str));
        for _ in 0..times {
            train.extend(docs.iter().cloned());
        }
    }
    let valids: Vec<(&str, Vec<Gold>)> = args[2]
        .split(',')
        .map(|p| (p, read_spec(p, TEACHER.get().map(String::as_str)).0))
        .collect();
    let mut missed = 0;
    let train_docs: Vec<(Doc, Vec<u8>)> = train
        .iter()
        .map(|g| {
            let d = Doc::new(&g.text);
            let t = project(&d, &g.spans, &mut missed);
            (d, t)
        })
        .collect();
    let gold_spans: usize = train.iter().map(|g| g.spans.len()).sum();
    println!(
        "train: {} docs, {gold_spans} entities, {missed} off our token boundaries",
        train.len()
    );
    for (path, valid) in &valids {
        let mut vm = 0;
        for g in valid {
            project(&Doc::new(&g.text), &g.spans, &mut vm);
        }
        println!(
            "valid {path}: {} docs, {vm} entities off our token boundaries",
            valid.len()
        );
    }
    let runs = opts.runs.max(1);
    let mut sum = vec![0f32; BUCKETS * NL];
    for r in 0..runs {
        let seed = opts.seed + r as u64;
        println!("run {} of {runs}, seed {seed}", r + 1);
        let (f, epoch, w) = train_run(&train_docs, &valids, seed, epochs, opts.objective);
        println!("best epoch {epoch} valid F1 {f:.4}");
        for (s, x) in sum.iter_mut().zip(w) {
            *s += x;
        }
    }
    // The mean of the runs' weights: one model, whose decisions no longer hang on one
    // shuffle order (a name's type flipped from seed to seed; see model/PROVENANCE.md).
    let best = if runs > 1 {
        let k = runs as f32;
        let mean: Vec<f32> = sum.iter().map(|x| x / k).collect();
        println!("mean of {runs} runs:");
        let mut fl = Floats(mean);
        for (path, valid) in &valids {
            print!("  {path}:");
            evaluate(valid, &mut fl, false);
        }
        fl.0
    } else {
        sum
    };
    let bytes = Model::encode(&best);
    std::fs::write(&args[3], &bytes).unwrap_or_else(|e| panic!("{}: {e}", args[3]));
    let mut m = Model::from_bytes(&bytes).expect("round trip");
    println!("quantised model ({} bytes):", bytes.len());
    // Errors of the shipped (quantised) model only: NER_ERRORS=1 lists them, file by file.
    let show = std::env::var_os("NER_ERRORS").is_some();
    for (path, valid) in &valids {
        print!("  {path}:");
        if show {
            eprintln!("== {path}");
        }
        evaluate(valid, &mut m, show);
    }
}

/// Precision, recall and F1 from true positives, false positives and false negatives.
fn prf([tp, fp, fn_]: [usize; 3]) -> (f64, f64, f64) {
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}
