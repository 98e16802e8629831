//! Gazetteers: hand-written lists of facts (see data/PROVENANCE.md) matched over lower-cased
//! tokens, longest entry first. They feed the tagger as features and refine its coarse types
//! (LOC → GPE or LOC, MISC → NORP).

use claimtrail_text::{tokenize, Doc};
use rustc_hash::FxHashMap as HashMap;
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
/// The wide lists (data/build/wide_lists.py): census surnames and given names, GeoNames places,
/// stock-index companies. Features only: the hand-written classes above keep deciding types and
/// canonical names.
pub const SURNAME: u32 = 10;
pub const GIVEN_WIDE: u32 = 11;
pub const GEONAME: u32 = 12;
pub const COMPANY: u32 = 13;
pub const INSIDE: u32 = 16;

pub struct Gaz {
    /// Key → classes, with [`PREFIX`] when the key also starts a longer entry: one lookup
    /// answers both questions the matcher asks.
    entries: HashMap<String, u32>,
    max_len: usize,
    /// Alias → canonical name (country aliases, "DPRK" → "North Korea").
    pub aliases: HashMap<String, String>,
    /// Every word of a multi-word title ("secretary", "general"), but "of".
    title_words: HashMap<String, u32>,
}

/// Marks an entry key that is also the start of a longer entry (above every class bit and
/// their inside copies). Both the hand lists and the wide lists mark every proper word prefix
/// of an entry (the key up to each of its spaces), so a key none of whose lists marks it as a
/// prefix starts no longer entry.
pub(crate) const PREFIX: u32 = 1 << 31;

/// The wide lists and their classes (generated: data/build/wide_lists.py). The build script
/// lays their lines (already the matcher's keys) out as one table read in place
/// (`tables::build_wide`), in this order, flag bit `i` for the `i`-th list.
#[cfg(test)]
const WIDE: [(&str, u32); 4] = [
    (include_str!("../data/surnames.txt"), SURNAME),
    (include_str!("../data/given_census.txt"), GIVEN_WIDE),
    (include_str!("../data/geonames.txt"), GEONAME),
    (include_str!("../data/companies.txt"), COMPANY),
];
// Statics, not consts: a const is copied into each place that reads it, and the prefetch in
// `key_hash` must ask for the same bytes the lookup reads.
static WIDE_SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wide.table"));
static WIDE_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wide.blob"));
/// Words in the wide lists' longest line.
const WIDE_MAX_WORDS: usize = include!(concat!(env!("OUT_DIR"), "/wide_max_words.rs"));

/// The wide lists' classes of a key, with [`PREFIX`] when it starts a longer line.
#[cfg(test)]
fn wide(key: &str) -> u32 {
    wide_hashed(key, crate::tables::hash(key.as_bytes()))
}

/// [`wide`] of a key whose `tables::hash` is `h`.
#[inline]
fn wide_hashed(key: &str, h: u64) -> u32 {
    let f = crate::tables::wide_flags(WIDE_SLOTS, WIDE_BLOB, key.as_bytes(), h);
    // Flag bits 0-3 are the lists in `WIDE`'s order, whose classes are consecutive.
    let classes = u32::from(f & 0b1111) << SURNAME;
    if f & crate::tables::PREFIX != 0 {
        classes | PREFIX
    } else {
        classes
    }
}

pub static GAZ: LazyLock<Gaz> = LazyLock::new(Gaz::load);

fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lower-cased tokens of a phrase joined by single spaces: the key the matcher builds.
fn key_of(phrase: &str) -> String {
    // ASCII letters in words one space apart (most names asked about) are their own tokens:
    // the key is the phrase lower-cased, without tokenizing it.
    let b = phrase.as_bytes();
    let plain_words = !b.is_empty()
        && b.iter().all(|&c| c.is_ascii_alphabetic() || c == b' ')
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !phrase.contains("  ");
    if plain_words {
        return phrase.to_ascii_lowercase();
    }
    key_by_tokens(phrase)
}

/// [`key_of`] for any phrase: its tokens, lower-cased.
fn key_by_tokens(phrase: &str) -> String {
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
            max_len: WIDE_MAX_WORDS,
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
            *self.entries.entry(words[..n].join(" ")).or_insert(0) |= PREFIX;
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
        self.entries.get(&key_of(phrase)).copied().unwrap_or(0) & !PREFIX
    }

    /// Classes of an exact phrase in the wide generated lists only (census names, GeoNames
    /// places, stock-index companies).
    pub fn wide_classes(&self, phrase: &str) -> u32 {
        let k = key_of(phrase);
        wide_hashed(&k, crate::tables::hash(k.as_bytes())) & !PREFIX
    }

    /// The hand lists' entry for a key as [`key_of`] makes it (`key` must be one already), and
    /// the wide lists' for the same key hashed `h` (`tables::hash`), each with [`PREFIX`] when the
    /// key starts a longer entry: [`Gaz::classes`] and [`Gaz::wide_classes`] of a phrase whose
    /// key is `key`, and whether a longer phrase that opens with it can be an entry at all.
    #[inline]
    pub(crate) fn entry_and_wide(&self, key: &str, h: u64) -> (u32, u32) {
        (
            self.entries.get(key).copied().unwrap_or(0),
            wide_hashed(key, h),
        )
    }

    /// Whether a single word is a given name of the wide census list (names that are ordinary
    /// words were left out of it).
    pub fn is_wide_given_name(&self, w: &str) -> bool {
        claimtrail_lexicon::with_lowercase(w, |lw| {
            wide_hashed(lw, crate::tables::hash(lw.as_bytes())) & (1 << GIVEN_WIDE) != 0
        })
    }

    /// Classes of a single word, or of any entry it is a word of (for title words: "General"
    /// in "Secretary General").
    pub fn word_classes(&self, w: &str) -> u32 {
        claimtrail_lexicon::with_lowercase(w, |lw| {
            self.entries.get(lw).copied().unwrap_or(0) & !PREFIX
                | self.title_words.get(lw).copied().unwrap_or(0)
        })
    }
}

/// The hash [`mark`] looks a one-token key up by; it also starts loading the key's slot of
/// the wide table (megabytes, so a lookup misses the caches), so a caller with other work per
/// token hides the miss behind it.
#[inline]
pub fn key_hash(low: &str) -> u64 {
    let h = crate::tables::hash(low.as_bytes());
    crate::tables::prefetch_wide(WIDE_SLOTS, h);
    h
}

/// The gazetteer class bits of every token (longest match from each start); `lowers` holds the
/// tokens' lower-cased forms and `hashes` their [`key_hash`]es. `same[i]`, where given, is an
/// earlier token with the same lower-cased form as token `i` (or `i`): its one-token lookup is
/// that token's.
pub fn mark(g: &Gaz, doc: &Doc, lowers: &[&str], hashes: &[u64], same: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; doc.tokens.len()];
    // Each token's one-token entry (with the prefix bit), for the repeats of its word.
    let mut one = vec![0u32; doc.tokens.len()];
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
                // The one-token key is the token's own lower-cased form, read in place; a longer
                // key is built only when the first starts a longer entry (most words start none).
                let c = if j == i {
                    let c = match same.get(i).map(|&f| f as usize) {
                        Some(f) if f < i => one[f],
                        _ => {
                            let h = match hashes.get(j) {
                                Some(&h) => h,
                                None => crate::tables::hash(low.as_bytes()),
                            };
                            g.entries.get(*low).copied().unwrap_or(0) | wide_hashed(low, h)
                        }
                    };
                    one[i] = c;
                    c
                } else {
                    if j == i + 1 {
                        key.push_str(lowers.get(i).copied().unwrap_or(""));
                    }
                    key.push(' ');
                    key.push_str(low);
                    let h = crate::tables::hash(key.as_bytes());
                    g.entries.get(key.as_str()).copied().unwrap_or(0) | wide_hashed(&key, h)
                };
                if c & !PREFIX != 0 {
                    best = Some((j, c & !PREFIX));
                }
                if c & PREFIX == 0 {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Classes of each token of `text`, as the tagger's features see them.
    fn marks(text: &str) -> Vec<(String, u32)> {
        let doc = Doc::new(text);
        let lowers: Vec<String> = (0..doc.tokens.len())
            .map(|i| doc.token_text(i).to_lowercase())
            .collect();
        let refs: Vec<&str> = lowers.iter().map(String::as_str).collect();
        let hashes: Vec<u64> = refs.iter().map(|w| key_hash(w)).collect();
        let bits = mark(&GAZ, &doc, &refs, &hashes, &[]);
        lowers.into_iter().zip(bits).collect()
    }

    /// [`mark`] as first written: every key, the one-token key too, built in a string.
    fn mark_by_keys(g: &Gaz, doc: &Doc, lowers: &[&str]) -> Vec<u32> {
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
                    let c = g.entries.get(key.as_str()).copied().unwrap_or(0)
                        | wide_hashed(&key, crate::tables::hash(key.as_bytes()));
                    if c & !PREFIX != 0 {
                        best = Some((j, c & !PREFIX));
                    }
                    if c & PREFIX == 0 {
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

    #[test]
    fn keys_read_in_place_mark_as_built_keys_did() {
        let text = "The Secretary General of the United Nations met Bank of America staff in \
            Rio de Janeiro and New York City. Mr. John Smith, a U.S. senator from New Mexico, \
            said the Federal Reserve Bank of New York and the European Central Bank agreed. \
            Americans in São Paulo , Abu Dhabi and Hong Kong watched Johnson & Johnson. \
            la paz el salvador new york new";
        let doc = Doc::new(text);
        let lowers: Vec<String> = (0..doc.tokens.len())
            .map(|i| doc.token_text(i).to_lowercase())
            .collect();
        let refs: Vec<&str> = lowers.iter().map(String::as_str).collect();
        let hashes: Vec<u64> = refs.iter().map(|w| key_hash(w)).collect();
        let want = mark_by_keys(&GAZ, &doc, &refs);
        assert!(
            want.iter().filter(|&&b| b >> INSIDE != 0).count() >= 5,
            "multi-word entries"
        );
        assert_eq!(mark(&GAZ, &doc, &refs, &hashes, &[]), want);
        // Without the one-token hashes, the keys are hashed here.
        assert_eq!(mark(&GAZ, &doc, &refs, &[], &[]), want);
    }

    #[test]
    fn word_classes_read_any_case_and_the_words_of_titles() {
        for w in ["General", "GENERAL", "general"] {
            assert_ne!(GAZ.word_classes(w) & 1 << TITLE, 0, "{w}");
        }
        assert_ne!(GAZ.word_classes("Mr") & 1 << HONORIFIC, 0);
        assert_eq!(
            GAZ.word_classes("Budget") & (1 << TITLE | 1 << HONORIFIC),
            0
        );
    }

    #[test]
    fn keys_of_plain_words_are_the_keys_of_their_tokens() {
        for p in [
            "Bank of America",
            "Paris",
            "IBM",
            "a",
            "New  York",
            " Rome",
            "Rome ",
            "U.S.",
            "McDonald's",
            "Zürich",
            "Apollo 11",
            "al-Qaeda",
            "",
            "Secretary General",
        ] {
            assert_eq!(key_of(p), key_by_tokens(p), "{p:?}");
        }
        assert_eq!(key_of("Bank of America"), "bank of america");
    }

    #[test]
    fn wide_lists_mark_surnames_and_places_across_tokens() {
        let m = marks("Anna Kowalski flew from Ouagadougou to Rio de Janeiro.");
        let bits = |w: &str| m.iter().find(|(t, _)| t == w).map_or(0, |(_, b)| *b);
        assert_ne!(bits("kowalski") & 1 << SURNAME, 0);
        assert_ne!(bits("anna") & 1 << GIVEN_WIDE, 0);
        assert_ne!(bits("ouagadougou") & 1 << GEONAME, 0);
        // A multi-word place: its first word carries the class, the others the inside copy.
        assert_ne!(bits("rio") & 1 << GEONAME, 0);
        assert_ne!(bits("janeiro") & 1 << (GEONAME + INSIDE), 0);
        assert_eq!(bits("flew"), 0);
    }

    #[test]
    fn listed_companies_get_their_class_with_or_without_the_legal_form() {
        let m = marks("Shoppers left Walmart for Home Depot and Ford Motor Company stock.");
        let bits = |w: &str| m.iter().find(|(t, _)| t == w).map_or(0, |(_, b)| *b);
        assert_ne!(bits("walmart") & 1 << COMPANY, 0);
        assert_ne!(bits("home") & 1 << COMPANY, 0);
        assert_ne!(bits("depot") & 1 << (COMPANY + INSIDE), 0);
        // The full form is a line too: "Company" is inside the entry.
        assert_ne!(bits("company") & 1 << (COMPANY + INSIDE), 0);
        assert_eq!(bits("shoppers") & 1 << COMPANY, 0);
        assert_eq!(bits("stock") & 1 << COMPANY, 0);
    }

    /// The wide lists as hash maps, the way they were read before the table: each line's
    /// classes, and every proper word prefix of a line.
    fn wide_maps() -> (
        HashMap<&'static str, u32>,
        rustc_hash::FxHashSet<&'static str>,
    ) {
        let mut entries = HashMap::default();
        let mut prefixes = rustc_hash::FxHashSet::default();
        for (file, class) in WIDE {
            for l in lines(file) {
                *entries.entry(l).or_insert(0) |= 1 << class;
                for (k, _) in l.match_indices(' ') {
                    prefixes.insert(&l[..k]);
                }
            }
        }
        (entries, prefixes)
    }

    #[test]
    fn the_wide_table_answers_as_the_maps_did() {
        let (entries, prefixes) = wide_maps();
        let old = |k: &str| {
            entries.get(k).copied().unwrap_or(0) | if prefixes.contains(k) { PREFIX } else { 0 }
        };
        assert!(entries.len() > 50_000 && prefixes.len() > 1_000);
        let mut most = 1;
        let mut asked = 0;
        for k in entries.keys().chain(prefixes.iter()) {
            most = most.max(k.split(' ').count());
            // The key, and near misses: a letter short, one more, another last letter.
            let mut near = vec![k.to_string(), format!("{k}s"), format!("{k} ")];
            if let Some((last, _)) = k.char_indices().last().filter(|l| l.0 > 0) {
                near.push(k[..last].to_string());
                near.push(format!("{}q", &k[..last]));
            }
            for w in near {
                assert_eq!(wide(&w), old(&w), "{w:?}");
                asked += 1;
            }
        }
        assert!(asked > 250_000);
        assert_eq!(WIDE_MAX_WORDS, most);
        // Words outside the lists: the hand-written entries and every word of some text.
        for k in GAZ.entries.keys() {
            assert_eq!(wide(k), old(k), "{k:?}");
        }
        let text = "The Secretary-General said on Monday that 1,200 people in São Paulo, \
                    Rio de Janeiro and New York had been évacués; Mr. O'Brien agreed.";
        let doc = Doc::new(text);
        for i in 0..doc.tokens.len() {
            let w = doc.token_text(i).to_lowercase();
            assert_eq!(wide(&w), old(&w), "{w:?}");
        }
        assert_eq!(wide(""), 0);
    }

    #[test]
    fn wide_lists_leave_out_names_that_are_ordinary_words() {
        // "Young" and "Mobile" are a census surname and a GeoNames city, but written in lower
        // case far more often: the generator drops them rather than teach the tagger noise.
        for w in ["young", "mobile", "reading"] {
            assert_eq!(wide(w), 0, "{w}");
        }
    }

    #[test]
    fn wide_list_lines_are_the_matchers_keys() {
        // The lines are looked up as written: lower case, words of letters, single spaces.
        for (file, _) in WIDE {
            for l in file.lines().filter(|l| !l.starts_with('#')) {
                assert!(
                    !l.is_empty() && !l.starts_with(' ') && !l.ends_with(' '),
                    "{l:?}"
                );
                assert!(!l.contains("  "), "{l:?}");
                assert!(
                    l.chars()
                        .all(|c| c == ' ' || (c.is_alphabetic() && !c.is_uppercase())),
                    "{l:?}"
                );
            }
        }
    }
}
