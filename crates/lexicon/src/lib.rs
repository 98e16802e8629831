//! The shared English vocabularies of the analysis stages: months, weekdays and seasons; number
//! words and units of time; speech and reporting verbs, and the auxiliaries and adverbs between
//! a subject and its verb; personal pronouns, given names, titles and role nouns, with the
//! gender they carry; abbreviations that keep their full stop; stopwords.
//!
//! Each vocabulary is a plain data file in `data/` (one entry a line, `#` comments; where each
//! came from is in `data/PROVENANCE.md`), compiled in and read once, on first use, into a hash
//! map behind a typed lookup. Lookups take lower-case words unless they say otherwise
//! ([`with_lowercase`] folds a word without allocating). Where stages read different subsets of
//! one vocabulary, the subset is a tag of each entry (a speech verb's `cue` and `claim`
//! readings, a given name's `ner` and `speaker` lists), never a second list.
//!
//! A leaf crate: no other claimtrail crate below it, no I/O, no state but the tables.

mod calendar;
mod numbers;
mod people;
mod speech;
mod table;
mod words;

pub use calendar::{
    dateline_month, dateline_month_forms, is_weekday_name, month, month_token, season, weekday,
    Month, Season, Weekday,
};
pub use numbers::{number_word, time_unit, NumberWord, TimeUnit};
pub use people::{
    given_name, given_names, pronoun, subject_pronoun_gender, title, titles, Gender, GivenName,
    Pronoun, Title,
};
pub use speech::{is_accusing_noun, is_auxiliary, speech_verb, subject_verb_gap, Gap, SpeechVerb};
pub use words::{
    is_abbreviation, is_name_joiner, is_name_particle, is_stopword, singular, with_lowercase, words,
};

/// A set of lower-case words behind the tables' sieve (length, first and last byte): most words
/// asked about are turned away in a few instructions, before any hashing.
pub struct WordSet(table::Table<()>);

impl WordSet {
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.0.get(word).is_some()
    }
}

impl<S: Into<Box<str>>> FromIterator<S> for WordSet {
    fn from_iter<I: IntoIterator<Item = S>>(words: I) -> Self {
        WordSet(words.into_iter().map(|w| (w.into(), ())).collect())
    }
}

/// Every word [`month`], [`weekday`], [`season`], [`time_unit`] or [`number_word`] answers for
/// (lower case): a stage that only asks whether a word is any of these can ask one set.
pub fn calendar_and_number_words() -> impl Iterator<Item = &'static str> {
    calendar::calendar_keys().chain(numbers::number_keys())
}

#[cfg(test)]
mod tests {
    /// Every table loads (a bad tag or number in a data file fails here, in debug builds).
    #[test]
    fn every_data_file_reads() {
        assert!(super::month("may").is_some());
        assert!(super::weekday("monday").is_some());
        assert!(super::season("winter").is_some());
        assert!(super::number_word("one").is_some());
        assert!(super::time_unit("day").is_some());
        assert!(super::speech_verb("said").is_some());
        assert!(super::subject_verb_gap("has").is_some());
        assert!(super::pronoun("he").is_some());
        assert!(super::given_name("mary").is_some());
        assert!(super::title("president").is_some());
        assert!(super::is_abbreviation("gen"));
        assert!(super::is_stopword("the"));
    }

    /// The union holds exactly the words one of the five tables answers for.
    #[test]
    fn calendar_and_number_words_are_the_five_tables() {
        let all: Vec<&str> = super::calendar_and_number_words().collect();
        for w in [
            "may",
            "monday",
            "fall",
            "hrs",
            "seven",
            "twenty-first",
            "bn",
            "decade",
        ] {
            assert!(all.contains(&w), "{w}");
        }
        for w in &all {
            assert!(
                super::month(w).is_some()
                    || super::weekday(w).is_some()
                    || super::season(w).is_some()
                    || super::time_unit(w).is_some()
                    || super::number_word(w).is_some(),
                "{w}"
            );
        }
        assert!(!all.contains(&"the"));
    }

    #[test]
    fn a_word_set_holds_its_words_only() {
        let set: super::WordSet = ["oct.", "today", "now"].into_iter().collect();
        assert!(set.contains("oct.") && set.contains("today") && set.contains("now"));
        assert!(
            !set.contains("oct")
                && !set.contains("Today")
                && !set.contains("")
                && !set.contains("nov")
        );
    }

    /// A second line for an entry would silently replace the first in its table.
    #[test]
    fn every_data_file_lists_each_entry_once() {
        for (file, text) in [
            ("months", include_str!("../data/months.txt")),
            ("weekdays", include_str!("../data/weekdays.txt")),
            ("seasons", include_str!("../data/seasons.txt")),
            ("numbers", include_str!("../data/numbers.txt")),
            ("time_units", include_str!("../data/time_units.txt")),
            ("abbreviations", include_str!("../data/abbreviations.txt")),
            ("speech_verbs", include_str!("../data/speech_verbs.txt")),
            (
                "subject_verb_gap",
                include_str!("../data/subject_verb_gap.txt"),
            ),
            ("pronouns", include_str!("../data/pronouns.txt")),
            ("given_names", include_str!("../data/given_names.txt")),
            ("titles", include_str!("../data/titles.txt")),
            ("stopwords", include_str!("../data/stopwords.txt")),
            ("name_particles", include_str!("../data/name_particles.txt")),
            ("name_joiners", include_str!("../data/name_joiners.txt")),
        ] {
            let mut seen = std::collections::HashSet::new();
            for (entry, _) in super::table::rows(text) {
                assert!(seen.insert(entry.to_lowercase()), "{file}: {entry} twice");
            }
        }
    }
}
