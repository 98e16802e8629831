//! WARC archives (`.warc`, `.warc.gz` with one gzip member per record, as Common Crawl ships
//! them): `response` records holding HTML become documents; everything else is skipped. A
//! response record's `Claimtrail-Listed-Date` and `Claimtrail-Listed-Title` fields (written by
//! `claimtrail collect`: what the feed entry said) become the document's hints.
//!
//! Streamed record by record, so memory stays bounded by the largest record kept (itself bounded
//! by the document limit). A broken record is reported once, with its number and byte offset,
//! and the reader resynchronises so that every intact record after it is kept:
//! - after a corrupt gzip member, at the next member ([`GzMembers`](super::gzip_members));
//! - after a Content-Length that does not end where the next record begins (checked on every
//!   record: the block must be followed by blank lines and a `WARC/` line, or the end), at the
//!   next `WARC/1.` header: inside the block when the length was too large (the swallowed records
//!   are handed back and read), after it when too small.

use super::gzip_members::CorruptMember;
use super::rewind::Rewind;
use claimtrail_page::{DocError, Format, Hints, RawDoc};
use flate2::read::GzDecoder;
use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A response record's own fields (lower case, as headers are read) for what the listing that
/// led to the page said about it (`claimtrail collect` writes them): see [`Hints`].
pub const HINT_PUBLISHED: &str = "claimtrail-listed-date";
pub const HINT_TITLE: &str = "claimtrail-listed-title";

/// Longest header line accepted; longer ones mean we are not looking at a WARC header.
const MAX_LINE: u64 = 64 << 10;
/// Most header lines in one WARC or HTTP header block.
const MAX_HEADERS: usize = 256;
/// Blank-line bytes accepted between a record's block and the next record.
const MAX_GAP: usize = 64;

/// True when a file is a WARC archive, by name or by its first bytes (after gzip).
pub fn is_warc(name: &str, head: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".warc") || lower.ends_with(".warc.gz") || head.starts_with(b"WARC/1.")
}

pub struct WarcIter<R> {
    name: String,
    reader: Rewind<R>,
    /// Ordinal of the record being read (1-based), for `path#N` names.
    record: usize,
    /// A record's version line has been read and the record is not finished.
    in_record: bool,
    limit: u64,
    done: bool,
    /// After a broken record: skip everything up to the next `WARC/` line.
    resync: bool,
    /// For a `.warc.gz`: the ordinal of the gzip member being read.
    members: Option<Arc<AtomicU64>>,
    /// The member the current record's header came from.
    record_member: u64,
    /// The member of the last record reported broken: its failure, when it surfaces later, is
    /// the same loss, not another.
    broken_member: Option<u64>,
    /// A corrupt member met while checking the end of an intact record: the next record, lost,
    /// to be reported as such (with its member).
    pending: Option<(String, u64)>,
}

/// Why a record was not read.
enum Broken {
    /// This record only: report it, resynchronise, go on.
    Record(DocError),
    /// Damage already reported: resynchronise and go on silently.
    Reported,
    /// The input cannot be read further (an I/O error that is not a corrupt gzip member).
    Fatal(DocError),
}

impl<R: BufRead> WarcIter<R> {
    pub fn new(name: String, reader: R, limit: u64) -> Self {
        WarcIter {
            name,
            reader: Rewind::new(reader),
            record: 0,
            in_record: false,
            limit,
            done: false,
            resync: false,
            members: None,
            record_member: 0,
            broken_member: None,
            pending: None,
        }
    }

    /// Reads from gzip members counted by `members` (see [`GzMembers::member_counter`]), so that a
    /// corrupt member is charged to the record it held.
    ///
    /// [`GzMembers::member_counter`]: super::gzip_members::GzMembers::member_counter
    pub fn with_members(mut self, members: Arc<AtomicU64>) -> Self {
        self.members = Some(members);
        self
    }

    fn current_member(&self) -> u64 {
        self.members
            .as_ref()
            .map_or(0, |m| m.load(Ordering::Relaxed))
    }

    fn err(&self, reason: impl Into<String>) -> DocError {
        DocError::new(format!("{}#{}", self.name, self.record), reason)
    }

    fn broken(&mut self, reason: impl Into<String>) -> Broken {
        if self.members.is_some() {
            self.broken_member = Some(self.record_member);
        }
        Broken::Record(self.err(reason))
    }

    /// A read error: a corrupt gzip member costs the record it held; anything else ends the file.
    fn io_failed(&mut self, e: io::Error) -> Broken {
        if let Some(m) = CorruptMember::of(&e) {
            if self.broken_member == Some(m.member) {
                return Broken::Reported;
            }
            if !self.in_record {
                // The member held the next record: it is lost, and numbered.
                self.record += 1;
            }
            let reason = format!("{m}; record lost");
            self.record_member = m.member;
            return self.broken(reason);
        }
        Broken::Fatal(self.err(format!("read failed: {e}")))
    }

    /// [`Self::at_record_boundary`] for a record whose block was read whole: a corrupt member
    /// after it is the next record's loss (reported with it), not this record's.
    fn record_ends_here(&mut self) -> Result<bool, Broken> {
        match self.at_record_boundary() {
            Ok(b) => Ok(b),
            Err(e) => match CorruptMember::of(&e) {
                Some(m) if m.member != self.record_member => {
                    self.pending = Some((format!("{m}; record lost"), m.member));
                    Ok(true)
                }
                _ => Err(self.io_failed(e)),
            },
        }
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

    /// Skips blank lines (and, resynchronising, every line) up to the next `WARC/` version line;
    /// returns it with its offset, or `None` at the end.
    fn next_version_line(&mut self) -> io::Result<Option<(Vec<u8>, u64)>> {
        loop {
            let at = self.reader.position();
            match self.line()? {
                None => return Ok(None),
                Some(l) if l.starts_with(b"WARC/") => return Ok(Some((l, at))),
                Some(l) if l.is_empty() || self.resync => continue,
                Some(l) => return Ok(Some((l, at))),
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

    /// After a block: true when only blank lines stand between it and the next `WARC/` line or
    /// the end, i.e. the Content-Length ended the record where the next one begins. Reads
    /// nothing past the blank lines.
    fn at_record_boundary(&mut self) -> io::Result<bool> {
        let mut gap = 0;
        loop {
            let buf = self.reader.fill_buf()?;
            let blank = buf
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            let blank = blank.min(MAX_GAP - gap);
            let whole = blank == buf.len() && !buf.is_empty();
            self.reader.consume(blank);
            gap += blank;
            if !whole || gap >= MAX_GAP {
                break;
            }
        }
        let next = self.reader.read_up_to(5)?;
        self.reader.push_back(&next);
        Ok(next.is_empty() || next == b"WARC/")
    }

    /// Reads one record; `Ok(None)` at end, `Ok(Some(None))` for a record that is not a document.
    fn record(&mut self) -> Result<Option<Option<RawDoc>>, Broken> {
        if let Some((reason, member)) = self.pending.take() {
            self.record += 1;
            self.record_member = member;
            return Err(self.broken(reason));
        }
        let (version, at) = match self.next_version_line() {
            Ok(Some(v)) => v,
            Ok(None) => return Ok(None),
            Err(e) => return Err(self.io_failed(e)),
        };
        self.record += 1;
        self.in_record = true;
        self.record_member = self.current_member();
        if !version.starts_with(b"WARC/") {
            return Err(self.broken(format!(
                "not a WARC record header at byte {at}: {:?}",
                truncate(&String::from_utf8_lossy(&version), 40)
            )));
        }
        let headers = match self.headers() {
            Ok(Ok(h)) => h,
            Ok(Err(reason)) => return Err(self.broken(format!("{reason} (record at byte {at})"))),
            Err(e) => return Err(self.io_failed(e)),
        };
        let get = |k: &str| {
            headers
                .iter()
                .find(|(h, _)| h == k)
                .map(|(_, v)| v.as_str())
        };
        let Some(len) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            return Err(self.broken(format!(
                "record without a valid Content-Length (at byte {at})"
            )));
        };
        let wanted = get("warc-type") == Some("response")
            && get("content-type").is_some_and(|c| c.to_ascii_lowercase().contains("http"));
        let url = get("warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty());
        let fetched = get("warc-date").map(str::to_string);
        let hints = Hints {
            published: get(HINT_PUBLISHED).map(str::to_string),
            title: get(HINT_TITLE).map(str::to_string),
        };
        if len > self.limit {
            // Too large to keep: stream past it without holding it.
            let skipped = io::copy(&mut (&mut self.reader).take(len), &mut io::sink())
                .map_err(|e| self.io_failed(e))?;
            if skipped < len {
                return Err(self.broken(format!(
                    "record block cut off by end of file (record at byte {at})"
                )));
            }
            if !self.record_ends_here()? {
                return Err(self.broken(format!(
                    "Content-Length {len} does not end the record at byte {at}; skipped up to \
                     the next record header"
                )));
            }
            self.in_record = false;
            if wanted {
                return Err(self.broken(format!(
                    "record of {len} bytes larger than the {} MiB limit (at byte {at}); skipped",
                    self.limit >> 20
                )));
            }
            return Ok(Some(None));
        }
        let block = self
            .reader
            .read_up_to(len as usize)
            .map_err(|e| self.io_failed(e))?;
        let complete = block.len() as u64 == len;
        if !complete || !self.record_ends_here()? {
            // A wrong length: hand back the records a too-large one swallowed; a too-small one
            // leaves the resynchronisation to find the next header after it.
            let swallowed = find(&block, b"\nWARC/1.").map(|i| i + 1);
            if let Some(i) = swallowed {
                self.reader.push_back(&block[i..]);
            }
            let reason = match (complete, swallowed.is_some()) {
                (false, false) => "record block cut off by end of file".to_string(),
                (_, true) => format!("Content-Length {len} runs into the next record"),
                (true, false) => format!("Content-Length {len} ends inside the record"),
            };
            return Err(self.broken(format!("{reason} (record at byte {at}); skipped")));
        }
        self.in_record = false;
        if !wanted {
            return Ok(Some(None));
        }
        let source = format!("{}#{}", self.name, self.record);
        http_document(source, url, fetched, &block, self.limit)
            .map(|d| d.map(|d| RawDoc { hints, ..d }))
            .map(Some)
            .map_err(|reason| self.broken(reason))
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
                Err(Broken::Record(e)) => {
                    // A record whose framing held (a bad HTTP body) leaves the reader at the next
                    // header; resynchronising there costs nothing.
                    self.resync = true;
                    self.in_record = false;
                    return Some(Err(e));
                }
                Err(Broken::Reported) => {
                    self.resync = true;
                    self.in_record = false;
                }
                Err(Broken::Fatal(e)) => {
                    self.done = true;
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
        hints: Hints::default(),
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
        assert_eq!(doc.hints, Hints::default());
    }

    #[test]
    fn listing_hints_come_from_the_records_own_fields() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi</p>";
        let mut w = format!(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.org/x\r\n\
             Claimtrail-Listed-Date: 2024-05-01T00:00:00Z\r\nClaimtrail-Listed-Title: Héllo\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        w.extend_from_slice(block);
        w.extend_from_slice(b"\r\n\r\n");
        let d = docs(&w);
        let doc = d[0].as_ref().unwrap();
        assert_eq!(doc.hints.published.as_deref(), Some("2024-05-01T00:00:00Z"));
        assert_eq!(doc.hints.title.as_deref(), Some("Héllo"));
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
