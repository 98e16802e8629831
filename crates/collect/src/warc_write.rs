//! A WARC 1.1 writer: each file opens with a `warcinfo` record, then a `request` and a `response`
//! record per exchange, every record its own gzip member (as Common Crawl ships them, so a
//! reader can start at any record). Records carry `WARC-Record-ID`, `WARC-Date`,
//! `WARC-Target-URI`, SHA-1 block and payload digests (base32, as is customary), and the request
//! names its response (`WARC-Concurrent-To`). Files rotate once they pass a size.
//!
//! Two fields of our own travel on a response record: `Claimtrail-Listed-Date` and
//! `Claimtrail-Listed-Title`, what the feed or sitemap entry said about the page; the WARC
//! reader hands them on as the document's hints (see `claimtrail_page::Hints`).
//!
//! Crash safety: a file's committed length (bytes holding whole record pairs) is recorded by
//! the caller's hook after each pair is on disk; [`WarcWriter::recover`] cuts a file back to it,
//! so a pair half written when the process died never reaches a reader.

use chrono::{DateTime, SecondsFormat, Utc};
use flate2::write::GzEncoder;
use flate2::Compression;
use sha1::{Digest, Sha1};
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What a listing said about a page, written on its response record.
pub const FIELD_LISTED_DATE: &str = "Claimtrail-Listed-Date";
pub const FIELD_LISTED_TITLE: &str = "Claimtrail-Listed-Title";

/// One HTTP exchange to archive.
pub struct Exchange<'a> {
    pub target: &'a str,
    pub date: DateTime<Utc>,
    /// The request as sent: request line and headers, CRLF-terminated, with the blank line.
    pub request: &'a [u8],
    /// The response's status line and headers, CRLF-terminated, with the blank line.
    pub response_head: &'a [u8],
    /// The body as it came (content coding kept, transfer coding undone).
    pub body: &'a [u8],
    pub listed_date: Option<&'a str>,
    pub listed_title: Option<&'a str>,
}

/// Where an exchange was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file's name in the archive directory.
    pub file: String,
    /// Byte offset of the request record (the pair's first member).
    pub offset: u64,
    /// The file's length after the pair.
    pub end: u64,
    /// The response record's ordinal in the file (1-based, as readers number records).
    pub record: u64,
}

struct OpenFile {
    name: String,
    file: File,
    len: u64,
    records: u64,
    warcinfo: String,
}

pub struct WarcWriter {
    dir: PathBuf,
    prefix: String,
    max_bytes: u64,
    /// Said in each file's warcinfo record.
    operator: String,
    current: Option<OpenFile>,
}

/// Called with a file's name and its committed length, after the bytes are on disk.
pub type CommitHook<'a> = &'a mut dyn FnMut(&str, u64) -> io::Result<()>;

impl WarcWriter {
    pub fn new(dir: &Path, prefix: &str, max_bytes: u64, operator: &str) -> io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(WarcWriter {
            dir: dir.to_path_buf(),
            prefix: prefix.to_string(),
            max_bytes: max_bytes.max(1),
            operator: operator.to_string(),
            current: None,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Cuts `file` back to `committed` bytes (whole record pairs); removes it when nothing in it
    /// was committed. A file already at or under that length is left alone.
    pub fn recover(dir: &Path, file: &str, committed: u64) -> io::Result<bool> {
        let path = dir.join(file);
        let Ok(meta) = std::fs::metadata(&path) else {
            return Ok(false);
        };
        if committed == 0 {
            std::fs::remove_file(&path)?;
            return Ok(true);
        }
        if meta.len() > committed {
            let f = OpenOptions::new().write(true).open(&path)?;
            f.set_len(committed)?;
            f.sync_all()?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Appends a request/response pair, rotating first when the file is full.
    pub fn append(&mut self, ex: &Exchange<'_>, commit: CommitHook<'_>) -> io::Result<Written> {
        if self
            .current
            .as_ref()
            .is_some_and(|c| c.len >= self.max_bytes)
        {
            self.current = None;
        }
        if self.current.is_none() {
            self.current = Some(self.open_next(commit)?);
        }
        let cur = self.current.as_mut().expect("opened above");
        let response_id = record_id();
        let date = ex.date.to_rfc3339_opts(SecondsFormat::Secs, true);
        let mut response_block = ex.response_head.to_vec();
        response_block.extend_from_slice(ex.body);
        let mut extra = vec![
            ("WARC-Warcinfo-ID", cur.warcinfo.clone()),
            ("WARC-Payload-Digest", digest(ex.body)),
        ];
        if let Some(d) = ex.listed_date {
            extra.push((FIELD_LISTED_DATE, field_value(d)));
        }
        if let Some(t) = ex.listed_title {
            extra.push((FIELD_LISTED_TITLE, field_value(t)));
        }
        let request = record(
            "request",
            &record_id(),
            &date,
            Some(ex.target),
            "application/http; msgtype=request",
            &[
                ("WARC-Warcinfo-ID", cur.warcinfo.clone()),
                ("WARC-Concurrent-To", response_id.clone()),
            ],
            ex.request,
        )?;
        let response = record(
            "response",
            &response_id,
            &date,
            Some(ex.target),
            "application/http; msgtype=response",
            &extra,
            &response_block,
        )?;
        let offset = cur.len;
        let mut pair = request;
        pair.extend_from_slice(&response);
        cur.file.write_all(&pair)?;
        cur.file.sync_data()?;
        cur.len += pair.len() as u64;
        cur.records += 2;
        commit(&cur.name, cur.len)?;
        Ok(Written {
            file: cur.name.clone(),
            offset,
            end: cur.len,
            record: cur.records,
        })
    }

    /// A new file, named by the time and a sequence number, registered (committed length 0)
    /// before it exists and committed again once its warcinfo record is on disk.
    fn open_next(&self, commit: CommitHook<'_>) -> io::Result<OpenFile> {
        let stamp = Utc::now().format("%Y%m%d%H%M%S");
        for seq in 0..100_000u32 {
            let name = format!("{}-{stamp}-{seq:05}.warc.gz", self.prefix);
            let path = self.dir.join(&name);
            if path.exists() {
                continue;
            }
            commit(&name, 0)?;
            let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(f) => f,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            };
            let warcinfo = record_id();
            let info = format!(
                "software: claimtrail/{}\r\nformat: WARC File Format 1.1\r\n\
                 conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n\
                 operator: {}\r\n",
                env!("CARGO_PKG_VERSION"),
                field_value(&self.operator)
            );
            let rec = record(
                "warcinfo",
                &warcinfo,
                &Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
                None,
                "application/warc-fields",
                &[("WARC-Filename", name.clone())],
                info.as_bytes(),
            )?;
            file.write_all(&rec)?;
            file.sync_all()?;
            commit(&name, rec.len() as u64)?;
            return Ok(OpenFile {
                name,
                file,
                len: rec.len() as u64,
                records: 1,
                warcinfo,
            });
        }
        Err(io::Error::other(
            "no free WARC file name in the archive directory",
        ))
    }
}

/// One record as a gzip member.
fn record(
    kind: &str,
    id: &str,
    date: &str,
    target: Option<&str>,
    content_type: &str,
    extra: &[(&str, String)],
    block: &[u8],
) -> io::Result<Vec<u8>> {
    let mut head =
        format!("WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {id}\r\nWARC-Date: {date}\r\n");
    if let Some(t) = target {
        head.push_str(&format!("WARC-Target-URI: {}\r\n", field_value(t)));
    }
    for (k, v) in extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!(
        "WARC-Block-Digest: {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        digest(block),
        block.len()
    ));
    let mut gz = GzEncoder::new(
        Vec::with_capacity(block.len() / 3 + 512),
        Compression::default(),
    );
    gz.write_all(head.as_bytes())?;
    gz.write_all(block)?;
    gz.write_all(b"\r\n\r\n")?;
    gz.finish()
}

fn record_id() -> String {
    format!("<urn:uuid:{}>", uuid::Uuid::new_v4())
}

/// A header value on one line: controls (line breaks among them) become spaces.
fn field_value(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// `sha1:` and the digest in base32 (RFC 4648), the customary WARC digest.
pub fn digest(bytes: &[u8]) -> String {
    format!("sha1:{}", base32(&Sha1::digest(bytes)))
}

fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | b as u32;
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((acc << (5 - bits)) & 31) as usize] as char);
    }
    while !out.len().is_multiple_of(8) {
        out.push('=');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::MultiGzDecoder;
    use std::io::Read;

    #[test]
    fn base32_matches_rfc4648() {
        assert_eq!(base32(b""), "");
        assert_eq!(base32(b"f"), "MY======");
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI======");
        // The empty payload's SHA-1, as WARC tools write it.
        assert_eq!(digest(b""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
    }

    fn exchange<'a>(body: &'a [u8]) -> Exchange<'a> {
        Exchange {
            target: "http://e.com/a",
            date: Utc::now(),
            request: b"GET /a HTTP/1.1\r\nHost: e.com\r\n\r\n",
            response_head: b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
            body,
            listed_date: Some("2024-05-06"),
            listed_title: Some("A\ntitle"),
        }
    }

    #[test]
    fn pairs_are_gzip_members_files_rotate_and_recovery_cuts_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = WarcWriter::new(dir.path(), "t", 1500, "test").unwrap();
        let mut commits = Vec::new();
        let mut hook = |f: &str, n: u64| {
            commits.push((f.to_string(), n));
            Ok(())
        };
        let a = w.append(&exchange(b"<p>one</p>"), &mut hook).unwrap();
        assert_eq!(a.record, 3);
        let b = w.append(&exchange(b"<p>two</p>"), &mut hook).unwrap();
        assert_eq!(a.file, b.file);
        assert_eq!(b.offset, a.end);
        // Past 1500 bytes: the next pair opens a new file.
        let mut big = vec![b'x'; 2000];
        big.extend((0..2000u32).map(|i| (i * 7919 % 251) as u8));
        let c = w.append(&exchange(&big), &mut hook).unwrap();
        let c2 = w.append(&exchange(b"<p>four</p>"), &mut hook).unwrap();
        assert_ne!(c.file, a.file);
        assert_eq!(
            c2.file, c.file,
            "a file rotates once it is full, not before"
        );
        assert_eq!(commits[0], (a.file.clone(), 0));

        let mut text = String::new();
        MultiGzDecoder::new(File::open(dir.path().join(&a.file)).unwrap())
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text.matches("WARC/1.1\r\n").count(), 5);
        assert!(text.contains("Claimtrail-Listed-Title: A title\r\n"));
        assert!(text.contains("WARC-Concurrent-To: <urn:uuid:"));

        // A half-written pair after the last commit is cut off.
        let path = dir.path().join(&a.file);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"\x1f\x8b\x08garbage").unwrap();
        assert!(WarcWriter::recover(dir.path(), &a.file, b.end).unwrap());
        assert_eq!(std::fs::metadata(&path).unwrap().len(), b.end);
        assert!(!WarcWriter::recover(dir.path(), &a.file, b.end).unwrap());
        assert!(WarcWriter::recover(dir.path(), &a.file, 0).unwrap());
        assert!(!path.exists());
    }
}
