//! `claimtrail ingest`: analyses inputs and commits them to the ledger batch by batch, so that a
//! killed run loses at most the batch in flight and a re-run skips what is already stored.

use crate::args::IngestArgs;
use crate::pipeline::{self, DocResult};
use anyhow::Context;
use claimtrail_ledger::{SqliteStore, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

pub fn run(args: IngestArgs) -> anyhow::Result<i32> {
    let started = Instant::now();
    let opts = args.input.run_options();
    let mut store = SqliteStore::open(&args.db)
        .with_context(|| format!("cannot open ledger {}", args.db.display()))?;
    let bar = if args.quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        b.set_style(
            ProgressStyle::with_template("{spinner} {pos} documents {per_sec} {elapsed} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        b
    };
    let mut new = 0usize;
    // `skip` and `sink` both need the store; the skip check is a read, done before analysis.
    let store_cell = std::cell::RefCell::new(&mut store);
    let stats = pipeline::run(
        &args.input.paths,
        &opts,
        |id| store_cell.borrow().contains(id).unwrap_or(false),
        |batch: Vec<DocResult>| {
            let mut docs = Vec::with_capacity(batch.len());
            for r in batch {
                match r {
                    Ok(d) => docs.push(d),
                    Err(e) => bar.suspend(|| eprintln!("claimtrail: skipped {e}")),
                }
            }
            bar.inc(docs.len() as u64);
            new += store_cell
                .borrow_mut()
                .put_batch(&docs)
                .with_context(|| format!("cannot write to ledger {}", args.db.display()))?;
            Ok(())
        },
    )?;
    bar.finish_and_clear();
    let counts = store.counts()?;
    eprintln!(
        "ingested {new} new document(s), {} already stored, {} failed, in {:.1}s; {} now holds {} documents, {} quotes, {} figures, {} entity mentions",
        stats.skipped + (stats.ok - new.min(stats.ok)),
        stats.failed,
        started.elapsed().as_secs_f64(),
        args.db.display(),
        counts.documents,
        counts.quotes,
        counts.figures,
        counts.entities,
    );
    Ok(if stats.failed > 0 { 1 } else { 0 })
}
