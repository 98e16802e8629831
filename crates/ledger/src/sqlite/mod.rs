//! The embedded backend: one SQLite file in WAL mode with FTS5 over article text.
//!
//! - `open`: what a file is (ledger, a ledger of the first release, empty, someone else's),
//!   read-only and writable connections, schema steps;
//! - `write`: storing appearances in short transactions, waiting out other writers;
//! - `read`: rebuilding one analysis and the streaming list queries, with `filter`'s clauses;
//! - `link_rows`: the link tables' lookups and writes, for `linking` (which decides);
//! - `tables`: whole tables row by row, for export;
//! - `collect_state`: the collector's state tables.

mod collect_state;
mod filter;
mod link_rows;
mod open;
mod read;
mod tables;
mod text_matches;
mod values;
mod write;

use crate::rows::{
    CopyRow, DocumentRow, EntityRow, FigureRow, MeasureRow, QuoteRow, RegistryQuoteRow,
    SpeakerProfile, SpeakerRow, StoryRow, Summary, TimelineRow,
};
use crate::{Appearance, Counts, Filter, Result, RowSink, Store};
use claimtrail_analysis::DocAnalysis;
use rusqlite::Connection;
use std::path::Path;

pub struct SqliteStore {
    conn: Connection,
    /// The schema version the ledger had when opened, when this store migrated it.
    migrated_from: Option<u32>,
}

impl SqliteStore {
    /// Opens a ledger for writing: creates it if the file is missing or empty and brings a
    /// ledger of an earlier schema (the first release's included) to the current one. Refuses,
    /// without writing to it, a file that is not a claimtrail ledger or one written by a newer
    /// claimtrail.
    pub fn open(path: &Path) -> Result<Self> {
        open::writable(path)
    }

    /// Opens an existing ledger for reading only: runs no schema, writes nothing, and works on
    /// read-only media. Refuses a file that is not a ledger, and a ledger of another schema
    /// version (an older one says to run `claimtrail migrate`).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        open::read_only(path)
    }

    /// A ledger that lives in memory only (tests).
    pub fn in_memory() -> Result<Self> {
        open::in_memory()
    }

    /// Makes this connection read the ledger through a memory map, with a larger page cache: for
    /// a long-lived reader whose lookups jump all over the file (a server's story and speaker
    /// pages), a mapped page costs a memory access where a read costs a system call and a
    /// copy. Not for one pass over the ledger (an export): every page it touched would stay
    /// counted in its resident memory.
    pub fn map_for_lookups(&self) -> Result<()> {
        // The bundled SQLite's ceiling; pages are mapped as they are read.
        const MAP_BYTES: i64 = 1 << 31;
        const CACHE_KIB: i64 = 8 << 10;
        self.conn.pragma_update(None, "mmap_size", MAP_BYTES)?;
        self.conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        Ok(())
    }

    /// The schema version of the ledger before this store migrated it, if it did.
    pub fn migrated_from(&self) -> Option<u32> {
        self.migrated_from
    }

    /// A handle that stops this store's running query from another thread (a server's query
    /// timeout); the query fails with a database error.
    pub fn interrupt_handle(&self) -> QueryInterrupt {
        QueryInterrupt(self.conn.get_interrupt_handle())
    }

    /// The connection, for tests that look at the tables.
    #[cfg(test)]
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Stops the query running on a store's connection, from any thread.
pub struct QueryInterrupt(rusqlite::InterruptHandle);

impl QueryInterrupt {
    /// Makes the query in progress, if any, fail as interrupted.
    pub fn interrupt(&self) {
        self.0.interrupt()
    }
}

impl Store for SqliteStore {
    fn put_batch(&mut self, docs: &[Appearance]) -> Result<usize> {
        self.put(docs)
    }

    fn contains(&self, content_id: &str, origin: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE content_id = ?1 AND origin = ?2")?
            .exists([content_id, origin])?)
    }

    fn document(&self, key: &str) -> Result<Option<DocAnalysis>> {
        read::document(&self.conn, key)
    }

    fn counts(&self) -> Result<Counts> {
        read::counts(&self.conn)
    }

    fn summary(&self, n: usize) -> Result<Summary> {
        read::summary(&self.conn, n)
    }

    fn documents(&self, f: &Filter, out: RowSink<DocumentRow>) -> Result<()> {
        read::documents(&self.conn, f, out)
    }

    fn quotes(&self, f: &Filter, out: RowSink<QuoteRow>) -> Result<()> {
        read::quotes(&self.conn, f, out)
    }

    fn figures(&self, f: &Filter, out: RowSink<FigureRow>) -> Result<()> {
        read::figures(&self.conn, f, out)
    }

    fn entities(&self, f: &Filter, out: RowSink<EntityRow>) -> Result<()> {
        read::entities(&self.conn, f, out)
    }

    fn stories(&self, f: &Filter, out: RowSink<StoryRow>) -> Result<()> {
        read::stories(&self.conn, f, out)
    }

    fn copies(&self, f: &Filter, out: RowSink<CopyRow>) -> Result<()> {
        read::copies(&self.conn, f, out)
    }

    fn speakers(&self, f: &Filter, out: RowSink<SpeakerRow>) -> Result<()> {
        read::speakers(&self.conn, f, out)
    }

    fn speaker(&self, name: &str, quotes: usize) -> Result<Option<SpeakerProfile>> {
        read::speaker(&self.conn, name, quotes)
    }

    fn registry_quotes(&self, f: &Filter, out: RowSink<RegistryQuoteRow>) -> Result<()> {
        read::registry_quotes(&self.conn, f, out)
    }

    fn timeline(&self, query: &str, f: &Filter, out: RowSink<TimelineRow>) -> Result<()> {
        read::timeline(&self.conn, query, f, out)
    }

    fn measures(&self, f: &Filter, out: RowSink<MeasureRow>) -> Result<()> {
        read::measures(&self.conn, f, out)
    }

    fn registry_quote(&self, id: i64) -> Result<Option<RegistryQuoteRow>> {
        read::registry_quote(&self.conn, id)
    }

    fn quote_appearances(&self, id: i64, out: RowSink<QuoteRow>) -> Result<()> {
        read::quote_appearances(&self.conn, id, out)
    }

    fn appearances(&self, out: RowSink<Appearance>) -> Result<()> {
        read::appearances(&self.conn, out)
    }

    fn migrated_from(&self) -> Option<u32> {
        self.migrated_from
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{collect, StoreError};
    use claimtrail_analysis::{Entity, Figure, Quote};

    fn doc(id: &str, published: &str, text: &str) -> Appearance {
        Appearance {
            origin: format!("/in/{id}.txt"),
            analysis: DocAnalysis {
                source: format!("{id}.txt"),
                id: id.into(),
                published: published.parse().ok(),
                text: text.into(),
                authors: vec!["Ann Author".into(), "Bo Writer".into()],
                warnings: vec!["a warning".into()],
                entities: vec![Entity {
                    text: "Kirby".into(),
                    kind: claimtrail_analysis::EntityKind::Person,
                    start: 0,
                    end: 5,
                    canonical: "John Kirby".into(),
                    role: Some("NSC spokesman".into()),
                }],
                quotes: vec![Quote {
                    text: "We are watching".into(),
                    kind: claimtrail_analysis::QuoteKind::Direct,
                    speaker: Some("John Kirby".into()),
                    ..Quote::default()
                }],
                figures: vec![Figure {
                    text: "3,000 troops".into(),
                    value: Some(3000.0),
                    hedge: claimtrail_analysis::Hedge::Exact,
                    counted: Some("troops".into()),
                    ..Figure::default()
                }],
                ..DocAnalysis::default()
            },
        }
    }

    fn quotes(s: &SqliteStore, f: &Filter) -> Vec<QuoteRow> {
        collect(|out| s.quotes(f, out)).unwrap()
    }

    #[test]
    fn a_search_matching_many_lists_what_it_matches_and_what_is_stored_later() {
        // Above 2,000 matches a search is checked against its matches held in memory and kept
        // between queries (sqlite/text_matches.rs); the listing must be the one SQL would give.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("many.db");
        let mut s = SqliteStore::open(&path).unwrap();
        let docs: Vec<Appearance> = (0..2300)
            .map(|i| {
                let mut d = doc(
                    &format!("d{i:04}"),
                    &format!("2024-02-{:02}", 1 + (i * 7) % 28),
                    &if i % 10 == 0 {
                        format!("Budget note {i}.")
                    } else {
                        format!("Flood report {i}.")
                    },
                );
                d.analysis.entities.clear();
                d.analysis.quotes.clear();
                d.analysis.figures.clear();
                d
            })
            .collect();
        s.put_batch(&docs).unwrap();
        let search = Filter {
            text: Some("flood".into()),
            limit: Some(30),
            ..Filter::default()
        };
        let listed = |s: &SqliteStore| -> Vec<String> {
            collect(|o| s.documents(&search, o))
                .unwrap()
                .into_iter()
                .map(|d| d.id)
                .collect()
        };
        let mut expected: Vec<(String, String)> = docs
            .iter()
            .filter(|d| d.analysis.text.starts_with("Flood"))
            .map(|d| {
                let day = d.analysis.published.map(|p| p.to_string()).unwrap();
                (
                    format!("{day} {}", d.analysis.source),
                    d.analysis.id.clone(),
                )
            })
            .collect();
        expected.sort();
        let first: Vec<String> = expected.iter().take(30).map(|(_, id)| id.clone()).collect();
        assert_eq!(listed(&s), first);
        // A later, earlier-dated match leads the next listing; a later non-match does not.
        let mut late = doc("late", "2024-01-15", "Flood warning for the coast.");
        late.analysis.quotes.clear();
        let mut other = doc("other", "2024-01-14", "Budget talks resume.");
        other.analysis.quotes.clear();
        s.put_batch(&[late, other]).unwrap();
        let again = listed(&s);
        assert_eq!(again[0], "late");
        assert_eq!(again[1..], first[..29]);
    }

    #[test]
    fn storing_an_appearance_twice_changes_nothing() {
        let mut s = SqliteStore::in_memory().unwrap();
        let a = doc("a", "2024-10-01", "Kirby spoke");
        assert_eq!(s.put_batch(std::slice::from_ref(&a)).unwrap(), 1);
        assert_eq!(s.put_batch(&[a.clone(), a.clone()]).unwrap(), 0);
        let c = s.counts().unwrap();
        assert_eq!((c.documents, c.quotes, c.figures, c.entities), (1, 1, 1, 1));
        assert!(s.contains("a", "/in/a.txt").unwrap());
        assert!(!s.contains("a", "/elsewhere/a.txt").unwrap());
        assert!(!s.contains("b", "/in/a.txt").unwrap());
    }

    #[test]
    fn the_same_content_from_another_origin_is_another_document_and_a_copy() {
        let mut s = SqliteStore::in_memory().unwrap();
        let first = doc("a", "2024-10-02", "Kirby spoke");
        let mut second = first.clone();
        second.origin = "https://other.example/a".into();
        second.analysis.source = "feed.jsonl#2".into();
        // The later appearance comes first: the earlier one becomes the original.
        second.analysis.published = "2024-10-03".parse().ok();
        assert_eq!(s.put_batch(&[first, second]).unwrap(), 2);
        assert_eq!(s.counts().unwrap().documents, 2);
        let copies = collect(|out| s.copies(&Filter::default(), out)).unwrap();
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].source, "feed.jsonl#2");
        assert_eq!(copies[0].original_source, "a.txt");
        assert_eq!(copies[0].similarity, 1.0);
        let registry = collect(|out| s.registry_quotes(&Filter::default(), out)).unwrap();
        assert!(registry.is_empty(), "a three-word quote stays out");
    }

    #[test]
    fn a_registry_quote_comes_with_its_appearances_earliest_first() {
        let mut s = SqliteStore::in_memory().unwrap();
        let words = "the escalation at every turn is coming from russia today";
        let mut late = doc("b", "2024-10-05", words);
        late.analysis.quotes[0].text = words.into();
        let mut early = doc(
            "a",
            "2024-10-01",
            "other text entirely about something else",
        );
        early.analysis.quotes[0].text = words.into();
        s.put_batch(&[late, early]).unwrap();
        let registry = collect(|out| s.registry_quotes(&Filter::default(), out)).unwrap();
        assert_eq!(registry.len(), 1);
        let one = s.registry_quote(registry[0].id).unwrap().unwrap();
        assert_eq!(one, registry[0]);
        let seen = collect(|out| s.quote_appearances(one.id, out)).unwrap();
        let docs: Vec<_> = seen.iter().map(|q| q.document.as_str()).collect();
        assert_eq!(docs, ["a", "b"]);
        assert!(s.registry_quote(one.id + 1).unwrap().is_none());
    }

    #[test]
    fn a_document_comes_back_as_it_was_stored() {
        let mut s = SqliteStore::in_memory().unwrap();
        let a = doc("abcdef123456", "2024-10-01", "Kirby spoke");
        s.put_batch(std::slice::from_ref(&a)).unwrap();
        assert_eq!(
            s.document("abcdef123456").unwrap(),
            Some(a.analysis.clone())
        );
        assert!(s.document("abcdef").unwrap().is_some());
        assert!(s.document("abcdef123456.txt").unwrap().is_some());
        assert!(s.document("abc").unwrap().is_none());
        assert!(s.document("abcdefg").unwrap().is_none());
    }

    #[test]
    fn filters_restrict_rows() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[
            doc("a", "2024-10-01", "Kirby spoke about troops"),
            doc("b", "2024-11-01", "Nothing to see"),
        ])
        .unwrap();
        let since = Filter {
            since: "2024-10-15".parse().ok(),
            ..Filter::default()
        };
        assert_eq!(collect(|o| s.documents(&since, o)).unwrap().len(), 1);
        let text = Filter {
            text: Some("troops".into()),
            ..Filter::default()
        };
        assert_eq!(collect(|o| s.documents(&text, o)).unwrap()[0].id, "a");
        let speaker = Filter {
            speaker: Some("kirby".into()),
            ..Filter::default()
        };
        assert_eq!(quotes(&s, &speaker).len(), 2);
        let nobody = Filter {
            speaker: Some("Blinken".into()),
            ..Filter::default()
        };
        assert!(quotes(&s, &nobody).is_empty());
        let counted = Filter {
            counted: Some("troop".into()),
            ..Filter::default()
        };
        assert_eq!(collect(|o| s.figures(&counted, o)).unwrap().len(), 2);
        let ents = collect(|o| s.entities(&Filter::default(), o)).unwrap();
        assert_eq!(ents[0].canonical, "John Kirby");
        assert_eq!(ents[0].documents, 2);
        assert_eq!(ents[0].roles, vec!["NSC spokesman"]);
        let limited = Filter {
            limit: Some(1),
            ..Filter::default()
        };
        assert_eq!(quotes(&s, &limited).len(), 1);
    }

    #[test]
    fn a_filter_a_query_cannot_apply_is_refused_by_name() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[doc("a", "2024-10-01", "x")]).unwrap();
        let speaker = Filter {
            speaker: Some("zzzz".into()),
            ..Filter::default()
        };
        let err = collect(|o| s.stories(&speaker, o)).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::FilterNotApplicable {
                    filter: "speaker",
                    ..
                }
            ),
            "{err}"
        );
        let counted = Filter {
            counted: Some("x".into()),
            ..Filter::default()
        };
        assert!(collect(|o| s.quotes(&counted, o)).is_err());
        assert!(collect(|o| s.figures(&counted, o)).is_ok());
    }

    #[test]
    fn a_bad_full_text_query_is_one_clear_error() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[doc("a", "2024-10-01", "x")]).unwrap();
        for q in ["\"unclosed", "a AND", "NEAR(a b", "x:y"] {
            let f = Filter {
                text: Some(q.into()),
                ..Filter::default()
            };
            let err = collect(|o| s.documents(&f, o)).unwrap_err();
            let StoreError::TextQuery { query, message } = &err else {
                panic!("{q}: {err}");
            };
            assert_eq!(query, q);
            assert!(!message.is_empty());
            assert!(err.to_string().contains("FTS5"), "{err}");
        }
    }

    #[test]
    fn like_wildcards_in_user_input_are_literal() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[doc("a", "2024-10-01", "x")]).unwrap();
        for pattern in ["%", "_", "\\"] {
            let f = Filter {
                speaker: Some(pattern.into()),
                ..Filter::default()
            };
            assert!(quotes(&s, &f).is_empty(), "{pattern}");
        }
    }

    #[test]
    fn a_sink_error_stops_the_query_and_is_returned() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[doc("a", "2024-10-01", "x"), doc("b", "2024-10-02", "y")])
            .unwrap();
        let mut seen = 0;
        let err = s
            .quotes(&Filter::default(), &mut |_| {
                seen += 1;
                Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe).into())
            })
            .unwrap_err();
        assert_eq!(seen, 1);
        assert!(matches!(err, StoreError::Output(_)));
    }

    /// Speakers in three documents, one undated and one without an outlet, some quoted twice.
    fn quoted() -> SqliteStore {
        let mut s = SqliteStore::in_memory().unwrap();
        let mut docs = Vec::new();
        for (i, (date, outlet, speakers)) in [
            (
                "2024-10-01",
                Some("Wire"),
                vec!["John Kirby", "John Kirby", "Ann Lee"],
            ),
            ("2024-11-05", None, vec!["John Kirby"]),
            ("", Some("Wire"), vec!["Ann Lee"]),
        ]
        .into_iter()
        .enumerate()
        {
            let mut d = doc(&format!("d{i}"), date, &format!("document {i} text"));
            d.analysis.outlet = outlet.map(str::to_string);
            d.analysis.quotes = speakers
                .iter()
                .enumerate()
                .map(|(n, who)| Quote {
                    text: format!("quote {n} of document {i}"),
                    speaker: Some(who.to_string()),
                    role: (n == 0).then(|| format!("role {i}")),
                    ..Quote::default()
                })
                .collect();
            docs.push(d);
        }
        s.put_batch(&docs).unwrap();
        s
    }

    #[test]
    fn the_speaker_counts_kept_at_ingest_agree_with_the_quotes() {
        let s = quoted();
        // The whole ledger is answered from the counts; a restriction to documents that keeps
        // all of them (every text matches "text") recounts the quotes.
        let kept = collect(|o| s.speakers(&Filter::default(), o)).unwrap();
        let all = Filter {
            text: Some("text".into()),
            ..Filter::default()
        };
        let counted = collect(|o| s.speakers(&all, o)).unwrap();
        assert_eq!(kept, counted);
        assert_eq!(kept[0].speaker, "John Kirby");
        assert_eq!((kept[0].quotes, kept[0].documents), (3, 2));
        assert_eq!(kept[0].roles, vec!["role 0", "role 1"]);
        assert_eq!(kept[0].first_seen.as_deref(), Some("2024-10-01"));
        assert_eq!(kept[0].last_seen.as_deref(), Some("2024-11-05"));
    }

    #[test]
    fn a_speaker_profile_counts_months_and_outlets_and_lists_the_latest_quotes() {
        let s = quoted();
        let p = s.speaker("John Kirby", 2).unwrap().unwrap();
        assert_eq!((p.speaker.quotes, p.speaker.documents), (3, 2));
        assert_eq!(
            p.months,
            vec![("2024-10".to_string(), 2), ("2024-11".to_string(), 1)]
        );
        assert_eq!(p.outlets, vec![(Some("Wire".to_string()), 2), (None, 1)]);
        // The two latest stored, in publication order.
        let texts: Vec<&str> = p.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["quote 1 of document 0", "quote 0 of document 1"]
        );
        let lee = s.speaker("Ann Lee", 10).unwrap().unwrap();
        assert_eq!(lee.months, vec![("2024-10".to_string(), 1)]);
        assert_eq!(lee.outlets, vec![(Some("Wire".to_string()), 2)]);
        assert!(
            s.speaker("Kirby", 10).unwrap().is_none(),
            "exact names only"
        );
    }
}
