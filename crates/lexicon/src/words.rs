//! Word-level helpers shared across the crates: lower-casing without allocation, the
//! abbreviations that keep their full stop, stopwords, singular nouns and bags of words.

use crate::table::{rows, Table};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Calls `f` with `word` lower-cased, without allocating for short ASCII words (the hot case).
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    // Most words asked about are lower case already: no copy, no check of the copy.
    if !word.bytes().any(|b| b.is_ascii_uppercase()) && word.is_ascii() {
        return f(word);
    }
    let mut buf = [0u8; 24];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        // Copied and lower-cased in one pass (a `copy_from_slice` of a word's length is a
        // `memcpy` call, and lower-casing then read the bytes back).
        for (d, &c) in b.iter_mut().zip(word.as_bytes()) {
            *d = c.to_ascii_lowercase();
        }
        // SAFETY: `b` holds the bytes of an ASCII `str`, ASCII-lower-cased: ASCII still, so
        // valid UTF-8 (checking it again was a third of this function's work).
        return f(unsafe { std::str::from_utf8_unchecked(b) });
    }
    f(&word.to_lowercase())
}

static ABBREVIATIONS: LazyLock<Table<()>> = LazyLock::new(|| {
    rows(include_str!("../data/abbreviations.txt"))
        .map(|(w, _)| w)
        .chain(crate::calendar::calendar_abbreviations())
        .map(|w| (Box::from(w), ()))
        .collect()
});

/// Whether a word (any case, without its full stop) is an abbreviation that keeps its stop
/// ("Gen.", "Sept.", "vs.").
#[inline]
pub fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && with_lowercase(word, |l| ABBREVIATIONS.get(l).is_some())
}

/// A list of words, one a line, as a set.
fn word_set(text: &'static str) -> Table<()> {
    rows(text).map(|(w, _)| (Box::from(w), ())).collect()
}

static STOPWORDS: LazyLock<Table<()>> =
    LazyLock::new(|| word_set(include_str!("../data/stopwords.txt")));

/// Whether a lower-case word says nothing about which event a text covers (`data/stopwords.txt`).
#[inline]
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.get(lower).is_some()
}

static NAME_PARTICLES: LazyLock<Table<()>> =
    LazyLock::new(|| word_set(include_str!("../data/name_particles.txt")));

/// Whether a word, as written, is a capitalised particle that opens a person's name ("Te",
/// "Van", "Ibn": `data/name_particles.txt`).
#[inline]
pub fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES.get(word).is_some()
}

static NAME_JOINERS: LazyLock<Table<()>> =
    LazyLock::new(|| word_set(include_str!("../data/name_joiners.txt")));

/// Whether a lower-case word joins a name's parts ("Bank of America", "Charles de Gaulle",
/// "Osama bin Laden": `data/name_joiners.txt`).
#[inline]
pub fn is_name_joiner(lower: &str) -> bool {
    NAME_JOINERS.get(lower).is_some()
}

/// The singular of a lower-case plural noun by its regular endings ("casualties" → "casualty",
/// "troops" → "troop"); other words as they are ("press", "bus").
pub fn singular(lower: &str) -> Cow<'_, str> {
    if lower.ends_with("ies") && lower.len() > 4 {
        Cow::Owned(format!("{}y", &lower[..lower.len() - 3]))
    } else if lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 3 {
        Cow::Borrowed(&lower[..lower.len() - 1])
    } else {
        Cow::Borrowed(lower)
    }
}

/// The lower-cased runs of letters and digits of a text, in order: the bag of words that
/// comparisons of texts count.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_without_allocation_matches_to_lowercase() {
        for w in ["Said", "ÉCOLE", "MIXEDcase", &"X".repeat(40), ""] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase());
        }
        // Every length up to past the stack buffer, with every printable ASCII byte in it.
        let all: String = (b' '..=b'~').map(char::from).collect();
        for len in 1..=30 {
            for from in 0..all.len() - len {
                let w = &all[from..from + len];
                assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase(), "{w}");
            }
        }
    }

    #[test]
    fn abbreviations_keep_their_stop_in_any_case() {
        assert!(is_abbreviation("Gen") && is_abbreviation("SEPT") && is_abbreviation("thur"));
        assert!(!is_abbreviation("may") && !is_abbreviation("General"));
    }

    #[test]
    fn stopwords_and_singulars() {
        assert!(is_stopword("the") && is_stopword("monday") && !is_stopword("quake"));
        assert!(is_name_particle("Te") && is_name_particle("Van") && !is_name_particle("van"));
        assert!(is_name_joiner("van") && is_name_joiner("of") && !is_name_joiner("Van"));
        assert!(!is_name_joiner("budget"));
        assert_eq!(singular("casualties"), "casualty");
        assert_eq!(singular("troops"), "troop");
        assert_eq!(singular("press"), "press");
        assert_eq!(singular("bus"), "bus");
        assert_eq!(singular("ties"), "tie");
    }

    #[test]
    fn words_are_lowercased_alphanumeric_runs() {
        assert_eq!(
            words("At least 3,000 North-Korean"),
            vec!["at", "least", "3", "000", "north", "korean"]
        );
    }
}
