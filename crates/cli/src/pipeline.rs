//! Documents through the pure stages, in parallel, in input order, in bounded batches.
//!
//! Sources are read one after another; their documents are gathered into batches which rayon
//! processes in parallel. Output order is input order, and memory is bounded by the batch size,
//! not the corpus size.

use claimtrail_analysis::{DocAnalysis, DocMeta, Options, RunContext};
use claimtrail_page::{
    content_id, expand_paths, into_page_with_id, read_source, DocError, Limits, RawDoc,
};
use rayon::prelude::*;

/// What the pipeline needs to know about a run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub plain: bool,
    pub analysis: Options,
    pub limits: Limits,
    pub batch_size: usize,
}

/// The result of one document.
pub type DocResult = Result<DocAnalysis, DocError>;

/// A document's result and where it came from (its URL, else its canonical path: with the
/// content id, its key in the ledger).
pub struct Processed {
    pub origin: String,
    pub result: DocResult,
}

/// Analyses one raw document (`id` is the content id of its bytes): decode, extract, analyse.
/// Never panics on input; a panic inside a stage (a bug) is caught and reported as that
/// document's error so the run goes on.
pub fn process(raw: RawDoc, id: String, opts: &RunOptions) -> DocResult {
    let source = raw.source.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let page = into_page_with_id(raw, opts.plain, id)?;
        let meta = DocMeta {
            source: page.source.clone(),
            id: page.id.clone(),
        };
        let article = claimtrail_article::extract(&page);
        Ok(claimtrail_analysis::analyze(meta, article, &opts.analysis))
    }))
    .unwrap_or_else(|_| {
        Err(DocError::new(
            source,
            "internal error while analysing (bug)",
        ))
    })
}

/// Runs every input through the stages. `skip` is asked for each document's content id and
/// origin before any analysis (ingest uses it to pass over stored documents); `sink` gets each
/// batch's results in input order, skipped documents left out.
pub fn run(
    paths: &[String],
    opts: &RunOptions,
    mut skip: impl FnMut(&str, &str) -> bool,
    mut sink: impl FnMut(Vec<Processed>) -> anyhow::Result<()>,
) -> anyhow::Result<RunStats> {
    let batch_size = opts.batch_size.max(1);
    let mut stats = RunStats::default();
    let mut context = RunContext::default();
    let mut batch: Vec<Result<RawDoc, DocError>> = Vec::with_capacity(batch_size);
    type Keyed = (RawDoc, String, String);
    let mut flush = |batch: &mut Vec<Result<RawDoc, DocError>>,
                     stats: &mut RunStats,
                     skip: &mut dyn FnMut(&str, &str) -> bool|
     -> anyhow::Result<()> {
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
        let todo: Vec<(String, Result<Keyed, DocError>)> = hashed
            .into_iter()
            .filter(|(_, r)| {
                let s = r.as_ref().is_ok_and(|(_, id, origin)| skip(id, origin));
                stats.skipped += usize::from(s);
                !s
            })
            .collect();
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
            context.resolve(&mut docs);
        }
        for p in &results {
            match p.result {
                Ok(_) => stats.ok += 1,
                Err(_) => stats.failed += 1,
            }
        }
        sink(results)
    };
    for source in expand_paths(paths) {
        let docs: Box<dyn Iterator<Item = Result<RawDoc, DocError>> + Send> = match source {
            Ok(s) => read_source(&s, opts.limits),
            Err(e) => Box::new(std::iter::once(Err(e))),
        };
        for d in docs {
            batch.push(d);
            if batch.len() >= batch_size {
                flush(&mut batch, &mut stats, &mut skip)?;
            }
        }
    }
    if !batch.is_empty() {
        flush(&mut batch, &mut stats, &mut skip)?;
    }
    Ok(stats)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunStats {
    pub ok: usize,
    pub failed: usize,
    pub skipped: usize,
}
