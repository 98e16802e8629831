//! The third stage of the flow: an [`Article`] becomes a [`DocAnalysis`], the `analyze` JSON
//! contract of DESIGN.md. This crate only wires the stage crates together, in dependency order:
//! tokens and sentences (text) → entities → quotes → times → figures. Every `start`/`end` is a
//! byte offset into the one `text` string.
//!
//! Pure functions: no I/O, no global mutable state, so documents analyse in parallel. The one
//! step that looks across documents, [`RunContext`], runs after them, over a run's batches.

mod caps;
mod contract;
mod run_context;
mod sections;

pub use caps::Caps;
pub use claimtrail_text::{
    Entity, EntityKind, Figure, Hedge, Quote, QuoteKind, TimeExpr, TimexType,
};
pub use contract::DocAnalysis;
pub use run_context::{with_year, RunContext};

use chrono::NaiveDate;
use claimtrail_article::Article;

/// Per-run options that change analysis results.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Reference date that overrides the article's own publication date.
    pub published: Option<NaiveDate>,
    /// Bounds on what one document may cost (text kept, section size, items per kind).
    pub caps: Caps,
}

/// Identity and origin of the document, settled before analysis.
#[derive(Debug, Clone, Default)]
pub struct DocMeta {
    pub source: String,
    pub id: String,
}

/// Runs every analysis stage over an article, within `opts.caps`.
pub fn analyze(meta: DocMeta, mut article: Article, opts: &Options) -> DocAnalysis {
    // The article still hands its date over as text, always a valid `YYYY-MM-DD` (its readers
    // build it from a date); it is read once, here.
    let published = opts.published.or_else(|| {
        article
            .published
            .as_deref()
            .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
    });
    let mut warnings = std::mem::take(&mut article.warnings);
    warnings.extend(caps::cut_text(&mut article.text, opts.caps.text_bytes));
    // A block quotation cut off with the text is no longer one.
    let len = article.text.len();
    article.block_quotes.retain(|r| r.end <= len);
    let found = sections::analyse(&article.text, &article.block_quotes, published, &opts.caps);
    warnings.extend(found.warnings);
    DocAnalysis {
        source: meta.source,
        id: meta.id,
        url: article.url,
        outlet: article.outlet,
        title: article.title,
        published,
        authors: article.authors,
        agencies: article.agencies,
        syndicated: article.syndicated,
        dateline: article.dateline,
        language: article.language.or_else(|| Some("en".into())),
        entities: found.entities,
        quotes: found.quotes,
        figures: found.figures,
        times: found.times,
        warnings,
        text: article.text,
    }
}
