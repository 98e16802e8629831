//! Number words (cardinals, ordinals, scales, vague plurals, "dozen") and units of time.

use crate::table::{data_error, flags, number, table, Table};
use std::sync::LazyLock;

/// A number word (`data/numbers.txt`). Exactly one of `cardinal`, `ordinal`, `scale` holds,
/// or `vague` and/or `dozen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberWord {
    /// The number ("seven" 7, "third" 3, "bn" 10⁹), or the floor of a vague plural ("hundreds"
    /// 100).
    pub value: u64,
    pub cardinal: bool,
    pub ordinal: bool,
    /// A multiplier ("million", "bn").
    pub scale: bool,
    /// A plural quantity ("hundreds", "dozens"): more than its value.
    pub vague: bool,
    /// A form of "dozen".
    pub dozen: bool,
    pub abbreviation: bool,
    pub plural: bool,
    /// A spelling variant or informal word ("fourty", "nil").
    pub variant: bool,
}

static NUMBERS: LazyLock<Table<NumberWord>> = LazyLock::new(|| {
    let file = "numbers.txt";
    table(include_str!("../data/numbers.txt"), |_, f| {
        let [cardinal, ordinal, scale, vague, dozen, abbreviation, plural, variant] = flags(
            f.get(1..).unwrap_or(&[]),
            [
                "cardinal", "ordinal", "scale", "vague", "dozen", "abbr", "plural", "variant",
            ],
            file,
        );
        NumberWord {
            value: number(f.first(), file),
            cardinal,
            ordinal,
            scale,
            vague,
            dozen,
            abbreviation,
            plural,
            variant,
        }
    })
});

/// The number word a lower-case word is.
#[inline]
pub fn number_word(lower: &str) -> Option<NumberWord> {
    NUMBERS.get(lower).copied()
}

/// Every key of the number-word and time-unit tables.
pub(crate) fn number_keys() -> impl Iterator<Item = &'static str> {
    let numbers = NUMBERS.iter().map(|(k, _)| k);
    numbers.chain(TIME_UNITS.iter().map(|(k, _)| k))
}

/// A unit of time (`data/time_units.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Night,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl TimeUnit {
    const ALL: [TimeUnit; 12] = [
        TimeUnit::Second,
        TimeUnit::Minute,
        TimeUnit::Hour,
        TimeUnit::Day,
        TimeUnit::Night,
        TimeUnit::Week,
        TimeUnit::Fortnight,
        TimeUnit::Month,
        TimeUnit::Quarter,
        TimeUnit::Year,
        TimeUnit::Decade,
        TimeUnit::Century,
    ];

    /// The singular name ("second", "century").
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Night => "night",
            TimeUnit::Week => "week",
            TimeUnit::Fortnight => "fortnight",
            TimeUnit::Month => "month",
            TimeUnit::Quarter => "quarter",
            TimeUnit::Year => "year",
            TimeUnit::Decade => "decade",
            TimeUnit::Century => "century",
        }
    }
}

static TIME_UNITS: LazyLock<Table<TimeUnit>> = LazyLock::new(|| {
    table(include_str!("../data/time_units.txt"), |_, f| {
        let name = f.first().copied().unwrap_or("");
        TimeUnit::ALL
            .into_iter()
            .find(|u| u.name() == name)
            .unwrap_or_else(|| {
                data_error("time_units.txt", name);
                TimeUnit::Second
            })
    })
});

/// The unit of time a lower-case word names ("hrs" → hour).
#[inline]
pub fn time_unit(lower: &str) -> Option<TimeUnit> {
    TIME_UNITS.get(lower).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_carry_value_and_kind() {
        let seven = number_word("seven").unwrap();
        assert!(seven.cardinal && seven.value == 7 && !seven.variant);
        assert!(number_word("fourty").is_some_and(|n| n.variant && n.value == 40));
        assert!(number_word("twenty-first").is_some_and(|n| n.ordinal && n.value == 21));
        let bn = number_word("bn").unwrap();
        assert!(bn.scale && bn.abbreviation && bn.value == 1_000_000_000);
        let dozens = number_word("dozens").unwrap();
        assert!(dozens.vague && dozens.dozen && dozens.value == 12);
        assert_eq!(number_word("several"), None);
    }

    /// Readers may turn away a word that does not end like an ordinal before looking it up.
    #[test]
    fn every_ordinal_ends_like_one() {
        for (w, n) in NUMBERS.iter().filter(|(_, n)| n.ordinal) {
            assert!(
                ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s)),
                "{w} {n:?}"
            );
        }
    }

    #[test]
    fn every_number_word_has_exactly_one_kind() {
        for (w, n) in NUMBERS.iter() {
            let kinds = [n.cardinal, n.ordinal, n.scale, n.vague || n.dozen];
            assert_eq!(kinds.iter().filter(|k| **k).count(), 1, "{w}");
        }
    }

    #[test]
    fn time_units_name_their_unit() {
        assert_eq!(time_unit("hrs"), Some(TimeUnit::Hour));
        assert_eq!(time_unit("fortnights"), Some(TimeUnit::Fortnight));
        assert_eq!(time_unit("centuries").map(TimeUnit::name), Some("century"));
        assert_eq!(time_unit("moment"), None);
    }
}
