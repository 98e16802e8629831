//! WARC archives (`.warc`, `.warc.gz` with one gzip member per record, as Common Crawl ships
//! them): `response` records holding HTML become documents; everything else is skipped.
//!
//! Streamed record by record from a `BufRead`, so memory stays bounded by the largest record kept
//! (itself bounded by the document limit). A malformed record is reported and the reader
//! re-synchronises on the next `WARC/` header line.

use crate::{DocError, Format, RawDoc};
use flate2::read::GzDecoder;
use std::io::{self, BufRead, Read};

/// Longest header line accepted; longer ones mean we are not looking at a WARC header.
const MAX_LINE: u64 = 64 << 10;
/// Most header lines in one WARC or HTTP header block.
const MAX_HEADERS: usize = 256;

/// True when a file is a WARC archive, by name or by its first bytes (after gzip).
pub fn is_warc(name: &str, head: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".warc") || lower.ends_with(".warc.gz") || head.starts_with(b"WARC/1.")
}

pub struct WarcIter<R> {
    name: String,
    reader: R,
    /// Ordinal of the record being read (1-based), for `path#N` names.
    record: usize,
    limit: u64,
    done: bool,
    /// After a malformed record: skip everything up to the next `WARC/` line.
    resync: bool,
}

impl<R: BufRead> WarcIter<R> {
    pub fn new(name: String, reader: R, limit: u64) -> Self {
        WarcIter {
            name,
            reader,
            record: 0,
            limit,
            done: false,
            resync: false,
        }
    }

    fn err(&self, reason: impl Into<String>) -> DocError {
        DocError::new(format!("{}#{}", self.name, self.record), reason)
    }

    /// One line without its line ending; `None` at end of input.
    fn line(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut buf = Vec::new();
        let n = (&mut self.reader)
            .take(MAX_LINE)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        Ok(Some(buf))
    }

    /// Skips lines until the next `WARC/` version line and returns it (or `None` at the end).
    fn next_version_line(&mut self, resync: bool) -> io::Result<Option<Vec<u8>>> {
        loop {
            match self.line()? {
                None => return Ok(None),
                Some(l) if l.starts_with(b"WARC/") => return Ok(Some(l)),
                Some(l) if l.is_empty() || resync => continue,
                Some(l) => return Ok(Some(l)),
            }
        }
    }

    fn headers(&mut self) -> io::Result<Result<Vec<(String, String)>, String>> {
        let mut out = Vec::new();
        loop {
            let Some(l) = self.line()? else {
                return Ok(Err("record header cut off by end of file".into()));
            };
            if l.is_empty() {
                return Ok(Ok(out));
            }
            if out.len() >= MAX_HEADERS {
                return Ok(Err("too many header lines".into()));
            }
            let l = String::from_utf8_lossy(&l);
            let Some((k, v)) = l.split_once(':') else {
                return Ok(Err(format!("malformed header line {:?}", truncate(&l, 60))));
            };
            out.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }

    /// Reads one record; `Ok(None)` at end, `Ok(Some(None))` for a record that is not a document.
    fn record(&mut self) -> Result<Option<Option<RawDoc>>, DocError> {
        let io = |e: io::Error, s: &Self| s.err(format!("read failed: {e}"));
        let version = match self.next_version_line(self.resync) {
            Ok(Some(v)) => v,
            Ok(None) => return Ok(None),
            Err(e) => return Err(io(e, self)),
        };
        self.record += 1;
        if !version.starts_with(b"WARC/") {
            return Err(self.err(format!(
                "not a WARC record header: {:?}",
                truncate(&String::from_utf8_lossy(&version), 40)
            )));
        }
        let headers = match self.headers() {
            Ok(Ok(h)) => h,
            Ok(Err(reason)) => return Err(self.err(reason)),
            Err(e) => return Err(io(e, self)),
        };
        let get = |k: &str| {
            headers
                .iter()
                .find(|(h, _)| h == k)
                .map(|(_, v)| v.as_str())
        };
        let Some(len) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            return Err(self.err("record without a valid Content-Length"));
        };
        let wanted = get("warc-type") == Some("response")
            && get("content-type").is_some_and(|c| c.to_ascii_lowercase().contains("http"));
        if !wanted || len > self.limit {
            let skipped = io::copy(&mut (&mut self.reader).take(len), &mut io::sink())
                .map_err(|e| io(e, self))?;
            if skipped < len {
                return Err(self.err("record block cut off by end of file"));
            }
            if wanted {
                return Err(self.err(format!(
                    "record larger than the {} MiB limit",
                    self.limit >> 20
                )));
            }
            return Ok(Some(None));
        }
        let mut block = Vec::with_capacity(len as usize);
        (&mut self.reader)
            .take(len)
            .read_to_end(&mut block)
            .map_err(|e| io(e, self))?;
        if (block.len() as u64) < len {
            return Err(self.err("record block cut off by end of file"));
        }
        let url = get("warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty());
        let fetched = get("warc-date").map(str::to_string);
        let source = format!("{}#{}", self.name, self.record);
        http_document(source, url, fetched, &block, self.limit)
            .map(Some)
            .map_err(|reason| self.err(reason))
    }
}

impl<R: BufRead> Iterator for WarcIter<R> {
    type Item = Result<RawDoc, DocError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.record() {
                Ok(None) => self.done = true,
                Ok(Some(doc)) => {
                    self.resync = false;
                    if let Some(doc) = doc {
                        return Some(Ok(doc));
                    }
                }
                Err(e) => {
                    if e.reason.starts_with("read failed") {
                        self.done = true;
                    }
                    self.resync = true;
                    return Some(Err(e));
                }
            }
        }
        None
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// An HTTP response (status line, headers, body) to a document when its body is HTML.
/// `Ok(None)` for non-HTML or error statuses.
fn http_document(
    source: String,
    url: Option<String>,
    fetched: Option<String>,
    block: &[u8],
    limit: u64,
) -> Result<Option<RawDoc>, String> {
    let Some(split) = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
    else {
        return Err("HTTP response without a header/body separator".into());
    };
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return Err(format!("not an HTTP response: {:?}", truncate(status, 40)));
    }
    let code: u16 = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let header = |name: &str| {
        head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    };
    let ctype = header("content-type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let html = ctype.contains("html") || (ctype.is_empty() && sniff_html(&block[split.1..]));
    if !(200..300).contains(&code) || !html {
        return Ok(None);
    }
    let mut body = block[split.1..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body).ok_or("malformed chunked body")?;
    }
    if header("content-encoding").is_some_and(|t| t.eq_ignore_ascii_case("gzip")) {
        let mut out = Vec::new();
        GzDecoder::new(&body[..])
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("invalid gzip body: {e}"))?;
        if out.len() as u64 > limit {
            return Err(format!(
                "document larger than the {} MiB limit",
                limit >> 20
            ));
        }
        body = out;
    }
    let charset_hint = ctype
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'', ' ']).to_string())
        .find(|c| !c.is_empty());
    Ok(Some(RawDoc {
        source,
        url,
        published: None,
        fetched,
        declared: Some(Format::Html),
        charset_hint,
        bytes: body,
    }))
}

fn sniff_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    find(&lower, b"<html").is_some() || find(&lower, b"<!doctype html").is_some()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undoes HTTP chunked transfer coding; `None` when the framing is broken.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = find(b, b"\r\n")?;
        let size_str = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(size_str.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-06T07:08:09Z\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn docs(bytes: &[u8]) -> Vec<Result<RawDoc, DocError>> {
        WarcIter::new("t.warc".into(), io::BufReader::new(bytes), 1 << 20).collect()
    }

    #[test]
    fn html_response_becomes_a_document_with_url_and_charset() {
        let w = record(
            "response",
            "http://a.org/x",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n<p>hi</p>",
        );
        let d = docs(&w);
        let doc = d[0].as_ref().unwrap();
        assert_eq!(doc.url.as_deref(), Some("http://a.org/x"));
        assert_eq!(doc.charset_hint.as_deref(), Some("windows-1251"));
        assert_eq!(doc.bytes, b"<p>hi</p>");
        assert_eq!(doc.published, None);
        assert_eq!(doc.fetched.as_deref(), Some("2024-05-06T07:08:09Z"));
        assert_eq!(doc.source, "t.warc#1");
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").unwrap(),
            b"abcde"
        );
        assert!(dechunk(b"zz\r\n").is_none());
    }

    #[test]
    fn bad_length_is_reported_and_next_record_read() {
        let mut w =
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\ngarbage\r\n\r\n"
                .to_vec();
        w.extend(record(
            "response",
            "http://b.org/",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>b</p>",
        ));
        let d = docs(&w);
        assert_eq!(d.len(), 2);
        assert!(d[0].as_ref().unwrap_err().reason.contains("Content-Length"));
        assert_eq!(d[1].as_ref().unwrap().url.as_deref(), Some("http://b.org/"));
    }
}
