//! Words as the figures stage reads them: number words, months, weekdays, units of time,
//! reporting verbs and pronouns from the shared lexicon, and this stage's own word classes
//! (words that end a noun phrase, page furniture, irregular past tenses, verbs of change).
//! Words are lower-case.

use claimtrail_lexicon::{self as lexicon, TimeUnit};

/// Value of a cardinal number word ("seven" → 7, "nil" → 0), without scales.
pub fn small_number(w: &str) -> Option<f64> {
    lexicon::number_word(w)
        .filter(|n| n.cardinal)
        .map(|n| n.value as f64)
}

/// Multiplier of a scale word written out ("million") or abbreviated ("bn", "k").
pub fn scale_word(w: &str) -> Option<f64> {
    lexicon::number_word(w)
        .filter(|n| n.scale)
        .map(|n| n.value as f64)
}

/// A scale written out in full ("million", not "bn" or "lakhs"): it needs no number before it.
pub fn full_scale_word(w: &str) -> bool {
    lexicon::number_word(w).is_some_and(|n| n.scale && !n.abbreviation && !n.plural)
}

/// A form of "dozen" ("dozen", "dozens", "doz").
pub fn is_dozen(w: &str) -> bool {
    lexicon::number_word(w).is_some_and(|n| n.dozen)
}

/// A month name or abbreviation as a token writes it ("october", "oct.", "nov").
pub fn is_month(w: &str) -> bool {
    lexicon::month_token(w).is_some()
}

/// A month that is also the modal verb ("may"): a month only when written "May".
pub fn is_modal_month(w: &str) -> bool {
    lexicon::month_token(w).is_some_and(|m| m.modal)
}

pub fn is_weekday(w: &str) -> bool {
    lexicon::is_weekday_name(w)
}

/// Time units: a number before them is a duration or an age ("three years", "28-year-old").
/// Nights, fortnights and quarters are not among them.
pub fn time_unit(w: &str) -> Option<&'static str> {
    match lexicon::time_unit(w)? {
        TimeUnit::Night | TimeUnit::Fortnight | TimeUnit::Quarter => None,
        u => Some(u.name()),
    }
}

/// Spans of time the stage counts rather than measures ("four nights", "two fortnights"): time
/// units that [`time_unit`] turns away.
pub fn counted_span_of_time(w: &str) -> bool {
    matches!(
        lexicon::time_unit(w),
        Some(TimeUnit::Night | TimeUnit::Fortnight)
    )
}

/// Reporting and assessment verbs whose subject asserts the clause they govern.
pub fn reporting_verb(w: &str) -> bool {
    lexicon::speech_verb(w).is_some_and(|v| v.claim)
}

/// Words that may stand between a subject and its verb ("has said", "also believes").
pub fn verb_helper(w: &str) -> bool {
    lexicon::subject_verb_gap(w).is_some_and(|g| g.claim)
}

/// Subject pronouns, and the relative and demonstrative pronouns that stand for a source.
pub fn is_pronoun(w: &str) -> bool {
    lexicon::pronoun(w).is_some_and(|p| p.subject) || matches!(w, "who" | "this" | "that")
}

/// Nouns that mark page furniture when a number counts them in a short line ("1 visits today").
pub fn furniture_noun(w: &str) -> bool {
    matches!(
        w,
        "views"
            | "view"
            | "visits"
            | "visit"
            | "comments"
            | "comment"
            | "shares"
            | "likes"
            | "reads"
            | "times"
            | "min"
            | "mins"
            | "followers"
            | "replies"
            | "votes"
            | "photos"
            | "images"
            | "subscribers"
    )
}

/// Irregular past-tense verbs common in news ("two people hurt", "one suspect fled"): the "-ed"
/// test misses them, and after a number's noun they are the clause's verb.
pub fn irregular_past(w: &str) -> bool {
    matches!(
        w,
        "fled"
            | "hurt"
            | "fell"
            | "rose"
            | "left"
            | "lost"
            | "won"
            | "held"
            | "took"
            | "came"
            | "went"
            | "got"
            | "ran"
            | "saw"
            | "shot"
            | "struck"
            | "hit"
            | "began"
            | "became"
            | "broke"
            | "fought"
            | "found"
            | "gave"
            | "grew"
            | "kept"
            | "knew"
            | "led"
            | "met"
            | "paid"
            | "sent"
            | "sold"
            | "spent"
            | "stood"
            | "stole"
            | "threw"
            | "wrote"
            | "drove"
            | "flew"
            | "died"
    )
}

/// Words that end a noun phrase (function words, auxiliaries, common verbs and time adverbs).
pub fn ends_phrase(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "where"
            | "when"
            | "while"
            | "whereas"
            | "as"
            | "if"
            | "than"
            | "then"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "because"
            | "since"
            | "until"
            | "in"
            | "into"
            | "on"
            | "onto"
            | "at"
            | "by"
            | "for"
            | "from"
            | "to"
            | "with"
            | "without"
            | "within"
            | "of"
            | "off"
            | "over"
            | "under"
            | "about"
            | "around"
            | "across"
            | "after"
            | "before"
            | "during"
            | "between"
            | "among"
            | "against"
            | "through"
            | "toward"
            | "towards"
            | "per"
            | "via"
            | "up"
            | "down"
            | "out"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "having"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "not"
            | "no"
            | "also"
            | "already"
            | "still"
            | "now"
            | "just"
            | "only"
            | "even"
            | "yet"
            | "again"
            | "there"
            | "here"
            | "it"
            | "its"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "them"
            | "him"
            | "us"
            | "me"
            | "each"
            | "every"
            | "all"
            | "both"
            | "more"
            | "less"
            | "fewer"
            | "most"
            | "least"
            | "yesterday"
            | "today"
            | "tomorrow"
            | "tonight"
            | "ago"
            | "last"
            | "next"
            | "earlier"
            | "later"
            | "said"
            | "says"
            | "say"
            | "told"
            | "according"
            | "including"
            | "reportedly"
            | "allegedly"
            | "apiece"
            | "each."
            | "respectively"
            | "like"
            | "such"
            | "whether"
            | "how"
            | "why"
            | "plus"
            | "minus"
            | "times"
            | "a.m."
            | "p.m."
            | "am."
            | "pm"
            | "per cent"
            | "amid"
            | "despite"
            | "following"
            | "alongside"
            | "ahead"
            | "behind"
            | "near"
            | "unlike"
            | "upon"
            | "versus"
            | "vs"
            | "vs."
            | "whereby"
    )
}

/// Plural nouns for people written without an -s ("people", "police", "staff").
pub fn unmarked_plural(w: &str) -> bool {
    matches!(
        w,
        "people" | "men" | "women" | "children" | "police" | "personnel" | "staff"
    )
}

/// Words of change: "rose from 5% to 7%" gives two figures, not a range.
pub fn change_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "rise"
            | "rises"
            | "risen"
            | "rising"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "falling"
            | "increased"
            | "increase"
            | "increases"
            | "decreased"
            | "decrease"
            | "dropped"
            | "drop"
            | "drops"
            | "climbed"
            | "climb"
            | "grew"
            | "grow"
            | "jumped"
            | "jump"
            | "surged"
            | "declined"
            | "decline"
            | "slipped"
            | "slid"
            | "plunged"
            | "soared"
            | "ballooned"
            | "swelled"
            | "spiked"
            | "dipped"
            | "sank"
            | "plummeted"
            | "skyrocketed"
            | "rebounded"
            | "crept"
            | "edged"
            | "inched"
            | "leapt"
            | "leaped"
            | "raised"
            | "cut"
            | "cuts"
            | "reduced"
            | "lowered"
            | "up"
            | "down"
            | "went"
            | "changed"
            | "moved"
            | "shrank"
            | "expanded"
            | "tumbled"
            | "gained"
            | "lost"
            | "doubled"
            | "tripled"
            | "boosted"
            | "revised"
            | "upgraded"
            | "downgraded"
    )
}
