//! A [`Filter`] as PostgreSQL: WHERE clauses with numbered parameters, for queries over
//! `documents d`. LIKE becomes ILIKE: SQLite's LIKE ignores case.

use super::text_query::to_tsquery;
use crate::{Filter, Result};
use postgres::types::ToSql;

pub type Param = Box<dyn ToSql + Sync + Send>;

pub struct Where {
    clauses: Vec<String>,
    pub params: Vec<Param>,
}

impl Where {
    /// The restrictions every query applies: dates, full text, entity, story. A full-text query
    /// that cannot be read is refused before any query runs.
    pub fn new(f: &Filter) -> Result<Self> {
        let mut w = Where {
            clauses: Vec::new(),
            params: Vec::new(),
        };
        if let Some(s) = &f.since {
            w.push("d.published >= ?", vec![Box::new(s.to_string())]);
        }
        if let Some(u) = &f.until {
            w.push("d.published <= ?", vec![Box::new(u.to_string())]);
        }
        if let Some(t) = &f.text {
            let q = to_tsquery(t)?;
            w.push("d.fts @@ to_tsquery('simple', ?)", vec![Box::new(q)]);
        }
        if let Some(e) = &f.entity {
            w.push(
                "d.id IN (SELECT document_id FROM entities \
                 WHERE canonical ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\')",
                vec![like(e), like(e)],
            );
        }
        if let Some(story) = f.story {
            w.push(
                "d.id IN (SELECT document_id FROM story_documents WHERE story_id = ?)",
                vec![Box::new(story)],
            );
        }
        Ok(w)
    }

    /// Adds a clause with one value per `?` in it (numbered after those already there).
    pub fn push(&mut self, clause: &str, values: Vec<Param>) {
        let mut out = String::with_capacity(clause.len() + 8);
        let mut n = self.params.len();
        for c in clause.chars() {
            if c == '?' {
                n += 1;
                out.push_str(&format!("${n}"));
            } else {
                out.push(c);
            }
        }
        self.clauses.push(out);
        self.params.extend(values);
    }

    /// The placeholder of the next parameter, and the parameter (for a clause placed elsewhere).
    pub fn param(&mut self, value: Param) -> String {
        self.params.push(value);
        format!("${}", self.params.len())
    }

    /// ` AND …` for every clause (empty when there is none).
    pub fn sql(&self) -> String {
        self.clauses.iter().map(|c| format!(" AND {c}")).collect()
    }

    pub fn refs(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.params
            .iter()
            .map(|p| p.as_ref() as &(dyn ToSql + Sync))
            .collect()
    }
}

/// An ILIKE pattern matching `s` anywhere, its own `%` and `_` taken literally.
pub fn like(s: &str) -> Param {
    Box::new(format!(
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
