//! Months, weekdays and seasons.

use crate::table::{flags, number, table, Table};
use std::sync::LazyLock;

/// A month name or abbreviation (`data/months.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    /// 1 for January.
    pub number: u32,
    pub abbreviation: bool,
    /// An abbreviation news copy writes with a full stop ("Sept.", "Oct."; AP style).
    pub ap_style: bool,
    /// Also an ordinary word or a name ("may", "march", "Jan").
    pub ambiguous: bool,
    /// The bare form is an ordinary word ("mar"): a month only with its full stop.
    pub needs_stop: bool,
    /// Also the modal verb ("may").
    pub modal: bool,
}

static MONTHS: LazyLock<Table<Month>> = LazyLock::new(|| {
    let file = "months.txt";
    table(include_str!("../data/months.txt"), |_, f| {
        let [abbreviation, ap_style, ambiguous, needs_stop, modal] = flags(
            f.get(1..).unwrap_or(&[]),
            ["abbr", "ap", "ambiguous", "dot", "modal"],
            file,
        );
        Month {
            number: number(f.first(), file) as u32,
            abbreviation,
            ap_style,
            ambiguous,
            needs_stop,
            modal,
        }
    })
});

/// The month a lower-case name or abbreviation (without its full stop) stands for.
#[inline]
pub fn month(lower: &str) -> Option<Month> {
    MONTHS.get(lower).copied()
}

/// A month as a lower-case token may write it: a full name, or an abbreviation with or without
/// its full stop ("sept.", "oct"), but a bare abbreviation that is an ordinary word ("mar") only
/// with its stop.
#[inline]
pub fn month_token(lower: &str) -> Option<Month> {
    match lower.strip_suffix('.') {
        Some(bare) => month(bare).filter(|m| m.abbreviation),
        None => month(lower).filter(|m| !m.needs_stop),
    }
}

static FOREIGN_MONTHS: LazyLock<Table<u32>> = LazyLock::new(|| {
    table(include_str!("../data/foreign_months.txt"), |_, f| {
        number(f.first(), "foreign_months.txt") as u32
    })
});

/// The month number a lower-case form stands for in a page's dateline: an English name or
/// abbreviation, or another language's abbreviation (`data/foreign_months.txt`).
#[inline]
pub fn dateline_month(lower: &str) -> Option<u32> {
    month(lower)
        .map(|m| m.number)
        .or_else(|| FOREIGN_MONTHS.get(lower).copied())
}

/// Every month form a dateline may print (English names and abbreviations, and with `foreign`
/// the other languages' abbreviations), sorted, for building date patterns.
pub fn dateline_month_forms(foreign: bool) -> Vec<&'static str> {
    let english = MONTHS.iter().map(|(k, _)| k);
    let others = FOREIGN_MONTHS.iter().map(|(k, _)| k).filter(|_| foreign);
    let mut forms: Vec<&'static str> = english.chain(others).collect();
    forms.sort_unstable();
    forms
}

/// A weekday name or abbreviation (`data/weekdays.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weekday {
    /// ISO number: 1 for Monday.
    pub number: u32,
    pub abbreviation: bool,
    /// An abbreviation that reads as a weekday on its own ("Thurs"; not "sun", "wed").
    pub clear: bool,
}

static WEEKDAYS: LazyLock<Table<Weekday>> = LazyLock::new(|| {
    let file = "weekdays.txt";
    table(include_str!("../data/weekdays.txt"), |_, f| {
        let [abbreviation, clear] = flags(f.get(1..).unwrap_or(&[]), ["abbr", "clear"], file);
        Weekday {
            number: number(f.first(), file) as u32,
            abbreviation,
            clear,
        }
    })
});

/// The weekday a lower-case name or abbreviation (without its full stop) stands for.
#[inline]
pub fn weekday(lower: &str) -> Option<Weekday> {
    WEEKDAYS.get(lower).copied()
}

/// Whether a lower-case word is a weekday's full name ("monday").
#[inline]
pub fn is_weekday_name(lower: &str) -> bool {
    weekday(lower).is_some_and(|d| !d.abbreviation)
}

/// Every key of the month, weekday and season tables.
pub(crate) fn calendar_keys() -> impl Iterator<Item = &'static str> {
    let months = MONTHS.iter().map(|(k, _)| k);
    let days = WEEKDAYS.iter().map(|(k, _)| k);
    months.chain(days).chain(SEASONS.iter().map(|(k, _)| k))
}

/// Abbreviations of months and weekdays, which keep their full stop in the tokenizer.
pub(crate) fn calendar_abbreviations() -> impl Iterator<Item = &'static str> {
    let months = MONTHS.iter().filter(|(_, m)| m.abbreviation);
    let days = WEEKDAYS.iter().filter(|(_, d)| d.abbreviation);
    months.map(|(k, _)| k).chain(days.map(|(k, _)| k))
}

/// A season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

static SEASONS: LazyLock<Table<Season>> = LazyLock::new(|| {
    table(include_str!("../data/seasons.txt"), |_, f| {
        match f.first().copied().unwrap_or("") {
            "spring" => Season::Spring,
            "summer" => Season::Summer,
            "autumn" => Season::Autumn,
            "winter" => Season::Winter,
            other => {
                crate::table::data_error("seasons.txt", other);
                Season::Spring
            }
        }
    })
});

/// The season a lower-case word names ("fall" → autumn).
#[inline]
pub fn season(lower: &str) -> Option<Season> {
    SEASONS.get(lower).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_names_abbreviations_and_stops() {
        assert_eq!(month("sept").map(|m| m.number), Some(9));
        assert!(month("may").is_some_and(|m| m.ambiguous && m.modal && !m.abbreviation));
        assert!(month_token("sept.").is_some() && month_token("oct").is_some());
        assert!(month_token("mar").is_none() && month_token("mar.").is_some());
        assert!(month_token("march.").is_none(), "a full name takes no stop");
        assert!(month("jan").is_some_and(|m| m.ap_style) && !month("apr").unwrap().ap_style);
        assert_eq!(month("septembre"), None);
    }

    #[test]
    fn dateline_months_add_other_languages_only_where_asked() {
        assert_eq!(dateline_month("ago"), Some(8));
        assert_eq!(dateline_month("sep"), Some(9));
        assert_eq!(month("ago"), None, "\"ago\" is no month in English text");
        assert!(dateline_month_forms(true).contains(&"dic"));
        assert!(!dateline_month_forms(false).contains(&"dic"));
        assert!(dateline_month_forms(false).contains(&"september"));
    }

    #[test]
    fn weekdays_and_seasons() {
        assert_eq!(weekday("thurs").map(|d| d.number), Some(4));
        assert!(weekday("sun").is_some_and(|d| d.abbreviation && !d.clear));
        assert!(is_weekday_name("sunday") && !is_weekday_name("sun"));
        assert_eq!(season("fall"), Some(Season::Autumn));
        let abbreviations: Vec<&str> = calendar_abbreviations().collect();
        assert!(abbreviations.contains(&"sept") && abbreviations.contains(&"wed"));
        assert!(!abbreviations.contains(&"may"));
    }
}
