//! The ledger's tables row by row, for bulk export and import: every stored column of every
//! document, span and link, under the `analyze` contract's names, streamed in key order.
//!
//! Documents are referred to by their ledger key (`documents.key`, the order they were stored
//! in), which is unique where the content id is not (one content from two origins is two
//! documents). A record holds contract values with their contract types, so it serialises to
//! the same strings as `analyze` and reads back into an analysis unchanged.

use crate::{Filter, Result, RowSink};
use chrono::NaiveDate;
use claimtrail_analysis::{EntityKind, Hedge, QuoteKind, TimexType};
use serde::{Deserialize, Serialize};

/// One stored document: its appearance and the analysis fields that are not spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// The ledger's key: 1, 2, 3… in the order documents were stored.
    pub key: i64,
    /// The content id (hash of the raw bytes): `id` in the `analyze` contract.
    pub id: String,
    pub origin: String,
    pub source: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// For an undated document, the date the ledger infers from its story.
    pub estimated: Option<NaiveDate>,
    pub authors: Vec<String>,
    pub agencies: Vec<String>,
    pub syndicated: bool,
    pub dateline: Option<String>,
    pub language: Option<String>,
    /// The story the ledger put it in.
    pub story: Option<i64>,
    pub warnings: Vec<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub document_key: i64,
    pub position: i64,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
    pub canonical: String,
    pub role: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub document_key: i64,
    pub position: i64,
    pub text: String,
    pub kind: QuoteKind,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub speaker_mention: Option<String>,
    pub speaker_type: Option<EntityKind>,
    pub role: Option<String>,
    pub cue: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRecord {
    pub document_key: i64,
    pub position: i64,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub hedge: Hedge,
    pub unit: Option<String>,
    pub counted: Option<String>,
    /// Who claims the figure (the contract's name; `claimed_by` in the SQLite table).
    pub source: Option<String>,
    /// TimeML value: a day, a month, a week…
    pub date: Option<String>,
    /// The measure the ledger files it under (derived at ingest).
    pub measure: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeRecord {
    pub document_key: i64,
    pub position: i64,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
    #[serde(rename = "type")]
    pub kind: TimexType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRecord {
    pub id: i64,
    pub title: Option<String>,
    pub first_seen: Option<NaiveDate>,
    pub last_seen: Option<NaiveDate>,
    /// How many documents the story holds in the whole ledger.
    pub documents: i64,
}

/// A wire copy or near-duplicate and the earliest appearance it links to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyRecord {
    pub document_key: i64,
    pub original_key: i64,
    pub similarity: f64,
}

/// A quote of the registry: one quote across outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegistryRecord {
    pub id: i64,
    pub text: String,
    pub speaker: Option<String>,
    pub first_document_key: i64,
    pub first_date: Option<NaiveDate>,
}

/// A quote of a document as an appearance of a registry quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteAppearanceRecord {
    pub document_key: i64,
    pub position: i64,
    pub quote_id: i64,
}

/// A document as a claim's appearance.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRef {
    pub key: i64,
    pub id: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// Publication date, else the ledger's estimate.
    pub date: Option<NaiveDate>,
}

/// One appearance of a registry quote with a speaker, with where the quote first appeared. The
/// rows of one quote come together, so a reader can write a claim with any number of
/// appearances while holding one.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteClaim {
    pub id: i64,
    pub text: String,
    pub speaker: String,
    /// The speaker's type where a quote of it says (PERSON, ORG).
    pub speaker_type: Option<EntityKind>,
    pub first_date: Option<NaiveDate>,
    pub first: ArticleRef,
    /// A document it appears in (a document quoting it twice gives two rows).
    pub appearance: ArticleRef,
}

/// A figure someone is said to claim.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureClaim {
    pub document_key: i64,
    pub position: i64,
    pub text: String,
    pub value: Option<f64>,
    pub hedge: Hedge,
    pub unit: Option<String>,
    pub counted: Option<String>,
    pub claimed_by: String,
    /// The claimant's type where an entity or quote of its document says.
    pub claimed_by_type: Option<EntityKind>,
    pub date: Option<String>,
    pub article: ArticleRef,
}

/// Whole tables, streamed in key order (documents by key, spans by document and position). A
/// filter restricts the documents (`since`, `until`, `story`, `entity`, `text`) and with them
/// every row that belongs to one; the rest of it is refused.
pub trait Tables {
    fn document_records(&self, f: &Filter, out: RowSink<DocumentRecord>) -> Result<()>;
    fn entity_records(&self, f: &Filter, out: RowSink<EntityRecord>) -> Result<()>;
    fn quote_records(&self, f: &Filter, out: RowSink<QuoteRecord>) -> Result<()>;
    fn figure_records(&self, f: &Filter, out: RowSink<FigureRecord>) -> Result<()>;
    fn time_records(&self, f: &Filter, out: RowSink<TimeRecord>) -> Result<()>;
    /// Stories holding at least one of the documents.
    fn story_records(&self, f: &Filter, out: RowSink<StoryRecord>) -> Result<()>;
    /// Copies whose copy is one of the documents.
    fn copy_records(&self, f: &Filter, out: RowSink<CopyRecord>) -> Result<()>;
    /// Registry quotes appearing in at least one of the documents.
    fn registry_records(&self, f: &Filter, out: RowSink<RegistryRecord>) -> Result<()>;
    fn quote_appearance_records(
        &self,
        f: &Filter,
        out: RowSink<QuoteAppearanceRecord>,
    ) -> Result<()>;
    /// Registry quotes with a speaker, one row per appearance among the documents, by registry
    /// id then document key.
    fn quote_claims(&self, f: &Filter, out: RowSink<QuoteClaim>) -> Result<()>;
    /// Figures of the documents with a claimant, by document and position.
    fn figure_claims(&self, f: &Filter, out: RowSink<FigureClaim>) -> Result<()>;
}
