//! JSON Lines record files: one document per line, `{"url", "html"|"text", "published"?}`.

use crate::{DocError, Format, RawDoc};
use serde::Deserialize;

#[derive(Deserialize)]
struct Record {
    url: Option<String>,
    html: Option<String>,
    text: Option<String>,
    published: Option<String>,
}

/// True when the file looks like JSON Lines records rather than a page.
pub fn is_record_file(name: &str, head: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return true;
    }
    // Content sniff: the first line is a JSON object carrying an html or text field.
    let first = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let first = first.trim_ascii();
    first.starts_with(b"{")
        && serde_json::from_slice::<Record>(first)
            .map(|r| r.html.is_some() || r.text.is_some())
            .unwrap_or(false)
}

/// Parses one line of a record file. Returns `None` for blank lines.
pub fn parse_record(source: &str, lineno: usize, line: &[u8]) -> Option<Result<RawDoc, DocError>> {
    let line = line.trim_ascii();
    if line.is_empty() {
        return None;
    }
    let name = format!("{source}#{lineno}");
    let rec: Record = match serde_json::from_slice(line) {
        Ok(r) => r,
        Err(e) => return Some(Err(DocError::new(name, format!("bad JSON record: {e}")))),
    };
    let (declared, body) = match (rec.html, rec.text) {
        (Some(h), _) => (Format::Html, h),
        (None, Some(t)) => (Format::Dump, t),
        (None, None) => {
            return Some(Err(DocError::new(
                name,
                "record has neither an \"html\" nor a \"text\" field",
            )))
        }
    };
    Some(Ok(RawDoc {
        source: name,
        url: rec.url,
        published: rec.published,
        fetched: None,
        declared: Some(declared),
        charset_hint: Some("utf-8".into()),
        bytes: body.into_bytes(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_with_html_is_html() {
        let d = parse_record(
            "f.jsonl",
            3,
            br#"{"url":"http://a/b","html":"<p>x</p>","published":"2024-01-02"}"#,
        )
        .unwrap()
        .unwrap();
        assert_eq!(d.source, "f.jsonl#3");
        assert_eq!(d.declared, Some(Format::Html));
        assert_eq!(d.published.as_deref(), Some("2024-01-02"));
    }

    #[test]
    fn record_without_body_is_an_error_naming_the_line() {
        let e = parse_record("f.jsonl", 7, br#"{"url":"x"}"#)
            .unwrap()
            .unwrap_err();
        assert_eq!(e.source_name, "f.jsonl#7");
    }

    #[test]
    fn sniffs_records_by_content() {
        assert!(is_record_file("dump.txt", br#"{"text": "hello"}"#));
        assert!(!is_record_file("dump.txt", b"{ not json"));
    }
}
