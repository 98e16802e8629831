//! [`Tables`] for SQLite: each table streamed in its primary key's order, so no query sorts
//! the whole table, restricted to the filter's documents through `filter`'s clauses.

use super::filter::Where;
use super::values::{field, offset};
use super::SqliteStore;
use crate::tables::{
    ArticleRef, CopyRecord, DocumentRecord, EntityRecord, FigureClaim, FigureRecord,
    QuoteAppearanceRecord, QuoteClaim, QuoteRecord, RegistryRecord, StoryRecord, Tables,
    TimeRecord,
};
use crate::{Filter, Result, RowSink};
use rusqlite::{params_from_iter, Connection, Row};

/// Runs `sql` with the filter's parameters and hands each row, as `map` makes it, to `out`.
fn stream<T>(
    conn: &Connection,
    sql: &str,
    w: &Where,
    map: impl Fn(&Row) -> rusqlite::Result<T>,
    out: RowSink<T>,
) -> Result<()> {
    let mut st = conn.prepare(sql)?;
    let mut rows = st.query(params_from_iter(w.params.iter()))?;
    while let Some(r) = rows.next()? {
        out(map(r)?)?;
    }
    Ok(())
}

/// The filter's document clauses; only the document restrictions apply to whole tables.
fn documents_where(conn: &Connection, f: &Filter) -> Result<Where> {
    f.only("table exports", &[])?;
    Where::new(conn, f)
}

/// A JSON array column (from `json_group_array`) as strings.
fn list(row: &Row, i: usize) -> rusqlite::Result<Vec<String>> {
    let json: Option<String> = row.get(i)?;
    match json {
        None => Ok(Vec::new()),
        Some(j) => serde_json::from_str(&j).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
        }),
    }
}

/// Six columns from `i`: key, content id, url, outlet, title, date.
const ARTICLE: &str = "{d}.id, {d}.content_id, {d}.url, {d}.outlet, {d}.title, \
                       coalesce({d}.published, {d}.estimated)";

fn article_columns(alias: &str) -> String {
    ARTICLE.replace("{d}", alias)
}

fn article(row: &Row, i: usize) -> rusqlite::Result<ArticleRef> {
    Ok(ArticleRef {
        key: row.get(i)?,
        id: row.get(i + 1)?,
        url: row.get(i + 2)?,
        outlet: row.get(i + 3)?,
        title: row.get(i + 4)?,
        date: field(row, i + 5)?,
    })
}

impl Tables for SqliteStore {
    fn document_records(&self, f: &Filter, out: RowSink<DocumentRecord>) -> Result<()> {
        let w = documents_where(&self.conn, f)?;
        let names = |table: &str, column: &str| {
            format!(
                "(SELECT json_group_array({column} ORDER BY position) FROM {table}
                  WHERE document_id = d.id)"
            )
        };
        let sql = format!(
            "SELECT d.id, d.content_id, d.origin, d.source, d.url, d.outlet, d.title,
                    d.published, d.estimated, {}, {}, d.syndicated, d.dateline, d.language,
                    (SELECT story_id FROM story_documents WHERE document_id = d.id), {}, d.text
             FROM documents d WHERE 1=1{} ORDER BY d.id",
            names("authors", "name"),
            names("agencies", "name"),
            names("warnings", "message"),
            w.sql()
        );
        stream(
            &self.conn,
            &sql,
            &w,
            |r| {
                Ok(DocumentRecord {
                    key: r.get(0)?,
                    id: r.get(1)?,
                    origin: r.get(2)?,
                    source: r.get(3)?,
                    url: r.get(4)?,
                    outlet: r.get(5)?,
                    title: r.get(6)?,
                    published: field(r, 7)?,
                    estimated: field(r, 8)?,
                    authors: list(r, 9)?,
                    agencies: list(r, 10)?,
                    syndicated: r.get(11)?,
                    dateline: r.get(12)?,
                    language: r.get(13)?,
                    story: r.get(14)?,
                    warnings: list(r, 15)?,
                    text: r.get(16)?,
                })
            },
            out,
        )
    }

    fn entity_records(&self, f: &Filter, out: RowSink<EntityRecord>) -> Result<()> {
        let w = documents_where(&self.conn, f)?;
        let sql = format!(
            "SELECT e.document_id, e.position, e.text, e.kind, e.start_byte, e.end_byte,
                    e.canonical, e.role
             FROM entities e JOIN documents d ON d.id = e.document_id WHERE 1=1{}
             ORDER BY e.document_id, e.position",
            w.sql()
        );
        stream(
            &self.conn,
            &sql,
            &w,
            |r| {
                Ok(EntityRecord {
                    document_key: r.get(0)?,
                    position: r.get(1)?,
                    text: r.get(2)?,
                    kind: field(r, 3)?,
                    start: offset(r, 4)?,
                    end: offset(r, 5)?,
                    canonical: r.get(6)?,
                    role: r.get(7)?,
                })
            },
            out,
        )
    }

    fn quote_records(&self, f: &Filter, out: RowSink<QuoteRecord>) -> Result<()> {
        let w = documents_where(&self.conn, f)?;
        let sql = format!(
            "SELECT q.document_id, q.position, q.text, q.kind, q.start_byte, q.end_byte,
                    q.speaker, q.speaker_mention, q.speaker_kind, q.role, q.cue
             FROM quotes q JOIN documents d ON d.id = q.document_id WHERE 1=1{}
             ORDER BY q.document_id, q.position",
            w.sql()
        );
        stream(
            &self.conn,
            &sql,
            &w,
            |r| {
                Ok(QuoteRecord {
                    document_key: r.get(0)?,
                    position: r.get(1)?,
                    text: r.get(2)?,
                    kind: field(r, 3)?,
                    start: offset(r, 4)?,
                    end: offset(r, 5)?,
                    speaker: r.get(6)?,
                    speaker_mention: r.get(7)?,
                    speaker_type: field(r, 8)?,
                    role: r.get(9)?,
                    cue: r.get(10)?,
                })
            },
            out,
        )
    }

    fn figure_records(&self, f: &Filter, out: RowSink<FigureRecord>) -> Result<()> {
        let w = documents_where(&self.conn, f)?;
        let sql = format!(
            "SELECT g.document_id, g.position, g.text, g.start_byte, g.end_byte, g.value, g.low,
                    g.high, g.hedge, g.unit, g.counted, g.claimed_by, g.date, m.measure
             FROM figures g JOIN documents d ON d.id = g.document_id
             LEFT JOIN figure_measures m
                    ON m.document_id = g.document_id AND m.position = g.position
             WHERE 1=1{} ORDER BY g.document_id, g.position",
            w.sql()
        );
        stream(
            &self.conn,
            &sql,
            &w,
            |r| {
                Ok(FigureRecord {
                    document_key: r.get(0)?,
                    position: r.get(1)?,
                    text: r.get(2)?,
                    start: offset(r, 3)?,
                    end: offset(r, 4)?,
                    value: r.get(5)?,
                    low: r.get(6)?,
                    high: r.get(7)?,
                    hedge: field(r, 8)?,
                    unit: r.get(9)?,
                    counted: r.get(10)?,
                    source: r.get(11)?,
                    date: r.get(12)?,
                    measure: r.get(13)?,
                })
            },
            out,
        )
    }

    fn time_records(&self, f: &Filter, out: RowSink<TimeRecord>) -> Result<()> {
        let w = documents_where(&self.conn, f)?;
        let sql = format!(
            "SELECT t.document_id, t.position, t.text, t.start_byte, t.end_byte, t.value, t.kind
             FROM times t JOIN documents d ON d.id = t.document_id WHERE 1=1{}
             ORDER BY t.document_id, t.position",
            w.sql()
        );
        stream(
            &self.conn,
            &sql,
            &w,
            |r| {
                Ok(TimeRecord {
                    document_key: r.get(0)?,
                    position: r.get(1)?,
                    text: r.get(2)?,
                    start: offset(r, 3)?,
                    end: offset(r, 4)?,
                    value: r.get(5)?,
                    kind: field(r, 6)?,
                })
            },
            out,
        )
    }

    fn story_records(&self, f: &Filter, out: RowSink<StoryRecord>) -> Result<()> {
        let w = documents_where(&self.conn, f)?;
        let sql = format!(
            "SELECT s.id, s.title, s.first_seen, s.last_seen,
                    (SELECT count(*) FROM story_documents WHERE story_id = s.id)
             FROM stories s
             WHERE EXISTS (SELECT 1 FROM story_documents sd JOIN documents d ON d.id = sd.document_id
                           WHERE sd.story_id = s.id{})
             ORDER BY s.id",
            w.sql()
        );
        stream(
            &self.conn,
            &sql,
            &w,
            |r| {
                Ok(StoryRecord {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    first_seen: field(r, 2)?,
                    last_seen: field(r, 3)?,
                    documents: r.get(4)?,
                })
            },
            out,
        )
    }

    fn copy_records(&self, f: &Filter, out: RowSink<CopyRecord>) -> Result<()> {
        let w = documents_where(&self.conn, f)?;
        let sql = format!(
            "SELECT c.document_id, c.original_id, c.similarity
             FROM copies c JOIN documents d ON d.id = c.document_id WHERE 1=1{}
             ORDER BY c.document_id",
            w.sql()
        );
        stream(
            &self.conn,
            &sql,
            &w,
            |r| {
                Ok(CopyRecord {
                    document_key: r.get(0)?,
                    original_key: r.get(1)?,
                    similarity: r.get(2)?,
                })
            },
            out,
        )
    }

    fn registry_records(&self, f: &Filter, out: RowSink<RegistryRecord>) -> Result<()> {
        let w = documents_where(&self.conn, f)?;
        let sql = format!(
            "SELECT r.id, r.text, r.speaker, r.first_document_id, r.first_date
             FROM quote_registry r
             WHERE EXISTS (SELECT 1 FROM quote_appearances a JOIN documents d ON d.id = a.document_id
                           WHERE a.quote_id = r.id{})
             ORDER BY r.id",
            w.sql()
        );
        stream(
            &self.conn,
            &sql,
            &w,
            |r| {
                Ok(RegistryRecord {
                    id: r.get(0)?,
                    text: r.get(1)?,
                    speaker: r.get(2)?,
                    first_document_key: r.get(3)?,
                    first_date: field(r, 4)?,
                })
            },
            out,
        )
    }

    fn quote_appearance_records(
        &self,
        f: &Filter,
        out: RowSink<QuoteAppearanceRecord>,
    ) -> Result<()> {
        let w = documents_where(&self.conn, f)?;
        let sql = format!(
            "SELECT a.document_id, a.position, a.quote_id
             FROM quote_appearances a JOIN documents d ON d.id = a.document_id WHERE 1=1{}
             ORDER BY a.document_id, a.position",
            w.sql()
        );
        stream(
            &self.conn,
            &sql,
            &w,
            |r| {
                Ok(QuoteAppearanceRecord {
                    document_key: r.get(0)?,
                    position: r.get(1)?,
                    quote_id: r.get(2)?,
                })
            },
            out,
        )
    }

    fn quote_claims(&self, f: &Filter, out: RowSink<QuoteClaim>) -> Result<()> {
        let w = documents_where(&self.conn, f)?;
        let sql = format!(
            "SELECT r.id, r.text, r.speaker, r.first_date,
                    (SELECT q.speaker_kind FROM quote_appearances a2
                     JOIN quotes q ON q.document_id = a2.document_id AND q.position = a2.position
                     WHERE a2.quote_id = r.id AND q.speaker_kind IS NOT NULL
                     ORDER BY a2.document_id, a2.position LIMIT 1),
                    {}, {}
             FROM quote_registry r JOIN documents f ON f.id = r.first_document_id
             JOIN quote_appearances a ON a.quote_id = r.id
             JOIN documents d ON d.id = a.document_id
             WHERE r.speaker IS NOT NULL{} ORDER BY r.id, a.document_id, a.position",
            article_columns("f"),
            article_columns("d"),
            w.sql()
        );
        stream(
            &self.conn,
            &sql,
            &w,
            |r| {
                Ok(QuoteClaim {
                    id: r.get(0)?,
                    text: r.get(1)?,
                    speaker: r.get(2)?,
                    first_date: field(r, 3)?,
                    speaker_type: field(r, 4)?,
                    first: article(r, 5)?,
                    appearance: article(r, 11)?,
                })
            },
            out,
        )
    }

    fn figure_claims(&self, f: &Filter, out: RowSink<FigureClaim>) -> Result<()> {
        let w = documents_where(&self.conn, f)?;
        // The claimant's type: a person or organisation entity of that name in the document,
        // else the type a quote of the document gives that speaker.
        let sql = format!(
            "SELECT g.document_id, g.position, g.text, g.value, g.hedge, g.unit, g.counted,
                    g.claimed_by,
                    coalesce(
                      (SELECT e.kind FROM entities e
                       WHERE e.document_id = g.document_id AND e.canonical = g.claimed_by
                             AND e.kind IN ('PERSON', 'ORG') ORDER BY e.position LIMIT 1),
                      (SELECT q.speaker_kind FROM quotes q
                       WHERE q.document_id = g.document_id AND q.speaker = g.claimed_by
                             AND q.speaker_kind IS NOT NULL ORDER BY q.position LIMIT 1)),
                    g.date, {}
             FROM figures g JOIN documents d ON d.id = g.document_id
             WHERE g.claimed_by IS NOT NULL{} ORDER BY g.document_id, g.position",
            article_columns("d"),
            w.sql()
        );
        stream(
            &self.conn,
            &sql,
            &w,
            |r| {
                Ok(FigureClaim {
                    document_key: r.get(0)?,
                    position: r.get(1)?,
                    text: r.get(2)?,
                    value: r.get(3)?,
                    hedge: field(r, 4)?,
                    unit: r.get(5)?,
                    counted: r.get(6)?,
                    claimed_by: r.get(7)?,
                    claimed_by_type: field(r, 8)?,
                    date: r.get(9)?,
                    article: article(r, 10)?,
                })
            },
            out,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{collect, Appearance, Store};
    use claimtrail_analysis::{DocAnalysis, Entity, EntityKind, Figure, Quote};

    const SAID: &str = "We will not stand by while the escalation continues at every turn";

    fn doc(id: &str, published: &str) -> Appearance {
        let text = format!("Kirby said: \"{SAID}.\" Officials counted 3,000 troops.");
        Appearance {
            origin: format!("https://{id}.example/story"),
            analysis: DocAnalysis {
                source: format!("{id}.html"),
                id: format!("content-{id}"),
                url: Some(format!("https://{id}.example/story")),
                outlet: Some(format!("{id}.example")),
                published: published.parse().ok(),
                authors: vec!["Ann Author".into(), "Bo Writer".into()],
                entities: vec![Entity {
                    text: "Kirby".into(),
                    kind: EntityKind::Person,
                    start: 0,
                    end: 5,
                    canonical: "John Kirby".into(),
                    role: None,
                }],
                quotes: vec![Quote {
                    text: SAID.into(),
                    start: 13,
                    end: 13 + SAID.len(),
                    speaker: Some("John Kirby".into()),
                    speaker_type: Some(EntityKind::Person),
                    ..Quote::default()
                }],
                figures: vec![Figure {
                    text: "3,000 troops".into(),
                    value: Some(3000.0),
                    counted: Some("troops".into()),
                    source: Some("John Kirby".into()),
                    ..Figure::default()
                }],
                text,
                ..DocAnalysis::default()
            },
        }
    }

    fn store() -> SqliteStore {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[doc("a", "2024-10-01"), doc("b", "2024-10-03")])
            .unwrap();
        s
    }

    #[test]
    fn documents_come_whole_in_key_order_with_their_lists() {
        let s = store();
        let docs = collect(|o| s.document_records(&Filter::default(), o)).unwrap();
        assert_eq!(docs.iter().map(|d| d.key).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(docs[0].authors, vec!["Ann Author", "Bo Writer"]);
        assert!(docs[0].text.starts_with("Kirby said"));
        assert!(docs[0].story.is_some());
        let quotes = collect(|o| s.quote_records(&Filter::default(), o)).unwrap();
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[1].document_key, 2);
        let figures = collect(|o| s.figure_records(&Filter::default(), o)).unwrap();
        assert_eq!(figures[0].source.as_deref(), Some("John Kirby"));
        assert!(figures[0].measure.is_some());
    }

    #[test]
    fn a_date_filter_restricts_every_table_to_its_documents() {
        let s = store();
        let since = Filter {
            since: "2024-10-02".parse().ok(),
            ..Filter::default()
        };
        let docs = collect(|o| s.document_records(&since, o)).unwrap();
        assert_eq!(docs.len(), 1);
        let quotes = collect(|o| s.quote_records(&since, o)).unwrap();
        assert!(quotes.iter().all(|q| q.document_key == docs[0].key));
        let copies = collect(|o| s.copy_records(&since, o)).unwrap();
        assert!(copies.iter().all(|c| c.document_key == docs[0].key));
        let speaker = Filter {
            speaker: Some("Kirby".into()),
            ..Filter::default()
        };
        assert!(collect(|o| s.entity_records(&speaker, o)).is_err());
    }

    #[test]
    fn a_registered_quote_comes_once_per_appearance() {
        let s = store();
        let rows = collect(|o| s.quote_claims(&Filter::default(), o)).unwrap();
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows.iter().all(|c| c.id == rows[0].id && c.first.key == 1));
        assert_eq!(rows[0].speaker, "John Kirby");
        assert_eq!(rows[1].speaker_type, Some(EntityKind::Person));
        let keys: Vec<i64> = rows.iter().map(|c| c.appearance.key).collect();
        assert_eq!(keys, vec![1, 2]);
        let figures = collect(|o| s.figure_claims(&Filter::default(), o)).unwrap();
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].claimed_by_type, Some(EntityKind::Person));
        assert_eq!(figures[1].article.outlet.as_deref(), Some("b.example"));
    }
}
