//! Feature extraction for the tagger. Every feature is a 64-bit hash (template id mixed with the
//! hashed strings it reads), folded into a fixed table by the model: no feature dictionary to
//! store or look up, and one pass per token. Training and tagging share this code, so the model
//! always sees features computed the same way.

use crate::clusters::{self, CLUSTERS};
use crate::gazetteer::{self, Gaz};
use claimtrail_text::Doc;
use fnv::FnvHasher;
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::hash::Hasher;

/// Mixes a value into a running hash (splitmix64 finaliser: cheap and well spread).
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    let mut z = h ^ v.wrapping_add(0x9e37_79b9_7f4a_7c15).wrapping_add(h << 6);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a 64 over bytes: the model's weights are indexed by these values.
#[inline]
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = FnvHasher::default();
    h.write(b);
    h.finish()
}

/// Per-token facts that do not depend on predicted tags, computed once per document.
#[derive(Clone, Default, PartialEq, Debug)]
pub struct TokInfo {
    /// Lower-cased, digits folded to '0'.
    pub norm: u64,
    pub exact: u64,
    pub shape: u64,
    pub short_shape: u64,
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    pub gaz: u32,
    pub cap: bool,
    pub all_caps: bool,
    pub sent_start: bool,
    /// The sentence is (almost) all upper case: a headline, where case says nothing.
    pub caps_sentence: bool,
    /// No word of the sentence but its first (and "I") is capitalised, in a sentence long
    /// enough for that to say the writer does not capitalise (web text): case says nothing.
    pub lower_sentence: bool,
    /// How this word is cased elsewhere in the document, away from sentence starts.
    pub doc_case: u8,
    /// A key for prediction history: the lower-cased word.
    pub key: u64,
    /// Index into the document's context table: the neighbours of this word's first few
    /// capitalised occurrences (context aggregation across the document).
    pub agg: u32,
    /// The document's first word (a section kicker such as "SOCCER" in wire copy) and whether
    /// the sentence is mostly numbers (a results table): both change what names stand for.
    pub topic: u64,
    pub numeric_line: bool,
    /// The sentence is written as prose: it closes with a full stop, question or exclamation
    /// mark (or a quotation mark), and the document capitalises words inside its sentences
    /// (names) in several of them. A sentence of such a document without a capital names
    /// nobody; one that does not close (a line of a URL's words, a list item) may be uncased.
    pub prose: bool,
    /// Words in the sentence, bucketed (1, 2, 3-4, 5-8, more).
    pub sent_len: u8,
    /// Most words of the sentence start with a capital (a heading in title case).
    pub title_sentence: bool,
    /// Word classes learned from unlabeled text (+1; 0 for a word not seen there).
    pub cluster: [u16; clusters::LEVELS],
    /// The first token of the document written as this one is (itself if none before): the
    /// facts [`word_features`] reads are that token's.
    pub word: u32,
}

/// Neighbours (previous, next normalised word) of up to [`AGG_MAX`] capitalised occurrences of
/// each word in a document.
pub type Contexts = Vec<Vec<(u64, u64)>>;
const AGG_MAX: usize = 8;

const SEP: u64 = 0x5eed;
/// The gazetteer's class bits (not the inside-an-entry copies).
const GAZ_BITS: u32 = (1 << gazetteer::INSIDE) - 1;

/// A shape string hashed as it is written, one byte at a time ([`hash_bytes`] of the bytes
/// pushed, without storing them), remembering the last byte.
#[derive(Default)]
struct ShapeHash {
    h: FnvHasher,
    last: Option<u8>,
}

impl ShapeHash {
    #[inline]
    fn push(&mut self, x: u8) {
        self.h.write_u8(x);
        self.last = Some(x);
    }
}

#[cfg(test)]
fn shapes(s: &str) -> (u64, u64, bool, bool) {
    let (full, short, cap, all_caps, _) = shapes_and_folds(s);
    (full, short, cap, all_caps)
}

/// [`shapes`], and whether [`normalise`] changes the word (`false` only for ASCII without an
/// upper-case letter or a digit: its normal form is the word itself).
#[inline(always)]
fn shapes_and_folds(s: &str) -> (u64, u64, bool, bool, bool) {
    // ASCII (nearly every word) is read byte by byte, without decoding: the same marks.
    let ascii = s.is_ascii();
    let (full, short, all_caps, folded) = if ascii {
        shape_hashes(s.bytes().map(|b| shape_mark(char::from(b))))
    } else {
        shape_hashes(s.chars().map(shape_mark))
    };
    let cap = s.chars().next().is_some_and(char::is_uppercase);
    (full, short, cap, all_caps, !ascii || folded)
}

/// A char's mark in a shape, and whether it is an upper-case letter and a letter.
#[inline(always)]
fn shape_mark(c: char) -> (u8, bool, bool) {
    if c.is_uppercase() {
        (b'X', true, true)
    } else if c.is_lowercase() {
        (b'x', false, true)
    } else if c.is_ascii_digit() {
        (b'd', false, false)
    } else if c.is_ascii() {
        (c as u8, false, false)
    } else {
        (b'~', false, false)
    }
}

/// The full shape (runs of a mark cut at four) and the short shape (runs of one) of a word's
/// marks `(mark, upper case, letter)`, whether its letters are all upper case, and whether it
/// has an upper-case letter or a digit.
#[inline(always)]
fn shape_hashes(marks: impl Iterator<Item = (u8, bool, bool)>) -> (u64, u64, bool, bool) {
    let mut full = ShapeHash::default();
    let mut short = ShapeHash::default();
    let mut run = 0;
    let mut upper = 0;
    let mut letters = 0;
    let mut digits = 0;
    for (m, up, letter) in marks {
        upper += usize::from(up);
        letters += usize::from(letter);
        digits += usize::from(m == b'd');
        if full.last == Some(m) {
            run += 1;
        } else {
            run = 0;
        }
        if run < 4 {
            full.push(m);
        }
        if short.last != Some(m) {
            short.push(m);
        }
    }
    let all_caps = letters > 0 && upper == letters;
    // Upper-case letters and digits are what the normal form folds.
    let folded = upper > 0 || digits > 0;
    (full.h.finish(), short.h.finish(), all_caps, folded)
}

/// Lower-cases and folds digits to '0', appending to `buf`.
pub fn normalise(s: &str, buf: &mut String) {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_digit()) {
        // The most common case, a word without digits: copied and lower-cased in place.
        let from = buf.len();
        buf.push_str(s);
        buf[from..].make_ascii_lowercase();
        return;
    }
    if s.is_ascii() {
        // Byte by byte: same result as the char path below.
        buf.extend(s.bytes().map(|b| {
            if b.is_ascii_digit() {
                '0'
            } else {
                b.to_ascii_lowercase() as char
            }
        }));
        return;
    }
    for c in s.chars() {
        if c.is_ascii_digit() {
            buf.push('0');
        } else if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

/// The hash of a normalised word, with its hashed prefixes and suffixes of 1 to 4 chars (0
/// where the word is shorter). One FNV pass yields the word and its prefixes (the running state
/// at each of the first char ends); no allocation.
fn word_and_affixes(w: &str) -> (u64, [u64; 4], [u64; 4]) {
    let mut prefix = [0u64; 4];
    let mut suffix = [0u64; 4];
    let b = w.as_bytes();
    let mut h = FnvHasher::default();
    if w.is_ascii() {
        // Every byte ends a char: the same hashes as the path below, without its checks.
        for (k, &x) in b.iter().enumerate() {
            h.write_u8(x);
            if let Some(p) = prefix.get_mut(k) {
                *p = mix(k as u64 + 1, h.finish());
            }
        }
        for (l, s) in suffix.iter_mut().enumerate().take(b.len()) {
            *s = mix(11 + l as u64, hash_bytes(&b[b.len() - 1 - l..]));
        }
        return (h.finish(), prefix, suffix);
    }
    let mut chars = 0usize;
    for (k, &x) in b.iter().enumerate() {
        h.write_u8(x);
        if chars < 4 && w.is_char_boundary(k + 1) {
            prefix[chars] = mix(chars as u64 + 1, h.finish());
            chars += 1;
        }
    }
    for (l, (s, _)) in w.char_indices().rev().take(4).enumerate() {
        suffix[l] = mix(11 + l as u64, hash_bytes(&b[s..]));
    }
    (h.finish(), prefix, suffix)
}

/// The facts of a token that depend on its word alone (as written).
#[derive(Clone, Copy)]
struct WordFacts {
    norm: u64,
    exact: u64,
    shape: u64,
    short_shape: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    cap: bool,
    all_caps: bool,
}

impl WordFacts {
    /// The facts of word `w`, whose normal form ([`normalise`]) is `low`.
    #[inline(always)]
    fn new(w: &str, low: &str) -> WordFacts {
        let (shape, short_shape, cap, all_caps, folds) = shapes_and_folds(w);
        let (norm, prefix, suffix) = word_and_affixes(low);
        WordFacts {
            norm,
            // A word its normal form leaves as it is hashes as that form did.
            exact: if folds {
                hash_bytes(w.as_bytes())
            } else {
                norm
            },
            shape,
            short_shape,
            prefix,
            suffix,
            cap,
            all_caps,
        }
    }

    /// The facts a token's info holds.
    #[inline(always)]
    fn of(t: &TokInfo) -> WordFacts {
        WordFacts {
            norm: t.norm,
            exact: t.exact,
            shape: t.shape,
            short_shape: t.short_shape,
            prefix: t.prefix,
            suffix: t.suffix,
            cap: t.cap,
            all_caps: t.all_caps,
        }
    }
}

/// Sentences with a capital inside that make a document cased (see [`TokInfo::prose`]).
const CASED_DOC_SENTENCES: usize = 3;

const DC_CAP: u8 = 1;
const DC_LOW: u8 = 2;

/// Token facts for every token of a document.
pub fn token_infos(doc: &Doc, gaz: &Gaz) -> (Vec<TokInfo>, Contexts) {
    token_infos_with::<true>(doc, gaz)
}

/// [`token_infos`]; with `REUSE` false, every token's word facts are computed afresh (the test
/// that a repeated word's copied facts are its own).
#[inline(always)]
fn token_infos_with<const REUSE: bool>(doc: &Doc, gaz: &Gaz) -> (Vec<TokInfo>, Contexts) {
    let n = doc.tokens.len();
    let mut out: Vec<TokInfo> = vec![TokInfo::default(); n];
    let mut first_norm: Option<u64> = None;
    // Each normal form's id (in order of first use), asked once per word as written: the
    // document-case flags and the context slots are read by id, not hashed per token.
    let mut norm_ids: FxHashMap<u64, u32> =
        FxHashMap::with_capacity_and_hasher(n / 3 + 16, Default::default());
    let mut nid: Vec<u32> = vec![0; n];
    // How each normal form is cased away from sentence starts, by id.
    let mut doc_case: Vec<u8> = Vec::with_capacity(n / 3 + 16);
    // Every token's normalised form, back to back in one buffer (no String per token).
    let mut lower_buf = String::with_capacity(doc.text.len() + 16);
    let mut lower_spans: Vec<(usize, usize)> = Vec::with_capacity(n);
    // Their gazetteer key hashes, their table slots asked for while the other facts are computed.
    let mut lower_hashes: Vec<u64> = Vec::with_capacity(n);
    let clusters = &*CLUSTERS;
    // Each word as written, with its first token and that token's place in `lower_spans`: a
    // word seen before copies the facts that depend on the word alone (over half the tokens
    // of a document repeat an earlier one). `same[i]` is the first token written as `i` is.
    let mut written: FxHashMap<&str, (u32, u32)> =
        FxHashMap::with_capacity_and_hasher(n, Default::default());
    let mut same: Vec<u32> = (0..n as u32).collect();
    let mut named_sentences = 0usize;
    for s in &doc.sentences {
        let toks = s.first_token..s.end_token;
        // One pass over the sentence's words: its letters by case, its numbers, its words
        // and how many start with a capital (inside the sentence too).
        let (mut letters_up, mut letters_low, mut numbers) = (0usize, 0usize, 0usize);
        let (mut words, mut capped, mut inner) = (0usize, 0usize, 0usize);
        for i in toks.clone() {
            let w = doc.token_text(i);
            let first = if w.is_ascii() {
                for b in w.bytes() {
                    letters_up += usize::from(b.is_ascii_uppercase());
                    letters_low += usize::from(b.is_ascii_lowercase());
                }
                w.as_bytes().first().map(|&b| char::from(b))
            } else {
                for c in w.chars() {
                    if c.is_uppercase() {
                        letters_up += 1;
                    } else if c.is_lowercase() {
                        letters_low += 1;
                    }
                }
                w.chars().next()
            };
            numbers += usize::from(doc.tokens[i].kind == claimtrail_text::TokenKind::Number);
            let upper = first.is_some_and(char::is_uppercase);
            if first.is_some_and(char::is_alphabetic) {
                words += 1;
                capped += usize::from(upper);
            }
            inner += usize::from(i > s.first_token && upper && w != "I");
        }
        let caps_sentence = letters_up > 3 && letters_low * 10 < letters_up;
        let numeric_line = numbers * 3 >= s.end_token - s.first_token;
        let title_sentence = words >= 3 && capped * 10 >= words * 7;
        let lower_sentence = words >= 6 && inner == 0;
        let closed = s.end_token > s.first_token
            && matches!(
                doc.token_text(s.end_token - 1),
                "." | "!" | "?" | "..." | "…" | "”" | "\"" | "''"
            );
        if !caps_sentence && inner > 0 {
            named_sentences += 1;
        }
        let sent_len = match s.end_token - s.first_token {
            0 | 1 => 0,
            2 => 1,
            3 | 4 => 2,
            5..=8 => 3,
            _ => 4,
        };
        for (k, i) in toks.enumerate() {
            let w = doc.token_text(i);
            let entry = written.entry(w);
            let (wf, span, key_hash) = match entry {
                // A word written as an earlier one was: its facts are that one's.
                Entry::Occupied(e) if REUSE => {
                    let (j, p) = *e.get();
                    same[i] = j;
                    let (j, p) = (j as usize, p as usize);
                    nid[i] = nid[j];
                    (WordFacts::of(&out[j]), lower_spans[p], lower_hashes[p])
                }
                _ => {
                    if let Entry::Vacant(e) = entry {
                        e.insert((i as u32, lower_spans.len() as u32));
                    }
                    let from = lower_buf.len();
                    normalise(w, &mut lower_buf);
                    let low = &lower_buf[from..];
                    let wf = WordFacts::new(w, low);
                    // Read below, once every word's slot has been asked for.
                    clusters.prefetch(wf.norm);
                    let fresh = doc_case.len() as u32;
                    let id = *norm_ids.entry(wf.norm).or_insert(fresh);
                    if id == fresh {
                        doc_case.push(0);
                    }
                    nid[i] = id;
                    (wf, (from, lower_buf.len()), gazetteer::key_hash(low))
                }
            };
            let WordFacts {
                norm,
                exact,
                shape,
                short_shape,
                prefix,
                suffix,
                cap,
                all_caps,
            } = wf;
            let t = &mut out[i];
            t.norm = norm;
            t.key = norm;
            t.exact = exact;
            t.shape = shape;
            t.short_shape = short_shape;
            t.cap = cap;
            t.all_caps = all_caps;
            t.sent_start = k == 0;
            t.caps_sentence = caps_sentence;
            t.lower_sentence = lower_sentence;
            t.prose = closed;
            t.numeric_line = numeric_line;
            t.sent_len = sent_len;
            t.title_sentence = title_sentence;
            t.prefix = prefix;
            t.suffix = suffix;
            if !caps_sentence && k > 0 {
                if let Some(e) = doc_case.get_mut(nid[i] as usize) {
                    *e |= if cap { DC_CAP } else { DC_LOW };
                }
            }
            first_norm.get_or_insert(norm);
            lower_spans.push(span);
            lower_hashes.push(key_hash);
        }
    }
    for (t, &j) in out.iter_mut().zip(&same) {
        t.word = j;
    }
    for s in &doc.sentences {
        for i in s.first_token..s.end_token {
            let j = same[i] as usize;
            out[i].cluster = if j < i {
                out[j].cluster
            } else {
                clusters.get(out[i].norm)
            };
        }
    }
    // Each normal form's context slot by id (0: none yet), numbered from 1 in order of use.
    let mut slot: Vec<u32> = vec![0; doc_case.len()];
    let mut slots = 0u32;
    let mut ctx: Contexts = vec![Vec::new()];
    for s in &doc.sentences {
        for i in s.first_token..s.end_token {
            let t = &out[i];
            if !t.cap {
                continue;
            }
            let prev = if i > s.first_token {
                out[i - 1].norm
            } else {
                1
            };
            let next = if i + 1 < s.end_token {
                out[i + 1].norm
            } else {
                2
            };
            let Some(s) = slot.get_mut(nid[i] as usize) else {
                continue;
            };
            if *s == 0 {
                slots += 1;
                *s = slots;
            }
            let k = *s;
            if k as usize >= ctx.len() {
                ctx.push(Vec::new());
            }
            if ctx[k as usize].len() < AGG_MAX {
                ctx[k as usize].push((prev, next));
            }
        }
    }
    let topic = first_norm.unwrap_or(0);
    let cased_doc = named_sentences >= CASED_DOC_SENTENCES;
    for (t, &id) in out.iter_mut().zip(&nid) {
        t.topic = topic;
        t.prose &= cased_doc;
        t.doc_case = doc_case.get(id as usize).copied().unwrap_or(0);
        if t.cap {
            t.agg = slot.get(id as usize).copied().unwrap_or(0);
        }
    }
    // Lower-cased forms in sentence order, as the gazetteer matcher reads them.
    let lowers: Vec<&str> = lower_spans.iter().map(|&(a, b)| &lower_buf[a..b]).collect();
    for (t, bits) in out
        .iter_mut()
        .zip(gazetteer::mark(gaz, doc, &lowers, &lower_hashes, &same))
    {
        t.gaz = bits;
    }
    (out, ctx)
}

/// Templates that read only token facts. Pushed as hashes into `f`.
pub fn static_features(
    info: &[TokInfo],
    ctx: &Contexts,
    lo: usize,
    hi: usize,
    i: usize,
    f: &mut Vec<u64>,
) {
    templates::<true, true>(info, ctx, lo, hi, i, f)
}

/// The templates of [`static_features`] that read the word alone (as written: its normal form,
/// its form as written, its shapes, affixes and word classes, and the constant): the same for
/// every token written alike (see [`TokInfo::word`]), so a document's repeats of a word can
/// share their sum.
pub fn word_features(info: &[TokInfo], i: usize, f: &mut Vec<u64>) {
    templates::<true, false>(info, &Vec::new(), i, i + 1, i, f)
}

/// The templates of [`static_features`] that [`word_features`] leaves out: the two together
/// push the features [`static_features`] pushes.
pub fn context_features(
    info: &[TokInfo],
    ctx: &Contexts,
    lo: usize,
    hi: usize,
    i: usize,
    f: &mut Vec<u64>,
) {
    templates::<false, true>(info, ctx, lo, hi, i, f)
}

/// The static templates, those that read the word alone with `WORD` and the others with
/// `CONTEXT`, in one order whichever are asked for.
#[inline(always)]
fn templates<const WORD: bool, const CONTEXT: bool>(
    info: &[TokInfo],
    ctx: &Contexts,
    lo: usize,
    hi: usize,
    i: usize,
    f: &mut Vec<u64>,
) {
    let t = &info[i];
    let get = |j: isize| -> Option<&TokInfo> {
        let j = i as isize + j;
        (j >= lo as isize && j < hi as isize).then(|| &info[j as usize])
    };
    const BOS: u64 = 0xb05;
    const EOS: u64 = 0xe05;
    let norm_at = |j: isize| get(j).map_or(if j < 0 { BOS } else { EOS }, |t| t.norm);
    let shape_at = |j: isize| get(j).map_or(if j < 0 { BOS } else { EOS }, |t| t.short_shape);
    let flags = (t.cap as u64) | (t.all_caps as u64) << 1 | (t.sent_start as u64) << 2;
    let hl = t.caps_sentence as u64 | (t.lower_sentence as u64) << 1;
    if WORD {
        f.push(mix(1, 0));
        f.push(mix(2, t.norm));
        f.push(mix(3, t.exact));
        f.push(mix(4, t.shape));
        f.push(mix(5, t.short_shape));
    }
    if CONTEXT {
        f.push(mix(6, mix(t.shape, hl)));
    }
    if WORD {
        for p in t.prefix.iter().chain(t.suffix.iter()) {
            if *p != 0 {
                f.push(mix(7, *p));
            }
        }
    }
    if !CONTEXT {
        return word_classes(t, f);
    }
    f.push(mix(8, norm_at(-1)));
    f.push(mix(9, norm_at(1)));
    f.push(mix(10, norm_at(-2)));
    f.push(mix(11, norm_at(2)));
    f.push(mix(12, mix(norm_at(-1), t.norm)));
    f.push(mix(13, mix(t.norm, norm_at(1))));
    f.push(mix(14, shape_at(-1)));
    f.push(mix(15, shape_at(1)));
    f.push(mix(16, mix(shape_at(-1), t.short_shape)));
    f.push(mix(17, mix(t.short_shape, shape_at(1))));
    f.push(mix(18, mix(flags, hl)));
    f.push(mix(19, mix(t.doc_case as u64, mix(flags, hl))));
    f.push(mix(20, mix(shape_at(-1), mix(t.short_shape, shape_at(1)))));
    // Gazetteer classes of this token and its neighbours, alone and with the case flags.
    let mut g = t.gaz;
    while g != 0 {
        let b = g.trailing_zeros() as u64;
        g &= g - 1;
        f.push(mix(21, b));
        f.push(mix(22, mix(b, flags | hl << 3)));
    }
    for (tpl, j) in [(23u64, -1isize), (24, 1)] {
        let mut g = get(j).map_or(0, |t| t.gaz);
        while g != 0 {
            let b = g.trailing_zeros() as u64;
            g &= g - 1;
            f.push(mix(tpl, b));
        }
    }
    f.push(mix(27, mix(norm_at(-1), norm_at(1))));
    f.push(mix(57, mix(norm_at(-1), t.short_shape)));
    if t.gaz != 0 {
        f.push(mix(54, mix(norm_at(-1), (t.gaz & GAZ_BITS) as u64)));
    }
    if t.cap {
        let place = (t.gaz & 0b110) as u64;
        f.push(mix(50, mix(t.topic, t.numeric_line as u64)));
        f.push(mix(51, mix(t.topic, place)));
        f.push(mix(
            52,
            mix(t.numeric_line as u64, mix(place, t.sent_start as u64)),
        ));
    }
    for (tpl, j) in [(28u64, -1isize), (29, 1)] {
        if let Some(n) = get(j) {
            f.push(mix(tpl, n.suffix[2]));
        }
    }
    if t.agg != 0 {
        for &(p, n) in ctx.get(t.agg as usize).map(Vec::as_slice).unwrap_or(&[]) {
            f.push(mix(25, p));
            f.push(mix(26, n));
        }
    }
    // Carry-over between cased news and web text: the sentence's length (a lone line is a
    // signature or a heading as often as a team name), shapes two words away, title-case
    // headings (where a capital says little), and the neighbours as written.
    f.push(mix(60, mix(t.sent_len as u64, t.short_shape)));
    f.push(mix(61, mix(t.sent_len as u64, (t.gaz & GAZ_BITS) as u64)));
    f.push(mix(62, shape_at(-2)));
    f.push(mix(63, shape_at(2)));
    let ts = t.title_sentence as u64;
    f.push(mix(64, mix(ts, flags)));
    f.push(mix(65, mix(ts, t.norm)));
    let exact_at = |j: isize| get(j).map_or(if j < 0 { BOS } else { EOS }, |t| t.exact);
    f.push(mix(68, exact_at(-1)));
    f.push(mix(69, exact_at(1)));
    // Word classes from unlabeled text, of this word and its neighbours: a name or a place
    // the labelled data never showed, or one written in lower case, shares its class with
    // ones it did.
    if WORD {
        word_classes(t, f);
    }
    let cluster_at =
        |j: isize| get(j).map_or(if j < 0 { BOS } else { EOS }, |t| t.cluster[0] as u64);
    f.push(mix(72, cluster_at(-1)));
    f.push(mix(73, cluster_at(1)));
    let _ = SEP;
}

/// Template 70 and 71: the word's classes (see [`templates`]).
#[inline(always)]
fn word_classes(t: &TokInfo, f: &mut Vec<u64>) {
    let [fine, coarse] = t.cluster;
    f.push(mix(70, fine as u64));
    f.push(mix(71, coarse as u64));
}

/// Templates that read the tags given to the same word earlier in the document (in earlier
/// sentences: a sentence is decoded as a whole).
pub fn history_features(t: &TokInfo, hist: u8, f: &mut Vec<u64>) {
    f.push(mix(34, hist as u64));
    f.push(mix(
        35,
        mix(hist as u64, t.cap as u64 | (t.caps_sentence as u64) << 1),
    ));
}

/// The transition feature from tag `prev` (its weights are the transition matrix row).
#[inline]
pub fn transition_feature(prev: u8) -> u64 {
    mix(30, prev as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_random::XorShift;

    /// The affix hashes as first written: one hash per affix string.
    fn naive(w: &str) -> (u64, [u64; 4], [u64; 4]) {
        let chars: Vec<(usize, char)> = w.char_indices().collect();
        let (mut prefix, mut suffix) = ([0u64; 4], [0u64; 4]);
        for l in 1..=4.min(chars.len()) {
            let p = chars.get(l).map_or(w.len(), |c| c.0);
            prefix[l - 1] = mix(l as u64, hash_bytes(&w.as_bytes()[..p]));
            let s = chars[chars.len() - l].0;
            suffix[l - 1] = mix(10 + l as u64, hash_bytes(&w.as_bytes()[s..]));
        }
        (hash_bytes(w.as_bytes()), prefix, suffix)
    }

    #[test]
    fn one_pass_affixes_equal_separate_hashes() {
        for w in [
            "",
            "a",
            "ab",
            "abcd",
            "washington",
            "zürich",
            "東京都庁",
            "é",
            "0,000",
        ] {
            assert_eq!(word_and_affixes(w), naive(w), "{w}");
        }
    }

    /// Shapes read char by char, as first written: the byte path must give the same hashes.
    fn shapes_by_char(s: &str) -> (u64, u64, bool, bool) {
        let (mut full, mut short) = (Vec::new(), Vec::new());
        let (mut upper, mut letters) = (0, 0);
        for c in s.chars() {
            let m = if c.is_uppercase() {
                upper += 1;
                letters += 1;
                b'X'
            } else if c.is_lowercase() {
                letters += 1;
                b'x'
            } else if c.is_ascii_digit() {
                b'd'
            } else if c.is_ascii() {
                c as u8
            } else {
                b'~'
            };
            if !full.ends_with(&[m; 4]) {
                full.push(m);
            }
            if short.last() != Some(&m) {
                short.push(m);
            }
        }
        let cap = s.chars().next().is_some_and(char::is_uppercase);
        (
            hash_bytes(&full),
            hash_bytes(&short),
            cap,
            letters > 0 && upper == letters,
        )
    }

    #[test]
    fn normal_forms_fold_case_and_digits() {
        let mut buf = String::from("x ");
        for w in [
            "Washington",
            "NASA",
            "covid19",
            "10,000",
            "Zürich",
            "ÉCOLE",
            "",
            "a-B",
        ] {
            buf.push('|');
            normalise(w, &mut buf);
        }
        assert_eq!(buf, "x |washington|nasa|covid00|00,000|zürich|école||a-b");
    }

    #[test]
    fn byte_shapes_equal_char_shapes() {
        for w in [
            "",
            "a",
            "A",
            "Washington",
            "NASA",
            "McDonald's",
            "U.S.",
            "10,000",
            "e-mail",
            "aaaaaaB",
            "ÉCOLE",
            "Zürich",
            "東京",
            "x1Y2",
            "--",
            "I",
            "ǅ",
        ] {
            assert_eq!(shapes(w), shapes_by_char(w), "{w}");
        }
    }

    /// The model's weights are indexed by these hashes: they must stay FNV-1a 64 (the published
    /// test vectors, and a non-ASCII word).
    #[test]
    fn word_hashes_are_fnv1a_64() {
        assert_eq!(hash_bytes(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash_bytes(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash_bytes(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(hash_bytes("zürich".as_bytes()), 0xfe8b_b21e_6544_b7a0);
        let (full, _, _, _) = shapes("Ab");
        assert_eq!(full, hash_bytes(b"Xx"), "a shape hashes its shape string");
    }

    /// The exact-form hash taken from the normal form's must be the hash of the word as written.
    #[test]
    fn exact_hashes_are_the_words_as_written() {
        let text = "Mr. Smith said 10,000 people in NEW YORK saw Zürich's É 3rd-place finish \
            (at 9:30) -- and the U.S. e-mail ǅ x1Y2 i I ok.";
        let doc = Doc::new(text);
        let (info, _) = token_infos(&doc, &crate::gazetteer::GAZ);
        let mut shortcut = 0;
        for (i, t) in info.iter().enumerate() {
            let w = doc.token_text(i);
            assert_eq!(t.exact, hash_bytes(w.as_bytes()), "{w}");
            shortcut += usize::from(t.exact == t.norm);
        }
        assert!(shortcut > 5);
        for w in ["a", "abc", "a-b", "x's", "Ab", "a1", "É", "é", "ǅ", ""] {
            let (_, _, _, _, folds) = shapes_and_folds(w);
            let mut low = String::new();
            normalise(w, &mut low);
            assert!(folds || low == w, "{w}");
        }
    }

    /// A token whose word was written before copies that word's facts (and its gazetteer
    /// lookup): every fact must be what computing the token afresh gives. Whole articles, and
    /// random texts over words that repeat in other cases, with digits, marks, letters past
    /// ASCII and gazetteer entries of one and more words.
    #[test]
    fn copied_word_facts_are_the_facts_computed_afresh() {
        let gaz = &crate::gazetteer::GAZ;
        let words = [
            "The",
            "the",
            "THE",
            "New",
            "York",
            "new",
            "york",
            "Bank",
            "of",
            "England",
            "said",
            "Said",
            "Mr.",
            "Smith",
            "SMITH",
            "2024",
            "10,000",
            "covid19",
            "Covid19",
            "Zürich",
            "zürich",
            "ZÜRICH",
            "東京",
            "É",
            "é",
            ",",
            ".",
            "\"",
            "-",
            "al",
            "Qaeda",
            "U.S.",
            "I",
            "i",
            "John",
            "Paris",
            "paris",
            "Washington",
            "e-mail",
            "x1Y2",
            "ǅ",
            "O'Brien",
            "'s",
            "\n\n",
        ];
        let mut rnd = XorShift::new(0x2545_f491_4f6c_dd1d);
        let mut texts: Vec<String> = (0..300).map(|_| rnd.text(&words, 60)).collect();
        texts.push(include_str!("../tests/fixtures/000_20dcaab2fdce8d62.txt").to_string());
        texts.push(include_str!("../tests/fixtures/003_026a6bed20428990.txt").to_string());
        let mut copied = 0;
        for text in &texts {
            let doc = Doc::new(text);
            let (fresh, fresh_ctx) = token_infos_with::<false>(&doc, gaz);
            let (reused, reused_ctx) = token_infos(&doc, gaz);
            assert_eq!(fresh.len(), reused.len());
            for (i, (a, b)) in fresh.iter().zip(&reused).enumerate() {
                // Only the first token written alike differs: computed afresh, each is its own.
                let w = b.word as usize;
                assert!(
                    w <= i && doc.token_text(w) == doc.token_text(i),
                    "token {i}"
                );
                let a = TokInfo {
                    word: b.word,
                    ..a.clone()
                };
                assert_eq!(&a, b, "token {i} {:?} of {text:?}", doc.token_text(i));
            }
            assert_eq!(fresh_ctx, reused_ctx, "{text:?}");
            copied += doc.tokens.len()
                - (0..doc.tokens.len())
                    .map(|i| doc.token_text(i))
                    .collect::<std::collections::HashSet<_>>()
                    .len();
        }
        assert!(copied > 2000, "{copied}");
    }

    /// The document-case flags and the context slots, read by normal-form id, are those of maps
    /// keyed by the normal form (as first written), on articles and random texts of words that
    /// repeat in other cases, in headlines and at sentence starts.
    #[test]
    fn case_flags_and_context_slots_by_id_are_those_keyed_by_normal_form() {
        let gaz = &crate::gazetteer::GAZ;
        let words = [
            "The", "the", "THE", "New", "new", "NEW", "York", "york", "said", "Said", "Smith",
            "SMITH", "smith", "2024", "2025", "Zürich", "zürich", "É", "é", ",", ".", "\n\n", "I",
            "i", "Apple", "apple", "APPLE", "BANK", "Bank", "of", "OF",
        ];
        let mut rnd = XorShift::new(0x0dd5_1d5e_0000_0036);
        let mut texts: Vec<String> = (0..300).map(|_| rnd.text(&words, 70)).collect();
        texts.push(include_str!("../tests/fixtures/000_20dcaab2fdce8d62.txt").to_string());
        texts.push(include_str!("../tests/fixtures/004_0a20a275f10aef06.txt").to_string());
        let (mut cased, mut slotted) = (0, 0);
        for text in &texts {
            let doc = Doc::new(text);
            let (info, ctx) = token_infos(&doc, gaz);
            let mut doc_case: FxHashMap<u64, u8> = FxHashMap::default();
            let mut slot: FxHashMap<u64, u32> = FxHashMap::default();
            let mut want_ctx: Contexts = vec![Vec::new()];
            for s in &doc.sentences {
                for t in info.get(s.first_token + 1..s.end_token).unwrap_or(&[]) {
                    if !t.caps_sentence {
                        *doc_case.entry(t.norm).or_insert(0) |= if t.cap { DC_CAP } else { DC_LOW };
                    }
                }
            }
            for s in &doc.sentences {
                for i in s.first_token..s.end_token {
                    let t = &info[i];
                    if !t.cap {
                        continue;
                    }
                    let prev = if i > s.first_token {
                        info[i - 1].norm
                    } else {
                        1
                    };
                    let next = if i + 1 < s.end_token {
                        info[i + 1].norm
                    } else {
                        2
                    };
                    let n = slot.len() as u32 + 1;
                    let k = *slot.entry(t.norm).or_insert(n) as usize;
                    if k >= want_ctx.len() {
                        want_ctx.push(Vec::new());
                    }
                    if want_ctx[k].len() < AGG_MAX {
                        want_ctx[k].push((prev, next));
                    }
                }
            }
            for (i, t) in info.iter().enumerate() {
                let dc = doc_case.get(&t.norm).copied().unwrap_or(0);
                assert_eq!(t.doc_case, dc, "token {i} of {text:?}");
                let agg = if t.cap {
                    slot.get(&t.norm).copied().unwrap_or(0)
                } else {
                    0
                };
                assert_eq!(t.agg, agg, "token {i} of {text:?}");
                cased += usize::from(dc == DC_CAP | DC_LOW);
                slotted += usize::from(agg > 1);
            }
            assert_eq!(ctx, want_ctx, "{text:?}");
        }
        assert!(cased > 1000 && slotted > 1000, "{cased} {slotted}");
    }

    #[test]
    fn normalise_folds_case_and_digits() {
        let mut b = String::new();
        normalise("Ab12", &mut b);
        normalise("ÉCOLE9", &mut b);
        assert_eq!(b, "ab00école0");
    }
}
