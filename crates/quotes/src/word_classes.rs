//! Word classes as the quotes stage reads them. Speech cues, the words between a speaker and a
//! cue, pronouns, titles, role nouns and given names come from the shared lexicon; the classes
//! only this stage uses (time words skipped around a subject, words a subject never runs across,
//! organisation heads) are kept here. Words are lower-case unless a function says otherwise.

use claimtrail_lexicon::{self as lexicon, Gender};
use std::sync::LazyLock;

/// Hot: asked of every token, hence the cheap length and case filter before the lookup.
pub fn is_cue(lower: &str) -> bool {
    (2..=14).contains(&lower.len())
        && lower.as_bytes()[0].is_ascii_lowercase()
        && lexicon::speech_verb(lower).is_some_and(|v| v.cue)
}

/// Whether a word is written as a name: a capital first, or a lower-case letter before
/// capitals inside the word ("theCUBE", "iPhone", "eBay"), as brands write their names.
pub fn is_capitalised(word: &str) -> bool {
    // ASCII bytes are read as bytes (most words); the first other byte hands the whole word to
    // the character reading, which answers the same for ASCII (`is_capitalised_chars`).
    let b = word.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_uppercase() => true,
        Some(c) if c.is_ascii_lowercase() => {
            for &c in &b[1..] {
                if c.is_ascii_uppercase() {
                    return true;
                }
                if !c.is_ascii_lowercase() {
                    // Past ASCII the character reading decides; an ASCII non-letter ends the
                    // run of letters without a capital.
                    return !c.is_ascii() && is_capitalised_chars(word);
                }
            }
            false
        }
        Some(c) if c.is_ascii() => false,
        None => false,
        _ => is_capitalised_chars(word),
    }
}

/// [`is_capitalised`] read character by character.
fn is_capitalised_chars(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => chars
            .take_while(|c| c.is_alphabetic())
            .any(char::is_uppercase),
        _ => false,
    }
}

/// Cues that are also common in non-speech senses; they count only with a clear subject.
pub fn is_weak_cue(lower: &str) -> bool {
    lexicon::speech_verb(lower).is_some_and(|v| v.weak)
}

/// Cues only before a that-clause ("the report found that …").
pub fn is_that_cue(lower: &str) -> bool {
    lexicon::speech_verb(lower).is_some_and(|v| v.that)
}

/// Adjectives of stance ("is concerned the laws would …"): cues only after a form of "be".
pub fn is_stance(lower: &str) -> bool {
    lexicon::speech_verb(lower).is_some_and(|v| v.stance)
}

/// Cues that take the addressee as their object before the content ("told reporters that").
pub fn is_addressee_cue(lower: &str) -> bool {
    lexicon::speech_verb(lower).is_some_and(|v| v.addressee)
}

/// Participles that continue the previous speaker ("…, adding that …").
pub fn is_participle(lower: &str) -> bool {
    lower.ends_with("ing") && is_cue(lower)
}

/// Words that may stand between a subject and its cue ("has also said").
pub fn is_aux_or_adverb(lower: &str) -> bool {
    lexicon::subject_verb_gap(lower).is_some_and(|g| g.cue)
}

/// Days, months and time adverbs: never a speaker, and skipped between a subject and its cue
/// ("Gowdy earlier Thursday said"). "May" stays out (a name and a modal as often as a month), and
/// abbreviated months count in the form news copy writes them, with their stop ("Oct.").
///
/// Asked of most words of every attribution, the twenty comparisons and two lexicon lookups are
/// read once into one set ([`TIME_WORDS`]); `one_set_holds_the_time_words` holds the two equal.
#[inline]
pub fn is_time_word(lower: &str) -> bool {
    TIME_WORDS.contains(lower)
}

/// Every word [`is_time_word_each`] accepts: its own words and the lexicon's weekday and month
/// forms, bare and with a stop (it accepts no other word).
static TIME_WORDS: LazyLock<lexicon::WordSet> = LazyLock::new(|| {
    let calendar = lexicon::calendar_and_number_words();
    TIME_ADVERBS
        .iter()
        .map(|w| w.to_string())
        .chain(calendar.flat_map(|w| [w.to_string(), format!("{w}.")]))
        .filter(|w| is_time_word_each(w))
        .collect()
});

const TIME_ADVERBS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "instead",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "last",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "recently",
    "now",
    "also",
];

/// [`is_time_word`] read word by word.
fn is_time_word_each(lower: &str) -> bool {
    TIME_ADVERBS.contains(&lower)
        || lexicon::is_weekday_name(lower)
        || match lower.strip_suffix('.') {
            Some(bare) => lexicon::month(bare).is_some_and(|m| m.ap_style),
            None => lexicon::month(lower).is_some_and(|m| !m.abbreviation && !m.modal),
        }
}

/// Words a subject noun phrase never runs across.
pub fn is_boundary(lower: &str) -> bool {
    matches!(
        lower,
        "that"
            | "and"
            | "but"
            | "or"
            | "which"
            | "who"
            | "whom"
            | "when"
            | "while"
            | "as"
            | "because"
            | "if"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "where"
            | "so"
            | "than"
            | "what"
            | "how"
            | "whether"
            | "to"
            | "is"
            | "was"
            | "be"
            | "been"
            | "being"
            | "are"
            | "were"
            | "however"
            | "meanwhile"
            | "also"
            | "has"
            | "had"
            | "have"
            | "not"
            | "it"
            | "this"
            | "said"
            | "says"
            | "told"
            | "with"
            | "by"
            | "would"
            | "will"
            | "can"
            | "could"
            | "should"
            | "did"
            | "does"
            | "do"
            | "yet"
            | "then"
            | "there"
            | "here"
            | "now"
            | "still"
            | "why"
            | "until"
            | "unless"
            | "whereas"
            | "nor"
            | "just"
            | "even"
            | "once"
            | "without"
            | "against"
            | "into"
            | "from"
            | "about"
            | "over"
            | "under"
            | "like"
            | "per"
            | "via"
    )
}

/// "he" → male, "she" → female, other subject pronouns → unknown; `None` for other words.
pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    lexicon::subject_pronoun_gender(lower)
}

/// Titles that precede a name ("President Joe Biden", "Secretary General Mark Rutte").
pub fn is_title(lower: &str) -> bool {
    lexicon::title(lower.trim_end_matches('.')).is_some_and(|t| t.title)
}

/// Nouns naming a role a person holds ("the spokesperson", "the Pentagon chief").
pub fn is_role_noun(lower: &str) -> bool {
    lexicon::title(lower).is_some_and(|t| t.role)
}

/// Role nouns that name the same function ("spokesman" and "spokeswoman") share a key.
pub fn role_key(lower: &str) -> &str {
    lexicon::title(lower).and_then(|t| t.same).unwrap_or(lower)
}

/// The gender a title or role noun gives its holder ("spokeswoman", "Mr.").
pub fn role_gender(lower: &str) -> Gender {
    lexicon::title(lower).map_or(Gender::Unknown, |t| t.gender)
}

/// Last words that make a capitalised run an organisation ("White House", "State Department").
pub fn is_org_head(lower: &str) -> bool {
    matches!(
        lower,
        "house"
            | "department"
            | "ministry"
            | "pentagon"
            | "kremlin"
            | "office"
            | "council"
            | "agency"
            | "committee"
            | "commission"
            | "court"
            | "party"
            | "government"
            | "army"
            | "police"
            | "military"
            | "union"
            | "bank"
            | "institute"
            | "university"
            | "foundation"
            | "organization"
            | "organisation"
            | "association"
            | "group"
            | "company"
            | "corporation"
            | "inc"
            | "inc."
            | "corp"
            | "corp."
            | "news"
            | "times"
            | "post"
            | "journal"
            | "reuters"
            | "press"
            | "administration"
            | "campaign"
            | "senate"
            | "congress"
            | "parliament"
            | "command"
            | "forces"
            | "service"
            | "services"
            | "authority"
            | "board"
            | "secretariat"
            | "embassy"
            | "network"
            | "center"
            | "centre"
            | "fund"
            | "federation"
            | "navy"
            | "bureau"
            | "staff"
            | "cabinet"
            | "tribunal"
            | "assembly"
            | "coalition"
            | "alliance"
            | "downing"
            | "whitehall"
            | "elysee"
            | "élysée"
            | "nato"
            | "ap"
            | "afp"
            | "cnn"
            | "bbc"
            | "fbi"
            | "cia"
            | "un"
            | "eu"
            | "who"
            | "imf"
            | "opec"
            | "poll"
            | "survey"
            | "team"
            | "guard"
            | "statement"
            | "spokesperson"
            | "ltd"
            | "llc"
            | "plc"
            | "tass"
            | "xinhua"
            | "yonhap"
            | "intelligence"
            | "prosecutors"
            | "officials"
    )
}

/// Finite verbs that make a "that" right after a cue the clause's subject, not its
/// complementiser ("experts say that isn't likely", "he said that would be a mistake").
pub fn follows_subject_that(lower: &str) -> bool {
    let w = lower.replace('’', "'");
    matches!(
        w.as_str(),
        "is" | "isn't"
            | "was"
            | "wasn't"
            | "will"
            | "won't"
            | "would"
            | "wouldn't"
            | "could"
            | "couldn't"
            | "can"
            | "can't"
            | "might"
            | "should"
            | "shouldn't"
            | "has"
            | "hasn't"
            | "had"
            | "hadn't"
            | "does"
            | "doesn't"
            | "did"
            | "didn't"
            | "makes"
            | "made"
            | "means"
            | "meant"
            | "seems"
            | "remains"
    )
}

/// "the", "a" or "an", in any case.
pub fn is_article(w: &str) -> bool {
    ["the", "a", "an"].iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// The usual gender of a given name (any case), for resolving "he" and "she"; unknown names stay
/// gender-neutral (`None`).
/// The gender any listed given name carries ("Margaret"), for agreement with "he" and "she"
/// once a name is known to be a person's; unlike [`first_name_gender`], not a person test.
pub fn given_name_gender(name: &str) -> Option<Gender> {
    lexicon::with_lowercase(name, |l| lexicon::given_name(l).map(|n| n.gender))
        .filter(|g| *g != Gender::Unknown)
}

pub fn first_name_gender(name: &str) -> Option<Gender> {
    lexicon::with_lowercase(name, |l| {
        lexicon::given_name(l)
            .filter(|n| n.speaker)
            .map(|n| n.gender)
    })
}

/// Nouns for a statement or a view that a that-clause states ("her claim that …", "the
/// minister’s warning that …").
pub fn is_speech_noun(lower: &str) -> bool {
    matches!(
        lower,
        "declaration"
            | "claim"
            | "assertion"
            | "insistence"
            | "warning"
            | "promise"
            | "pledge"
            | "vow"
            | "notion"
            | "belief"
            | "argument"
            | "contention"
            | "suggestion"
            | "statement"
            | "admission"
            | "announcement"
            | "accusation"
            | "allegation"
            | "prediction"
            | "view"
            | "conclusion"
            | "assessment"
            | "complaint"
    )
}

/// Nouns for what a study or a group concluded, which a colon after them spells out
/// ("among its key findings: …", "analysts offered a few theories: …").
pub fn is_finding_noun(lower: &str) -> bool {
    matches!(
        lower,
        "finding"
            | "findings"
            | "conclusion"
            | "conclusions"
            | "theory"
            | "theories"
            | "explanation"
            | "explanations"
            | "recommendations"
            | "predictions"
            | "takeaways"
    )
}

/// Lower-case particles inside surnames ("de Miranda", "van Dijk", "bin Salman").
pub fn is_name_particle(lower: &str) -> bool {
    matches!(
        lower,
        "de" | "da"
            | "di"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "du"
            | "le"
            | "la"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "dos"
            | "das"
            | "ter"
    )
}

/// The suffix of an outlet's web address as the tokenizer splits it ("Politico" "." "com").
pub(crate) fn is_web_suffix(w: &str) -> bool {
    matches!(w, "com" | "org" | "net")
}

#[cfg(test)]
mod tests {
    /// The one set answers as the comparisons and lookups did: for the lexicon's words bare,
    /// with a stop, capitalised and with a letter added, for the adverbs, and for common words.
    #[test]
    fn one_set_holds_the_time_words() {
        let mut probes: Vec<String> = Vec::new();
        let words = lexicon::calendar_and_number_words().chain(TIME_ADVERBS.iter().copied());
        for w in words {
            let mut cap = w.to_string();
            cap[..1].make_ascii_uppercase();
            probes.extend([w.to_string(), format!("{w}."), format!("{w}s"), cap]);
        }
        for w in [
            "the", "said", "may", "may.", "sept.", "sept", "oct", "", ".", "thurs", "mon",
        ] {
            probes.push(w.to_string());
        }
        let mut yes = 0;
        for w in &probes {
            assert_eq!(is_time_word(w), is_time_word_each(w), "{w:?}");
            yes += usize::from(is_time_word(w));
        }
        assert!(
            yes > 40 && yes < probes.len() / 2,
            "{yes} of {}",
            probes.len()
        );
    }

    use super::*;

    /// The byte reading answers as the character reading for ASCII, accented, Greek and
    /// Cyrillic letters, digits and marks, in words of every shape up to four characters and
    /// in brand-like words ("iPhone", "eBay", "theCUBE", "éTUDE").
    #[test]
    fn capitals_read_as_bytes_answer_as_characters() {
        let alphabet = [
            'a', 'Z', 'q', 'M', '1', '-', '.', '\'', 'é', 'É', 'ß', 'Ω', 'ж', 'Ж', '’', '\u{2160}',
        ];
        let mut words = vec![String::new()];
        for len in 1..=4 {
            let mut next = Vec::new();
            for w in words.iter().filter(|w| w.chars().count() == len - 1) {
                for c in alphabet {
                    next.push(format!("{w}{c}"));
                }
            }
            words.extend(next);
        }
        words.extend(
            [
                "iPhone", "eBay", "theCUBE", "éTUDE", "said", "Said", "macOS", "x-Ray", "o’Neil",
                "über", "ÜBER", "aΩ",
            ]
            .map(String::from),
        );
        let mut yes = 0;
        for w in &words {
            assert_eq!(is_capitalised(w), is_capitalised_chars(w), "{w:?}");
            yes += usize::from(is_capitalised(w));
        }
        assert!(yes > 1000 && yes < words.len(), "{yes} of {}", words.len());
    }

    #[test]
    fn genders_and_cues() {
        assert_eq!(first_name_gender("Karine"), Some(Gender::Female));
        assert_eq!(first_name_gender("John"), Some(Gender::Male));
        assert_eq!(first_name_gender("Zzyx"), None);
        assert!(is_cue("said") && is_participle("adding") && !is_participle("said"));
        assert!(is_addressee_cue("told") && !is_addressee_cue("said"));
    }

    #[test]
    fn time_words_take_months_as_news_writes_them() {
        assert!(is_time_word("thursday") && is_time_word("october") && is_time_word("oct."));
        assert!(!is_time_word("may") && !is_time_word("oct") && !is_time_word("apr."));
    }

    #[test]
    fn titles_roles_and_their_keys() {
        assert!(is_title("gen.") && is_title("president") && !is_title("spokesman's"));
        assert_eq!(role_key("spokeswoman"), role_key("spokesman"));
        assert_eq!(role_key("mayor"), "mayor");
        assert_eq!(role_gender("mrs."), Gender::Female);
    }
}
