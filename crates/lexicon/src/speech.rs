//! Speech and reporting verbs, and the auxiliaries and adverbs that stand between a subject and
//! its verb.

use crate::table::{flags, table, Table};
use std::sync::LazyLock;

/// The readings of a speech or reporting verb form (`data/speech_verbs.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeechVerb {
    /// Introduces reported speech or a stated assessment (quotes stage).
    pub cue: bool,
    /// A cue also common in other senses ("called"): a cue only with a named subject.
    pub weak: bool,
    /// Takes the addressee as object before the content ("told reporters that").
    pub addressee: bool,
    /// A cue only before a that-clause ("the study found that"; quotes stage).
    pub that: bool,
    /// Its subject asserts the clause it governs, a figure's source (figures stage).
    pub claim: bool,
    /// An adjective of stance: a cue only after a form of "be" and before a clause, with or
    /// without "that" ("the council is concerned the laws would …"; quotes stage).
    pub stance: bool,
}

static SPEECH_VERBS: LazyLock<Table<SpeechVerb>> = LazyLock::new(|| {
    table(include_str!("../data/speech_verbs.txt"), |_, f| {
        let [cue, weak, addressee, that, claim, stance] = flags(
            f,
            ["cue", "weak", "addressee", "that", "claim", "stance"],
            "speech_verbs.txt",
        );
        SpeechVerb {
            cue,
            weak,
            addressee,
            that,
            claim,
            stance,
        }
    })
});

/// The readings of a lower-case verb form, if it is a speech or reporting verb.
#[inline]
pub fn speech_verb(lower: &str) -> Option<SpeechVerb> {
    SPEECH_VERBS.get(lower).copied()
}

/// Where a word may stand between a subject and its verb (`data/subject_verb_gap.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// Between a speaker and a speech cue ("has also said"; quotes stage).
    pub cue: bool,
    /// Between a figure's source and its reporting verb ("has estimated"; figures stage).
    pub claim: bool,
    /// An auxiliary verb ("has", "will"): the word before it is no finite verb.
    pub aux: bool,
}

static GAP: LazyLock<Table<Gap>> = LazyLock::new(|| {
    table(include_str!("../data/subject_verb_gap.txt"), |_, f| {
        let [cue, claim, aux] = flags(f, ["cue", "claim", "aux"], "subject_verb_gap.txt");
        Gap { cue, claim, aux }
    })
});

/// Where a lower-case auxiliary or adverb may stand between a subject and its verb.
#[inline]
pub fn subject_verb_gap(lower: &str) -> Option<Gap> {
    GAP.get(lower).copied()
}

/// Whether a lower-case word is an auxiliary verb ("has", "was", "will", "must").
#[inline]
pub fn is_auxiliary(lower: &str) -> bool {
    GAP.get(lower).is_some_and(|g| g.aux)
}

/// A legal document that accuses someone, named with its "against" complement ("the charges
/// against Olson allege …", "a lawsuit against the city claims …"): the document speaks and
/// claims, not the accused (quotes and figures stages).
pub fn is_accusing_noun(lower: &str) -> bool {
    matches!(
        lower,
        "charges"
            | "allegations"
            | "accusations"
            | "indictment"
            | "lawsuit"
            | "suit"
            | "complaint"
            | "case"
            | "petition"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_of_speech_verbs() {
        let told = speech_verb("told").unwrap();
        assert!(told.cue && told.addressee && told.claim && !told.weak);
        assert!(speech_verb("called").is_some_and(|v| v.cue && v.weak && !v.claim));
        assert!(speech_verb("shows").is_some_and(|v| v.claim && v.cue && v.that));
        assert!(speech_verb("estimated").is_some_and(|v| v.claim && !v.that));
        assert_eq!(speech_verb("walked"), None);
        assert!(speech_verb("concerned").is_some_and(|v| v.cue && v.stance && !v.claim));
        assert!(is_auxiliary("has") && is_auxiliary("must") && !is_auxiliary("also"));
        assert!(subject_verb_gap("must").is_some_and(|g| !g.cue && !g.claim));
        assert!(is_accusing_noun("indictment") && is_accusing_noun("lawsuit"));
        assert!(!is_accusing_noun("police") && !is_accusing_noun("Charges"));
    }

    #[test]
    fn every_speech_verb_has_a_reading() {
        for (w, v) in SPEECH_VERBS.iter() {
            assert!(v.cue || v.claim, "{w}");
            assert!(
                !(v.weak || v.addressee || v.that || v.stance) || v.cue,
                "{w}: weak, addressee, that and stance qualify cues"
            );
        }
        for (w, g) in GAP.iter() {
            assert!(g.cue || g.claim || g.aux, "{w}");
        }
    }

    #[test]
    fn gap_words_per_reading() {
        assert!(subject_verb_gap("has").is_some_and(|g| g.cue && g.claim));
        assert!(subject_verb_gap("not").is_some_and(|g| g.cue && !g.claim));
        assert!(subject_verb_gap("currently").is_some_and(|g| !g.cue && g.claim));
    }
}
