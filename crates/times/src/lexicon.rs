//! Word tables: months, weekdays, seasons, number words, ordinals and time units.

/// Month number of a month name or abbreviation ("sept" → 9).
pub(crate) fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Month names that are also common words; they need a capital or a day/year beside them.
pub(crate) fn month_is_ambiguous(w: &str) -> bool {
    matches!(
        w,
        "may" | "march" | "mar" | "jan" | "jun" | "sep" | "dec" | "aug"
    )
}

/// ISO weekday number (Monday 1).
pub(crate) fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// Weekday names only (abbreviations like "sun", "wed" are too often words).
pub(crate) fn weekday_full(w: &str) -> Option<u32> {
    match w {
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        | "mon" | "tues" | "thurs" | "fri" => weekday(w),
        _ => None,
    }
}

/// TimeML season code.
pub(crate) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Cardinal number words.
pub(crate) fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Ordinal words and suffixed numerals ("third", "3rd") up to 31.
pub(crate) fn ordinal(w: &str) -> Option<u32> {
    let words = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(i) = words.iter().position(|x| *x == w) {
        return Some(i as u32 + 1);
    }
    match w {
        "thirtieth" => return Some(30),
        "twenty-first" => return Some(21),
        _ => {}
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
    let base = match w {
        "second" | "seconds" | "sec" | "secs" => ('S', true, 1),
        "minute" | "minutes" | "min" | "mins" => ('M', true, 1),
        "hour" | "hours" | "hr" | "hrs" => ('H', true, 1),
        "day" | "days" => ('D', false, 1),
        "night" | "nights" => ('D', false, 1),
        "week" | "weeks" => ('W', false, 1),
        "fortnight" | "fortnights" => ('D', false, 14),
        "month" | "months" => ('M', false, 1),
        "quarter" | "quarters" => ('M', false, 3),
        "year" | "years" | "yr" | "yrs" => ('Y', false, 1),
        "decade" | "decades" => ('Y', false, 10),
        "century" | "centuries" => ('Y', false, 100),
        _ => return None,
    };
    Some(Unit {
        letter: base.0,
        clock: base.1,
        factor: base.2,
    })
}

pub(crate) fn is_plural_unit(w: &str) -> bool {
    w.ends_with('s') && unit(w).is_some() && w != "hrs"
}
