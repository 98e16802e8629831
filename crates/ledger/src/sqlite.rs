//! The embedded backend: one SQLite file in WAL mode with FTS5 over article text.

use crate::links::measure::measure_key;
use crate::rows::{
    CopyRow, DocumentRow, EntityRow, FigureRow, QuoteRow, RegistryQuoteRow, SpeakerRow, StoryRow,
    TimelineRow,
};
use crate::sqlite_links::link_document;
use crate::{Counts, Filter, Result, Store, StoreError};
use claimtrail_analysis::DocAnalysis;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use std::path::Path;

pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Opens (creating if needed) a ledger file.
    pub fn open(path: &Path) -> Result<Self> {
        Self::init(Connection::open(path)?)
    }

    /// The connection, for tests that look at the tables.
    #[cfg(test)]
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A ledger that lives in memory only (tests).
    pub fn in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Self> {
        // WAL: readers never block the ingest; NORMAL sync is durable per committed batch in WAL.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.execute_batch(include_str!("schema.sql"))?;
        Ok(SqliteStore { conn })
    }

    fn insert_one(tx: &rusqlite::Transaction, d: &DocAnalysis) -> Result<bool> {
        let analysis = serde_json::to_string(d).map_err(|source| StoreError::Corrupt {
            id: d.id.clone(),
            source,
        })?;
        let json = |v: &Vec<String>| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO documents (id, source, url, outlet, title, published, authors,
                agencies, syndicated, dateline, language, text, analysis)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                d.id,
                d.source,
                d.url,
                d.outlet,
                d.title,
                d.published,
                json(&d.authors),
                json(&d.agencies),
                d.syndicated,
                d.dateline,
                d.language,
                d.text,
                analysis
            ],
        )?;
        if inserted == 0 {
            return Ok(false);
        }
        let rowid = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
            params![rowid, d.title, d.text],
        )?;
        let mut st =
            tx.prepare_cached("INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
        for (i, e) in (0i64..).zip(&d.entities) {
            st.execute(params![
                d.id,
                i,
                e.text,
                e.kind,
                e.start as i64,
                e.end as i64,
                e.canonical,
                e.role
            ])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for (i, q) in (0i64..).zip(&d.quotes) {
            st.execute(params![
                d.id,
                i,
                q.text,
                q.kind,
                q.start as i64,
                q.end as i64,
                q.speaker,
                q.speaker_mention,
                q.speaker_type,
                q.role,
                q.cue
            ])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO figures VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        for (i, f) in (0i64..).zip(&d.figures) {
            st.execute(params![
                d.id,
                i,
                f.text,
                f.start as i64,
                f.end as i64,
                f.value,
                f.low,
                f.high,
                f.hedge,
                f.unit,
                f.counted,
                f.source,
                f.date
            ])?;
        }
        let mut st = tx.prepare_cached("INSERT INTO times VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
        for (i, t) in (0i64..).zip(&d.times) {
            st.execute(params![
                d.id,
                i,
                t.text,
                t.start as i64,
                t.end as i64,
                t.value,
                t.kind
            ])?;
        }
        link_document(tx, d)?;
        Ok(true)
    }
}

/// WHERE clauses and their parameters built from a filter, for queries joined to `documents d`.
struct Where {
    clauses: Vec<String>,
    params: Vec<String>,
}

impl Where {
    fn new(f: &Filter) -> Self {
        let mut w = Where {
            clauses: Vec::new(),
            params: Vec::new(),
        };
        if let Some(s) = &f.since {
            w.push("d.published >= ?", std::slice::from_ref(s));
        }
        if let Some(u) = &f.until {
            w.push("d.published <= ?", std::slice::from_ref(u));
        }
        if let Some(t) = &f.text {
            w.push(
                "d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
                std::slice::from_ref(t),
            );
        }
        if let Some(e) = &f.entity {
            w.push(
                "d.id IN (SELECT doc_id FROM entities \
                 WHERE canonical LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\')",
                &[like(e), like(e)],
            );
        }
        if let Some(story) = f.story {
            w.push(
                "d.id IN (SELECT doc_id FROM story_docs WHERE story_id = ?)",
                &[story.to_string()],
            );
        }
        w
    }

    /// Adds a clause with one value per `?` in it.
    fn push(&mut self, clause: &str, values: &[String]) {
        self.clauses.push(clause.to_string());
        self.params.extend_from_slice(values);
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" AND {}", self.clauses.join(" AND "))
        }
    }
}

fn like(s: &str) -> String {
    format!("%{}%", s.replace('%', "\\%").replace('_', "\\_"))
}

fn limit(f: &Filter) -> String {
    f.limit.map_or(String::new(), |n| format!(" LIMIT {n}"))
}

impl Store for SqliteStore {
    fn put_batch(&mut self, docs: &[DocAnalysis]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut new = 0;
        for d in docs {
            new += usize::from(Self::insert_one(&tx, d)?);
        }
        tx.commit()?;
        Ok(new)
    }

    fn contains(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?
            .exists([id])?)
    }

    fn document(&self, key: &str) -> Result<Option<DocAnalysis>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT id, analysis FROM documents
                 WHERE id = ?1 OR source = ?1 OR (length(?1) >= 6 AND id LIKE ?1 || '%')
                 ORDER BY id = ?1 DESC, source = ?1 DESC LIMIT 1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(id, json)| {
            serde_json::from_str(&json).map_err(|source| StoreError::Corrupt { id, source })
        })
        .transpose()
    }

    fn documents(&self, f: &Filter) -> Result<Vec<DocumentRow>> {
        let w = Where::new(f);
        let sql = format!(
            "SELECT d.id, d.published, d.outlet, d.title, d.source,
                (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id),
                (SELECT count(*) FROM figures g WHERE g.doc_id = d.id)
             FROM documents d WHERE 1=1{} ORDER BY d.published, d.source{}",
            w.sql(),
            limit(f)
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.params.iter()), |r| {
            Ok(DocumentRow {
                id: r.get(0)?,
                published: r.get(1)?,
                outlet: r.get(2)?,
                title: r.get(3)?,
                source: r.get(4)?,
                quotes: r.get(5)?,
                figures: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn quotes(&self, f: &Filter) -> Result<Vec<QuoteRow>> {
        let mut w = Where::new(f);
        if let Some(s) = &f.speaker {
            w.push(
                "(q.speaker LIKE ? ESCAPE '\\' OR q.speaker_mention LIKE ? ESCAPE '\\')",
                &[like(s), like(s)],
            );
        }
        let sql = format!(
            "SELECT d.published, q.speaker, q.kind, q.cue, q.text, d.id, d.source, q.start, q.\"end\"
             FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE 1=1{}
             ORDER BY d.published, d.source, q.idx{}",
            w.sql(),
            limit(f)
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.params.iter()), |r| {
            Ok(QuoteRow {
                published: r.get(0)?,
                speaker: r.get(1)?,
                kind: r.get(2)?,
                cue: r.get(3)?,
                text: r.get(4)?,
                document: r.get(5)?,
                source: r.get(6)?,
                start: r.get(7)?,
                end: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn figures(&self, f: &Filter) -> Result<Vec<FigureRow>> {
        let mut w = Where::new(f);
        if let Some(c) = &f.counted {
            w.push("g.counted LIKE ? ESCAPE '\\'", &[like(c)]);
        }
        if let Some(s) = &f.speaker {
            w.push("g.source LIKE ? ESCAPE '\\'", &[like(s)]);
        }
        let sql = format!(
            "SELECT g.date, g.text, g.value, g.hedge, g.unit, g.counted, g.source, d.id, d.source
             FROM figures g JOIN documents d ON d.id = g.doc_id WHERE 1=1{}
             ORDER BY coalesce(g.date, d.published, d.estimated), d.source, g.idx{}",
            w.sql(),
            limit(f)
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.params.iter()), |r| {
            Ok(FigureRow {
                date: r.get(0)?,
                text: r.get(1)?,
                value: r.get(2)?,
                hedge: r.get(3)?,
                unit: r.get(4)?,
                counted: r.get(5)?,
                claimed_by: r.get(6)?,
                document: r.get(7)?,
                source: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn entities(&self, f: &Filter) -> Result<Vec<EntityRow>> {
        let w = Where::new(f);
        let sql = format!(
            "SELECT e.canonical, e.type, count(*), count(DISTINCT e.doc_id),
                    json_group_array(DISTINCT e.text) FILTER (WHERE e.text <> e.canonical),
                    (SELECT json_group_array(role) FROM (
                        SELECT e2.role AS role,
                               min(coalesce(d2.published, d2.estimated, '9999')) AS first
                        FROM entities e2 JOIN documents d2 ON d2.id = e2.doc_id
                        WHERE e2.canonical = e.canonical AND e2.type = e.type
                              AND e2.role IS NOT NULL
                        GROUP BY e2.role ORDER BY first, e2.role))
             FROM entities e JOIN documents d ON d.id = e.doc_id WHERE 1=1{}
             GROUP BY e.canonical, e.type ORDER BY count(*) DESC, e.canonical{}",
            w.sql(),
            limit(f)
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.params.iter()), |r| {
            let list = |j: Option<String>| -> Vec<String> {
                j.and_then(|j| serde_json::from_str(&j).ok())
                    .unwrap_or_default()
            };
            Ok(EntityRow {
                canonical: r.get(0)?,
                kind: r.get(1)?,
                mentions: r.get(2)?,
                documents: r.get(3)?,
                aliases: list(r.get(4)?),
                roles: list(r.get(5)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Counts {
            documents: n("documents")?,
            entities: n("entities")?,
            quotes: n("quotes")?,
            figures: n("figures")?,
            times: n("times")?,
        })
    }

    fn stories(&self, f: &Filter) -> Result<Vec<StoryRow>> {
        let w = Where::new(f);
        let sql = format!(
            "SELECT s.id, s.title, s.first_seen, s.last_seen,
                    json_group_array(d.source) FILTER (WHERE d.source IS NOT NULL)
             FROM stories s JOIN story_docs sd ON sd.story_id = s.id
             JOIN documents d ON d.id = sd.doc_id WHERE 1=1{}
             GROUP BY s.id ORDER BY count(*) DESC, s.first_seen, s.id{}",
            w.sql(),
            limit(f)
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.params.iter()), |r| {
            let docs: String = r.get(4)?;
            Ok(StoryRow {
                id: r.get(0)?,
                title: r.get(1)?,
                first_seen: r.get(2)?,
                last_seen: r.get(3)?,
                documents: serde_json::from_str(&docs).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn story_documents(&self, story: i64) -> Result<Vec<String>> {
        let mut st = self.conn.prepare(
            "SELECT d.id FROM story_docs sd JOIN documents d ON d.id = sd.doc_id
             WHERE sd.story_id = ?1 ORDER BY d.published, d.rowid",
        )?;
        let rows = st.query_map([story], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn copies(&self, f: &Filter) -> Result<Vec<CopyRow>> {
        let w = Where::new(f);
        let sql = format!(
            "SELECT c.doc_id, d.source, c.original_id, o.source, c.similarity
             FROM copies c JOIN documents d ON d.id = c.doc_id JOIN documents o ON o.id = c.original_id
             WHERE 1=1{} ORDER BY o.published, o.source, d.source{}",
            w.sql(),
            limit(f)
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.params.iter()), |r| {
            Ok(CopyRow {
                document: r.get(0)?,
                source: r.get(1)?,
                original: r.get(2)?,
                original_source: r.get(3)?,
                similarity: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn speakers(&self, f: &Filter) -> Result<Vec<SpeakerRow>> {
        let mut w = Where::new(f);
        if let Some(s) = &f.speaker {
            w.push("q.speaker LIKE ? ESCAPE '\\'", &[like(s)]);
        }
        let sql = format!(
            "SELECT q.speaker, count(*), count(DISTINCT q.doc_id),
                    json_group_array(DISTINCT q.role) FILTER (WHERE q.role IS NOT NULL),
                    min(coalesce(d.published, d.estimated)), max(coalesce(d.published, d.estimated))
             FROM quotes q JOIN documents d ON d.id = q.doc_id
             WHERE q.speaker IS NOT NULL{} GROUP BY q.speaker
             ORDER BY count(DISTINCT q.doc_id) DESC, count(*) DESC, q.speaker{}",
            w.sql(),
            limit(f)
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.params.iter()), |r| {
            let roles: Option<String> = r.get(3)?;
            Ok(SpeakerRow {
                speaker: r.get(0)?,
                quotes: r.get(1)?,
                documents: r.get(2)?,
                roles: roles
                    .and_then(|j| serde_json::from_str(&j).ok())
                    .unwrap_or_default(),
                first_seen: r.get(4)?,
                last_seen: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn registry_quotes(&self, f: &Filter) -> Result<Vec<RegistryQuoteRow>> {
        let mut w = Where::new(f);
        if let Some(s) = &f.speaker {
            w.push("r.speaker LIKE ? ESCAPE '\\'", &[like(s)]);
        }
        let sql = format!(
            "SELECT r.id, r.speaker, count(DISTINCT a.doc_id), r.first_date, d.source, r.text
             FROM quote_registry r JOIN quote_appearances a ON a.quote_id = r.id
             JOIN documents d ON d.id = r.first_doc WHERE 1=1{}
             GROUP BY r.id ORDER BY count(DISTINCT a.doc_id) DESC, r.first_date, r.id{}",
            w.sql(),
            limit(f)
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.params.iter()), |r| {
            Ok(RegistryQuoteRow {
                id: r.get(0)?,
                speaker: r.get(1)?,
                appearances: r.get(2)?,
                first_date: r.get(3)?,
                first_source: r.get(4)?,
                text: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn timeline(&self, query: &str, f: &Filter) -> Result<Vec<TimelineRow>> {
        let Some(want) = measure_key(query, "") else {
            return Ok(Vec::new());
        };
        let w = Where::new(f);
        let sql = format!(
            "SELECT m.measure, coalesce(g.date, d.published, d.estimated), g.value, g.hedge,
                    g.text, g.source, d.id, d.source
             FROM figure_measures m JOIN figures g ON g.doc_id = m.doc_id AND g.idx = m.idx
             JOIN documents d ON d.id = m.doc_id WHERE m.measure LIKE ? ESCAPE '\\'{}
             ORDER BY m.measure, coalesce(g.date, d.published, d.estimated), d.rowid, g.idx",
            w.sql()
        );
        let mut params: Vec<String> = vec![like(&want.head)];
        params.extend(w.params.iter().cloned());
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(params.iter()), |r| {
            Ok(TimelineRow {
                measure: r.get(0)?,
                date: r.get(1)?,
                value: r.get(2)?,
                hedge: r.get(3)?,
                text: r.get(4)?,
                claimed_by: r.get(5)?,
                document: r.get(6)?,
                source: r.get(7)?,
            })
        })?;
        let mut out: Vec<TimelineRow> = Vec::new();
        for row in rows {
            let row = row?;
            // The stored key's head, modifiers and place must cover the query's.
            let (body, place) = match row.measure.split_once(" @") {
                Some((b, p)) => (b, Some(p)),
                None => (row.measure.as_str(), None),
            };
            let mut parts: Vec<&str> = body.split(' ').collect();
            let head = parts.pop().unwrap_or_default();
            if head == want.head
                && want.modifiers.iter().all(|m| parts.contains(&m.as_str()))
                && place == want.place.as_deref()
            {
                out.push(row);
            }
        }
        if let Some(n) = f.limit {
            out.truncate(n);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_analysis::{Entity, Figure, Quote};

    fn doc(id: &str, published: &str, text: &str) -> DocAnalysis {
        DocAnalysis {
            source: format!("{id}.txt"),
            id: id.into(),
            published: Some(published.into()),
            text: text.into(),
            entities: vec![Entity {
                text: "Kirby".into(),
                kind: "PERSON".into(),
                start: 0,
                end: 5,
                canonical: "John Kirby".into(),
                role: Some("NSC spokesman".into()),
            }],
            quotes: vec![Quote {
                text: "We are watching".into(),
                kind: "direct".into(),
                speaker: Some("John Kirby".into()),
                ..Quote::default()
            }],
            figures: vec![Figure {
                text: "3,000 troops".into(),
                value: Some(3000.0),
                hedge: "exact".into(),
                counted: Some("troops".into()),
                ..Figure::default()
            }],
            ..DocAnalysis::default()
        }
    }

    #[test]
    fn storing_a_document_twice_changes_nothing() {
        let mut s = SqliteStore::in_memory().unwrap();
        assert_eq!(
            s.put_batch(&[doc("a", "2024-10-01", "Kirby spoke")])
                .unwrap(),
            1
        );
        assert_eq!(
            s.put_batch(&[doc("a", "2024-10-01", "Kirby spoke")])
                .unwrap(),
            0
        );
        let c = s.counts().unwrap();
        assert_eq!((c.documents, c.quotes, c.figures, c.entities), (1, 1, 1, 1));
        assert!(s.contains("a").unwrap());
        assert!(!s.contains("b").unwrap());
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
            since: Some("2024-10-15".into()),
            ..Filter::default()
        };
        assert_eq!(s.documents(&since).unwrap().len(), 1);
        let text = Filter {
            text: Some("troops".into()),
            ..Filter::default()
        };
        assert_eq!(s.documents(&text).unwrap()[0].id, "a");
        let speaker = Filter {
            speaker: Some("kirby".into()),
            ..Filter::default()
        };
        assert_eq!(s.quotes(&speaker).unwrap().len(), 2);
        let nobody = Filter {
            speaker: Some("Blinken".into()),
            ..Filter::default()
        };
        assert!(s.quotes(&nobody).unwrap().is_empty());
        let counted = Filter {
            counted: Some("troop".into()),
            ..Filter::default()
        };
        assert_eq!(s.figures(&counted).unwrap().len(), 2);
        let ents = s.entities(&Filter::default()).unwrap();
        assert_eq!(ents[0].canonical, "John Kirby");
        assert_eq!(ents[0].documents, 2);
        assert_eq!(ents[0].roles, vec!["NSC spokesman"]);
    }

    #[test]
    fn show_finds_by_id_prefix_and_source() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[doc("abcdef123456", "2024-10-01", "x")])
            .unwrap();
        assert!(s.document("abcdef").unwrap().is_some());
        assert!(s.document("abcdef123456.txt").unwrap().is_some());
        assert!(s.document("abc").unwrap().is_none());
    }

    #[test]
    fn like_wildcards_in_user_input_are_literal() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[doc("a", "2024-10-01", "x")]).unwrap();
        let f = Filter {
            speaker: Some("%".into()),
            ..Filter::default()
        };
        assert!(s.quotes(&f).unwrap().is_empty());
    }
}
