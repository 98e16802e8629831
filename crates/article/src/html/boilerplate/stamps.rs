//! Lines that only stamp a time or a price, wherever the page printed them: "Updated March 11,
//! 2026", "December 18, 2025, 9:46 pm", "6:32 PM", "$75 at Amazon". A comment thread, a live
//! blog's entries, a shopping box or a template's stamp leaves them between the paragraphs;
//! the article's date is metadata, and no sentence is a time or a price alone.

use regex::Regex;
use std::sync::LazyLock;

/// Longest paragraph read as a stamp or a price line.
pub(super) const MAX_STAMP_WORDS: usize = 12;

/// Words a stamp's label is made of ("Last updated on:", "Published", "Posted at").
const LABEL_WORDS: &[&str] = &[
    "last",
    "first",
    "updated",
    "published",
    "posted",
    "modified",
    "on",
    "at",
];

/// Words other than dates and times that a stamp may hold ("2 days ago", "at 9:06 am").
const STAMP_WORDS: &[&str] = &[
    "on",
    "at",
    "of",
    "am",
    "pm",
    "a.m",
    "p.m",
    "ago",
    "day",
    "days",
    "hour",
    "hours",
    "hr",
    "hrs",
    "minute",
    "minutes",
    "min",
    "mins",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "yesterday",
    "today",
    "updated",
    "published",
    "posted",
    "modified",
    "last",
    "first",
];

/// Month and weekday names, the three letters every spelling starts with.
const CALENDAR_STEMS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon",
    "tue", "wed", "thu", "fri", "sat", "sun",
];

const CALENDAR_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "sept",
    "tues",
    "thur",
    "thurs",
];

/// Whether a lower-case word is a month's or a weekday's name, whole or cut short ("Dec",
/// "Thu", "Sept"); not a word that only starts like one ("mars", "sunny").
fn is_calendar_name(w: &str) -> bool {
    w.get(..3)
        .is_some_and(|stem| CALENDAR_STEMS.contains(&stem))
        && CALENDAR_NAMES.iter().any(|n| n.starts_with(w))
}

/// Letters a date or time written as one word may hold besides its digits ("21st", "9:06am",
/// "10h30", "19-Dec-2025").
fn is_date_word_letters(letters: &str) -> bool {
    letters.is_empty()
        || matches!(letters, "am" | "pm" | "st" | "nd" | "rd" | "th" | "h")
        || is_calendar_name(letters)
}

/// A clock time: "9:46", "21:05", "9:06am" (two digits after the colon).
static CLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d:\d\d(?:\D|$)").expect("static regex"));

/// A word as a stamp reads it: what it is made of.
enum StampWord {
    /// Digits, with at most a suffix or a month's name ("2025,", "9:06am", "19-Dec-2025").
    Numeric,
    /// A month's or weekday's name, or a word of the stamps' vocabulary.
    Calendar,
    /// A time zone in capitals ("ET", "GMT", "AEDT").
    Zone,
}

fn stamp_word(raw: &str) -> Option<StampWord> {
    let w = raw.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '|' | '·' | '•'));
    let w = w.trim_end_matches('.');
    if w.is_empty() || matches!(w, "-" | "–" | "—" | ":" | "/") {
        return Some(StampWord::Calendar);
    }
    if w.chars().any(|c| c.is_ascii_digit()) {
        if !w
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '/' | '-' | '.'))
        {
            return None;
        }
        let letters: String = w
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        return is_date_word_letters(&letters).then_some(StampWord::Numeric);
    }
    let lower = w.trim_end_matches(':').to_lowercase();
    if STAMP_WORDS.contains(&lower.as_str()) || is_calendar_name(&lower) {
        return Some(StampWord::Calendar);
    }
    if (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()) {
        return Some(StampWord::Zone);
    }
    None
}

/// A line that is a time stamp and nothing else: a label and a date or time ("Last updated on
/// November 24, 2025", "Posted: 2 days ago", "Published 10:19am 19 December 2025"), or a date
/// with its clock time or a clock time alone ("Sunday, Feb 1, 2015 11:57 AM UTC", "6:32 PM").
/// A date alone stays: event listings and chronologies print dates as lines of their own.
pub(super) fn is_stamp_line(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_STAMP_WORDS {
        return false;
    }
    // The label: its words up to the first that is not one ("Last updated on:").
    let label_len = words
        .iter()
        .take_while(|w| LABEL_WORDS.contains(&w.trim_end_matches(':').to_lowercase().as_str()))
        .count();
    let labelled = words[..label_len].iter().any(|w| {
        matches!(
            w.trim_end_matches(':').to_lowercase().as_str(),
            "updated" | "published" | "posted" | "modified"
        )
    });
    let rest = &words[label_len..];
    let mut numeric = false;
    for w in rest {
        match stamp_word(w) {
            None => return false,
            Some(StampWord::Numeric) => numeric = true,
            Some(_) => {}
        }
    }
    let relative = rest.iter().any(|w| {
        matches!(
            w.trim_end_matches(['.', ',']).to_lowercase().as_str(),
            "ago" | "yesterday" | "today"
        )
    });
    if labelled {
        return numeric || relative;
    }
    // Unlabelled: a clock time must be there ("9:46 pm", "10am"), so that a lone date or a
    // number stays.
    let clock = CLOCK.is_match(p)
        || rest.iter().enumerate().any(|(i, w)| {
            let lower = w.to_lowercase();
            let meridiem =
                |s: &str| matches!(s.trim_end_matches([',', '.']), "am" | "pm" | "a.m" | "p.m");
            (lower.starts_with(|c: char| c.is_ascii_digit())
                && meridiem(lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')))
                || (lower.chars().all(|c| c.is_ascii_digit())
                    && rest.get(i + 1).is_some_and(|n| meridiem(&n.to_lowercase())))
        });
    label_len == 0 && clock
}

/// A shop's price line from a shopping box ("$75 at Amazon", "$1,599.00 from Lowe's", "£20 at
/// Waterstones", "$49 at example.com"): a price, "at" or "from", and a shop's name (a capital
/// or a web address), with no sentence after it.
static PRICE_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[$£€¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:USD|EUR|GBP))\s+(?:at|from|@)\s+(?:[\p{Lu}\d][\p{L}\d&.'’ -]{1,30}|[\p{L}\d-]+\.[a-z]{2,6})$")
        .expect("static regex")
});

pub(super) fn is_price_line(p: &str) -> bool {
    p.starts_with(|c: char| matches!(c, '$' | '£' | '€' | '¥') || c.is_ascii_digit())
        && PRICE_AT.is_match(p)
        && !p.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_alone_on_their_line() {
        for p in [
            "Updated March 11, 2026",
            "Last updated on November 24, 2025",
            "Last Updated: 2025-02-22",
            "Updated: January 2, 2025, 9:06am CST",
            "Published 10:19am 19 December 2025",
            "Updated on 19-Dec-2025",
            "Posted: 2 days ago",
            "Sunday, Feb 1, 2015 11:57 AM UTC",
            "December 18, 2025, 9:46 pm",
            "Nov 25, 2025 5:00 am PST",
            "6:32 PM",
            "14:44",
            "December 20, 2025 at 6:20 am",
        ] {
            assert!(is_stamp_line(p), "{p}");
        }
        for p in [
            // A date alone: a chronology's entry.
            "March 11, 2026",
            // The article's sentences and labels about other things.
            "Updated figures came out on Monday.",
            "Posted by Jo Bloggs",
            "Published by Example Games",
            "Modified: the file changed but is not committed",
            "The vote was 4:1",
            "Updated",
            "At 9:30 the doors opened to 200 people waiting outside",
            "Mars 2030",
            "Score: 3-1",
            // Letters outside ASCII where a month's stem would be cut.
            "Updated \u{e9}t\u{e9} 2025",
            "\u{65e5}\u{671f} 9:46",
            "D\u{e9}c 3, 2025 9:46",
            "Updated xy\u{e9} 2025",
            "ab\u{65e5} 9:46",
        ] {
            assert!(!is_stamp_line(p), "{p}");
        }
    }

    #[test]
    fn price_lines_of_shopping_boxes() {
        for p in [
            "$75 at Amazon",
            "$1,599.00 from Lowe's",
            "£20 at Waterstones",
            "€49 at example.com",
        ] {
            assert!(is_price_line(p), "{p}");
        }
        for p in [
            "$75 at Amazon, the lowest price we saw.",
            "$75 at most",
            "20 at the meeting said so.",
            "Prices start at $75",
        ] {
            assert!(!is_price_line(p), "{p}");
        }
    }
}
