//! The sequence model: an averaged structured perceptron over BIO tags with hashed features,
//! decoded exactly per sentence (Viterbi over tag pairs, I-X only after B-X or I-X). Tagging and
//! training share [`tag_doc`], so training sees exactly the decoder's behaviour (its own
//! predicted history from earlier sentences, as at run time).

use crate::features::{
    context_features, history_features, static_features, token_infos, transition_feature,
    word_features, Contexts, TokInfo,
};
use crate::gazetteer::Gaz;
use crate::varint::{get_varint, put_varint};
use claimtrail_text::{Doc, TokenKind};
use rustc_hash::FxHashMap;
use std::io::Read;

/// Tags: O, then B/I for PER, ORG, LOC, MISC.
pub const NL: usize = 9;
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Hash table size (log2 of buckets). Each bucket holds one weight per tag.
pub const BITS: u32 = 20;
pub const BUCKETS: usize = 1 << BITS;
/// History value of a capitalised word last tagged O (0 is "not seen").
const HIST_O: u8 = 5;

/// Records the tag a word got, for the document-history feature of its later occurrences: its
/// entity type, or "outside" for a capitalised word tagged O.
fn remember(hist: &mut FxHashMap<u64, u8>, key: u64, cap: bool, best: u8) {
    if best != 0 {
        hist.insert(key, type_of(best) as u8 + 1);
    } else if cap {
        hist.insert(key, HIST_O);
    }
}
const MAGIC: &[u8; 8] = b"CTNER\x00\x00\x03";

pub fn is_inside(l: u8) -> bool {
    l > 0 && l.is_multiple_of(2)
}

/// Type index (into [`TYPES`]) of a non-O tag.
pub fn type_of(l: u8) -> usize {
    (l as usize - 1) / 2
}

/// Whether tag `l` may follow `prev` (I-X only continues X). A sentence starts after O.
pub fn allowed(prev: u8, l: u8) -> bool {
    !is_inside(l) || prev == l || prev + 1 == l
}

pub fn bucket(f: u64) -> usize {
    (f >> (64 - BITS)) as usize
}

/// Something that scores features: the trained model, or the perceptron while it learns.
pub trait Scorer {
    fn score(&self, feats: &[u64], out: &mut [f32; NL]);
    /// Adds `delta` to the weights of `feats` for tag `l`; called while learning only.
    fn update(&mut self, _feats: &[u64], _l: u8, _delta: i32) {}
    /// One training sentence seen (the averaging clock).
    fn tick(&mut self) {}
    /// Learns from a decoded training sentence by a rule of its own (a CRF's log-loss, a
    /// passive-aggressive step); `false` leaves it to the perceptron update of [`tag_doc`].
    fn learn(&mut self, _s: &Sentence<'_>) -> bool {
        false
    }
}

/// A training sentence as the decoder saw it: what a learner other than the perceptron needs.
pub struct Sentence<'a> {
    /// Each token's features (the transition features are not among them).
    pub feats: &'a [Vec<u64>],
    /// `emit[k][l]`: the score of tag `l` at token `k` under the current weights.
    pub emit: &'a [[f64; NL]],
    /// `trans[p][l]`: the score of the step from tag `p` to `l` (O before the first token).
    pub trans: &'a [[f64; NL]; NL],
    /// The gold tags (repaired to a sequence the decoder can produce) and the decoded ones.
    pub gold: &'a [u8],
    pub path: &'a [u8],
}

/// The best tag sequence of a sentence: `emit[k][l]` scores tag `l` at token `k`, `trans[p][l]`
/// the step from tag `p` to `l` (O before the first token). Ties go to the lower tag, so every
/// caller that computes the same scores gets the same tags.
fn viterbi(
    emit: &[[f64; NL]],
    trans: &[[f64; NL]; NL],
    back: &mut Vec<[u8; NL]>,
    out: &mut Vec<u8>,
) {
    out.clear();
    let n = emit.len();
    if n == 0 {
        return;
    }
    // Forbidden steps cost minus infinity: the inner loop needs no test.
    let mut t = *trans;
    for (p, row) in t.iter_mut().enumerate() {
        for (l, x) in row.iter_mut().enumerate() {
            if !allowed(p as u8, l as u8) {
                *x = f64::NEG_INFINITY;
            }
        }
    }
    back.clear();
    back.resize(n, [0; NL]);
    let mut cur = [0f64; NL];
    for l in 0..NL {
        cur[l] = emit[0][l] + t[0][l];
    }
    for k in 1..n {
        if emit[k][1] == f64::NEG_INFINITY && emit[k][0].is_finite() {
            // A token decoded as O without its features: one column to fill, not nine.
            let (mut best, mut arg) = (cur[0] + t[0][0], 0u8);
            for p in 1..NL {
                let s = cur[p] + t[p][0];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            cur = [f64::NEG_INFINITY; NL];
            cur[0] = best + emit[k][0];
            back[k] = [arg; NL];
            continue;
        }
        let mut next = [0f64; NL];
        for l in 0..NL {
            // I-X follows only B-X (l - 1) or I-X: two candidates instead of nine.
            let from = if is_inside(l as u8) { l - 1 } else { 0 };
            let to = if is_inside(l as u8) { l + 1 } else { NL };
            let (mut best, mut arg) = (cur[from] + t[from][l], from as u8);
            for p in from + 1..to {
                let s = cur[p] + t[p][l];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[l] = best + emit[k][l];
            back[k][l] = arg;
        }
        cur = next;
    }
    let mut l = 0u8;
    for (k, &s) in cur.iter().enumerate() {
        if s > cur[l as usize] {
            l = k as u8;
        }
    }
    out.resize(n, 0);
    for k in (0..n).rev() {
        out[k] = l;
        l = back[k][l as usize];
    }
}

/// A lower-case word (ASCII letters only) inside a sentence cased as prose, with neither
/// neighbour capitalised and no gazetteer entry on it: the model tags such a word O, so
/// decoding takes O for it without reading its features. It is over half the tokens of news
/// prose, and their feature sums were most of the tagger's time. Sentence starts, headlines
/// and all-lower-case web text (where case says nothing) are read as before; a sentence
/// without a capital that closes with a full stop, inside a document that capitalises names
/// elsewhere, is prose (a line of a URL's words is not).
///
/// Sentence punctuation after such a word (commas, full stops, quotation marks, dashes: rarely
/// part of a name in the training data, unlike "&", "/", brackets and apostrophes) is decoded
/// as O too, and so is a number between two such words ("the 2016 election", "10,000
/// people"); a number beside a capital ("Apollo 11", "Windows 10") is read.
pub fn plainly_outside(doc: &Doc, info: &[TokInfo], lo: usize, hi: usize, i: usize) -> bool {
    let t = &info[i];
    let kind = doc.tokens[i].kind;
    if t.caps_sentence || t.lower_sentence && !t.prose {
        return false;
    }
    if kind == TokenKind::Punct {
        // After a name the mark may close it ("Calif.", "Yahoo!", "Washington, D.C."): read.
        let after_plain = i == lo || {
            let p = &info[i - 1];
            !p.cap && !p.all_caps && p.gaz == 0
        };
        return t.gaz == 0 && after_plain && sentence_mark(doc.token_text(i));
    }
    if i == lo || t.cap || t.gaz != 0 {
        return false;
    }
    let lower_word = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
    let plain = |j: usize| {
        let n = &info[j];
        !n.cap && !n.all_caps
    };
    // A hyphen joins the word to the one beyond it ("al - Qaeda" in tokenised text): that one
    // counts as the neighbour too.
    let hyphen = |j: usize| matches!(doc.token_text(j), "-" | "–");
    let before = plain(i - 1) && (i - 1 == lo || !hyphen(i - 1) || plain(i - 2));
    let after = i + 1 >= hi || plain(i + 1) && (i + 2 >= hi || !hyphen(i + 1) || plain(i + 2));
    if kind == TokenKind::Number {
        return before && after;
    }
    let w = doc.token_text(i);
    // Beside a capital, only the small words that join a name's parts ("Bank of America",
    // "Charles de Gaulle", "al - Qaeda") may be inside it.
    lower_word(w) && (before && after || !claimtrail_lexicon::is_name_joiner(w))
}

/// Punctuation that ends or splits a clause or opens and closes a quotation.
fn sentence_mark(w: &str) -> bool {
    matches!(
        w,
        "," | "." | ";" | "?" | "!" | "\"" | "“" | "”" | "''" | "``" | "—" | "--" | "…" | "..."
    )
}

/// Emission of a token decoded as O without its features: only O is open to it.
const ONLY_O: [f64; NL] = {
    let mut e = [f64::NEG_INFINITY; NL];
    e[0] = 0.0;
    e
};

/// Tags a document; with `gold`, also lets the scorer learn from each sentence (a structured
/// perceptron update where the best path differs from the gold one).
pub fn tag_doc<S: Scorer>(doc: &Doc, gaz: &Gaz, s: &mut S, gold: Option<&[u8]>) -> Vec<u8> {
    tag_doc_inner(doc, gaz, s, gold, None)
}

/// Tags a document as [`tag_doc`] does without gold, and gives each token the margin of its
/// decoded tag: the score of the best path through that tag less the score of the best path
/// through any other tag at that token (its max-marginal margin, 0 where two tags tie). A
/// confidence for self-training: training code only, never on the analysis path.
pub fn tag_doc_margins<S: Scorer>(doc: &Doc, gaz: &Gaz, s: &mut S) -> (Vec<u8>, Vec<f64>) {
    let mut margins = vec![0f64; doc.tokens.len()];
    let tags = tag_doc_inner(doc, gaz, s, None, Some(&mut margins));
    (tags, margins)
}

/// Per-token max-marginal margins of the best path `path` (see [`tag_doc_margins`]).
fn max_marginal_margins(emit: &[[f64; NL]], trans: &[[f64; NL]; NL], path: &[u8], out: &mut [f64]) {
    let n = emit.len();
    if n == 0 || path.len() != n || out.len() != n {
        return;
    }
    let step = |p: usize, l: usize| {
        if allowed(p as u8, l as u8) {
            trans[p][l]
        } else {
            f64::NEG_INFINITY
        }
    };
    // alpha[k][l]: best score of a prefix ending in tag l at k (its emission included);
    // beta[k][l]: best score of the rest after tag l at k.
    let mut alpha = vec![[f64::NEG_INFINITY; NL]; n];
    let mut beta = vec![[0f64; NL]; n];
    for l in 0..NL {
        alpha[0][l] = emit[0][l] + step(0, l);
    }
    for k in 1..n {
        for l in 0..NL {
            let best = (0..NL)
                .map(|p| alpha[k - 1][p] + step(p, l))
                .fold(f64::NEG_INFINITY, f64::max);
            alpha[k][l] = best + emit[k][l];
        }
    }
    for k in (0..n - 1).rev() {
        for p in 0..NL {
            beta[k][p] = (0..NL)
                .map(|l| step(p, l) + emit[k + 1][l] + beta[k + 1][l])
                .fold(f64::NEG_INFINITY, f64::max);
        }
    }
    for k in 0..n {
        let best = path[k] as usize;
        let m = alpha[k][best] + beta[k][best];
        let other = (0..NL)
            .filter(|&l| l != best)
            .map(|l| alpha[k][l] + beta[k][l])
            .fold(f64::NEG_INFINITY, f64::max);
        out[k] = if other.is_finite() {
            (m - other).max(0.0)
        } else {
            f64::INFINITY
        };
    }
}

fn tag_doc_inner<S: Scorer>(
    doc: &Doc,
    gaz: &Gaz,
    s: &mut S,
    gold: Option<&[u8]>,
    mut margins: Option<&mut Vec<f64>>,
) -> Vec<u8> {
    let (info, ctx) = token_infos(doc, gaz);
    let mut tags = vec![0u8; doc.tokens.len()];
    let mut hist: FxHashMap<u64, u8> = FxHashMap::default();
    let mut feats: Vec<Vec<u64>> = Vec::new();
    let mut emit: Vec<[f64; NL]> = Vec::new();
    let mut trans = [[0f64; NL]; NL];
    let mut path = Vec::new();
    let mut back = Vec::new();
    let mut gold_path: Vec<u8> = Vec::new();
    let mut sc = [0f32; NL];
    for sent in &doc.sentences {
        let (lo, hi) = (sent.first_token, sent.end_token);
        // The transition rows change as the perceptron learns: read them per sentence.
        for p in 0..NL as u8 {
            s.score(&[transition_feature(p)], &mut sc);
            trans[p as usize] = sc.map(f64::from);
        }
        if feats.len() < hi - lo {
            feats.resize_with(hi - lo, Vec::new);
        }
        emit.clear();
        for i in lo..hi {
            let f = &mut feats[i - lo];
            f.clear();
            // Learning reads every token: the gold may name what the shortcut would skip.
            if gold.is_none() && plainly_outside(doc, &info, lo, hi, i) {
                emit.push(ONLY_O);
                continue;
            }
            static_features(&info, &ctx, lo, hi, i, f);
            let t: &TokInfo = &info[i];
            history_features(t, hist.get(&t.key).copied().unwrap_or(0), f);
            s.score(f, &mut sc);
            emit.push(sc.map(f64::from));
        }
        viterbi(&emit, &trans, &mut back, &mut path);
        if let Some(m) = margins.as_deref_mut() {
            if let Some(out) = m.get_mut(lo..hi) {
                max_marginal_margins(&emit, &trans, &path, out);
            }
        }
        if let Some(g) = gold {
            s.tick();
            // A gold sequence the decoder cannot produce (an entity split by a sentence end or
            // a token boundary) starts its stray inside tag as a beginning.
            gold_path.clear();
            for &l in &g[lo..hi] {
                let prev = gold_path.last().copied().unwrap_or(0);
                gold_path.push(if allowed(prev, l) { l } else { l - 1 });
            }
            let g = &gold_path;
            let learnt = s.learn(&Sentence {
                feats: &feats[..hi - lo],
                emit: &emit,
                trans: &trans,
                gold: g,
                path: &path,
            });
            if !learnt && g != &path {
                for k in 0..g.len() {
                    let (gp, pp) = if k == 0 {
                        (0, 0)
                    } else {
                        (g[k - 1], path[k - 1])
                    };
                    if g[k] != path[k] {
                        s.update(&feats[k], g[k], 1);
                        s.update(&feats[k], path[k], -1);
                    }
                    if (gp, g[k]) != (pp, path[k]) {
                        s.update(&[transition_feature(gp)], g[k], 1);
                        s.update(&[transition_feature(pp)], path[k], -1);
                    }
                }
            }
        }
        for (k, &l) in path.iter().enumerate() {
            let t = &info[lo + k];
            tags[lo + k] = l;
            remember(&mut hist, t.key, t.cap, l);
        }
    }
    tags
}

/// Tokens whose features are gathered (and their weight rows prefetched) before any of them is
/// summed: enough rows in flight to hide the weight table's cache misses, few enough (about 64
/// rows of 18 bytes per token) to stay in L2.
const BLOCK: usize = 32;

/// Tags a document with the trained model: the same tags as [`tag_doc`] with the model as
/// scorer (a test checks), faster. A token's static features do not depend on any tag, so they
/// are summed for blocks of tokens ahead of decoding, their weight rows prefetched as they are
/// hashed, so the table's cache misses overlap instead of stalling each token in turn; the two
/// history features are added sentence by sentence.
pub fn tag_with_model(doc: &Doc, gaz: &Gaz, m: &Model) -> Vec<u8> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("popcnt") {
        // SAFETY: the CPU has just been checked for the one feature the function enables.
        return unsafe { tag_with_popcnt(doc, gaz, m) };
    }
    tag_blocks(doc, gaz, m)
}

/// [`tag_blocks`] compiled with the popcount instruction, which the row lookup's rank uses
/// per feature (the x86_64 baseline lacks it and emulates it in a dozen instructions).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "popcnt")]
fn tag_with_popcnt(doc: &Doc, gaz: &Gaz, m: &Model) -> Vec<u8> {
    tag_blocks(doc, gaz, m)
}

#[inline(always)]
fn tag_blocks(doc: &Doc, gaz: &Gaz, m: &Model) -> Vec<u8> {
    let (info, ctx) = token_infos(doc, gaz);
    let n = doc.tokens.len();
    let mut plain = vec![false; n];
    for s in &doc.sentences {
        let (lo, hi) = (s.first_token, s.end_token);
        for (i, p) in plain.iter_mut().enumerate().take(hi).skip(lo) {
            *p = plainly_outside(doc, &info, lo, hi, i);
        }
    }
    let sums = static_sums(doc, &info, &ctx, &plain, m);
    let mut feats = Vec::with_capacity(8);

    let mut tags = vec![0u8; n];
    let mut hist: FxHashMap<u64, u8> = FxHashMap::default();
    let mut emit: Vec<[f64; NL]> = Vec::new();
    let mut path = Vec::new();
    let mut back = Vec::new();
    let mut trans = [[0f64; NL]; NL];
    for p in 0..NL as u8 {
        let mut acc = [0i32; NL];
        m.add_rows(&[m.row_or_zero(bucket(transition_feature(p)))], &mut acc);
        trans[p as usize] = acc.map(f64::from);
    }
    for sent in &doc.sentences {
        let (lo, hi) = (sent.first_token, sent.end_token);
        emit.clear();
        for ((t, sum), &skip) in info[lo..hi].iter().zip(&sums[lo..hi]).zip(&plain[lo..hi]) {
            if skip {
                emit.push(ONLY_O);
                continue;
            }
            // The history templates read the tags of earlier sentences: added now.
            feats.clear();
            history_features(t, hist.get(&t.key).copied().unwrap_or(0), &mut feats);
            let mut acc = *sum;
            for &f in &feats {
                m.add_rows(&[m.row_or_zero(bucket(f))], &mut acc);
            }
            emit.push(acc.map(f64::from));
        }
        viterbi(&emit, &trans, &mut back, &mut path);
        for (k, &l) in path.iter().enumerate() {
            let t = &info[lo + k];
            tags[lo + k] = l;
            remember(&mut hist, t.key, t.cap, l);
        }
    }
    tags
}

/// Every token's sum of its [`static_features`]' weight rows (none for a token decoded as O
/// without its features, `plain`). The static templates do not read the tags: every token's
/// static sum is computed first, in blocks of tokens across sentence ends, so that a block's
/// rows are on their way while the next block's features are hashed (a sentence is mostly
/// shorter than a block, and summing it at once stalled on its rows). A token's
/// [`word_features`] are summed once for each word as written (at the first of its tokens read)
/// and added to the sum of each of its tokens' [`context_features`]: integer sums, so the
/// totals are those of summing each token's static features.
#[inline(always)]
fn static_sums(
    doc: &Doc,
    info: &[TokInfo],
    ctx: &Contexts,
    plain: &[bool],
    m: &Model,
) -> Vec<[i32; NL]> {
    let n = doc.tokens.len();
    let mut sums = vec![[0i32; NL]; n];
    // The sums of the word templates, at the word's first token (`TokInfo::word`).
    let mut words = vec![[0i32; NL]; n];
    let mut asked = vec![false; n];
    let order: Vec<(usize, usize, usize)> = doc
        .sentences
        .iter()
        .flat_map(|s| (s.first_token..s.end_token).map(move |i| (i, s.first_token, s.end_token)))
        .collect();
    let mut feats = Vec::with_capacity(64);
    let mut cur = Block::default();
    let mut prev = Block::default();
    for chunk in order.chunks(BLOCK) {
        // Feature buckets, prefetching their occupancy words; then rows, prefetching the
        // weights; then the previous block's sums, whose rows have had this block's time.
        cur.clear();
        for &(i, lo, hi) in chunk {
            if plain.get(i).copied().unwrap_or(true) {
                continue;
            }
            let w = info[i].word as usize;
            if let Some(a) = asked.get_mut(w).filter(|a| !**a) {
                *a = true;
                feats.clear();
                word_features(info, i, &mut feats);
                cur.push(m, &feats, Target::Word(w));
            }
            feats.clear();
            context_features(info, ctx, lo, hi, i, &mut feats);
            cur.push(m, &feats, Target::Token(i));
        }
        for r in cur.rows.iter_mut() {
            *r = m.row_or_zero(*r);
            m.prefetch_row(*r);
        }
        prev.sum_into(m, &mut sums, &mut words);
        std::mem::swap(&mut cur, &mut prev);
    }
    prev.sum_into(m, &mut sums, &mut words);
    for (i, sum) in sums.iter_mut().enumerate() {
        if plain.get(i).copied().unwrap_or(true) {
            continue;
        }
        if let Some(w) = words.get(info[i].word as usize) {
            for (s, x) in sum.iter_mut().zip(w) {
                *s += x;
            }
        }
    }
    sums
}

/// Where a block's sum goes: a token's context sum, or a word's (by its first token).
#[derive(Clone, Copy)]
enum Target {
    Token(usize),
    Word(usize),
}

/// A block of tokens between hashing their static features and summing their rows.
#[derive(Default)]
struct Block {
    /// Feature buckets, then (in place) their rows.
    rows: Vec<usize>,
    /// Where each sum's rows end in `rows`.
    ends: Vec<usize>,
    targets: Vec<Target>,
}

impl Block {
    fn clear(&mut self) {
        self.rows.clear();
        self.ends.clear();
        self.targets.clear();
    }

    /// Adds a sum of features to the block, prefetching their buckets' occupancy words.
    #[inline(always)]
    fn push(&mut self, m: &Model, feats: &[u64], target: Target) {
        for &f in feats {
            let b = bucket(f);
            m.prefetch_occupancy(b);
            self.rows.push(b);
        }
        self.ends.push(self.rows.len());
        self.targets.push(target);
    }

    /// Sums each target's rows into its entry of `sums` or `words`.
    #[inline(always)]
    fn sum_into(&self, m: &Model, sums: &mut [[i32; NL]], words: &mut [[i32; NL]]) {
        let mut from = 0;
        for (&end, &target) in self.ends.iter().zip(&self.targets) {
            let mut acc = [0i32; NL];
            m.add_rows(self.rows.get(from..end).unwrap_or(&[]), &mut acc);
            from = end;
            let to = match target {
                Target::Token(i) => sums.get_mut(i),
                Target::Word(w) => words.get_mut(w),
            };
            if let Some(s) = to {
                *s = acc;
            }
        }
    }
}

/// Asks the CPU to start loading the cache line holding `x`; a hint only.
#[inline(always)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults and reads nothing into the program; the pointer comes from
    // a reference. SSE is part of the x86_64 baseline.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((x as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Token spans `(first, end, type)` of a tag sequence.
pub fn spans(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (i, &l) in tags.iter().enumerate() {
        let cont = matches!(cur, Some((_, ty)) if is_inside(l) && type_of(l) == ty);
        if !cont {
            if let Some((s, ty)) = cur.take() {
                out.push((s, i, ty));
            }
            if l != 0 {
                cur = Some((i, type_of(l)));
            }
        }
    }
    if let Some((s, ty)) = cur {
        out.push((s, tags.len(), ty));
    }
    out
}

/// The trained weights, quantised to i16, stored sparsely: under a tenth of the buckets hold
/// weights, so an occupancy bitmap (small enough to stay in cache) answers most lookups and the
/// rows that exist sit densely in about 2 MB instead of an 18 MB table.
pub struct Model {
    index: Vec<Occupancy>,
    rows: Vec<[i16; NL]>,
}

/// Which of 64 consecutive buckets hold a row, and how many rows come before them.
#[derive(Clone, Copy, Default)]
struct Occupancy {
    bits: u64,
    before: u32,
}

impl Scorer for Model {
    #[inline]
    fn score(&self, feats: &[u64], out: &mut [f32; NL]) {
        let mut acc = [0i32; NL];
        for &f in feats {
            if let Some(r) = self.row_of(bucket(f)) {
                self.add_rows(&[r], &mut acc);
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o = a as f32;
        }
    }
}

impl Model {
    /// The row of a bucket, if it holds weights.
    #[inline]
    fn row_of(&self, bucket: usize) -> Option<usize> {
        let o = self.index.get(bucket >> 6)?;
        let bit = 1u64 << (bucket & 63);
        (o.bits & bit != 0).then(|| o.before as usize + (o.bits & (bit - 1)).count_ones() as usize)
    }

    /// The weight of tag `l` in a bucket (0 for an empty bucket).
    pub fn weight(&self, bucket: usize, l: usize) -> i16 {
        self.row_of(bucket)
            .and_then(|r| self.rows.get(r))
            .and_then(|row| row.get(l).copied())
            .unwrap_or(0)
    }

    /// Adds the weight rows `rows` (from [`Model::row_of`]) to `acc`.
    #[inline(always)]
    fn add_rows(&self, rows: &[usize], acc: &mut [i32; NL]) {
        for &r in rows {
            if let Some(row) = self.rows.get(r) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
    }

    /// The row of a bucket, or the all-zero row past the real ones: no branch on whether the
    /// bucket holds weights, which is a coin toss the CPU would often mispredict.
    #[inline(always)]
    fn row_or_zero(&self, bucket: usize) -> usize {
        let zero = self.rows.len() - 1;
        match self.index.get(bucket >> 6) {
            Some(o) => {
                let bit = 1u64 << (bucket & 63);
                let r = o.before as usize + (o.bits & (bit - 1)).count_ones() as usize;
                if o.bits & bit != 0 {
                    r
                } else {
                    zero
                }
            }
            None => zero,
        }
    }

    /// Asks the CPU to start loading row `r`; a hint only.
    #[inline(always)]
    fn prefetch_row(&self, r: usize) {
        if let Some(row) = self.rows.get(r) {
            prefetch(row);
        }
    }

    /// Asks the CPU to start loading the occupancy word of a bucket; a hint only.
    #[inline(always)]
    fn prefetch_occupancy(&self, bucket: usize) {
        if let Some(o) = self.index.get(bucket >> 6) {
            prefetch(o);
        }
    }

    /// A model from its non-empty rows, in increasing bucket order.
    fn from_rows(buckets: &[usize], rows: Vec<[i16; NL]>) -> Model {
        let mut index = vec![Occupancy::default(); BUCKETS / 64];
        for &b in buckets {
            if let Some(o) = index.get_mut(b >> 6) {
                o.bits |= 1 << (b & 63);
            }
        }
        let mut before = 0u32;
        for o in &mut index {
            o.before = before;
            before += o.bits.count_ones();
        }
        let mut rows = rows;
        // The zero row that empty buckets read (see `row_or_zero`).
        rows.push([0; NL]);
        Model { index, rows }
    }

    /// Reads a model file: deflated magic, then for each non-zero bucket a varint gap from the
    /// previous one and its NL little-endian i16 weights. Sparse, so loading touches only the
    /// weights training set (a few hundred thousand buckets), not the whole table.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(bytes)
            .read_to_end(&mut raw)
            .ok()?;
        Model::from_raw(&raw)
    }

    /// [`Model::from_bytes`] of bytes already inflated (the build script inflates the embedded
    /// model).
    pub fn from_raw(raw: &[u8]) -> Option<Model> {
        if raw.get(..8)? != MAGIC {
            return None;
        }
        // Sized up front (a row takes at least NL * 2 + 1 bytes): grown by doubling, the 2.5 MB
        // of rows were copied and faulted in several times over at every start.
        let most = raw.len() / (NL * 2 + 1) + 1;
        let mut buckets: Vec<usize> = Vec::with_capacity(most);
        let mut rows: Vec<[i16; NL]> = Vec::with_capacity(most + 1);
        let mut pos = 8;
        let mut bucket = 0usize;
        let mut first = true;
        while pos < raw.len() {
            let gap = usize::try_from(get_varint(raw, &mut pos)?).ok()?;
            bucket = if first { gap } else { bucket + gap };
            first = false;
            if bucket >= BUCKETS {
                return None;
            }
            let vals = raw.get(pos..pos + NL * 2)?;
            let mut row = [0i16; NL];
            for (x, c) in row.iter_mut().zip(vals.chunks_exact(2)) {
                *x = i16::from_le_bytes([c[0], c[1]]);
            }
            pos += NL * 2;
            // A repeated bucket (gap 0) overwrites, as writing into a full table would.
            if buckets.last() == Some(&bucket) {
                if let Some(last) = rows.last_mut() {
                    *last = row;
                }
            } else {
                buckets.push(bucket);
                rows.push(row);
            }
        }
        Some(Model::from_rows(&buckets, rows))
    }

    /// An empty model (tags nothing): the fallback if the weight file is unreadable.
    pub fn empty() -> Model {
        Model::from_rows(&[], Vec::new())
    }

    /// Quantises float weights (BUCKETS * NL of them) and writes the model file.
    pub fn encode(weights: &[f32]) -> Vec<u8> {
        use std::io::Write;
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = 32767.0 / max;
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        let mut last: Option<usize> = None;
        for (bucket, row) in weights.chunks_exact(NL).enumerate() {
            let q: Vec<i16> = row
                .iter()
                .map(|w| (w * scale).round().clamp(-32767.0, 32767.0) as i16)
                .collect();
            if q.iter().all(|&x| x == 0) {
                continue;
            }
            let gap = last.map_or(bucket, |l| bucket - l);
            last = Some(bucket);
            put_varint(&mut raw, gap as u64);
            for x in q {
                raw.extend_from_slice(&x.to_le_bytes());
            }
        }
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = enc.write_all(&raw);
        enc.finish().unwrap_or_default()
    }
}

impl Scorer for &Model {
    #[inline]
    fn score(&self, feats: &[u64], out: &mut [f32; NL]) {
        (**self).score(feats, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_random::XorShift;

    #[test]
    fn spans_follow_bio_and_repair_stray_insides() {
        // B-PER I-PER O I-ORG B-LOC B-LOC
        assert_eq!(
            spans(&[1, 2, 0, 4, 5, 5]),
            vec![(0, 2, 0), (3, 4, 1), (4, 5, 2), (5, 6, 2)]
        );
        assert!(spans(&[]).is_empty());
    }

    /// Max-marginal margins against brute force: every allowed path of a three-token sentence.
    #[test]
    fn margins_are_best_path_less_best_other_tag() {
        let mut x: u64 = 7;
        let mut rnd = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 1000) as f64 / 100.0
        };
        let emit: Vec<[f64; NL]> = (0..3).map(|_| std::array::from_fn(|_| rnd())).collect();
        let trans: [[f64; NL]; NL] = std::array::from_fn(|_| std::array::from_fn(|_| rnd()));
        let score = |p: &[u8]| -> Option<f64> {
            let mut s = 0.0;
            let mut prev = 0u8;
            for (k, &l) in p.iter().enumerate() {
                if !allowed(prev, l) {
                    return None;
                }
                s += trans[prev as usize][l as usize] + emit[k][l as usize];
                prev = l;
            }
            Some(s)
        };
        let mut paths = Vec::new();
        for a in 0..NL as u8 {
            for b in 0..NL as u8 {
                for c in 0..NL as u8 {
                    if let Some(s) = score(&[a, b, c]) {
                        paths.push(([a, b, c], s));
                    }
                }
            }
        }
        let (mut back, mut path) = (Vec::new(), Vec::new());
        viterbi(&emit, &trans, &mut back, &mut path);
        let best = paths.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
        assert!((score(&path).unwrap_or(0.0) - best).abs() < 1e-9);
        let mut m = vec![0.0; 3];
        max_marginal_margins(&emit, &trans, &path, &mut m);
        for k in 0..3 {
            let other = paths
                .iter()
                .filter(|p| p.0[k] != path[k])
                .map(|p| p.1)
                .fold(f64::NEG_INFINITY, f64::max);
            assert!((m[k] - (best - other)).abs() < 1e-9, "token {k}: {m:?}");
        }
    }

    #[test]
    fn inside_tags_only_continue_their_type() {
        assert!(allowed(1, 2) && allowed(2, 2));
        assert!(!allowed(0, 2) && !allowed(3, 2));
        assert!(allowed(0, 1) && allowed(4, 0));
    }

    #[test]
    fn fast_tagging_matches_the_generic_decoder() {
        let model = Model::from_bytes(include_bytes!("../model/ner.bin")).expect("model");
        let gaz = &crate::gazetteer::GAZ;
        let long =
            "Officials in Paris said. ".repeat(3) + &"Angela Merkel met Joe Biden ".repeat(20);
        for text in [
            "White House spokeswoman Karine Jean-Pierre said on Monday that Biden would travel to \
             Kyiv. Jean-Pierre declined to say when. The European Union and NATO agreed.",
            "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT. AL-AIN 1996-12-06",
            long.as_str(),
            "",
            // Whole articles: names that come back sentences later read the history features.
            include_str!("../tests/fixtures/000_20dcaab2fdce8d62.txt"),
            include_str!("../tests/fixtures/001_82f03e1fbec35475.txt"),
            include_str!("../tests/fixtures/002_0c3089f2c773f405.txt"),
            include_str!("../tests/fixtures/003_026a6bed20428990.txt"),
            include_str!("../tests/fixtures/004_0a20a275f10aef06.txt"),
        ] {
            let doc = Doc::new(text);
            let mut m = &model;
            let slow = tag_doc(&doc, gaz, &mut m, None);
            assert_eq!(tag_with_model(&doc, gaz, &model), slow, "{text}");
            if text.contains("Karine") {
                assert!(slow.iter().any(|&t| t != 0), "the model tags something");
            }
        }
    }

    /// Texts for the static-sum tests: whole articles, and random texts over words that
    /// repeat in other cases and places (names, gazetteer entries, marks, numbers).
    fn sum_test_texts() -> Vec<String> {
        let words = [
            "The",
            "the",
            "New",
            "York",
            "Bank",
            "of",
            "England",
            "said",
            "Mr.",
            "Smith",
            "SMITH",
            "2024",
            "10,000",
            "Zürich",
            "東京",
            ",",
            ".",
            "\"",
            "-",
            "al",
            "Qaeda",
            "U.S.",
            "I",
            "John",
            "Paris",
            "paris",
            "Washington",
            "budget",
            "would",
            "grow",
            "\n\n",
            "(",
            ")",
        ];
        let mut rnd = XorShift::new(0x1234_5678_9abc_def1);
        let mut texts: Vec<String> = (0..200).map(|_| rnd.text(&words, 80)).collect();
        for f in [
            include_str!("../tests/fixtures/000_20dcaab2fdce8d62.txt"),
            include_str!("../tests/fixtures/001_82f03e1fbec35475.txt"),
            include_str!("../tests/fixtures/002_0c3089f2c773f405.txt"),
            include_str!("../tests/fixtures/003_026a6bed20428990.txt"),
            include_str!("../tests/fixtures/004_0a20a275f10aef06.txt"),
        ] {
            texts.push(f.to_string());
        }
        texts
    }

    /// The word templates and the context templates are the static templates, split: together
    /// the same features, and the word's the same at every token written alike.
    #[test]
    fn word_and_context_features_are_the_static_features() {
        let gaz = &crate::gazetteer::GAZ;
        let mut repeats = 0;
        for text in sum_test_texts() {
            let doc = Doc::new(&text);
            let (info, ctx) = token_infos(&doc, gaz);
            for s in &doc.sentences {
                let (lo, hi) = (s.first_token, s.end_token);
                for i in lo..hi {
                    let (mut all, mut parts, mut first) = (Vec::new(), Vec::new(), Vec::new());
                    static_features(&info, &ctx, lo, hi, i, &mut all);
                    word_features(&info, i, &mut parts);
                    let w = info[i].word as usize;
                    word_features(&info, w, &mut first);
                    assert_eq!(parts, first, "token {i} and its word's first {w}");
                    repeats += usize::from(w != i);
                    context_features(&info, &ctx, lo, hi, i, &mut parts);
                    all.sort_unstable();
                    parts.sort_unstable();
                    assert_eq!(all, parts, "token {i} of {text:?}");
                }
            }
        }
        assert!(repeats > 2000, "{repeats}");
    }

    /// Each token's static sum, its word's part summed once for all its tokens, is its static
    /// features' weights summed token by token (none for a token decoded as plain O).
    #[test]
    fn static_sums_are_each_tokens_static_weights_summed() {
        let model = Model::from_bytes(include_bytes!("../model/ner.bin")).expect("model");
        let gaz = &crate::gazetteer::GAZ;
        let mut read = 0;
        for text in sum_test_texts() {
            let doc = Doc::new(&text);
            let (info, ctx) = token_infos(&doc, gaz);
            let mut plain = vec![false; doc.tokens.len()];
            for s in &doc.sentences {
                let (lo, hi) = (s.first_token, s.end_token);
                for (i, p) in plain.iter_mut().enumerate().take(hi).skip(lo) {
                    *p = plainly_outside(&doc, &info, lo, hi, i);
                }
            }
            let sums = static_sums(&doc, &info, &ctx, &plain, &model);
            for s in &doc.sentences {
                let (lo, hi) = (s.first_token, s.end_token);
                for i in lo..hi {
                    let mut want = [0i32; NL];
                    if !plain[i] {
                        let mut f = Vec::new();
                        static_features(&info, &ctx, lo, hi, i, &mut f);
                        for &x in &f {
                            for (l, w) in want.iter_mut().enumerate() {
                                *w += i32::from(model.weight(bucket(x), l));
                            }
                        }
                        read += 1;
                    }
                    assert_eq!(sums[i], want, "token {i} of {text:?}");
                }
            }
        }
        assert!(read > 5000, "{read}");
    }

    #[test]
    fn plain_lower_case_words_are_decoded_as_outside_without_features() {
        let gaz = &crate::gazetteer::GAZ;
        let doc = Doc::new(
            "The council said on a rainy day that the budget would grow, and al - Qaeda was named by the Bank of England.",
        );
        let (info, _) = token_infos(&doc, gaz);
        let s = &doc.sentences[0];
        let skipped: Vec<&str> = (s.first_token..s.end_token)
            .filter(|&i| plainly_outside(&doc, &info, s.first_token, s.end_token, i))
            .map(|i| doc.token_text(i))
            .collect();
        // Beside a capital or a gazetteer word too ("was", "said"), unless a word that joins a
        // name's parts.
        for w in ["rainy", "budget", "would", "grow", "said", "was", "named"] {
            assert!(skipped.contains(&w), "{w} in {skipped:?}");
        }
        // The sentence start, a joining word beside a capital or across a hyphen from one: read.
        for w in ["The", "al", "of"] {
            assert!(!skipped.contains(&w), "{w} in {skipped:?}");
        }
        // A sentence that capitalises nothing (web text) is read whole.
        let doc = Doc::new(
            "i went to the walmart on main street with my sister and her friends yesterday.",
        );
        let (info, _) = token_infos(&doc, gaz);
        let s = &doc.sentences[0];
        assert!((s.first_token..s.end_token).all(|i| !plainly_outside(
            &doc,
            &info,
            s.first_token,
            s.end_token,
            i
        )));
    }

    #[test]
    fn a_sentence_without_capitals_is_prose_in_a_document_that_names_people() {
        let gaz = &crate::gazetteer::GAZ;
        let prose = "he said the plan would not work and the budget would grow.";
        let skipped = |text: &str| {
            let doc = Doc::new(text);
            let (info, _) = token_infos(&doc, gaz);
            let s = doc.sentences.last().expect("a sentence");
            (s.first_token..s.end_token)
                .filter(|&i| plainly_outside(&doc, &info, s.first_token, s.end_token, i))
                .count()
        };
        // Alone it may be web text that capitalises nothing: read whole.
        assert_eq!(skipped(prose), 0);
        let cased = format!(
            "Ann Lee met Tom Ray in Paris. The Senate met in Rome. Mr Ray left for Oslo. {prose}"
        );
        assert!(skipped(&cased) >= 8, "{}", skipped(&cased));
        // A line that does not close as a sentence (a URL's words) is read whole even there.
        let slug =
            "Ann Lee met Tom Ray in Paris. The Senate met in Rome. Mr Ray left for Oslo.\n\n\
             www. example. com / news / obama - signs - budget - deal - with - congress\n\n";
        assert_eq!(skipped(slug), 0);
    }

    #[test]
    fn sentence_marks_and_numbers_between_plain_words_are_decoded_as_outside() {
        let gaz = &crate::gazetteer::GAZ;
        let doc = Doc::new(
            "The vote brought 10,000 people, Ms Lee said. It flew from San Jose, Calif. on Apollo 11 in the 2016 race.",
        );
        let (info, _) = token_infos(&doc, gaz);
        let skipped: Vec<(usize, &str)> = doc
            .sentences
            .iter()
            .flat_map(|s| (s.first_token..s.end_token).map(move |i| (s, i)))
            .filter(|&(s, i)| plainly_outside(&doc, &info, s.first_token, s.end_token, i))
            .map(|(_, i)| (doc.tokens[i].start, doc.token_text(i)))
            .collect();
        let words: Vec<&str> = skipped.iter().map(|&(_, w)| w).collect();
        // A number and the marks after plain words.
        for w in ["10,000", "2016"] {
            assert!(words.contains(&w), "{w} in {words:?}");
        }
        let comma_after_people = doc.text.find("people,").map(|p| p + "people".len());
        assert!(skipped
            .iter()
            .any(|&(at, _)| Some(at) == comma_after_people));
        let stop_after_race = doc.text.find("race.").map(|p| p + "race".len());
        assert!(skipped.iter().any(|&(at, _)| Some(at) == stop_after_race));
        // After a name the mark may close it ("Calif.", "San Jose,"), and a number beside a
        // capital may be part of a name: read.
        assert!(!words.contains(&"11"), "11 in {words:?}");
        for after in ["Jose", "Calif"] {
            let at = doc.text.find(after).map(|p| p + after.len());
            assert!(
                skipped.iter().all(|&(s, _)| Some(s) != at),
                "mark after {after}"
            );
        }
    }

    #[test]
    fn the_outside_shortcut_gives_the_tags_of_reading_every_token() {
        // With a gold sequence, `tag_doc` reads every token's features; the shipped model does
        // not learn, so its tags are those of the full decoder.
        let model = Model::from_bytes(include_bytes!("../model/ner.bin")).expect("model");
        let gaz = &crate::gazetteer::GAZ;
        for text in [
            include_str!("../tests/fixtures/000_20dcaab2fdce8d62.txt"),
            include_str!("../tests/fixtures/002_0c3089f2c773f405.txt"),
            include_str!("../tests/fixtures/004_0a20a275f10aef06.txt"),
            "Fighters of al - Qaeda and the leader of al-Shabaab met in the town of el - Fasher.",
        ] {
            let doc = Doc::new(text);
            let none = vec![0u8; doc.tokens.len()];
            let mut m = &model;
            let full = tag_doc(&doc, gaz, &mut m, Some(&none));
            assert_eq!(tag_with_model(&doc, gaz, &model), full, "{text}");
        }
    }

    #[test]
    fn model_round_trips_and_rejects_garbage() {
        let mut w = vec![0f32; BUCKETS * NL];
        w[7] = 2.5;
        w[BUCKETS * NL - 1] = -1.0;
        let m = Model::from_bytes(&Model::encode(&w)).expect("decodes");
        assert_eq!(m.weight(0, 7), 32767);
        assert_eq!(m.weight(BUCKETS - 1, NL - 1), -13107);
        assert_eq!(m.weight(1, 0), 0);
        assert!(Model::from_bytes(b"not a model").is_none());
    }
}
