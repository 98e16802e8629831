//! `export` and `import`: the ledger's tables to and from files, through `claimtrail-export`.

use crate::args::{ExportArgs, ExportFormat, ImportArgs};
use anyhow::{Context, Result};
use claimtrail_export::Format;
use claimtrail_ledger::{Filter, SqliteStore};

pub fn export(a: ExportArgs) -> Result<i32> {
    let format = match a.format {
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Parquet => Format::Parquet,
        ExportFormat::ClaimJsonld => Format::ClaimJsonld,
    };
    // Refused before the ledger is opened: the build cannot write it.
    if !format.available() {
        anyhow::bail!(
            "this claimtrail was built without Parquet support; rebuild it with \
             `cargo build --release --features parquet`"
        );
    }
    // Said plainly: SQLite's "unable to open database file" named neither cause.
    if a.ledger.is_postgres() {
        anyhow::bail!(
            "export reads a SQLite ledger: copy {} into one first (`claimtrail copy --from … --to \
             FILE.db`)",
            a.ledger.shown()
        );
    }
    if !a.ledger.db.exists() {
        anyhow::bail!(
            "no ledger at {} (run `claimtrail ingest --db {} PATH...` first)",
            a.ledger.db.display(),
            a.ledger.db.display()
        );
    }
    let store = SqliteStore::open_read_only(&a.ledger.db)
        .with_context(|| format!("cannot open the ledger {}", a.ledger.db.display()))?;
    let filter = Filter {
        since: a.since,
        until: a.until,
        story: a.story,
        ..Filter::default()
    };
    for w in claimtrail_export::export(&store, format, &filter, &a.out)? {
        eprintln!("{:>10} rows  {}", w.rows, w.path.display());
    }
    Ok(0)
}

pub fn import(a: ImportArgs) -> Result<i32> {
    let mut store = SqliteStore::open(&a.ledger.db)
        .with_context(|| format!("cannot open the ledger {}", a.ledger.db.display()))?;
    let report = claimtrail_export::import(&a.from, &mut store, 256)
        .with_context(|| format!("cannot import {}", a.from.display()))?;
    eprintln!(
        "{} documents read from {}, {} new in {}",
        report.read,
        a.from.display(),
        report.stored,
        a.ledger.db.display()
    );
    Ok(0)
}
