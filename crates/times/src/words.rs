//! How the grammar reads the shared lexicon: month and weekday numbers, counts, ordinals, and
//! the TimeML letters of units and codes of seasons. Words are lower-case, without a trailing
//! full stop (the scanner removes it).

use claimtrail_lexicon::{self as lexicon, Season, TimeUnit};

/// Month number of a month name or abbreviation ("oct" → 10).
pub(crate) fn month(w: &str) -> Option<u32> {
    lexicon::month(w).map(|m| m.number)
}

/// Month names that are also common words or names; they need a capital or a day/year beside
/// them.
pub(crate) fn month_is_ambiguous(w: &str) -> bool {
    lexicon::month(w).is_some_and(|m| m.ambiguous)
}

/// Whether a month form is an abbreviation ("Oct"), not a full name ("May").
pub(crate) fn month_is_abbreviation(w: &str) -> bool {
    lexicon::month(w).is_some_and(|m| m.abbreviation)
}

/// ISO weekday number (Monday 1) of a name or abbreviation.
pub(crate) fn weekday(w: &str) -> Option<u32> {
    lexicon::weekday(w).map(|d| d.number)
}

/// Weekday names, and the abbreviations that read as weekdays on their own ("thurs"; not
/// "sun", "wed").
pub(crate) fn weekday_full(w: &str) -> Option<u32> {
    lexicon::weekday(w)
        .filter(|d| !d.abbreviation || d.clear)
        .map(|d| d.number)
}

/// TimeML season code.
pub(crate) fn season(w: &str) -> Option<&'static str> {
    Some(match lexicon::season(w)? {
        Season::Spring => "SP",
        Season::Summer => "SU",
        Season::Autumn => "FA",
        Season::Winter => "WI",
    })
}

/// A count in words: cardinals ("seven"), "a"/"an" as one, "hundred" and "dozen"; not the
/// informal variants figures read ("nil", "fourty").
pub(crate) fn small_number(w: &str) -> Option<u32> {
    if matches!(w, "a" | "an") {
        return Some(1);
    }
    let n = lexicon::number_word(w)?;
    let plain = !n.abbreviation && !n.plural && !n.variant;
    let counts = n.cardinal || n.scale && n.value == 100 || n.dozen;
    (plain && counts).then(|| u32::try_from(n.value).ok())?
}

/// Ordinal words and suffixed numerals ("third", "3rd"). Asked of nearly every piece: a word
/// that does not end like an ordinal is turned away first (every ordinal word of the lexicon
/// ends in -st, -nd, -rd or -th; a test there holds it).
pub(crate) fn ordinal(w: &str) -> Option<u32> {
    if !(w.ends_with("th") || w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd")) {
        return None;
    }
    if let Some(n) = lexicon::number_word(w).filter(|n| n.ordinal) {
        return u32::try_from(n.value).ok();
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !digits.is_empty() && matches!(suffix, "st" | "nd" | "rd" | "th") {
        return digits.parse().ok();
    }
    None
}

/// A time unit: its TimeML letter, whether it is a time-of-day unit (PT...), and a multiplier
/// into that letter (a decade is ten years).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    pub letter: char,
    pub clock: bool,
    pub factor: u32,
}

pub(crate) fn unit(w: &str) -> Option<Unit> {
    let (letter, clock, factor) = match lexicon::time_unit(w)? {
        TimeUnit::Second => ('S', true, 1),
        TimeUnit::Minute => ('M', true, 1),
        TimeUnit::Hour => ('H', true, 1),
        TimeUnit::Day | TimeUnit::Night => ('D', false, 1),
        TimeUnit::Week => ('W', false, 1),
        TimeUnit::Fortnight => ('D', false, 14),
        TimeUnit::Month => ('M', false, 1),
        TimeUnit::Quarter => ('M', false, 3),
        TimeUnit::Year => ('Y', false, 1),
        TimeUnit::Decade => ('Y', false, 10),
        TimeUnit::Century => ('Y', false, 100),
    };
    Some(Unit {
        letter,
        clock,
        factor,
    })
}

pub(crate) fn is_plural_unit(w: &str) -> bool {
    w.ends_with('s') && unit(w).is_some() && w != "hrs"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_ordinals_units_and_seasons() {
        assert_eq!(small_number("an"), Some(1));
        assert_eq!(small_number("hundred"), Some(100));
        assert_eq!(small_number("dozen"), Some(12));
        assert_eq!(small_number("fourty"), None);
        assert_eq!(small_number("thousand"), None);
        assert_eq!(ordinal("twenty-first"), Some(21));
        assert_eq!(ordinal("3rd"), Some(3));
        assert_eq!(ordinal("3x"), None);
        assert_eq!(
            unit("fortnight").map(|u| (u.letter, u.factor)),
            Some(('D', 14))
        );
        assert!(is_plural_unit("days") && !is_plural_unit("hrs"));
        assert_eq!(season("fall"), Some("FA"));
        assert_eq!(weekday_full("sun"), None);
        assert_eq!(weekday_full("thurs"), Some(4));
        assert!(month_is_abbreviation("oct") && !month_is_abbreviation("may"));
    }
}
