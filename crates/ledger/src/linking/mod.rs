//! Linking a newly stored document to the rest of the ledger, the same for every backend: wire
//! copies (`copies`), its story (`stories`), its quotes in the quote registry (`registry`), the
//! measure keys of its figures, and for an undated document a date estimated from its story
//! (`dates`). Every decision (bars, scores, the order candidates are visited in, ties) is made
//! here; a backend answers the lookups and writes of [`LinkRows`] in its own SQL, so that the
//! same documents in the same order give the same links on SQLite and PostgreSQL.
//!
//! Every lookup goes through an index, so the cost per document does not grow with the corpus
//! beyond index depth. Candidates are visited in id order and ties go to the lowest id (the
//! earliest stored), so links depend on the input, never on hash order.

mod copies;
mod dates;
mod registry;
mod rows;
mod stories;

pub use rows::{LinkRows, StoryInfo, TermVector};

use crate::links::measure::key_head;
use crate::links::Features;
use crate::Result;
use claimtrail_analysis::DocAnalysis;
use std::collections::{BTreeMap, BTreeSet};

/// Most postings read from one LSH bucket or quote shingle. A bucket shared by very many
/// documents (site boilerplate, a template) says little, and reading all of it would make the
/// cost per document grow with the corpus; the newest postings are the likeliest copies.
pub const MAX_POSTINGS: i64 = 32;

/// Links document `id` (just stored, analysis `d`, publication date `published`, linking
/// features `f`) inside the transaction `rows` writes in.
pub fn link_document(
    rows: &mut impl LinkRows,
    id: i64,
    d: &DocAnalysis,
    published: Option<&str>,
    f: &Features,
) -> Result<()> {
    let original = copies::link_copies(rows, id, d, published, f.signature.as_ref())?;
    let story = stories::assign_story(rows, id, d, published, &f.terms, original)?;
    if published.is_none() {
        dates::estimate_date(rows, id, d, story)?;
    }
    registry::register_quotes(rows, id, d, published, f)?;
    if !f.measures.is_empty() {
        let heads: Vec<&str> = f.measures.iter().map(|(_, m)| key_head(m)).collect();
        rows.add_measures(id, &f.measures, &heads)?;
    }
    count_speakers(rows, id, d)
}

/// Adds the document's quotes to its speakers' counts and roles, in the ledger and in its story
/// (placed just before), which speaker and story pages read instead of aggregating every quote.
fn count_speakers(rows: &mut impl LinkRows, id: i64, d: &DocAnalysis) -> Result<()> {
    let mut quotes: BTreeMap<&str, i64> = BTreeMap::new();
    let mut roles: BTreeSet<(&str, &str)> = BTreeSet::new();
    for q in &d.quotes {
        let Some(speaker) = q.speaker.as_deref() else {
            continue;
        };
        *quotes.entry(speaker).or_default() += 1;
        if let Some(role) = q.role.as_deref() {
            roles.insert((speaker, role));
        }
    }
    if quotes.is_empty() {
        return Ok(());
    }
    let quotes: Vec<(&str, i64)> = quotes.into_iter().collect();
    rows.add_speaker_counts(id, &quotes)?;
    if !roles.is_empty() {
        let roles: Vec<(&str, &str)> = roles.into_iter().collect();
        rows.add_speaker_roles(id, &roles)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::{Appearance, SqliteStore, Store};
    use claimtrail_analysis::{DocAnalysis, TimeExpr};

    #[test]
    fn an_undated_copy_is_dated_from_its_story_with_the_year_nearest_the_story() {
        let dated = Appearance {
            origin: "https://a.example/1".into(),
            analysis: DocAnalysis {
                id: "c1".into(),
                source: "a".into(),
                published: "2025-01-03".parse().ok(),
                text: "The bridge reopened.".into(),
                ..DocAnalysis::default()
            },
        };
        // The same page from another outlet, undated; its "30 December" is late 2024, nearest
        // the story's first date, not late 2025.
        let mut undated = dated.clone();
        undated.origin = "https://b.example/1".into();
        undated.analysis.published = None;
        undated.analysis.figures = vec![claimtrail_analysis::Figure {
            text: "12 bridges".into(),
            ..claimtrail_analysis::Figure::default()
        }];
        undated.analysis.times = vec![TimeExpr {
            text: "30 December".into(),
            value: Some("XXXX-12-30".into()),
            kind: claimtrail_analysis::TimexType::Date,
            ..TimeExpr::default()
        }];
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[dated, undated]).unwrap();
        let estimated: Option<String> = s
            .conn()
            .query_row(
                "SELECT estimated FROM documents WHERE origin = 'https://b.example/1'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(estimated.as_deref(), Some("2024-12-30"));
        // Its figure, with no date of its own, is listed by the estimate.
        let day: Option<String> = s
            .conn()
            .query_row(
                "SELECT g.day FROM figures g JOIN documents d ON d.id = g.document_id
                 WHERE d.origin = 'https://b.example/1'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(day.as_deref(), Some("2024-12-30"));
    }
}
