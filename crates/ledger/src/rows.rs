//! Query result rows. Field order is column order in every output format.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRow {
    pub id: String,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub source: String,
    pub quotes: i64,
    pub figures: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub published: Option<String>,
    pub speaker: Option<String>,
    pub kind: String,
    pub cue: Option<String>,
    pub text: String,
    pub document: String,
    pub source: String,
    pub start: i64,
    pub end: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRow {
    pub date: Option<String>,
    pub text: String,
    pub value: Option<f64>,
    pub hedge: String,
    pub unit: Option<String>,
    pub counted: Option<String>,
    pub claimed_by: Option<String>,
    pub document: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRow {
    pub canonical: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub mentions: i64,
    pub documents: i64,
    pub roles: Vec<String>,
}
