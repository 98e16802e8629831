//! Gazetteers: hand-written lists of facts (see data/PROVENANCE.md) matched over lower-cased
//! tokens, longest entry first. They feed the tagger as features and refine its coarse types
//! (LOC → GPE or LOC, MISC → NORP).

use claimtrail_text::{tokenize, Doc};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Gazetteer classes, one bit each. A token inside a multi-word entry (not its first word) also
/// gets bit `class + INSIDE`.
pub const FIRST_NAME: u32 = 0;
pub const COUNTRY: u32 = 1;
pub const CITY: u32 = 2;
pub const DEMONYM: u32 = 3;
pub const ORG_CUE: u32 = 4;
pub const PLACE: u32 = 5;
pub const ORG: u32 = 6;
pub const TITLE: u32 = 7;
pub const REGION: u32 = 8;
pub const HONORIFIC: u32 = 9;
pub const INSIDE: u32 = 16;

pub struct Gaz {
    entries: HashMap<String, u32>,
    prefixes: HashSet<String>,
    max_len: usize,
    /// Alias → canonical name (country aliases, "DPRK" → "North Korea").
    pub aliases: HashMap<String, String>,
    /// Every word of a multi-word title ("secretary", "general"), but "of".
    title_words: HashMap<String, u32>,
}

pub static GAZ: LazyLock<Gaz> = LazyLock::new(Gaz::load);

fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lower-cased tokens of a phrase joined by single spaces: the key the matcher builds.
fn key_of(phrase: &str) -> String {
    let toks = tokenize(phrase);
    let mut k = String::new();
    for t in toks {
        if !k.is_empty() {
            k.push(' ');
        }
        let w = &phrase[t.start..t.end];
        // ASCII (nearly every name) lower-cases in place, without a String per word.
        if w.is_ascii() {
            let from = k.len();
            k.push_str(w);
            k[from..].make_ascii_lowercase();
        } else {
            k.push_str(&w.to_lowercase());
        }
    }
    k
}

impl Gaz {
    fn load() -> Gaz {
        let mut g = Gaz {
            entries: HashMap::default(),
            prefixes: HashSet::default(),
            max_len: 1,
            aliases: HashMap::default(),
            title_words: HashMap::default(),
        };
        // Countries: "Name|alias|alias" — every alias maps to the first name.
        for l in lines(include_str!("../data/countries.txt")) {
            let mut parts = l.split('|').map(str::trim);
            let Some(canon) = parts.next() else { continue };
            g.add(canon, COUNTRY);
            for a in parts {
                g.add(a, COUNTRY);
                g.aliases.insert(key_of(a), canon.to_string());
            }
        }
        for (file, class) in [
            (include_str!("../data/cities.txt"), CITY),
            (include_str!("../data/regions.txt"), REGION),
            (include_str!("../data/places.txt"), PLACE),
            (include_str!("../data/demonyms.txt"), DEMONYM),
            (include_str!("../data/org_cues.txt"), ORG_CUE),
            (include_str!("../data/organisations.txt"), ORG),
        ] {
            for l in lines(file) {
                let mut parts = l.split('|').map(str::trim);
                let Some(canon) = parts.next() else { continue };
                g.add(canon, class);
                if class == DEMONYM {
                    // "Americans", "Israelis": plural demonyms match too.
                    let last = canon.chars().last().unwrap_or('s');
                    if !matches!(last, 's' | 'h') {
                        g.add(&format!("{canon}s"), class);
                    }
                }
                for a in parts {
                    g.add(a, class);
                    if class == ORG || class == CITY || class == REGION {
                        g.aliases.insert(key_of(a), canon.to_string());
                    }
                }
            }
        }
        // Given names, titles and honorifics are shared vocabulary: the lexicon marks the entries
        // that are this model's features.
        for n in claimtrail_lexicon::given_names().filter(|n| n.ner) {
            g.add(n.name, FIRST_NAME);
        }
        for t in claimtrail_lexicon::titles() {
            if t.ner_role {
                g.add(t.phrase, TITLE);
            }
            if t.ner_honorific {
                g.add(t.phrase, HONORIFIC);
            }
        }
        g
    }

    fn add(&mut self, phrase: &str, class: u32) {
        let k = key_of(phrase);
        if k.is_empty() {
            return;
        }
        let words: Vec<&str> = k.split(' ').collect();
        self.max_len = self.max_len.max(words.len());
        for n in 1..words.len() {
            self.prefixes.insert(words[..n].join(" "));
        }
        if class == TITLE {
            for w in &words {
                if *w != "of" {
                    self.title_words.insert(w.to_string(), 1 << TITLE);
                }
            }
        }
        *self.entries.entry(k).or_insert(0) |= 1 << class;
    }

    /// Classes of an exact (lower-cased, token-joined) phrase.
    pub fn classes(&self, phrase: &str) -> u32 {
        self.entries.get(&key_of(phrase)).copied().unwrap_or(0)
    }

    /// Classes of a single word, or of any entry it is a word of (for title words: "General"
    /// in "Secretary General").
    pub fn word_classes(&self, w: &str) -> u32 {
        let lw = w.to_lowercase();
        self.entries.get(&lw).copied().unwrap_or(0)
            | self.title_words.get(&lw).copied().unwrap_or(0)
    }
}

/// The gazetteer class bits of every token (longest match from each start); `lowers` holds the
/// tokens' lower-cased forms.
pub fn mark(g: &Gaz, doc: &Doc, lowers: &[&str]) -> Vec<u32> {
    let mut out = vec![0u32; doc.tokens.len()];
    let mut key = String::new();
    for s in &doc.sentences {
        let (lo, hi) = (s.first_token, s.end_token);
        for i in lo..hi {
            key.clear();
            let mut best: Option<(usize, u32)> = None;
            for (j, low) in lowers
                .iter()
                .enumerate()
                .take(hi.min(i + g.max_len))
                .skip(i)
            {
                if j > i {
                    key.push(' ');
                }
                key.push_str(low);
                if let Some(&c) = g.entries.get(key.as_str()) {
                    best = Some((j, c));
                }
                if !g.prefixes.contains(key.as_str()) {
                    break;
                }
            }
            if let Some((j, c)) = best {
                out[i] |= c;
                for t in &mut out[i + 1..=j] {
                    *t |= c | c << INSIDE;
                }
            }
        }
    }
    out
}
