//! The fourth stage of the flow: the ledger. Analyses go in through the [`Store`] trait and
//! queries come out as plain rows. The embedded backend is SQLite ([`SqliteStore`]); a PostgreSQL
//! backend implements the same trait with the same schema.
//!
//! The ledger is the only stateful part of claimtrail. It never analyses text: it stores and
//! relates what the analysis stages produced.

pub mod links;
mod rows;
mod sqlite;
mod sqlite_links;
mod sqlite_stories;

pub use rows::{
    CopyRow, DocumentRow, EntityRow, FigureRow, QuoteRow, RegistryQuoteRow, SpeakerRow, StoryRow,
    TimelineRow,
};
pub use sqlite::SqliteStore;

use claimtrail_analysis::DocAnalysis;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("corrupt stored analysis for {id}: {source}")]
    Corrupt {
        id: String,
        source: serde_json::Error,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Restrictions shared by the query commands; `None` means no restriction.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Substring of the speaker's canonical name or surface mention (quotes).
    pub speaker: Option<String>,
    /// Substring of an entity's canonical name or text.
    pub entity: Option<String>,
    /// Substring of what a figure counts.
    pub counted: Option<String>,
    /// Publication dates from (inclusive), `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Publication dates up to (inclusive), `YYYY-MM-DD`.
    pub until: Option<String>,
    /// Full-text query over title and article text (FTS5 syntax).
    pub text: Option<String>,
    pub limit: Option<usize>,
    /// Only rows of this story.
    pub story: Option<i64>,
}

/// How many rows of each kind the store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub documents: i64,
    pub entities: i64,
    pub quotes: i64,
    pub figures: i64,
    pub times: i64,
}

/// A ledger backend.
///
/// Contract: documents are keyed by their content id; storing one that is already present
/// changes nothing. `put_batch` is atomic: after a crash either the whole batch is stored or none
/// of it is, so a re-run of the same inputs completes the ledger without duplicates.
pub trait Store {
    /// Stores a batch in one transaction; returns how many documents were new.
    fn put_batch(&mut self, docs: &[DocAnalysis]) -> Result<usize>;
    /// Whether a document with this content id is stored (lets ingest skip re-analysis).
    fn contains(&self, id: &str) -> Result<bool>;
    /// The stored analysis of a document, by id, id prefix or source path.
    fn document(&self, key: &str) -> Result<Option<DocAnalysis>>;
    fn documents(&self, f: &Filter) -> Result<Vec<DocumentRow>>;
    fn quotes(&self, f: &Filter) -> Result<Vec<QuoteRow>>;
    fn figures(&self, f: &Filter) -> Result<Vec<FigureRow>>;
    fn entities(&self, f: &Filter) -> Result<Vec<EntityRow>>;
    fn counts(&self) -> Result<Counts>;
    /// Stories (event-level clusters), largest first.
    fn stories(&self, f: &Filter) -> Result<Vec<StoryRow>>;
    /// The ids of a story's documents, earliest first.
    fn story_documents(&self, story: i64) -> Result<Vec<String>>;
    /// Wire copies and near-duplicates with the earliest appearance they link to.
    fn copies(&self, f: &Filter) -> Result<Vec<CopyRow>>;
    /// Speakers across documents: quote and document counts, roles seen.
    fn speakers(&self, f: &Filter) -> Result<Vec<SpeakerRow>>;
    /// Quotes of the registry (one per quote across outlets) with appearances.
    fn registry_quotes(&self, f: &Filter) -> Result<Vec<RegistryQuoteRow>>;
    /// Figure groups whose measure matches `query`, each in date order.
    fn timeline(&self, query: &str, f: &Filter) -> Result<Vec<TimelineRow>>;
}
