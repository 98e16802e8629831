//! JSON Lines record files: one document per line, `{"url", "html"|"text", "published"?}`.
//!
//! Streamed line by line with a limit per record and none on the file. A line past the limit is
//! skipped as it is read (only the limit's worth is ever held), and reported with its line
//! number and byte offset; the records after it are read as usual. A compressed file is read
//! gzip member by gzip member ([`GzMembers`](super::gzip_members)): after a corrupt member the
//! records pick up again at the next one, and the loss is reported once.

use super::gzip_members::CorruptMember;
use claimtrail_page::{DocError, Format, RawDoc};
use serde::Deserialize;
use std::io::{self, BufRead};

#[derive(Deserialize)]
struct Record {
    url: Option<String>,
    html: Option<String>,
    text: Option<String>,
    published: Option<String>,
}

/// A UTF-8 byte-order mark, which editors on Windows put before a file's first record.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// True when the file looks like JSON Lines records rather than a page.
pub fn is_record_file(name: &str, head: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return true;
    }
    // Content sniff: the first line is a JSON object carrying an html or text field.
    let head = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    let first = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let first = first.trim_ascii();
    first.starts_with(b"{")
        && read_record(first)
            .map(|r| r.html.is_some() || r.text.is_some())
            .unwrap_or(false)
}

/// One record's JSON. A lone UTF-16 surrogate escape (an exporter that cut an emoji in half)
/// would make strict JSON refuse the whole record: it is read as U+FFFD and the line parsed again.
fn read_record(line: &[u8]) -> serde_json::Result<Record> {
    serde_json::from_slice(line).or_else(|e| {
        match std::str::from_utf8(line)
            .ok()
            .and_then(claimtrail_page::lone_surrogates_replaced)
        {
            Some(fixed) => serde_json::from_str(&fixed),
            None => Err(e),
        }
    })
}

/// Parses one line of a record file. Returns `None` for blank lines.
pub fn parse_record(source: &str, lineno: usize, line: &[u8]) -> Option<Result<RawDoc, DocError>> {
    let line = line.trim_ascii();
    if line.is_empty() {
        return None;
    }
    let name = format!("{source}#{lineno}");
    let rec: Record = match read_record(line) {
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
        hints: Default::default(),
        bytes: body.into_bytes(),
    }))
}

pub struct RecordIter<R> {
    name: String,
    reader: R,
    lineno: usize,
    /// Offset of the next line in the (decompressed) file.
    offset: u64,
    limit: u64,
    gz: bool,
    done: bool,
}

impl<R: BufRead> RecordIter<R> {
    pub fn new(name: String, reader: R, limit: u64, gz: bool) -> Self {
        RecordIter {
            name,
            reader,
            lineno: 0,
            offset: 0,
            limit,
            gz,
            done: false,
        }
    }
}

/// One line read with a bound.
enum Line {
    End,
    /// The line is in the buffer; this many bytes were read.
    Kept(u64),
    /// The line passed the limit and was skipped; this many bytes were read.
    TooLong(u64),
}

/// Reads one line into `line` unless it is longer than `limit` (its line ending not counted),
/// in which case the rest of it is read past without being kept.
fn read_line(r: &mut impl BufRead, limit: u64, line: &mut Vec<u8>) -> io::Result<Line> {
    line.clear();
    let mut total = 0u64;
    let mut over = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(match (total, over) {
                (0, _) => Line::End,
                (_, true) => Line::TooLong(total),
                (_, false) => Line::Kept(total),
            });
        }
        let (n, ends) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        if !over {
            line.extend_from_slice(&buf[..n]);
            let content = line.len() - usize::from(line.ends_with(b"\n"));
            if content as u64 > limit {
                over = true;
                *line = Vec::new();
            }
        }
        r.consume(n);
        total += n as u64;
        if ends {
            return Ok(if over {
                Line::TooLong(total)
            } else {
                Line::Kept(total)
            });
        }
    }
}

impl<R: BufRead> Iterator for RecordIter<R> {
    type Item = Result<RawDoc, DocError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut line = Vec::new();
        while !self.done {
            self.lineno += 1;
            let at = self.offset;
            match read_line(&mut self.reader, self.limit, &mut line) {
                Err(e) if CorruptMember::of(&e).is_some() => {
                    // The line being read is lost with its member; the decompressed offsets
                    // after it count only the bytes read.
                    let m = CorruptMember::of(&e).expect("checked");
                    return Some(Err(DocError::new(
                        format!("{}#{}", self.name, self.lineno),
                        format!(
                            "{m}: the records in it are lost; reading on at the next gzip \
                             member (line numbers after it count the lines read)"
                        ),
                    )));
                }
                Err(e) => {
                    self.done = true;
                    let e = super::read_error(&self.name, self.gz, &e);
                    return Some(Err(DocError::new(
                        format!("{}#{}", self.name, self.lineno),
                        format!(
                            "{} (at byte {at}); the rest of the file is unreadable",
                            e.reason
                        ),
                    )));
                }
                Ok(Line::End) => self.done = true,
                Ok(Line::TooLong(n)) => {
                    self.offset += n;
                    return Some(Err(DocError::new(
                        format!("{}#{}", self.name, self.lineno),
                        format!(
                            "record of {n} bytes larger than the {} MiB limit (at byte {at}); skipped",
                            self.limit >> 20
                        ),
                    )));
                }
                Ok(Line::Kept(n)) => {
                    self.offset += n;
                    // A byte-order mark is no part of the first record's JSON.
                    let body = match at {
                        0 => line.strip_prefix(UTF8_BOM).unwrap_or(&line),
                        _ => &line,
                    };
                    if let Some(r) = parse_record(&self.name, self.lineno, body) {
                        return Some(r);
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &[u8], limit: u64) -> Vec<Result<RawDoc, DocError>> {
        // A tiny buffer: lines cross many reads.
        let reader = io::BufReader::with_capacity(16, text);
        RecordIter::new("r.jsonl".into(), reader, limit, false).collect()
    }

    #[test]
    fn an_oversized_record_is_skipped_with_its_position_and_the_next_kept() {
        let big = format!("{{\"text\":\"{}\"}}", "x".repeat(500));
        let file = format!("{{\"text\":\"one\"}}\n{big}\n{{\"text\":\"three\"}}\n");
        let got = records(file.as_bytes(), 100);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].as_ref().unwrap().bytes, b"one");
        let e = got[1].as_ref().unwrap_err();
        assert_eq!(e.source_name, "r.jsonl#2");
        assert!(e.reason.contains("at byte 15"), "{}", e.reason);
        assert_eq!(got[2].as_ref().unwrap().bytes, b"three");
        assert_eq!(got[2].as_ref().unwrap().source, "r.jsonl#3");
    }

    #[test]
    fn a_record_with_a_lone_surrogate_keeps_its_text_and_fields() {
        let line = br#"{"url":"http://a/b","text":"Storm \ud83d hits","published":"2024-01-02"}"#;
        let d = parse_record("f.jsonl", 1, line).unwrap().unwrap();
        assert_eq!(String::from_utf8(d.bytes).unwrap(), "Storm \u{fffd} hits");
        assert_eq!(d.url.as_deref(), Some("http://a/b"));
        assert_eq!(d.published.as_deref(), Some("2024-01-02"));
        // Sniffed as records too, whatever the file is called.
        assert!(is_record_file("feed.txt", line));
        // Broken JSON stays refused, by name.
        let e = parse_record("f.jsonl", 2, br#"{"text":"\ud83d"#)
            .unwrap()
            .unwrap_err();
        assert_eq!(e.source_name, "f.jsonl#2");
    }

    #[test]
    fn the_file_may_be_far_larger_than_the_record_limit() {
        let file: String = (0..200)
            .map(|i| format!("{{\"text\":\"record {i}\"}}\n"))
            .collect();
        let got = records(file.as_bytes(), 64);
        assert!(file.len() > 64 * 50);
        assert_eq!(got.len(), 200);
        assert!(got.iter().all(Result::is_ok));
    }

    #[test]
    fn a_line_exactly_at_the_limit_is_kept_and_one_past_is_not() {
        let line = br#"{"text":"abc"}"#;
        let n = line.len() as u64;
        assert!(records(line, n)[0].is_ok());
        assert!(records(line, n - 1)[0].is_err());
    }

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

    fn member(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn compressed_records(file: &[u8]) -> Vec<Result<RawDoc, DocError>> {
        let members =
            super::super::gzip_members::GzMembers::new(io::BufReader::with_capacity(16, file));
        let reader = io::BufReader::with_capacity(16, members);
        RecordIter::new("r.jsonl.gz".into(), reader, 1 << 20, true).collect()
    }

    #[test]
    fn records_pick_up_at_the_next_gzip_member_after_a_corrupt_one() {
        let a = member(b"{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
        let lost: String = (0..20)
            .map(|i| format!("{{\"text\":\"lost record number {i}\"}}\n"))
            .collect();
        let mut b = member(lost.as_bytes());
        let c = member(b"{\"text\":\"five\"}\n{\"text\":\"six\"}\n");
        let mid = b.len() / 2;
        b[mid] ^= 0xff;
        b[mid + 1] ^= 0x55;
        let file = [a.clone(), b, c].concat();
        let got = compressed_records(&file);
        let kept: Vec<&[u8]> = got
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|d| d.bytes.as_slice())
            .collect();
        assert_eq!(kept.first(), Some(&&b"one"[..]));
        assert_eq!(kept[1], b"two");
        assert_eq!(&kept[kept.len() - 2..], [&b"five"[..], &b"six"[..]]);
        // Bytes the damaged member gave before its damage showed may have made broken lines,
        // each reported as such; the member itself is reported once.
        let errors: Vec<&DocError> = got.iter().filter_map(|r| r.as_ref().err()).collect();
        let corrupt: Vec<&&DocError> = errors
            .iter()
            .filter(|e| e.reason.contains("corrupt gzip member"))
            .collect();
        assert_eq!(corrupt.len(), 1, "{errors:?}");
        let reason = &corrupt[0].reason;
        assert!(reason.contains(&format!("at byte {}", a.len())), "{reason}");
        assert!(errors
            .iter()
            .all(|e| e.reason.contains("gzip") || e.reason.contains("bad JSON")));
    }

    #[test]
    fn a_truncated_compressed_record_file_keeps_what_came_before() {
        let a = member(b"{\"text\":\"one\"}\n");
        let b = member(&b"{\"text\":\"cut off here\"}\n".repeat(40));
        let file = [a, b[..b.len() / 2].to_vec()].concat();
        let got = compressed_records(&file);
        assert_eq!(got[0].as_ref().unwrap().bytes, b"one");
        let errors: Vec<&DocError> = got.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].reason.contains("truncated"),
            "{}",
            errors[0].reason
        );
    }

    /// A line of `x` bytes `len` long, then `tail`: a file too large to write in a test.
    struct LongLine {
        len: u64,
        tail: io::Cursor<Vec<u8>>,
    }

    impl io::Read for LongLine {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.len == 0 {
                return self.tail.read(buf);
            }
            let n = buf
                .len()
                .min(usize::try_from(self.len).unwrap_or(usize::MAX));
            buf[..n].fill(b'x');
            self.len -= n as u64;
            Ok(n)
        }
    }

    #[test]
    fn records_past_four_gib_of_decompressed_bytes_are_kept() {
        let len = (4u64 << 30) + 12_345;
        let tail = b"\n{\"url\":\"after\",\"text\":\"The record after 4 GiB.\"}\n".to_vec();
        let reader = io::BufReader::with_capacity(
            1 << 20,
            LongLine {
                len,
                tail: io::Cursor::new(tail),
            },
        );
        let got: Vec<_> = RecordIter::new("big.jsonl".into(), reader, 64 << 20, false).collect();
        assert_eq!(got.len(), 2);
        let e = got[0].as_ref().unwrap_err();
        assert!(e.reason.contains("at byte 0"), "{}", e.reason);
        let d = got[1].as_ref().unwrap();
        assert_eq!(d.url.as_deref(), Some("after"));
        assert_eq!(d.source, "big.jsonl#2");
    }

    #[test]
    fn sniffs_records_by_content() {
        assert!(is_record_file("dump.txt", br#"{"text": "hello"}"#));
        assert!(is_record_file(
            "dump.txt",
            b"\xEF\xBB\xBF{\"text\": \"hello\"}"
        ));
        assert!(!is_record_file("dump.txt", b"{ not json"));
    }

    #[test]
    fn a_byte_order_mark_before_the_first_record_is_skipped() {
        let got = records(
            b"\xEF\xBB\xBF{\"text\":\"first\"}\n{\"text\":\"second\"}\n",
            1 << 20,
        );
        assert_eq!(got.len(), 2);
        let first = got[0].as_ref().expect("the first record is read");
        assert_eq!(first.bytes, b"first");
        assert_eq!(first.source, "r.jsonl#1");
        assert!(got[1].is_ok());
    }
}
