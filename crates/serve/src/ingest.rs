//! `POST /api/v1/documents`: the one write, served only with `--allow-ingest` and a bearer
//! token. The page goes through the same stages as `claimtrail ingest` (page → article →
//! analysis) and into the ledger through its `Store::put_batch`, one writer at a time.

use crate::problem::Problem;
use crate::State as Shared;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimtrail_ledger::{Appearance, SqliteStore, Store};
use claimtrail_page::{content_id, Format, RawDoc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A document posted as JSON: one record as in a JSON Lines input file.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRecord {
    pub url: Option<String>,
    /// The page's HTML (or `text`).
    pub html: Option<String>,
    /// A whole-page text dump or clean text (or `html`).
    pub text: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
}

/// What an ingest stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct Ingested {
    /// Content id of the posted bytes.
    pub id: String,
    pub source: String,
    /// False when this content from this origin was already stored (nothing changed).
    pub new: bool,
    pub quotes: usize,
    pub figures: usize,
}

/// Analyses a page and stores it. The body is HTML (`text/html`), a text dump or clean text
/// (`text/plain`), or a JSON record (`application/json`); `?url=` names its address.
#[utoipa::path(post, path = "/documents", tag = "documents",
    params(("url" = Option<String>, Query, description = "The page's address (its origin in the ledger)")),
    request_body(content(
        (String = "text/html"), (String = "text/plain"), (DocumentRecord = "application/json"))),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Stored", body = Ingested),
        (status = 200, description = "Already stored", body = Ingested),
        (status = 400, description = "Unreadable body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No or wrong token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Ingest is off", body = Problem, content_type = "application/problem+json"),
        (status = 408, description = "Body not sent in time", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body over the limit", body = Problem, content_type = "application/problem+json")))]
pub async fn post_document(
    State(s): State<Shared>,
    headers: HeaderMap,
    uri: axum::http::Uri,
    body: Body,
) -> Result<Response, Problem> {
    let Some(cfg) = s.config.ingest.clone() else {
        return Err(Problem::new(
            StatusCode::FORBIDDEN,
            "this server is read-only: start it with --allow-ingest and --token-file to accept documents",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|t| same(t.trim().as_bytes(), cfg.token.as_bytes())) {
        let mut resp = Problem::new(
            StatusCode::UNAUTHORIZED,
            "a bearer token is needed: `Authorization: Bearer TOKEN` (the token of --token-file)",
        )
        .into_response();
        resp.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer"),
        );
        return Ok(resp);
    }
    let read = tokio::time::timeout(cfg.body_timeout, axum::body::to_bytes(body, cfg.max_body));
    let bytes = read
        .await
        .map_err(|_| {
            Problem::new(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the body did not arrive within {} s (is Content-Length larger than the body?)",
                    cfg.body_timeout.as_secs()
                ),
            )
        })?
        .map_err(|e| {
            if over_limit(&e) {
                Problem::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!("the body is over the limit of {} bytes", cfg.max_body),
                )
            } else {
                // A malformed chunked encoding, a connection closed mid-body: the client's fault.
                Problem::bad_request(format!("the body could not be read: {e}"))
            }
        })?;
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let url = url_param(uri.query().unwrap_or(""))?;
    let raw = raw_doc(&kind, bytes.to_vec(), url)?;
    let db = s.config.db.clone();
    let _one_writer = s.writer.lock().await;
    let done = tokio::task::spawn_blocking(move || store(raw, &db))
        .await
        .map_err(|_| {
            Problem::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the analysis failed (a bug)",
            )
        })??;
    let status = if done.new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(done)).into_response())
}

/// The `url` parameter of a query string, percent-decoded (`+` is a space). A `url` given twice,
/// or one that is not UTF-8 once decoded, is refused: read leniently, it was dropped or mangled
/// and the page stored under another origin than the client named. Other parameters are
/// ignored.
fn url_param(query: &str) -> Result<Option<String>, Problem> {
    let mut url = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if percent_decoded(key) != b"url" {
            continue;
        }
        if url.is_some() {
            return Err(Problem::bad_request(
                "`url` is given more than once: name the page's address once",
            ));
        }
        let value = String::from_utf8(percent_decoded(value)).map_err(|_| {
            Problem::bad_request(
                "the `url` parameter is not UTF-8 once percent-decoded: percent-encode the \
                 address's UTF-8 bytes",
            )
        })?;
        url = Some(value);
    }
    Ok(url)
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XY` a byte; a `%` without two
/// hex digits stands for itself.
fn percent_decoded(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                if let (Some(h), Some(l)) = (
                    b.get(i + 1).copied().and_then(hex),
                    b.get(i + 2).copied().and_then(hex),
                ) {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// True when reading the body stopped at the size limit (and not at a broken body).
fn over_limit(e: &axum::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if c.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        cause = c.source();
    }
    false
}

/// Compares without stopping at the first difference (the time taken says nothing of the token).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn raw_doc(kind: &str, bytes: Vec<u8>, url: Option<String>) -> Result<RawDoc, Problem> {
    let (declared, bytes, url, published) = if kind.starts_with("application/json") {
        let r: DocumentRecord = serde_json::from_slice(&bytes)
            .map_err(|e| Problem::bad_request(format!("the JSON record is not readable: {e}")))?;
        match (r.html, r.text) {
            (Some(h), None) => (
                Some(Format::Html),
                h.into_bytes(),
                r.url.or(url),
                r.published,
            ),
            (None, Some(t)) => (None, t.into_bytes(), r.url.or(url), r.published),
            _ => {
                return Err(Problem::bad_request(
                    "a JSON record has exactly one of `html` and `text`",
                ))
            }
        }
    } else if kind.starts_with("text/html") {
        (Some(Format::Html), bytes, url, None)
    } else if kind.starts_with("text/plain") || kind.is_empty() {
        (None, bytes, url, None)
    } else {
        return Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("`{kind}` is not accepted: send text/html, text/plain or application/json"),
        ));
    };
    if bytes.is_empty() {
        return Err(Problem::bad_request("the document is empty"));
    }
    // The URL becomes the stored source and origin: a control character there is no address,
    // and a NUL would stop a later `copy` to PostgreSQL.
    if url
        .as_deref()
        .is_some_and(|u| u.chars().any(char::is_control))
    {
        return Err(Problem::bad_request(
            "the `url` holds control characters: send the page's address as it is, percent-encoded",
        ));
    }
    Ok(RawDoc {
        source: url.clone().unwrap_or_default(),
        url,
        published,
        fetched: None,
        declared,
        charset_hint: None,
        hints: Default::default(),
        bytes,
    })
}

/// Analyses and stores one document (blocking: run off the async threads).
fn store(mut raw: RawDoc, db: &std::path::Path) -> Result<Ingested, Problem> {
    let id = content_id(&raw.bytes);
    if raw.source.is_empty() {
        raw.source = format!("api:{id}");
    }
    let origin = claimtrail_ledger::origin(raw.url.as_deref(), &raw.source);
    let source = raw.source.clone();
    let analysis = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let page = claimtrail_page::into_page_with_id(raw, false, id.clone())?;
        let meta = claimtrail_analysis::DocMeta {
            source: page.source.clone(),
            id: page.id.clone(),
        };
        let article = claimtrail_article::extract(&page);
        Ok::<_, claimtrail_page::DocError>(claimtrail_analysis::analyze(
            meta,
            article,
            &claimtrail_analysis::Options::default(),
        ))
    }))
    .map_err(|_| {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the analysis failed (a bug)",
        )
    })?
    .map_err(|e| Problem::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let (quotes, figures) = (analysis.quotes.len(), analysis.figures.len());
    let mut ledger = SqliteStore::open(db).map_err(Problem::from)?;
    let new = ledger.put_batch(&[Appearance { origin, analysis }])? > 0;
    Ok(Ingested {
        id,
        source,
        new,
        quotes,
        figures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A URL with a control character anywhere, from `?url=` or the JSON record, is refused.
        #[test]
        fn a_url_with_control_characters_is_refused(
            head in "[a-z:/.]{0,20}", ctl in proptest::char::range('\u{0}', '\u{1f}'), tail in "[a-z/]{0,10}",
            in_record in proptest::bool::ANY,
        ) {
            let url = format!("{head}{ctl}{tail}");
            let r = if in_record {
                let rec = serde_json::json!({"url": url, "text": "Jo Roe said it would rain."});
                raw_doc("application/json", rec.to_string().into_bytes(), None)
            } else {
                raw_doc("text/plain", b"Jo Roe said it would rain.".to_vec(), Some(url))
            };
            proptest::prop_assert_eq!(r.unwrap_err().status, 400);
        }
    }

    #[test]
    fn the_url_parameter_is_read_strictly() {
        let url = |q: &str| url_param(q).map_err(|p| p.status);
        assert_eq!(url(""), Ok(None));
        assert_eq!(url("x=1"), Ok(None));
        let some = |s: &str| Ok(Some(s.to_string()));
        assert_eq!(
            url("url=https%3A%2F%2Fa.example%2F%C3%A9+x&x=%FF"),
            some("https://a.example/é x")
        );
        assert_eq!(url("u%72l=a%"), some("a%"));
        assert_eq!(url("url="), some(""));
        // Dropped before: the page went in under `api:ID`, not the address named.
        assert_eq!(url("url=http://a.example/%FF"), Err(400));
        assert_eq!(
            url("url=http://a.example/1&url=http://a.example/2"),
            Err(400)
        );
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"secret", b"secret"));
        assert!(!same(b"secret", b"secreT"));
        assert!(!same(b"secret", b"secret2"));
        assert!(!same(b"", b"x"));
    }

    #[test]
    fn bodies_are_read_by_their_type() {
        assert_eq!(
            raw_doc("text/html; charset=utf-8", b"<p>x</p>".to_vec(), None)
                .unwrap()
                .declared,
            Some(Format::Html)
        );
        let rec = br#"{"url": "https://a.example/x", "text": "Some text."}"#.to_vec();
        let raw = raw_doc("application/json", rec, None).unwrap();
        assert_eq!(raw.url.as_deref(), Some("https://a.example/x"));
        assert!(raw_doc("application/json", b"{}".to_vec(), None).is_err());
        assert_eq!(
            raw_doc("image/png", b"x".to_vec(), None)
                .unwrap_err()
                .status,
            415
        );
        assert!(raw_doc("text/plain", Vec::new(), None).is_err());
    }
}
