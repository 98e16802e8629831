//! A [`Filter`] as SQL: WHERE clauses and their parameters, for queries over `documents d`.

use super::text_matches::{self, TextMatches};
use crate::{Filter, Result, StoreError};
use rusqlite::types::Value;
use rusqlite::Connection;

pub struct Where {
    clauses: Vec<String>,
    pub params: Vec<Value>,
    /// Whether the clauses keep many documents (a full-text query matching at least
    /// [`MANY_MATCHES`], a story of at least as many, or both): listing them in order is then
    /// cheaper along the listing index, stopping when a page is full, than sorting all of them
    /// first.
    pub many: bool,
    /// The matches of a search checked in memory (see [`text_matches`]), held while the
    /// clauses are in use.
    _matches: Option<TextMatches>,
}

/// Full-text matches (or story members) from which a restriction counts as keeping many
/// documents.
const MANY_MATCHES: i64 = 2000;

impl Where {
    /// The restrictions every query applies to its documents: dates, full text, entity, story.
    /// A full-text query is checked first, so that a syntax error is reported as one.
    pub fn new(conn: &Connection, f: &Filter) -> Result<Self> {
        let mut w = Where {
            clauses: Vec::new(),
            params: Vec::new(),
            many: false,
            _matches: None,
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
            // A search matching many documents is checked against its matches, held in memory
            // (and kept for the next time, see [`text_matches`]), as a listing is walked and
            // stops when a page is full; a few are looked up; one matching more than can be held
            // is asked of the full-text index document by document.
            let documents: i64 = conn
                .prepare_cached("SELECT coalesce(max(id), 0) FROM documents")?
                .query_row([], |r| r.get(0))?;
            match text_matches::matches(conn, t, documents)? {
                Some(ids) if ids.len() >= MANY_MATCHES as usize => {
                    w.many = true;
                    let held = TextMatches::hold(ids);
                    w.push(
                        &format!("{}(?, d.id)", text_matches::FUNCTION),
                        [Value::Integer(held.handle())],
                    );
                    w._matches = Some(held);
                }
                Some(_) => w.push(
                    "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
                    [Value::Text(t.clone())],
                ),
                None => {
                    w.many = true;
                    w.push(
                        "EXISTS (SELECT 1 FROM documents_fts f WHERE documents_fts MATCH ? AND f.rowid = d.id)",
                        [Value::Text(t.clone())],
                    );
                }
            }
        }
        if let Some(e) = &f.entity {
            w.push(
                "d.id IN (SELECT document_id FROM entities \
                 WHERE canonical LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\')",
                [like(e), like(e)],
            );
        }
        if let Some(story) = f.story {
            let members: i64 = conn
                .prepare_cached("SELECT coalesce(max(size), 0) FROM stories WHERE id = ?1")?
                .query_row([story], |r| r.get(0))?;
            // With a search as well, both must keep many for the walk to stop early.
            w.many = (f.text.is_none() || w.many) && members >= MANY_MATCHES;
            // A walk looks each document up (gathering a large story's members first costs
            // more than the walk); otherwise the members are gathered once.
            let clause = if w.many {
                "EXISTS (SELECT 1 FROM story_documents m WHERE m.document_id = d.id AND m.story_id = ?)"
            } else {
                "d.id IN (SELECT document_id FROM story_documents WHERE story_id = ?)"
            };
            w.push(clause, [story.into()]);
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
