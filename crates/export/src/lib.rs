//! Bulk export of the ledger and import of an export: an interfaces-layer crate that reads the
//! ledger only through its [`Tables`] API.
//!
//! - [`export`]: one file per table (`columns`: the tables and their typed columns) as JSON Lines
//!   (`jsonl`), CSV (`csv_table`) or, with the `parquet` feature, Parquet (`parquet_table`); or
//!   schema.org `Claim` JSON-LD (`claims`). Rows stream from the ledger's queries to the file:
//!   memory does not grow with the ledger.
//! - [`import()`]: a JSON Lines export back into a ledger (`import`).

mod claims;
pub mod columns;
mod csv_table;
mod import;
mod jsonl;
#[cfg(feature = "parquet")]
mod parquet_table;

pub use claims::CONTEXT as JSONLD_CONTEXT;
pub use import::{import, ImportReport};

use anyhow::{Context, Result};
use claimtrail_ledger::tables::{
    CopyRecord, DocumentRecord, EntityRecord, FigureRecord, QuoteAppearanceRecord, QuoteRecord,
    RegistryRecord, StoryRecord, TimeRecord,
};
use claimtrail_ledger::{Filter, RowSink, StoreError, Tables};
use columns::Record;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
    /// Typed columns, zstd-compressed (needs the `parquet` feature).
    Parquet,
    /// schema.org `Claim` objects in one JSON-LD document, `claims.jsonld`.
    ClaimJsonld,
}

impl Format {
    /// Whether this build can write the format.
    pub fn available(self) -> bool {
        self != Format::Parquet || cfg!(feature = "parquet")
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
            Format::ClaimJsonld => "jsonld",
        }
    }
}

/// One file written and how many rows it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub rows: u64,
}

/// Writes the ledger's tables (or its claims) under `dir`, created if missing, restricted to the
/// filter's documents. Files of the same name are replaced.
pub fn export(
    store: &dyn Tables,
    format: Format,
    filter: &Filter,
    dir: &Path,
) -> Result<Vec<Written>> {
    if !format.available() {
        anyhow::bail!(
            "this claimtrail was built without Parquet support: rebuild with \
             `cargo build --release --features parquet`"
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    if format == Format::ClaimJsonld {
        return Ok(vec![write_claims(store, filter, dir)?]);
    }
    let f = filter;
    Ok(vec![
        table::<DocumentRecord>(dir, format, |o| store.document_records(f, o))?,
        table::<EntityRecord>(dir, format, |o| store.entity_records(f, o))?,
        table::<QuoteRecord>(dir, format, |o| store.quote_records(f, o))?,
        table::<FigureRecord>(dir, format, |o| store.figure_records(f, o))?,
        table::<TimeRecord>(dir, format, |o| store.time_records(f, o))?,
        table::<StoryRecord>(dir, format, |o| store.story_records(f, o))?,
        table::<CopyRecord>(dir, format, |o| store.copy_records(f, o))?,
        table::<RegistryRecord>(dir, format, |o| store.registry_records(f, o))?,
        table::<QuoteAppearanceRecord>(dir, format, |o| store.quote_appearance_records(f, o))?,
    ])
}

fn create(path: &Path) -> Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(BufWriter::with_capacity(1 << 16, file))
}

/// Streams one table's rows from `query` into its file.
fn table<T: Record>(
    dir: &Path,
    format: Format,
    query: impl FnOnce(RowSink<T>) -> claimtrail_ledger::Result<()>,
) -> Result<Written> {
    let path = dir.join(format!("{}.{}", T::TABLE, format.extension()));
    let out = create(&path)?;
    let mut rows = 0u64;
    let context = || format!("cannot export the {} table to {}", T::TABLE, path.display());
    match format {
        Format::Jsonl => {
            let mut w = jsonl::JsonlTable::new(out);
            query(&mut |r: T| {
                rows += 1;
                w.write(&r).map_err(StoreError::Output)
            })
            .with_context(context)?;
            w.finish().with_context(context)?;
        }
        Format::Csv => {
            let mut w = csv_table::CsvTable::new::<T>(out).with_context(context)?;
            query(&mut |r: T| {
                rows += 1;
                w.write(&r).map_err(StoreError::Output)
            })
            .with_context(context)?;
            w.finish().with_context(context)?;
        }
        #[cfg(feature = "parquet")]
        Format::Parquet => {
            let mut w = parquet_table::ParquetTable::new::<T>(out).with_context(context)?;
            query(&mut |r: T| {
                rows += 1;
                w.write(&r).map_err(StoreError::Output)
            })
            .with_context(context)?;
            w.finish().with_context(context)?;
        }
        #[cfg(not(feature = "parquet"))]
        Format::Parquet => anyhow::bail!("this claimtrail was built without Parquet support"),
        Format::ClaimJsonld => anyhow::bail!("claims are one document, not one file per table"),
    }
    Ok(Written { path, rows })
}

fn write_claims(store: &dyn Tables, f: &Filter, dir: &Path) -> Result<Written> {
    let path = dir.join("claims.jsonld");
    let context = || format!("cannot export claims to {}", path.display());
    let mut doc = claims::ClaimsDocument::new(create(&path)?).with_context(context)?;
    store
        .quote_claims(f, &mut |c| doc.quote(&c).map_err(StoreError::Output))
        .with_context(context)?;
    store
        .figure_claims(f, &mut |c| doc.figure(&c).map_err(StoreError::Output))
        .with_context(context)?;
    let rows = doc.finish().with_context(context)?;
    Ok(Written { path, rows })
}
