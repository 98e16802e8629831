//! Pages of a list and how they are written.
//!
//! Pagination is by key: the `next` cursor names the last row given (a hash of the fields that
//! identify it, and which of the rows with that key it was), and the next page resumes the
//! ledger's ordered stream right after that row. Rows are never numbered, so rows stored meanwhile
//! do not shift a page, and each row is given once. The ledger's lists are totally ordered (every
//! ORDER BY ends on a unique key), which is what makes "after this row" well defined. Reaching a
//! deep page re-reads the rows before it in the stream; a cursor in the SQL would avoid that (see
//! ARCHITECTURE.md).

use super::params::ListQuery;
use super::rows::Keyed;
use crate::problem::Problem;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimtrail_ledger::{RowSink, StoreError};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::Hasher;
use utoipa::ToSchema;

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next: Option<String>,
}

/// Where a page starts: after the `nth` row (from 0) whose key hashes to `key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    key: u64,
    nth: u32,
}

impl Cursor {
    pub fn parse(s: &str) -> Result<Cursor, Problem> {
        let bad =
            || Problem::bad_request(format!("`cursor` is not a cursor this server gave: `{s}`"));
        let (key, nth) = s.split_once('-').ok_or_else(bad)?;
        Ok(Cursor {
            key: u64::from_str_radix(key, 16).map_err(|_| bad())?,
            nth: nth.parse().map_err(|_| bad())?,
        })
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}-{}", self.key, self.nth)
    }
}

fn hash(key: &str) -> u64 {
    let mut h = fnv::FnvHasher::default();
    h.write(key.as_bytes());
    h.finish()
}

/// Runs `query` and cuts the page after `cursor`: `limit` rows that `keep` accepts.
pub fn cut<R, A>(
    query: impl FnOnce(RowSink<R>) -> claimtrail_ledger::Result<()>,
    keep: impl Fn(&A) -> bool,
    cursor: Option<Cursor>,
    limit: usize,
) -> Result<Page<A>, Problem>
where
    A: From<R> + Keyed,
{
    let mut seen: HashMap<u64, u32> = HashMap::new();
    let mut passed = cursor.is_none();
    let mut items: Vec<(A, Cursor)> = Vec::with_capacity(limit + 1);
    let mut full = false;
    let result = query(&mut |row: R| {
        let a = A::from(row);
        if !keep(&a) {
            return Ok(());
        }
        let key = hash(&a.key());
        let count = seen.entry(key).or_insert(0);
        let here = Cursor { key, nth: *count };
        *count += 1;
        if !passed {
            passed = Some(here) == cursor;
            return Ok(());
        }
        items.push((a, here));
        if items.len() > limit {
            full = true;
            // Stops the query: the page and the fact that more follows are known.
            return Err(StoreError::Output(std::io::Error::other("page full")));
        }
        Ok(())
    });
    match result {
        Err(_) if full => {}
        other => other?,
    }
    if !passed {
        return Err(Problem::bad_request(
            "`cursor` matches no row of this list: it was given for other parameters",
        ));
    }
    let next = if items.len() > limit {
        items.pop();
        items.last().map(|(_, c)| c.to_string())
    } else {
        None
    };
    Ok(Page {
        items: items.into_iter().map(|(a, _)| a).collect(),
        next,
    })
}

/// How a list is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    JsonLines,
    Csv,
}

impl Format {
    /// `?format=` first, then the `Accept` header; JSON when neither says.
    pub fn of(q: &ListQuery, headers: &HeaderMap) -> Result<Format, Problem> {
        if let Some(f) = &q.format {
            return match f.as_str() {
                "json" => Ok(Format::Json),
                "jsonl" | "ndjson" => Ok(Format::JsonLines),
                "csv" => Ok(Format::Csv),
                other => Err(Problem::bad_request(format!(
                    "`format` must be json, jsonl or csv, not `{other}`"
                ))),
            };
        }
        let accept = headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        Ok(
            if accept.contains("application/x-ndjson") || accept.contains("application/jsonl") {
                Format::JsonLines
            } else if accept.contains("text/csv") {
                Format::Csv
            } else {
                Format::Json
            },
        )
    }
}

/// Writes a page. JSON carries `next` in the body; JSON Lines and CSV in a `Link` header (and
/// `X-Next-Cursor`), as their bodies are rows only.
pub fn respond<A: Serialize + ToSchema>(page: Page<A>, format: Format, uri: &Uri) -> Response {
    if format == Format::Json {
        return Json(page).into_response();
    }
    let (body, kind) = match format {
        Format::JsonLines => {
            let mut body = String::new();
            for item in &page.items {
                body.push_str(&serde_json::to_string(item).unwrap_or_default());
                body.push('\n');
            }
            (body, "application/x-ndjson")
        }
        _ => (csv::<A>(&page.items), "text/csv; charset=utf-8"),
    };
    let mut resp = (StatusCode::OK, [(header::CONTENT_TYPE, kind)], body).into_response();
    if let Some(next) = &page.next {
        let h = resp.headers_mut();
        if let Ok(v) = HeaderValue::from_str(&format!("<{}>; rel=\"next\"", next_link(uri, next))) {
            h.insert(header::LINK, v);
        }
        if let Ok(v) = HeaderValue::from_str(next) {
            h.insert("x-next-cursor", v);
        }
    }
    resp
}

/// The request's own path and query with `cursor` set to `next`.
fn next_link(uri: &Uri, next: &str) -> String {
    let mut pairs: Vec<&str> = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("cursor="))
        .collect();
    let cursor = format!("cursor={next}");
    pairs.push(&cursor);
    format!("{}?{}", uri.path(), pairs.join("&"))
}

/// CSV with a header row of the schema's field names (also for an empty page).
fn csv<A: Serialize + ToSchema>(items: &[A]) -> String {
    let names = field_names::<A>();
    let mut out = String::new();
    let header: Vec<String> = names
        .iter()
        .map(|n| cell(&serde_json::Value::String(n.clone())))
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for item in items {
        let v = serde_json::to_value(item).unwrap_or_default();
        let cells: Vec<String> = names
            .iter()
            .map(|n| cell(v.get(n).unwrap_or(&serde_json::Value::Null)))
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A row type's field names, in order, from its schema.
pub fn field_names<A: ToSchema>() -> Vec<String> {
    use utoipa::openapi::{RefOr, Schema};
    match A::schema() {
        RefOr::T(Schema::Object(o)) => o.properties.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// One CSV cell: lists joined with "; ", quoted when needed; text that a spreadsheet would run
/// as a formula is prefixed with `'`.
fn cell(v: &serde_json::Value) -> String {
    use serde_json::Value;
    let text = match v {
        Value::Null => String::new(),
        Value::String(s) => {
            if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{s}")
            } else {
                s.clone()
            }
        }
        Value::Array(a) => a
            .iter()
            .map(|x| match x {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Row(String);
    impl Keyed for Row {
        fn key(&self) -> String {
            self.0.clone()
        }
    }

    fn pages(rows: &[&str], limit: usize) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let mut cursor = None;
        loop {
            let page: Page<Row> = cut(
                |sink: RowSink<Row>| {
                    for r in rows {
                        sink(Row(r.to_string()))?;
                    }
                    Ok(())
                },
                |_: &Row| true,
                cursor,
                limit,
            )
            .unwrap();
            out.push(page.items.iter().map(|r| r.0.clone()).collect());
            match page.next {
                Some(n) => cursor = Some(Cursor::parse(&n).unwrap()),
                None => return out,
            }
        }
    }

    #[test]
    fn pages_give_every_row_once_even_with_repeated_keys() {
        let rows = ["a", "b", "b", "c", "b", "d", "e"];
        for limit in 1..=8 {
            let all: Vec<String> = pages(&rows, limit).concat();
            assert_eq!(all, rows, "limit {limit}");
        }
        assert_eq!(pages(&rows, 3).len(), 3);
        assert_eq!(pages(&[], 3), vec![Vec::<String>::new()]);
    }

    #[test]
    fn a_cursor_from_elsewhere_is_refused() {
        assert!(Cursor::parse("xyz").is_err());
        let stray = Cursor { key: 1, nth: 0 };
        let err = cut(
            |sink: RowSink<Row>| sink(Row("a".into())),
            |_: &Row| true,
            Some(stray),
            5,
        )
        .unwrap_err();
        assert_eq!(err.status, 400);
    }

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        use serde_json::json;
        assert_eq!(cell(&json!("a,b")), "\"a,b\"");
        assert_eq!(cell(&json!("say \"hi\"")), "\"say \"\"hi\"\"\"");
        assert_eq!(cell(&json!("=1+1")), "'=1+1");
        assert_eq!(cell(&json!(-3.5)), "-3.5");
        assert_eq!(cell(&json!(["x", "y"])), "x; y");
        assert_eq!(cell(&json!(null)), "");
    }
}
