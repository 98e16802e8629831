//! A [`Filter`] as SQL: WHERE clauses and their parameters, for queries over `documents d`.

use crate::{Filter, Result, StoreError};
use rusqlite::types::Value;
use rusqlite::Connection;

pub struct Where {
    clauses: Vec<String>,
    pub params: Vec<Value>,
    /// Whether the clauses keep many documents (a full-text query matching at least
    /// [`MANY_MATCHES`]): listing them in order is then cheaper along the listing index,
    /// stopping when a page is full, than sorting all of them first.
    pub many: bool,
}

/// Full-text matches from which a search counts as matching many documents.
const MANY_MATCHES: i64 = 2000;

impl Where {
    /// The restrictions every query applies to its documents: dates, full text, entity, story.
    /// A full-text query is checked first, so that a syntax error is reported as one.
    pub fn new(conn: &Connection, f: &Filter) -> Result<Self> {
        let mut w = Where {
            clauses: Vec::new(),
            params: Vec::new(),
            many: false,
        };
        if let Some(s) = &f.since {
            // Dates are stored as `YYYY-MM-DD` text, which orders as the dates do.
            w.push("d.published >= ?", [Value::Text(s.to_string())]);
        }
        if let Some(u) = &f.until {
            w.push("d.published <= ?", [Value::Text(u.to_string())]);
        }
        if let Some(t) = &f.text {
            check_text_query(conn, t)?;
            // Counting stops at the bound: a common word costs no more to classify than a rare one.
            w.many = conn
                .prepare_cached(
                    "SELECT count(*) FROM (SELECT 1 FROM documents_fts
                     WHERE documents_fts MATCH ?1 LIMIT ?2)",
                )?
                .query_row(rusqlite::params![t, MANY_MATCHES], |r| r.get::<_, i64>(0))?
                >= MANY_MATCHES;
            w.push(
                "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
                [Value::Text(t.clone())],
            );
        }
        if let Some(e) = &f.entity {
            w.push(
                "d.id IN (SELECT document_id FROM entities \
                 WHERE canonical LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\')",
                [like(e), like(e)],
            );
        }
        if let Some(story) = f.story {
            w.push(
                "d.id IN (SELECT document_id FROM story_documents WHERE story_id = ?)",
                [story.into()],
            );
        }
        Ok(w)
    }

    /// Adds a clause with one value per `?` in it.
    pub fn push<const N: usize>(&mut self, clause: &str, values: [Value; N]) {
        self.clauses.push(clause.to_string());
        self.params.extend(values);
    }

    /// ` AND …` for every clause (empty when there is none).
    pub fn sql(&self) -> String {
        self.clauses.iter().map(|c| format!(" AND {c}")).collect()
    }
}

/// A LIKE pattern matching `s` anywhere, its own `%` and `_` taken literally.
pub fn like(s: &str) -> Value {
    Value::Text(format!(
        "%{}%",
        s.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    ))
}

/// ` LIMIT n` when the filter has one.
pub fn limit(f: &Filter) -> String {
    f.limit.map_or(String::new(), |n| format!(" LIMIT {n}"))
}

/// Runs the full-text query once on its own: FTS5 reports syntax errors only when a query runs.
fn check_text_query(conn: &Connection, query: &str) -> Result<()> {
    let probe = conn
        .prepare_cached("SELECT 1 FROM documents_fts WHERE documents_fts MATCH ?1 LIMIT 1")
        .and_then(|mut st| st.exists([query]).map(|_| ()));
    match probe {
        Err(rusqlite::Error::SqliteFailure(_, message)) => Err(StoreError::TextQuery {
            query: query.to_string(),
            message: message.unwrap_or_else(|| "syntax error".into()),
        }),
        other => Ok(other?),
    }
}
