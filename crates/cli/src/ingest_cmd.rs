//! `claimtrail ingest`: analyses inputs and commits them to the ledger batch by batch, so that a
//! killed run loses at most the batch in flight and a re-run skips what is already stored.

use crate::args::IngestArgs;
use anyhow::Context;
use claimtrail_pipeline::{Progress, StoreSink};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

pub fn run(args: IngestArgs) -> anyhow::Result<i32> {
    let started = Instant::now();
    let mut opts = args.input.run_options();
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
    // The ledger is never its own input, even when it lives among the inputs.
    if !claimtrail_ledger::is_postgres_url(&args.ledger.name()) {
        opts.skip_files = claimtrail_pipeline::inputs::ledger_files(&args.ledger.db);
    }
    let mut sink = StoreSink::new(&mut *store, |p: Progress<'_>| match p {
        Progress::Batch(b) => {
            for e in b.failed {
                bar.suspend(|| eprintln!("claimtrail: skipped {e}"));
            }
            bar.inc(b.analysed as u64);
        }
        Progress::Notice(n) => bar.suspend(|| eprintln!("claimtrail: note: {n}")),
    });
    let stats = claimtrail_pipeline::run(&args.input.paths, &opts, &mut sink)
        .with_context(|| format!("cannot write to ledger {db}"))?;
    let new = sink.new;
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
