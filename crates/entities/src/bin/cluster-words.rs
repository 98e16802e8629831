//! Learns the word classes of `model/clusters.bin` from unlabeled text:
//! `cluster-words OUT CLASSES[,CLASSES] INPUT...`. An INPUT is a directory (its `.txt` files,
//! recursively), a text file, or `conll:FILE` (the first column of a CoNLL file, its labels
//! ignored). Text is tokenized and normalised as the tagger does (lower case, digits as 0);
//! words seen at least three times are clustered by the exchange algorithm (Kneser & Ney 1993;
//! Martin, Liermann & Ney 1998), which moves each word to the class that most raises the
//! likelihood of a class bigram model, once per granularity. Deterministic.

use claimtrail_entities::clusters::{key, Clusters, LEVELS};
use claimtrail_entities::features::{hash_bytes, normalise};
use claimtrail_text::Doc;
use std::collections::HashMap;
use std::path::Path;

const MIN_COUNT: u32 = 3;
const ITERS: usize = 10;

/// Texts of an input: the files' contents, or a CoNLL file's sentences as lines.
fn texts(input: &str) -> Vec<String> {
    if let Some(path) = input.strip_prefix("conll:") {
        let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut out = vec![String::new()];
        for line in data.lines() {
            let w = line.split_whitespace().next();
            match w {
                Some("-DOCSTART-") => out.push(String::new()),
                Some(w) => {
                    let t = out.last_mut().expect("one text");
                    if !t.is_empty() && !t.ends_with('\n') {
                        t.push(' ');
                    }
                    t.push_str(w);
                }
                None => {
                    let t = out.last_mut().expect("one text");
                    if !t.is_empty() && !t.ends_with('\n') {
                        t.push('\n');
                    }
                }
            }
        }
        return out;
    }
    let mut fs = claimtrail_entities::corpus::text_files(Path::new(input));
    if fs.is_empty() && Path::new(input).is_file() {
        fs.push(input.into());
    }
    fs.iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect()
}

/// x ln x, tabulated for small counts.
struct XLogX(Vec<f64>);
impl XLogX {
    fn new() -> Self {
        XLogX(
            (0..1u32 << 20)
                .map(|x| {
                    if x == 0 {
                        0.0
                    } else {
                        x as f64 * (x as f64).ln()
                    }
                })
                .collect(),
        )
    }
    #[inline]
    fn g(&self, x: i64) -> f64 {
        match self.0.get(x as usize) {
            Some(&v) if x >= 0 => v,
            _ if x <= 0 => 0.0,
            _ => x as f64 * (x as f64).ln(),
        }
    }
}

struct Corpus {
    /// Per word: (next word, count) and (previous word, count), the word itself left out.
    right: Vec<Vec<(u32, u32)>>,
    left: Vec<Vec<(u32, u32)>>,
    /// Bigrams of a word with itself.
    selfc: Vec<u32>,
    /// Bigrams with the word first / second.
    first: Vec<i64>,
    second: Vec<i64>,
}

fn exchange(cp: &Corpus, order: &[u32], c: usize, tab: &XLogX) -> Vec<u16> {
    let nw = cp.right.len();
    let mut cls = vec![0u16; nw];
    for (r, &w) in order.iter().enumerate() {
        cls[w as usize] = (r % c) as u16;
    }
    let mut n = vec![0i64; c * c];
    let (mut nf, mut ns) = (vec![0i64; c], vec![0i64; c]);
    for w in 0..nw {
        let a = cls[w] as usize;
        for &(v, k) in &cp.right[w] {
            n[a * c + cls[v as usize] as usize] += k as i64;
        }
        n[a * c + a] += cp.selfc[w] as i64;
        nf[a] += cp.first[w];
        ns[a] += cp.second[w];
    }
    let (mut rc, mut lc) = (vec![0i64; c], vec![0i64; c]);
    let (mut rt, mut lt): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for it in 0..ITERS {
        let mut moves = 0usize;
        for &w in order {
            let w = w as usize;
            let a = cls[w] as usize;
            for &(v, k) in &cp.right[w] {
                let x = cls[v as usize] as usize;
                if rc[x] == 0 {
                    rt.push(x);
                }
                rc[x] += k as i64;
            }
            for &(u, k) in &cp.left[w] {
                let x = cls[u as usize] as usize;
                if lc[x] == 0 {
                    lt.push(x);
                }
                lc[x] += k as i64;
            }
            let s = cp.selfc[w] as i64;
            let (cf, cs) = (cp.first[w], cp.second[w]);
            let mv = |n: &mut [i64], nf: &mut [i64], ns: &mut [i64], b: usize, sign: i64| {
                for &x in &rt {
                    n[b * c + x] += sign * rc[x];
                }
                for &x in &lt {
                    n[x * c + b] += sign * lc[x];
                }
                n[b * c + b] += sign * s;
                nf[b] += sign * cf;
                ns[b] += sign * cs;
            };
            mv(&mut n, &mut nf, &mut ns, a, -1);
            let gain = |b: usize| -> f64 {
                let mut d = 0.0;
                for &x in &rt {
                    if x != b {
                        let v = n[b * c + x];
                        d += tab.g(v + rc[x]) - tab.g(v);
                    }
                }
                for &x in &lt {
                    if x != b {
                        let v = n[x * c + b];
                        d += tab.g(v + lc[x]) - tab.g(v);
                    }
                }
                let v = n[b * c + b];
                d += tab.g(v + rc[b] + lc[b] + s) - tab.g(v);
                d -= tab.g(nf[b] + cf) - tab.g(nf[b]);
                d -= tab.g(ns[b] + cs) - tab.g(ns[b]);
                d
            };
            let (mut best, mut best_gain) = (a, gain(a));
            for b in 0..c {
                if b != a {
                    let g = gain(b);
                    if g > best_gain + 1e-9 {
                        best = b;
                        best_gain = g;
                    }
                }
            }
            mv(&mut n, &mut nf, &mut ns, best, 1);
            if best != a {
                cls[w] = best as u16;
                moves += 1;
            }
            for &x in &rt {
                rc[x] = 0;
            }
            for &x in &lt {
                lc[x] = 0;
            }
            rt.clear();
            lt.clear();
        }
        let mut ll = 0.0;
        for &v in &n {
            ll += tab.g(v);
        }
        for b in 0..c {
            ll -= tab.g(nf[b]) + tab.g(ns[b]);
        }
        eprintln!(
            "  {c} classes, iteration {}: {moves} moves, objective {ll:.0}",
            it + 1
        );
        if moves * 1000 < order.len() {
            break;
        }
    }
    cls
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: cluster-words OUT CLASSES[,CLASSES] INPUT...");
        std::process::exit(2);
    }
    let sizes: Vec<usize> = args[2].split(',').filter_map(|s| s.parse().ok()).collect();
    assert_eq!(sizes.len(), LEVELS, "one class count per level");
    // Word ids: 0 is the sentence boundary.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = vec![String::new()];
    let mut stream: Vec<u32> = vec![0];
    let mut buf = String::new();
    for input in &args[3..] {
        for text in texts(input) {
            let doc = Doc::new(&text);
            for s in &doc.sentences {
                for i in s.first_token..s.end_token {
                    buf.clear();
                    normalise(doc.token_text(i), &mut buf);
                    let id = match ids.get(&buf) {
                        Some(&id) => id,
                        None => {
                            let id = words.len() as u32;
                            ids.insert(buf.clone(), id);
                            words.push(buf.clone());
                            id
                        }
                    };
                    stream.push(id);
                }
                stream.push(0);
            }
        }
    }
    let mut count = vec![0u32; words.len()];
    for &w in &stream {
        count[w as usize] += 1;
    }
    // Rare words share one id (1 after renumbering), as unknown words.
    let mut remap = vec![1u32; words.len()];
    let mut kept: Vec<String> = vec![String::new(), String::new()];
    remap[0] = 0;
    for (w, &k) in count.iter().enumerate().skip(1) {
        if k >= MIN_COUNT {
            remap[w] = kept.len() as u32;
            kept.push(words[w].clone());
        }
    }
    let nw = kept.len();
    let mut big: HashMap<(u32, u32), u32> = HashMap::new();
    for p in stream.windows(2) {
        *big.entry((remap[p[0] as usize], remap[p[1] as usize]))
            .or_insert(0) += 1;
    }
    let mut cp = Corpus {
        right: vec![Vec::new(); nw],
        left: vec![Vec::new(); nw],
        selfc: vec![0; nw],
        first: vec![0; nw],
        second: vec![0; nw],
    };
    let mut pairs: Vec<_> = big.into_iter().collect();
    pairs.sort_unstable();
    for ((a, b), k) in pairs {
        cp.first[a as usize] += k as i64;
        cp.second[b as usize] += k as i64;
        if a == b {
            cp.selfc[a as usize] += k;
        } else {
            cp.right[a as usize].push((b, k));
            cp.left[b as usize].push((a, k));
        }
    }
    let mut order: Vec<u32> = (0..nw as u32).collect();
    order.sort_by_key(|&w| (std::cmp::Reverse(cp.first[w as usize]), w));
    eprintln!(
        "{} tokens, {} words kept of {}",
        stream.len(),
        nw - 2,
        words.len() - 1
    );
    let tab = XLogX::new();
    let levels: Vec<Vec<u16>> = sizes
        .iter()
        .map(|&c| exchange(&cp, &order, c, &tab))
        .collect();
    let mut entries: Vec<(u32, [u16; LEVELS])> = (2..nw)
        .map(|w| {
            let mut cls = [0u16; LEVELS];
            for (c, l) in cls.iter_mut().zip(&levels) {
                *c = l[w] + 1;
            }
            (key(hash_bytes(kept[w].as_bytes())), cls)
        })
        .collect();
    let bytes = Clusters::encode(&mut entries);
    std::fs::write(&args[1], &bytes).unwrap_or_else(|e| panic!("{}: {e}", args[1]));
    eprintln!("{} words, {} bytes", entries.len(), bytes.len());
}
