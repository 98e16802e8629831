//! Span types of the analysis contract (DESIGN.md). Serialised field names are the contract;
//! `start`/`end` are byte offsets into the article text.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub text: String,
    /// PERSON, ORG, GPE, LOC, NORP or MISC.
    #[serde(rename = "type")]
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub canonical: String,
    /// Role or title attached to a person in the document ("White House spokeswoman").
    #[serde(default)]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    /// direct, indirect or mixed.
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub speaker_mention: Option<String>,
    pub speaker_type: Option<String>,
    pub role: Option<String>,
    pub cue: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// exact, approximately, at_least, more_than, at_most, less_than, up_to or range.
    pub hedge: String,
    pub unit: Option<String>,
    pub counted: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// TimeML TIMEX3 value; `null` when it cannot be resolved (no reference date).
    pub value: Option<String>,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: String,
}
