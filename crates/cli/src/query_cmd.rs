//! The query commands: what the ledger holds, as table, JSON Lines or CSV, streamed row by row.
//! They open the ledger read-only: they never write to it, run no schema, and work on read-only
//! media.

use crate::args::{
    AnalyzeFormat, FigureListArgs, LedgerArg, ListArgs, MigrateArgs, ReportArgs, RowFormat,
    ShowArgs, SpeakerListArgs, StoryArgs, TimelineArgs,
};
use crate::render::{self, RowWriter};
use anyhow::{bail, Context};
use claimtrail_ledger::{collect, Filter, Result, RowSink, Store, StoreError};
use serde::Serialize;
use std::io::{self, Write};

fn open(ledger: &LedgerArg) -> anyhow::Result<Box<dyn Store>> {
    let db = &ledger.db;
    if !ledger.is_postgres() && !db.exists() {
        bail!(
            "no ledger at {} (run `claimtrail ingest --db {} PATH...` first)",
            db.display(),
            db.display()
        );
    }
    claimtrail_ledger::open_read_only(&ledger.name()).map_err(|e| match e {
        // These name the file already.
        StoreError::NotALedger { .. }
        | StoreError::NeedsMigration { .. }
        | StoreError::TooNew { .. } => e.into(),
        e => anyhow::Error::new(e).context(format!("cannot read ledger {}", ledger.shown())),
    })
}

/// Streams a query's rows to stdout in `format`.
fn print<T: Serialize>(
    format: RowFormat,
    query: impl FnOnce(RowSink<T>) -> Result<()>,
) -> anyhow::Result<()> {
    let mut w = RowWriter::new(io::BufWriter::new(io::stdout().lock()), format);
    query(&mut |row| Ok(w.push(&row)?)).map_err(explain)?;
    w.finish()?;
    Ok(())
}

/// Names the flag behind a store error about a filter.
fn explain(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::TextQuery { .. } => anyhow::Error::new(e)
            .context("--text takes SQLite FTS5 syntax (words, \"a phrase\", OR, NOT, prefix*)"),
        StoreError::FilterNotApplicable { filter, rows } => {
            anyhow::anyhow!("--{filter} does not apply to {rows}")
        }
        e => e.into(),
    }
}

pub fn documents(q: ListArgs) -> anyhow::Result<i32> {
    let store = open(&q.ledger)?;
    print(q.format, |out| store.documents(&q.filter(), out))?;
    Ok(0)
}

pub fn quotes(q: SpeakerListArgs) -> anyhow::Result<i32> {
    let store = open(&q.list.ledger)?;
    print(q.list.format, |out| store.quotes(&q.filter(), out))?;
    Ok(0)
}

pub fn figures(q: FigureListArgs) -> anyhow::Result<i32> {
    let store = open(&q.list.list.ledger)?;
    print(q.list.list.format, |out| store.figures(&q.filter(), out))?;
    Ok(0)
}

pub fn entities(q: ListArgs) -> anyhow::Result<i32> {
    let store = open(&q.ledger)?;
    print(q.format, |out| store.entities(&q.filter(), out))?;
    Ok(0)
}

pub fn stories(q: ListArgs) -> anyhow::Result<i32> {
    let store = open(&q.ledger)?;
    print(q.format, |out| store.stories(&q.filter(), out))?;
    Ok(0)
}

pub fn speakers(q: SpeakerListArgs) -> anyhow::Result<i32> {
    let store = open(&q.list.ledger)?;
    print(q.list.format, |out| store.speakers(&q.filter(), out))?;
    Ok(0)
}

pub fn copies(q: ListArgs) -> anyhow::Result<i32> {
    let store = open(&q.ledger)?;
    print(q.format, |out| store.copies(&q.filter(), out))?;
    Ok(0)
}

pub fn registry(q: SpeakerListArgs) -> anyhow::Result<i32> {
    let store = open(&q.list.ledger)?;
    print(q.list.format, |out| store.registry_quotes(&q.filter(), out))?;
    Ok(0)
}

pub fn timeline(t: TimelineArgs) -> anyhow::Result<i32> {
    let store = open(&t.q.list.ledger)?;
    print(t.q.list.format, |out| {
        store.timeline(&t.query, &t.q.filter(), out)
    })?;
    Ok(0)
}

pub fn show(s: ShowArgs) -> anyhow::Result<i32> {
    let store = open(&s.ledger)?;
    let Some(doc) = store.document(&s.key)? else {
        bail!("no stored document matches `{}`", s.key);
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    match s.format {
        AnalyzeFormat::Jsonl => {
            serde_json::to_writer(&mut out, &doc)?;
            writeln!(out)?;
        }
        AnalyzeFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
        AnalyzeFormat::Table => render::doc_table(&mut out, &doc)?,
    }
    out.flush()?;
    Ok(0)
}

/// Rows in each part of the summary.
const SUMMARY_ROWS: usize = 10;

/// The ledger at a glance, for a first look after an ingest; `--all` lists everything.
pub fn report(r: ReportArgs) -> anyhow::Result<i32> {
    let store = open(&r.ledger)?;
    if r.all {
        return report_all(store.as_ref(), &r.ledger.shown());
    }
    let s = store.summary(SUMMARY_ROWS)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let c = s.counts;
    writeln!(
        out,
        "ledger {}: {} documents, {} stories, {} wire copies, {} quotes, {} figures, \
         {} entity mentions, {} time expressions",
        r.ledger.shown(),
        c.documents,
        c.stories,
        c.copies,
        c.quotes,
        c.figures,
        c.entities,
        c.times
    )?;
    writeln!(out, "\nLATEST STORIES")?;
    render::write_rows(&mut out, &s.latest_stories, RowFormat::Table)?;
    writeln!(out, "\nTOP SPEAKERS")?;
    render::write_rows(&mut out, &s.top_speakers, RowFormat::Table)?;
    writeln!(out, "\nTOP MEASURES")?;
    render::write_rows(&mut out, &s.top_measures, RowFormat::Table)?;
    writeln!(
        out,
        "\n(`claimtrail report --all` lists every document, quote and figure)"
    )?;
    out.flush()?;
    Ok(0)
}

fn report_all(store: &dyn Store, db: &str) -> anyhow::Result<i32> {
    let all = Filter::default();
    let c = store.counts()?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    writeln!(
        out,
        "ledger {}: {} documents, {} entity mentions, {} quotes, {} figures, {} time expressions",
        db, c.documents, c.entities, c.quotes, c.figures, c.times
    )?;
    // Each section streams into the one buffered output.
    fn section<T: Serialize>(
        out: &mut impl Write,
        name: &str,
        query: impl FnOnce(RowSink<T>) -> Result<()>,
    ) -> anyhow::Result<()> {
        writeln!(out, "\n{name}")?;
        let mut w = RowWriter::new(&mut *out, RowFormat::Table);
        query(&mut |row| Ok(w.push(&row)?))?;
        w.finish()?;
        Ok(())
    }
    section(&mut out, "DOCUMENTS", |o| store.documents(&all, o))?;
    section(&mut out, "QUOTES", |o| store.quotes(&all, o))?;
    section(&mut out, "FIGURES", |o| store.figures(&all, o))?;
    let top = Filter {
        limit: Some(25),
        ..Filter::default()
    };
    section(&mut out, "ENTITIES", |o| store.entities(&top, o))?;
    out.flush()?;
    Ok(0)
}

/// One story: its documents, speakers, quotes and figures, each section in the chosen format.
pub fn story(s: StoryArgs) -> anyhow::Result<i32> {
    let store = open(&s.ledger)?;
    let f = Filter {
        story: Some(s.id),
        ..Filter::default()
    };
    let docs = collect(|o| store.documents(&f, o))?;
    if docs.is_empty() {
        bail!("no story {}", s.id);
    }
    let section = |name: &str| -> io::Result<()> {
        if s.format == RowFormat::Table {
            writeln!(io::stdout(), "\n{name}")?;
        }
        Ok(())
    };
    section("DOCUMENTS")?;
    render::rows(&docs, s.format)?;
    section("SPEAKERS")?;
    print(s.format, |o| store.speakers(&f, o))?;
    section("QUOTES")?;
    print(s.format, |o| store.quotes(&f, o))?;
    section("FIGURES")?;
    print(s.format, |o| store.figures(&f, o))?;
    Ok(0)
}

/// `claimtrail migrate`: brings a ledger to the current schema and says what it did.
pub fn migrate(m: MigrateArgs) -> anyhow::Result<i32> {
    let db = m.ledger.shown();
    if !m.ledger.is_postgres() && !m.ledger.db.exists() {
        bail!("no ledger at {db}");
    }
    let store = claimtrail_ledger::open(&m.ledger.name())
        .with_context(|| format!("cannot migrate ledger {db}"))?;
    let current = claimtrail_ledger::migrations::CURRENT_VERSION;
    match store.migrated_from() {
        Some(from) => {
            eprintln!("{db}: schema version {from} → {current}");
            for step in claimtrail_ledger::migrations::pending(from) {
                eprintln!("  {}: {}", step.version, step.summary);
            }
        }
        None => eprintln!("{db}: already at schema version {current}"),
    }
    Ok(0)
}
