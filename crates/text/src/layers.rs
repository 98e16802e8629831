//! Span types of the analysis contract (DESIGN.md). Serialised field names and values are the
//! contract: the enums here serialise to exactly the strings DESIGN.md lists; `start`/`end` are
//! byte offsets into the article text.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Names the contract's string for each variant of an enum, for `as_str` and `Display` (the
/// serde attributes give the same strings; a test holds them equal).
macro_rules! contract_names {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every variant, in contract order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The contract's string ("PERSON", "at_least", …).
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}

/// An entity's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    Person,
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Other places (regions, seas, rivers).
    Loc,
    /// Nationalities, religious and political groups.
    Norp,
    /// Everything else named (events, products, works); the catch-all.
    #[default]
    Misc,
}

contract_names!(EntityKind {
    Person => "PERSON",
    Org => "ORG",
    Gpe => "GPE",
    Loc => "LOC",
    Norp => "NORP",
    Misc => "MISC",
});

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
    pub canonical: String,
    /// Role or title attached to a person in the document ("White House spokeswoman").
    #[serde(default)]
    pub role: Option<String>,
}

/// How a quote is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// In quote marks.
    #[default]
    Direct,
    /// Reported speech, no marks.
    Indirect,
    /// Reported speech holding a quoted fragment.
    Mixed,
}

contract_names!(QuoteKind {
    Direct => "direct",
    Indirect => "indirect",
    Mixed => "mixed",
});

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    pub kind: QuoteKind,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub speaker_mention: Option<String>,
    /// PERSON or ORG when the speaker is resolved.
    pub speaker_type: Option<EntityKind>,
    pub role: Option<String>,
    pub cue: Option<String>,
}

/// How a figure's words bound its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    #[default]
    Exact,
    Approximately,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    UpTo,
    /// Between `low` and `high`.
    Range,
}

contract_names!(Hedge {
    Exact => "exact",
    Approximately => "approximately",
    AtLeast => "at_least",
    MoreThan => "more_than",
    AtMost => "at_most",
    LessThan => "less_than",
    UpTo => "up_to",
    Range => "range",
});

impl Hedge {
    /// Bounds a value from below ("at least", "more than").
    pub fn is_floor(self) -> bool {
        matches!(self, Hedge::AtLeast | Hedge::MoreThan)
    }

    /// Bounds a value from above ("at most", "less than", "up to").
    pub fn is_ceiling(self) -> bool {
        matches!(self, Hedge::AtMost | Hedge::LessThan | Hedge::UpTo)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub hedge: Hedge,
    pub unit: Option<String>,
    pub counted: Option<String>,
    pub source: Option<String>,
    /// As of when: the TimeML value of a date in the figure's sentence ("2024-10", "2024-W42"),
    /// else the publication date.
    pub date: Option<String>,
}

/// A TimeML TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    #[default]
    Date,
    Time,
    Duration,
    Set,
}

contract_names!(TimexType {
    Date => "DATE",
    Time => "TIME",
    Duration => "DURATION",
    Set => "SET",
});

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// TimeML TIMEX3 value; `null` when it cannot be resolved (no reference date).
    pub value: Option<String>,
    #[serde(rename = "type")]
    pub kind: TimexType,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` and `Display` say what serde writes, for every variant.
    #[test]
    fn names_are_the_serialised_strings() {
        fn check<T: Serialize + fmt::Display + Copy>(all: &[T], as_str: fn(T) -> &'static str) {
            for &v in all {
                let json = serde_json::to_string(&v).unwrap();
                assert_eq!(json, format!("\"{}\"", as_str(v)));
                assert_eq!(v.to_string(), as_str(v));
            }
        }
        check(EntityKind::ALL, EntityKind::as_str);
        check(QuoteKind::ALL, QuoteKind::as_str);
        check(Hedge::ALL, Hedge::as_str);
        check(TimexType::ALL, TimexType::as_str);
        assert_eq!(Hedge::AtLeast.as_str(), "at_least");
        assert_eq!(EntityKind::Norp.as_str(), "NORP");
    }

    #[test]
    fn contract_strings_read_back() {
        let e: Entity = serde_json::from_str(
            r#"{"text":"Kyiv","type":"GPE","start":0,"end":4,"canonical":"Kyiv"}"#,
        )
        .unwrap();
        assert_eq!(e.kind, EntityKind::Gpe);
        assert!(serde_json::from_str::<Hedge>("\"roughly\"").is_err());
        assert_eq!(
            serde_json::from_str::<QuoteKind>("\"mixed\"").unwrap(),
            QuoteKind::Mixed
        );
    }
}
