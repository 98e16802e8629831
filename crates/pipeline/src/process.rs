//! One document through the pure stages: decode, extract, analyse (within the caps).

use crate::{DocResult, RunOptions};
use claimtrail_analysis::DocMeta;
use claimtrail_page::{into_page_with_id, DocError, RawDoc};

/// Analyses one raw document (`id` is the content id of its bytes). Never panics on input; a
/// panic inside a stage (a bug) is caught and reported as that document's error so the run goes
/// on.
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
