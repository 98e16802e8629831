//! The PostgreSQL backend: the same logical schema and the same answers as the SQLite one, for a
//! ledger that many workers on many machines write and many readers query at once.
//!
//! - `pool`: a small pool of connections with their prepared statements, reconnecting with
//!   backoff;
//! - `open`: the versioned schema (`claimtrail_migrations`), read-only sessions for readers;
//! - `write`: storing appearances, one transaction per chunk of whole documents, serialised
//!   under the ledger's write lock (an advisory lock) so that linking sees one order;
//! - `link_rows`: the link tables' lookups and writes in PostgreSQL's SQL, for `linking` (the
//!   decisions, shared with SQLite);
//! - `read`, `filter` and `text_query`: the list queries, ordered as SQLite orders them (byte
//!   order of text, NULLs first), full text through tsvector and a GIN index;
//! - `queue`: the work queue of units that stateless workers claim, lease and finish;
//! - `testdb`: throwaway databases for tests.

mod filter;
mod link_rows;
mod open;
pub mod pool;
pub mod queue;
mod read;
pub mod testdb;
mod text_query;
mod tx;
mod values;
mod write;

use crate::rows::{
    CopyRow, DocumentRow, EntityRow, FigureRow, MeasureRow, QuoteRow, RegistryQuoteRow,
    SpeakerProfile, SpeakerRow, StoryRow, Summary, TimelineRow,
};
use crate::{Appearance, Counts, Filter, Result, RowSink, Store};
use claimtrail_analysis::DocAnalysis;
use pool::Pool;

/// The ledger's advisory lock: held by every writing transaction (and schema steps), so that
/// documents are linked one batch at a time, in one order, whatever the number of writers.
pub const WRITE_LOCK: i64 = crate::migrations::APPLICATION_ID as i64;

pub struct PgStore {
    pool: Pool,
    migrated_from: Option<u32>,
    /// Set once this store has made sure the work queue's table is there (a schema statement
    /// per claim would lock the table against the other workers).
    queue_ready: std::sync::OnceLock<()>,
}

impl PgStore {
    /// Opens the ledger in the database `url` names for writing: creates its tables in an empty
    /// database and runs pending schema steps. Refuses a database whose tables are someone
    /// else's, or a ledger written by a newer claimtrail.
    pub fn open(url: &str) -> Result<Self> {
        open::writable(url)
    }

    /// Opens an existing ledger for reading only: sessions are read-only, no schema step runs.
    pub fn open_read_only(url: &str) -> Result<Self> {
        open::read_only(url)
    }

    /// A connection of the store's pool (the work queue shares the ledger's database).
    pub fn connection(&self) -> Result<pool::Pooled<'_>> {
        self.pool.get()
    }
}

/// PostgreSQL's message for an error: the server's own words (and detail) when it answered.
pub fn message(e: &::postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_string(),
        },
        None => e.to_string(),
    }
}

impl Store for PgStore {
    fn put_batch(&mut self, docs: &[Appearance]) -> Result<usize> {
        write::put(&self.pool, docs)
    }

    fn contains(&self, content_id: &str, origin: &str) -> Result<bool> {
        // Asked by every worker before each document: a restarting server is waited for.
        self.pool.run(|c| {
            let st =
                c.statement("SELECT 1 FROM documents WHERE content_id = $1 AND origin = $2")?;
            Ok(c.client.query_opt(&st, &[&content_id, &origin])?.is_some())
        })
    }

    fn document(&self, key: &str) -> Result<Option<DocAnalysis>> {
        read::document(&mut *self.pool.get()?, key)
    }

    fn counts(&self) -> Result<Counts> {
        read::counts(&mut *self.pool.get()?)
    }

    fn summary(&self, n: usize) -> Result<Summary> {
        read::summary(&mut *self.pool.get()?, n)
    }

    fn documents(&self, f: &Filter, out: RowSink<DocumentRow>) -> Result<()> {
        read::documents(&mut *self.pool.get()?, f, out)
    }

    fn quotes(&self, f: &Filter, out: RowSink<QuoteRow>) -> Result<()> {
        read::quotes(&mut *self.pool.get()?, f, out)
    }

    fn figures(&self, f: &Filter, out: RowSink<FigureRow>) -> Result<()> {
        read::figures(&mut *self.pool.get()?, f, out)
    }

    fn entities(&self, f: &Filter, out: RowSink<EntityRow>) -> Result<()> {
        read::entities(&mut *self.pool.get()?, f, out)
    }

    fn stories(&self, f: &Filter, out: RowSink<StoryRow>) -> Result<()> {
        read::stories(&mut *self.pool.get()?, f, out)
    }

    fn copies(&self, f: &Filter, out: RowSink<CopyRow>) -> Result<()> {
        read::copies(&mut *self.pool.get()?, f, out)
    }

    fn speakers(&self, f: &Filter, out: RowSink<SpeakerRow>) -> Result<()> {
        read::speakers(&mut *self.pool.get()?, f, out)
    }

    fn speaker(&self, name: &str, quotes: usize) -> Result<Option<SpeakerProfile>> {
        read::speaker(&mut *self.pool.get()?, name, quotes)
    }

    fn registry_quotes(&self, f: &Filter, out: RowSink<RegistryQuoteRow>) -> Result<()> {
        read::registry_quotes(&mut *self.pool.get()?, f, out)
    }

    fn registry_quote(&self, id: i64) -> Result<Option<RegistryQuoteRow>> {
        read::registry_quote(&mut *self.pool.get()?, id)
    }

    fn quote_appearances(&self, id: i64, out: RowSink<QuoteRow>) -> Result<()> {
        read::quote_appearances(&mut *self.pool.get()?, id, out)
    }

    fn timeline(&self, query: &str, f: &Filter, out: RowSink<TimelineRow>) -> Result<()> {
        read::timeline(&mut *self.pool.get()?, query, f, out)
    }

    fn measures(&self, f: &Filter, out: RowSink<MeasureRow>) -> Result<()> {
        read::measures(&mut *self.pool.get()?, f, out)
    }

    fn appearances(&self, out: RowSink<Appearance>) -> Result<()> {
        read::appearances(&self.pool, out)
    }

    fn migrated_from(&self) -> Option<u32> {
        self.migrated_from
    }
}
