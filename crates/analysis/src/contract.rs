//! The `analyze` output contract (DESIGN.md). Field names and order are the contract: every field
//! is always serialised, `null` when unknown, `[]` when empty.

use chrono::NaiveDate;
use claimtrail_text::{Entity, Figure, Quote, TimeExpr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocAnalysis {
    pub source: String,
    pub id: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// Publication date, written `YYYY-MM-DD`.
    pub published: Option<NaiveDate>,
    pub authors: Vec<String>,
    pub agencies: Vec<String>,
    pub syndicated: bool,
    pub dateline: Option<String>,
    pub language: Option<String>,
    pub text: String,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
    pub times: Vec<TimeExpr>,
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_contract_field_is_serialised_even_when_empty() {
        let v = serde_json::to_value(DocAnalysis::default()).unwrap();
        for key in [
            "source",
            "id",
            "url",
            "outlet",
            "title",
            "published",
            "authors",
            "agencies",
            "syndicated",
            "dateline",
            "language",
            "text",
            "entities",
            "quotes",
            "figures",
            "times",
            "warnings",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert!(v["url"].is_null());
        assert_eq!(v["quotes"], serde_json::json!([]));
    }
}
