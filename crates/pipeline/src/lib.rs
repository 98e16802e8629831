//! The ingest pipeline as a library: what the CLI, a server and a worker all run.
//!
//! Inputs are read while they are walked ([`inputs`]: files, directories, stdin, gzip, JSON Lines
//! record files, WARC archives); their documents are gathered into batches which rayon analyses
//! in parallel (decode, extract, analyse: [`process`]); the run context gives undated pages'
//! yearless dates a year after each batch; each batch's results go, in input order, to a
//! [`Sink`] (a ledger through [`StoreSink`], or the caller's own). Memory is bounded by the batch
//! size, not the corpus size. A sink's error (a store that cannot be written, a closed pipe)
//! stops the run and is returned as is: nothing is counted as "not stored" behind its back.

pub mod inputs;
mod process;
mod sink;

pub use inputs::{BytesRead, Input, Limits, Notice};
pub use process::process;
pub use sink::{BatchOutcome, Progress, Sink, StoreSink};

pub use claimtrail_analysis::Caps;
use claimtrail_analysis::{DocAnalysis, Options, RunContext};
use claimtrail_page::{content_id, DocError, RawDoc};
use rayon::prelude::*;
use std::path::PathBuf;

/// What the pipeline needs to know about a run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The inputs are clean article text.
    pub plain: bool,
    /// Analysis options, with the per-document bounds ([`Caps`]).
    pub analysis: Options,
    pub limits: Limits,
    /// Documents analysed together in one parallel batch (at least 1).
    pub batch_size: usize,
    /// Files the walk passes over (the ledger being written and its side files).
    pub skip_files: Vec<PathBuf>,
}

/// The result of one document.
pub type DocResult = Result<DocAnalysis, DocError>;

/// A document's result and where it came from (its URL, else its canonical path: with the
/// content id, its key in the ledger).
#[derive(Debug)]
pub struct Processed {
    pub origin: String,
    pub result: DocResult,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Documents analysed.
    pub ok: usize,
    /// Documents (or inputs) that could not be read or analysed.
    pub failed: usize,
    /// Documents the sink already held, not analysed again.
    pub skipped: usize,
    /// Inputs passed over without loss (see [`Notice`]).
    pub notices: usize,
}

/// Runs every input named in `paths` (files, directories, `-` for stdin) through the stages.
pub fn run<S: Sink>(
    paths: &[String],
    opts: &RunOptions,
    sink: &mut S,
) -> Result<RunStats, S::Error> {
    let inputs = inputs::inputs(paths, opts.limits, &opts.skip_files);
    run_inputs(inputs, opts, sink)
}

/// Runs documents from any source (a server's request bodies, a queue) through the stages.
pub fn run_inputs<S: Sink>(
    inputs: impl Iterator<Item = Input>,
    opts: &RunOptions,
    sink: &mut S,
) -> Result<RunStats, S::Error> {
    let batch_size = opts.batch_size.max(1);
    let mut run = Run {
        opts,
        stats: RunStats::default(),
        context: RunContext::default(),
    };
    let mut batch: Vec<Result<RawDoc, DocError>> = Vec::with_capacity(batch_size);
    for input in inputs {
        match input {
            Input::Doc(d) => batch.push(d),
            Input::Notice(n) => {
                run.stats.notices += 1;
                sink.notice(&n)?;
            }
        }
        if batch.len() >= batch_size {
            run.flush(&mut batch, sink)?;
        }
    }
    if !batch.is_empty() {
        run.flush(&mut batch, sink)?;
    }
    Ok(run.stats)
}

/// The state of one run across its batches.
struct Run<'a> {
    opts: &'a RunOptions,
    stats: RunStats,
    context: RunContext,
}

/// A document read and hashed: its bytes, content id and origin.
type Keyed = (RawDoc, String, String);

impl Run<'_> {
    fn flush<S: Sink>(
        &mut self,
        batch: &mut Vec<Result<RawDoc, DocError>>,
        sink: &mut S,
    ) -> Result<(), S::Error> {
        // Hash once, in parallel: the id and origin decide skipping and are the stored key.
        let hashed: Vec<(String, Result<Keyed, DocError>)> = batch
            .par_drain(..)
            .map(|r| match r {
                Ok(raw) => {
                    let id = content_id(&raw.bytes);
                    let origin = claimtrail_ledger::origin(raw.url.as_deref(), &raw.source);
                    (origin.clone(), Ok((raw, id, origin)))
                }
                Err(e) => (e.source_name.clone(), Err(e)),
            })
            .collect();
        let mut todo = Vec::with_capacity(hashed.len());
        for (origin, r) in hashed {
            if let Ok((_, id, origin)) = &r {
                if sink.contains(id, origin)? {
                    self.stats.skipped += 1;
                    continue;
                }
            }
            todo.push((origin, r));
        }
        let opts = self.opts;
        let mut results: Vec<Processed> = todo
            .into_par_iter()
            .map(|(origin, r)| Processed {
                origin,
                result: r.and_then(|(raw, id, _)| process(raw, id, opts)),
            })
            .collect();
        // Undated pages borrow years from dated ones of the run; an explicit reference date
        // leaves nothing undated.
        if opts.analysis.published.is_none() {
            let mut docs: Vec<&mut DocAnalysis> = results
                .iter_mut()
                .filter_map(|p| p.result.as_mut().ok())
                .collect();
            self.context.resolve(&mut docs);
        }
        for p in &results {
            match p.result {
                Ok(_) => self.stats.ok += 1,
                Err(_) => self.stats.failed += 1,
            }
        }
        sink.accept(results)
    }
}
