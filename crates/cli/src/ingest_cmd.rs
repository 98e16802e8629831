//! `claimtrail ingest`: analyses inputs and commits them to the ledger batch by batch, so that a
//! killed run loses at most the batch in flight and a re-run skips what is already stored.

use crate::args::IngestArgs;
use crate::pipeline::{self, Processed};
use anyhow::Context;
use claimtrail_ledger::Appearance;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

pub fn run(args: IngestArgs) -> anyhow::Result<i32> {
    let started = Instant::now();
    let opts = args.input.run_options();
    let db = args.ledger.shown();
    let mut store = claimtrail_ledger::open(&args.ledger.name())
        .with_context(|| format!("cannot open ledger {db}"))?;
    if let Some(from) = store.migrated_from() {
        eprintln!(
            "migrated {db} from schema version {from} to {}",
            claimtrail_ledger::migrations::CURRENT_VERSION
        );
    }
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
        |id, origin| store_cell.borrow().contains(id, origin).unwrap_or(false),
        |batch: Vec<Processed>| {
            let mut docs = Vec::with_capacity(batch.len());
            for Processed { origin, result } in batch {
                match result {
                    Ok(analysis) => docs.push(Appearance { origin, analysis }),
                    Err(e) => bar.suspend(|| eprintln!("claimtrail: skipped {e}")),
                }
            }
            bar.inc(docs.len() as u64);
            new += store_cell
                .borrow_mut()
                .put_batch(&docs)
                .with_context(|| format!("cannot write to ledger {db}"))?;
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
        db,
        counts.documents,
        counts.quotes,
        counts.figures,
        counts.entities,
    );
    Ok(if stats.failed > 0 { 1 } else { 0 })
}
