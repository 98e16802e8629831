//! The fourth stage of the flow: the ledger. Analyses go in through the [`Store`] trait and
//! queries come out as plain rows. The embedded backend is SQLite ([`SqliteStore`]); a PostgreSQL
//! backend implements the same trait, with the same numbered schema steps ([`migrations`]).
//!
//! The ledger is the only stateful part of claimtrail. It never analyses text: it stores and
//! relates what the analysis stages produced (wire copies, stories, the quote registry, figure
//! measures), and estimates a date for an undated document from its story.

pub mod collect_state;
mod linking;
pub mod links;
pub mod migrations;
mod origin;
#[cfg(feature = "postgres")]
pub mod postgres;
mod refusals;
mod rows;
mod sqlite;
pub mod tables;

pub use origin::origin;
pub use refusals::{put_naming_refused, Stored};

/// How many of a story's documents a story row lists (its `size` counts them all): a story can
/// hold a third of a ledger, and a page shows its members through the documents list.
pub const STORY_MEMBERS_LISTED: usize = 100;
#[cfg(feature = "postgres")]
pub use postgres::PgStore;
pub use rows::{
    CopyRow, DocumentRow, EntityRow, FigureRow, MeasureRow, QuoteRow, RegistryQuoteRow,
    SpeakerProfile, SpeakerRow, StoryRow, Summary, TimelineRow,
};
pub use sqlite::{QueryInterrupt, SqliteStore};
pub use tables::Tables;

use claimtrail_analysis::DocAnalysis;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite's own message (its error is not kept as the source: it would say it twice).
    #[error("database error: {0}")]
    Db(rusqlite::Error),
    #[error("{path} is not a claimtrail ledger ({why}); it was left untouched")]
    NotALedger { path: String, why: String },
    #[error(
        "{path} is a ledger of schema version {found}, older than this claimtrail's {current}: \
         run `claimtrail migrate --db {path}` (or any ingest into it) to bring it up to date"
    )]
    NeedsMigration {
        path: String,
        found: u32,
        current: u32,
    },
    #[error(
        "{path} is a ledger of schema version {found}, written by a newer claimtrail (this one \
         knows versions up to {current})"
    )]
    TooNew {
        path: String,
        found: u32,
        current: u32,
    },
    #[error("the ledger stayed busy (locked by another writer) for {seconds} s; try again later")]
    Busy { seconds: u64 },
    #[error("`{query}` is not a valid FTS5 query: {message}")]
    TextQuery { query: String, message: String },
    #[error("the {filter} filter does not apply to {rows}")]
    FilterNotApplicable {
        filter: &'static str,
        rows: &'static str,
    },
    /// PostgreSQL's own message.
    #[cfg(feature = "postgres")]
    #[error("database error: {}", postgres::message(.0))]
    Postgres(::postgres::Error),
    /// A stored value this claimtrail cannot read back.
    #[error("the ledger holds a bad value in {what}: {message}")]
    Corrupt { what: String, message: String },
    /// A worker's unit was taken over by another worker (its lease ran out).
    #[error("work unit {job} is no longer this worker's (its lease ran out)")]
    LeaseLost { job: i64 },
    #[error("cannot connect to {url}: {message}")]
    Connect { url: String, message: String },
    /// The consumer of streamed rows failed (a closed pipe, a full disk).
    #[error("cannot write rows")]
    Output(#[source] std::io::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Db(e)
    }
}

#[cfg(feature = "postgres")]
impl From<::postgres::Error> for StoreError {
    fn from(e: ::postgres::Error) -> Self {
        StoreError::Postgres(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Output(e)
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Receives the rows of a query one at a time, in the query's order; an error it returns stops
/// the query and becomes the query's error. Rows are never gathered in memory first.
pub type RowSink<'a, T> = &'a mut dyn FnMut(T) -> Result<()>;

/// Restrictions shared by the query commands; `None` means no restriction. A query given a
/// restriction it cannot apply refuses with [`StoreError::FilterNotApplicable`] rather than
/// ignore it.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Substring of the speaker's canonical name or surface mention (quotes), of who claims a
    /// figure (figures, timelines), of a speaker's name (speakers, registry).
    pub speaker: Option<String>,
    /// Only documents mentioning an entity (substring of its name).
    pub entity: Option<String>,
    /// Substring of what a figure counts.
    pub counted: Option<String>,
    /// Publication dates from (inclusive), `YYYY-MM-DD`.
    pub since: Option<chrono::NaiveDate>,
    /// Publication dates up to (inclusive), `YYYY-MM-DD`.
    pub until: Option<chrono::NaiveDate>,
    /// Full-text query over title and article text (FTS5 syntax).
    pub text: Option<String>,
    pub limit: Option<usize>,
    /// Only rows of this story.
    pub story: Option<i64>,
}

impl Filter {
    /// Refuses the restrictions that `rows` cannot apply (all but `since`, `until`, `text`,
    /// `entity`, `story` and `limit`, which every query applies, and those in `also`).
    pub fn only(&self, rows: &'static str, also: &[&'static str]) -> Result<()> {
        let extra = [
            ("speaker", self.speaker.is_some()),
            ("counted", self.counted.is_some()),
        ];
        match extra
            .into_iter()
            .find(|(name, set)| *set && !also.contains(name))
        {
            Some((filter, _)) => Err(StoreError::FilterNotApplicable { filter, rows }),
            None => Ok(()),
        }
    }
}

/// How many rows of each kind the store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub documents: i64,
    pub entities: i64,
    pub quotes: i64,
    pub figures: i64,
    pub times: i64,
    pub stories: i64,
    pub copies: i64,
}

/// One appearance of a document: its analysis and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Appearance {
    /// Its URL, else its source path made canonical: see [`origin()`].
    pub origin: String,
    pub analysis: DocAnalysis,
}

/// A ledger backend.
///
/// Contract:
/// - A stored document is an appearance, keyed by its content id (`analysis.id`, the hash of its
///   raw bytes) and its origin: the same bytes from another URL or path are another document,
///   linked to the first as a wire copy; the same bytes from the same origin again change
///   nothing (re-ingesting is idempotent).
/// - Each document is stored whole or not at all: after a crash it is either fully visible
///   (its spans, links and story) or absent, and a re-run of the same inputs completes the
///   ledger without duplicates. `put_batch` commits in chunks of whole documents, so that a
///   large batch never holds the write lock for long; a writer that finds the ledger locked
///   waits and retries.
/// - Every query is a function of the stored documents and the order they were stored in: ties
///   break on stable keys, never on hash or thread order.
/// - List queries stream their rows to a [`RowSink`] in a stated order; a filter a query cannot
///   apply is an error, not ignored.
pub trait Store {
    /// Stores appearances in order; returns how many were new.
    fn put_batch(&mut self, docs: &[Appearance]) -> Result<usize>;
    /// Whether this content from this origin is stored (lets ingest skip re-analysis).
    fn contains(&self, content_id: &str, origin: &str) -> Result<bool>;
    /// The stored analysis of a document, by content id, id prefix (6 characters or more),
    /// source path as given, or a path to the same file (made canonical); the first stored
    /// appearance when several match.
    fn document(&self, key: &str) -> Result<Option<DocAnalysis>>;
    fn counts(&self) -> Result<Counts>;
    /// The ledger at a glance: counts, the `n` latest stories, top speakers and top measures.
    fn summary(&self, n: usize) -> Result<Summary>;
    /// Documents by publication date.
    fn documents(&self, f: &Filter, out: RowSink<DocumentRow>) -> Result<()>;
    /// Quotes by publication date of their document.
    fn quotes(&self, f: &Filter, out: RowSink<QuoteRow>) -> Result<()>;
    /// Figures by date.
    fn figures(&self, f: &Filter, out: RowSink<FigureRow>) -> Result<()>;
    /// Entities by mentions, most first.
    fn entities(&self, f: &Filter, out: RowSink<EntityRow>) -> Result<()>;
    /// Stories (event-level clusters), largest first.
    fn stories(&self, f: &Filter, out: RowSink<StoryRow>) -> Result<()>;
    /// Wire copies and near-duplicates with the earliest appearance they link to.
    fn copies(&self, f: &Filter, out: RowSink<CopyRow>) -> Result<()>;
    /// Speakers across documents: quote and document counts, roles seen.
    fn speakers(&self, f: &Filter, out: RowSink<SpeakerRow>) -> Result<()>;
    /// One speaker by exact canonical name, with at most `quotes` of their latest stored quotes;
    /// `None` when no quote names them.
    fn speaker(&self, name: &str, quotes: usize) -> Result<Option<SpeakerProfile>>;
    /// Quotes of the registry (one per quote across outlets) with appearances.
    fn registry_quotes(&self, f: &Filter, out: RowSink<RegistryQuoteRow>) -> Result<()>;
    /// Figure groups whose measure matches `query`, each in date order.
    fn timeline(&self, query: &str, f: &Filter, out: RowSink<TimelineRow>) -> Result<()>;
    /// Measures (what figures count, normalised) with how many figures and documents give one.
    fn measures(&self, f: &Filter, out: RowSink<MeasureRow>) -> Result<()>;
    /// One quote of the registry, by its id.
    fn registry_quote(&self, id: i64) -> Result<Option<RegistryQuoteRow>>;
    /// Every appearance of a registry quote, earliest first.
    fn quote_appearances(&self, id: i64, out: RowSink<QuoteRow>) -> Result<()>;
    /// Every stored appearance, in the order it was stored (`copy` replays them into another
    /// ledger, which then links them exactly as this one did).
    fn appearances(&self, out: RowSink<Appearance>) -> Result<()>;
    /// The schema version the ledger had before this store migrated it, if it did.
    fn migrated_from(&self) -> Option<u32> {
        None
    }
}

/// Whether `db` names a PostgreSQL database (`postgres://…` or `postgresql://…`) rather than a
/// SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// How to name the ledger `db` in messages: a URL without its password.
pub fn shown(db: &str) -> String {
    let Some((scheme, rest)) = db.split_once("://") else {
        return db.to_string();
    };
    match rest.split_once('@') {
        Some((auth, host)) => {
            let user = auth.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}@{host}")
        }
        None => db.to_string(),
    }
}

/// Opens the ledger `db` names (a SQLite file or a PostgreSQL URL) for writing: created or
/// migrated as needed.
pub fn open(db: &str) -> Result<Box<dyn Store>> {
    if is_postgres_url(db) {
        return open_postgres(db, false);
    }
    Ok(Box::new(SqliteStore::open(std::path::Path::new(db))?))
}

/// Opens an existing ledger for reading only (no schema step runs, nothing is written).
pub fn open_read_only(db: &str) -> Result<Box<dyn Store>> {
    if is_postgres_url(db) {
        return open_postgres(db, true);
    }
    Ok(Box::new(SqliteStore::open_read_only(
        std::path::Path::new(db),
    )?))
}

#[cfg(feature = "postgres")]
fn open_postgres(url: &str, read_only: bool) -> Result<Box<dyn Store>> {
    Ok(Box::new(if read_only {
        PgStore::open_read_only(url)?
    } else {
        PgStore::open(url)?
    }))
}

#[cfg(not(feature = "postgres"))]
fn open_postgres(url: &str, _read_only: bool) -> Result<Box<dyn Store>> {
    Err(StoreError::Connect {
        url: url.to_string(),
        message: "this claimtrail was built without PostgreSQL (cargo feature `postgres`)".into(),
    })
}

/// Runs a streaming query into a vector (tests and small result sets).
pub fn collect<T>(query: impl FnOnce(RowSink<T>) -> Result<()>) -> Result<Vec<T>> {
    let mut rows = Vec::new();
    query(&mut |r| {
        rows.push(r);
        Ok(())
    })?;
    Ok(rows)
}
