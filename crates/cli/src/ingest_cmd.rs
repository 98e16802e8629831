//! `claimtrail ingest`: analyses inputs and commits them to the ledger batch by batch, so that a
//! killed run loses at most the batch in flight and a re-run skips what is already stored.

use crate::args::IngestArgs;
use crate::progress::RunProgress;
use anyhow::Context;
use claimtrail_pipeline::{Progress, StoreSink};
use std::time::Instant;

/// Documents whose warnings are printed as they come; past it, only their number at the end, so
/// that a large corpus of undated pages does not bury the run's errors.
const MAX_WARNINGS_SHOWN: usize = 50;

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
    // The ledger is never its own input, even when it lives among the inputs.
    if !claimtrail_ledger::is_postgres_url(&args.ledger.name()) {
        opts.skip_files = claimtrail_pipeline::inputs::ledger_files(&args.ledger.db);
    }
    let inputs =
        claimtrail_pipeline::inputs::inputs(&args.input.paths, opts.limits, &opts.skip_files);
    let mut progress = RunProgress::start(
        &args.input.paths,
        &opts.skip_files,
        inputs.bytes_read(),
        args.quiet,
    );
    let mut warned = 0usize;
    let mut sink = StoreSink::new(&mut *store, |p: Progress<'_>| match p {
        Progress::Batch(b) => {
            for e in b.failed {
                progress.say(&format!("claimtrail: skipped {e}"));
            }
            for (source, warnings) in &b.warned {
                warned += 1;
                if warned <= MAX_WARNINGS_SHOWN {
                    for w in *warnings {
                        progress.say(&format!("claimtrail: warning: {source}: {w}"));
                    }
                }
            }
            progress.documents(b.analysed + b.failed.len());
        }
        Progress::Notice(n) => progress.say(&format!("claimtrail: note: {n}")),
    });
    let stats = claimtrail_pipeline::run_inputs(inputs, &opts, &mut sink)
        .with_context(|| format!("cannot write to ledger {db}"))?;
    let (new, refused) = (sink.new, sink.refused);
    // Documents the ledger refused were analysed, and failed.
    let (ok, failed) = (stats.ok - refused.min(stats.ok), stats.failed + refused);
    progress.finish();
    if warned > MAX_WARNINGS_SHOWN {
        eprintln!(
            "claimtrail: {warned} documents had warnings, the first {MAX_WARNINGS_SHOWN} shown; \
             `claimtrail show` gives a document's own"
        );
    }
    let counts = store.counts()?;
    eprintln!(
        "ingested {new} new document(s), {} already stored, {} failed, in {:.1}s; {} now holds {} documents, {} quotes, {} figures, {} entity mentions",
        stats.skipped + (ok - new.min(ok)),
        failed,
        started.elapsed().as_secs_f64(),
        db,
        counts.documents,
        counts.quotes,
        counts.figures,
        counts.entities,
    );
    Ok(if failed > 0 { 1 } else { 0 })
}
