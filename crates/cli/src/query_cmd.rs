//! The query commands: what the ledger holds, as table, JSON Lines or CSV.

use crate::args::{
    AnalyzeFormat, QueryArgs, ReportArgs, RowFormat, ShowArgs, StoryArgs, TimelineArgs,
};
use crate::render;
use anyhow::{bail, Context};
use claimtrail_ledger::{Filter, SqliteStore, Store};
use std::io::Write;

fn open(db: &std::path::Path) -> anyhow::Result<SqliteStore> {
    if !db.exists() {
        bail!(
            "no ledger at {} (run `claimtrail ingest --db {} PATH...` first)",
            db.display(),
            db.display()
        );
    }
    SqliteStore::open(db).with_context(|| format!("cannot open ledger {}", db.display()))
}

fn filter(q: &QueryArgs) -> Filter {
    Filter {
        speaker: q.speaker.clone(),
        entity: q.entity.clone(),
        counted: q.counted.clone(),
        since: q.since.clone(),
        until: q.until.clone(),
        text: q.text.clone(),
        limit: q.limit,
        story: None,
    }
}

pub fn documents(q: QueryArgs) -> anyhow::Result<i32> {
    let rows = open(&q.db)?.documents(&filter(&q))?;
    render::rows(&rows, q.format)?;
    Ok(0)
}

pub fn quotes(q: QueryArgs) -> anyhow::Result<i32> {
    let rows = open(&q.db)?.quotes(&filter(&q))?;
    render::rows(&rows, q.format)?;
    Ok(0)
}

pub fn figures(q: QueryArgs) -> anyhow::Result<i32> {
    let rows = open(&q.db)?.figures(&filter(&q))?;
    render::rows(&rows, q.format)?;
    Ok(0)
}

pub fn entities(q: QueryArgs) -> anyhow::Result<i32> {
    let rows = open(&q.db)?.entities(&filter(&q))?;
    render::rows(&rows, q.format)?;
    Ok(0)
}

pub fn show(s: ShowArgs) -> anyhow::Result<i32> {
    let store = open(&s.db)?;
    let Some(doc) = store.document(&s.key)? else {
        bail!("no stored document matches `{}`", s.key);
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
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
    Ok(0)
}

/// The whole ledger at a glance, for a first look after an ingest.
pub fn report(r: ReportArgs) -> anyhow::Result<i32> {
    let store = open(&r.db)?;
    let all = Filter::default();
    let c = store.counts()?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "ledger {}: {} documents, {} entity mentions, {} quotes, {} figures, {} time expressions\n",
        r.db.display(),
        c.documents,
        c.entities,
        c.quotes,
        c.figures,
        c.times
    )?;
    writeln!(out, "DOCUMENTS")?;
    render::write_rows(&mut out, &store.documents(&all)?, RowFormat::Table)?;
    writeln!(out, "\nQUOTES")?;
    render::write_rows(&mut out, &store.quotes(&all)?, RowFormat::Table)?;
    writeln!(out, "\nFIGURES")?;
    render::write_rows(&mut out, &store.figures(&all)?, RowFormat::Table)?;
    writeln!(out, "\nENTITIES")?;
    render::write_rows(
        &mut out,
        &store.entities(&Filter {
            limit: Some(25),
            ..all
        })?,
        RowFormat::Table,
    )?;
    Ok(0)
}

pub fn stories(q: QueryArgs) -> anyhow::Result<i32> {
    let rows = open(&q.db)?.stories(&filter(&q))?;
    render::rows(&rows, q.format)?;
    Ok(0)
}

pub fn speakers(q: QueryArgs) -> anyhow::Result<i32> {
    let rows = open(&q.db)?.speakers(&filter(&q))?;
    render::rows(&rows, q.format)?;
    Ok(0)
}

pub fn copies(q: QueryArgs) -> anyhow::Result<i32> {
    let rows = open(&q.db)?.copies(&filter(&q))?;
    render::rows(&rows, q.format)?;
    Ok(0)
}

pub fn registry(q: QueryArgs) -> anyhow::Result<i32> {
    let rows = open(&q.db)?.registry_quotes(&filter(&q))?;
    render::rows(&rows, q.format)?;
    Ok(0)
}

pub fn timeline(t: TimelineArgs) -> anyhow::Result<i32> {
    let rows = open(&t.q.db)?.timeline(&t.query, &filter(&t.q))?;
    render::rows(&rows, t.q.format)?;
    Ok(0)
}

/// One story: its documents, speakers, quotes and figures, each section in the chosen format.
pub fn story(s: StoryArgs) -> anyhow::Result<i32> {
    let store = open(&s.db)?;
    let f = Filter {
        story: Some(s.id),
        ..Filter::default()
    };
    let docs = store.documents(&f)?;
    if docs.is_empty() {
        bail!("no story {}", s.id);
    }
    let section = |name: &str| -> std::io::Result<()> {
        if s.format == RowFormat::Table {
            writeln!(std::io::stdout(), "\n{name}")?;
        }
        Ok(())
    };
    section("DOCUMENTS")?;
    render::rows(&docs, s.format)?;
    section("SPEAKERS")?;
    render::rows(&store.speakers(&f)?, s.format)?;
    section("QUOTES")?;
    render::rows(&store.quotes(&f)?, s.format)?;
    section("FIGURES")?;
    render::rows(&store.figures(&f)?, s.format)?;
    Ok(0)
}
