//! The first stage of the flow: a [`RawDoc`] (bytes and what their container said about them:
//! URL, publication date, declared format, charset) becomes a [`Page`] — decoded text and its
//! format (HTML, whole-page text dump, or clean article text).
//!
//! This crate does no I/O: the pipeline's input readers (files, directories, gzip, JSON Lines,
//! WARC) hand it bytes. It knows nothing about articles or analysis, and never panics on input
//! bytes: every failure is a [`DocError`] naming the document.

mod charset;
mod json_escapes;
mod sniff;

pub use charset::decode;
pub use json_escapes::lone_surrogates_replaced;
pub use sniff::sniff_format;

use sha2::{Digest, Sha256};

/// What kind of text a page holds; decides which extractor the article stage runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markup: main content must be found in the DOM.
    Html,
    /// A whole page saved as text, menus and ads included.
    Dump,
    /// Already clean article text (`--plain`): used as is.
    Plain,
}

/// What a listing said about a page before it was fetched (a feed entry's date and title):
/// second-hand, so they fill gaps only. The page's own date and title win; a page with none takes
/// these. (A container's `published`, by contrast, overrides: it is what the crawler recorded.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// A date or date-time (ISO 8601) from the listing.
    pub published: Option<String>,
    pub title: Option<String>,
}

/// One undecoded document as a container handed it over.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// The path as given, with `#N` for the N-th record of a container file.
    pub source: String,
    pub url: Option<String>,
    pub published: Option<String>,
    /// When a crawler fetched the page (a WARC record's `WARC-Date`): not a publication date, at
    /// most a bound on it.
    pub fetched: Option<String>,
    /// The container said what this is (a JSON Lines `html` or `text` field).
    pub declared: Option<Format>,
    /// A charset named outside the bytes (an HTTP `Content-Type` header).
    pub charset_hint: Option<String>,
    /// What a feed or sitemap listing said about the page (a WARC record's own fields).
    pub hints: Hints,
    pub bytes: Vec<u8>,
}

impl RawDoc {
    /// A document known only by its name and bytes: no address, dates, declared format or
    /// charset, as a file on disk or a test page.
    pub fn new(source: impl Into<String>, bytes: Vec<u8>) -> Self {
        RawDoc {
            source: source.into(),
            url: None,
            published: None,
            fetched: None,
            declared: None,
            charset_hint: None,
            hints: Hints::default(),
            bytes,
        }
    }
}

/// A decoded document, ready for the article stage.
#[derive(Debug, Clone)]
pub struct Page {
    pub source: String,
    /// Content hash of the raw bytes: the document's identity in the ledger.
    pub id: String,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Fetch time from the container (see [`RawDoc::fetched`]).
    pub fetched: Option<String>,
    pub format: Format,
    pub charset: &'static str,
    pub text: String,
    /// Recoverable problems (replaced bytes, guessed charset).
    pub warnings: Vec<String>,
    /// See [`RawDoc::hints`].
    pub hints: Hints,
}

/// A document that could not be read; the rest of the run goes on.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{source_name}: {reason}")]
pub struct DocError {
    pub source_name: String,
    pub reason: String,
}

impl DocError {
    pub fn new(source: impl Into<String>, reason: impl Into<String>) -> Self {
        DocError {
            source_name: source.into(),
            reason: reason.into(),
        }
    }
}

/// Hex content hash used as the document id (128 bits of SHA-256).
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Decodes a raw document and settles its format. `plain` forces [`Format::Plain`].
pub fn into_page(raw: RawDoc, plain: bool) -> Result<Page, DocError> {
    let id = content_id(&raw.bytes);
    into_page_with_id(raw, plain, id)
}

/// [`into_page`] for a caller that already hashed the bytes (`id` must be their [`content_id`]).
pub fn into_page_with_id(raw: RawDoc, plain: bool, id: String) -> Result<Page, DocError> {
    if raw.bytes.is_empty() {
        return Err(DocError::new(raw.source, "empty document (0 bytes)"));
    }
    let decoded = decode(&raw.bytes, raw.charset_hint.as_deref())
        .map_err(|reason| DocError::new(&raw.source, reason))?;
    let format = if plain {
        Format::Plain
    } else {
        raw.declared
            .unwrap_or_else(|| sniff_format(&decoded.text, &raw.source))
    };
    Ok(Page {
        source: raw.source,
        id,
        url: raw.url,
        published: raw.published,
        fetched: raw.fetched,
        format,
        charset: decoded.charset,
        text: decoded.text,
        warnings: decoded.warnings,
        hints: raw.hints,
    })
}
