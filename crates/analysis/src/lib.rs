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

/// A metadata field without its control characters (each a space, spaces folded), `None` when
/// nothing is left. Metadata comes from escapes the byte checks never see (JSON-LD's `\u0000`,
/// a record's fields, a feed's title); a NUL there made PostgreSQL refuse the whole batch.
fn scrub(field: String) -> Option<String> {
    if !field.chars().any(char::is_control) {
        return Some(field);
    }
    let folded = field
        .split(|c: char| c.is_control() || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!folded.is_empty()).then_some(folded)
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
    let url = article.url.filter(|u| {
        let ok = !u.chars().any(char::is_control);
        if !ok {
            warnings.push("url dropped: it holds control characters".into());
        }
        ok
    });
    DocAnalysis {
        source: meta.source,
        id: meta.id,
        url,
        outlet: article.outlet.and_then(scrub),
        title: article.title.and_then(scrub),
        published,
        authors: article.authors.into_iter().filter_map(scrub).collect(),
        agencies: article.agencies.into_iter().filter_map(scrub).collect(),
        syndicated: article.syndicated,
        dateline: article.dateline.and_then(scrub),
        language: article.language.or_else(|| Some("en".into())),
        entities: found.entities,
        quotes: found.quotes,
        figures: found.figures,
        times: found.times,
        warnings,
        text: article.text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A field of words with control characters (NUL above all) anywhere in it.
    fn field() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                3 => "[A-Za-z]{1,8}",
                1 => proptest::sample::select(vec!["\u{0}", "\u{1}", "\u{7f}", "\u{85}", "\u{9f}", " ", "\n"])
                    .prop_map(str::to_string),
            ],
            0..12,
        )
        .prop_map(|v| v.concat())
    }

    fn clean(s: &str) -> bool {
        !s.chars().any(char::is_control)
    }

    proptest! {
        /// Metadata fields leave analysis without a control character, whatever the page put
        /// in them; a URL holding one is dropped with a warning.
        #[test]
        fn metadata_fields_hold_no_control_characters(
            title in field(), author in field(), outlet in field(), dateline in field(), url in field(),
        ) {
            let article = Article {
                title: Some(title.clone()),
                authors: vec![author.clone()],
                agencies: vec![author],
                outlet: Some(outlet),
                dateline: Some(dateline),
                url: Some(url.clone()),
                text: "Jo Roe said it would rain.".into(),
                ..Article::default()
            };
            let a = analyze(DocMeta::default(), article, &Options::default());
            for f in a.title.iter().chain(&a.outlet).chain(&a.dateline).chain(&a.authors).chain(&a.agencies) {
                prop_assert!(clean(f), "{f:?}");
            }
            prop_assert_eq!(a.url.is_some(), !url.chars().any(char::is_control));
            // Words are kept: only the controls go.
            if title.split(|c: char| c.is_control() || c.is_whitespace()).any(|w| !w.is_empty()) {
                prop_assert!(a.title.is_some());
            }
        }
    }
}
